//! Bynder's rate limit (`reference/bynder-api.md` §4): per source IP, a sliding window of
//! `limit` requests; the request beyond it is refused with 429 and blocks the IP until it
//! has sent nothing for `quiet` (requests while blocked keep the block alive).
//!
//! Written here rather than with a GCRA crate such as `governor` because Bynder's rule is a
//! sliding count plus an idle-based block, which a token bucket does not express, and the
//! portal must report the busiest window it saw.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::RateLimitConfig;

/// The window used to report the busiest window when no limit is configured.
const TRACKING_WINDOW: Duration = Duration::from_secs(300);

/// Whether a request may proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Serve it.
    Allow,
    /// Answer 429.
    Block,
}

/// One IP's recent requests, as (milliseconds since the limiter started, count) pairs.
#[derive(Debug, Default)]
struct ClientWindow {
    hits: VecDeque<(u64, u64)>,
    in_window: u64,
    blocked: bool,
    last_seen_ms: u64,
}

#[derive(Debug)]
struct Inner {
    config: Option<RateLimitConfig>,
    clients: HashMap<IpAddr, ClientWindow>,
    max_in_window: u64,
}

/// The per-IP limiter of one portal.
#[derive(Debug)]
pub struct RateLimiter {
    started: Instant,
    inner: Mutex<Inner>,
}

impl RateLimiter {
    /// A limiter enforcing `config` (`None`: count only).
    pub fn new(config: Option<RateLimitConfig>) -> RateLimiter {
        RateLimiter {
            started: Instant::now(),
            inner: Mutex::new(Inner {
                config,
                clients: HashMap::new(),
                max_in_window: 0,
            }),
        }
    }

    /// Counts a request from `ip` and says whether to serve it.
    pub fn check(&self, ip: IpAddr) -> Verdict {
        let now = self.started.elapsed().as_millis() as u64;
        let Ok(mut inner) = self.inner.lock() else {
            return Verdict::Allow;
        };
        let config = inner.config;
        let window_ms = config.map_or(TRACKING_WINDOW, |c| c.window).as_millis() as u64;
        let client = inner.clients.entry(ip).or_default();

        if let Some(config) = config
            && client.blocked
        {
            if now.saturating_sub(client.last_seen_ms) < config.quiet.as_millis() as u64 {
                client.last_seen_ms = now;
                return Verdict::Block;
            }
            client.blocked = false;
            client.hits.clear();
            client.in_window = 0;
        }
        client.last_seen_ms = now;
        match client.hits.back_mut() {
            Some((ms, count)) if *ms == now => *count += 1,
            _ => client.hits.push_back((now, 1)),
        }
        client.in_window += 1;
        while let Some(&(ms, count)) = client.hits.front() {
            if ms + window_ms > now {
                break;
            }
            client.hits.pop_front();
            client.in_window -= count;
        }
        let in_window = client.in_window;
        let over = config.is_some_and(|c| in_window > u64::from(c.limit));
        if over {
            client.blocked = true;
        }
        inner.max_in_window = inner.max_in_window.max(in_window);
        if over { Verdict::Block } else { Verdict::Allow }
    }

    /// The most requests one IP sent within one window since the last reset.
    pub fn max_in_window(&self) -> u64 {
        self.inner
            .lock()
            .map(|inner| inner.max_in_window)
            .unwrap_or(0)
    }

    /// Forgets the busiest window (stats reset); the limit state is kept.
    pub fn reset_max(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.max_in_window = 0;
        }
    }

    /// Unblocks every IP and forgets their recent requests.
    pub fn reset(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.clients.clear();
        }
    }

    /// Replaces the limit (`None` disables it) and forgets recent requests.
    pub fn set_config(&self, config: Option<RateLimitConfig>) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.config = config;
            inner.clients.clear();
        }
    }

    /// The limit in force.
    pub fn config(&self) -> Option<RateLimitConfig> {
        self.inner.lock().ok().and_then(|inner| inner.config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

    fn limiter(limit: u32, window_ms: u64, quiet_ms: u64) -> RateLimiter {
        RateLimiter::new(Some(RateLimitConfig {
            window: Duration::from_millis(window_ms),
            limit,
            quiet: Duration::from_millis(quiet_ms),
        }))
    }

    #[test]
    fn the_request_beyond_the_limit_blocks_only_its_ip() {
        let limiter = limiter(3, 60_000, 60_000);
        for _ in 0..3 {
            assert_eq!(limiter.check(A), Verdict::Allow);
        }
        assert_eq!(limiter.check(A), Verdict::Block);
        assert_eq!(limiter.check(B), Verdict::Allow);
        assert_eq!(limiter.max_in_window(), 4);
    }

    #[test]
    fn block_lifts_after_quiet_and_requests_while_blocked_extend_it() {
        let limiter = limiter(1, 60_000, 300);
        assert_eq!(limiter.check(A), Verdict::Allow);
        assert_eq!(limiter.check(A), Verdict::Block);
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(limiter.check(A), Verdict::Block, "still within quiet");
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(
            limiter.check(A),
            Verdict::Block,
            "the previous request extended the block"
        );
        std::thread::sleep(Duration::from_millis(350));
        assert_eq!(limiter.check(A), Verdict::Allow);
    }

    #[test]
    fn old_requests_leave_the_window() {
        let limiter = limiter(2, 200, 10_000);
        assert_eq!(limiter.check(A), Verdict::Allow);
        assert_eq!(limiter.check(A), Verdict::Allow);
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(limiter.check(A), Verdict::Allow);
        assert_eq!(limiter.check(A), Verdict::Allow);
        assert_eq!(limiter.check(A), Verdict::Block);
    }

    #[test]
    fn without_a_limit_it_only_counts() {
        let limiter = RateLimiter::new(None);
        for _ in 0..10 {
            assert_eq!(limiter.check(A), Verdict::Allow);
        }
        assert_eq!(limiter.max_in_window(), 10);
        limiter.reset_max();
        assert_eq!(limiter.max_in_window(), 0);
    }
}
