//! Users and security profiles (`/api/v4/users/`, `/api/v4/currentUser/`, `/api/v4/profiles/`,
//! bynder-api.md §5.6).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A portal user. The list, the single user, the current user and the create/modify answers
/// (`{id, username}`) all decode into this type; each fills a different subset.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct User {
    /// User id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Login name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Full name (list view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First name.
    #[serde(rename = "firstname", skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Name infix (`van`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infix: Option<String>,
    /// Last name.
    #[serde(rename = "lastname", skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Second e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email2: Option<String>,
    /// Active; sent as `true` or `1`.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub active: Option<bool>,
    /// Can only log in through single sign-on.
    #[serde(
        rename = "isSSOOnly",
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_sso_only: Option<bool>,
    /// Security profile id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub profile_id: Option<String>,
    /// Groups the user belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<UserGroup>,
    /// Last login date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_login: Option<BynderDate>,
    /// Language (locale).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Employee number.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub employee_number: Option<String>,
    /// Website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Sales representative id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub salesrep_id: Option<String>,
    /// Phone number.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number: Option<String>,
    /// Mobile phone number.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cellphone_number: Option<String>,
    /// Company name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// Legal entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_entity: Option<String>,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Department code.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub department_code: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    /// Cost center.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_center: Option<String>,
    /// Street address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Postal code.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub postal_code: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// County.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// State or province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Gender.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Terms accepted, as sent.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub terms: Option<String>,
    /// Whether the user is stored (Bynder internal).
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub persisted: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A group a [`User`] belongs to.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UserGroup {
    /// Group id.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Group name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A security profile: a named set of roles (`MEDIAEDIT`, `USERMANAGEMENT`, ...).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Profile {
    /// Profile id; a string even when the portal sends a number (`"1"`).
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role names.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub roles: Vec<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `users.create` and `users.modify`: the user written, by id and username.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UserRef {
    /// User id (ColdFusion form).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Username (the e-mail address unless one was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
