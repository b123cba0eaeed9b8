//! Recently removed assets, asset metaproperty options, derivative presets and antivirus
//! quarantine through `Client::call`, against the mock over HTTP: state survives between
//! calls, unknown ids answer 404, and the table's scopes are enforced (403 without them).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind, Scope};
use bynder_mock::MockPortal;
use bynder_mock::store::{PRESET_IDS, QUARANTINE_IDS};
use serde_json::{Value, json};

use common::*;

/// A client holding only `scopes`.
fn scoped(portal: &MockPortal, scopes: &[Scope]) -> Client {
    builder(portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            scopes,
        )
        .build()
        .unwrap()
}

/// The `id`s of a list answer, in order.
fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn deleted_assets_are_listed_as_recently_removed_sorted_and_paged() {
    let portal = portal().await;
    let client = permanent(&portal);
    let empty = client
        .call("media.recently_removed", json!({}))
        .await
        .unwrap();
    assert_eq!(empty, json!([]));
    let assets = portal.store().asset_ids();
    for id in &assets[..3] {
        client
            .call("media.delete", json!({"id": id}))
            .await
            .unwrap();
    }
    let removed = client
        .call(
            "media.recently_removed",
            json!({"field": "media.name", "order": "asc"}),
        )
        .await
        .unwrap();
    let mut expected: Vec<(String, String)> = assets[..3]
        .iter()
        .map(|id| {
            (
                portal
                    .store()
                    .recently_removed()
                    .iter()
                    .find(|r| &r.id == id)
                    .unwrap()
                    .name
                    .to_lowercase(),
                id.clone(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(
        ids(&removed),
        expected
            .iter()
            .map(|(_, id)| id.clone())
            .collect::<Vec<_>>()
    );
    let first = &removed[0];
    assert_eq!(first["username"], "alex.morgan");
    assert!(
        first["S3_filepointer"]
            .as_str()
            .unwrap()
            .contains(first["id"].as_str().unwrap())
    );
    assert!(first["dateRemoved"].as_str().unwrap().ends_with("+00:00"));
    // A removed asset is gone from the asset bank.
    let err = client
        .call("media.get", json!({"id": assets[0]}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    // Paging: two per page, 1-based.
    let page2 = client
        .call(
            "media.recently_removed",
            json!({"limit": 2, "page": 2, "field": "media.name", "order": "asc"}),
        )
        .await
        .unwrap();
    assert_eq!(ids(&page2), [expected[2].1.clone()]);
    // `dateRemoved` keeps what was removed from that moment on.
    let later = client
        .call(
            "media.recently_removed",
            json!({"dateRemoved": "2999-01-01T00:00:00Z"}),
        )
        .await
        .unwrap();
    assert_eq!(later, json!([]));
    let err = client
        .call("media.recently_removed", json!({"field": "media.size"}))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
}

/// A multi-select metaproperty of the seed and two of its options.
fn multiselect(portal: &MockPortal) -> (String, String, String) {
    let mp = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|mp| mp.is_multiselect && mp.options.len() >= 2)
        .expect("the seed has a multi-select metaproperty");
    (
        mp.id.clone(),
        mp.options[0].id.clone(),
        mp.options[1].id.clone(),
    )
}

#[tokio::test]
async fn options_are_added_to_and_removed_from_an_asset() {
    let portal = portal().await;
    let client = permanent(&portal);
    let asset = portal.store().asset_ids()[0].clone();
    let (mp, a, b) = multiselect(&portal);
    // Start from an asset without either option.
    client
        .call(
            "media.remove_options",
            json!({"asset_id": asset, "metaproperty_id": mp, "metaproperty_option_ids": [a, b]}),
        )
        .await
        .unwrap();
    let rfc = |id: &str| BynderId::parse(id).unwrap().to_rfc4122();
    let created = client
        .call(
            "media.add_options",
            // Either UUID form is accepted.
            json!({"asset_id": rfc(&asset), "metaproperty_id": mp, "metaproperty_option_ids": [a, rfc(&b)]}),
        )
        .await
        .unwrap();
    assert_eq!(created, json!({"message": "Created", "statuscode": 201}));
    let options = portal.store().asset(&asset).unwrap().option_ids;
    assert!(options.contains(&a) && options.contains(&b), "{options:?}");
    let gone = client
        .call(
            "media.remove_options",
            json!({"asset_id": asset, "metaproperty_id": mp, "metaproperty_option_ids": [a]}),
        )
        .await
        .unwrap();
    assert_eq!(gone, Value::Null, "204 has no body");
    let options = portal.store().asset(&asset).unwrap().option_ids;
    assert!(!options.contains(&a) && options.contains(&b), "{options:?}");

    // Unknown asset, metaproperty or option: 404; no options at all: 400.
    let unknown = BynderId::new_random().to_coldfusion();
    for body in [
        json!({"asset_id": unknown, "metaproperty_id": mp, "metaproperty_option_ids": [a]}),
        json!({"asset_id": asset, "metaproperty_id": unknown, "metaproperty_option_ids": [a]}),
        json!({"asset_id": asset, "metaproperty_id": mp, "metaproperty_option_ids": [unknown]}),
    ] {
        for op in ["media.add_options", "media.remove_options"] {
            let err = client.call(op, body.clone()).await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound, "{op} {body}");
        }
    }
    let err = client
        .call(
            "media.add_options",
            json!({"asset_id": asset, "metaproperty_id": mp, "metaproperty_option_ids": []}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn derivative_presets_are_listed_and_read_by_id() {
    let portal = portal().await;
    let client = permanent(&portal);
    let list = client.call("presets.list", json!({})).await.unwrap();
    assert_eq!(ids(&list), PRESET_IDS);
    let derivatives = client.call("account.derivatives", json!({})).await.unwrap();
    assert_eq!(list[0]["prefix"], derivatives[0]["prefix"]);
    assert_eq!(list[0]["isCrop"], 1, "flags are integers on /api/1");
    let one = client
        .call("presets.get", json!({"preset_id": PRESET_IDS[1]}))
        .await
        .unwrap();
    assert_eq!(one, list[1]);
    let err = client
        .call(
            "presets.get",
            json!({"preset_id": BynderId::new_random().to_rfc4122()}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.status(), Some(404));
    let err = client
        .call("presets.get", json!({"preset_id": "not-a-uuid"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
}

#[tokio::test]
async fn quarantined_assets_are_listed_read_and_reviewed() {
    let portal = portal().await;
    let client = permanent(&portal);
    let list = client.call("quarantine.list", json!({})).await.unwrap();
    assert_eq!(list["totalCount"], 2);
    assert_eq!(ids(&list["assets"]), QUARANTINE_IDS);
    assert_eq!(list["assets"][0]["reviewStatus"], Value::Null);
    let reviewed = client
        .call(
            "quarantine.review",
            json!({"asset_id": QUARANTINE_IDS[0], "data": {"review_status": "DENIED"}}),
        )
        .await
        .unwrap();
    assert_eq!(reviewed["reviewStatus"], "REJECTED");
    assert_eq!(reviewed["isRemoved"], true);
    let read = client
        .call("quarantine.get", json!({"asset_id": QUARANTINE_IDS[0]}))
        .await
        .unwrap();
    assert_eq!(read["reviewStatus"], "REJECTED");
    assert!(read["reviewedById"].is_string());

    client
        .call(
            "quarantine.review_many",
            json!({"data": {"antivirus_asset_ids": QUARANTINE_IDS, "review_status": "APPROVED"}}),
        )
        .await
        .unwrap();
    let list = client.call("quarantine.list", json!({})).await.unwrap();
    for item in list["assets"].as_array().unwrap() {
        assert_eq!(item["reviewStatus"], "APPROVED");
        assert_eq!(item["isSafe"], true);
    }

    let unknown = BynderId::new_random().to_rfc4122();
    let err = client
        .call("quarantine.get", json!({"asset_id": unknown}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Asset not found");
    let err = client
        .call(
            "quarantine.review",
            json!({"asset_id": unknown, "data": {"review_status": "APPROVED"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .call(
            "quarantine.review",
            json!({"asset_id": QUARANTINE_IDS[1], "data": {"review_status": "MAYBE"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    let err = client
        .call(
            "quarantine.review_many",
            json!({"data": {"antivirus_asset_ids": [unknown], "review_status": "APPROVED"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn tokens_without_the_scopes_are_refused_with_403() {
    let portal = portal().await;
    let asset = portal.store().asset_ids()[0].clone();
    let (mp, a, _) = multiselect(&portal);
    let options = json!({"asset_id": asset, "metaproperty_id": mp, "metaproperty_option_ids": [a]});
    // Neither asset:read nor asset:write.
    let outsider = scoped(&portal, &[Scope::CollectionRead]);
    for (op, params) in [
        ("media.recently_removed", json!({})),
        ("media.add_options", options.clone()),
        ("media.remove_options", options.clone()),
    ] {
        let err = outsider.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
    }
    // The shared test scopes hold no antivirus.asset.audit scope.
    assert!(!SCOPES.contains(&Scope::AntivirusAssetAuditRead));
    let client = client_credentials(&portal);
    let review = json!({"asset_id": QUARANTINE_IDS[0], "data": {"review_status": "APPROVED"}});
    for (op, params) in [
        ("quarantine.list", json!({})),
        ("quarantine.get", json!({"asset_id": QUARANTINE_IDS[0]})),
        ("quarantine.review", review.clone()),
    ] {
        let err = client.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    // Reading needs only :read; reviewing needs :write.
    let auditor = scoped(&portal, &[Scope::AntivirusAssetAuditRead]);
    let list = auditor.call("quarantine.list", json!({})).await.unwrap();
    assert_eq!(list["totalCount"], 2);
    for (op, params) in [
        ("quarantine.review", review.clone()),
        (
            "quarantine.review_many",
            json!({"data": {"antivirus_asset_ids": QUARANTINE_IDS, "review_status": "APPROVED"}}),
        ),
    ] {
        let err = auditor.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
    }
    let untouched = portal_review(&portal).await;
    assert_eq!(untouched, Value::Null, "refused reviews change nothing");
}

/// The review status of the first quarantined asset, read with a full-scope token.
async fn portal_review(portal: &MockPortal) -> Value {
    permanent(portal)
        .call("quarantine.get", json!({"asset_id": QUARANTINE_IDS[0]}))
        .await
        .unwrap()["reviewStatus"]
        .clone()
}
