//! The authorization-code flow with PKCE for browsers: the consent URL (with what must be kept
//! until the redirect, as JSON the page can put in `sessionStorage`), the code exchange, and the
//! current token.

use bynder::auth::AuthorizationRequest;
use wasm_bindgen::prelude::*;

use crate::client::NativeClient;
use crate::errors::{invalid, parse_json, to_js};

#[wasm_bindgen]
impl NativeClient {
    /// The consent URL for `scopes`, as JSON text `{url, state, pkce_verifier, redirect_uri,
    /// scopes}`; keep it until the portal redirects back.
    #[wasm_bindgen(js_name = authorizationRequest)]
    pub fn authorization_request(&self, scopes: Vec<String>) -> Result<String, JsValue> {
        let scopes = scopes
            .iter()
            .map(|s| s.parse().map_err(|e: bynder::Error| to_js(&e)))
            .collect::<Result<Vec<bynder::Scope>, JsValue>>()?;
        let request = self
            .inner
            .authorization_request(&scopes)
            .map_err(|e| to_js(&e))?;
        Ok(request.to_json().to_string())
    }

    /// Checks the redirect (full URL or query) against the saved request, exchanges the code
    /// and keeps the token; answers the token as JSON text.
    #[wasm_bindgen(js_name = exchangeCode)]
    pub async fn exchange_code(
        &self,
        request: String,
        redirect: String,
    ) -> Result<String, JsValue> {
        let request =
            AuthorizationRequest::from_json(&parse_json(&request, "authorization request")?)
                .map_err(|e| to_js(&e))?;
        let token = self
            .inner
            .exchange_code(&request, &redirect)
            .await
            .map_err(|e| to_js(&e))?;
        serde_json::to_string(&token).map_err(|e| invalid(e.to_string()))
    }

    /// The current OAuth2 token as JSON text, or `undefined` (permanent tokens).
    pub async fn token(&self) -> Option<String> {
        let token = self.inner.token().await?;
        serde_json::to_string(&token).ok()
    }
}
