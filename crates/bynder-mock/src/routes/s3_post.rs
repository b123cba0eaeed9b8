//! `POST /_mock/s3/`: the S3 endpoint of the old upload flow (`reference/bynder-api.md` §6.1
//! step 3A). A `multipart/form-data` POST carrying every `multipart_params` field (with `key`
//! = `<key>/p<N>`), `name`, `chunk` = N (from 1), `chunks`, `Filename` = the key, and `file`
//! last. The form is parsed as it streams and the file part goes straight to disk.

use std::sync::Arc;

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum::response::Response;
use chrono::Utc;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use super::{drain, has_authorization, s3_xml};
use crate::operation::base_url;
use crate::reply::{self, Refusal};
use crate::server::{Listener, Portal};
use crate::uploads::policy::{self, BUCKET};
use crate::uploads::s3::S3Upload;
use crate::uploads::{FileSink, Uploads};

/// The form fields every part POST carries before `file`.
const REQUIRED: &[&str] = &[
    "acl",
    "success_action_status",
    "Content-Type",
    "key",
    "Policy",
    "X-Amz-Signature",
    "x-amz-credential",
    "x-amz-algorithm",
    "x-amz-date",
    "name",
    "chunk",
    "chunks",
    "Filename",
];

/// A text field larger than this is not a form field S3 expects.
const MAX_FIELD: usize = 64 * 1024;

/// Characters escaped in the `Location` of a stored part.
const KEY_ESCAPES: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'?');

/// Serves one part POST.
pub async fn serve(
    portal: &Arc<Portal>,
    listener: &Listener,
    parts: &Parts,
    body: Body,
    corrupt: bool,
) -> Response {
    if parts.method != Method::POST {
        drain(body).await;
        return s3_xml::error(
            405,
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
        );
    }
    if has_authorization(&parts.headers) {
        drain(body).await;
        return s3_xml::invalid(
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, \
             Signature query string parameter or the Authorization header should be specified \
             (a POST policy upload carries no Authorization header)",
        );
    }
    let boundary = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| multer::parse_boundary(ct).ok());
    let Some(boundary) = boundary else {
        drain(body).await;
        return s3_xml::error(
            412,
            "PreconditionFailed",
            "Bucket POST must be of the enclosure-type multipart/form-data",
        );
    };
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let response = receive(portal, listener, parts, &mut form, corrupt).await;
    // Whatever went wrong, read the rest so the client sees the answer.
    drain_form(&mut form).await;
    response
}

/// Reads the fields, checks them at `file`, stores the file, checks nothing follows it.
async fn receive(
    portal: &Portal,
    listener: &Listener,
    parts: &Parts,
    form: &mut multer::Multipart<'static>,
    corrupt: bool,
) -> Response {
    let mut fields: Vec<(String, String)> = Vec::new();
    let file = loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => {
                return s3_xml::invalid("POST requires exactly one file upload per request.");
            }
            Err(err) => return malformed(&err),
        };
        let Some(name) = field.name().map(str::to_string) else {
            return s3_xml::invalid("A form part has no field name");
        };
        if name == "file" {
            break field;
        }
        if fields
            .iter()
            .any(|(seen, _)| seen.eq_ignore_ascii_case(&name))
        {
            return s3_xml::invalid(&format!("The form field '{name}' is given twice"));
        }
        match read_text(field).await {
            Ok(value) => fields.push((name, value)),
            Err(response) => return response,
        }
    };
    let uploads = portal.store.uploads();
    let (upload, number, max_size) = match check_fields(uploads, &fields) {
        Ok(checked) => checked,
        // A field seemingly missing may just come after `file`: name that instead.
        Err(refusal) => return after_file(form, file).await.unwrap_or(*refusal),
    };
    let key = format!("{}/p{number}", upload.key);
    let stored = match store_file(uploads, file, max_size, corrupt).await {
        Ok(stored) => stored,
        Err(response) => return response,
    };
    match form.next_field().await {
        Ok(None) => {}
        Ok(Some(next)) => {
            crate::uploads::Storage::discard(&stored.path);
            return field_after_file(next.name().unwrap_or("(unnamed)"));
        }
        Err(err) => {
            crate::uploads::Storage::discard(&stored.path);
            return malformed(&err);
        }
    }
    if let Err(err) = uploads.s3.record_part(&upload.upload_id, number, stored) {
        return s3_xml::invalid(&format!("The upload of this key is gone: {err:?}"));
    }
    let location = format!(
        "{}/_mock/s3/{}",
        base_url(listener, parts),
        utf8_percent_encode(&key, KEY_ESCAPES)
    );
    s3_xml::post_response(
        &location,
        BUCKET,
        &key,
        &uuid::Uuid::new_v4().simple().to_string(),
    )
}

/// Skips the file part; the refusal for a field that follows it, if one does.
async fn after_file(
    form: &mut multer::Multipart<'static>,
    mut file: multer::Field<'static>,
) -> Option<Response> {
    while let Ok(Some(_)) = file.chunk().await {}
    drop(file);
    match form.next_field().await {
        Ok(Some(next)) => Some(field_after_file(next.name().unwrap_or("(unnamed)"))),
        _ => None,
    }
}

fn field_after_file(name: &str) -> Response {
    s3_xml::invalid(&format!(
        "The form field '{name}' comes after 'file': file must be the last field"
    ))
}

/// Every required field, a valid policy, and the part numbering Bynder's flow uses.
fn check_fields(
    uploads: &Uploads,
    fields: &[(String, String)],
) -> Result<(S3Upload, u32, u64), Refusal> {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    if let Some(missing) = REQUIRED.iter().find(|name| value(name).is_none()) {
        return Err(bad(&format!(
            "The form field '{missing}' is missing (it must come before 'file')"
        )));
    }
    let allowed = policy::verify(uploads.policy_secret(), fields, Utc::now())
        .map_err(|err| Box::new(s3_xml::error(403, err.code(), &err.message())))?;
    let field = |name: &str| value(name).unwrap_or_default();
    let number = positive(field("chunk")).ok_or_else(|| {
        bad(&format!(
            "chunk must be a part number from 1, not '{}'",
            field("chunk")
        ))
    })?;
    let chunks = positive(field("chunks")).ok_or_else(|| {
        bad(&format!(
            "chunks must be a count from 1, not '{}'",
            field("chunks")
        ))
    })?;
    if number > chunks {
        return Err(bad(&format!("chunk {number} is beyond chunks={chunks}")));
    }
    let key = field("key");
    let expected = format!("{}{number}", allowed.key_prefix);
    if key != expected {
        return Err(bad(&format!(
            "key is '{key}' but part {number} of this upload is '{expected}'"
        )));
    }
    if field("Filename") != key {
        return Err(bad(&format!(
            "Filename is '{}' but must equal key '{key}'",
            field("Filename")
        )));
    }
    let base = allowed.key_prefix.strip_suffix("/p").unwrap_or_default();
    let upload = uploads
        .s3
        .by_key(base)
        .ok_or_else(|| bad(&format!("No upload was initialised for key '{base}'")))?;
    Ok((upload, number, allowed.max_size))
}

fn bad(message: &str) -> Refusal {
    Box::new(s3_xml::invalid(message))
}

fn positive(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| *n >= 1)
}

async fn read_text(mut field: multer::Field<'static>) -> Result<String, Response> {
    let name = field.name().unwrap_or_default().to_string();
    let mut value = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(bytes)) => {
                value.extend_from_slice(&bytes);
                if value.len() > MAX_FIELD {
                    return Err(s3_xml::invalid(&format!(
                        "The form field '{name}' is larger than {MAX_FIELD} bytes"
                    )));
                }
            }
            Ok(None) => break,
            Err(err) => return Err(malformed(&err)),
        }
    }
    String::from_utf8(value)
        .map_err(|_| s3_xml::invalid(&format!("The form field '{name}' is not UTF-8 text")))
}

async fn store_file(
    uploads: &Uploads,
    mut file: multer::Field<'static>,
    max_size: u64,
    corrupt: bool,
) -> Result<crate::uploads::Stored, Response> {
    let path = uploads
        .storage
        .new_file_path("part")
        .map_err(|e| storage_failure(&e))?;
    let mut sink = FileSink::create(path, false, corrupt)
        .await
        .map_err(|e| storage_failure(&e))?;
    loop {
        match file.chunk().await {
            Ok(Some(bytes)) => {
                sink.push(bytes).await.map_err(|e| storage_failure(&e))?;
                if sink.size() > max_size {
                    return Err(s3_xml::error(
                        400,
                        "EntityTooLarge",
                        "Your proposed upload exceeds the maximum allowed size",
                    ));
                }
            }
            Ok(None) => break,
            // The client went away, or the body is not valid multipart.
            Err(multer::Error::StreamReadFailed(_)) => return Err(reply::dropped()),
            Err(err) => return Err(malformed(&err)),
        }
    }
    sink.finish().await.map_err(|e| storage_failure(&e))
}

async fn drain_form(form: &mut multer::Multipart<'static>) {
    let mut read = 0usize;
    while let Ok(Some(mut field)) = form.next_field().await {
        while let Ok(Some(bytes)) = field.chunk().await {
            read += bytes.len();
            if read > 64 * 1024 * 1024 {
                return;
            }
        }
    }
}

fn malformed(err: &multer::Error) -> Response {
    s3_xml::error(
        400,
        "MalformedPOSTRequest",
        &format!("The body of your POST request is not well-formed multipart/form-data: {err}"),
    )
}

fn storage_failure(err: &std::io::Error) -> Response {
    tracing::error!(error = %err, "could not store an S3 part");
    s3_xml::error(
        500,
        "InternalError",
        &format!("The mock could not store the part: {err}"),
    )
}
