//! The numbers the rate limiter keeps to.

use std::time::Duration;

/// Budgets and pauses of a [`RateLimiter`](super::RateLimiter).
///
/// A count of `0` disables that cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitPolicy {
    /// Length of the sliding window Bynder counts over: 300 s.
    pub window: Duration,
    /// Requests allowed in any `window`: 4500.
    pub window_limit: u32,
    /// Requests allowed in any `per_second_span`: 15 (Bynder's older documented limit, which
    /// also spreads the 5-minute budget evenly instead of spending it in one burst).
    pub per_second: u32,
    /// The span `per_second` counts over: 1 s. A field of its own only so that
    /// [`scaled`](Self::scaled) can shrink it together with the window.
    pub per_second_span: Duration,
    /// Extra time each request stays counted in the window: 1 s. Guards against clock and
    /// latency skew between this client and the server.
    pub skew_margin: Duration,
    /// How long all traffic pauses after a 429: a full window plus a margin (305 s), because
    /// any request during Bynder's block prolongs it.
    pub block_pause: Duration,
}

impl Default for RateLimitPolicy {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(300),
            window_limit: 4500,
            per_second: 15,
            per_second_span: Duration::from_secs(1),
            skew_margin: Duration::from_secs(1),
            block_pause: Duration::from_secs(305),
        }
    }
}

impl RateLimitPolicy {
    /// No caps at all: for a local portal without a rate limit, such as a benchmark against
    /// `bynder-mock serve --no-rate-limit`. Never use it against a real portal.
    pub fn unlimited() -> Self {
        Self {
            window_limit: 0,
            per_second: 0,
            ..Self::default()
        }
    }

    /// A policy from language-neutral settings: `"bynder"` (the default), `"unlimited"`, or
    /// an object with any of `window_s`, `window_limit`, `per_second`, `block_pause_s`
    /// (the rest keep Bynder's numbers).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, crate::Error> {
        use serde_json::Value;
        let invalid = |what: String| crate::Error::invalid_argument(format!("rate limit: {what}"));
        match value {
            Value::Null => Ok(Self::default()),
            Value::String(name) if name == "bynder" => Ok(Self::default()),
            Value::String(name) if name == "unlimited" => Ok(Self::unlimited()),
            Value::Object(fields) => {
                let mut policy = Self::default();
                for (key, value) in fields {
                    let number = value
                        .as_f64()
                        .filter(|n| n.is_finite() && *n >= 0.0)
                        .ok_or_else(|| invalid(format!("{key} must be a number >= 0")))?;
                    match key.as_str() {
                        "window_s" => policy.window = Duration::from_secs_f64(number),
                        "window_limit" => policy.window_limit = number as u32,
                        "per_second" => policy.per_second = number as u32,
                        "block_pause_s" => policy.block_pause = Duration::from_secs_f64(number),
                        other => {
                            return Err(invalid(format!(
                                "unknown key {other:?} (known: window_s, window_limit, \
                                 per_second, block_pause_s)"
                            )));
                        }
                    }
                }
                Ok(policy)
            }
            other => Err(invalid(format!(
                "must be \"bynder\", \"unlimited\" or an object, not {other}"
            ))),
        }
    }

    /// The default policy with every duration multiplied by `factor` and every count kept: for
    /// tests against a mock portal whose window is scaled the same way. A `factor` that is not
    /// positive and finite leaves the durations unchanged.
    pub fn scaled(factor: f64) -> Self {
        let d = Self::default();
        let scale = |span: Duration| scale_duration(span, factor);
        Self {
            window: scale(d.window),
            window_limit: d.window_limit,
            per_second: d.per_second,
            per_second_span: scale(d.per_second_span),
            skew_margin: scale(d.skew_margin),
            block_pause: scale(d.block_pause),
        }
    }
}

fn scale_duration(span: Duration, factor: f64) -> Duration {
    if !(factor.is_finite() && factor > 0.0) {
        return span;
    }
    Duration::try_from_secs_f64(span.as_secs_f64() * factor).unwrap_or(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matches_bynder() {
        let p = RateLimitPolicy::default();
        assert_eq!(p.window, Duration::from_secs(300));
        assert_eq!(p.window_limit, 4500);
        assert_eq!(p.per_second, 15);
        assert_eq!(p.per_second_span, Duration::from_secs(1));
        assert_eq!(p.skew_margin, Duration::from_secs(1));
        assert!(p.block_pause > p.window + p.skew_margin);
    }

    #[test]
    fn scaled_shrinks_durations_and_keeps_counts() {
        let p = RateLimitPolicy::scaled(0.01);
        assert_eq!(p.window, Duration::from_secs(3));
        assert_eq!(p.per_second_span, Duration::from_millis(10));
        assert_eq!(p.skew_margin, Duration::from_millis(10));
        assert_eq!(p.block_pause, Duration::from_millis(3050));
        assert_eq!((p.window_limit, p.per_second), (4500, 15));
    }

    #[test]
    fn scaled_ignores_nonsense_factors() {
        for factor in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(RateLimitPolicy::scaled(factor), RateLimitPolicy::default());
        }
    }
}
