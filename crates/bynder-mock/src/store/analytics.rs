//! State of the analytics operations.

use super::State;

/// What the analytics operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Analytics {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
