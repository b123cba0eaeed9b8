//! The [`Client`]: one portal, its credentials, and the pipeline every call goes through.

mod builder;
pub(crate) mod encode;
mod param_check;
mod pipeline;
pub(crate) mod portal;
pub(crate) mod response;

pub use response::{BodyForm, body_form};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use builder::ClientBuilder;

use crate::auth::manager::TokenManager;
use crate::auth::{AuthorizationRequest, Credentials, Token};
use crate::error::Error;
use crate::ops::{self, Operation};
use crate::ratelimit::{RateLimitStats, RateLimiter};
use crate::retry::RetryPolicy;
use crate::scope::Scope;
use portal::Portal;

/// A Bynder API client. Cheap to clone (an `Arc` inside); clones share the token and counters,
/// and every client of the same portal in the process shares one rate limiter.
///
/// ```no_run
/// # async fn demo() -> bynder::Result<()> {
/// let client = bynder::Client::builder("https://acme.bynder.com")
///     .permanent_token("your-token")
///     .build()?;
/// let page = client.media().list(&bynder::api::MediaQuery { keyword: Some("logo".into()), ..Default::default() }).await?;
/// println!("{} assets", page.media.len());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub portal: Portal,
    pub auth: TokenManager,
    pub retry: RetryPolicy,
    pub upload_flow: crate::transfer::UploadFlow,
    /// Whether parameter values are checked against their types (`check_param_types`).
    pub check_params: bool,
    pub counters: Counters,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub retries: AtomicU64,
    pub rate_limited: AtomicU64,
    pub reauthentications: AtomicU64,
}

/// What a client has done so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClientStats {
    /// API requests sent (each attempt counts).
    pub requests: u64,
    /// Attempts that were retries.
    pub retries: u64,
    /// 429 answers received.
    pub rate_limited: u64,
    /// Renewals forced by a 401.
    pub reauthentications: u64,
    /// Requests to the OAuth2 token endpoint.
    pub token_requests: u64,
}

/// A raw response of [`Client::call_raw`]: status, headers (for cursors and
/// `X-Pagination-*`), and the body decoded as JSON.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status (2xx or 3xx).
    pub status: u16,
    /// Response headers.
    pub headers: http::HeaderMap,
    /// The body as JSON (`null` when empty, a string when not JSON).
    pub body: Value,
}

impl RawResponse {
    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }
}

impl Client {
    /// Starts configuring a client for `portal` (`https://acme.bynder.com`, or a bare host).
    pub fn builder(portal: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(portal)
    }

    /// The portal's base URL.
    pub fn portal_url(&self) -> &url::Url {
        &self.inner.portal.base
    }

    /// The root of the automation workflow service the `automation_rules.*` operations go to.
    pub fn automation_url(&self) -> &url::Url {
        &self.inner.portal.automation
    }

    /// Calls any operation of the [table](crate::ops::OPERATIONS) by name with parameters as a
    /// JSON object (path ids in either UUID form, snake_case or Bynder's names), answering the
    /// decoded body. This is what the language bindings use.
    pub async fn call(&self, operation: &str, params: Value) -> Result<Value, Error> {
        Ok(self.call_raw(operation, params).await?.body)
    }

    /// Like [`Client::call`], answering the body as the portal sent it: for hosts that parse
    /// JSON faster themselves than they can build it from Rust values (JavaScript's
    /// `JSON.parse`). Empty for an empty body.
    pub async fn call_bytes(&self, operation: &str, params: Value) -> Result<bytes::Bytes, Error> {
        let op = ops::require(operation)?;
        let encoded = encode::encode_with(op, &params, self.inner.check_params)?;
        Ok(self.inner.execute(op, &encoded).await?.body)
    }

    /// Like [`Client::call`], keeping status and headers.
    pub async fn call_raw(&self, operation: &str, params: Value) -> Result<RawResponse, Error> {
        self.call_op(ops::require(operation)?, &params).await
    }

    /// Calls an operation of the table.
    pub async fn call_op(&self, op: &Operation, params: &Value) -> Result<RawResponse, Error> {
        let encoded = encode::encode_with(op, params, self.inner.check_params)?;
        let response = self.inner.execute(op, &encoded).await?;
        Ok(RawResponse {
            status: response.status,
            body: response::body_json(&response),
            headers: response.headers,
        })
    }

    /// Like [`Client::call_op`], keeping the body as the portal sent it: `(status, headers,
    /// body)` for the faces' raw call of operations that answer bytes (images).
    pub async fn call_op_bytes(
        &self,
        op: &Operation,
        params: &Value,
    ) -> Result<(u16, http::HeaderMap, bytes::Bytes), Error> {
        let encoded = encode::encode_with(op, params, self.inner.check_params)?;
        let response = self.inner.execute(op, &encoded).await?;
        Ok((response.status, response.headers, response.body))
    }

    /// Calls an operation and decodes its body into `T`.
    pub async fn call_as<T: DeserializeOwned>(
        &self,
        operation: &str,
        params: Value,
    ) -> Result<T, Error> {
        let op = ops::require(operation)?;
        let body = self.call_op(op, &params).await?.body;
        response::decode(body).map_err(|e| e.with_operation(op.name))
    }

    /// Calls a list operation and decodes the items of its answer into `T`s, wherever the
    /// table says they sit (a bare list, under a key, or the values of an object).
    pub async fn call_items_as<T: DeserializeOwned>(
        &self,
        operation: &str,
        params: Value,
    ) -> Result<Vec<T>, Error> {
        let op = ops::require(operation)?;
        let body = self.call_op(op, &params).await?.body;
        let items = crate::paging::extract_items(op, body);
        response::decode(Value::Array(items)).map_err(|e| e.with_operation(op.name))
    }

    /// Builds the consent URL for the authorization-code flow (client built with
    /// [`ClientBuilder::oauth_app`]). Keep the returned request until the redirect comes back.
    pub fn authorization_request(&self, scopes: &[Scope]) -> Result<AuthorizationRequest, Error> {
        match self.inner.auth.credentials() {
            Credentials::AuthorizationCode { app, .. } => {
                AuthorizationRequest::new(&self.inner.portal.base, app, scopes)
            }
            _ => Err(Error::invalid_argument(
                "authorization_request needs a client built with oauth_app(...)",
            )),
        }
    }

    /// Completes the authorization-code flow: checks the redirect's `state` against `request`,
    /// exchanges the code (with the PKCE verifier) and keeps the token.
    pub async fn exchange_code(
        &self,
        request: &AuthorizationRequest,
        redirect: &str,
    ) -> Result<Token, Error> {
        self.inner
            .auth
            .exchange_code(&self.inner.portal, request, redirect)
            .await
    }

    /// The current OAuth2 token, if any (none for permanent tokens).
    pub async fn token(&self) -> Option<Token> {
        self.inner.auth.current().await
    }

    /// Counters of what this client (and its clones) did.
    pub fn stats(&self) -> ClientStats {
        let c = &self.inner.counters;
        ClientStats {
            requests: c.requests.load(Ordering::Relaxed),
            retries: c.retries.load(Ordering::Relaxed),
            rate_limited: c.rate_limited.load(Ordering::Relaxed),
            reauthentications: c.reauthentications.load(Ordering::Relaxed),
            token_requests: self
                .inner
                .auth
                .counters
                .token_requests
                .load(Ordering::Relaxed),
        }
    }

    /// The rate limiter this client shares with the other clients of its portal.
    pub fn rate_limiter(&self) -> &Arc<RateLimiter> {
        &self.inner.portal.limiter
    }

    /// The shared rate limiter's counters.
    pub fn rate_limit_stats(&self) -> RateLimitStats {
        self.inner.portal.limiter.stats()
    }
}
