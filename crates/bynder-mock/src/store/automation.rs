//! State of the automation operations.

use super::State;

/// What the automation operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Automation {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
