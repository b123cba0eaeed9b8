//! `media.list`: every filter, order, paging, both totals shapes and the cursor.

use serde_json::Value;

use super::*;
use crate::store::{Asset, Store};

/// Every asset matching `pairs` (query), in the answered order.
fn all(store: &Store, pairs: &[(&str, &str)]) -> Vec<Value> {
    let mut req = call("media.list").q("limit", "1000");
    for (k, v) in pairs {
        req = req.q(k, v);
    }
    let (status, body) = req.answer(store);
    assert_eq!(status, 200, "{pairs:?}: {body}");
    body.as_array().unwrap().clone()
}

fn id_set(items: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = items
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn expected(store: &Store, keep: impl Fn(&Asset) -> bool) -> Vec<String> {
    let mut ids: Vec<String> = store
        .asset_ids()
        .iter()
        .filter_map(|id| store.asset(id))
        .filter(|a| keep(a))
        .map(|a| a.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn default_page_is_fifty_newest_first_with_the_full_media_shape() {
    let store = store();
    let (status, body) = call("media.list").answer(&store);
    assert_eq!(status, 200);
    let media = body.as_array().unwrap();
    assert_eq!(media.len(), 50);
    let dates: Vec<&str> = media
        .iter()
        .map(|m| m["dateCreated"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let first = &media[0];
    for field in [
        "id",
        "idHash",
        "name",
        "description",
        "copyright",
        "type",
        "brandId",
        "userCreated",
        "dateCreated",
        "dateModified",
        "datePublished",
        "fileSize",
        "width",
        "height",
        "orientation",
        "tags",
        "propertyOptions",
        "thumbnails",
        "transformBaseUrl",
    ] {
        assert!(first.get(field).is_some(), "missing {field} in {first}");
    }
    assert!(first["extension"].is_array());
    for flag in ["archive", "limited", "isPublic", "watermarked"] {
        assert!(
            first[flag] == 0 || first[flag] == 1,
            "{flag} = {}",
            first[flag]
        );
    }
    assert!(first["dateCreated"].as_str().unwrap().ends_with('Z'));
    assert_eq!(first["dateCreated"].as_str().unwrap().len(), 20);
    assert!(
        first["thumbnails"]["mini"]
            .as_str()
            .unwrap()
            .starts_with(BASE)
    );
    assert!(first.get("mediaItems").is_none() && first.get("views").is_none());
}

#[test]
fn property_fields_name_the_selected_options() {
    let store = store();
    let mps = store.metaproperties();
    for media in all(&store, &[]) {
        let selected = strings(&media["propertyOptions"]);
        for mp in mps.iter().filter(|mp| mp.kind == "select") {
            let names: Vec<String> = mp
                .options
                .iter()
                .filter(|o| selected.contains(&o.id))
                .map(|o| o.name.clone())
                .collect();
            let key = format!("property_{}", mp.name);
            if names.is_empty() {
                assert!(media.get(&key).is_none());
            } else {
                assert_eq!(strings(&media[&key]), names);
            }
        }
    }
}

#[test]
fn limit_and_page_slice_the_ordered_list() {
    let store = store();
    let everything = all(&store, &[]);
    assert_eq!(everything.len(), 300);
    let (_, page2) = call("media.list")
        .q("limit", "100")
        .q("page", "2")
        .answer(&store);
    assert_eq!(
        ids(&page2),
        ids(&Value::Array(everything[100..200].to_vec()))
    );
    let (_, last) = call("media.list")
        .q("limit", "120")
        .q("page", "3")
        .answer(&store);
    assert_eq!(last.as_array().unwrap().len(), 60);
    let (_, beyond) = call("media.list")
        .q("limit", "120")
        .q("page", "4")
        .answer(&store);
    assert_eq!(beyond, serde_json::json!([]));
}

#[test]
fn bad_paging_parameters_are_400() {
    let store = store();
    for (k, v) in [
        ("limit", "1001"),
        ("limit", "abc"),
        ("limit", "0"),
        ("page", "0"),
        ("page", "-1"),
    ] {
        assert_error(
            call("media.list").q(k, v).answer(&store),
            400,
            "Invalid request parameters.",
        );
    }
}

#[test]
fn total_shape_wraps_the_page() {
    let store = store();
    let (status, body) = call("media.list")
        .q("total", "1")
        .q("limit", "10")
        .q("type", "image")
        .answer(&store);
    assert_eq!(status, 200);
    let images = expected(&store, |a| a.kind == "image").len();
    assert_eq!(body["total"], serde_json::json!({"count": images}));
    assert_eq!(body["media"].as_array().unwrap().len(), 10);
    assert!(body.get("count").is_none());
}

#[test]
fn count_shape_has_total_and_facets() {
    let store = store();
    let (status, body) = call("media.list")
        .q("count", "true")
        .q("limit", "5")
        .answer(&store);
    assert_eq!(status, 200);
    let count = &body["count"];
    assert_eq!(count["total"], 300);
    assert_eq!(body["media"].as_array().unwrap().len(), 5);
    let type_sum: u64 = count["type"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(type_sum, 300);
    let brand_sum: u64 = count["brandId"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(brand_sum, 300);
    let brand = &store.brand_ids()[0];
    assert_eq!(
        count["brandId"][brand],
        expected(&store, |a| a.brand_id == *brand).len()
    );
    assert_eq!(
        count["tags"]["product"],
        expected(&store, |a| a.tags.contains(&"product".into())).len()
    );
    let orientation_sum: u64 = count["orientation"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(orientation_sum, 300);
}

#[test]
fn count_false_as_the_js_sdk_sends_keeps_the_bare_array() {
    let store = store();
    let (_, body) = call("media.list")
        .q("count", "false")
        .q("total", "0")
        .q("limit", "2")
        .answer(&store);
    assert_eq!(body.as_array().unwrap().len(), 2);
}

#[test]
fn both_shapes_together() {
    let (_, body) = call("media.list")
        .q("count", "1")
        .q("total", "True")
        .q("limit", "1")
        .answer(&store());
    assert_eq!(body["total"]["count"], 300);
    assert_eq!(body["count"]["total"], 300);
    assert_eq!(body["media"].as_array().unwrap().len(), 1);
}

#[test]
fn cursor_pages_to_the_end_in_list_order() {
    let store = store();
    let everything = ids(&Value::Array(all(&store, &[])));
    let mut seen = Vec::new();
    let mut cursor = "*".to_string();
    let mut pages = 0;
    loop {
        let response = call("media.list")
            .q("limit", "120")
            .q("cursor", &cursor)
            .send(&store);
        assert_eq!(response.status, 200);
        seen.extend(ids(&body(&response)));
        pages += 1;
        match header(&response, "X-Bynder-NextCursor") {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
        assert!(pages < 10, "cursor never ends");
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, everything);
}

#[test]
fn empty_cursor_starts_and_a_plain_page_has_no_cursor_header() {
    let store = store();
    let response = call("media.list")
        .q("limit", "10")
        .q("cursor", "")
        .send(&store);
    assert_eq!(body(&response).as_array().unwrap().len(), 10);
    assert!(header(&response, "X-Bynder-NextCursor").is_some());
    let response = call("media.list").q("limit", "10").send(&store);
    assert!(header(&response, "X-Bynder-NextCursor").is_none());
    let response = call("media.list")
        .q("limit", "1000")
        .q("cursor", "*")
        .send(&store);
    assert!(
        header(&response, "X-Bynder-NextCursor").is_none(),
        "one page holds everything"
    );
    assert_error(
        call("media.list").q("cursor", "%%garbage").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn brand_sub_brand_and_ids_filters() {
    let store = store();
    let brand = store.brand_ids()[1].clone();
    assert_eq!(
        id_set(&all(&store, &[("brandId", &brand)])),
        expected(&store, |a| a.brand_id == brand)
    );
    let lower = brand.to_lowercase();
    assert_eq!(
        all(&store, &[("brandid", &lower)]).len(),
        expected(&store, |a| a.brand_id == brand).len()
    );
    let sub = store.brands()[1].sub_brands[0].id.clone();
    let subs = all(&store, &[("subBrandId", &sub)]);
    assert!(!subs.is_empty());
    assert_eq!(
        id_set(&subs),
        expected(&store, |a| a.sub_brand_id.as_deref() == Some(sub.as_str()))
    );
    let picked: Vec<String> = store.asset_ids()[..3].to_vec();
    let mut want = picked.clone();
    want.sort();
    assert_eq!(id_set(&all(&store, &[("ids", &picked.join(","))])), want);
    let repeated = all(
        &store,
        &[
            ("ids", &picked[0]),
            ("ids", &picked[1]),
            ("ids", &picked[2]),
        ],
    );
    assert_eq!(id_set(&repeated), want);
}

#[test]
fn collection_and_category_filters() {
    let store = store();
    let collection = store.collection(&store.collection_ids()[2]).unwrap();
    let mut members = collection.media.clone();
    members.sort();
    assert_eq!(
        id_set(&all(&store, &[("collectionId", &collection.id)])),
        members
    );
    assert!(
        all(
            &store,
            &[("categoryId", "00000000-0000-0000-0000000000000000")]
        )
        .is_empty()
    );
}

#[test]
fn property_option_filter_is_an_and_in_both_list_spellings() {
    let store = store();
    let mps = store.metaproperties();
    let department = mps.iter().find(|m| m.name == "Department").unwrap();
    let region = mps.iter().find(|m| m.name == "Region").unwrap();
    let (a, b) = (
        department.options[0].id.clone(),
        region.options[0].id.clone(),
    );
    let want = expected(&store, |x| {
        x.option_ids.contains(&a) && x.option_ids.contains(&b)
    });
    let only_a = expected(&store, |x| x.option_ids.contains(&a));
    assert!(want.len() < only_a.len(), "the AND must narrow the result");
    assert_eq!(
        id_set(&all(&store, &[("propertyOptionId", &format!("{a},{b}"))])),
        want
    );
    assert_eq!(
        id_set(&all(
            &store,
            &[("propertyOptionId", &a), ("propertyOptionId", &b)]
        )),
        want
    );
    assert_eq!(id_set(&all(&store, &[("propertyOptionId", &a)])), only_a);
}

#[test]
fn property_name_filter_takes_option_names_or_ids() {
    let store = store();
    let mps = store.metaproperties();
    let region = mps.iter().find(|m| m.name == "Region").unwrap();
    let emea = &region.options[0];
    let want = expected(&store, |x| x.option_ids.contains(&emea.id));
    assert!(!want.is_empty());
    assert_eq!(
        id_set(&all(&store, &[("property_Region", &emea.name)])),
        want
    );
    assert_eq!(
        id_set(&all(
            &store,
            &[("property_region", &emea.label.to_uppercase())]
        )),
        want
    );
    assert_eq!(id_set(&all(&store, &[("property_Region", &emea.id)])), want);
    let second = &region.options[1];
    let both = expected(&store, |x| {
        x.option_ids.contains(&emea.id) && x.option_ids.contains(&second.id)
    });
    assert_eq!(
        id_set(&all(
            &store,
            &[("property_Region", &format!("{},{}", emea.id, second.id))]
        )),
        both
    );
    let repeated = all(
        &store,
        &[
            ("property_Region", &emea.name),
            ("property_REGION", &second.id),
        ],
    );
    assert_eq!(id_set(&repeated), both);
    assert!(all(&store, &[("property_Region", "atlantis")]).is_empty());
    assert_error(
        call("media.list").q("property_Nope", "x").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn tags_type_orientation_and_keyword_filters() {
    let store = store();
    let tagged = expected(&store, |a| {
        a.tags.contains(&"product".into()) && a.tags.contains(&"web".into())
    });
    assert_eq!(id_set(&all(&store, &[("tags", "product,WEB")])), tagged);
    let av = expected(&store, |a| a.kind == "video" || a.kind == "audio");
    assert_eq!(id_set(&all(&store, &[("type", "video,audio")])), av);
    assert_eq!(
        id_set(&all(&store, &[("type", "video"), ("type", "audio")])),
        av
    );
    let portrait = expected(&store, |a| a.height > a.width);
    assert_eq!(
        id_set(&all(&store, &[("orientation", "portrait")])),
        portrait
    );
    let square = all(&store, &[("orientation", "square")]);
    assert!(
        square
            .iter()
            .all(|m| m["width"] == m["height"] && m["orientation"] == "square")
    );
    let keyword = expected(&store, |a| {
        a.name.to_lowercase().contains("pdf")
            || a.extension == "pdf"
            || a.tags.iter().any(|t| t.contains("pdf"))
    });
    assert!(!keyword.is_empty());
    assert_eq!(id_set(&all(&store, &[("keyword", "PDF")])), keyword);
    let by_tag = expected(&store, |a| {
        a.name.to_lowercase().contains("sustain") || a.tags.iter().any(|t| t.contains("sustain"))
    });
    assert_eq!(id_set(&all(&store, &[("keyword", "sustain")])), by_tag);
    assert_error(
        call("media.list").q("type", "hologram").answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("media.list").q("orientation", "round").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn boolean_filters_accept_every_spelling() {
    let store = store();
    let archived = expected(&store, |a| a.archive);
    let live = expected(&store, |a| !a.archive);
    assert!(!archived.is_empty());
    for yes in ["1", "true", "True", "TRUE"] {
        assert_eq!(id_set(&all(&store, &[("archive", yes)])), archived, "{yes}");
    }
    for no in ["0", "false", "False"] {
        assert_eq!(id_set(&all(&store, &[("archive", no)])), live, "{no}");
    }
    assert_eq!(
        id_set(&all(&store, &[("limited", "1")])),
        expected(&store, |a| a.limited)
    );
    assert_eq!(
        id_set(&all(&store, &[("isPublic", "true")])),
        expected(&store, |a| a.is_public)
    );
    assert!(
        all(&store, &[("isPublic", "true")])
            .iter()
            .all(|m| m["isPublic"] == 1)
    );
    assert_error(
        call("media.list").q("archive", "maybe").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn date_filters_bound_creation_and_modification() {
    let store = store();
    let from = crate::handlers::params::parse_date("2020-01-01T00:00:00Z").unwrap();
    let to = crate::handlers::params::parse_date("2021-06-30").unwrap();
    let want = expected(&store, |a| a.date_created >= from && a.date_created <= to);
    assert_eq!(
        id_set(&all(
            &store,
            &[
                ("dateCreated", "2020-01-01T00:00:00Z"),
                ("dateCreatedTo", "2021-06-30")
            ]
        )),
        want
    );
    let modified = expected(&store, |a| a.date_modified >= from);
    assert_eq!(
        id_set(&all(&store, &[("dateModified", "2020-01-01T00:00:00Z")])),
        modified
    );
    let sample = store.asset(&store.asset_ids()[10]).unwrap();
    let day = sample.date_created.format("%Y-%m-%d").to_string();
    let on = all(&store, &[("dateCreatedOn", &day)]);
    assert!(on.iter().any(|m| m["id"] == sample.id.as_str()));
    assert!(
        on.iter()
            .all(|m| m["dateCreated"].as_str().unwrap().starts_with(&day))
    );
    let mday = sample.date_modified.format("%Y-%m-%d").to_string();
    let on = all(&store, &[("dateModifiedOn", &mday)]);
    assert!(
        on.iter()
            .all(|m| m["dateModified"].as_str().unwrap().starts_with(&mday))
    );
    let until = expected(&store, |a| a.date_modified <= to);
    assert_eq!(
        id_set(&all(
            &store,
            &[("dateModifiedTo", "2021-06-30T00:00:00+00:00")]
        )),
        until
    );
    let spaced = all(&store, &[("dateModifiedTo", "2021-06-30T02:00:00 02:00")]);
    assert_eq!(
        id_set(&spaced),
        until,
        "a `+` decoded as a space still reads as an offset"
    );
    assert_error(
        call("media.list")
            .q("dateCreated", "yesterday")
            .answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn order_by_every_field_and_direction() {
    let store = store();
    for (order, field) in [
        ("name asc", "name"),
        ("name desc", "name"),
        ("dateModified asc", "dateModified"),
        ("dateModified desc", "dateModified"),
        ("datePublished desc", "datePublished"),
        ("dateCreated asc", "dateCreated"),
    ] {
        let values: Vec<String> = all(&store, &[("orderBy", order)])
            .iter()
            .map(|m| m[field].as_str().unwrap().to_lowercase())
            .collect();
        let mut sorted = values.clone();
        sorted.sort();
        if order.ends_with("desc") {
            sorted.reverse();
        }
        assert_eq!(values, sorted, "{order}");
    }
    let (_, body) = call("media.list")
        .q("orderBy", "name")
        .q("limit", "3")
        .answer(&store);
    let names: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(
        names[0].to_lowercase() <= names[1].to_lowercase(),
        "no direction means ascending"
    );
    assert_error(
        call("media.list").q("orderBy", "size desc").answer(&store),
        400,
        "Invalid request parameters.",
    );
    assert_error(
        call("media.list").q("orderBy", "name up").answer(&store),
        400,
        "Invalid request parameters.",
    );
}

#[test]
fn media_items_and_version_numbers_on_request() {
    let store = store();
    let (_, body) = call("media.list")
        .q("includeMediaItems", "1")
        .q("includeVersionNumber", "true")
        .q("limit", "20")
        .answer(&store);
    for media in body.as_array().unwrap() {
        let items = media["mediaItems"].as_array().unwrap();
        let active = items
            .iter()
            .find(|i| i["type"] == "original" && i["active"] == true)
            .unwrap();
        assert_eq!(media["activeVersion"], active["version"]);
    }
}

#[test]
fn the_java_id_variant_answers_one_object() {
    let store = store();
    let id = store.asset_ids()[7].clone();
    let (status, body) = call("media.list")
        .q("id", &id.to_lowercase())
        .q("versions", "1")
        .answer(&store);
    assert_eq!(status, 200);
    assert_eq!(body["id"], id.as_str());
    assert!(body["mediaItems"].is_array());
    assert_error(
        call("media.list")
            .q("id", "00000000-0000-0000-0000000000000000")
            .answer(&store),
        404,
        "Media not found",
    );
}
