//! `GET /api/groups/list/` (OAS groups-v4): the portal's user groups as `[{"id", "name"}]`,
//! ordered by name (`sort_order` `asc`/`desc`), filtered by `search_term`, paged with
//! `page`/`limit` (default 20). The caller's security profile needs the GROUPMANAGEMENT
//! role, as the definition says; without it the answer is Bynder's 403.

use serde_json::{Value, json};

use super::answer;
use crate::handlers::params;
use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

const ROLE: &str = "GROUPMANAGEMENT";
/// The documented default page size.
const DEFAULT_LIMIT: u64 = 20;

/// The groups list.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let (limit, page) = params::limit_page(req, DEFAULT_LIMIT)?;
        let descending = match req
            .param("sort_order")
            .map(|o| o.trim().to_ascii_lowercase())
        {
            None => false,
            Some(o) if o.is_empty() || o == "asc" => false,
            Some(o) if o == "desc" => true,
            Some(_) => return Err(OpResponse::message(400, "sort_order must be asc or desc")),
        };
        let term = req
            .param("search_term")
            .map(|t| t.trim().to_lowercase())
            .unwrap_or_default();
        store.read(|s| {
            if !s.user_has_role(&req.principal.user_id, ROLE) {
                return Err(OpResponse::message(403, "Access denied"));
            }
            let mut groups: Vec<(String, String)> = s
                .access
                .groups
                .iter()
                .filter(|g| g.name.to_lowercase().contains(&term))
                .map(|g| (g.name.clone(), g.id.clone()))
                .collect();
            groups.sort();
            if descending {
                groups.reverse();
            }
            let shaped: Vec<Value> = groups
                .into_iter()
                .map(|(name, id)| json!({"id": id, "name": name}))
                .collect();
            Ok(OpResponse::json(Value::Array(params::page_of(
                shaped, limit, page,
            ))))
        })
    })())
}
