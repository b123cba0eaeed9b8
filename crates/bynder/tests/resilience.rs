//! Retries, re-authentication and 429 handling under injected faults, over real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::sync::Arc;
use std::time::Duration;

use bynder::ErrorKind;
use bynder::api::MediaUpdate;
use bynder::ratelimit::{MemoryStore, RateLimitPolicy, RateLimiter};
use bynder_mock::{Fault, FaultRule};
use common::*;

#[tokio::test]
async fn server_errors_on_reads_are_retried_until_success() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = portal.store().asset_ids()[0].clone();
    portal.inject(FaultRule::operation("media.get", Fault::Status(503)).times(2));
    let asset = client.media().get(&id, false).await.unwrap();
    assert_eq!(asset.id, id);
    assert_eq!(client.stats().retries, 2);
    assert_eq!(portal.served("media.get"), 3);
}

#[tokio::test]
async fn retries_stop_at_the_policy_limit_with_the_last_error() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(FaultRule::operation("brands.list", Fault::Status(502)));
    let err = client.brands().list().await.unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::Server, Some(502)));
    assert_eq!(portal.served("brands.list"), 4, "max_attempts = 4");
}

#[tokio::test]
async fn writes_are_not_retried_after_a_server_error() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = portal.store().asset_ids()[0].clone();
    portal.inject(FaultRule::operation("media.modify", Fault::Status(500)).times(1));
    let update = MediaUpdate {
        name: Some("once".into()),
        ..Default::default()
    };
    let err = client.media().modify(&id, &update).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(
        portal.served("media.modify"),
        1,
        "a POST may have been applied: never resent"
    );
}

#[tokio::test]
async fn a_dropped_connection_on_a_read_is_recovered() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(FaultRule::operation("account.get", Fault::Drop).times(1));
    client.account().get().await.unwrap();
    assert_eq!(client.stats().retries, 1);
}

#[tokio::test]
async fn a_revoked_token_is_renewed_once_after_a_401() {
    let portal = portal().await;
    let client = client_credentials(&portal);
    client.account().get().await.unwrap();
    portal.inject(FaultRule::operation("account.get", Fault::ExpireToken).times(1));
    client.account().get().await.unwrap();
    assert_eq!(client.stats().reauthentications, 1);
    assert_eq!(grants(&portal, "client_credentials"), 2);
}

#[tokio::test]
async fn a_permanent_token_refused_with_401_is_not_retried() {
    let portal = portal().await;
    let client = permanent(&portal);
    portal.inject(FaultRule::operation("account.get", Fault::ExpireToken).times(1));
    let err = client.account().get().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert_eq!(portal.served("account.get"), 1);
}

#[tokio::test]
async fn a_429_pauses_every_client_of_the_portal_then_succeeds() {
    let portal = portal().await;
    let policy = RateLimitPolicy {
        block_pause: Duration::from_millis(400),
        ..RateLimitPolicy::default()
    };
    let limiter = Arc::new(RateLimiter::new(
        policy,
        Arc::new(MemoryStore::new()),
        bynder::time::system(),
    ));
    let token = portal.config().permanent_token.clone();
    let one = builder(&portal)
        .rate_limiter(limiter.clone())
        .permanent_token(token.as_str())
        .build()
        .unwrap();
    let two = builder(&portal)
        .rate_limiter(limiter.clone())
        .permanent_token(token.as_str())
        .build()
        .unwrap();
    portal.inject(FaultRule::operation("brands.list", Fault::RateLimit).times(1));
    let started = std::time::Instant::now();
    one.brands().list().await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "waited out the pause"
    );
    portal.inject(FaultRule::operation("account.get", Fault::RateLimit).times(1));
    let first = tokio::spawn({
        let one = one.clone();
        async move { one.account().get().await }
    });
    // Once the limiter has seen the 429, a request of the other client must wait for the pause.
    while limiter.stats().rate_limited < 2 {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let second_started = std::time::Instant::now();
    two.smartfilters().list().await.unwrap();
    assert!(
        second_started.elapsed() >= Duration::from_millis(200),
        "the other client waited for the pause too ({:?})",
        second_started.elapsed()
    );
    first.await.unwrap().unwrap();
    assert_eq!(limiter.stats().rate_limited, 2);
    assert_eq!(one.stats().rate_limited, 2);
}

#[tokio::test]
async fn a_slow_portal_times_out_with_a_timeout_error() {
    let portal = portal().await;
    let client = builder(&portal)
        .permanent_token(portal.config().permanent_token.as_str())
        .timeout(Duration::from_millis(200))
        .retry(bynder::retry::RetryPolicy::none())
        .build()
        .unwrap();
    portal.inject(FaultRule::operation(
        "account.get",
        Fault::Latency(Duration::from_secs(2)),
    ));
    let err = client.account().get().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
}
