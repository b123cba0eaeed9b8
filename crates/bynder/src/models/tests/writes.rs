//! The models of write answers, upload steps and option dependencies against Bynder's published
//! definitions: documented examples decode as they are, and schema instances decode with every
//! documented field named.

use std::collections::BTreeMap;

use super::*;

has_extra!(
    IdRef,
    UserRef,
    UploadPrepared,
    S3Init,
    S3File,
    S3Policy,
    S3Registration,
    S3Location,
    PollResult,
    SaveResult,
    SavedItem,
    UsageSync,
    UsageSyncEntry,
    QuarantineReviewed,
    JobResult,
    JobUpload,
    AccessPrincipal
);

#[test]
fn upload_steps_match_their_definitions() {
    let doc = openapi("modern-stack-upload");
    let prepared: UploadPrepared = exact(&schema_instance(
        &doc,
        "/v7/file_cmds/upload/prepare",
        "post",
        "200",
    ));
    assert!(prepared.file_id.is_some());

    let doc = openapi("asset-upload");
    let init = schema_instance(&doc, "/api/upload/init", "post", "200");
    let decoded: S3Init = exact(&init);
    let s3file = decoded.s3file.expect("s3file");
    assert!(s3file.extra.is_empty());
    assert_eq!(s3file.uploadid.as_deref(), Some("UPLOAD_ID"));
    let policy = decoded.multipart_params.expect("multipart_params");
    assert!(policy.extra.is_empty(), "{:?}", policy.extra);
    assert_eq!(policy.algorithm.as_deref(), Some("AWS4-HMAC-SHA256"));
    assert_eq!(policy.content_type.as_deref(), Some("image/*"));

    let registered: S3Registration =
        exact(&schema_instance(&doc, "/api/v4/upload/{id}", "post", "202"));
    assert_eq!(registered.success, Some(1));
    assert!(registered.file.expect("file").extra.is_empty());

    for example in examples(&content(&doc, "/api/v4/upload/poll", "get", "200")) {
        let poll: PollResult = exact(&example);
        assert_eq!(poll.items_done.len(), 1);
    }
    for example in examples(&content(
        &doc,
        "/api/v4/media/save/{importId}",
        "post",
        "201",
    )) {
        let saved: SaveResult = exact(&example);
        assert_eq!(saved.success, Some(true));
        assert_eq!(saved.media_items.len(), 3);
        assert!(saved.media_items.iter().all(|item| item.extra.is_empty()));
    }
    // A new version answers `"mediaitems": null`.
    let doc = openapi("group-asset-uploadtest");
    let version = &doc["paths"]["/api/v4/media/{id}/save/{importId}"]["post"]["responses"]["201"]["content"]
        ["application/json"]["examples"]["success"]["value"];
    assert!(version["mediaitems"].is_null(), "{version}");
    let saved: SaveResult = decode(version);
    assert!(saved.media_items.is_empty() && saved.extra.is_empty());
}

#[test]
fn small_write_answers_match_their_definitions() {
    let users: UserRef = exact(&schema_instance(
        &openapi("users-v4"),
        "/api/v4/users/",
        "post",
        "201",
    ));
    assert!(users.username.is_some());
    // The webhook answer's schema is a `$ref`.
    let doc = openapi("webhooks");
    let schema = &doc["components"]["schemas"]["ApiV7WebhooksPublicApiSubscriptionsResponse"];
    let webhook: IdRef = exact(&instance(schema, "root"));
    assert!(webhook.id.is_some());
    let campaign: IdRef = exact(&schema_instance(
        &openapi("wf-campaigns-v4"),
        "/api/workflow/campaigns",
        "post",
        "201",
    ));
    assert_eq!(
        campaign.id.as_deref(),
        Some("00000000000000000000000000000000")
    );

    let doc = openapi("wf-jobs-v4");
    for (path, method, status, said) in [
        ("/api/workflow/jobs", "post", "201", "Created"),
        ("/api/workflow/jobs/{id}/finish", "patch", "200", "Finished"),
    ] {
        for example in examples(&content(&doc, path, method, status)) {
            let job: JobResult = exact(&example);
            assert_eq!(job.status.as_deref(), Some(said));
        }
    }

    let sync: UsageSync = exact(&schema_instance(
        &openapi("asset-usage-v4"),
        "/api/media/usage/sync",
        "post",
        "200",
    ));
    assert_eq!(sync.created.len(), 1);
    assert!(sync.created[0].extra.is_empty());
    assert!(sync.rejected[0].reason.is_some());
    for entry in sync
        .accepted
        .iter()
        .chain(&sync.rejected)
        .chain(&sync.removed)
    {
        assert!(entry.extra.is_empty(), "{:?}", entry.extra);
    }

    let principals = schema_instance(
        &openapi("access-rights-v4"),
        "/api/content_access/metaproperties/{metaproperty_id}",
        "post",
        "201",
    );
    for principal in principals.as_array().expect("a list") {
        let principal: AccessPrincipal = exact(principal);
        assert_eq!(principal.principal_type.as_deref(), Some("user"));
    }
}

#[test]
fn status_envelopes_of_writes_match_their_definitions() {
    let doc = openapi("metaproperty-v4");
    let created = &examples(&content(&doc, "/api/v4/metaproperties", "post", "201"))[0];
    let status: Status = exact(created);
    assert_eq!(
        status.id.as_deref(),
        Some("00000000-0000-0000-0000000000000000")
    );
    // Documented with the code as a string, and (Brandstore) spelled `status_code`.
    let doc = openapi("options-v4");
    let deleted = &examples(&content(
        &doc,
        "/api/v4/metaproperties/{id}/options/{optionId}",
        "delete",
        "204",
    ))[0];
    let status: Status = decode(deleted);
    assert_eq!(status.statuscode, Some(204));
    let order = schema_instance(
        &openapi("brandstore"),
        "/api/store/order/{id}/products",
        "post",
        "201",
    );
    let status: Status = decode(&order);
    assert_eq!(status.statuscode, Some(201));
    assert!(status.extra.is_empty(), "{:?}", status.extra);
}

#[test]
fn option_dependencies_match_their_definitions() {
    let doc = openapi("options-v4");
    let all = &examples(&content(
        &doc,
        "/api/v4/metaproperties/options/dependencies",
        "get",
        "200",
    ))[0];
    let decoded: BTreeMap<String, MetapropertyDependencies> = decode(all);
    assert_eq!(serde_json::to_value(&decoded).expect("encode"), *all);
    let of_one =
        &decoded["00000000-0000-0000-0000000000000001"]["00000000-0000-0000-0000000000000000"];
    assert_eq!(of_one["ungrouped"].len(), 2);

    let listed = &examples(&content(
        &doc,
        "/api/v4/metaproperties/{id}/options/dependencies",
        "get",
        "200",
    ))[0];
    let decoded: MetapropertyDependencies = decode(listed);
    assert_eq!(serde_json::to_value(&decoded).expect("encode"), *listed);

    let answers = examples(&content(
        &doc,
        "/api/v4/metaproperties/{id}/options/{optionId}/dependencies",
        "get",
        "200",
    ));
    let decoded: Vec<OptionDependencies> = answers.iter().map(decode).collect();
    assert!(matches!(decoded[0], OptionDependencies::Ungrouped(ref ids) if ids.len() == 2));
    assert!(matches!(decoded[1], OptionDependencies::Grouped(ref groups) if groups.len() == 2));
    assert_eq!(
        decoded[1].ungrouped(),
        ["00000000-0000-0000-0000000000000000"]
    );
    for (answer, model) in answers.iter().zip(&decoded) {
        assert_eq!(serde_json::to_value(model).expect("encode"), *answer);
    }
}

#[test]
fn no_content_is_null_and_keeps_a_body_sent_anyway() {
    let nothing: NoContent = decode(&Value::Null);
    assert_eq!(nothing, NoContent::default());
    assert_eq!(serde_json::to_value(&nothing).expect("encode"), Value::Null);
    let body = json!({"message": "Deleted", "statuscode": 204});
    let kept: NoContent = decode(&body);
    assert_eq!(kept.extra["message"], "Deleted");
    assert_eq!(serde_json::to_value(&kept).expect("encode"), body);
    let err = serde_json::from_value::<NoContent>(json!("text")).expect_err("not a body");
    assert!(err.to_string().contains("no content"), "{err}");
}
