//! Content access rules on metaproperties and options (OAS access-rights-v4, access-rights-and-options-v4).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One access rule (items of `content_access.get_metaproperty` and `get_option`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ContentAccessRule {
    /// Rule id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Id of the metaproperty or option.
    #[serde(
        rename = "contentId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub content_id: Option<String>,
    /// `metaproperty` or `option`.
    #[serde(rename = "contentType", skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Access level, e.g. `metaproperty.hide`.
    #[serde(rename = "level", skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Rule type, e.g. `allow`.
    #[serde(rename = "ruleType", skip_serializing_if = "Option::is_none")]
    pub rule_type: Option<String>,
    /// Id of the user, group or profile.
    #[serde(
        rename = "principalId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_id: Option<String>,
    /// `user`, `group` or `profile`.
    #[serde(rename = "principalType", skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
    /// Name of the principal.
    #[serde(rename = "principalName", skip_serializing_if = "Option::is_none")]
    pub principal_name: Option<String>,
    /// More about the principal (a user's `email`).
    #[serde(
        rename = "principalExtraInformation",
        skip_serializing_if = "Map::is_empty"
    )]
    pub principal_extra_information: Map<String, Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The default visibility of an option (`content_access.get_option_visibility`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct OptionVisibility {
    /// `visible` or `hidden`.
    #[serde(rename = "defaultVisibility", skip_serializing_if = "Option::is_none")]
    pub default_visibility: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A user, group or profile an access rule applies to: the answer items of
/// `content_access.add_metaproperty` and `set_option`, as the rules were stored.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AccessPrincipal {
    /// Id of the user, group or profile (RFC 4122 form).
    #[serde(
        rename = "principalId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_id: Option<String>,
    /// `user`, `group` or `profile`.
    #[serde(rename = "principalType", skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
