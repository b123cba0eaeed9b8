//! Smart filters (`GET /api/v4/smartfilters/`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A smart filter: a named group of metaproperties shown as one filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct SmartFilter {
    /// ColdFusion id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Icon CSS class (`fa fa-group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Labels by locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map<String, Value>>,
    /// Sort position.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub zindex: Option<i64>,
    /// Ids of the metaproperties in the filter.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub metaproperties: Vec<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
