//! Reading the `Client(...)` keyword arguments, with errors that name the argument at fault.

use std::time::Duration;

use bynder::Scope;
use bynder::auth::{OAuthApp, Token};
use bynder::ratelimit::RateLimitPolicy;
use bynder::retry::RetryPolicy;
use bynder::transfer::UploadFlow;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::config::{Auth, ClientConfig, TokenLog};
use crate::convert::from_py;
use crate::errors::{IntoPyResult, invalid_argument};

/// The constructor's arguments as Python gave them.
pub struct ConfigArgs<'a, 'py> {
    pub portal: String,
    pub permanent_token: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub redirect_uri: Option<String>,
    pub token: Option<&'a Bound<'py, PyAny>>,
    pub timeout: f64,
    pub user_agent: Option<String>,
    pub rate_limit: Option<&'a Bound<'py, PyAny>>,
    pub max_attempts: u32,
    pub root_certificate: Option<Vec<u8>>,
    pub upload_flow: Option<String>,
}

pub fn parse_config(
    py: Python<'_>,
    args: ConfigArgs<'_, '_>,
    tokens: TokenLog,
) -> PyResult<ClientConfig> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(invalid_argument(
            py,
            format!(
                "timeout must be a positive number of seconds, not {}",
                args.timeout
            ),
        ));
    }
    if args.max_attempts == 0 {
        return Err(invalid_argument(
            py,
            "max_attempts must be at least 1 (1 means no retries)",
        ));
    }
    let auth = parse_auth(py, &args)?;
    let upload_flow = match args.upload_flow.as_deref() {
        None => None,
        Some("files_service") => Some(UploadFlow::FilesService),
        Some("s3") => Some(UploadFlow::S3),
        Some(other) => {
            return Err(invalid_argument(
                py,
                format!("upload_flow must be 'files_service' or 's3', not {other:?}"),
            ));
        }
    };
    Ok(ClientConfig {
        portal: args.portal,
        auth,
        timeout: Duration::from_secs_f64(args.timeout),
        user_agent: args.user_agent,
        retry: RetryPolicy {
            max_attempts: args.max_attempts,
            ..RetryPolicy::default()
        },
        rate_limit: parse_rate_limit(py, args.rate_limit)?,
        root_certificates: args.root_certificate.into_iter().collect(),
        upload_flow,
        tokens: std::sync::Arc::new(tokens),
    })
}

fn parse_auth(py: Python<'_>, args: &ConfigArgs<'_, '_>) -> PyResult<Auth> {
    let oauth = args.client_id.is_some()
        || args.client_secret.is_some()
        || args.redirect_uri.is_some()
        || args.token.is_some();
    if let Some(token) = &args.permanent_token {
        if oauth {
            return Err(invalid_argument(
                py,
                "give either permanent_token or the OAuth2 arguments (client_id, client_secret, \
                 redirect_uri, token), not both",
            ));
        }
        return Ok(Auth::Permanent(token.clone()));
    }
    if !oauth {
        if args.scopes.is_some() {
            return Err(invalid_argument(
                py,
                "scopes need client_id and client_secret",
            ));
        }
        return Ok(Auth::None);
    }
    let client_id = args.client_id.clone().ok_or_else(|| {
        invalid_argument(
            py,
            "OAuth2 needs client_id (with client_secret, redirect_uri or token)",
        )
    })?;
    let token = match args.token {
        Some(token) if !token.is_none() => Some(parse_token(py, token)?),
        _ => None,
    };
    if args.redirect_uri.is_none() && token.is_none() {
        // Client credentials: the app itself is the user.
        let client_secret = args.client_secret.clone().ok_or_else(|| {
            invalid_argument(
                py,
                "client credentials need client_secret (or give redirect_uri for the \
                 authorization-code flow, or token to resume one)",
            )
        })?;
        let scopes = args.scopes.as_deref().unwrap_or_default();
        if scopes.is_empty() {
            return Err(invalid_argument(
                py,
                "client credentials need scopes, e.g. scopes=['asset:read']",
            ));
        }
        return Ok(Auth::ClientCredentials {
            client_id,
            client_secret,
            scopes: parse_scopes(py, scopes)?,
        });
    }
    let mut app = OAuthApp::new(client_id);
    if let Some(secret) = &args.client_secret {
        app = app.client_secret(secret.as_str());
    }
    if let Some(uri) = &args.redirect_uri {
        app = app.redirect_uri(uri.as_str());
    }
    Ok(Auth::AuthorizationCode { app, token })
}

/// Scopes in Bynder's spelling (`asset:read`); an unknown one is an `InvalidArgumentError`.
pub fn parse_scopes(py: Python<'_>, scopes: &[String]) -> PyResult<Vec<Scope>> {
    scopes
        .iter()
        .map(|s| s.parse::<Scope>().or_raise(py))
        .collect()
}

/// A stored token: the dict an `on_token` callback received.
pub fn parse_token(py: Python<'_>, token: &Bound<'_, PyAny>) -> PyResult<Token> {
    let value = from_py(token, "token")?;
    serde_json::from_value(value).map_err(|e| {
        invalid_argument(
            py,
            format!("token must be the dict an on_token callback received: {e}"),
        )
    })
}

fn parse_rate_limit(
    py: Python<'_>,
    rate_limit: Option<&Bound<'_, PyAny>>,
) -> PyResult<RateLimitPolicy> {
    let Some(rate_limit) = rate_limit.filter(|r| !r.is_none()) else {
        return Ok(RateLimitPolicy::default());
    };
    if let Ok(name) = rate_limit.cast::<PyString>() {
        return match name.to_str()? {
            "bynder" => Ok(RateLimitPolicy::default()),
            "unlimited" => Ok(RateLimitPolicy::unlimited()),
            other => Err(invalid_argument(
                py,
                format!("rate_limit must be 'bynder', 'unlimited' or a dict, not {other:?}"),
            )),
        };
    }
    let Ok(fields) = rate_limit.cast::<PyDict>() else {
        return Err(invalid_argument(
            py,
            "rate_limit must be 'bynder', 'unlimited' or a dict",
        ));
    };
    let mut policy = RateLimitPolicy::default();
    for (key, value) in fields.iter() {
        let key: String = key.extract()?;
        let seconds = |v: &Bound<'_, PyAny>| -> PyResult<Duration> {
            let s: f64 = v.extract()?;
            Duration::try_from_secs_f64(s).map_err(|_| {
                invalid_argument(
                    py,
                    format!("rate_limit[{key:?}] must be seconds >= 0, not {s}"),
                )
            })
        };
        match key.as_str() {
            "window_s" => policy.window = seconds(&value)?,
            "window_limit" => policy.window_limit = value.extract()?,
            "per_second" => policy.per_second = value.extract()?,
            "block_pause_s" => policy.block_pause = seconds(&value)?,
            other => {
                return Err(invalid_argument(
                    py,
                    format!(
                        "unknown rate_limit key {other:?} (known: window_s, window_limit, \
                         per_second, block_pause_s)"
                    ),
                ));
            }
        }
    }
    Ok(policy)
}
