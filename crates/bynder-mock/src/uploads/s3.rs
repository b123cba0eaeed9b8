//! Old-flow uploads (`reference/bynder-api.md` §6.1): initialised uploads, the parts the
//! mock's S3 endpoint received, the parts registered with the portal, and the checks of
//! finalise.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};

use rand::Rng;

use super::blob::{Blob, Segment};
use super::files_service::describe_numbers;
use super::sink::Stored;
use super::storage::Storage;

/// S3's smallest part of a multipart upload, except the last one.
pub const MIN_PART: u64 = 5 * 1024 * 1024;

/// What `upload/init` set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Upload {
    /// `s3file.uploadid`: opaque, URL-safe.
    pub upload_id: String,
    /// `s3file.targetid`: `final/<uuid>/<file name>`.
    pub target_id: String,
    /// `s3_filename` = `target_key` = `multipart_params.key`: `pluploads/api/<uuid>/<name>`.
    pub key: String,
    /// The file name given to init.
    pub file_name: String,
}

/// A finalised upload.
#[derive(Debug, Clone)]
pub struct S3Finalised {
    /// `chunks` of the finalise call.
    pub chunks: u32,
    /// The parts, in order.
    pub blob: Blob,
    /// `importId` (none when finalised as an additional file).
    pub import_id: Option<String>,
    /// `batchId`.
    pub batch_id: String,
}

/// Why a register or finalise call is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum S3Error {
    /// No upload with this id (404).
    UnknownUpload,
    /// A bad request (400), with the message.
    Invalid(String),
    /// Parts were uploaded but not all registered: Bynder's 500 "Could not complete upload".
    Incomplete,
}

/// What a finalise call sent.
#[derive(Debug, Clone)]
pub struct FinaliseFields {
    /// `chunks`.
    pub chunks: u32,
    /// `s3_filename` (the key, or the key of the last part).
    pub s3_filename: String,
    /// `targetid`.
    pub target_id: String,
}

#[derive(Debug)]
struct Entry {
    upload: S3Upload,
    parts: BTreeMap<u32, Stored>,
    registered: BTreeSet<u32>,
    finalised: Option<S3Finalised>,
}

#[derive(Debug, Default)]
struct Inner {
    by_id: HashMap<String, Entry>,
    /// Upload id by key.
    by_key: HashMap<String, String>,
}

/// The old-flow uploads of one portal.
#[derive(Debug, Default)]
pub struct S3Uploads {
    inner: Mutex<Inner>,
}

impl S3Uploads {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        f(&mut self.inner.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Starts an upload of `file_name`.
    pub fn init(&self, file_name: &str) -> S3Upload {
        let uuid = uuid::Uuid::new_v4();
        let upload = S3Upload {
            upload_id: opaque_upload_id(),
            target_id: format!("final/{uuid}/{file_name}"),
            key: format!("pluploads/api/{uuid}/{file_name}"),
            file_name: file_name.to_string(),
        };
        self.with(|inner| {
            inner
                .by_key
                .insert(upload.key.clone(), upload.upload_id.clone());
            inner.by_id.insert(
                upload.upload_id.clone(),
                Entry {
                    upload: upload.clone(),
                    parts: BTreeMap::new(),
                    registered: BTreeSet::new(),
                    finalised: None,
                },
            );
        });
        upload
    }

    /// The upload whose key is `key`.
    pub fn by_key(&self, key: &str) -> Option<S3Upload> {
        self.with(|inner| {
            let id = inner.by_key.get(key)?;
            inner.by_id.get(id).map(|entry| entry.upload.clone())
        })
    }

    /// The upload with id `upload_id`.
    pub fn get(&self, upload_id: &str) -> Option<S3Upload> {
        self.with(|inner| inner.by_id.get(upload_id).map(|e| e.upload.clone()))
    }

    /// Records part `number` as received by S3 (replacing an earlier one).
    pub fn record_part(&self, upload_id: &str, number: u32, stored: Stored) -> Result<(), S3Error> {
        self.with(|inner| {
            let entry = inner
                .by_id
                .get_mut(upload_id)
                .ok_or(S3Error::UnknownUpload)?;
            let finalised = entry.finalised.is_some();
            if let Some(old) = entry.parts.insert(number, stored) {
                // A finalised upload's blob may still read the old part.
                if !finalised {
                    Storage::discard(&old.path);
                }
            }
            Ok(())
        })
    }

    /// Registers part `number`: it must have reached S3 under `filename` = `<key>/p<N>`.
    pub fn register(
        &self,
        upload_id: &str,
        number: u32,
        filename: &str,
        target_id: &str,
    ) -> Result<(), S3Error> {
        self.with(|inner| {
            let entry = inner
                .by_id
                .get_mut(upload_id)
                .ok_or(S3Error::UnknownUpload)?;
            check_target(&entry.upload, target_id)?;
            let expected = format!("{}/p{number}", entry.upload.key);
            if filename != expected {
                return Err(S3Error::Invalid(format!(
                    "filename is '{filename}' but part {number} of this upload is '{expected}'"
                )));
            }
            if entry.finalised.is_some() {
                return Err(S3Error::Invalid(
                    "This upload was finalised already".to_string(),
                ));
            }
            if !entry.parts.contains_key(&number) {
                return Err(S3Error::Invalid(format!(
                    "Part p{number} was not uploaded to S3 (uploaded: {})",
                    parts_list(&entry.parts)
                )));
            }
            entry.registered.insert(number);
            Ok(())
        })
    }

    /// Finalises the upload from its parts `1..=chunks`; `ids` makes the `importId` (or none,
    /// for an additional file) and `batchId` of a first finalise. Finalising again with the
    /// same `chunks` answers the first result.
    pub fn finalise(
        &self,
        upload_id: &str,
        fields: &FinaliseFields,
        ids: impl FnOnce() -> (Option<String>, String),
    ) -> Result<S3Finalised, S3Error> {
        self.with(|inner| {
            let entry = inner
                .by_id
                .get_mut(upload_id)
                .ok_or(S3Error::UnknownUpload)?;
            check_target(&entry.upload, &fields.target_id)?;
            check_s3_filename(&entry.upload, fields)?;
            if let Some(done) = &entry.finalised {
                return if done.chunks == fields.chunks {
                    Ok(done.clone())
                } else {
                    Err(S3Error::Invalid(format!(
                        "This upload was finalised already with chunks={}",
                        done.chunks
                    )))
                };
            }
            let blob = complete_parts(entry, fields.chunks)?;
            let (import_id, batch_id) = ids();
            let done = S3Finalised {
                chunks: fields.chunks,
                blob,
                import_id,
                batch_id,
            };
            entry.finalised = Some(done.clone());
            Ok(done)
        })
    }
}

fn check_target(upload: &S3Upload, target_id: &str) -> Result<(), S3Error> {
    if target_id.is_empty() {
        return Err(S3Error::Invalid("targetid is required".to_string()));
    }
    if target_id != upload.target_id {
        return Err(S3Error::Invalid(format!(
            "targetid '{target_id}' is not this upload's ('{}')",
            upload.target_id
        )));
    }
    Ok(())
}

/// The SDKs send the key of the last part, the documentation the key itself: both are fine.
fn check_s3_filename(upload: &S3Upload, fields: &FinaliseFields) -> Result<(), S3Error> {
    let last = format!("{}/p{}", upload.key, fields.chunks);
    if fields.s3_filename == upload.key || fields.s3_filename == last {
        return Ok(());
    }
    Err(S3Error::Invalid(format!(
        "s3_filename is '{}' but this upload's is '{}' (or '{last}')",
        fields.s3_filename, upload.key
    )))
}

/// Parts `1..=chunks`, all uploaded and registered, none but the last under 5 MiB.
fn complete_parts(entry: &Entry, chunks: u32) -> Result<Blob, S3Error> {
    if chunks == 0 {
        return Err(S3Error::Invalid("chunks must be at least 1".to_string()));
    }
    if let Some(missing) = (1..=chunks).find(|n| !entry.parts.contains_key(n)) {
        return Err(S3Error::Invalid(format!(
            "Part p{missing} of {chunks} was not uploaded to S3 (uploaded: {})",
            parts_list(&entry.parts)
        )));
    }
    if let Some(extra) = entry.parts.keys().find(|n| **n > chunks) {
        return Err(S3Error::Invalid(format!(
            "chunks is {chunks} but part p{extra} was uploaded too"
        )));
    }
    for (number, part) in entry.parts.range(1..chunks) {
        if part.size < MIN_PART {
            return Err(S3Error::Invalid(format!(
                "Part p{number} is {} bytes: every part but the last must be at least 5 MiB \
                 ({MIN_PART} bytes)",
                part.size
            )));
        }
    }
    if (1..=chunks).any(|n| !entry.registered.contains(&n)) {
        return Err(S3Error::Incomplete);
    }
    let segments = entry
        .parts
        .values()
        .map(|part| Segment {
            path: part.path.clone(),
            len: part.size,
        })
        .collect();
    Ok(Blob::new(segments))
}

fn parts_list(parts: &BTreeMap<u32, Stored>) -> String {
    let numbers: Vec<u32> = parts.keys().copied().collect();
    match describe_numbers(&numbers).as_str() {
        "none" => "none".to_string(),
        list => format!("p{list}"),
    }
}

/// An upload id shaped like Bynder's: long, opaque, URL-safe (letters, digits, `.`, `_`).
fn opaque_upload_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    let mut rng = rand::rng();
    (0..96)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests;
