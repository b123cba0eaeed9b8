//! OAuth2 access tokens: HS256 JWTs signed with a random per-portal secret, like Bynder's
//! JWT access tokens (`reference/bynder-api.md` §2.1), plus a revocation set so a fault can
//! end a token before its `exp`.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user the token acts as (ColdFusion id).
    pub sub: String,
    /// Granted scopes, space-separated.
    pub scope: String,
    /// The OAuth2 client the token was issued to.
    pub client_id: String,
    /// Issued at (Unix seconds).
    pub iat: u64,
    /// Expires at (Unix seconds); the token is refused from this second on.
    pub exp: u64,
    /// Unique token id, the key of the revocation set.
    pub jti: String,
}

/// Signs, verifies and revokes access tokens.
pub struct TokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
    revoked: Mutex<HashSet<String>>,
}

impl std::fmt::Debug for TokenIssuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenIssuer")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl TokenIssuer {
    /// An issuer with a fresh random secret and the given token lifetime.
    pub fn new(ttl: Duration) -> TokenIssuer {
        let secret: [u8; 32] = rand::random();
        TokenIssuer {
            encoding: EncodingKey::from_secret(&secret),
            decoding: DecodingKey::from_secret(&secret),
            ttl,
            revoked: Mutex::new(HashSet::new()),
        }
    }

    /// The lifetime of the tokens this issuer signs.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Signs a token for `sub` with `scope` (space-separated) for `client_id`.
    pub fn issue(&self, sub: &str, scope: &str, client_id: &str) -> Result<String, String> {
        let now = unix_now();
        // Rounded up, so a token lives at least `ttl` even though `exp` has whole seconds.
        let exp = (now + self.ttl.as_secs_f64()).ceil() as u64;
        let claims = Claims {
            sub: sub.to_string(),
            scope: scope.to_string(),
            client_id: client_id.to_string(),
            iat: now as u64,
            exp,
            jti: uuid::Uuid::new_v4().to_string(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|err| format!("signing an access token: {err}"))
    }

    /// The claims of `token` when it is one of ours, unexpired and not revoked.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let claims = self.decode(token)?;
        let expired = unix_now() >= claims.exp as f64;
        (!expired && !self.is_revoked(&claims.jti)).then_some(claims)
    }

    /// The claims of `token` when its signature is ours, expired or not.
    pub fn decode(&self, token: &str) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        // Expiry is checked in `verify` with sub-second precision and no leeway, so a
        // one-second lifetime really ends after about a second.
        validation.validate_exp = false;
        validation.leeway = 0;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }

    /// Ends the token with id `jti` before its expiry.
    pub fn revoke(&self, jti: &str) {
        if let Ok(mut revoked) = self.revoked.lock() {
            revoked.insert(jti.to_string());
        }
    }

    /// Whether the token with id `jti` was revoked.
    pub fn is_revoked(&self, jti: &str) -> bool {
        self.revoked
            .lock()
            .map(|revoked| revoked.contains(jti))
            .unwrap_or(true)
    }
}

/// Seconds since the Unix epoch, with a fraction.
fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_and_carry_their_claims() {
        let issuer = TokenIssuer::new(Duration::from_secs(60));
        let token = issuer
            .issue("USER", "asset:read offline", "client")
            .unwrap();
        let claims = issuer.verify(&token).unwrap();
        assert_eq!(claims.sub, "USER");
        assert_eq!(claims.scope, "asset:read offline");
        assert_eq!(claims.client_id, "client");
        assert!(claims.exp >= claims.iat + 60);
    }

    #[test]
    fn foreign_and_revoked_tokens_fail() {
        let issuer = TokenIssuer::new(Duration::from_secs(60));
        let other = TokenIssuer::new(Duration::from_secs(60));
        let foreign = other.issue("USER", "asset:read", "client").unwrap();
        assert!(issuer.verify(&foreign).is_none());
        assert!(issuer.verify("not-a-jwt").is_none());

        let mine = issuer.issue("USER", "asset:read", "client").unwrap();
        issuer.revoke(&issuer.decode(&mine).unwrap().jti);
        assert!(issuer.verify(&mine).is_none());
        assert!(issuer.decode(&mine).is_some());
    }

    #[test]
    fn expired_tokens_fail() {
        let issuer = TokenIssuer::new(Duration::ZERO);
        let token = issuer.issue("USER", "asset:read", "client").unwrap();
        std::thread::sleep(Duration::from_millis(1100));
        assert!(issuer.verify(&token).is_none());
    }
}
