//! The admin API under `/_mock/` (documented in the crate docs): counters, fault rules,
//! rate limit and consent switches for tests and scripts driving a running portal.

use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::config::RateLimitConfig;
use crate::faults::FaultRule;
use crate::server::Portal;

/// Admin bodies are small.
const MAX_ADMIN_BODY: usize = 64 * 1024;

/// The JSON form of a rate limit.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct RateLimitJson {
    window_ms: u64,
    limit: u32,
    quiet_ms: u64,
}

impl From<RateLimitConfig> for RateLimitJson {
    fn from(config: RateLimitConfig) -> RateLimitJson {
        RateLimitJson {
            window_ms: config.window.as_millis() as u64,
            limit: config.limit,
            quiet_ms: config.quiet.as_millis() as u64,
        }
    }
}

impl From<RateLimitJson> for RateLimitConfig {
    fn from(json: RateLimitJson) -> RateLimitConfig {
        RateLimitConfig {
            window: Duration::from_millis(json.window_ms),
            limit: json.limit,
            quiet: Duration::from_millis(json.quiet_ms),
        }
    }
}

/// The JSON form of the processing delay.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct ProcessingDelayJson {
    ms: u64,
}

fn millis(delay: Duration) -> u64 {
    u64::try_from(delay.as_millis()).unwrap_or(u64::MAX)
}

/// Answers one admin request.
pub async fn handle(portal: &Portal, method: &Method, path: &str, body: Body) -> Response {
    let route = path.trim_end_matches('/');
    let body = axum::body::to_bytes(body, MAX_ADMIN_BODY)
        .await
        .unwrap_or_default();
    match (method.as_str(), route) {
        ("GET", "/_mock") => Json(index()).into_response(),
        ("GET", "/_mock/stats") => Json(portal.stats_now()).into_response(),
        ("POST", "/_mock/stats/reset") => {
            portal.stats.reset();
            portal.limiter.reset_max();
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", "/_mock/faults") => Json(portal.faults.rules()).into_response(),
        ("POST", "/_mock/faults") => match serde_json::from_slice::<FaultRule>(&body) {
            Ok(rule) => {
                portal.faults.inject(rule.clone());
                (StatusCode::CREATED, Json(rule)).into_response()
            }
            Err(err) => bad_request(&err.to_string()),
        },
        ("DELETE", "/_mock/faults") => {
            portal.faults.clear();
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", "/_mock/rate-limit") => {
            Json(portal.limiter.config().map(RateLimitJson::from)).into_response()
        }
        ("PUT", "/_mock/rate-limit") => {
            match serde_json::from_slice::<Option<RateLimitJson>>(&body) {
                Ok(config) => {
                    portal.limiter.set_config(config.map(RateLimitConfig::from));
                    StatusCode::NO_CONTENT.into_response()
                }
                Err(err) => bad_request(&err.to_string()),
            }
        }
        ("POST", "/_mock/rate-limit/reset") => {
            portal.limiter.reset();
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", "/_mock/processing-delay") => Json(ProcessingDelayJson {
            ms: millis(portal.store.uploads().processing_delay()),
        })
        .into_response(),
        ("PUT", "/_mock/processing-delay") => {
            match serde_json::from_slice::<ProcessingDelayJson>(&body) {
                Ok(delay) => {
                    portal
                        .store
                        .uploads()
                        .set_processing_delay(Duration::from_millis(delay.ms));
                    StatusCode::NO_CONTENT.into_response()
                }
                Err(err) => bad_request(&err.to_string()),
            }
        }
        ("PUT", "/_mock/auto-consent") => match serde_json::from_slice::<bool>(&body) {
            Ok(on) => {
                portal.oauth.set_auto_consent(on);
                StatusCode::NO_CONTENT.into_response()
            }
            Err(err) => bad_request(&err.to_string()),
        },
        _ => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "unknown admin endpoint", "see": "GET /_mock/"})),
        )
            .into_response(),
    }
}

fn bad_request(message: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": message}))).into_response()
}

fn index() -> serde_json::Value {
    json!({
        "endpoints": [
            "GET /_mock/stats",
            "POST /_mock/stats/reset",
            "GET /_mock/faults",
            "POST /_mock/faults",
            "DELETE /_mock/faults",
            "GET /_mock/rate-limit",
            "PUT /_mock/rate-limit",
            "POST /_mock/rate-limit/reset",
            "PUT /_mock/auto-consent",
            "GET /_mock/processing-delay",
            "PUT /_mock/processing-delay",
        ],
        "fault_example": {"target": {"operation": "media.get"}, "fault": {"status": 503}, "times": 1},
        "fault_kinds": [
            {"status": 503}, "rate_limit", "drop", {"latency_ms": 250}, "expire_token", {"slow_body_ms": 2000},
            "corrupt", {"cut_request_after": 1_048_576}, {"cut_response_after": 1_048_576}
        ],
        "targets": ["all", {"operation": "media.get"}, {"operation": "s3.upload"}, {"operation": "storage.download"}, {"path_prefix": "/api/v4/media/"}],
        "processing_delay_example": {"ms": 200},
    })
}
