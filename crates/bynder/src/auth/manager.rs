//! Holds the credentials and the current token; renews it ahead of expiry and after a 401,
//! single-flight: concurrent callers that find the token stale wait for one renewal.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use http::{HeaderValue, header};
use tokio::sync::Mutex;

use super::{AuthorizationRequest, OAuthApp, Secret, Token};
use crate::client::portal::{Portal, transport_error};
use crate::client::response::{body_json, status_error};
use crate::error::{Error, ErrorKind};
use crate::ops::Method;
use crate::scope::{self, Scope};
use crate::time;

/// Called with every new token, so the caller can persist it.
pub type TokenSaver = Arc<dyn Fn(&Token) + Send + Sync>;

/// How the client authenticates.
#[derive(Clone)]
pub enum Credentials {
    /// No authentication (only OAuth discovery calls work).
    None,
    /// A permanent token from the portal's settings.
    PermanentToken(Secret),
    /// OAuth2 client credentials; renewed by asking again (there is no refresh token).
    ClientCredentials {
        /// The OAuth app (with its secret).
        app: OAuthApp,
        /// Scopes to ask for.
        scopes: Vec<Scope>,
    },
    /// OAuth2 authorization code: a token obtained by [`crate::Client::exchange_code`] or
    /// restored from storage, renewed with its refresh token.
    AuthorizationCode {
        /// The OAuth app.
        app: OAuthApp,
        /// The current token, if any yet.
        token: Option<Token>,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::None => f.write_str("None"),
            Credentials::PermanentToken(_) => f.write_str("PermanentToken([redacted])"),
            Credentials::ClientCredentials { app, scopes } => f
                .debug_struct("ClientCredentials")
                .field("app", app)
                .field("scopes", scopes)
                .finish(),
            Credentials::AuthorizationCode { app, token } => f
                .debug_struct("AuthorizationCode")
                .field("app", app)
                .field("token", token)
                .finish(),
        }
    }
}

/// Counters of token traffic.
#[derive(Debug, Default)]
pub(crate) struct AuthCounters {
    pub token_requests: AtomicU64,
}

/// The token state of one client (shared by its clones).
pub(crate) struct TokenManager {
    credentials: Credentials,
    token: Mutex<Option<Token>>,
    saver: Option<TokenSaver>,
    pub counters: AuthCounters,
}

impl fmt::Debug for TokenManager {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenManager")
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl TokenManager {
    pub fn new(credentials: Credentials, saver: Option<TokenSaver>) -> TokenManager {
        let token = match &credentials {
            Credentials::AuthorizationCode { token, .. } => token.clone(),
            _ => None,
        };
        TokenManager {
            credentials,
            token: Mutex::new(token),
            saver,
            counters: AuthCounters::default(),
        }
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Whether a 401 can be cured by getting a new token.
    pub fn renewable(&self) -> bool {
        matches!(
            self.credentials,
            Credentials::ClientCredentials { .. } | Credentials::AuthorizationCode { .. }
        )
    }

    /// The current token, if an OAuth2 one is held.
    pub async fn current(&self) -> Option<Token> {
        self.token.lock().await.clone()
    }

    /// The bearer value to send, renewing the token first when it is missing or stale.
    pub async fn bearer(&self, portal: &Portal) -> Result<Option<Secret>, Error> {
        match &self.credentials {
            Credentials::None => Ok(None),
            Credentials::PermanentToken(token) => Ok(Some(token.clone())),
            Credentials::ClientCredentials { .. } | Credentials::AuthorizationCode { .. } => {
                // Holding the lock across the renewal is the single flight: everyone else waits
                // here and then finds the fresh token.
                let mut slot = self.token.lock().await;
                let now = time::unix_now().as_secs();
                if let Some(token) = slot.as_ref().filter(|t| !t.needs_refresh(now)) {
                    return Ok(Some(token.access_token.clone()));
                }
                let fresh = self.renew(portal, slot.as_ref()).await?;
                let bearer = fresh.access_token.clone();
                self.store(&mut slot, fresh);
                Ok(Some(bearer))
            }
        }
    }

    /// Forgets the token `used` after the portal refused it (401), unless a newer one already
    /// replaced it.
    pub async fn invalidate(&self, used: &Secret) {
        let mut slot = self.token.lock().await;
        if let Some(token) = slot.as_mut().filter(|t| &t.access_token == used) {
            token.expires_at = Some(0);
        }
    }

    /// Exchanges an authorization code (authorization-code credentials only).
    pub async fn exchange_code(
        &self,
        portal: &Portal,
        request: &AuthorizationRequest,
        redirect: &str,
    ) -> Result<Token, Error> {
        let Credentials::AuthorizationCode { app, .. } = &self.credentials else {
            return Err(Error::invalid_argument(
                "exchange_code needs a client built with oauth_app(...)",
            ));
        };
        let response = request.parse_redirect(redirect)?;
        let mut form = vec![
            ("grant_type", "authorization_code".to_string()),
            ("code", response.code.expose().to_string()),
            ("redirect_uri", request.redirect_uri.clone()),
            ("code_verifier", request.pkce_verifier.expose().to_string()),
        ];
        form.push(("scope", scope::join(&request.scopes)));
        let token = self.token_request(portal, app, form, None).await?;
        let mut slot = self.token.lock().await;
        self.store(&mut slot, token.clone());
        Ok(token)
    }

    fn store(&self, slot: &mut Option<Token>, token: Token) {
        if let Some(saver) = &self.saver {
            saver(&token);
        }
        *slot = Some(token);
    }

    async fn renew(&self, portal: &Portal, old: Option<&Token>) -> Result<Token, Error> {
        match &self.credentials {
            Credentials::ClientCredentials { app, scopes } => {
                // Renewed with a new grant: a client-credentials token has no refresh token
                // (four of the five official SDKs wrongly send a refresh grant here).
                let mut form = vec![("grant_type", "client_credentials".to_string())];
                if !scopes.is_empty() {
                    form.push(("scope", scope::join(scopes)));
                }
                self.token_request(portal, app, form, None).await
            }
            Credentials::AuthorizationCode { app, .. } => {
                let refresh = old.and_then(|t| t.refresh_token.clone()).ok_or_else(|| {
                    Error::new(
                        ErrorKind::Authentication,
                        "the access token expired and there is no refresh token (ask for the \
                         `offline` scope, or authorize again)",
                    )
                })?;
                let form = vec![
                    ("grant_type", "refresh_token".to_string()),
                    ("refresh_token", refresh.expose().to_string()),
                ];
                self.token_request(portal, app, form, Some(refresh)).await
            }
            _ => Err(Error::new(
                ErrorKind::Internal,
                "these credentials have no token to renew",
            )),
        }
    }

    /// POSTs to the token endpoint. `keep_refresh` is carried into the new token when the
    /// response omits a refresh token (Bynder's refresh responses do).
    async fn token_request(
        &self,
        portal: &Portal,
        app: &OAuthApp,
        mut form: Vec<(&'static str, String)>,
        keep_refresh: Option<Secret>,
    ) -> Result<Token, Error> {
        form.push(("client_id", app.client_id.clone()));
        if let Some(secret) = &app.client_secret {
            form.push(("client_secret", secret.expose().to_string()));
        }
        let body = serde_urlencoded::to_string(&form).map_err(|e| {
            Error::new(
                ErrorKind::Internal,
                format!("cannot encode token form: {e}"),
            )
        })?;
        let mut request =
            portal.request(Method::Post, portal.url("/v6/authentication/oauth2/token")?);
        request.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        request.body = body.into();
        self.counters.token_requests.fetch_add(1, Ordering::Relaxed);
        let response = portal.send_once(request).await.map_err(transport_error)?;
        if !(200..300).contains(&response.status) {
            // The token endpoint's refusals (`invalid_grant`, `invalid_client`...) are OAuth
            // errors whatever their status; rate limits and server errors keep their kinds.
            let error = status_error(&response);
            return Err(match error.kind() {
                ErrorKind::RateLimited | ErrorKind::Server => error,
                _ => error.into_kind(ErrorKind::OAuth),
            });
        }
        let json = body_json(&response);
        let mut token = Token::from_response(&json, time::unix_now().as_secs())?;
        if token.refresh_token.is_none() {
            token.refresh_token = keep_refresh;
        }
        Ok(token)
    }
}
