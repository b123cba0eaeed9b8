//! The automation workflow rules (`table/automation.rs`): the service that Bynder runs on a host
//! of its own, served here under `/api/1/automation-workflow/`. Rules are created paused, listed
//! newest first with `start`/`limit`, edited, published or paused (409 when already so) and
//! deleted (404 afterwards). Errors are the service's `{"message": ...}`.

mod catalog;
mod validate;

use serde_json::{Value, json};

use super::media::now;
use super::params;
use crate::request::{OpRequest, OpResponse};
use crate::store::Store;
use validate::{Fields, check_pairing, message};

/// Default and largest `limit` of the rule list.
const DEFAULT_LIMIT: u64 = 20;
const MAX_LIMIT: u64 = 100;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "automation_rules.list" => list(store, req),
        "automation_rules.create" => create(store, req),
        "automation_rules.get" => get(store, req),
        "automation_rules.update" => update(store, req),
        "automation_rules.delete" => delete(store, req),
        "automation_rules.set_status" => set_status(store, req),
        "automation_rules.triggers" => OpResponse::json(catalog::triggers()),
        "automation_rules.conditions" => store.read(|s| OpResponse::json(catalog::conditions(s))),
        "automation_rules.actions" => OpResponse::json(catalog::actions()),
        _ => return None,
    })
}

/// The RFC 4122 spelling the service uses for a (ColdFusion) portal id.
pub(crate) fn rfc(id: &str) -> String {
    bynder::id::BynderId::parse(id).map_or_else(|_| id.to_string(), |id| id.to_rfc4122())
}

fn not_found() -> OpResponse {
    message(404, "Automation workflow rule not found")
}

fn rule_id(req: &OpRequest) -> &str {
    req.path_param("ruleId").unwrap_or_default()
}

/// A `start`/`limit` number: a whole number in range, else a 400.
fn number(req: &OpRequest, name: &str, default: u64, max: u64) -> Result<u64, OpResponse> {
    match req.param(name) {
        None => Ok(default),
        Some(text) => params::whole_number(&text)
            .filter(|n| *n <= max)
            .ok_or_else(|| message(400, &format!("{name} must be a whole number up to {max}"))),
    }
}

/// `GET /rules`: newest first; `metadata` names the neighbouring pages' `start`.
fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let (start, limit) = match (
        number(req, "start", 0, u64::from(u32::MAX)),
        number(req, "limit", DEFAULT_LIMIT, MAX_LIMIT),
    ) {
        (Ok(start), Ok(limit)) if limit > 0 => (start as usize, limit as usize),
        (Err(e), _) | (_, Err(e)) => return e,
        _ => return message(400, "limit must be at least 1"),
    };
    store.read(|s| {
        let rules = &s.automation.rules;
        let page: Vec<Value> = rules
            .iter()
            .rev()
            .skip(start)
            .take(limit)
            .map(|r| r.summary())
            .collect();
        let mut metadata = json!({});
        if start > 0 {
            metadata["previous_page"] = json!(start.saturating_sub(limit).to_string());
        }
        if start + limit < rules.len() {
            metadata["next_page"] = json!((start + limit).to_string());
        }
        OpResponse::json(json!({"rules": page, "metadata": metadata}))
    })
}

/// `POST /rules`: 200 with the new rule's summary; `name` is required.
fn create(store: &Store, req: &OpRequest) -> OpResponse {
    store.write(|s| {
        let fields = match Fields::read(s, req) {
            Ok(fields) => fields,
            Err(e) => return e,
        };
        let Some(name) = fields.name else {
            return message(400, "name is required");
        };
        let triggers = fields.triggers.unwrap_or_default();
        let steps = fields.steps.unwrap_or_default();
        if let Err(e) = check_pairing(&triggers, &steps) {
            return e;
        }
        let by = rfc(&req.principal.user_id);
        OpResponse::json(s.add_automation_rule(name, triggers, steps, by, now()))
    })
}

/// `GET /rules/{ruleId}`.
fn get(store: &Store, req: &OpRequest) -> OpResponse {
    store.read(|s| match s.automation.rule(rule_id(req)) {
        Some(rule) => OpResponse::json(rule.detail()),
        None => not_found(),
    })
}

/// `PUT /rules/{ruleId}`: changes the fields sent, answers the whole rule.
fn update(store: &Store, req: &OpRequest) -> OpResponse {
    store.write(|s| {
        let Some(rule) = s.automation.rule(rule_id(req)) else {
            return not_found();
        };
        let fields = match Fields::read(s, req) {
            Ok(fields) => fields,
            Err(e) => return e,
        };
        // The pairing holds for the rule as it will be, sent fields over stored ones.
        let triggers = fields.triggers.as_ref().unwrap_or(&rule.triggers);
        let steps = fields.steps.as_ref().unwrap_or(&rule.steps);
        if let Err(e) = check_pairing(triggers, steps) {
            return e;
        }
        let by = rfc(&req.principal.user_id);
        let Some(rule) = s.automation.rule_mut(rule_id(req)) else {
            return not_found();
        };
        if let Some(name) = fields.name {
            rule.name = name;
        }
        if let Some(triggers) = fields.triggers {
            rule.triggers = triggers;
        }
        if let Some(steps) = fields.steps {
            rule.steps = steps;
        }
        rule.edited_by = Some(by);
        rule.modified = now();
        OpResponse::json(rule.detail())
    })
}

/// `DELETE /rules/{ruleId}`: 204.
fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    store.write(|s| match s.automation.rule(rule_id(req)) {
        Some(rule) => {
            let id = rule.id.clone();
            s.automation.rules.retain(|r| r.id != id);
            OpResponse::no_content()
        }
        None => not_found(),
    })
}

/// `PATCH /rules/{ruleId}/status`: `PUBLISHED` or `PAUSED`; the status it already has is a 409.
fn set_status(store: &Store, req: &OpRequest) -> OpResponse {
    let status = req.param("status").unwrap_or_default();
    if status != "PUBLISHED" && status != "PAUSED" {
        return message(400, "status must be one of: PUBLISHED, PAUSED");
    }
    let by = rfc(&req.principal.user_id);
    store.write(|s| {
        let Some(rule) = s.automation.rule_mut(rule_id(req)) else {
            return not_found();
        };
        if rule.status == status {
            let state = if status == "PAUSED" {
                "paused"
            } else {
                "published"
            };
            return message(409, &format!("Rule is already {state}"));
        }
        rule.status = status;
        rule.edited_by = Some(by);
        rule.modified = now();
        OpResponse::no_content()
    })
}
