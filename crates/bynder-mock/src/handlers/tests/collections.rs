//! Collections: list filters and order, get, create, modify, delete, share, members.

use serde_json::{Value, json};

use super::*;

#[test]
fn list_answers_collection_objects_newest_first() {
    let store = store();
    let (status, body) = call("collections.list").answer(&store);
    assert_eq!(status, 200);
    let list = body.as_array().unwrap();
    assert_eq!(list.len(), 8);
    let first = &list[0];
    for field in [
        "id",
        "userId",
        "user",
        "name",
        "description",
        "filename",
        "link",
        "collectionCount",
        "views",
        "isPublic",
        "dateCreated",
        "dateModified",
        "cover",
        "thumbnail",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    let created = store
        .collection(first["id"].as_str().unwrap())
        .unwrap()
        .date_created;
    assert_eq!(
        first["dateCreated"],
        created.format("%B, %d %Y %H:%M:%S +0000").to_string()
    );
    assert!(first["isPublic"].is_boolean());
    let newest = store
        .collection_ids()
        .into_iter()
        .map(|id| store.collection(&id).unwrap())
        .max_by_key(|c| c.date_created);
    assert_eq!(first["id"], newest.unwrap().id.as_str());
    let user = store.read(|s| {
        s.user(first["userId"].as_str().unwrap())
            .unwrap()
            .full_name()
    });
    assert_eq!(first["user"]["name"], user.as_str());
}

#[test]
fn list_filters_orders_pages_and_counts() {
    let store = store();
    let (_, by_name) = call("collections.list")
        .q("orderBy", "name asc")
        .answer(&store);
    let names: Vec<&str> = by_name
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let (_, page) = call("collections.list")
        .q("orderBy", "name asc")
        .q("limit", "3")
        .q("page", "2")
        .answer(&store);
    assert_eq!(
        ids(&page),
        ids(&Value::Array(by_name.as_array().unwrap()[3..6].to_vec()))
    );
    let (_, public) = call("collections.list")
        .q("isPublic", "True")
        .answer(&store);
    assert!(!public.as_array().unwrap().is_empty());
    assert!(
        public
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["isPublic"] == true)
    );
    let (_, private) = call("collections.list").q("isPublic", "0").answer(&store);
    assert_eq!(
        public.as_array().unwrap().len() + private.as_array().unwrap().len(),
        8
    );
    let two = store.collection_ids()[..2].to_vec();
    let (_, chosen) = call("collections.list")
        .q("ids", &two.join(",").to_lowercase())
        .answer(&store);
    let mut got = ids(&chosen);
    got.sort();
    let mut want = two.clone();
    want.sort();
    assert_eq!(got, want);
    let (_, keyword) = call("collections.list")
        .q("keyword", "press")
        .answer(&store);
    assert_eq!(keyword.as_array().unwrap().len(), 1);
    assert_eq!(keyword[0]["name"], "Press Kit");
    let (_, big) = call("collections.list").q("minCount", "15").answer(&store);
    assert!(
        big.as_array()
            .unwrap()
            .iter()
            .all(|c| c["collectionCount"].as_u64().unwrap() >= 15)
    );
    let (_, counted) = call("collections.list")
        .q("count", "1")
        .q("limit", "2")
        .answer(&store);
    assert_eq!(counted["count"], 8);
    assert_eq!(counted["collections"].as_array().unwrap().len(), 2);
    assert_error(
        call("collections.list").q("limit", "5000").answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("collections.list")
            .q("orderBy", "views desc")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn get_and_the_java_id_variant() {
    let store = store();
    let id = store.collection_ids()[4].clone();
    let (status, body) = call("collections.get")
        .id(&id.to_lowercase())
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body["id"], id.as_str());
    assert_eq!(
        body["collectionCount"],
        store.collection(&id).unwrap().media.len()
    );
    let (_, variant) = call("collections.list").q("id", &id).answer(&store);
    assert_eq!(variant, body);
    assert_error(
        call("collections.get")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Collection not found",
    );
}

#[test]
fn create_answers_201_with_location_and_the_collection_is_listable() {
    let store = store();
    let response = call("collections.create")
        .f("name", "Launch picks")
        .f("description", "For the launch")
        .send(&store);
    assert_eq!(response.status, 201);
    let created = body(&response);
    assert_eq!(created["message"], "Created");
    assert_eq!(created["statuscode"], 201);
    let id = created["id"].as_str().unwrap().to_string();
    assert!(crate::store::is_cf_id(&id));
    assert_eq!(
        header(&response, "Location"),
        Some(format!("{BASE}/api/v4/collections/{id}/").as_str())
    );
    let (_, got) = call("collections.get").id(&id).answer(&store);
    assert_eq!(got["name"], "Launch picks");
    assert_eq!(got["description"], "For the launch");
    assert_eq!(got["collectionCount"], 0);
    assert_eq!(got["userId"], store.current_user_id().as_str());
    let (_, list) = call("collections.list").answer(&store);
    assert_eq!(
        list[0]["id"],
        id.as_str(),
        "the newest collection comes first"
    );
    assert_eq!(list.as_array().unwrap().len(), 9);
    for empty in [
        call("collections.create"),
        call("collections.create").f("name", "  "),
    ] {
        assert_error(empty.answer(&store), 400, "Collection name can't be empty");
    }
}

#[test]
fn modify_changes_fields() {
    let store = store();
    let id = store.collection_ids()[1].clone();
    let thumb = store.asset_ids()[9].clone();
    let answer = call("collections.modify")
        .id(&id)
        .f("name", "Renamed")
        .f("description", "New text")
        .f("isPublic", "true")
        .f("thumbnailAssetId", &thumb)
        .answer(&store);
    assert_eq!(
        answer,
        (201, json!({"message": "Created", "statuscode": 201}))
    );
    let collection = store.collection(&id).unwrap();
    assert_eq!(
        (collection.name.as_str(), collection.description.as_str()),
        ("Renamed", "New text")
    );
    assert!(collection.is_public);
    assert_eq!(
        collection.thumbnail_asset_id.as_deref(),
        Some(thumb.as_str())
    );
    let (_, got) = call("collections.get").id(&id).answer(&store);
    assert!(got["thumbnail"].as_str().unwrap().contains(&thumb));
    assert_error(
        call("collections.modify")
            .id(&id)
            .f("name", "")
            .answer(&store),
        400,
        "Collection name can't be empty",
    );
    assert_error(
        call("collections.modify")
            .id("00000000-0000-0000-0000000000000000")
            .f("name", "x")
            .answer(&store),
        404,
        "Collection not found",
    );
}

#[test]
fn delete_removes_the_collection() {
    let store = store();
    let id = store.collection_ids()[3].clone();
    assert_eq!(
        call("collections.delete").id(&id).answer(&store),
        (204, Value::Null)
    );
    assert_error(
        call("collections.get").id(&id).answer(&store),
        404,
        "Collection not found",
    );
    assert_eq!(store.collection_ids().len(), 7);
    assert_error(
        call("collections.delete").id(&id).answer(&store),
        404,
        "Collection not found",
    );
}

#[test]
fn share_needs_at_least_one_recipient_group_or_profile() {
    let store = store();
    let id = store.collection_ids()[0].clone();
    let answer = call("collections.share")
        .id(&id)
        .f("recipients", "a@example.com,b@example.com")
        .f("collectionOptions", "edit")
        .f("loginRequired", "False")
        .f("sendMail", "1")
        .f("dateStart", "2024-01-01T00:00:00Z")
        .answer(&store);
    assert_eq!(
        answer,
        (202, json!({"message": "accepted", "statuscode": 202}))
    );
    let profile = store.profile_ids()[0].clone();
    assert_eq!(
        call("collections.share")
            .id(&id)
            .f("profiles", &profile)
            .answer(&store)
            .0,
        202
    );
    let shares = store.collection(&id).unwrap().shares;
    assert_eq!(shares.len(), 2);
    assert_eq!(shares[0].recipients, vec!["a@example.com", "b@example.com"]);
    assert!(shares[0].send_mail && !shares[0].login_required);
    assert_eq!(shares[1].profiles, vec![profile]);
    assert_error(
        call("collections.share")
            .id(&id)
            .f("message", "hi")
            .answer(&store),
        400,
        "Recipients, groups or profiles must contain at least one entry",
    );
    assert_error(
        call("collections.share")
            .id(&id)
            .f("groups", "g")
            .f("collectionOptions", "own")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("collections.share")
            .id("00000000-0000-0000-0000000000000000")
            .f("groups", "g")
            .answer(&store),
        404,
        "Collection not found",
    );
}

#[test]
fn members_are_listed_added_and_removed() {
    let store = store();
    let id = store.collection_ids()[5].clone();
    let before = store.collection(&id).unwrap().media;
    let (status, listed) = call("collections.media_list").id(&id).answer(&store);
    assert_eq!(status, 200);
    assert_eq!(strings(&listed), before);
    let new: Vec<String> = store
        .asset_ids()
        .into_iter()
        .filter(|a| !before.contains(a))
        .take(2)
        .collect();
    let data =
        serde_json::to_string(&new.iter().map(|a| a.to_lowercase()).collect::<Vec<_>>()).unwrap();
    let answer = call("collections.media_add")
        .id(&id)
        .f("data", &data)
        .answer(&store);
    assert_eq!(
        answer,
        (202, json!({"message": "Accepted", "statuscode": 202}))
    );
    let (_, got) = call("collections.get").id(&id).answer(&store);
    assert_eq!(got["collectionCount"], before.len() + 2);
    let (_, listed) = call("collections.media_list").id(&id).answer(&store);
    assert_eq!(strings(&listed)[before.len()..], new[..]);
    let (_, filtered) = call("media.list")
        .q("collectionId", &id)
        .q("limit", "1000")
        .answer(&store);
    assert_eq!(filtered.as_array().unwrap().len(), before.len() + 2);
    let removed = format!("{},{}", new[0], before[0]);
    assert_eq!(
        call("collections.media_remove")
            .id(&id)
            .q("deleteIds", &removed)
            .answer(&store),
        (204, Value::Null)
    );
    let (_, got) = call("collections.get").id(&id).answer(&store);
    assert_eq!(got["collectionCount"], before.len());
    assert!(!store.collection(&id).unwrap().media.contains(&before[0]));
}

#[test]
fn member_changes_validate_their_input() {
    let store = store();
    let id = store.collection_ids()[5].clone();
    let size = store.collection(&id).unwrap().media.len();
    let ghost = "[\"00000000-0000-0000-0000000000000000\"]";
    assert_error(
        call("collections.media_add")
            .id(&id)
            .f("data", ghost)
            .answer(&store),
        404,
        "Media not found",
    );
    assert_error(
        call("collections.media_add")
            .id(&id)
            .f("data", "[not json")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("collections.media_add").id(&id).answer(&store),
        400,
        "No data sent",
    );
    assert_error(
        call("collections.media_remove").id(&id).answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_eq!(store.collection(&id).unwrap().media.len(), size);
    let members = store.collection(&id).unwrap().media;
    let asset = store
        .asset_ids()
        .into_iter()
        .find(|a| !members.contains(a))
        .unwrap();
    let json_body = call("collections.media_add")
        .id(&id)
        .json(json!({"data": [asset]}))
        .answer(&store);
    assert_eq!(json_body.0, 202);
    assert!(store.collection(&id).unwrap().media.contains(&asset));
    assert_error(
        call("collections.media_list")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Collection not found",
    );
}
