//! State of the access operations.

use super::State;

/// What the access operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Access {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
