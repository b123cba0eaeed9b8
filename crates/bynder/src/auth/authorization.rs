//! The authorization-code flow: building the consent URL with `state` and PKCE (S256), and
//! checking what comes back to the redirect URI.

use std::fmt;

use oauth2::{CsrfToken, PkceCodeChallenge};
use serde_json::{Value, json};
use url::Url;

use super::Secret;
use crate::error::{Error, ErrorKind};
use crate::scope::{self, Scope};

/// An OAuth2 app registered in the portal.
#[derive(Clone)]
pub struct OAuthApp {
    /// The app's client id.
    pub client_id: String,
    /// The client secret; `None` for public clients (browsers, mobile) that rely on PKCE.
    pub client_secret: Option<Secret>,
    /// The redirect URI registered for the app.
    pub redirect_uri: Option<String>,
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

impl OAuthApp {
    /// An app with a client id and nothing else yet.
    pub fn new(client_id: impl Into<String>) -> OAuthApp {
        OAuthApp {
            client_id: client_id.into(),
            client_secret: None,
            redirect_uri: None,
        }
    }

    /// Sets the client secret (confidential clients).
    pub fn client_secret(mut self, secret: impl Into<Secret>) -> OAuthApp {
        self.client_secret = Some(secret.into());
        self
    }

    /// Sets the redirect URI.
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> OAuthApp {
        self.redirect_uri = Some(uri.into());
        self
    }
}

/// One authorization attempt: the URL to send the user to, and what must be kept until the
/// redirect comes back (`state` to check, the PKCE verifier for the code exchange).
#[derive(Debug, Clone)]
pub struct AuthorizationRequest {
    /// Where to send the user.
    pub url: Url,
    /// The `state` sent; the redirect must carry the same.
    pub state: Secret,
    /// The PKCE code verifier, sent with the code exchange.
    pub pkce_verifier: Secret,
    /// The redirect URI used (the token request must repeat it).
    pub redirect_uri: String,
    /// The scopes asked for.
    pub scopes: Vec<Scope>,
}

/// What the portal sent to the redirect URI.
#[derive(Debug, Clone)]
pub struct AuthorizationResponse {
    /// The authorization code.
    pub code: Secret,
    /// The `state` returned.
    pub state: String,
}

impl AuthorizationRequest {
    /// Everything needed to finish the flow later or elsewhere (a web app's session, a
    /// browser's `sessionStorage`) as JSON: `url`, `state`, `pkce_verifier`, `redirect_uri`,
    /// `scopes`. It holds the PKCE verifier: keep it where the user's session is kept.
    pub fn to_json(&self) -> Value {
        json!({
            "url": self.url.as_str(),
            "state": self.state.expose(),
            "pkce_verifier": self.pkce_verifier.expose(),
            "redirect_uri": self.redirect_uri,
            "scopes": self.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        })
    }

    /// Rebuilds a request saved with [`AuthorizationRequest::to_json`].
    pub fn from_json(value: &Value) -> Result<AuthorizationRequest, Error> {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| {
                    Error::invalid_argument(format!("the authorization request lacks {key:?}"))
                })
        };
        let url = Url::parse(&text("url")?)
            .map_err(|e| Error::invalid_argument(format!("authorization request url: {e}")))?;
        let scopes = value
            .get("scopes")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|s| s.as_str()?.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        Ok(AuthorizationRequest {
            url,
            state: Secret::new(text("state")?),
            pkce_verifier: Secret::new(text("pkce_verifier")?),
            redirect_uri: text("redirect_uri")?,
            scopes,
        })
    }

    /// Builds the consent URL for `app` on `portal` with a fresh `state` and PKCE S256 pair.
    pub fn new(
        portal: &Url,
        app: &OAuthApp,
        scopes: &[Scope],
    ) -> Result<AuthorizationRequest, Error> {
        let redirect_uri = app.redirect_uri.clone().ok_or_else(|| {
            Error::invalid_argument(
                "the OAuth app needs a redirect_uri for the authorization-code flow",
            )
        })?;
        if scopes.is_empty() {
            return Err(Error::invalid_argument("ask for at least one scope"));
        }
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let state = CsrfToken::new_random();
        let mut url = portal.join("/v6/authentication/oauth2/auth").map_err(|e| {
            Error::invalid_argument(format!("cannot build the authorization URL: {e}"))
        })?;
        url.query_pairs_mut()
            .append_pair("client_id", &app.client_id)
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("response_type", "code")
            .append_pair("scope", &scope::join(scopes))
            .append_pair("state", state.secret())
            .append_pair("code_challenge", challenge.as_str())
            .append_pair("code_challenge_method", challenge.method().as_str());
        Ok(AuthorizationRequest {
            url,
            state: Secret::new(state.secret().as_str()),
            pkce_verifier: Secret::new(verifier.secret().as_str()),
            redirect_uri,
            scopes: scopes.to_vec(),
        })
    }

    /// Reads the redirect the portal sent the user to (the full URL, or just its query), checks
    /// `state`, and returns the code. A portal error (`error=access_denied`) becomes
    /// [`ErrorKind::OAuth`]; a different `state` becomes [`ErrorKind::OAuthState`].
    pub fn parse_redirect(&self, redirect: &str) -> Result<AuthorizationResponse, Error> {
        let query = redirect.split_once('?').map_or(redirect, |(_, q)| q);
        let query = query.split('#').next().unwrap_or_default();
        let mut code = None;
        let mut state = None;
        let mut error = None;
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "code" => code = Some(value.into_owned()),
                "state" => state = Some(value.into_owned()),
                "error" => error = Some(value.into_owned()),
                _ => {}
            }
        }
        let state = state.unwrap_or_default();
        if state != self.state.expose() {
            return Err(Error::new(
                ErrorKind::OAuthState,
                "the redirect's state does not match the one sent: possible CSRF, start again",
            ));
        }
        if let Some(error) = error {
            return Err(Error::new(
                ErrorKind::OAuth,
                format!("authorization refused: {error}"),
            ));
        }
        let code =
            code.ok_or_else(|| Error::new(ErrorKind::OAuth, "the redirect carries no code"))?;
        Ok(AuthorizationResponse {
            code: Secret::new(code),
            state,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> AuthorizationRequest {
        let portal = Url::parse("https://acme.bynder.com").unwrap();
        let app = OAuthApp::new("cid").redirect_uri("http://127.0.0.1:9999/cb");
        AuthorizationRequest::new(&portal, &app, &[Scope::Offline, Scope::AssetRead]).unwrap()
    }

    #[test]
    fn url_carries_state_pkce_and_space_separated_scopes() {
        let req = request();
        let pairs: std::collections::HashMap<_, _> = req.url.query_pairs().into_owned().collect();
        assert_eq!(req.url.path(), "/v6/authentication/oauth2/auth");
        assert_eq!(pairs["scope"], "offline asset:read");
        assert_eq!(pairs["code_challenge_method"], "S256");
        assert_eq!(pairs["state"], req.state.expose());
        assert_eq!(pairs["response_type"], "code");
        assert!(pairs["code_challenge"].len() >= 43);
        assert_ne!(
            request().state.expose(),
            req.state.expose(),
            "state must be random"
        );
    }

    #[test]
    fn a_saved_request_comes_back_whole() {
        let req = request();
        let again = AuthorizationRequest::from_json(&req.to_json()).unwrap();
        assert_eq!(again.url, req.url);
        assert_eq!(again.state.expose(), req.state.expose());
        assert_eq!(again.pkce_verifier.expose(), req.pkce_verifier.expose());
        assert_eq!(again.scopes, req.scopes);
        let err = AuthorizationRequest::from_json(&json!({"url": "x"})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    }

    #[test]
    fn redirect_state_is_checked() {
        let req = request();
        let ok = format!(
            "http://127.0.0.1:9999/cb?code=C1&state={}",
            req.state.expose()
        );
        assert_eq!(req.parse_redirect(&ok).unwrap().code.expose(), "C1");
        let forged = req
            .parse_redirect("http://127.0.0.1:9999/cb?code=C1&state=evil")
            .unwrap_err();
        assert_eq!(forged.kind(), ErrorKind::OAuthState);
        let denied = format!("error=access_denied&state={}", req.state.expose());
        assert_eq!(
            req.parse_redirect(&denied).unwrap_err().kind(),
            ErrorKind::OAuth
        );
    }

    #[test]
    fn missing_redirect_uri_or_scopes_are_invalid_arguments() {
        let portal = Url::parse("https://acme.bynder.com").unwrap();
        let err = AuthorizationRequest::new(&portal, &OAuthApp::new("c"), &[Scope::AssetRead])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        let app = OAuthApp::new("c").redirect_uri("http://x/cb");
        assert_eq!(
            AuthorizationRequest::new(&portal, &app, &[])
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidArgument
        );
    }
}
