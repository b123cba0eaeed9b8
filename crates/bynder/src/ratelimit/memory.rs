//! The in-process [`RateLimitStore`]: an exact sliding log of grant times.
//!
//! Why not GCRA (the `governor` crate) or a token bucket: Bynder's rule is "at most N requests in
//! ANY window of length W". A GCRA or token bucket with rate N/W and a burst of N lets a client
//! spend the full burst of N at the end of one window and then keep receiving refilled tokens at
//! N/W, so some window of length W sees up to nearly 2N requests; shrinking the burst to stay safe
//! wastes most of the budget. Only remembering when each of the last N grants happened answers
//! the question exactly, and lets the limiter use nearly all of the budget.
//!
//! Memory: at most `max(window_limit, per_second)` timestamps (16 bytes each), 72 KB by default.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use super::{Acquire, RateLimitPolicy, RateLimitStore};

/// An exact sliding log of grant times, for one process.
///
/// Checks both caps of the policy: at most `window_limit` grants in any `window + skew_margin`,
/// and at most `per_second` grants in any `per_second_span`. While blocked, refuses everything.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<LogState>,
}

#[derive(Debug, Default)]
struct LogState {
    /// Grant times, oldest first.
    grants: VecDeque<Duration>,
    blocked_until: Duration,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many grant times the store currently remembers.
    pub fn remembered(&self) -> usize {
        self.lock().grants.len()
    }

    /// A poisoned lock only means a panic elsewhere; the log itself is always consistent.
    fn lock(&self) -> MutexGuard<'_, LogState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One cap: at most `limit` grants in any `span`. `limit == 0` means no cap.
struct Cap {
    limit: usize,
    span: Duration,
}

impl Cap {
    fn of(policy: &RateLimitPolicy) -> [Cap; 2] {
        [
            Cap {
                limit: policy.window_limit as usize,
                span: policy.window.saturating_add(policy.skew_margin),
            },
            Cap {
                limit: policy.per_second as usize,
                span: policy.per_second_span,
            },
        ]
    }

    /// The earliest time a new grant fits under this cap, given the log.
    fn ready_at(&self, grants: &VecDeque<Duration>) -> Option<Duration> {
        if self.limit == 0 || grants.len() < self.limit {
            return None;
        }
        // The grant `limit` places back must leave the span before another one fits.
        grants
            .get(grants.len() - self.limit)
            .map(|t| t.saturating_add(self.span))
    }
}

impl RateLimitStore for MemoryStore {
    fn try_acquire(&self, now: Duration, policy: &RateLimitPolicy) -> Acquire {
        let mut state = self.lock();
        if now < state.blocked_until {
            return Acquire::Wait(state.blocked_until - now);
        }
        let caps = Cap::of(policy);
        let active = caps.iter().filter(|cap| cap.limit > 0);
        let horizon = active.clone().map(|cap| cap.span).max().unwrap_or_default();
        let keep = active.map(|cap| cap.limit).max().unwrap_or(0);

        while state
            .grants
            .front()
            .is_some_and(|t| t.saturating_add(horizon) <= now)
        {
            state.grants.pop_front();
        }
        let ready_at = caps
            .iter()
            .filter_map(|cap| cap.ready_at(&state.grants))
            .max();
        if let Some(ready_at) = ready_at.filter(|t| *t > now) {
            return Acquire::Wait(ready_at - now);
        }
        state.grants.push_back(now);
        while state.grants.len() > keep {
            state.grants.pop_front();
        }
        Acquire::Granted
    }

    fn block_until(&self, until: Duration) {
        let mut state = self.lock();
        state.blocked_until = state.blocked_until.max(until);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    fn small() -> RateLimitPolicy {
        RateLimitPolicy {
            window: 10 * S,
            window_limit: 6,
            per_second: 3,
            per_second_span: S,
            skew_margin: S / 2,
            block_pause: 12 * S,
        }
    }

    #[test]
    fn per_second_cap_makes_the_fourth_wait_for_the_next_second() {
        let store = MemoryStore::new();
        let p = small();
        for _ in 0..3 {
            assert_eq!(store.try_acquire(Duration::ZERO, &p), Acquire::Granted);
        }
        assert_eq!(store.try_acquire(S / 4, &p), Acquire::Wait(S * 3 / 4));
        assert_eq!(store.try_acquire(S, &p), Acquire::Granted);
    }

    #[test]
    fn window_cap_waits_for_the_oldest_grant_plus_margin() {
        let store = MemoryStore::new();
        let p = small();
        for t in [0, 0, 0, 1, 1, 1] {
            assert_eq!(store.try_acquire(t * S, &p), Acquire::Granted);
        }
        // Window full: the first grant (t=0) leaves at 10.5 s.
        assert_eq!(store.try_acquire(2 * S, &p), Acquire::Wait(8 * S + S / 2));
        assert_eq!(store.try_acquire(10 * S, &p), Acquire::Wait(S / 2));
        assert_eq!(store.try_acquire(10 * S + S / 2, &p), Acquire::Granted);
    }

    #[test]
    fn block_refuses_everything_and_keeps_the_later_end() {
        let store = MemoryStore::new();
        let p = small();
        store.block_until(5 * S);
        store.block_until(3 * S);
        assert_eq!(store.try_acquire(S, &p), Acquire::Wait(4 * S));
        assert_eq!(store.try_acquire(5 * S, &p), Acquire::Granted);
        assert_eq!(store.remembered(), 1);
    }

    #[test]
    fn memory_stays_bounded_by_the_window_limit() {
        let store = MemoryStore::new();
        let p = RateLimitPolicy::default();
        let mut now = Duration::ZERO;
        for _ in 0..20_000 {
            match store.try_acquire(now, &p) {
                Acquire::Granted => {}
                Acquire::Wait(d) => now += d,
            }
        }
        assert!(store.remembered() <= 4500, "{}", store.remembered());
        assert!(store.remembered() >= 4400, "{}", store.remembered());
    }

    #[test]
    fn zero_counts_disable_their_cap() {
        let store = MemoryStore::new();
        let p = RateLimitPolicy {
            per_second: 0,
            window_limit: 0,
            ..small()
        };
        for _ in 0..100 {
            assert_eq!(store.try_acquire(Duration::ZERO, &p), Acquire::Granted);
        }
        assert_eq!(store.remembered(), 0);
    }
}
