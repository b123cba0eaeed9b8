//! [`MockPortal`]: a running portal with its listeners, for tests and the binary.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use axum_server::Handle;
use axum_server::tls_rustls::RustlsConfig;
use tokio::task::JoinHandle;

use crate::config::{MockConfig, RateLimitConfig};
use crate::faults::FaultRule;
use crate::schema::{Definitions, ResponseChecker, SchemaViolation};
use crate::server::{Portal, app};
use crate::stats::Stats;
use crate::store::Store;
use crate::tls;

/// How long `shutdown` lets open requests finish.
const GRACE: Duration = Duration::from_secs(2);

/// A running mock portal. Dropping it stops the listeners at once; [`MockPortal::shutdown`]
/// stops them gracefully.
pub struct MockPortal {
    portal: Arc<Portal>,
    url: String,
    https_url: Option<String>,
    cert_pem: Option<String>,
    handle: Handle,
    servers: Vec<JoinHandle<std::io::Result<()>>>,
}

impl std::fmt::Debug for MockPortal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockPortal")
            .field("url", &self.url)
            .field("https_url", &self.https_url)
            .finish_non_exhaustive()
    }
}

impl MockPortal {
    /// Binds the listeners and starts serving on the current tokio runtime.
    pub async fn start(config: MockConfig) -> std::io::Result<MockPortal> {
        let mut portal = Portal::new(config.clone());
        if let Some(dir) = &config.response_schemas {
            portal.schemas = Some(ResponseChecker::new(Definitions::load(dir)?));
        }
        let portal = Arc::new(portal);
        // A storage directory that cannot be made fails the start, not the first upload.
        portal.store.uploads().storage.prepare()?;
        let handle = Handle::new();
        let mut servers = Vec::new();

        let http = bind(config.bind, config.http_port)?;
        let url = format!("http://{}", display_addr(http.local_addr()?));
        let make =
            app(portal.clone(), "http", &url).into_make_service_with_connect_info::<SocketAddr>();
        let server = axum_server::from_tcp(http).handle(handle.clone());
        servers.push(tokio::spawn(server.serve(make)));

        let (mut https_url, mut cert_pem) = (None, None);
        if config.tls {
            let pair = tls::self_signed()?;
            let rustls = RustlsConfig::from_pem(
                pair.cert_pem.clone().into_bytes(),
                pair.key_pem.into_bytes(),
            )
            .await?;
            let listener = bind(config.bind, config.https_port)?;
            let base = format!("https://{}", display_addr(listener.local_addr()?));
            let make = app(portal.clone(), "https", &base)
                .into_make_service_with_connect_info::<SocketAddr>();
            let server = axum_server::from_tcp_rustls(listener, rustls).handle(handle.clone());
            servers.push(tokio::spawn(server.serve(make)));
            https_url = Some(base);
            cert_pem = Some(pair.cert_pem);
        }
        Ok(MockPortal {
            portal,
            url,
            https_url,
            cert_pem,
            handle,
            servers,
        })
    }

    /// The plain HTTP base URL, e.g. `http://127.0.0.1:8080` (no trailing slash).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The HTTPS base URL, when started with `tls`.
    pub fn https_url(&self) -> Option<&str> {
        self.https_url.as_deref()
    }

    /// The self-signed certificate (PEM) of the HTTPS listener, for clients to trust.
    pub fn cert_pem(&self) -> Option<&str> {
        self.cert_pem.as_deref()
    }

    /// The configuration the portal started with.
    pub fn config(&self) -> &MockConfig {
        &self.portal.config
    }

    /// The portal's data.
    pub fn store(&self) -> &Arc<Store> {
        &self.portal.store
    }

    /// A snapshot of the counters.
    pub fn stats(&self) -> Stats {
        self.portal.stats_now()
    }

    /// Answers that broke their documented schema so far (always empty unless
    /// `MockConfig::response_schemas` is set).
    pub fn schema_violations(&self) -> Vec<SchemaViolation> {
        self.portal
            .schemas
            .as_ref()
            .map(ResponseChecker::violations)
            .unwrap_or_default()
    }

    /// Answers checked against a documented schema so far, per operation and status.
    pub fn schema_checked(&self) -> BTreeMap<(String, u16), u64> {
        self.portal
            .schemas
            .as_ref()
            .map(ResponseChecker::checked)
            .unwrap_or_default()
    }

    /// Requests received for `operation` so far (`media.get`, `upload.chunk`, `s3.upload`...).
    pub fn served(&self, operation: &str) -> u64 {
        self.stats()
            .by_operation
            .get(operation)
            .copied()
            .unwrap_or(0)
    }

    /// [`MockPortal::served`] once the count has stayed the same for 200 ms (at most 5 s): a
    /// request a client dropped mid-flight may still arrive after the client gave up on it.
    pub async fn served_settled(&self, operation: &str) -> u64 {
        let mut last = self.served(operation);
        for _ in 0..25 {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let now = self.served(operation);
            if now == last {
                break;
            }
            last = now;
        }
        last
    }

    /// Sets the counters back to zero.
    pub fn reset_stats(&self) {
        self.portal.stats.reset();
        self.portal.limiter.reset_max();
    }

    /// Adds a fault rule.
    pub fn inject(&self, rule: FaultRule) {
        self.portal.faults.inject(rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.portal.faults.clear();
    }

    /// The fault rules in force (counted rules show what is left of their `times`).
    pub fn faults(&self) -> Vec<FaultRule> {
        self.portal.faults.rules()
    }

    /// Replaces the rate limit (`None` disables it) and unblocks everyone.
    pub fn set_rate_limit(&self, limit: Option<RateLimitConfig>) {
        self.portal.limiter.set_config(limit);
    }

    /// Unblocks every IP and forgets recent requests.
    pub fn reset_rate_limit(&self) {
        self.portal.limiter.reset();
    }

    /// Turns the consent page off (`true`) or on.
    pub fn set_auto_consent(&self, on: bool) {
        self.portal.oauth.set_auto_consent(on);
    }

    /// How long finalised uploads convert before polls report them done and they can be
    /// saved (applies to uploads finalised from now on).
    pub fn set_processing_delay(&self, delay: Duration) {
        self.portal.store.uploads().set_processing_delay(delay);
    }

    /// The directory uploaded bytes are stored in.
    pub fn storage_dir(&self) -> std::io::Result<std::path::PathBuf> {
        self.portal.store.uploads().storage.root()
    }

    /// Ends an OAuth2 access token before its expiry (the portal answers 401 to it).
    /// Returns false when `access_token` is not one of this portal's tokens.
    pub fn revoke_token(&self, access_token: &str) -> bool {
        match self.portal.issuer.decode(access_token) {
            Some(claims) => {
                self.portal.issuer.revoke(&claims.jti);
                true
            }
            None => false,
        }
    }

    /// Stops the listeners, letting open requests finish for a moment.
    pub async fn shutdown(mut self) {
        self.handle.graceful_shutdown(Some(GRACE));
        for server in std::mem::take(&mut self.servers) {
            if let Ok(Err(err)) = server.await {
                tracing::warn!(error = %err, "listener ended with an error");
            }
        }
    }
}

impl Drop for MockPortal {
    /// Stops the listeners; a checking portal that saw answers break their schema fails the
    /// test that used it (unless that test is failing already).
    fn drop(&mut self) {
        self.handle.shutdown();
        let Some(checker) = &self.portal.schemas else {
            return;
        };
        checker.append_log();
        let violations = checker.violations();
        if !violations.is_empty() && !std::thread::panicking() {
            let list: Vec<String> = violations.iter().map(|v| format!("  {v}")).collect();
            panic!(
                "the mock portal answered {} shape(s) its OpenAPI definitions do not allow:\n{}",
                violations.len(),
                list.join("\n")
            );
        }
    }
}

fn bind(ip: IpAddr, port: u16) -> std::io::Result<TcpListener> {
    let listener = TcpListener::bind((ip, port))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// The address clients use: a wildcard bind is reached through loopback.
fn display_addr(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}
