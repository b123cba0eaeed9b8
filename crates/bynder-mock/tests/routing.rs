//! Routing from the operation table over real HTTP: every operation is reachable, trailing
//! slashes are optional, ids of the wrong form and unknown paths answer Bynder's 404, the
//! official SDKs' `?id=` variants reach the single-item operations, and auth/scopes apply.

// Helper functions of these tests panic on failed steps, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use bynder::ops::{Auth, IdForm, OPERATIONS, Operation};
use bynder_mock::{Fault, FaultRule};
use common::*;

/// The operation's path with a well-formed value for every parameter.
fn well_formed_path(op: &Operation) -> String {
    let mut path = op.path.to_string();
    for param in op.path_params {
        let value = match param.form {
            IdForm::ColdFusion => CF_ID,
            IdForm::Rfc4122 => RFC_ID,
            IdForm::Opaque => "7",
        };
        path = path.replace(&format!("{{{}}}", param.name), value);
    }
    path
}

fn method(op: &Operation) -> reqwest::Method {
    reqwest::Method::from_bytes(op.method.as_str().as_bytes()).unwrap()
}

#[tokio::test]
async fn every_table_operation_is_routed_with_and_without_trailing_slash() {
    let portal = portal().await;
    let client = client();
    for op in OPERATIONS {
        let path = well_formed_path(op);
        let trimmed = path.trim_end_matches('/').to_string();
        for variant in [
            path.clone(),
            trimmed,
            format!("{}/", path.trim_end_matches('/')),
        ] {
            // A one-shot fault on exactly this operation proves the request was routed to it,
            // whatever the handler would answer.
            portal.inject(FaultRule::operation(op.name, Fault::Status(418)).times(1));
            let response = client
                .request(method(op), format!("{}{variant}", portal.url()))
                .bearer_auth(TOKEN)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                418,
                "{} {variant} did not reach {}",
                op.method.as_str(),
                op.name
            );
        }
    }
    assert!(portal.faults().is_empty());
    let stats = portal.stats();
    for op in OPERATIONS {
        assert_eq!(stats.by_operation.get(op.name), Some(&3), "{}", op.name);
    }
}

#[tokio::test]
async fn every_table_operation_reaches_the_handler_without_a_routing_404() {
    let portal = portal().await;
    let client = client();
    for op in OPERATIONS {
        let response = client
            .request(
                method(op),
                format!("{}{}", portal.url(), well_formed_path(op)),
            )
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_ne!(body, NOT_FOUND, "{} answered the routing 404", op.name);
        // OAuth2-only operations (similarity search) refuse this permanent token, as Bynder does.
        if op.auth != Auth::OAuthOnly {
            assert_ne!(status, 401, "{}", op.name);
        }
        assert_ne!(status, 405, "{}", op.name);
    }
}

#[tokio::test]
async fn ids_of_the_wrong_form_and_unknown_paths_answer_bynders_404() {
    let portal = portal().await;
    let client = client();
    for path in [
        format!("/api/v4/media/{RFC_ID}/"),
        "/api/v4/media/m1/".to_string(),
        "/api/v4/collections/00B627BB-8054-44C0-A343FCF40BC790C/".to_string(),
        "/api/v4/nothing/".to_string(),
        "/".to_string(),
    ] {
        let response = get_with_token(&client, portal.url(), &path, TOKEN).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        assert_eq!(response.text().await.unwrap(), NOT_FOUND, "{path}");
    }
    // Without a token too: the id form is checked before authentication.
    let response = client
        .get(format!("{}/api/v4/media/m1/", portal.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(portal.stats().by_operation.get("unrouted"), Some(&6));
}

#[tokio::test]
async fn query_and_form_id_variants_reach_single_item_operations() {
    let portal = portal().await;
    let client = client();
    let base = portal.url();
    let cases: Vec<(reqwest::Method, String, bool, &str)> = vec![
        (
            reqwest::Method::GET,
            format!("{base}/api/v4/media/?id={CF_ID}&versions=1"),
            false,
            "media.get",
        ),
        (
            reqwest::Method::DELETE,
            format!("{base}/api/v4/media/?id={CF_ID}"),
            false,
            "media.delete",
        ),
        (
            reqwest::Method::POST,
            format!("{base}/api/v4/media/"),
            true,
            "media.modify",
        ),
        (
            reqwest::Method::GET,
            format!("{base}/api/v4/collections?id={CF_ID}"),
            false,
            "collections.get",
        ),
        (
            reqwest::Method::DELETE,
            format!("{base}/api/v4/collections/?id={CF_ID}"),
            false,
            "collections.delete",
        ),
    ];
    for (method, url, form, op) in cases {
        portal.inject(FaultRule::operation(op, Fault::Status(418)).times(1));
        let mut request = client.request(method, &url).bearer_auth(TOKEN);
        if form {
            request = request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("id={CF_ID}&name=Renamed"));
        }
        assert_eq!(
            request.send().await.unwrap().status(),
            418,
            "{url} did not reach {op}"
        );
    }
    // An `?id=` of the wrong form is a 404, like the path form.
    let response =
        get_with_token(&client, base, &format!("/api/v4/media/?id={RFC_ID}"), TOKEN).await;
    assert_eq!(response.status(), 404);
    // Without `id` the list path stays the list.
    portal.inject(FaultRule::operation("media.list", Fault::Status(418)).times(1));
    let response = get_with_token(&client, base, "/api/v4/media/?limit=1", TOKEN).await;
    assert_eq!(response.status(), 418);
}

#[tokio::test]
async fn missing_or_bad_tokens_answer_401_in_plain_text() {
    let portal = portal().await;
    let client = client();
    let url = format!("{}/api/v4/account/", portal.url());
    for request in [
        client.get(&url),
        client.get(&url).bearer_auth("wrong"),
        client.get(&url).basic_auth("a", Some("b")),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        assert_eq!(response.text().await.unwrap(), "Invalid or expired token.");
    }
    let response = get_with_token(&client, portal.url(), "/api/v4/account/", TOKEN).await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_token_without_the_operations_scope_gets_403() {
    let portal = portal().await;
    let client = client();
    let collections_only = client_credentials(&portal, Some("collection:read")).await;
    let response = get_with_token(&client, portal.url(), "/api/v4/media/", &collections_only).await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        json(response).await,
        serde_json::json!({"message": "Access denied", "statuscode": 403})
    );

    // Any one of the operation's scopes suffices (profiles.get: admin or current profile).
    let current_profile = client_credentials(&portal, Some("current.profile:read")).await;
    let response = get_with_token(
        &client,
        portal.url(),
        "/api/v4/profiles/1/",
        &current_profile,
    )
    .await;
    assert_ne!(response.status(), 403);
    assert_ne!(response.status(), 401);

    // An operation without scopes accepts any valid token.
    let response =
        get_with_token(&client, portal.url(), "/api/v4/account/", &collections_only).await;
    assert_eq!(response.status(), 200);
    let response = get_with_token(
        &client,
        portal.url(),
        "/api/v4/collections/",
        &collections_only,
    )
    .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn operations_without_auth_and_the_scope_catalogue() {
    let portal = portal().await;
    let response = client()
        .get(format!("{}/v6/authentication/oauth2/scopes", portal.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = json(response).await;
    let names: Vec<String> = body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| {
            g["scopes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["name"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(names.contains(&"asset:read".to_string()), "{names:?}");
    assert!(names.contains(&"offline".to_string()), "{names:?}");
}

#[tokio::test]
async fn wrong_method_on_a_known_path_is_405() {
    let portal = portal().await;
    let response = client()
        .patch(format!("{}/api/v4/media/", portal.url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let response = client().get(token_url(&portal)).send().await.unwrap();
    assert_eq!(response.status(), 405);
}

#[tokio::test]
async fn a_body_declared_json_that_is_not_json_is_a_400() {
    let portal = portal().await;
    let response = client()
        .post(format!("{}/api/v4/collections/", portal.url()))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        json(response).await,
        serde_json::json!({"message": "Invalid request parameters.", "statuscode": 400})
    );
}
