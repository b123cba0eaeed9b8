//! Taxonomy options (`/api/1/taxonomy`, OAS taxonomy-v1) and the product layer (`/api/pim`, OAS product-layer-v4).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A page of `taxonomy.options`: the options and the cursor to the next page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TaxonomyOptionPage {
    /// The options.
    #[serde(rename = "options", skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<TaxonomyOption>,
    /// Paging: `nextPage` (the `start` of the next call) and `previousPage`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An option as the taxonomy lists it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TaxonomyOption {
    /// Option id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// External reference.
    #[serde(rename = "externalReference", skip_serializing_if = "Option::is_none")]
    pub external_reference: Option<String>,
    /// Icon URL.
    #[serde(rename = "icon", skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Metaproperty id.
    #[serde(
        rename = "metapropertyId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperty_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A product metaproperty with its options (`pim.metaproperty`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PimMetaproperty {
    /// Id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Label.
    #[serde(rename = "label", skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Description.
    #[serde(rename = "description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its options, with their relations.
    #[serde(rename = "mp_options", skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<PimOption>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A product option (`mp_options` of `pim.metaproperty`, items of `pim.options`), with
/// the options it relates to or its children.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PimOption {
    /// Id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Label.
    #[serde(rename = "label", skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Description.
    #[serde(rename = "description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Metaproperty id.
    #[serde(
        rename = "metapropertyid",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperty_id: Option<String>,
    /// Related options (`pim.metaproperty`).
    #[serde(rename = "relations", skip_serializing_if = "Option::is_none")]
    pub relations: Option<Vec<PimOption>>,
    /// Child options (`pim.options`).
    #[serde(rename = "product_options", skip_serializing_if = "Option::is_none")]
    pub product_options: Option<Vec<PimOption>>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
