//! Metaproperties: the object keyed by name, one metaproperty, options by ids, options paged.

use serde_json::json;

use super::*;
use crate::store::Store;

fn by_name(store: &Store, name: &str) -> crate::store::Metaproperty {
    store
        .metaproperties()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap()
}

#[test]
fn list_is_an_object_keyed_by_name_with_options() {
    let store = store();
    let (status, body) = call("metaproperties.list").answer(&store);
    assert_eq!(status, 200);
    let object = body.as_object().unwrap();
    let names: Vec<&String> = object.keys().collect();
    assert_eq!(
        names,
        vec![
            "Department",
            "Region",
            "AssetStatus",
            "Campaign",
            "Channel",
            "Caption"
        ]
    );
    let region = &object["Region"];
    let seeded = by_name(&store, "Region");
    assert_eq!(region["id"], seeded.id.as_str());
    assert_eq!(region["type"], "select");
    assert_eq!(region["isMultiselect"], true);
    let options = region["options"].as_array().unwrap();
    assert_eq!(options.len(), seeded.options.len());
    assert_eq!(options[0]["name"], seeded.options[0].name.as_str());
    assert_eq!(options[0]["label"], seeded.options[0].label.as_str());
    assert_eq!(options[0]["active"], true);
    assert!(
        options[0]["date"].as_str().unwrap().ends_with(" +0000"),
        "{}",
        options[0]["date"]
    );
    assert!(options[0].get("mediaCount").is_none());
    assert_eq!(object["Caption"]["type"], "text");
    for mp in object.values() {
        assert!((3..=8).contains(&mp["options"].as_array().unwrap().len()) || mp["type"] == "text");
    }
}

#[test]
fn list_without_options_with_counts_and_by_ids() {
    let store = store();
    let (_, bare) = call("metaproperties.list")
        .q("options", "false")
        .answer(&store);
    assert!(bare["Region"].get("options").is_none());
    let region = by_name(&store, "Region");
    let emea = &region.options[0].id;
    let all = store
        .asset_ids()
        .iter()
        .filter(|id| store.asset(id).unwrap().option_ids.contains(emea))
        .count();
    let images = store
        .asset_ids()
        .iter()
        .map(|id| store.asset(id).unwrap())
        .filter(|a| a.kind == "image" && a.option_ids.contains(emea))
        .count();
    let (_, counted) = call("metaproperties.list").q("count", "1").answer(&store);
    assert_eq!(counted["Region"]["options"][0]["mediaCount"], all);
    let (_, typed) = call("metaproperties.list")
        .q("count", "true")
        .q("type", "image")
        .answer(&store);
    assert_eq!(typed["Region"]["options"][0]["mediaCount"], images);
    assert!(images < all);
    let status = by_name(&store, "AssetStatus");
    let (_, chosen) = call("metaproperties.list")
        .q("ids", &region.id.to_lowercase())
        .q("ids", &status.id)
        .answer(&store);
    assert_eq!(
        chosen.as_object().unwrap().keys().collect::<Vec<_>>(),
        vec!["Region", "AssetStatus"]
    );
    assert_error(
        call("metaproperties.list")
            .q("options", "nope")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn get_answers_one_metaproperty_or_404() {
    let store = store();
    let channel = by_name(&store, "Channel");
    let (status, body) = call("metaproperties.get").id(&channel.id).answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body["name"], "Channel");
    assert_eq!(
        body["options"].as_array().unwrap().len(),
        channel.options.len()
    );
    let (_, bare) = call("metaproperties.get")
        .id(&channel.id)
        .q("options", "0")
        .answer(&store);
    assert!(bare.get("options").is_none());
    assert_error(
        call("metaproperties.get")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Metaproperty not found",
    );
}

#[test]
fn options_by_ids_answers_the_options_in_the_options_shape() {
    let store = store();
    let region = by_name(&store, "Region");
    let campaign = by_name(&store, "Campaign");
    let wanted = [region.options[1].id.clone(), campaign.options[0].id.clone()];
    let (status, body) = call("metaproperties.options_by_ids")
        .q("ids", &wanted.join(","))
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(ids(&body), wanted.to_vec());
    assert_eq!(body[0]["active"], 1);
    assert_eq!(body[0]["displayLabel"], region.options[1].label.as_str());
    assert!(body[0]["date"].as_str().unwrap().ends_with("+00:00"));
    let (_, repeated) = call("metaproperties.options_by_ids")
        .q("ids", &wanted[0])
        .q("ids", &wanted[1])
        .answer(&store);
    assert_eq!(ids(&repeated), wanted.to_vec());
    let (_, unknown) = call("metaproperties.options_by_ids")
        .q("ids", "00000000-0000-0000-0000000000000000")
        .answer(&store);
    assert_eq!(unknown, json!([]));
    assert_error(
        call("metaproperties.options_by_ids").answer(&store),
        400,
        "No data sent",
    );
    assert_error(
        call("metaproperties.options_by_ids")
            .q("ids", "not-an-id")
            .answer(&store),
        400,
        "Invalid metaproperty option id sent",
    );
}

#[test]
fn options_of_a_metaproperty_are_paged_and_filtered() {
    let store = store();
    let campaign = by_name(&store, "Campaign");
    let (status, body) = call("metaproperties.options")
        .id(&campaign.id)
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body.as_array().unwrap().len(), campaign.options.len());
    let (_, page) = call("metaproperties.options")
        .id(&campaign.id)
        .q("limit", "3")
        .q("page", "2")
        .answer(&store);
    assert_eq!(
        ids(&page),
        campaign.options[3..6]
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()
    );
    let (_, named) = call("metaproperties.options")
        .id(&campaign.id)
        .q("name", "black")
        .answer(&store);
    assert_eq!(named.as_array().unwrap().len(), 1);
    assert_eq!(named[0]["name"], "black_friday");
    let reference = &campaign.options[2].external_reference;
    let (_, referenced) = call("metaproperties.options")
        .id(&campaign.id)
        .q("externalReference", reference)
        .answer(&store);
    assert_eq!(ids(&referenced), vec![campaign.options[2].id.clone()]);
    assert_error(
        call("metaproperties.options")
            .id(&campaign.id)
            .q("limit", "1001")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("metaproperties.options")
            .id("00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Metaproperty not found",
    );
}
