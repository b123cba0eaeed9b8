//! The contract between the HTTP layer (`server`, `oauth`, `guard`...) and the per-operation
//! handlers (`handlers`): the server routes a request to an operation of the table, checks
//! authentication, scopes and identifier forms, parses the parameters, and hands an
//! [`OpRequest`] to [`crate::handlers::handle`], which answers an [`OpResponse`].

use std::collections::HashMap;

use bynder::ops::Operation;
use bytes::Bytes;
use serde_json::Value;

/// Who is calling, as established from the bearer token.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The id (ColdFusion form) of the user the token belongs to.
    pub user_id: String,
    /// The scopes the token carries (all scopes for the permanent token).
    pub scopes: Vec<bynder::Scope>,
    /// True for a permanent token, false for an OAuth2 access token.
    pub permanent: bool,
}

/// One parsed API request, routed to an operation.
#[derive(Debug, Clone)]
pub struct OpRequest {
    /// The operation the request was routed to.
    pub op: &'static Operation,
    /// Path parameters by their template name, already checked to have the right id form.
    pub path: HashMap<String, String>,
    /// Query string pairs, in order, repeated keys kept.
    pub query: Vec<(String, String)>,
    /// Form body pairs (`application/x-www-form-urlencoded`), in order; empty otherwise.
    pub form: Vec<(String, String)>,
    /// JSON body, when the request sent one.
    pub json: Option<Value>,
    /// The raw body (upload chunks).
    pub body: Bytes,
    /// The authenticated caller.
    pub principal: Principal,
    /// The base URL the request came in on (`http://127.0.0.1:PORT` or `https://...`), for
    /// `Location` headers and URLs the portal hands out.
    pub base_url: String,
}

impl OpRequest {
    /// The first value of parameter `name`, looking in the form body, then the query string,
    /// then top-level JSON strings/numbers/booleans. Parameter names match case-insensitively,
    /// as Bynder's server does (`brandid` and `brandId` both work).
    pub fn param(&self, name: &str) -> Option<String> {
        let pick = |pairs: &Vec<(String, String)>| {
            pairs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        pick(&self.form).or_else(|| pick(&self.query)).or_else(|| {
            let obj = self.json.as_ref()?.as_object()?;
            let (_, v) = obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(name))?;
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        })
    }

    /// A path parameter by template name.
    pub fn path_param(&self, name: &str) -> Option<&str> {
        self.path.get(name).map(String::as_str)
    }
}

/// The body of a response.
#[derive(Debug, Clone)]
pub enum ResponseBody {
    /// No body (204).
    Empty,
    /// A JSON document.
    Json(Value),
    /// Plain text.
    Text(String),
    /// Raw bytes with a content type.
    Bytes { content_type: String, data: Bytes },
}

/// What a handler answers.
#[derive(Debug, Clone)]
pub struct OpResponse {
    /// HTTP status.
    pub status: u16,
    /// Extra headers (`Location`, `X-Pagination-*`, `X-Bynder-NextCursor`...).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: ResponseBody,
}

impl OpResponse {
    /// A 200 with a JSON body.
    pub fn json(value: Value) -> OpResponse {
        OpResponse::status_json(200, value)
    }

    /// A JSON body with the given status.
    pub fn status_json(status: u16, value: Value) -> OpResponse {
        OpResponse {
            status,
            headers: Vec::new(),
            body: ResponseBody::Json(value),
        }
    }

    /// Bynder's v4 envelope `{"message": ..., "statuscode": status}` (errors and many
    /// successes, e.g. 202 "Accepted", 201 "Created").
    pub fn message(status: u16, message: &str) -> OpResponse {
        OpResponse::status_json(
            status,
            serde_json::json!({"message": message, "statuscode": status}),
        )
    }

    /// A 204 with no body.
    pub fn no_content() -> OpResponse {
        OpResponse {
            status: 204,
            headers: Vec::new(),
            body: ResponseBody::Empty,
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> OpResponse {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}
