//! Operation table entries of the asset services group(s). Facts: `reference/bynder-api.md` and
//! `reference/openapi/`.

use crate::ops::Operation;

pub const OPERATIONS: &[Operation] = &[];
