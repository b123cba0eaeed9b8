//! `bynder demo`: starts the embedded mock portal and runs a real journey through the SDK over
//! HTTP, printing what happened at each step and the resilience counters at the end.

use std::time::Instant;

use futures::StreamExt;
use indicatif::HumanBytes;
use serde_json::{Value, json};

use bynder::api::{CollectionQuery, MediaQuery, MediaUpdate, NewCollection};
use bynder::{Client, Error, ErrorKind, Scope};
use bynder_mock::{Fault, FaultRule, MockConfig, MockPortal};

use crate::demo_files;
use crate::media::{print_collections, print_media};

/// One line of the report.
struct Report {
    json: bool,
    steps: Vec<Value>,
}

impl Report {
    fn step(&mut self, title: &str, started: Instant, detail: Value) {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if !self.json {
            println!("\n✓ {title}  ({ms:.1} ms)");
        }
        self.steps
            .push(json!({"step": title, "ms": (ms * 10.0).round() / 10.0, "detail": detail}));
    }

    fn say(&self, text: &str) {
        if !self.json {
            println!("  {text}");
        }
    }
}

fn check(condition: bool, what: &str) -> Result<(), Error> {
    if condition {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Internal,
            format!("demo check failed: {what}"),
        ))
    }
}

pub async fn run(json: bool) -> Result<(), Error> {
    let mut report = Report {
        json,
        steps: Vec::new(),
    };
    let started = Instant::now();
    let config = MockConfig::default();
    let (client_id, client_secret) = (config.client_id.clone(), config.client_secret.clone());
    let portal = MockPortal::start(config)
        .await
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot start the mock portal: {e}")))?;
    report.step(
        "Started the embedded mock portal",
        started,
        json!({"url": portal.url()}),
    );
    report.say(&format!(
        "listening on {} (a local Bynder-compatible portal)",
        portal.url()
    ));

    // 1. Log in with OAuth2 client credentials.
    let t = Instant::now();
    let scopes = [
        Scope::AssetRead,
        Scope::AssetWrite,
        Scope::CollectionRead,
        Scope::CollectionWrite,
        Scope::CurrentUserRead,
    ];
    let client = Client::builder(portal.url())
        .client_credentials(client_id, client_secret, &scopes)
        .build()?;
    let me = client.users().current().await?;
    let token = client.token().await;
    let expires_in = token
        .as_ref()
        .and_then(|t| t.expires_at.map(|e| e.saturating_sub(t.issued_at)))
        .unwrap_or_default();
    report.step(
        "Logged in with OAuth2 client credentials",
        t,
        json!({"user": me.username, "token_expires_in_s": expires_in}),
    );
    report.say(&format!(
        "acting as {} — token valid for {expires_in} s, renewed automatically before expiry",
        me.username.clone().or(me.email.clone()).unwrap_or_default()
    ));

    // 2. Search with filters, then walk every page.
    let t = Instant::now();
    let query = MediaQuery {
        types: vec!["image".into()],
        orientation: vec!["landscape".into()],
        total: Some(true),
        limit: Some(5),
        order_by: Some("dateCreated desc".into()),
        ..Default::default()
    };
    let page = client.media().list(&query).await?;
    let total = page.total.unwrap_or_default();
    check(!page.media.is_empty(), "the image search found assets")?;
    report.step(
        "Searched landscape images, newest first",
        t,
        json!({"total": total, "shown": page.media.len()}),
    );
    report.say(&format!("{total} match; the first {}:", page.media.len()));
    if !json {
        print_media(&page.media);
    }
    let t = Instant::now();
    let all_query = MediaQuery {
        types: vec!["image".into()],
        limit: Some(100),
        ..Default::default()
    };
    let mut stream = Box::pin(client.media().iter(&all_query));
    let mut images = 0usize;
    while let Some(asset) = stream.next().await {
        asset?;
        images += 1;
    }
    report.step(
        "Walked every image page by page (next page prefetched)",
        t,
        json!({"images": images}),
    );
    report.say(&format!("{images} images in pages of 100"));

    // 3. Read one asset, then edit its metadata.
    let first = page.media.first().map(|m| m.id.clone()).unwrap_or_default();
    let t = Instant::now();
    let asset = client.media().get(&first.to_lowercase(), true).await?;
    report.step(
        "Read one asset (id given in lower case, converted automatically)",
        t,
        json!({"id": asset.id, "name": asset.name}),
    );
    report.say(&format!(
        "{} — {}",
        asset.id,
        asset.name.clone().unwrap_or_default()
    ));

    let t = Instant::now();
    let new_name = format!(
        "{} (edited by bynder demo)",
        asset.name.clone().unwrap_or_default()
    );
    let update = MediaUpdate {
        name: Some(new_name.clone()),
        description: Some("Edited through the Rust core".into()),
        tags: Some(vec!["demo".into(), "edited".into()]),
        ..Default::default()
    };
    client.media().modify(&first, &update).await?;
    let edited = client.media().get(&first, false).await?;
    check(
        edited.name.as_deref() == Some(new_name.as_str()),
        "the new name was saved",
    )?;
    check(
        edited.tags.iter().any(|t| t == "edited"),
        "the new tags were saved",
    )?;
    report.step(
        "Edited the asset's name, description and tags, and read them back",
        t,
        json!({"name": edited.name, "tags": edited.tags}),
    );

    // 4. Create a collection and add assets.
    let t = Instant::now();
    let name = format!("Demo picks {}", std::process::id());
    client
        .collections()
        .create(&NewCollection {
            name: Some(name.clone()),
            description: Some("Made by bynder demo".into()),
            ..Default::default()
        })
        .await?;
    let found = client
        .collections()
        .list(&CollectionQuery {
            keyword: Some(name.clone()),
            ..Default::default()
        })
        .await?;
    let collection_id = found
        .first()
        .map(|c| c.id.clone())
        .ok_or_else(|| Error::new(ErrorKind::Internal, "the new collection is not listed"))?;
    let picks: Vec<String> = page.media.iter().take(3).map(|m| m.id.clone()).collect();
    let pick_refs: Vec<&str> = picks.iter().map(String::as_str).collect();
    client
        .collections()
        .add_media(&collection_id, &pick_refs)
        .await?;
    let members = client.collections().media_ids(&collection_id).await?;
    check(
        members.len() == picks.len(),
        "the collection holds the added assets",
    )?;
    report.step(
        "Created a collection and added assets",
        t,
        json!({"collection": collection_id, "assets": members.len()}),
    );
    if !json {
        print_collections(
            &client
                .collections()
                .list(&CollectionQuery {
                    keyword: Some(name),
                    ..Default::default()
                })
                .await?,
        );
    }

    // 5. Upload a generated file in chunks, download it back, compare the checksums.
    transfer_a_file(&client, &mut report).await?;

    // 6. Resilience: the portal fails, then revokes the token; the calls still succeed.
    let t = Instant::now();
    portal.inject(FaultRule::operation("media.get", Fault::Status(503)).times(2));
    client.media().get(&first, false).await?;
    portal.inject(FaultRule::operation("media.get", Fault::ExpireToken).times(1));
    client.media().get(&first, false).await?;
    let stats = client.stats();
    check(
        stats.retries >= 2 && stats.reauthentications >= 1,
        "the faults were retried and the token renewed",
    )?;
    report.step(
        "Survived two 503s and a revoked token",
        t,
        json!({"retries": stats.retries, "reauthentications": stats.reauthentications}),
    );

    // 7. Counters.
    let limiter = client.rate_limit_stats();
    let served = portal.stats();
    let counters = json!({
        "client": stats,
        "rate_limiter": {
            "granted": limiter.granted,
            "delayed": limiter.delayed,
            "total_wait_ms": limiter.total_wait.as_millis() as u64,
            "rate_limited_429": limiter.rate_limited,
            "budget": "4500 requests / 300 s, 15 / s",
        },
        "portal": served,
    });
    if json {
        report
            .steps
            .push(json!({"step": "counters", "detail": counters}));
        let out = json!({"ok": true, "elapsed_ms": started.elapsed().as_millis() as u64, "steps": report.steps});
        return crate::output::json(&out);
    }
    println!("\nCounters");
    println!(
        "  client:       {} requests, {} retries, {} × 429, {} token requests, {} re-authentications",
        stats.requests,
        stats.retries,
        stats.rate_limited,
        stats.token_requests,
        stats.reauthentications
    );
    println!(
        "  rate limiter: {} granted, {} delayed ({:?} waiting), budget 4500 requests / 300 s and 15 / s",
        limiter.granted, limiter.delayed, limiter.total_wait
    );
    println!("  portal:       served {} requests", served.requests);
    println!(
        "\nDemo finished in {:.2} s: every step ran over real HTTP against the mock portal.",
        started.elapsed().as_secs_f64()
    );
    portal.shutdown().await;
    Ok(())
}

/// Uploads a generated multi-chunk file, reads the new asset back, downloads its original and
/// checks that the SHA-256 is the same at every stage.
async fn transfer_a_file(client: &Client, report: &mut Report) -> Result<(), Error> {
    let t = Instant::now();
    let dir = tempfile::tempdir().map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot make a temporary directory: {e}"),
        )
    })?;
    let path = dir.path().join("demo-upload.bin");
    let generated = demo_files::generate(&path)?;
    let brand = client
        .brands()
        .list()
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::new(ErrorKind::Internal, "the mock portal has no brand"))?;
    let saved = demo_files::upload(client, &brand.id, &path).await?;
    check(
        saved.sha256 == generated.sha256,
        "the upload hashed the file the demo wrote",
    )?;
    check(saved.chunks > 1, "the file went up in several chunks")?;
    let asset = client.media().get(&saved.media_id, false).await?;
    check(
        asset.tags.iter().any(|t| t == "uploaded"),
        "the new asset has the upload's tags",
    )?;
    report.step(
        "Uploaded a generated file in chunks (Files Service, chunks in parallel) as a new asset",
        t,
        json!({
            "media_id": saved.media_id,
            "bytes": saved.bytes,
            "chunks": saved.chunks,
            "parallel_chunks": demo_files::PARALLEL_CHUNKS,
            "flow": saved.flow,
            "sha256": saved.sha256,
        }),
    );
    report.say(&format!(
        "{} of random bytes → asset {} in {} chunks, {} in flight; SHA-256 {}",
        HumanBytes(saved.bytes),
        saved.media_id,
        saved.chunks,
        demo_files::PARALLEL_CHUNKS,
        saved.sha256
    ));

    let t = Instant::now();
    let fetched =
        demo_files::download(client, &saved.media_id, &dir.path().join("downloaded")).await?;
    let matches = fetched.sha256.as_deref() == Some(generated.sha256.as_str());
    check(
        matches && fetched.bytes == saved.bytes,
        "the downloaded file's SHA-256 and size equal the uploaded file's",
    )?;
    report.step(
        "Downloaded the new asset from the storage host and verified its SHA-256",
        t,
        json!({
            "bytes": fetched.bytes,
            "sha256": fetched.sha256,
            "sha256_matches_upload": matches,
        }),
    );
    report.say(&format!(
        "{} streamed to disk; SHA-256 equals the uploaded file's",
        HumanBytes(fetched.bytes)
    ));
    Ok(())
}
