//! Typed convenience methods for the common operations, answering records instead of JSON.
//! Everything else is one `call(operation, paramsJson)` away.

use bynder::api;

use crate::client::BynderClient;
use crate::error::BynderError;
use crate::models::{Brand, Collection, Media, MediaPage, Metaproperty, Tag, User};
use crate::runtime::spawn;

/// Filters and paging of `mediaList` (every field optional).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct MediaQuery {
    #[uniffi(default = None)]
    pub keyword: Option<String>,
    #[uniffi(default = None)]
    pub brand_id: Option<String>,
    #[uniffi(default = None)]
    pub collection_id: Option<String>,
    /// `image`, `document`, `audio`, `video`, `3d`.
    #[uniffi(default = [])]
    pub types: Vec<String>,
    #[uniffi(default = [])]
    pub tags: Vec<String>,
    #[uniffi(default = [])]
    pub property_option_ids: Vec<String>,
    /// e.g. `dateCreated desc`, `name asc`.
    #[uniffi(default = None)]
    pub order_by: Option<String>,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub page: Option<u32>,
    /// Ask for the total count (`MediaPage.total`).
    #[uniffi(default = None)]
    pub total: Option<bool>,
}

impl From<MediaQuery> for api::MediaQuery {
    fn from(q: MediaQuery) -> api::MediaQuery {
        api::MediaQuery {
            keyword: q.keyword,
            brand_id: q.brand_id,
            collection_id: q.collection_id,
            types: q.types,
            tags: q.tags,
            property_option_id: q.property_option_ids,
            order_by: q.order_by,
            limit: q.limit,
            page: q.page,
            total: q.total,
            ..api::MediaQuery::default()
        }
    }
}

/// Declares a list query record (keyword, order, paging) and its conversion into the core's
/// query: collections and tags take the same four filters, so one declaration serves both.
macro_rules! list_query {
    (
        $(#[$doc:meta])*
        $name:ident => $core:path,
        order_by: $(#[$order_doc:meta])*
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, uniffi::Record)]
        pub struct $name {
            #[uniffi(default = None)]
            pub keyword: Option<String>,
            $(#[$order_doc])*
            #[uniffi(default = None)]
            pub order_by: Option<String>,
            #[uniffi(default = None)]
            pub limit: Option<u32>,
            #[uniffi(default = None)]
            pub page: Option<u32>,
        }

        impl From<$name> for $core {
            fn from(q: $name) -> $core {
                $core {
                    keyword: q.keyword,
                    order_by: q.order_by,
                    limit: q.limit,
                    page: q.page,
                    ..Default::default()
                }
            }
        }
    };
}

list_query! {
    /// Filters and paging of `collectionsList`.
    CollectionQuery => api::CollectionQuery,
    order_by:
}

list_query! {
    /// Filters and paging of `tagsList`.
    TagQuery => api::TagQuery,
    order_by:
        /// `tag asc|desc`, `mediaCount asc|desc`.
}

/// Fields of `mediaModify`; unset fields stay as they are.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct MediaUpdate {
    #[uniffi(default = None)]
    pub name: Option<String>,
    #[uniffi(default = None)]
    pub description: Option<String>,
    #[uniffi(default = None)]
    pub copyright: Option<String>,
    /// Replaces every tag.
    #[uniffi(default = None)]
    pub tags: Option<Vec<String>>,
    #[uniffi(default = None)]
    pub archive: Option<bool>,
}

#[uniffi::export]
impl BynderClient {
    /// One page of assets.
    #[uniffi::method(default(query = None))]
    pub async fn media_list(&self, query: Option<MediaQuery>) -> Result<MediaPage, BynderError> {
        let client = self.client.clone();
        let query = api::MediaQuery::from(query.unwrap_or_default());
        let page = spawn(async move { client.media().list(&query).await }).await?;
        Ok(page.into())
    }

    /// One asset, by id in either UUID form; `versions` adds its media items.
    #[uniffi::method(default(versions = false))]
    pub async fn media_get(&self, id: String, versions: bool) -> Result<Media, BynderError> {
        let client = self.client.clone();
        let media = spawn(async move { client.media().get(&id, versions).await }).await?;
        Ok(media.into())
    }

    /// Changes an asset's fields.
    pub async fn media_modify(&self, id: String, update: MediaUpdate) -> Result<(), BynderError> {
        let client = self.client.clone();
        let update = api::MediaUpdate {
            name: update.name,
            description: update.description,
            copyright: update.copyright,
            tags: update.tags,
            archive: update.archive,
            ..api::MediaUpdate::default()
        };
        spawn(async move { client.media().modify(&id, &update).await.map(drop) }).await?;
        Ok(())
    }

    /// One page of collections.
    #[uniffi::method(default(query = None))]
    pub async fn collections_list(
        &self,
        query: Option<CollectionQuery>,
    ) -> Result<Vec<Collection>, BynderError> {
        let client = self.client.clone();
        let query = api::CollectionQuery::from(query.unwrap_or_default());
        let list = spawn(async move { client.collections().list(&query).await }).await?;
        Ok(list.into_iter().map(Into::into).collect())
    }

    /// One collection.
    pub async fn collection_get(&self, id: String) -> Result<Collection, BynderError> {
        let client = self.client.clone();
        let collection = spawn(async move { client.collections().get(&id).await }).await?;
        Ok(collection.into())
    }

    /// Every brand with its sub-brands.
    pub async fn brands(&self) -> Result<Vec<Brand>, BynderError> {
        let client = self.client.clone();
        let brands = spawn(async move { client.brands().list().await }).await?;
        Ok(brands.into_iter().map(Into::into).collect())
    }

    /// One page of tags.
    #[uniffi::method(default(query = None))]
    pub async fn tags_list(&self, query: Option<TagQuery>) -> Result<Vec<Tag>, BynderError> {
        let client = self.client.clone();
        let query = api::TagQuery::from(query.unwrap_or_default());
        let tags = spawn(async move { client.tags().list(&query).await }).await?;
        Ok(tags.into_iter().map(Into::into).collect())
    }

    /// Every metaproperty, with its options when `with_options`.
    #[uniffi::method(default(with_options = true))]
    pub async fn metaproperties(
        &self,
        with_options: bool,
    ) -> Result<Vec<Metaproperty>, BynderError> {
        let client = self.client.clone();
        let list = spawn(async move { client.metaproperties().list(with_options).await }).await?;
        Ok(list.into_iter().map(Into::into).collect())
    }

    /// The user the token belongs to.
    pub async fn current_user(&self) -> Result<User, BynderError> {
        let client = self.client.clone();
        let user = spawn(async move { client.users().current().await }).await?;
        Ok(user.into())
    }
}
