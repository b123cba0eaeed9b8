//! Building HTTP answers: Bynder's error bodies (`reference/bynder-api.md` §3.3), handler
//! answers, and the two faults that act on the body (dropped connection, slow body).

use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use crate::request::{OpResponse, ResponseBody};

/// An answer refusing a request, boxed so `Result<_, Refusal>` stays small.
pub type Refusal = Box<Response>;

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

/// Bodies up to this size are trickled in 20 even pieces; larger (streamed) ones are paced
/// frame by frame so they are never held in memory.
const SMALL_BODY: u64 = 1024 * 1024;

/// The same answer with its body trickled out over `over`.
pub async fn slow_body(response: Response, over: Duration) -> Response {
    let (mut parts, body) = response.into_parts();
    let exact = HttpBody::size_hint(&body).exact();
    if exact.is_none_or(|len| len > SMALL_BODY) {
        let total = exact.or_else(|| content_length(&parts.headers));
        return Response::from_parts(parts, paced(body, total, over));
    }
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

/// A body whose frames are held back so that all `total` bytes take `over` (each frame
/// waits `over / 20` when the total is unknown).
fn paced(body: Body, total: Option<u64>, over: Duration) -> Body {
    let started = tokio::time::Instant::now();
    let mut sent = 0u64;
    let stream = body.into_data_stream().then(move |frame| {
        let wait_until = match (&frame, total) {
            (Ok(bytes), Some(total)) if total > 0 => {
                sent += bytes.len() as u64;
                started + over.mul_f64(sent.min(total) as f64 / total as f64)
            }
            _ => tokio::time::Instant::now() + over / 20,
        };
        async move {
            tokio::time::sleep_until(wait_until).await;
            frame
        }
    });
    Body::from_stream(stream)
}

fn content_length(headers: &axum::http::HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// How long a cut answer waits before failing, so what was sent leaves the server first.
const CUT_PAUSE: Duration = Duration::from_millis(20);

/// The same answer, aborted after its headers and `limit` bytes of its body (the
/// `cut_response_after` fault). The full length is announced, so the client sees a short body.
pub fn cut_after(response: Response, limit: u64) -> Response {
    let (mut parts, body) = response.into_parts();
    if let Some(len) = HttpBody::size_hint(&body).exact()
        && !parts.headers.contains_key(header::CONTENT_LENGTH)
    {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    }
    let frames = Box::pin(body.into_data_stream());
    let cut = futures::stream::unfold(
        (frames, limit, false),
        |(mut frames, left, failed)| async move {
            if failed {
                return None;
            }
            if left == 0 {
                // The pause lets what was sent leave the server before the connection dies.
                tokio::time::sleep(CUT_PAUSE).await;
                let err = std::io::Error::other("mock fault: response cut");
                return Some((Err(err), (frames, 0, true)));
            }
            match frames.next().await? {
                Ok(bytes) => {
                    let take = usize::try_from(left).unwrap_or(usize::MAX).min(bytes.len());
                    Some((Ok(bytes.slice(..take)), (frames, left - take as u64, false)))
                }
                Err(err) => Some((Err(std::io::Error::other(err)), (frames, left, true))),
            }
        },
    );
    Response::from_parts(parts, Body::from_stream(cut))
}
