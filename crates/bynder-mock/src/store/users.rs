//! The user fields only the admin users calls read and write (`reference/bynder-api.md` §5.6);
//! the seed leaves them empty.

/// Profile fields of a user beyond those `users.current` has always answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserExtra {
    /// Name particle between first and last name (`van`, `de`...).
    pub infix: String,
    /// Phone number.
    pub phone_number: String,
    /// Company; empty means the account's name.
    pub company_name: String,
    /// Cost center.
    pub cost_center: String,
    /// Whether the user may only log in through SSO.
    pub is_sso_only: bool,
    /// Ids of the user groups the user belongs to (the mock keeps no groups of its own).
    pub group_ids: Vec<String>,
    /// Whether the user accepted the portal's terms.
    pub terms_accepted: bool,
}
