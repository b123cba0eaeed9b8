//! Operation table entries of metaproperty option dependencies (`/api/v4`, OAS
//! metaproperty-options-v4 and options-v4), the taxonomy options list (`/api/1`, OAS
//! taxonomy-v1) and the product layer (`/api/pim`, OAS product-layer-v4). Facts:
//! `reference/bynder-api.md` §5.4 and `reference/openapi/`.

use crate::ops::Method::{Delete, Get, Post, Put};
use crate::ops::Model::{ByName, List, One};
use crate::ops::Paging::PageLimit;
use crate::ops::{Encoding, Items, Operation, cf, std_uuid};
use crate::scope::Scope::{MetaAssetbankRead, MetaAssetbankWrite};

/// The form fields of the dependency group calls: the path ids again, as documented.
const GROUP_FIELDS: &[&str] = &["id", "optionId", "groupId", "data"];

/// The product layer documents no page-size maximum; 100 keeps the "first short page is the
/// last" rule safe under any cap at least that large.
const PIM_MAX_LIMIT: u32 = 100;

pub const OPERATIONS: &[Operation] = &[
    // Option dependencies: an option is offered only when the options it depends on are set.
    Operation::new(
        "dependencies.list_all",
        Get,
        "/api/v4/metaproperties/options/dependencies/",
    )
    .doc("List every option dependency of the portal, by metaproperty, option and group.")
    .scopes(&[MetaAssetbankRead])
    .returns(ByName("MetapropertyDependencies")),
    Operation::new(
        "dependencies.list",
        Get,
        "/api/v4/metaproperties/{id}/options/dependencies/",
    )
    .doc("List the option dependencies of metaproperty `id`, by option and group.")
    .ids(&[cf("id")])
    .scopes(&[MetaAssetbankRead])
    .returns(One("MetapropertyDependencies")),
    Operation::new(
        "dependencies.get",
        Get,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/",
    )
    .doc("List the options option `optionId` depends on (`includeGroupedResults` adds groups).")
    .ids(&[cf("id"), cf("optionId")])
    .params(&["includeGroupedResults"])
    .scopes(&[MetaAssetbankRead])
    .returns(One("OptionDependencies")),
    Operation::new(
        "dependencies.add",
        Post,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/{dependencyId}/",
    )
    .doc("Make option `optionId` depend on option `dependencyId` (ungrouped).")
    .ids(&[cf("id"), cf("optionId"), cf("dependencyId")])
    .encoding(Encoding::Json)
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "dependencies.remove",
        Delete,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/{dependencyId}/",
    )
    .doc("Remove the ungrouped dependency of option `optionId` on option `dependencyId`.")
    .ids(&[cf("id"), cf("optionId"), cf("dependencyId")])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("NoContent")),
    Operation::new(
        "dependencies.create_group",
        Post,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/group/",
    )
    .doc("Create a dependency group of option `optionId` (`data`: list of option ids).")
    .ids(&[cf("id"), cf("optionId")])
    .params(&["id", "optionId", "data"])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "dependencies.modify_group",
        Post,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/group/{groupId}/",
    )
    .doc("Replace the options of dependency group `groupId` (`data`: list of option ids).")
    .ids(&[cf("id"), cf("optionId"), cf("groupId")])
    .params(GROUP_FIELDS)
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "dependencies.add_to_group",
        Post,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/group/{groupId}/{dependencyId}/",
    )
    .doc("Add option `dependencyId` to dependency group `groupId` of option `optionId`.")
    .ids(&[cf("id"), cf("optionId"), cf("groupId"), cf("dependencyId")])
    .params(&["id", "optionId", "groupId", "dependencyId"])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("Status")),
    Operation::new(
        "dependencies.remove_from_group",
        Delete,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies/group/{groupId}/{dependencyId}/",
    )
    .doc("Remove option `dependencyId` from dependency group `groupId` of option `optionId`.")
    .ids(&[cf("id"), cf("optionId"), cf("groupId"), cf("dependencyId")])
    .scopes(&[MetaAssetbankWrite])
    .returns(One("NoContent")),
    // Taxonomy (`/api/1`): options with `start`/`before` cursors in the body's `metadata`.
    // Bynder lists no scope for it; reading options is what `meta.assetbank:read` grants.
    Operation::new(
        "taxonomy.options",
        Get,
        "/api/1/taxonomy/metaproperties/{metapropertyId}/options",
    )
    .doc("List the options of a metaproperty, cursor-paged (`start`/`before`, `limit`, `ids`).")
    .ids(&[std_uuid("metapropertyId")])
    .params(&["start", "before", "limit", "externalReference", "ids"])
    .scopes(&[MetaAssetbankRead])
    .items(Items::Key("options"))
    .returns(One("TaxonomyOptionPage")),
    // Product layer (PIM): product metaproperties and the children of their options.
    Operation::new("pim.metaproperties", Get, "/api/pim/metaproperties/")
        .doc("List the ids of the product layer's metaproperties.")
        .scopes(&[MetaAssetbankRead])
        .returns(One("IdList")),
    Operation::new("pim.metaproperty", Get, "/api/pim/metaproperties/{id}/")
        .doc("Retrieve a product metaproperty with its options and their relations.")
        .ids(&[std_uuid("id")])
        .scopes(&[MetaAssetbankRead])
        .returns(One("PimMetaproperty")),
    Operation::new("pim.options", Get, "/api/pim/metaproperties/{id}/options/")
        .doc("List the options of a product metaproperty with their children (`order`, paged).")
        .ids(&[std_uuid("id")])
        .params(&["order", "page", "limit"])
        .scopes(&[MetaAssetbankRead])
        .paging(PageLimit {
            max_limit: PIM_MAX_LIMIT,
        })
        .returns(List("PimOption"))
        .yields("PimOption"),
    Operation::new("pim.modify_option", Put, "/api/pim/metapropertyoptions/{id}/")
        .doc("Replace the children of a product option (`children`: list of option ids).")
        .ids(&[std_uuid("id")])
        .params(&["children"])
        .encoding(Encoding::Json)
        .scopes(&[MetaAssetbankWrite])
        .returns(One("NoContent")),
];
