//! State of the asset services operations.

use super::State;

/// What the asset services operations read and change.
#[derive(Debug, Clone, Default)]
pub struct AssetServices {}

/// Seeds this group's state from the rest of the seeded portal.
pub fn seed(_state: &mut State) {}
