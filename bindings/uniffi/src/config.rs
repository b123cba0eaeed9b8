//! What a `BynderClient` is built from: the portal, the credentials, and the client's policies.

use std::sync::Arc;
use std::time::Duration;

use bynder::auth::OAuthApp;
use bynder::ratelimit::{MemoryStore, RateLimitPolicy, RateLimiter};
use bynder::retry::RetryPolicy;
use bynder::{Client, Scope};

use crate::auth::{Token, TokenStore};
use crate::error::BynderError;

/// How the client authenticates. An object (not a record or enum) so the secrets inside never
/// show up in a Kotlin data class's `toString()` or a Swift dump.
#[derive(uniffi::Object)]
pub struct Credentials {
    pub(crate) auth: Auth,
}

pub(crate) enum Auth {
    Permanent(String),
    ClientCredentials {
        client_id: String,
        client_secret: String,
        scopes: Vec<Scope>,
    },
    AuthorizationCode(OAuthApp),
}

/// Bynder's scope names (`asset:read`...) as typed scopes; an unknown one is an error.
pub(crate) fn parse_scopes(scopes: &[String]) -> Result<Vec<Scope>, BynderError> {
    scopes
        .iter()
        .map(|s| s.trim().parse::<Scope>().map_err(BynderError::from))
        .collect()
}

#[uniffi::export]
impl Credentials {
    /// A permanent token created in the portal (never expires).
    #[uniffi::constructor]
    pub fn permanent_token(token: String) -> Arc<Credentials> {
        Arc::new(Credentials {
            auth: Auth::Permanent(token),
        })
    }

    /// OAuth2 client credentials (server-to-server); `scopes` in Bynder's spelling, e.g.
    /// `["asset:read", "collection:read"]`.
    #[uniffi::constructor]
    pub fn client_credentials(
        client_id: String,
        client_secret: String,
        scopes: Vec<String>,
    ) -> Result<Arc<Credentials>, BynderError> {
        if scopes.is_empty() {
            return Err(BynderError::invalid_argument(
                "client credentials need scopes, e.g. [\"asset:read\"]",
            ));
        }
        Ok(Arc::new(Credentials {
            auth: Auth::ClientCredentials {
                client_id,
                client_secret,
                scopes: parse_scopes(&scopes)?,
            },
        }))
    }

    /// The authorization-code flow with PKCE: `BynderClient.authorizationRequest(..)`, then
    /// `exchangeCode(..)`. A public app (mobile) passes no secret.
    #[uniffi::constructor(default(client_secret = None))]
    pub fn authorization_code(
        client_id: String,
        redirect_uri: String,
        client_secret: Option<String>,
    ) -> Arc<Credentials> {
        let mut app = OAuthApp::new(client_id).redirect_uri(redirect_uri);
        if let Some(secret) = client_secret {
            app = app.client_secret(secret);
        }
        Arc::new(Credentials {
            auth: Auth::AuthorizationCode(app),
        })
    }
}

/// How the client paces its requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RateLimit {
    /// Bynder's limit (4500 requests per 5 minutes, 15 per second), shared by every client of
    /// the portal in the process. The default.
    Bynder,
    /// No pacing: only for a local portal without a limit (`bynder-mock --no-rate-limit`).
    Unlimited,
}

/// Which upload flow to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum UploadFlow {
    /// The Files Service (`/v7/file_cmds`). The default.
    FilesService,
    /// The older S3 flow, for portals without the Files Service.
    S3,
}

impl From<UploadFlow> for bynder::transfer::UploadFlow {
    fn from(flow: UploadFlow) -> Self {
        match flow {
            UploadFlow::FilesService => bynder::transfer::UploadFlow::FilesService,
            UploadFlow::S3 => bynder::transfer::UploadFlow::S3,
        }
    }
}

/// Everything a `BynderClient` is built from. Only `portal_url` and `credentials` are needed.
#[derive(uniffi::Record)]
pub struct ClientConfig {
    /// `https://acme.bynder.com` (a bare host means https; plain http only for local portals).
    pub portal_url: String,
    /// How to authenticate.
    pub credentials: Arc<Credentials>,
    /// A stored token to resume the authorization-code flow with (else the store's `load`).
    #[uniffi(default = None)]
    pub token: Option<Arc<Token>>,
    /// Receives every new token, and gives the stored one back.
    #[uniffi(default = None)]
    pub token_store: Option<Arc<dyn TokenStore>>,
    /// An extra trusted certificate in PEM (e.g. `bynder-mock --tls --cert-out`'s).
    #[uniffi(default = None)]
    pub ca_pem: Option<String>,
    /// Timeout of each HTTP request; 60 s when not given.
    #[uniffi(default = None)]
    pub timeout: Option<Duration>,
    /// Attempts per request, the first included (1 = never retry); 4 when not given.
    #[uniffi(default = None)]
    pub max_attempts: Option<u32>,
    /// Request pacing; Bynder's limit when not given.
    #[uniffi(default = None)]
    pub rate_limit: Option<RateLimit>,
    /// The default upload flow; the Files Service when not given.
    #[uniffi(default = None)]
    pub upload_flow: Option<UploadFlow>,
    /// The `User-Agent` header.
    #[uniffi(default = None)]
    pub user_agent: Option<String>,
}

impl ClientConfig {
    /// The core client this configuration describes.
    pub(crate) fn build(&self) -> Result<Client, BynderError> {
        let mut builder = Client::builder(self.portal_url.clone());
        builder = match &self.credentials.auth {
            Auth::Permanent(token) => builder.permanent_token(token.as_str()),
            Auth::ClientCredentials {
                client_id,
                client_secret,
                scopes,
            } => builder.client_credentials(client_id.as_str(), client_secret.as_str(), scopes),
            Auth::AuthorizationCode(app) => match self.stored_token()? {
                Some(token) => builder.oauth_token(app.clone(), token),
                None => builder.oauth_app(app.clone()),
            },
        };
        if let Some(timeout) = self.timeout {
            if timeout.is_zero() {
                return Err(BynderError::invalid_argument("timeout must be above zero"));
            }
            builder = builder.timeout(timeout);
        }
        if let Some(attempts) = self.max_attempts {
            if attempts == 0 {
                return Err(BynderError::invalid_argument(
                    "max_attempts must be at least 1 (1 means no retries)",
                ));
            }
            builder = builder.retry(RetryPolicy {
                max_attempts: attempts,
                ..RetryPolicy::default()
            });
        }
        if self.rate_limit == Some(RateLimit::Unlimited) {
            // Its own limiter: an unlimited policy must not become the shared one of the portal.
            builder = builder.rate_limiter(Arc::new(RateLimiter::new(
                RateLimitPolicy::unlimited(),
                Arc::new(MemoryStore::new()),
                bynder::time::system(),
            )));
        }
        if let Some(flow) = self.upload_flow {
            builder = builder.upload_flow(flow.into());
        }
        if let Some(agent) = &self.user_agent {
            builder = builder.user_agent(agent.as_str());
        }
        if let Some(pem) = &self.ca_pem {
            // reqwest accepts text without any certificate in it; say so here instead of
            // failing later with a TLS error that does not name the cause.
            if !pem.contains("-----BEGIN CERTIFICATE-----") {
                return Err(BynderError::invalid_argument(
                    "ca_pem holds no PEM certificate (-----BEGIN CERTIFICATE----- ...)",
                ));
            }
            builder = builder.root_certificate_pem(pem.as_bytes().to_vec());
        }
        if let Some(store) = &self.token_store {
            let store = store.clone();
            builder = builder.on_token(move |token| {
                // A failing store must not fail the call that renewed the token.
                let _ = store.save(Token::new(token.clone()));
            });
        }
        Ok(builder.build()?)
    }

    /// The token to resume the authorization-code flow with: the config's, else the store's.
    fn stored_token(&self) -> Result<Option<bynder::auth::Token>, BynderError> {
        if let Some(token) = &self.token {
            return Ok(Some(token.inner.clone()));
        }
        match &self.token_store {
            None => Ok(None),
            Some(store) => store
                .load()
                .map(|token| token.map(|t| t.inner.clone()))
                .map_err(|e| {
                    BynderError::invalid_argument(format!("the token store's load failed: {e}"))
                }),
        }
    }
}
