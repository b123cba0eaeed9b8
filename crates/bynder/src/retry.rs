//! When to try a request again, and how long to wait first.
//!
//! Only 429, 500, 502, 503, 504, connection failures and timeouts are retried, and only for
//! operations that are safe to repeat (idempotent, or marked retryable by the operation table).
//! A 429 is special for the caller: report it to
//! [`RateLimiter::on_rate_limited`](crate::ratelimit::RateLimiter::on_rate_limited) and let the
//! limiter's pause pass before the retry, because Bynder keeps blocking while requests arrive.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime};
use rand::Rng;

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included: 4. `1` means never retry.
    pub max_attempts: u32,
    /// Upper bound of the first backoff: 200 ms. Doubles with every retry.
    pub base_delay: Duration,
    /// No backoff is longer than this: 10 s.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The upper bound of [`backoff`](Self::backoff): `min(max_delay, base_delay * 2^retry_number)`.
    pub fn backoff_cap(&self, retry_number: u32) -> Duration {
        let doubled = 2u32
            .checked_pow(retry_number)
            .and_then(|factor| self.base_delay.checked_mul(factor))
            .unwrap_or(self.max_delay);
        doubled.min(self.max_delay)
    }

    /// How long to wait before retry number `retry_number`, counted from 0 (so after attempt
    /// `a` failed, wait `backoff(a - 1)`). "Full jitter": uniform in `[0, backoff_cap]`, so
    /// clients that failed together do not retry together.
    pub fn backoff(&self, retry_number: u32) -> Duration {
        let cap = u64::try_from(self.backoff_cap(retry_number).as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(rand::rng().random_range(0..=cap))
    }
}

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this HTTP status.
    Status(u16),
    /// The connection failed (refused, reset, DNS, TLS).
    Network,
    /// The attempt did not complete within its timeout.
    Timeout,
}

impl From<&crate::transport::TransportError> for Outcome {
    fn from(error: &crate::transport::TransportError) -> Outcome {
        match error {
            crate::transport::TransportError::Timeout => Outcome::Timeout,
            crate::transport::TransportError::Network(_) => Outcome::Network,
        }
    }
}

impl Outcome {
    /// Whether this outcome may go away if the same request is sent again.
    pub fn is_transient(&self) -> bool {
        match self {
            Outcome::Status(status) => matches!(status, 429 | 500 | 502 | 503 | 504),
            Outcome::Network | Outcome::Timeout => true,
        }
    }
}

/// Whether to try again after `attempt` (1-based) ended with `outcome`, for an operation that
/// is (`retryable`) or is not safe to repeat. Never retries a 4xx other than 429.
pub fn should_retry(
    policy: &RetryPolicy,
    attempt: u32,
    outcome: &Outcome,
    retryable: bool,
) -> bool {
    retryable && attempt < policy.max_attempts && outcome.is_transient()
}

/// The wait a server asks for in `Retry-After`, given as seconds or as an HTTP date. Bynder
/// sends none today; this honours one if it ever does. A date in the past means no wait.
pub fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    retry_after_at(headers, crate::time::unix_now())
}

fn retry_after_at(headers: &http::HeaderMap, unix_now: Duration) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse().ok().map(Duration::from_secs);
    }
    let at = http_date_unix_seconds(value)?;
    let at = Duration::from_secs(u64::try_from(at).unwrap_or(0));
    Some(at.saturating_sub(unix_now))
}

/// Seconds since the epoch of an HTTP date in any of the three forms RFC 9110 accepts.
fn http_date_unix_seconds(value: &str) -> Option<i64> {
    if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        return Some(date.timestamp());
    }
    const OBSOLETE_FORMATS: [&str; 2] = [
        "%A, %d-%b-%y %H:%M:%S GMT", // RFC 850
        "%a %b %e %H:%M:%S %Y",      // asctime
    ];
    OBSOLETE_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .map(|date| date.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderMap, HeaderValue, header::RETRY_AFTER};

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn defaults() {
        let p = RetryPolicy::default();
        assert_eq!(
            (p.max_attempts, p.base_delay, p.max_delay),
            (4, 200 * MS, 10_000 * MS)
        );
        assert_eq!(RetryPolicy::none().max_attempts, 1);
    }

    #[test]
    fn caps_double_then_stop_at_max_delay() {
        let p = RetryPolicy::default();
        let caps: Vec<u128> = (0..8).map(|n| p.backoff_cap(n).as_millis()).collect();
        assert_eq!(caps, vec![200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
        assert_eq!(
            p.backoff_cap(40),
            10_000 * MS,
            "no overflow on large retry numbers"
        );
        assert_eq!(p.backoff_cap(u32::MAX), 10_000 * MS);
    }

    #[test]
    fn backoff_stays_within_its_cap_and_is_spread() {
        let p = RetryPolicy::default();
        for n in 0..10 {
            let samples: Vec<Duration> = (0..200).map(|_| p.backoff(n)).collect();
            assert!(samples.iter().all(|d| *d <= p.backoff_cap(n)), "retry {n}");
            let (min, max) = (samples.iter().min().unwrap(), samples.iter().max().unwrap());
            // 200 uniform samples: below a quarter and above three quarters of the cap.
            assert!(*min < p.backoff_cap(n) / 4, "retry {n}: min {min:?}");
            assert!(*max > p.backoff_cap(n) * 3 / 4, "retry {n}: max {max:?}");
        }
    }

    #[test]
    fn zero_delays_give_zero_backoff() {
        let p = RetryPolicy {
            base_delay: Duration::ZERO,
            ..RetryPolicy::default()
        };
        assert_eq!(p.backoff(3), Duration::ZERO);
    }

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default();
        let transient = [
            Outcome::Status(429),
            Outcome::Status(500),
            Outcome::Status(502),
            Outcome::Status(503),
            Outcome::Status(504),
            Outcome::Network,
            Outcome::Timeout,
        ];
        let permanent = [
            200, 201, 204, 303, 400, 401, 403, 404, 409, 422, 501, 505, 599,
        ];
        for outcome in &transient {
            for attempt in 1..=3 {
                assert!(
                    should_retry(&p, attempt, outcome, true),
                    "{outcome:?} #{attempt}"
                );
                assert!(
                    !should_retry(&p, attempt, outcome, false),
                    "{outcome:?} not retryable"
                );
            }
            assert!(
                !should_retry(&p, 4, outcome, true),
                "{outcome:?} after the last attempt"
            );
            assert!(!should_retry(&p, 9, outcome, true));
            assert!(!should_retry(&RetryPolicy::none(), 1, outcome, true));
        }
        for status in permanent {
            assert!(
                !should_retry(&p, 1, &Outcome::Status(status), true),
                "{status}"
            );
        }
    }

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(retry_after(&headers("120")), Some(Duration::from_secs(120)));
        assert_eq!(retry_after(&headers(" 0 ")), Some(Duration::ZERO));
        assert_eq!(retry_after(&HeaderMap::new()), None);
        assert_eq!(retry_after(&headers("-5")), None);
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&headers("")), None);
    }

    #[test]
    fn retry_after_as_http_date_in_each_form() {
        // 1994-11-06T08:49:37Z
        let date = Duration::from_secs(784_111_777);
        let before = date - Duration::from_secs(90);
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                retry_after_at(&headers(form), before),
                Some(Duration::from_secs(90)),
                "{form}"
            );
            assert_eq!(
                retry_after_at(&headers(form), date + MS * 5000),
                Some(Duration::ZERO),
                "{form}"
            );
        }
    }
}
