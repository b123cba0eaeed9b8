//! Tags: list with counts and its options; add to and remove from assets.

use serde_json::json;

use super::*;
use crate::store::Store;

fn count_of(store: &Store, tag: &str) -> usize {
    store
        .asset_ids()
        .iter()
        .filter(|id| store.asset(id).unwrap().tags.iter().any(|t| t == tag))
        .count()
}

fn tag_id(store: &Store, name: &str) -> String {
    store.tags().into_iter().find(|(_, n)| n == name).unwrap().0
}

#[test]
fn list_has_ids_names_and_media_counts_in_name_order() {
    let store = store();
    let (status, body) = call("tags.list").answer(&store);
    assert_eq!(status, 200);
    let list = body.as_array().unwrap();
    assert_eq!(list.len(), 25);
    let names: Vec<&str> = list.iter().map(|t| t["tag"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    for tag in list {
        assert!(crate::store::is_cf_id(tag["id"].as_str().unwrap()));
        assert_eq!(
            tag["mediaCount"],
            count_of(&store, tag["tag"].as_str().unwrap())
        );
    }
}

#[test]
fn list_orders_filters_and_pages() {
    let store = store();
    let (_, by_count) = call("tags.list")
        .q("orderBy", "mediaCount desc")
        .answer(&store);
    let counts: Vec<u64> = by_count
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["mediaCount"].as_u64().unwrap())
        .collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted);
    assert!(
        counts[0] > counts[24],
        "seeded tags have different popularity"
    );
    let (_, desc) = call("tags.list")
        .q("orderBy", "tag desc")
        .q("limit", "2")
        .answer(&store);
    assert_eq!(desc[0]["tag"], "winter");
    let (_, page) = call("tags.list")
        .q("limit", "10")
        .q("page", "3")
        .answer(&store);
    assert_eq!(page.as_array().unwrap().len(), 5);
    let (_, keyword) = call("tags.list").q("keyword", "OUT").answer(&store);
    assert_eq!(
        keyword
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["tag"].clone())
            .collect::<Vec<_>>(),
        vec![json!("outdoor")]
    );
    let threshold = counts[5];
    let (_, frequent) = call("tags.list")
        .q("mincount", &threshold.to_string())
        .answer(&store);
    assert!(
        frequent
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["mediaCount"].as_u64().unwrap() >= threshold)
    );
    assert!(frequent.as_array().unwrap().len() >= 6);
    assert_error(
        call("tags.list").q("orderBy", "id asc").answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("tags.list").q("mincount", "many").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn add_media_tags_the_assets() {
    let store = store();
    let id = tag_id(&store, "sustainability");
    let untagged: Vec<String> = store
        .asset_ids()
        .into_iter()
        .filter(|a| {
            !store
                .asset(a)
                .unwrap()
                .tags
                .contains(&"sustainability".to_string())
        })
        .take(3)
        .collect();
    let before = count_of(&store, "sustainability");
    let data = serde_json::to_string(&untagged).unwrap();
    let answer = call("tags.add_media")
        .id(&id)
        .f("data", &data)
        .answer(&store);
    assert_eq!(
        answer,
        (202, json!({"message": "Accepted", "statuscode": 202}))
    );
    assert_eq!(count_of(&store, "sustainability"), before + 3);
    let (_, media) = call("media.get").id(&untagged[0]).answer(&store);
    assert!(strings(&media["tags"]).contains(&"sustainability".to_string()));
    let (_, found) = call("media.list")
        .q("tags", "sustainability")
        .q("limit", "1000")
        .answer(&store);
    assert_eq!(found.as_array().unwrap().len(), before + 3);
    // Adding again changes nothing.
    call("tags.add_media").id(&id).f("data", &data).send(&store);
    assert_eq!(count_of(&store, "sustainability"), before + 3);
}

#[test]
fn remove_media_untags_the_assets() {
    let store = store();
    let id = tag_id(&store, "product");
    let tagged: Vec<String> = store
        .asset_ids()
        .into_iter()
        .filter(|a| {
            store
                .asset(a)
                .unwrap()
                .tags
                .contains(&"product".to_string())
        })
        .take(2)
        .collect();
    let before = count_of(&store, "product");
    let answer = call("tags.remove_media")
        .id(&id.to_lowercase())
        .q("deleteIds", &tagged.join(","))
        .answer(&store);
    assert_eq!(answer.0, 202);
    assert_eq!(count_of(&store, "product"), before - 2);
    assert!(
        !store
            .asset(&tagged[0])
            .unwrap()
            .tags
            .contains(&"product".to_string())
    );
    let (_, list) = call("tags.list").q("keyword", "product").answer(&store);
    assert_eq!(list[0]["mediaCount"], before - 2);
}

#[test]
fn tag_changes_validate_their_input() {
    let store = store();
    let id = tag_id(&store, "web");
    let asset = store.asset_ids()[0].clone();
    let data = json!([asset]).to_string();
    assert_error(
        call("tags.add_media")
            .id("00000000-0000-0000-0000000000000000")
            .f("data", &data)
            .answer(&store),
        404,
        "Tag not found",
    );
    let ghost = json!([asset, "00000000-0000-0000-0000000000000000"]).to_string();
    let before = store.asset(&asset).unwrap();
    assert_error(
        call("tags.add_media")
            .id(&id)
            .f("data", &ghost)
            .answer(&store),
        404,
        "Media not found",
    );
    assert_eq!(
        store.asset(&asset).unwrap(),
        before,
        "a failed add changes nothing"
    );
    assert_error(
        call("tags.add_media").id(&id).answer(&store),
        400,
        "No data sent",
    );
    assert_error(
        call("tags.remove_media").id(&id).answer(&store),
        400,
        "No data sent",
    );
    assert_eq!(
        call("tags.remove_media")
            .id(&id)
            .q("deleteIds", "00000000-0000-0000-0000000000000000")
            .answer(&store)
            .1,
        json!({"message": "Accepted", "statuscode": 202})
    );
}
