//! Metaproperty options on an asset (`POST`/`DELETE /api/media/options`,
//! `reference/bynder-api.md` §5.1, OAS asset-v4): a JSON body names the asset, one
//! metaproperty and the options to add or remove. Ids are accepted in either UUID form.
//! Errors use the `{"message", "statuscode"}` body the definition shows.

use serde_json::{Value, json};

use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store, normalize_id};

/// Bynder's error body for these calls.
fn error(status: u16, message: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"message": message, "statuscode": status}))
}

/// What a request asks for: `(asset, metaproperty, options)`, ids in stored form.
struct Change {
    asset: String,
    metaproperty: String,
    options: Vec<String>,
}

/// Reads and checks the body; a missing or mistyped field is a 400.
fn change(req: &OpRequest) -> Result<Change, OpResponse> {
    let body = req
        .json
        .as_ref()
        .and_then(Value::as_object)
        .ok_or_else(|| error(400, "A JSON object body is required"))?;
    let id = |name: &str| -> Result<String, OpResponse> {
        body.get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(normalize_id)
            .ok_or_else(|| error(400, &format!("{name} is required")))
    };
    let asset = id("asset_id")?;
    let metaproperty = id("metaproperty_id")?;
    let invalid = || {
        error(
            400,
            "metaproperty_option_ids must be a non-empty list of ids",
        )
    };
    let options = body
        .get("metaproperty_option_ids")
        .and_then(Value::as_array)
        .filter(|items| !items.is_empty())
        .ok_or_else(invalid)?
        .iter()
        .map(|v| v.as_str().map(normalize_id).ok_or_else(invalid))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Change {
        asset,
        metaproperty,
        options,
    })
}

/// Checks that asset, metaproperty and every option exist (the option within that
/// metaproperty); answers whether the metaproperty takes several options.
fn check(s: &State, c: &Change) -> Result<bool, OpResponse> {
    if s.asset(&c.asset).is_none() {
        return Err(error(404, "Not Found"));
    }
    let mp = s
        .metaproperty(&c.metaproperty)
        .ok_or_else(|| error(404, "Not Found"))?;
    if c.options
        .iter()
        .any(|id| !mp.options.iter().any(|o| &o.id == id))
    {
        return Err(error(404, "Not Found"));
    }
    Ok(mp.is_multiselect)
}

/// `POST /api/media/options`: 201. A single-select metaproperty takes one option, which
/// replaces the one the asset had.
pub fn add(store: &Store, req: &OpRequest) -> OpResponse {
    let c = match change(req) {
        Ok(c) => c,
        Err(response) => return response,
    };
    store.write(|s| {
        let multiselect = match check(s, &c) {
            Ok(m) => m,
            Err(response) => return response,
        };
        if !multiselect && c.options.len() > 1 {
            return error(400, "This metaproperty takes a single option");
        }
        let siblings: Vec<String> = s
            .metaproperty(&c.metaproperty)
            .map(|mp| mp.options.iter().map(|o| o.id.clone()).collect())
            .unwrap_or_default();
        let Some(asset) = s.asset_mut(&c.asset) else {
            return error(404, "Not Found");
        };
        if !multiselect {
            asset.option_ids.retain(|id| !siblings.contains(id));
        }
        for id in c.options {
            if !asset.option_ids.contains(&id) {
                asset.option_ids.push(id);
            }
        }
        OpResponse::status_json(201, json!({"message": "Created", "statuscode": 201}))
    })
}

/// `DELETE /api/media/options`: 204; options the asset does not have are ignored.
pub fn remove(store: &Store, req: &OpRequest) -> OpResponse {
    let c = match change(req) {
        Ok(c) => c,
        Err(response) => return response,
    };
    store.write(|s| {
        if let Err(response) = check(s, &c) {
            return response;
        }
        let Some(asset) = s.asset_mut(&c.asset) else {
            return error(404, "Not Found");
        };
        asset.option_ids.retain(|id| !c.options.contains(id));
        OpResponse::no_content()
    })
}
