//! One asset: retrieve, modify, delete, and its download locations (`reference/bynder-api.md`
//! §5.1).

use chrono::Utc;
use serde_json::json;

use super::params::{self, Param, invalid, not_found, path_id};
use super::shapes::{self, MediaParts};
use crate::request::{OpRequest, OpResponse};
use crate::store::{Asset, RemovedAsset, State, Store, Time, normalize_id};

/// How long a download URL stays valid.
const DOWNLOAD_URL_LIFETIME_SECS: i64 = 3600;

/// The current time, to the second (the portal's dates have no fractions).
pub fn now() -> Time {
    let now = Utc::now();
    chrono::DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

/// `GET /api/v4/media/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let parts = match (
        params::flag_or(req, "versions", false),
        params::flag_or(req, "stats", false),
    ) {
        (Ok(items), Ok(stats)) => MediaParts {
            items,
            stats,
            version_number: false,
        },
        _ => return invalid(),
    };
    let id = path_id(req, "id");
    one(store, req, &id, parts)
}

/// The media object of asset `id`, or 404.
pub fn one(store: &Store, req: &OpRequest, id: &str, parts: MediaParts) -> OpResponse {
    store.read(|s| match s.asset(id) {
        Some(asset) => OpResponse::json(shapes::media(s, &req.base_url, asset, parts)),
        None => not_found("Media not found"),
    })
}

/// `POST /api/v4/media/{id}/`: fields, tags (overwrite) and `metaproperty.<id>` values.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    store.write(|s| {
        let Some(current) = s.asset(&id) else {
            return not_found("Media not found");
        };
        let mut asset = current.clone();
        if let Err(response) = apply_changes(s, req, &mut asset) {
            return response;
        }
        for tag in &asset.tags {
            s.ensure_tag(tag);
        }
        // Strictly later than before, even when the clock has not moved on.
        asset.date_modified = now().max(asset.date_modified + chrono::TimeDelta::seconds(1));
        if let Some(slot) = s.asset_mut(&id) {
            *slot = asset;
        }
        OpResponse::message(202, "Accepted")
    })
}

fn apply_changes(s: &State, req: &OpRequest, asset: &mut Asset) -> Param<()> {
    for (field, slot) in [
        ("name", &mut asset.name),
        ("description", &mut asset.description),
        ("copyright", &mut asset.copyright),
    ] {
        if let Some(value) = req.param(field) {
            *slot = value;
        }
    }
    if let Some(brand_id) = req.param("brandId").filter(|b| !b.trim().is_empty()) {
        let brand_id = normalize_id(&brand_id);
        let brand = s
            .brands
            .iter()
            .find(|b| b.id == brand_id)
            .ok_or_else(invalid)?;
        if !brand
            .sub_brands
            .iter()
            .any(|sub| Some(&sub.id) == asset.sub_brand_id.as_ref())
        {
            asset.sub_brand_id = None;
        }
        asset.brand_id = brand_id;
    }
    if req.param("tags").is_some() {
        let mut tags: Vec<String> = Vec::new();
        for tag in params::list(req, "tags") {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        asset.tags = tags;
    }
    if let Some(t) = params::date(req, "datePublished")? {
        asset.date_published = t;
    }
    for (field, slot) in [
        ("archiveDate", &mut asset.archive_date),
        ("limitedDate", &mut asset.limited_date),
        ("watermarkDate", &mut asset.watermark_date),
    ] {
        if let Some(t) = params::date(req, field)? {
            *slot = Some(t);
        }
    }
    if let Some(archive) = params::flag(req, "archive")? {
        asset.archive = archive;
    }
    if let Some(limited) = params::flag(req, "limited")? {
        asset.limited = limited;
    }
    // Making an asset public cannot be undone (§5.1), so `isPublic=0` leaves it public.
    if params::flag(req, "isPublic")? == Some(true) {
        asset.is_public = true;
    }
    let remove_thumbnail = params::flag_or(req, "removeCustomThumbnail", false)?;
    let custom_thumbnail = req
        .param("customThumbnailFileId")
        .filter(|v| !v.trim().is_empty());
    match (custom_thumbnail, remove_thumbnail) {
        (Some(_), true) => return Err(invalid()),
        (Some(file_id), false) => asset.custom_thumbnail_file_id = Some(file_id),
        (None, true) => asset.custom_thumbnail_file_id = None,
        (None, false) => {}
    }
    apply_metaproperties(s, req, asset)
}

/// Applies every `metaproperty.<id>=<csv option ids or names>` field; text metaproperties
/// take the value as it is, an empty value clears.
pub(crate) fn apply_metaproperties(s: &State, req: &OpRequest, asset: &mut Asset) -> Param<()> {
    const PREFIX: &str = "metaproperty.";
    let fields = req
        .form
        .iter()
        .chain(req.query.iter())
        .filter_map(|(key, value)| {
            let head = key.get(..PREFIX.len())?;
            head.eq_ignore_ascii_case(PREFIX)
                .then(|| (&key[PREFIX.len()..], value.as_str()))
        });
    let mut selected: Vec<(String, Vec<String>)> = Vec::new();
    for (mp_id, value) in fields {
        let mp = s.metaproperty(mp_id).ok_or_else(invalid)?;
        if mp.kind == "text" {
            if value.trim().is_empty() {
                asset.texts.remove(&mp.id);
            } else {
                asset.texts.insert(mp.id.clone(), value.to_string());
            }
            continue;
        }
        let entry = match selected.iter_mut().find(|(id, _)| *id == mp.id) {
            Some(entry) => entry,
            None => {
                selected.push((mp.id.clone(), Vec::new()));
                selected.last_mut().ok_or_else(invalid)?
            }
        };
        for wanted in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            let wanted_id = normalize_id(wanted);
            let option = mp
                .options
                .iter()
                .find(|o| {
                    o.id == wanted_id
                        || o.name.eq_ignore_ascii_case(wanted)
                        || o.label.eq_ignore_ascii_case(wanted)
                })
                .ok_or_else(invalid)?;
            if !entry.1.contains(&option.id) {
                entry.1.push(option.id.clone());
            }
        }
        if !mp.is_multiselect && entry.1.len() > 1 {
            return Err(invalid());
        }
    }
    for (mp_id, option_ids) in selected {
        let Some(mp) = s.metaproperty(&mp_id) else {
            continue;
        };
        asset
            .option_ids
            .retain(|id| !mp.options.iter().any(|o| &o.id == id));
        asset.option_ids.extend(option_ids);
    }
    Ok(())
}

/// `DELETE /api/v4/media/{id}/`: the asset moves to recently removed and leaves every
/// collection.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    let remover = normalize_id(&req.principal.user_id);
    store.write(|s| {
        let Some(index) = s.assets.iter().position(|a| a.id == id) else {
            return not_found("Media not found");
        };
        let asset = s.assets.remove(index);
        for collection in &mut s.collections {
            collection.media.retain(|member| *member != id);
            if collection.thumbnail_asset_id.as_deref() == Some(id.as_str()) {
                collection.thumbnail_asset_id = collection.media.first().cloned();
            }
        }
        let username = s
            .user(&remover)
            .map(|u| u.username.clone())
            .unwrap_or_default();
        let file = asset
            .active_original()
            .map(|i| i.file_name.clone())
            .unwrap_or_default();
        s.removed.push(RemovedAsset {
            id: asset.id.clone(),
            name: asset.name.clone(),
            date_removed: now(),
            date_created: asset.date_created,
            username,
            user_id: remover,
            s3_filepointer: format!("final/{}/{file}", asset.id),
            asset,
        });
        OpResponse::no_content()
    })
}

/// `GET /api/v4/media/{id}/download/?type=original|additional`.
pub fn download_location(store: &Store, req: &OpRequest) -> OpResponse {
    let kind = req
        .param("type")
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let kind = match kind.as_str() {
        "" | "original" => "original",
        "additional" => "additional",
        _ => return OpResponse::message(400, "Invalid type"),
    };
    let id = path_id(req, "id");
    locate(store, req, &id, |asset| {
        let item = if kind == "original" {
            asset.active_original()
        } else {
            asset.items.iter().find(|item| item.kind == "additional")
        };
        item.map(|i| i.id.clone()).ok_or(if kind == "original" {
            "Original file not available"
        } else {
            "Additional file not available"
        })
    })
}

/// `GET /api/v4/media/{id}/{version}/download/`.
pub fn version_download_location(store: &Store, req: &OpRequest) -> OpResponse {
    let Ok(version) = req
        .path_param("version")
        .unwrap_or_default()
        .trim()
        .parse::<u32>()
    else {
        return invalid();
    };
    let id = path_id(req, "id");
    locate(store, req, &id, |asset| {
        asset
            .items
            .iter()
            .find(|item| item.kind == "original" && item.version == version)
            .map(|item| item.id.clone())
            .ok_or("Version not found")
    })
}

/// `GET /api/v4/media/{id}/download/{itemId}/`.
pub fn item_download_location(store: &Store, req: &OpRequest) -> OpResponse {
    if params::flag(req, "hash").is_err() {
        return invalid();
    }
    let id = path_id(req, "id");
    let item_id = path_id(req, "itemId");
    locate(store, req, &id, |asset| {
        asset
            .items
            .iter()
            .find(|item| item.id == item_id)
            .map(|item| item.id.clone())
            .ok_or("Media item not found")
    })
}

/// Characters escaped in the file name at the end of a storage URL.
const FILE_NAME: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_');

/// Answers `{"s3_file","disclaimer"}` for the item `pick` chooses, counting the download.
fn locate(
    store: &Store,
    req: &OpRequest,
    id: &str,
    pick: impl FnOnce(&Asset) -> Result<String, &'static str>,
) -> OpResponse {
    store.write(|s| {
        let Some(asset) = s.asset(id) else {
            return not_found("Media not found");
        };
        let item_id = match pick(asset) {
            Ok(item_id) => item_id,
            Err(message) => return not_found(message),
        };
        let asset_id = asset.id.clone();
        // Real signed URLs end in the file name; clients name downloads after it.
        let file_name = asset
            .items
            .iter()
            .find(|item| item.id == item_id)
            .map(|item| {
                percent_encoding::utf8_percent_encode(&item.file_name, FILE_NAME).to_string()
            })
            .unwrap_or_default();
        let expires = now().timestamp() + DOWNLOAD_URL_LIFETIME_SECS;
        let signature = s.download_signature(&asset_id, &item_id, expires);
        if let Some(asset) = s.asset_mut(&asset_id) {
            asset.downloads += 1;
        }
        let url = format!(
            "{}/_mock/storage/{asset_id}/{item_id}/{file_name}?expires={expires}&signature={signature}",
            req.base_url
        );
        OpResponse::json(json!({"s3_file": url, "disclaimer": s.account.disclaimer}))
    })
}
