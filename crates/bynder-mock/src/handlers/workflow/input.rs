//! Reading workflow JSON bodies leniently (booleans and numbers in any spelling, dates in ISO
//! 8601 with or without a time), and the error answers of the workflow service, in Bynder's
//! `{"message", "statuscode"}` envelope.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

pub use crate::handlers::params::bad;
use crate::handlers::params::parse_date;
use crate::request::{OpRequest, OpResponse};
use crate::store::Time;

/// An answer or the error to answer instead.
pub type Answer<T> = Result<T, OpResponse>;

/// Either branch of a handler that answers early with an error.
pub fn answer(result: Answer<OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

/// A 404 with `message`.
pub fn missing(message: &str) -> OpResponse {
    OpResponse::message(404, message)
}

/// The path id as sent (the router has checked it is not empty).
pub fn path_id(req: &OpRequest) -> String {
    req.path_param("id").unwrap_or_default().trim().to_string()
}

/// The JSON object body; no body counts as an empty object, anything else is a 400.
pub fn body(req: &OpRequest) -> Answer<Map<String, Value>> {
    match &req.json {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map.clone()),
        Some(_) => Err(bad("The request body must be a JSON object")),
    }
}

/// An optional text field (numbers are taken as their text); `null` counts as absent.
pub fn text(body: &Map<String, Value>, name: &str) -> Answer<Option<String>> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(bad(&format!("{name} must be a string"))),
    }
}

/// A required, non-empty text field.
pub fn required(body: &Map<String, Value>, name: &str) -> Answer<String> {
    text(body, name)?
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad(&format!("{name} is required")))
}

/// An optional date: `Ok(None)` when absent, `Ok(Some(None))` when sent as `null` or `""`
/// (clearing it), a 400 when unreadable.
pub fn date(body: &Map<String, Value>, name: &str) -> Answer<Option<Option<Time>>> {
    match body.get(name) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(Some(None)),
        Some(Value::String(s)) => parse_date(s).map(|t| Some(Some(t))).ok_or_else(|| {
            bad(&format!(
                "{name} must be an ISO 8601 date such as 2025-09-04T00:00:00, not '{}'",
                s.trim()
            ))
        }),
        Some(_) => Err(bad(&format!("{name} must be a date string"))),
    }
}

/// An optional object of metaproperty id → value (text, or option ids as a comma-separated
/// string or a list).
pub fn values(body: &Map<String, Value>, name: &str) -> Answer<Option<BTreeMap<String, String>>> {
    let invalid = || {
        bad(&format!(
            "{name} must be an object of metaproperty id to value"
        ))
    };
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(id, value)| {
                let value = match value {
                    Value::String(s) => s.trim().to_string(),
                    Value::Number(n) => n.to_string(),
                    Value::Array(items) => items
                        .iter()
                        .map(|v| v.as_str().map(str::trim).ok_or_else(invalid))
                        .collect::<Answer<Vec<_>>>()?
                        .join(","),
                    _ => return Err(invalid()),
                };
                Ok((id.trim().to_string(), value))
            })
            .collect::<Answer<BTreeMap<_, _>>>()
            .map(Some),
        Some(_) => Err(invalid()),
    }
}

/// An optional list of ids: a JSON list of strings, or one comma-separated string.
pub fn ids(body: &Map<String, Value>, name: &str) -> Answer<Option<Vec<String>>> {
    let invalid = || bad(&format!("{name} must be a list of ids"));
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .ok_or_else(invalid)
            })
            .collect::<Answer<Vec<_>>>()
            .map(Some),
        Some(Value::String(s)) => Ok(Some(
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        )),
        Some(_) => Err(invalid()),
    }
}
