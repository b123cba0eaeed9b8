//! Saving an uploaded file, from either flow (`reference/bynder-api.md` §6.1 steps 4b, 6a,
//! 6b; §6.2 step 4): as a new asset, as a new version of an asset, or as an additional file
//! of an asset. The saved item's download location then serves the uploaded bytes.

use std::collections::BTreeMap;
use std::time::Instant;

use serde_json::{Value, json};

use super::media::{apply_metaproperties, now};
use super::params::{self, Param, not_found, path_id};
use super::s3_upload::{finalise_fields, s3_error};
use crate::request::{OpRequest, OpResponse};
use crate::store::{Asset, MediaItem, State, Store, id_hash, normalize_id, random_cf_id};
use crate::uploads::file_types::{asset_type, extension};
use crate::uploads::{Blob, ClaimError, Uploads};

/// `POST /api/v4/media/save/{importId}/`: a new asset (`brandId` required; `name` defaults to
/// the file name; `description`, `copyright`, `tags`, `metaproperty.<id>`, `isPublic`...).
pub fn save(store: &Store, req: &OpRequest) -> OpResponse {
    let import_id = req.path_param("importId").unwrap_or_default().to_string();
    let uploads = store.uploads();
    store.write(|s| match save_new(s, uploads, req, &import_id) {
        Ok(response) | Err(response) => response,
    })
}

fn save_new(
    s: &mut State,
    uploads: &Uploads,
    req: &OpRequest,
    import_id: &str,
) -> Param<OpResponse> {
    let import = uploads
        .imports
        .peek(import_id, Instant::now())
        .map_err(claim_error)?;
    let brand_id = brand(s, req)?;
    let mut asset = new_asset(s, req, &import.file_name, import.blob.len(), brand_id)?;
    apply_metaproperties(s, req, &mut asset)?;
    uploads
        .imports
        .claim(import_id, Instant::now())
        .map_err(claim_error)?;
    let item = new_item(s, "original", 1, &import.file_name, &import.blob);
    uploads.attach(&item.id, import.blob);
    asset.items.push(item);
    for tag in asset.tags.clone() {
        s.ensure_tag(&tag);
    }
    let asset_id = asset.id.clone();
    let file_name = import.file_name;
    s.assets.push(asset);
    let access_request_id = req
        .param("accessRequestId")
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(random_cf_id);
    let cdn = |variant: &str| format!("{}/_mock/cdn/{asset_id}/{variant}.jpg", req.base_url);
    Ok(OpResponse::status_json(
        201,
        json!({
            "accessRequestId": access_request_id,
            "mediaid": asset_id,
            "batchId": random_cf_id(),
            "success": true,
            "mediaitems": [
                {"original": format!("final/{asset_id}/{file_name}"), "destination": cdn("webimage")},
                {"original": format!("final/{asset_id}/thul-{file_name}"), "destination": cdn("thul")},
                {"original": format!("final/{asset_id}/mini-{file_name}"), "destination": cdn("mini")},
            ],
        }),
    ))
}

/// `POST /api/v4/media/{id}/save/{importId}/`: a new active original version of the asset.
pub fn save_version(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    let import_id = req.path_param("importId").unwrap_or_default().to_string();
    let uploads = store.uploads();
    store.write(|s| {
        if s.asset(&id).is_none() {
            return not_found("Media not found");
        }
        let import = match uploads.imports.claim(&import_id, Instant::now()) {
            Ok(import) => import,
            Err(err) => return claim_error(err),
        };
        let version = s.asset(&id).map_or(0, |asset| {
            asset
                .items
                .iter()
                .filter(|item| item.kind == "original")
                .map(|item| item.version)
                .max()
                .unwrap_or(0)
        }) + 1;
        let item = new_item(s, "original", version, &import.file_name, &import.blob);
        uploads.attach(&item.id, import.blob.clone());
        if let Some(asset) = s.asset_mut(&id) {
            for old in asset.items.iter_mut().filter(|i| i.kind == "original") {
                old.active = false;
            }
            asset.items.push(item);
            asset.file_size = import.blob.len();
            if let Some(ext) = extension(&import.file_name) {
                asset.kind = asset_type(&ext).to_string();
                asset.extension = ext;
            }
            asset.date_modified = now().max(asset.date_modified + chrono::TimeDelta::seconds(1));
        }
        saved_into(&id)
    })
}

/// `POST /api/v4/media/{id}/save/additional/{uploadId}/`: an additional file of the asset,
/// from a finalised Files Service `file_id` (or any ready import), or straight from the parts
/// of an S3 upload id (form `targetid`, `s3_filename`, `chunks`; no poll, no save).
pub fn save_additional(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    let upload_id = req.path_param("uploadId").unwrap_or_default().to_string();
    let uploads = store.uploads();
    store.write(|s| {
        if s.asset(&id).is_none() {
            return not_found("Media not found");
        }
        let source = if uploads.s3.get(&upload_id).is_some() {
            additional_from_s3(uploads, req, &upload_id)
        } else {
            uploads
                .imports
                .claim(&upload_id, Instant::now())
                .map(|import| (import.file_name, import.blob))
                .map_err(claim_error)
        };
        let (file_name, blob) = match source {
            Ok(source) => source,
            Err(response) => return response,
        };
        let item = new_item(s, "additional", 1, &file_name, &blob);
        uploads.attach(&item.id, blob);
        if let Some(asset) = s.asset_mut(&id) {
            asset.items.push(item);
        }
        saved_into(&id)
    })
}

fn additional_from_s3(
    uploads: &Uploads,
    req: &OpRequest,
    upload_id: &str,
) -> Param<(String, Blob)> {
    let fields = finalise_fields(req)?;
    let done = uploads
        .s3
        .finalise(upload_id, &fields, || (None, random_cf_id()))
        .map_err(s3_error)?;
    if done.import_id.is_some() {
        return Err(OpResponse::message(
            400,
            "This upload was finalised for an import: save it with /api/v4/media/{id}/save/{importId}/",
        ));
    }
    let file_name = uploads
        .s3
        .get(upload_id)
        .map(|upload| upload.file_name)
        .unwrap_or_default();
    Ok((file_name, done.blob))
}

fn saved_into(asset_id: &str) -> OpResponse {
    OpResponse::status_json(
        201,
        json!({"mediaid": asset_id, "batchId": random_cf_id(), "success": true, "mediaitems": Value::Null}),
    )
}

fn claim_error(err: ClaimError) -> OpResponse {
    match err {
        ClaimError::NotFound => not_found("Import ID not found"),
        ClaimError::NotReady => OpResponse::status_json(
            303,
            json!({"message": "Import not converted yet, please poll", "statuscode": "303"}),
        ),
    }
}

/// The required `brandId` (`brandid` too), which must name a brand.
fn brand(s: &State, req: &OpRequest) -> Param<String> {
    let brand_id = req
        .param("brandId")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .ok_or_else(|| OpResponse::message(400, "brandId is required to save a new asset"))?;
    if !s.has_brand(&brand_id) {
        return Err(OpResponse::message(
            400,
            &format!("brandId '{brand_id}' is not a brand of this portal"),
        ));
    }
    Ok(normalize_id(&brand_id))
}

fn new_asset(
    s: &mut State,
    req: &OpRequest,
    file_name: &str,
    size: u64,
    brand_id: String,
) -> Param<Asset> {
    let text = |name: &str| req.param(name).unwrap_or_default();
    let extension = extension(file_name).unwrap_or_default();
    let created = now();
    let published = params::date(req, "ISOPublicationDate")?.unwrap_or(created);
    // The waiting room is not modelled: an audited upload is saved like any other.
    params::flag(req, "audit")?;
    let mut tags: Vec<String> = Vec::new();
    for tag in params::list(req, "tags") {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let user_created = s
        .user(&req.principal.user_id)
        .map(|user| user.full_name())
        .unwrap_or_default();
    Ok(Asset {
        id: s.new_id(),
        id_hash: id_hash(&mut s.rng),
        name: req
            .param("name")
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| file_name.to_string()),
        description: text("description"),
        copyright: text("copyright"),
        kind: asset_type(&extension).to_string(),
        brand_id,
        sub_brand_id: None,
        user_created,
        date_created: created,
        date_modified: created,
        date_published: published,
        extension,
        file_size: size,
        width: 0,
        height: 0,
        tags,
        option_ids: Vec::new(),
        texts: BTreeMap::new(),
        archive: false,
        limited: false,
        is_public: params::flag_or(req, "isPublic", false)?,
        watermarked: false,
        archive_date: params::date(req, "archiveDate")?,
        limited_date: None,
        watermark_date: params::date(req, "watermarkDate")?,
        custom_thumbnail_file_id: None,
        views: 0,
        downloads: 0,
        items: Vec::new(),
    })
}

fn new_item(s: &mut State, kind: &str, version: u32, file_name: &str, blob: &Blob) -> MediaItem {
    MediaItem {
        id: s.new_id(),
        file_name: file_name.to_string(),
        kind: kind.to_string(),
        version,
        active: true,
        size: blob.len(),
        width: None,
        height: None,
        date_created: now(),
    }
}
