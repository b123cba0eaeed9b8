//! Helpers for the upload and storage tests: both upload flows spoken over HTTP the way the
//! official SDKs speak them, step by step so tests can break any step.
// Helpers of tests: a failed setup step should panic the test, like `unwrap` in a test body.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use reqwest::{Client, Response};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{TOKEN, json};

/// S3's smallest part but the last.
pub const MIB5: usize = 5 * 1024 * 1024;

/// Lower-case hex SHA-256.
pub fn sha_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `len` deterministic bytes that differ per `seed`.
pub fn data(len: usize, seed: u8) -> Vec<u8> {
    let mut state = u32::from(seed).wrapping_mul(2_654_435_761) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect()
}

/// `POST path` with a form body and the permanent token.
pub async fn post_form_auth(
    client: &Client,
    base: &str,
    path: &str,
    pairs: &[(&str, &str)],
) -> Response {
    client
        .post(format!("{base}{path}"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap()
}

/// `GET path` with the permanent token, as JSON with its status.
pub async fn get_json(client: &Client, base: &str, path: &str) -> (u16, Value) {
    let response = client
        .get(format!("{base}{path}"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Status and JSON body (`Null` when there is none).
pub async fn answer(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

// --- Files Service -------------------------------------------------------------------------

/// `prepare` → the file id.
pub async fn prepare(client: &Client, base: &str) -> String {
    let response = client
        .post(format!("{base}/v7/file_cmds/upload/prepare"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    json(response).await["file_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Sends chunk `n` with `sha` as its `Content-SHA256` (none: the header is left out).
pub async fn chunk(
    client: &Client,
    base: &str,
    file_id: &str,
    n: u32,
    bytes: Vec<u8>,
    sha: Option<&str>,
) -> Response {
    let mut request = client
        .post(format!("{base}/v7/file_cmds/upload/{file_id}/chunk/{n}"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/octet-stream")
        .body(bytes);
    if let Some(sha) = sha {
        request = request.header("Content-SHA256", sha);
    }
    request.send().await.unwrap()
}

/// Sends chunk `n` with its correct hash and expects 201.
pub async fn good_chunk(client: &Client, base: &str, file_id: &str, n: u32, bytes: &[u8]) {
    let sha = sha_hex(bytes);
    let response = chunk(client, base, file_id, n, bytes.to_vec(), Some(&sha)).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}

/// `finalise_api` with these fields.
pub async fn finalise(
    client: &Client,
    base: &str,
    file_id: &str,
    name: &str,
    size: usize,
    count: usize,
    sha: &str,
) -> Response {
    let (size, count) = (size.to_string(), count.to_string());
    post_form_auth(
        client,
        base,
        &format!("/v7/file_cmds/upload/{file_id}/finalise_api"),
        &[
            ("fileName", name),
            ("fileSize", &size),
            ("chunksCount", &count),
            ("sha256", sha),
        ],
    )
    .await
}

/// A whole Files Service upload of `bytes` in `chunk_size` chunks (sent in parallel), up to
/// and including a successful finalise; answers the file id.
pub async fn fs_upload(
    client: &Client,
    base: &str,
    name: &str,
    bytes: &[u8],
    chunk_size: usize,
) -> String {
    let file_id = prepare(client, base).await;
    let sends = bytes
        .chunks(chunk_size.max(1))
        .enumerate()
        .map(|(n, piece)| {
            let file_id = file_id.clone();
            async move { good_chunk(client, base, &file_id, n as u32, piece).await }
        });
    futures::future::join_all(sends).await;
    let count = bytes.len().div_ceil(chunk_size.max(1)).max(1);
    let response = finalise(
        client,
        base,
        &file_id,
        name,
        bytes.len(),
        count,
        &sha_hex(bytes),
    )
    .await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    file_id
}

// --- S3 flow -------------------------------------------------------------------------------

/// What `upload/init` answered.
#[derive(Debug, Clone)]
pub struct Init {
    pub upload_id: String,
    pub target_id: String,
    pub key: String,
    pub params: serde_json::Map<String, Value>,
}

/// `GET /api/upload/endpoint/`.
pub async fn s3_endpoint(client: &Client, base: &str) -> String {
    let (status, body) = get_json(client, base, "/api/upload/endpoint/").await;
    assert_eq!(status, 200);
    body.as_str().unwrap().to_string()
}

/// `POST /api/upload/init` for `filename`.
pub async fn init(client: &Client, base: &str, filename: &str) -> Init {
    let (status, body) =
        answer(post_form_auth(client, base, "/api/upload/init", &[("filename", filename)]).await)
            .await;
    assert_eq!(status, 200, "{body}");
    Init {
        upload_id: body["s3file"]["uploadid"].as_str().unwrap().to_string(),
        target_id: body["s3file"]["targetid"].as_str().unwrap().to_string(),
        key: body["s3_filename"].as_str().unwrap().to_string(),
        params: body["multipart_params"].as_object().unwrap().clone(),
    }
}

/// The boundary of the hand-built forms.
pub const BOUNDARY: &str = "----bynder-mock-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body of `fields` in order (a field named `file` is a file part).
pub fn form_body(fields: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        if name == "file" {
            body.extend_from_slice(
                b"Content-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            );
        } else {
            body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            );
        }
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// The fields of part `n` of `chunks` as the official SDKs send them, `file` last.
pub fn part_fields(init: &Init, n: u32, chunks: u32, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let key = format!("{}/p{n}", init.key);
    let mut fields: Vec<(String, Vec<u8>)> = init
        .params
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().as_bytes().to_vec()))
        .collect();
    for (name, value) in [
        ("key", key.clone()),
        ("name", "file.bin".to_string()),
        ("chunk", n.to_string()),
        ("chunks", chunks.to_string()),
        ("Filename", key),
    ] {
        match fields.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value.into_bytes(),
            None => fields.push((name.to_string(), value.into_bytes())),
        }
    }
    fields.push(("file".to_string(), bytes.to_vec()));
    fields
}

/// POSTs a form to the S3 endpoint (no Authorization header).
pub async fn s3_post(client: &Client, endpoint: &str, fields: &[(String, Vec<u8>)]) -> Response {
    client
        .post(endpoint)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form_body(fields))
        .send()
        .await
        .unwrap()
}

/// Registers part `n` (`POST /api/v4/upload/` with the id in the form).
pub async fn register(client: &Client, base: &str, init: &Init, n: u32) -> Response {
    let (filename, n) = (format!("{}/p{n}", init.key), n.to_string());
    post_form_auth(
        client,
        base,
        "/api/v4/upload/",
        &[
            ("id", &init.upload_id),
            ("targetid", &init.target_id),
            ("filename", &filename),
            ("chunkNumber", &n),
        ],
    )
    .await
}

/// Finalises (`POST /api/v4/upload/{id}/`, `s3_filename` of the last part, as the SDKs do).
pub async fn s3_finalise(client: &Client, base: &str, init: &Init, chunks: u32) -> Response {
    let (s3_filename, chunks) = (format!("{}/p{chunks}", init.key), chunks.to_string());
    post_form_auth(
        client,
        base,
        &format!("/api/v4/upload/{}/", init.upload_id),
        &[
            ("id", &init.upload_id),
            ("targetid", &init.target_id),
            ("s3_filename", &s3_filename),
            ("chunks", &chunks),
        ],
    )
    .await
}

/// Uploads and registers every part of `bytes` (5 MiB parts), answering the init.
pub async fn s3_parts(client: &Client, base: &str, filename: &str, bytes: &[u8]) -> (Init, u32) {
    let endpoint = s3_endpoint(client, base).await;
    let init = init(client, base, filename).await;
    let pieces: Vec<&[u8]> = bytes.chunks(MIB5).collect();
    let chunks = pieces.len() as u32;
    for (i, piece) in pieces.iter().enumerate() {
        let n = i as u32 + 1;
        let response = s3_post(client, &endpoint, &part_fields(&init, n, chunks, piece)).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        let response = register(client, base, &init, n).await;
        assert_eq!(response.status(), 202, "{}", response.text().await.unwrap());
    }
    (init, chunks)
}

/// A whole S3 upload up to a successful finalise; answers the import id.
pub async fn s3_upload(client: &Client, base: &str, filename: &str, bytes: &[u8]) -> String {
    let (init, chunks) = s3_parts(client, base, filename, bytes).await;
    let (status, body) = answer(s3_finalise(client, base, &init, chunks).await).await;
    assert_eq!(status, 202, "{body}");
    body["importId"].as_str().unwrap().to_string()
}

/// Polls `ids` once.
pub async fn poll(client: &Client, base: &str, ids: &[&str]) -> Value {
    let (status, body) = get_json(
        client,
        base,
        &format!("/api/v4/upload/poll/?items={}", ids.join(",")),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Polls until `id` is done (at most 5 s).
pub async fn wait_done(client: &Client, base: &str, id: &str) {
    for _ in 0..100 {
        let body = poll(client, base, &[id]).await;
        if body["itemsDone"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == id)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{id} never finished converting");
}

/// Saves import `id` as a new asset in `brand` with extra form fields; answers status and body.
pub async fn save(
    client: &Client,
    base: &str,
    id: &str,
    brand: &str,
    extra: &[(&str, &str)],
) -> (u16, Value) {
    let mut pairs = vec![("brandId", brand)];
    pairs.extend_from_slice(extra);
    answer(post_form_auth(client, base, &format!("/api/v4/media/save/{id}/"), &pairs).await).await
}

// --- Downloads -----------------------------------------------------------------------------

/// The `s3_file` URL of a download location path (`/api/v4/media/{id}/download/...`).
pub async fn location(client: &Client, base: &str, path: &str) -> String {
    let (status, body) = get_json(client, base, path).await;
    assert_eq!(status, 200, "{body}");
    body["s3_file"].as_str().unwrap().to_string()
}

/// Downloads a URL without any token.
pub async fn download(client: &Client, url: &str) -> Vec<u8> {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.bytes().await.unwrap().to_vec()
}

/// The first brand of the portal.
pub fn brand(portal: &bynder_mock::MockPortal) -> String {
    portal.store().brand_ids()[0].clone()
}
