//! `GET /v6/authentication/oauth2/scopes`: the scope catalogue, grouped
//! (`{"groups":[{"name","scopes":[{"name","description","anyOfPermissions"}]}]}`, §2.2, §2.7).

use bynder::Scope;
use serde_json::{Value, json};

use crate::request::OpResponse;

/// The group a scope is listed under, from its resource prefix.
fn group_of(scope: Scope) -> &'static str {
    let text = scope.as_str();
    let resource = text.split(':').next().unwrap_or(text);
    match resource.split('.').next().unwrap_or(resource) {
        "asset" => "Assets",
        "collection" => "Collections",
        "meta" => "Metaproperties",
        "admin" | "current" => "Users and profiles",
        "workflow" => "Workflow",
        "brandstore" => "Brandstore",
        "analytics" => "Analytics",
        "antivirus" => "Antivirus",
        "webhooks" => "Webhooks",
        _ => "General",
    }
}

/// The security roles of which any one lets a user be granted `scope`.
fn permissions_of(scope: Scope) -> &'static [&'static str] {
    match scope {
        Scope::AssetRead => &["MEDIAHIGHRES", "COLLECTIONS"],
        Scope::AssetWrite => &["MEDIAEDIT", "MEDIAREMOVE", "MEDIAUPLOAD"],
        Scope::CollectionRead | Scope::CollectionWrite => &["COLLECTIONS"],
        Scope::MetaAssetbankWrite => &["METAPROPERTYMANAGEMENT", "METAMANAGEMENT"],
        Scope::AdminProfileRead => &["PERMISSIONMANAGEMENT"],
        Scope::AdminUserRead | Scope::AdminUserWrite => &["USERMANAGEMENT"],
        _ => &[],
    }
}

fn description_of(scope: Scope) -> String {
    let text = scope.as_str();
    match text.split_once(':') {
        Some((resource, action)) => format!(
            "{} access to {}",
            capitalise(action),
            resource.replace('.', " ")
        ),
        None => "Get a refresh token to keep access while the user is away".to_string(),
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The scope catalogue.
pub fn scopes() -> OpResponse {
    let mut groups: Vec<(&str, Vec<Value>)> = Vec::new();
    for scope in Scope::ALL {
        let entry = json!({
            "name": scope.as_str(),
            "description": description_of(*scope),
            "anyOfPermissions": permissions_of(*scope),
        });
        let name = group_of(*scope);
        match groups.iter_mut().find(|(group, _)| *group == name) {
            Some((_, scopes)) => scopes.push(entry),
            None => groups.push((name, vec![entry])),
        }
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|(name, scopes)| json!({"name": name, "scopes": scopes}))
        .collect();
    OpResponse::json(json!({"groups": groups}))
}
