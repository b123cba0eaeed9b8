//! The storage host behind download locations over real HTTP: pre-signed URLs (forged,
//! expired, with a token), seeded and uploaded bytes, HEAD, ranges and `If-Range`, CORS.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use bynder_mock::MockPortal;
use common::upload::*;
use common::*;
use reqwest::header::{
    ACCEPT_RANGES, CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, ETAG, IF_RANGE, LAST_MODIFIED,
    RANGE,
};

/// A seeded asset, its active original's id and size.
fn seeded(portal: &MockPortal) -> (String, String, u64) {
    let asset_id = portal.store().asset_ids()[0].clone();
    let asset = portal.store().asset(&asset_id).unwrap();
    let item = asset.active_original().unwrap();
    (asset_id, item.id.clone(), item.size)
}

/// A signed URL for any asset/item pair, valid until `expires`.
fn signed(portal: &MockPortal, asset: &str, item: &str, expires: i64) -> String {
    let signature = portal
        .store()
        .read(|s| s.download_signature(asset, item, expires));
    format!(
        "{}/_mock/storage/{asset}/{item}?expires={expires}&signature={signature}",
        portal.url()
    )
}

fn in_an_hour() -> i64 {
    chrono::Utc::now().timestamp() + 3600
}

#[tokio::test]
async fn seeded_items_serve_generated_bytes_of_their_size() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let (asset_id, item_id, size) = seeded(&portal);
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{asset_id}/download/"),
    )
    .await;
    assert!(
        url.contains(&format!("/_mock/storage/{asset_id}/{item_id}/")),
        "{url}"
    );
    let response = client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers[ACCEPT_RANGES], "bytes");
    assert_eq!(headers[CONTENT_LENGTH], size.to_string().as_str());
    assert!(headers[ETAG].to_str().unwrap().starts_with('"'));
    assert!(headers[LAST_MODIFIED].to_str().unwrap().ends_with(" GMT"));
    assert!(headers.contains_key(CONTENT_TYPE));
    let body = response.bytes().await.unwrap();
    assert_eq!(body.len() as u64, size);
    // The same item serves the same bytes again; HEAD answers the headers only.
    assert_eq!(download(&client, &url).await, body.to_vec());
    let head = client.head(&url).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()[CONTENT_LENGTH], size.to_string().as_str());
    assert_eq!(head.headers()[ETAG], headers[ETAG]);
    assert!(head.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn ranges_answer_206_416_and_if_range_falls_back_to_200() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let bytes = data(3 * 1024 * 1024 + 5, 31);
    let file_id = fs_upload(&client, &base, "r.bin", &bytes, 1024 * 1024).await;
    wait_done(&client, &base, &file_id).await;
    let (_, saved) = save(&client, &base, &file_id, &brand(&portal), &[]).await;
    let media_id = saved["mediaid"].as_str().unwrap();
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    let len = bytes.len();
    let full = client.get(&url).send().await.unwrap();
    let etag = full.headers()[ETAG].to_str().unwrap().to_string();
    let modified = full.headers()[LAST_MODIFIED].to_str().unwrap().to_string();
    assert_eq!(full.bytes().await.unwrap().to_vec(), bytes);

    for (range, start, end) in [
        ("bytes=0-9".to_string(), 0, 10),
        (format!("bytes={}-", len - 100), len - 100, len),
        ("bytes=-1000".to_string(), len - 1000, len),
        ("bytes=1048570-2097160".to_string(), 1_048_570, 2_097_161),
        (format!("bytes=5-{}", len * 2), 5, len),
    ] {
        let response = client.get(&url).header(RANGE, &range).send().await.unwrap();
        assert_eq!(response.status(), 206, "{range}");
        assert_eq!(
            response.headers()[CONTENT_RANGE],
            format!("bytes {start}-{}/{len}", end - 1).as_str(),
            "{range}"
        );
        assert_eq!(
            response.headers()[CONTENT_LENGTH],
            (end - start).to_string().as_str()
        );
        assert_eq!(
            response.bytes().await.unwrap().to_vec(),
            bytes[start..end].to_vec(),
            "{range}"
        );
    }
    let unsatisfiable = client
        .get(&url)
        .header(RANGE, format!("bytes={len}-"))
        .send()
        .await
        .unwrap();
    assert_eq!(unsatisfiable.status(), 416);
    assert_eq!(
        unsatisfiable.headers()[CONTENT_RANGE],
        format!("bytes */{len}").as_str()
    );

    let matching = client
        .get(&url)
        .header(RANGE, "bytes=0-0")
        .header(IF_RANGE, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(matching.status(), 206);
    let by_date = client
        .get(&url)
        .header(RANGE, "bytes=0-0")
        .header(IF_RANGE, &modified)
        .send()
        .await
        .unwrap();
    assert_eq!(by_date.status(), 206);
    let stale = client
        .get(&url)
        .header(RANGE, "bytes=0-0")
        .header(IF_RANGE, "\"stale\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 200);
    assert_eq!(stale.bytes().await.unwrap().len(), len);
}

#[tokio::test]
async fn seeded_ranges_agree_with_the_whole_file() {
    let portal = portal().await;
    let client = client();
    let (asset_id, item_id, size) = seeded(&portal);
    let url = signed(&portal, &asset_id, &item_id, in_an_hour());
    let whole = download(&client, &url).await;
    let start = 1024 * 1024 - 3;
    let end = (start + 2 * 1024 * 1024).min(size as usize);
    let part = client
        .get(&url)
        .header(RANGE, format!("bytes={start}-{}", end - 1))
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.bytes().await.unwrap().to_vec(),
        whole[start..end].to_vec()
    );
}

#[tokio::test]
async fn forged_expired_or_token_carrying_requests_are_refused() {
    let portal = portal().await;
    let client = client();
    let (asset_id, item_id, _) = seeded(&portal);
    let good = signed(&portal, &asset_id, &item_id, in_an_hour());
    assert_eq!(client.get(&good).send().await.unwrap().status(), 200);

    let forged = good.replace("signature=", "signature=0");
    let response = client.get(&forged).send().await.unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("<Code>SignatureDoesNotMatch</Code>")
    );
    let other_item = signed(&portal, &asset_id, &item_id, in_an_hour()).replace(&item_id, CF_ID);
    assert_eq!(client.get(&other_item).send().await.unwrap().status(), 403);

    let expired = signed(
        &portal,
        &asset_id,
        &item_id,
        chrono::Utc::now().timestamp() - 1,
    );
    let response = client.get(&expired).send().await.unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Request has expired")
    );

    let unsigned = format!("{}/_mock/storage/{asset_id}/{item_id}", portal.url());
    assert_eq!(client.get(&unsigned).send().await.unwrap().status(), 403);

    let with_token = client.get(&good).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(with_token.status(), 400);
    assert!(
        with_token
            .text()
            .await
            .unwrap()
            .contains("<Code>InvalidArgument</Code>")
    );

    let missing = signed(&portal, &asset_id, CF_ID, in_an_hour());
    let response = client.get(&missing).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("<Code>NoSuchKey</Code>")
    );
    assert_eq!(client.delete(&good).send().await.unwrap().status(), 405);
}

#[tokio::test]
async fn browsers_may_read_the_range_headers() {
    let portal = portal().await;
    let client = client();
    let (asset_id, item_id, _) = seeded(&portal);
    let url = signed(&portal, &asset_id, &item_id, in_an_hour());
    let response = client
        .get(&url)
        .header("origin", "http://localhost:3000")
        .header(RANGE, "bytes=0-0")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 206);
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    for header in ["content-range", "etag", "accept-ranges", "content-length"] {
        assert!(exposed.contains(header), "{exposed}");
    }
}

#[tokio::test]
async fn downloads_are_counted_as_storage_download() {
    let portal = portal().await;
    let client = client();
    let (asset_id, item_id, _) = seeded(&portal);
    let url = signed(&portal, &asset_id, &item_id, in_an_hour());
    client.head(&url).send().await.unwrap();
    client
        .get(&url)
        .header(RANGE, "bytes=0-0")
        .send()
        .await
        .unwrap();
    let stats = portal.stats();
    assert_eq!(stats.by_operation.get("storage.download"), Some(&2));
    assert_eq!(stats.by_status.get(&206), Some(&1));
}

#[tokio::test]
async fn the_default_storage_goes_away_with_the_portal_and_a_given_one_stays() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    fs_upload(&client, &base, "gone.bin", &data(1000, 32), 100).await;
    let temporary = portal.storage_dir().unwrap();
    assert!(std::fs::read_dir(&temporary).unwrap().count() >= 10);
    portal.shutdown().await;
    assert!(!temporary.exists(), "{}", temporary.display());

    let kept = tempfile::tempdir().unwrap();
    let dir = kept.path().join("uploads");
    let portal = portal_with(bynder_mock::MockConfig {
        storage_dir: Some(dir.clone()),
        ..bynder_mock::MockConfig::default()
    })
    .await;
    assert!(dir.is_dir(), "made at start");
    fs_upload(&client, portal.url(), "kept.bin", &data(1000, 33), 1000).await;
    portal.shutdown().await;
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}
