//! State of the dependencies operations.

use super::State;

/// What the dependencies operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Dependencies {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
