//! `POST /api/1/assets/similarity-search/`: exactly one of `assetIds`, `imageUrl`, `imageData`,
//! `textQuery`. Scores come from what the assets share (type, brand, tags, options, words), so
//! answers are real asset ids of the portal, deterministic, best first.

use std::collections::BTreeSet;

use base64::Engine;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::guard::has_id_form;
use crate::request::{OpRequest, OpResponse};
use crate::store::{Asset, State, Store};
use bynder::ops::IdForm;

const KEYS: [&str; 4] = ["assetIds", "imageUrl", "imageData", "textQuery"];
/// The most assets one search answers.
const MAX_RESULTS: usize = 20;

/// The service's 400/404 body: `{"message", "reason"}`.
fn refuse(status: u16, reason: &str, message: &str) -> OpResponse {
    OpResponse::status_json(status, json!({"message": message, "reason": reason}))
}

fn invalid(message: &str) -> OpResponse {
    refuse(400, "INVALID_SEARCH_PARAMETER", message)
}

pub fn search(store: &Store, req: &OpRequest) -> OpResponse {
    let Some(body) = req.json.as_ref().and_then(Value::as_object) else {
        return invalid("A JSON object body is required.");
    };
    let given: Vec<&str> = KEYS
        .into_iter()
        .filter(|k| body.get(*k).is_some_and(|v| !v.is_null()))
        .collect();
    match given.as_slice() {
        [] => refuse(
            400,
            "MISSING_SEARCH_PARAMETER",
            "No search parameter provided. Please provide one of the following parameters: assetIds, imageUrl, imageData, textQuery.",
        ),
        [one] => store.read(|s| match run(s, body, one, &req.base_url) {
            Ok(hits) => OpResponse::json(json!({ "assets": hits })),
            Err(e) => e,
        }),
        _ => refuse(
            400,
            "MULTIPLE_SEARCH_PARAMETERS",
            "Multiple search parameters provided. Please provide only one of the following parameters: assetIds, imageUrl, imageData, textQuery.",
        ),
    }
}

fn run(
    state: &State,
    body: &Map<String, Value>,
    key: &str,
    base: &str,
) -> Result<Vec<Value>, OpResponse> {
    let value = &body[key];
    match key {
        "assetIds" => {
            let ids = value
                .as_array()
                .filter(|ids| !ids.is_empty())
                .ok_or_else(|| invalid("assetIds must be a non-empty list of asset ids."))?;
            let mut seeds = Vec::new();
            for id in ids {
                let id = id
                    .as_str()
                    .ok_or_else(|| invalid("assetIds must be strings."))?;
                // This service reads only the lower-case RFC 4122 form.
                let found = has_id_form(id, IdForm::Rfc4122) && id == id.to_ascii_lowercase();
                match state.asset(id).filter(|_| found) {
                    Some(asset) => seeds.push(asset),
                    None => {
                        return Err(refuse(
                            404,
                            "ASSET_NOT_FOUND",
                            &format!("Asset {id} not found."),
                        ));
                    }
                }
            }
            Ok(similar_to(state, &seeds, false))
        }
        "textQuery" => {
            let text = value.as_str().map(str::trim).unwrap_or_default();
            if text.is_empty() {
                return Err(invalid("textQuery must be a non-empty string."));
            }
            Ok(by_text(state, text))
        }
        "imageUrl" => {
            let text = value.as_str().unwrap_or_default();
            let url = url::Url::parse(text)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .ok_or_else(|| invalid("imageUrl must be an http(s) URL."))?;
            // A URL the portal handed out (thumbnail, transformation) names its asset.
            let own = url.as_str().starts_with(base).then(|| {
                state.assets.iter().find(|a| {
                    let rfc = crate::handlers::automation::rfc(&a.id);
                    text.contains(&a.id) || text.contains(&rfc)
                })
            });
            match own.flatten() {
                Some(asset) => Ok(similar_to(state, &[asset], false)),
                None => Ok(by_image(state, text.as_bytes())),
            }
        }
        _ => {
            let text = value.as_str().unwrap_or_default();
            let bytes = text
                .strip_prefix("data:image/")
                .and_then(|rest| rest.split_once(";base64,"))
                .and_then(|(_, data)| base64::engine::general_purpose::STANDARD.decode(data).ok())
                .filter(|bytes| !bytes.is_empty())
                .ok_or_else(|| invalid("imageData must be a base64 data URL of an image (data:image/...;base64,...)."))?;
            Ok(by_image(state, &bytes))
        }
    }
}

/// An image from outside the portal: it "looks like" one image asset chosen by its bytes, which
/// leads the answer, followed by that asset's neighbours.
fn by_image(state: &State, bytes: &[u8]) -> Vec<Value> {
    let images: Vec<&Asset> = state.assets.iter().filter(|a| a.kind == "image").collect();
    if images.is_empty() {
        return Vec::new();
    }
    let digest = Sha256::digest(bytes);
    let pick = usize::from(digest[0]) << 8 | usize::from(digest[1]);
    similar_to(state, &[images[pick % images.len()]], true)
}

/// What an asset is made of, for comparing.
fn features(asset: &Asset) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = asset.tags.iter().map(|t| format!("tag:{t}")).collect();
    out.extend(asset.option_ids.iter().map(|o| format!("option:{o}")));
    out
}

fn score(a: &Asset, b: &Asset) -> f64 {
    let (fa, fb) = (features(a), features(b));
    let union = fa.union(&fb).count();
    let shared = if union == 0 {
        0.0
    } else {
        fa.intersection(&fb).count() as f64 / union as f64
    };
    let same = |x: bool| if x { 1.0 } else { 0.0 };
    0.45 * same(a.kind == b.kind) + 0.15 * same(a.brand_id == b.brand_id) + 0.4 * shared
}

fn hit(asset: &Asset, score: f64) -> Value {
    json!({
        "assetId": crate::handlers::automation::rfc(&asset.id),
        "similarityScore": (score * 100.0).round() / 100.0,
    })
}

/// The assets most like any of `seeds`; the seeds themselves lead only when `include_seeds`.
fn similar_to(state: &State, seeds: &[&Asset], include_seeds: bool) -> Vec<Value> {
    let mut scored: Vec<(f64, &Asset)> = state
        .assets
        .iter()
        .filter_map(|a| {
            let is_seed = seeds.iter().any(|s| s.id == a.id);
            if is_seed {
                return include_seeds.then_some((0.99, a));
            }
            let best = seeds.iter().map(|s| score(s, a)).fold(0.0, f64::max);
            (best >= 0.5).then_some((best, a))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id)));
    scored.truncate(MAX_RESULTS);
    scored.into_iter().map(|(s, a)| hit(a, s)).collect()
}

/// Assets whose name, description, tags or type hold the query's words, more words first.
fn by_text(state: &State, query: &str) -> Vec<Value> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &Asset)> = state
        .assets
        .iter()
        .filter_map(|a| {
            let text = format!(
                "{} {} {} {}",
                a.name,
                a.description,
                a.tags.join(" "),
                a.kind
            )
            .to_lowercase();
            let found = words.iter().filter(|w| text.contains(w.as_str())).count();
            // The whole query in the name ranks above any scattered match.
            let whole = if a.name.to_lowercase().contains(&query.to_lowercase()) {
                0.01
            } else {
                0.0
            };
            (found > 0).then(|| (0.5 + 0.48 * found as f64 / words.len() as f64 + whole, a))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id)));
    scored.truncate(MAX_RESULTS);
    scored.into_iter().map(|(s, a)| hit(a, s)).collect()
}
