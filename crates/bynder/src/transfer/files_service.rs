//! The Files Service flow's calls (`reference/bynder-api.md` §6.2): prepare, chunks with a
//! `Content-SHA256` header, and `finalise_api` with the whole-file SHA-256.

use http::{HeaderName, HeaderValue};
use serde_json::json;

use super::source::{Chunk, ReadSummary, sha256_hex};
use super::state::Session;
use crate::client::Client;
use crate::client::encode::encode;
use crate::error::{Error, ErrorKind};
use crate::ops;

/// Opens an upload session: the portal's `file_id`.
pub(crate) async fn prepare(client: &Client) -> Result<Session, Error> {
    let body = client.call("upload.prepare", json!({})).await?;
    let file_id = body["file_id"].as_str().ok_or_else(|| {
        Error::new(
            ErrorKind::Decode,
            format!("upload.prepare answered no file_id: {body}"),
        )
    })?;
    Ok(Session::FilesService {
        file_id: file_id.to_string(),
    })
}

/// Sends one chunk with its SHA-256 (computed off the async threads: hashing 5 MiB takes
/// milliseconds). Retries of network failures and 5xx happen in the client's pipeline.
pub(crate) async fn send_chunk(client: &Client, file_id: &str, chunk: &Chunk) -> Result<(), Error> {
    let data = chunk.data.clone();
    let sha = crate::platform::blocking("hashing", move || sha256_hex(&data)).await?;
    let op = ops::require("upload.chunk")?;
    let mut encoded = encode(
        op,
        &json!({"file_id": file_id, "chunk_number": chunk.index}),
    )?;
    encoded.body = Some(("application/octet-stream", chunk.data.clone()));
    let sha = HeaderValue::from_str(&sha)
        .map_err(|_| Error::new(ErrorKind::Internal, "a hex digest is always a valid header"))?;
    encoded
        .headers
        .push((HeaderName::from_static("content-sha256"), sha));
    client.inner.execute(op, &encoded).await?;
    Ok(())
}

/// Finishes the upload; the portal checks the size, the chunk count and the SHA-256.
pub(crate) async fn finalise(
    client: &Client,
    file_id: &str,
    file_name: &str,
    summary: &ReadSummary,
) -> Result<(), Error> {
    client
        .call(
            "upload.finalise",
            json!({
                "file_id": file_id,
                "fileName": file_name,
                "fileSize": summary.size,
                "chunksCount": summary.chunks,
                "sha256": summary.sha256,
            }),
        )
        .await?;
    Ok(())
}
