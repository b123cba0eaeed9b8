//! The answer of `GET /v6/authentication/oauth2/scopes` (`reference/bynder-api.md` §2.2),
//! built from `bynder::Scope::ALL`; served when the handlers do not implement `oauth.scopes`.

use bynder::Scope;
use serde_json::{Value, json};

/// `{"groups": [{"name", "scopes": [{"name", "description", "anyOfPermissions"}]}]}`, one
/// group per resource (the part of the scope before `.` or `:`).
pub fn catalogue() -> Value {
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for scope in Scope::ALL {
        let name = scope.as_str();
        let resource = name.split([':', '.']).next().unwrap_or(name).to_string();
        let entry = json!({
            "name": name,
            "description": describe(name),
            "anyOfPermissions": [],
        });
        match groups.iter_mut().find(|(group, _)| *group == resource) {
            Some((_, scopes)) => scopes.push(entry),
            None => groups.push((resource, vec![entry])),
        }
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|(name, scopes)| json!({"name": name, "scopes": scopes}))
        .collect();
    json!({ "groups": groups })
}

fn describe(scope: &str) -> String {
    if scope == Scope::Offline.as_str() {
        return "Grants a refresh token.".to_string();
    }
    match scope.rsplit_once(':') {
        Some((what, action)) => format!(
            "{} access to {}.",
            capitalised(action),
            what.replace('.', " ")
        ),
        None => scope.to_string(),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_is_listed_once_in_its_group() {
        let value = catalogue();
        let groups = value["groups"].as_array().unwrap();
        let listed: Vec<&str> = groups
            .iter()
            .flat_map(|g| {
                g["scopes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["name"].as_str().unwrap())
            })
            .collect();
        assert_eq!(listed.len(), Scope::ALL.len());
        let asset = groups.iter().find(|g| g["name"] == "asset").unwrap();
        assert!(
            asset["scopes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["name"] == "asset.usage:read")
        );
        assert_eq!(describe("asset:read"), "Read access to asset.");
    }
}
