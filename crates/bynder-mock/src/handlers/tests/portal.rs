//! Brands, smart filters, account, derivatives, current user, profiles.

use bynder::Scope;
use serde_json::json;

use super::*;

#[test]
fn brands_carry_their_sub_brands() {
    let store = store();
    let (status, body) = call("brands.list").answer(&store);
    assert_eq!(status, 200);
    let brands = body.as_array().unwrap();
    assert_eq!(ids(&body), store.brand_ids());
    for (json, brand) in brands.iter().zip(store.brands()) {
        assert_eq!(json["name"], brand.name.as_str());
        assert!(json["image"].as_str().unwrap().starts_with(BASE));
        let subs = json["subBrands"].as_array().unwrap();
        assert!((1..=3).contains(&subs.len()));
        assert_eq!(
            ids(&json["subBrands"]),
            brand
                .sub_brands
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        );
        assert!(
            subs.iter()
                .all(|s| s.get("description").is_some() && s.get("image").is_some())
        );
    }
}

#[test]
fn smartfilters_name_existing_metaproperties() {
    let store = store();
    let (status, body) = call("smartfilters.list").answer(&store);
    assert_eq!(status, 200);
    assert_eq!(ids(&body), store.smartfilter_ids());
    let known = store.metaproperty_ids();
    for filter in body.as_array().unwrap() {
        assert!(filter["icon"].as_str().unwrap().starts_with("fa "));
        assert!(filter["labels"]["en_US"].is_string());
        let mps = strings(&filter["metaproperties"]);
        assert!(!mps.is_empty() && mps.iter().all(|m| known.contains(m)));
    }
    assert_eq!(body[0]["zindex"], 0);
}

#[test]
fn account_and_derivatives() {
    let store = store();
    let (status, account) = call("account.get").answer(&store);
    assert_eq!(status, 200);
    assert_eq!(account["defaultLanguage"], "en_US");
    assert_eq!(account["isOpenImageBank"], false);
    assert!(strings(&account["availableLanguages"]).contains(&"nl_NL".to_string()));
    assert_eq!(account["timeZone"], "Europe/Amsterdam");
    let (_, derivatives) = call("account.derivatives").answer(&store);
    let list = derivatives.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["prefix"], "500x500");
    assert_eq!(
        list[0],
        json!({"prefix": "500x500", "width": 500, "height": 500, "dpi": -1, "isCrop": true, "isOnTheFly": true,
               "isExtent": false, "isPublic": true, "allowedTypes": ""})
    );
    // Image thumbnails carry a key per applicable derivative.
    let image = store
        .asset_ids()
        .into_iter()
        .find(|id| store.asset(id).unwrap().kind == "image")
        .unwrap();
    let (_, media) = call("media.get").id(&image).answer(&store);
    assert!(
        media["thumbnails"]["web_1600"].is_string() && media["thumbnails"]["500x500"].is_string()
    );
}

#[test]
fn current_user_is_the_token_owner() {
    let store = store();
    let (status, user) = call("users.current").answer(&store);
    assert_eq!(status, 200);
    assert_eq!(user["id"], store.current_user_id().as_str());
    assert_eq!(user["username"], "alex.morgan");
    assert_eq!(user["email"], "alex.morgan@example.com");
    assert_eq!(user["profileId"], store.profile_ids()[0].as_str());
    assert_eq!(user["active"], true);
    assert!(user["lastLogin"].as_str().unwrap().ends_with('Z'));
    let other = store.user_ids()[2].clone();
    let (_, someone) = call("users.current")
        .user(&other.to_lowercase())
        .answer(&store);
    assert_eq!(someone["id"], other.as_str());
    assert_error(
        call("users.current")
            .user("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "User not found",
    );
}

#[test]
fn profiles_list_and_get() {
    let store = store();
    let (status, body) = call("profiles.list").answer(&store);
    assert_eq!(status, 200);
    let profiles = body.as_array().unwrap();
    assert_eq!(profiles.len(), 3);
    assert_eq!(profiles[0]["name"], "Administrator");
    assert!(strings(&profiles[0]["roles"]).contains(&"PERMISSIONMANAGEMENT".to_string()));
    let editor = store.profile_ids()[1].clone();
    let (status, one) = call("profiles.get").id(&editor).answer(&store);
    assert_eq!(status, 200);
    assert_eq!(one, profiles[1]);
    assert_error(
        call("profiles.get").id("no-such-profile").answer(&store),
        404,
        "Profile not found",
    );
}

#[test]
fn own_profile_needs_only_current_profile_read() {
    let store = store();
    let own = store.profile_ids()[0].clone();
    let other = store.profile_ids()[2].clone();
    let (status, body) = call("profiles.get")
        .id(&own)
        .scopes(&[Scope::CurrentProfileRead])
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body["id"], own.as_str());
    assert_error(
        call("profiles.get")
            .id(&other)
            .scopes(&[Scope::CurrentProfileRead])
            .answer(&store),
        403,
        "Access denied",
    );
    assert_eq!(
        call("profiles.get")
            .id(&other)
            .scopes(&[Scope::AdminProfileRead])
            .answer(&store)
            .0,
        200
    );
}
