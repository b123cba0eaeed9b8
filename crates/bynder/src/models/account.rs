//! The portal account and its derivatives (`/api/v4/account/`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The portal account.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Account {
    /// Account name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Locales the portal offers (`nl_NL`, `en_GB`, ...).
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub available_languages: Vec<String>,
    /// Default locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_language: Option<String>,
    /// Time zone (`Europe/Amsterdam`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Whether the portal is an open image bank.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_open_image_bank: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A derivative (thumbnail size) configured for the portal; also the shape of `/api/1`
/// derivative presets, which add an `id` and send the flags as 0/1.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Derivative {
    /// Preset id (`/api/1/derivative-presets` only).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Prefix, also the key of the derivative in asset `thumbnails` (`500x500`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Width in pixels.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<i64>,
    /// Height in pixels.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<i64>,
    /// Resolution; `-1` when not set.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub dpi: Option<i64>,
    /// Publicly reachable.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_public: Option<bool>,
    /// Cropped to the exact size.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_crop: Option<bool>,
    /// Generated on request.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_on_the_fly: Option<bool>,
    /// Padded to the exact size.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_extent: Option<bool>,
    /// Asset types it applies to, as sent.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_types: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
