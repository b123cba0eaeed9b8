//! Operation table entries of the asset services: similarity search, adaptive video streaming
//! (AVS), dynamic asset transformations (DAT) and text content (TEA). Facts:
//! `reference/bynder-api.md` §5 and `reference/openapi/` (similar-assets, avs, dat, tea).

use crate::ops::Auth::OAuthOnly;
use crate::ops::Method::{Get, Post};
use crate::ops::Model::One;
use crate::ops::{Encoding, Items, Operation, opaque, std_uuid};
use crate::scope::Scope::AssetRead;

pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        "similar_assets.search",
        Post,
        "/api/1/assets/similarity-search/",
    )
    .doc("Find similar assets from exactly one of `assetIds`, `imageUrl`, `imageData`, `textQuery`.")
    .params(&["assetIds", "imageUrl", "imageData", "textQuery"])
    .encoding(Encoding::Json)
    .scopes(&[AssetRead])
    // "Only OAuth2 authentication is supported ... permanent tokens are not accepted."
    .auth(OAuthOnly)
    .items(Items::Key("assets"))
    .returns(One("SimilarAssets"))
    // A search changes nothing, so a failed attempt may be sent again.
    .retryable(true),
    Operation::new(
        "streaming.public_links",
        Get,
        "/api/1/assets/{asset_id}/public-links",
    )
    .doc("Get the HLS and DASH manifest links and player embed code of a video asset.")
    .ids(&[std_uuid("asset_id")])
    .returns(One("StreamingLinks")),
    // The id is passed as the asset's `transformBaseUrl` spells it, so it travels as given.
    Operation::new("transformations.get", Get, "/transform/{id}/{name}")
        .doc("Render an image with `io` operations (`transform:fill,width:300`), `format`, `quality`.")
        .ids(&[opaque("id"), opaque("name")])
        .params(&["io", "focuspoint", "format", "quality"])
        // DAT applies `io=...&io=...` in order; one comma-joined value would read as one operation.
        .repeated(&["io"])
        .binary(),
    Operation::new(
        "documents.get",
        Get,
        "/api/1/authoring/documents/{document_uuid}",
    )
    .doc("Retrieve a text document (JSON:API: ProseMirror `document`, `html`, `documentGroupId`).")
    .ids(&[std_uuid("document_uuid")])
    .returns(One("Document")),
];
