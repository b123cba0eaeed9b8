//! Rate limit, fault injection and counters over real HTTP, through the library API and the
//! `/_mock/` admin API.

// Helper functions of these tests panic on failed steps, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use bynder_mock::{Fault, FaultRule, MockConfig, RateLimitConfig};
use common::*;
use serde_json::json;

const ACCOUNT: &str = "/api/v4/account/";

#[tokio::test]
async fn rate_limit_blocks_beyond_the_limit_until_a_quiet_period() {
    let limit = RateLimitConfig {
        window: Duration::from_secs(5),
        limit: 5,
        quiet: Duration::from_millis(600),
    };
    let portal = portal_with(MockConfig {
        rate_limit: Some(limit),
        ..MockConfig::default()
    })
    .await;
    let client = client();
    // Token requests count too.
    let access = client_credentials(&portal, None).await;
    for _ in 0..4 {
        assert_eq!(
            get_with_token(&client, portal.url(), ACCOUNT, &access)
                .await
                .status(),
            200
        );
    }
    let blocked = get_with_token(&client, portal.url(), ACCOUNT, TOKEN).await;
    assert_eq!(blocked.status(), 429);
    assert!(blocked.headers().get("retry-after").is_none());
    assert_eq!(
        json(blocked).await,
        json!({"message": "Too Many Requests", "statuscode": 429})
    );

    // Requests while blocked keep the block alive.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        429
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        429
    );
    // A full quiet period lifts it.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );

    let stats = portal.stats();
    assert_eq!(stats.rate_limited, 3);
    assert_eq!(stats.by_status.get(&429), Some(&3));
    assert_eq!(stats.max_requests_in_window, 6);
    // The admin API is never limited.
    let admin = client
        .get(format!("{}/_mock/stats", portal.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), 200);
}

#[tokio::test]
async fn sliding_window_forgets_old_requests() {
    let limit = RateLimitConfig {
        window: Duration::from_millis(500),
        limit: 2,
        quiet: Duration::from_secs(60),
    };
    let portal = portal_with(MockConfig {
        rate_limit: Some(limit),
        ..MockConfig::default()
    })
    .await;
    let client = client();
    for _ in 0..2 {
        assert_eq!(
            get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
                .await
                .status(),
            200
        );
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    for _ in 0..2 {
        assert_eq!(
            get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
                .await
                .status(),
            200
        );
    }
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        429
    );
    portal.reset_rate_limit();
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn status_and_rate_limit_faults_answer_bynder_bodies_a_limited_number_of_times() {
    let portal = portal().await;
    let client = client();
    portal.inject(FaultRule::operation("account.get", Fault::Status(503)).times(2));
    portal.inject(FaultRule::path_prefix("/api/v4/brands", Fault::RateLimit).times(1));
    for _ in 0..2 {
        let response = get_with_token(&client, portal.url(), ACCOUNT, TOKEN).await;
        assert_eq!(response.status(), 503);
        assert_eq!(
            json(response).await,
            json!({"message": "Service Unavailable", "statuscode": 503})
        );
    }
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );
    assert_eq!(
        get_with_token(&client, portal.url(), "/api/v4/brands/", TOKEN)
            .await
            .status(),
        429
    );
    assert_ne!(
        get_with_token(&client, portal.url(), "/api/v4/brands/", TOKEN)
            .await
            .status(),
        429
    );
    assert_eq!(portal.stats().faults_fired, 3);
    assert!(portal.faults().is_empty());
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let portal = portal().await;
    portal.inject(FaultRule::operation("account.get", Fault::Drop).times(1));
    // Not even a status line comes back.
    let outcome = client()
        .get(format!("{}{ACCOUNT}", portal.url()))
        .bearer_auth(TOKEN)
        .send()
        .await;
    assert!(
        outcome.is_err(),
        "expected a broken connection, got {outcome:?}"
    );
    // The portal keeps serving, and the dropped request has no status in the counters.
    assert_eq!(
        get_with_token(&client(), portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );
    let stats = portal.stats();
    assert_eq!(stats.requests, 2);
    assert_eq!(stats.by_status.values().sum::<u64>(), 1);
    assert_eq!(stats.faults_fired, 1);
}

#[tokio::test]
async fn latency_delays_and_slow_body_trickles_the_same_answer() {
    let portal = portal().await;
    let client = client();
    let plain = get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
        .await
        .text()
        .await
        .unwrap();

    portal.inject(
        FaultRule::operation("account.get", Fault::Latency(Duration::from_millis(400))).times(1),
    );
    let started = Instant::now();
    let response = get_with_token(&client, portal.url(), ACCOUNT, TOKEN).await;
    assert_eq!(response.status(), 200);
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );

    portal.inject(
        FaultRule::operation("account.get", Fault::SlowBody(Duration::from_millis(600))).times(1),
    );
    let started = Instant::now();
    let response = get_with_token(&client, portal.url(), ACCOUNT, TOKEN).await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(body, plain);
}

#[tokio::test]
async fn expire_token_revokes_the_callers_token() {
    let portal = portal().await;
    let client = client();
    let access = client_credentials(&portal, None).await;
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, &access)
            .await
            .status(),
        200
    );
    portal.inject(FaultRule::all(Fault::ExpireToken).times(1));
    let response = get_with_token(&client, portal.url(), ACCOUNT, &access).await;
    assert_eq!(response.status(), 401);
    assert_eq!(response.text().await.unwrap(), "Invalid or expired token.");
    // The fault is used up, but the token stays revoked; a new one works.
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, &access)
            .await
            .status(),
        401
    );
    let fresh = client_credentials(&portal, None).await;
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, &fresh)
            .await
            .status(),
        200
    );
    // The library can revoke too.
    assert!(portal.revoke_token(&fresh));
    assert!(!portal.revoke_token("not-a-token"));
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, &fresh)
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn admin_api_manages_faults_and_stats() {
    let portal = portal().await;
    let client = client();
    let admin = |path: &str| format!("{}/_mock/{path}", portal.url());

    let rule =
        json!({"target": {"operation": "account.get"}, "fault": {"status": 502}, "times": 1});
    let response = client
        .post(admin("faults"))
        .json(&rule)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let listed = json(client.get(admin("faults")).send().await.unwrap()).await;
    assert_eq!(listed, json!([rule]));
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        502
    );

    client
        .post(admin("faults"))
        .json(&json!({"fault": "rate_limit"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        429
    );
    assert_eq!(
        client
            .delete(admin("faults"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );

    let bad = client
        .post(admin("faults"))
        .json(&json!({"fault": "explode"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);

    let stats = json(client.get(admin("stats")).send().await.unwrap()).await;
    assert_eq!(stats["requests"], 3, "{stats}");
    assert_eq!(stats["by_operation"]["account.get"], 3);
    assert_eq!(stats["by_status"]["502"], 1);
    assert_eq!(stats["by_status"]["429"], 1);
    assert_eq!(stats["by_status"]["200"], 1);
    assert_eq!(stats["faults_fired"], 2);
    assert_eq!(stats["rate_limited"], 1);
    assert_eq!(stats["distinct_access_tokens"], 1);

    assert_eq!(
        client
            .post(admin("stats/reset"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let stats = json(client.get(admin("stats")).send().await.unwrap()).await;
    assert_eq!(stats["requests"], 0);
    assert_eq!(stats["max_requests_in_window"], 0);
}

#[tokio::test]
async fn admin_api_switches_rate_limit_and_consent() {
    let portal = portal().await;
    let client = client();
    let admin = |path: &str| format!("{}/_mock/{path}", portal.url());
    assert_eq!(
        json(client.get(admin("rate-limit")).send().await.unwrap()).await,
        json!(null)
    );
    let limit = json!({"window_ms": 60000, "limit": 1, "quiet_ms": 60000});
    assert_eq!(
        client
            .put(admin("rate-limit"))
            .json(&limit)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        json(client.get(admin("rate-limit")).send().await.unwrap()).await,
        limit
    );
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        429
    );
    assert_eq!(
        client
            .post(admin("rate-limit/reset"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );
    client
        .put(admin("rate-limit"))
        .json(&json!(null))
        .send()
        .await
        .unwrap();
    assert_eq!(
        get_with_token(&client, portal.url(), ACCOUNT, TOKEN)
            .await
            .status(),
        200
    );

    assert_eq!(
        client
            .put(admin("auto-consent"))
            .json(&true)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let authorize = format!(
        "{}/v6/authentication/oauth2/auth?client_id={CLIENT_ID}&redirect_uri=http://localhost/cb&response_type=code&scope=asset:read",
        portal.url()
    );
    assert_eq!(client.get(&authorize).send().await.unwrap().status(), 302);
    client
        .put(admin("auto-consent"))
        .json(&false)
        .send()
        .await
        .unwrap();
    assert_eq!(client.get(&authorize).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn stats_count_requests_statuses_grants_and_tokens() {
    let portal = portal().await;
    let client = client();
    let first = client_credentials(&portal, None).await;
    let second = client_credentials(&portal, None).await;
    for token in [&first, &second, &first, &TOKEN.to_string()] {
        get_with_token(&client, portal.url(), ACCOUNT, token).await;
    }
    client
        .get(format!("{}{ACCOUNT}", portal.url()))
        .send()
        .await
        .unwrap();
    client
        .get(format!("{}/nowhere", portal.url()))
        .send()
        .await
        .unwrap();
    let stats = portal.stats();
    assert_eq!(stats.requests, 8);
    assert_eq!(stats.by_operation.get("oauth.token"), Some(&2));
    assert_eq!(stats.by_operation.get("account.get"), Some(&5));
    assert_eq!(stats.by_operation.get("unrouted"), Some(&1));
    assert_eq!(stats.by_status.get(&200), Some(&6));
    assert_eq!(stats.by_status.get(&401), Some(&1));
    assert_eq!(stats.by_status.get(&404), Some(&1));
    assert_eq!(stats.token_grants.get("client_credentials"), Some(&2));
    assert_eq!(stats.distinct_access_tokens, 3);
    assert_eq!(stats.max_requests_in_window, 8);
    portal.reset_stats();
    assert_eq!(portal.stats(), bynder_mock::Stats::default());
}
