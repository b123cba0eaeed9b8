//! Building HTTP answers: Bynder's error bodies (`reference/bynder-api.md` §3.3), handler
//! answers, and the two faults that act on the body (dropped connection, slow body).

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use crate::request::{OpResponse, ResponseBody};

/// The text/plain body Bynder sends with a 401.
pub const UNAUTHORIZED_TEXT: &str = "Invalid or expired token.";

/// Bynder's v4 `{"message": ..., "statuscode": ...}` answer.
pub fn message(status: u16, text: &str) -> Response {
    from_op(OpResponse::message(status, text))
}

/// 401 with Bynder's plain-text body.
pub fn unauthorized() -> Response {
    let mut response = (StatusCode::UNAUTHORIZED, UNAUTHORIZED_TEXT).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// 403 `Access denied`.
pub fn forbidden() -> Response {
    message(403, "Access denied")
}

/// 404 `Not found` (unknown paths and ids of the wrong form).
pub fn not_found() -> Response {
    message(404, "Not found")
}

/// 429 as the rate limit sends it (no `Retry-After`, as Bynder sends none).
pub fn too_many_requests() -> Response {
    message(429, "Too Many Requests")
}

/// A fault status with its reason phrase as the message.
pub fn fault_status(status: u16) -> Response {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    message(status, reason)
}

/// Marks an answer that is never sent (its status is not counted).
#[derive(Debug, Clone, Copy)]
pub struct Dropped;

/// An answer whose body fails at once, which makes hyper close the connection before
/// writing anything: the client sees an empty reply.
pub fn dropped() -> Response {
    let failing = futures::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("mock fault: connection dropped"))
    });
    let mut response = Response::new(Body::from_stream(failing));
    response.extensions_mut().insert(Dropped);
    response
}

/// Converts a handler's answer.
pub fn from_op(op: OpResponse) -> Response {
    let status = StatusCode::from_u16(op.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (content_type, body) = match op.body {
        ResponseBody::Empty => (None, Body::empty()),
        ResponseBody::Json(value) => (
            Some("application/json".to_string()),
            Body::from(value.to_string()),
        ),
        ResponseBody::Text(text) => (
            Some("text/plain; charset=utf-8".to_string()),
            Body::from(text),
        ),
        ResponseBody::Bytes { content_type, data } => (Some(content_type), Body::from(data)),
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Some(value) = content_type.and_then(|ct| HeaderValue::from_str(&ct).ok()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    for (name, value) in op.headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            headers.append(name, value);
        }
    }
    response
}

/// The same answer with its body trickled out in small pieces over `over`.
pub async fn slow_body(response: Response, over: Duration) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return dropped();
    };
    let pieces = bytes.len().clamp(1, 20);
    let piece_len = bytes.len().div_ceil(pieces).max(1);
    let pause = over / pieces as u32;
    let chunks: Vec<Bytes> = (0..bytes.len())
        .step_by(piece_len)
        .map(|start| bytes.slice(start..(start + piece_len).min(bytes.len())))
        .collect();
    let stream = futures::stream::iter(chunks).then(move |chunk| async move {
        tokio::time::sleep(pause).await;
        Ok::<Bytes, std::io::Error>(chunk)
    });
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from_stream(stream))
}
