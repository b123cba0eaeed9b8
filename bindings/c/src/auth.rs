//! The OAuth2 authorization-code flow with PKCE: the consent URL, then the code exchange.
//!
//! The pending request crosses as JSON so a web application can keep it in its session and
//! finish the flow in another process.

use std::ffi::c_char;

use bynder_core::auth::{AuthorizationRequest, Secret, Token};
use bynder_core::{Error, Scope};
use serde::{Deserialize, Serialize};

use crate::client::{Shared, bynder_client, client_json};
use crate::config::parse_scopes;
use crate::error::bynder_error;
use crate::runtime::block_on;
use crate::status::bynder_status;
use crate::strings::{JsonSlot, json_typed, required_str};

/// The JSON form of an [`AuthorizationRequest`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestJson {
    url: String,
    state: String,
    pkce_verifier: String,
    redirect_uri: String,
    scopes: Vec<String>,
}

impl From<&AuthorizationRequest> for RequestJson {
    fn from(request: &AuthorizationRequest) -> Self {
        RequestJson {
            url: request.url.to_string(),
            state: request.state.expose().to_string(),
            pkce_verifier: request.pkce_verifier.expose().to_string(),
            redirect_uri: request.redirect_uri.clone(),
            scopes: request.scopes.iter().map(ToString::to_string).collect(),
        }
    }
}

impl RequestJson {
    fn into_request(self) -> Result<AuthorizationRequest, Error> {
        let url = self
            .url
            .parse()
            .map_err(|e| Error::invalid_argument(format!("request_json.url: {e}")))?;
        let scopes = self
            .scopes
            .iter()
            .map(|s| s.parse::<Scope>())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AuthorizationRequest {
            url,
            state: Secret::new(self.state),
            pkce_verifier: Secret::new(self.pkce_verifier),
            redirect_uri: self.redirect_uri,
            scopes,
        })
    }
}

/// Starts the authorization-code flow: builds the consent URL with a random `state` and a PKCE
/// (S256) challenge. Send the user to `url`; Bynder redirects to the client's `redirect_uri`
/// with a code, which `bynder_exchange_code` turns into a token.
///
/// @param client a client created with `client_id` and `redirect_uri`.
/// @param scopes the scopes to ask for, separated by spaces or commas (`"offline asset:read"`;
///        `offline` adds a refresh token).
/// @param out_request_json receives `{"url", "state", "pkce_verifier", "redirect_uri",
///        "scopes"}`; keep it until the redirect arrives (server-side: it holds the PKCE
///        verifier), then free it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_INVALID_ARGUMENT` for NULL arguments, an unknown scope or
///         a client without an OAuth2 app and redirect URI.
///
/// No request is sent. Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_authorization_request(
    client: *const bynder_client,
    scopes: *const c_char,
    out_request_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let request = |shared: &Shared| -> Result<Option<RequestJson>, Error> {
        // SAFETY: NULL or a valid string (contract).
        let scopes = parse_scopes(unsafe { required_str(scopes, "scopes") }?)?;
        let request = shared.client.authorization_request(&scopes)?;
        Ok(Some(RequestJson::from(&request)))
    };
    let slot = JsonSlot::Required(out_request_json, "out_request_json");
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, slot, err, request) }
}

/// Finishes the authorization-code flow: checks the redirect's `state` against the request's,
/// then exchanges the code (with the PKCE verifier) for a token, which the client uses from
/// now on and hands to its `on_token` callback.
///
/// @param client the client that made the request.
/// @param request_json the JSON `bynder_authorization_request` produced.
/// @param redirect_url the full URL Bynder redirected the user to (with `code` and `state`).
/// @param out_token_json NULL, or receives the token JSON (free it with `bynder_string_free`).
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_OAUTH_STATE` when the state does not match (possible
///         CSRF: nothing was sent); `BYNDER_ERR_OAUTH` when the portal refuses the code;
///         `BYNDER_ERR_INVALID_ARGUMENT` for NULL or malformed arguments.
///
/// Blocks until the token endpoint answers. Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_exchange_code(
    client: *const bynder_client,
    request_json: *const c_char,
    redirect_url: *const c_char,
    out_token_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let exchange = |shared: &Shared| -> Result<Option<Token>, Error> {
        // SAFETY (both): NULL or valid strings (contract).
        let request: RequestJson = json_typed(
            unsafe { required_str(request_json, "request_json") }?,
            "request_json",
        )?;
        let redirect = unsafe { required_str(redirect_url, "redirect_url") }?;
        let request = request.into_request()?;
        let token = block_on(shared.client.exchange_code(&request, redirect))?;
        Ok(Some(shared.finish(token)?))
    };
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, JsonSlot::Optional(out_token_json), err, exchange) }
}
