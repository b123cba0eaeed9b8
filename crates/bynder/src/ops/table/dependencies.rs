//! Operation table entries of the dependencies group(s). Facts: `reference/bynder-api.md` and
//! `reference/openapi/`.

use crate::ops::Operation;

pub const OPERATIONS: &[Operation] = &[];
