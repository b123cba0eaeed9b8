//! Tags (`GET /api/v4/tags/`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A tag and how many assets carry it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Tag {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// The tag text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Number of assets with this tag.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_count: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
