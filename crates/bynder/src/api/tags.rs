//! Tags (`/api/v4/tags`).

use futures::Stream;
use serde::Serialize;
use serde_json::json;

use super::{iter_as, to_params};
use crate::client::Client;
use crate::error::Error;
use crate::models::{Status, Tag};

/// Filters and paging of `tags.list`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct TagQuery {
    pub keyword: Option<String>,
    /// Only tags used at least this often.
    #[serde(rename = "mincount")]
    pub min_count: Option<u32>,
    /// `tag asc|desc`, `mediaCount asc|desc`.
    pub order_by: Option<String>,
    pub limit: Option<u32>,
    pub page: Option<u32>,
}

/// Tag operations. Get it with [`Client::tags`].
#[derive(Debug, Clone, Copy)]
pub struct Tags<'a> {
    pub(crate) client: &'a Client,
}

impl Tags<'_> {
    /// One page of tags.
    pub async fn list(self, query: &TagQuery) -> Result<Vec<Tag>, Error> {
        self.client
            .call_items_as("tags.list", to_params(query)?)
            .await
    }

    /// Every matching tag, page after page.
    pub fn iter(
        &self,
        query: &TagQuery,
    ) -> impl Stream<Item = Result<Tag, Error>> + Send + 'static {
        iter_as(self.client, "tags.list", to_params(query))
    }

    /// Adds tag `tag_id` to assets.
    pub async fn add_to_media(self, tag_id: &str, media_ids: &[&str]) -> Result<Status, Error> {
        self.client
            .call_as("tags.add_media", json!({"id": tag_id, "data": media_ids}))
            .await
    }

    /// Removes tag `tag_id` from assets.
    pub async fn remove_from_media(self, tag_id: &str, media_ids: &[&str]) -> Result<(), Error> {
        self.client
            .call(
                "tags.remove_media",
                json!({"id": tag_id, "deleteIds": media_ids}),
            )
            .await
            .map(drop)
    }
}
