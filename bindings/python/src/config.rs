//! What a Python `Client(...)` was constructed with, kept so the core client can be built again
//! in a forked child (with the newest token, not the one it started with).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use bynder::auth::{OAuthApp, Token};
use bynder::ratelimit::{MemoryStore, RateLimitPolicy, RateLimiter};
use bynder::retry::RetryPolicy;
use bynder::transfer::UploadFlow;
use bynder::{Client, Error, Scope};

/// How the client authenticates.
#[derive(Clone, Debug)]
pub enum Auth {
    None,
    Permanent(String),
    ClientCredentials {
        client_id: String,
        client_secret: String,
        scopes: Vec<Scope>,
    },
    AuthorizationCode {
        app: OAuthApp,
        token: Option<Token>,
    },
}

/// Every new token the core hands out: the newest (to rebuild after a fork) and, when Python
/// asked for them, the ones not yet delivered to its callback.
#[derive(Debug, Default)]
pub struct TokenLog {
    pub latest: Mutex<Option<Token>>,
    pub undelivered: Mutex<Vec<Token>>,
    pub deliver: bool,
}

impl TokenLog {
    fn record(&self, token: &Token) {
        *self.latest.lock().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        if self.deliver {
            self.undelivered
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(token.clone());
        }
    }

    /// Takes the tokens the Python callback has not seen yet.
    pub fn take_undelivered(&self) -> Vec<Token> {
        if !self.deliver {
            return Vec::new();
        }
        std::mem::take(
            &mut *self
                .undelivered
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }
}

/// The constructor's arguments, parsed.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub portal: String,
    pub auth: Auth,
    pub timeout: Duration,
    pub user_agent: Option<String>,
    pub retry: RetryPolicy,
    pub rate_limit: RateLimitPolicy,
    pub root_certificates: Vec<Vec<u8>>,
    pub upload_flow: Option<UploadFlow>,
    pub tokens: Arc<TokenLog>,
}

impl ClientConfig {
    /// Builds a core client; after a fork the authorization-code flow resumes with the newest
    /// token the parent had.
    pub fn build(&self) -> Result<Client, Error> {
        let mut builder = Client::builder(self.portal.clone())
            .timeout(self.timeout)
            .retry(self.retry);
        builder = match &self.auth {
            Auth::None => builder,
            Auth::Permanent(token) => builder.permanent_token(token.as_str()),
            Auth::ClientCredentials {
                client_id,
                client_secret,
                scopes,
            } => builder.client_credentials(client_id.as_str(), client_secret.as_str(), scopes),
            Auth::AuthorizationCode { app, token } => {
                let newest = self
                    .tokens
                    .latest
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone()
                    .or_else(|| token.clone());
                match newest {
                    Some(token) => builder.oauth_token(app.clone(), token),
                    None => builder.oauth_app(app.clone()),
                }
            }
        };
        if let Some(user_agent) = &self.user_agent {
            builder = builder.user_agent(user_agent.as_str());
        }
        for pem in &self.root_certificates {
            builder = builder.root_certificate_pem(pem.clone());
        }
        if let Some(flow) = self.upload_flow {
            builder = builder.upload_flow(flow);
        }
        let tokens = self.tokens.clone();
        builder = builder.on_token(move |token| tokens.record(token));
        builder = builder.rate_limiter(limiter_for(&origin_of(&self.portal), &self.rate_limit));
        builder.build()
    }
}

/// `scheme://host:port` of a portal URL as the core reads it (a bare host means https); the
/// text itself when it does not parse (the core's build then reports why).
fn origin_of(portal: &str) -> String {
    let portal = portal.trim();
    let with_scheme = if portal.contains("://") {
        portal.to_string()
    } else {
        format!("https://{portal}")
    };
    url::Url::parse(&with_scheme)
        .map(|url| url.origin().ascii_serialization())
        .unwrap_or(with_scheme)
}

struct Limiters {
    pid: u32,
    by_portal: HashMap<String, Weak<RateLimiter>>,
}

static LIMITERS: Mutex<Option<Limiters>> = Mutex::new(None);

/// The rate limiter shared by every client of a portal with the same policy in this process
/// (Bynder counts per source IP). Kept here rather than in the core's registry so a forked child
/// starts with fresh ones: a limiter copied mid-request would stay locked forever.
fn limiter_for(origin: &str, policy: &RateLimitPolicy) -> Arc<RateLimiter> {
    let pid = std::process::id();
    let key = format!("{origin} {policy:?}");
    let mut slot = LIMITERS.lock().unwrap_or_else(PoisonError::into_inner);
    let limiters = match slot.as_mut() {
        Some(limiters) if limiters.pid == pid => limiters,
        _ => slot.insert(Limiters {
            pid,
            by_portal: HashMap::new(),
        }),
    };
    if let Some(limiter) = limiters.by_portal.get(&key).and_then(Weak::upgrade) {
        return limiter;
    }
    limiters.by_portal.retain(|_, weak| weak.strong_count() > 0);
    let limiter = Arc::new(RateLimiter::new(
        policy.clone(),
        Arc::new(MemoryStore::new()),
        bynder::time::system(),
    ));
    limiters.by_portal.insert(key, Arc::downgrade(&limiter));
    limiter
}
