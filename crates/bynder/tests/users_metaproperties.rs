//! Admin users and metaproperty/option writes through `Client::call`, against the mock over
//! HTTP: what is created is listed and readable, what is deleted answers Bynder's 404, the
//! `data` field travels as a JSON string, and the table's scopes are enforced (403).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{ErrorKind, Scope};
use futures::StreamExt;
use serde_json::{Value, json};

use common::*;

/// The `id`s of a JSON list.
fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

/// A new user's form fields.
fn new_user(portal: &bynder_mock::MockPortal, email: &str) -> Value {
    json!({
        "email": email,
        "password": "s3cret-Pass",
        "profileId": portal.store().profile_ids()[1],
        "firstname": "Ada",
        "lastname": "Lovelace",
        "groupIds": "00B627BB-8054-44C0-A343FCF40BC790CD",
        "phoneNumber": "+44 20 7946 0000",
    })
}

#[tokio::test]
async fn a_created_user_is_listed_readable_modifiable_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    let created = client
        .call("users.create", new_user(&portal, "ada@example.com"))
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    // The username defaults to the e-mail address; ids are ColdFusion, as in all of v4.
    assert_eq!(created["username"], "ada@example.com");
    assert_eq!(BynderId::parse(&id).unwrap().to_coldfusion(), id);

    let listed = client.call("users.list", json!({})).await.unwrap();
    assert!(ids(&listed).contains(&id), "{listed}");
    let entry = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id.as_str())
        .unwrap();
    assert_eq!(entry["name"], "Ada Lovelace");
    assert_eq!(entry["active"], 1, "the list answers active as 0/1");
    assert_eq!(
        entry["groups"][0]["id"],
        "00B627BB-8054-44C0-A343FCF40BC790CD"
    );

    // By id, in either UUID form, and by username.
    let rfc = BynderId::parse(&id).unwrap().to_rfc4122();
    for key in [id.as_str(), rfc.as_str(), "ada@example.com"] {
        let user = client.call("users.get", json!({"id": key})).await.unwrap();
        assert_eq!(user["id"], id.as_str(), "{key}");
        assert_eq!(user["phoneNumber"], "+44 20 7946 0000");
        assert_eq!(
            user["active"], true,
            "the detail answers active as a boolean"
        );
    }

    let modified = client
        .call(
            "users.modify",
            json!({"id": rfc, "username": "ada.l", "job": "Analyst", "active": 0}),
        )
        .await
        .unwrap();
    assert_eq!(modified, json!({"id": id, "username": "ada.l"}));
    let user = client
        .call("users.get", json!({"id": "ada.l"}))
        .await
        .unwrap();
    assert_eq!(user["job"], "Analyst");
    assert_eq!(user["active"], false);
    // Inactive users leave the default list but not the full one.
    let listed = client.call("users.list", json!({})).await.unwrap();
    assert!(!ids(&listed).contains(&id));
    let all = client
        .call("users.list", json!({"includeInActive": true}))
        .await
        .unwrap();
    assert!(ids(&all).contains(&id));

    let gone = client
        .call("users.delete", json!({"id": "ada.l"}))
        .await
        .unwrap();
    assert_eq!(gone, Value::Null, "204 has no body");
    let err = client
        .call("users.get", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.message(), "User not found");
    let all = client
        .call("users.list", json!({"includeInActive": 1}))
        .await
        .unwrap();
    assert!(!ids(&all).contains(&id));
}

#[tokio::test]
async fn the_users_list_pages_with_pagination_headers() {
    let portal = portal().await;
    let client = permanent(&portal);
    let op = bynder::ops::find("users.list").unwrap();
    let everyone = portal.store().user_ids().len() as u64;
    let pages: Vec<_> =
        bynder::paging::pages(&client, op, json!({"limit": 2, "includeInActive": true}))
            .collect()
            .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len() as u64, everyone.div_ceil(2));
    assert!(pages.iter().all(|p| p.total == Some(everyone)));
    let seen: Vec<Value> = pages.into_iter().flat_map(|p| p.items).collect();
    let mut seen = ids(&Value::Array(seen));
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len() as u64, everyone, "every user once");
}

#[tokio::test]
async fn user_input_errors_are_400s_and_unknown_users_404() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut missing = new_user(&portal, "x@example.com");
    missing.as_object_mut().unwrap().remove("password");
    let err = client.call("users.create", missing).await.unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.message(), "password is required");

    let mut bad_profile = new_user(&portal, "y@example.com");
    bad_profile["profileId"] = json!(BynderId::new_random().to_coldfusion());
    let err = client.call("users.create", bad_profile).await.unwrap_err();
    assert_eq!(err.message(), "Invalid profile id");

    // The seeded first user is alex.morgan.
    let mut taken = new_user(&portal, "z@example.com");
    taken["username"] = json!("alex.morgan");
    let err = client.call("users.create", taken).await.unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.message(), "Username already exists");

    let unknown = BynderId::new_random().to_coldfusion();
    for op in ["users.get", "users.modify", "users.delete"] {
        let err = client
            .call(op, json!({"id": unknown, "job": "x"}))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{op}");
    }
    let before = portal.stats().by_operation.get("users.modify").copied();
    let err = client
        .call("users.modify", json!({"id": "alex.morgan"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId, "modify takes only an id");
    assert_eq!(
        portal.stats().by_operation.get("users.modify").copied(),
        before
    );
}

/// The metaproperty called `name` in `metaproperties.list`, if any.
async fn listed_metaproperty(client: &bynder::Client, name: &str) -> Option<Value> {
    let list = client.call("metaproperties.list", json!({})).await.unwrap();
    list.get(name).cloned()
}

#[tokio::test]
async fn a_created_metaproperty_is_listed_modified_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    let created = client
        .call(
            "metaproperties.create",
            json!({"data": {
                "name": "Colour",
                "type": "select",
                "label": "Colour",
                "labels": {"en_US": "Colour", "nl_NL": "Kleur"},
                "isMultiselect": true,
                "isFilterable": 1,
            }}),
        )
        .await
        .unwrap();
    assert_eq!(created["statuscode"], 201);
    assert_eq!(created["message"], "Created");
    let id = created["id"].as_str().unwrap().to_string();

    let listed = listed_metaproperty(&client, "Colour").await.unwrap();
    assert_eq!(listed["id"], id.as_str());
    assert_eq!(listed["isMultiselect"], true);
    assert_eq!(listed["isFilterable"], true);
    assert_eq!(listed["options"], json!([]));

    let modified = client
        .call(
            "metaproperties.modify",
            json!({"id": id, "data": {"label": "Colours", "isRequired": true}}),
        )
        .await
        .unwrap();
    assert_eq!(modified, json!({"message": "Created", "statuscode": 201}));
    let got = client
        .call("metaproperties.get", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(got["label"], "Colours");
    assert_eq!(got["isRequired"], true);
    assert_eq!(got["name"], "Colour");

    let err = client
        .call(
            "metaproperties.modify",
            json!({"id": id, "data": {"name": "Hue"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.message(), "Editing meta property name not allowed");

    let gone = client
        .call("metaproperties.delete", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(gone, Value::Null);
    let err = client
        .call("metaproperties.get", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Metaproperty not found");
    assert!(listed_metaproperty(&client, "Colour").await.is_none());
}

#[tokio::test]
async fn metaproperty_input_errors_use_bynders_messages() {
    let portal = portal().await;
    let client = permanent(&portal);
    let cases = [
        (json!({}), "No data sent"),
        (json!({"data": "{not json"}), "Invalid JSON"),
        (
            json!({"data": {"name": "Shape", "type": "spline"}}),
            "Invalid metaproperty type",
        ),
        (
            json!({"data": {"name": "department", "type": "select"}}),
            "Metaproperty with this name already exists",
        ),
    ];
    // `data` that is not JSON is refused by the client; sent anyway, the portal refuses it.
    let unchecked = unchecked(&portal);
    for (params, message) in cases {
        let err = unchecked
            .call("metaproperties.create", params.clone())
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(400), "{params}");
        assert_eq!(err.message(), message, "{params}");
    }
    let unknown = BynderId::new_random().to_coldfusion();
    for op in ["metaproperties.modify", "metaproperties.delete"] {
        let err = client
            .call(op, json!({"id": unknown, "data": {"label": "x"}}))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{op}");
        assert_eq!(err.message(), "Metaproperty not found", "{op}");
    }
}

#[tokio::test]
async fn options_are_created_modified_and_deleted_and_assets_lose_them() {
    let portal = portal().await;
    let client = permanent(&portal);
    let region = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|m| m.name == "Region")
        .unwrap();
    let created = client
        .call(
            "metaproperties.create_option",
            json!({"id": region.id, "data": {
                "name": "antarctica",
                "label": "Antarctica",
                "externalReference": "REG-099",
                "options": [{"name": "south_pole", "label": "South Pole"}],
            }}),
        )
        .await
        .unwrap();
    assert_eq!(created["statuscode"], 201);
    let option = created["id"].as_str().unwrap().to_string();

    let listed = client
        .call(
            "metaproperties.options",
            json!({"id": region.id, "name": "antarctica"}),
        )
        .await
        .unwrap();
    assert_eq!(ids(&listed), std::slice::from_ref(&option));
    assert_eq!(listed[0]["externalReference"], "REG-099");
    let child = client
        .call(
            "metaproperties.options",
            json!({"id": region.id, "name": "south"}),
        )
        .await
        .unwrap();
    assert_eq!(child[0]["label"], "South Pole", "children are created too");
    let got = client
        .call("metaproperties.get", json!({"id": region.id}))
        .await
        .unwrap();
    assert!(ids(&got["options"]).contains(&option));

    let err = client
        .call(
            "metaproperties.create_option",
            json!({"id": region.id, "data": {"name": "Antarctica"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(
        err.message(),
        "Meta property option with this name already exists"
    );
    let err = client
        .call(
            "metaproperties.create_option",
            json!({"id": region.id, "data": {"label": "No name"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.message(), "Meta property option name is required");

    client
        .call(
            "metaproperties.modify_option",
            json!({"id": region.id, "optionId": option, "data": {"label": "Antarctic", "zindex": 9}}),
        )
        .await
        .unwrap();
    let by_id = client
        .call("metaproperties.options_by_ids", json!({"ids": option}))
        .await
        .unwrap();
    assert_eq!(by_id[0]["label"], "Antarctic");
    assert_eq!(by_id[0]["zindex"], 9);
    let err = client
        .call(
            "metaproperties.modify_option",
            json!({"id": region.id, "optionId": option, "data": {"name": "arctic"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Editing meta property option name not allowed"
    );

    // An asset carrying a seeded option loses it when the option is deleted.
    let seeded = &region.options[0].id;
    let asset = portal
        .store()
        .asset_ids()
        .into_iter()
        .find(|a| portal.store().asset(a).unwrap().option_ids.contains(seeded))
        .expect("some asset carries the first region");
    for gone in [&option, seeded] {
        let answer = client
            .call(
                "metaproperties.delete_option",
                json!({"id": region.id, "optionId": gone}),
            )
            .await
            .unwrap();
        assert_eq!(answer, Value::Null);
    }
    assert!(
        !portal
            .store()
            .asset(&asset)
            .unwrap()
            .option_ids
            .contains(seeded)
    );
    let left = client
        .call("metaproperties.options", json!({"id": region.id}))
        .await
        .unwrap();
    assert!(!ids(&left).contains(&option));
    assert!(!ids(&left).contains(seeded));
    let err = client
        .call(
            "metaproperties.delete_option",
            json!({"id": region.id, "optionId": option}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Meta property option not found");
}

#[tokio::test]
async fn deleting_a_seeded_metaproperty_clears_its_options_from_assets() {
    let portal = portal().await;
    let client = permanent(&portal);
    let channel = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|m| m.name == "Channel")
        .unwrap();
    let options: Vec<String> = channel.options.iter().map(|o| o.id.clone()).collect();
    let carries = |portal: &bynder_mock::MockPortal| {
        portal
            .store()
            .asset_ids()
            .iter()
            .filter(|a| {
                let asset = portal.store().asset(a).unwrap();
                asset.option_ids.iter().any(|o| options.contains(o))
            })
            .count()
    };
    assert!(carries(&portal) > 0, "the seed tags assets with channels");
    client
        .call("metaproperties.delete", json!({"id": channel.id}))
        .await
        .unwrap();
    assert_eq!(carries(&portal), 0);
    assert!(listed_metaproperty(&client, "Channel").await.is_none());
    let err = client
        .call("metaproperties.options", json!({"id": channel.id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn tokens_without_the_write_scopes_are_refused_with_403() {
    let portal = portal().await;
    // The shared test scopes read metaproperties but hold no admin.user:* or write scope.
    assert!(SCOPES.contains(&Scope::MetaAssetbankRead));
    assert!(!SCOPES.contains(&Scope::MetaAssetbankWrite));
    assert!(!SCOPES.contains(&Scope::AdminUserRead));
    let client = client_credentials(&portal);
    let mp = portal.store().metaproperty_ids()[0].clone();
    let option = portal.store().option_ids(&mp)[0].clone();
    let user = portal.store().user_ids()[1].clone();
    let calls = [
        ("users.list", json!({})),
        ("users.get", json!({"id": user})),
        ("users.create", new_user(&portal, "w@example.com")),
        ("users.modify", json!({"id": user, "job": "x"})),
        ("users.delete", json!({"id": user})),
        (
            "metaproperties.create",
            json!({"data": {"name": "N", "type": "text"}}),
        ),
        (
            "metaproperties.modify",
            json!({"id": mp, "data": {"label": "x"}}),
        ),
        ("metaproperties.delete", json!({"id": mp})),
        (
            "metaproperties.create_option",
            json!({"id": mp, "data": {"name": "n"}}),
        ),
        (
            "metaproperties.modify_option",
            json!({"id": mp, "optionId": option, "data": {"label": "x"}}),
        ),
        (
            "metaproperties.delete_option",
            json!({"id": mp, "optionId": option}),
        ),
    ];
    for (op, params) in calls {
        let err = client.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    // Nothing changed: reading still works and finds everything in place.
    let got = client
        .call("metaproperties.get", json!({"id": mp}))
        .await
        .unwrap();
    assert!(ids(&got["options"]).contains(&option));
    assert!(portal.store().user_ids().contains(&user));
    // With admin.user:read alone, users can be read but not written.
    let reader = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::AdminUserRead],
        )
        .build()
        .unwrap();
    let got = reader.call("users.get", json!({"id": user})).await.unwrap();
    assert_eq!(got["id"], user.as_str());
    let err = reader
        .call("users.delete", json!({"id": user}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
