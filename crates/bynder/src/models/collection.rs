//! Collections (`/api/v4/collections/`, bynder-api.md §7.3).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A collection of assets.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Collection {
    /// ColdFusion id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Id of the owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<CollectionUser>,
    /// URL-friendly name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Link to the collection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Number of assets in the collection.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_count: Option<u64>,
    /// Number of views.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub views: Option<u64>,
    /// Public; Bynder spells it `isPublic` or `IsPublic`.
    #[serde(
        alias = "IsPublic",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_public: Option<bool>,
    /// Creation date (ColdFusion style, `March, 01 2017 10:49:12 +0000`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Cover images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<CollectionCover>,
    /// Thumbnail URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The owner of a [`Collection`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct CollectionUser {
    /// User id.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The cover images of a [`Collection`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct CollectionCover {
    /// Small cover URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
    /// URLs of the cover mosaic.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub thumbnails: Vec<String>,
    /// Large cover URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub large: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
