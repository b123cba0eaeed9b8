//! Per-operation handlers over the in-memory [`crate::store::Store`].
//!
//! The HTTP layer has already routed, authenticated and scope-checked the request; a handler
//! reads its parameters leniently ([`params`]), reads or changes the store, and answers the
//! shape the real portal answers ([`shapes`]).

pub mod access;
pub mod analytics;
pub mod asset_services;
pub mod automation;
pub mod brandstore;
pub mod collections;
pub mod dependencies;
pub mod files_service;
pub mod media;
pub mod media_list;
pub mod media_options;
pub mod metaproperties;
pub mod metaproperty_writes;
pub mod oauth;
pub mod params;
pub mod portal;
pub mod presets;
pub mod quarantine;
pub mod s3_upload;
pub mod save;
pub mod shapes;
pub mod tags;
pub mod trash;
pub mod usage;
pub mod users_admin;
pub mod webhooks;
pub mod workflow;

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
        "media.recently_removed" => trash::list(store, req),
        "media.add_options" => media_options::add(store, req),
        "media.remove_options" => media_options::remove(store, req),
        "presets.list" => presets::list(store),
        "presets.get" => presets::get(store, req),
        "quarantine.list" => quarantine::list(store),
        "quarantine.get" => quarantine::get(store, req),
        "quarantine.review" => quarantine::review(store, req),
        "quarantine.review_many" => quarantine::review_many(store, req),
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
        "upload.prepare" => files_service::prepare(store, req),
        // Chunks stream to disk before any handler runs (`crate::routes::chunk`).
        "upload.chunk" => OpResponse::message(
            400,
            "Chunks are streamed by the HTTP layer; this handler never sees one",
        ),
        "upload.finalise" => files_service::finalise(store, req),
        "upload.s3_endpoint" => s3_upload::endpoint(req),
        "upload.s3_init" => s3_upload::init(store, req),
        "upload.s3_register" => s3_upload::register_at_path(store, req),
        "upload.s3_register_form" => s3_upload::register_in_form(store, req),
        "upload.s3_poll" => s3_upload::poll(store, req),
        "upload.save" => save::save(store, req),
        "upload.save_version" => save::save_version(store, req),
        "upload.save_additional" => save::save_additional(store, req),
        "usage.list" => usage::list(store, req),
        "usage.create" => usage::create(store, req),
        "usage.delete" => usage::delete(store, req),
        "usage.sync" => usage::sync(store, req),
        "webhooks.get" => webhooks::get(store, req),
        "webhooks.create" => webhooks::create(store, req),
        "webhooks.update" => webhooks::update(store, req),
        "webhooks.patch" => webhooks::patch(store, req),
        "webhooks.delete" => webhooks::delete(store, req),
        "users.list" => users_admin::list(store, req),
        "users.create" => users_admin::create(store, req),
        "users.get" => users_admin::get(store, req),
        "users.modify" => users_admin::modify(store, req),
        "users.delete" => users_admin::delete(store, req),
        "metaproperties.create" => metaproperty_writes::create(store, req),
        "metaproperties.modify" => metaproperty_writes::modify(store, req),
        "metaproperties.delete" => metaproperty_writes::delete(store, req),
        "metaproperties.create_option" => metaproperty_writes::create_option(store, req),
        "metaproperties.modify_option" => metaproperty_writes::modify_option(store, req),
        "metaproperties.delete_option" => metaproperty_writes::delete_option(store, req),
        // Groups with many operations dispatch in their own module.
        other => workflow::handle(store, req)
            .or_else(|| analytics::handle(store, req))
            .or_else(|| brandstore::handle(store, req))
            .or_else(|| dependencies::handle(store, req))
            .or_else(|| access::handle(store, req))
            .or_else(|| automation::handle(store, req))
            .or_else(|| asset_services::handle(store, req))
            .unwrap_or_else(|| {
                OpResponse::message(501, &format!("{other} is not implemented by the mock"))
            }),
    }
}
