//! OAuth2 over real HTTP: consent page, the three grants, PKCE, refresh semantics, client
//! authentication, error answers, and access-token expiry.

// Helper functions of these tests panic on failed steps, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bynder_mock::MockConfig;
use common::*;
use sha2::{Digest, Sha256};

const REDIRECT: &str = "http://127.0.0.1:7777/callback";

fn authorize_url(portal: &bynder_mock::MockPortal, extra: &[(&str, &str)]) -> String {
    let mut pairs = vec![
        ("client_id", CLIENT_ID),
        ("redirect_uri", REDIRECT),
        ("response_type", "code"),
        ("scope", "offline asset:read current.user:read"),
        ("state", "st4te"),
    ];
    pairs.extend_from_slice(extra);
    format!(
        "{}/v6/authentication/oauth2/auth?{}",
        portal.url(),
        serde_urlencoded::to_string(&pairs).unwrap()
    )
}

/// The hidden fields of the consent form, HTML-unescaped.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" ")
        .skip(1)
        .filter_map(|input| {
            let name = input.split("name=\"").nth(1)?.split('"').next()?;
            let value = input.split("value=\"").nth(1)?.split('"').next()?;
            let value = value
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            Some((name.to_string(), value))
        })
        .collect()
}

/// Shows the consent page, submits `decision`, and returns the redirect `Location`.
async fn consent(
    portal: &bynder_mock::MockPortal,
    extra: &[(&str, &str)],
    decision: &str,
) -> String {
    let client = client();
    let page = client
        .get(authorize_url(portal, extra))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains(CLIENT_ID), "the page names the client");
    assert!(html.contains("asset:read") && html.contains("Approve") && html.contains("Deny"));
    let action = html
        .split("action=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut form = hidden_fields(&html);
    form.push(("decision".into(), decision.into()));
    let response = client
        .post(format!("{}{action}", portal.url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(&form).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    response.headers()["location"].to_str().unwrap().to_string()
}

async fn exchange(
    portal: &bynder_mock::MockPortal,
    code: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut pairs = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", REDIRECT),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ];
    pairs.extend_from_slice(extra);
    post_form(&client(), &token_url(portal), &pairs).await
}

async fn refresh(portal: &bynder_mock::MockPortal, refresh_token: &str) -> reqwest::Response {
    let pairs = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ];
    post_form(&client(), &token_url(portal), &pairs).await
}

async fn assert_oauth_error(response: reqwest::Response, status: u16, error: &str) {
    assert_eq!(response.status(), status);
    let body = json(response).await;
    assert_eq!(body["error"], error, "{body}");
    assert!(body["error_description"].is_string());
}

#[tokio::test]
async fn consent_approve_code_token_refresh() {
    let portal = portal().await;
    let location = consent(&portal, &[], "approve").await;
    assert!(location.starts_with(REDIRECT), "{location}");
    assert_eq!(query_param(&location, "state").as_deref(), Some("st4te"));
    let code = query_param(&location, "code").unwrap();

    let response = exchange(&portal, &code, &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let token = json(response).await;
    assert_eq!(token["token_type"], "bearer");
    assert_eq!(token["expires_in"], 3600);
    assert_eq!(token["scope"], "offline asset:read current.user:read");
    let access = token["access_token"].as_str().unwrap();
    let refresh_token = token["refresh_token"].as_str().unwrap().to_string();
    assert_eq!(access.split('.').count(), 3, "a JWT");

    let response = get_with_token(&client(), portal.url(), "/api/v4/account/", access).await;
    assert_eq!(response.status(), 200);

    // The code is single-use.
    assert_oauth_error(exchange(&portal, &code, &[]).await, 400, "invalid_grant").await;

    // Refresh: a new access token, no new refresh token, and the old one keeps working.
    let first = json(refresh(&portal, &refresh_token).await).await;
    assert!(first.get("refresh_token").is_none(), "{first}");
    assert_ne!(first["access_token"], token["access_token"]);
    assert_eq!(first["scope"], "offline asset:read current.user:read");
    let second = refresh(&portal, &refresh_token).await;
    assert_eq!(second.status(), 200);
    let second = json(second).await;
    let response = get_with_token(
        &client(),
        portal.url(),
        "/api/v4/media/",
        second["access_token"].as_str().unwrap(),
    )
    .await;
    assert_ne!(response.status(), 401);
    assert_ne!(response.status(), 403);

    let stats = portal.stats();
    assert_eq!(stats.token_grants.get("authorization_code"), Some(&1));
    assert_eq!(stats.token_grants.get("refresh_token"), Some(&2));
}

#[tokio::test]
async fn deny_redirects_with_access_denied() {
    let portal = portal().await;
    let location = consent(&portal, &[], "deny").await;
    assert_eq!(
        query_param(&location, "error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(query_param(&location, "state").as_deref(), Some("st4te"));
    assert_eq!(query_param(&location, "code"), None);
}

#[tokio::test]
async fn auto_consent_redirects_at_once_and_without_offline_there_is_no_refresh_token() {
    let portal = portal_with(MockConfig {
        auto_consent: true,
        ..MockConfig::default()
    })
    .await;
    let url = authorize_url(&portal, &[]).replace("offline+", "");
    let response = client().get(url).send().await.unwrap();
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let code = query_param(&location, "code").unwrap();
    let token = json(exchange(&portal, &code, &[]).await).await;
    assert_eq!(token["scope"], "asset:read current.user:read");
    assert!(token.get("refresh_token").is_none(), "{token}");
}

#[tokio::test]
async fn pkce_s256_is_verified() {
    let portal = portal_with(MockConfig {
        auto_consent: true,
        ..MockConfig::default()
    })
    .await;
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-some-more-entropy";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let pkce = [
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];

    let code_for = |location: String| query_param(&location, "code").unwrap();
    let authorize = || async {
        let response = client()
            .get(authorize_url(&portal, &pkce))
            .send()
            .await
            .unwrap();
        response.headers()["location"].to_str().unwrap().to_string()
    };
    let good = code_for(authorize().await);
    let response = exchange(&portal, &good, &[("code_verifier", verifier)]).await;
    assert_eq!(response.status(), 200);

    let wrong = code_for(authorize().await);
    assert_oauth_error(
        exchange(&portal, &wrong, &[("code_verifier", "not-the-verifier")]).await,
        400,
        "invalid_grant",
    )
    .await;
    let missing = code_for(authorize().await);
    assert_oauth_error(exchange(&portal, &missing, &[]).await, 400, "invalid_grant").await;
}

#[tokio::test]
async fn codes_are_bound_to_redirect_uri_and_scopes_narrow() {
    let portal = portal_with(MockConfig {
        auto_consent: true,
        ..MockConfig::default()
    })
    .await;
    let code = || async {
        let response = client()
            .get(authorize_url(&portal, &[]))
            .send()
            .await
            .unwrap();
        query_param(response.headers()["location"].to_str().unwrap(), "code").unwrap()
    };
    let first = code().await;
    let pairs = [
        ("grant_type", "authorization_code"),
        ("code", first.as_str()),
        ("redirect_uri", "http://127.0.0.1:7777/other"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ];
    assert_oauth_error(
        post_form(&client(), &token_url(&portal), &pairs).await,
        400,
        "invalid_grant",
    )
    .await;

    let narrowed = json(exchange(&portal, &code().await, &[("scope", "asset:read")]).await).await;
    assert_eq!(narrowed["scope"], "asset:read");
    assert!(narrowed.get("refresh_token").is_none());
    assert_oauth_error(
        exchange(&portal, &code().await, &[("scope", "asset:write")]).await,
        400,
        "invalid_scope",
    )
    .await;
}

#[tokio::test]
async fn client_credentials_with_basic_auth_and_no_refresh_token() {
    let portal = portal().await;
    let response = client()
        .post(token_url(&portal))
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let token = json(response).await;
    assert!(token.get("refresh_token").is_none(), "{token}");
    // No scope requested (as the official Python and JS SDKs do): `scope` is left out of the
    // answer, and the token carries every scope but `offline`.
    assert!(token.get("scope").is_none(), "{token}");
    let access = token["access_token"].as_str().unwrap();
    for path in [
        "/api/v4/account/",
        "/api/v4/media/",
        "/api/v4/collections/",
        "/api/v4/profiles/",
    ] {
        let response = get_with_token(&client(), portal.url(), path, access).await;
        assert_eq!(response.status(), 200, "{path}");
    }

    // The requested scope is echoed.
    let response = post_form(
        &client(),
        &token_url(&portal),
        &[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("scope", "asset:read collection:read"),
        ],
    )
    .await;
    assert_eq!(json(response).await["scope"], "asset:read collection:read");
    assert_eq!(
        portal.stats().token_grants.get("client_credentials"),
        Some(&2)
    );
}

#[tokio::test]
async fn token_endpoint_errors_follow_rfc_6749() {
    let portal = portal().await;
    let client = client();
    let url = token_url(&portal);
    let bad_secret = [
        ("grant_type", "client_credentials"),
        ("client_id", CLIENT_ID),
        ("client_secret", "nope"),
    ];
    assert_oauth_error(
        post_form(&client, &url, &bad_secret).await,
        401,
        "invalid_client",
    )
    .await;
    let response = client
        .post(&url)
        .basic_auth(CLIENT_ID, Some("nope"))
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert!(response.headers().contains_key("www-authenticate"));
    assert_oauth_error(response, 401, "invalid_client").await;

    let creds = |grant: &'static str| {
        vec![
            ("grant_type", grant),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ]
    };
    assert_oauth_error(
        post_form(&client, &url, &creds("password")).await,
        400,
        "unsupported_grant_type",
    )
    .await;
    assert_oauth_error(
        post_form(&client, &url, &creds("")).await,
        400,
        "invalid_request",
    )
    .await;
    let mut unknown_scope = creds("client_credentials");
    unknown_scope.push(("scope", "asset:fly"));
    assert_oauth_error(
        post_form(&client, &url, &unknown_scope).await,
        400,
        "invalid_scope",
    )
    .await;
    let mut bad_code = creds("authorization_code");
    bad_code.push(("code", "made-up"));
    assert_oauth_error(
        post_form(&client, &url, &bad_code).await,
        400,
        "invalid_grant",
    )
    .await;
    let mut unknown_refresh = creds("refresh_token");
    unknown_refresh.push(("refresh_token", "made-up"));
    assert_oauth_error(
        post_form(&client, &url, &unknown_refresh).await,
        400,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn refresh_grant_without_a_refresh_token_is_invalid_grant() {
    // What the official Python SDK (no refresh_token) and JS SDK (empty, Basic auth) send when a
    // client-credentials token expires.
    let portal = portal().await;
    let python = [
        ("grant_type", "refresh_token"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scope", "asset:read"),
        ("allow_redirects", "True"),
    ];
    assert_oauth_error(
        post_form(&client(), &token_url(&portal), &python).await,
        400,
        "invalid_grant",
    )
    .await;
    let js = client()
        .post(token_url(&portal))
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("grant_type=refresh_token&refresh_token=")
        .send()
        .await
        .unwrap();
    assert_oauth_error(js, 400, "invalid_grant").await;
}

#[tokio::test]
async fn authorize_refuses_unknown_clients_and_redirects_and_reports_bad_scopes() {
    let portal = portal().await;
    let unknown_client = authorize_url(&portal, &[]).replace(CLIENT_ID, "someone-else");
    assert_eq!(
        client().get(unknown_client).send().await.unwrap().status(),
        400
    );
    let foreign_redirect = authorize_url(&portal, &[]).replace("127.0.0.1%3A7777", "evil.example");
    assert_eq!(
        client()
            .get(foreign_redirect)
            .send()
            .await
            .unwrap()
            .status(),
        400
    );
    let bad_scope = authorize_url(&portal, &[]).replace("asset%3Aread", "asset%3Afly");
    let response = client().get(bad_scope).send().await.unwrap();
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().unwrap();
    assert_eq!(
        query_param(location, "error").as_deref(),
        Some("invalid_scope")
    );
    assert_eq!(query_param(location, "state").as_deref(), Some("st4te"));
}

#[tokio::test]
async fn configured_redirect_uris_are_accepted() {
    let config = MockConfig {
        redirect_uris: vec!["https://app.example/cb".into()],
        auto_consent: true,
        ..MockConfig::default()
    };
    let portal = portal_with(config).await;
    let url = authorize_url(&portal, &[]).replace(
        "http%3A%2F%2F127.0.0.1%3A7777%2Fcallback",
        "https%3A%2F%2Fapp.example%2Fcb",
    );
    let response = client().get(url).send().await.unwrap();
    assert_eq!(response.status(), 302);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("https://app.example/cb?code=")
    );
}

#[tokio::test]
async fn access_tokens_expire_after_token_ttl() {
    let portal = portal_with(MockConfig {
        token_ttl: Duration::from_secs(1),
        ..MockConfig::default()
    })
    .await;
    let response = post_form(
        &client(),
        &token_url(&portal),
        &[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ],
    )
    .await;
    let token = json(response).await;
    assert_eq!(token["expires_in"], 1);
    let access = token["access_token"].as_str().unwrap();
    assert_eq!(
        get_with_token(&client(), portal.url(), "/api/v4/account/", access)
            .await
            .status(),
        200
    );
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let response = get_with_token(&client(), portal.url(), "/api/v4/account/", access).await;
    assert_eq!(response.status(), 401);
    assert_eq!(response.text().await.unwrap(), "Invalid or expired token.");
}

#[tokio::test]
async fn a_public_client_exchanges_a_pkce_code_without_a_secret() {
    let portal = portal_with(MockConfig {
        auto_consent: true,
        ..MockConfig::default()
    })
    .await;
    let verifier = "a-public-client-verifier-with-enough-entropy-0123456789";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let location = |extra: Vec<(&'static str, String)>| {
        let portal = &portal;
        async move {
            let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = client()
                .get(authorize_url(portal, &extra))
                .send()
                .await
                .unwrap();
            let location = response.headers()["location"].to_str().unwrap().to_string();
            query_param(&location, "code").unwrap()
        }
    };
    let public = |code: String, verifier: Option<&'static str>| {
        let portal = &portal;
        async move {
            let mut pairs = vec![
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("redirect_uri", REDIRECT),
                ("client_id", CLIENT_ID),
            ];
            if let Some(verifier) = verifier {
                pairs.push(("code_verifier", verifier));
            }
            post_form(&client(), &token_url(portal), &pairs).await
        }
    };
    let pkce = vec![
        ("code_challenge", challenge.clone()),
        ("code_challenge_method", "S256".to_string()),
    ];
    let code = location(pkce.clone()).await;
    let token = public(code, Some(verifier)).await;
    assert_eq!(token.status(), 200);
    let token = json(token).await;

    // Refreshing needs no secret either.
    let pairs = [
        ("grant_type", "refresh_token"),
        ("refresh_token", token["refresh_token"].as_str().unwrap()),
        ("client_id", CLIENT_ID),
    ];
    assert_eq!(
        post_form(&client(), &token_url(&portal), &pairs)
            .await
            .status(),
        200
    );

    // Without PKCE a secret-less client is refused; so is a wrong client id.
    let plain = location(Vec::new()).await;
    assert_oauth_error(public(plain, None).await, 401, "invalid_client").await;
    let code = location(pkce).await;
    let pairs = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
        ("client_id", "someone-else"),
        ("code_verifier", verifier),
    ];
    assert_oauth_error(
        post_form(&client(), &token_url(&portal), &pairs).await,
        401,
        "invalid_client",
    )
    .await;
}
