//! `BynderClient`: one portal, its credentials, and every operation of the core's table.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use crate::auth::{AuthorizationRequest, Token};
use crate::config::{ClientConfig, parse_scopes};
use crate::error::BynderError;
use crate::paging::Pager;
use crate::runtime::spawn;

/// A Bynder API client. Thread-safe; share one per portal. Every network method is `suspend`
/// in Kotlin and `async` in Swift; cancelling the coroutine or task stops its requests.
#[derive(uniffi::Object)]
pub struct BynderClient {
    pub(crate) client: bynder::Client,
}

/// A response with its status and headers (for cursors and `X-Pagination-*`).
#[derive(Debug, Clone, uniffi::Record)]
pub struct RawResponse {
    /// HTTP status (2xx or 3xx).
    pub status: u16,
    /// Headers by lower-case name; repeated headers joined with `, `.
    pub headers: HashMap<String, String>,
    /// The body as JSON text (`null` when empty, a JSON string when it was not JSON).
    pub body_json: String,
}

/// What a client has done so far.
#[derive(Debug, Clone, Copy, uniffi::Record)]
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

/// Parameters as JSON text: an object, or empty / `null` for none.
pub(crate) fn parse_params(params_json: &str) -> Result<Value, BynderError> {
    if params_json.trim().is_empty() {
        return Ok(Value::Object(Default::default()));
    }
    match serde_json::from_str(params_json) {
        Ok(Value::Null) => Ok(Value::Object(Default::default())),
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(BynderError::invalid_argument(
            "params must be a JSON object, e.g. {\"id\": \"...\"}",
        )),
        Err(e) => Err(BynderError::invalid_argument(format!(
            "params are not valid JSON: {e}"
        ))),
    }
}

pub(crate) fn to_json(value: &impl serde::Serialize) -> Result<String, BynderError> {
    serde_json::to_string(value)
        .map_err(|e| BynderError::internal(format!("cannot encode the answer: {e}")))
}

impl BynderClient {
    /// Runs operation `operation` with its parameters on the runtime: `call` and `call_raw`
    /// differ only in what they keep of the answer.
    async fn send(
        &self,
        operation: String,
        params_json: String,
    ) -> Result<bynder::RawResponse, BynderError> {
        let params = parse_params(&params_json)?;
        let client = self.client.clone();
        let raw = spawn(async move {
            let op = bynder::ops::require(&operation)?;
            client.call_op(op, &params).await
        })
        .await?;
        Ok(raw)
    }
}

#[uniffi::export]
impl BynderClient {
    /// Builds a client. Fails with `InvalidArgument` on a malformed portal URL, plain http to a
    /// remote host, a bad certificate, a zero timeout or a token store whose `load` fails.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig) -> Result<Arc<BynderClient>, BynderError> {
        Ok(Arc::new(BynderClient {
            client: config.build()?,
        }))
    }

    /// The portal's base URL, normalised (`https://acme.bynder.com/`).
    pub fn portal_url(&self) -> String {
        self.client.portal_url().to_string()
    }

    /// Calls any operation of the table by name (`media.get`, `collections.list`...; see
    /// `operations()`) with its parameters as a JSON object, and answers the body as JSON.
    /// Ids may be in either UUID form; snake_case or Bynder's parameter names both work.
    pub async fn call(
        &self,
        operation: String,
        params_json: String,
    ) -> Result<String, BynderError> {
        to_json(&self.send(operation, params_json).await?.body)
    }

    /// Calls an operation that answers bytes (`binary` in `operations()`: an image from
    /// `transformations.get`) and answers them as the portal sent them (`ByteArray` in Kotlin,
    /// `Data` in Swift); `call` would hand them out as JSON text.
    pub async fn call_bytes(
        &self,
        operation: String,
        params_json: String,
    ) -> Result<Vec<u8>, BynderError> {
        let params = parse_params(&params_json)?;
        let client = self.client.clone();
        let body = spawn(async move { client.call_bytes(&operation, params).await }).await?;
        Ok(body.to_vec())
    }

    /// Like `call`, keeping the status and headers.
    pub async fn call_raw(
        &self,
        operation: String,
        params_json: String,
    ) -> Result<RawResponse, BynderError> {
        let raw = self.send(operation, params_json).await?;
        let mut headers: HashMap<String, String> = HashMap::new();
        for (name, value) in raw.headers.iter() {
            let Ok(value) = value.to_str() else { continue };
            headers
                .entry(name.as_str().to_string())
                .and_modify(|joined| {
                    joined.push_str(", ");
                    joined.push_str(value);
                })
                .or_insert_with(|| value.to_string());
        }
        Ok(RawResponse {
            status: raw.status,
            headers,
            body_json: to_json(&raw.body)?,
        })
    }

    /// Every page of list operation `operation` (the next page is fetched while you work on
    /// this one). Without a `limit` in the parameters the operation's maximum is used.
    pub fn pages(&self, operation: String, params_json: String) -> Result<Arc<Pager>, BynderError> {
        let params = parse_params(&params_json)?;
        let op = bynder::ops::require(&operation)?;
        Ok(Pager::new(&self.client, op, params))
    }

    /// Starts the authorization-code flow (credentials from `Credentials.authorizationCode`):
    /// the consent URL with a random `state` and a PKCE S256 challenge.
    pub fn authorization_request(
        &self,
        scopes: Vec<String>,
    ) -> Result<Arc<AuthorizationRequest>, BynderError> {
        let scopes = parse_scopes(&scopes)?;
        let inner = self.client.authorization_request(&scopes)?;
        Ok(Arc::new(AuthorizationRequest { inner }))
    }

    /// Completes the authorization-code flow with the URL the portal redirected to: checks its
    /// `state` (`OAuthState` error on a mismatch, before anything is sent), exchanges the code
    /// with the PKCE verifier, keeps the token and hands it to the token store.
    pub async fn exchange_code(
        &self,
        request: Arc<AuthorizationRequest>,
        redirect_url: String,
    ) -> Result<Arc<Token>, BynderError> {
        let client = self.client.clone();
        let token =
            spawn(async move { client.exchange_code(&request.inner, &redirect_url).await }).await?;
        Ok(Token::new(token))
    }

    /// The current OAuth2 token, if any (none for permanent tokens or before the first grant).
    pub async fn token(&self) -> Option<Arc<Token>> {
        let client = self.client.clone();
        spawn(async move { Ok(client.token().await) })
            .await
            .ok()
            .flatten()
            .map(Token::new)
    }

    /// Counters of what this client did.
    pub fn stats(&self) -> ClientStats {
        let stats = self.client.stats();
        ClientStats {
            requests: stats.requests,
            retries: stats.retries,
            rate_limited: stats.rate_limited,
            reauthentications: stats.reauthentications,
            token_requests: stats.token_requests,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_a_json_object_or_nothing() {
        assert_eq!(parse_params("").unwrap(), serde_json::json!({}));
        assert_eq!(parse_params(" null ").unwrap(), serde_json::json!({}));
        assert_eq!(
            parse_params(r#"{"id": "x"}"#).unwrap(),
            serde_json::json!({"id": "x"})
        );
        for bad in ["[1]", "3", "\"id\"", "{id: 1}"] {
            let error = parse_params(bad).unwrap_err();
            assert_eq!(error.code(), 1, "{bad}: {error}");
        }
    }
}
