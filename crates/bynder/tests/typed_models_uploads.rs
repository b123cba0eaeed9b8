//! The typed models of the upload steps against real answers, checked as
//! `typed_models_writes.rs` checks the writes: the Files Service (prepare, chunk, finalise) and
//! the saves, the S3 flow (endpoint, init, register, finalise, poll), and the workflow writes,
//! which attach an uploaded file to a job.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "common/checked.rs"]
mod checked;
mod common;
#[path = "common/writes.rs"]
mod writes;

use bynder::models::*;
use serde_json::json;

use common::typed::{call, text};
use common::*;
use writes::*;

#[tokio::test]
async fn files_service_steps_and_saves() {
    let portal = quick_portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(FILES_SERVICE);
    let brand = portal.store().brand_ids()[0].clone();

    let file_id = files_service_upload(&mut seen, &portal, &client, "typed.png", &[1; 2000]).await;
    let params = json!({"importId": file_id, "brandId": brand, "name": "Typed upload"});
    let (saved, raw) = one::<SaveResult>(&mut seen, &client, "upload.save", params).await;
    assert_eq!(saved.success, Some(true));
    assert_eq!(saved.batch_id, text(&raw["batchId"]));
    assert_eq!(saved.access_request_id, text(&raw["accessRequestId"]));
    let media_id = saved.media_id.unwrap();
    assert_eq!(Some(media_id.as_str()), raw["mediaid"].as_str());
    assert!(!saved.media_items.is_empty());
    for (item, raw) in saved
        .media_items
        .iter()
        .zip(raw["mediaitems"].as_array().unwrap())
    {
        assert_eq!(item.original, text(&raw["original"]));
        assert_eq!(item.destination, text(&raw["destination"]));
    }
    let asset = call(&client, "media.get", json!({"id": media_id})).await;
    assert_eq!(asset["name"], "Typed upload");

    let file_id = files_service_upload(&mut seen, &portal, &client, "typed-2.png", &[2; 900]).await;
    let params = json!({"id": media_id, "importId": file_id});
    let (version, raw) = one::<SaveResult>(&mut seen, &client, "upload.save_version", params).await;
    assert_eq!(version.media_id.as_deref(), Some(media_id.as_str()));
    assert!(raw["mediaitems"].is_null() && version.media_items.is_empty());

    let file_id = files_service_upload(&mut seen, &portal, &client, "notes.pdf", &[3; 700]).await;
    let params = json!({"id": media_id, "uploadId": file_id});
    let (extra, _) = one::<SaveResult>(&mut seen, &client, "upload.save_additional", params).await;
    assert_eq!(extra.media_id.as_deref(), Some(media_id.as_str()));
    assert_eq!(extra.success, Some(true));
    seen.done();
}

/// The `multipart/form-data` body of part `n` of `chunks`: the policy fields in the portal's
/// order (`key` pointing at the part), then the part's fields, the file last.
fn part_form(init: &S3Init, n: u32, chunks: u32, data: &[u8]) -> (String, Vec<u8>) {
    let policy = serde_json::to_value(init.multipart_params.as_ref().unwrap()).unwrap();
    let key = format!("{}/p{n}", init.s3_filename.as_deref().unwrap());
    let mut fields: Vec<(String, String)> = policy
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    for (name, value) in &mut fields {
        if name == "key" {
            value.clone_from(&key);
        }
    }
    fields.push(("name".into(), "part.bin".into()));
    fields.push(("chunk".into(), n.to_string()));
    fields.push(("chunks".into(), chunks.to_string()));
    fields.push(("Filename".into(), key));
    let boundary = "typed-models-boundary-5Wq1";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn s3_flow_steps() {
    let portal = quick_portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(S3_FLOW);

    let (endpoint, _) = one::<PlainText>(&mut seen, &client, "upload.s3_endpoint", json!({})).await;
    assert!(
        endpoint.starts_with(portal.url().trim_end_matches('/')),
        "{endpoint}"
    );
    let params = json!({"filename": "poster.png"});
    let (init, raw) = one::<S3Init>(&mut seen, &client, "upload.s3_init", params).await;
    let s3file = init.s3file.clone().unwrap();
    let upload_id = s3file.uploadid.unwrap();
    let target_id = s3file.targetid.unwrap();
    assert_eq!(Some(upload_id.as_str()), raw["s3file"]["uploadid"].as_str());
    assert!(target_id.ends_with("/poster.png"), "{target_id}");
    let key = init.s3_filename.clone().unwrap();
    assert_eq!(init.target_key.as_deref(), Some(key.as_str()));
    let policy = init.multipart_params.clone().unwrap();
    assert_eq!(policy.key.as_deref(), Some(key.as_str()));
    assert_eq!(policy.policy, text(&raw["multipart_params"]["Policy"]));
    assert_eq!(
        policy.signature,
        text(&raw["multipart_params"]["X-Amz-Signature"])
    );

    // The typed policy is enough to post the part.
    let data = vec![9u8; 4000];
    let (content_type, body) = part_form(&init, 1, 1, &data);
    let posted = reqwest::Client::new()
        .post(&endpoint)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        posted.status().as_u16(),
        201,
        "{}",
        posted.text().await.unwrap()
    );

    let part = format!("{key}/p1");
    let params =
        json!({"id": upload_id, "targetid": target_id, "filename": part, "chunkNumber": 1});
    let (registered, _) =
        one::<S3Registration>(&mut seen, &client, "upload.s3_register_form", params).await;
    assert_eq!(registered.status.as_deref(), Some("ok"));
    assert!(registered.import_id.is_none());
    let params = json!({"id": upload_id, "targetid": target_id, "s3_filename": part, "chunks": 1,
        "original_filename": "poster.png"});
    let (done, raw) = one::<S3Registration>(&mut seen, &client, "upload.s3_register", params).await;
    assert_eq!(done.success, Some(1));
    assert_eq!(done.filename.as_deref(), Some(target_id.as_str()));
    assert_eq!(done.batch_id, text(&raw["batchId"]));
    assert_eq!(done.location_type.as_deref(), Some("s3"));
    let file = done.file.unwrap();
    assert_eq!(file.path.as_deref(), Some(target_id.as_str()));
    assert_eq!(file.kind, text(&raw["file"]["type"]));
    assert_eq!(done.output, text(&raw["output"]));
    let import_id = done.import_id.unwrap();

    let params = json!({"items": import_id});
    let (poll, raw) = one::<PollResult>(&mut seen, &client, "upload.s3_poll", params).await;
    assert_eq!(poll.items_done, std::slice::from_ref(&import_id));
    assert!(
        poll.items_failed.is_empty() && poll.items_rejected.is_empty(),
        "{raw}"
    );

    let brand = portal.store().brand_ids()[0].clone();
    let params = json!({"importId": import_id, "brandId": brand, "name": "Poster"});
    let (saved, _) = one::<SaveResult>(&mut seen, &client, "upload.save", params).await;
    let media_id = saved.media_id.unwrap();
    let asset = call(&client, "media.get", json!({"id": media_id})).await;
    assert_eq!(asset["name"], "Poster");
    seen.done();
}

#[tokio::test]
async fn workflow_writes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let mut seen = Seen::new(WORKFLOW);
    let users = portal.store().user_ids();

    let params = json!({"name": "Typed campaign", "key": "TYPD"});
    let (campaign, _) = one::<IdRef>(&mut seen, &client, "campaigns.create", params).await;
    let campaign = campaign.id.unwrap();
    assert!(
        campaign.len() == 32 && campaign.chars().all(|c| c.is_ascii_hexdigit()),
        "{campaign}"
    );
    let params = json!({"id": campaign, "name": "Typed campaign 2"});
    let (modified, _) = one::<IdRef>(&mut seen, &client, "campaigns.modify", params).await;
    assert_eq!(modified.id.as_deref(), Some(campaign.as_str()));

    let preset = call(&client, "jobs.list", json!({})).await[0]["presetID"].clone();
    let stages = call(&client, "job_presets.get", json!({"id": preset})).await["presetstages"]
        .as_array()
        .unwrap()
        .len();
    let params = json!({"name": "Typed job", "campaignID": campaign, "accountableID": rfc(&users[0]),
        "presetID": preset});
    let (created, raw) = one::<JobResult>(&mut seen, &client, "jobs.create", params).await;
    assert_eq!(created.status.as_deref(), Some("Created"));
    let job = created.job_id.unwrap();
    assert_eq!(Some(job.as_str()), raw["job_id"].as_str());
    let params = json!({"id": job, "name": "Typed job 2"});
    let (updated, _) = one::<JobResult>(&mut seen, &client, "jobs.modify", params).await;
    assert_eq!(updated.status.as_deref(), Some("Updated"));
    assert_eq!(updated.job_id.as_deref(), Some(job.as_str()));

    let file_id = files_service_upload(&mut seen, &portal, &client, "draft.png", &[4; 1500]).await;
    let params = json!({"id": job, "fileId": file_id, "name": "typed-draft.png"});
    let (uploaded, _) = one::<JobUpload>(&mut seen, &client, "jobs.upload", params).await;
    let media_id = uploaded.media_id.unwrap();
    let media = call(&client, "jobs.media", json!({"id": job})).await;
    let listed = media.as_array().unwrap().iter().any(|m| {
        m["id"]
            .as_str()
            .unwrap()
            .replace('-', "")
            .eq_ignore_ascii_case(&media_id)
    });
    assert!(listed, "{media_id} not in {media}");

    // Approve the stages up to the last, then finish.
    for _ in 1..stages {
        let params = json!({"id": job, "activeStage": {"status": "Approved"}});
        one::<JobResult>(&mut seen, &client, "jobs.modify", params).await;
    }
    let (finished, _) =
        one::<JobResult>(&mut seen, &client, "jobs.finish", json!({"id": job})).await;
    assert_eq!(finished.status.as_deref(), Some("Finished"));
    one::<NoContent>(&mut seen, &client, "jobs.delete", json!({"id": job})).await;
    one::<NoContent>(
        &mut seen,
        &client,
        "campaigns.close",
        json!({"id": campaign}),
    )
    .await;
    let got = call(&client, "campaigns.get", json!({"id": campaign})).await;
    assert_eq!(got["closed"], true);
    one::<NoContent>(
        &mut seen,
        &client,
        "campaigns.delete",
        json!({"id": campaign}),
    )
    .await;

    let member = rfc(&users[1]);
    let params = json!({"name": "Typed group", "user_ids": [member]});
    let (group, raw) =
        one::<WorkflowGroup>(&mut seen, &client, "workflow_groups.create", params).await;
    assert_eq!(group.id, raw["ID"].as_str().unwrap());
    assert_eq!(group.name.as_deref(), Some("Typed group"));
    assert_eq!(group.users.len(), 1);
    assert_eq!(group.users[0].id, member);
    let params = json!({"id": group.id, "name": "Typed group 2"});
    let (renamed, _) =
        one::<WorkflowGroup>(&mut seen, &client, "workflow_groups.modify", params).await;
    assert_eq!(renamed.name.as_deref(), Some("Typed group 2"));
    assert_eq!(renamed.id, group.id);
    one::<NoContent>(
        &mut seen,
        &client,
        "workflow_groups.delete",
        json!({"id": group.id}),
    )
    .await;
    seen.done();
}
