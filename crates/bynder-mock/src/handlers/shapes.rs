//! The JSON shapes the portal answers, built from store objects (`reference/bynder-api.md`
//! §7 and the response examples of the published OpenAPI definitions).

use serde_json::{Map, Value, json};

use crate::store::{Asset, Collection, MediaItem, MetaOption, Metaproperty, State, Time};

/// Media dates: ISO 8601 in UTC, `2017-05-30T16:47:44Z`.
pub fn iso(t: Time) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Collection and in-metaproperty option dates, ColdFusion style:
/// `March, 01 2017 10:49:12 +0000`.
pub fn cf_date(t: Time) -> String {
    t.format("%B, %d %Y %H:%M:%S +0000").to_string()
}

/// Option dates on the options endpoints: `2017-02-15T14:54:58+00:00`.
pub fn iso_offset(t: Time) -> String {
    t.format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
}

/// A boolean the way the v4 media object spells it: `0` or `1`.
fn bit(b: bool) -> Value {
    json!(u8::from(b))
}

/// What optional parts a media object carries.
#[derive(Debug, Clone, Copy, Default)]
pub struct MediaParts {
    /// `mediaItems` (`versions=1` on get, `includeMediaItems=1` on list).
    pub items: bool,
    /// `views` and `downloads` (`stats=1`).
    pub stats: bool,
    /// `activeVersion` (`includeVersionNumber=1`).
    pub version_number: bool,
}

fn cdn(base_url: &str, asset_id: &str, variant: &str) -> String {
    format!("{base_url}/_mock/cdn/{asset_id}/{variant}.jpg")
}

fn thumbnails(state: &State, base_url: &str, asset: &Asset) -> Value {
    let mut thumbs = Map::new();
    for variant in ["mini", "thul", "webimage"] {
        thumbs.insert(
            variant.to_string(),
            json!(cdn(base_url, &asset.id, variant)),
        );
    }
    // One key per derivative that applies to this asset type, as real portals add them.
    for derivative in &state.derivatives {
        let applies = derivative.allowed_types.is_empty()
            || derivative.allowed_types.split(',').any(|t| t == asset.kind);
        if applies {
            thumbs.insert(
                derivative.prefix.clone(),
                json!(cdn(base_url, &asset.id, &derivative.prefix)),
            );
        }
    }
    Value::Object(thumbs)
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The media object of `asset`.
pub fn media(state: &State, base_url: &str, asset: &Asset, parts: MediaParts) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(asset.id));
    m.insert("idHash".into(), json!(asset.id_hash));
    m.insert("name".into(), json!(asset.name));
    m.insert("description".into(), json!(asset.description));
    m.insert("copyright".into(), json!(asset.copyright));
    m.insert("type".into(), json!(asset.kind));
    m.insert("brandId".into(), json!(asset.brand_id));
    if let Some(sub) = &asset.sub_brand_id {
        m.insert("subBrandId".into(), json!(sub));
    }
    m.insert("userCreated".into(), json!(asset.user_created));
    m.insert("dateCreated".into(), json!(iso(asset.date_created)));
    m.insert("dateModified".into(), json!(iso(asset.date_modified)));
    m.insert("datePublished".into(), json!(iso(asset.date_published)));
    m.insert("extension".into(), json!([asset.extension]));
    if let Some(original) = asset.active_original() {
        m.insert("fileName".into(), json!(original.file_name));
    }
    m.insert("fileSize".into(), json!(asset.file_size));
    m.insert("width".into(), json!(asset.width));
    m.insert("height".into(), json!(asset.height));
    m.insert("orientation".into(), json!(asset.orientation()));
    m.insert("tags".into(), json!(asset.tags));
    m.insert("propertyOptions".into(), json!(asset.option_ids));
    for mp in &state.metaproperties {
        if mp.kind == "text" {
            if let Some(text) = asset.texts.get(&mp.id) {
                m.insert(format!("property_{}", mp.name), json!(text));
            }
            continue;
        }
        let names: Vec<&str> = mp
            .options
            .iter()
            .filter(|o| asset.option_ids.contains(&o.id))
            .map(|o| o.name.as_str())
            .collect();
        if !names.is_empty() {
            m.insert(format!("property_{}", mp.name), json!(names));
        }
    }
    m.insert("archive".into(), bit(asset.archive));
    m.insert("limited".into(), bit(asset.limited));
    m.insert("isPublic".into(), bit(asset.is_public));
    m.insert("watermarked".into(), bit(asset.watermarked));
    m.insert("thumbnails".into(), thumbnails(state, base_url, asset));
    m.insert(
        "transformBaseUrl".into(),
        json!(format!(
            "{base_url}/transform/{}/{}",
            asset.id,
            slug(&asset.name)
        )),
    );
    if asset.kind == "video" {
        m.insert(
            "videoPreviewURLs".into(),
            json!([format!("{base_url}/_mock/cdn/{}/preview.mp4", asset.id)]),
        );
    }
    m.insert(
        "activeOriginalFocusPoint".into(),
        json!({"x": asset.width / 2, "y": asset.height / 2}),
    );
    if parts.items {
        let items: Vec<Value> = asset
            .items
            .iter()
            .map(|item| media_item(base_url, asset, item))
            .collect();
        m.insert("mediaItems".into(), Value::Array(items));
    }
    if parts.version_number {
        m.insert("activeVersion".into(), json!(asset.active_version()));
    }
    if parts.stats {
        m.insert("views".into(), json!(asset.views));
        m.insert("downloads".into(), json!(asset.downloads));
    }
    Value::Object(m)
}

fn media_item(base_url: &str, asset: &Asset, item: &MediaItem) -> Value {
    json!({
        "id": item.id,
        "fileName": item.file_name,
        "type": item.kind,
        "dateCreated": iso(item.date_created),
        "size": item.size,
        "width": item.width,
        "height": item.height,
        "version": item.version,
        "active": item.active,
        "thumbnails": {
            "mini": cdn(base_url, &asset.id, &format!("{}-mini", item.id)),
            "thul": cdn(base_url, &asset.id, &format!("{}-thul", item.id)),
        },
    })
}

/// The collection object of `collection`.
pub fn collection(state: &State, base_url: &str, collection: &Collection) -> Value {
    let user_name = state
        .user(&collection.user_id)
        .map(|u| u.full_name())
        .unwrap_or_default();
    let covers: Vec<String> = collection
        .media
        .iter()
        .take(3)
        .map(|id| cdn(base_url, id, "thul"))
        .collect();
    let thumbnail = collection
        .thumbnail_asset_id
        .as_deref()
        .or(collection.media.first().map(String::as_str))
        .map(|id| cdn(base_url, id, "thul"))
        .unwrap_or_default();
    let large = collection
        .thumbnail_asset_id
        .as_deref()
        .or(collection.media.first().map(String::as_str))
        .map(|id| cdn(base_url, id, "webimage"))
        .unwrap_or_default();
    json!({
        "id": collection.id,
        "userId": collection.user_id,
        "user": {"id": collection.user_id, "name": user_name},
        "name": collection.name,
        "description": collection.description,
        "filename": slug(&collection.name),
        "link": format!("{base_url}/collections/view/{}/", collection.id),
        "collectionCount": collection.media.len(),
        "views": collection.views,
        "isPublic": collection.is_public,
        "dateCreated": cf_date(collection.date_created),
        "dateModified": cf_date(collection.date_modified),
        "cover": {"thumbnail": thumbnail, "thumbnails": covers, "large": large},
        "thumbnail": thumbnail,
    })
}

/// An option as nested in a metaproperty object; `media_count` with `count=1`.
pub fn nested_option(base_url: &str, option: &MetaOption, media_count: Option<usize>) -> Value {
    let mut value = json!({
        "id": option.id,
        "name": option.name,
        "label": option.label,
        "displayLabel": option.label,
        "labels": option.labels,
        "description": "",
        "descriptions": {},
        "date": cf_date(option.date),
        "active": true,
        "isSelectable": true,
        "zindex": option.zindex,
        "linkedOptionIds": [],
        "hideByDefault": false,
        "image": format!("{base_url}/_mock/cdn/options/{}.png", option.id),
        "product_suffix": "",
        "pregeneratedZipFileSize": 0,
        "externalReference": option.external_reference,
    });
    if let (Some(count), Value::Object(map)) = (media_count, &mut value) {
        map.insert("mediaCount".into(), json!(count));
    }
    value
}

/// An option as the options endpoints answer it.
pub fn option(option: &MetaOption) -> Value {
    json!({
        "id": option.id,
        "name": option.name,
        "label": option.label,
        "displayLabel": option.label,
        "labels": option.labels,
        "date": iso_offset(option.date),
        "active": 1,
        "zindex": option.zindex,
        "externalReference": option.external_reference,
    })
}

/// A metaproperty object; `options` is the rendered option list, or `None` to leave it out.
pub fn metaproperty(mp: &Metaproperty, options: Option<Vec<Value>>) -> Value {
    let mut value = json!({
        "id": mp.id,
        "name": mp.name,
        "label": mp.label,
        "labels": {"en_US": mp.label},
        "type": mp.kind,
        "zindex": mp.zindex,
        "isMultiselect": mp.is_multiselect,
        "isMultifilter": false,
        "isRequired": mp.is_required,
        "isMainfilter": mp.is_filterable,
        "isFilterable": mp.is_filterable,
        "isApiField": true,
        "isDisplayField": false,
        "isDrilldown": false,
        "isEditable": true,
        "showInListView": true,
        "showInGridView": false,
        "showInDuplicateView": false,
        "useDependencies": false,
    });
    if let (Some(options), Value::Object(map)) = (options, &mut value) {
        map.insert("options".into(), Value::Array(options));
    }
    value
}
