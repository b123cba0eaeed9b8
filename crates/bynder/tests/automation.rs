//! Automation workflow rules through `Client::call`, against the mock over HTTP: the rules
//! live on a host of their own (the client's automation URL), are created paused, listed
//! newest first with `start`/`limit`, edited, published or paused (409 when already so) and
//! deleted (404 afterwards); bad rules get the service's 400 message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind};
use serde_json::{Value, json};

use common::*;

/// A valid rule body: new images go into the portal's first collection.
fn rule(portal: &bynder_mock::MockPortal, name: &str) -> Value {
    let collection = rfc(&portal.store().collection_ids()[0]);
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

fn ids(list: &Value) -> Vec<String> {
    list["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("no rules in {list}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_catalogs_list_what_a_rule_may_use() {
    let portal = portal().await;
    let client = permanent(&portal);
    let triggers = client
        .call("automation_rules.triggers", json!({}))
        .await
        .unwrap();
    let names: Vec<&str> = triggers["triggers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"RelativeDate"), "{triggers}");
    let conditions = client
        .call("automation_rules.conditions", json!({}))
        .await
        .unwrap();
    assert_eq!(conditions["max_conditions_count"], 5);
    let option_terms = conditions["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "MetapropertyOption")
        .unwrap()["terms"]
        .clone();
    // The terms name the portal's own metaproperties, in the service's RFC 4122 form.
    let mp = option_terms[0]["metaproperty_id"].as_str().unwrap();
    let known: Vec<String> = portal
        .store()
        .metaproperty_ids()
        .iter()
        .map(|i| rfc(i))
        .collect();
    assert!(known.contains(&mp.to_string()), "{mp}");
    let actions = client
        .call("automation_rules.actions", json!({}))
        .await
        .unwrap();
    assert_eq!(actions["max_actions_limit"], 5);
    assert!(
        actions["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["action_type"] == "ADD_TO_COLLECTION")
    );
}

#[tokio::test]
async fn a_rule_is_created_listed_read_edited_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    let created = client
        .call(
            "automation_rules.create",
            rule(&portal, "Images to the collection"),
        )
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(rfc(&id), id, "rule ids are lower-case RFC 4122");
    assert_eq!(created["status"], "PAUSED");
    assert_eq!(created["name"], "Images to the collection");
    assert_eq!(
        created["created_by_id"],
        rfc(&portal.store().current_user_id())
    );
    assert!(
        created["account_id"]
            .as_str()
            .is_some_and(|a| !a.is_empty())
    );

    // Newest first: the new rule leads the list, after it the two seeded ones.
    let list = client
        .call("automation_rules.list", json!({}))
        .await
        .unwrap();
    assert_eq!(ids(&list)[0], id);
    assert_eq!(ids(&list).len(), 3);

    let read = client
        .call("automation_rules.get", json!({"ruleId": id}))
        .await
        .unwrap();
    assert_eq!(read["triggers"], json!(["AssetUploaded"]));
    assert_eq!(
        read["steps"][0]["actions"][0]["action_type"],
        "ADD_TO_COLLECTION"
    );
    assert!(read.get("edited_by_id").is_none(), "{read}");

    let updated = client
        .call(
            "automation_rules.update",
            json!({"rule_id": id, "name": "Renamed"}),
        )
        .await
        .unwrap();
    assert_eq!(updated["name"], "Renamed");
    let read = client
        .call("automation_rules.get", json!({"ruleId": id}))
        .await
        .unwrap();
    assert_eq!(read["name"], "Renamed");
    assert_eq!(
        read["triggers"],
        json!(["AssetUploaded"]),
        "fields not sent stay"
    );
    assert_eq!(read["edited_by_id"], rfc(&portal.store().current_user_id()));

    let deleted = client
        .call_raw("automation_rules.delete", json!({"ruleId": id}))
        .await
        .unwrap();
    assert_eq!(deleted.status, 204);
    let err = client
        .call("automation_rules.get", json!({"ruleId": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Automation workflow rule not found");
    let list = client
        .call("automation_rules.list", json!({}))
        .await
        .unwrap();
    assert!(!ids(&list).contains(&id));
    let err = client
        .call("automation_rules.delete", json!({"ruleId": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn publishing_and_pausing_change_the_status_and_repeats_conflict() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = client
        .call("automation_rules.create", rule(&portal, "Status"))
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let status = |client: Client, id: String| async move {
        client
            .call("automation_rules.get", json!({"ruleId": id}))
            .await
            .unwrap()["status"]
            .clone()
    };
    client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": id, "status": "PUBLISHED"}),
        )
        .await
        .unwrap();
    assert_eq!(status(client.clone(), id.clone()).await, "PUBLISHED");
    let err = client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": id, "status": "PUBLISHED"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": id, "status": "PAUSED"}),
        )
        .await
        .unwrap();
    assert_eq!(status(client.clone(), id.clone()).await, "PAUSED");
    let err = client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": id, "status": "PAUSED"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.message(), "Rule is already paused");
    let err = client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": id, "status": "RUNNING"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = client
        .call(
            "automation_rules.set_status",
            json!({"ruleId": BynderId::new_random().to_rfc4122(), "status": "PAUSED"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn the_list_pages_with_start_and_limit() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut made = Vec::new();
    for n in 0..5 {
        let created = client
            .call(
                "automation_rules.create",
                rule(&portal, &format!("Rule {n}")),
            )
            .await
            .unwrap();
        made.push(created["id"].as_str().unwrap().to_string());
    }
    // 7 rules (5 new, 2 seeded) in pages of 3.
    let mut seen = Vec::new();
    let mut start = Some("0".to_string());
    while let Some(at) = start {
        let page = client
            .call("automation_rules.list", json!({"start": at, "limit": 3}))
            .await
            .unwrap();
        assert!(ids(&page).len() <= 3);
        seen.extend(ids(&page));
        start = page["metadata"]["next_page"].as_str().map(str::to_string);
    }
    assert_eq!(seen.len(), 7, "{seen:?}");
    made.reverse();
    assert_eq!(seen[..5], made[..], "newest first");
    // The client refuses a wrongly typed limit itself; sent anyway, the service does.
    let err = client
        .call("automation_rules.list", json!({"limit": "many"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let unchecked = unchecked(&portal);
    let err = unchecked
        .call("automation_rules.list", json!({"limit": "many"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn bad_rules_are_refused_with_the_service_message() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut no_name = rule(&portal, "x");
    no_name.as_object_mut().unwrap().remove("name");
    let mut unknown_trigger = rule(&portal, "x");
    unknown_trigger["triggers"] = json!(["Sunrise"]);
    let mut relative_alone = rule(&portal, "x");
    relative_alone["triggers"] = json!(["RelativeDate"]);
    let mut no_collection = rule(&portal, "x");
    no_collection["steps"][0]["actions"][0]["data"]["collection_id"] =
        json!(BynderId::new_random().to_rfc4122());
    let mut bad_operator = rule(&portal, "x");
    bad_operator["steps"][0]["conditions"][0]["and"][0]["expression"]["operator"] =
        json!("STARTS_IN");
    let mut too_many = rule(&portal, "x");
    let action = too_many["steps"][0]["actions"][0].clone();
    too_many["steps"][0]["actions"] = json!(vec![action; 6]);
    let cases = [
        (no_name, "name is required"),
        (unknown_trigger, "Unknown trigger 'Sunrise'"),
        (
            relative_alone,
            "The RelativeDate trigger must be used with the Archived condition",
        ),
        (no_collection, "does not exist"),
        (
            bad_operator,
            "Operator 'STARTS_IN' is not allowed for AssetType",
        ),
        (too_many, "at most 5 actions"),
    ];
    for (body, message) in cases {
        let err = client
            .call("automation_rules.create", body)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{message}");
        assert!(
            err.message().contains(message),
            "{} lacks {message}",
            err.message()
        );
    }
    // The Archived condition makes the RelativeDate trigger valid.
    let mut archived = rule(&portal, "Archive notice");
    archived["triggers"] = json!(["RelativeDate"]);
    archived["steps"][0]["conditions"][0]["and"][0] = json!({
        "condition_type": "Archived",
        "expression": {"operator": "STARTS_IN", "term": [{"offset_amount": 2, "offset_unit": "WEEKS"}]},
    });
    client
        .call("automation_rules.create", archived)
        .await
        .unwrap();
    // A malformed rule id is refused before any request.
    let err = client
        .call("automation_rules.get", json!({"ruleId": "not-an-id"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
    assert_eq!(portal.served("automation_rules.get"), 0);
}

#[tokio::test]
async fn rules_go_to_the_automation_host_with_the_portals_token() {
    let site = portal().await;
    let service = portal().await;
    let client = builder(&site)
        .permanent_token(site.config().permanent_token.as_str())
        .automation_url(format!("{}/api/1/automation-workflow/", service.url()))
        .build()
        .unwrap();
    assert_eq!(
        client.automation_url().as_str(),
        format!("{}/", service.url())
    );
    let created = client
        .call("automation_rules.create", rule(&service, "Elsewhere"))
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    assert_eq!(service.served("automation_rules.create"), 1);
    assert_eq!(site.served("automation_rules.create"), 0);
    let on_service = service
        .store()
        .read(|s| s.automation.rules.iter().any(|r| r.id == id));
    let on_site = site
        .store()
        .read(|s| s.automation.rules.iter().any(|r| r.id == id));
    assert!(on_service && !on_site);
    // Portal operations still go to the portal.
    client.call("brands.list", json!({})).await.unwrap();
    assert_eq!(site.served("brands.list"), 1);
    assert_eq!(service.served("brands.list"), 0);
    // A real portal's rules go to Bynder's service; a local one serves them itself.
    let real = Client::builder("https://acme.bynder.com").build().unwrap();
    assert_eq!(
        real.automation_url().as_str(),
        "https://automation-workflow-service.bynder.com/"
    );
    assert_eq!(
        permanent(&site).automation_url().as_str(),
        format!("{}/", site.url())
    );
    // Plain http is refused for a remote automation host, as for a portal.
    let err = Client::builder("https://acme.bynder.com")
        .automation_url("http://automation.example.com")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
}

#[tokio::test]
async fn a_call_without_a_token_is_refused() {
    // The definitions name no scope for the rules: any valid token works, none does not.
    let portal = portal().await;
    let anonymous = builder(&portal).build().unwrap();
    let err = anonymous
        .call("automation_rules.list", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    let limited = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[bynder::Scope::CurrentUserRead],
        )
        .build()
        .unwrap();
    let list = limited
        .call("automation_rules.list", json!({}))
        .await
        .unwrap();
    assert_eq!(ids(&list).len(), 2, "the two seeded rules");
}
