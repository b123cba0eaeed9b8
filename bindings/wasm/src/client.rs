//! `NativeClient`: a core client built from the npm package's options, and the generic call
//! that every JS method goes through.

use std::time::Duration;

use bynder::auth::{OAuthApp, Token};
use bynder::ratelimit::RateLimitPolicy;
use bynder::retry::RetryPolicy;
use bynder::{Client, Scope};
use send_wrapper::SendWrapper;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::errors::{invalid, parse_json, to_js};
use crate::js_transport::JsTransport;

/// The options of `new Client(...)`, snake_case as the npm package sends them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    portal: String,
    permanent_token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    redirect_uri: Option<String>,
    scopes: Option<Vec<String>>,
    token: Option<Token>,
    timeout_ms: Option<u64>,
    user_agent: Option<String>,
    /// `"bynder"` (default), `"unlimited"` (a local portal only) or an object with
    /// `window_s`, `window_limit`, `per_second`, `block_pause_s`.
    rate_limit: Option<serde_json::Value>,
    /// Attempts per request, the first included (1 = never retry).
    max_attempts: Option<u32>,
}

/// A Bynder client. Cheap to share: every method works on the same core client.
#[wasm_bindgen]
pub struct NativeClient {
    pub(crate) inner: Client,
}

#[wasm_bindgen]
impl NativeClient {
    /// Builds a client from options JSON; `on_token` (optional) receives each new OAuth2 token
    /// as JSON text, to persist it.
    ///
    /// `transport` (optional) sends the requests instead of `fetch`; see `js_transport.rs`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        config: &str,
        on_token: Option<js_sys::Function>,
        transport: Option<js_sys::Function>,
    ) -> Result<NativeClient, JsValue> {
        let config: Config = serde_json::from_value(parse_json(config, "client options")?)
            .map_err(|e| invalid(format!("client options: {e}")))?;
        let mut builder = Client::builder(config.portal.clone());
        builder = authenticate(builder, &config)?;
        if let Some(ms) = config.timeout_ms {
            builder = builder.timeout(Duration::from_millis(ms));
        }
        if let Some(user_agent) = config.user_agent {
            builder = builder.user_agent(user_agent);
        }
        if let Some(policy) = &config.rate_limit {
            builder =
                builder.rate_limit(RateLimitPolicy::from_json(policy).map_err(|e| to_js(&e))?);
        }
        if let Some(attempts) = config.max_attempts {
            if attempts == 0 {
                return Err(invalid(
                    "maxAttempts must be at least 1 (1 means no retries)",
                ));
            }
            builder = builder.retry(RetryPolicy {
                max_attempts: attempts,
                ..RetryPolicy::default()
            });
        }
        if let Some(callback) = on_token {
            // wasm32 has one thread, so the callback never leaves it.
            let callback = SendWrapper::new(callback);
            builder = builder.on_token(move |token| {
                if let Ok(text) = serde_json::to_string(token) {
                    let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(&text));
                }
            });
        }
        if let Some(send) = transport {
            builder = builder.transport(std::sync::Arc::new(JsTransport::new(send)));
        }
        let inner = builder.build().map_err(|e| to_js(&e))?;
        Ok(NativeClient { inner })
    }

    /// Runs operation `name` with JSON parameters; answers the response body as the portal
    /// sent it (JSON text, parsed by the engine's `JSON.parse`; empty for no body).
    pub async fn call(&self, name: String, params: String) -> Result<String, JsValue> {
        let body = self.call_bytes(name, params).await?;
        Ok(String::from_utf8(body)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// Runs operation `name` whose answer is bytes (an image, see the table's `binary`);
    /// answers them untouched, as a `Uint8Array`.
    #[wasm_bindgen(js_name = callBytes)]
    pub async fn call_bytes(&self, name: String, params: String) -> Result<Vec<u8>, JsValue> {
        let params = parse_json(&params, "parameters")?;
        let body = self
            .inner
            .call_bytes(&name, params)
            .await
            .map_err(|e| to_js(&e))?;
        Ok(body.to_vec())
    }

    /// The portal URL the client talks to.
    #[wasm_bindgen(getter)]
    pub fn portal(&self) -> String {
        self.inner.portal_url().to_string()
    }

    /// Counters of what this client did, as JSON text.
    pub fn stats(&self) -> String {
        serde_json::to_string(&self.inner.stats()).unwrap_or_default()
    }
}

fn scopes(names: &[String]) -> Result<Vec<Scope>, JsValue> {
    names
        .iter()
        .map(|name| name.parse().map_err(|e: bynder::Error| to_js(&e)))
        .collect()
}

/// Picks the grant from the options: a permanent token, client credentials (no redirect URI),
/// or an OAuth2 app for the authorization-code flow (a redirect URI, secret optional).
fn authenticate(
    builder: bynder::ClientBuilder,
    config: &Config,
) -> Result<bynder::ClientBuilder, JsValue> {
    let scopes = scopes(config.scopes.as_deref().unwrap_or_default())?;
    match (
        config.permanent_token.clone(),
        &config.client_id,
        &config.client_secret,
        &config.redirect_uri,
    ) {
        (Some(token), None, None, None) => Ok(builder.permanent_token(token)),
        (None, Some(id), Some(secret), None) => {
            Ok(builder.client_credentials(id.clone(), secret.clone(), &scopes))
        }
        (None, Some(id), secret, Some(redirect)) => {
            let mut app = OAuthApp::new(id.clone()).redirect_uri(redirect.clone());
            if let Some(secret) = secret {
                app = app.client_secret(secret.clone());
            }
            Ok(match config.token.clone() {
                Some(token) => builder.oauth_token(app, token),
                None => builder.oauth_app(app),
            })
        }
        (None, None, None, None) => Err(invalid(
            "give permanentToken, or clientId with clientSecret (client credentials) or with \
             redirectUri (authorization code)",
        )),
        _ => Err(invalid(
            "choose one way to authenticate: permanentToken, clientId + clientSecret, or \
             clientId + redirectUri",
        )),
    }
}
