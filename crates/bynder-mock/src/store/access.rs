//! State of the content access operations (who a metaproperty or option is hidden from or
//! shown to, and an option's default visibility) and of the portal's user groups, which the
//! seeded users belong to.

use std::collections::BTreeMap;

use super::{State, cf_id};

/// Whom an access rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalType {
    User,
    Group,
    Profile,
}

impl PrincipalType {
    /// Bynder's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            PrincipalType::User => "user",
            PrincipalType::Group => "group",
            PrincipalType::Profile => "profile",
        }
    }

    /// Parses Bynder's spelling, in any case.
    pub fn parse(text: &str) -> Option<PrincipalType> {
        match text.trim().to_ascii_lowercase().as_str() {
            "user" => Some(PrincipalType::User),
            "group" => Some(PrincipalType::Group),
            "profile" => Some(PrincipalType::Profile),
            _ => None,
        }
    }
}

/// One access rule on a metaproperty or an option.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessRule {
    /// RFC 4122 id, lower case (the content access service's form).
    pub id: String,
    /// ColdFusion id of the metaproperty or option.
    pub content_id: String,
    /// `metaproperty` or `option`.
    pub content_type: &'static str,
    /// e.g. `metaproperty.hide`.
    pub level: String,
    /// ColdFusion id of the user, group or profile.
    pub principal_id: String,
    /// What `principal_id` names.
    pub principal_type: PrincipalType,
}

/// A user group of the portal.
#[derive(Debug, Clone, PartialEq)]
pub struct UserGroup {
    /// ColdFusion id (the form users' `groups` carry).
    pub id: String,
    /// Display name.
    pub name: String,
}

/// What the content access and user group operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// Access rules, metaproperty and option ones, in creation order.
    pub rules: Vec<AccessRule>,
    /// Default visibility by option id; an option not listed is `visible`.
    pub visibility: BTreeMap<String, String>,
    /// User groups, in creation order.
    pub groups: Vec<UserGroup>,
}

impl Access {
    /// Bynder's spelling of a `principalType` sent in any case (`user`, `group`, `profile`).
    pub fn principal_type(text: &str) -> Option<&'static str> {
        PrincipalType::parse(text).map(PrincipalType::as_str)
    }

    /// The group with this (normalised) id.
    pub fn group(&self, id: &str) -> Option<&UserGroup> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// The seeded groups and, for each, the departments whose people belong to it.
const GROUPS: &[(&str, &[&str])] = &[
    ("Brand team", &["Marketing", "Design"]),
    ("Content creators", &["Marketing", "Design", "Product"]),
    ("Sales EMEA", &["Sales"]),
    ("Legal reviewers", &["Legal"]),
    ("External agencies", &[]),
];

/// Seeds the user groups, puts the seeded users in them by department, and hides the
/// `Caption` metaproperty from the external agencies group.
pub fn seed(state: &mut State) {
    let groups: Vec<UserGroup> = GROUPS
        .iter()
        .map(|(name, _)| UserGroup {
            id: cf_id(&mut state.rng),
            name: (*name).to_string(),
        })
        .collect();
    for user in &mut state.users {
        user.extra.group_ids = GROUPS
            .iter()
            .zip(&groups)
            .filter(|((_, departments), _)| departments.contains(&user.department.as_str()))
            .map(|(_, group)| group.id.clone())
            .collect();
    }
    let caption = state
        .metaproperties
        .iter()
        .find(|mp| mp.name == "Caption")
        .map(|mp| mp.id.clone());
    let agencies = groups.last().map(|g| g.id.clone());
    let mut rules = Vec::new();
    if let (Some(content_id), Some(principal_id)) = (caption, agencies) {
        rules.push(AccessRule {
            id: rule_id(state),
            content_id,
            content_type: "metaproperty",
            level: "metaproperty.hide".to_string(),
            principal_id,
            principal_type: PrincipalType::Group,
        });
    }
    state.access = Access {
        rules,
        visibility: BTreeMap::new(),
        groups,
    };
}

/// A new rule id: RFC 4122, lower case, from the store's random source.
pub fn rule_id(state: &mut State) -> String {
    bynder::id::BynderId::parse(&cf_id(&mut state.rng))
        .map(|id| id.to_rfc4122())
        .unwrap_or_default()
}

impl State {
    /// The name and e-mail (users only) of a principal, or `None` when it does not exist.
    pub fn principal(&self, kind: &str, id: &str) -> Option<(String, Option<String>)> {
        match PrincipalType::parse(kind)? {
            PrincipalType::User => self
                .user(id)
                .map(|u| (u.full_name(), Some(u.email.clone()))),
            PrincipalType::Group => self.access.group(id).map(|g| (g.name.clone(), None)),
            PrincipalType::Profile => self
                .profiles
                .iter()
                .find(|p| p.id == id)
                .map(|p| (p.name.clone(), None)),
        }
    }

    /// The access rules on one metaproperty or option, in creation order.
    pub fn access_rules(&self, content_type: &str, content_id: &str) -> Vec<AccessRule> {
        self.access
            .rules
            .iter()
            .filter(|r| r.content_type == content_type && r.content_id == content_id)
            .cloned()
            .collect()
    }

    /// Grants `principals` access at `level` on a metaproperty or option; a principal that
    /// has a rule at that level already keeps it.
    pub fn grant_access(
        &mut self,
        content_type: &'static str,
        content_id: &str,
        level: &str,
        principals: &[(String, &str)],
    ) {
        for (principal_id, principal_type) in principals {
            let Some(principal_type) = PrincipalType::parse(principal_type) else {
                continue;
            };
            let exists = self.access.rules.iter().any(|r| {
                r.content_type == content_type
                    && r.content_id == content_id
                    && r.level == level
                    && r.principal_id == *principal_id
            });
            if !exists {
                let id = rule_id(self);
                self.access.rules.push(AccessRule {
                    id,
                    content_id: content_id.to_string(),
                    content_type,
                    level: level.to_string(),
                    principal_id: principal_id.clone(),
                    principal_type,
                });
            }
        }
    }

    /// Removes every access rule on a metaproperty or option.
    pub fn clear_access(&mut self, content_type: &str, content_id: &str) {
        self.access
            .rules
            .retain(|r| !(r.content_type == content_type && r.content_id == content_id));
    }

    /// Removes the rules with these ids from one metaproperty or option.
    pub fn revoke_access(&mut self, content_type: &str, content_id: &str, ids: &[String]) {
        self.access.rules.retain(|r| {
            !(r.content_type == content_type && r.content_id == content_id && ids.contains(&r.id))
        });
    }

    /// Whether the user's security profile holds `role`.
    pub fn user_has_role(&self, user_id: &str, role: &str) -> bool {
        self.user(user_id)
            .and_then(|u| self.profiles.iter().find(|p| p.id == u.profile_id))
            .is_some_and(|p| p.roles.iter().any(|r| r == role))
    }
}
