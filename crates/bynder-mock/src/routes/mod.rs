//! Requests whose bodies are never held whole in memory: Files Service chunks
//! (`upload.chunk`) and S3 parts (`s3.upload`, `POST /_mock/s3/`) stream to disk, and the
//! storage host (`storage.download`, `GET|HEAD /_mock/storage/{asset}/{item}`) streams from
//! it. They are routed by method and path alone, before any body is read, and get the same
//! faults, counters and logs as every other request. Only `upload.chunk` is a portal call
//! (authenticated and rate-limited); the other two stand for S3.

mod chunk;
mod pattern;
pub mod range;
mod s3_post;
mod s3_xml;
mod storage;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use bynder::ops::Operation;
use futures::StreamExt;

use crate::faults::Fault;
use crate::ratelimit::Verdict;
use crate::reply;
use crate::router::{Resolved, Router, split_path};
use crate::server::{Listener, Portal, fault_answer, shape_answer};

/// The operation name of the mock's S3 endpoint.
pub const S3_UPLOAD: &str = "s3.upload";
/// The operation name of the storage host.
pub const STORAGE_DOWNLOAD: &str = "storage.download";

/// How much of an unwanted request body is read before answering, so that a client still
/// sending it sees the answer rather than a reset connection.
const DRAIN_LIMIT: u64 = 64 * 1024 * 1024;

/// A streamed route.
#[derive(Debug, Clone)]
pub enum Streamed {
    /// `upload.chunk`, with its path parameters.
    Chunk(&'static Operation, HashMap<String, String>),
    /// The S3 POST endpoint.
    S3Post,
    /// One stored file: asset id and media item id.
    Storage { asset: String, item: String },
}

impl Streamed {
    /// The operation name counted and matched by fault rules.
    pub fn name(&self) -> &'static str {
        match self {
            Streamed::Chunk(op, _) => op.name,
            Streamed::S3Post => S3_UPLOAD,
            Streamed::Storage { .. } => STORAGE_DOWNLOAD,
        }
    }
}

/// The streamed route for `method` and `path`, if it is one.
pub fn route(router: &Router, method: &Method, path: &str) -> Option<Streamed> {
    let segments = split_path(path);
    match segments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["_mock", "s3"] => return Some(Streamed::S3Post),
        // The file name after the item id is decoration, as on a real signed URL.
        ["_mock", "storage", asset, item] | ["_mock", "storage", asset, item, _] => {
            return Some(Streamed::Storage {
                asset: asset.to_string(),
                item: item.to_string(),
            });
        }
        _ => {}
    }
    match router.resolve(method.as_str(), path) {
        // Raw-body operations (upload chunks) stream; the table says which they are.
        Resolved::Op(op, params) if op.encoding == bynder::ops::Encoding::Raw => {
            Some(Streamed::Chunk(op, params))
        }
        _ => None,
    }
}

/// Serves a streamed route: rate limit (portal calls only), faults, then the route.
pub async fn serve(
    portal: &Arc<Portal>,
    listener: &Listener,
    peer: SocketAddr,
    parts: &Parts,
    route: Streamed,
    body: Body,
) -> Response {
    portal.stats.request(route.name());
    if matches!(route, Streamed::Chunk(..)) && portal.limiter.check(peer.ip()) == Verdict::Block {
        drain(body).await;
        return reply::too_many_requests();
    }
    let firing = portal.faults.fire(Some(route.name()), parts.uri.path());
    portal.stats.faults(firing.fired);
    if !firing.latency.is_zero() {
        tokio::time::sleep(firing.latency).await;
    }
    let response = match firing.terminal.as_ref() {
        Some(Fault::Drop) => return reply::dropped(),
        Some(Fault::CutRequestAfter(limit)) => {
            consume(body, *limit).await;
            return reply::dropped();
        }
        Some(fault) => {
            drain(body).await;
            fault_answer(portal, &parts.headers, fault)
        }
        None => match route {
            Streamed::Chunk(op, params) => {
                chunk::serve(portal, parts, op, &params, body, firing.corrupt).await
            }
            Streamed::S3Post => s3_post::serve(portal, listener, parts, body, firing.corrupt).await,
            Streamed::Storage { asset, item } => storage::serve(portal, parts, &asset, &item).await,
        },
    };
    shape_answer(response, &firing).await
}

/// Reads and discards what is left of a body (up to a limit).
pub async fn drain(body: Body) {
    consume(body, DRAIN_LIMIT).await;
}

/// Reads and discards `limit` bytes of a body (or all of it, when shorter).
async fn consume(body: Body, limit: u64) {
    let mut frames = body.into_data_stream();
    let mut read = 0u64;
    while read < limit {
        match frames.next().await {
            Some(Ok(bytes)) => read += bytes.len() as u64,
            _ => return,
        }
    }
}

/// Whether the request carries an `Authorization` header (which S3 refuses on signed
/// requests: the Bynder token must never reach storage).
pub fn has_authorization(headers: &HeaderMap) -> bool {
    headers.contains_key(axum::http::header::AUTHORIZATION)
}
