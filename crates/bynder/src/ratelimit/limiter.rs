//! [`RateLimiter`]: waits for a slot from its store, pauses everything after a 429, and is shared
//! per portal within the process.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};
use std::time::Duration;

use super::{Acquire, MemoryStore, RateLimitPolicy, RateLimitStore};
use crate::time::{self, Clock};

/// Counters of what a [`RateLimiter`] has done since it was created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimitStats {
    /// Requests let through.
    pub granted: u64,
    /// Of those, how many had to wait (for a slot, a block, or their turn behind other callers).
    pub delayed: u64,
    /// Total time spent waiting, summed over all callers.
    pub total_wait: Duration,
    /// 429 answers reported through [`RateLimiter::on_rate_limited`].
    pub rate_limited: u64,
}

/// Lets requests through no faster than the policy allows. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct RateLimiter {
    policy: RateLimitPolicy,
    store: Arc<dyn RateLimitStore>,
    clock: Arc<dyn Clock>,
    /// Callers take turns in FIFO order (tokio's mutex is fair): only the head of the queue
    /// sleeps on the clock, so a freed slot goes to the longest waiter and a crowd of waiters
    /// is not woken at every slot.
    turn: tokio::sync::Mutex<()>,
    granted: AtomicU64,
    delayed: AtomicU64,
    total_wait_nanos: AtomicU64,
    rate_limited: AtomicU64,
}

impl RateLimiter {
    /// A limiter keeping `policy`, counting in `store`, reading time from `clock`.
    pub fn new(
        policy: RateLimitPolicy,
        store: Arc<dyn RateLimitStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            policy,
            store,
            clock,
            turn: tokio::sync::Mutex::new(()),
            granted: AtomicU64::new(0),
            delayed: AtomicU64::new(0),
            total_wait_nanos: AtomicU64::new(0),
            rate_limited: AtomicU64::new(0),
        }
    }

    /// Waits until one request may be sent, and counts it. Dropping the future before it
    /// completes gives up the place in the queue and counts nothing.
    pub async fn acquire(&self) {
        let start = self.clock.now();
        let turn = self.turn.lock().await;
        // Queueing behind a caller that did not wait is not a delay; only sleeping is.
        let mut slept = false;
        loop {
            match self.store.try_acquire(self.clock.now(), &self.policy) {
                Acquire::Granted => break,
                Acquire::Wait(wait) => {
                    slept = true;
                    self.clock.sleep(wait).await;
                }
            }
        }
        drop(turn);
        self.granted.fetch_add(1, Ordering::Relaxed);
        let waited = self.clock.now().saturating_sub(start);
        if slept {
            self.delayed.fetch_add(1, Ordering::Relaxed);
            let nanos = u64::try_from(waited.as_nanos()).unwrap_or(u64::MAX);
            self.total_wait_nanos.fetch_add(nanos, Ordering::Relaxed);
            if waited >= Duration::from_secs(1) {
                tracing::debug!(?waited, "rate limiter delayed a request");
            }
        }
    }

    /// A 429 arrived: no request goes out until `block_pause` has passed from now, because
    /// Bynder only lifts a block after a quiet window.
    pub fn on_rate_limited(&self) {
        let until = self.clock.now().saturating_add(self.policy.block_pause);
        self.store.block_until(until);
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
        tracing::warn!(pause = ?self.policy.block_pause, "portal answered 429; pausing all requests");
    }

    /// What this limiter has done so far.
    pub fn stats(&self) -> RateLimitStats {
        RateLimitStats {
            granted: self.granted.load(Ordering::Relaxed),
            delayed: self.delayed.load(Ordering::Relaxed),
            total_wait: Duration::from_nanos(self.total_wait_nanos.load(Ordering::Relaxed)),
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
        }
    }

    /// The policy this limiter keeps.
    pub fn policy(&self) -> &RateLimitPolicy {
        &self.policy
    }

    /// The limiter of a portal for this process, created on first use with an in-memory store
    /// and the system clock. Every client of the same portal (`portal_key` =
    /// `scheme://host:port`) gets the same limiter, because Bynder counts per source IP. The
    /// registry holds limiters weakly: when the last client drops its `Arc`, the limiter is
    /// freed. Clients that ask for a different policy get a limiter of their own (a test
    /// with a short pause after a 429 must not inherit the default client's five minutes).
    pub fn shared(portal_key: &str, policy: RateLimitPolicy) -> Arc<RateLimiter> {
        static REGISTRY: OnceLock<Mutex<HashMap<String, Weak<RateLimiter>>>> = OnceLock::new();
        let registry = REGISTRY.get_or_init(Default::default);
        // A poisoned registry only means a panic elsewhere; its map is still consistent.
        let mut limiters = registry.lock().unwrap_or_else(PoisonError::into_inner);
        let key = format!("{portal_key} {policy:?}");
        if let Some(limiter) = limiters.get(&key).and_then(Weak::upgrade) {
            return limiter;
        }
        limiters.retain(|_, weak| weak.strong_count() > 0);
        let limiter = Arc::new(RateLimiter::new(
            policy,
            Arc::new(MemoryStore::new()),
            time::system(),
        ));
        limiters.insert(key, Arc::downgrade(&limiter));
        limiter
    }
}
