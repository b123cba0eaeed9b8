//! The typed models of the writes, dependency maps, id lists and CSV exports against real
//! answers (the upload steps and workflow writes are in `typed_models_uploads.rs`). Each
//! operation is called on the mock over HTTP (which checks its JSON answers against Bynder's
//! response schemas); its model is looked up in the operation table and the answer decoded with
//! the type of that name (`common/checked.rs`), so a table entry naming the wrong model fails.
//! Nothing the portal sent may be left unnamed in `extra`, and key fields must equal the raw
//! JSON's. Last, every table operation must name a model, every operation without one in the
//! other typed-model tests is called by one of these tests, and every model the table names is
//! declared for Python and TypeScript.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "common/checked.rs"]
mod checked;
mod common;
#[path = "common/writes.rs"]
mod writes;

use std::collections::BTreeSet;

use bynder::ErrorKind;
use bynder::id::BynderId;
use bynder::models::*;
use bynder::ops::Model;
use bynder_mock::store::{INTEGRATIONS, QUARANTINE_IDS};
use chrono::Datelike;
use serde_json::json;

use common::typed::{call, text};
use common::*;
use writes::*;

#[tokio::test]
async fn asset_tag_and_option_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(ASSETS);
    let assets = portal.store().asset_ids();

    let params = json!({"id": assets[0], "name": "Typed rename"});
    let (status, raw) = one::<Status>(&mut seen, &client, "media.modify", params).await;
    assert_eq!(status.statuscode, Some(202));
    assert_eq!(status.message, text(&raw["message"]));
    let got = call(&client, "media.get", json!({"id": assets[0]})).await;
    assert_eq!(got["name"], "Typed rename");

    let tags = call(&client, "tags.list", json!({})).await;
    let tag = tags[0]["id"].as_str().unwrap();
    let params = json!({"id": tag, "data": [assets[1]]});
    let (status, _) = one::<Status>(&mut seen, &client, "tags.add_media", params).await;
    assert_eq!(status.message.as_deref(), Some("Accepted"));
    let params = json!({"id": tag, "deleteIds": [assets[1]]});
    let (status, raw) = one::<Status>(&mut seen, &client, "tags.remove_media", params).await;
    assert_eq!(status.statuscode, raw["statuscode"].as_u64());

    let (region, emea) = option_ids(&portal, "Region", "EMEA");
    let options = json!({"asset_id": assets[0], "metaproperty_id": region,
        "metaproperty_option_ids": [emea]});
    let (status, raw) =
        one::<Status>(&mut seen, &client, "media.add_options", options.clone()).await;
    assert_eq!(status.statuscode, Some(201));
    assert_eq!(status.message, text(&raw["message"]));
    one::<NoContent>(&mut seen, &client, "media.remove_options", options).await;

    one::<NoContent>(&mut seen, &client, "media.delete", json!({"id": assets[2]})).await;
    let err = client
        .call("media.get", json!({"id": assets[2]}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    seen.done();
}

#[tokio::test]
async fn collection_writes_and_member_ids() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(COLLECTIONS);
    let assets = portal.store().asset_ids();

    let params = json!({"name": "Typed collection", "description": "Answers"});
    let (created, raw) = one::<Status>(&mut seen, &client, "collections.create", params).await;
    assert_eq!(created.statuscode, Some(201));
    let id = created.id.unwrap();
    assert_eq!(Some(id.as_str()), raw["id"].as_str());
    let got = call(&client, "collections.get", json!({"id": id})).await;
    assert_eq!(got["name"], "Typed collection");

    let params = json!({"id": id, "name": "Typed collection 2"});
    let (status, _) = one::<Status>(&mut seen, &client, "collections.modify", params).await;
    assert_eq!(status.message.as_deref(), Some("Created"));
    let params =
        json!({"id": id, "recipients": ["reader@example.com"], "collectionOptions": "view"});
    let (status, raw) = one::<Status>(&mut seen, &client, "collections.share", params).await;
    assert_eq!(status.statuscode, Some(202));
    assert_eq!(status.message, text(&raw["message"]));

    let params = json!({"id": id, "data": [assets[0], assets[1]]});
    one::<Status>(&mut seen, &client, "collections.media_add", params).await;
    let (ids, _) = one::<IdList>(
        &mut seen,
        &client,
        "collections.media_list",
        json!({"id": id}),
    )
    .await;
    assert_eq!(ids.len(), 2);
    assert!(
        ids.iter().any(|i| same_id(i, &assets[0])) && ids.iter().any(|i| same_id(i, &assets[1]))
    );

    let params = json!({"id": id, "deleteIds": [assets[0]]});
    one::<NoContent>(&mut seen, &client, "collections.media_remove", params).await;
    let (ids, _) = one::<IdList>(
        &mut seen,
        &client,
        "collections.media_list",
        json!({"id": id}),
    )
    .await;
    assert!(ids.len() == 1 && same_id(&ids[0], &assets[1]), "{ids:?}");

    one::<NoContent>(&mut seen, &client, "collections.delete", json!({"id": id})).await;
    let err = client
        .call("collections.get", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    seen.done();
}

#[tokio::test]
async fn usage_and_webhook_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(USAGE_AND_WEBHOOKS);
    let assets = portal.store().asset_ids();
    let (integration, description) = INTEGRATIONS[0];

    let params = json!({"integration_id": integration, "asset_id": assets[0], "uri": "/typed/a",
        "additional": "hero"});
    let (usage, raw) = one::<Usage>(&mut seen, &client, "usage.create", params).await;
    assert_eq!(usage.asset_id, Some(rfc(&assets[0])));
    assert_eq!(usage.id, text(&raw["id"]));
    assert_eq!(usage.uri.as_deref(), Some("/typed/a"));
    assert_eq!(usage.additional.as_deref(), Some("hero"));
    let used_by = usage.integration.unwrap();
    assert_eq!(used_by.id.as_deref(), Some(integration));
    assert_eq!(used_by.description.as_deref(), Some(description));

    let unknown = "00000000-0000-4000-8000-000000000000";
    let params = json!({"integration_id": integration, "uris": ["/typed/a", "/typed/b"], "usages": [
        {"asset_id": rfc(&assets[1]), "uri": "/typed/b", "additional": "kept"},
        {"asset_id": unknown, "uri": "/typed/b"},
    ]});
    let (sync, raw) = one::<UsageSync>(&mut seen, &client, "usage.sync", params).await;
    assert_eq!(sync.accepted.len(), 1);
    assert_eq!(sync.accepted[0].asset_id, Some(rfc(&assets[1])));
    assert_eq!(sync.accepted[0].additional.as_deref(), Some("kept"));
    assert_eq!(sync.created.len(), 1);
    assert_eq!(sync.created[0].id, text(&raw["new"][0]["id"]));
    assert_eq!(sync.rejected[0].asset_id.as_deref(), Some(unknown));
    assert_eq!(sync.rejected[0].reason, text(&raw["rejected"][0]["reason"]));
    assert!(sync.rejected[0].reason.is_some());
    assert_eq!(
        sync.removed[0].uri.as_deref(),
        Some("/typed/a"),
        "not sent again"
    );

    let params = json!({"integration_id": integration, "asset_id": assets[1], "uri": "/typed/b"});
    one::<NoContent>(&mut seen, &client, "usage.delete", params).await;
    let left = call(
        &client,
        "usage.list",
        json!({"integration_id": integration}),
    )
    .await;
    assert_eq!(left, json!([]));

    let id = BynderId::new_random().to_rfc4122();
    let params = json!({"id": id, "name": "Typed feed", "endpoint": "https://hooks.example.com/t",
        "protocol": "HTTPS", "events": ["asset_bank.media.create"]});
    let (created, _) = one::<IdRef>(&mut seen, &client, "webhooks.create", params).await;
    assert_eq!(created.id.as_deref(), Some(id.as_str()));
    let params =
        json!({"id": id, "events": ["workflow.job.create"], "preArchivedNotificationDays": 5});
    one::<NoContent>(&mut seen, &client, "webhooks.update", params).await;
    let params = json!({"id": id, "name": "Typed jobs feed", "status": 0});
    one::<NoContent>(&mut seen, &client, "webhooks.patch", params).await;
    let read = call(&client, "webhooks.get", json!({"id": id})).await;
    assert_eq!(read["name"], "Typed jobs feed");
    assert_eq!(read["preArchivedNotificationDays"], 5);
    one::<NoContent>(&mut seen, &client, "webhooks.delete", json!({"id": id})).await;
    seen.done();
}

#[tokio::test]
async fn user_and_metaproperty_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(USERS_AND_METAPROPERTIES);

    let params = json!({"email": "typed@example.com", "password": "s3cret-Pass",
        "profileId": portal.store().profile_ids()[1], "firstname": "Ty", "lastname": "Ped"});
    let (user, raw) = one::<UserRef>(&mut seen, &client, "users.create", params).await;
    assert_eq!(user.username.as_deref(), Some("typed@example.com"));
    let id = user.id.unwrap();
    assert_eq!(Some(id.as_str()), raw["id"].as_str());
    let params = json!({"id": id, "username": "typed.user", "job": "Analyst"});
    let (modified, _) = one::<UserRef>(&mut seen, &client, "users.modify", params).await;
    assert_eq!(modified.id.as_deref(), Some(id.as_str()));
    assert_eq!(modified.username.as_deref(), Some("typed.user"));
    one::<NoContent>(&mut seen, &client, "users.delete", json!({"id": id})).await;
    let err = client
        .call("users.get", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let params = json!({"data": {"name": "TypedColour", "type": "select", "label": "Colour"}});
    let (created, raw) = one::<Status>(&mut seen, &client, "metaproperties.create", params).await;
    assert_eq!(created.statuscode, Some(201));
    let mp = created.id.unwrap();
    assert_eq!(Some(mp.as_str()), raw["id"].as_str());
    let params = json!({"id": mp, "data": {"label": "Colours"}});
    let (status, _) = one::<Status>(&mut seen, &client, "metaproperties.modify", params).await;
    assert!(status.id.is_none() && status.message.as_deref() == Some("Created"));
    let params = json!({"id": mp, "data": {"name": "red", "label": "Red"}});
    let (option, _) =
        one::<Status>(&mut seen, &client, "metaproperties.create_option", params).await;
    let option = option.id.unwrap();
    let params = json!({"id": mp, "optionId": option, "data": {"label": "Rouge"}});
    one::<Status>(&mut seen, &client, "metaproperties.modify_option", params).await;
    let by_id = call(
        &client,
        "metaproperties.options_by_ids",
        json!({"ids": option}),
    )
    .await;
    assert_eq!(by_id[0]["label"], "Rouge");
    let params = json!({"id": mp, "optionId": option});
    one::<NoContent>(&mut seen, &client, "metaproperties.delete_option", params).await;
    one::<NoContent>(
        &mut seen,
        &client,
        "metaproperties.delete",
        json!({"id": mp}),
    )
    .await;
    let err = client
        .call("metaproperties.get", json!({"id": mp}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    seen.done();
}

#[tokio::test]
async fn quarantine_reviews() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(QUARANTINE);
    let params = json!({"asset_id": QUARANTINE_IDS[0], "data": {"review_status": "DENIED"}});
    let (asset, raw) =
        one::<QuarantinedAsset>(&mut seen, &client, "quarantine.review", params).await;
    assert_eq!(asset.id.as_deref(), Some(QUARANTINE_IDS[0]));
    assert_eq!(asset.review_status.as_deref(), Some("REJECTED"));
    assert_eq!(asset.is_removed, Some(true));
    assert_eq!(asset.reviewed_by_id, text(&raw["reviewedById"]));

    let params =
        json!({"data": {"antivirus_asset_ids": [QUARANTINE_IDS[1]], "review_status": "APPROVED"}});
    let (reviewed, _) =
        one::<QuarantineReviewed>(&mut seen, &client, "quarantine.review_many", params).await;
    assert_eq!(reviewed.updated, Some(1));
    seen.done();
}

#[tokio::test]
async fn analytics_csv_exports() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(ANALYTICS_CSV);
    for (op, header) in [
        (
            "analytics.search_keywords_csv",
            "id,eventType,userId,dateTime,keyword",
        ),
        (
            "analytics.collection_views_csv",
            "eventId,collectionId,eventType",
        ),
    ] {
        let (csv, _) = one::<PlainText>(&mut seen, &client, op, json!({"limit": 4})).await;
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with(header), "{op}: {}", lines[0]);
        assert!(
            (2..=5).contains(&lines.len()),
            "{op}: {} lines",
            lines.len()
        );
    }
    // The events of some year beyond the retention: the newest year that has any.
    let this_year = chrono::Utc::now().year();
    let mut year = None;
    for candidate in (this_year - 12..this_year).rev() {
        let params = json!({"year": candidate});
        if client
            .call("analytics.historical_csv", params)
            .await
            .is_ok()
        {
            year = Some(candidate);
            break;
        }
    }
    let params = json!({"year": year.expect("a year with historical events")});
    let (csv, _) = one::<PlainText>(&mut seen, &client, "analytics.historical_csv", params).await;
    let first = csv.lines().next().unwrap();
    assert!(first.contains(&format!(",{}-", year.unwrap())), "{first}");
    seen.done();
}

#[tokio::test]
async fn brandstore_writes_answer_the_status_envelope() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(BRANDSTORE);
    let orders = call(&client, "orders.list", json!({})).await;
    let order = orders
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["order_status"] != "Out for delivery")
        .unwrap();
    let id = order["id"].as_str().unwrap();
    let params = json!({"id": id, "status": "OUT_FOR_DELIVERY", "trackingnumber": "3SABCD1234567"});
    let (status, raw) = one::<Status>(&mut seen, &client, "orders.modify", params).await;
    // Brandstore spells the code `status_code`; the model reads it as `statuscode`.
    assert_eq!(status.statuscode, raw["status_code"].as_u64());
    assert_eq!(status.statuscode, Some(201));
    assert_eq!(status.message.as_deref(), Some("Created"));

    let lines = call(&client, "orders.products", json!({"id": id})).await;
    let line = lines[0]["id"].as_str().unwrap();
    let params = json!({"id": line, "status": "approved", "customerReference": "PO-7"});
    let (status, _) = one::<Status>(&mut seen, &client, "orderlines.modify", params).await;
    assert_eq!(status.statuscode, Some(201));
    let read = call(&client, "orderlines.get", json!({"id": line})).await;
    assert_eq!(read["customerReference"], "PO-7");
    seen.done();
}

#[tokio::test]
async fn dependency_maps_and_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(DEPENDENCIES);
    let (campaign, school) = option_ids(&portal, "Campaign", "Back to School");

    let (all, raw) =
        by_name::<MetapropertyDependencies>(&mut seen, &client, "dependencies.list_all", json!({}))
            .await;
    let of_campaign = &all[&campaign];
    assert_eq!(of_campaign.len(), raw[&campaign].as_object().unwrap().len());
    let params = json!({"id": campaign});
    let (listed, _) =
        one::<MetapropertyDependencies>(&mut seen, &client, "dependencies.list", params).await;
    assert_eq!(&listed, of_campaign);
    let params = json!({"id": campaign, "optionId": school});
    let (plain, raw) =
        one::<OptionDependencies>(&mut seen, &client, "dependencies.get", params).await;
    assert!(matches!(plain, OptionDependencies::Ungrouped(_)), "{raw}");
    assert_eq!(plain.ungrouped(), listed[&school]["ungrouped"].as_slice());
    assert!(!plain.ungrouped().is_empty());
    let params = json!({"id": campaign, "optionId": school, "includeGroupedResults": true});
    let (grouped, _) =
        one::<OptionDependencies>(&mut seen, &client, "dependencies.get", params).await;
    assert_eq!(
        grouped,
        OptionDependencies::Grouped(listed[&school].clone())
    );

    let (region, apac) = option_ids(&portal, "Region", "APAC");
    let sales = option_id(&portal, "Department", "Sales");
    let params = json!({"id": region, "optionId": apac, "dependencyId": sales});
    let (added, _) = one::<Status>(&mut seen, &client, "dependencies.add", params.clone()).await;
    assert_eq!(added.statuscode, Some(201));
    one::<NoContent>(&mut seen, &client, "dependencies.remove", params).await;

    let (channel, print) = option_ids(&portal, "Channel", "Print");
    let marketing = option_id(&portal, "Department", "Marketing");
    let design = option_id(&portal, "Department", "Design");
    let params = json!({"id": channel, "optionId": print, "data": [marketing]});
    let (created, raw) =
        one::<Status>(&mut seen, &client, "dependencies.create_group", params).await;
    let group = created.id.unwrap();
    assert_eq!(Some(group.as_str()), raw["id"].as_str());
    let owner = json!({"id": channel, "optionId": print, "groupId": group});
    let mut params = owner.clone();
    params["data"] = json!([design]);
    one::<Status>(&mut seen, &client, "dependencies.modify_group", params).await;
    let mut params = owner.clone();
    params["dependencyId"] = json!(apac);
    one::<Status>(&mut seen, &client, "dependencies.add_to_group", params).await;
    let mut params = owner.clone();
    params["dependencyId"] = json!(design);
    one::<NoContent>(&mut seen, &client, "dependencies.remove_from_group", params).await;
    let params = json!({"id": channel, "optionId": print, "includeGroupedResults": 1});
    let (grouped, _) =
        one::<OptionDependencies>(&mut seen, &client, "dependencies.get", params).await;
    let OptionDependencies::Grouped(groups) = grouped else {
        panic!("{grouped:?}")
    };
    assert_eq!(groups[&group], std::slice::from_ref(&apac));

    let (ids, _) = one::<IdList>(&mut seen, &client, "pim.metaproperties", json!({})).await;
    assert!(ids.iter().any(|id| same_id(id, &region)), "{ids:?}");
    assert!(ids.iter().all(|id| rfc(id) == *id), "RFC 4122 ids: {ids:?}");
    let emea = option_id(&portal, "Region", "EMEA");
    let params = json!({"id": emea, "children": []});
    one::<NoContent>(&mut seen, &client, "pim.modify_option", params).await;
    seen.done();
}

#[tokio::test]
async fn content_access_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(ACCESS);
    let users = portal.store().user_ids();
    let profiles = portal.store().profile_ids();
    let region = metaproperty(&portal, "Region").id;

    let params = json!({"metaproperty_id": region, "level": "metaproperty.hide", "principals": [
        {"principalId": users[1], "principalType": "user"},
        {"principalId": profiles[2], "principalType": "profile"},
    ]});
    let (added, _) = list::<AccessPrincipal>(
        &mut seen,
        &client,
        "content_access.add_metaproperty",
        params,
    )
    .await;
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].principal_id, Some(rfc(&users[1])));
    assert_eq!(added[1].principal_type.as_deref(), Some("profile"));
    let rules = call(
        &client,
        "content_access.get_metaproperty",
        json!({"metaproperty_id": region}),
    )
    .await;
    let rule = rules[0]["id"].clone();
    let params = json!({"metaproperty_id": region, "contentAccessIds": [rule]});
    one::<NoContent>(
        &mut seen,
        &client,
        "content_access.remove_metaproperty",
        params,
    )
    .await;

    let emea = option_id(&portal, "Region", "EMEA");
    let params = json!({"optionId": emea, "principals": [{"principalId": users[2], "principalType": "user"}]});
    let (set, raw) =
        list::<AccessPrincipal>(&mut seen, &client, "content_access.set_option", params).await;
    assert_eq!(set[0].principal_id, text(&raw[0]["principalId"]));
    assert_eq!(set[0].principal_id, Some(rfc(&users[2])));
    let params = json!({"optionId": emea, "defaultVisibility": "hidden"});
    let (visibility, _) = one::<OptionVisibility>(
        &mut seen,
        &client,
        "content_access.set_option_visibility",
        params,
    )
    .await;
    assert_eq!(visibility.default_visibility.as_deref(), Some("hidden"));
    seen.done();
}

#[tokio::test]
async fn automation_rule_status_and_delete_answer_nothing() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(AUTOMATION);
    let rules = call(&client, "automation_rules.list", json!({})).await;
    let paused = rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "PAUSED")
        .unwrap();
    let id = paused["id"].as_str().unwrap();
    let params = json!({"ruleId": id, "status": "PUBLISHED"});
    one::<NoContent>(&mut seen, &client, "automation_rules.set_status", params).await;
    let read = call(&client, "automation_rules.get", json!({"ruleId": id})).await;
    assert_eq!(read["status"], "PUBLISHED");
    one::<NoContent>(
        &mut seen,
        &client,
        "automation_rules.delete",
        json!({"ruleId": id}),
    )
    .await;
    seen.done();
}

/// The write tests' lists (which the other typed-model tests leave out, see `is_write`) name
/// table operations that answer JSON (bytes have no model to check).
#[test]
fn the_write_tests_call_every_listed_operation() {
    let listed: BTreeSet<&str> = SCENARIOS.iter().flat_map(|s| s.iter().copied()).collect();
    for name in listed {
        let op = bynder::ops::find(name).unwrap_or_else(|| panic!("no operation {name}"));
        assert!(!op.binary, "{name} answers bytes");
    }
}

/// Every operation of the table names the model it answers (or yields), except those that
/// answer bytes, which every face types as its bytes type.
#[test]
fn every_operation_names_a_model() {
    let untyped: Vec<&str> = bynder::ops::OPERATIONS
        .iter()
        .filter(|op| !op.binary && op.result.is_none() && op.item.is_none())
        .map(|op| op.name)
        .collect();
    assert!(
        untyped.is_empty(),
        "operations without a model: {untyped:?}"
    );
}

/// The model names the table uses, each once.
fn table_models() -> BTreeSet<&'static str> {
    let mut names = BTreeSet::new();
    for op in bynder::ops::OPERATIONS {
        if let Some(Model::One(name) | Model::List(name) | Model::ByName(name)) = op.result {
            names.insert(name);
        }
        names.extend(op.item);
    }
    names
}

fn repo_file(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Every model the table names is declared, and exported, for Python (`_models.py`, which
/// `bynder.models` re-exports) and for TypeScript (`models.d.ts`), as a class, an interface or
/// a type alias. (Both files are generated from the Rust models: `model_faces.rs`.)
#[test]
fn every_model_the_table_names_is_declared_for_python_and_typescript() {
    let python = repo_file("python/src/bynder/_models.py");
    let typescript = repo_file("bindings/wasm/npm/types/models.d.ts");
    let names = table_models();
    assert!(names.len() > 40, "{names:?}");
    let mut missing = Vec::new();
    for name in names {
        let in_python = python.lines().any(|line| {
            line.starts_with(&format!("class {name}("))
                || line.starts_with(&format!("{name}: TypeAlias = "))
                || line.starts_with(&format!("{name} = "))
        }) && python.contains(&format!("    \"{name}\",\n"));
        if !in_python {
            missing.push(format!("_models.py: {name}"));
        }
        let in_typescript = typescript.lines().any(|line| {
            line.starts_with(&format!("export interface {name} "))
                || line.starts_with(&format!("export type {name} = "))
        });
        if !in_typescript {
            missing.push(format!("models.d.ts: {name}"));
        }
    }
    assert!(missing.is_empty(), "not declared: {missing:#?}");
}
