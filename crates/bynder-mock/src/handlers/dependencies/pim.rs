//! The product layer (`/api/pim`, OAS product-layer-v4): the select metaproperties as product
//! metaproperties, and the children ("relations", "product_options") of their options, which
//! `PUT /api/pim/metapropertyoptions/{id}` replaces. Ids are answered in RFC 4122 form, as the
//! definition's examples show; errors use the `{"message", "statuscode"}` envelope.

use bynder::id::BynderId;
use serde_json::{Value, json};

use super::answer;
use crate::handlers::params::{self, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{MetaOption, Metaproperty, State, Store, normalize_id};

const NOT_FOUND: &str = "Metaproperty not found";
const OPTION_NOT_FOUND: &str = "Metaproperty option not found";
/// The definition's example page size.
const DEFAULT_LIMIT: u64 = 20;

fn rfc(cf: &str) -> String {
    BynderId::parse(cf).map_or_else(|_| cf.to_string(), |id| id.to_rfc4122())
}

/// The product metaproperty `id` (select metaproperties only).
fn product<'s>(s: &'s State, id: &str) -> Option<&'s Metaproperty> {
    s.metaproperty(id).filter(|mp| mp.kind == "select")
}

/// An option without its children.
fn plain(mp: &str, option: &MetaOption) -> Value {
    json!({
        "id": rfc(&option.id),
        "name": option.name,
        "label": option.label,
        "description": "",
        "metapropertyid": rfc(mp),
    })
}

/// An option with its children under `key` (`relations` or `product_options`).
fn with_children(s: &State, mp: &str, option: &MetaOption, key: &str) -> Value {
    let children: Vec<Value> = s
        .live_children(&option.id)
        .iter()
        .filter_map(|id| s.option(id))
        .map(|(owner, child)| plain(&owner.id, child))
        .collect();
    let mut value = plain(mp, option);
    if let Value::Object(map) = &mut value {
        map.insert(key.into(), Value::Array(children));
    }
    value
}

/// `GET /api/pim/metaproperties/`: the ids of the product metaproperties.
pub fn metaproperties(store: &Store) -> OpResponse {
    store.read(|s| {
        let ids: Vec<String> = s
            .metaproperties
            .iter()
            .filter(|mp| mp.kind == "select")
            .map(|mp| rfc(&mp.id))
            .collect();
        OpResponse::json(json!(ids))
    })
}

/// `GET /api/pim/metaproperties/{id}/`: the metaproperty with `mp_options` and relations.
pub fn metaproperty(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    store.read(|s| {
        let Some(mp) = product(s, &id) else {
            return OpResponse::message(404, NOT_FOUND);
        };
        let options: Vec<Value> = mp
            .options
            .iter()
            .map(|o| with_children(s, &mp.id, o, "relations"))
            .collect();
        OpResponse::json(json!({
            "id": rfc(&mp.id),
            "name": mp.name,
            "label": mp.label,
            "description": "",
            "mp_options": options,
        }))
    })
}

/// `GET /api/pim/metaproperties/{id}/options/`: paged; `order` sorts by name.
pub fn options(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let (limit, page) = params::limit_page(req, DEFAULT_LIMIT)?;
        let order = match req.param("order").map(|o| o.trim().to_ascii_lowercase()) {
            None => None,
            Some(o) if o.is_empty() => None,
            Some(o) if o == "asc" || o == "desc" => Some(o),
            Some(_) => return Err(OpResponse::message(400, "order must be asc or desc")),
        };
        let id = path_id(req, "id");
        store.read(|s| {
            let mp = product(s, &id).ok_or_else(|| OpResponse::message(404, NOT_FOUND))?;
            let mut options: Vec<&MetaOption> = mp.options.iter().collect();
            match order.as_deref() {
                Some("asc") => options.sort_by(|a, b| a.name.cmp(&b.name)),
                Some(_) => options.sort_by(|a, b| b.name.cmp(&a.name)),
                None => {}
            }
            let shaped: Vec<Value> = options
                .into_iter()
                .map(|o| with_children(s, &mp.id, o, "product_options"))
                .collect();
            Ok(OpResponse::json(Value::Array(params::page_of(
                shaped, limit, page,
            ))))
        })
    })())
}

/// `PUT /api/pim/metapropertyoptions/{id}/` with `{"children": [ids]}`: 204.
pub fn modify_option(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let invalid = || OpResponse::message(400, "children must be a list of option ids");
        let children = req
            .json
            .as_ref()
            .and_then(|body| body.get("children"))
            .and_then(Value::as_array)
            .ok_or_else(invalid)?
            .iter()
            .map(|v| v.as_str().map(normalize_id).ok_or_else(invalid))
            .collect::<Result<Vec<String>, OpResponse>>()?;
        let id = path_id(req, "id");
        store.write(|s| {
            if s.option(&id).is_none() {
                return Err(OpResponse::message(404, OPTION_NOT_FOUND));
            }
            let mut kept: Vec<String> = Vec::new();
            for child in children {
                if child == id {
                    return Err(OpResponse::message(
                        400,
                        "An option cannot be its own child",
                    ));
                }
                if !s.option_exists(&child) {
                    return Err(OpResponse::message(
                        400,
                        &format!("Unknown metaproperty option {child}"),
                    ));
                }
                if !kept.contains(&child) {
                    kept.push(child);
                }
            }
            s.set_children(&id, kept);
            Ok(OpResponse::no_content())
        })
    })())
}
