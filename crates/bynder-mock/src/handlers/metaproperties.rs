//! Metaproperties and their options, read side (`reference/bynder-api.md` §5.4, §7.4).

use serde_json::{Map, Value};

use super::params::{self, Param, not_found, path_id};
use super::shapes;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Metaproperty, State, Store, is_cf_id};

const NOT_FOUND: &str = "Metaproperty not found";

fn unwrap(result: Param<OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

/// How metaproperty objects are rendered: with options (default), with media counts.
struct View {
    options: bool,
    count: bool,
    /// Asset types the counts are restricted to (empty: all).
    types: Vec<String>,
}

impl View {
    fn parse(req: &OpRequest) -> Param<View> {
        Ok(View {
            options: params::flag_or(req, "options", true)?,
            count: params::flag_or(req, "count", false)?,
            types: params::list(req, "type")
                .iter()
                .map(|t| t.to_ascii_lowercase())
                .collect(),
        })
    }

    fn render(&self, s: &State, base_url: &str, mp: &Metaproperty) -> Value {
        let options = self.options.then(|| {
            mp.options
                .iter()
                .map(|o| {
                    let count = self.count.then(|| {
                        s.assets
                            .iter()
                            .filter(|a| self.types.is_empty() || self.types.contains(&a.kind))
                            .filter(|a| a.option_ids.contains(&o.id))
                            .count()
                    });
                    shapes::nested_option(base_url, o, count)
                })
                .collect()
        });
        shapes::metaproperty(mp, options)
    }
}

/// `GET /api/v4/metaproperties/`: an object keyed by metaproperty name.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap(View::parse(req).map(|view| {
        let ids = params::id_list(req, "ids");
        store.read(|s| {
            let mut body = Map::new();
            for mp in s
                .metaproperties
                .iter()
                .filter(|mp| ids.is_empty() || ids.contains(&mp.id))
            {
                body.insert(mp.name.clone(), view.render(s, &req.base_url, mp));
            }
            OpResponse::json(Value::Object(body))
        })
    }))
}

/// `GET /api/v4/metaproperties/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap(View::parse(req).map(|view| {
        let id = path_id(req, "id");
        store.read(|s| match s.metaproperty(&id) {
            Some(mp) => OpResponse::json(view.render(s, &req.base_url, mp)),
            None => not_found(NOT_FOUND),
        })
    }))
}

/// `GET /api/v4/metaproperties/options/?ids=<csv>`.
pub fn options_by_ids(store: &Store, req: &OpRequest) -> OpResponse {
    let ids = params::id_list(req, "ids");
    if ids.is_empty() {
        return OpResponse::message(400, "No data sent");
    }
    if !ids.iter().all(|id| is_cf_id(id)) {
        return OpResponse::message(400, "Invalid metaproperty option id sent");
    }
    store.read(|s| {
        let found: Vec<Value> = ids
            .iter()
            .filter_map(|id| s.option(id))
            .map(|(_, o)| shapes::option(o))
            .collect();
        OpResponse::json(Value::Array(found))
    })
}

/// `GET /api/v4/metaproperties/{id}/options/`: paged, filtered by `name` and
/// `externalReference`.
pub fn options(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap(params::limit_page(req, 50).map(|(limit, page)| {
        let name = req
            .param("name")
            .map(|n| n.trim().to_lowercase())
            .unwrap_or_default();
        let reference = req.param("externalReference").filter(|r| !r.is_empty());
        let id = path_id(req, "id");
        store.read(|s| {
            let Some(mp) = s.metaproperty(&id) else {
                return not_found(NOT_FOUND);
            };
            let found: Vec<Value> = mp
                .options
                .iter()
                .filter(|o| {
                    o.name.to_lowercase().contains(&name) || o.label.to_lowercase().contains(&name)
                })
                .filter(|o| {
                    reference
                        .as_ref()
                        .is_none_or(|r| o.external_reference == *r)
                })
                .map(shapes::option)
                .collect();
            OpResponse::json(Value::Array(params::page_of(found, limit, page)))
        })
    }))
}
