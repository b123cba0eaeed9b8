//! Handlers of the asset services operations (`bynder::ops` table, `table/asset_services.rs`).

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    let _ = (store, req); // replaced by a match on `req.op.name` as operations land
    None
}
