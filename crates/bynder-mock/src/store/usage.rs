//! Asset usages: which integration uses which asset where (`reference/bynder-api.md` §5.7).

use super::model::Time;

/// The integrations the portal knows, as `(id, description)`. Bynder registers integrations
/// itself, so a usage naming any other integration is refused.
pub const INTEGRATIONS: &[(&str, &str)] = &[
    ("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Website CMS"),
    (
        "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
        "Marketing automation",
    ),
    (
        "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
        "Product information",
    ),
];

/// One usage of an asset by an integration.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// RFC 4122 id, lower case (ids of `/api` outside v4).
    pub id: String,
    /// The integration's id, as listed in [`INTEGRATIONS`].
    pub integration_id: String,
    /// The asset's id, ColdFusion form as the store keeps assets.
    pub asset_id: String,
    /// Where the asset is used (may be empty).
    pub uri: String,
    /// Free text the integration attaches.
    pub additional: String,
    /// When the usage was recorded.
    pub timestamp: Time,
}

/// The description of a known integration.
pub fn integration(id: &str) -> Option<&'static str> {
    let id = id.trim();
    INTEGRATIONS
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(id))
        .map(|(_, description)| *description)
}
