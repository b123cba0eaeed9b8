//! Derivative presets (`/api/1/derivative-presets/`, `reference/bynder-api.md` §5.5, OAS
//! derivative-presets): the derivative fields plus an RFC 4122 `id`, flags as 0/1 integers.

use serde_json::{Value, json};

use super::params::not_found;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Preset, Store};

/// A preset as `/api/1` answers it.
fn shape(p: &Preset) -> Value {
    let d = &p.derivative;
    json!({
        "id": p.id,
        "prefix": d.prefix,
        "width": d.width,
        "height": d.height,
        "dpi": d.dpi,
        "isCrop": u8::from(d.is_crop),
        "isOnTheFly": u8::from(d.is_on_the_fly),
        "isExtent": u8::from(d.is_extent),
        "isPublic": u8::from(d.is_public),
        "allowedTypes": d.allowed_types,
    })
}

/// `GET /api/1/derivative-presets/`.
pub fn list(store: &Store) -> OpResponse {
    store.read(|s| OpResponse::json(Value::Array(s.presets.iter().map(shape).collect())))
}

/// `GET /api/1/derivative-presets/{preset_id}` (the router has checked the RFC 4122 form).
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = req
        .path_param("preset_id")
        .unwrap_or_default()
        .to_ascii_lowercase();
    store.read(|s| match s.presets.iter().find(|p| p.id == id) {
        Some(p) => OpResponse::json(shape(p)),
        None => not_found("Derivative preset not found"),
    })
}
