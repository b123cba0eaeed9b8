//! Webhook configurations (`/v7/webhooks/public/api/subscriptions/{id}`,
//! `reference/bynder-api.md` §5.12): create at a client-chosen id, retrieve, replace the
//! events (PUT), rename or pause (PATCH), delete. JSON bodies; errors as `{"message": ...}`
//! with Bynder's envelope.

use serde_json::{Map, Value, json};

use super::media::now;
use super::params::bad;
use super::params::not_found;
use super::shapes::iso;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Store, Webhook};

const NOT_FOUND: &str = "Webhook configuration not found";
/// Bynder's example value for `preArchivedNotificationDays`.
const DEFAULT_NOTICE_DAYS: i64 = 5;

/// The id from the path, lower case (the router has checked its RFC 4122 form).
fn id(req: &OpRequest) -> String {
    req.path_param("id")
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The JSON object body; anything else is a 400.
fn body(req: &OpRequest) -> Result<&Map<String, Value>, OpResponse> {
    req.json
        .as_ref()
        .and_then(Value::as_object)
        .ok_or_else(|| bad("A JSON object body is required"))
}

/// A configuration as `GET` answers it: the documented `id` and the fields it was made with.
fn shape(w: &Webhook) -> Value {
    json!({
        "id": w.id,
        "name": w.name,
        "endpoint": w.endpoint,
        "protocol": w.protocol,
        "events": w.events,
        "preArchivedNotificationDays": w.pre_archived_notification_days,
        "status": w.status,
        "createdAt": iso(w.created),
    })
}

/// An optional string field.
fn string(body: &Map<String, Value>, name: &str) -> Result<Option<String>, OpResponse> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(bad(&format!("{name} must be a string"))),
    }
}

/// An optional integer field.
fn integer(body: &Map<String, Value>, name: &str) -> Result<Option<i64>, OpResponse> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_i64()
            .map(Some)
            .ok_or_else(|| bad(&format!("{name} must be an integer"))),
    }
}

/// An optional list of event names; each must be a non-empty string.
fn events(body: &Map<String, Value>) -> Result<Option<Vec<String>>, OpResponse> {
    let invalid = || bad("events must be a list of event names");
    match body.get("events") {
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
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(invalid()),
    }
}

/// A notice period in days: not negative.
fn notice_days(body: &Map<String, Value>) -> Result<Option<i64>, OpResponse> {
    match integer(body, "preArchivedNotificationDays")? {
        Some(days) if days < 0 => Err(bad("preArchivedNotificationDays must not be negative")),
        days => Ok(days),
    }
}

/// Runs a handler step that answers early with an error.
fn answer(result: Result<OpResponse, OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

/// `GET .../subscriptions/{id}`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    store.read(|s| match s.webhooks.iter().find(|w| w.id == id) {
        Some(w) => OpResponse::json(shape(w)),
        None => not_found(NOT_FOUND),
    })
}

/// `POST .../subscriptions/{id}`: 201 `{"id"}`; `name` and `endpoint` are required, and an
/// id already taken is a 409.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = body(req)?;
        let required = |name: &str| -> Result<String, OpResponse> {
            string(body, name)?
                .filter(|v| !v.is_empty())
                .ok_or_else(|| bad(&format!("{name} is required")))
        };
        let name = required("name")?;
        let endpoint = required("endpoint")?;
        let protocol = string(body, "protocol")?.unwrap_or_default();
        let events = events(body)?.unwrap_or_default();
        let days = notice_days(body)?.unwrap_or(DEFAULT_NOTICE_DAYS);
        let id = id(req);
        Ok(store.write(|s| {
            if s.webhooks.iter().any(|w| w.id == id) {
                return OpResponse::message(409, "A webhook configuration with this id exists");
            }
            s.webhooks.push(Webhook {
                id: id.clone(),
                name,
                endpoint,
                protocol,
                events,
                pre_archived_notification_days: days,
                status: 1,
                created: now(),
            });
            OpResponse::status_json(201, json!({ "id": id }))
        }))
    })())
}

/// `PUT .../subscriptions/{id}`: replaces `events` and `preArchivedNotificationDays`; 200
/// with no body, as documented.
pub fn update(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = body(req)?;
        let events = events(body)?.ok_or_else(|| bad("events is required"))?;
        let days = notice_days(body)?;
        let id = id(req);
        Ok(store.write(|s| {
            let Some(w) = s.webhooks.iter_mut().find(|w| w.id == id) else {
                return not_found(NOT_FOUND);
            };
            w.events = events;
            w.pre_archived_notification_days = days.unwrap_or(DEFAULT_NOTICE_DAYS);
            ok_empty()
        }))
    })())
}

/// `PATCH .../subscriptions/{id}`: `name` and/or `status` (1 active, 0 paused).
pub fn patch(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = body(req)?;
        let name = string(body, "name")?;
        if name.as_deref().is_some_and(str::is_empty) {
            return Err(bad("name must not be empty"));
        }
        let status = integer(body, "status")?;
        if status.is_some_and(|s| s != 0 && s != 1) {
            return Err(bad("status must be 0 or 1"));
        }
        let id = id(req);
        Ok(store.write(|s| {
            let Some(w) = s.webhooks.iter_mut().find(|w| w.id == id) else {
                return not_found(NOT_FOUND);
            };
            if let Some(name) = name {
                w.name = name;
            }
            if let Some(status) = status {
                w.status = status;
            }
            ok_empty()
        }))
    })())
}

/// `DELETE .../subscriptions/{id}`: 204.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = id(req);
    store.write(|s| {
        let before = s.webhooks.len();
        s.webhooks.retain(|w| w.id != id);
        if s.webhooks.len() == before {
            not_found(NOT_FOUND)
        } else {
            OpResponse::no_content()
        }
    })
}

/// A 200 without a body (the documented answer of PUT and PATCH).
fn ok_empty() -> OpResponse {
    let mut response = OpResponse::no_content();
    response.status = 200;
    response
}
