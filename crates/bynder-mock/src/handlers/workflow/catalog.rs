//! What workflow is configured with: the metaproperties of jobs and campaigns, and job
//! presets. Read-only through the API.

use std::collections::BTreeMap;

use serde_json::Value;

use super::input::{Answer, bad, missing, path_id};
use super::shape;
use crate::request::{OpRequest, OpResponse};
use crate::store::workflow::same_id;
use crate::store::{State, Store};

/// `GET /api/workflow/metaproperties/`: every metaproperty of jobs and campaigns. A list,
/// though the definitions' schema shows one object: a portal has many.
pub fn metaproperties(store: &Store) -> OpResponse {
    store.read(|s| {
        let all: Vec<Value> = s
            .workflow
            .metaproperties
            .iter()
            .map(|m| shape::metaproperty(s, m))
            .collect();
        OpResponse::json(Value::Array(all))
    })
}

/// `GET /api/workflow/metaproperties/{id}/`.
pub fn metaproperty(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.metaproperty(&id) {
        Some(m) => OpResponse::json(shape::metaproperty(s, m)),
        None => missing("Metaproperty not found"),
    })
}

/// `GET /api/workflow/presets/job/{id}/`.
pub fn preset(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.preset(&id) {
        Some(p) => OpResponse::json(shape::preset(p)),
        None => missing("Preset not found"),
    })
}

/// Checks metaproperty values sent for a job or a campaign (`entity`): every key must be a
/// metaproperty of that entity, every value of a select one a comma-separated list of its
/// option ids. Answers them keyed by the stored metaproperty ids, option ids as stored.
pub fn check_values(
    s: &State,
    values: BTreeMap<String, String>,
    entity: &str,
    field: &str,
) -> Answer<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (id, value) in values {
        let Some(mp) = s
            .workflow
            .metaproperties
            .iter()
            .find(|m| m.entity == entity && same_id(&m.id, &id))
        else {
            return Err(bad(&format!(
                "{field}: '{id}' is not a {entity} metaproperty"
            )));
        };
        let value = if mp.kind == "select" && !value.is_empty() {
            let options = value
                .split(',')
                .map(str::trim)
                .map(|option| {
                    mp.options
                        .iter()
                        .find(|o| same_id(&o.id, option))
                        .map(|o| o.id.clone())
                        .ok_or_else(|| {
                            bad(&format!(
                                "{field}: '{option}' is not an option of {}",
                                mp.label
                            ))
                        })
                })
                .collect::<Answer<Vec<_>>>()?;
            options.join(",")
        } else {
            value
        };
        out.insert(mp.id.clone(), value);
    }
    Ok(out)
}
