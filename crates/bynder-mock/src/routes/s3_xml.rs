//! S3's XML answers: the error document and the `PostResponse` of a successful POST upload
//! with `success_action_status=201`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Escapes text for an XML element's content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn xml(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml"),
    );
    response
}

/// `<Error><Code>..</Code><Message>..</Message></Error>` with `status`.
pub fn error(status: u16, code: &str, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    xml(
        status,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{}</Code><Message>{}</Message>\
             <RequestId>{}</RequestId></Error>",
            escape(code),
            escape(message),
            uuid::Uuid::new_v4().simple()
        ),
    )
}

/// A 400 `InvalidArgument` naming what was wrong.
pub fn invalid(message: &str) -> Response {
    error(400, "InvalidArgument", message)
}

/// The 201 answer to a POST upload, with `Location` and `ETag` headers as S3 sends them.
pub fn post_response(location: &str, bucket: &str, key: &str, etag: &str) -> Response {
    let mut response = xml(
        StatusCode::CREATED,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>{}</Location>\
             <Bucket>{}</Bucket><Key>{}</Key><ETag>\"{}\"</ETag></PostResponse>",
            escape(location),
            escape(bucket),
            escape(key),
            escape(etag)
        ),
    );
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, value);
    }
    if let Ok(value) = HeaderValue::from_str(&format!("\"{etag}\"")) {
        headers.insert(header::ETAG, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r#"a<b>&"c'"#), r#"a&lt;b&gt;&amp;"c'"#);
    }
}
