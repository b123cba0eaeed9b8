//! Helpers shared by the HTTP tests: starting portals, clients, tokens, form posts.
// Helpers of tests: a failed setup step should panic the test, like `unwrap` in a test body.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

pub mod upload;

use bynder_mock::{MockConfig, MockPortal};
use reqwest::{Client, Response, redirect};

/// The default permanent token.
pub const TOKEN: &str = "mock-permanent-token";
/// The default OAuth2 client.
pub const CLIENT_ID: &str = "mock-client-id";
/// Its secret.
pub const CLIENT_SECRET: &str = "mock-client-secret";
/// A well-formed ColdFusion id (not necessarily in the store).
pub const CF_ID: &str = "00B627BB-8054-44C0-A343FCF40BC790CD";
/// The same id in RFC 4122 form.
pub const RFC_ID: &str = "00b627bb-8054-44c0-a343-fcf40bc790cd";
/// Bynder's 404 body for unknown paths and ids of the wrong form.
pub const NOT_FOUND: &str = r#"{"message":"Not found","statuscode":404}"#;

/// A portal with the default configuration.
pub async fn portal() -> MockPortal {
    portal_with(MockConfig::default()).await
}

/// A portal with `config`.
pub async fn portal_with(config: MockConfig) -> MockPortal {
    MockPortal::start(config).await.expect("portal starts")
}

/// A client that does not follow redirects.
pub fn client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .expect("client")
}

/// `POST url` with a form body.
pub async fn post_form(client: &Client, url: &str, pairs: &[(&str, &str)]) -> Response {
    client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).expect("form"))
        .send()
        .await
        .expect("request")
}

/// `GET base + path` with the permanent token.
pub async fn get_with_token(client: &Client, base: &str, path: &str, token: &str) -> Response {
    client
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

/// A JSON body.
pub async fn json(response: Response) -> serde_json::Value {
    response.json().await.expect("JSON body")
}

/// A client-credentials access token, with `scope` when given.
pub async fn client_credentials(portal: &MockPortal, scope: Option<&str>) -> String {
    let mut pairs = vec![
        ("grant_type", "client_credentials"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ];
    if let Some(scope) = scope {
        pairs.push(("scope", scope));
    }
    let response = post_form(&client(), &token_url(portal), &pairs).await;
    assert_eq!(response.status(), 200);
    json(response).await["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

/// The token endpoint of `portal`.
pub fn token_url(portal: &MockPortal) -> String {
    format!("{}/v6/authentication/oauth2/token", portal.url())
}

/// The value of query parameter `name` in a URL.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
