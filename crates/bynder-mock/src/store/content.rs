//! State of the content operations.

use super::State;

/// What the content operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Content {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
