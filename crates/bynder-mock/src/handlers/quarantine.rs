//! Antivirus quarantine (`/v7/quarantine/v1`, `reference/bynder-api.md` §5.11): list and read
//! quarantined uploads, and review them one by one or in bulk. Ids are RFC 4122; dates carry
//! no zone (`2024-06-28T10:42:02`); a 404 is `{"message": "Asset not found"}`.

use bynder::id::BynderId;
use serde_json::{Value, json};

use super::media::now;
use super::params::bad;
use crate::request::{OpRequest, OpResponse};
use crate::store::{QUARANTINE_ACCOUNT, Quarantined, Store, Time};

const NOT_FOUND: &str = "Asset not found";

/// The quarantine service's date form: no zone.
fn date(t: Time) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A record as the service answers it.
fn shape(q: &Quarantined) -> Value {
    let mut shape = json!({
        "id": q.id,
        "accountId": QUARANTINE_ACCOUNT,
        "assetId": q.asset_id,
        "assetName": q.asset_name,
        "requesterId": q.requester_id,
        "scanStatus": q.scan_status,
        "dateAdded": date(q.date_added),
        "dateModified": date(q.date_modified),
        "uploadEventType": "LEGACY",
        "fileType": q.file_type,
        "fileSize": q.file_size,
        "scanFailureReason": q.scan_failure_reason,
        "reviewStatus": q.review_status,
        "reviewedById": q.reviewed_by_id,
        "isRemoved": q.review_status.as_deref() == Some("REJECTED"),
        "isSafe": q.scan_status == "CLEARED" || q.review_status.as_deref() == Some("APPROVED"),
    });
    // A scan that did not fail has no reason: the definition types it string, so it is left
    // out rather than null.
    if q.scan_failure_reason.is_none()
        && let Some(members) = shape.as_object_mut()
    {
        members.remove("scanFailureReason");
    }
    shape
}

/// `data` of the JSON body, an object.
fn data(req: &OpRequest) -> Result<&serde_json::Map<String, Value>, OpResponse> {
    req.json
        .as_ref()
        .and_then(|body| body.get("data"))
        .and_then(Value::as_object)
        .ok_or_else(|| bad("data must be an object"))
}

/// The stored review status for a requested one: `DENIED` is kept as the `REJECTED` the
/// records report.
fn review_status(data: &serde_json::Map<String, Value>) -> Result<&'static str, OpResponse> {
    match data
        .get("review_status")
        .and_then(Value::as_str)
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("APPROVED") => Ok("APPROVED"),
        Some("DENIED") => Ok("REJECTED"),
        _ => Err(bad("review_status must be APPROVED or DENIED")),
    }
}

/// The reviewer: the caller, in RFC 4122 form.
fn reviewer(req: &OpRequest) -> String {
    let user = &req.principal.user_id;
    BynderId::parse(user).map_or_else(|_| user.clone(), |id| id.to_rfc4122())
}

fn mark(q: &mut Quarantined, status: &str, by: &str) {
    q.review_status = Some(status.to_string());
    q.reviewed_by_id = Some(by.to_string());
    q.date_modified = now();
}

/// `GET /v7/quarantine/v1/assets`.
pub fn list(store: &Store) -> OpResponse {
    store.read(|s| {
        let assets: Vec<Value> = s.quarantine.iter().map(shape).collect();
        OpResponse::json(json!({"totalCount": assets.len(), "assets": assets}))
    })
}

/// `GET /v7/quarantine/v1/assets/{asset_id}`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.quarantine.iter().find(|q| q.id == id) {
        Some(q) => OpResponse::json(shape(q)),
        None => OpResponse::message(404, NOT_FOUND),
    })
}

/// `PUT /v7/quarantine/v1/assets/{asset_id}`: answers the reviewed record.
pub fn review(store: &Store, req: &OpRequest) -> OpResponse {
    let status = match data(req).and_then(review_status) {
        Ok(status) => status,
        Err(response) => return response,
    };
    let id = path_id(req);
    let by = reviewer(req);
    store.write(|s| match s.quarantine.iter_mut().find(|q| q.id == id) {
        Some(q) => {
            mark(q, status, &by);
            OpResponse::json(shape(q))
        }
        None => OpResponse::message(404, NOT_FOUND),
    })
}

/// `POST /v7/quarantine/v1/antivirus-audit`: all or nothing; an unknown id is a 400 naming it.
pub fn review_many(store: &Store, req: &OpRequest) -> OpResponse {
    let parsed = data(req).and_then(|d| {
        let status = review_status(d)?;
        let invalid = || bad("antivirus_asset_ids must be a non-empty list of ids");
        let ids = d
            .get("antivirus_asset_ids")
            .and_then(Value::as_array)
            .filter(|ids| !ids.is_empty())
            .ok_or_else(invalid)?
            .iter()
            .map(|v| {
                v.as_str()
                    .map(|s| s.trim().to_ascii_lowercase())
                    .ok_or_else(invalid)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok((status, ids))
    });
    let (status, ids) = match parsed {
        Ok(p) => p,
        Err(response) => return response,
    };
    let by = reviewer(req);
    store.write(|s| {
        if let Some(unknown) = ids
            .iter()
            .find(|id| !s.quarantine.iter().any(|q| &q.id == *id))
        {
            return bad(&format!("Unknown quarantined asset {unknown}"));
        }
        for q in s.quarantine.iter_mut().filter(|q| ids.contains(&q.id)) {
            mark(q, status, &by);
        }
        OpResponse::json(json!({"updated": ids.len()}))
    })
}

/// The quarantine id from the path, lower case (the router has checked its form).
fn path_id(req: &OpRequest) -> String {
    req.path_param("asset_id")
        .unwrap_or_default()
        .to_ascii_lowercase()
}
