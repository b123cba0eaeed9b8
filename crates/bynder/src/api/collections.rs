//! Collections (`/api/v4/collections`).

use futures::Stream;
use serde::Serialize;
use serde_json::json;

use super::{iter_as, to_params, with};
use crate::client::Client;
use crate::error::Error;
use crate::models::{Collection, Status};

/// Filters and paging of `collections.list`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct CollectionQuery {
    pub keyword: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
    pub is_public: Option<bool>,
    pub min_count: Option<u32>,
    /// `dateCreated asc|desc`, `name asc|desc`.
    pub order_by: Option<String>,
    pub limit: Option<u32>,
    pub page: Option<u32>,
}

/// Fields of a new or modified collection.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct NewCollection {
    pub name: Option<String>,
    pub description: Option<String>,
    pub is_public: Option<bool>,
    pub thumbnail_asset_id: Option<String>,
}

/// Who to share a collection with, and how.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ShareOptions {
    /// E-mail addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<String>,
    /// `view` or `edit`.
    pub collection_options: Option<String>,
    pub login_required: Option<bool>,
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub send_mail: Option<bool>,
    pub message: Option<String>,
}

/// Collection operations. Get it with [`Client::collections`].
#[derive(Debug, Clone, Copy)]
pub struct Collections<'a> {
    pub(crate) client: &'a Client,
}

impl Collections<'_> {
    /// One page of collections.
    pub async fn list(self, query: &CollectionQuery) -> Result<Vec<Collection>, Error> {
        self.client
            .call_items_as("collections.list", to_params(query)?)
            .await
    }

    /// Every matching collection, page after page.
    pub fn iter(
        &self,
        query: &CollectionQuery,
    ) -> impl Stream<Item = Result<Collection, Error>> + Send + 'static {
        iter_as(self.client, "collections.list", to_params(query))
    }

    /// One collection.
    pub async fn get(self, id: &str) -> Result<Collection, Error> {
        self.client
            .call_as("collections.get", json!({"id": id}))
            .await
    }

    /// Creates a collection (`name` is required).
    pub async fn create(self, collection: &NewCollection) -> Result<Status, Error> {
        self.client
            .call_as("collections.create", to_params(collection)?)
            .await
    }

    /// Modifies a collection.
    pub async fn modify(self, id: &str, changes: &NewCollection) -> Result<Status, Error> {
        self.client
            .call_as("collections.modify", with(to_params(changes)?, "id", id))
            .await
    }

    /// Deletes a collection.
    pub async fn delete(self, id: &str) -> Result<(), Error> {
        self.client
            .call("collections.delete", json!({"id": id}))
            .await
            .map(drop)
    }

    /// Shares a collection.
    pub async fn share(self, id: &str, options: &ShareOptions) -> Result<Status, Error> {
        self.client
            .call_as("collections.share", with(to_params(options)?, "id", id))
            .await
    }

    /// The asset ids in a collection.
    pub async fn media_ids(self, id: &str) -> Result<Vec<String>, Error> {
        self.client
            .call_as("collections.media_list", json!({"id": id}))
            .await
    }

    /// Adds assets to a collection.
    pub async fn add_media(self, id: &str, media_ids: &[&str]) -> Result<Status, Error> {
        self.client
            .call_as(
                "collections.media_add",
                json!({"id": id, "data": media_ids}),
            )
            .await
    }

    /// Removes assets from a collection.
    pub async fn remove_media(self, id: &str, media_ids: &[&str]) -> Result<(), Error> {
        self.client
            .call(
                "collections.media_remove",
                json!({"id": id, "deleteIds": media_ids}),
            )
            .await
            .map(drop)
    }
}
