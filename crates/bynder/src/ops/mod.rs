//! The operation table: every Bynder API operation described once, as data.
//!
//! The typed client methods, the generic [`crate::Client::call`] used by the language bindings,
//! the mock portal's routing and scope checks, the docs and the coverage report all read this
//! table, so adding an endpoint is one entry here. Because the client and the mock share it,
//! `tests/openapi_table.rs` checks every entry against Bynder's published OpenAPI definitions.

mod catalog;
mod param_overrides;
mod param_type;
mod param_types;
mod table;

pub use catalog::{catalog, describe};
pub use param_overrides::{OVERRIDES, Override};
pub use param_type::{ParamType, Verdict};
pub use param_types::DOCUMENTED;
pub use table::OPERATIONS;

use crate::scope::Scope;

/// HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// Upper-case name, e.g. `GET`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether repeating the request cannot change the outcome (RFC 9110 §9.2.2).
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// How the non-path parameters of an operation travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// All parameters in the query string (GET, and DELETE without a body).
    Query,
    /// `application/x-www-form-urlencoded` body (v4 writes). A parameter whose value is a JSON
    /// object or array of objects is sent as a JSON string (Bynder's `data` field convention).
    Form,
    /// `application/json` body (workflow, `/api/1`, `/v7`).
    Json,
    /// Raw bytes (upload chunks).
    Raw,
}

/// The identifier form a path parameter must have on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdForm {
    /// ColdFusion UUID `8-4-4-16`, upper case (`/api/v4/...`).
    ColdFusion,
    /// RFC 4122 UUID `8-4-4-4-12`, lower case (`/api/1/...`, `/v7/...`).
    Rfc4122,
    /// Passed through as given (usernames, upload ids, workflow 32-hex ids, integers).
    Opaque,
}

/// One path parameter of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathParam {
    /// The name inside `{}` in the path template.
    pub name: &'static str,
    /// The form the client converts it to before sending.
    pub form: IdForm,
}

/// How a list operation pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// Not a list, or a list returned whole.
    None,
    /// `page` (1-based) and `limit`; the last page is the first one shorter than `limit`.
    PageLimit {
        /// The largest `limit` the portal accepts.
        max_limit: u32,
    },
    /// `page`/`limit` plus `X-Pagination-*` response headers (users, workflow jobs).
    PaginationHeaders {
        /// The largest `limit` the portal accepts.
        max_limit: u32,
    },
    /// Opaque cursor read from a response header and sent back as the `cursor` parameter.
    CursorHeader {
        /// Response header carrying the next cursor (`X-Bynder-NextCursor`, `Next-Cursor`).
        header: &'static str,
    },
}

/// Where in the response the list items sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// The body is the list (or a single object for non-list operations).
    Body,
    /// The body is an object and the list is under this key (e.g. `media` with `total=1`).
    Key(&'static str),
    /// The body is an object keyed by name; its values are the items (v4 metaproperties).
    ObjectValues,
}

/// The model an operation answers, by name (`Media`, `Brand`...: the models every face
/// declares), so faces type their methods from the table instead of a list of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// One object of this model.
    One(&'static str),
    /// A list of them.
    List(&'static str),
    /// An object of them keyed by name (v4 metaproperties).
    ByName(&'static str),
}

/// How a request is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer` with an OAuth2 access token or a permanent token.
    Bearer,
    /// OAuth2 access tokens only; permanent tokens are refused (similarity search).
    OAuthOnly,
    /// No authentication (OAuth2 discovery endpoints).
    None,
}

/// The service an operation is sent to. Nearly every operation lives on the customer's portal;
/// the automation workflow rules live on a service of their own, reached with the same token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// The portal (`https://acme.bynder.com`).
    Portal,
    /// The automation workflow service
    /// (`https://automation-workflow-service.bynder.com`, see
    /// [`crate::ClientBuilder::automation_url`]).
    Automation,
}

impl Host {
    /// Lower-case name, as the catalog spells it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Host::Portal => "portal",
            Host::Automation => "automation",
        }
    }
}

/// One API operation.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// Stable name, `group.action` (e.g. `media.get`). Bindings expose it as a method.
    pub name: &'static str,
    /// One-line description for docs and help texts.
    pub summary: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template from the root of its host, with `{name}` placeholders.
    pub path: &'static str,
    /// The service the operation is sent to.
    pub host: Host,
    /// Path parameters, in template order.
    pub path_params: &'static [PathParam],
    /// Known query/body parameters (documentation and binding signatures; others pass through).
    pub params: &'static [&'static str],
    /// Encoding of the non-path parameters.
    pub encoding: Encoding,
    /// Scopes that each grant this operation (any one suffices); empty when Bynder documents
    /// none, in which case any valid token works.
    pub scopes: &'static [Scope],
    /// Authentication style.
    pub auth: Auth,
    /// Pagination style.
    pub paging: Paging,
    /// Where the items of a list response sit.
    pub items: Items,
    /// Whether a failed attempt may be sent again (defaults to the method's idempotency).
    pub retryable: bool,
    /// What the call answers, when its shape is one model (none: it varies or is not typed).
    pub result: Option<Model>,
    /// The model of each item a paged operation yields, when typed.
    pub item: Option<&'static str>,
    /// Whether the answer is bytes (an image), not JSON: faces return their bytes type.
    pub binary: bool,
    /// Query/form parameters whose list value travels as the key repeated once per item
    /// (`io=a&io=b`, order kept) instead of one comma-separated value.
    pub repeated: &'static [&'static str],
}

impl Operation {
    /// The resource group: the part of the name before the first dot.
    pub fn group(&self) -> &'static str {
        self.name
            .split_once('.')
            .map_or(self.name, |(group, _)| group)
    }

    /// The action: the part of the name after the first dot.
    pub fn action(&self) -> &'static str {
        self.name
            .split_once('.')
            .map_or(self.name, |(_, action)| action)
    }

    /// The path parameter called `name`, if any.
    pub fn path_param(&self, name: &str) -> Option<&PathParam> {
        self.path_params.iter().find(|p| p.name == name)
    }

    /// The documented parameter `name` stands for: itself, or the one whose snake_case
    /// spelling it is (`is_public` -> `isPublic`). `None` for a parameter the table does not
    /// list (it passes through untyped).
    pub fn param_name(&self, name: &str) -> Option<&'static str> {
        self.params
            .iter()
            .find(|p| **p == name)
            .or_else(|| {
                self.params
                    .iter()
                    .find(|p| crate::client::encode::snake_case(p) == name)
            })
            .copied()
    }

    /// The type of parameter `name` (either spelling, see [`Operation::param_name`]): the
    /// hand-written [`OVERRIDES`] first, then the types generated from Bynder's definitions
    /// ([`DOCUMENTED`]); [`ParamType::Any`] for anything else.
    pub fn param_type(&self, name: &str) -> ParamType {
        self.param_name(name)
            .map_or(ParamType::Any, |param| param_type_of(self.name, param))
    }
}

/// The type of `param` (as the table spells it) of the operation called `operation`.
pub fn param_type_of(operation: &str, param: &str) -> ParamType {
    if let Some(found) = OVERRIDES
        .iter()
        .find(|o| o.operation == operation && o.param == param)
    {
        return found.ty;
    }
    DOCUMENTED
        .binary_search_by(|(op, name, _)| (*op, *name).cmp(&(operation, param)))
        .ok()
        .and_then(|at| DOCUMENTED.get(at))
        .map_or(ParamType::Any, |(_, _, ty)| *ty)
}

impl Operation {
    /// A GET/POST/... entry with the defaults: no path parameters, query encoding for GET and
    /// DELETE, form encoding otherwise, bearer auth, no paging, retryable when idempotent.
    pub const fn new(name: &'static str, method: Method, path: &'static str) -> Operation {
        Operation {
            name,
            summary: "",
            method,
            path,
            host: Host::Portal,
            path_params: &[],
            params: &[],
            encoding: match method {
                Method::Get | Method::Delete => Encoding::Query,
                _ => Encoding::Form,
            },
            scopes: &[],
            auth: Auth::Bearer,
            paging: Paging::None,
            items: Items::Body,
            retryable: method.is_idempotent(),
            result: None,
            item: None,
            binary: false,
            repeated: &[],
        }
    }

    /// Marks the answer as bytes rather than JSON.
    pub const fn binary(mut self) -> Operation {
        self.binary = true;
        self
    }

    /// Sets the parameters whose list value is sent as repeated keys.
    pub const fn repeated(mut self, params: &'static [&'static str]) -> Operation {
        self.repeated = params;
        self
    }

    /// Sets the model the call answers.
    pub const fn returns(mut self, result: Model) -> Operation {
        self.result = Some(result);
        self
    }

    /// Sets the model of each item a paged operation yields.
    pub const fn yields(mut self, item: &'static str) -> Operation {
        self.item = Some(item);
        self
    }

    /// Sets the summary.
    pub const fn doc(mut self, summary: &'static str) -> Operation {
        self.summary = summary;
        self
    }

    /// Sets the path parameters.
    pub const fn ids(mut self, path_params: &'static [PathParam]) -> Operation {
        self.path_params = path_params;
        self
    }

    /// Sets the documented query/body parameters.
    pub const fn params(mut self, params: &'static [&'static str]) -> Operation {
        self.params = params;
        self
    }

    /// Sets the body encoding.
    pub const fn encoding(mut self, encoding: Encoding) -> Operation {
        self.encoding = encoding;
        self
    }

    /// Sets the scopes that grant this operation.
    pub const fn scopes(mut self, scopes: &'static [Scope]) -> Operation {
        self.scopes = scopes;
        self
    }

    /// Sets the authentication style.
    pub const fn auth(mut self, auth: Auth) -> Operation {
        self.auth = auth;
        self
    }

    /// Sets the service the operation is sent to (default: the portal).
    pub const fn host(mut self, host: Host) -> Operation {
        self.host = host;
        self
    }

    /// Sets the paging style.
    pub const fn paging(mut self, paging: Paging) -> Operation {
        self.paging = paging;
        self
    }

    /// Says whether a failed attempt may be sent again, overriding the method's default.
    pub const fn retryable(mut self, retryable: bool) -> Operation {
        self.retryable = retryable;
        self
    }

    /// Sets where list items sit in the response.
    pub const fn items(mut self, items: Items) -> Operation {
        self.items = items;
        self
    }
}

/// A ColdFusion-form path parameter.
pub const fn cf(name: &'static str) -> PathParam {
    PathParam {
        name,
        form: IdForm::ColdFusion,
    }
}

/// An RFC 4122-form path parameter.
pub const fn std_uuid(name: &'static str) -> PathParam {
    PathParam {
        name,
        form: IdForm::Rfc4122,
    }
}

/// An opaque path parameter.
pub const fn opaque(name: &'static str) -> PathParam {
    PathParam {
        name,
        form: IdForm::Opaque,
    }
}

/// Finds an operation by its name.
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// Finds an operation by its name, or answers [`crate::ErrorKind::UnknownOperation`].
pub fn require(name: &str) -> Result<&'static Operation, crate::Error> {
    find(name).ok_or_else(|| {
        crate::Error::new(
            crate::ErrorKind::UnknownOperation,
            format!("unknown operation {name:?}"),
        )
    })
}

/// The resource groups, in table order, each once.
pub fn groups() -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for op in OPERATIONS {
        if !groups.contains(&op.group()) {
            groups.push(op.group());
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for op in OPERATIONS {
            assert!(seen.insert(op.name), "duplicate operation {}", op.name);
            assert!(op.name.contains('.'), "{} lacks a group", op.name);
            assert!(
                op.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'),
                "{} is not snake_case",
                op.name
            );
        }
    }

    #[test]
    fn path_params_match_their_templates() {
        for op in OPERATIONS {
            let in_template: Vec<&str> = op
                .path
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect();
            let declared: Vec<&str> = op.path_params.iter().map(|p| p.name).collect();
            assert_eq!(in_template, declared, "{}", op.name);
        }
    }

    #[test]
    fn lookups_find_operations_and_groups() {
        assert!(find("media.get").is_some());
        assert!(find("media.fly").is_none());
        assert!(groups().contains(&"collections"));
    }
}
