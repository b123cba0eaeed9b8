//! Faults on the upload and download routes over real HTTP: `corrupt`, `cut_request_after`,
//! `cut_response_after`, and the older faults (`status`, `drop`, `latency_ms`,
//! `slow_body_ms`) on `upload.chunk`, `s3.upload` and `storage.download`; the processing
//! delay through the admin API.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use bynder_mock::{Fault, FaultRule, MockPortal};
use common::upload::*;
use common::*;
use futures::StreamExt;
use serde_json::json;

/// A saved asset holding `bytes`, and its download URL.
async fn saved(portal: &MockPortal, bytes: &[u8]) -> String {
    let (client, base) = (client(), portal.url().to_string());
    let file_id = fs_upload(&client, &base, "f.bin", bytes, 1024 * 1024).await;
    wait_done(&client, &base, &file_id).await;
    let (status, body) = save(&client, &base, &file_id, &brand(portal), &[]).await;
    assert_eq!(status, 201, "{body}");
    let media_id = body["mediaid"].as_str().unwrap();
    location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await
}

#[tokio::test]
async fn corrupt_makes_a_chunk_fail_its_checksum_once() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    portal.inject(FaultRule::operation("upload.chunk", Fault::Corrupt).times(1));
    let file_id = prepare(&client, &base).await;
    let bytes = data(300_000, 41);
    let sha = sha_hex(&bytes);
    let (status, body) =
        answer(chunk(&client, &base, &file_id, 0, bytes.clone(), Some(&sha)).await).await;
    assert_eq!(status, 400);
    let message = body["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("Chunk 0: Content-SHA256 is {sha} but")),
        "{message}"
    );
    assert!(!message.ends_with(&sha), "{message}");
    assert_eq!(
        chunk(&client, &base, &file_id, 0, bytes, Some(&sha))
            .await
            .status(),
        201
    );
    assert_eq!(portal.stats().faults_fired, 1);
}

#[tokio::test]
async fn corrupt_on_s3_stores_a_part_with_one_byte_flipped() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    portal.inject(FaultRule::operation("s3.upload", Fault::Corrupt).times(1));
    let bytes = data(100_000, 42);
    let import_id = s3_upload(&client, &base, "c.bin", &bytes).await;
    wait_done(&client, &base, &import_id).await;
    let (_, body) = save(&client, &base, &import_id, &brand(&portal), &[]).await;
    let media_id = body["mediaid"].as_str().unwrap();
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    let got = download(&client, &url).await;
    assert_eq!(got.len(), bytes.len());
    assert_eq!(got.iter().zip(&bytes).filter(|(a, b)| a != b).count(), 1);
}

#[tokio::test]
async fn cut_request_after_closes_the_connection_and_stores_nothing() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    portal.inject(FaultRule::operation("upload.chunk", Fault::CutRequestAfter(64 * 1024)).times(1));
    let file_id = prepare(&client, &base).await;
    let bytes = data(2 * 1024 * 1024, 43);
    let sha = sha_hex(&bytes);
    let cut = client
        .post(format!("{base}/v7/file_cmds/upload/{file_id}/chunk/0"))
        .bearer_auth(TOKEN)
        .header("Content-SHA256", &sha)
        .body(bytes.clone())
        .send()
        .await;
    assert!(cut.is_err(), "expected a closed connection, got {cut:?}");
    let (status, body) =
        answer(finalise(&client, &base, &file_id, "f", bytes.len(), 1, &sha).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "chunksCount is 1 but chunk 0 was not received (received: none)"
    );
    // The fault is used up: the retry goes through.
    assert_eq!(
        chunk(&client, &base, &file_id, 0, bytes, Some(&sha))
            .await
            .status(),
        201
    );
    let stats = portal.stats();
    assert_eq!(stats.by_operation.get("upload.chunk"), Some(&2));
}

#[tokio::test]
async fn cut_response_after_sends_part_of_a_download_then_aborts() {
    let portal = portal().await;
    let bytes = data(3 * 1024 * 1024, 44);
    let url = saved(&portal, &bytes).await;
    let client = client();
    portal.inject(
        FaultRule::operation("storage.download", Fault::CutResponseAfter(100_000)).times(1),
    );
    let response = client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-length"],
        bytes.len().to_string().as_str()
    );
    let mut received = Vec::new();
    let mut stream = response.bytes_stream();
    let mut failed = false;
    while let Some(frame) = stream.next().await {
        match frame {
            Ok(frame) => received.extend_from_slice(&frame),
            Err(_) => {
                failed = true;
                break;
            }
        }
    }
    assert!(failed, "the body should end in an error");
    assert_eq!(received, bytes[..100_000].to_vec());
    assert_eq!(download(&client, &url).await, bytes);
}

#[tokio::test]
async fn cut_response_after_works_on_json_answers_too() {
    let portal = portal().await;
    let client = client();
    portal.inject(FaultRule::operation("upload.prepare", Fault::CutResponseAfter(5)).times(1));
    let response = client
        .post(format!("{}/v7/file_cmds/upload/prepare", portal.url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.text().await.is_err());
}

#[tokio::test]
async fn status_drop_and_latency_reach_the_streamed_routes() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let file_id = prepare(&client, &base).await;
    let bytes = data(MIB5, 45);
    let sha = sha_hex(&bytes);

    // A status fault still reads the 5 MiB body, so the client sees the answer.
    portal.inject(FaultRule::operation("upload.chunk", Fault::Status(503)).times(1));
    let (status, body) =
        answer(chunk(&client, &base, &file_id, 0, bytes.clone(), Some(&sha)).await).await;
    assert_eq!(
        (status, body),
        (
            503,
            json!({"message": "Service Unavailable", "statuscode": 503})
        )
    );

    let endpoint = s3_endpoint(&client, &base).await;
    let init = init(&client, &base, "d.bin").await;
    portal.inject(FaultRule::operation("s3.upload", Fault::Drop).times(1));
    let dropped = client
        .post(&endpoint)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form_body(&part_fields(&init, 1, 1, b"abc")))
        .send()
        .await;
    assert!(dropped.is_err());
    portal.inject(
        FaultRule::operation("s3.upload", Fault::Latency(Duration::from_millis(300))).times(1),
    );
    let started = Instant::now();
    assert_eq!(
        s3_post(&client, &endpoint, &part_fields(&init, 1, 1, b"abc"))
            .await
            .status(),
        201
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
    let stats = portal.stats();
    assert_eq!(stats.by_operation.get("s3.upload"), Some(&2));
    assert_eq!(stats.faults_fired, 3);
}

#[tokio::test]
async fn slow_body_trickles_a_large_download_without_changing_it() {
    let portal = portal().await;
    let bytes = data(4 * 1024 * 1024 + 1, 46);
    let url = saved(&portal, &bytes).await;
    portal.inject(
        FaultRule::operation(
            "storage.download",
            Fault::SlowBody(Duration::from_millis(600)),
        )
        .times(1),
    );
    let started = Instant::now();
    let body = download(&client(), &url).await;
    assert!(
        started.elapsed() >= Duration::from_millis(550),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(body, bytes);
    portal.inject(FaultRule::operation("storage.download", Fault::Status(500)).times(1));
    let failed = client().get(&url).send().await.unwrap();
    assert_eq!(failed.status(), 500);
}

#[tokio::test]
async fn the_processing_delay_is_set_through_the_admin_api() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let admin = format!("{base}/_mock/processing-delay");
    assert_eq!(
        json(client.get(&admin).send().await.unwrap()).await,
        json!({"ms": 200})
    );
    let put = client
        .put(&admin)
        .json(&json!({"ms": 1500}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 204);
    assert_eq!(
        json(client.get(&admin).send().await.unwrap()).await,
        json!({"ms": 1500})
    );
    assert_eq!(
        client
            .put(&admin)
            .body("soon")
            .send()
            .await
            .unwrap()
            .status(),
        400
    );

    let file_id = fs_upload(&client, &base, "slow.bin", b"123", 10).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        poll(&client, &base, &[&file_id]).await["itemsDone"],
        json!([])
    );
    portal.set_processing_delay(Duration::ZERO);
    let quick = fs_upload(&client, &base, "quick.bin", b"123", 10).await;
    assert_eq!(
        poll(&client, &base, &[&quick]).await["itemsDone"],
        json!([quick])
    );
}
