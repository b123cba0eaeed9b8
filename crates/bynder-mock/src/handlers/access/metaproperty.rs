//! Access rules on a metaproperty (`/api/content_access/metaproperties/{metaproperty_id}`, OAS
//! access-rights-v4): list, add (201 with the principals), delete by rule id (204). Errors use
//! the `{"message", "statuscode"}` envelope.

use serde_json::Value;

use super::answer;
use super::rules;
use crate::handlers::params::path_id;
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store};

const NOT_FOUND: &str = "Metaproperty not found";
const CONTENT: &str = "metaproperty";

/// The metaproperty of the path, checked.
fn metaproperty(s: &State, req: &OpRequest) -> Result<String, OpResponse> {
    let id = path_id(req, "metaproperty_id");
    s.metaproperty(&id)
        .map(|mp| mp.id.clone())
        .ok_or_else(|| OpResponse::message(404, NOT_FOUND))
}

/// `GET`: the metaproperty's rules.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.read(|s| {
        let id = metaproperty(s, req)?;
        let listed: Vec<Value> = rules::listed(s, CONTENT, &id)
            .into_iter()
            .map(|rule| rule.value)
            .collect();
        Ok(OpResponse::json(Value::Array(listed)))
    }))
}

/// `POST` `{"principals", "level"}`: 201 with the principals granted.
pub fn add(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let id = metaproperty(s, req)?;
        let grant = rules::grant(s, req, false).map_err(|m| OpResponse::message(400, &m))?;
        s.grant_access(CONTENT, &id, &grant.level, &grant.principals);
        Ok(OpResponse::status_json(201, rules::granted(&grant)))
    }))
}

/// `DELETE` `{"contentAccessIds": [...]}`: 204; an id that is not a rule of this
/// metaproperty is a 404 and nothing is deleted.
pub fn remove(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let id = metaproperty(s, req)?;
        let invalid = || OpResponse::message(400, "contentAccessIds must be a non-empty list");
        let ids: Vec<String> = req
            .json
            .as_ref()
            .and_then(|body| body.get("contentAccessIds"))
            .and_then(Value::as_array)
            .filter(|ids| !ids.is_empty())
            .ok_or_else(invalid)?
            .iter()
            .map(|v| v.as_str().map(rules::rfc).ok_or_else(invalid))
            .collect::<Result<_, _>>()?;
        let known: Vec<String> = rules::listed(s, CONTENT, &id)
            .into_iter()
            .map(|rule| rule.id)
            .collect();
        if let Some(unknown) = ids.iter().find(|i| !known.contains(i)) {
            return Err(OpResponse::message(
                404,
                &format!("Content access rule not found: {unknown}"),
            ));
        }
        s.revoke_access(CONTENT, &id, &ids);
        Ok(OpResponse::no_content())
    }))
}
