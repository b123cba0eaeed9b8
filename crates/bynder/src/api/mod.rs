//! Typed access by resource group: `client.media().get(id)`, `client.collections().create(..)`.
//! Each method is a thin typed door onto the operation table (see [`crate::ops`]): parameters
//! serialize to the operation's documented names, results decode into [`crate::models`].

mod collections;
mod media;
mod metaproperties;
mod misc;
mod tags;

pub use collections::{CollectionQuery, Collections, NewCollection, ShareOptions};
pub use media::{Media, MediaQuery, MediaUpdate};
pub use metaproperties::{Metaproperties, OptionQuery};
pub use misc::{Account, Brands, Oauth, Profiles, SmartFilters, Users};
pub use tags::{TagQuery, Tags};

use futures::stream::{self, BoxStream, StreamExt};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::client::Client;
use crate::client::response::decode;
use crate::error::{Error, ErrorKind};
use crate::{ops, paging};

/// Streams the items of list operation `name`, decoded as `T`.
pub(crate) fn iter_as<T: DeserializeOwned + Send + 'static>(
    client: &Client,
    name: &str,
    params: Result<Value, Error>,
) -> BoxStream<'static, Result<T, Error>> {
    match ops::require(name).and_then(|op| Ok((op, params?))) {
        Ok((op, params)) => paging::items(client, op, params)
            .map(|item| item.and_then(decode))
            .boxed(),
        Err(error) => stream::once(async move { Err(error) }).boxed(),
    }
}

/// Serializes a query/options struct into call parameters. Unset (`None`) fields are dropped
/// here, once, so the structs need no per-field `skip_serializing_if`.
pub(crate) fn to_params(value: &impl Serialize) -> Result<Value, Error> {
    let mut params = serde_json::to_value(value).map_err(|e| {
        Error::new(
            ErrorKind::InvalidArgument,
            format!("cannot encode parameters: {e}"),
        )
    })?;
    if let Value::Object(map) = &mut params {
        map.retain(|_, v| !v.is_null());
    }
    Ok(params)
}

/// Adds `key: value` to a parameters object.
pub(crate) fn with(mut params: Value, key: &str, value: impl Into<Value>) -> Value {
    if let Value::Object(map) = &mut params {
        map.insert(key.to_string(), value.into());
    }
    params
}

impl Client {
    /// Assets: list, search, get, modify, delete, download locations.
    pub fn media(&self) -> Media<'_> {
        Media { client: self }
    }
    /// Collections and their assets.
    pub fn collections(&self) -> Collections<'_> {
        Collections { client: self }
    }
    /// Tags.
    pub fn tags(&self) -> Tags<'_> {
        Tags { client: self }
    }
    /// Metaproperties and their options.
    pub fn metaproperties(&self) -> Metaproperties<'_> {
        Metaproperties { client: self }
    }
    /// Brands and sub-brands.
    pub fn brands(&self) -> Brands<'_> {
        Brands { client: self }
    }
    /// Smart filters.
    pub fn smartfilters(&self) -> SmartFilters<'_> {
        SmartFilters { client: self }
    }
    /// Account settings and derivatives.
    pub fn account(&self) -> Account<'_> {
        Account { client: self }
    }
    /// Users.
    pub fn users(&self) -> Users<'_> {
        Users { client: self }
    }
    /// Security profiles.
    pub fn profiles(&self) -> Profiles<'_> {
        Profiles { client: self }
    }
    /// OAuth2 discovery.
    pub fn oauth(&self) -> Oauth<'_> {
        Oauth { client: self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_fields_are_dropped_but_an_empty_list_is_kept() {
        let update = MediaUpdate {
            name: Some("n".into()),
            tags: Some(vec![]),
            ..Default::default()
        };
        let params = to_params(&update).unwrap();
        assert_eq!(params, serde_json::json!({"name": "n", "tags": []}));
        let query = MediaQuery {
            types: vec!["image".into()],
            ..Default::default()
        };
        assert_eq!(
            to_params(&query).unwrap(),
            serde_json::json!({"type": ["image"]})
        );
    }
}
