//! The Files Service upload flow over real HTTP: prepare, chunks (streamed, hashed, checked
//! against `Content-SHA256`), `finalise_api` and its checks, then save and download.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::upload::*;
use common::*;
use serde_json::json;

#[tokio::test]
async fn an_upload_in_parallel_chunks_is_saved_and_downloaded_byte_for_byte() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let bytes = data(3 * MIB5 + 12_345, 1);
    let file_id = fs_upload(&client, &base, "Launch video.mp4", &bytes, MIB5).await;
    assert!(uuid::Uuid::parse_str(&file_id).is_ok(), "{file_id}");
    assert_eq!(file_id, file_id.to_lowercase());

    wait_done(&client, &base, &file_id).await;
    let brand = brand(&portal);
    let (status, saved) = save(
        &client,
        &base,
        &file_id,
        &brand,
        &[("tags", "launch,video")],
    )
    .await;
    assert_eq!(status, 201, "{saved}");
    let media_id = saved["mediaid"].as_str().unwrap();

    let (_, media) = get_json(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/?versions=1"),
    )
    .await;
    assert_eq!(media["name"], "Launch video.mp4");
    assert_eq!(media["type"], "video");
    assert_eq!(media["extension"], json!(["mp4"]));
    assert_eq!(media["fileSize"], bytes.len());
    assert_eq!(media["tags"], json!(["launch", "video"]));
    let item = &media["mediaItems"][0];
    assert_eq!(
        (
            item["type"].as_str(),
            item["version"].as_u64(),
            item["size"].as_u64()
        ),
        (Some("original"), Some(1), Some(bytes.len() as u64))
    );
    assert_eq!(item["fileName"], "Launch video.mp4");

    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    assert!(
        url.starts_with(&format!("{base}/_mock/storage/{media_id}/")),
        "{url}"
    );
    assert_eq!(download(&client, &url).await, bytes);
}

#[tokio::test]
async fn prepare_takes_no_body_or_a_json_object() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let url = format!("{base}/v7/file_cmds/upload/prepare");
    let with_object = client
        .post(&url)
        .bearer_auth(TOKEN)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(with_object.status(), 200);
    assert!(json(with_object).await["file_id"].is_string());
    let with_array = client
        .post(&url)
        .bearer_auth(TOKEN)
        .json(&json!([1]))
        .send()
        .await
        .unwrap();
    assert_eq!(with_array.status(), 400);
    let anonymous = client.post(&url).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn chunks_are_checked_against_their_sha256() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let file_id = prepare(&client, &base).await;
    let bytes = data(100_000, 2);

    let (status, body) =
        answer(chunk(&client, &base, &file_id, 0, bytes.clone(), None).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Chunk 0: the Content-SHA256 header is required"
    );

    let wrong = sha_hex(b"something else");
    let (status, body) =
        answer(chunk(&client, &base, &file_id, 4, bytes.clone(), Some(&wrong)).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        format!(
            "Chunk 4: Content-SHA256 is {wrong} but the 100000 bytes received hash to {}",
            sha_hex(&bytes)
        )
    );

    let (status, body) =
        answer(chunk(&client, &base, &file_id, 0, bytes.clone(), Some("abc")).await).await;
    assert_eq!(status, 400, "{body}");
    let upper = sha_hex(&bytes).to_uppercase();
    assert_eq!(
        chunk(&client, &base, &file_id, 0, bytes.clone(), Some(&upper))
            .await
            .status(),
        201
    );

    let (status, body) = answer(
        chunk(
            &client,
            &base,
            &file_id,
            u32::MAX,
            bytes.clone(),
            Some(&upper),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("chunk_number must be"),
        "{body}"
    );

    let unknown = "6f1c7d2a-1b2c-4d5e-8f90-123456789abc";
    assert_eq!(
        chunk(&client, &base, unknown, 0, bytes.clone(), Some(&upper))
            .await
            .status(),
        404
    );
    // A ColdFusion-form id is not a file id: Bynder's routing 404.
    let cf = chunk(&client, &base, CF_ID, 0, bytes.clone(), Some(&upper)).await;
    assert_eq!(cf.text().await.unwrap(), NOT_FOUND);
    let anonymous = client
        .post(format!("{base}/v7/file_cmds/upload/{file_id}/chunk/1"))
        .header("Content-SHA256", &upper)
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn finalise_refuses_missing_chunks_wrong_sizes_and_wrong_hashes() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let file_id = prepare(&client, &base).await;
    let (a, b, c) = (data(1000, 3), data(1000, 4), data(10, 5));
    let whole = [a.clone(), b.clone(), c.clone()].concat();
    good_chunk(&client, &base, &file_id, 0, &a).await;
    good_chunk(&client, &base, &file_id, 2, &c).await;
    let sha = sha_hex(&whole);

    let (status, body) =
        answer(finalise(&client, &base, &file_id, "f.bin", 2010, 3, &sha).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "chunksCount is 3 but chunk 1 was not received (received: 0, 2)"
    );

    good_chunk(&client, &base, &file_id, 1, &b).await;
    let (_, body) = answer(finalise(&client, &base, &file_id, "f.bin", 2011, 3, &sha).await).await;
    assert_eq!(
        body["message"],
        "fileSize is 2011 but the 3 chunks received add up to 2010 bytes"
    );
    let (_, body) = answer(finalise(&client, &base, &file_id, "f.bin", 2010, 2, &sha).await).await;
    assert_eq!(
        body["message"],
        "chunksCount is 2 but 3 chunks were received (0-2)"
    );
    let other = sha_hex(b"x");
    let (_, body) =
        answer(finalise(&client, &base, &file_id, "f.bin", 2010, 3, &other).await).await;
    assert_eq!(
        body["message"],
        format!("sha256 is {other} but the 3 chunks received hash to {sha}")
    );
    let (_, body) = answer(finalise(&client, &base, &file_id, "", 2010, 3, &sha).await).await;
    assert_eq!(body["message"], "fileName is required");
    let no_sha = post_form_auth(
        &client,
        &base,
        &format!("/v7/file_cmds/upload/{file_id}/finalise_api"),
        &[
            ("fileName", "f.bin"),
            ("fileSize", "2010"),
            ("chunksCount", "3"),
        ],
    )
    .await;
    assert_eq!(answer(no_sha).await.1["message"], "sha256 is required");

    let done = finalise(
        &client,
        &base,
        &file_id,
        "f.bin",
        2010,
        3,
        &sha.to_uppercase(),
    )
    .await;
    assert_eq!(done.status(), 201);
    let correlation = done.headers()["x-api-correlation-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(uuid::Uuid::parse_str(&correlation).is_ok());
    assert!(done.text().await.unwrap().is_empty());
    // No chunk after finalise; the same finalise again is fine.
    let (status, body) =
        answer(chunk(&client, &base, &file_id, 3, c.clone(), Some(&sha_hex(&c))).await).await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("finalised already"),
        "{body}"
    );
    assert_eq!(
        finalise(&client, &base, &file_id, "f.bin", 2010, 3, &sha)
            .await
            .status(),
        201
    );
    let unknown = finalise(
        &client,
        &base,
        "6f1c7d2a-1b2c-4d5e-8f90-123456789abc",
        "f.bin",
        1,
        1,
        &sha,
    )
    .await;
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn a_resent_chunk_replaces_the_first_one() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let file_id = prepare(&client, &base).await;
    let (first, second) = (data(5000, 6), data(7000, 7));
    good_chunk(&client, &base, &file_id, 0, &first).await;
    good_chunk(&client, &base, &file_id, 1, &second).await;
    let replacement = data(3000, 8);
    good_chunk(&client, &base, &file_id, 0, &replacement).await;
    let whole = [replacement, second].concat();
    let response = finalise(
        &client,
        &base,
        &file_id,
        "r.bin",
        whole.len(),
        2,
        &sha_hex(&whole),
    )
    .await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    wait_done(&client, &base, &file_id).await;
    let (status, saved) = save(&client, &base, &file_id, &brand(&portal), &[]).await;
    assert_eq!(status, 201, "{saved}");
    let media_id = saved["mediaid"].as_str().unwrap();
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    assert_eq!(download(&client, &url).await, whole);
}

#[tokio::test]
async fn saving_before_the_conversion_is_done_answers_303() {
    let portal = portal().await;
    portal.set_processing_delay(Duration::from_millis(600));
    let (client, base) = (client(), portal.url().to_string());
    let file_id = fs_upload(&client, &base, "a.png", &data(10, 9), 1024).await;
    assert_eq!(
        poll(&client, &base, &[&file_id]).await["itemsDone"],
        json!([])
    );
    let (status, body) = save(&client, &base, &file_id, &brand(&portal), &[]).await;
    assert_eq!(status, 303);
    assert_eq!(
        body,
        json!({"message": "Import not converted yet, please poll", "statuscode": "303"})
    );
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        poll(&client, &base, &[&file_id]).await["itemsDone"],
        json!([file_id])
    );
    assert_eq!(
        save(&client, &base, &file_id, &brand(&portal), &[]).await.0,
        201
    );
}
