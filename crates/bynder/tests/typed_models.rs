//! The typed models of the workflow, automation and Brandstore operations against real
//! answers: each operation is called on the mock over HTTP (which checks its answers against
//! Bynder's response schemas), and the raw JSON is decoded into `bynder::models`. Key fields
//! must equal the raw JSON's, every field the portal sent must be named by the model (nothing
//! left in `extra`), a field the portal adds later must land in `extra`, and re-encoding must
//! give back every field.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::models::*;
use serde_json::{Value, json};

use common::typed::*;
use common::*;

#[tokio::test]
async fn campaigns_decode_as_campaign() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "campaigns.list", json!({})).await;
    let campaigns = decode_all::<Campaign>(&raw, |c| &c.extra);
    for (model, raw) in campaigns.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(model.id, raw["ID"].as_str().unwrap());
        assert_eq!(model.name, text(&raw["name"]));
        assert_eq!(model.key, text(&raw["key"]));
        assert_eq!(model.closed, raw["closed"].as_bool());
        assert_eq!(model.responsible_id, text(&raw["responsibleID"]));
    }
    let one = call(&client, "campaigns.get", json!({"id": campaigns[0].id})).await;
    let campaign = decode::<Campaign>(&one, |c| &c.extra);
    assert_eq!(campaign.id, campaigns[0].id);
    assert_eq!(
        campaign.date_created.as_ref().map(BynderDate::raw),
        one["dateCreated"].as_str()
    );
    assert!(campaign.date_created.unwrap().parsed().is_some());
}

#[tokio::test]
async fn jobs_their_stages_media_and_presets_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "jobs.list", json!({})).await;
    let jobs = decode_all::<Job>(&raw, |j| &j.extra);
    for (job, raw) in jobs.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(job.id, raw["id"].as_str().unwrap());
        assert_eq!(job.campaign_id, text(&raw["campaignID"]));
        assert_eq!(job.preset_id, text(&raw["presetID"]));
        assert_eq!(
            job.stages.len(),
            raw["job_stages"].as_array().unwrap().len()
        );
        assert_eq!(
            job.active_stage.as_ref().map(|s| s.id.clone()),
            text(&raw["job_active_stage"]["id"])
        );
    }

    let one = call(&client, "jobs.get", json!({"id": jobs[0].id})).await;
    let job = decode::<Job>(&one, |j| &j.extra);
    assert_eq!(job.id, jobs[0].id);
    assert_eq!(job.job_key, text(&one["jobKey"]));

    let campaign_jobs = call(
        &client,
        "campaigns.jobs",
        json!({"id": job.campaign_id.clone().unwrap()}),
    )
    .await;
    let listed = decode_all::<Job>(&campaign_jobs, |j| &j.extra);
    assert!(listed.iter().any(|j| j.id == job.id));

    let raw = call(&client, "jobs.stages", json!({"id": job.id})).await;
    let stages = decode_all::<JobStage>(&raw, |s| &s.extra);
    for (stage, raw) in stages.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(stage.id, raw["id"].as_str().unwrap());
        assert_eq!(stage.position, raw["position"].as_i64());
        let responsible = stage.responsible.as_ref().unwrap();
        assert_eq!(responsible.id, raw["responsible"]["id"].as_str().unwrap());
        assert_eq!(responsible.kind, text(&raw["responsible"]["type"]));
    }
    for (listed, by_job) in stages.iter().zip(&job.stages) {
        assert_eq!(listed.id, by_job.id);
    }

    // Seeded jobs carry zero to two files: find one that has some.
    let mut with_media = None;
    for job in &jobs {
        let raw = call(&client, "jobs.media", json!({"id": job.id})).await;
        if !raw.as_array().unwrap().is_empty() {
            with_media = Some(raw);
            break;
        }
    }
    let raw = with_media.expect("a seeded job with files");
    let media = decode_all::<JobMedia>(&raw, |m| &m.extra);
    for (file, raw) in media.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(file.id, raw["id"].as_str().unwrap());
        assert_eq!(file.filename, text(&raw["filename"]));
        assert_eq!(file.version, raw["version"].as_u64());
        assert_eq!(
            file.previews.len(),
            raw["previews"].as_array().unwrap().len()
        );
        for preview in &file.previews {
            decode::<JobMediaPreview>(&serde_json::to_value(preview).unwrap(), |p| &p.extra);
        }
    }

    let raw = call(
        &client,
        "job_presets.get",
        json!({"id": job.preset_id.clone().unwrap()}),
    )
    .await;
    let preset = decode::<JobPreset>(&raw, |p| &p.extra);
    assert_eq!(preset.id, raw["ID"].as_str().unwrap());
    assert_eq!(preset.name, text(&raw["name"]));
    let stages = raw["presetstages"].as_array().unwrap();
    assert_eq!(preset.presetstages.len(), stages.len());
    for (stage, raw) in preset.presetstages.iter().zip(stages) {
        assert_eq!(stage.id, raw["ID"].as_str().unwrap());
        assert_eq!(stage.position, text(&raw["position"]));
        assert_eq!(stage.kind, text(&raw["type"]));
    }
}

#[tokio::test]
async fn workflow_groups_users_and_metaproperties_decode() {
    let portal = portal().await;
    let client = permanent(&portal);

    let raw = call(&client, "workflow_users.list", json!({})).await;
    let users = decode_all::<WorkflowUser>(&raw, |u| &u.extra);
    for (user, raw) in users.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(user.id, raw["ID"].as_str().unwrap());
        assert_eq!(user.fullname, text(&raw["fullname"]));
        let person = user.bynder_user.as_ref().unwrap();
        assert_eq!(person.email, text(&raw["BynderUser"]["email"]));
        assert_eq!(person.first_name, text(&raw["BynderUser"]["firstName"]));
    }
    let one = call(&client, "workflow_users.get", json!({"id": users[0].id})).await;
    assert_eq!(decode::<WorkflowUser>(&one, |u| &u.extra).id, users[0].id);

    // A group of two users, so that its members are decoded too.
    let member_ids = [users[0].id.clone(), users[1].id.clone()];
    let created = call(
        &client,
        "workflow_groups.create",
        json!({"name": "Typed reviewers", "user_ids": member_ids}),
    )
    .await;
    let group_id = created["ID"].as_str().unwrap().to_string();
    let raw = call(&client, "workflow_groups.list", json!({})).await;
    let groups = decode_all::<WorkflowGroup>(&raw, |g| &g.extra);
    let mine = groups.iter().find(|g| g.id == group_id).unwrap();
    assert_eq!(mine.name.as_deref(), Some("Typed reviewers"));
    let raw = call(&client, "workflow_groups.get", json!({"id": group_id})).await;
    let group = decode::<WorkflowGroup>(&raw, |g| &g.extra);
    assert_eq!(group.users.len(), 2);
    for (member, raw) in group.users.iter().zip(raw["users"].as_array().unwrap()) {
        assert_eq!(member.id, raw["ID"].as_str().unwrap());
        assert_eq!(member.full_name, text(&raw["fullName"]));
        assert_eq!(
            member.bynder_user.as_ref().unwrap().id,
            raw["bynderUser"]["id"].as_str().unwrap()
        );
        assert!(member_ids.contains(&member.id));
    }

    let raw = call(&client, "workflow_metaproperties.list", json!({})).await;
    let all = decode_all::<WorkflowMetaproperty>(&raw, |m| &m.extra);
    for (meta, raw) in all.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(meta.id, raw["ID"].as_str().unwrap());
        assert_eq!(meta.label, text(&raw["label"]));
        assert_eq!(meta.kind, text(&raw["type"]));
        assert_eq!(meta.required, raw["required"].as_bool());
        assert_eq!(
            meta.created_by.as_ref().map(|c| c.id.clone()),
            text(&raw["created_by"]["ID"])
        );
    }
    let select = all.iter().find(|m| !m.options.is_empty()).unwrap();
    let raw = call(
        &client,
        "workflow_metaproperties.get",
        json!({"id": select.id}),
    )
    .await;
    let meta = decode::<WorkflowMetaproperty>(&raw, |m| &m.extra);
    let options = raw["options"].as_array().unwrap();
    assert_eq!(meta.options.len(), options.len());
    for (option, raw) in meta.options.iter().zip(options) {
        assert_eq!(option.id, raw["ID"].as_str().unwrap());
        assert_eq!(option.label, text(&raw["label"]));
        assert_eq!(option.metaproperty_id.as_deref(), Some(meta.id.as_str()));
        assert_eq!(option.default, raw["default"].as_bool());
    }
}

/// A rule that puts new images into the portal's first collection.
fn rule(portal: &bynder_mock::MockPortal, name: &str) -> Value {
    let collection = BynderId::parse(&portal.store().collection_ids()[0])
        .unwrap()
        .to_rfc4122();
    json!({
        "name": name,
        "triggers": ["AssetUploaded"],
        "steps": [{
            "step_triggers": ["AssetUploaded"],
            "conditions": [{"and": [{
                "condition_type": "AssetType",
                "expression": {"operator": "CONTAINS", "term": [{"asset_type": "IMAGE"}]},
            }]}],
            "actions": [{"action_type": "ADD_TO_COLLECTION", "data": {"collection_id": collection}}],
        }],
    })
}

#[tokio::test]
async fn automation_rules_and_catalogs_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let body = rule(&portal, "Typed images");
    let raw = call(&client, "automation_rules.create", body.clone()).await;
    let created = decode::<AutomationRule>(&raw, |r| &r.extra);
    assert_eq!(created.id, raw["id"].as_str().unwrap());
    assert_eq!(created.name.as_deref(), Some("Typed images"));
    assert_eq!(created.status, text(&raw["status"]));

    let raw = call(
        &client,
        "automation_rules.get",
        json!({"ruleId": created.id}),
    )
    .await;
    let got = decode::<AutomationRule>(&raw, |r| &r.extra);
    assert_eq!(got.id, created.id);
    assert_eq!(got.triggers, ["AssetUploaded"]);
    let step = &got.steps[0];
    assert_eq!(step.step_triggers, ["AssetUploaded"]);
    let condition = &step.conditions[0].all[0];
    assert_eq!(condition.condition_type.as_deref(), Some("AssetType"));
    let expression = condition.expression.as_ref().unwrap();
    assert_eq!(expression.operator.as_deref(), Some("CONTAINS"));
    assert_eq!(expression.term[0].asset_type.as_deref(), Some("IMAGE"));
    let action = &step.actions[0];
    assert_eq!(action.action_type.as_deref(), Some("ADD_TO_COLLECTION"));
    assert_eq!(
        action.data.as_ref().unwrap()["collection_id"],
        body["steps"][0]["actions"][0]["data"]["collection_id"]
    );
    // The parts decode on their own as well, with nothing left over.
    decode::<AutomationStep>(&raw["steps"][0], |s| &s.extra);
    decode::<AutomationConditionGroup>(&raw["steps"][0]["conditions"][0], |c| &c.extra);
    decode::<AutomationCondition>(&raw["steps"][0]["conditions"][0]["and"][0], |c| &c.extra);
    decode::<AutomationExpression>(
        &raw["steps"][0]["conditions"][0]["and"][0]["expression"],
        |e| &e.extra,
    );
    decode::<AutomationAction>(&raw["steps"][0]["actions"][0], |a| &a.extra);

    let mut renamed = body.clone();
    renamed["name"] = json!("Typed images, renamed");
    renamed["ruleId"] = json!(created.id);
    let raw = call(&client, "automation_rules.update", renamed).await;
    let updated = decode::<AutomationRule>(&raw, |r| &r.extra);
    assert_eq!(updated.name.as_deref(), Some("Typed images, renamed"));

    let raw = call(&client, "automation_rules.list", json!({})).await;
    let page = decode::<AutomationRulePage>(&raw, |p| &p.extra);
    assert_eq!(page.rules.len(), raw["rules"].as_array().unwrap().len());
    assert!(page.rules.iter().any(|r| r.id == created.id));
    if let Some(links) = &page.metadata {
        assert_eq!(links.next_page, text(&raw["metadata"]["next_page"]));
        decode::<AutomationPageLinks>(&raw["metadata"], |l| &l.extra);
    }

    let raw = call(&client, "automation_rules.triggers", json!({})).await;
    let triggers = decode::<AutomationTriggers>(&raw, |t| &t.extra);
    let names: Vec<_> = triggers.triggers.iter().map(|t| t.name.clone()).collect();
    let raw_names: Vec<_> = raw["triggers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| text(&t["name"]))
        .collect();
    assert_eq!(names, raw_names);
    assert!(names.contains(&Some("AssetUploaded".into())));

    let raw = call(&client, "automation_rules.conditions", json!({})).await;
    let conditions = decode::<AutomationConditions>(&raw, |c| &c.extra);
    assert_eq!(
        conditions.max_conditions_count,
        raw["max_conditions_count"].as_u64()
    );
    for (info, raw) in conditions
        .conditions
        .iter()
        .zip(raw["conditions"].as_array().unwrap())
    {
        assert_eq!(info.name, text(&raw["name"]));
        assert_eq!(info.weight, raw["weight"].as_i64());
        let terms = raw["terms"].as_array().map_or(0, Vec::len);
        assert_eq!(info.terms.len(), terms);
        for term in raw["terms"].as_array().into_iter().flatten() {
            decode::<AutomationTerm>(term, |t| &t.extra);
        }
        decode::<AutomationConditionInfo>(raw, |c| &c.extra);
    }

    let raw = call(&client, "automation_rules.actions", json!({})).await;
    let actions = decode::<AutomationActions>(&raw, |a| &a.extra);
    assert_eq!(actions.max_actions_limit, raw["max_actions_limit"].as_u64());
    let kinds: Vec<_> = actions
        .actions
        .iter()
        .map(|a| a.action_type.clone())
        .collect();
    assert!(kinds.contains(&Some("ADD_TO_COLLECTION".into())), "{raw}");
    decode::<AutomationActionInfo>(&raw["actions"][0], |a| &a.extra);
}

#[tokio::test]
async fn brandstore_orders_and_orderlines_decode() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = call(&client, "orders.list", json!({})).await;
    let orders = decode_all::<OrderSummary>(&raw, |o| &o.extra);
    for (order, raw) in orders.iter().zip(raw.as_array().unwrap()) {
        assert_eq!(order.id, raw["id"].as_str().unwrap());
        assert_eq!(order.order_ref, text(&raw["order_ref"]));
        assert_eq!(order.net_price, raw["net_price"].as_f64());
        assert_eq!(order.order_status, text(&raw["order_status"]));
    }

    // An order with products, read in detail.
    let mut checked = false;
    for summary in &orders {
        let raw = call(&client, "orders.products", json!({"id": summary.id})).await;
        if raw.as_array().unwrap().is_empty() {
            continue;
        }
        let lines = decode_all::<Orderline>(&raw, |l| &l.extra);
        for (line, raw) in lines.iter().zip(raw.as_array().unwrap()) {
            assert_eq!(line.id, raw["id"].as_str().unwrap());
            assert_eq!(line.order_id.as_deref(), Some(summary.id.as_str()));
            assert_eq!(line.quantity, raw["quantity"].as_u64());
            assert_eq!(line.item_price, raw["itemPrice"].as_f64());
            let product = line.product.as_ref().unwrap();
            assert_eq!(product.id, raw["product"]["id"].as_str().unwrap());
            assert_eq!(product.is_active, raw["product"]["isActive"].as_bool());
            assert_eq!(
                product.min_quantity,
                raw["product"]["min_quantity"].as_u64()
            );
            decode::<StoreProduct>(&raw["product"], |p| &p.extra);
        }

        let raw = call(&client, "orders.get", json!({"id": summary.id})).await;
        let order = decode::<Order>(&raw, |o| &o.extra);
        assert_eq!(order.id, raw["id"].as_str().unwrap());
        assert_eq!(order.order_reference, summary.order_ref);
        assert_eq!(order.status, text(&raw["status"]));
        assert!(order.date_created.unwrap().parsed().is_some());

        let raw = call(&client, "orderlines.get", json!({"id": lines[0].id})).await;
        let line = decode::<Orderline>(&raw, |l| &l.extra);
        assert_eq!(line.id, lines[0].id);
        assert_eq!(line.order_id, lines[0].order_id);
        assert_eq!(line.status, text(&raw["status"]));
        assert_eq!(line.customer_reference, text(&raw["customerReference"]));
        checked = true;
        break;
    }
    assert!(checked, "no seeded order has products");
}

/// Every operation typed here names a model this file decodes, so a new `.returns` without a
/// test shows up.
#[test]
fn the_table_names_the_models_decoded_here() {
    let decoded = [
        "Campaign",
        "Job",
        "JobStage",
        "JobMedia",
        "JobPreset",
        "WorkflowGroup",
        "WorkflowUser",
        "WorkflowMetaproperty",
        "AutomationRule",
        "AutomationRulePage",
        "AutomationTriggers",
        "AutomationConditions",
        "AutomationActions",
        "OrderSummary",
        "Order",
        "Orderline",
    ];
    let catalog = bynder::ops::catalog();
    let groups = [
        "campaigns.",
        "jobs.",
        "job_presets.",
        "workflow_",
        "automation_rules.",
        "orders.",
        "orderlines.",
    ];
    let mut named = std::collections::BTreeSet::new();
    for op in catalog.as_array().unwrap() {
        let name = op["name"].as_str().unwrap();
        // Writes are checked by `typed_models_writes.rs`.
        if !groups.iter().any(|g| name.starts_with(g)) || is_write(name) {
            continue;
        }
        for model in [&op["result"]["model"], &op["item"]] {
            if let Some(model) = model.as_str() {
                assert!(decoded.contains(&model), "{name} answers {model}");
                named.insert(model.to_string());
            }
        }
    }
    assert_eq!(named.len(), decoded.len(), "{named:?}");
}
