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
use crate::error::{Error, ErrorKind};
use crate::{ops, paging};

/// Streams the items of list operation `name`, decoded as `T`.
pub(crate) fn iter_as<T: DeserializeOwned + Send + 'static>(
    client: &Client,
    name: &str,
    params: Result<Value, Error>,
) -> BoxStream<'static, Result<T, Error>> {
    let op = ops::find(name).ok_or_else(|| {
        Error::new(
            ErrorKind::UnknownOperation,
            format!("unknown operation {name:?}"),
        )
    });
    match op.and_then(|op| Ok((op, params?))) {
        Ok((op, params)) => paging::items(client, op, params)
            .map(|item| item.and_then(decode))
            .boxed(),
        Err(error) => stream::once(async move { Err(error) }).boxed(),
    }
}

/// Decodes a JSON value into a model.
pub(crate) fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_json::from_value(value)
        .map_err(|e| Error::new(ErrorKind::Decode, format!("unexpected response shape: {e}")))
}

/// Serializes a query/options struct into call parameters.
pub(crate) fn to_params(value: &impl Serialize) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|e| {
        Error::new(
            ErrorKind::InvalidArgument,
            format!("cannot encode parameters: {e}"),
        )
    })
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
