//! Files on a job: `GET /api/workflow/jobs/{id}/media/` lists them (later versions under
//! their first one's `sub_versions`), and `POST /api/workflow/jobs/{id}/upload` attaches a
//! file uploaded through the Files Service (`reference/bynder-api.md` §5.8, §6.2): prepare,
//! chunks and `finalise_api` give the `fileId`; this call uses it instead of a save.

use std::time::Instant;

use serde_json::{Value, json};

use super::input::{self, answer, bad, missing, path_id};
use super::jobs::NOT_FOUND;
use super::shape;
use crate::handlers::media::now;
use crate::request::{OpRequest, OpResponse};
use crate::store::Store;
use crate::store::workflow::{JobMedia, hex32, new_id, same_id, workflow_user_id};
use crate::uploads::ClaimError;

/// `GET /api/workflow/jobs/{id}/media/`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.job(&id) {
        Some(job) => OpResponse::json(Value::Array(
            job.media
                .iter()
                .filter(|m| m.parent_id.is_none())
                .map(|m| shape::media(s, job, m, &req.base_url))
                .collect(),
        )),
        None => missing(NOT_FOUND),
    })
}

/// `POST /api/workflow/jobs/{id}/upload`: `fileId` required (a finalised Files Service
/// upload, used once); `name` defaults to the uploaded file's name; `fileSize`, when sent,
/// must be its size; `assetId` names a file of the job this one is a new version of.
/// 200 `{"mediaId": <32 hex>}`.
pub fn upload(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        let file_id = input::required(&body, "fileId")?;
        let name = input::text(&body, "name")?.filter(|n| !n.is_empty());
        let size = match body.get("fileSize") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|t| t.trim().parse().ok()))
                    .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                    .ok_or_else(|| bad("fileSize must be a whole number of bytes"))?,
            ),
        };
        let parent = input::text(&body, "assetId")?.filter(|a| !a.is_empty());
        let id = path_id(req);
        let uploader = workflow_user_id(&req.principal.user_id);
        let uploads = store.uploads();
        store.write(|s| {
            let job_exists = s.workflow.job(&id).is_some();
            if !job_exists {
                return Err(missing(NOT_FOUND));
            }
            // A finalised upload is taken whether or not its conversion is done: the job
            // keeps the file, nothing is converted into an asset.
            let ready = Instant::now() + uploads.processing_delay();
            let import = uploads.imports.peek(&file_id, ready).map_err(|e| match e {
                ClaimError::NotFound | ClaimError::NotReady => bad(&format!(
                    "fileId '{file_id}' is not a finalised upload (or was used already)"
                )),
            })?;
            let bytes = import.blob.len();
            if let Some(size) = size {
                if size != bytes as f64 {
                    return Err(bad(&format!(
                        "fileSize is {size} but the uploaded file has {bytes} bytes"
                    )));
                }
            }
            let media_id = new_id(&mut s.rng);
            let job = s.workflow.job_mut(&id).ok_or_else(|| missing(NOT_FOUND))?;
            let (parent_id, version) = match parent {
                None => (None, 1),
                Some(parent) => {
                    let first = job
                        .media
                        .iter()
                        .find(|m| same_id(&m.id, &parent))
                        .map(|m| m.parent_id.clone().unwrap_or_else(|| m.id.clone()))
                        .ok_or_else(|| {
                            bad(&format!("assetId '{parent}' is not a file of this job"))
                        })?;
                    let latest = job
                        .media
                        .iter()
                        .filter(|m| m.id == first || m.parent_id.as_deref() == Some(&first))
                        .map(|m| m.version)
                        .max()
                        .unwrap_or(1);
                    (Some(first), latest + 1)
                }
            };
            uploads
                .imports
                .claim(&file_id, ready)
                .map_err(|_| bad(&format!("fileId '{file_id}' was used already")))?;
            uploads.attach(&media_id, import.blob);
            let when = now();
            job.media.push(JobMedia {
                id: media_id.clone(),
                filename: name.unwrap_or(import.file_name),
                uploader_id: uploader,
                created: when,
                modified: when,
                status: "AwaitingApproval".to_string(),
                orientation: "square".to_string(),
                version,
                parent_id,
                size: bytes,
            });
            job.modified = when;
            Ok(OpResponse::json(json!({"mediaId": hex32(&media_id)})))
        })
    })())
}
