//! `bynder demo`: the whole journey, including the upload of a generated multi-chunk file and
//! its download with the SHA-256 compared.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use serde_json::Value;

fn demo(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bynder"))
        .arg("demo")
        .args(args)
        .output()
        .unwrap()
}

fn step<'a>(steps: &'a [Value], starts_with: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| {
            s["step"]
                .as_str()
                .is_some_and(|t| t.starts_with(starts_with))
        })
        .unwrap_or_else(|| panic!("no step starting {starts_with:?} in {steps:#?}"))
}

#[test]
fn the_json_journey_uploads_and_downloads_a_file_with_matching_checksums() {
    let output = demo(&["--json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "demo failed: {stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["ok"], true);
    let steps = report["steps"].as_array().unwrap();

    let uploaded = &step(steps, "Uploaded a generated file")["detail"];
    assert_eq!(uploaded["bytes"], 12 * 1024 * 1024);
    assert!(uploaded["chunks"].as_u64().unwrap() >= 2, "{uploaded}");
    assert_eq!(uploaded["flow"], "files_service");
    let sha = uploaded["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);

    let downloaded = &step(steps, "Downloaded the new asset")["detail"];
    assert_eq!(downloaded["bytes"], uploaded["bytes"]);
    assert_eq!(downloaded["sha256"], sha);
    assert_eq!(downloaded["sha256_matches_upload"], true);

    // The transfer steps sit between the collection step and the resilience step.
    let position = |prefix: &str| {
        steps
            .iter()
            .position(|s| s["step"].as_str().is_some_and(|t| t.starts_with(prefix)))
            .unwrap()
    };
    assert!(position("Created a collection") < position("Uploaded a generated file"));
    assert!(position("Downloaded the new asset") < position("Survived"));
}

#[test]
fn the_human_journey_shows_the_file_steps() {
    let output = demo(&[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("✓ Uploaded a generated file in chunks"),
        "{stdout}"
    );
    assert!(
        stdout.contains("SHA-256 equals the uploaded file's"),
        "{stdout}"
    );
}
