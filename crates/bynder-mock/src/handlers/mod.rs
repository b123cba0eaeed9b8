//! Per-operation handlers over the in-memory [`crate::store::Store`].
//!
//! The HTTP layer has already routed, authenticated and scope-checked the request; a handler
//! reads its parameters leniently ([`params`]), reads or changes the store, and answers the
//! shape the real portal answers ([`shapes`]).

pub mod collections;
pub mod media;
pub mod media_list;
pub mod metaproperties;
pub mod oauth;
pub mod params;
pub mod portal;
pub mod shapes;
pub mod tags;

#[cfg(test)]
mod tests;

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers one routed, authenticated request; operations without a handler answer 501.
pub fn handle(store: &Store, req: OpRequest) -> OpResponse {
    let req = &req;
    match req.op.name {
        "oauth.scopes" => oauth::scopes(),
        "media.list" => media_list::list(store, req),
        "media.get" => media::get(store, req),
        "media.modify" => media::modify(store, req),
        "media.delete" => media::delete(store, req),
        "media.download_location" => media::download_location(store, req),
        "media.version_download_location" => media::version_download_location(store, req),
        "media.item_download_location" => media::item_download_location(store, req),
        "brands.list" => portal::brands(store, req),
        "tags.list" => tags::list(store, req),
        "tags.add_media" => tags::add_media(store, req),
        "tags.remove_media" => tags::remove_media(store, req),
        "collections.list" => collections::list(store, req),
        "collections.get" => collections::get(store, req),
        "collections.create" => collections::create(store, req),
        "collections.modify" => collections::modify(store, req),
        "collections.delete" => collections::delete(store, req),
        "collections.share" => collections::share(store, req),
        "collections.media_list" => collections::media_list(store, req),
        "collections.media_add" => collections::media_add(store, req),
        "collections.media_remove" => collections::media_remove(store, req),
        "metaproperties.list" => metaproperties::list(store, req),
        "metaproperties.get" => metaproperties::get(store, req),
        "metaproperties.options_by_ids" => metaproperties::options_by_ids(store, req),
        "metaproperties.options" => metaproperties::options(store, req),
        "smartfilters.list" => portal::smartfilters(store),
        "account.get" => portal::account(store),
        "account.derivatives" => portal::derivatives(store),
        "users.current" => portal::current_user(store, req),
        "profiles.list" => portal::profiles(store),
        "profiles.get" => portal::profile(store, req),
        other => OpResponse::message(501, &format!("{other} is not implemented by the mock")),
    }
}
