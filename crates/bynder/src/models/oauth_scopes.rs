//! The scope catalogue of `GET /v6/authentication/oauth2/scopes` (bynder-api.md §2.2).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The scope catalogue: scopes in named groups.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ScopeGroups {
    /// The groups.
    pub groups: Vec<ScopeGroup>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A named group of scopes.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ScopeGroup {
    /// Group name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The scopes.
    pub scopes: Vec<ScopeInfo>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One OAuth2 scope and the permissions that let a user be granted it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct ScopeInfo {
    /// Scope name (`asset:read`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Any one of these permissions suffices.
    #[serde(deserialize_with = "crate::lenient::string_list")]
    pub any_of_permissions: Vec<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
