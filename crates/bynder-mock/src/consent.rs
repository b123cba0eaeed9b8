//! The authorization request of `GET /v6/authentication/oauth2/auth` (`reference/bynder-api.md`
//! §2.2, §2.5): its parameters, their validation, and the consent page shown to the user.

use bynder::Scope;

/// Where the consent page posts the user's decision (the request's parameters travel along
/// as hidden fields and are validated again).
pub const CONSENT_PATH: &str = "/v6/authentication/oauth2/consent";

/// A validated authorization request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthRequest {
    /// The OAuth2 app.
    pub client_id: String,
    /// Where the user agent goes back to.
    pub redirect_uri: String,
    /// Requested scopes, in request order.
    pub scopes: Vec<String>,
    /// Opaque value echoed back.
    pub state: Option<String>,
    /// PKCE challenge and its method (`S256` or `plain`).
    pub pkce: Option<(String, String)>,
}

/// Why an authorization request is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthRequestError {
    /// The client or redirect URI cannot be trusted: answer 400 and do not redirect.
    Untrusted(String),
    /// Tell the client through the redirect (`error`, `error_description`).
    Redirect {
        redirect_uri: String,
        state: Option<String>,
        error: &'static str,
        description: String,
    },
}

/// The registered app and the redirect URIs it may use.
#[derive(Debug, Clone)]
pub struct ClientRegistration {
    /// Client id.
    pub client_id: String,
    /// Redirect URIs allowed besides loopback http ones.
    pub redirect_uris: Vec<String>,
}

impl ClientRegistration {
    /// Whether `uri` may receive codes: loopback `http` URIs (any port, any path, as native
    /// apps use, RFC 8252 §7.3) or one of the configured URIs.
    pub fn allows_redirect(&self, uri: &str) -> bool {
        if self.redirect_uris.iter().any(|allowed| allowed == uri) {
            return true;
        }
        let Ok(url) = url::Url::parse(uri) else {
            return false;
        };
        url.scheme() == "http"
            && url.fragment().is_none()
            && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
    }

    /// Parses and validates the parameters of an authorization request.
    pub fn validate(&self, params: &[(String, String)]) -> Result<AuthRequest, AuthRequestError> {
        let get = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        let client_id = get("client_id").unwrap_or_default();
        if client_id != self.client_id {
            return Err(AuthRequestError::Untrusted(format!(
                "Unknown client_id {client_id:?}."
            )));
        }
        let redirect_uri = get("redirect_uri").unwrap_or_default();
        if !self.allows_redirect(&redirect_uri) {
            return Err(AuthRequestError::Untrusted(format!(
                "redirect_uri {redirect_uri:?} is not registered for this client."
            )));
        }
        let state = get("state");
        let refuse = |error: &'static str, description: String| AuthRequestError::Redirect {
            redirect_uri: redirect_uri.clone(),
            state: state.clone(),
            error,
            description,
        };
        if get("response_type").as_deref() != Some("code") {
            return Err(refuse(
                "unsupported_response_type",
                "Only response_type=code is supported.".into(),
            ));
        }
        let scope =
            get("scope").ok_or_else(|| refuse("invalid_request", "scope is required.".into()))?;
        let scopes: Vec<String> = scope.split_whitespace().map(str::to_string).collect();
        if let Some(unknown) = unknown_scope(&scopes) {
            return Err(refuse(
                "invalid_scope",
                format!("Unknown scope {unknown:?}."),
            ));
        }
        let pkce = match (get("code_challenge"), get("code_challenge_method")) {
            (None, None) => None,
            (None, Some(_)) => {
                return Err(refuse(
                    "invalid_request",
                    "code_challenge_method without code_challenge.".into(),
                ));
            }
            (Some(challenge), method) => {
                let method = method.unwrap_or_else(|| "plain".to_string());
                if method != "S256" && method != "plain" {
                    return Err(refuse(
                        "invalid_request",
                        format!("Unsupported code_challenge_method {method:?}."),
                    ));
                }
                Some((challenge, method))
            }
        };
        Ok(AuthRequest {
            client_id,
            redirect_uri,
            scopes,
            state,
            pkce,
        })
    }
}

/// The first of `scopes` the portal does not know.
pub fn unknown_scope(scopes: &[String]) -> Option<&str> {
    scopes
        .iter()
        .map(String::as_str)
        .find(|s| s.parse::<Scope>().is_err())
}

/// The consent page: who asks for what, and Approve/Deny buttons posting to
/// [`CONSENT_PATH`].
pub fn page(request: &AuthRequest) -> String {
    let mut hidden = vec![
        ("response_type", "code".to_string()),
        ("client_id", request.client_id.clone()),
        ("redirect_uri", request.redirect_uri.clone()),
        ("scope", request.scopes.join(" ")),
    ];
    if let Some(state) = &request.state {
        hidden.push(("state", state.clone()));
    }
    if let Some((challenge, method)) = &request.pkce {
        hidden.push(("code_challenge", challenge.clone()));
        hidden.push(("code_challenge_method", method.clone()));
    }
    let fields: String = hidden
        .iter()
        .map(|(name, value)| {
            format!(
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">\n",
                escape(value)
            )
        })
        .collect();
    let scopes: String = request
        .scopes
        .iter()
        .map(|scope| format!("<li><code>{}</code></li>\n", escape(scope)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Authorize {client} - bynder-mock</title></head>\n<body>\n\
         <h1>Authorize application</h1>\n\
         <p>The application <strong id=\"client\">{client}</strong> asks for access to this portal \
         with these scopes:</p>\n<ul id=\"scopes\">\n{scopes}</ul>\n\
         <p>It will be sent back to <code>{redirect}</code>.</p>\n\
         <form method=\"post\" action=\"{CONSENT_PATH}\">\n{fields}\
         <button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\n\
         <button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n\
         </form>\n</body></html>\n",
        client = escape(&request.client_id),
        redirect = escape(&request.redirect_uri),
    )
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration() -> ClientRegistration {
        ClientRegistration {
            client_id: "cid".into(),
            redirect_uris: vec!["https://app.example/cb".into()],
        }
    }

    fn params(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn loopback_and_configured_redirects_are_allowed() {
        let reg = registration();
        assert!(reg.allows_redirect("http://127.0.0.1:5555/callback"));
        assert!(reg.allows_redirect("http://localhost/cb"));
        assert!(reg.allows_redirect("https://app.example/cb"));
        assert!(!reg.allows_redirect("https://app.example/other"));
        assert!(!reg.allows_redirect("http://evil.example/cb"));
        assert!(!reg.allows_redirect("https://127.0.0.1/cb"));
    }

    #[test]
    fn valid_requests_parse_with_pkce() {
        let request = registration()
            .validate(&params(&[
                ("client_id", "cid"),
                ("redirect_uri", "http://127.0.0.1:9/cb"),
                ("response_type", "code"),
                ("scope", "offline asset:read"),
                ("state", "xyz"),
                ("code_challenge", "abc"),
                ("code_challenge_method", "S256"),
            ]))
            .unwrap();
        assert_eq!(request.scopes, vec!["offline", "asset:read"]);
        assert_eq!(request.state.as_deref(), Some("xyz"));
        assert_eq!(request.pkce, Some(("abc".into(), "S256".into())));
        let html = page(&request);
        assert!(html.contains("value=\"approve\""));
        assert!(html.contains("name=\"code_challenge\" value=\"abc\""));
    }

    #[test]
    fn bad_requests_are_refused_the_right_way() {
        let reg = registration();
        let base = [
            ("client_id", "cid"),
            ("redirect_uri", "http://127.0.0.1/cb"),
            ("response_type", "code"),
        ];
        let wrong_client = reg.validate(&params(&[
            ("client_id", "x"),
            ("redirect_uri", "http://127.0.0.1/cb"),
        ]));
        assert!(matches!(wrong_client, Err(AuthRequestError::Untrusted(_))));
        let mut unknown_scope = base.to_vec();
        unknown_scope.push(("scope", "asset:fly"));
        assert!(matches!(
            reg.validate(&params(&unknown_scope)),
            Err(AuthRequestError::Redirect {
                error: "invalid_scope",
                ..
            })
        ));
        assert_eq!(escape("<a href=\"x\">"), "&lt;a href=&quot;x&quot;&gt;");
    }
}
