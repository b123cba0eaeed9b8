//! The entries of the operation table. Paths carry the trailing slash the official SDKs send
//! (proven against real portals); the published definitions mostly omit it and the server
//! accepts both. Facts: `reference/bynder-api.md` §5 and `reference/openapi/`.

use super::Auth::None as NoAuth;
use super::Method::{Delete, Get, Post};
use super::Paging::PageLimit;
use super::{Items, Operation, cf, opaque};
use crate::scope::Scope::*;

const MEDIA_FILTERS: &[&str] = &[
    "brandId",
    "subBrandId",
    "categoryId",
    "collectionId",
    "id",
    "ids",
    "propertyOptionId",
    "tags",
    "type",
    "orientation",
    "limited",
    "archive",
    "isPublic",
    "keyword",
    "dateCreated",
    "dateCreatedTo",
    "dateCreatedOn",
    "dateModified",
    "dateModifiedTo",
    "dateModifiedOn",
    "orderBy",
    "limit",
    "page",
    "count",
    "total",
    "includeMediaItems",
    "includeVersionNumber",
    "cursor",
];

const MEDIA_FIELDS: &[&str] = &[
    "name",
    "description",
    "copyright",
    "brandId",
    "tags",
    "datePublished",
    "archive",
    "archiveDate",
    "limited",
    "limitedDate",
    "watermarkDate",
    "isPublic",
    "customThumbnailFileId",
    "removeCustomThumbnail",
];

/// Every operation the client knows, grouped by resource.
pub static OPERATIONS: &[Operation] = &[
    // OAuth2 discovery.
    Operation::new("oauth.scopes", Get, "/v6/authentication/oauth2/scopes")
        .doc("List the OAuth2 scopes the portal offers, grouped.")
        .auth(NoAuth),
    // Media (assets).
    Operation::new("media.list", Get, "/api/v4/media/")
        .doc("List or search assets, with filters, `total`/`count` and cursor.")
        .params(MEDIA_FILTERS)
        .scopes(&[AssetRead])
        .paging(PageLimit { max_limit: 1000 })
        .items(Items::Key("media")),
    Operation::new("media.get", Get, "/api/v4/media/{id}/")
        .doc("Retrieve one asset.")
        .ids(&[cf("id")])
        .params(&["versions", "stats"])
        .scopes(&[AssetRead]),
    Operation::new("media.modify", Post, "/api/v4/media/{id}/")
        .doc("Modify an asset's fields, tags and metaproperties (`metaproperty.<id>`).")
        .ids(&[cf("id")])
        .params(MEDIA_FIELDS)
        .scopes(&[AssetWrite]),
    Operation::new("media.delete", Delete, "/api/v4/media/{id}/")
        .doc("Delete an asset (it moves to recently removed).")
        .ids(&[cf("id")])
        .scopes(&[AssetWrite]),
    Operation::new(
        "media.download_location",
        Get,
        "/api/v4/media/{id}/download/",
    )
    .doc("Get a signed, temporary download URL for an asset's original or additional file.")
    .ids(&[cf("id")])
    .params(&["type"])
    .scopes(&[AssetRead]),
    Operation::new(
        "media.version_download_location",
        Get,
        "/api/v4/media/{id}/{version}/download/",
    )
    .doc("Get a signed download URL for one version of an asset.")
    .ids(&[cf("id"), opaque("version")])
    .scopes(&[AssetRead]),
    Operation::new(
        "media.item_download_location",
        Get,
        "/api/v4/media/{id}/download/{itemId}/",
    )
    .doc("Get a signed download URL for one media item of an asset.")
    .ids(&[cf("id"), cf("itemId")])
    .params(&["hash"])
    .scopes(&[AssetRead]),
    // Brands.
    Operation::new("brands.list", Get, "/api/v4/brands/").doc("List brands with their sub-brands."),
    // Tags.
    Operation::new("tags.list", Get, "/api/v4/tags/")
        .doc("List tags, with media counts.")
        .params(&["limit", "page", "orderBy", "keyword", "mincount"])
        .paging(PageLimit { max_limit: 1000 }),
    Operation::new("tags.add_media", Post, "/api/v4/tags/{id}/media/")
        .doc("Add a tag to assets (`data`: list of asset ids).")
        .ids(&[cf("id")])
        .params(&["data"])
        .scopes(&[AssetWrite]),
    Operation::new("tags.remove_media", Delete, "/api/v4/tags/{id}/media/")
        .doc("Remove a tag from assets (`deleteIds`: list of asset ids).")
        .ids(&[cf("id")])
        .params(&["deleteIds"])
        .scopes(&[AssetWrite]),
    // Collections.
    Operation::new("collections.list", Get, "/api/v4/collections/")
        .doc("List collections.")
        .params(&[
            "limit", "page", "orderBy", "ids", "count", "keyword", "isPublic", "minCount",
        ])
        .scopes(&[CollectionRead])
        .paging(PageLimit { max_limit: 1000 })
        .items(Items::Key("collections")),
    Operation::new("collections.get", Get, "/api/v4/collections/{id}/")
        .doc("Retrieve one collection.")
        .ids(&[cf("id")])
        .scopes(&[CollectionRead]),
    Operation::new("collections.create", Post, "/api/v4/collections/")
        .doc("Create a collection.")
        .params(&["name", "description"])
        .scopes(&[CollectionWrite]),
    Operation::new("collections.modify", Post, "/api/v4/collections/{id}/")
        .doc("Modify a collection.")
        .ids(&[cf("id")])
        .params(&["name", "description", "isPublic", "thumbnailAssetId"])
        .scopes(&[CollectionWrite]),
    Operation::new("collections.delete", Delete, "/api/v4/collections/{id}/")
        .doc("Delete a collection.")
        .ids(&[cf("id")])
        .scopes(&[CollectionWrite]),
    Operation::new("collections.share", Post, "/api/v4/collections/{id}/share/")
        .doc("Share a collection with recipients, groups or profiles.")
        .ids(&[cf("id")])
        .params(&[
            "recipients",
            "groups",
            "profiles",
            "collectionOptions",
            "loginRequired",
            "dateStart",
            "dateEnd",
            "sendMail",
            "message",
        ])
        .scopes(&[CollectionWrite]),
    Operation::new(
        "collections.media_list",
        Get,
        "/api/v4/collections/{id}/media/",
    )
    .doc("List the asset ids of a collection.")
    .ids(&[cf("id")])
    .scopes(&[CollectionRead]),
    Operation::new(
        "collections.media_add",
        Post,
        "/api/v4/collections/{id}/media/",
    )
    .doc("Add assets to a collection (`data`: list of asset ids).")
    .ids(&[cf("id")])
    .params(&["data"])
    .scopes(&[CollectionWrite]),
    Operation::new(
        "collections.media_remove",
        Delete,
        "/api/v4/collections/{id}/media/",
    )
    .doc("Remove assets from a collection (`deleteIds`: list of asset ids).")
    .ids(&[cf("id")])
    .params(&["deleteIds"])
    .scopes(&[CollectionWrite]),
    // Metaproperties and options (read).
    Operation::new("metaproperties.list", Get, "/api/v4/metaproperties/")
        .doc("List metaproperties (the portal answers an object keyed by name).")
        .params(&["count", "type", "options", "ids"])
        .scopes(&[MetaAssetbankRead])
        .items(Items::ObjectValues),
    Operation::new("metaproperties.get", Get, "/api/v4/metaproperties/{id}/")
        .doc("Retrieve one metaproperty.")
        .ids(&[cf("id")])
        .params(&["count", "type", "options"])
        .scopes(&[MetaAssetbankRead]),
    Operation::new(
        "metaproperties.options_by_ids",
        Get,
        "/api/v4/metaproperties/options/",
    )
    .doc("Retrieve options by their ids.")
    .params(&["ids"])
    .scopes(&[MetaAssetbankRead]),
    Operation::new(
        "metaproperties.options",
        Get,
        "/api/v4/metaproperties/{id}/options/",
    )
    .doc("List the options of a metaproperty.")
    .ids(&[cf("id")])
    .params(&["name", "limit", "page", "externalReference"])
    .scopes(&[MetaAssetbankRead])
    .paging(PageLimit { max_limit: 1000 }),
    // Smart filters, account.
    Operation::new("smartfilters.list", Get, "/api/v4/smartfilters/").doc("List smart filters."),
    Operation::new("account.get", Get, "/api/v4/account/")
        .doc("Retrieve the account (portal) settings."),
    Operation::new("account.derivatives", Get, "/api/v4/account/derivatives/")
        .doc("List the account's derivatives."),
    // Users and security profiles.
    Operation::new("users.current", Get, "/api/v4/currentUser/")
        .doc("Retrieve the user the token belongs to.")
        .scopes(&[CurrentUserRead]),
    Operation::new("profiles.list", Get, "/api/v4/profiles/")
        .doc("List security profiles.")
        .scopes(&[AdminProfileRead]),
    Operation::new("profiles.get", Get, "/api/v4/profiles/{id}/")
        .doc("Retrieve one security profile (your own needs only `current.profile:read`).")
        .ids(&[opaque("id")])
        .scopes(&[AdminProfileRead, CurrentProfileRead]),
];
