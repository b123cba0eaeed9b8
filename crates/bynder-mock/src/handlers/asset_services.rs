//! The asset services (`table/asset_services.rs`): similarity search, adaptive video streaming
//! links (AVS), dynamic asset transformations (DAT) and TEA text documents, each with its own
//! service's error shape.

mod png;
mod similarity;
mod transform;

use bytes::Bytes;
use serde_json::json;

use crate::request::{OpRequest, OpResponse, ResponseBody};
use crate::store::Store;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "similar_assets.search" => similarity::search(store, req),
        "streaming.public_links" => public_links(store, req),
        "transformations.get" => transform::get(store, req),
        "documents.get" => document(store, req),
        _ => return None,
    })
}

/// A plain-text answer (AVS and DAT errors).
pub(crate) fn text(status: u16, body: &str) -> OpResponse {
    OpResponse {
        status,
        headers: Vec::new(),
        body: ResponseBody::Text(body.to_string()),
    }
}

/// `GET /api/1/assets/{asset_id}/public-links`: manifests and player embed code of a video;
/// any other asset (or none) has no stream: 404 `manifest file not found` as plain text.
fn public_links(store: &Store, req: &OpRequest) -> OpResponse {
    let id = req.path_param("asset_id").unwrap_or_default();
    store.read(|s| match s.asset(id) {
        Some(asset) if asset.kind == "video" => {
            let id = id.to_ascii_lowercase();
            let base = &req.base_url;
            let hls = format!("{base}/vod-stream/{id}/play-hls2.m3u8");
            let dash = format!("{base}/vod-stream/{id}/play-dash.mpd");
            let embed = format!(
                "<div bvd-manifest-url=\"{hls}\" bvd-poster=\"{base}/asset/{id}/thumbnail/webimage-poster\"></div>\
                 <script src=\"{base}/v7/video-delivery/main.js\"></script>"
            );
            OpResponse::json(json!({"hls": hls, "dash": dash, "embedCode": embed}))
        }
        _ => text(404, "manifest file not found"),
    })
}

/// A JSON:API answer (`application/vnd.api+json`), as TEA sends every body.
fn json_api(status: u16, value: serde_json::Value) -> OpResponse {
    OpResponse {
        status,
        headers: Vec::new(),
        body: ResponseBody::Bytes {
            content_type: "application/vnd.api+json".into(),
            data: Bytes::from(value.to_string()),
        },
    }
}

/// `GET /api/1/authoring/documents/{document_uuid}`: the document's ProseMirror JSON and HTML;
/// an unknown id is a JSON:API `MISSING_ERROR`.
fn document(store: &Store, req: &OpRequest) -> OpResponse {
    let id = req
        .path_param("document_uuid")
        .unwrap_or_default()
        .to_ascii_lowercase();
    store.read(
        |s| match s.asset_services.documents.iter().find(|d| d.id == id) {
            Some(doc) => json_api(
                200,
                json!({"data": {
                    "id": doc.id,
                    "type": "document",
                    "attributes": {
                        "document": doc.prosemirror(),
                        "html": doc.html(),
                        "documentGroupId": doc.group_id,
                    },
                }}),
            ),
            None => json_api(
                404,
                json!({"errors": [{
                    "id": format!("req-{}", uuid::Uuid::new_v4()),
                    "status": 404,
                    "code": "MISSING_ERROR",
                    "title": "MissingError",
                    "detail": format!("Document {id} not found"),
                }]}),
            ),
        },
    )
}
