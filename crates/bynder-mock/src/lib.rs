//! # bynder-mock
//!
//! A local Bynder-compatible portal: a real HTTP(S) server with in-memory state, OAuth2, scope
//! checks, Bynder's rate limit and fault injection, for tests and offline development.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use bynder_mock::{Fault, FaultRule, MockConfig, MockPortal};
//!
//! let portal = MockPortal::start(MockConfig::default()).await?;
//! portal.inject(FaultRule::operation("media.get", Fault::Status(503)).times(1));
//! // ... point a client at portal.url() with `Authorization: Bearer mock-permanent-token` ...
//! assert_eq!(portal.stats().faults_fired, 0);
//! portal.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! What it serves:
//! - every operation of `bynder::ops::OPERATIONS` (routing from the table, trailing slash
//!   optional, path ids of the wrong form answer 404, the official SDKs' `?id=` variants);
//! - OAuth2 on `/v6/authentication/oauth2/{auth,token,scopes}` with a consent page that
//!   posts to `/v6/authentication/oauth2/consent` (`decision=approve|deny` plus the
//!   authorization request's parameters), the authorization-code (with optional PKCE),
//!   refresh-token and client-credentials grants, HS256 JWT access tokens;
//! - Bynder's per-IP rate limit, fault injection, counters, and the admin API under
//!   `/_mock/` (below);
//! - CORS for browser builds, and an `X-Request-Id` on every answer.
//!
//! ## Admin API
//!
//! No authentication; not counted, not rate-limited, never faulted.
//!
//! | Request | Effect |
//! |---|---|
//! | `GET /_mock/` | the list of admin endpoints, as JSON |
//! | `GET /_mock/stats` | counters ([`Stats`] as JSON) |
//! | `POST /_mock/stats/reset` | counters back to zero (204) |
//! | `GET /_mock/faults` | the fault rules in force |
//! | `POST /_mock/faults` | add a rule ([`FaultRule`] as JSON) (201) |
//! | `DELETE /_mock/faults` | remove every rule (204) |
//! | `GET /_mock/rate-limit` | the limit in force: `{"window_ms","limit","quiet_ms"}` or `null` |
//! | `PUT /_mock/rate-limit` | replace it (same JSON; `null` disables it), unblocking everyone (204) |
//! | `POST /_mock/rate-limit/reset` | unblock every IP and forget recent requests (204) |
//! | `PUT /_mock/auto-consent` | `true` skips the OAuth2 consent page, `false` shows it (204) |
//!
//! A fault rule in JSON: `{"target": {"operation": "media.get"} | {"path_prefix": "/api/v4/"}
//! | "all", "fault": {"status": 503} | "rate_limit" | "drop" | {"latency_ms": 250} |
//! "expire_token" | {"slow_body_ms": 2000}, "times": 1}` (`target` defaults to `"all"`,
//! `times` to forever). The OAuth2 endpoints are the operations `oauth.authorize`,
//! `oauth.consent` and `oauth.token`.

mod admin;
mod config;
mod consent;
mod faults;
mod grants;
mod guard;
pub mod handlers;
mod oauth;
mod operation;
mod parse;
mod portal;
mod ratelimit;
mod reply;
pub mod request;
mod router;
mod server;
mod stats;
pub mod store;
mod tls;
mod tokens;
mod variants;

pub use config::{MockConfig, RateLimitConfig};
pub use faults::{Fault, FaultRule, FaultTarget};
pub use portal::MockPortal;
pub use stats::Stats;
pub use store::Store;
