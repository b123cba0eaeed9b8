//! The `{message, statuscode}` envelope of v4 errors and many v4 writes.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Bynder's status envelope: `{"message": "Accepted", "statuscode": 202}`, plus `id` when
/// something was created. The status code may arrive as a string (`"404"`); Brandstore spells
/// it `status_code`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Status {
    /// Message (`Accepted`, `Created`, `Media not found`...).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub message: Option<String>,
    /// HTTP status code as reported in the body.
    #[serde(
        alias = "status_code",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub statuscode: Option<u64>,
    /// Id of the created object, when something was created.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
