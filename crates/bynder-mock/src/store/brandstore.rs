//! State of the brandstore operations.

use super::State;

/// What the brandstore operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Brandstore {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
