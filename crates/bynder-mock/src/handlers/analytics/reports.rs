//! Asset reports (`/v7/analytics/api/v1/report/asset`): every asset, live or removed, with its
//! metadata as it is now, so an edit shows in the next report.

use serde_json::{Map, Value, json};

use super::query::{self, Cursor};
use crate::handlers::params::{not_found, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{Analytics, Asset, State, Store, Time};

/// `GET /api/v1/report/asset`: reports oldest asset first, filtered by creation and
/// modification dates, paged by cursor.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let created = match query::parse(req, Cursor::Encoded, "fromDateCreated", "toDateCreated") {
        Ok(q) => q,
        Err(response) => return response,
    };
    let modified = match query::parse(req, Cursor::Encoded, "fromDateModified", "toDateModified") {
        Ok(q) => q,
        Err(response) => return response,
    };
    let within = |t: Time, from: Option<Time>, to: Option<Time>| {
        from.is_none_or(|f| t >= f) && to.is_none_or(|to| t <= to)
    };
    let all: Vec<Value> = store.read(|s| {
        let mut assets: Vec<(&Asset, Option<Time>)> = s.assets.iter().map(|a| (a, None)).collect();
        assets.extend(s.removed.iter().map(|r| (&r.asset, Some(r.date_removed))));
        assets.sort_by(|(a, _), (b, _)| (a.date_created, &a.id).cmp(&(b.date_created, &b.id)));
        assets
            .into_iter()
            .filter(|(a, _)| within(a.date_created, created.from, created.to))
            .filter(|(a, _)| within(a.date_modified, modified.from, modified.to))
            .map(|(a, removed)| report(s, a, removed))
            .collect()
    });
    let query = created.and_dates_of(&modified);
    let (page, next) = query.page(all);
    query.headers(req, OpResponse::json(Value::Array(page)), next)
}

/// `GET /api/v1/report/asset/{assetId}`: one asset's report; an unknown asset is a 404.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "assetId");
    store.read(|s| {
        if let Some(asset) = s.asset(&id) {
            return OpResponse::json(report(s, asset, None));
        }
        match s.removed.iter().rev().find(|r| r.id == id) {
            Some(r) => OpResponse::json(report(s, &r.asset, Some(r.date_removed))),
            None => not_found("Asset not found"),
        }
    })
}

/// One report: the definitions' fields, metaproperty values by metaproperty name (option
/// names joined with `, `, text values as they are, `""` when unset).
fn report(s: &State, asset: &Asset, removed: Option<Time>) -> Value {
    let mut metaproperties = Map::new();
    for mp in &s.metaproperties {
        let value = if mp.options.is_empty() {
            asset.texts.get(&mp.id).cloned().unwrap_or_default()
        } else {
            mp.options
                .iter()
                .filter(|o| asset.option_ids.contains(&o.id))
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        metaproperties.insert(mp.name.clone(), Value::String(value));
    }
    let uploader = Analytics::uploader_id(s, asset);
    let mut out = json!({
        "assetId": asset.id,
        "name": asset.name,
        "description": asset.description,
        "isArchived": asset.archive,
        "type": asset.kind,
        "audit": "ACCEPTED",
        "copyright": asset.copyright,
        "isLimited": asset.limited,
        "datePublished": Analytics::date(asset.date_published),
        "isRemoved": removed.is_some(),
        "idHash": asset.id_hash,
        "phash": phash(&asset.id_hash),
        "userCreated": uploader,
        "dateCreated": Analytics::date(asset.date_created),
        "userModified": uploader,
        "dateModified": Analytics::date(asset.date_modified),
        "isWatermarked": asset.watermarked,
        "isPublic": asset.is_public,
        "metaproperties": metaproperties,
    });
    if let (Some(removed), Value::Object(map)) = (removed, &mut out) {
        map.insert("dateRemoved".into(), json!(Analytics::date(removed)));
    }
    out
}

/// A perceptual hash in the definitions' decimal form, stable per asset.
fn phash(id_hash: &str) -> String {
    let n = u64::from_str_radix(id_hash, 16).unwrap_or_default();
    (n % 100_000_000_000).to_string()
}
