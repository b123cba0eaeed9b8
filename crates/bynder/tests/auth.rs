//! Every authentication flow against the mock portal over real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bynder::auth::{OAuthApp, Token};
use bynder::{ErrorKind, Scope};
use bynder_mock::MockConfig;
use common::*;

#[tokio::test]
async fn permanent_token_reads_the_current_user() {
    let portal = portal().await;
    let client = permanent(&portal);
    let me = client.users().current().await.unwrap();
    assert_eq!(me.id, portal.store().current_user_id());
    assert_eq!(client.stats().token_requests, 0);
    assert!(client.token().await.is_none());
}

#[tokio::test]
async fn wrong_permanent_token_is_an_authentication_error() {
    let portal = portal().await;
    let client = builder(&portal)
        .permanent_token("not-the-token")
        .build()
        .unwrap();
    let err = client.brands().list().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.operation(), Some("brands.list"));
}

#[tokio::test]
async fn hundred_concurrent_calls_make_one_client_credentials_grant() {
    let portal = portal().await;
    let client = client_credentials(&portal);
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.brands().list().await })
    });
    for call in futures::future::join_all(calls).await {
        assert!(!call.unwrap().unwrap().is_empty());
    }
    assert_eq!(grants(&portal, "client_credentials"), 1);
    assert_eq!(client.stats().token_requests, 1);
}

#[tokio::test]
async fn expired_client_credentials_token_is_renewed_with_a_new_grant_not_a_refresh() {
    let portal = portal_with(MockConfig {
        token_ttl: Duration::from_secs(2),
        ..Default::default()
    })
    .await;
    let client = client_credentials(&portal);
    client.account().get().await.unwrap();
    let first = client.token().await.unwrap();
    assert!(
        first.refresh_token.is_none(),
        "client credentials carry no refresh token"
    );
    tokio::time::sleep(Duration::from_millis(2100)).await;
    client.account().get().await.unwrap();
    let second = client.token().await.unwrap();
    assert_ne!(first.access_token, second.access_token);
    assert_eq!(grants(&portal, "client_credentials"), 2);
    assert_eq!(grants(&portal, "refresh_token"), 0);
    assert_eq!(
        portal.stats().by_status.get(&401).copied().unwrap_or(0),
        0,
        "renewed before expiry, no 401"
    );
}

#[tokio::test]
async fn wrong_client_secret_is_an_oauth_error_without_the_secret_in_it() {
    let portal = portal().await;
    let client = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            "WRONG-SECRET-123",
            SCOPES,
        )
        .build()
        .unwrap();
    let err = client.brands().list().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OAuth);
    assert_eq!(err.status(), Some(401));
    assert!(err.message().contains("invalid_client"), "{err}");
    assert!(!format!("{err} {err:?} {client:?}").contains("WRONG-SECRET-123"));
}

/// Runs the consent step like a user's browser: approve, then read the redirect.
async fn approve(url: &url::Url) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = http.get(url.clone()).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.text().await.unwrap().contains("asset:read"),
        "the consent page lists the scopes"
    );
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("decision".into(), "approve".into()));
    let consent = url.join("/v6/authentication/oauth2/consent").unwrap();
    let body = serde_urlencoded::to_string(&form).unwrap();
    let answer = http
        .post(consent)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 302);
    answer.headers()["location"].to_str().unwrap().to_string()
}

fn app(portal: &bynder_mock::MockPortal) -> OAuthApp {
    OAuthApp::new(portal.config().client_id.as_str())
        .client_secret(portal.config().client_secret.as_str())
        .redirect_uri("http://127.0.0.1:8765/callback")
}

#[tokio::test]
async fn authorization_code_with_pkce_then_refresh_keeps_the_refresh_token() {
    let portal = portal_with(MockConfig {
        token_ttl: Duration::from_secs(2),
        ..Default::default()
    })
    .await;
    let saved: Arc<Mutex<Vec<Token>>> = Arc::default();
    let sink = saved.clone();
    let client = builder(&portal)
        .oauth_app(app(&portal))
        .on_token(move |t| sink.lock().unwrap().push(t.clone()))
        .build()
        .unwrap();
    let request = client
        .authorization_request(&[Scope::Offline, Scope::AssetRead, Scope::CurrentUserRead])
        .unwrap();
    let redirect = approve(&request.url).await;
    assert!(
        redirect.starts_with("http://127.0.0.1:8765/callback?"),
        "{redirect}"
    );
    let token = client.exchange_code(&request, &redirect).await.unwrap();
    let refresh = token
        .refresh_token
        .clone()
        .expect("offline grants a refresh token");
    client.users().current().await.unwrap();

    tokio::time::sleep(Duration::from_millis(2100)).await;
    client.users().current().await.unwrap();
    let renewed = client.token().await.unwrap();
    assert_ne!(renewed.access_token, token.access_token);
    assert_eq!(
        renewed.refresh_token.as_ref(),
        Some(&refresh),
        "Bynder omits it on refresh: keep the old one"
    );
    assert_eq!(grants(&portal, "authorization_code"), 1);
    assert_eq!(grants(&portal, "refresh_token"), 1);
    assert_eq!(saved.lock().unwrap().len(), 2, "the saver saw both tokens");
}

#[tokio::test]
async fn forged_state_is_refused_before_any_token_request() {
    let portal = portal().await;
    let client = builder(&portal).oauth_app(app(&portal)).build().unwrap();
    let request = client.authorization_request(&[Scope::AssetRead]).unwrap();
    let redirect = approve(&request.url).await;
    let forged = redirect.replace("state=", "state=x");
    let err = client.exchange_code(&request, &forged).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OAuthState);
    assert_eq!(grants(&portal, "authorization_code"), 0);
    // The untouched redirect still works: the code was not spent.
    client.exchange_code(&request, &redirect).await.unwrap();
}

#[tokio::test]
async fn hundred_concurrent_calls_with_an_expired_token_make_one_refresh() {
    let portal = portal().await;
    // Obtain a real refresh token, then resume from storage with an expired access token.
    let first = builder(&portal).oauth_app(app(&portal)).build().unwrap();
    let request = first
        .authorization_request(&[Scope::Offline, Scope::AssetRead])
        .unwrap();
    let mut token = first
        .exchange_code(&request, &approve(&request.url).await)
        .await
        .unwrap();
    token.expires_at = Some(1);
    let client = builder(&portal)
        .oauth_token(app(&portal), token)
        .build()
        .unwrap();
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.brands().list().await })
    });
    for call in futures::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
    assert_eq!(grants(&portal, "refresh_token"), 1);
}

#[tokio::test]
async fn without_offline_an_expired_token_asks_to_authorize_again() {
    let portal = portal().await;
    let first = builder(&portal).oauth_app(app(&portal)).build().unwrap();
    let request = first.authorization_request(&[Scope::AssetRead]).unwrap();
    let mut token = first
        .exchange_code(&request, &approve(&request.url).await)
        .await
        .unwrap();
    assert!(token.refresh_token.is_none());
    token.expires_at = Some(1);
    let client = builder(&portal)
        .oauth_token(app(&portal), token)
        .build()
        .unwrap();
    let err = client.brands().list().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert!(err.message().contains("offline"), "{err}");
}

#[tokio::test]
async fn a_missing_scope_is_forbidden() {
    let portal = portal().await;
    let config = portal.config();
    let client = builder(&portal)
        .client_credentials(
            config.client_id.as_str(),
            config.client_secret.as_str(),
            &[Scope::AssetRead],
        )
        .build()
        .unwrap();
    client
        .media()
        .get(&portal.store().asset_ids()[0], false)
        .await
        .unwrap();
    let err = client
        .collections()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.status()),
        (ErrorKind::Forbidden, Some(403))
    );
}

#[tokio::test]
async fn oauth_scopes_listing_needs_no_token() {
    let portal = portal().await;
    let client = builder(&portal).build().unwrap();
    let groups = client.oauth().scopes().await.unwrap();
    let names: Vec<String> = groups
        .groups
        .iter()
        .flat_map(|g| g.scopes.iter().filter_map(|s| s.name.clone()))
        .collect();
    assert!(names.iter().any(|n| n == "asset:read"), "{names:?}");
}

#[tokio::test]
async fn secrets_never_appear_in_debug_output_or_errors() {
    let portal = portal().await;
    let permanent = builder(&portal).permanent_token("PERMANENT-SECRET-1");
    let credentials = builder(&portal).client_credentials("cid", "CLIENT-SECRET-2", SCOPES);
    let text = format!("{permanent:?} {credentials:?}");
    let (permanent, credentials) = (permanent.build().unwrap(), credentials.build().unwrap());
    let err = permanent.brands().list().await.unwrap_err();
    let err2 = credentials.brands().list().await.unwrap_err();
    let client = client_credentials(&portal);
    client.brands().list().await.unwrap();
    let token = client.token().await.unwrap();
    let all = format!(
        "{text} {permanent:?} {credentials:?} {err} {err:?} {err2} {err2:?} {client:?} {token:?}"
    );
    for secret in [
        "PERMANENT-SECRET-1",
        "CLIENT-SECRET-2",
        portal.config().client_secret.as_str(),
        token.access_token.expose(),
    ] {
        assert!(!all.contains(secret), "{secret} leaked");
    }
    assert!(all.contains("[redacted]"));
}
