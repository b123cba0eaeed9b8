//! Recently removed assets (`/api/trash/media`, OAS trash-v4).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// An asset removed in the last 30 days (items of `media.recently_removed`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct RemovedMedia {
    /// Asset id, as returned.
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Asset name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it was removed.
    #[serde(rename = "dateRemoved", skip_serializing_if = "Option::is_none")]
    pub date_removed: Option<BynderDate>,
    /// When it was created.
    #[serde(rename = "dateCreated", skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Username of the user who removed it.
    #[serde(rename = "username", skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Id of the user who removed it.
    #[serde(
        rename = "userId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id: Option<String>,
    /// Storage key of the original file.
    #[serde(rename = "S3_filepointer", skip_serializing_if = "Option::is_none")]
    pub s3_filepointer: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
