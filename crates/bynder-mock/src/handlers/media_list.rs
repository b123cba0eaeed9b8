//! `GET /api/v4/media/`: filters, order, page/limit, the `total=1` and `count=1` shapes and
//! the `X-Bynder-NextCursor` cursor (`reference/bynder-api.md` §3.4, §5.1).

use std::cmp::Ordering;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use super::media;
use super::params::{self, Param, invalid};
use super::shapes::{self, MediaParts};
use crate::request::{OpRequest, OpResponse};
use crate::store::{Asset, State, Store, Time, normalize_id};

const TYPES: [&str; 5] = ["image", "document", "audio", "video", "3d"];
const ORIENTATIONS: [&str; 3] = ["square", "portrait", "landscape"];
const ORDER_FIELDS: [&str; 4] = ["dateCreated", "dateModified", "datePublished", "name"];

/// A date filter: after (`dateX`), until (`dateXTo`), on that day (`dateXOn`).
#[derive(Debug, Default)]
struct DateRange {
    from: Option<Time>,
    to: Option<Time>,
    on: Option<Time>,
}

impl DateRange {
    fn parse(req: &OpRequest, name: &str) -> Param<DateRange> {
        Ok(DateRange {
            from: params::date(req, name)?,
            to: params::date(req, &format!("{name}To"))?,
            on: params::date(req, &format!("{name}On"))?,
        })
    }

    fn contains(&self, t: Time) -> bool {
        self.from.is_none_or(|from| t >= from)
            && self.to.is_none_or(|to| t <= to)
            && self.on.is_none_or(|on| t.date_naive() == on.date_naive())
    }
}

/// Every filter of the request, parsed before the store is locked.
#[derive(Debug, Default)]
struct Filter {
    brand_ids: Vec<String>,
    sub_brand_ids: Vec<String>,
    category_ids: Vec<String>,
    collection_ids: Vec<String>,
    ids: Vec<String>,
    option_ids: Vec<String>,
    properties: Vec<(String, Vec<String>)>,
    tags: Vec<String>,
    types: Vec<String>,
    orientations: Vec<String>,
    keyword: Option<String>,
    limited: Option<bool>,
    archive: Option<bool>,
    is_public: Option<bool>,
    created: DateRange,
    modified: DateRange,
}

fn lower_list(req: &OpRequest, name: &str, allowed: &[&str]) -> Param<Vec<String>> {
    let values: Vec<String> = params::list(req, name)
        .iter()
        .map(|v| v.to_ascii_lowercase())
        .collect();
    if values.iter().all(|v| allowed.contains(&v.as_str())) {
        Ok(values)
    } else {
        Err(invalid())
    }
}

impl Filter {
    fn parse(req: &OpRequest) -> Param<Filter> {
        let mut properties: Vec<(String, Vec<String>)> = Vec::new();
        for (key, value) in req.query.iter().chain(req.form.iter()) {
            let Some(name) = key
                .get(..9)
                .filter(|head| head.eq_ignore_ascii_case("property_"))
                .map(|_| &key[9..])
            else {
                continue;
            };
            let values = value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from);
            match properties
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some((_, existing)) => existing.extend(values),
                None => properties.push((name.to_string(), values.collect())),
            }
        }
        Ok(Filter {
            brand_ids: params::id_list(req, "brandId"),
            sub_brand_ids: params::id_list(req, "subBrandId"),
            category_ids: params::id_list(req, "categoryId"),
            collection_ids: params::id_list(req, "collectionId"),
            ids: params::id_list(req, "ids"),
            option_ids: params::id_list(req, "propertyOptionId"),
            properties,
            tags: params::list(req, "tags"),
            types: lower_list(req, "type", &TYPES)?,
            orientations: lower_list(req, "orientation", &ORIENTATIONS)?,
            keyword: req
                .param("keyword")
                .map(|k| k.trim().to_lowercase())
                .filter(|k| !k.is_empty()),
            limited: params::flag(req, "limited")?,
            archive: params::flag(req, "archive")?,
            is_public: params::flag(req, "isPublic")?,
            created: DateRange::parse(req, "dateCreated")?,
            modified: DateRange::parse(req, "dateModified")?,
        })
    }

    /// Checks the `property_<name>` filters name existing metaproperties.
    fn check_properties(&self, s: &State) -> Param<()> {
        let known = |name: &str| {
            s.metaproperties
                .iter()
                .any(|mp| mp.name.eq_ignore_ascii_case(name))
        };
        if self.properties.iter().all(|(name, _)| known(name)) {
            Ok(())
        } else {
            Err(invalid())
        }
    }

    fn matches(&self, s: &State, asset: &Asset) -> bool {
        let any_or_empty =
            |wanted: &[String], value: &str| wanted.is_empty() || wanted.iter().any(|w| w == value);
        let flag_ok = |wanted: Option<bool>, value: bool| wanted.is_none_or(|w| w == value);
        any_or_empty(&self.brand_ids, &asset.brand_id)
            && (self.sub_brand_ids.is_empty()
                || asset.sub_brand_id.as_ref().is_some_and(|sub| self.sub_brand_ids.contains(sub)))
            // The mock portal has no categories, so a category filter matches nothing.
            && self.category_ids.is_empty()
            && self.collection_ids.iter().all(|cid| s.collection(cid).is_some_and(|c| c.media.contains(&asset.id)))
            && any_or_empty(&self.ids, &asset.id)
            && self.option_ids.iter().all(|o| asset.option_ids.contains(o))
            && self.properties.iter().all(|(name, values)| property_matches(s, asset, name, values))
            && self.tags.iter().all(|t| asset.tags.iter().any(|at| at.eq_ignore_ascii_case(t)))
            && any_or_empty(&self.types, &asset.kind)
            && any_or_empty(&self.orientations, asset.orientation())
            && self.keyword.as_ref().is_none_or(|k| keyword_matches(asset, k))
            && flag_ok(self.limited, asset.limited)
            && flag_ok(self.archive, asset.archive)
            && flag_ok(self.is_public, asset.is_public)
            && self.created.contains(asset.date_created)
            && self.modified.contains(asset.date_modified)
    }
}

/// `property_<name>=<option name>` or `=<id,id>`: the asset has every value (AND).
fn property_matches(s: &State, asset: &Asset, name: &str, values: &[String]) -> bool {
    let Some(mp) = s
        .metaproperties
        .iter()
        .find(|mp| mp.name.eq_ignore_ascii_case(name))
    else {
        return false;
    };
    if mp.kind == "text" {
        let text = asset
            .texts
            .get(&mp.id)
            .map(|t| t.to_lowercase())
            .unwrap_or_default();
        return values.iter().all(|v| text == v.to_lowercase());
    }
    values.iter().all(|value| {
        let id = normalize_id(value);
        mp.options
            .iter()
            .find(|o| {
                o.id == id
                    || o.name.eq_ignore_ascii_case(value)
                    || o.label.eq_ignore_ascii_case(value)
            })
            .is_some_and(|o| asset.option_ids.contains(&o.id))
    })
}

fn keyword_matches(asset: &Asset, keyword: &str) -> bool {
    asset.name.to_lowercase().contains(keyword)
        || asset.extension.to_lowercase().contains(keyword)
        || asset
            .tags
            .iter()
            .any(|t| t.to_lowercase().contains(keyword))
}

fn compare(field: &str, a: &Asset, b: &Asset) -> Ordering {
    match field {
        "dateModified" => a.date_modified.cmp(&b.date_modified),
        "datePublished" => a.date_published.cmp(&b.date_published),
        "name" => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        _ => a.date_created.cmp(&b.date_created),
    }
}

/// Counts per value, for the `count=1` facets.
fn facet<'a>(assets: &[&'a Asset], keys: impl Fn(&'a Asset) -> Vec<String>) -> Value {
    let mut counts: Map<String, Value> = Map::new();
    for asset in assets {
        for key in keys(asset) {
            let n = counts.get(&key).and_then(Value::as_u64).unwrap_or(0);
            counts.insert(key, json!(n + 1));
        }
    }
    Value::Object(counts)
}

/// A cursor: where the next page starts, opaque to the client.
fn encode_cursor(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("mock-cursor:{offset}"))
}

fn decode_cursor(cursor: &str) -> Param<usize> {
    let cursor = cursor.trim();
    if cursor.is_empty() || cursor == "*" {
        return Ok(0);
    }
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    text.strip_prefix("mock-cursor:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(invalid)
}

/// `GET /api/v4/media/`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    match answer(store, req) {
        Ok(response) | Err(response) => response,
    }
}

fn answer(store: &Store, req: &OpRequest) -> Param<OpResponse> {
    let parts = MediaParts {
        items: params::flag_or(req, "includeMediaItems", false)?,
        stats: false,
        version_number: params::flag_or(req, "includeVersionNumber", false)?,
    };
    // The Java SDK retrieves one asset as `GET /api/v4/media/?id=X`: a single object.
    if let Some(id) = req.param("id").filter(|id| !id.trim().is_empty()) {
        let items = parts.items || params::flag_or(req, "versions", false)?;
        return Ok(media::one(
            store,
            req,
            &normalize_id(&id),
            MediaParts { items, ..parts },
        ));
    }
    let filter = Filter::parse(req)?;
    let (order_field, descending) = params::order_by(req, "dateCreated desc", &ORDER_FIELDS)?;
    let (limit, page) = params::limit_page(req, 50)?;
    let with_total = params::flag_or(req, "total", false)?;
    let with_count = params::flag_or(req, "count", false)?;
    let cursor = req.param("cursor").map(|c| decode_cursor(&c)).transpose()?;
    store.read(|s| {
        filter.check_properties(s)?;
        let mut found: Vec<&Asset> = s.assets.iter().filter(|a| filter.matches(s, a)).collect();
        found.sort_by(|a, b| {
            let order = compare(&order_field, a, b);
            (if descending { order.reverse() } else { order }).then_with(|| a.id.cmp(&b.id))
        });
        let start = cursor.unwrap_or_else(|| limit.saturating_mul(page - 1));
        let media: Vec<Value> = found
            .iter()
            .skip(start)
            .take(limit)
            .map(|asset| shapes::media(s, &req.base_url, asset, parts))
            .collect();
        let body = if with_total || with_count {
            let mut body = Map::new();
            if with_total {
                body.insert("total".into(), json!({"count": found.len()}));
            }
            if with_count {
                body.insert(
                    "count".into(),
                    json!({
                        "total": found.len(),
                        "brandId": facet(&found, |a| vec![a.brand_id.clone()]),
                        "type": facet(&found, |a| vec![a.kind.clone()]),
                        "orientation": facet(&found, |a| vec![a.orientation().to_string()]),
                        "tags": facet(&found, |a| a.tags.clone()),
                    }),
                );
            }
            body.insert("media".into(), Value::Array(media));
            Value::Object(body)
        } else {
            Value::Array(media)
        };
        let mut response = OpResponse::json(body);
        if cursor.is_some() && start.saturating_add(limit) < found.len() {
            response = response.with_header("X-Bynder-NextCursor", encode_cursor(start + limit));
        }
        Ok(response)
    })
}
