//! The portal's in-memory state, seeded with realistic data.

/// The portal's state.
#[derive(Debug, Default)]
pub struct Store {}

impl Store {
    /// A store seeded deterministically from `seed`.
    pub fn seeded(seed: u64) -> Store {
        let _ = seed;
        Store {}
    }
}
