//! Interrupted transfers: Ctrl-C stops an upload with exit code 130 and keeps its checkpoint,
//! the same command resumes it; stale checkpoints are ignored; a download continues its `.part`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use bynder::transfer::{DownloadItem, UploadSource};
use bynder_mock::MockPortal;
use common::*;
use serde_json::{Value, json};

/// Chunks of the interrupted uploads: 1 MiB each, one at a time.
const UPLOAD_ARGS: [&str; 5] = ["--chunk-size", "1", "--parallel", "1", "--json"];

fn chunks_done(checkpoint: &Path) -> usize {
    std::fs::read_to_string(checkpoint)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|record| record["state"]["done"].as_array().map(Vec::len))
        .unwrap_or(0)
}

/// Starts uploading `name` with slow chunks and presses Ctrl-C once some are in; answers the
/// chunks the checkpoint holds.
async fn interrupted_upload(portal: &MockPortal, dir: &Path, name: &str) -> usize {
    portal.inject(fault(json!({
        "target": {"operation": "upload.chunk"},
        "fault": {"latency_ms": 250}
    })));
    let checkpoint = checkpoint_of(&dir.join(name));
    let mut args = vec!["upload", name];
    args.extend(UPLOAD_ARGS);
    let child = command(portal, dir).args(&args).spawn().unwrap();
    wait_until("two chunks are in the checkpoint", || {
        chunks_done(&checkpoint) >= 2
    })
    .await;
    interrupt(&child).await;
    let run = finish(child).await;
    portal.clear_faults();
    run.failed_with(130);
    assert!(run.stdout.is_empty(), "nothing was saved: {run:#?}");
    assert!(run.stderr.contains("interrupted"), "{run:#?}");
    assert!(run.stderr.contains("checkpoint kept at"), "{run:#?}");
    let done = chunks_done(&checkpoint);
    assert!((2..6).contains(&done), "{done} chunks in the checkpoint");
    done
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_c_keeps_the_checkpoint_and_the_same_command_resumes() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let bytes = data(6 * MIB, 20);
    let path = write_file(dir.path(), "film.mov", &bytes);

    let done = interrupted_upload(&portal, dir.path(), "film.mov").await;
    let prepared = portal.served("upload.prepare");
    let chunks_before = portal.served_settled("upload.chunk").await;

    let mut args = vec!["upload", "film.mov"];
    args.extend(UPLOAD_ARGS);
    let run = bynder(&portal, dir.path(), &args).await;
    run.success();
    assert!(
        run.stderr
            .contains(&format!("resuming: {done} of 6 chunks already sent")),
        "{run:#?}"
    );
    assert_eq!(
        portal.served("upload.prepare"),
        prepared,
        "the session was reused"
    );
    assert_eq!(
        portal.served("upload.chunk") - chunks_before,
        6 - done as u64,
        "only the missing chunks were sent"
    );
    let saved = &run.json_lines()[0];
    assert_eq!(saved["sha256"], sha(&bytes));
    assert_eq!(saved["chunks"], 6);
    let id = saved["media_id"].as_str().unwrap();
    assert_eq!(
        download_bytes(&client, id, DownloadItem::Original).await,
        bytes
    );
    assert!(!checkpoint_of(&path).exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_checkpoint_of_a_changed_file_or_garbage_is_ignored() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "deck.key", &data(6 * MIB, 21));
    interrupted_upload(&portal, dir.path(), "deck.key").await;

    // The file is edited before the upload is run again: starting over is the only safe thing.
    let edited = data(5 * MIB + 7, 22);
    std::fs::write(&path, &edited).unwrap();
    let mut args = vec!["upload", "deck.key"];
    args.extend(UPLOAD_ARGS);
    let run = bynder(&portal, dir.path(), &args).await;
    run.success();
    assert!(
        run.stderr.contains("the file changed") && run.stderr.contains("starting over"),
        "{run:#?}"
    );
    assert!(!run.stderr.contains("resuming"), "{run:#?}");
    let id = run.json_lines()[0]["media_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        download_bytes(&client, &id, DownloadItem::Original).await,
        edited
    );

    std::fs::write(checkpoint_of(&path), "{ not a checkpoint").unwrap();
    let run = bynder(&portal, dir.path(), &args).await;
    run.success();
    assert!(run.stderr.contains("ignoring the checkpoint"), "{run:#?}");
    assert!(!checkpoint_of(&path).exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_ignores_a_good_checkpoint() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "clip.mp4", &data(6 * MIB, 23));
    interrupted_upload(&portal, dir.path(), "clip.mp4").await;
    let prepared = portal.served("upload.prepare");
    let mut args = vec!["upload", "clip.mp4", "--restart"];
    args.extend(UPLOAD_ARGS);
    let run = bynder(&portal, dir.path(), &args).await;
    run.success();
    assert!(!run.stderr.contains("resuming"), "{run:#?}");
    assert_eq!(
        portal.served("upload.prepare"),
        prepared + 1,
        "a new session"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_download_continues_its_part_file() {
    let portal = portal().await;
    let client = client(&portal);
    let bytes = data(4 * MIB, 24);
    let brand = first_brand(&client).await;
    let saved = client
        .upload(UploadSource::bytes(bytes.clone(), "archive.zip"))
        .brand(brand)
        .send()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");

    portal.inject(fault(json!({
        "target": {"operation": "storage.download"},
        "fault": {"slow_body_ms": 4000},
        "times": 1
    })));
    let child = command(&portal, dir.path())
        .args(["download", &saved.media_id, "--out", "out", "--json"])
        .spawn()
        .unwrap();
    let part_size = || {
        std::fs::read_dir(&out)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".part"))
            .filter_map(|entry| entry.metadata().ok())
            .map(|metadata| metadata.len())
            .next()
            .unwrap_or(0)
    };
    wait_until("part of the file is on disk", || part_size() > 0).await;
    interrupt(&child).await;
    let run = finish(child).await;
    run.failed_with(130);
    assert!(run.stderr.contains("partial file is kept"), "{run:#?}");
    let kept = part_size();
    assert!(kept > 0 && kept < bytes.len() as u64, "{kept} bytes kept");

    portal.clear_faults();
    let run = bynder(
        &portal,
        dir.path(),
        &[
            "download",
            &saved.media_id,
            "--out",
            "out",
            "--json",
            "--sha256",
        ],
    )
    .await;
    run.success();
    assert!(
        run.stderr.contains("continuing an interrupted download"),
        "{run:#?}"
    );
    let line = &run.json_lines()[0];
    assert_eq!(line["resumed_from"], kept, "{line}");
    assert_eq!(line["sha256"], sha(&bytes));
    let path = dir.path().join(line["path"].as_str().unwrap());
    assert_eq!(std::fs::read(path).unwrap(), bytes);
    assert_eq!(part_size(), 0, "the .part file became the file");
}
