//! Handlers of the content access operations and the user groups list (`bynder::ops` table,
//! `table/access.rs`).

mod groups;
mod metaproperty;
mod options;
mod rules;

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "content_access.get_metaproperty" => metaproperty::get(store, req),
        "content_access.add_metaproperty" => metaproperty::add(store, req),
        "content_access.remove_metaproperty" => metaproperty::remove(store, req),
        "content_access.get_option" => options::get(store, req),
        "content_access.set_option" => options::set(store, req),
        "content_access.get_option_visibility" => options::visibility(store, req),
        "content_access.set_option_visibility" => options::set_visibility(store, req),
        "user_groups.list" => groups::list(store, req),
        _ => return None,
    })
}

/// Runs a handler body that answers early with an error.
fn answer(result: Result<OpResponse, OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}
