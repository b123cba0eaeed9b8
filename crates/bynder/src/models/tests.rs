//! The models against Bynder's published OpenAPI definitions (read at test time from the shared
//! reference folder) and against hand-written JSON for the quirks the definitions do not show.
//!
//! Where a definition has response examples they are decoded as they are. Where it only has a
//! schema, an instance is built from it (property examples where given, placeholders otherwise);
//! such an instance must decode with every documented field named (nothing left in `extra`) and
//! encode back to the same JSON.

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::*;
use crate::error::ErrorKind;

const OPENAPI_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/reference/openapi/"
);

fn openapi(name: &str) -> Value {
    let path = format!("{OPENAPI_DIR}bynder-{name}-openapi.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `application/json` content of one documented response.
fn content(doc: &Value, path: &str, method: &str, status: &str) -> Value {
    let content = &doc["paths"][path][method]["responses"][status]["content"]["application/json"];
    assert!(
        content.is_object(),
        "no JSON response {method} {path} {status}"
    );
    content.clone()
}

/// The response examples of `content`; examples given as JSON text are parsed.
fn examples(content: &Value) -> Vec<Value> {
    let mut found: Vec<Value> = content["examples"]
        .as_object()
        .map(|all| all.values().map(|e| e["value"].clone()).collect())
        .unwrap_or_default();
    found.extend(content.get("example").cloned());
    let found: Vec<Value> = found
        .into_iter()
        .map(|e| match e {
            Value::String(text) => serde_json::from_str(&text).expect("example is JSON text"),
            other => other,
        })
        .collect();
    assert!(!found.is_empty(), "no examples in {content}");
    found
}

/// An instance of a JSON schema: property examples where given, else placeholders (`1` for
/// integers so that 0/1 booleans read back as the same number).
fn instance(schema: &Value, name: &str) -> Value {
    if let Some(example) = schema.get("example") {
        return example.clone();
    }
    match schema["type"].as_str().unwrap_or("string") {
        "object" => Value::Object(
            schema["properties"]
                .as_object()
                .map(|props| {
                    props
                        .iter()
                        .map(|(k, s)| (k.clone(), instance(s, k)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        "array" => json!([instance(&schema["items"], name)]),
        "integer" => json!(1),
        "number" => json!(0.5),
        "boolean" => json!(true),
        _ if schema["format"] == "date-time" => json!("2017-05-30T16:47:44Z"),
        _ => json!(format!("{name}-text")),
    }
}

fn schema_instance(doc: &Value, path: &str, method: &str, status: &str) -> Value {
    instance(&content(doc, path, method, status)["schema"], "root")
}

/// JSON with every number as a float and every boolean as 0/1, to compare lenient round trips.
fn normalized(value: &Value) -> Value {
    match value {
        Value::Bool(b) => json!(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn decode<T: DeserializeOwned>(value: &Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: {value}"))
}

/// Decodes, encodes and decodes again; both decodings must be equal.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(value: &Value) -> T {
    let first: T = decode(value);
    let encoded = serde_json::to_value(&first).expect("encode");
    let second: T = decode(&encoded);
    assert_eq!(first, second, "round trip of {value}");
    first
}

/// Decodes a schema instance: every field must be named (nothing but `property_*` left in
/// `extra`) and the encoding must equal the input.
fn exact<T: DeserializeOwned + Serialize + PartialEq + Debug + HasExtra>(value: &Value) -> T {
    let decoded: T = round_trip(value);
    let unnamed: Vec<&String> = decoded
        .extra()
        .keys()
        .filter(|k| !k.starts_with("property_"))
        .collect();
    assert!(
        unnamed.is_empty(),
        "fields not named by the model: {unnamed:?}"
    );
    let encoded = serde_json::to_value(&decoded).expect("encode");
    assert_eq!(normalized(&encoded), normalized(value));
    decoded
}

trait HasExtra {
    fn extra(&self) -> &Map<String, Value>;
}

macro_rules! has_extra {
    ($($model:ty),*) => {
        $(impl HasExtra for $model {
            fn extra(&self) -> &Map<String, Value> {
                &self.extra
            }
        })*
    };
}

has_extra!(
    Media,
    MediaItem,
    FocusPoint,
    RelatedAssets,
    Brand,
    SubBrand,
    Tag,
    Collection,
    CollectionUser,
    CollectionCover,
    Metaproperty,
    MetapropertyOption,
    SmartFilter,
    Account,
    Derivative,
    User,
    UserGroup,
    Profile,
    ScopeGroups,
    ScopeGroup,
    ScopeInfo,
    DownloadLocation,
    Status
);

mod writes;

/// Adds an unknown field and a custom metaproperty to `object`, decodes it as `T`, and checks
/// both land in `extra` and come back out on encoding.
fn unknown_fields_survive<T: DeserializeOwned + Serialize + HasExtra>(object: &Value) {
    let mut object = object.as_object().expect("an object").clone();
    let unknown = json!({"nested": [1, "two", null], "flag": false});
    object.insert("fieldFromTheFuture".into(), unknown.clone());
    object.insert(
        "property_Custom_Field".into(),
        json!(["Option A", "Option B"]),
    );
    let decoded: T = decode(&Value::Object(object));
    assert_eq!(decoded.extra().get("fieldFromTheFuture"), Some(&unknown));
    let encoded = serde_json::to_value(&decoded).expect("encode");
    assert_eq!(encoded["fieldFromTheFuture"], unknown);
    assert_eq!(
        encoded["property_Custom_Field"],
        json!(["Option A", "Option B"])
    );
}

#[test]
fn media_list_schema_decodes_every_field() {
    let doc = openapi("asset-v4");
    let list = schema_instance(&doc, "/api/v4/media/", "get", "200");
    let media: Vec<Media> = decode(&list);
    assert_eq!(media.len(), 1);
    let asset = exact::<Media>(&list[0]);
    assert_eq!(asset.id_hash.as_deref(), Some("idHash-text"));
    assert_eq!(asset.extension, ["extension-text"]);
    assert_eq!(asset.video_preview_urls, ["videoPreviewURLs-text"]);
    assert_eq!(asset.is_public, Some(true));
    assert_eq!(asset.thumbnail("webimage"), Some("webimage-text"));
    assert_eq!(
        asset.media_items[0].public_url.as_deref(),
        Some("publicUrl-text")
    );
    assert!(asset.media_items[0].extra.is_empty());
    let properties: Vec<(&str, &Value)> = asset.properties().collect();
    assert_eq!(
        properties,
        [("limitedrights", &json!("property_limitedrights-text"))]
    );
    let page = MediaPage::from_value(list).expect("bare array");
    assert_eq!((page.media.len(), page.total), (1, None));
    unknown_fields_survive::<Media>(&list_item(&doc));
}

fn list_item(doc: &Value) -> Value {
    schema_instance(doc, "/api/v4/media/", "get", "200")[0].clone()
}

#[test]
fn media_detail_schema_decodes_every_field() {
    let doc = openapi("asset-v4");
    let value = schema_instance(&doc, "/api/v4/media/{id}", "get", "200");
    let asset = exact::<Media>(&value);
    assert_eq!((asset.views, asset.downloads), (Some(1), Some(1)));
    assert_eq!(
        asset.active_original_focus_point.as_ref().and_then(|p| p.x),
        Some(1.0)
    );
    let related = &asset.related_assets[0];
    assert_eq!(
        related.meta_property_name.as_deref(),
        Some("metaPropertyName-text")
    );
    assert_eq!(related.assets, ["assets-text"]);
    assert!(related.extra.is_empty());
    assert_eq!(
        asset.property("assettype"),
        Some(&json!(["property_assettype-text"]))
    );
    assert_eq!(
        asset
            .date_created
            .as_ref()
            .and_then(|d| d.to_utc())
            .map(|d| d.timestamp()),
        Some(1496162864)
    );
}

#[test]
fn media_with_integer_booleans_nulls_and_custom_fields() {
    let value = json!({
        "id": "86B09440-FB61-450F-AFA65FABF4F5D628",
        "idHash": "4bd9969d0037c178",
        "name": "Beach",
        "type": "image",
        "archive": 0, "isPublic": 1, "watermarked": "0", "limited": "true",
        "extension": ["jpg"],
        "fileSize": "2048",
        "width": null, "height": 1080,
        "dateCreated": "2017-05-30T16:47:44Z",
        "thumbnails": {"mini": "https://cdn/mini.jpg", "thul": "https://cdn/thul.jpg", "500x500": "https://cdn/500.jpg"},
        "property_assettype": ["photo"],
        "property_Colour": "red",
        "mediaItems": [{"id": "1", "type": "original", "width": null, "height": null, "active": 1, "size": 5}],
        "activeOriginalFocusPoint": {"x": 0.25, "y": "0.75"},
        "brandNewField": 3
    });
    let asset: Media = round_trip(&value);
    assert_eq!(asset.id, "86B09440-FB61-450F-AFA65FABF4F5D628");
    assert_eq!(
        (
            asset.archive,
            asset.is_public,
            asset.watermarked,
            asset.limited
        ),
        (Some(false), Some(true), Some(false), Some(true))
    );
    assert_eq!(
        (asset.file_size, asset.width, asset.height),
        (Some(2048), None, Some(1080))
    );
    assert_eq!(asset.thumbnail("500x500"), Some("https://cdn/500.jpg"));
    let item = &asset.media_items[0];
    assert_eq!(
        (item.width, item.height, item.active, item.size),
        (None, None, Some(true), Some(5))
    );
    let focus = asset
        .active_original_focus_point
        .as_ref()
        .expect("focus point");
    assert_eq!((focus.x, focus.y), (Some(0.25), Some(0.75)));
    let names: Vec<&str> = asset.properties().map(|(name, _)| name).collect();
    assert_eq!(names, ["assettype", "Colour"]);
    assert_eq!(asset.property("Colour"), Some(&json!("red")));
    assert_eq!(asset.property("brandNewField"), None);
    let encoded = serde_json::to_value(&asset).expect("encode");
    assert_eq!(encoded["isPublic"], json!(true));
    assert_eq!(encoded["brandNewField"], json!(3));
    assert_eq!(encoded["property_assettype"], json!(["photo"]));
    assert!(
        encoded.get("width").is_none(),
        "null width is omitted, not invented"
    );
}

#[test]
fn media_page_reads_all_three_shapes() {
    let asset = json!({"id": "00B627BB-8054-44C0-A343FCF40BC790CD", "name": "a"});
    let bare = MediaPage::from_value(json!([asset, asset])).expect("array");
    assert_eq!(
        (bare.media.len(), bare.total, bare.counts.is_none()),
        (2, None, true)
    );

    let total =
        MediaPage::from_value(json!({"total": {"count": 1234}, "media": [asset]})).expect("total");
    assert_eq!((total.media.len(), total.total), (1, Some(1234)));
    assert_eq!(total.media[0].name.as_deref(), Some("a"));

    let count =
        json!({"count": {"total": "57", "type": {"image": 50, "video": 7}}, "media": [asset]});
    let counted = MediaPage::from_value(count).expect("count");
    assert_eq!(counted.total, Some(57));
    let facets = counted.count_facets().expect("facets");
    assert_eq!(facets.total, Some(57));
    assert_eq!(facets.facets["type"]["video"], json!(7));

    let again: MediaPage = decode(&serde_json::to_value(&counted).expect("encode"));
    assert_eq!(again, counted);
    let empty = MediaPage::from_value(json!({"total": {"count": 0}})).expect("no media key");
    assert_eq!((empty.media.len(), empty.total), (0, Some(0)));

    for bad in [
        json!("media"),
        json!(null),
        json!({"items": []}),
        json!([1]),
    ] {
        let err = MediaPage::from_value(bad.clone()).expect_err("not a media list");
        assert_eq!(err.kind(), ErrorKind::Decode, "{bad}");
    }
}

#[test]
fn collections_decode_from_the_published_examples() {
    let doc = openapi("collections-v4");
    let list = &examples(&content(&doc, "/api/v4/collections", "get", "200"))[0];
    let collections: Vec<Collection> = round_trip(list);
    assert_eq!(collections.len(), 2);
    let first = &collections[0];
    assert_eq!(first.id, "00B627BB-8054-44C0-A343FCF40BC790CD");
    assert_eq!(first.collection_count, Some(2));
    assert_eq!(first.is_public, Some(true));
    assert_eq!(collections[1].is_public, Some(false));
    assert_eq!(
        first.user.as_ref().and_then(|u| u.name.as_deref()),
        Some("John Doe")
    );
    assert_eq!(first.cover.as_ref().map(|c| c.thumbnails.len()), Some(3));
    let created = first.date_created.as_ref().expect("dateCreated");
    assert_eq!(created.raw(), "March, 01 2017 10:49:12 +0000");
    assert_eq!(
        created.to_utc().map(|d| d.to_rfc3339()).as_deref(),
        Some("2017-03-01T10:49:12+00:00")
    );
    let encoded = serde_json::to_value(&collections).expect("encode");
    assert_eq!(encoded, *list, "the example round-trips exactly");

    let single = &examples(&content(&doc, "/api/v4/collections/{id}", "get", "200"))[0];
    let one: Collection = round_trip(single);
    assert_eq!(
        (one.views, one.link.as_deref()),
        (Some(2), Some("___URL_TO_BYNDER_CDN___"))
    );
    assert!(one.extra.is_empty());

    let full = exact::<Collection>(&schema_instance(&doc, "/api/v4/collections", "get", "200")[0]);
    assert!(full.user.as_ref().is_some_and(|u| u.extra.is_empty()));
    assert!(full.cover.as_ref().is_some_and(|c| c.extra.is_empty()));
    exact::<Collection>(&schema_instance(
        &doc,
        "/api/v4/collections/{id}",
        "get",
        "200",
    ));

    let media_ids = &examples(&content(
        &doc,
        "/api/v4/collections/{id}/media",
        "get",
        "200",
    ))[0];
    let ids: Vec<String> = decode(media_ids);
    assert!(!ids.is_empty());
    unknown_fields_survive::<Collection>(&list[0]);
}

#[test]
fn collection_accepts_capitalised_is_public() {
    let one: Collection = decode(&json!({"id": "x", "IsPublic": 1}));
    assert_eq!(one.is_public, Some(true));
    assert_eq!(
        serde_json::to_value(&one).expect("encode")["isPublic"],
        json!(true)
    );
}

#[test]
fn metaproperties_decode_from_the_published_examples() {
    let doc = openapi("metaproperty-v4");
    let list = &examples(&content(&doc, "/api/v4/metaproperties", "get", "200"))[0];
    let by_name: BTreeMap<String, Metaproperty> = round_trip(list);
    assert_eq!(by_name.len(), 2);
    let colours = &by_name["Colours"];
    assert!(
        colours.extra.is_empty(),
        "unnamed: {:?}",
        colours.extra.keys()
    );
    assert_eq!(colours.name.as_deref(), Some("colours"));
    assert_eq!(colours.property_type.as_deref(), Some("sidebar"));
    assert_eq!(
        (
            colours.zindex,
            colours.is_mainfilter,
            colours.is_multiselect
        ),
        (Some(16), Some(true), Some(false))
    );
    assert_eq!(colours.options.len(), 2);
    let yellow = &colours.options[0];
    assert!(
        yellow.extra.is_empty(),
        "unnamed: {:?}",
        yellow.extra.keys()
    );
    assert_eq!(
        (yellow.name.as_deref(), yellow.active),
        (Some("yellow"), Some(true))
    );
    assert_eq!(
        yellow.labels.as_ref().map(|l| l["nl_NL"].clone()),
        Some(json!("Geel"))
    );
    assert_eq!(yellow.product_suffix.as_deref(), Some(""));
    assert_eq!(
        yellow
            .date
            .as_ref()
            .and_then(|d| d.to_utc())
            .map(|d| d.to_rfc3339())
            .as_deref(),
        Some("2017-02-15T14:54:58+00:00")
    );
    assert!(by_name["Bob_button"].options.is_empty());

    let single = &examples(&content(&doc, "/api/v4/metaproperties/{id}", "get", "200"))[0];
    let one: Metaproperty = round_trip(single);
    assert_eq!(one.options[1].display_label.as_deref(), Some("Red"));
    unknown_fields_survive::<Metaproperty>(single);
    unknown_fields_survive::<MetapropertyOption>(&single["options"][0]);

    let created: Status =
        decode(&examples(&content(&doc, "/api/v4/metaproperties", "post", "201"))[0]);
    assert_eq!(created.statuscode, Some(201));
    assert_eq!(
        created.id.as_deref(),
        Some("00000000-0000-0000-0000000000000000")
    );
}

#[test]
fn metaproperty_accepts_is_multi_select_and_nested_options() {
    let value = json!({"id": "M", "isMultiSelect": "1", "options": [
        {"id": "P", "active": 0, "options": [{"id": "C", "active": "1", "mediaCount": "4"}]}
    ]});
    let one: Metaproperty = round_trip(&value);
    assert_eq!(one.is_multiselect, Some(true));
    assert_eq!(one.options[0].active, Some(false));
    let child = &one.options[0].options[0];
    assert_eq!(
        (child.id.as_str(), child.active, child.media_count),
        ("C", Some(true), Some(4))
    );
}

#[test]
fn options_decode_from_the_published_examples() {
    let doc = openapi("options-v4");
    for path in [
        "/api/v4/metaproperties/options",
        "/api/v4/metaproperties/{id}/options",
    ] {
        let list = &examples(&content(&doc, path, "get", "200"))[0];
        let options: Vec<MetapropertyOption> = round_trip(list);
        assert_eq!(options.len(), 2, "{path}");
        assert_eq!(options[0].active, Some(true), "integer 1 is true");
        assert_eq!(options[1].label.as_deref(), Some("Red"));
        let date = options[0].date.as_ref().expect("date");
        assert_eq!(date.raw(), "2017-02-15T14:54:58+00:00");
        assert_eq!(date.to_utc().map(|d| d.timestamp()), Some(1487170498));
        // Only examples are published here: they must decode with every field named.
        exact::<MetapropertyOption>(&list[0]);
    }
}

/// Every documented error or status example of these definitions decodes as a [`Status`].
#[test]
fn status_envelopes_decode_from_every_published_example() {
    let mut checked = 0;
    for name in ["options-v4", "metaproperty-v4"] {
        let doc = openapi(name);
        for (path, methods) in doc["paths"].as_object().expect("paths") {
            for (method, operation) in methods.as_object().expect("methods") {
                let responses = operation["responses"].as_object().expect("responses");
                for (code, response) in responses {
                    let content = &response["content"]["application/json"];
                    if content.get("examples").is_none() && content.get("example").is_none() {
                        continue;
                    }
                    for example in examples(content)
                        .iter()
                        .filter(|e| e.get("statuscode").is_some())
                    {
                        let status: Status = round_trip(example);
                        let want: u64 = code.parse().expect("numeric status");
                        assert_eq!(status.statuscode, Some(want), "{method} {path} {code}");
                        assert!(status.message.is_some(), "{method} {path} {code}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} envelopes found");
}

#[test]
fn status_accepts_string_codes_and_the_brandstore_spelling() {
    let not_found: Status = decode(&json!({"message": "Media not found", "statuscode": "404"}));
    assert_eq!(
        (not_found.message.as_deref(), not_found.statuscode),
        (Some("Media not found"), Some(404))
    );
    let created: Status = decode(&json!({"message": "Created", "status_code": 201}));
    assert_eq!(created.statuscode, Some(201));
    let with_id: Status = decode(&json!({"message": "Created", "statuscode": 201, "id": 17}));
    assert_eq!(with_id.id.as_deref(), Some("17"));
    let garbage: Status = decode(&json!({"message": "?", "statuscode": "four hundred"}));
    assert_eq!(garbage.statuscode, None);
    let doc = openapi("asset-v4");
    let accepted = schema_instance(&doc, "/api/v4/media/{id}", "post", "202");
    exact::<Status>(&accepted);
    let options_created = schema_instance(&doc, "/api/media/options", "post", "201");
    assert_eq!(
        exact::<Status>(&options_created).message.as_deref(),
        Some("Created")
    );
}

#[test]
fn brands_decode_from_the_published_schema() {
    let doc = openapi("brands-v4");
    let list = schema_instance(&doc, "/api/v4/brands/", "get", "200");
    let brands: Vec<Brand> = decode(&list);
    let brand = exact::<Brand>(&list[0]);
    assert_eq!(brands.len(), 1);
    assert_eq!(brand.image.as_deref(), Some("image-text"));
    assert_eq!(brand.sub_brands.len(), 1);
    assert_eq!(brand.sub_brands[0].name.as_deref(), Some("name-text"));
    assert!(brand.sub_brands[0].extra.is_empty());
    unknown_fields_survive::<Brand>(&list[0]);
    unknown_fields_survive::<SubBrand>(&list[0]["subBrands"][0]);
}

#[test]
fn smart_filters_decode_from_the_published_example() {
    let doc = openapi("smartfilter-v4");
    let list = &examples(&content(&doc, "/api/v4/smartfilters", "get", "200"))[0];
    let filters: Vec<SmartFilter> = round_trip(list);
    assert_eq!(filters.len(), 2);
    assert_eq!(filters[0].icon.as_deref(), Some("fa fa-group"));
    assert_eq!(filters[1].zindex, Some(1));
    assert_eq!(filters[1].metaproperties.len(), 3);
    assert_eq!(
        filters[0].labels.as_ref().map(|l| l["de_DE"].clone()),
        Some(json!("Destinations"))
    );
    assert!(filters.iter().all(|f| f.extra.is_empty()));
    assert_eq!(serde_json::to_value(&filters).expect("encode"), *list);
    unknown_fields_survive::<SmartFilter>(&list[0]);
}

#[test]
fn account_and_derivatives_decode_from_the_published_schemas() {
    let doc = openapi("account-v4");
    let account = exact::<Account>(&schema_instance(&doc, "/api/v4/account", "get", "200"));
    assert_eq!(account.name.as_deref(), Some("Bynder"));
    assert_eq!(account.available_languages.len(), 8);
    assert_eq!(account.time_zone.as_deref(), Some("Europe/Amsterdam"));
    assert_eq!(account.is_open_image_bank, Some(false));
    let list = schema_instance(&doc, "/api/v4/account/derivatives", "get", "200");
    let derivative = exact::<Derivative>(&list[0]);
    assert_eq!(derivative.prefix.as_deref(), Some("500x500"));
    assert_eq!((derivative.width, derivative.dpi), (Some(500), Some(-1)));
    assert_eq!(
        (derivative.is_crop, derivative.is_extent),
        (Some(true), Some(false))
    );
    unknown_fields_survive::<Account>(&schema_instance(&doc, "/api/v4/account", "get", "200"));
    unknown_fields_survive::<Derivative>(&list[0]);

    let presets = openapi("derivative-presets");
    let preset = schema_instance(
        &presets,
        "/api/1/derivative-presets/{preset_id}",
        "get",
        "200",
    );
    let preset = exact::<Derivative>(&preset);
    assert_eq!(
        (preset.is_public, preset.is_on_the_fly),
        (Some(true), Some(true)),
        "integer flags"
    );
    assert_eq!(preset.id.as_deref(), Some("id-text"));
}

#[test]
fn users_decode_from_the_published_schemas() {
    let doc = openapi("users-v4");
    let list = schema_instance(&doc, "/api/v4/users/", "get", "200");
    let listed = exact::<User>(&list[0]);
    assert_eq!(listed.active, Some(true), "integer active");
    assert_eq!(listed.is_sso_only, Some(true));
    assert_eq!(listed.salesrep_id.as_deref(), Some("salesrepId-text"));
    assert_eq!(listed.groups[0].name.as_deref(), Some("name-text"));
    assert!(listed.groups[0].extra.is_empty());
    for path in ["/api/v4/users/{id}", "/api/v4/currentUser/"] {
        let user = exact::<User>(&schema_instance(&doc, path, "get", "200"));
        assert_eq!(user.first_name.as_deref(), Some("firstname-text"), "{path}");
        assert_eq!(
            user.last_login.as_ref().map(BynderDate::raw),
            Some("2017-05-30T16:47:44Z")
        );
    }
    let created = exact::<User>(&schema_instance(&doc, "/api/v4/users/", "post", "201"));
    assert_eq!(
        (created.id.as_str(), created.username.as_deref()),
        ("id-text", Some("username-text"))
    );
    unknown_fields_survive::<User>(&list[0]);
    unknown_fields_survive::<UserGroup>(&list[0]["groups"][0]);

    let zero: User = decode(&json!({"id": 12, "active": "0"}));
    assert_eq!((zero.id.as_str(), zero.active), ("12", Some(false)));
}

#[test]
fn profiles_decode_from_the_published_examples() {
    let doc = openapi("securityroles-v4");
    let list = &examples(&content(&doc, "/api/v4/profiles/", "get", "200"))[0];
    let profiles: Vec<Profile> = round_trip(list);
    assert_eq!(profiles.len(), 2);
    assert_eq!(
        (profiles[0].id.as_str(), profiles[0].name.as_deref()),
        ("1", Some("Admin"))
    );
    assert_eq!(
        profiles[0].roles,
        ["GROUPMANAGEMENT", "USERMANAGEMENT", "PERMISSIONMANAGEMENT"]
    );
    let one: Profile =
        round_trip(&examples(&content(&doc, "/api/v4/profiles/{id}", "get", "200"))[0]);
    assert_eq!(one, profiles[0]);
    let numeric: Profile = decode(&json!({"id": 3, "name": "Guest", "roles": []}));
    assert_eq!(numeric.id, "3");
    unknown_fields_survive::<Profile>(&list[0]);
}

#[test]
fn scope_catalogue_decodes_from_the_published_example() {
    let doc = openapi("oauth2");
    let example = &examples(&content(
        &doc,
        "/v6/authentication/oauth2/scopes",
        "get",
        "200",
    ))[0];
    let catalogue: ScopeGroups = round_trip(example);
    let group = &catalogue.groups[0];
    assert_eq!(group.name.as_deref(), Some("Group name"));
    let scope = &group.scopes[0];
    assert_eq!(scope.name.as_deref(), Some("scope:action"));
    assert_eq!(scope.any_of_permissions, ["scope.permission"]);
    assert!(catalogue.extra.is_empty() && group.extra.is_empty() && scope.extra.is_empty());
    assert_eq!(serde_json::to_value(&catalogue).expect("encode"), *example);
    unknown_fields_survive::<ScopeGroups>(example);
    unknown_fields_survive::<ScopeGroup>(&example["groups"][0]);
    unknown_fields_survive::<ScopeInfo>(&example["groups"][0]["scopes"][0]);
}

#[test]
fn download_locations_decode_from_the_published_schemas() {
    let doc = openapi("asset-download");
    for path in [
        "/api/v4/media/{id}/download",
        "/api/v4/media/{id}/{version}/download",
        "/api/v4/media/{id}/download/{itemId}",
    ] {
        let location = exact::<DownloadLocation>(&schema_instance(&doc, path, "get", "200"));
        assert_eq!(
            location.s3_file.as_deref(),
            Some("___TEMPORARY_DOWNLOAD_URL___"),
            "{path}"
        );
        assert!(
            location
                .disclaimer
                .as_deref()
                .is_some_and(|d| d.starts_with("<p>"))
        );
    }
    let missing = schema_instance(&doc, "/api/v4/media/{id}/download", "get", "404");
    let status: Status = decode(&missing);
    assert_eq!(status.statuscode, Some(404), "string \"404\"");
    assert_eq!(
        status.message.as_deref(),
        Some("Original file not available")
    );
    unknown_fields_survive::<DownloadLocation>(&schema_instance(
        &doc,
        "/api/v4/media/{id}/download",
        "get",
        "200",
    ));
}

#[test]
fn tags_decode_with_string_counts() {
    let list = json!([
        {"id": "00B627BB-8054-44C0-A343FCF40BC790CD", "tag": "beach", "mediaCount": 12},
        {"id": "050960F7-98B3-461D-B967F4B84D3A3866", "tag": "sea", "mediaCount": "3"}
    ]);
    let tags: Vec<Tag> = round_trip(&list);
    assert_eq!(
        (tags[0].tag.as_deref(), tags[0].media_count),
        (Some("beach"), Some(12))
    );
    assert_eq!(tags[1].media_count, Some(3));
    unknown_fields_survive::<Tag>(&list[0]);
}

#[test]
fn ids_are_kept_as_sent() {
    let asset: Media = decode(&json!({"id": "00b627bb-8054-44c0-a343-fcf40bc790cd"}));
    assert_eq!(
        asset.id, "00b627bb-8054-44c0-a343-fcf40bc790cd",
        "not normalised"
    );
    let empty: Media = decode(&json!({}));
    assert_eq!(empty, Media::default());
    assert_eq!(
        serde_json::to_value(&empty).expect("encode"),
        json!({}),
        "absent stays absent"
    );
}
