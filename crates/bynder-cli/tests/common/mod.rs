//! Shared setup of the CLI tests: a mock portal on loopback, the built `bynder` binary run
//! against it as a child process, and a core client to check what the portal holds.
#![allow(dead_code, unused_imports)] // each test binary uses a part of it

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use bynder::Client;
use bynder::transfer::DownloadItem;
pub use bynder_mock::sample_bytes as data;
use bynder_mock::{FaultRule, MockConfig, MockPortal};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const MIB: usize = 1024 * 1024;

pub async fn portal() -> MockPortal {
    MockPortal::start(MockConfig::default())
        .await
        .expect("the mock portal starts")
}

/// A core client with the portal's permanent token.
pub fn client(portal: &MockPortal) -> Client {
    Client::builder(portal.url())
        .permanent_token(portal.config().permanent_token.as_str())
        .build()
        .unwrap()
}

/// `bynder --portal URL --token T`, run in `dir`, with no `BYNDER_*` variables inherited.
pub fn command(portal: &MockPortal, dir: &Path) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_bynder"));
    for (name, _) in std::env::vars() {
        if name.starts_with("BYNDER_") {
            command.env_remove(name);
        }
    }
    command
        .current_dir(dir)
        .arg("--portal")
        .arg(portal.url())
        .arg("--token")
        .arg(&portal.config().permanent_token)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

/// What a finished `bynder` run printed.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the run succeeded, showing its output otherwise.
    pub fn success(&self) -> &Run {
        assert_eq!(self.code, Some(0), "bynder failed: {self:#?}");
        self
    }

    /// Asserts the run failed with `code`.
    pub fn failed_with(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "unexpected exit: {self:#?}");
        self
    }

    /// stdout as JSON Lines.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
            })
            .collect()
    }
}

pub async fn finish(child: tokio::process::Child) -> Run {
    let output = tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
        .await
        .expect("bynder finished within 2 minutes")
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `bynder ARGS` against `portal` in `dir`.
pub async fn bynder(portal: &MockPortal, dir: &Path, args: &[&str]) -> Run {
    finish(command(portal, dir).args(args).spawn().unwrap()).await
}

/// Sends SIGINT, as Ctrl-C does.
pub async fn interrupt(child: &tokio::process::Child) {
    let pid = child.id().expect("the child is running").to_string();
    let status = tokio::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .await
        .unwrap();
    assert!(status.success(), "kill -INT {pid}");
}

/// Waits (up to 30 s) until `ready` holds.
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..600 {
        if ready() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

pub fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A file's checkpoint path, as the CLI names it.
pub fn checkpoint_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bynder-upload.json");
    PathBuf::from(name)
}

/// One file of an asset, downloaded through the core.
pub async fn download_bytes(client: &Client, id: &str, item: DownloadItem) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.bin");
    client
        .download(id)
        .item(item)
        .to_path(&path)
        .send()
        .await
        .unwrap();
    std::fs::read(&path).unwrap()
}

pub fn fault(value: Value) -> FaultRule {
    serde_json::from_value(value).unwrap()
}

/// The portal's first brand, as `brands.list` answers it.
pub async fn first_brand(client: &Client) -> String {
    client.brands().list().await.unwrap()[0].id.clone()
}
