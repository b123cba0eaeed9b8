//! Portal-wide reads: brands, smart filters, account, derivatives, the current user and
//! security profiles (`reference/bynder-api.md` §5.5, §5.6, §7.5).

use bynder::Scope;
use serde_json::{Value, json};

use super::params::not_found;

use crate::request::{OpRequest, OpResponse};
use crate::store::{Profile, Store, normalize_id};

/// `GET /api/v4/brands/`.
pub fn brands(store: &Store, req: &OpRequest) -> OpResponse {
    let image = |id: &str| format!("{}/_mock/cdn/brands/{id}.png", req.base_url);
    store.read(|s| {
        let body: Vec<Value> = s
            .brands
            .iter()
            .map(|b| {
                let subs: Vec<Value> = b
                    .sub_brands
                    .iter()
                    .map(|sub| json!({"id": sub.id, "name": sub.name, "description": sub.description, "image": image(&sub.id)}))
                    .collect();
                json!({"id": b.id, "name": b.name, "description": b.description, "image": image(&b.id), "subBrands": subs})
            })
            .collect();
        OpResponse::json(Value::Array(body))
    })
}

/// `GET /api/v4/smartfilters/`.
pub fn smartfilters(store: &Store) -> OpResponse {
    store.read(|s| {
        let body: Vec<Value> = s
            .smartfilters
            .iter()
            .map(|f| json!({"id": f.id, "icon": f.icon, "labels": f.labels, "zindex": f.zindex, "metaproperties": f.metaproperty_ids}))
            .collect();
        OpResponse::json(Value::Array(body))
    })
}

/// `GET /api/v4/account/`.
pub fn account(store: &Store) -> OpResponse {
    store.read(|s| {
        let a = &s.account;
        OpResponse::json(json!({
            "availableLanguages": a.available_languages,
            "defaultLanguage": a.default_language,
            "name": a.name,
            "timeZone": a.time_zone,
            "isOpenImageBank": a.is_open_image_bank,
        }))
    })
}

/// `GET /api/v4/account/derivatives/`.
pub fn derivatives(store: &Store) -> OpResponse {
    store.read(|s| {
        let body: Vec<Value> = s
            .derivatives
            .iter()
            .map(|d| {
                json!({
                    "prefix": d.prefix, "width": d.width, "height": d.height, "dpi": d.dpi,
                    "isCrop": d.is_crop, "isOnTheFly": d.is_on_the_fly, "isExtent": d.is_extent,
                    "isPublic": d.is_public, "allowedTypes": d.allowed_types,
                })
            })
            .collect();
        OpResponse::json(Value::Array(body))
    })
}

/// `GET /api/v4/currentUser/`: the user the token belongs to.
pub fn current_user(store: &Store, req: &OpRequest) -> OpResponse {
    store.read(|s| match s.user(&req.principal.user_id) {
        // The same shape as `GET /api/v4/users/{id}/`, so edits made there show here too.
        Some(user) => OpResponse::json(super::users_admin::detail(user, &s.account.name)),
        None => not_found("User not found"),
    })
}

fn profile_json(profile: &Profile) -> Value {
    json!({"id": profile.id, "name": profile.name, "roles": profile.roles})
}

/// `GET /api/v4/profiles/`.
pub fn profiles(store: &Store) -> OpResponse {
    store.read(|s| OpResponse::json(Value::Array(s.profiles.iter().map(profile_json).collect())))
}

/// `GET /api/v4/profiles/{id}/`. With only `current.profile:read` a caller may read just
/// their own profile.
pub fn profile(store: &Store, req: &OpRequest) -> OpResponse {
    let id = normalize_id(req.path_param("id").unwrap_or_default());
    let admin = req.principal.scopes.contains(&Scope::AdminProfileRead);
    store.read(|s| {
        let Some(profile) = s.profiles.iter().find(|p| p.id == id) else {
            return not_found("Profile not found");
        };
        let own = s
            .user(&req.principal.user_id)
            .is_some_and(|u| u.profile_id == profile.id);
        if admin || own {
            OpResponse::json(profile_json(profile))
        } else {
            OpResponse::message(403, "Access denied")
        }
    })
}
