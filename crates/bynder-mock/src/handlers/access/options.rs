//! Access rules and default visibility of an option (`/api/1/content-access/options/{optionId}`
//! and `.../visibility`, OAS access-rights-and-options-v4). The rules list filters by
//! `principalId` and pages with `limit` and rule-id cursors (`start`: after that rule,
//! `before`: before it); PUT replaces the rules. Errors are `/api/1`'s `{errorCode, message}`.

use serde_json::{Value, json};

use super::answer;
use super::rules::{self, Listed};
use crate::handlers::params::{self, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store, normalize_id};

const CONTENT: &str = "option";
/// What an option is when no visibility was ever set.
const DEFAULT_VISIBILITY: &str = "visible";
const VISIBILITIES: &[&str] = &["visible", "hidden"];

fn error(status: u16, code: &str, message: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"errorCode": code, "message": message}))
}

fn invalid(message: &str) -> OpResponse {
    error(400, "invalid-request", message)
}

/// The option of the path, checked.
fn option(s: &State, req: &OpRequest) -> Result<String, OpResponse> {
    let id = path_id(req, "optionId");
    s.option(&id)
        .map(|(_, o)| o.id.clone())
        .ok_or_else(|| error(404, "option-not-existing", "Option does not exist"))
}

/// The position just after (`start`) or the end just before (`before`) a cursor rule.
fn window(rules: &[Listed], req: &OpRequest) -> Result<(usize, usize), OpResponse> {
    let find = |name: &str| -> Result<Option<usize>, OpResponse> {
        let Some(cursor) = req.param(name).filter(|c| !c.trim().is_empty()) else {
            return Ok(None);
        };
        let cursor = rules::rfc(cursor.trim());
        rules
            .iter()
            .position(|r| r.id == cursor)
            .map(Some)
            .ok_or_else(|| invalid(&format!("{name} is not a rule of this option")))
    };
    match (find("start")?, find("before")?) {
        (Some(_), Some(_)) => Err(invalid("start and before cannot be used together")),
        (Some(at), None) => Ok((at + 1, rules.len())),
        (None, Some(at)) => Ok((0, at)),
        (None, None) => Ok((0, rules.len())),
    }
}

/// `GET .../options/{optionId}`: the option's rules.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let limit = params::int(req, "limit", 20, 1, 1000)
            .map_err(|_| invalid("limit must be a whole number from 1 to 1000"))?
            as usize;
        let principal = req
            .param("principalId")
            .filter(|p| !p.trim().is_empty())
            .map(|p| normalize_id(&p));
        store.read(|s| {
            let id = option(s, req)?;
            let all = rules::listed(s, CONTENT, &id);
            let (from, to) = window(&all, req)?;
            let mut page: Vec<Value> = all[from..to]
                .iter()
                .filter(|r| principal.as_ref().is_none_or(|p| r.principal_id == *p))
                .map(|r| r.value.clone())
                .collect();
            // `before` pages backwards: the rules closest to the cursor.
            let skip = if req.param("before").is_some_and(|b| !b.trim().is_empty()) {
                page.len().saturating_sub(limit)
            } else {
                0
            };
            page = page.into_iter().skip(skip).take(limit).collect();
            Ok(OpResponse::json(Value::Array(page)))
        })
    })())
}

/// `PUT .../options/{optionId}` `{"principals", "level"}`: replaces the rules; 200 with the
/// principals now granted.
pub fn set(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let id = option(s, req)?;
        let grant = rules::grant(s, req, true).map_err(|m| invalid(&m))?;
        s.clear_access(CONTENT, &id);
        s.grant_access(CONTENT, &id, &grant.level, &grant.principals);
        Ok(OpResponse::json(rules::granted(&grant)))
    }))
}

/// `GET .../options/{optionId}/visibility`.
pub fn visibility(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.read(|s| {
        let id = option(s, req)?;
        let value = s
            .access
            .visibility
            .get(&id)
            .map_or(DEFAULT_VISIBILITY, String::as_str);
        Ok(OpResponse::json(json!({"defaultVisibility": value})))
    }))
}

/// `PUT .../options/{optionId}/visibility` `{"defaultVisibility": "visible"|"hidden"}`.
pub fn set_visibility(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let id = option(s, req)?;
        let value = req
            .json
            .as_ref()
            .and_then(|body| body.get("defaultVisibility"))
            .and_then(Value::as_str)
            .map(|v| v.trim().to_ascii_lowercase())
            .filter(|v| VISIBILITIES.contains(&v.as_str()))
            .ok_or_else(|| invalid("defaultVisibility must be visible or hidden"))?;
        s.access.visibility.insert(id, value.clone());
        Ok(OpResponse::json(json!({"defaultVisibility": value})))
    }))
}
