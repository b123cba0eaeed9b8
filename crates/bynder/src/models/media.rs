//! Assets: the media object of `GET /api/v4/media/` and `GET /api/v4/media/{id}/`
//! (bynder-api.md §7.1), and its media items.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// Prefix of the dynamic keys that carry metaproperty values (`property_assettype`).
const PROPERTY_PREFIX: &str = "property_";

/// An asset.
///
/// Dynamic `property_<metaproperty name>` fields and any field this type does not name are kept
/// in [`Media::extra`] and serialized back.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Media {
    /// ColdFusion id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Short hex hash of the id (`4bd9969d0037c178`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_hash: Option<String>,
    /// Asset name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Copyright notice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// `image`, `document`, `video`, `audio` or `3d`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Brand id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<String>,
    /// Sub-brand id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_brand_id: Option<String>,
    /// Name of the user who created the asset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_created: Option<String>,
    /// Creation date (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<BynderDate>,
    /// File extensions, e.g. `["jpg"]`.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub extension: Vec<String>,
    /// Original file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// Size of the original in bytes.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub file_size: Option<u64>,
    /// Width in pixels; `None` for files without one.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u64>,
    /// Height in pixels; `None` for files without one.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<u64>,
    /// `landscape`, `portrait` or `square`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<String>,
    /// Tags.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Ids of the metaproperty options set on the asset.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub property_options: Vec<String>,
    /// Archived.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub archive: Option<bool>,
    /// Limited usage.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub limited: Option<bool>,
    /// Public (irreversible once set).
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_public: Option<bool>,
    /// Watermarked.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub watermarked: Option<bool>,
    /// Thumbnail URLs by name: `mini`, `thul`, `webimage` and one per derivative prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnails: Option<Map<String, Value>>,
    /// Base URL for Dynamic Asset Transformations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transform_base_url: Option<String>,
    /// Video preview URLs.
    #[serde(
        rename = "videoPreviewURLs",
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub video_preview_urls: Vec<String>,
    /// Public URL of the original (public assets on portals with `seoBaseUrl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// Files of the asset (with `includeMediaItems=1` or `versions=1`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub media_items: Vec<MediaItem>,
    /// Focus point of the active original.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_original_focus_point: Option<FocusPoint>,
    /// View count (with `stats=1`).
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub views: Option<u64>,
    /// Download count (with `stats=1`).
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub downloads: Option<u64>,
    /// Active version number (with `includeVersionNumber=1`).
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub active_version: Option<u64>,
    /// Assets related through metaproperties.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_assets: Vec<RelatedAssets>,
    /// `property_*` metaproperty values and any other field not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Media {
    /// The metaproperty values (`property_<name>` fields), as `(name, value)` with the prefix
    /// removed; values are usually arrays of option names, sometimes a string.
    pub fn properties(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.extra
            .iter()
            .filter_map(|(key, value)| key.strip_prefix(PROPERTY_PREFIX).map(|name| (name, value)))
    }

    /// The value of metaproperty `name` (without the `property_` prefix).
    pub fn property(&self, name: &str) -> Option<&Value> {
        self.properties()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }

    /// The thumbnail URL called `name` (`webimage`, `thul`, `mini` or a derivative prefix).
    pub fn thumbnail(&self, name: &str) -> Option<&str> {
        self.thumbnails.as_ref()?.get(name)?.as_str()
    }
}

/// One file of an asset: the original, an additional file or an older version.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct MediaItem {
    /// Item id.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// File name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// Name (the list endpoint's spelling of the file name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `original`, `additional`, ...
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub item_type: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Size in bytes.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size: Option<u64>,
    /// Width in pixels; `None` for generated items such as the PDF of a presentation.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u64>,
    /// Height in pixels; `None` for generated items.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<u64>,
    /// Version number.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub version: Option<u64>,
    /// Whether this is the active version.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub active: Option<bool>,
    /// Thumbnail URLs by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnails: Option<Map<String, Value>>,
    /// Public URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Focus point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus_point: Option<FocusPoint>,
    /// Id of an additional file.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A focus point, `{x, y}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FocusPoint {
    /// Horizontal coordinate.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Option<f64>,
    /// Vertical coordinate.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub y: Option<f64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Assets related to an asset through one metaproperty.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct RelatedAssets {
    /// The metaproperty's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_property_id: Option<String>,
    /// The metaproperty's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_property_name: Option<String>,
    /// Ids of the related assets.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub assets: Vec<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
