//! Asset usage: list, create, delete and sync the usages integrations record
//! (`reference/bynder-api.md` §5.7). Ids are answered in RFC 4122 form, as `/api` outside v4
//! spells them; asset ids are accepted in either UUID form. Bad input is answered with
//! Bynder's field-keyed 400 (`{"asset_id": "..."}`).

use bynder::id::BynderId;
use serde_json::{Map, Value, json};

use super::media::now;
use super::shapes::iso;
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store, Usage, integration, normalize_id};

/// A field-keyed 400, the error shape of the usage endpoints.
fn field_error(field: &str, message: &str) -> OpResponse {
    OpResponse::status_json(400, json!({ field: message }))
}

/// The RFC 4122 spelling of an id kept in ColdFusion form.
fn rfc(id: &str) -> String {
    BynderId::parse(id).map_or_else(|_| id.to_string(), |parsed| parsed.to_rfc4122())
}

/// A usage as the portal answers it.
fn shape(u: &Usage) -> Value {
    json!({
        "id": u.id,
        "asset_id": rfc(&u.asset_id),
        "integration": {
            "id": u.integration_id,
            "description": integration(&u.integration_id).unwrap_or_default(),
        },
        "timestamp": iso(u.timestamp),
        "uri": u.uri,
        "additional": u.additional,
    })
}

/// A trimmed, non-empty parameter.
fn text(req: &OpRequest, name: &str) -> Option<String> {
    req.param(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The optional `integration_id` parameter, which must name a known integration.
fn integration_param(req: &OpRequest) -> Result<Option<String>, OpResponse> {
    match text(req, "integration_id") {
        None => Ok(None),
        Some(id) if integration(&id).is_none() => {
            Err(field_error("integration_id", "Integration not found."))
        }
        Some(id) => Ok(Some(id.to_ascii_lowercase())),
    }
}

/// The optional `asset_id` parameter in the store's form. It need not name a live asset (a
/// usage may outlive its asset), but it must be a UUID.
fn asset_param(req: &OpRequest) -> Result<Option<String>, OpResponse> {
    match text(req, "asset_id") {
        None => Ok(None),
        Some(id) if BynderId::parse(&id).is_err() => {
            Err(field_error("asset_id", "Not a valid asset id."))
        }
        Some(id) => Ok(Some(normalize_id(&id))),
    }
}

/// `integration_id` and `asset_id`, both required (create and delete).
fn required_keys(req: &OpRequest) -> Result<(String, String), OpResponse> {
    let missing = |field: &str| field_error(field, "This field is required.");
    let integration = integration_param(req)?.ok_or_else(|| missing("integration_id"))?;
    let asset = asset_param(req)?.ok_or_else(|| missing("asset_id"))?;
    Ok((integration, asset))
}

/// A live asset's id in the store's form.
fn live_asset(s: &State, id: &str) -> Option<String> {
    s.asset(id).map(|a| a.id.clone())
}

/// Whether `u` matches the filters given.
fn matches(
    u: &Usage,
    integration: &Option<String>,
    asset: &Option<String>,
    uri: &Option<String>,
) -> bool {
    integration.as_ref().is_none_or(|i| *i == u.integration_id)
        && asset.as_ref().is_none_or(|a| *a == u.asset_id)
        && uri.as_ref().is_none_or(|v| *v == u.uri)
}

/// `GET /api/media/usage/?asset_id=&integration_id=&uri=`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let filters = integration_param(req).and_then(|i| Ok((i, asset_param(req)?)));
    let (integration, asset) = match filters {
        Ok(filters) => filters,
        Err(response) => return response,
    };
    let uri = text(req, "uri");
    store.read(|s| {
        let found: Vec<Value> = s
            .usages
            .iter()
            .filter(|u| matches(u, &integration, &asset, &uri))
            .map(shape)
            .collect();
        OpResponse::json(Value::Array(found))
    })
}

/// `POST /api/media/usage/`: records a usage, or refreshes the one already recorded for the
/// same integration, asset and URI.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    let (integration_id, asset) = match required_keys(req) {
        Ok(keys) => keys,
        Err(response) => return response,
    };
    let timestamp = match text(req, "timestamp") {
        None => now(),
        Some(t) => match super::params::parse_date(&t) {
            Some(t) => t,
            None => return field_error("timestamp", "Not a valid ISO 8601 date-time."),
        },
    };
    let uri = text(req, "uri").unwrap_or_default();
    let additional = req.param("additional").unwrap_or_default();
    store.write(|s| {
        let Some(asset_id) = live_asset(s, &asset) else {
            return field_error("asset_id", "Asset not found.");
        };
        let existing = s
            .usages
            .iter_mut()
            .find(|u| u.integration_id == integration_id && u.asset_id == asset_id && u.uri == uri);
        if let Some(u) = existing {
            u.timestamp = timestamp;
            u.additional = additional;
            return OpResponse::json(shape(u));
        }
        let usage = Usage {
            id: rfc(&s.new_id()),
            integration_id,
            asset_id,
            uri,
            additional,
            timestamp,
        };
        let answer = shape(&usage);
        s.usages.push(usage);
        OpResponse::json(answer)
    })
}

/// `DELETE /api/media/usage/?integration_id=&asset_id=[&uri=]`: 204 whether or not anything
/// matched, as a DELETE is idempotent.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let (integration, asset) = match required_keys(req) {
        Ok((integration, asset)) => (Some(integration), Some(asset)),
        Err(response) => return response,
    };
    let uri = text(req, "uri");
    store.write(|s| {
        s.usages.retain(|u| !matches(u, &integration, &asset, &uri));
    });
    OpResponse::no_content()
}

/// One entry of the sync call's `usages`.
struct Wanted {
    asset_id: String,
    uri: String,
    additional: String,
}

/// `POST /api/media/usage/sync` (JSON): the integration's usages within `uris` (all of its
/// usages when `uris` is empty) become exactly `usages`. Answers what was accepted, created,
/// rejected (with a reason) and removed.
pub fn sync(store: &Store, req: &OpRequest) -> OpResponse {
    let integration_id = match integration_param(req) {
        Ok(Some(id)) => id,
        Ok(None) => return field_error("integration_id", "This field is required."),
        Err(response) => return response,
    };
    let body = req.json.as_ref().and_then(Value::as_object);
    let uris = match string_list(body, "uris") {
        Some(uris) => uris,
        None => return field_error("uris", "Must be a list of strings."),
    };
    let Some(entries) = object_list(body, "usages") else {
        return field_error("usages", "Must be a list of objects.");
    };
    store.write(|s| {
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        let mut wanted: Vec<Wanted> = Vec::new();
        for entry in entries {
            let field = |name: &str| {
                entry
                    .get(name)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .unwrap_or_default()
                    .to_string()
            };
            let (asset, uri, additional) = (field("asset_id"), field("uri"), field("additional"));
            let reason = if !uris.is_empty() && !uris.contains(&uri) {
                Some("URI is not part of the uris given")
            } else if live_asset(s, &asset).is_none() {
                Some("Asset not found")
            } else {
                None
            };
            if let Some(reason) = reason {
                rejected.push(json!({"asset_id": asset, "uri": uri, "reason": reason}));
                continue;
            }
            accepted.push(json!({"asset_id": asset, "uri": uri, "additional": additional}));
            wanted.push(Wanted {
                asset_id: normalize_id(&asset),
                uri,
                additional,
            });
        }
        let in_scope = |u: &Usage| {
            u.integration_id == integration_id && (uris.is_empty() || uris.contains(&u.uri))
        };
        let mut removed = Vec::new();
        s.usages.retain(|u| {
            let keep = !in_scope(u)
                || wanted
                    .iter()
                    .any(|w| w.asset_id == u.asset_id && w.uri == u.uri);
            if !keep {
                removed.push(json!({"asset_id": rfc(&u.asset_id), "uri": u.uri}));
            }
            keep
        });
        let mut created = Vec::new();
        let stamp = now();
        for w in wanted {
            let existing = s.usages.iter_mut().find(|u| {
                u.integration_id == integration_id && u.asset_id == w.asset_id && u.uri == w.uri
            });
            if let Some(u) = existing {
                u.additional = w.additional;
                continue;
            }
            let usage = Usage {
                id: rfc(&s.new_id()),
                integration_id: integration_id.clone(),
                asset_id: w.asset_id,
                uri: w.uri,
                additional: w.additional,
                timestamp: stamp,
            };
            created.push(shape(&usage));
            s.usages.push(usage);
        }
        OpResponse::json(json!({
            "accepted": accepted,
            "new": created,
            "rejected": rejected,
            "removed": removed,
        }))
    })
}

/// A JSON body field holding a list of strings; missing is empty, anything else is `None`.
fn string_list(body: Option<&Map<String, Value>>, name: &str) -> Option<Vec<String>> {
    match body.and_then(|b| b.get(name)) {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(|s| s.trim().to_string()))
            .collect(),
        Some(_) => None,
    }
}

/// A JSON body field holding a list of objects; missing is empty, anything else is `None`.
fn object_list<'a>(
    body: Option<&'a Map<String, Value>>,
    name: &str,
) -> Option<Vec<&'a Map<String, Value>>> {
    match body.and_then(|b| b.get(name)) {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(Value::as_object).collect(),
        Some(_) => None,
    }
}
