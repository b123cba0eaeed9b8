//! `bynder download` against a mock portal over HTTP: several assets at once compared byte for
//! byte, versions and additional files, and failures that name the id.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use bynder::Client;
use bynder::transfer::UploadSource;
use common::*;

async fn upload(client: &Client, brand: &str, bytes: &[u8], name: &str) -> String {
    client
        .upload(UploadSource::bytes(bytes.to_vec(), name))
        .brand(brand)
        .chunk_size(MIB as u64)
        .send()
        .await
        .unwrap()
        .media_id
}

#[tokio::test(flavor = "multi_thread")]
async fn several_assets_download_in_parallel_byte_for_byte() {
    let portal = portal().await;
    let client = client(&portal);
    let brand = first_brand(&client).await;
    let files = [
        ("one.bin", data(3 * MIB + 5, 30)),
        ("two.bin", data(MIB, 31)),
        ("three.bin", data(10, 32)),
    ];
    let mut ids = Vec::new();
    for (name, bytes) in &files {
        ids.push(upload(&client, &brand, bytes, name).await);
    }
    let dir = tempfile::tempdir().unwrap();

    let mut args = vec!["download"];
    args.extend(ids.iter().map(String::as_str));
    args.extend(["--out", "sub/dir", "--parallel", "2", "--sha256", "--json"]);
    let run = bynder(&portal, dir.path(), &args).await;
    run.success();
    let lines = run.json_lines();
    assert_eq!(lines.len(), 3, "{run:#?}");
    for (id, (_, bytes)) in ids.iter().zip(&files) {
        let line = lines
            .iter()
            .find(|line| line["media_id"] == id.as_str())
            .unwrap_or_else(|| panic!("no line for {id}: {run:#?}"));
        assert_eq!(line["bytes"], bytes.len() as u64);
        assert_eq!(line["sha256"], sha(bytes));
        assert_eq!(line["resumed_from"], 0);
        let path = std::path::Path::new(line["path"].as_str().unwrap());
        assert!(path.starts_with("sub/dir"), "{line}");
        assert_eq!(&std::fs::read(dir.path().join(path)).unwrap(), bytes);
    }

    // Human output: one line per file; the default directory is the current one.
    let run = bynder(&portal, dir.path(), &["download", &ids[2]]).await;
    run.success();
    assert!(
        run.stdout.starts_with(&format!("downloaded {} → ", ids[2])),
        "{run:#?}"
    );
    let name = run
        .stdout
        .split(" → ")
        .nth(1)
        .and_then(|rest| rest.split(" (").next())
        .unwrap();
    assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), files[2].1);
}

#[tokio::test(flavor = "multi_thread")]
async fn versions_and_additional_files_download_on_request() {
    let portal = portal().await;
    let client = client(&portal);
    let brand = first_brand(&client).await;
    let (first, second, extra) = (data(5000, 33), data(7000, 34), data(900, 35));
    let id = upload(&client, &brand, &first, "plan.pdf").await;
    client
        .upload(UploadSource::bytes(second.clone(), "plan-v2.pdf"))
        .new_version(&id)
        .send()
        .await
        .unwrap();
    client
        .upload(UploadSource::bytes(extra.clone(), "plan.txt"))
        .additional_to(&id)
        .send()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (flags, expected) in [
        (&["--out", "current"][..], &second),
        (&["--out", "v1", "--version", "1"], &first),
        (&["--out", "extra", "--additional"], &extra),
    ] {
        let mut args = vec!["download", id.as_str(), "--json"];
        args.extend(flags);
        let run = bynder(&portal, dir.path(), &args).await;
        run.success();
        let path = dir
            .path()
            .join(run.json_lines()[0]["path"].as_str().unwrap());
        assert_eq!(&std::fs::read(path).unwrap(), expected, "{flags:?}");
    }
    // One choice of file at a time.
    bynder(
        &portal,
        dir.path(),
        &["download", &id, "--version", "1", "--additional"],
    )
    .await
    .failed_with(2);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_and_unknown_ids_fail_by_name_and_the_others_download() {
    let portal = portal().await;
    let client = client(&portal);
    let brand = first_brand(&client).await;
    let bytes = data(2000, 36);
    let id = upload(&client, &brand, &bytes, "ok.bin").await;
    let dir = tempfile::tempdir().unwrap();

    let run = bynder(&portal, dir.path(), &["download", "not-an-id"]).await;
    run.failed_with(1);
    assert!(run.stderr.contains("cannot download not-an-id"), "{run:#?}");
    assert!(run.stderr.contains("invalid_id"), "{run:#?}");

    let unknown = "00000000-0000-0000-0000000000000000";
    let run = bynder(
        &portal,
        dir.path(),
        &["download", unknown, &id, "--json", "--out", "got"],
    )
    .await;
    run.failed_with(1);
    assert!(
        run.stderr.contains(&format!("cannot download {unknown}")),
        "{run:#?}"
    );
    assert!(run.stderr.contains("not_found"), "{run:#?}");
    assert!(run.stderr.contains("1 of 2 downloads failed"), "{run:#?}");
    let lines = run.json_lines();
    assert_eq!(lines.len(), 1, "{run:#?}");
    assert_eq!(lines[0]["media_id"], id.as_str());
    let path = dir.path().join(lines[0]["path"].as_str().unwrap());
    assert_eq!(std::fs::read(path).unwrap(), bytes);
}
