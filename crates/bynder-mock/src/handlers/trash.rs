//! Recently removed assets (`GET /api/trash/media`, `reference/bynder-api.md` §5.1, OAS
//! trash-v4): the assets `media.delete` moved to the trash in the last 30 days, sorted by
//! `field`/`order`, from `dateRemoved` on, paged with `limit` (default 10) and `page`.

use chrono::Duration;
use serde_json::{Value, json};

use super::media::now;
use super::params::{Param, date, invalid, limit_page, page_of};
use super::shapes::iso_offset;
use crate::request::{OpRequest, OpResponse};
use crate::store::{RemovedAsset, Store};

/// How long a real portal keeps removed assets.
const KEPT_DAYS: i64 = 30;
/// The documented default page size.
const DEFAULT_LIMIT: u64 = 10;

/// One trash item as the portal answers it.
fn shape(r: &RemovedAsset) -> Value {
    json!({
        "id": r.id,
        "name": r.name,
        "dateRemoved": iso_offset(r.date_removed),
        "dateCreated": iso_offset(r.date_created),
        "username": r.username,
        "userId": r.user_id,
        "S3_filepointer": r.s3_filepointer,
    })
}

/// The sort field (`media.dateRemoved` unless given) and whether it runs descending.
fn sort(req: &OpRequest) -> Param<(String, bool)> {
    let field = req
        .param("field")
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "media.dateRemoved".to_string());
    let known = [
        "media.dateCreated",
        "media.dateRemoved",
        "media.name",
        "media.username",
    ];
    let field = known
        .iter()
        .find(|k| k.eq_ignore_ascii_case(&field))
        .ok_or_else(invalid)?;
    let descending = match req.param("order").map(|o| o.trim().to_ascii_lowercase()) {
        None => field == &"media.dateRemoved",
        Some(o) if o.is_empty() => field == &"media.dateRemoved",
        Some(o) if o == "asc" => false,
        Some(o) if o == "desc" => true,
        Some(_) => return Err(invalid()),
    };
    Ok(((*field).to_string(), descending))
}

/// `GET /api/trash/media`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let query = (|| {
        Ok::<_, OpResponse>((
            limit_page(req, DEFAULT_LIMIT)?,
            date(req, "dateRemoved")?,
            sort(req)?,
        ))
    })();
    let ((limit, page), from, (field, descending)) = match query {
        Ok(q) => q,
        Err(response) => return response,
    };
    let oldest = now() - Duration::days(KEPT_DAYS);
    let mut items: Vec<RemovedAsset> = store.read(|s| {
        s.removed
            .iter()
            .filter(|r| r.date_removed >= oldest && from.is_none_or(|f| r.date_removed >= f))
            .cloned()
            .collect()
    });
    items.sort_by(|a, b| match field.as_str() {
        "media.dateCreated" => a.date_created.cmp(&b.date_created),
        "media.name" => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        "media.username" => a.username.cmp(&b.username),
        _ => a.date_removed.cmp(&b.date_removed),
    });
    if descending {
        items.reverse();
    }
    let page: Vec<Value> = page_of(items, limit, page).iter().map(shape).collect();
    OpResponse::json(Value::Array(page))
}
