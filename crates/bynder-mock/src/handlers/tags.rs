//! Tags: list with media counts, add a tag to assets, remove it (`reference/bynder-api.md`
//! §5.2). Assets carry tags by name; a tag's id is what the `/tags/{id}/media/` paths take.

use serde_json::{Value, json};

use super::media::now;
use super::params::{self, Param, data_ids, not_found, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store};

fn media_count(s: &State, tag: &str) -> usize {
    s.assets
        .iter()
        .filter(|a| a.tags.iter().any(|t| t == tag))
        .count()
}

/// `GET /api/v4/tags/`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    match answer(store, req) {
        Ok(response) | Err(response) => response,
    }
}

fn answer(store: &Store, req: &OpRequest) -> Param<OpResponse> {
    let (limit, page) = params::limit_page(req, 50)?;
    let (field, descending) = params::order_by(req, "tag asc", &["tag", "mediaCount"])?;
    let min_count = params::int(req, "mincount", 0, 0, u64::MAX)? as usize;
    let keyword = req
        .param("keyword")
        .map(|k| k.trim().to_lowercase())
        .unwrap_or_default();
    Ok(store.read(|s| {
        let mut rows: Vec<(&str, &str, usize)> = s
            .tags
            .iter()
            .filter(|t| t.name.to_lowercase().contains(&keyword))
            .map(|t| (t.id.as_str(), t.name.as_str(), media_count(s, &t.name)))
            .filter(|(_, _, count)| *count >= min_count)
            .collect();
        rows.sort_by(|a, b| {
            let order = if field == "mediaCount" {
                a.2.cmp(&b.2)
            } else {
                a.1.cmp(b.1)
            };
            (if descending { order.reverse() } else { order }).then_with(|| a.1.cmp(b.1))
        });
        let body: Vec<Value> = params::page_of(rows, limit, page)
            .into_iter()
            .map(|(id, tag, count)| json!({"id": id, "tag": tag, "mediaCount": count}))
            .collect();
        OpResponse::json(Value::Array(body))
    }))
}

/// `POST /api/v4/tags/{id}/media/` with `data` = JSON array of asset ids.
pub fn add_media(store: &Store, req: &OpRequest) -> OpResponse {
    let ids = match data_ids(req) {
        Ok(ids) => ids,
        Err(response) => return response,
    };
    change(store, req, &ids, true)
}

/// `DELETE /api/v4/tags/{id}/media/?deleteIds=<csv>`.
pub fn remove_media(store: &Store, req: &OpRequest) -> OpResponse {
    let ids = params::id_list(req, "deleteIds");
    change(store, req, &ids, false)
}

fn change(store: &Store, req: &OpRequest, asset_ids: &[String], add: bool) -> OpResponse {
    if asset_ids.is_empty() {
        return OpResponse::message(400, "No data sent");
    }
    let tag_id = path_id(req, "id");
    store.write(|s| {
        let Some(tag) = s.tag(&tag_id).map(|t| t.name.clone()) else {
            return not_found("Tag not found");
        };
        // Adding checks every id first, so a bad id changes nothing; removing skips unknown ids.
        if add && asset_ids.iter().any(|id| s.asset(id).is_none()) {
            return not_found("Media not found");
        }
        let stamp = now();
        for id in asset_ids {
            let Some(asset) = s.asset_mut(id) else {
                continue;
            };
            let had = asset.tags.contains(&tag);
            if add && !had {
                asset.tags.push(tag.clone());
                asset.date_modified = stamp;
            } else if !add && had {
                asset.tags.retain(|t| *t != tag);
                asset.date_modified = stamp;
            }
        }
        OpResponse::message(202, "Accepted")
    })
}
