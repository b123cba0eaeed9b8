//! Listeners and HTTP details: HTTPS with the generated certificate, CORS, `X-Request-Id`,
//! shutdown, and the `bynder-mock serve` binary's ready lines.

// Helper functions of these tests panic on failed steps, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use bynder_mock::MockConfig;
use common::*;

#[tokio::test]
async fn https_serves_with_a_certificate_clients_can_trust() {
    let portal = portal_with(MockConfig {
        tls: true,
        ..MockConfig::default()
    })
    .await;
    let https = portal.https_url().unwrap().to_string();
    assert!(https.starts_with("https://127.0.0.1:"), "{https}");
    let cert = reqwest::Certificate::from_pem(portal.cert_pem().unwrap().as_bytes()).unwrap();
    let trusting = reqwest::Client::builder()
        .add_root_certificate(cert)
        .build()
        .unwrap();
    let response = trusting
        .get(format!("{https}/api/v4/account/"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // `localhost` is in the certificate too.
    let localhost = https.replace("127.0.0.1", "localhost");
    let response = trusting
        .get(format!("{localhost}/api/v4/account/"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // A client that does not trust it refuses the connection.
    assert!(
        reqwest::Client::new()
            .get(format!("{https}/api/v4/account/"))
            .send()
            .await
            .is_err()
    );
    // Plain HTTP keeps working alongside.
    assert_eq!(
        get_with_token(&client(), portal.url(), "/api/v4/account/", TOKEN)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn without_tls_there_is_no_https_listener() {
    let portal = portal().await;
    assert!(portal.https_url().is_none());
    assert!(portal.cert_pem().is_none());
    assert!(portal.url().starts_with("http://127.0.0.1:"));
    assert!(!portal.url().ends_with('/'));
    assert_eq!(portal.config().permanent_token, TOKEN);
}

#[tokio::test]
async fn cors_preflight_allows_any_origin_and_the_authorization_header() {
    let portal = portal().await;
    let response = client()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/v4/media/", portal.url()),
        )
        .header("origin", "http://example.test")
        .header("access-control-request-method", "DELETE")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    let allowed_headers = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed_headers.contains("authorization"),
        "{allowed_headers}"
    );
    assert!(
        headers["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("DELETE")
    );
    assert!(headers.contains_key("x-request-id"));

    let response = client()
        .get(format!("{}/api/v4/account/", portal.url()))
        .header("origin", "http://example.test")
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for header in [
        "x-bynder-nextcursor",
        "x-pagination-totalrecords",
        "x-request-id",
    ] {
        assert!(exposed.contains(header), "{exposed}");
    }
}

#[tokio::test]
async fn every_answer_has_a_unique_request_id() {
    let portal = portal().await;
    let client = client();
    let mut ids = HashSet::new();
    for path in [
        "/api/v4/account/",
        "/nowhere",
        "/_mock/stats",
        "/api/v4/media/m1/",
    ] {
        let response = client
            .get(format!("{}{path}", portal.url()))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(id.len(), 36, "{id}");
        ids.insert(id);
    }
    let response = client
        .get(format!("{}/api/v4/account/", portal.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    ids.insert(
        response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_string(),
    );
    assert_eq!(ids.len(), 5);
}

#[tokio::test]
async fn shutdown_stops_the_listener() {
    let portal = portal().await;
    let url = format!("{}/api/v4/account/", portal.url());
    assert_eq!(
        client()
            .get(&url)
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    portal.shutdown().await;
    assert!(reqwest::Client::new().get(&url).send().await.is_err());
}

#[test]
fn the_binary_prints_its_ready_lines_and_serves() {
    let dir = std::env::temp_dir().join(format!("bynder-mock-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cert_path = dir.join("cert.pem");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bynder-mock"))
        .args([
            "serve",
            "--port",
            "0",
            "--tls",
            "--tls-port",
            "0",
            "--no-rate-limit",
            "--cert-out",
        ])
        .arg(&cert_path)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map(Result::unwrap)
        .take(4)
        .collect();
    let outcome = std::panic::catch_unwind(|| {
        assert!(
            lines[0].starts_with("listening http://127.0.0.1:"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("listening https://127.0.0.1:"),
            "{lines:?}"
        );
        assert!(
            lines[2].starts_with("certificate ") && lines[2].ends_with("cert.pem"),
            "{lines:?}"
        );
        assert_eq!(lines[3], "ready");
        let pem = std::fs::read_to_string(&cert_path).unwrap();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let base = lines[0].trim_start_matches("listening ").to_string();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let stats = client()
                .get(format!("{base}/_mock/stats"))
                .send()
                .await
                .unwrap();
            assert_eq!(stats.status(), 200);
            let response = get_with_token(&client(), &base, "/api/v4/account/", TOKEN).await;
            assert_eq!(response.status(), 200);
        });
    });
    // Stop the child we started, by its id, with SIGTERM so it shuts down gracefully.
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
}
