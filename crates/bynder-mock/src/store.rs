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

impl Store {
    /// The ColdFusion id of the user that the permanent token and OAuth2 grants act as.
    pub fn current_user_id(&self) -> String {
        "4A2B1C3D-0000-4000-8000000000000001".to_string()
    }
}
