//! Metaproperties and options (`/api/v4/metaproperties`).

use futures::Stream;
use serde::Serialize;
use serde_json::json;

use super::{iter_as, to_params, with};
use crate::client::Client;
use crate::error::Error;
use crate::models::{Metaproperty, MetapropertyOption};

/// Filters and paging of `metaproperties.options`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct OptionQuery {
    pub name: Option<String>,
    pub external_reference: Option<String>,
    pub limit: Option<u32>,
    pub page: Option<u32>,
}

/// Metaproperty operations. Get it with [`Client::metaproperties`].
#[derive(Debug, Clone, Copy)]
pub struct Metaproperties<'a> {
    pub(crate) client: &'a Client,
}

impl Metaproperties<'_> {
    /// All metaproperties (the portal answers an object keyed by name; this returns its values).
    pub async fn list(self, with_options: bool) -> Result<Vec<Metaproperty>, Error> {
        self.client
            .call_items_as("metaproperties.list", json!({"options": with_options}))
            .await
    }

    /// One metaproperty.
    pub async fn get(self, id: &str) -> Result<Metaproperty, Error> {
        self.client
            .call_as("metaproperties.get", json!({"id": id}))
            .await
    }

    /// One page of a metaproperty's options.
    pub async fn options(
        self,
        id: &str,
        query: &OptionQuery,
    ) -> Result<Vec<MetapropertyOption>, Error> {
        self.client
            .call_items_as("metaproperties.options", with(to_params(query)?, "id", id))
            .await
    }

    /// Every option of a metaproperty, page after page.
    pub fn iter_options(
        &self,
        id: &str,
        query: &OptionQuery,
    ) -> impl Stream<Item = Result<MetapropertyOption, Error>> + Send + 'static {
        iter_as(
            self.client,
            "metaproperties.options",
            to_params(query).map(|p| with(p, "id", id)),
        )
    }

    /// Options by their ids.
    pub async fn options_by_ids(self, ids: &[&str]) -> Result<Vec<MetapropertyOption>, Error> {
        self.client
            .call_as("metaproperties.options_by_ids", json!({"ids": ids}))
            .await
    }
}
