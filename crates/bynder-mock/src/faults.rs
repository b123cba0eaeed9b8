//! Fault injection: rules that make chosen requests fail or slow down, to test how clients
//! cope with what real portals and networks do.
//!
//! A rule's JSON form (admin API `POST /_mock/faults`):
//! `{"target": {"operation": "media.get"} | {"path_prefix": "/api/v4/"} | "all",
//!   "fault": {"status": 503} | "rate_limit" | "drop" | {"latency_ms": 250} | "expire_token"
//!            | {"slow_body_ms": 2000} | "corrupt" | {"cut_request_after": 1048576}
//!            | {"cut_response_after": 1048576},
//!   "times": 2}` (`target` defaults to `"all"`, `times` to forever).
//!
//! The routes outside the operation table are the operations `s3.upload` (`POST /_mock/s3/`)
//! and `storage.download` (`GET|HEAD /_mock/storage/...`).

use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Which requests a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FaultTarget {
    /// Every request except the admin API.
    #[default]
    All,
    /// Requests routed to this operation (`media.get`; the OAuth2 endpoints are
    /// `oauth.authorize`, `oauth.consent` and `oauth.token`).
    Operation(String),
    /// Requests whose path starts with this prefix.
    PathPrefix(String),
}

/// What happens to a matching request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// Answer this status with Bynder's `{"message", "statuscode"}` body.
    Status(u16),
    /// Answer 429 as the rate limit does.
    RateLimit,
    /// Close the connection without an answer.
    Drop,
    /// Wait this long before serving the request normally.
    #[serde(rename = "latency_ms", with = "millis")]
    Latency(Duration),
    /// Revoke the caller's access token and answer 401.
    ExpireToken,
    /// Serve normally, but trickle the body out over this long.
    #[serde(rename = "slow_body_ms", with = "millis")]
    SlowBody(Duration),
    /// Flip one byte of the uploaded bytes (the body of `upload.chunk`, the file part of
    /// `s3.upload`) before they are checked and stored, so a checksum fails. Other requests
    /// are served unchanged.
    Corrupt,
    /// Read this many bytes of the request body, then close the connection without an answer.
    CutRequestAfter(u64),
    /// Serve the request, but send only the answer's headers and this many bytes of its body,
    /// then abort the connection. It replaces the answer: a rule added after it (a `status`,
    /// say) hits the next request.
    CutResponseAfter(u64),
}

impl Fault {
    /// Whether the fault replaces the answer (rather than delaying or altering the request).
    pub fn is_terminal(&self) -> bool {
        !matches!(
            self,
            Fault::Latency(_) | Fault::SlowBody(_) | Fault::Corrupt
        )
    }
}

/// A fault, the requests it hits, and how many times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Which requests.
    #[serde(default)]
    pub target: FaultTarget,
    /// What happens.
    pub fault: Fault,
    /// How many requests it hits before it is removed; `None` = until cleared.
    #[serde(default)]
    pub times: Option<u32>,
}

impl FaultRule {
    /// A rule hitting every request, forever.
    pub fn all(fault: Fault) -> FaultRule {
        FaultRule {
            target: FaultTarget::All,
            fault,
            times: None,
        }
    }

    /// A rule hitting one operation, forever.
    pub fn operation(name: &str, fault: Fault) -> FaultRule {
        FaultRule {
            target: FaultTarget::Operation(name.to_string()),
            fault,
            times: None,
        }
    }

    /// A rule hitting paths under `prefix`, forever.
    pub fn path_prefix(prefix: &str, fault: Fault) -> FaultRule {
        FaultRule {
            target: FaultTarget::PathPrefix(prefix.to_string()),
            fault,
            times: None,
        }
    }

    /// Limits the rule to `n` hits.
    pub fn times(mut self, n: u32) -> FaultRule {
        self.times = Some(n);
        self
    }

    fn matches(&self, operation: Option<&str>, path: &str) -> bool {
        match &self.target {
            FaultTarget::All => true,
            FaultTarget::Operation(name) => operation == Some(name.as_str()),
            FaultTarget::PathPrefix(prefix) => path.starts_with(prefix.as_str()),
        }
    }
}

/// The faults one request gets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Firing {
    /// Total latency to add before serving.
    pub latency: Duration,
    /// Trickle the body over this long.
    pub slow_body: Option<Duration>,
    /// Flip a byte of the uploaded bytes.
    pub corrupt: bool,
    /// Abort the answer after this many body bytes.
    pub cut_response_after: Option<u64>,
    /// The fault that replaces the answer, if any (the first matching one, unless that is a
    /// `cut_response_after`, which is in `cut_response_after` instead).
    pub terminal: Option<Fault>,
    /// How many rules fired.
    pub fired: u64,
}

/// The rules in force, in the order they were added.
#[derive(Debug, Default)]
pub struct FaultSet {
    rules: Mutex<Vec<FaultRule>>,
}

impl FaultSet {
    /// Adds a rule.
    pub fn inject(&self, rule: FaultRule) {
        if let Ok(mut rules) = self.rules.lock() {
            rules.push(rule);
        }
    }

    /// Removes every rule.
    pub fn clear(&self) {
        if let Ok(mut rules) = self.rules.lock() {
            rules.clear();
        }
    }

    /// The rules in force.
    pub fn rules(&self) -> Vec<FaultRule> {
        self.rules
            .lock()
            .map(|rules| rules.clone())
            .unwrap_or_default()
    }

    /// The faults for a request to `operation` (when routed) at `path`; every delaying or
    /// altering rule that matches fires, and the first replacing one. Fired rules use up one
    /// of their `times`.
    pub fn fire(&self, operation: Option<&str>, path: &str) -> Firing {
        let mut firing = Firing::default();
        let Ok(mut rules) = self.rules.lock() else {
            return firing;
        };
        let mut replaced = false;
        for rule in rules.iter_mut() {
            if !rule.matches(operation, path) {
                continue;
            }
            match &rule.fault {
                Fault::Latency(delay) => firing.latency += *delay,
                Fault::SlowBody(over) => firing.slow_body = Some(*over),
                Fault::Corrupt => firing.corrupt = true,
                _ if replaced => continue,
                Fault::CutResponseAfter(bytes) => {
                    firing.cut_response_after = Some(*bytes);
                    replaced = true;
                }
                terminal => {
                    firing.terminal = Some(terminal.clone());
                    replaced = true;
                }
            }
            firing.fired += 1;
            if let Some(times) = rule.times.as_mut() {
                *times = times.saturating_sub(1);
            }
        }
        rules.retain(|rule| rule.times != Some(0));
        firing
    }
}

/// Durations as whole milliseconds in JSON.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(value.as_millis() as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        u64::deserialize(deserializer).map(Duration::from_millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_trip_through_json() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"target":{"operation":"media.get"},"fault":{"latency_ms":250},"times":2}"#,
        )
        .unwrap();
        assert_eq!(
            rule,
            FaultRule::operation("media.get", Fault::Latency(Duration::from_millis(250))).times(2)
        );
        let drop: FaultRule = serde_json::from_str(r#"{"fault":"drop"}"#).unwrap();
        assert_eq!(drop, FaultRule::all(Fault::Drop));
        let json =
            serde_json::to_value(FaultRule::path_prefix("/api", Fault::Status(503))).unwrap();
        assert_eq!(json["target"]["path_prefix"], "/api");
        assert_eq!(json["fault"]["status"], 503);
        let cut: FaultRule =
            serde_json::from_str(r#"{"fault":{"cut_request_after":10},"times":1}"#).unwrap();
        assert_eq!(cut, FaultRule::all(Fault::CutRequestAfter(10)).times(1));
        let corrupt: FaultRule =
            serde_json::from_str(r#"{"target":{"operation":"s3.upload"},"fault":"corrupt"}"#)
                .unwrap();
        assert_eq!(corrupt, FaultRule::operation("s3.upload", Fault::Corrupt));
        let json = serde_json::to_value(Fault::CutResponseAfter(5)).unwrap();
        assert_eq!(json, serde_json::json!({"cut_response_after": 5}));
    }

    #[test]
    fn corrupt_fires_alongside_the_first_replacing_fault() {
        let set = FaultSet::default();
        set.inject(FaultRule::all(Fault::Corrupt).times(1));
        set.inject(FaultRule::all(Fault::CutRequestAfter(3)).times(1));
        set.inject(FaultRule::all(Fault::CutResponseAfter(7)).times(1));
        let firing = set.fire(Some("upload.chunk"), "/v7/");
        assert!(firing.corrupt);
        assert_eq!(firing.terminal, Some(Fault::CutRequestAfter(3)));
        assert_eq!(firing.cut_response_after, None);
        assert_eq!(firing.fired, 2);
        // The cut answer was not used up by the first request: it hits the second.
        let second = set.fire(None, "/");
        assert!(!second.corrupt);
        assert_eq!(second.terminal, None);
        assert_eq!(second.cut_response_after, Some(7));
    }

    #[test]
    fn a_cut_answer_comes_before_a_later_status_rule() {
        let set = FaultSet::default();
        set.inject(FaultRule::all(Fault::CutResponseAfter(10)).times(1));
        set.inject(FaultRule::all(Fault::Status(503)));
        let first = set.fire(Some("storage.download"), "/_mock/storage/a/b");
        assert_eq!((first.cut_response_after, first.terminal), (Some(10), None));
        let second = set.fire(Some("storage.download"), "/_mock/storage/a/b");
        assert_eq!(
            (second.cut_response_after, second.terminal),
            (None, Some(Fault::Status(503)))
        );
    }

    #[test]
    fn counted_rules_wear_out_and_targets_filter() {
        let set = FaultSet::default();
        set.inject(FaultRule::operation("media.get", Fault::Status(500)).times(1));
        assert_eq!(
            set.fire(Some("media.list"), "/api/v4/media/").terminal,
            None
        );
        assert_eq!(
            set.fire(Some("media.get"), "/api/v4/media/X/").terminal,
            Some(Fault::Status(500))
        );
        assert_eq!(
            set.fire(Some("media.get"), "/api/v4/media/X/").terminal,
            None
        );
        assert!(set.rules().is_empty());
    }

    #[test]
    fn delays_combine_with_the_first_replacing_fault() {
        let set = FaultSet::default();
        set.inject(FaultRule::path_prefix(
            "/api/",
            Fault::Latency(Duration::from_millis(10)),
        ));
        set.inject(FaultRule::all(Fault::Drop));
        set.inject(FaultRule::all(Fault::Status(502)));
        let firing = set.fire(None, "/api/v4/tags/");
        assert_eq!(firing.latency, Duration::from_millis(10));
        assert_eq!(firing.terminal, Some(Fault::Drop));
        assert_eq!(firing.fired, 2);
        assert_eq!(set.fire(None, "/v6/x").latency, Duration::ZERO);
    }
}
