//! `bynder api` against a mock portal over HTTP: the table listed, an operation of each kind
//! (read, write then read back, paged with `--all`, bytes to a file, CSV text), and bad input
//! named.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

fn parsed(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:#?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_table_and_one_group_are_listed() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let all = bynder(&portal, dir.path(), &["--json", "api"]).await;
    let listed = parsed(all.success());
    assert_eq!(
        listed.as_array().unwrap().len(),
        bynder::ops::OPERATIONS.len()
    );
    let group = bynder(&portal, dir.path(), &["api", "campaigns"]).await;
    group.success();
    assert!(
        group.stdout.contains("campaigns.create"),
        "{}",
        group.stdout
    );
    assert!(!group.stdout.contains("media.get"), "{}", group.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_write_is_read_back_and_a_deleted_item_is_not_found() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let collection = bynder::id::BynderId::parse(&portal.store().collection_ids()[0])
        .unwrap()
        .to_rfc4122();
    let steps = json!([{
        "step_triggers": ["AssetUploaded"],
        "conditions": [{"and": [{
            "condition_type": "AssetType",
            "expression": {"operator": "CONTAINS", "term": [{"asset_type": "IMAGE"}]},
        }]}],
        "actions": [{"action_type": "ADD_TO_COLLECTION", "data": {"collection_id": collection}}],
    }])
    .to_string();
    let created = bynder(
        &portal,
        dir.path(),
        &[
            "api",
            "automation_rules.create",
            "--name",
            "From the CLI",
            "--triggers",
            r#"["AssetUploaded"]"#,
            "--steps",
            &steps,
        ],
    )
    .await;
    let created = parsed(created.success());
    let id = created["id"]
        .as_str()
        .expect("the rule has an id")
        .to_string();
    let read = bynder(&portal, dir.path(), &["api", "automation_rules.get", &id]).await;
    assert_eq!(parsed(read.success())["name"], "From the CLI");
    bynder(
        &portal,
        dir.path(),
        &["api", "automation_rules.delete", &id],
    )
    .await
    .success();
    let gone = bynder(&portal, dir.path(), &["api", "automation_rules.get", &id]).await;
    assert_ne!(gone.code, Some(0));
    assert!(
        gone.stderr.contains("not found") || gone.stderr.contains("404"),
        "{gone:#?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn all_pages_of_a_paged_operation() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let run = bynder(
        &portal,
        dir.path(),
        &["api", "jobs.list", "--limit", "3", "--all"],
    )
    .await;
    let jobs = parsed(run.success());
    let client = client(&portal);
    let direct = client
        .call("jobs.list", json!({"limit": 100}))
        .await
        .unwrap();
    assert_eq!(
        jobs.as_array().unwrap().len(),
        direct.as_array().unwrap().len()
    );
    assert!(jobs.as_array().unwrap().len() > 3, "more than one page");
}

#[tokio::test(flavor = "multi_thread")]
async fn bytes_go_to_a_file_and_csv_prints_as_text() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&portal);
    let image = client
        .call("media.list", json!({"type": "image", "limit": 1}))
        .await
        .unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let base = client
        .call("media.get", json!({"id": image}))
        .await
        .unwrap()["transformBaseUrl"]
        .as_str()
        .unwrap()
        .to_string();
    let mut parts = base.rsplit('/');
    let (name, id) = (parts.next().unwrap(), parts.next().unwrap());
    let png = dir.path().join("t.png");
    bynder(
        &portal,
        dir.path(),
        &[
            "api",
            "transformations.get",
            id,
            name,
            "--io",
            "transform:fill,width:120,height:80",
            "--io",
            "transform:rotate,angle:90",
            "--out",
            png.to_str().unwrap(),
        ],
    )
    .await
    .success();
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (80, 120), "fill, then rotate");

    let csv = bynder(
        &portal,
        dir.path(),
        &["api", "analytics.search_keywords_csv"],
    )
    .await;
    csv.success();
    assert!(csv.stdout.contains(','), "CSV text: {}", csv.stdout);
    assert!(
        !csv.stdout.starts_with('"'),
        "printed as text, not a JSON string"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_named() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let unknown = bynder(&portal, dir.path(), &["api", "media.fly"]).await;
    assert_ne!(unknown.code, Some(0));
    assert!(
        unknown.stderr.contains("unknown operation \"media.fly\""),
        "{unknown:#?}"
    );
    let missing = bynder(&portal, dir.path(), &["api", "media.get"]).await;
    assert_ne!(missing.code, Some(0));
    assert!(
        missing.stderr.contains("media.get needs 1 path id"),
        "{missing:#?}"
    );
    let not_paged = bynder(&portal, dir.path(), &["api", "brands.list", "--all"]).await;
    assert_ne!(not_paged.code, Some(0));
    assert!(not_paged.stderr.contains("not paged"), "{not_paged:#?}");
}
