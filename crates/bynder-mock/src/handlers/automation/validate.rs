//! Reading and checking a rule body (`AutomationWorkflowRuleBody`): known triggers,
//! conditions with their operators and terms, actions with the data they need, the limits,
//! and the `RelativeDate` trigger only together with the `Archived` condition.

use serde_json::{Map, Value, json};

use super::catalog::{
    ACTIONS, ASSET_TYPES, CONDITIONS, MAX_ACTIONS, MAX_CONDITIONS, OFFSET_UNITS, TRIGGERS,
};
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, normalize_id};

/// The service's error body, `{"message": ...}`.
pub fn message(status: u16, text: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"message": text}))
}

fn bad(text: impl AsRef<str>) -> OpResponse {
    message(400, text.as_ref())
}

/// The fields a body sent (absent ones are `None`).
#[derive(Debug, Default)]
pub struct Fields {
    pub name: Option<String>,
    pub triggers: Option<Vec<String>>,
    pub steps: Option<Vec<Value>>,
}

impl Fields {
    /// Reads and checks the JSON object body against the portal's state.
    pub fn read(state: &State, req: &OpRequest) -> Result<Fields, OpResponse> {
        let body = req
            .json
            .as_ref()
            .and_then(Value::as_object)
            .ok_or_else(|| bad("A JSON object body is required"))?;
        let name = match body.get("name") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => return Err(bad("name must be a non-empty string")),
        };
        let triggers = match body.get("triggers") {
            None | Some(Value::Null) => None,
            Some(v) => Some(names(v, "triggers")?),
        };
        let steps = match body.get("steps") {
            None | Some(Value::Null) => None,
            Some(Value::Array(steps)) => Some(steps.clone()),
            Some(_) => return Err(bad("steps must be a list")),
        };
        for step in steps.iter().flatten() {
            check_step(state, step)?;
        }
        Ok(Fields {
            name,
            triggers,
            steps,
        })
    }
}

/// A list of trigger names, each known.
fn names(value: &Value, field: &str) -> Result<Vec<String>, OpResponse> {
    let items = value
        .as_array()
        .ok_or_else(|| bad(format!("{field} must be a list of trigger names")))?;
    items
        .iter()
        .map(|v| match v.as_str() {
            Some(name) if TRIGGERS.contains(&name) => Ok(name.to_string()),
            Some(name) => Err(bad(format!("Unknown trigger '{name}'"))),
            None => Err(bad(format!("{field} must be a list of trigger names"))),
        })
        .collect()
}

/// The `RelativeDate` trigger and the `Archived` condition go together: one without the other
/// is a 400.
pub fn check_pairing(triggers: &[String], steps: &[Value]) -> Result<(), OpResponse> {
    let relative = triggers.iter().any(|t| t == "RelativeDate");
    let archived = steps.iter().any(|step| {
        step["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|group| group.get("and").or_else(|| group.get("AND")))
            .filter_map(Value::as_array)
            .flatten()
            .any(|leaf| leaf["condition_type"] == "Archived")
    });
    if relative == archived {
        Ok(())
    } else {
        Err(bad(
            "The RelativeDate trigger must be used with the Archived condition",
        ))
    }
}

/// Checks one step.
fn check_step(state: &State, step: &Value) -> Result<(), OpResponse> {
    let step = step
        .as_object()
        .ok_or_else(|| bad("every step must be an object"))?;
    if let Some(v) = step.get("step_triggers") {
        names(v, "step_triggers")?;
    }
    let mut count = 0;
    for group in list(step, "conditions")? {
        // The older definition spells the group `AND`.
        let leaves = group
            .get("and")
            .or_else(|| group.get("AND"))
            .and_then(Value::as_array)
            .ok_or_else(|| bad("every condition group must hold an `and` list"))?;
        for leaf in leaves {
            count += 1;
            check_condition(state, leaf)?;
        }
    }
    if count > MAX_CONDITIONS {
        return Err(bad(format!(
            "A step may have at most {MAX_CONDITIONS} conditions"
        )));
    }
    let actions = list(step, "actions")?;
    if actions.len() > MAX_ACTIONS {
        return Err(bad(format!(
            "A step may have at most {MAX_ACTIONS} actions"
        )));
    }
    for action in actions {
        check_action(state, action)?;
    }
    Ok(())
}

/// A list field of a step (absent: empty).
fn list<'a>(step: &'a Map<String, Value>, field: &str) -> Result<&'a [Value], OpResponse> {
    match step.get(field) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(bad(format!("{field} must be a list"))),
    }
}

/// Checks a leaf condition: known type, allowed operator, valid terms.
fn check_condition(state: &State, leaf: &Value) -> Result<(), OpResponse> {
    let kind = leaf["condition_type"].as_str().unwrap_or_default();
    let Some((_, operators, _)) = CONDITIONS.iter().find(|(name, _, _)| *name == kind) else {
        return Err(bad(format!("Unknown condition_type '{kind}'")));
    };
    let expression = &leaf["expression"];
    let operator = expression["operator"].as_str().unwrap_or_default();
    if !operators.contains(&operator) {
        return Err(bad(format!(
            "Operator '{operator}' is not allowed for {kind} (allowed: {})",
            operators.join(", ")
        )));
    }
    for term in expression["term"].as_array().map_or(&[][..], Vec::as_slice) {
        check_term(state, kind, term)?;
    }
    Ok(())
}

fn check_term(state: &State, kind: &str, term: &Value) -> Result<(), OpResponse> {
    let ok = match kind {
        "AssetType" => term["asset_type"]
            .as_str()
            .is_some_and(|t| ASSET_TYPES.contains(&t)),
        "MetapropertyOption" => {
            let Some(mp) = term["metaproperty_id"]
                .as_str()
                .and_then(|id| state.metaproperty(id))
            else {
                return Err(bad("Unknown metaproperty_id in a MetapropertyOption term"));
            };
            match term["metaproperty_option_id"].as_str() {
                None => true,
                Some(id) => mp.options.iter().any(|o| o.id == normalize_id(id)),
            }
        }
        _ => {
            term["offset_amount"].as_i64().is_some_and(|n| n > 0)
                && term["offset_unit"]
                    .as_str()
                    .is_some_and(|u| OFFSET_UNITS.contains(&u))
        }
    };
    if ok {
        Ok(())
    } else {
        Err(bad(format!("Invalid term for {kind}: {term}")))
    }
}

fn check_action(state: &State, action: &Value) -> Result<(), OpResponse> {
    let kind = action["action_type"].as_str().unwrap_or_default();
    if !ACTIONS.contains(&kind) {
        return Err(bad(format!("Unknown action_type '{kind}'")));
    }
    let data = &action["data"];
    if kind == "ADD_TO_COLLECTION" {
        let id = data["collection_id"].as_str().unwrap_or_default();
        if state.collection(id).is_none() {
            return Err(bad(format!("Collection '{id}' does not exist")));
        }
    } else if data["agent_id"]
        .as_str()
        .is_none_or(|a| a.trim().is_empty())
    {
        return Err(bad(format!("{kind} needs data.agent_id")));
    }
    Ok(())
}
