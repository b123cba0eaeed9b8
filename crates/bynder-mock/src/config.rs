//! How a mock portal is set up: credentials, token lifetime, rate limit, listeners, where
//! uploaded files go.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

/// Bynder's published rate limit (`reference/bynder-api.md` §4): 4500 requests in any
/// five-minute window per source IP, lifted after five minutes without a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitConfig {
    /// Length of the sliding window.
    pub window: Duration,
    /// Requests allowed in any window; the next one is answered 429 and blocks the IP.
    pub limit: u32,
    /// How long an IP must stay silent before its block is lifted.
    pub quiet: Duration,
}

impl RateLimitConfig {
    /// Bynder's real limit: 4500 requests per 300 s, unblocked after 300 s of silence.
    pub const BYNDER: RateLimitConfig = RateLimitConfig {
        window: Duration::from_secs(300),
        limit: 4500,
        quiet: Duration::from_secs(300),
    };

    /// The same limit with the window and the quiet period multiplied by `factor` (the count
    /// is unchanged), so tests can see a full block-and-unblock cycle in seconds.
    pub fn scaled(self, factor: f64) -> RateLimitConfig {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        RateLimitConfig {
            window: self.window.mul_f64(factor),
            limit: self.limit,
            quiet: self.quiet.mul_f64(factor),
        }
    }
}

/// Everything a [`crate::MockPortal`] needs to start.
#[derive(Clone)]
pub struct MockConfig {
    /// Seed of the generated portal data ([`crate::store::Store::seeded`]).
    pub seed: u64,
    /// How many assets the seeded portal holds (300 by default; more for benchmarks of big
    /// pages).
    pub asset_count: usize,
    /// The permanent token the portal accepts (`Authorization: Bearer <it>`), with all scopes,
    /// acting as the store's current user; empty accepts none.
    pub permanent_token: String,
    /// The OAuth2 client id of the portal's one registered app.
    pub client_id: String,
    /// The OAuth2 client secret of that app.
    pub client_secret: String,
    /// Lifetime of OAuth2 access tokens (`expires_in`, JWT `exp`).
    pub token_ttl: Duration,
    /// Per-IP rate limit; `None` disables it.
    pub rate_limit: Option<RateLimitConfig>,
    /// Skip the consent page: `/oauth2/auth` redirects with a code at once.
    pub auto_consent: bool,
    /// Redirect URIs accepted besides any `http://127.0.0.1[:port]/...` and
    /// `http://localhost[:port]/...` (compared exactly).
    pub redirect_uris: Vec<String>,
    /// Plain HTTP port; 0 picks a free one.
    pub http_port: u16,
    /// Also serve HTTPS with a self-signed certificate.
    pub tls: bool,
    /// HTTPS port (with `tls`); 0 picks a free one.
    pub https_port: u16,
    /// Address both listeners bind to.
    pub bind: IpAddr,
    /// Where uploaded bytes are stored; `None` = a fresh temporary directory, removed with
    /// the portal. A given directory is created when missing and its files are left behind.
    pub storage_dir: Option<PathBuf>,
    /// How long a finalised upload "converts" before polls report it done and it can be saved.
    pub processing_delay: Duration,
    /// Check every JSON answer of a table operation against the response schema Bynder's
    /// OpenAPI definitions in this directory document for it (`None`: no checks). Violations
    /// are listed by `MockPortal::schema_violations` and `/_mock/stats`, and a portal dropped
    /// with violations panics (`docs/mock.md`, "Responses checked against the definitions").
    pub response_schemas: Option<PathBuf>,
}

impl std::fmt::Debug for MockConfig {
    /// Secrets are left out, so a config can be logged.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockConfig")
            .field("seed", &self.seed)
            .field("asset_count", &self.asset_count)
            .field("client_id", &self.client_id)
            .field("token_ttl", &self.token_ttl)
            .field("rate_limit", &self.rate_limit)
            .field("auto_consent", &self.auto_consent)
            .field("redirect_uris", &self.redirect_uris)
            .field("http_port", &self.http_port)
            .field("tls", &self.tls)
            .field("https_port", &self.https_port)
            .field("bind", &self.bind)
            .field("storage_dir", &self.storage_dir)
            .field("processing_delay", &self.processing_delay)
            .field("response_schemas", &self.response_schemas)
            .finish_non_exhaustive()
    }
}

impl Default for MockConfig {
    fn default() -> MockConfig {
        MockConfig {
            seed: 1,
            asset_count: crate::store::seed_assets::ASSET_COUNT,
            permanent_token: "mock-permanent-token".to_string(),
            client_id: "mock-client-id".to_string(),
            client_secret: "mock-client-secret".to_string(),
            token_ttl: Duration::from_secs(3600),
            rate_limit: None,
            auto_consent: false,
            redirect_uris: Vec::new(),
            http_port: 0,
            tls: false,
            https_port: 0,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            storage_dir: None,
            processing_delay: Duration::from_millis(200),
            response_schemas: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_shrinks_window_and_quiet_but_keeps_the_count() {
        let scaled = RateLimitConfig::BYNDER.scaled(0.01);
        assert_eq!(scaled.window, Duration::from_secs(3));
        assert_eq!(scaled.quiet, Duration::from_secs(3));
        assert_eq!(scaled.limit, 4500);
        assert_eq!(
            RateLimitConfig::BYNDER.scaled(-1.0),
            RateLimitConfig::BYNDER
        );
    }
}
