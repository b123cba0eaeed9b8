//! Assets (`/api/v4/media`).

use std::collections::BTreeMap;

use futures::Stream;
use serde::Serialize;
use serde_json::{Value, json};

use super::{iter_as, to_params, with};
use crate::client::Client;
use crate::error::Error;
use crate::models::{self, DownloadLocation, MediaPage, Status};

/// Filters and paging of `media.list` (all optional; see Bynder's "Retrieve assets").
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct MediaQuery {
    pub brand_id: Option<String>,
    pub sub_brand_id: Option<String>,
    pub category_id: Option<String>,
    pub collection_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub property_option_id: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `image`, `document`, `audio`, `video`, `3d`.
    #[serde(rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    /// `square`, `portrait`, `landscape`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orientation: Vec<String>,
    pub keyword: Option<String>,
    pub limited: Option<bool>,
    pub archive: Option<bool>,
    pub is_public: Option<bool>,
    /// ISO 8601; assets created after.
    pub date_created: Option<String>,
    pub date_created_to: Option<String>,
    pub date_created_on: Option<String>,
    pub date_modified: Option<String>,
    pub date_modified_to: Option<String>,
    pub date_modified_on: Option<String>,
    /// e.g. `dateCreated desc`, `name asc`.
    pub order_by: Option<String>,
    pub limit: Option<u32>,
    pub page: Option<u32>,
    /// Ask for `{"total": {"count": N}}`.
    pub total: Option<bool>,
    /// Ask for `{"count": {...facets}}`.
    pub count: Option<bool>,
    pub include_media_items: Option<bool>,
    pub include_version_number: Option<bool>,
    pub cursor: Option<String>,
    /// Metaproperty filters: name -> option name(s), sent as `property_<name>`.
    #[serde(skip)]
    pub properties: BTreeMap<String, Vec<String>>,
}

impl MediaQuery {
    fn params(&self) -> Result<Value, Error> {
        let mut params = to_params(self)?;
        for (name, options) in &self.properties {
            params = with(params, &format!("property_{name}"), options.join(","));
        }
        Ok(params)
    }
}

/// Fields of `media.modify` (all optional; unset fields are left as they are).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct MediaUpdate {
    pub name: Option<String>,
    pub description: Option<String>,
    pub copyright: Option<String>,
    pub brand_id: Option<String>,
    /// Replaces all tags.
    pub tags: Option<Vec<String>>,
    pub date_published: Option<String>,
    pub archive: Option<bool>,
    pub archive_date: Option<String>,
    pub limited: Option<bool>,
    pub limited_date: Option<String>,
    pub watermark_date: Option<String>,
    /// Irreversible once true.
    pub is_public: Option<bool>,
    /// Metaproperty id -> option ids (or text for text metaproperties).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub metaproperties: BTreeMap<String, Vec<String>>,
}

/// Asset operations. Get it with [`Client::media`].
#[derive(Debug, Clone, Copy)]
pub struct Media<'a> {
    pub(crate) client: &'a Client,
}

impl Media<'_> {
    /// One page of assets (bare list, `total` or `count` shape all decode to [`MediaPage`]).
    pub async fn list(self, query: &MediaQuery) -> Result<MediaPage, Error> {
        let body = self.client.call("media.list", query.params()?).await?;
        MediaPage::from_value(body)
    }

    /// Every matching asset, page after page (the next page is fetched while you work).
    pub fn iter(
        &self,
        query: &MediaQuery,
    ) -> impl Stream<Item = Result<models::Media, Error>> + Send + 'static {
        iter_as(self.client, "media.list", query.params())
    }

    /// One asset; `versions` adds its media items.
    pub async fn get(self, id: &str, versions: bool) -> Result<models::Media, Error> {
        self.client
            .call_as("media.get", json!({"id": id, "versions": versions}))
            .await
    }

    /// Changes an asset's fields.
    pub async fn modify(self, id: &str, update: &MediaUpdate) -> Result<Status, Error> {
        self.client
            .call_as("media.modify", with(to_params(update)?, "id", id))
            .await
    }

    /// Deletes an asset.
    pub async fn delete(self, id: &str) -> Result<(), Error> {
        self.client
            .call("media.delete", json!({"id": id}))
            .await
            .map(drop)
    }

    /// A signed, temporary URL of the asset's original file.
    pub async fn download_location(self, id: &str) -> Result<DownloadLocation, Error> {
        self.client
            .call_as("media.download_location", json!({"id": id}))
            .await
    }

    /// A signed URL of one version of the asset.
    pub async fn version_download_location(
        self,
        id: &str,
        version: u32,
    ) -> Result<DownloadLocation, Error> {
        self.client
            .call_as(
                "media.version_download_location",
                json!({"id": id, "version": version}),
            )
            .await
    }

    /// A signed URL of one media item of the asset.
    pub async fn item_download_location(
        self,
        id: &str,
        item_id: &str,
    ) -> Result<DownloadLocation, Error> {
        self.client
            .call_as(
                "media.item_download_location",
                json!({"id": id, "itemId": item_id}),
            )
            .await
    }
}
