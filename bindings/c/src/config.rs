//! `bynder_config`: what a client is created from, and its translation into the core's
//! `ClientBuilder`.

use std::ffi::{c_char, c_void};
use std::time::Duration;

use bynder_core::auth::{OAuthApp, Token};
use bynder_core::ratelimit::RateLimitPolicy;
use bynder_core::retry::RetryPolicy;
use bynder_core::transfer::UploadFlow;
use bynder_core::{ClientBuilder, Error, ErrorKind, Scope};
use serde::Deserialize;

use crate::strings::{json_typed, optional_str, required_str};

/// Receives every new OAuth2 token, to persist it (for example in a file or keychain):
/// `token_json` is the token as JSON (`{"access_token", "refresh_token" (only with the
/// `offline` scope), "issued_at", "expires_at", "scope"}`), lent for the duration of the call;
/// copy it to keep it. `ctx` is the `on_token_ctx` of the config.
///
/// Called on the thread whose call obtained the token, before that call returns, and never
/// concurrently with itself for one client. It may call the library, but must not wait for
/// another thread's call on the same client (that call may be waiting to deliver a token).
pub type bynder_token_fn =
    Option<unsafe extern "C" fn(token_json: *const c_char, ctx: *mut c_void)>;

/// How to create a client. Zero-initialise it (`bynder_config config = {0};`) and set what you
/// need; every string is borrowed only during `bynder_client_new`.
///
/// Authentication, one of:
/// - `permanent_token`;
/// - OAuth2 client credentials: `client_id`, `client_secret` and `scopes`;
/// - OAuth2 authorization code (+ PKCE): `client_id`, `redirect_uri` (and `client_secret` for a
///   confidential app), then `bynder_authorization_request` and `bynder_exchange_code`;
/// - a stored OAuth2 token: `client_id` (+ `client_secret`) and `token_json`, the JSON an
///   `on_token` callback received;
/// - nothing: only operations without authentication work (`oauth.scopes`).
#[repr(C)]
pub struct bynder_config {
    /// The portal: `https://acme.bynder.com` (a bare host means https; plain `http` only for
    /// `localhost` and loopback addresses, such as bynder-mock). Required.
    pub portal: *const c_char,
    /// A permanent token.
    pub permanent_token: *const c_char,
    /// The OAuth2 app's client id.
    pub client_id: *const c_char,
    /// The OAuth2 app's client secret.
    pub client_secret: *const c_char,
    /// OAuth2 scopes in Bynder's spelling, separated by spaces or commas:
    /// `"asset:read collection:read"`. Required for client credentials.
    pub scopes: *const c_char,
    /// The redirect URI registered for the app (authorization-code flow).
    pub redirect_uri: *const c_char,
    /// A stored token (the JSON an `on_token` callback received) to resume with.
    pub token_json: *const c_char,
    /// A PEM file with an extra certificate to trust, e.g. the one `bynder-mock --tls
    /// --cert-out PATH` writes.
    pub ca_cert_path: *const c_char,
    /// Timeout of each HTTP request in milliseconds; 0 means the default (60 s).
    pub timeout_ms: u32,
    /// Rarely needed settings as a JSON object, NULL for none:
    /// `{"max_attempts": 4, "user_agent": "...", "upload_flow": "files_service"|"s3",
    /// "rate_limit": "bynder"|"unlimited"|{"window_s", "window_limit", "per_second",
    /// "block_pause_s"}}`. The rate limiter is shared by every client of the same portal in the
    /// process (Bynder counts per IP); the first of them sets its policy, and it lasts while
    /// any of them lives.
    pub options_json: *const c_char,
    /// Called with every new OAuth2 token; NULL for none.
    pub on_token: bynder_token_fn,
    /// Passed to `on_token` as is. Must stay valid while the client lives.
    pub on_token_ctx: *mut c_void,
}

/// The `options_json` settings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    max_attempts: Option<u32>,
    user_agent: Option<String>,
    upload_flow: Option<UploadFlow>,
    rate_limit: Option<RateLimit>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RateLimit {
    Named(String),
    Custom(CustomRateLimit),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomRateLimit {
    window_s: Option<f64>,
    window_limit: Option<u32>,
    per_second: Option<u32>,
    block_pause_s: Option<f64>,
}

/// Reads a config into a core builder (without the token callback, which the client adds).
///
/// # Safety
/// Every string field is NULL or a NUL-terminated string alive during the call.
pub unsafe fn builder(config: &bynder_config) -> Result<ClientBuilder, Error> {
    // SAFETY (all reads below): the fields' contract is the caller's (see the function).
    let text = |pointer: *const c_char, name: &str| unsafe { optional_str(pointer, name) };
    let portal = unsafe { required_str(config.portal, "config.portal") }?;
    let mut builder = bynder_core::Client::builder(portal);
    builder = authenticate(
        builder,
        Auth {
            permanent_token: text(config.permanent_token, "config.permanent_token")?,
            client_id: text(config.client_id, "config.client_id")?,
            client_secret: text(config.client_secret, "config.client_secret")?,
            scopes: text(config.scopes, "config.scopes")?,
            redirect_uri: text(config.redirect_uri, "config.redirect_uri")?,
            token_json: text(config.token_json, "config.token_json")?,
        },
    )?;
    if let Some(path) = text(config.ca_cert_path, "config.ca_cert_path")? {
        let pem = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read config.ca_cert_path {path:?}: {e}"),
            )
        })?;
        builder = builder.root_certificate_pem(pem);
    }
    if config.timeout_ms > 0 {
        builder = builder.timeout(Duration::from_millis(u64::from(config.timeout_ms)));
    }
    if let Some(options) = text(config.options_json, "config.options_json")? {
        builder = apply_options(builder, json_typed(options, "config.options_json")?)?;
    }
    Ok(builder)
}

struct Auth<'a> {
    permanent_token: Option<&'a str>,
    client_id: Option<&'a str>,
    client_secret: Option<&'a str>,
    scopes: Option<&'a str>,
    redirect_uri: Option<&'a str>,
    token_json: Option<&'a str>,
}

fn authenticate(builder: ClientBuilder, auth: Auth<'_>) -> Result<ClientBuilder, Error> {
    let oauth = auth.client_id.is_some()
        || auth.client_secret.is_some()
        || auth.redirect_uri.is_some()
        || auth.token_json.is_some();
    if let Some(token) = auth.permanent_token {
        if oauth {
            return Err(Error::invalid_argument(
                "give either config.permanent_token or the OAuth2 fields (client_id, \
                 client_secret, redirect_uri, token_json), not both",
            ));
        }
        return Ok(builder.permanent_token(token));
    }
    if !oauth {
        if auth.scopes.is_some() {
            return Err(Error::invalid_argument(
                "config.scopes needs config.client_id and config.client_secret",
            ));
        }
        return Ok(builder);
    }
    let client_id = auth
        .client_id
        .ok_or_else(|| Error::invalid_argument("OAuth2 needs config.client_id"))?;
    if auth.redirect_uri.is_none() && auth.token_json.is_none() {
        // Client credentials: the app itself is the user.
        let secret = auth.client_secret.ok_or_else(|| {
            Error::invalid_argument(
                "client credentials need config.client_secret (or set config.redirect_uri for \
                 the authorization-code flow, or config.token_json to resume one)",
            )
        })?;
        let scopes = parse_scopes(auth.scopes.unwrap_or_default())?;
        if scopes.is_empty() {
            return Err(Error::invalid_argument(
                "client credentials need config.scopes, e.g. \"asset:read\"",
            ));
        }
        return Ok(builder.client_credentials(client_id, secret, &scopes));
    }
    let mut app = OAuthApp::new(client_id);
    if let Some(secret) = auth.client_secret {
        app = app.client_secret(secret);
    }
    if let Some(uri) = auth.redirect_uri {
        app = app.redirect_uri(uri);
    }
    Ok(match auth.token_json {
        Some(text) => {
            let token: Token = json_typed(text, "config.token_json")?;
            builder.oauth_token(app, token)
        }
        None => builder.oauth_app(app),
    })
}

/// Scopes separated by spaces or commas; an unknown one is an invalid argument.
pub fn parse_scopes(text: &str) -> Result<Vec<Scope>, Error> {
    text.split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::parse::<Scope>)
        .collect()
}

fn apply_options(mut builder: ClientBuilder, options: Options) -> Result<ClientBuilder, Error> {
    if let Some(attempts) = options.max_attempts {
        if attempts == 0 {
            return Err(Error::invalid_argument(
                "options_json.max_attempts must be at least 1 (1 means no retries)",
            ));
        }
        builder = builder.retry(RetryPolicy {
            max_attempts: attempts,
            ..RetryPolicy::default()
        });
    }
    if let Some(user_agent) = options.user_agent {
        builder = builder.user_agent(user_agent);
    }
    if let Some(flow) = options.upload_flow {
        builder = builder.upload_flow(flow);
    }
    if let Some(rate_limit) = options.rate_limit {
        builder = builder.rate_limit(rate_limit_policy(rate_limit)?);
    }
    Ok(builder)
}

fn rate_limit_policy(rate_limit: RateLimit) -> Result<RateLimitPolicy, Error> {
    let custom = match rate_limit {
        RateLimit::Named(name) => {
            return match name.as_str() {
                "bynder" => Ok(RateLimitPolicy::default()),
                "unlimited" => Ok(RateLimitPolicy::unlimited()),
                other => Err(Error::invalid_argument(format!(
                    "options_json.rate_limit must be \"bynder\", \"unlimited\" or an object, \
                     not {other:?}"
                ))),
            };
        }
        RateLimit::Custom(custom) => custom,
    };
    let seconds = |value: Option<f64>, name: &str, default: Duration| match value {
        None => Ok(default),
        Some(s) => Duration::try_from_secs_f64(s).map_err(|_| {
            Error::invalid_argument(format!(
                "options_json.rate_limit.{name} must be seconds >= 0, not {s}"
            ))
        }),
    };
    let mut policy = RateLimitPolicy::default();
    policy.window = seconds(custom.window_s, "window_s", policy.window)?;
    policy.block_pause = seconds(custom.block_pause_s, "block_pause_s", policy.block_pause)?;
    policy.window_limit = custom.window_limit.unwrap_or(policy.window_limit);
    policy.per_second = custom.per_second.unwrap_or(policy.per_second);
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_split_on_spaces_and_commas() {
        let scopes = parse_scopes("asset:read, collection:read  offline").unwrap();
        assert_eq!(scopes.len(), 3);
        assert!(parse_scopes("asset:fly").is_err());
    }

    #[test]
    fn options_are_strict() {
        assert!(json_typed::<Options>(r#"{"max_attempts": 2}"#, "o").is_ok());
        assert!(json_typed::<Options>(r#"{"max_atempts": 2}"#, "o").is_err());
        let custom: Options = json_typed(r#"{"rate_limit": {"block_pause_s": 0.5}}"#, "o").unwrap();
        let policy = rate_limit_policy(custom.rate_limit.unwrap()).unwrap();
        assert_eq!(policy.block_pause, Duration::from_millis(500));
        let named: Options = json_typed(r#"{"rate_limit": "fast"}"#, "o").unwrap();
        assert!(rate_limit_policy(named.rate_limit.unwrap()).is_err());
    }
}
