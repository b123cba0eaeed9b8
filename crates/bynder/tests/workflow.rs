//! Workflow ("API v5") through `Client::call`, against the mock over HTTP: campaigns own the
//! jobs made in them, jobs move through the stages of their preset and finish on the last
//! one, files uploaded through the Files Service attach to jobs, workflow groups hold the
//! portal's users, job lists page with `X-Pagination-*`, and the table's scopes are enforced.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind, Scope};
use futures::StreamExt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use common::*;

/// The values of `key` in a JSON list.
fn field(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| item[key].as_str().unwrap().to_string())
        .collect()
}

/// The 32 lower-case hex digits of an id, as the workflow service compares them.
fn hex(id: &str) -> String {
    id.replace('-', "").to_ascii_lowercase()
}

/// The workflow id of a portal user (its id in RFC 4122 form).
fn workflow_id(portal_user: &str) -> String {
    BynderId::parse(portal_user).unwrap().to_rfc4122()
}

async fn call(client: &Client, op: &str, params: Value) -> Value {
    client
        .call(op, params)
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

async fn error(client: &Client, op: &str, params: Value) -> bynder::Error {
    match client.call(op, params).await {
        Ok(body) => panic!("{op} succeeded: {body}"),
        Err(e) => e,
    }
}

/// The id of the seeded preset with the most stages, and its stage count.
async fn long_preset(client: &Client) -> (String, usize) {
    let jobs = call(client, "jobs.list", json!({})).await;
    let mut best = (String::new(), 0);
    for id in field(&jobs, "presetID") {
        let preset = call(client, "job_presets.get", json!({"id": id})).await;
        let stages = preset["presetstages"].as_array().unwrap().len();
        if stages > best.1 {
            best = (id, stages);
        }
    }
    best
}

/// A new open campaign; answers its id as the create call gave it (32 hex digits).
async fn new_campaign(client: &Client, key: &str) -> String {
    let created = call(
        client,
        "campaigns.create",
        json!({"name": format!("Campaign {key}"), "key": key}),
    )
    .await;
    created["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn campaigns_are_created_read_modified_closed_and_deleted() {
    let portal = portal().await;
    let client = permanent(&portal);
    let users = portal.store().user_ids();
    let channel = call(&client, "workflow_metaproperties.list", json!({}))
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["label"] == "Channel")
        .cloned()
        .unwrap();
    let print = channel["options"][1]["ID"].as_str().unwrap().to_string();

    let created = client
        .call_raw(
            "campaigns.create",
            json!({
                "name": "Autumn catalogue",
                "key": "AUTC",
                "description": "Every page of the catalogue",
                "dateStart": "2025-09-01T00:00:00",
                "deadline": "2025-10-15",
                "responsibleID": users[1],
                "campaignMetaproperties": {channel["ID"].as_str().unwrap(): print},
            }),
        )
        .await
        .unwrap();
    assert_eq!(created.status, 201);
    let id = created.body["id"].as_str().unwrap().to_string();
    assert!(
        id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "the create answer spells the id as 32 hex digits: {id}"
    );
    let location = created
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_string();

    // Readable by the 32-hex id and by the dashed one the objects carry.
    let got = call(&client, "campaigns.get", json!({"id": id})).await;
    let dashed = got["ID"].as_str().unwrap().to_string();
    assert_eq!(hex(&dashed), id);
    assert!(
        location.ends_with(&format!("/api/workflow/campaigns/{dashed}/")),
        "{location}"
    );
    assert_eq!(got["name"], "Autumn catalogue");
    assert_eq!(got["key"], "AUTC");
    assert_eq!(got["closed"], false);
    assert_eq!(got["deadline"], "2025-10-15T00:00:00");
    assert_eq!(got["dateStart"], "2025-09-01T00:00:00+00:00");
    assert_eq!(got["responsibleID"], workflow_id(&users[1]));
    assert_eq!(got["createdByID"], workflow_id(&users[0]));
    assert_eq!(
        got["campaignMetaproperties"][channel["ID"].as_str().unwrap()],
        print
    );
    let listed = call(&client, "campaigns.list", json!({})).await;
    assert!(field(&listed, "ID").contains(&dashed));

    let modified = call(
        &client,
        "campaigns.modify",
        json!({"id": dashed, "name": "Autumn catalogue 2025", "description": "Reprint"}),
    )
    .await;
    assert_eq!(modified["id"], id);
    let got = call(&client, "campaigns.get", json!({"id": id})).await;
    assert_eq!(got["name"], "Autumn catalogue 2025");
    assert_eq!(got["description"], "Reprint");
    assert_eq!(got["key"], "AUTC", "fields not sent stay");

    // A closed campaign takes no new jobs.
    assert_eq!(
        call(&client, "campaigns.close", json!({"id": id})).await,
        Value::Null
    );
    assert_eq!(
        call(&client, "campaigns.get", json!({"id": id})).await["closed"],
        true
    );
    let (preset, _) = long_preset(&client).await;
    let err = error(
        &client,
        "jobs.create",
        json!({"name": "Late", "campaignID": id, "accountableID": workflow_id(&users[0]), "presetID": preset}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("is closed"), "{}", err.message());

    assert_eq!(
        call(&client, "campaigns.delete", json!({"id": id})).await,
        Value::Null
    );
    let err = error(&client, "campaigns.get", json!({"id": id})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Campaign not found");
    let listed = call(&client, "campaigns.list", json!({})).await;
    assert!(!field(&listed, "ID").contains(&dashed));
    let err = error(&client, "campaigns.close", json!({"id": id})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn jobs_belong_to_their_campaign_and_move_through_the_preset_stages() {
    let portal = portal().await;
    let client = permanent(&portal);
    let users = portal.store().user_ids();
    let me = workflow_id(&users[0]);
    let campaign = new_campaign(&client, "STG").await;
    let (preset_id, stage_count) = long_preset(&client).await;
    assert!(stage_count >= 3, "a seeded preset has several stages");
    let preset = call(&client, "job_presets.get", json!({"id": preset_id})).await;
    let first_stage = preset["presetstages"][0]["ID"]
        .as_str()
        .unwrap()
        .to_string();

    let created = call(
        &client,
        "jobs.create",
        json!({
            "name": "Hero banner",
            "description": "1200x628",
            "deadline": "2025-12-01",
            "campaignID": campaign,
            "accountableID": workflow_id(&users[2]),
            "presetID": preset_id,
            "stages": [{"preset_stage_id": first_stage, "name": "Kick-off", "responsibleID": workflow_id(&users[3])}],
        }),
    )
    .await;
    assert_eq!(created["status"], "Created");
    let job_id = created["job_id"].as_str().unwrap().to_string();

    // Listed under its campaign, and only there.
    let of_campaign = call(&client, "campaigns.jobs", json!({"id": campaign})).await;
    assert_eq!(field(&of_campaign, "id"), vec![job_id.clone()]);
    let job = call(&client, "jobs.get", json!({"id": hex(&job_id)})).await;
    assert_eq!(job["name"], "Hero banner");
    assert_eq!(hex(job["campaignID"].as_str().unwrap()), hex(&campaign));
    assert_eq!(job["presetID"], preset["ID"]);
    assert_eq!(job["basedOnPreset"], "true");
    assert_eq!(job["accountableID"], workflow_id(&users[2]));
    assert_eq!(job["createdByID"], me);
    assert_eq!(job["deadline"], "2025-12-01T00:00:00+00:00");
    assert_eq!(job["job_stages"].as_array().unwrap().len(), stage_count);
    assert_eq!(job["job_active_stage"]["position"], "1");
    assert_eq!(job["job_active_stage"]["status"], "Active");
    assert!(job.get("job_previous_stage").is_none());
    let stages = call(&client, "jobs.stages", json!({"id": job_id})).await;
    assert_eq!(stages[0]["name"], "Kick-off");
    assert_eq!(
        stages[0]["responsible"],
        json!({"id": workflow_id(&users[3]), "type": "user"})
    );
    assert_eq!(stages[1]["name"], preset["presetstages"][1]["name"]);
    assert_eq!(stages[1]["status"], "Idle");

    // Not on the last stage yet: finishing is refused.
    let err = error(&client, "jobs.finish", json!({"id": job_id})).await;
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        err.message().contains("to the last stage"),
        "{}",
        err.message()
    );

    // Approving the active stage moves the job on; needing changes sends it back.
    let active = |job: &Value| job["job_active_stage"].clone();
    let stage1 = active(&job)["id"].as_str().unwrap().to_string();
    let updated = call(
        &client,
        "jobs.modify",
        json!({"id": job_id, "name": "Hero banner v2", "activeStage": {"id": stage1, "status": "Approved"}}),
    )
    .await;
    assert_eq!(updated, json!({"status": "Updated", "job_id": job_id}));
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(job["name"], "Hero banner v2");
    assert_eq!(active(&job)["position"], "2");
    assert_eq!(job["job_previous_stage"]["status"], "Approved");
    call(
        &client,
        "jobs.modify",
        json!({"id": job_id, "activeStage": {"status": "NeedsChanges"}}),
    )
    .await;
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(active(&job)["position"], "1");
    assert_eq!(job["job_next_stage"]["status"], "NeedsChanges");
    let err = error(
        &client,
        "jobs.modify",
        json!({"id": job_id, "activeStage": {"id": job["job_next_stage"]["id"], "status": "Approved"}}),
    )
    .await;
    assert_eq!(
        err.kind(),
        ErrorKind::Validation,
        "the id must be the active stage's"
    );
    for _ in 1..stage_count {
        call(
            &client,
            "jobs.modify",
            json!({"id": job_id, "activeStage": {"status": "Approved"}}),
        )
        .await;
    }
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(active(&job)["position"], stage_count.to_string());
    assert_eq!(job["dateFinished"], Value::Null);

    // Finish on the last stage; again is a 409 until the job is re-opened.
    let finished = call(
        &client,
        "jobs.finish",
        json!({"id": job_id, "status": "Finished", "job_id": job_id}),
    )
    .await;
    assert_eq!(finished, json!({"status": "Finished", "job_id": job_id}));
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert!(job["dateFinished"].is_string());
    assert_eq!(active(&job)["status"], "Approved");
    assert_eq!(job["jobFinishedHistory"].as_array().unwrap().len(), 1);
    assert_eq!(job["jobFinishedHistory"][0]["userId"], me);
    let err = error(&client, "jobs.finish", json!({"id": job_id})).await;
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.message(), "Re-open the job to finish again.");
    call(
        &client,
        "jobs.modify",
        json!({"id": job_id, "activeStage": {"status": "Active"}}),
    )
    .await;
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(job["dateFinished"], Value::Null);
    call(&client, "jobs.finish", json!({"id": job_id})).await;
    let job = call(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(job["jobFinishedHistory"].as_array().unwrap().len(), 2);

    // Deleted: gone from the job and the campaign lists; deleting the campaign takes its jobs.
    assert_eq!(
        call(&client, "jobs.delete", json!({"id": job_id})).await,
        Value::Null
    );
    let err = error(&client, "jobs.get", json!({"id": job_id})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        call(&client, "campaigns.jobs", json!({"id": campaign})).await,
        json!([])
    );
    let other = call(
        &client,
        "jobs.create",
        json!({"name": "Other", "campaignID": campaign, "accountableID": me, "presetID": preset_id}),
    )
    .await;
    call(&client, "campaigns.delete", json!({"id": campaign})).await;
    let err = error(&client, "jobs.get", json!({"id": other["job_id"]})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = error(&client, "jobs.delete", json!({"id": other["job_id"]})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn job_lists_filter_sort_and_page_with_pagination_headers() {
    let portal = portal().await;
    let client = permanent(&portal);
    let all = call(&client, "jobs.list", json!({})).await;
    let total = all.as_array().unwrap().len() as u64;
    assert!(total >= 6, "seeded jobs: {total}");

    let op = bynder::ops::find("jobs.list").unwrap();
    let pages: Vec<_> =
        bynder::paging::pages(&client, op, json!({"limit": 3, "orderBy": "name asc"}))
            .collect()
            .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len() as u64, total.div_ceil(3));
    assert!(pages.iter().all(|p| p.total == Some(total)));
    let names: Vec<String> = pages
        .iter()
        .flat_map(|p| {
            p.items
                .iter()
                .map(|j| j["name"].as_str().unwrap().to_lowercase())
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "orderBy name asc holds across pages");
    let mut ids: Vec<String> = pages
        .iter()
        .flat_map(|p| {
            p.items
                .iter()
                .map(|j| j["id"].as_str().unwrap().to_string())
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() as u64, total, "every job once");

    let raw = client
        .call_raw("jobs.list", json!({"limit": 2, "page": 2}))
        .await
        .unwrap();
    let header = |name: &str| raw.headers.get(name).unwrap().to_str().unwrap().to_string();
    assert_eq!(header("x-pagination-totalrecords"), total.to_string());
    assert_eq!(
        header("x-pagination-totalpages"),
        total.div_ceil(2).to_string()
    );
    assert_eq!(header("x-pagination-page"), "2");
    assert_eq!(header("x-pagination-limit"), "2");

    // Filters: status of the active stage, accountable user, creation date.
    let active = call(&client, "jobs.list", json!({"status": "Active"})).await;
    let active = active.as_array().unwrap();
    assert!(!active.is_empty() && (active.len() as u64) < total);
    assert!(
        active
            .iter()
            .all(|j| j["job_active_stage"]["status"] == "Active")
    );
    let someone = all[0]["accountableID"].as_str().unwrap();
    let theirs = call(
        &client,
        "jobs.list",
        json!({"accountableIDs": hex(someone)}),
    )
    .await;
    assert!(!theirs.as_array().unwrap().is_empty());
    assert!(
        theirs
            .as_array()
            .unwrap()
            .iter()
            .all(|j| j["accountableID"] == someone)
    );
    let future = call(
        &client,
        "jobs.list",
        json!({"dateCreatedFrom": "2100-01-01T00:00:00Z"}),
    )
    .await;
    assert_eq!(future, json!([]));

    // The campaign list pages the same way and holds only that campaign's jobs.
    let campaign = all[0]["campaignID"].as_str().unwrap().to_string();
    let expected = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["campaignID"] == campaign.as_str())
        .count();
    let op = bynder::ops::find("campaigns.jobs").unwrap();
    let items: Vec<_> = bynder::paging::items(&client, op, json!({"id": campaign, "limit": 1}))
        .collect()
        .await;
    assert_eq!(items.len(), expected);
    assert!(
        items
            .into_iter()
            .all(|j| j.unwrap()["campaignID"] == campaign.as_str())
    );

    let err = error(&client, "jobs.list", json!({"status": "Sleeping"})).await;
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("Sleeping"), "{}", err.message());
    let err = error(
        &client,
        "campaigns.jobs",
        json!({"id": "0123456789abcdef0123456789abcdef"}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

/// Uploads `data` through the Files Service (prepare, one chunk, finalise) over HTTP and
/// answers the `file_id`; nothing is saved as an asset.
async fn uploaded_file(
    portal: &bynder_mock::MockPortal,
    client: &Client,
    name: &str,
    data: &[u8],
) -> String {
    let prepared = call(client, "upload.prepare", json!({})).await;
    let file_id = prepared["file_id"].as_str().unwrap().to_string();
    let sha = hex_digest(data);
    let sent = reqwest::Client::new()
        .post(format!(
            "{}/v7/file_cmds/upload/{file_id}/chunk/0",
            portal.url()
        ))
        .bearer_auth(portal.config().permanent_token.as_str())
        .header("Content-SHA256", &sha)
        .body(data.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 201);
    call(
        client,
        "upload.finalise",
        json!({"file_id": file_id, "fileName": name, "fileSize": data.len(), "chunksCount": 1, "sha256": sha}),
    )
    .await;
    file_id
}

fn hex_digest(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn files_uploaded_to_a_job_are_listed_with_their_versions() {
    let portal = portal().await;
    let client = permanent(&portal);
    let jobs = call(&client, "jobs.list", json!({})).await;
    let job_id = jobs[0]["id"].as_str().unwrap().to_string();
    let before = call(&client, "jobs.media", json!({"id": job_id})).await;
    let before = before.as_array().unwrap().len();

    let first = uploaded_file(&portal, &client, "draft.png", &[7u8; 3000]).await;
    let attached = call(
        &client,
        "jobs.upload",
        json!({"id": job_id, "fileId": first, "name": "banner-draft.png", "fileSize": 3000}),
    )
    .await;
    let media_id = attached["mediaId"].as_str().unwrap().to_string();
    assert_eq!(media_id.len(), 32, "{media_id}");
    let media = call(&client, "jobs.media", json!({"id": job_id})).await;
    assert_eq!(media.as_array().unwrap().len(), before + 1);
    let mine = media
        .as_array()
        .unwrap()
        .iter()
        .find(|m| hex(m["id"].as_str().unwrap()) == media_id)
        .cloned()
        .unwrap();
    assert_eq!(mine["filename"], "banner-draft.png");
    assert_eq!(mine["version"], 1);
    assert_eq!(mine["status"], "AwaitingApproval");
    assert_eq!(mine["sub_versions"], json!([]));

    // A second file as a new version of the first: under its `sub_versions`, version 2.
    let second = uploaded_file(&portal, &client, "final.png", b"final bytes").await;
    call(
        &client,
        "jobs.upload",
        json!({"id": job_id, "fileId": second, "assetId": mine["id"]}),
    )
    .await;
    let media = call(&client, "jobs.media", json!({"id": job_id})).await;
    assert_eq!(
        media.as_array().unwrap().len(),
        before + 1,
        "a version is not a new file"
    );
    let mine = media
        .as_array()
        .unwrap()
        .iter()
        .find(|m| hex(m["id"].as_str().unwrap()) == media_id)
        .cloned()
        .unwrap();
    let versions = mine["sub_versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(
        versions[0]["filename"], "final.png",
        "the uploaded name by default"
    );
    assert_eq!(versions[0]["version"], 2);
    assert_eq!(versions[0]["versionParentID"], mine["id"]);

    // A file is attached once; sizes must agree; unknown files and jobs are refused.
    let err = error(
        &client,
        "jobs.upload",
        json!({"id": job_id, "fileId": first}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::Validation);
    let third = uploaded_file(&portal, &client, "x.png", b"xyz").await;
    let err = error(
        &client,
        "jobs.upload",
        json!({"id": job_id, "fileId": third, "fileSize": 4}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("3 bytes"), "{}", err.message());
    let err = error(&client, "jobs.upload", json!({"id": job_id})).await;
    assert_eq!(err.message(), "fileId is required");
    let err = error(
        &client,
        "jobs.upload",
        json!({"id": "0123456789abcdef0123456789abcdef", "fileId": third}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = error(
        &client,
        "jobs.media",
        json!({"id": "0123456789abcdef0123456789abcdef"}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn workflow_users_are_the_portal_users_and_groups_hold_them() {
    let portal = portal().await;
    let client = permanent(&portal);
    let portal_users = portal.store().user_ids();
    let users = call(&client, "workflow_users.list", json!({})).await;
    let ids = field(&users, "ID");
    assert!(ids.contains(&workflow_id(&portal_users[1])));
    let one = call(
        &client,
        "workflow_users.get",
        json!({"id": portal_users[1]}),
    )
    .await;
    let portal_user = call(&client, "users.get", json!({"id": portal_users[1]})).await;
    assert_eq!(one["ID"], workflow_id(&portal_users[1]));
    assert_eq!(one["BynderUser"]["email"], portal_user["email"]);
    assert_eq!(one["BynderUser"]["firstName"], portal_user["firstname"]);

    let (a, b, c) = (
        workflow_id(&portal_users[1]),
        workflow_id(&portal_users[2]),
        workflow_id(&portal_users[3]),
    );
    let group = call(
        &client,
        "workflow_groups.create",
        json!({"name": "Copywriters", "user_ids": [a, hex(&b)]}),
    )
    .await;
    let group_id = group["ID"].as_str().unwrap().to_string();
    assert_eq!(field(&group["users"], "ID"), [a.clone(), b.clone()]);
    let listed = call(&client, "workflow_groups.list", json!({})).await;
    assert!(field(&listed, "ID").contains(&group_id));

    call(
        &client,
        "workflow_groups.modify",
        json!({"id": group_id, "name": "Copy team", "user_ids": [c]}),
    )
    .await;
    let got = call(
        &client,
        "workflow_groups.get",
        json!({"id": hex(&group_id)}),
    )
    .await;
    assert_eq!(got["name"], "Copy team");
    assert_eq!(field(&got["users"], "ID"), vec![c.clone()]);
    assert!(
        !got["users"][0]["bynderUser"]["email"]
            .as_str()
            .unwrap()
            .is_empty()
    );

    // A user deleted from the portal leaves workflow and its groups.
    call(&client, "users.delete", json!({"id": portal_users[3]})).await;
    let err = error(&client, "workflow_users.get", json!({"id": c})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let got = call(&client, "workflow_groups.get", json!({"id": group_id})).await;
    assert_eq!(got["users"], json!([]));

    assert_eq!(
        call(&client, "workflow_groups.delete", json!({"id": group_id})).await,
        Value::Null
    );
    let err = error(&client, "workflow_groups.get", json!({"id": group_id})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Group not found");
    let err = error(&client, "workflow_groups.delete", json!({"id": group_id})).await;
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn workflow_metaproperties_and_presets_are_readable() {
    let portal = portal().await;
    let client = permanent(&portal);
    let all = call(&client, "workflow_metaproperties.list", json!({})).await;
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|m| m["entity"] == "job"));
    assert!(all.iter().any(|m| m["entity"] == "campaign"));
    let select = all.iter().find(|m| m["type"] == "select").unwrap();
    let got = call(
        &client,
        "workflow_metaproperties.get",
        json!({"id": select["ID"]}),
    )
    .await;
    assert_eq!(&got, select);
    assert!(
        got["options"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["metapropertyID"] == select["ID"])
    );

    // Job values are checked against the job metaproperties and their options.
    let holiday = all.iter().find(|m| m["label"] == "Holiday Type").unwrap();
    let beach = holiday["options"][0]["ID"].clone();
    let job = call(&client, "jobs.list", json!({"limit": 1})).await[0].clone();
    let key = holiday["ID"].as_str().unwrap();
    call(
        &client,
        "jobs.modify",
        json!({"id": job["id"], "jobMetaproperties": {key: beach}}),
    )
    .await;
    let got = call(&client, "jobs.get", json!({"id": job["id"]})).await;
    assert_eq!(got["jobMetaproperties"][key], beach);
    let err = error(
        &client,
        "jobs.modify",
        json!({"id": job["id"], "jobMetaproperties": {key: "not-an-option"}}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::Validation);

    let preset = call(&client, "job_presets.get", json!({"id": job["presetID"]})).await;
    assert_eq!(preset["ID"], job["presetID"]);
    let positions: Vec<&str> = preset["presetstages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["position"].as_str().unwrap())
        .collect();
    assert_eq!(positions[0], "1.0");
    assert_eq!(positions.len(), job["job_stages"].as_array().unwrap().len());
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_in_every_group() {
    let portal = portal().await;
    let client = permanent(&portal);
    let unknown = "0123456789abcdef0123456789abcdef";
    let cases = [
        (
            "campaigns.create",
            json!({"name": "No key"}),
            ErrorKind::Validation,
            "key is required",
        ),
        (
            "campaigns.create",
            json!({"name": "Bad date", "key": "BD", "deadline": "soon"}),
            ErrorKind::Validation,
            "deadline must be an ISO 8601 date",
        ),
        (
            "jobs.create",
            json!({"name": "J", "campaignID": unknown, "accountableID": unknown, "presetID": unknown}),
            ErrorKind::Validation,
            "is not a campaign",
        ),
        (
            "jobs.finish",
            json!({"id": unknown}),
            ErrorKind::NotFound,
            "Job not found",
        ),
        (
            "job_presets.get",
            json!({"id": unknown}),
            ErrorKind::NotFound,
            "Preset not found",
        ),
        (
            "workflow_groups.create",
            json!({"user_ids": []}),
            ErrorKind::Validation,
            "name is required",
        ),
        (
            "workflow_groups.create",
            json!({"name": "G", "user_ids": [unknown]}),
            ErrorKind::Validation,
            "is not a workflow user",
        ),
        (
            "workflow_users.get",
            json!({"id": unknown}),
            ErrorKind::NotFound,
            "User not found",
        ),
        (
            "workflow_metaproperties.get",
            json!({"id": unknown}),
            ErrorKind::NotFound,
            "Metaproperty not found",
        ),
    ];
    for (op, params, kind, message) in cases {
        let err = error(&client, op, params).await;
        assert_eq!(err.kind(), kind, "{op}: {err}");
        assert!(err.message().contains(message), "{op}: {}", err.message());
    }
    // A path id the client cannot send is refused before any request.
    let err = error(&client, "jobs.get", json!({"id": ""})).await;
    assert_eq!(err.kind(), ErrorKind::InvalidId, "{err}");
}

#[tokio::test]
async fn tokens_without_the_workflow_scopes_are_refused_with_403() {
    let portal = portal().await;
    // The shared test scopes hold no workflow scope and not admin.user:read.
    assert!(!SCOPES.iter().any(|s| s.as_str().starts_with("workflow.") || s.as_str().starts_with("meta.workflow")));
    assert!(!SCOPES.contains(&Scope::AdminUserRead));
    let client = client_credentials(&portal);
    let any = "0123456789abcdef0123456789abcdef";
    let calls = [
        ("campaigns.list", json!({})),
        ("jobs.list", json!({})),
        ("jobs.finish", json!({"id": any})),
        ("job_presets.get", json!({"id": any})),
        ("workflow_groups.create", json!({"name": "G"})),
        ("workflow_users.list", json!({})),
        ("workflow_metaproperties.list", json!({})),
    ];
    for (op, params) in calls {
        let err = error(&client, op, params).await;
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    // Reading campaigns does not allow writing them, nor finishing jobs.
    let reader = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::WorkflowCampaignRead, Scope::WorkflowJobRead],
        )
        .build()
        .unwrap();
    let campaigns = call(&reader, "campaigns.list", json!({})).await;
    assert!(!campaigns.as_array().unwrap().is_empty());
    let err = error(
        &reader,
        "campaigns.create",
        json!({"name": "N", "key": "N"}),
    )
    .await;
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    let job = call(&reader, "jobs.list", json!({"limit": 1})).await[0]["id"].clone();
    let err = error(&reader, "jobs.finish", json!({"id": job})).await;
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert_eq!(
        portal.store().read(|s| s.workflow.campaigns.len()),
        campaigns.as_array().unwrap().len()
    );
}
