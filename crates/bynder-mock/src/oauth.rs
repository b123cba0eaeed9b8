//! The OAuth2 endpoints on the portal host (`reference/bynder-api.md` §2.2-§2.6, §2.10):
//! authorize with a consent step, and the token endpoint for the authorization-code,
//! refresh-token and client-credentials grants.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::consent::{self, AuthRequest, AuthRequestError, ClientRegistration};

/// Path of the authorize endpoint.
pub const AUTHORIZE_PATH: &str = "/v6/authentication/oauth2/auth";
/// Path of the token endpoint.
pub const TOKEN_PATH: &str = "/v6/authentication/oauth2/token";

/// How long an authorization code can be exchanged.
const CODE_LIFETIME: Duration = Duration::from_secs(60);

/// An authorization code waiting to be exchanged.
#[derive(Debug, Clone)]
pub(crate) struct PendingCode {
    pub(crate) request: AuthRequest,
    pub(crate) user_id: String,
    pub(crate) issued: Instant,
}

/// What a refresh token stands for.
#[derive(Debug, Clone)]
pub(crate) struct RefreshGrant {
    pub(crate) client_id: String,
    pub(crate) user_id: String,
    pub(crate) scopes: Vec<String>,
}

/// The portal's OAuth2 authorization server state.
#[derive(Debug)]
pub struct OAuthServer {
    pub(crate) registration: ClientRegistration,
    pub(crate) client_secret: String,
    auto_consent: AtomicBool,
    codes: Mutex<HashMap<String, PendingCode>>,
    pub(crate) refresh_tokens: Mutex<HashMap<String, RefreshGrant>>,
}

impl OAuthServer {
    /// A server for one registered app.
    pub fn new(
        registration: ClientRegistration,
        client_secret: String,
        auto_consent: bool,
    ) -> OAuthServer {
        OAuthServer {
            registration,
            client_secret,
            auto_consent: AtomicBool::new(auto_consent),
            codes: Mutex::new(HashMap::new()),
            refresh_tokens: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `/oauth2/auth` skips the consent page.
    pub fn auto_consent(&self) -> bool {
        self.auto_consent.load(Ordering::Relaxed)
    }

    /// Turns the consent page off (`true`) or on.
    pub fn set_auto_consent(&self, on: bool) {
        self.auto_consent.store(on, Ordering::Relaxed);
    }

    /// `GET /v6/authentication/oauth2/auth`: the consent page, or with auto-consent a
    /// redirect carrying a code.
    pub fn authorize(&self, params: &[(String, String)], user_id: &str) -> Response {
        match self.registration.validate(params) {
            Ok(request) if self.auto_consent() => self.approve(request, user_id),
            Ok(request) => {
                let mut response = Html(consent::page(&request)).into_response();
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
            }
            Err(error) => refusal(error),
        }
    }

    /// `POST` to [`consent::CONSENT_PATH`]: the user's decision (`decision=approve|deny`).
    pub fn consent(&self, form: &[(String, String)], user_id: &str) -> Response {
        let request = match self.registration.validate(form) {
            Ok(request) => request,
            Err(error) => return refusal(error),
        };
        let approved = form
            .iter()
            .any(|(k, v)| k == "decision" && v.eq_ignore_ascii_case("approve"));
        if approved {
            self.approve(request, user_id)
        } else {
            redirect_with(
                &request.redirect_uri,
                &[
                    ("error", "access_denied"),
                    ("error_description", "The user denied access."),
                ],
                request.state.as_deref(),
            )
        }
    }

    fn approve(&self, request: AuthRequest, user_id: &str) -> Response {
        let code = random_token();
        let redirect_uri = request.redirect_uri.clone();
        let state = request.state.clone();
        if let Ok(mut codes) = self.codes.lock() {
            codes.retain(|_, pending| pending.issued.elapsed() < CODE_LIFETIME);
            codes.insert(
                code.clone(),
                PendingCode {
                    request,
                    user_id: user_id.to_string(),
                    issued: Instant::now(),
                },
            );
        }
        redirect_with(&redirect_uri, &[("code", &code)], state.as_deref())
    }

    /// Takes a code out (codes are single-use, whatever the outcome of the exchange); `None`
    /// when unknown or expired.
    pub(crate) fn take_code(&self, code: &str) -> Option<PendingCode> {
        let pending = self.codes.lock().ok()?.remove(code)?;
        (pending.issued.elapsed() < CODE_LIFETIME).then_some(pending)
    }

    /// Stores a new refresh token for a grant.
    pub(crate) fn new_refresh_token(&self, grant: RefreshGrant) -> String {
        let token = random_token();
        if let Ok(mut tokens) = self.refresh_tokens.lock() {
            tokens.insert(token.clone(), grant);
        }
        token
    }
}

/// 32 random bytes, base64url.
pub(crate) fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

fn refusal(error: AuthRequestError) -> Response {
    match error {
        AuthRequestError::Untrusted(message) => (StatusCode::BAD_REQUEST, message).into_response(),
        AuthRequestError::Redirect {
            redirect_uri,
            state,
            error,
            description,
        } => redirect_with(
            &redirect_uri,
            &[("error", error), ("error_description", &description)],
            state.as_deref(),
        ),
    }
}

/// 302 to `uri` with `pairs` and `state` added to its query.
fn redirect_with(uri: &str, pairs: &[(&str, &str)], state: Option<&str>) -> Response {
    let Ok(mut url) = url::Url::parse(uri) else {
        return (StatusCode::BAD_REQUEST, "Invalid redirect_uri.").into_response();
    };
    {
        let mut query = url.query_pairs_mut();
        for (key, value) in pairs {
            query.append_pair(key, value);
        }
        if let Some(state) = state {
            query.append_pair("state", state);
        }
    }
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(location) = HeaderValue::from_str(url.as_str()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// An RFC 6749 §5.2 error answer of the token endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    /// 400, or 401 for `invalid_client`.
    pub status: StatusCode,
    /// The RFC 6749 error code.
    pub error: &'static str,
    /// What went wrong, for humans.
    pub description: String,
    /// Ask for HTTP Basic credentials (`WWW-Authenticate`), when the client used them.
    pub basic_challenge: bool,
}

impl OAuthError {
    /// An error answer.
    pub fn new(
        status: StatusCode,
        error: &'static str,
        description: impl Into<String>,
    ) -> OAuthError {
        OAuthError {
            status,
            error,
            description: description.into(),
            basic_challenge: false,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": self.error, "error_description": self.description});
        let mut response = (self.status, axum::Json(body)).into_response();
        no_store(response.headers_mut());
        if self.basic_challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"bynder-mock\""),
            );
        }
        response
    }
}

/// Token answers must not be cached (RFC 6749 §5.1).
pub(crate) fn no_store(headers: &mut HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}
