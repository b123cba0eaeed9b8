//! Operation table entries of the access group(s). Facts: `reference/bynder-api.md` and
//! `reference/openapi/`.

use crate::ops::Operation;

pub const OPERATIONS: &[Operation] = &[];
