//! Content access rules on metaproperties and options, option visibility and the user groups
//! list through `Client::call`, against the mock over HTTP: rules added are listed with their
//! principals' names, replaced or deleted ones are gone, visibility reads back, groups are the
//! ones the portal's users belong to, and scopes and the GROUPMANAGEMENT role are enforced.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind, Scope};
use futures::StreamExt;
use serde_json::{Value, json};

use common::*;

fn list(value: &Value) -> &Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
}

/// `(name, id)` of every group, in the order listed.
async fn groups(client: &Client, params: Value) -> Vec<(String, String)> {
    let listed = client.call("user_groups.list", params).await.unwrap();
    list(&listed)
        .iter()
        .map(|g| {
            (
                g["name"].as_str().unwrap().to_string(),
                g["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn metaproperty_access_rules_are_added_listed_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    // Seeded: the Caption metaproperty is hidden from the external agencies group.
    let caption = metaproperty(&portal, "Caption").id;
    let seeded = client
        .call(
            "content_access.get_metaproperty",
            json!({"metaproperty_id": caption}),
        )
        .await
        .unwrap();
    let rule = &list(&seeded)[0];
    assert_eq!(rule["principalType"], "group");
    assert_eq!(rule["principalName"], "External agencies");
    assert_eq!(rule["contentId"], rfc(&caption));
    assert_eq!(rule["contentType"], "metaproperty");
    assert_eq!(rule["level"], "metaproperty.hide");

    let region = metaproperty(&portal, "Region").id;
    let users = portal.store().user_ids();
    let profiles = portal.store().profile_ids();
    let added = client
        .call(
            "content_access.add_metaproperty",
            json!({
                "metaproperty_id": region,
                "principals": [
                    {"principalId": users[1], "principalType": "user"},
                    {"principalId": rfc(&profiles[2]), "principalType": "profile"},
                ],
                "level": "metaproperty.hide",
            }),
        )
        .await
        .unwrap();
    assert_eq!(
        added,
        json!([
            {"principalId": rfc(&users[1]), "principalType": "user"},
            {"principalId": rfc(&profiles[2]), "principalType": "profile"},
        ])
    );
    let listed = client
        .call(
            "content_access.get_metaproperty",
            json!({"metaproperty_id": rfc(&region)}),
        )
        .await
        .unwrap();
    let rules = list(&listed);
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0]["principalName"], "Priya Raman");
    assert_eq!(
        rules[0]["principalExtraInformation"]["email"],
        "priya.raman@example.com"
    );
    assert_eq!(rules[1]["principalName"], "Viewer");
    let first = rules[0]["id"].as_str().unwrap().to_string();
    assert_eq!(rfc(&first), first, "rule ids are RFC 4122");

    let gone = client
        .call(
            "content_access.remove_metaproperty",
            json!({"metaproperty_id": region, "contentAccessIds": [first]}),
        )
        .await
        .unwrap();
    assert_eq!(gone, Value::Null, "204 has no body");
    let listed = client
        .call(
            "content_access.get_metaproperty",
            json!({"metaproperty_id": region}),
        )
        .await
        .unwrap();
    assert_eq!(list(&listed).len(), 1);
    assert_eq!(listed[0]["principalType"], "profile");
    let err = client
        .call(
            "content_access.remove_metaproperty",
            json!({"metaproperty_id": region, "contentAccessIds": [first]}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn bad_access_requests_are_refused() {
    let portal = portal().await;
    let client = permanent(&portal);
    let region = metaproperty(&portal, "Region").id;
    let user = portal.store().user_ids()[1].clone();
    let bad = [
        (
            json!([]),
            "metaproperty.hide",
            "principals must not be empty",
        ),
        (
            json!([{"principalId": user, "principalType": "robot"}]),
            "metaproperty.hide",
            "principalType must be user, group or profile",
        ),
        (
            json!([{"principalId": user, "principalType": "user"}]),
            "metaproperty.show",
            "level must be metaproperty.hide",
        ),
    ];
    for (principals, level, message) in bad {
        let err = client
            .call(
                "content_access.add_metaproperty",
                json!({"metaproperty_id": region, "principals": principals, "level": level}),
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{message}");
        assert_eq!(err.message(), message);
    }
    // A principal that does not exist: a group id given as a user.
    let stranger = BynderId::new_random();
    let err = client
        .call(
            "content_access.add_metaproperty",
            json!({"metaproperty_id": region,
                   "principals": [{"principalId": stranger.to_coldfusion(), "principalType": "user"}]}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        err.message(),
        format!("Unknown user {}", stranger.to_rfc4122())
    );
    let err = client
        .call(
            "content_access.get_metaproperty",
            json!({"metaproperty_id": stranger.to_rfc4122()}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .call(
            "content_access.remove_metaproperty",
            json!({"metaproperty_id": region, "contentAccessIds": []}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn option_access_rules_are_replaced_filtered_and_paged() {
    let portal = portal().await;
    let client = permanent(&portal);
    let emea = option_id(&portal, "Region", "EMEA");
    let users = portal.store().user_ids();
    let team = groups(&client, json!({"search_term": "brand"})).await[0]
        .1
        .clone();
    let principals = json!([
        {"principalId": users[1], "principalType": "user"},
        {"principalId": users[2], "principalType": "user"},
        {"principalId": team, "principalType": "group"},
    ]);
    let set = client
        .call(
            "content_access.set_option",
            json!({"optionId": emea, "principals": principals}),
        )
        .await
        .unwrap();
    assert_eq!(list(&set).len(), 3);
    assert_eq!(
        set[2],
        json!({"principalId": rfc(&team), "principalType": "group"})
    );

    let get = |params: Value| {
        let client = client.clone();
        let emea = emea.clone();
        async move {
            let mut params = params;
            params["optionId"] = json!(emea);
            let got = client
                .call("content_access.get_option", params)
                .await
                .unwrap();
            list(&got).clone()
        }
    };
    let all = get(json!({})).await;
    assert_eq!(all.len(), 3);
    assert_eq!(all[2]["principalName"], "Brand team");
    assert_eq!(all[0]["contentType"], "option");
    assert_eq!(all[0]["contentId"], rfc(&emea));
    let ids: Vec<Value> = all.iter().map(|r| r["id"].clone()).collect();
    // Filter by principal, in either id form.
    let mine = get(json!({"principalId": rfc(&users[2])})).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["id"], ids[1]);
    // Pages: a limit, then cursors on rule ids.
    assert_eq!(get(json!({"limit": 2})).await, all[..2]);
    assert_eq!(get(json!({"start": ids[1]})).await, all[2..]);
    assert_eq!(get(json!({"before": ids[2], "limit": 1})).await, all[1..2]);

    // PUT replaces the rules, and an empty list clears them.
    client
        .call(
            "content_access.set_option",
            json!({"optionId": emea, "principals": [{"principalId": team, "principalType": "group"}]}),
        )
        .await
        .unwrap();
    let replaced = get(json!({})).await;
    assert_eq!(replaced.len(), 1);
    assert_ne!(replaced[0]["id"], ids[2], "replacing makes new rules");
    client
        .call(
            "content_access.set_option",
            json!({"optionId": emea, "principals": []}),
        )
        .await
        .unwrap();
    assert!(get(json!({})).await.is_empty());

    let unknown = BynderId::new_random().to_rfc4122();
    let err = client
        .call("content_access.get_option", json!({"optionId": unknown}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Option does not exist");
    let err = client
        .call(
            "content_access.get_option",
            json!({"optionId": emea, "start": unknown}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn option_visibility_reads_back() {
    let portal = portal().await;
    let client = permanent(&portal);
    let draft = option_id(&portal, "AssetStatus", "Draft");
    let read = || async {
        client
            .call(
                "content_access.get_option_visibility",
                json!({"optionId": draft}),
            )
            .await
            .unwrap()
    };
    assert_eq!(read().await, json!({"defaultVisibility": "visible"}));
    let set = client
        .call(
            "content_access.set_option_visibility",
            json!({"optionId": rfc(&draft), "default_visibility": "hidden"}),
        )
        .await
        .unwrap();
    assert_eq!(set, json!({"defaultVisibility": "hidden"}));
    assert_eq!(read().await, json!({"defaultVisibility": "hidden"}));
    let err = client
        .call(
            "content_access.set_option_visibility",
            json!({"optionId": draft, "defaultVisibility": "sometimes"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.message(), "defaultVisibility must be visible or hidden");
    assert_eq!(read().await, json!({"defaultVisibility": "hidden"}));
    let err = client
        .call(
            "content_access.set_option_visibility",
            json!({"optionId": BynderId::new_random().to_rfc4122(), "defaultVisibility": "hidden"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn user_groups_are_the_groups_the_portal_users_belong_to() {
    let portal = portal().await;
    let client = permanent(&portal);
    let all = groups(&client, json!({})).await;
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Brand team",
            "Content creators",
            "External agencies",
            "Legal reviewers",
            "Sales EMEA"
        ]
    );
    // Users carry these groups: the current user (Marketing) is in the brand team.
    let me = client
        .call("users.get", json!({"id": portal.store().current_user_id()}))
        .await
        .unwrap();
    let mine: Vec<&str> = list(&me["groups"])
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    let brand = &all[0].1;
    assert!(mine.contains(&brand.as_str()), "{me}");

    assert_eq!(
        groups(&client, json!({"search_term": "SALES"})).await,
        [all[4].clone()]
    );
    let descending = groups(&client, json!({"sort_order": "desc"})).await;
    assert_eq!(descending, all.iter().rev().cloned().collect::<Vec<_>>());
    // The pager walks the list: 5 groups, 2 a page.
    let op = bynder::ops::find("user_groups.list").unwrap();
    let pages: Vec<_> = bynder::paging::pages(&client, op, json!({"limit": 2}))
        .collect()
        .await;
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.as_ref().unwrap().items.len())
        .collect();
    assert_eq!(sizes, [2, 2, 1]);
    let walked: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.unwrap().items)
        .map(|g| g["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = all.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(walked, expected);

    let err = client
        .call("user_groups.list", json!({"sort_order": "sideways"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn the_group_list_needs_the_group_management_role() {
    let portal = portal().await;
    let client = permanent(&portal);
    let me = portal.store().current_user_id();
    let profiles = portal.store().profile_ids();
    // The permanent token acts as the current user: an administrator, then a viewer.
    assert_eq!(groups(&client, json!({})).await.len(), 5);
    client
        .call("users.modify", json!({"id": me, "profileId": profiles[2]}))
        .await
        .unwrap();
    let err = client
        .call("user_groups.list", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert_eq!(err.message(), "Access denied");
    client
        .call("users.modify", json!({"id": me, "profileId": profiles[0]}))
        .await
        .unwrap();
    assert_eq!(groups(&client, json!({})).await.len(), 5);
}

#[tokio::test]
async fn access_tokens_without_the_scopes_are_refused_with_403() {
    let portal = portal().await;
    let region = metaproperty(&portal, "Region").id;
    let emea = option_id(&portal, "Region", "EMEA");
    let user = portal.store().user_ids()[1].clone();
    // The shared test scopes read metaproperties but do not write them.
    assert!(!SCOPES.contains(&Scope::MetaAssetbankWrite));
    let reader = client_credentials(&portal);
    reader
        .call(
            "content_access.get_metaproperty",
            json!({"metaproperty_id": region}),
        )
        .await
        .unwrap();
    reader
        .call(
            "content_access.get_option_visibility",
            json!({"optionId": emea}),
        )
        .await
        .unwrap();
    let principals = json!([{"principalId": user, "principalType": "user"}]);
    let writes = [
        (
            "content_access.add_metaproperty",
            json!({"metaproperty_id": region, "principals": principals}),
        ),
        (
            "content_access.set_option",
            json!({"optionId": emea, "principals": principals}),
        ),
        (
            "content_access.set_option_visibility",
            json!({"optionId": emea, "defaultVisibility": "hidden"}),
        ),
    ];
    for (op, params) in writes {
        let err = reader.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    let outsider = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::AssetRead],
        )
        .build()
        .unwrap();
    let err = outsider
        .call("content_access.get_option", json!({"optionId": emea}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
