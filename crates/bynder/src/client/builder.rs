//! Building a [`Client`]: portal URL, credentials, timeouts, policies, transport.

use std::sync::Arc;
use std::time::Duration;

use http::HeaderValue;
use url::Url;

use super::portal::Portal;
use super::{Client, Counters, Inner};
use crate::auth::manager::TokenManager;
use crate::auth::{Credentials, OAuthApp, Secret, Token};
use crate::error::Error;
use crate::ratelimit::{RateLimitPolicy, RateLimiter};
use crate::retry::RetryPolicy;
use crate::scope::Scope;
use crate::transfer::UploadFlow;
use crate::transport::{ReqwestTransport, Transport};

/// Configures and builds a [`Client`]. Start with [`Client::builder`].
pub struct ClientBuilder {
    portal: String,
    credentials: Credentials,
    saver: Option<crate::auth::TokenSaver>,
    timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    rate_limit: RateLimitPolicy,
    limiter: Option<Arc<RateLimiter>>,
    transport: Option<Arc<dyn Transport>>,
    root_certificates: Vec<Vec<u8>>,
    upload_flow: UploadFlow,
    automation: Option<String>,
    check_params: bool,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("portal", &self.portal)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    pub(crate) fn new(portal: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            portal: portal.into(),
            credentials: Credentials::None,
            saver: None,
            timeout: Duration::from_secs(60),
            user_agent: format!("bynder-rust-sdk/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            rate_limit: RateLimitPolicy::default(),
            limiter: None,
            transport: None,
            root_certificates: Vec::new(),
            upload_flow: UploadFlow::default(),
            automation: None,
            check_params: true,
        }
    }

    /// Authenticates with a permanent token.
    pub fn permanent_token(mut self, token: impl Into<Secret>) -> ClientBuilder {
        self.credentials = Credentials::PermanentToken(token.into());
        self
    }

    /// Authenticates with OAuth2 client credentials.
    pub fn client_credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        scopes: &[Scope],
    ) -> ClientBuilder {
        let app = OAuthApp::new(client_id).client_secret(client_secret);
        self.credentials = Credentials::ClientCredentials {
            app,
            scopes: scopes.to_vec(),
        };
        self
    }

    /// Uses the authorization-code flow with this app: build the consent URL with
    /// [`Client::authorization_request`], then [`Client::exchange_code`].
    pub fn oauth_app(mut self, app: OAuthApp) -> ClientBuilder {
        self.credentials = Credentials::AuthorizationCode { app, token: None };
        self
    }

    /// Resumes the authorization-code flow with a stored token (renewed with its refresh token).
    pub fn oauth_token(mut self, app: OAuthApp, token: Token) -> ClientBuilder {
        self.credentials = Credentials::AuthorizationCode {
            app,
            token: Some(token),
        };
        self
    }

    /// Calls `saver` with every new token, to persist it.
    pub fn on_token(mut self, saver: impl Fn(&Token) + Send + Sync + 'static) -> ClientBuilder {
        self.saver = Some(Arc::new(saver));
        self
    }

    /// Timeout of each HTTP request (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = timeout;
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> ClientBuilder {
        self.user_agent = user_agent.into();
        self
    }

    /// Retry policy (default: 4 attempts, jittered exponential backoff).
    pub fn retry(mut self, retry: RetryPolicy) -> ClientBuilder {
        self.retry = retry;
        self
    }

    /// Rate-limit policy of the limiter shared by every client of this portal in the process
    /// (default: Bynder's 4500 requests per 5 minutes, 15 per second). The first client of a
    /// portal sets it.
    pub fn rate_limit(mut self, policy: RateLimitPolicy) -> ClientBuilder {
        self.rate_limit = policy;
        self
    }

    /// Uses this limiter instead of the process-wide one for the portal.
    pub fn rate_limiter(mut self, limiter: Arc<RateLimiter>) -> ClientBuilder {
        self.limiter = Some(limiter);
        self
    }

    /// Sends through this transport instead of the default reqwest one.
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> ClientBuilder {
        self.transport = Some(transport);
        self
    }

    /// Also trusts this PEM certificate (e.g. `bynder-mock --tls`'s self-signed one).
    pub fn root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> ClientBuilder {
        self.root_certificates.push(pem.into());
        self
    }

    /// Builds the client. Fails on a malformed portal URL, or plain `http` to a host other
    /// than a local one (tokens must not travel in clear text).
    /// Chooses the upload flow: the Files Service (default) or, for portals without it, the
    /// older S3 flow. One upload can still override it.
    pub fn upload_flow(mut self, flow: UploadFlow) -> ClientBuilder {
        self.upload_flow = flow;
        self
    }

    /// Root of the automation workflow service, which serves the `automation_rules.*`
    /// operations on a host of its own with the portal's token. Default:
    /// `https://automation-workflow-service.bynder.com`, or the portal itself when the portal
    /// is local (`bynder-mock` serves the service too). A URL with the service's documented
    /// path (`.../api/1/automation-workflow/`) is accepted; the path is dropped, because the
    /// operations' paths carry it.
    pub fn automation_url(mut self, url: impl Into<String>) -> ClientBuilder {
        self.automation = Some(url.into());
        self
    }

    /// Whether each documented parameter's value is checked against its type before a request
    /// is built (default: yes; [`crate::ops::ParamType`]), so `limit: "ten"` fails with
    /// [`crate::ErrorKind::InvalidArgument`] instead of reaching the portal. Turn it off to
    /// send values exactly as given (a portal that takes what the definitions do not).
    pub fn check_param_types(mut self, check: bool) -> ClientBuilder {
        self.check_params = check;
        self
    }

    /// Builds the client (see the checks above).
    pub fn build(self) -> Result<Client, Error> {
        let base = parse_portal(&self.portal)?;
        let automation = match &self.automation {
            Some(url) => parse_portal(url)?,
            None if is_local(&base) => base.clone(),
            None => parse_portal(DEFAULT_AUTOMATION_URL)?,
        };
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::invalid_argument("the user agent contains invalid characters"))?;
        let transport: Arc<dyn Transport> = match self.transport {
            Some(transport) => transport,
            None => {
                let pems: Vec<&[u8]> = self.root_certificates.iter().map(Vec::as_slice).collect();
                Arc::new(ReqwestTransport::with_root_certificates(&pems)?)
            }
        };
        let limiter = self.limiter.unwrap_or_else(|| {
            RateLimiter::shared(
                base.origin().ascii_serialization().as_str(),
                self.rate_limit,
            )
        });
        let portal = Portal {
            base,
            automation,
            transport,
            limiter,
            timeout: self.timeout,
            user_agent,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                portal,
                auth: TokenManager::new(self.credentials, self.saver),
                retry: self.retry,
                upload_flow: self.upload_flow,
                check_params: self.check_params,
                counters: Counters::default(),
            }),
        })
    }
}

/// Where Bynder's automation workflow service lives (`reference/bynder-api.md` §1).
const DEFAULT_AUTOMATION_URL: &str = "https://automation-workflow-service.bynder.com";

/// Whether `url` names this machine (a local portal such as `bynder-mock`).
fn is_local(url: &Url) -> bool {
    matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"))
        || url.host_str().is_some_and(|h| h.starts_with("127."))
}

/// Parses the portal URL: `https://acme.bynder.com` (a bare host means https); `http` only for
/// loopback and `localhost`, which local portals like `bynder-mock` use.
fn parse_portal(text: &str) -> Result<Url, Error> {
    let text = text.trim();
    let with_scheme = if text.contains("://") {
        text.to_string()
    } else {
        format!("https://{text}")
    };
    let mut url = Url::parse(&with_scheme)
        .map_err(|e| Error::invalid_argument(format!("invalid portal URL {text:?}: {e}")))?;
    let local = is_local(&url);
    match url.scheme() {
        "https" => {}
        "http" if local => {}
        "http" => {
            return Err(Error::invalid_argument(format!(
                "portal URL {text:?} uses plain http: use https (http is only allowed for local portals)"
            )));
        }
        other => {
            return Err(Error::invalid_argument(format!(
                "portal URL scheme {other:?} is not http(s)"
            )));
        }
    }
    // The API lives at the portal root; drop any path (e.g. an `/api/` copied from the JS SDK).
    url.set_path("/");
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_urls_are_normalised_and_checked() {
        assert_eq!(
            parse_portal("acme.bynder.com").unwrap().as_str(),
            "https://acme.bynder.com/"
        );
        assert_eq!(
            parse_portal("https://acme.bynder.com/api/")
                .unwrap()
                .as_str(),
            "https://acme.bynder.com/"
        );
        assert_eq!(
            parse_portal("http://127.0.0.1:8080").unwrap().as_str(),
            "http://127.0.0.1:8080/"
        );
        assert!(
            parse_portal("http://acme.bynder.com")
                .unwrap_err()
                .to_string()
                .contains("plain http")
        );
        assert!(parse_portal("ftp://x").is_err());
        assert_eq!(
            parse_portal(
                "https://automation-workflow-service.bynder.com/api/1/automation-workflow/"
            )
            .unwrap()
            .as_str(),
            "https://automation-workflow-service.bynder.com/"
        );
        assert!(parse_portal("https://").is_err());
    }
}
