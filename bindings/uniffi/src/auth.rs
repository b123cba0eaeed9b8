//! OAuth2 objects: tokens, the pending authorization request, and the token store the app
//! implements in Kotlin or Swift.
//!
//! Tokens and requests are objects, not records: a record becomes a Kotlin data class whose
//! `toString()` would print the access token, refresh token or PKCE verifier into logs.

use std::fmt;
use std::sync::Arc;

use crate::error::{BynderError, CallbackError};

/// An OAuth2 token set. Persist it with `toJson()` (it contains secrets: store it like a
/// password) and resume with `Token.fromJson(..)`.
#[derive(uniffi::Object)]
#[uniffi::export(Display, Debug)]
pub struct Token {
    pub(crate) inner: bynder::auth::Token,
}

impl Token {
    pub(crate) fn new(inner: bynder::auth::Token) -> Arc<Token> {
        Arc::new(Token { inner })
    }
}

#[uniffi::export]
impl Token {
    /// Rebuilds a token saved with `toJson()`.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Token>, BynderError> {
        serde_json::from_str(&json)
            .map(Token::new)
            .map_err(|e| BynderError::invalid_argument(format!("not a saved token: {e}")))
    }

    /// The token as JSON: `access_token`, `refresh_token`, `issued_at`, `expires_at`, `scope`.
    pub fn to_json(&self) -> Result<String, BynderError> {
        serde_json::to_string(&self.inner)
            .map_err(|e| BynderError::internal(format!("cannot encode the token: {e}")))
    }

    /// The bearer access token. Never log it.
    pub fn access_token(&self) -> String {
        self.inner.access_token.expose().to_string()
    }

    /// The refresh token, when `offline` was granted. Never log it.
    pub fn refresh_token(&self) -> Option<String> {
        self.inner
            .refresh_token
            .as_ref()
            .map(|t| t.expose().to_string())
    }

    /// Seconds since the Unix epoch when the token was issued.
    pub fn issued_at(&self) -> u64 {
        self.inner.issued_at
    }

    /// Seconds since the Unix epoch when the access token expires, if known.
    pub fn expires_at(&self) -> Option<u64> {
        self.inner.expires_at
    }

    /// The granted scopes, in Bynder's spelling.
    pub fn scopes(&self) -> Vec<String> {
        self.inner
            .scope
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }
}

/// Shows what a token is without its secrets.
impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Token(scope={:?}, expires_at={:?}, refresh_token={})",
            self.inner.scope,
            self.inner.expires_at,
            if self.inner.refresh_token.is_some() {
                "[redacted]"
            } else {
                "none"
            }
        )
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Where the app keeps tokens, implemented in Kotlin or Swift. `load` is asked once when a
/// client with authorization-code credentials is built (unless the config carries a token);
/// `save` receives every new token (after a code exchange, a refresh, a client-credentials
/// grant). Both run on a library thread; keep them quick. Anything they throw is reported as
/// `CallbackException`/`CallbackError` and never crashes the process: a failing `load` fails
/// the client's construction, a failing `save` is ignored (the client keeps the token).
#[uniffi::export(with_foreign)]
pub trait TokenStore: Send + Sync {
    /// The stored token, or none.
    fn load(&self) -> Result<Option<Arc<Token>>, CallbackError>;
    /// Keeps a new token.
    fn save(&self, token: Arc<Token>) -> Result<(), CallbackError>;
}

/// One authorization attempt: send the user to `url()`, keep this object (or `toJson()`, which
/// holds the PKCE verifier: keep it server-side or in secure storage) until the redirect comes
/// back, then pass both to `BynderClient.exchangeCode`.
#[derive(uniffi::Object)]
#[uniffi::export(Display, Debug)]
pub struct AuthorizationRequest {
    pub(crate) inner: bynder::auth::AuthorizationRequest,
}

#[uniffi::export]
impl AuthorizationRequest {
    /// Rebuilds a request saved with `toJson()`.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<AuthorizationRequest>, BynderError> {
        let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| {
            BynderError::invalid_argument(format!("not a saved authorization request: {e}"))
        })?;
        let inner = bynder::auth::AuthorizationRequest::from_json(&value)?;
        Ok(Arc::new(AuthorizationRequest { inner }))
    }

    /// The consent page to open in a browser or web view.
    pub fn url(&self) -> String {
        self.inner.url.to_string()
    }

    /// The `state` sent; the redirect must carry the same one.
    pub fn state(&self) -> String {
        self.inner.state.expose().to_string()
    }

    /// The redirect URI the portal will send the user back to.
    pub fn redirect_uri(&self) -> String {
        self.inner.redirect_uri.clone()
    }

    /// The scopes asked for.
    pub fn scopes(&self) -> Vec<String> {
        self.inner.scopes.iter().map(ToString::to_string).collect()
    }

    /// Everything needed to finish the flow elsewhere (contains the PKCE verifier).
    pub fn to_json(&self) -> String {
        self.inner.to_json().to_string()
    }
}

impl fmt::Display for AuthorizationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthorizationRequest(url={})", self.inner.url)
    }
}

impl fmt::Debug for AuthorizationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_print_without_secrets_and_round_trip_through_json() {
        let json = r#"{"access_token":"secret-access","refresh_token":"secret-refresh","issued_at":10,"expires_at":3610,"scope":"offline asset:read"}"#;
        let token = Token::from_json(json.to_string()).unwrap();
        let shown = format!("{token} {token:?}");
        assert!(!shown.contains("secret-"), "{shown}");
        assert_eq!(token.scopes(), ["offline", "asset:read"]);
        let again = Token::from_json(token.to_json().unwrap()).unwrap();
        assert_eq!(again.access_token(), "secret-access");
        assert_eq!(again.refresh_token().as_deref(), Some("secret-refresh"));
        assert_eq!(Token::from_json("{}".into()).unwrap_err().code(), 1);
    }
}
