//! The old upload flow's portal calls (`reference/bynder-api.md` §6.1): the S3 endpoint,
//! init, register a part or finalise, and poll. The parts themselves go to the mock's S3
//! endpoint (`crate::routes::s3_post`).

use std::time::Instant;

use chrono::Utc;
use serde_json::{Value, json};

use super::params::{self, Param, required_number, required_text};
use crate::request::{OpRequest, OpResponse};
use crate::store::{Store, random_cf_id};
use crate::uploads::file_types::{extension, is_valid_file_name, policy_content_type};
use crate::uploads::policy::{self, ACL, ALGORITHM, BUCKET, SUCCESS_STATUS};
use crate::uploads::s3::{FinaliseFields, S3Error};
use crate::uploads::{PollState, Uploads};

/// The path of the mock's S3 endpoint.
pub const S3_PATH: &str = "/_mock/s3/";

/// `GET /api/upload/endpoint`: the S3 endpoint as a JSON string.
pub fn endpoint(req: &OpRequest) -> OpResponse {
    OpResponse::json(json!(format!("{}{S3_PATH}", req.base_url)))
}

/// `POST /api/upload/init` with `filename`: the upload's ids and its signed S3 POST fields.
pub fn init(store: &Store, req: &OpRequest) -> OpResponse {
    let file_name = req.param("filename").unwrap_or_default();
    if file_name.trim().is_empty() {
        return OpResponse::status_json(400, json!({"filename": "This field is required."}));
    }
    if !is_valid_file_name(&file_name) {
        return OpResponse::status_json(
            400,
            json!({"filename": format!("'{file_name}' is not a valid filename")}),
        );
    }
    let uploads = store.uploads();
    let upload = uploads.s3.init(&file_name);
    let content_type = policy_content_type(&extension(&file_name).unwrap_or_default());
    let signed = policy::sign(
        uploads.policy_secret(),
        &upload.key,
        content_type,
        Utc::now(),
    );
    OpResponse::json(json!({
        "s3file": {"uploadid": upload.upload_id, "targetid": upload.target_id},
        "s3_filename": upload.key,
        "target_key": upload.key,
        "multipart_params": {
            "acl": ACL,
            "success_action_status": SUCCESS_STATUS,
            "Content-Type": content_type,
            "key": upload.key,
            "Policy": signed.policy,
            "X-Amz-Signature": signed.signature,
            "x-amz-credential": signed.credential,
            "x-amz-algorithm": ALGORITHM,
            "x-amz-date": signed.date,
        },
    }))
}

/// `POST /api/v4/upload/{id}/`: registers a part (`chunkNumber`) or finalises (`chunks`).
pub fn register_at_path(store: &Store, req: &OpRequest) -> OpResponse {
    let path_id = req.path_param("id").unwrap_or_default().to_string();
    if let Some(form_id) = req.param("id").filter(|id| !id.is_empty())
        && form_id != path_id
    {
        return OpResponse::message(
            400,
            &format!("id '{form_id}' in the form is not the upload id '{path_id}' of the path"),
        );
    }
    register_or_finalise(store.uploads(), req, &path_id)
}

/// `POST /api/v4/upload/` with the upload id in form field `id` (the official SDKs' path).
pub fn register_in_form(store: &Store, req: &OpRequest) -> OpResponse {
    match required_text(req, "id") {
        Ok(upload_id) => register_or_finalise(store.uploads(), req, &upload_id),
        Err(response) => response,
    }
}

fn register_or_finalise(uploads: &Uploads, req: &OpRequest, upload_id: &str) -> OpResponse {
    let outcome = match (req.param("chunkNumber"), req.param("chunks")) {
        (Some(_), Some(_)) => Err(OpResponse::message(
            400,
            "Send chunkNumber to register a part or chunks to finalise, not both",
        )),
        (Some(_), None) => register(uploads, req, upload_id),
        (None, Some(_)) => finalise(uploads, req, upload_id),
        (None, None) => Err(OpResponse::message(
            400,
            "chunkNumber (register a part) or chunks (finalise) is required",
        )),
    };
    match outcome {
        Ok(response) | Err(response) => response,
    }
}

fn register(uploads: &Uploads, req: &OpRequest, upload_id: &str) -> Param<OpResponse> {
    let number = part_number(req, "chunkNumber")?;
    let filename = required_text(req, "filename")?;
    let target_id = req.param("targetid").unwrap_or_default();
    uploads
        .s3
        .register(upload_id, number, &filename, &target_id)
        .map_err(s3_error)?;
    Ok(OpResponse::status_json(202, json!({"status": "ok"})))
}

fn finalise(uploads: &Uploads, req: &OpRequest, upload_id: &str) -> Param<OpResponse> {
    let fields = finalise_fields(req)?;
    let done = uploads
        .s3
        .finalise(upload_id, &fields, || {
            (Some(random_cf_id()), random_cf_id())
        })
        .map_err(s3_error)?;
    let upload = uploads.s3.get(upload_id).ok_or_else(unknown_upload)?;
    let import_id = done.import_id.unwrap_or_default();
    if uploads.imports.poll(&import_id, Instant::now()) == PollState::Failed {
        let shown = req
            .param("original_filename")
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| upload.file_name.clone());
        uploads.add_import(&import_id, &shown, done.blob);
    }
    let output = upload
        .target_id
        .strip_suffix(upload.file_name.as_str())
        .unwrap_or(&upload.target_id)
        .to_string();
    Ok(OpResponse::status_json(
        202,
        json!({
            "output": output,
            "batchId": done.batch_id,
            "file": {"bucket": BUCKET, "path": upload.target_id, "type": "s3"},
            "filename": upload.target_id,
            "importId": import_id,
            "locationType": "s3",
            "success": 1,
        }),
    ))
}

/// The fields of a finalise call (`targetid` or `targetId`, `s3_filename`, `chunks`).
pub fn finalise_fields(req: &OpRequest) -> Param<FinaliseFields> {
    Ok(FinaliseFields {
        chunks: part_number(req, "chunks")?,
        s3_filename: required_text(req, "s3_filename")?,
        target_id: req.param("targetid").unwrap_or_default(),
    })
}

fn part_number(req: &OpRequest, name: &str) -> Param<u32> {
    match u32::try_from(required_number(req, name)?) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(OpResponse::message(
            400,
            &format!("{name} must be a part number from 1"),
        )),
    }
}

fn unknown_upload() -> OpResponse {
    OpResponse::message(404, "Upload not found: call /api/upload/init first")
}

/// The answer for an S3-flow refusal.
pub fn s3_error(err: S3Error) -> OpResponse {
    match err {
        S3Error::UnknownUpload => unknown_upload(),
        S3Error::Invalid(message) => OpResponse::message(400, &message),
        S3Error::Incomplete => OpResponse::status_json(
            500,
            json!({"message": "Could not complete upload", "retry": 1, "success": false}),
        ),
    }
}

/// `GET /api/v4/upload/poll/?items=a,b`: which imports are converted (unknown ids failed).
pub fn poll(store: &Store, req: &OpRequest) -> OpResponse {
    let items = params::list(req, "items");
    if items.is_empty() {
        return OpResponse::message(400, "items is required");
    }
    let now = Instant::now();
    let (mut done, mut failed) = (Vec::new(), Vec::new());
    for item in items {
        match store.uploads().imports.poll(&item, now) {
            PollState::Done => done.push(Value::from(item)),
            PollState::Failed => failed.push(Value::from(item)),
            PollState::Pending => {}
        }
    }
    OpResponse::json(json!({"itemsDone": done, "itemsFailed": failed, "itemsRejected": []}))
}
