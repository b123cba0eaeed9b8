//! The typed models of usage, webhooks, admin users, derivative presets, quarantine, the trash,
//! analytics, user groups, content access, streaming, documents, taxonomy, the product layer,
//! similarity search, OAuth scopes and options by id against real answers, checked as
//! `typed_models.rs` checks the workflow models: decoded from the mock's schema-checked JSON,
//! key fields equal to the raw JSON's, nothing left unnamed, unknown fields kept, and nothing
//! lost when re-encoded.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::models::*;
use bynder_mock::store::{INTEGRATIONS, PRESET_IDS, QUARANTINE_IDS};
use serde_json::{Value, json};

use common::typed::*;
use common::*;

/// `raw` with the 0/1 flags under `keys` spelled as booleans, as the models re-encode them
/// (at the top level of an object, or of each object of a list).
fn flags_as_bools(raw: &Value, keys: &[&str]) -> Value {
    let mut out = raw.clone();
    let objects: Vec<&mut Value> = match &mut out {
        Value::Array(items) => items.iter_mut().collect(),
        other => vec![other],
    };
    for object in objects {
        for key in keys {
            if let Some(flag) = object.get_mut(*key)
                && let Some(n) = flag.as_i64()
            {
                *flag = Value::Bool(n != 0);
            }
        }
    }
    out
}

#[tokio::test]
async fn usages_decode_as_usage() {
    let portal = portal().await;
    let client = permanent(&portal);
    let media = call(&client, "media.list", json!({"limit": 1})).await;
    let asset = BynderId::parse(media[0]["id"].as_str().unwrap())
        .unwrap()
        .to_rfc4122();
    let (integration, _) = INTEGRATIONS[0];
    let params = json!({"integration_id": integration, "asset_id": asset,
        "uri": "https://cms.example.com/page", "additional": "hero image"});
    call(&client, "usage.create", params).await;
    let raw = call(&client, "usage.list", json!({"asset_id": asset})).await;
    let usages = decode_all::<Usage>(&raw, |u| &u.extra);
    let usage = &usages[0];
    assert_eq!(usage.asset_id.as_deref(), Some(asset.as_str()));
    assert_eq!(usage.id, text(&raw[0]["id"]));
    assert_eq!(usage.uri.as_deref(), Some("https://cms.example.com/page"));
    assert_eq!(usage.additional.as_deref(), Some("hero image"));
    let used_by = usage.integration.as_ref().unwrap();
    assert_eq!(used_by.id.as_deref(), Some(integration));
    assert!(used_by.extra.is_empty(), "{:?}", used_by.extra);
    assert_eq!(usage.timestamp.as_ref().unwrap().raw(), raw[0]["timestamp"]);
}

#[tokio::test]
async fn a_webhook_decodes_as_webhook() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = BynderId::new_random().to_rfc4122();
    let events = ["asset_bank.media.create", "asset_bank.media.deleted"];
    let params = json!({"id": id, "name": "Asset feed", "endpoint": "https://hooks.example.com/b",
        "protocol": "HTTPS", "events": events, "preArchivedNotificationDays": 3});
    call(&client, "webhooks.create", params).await;
    let raw = call(&client, "webhooks.get", json!({"id": id})).await;
    let hook = decode::<Webhook>(&raw, |w| &w.extra);
    assert_eq!(hook.id.as_deref(), Some(id.as_str()));
    assert_eq!(hook.name.as_deref(), Some("Asset feed"));
    assert_eq!(hook.endpoint, text(&raw["endpoint"]));
    assert_eq!(hook.events, events);
    assert_eq!(hook.pre_archived_notification_days, Some(3));
    assert_eq!(hook.status, raw["status"].as_i64());
    assert!(hook.created_at.as_ref().unwrap().parsed().is_some());
}

#[tokio::test]
async fn admin_users_decode_as_user() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "users.list", json!({})).await;
    // The list sends `active` as 1, which the model keeps as a boolean.
    let users = decode_all::<User>(&flags_as_bools(&raw, &["active"]), |u| &u.extra);
    for (user, raw) in users.iter().zip(raw.as_array().unwrap()) {
        let lenient: User = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(&lenient, user);
        assert_eq!(user.id, raw["id"].as_str().unwrap());
        assert_eq!(user.username, text(&raw["username"]));
        assert_eq!(user.email2, text(&raw["email2"]));
        assert_eq!(user.active, Some(raw["active"].as_i64() == Some(1)));
        assert_eq!(user.groups.len(), raw["groups"].as_array().unwrap().len());
    }
    let raw = call(&client, "users.get", json!({"id": users[0].id})).await;
    let user = decode::<User>(&raw, |u| &u.extra);
    assert_eq!(user.id, users[0].id);
    assert_eq!(user.first_name, text(&raw["firstname"]));
    assert_eq!(user.last_login.as_ref().unwrap().raw(), raw["lastLogin"]);
}

#[tokio::test]
async fn presets_and_account_derivatives_decode_as_derivative() {
    let portal = portal().await;
    let client = permanent(&portal);
    let flags = ["isCrop", "isOnTheFly", "isExtent", "isPublic"];
    let raw = call(&client, "presets.list", json!({})).await;
    let presets = decode_all::<Derivative>(&flags_as_bools(&raw, &flags), |d| &d.extra);
    let ids: Vec<_> = presets.iter().map(|p| p.id.clone().unwrap()).collect();
    assert_eq!(ids, PRESET_IDS);
    for (preset, raw) in presets.iter().zip(raw.as_array().unwrap()) {
        let lenient: Derivative = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(&lenient, preset);
        assert_eq!(preset.prefix, text(&raw["prefix"]));
        assert_eq!(preset.dpi, raw["dpi"].as_i64());
        assert_eq!(preset.is_crop, Some(raw["isCrop"] == 1));
    }
    let raw = call(&client, "presets.get", json!({"preset_id": PRESET_IDS[1]})).await;
    let preset = decode::<Derivative>(&flags_as_bools(&raw, &flags), |d| &d.extra);
    assert_eq!(preset, presets[1]);

    let raw = call(&client, "account.derivatives", json!({})).await;
    let derivatives = decode_all::<Derivative>(&raw, |d| &d.extra);
    let prefixes =
        |list: &[Derivative]| -> Vec<_> { list.iter().map(|d| d.prefix.clone()).collect() };
    assert_eq!(prefixes(&derivatives), prefixes(&presets));
}

#[tokio::test]
async fn quarantine_decodes_as_quarantine_page_and_asset() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "quarantine.list", json!({})).await;
    let page = decode::<QuarantinePage>(&raw, |p| &p.extra);
    assert_eq!(page.total_count, raw["totalCount"].as_u64());
    assert_eq!(page.assets.len(), raw["assets"].as_array().unwrap().len());
    for (asset, raw) in page.assets.iter().zip(raw["assets"].as_array().unwrap()) {
        assert!(asset.extra.is_empty(), "{:?}", asset.extra);
        assert_eq!(asset.id, text(&raw["id"]));
        assert_eq!(asset.scan_status, text(&raw["scanStatus"]));
        assert_eq!(asset.file_size, raw["fileSize"].as_u64());
        assert_eq!(asset.is_safe, raw["isSafe"].as_bool());
        assert_eq!(asset.scan_failure_reason, text(&raw["scanFailureReason"]));
        // Not reviewed yet: the portal sends `null`.
        assert!(raw["reviewStatus"].is_null() && asset.review_status.is_none());
    }
    let raw = call(
        &client,
        "quarantine.get",
        json!({"asset_id": QUARANTINE_IDS[0]}),
    )
    .await;
    let asset = decode::<QuarantinedAsset>(&raw, |a| &a.extra);
    assert_eq!(asset.id.as_deref(), Some(QUARANTINE_IDS[0]));
    assert_eq!(asset, page.assets[0]);
}

#[tokio::test]
async fn removed_assets_decode_as_removed_media() {
    let portal = portal().await;
    let client = permanent(&portal);
    let media = call(&client, "media.list", json!({"limit": 1})).await;
    let id = media[0]["id"].as_str().unwrap();
    call(&client, "media.delete", json!({"id": id})).await;
    let raw = call(&client, "media.recently_removed", json!({})).await;
    let removed = decode_all::<RemovedMedia>(&raw, |r| &r.extra);
    let gone = removed
        .iter()
        .find(|r| r.id.as_deref() == Some(id))
        .unwrap();
    assert_eq!(gone.name, text(&media[0]["name"]));
    assert!(gone.date_removed.as_ref().unwrap().parsed().is_some());
    assert!(gone.s3_filepointer.as_deref().unwrap().contains(id));
}

#[tokio::test]
async fn analytics_events_and_reports_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    for op in [
        "analytics.asset_views",
        "analytics.asset_views_v1",
        "analytics.asset_downloads_v1",
        "analytics.asset_downloads",
        "analytics.search_executions",
        "analytics.search_keywords",
        "analytics.user_logins",
        "analytics.collection_views",
    ] {
        let raw = call(&client, op, json!({"limit": 5})).await;
        let events = decode_all::<AnalyticsEvent>(&raw, |e| &e.extra);
        for (event, raw) in events.iter().zip(raw.as_array().unwrap()) {
            assert_eq!(event.event_type, text(&raw["eventType"]), "{op}");
            assert_eq!(event.user_id, text(&raw["userId"]), "{op}");
            assert_eq!(event.date_time.as_ref().unwrap().raw(), raw["dateTime"]);
            assert!(
                event.id.is_some() || event.event_id.is_some(),
                "{op}: {raw}"
            );
            assert_eq!(event.asset_id, text(&raw["assetId"]), "{op}");
            assert_eq!(event.collection_id, text(&raw["collectionId"]), "{op}");
            assert_eq!(event.total_results, raw["totalResults"].as_u64(), "{op}");
        }
    }
    let raw = call(&client, "analytics.asset_reports", json!({"limit": 3})).await;
    let reports = decode_all::<AssetReport>(&raw, |r| &r.extra);
    let first = &reports[0];
    assert_eq!(first.asset_id, text(&raw[0]["assetId"]));
    assert_eq!(first.type_, text(&raw[0]["type"]));
    assert_eq!(first.is_archived, raw[0]["isArchived"].as_bool());
    assert_eq!(
        first.metaproperties,
        *raw[0]["metaproperties"].as_object().unwrap()
    );
    let id = first.asset_id.clone().unwrap();
    let raw = call(&client, "analytics.asset_report", json!({"assetId": id})).await;
    let report = decode::<AssetReport>(&raw, |r| &r.extra);
    assert_eq!(report.asset_id.as_deref(), Some(id.as_str()));
    assert_eq!(report.name, first.name);
}

#[tokio::test]
async fn user_groups_decode_as_user_group() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "user_groups.list", json!({})).await;
    let groups = decode_all::<UserGroup>(&raw, |g| &g.extra);
    for (group, raw) in groups.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(group.id, raw["id"].as_str().unwrap());
        assert_eq!(group.name, text(&raw["name"]));
    }
}

#[tokio::test]
async fn content_access_rules_and_visibility_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (region, emea) = option_ids(&portal, "Region", "EMEA");
    let users = call(&client, "users.list", json!({})).await;
    let user = users[1]["id"].as_str().unwrap();
    let principals = json!([{"principalId": user, "principalType": "user"}]);
    let grant = json!({"metaproperty_id": region, "principals": principals,
        "level": "metaproperty.hide"});
    call(&client, "content_access.add_metaproperty", grant).await;
    let grant = json!({"optionId": emea, "principals": principals});
    call(&client, "content_access.set_option", grant).await;
    for (op, params, kind) in [
        (
            "content_access.get_metaproperty",
            json!({"metaproperty_id": region}),
            "metaproperty",
        ),
        (
            "content_access.get_option",
            json!({"optionId": emea}),
            "option",
        ),
    ] {
        let raw = call(&client, op, params).await;
        let rules = decode_all::<ContentAccessRule>(&raw, |r| &r.extra);
        let rule = &rules[0];
        assert_eq!(rule.id, text(&raw[0]["id"]), "{op}");
        assert_eq!(rule.content_type.as_deref(), Some(kind));
        assert_eq!(rule.principal_type.as_deref(), Some("user"));
        let id = BynderId::parse(rule.principal_id.as_deref().unwrap()).unwrap();
        assert_eq!(id, BynderId::parse(user).unwrap());
        assert_eq!(rule.principal_name, text(&users[1]["name"]));
        assert_eq!(rule.principal_extra_information["email"], users[1]["email"]);
    }
    let raw = call(
        &client,
        "content_access.get_option_visibility",
        json!({"optionId": emea}),
    )
    .await;
    let visibility = decode::<OptionVisibility>(&raw, |v| &v.extra);
    assert_eq!(
        visibility.default_visibility,
        text(&raw["defaultVisibility"])
    );
    assert!(visibility.default_visibility.is_some());
}

#[tokio::test]
async fn streaming_links_and_documents_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let video = portal
        .store()
        .read(|s| {
            s.assets
                .iter()
                .find(|a| a.kind == "video")
                .map(|a| a.id.clone())
        })
        .unwrap();
    let raw = call(
        &client,
        "streaming.public_links",
        json!({"asset_id": video}),
    )
    .await;
    let links = decode::<StreamingLinks>(&raw, |l| &l.extra);
    assert!(links.hls.as_deref().unwrap().ends_with(".m3u8"));
    assert!(links.dash.as_deref().unwrap().ends_with(".mpd"));
    assert_eq!(links.embed_code, text(&raw["embedCode"]));

    let ids = portal.store().read(|s| s.asset_services.document_ids());
    let raw = call(&client, "documents.get", json!({"document_uuid": ids[0]})).await;
    let document = decode::<Document>(&raw, |d| &d.extra);
    let data = document.data.unwrap();
    assert!(data.extra.is_empty(), "{:?}", data.extra);
    assert_eq!(data.id.as_deref(), Some(ids[0].as_str()));
    assert_eq!(data.type_.as_deref(), Some("document"));
    let attributes = data.attributes.unwrap();
    assert!(attributes.extra.is_empty(), "{:?}", attributes.extra);
    assert_eq!(attributes.html, text(&raw["data"]["attributes"]["html"]));
    let prose: Value = serde_json::from_str(attributes.document.as_deref().unwrap()).unwrap();
    assert_eq!(prose["type"], "doc");
    assert_eq!(
        attributes.document_group_id,
        text(&raw["data"]["attributes"]["documentGroupId"])
    );
}

#[tokio::test]
async fn taxonomy_and_product_options_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (region, _) = option_ids(&portal, "Region", "EMEA");
    let params = json!({"metapropertyId": region, "limit": 2});
    let raw = call(&client, "taxonomy.options", params).await;
    let page = decode::<TaxonomyOptionPage>(&raw, |p| &p.extra);
    assert_eq!(page.options.len(), 2);
    assert_eq!(page.metadata, *raw["metadata"].as_object().unwrap());
    for (option, raw) in page.options.iter().zip(raw["options"].as_array().unwrap()) {
        assert!(option.extra.is_empty(), "{:?}", option.extra);
        assert_eq!(option.id, text(&raw["id"]));
        assert_eq!(option.name, text(&raw["name"]));
        assert_eq!(option.external_reference, text(&raw["externalReference"]));
        let mp = BynderId::parse(option.metaproperty_id.as_deref().unwrap()).unwrap();
        assert_eq!(mp, BynderId::parse(&region).unwrap());
    }

    let ids = call(&client, "pim.metaproperties", json!({})).await;
    let first = ids[0].as_str().unwrap();
    let raw = call(&client, "pim.metaproperty", json!({"id": first})).await;
    let product = decode::<PimMetaproperty>(&raw, |m| &m.extra);
    assert_eq!(product.id.as_deref(), Some(first));
    assert_eq!(product.name, text(&raw["name"]));
    let listed = raw["mp_options"].as_array().unwrap();
    assert_eq!(product.options.len(), listed.len());
    for (option, raw) in product.options.iter().zip(listed) {
        assert!(option.extra.is_empty(), "{:?}", option.extra);
        assert_eq!(option.label, text(&raw["label"]));
        let relations = option.relations.as_ref().unwrap();
        assert_eq!(relations.len(), raw["relations"].as_array().unwrap().len());
    }
    assert!(
        product
            .options
            .iter()
            .any(|o| !o.relations.as_ref().unwrap().is_empty())
    );

    let raw = call(&client, "pim.options", json!({"id": first, "limit": 3})).await;
    let options = decode_all::<PimOption>(&raw, |o| &o.extra);
    assert_eq!(options.len(), 3);
    for (option, raw) in options.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(option.id, text(&raw["id"]));
        assert_eq!(option.metaproperty_id.as_deref(), Some(first));
        assert!(option.product_options.is_some(), "{raw}");
    }
}

#[tokio::test]
async fn oauth_scopes_and_options_by_ids_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "oauth.scopes", json!({})).await;
    let groups = decode::<ScopeGroups>(&raw, |g| &g.extra);
    assert_eq!(groups.groups.len(), raw["groups"].as_array().unwrap().len());
    let first = &groups.groups[0];
    assert_eq!(first.name, text(&raw["groups"][0]["name"]));
    assert_eq!(
        first.scopes[0].name,
        text(&raw["groups"][0]["scopes"][0]["name"])
    );

    let (_, emea) = option_ids(&portal, "Region", "EMEA");
    let raw = call(
        &client,
        "metaproperties.options_by_ids",
        json!({"ids": emea}),
    )
    .await;
    // Options send `active` as 1, which the model keeps as a boolean.
    let options =
        decode_all::<MetapropertyOption>(&flags_as_bools(&raw, &["active"]), |o| &o.extra);
    assert_eq!(options.len(), 1);
    assert_eq!(options[0].id, emea);
    assert_eq!(options[0].label, text(&raw[0]["label"]));
    let lenient: MetapropertyOption = serde_json::from_value(raw[0].clone()).unwrap();
    assert_eq!(lenient, options[0]);
}

#[tokio::test]
async fn similarity_search_decodes_as_similar_assets() {
    let portal = portal().await;
    // Similarity search takes OAuth2 tokens only.
    let client = client_credentials(&portal);
    let image = portal
        .store()
        .read(|s| {
            s.assets
                .iter()
                .find(|a| a.kind == "image")
                .map(|a| a.id.clone())
        })
        .unwrap();
    let raw = call(
        &client,
        "similar_assets.search",
        json!({"assetIds": [BynderId::parse(&image).unwrap().to_rfc4122()]}),
    )
    .await;
    let found = decode::<SimilarAssets>(&raw, |f| &f.extra);
    let hits = raw["assets"].as_array().unwrap();
    assert!(!hits.is_empty(), "an empty answer tests nothing");
    assert_eq!(found.assets.len(), hits.len());
    for (hit, raw) in found.assets.iter().zip(hits) {
        assert!(hit.extra.is_empty(), "{:?}", hit.extra);
        assert_eq!(hit.asset_id, text(&raw["assetId"]));
        assert_eq!(hit.similarity_score, raw["similarityScore"].as_f64());
    }
}

/// Every model these groups answer in the table is one decoded above.
#[test]
fn the_table_names_the_models_decoded_here() {
    let decoded = [
        "Usage",
        "Webhook",
        "User",
        "UserGroup",
        "Derivative",
        "QuarantinePage",
        "QuarantinedAsset",
        "RemovedMedia",
        "AnalyticsEvent",
        "AssetReport",
        "ContentAccessRule",
        "OptionVisibility",
        "StreamingLinks",
        "SimilarAssets",
        "Document",
        "TaxonomyOptionPage",
        "PimMetaproperty",
        "PimOption",
        "ScopeGroups",
        "MetapropertyOption",
    ];
    let ops = [
        "usage.list",
        "webhooks.get",
        "users.list",
        "users.get",
        "user_groups.list",
        "presets.list",
        "presets.get",
        "account.derivatives",
        "quarantine.list",
        "quarantine.get",
        "media.recently_removed",
        "analytics.asset_views",
        "analytics.asset_reports",
        "analytics.asset_report",
        "content_access.get_metaproperty",
        "content_access.get_option",
        "content_access.get_option_visibility",
        "streaming.public_links",
        "similar_assets.search",
        "documents.get",
        "taxonomy.options",
        "pim.metaproperty",
        "pim.options",
        "oauth.scopes",
        "metaproperties.options_by_ids",
    ];
    let catalog = bynder::ops::catalog();
    let mut named = std::collections::BTreeSet::new();
    for op in catalog.as_array().unwrap() {
        let name = op["name"].as_str().unwrap();
        let models = [&op["result"]["model"], &op["item"]];
        if ops.contains(&name) {
            assert!(models[0].is_string(), "{name} has no result model");
        }
        let in_scope = [
            "usage.",
            "webhooks.",
            "users.",
            "user_groups.",
            "presets.",
            "quarantine.",
        ]
        .iter()
        .any(|g| name.starts_with(g))
            || ops.contains(&name)
            || name.starts_with("analytics.");
        // Writes are checked by `typed_models_writes.rs`.
        if !in_scope || is_write(name) {
            continue;
        }
        for model in models {
            if let Some(model) = model.as_str() {
                assert!(decoded.contains(&model), "{name} answers {model}");
                named.insert(model.to_string());
            }
        }
    }
    assert_eq!(named.len(), decoded.len(), "{named:?}");
}
