//! `POST /v6/authentication/oauth2/token`: client authentication (form body or HTTP Basic)
//! and the three grants Bynder offers (`reference/bynder-api.md` §2.3-§2.6, §2.10).
//!
//! Like Bynder, a refresh answer carries no new refresh token (the old one stays valid), and
//! only an authorization code granted with `offline` yields a refresh token.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use bynder::Scope;
use sha2::{Digest, Sha256};

use crate::consent::unknown_scope;
use crate::oauth::{OAuthError, OAuthServer, RefreshGrant, no_store};
use crate::tokens::TokenIssuer;

/// A successful grant: the answer and the grant type, for the counters.
pub type Granted = (Response, &'static str);

impl OAuthServer {
    /// Answers a token request. `current_user` is the user client-credentials tokens act as.
    pub fn token(
        &self,
        issuer: &TokenIssuer,
        current_user: &str,
        headers: &HeaderMap,
        params: &[(String, String)],
    ) -> Result<Granted, OAuthError> {
        let get = |name: &str| form_value(params, name);
        let grant = get("grant_type").unwrap_or_default();
        // A public client (a browser or mobile app, which cannot keep a secret) sends only its
        // id; Bynder's authorization-code flow "is used by confidential and public clients",
        // and then PKCE stands in for the secret (`reference/bynder-api.md` §2.5).
        let public = !headers.contains_key(header::AUTHORIZATION)
            && get("client_secret").is_none()
            && matches!(grant, "authorization_code" | "refresh_token");
        if public {
            self.identify_public_client(params)?;
        } else {
            self.authenticate_client(headers, params)?;
        }
        match grant {
            "authorization_code" => self.exchange_code(issuer, params, public),
            "refresh_token" => self.refresh(issuer, params),
            "client_credentials" => {
                let allowed: Vec<String> = Scope::ALL
                    .iter()
                    .filter(|s| **s != Scope::Offline)
                    .map(|s| s.as_str().to_string())
                    .collect();
                let scopes = narrow(get("scope"), &allowed, true)?;
                // Without a requested scope the answer leaves `scope` out (RFC 6749 §5.1 makes
                // it optional): the official Python SDK does not send its configured scopes
                // with this grant, and oauthlib raises "Scope has changed" when the answer
                // names scopes other than those (`reference/official-sdks.md` §6, §7.3).
                let echo = get("scope").is_some_and(|s| !s.trim().is_empty());
                let response = self.issue(issuer, current_user, &scopes, None, echo)?;
                Ok((response, "client_credentials"))
            }
            "" => Err(OAuthError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required.",
            )),
            other => Err(OAuthError::new(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                format!("grant_type {other:?} is not supported."),
            )),
        }
    }

    /// A public client names itself with `client_id` only.
    fn identify_public_client(&self, params: &[(String, String)]) -> Result<(), OAuthError> {
        if form_value(params, "client_id") == Some(self.registration.client_id.as_str()) {
            return Ok(());
        }
        Err(OAuthError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.",
        ))
    }

    /// Checks the client id and secret, from the Basic header or else the form body.
    fn authenticate_client(
        &self,
        headers: &HeaderMap,
        params: &[(String, String)],
    ) -> Result<(), OAuthError> {
        let get = |name: &str| form_value(params, name).map(str::to_string);
        let basic = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
            .map(|(_, encoded)| encoded.trim().to_string());
        let credentials = match &basic {
            Some(encoded) => decode_basic(encoded),
            None => get("client_id").zip(get("client_secret")),
        };
        let valid = credentials.is_some_and(|(id, secret)| {
            id == self.registration.client_id && secret == self.client_secret
        });
        if valid {
            return Ok(());
        }
        let mut error = OAuthError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.",
        );
        error.basic_challenge = basic.is_some();
        Err(error)
    }

    fn exchange_code(
        &self,
        issuer: &TokenIssuer,
        params: &[(String, String)],
        public: bool,
    ) -> Result<Granted, OAuthError> {
        let get = |name: &str| form_value(params, name);
        let code = get("code").filter(|c| !c.is_empty()).ok_or_else(|| {
            OAuthError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "code is required.",
            )
        })?;
        let pending = self
            .take_code(code)
            .ok_or_else(|| invalid_grant("The authorization code is invalid, used or expired."))?;
        let request = &pending.request;
        let client_id = self.registration.client_id.as_str();
        if request.client_id != client_id {
            return Err(invalid_grant(
                "The authorization code was issued to another client.",
            ));
        }
        if get("redirect_uri").is_some_and(|uri| uri != request.redirect_uri) {
            return Err(invalid_grant(
                "redirect_uri does not match the authorization request.",
            ));
        }
        if public && request.pkce.is_none() {
            return Err(OAuthError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "A client without a secret must use PKCE.",
            ));
        }
        if let Some((challenge, method)) = &request.pkce {
            let verifier = get("code_verifier").unwrap_or_default();
            let computed = match method.as_str() {
                "S256" => URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
                _ => verifier.to_string(),
            };
            if verifier.is_empty() || computed != *challenge {
                return Err(invalid_grant(
                    "The PKCE code_verifier does not match the code_challenge.",
                ));
            }
        }
        let scopes = narrow(get("scope"), &request.scopes, false)?;
        let refresh = scopes
            .iter()
            .any(|s| s == Scope::Offline.as_str())
            .then(|| {
                self.new_refresh_token(RefreshGrant {
                    client_id: client_id.to_string(),
                    user_id: pending.user_id.clone(),
                    scopes: scopes.clone(),
                })
            });
        let response = self.issue(issuer, &pending.user_id, &scopes, refresh, true)?;
        Ok((response, "authorization_code"))
    }

    fn refresh(
        &self,
        issuer: &TokenIssuer,
        params: &[(String, String)],
    ) -> Result<Granted, OAuthError> {
        let get = |name: &str| form_value(params, name);
        // The official Python and JS SDKs send this grant with no or an empty refresh token
        // when a client-credentials token expires; Bynder refuses it.
        let token = get("refresh_token")
            .filter(|t| !t.is_empty())
            .ok_or_else(|| invalid_grant("refresh_token is missing or empty."))?;
        let grant = self
            .refresh_tokens
            .lock()
            .ok()
            .and_then(|tokens| tokens.get(token).cloned())
            .ok_or_else(|| invalid_grant("The refresh token is invalid or revoked."))?;
        if grant.client_id != self.registration.client_id {
            return Err(invalid_grant(
                "The refresh token was issued to another client.",
            ));
        }
        let scopes = narrow(get("scope"), &grant.scopes, false)?;
        let response = self.issue(issuer, &grant.user_id, &scopes, None, true)?;
        Ok((response, "refresh_token"))
    }

    fn issue(
        &self,
        issuer: &TokenIssuer,
        user_id: &str,
        scopes: &[String],
        refresh_token: Option<String>,
        echo_scope: bool,
    ) -> Result<Response, OAuthError> {
        let scope = scopes.join(" ");
        let access_token = issuer
            .issue(user_id, &scope, &self.registration.client_id)
            .map_err(|err| {
                OAuthError::new(StatusCode::INTERNAL_SERVER_ERROR, "server_error", err)
            })?;
        let mut body = serde_json::json!({
            "access_token": access_token,
            "token_type": "bearer",
            "expires_in": issuer.ttl().as_secs(),
        });
        if echo_scope {
            body["scope"] = scope.into();
        }
        if let Some(refresh_token) = refresh_token {
            body["refresh_token"] = refresh_token.into();
        }
        let mut response = axum::Json(body).into_response();
        no_store(response.headers_mut());
        Ok(response)
    }
}

/// The scopes granted when a request asks for `requested` (space-separated) out of
/// `allowed`: all of `allowed` when absent, else the request, which must be a subset (any
/// known scope when `any_known`).
fn narrow(
    requested: Option<&str>,
    allowed: &[String],
    any_known: bool,
) -> Result<Vec<String>, OAuthError> {
    let requested: Vec<String> = requested
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if requested.is_empty() {
        return Ok(allowed.to_vec());
    }
    if let Some(unknown) = unknown_scope(&requested) {
        return Err(OAuthError::new(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            format!("Unknown scope {unknown:?}."),
        ));
    }
    if !any_known && let Some(extra) = requested.iter().find(|s| !allowed.contains(s)) {
        return Err(OAuthError::new(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            format!("Scope {extra:?} was not granted to this authorization."),
        ));
    }
    Ok(requested)
}

/// `id:secret` from a Basic credential; both parts are form-url-encoded (RFC 6749 §2.3.1).
fn decode_basic(encoded: &str) -> Option<(String, String)> {
    let decoded = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape = |part: &str| {
        let spaced = part.replace('+', " ");
        percent_encoding::percent_decode_str(&spaced)
            .decode_utf8_lossy()
            .into_owned()
    };
    Some((unescape(id), unescape(secret)))
}

/// The first value of form field `name` of a token request.
fn form_value<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// RFC 6749's answer to a code or refresh token that is unknown, used or expired.
fn invalid_grant(why: &str) -> OAuthError {
    OAuthError::new(StatusCode::BAD_REQUEST, "invalid_grant", why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_url_decoded() {
        let encoded = STANDARD.encode("my%20id:s%3Acret+x");
        assert_eq!(
            decode_basic(&encoded),
            Some(("my id".into(), "s:cret x".into()))
        );
        assert_eq!(decode_basic("%%%"), None);
    }

    #[test]
    fn scope_narrowing_takes_subsets_only() {
        let allowed = vec!["offline".to_string(), "asset:read".to_string()];
        assert_eq!(narrow(None, &allowed, false).unwrap(), allowed);
        assert_eq!(
            narrow(Some("asset:read"), &allowed, false).unwrap(),
            vec!["asset:read"]
        );
        assert_eq!(
            narrow(Some("asset:write"), &allowed, false)
                .unwrap_err()
                .status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            narrow(Some("asset:write"), &allowed, true).unwrap(),
            vec!["asset:write"]
        );
        assert_eq!(
            narrow(Some("asset:fly"), &allowed, true)
                .unwrap_err()
                .status,
            StatusCode::BAD_REQUEST
        );
    }
}
