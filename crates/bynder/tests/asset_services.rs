//! The asset services through `Client::call`/`call_bytes`, against the mock over HTTP:
//! similarity search (OAuth2 only, exactly one search parameter, real asset ids with scores),
//! video streaming links (only for videos), image transformations (a PNG of the transformed
//! size) and TEA documents (JSON:API bodies and errors).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use base64::Engine;
use bynder::id::BynderId;
use bynder::{ErrorKind, Scope};
use bynder_mock::MockPortal;
use serde_json::{Value, json};

use common::*;

/// The id of the first live asset of `kind`.
fn asset_of(portal: &MockPortal, kind: &str) -> String {
    portal
        .store()
        .read(|s| {
            s.assets
                .iter()
                .find(|a| a.kind == kind)
                .map(|a| a.id.clone())
        })
        .unwrap_or_else(|| panic!("the mock has no {kind} asset"))
}

/// The `(assetId, similarityScore)` pairs of an answer, checked: known assets, scores in
/// (0, 1], best first.
fn hits(portal: &MockPortal, answer: &Value) -> Vec<(String, f64)> {
    let hits: Vec<(String, f64)> = answer["assets"]
        .as_array()
        .unwrap_or_else(|| panic!("no assets in {answer}"))
        .iter()
        .map(|h| {
            (
                h["assetId"].as_str().unwrap().to_string(),
                h["similarityScore"].as_f64().unwrap(),
            )
        })
        .collect();
    for (id, score) in &hits {
        assert_eq!(rfc(id), *id, "answers use lower-case RFC 4122");
        assert!(
            portal.store().asset(id).is_some(),
            "{id} is no asset of the portal"
        );
        assert!(*score > 0.0 && *score <= 1.0, "{score}");
    }
    assert!(
        hits.windows(2).all(|w| w[0].1 >= w[1].1),
        "best first: {hits:?}"
    );
    hits
}

#[tokio::test]
async fn similarity_search_finds_real_assets_from_each_kind_of_query() {
    let portal = portal().await;
    let client = client_credentials(&portal);
    let image = asset_of(&portal, "image");
    let by_id = client
        .call("similar_assets.search", json!({"asset_ids": [rfc(&image)]}))
        .await
        .unwrap();
    let found = hits(&portal, &by_id);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|(id, _)| *id != rfc(&image)),
        "the query asset is not its own match"
    );

    // An asset's name finds it first (or an asset of the same name).
    let name = portal.store().asset(&image).unwrap().name;
    let by_text = client
        .call("similar_assets.search", json!({"textQuery": name}))
        .await
        .unwrap();
    let top = &hits(&portal, &by_text)[0].0;
    assert_eq!(portal.store().asset(top).unwrap().name, name);

    // The portal's own thumbnail URL stands for its asset.
    let media = client
        .call("media.get", json!({"id": image}))
        .await
        .unwrap();
    let thumbnail = media["thumbnails"]["webimage"].as_str().unwrap();
    let by_url = client
        .call("similar_assets.search", json!({"imageUrl": thumbnail}))
        .await
        .unwrap();
    assert_eq!(hits(&portal, &by_url), found, "same asset, same neighbours");

    // Outside images map to an image of the portal, deterministically.
    let data = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(b"\x89PNG not really")
    );
    let by_data = client
        .call("similar_assets.search", json!({"imageData": data}))
        .await
        .unwrap();
    let first = hits(&portal, &by_data);
    assert!(!first.is_empty());
    let again = client
        .call("similar_assets.search", json!({"imageData": data}))
        .await
        .unwrap();
    assert_eq!(hits(&portal, &again), first);
}

#[tokio::test]
async fn similarity_search_wants_one_parameter_an_oauth_token_and_known_ids() {
    let portal = portal().await;
    let client = client_credentials(&portal);
    let image = asset_of(&portal, "image");
    let err = client
        .call(
            "similar_assets.search",
            json!({"assetIds": [rfc(&image)], "textQuery": "sunset"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(
        err.message()
            .starts_with("Multiple search parameters provided."),
        "{}",
        err.message()
    );
    let err = client
        .call("similar_assets.search", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = client
        .call(
            "similar_assets.search",
            json!({"imageUrl": "ftp://example.com/a.png"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    // The service reads only lower-case RFC 4122 ids: the ColdFusion form finds nothing.
    let err = client
        .call("similar_assets.search", json!({"assetIds": [image]}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // Permanent tokens are refused; an OAuth2 token needs asset:read.
    let err = permanent(&portal)
        .call("similar_assets.search", json!({"textQuery": "logo"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    let no_read = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::CollectionRead],
        )
        .build()
        .unwrap();
    let err = no_read
        .call("similar_assets.search", json!({"textQuery": "logo"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}

#[tokio::test]
async fn only_videos_have_streaming_links() {
    let portal = portal().await;
    let client = permanent(&portal);
    // The ColdFusion id is converted to the RFC 4122 form the path needs.
    let video = asset_of(&portal, "video");
    let links = client
        .call("streaming.public_links", json!({"asset_id": video}))
        .await
        .unwrap();
    let hls = links["hls"].as_str().unwrap();
    assert!(
        hls.contains(&rfc(&video)) && hls.ends_with(".m3u8"),
        "{hls}"
    );
    assert!(links["dash"].as_str().unwrap().ends_with(".mpd"));
    assert!(links["embedCode"].as_str().unwrap().contains(hls));

    let image = asset_of(&portal, "image");
    let err = client
        .call("streaming.public_links", json!({"asset_id": image}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "manifest file not found");
    // A deleted video has no stream either.
    client
        .call("media.delete", json!({"id": video}))
        .await
        .unwrap();
    let err = client
        .call("streaming.public_links", json!({"asset_id": video}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .call("streaming.public_links", json!({"asset_id": "nope"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
}

/// Width and height from a PNG's IHDR, after checking the signature and chunk layout.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    assert_eq!(&bytes[bytes.len() - 8..bytes.len() - 4], b"IEND");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[tokio::test]
async fn transformations_render_the_transformed_size() {
    let portal = portal().await;
    let client = permanent(&portal);
    let image = asset_of(&portal, "image");
    let asset = portal.store().asset(&image).unwrap();
    // The id and name come from the asset's transformBaseUrl, as a user would take them.
    let media = client
        .call("media.get", json!({"id": image}))
        .await
        .unwrap();
    let base = media["transformBaseUrl"].as_str().unwrap();
    let mut parts = base.rsplit('/');
    let name = parts.next().unwrap().to_string();
    let id = parts.next().unwrap().to_string();

    let fill = client
        .call_bytes(
            "transformations.get",
            json!({"id": id, "name": name, "io": "transform:fill,width:120,height:80", "format": "png"}),
        )
        .await
        .unwrap();
    assert_eq!(png_size(&fill), (120, 80));

    // Several operations apply in order: scale to 400 wide, then turn a quarter.
    let turned = client
        .call_bytes(
            "transformations.get",
            json!({"id": id, "name": name, "io": ["transform:scale,width:400", "transform:rotate,angle:90"]}),
        )
        .await
        .unwrap();
    let scaled_height = (f64::from(asset.height) * 400.0 / f64::from(asset.width)).round() as u32;
    assert_eq!(png_size(&turned), (scaled_height, 400));

    let untouched = client
        .call_bytes("transformations.get", json!({"id": id, "name": name}))
        .await
        .unwrap();
    assert_eq!(png_size(&untouched), (asset.width, asset.height));

    for bad in [
        json!({"io": "transform:explode,width:3"}),
        json!({"io": "transform:crop,gravity:middle"}),
        json!({"quality": 0}),
    ] {
        let mut params = bad.clone();
        params["id"] = json!(id);
        params["name"] = json!(name);
        let err = client
            .call_bytes("transformations.get", params)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{bad}");
        assert_eq!(err.message(), "Image Operation not supported");
    }
    let err = client
        .call_bytes(
            "transformations.get",
            json!({"id": BynderId::new_random().to_coldfusion(), "name": name}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

/// DAT's `io` is a repeatable key: a list goes out as `io=..&io=..` in the given order (the
/// mock, like DAT, reads a comma-joined value as one operation with an unknown parameter).
#[tokio::test]
async fn transformations_send_a_list_of_io_as_repeated_keys_in_order() {
    let portal = portal().await;
    let client = permanent(&portal);
    let image = asset_of(&portal, "image");
    let asset = portal.store().asset(&image).unwrap();
    let name = |io: Value| json!({"id": image, "name": "photo", "io": io});
    // Rotate a quarter, then crop to 30 wide: only the crop's width survives in that order.
    let rotate_then_crop = client
        .call_bytes(
            "transformations.get",
            name(json!([
                "transform:rotate,angle:90",
                "transform:crop,width:30"
            ])),
        )
        .await
        .unwrap();
    assert_eq!(png_size(&rotate_then_crop), (30, asset.width));
    let crop_then_rotate = client
        .call_bytes(
            "transformations.get",
            name(json!([
                "transform:crop,width:30",
                "transform:rotate,angle:90"
            ])),
        )
        .await
        .unwrap();
    assert_eq!(png_size(&crop_then_rotate), (asset.height, 30));
    // Joined by hand into one value, the two operations are one unsupported operation.
    let err = client
        .call_bytes(
            "transformations.get",
            name(json!("transform:rotate,angle:90,transform:crop,width:30")),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn documents_answer_json_api() {
    let portal = portal().await;
    let client = permanent(&portal);
    let ids = portal.store().read(|s| s.asset_services.document_ids());
    assert!(ids.len() >= 2);
    let doc = client
        .call("documents.get", json!({"document_uuid": ids[0]}))
        .await
        .unwrap();
    assert_eq!(doc["data"]["id"], ids[0]);
    assert_eq!(doc["data"]["type"], "document");
    let attributes = &doc["data"]["attributes"];
    let prose: Value = serde_json::from_str(attributes["document"].as_str().unwrap()).unwrap();
    assert_eq!(prose["type"], "doc");
    let first = prose["content"][0]["content"][0]["text"].as_str().unwrap();
    assert!(
        attributes["html"]
            .as_str()
            .unwrap()
            .starts_with(&format!("<p>{first}</p>"))
    );
    assert!(attributes["documentGroupId"].as_str().is_some());

    // The ColdFusion spelling of the id is converted; the other document differs.
    let cf = BynderId::parse(&ids[1]).unwrap().to_coldfusion();
    let other = client
        .call("documents.get", json!({"document_uuid": cf}))
        .await
        .unwrap();
    assert_eq!(other["data"]["id"], ids[1]);

    let missing = BynderId::new_random().to_rfc4122();
    let err = client
        .call("documents.get", json!({"document_uuid": missing}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), format!("Document {missing} not found"));
}

#[tokio::test]
async fn the_services_refuse_calls_without_a_token() {
    // Links, transformations and documents document no scope: any valid token, but one.
    let portal = portal().await;
    let anonymous = builder(&portal).build().unwrap();
    let calls = [
        (
            "streaming.public_links",
            json!({"asset_id": asset_of(&portal, "video")}),
        ),
        (
            "transformations.get",
            json!({"id": asset_of(&portal, "image"), "name": "x"}),
        ),
        (
            "documents.get",
            json!({"document_uuid": BynderId::new_random().to_rfc4122()}),
        ),
        ("similar_assets.search", json!({"textQuery": "logo"})),
    ];
    for (op, params) in calls {
        let err = anonymous.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Authentication, "{op}");
    }
}
