//! Helpers of the tests of write answers (`typed_models_writes.rs`, `typed_models_uploads.rs`):
//! the operations each test calls, calls whose answer is checked against the model the table
//! names, and a Files Service upload. Included with `#[path]` (with `checked.rs`), so a test
//! that uses only part of it must not warn about the rest.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use bynder::Client;
use bynder::id::BynderId;
use bynder::models::*;
use bynder::ops::Model;
use bynder_mock::{MockConfig, MockPortal};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::checked::Checked;
use crate::common::typed::call;
use crate::common::{portal_with, rfc};

// The operations each test calls: `crate::common::typed::scenarios`.
pub use crate::common::typed::scenarios::*;

/// The operations one test calls; it fails unless it called each of them, and a call of one
/// not listed fails at once.
pub struct Seen {
    expected: &'static [&'static str],
    called: BTreeSet<&'static str>,
}

impl Seen {
    pub fn new(expected: &'static [&'static str]) -> Seen {
        Seen {
            expected,
            called: BTreeSet::new(),
        }
    }

    pub fn record(&mut self, op: &'static str) {
        assert!(
            self.expected.contains(&op),
            "{op} is not listed for this test"
        );
        self.called.insert(op);
    }

    pub fn done(self) {
        let missed: Vec<_> = self
            .expected
            .iter()
            .filter(|op| !self.called.contains(*op))
            .collect();
        assert!(missed.is_empty(), "never called: {missed:?}");
    }
}

/// Fails unless the table says `op` answers `model`.
pub fn expect_model(op: &str, model: Model) {
    let named = bynder::ops::find(op)
        .unwrap_or_else(|| panic!("no operation {op}"))
        .result;
    assert_eq!(named, Some(model), "{op}: the table names {named:?}");
}

/// Calls `op` and checks its answer against the one model the table names for it.
pub async fn one<T: Checked>(
    seen: &mut Seen,
    client: &Client,
    op: &'static str,
    params: Value,
) -> (T, Value) {
    expect_model(op, Model::One(T::NAME));
    let raw = call(client, op, params).await;
    seen.record(op);
    (T::check(&raw), raw)
}

/// Calls `op` and checks every item of its list answer.
pub async fn list<T: Checked>(
    seen: &mut Seen,
    client: &Client,
    op: &'static str,
    params: Value,
) -> (Vec<T>, Value) {
    expect_model(op, Model::List(T::NAME));
    let raw = call(client, op, params).await;
    seen.record(op);
    let items = raw.as_array().unwrap_or_else(|| panic!("{op}: {raw}"));
    assert!(!items.is_empty(), "{op}: an empty list tests nothing");
    (items.iter().map(T::check).collect(), raw)
}

/// Calls `op` and checks every value of its answer keyed by name (or id).
pub async fn by_name<T: Checked>(
    seen: &mut Seen,
    client: &Client,
    op: &'static str,
    params: Value,
) -> (BTreeMap<String, T>, Value) {
    expect_model(op, Model::ByName(T::NAME));
    let raw = call(client, op, params).await;
    seen.record(op);
    let entries = raw.as_object().unwrap_or_else(|| panic!("{op}: {raw}"));
    assert!(!entries.is_empty(), "{op}: an empty object tests nothing");
    let typed = entries
        .iter()
        .map(|(key, value)| (key.clone(), T::check(value)))
        .collect();
    (typed, raw)
}

/// A portal whose uploads are converted at once, so polls and saves answer done.
pub async fn quick_portal() -> MockPortal {
    portal_with(MockConfig {
        processing_delay: Duration::ZERO,
        ..MockConfig::default()
    })
    .await
}

pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The same id in the same form: ids compare whatever their spelling.
pub fn same_id(a: &str, b: &str) -> bool {
    BynderId::parse(a).unwrap() == BynderId::parse(b).unwrap()
}

/// A whole Files Service upload (prepare, one chunk, finalise), each answer checked; answers
/// the file id. The chunk is raw bytes with a `Content-SHA256` header, which the generic door
/// does not send, so it goes over plain HTTP to the table's path.
pub async fn files_service_upload(
    seen: &mut Seen,
    portal: &MockPortal,
    client: &Client,
    name: &str,
    data: &[u8],
) -> String {
    let (prepared, raw) = one::<UploadPrepared>(seen, client, "upload.prepare", json!({})).await;
    let file_id = prepared.file_id.unwrap();
    assert_eq!(Some(file_id.as_str()), raw["file_id"].as_str());
    assert_eq!(rfc(&file_id), file_id, "file ids are RFC 4122");

    let op = bynder::ops::find("upload.chunk").unwrap();
    expect_model(op.name, Model::One(NoContent::NAME));
    let path = op
        .path
        .replace("{file_id}", &file_id)
        .replace("{chunk_number}", "0");
    let sha = sha256_hex(data);
    let response = reqwest::Client::new()
        .post(format!("{}{path}", portal.url()))
        .bearer_auth(portal.config().permanent_token.as_str())
        .header("Content-SHA256", &sha)
        .body(data.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let body = response.bytes().await.unwrap();
    let raw = if body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| Value::from(&*String::from_utf8_lossy(&body)))
    };
    seen.record("upload.chunk");
    NoContent::check(&raw);

    let params = json!({"file_id": file_id, "fileName": name, "fileSize": data.len(),
        "chunksCount": 1, "sha256": sha});
    one::<NoContent>(seen, client, "upload.finalise", params).await;
    file_id
}
