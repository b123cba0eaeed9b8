//! Per-operation handlers over the in-memory [`crate::store::Store`].

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers one routed, authenticated request.
pub fn handle(store: &Store, req: OpRequest) -> OpResponse {
    let _ = store;
    OpResponse::message(501, &format!("{} is not implemented by the mock", req.op.name))
}
