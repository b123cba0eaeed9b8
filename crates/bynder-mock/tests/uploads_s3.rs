//! The old (S3) upload flow over real HTTP: endpoint, init, part POSTs to the mock's S3 (form
//! order, policy, no Authorization), register, finalise, poll, save, download.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::upload::*;
use common::*;
use serde_json::json;

#[tokio::test]
async fn endpoint_and_init_answer_bynders_shapes() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    assert_eq!(
        s3_endpoint(&client, &base).await,
        format!("{base}/_mock/s3/")
    );
    let (status, body) = answer(
        post_form_auth(
            &client,
            &base,
            "/api/upload/init/",
            &[("filename", "Logo.png")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let key = body["s3_filename"].as_str().unwrap();
    let uuid = key
        .strip_prefix("pluploads/api/")
        .unwrap()
        .strip_suffix("/Logo.png")
        .unwrap();
    assert!(
        uuid::Uuid::parse_str(uuid).is_ok() && uuid == uuid.to_lowercase(),
        "{key}"
    );
    assert_eq!(body["target_key"], key);
    assert_eq!(body["s3file"]["targetid"], format!("final/{uuid}/Logo.png"));
    let params = &body["multipart_params"];
    assert_eq!(params["key"], key);
    assert_eq!(params["acl"], "private");
    assert_eq!(params["success_action_status"], "201");
    assert_eq!(params["Content-Type"], "image/*");
    assert_eq!(params["x-amz-algorithm"], "AWS4-HMAC-SHA256");
    for field in [
        "Policy",
        "X-Amz-Signature",
        "x-amz-credential",
        "x-amz-date",
    ] {
        assert!(
            params[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field}: {body}"
        );
    }
    let keys: Vec<&String> = params.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 9, "{keys:?}");

    for (name, message) in [
        ("image", "'image' is not a valid filename"),
        ("a/b.png", "'a/b.png' is not a valid filename"),
        ("", "This field is required."),
    ] {
        let (status, body) =
            answer(post_form_auth(&client, &base, "/api/upload/init", &[("filename", name)]).await)
                .await;
        assert_eq!((status, body), (400, json!({"filename": message})));
    }
}

#[tokio::test]
async fn a_two_part_upload_is_finalised_polled_saved_and_downloaded() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let bytes = data(MIB5 + 777, 11);
    let (init, chunks) = s3_parts(&client, &base, "brochure.pdf", &bytes).await;
    assert_eq!(chunks, 2);
    let (status, body) = answer(s3_finalise(&client, &base, &init, chunks).await).await;
    assert_eq!(status, 202, "{body}");
    let import_id = body["importId"].as_str().unwrap();
    assert!(is_cf(import_id), "{import_id}");
    assert!(is_cf(body["batchId"].as_str().unwrap()));
    assert_eq!(body["locationType"], "s3");
    assert_eq!(body["success"], 1);
    assert_eq!(body["filename"], init.target_id);
    assert_eq!(body["file"]["path"], init.target_id);
    assert_eq!(body["file"]["type"], "s3");
    assert_eq!(
        body["output"],
        init.target_id.strip_suffix("brochure.pdf").unwrap()
    );
    // A repeated finalise answers the same import.
    let (_, again) = answer(s3_finalise(&client, &base, &init, chunks).await).await;
    assert_eq!(again["importId"], import_id);

    let polled = poll(
        &client,
        &base,
        &[import_id, "00000000-0000-0000-0000000000000000"],
    )
    .await;
    assert_eq!(
        polled["itemsFailed"],
        json!(["00000000-0000-0000-0000000000000000"])
    );
    assert_eq!(polled["itemsRejected"], json!([]));
    wait_done(&client, &base, import_id).await;
    let (status, saved) = save(
        &client,
        &base,
        import_id,
        &brand(&portal),
        &[("name", "Brochure")],
    )
    .await;
    assert_eq!(status, 201, "{saved}");
    let media_id = saved["mediaid"].as_str().unwrap();
    let (_, media) = get_json(&client, &base, &format!("/api/v4/media/{media_id}/")).await;
    assert_eq!(
        (media["name"].as_str(), media["type"].as_str()),
        (Some("Brochure"), Some("document"))
    );
    let url = location(
        &client,
        &base,
        &format!("/api/v4/media/{media_id}/download/"),
    )
    .await;
    assert_eq!(download(&client, &url).await, bytes);
}

fn is_cf(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 16]
        && id
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase())
}

#[tokio::test]
async fn the_s3_endpoint_checks_the_form_like_s3() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let endpoint = s3_endpoint(&client, &base).await;
    let init = init(&client, &base, "a.jpg").await;
    let bytes = data(2000, 12);
    let good = part_fields(&init, 1, 1, &bytes);
    let refused = |fields: Vec<(String, Vec<u8>)>| {
        let (client, endpoint) = (client.clone(), endpoint.clone());
        async move {
            let response = s3_post(&client, &endpoint, &fields).await;
            let status = response.status().as_u16();
            let content_type = response.headers()["content-type"]
                .to_str()
                .unwrap()
                .to_string();
            assert_eq!(content_type, "application/xml");
            (status, response.text().await.unwrap())
        }
    };

    // `file` must be last.
    let mut late = good.clone();
    let file = late.pop().unwrap();
    late.insert(3, file);
    let (status, text) = refused(late).await;
    assert_eq!(status, 400);
    assert!(
        text.contains("The form field 'key' comes after 'file'"),
        "{text}"
    );
    // Even when every field came before it.
    let mut trailing = good.clone();
    trailing.push(("x-amz-meta-late".to_string(), b"1".to_vec()));
    let (status, text) = refused(trailing).await;
    assert_eq!(status, 400);
    assert!(
        text.contains("The form field 'x-amz-meta-late' comes after 'file'"),
        "{text}"
    );

    // Every field is required.
    let missing: Vec<_> = good
        .iter()
        .filter(|(k, _)| k != "chunks")
        .cloned()
        .collect();
    let (status, text) = refused(missing).await;
    assert_eq!(status, 400);
    assert!(
        text.contains("The form field 'chunks' is missing"),
        "{text}"
    );

    // A forged signature, a key outside the policy, an extra field.
    let mut forged = good.clone();
    forged
        .iter_mut()
        .find(|(k, _)| k == "X-Amz-Signature")
        .unwrap()
        .1 = b"00".to_vec();
    let (status, text) = refused(forged).await;
    assert_eq!(status, 403);
    assert!(
        text.contains("<Code>SignatureDoesNotMatch</Code>"),
        "{text}"
    );
    let mut elsewhere = good.clone();
    for (k, v) in elsewhere.iter_mut() {
        if k == "key" || k == "Filename" {
            *v = b"pluploads/api/other/a.jpg/p1".to_vec();
        }
    }
    let (status, text) = refused(elsewhere).await;
    assert_eq!(status, 403);
    assert!(text.contains("Policy Condition failed"), "{text}");
    let mut extra = good.clone();
    extra.insert(0, ("x-amz-meta-who".to_string(), b"me".to_vec()));
    let (status, text) = refused(extra).await;
    assert_eq!(status, 403);
    assert!(
        text.contains("Extra input fields: x-amz-meta-who"),
        "{text}"
    );

    // The key names the part the `chunk` field names.
    let mut mismatch = good.clone();
    mismatch.iter_mut().find(|(k, _)| k == "chunk").unwrap().1 = b"2".to_vec();
    mismatch.iter_mut().find(|(k, _)| k == "chunks").unwrap().1 = b"2".to_vec();
    let (status, text) = refused(mismatch).await;
    assert_eq!(status, 400);
    assert!(text.contains("but part 2 of this upload is"), "{text}");

    // No file at all.
    let no_file: Vec<_> = good.iter().filter(|(k, _)| k != "file").cloned().collect();
    let (status, text) = refused(no_file).await;
    assert_eq!(status, 400);
    assert!(text.contains("exactly one file"), "{text}");

    // The Bynder token must never reach storage.
    let with_token = client
        .post(&endpoint)
        .bearer_auth(TOKEN)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form_body(&good))
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 400);
    assert!(
        with_token
            .text()
            .await
            .unwrap()
            .contains("<Code>InvalidArgument</Code>")
    );
    assert_eq!(client.get(&endpoint).send().await.unwrap().status(), 405);
    let not_multipart = client.post(&endpoint).body("a=b").send().await.unwrap();
    assert_eq!(not_multipart.status(), 412);

    // None of those stored a part: registering p1 fails until the good form is sent.
    assert_eq!(register(&client, &base, &init, 1).await.status(), 400);
    let stored = s3_post(&client, &endpoint, &good).await;
    assert_eq!(stored.status(), 201);
    assert!(stored.headers()["etag"].to_str().unwrap().starts_with('"'));
    let text = stored.text().await.unwrap();
    assert!(
        text.contains(&format!("<Key>{}/p1</Key>", init.key)),
        "{text}"
    );
    assert!(text.contains("<PostResponse>"), "{text}");
    assert_eq!(register(&client, &base, &init, 1).await.status(), 202);
}

#[tokio::test]
async fn register_and_finalise_name_what_is_wrong() {
    let portal = portal().await;
    let (client, base) = (client(), portal.url().to_string());
    let endpoint = s3_endpoint(&client, &base).await;
    let init = init(&client, &base, "clip.mov").await;
    let (small, tail) = (data(1000, 13), data(10, 14));

    // Register: the part must have reached S3.
    let (status, body) = answer(register(&client, &base, &init, 1).await).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (400, Some("Part p1 was not uploaded to S3 (uploaded: none)"))
    );
    for (n, bytes) in [(1, &small), (2, &tail)] {
        assert_eq!(
            s3_post(&client, &endpoint, &part_fields(&init, n, 2, bytes))
                .await
                .status(),
            201
        );
    }
    let (status, body) = answer(register(&client, &base, &init, 1).await).await;
    assert_eq!((status, body), (202, json!({"status": "ok"})));

    // Finalise: parts must be registered (Bynder's 500), big enough, and all there.
    let (status, body) = answer(s3_finalise(&client, &base, &init, 2).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Part p1 is 1000 bytes: every part but the last must be at least 5 MiB (5242880 bytes)"
    );
    let big = data(MIB5, 15);
    assert_eq!(
        s3_post(&client, &endpoint, &part_fields(&init, 1, 2, &big))
            .await
            .status(),
        201
    );
    let (status, body) = answer(s3_finalise(&client, &base, &init, 2).await).await;
    assert_eq!(
        (status, body),
        (
            500,
            json!({"message": "Could not complete upload", "retry": 1, "success": false})
        )
    );
    assert_eq!(register(&client, &base, &init, 2).await.status(), 202);
    let (status, body) = answer(s3_finalise(&client, &base, &init, 3).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Part p3 of 3 was not uploaded to S3 (uploaded: p1-2)"
    );

    // The path form with a mismatching id in the form, both modes, neither.
    let path = format!("/api/v4/upload/{}/", init.upload_id);
    let (status, _) =
        answer(post_form_auth(&client, &base, &path, &[("id", "other"), ("chunks", "2")]).await)
            .await;
    assert_eq!(status, 400);
    let (status, body) = answer(
        post_form_auth(
            &client,
            &base,
            &path,
            &[("chunks", "2"), ("chunkNumber", "1")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) =
        answer(post_form_auth(&client, &base, &path, &[("targetid", "x")]).await).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = answer(
        post_form_auth(
            &client,
            &base,
            "/api/v4/upload/unknown-upload/",
            &[("chunks", "1"), ("s3_filename", "x"), ("targetid", "y")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 404, "{body}");
    let wrong_target = post_form_auth(
        &client,
        &base,
        &path,
        &[
            ("targetid", "final/x/clip.mov"),
            ("s3_filename", &init.key),
            ("chunks", "2"),
        ],
    )
    .await;
    let (status, body) = answer(wrong_target).await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("targetid 'final/x/clip.mov'"),
        "{body}"
    );

    // The documented base key works as s3_filename as well as the SDKs' last-part key.
    let documented = post_form_auth(
        &client,
        &base,
        &path,
        &[
            ("targetid", &init.target_id),
            ("s3_filename", &init.key),
            ("chunks", "2"),
            ("original_filename", "Clip (final).mov"),
        ],
    )
    .await;
    let (status, body) = answer(documented).await;
    assert_eq!(status, 202, "{body}");
    let import_id = body["importId"].as_str().unwrap();
    wait_done(&client, &base, import_id).await;
    let (status, saved) = save(&client, &base, import_id, &brand(&portal), &[]).await;
    assert_eq!(status, 201);
    let (_, media) = get_json(
        &client,
        &base,
        &format!("/api/v4/media/{}/", saved["mediaid"].as_str().unwrap()),
    )
    .await;
    assert_eq!(media["name"], "Clip (final).mov");
    assert_eq!(media["fileSize"], MIB5 + 10);
}
