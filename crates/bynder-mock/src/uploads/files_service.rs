//! Files Service uploads (`reference/bynder-api.md` §6.2): prepared files, their chunks on
//! disk, and the checks of `finalise_api`.
//!
//! The whole-file SHA-256 that finalise checks is computed while the upload goes on: a
//! blocking task hashes the chunks in order from disk (the page cache, in practice) as soon as
//! each next one has arrived, so finalise only hashes what is left.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use sha2::{Digest, Sha256};

use super::blob::{Blob, Segment};
use super::sink::Stored;
use super::storage::Storage;

/// What `finalise_api` was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinaliseRequest {
    /// `fileName`.
    pub file_name: String,
    /// `fileSize`.
    pub file_size: u64,
    /// `chunksCount`.
    pub chunks_count: u32,
    /// `sha256`, lower-cased.
    pub sha256: String,
}

/// A finalised upload's file.
#[derive(Debug, Clone)]
pub struct Finalised {
    /// What finalise was sent.
    pub request: FinaliseRequest,
    /// The bytes, chunk after chunk.
    pub blob: Blob,
}

/// Why a chunk or a finalise is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsError {
    /// No prepared upload has this `file_id` (404).
    UnknownFile,
    /// Anything else (400), with the message to send.
    Invalid(String),
}

impl FsError {
    /// The HTTP status to answer.
    pub fn status(&self) -> u16 {
        match self {
            FsError::UnknownFile => 404,
            FsError::Invalid(_) => 400,
        }
    }

    /// The message to answer.
    pub fn message(&self) -> String {
        match self {
            FsError::UnknownFile => {
                "No upload with this file_id: call /v7/file_cmds/upload/prepare first".to_string()
            }
            FsError::Invalid(message) => message.clone(),
        }
    }
}

#[derive(Debug)]
struct Chunk {
    stored: Stored,
    /// Tells a re-sent chunk from the one it replaced.
    serial: u64,
}

/// The SHA-256 of the leading chunks hashed so far.
#[derive(Debug, Clone)]
struct Prefix {
    hasher: Sha256,
    /// Chunks `0..through` are in `hasher`.
    through: u32,
    /// Bumped when a hashed chunk is replaced, so stale work is dropped.
    generation: u64,
}

impl Prefix {
    fn new(generation: u64) -> Prefix {
        Prefix {
            hasher: Sha256::new(),
            through: 0,
            generation,
        }
    }
}

#[derive(Debug)]
enum Phase {
    Open,
    Finalising,
    Finalised(Finalised),
}

#[derive(Debug)]
struct FsUpload {
    chunks: BTreeMap<u32, Chunk>,
    phase: Phase,
    prefix: Prefix,
    hashing: bool,
    serials: u64,
}

/// The Files Service uploads of one portal.
#[derive(Debug, Default)]
pub struct FilesService {
    uploads: Mutex<HashMap<String, FsUpload>>,
}

impl FilesService {
    fn with<R>(&self, f: impl FnOnce(&mut HashMap<String, FsUpload>) -> R) -> R {
        f(&mut self.uploads.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Starts an upload; answers its `file_id` (lower-case RFC 4122).
    pub fn prepare(&self) -> String {
        let file_id = uuid::Uuid::new_v4().to_string();
        self.with(|uploads| {
            uploads.insert(
                file_id.clone(),
                FsUpload {
                    chunks: BTreeMap::new(),
                    phase: Phase::Open,
                    prefix: Prefix::new(0),
                    hashing: false,
                    serials: 0,
                },
            )
        });
        file_id
    }

    /// Whether chunks may still be sent to `file_id`.
    pub fn check_open(&self, file_id: &str) -> Result<(), FsError> {
        self.with(|uploads| open(uploads.get(&key(file_id))).map(|_| ()))
    }

    /// Records chunk `number` (replacing an earlier one with that number).
    pub fn store_chunk(
        self: &Arc<Self>,
        file_id: &str,
        number: u32,
        stored: Stored,
    ) -> Result<(), FsError> {
        let file_id = key(file_id);
        let refused = self.with(|uploads| {
            let Some(upload) = uploads.get_mut(&file_id) else {
                return Some(FsError::UnknownFile);
            };
            if let Err(err) = open(Some(upload)) {
                return Some(err);
            }
            upload.serials += 1;
            let chunk = Chunk {
                stored: stored.clone(),
                serial: upload.serials,
            };
            if let Some(old) = upload.chunks.insert(number, chunk) {
                Storage::discard(&old.stored.path);
                if number < upload.prefix.through {
                    upload.prefix = Prefix::new(upload.prefix.generation + 1);
                }
            }
            self.kick(&file_id, upload);
            None
        });
        match refused {
            Some(err) => {
                Storage::discard(&stored.path);
                Err(err)
            }
            None => Ok(()),
        }
    }

    /// Starts the prefix hasher when it is idle and the next chunk in order is there.
    fn kick(self: &Arc<Self>, file_id: &str, upload: &mut FsUpload) {
        if upload.hashing || !upload.chunks.contains_key(&upload.prefix.through) {
            return;
        }
        // Without a runtime (unit tests) finalise simply hashes everything itself.
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        upload.hashing = true;
        let (service, file_id) = (self.clone(), file_id.to_string());
        runtime.spawn_blocking(move || service.hash_prefix(&file_id));
    }

    /// Hashes the chunks in order for as long as the next one is there.
    fn hash_prefix(&self, file_id: &str) {
        loop {
            let job = self.with(|uploads| {
                let upload = uploads.get_mut(file_id)?;
                let next = match upload.phase {
                    Phase::Open => upload.chunks.get(&upload.prefix.through),
                    _ => None,
                };
                match next {
                    Some(chunk) => {
                        Some((upload.prefix.clone(), chunk.stored.clone(), chunk.serial))
                    }
                    None => {
                        upload.hashing = false;
                        None
                    }
                }
            });
            let Some((mut prefix, stored, serial)) = job else {
                return;
            };
            let hashed = hash_file(&mut prefix.hasher, &stored.path, stored.size).is_ok();
            let stop = self.with(|uploads| {
                let Some(upload) = uploads.get_mut(file_id) else {
                    return true;
                };
                let unchanged = upload.prefix.generation == prefix.generation
                    && upload.prefix.through == prefix.through
                    && upload
                        .chunks
                        .get(&prefix.through)
                        .is_some_and(|chunk| chunk.serial == serial);
                if hashed && unchanged {
                    prefix.through += 1;
                    upload.prefix = prefix;
                } else if !hashed && unchanged {
                    // An unreadable chunk: leave it to finalise, which reports it.
                    upload.hashing = false;
                    return true;
                }
                false
            });
            if stop {
                return;
            }
        }
    }

    /// Checks and finalises `file_id`; finalising again with the same fields answers the
    /// same file.
    pub fn finalise(&self, file_id: &str, request: &FinaliseRequest) -> Result<Finalised, FsError> {
        let file_id = key(file_id);
        let (mut prefix, rest) = match self.begin_finalise(&file_id, request)? {
            Begin::Already(done) => return Ok(done),
            Begin::Hash { prefix, rest } => (prefix, rest),
        };
        let mut failure = None;
        for stored in &rest {
            if let Err(err) = hash_file(&mut prefix.hasher, &stored.path, stored.size) {
                failure = Some(format!("A stored chunk could not be read back: {err}"));
                break;
            }
        }
        let actual = hex(&prefix.hasher.finalize());
        if failure.is_none() && actual != request.sha256 {
            failure = Some(format!(
                "sha256 is {} but the {} chunks received hash to {actual}",
                request.sha256, request.chunks_count
            ));
        }
        self.end_finalise(&file_id, request, failure)
    }

    /// Checks the chunks and marks the upload as being finalised (no more chunks).
    fn begin_finalise(&self, file_id: &str, request: &FinaliseRequest) -> Result<Begin, FsError> {
        self.with(|uploads| {
            let upload = uploads.get_mut(file_id).ok_or(FsError::UnknownFile)?;
            match &upload.phase {
                Phase::Finalised(done) if done.request == *request => {
                    return Ok(Begin::Already(done.clone()));
                }
                Phase::Finalised(_) => {
                    return Err(FsError::Invalid(
                        "This upload was finalised already, with other fields".to_string(),
                    ));
                }
                Phase::Finalising => return Err(being_finalised()),
                Phase::Open => {}
            }
            check_chunks(&upload.chunks, request)?;
            let prefix = upload.prefix.clone();
            let rest = upload
                .chunks
                .range(prefix.through..)
                .map(|(_, chunk)| chunk.stored.clone())
                .collect();
            upload.phase = Phase::Finalising;
            Ok(Begin::Hash { prefix, rest })
        })
    }

    /// Finalises the upload, or reopens it when `failure` says the hash did not match.
    fn end_finalise(
        &self,
        file_id: &str,
        request: &FinaliseRequest,
        failure: Option<String>,
    ) -> Result<Finalised, FsError> {
        self.with(|uploads| {
            let upload = uploads.get_mut(file_id).ok_or(FsError::UnknownFile)?;
            if let Some(message) = failure {
                upload.phase = Phase::Open;
                return Err(FsError::Invalid(message));
            }
            let segments = upload
                .chunks
                .values()
                .map(|chunk| Segment {
                    path: chunk.stored.path.clone(),
                    len: chunk.stored.size,
                })
                .collect();
            let done = Finalised {
                request: request.clone(),
                blob: Blob::new(segments),
            };
            upload.phase = Phase::Finalised(done.clone());
            Ok(done)
        })
    }
}

/// Where finalising starts.
enum Begin {
    /// Finalised before with the same fields.
    Already(Finalised),
    /// The hash of the leading chunks, and the chunks still to hash.
    Hash { prefix: Prefix, rest: Vec<Stored> },
}

/// Uploads are keyed by the lower-case `file_id` (the router accepts either case).
fn key(file_id: &str) -> String {
    file_id.trim().to_ascii_lowercase()
}

fn being_finalised() -> FsError {
    FsError::Invalid("This upload is being finalised".to_string())
}

fn open(upload: Option<&FsUpload>) -> Result<&FsUpload, FsError> {
    let upload = upload.ok_or(FsError::UnknownFile)?;
    match upload.phase {
        Phase::Open => Ok(upload),
        Phase::Finalising => Err(being_finalised()),
        Phase::Finalised(_) => Err(FsError::Invalid(
            "This upload was finalised already: it takes no more chunks".to_string(),
        )),
    }
}

/// Exactly chunks `0..chunksCount`, adding up to `fileSize`.
fn check_chunks(chunks: &BTreeMap<u32, Chunk>, request: &FinaliseRequest) -> Result<(), FsError> {
    let count = request.chunks_count;
    if count == 0 {
        return Err(FsError::Invalid(
            "chunksCount must be at least 1".to_string(),
        ));
    }
    let received: Vec<u32> = chunks.keys().copied().collect();
    if let Some(missing) = (0..count).find(|n| !chunks.contains_key(n)) {
        return Err(FsError::Invalid(format!(
            "chunksCount is {count} but chunk {missing} was not received (received: {})",
            describe_numbers(&received)
        )));
    }
    if received.len() as u64 != u64::from(count) {
        return Err(FsError::Invalid(format!(
            "chunksCount is {count} but {} chunks were received ({})",
            received.len(),
            describe_numbers(&received)
        )));
    }
    let total: u64 = chunks.values().map(|chunk| chunk.stored.size).sum();
    if total != request.file_size {
        return Err(FsError::Invalid(format!(
            "fileSize is {} but the {count} chunks received add up to {total} bytes",
            request.file_size
        )));
    }
    Ok(())
}

/// `0-4, 7, 9-12` for a sorted list of numbers; `none` when empty.
pub fn describe_numbers(numbers: &[u32]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut iter = numbers.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end += 1;
            iter.next();
        }
        runs.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
    }
    if runs.is_empty() {
        "none".to_string()
    } else {
        runs.join(", ")
    }
}

/// Adds the first `len` bytes of the file at `path` to `hasher`.
fn hash_file(hasher: &mut Sha256, path: &Path, len: u64) -> std::io::Result<()> {
    let mut file = std::fs::File::open(path)?.take(len);
    let mut buffer = vec![0u8; 1024 * 1024];
    let mut left = len;
    while left > 0 {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        hasher.update(&buffer[..read]);
        left -= read as u64;
    }
    Ok(())
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
