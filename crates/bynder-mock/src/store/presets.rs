//! Derivative presets of `/api/1/derivative-presets` (`reference/bynder-api.md` §5.5): the
//! account's derivatives with the RFC 4122 ids `/api/1` spells.

use super::model::Derivative;

/// Fixed ids for the seeded presets, one per seeded derivative, in order.
pub const PRESET_IDS: &[&str] = &[
    "3f0c6a1e-8d2b-4c5a-9e7f-1a2b3c4d5e6f",
    "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e",
    "c1d2e3f4-a5b6-4c7d-9e8f-0a1b2c3d4e5f",
];

/// One derivative preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// RFC 4122 id, lower case.
    pub id: String,
    /// Its size, crop and type settings.
    pub derivative: Derivative,
}

/// The presets for the seeded derivatives (ids from [`PRESET_IDS`]).
pub fn presets(derivatives: &[Derivative]) -> Vec<Preset> {
    PRESET_IDS
        .iter()
        .zip(derivatives)
        .map(|(id, d)| Preset {
            id: (*id).to_string(),
            derivative: d.clone(),
        })
        .collect()
}
