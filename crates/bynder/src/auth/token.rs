//! OAuth2 tokens: decoding the token endpoint's answer, expiry, persistence shape.

use std::time::Duration;

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Secret;
use crate::error::{Error, ErrorKind};
use crate::scope::{self, Scope};

/// Refresh at most this long before expiry (Java and C# SDKs use 15 s; a little more leaves room
/// for a slow token request).
const MAX_REFRESH_AHEAD: Duration = Duration::from_secs(30);

/// An OAuth2 token set as the portal issued it. Serializable so a token-saver callback can
/// persist it and [`crate::client::ClientBuilder::oauth_token`] can resume with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The bearer access token (a JWT).
    pub access_token: Secret,
    /// The refresh token, when `offline` was granted. Bynder omits it from refresh responses,
    /// so it is carried over from the previous token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Secret>,
    /// Seconds since the Unix epoch when the token was issued (by our clock).
    #[serde(default)]
    pub issued_at: u64,
    /// Seconds since the Unix epoch when the access token expires, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// The scopes granted, space-separated as Bynder sends them.
    #[serde(default)]
    pub scope: String,
}

impl Token {
    /// Decodes a token endpoint response. Expiry comes from `expires_in`, or from the JWT `exp`
    /// claim, whichever is sooner.
    pub fn from_response(body: &Value, now_unix: u64) -> Result<Token, Error> {
        let access = body
            .get("access_token")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::new(ErrorKind::Decode, "token response has no access_token"))?;
        let expires_in = match body.get("expires_in") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.parse().ok(),
            _ => None,
        };
        let from_ttl = expires_in.map(|secs| now_unix + secs);
        let expires_at = match (from_ttl, jwt_expiry(access)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Ok(Token {
            access_token: Secret::new(access),
            refresh_token: body
                .get("refresh_token")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(Secret::new),
            issued_at: now_unix,
            expires_at,
            scope: body
                .get("scope")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
    }

    /// The granted scopes this crate knows.
    pub fn scopes(&self) -> Vec<Scope> {
        scope::parse_lenient(&self.scope)
    }

    /// Whether the token should be renewed before use at `now_unix`: it expired, or expires
    /// within the refresh margin (30 s, or a quarter of its lifetime for short-lived tokens).
    pub fn needs_refresh(&self, now_unix: u64) -> bool {
        let Some(expires_at) = self.expires_at else {
            return false;
        };
        let lifetime = expires_at.saturating_sub(self.issued_at);
        let ahead = MAX_REFRESH_AHEAD.as_secs().min(lifetime / 4);
        now_unix + ahead >= expires_at
    }
}

/// The `exp` claim of a JWT, read without verifying the signature (only the portal can verify
/// it; we only want to know when to refresh).
pub fn jwt_expiry(token: &str) -> Option<u64> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    claims.get("exp")?.as_u64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jwt_with_exp(exp: u64) -> String {
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            engine.encode(br#"{"alg":"HS256"}"#),
            engine.encode(json!({ "exp": exp }).to_string())
        )
    }

    #[test]
    fn expiry_is_the_sooner_of_expires_in_and_exp() {
        let body = json!({"access_token": jwt_with_exp(1_000_500), "expires_in": 3600, "scope": "offline asset:read"});
        let token = Token::from_response(&body, 1_000_000).unwrap();
        assert_eq!(token.expires_at, Some(1_000_500));
        assert_eq!(token.scopes(), vec![Scope::Offline, Scope::AssetRead]);
        let body = json!({"access_token": "opaque", "expires_in": "60"});
        assert_eq!(
            Token::from_response(&body, 10).unwrap().expires_at,
            Some(70)
        );
    }

    #[test]
    fn refresh_margin_scales_with_lifetime() {
        let token = Token {
            access_token: Secret::new("a"),
            refresh_token: None,
            issued_at: 0,
            expires_at: Some(3600),
            scope: String::new(),
        };
        assert!(!token.needs_refresh(3569));
        assert!(token.needs_refresh(3570));
        let short = Token {
            expires_at: Some(4),
            ..token
        };
        assert!(!short.needs_refresh(2));
        assert!(short.needs_refresh(3));
    }

    #[test]
    fn missing_access_token_is_a_decode_error_and_secrets_stay_hidden() {
        let err = Token::from_response(&json!({"token_type": "bearer"}), 0).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let token = Token::from_response(
            &json!({"access_token": "AT-SECRET", "refresh_token": "RT-SECRET"}),
            0,
        )
        .unwrap();
        let debug = format!("{token:?}");
        assert!(
            !debug.contains("AT-SECRET") && !debug.contains("RT-SECRET"),
            "{debug}"
        );
    }
}
