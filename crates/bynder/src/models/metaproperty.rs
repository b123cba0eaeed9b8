//! Metaproperties and their options (`/api/v4/metaproperties/`, bynder-api.md §7.4).
//!
//! `GET /api/v4/metaproperties/` answers with an object keyed by metaproperty name; decode it
//! as a map of [`Metaproperty`] (e.g. `BTreeMap<String, Metaproperty>`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A metaproperty (a custom metadata field of the portal).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Metaproperty {
    /// ColdFusion id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name (the key of `property_<name>` asset fields and filters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Label in the default language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Labels by locale (`nl_NL` → text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map<String, Value>>,
    /// Kind: `select`, `select2`, `autocomplete`, `date`, `text`, `longtext`, or a UI type such
    /// as `sidebar` or `button`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub property_type: Option<String>,
    /// Sort position.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub zindex: Option<i64>,
    /// Several options may be chosen; Bynder also spells it `isMultiSelect`.
    #[serde(
        alias = "isMultiSelect",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_multiselect: Option<bool>,
    /// Several options may be filtered on at once.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_multifilter: Option<bool>,
    /// A value is required.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_required: Option<bool>,
    /// Shown as a main filter.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_mainfilter: Option<bool>,
    /// Usable as a filter.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_filterable: Option<bool>,
    /// Exposed through the API.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_api_field: Option<bool>,
    /// Shown on the asset detail page.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_display_field: Option<bool>,
    /// Options form a drill-down hierarchy.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_drilldown: Option<bool>,
    /// Values may be edited.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_editable: Option<bool>,
    /// Shown in list view.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_in_list_view: Option<bool>,
    /// Shown in grid view.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_in_grid_view: Option<bool>,
    /// Shown in duplicate view.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_in_duplicate_view: Option<bool>,
    /// Option dependencies apply.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_dependencies: Option<bool>,
    /// The options (absent with `options=0`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<MetapropertyOption>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An option of a [`Metaproperty`]; options can nest.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct MetapropertyOption {
    /// ColdFusion id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name (cannot be changed after creation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Label in the default language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Label as displayed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_label: Option<String>,
    /// Labels by locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map<String, Value>>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Descriptions by locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub descriptions: Option<Map<String, Value>>,
    /// Creation date (ColdFusion style inside metaproperties, ISO 8601 from the options
    /// endpoints).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<BynderDate>,
    /// Active; sent as `true` or `1`.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub active: Option<bool>,
    /// May be selected.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_selectable: Option<bool>,
    /// Sort position.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub zindex: Option<i64>,
    /// Ids of linked options.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub linked_option_ids: Vec<String>,
    /// Hidden unless a dependency shows it.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub hide_by_default: Option<bool>,
    /// Image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Product suffix.
    #[serde(rename = "product_suffix", skip_serializing_if = "Option::is_none")]
    pub product_suffix: Option<String>,
    /// Size of the pre-generated ZIP of the option's assets, in bytes.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub pregenerated_zip_file_size: Option<u64>,
    /// Reference in an external system.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_reference: Option<String>,
    /// Parent option id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_id: Option<String>,
    /// Number of assets with this option (with `count=1`).
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_count: Option<u64>,
    /// Child options.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<MetapropertyOption>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
