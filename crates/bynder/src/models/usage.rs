//! Asset usage (`/api/media/usage/`): where an integration uses an asset (OAS asset-usage).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// One usage of an asset (items of `usage.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Usage {
    /// Usage id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Asset id (RFC 4122 form).
    #[serde(
        rename = "asset_id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// The integration that uses the asset.
    #[serde(rename = "integration", skip_serializing_if = "Option::is_none")]
    pub integration: Option<UsageIntegration>,
    /// When the usage was recorded.
    #[serde(rename = "timestamp", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<BynderDate>,
    /// Where the asset is used.
    #[serde(rename = "uri", skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Free text the integration stored with the usage.
    #[serde(rename = "additional", skip_serializing_if = "Option::is_none")]
    pub additional: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The integration of a usage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UsageIntegration {
    /// Integration id.
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Integration name.
    #[serde(rename = "description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `usage.sync`: how the usages of one integration were replaced.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UsageSync {
    /// Usages sent that were kept or recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<UsageSyncEntry>,
    /// The usages recorded by this sync.
    #[serde(rename = "new", skip_serializing_if = "Vec::is_empty")]
    pub created: Vec<Usage>,
    /// Usages sent that were refused, with the `reason`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<UsageSyncEntry>,
    /// Usages within the synced `uris` that were not sent, so were deleted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<UsageSyncEntry>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One usage as `usage.sync` reports it (items of `accepted`, `rejected` and `removed`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UsageSyncEntry {
    /// Asset id (RFC 4122 form).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// Where the asset is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Free text stored with the usage (accepted usages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional: Option<String>,
    /// Why the usage was refused (rejected usages), e.g. `Asset not found`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
