//! Asset services: similarity search, adaptive video streaming links (AVS) and text documents
//! (TEA).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The streaming links of a video (`streaming.public_links`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct StreamingLinks {
    /// HLS manifest URL.
    #[serde(rename = "hls", skip_serializing_if = "Option::is_none")]
    pub hls: Option<String>,
    /// DASH manifest URL.
    #[serde(rename = "dash", skip_serializing_if = "Option::is_none")]
    pub dash: Option<String>,
    /// HTML of the player.
    #[serde(rename = "embedCode", skip_serializing_if = "Option::is_none")]
    pub embed_code: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A text document (`documents.get`), in JSON:API form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Document {
    /// The resource.
    #[serde(rename = "data", skip_serializing_if = "Option::is_none")]
    pub data: Option<DocumentData>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The resource of a document answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DocumentData {
    /// Document id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Resource type (`document`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The content.
    #[serde(rename = "attributes", skip_serializing_if = "Option::is_none")]
    pub attributes: Option<DocumentAttributes>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The content of a document.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DocumentAttributes {
    /// ProseMirror document, as a JSON string.
    #[serde(rename = "document", skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The document as HTML.
    #[serde(rename = "html", skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Group (e.g. `brand_guidelines`).
    #[serde(rename = "documentGroupId", skip_serializing_if = "Option::is_none")]
    pub document_group_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `similar_assets.search`: the similar assets, best first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct SimilarAssets {
    /// The hits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<SimilarAsset>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One hit of a similarity search.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct SimilarAsset {
    /// Asset id (lower-case RFC 4122 form).
    #[serde(
        rename = "assetId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// Similarity in (0, 1], higher is closer.
    #[serde(
        rename = "similarityScore",
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub similarity_score: Option<f64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
