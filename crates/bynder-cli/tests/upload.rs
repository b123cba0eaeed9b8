//! `bynder upload` against a mock portal over HTTP: both flows, the JSON it prints checked
//! against what the portal holds, several files, versions and additional files, and failures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use bynder::transfer::DownloadItem;
use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_files_service_upload_prints_the_saved_asset_the_portal_holds() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let bytes = data(3 * MIB + 100, 1);
    let path = write_file(dir.path(), "brochure.pdf", &bytes);
    let brand = first_brand(&client).await;
    let property = client
        .metaproperties()
        .list(true)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.options.len() >= 2)
        .expect("a metaproperty with options");
    let options = [&property.options[0].id, &property.options[1].id];
    let metaproperty = format!("{}={},{}", property.id, options[0], options[1]);

    let run = bynder(
        &portal,
        dir.path(),
        &[
            "upload",
            "brochure.pdf",
            "--json",
            "--brand",
            &brand,
            "--name",
            "Spring brochure",
            "--description",
            "Printed in March",
            "--tags",
            "spring,print",
            "--metaproperty",
            &metaproperty,
            "--flow",
            "files-service",
            "--chunk-size",
            "1",
            "--parallel",
            "2",
        ],
    )
    .await;
    run.success();
    let lines = run.json_lines();
    assert_eq!(lines.len(), 1, "{run:#?}");
    let saved = &lines[0];
    assert_eq!(saved["path"], "brochure.pdf");
    assert_eq!(saved["flow"], "files_service");
    assert_eq!(saved["target"]["kind"], "new_asset");
    assert_eq!(saved["file_name"], "brochure.pdf");
    assert_eq!(saved["bytes"], bytes.len() as u64);
    assert_eq!(saved["chunks"], 4);
    assert_eq!(saved["sha256"], sha(&bytes));
    assert_eq!(portal.served("upload.chunk"), 4);

    let id = saved["media_id"].as_str().unwrap();
    let asset = client.media().get(id, false).await.unwrap();
    assert_eq!(asset.name.as_deref(), Some("Spring brochure"));
    assert_eq!(asset.description.as_deref(), Some("Printed in March"));
    assert!(
        asset.tags.contains(&"spring".to_string()),
        "{:?}",
        asset.tags
    );
    assert!(
        asset.tags.contains(&"print".to_string()),
        "{:?}",
        asset.tags
    );
    assert_eq!(
        asset.brand_id.as_deref().map(str::to_uppercase),
        Some(brand.to_uppercase())
    );
    for option in options {
        assert!(
            asset.property_options.contains(option),
            "{option} not in {:?}",
            asset.property_options
        );
    }
    assert_eq!(
        download_bytes(&client, id, DownloadItem::Original).await,
        bytes
    );
    assert!(
        !checkpoint_of(&path).exists(),
        "the checkpoint is deleted after success"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn several_files_go_up_through_s3_under_the_first_brand() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let big = data(6 * MIB, 2);
    let small = data(1000, 3);
    write_file(dir.path(), "poster.tif", &big);
    write_file(dir.path(), "note.txt", &small);

    let run = bynder(
        &portal,
        dir.path(),
        &[
            "upload",
            "poster.tif",
            "note.txt",
            "--flow",
            "s3",
            "--jobs",
            "2",
            "--json",
        ],
    )
    .await;
    run.success();
    assert!(
        run.stderr.contains("using the portal's first brand"),
        "{run:#?}"
    );
    let brand = first_brand(&client).await;
    let mut lines = run.json_lines();
    assert_eq!(lines.len(), 2, "{run:#?}");
    lines.sort_by_key(|line| line["path"].as_str().unwrap().to_string());
    for (line, (name, bytes, chunks)) in lines
        .iter()
        .zip([("note.txt", &small, 1), ("poster.tif", &big, 2)])
    {
        assert_eq!(line["path"], name);
        assert_eq!(line["flow"], "s3");
        assert_eq!(line["chunks"], chunks);
        assert_eq!(line["sha256"], sha(bytes));
        let id = line["media_id"].as_str().unwrap();
        let asset = client.media().get(id, false).await.unwrap();
        assert_eq!(
            asset.brand_id.as_deref().map(str::to_uppercase),
            Some(brand.to_uppercase())
        );
        assert_eq!(
            &download_bytes(&client, id, DownloadItem::Original).await,
            bytes
        );
    }
    assert!(portal.served("upload.s3_init") >= 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn versions_and_additional_files_land_on_the_named_asset() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let (first, second, extra) = (data(600_000, 4), data(700_000, 5), data(3000, 6));
    write_file(dir.path(), "logo.png", &first);
    write_file(dir.path(), "logo-v2.png", &second);
    write_file(dir.path(), "logo.svg", &extra);

    let run = bynder(&portal, dir.path(), &["upload", "logo.png", "--json"]).await;
    run.success();
    let id = run.json_lines()[0]["media_id"]
        .as_str()
        .unwrap()
        .to_string();

    // Human output: one line naming the file and the asset.
    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "logo-v2.png", "--version-of", &id],
    )
    .await;
    run.success();
    assert!(
        run.stdout
            .starts_with("uploaded logo-v2.png → new version of asset"),
        "{run:#?}"
    );
    assert!(run.stdout.contains(&id), "{run:#?}");

    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "logo.svg", "--additional-to", &id, "--json"],
    )
    .await;
    run.success();
    let line = &run.json_lines()[0];
    assert_eq!(line["target"]["kind"], "additional");
    assert_eq!(line["media_id"], id.as_str());

    assert_eq!(
        download_bytes(&client, &id, DownloadItem::Original).await,
        second
    );
    assert_eq!(
        download_bytes(&client, &id, DownloadItem::Version(1)).await,
        first
    );
    assert_eq!(
        download_bytes(&client, &id, DownloadItem::Additional).await,
        extra
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_file_fails_by_name_and_the_others_still_upload() {
    let portal = portal().await;
    let client = client(&portal);
    let dir = tempfile::tempdir().unwrap();
    let bytes = data(2000, 7);
    write_file(dir.path(), "here.jpg", &bytes);

    let run = bynder(&portal, dir.path(), &["upload", "gone.jpg"]).await;
    run.failed_with(1);
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(run.stderr.contains("cannot upload gone.jpg"), "{run:#?}");
    assert!(run.stderr.contains("io"), "{run:#?}");

    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "gone.jpg", "here.jpg", "--json"],
    )
    .await;
    run.failed_with(1);
    assert!(run.stderr.contains("cannot upload gone.jpg"), "{run:#?}");
    assert!(run.stderr.contains("1 of 2 uploads failed"), "{run:#?}");
    let lines = run.json_lines();
    assert_eq!(lines.len(), 1, "{run:#?}");
    assert_eq!(lines[0]["path"], "here.jpg");
    let id = lines[0]["media_id"].as_str().unwrap();
    assert_eq!(
        download_bytes(&client, id, DownloadItem::Original).await,
        bytes
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_targets_and_flags_fail_before_any_byte_is_sent() {
    let portal = portal().await;
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "a.bin", &data(100, 8));

    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "a.bin", "--version-of", "not-an-id"],
    )
    .await;
    run.failed_with(1);
    assert!(
        run.stderr.contains("cannot upload to asset not-an-id"),
        "{run:#?}"
    );
    let unknown = "00000000-0000-0000-0000000000000000";
    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "a.bin", "--additional-to", unknown],
    )
    .await;
    run.failed_with(1);
    assert!(run.stderr.contains(unknown), "{run:#?}");
    assert!(run.stderr.contains("not_found"), "{run:#?}");
    assert_eq!(portal.served("upload.prepare"), 0, "nothing was uploaded");

    // Usage errors: clap's exit code 2.
    for args in [
        &["upload", "a.bin", "--metaproperty", "no-equals-sign"][..],
        &["upload", "a.bin", "--chunk-size", "0"],
        &["upload", "a.bin", "--version-of", unknown, "--tags", "x"],
        &["upload", "a.bin", "--flow", "ftp"],
    ] {
        bynder(&portal, dir.path(), args).await.failed_with(2);
    }
    // The S3 flow's 5 MiB minimum comes from the core, naming the size.
    let run = bynder(
        &portal,
        dir.path(),
        &["upload", "a.bin", "--flow", "s3", "--chunk-size", "1"],
    )
    .await;
    run.failed_with(1);
    assert!(run.stderr.contains("5 MiB"), "{run:#?}");
}
