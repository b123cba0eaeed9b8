//! `GET /api/1/taxonomy/metaproperties/{metapropertyId}/options` (OAS taxonomy-v1): the options
//! of a metaproperty ordered by name, cursor-paged. A cursor is `<name>_<optionId>` of an
//! option: `start` answers the options after it, `before` those before it, and
//! `metadata.nextPage`/`prevPage` hand out the cursors of the page's last and first option.
//! Ids are RFC 4122, lower case; errors are `{"errorCode", "message"}`.

use bynder::id::BynderId;
use serde_json::{Value, json};

use super::answer;
use crate::handlers::params::{self, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{MetaOption, Store, normalize_id};

/// The documented default page size.
const DEFAULT_LIMIT: u64 = 20;

fn error(status: u16, code: &str, message: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"errorCode": code, "message": message}))
}

fn rfc(cf: &str) -> String {
    BynderId::parse(cf).map_or_else(|_| cf.to_string(), |id| id.to_rfc4122())
}

/// An option's cursor, `name_optionId`.
fn cursor(option: &MetaOption) -> String {
    format!("{}_{}", option.name, rfc(&option.id))
}

/// A cursor sent back, as the `(name, option id)` it sorts by; the name may hold `_` itself.
fn parse_cursor(text: &str) -> Result<(String, String), OpResponse> {
    let invalid = || {
        error(
            400,
            "option-list-cursor-format-invalid",
            "Invalid cursor format, expected 'name_optionId'",
        )
    };
    let (name, id) = text.trim().rsplit_once('_').ok_or_else(invalid)?;
    let id = BynderId::parse(id).map_err(|_| invalid())?;
    Ok((name.to_string(), id.to_coldfusion()))
}

/// The cursor parameter `name`, if sent and not empty.
fn cursor_param(req: &OpRequest, name: &str) -> Result<Option<(String, String)>, OpResponse> {
    req.param(name)
        .filter(|v| !v.trim().is_empty())
        .map(|v| parse_cursor(&v))
        .transpose()
}

fn shape(base_url: &str, mp: &str, option: &MetaOption) -> Value {
    json!({
        "id": rfc(&option.id),
        "name": option.name,
        "externalReference": option.external_reference,
        "icon": format!("{base_url}/_mock/cdn/options/{}.png", option.id),
        "metapropertyId": rfc(mp),
    })
}

/// The taxonomy options list.
pub fn options(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let start = cursor_param(req, "start")?;
        let before = cursor_param(req, "before")?;
        if start.is_some() && before.is_some() {
            return Err(error(
                400,
                "option-list-cursor-parameter-invalid",
                "Invalid parameters provided for listing options with cursor pagination, \
                 'start' and 'before' cannot be used together",
            ));
        }
        let limit = params::int(req, "limit", DEFAULT_LIMIT, 1, 1000).map_err(|_| {
            error(
                400,
                "option-list-limit-invalid",
                "limit must be a whole number from 1 to 1000",
            )
        })? as usize;
        let reference = req.param("externalReference").filter(|r| !r.is_empty());
        let ids: Vec<String> = params::list(req, "ids")
            .iter()
            .map(|id| normalize_id(id))
            .collect();
        let mp_id = path_id(req, "metapropertyId");
        store.read(|s| {
            let mp = s.metaproperty(&mp_id).ok_or_else(|| {
                error(
                    404,
                    "metaproperty-not-existing",
                    "Metaproperty does not exist",
                )
            })?;
            let mut matching: Vec<&MetaOption> = mp
                .options
                .iter()
                .filter(|o| {
                    reference
                        .as_ref()
                        .is_none_or(|r| o.external_reference == *r)
                })
                .filter(|o| ids.is_empty() || ids.contains(&o.id))
                .collect();
            matching.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            let key = |o: &&MetaOption| (o.name.clone(), o.id.clone());
            let page: Vec<&MetaOption> = match (&start, &before) {
                (Some(after), _) => matching
                    .iter()
                    .filter(|o| key(o) > *after)
                    .take(limit)
                    .copied()
                    .collect(),
                (_, Some(until)) => {
                    let earlier: Vec<&MetaOption> = matching
                        .iter()
                        .filter(|o| key(o) < *until)
                        .copied()
                        .collect();
                    earlier[earlier.len().saturating_sub(limit)..].to_vec()
                }
                _ => matching.iter().take(limit).copied().collect(),
            };
            let mut metadata = serde_json::Map::new();
            if let (Some(first), Some(last)) = (page.first(), page.last()) {
                if matching.iter().any(|o| key(o) < key(first)) {
                    metadata.insert("prevPage".into(), json!(cursor(first)));
                }
                if matching.iter().any(|o| key(o) > key(last)) {
                    metadata.insert("nextPage".into(), json!(cursor(last)));
                }
            }
            let options: Vec<Value> = page
                .iter()
                .map(|o| shape(&req.base_url, &mp.id, o))
                .collect();
            Ok(OpResponse::json(
                json!({"options": options, "metadata": metadata}),
            ))
        })
    })())
}
