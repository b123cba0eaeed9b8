//! `POST /v7/file_cmds/upload/{file_id}/chunk/{chunk_number}` (`reference/bynder-api.md`
//! §6.2 step 2): the raw body streams to a new file while it is hashed, then the hash must
//! match the `Content-SHA256` header. Sending a chunk number again replaces that chunk.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use bynder::ops::Operation;
use futures::StreamExt;

use super::drain;
use crate::operation::authenticate;
use crate::reply::{self, Refusal};
use crate::server::Portal;
use crate::uploads::FileSink;
use crate::uploads::files_service::hex;

/// The largest chunk number accepted.
const MAX_CHUNK_NUMBER: u32 = 1_000_000;

/// Serves one chunk.
pub async fn serve(
    portal: &Arc<Portal>,
    parts: &Parts,
    op: &'static Operation,
    params: &HashMap<String, String>,
    body: Body,
    corrupt: bool,
) -> Response {
    let checked = authenticate(portal, parts, op).and_then(|_| check(portal, parts, params));
    let (file_id, number, expected) = match checked {
        Ok(checked) => checked,
        Err(refusal) => {
            drain(body).await;
            return *refusal;
        }
    };
    let uploads = portal.store.uploads();
    let sink = match uploads.storage.new_file_path("chunk") {
        Ok(path) => FileSink::create(path, true, corrupt).await,
        Err(err) => Err(err),
    };
    let mut sink = match sink {
        Ok(sink) => sink,
        Err(err) => return storage_failure(&err),
    };
    let mut frames = body.into_data_stream();
    while let Some(frame) = frames.next().await {
        let pushed = match frame {
            Ok(bytes) => sink.push(bytes).await,
            // The client went away mid-body: nobody reads an answer.
            Err(_) => return reply::dropped(),
        };
        if let Err(err) = pushed {
            return storage_failure(&err);
        }
    }
    let stored = match sink.finish().await {
        Ok(stored) => stored,
        Err(err) => return storage_failure(&err),
    };
    let actual = hex(&stored.sha256.unwrap_or_default());
    if actual != expected {
        crate::uploads::Storage::discard(&stored.path);
        return reply::message(
            400,
            &format!(
                "Chunk {number}: Content-SHA256 is {expected} but the {} bytes received hash to {actual}",
                stored.size
            ),
        );
    }
    match uploads.files.store_chunk(&file_id, number, stored) {
        Ok(()) => StatusCode::CREATED.into_response(),
        Err(err) => reply::message(err.status(), &err.message()),
    }
}

/// The file id, chunk number and expected hash, or the refusal to answer before reading.
fn check(
    portal: &Portal,
    parts: &Parts,
    params: &HashMap<String, String>,
) -> Result<(String, u32, String), Refusal> {
    let file_id = params.get("file_id").cloned().unwrap_or_default();
    let raw_number = params
        .get("chunk_number")
        .map(String::as_str)
        .unwrap_or_default();
    let number = raw_number
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= MAX_CHUNK_NUMBER && !raw_number.starts_with('+'))
        .ok_or_else(|| {
            refuse(
                400,
                &format!("chunk_number must be a whole number from 0, not '{raw_number}'"),
            )
        })?;
    let expected = parts
        .headers
        .get("content-sha256")
        .ok_or_else(|| {
            refuse(
                400,
                &format!("Chunk {number}: the Content-SHA256 header is required"),
            )
        })?
        .to_str()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if expected.len() != 64 || !expected.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(refuse(
            400,
            &format!(
                "Chunk {number}: Content-SHA256 must be the 64 hex digits of the chunk's SHA-256, not '{expected}'"
            ),
        ));
    }
    portal
        .store
        .uploads()
        .files
        .check_open(&file_id)
        .map_err(|err| refuse(err.status(), &err.message()))?;
    Ok((file_id, number, expected))
}

fn refuse(status: u16, message: &str) -> Refusal {
    Box::new(reply::message(status, message))
}

fn storage_failure(err: &std::io::Error) -> Response {
    tracing::error!(error = %err, "could not store an upload chunk");
    reply::message(500, &format!("The mock could not store the chunk: {err}"))
}
