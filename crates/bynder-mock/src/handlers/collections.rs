//! Collections: list, retrieve, create, modify, delete, share, and their member assets
//! (`reference/bynder-api.md` §5.3, §7.3).

use serde_json::{Value, json};

use super::media::now;
use super::params::{self, Param, data_ids, invalid, not_found, path_id};
use super::shapes;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Collection, Share, Store, normalize_id};

const NOT_FOUND: &str = "Collection not found";
const EMPTY_NAME: &str = "Collection name can't be empty";

fn unwrap(result: Param<OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

/// `GET /api/v4/collections/`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap(list_answer(store, req))
}

fn list_answer(store: &Store, req: &OpRequest) -> Param<OpResponse> {
    // The Java SDK retrieves one collection as `GET /api/v4/collections/?id=X`.
    if let Some(id) = req.param("id").filter(|id| !id.trim().is_empty()) {
        return Ok(one(store, req, &normalize_id(&id)));
    }
    let (limit, page) = params::limit_page(req, 50)?;
    let (field, descending) = params::order_by(req, "dateCreated desc", &["dateCreated", "name"])?;
    let ids = params::id_list(req, "ids");
    let with_count = params::flag_or(req, "count", false)?;
    let is_public = params::flag(req, "isPublic")?;
    let min_count = params::int(req, "minCount", 0, 0, u64::MAX)? as usize;
    let keyword = req
        .param("keyword")
        .map(|k| k.trim().to_lowercase())
        .unwrap_or_default();
    Ok(store.read(|s| {
        let mut found: Vec<&Collection> = s
            .collections
            .iter()
            .filter(|c| ids.is_empty() || ids.contains(&c.id))
            .filter(|c| is_public.is_none_or(|p| c.is_public == p))
            .filter(|c| c.media.len() >= min_count)
            .filter(|c| {
                c.name.to_lowercase().contains(&keyword)
                    || c.description.to_lowercase().contains(&keyword)
            })
            .collect();
        found.sort_by(|a, b| {
            let order = if field == "name" {
                a.name.to_lowercase().cmp(&b.name.to_lowercase())
            } else {
                a.date_created.cmp(&b.date_created)
            };
            (if descending { order.reverse() } else { order }).then_with(|| a.id.cmp(&b.id))
        });
        let total = found.len();
        let items: Vec<Value> = params::page_of(found, limit, page)
            .into_iter()
            .map(|c| shapes::collection(s, &req.base_url, c))
            .collect();
        // With `count=1` the list moves under `collections` next to the total.
        if with_count {
            OpResponse::json(json!({"count": total, "collections": items}))
        } else {
            OpResponse::json(Value::Array(items))
        }
    }))
}

fn one(store: &Store, req: &OpRequest, id: &str) -> OpResponse {
    store.read(|s| match s.collection(id) {
        Some(c) => OpResponse::json(shapes::collection(s, &req.base_url, c)),
        None => not_found(NOT_FOUND),
    })
}

/// `GET /api/v4/collections/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    one(store, req, &path_id(req, "id"))
}

/// `POST /api/v4/collections/` with `name` and `description`: 201 and a `Location`.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    let name = req.param("name").unwrap_or_default();
    if name.trim().is_empty() {
        return OpResponse::message(400, EMPTY_NAME);
    }
    let description = req.param("description").unwrap_or_default();
    let user_id = normalize_id(&req.principal.user_id);
    let id = store.write(|s| {
        let id = s.new_id();
        let stamp = now();
        s.collections.push(Collection {
            id: id.clone(),
            name,
            description,
            user_id,
            is_public: false,
            date_created: stamp,
            date_modified: stamp,
            views: 0,
            media: Vec::new(),
            thumbnail_asset_id: None,
            shares: Vec::new(),
        });
        id
    });
    OpResponse::status_json(
        201,
        json!({"message": "Created", "statuscode": 201, "id": id}),
    )
    .with_header(
        "Location",
        format!("{}/api/v4/collections/{id}/", req.base_url),
    )
}

/// `POST /api/v4/collections/{id}/`: name, description, isPublic, thumbnailAssetId.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    let name = req.param("name");
    if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return OpResponse::message(400, EMPTY_NAME);
    }
    let is_public = match params::flag(req, "isPublic") {
        Ok(flag) => flag,
        Err(response) => return response,
    };
    let description = req.param("description");
    let thumbnail = req
        .param("thumbnailAssetId")
        .filter(|t| !t.trim().is_empty())
        .map(|t| normalize_id(&t));
    let id = path_id(req, "id");
    store.write(|s| {
        if thumbnail.as_ref().is_some_and(|t| s.asset(t).is_none()) {
            return invalid();
        }
        let Some(c) = s.collection_mut(&id) else {
            return not_found(NOT_FOUND);
        };
        if let Some(name) = name {
            c.name = name;
        }
        if let Some(description) = description {
            c.description = description;
        }
        if let Some(is_public) = is_public {
            c.is_public = is_public;
        }
        if thumbnail.is_some() {
            c.thumbnail_asset_id = thumbnail;
        }
        c.date_modified = now();
        OpResponse::message(201, "Created")
    })
}

/// `DELETE /api/v4/collections/{id}/`.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    store.write(|s| {
        let before = s.collections.len();
        s.collections.retain(|c| c.id != id);
        if s.collections.len() == before {
            not_found(NOT_FOUND)
        } else {
            OpResponse::no_content()
        }
    })
}

/// `POST /api/v4/collections/{id}/share/`.
pub fn share(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap(share_answer(store, req))
}

fn share_answer(store: &Store, req: &OpRequest) -> Param<OpResponse> {
    let share = Share {
        recipients: params::list(req, "recipients"),
        groups: params::list(req, "groups"),
        profiles: params::list(req, "profiles"),
        collection_options: req
            .param("collectionOptions")
            .unwrap_or_else(|| "view".to_string()),
        login_required: params::flag_or(req, "loginRequired", false)?,
        send_mail: params::flag_or(req, "sendMail", false)?,
        message: req.param("message").unwrap_or_default(),
        date_start: params::date(req, "dateStart")?,
        date_end: params::date(req, "dateEnd")?,
    };
    if !["readOnly", "view", "readAccess", "edit"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(&share.collection_options))
    {
        return Err(invalid());
    }
    let id = path_id(req, "id");
    Ok(store.write(|s| {
        let Some(c) = s.collection_mut(&id) else {
            return not_found(NOT_FOUND);
        };
        if share.recipients.is_empty() && share.groups.is_empty() && share.profiles.is_empty() {
            return OpResponse::message(
                400,
                "Recipients, groups or profiles must contain at least one entry",
            );
        }
        c.shares.push(share);
        OpResponse::message(202, "accepted")
    }))
}

/// `GET /api/v4/collections/{id}/media/`: the member asset ids.
pub fn media_list(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    store.read(|s| match s.collection(&id) {
        Some(c) => OpResponse::json(json!(c.media)),
        None => not_found(NOT_FOUND),
    })
}

/// `POST /api/v4/collections/{id}/media/` with `data` = JSON array of asset ids.
pub fn media_add(store: &Store, req: &OpRequest) -> OpResponse {
    let ids = match data_ids(req) {
        Ok(ids) if ids.is_empty() => return OpResponse::message(400, "No data sent"),
        Ok(ids) => ids,
        Err(response) => return response,
    };
    let id = path_id(req, "id");
    store.write(|s| {
        if s.collection(&id).is_none() {
            return not_found(NOT_FOUND);
        }
        if ids.iter().any(|asset| s.asset(asset).is_none()) {
            return not_found("Media not found");
        }
        let Some(c) = s.collection_mut(&id) else {
            return not_found(NOT_FOUND);
        };
        for asset in ids {
            if !c.media.contains(&asset) {
                c.media.push(asset);
            }
        }
        c.date_modified = now();
        OpResponse::message(202, "Accepted")
    })
}

/// `DELETE /api/v4/collections/{id}/media/?deleteIds=<csv>`.
pub fn media_remove(store: &Store, req: &OpRequest) -> OpResponse {
    let ids = params::id_list(req, "deleteIds");
    if ids.is_empty() {
        return invalid();
    }
    let id = path_id(req, "id");
    store.write(|s| {
        let Some(c) = s.collection_mut(&id) else {
            return not_found(NOT_FOUND);
        };
        c.media.retain(|member| !ids.contains(member));
        if c.thumbnail_asset_id
            .as_ref()
            .is_some_and(|t| ids.contains(t))
        {
            c.thumbnail_asset_id = c.media.first().cloned();
        }
        c.date_modified = now();
        OpResponse::no_content()
    })
}
