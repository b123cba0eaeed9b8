//! Operation table entries of content access rights on metaproperties and options (OAS
//! access-rights-v4, access-rights-and-options-v4) and the portal's user groups (OAS
//! groups-v4). Facts: `reference/bynder-api.md` §5.4, §5.6 and `reference/openapi/`.

use crate::ops::Method::{Delete, Get, Post, Put};
use crate::ops::Model::{List, One};
use crate::ops::Paging::PageLimit;
use crate::ops::{Encoding, Operation, std_uuid};
use crate::scope::Scope::{MetaAssetbankRead, MetaAssetbankWrite};

/// The body of the calls that grant access: who, and at which level.
const GRANT_FIELDS: &[&str] = &["principals", "level"];

/// The groups list documents a default of 20 and no maximum; 100 keeps the "first short page
/// is the last" rule safe under any cap at least that large.
const GROUPS_MAX_LIMIT: u32 = 100;

// Bynder lists no scope for content access; these rules belong to metaproperty management,
// so reading them needs `meta.assetbank:read` and changing them `meta.assetbank:write`.
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        "content_access.get_metaproperty",
        Get,
        "/api/content_access/metaproperties/{metaproperty_id}",
    )
    .doc("List the access rules of a metaproperty (who it is hidden from or shown to).")
    .ids(&[std_uuid("metaproperty_id")])
    .scopes(&[MetaAssetbankRead])
    .returns(List("ContentAccessRule")),
    Operation::new(
        "content_access.add_metaproperty",
        Post,
        "/api/content_access/metaproperties/{metaproperty_id}",
    )
    .doc("Add access rules to a metaproperty (`principals`: `principalId`, `principalType`).")
    .ids(&[std_uuid("metaproperty_id")])
    .params(GRANT_FIELDS)
    .encoding(Encoding::Json)
    .scopes(&[MetaAssetbankWrite])
    .returns(List("AccessPrincipal")),
    Operation::new(
        "content_access.remove_metaproperty",
        Delete,
        "/api/content_access/metaproperties/{metaproperty_id}",
    )
    .doc("Delete access rules of a metaproperty by id (`contentAccessIds`).")
    .ids(&[std_uuid("metaproperty_id")])
    .params(&["contentAccessIds"])
    .encoding(Encoding::Json)
    .scopes(&[MetaAssetbankWrite])
    .returns(One("NoContent")),
    Operation::new(
        "content_access.get_option",
        Get,
        "/api/1/content-access/options/{optionId}",
    )
    .doc("List the access rules of an option (`principalId` filter, `start`/`before` cursors).")
    .ids(&[std_uuid("optionId")])
    .params(&["principalId", "limit", "start", "before"])
    .scopes(&[MetaAssetbankRead])
    .returns(List("ContentAccessRule")),
    Operation::new(
        "content_access.set_option",
        Put,
        "/api/1/content-access/options/{optionId}",
    )
    .doc("Replace the access rules of an option (`principals`, `level`).")
    .ids(&[std_uuid("optionId")])
    .params(GRANT_FIELDS)
    .encoding(Encoding::Json)
    .scopes(&[MetaAssetbankWrite])
    .returns(List("AccessPrincipal")),
    Operation::new(
        "content_access.get_option_visibility",
        Get,
        "/api/1/content-access/options/{optionId}/visibility",
    )
    .doc("Retrieve an option's default visibility (`defaultVisibility`).")
    .ids(&[std_uuid("optionId")])
    .scopes(&[MetaAssetbankRead])
    .returns(One("OptionVisibility")),
    Operation::new(
        "content_access.set_option_visibility",
        Put,
        "/api/1/content-access/options/{optionId}/visibility",
    )
    .doc("Set an option's default visibility (`defaultVisibility`: `visible` or `hidden`).")
    .ids(&[std_uuid("optionId")])
    .params(&["defaultVisibility"])
    .encoding(Encoding::Json)
    .scopes(&[MetaAssetbankWrite])
    .returns(One("OptionVisibility")),
    // User groups (legacy list). The definitions ask for the GROUPMANAGEMENT security role,
    // not a scope, so any valid token may call it; the portal checks the role.
    Operation::new("user_groups.list", Get, "/api/groups/list/")
        .doc("List the portal's user groups (`search_term`, `sort_order`, paged).")
        .params(&["search_term", "page", "limit", "sort_order"])
        .paging(PageLimit {
            max_limit: GROUPS_MAX_LIMIT,
        })
        .returns(List("UserGroup"))
        .yields("UserGroup"),
];
