//! Asset usage and webhook configurations through `Client::call`, against the mock over HTTP:
//! state survives between calls, unknown ids answer Bynder's 404, and the table's scopes are
//! enforced (a token without them gets a 403).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{ErrorKind, Scope};
use bynder_mock::store::INTEGRATIONS;
use serde_json::{Value, json};

use common::*;

/// The `(asset_id, uri)` pairs of a usage list, sorted.
fn pairs(list: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|u| {
            (
                u["asset_id"].as_str().unwrap().to_string(),
                u["uri"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn a_created_usage_is_listed_and_a_deleted_one_is_gone() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (integration, description) = INTEGRATIONS[0];
    let assets = portal.store().asset_ids();
    // The asset id may be sent in either form; the answer uses RFC 4122, like `/api` does.
    let created = client
        .call(
            "usage.create",
            json!({
                "integration_id": integration,
                "asset_id": assets[0],
                "uri": "/blog/first-post",
                "timestamp": "2024-03-01T10:00:00Z",
                "additional": "hero image",
            }),
        )
        .await
        .unwrap();
    assert_eq!(created["asset_id"], rfc(&assets[0]));
    assert_eq!(created["integration"]["id"], integration);
    assert_eq!(created["integration"]["description"], description);
    assert_eq!(created["timestamp"], "2024-03-01T10:00:00Z");
    assert_eq!(created["additional"], "hero image");
    let id = created["id"].as_str().unwrap();
    assert_eq!(
        BynderId::parse(id).unwrap().to_rfc4122(),
        id,
        "usage ids are RFC 4122"
    );
    client
        .call(
            "usage.create",
            json!({"integration_id": integration, "asset_id": rfc(&assets[1]), "uri": "/blog/2"}),
        )
        .await
        .unwrap();

    let by_asset = client
        .call("usage.list", json!({"asset_id": assets[0]}))
        .await
        .unwrap();
    assert_eq!(
        pairs(&by_asset),
        [(rfc(&assets[0]), "/blog/first-post".to_string())]
    );
    assert_eq!(by_asset[0]["id"], id);
    let by_integration = client
        .call("usage.list", json!({"integration_id": integration}))
        .await
        .unwrap();
    assert_eq!(by_integration.as_array().unwrap().len(), 2);

    let gone = client
        .call(
            "usage.delete",
            json!({"integration_id": integration, "asset_id": assets[0], "uri": "/blog/first-post"}),
        )
        .await
        .unwrap();
    assert_eq!(gone, Value::Null, "204 has no body");
    let left = client
        .call("usage.list", json!({"integration_id": integration}))
        .await
        .unwrap();
    assert_eq!(pairs(&left), [(rfc(&assets[1]), "/blog/2".to_string())]);
}

#[tokio::test]
async fn usage_input_errors_are_field_keyed_400s() {
    let portal = portal().await;
    let client = permanent(&portal);
    let asset = portal.store().asset_ids()[0].clone();
    let err = client
        .call("usage.create", json!({"asset_id": asset}))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(
        err.message().starts_with("integration_id:"),
        "{}",
        err.message()
    );
    let err = client
        .call(
            "usage.create",
            json!({"integration_id": INTEGRATIONS[0].0, "asset_id": "00000000-0000-4000-8000-000000000000"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.message(), "asset_id: Asset not found.");
    let err = client
        .call(
            "usage.create",
            json!({"integration_id": "not-an-integration", "asset_id": asset}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.message(), "integration_id: Integration not found.");
}

#[tokio::test]
async fn sync_replaces_the_usages_of_one_integration() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (mine, other) = (INTEGRATIONS[0].0, INTEGRATIONS[1].0);
    let assets = portal.store().asset_ids();
    for (integration, asset, uri) in [
        (mine, &assets[0], "/page/a"),
        (mine, &assets[1], "/page/b"),
        (other, &assets[0], "/page/a"),
    ] {
        client
            .call(
                "usage.create",
                json!({"integration_id": integration, "asset_id": asset, "uri": uri}),
            )
            .await
            .unwrap();
    }
    let answer = client
        .call(
            "usage.sync",
            json!({
                "integration_id": mine,
                "uris": ["/page/a", "/page/b", "/page/c"],
                "usages": [
                    {"asset_id": rfc(&assets[0]), "uri": "/page/a", "additional": "kept"},
                    {"asset_id": rfc(&assets[2]), "uri": "/page/c"},
                    {"asset_id": rfc(&assets[3]), "uri": "/elsewhere"},
                    {"asset_id": "00000000-0000-4000-8000-000000000000", "uri": "/page/c"},
                ],
            }),
        )
        .await
        .unwrap();
    assert_eq!(answer["accepted"].as_array().unwrap().len(), 2, "{answer}");
    assert_eq!(pairs(&answer["new"]), [(rfc(&assets[2]), "/page/c".into())]);
    assert_eq!(answer["new"][0]["integration"]["id"], mine);
    assert_eq!(
        pairs(&answer["removed"]),
        [(rfc(&assets[1]), "/page/b".into())]
    );
    let reasons: Vec<&str> = answer["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        ["URI is not part of the uris given", "Asset not found"]
    );

    let now_mine = client
        .call("usage.list", json!({"integration_id": mine}))
        .await
        .unwrap();
    let mut expected = vec![
        (rfc(&assets[0]), "/page/a".to_string()),
        (rfc(&assets[2]), "/page/c".to_string()),
    ];
    expected.sort();
    assert_eq!(pairs(&now_mine), expected);
    let kept = now_mine
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["uri"] == "/page/a")
        .unwrap();
    assert_eq!(kept["additional"], "kept");
    // Another integration's usages are untouched.
    let theirs = client
        .call("usage.list", json!({"integration_id": other}))
        .await
        .unwrap();
    assert_eq!(pairs(&theirs), [(rfc(&assets[0]), "/page/a".to_string())]);
}

#[tokio::test]
async fn a_webhook_configuration_is_created_read_updated_patched_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    // A ColdFusion id is converted to the RFC 4122 form `/v7` needs.
    let id = BynderId::new_random();
    let created = client
        .call(
            "webhooks.create",
            json!({
                "id": id.to_coldfusion(),
                "name": "Asset feed",
                "endpoint": "https://hooks.example.com/bynder",
                "protocol": "HTTPS",
                "events": ["asset_bank.media.create", "asset_bank.media.deleted"],
                "pre_archived_notification_days": 3,
            }),
        )
        .await
        .unwrap();
    assert_eq!(created, json!({"id": id.to_rfc4122()}));
    let again = client
        .call(
            "webhooks.create",
            json!({"id": id.to_rfc4122(), "name": "x", "endpoint": "y"}),
        )
        .await
        .unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);

    let read = client
        .call("webhooks.get", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap();
    assert_eq!(read["id"], id.to_rfc4122());
    assert_eq!(read["name"], "Asset feed");
    assert_eq!(read["endpoint"], "https://hooks.example.com/bynder");
    assert_eq!(read["preArchivedNotificationDays"], 3);
    assert_eq!(read["status"], 1);

    client
        .call(
            "webhooks.update",
            json!({"id": id.to_rfc4122(), "events": ["workflow.job.create"], "preArchivedNotificationDays": 7}),
        )
        .await
        .unwrap();
    client
        .call(
            "webhooks.patch",
            json!({"id": id.to_rfc4122(), "name": "Jobs feed", "status": 0}),
        )
        .await
        .unwrap();
    let read = client
        .call("webhooks.get", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap();
    assert_eq!(read["events"], json!(["workflow.job.create"]));
    assert_eq!(read["preArchivedNotificationDays"], 7);
    assert_eq!(read["name"], "Jobs feed");
    assert_eq!(read["status"], 0);
    let err = client
        .call(
            "webhooks.patch",
            json!({"id": id.to_rfc4122(), "status": 4}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));

    client
        .call("webhooks.delete", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap();
    let err = client
        .call("webhooks.get", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Webhook configuration not found");
    let err = client
        .call("webhooks.delete", json!({"id": id.to_rfc4122()}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn unknown_webhook_ids_answer_404_and_garbage_ids_never_leave_the_client() {
    let portal = portal().await;
    let client = permanent(&portal);
    let unknown = BynderId::new_random().to_rfc4122();
    for op in ["webhooks.get", "webhooks.delete"] {
        let err = client.call(op, json!({"id": unknown})).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{op}");
        assert_eq!(err.status(), Some(404), "{op}");
    }
    let err = client
        .call(
            "webhooks.update",
            json!({"id": unknown, "events": ["asset_bank.media.create"]}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let before = portal.stats().by_operation.get("webhooks.get").copied();
    let err = client
        .call("webhooks.get", json!({"id": "not-a-uuid"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
    assert_eq!(
        portal.stats().by_operation.get("webhooks.get").copied(),
        before
    );
}

#[tokio::test]
async fn tokens_without_the_scopes_are_refused_with_403() {
    let portal = portal().await;
    // The shared test scopes hold neither asset.usage:* nor webhooks.config:*.
    assert!(!SCOPES.contains(&Scope::AssetUsageRead));
    let client = client_credentials(&portal);
    let calls = [
        ("usage.list", json!({"integration_id": INTEGRATIONS[0].0})),
        ("usage.sync", json!({"integration_id": INTEGRATIONS[0].0})),
        (
            "webhooks.get",
            json!({"id": BynderId::new_random().to_rfc4122()}),
        ),
        (
            "webhooks.create",
            json!({"id": BynderId::new_random().to_rfc4122(), "name": "n", "endpoint": "e"}),
        ),
    ];
    for (op, params) in calls {
        let err = client.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    // With only the read scopes, reading works and writing does not.
    let reader = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::AssetUsageRead, Scope::WebhooksConfigRead],
        )
        .build()
        .unwrap();
    let listed = reader
        .call("usage.list", json!({"integration_id": INTEGRATIONS[0].0}))
        .await
        .unwrap();
    assert_eq!(listed, json!([]));
    let err = reader
        .call(
            "usage.delete",
            json!({"integration_id": INTEGRATIONS[0].0, "asset_id": portal.store().asset_ids()[0]}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    let err = reader
        .call(
            "webhooks.delete",
            json!({"id": BynderId::new_random().to_rfc4122()}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
