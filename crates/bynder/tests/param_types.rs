//! Typed request parameters over real HTTP (issue 7): a value that cannot be its parameter's
//! type fails with `InvalidArgument` before anything reaches the portal; lenient spellings
//! pass, and in JSON bodies arrive as the declared type. One test per type.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, Error, ErrorKind};
use bynder_mock::MockPortal;
use common::*;
use serde_json::{Value, json};

/// Calls `op` with `params`, expects a refusal that names `param` and `expected`, and checks
/// the portal saw nothing.
async fn refused(
    portal: &MockPortal,
    client: &Client,
    op: &str,
    params: Value,
    param: &str,
    expected: &str,
) -> Error {
    portal.reset_stats();
    let err = client.call(op, params.clone()).await.unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::InvalidArgument,
        "{op} {params}: {err}"
    );
    assert_eq!(err.operation(), Some(op));
    let text = err.to_string();
    for part in [op, &format!("`{param}`"), expected] {
        assert!(text.contains(part), "{part:?} missing from {text}");
    }
    assert_eq!(
        portal.stats().requests,
        0,
        "{op} {params}: nothing was sent"
    );
    err
}

#[tokio::test]
async fn integers_refuse_words_and_lists_and_take_digits() {
    let portal = portal().await;
    let client = permanent(&portal);
    for bad in [json!("ten"), json!([1, 2]), json!({"n": 1}), json!(true)] {
        refused(
            &portal,
            &client,
            "media.list",
            json!({"limit": bad}),
            "limit",
            "an integer",
        )
        .await;
    }
    let err = refused(
        &portal,
        &client,
        "media.list",
        json!({"limit": "ten"}),
        "limit",
        "",
    )
    .await;
    assert!(err.to_string().contains("not \"ten\" (text)"), "{err}");
    // Digits in text are what Bynder itself takes.
    let page = client
        .call("media.list", json!({"limit": "2", "page": 1.0}))
        .await
        .unwrap();
    assert_eq!(page.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn booleans_refuse_maybe_and_take_every_spelling() {
    let portal = portal().await;
    let client = permanent(&portal);
    let err = refused(
        &portal,
        &client,
        "media.list",
        json!({"is_public": "maybe"}),
        "is_public",
        "a boolean",
    )
    .await;
    assert!(err.to_string().contains("Bynder's `isPublic`"), "{err}");
    for spelling in [
        json!(true),
        json!(1),
        json!("true"),
        json!("1"),
        json!("True"),
    ] {
        let page = client
            .call("media.list", json!({"total": spelling, "limit": 1}))
            .await
            .unwrap();
        assert!(
            page["total"]["count"].as_u64().unwrap() > 0,
            "{spelling}: {page}"
        );
    }
}

#[tokio::test]
async fn text_refuses_lists_and_takes_numbers_as_text() {
    let portal = portal().await;
    let client = permanent(&portal);
    refused(
        &portal,
        &client,
        "media.list",
        json!({"keyword": ["a", "b"]}),
        "keyword",
        "text",
    )
    .await;
    // A number for a JSON text field arrives as text (the service wants a string).
    let id = BynderId::new_random();
    client
        .call(
            "webhooks.create",
            json!({"id": id.to_rfc4122(), "name": 2026, "endpoint": "https://h.example/x",
                   "protocol": "HTTPS", "events": ["asset_bank.media.create"]}),
        )
        .await
        .unwrap();
    let read = client
        .call("webhooks.get", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap();
    assert_eq!(read["name"], "2026");
}

#[tokio::test]
async fn numbers_refuse_words() {
    let portal = portal().await;
    let client = permanent(&portal);
    let media = portal.store().asset_ids()[0].clone();
    refused(
        &portal,
        &client,
        "upload.save_additional",
        json!({"id": media, "upload_id": "U1", "targetid": "final/x", "chunks": "lots"}),
        "chunks",
        "a number",
    )
    .await;
}

#[tokio::test]
async fn dates_refuse_numbers_and_take_iso_text() {
    let portal = portal().await;
    let client = permanent(&portal);
    refused(
        &portal,
        &client,
        "media.list",
        json!({"date_created": 20240101}),
        "date_created",
        "ISO 8601",
    )
    .await;
    let page = client
        .call(
            "media.list",
            json!({"date_created": "2000-01-01T00:00:00Z", "limit": 1}),
        )
        .await
        .unwrap();
    assert_eq!(page.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn lists_refuse_objects_and_take_one_comma_separated_string() {
    let portal = portal().await;
    let client = permanent(&portal);
    refused(
        &portal,
        &client,
        "media.list",
        json!({"type": {"image": true}}),
        "type",
        "a list of strings",
    )
    .await;
    // In a JSON body, "a,b" arrives as the list the service requires, and "7" as the
    // integer: without the check the same call is the service's 400.
    let params = |id: &BynderId| {
        json!({"id": id.to_rfc4122(), "name": "Feed", "endpoint": "https://h.example/x",
               "protocol": "HTTPS", "events": "asset_bank.media.create, asset_bank.media.deleted",
               "pre_archived_notification_days": "7"})
    };
    let err = unchecked(&portal)
        .call("webhooks.create", params(&BynderId::new_random()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    let id = BynderId::new_random();
    client.call("webhooks.create", params(&id)).await.unwrap();
    let read = client
        .call("webhooks.get", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap();
    assert_eq!(
        read["events"],
        json!(["asset_bank.media.create", "asset_bank.media.deleted"])
    );
    assert_eq!(read["preArchivedNotificationDays"], 7);
}

#[tokio::test]
async fn objects_refuse_broken_json_and_take_json_text() {
    let portal = portal().await;
    let client = permanent(&portal);
    refused(
        &portal,
        &client,
        "metaproperties.create",
        json!({"data": "{not json"}),
        "data",
        "an object",
    )
    .await;
    refused(
        &portal,
        &client,
        "metaproperties.create",
        json!({"data": 5}),
        "data",
        "an object",
    )
    .await;
    let text = json!({"name": "Shape", "label": "Shape", "type": "select"}).to_string();
    client
        .call("metaproperties.create", json!({"data": text}))
        .await
        .unwrap();
    let all = client.call("metaproperties.list", json!({})).await.unwrap();
    assert!(all.get("Shape").is_some(), "{all}");
}

#[tokio::test]
async fn lists_of_objects_refuse_scalars() {
    let portal = portal().await;
    let client = permanent(&portal);
    refused(
        &portal,
        &client,
        "usage.sync",
        json!({"integration_id": "i", "uris": ["/a"], "usages": "nope"}),
        "usages",
        "a list of objects",
    )
    .await;
    refused(
        &portal,
        &client,
        "usage.sync",
        json!({"integration_id": "i", "uris": ["/a"], "usages": [1, 2]}),
        "usages",
        "a list of objects",
    )
    .await;
}

#[tokio::test]
async fn unknown_parameters_and_unchecked_clients_pass_values_through() {
    let portal = portal().await;
    let client = permanent(&portal);
    // Not in the table: untouched, and the portal answers.
    client
        .call(
            "media.list",
            json!({"limit": 1, "property_Region": ["EU", 3]}),
        )
        .await
        .unwrap();
    // A client built without the check sends the wrong type; the portal judges it.
    portal.reset_stats();
    let err = unchecked(&portal)
        .call("media.list", json!({"limit": "ten"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    assert_eq!(portal.served("media.list"), 1);
}

#[tokio::test]
async fn the_catalog_carries_every_parameter_type() {
    let catalog = bynder::ops::catalog();
    for op in catalog.as_array().unwrap() {
        let types = op["param_types"].as_object().unwrap();
        let params: Vec<&str> = op["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(types.len(), params.len(), "{}", op["name"]);
        for p in params {
            let name = types[p].as_str().unwrap();
            assert!(
                bynder::ops::ParamType::from_name(name).is_some(),
                "{}.{p}: {name}",
                op["name"]
            );
        }
    }
}
