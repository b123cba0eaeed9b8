//! The entries of the operation table. Paths carry the trailing slash the official SDKs send
//! (proven against real portals); the published definitions mostly omit it and the server
//! accepts both. Facts: `reference/bynder-api.md` §5 and `reference/openapi/`.

use super::Auth::None as NoAuth;
use super::Method::{Delete, Get, Patch, Post, Put};
use super::Model::{ByName, List, One};
use super::Paging::{PageLimit, PaginationHeaders};
use super::{Encoding, Items, Operation, cf, opaque, std_uuid};
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

/// Fields of the S3 register/finalise call (§6.1 steps 3B and 4a).
const S3_REGISTER_FIELDS: &[&str] = &[
    "id",
    "targetid",
    "filename",
    "chunkNumber",
    "s3_filename",
    "chunks",
    "original_filename",
];

/// Fields of the save calls (`reference/bynder-api.md` §6.1 step 6a).
const SAVE_FIELDS: &[&str] = &[
    "brandId",
    "name",
    "description",
    "copyright",
    "tags",
    "categories",
    "audit",
    "isPublic",
    "accessRequestId",
    "requestorId",
    "accessType",
    "ISOPublicationDate",
    "archiveDate",
    "watermarkDate",
    "crc32",
];

/// Form fields of the admin user create and modify calls (§5.6).
const USER_FIELDS: &[&str] = &[
    "username",
    "password",
    "email",
    "profileId",
    "active",
    "isSSOOnly",
    "language",
    "firstname",
    "infix",
    "lastname",
    "groupIds",
    "phoneNumber",
    "companyName",
    "department",
    "job",
    "costCenter",
    "termsAccepted",
];

/// Filters of the usage list and delete calls (§5.7).
const USAGE_KEYS: &[&str] = &["asset_id", "integration_id", "uri"];

/// The JSON body of the asset option calls (`/api/media/options`).
const MEDIA_OPTION_FIELDS: &[&str] = &["asset_id", "metaproperty_id", "metaproperty_option_ids"];

mod access;
mod analytics;
mod asset_services;
mod automation;
mod brandstore;
mod dependencies;
mod workflow;

/// Every operation the client knows, grouped by resource. Groups with many operations keep
/// their entries in a file of their own (`table/<group>.rs`), joined here at compile time.
pub static OPERATIONS: &[Operation] = &join::<
    {
        CORE.len()
            + workflow::OPERATIONS.len()
            + analytics::OPERATIONS.len()
            + brandstore::OPERATIONS.len()
            + dependencies::OPERATIONS.len()
            + access::OPERATIONS.len()
            + automation::OPERATIONS.len()
            + asset_services::OPERATIONS.len()
    },
>(&[
    CORE,
    workflow::OPERATIONS,
    analytics::OPERATIONS,
    brandstore::OPERATIONS,
    dependencies::OPERATIONS,
    access::OPERATIONS,
    automation::OPERATIONS,
    asset_services::OPERATIONS,
]);

/// Concatenates the group tables; `N` must be their total length (checked at compile time).
const fn join<const N: usize>(parts: &[&[Operation]]) -> [Operation; N] {
    let mut out = [Operation::new("", Get, ""); N];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            out[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(at == N, "the table's length is the sum of its parts");
    out
}

/// The operations of the groups that keep their entries in this file.
const CORE: &[Operation] = &[
    // OAuth2 discovery.
    Operation::new("oauth.scopes", Get, "/v6/authentication/oauth2/scopes")
        .doc("List the OAuth2 scopes the portal offers, grouped.")
        .auth(NoAuth)
        .returns(One("ScopeGroups")),
    // Media (assets).
    Operation::new("media.list", Get, "/api/v4/media/")
        .doc("List or search assets, with filters, `total`/`count` and cursor.")
        .params(MEDIA_FILTERS)
        .scopes(&[AssetRead])
        .paging(PageLimit { max_limit: 1000 })
        .items(Items::Key("media"))
        .yields("Media"),
    Operation::new("media.get", Get, "/api/v4/media/{id}/")
        .doc("Retrieve one asset.")
        .ids(&[cf("id")])
        .params(&["versions", "stats"])
        .scopes(&[AssetRead])
        .returns(One("Media")),
    Operation::new("media.modify", Post, "/api/v4/media/{id}/")
        .doc("Modify an asset's fields, tags and metaproperties (`metaproperty.<id>`).")
        .ids(&[cf("id")])
        .params(MEDIA_FIELDS)
        .scopes(&[AssetWrite])
        .returns(One("Status")),
    Operation::new("media.delete", Delete, "/api/v4/media/{id}/")
        .doc("Delete an asset (it moves to recently removed).")
        .ids(&[cf("id")])
        .scopes(&[AssetWrite])
        .returns(One("NoContent")),
    Operation::new(
        "media.download_location",
        Get,
        "/api/v4/media/{id}/download/",
    )
    .doc("Get a signed, temporary download URL for an asset's original or additional file.")
    .ids(&[cf("id")])
    .params(&["type"])
    .scopes(&[AssetRead])
        .returns(One("DownloadLocation")),
    Operation::new(
        "media.version_download_location",
        Get,
        "/api/v4/media/{id}/{version}/download/",
    )
    .doc("Get a signed download URL for one version of an asset.")
    .ids(&[cf("id"), opaque("version")])
    .scopes(&[AssetRead])
        .returns(One("DownloadLocation")),
    Operation::new(
        "media.item_download_location",
        Get,
        "/api/v4/media/{id}/download/{itemId}/",
    )
    .doc("Get a signed download URL for one media item of an asset.")
    .ids(&[cf("id"), cf("itemId")])
    .params(&["hash"])
    .scopes(&[AssetRead])
        .returns(One("DownloadLocation")),
    // Brands.
    Operation::new("brands.list", Get, "/api/v4/brands/").doc("List brands with their sub-brands.")
        .returns(List("Brand")),
    // Tags.
    Operation::new("tags.list", Get, "/api/v4/tags/")
        .doc("List tags, with media counts.")
        .params(&["limit", "page", "orderBy", "keyword", "mincount"])
        .paging(PageLimit { max_limit: 1000 })
        .returns(List("Tag"))
        .yields("Tag"),
    Operation::new("tags.add_media", Post, "/api/v4/tags/{id}/media/")
        .doc("Add a tag to assets (`data`: list of asset ids).")
        .ids(&[cf("id")])
        .params(&["data"])
        .scopes(&[AssetWrite])
        .returns(One("Status")),
    Operation::new("tags.remove_media", Delete, "/api/v4/tags/{id}/media/")
        .doc("Remove a tag from assets (`deleteIds`: list of asset ids).")
        .ids(&[cf("id")])
        .params(&["deleteIds"])
        .scopes(&[AssetWrite])
        .returns(One("Status")),
    // Collections.
    Operation::new("collections.list", Get, "/api/v4/collections/")
        .doc("List collections.")
        .params(&[
            "limit", "page", "orderBy", "ids", "count", "keyword", "isPublic", "minCount",
        ])
        .scopes(&[CollectionRead])
        .paging(PageLimit { max_limit: 1000 })
        .items(Items::Key("collections"))
        .yields("Collection"),
    Operation::new("collections.get", Get, "/api/v4/collections/{id}/")
        .doc("Retrieve one collection.")
        .ids(&[cf("id")])
        .scopes(&[CollectionRead])
        .returns(One("Collection")),
    Operation::new("collections.create", Post, "/api/v4/collections/")
        .doc("Create a collection.")
        .params(&["name", "description"])
        .scopes(&[CollectionWrite])
        .returns(One("Status")),
    Operation::new("collections.modify", Post, "/api/v4/collections/{id}/")
        .doc("Modify a collection.")
        .ids(&[cf("id")])
        .params(&["name", "description", "isPublic", "thumbnailAssetId"])
        .scopes(&[CollectionWrite])
        .returns(One("Status")),
    Operation::new("collections.delete", Delete, "/api/v4/collections/{id}/")
        .doc("Delete a collection.")
        .ids(&[cf("id")])
        .scopes(&[CollectionWrite])
        .returns(One("NoContent")),
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
        .scopes(&[CollectionWrite])
        .returns(One("Status")),
    Operation::new(
        "collections.media_list",
        Get,
        "/api/v4/collections/{id}/media/",
    )
    .doc("List the asset ids of a collection.")
    .ids(&[cf("id")])
    .scopes(&[CollectionRead])
    .returns(One("IdList")),
    Operation::new(
        "collections.media_add",
        Post,
        "/api/v4/collections/{id}/media/",
    )
    .doc("Add assets to a collection (`data`: list of asset ids).")
    .ids(&[cf("id")])
    .params(&["data"])
    .scopes(&[CollectionWrite])
    .returns(One("Status")),
    Operation::new(
        "collections.media_remove",
        Delete,
        "/api/v4/collections/{id}/media/",
    )
    .doc("Remove assets from a collection (`deleteIds`: list of asset ids).")
    .ids(&[cf("id")])
    .params(&["deleteIds"])
    .scopes(&[CollectionWrite])
    .returns(One("NoContent")),
    // Metaproperties and options (read).
    Operation::new("metaproperties.list", Get, "/api/v4/metaproperties/")
        .doc("List metaproperties (the portal answers an object keyed by name).")
        .params(&["count", "type", "options", "ids"])
        .scopes(&[MetaAssetbankRead])
        .items(Items::ObjectValues)
        .returns(ByName("Metaproperty")),
    Operation::new("metaproperties.get", Get, "/api/v4/metaproperties/{id}/")
        .doc("Retrieve one metaproperty.")
        .ids(&[cf("id")])
        .params(&["count", "type", "options"])
        .scopes(&[MetaAssetbankRead])
        .returns(One("Metaproperty")),
    Operation::new(
        "metaproperties.options_by_ids",
        Get,
        "/api/v4/metaproperties/options/",
    )
    .doc("Retrieve options by their ids.")
    .params(&["ids"])
    .scopes(&[MetaAssetbankRead])
    .returns(List("MetapropertyOption")),
    Operation::new(
        "metaproperties.options",
        Get,
        "/api/v4/metaproperties/{id}/options/",
    )
    .doc("List the options of a metaproperty.")
    .ids(&[cf("id")])
    .params(&["name", "limit", "page", "externalReference"])
    .scopes(&[MetaAssetbankRead])
    .paging(PageLimit { max_limit: 1000 })
        .returns(List("MetapropertyOption"))
        .yields("MetapropertyOption"),
    // Uploads: the modern Files Service flow (`reference/bynder-api.md` §6.2).
    Operation::new("upload.prepare", Post, "/v7/file_cmds/upload/prepare")
        .doc("Start a Files Service upload; answers its `file_id`.")
        .encoding(Encoding::Json)
        .returns(One("UploadPrepared")),
    Operation::new(
        "upload.chunk",
        Post,
        "/v7/file_cmds/upload/{file_id}/chunk/{chunk_number}",
    )
    .doc("Send one chunk (0-based) as raw bytes with a `Content-SHA256` header.")
    .ids(&[std_uuid("file_id"), opaque("chunk_number")])
    .encoding(Encoding::Raw)
    // A chunk is stored under its number, so sending it twice changes nothing.
    .retryable(true)
    .returns(One("NoContent")),
    Operation::new(
        "upload.finalise",
        Post,
        "/v7/file_cmds/upload/{file_id}/finalise_api",
    )
    .doc("Finish a Files Service upload: file name, size, chunk count and whole-file SHA-256.")
    .ids(&[std_uuid("file_id")])
    .params(&["fileName", "fileSize", "chunksCount", "sha256"])
    .returns(One("NoContent")),
    // Uploads: the older S3 flow (§6.1).
    Operation::new("upload.s3_endpoint", Get, "/api/upload/endpoint")
        .doc("Get the closest S3 upload endpoint (a JSON string).")
        .returns(One("PlainText")),
    Operation::new("upload.s3_init", Post, "/api/upload/init")
        .doc("Start an S3 upload: its upload id, target id and the S3 POST policy fields.")
        .params(&["filename"])
        .returns(One("S3Init")),
    Operation::new("upload.s3_register", Post, "/api/v4/upload/{id}/")
        .doc("Register an uploaded part (`chunkNumber`) or, with `chunks`, finalise the upload.")
        .ids(&[opaque("id")])
        .params(S3_REGISTER_FIELDS)
        .returns(One("S3Registration")),
    Operation::new("upload.s3_register_form", Post, "/api/v4/upload/")
        .doc("Register a part or finalise with the upload id in the form (official SDKs' path).")
        .params(S3_REGISTER_FIELDS)
        .returns(One("S3Registration")),
    Operation::new("upload.s3_poll", Get, "/api/v4/upload/poll/")
        .doc("Poll the import ids of finalised S3 uploads until they are done.")
        .params(&["items"])
        .returns(One("PollResult")),
    // Uploads: saving the uploaded file (both flows).
    Operation::new("upload.save", Post, "/api/v4/media/save/{importId}/")
        .doc("Save an uploaded file as a new asset (`brandId`, `name`, `tags`, `metaproperty.<id>`).")
        .ids(&[opaque("importId")])
        .params(SAVE_FIELDS)
        .scopes(&[AssetWrite])
        .returns(One("SaveResult")),
    Operation::new("upload.save_version", Post, "/api/v4/media/{id}/save/{importId}/")
        .doc("Save an uploaded file as a new version of an asset.")
        .ids(&[cf("id"), opaque("importId")])
        .scopes(&[AssetWrite])
        .returns(One("SaveResult")),
    Operation::new(
        "upload.save_additional",
        Post,
        "/api/v4/media/{id}/save/additional/{uploadId}/",
    )
    .doc("Attach an uploaded file to an asset as an additional file.")
    .ids(&[cf("id"), opaque("uploadId")])
    .params(&["targetid", "s3_filename", "chunks"])
    .scopes(&[AssetWrite])
    .returns(One("SaveResult")),
    // Smart filters, account.
    Operation::new("smartfilters.list", Get, "/api/v4/smartfilters/").doc("List smart filters.")
        .returns(List("SmartFilter")),
    Operation::new("account.get", Get, "/api/v4/account/")
        .doc("Retrieve the account (portal) settings.")
        .returns(One("Account")),
    Operation::new("account.derivatives", Get, "/api/v4/account/derivatives/")
        .doc("List the account's derivatives.")
        .returns(List("Derivative")),
    // Users and security profiles.
    Operation::new("users.current", Get, "/api/v4/currentUser/")
        .doc("Retrieve the user the token belongs to.")
        .scopes(&[CurrentUserRead])
        .returns(One("User")),
    Operation::new("profiles.list", Get, "/api/v4/profiles/")
        .doc("List security profiles.")
        .scopes(&[AdminProfileRead])
        .returns(List("Profile")),
    Operation::new("profiles.get", Get, "/api/v4/profiles/{id}/")
        .doc("Retrieve one security profile (your own needs only `current.profile:read`).")
        .ids(&[opaque("id")])
        .scopes(&[AdminProfileRead, CurrentProfileRead])
        .returns(One("Profile")),
    // Asset usage (`reference/bynder-api.md` §5.7): where integrations use assets. Asset and
    // usage ids travel as parameters, in the RFC 4122 form of `/api` outside v4.
    Operation::new("usage.list", Get, "/api/media/usage/")
        .doc("List asset usages, filtered by asset, integration and/or URI.")
        .params(USAGE_KEYS)
        .scopes(&[AssetUsageRead])
        .returns(List("Usage")),
    Operation::new("usage.create", Post, "/api/media/usage/")
        .doc("Record that an integration uses an asset at a URI (`integration_id`, `asset_id`).")
        .params(&["integration_id", "asset_id", "timestamp", "uri", "additional"])
        .scopes(&[AssetUsageWrite])
        .returns(One("Usage")),
    Operation::new("usage.delete", Delete, "/api/media/usage/")
        .doc("Delete the usages of an asset by an integration (optionally at one URI).")
        .params(USAGE_KEYS)
        .scopes(&[AssetUsageWrite])
        .returns(One("NoContent")),
    Operation::new("usage.sync", Post, "/api/media/usage/sync")
        .doc("Replace all usages of one integration (within `uris`) by the `usages` given.")
        .params(&["integration_id", "uris", "usages"])
        .encoding(Encoding::Json)
        // Bynder lists no scope for sync; writing usages needs the write scope.
        .scopes(&[AssetUsageWrite])
        .returns(One("UsageSync")),
    // Webhook configurations (§5.12). The published definitions create with the id in the path.
    Operation::new(
        "webhooks.get",
        Get,
        "/v7/webhooks/public/api/subscriptions/{id}",
    )
    .doc("Retrieve one webhook configuration.")
    .ids(&[std_uuid("id")])
    .scopes(&[WebhooksConfigRead])
    .returns(One("Webhook")),
    Operation::new(
        "webhooks.create",
        Post,
        "/v7/webhooks/public/api/subscriptions/{id}",
    )
    .doc("Create a webhook configuration: name, endpoint, protocol, events.")
    .ids(&[std_uuid("id")])
    .params(&[
        "name",
        "endpoint",
        "protocol",
        "events",
        "preArchivedNotificationDays",
    ])
    .encoding(Encoding::Json)
    .scopes(&[WebhooksConfigWrite])
    .returns(One("IdRef")),
    Operation::new(
        "webhooks.update",
        Put,
        "/v7/webhooks/public/api/subscriptions/{id}",
    )
    .doc("Replace the events and pre-archive notice of a webhook configuration.")
    .ids(&[std_uuid("id")])
    .params(&["events", "preArchivedNotificationDays"])
    .encoding(Encoding::Json)
    .scopes(&[WebhooksConfigWrite])
    .returns(One("NoContent")),
    Operation::new(
        "webhooks.patch",
        Patch,
        "/v7/webhooks/public/api/subscriptions/{id}",
    )
    .doc("Rename a webhook configuration or switch it on or off (`status` 1 or 0).")
    .ids(&[std_uuid("id")])
    .params(&["name", "status"])
    .encoding(Encoding::Json)
    .scopes(&[WebhooksConfigWrite])
    .returns(One("NoContent")),
    Operation::new(
        "webhooks.delete",
        Delete,
        "/v7/webhooks/public/api/subscriptions/{id}",
    )
    .doc("Delete a webhook configuration.")
    .ids(&[std_uuid("id")])
    .scopes(&[WebhooksConfigWrite])
    .returns(One("NoContent")),
    // Users, admin side (§5.6). `{id}` of get and delete may be a username, so it travels as
    // given; modify takes only an id.
    Operation::new("users.list", Get, "/api/v4/users/")
        .doc("List users (`includeInActive` adds inactive ones), paged with `X-Pagination-*`.")
        .params(&["includeInActive", "limit", "page"])
        .scopes(&[AdminUserRead])
        .paging(PaginationHeaders { max_limit: 1000 })
        .returns(List("User"))
        .yields("User"),
    Operation::new("users.create", Post, "/api/v4/users/")
        .doc("Create a user (`email`, `password`, `profileId`, `firstname`, `lastname` required).")
        .params(USER_FIELDS)
        .scopes(&[AdminUserWrite])
        .returns(One("UserRef")),
    Operation::new("users.get", Get, "/api/v4/users/{id}/")
        .doc("Retrieve one user by id or username.")
        .ids(&[opaque("id")])
        .scopes(&[AdminUserRead])
        .returns(One("User")),
    Operation::new("users.modify", Post, "/api/v4/users/{id}/")
        .doc("Modify a user's fields, profile, groups or active state.")
        .ids(&[cf("id")])
        .params(USER_FIELDS)
        .scopes(&[AdminUserWrite])
        .returns(One("UserRef")),
    Operation::new("users.delete", Delete, "/api/v4/users/{id}/")
        .doc("Delete a user by id or username.")
        .ids(&[opaque("id")])
        .scopes(&[AdminUserWrite])
        .returns(One("NoContent")),
    // Metaproperty and option writes (§5.4): the fields travel as a JSON object in `data`,
    // which the form encoding sends as a JSON string.
    Operation::new("metaproperties.create", Post, "/api/v4/metaproperties/")
        .doc("Create a metaproperty (`data`: name, type, label, zindex, isMultiselect...).")
        .params(&["data"])
        .scopes(&[MetaAssetbankWrite])
        .returns(One("Status")),
    Operation::new("metaproperties.modify", Post, "/api/v4/metaproperties/{id}/")
        .doc("Modify a metaproperty (`data` as for create; the name cannot change).")
        .ids(&[cf("id")])
        .params(&["data"])
        .scopes(&[MetaAssetbankWrite])
        .returns(One("Status")),
    Operation::new("metaproperties.delete", Delete, "/api/v4/metaproperties/{id}/")
        .doc("Delete a metaproperty with its options (assets lose their values).")
        .ids(&[cf("id")])
        .scopes(&[MetaAssetbankWrite])
        .returns(One("NoContent")),
    Operation::new(
        "metaproperties.create_option",
        Post,
        "/api/v4/metaproperties/{id}/options/",
    )
    .doc("Create an option (`data`: name, label, labels, zindex, externalReference...).")
    .ids(&[cf("id")])
    .params(&["data"])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "metaproperties.modify_option",
        Post,
        "/api/v4/metaproperties/{id}/options/{optionId}/",
    )
    .doc("Modify an option's label, labels, zindex or external reference (not its name).")
    .ids(&[cf("id"), cf("optionId")])
    .params(&["data"])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "metaproperties.delete_option",
        Delete,
        "/api/v4/metaproperties/{id}/options/{optionId}/",
    )
    .doc("Delete an option (assets lose it).")
    .ids(&[cf("id"), cf("optionId")])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("NoContent")),
    // Recently removed assets (§5.1, OAS trash-v4): deleted assets stay here for 30 days.
    Operation::new("media.recently_removed", Get, "/api/trash/media")
        .doc("List assets removed in the last 30 days (`field`/`order` sort, `dateRemoved` from).")
        .params(&["limit", "page", "dateRemoved", "field", "order"])
        .scopes(&[AssetRead])
        .paging(PageLimit { max_limit: 1000 })
        .returns(List("RemovedMedia"))
        .yields("RemovedMedia"),
    // Metaproperty options on an asset (§5.1, OAS asset-v4): a JSON body on both methods.
    Operation::new("media.add_options", Post, "/api/media/options")
        .doc("Add options of one metaproperty to an asset (`metaproperty_option_ids`).")
        .params(MEDIA_OPTION_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[AssetWrite])
        .returns(One("Status")),
    Operation::new("media.remove_options", Delete, "/api/media/options")
        .doc("Remove options of one metaproperty from an asset (`metaproperty_option_ids`).")
        .params(MEDIA_OPTION_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[AssetWrite])
        .returns(One("NoContent")),
    // Derivative presets (§5.5, OAS derivative-presets): `/api/1` spells ids in RFC 4122 form.
    Operation::new("presets.list", Get, "/api/1/derivative-presets/")
        .doc("List the configured derivative presets.")
        .returns(List("Derivative")),
    Operation::new("presets.get", Get, "/api/1/derivative-presets/{preset_id}")
        .doc("Retrieve one derivative preset.")
        .ids(&[std_uuid("preset_id")])
        .returns(One("Derivative")),
    // Antivirus quarantine (§5.11): assets held back by the virus scan, and their review.
    Operation::new("quarantine.list", Get, "/v7/quarantine/v1/assets")
        .doc("List quarantined assets (`totalCount` and `assets`).")
        .scopes(&[AntivirusAssetAuditRead])
        .items(Items::Key("assets"))
        .returns(One("QuarantinePage")),
    Operation::new("quarantine.get", Get, "/v7/quarantine/v1/assets/{asset_id}")
        .doc("Retrieve one quarantined asset by its quarantine id.")
        .ids(&[std_uuid("asset_id")])
        .scopes(&[AntivirusAssetAuditRead])
        .returns(One("QuarantinedAsset")),
    Operation::new("quarantine.review", Put, "/v7/quarantine/v1/assets/{asset_id}")
        .doc("Review one quarantined asset (`data`: `{\"review_status\": \"APPROVED\"|\"DENIED\"}`).")
        .ids(&[std_uuid("asset_id")])
        .params(&["data"])
        .encoding(Encoding::Json)
        .scopes(&[AntivirusAssetAuditWrite])
        .returns(One("QuarantinedAsset")),
    Operation::new("quarantine.review_many", Post, "/v7/quarantine/v1/antivirus-audit")
        .doc("Review several quarantined assets (`data`: `antivirus_asset_ids`, `review_status`).")
        .params(&["data"])
        .encoding(Encoding::Json)
        .scopes(&[AntivirusAssetAuditWrite])
        .returns(One("QuarantineReviewed")),
];
