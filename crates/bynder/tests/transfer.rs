//! Uploads and downloads against the mock portal over real HTTP: both flows and all three
//! targets, corrupted and dropped chunks, resume of uploads and downloads, failures that leave
//! nothing behind, and bad input refused before any request.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};

use bynder::ErrorKind;
use bynder::transfer::{
    CancelToken, DownloadItem, UploadEvent, UploadFlow, UploadSource, UploadState,
};
use bynder_mock::FaultRule;
use bynder_mock::MockPortal;
use bynder_mock::sample_bytes as data;
use common::{permanent, portal};
use serde_json::json;
use sha2::{Digest, Sha256};

const MIB: usize = 1024 * 1024;

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fault(value: serde_json::Value) -> FaultRule {
    serde_json::from_value(value).unwrap()
}

fn brand(portal: &MockPortal) -> String {
    portal.store().brand_ids()[0].clone()
}

fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Records every event of an upload.
fn recorder() -> (
    Arc<Mutex<Vec<UploadEvent>>>,
    impl Fn(&UploadEvent) + Send + Sync,
) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    (events, move |e: &UploadEvent| {
        sink.lock().unwrap().push(e.clone())
    })
}

async fn download_bytes(client: &bynder::Client, id: &str, item: DownloadItem) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.bin");
    let done = client
        .download(id)
        .item(item)
        .to_path(&path)
        .sha256(true)
        .send()
        .await
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(done.bytes, bytes.len() as u64);
    assert_eq!(done.sha256.as_deref(), Some(sha(&bytes).as_str()));
    bytes
}

#[tokio::test]
async fn files_service_upload_makes_a_new_asset_whose_download_matches() {
    let portal = portal().await;
    let client = permanent(&portal);
    let dir = tempfile::tempdir().unwrap();
    let bytes = data(12 * MIB + 123, 1);
    let path = write_file(&dir, "launch.jpg", &bytes);
    let (events, on_event) = recorder();
    let saved = client
        .upload(UploadSource::path(&path))
        .brand(brand(&portal))
        .name("Launch")
        .tags(["launch", "2026"])
        .parallelism(3)
        .on_progress(on_event)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.flow, UploadFlow::FilesService);
    assert_eq!(saved.chunks, 3);
    assert_eq!(saved.bytes, bytes.len() as u64);
    assert_eq!(saved.sha256, sha(&bytes));
    assert_eq!(portal.served("upload.chunk"), 3);
    assert_eq!(portal.served("upload.finalise"), 1);

    let media = client.media().get(&saved.media_id, false).await.unwrap();
    assert_eq!(media.name.as_deref(), Some("Launch"));
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        bytes
    );

    let events = events.lock().unwrap();
    let sent: Vec<u64> = events
        .iter()
        .filter_map(|e| match e {
            UploadEvent::ChunkSent { sent_bytes, .. } => Some(*sent_bytes),
            _ => None,
        })
        .collect();
    assert_eq!(sent.len(), 3);
    assert_eq!(sent.last(), Some(&(bytes.len() as u64)));
    assert!(matches!(
        events.first(),
        Some(UploadEvent::Started {
            chunks: Some(3),
            ..
        })
    ));
    assert!(
        matches!(events.last(), Some(UploadEvent::Saved { media_id }) if *media_id == saved.media_id)
    );
}

#[tokio::test]
async fn files_service_new_versions_and_additional_files_land_on_the_asset() {
    let portal = portal().await;
    let client = permanent(&portal);
    let first = data(MIB, 2);
    let saved = client
        .upload(UploadSource::bytes(first.clone(), "v1.png"))
        .brand(brand(&portal))
        .chunk_size(256 * 1024)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.chunks, 4);
    let second = data(700 * 1024, 3);
    let version = client
        .upload(UploadSource::bytes(second.clone(), "v2.png"))
        .new_version(&saved.media_id)
        .send()
        .await
        .unwrap();
    assert_eq!(version.media_id, saved.media_id);
    // At least once: a save sent while the file still converts is answered "not yet".
    assert!(portal.served("upload.save_version") >= 1);
    let extra = data(3000, 4);
    client
        .upload(UploadSource::bytes(extra.clone(), "notes.pdf"))
        .additional_to(&saved.media_id)
        .send()
        .await
        .unwrap();
    assert!(portal.served("upload.save_additional") >= 1);
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        second
    );
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Version(1)).await,
        first
    );
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Additional).await,
        extra
    );
}

#[tokio::test]
async fn s3_flow_serves_all_three_targets() {
    let portal = portal().await;
    let client = permanent(&portal);
    let dir = tempfile::tempdir().unwrap();
    let bytes = data(11 * MIB, 5);
    let path = write_file(&dir, "poster.tif", &bytes);
    let saved = client
        .upload(UploadSource::path(&path))
        .flow(UploadFlow::S3)
        .brand(brand(&portal))
        .description("from S3")
        .send()
        .await
        .unwrap();
    assert_eq!(saved.flow, UploadFlow::S3);
    assert_eq!(saved.chunks, 3);
    assert_eq!(portal.served("s3.upload"), 3);
    assert_eq!(portal.served("upload.s3_endpoint"), 1);
    assert!(
        portal.served("upload.s3_register") >= 4,
        "3 parts and a finalise"
    );
    assert!(portal.served("upload.s3_poll") >= 1);
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        bytes
    );

    let version = data(5 * MIB + 1, 6);
    client
        .upload(UploadSource::bytes(version.clone(), "poster-v2.tif"))
        .flow(UploadFlow::S3)
        .new_version(&saved.media_id)
        .send()
        .await
        .unwrap();
    let extra = data(1000, 7);
    let additional = client
        .upload(UploadSource::bytes(extra.clone(), "poster.txt"))
        .flow(UploadFlow::S3)
        .additional_to(&saved.media_id)
        .send()
        .await
        .unwrap();
    assert_eq!(additional.media_id, saved.media_id);
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        version
    );
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Additional).await,
        extra
    );
}

#[tokio::test]
async fn a_corrupted_chunk_is_detected_and_sent_again_alone() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(fault(
        json!({"target": {"operation": "upload.chunk"}, "fault": "corrupt", "times": 1}),
    ));
    let bytes = data(3 * MIB, 8);
    let (events, on_event) = recorder();
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "c.bin"))
        .brand(brand(&portal))
        .chunk_size(MIB as u64)
        .on_progress(on_event)
        .send()
        .await
        .unwrap();
    assert_eq!(
        portal.served("upload.chunk"),
        4,
        "3 chunks, one of them twice"
    );
    let retries = events
        .lock()
        .unwrap()
        .iter()
        .filter(|e| matches!(e, UploadEvent::ChunkRetry { .. }))
        .count();
    assert_eq!(retries, 1);
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        bytes
    );
}

#[tokio::test]
async fn a_connection_dropped_mid_chunk_is_recovered() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(fault(json!({
        "target": {"operation": "upload.chunk"},
        "fault": {"cut_request_after": 100_000},
        "times": 1
    })));
    let bytes = data(2 * MIB + 5, 9);
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "d.bin"))
        .brand(brand(&portal))
        .chunk_size(MIB as u64)
        .send()
        .await
        .unwrap();
    assert_eq!(portal.served("upload.chunk"), 4);
    assert_eq!(
        download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
        bytes
    );
}

/// Cancels after `after` chunks; answers the last checkpoint.
async fn interrupted(upload: bynder::transfer::Upload, after: usize) -> UploadState {
    let token = CancelToken::new();
    let last = Arc::new(Mutex::new(None::<UploadState>));
    let (seen, stop) = (last.clone(), token.clone());
    let error = upload
        .parallelism(1)
        .cancel_token(token)
        .on_progress(move |event| {
            if let UploadEvent::Checkpoint { state } = event {
                let done = state.done.len();
                *seen.lock().unwrap() = Some(state.clone());
                if done >= after {
                    stop.cancel();
                }
            }
        })
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Cancelled);
    last.lock().unwrap().clone().unwrap()
}

#[tokio::test]
async fn an_interrupted_upload_resumes_without_resending_finished_chunks() {
    for flow in [UploadFlow::FilesService, UploadFlow::S3] {
        let portal = portal().await;
        let client = permanent(&portal);
        let dir = tempfile::tempdir().unwrap();
        let bytes = data(25 * MIB + 7, 10);
        let path = write_file(&dir, "big.mov", &bytes);
        let upload = client
            .upload(UploadSource::path(&path))
            .flow(flow)
            .brand(brand(&portal));
        let state = interrupted(upload, 2).await;
        assert_eq!(state.done.len(), 2, "{flow:?}");
        // The record survives a trip through JSON, as a caller would store it.
        let state: UploadState =
            serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
        let chunk_route = if flow == UploadFlow::S3 {
            "s3.upload"
        } else {
            "upload.chunk"
        };
        // A chunk in flight when the upload was cancelled may still reach the mock.
        let before = portal.served_settled(chunk_route).await;
        let saved = client
            .upload(UploadSource::path(&path))
            .brand(brand(&portal))
            .resume(state)
            .send()
            .await
            .unwrap();
        assert_eq!(saved.chunks, 6);
        assert_eq!(
            portal.served(chunk_route) - before,
            4,
            "{flow:?}: only the missing chunks"
        );
        assert_eq!(saved.sha256, sha(&bytes));
        assert_eq!(
            download_bytes(&client, &saved.media_id, DownloadItem::Original).await,
            bytes
        );
    }
}

#[tokio::test]
async fn resuming_with_a_different_input_is_refused() {
    let portal = portal().await;
    let client = permanent(&portal);
    let upload = client
        .upload(UploadSource::bytes(data(3 * MIB, 11), "a.bin"))
        .chunk_size(MIB as u64)
        .brand(brand(&portal));
    let state = interrupted(upload, 1).await;
    let error = client
        .upload(UploadSource::bytes(data(2 * MIB, 11), "a.bin"))
        .brand(brand(&portal))
        .resume(state)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert!(error.message().contains("bytes"), "{error}");
}

#[tokio::test]
async fn a_download_cut_mid_body_resumes_with_a_range() {
    let portal = portal().await;
    let client = permanent(&portal);
    let bytes = data(6 * MIB, 12);
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "cut.bin"))
        .brand(brand(&portal))
        .send()
        .await
        .unwrap();
    portal.inject(fault(json!({
        "target": {"operation": "storage.download"},
        "fault": {"cut_response_after": 2_500_000},
        "times": 1
    })));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.bin");
    let done = client
        .download(&saved.media_id)
        .to_path(&path)
        .sha256(true)
        .send()
        .await
        .unwrap();
    assert_eq!(done.attempts, 2);
    assert_eq!(portal.served("storage.download"), 2);
    assert_eq!(done.sha256.as_deref(), Some(sha(&bytes).as_str()));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!dir.path().join("cut.bin.part").exists());
}

#[tokio::test]
async fn a_failed_download_leaves_no_file_unless_asked_to_keep_it_for_resume() {
    let portal = portal().await;
    let client = permanent(&portal);
    let bytes = data(4 * MIB, 13);
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "f.bin"))
        .brand(brand(&portal))
        .send()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.bin");
    let part = dir.path().join("f.bin.part");
    let break_storage = || {
        portal.inject(fault(json!({
            "target": {"operation": "storage.download"},
            "fault": {"cut_response_after": MIB},
            "times": 1
        })));
        portal.inject(fault(json!({
            "target": {"operation": "storage.download"},
            "fault": {"status": 503}
        })));
    };
    break_storage();
    let error = client
        .download(&saved.media_id)
        .to_path(&path)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server, "{error}");
    assert!(!path.exists() && !part.exists(), "nothing left behind");

    portal.clear_faults();
    break_storage();
    let error = client
        .download(&saved.media_id)
        .to_path(&path)
        .resume(true)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert!(!path.exists());
    assert_eq!(std::fs::metadata(&part).unwrap().len(), MIB as u64);

    portal.clear_faults();
    let done = client
        .download(&saved.media_id)
        .to_path(&path)
        .resume(true)
        .sha256(true)
        .send()
        .await
        .unwrap();
    assert_eq!(done.resumed_from, MIB as u64);
    assert_eq!(done.sha256.as_deref(), Some(sha(&bytes).as_str()));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!part.exists());
}

#[tokio::test]
async fn an_expired_link_is_fetched_again_and_seeded_assets_download() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = portal.store().asset_ids()[0].clone();
    let size = portal
        .store()
        .asset(&id)
        .unwrap()
        .active_original()
        .unwrap()
        .size;
    portal.inject(fault(json!({
        "target": {"operation": "storage.download"},
        "fault": {"status": 403},
        "times": 1
    })));
    let dir = tempfile::tempdir().unwrap();
    let done = client
        .download(&id)
        .to_dir(dir.path())
        .send()
        .await
        .unwrap();
    assert_eq!(done.bytes, size);
    assert_eq!(portal.served("media.download_location"), 2);
    let path = done.path.unwrap();
    assert_eq!(path.parent(), Some(dir.path()));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), size);
}

#[tokio::test]
async fn downloads_stream_into_any_writer() {
    let portal = portal().await;
    let client = permanent(&portal);
    let bytes = data(MIB + 3, 14);
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "w.bin"))
        .brand(brand(&portal))
        .send()
        .await
        .unwrap();
    let buffer = Arc::new(Mutex::new(Vec::new()));
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let done = client
        .download(&saved.media_id)
        .to_writer(Shared(buffer.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(done.path, None);
    assert_eq!(*buffer.lock().unwrap(), bytes);
}

#[tokio::test]
async fn bad_input_is_refused_before_any_request() {
    let portal = portal().await;
    let client = permanent(&portal);
    let no_brand = client
        .upload(UploadSource::bytes(vec![1, 2, 3], "a.bin"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(no_brand.kind(), ErrorKind::InvalidArgument);
    assert!(no_brand.message().contains("brand"));
    let small = client
        .upload(UploadSource::bytes(vec![1, 2, 3], "a.bin"))
        .brand(brand(&portal))
        .flow(UploadFlow::S3)
        .chunk_size(1024)
        .send()
        .await
        .unwrap_err();
    assert_eq!(small.kind(), ErrorKind::InvalidArgument);
    let missing = client
        .upload(UploadSource::path("/nonexistent/file.jpg"))
        .brand(brand(&portal))
        .send()
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Io);
    assert!(missing.message().contains("/nonexistent/file.jpg"));
    let bad_id = client
        .download("not-an-id")
        .to_dir(std::env::temp_dir())
        .send()
        .await
        .unwrap_err();
    assert_eq!(bad_id.kind(), ErrorKind::InvalidId);
    let nowhere = client
        .download(portal.store().asset_ids()[0].clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(nowhere.kind(), ErrorKind::InvalidArgument);
    assert_eq!(portal.stats().requests, 0);
    let cancelled = CancelToken::new();
    cancelled.cancel();
    let error = client
        .upload(UploadSource::bytes(vec![1], "a.bin"))
        .brand(brand(&portal))
        .cancel_token(cancelled)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Cancelled);
}

#[tokio::test]
async fn a_chunk_refused_for_good_fails_the_upload_with_its_index() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(fault(
        json!({"target": {"operation": "upload.chunk"}, "fault": {"status": 400}}),
    ));
    let error = client
        .upload(UploadSource::bytes(data(1000, 15), "bad.bin"))
        .brand(brand(&portal))
        .chunk_attempts(2)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert!(error.message().contains("chunk 0"), "{error}");
    assert!(error.message().contains("bad.bin"), "{error}");
    assert_eq!(portal.served("upload.chunk"), 2);
    assert_eq!(
        portal.served("upload.finalise"),
        0,
        "never reported as saved"
    );
}
