//! `media.get`, `media.modify`, `media.delete` and the three download locations.

use serde_json::json;

use super::*;
use crate::store::Store;

fn metaproperty(store: &Store, name: &str) -> crate::store::Metaproperty {
    store
        .metaproperties()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap()
}

#[test]
fn get_answers_one_asset_with_optional_items_and_stats() {
    let store = store();
    let id = store.asset_ids()[0].clone();
    let asset = store.asset(&id).unwrap();
    let (status, body) = call("media.get").id(&id).answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body["id"], id.as_str());
    assert_eq!(body["name"], asset.name.as_str());
    assert_eq!(body["extension"], json!([asset.extension]));
    assert!(body.get("mediaItems").is_none() && body.get("views").is_none());
    let (_, full) = call("media.get")
        .id(&id.to_lowercase())
        .q("versions", "1")
        .q("stats", "True")
        .answer(&store);
    assert_eq!(full["views"], asset.views);
    assert_eq!(full["downloads"], asset.downloads);
    let items = full["mediaItems"].as_array().unwrap();
    assert_eq!(items.len(), asset.items.len());
    assert_eq!(items[0]["id"], asset.items[0].id.as_str());
    assert!(
        items
            .iter()
            .all(|i| i["dateCreated"].as_str().unwrap().ends_with('Z'))
    );
}

#[test]
fn get_of_an_unknown_asset_is_404() {
    assert_error(
        call("media.get")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store()),
        404,
        "Media not found",
    );
}

#[test]
fn modify_changes_fields_tags_and_date_modified() {
    let store = store();
    let id = store.asset_ids()[3].clone();
    let before = store.asset(&id).unwrap();
    let brand = store
        .brand_ids()
        .into_iter()
        .find(|b| *b != before.brand_id)
        .unwrap();
    let answer = call("media.modify")
        .id(&id)
        .f("name", "Renamed asset")
        .f("Description", "A new description")
        .f("copyright", "© Mock")
        .f("brandid", &brand)
        .f("tags", "alpha,beta")
        .f("tags", "gamma")
        .f("datePublished", "2024-02-03T04:05:06Z")
        .f("archive", "True")
        .f("limited", "1")
        .answer(&store);
    assert_eq!(
        answer,
        (202, json!({"message": "Accepted", "statuscode": 202}))
    );
    let (_, after) = call("media.get").id(&id).answer(&store);
    assert_eq!(after["name"], "Renamed asset");
    assert_eq!(after["description"], "A new description");
    assert_eq!(after["copyright"], "© Mock");
    assert_eq!(after["brandId"], brand.as_str());
    assert_eq!(after["tags"], json!(["alpha", "beta", "gamma"]));
    assert_eq!(after["datePublished"], "2024-02-03T04:05:06Z");
    assert_eq!(
        (after["archive"].clone(), after["limited"].clone()),
        (json!(1), json!(1))
    );
    assert!(
        after["dateModified"].as_str().unwrap()
            > super::super::shapes::iso(before.date_modified).as_str()
    );
    let (_, tags) = call("tags.list").q("keyword", "gamma").answer(&store);
    assert_eq!(tags[0]["tag"], "gamma");
    assert_eq!(tags[0]["mediaCount"], 1);
}

#[test]
fn modify_sets_metaproperty_options_by_id_or_name_and_text() {
    let store = store();
    let id = store.asset_ids()[5].clone();
    let region = metaproperty(&store, "Region");
    let status = metaproperty(&store, "AssetStatus");
    let caption = metaproperty(&store, "Caption");
    let answer = call("media.modify")
        .id(&id)
        .f(
            &format!("metaproperty.{}", region.id),
            &format!("{},{}", region.options[0].id, region.options[2].name),
        )
        .f(
            &format!("metaproperty.{}", status.id.to_lowercase()),
            &status.options[2].id,
        )
        .f(
            &format!("metaproperty.{}", caption.id),
            "Sunset over the dunes",
        )
        .answer(&store);
    assert_eq!(answer.0, 202, "{}", answer.1);
    let (_, after) = call("media.get").id(&id).answer(&store);
    assert_eq!(
        after["property_Region"],
        json!([region.options[0].name, region.options[2].name])
    );
    assert_eq!(
        after["property_AssetStatus"],
        json!([status.options[2].name])
    );
    assert_eq!(after["property_Caption"], "Sunset over the dunes");
    let options = strings(&after["propertyOptions"]);
    assert!(options.contains(&region.options[0].id) && options.contains(&status.options[2].id));
    assert_eq!(
        options
            .iter()
            .filter(|o| status.options.iter().any(|s| &s.id == *o))
            .count(),
        1
    );
    // The new selection shows up in filters.
    let (_, found) = call("media.list")
        .q("property_Region", &region.options[2].name)
        .q("limit", "1000")
        .answer(&store);
    assert!(ids(&found).contains(&id));
    // An empty value clears the metaproperty.
    call("media.modify")
        .id(&id)
        .f(&format!("metaproperty.{}", region.id), "")
        .send(&store);
    let (_, cleared) = call("media.get").id(&id).answer(&store);
    assert!(cleared.get("property_Region").is_none());
}

#[test]
fn modify_rejects_bad_values_without_changing_anything() {
    let store = store();
    let id = store.asset_ids()[6].clone();
    let before = store.asset(&id).unwrap();
    let status = metaproperty(&store, "AssetStatus");
    let region = metaproperty(&store, "Region");
    let bad = [
        call("media.modify")
            .id(&id)
            .f("name", "x")
            .f("brandId", "00000000-0000-0000-0000000000000000"),
        call("media.modify").id(&id).f("name", "x").f(
            &format!("metaproperty.{}", region.id),
            &status.options[0].id,
        ),
        call("media.modify").id(&id).f(
            &format!("metaproperty.{}", status.id),
            &format!("{},{}", status.options[0].id, status.options[1].id),
        ),
        call("media.modify")
            .id(&id)
            .f("metaproperty.00000000-0000-0000-0000000000000000", "x"),
        call("media.modify").id(&id).f("archive", "perhaps"),
        call("media.modify")
            .id(&id)
            .f("datePublished", "not a date"),
        call("media.modify")
            .id(&id)
            .f("customThumbnailFileId", "abc")
            .f("removeCustomThumbnail", "true"),
    ];
    for req in bad {
        assert_error(req.answer(&store), 400, "Invalid request parameters.");
    }
    assert_eq!(store.asset(&id).unwrap(), before);
    assert_error(
        call("media.modify")
            .id("00000000-0000-0000-0000000000000000")
            .f("name", "x")
            .answer(&store),
        404,
        "Media not found",
    );
}

#[test]
fn making_an_asset_public_cannot_be_undone() {
    let store = store();
    let id = store
        .asset_ids()
        .into_iter()
        .find(|id| !store.asset(id).unwrap().is_public)
        .unwrap();
    call("media.modify")
        .id(&id)
        .f("isPublic", "true")
        .send(&store);
    assert!(store.asset(&id).unwrap().is_public);
    call("media.modify").id(&id).f("isPublic", "0").send(&store);
    assert!(store.asset(&id).unwrap().is_public);
}

#[test]
fn delete_moves_the_asset_to_recently_removed() {
    let store = store();
    let collection = store.collection(&store.collection_ids()[0]).unwrap();
    let id = collection.media[0].clone();
    let asset = store.asset(&id).unwrap();
    let tag = asset.tags.first().cloned();
    let count_before = tag.as_ref().map(|t| tag_count(&store, t));
    assert_eq!(
        call("media.delete").id(&id.to_lowercase()).answer(&store),
        (204, serde_json::Value::Null)
    );
    assert_error(
        call("media.get").id(&id).answer(&store),
        404,
        "Media not found",
    );
    let (_, list) = call("media.list").q("limit", "1000").answer(&store);
    assert_eq!(list.as_array().unwrap().len(), 299);
    assert!(!ids(&list).contains(&id));
    let removed = store.recently_removed();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].id, id);
    assert_eq!(removed[0].name, asset.name);
    assert_eq!(removed[0].user_id, store.current_user_id());
    assert_eq!(removed[0].username, "alex.morgan");
    let (_, after) = call("collections.get").id(&collection.id).answer(&store);
    assert_eq!(after["collectionCount"], collection.media.len() - 1);
    if let (Some(tag), Some(before)) = (tag, count_before) {
        assert_eq!(tag_count(&store, &tag), before - 1);
    }
    assert_error(
        call("media.delete").id(&id).answer(&store),
        404,
        "Media not found",
    );
}

fn tag_count(store: &Store, tag: &str) -> u64 {
    let (_, tags) = call("tags.list").q("limit", "1000").answer(store);
    tags.as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == tag)
        .unwrap()["mediaCount"]
        .as_u64()
        .unwrap()
}

fn split_url(url: &str) -> (String, String, i64, String) {
    let rest = url
        .strip_prefix(&format!("{BASE}/_mock/storage/"))
        .unwrap_or_else(|| panic!("{url}"));
    let (path, query) = rest.split_once('?').unwrap();
    // `{asset}/{item}/{file name}`
    let mut segments = path.splitn(3, '/');
    let (asset, item) = (segments.next().unwrap(), segments.next().unwrap());
    assert!(
        !segments.next().unwrap().is_empty(),
        "the URL ends in the file name: {url}"
    );
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    assert_eq!(pairs[0].0, "expires");
    assert_eq!(pairs[1].0, "signature");
    (
        asset.to_string(),
        item.to_string(),
        pairs[0].1.parse().unwrap(),
        pairs[1].1.to_string(),
    )
}

#[test]
fn download_location_signs_a_storage_url_for_the_original() {
    let store = store();
    let id = store.asset_ids()[1].clone();
    let asset = store.asset(&id).unwrap();
    let (status, body) = call("media.download_location").id(&id).answer(&store);
    assert_eq!(status, 200);
    assert!(body["disclaimer"].as_str().unwrap().starts_with("<p>"));
    let (asset_id, item, expires, signature) = split_url(body["s3_file"].as_str().unwrap());
    assert_eq!(asset_id, id);
    assert_eq!(item, asset.active_original().unwrap().id);
    assert!(expires > chrono::Utc::now().timestamp());
    assert_eq!(signature.len(), 64);
    assert!(store.verify_download(&asset_id, &item, expires, &signature));
    assert!(!store.verify_download(&asset_id, &item, expires + 1, &signature));
    assert_eq!(store.asset(&id).unwrap().downloads, asset.downloads + 1);
    let (_, explicit) = call("media.download_location")
        .id(&id)
        .q("type", "original")
        .answer(&store);
    assert_eq!(split_url(explicit["s3_file"].as_str().unwrap()).1, item);
}

#[test]
fn download_location_of_additional_files_and_bad_types() {
    let store = store();
    let ids = store.asset_ids();
    let with = ids
        .iter()
        .find(|id| {
            store
                .asset(id)
                .unwrap()
                .items
                .iter()
                .any(|i| i.kind == "additional")
        })
        .unwrap();
    let without = ids
        .iter()
        .find(|id| {
            store
                .asset(id)
                .unwrap()
                .items
                .iter()
                .all(|i| i.kind == "original")
        })
        .unwrap();
    let additional = store
        .asset(with)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.kind == "additional")
        .unwrap();
    let (status, body) = call("media.download_location")
        .id(with)
        .q("type", "additional")
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(
        split_url(body["s3_file"].as_str().unwrap()).1,
        additional.id
    );
    assert_error(
        call("media.download_location")
            .id(without)
            .q("type", "additional")
            .answer(&store),
        404,
        "Additional file not available",
    );
    assert_error(
        call("media.download_location")
            .id(with)
            .q("type", "thumbnail")
            .answer(&store),
        400,
        "Invalid type",
    );
    assert_error(
        call("media.download_location")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Media not found",
    );
}

#[test]
fn version_and_item_download_locations() {
    let store = store();
    let id = store
        .asset_ids()
        .into_iter()
        .find(|id| store.asset(id).unwrap().active_version() >= 2)
        .unwrap();
    let asset = store.asset(&id).unwrap();
    let v1 = asset
        .items
        .iter()
        .find(|i| i.kind == "original" && i.version == 1)
        .unwrap();
    let (status, body) = call("media.version_download_location")
        .id(&id)
        .path("version", "1")
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(split_url(body["s3_file"].as_str().unwrap()).1, v1.id);
    assert_error(
        call("media.version_download_location")
            .id(&id)
            .path("version", "99")
            .answer(&store),
        404,
        "Version not found",
    );
    assert_error(
        call("media.version_download_location")
            .id(&id)
            .path("version", "one")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
    let (status, body) = call("media.item_download_location")
        .id(&id)
        .path("itemId", &v1.id.to_lowercase())
        .q("hash", "false")
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(split_url(body["s3_file"].as_str().unwrap()).1, v1.id);
    assert_error(
        call("media.item_download_location")
            .id(&id)
            .path("itemId", "00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Media item not found",
    );
}
