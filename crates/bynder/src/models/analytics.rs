//! Analytics (`/v7/analytics`, OAS analytics): events and asset reports.
//!
//! Every event list shares one model: the kinds differ only in which fields they carry
//! (v1 events have `id`, v2 events `eventId`; downloads add `downloadReasons`...).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// One analytics event (items of `analytics.asset_views`, `user_logins`...).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AnalyticsEvent {
    /// Event id (v2 events).
    #[serde(
        rename = "eventId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_id: Option<String>,
    /// Event id (v1 events).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Kind, e.g. `AssetViewed` or `asset.view`.
    #[serde(rename = "eventType", skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// When it happened.
    #[serde(rename = "dateTime", skip_serializing_if = "Option::is_none")]
    pub date_time: Option<BynderDate>,
    /// User id.
    #[serde(
        rename = "userId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id: Option<String>,
    /// Asset id.
    #[serde(
        rename = "assetId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// Asset type (v1).
    #[serde(rename = "assetType", skip_serializing_if = "Option::is_none")]
    pub asset_type: Option<String>,
    /// Asset name (v1).
    #[serde(rename = "assetName", skip_serializing_if = "Option::is_none")]
    pub asset_name: Option<String>,
    /// Audit state (v1).
    #[serde(rename = "assetAudit", skip_serializing_if = "Option::is_none")]
    pub asset_audit: Option<String>,
    /// File name (v1).
    #[serde(rename = "fileName", skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// Downloaded media item (v1 downloads).
    #[serde(
        rename = "mediaItemId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_item_id: Option<String>,
    /// Downloaded item kind (v1 downloads).
    #[serde(rename = "mediaItemType", skip_serializing_if = "Option::is_none")]
    pub media_item_type: Option<String>,
    /// Reasons given for a download.
    #[serde(rename = "downloadReasons", skip_serializing_if = "Option::is_none")]
    pub download_reasons: Option<Vec<String>>,
    /// Search terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Vec<String>>,
    /// Search filters, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Value>>,
    /// Search operator (`OR`, `AND`).
    #[serde(rename = "operator", skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Search sort order (`field`, `order`).
    #[serde(rename = "sortOrder", skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<Value>,
    /// Search result counts by kind.
    #[serde(rename = "results", skip_serializing_if = "Option::is_none")]
    pub results: Option<Value>,
    /// Searched keyword (keyword searches).
    #[serde(rename = "keyword", skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// Result count `totalResults` (keyword searches).
    #[serde(
        rename = "totalResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_results: Option<u64>,
    /// Result count `tagsResults` (keyword searches).
    #[serde(
        rename = "tagsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tags_results: Option<u64>,
    /// Result count `assetsResults` (keyword searches).
    #[serde(
        rename = "assetsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub assets_results: Option<u64>,
    /// Result count `documentsResults` (keyword searches).
    #[serde(
        rename = "documentsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub documents_results: Option<u64>,
    /// Result count `guidelinesResults` (keyword searches).
    #[serde(
        rename = "guidelinesResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub guidelines_results: Option<u64>,
    /// Result count `collectionsResults` (keyword searches).
    #[serde(
        rename = "collectionsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub collections_results: Option<u64>,
    /// Result count `metapropertiesResults` (keyword searches).
    #[serde(
        rename = "metapropertiesResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperties_results: Option<u64>,
    /// Result count `collectionAssetsResults` (keyword searches).
    #[serde(
        rename = "collectionAssetsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_assets_results: Option<u64>,
    /// Result count `workflowCampaignsResults` (keyword searches).
    #[serde(
        rename = "workflowCampaignsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_campaigns_results: Option<u64>,
    /// Result count `brandstoreProductsResults` (keyword searches).
    #[serde(
        rename = "brandstoreProductsResults",
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub brandstore_products_results: Option<u64>,
    /// Collection id (collection views).
    #[serde(
        rename = "collectionId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_id: Option<String>,
    /// Whether the viewer owns the collection.
    #[serde(
        rename = "isOwner",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_owner: Option<bool>,
    /// `internal` or `embed`.
    #[serde(rename = "viewOrigin", skip_serializing_if = "Option::is_none")]
    pub view_origin: Option<String>,
    /// Viewer IP address.
    #[serde(rename = "ipAddress", skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Viewer user agent.
    #[serde(rename = "userAgent", skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Whether Bynder support viewed it.
    #[serde(
        rename = "isBynderSupport",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_bynder_support: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One asset with its metadata (`analytics.asset_report`, items of `asset_reports`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AssetReport {
    /// Asset id.
    #[serde(
        rename = "assetId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub asset_id: Option<String>,
    /// Name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(rename = "description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Asset type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Audit state.
    #[serde(rename = "audit", skip_serializing_if = "Option::is_none")]
    pub audit: Option<String>,
    /// Copyright text.
    #[serde(rename = "copyright", skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// Id hash.
    #[serde(rename = "idHash", skip_serializing_if = "Option::is_none")]
    pub id_hash: Option<String>,
    /// Perceptual hash.
    #[serde(rename = "phash", skip_serializing_if = "Option::is_none")]
    pub phash: Option<String>,
    /// Archived.
    #[serde(
        rename = "isArchived",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_archived: Option<bool>,
    /// Limited usage.
    #[serde(
        rename = "isLimited",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_limited: Option<bool>,
    /// Removed.
    #[serde(
        rename = "isRemoved",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_removed: Option<bool>,
    /// Watermarked.
    #[serde(
        rename = "isWatermarked",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_watermarked: Option<bool>,
    /// Public.
    #[serde(
        rename = "isPublic",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_public: Option<bool>,
    /// Publication date.
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<BynderDate>,
    /// Creation date.
    #[serde(rename = "dateCreated", skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Creator id.
    #[serde(
        rename = "userCreated",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_created: Option<String>,
    /// Last modifier id.
    #[serde(
        rename = "userModified",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_modified: Option<String>,
    /// Metaproperty values by metaproperty name (comma-separated option names).
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub metaproperties: Map<String, Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
