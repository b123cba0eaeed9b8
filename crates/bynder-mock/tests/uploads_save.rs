//! Saving uploads over real HTTP: the three targets (new asset, new version, additional
//! file), their checks, the SDKs' `importId`-in-the-form variant, and what the saved asset
//! then shows through media.get, media.list and its download locations.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::upload::*;
use common::*;
use serde_json::{Value, json};

async fn ready_fs(client: &reqwest::Client, base: &str, name: &str, bytes: &[u8]) -> String {
    let file_id = fs_upload(client, base, name, bytes, 64 * 1024).await;
    wait_done(client, base, &file_id).await;
    file_id
}

#[tokio::test]
async fn a_new_asset_takes_the_save_fields_and_shows_up_everywhere() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let bytes = data(200_000, 21);
    let file_id = ready_fs(&client, &base, "team.JPG", &bytes).await;
    let mp = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|m| m.kind == "select" && m.is_multiselect)
        .unwrap();
    let options = format!("{},{}", mp.options[0].id, mp.options[1].id);
    let field = format!("metaproperty.{}", mp.id);
    let brand = portal.store().brand_ids()[1].to_lowercase();
    let (status, saved) = save(
        &client,
        &base,
        &file_id,
        &brand,
        &[
            ("name", "Team day"),
            ("description", "All of us"),
            ("copyright", "© Mock"),
            ("tags", "team,summer-party"),
            (&field, &options),
            ("isPublic", "1"),
            ("audit", "false"),
        ],
    )
    .await;
    assert_eq!(status, 201, "{saved}");
    let media_id = saved["mediaid"].as_str().unwrap();
    assert_eq!(saved["success"], true);
    assert!(saved["accessRequestId"].is_string() && saved["batchId"].is_string());
    let items = saved["mediaitems"].as_array().unwrap();
    assert_eq!(items[0]["original"], format!("final/{media_id}/team.JPG"));
    assert!(items.iter().all(|i| i["destination"].is_string()));

    let (_, media) = get_json(&client, &base, &format!("/api/v4/media/{media_id}/")).await;
    assert_eq!(media["name"], "Team day");
    assert_eq!(media["description"], "All of us");
    assert_eq!(media["copyright"], "© Mock");
    assert_eq!(media["brandId"], brand.to_uppercase());
    assert_eq!(media["type"], "image");
    assert_eq!(media["extension"], json!(["jpg"]));
    assert_eq!(media["isPublic"], 1);
    assert_eq!(media["tags"], json!(["team", "summer-party"]));
    assert_eq!(
        media["propertyOptions"],
        json!([mp.options[0].id, mp.options[1].id])
    );
    assert_eq!(media["fileName"], "team.JPG");

    let (_, listed) = get_json(
        &client,
        &base,
        "/api/v4/media/?tags=summer-party&limit=1000",
    )
    .await;
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [media_id]);
    let (_, tags) = get_json(&client, &base, "/api/v4/tags/?keyword=summer-party").await;
    assert_eq!(tags[0]["tag"], "summer-party");
}

#[tokio::test]
async fn save_checks_the_import_the_brand_and_the_metaproperties() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let file_id = ready_fs(&client, &base, "a.txt", b"abc").await;
    let brand = brand(&portal);

    let (status, body) = save(
        &client,
        &base,
        "6f1c7d2a-1b2c-4d5e-8f90-123456789abc",
        &brand,
        &[],
    )
    .await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"message": "Import ID not found", "statuscode": 404})
        )
    );
    let no_brand = post_form_auth(
        &client,
        &base,
        &format!("/api/v4/media/save/{file_id}/"),
        &[("name", "x")],
    )
    .await;
    let (status, body) = answer(no_brand).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (400, Some("brandId is required to save a new asset"))
    );
    let (status, body) = save(&client, &base, &file_id, CF_ID, &[]).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        format!("brandId '{CF_ID}' is not a brand of this portal")
    );
    let (status, _) = save(
        &client,
        &base,
        &file_id,
        &brand,
        &[("metaproperty.00000000-0000-0000-0000000000000000", "x")],
    )
    .await;
    assert_eq!(status, 400);
    let mp = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|m| m.kind == "select")
        .unwrap();
    let (status, _) = save(
        &client,
        &base,
        &file_id,
        &brand,
        &[(&format!("metaproperty.{}", mp.id), CF_ID)],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        save(&client, &base, &file_id, &brand, &[("isPublic", "maybe")])
            .await
            .0,
        400
    );

    // `brandid` (the C# SDK's spelling) works; a saved import is gone.
    let lower = post_form_auth(
        &client,
        &base,
        &format!("/api/v4/media/save/{file_id}/"),
        &[("brandid", &brand)],
    )
    .await;
    let (status, saved) = answer(lower).await;
    assert_eq!(status, 201, "{saved}");
    let (_, media) = get_json(
        &client,
        &base,
        &format!("/api/v4/media/{}/", saved["mediaid"].as_str().unwrap()),
    )
    .await;
    assert_eq!(media["name"], "a.txt", "the name defaults to the file name");
    assert_eq!(save(&client, &base, &file_id, &brand, &[]).await.0, 404);
    let anonymous = client
        .post(format!("{base}/api/v4/media/save/{file_id}/"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn a_new_version_becomes_the_active_original() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let asset_id = portal.store().asset_ids()[5].clone();
    let before = portal.store().asset(&asset_id).unwrap();
    let versions = before.items.iter().filter(|i| i.kind == "original").count() as u64;
    let bytes = data(300_000, 22);
    let file_id = ready_fs(&client, &base, "new-cut.mov", &bytes).await;

    let path = format!("/api/v4/media/{asset_id}/save/{file_id}/");
    let (status, body) = answer(
        post_form_auth(
            &client,
            &base,
            "/api/v4/media/00000000-0000-0000-0000000000000000/save/x/",
            &[],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (404, Some("Media not found"))
    );
    let (status, body) = answer(post_form_auth(&client, &base, &path, &[]).await).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["mediaid", "batchId", "success", "mediaitems"]
    );
    assert_eq!(
        (
            body["mediaid"].as_str(),
            &body["success"],
            &body["mediaitems"]
        ),
        (Some(asset_id.as_str()), &json!(true), &Value::Null)
    );

    let (_, media) = get_json(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/?versions=1"),
    )
    .await;
    let originals: Vec<&Value> = media["mediaItems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["type"] == "original")
        .collect();
    assert_eq!(originals.len() as u64, versions + 1);
    let active: Vec<&&Value> = originals.iter().filter(|i| i["active"] == true).collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0]["version"], versions + 1);
    assert_eq!(active[0]["fileName"], "new-cut.mov");
    assert_eq!(media["fileSize"], bytes.len());
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/{}/download/", versions + 1),
    )
    .await;
    assert_eq!(download(&client, &url).await, bytes);
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/download/"),
    )
    .await;
    assert_eq!(download(&client, &url).await, bytes);
}

#[tokio::test]
async fn additional_files_come_from_a_file_id_or_straight_from_s3_parts() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let asset_id = portal
        .store()
        .asset_ids()
        .into_iter()
        .find(|id| {
            portal
                .store()
                .asset(id)
                .unwrap()
                .items
                .iter()
                .all(|i| i.kind == "original")
        })
        .unwrap();

    let from_fs = data(50_000, 23);
    let file_id = ready_fs(&client, &base, "print.tif", &from_fs).await;
    let path = format!("/api/v4/media/{asset_id}/save/additional/{file_id}/");
    let (status, body) = answer(post_form_auth(&client, &base, &path, &[]).await).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["mediaid"], asset_id.as_str());
    assert_eq!(body["mediaitems"], Value::Null);
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/download/?type=additional"),
    )
    .await;
    assert_eq!(download(&client, &url).await, from_fs);

    // The old flow's "finalise additional": parts uploaded and registered, no poll, no save.
    let from_s3 = data(MIB5 + 3, 24);
    let (init, chunks) = s3_parts(&client, &base, "alt.png", &from_s3).await;
    let path = format!(
        "/api/v4/media/{asset_id}/save/additional/{}",
        init.upload_id
    );
    let (s3_filename, count) = (format!("{}/p{chunks}", init.key), chunks.to_string());
    let (status, body) = answer(
        post_form_auth(
            &client,
            &base,
            &path,
            &[
                ("targetid", &init.target_id),
                ("s3_filename", &s3_filename),
                ("chunks", &count),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (_, media) = get_json(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/?versions=1"),
    )
    .await;
    let additional: Vec<&Value> = media["mediaItems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["type"] == "additional")
        .collect();
    assert_eq!(additional.len(), 2);
    let item = additional
        .iter()
        .find(|i| i["fileName"] == "alt.png")
        .unwrap();
    assert_eq!(item["size"], from_s3.len());
    let url = location(
        &client,
        &base,
        &format!(
            "/api/v4/media/{asset_id}/download/{}/",
            item["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(download(&client, &url).await, from_s3);
    // Consumed: the same upload cannot be attached twice, nor an unknown id.
    let (status, _) = answer(
        post_form_auth(
            &client,
            &base,
            &format!("/api/v4/media/{asset_id}/save/additional/{file_id}/"),
            &[],
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_sdks_save_with_the_import_id_in_the_form() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let bytes = data(MIB5 + 1, 25);
    let import_id = s3_upload(&client, &base, "js.mp3", &bytes).await;
    wait_done(&client, &base, &import_id).await;
    let brand = brand(&portal);
    let (status, saved) = answer(
        post_form_auth(
            &client,
            &base,
            "/api/v4/media/save/",
            &[
                ("brandId", &brand),
                ("importId", &import_id),
                ("name", "From JS"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{saved}");
    let media_id = saved["mediaid"].as_str().unwrap().to_string();
    let (_, media) = get_json(&client, &base, &format!("/api/v4/media/{media_id}/")).await;
    assert_eq!(
        (media["name"].as_str(), media["type"].as_str()),
        (Some("From JS"), Some("audio"))
    );

    // A new version through `POST /api/v4/media/{id}/save/` with `importId` in the form.
    let version = data(1000, 26);
    let file_id = ready_fs(&client, &base, "js-v2.mp3", &version).await;
    let path = format!("/api/v4/media/{media_id}/save/");
    let (status, body) =
        answer(post_form_auth(&client, &base, &path, &[("importId", &file_id)]).await).await;
    assert_eq!(status, 201, "{body}");
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    assert_eq!(download(&client, &url).await, version);
}
