//! Antivirus quarantine (`/v7/quarantine/v1`, OAS quarantine): assets the virus scan held back.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// The answer of `quarantine.list`: a count and the assets.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct QuarantinePage {
    /// Number of quarantined assets.
    #[serde(
        rename = "totalCount",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// The quarantined assets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<QuarantinedAsset>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A quarantined asset (`quarantine.get`, items of `quarantine.list`). Review fields are
/// `null` until reviewed; a `null` decodes as absent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct QuarantinedAsset {
    /// Quarantine id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Account id.
    #[serde(
        rename = "accountId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_id: Option<String>,
    /// Asset id.
    #[serde(
        rename = "assetId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// Asset (file) name.
    #[serde(rename = "assetName", skip_serializing_if = "Option::is_none")]
    pub asset_name: Option<String>,
    /// Id of the user who uploaded it.
    #[serde(
        rename = "requesterId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub requester_id: Option<String>,
    /// Scan result: `INFECTED`, `SKIPPED`...
    #[serde(rename = "scanStatus", skip_serializing_if = "Option::is_none")]
    pub scan_status: Option<String>,
    /// Why the scan failed, when it did.
    #[serde(rename = "scanFailureReason", skip_serializing_if = "Option::is_none")]
    pub scan_failure_reason: Option<String>,
    /// When it was quarantined.
    #[serde(rename = "dateAdded", skip_serializing_if = "Option::is_none")]
    pub date_added: Option<BynderDate>,
    /// Last change.
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Upload kind, e.g. `LEGACY`.
    #[serde(rename = "uploadEventType", skip_serializing_if = "Option::is_none")]
    pub upload_event_type: Option<String>,
    /// MIME type as detected (`None` when unknown).
    #[serde(rename = "fileType", skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// Size in bytes.
    #[serde(
        rename = "fileSize",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub file_size: Option<u64>,
    /// Whether it was judged safe.
    #[serde(
        rename = "isSafe",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_safe: Option<bool>,
    /// `APPROVED` or `DENIED` once reviewed.
    #[serde(rename = "reviewStatus", skip_serializing_if = "Option::is_none")]
    pub review_status: Option<String>,
    /// Id of the reviewer once reviewed.
    #[serde(
        rename = "reviewedById",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub reviewed_by_id: Option<String>,
    /// Whether the asset was removed.
    #[serde(
        rename = "isRemoved",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_removed: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `quarantine.review_many`: how many quarantined assets the review changed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct QuarantineReviewed {
    /// Number of assets reviewed.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
