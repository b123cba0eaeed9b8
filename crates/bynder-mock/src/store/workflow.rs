//! State of the workflow operations.

use super::State;

/// What the workflow operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Workflow {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
