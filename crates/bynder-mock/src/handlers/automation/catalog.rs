//! What a rule may use: the triggers, conditions (with their operators and terms) and actions
//! the service lists, and the limits it sets. The validator checks rules against the same data.

use serde_json::{Value, json};

use super::rfc;
use crate::store::State;

/// Trigger names. `RelativeDate` fires before an asset's archive date and must be used with
/// the `Archived` condition (and only with it).
pub const TRIGGERS: &[&str] = &["AssetUploaded", "AssetUpdated", "RelativeDate"];

/// Condition names with their operators and weights.
pub const CONDITIONS: &[(&str, &[&str], i64)] = &[
    ("AssetType", &["CONTAINS", "DOES_NOT_CONTAIN"], 1),
    ("MetapropertyOption", &["CONTAINS", "DOES_NOT_CONTAIN"], 2),
    ("Archived", &["STARTS_IN"], 3),
];

/// Action types (every one is open to the mock's callers).
pub const ACTIONS: &[&str] = &[
    "AGENT_ENRICHMENT",
    "ADD_TO_COLLECTION",
    "AGENT_TRANSFORMATION",
    "AGENT_BRAND_COMPLIANCE",
    "AGENT_GOVERNANCE",
];

/// At most this many conditions, and this many actions, in one step.
pub const MAX_CONDITIONS: usize = 5;
pub const MAX_ACTIONS: usize = 5;

/// Asset types an `AssetType` term may name.
pub const ASSET_TYPES: &[&str] = &["IMAGE", "VIDEO", "DOCUMENT", "AUDIO", "3D"];

/// Units of an `Archived` term's offset.
pub const OFFSET_UNITS: &[&str] = &["DAY", "DAYS", "WEEK", "WEEKS", "MONTH", "MONTHS"];

/// `GET /triggers`.
pub fn triggers() -> Value {
    json!({"triggers": TRIGGERS.iter().map(|t| json!({"name": t})).collect::<Vec<_>>()})
}

/// `GET /actions`.
pub fn actions() -> Value {
    json!({
        "actions": ACTIONS.iter().map(|a| json!({"action_type": a})).collect::<Vec<_>>(),
        "max_actions_limit": MAX_ACTIONS,
    })
}

/// `GET /conditions`: the metaproperty terms are the portal's own select options.
pub fn conditions(state: &State) -> Value {
    let option_terms: Vec<Value> = state
        .metaproperties
        .iter()
        .flat_map(|mp| {
            mp.options.iter().take(3).map(
                |o| json!({"metaproperty_id": rfc(&mp.id), "metaproperty_option_id": rfc(&o.id)}),
            )
        })
        .take(12)
        .collect();
    let terms = |name: &str| -> Vec<Value> {
        match name {
            "AssetType" => ASSET_TYPES
                .iter()
                .map(|t| json!({"asset_type": t}))
                .collect(),
            "MetapropertyOption" => option_terms.clone(),
            _ => vec![
                json!({"offset_amount": 1, "offset_unit": "DAY"}),
                json!({"offset_amount": 2, "offset_unit": "WEEKS"}),
                json!({"offset_amount": 3, "offset_unit": "MONTHS"}),
            ],
        }
    };
    let conditions: Vec<Value> = CONDITIONS
        .iter()
        .map(|(name, operators, weight)| {
            json!({"name": name, "weight": weight, "operators": operators, "terms": terms(name)})
        })
        .collect();
    json!({"conditions": conditions, "max_conditions_count": MAX_CONDITIONS})
}
