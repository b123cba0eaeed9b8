//! The rate limiter against the mock's Bynder-style limit on a scaled window: all of the
//! budget used, and not one 429.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bynder::ratelimit::{MemoryStore, RateLimitPolicy, RateLimiter};
use bynder_mock::{MockConfig, RateLimitConfig};
use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sustained_demand_uses_97_percent_of_the_budget_without_a_429() {
    let window = Duration::from_secs(2);
    let limit = 150;
    let portal = portal_with(MockConfig {
        rate_limit: Some(RateLimitConfig {
            window,
            limit,
            quiet: window,
        }),
        ..Default::default()
    })
    .await;
    let policy = RateLimitPolicy {
        window,
        window_limit: limit,
        per_second: 0,
        // Covers a request that waits for a busy runtime between its grant and the wire.
        skew_margin: Duration::from_millis(150),
        block_pause: window,
        ..RateLimitPolicy::default()
    };
    let limiter = Arc::new(RateLimiter::new(
        policy,
        Arc::new(MemoryStore::new()),
        bynder::time::system(),
    ));
    let client = builder(&portal)
        .rate_limiter(limiter.clone())
        .permanent_token(portal.config().permanent_token.as_str())
        .build()
        .unwrap();

    // 16 workers always have a request waiting, for three full windows.
    let windows = 3u32;
    let start = Instant::now();
    let span_end = start + window * windows;
    let deadline = span_end - Duration::from_millis(50);
    let done = Arc::new(AtomicU64::new(0));
    let workers = (0..16).map(|_| {
        let (client, done) = (client.clone(), done.clone());
        tokio::spawn(async move {
            while Instant::now() < deadline {
                client.account().get().await.expect("no request fails");
                // A request that waited into a fourth window is not part of the measured span.
                if Instant::now() < span_end {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    });
    futures::future::join_all(workers).await;

    let stats = portal.stats();
    assert_eq!(stats.rate_limited, 0, "the limiter must never cause a 429");
    let budget = u64::from(limit) * u64::from(windows);
    let used = done.load(Ordering::Relaxed);
    assert!(
        used as f64 >= 0.97 * budget as f64,
        "used {used} of {budget}"
    );
    assert!(stats.max_requests_in_window <= u64::from(limit));
    println!(
        "rate limit e2e: {used} requests in {windows} windows of {limit} ({:.1}%), 0 × 429",
        100.0 * used as f64 / budget as f64
    );
}
