//! Simulations of the limiter on a [`ManualClock`]: no real sleeping.
//!
//! Most tests run on a `futures` `LocalPool`, whose `run_until_stalled` tells exactly when every
//! task is parked, so the clock is moved to the next sleep deadline only when nothing else can
//! happen at the current instant. One test uses a multi-threaded tokio runtime for thread safety.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::executor::LocalPool;
use futures::task::LocalSpawnExt;
use proptest::prelude::*;

use super::*;
use crate::time::{Clock, ManualClock};

const MS: Duration = Duration::from_millis(1);
const S: Duration = Duration::from_secs(1);

/// A [`MemoryStore`] that records the exact time of every grant.
#[derive(Debug, Default)]
struct RecordingStore {
    inner: MemoryStore,
    grants: Mutex<Vec<Duration>>,
}

impl RateLimitStore for RecordingStore {
    fn try_acquire(&self, now: Duration, policy: &RateLimitPolicy) -> Acquire {
        let answer = self.inner.try_acquire(now, policy);
        if answer == Acquire::Granted {
            self.grants.lock().unwrap().push(now);
        }
        answer
    }

    fn block_until(&self, until: Duration) {
        self.inner.block_until(until);
    }
}

struct Sim {
    clock: ManualClock,
    store: Arc<RecordingStore>,
    limiter: Arc<RateLimiter>,
    pool: LocalPool,
    finished: Rc<Cell<usize>>,
}

impl Sim {
    fn new(policy: RateLimitPolicy) -> Self {
        let clock = ManualClock::new();
        let store = Arc::new(RecordingStore::default());
        let limiter = Arc::new(RateLimiter::new(
            policy,
            store.clone(),
            Arc::new(clock.clone()),
        ));
        Self {
            clock,
            store,
            limiter,
            pool: LocalPool::new(),
            finished: Rc::default(),
        }
    }

    /// One request arriving at `arrival`.
    fn request_at(&self, arrival: Duration) {
        let (clock, limiter, finished) = (
            self.clock.clone(),
            self.limiter.clone(),
            self.finished.clone(),
        );
        self.spawn(async move {
            clock.sleep(arrival.saturating_sub(clock.now())).await;
            limiter.acquire().await;
            finished.set(finished.get() + 1);
        });
    }

    /// A caller that always has another request waiting, until `until`.
    fn worker_until(&self, until: Duration) {
        let (clock, limiter) = (self.clock.clone(), self.limiter.clone());
        self.spawn(async move {
            while clock.now() < until {
                limiter.acquire().await;
            }
        });
    }

    /// A 429 reported at `at`.
    fn rate_limited_at(&self, at: Duration) {
        let (clock, limiter) = (self.clock.clone(), self.limiter.clone());
        self.spawn(async move {
            clock.sleep(at.saturating_sub(clock.now())).await;
            limiter.on_rate_limited();
        });
    }

    fn spawn(&self, task: impl std::future::Future<Output = ()> + 'static) {
        self.pool.spawner().spawn_local(task).unwrap();
    }

    /// Runs every task to completion, moving the clock only when all are parked.
    fn run(&mut self) {
        loop {
            self.pool.run_until_stalled();
            match self.clock.next_deadline() {
                Some(deadline) => self.clock.set(deadline),
                None => break,
            }
        }
    }

    fn grants(&self) -> Vec<Duration> {
        let mut grants = self.store.grants.lock().unwrap().clone();
        grants.sort();
        grants
    }
}

/// The largest number of `sorted` times inside any half-open interval `[t, t + span)`.
fn max_in_any(sorted: &[Duration], span: Duration) -> usize {
    let mut start = 0;
    let mut best = 0;
    for (end, t) in sorted.iter().enumerate() {
        while sorted[start] + span <= *t {
            start += 1;
        }
        best = best.max(end + 1 - start);
    }
    best
}

fn count_in(sorted: &[Duration], from: Duration, to: Duration) -> usize {
    sorted.iter().filter(|t| **t >= from && **t < to).count()
}

fn assert_within_policy(grants: &[Duration], p: &RateLimitPolicy) {
    let limit = p.window_limit as usize;
    assert!(
        max_in_any(grants, p.window) <= limit,
        "window of {:?} exceeded",
        p.window
    );
    let with_margin = p.window + p.skew_margin;
    assert!(
        max_in_any(grants, with_margin) <= limit,
        "window plus margin exceeded"
    );
    let per_span = max_in_any(grants, p.per_second_span);
    assert!(
        per_span <= p.per_second as usize,
        "{per_span} in one {:?}",
        p.per_second_span
    );
}

/// Runs `workers` always-waiting callers for `windows` windows and checks every window got at
/// least 97% of the budget without exceeding it.
fn check_sustained_use(policy: RateLimitPolicy, workers: usize, windows: u32) {
    let mut sim = Sim::new(policy.clone());
    let end = policy.window * windows;
    (0..workers).for_each(|_| sim.worker_until(end));
    sim.run();
    let grants = sim.grants();
    assert_within_policy(&grants, &policy);
    let floor = (f64::from(policy.window_limit) * 0.97).ceil() as usize;
    for k in 0..windows {
        let used = count_in(&grants, policy.window * k, policy.window * (k + 1));
        assert!(used >= floor, "window {k}: {used} < {floor}");
    }
    // Sliding too: every full window after the first holds at least 97%.
    for (i, t) in grants.iter().enumerate().step_by(97) {
        if *t + policy.window <= end && i > 0 {
            assert!(
                count_in(&grants, *t, *t + policy.window) >= floor,
                "window from {t:?}"
            );
        }
    }
}

#[test]
fn sustained_demand_uses_the_default_budget() {
    check_sustained_use(RateLimitPolicy::default(), 4, 4);
}

#[test]
fn sustained_demand_uses_a_scaled_budget() {
    check_sustained_use(RateLimitPolicy::scaled(0.01), 16, 4);
}

#[test]
fn nothing_is_granted_during_the_pause_after_a_429() {
    let policy = RateLimitPolicy::scaled(0.1);
    let mut sim = Sim::new(policy.clone());
    let hit = 7 * S;
    sim.rate_limited_at(hit);
    (0..3).for_each(|_| sim.worker_until(hit + policy.block_pause + 5 * S));
    sim.run();
    let grants = sim.grants();
    assert!(
        count_in(&grants, hit - S, hit) > 0,
        "traffic flowed before the 429"
    );
    assert_eq!(count_in(&grants, hit + MS, hit + policy.block_pause), 0);
    let resumed = grants.iter().find(|t| **t > hit).copied();
    assert_eq!(resumed, Some(hit + policy.block_pause));
    assert_eq!(sim.limiter.stats().rate_limited, 1);
}

#[test]
fn stats_count_grants_delays_and_waiting_time() {
    let policy = RateLimitPolicy {
        per_second: 1,
        ..RateLimitPolicy::default()
    };
    let mut sim = Sim::new(policy);
    (0..3).for_each(|_| sim.request_at(Duration::ZERO));
    sim.run();
    assert_eq!(sim.grants(), vec![Duration::ZERO, S, 2 * S]);
    let stats = sim.limiter.stats();
    assert_eq!(
        stats,
        RateLimitStats {
            granted: 3,
            delayed: 2,
            total_wait: 3 * S,
            rate_limited: 0
        }
    );
}

#[test]
fn a_cancelled_waiter_gives_up_its_turn() {
    let policy = RateLimitPolicy {
        per_second: 1,
        ..RateLimitPolicy::default()
    };
    let clock = ManualClock::new();
    let limiter = RateLimiter::new(
        policy,
        Arc::new(MemoryStore::new()),
        Arc::new(clock.clone()),
    );
    futures::executor::block_on(limiter.acquire());
    let mut waiting = Box::pin(limiter.acquire());
    assert!(futures::FutureExt::now_or_never(&mut waiting).is_none());
    drop(waiting);
    clock.advance(S);
    assert!(futures::FutureExt::now_or_never(limiter.acquire()).is_some());
    assert_eq!(limiter.stats().granted, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_callers_on_threads_all_get_through() {
    let policy = RateLimitPolicy {
        window: 10 * S,
        window_limit: 40,
        ..RateLimitPolicy::default()
    };
    let clock = ManualClock::new();
    let store = Arc::new(RecordingStore::default());
    let limiter = Arc::new(RateLimiter::new(
        policy.clone(),
        store.clone(),
        Arc::new(clock.clone()),
    ));
    let callers: Vec<_> = (0..300)
        .map(|_| {
            let limiter = limiter.clone();
            tokio::spawn(async move { limiter.acquire().await })
        })
        .collect();
    let all_done = async {
        for caller in callers {
            caller.await.unwrap();
        }
    };
    let drive = async {
        loop {
            if let Some(deadline) = clock.next_deadline() {
                clock.set(deadline);
            }
            tokio::task::yield_now().await;
        }
    };
    tokio::select! { () = all_done => {}, () = drive => {} }
    let mut grants = store.grants.lock().unwrap().clone();
    grants.sort();
    assert_eq!(grants.len(), 300);
    assert_eq!(limiter.stats().granted, 300);
    assert_within_policy(&grants, &policy);
}

#[test]
fn shared_returns_one_limiter_per_portal_and_policy_while_clients_live() {
    let key = "https://shared-test.example.com:443";
    let first = RateLimiter::shared(key, RateLimitPolicy::default());
    let again = RateLimiter::shared(key, RateLimitPolicy::default());
    assert!(Arc::ptr_eq(&first, &again));
    let own = RateLimiter::shared(key, RateLimitPolicy::scaled(0.5));
    assert!(
        !Arc::ptr_eq(&first, &own),
        "another policy, another limiter"
    );
    assert_eq!(own.policy(), &RateLimitPolicy::scaled(0.5));
    drop(own);
    let other = RateLimiter::shared(
        "https://other-test.example.com:443",
        RateLimitPolicy::default(),
    );
    assert!(!Arc::ptr_eq(&first, &other));

    first.on_rate_limited();
    assert_eq!(again.stats().rate_limited, 1);
    drop((first, again));
    let fresh = RateLimiter::shared(key, RateLimitPolicy::scaled(0.5));
    assert_eq!(
        fresh.stats().rate_limited,
        0,
        "a dropped limiter is not reused"
    );
    assert_eq!(fresh.policy(), &RateLimitPolicy::scaled(0.5));
}

fn small_policy() -> impl Strategy<Value = RateLimitPolicy> {
    (
        1u64..20_000,
        1u32..40,
        1u32..10,
        50u64..2_000,
        0u64..1_000,
        0u64..30_000,
    )
        .prop_map(
            |(window_ms, window_limit, per_second, span_ms, margin_ms, pause_ms)| RateLimitPolicy {
                window: Duration::from_millis(window_ms),
                window_limit,
                per_second,
                per_second_span: Duration::from_millis(span_ms),
                skew_margin: Duration::from_millis(margin_ms),
                block_pause: Duration::from_millis(pause_ms),
            },
        )
}

/// Arrival bursts: (gap in ms since the previous burst, how many requests arrive together).
fn schedule() -> impl Strategy<Value = Vec<(u64, usize)>> {
    prop::collection::vec((0u64..5_000, 1usize..30), 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_arrivals_never_exceed_either_cap(
        policy in small_policy(),
        bursts in schedule(),
        hits in prop::collection::vec(0u64..60_000, 0..3),
    ) {
        let mut sim = Sim::new(policy.clone());
        let mut arrival = Duration::ZERO;
        let mut total = 0;
        for (gap_ms, count) in bursts {
            arrival += Duration::from_millis(gap_ms);
            (0..count).for_each(|_| sim.request_at(arrival));
            total += count;
        }
        for hit_ms in &hits {
            sim.rate_limited_at(Duration::from_millis(*hit_ms));
        }
        sim.run();
        prop_assert_eq!(sim.finished.get(), total, "every request got through");
        let grants = sim.grants();
        assert_within_policy(&grants, &policy);
        for hit in hits.iter().map(|ms| Duration::from_millis(*ms)) {
            prop_assert_eq!(count_in(&grants, hit + Duration::from_nanos(1), hit + policy.block_pause), 0);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn sustained_demand_uses_nearly_all_of_any_scaled_budget(
        factor in 0.005f64..1.0,
        workers in 1usize..40,
    ) {
        check_sustained_use(RateLimitPolicy::scaled(factor), workers, 3);
    }
}
