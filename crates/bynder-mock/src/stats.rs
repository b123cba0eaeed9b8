//! Counters of what the portal saw, for tests and benchmarks (admin API `GET /_mock/stats`).

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::schema::SchemaViolation;

/// The name counted for requests that reached no operation.
pub const UNROUTED: &str = "unrouted";

/// A snapshot of the counters since the portal started or the last reset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Requests received (the admin API under `/_mock/` is not counted).
    pub requests: u64,
    /// Requests per operation name (`oauth.token`, `oauth.authorize`, `oauth.consent` for
    /// the OAuth2 endpoints, `unrouted` for unknown paths), rate-limited ones included.
    pub by_operation: BTreeMap<String, u64>,
    /// Responses per HTTP status.
    pub by_status: BTreeMap<u16, u64>,
    /// Tokens granted per grant type (`authorization_code`, `refresh_token`,
    /// `client_credentials`).
    pub token_grants: BTreeMap<String, u64>,
    /// 429 responses sent (by the rate limit or a fault).
    pub rate_limited: u64,
    /// Fault rules that fired.
    pub faults_fired: u64,
    /// The most requests one IP sent within one rate-limit window (300 s when no limit is set).
    pub max_requests_in_window: u64,
    /// Distinct valid bearer tokens presented (the permanent token counts as one).
    pub distinct_access_tokens: u64,
    /// Answers that broke their documented schema, when the portal checks them
    /// (`MockConfig::response_schemas`; kept across counter resets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schema_violations: Vec<SchemaViolation>,
}

#[derive(Debug, Default)]
struct Counters {
    stats: Stats,
    tokens: HashSet<String>,
}

/// Collects the counters.
#[derive(Debug, Default)]
pub struct StatsRecorder {
    inner: Mutex<Counters>,
}

impl StatsRecorder {
    fn with(&self, update: impl FnOnce(&mut Counters)) {
        if let Ok(mut counters) = self.inner.lock() {
            update(&mut counters);
        }
    }

    /// Counts a request routed to `operation`.
    pub fn request(&self, operation: &str) {
        self.with(|c| {
            c.stats.requests += 1;
            *c.stats
                .by_operation
                .entry(operation.to_string())
                .or_default() += 1;
        });
    }

    /// Counts a response status.
    pub fn status(&self, status: u16) {
        self.with(|c| {
            *c.stats.by_status.entry(status).or_default() += 1;
            if status == 429 {
                c.stats.rate_limited += 1;
            }
        });
    }

    /// Counts a granted token.
    pub fn grant(&self, grant_type: &str) {
        self.with(|c| {
            *c.stats
                .token_grants
                .entry(grant_type.to_string())
                .or_default() += 1
        });
    }

    /// Counts fired fault rules.
    pub fn faults(&self, fired: u64) {
        if fired > 0 {
            self.with(|c| c.stats.faults_fired += fired);
        }
    }

    /// Notes a valid token by a key that identifies it (its `jti`) without holding the token.
    pub fn token_seen(&self, key: &str) {
        self.with(|c| {
            if !c.tokens.contains(key) {
                c.tokens.insert(key.to_string());
                c.stats.distinct_access_tokens = c.tokens.len() as u64;
            }
        });
    }

    /// The counters now, with the busiest window reported by the rate limiter.
    pub fn snapshot(&self, max_requests_in_window: u64) -> Stats {
        let mut stats = self
            .inner
            .lock()
            .map(|c| c.stats.clone())
            .unwrap_or_default();
        stats.max_requests_in_window = max_requests_in_window;
        stats
    }

    /// Sets every counter back to zero.
    pub fn reset(&self) {
        self.with(|c| *c = Counters::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_add_up_and_reset() {
        let recorder = StatsRecorder::default();
        recorder.request("media.get");
        recorder.request("media.get");
        recorder.status(200);
        recorder.status(429);
        recorder.grant("client_credentials");
        recorder.faults(2);
        recorder.token_seen("a");
        recorder.token_seen("a");
        recorder.token_seen("b");
        let stats = recorder.snapshot(7);
        assert_eq!(stats.requests, 2);
        assert_eq!(stats.by_operation["media.get"], 2);
        assert_eq!(stats.by_status[&429], 1);
        assert_eq!(stats.rate_limited, 1);
        assert_eq!(stats.token_grants["client_credentials"], 1);
        assert_eq!(stats.faults_fired, 2);
        assert_eq!(stats.distinct_access_tokens, 2);
        assert_eq!(stats.max_requests_in_window, 7);
        recorder.reset();
        assert_eq!(recorder.snapshot(0), Stats::default());
    }
}
