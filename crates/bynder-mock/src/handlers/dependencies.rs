//! Handlers of the option dependency operations, the taxonomy options list and the product
//! layer (`bynder::ops` table, `table/dependencies.rs`).

mod graph;
mod pim;
mod taxonomy;

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "dependencies.list_all" => graph::list_all(store),
        "dependencies.list" => graph::list(store, req),
        "dependencies.get" => graph::get(store, req),
        "dependencies.add" => graph::add(store, req),
        "dependencies.remove" => graph::remove(store, req),
        "dependencies.create_group" => graph::create_group(store, req),
        "dependencies.modify_group" => graph::modify_group(store, req),
        "dependencies.add_to_group" => graph::add_to_group(store, req),
        "dependencies.remove_from_group" => graph::remove_from_group(store, req),
        "taxonomy.options" => taxonomy::options(store, req),
        "pim.metaproperties" => pim::metaproperties(store),
        "pim.metaproperty" => pim::metaproperty(store, req),
        "pim.options" => pim::options(store, req),
        "pim.modify_option" => pim::modify_option(store, req),
        _ => return None,
    })
}

/// Runs a handler body that answers early with an error.
fn answer(result: Result<OpResponse, OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}
