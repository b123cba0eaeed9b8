//! Reading responses: JSON decoding, and Bynder's error bodies as public errors.

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::transport::HttpResponse;

/// Headers that portals and their gateways use for a request id.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "x-api-correlation-id",
    "x-amzn-requestid",
    "x-amz-cf-id",
];

/// Decodes a JSON value into a model; a mismatch is [`ErrorKind::Decode`].
pub(crate) fn decode<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_json::from_value(value)
        .map_err(|e| Error::new(ErrorKind::Decode, format!("unexpected response shape: {e}")))
}

/// The request id of a response, if one is present.
pub(crate) fn request_id(response: &HttpResponse) -> Option<String> {
    REQUEST_ID_HEADERS.iter().find_map(|name| {
        response
            .headers
            .get(*name)?
            .to_str()
            .ok()
            .map(str::to_string)
    })
}

/// How a response body reads, before any JSON is parsed. [`body_json`] decodes by it, and so
/// do faces that parse JSON themselves (Python builds its objects straight from the bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyForm {
    /// A `text/csv` body (analytics exports): always text, even when empty or when it
    /// happens to parse as JSON (a one-column CSV of numbers).
    Text,
    /// Nothing but whitespace: `null`.
    Empty,
    /// JSON, to be parsed; a body that does not parse is text (some endpoints answer plain
    /// text).
    Json,
}

/// The [`BodyForm`] of a body with these headers.
pub fn body_form(headers: &http::HeaderMap, body: &[u8]) -> BodyForm {
    let csv = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/csv"));
    if csv {
        BodyForm::Text
    } else if body.iter().all(u8::is_ascii_whitespace) {
        BodyForm::Empty
    } else {
        BodyForm::Json
    }
}

/// The body as JSON, read by its [`BodyForm`]: `null` when empty, a string when it is CSV or
/// not JSON.
pub(crate) fn body_json(response: &HttpResponse) -> Value {
    body_value(&response.headers, &response.body)
}

/// [`body_json`] of a body and its headers.
pub(crate) fn body_value(headers: &http::HeaderMap, body: &[u8]) -> Value {
    let text = || Value::String(String::from_utf8_lossy(body).into_owned());
    match body_form(headers, body) {
        BodyForm::Text => text(),
        BodyForm::Empty => Value::Null,
        BodyForm::Json => serde_json::from_slice(body).unwrap_or_else(|_| text()),
    }
}

/// The error for a non-success response, with Bynder's message: `message` (v4), `error_description`
/// / `error` (OAuth2), `errors[0].detail` (JSON:API), field-keyed objects, or plain text.
pub(crate) fn status_error(response: &HttpResponse) -> Error {
    let body = body_json(response);
    let message = error_message(&body).unwrap_or_else(|| {
        format!(
            "the portal answered HTTP {} with no message",
            response.status
        )
    });
    let kind = ErrorKind::from_status(response.status);
    Error::http_kind(
        kind,
        response.status,
        truncate(message),
        request_id(response),
    )
}

fn error_message(body: &Value) -> Option<String> {
    match body {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
        Value::Object(map) => {
            // OAuth2 (RFC 6749): `invalid_grant: The refresh token is unknown`.
            if let (Some(code), Some(description)) = (
                map.get("error").and_then(Value::as_str),
                map.get("error_description").and_then(Value::as_str),
            ) {
                return Some(format!("{code}: {description}"));
            }
            for key in ["message", "error_description", "error", "reason"] {
                if let Some(text) = map.get(key).and_then(Value::as_str) {
                    return Some(text.to_string());
                }
            }
            if let Some(detail) = map
                .get("errors")
                .and_then(|e| e.get(0))
                .and_then(|e| e.get("detail").or_else(|| e.get("title")))
                .and_then(Value::as_str)
            {
                return Some(detail.to_string());
            }
            // Field-keyed validation errors, e.g. {"filename": "'image' is not a valid filename"}.
            let fields: Vec<String> = map
                .iter()
                .filter_map(|(k, v)| v.as_str().map(|v| format!("{k}: {v}")))
                .collect();
            (!fields.is_empty()).then(|| fields.join("; "))
        }
        _ => None,
    }
}

fn truncate(mut message: String) -> String {
    const MAX: usize = 500;
    if message.len() > MAX {
        let mut end = MAX;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        message.truncate(end);
        message.push('…');
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderMap;

    fn response(status: u16, body: &str) -> HttpResponse {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "req-7".parse().unwrap());
        HttpResponse {
            status,
            headers,
            body: body.to_string().into(),
        }
    }

    #[test]
    fn bynder_error_shapes_become_messages() {
        let err = status_error(&response(
            404,
            r#"{"message":"Media not found","statuscode":404}"#,
        ));
        assert_eq!(
            (err.kind(), err.status(), err.message()),
            (ErrorKind::NotFound, Some(404), "Media not found")
        );
        assert_eq!(err.request_id(), Some("req-7"));
        let err = status_error(&response(401, "Invalid or expired token."));
        assert_eq!(
            (err.kind(), err.message()),
            (ErrorKind::Authentication, "Invalid or expired token.")
        );
        let err = status_error(&response(
            400,
            r#"{"filename":"'image' is not a valid filename"}"#,
        ));
        assert_eq!(err.message(), "filename: 'image' is not a valid filename");
        let err = status_error(&response(
            400,
            r#"{"error":"invalid_grant","error_description":"code already used"}"#,
        ));
        assert_eq!(err.message(), "invalid_grant: code already used");
        let err = status_error(&response(502, ""));
        assert_eq!(err.kind(), ErrorKind::Server);
        assert!(err.message().contains("502"));
    }

    #[test]
    fn csv_bodies_stay_text() {
        let mut csv = response(200, "42\n");
        csv.headers
            .insert("content-type", "text/csv; charset=utf-8".parse().unwrap());
        assert_eq!(body_json(&csv), Value::String("42\n".into()));
        csv.body = bytes::Bytes::new();
        assert_eq!(body_json(&csv), Value::String(String::new()));
    }

    #[test]
    fn bodies_decode_to_json_null_or_text() {
        assert_eq!(body_json(&response(204, "")), Value::Null);
        assert_eq!(body_json(&response(200, "[1]")), serde_json::json!([1]));
        assert_eq!(
            body_json(&response(200, "https://s3/x")),
            Value::String("https://s3/x".into())
        );
    }
}
