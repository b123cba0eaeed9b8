//! The Files Service upload calls that carry no file bytes (`reference/bynder-api.md` §6.2):
//! prepare and `finalise_api`. Chunks stream to disk in `crate::routes::chunk`.

use serde_json::json;

use super::params::{Param, required_number, required_text};
use crate::request::{OpRequest, OpResponse, ResponseBody};
use crate::store::Store;
use crate::uploads::PollState;
use crate::uploads::files_service::FinaliseRequest;

/// `POST /v7/file_cmds/upload/prepare` (no body, or a JSON object): `{"file_id": ...}`.
pub fn prepare(store: &Store, req: &OpRequest) -> OpResponse {
    if req.json.as_ref().is_some_and(|body| !body.is_object()) {
        return OpResponse::message(400, "The body must be a JSON object (or nothing)");
    }
    let file_id = store.uploads().files.prepare();
    OpResponse::json(json!({ "file_id": file_id }))
}

/// `POST /v7/file_cmds/upload/{file_id}/finalise_api` with `fileName`, `fileSize`,
/// `chunksCount`, `sha256`: 201, empty, with an `X-API-Correlation-Id`.
pub fn finalise(store: &Store, req: &OpRequest) -> OpResponse {
    match answer_finalise(store, req) {
        Ok(response) | Err(response) => response,
    }
}

fn answer_finalise(store: &Store, req: &OpRequest) -> Param<OpResponse> {
    let file_id = req.path_param("file_id").unwrap_or_default().to_string();
    let request = finalise_request(req)?;
    let uploads = store.uploads();
    let done = uploads
        .files
        .finalise(&file_id, &request)
        .map_err(|err| OpResponse::message(err.status(), &err.message()))?;
    // A repeated finalise keeps the import (and its conversion clock) as it is.
    if uploads.imports.poll(&file_id, std::time::Instant::now()) == PollState::Failed {
        uploads.add_import(&file_id, &request.file_name, done.blob);
    }
    Ok(OpResponse {
        status: 201,
        headers: vec![(
            "X-API-Correlation-Id".to_string(),
            uuid::Uuid::new_v4().to_string(),
        )],
        body: ResponseBody::Empty,
    })
}

fn finalise_request(req: &OpRequest) -> Param<FinaliseRequest> {
    let file_name = required_text(req, "fileName")?;
    let file_size = required_number(req, "fileSize")?;
    let chunks_count = u32::try_from(required_number(req, "chunksCount")?)
        .map_err(|_| OpResponse::message(400, "chunksCount is too large"))?;
    let sha256 = required_text(req, "sha256")?.to_ascii_lowercase();
    if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(OpResponse::message(
            400,
            &format!("sha256 must be the 64 hex digits of the file's SHA-256, not '{sha256}'"),
        ));
    }
    Ok(FinaliseRequest {
        file_name,
        file_size,
        chunks_count,
        sha256,
    })
}
