//! Reading request parameters the lenient way Bynder's server does: booleans in every
//! spelling, lists comma-separated or as repeated keys, names in any case, ids in any case
//! and either UUID form, dates in ISO 8601 with or without a time.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use crate::request::{OpRequest, OpResponse};
use crate::store::{Time, normalize_id};

/// The 400 Bynder answers for parameters it cannot read.
pub fn invalid() -> OpResponse {
    OpResponse::message(400, "Invalid request parameters.")
}

/// A 400 with Bynder's envelope and a message saying what was wrong.
pub fn bad(message: &str) -> OpResponse {
    OpResponse::message(400, message)
}

/// A 404 with Bynder's envelope.
pub fn not_found(message: &str) -> OpResponse {
    OpResponse::message(404, message)
}

/// An optional boolean of a JSON body: `true`/`false`, 0/1 or their text; anything else is a
/// 400 naming the field.
pub fn body_flag(body: &Map<String, Value>, name: &str) -> Param<Option<bool>> {
    let invalid = || OpResponse::message(400, &format!("{name} must be a boolean"));
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            _ => Err(invalid()),
        },
        Some(Value::String(s)) => bynder::lenient::bool_from_text(s)
            .map(Some)
            .ok_or_else(invalid),
        Some(_) => Err(invalid()),
    }
}

/// A parameter result: the value, or the error response to answer.
pub type Param<T> = Result<T, OpResponse>;

/// Every value sent for `name` (form, then query, then JSON), repeated keys kept, each split
/// on commas, trimmed, empties dropped.
pub fn list(req: &OpRequest, name: &str) -> Vec<String> {
    let mut raw: Vec<String> = req
        .form
        .iter()
        .chain(req.query.iter())
        .filter(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
        .collect();
    if let Some(Value::Object(obj)) = &req.json {
        for (k, v) in obj {
            if k.eq_ignore_ascii_case(name) {
                raw.extend(json_strings(v));
            }
        }
    }
    raw.iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .collect()
}

fn json_strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Bool(b) => vec![b.to_string()],
        Value::Array(items) => items.iter().flat_map(json_strings).collect(),
        _ => Vec::new(),
    }
}

/// Like [`list`], with every value normalised as an id (upper case, ColdFusion form).
pub fn id_list(req: &OpRequest, name: &str) -> Vec<String> {
    list(req, name).iter().map(|id| normalize_id(id)).collect()
}

/// A list of ids sent as Bynder's `data` field: a JSON array in a string. A JSON body array,
/// a comma-separated string and repeated keys are accepted too.
pub fn data_ids(req: &OpRequest) -> Param<Vec<String>> {
    if let Some(Value::Object(obj)) = &req.json {
        if let Some((_, Value::Array(items))) =
            obj.iter().find(|(k, _)| k.eq_ignore_ascii_case("data"))
        {
            return Ok(items
                .iter()
                .flat_map(json_strings)
                .map(|id| normalize_id(&id))
                .collect());
        }
    }
    let Some(raw) = req.param("data") else {
        return Ok(Vec::new());
    };
    let trimmed = raw.trim();
    if trimmed.starts_with('[') {
        let parsed: Value = serde_json::from_str(trimmed).map_err(|_| invalid())?;
        return Ok(json_strings(&parsed)
            .iter()
            .map(|id| normalize_id(id))
            .collect());
    }
    Ok(id_list(req, "data"))
}

/// An optional boolean parameter; an empty value counts as absent, garbage is a 400.
pub fn flag(req: &OpRequest, name: &str) -> Param<Option<bool>> {
    match req.param(name) {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) => bynder::lenient::bool_from_text(&v)
            .map(Some)
            .ok_or_else(invalid),
    }
}

/// A boolean parameter that defaults to `default`.
pub fn flag_or(req: &OpRequest, name: &str, default: bool) -> Param<bool> {
    Ok(flag(req, name)?.unwrap_or(default))
}

/// An integer parameter within `min..=max`, `default` when absent; otherwise a 400.
pub fn int(req: &OpRequest, name: &str, default: u64, min: u64, max: u64) -> Param<u64> {
    match req.param(name) {
        None => Ok(default),
        Some(v) if v.trim().is_empty() => Ok(default),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(invalid()),
        },
    }
}

/// `limit` (1..=1000, default `default`) and 1-based `page` of a paged list.
pub fn limit_page(req: &OpRequest, default: u64) -> Param<(usize, usize)> {
    let limit = int(req, "limit", default, 1, 1000)?;
    let page = int(req, "page", 1, 1, u64::from(u32::MAX))?;
    Ok((limit as usize, page as usize))
}

/// The items of page `page` (1-based) of size `limit`.
pub fn page_of<T>(items: Vec<T>, limit: usize, page: usize) -> Vec<T> {
    let start = limit.saturating_mul(page - 1);
    items.into_iter().skip(start).take(limit).collect()
}

/// Parses an ISO 8601 date or date-time: `2017-05-30T16:47:44Z`, with an offset, without a
/// zone (read as UTC), or a bare date (midnight UTC).
pub fn parse_date(text: &str) -> Option<Time> {
    let text = text.trim();
    // An unescaped `+` of an offset arrives as a space (`...T10:00:00 01:00`): restore it.
    let restored;
    let text = if text.len() == 25 && text.as_bytes()[19] == b' ' {
        restored = format!("{}+{}", &text[..19], &text[20..]);
        restored.as_str()
    } else {
        text
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.to_utc());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// An optional date parameter; garbage is a 400.
pub fn date(req: &OpRequest, name: &str) -> Param<Option<Time>> {
    match req.param(name) {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) => parse_date(&v).map(Some).ok_or_else(invalid),
    }
}

/// A path parameter normalised as an id (the router guarantees it is present).
pub fn path_id(req: &OpRequest, name: &str) -> String {
    normalize_id(req.path_param(name).unwrap_or_default())
}

/// The sort direction of an `orderBy` value such as `name desc`, with its field.
pub fn order_by(req: &OpRequest, default: &str, fields: &[&str]) -> Param<(String, bool)> {
    let raw = req
        .param("orderBy")
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string());
    let mut words = raw.split_whitespace();
    let field = words.next().unwrap_or_default();
    let descending = match words.next().map(str::to_ascii_lowercase).as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => return Err(invalid()),
    };
    let field = fields
        .iter()
        .find(|f| f.eq_ignore_ascii_case(field))
        .ok_or_else(invalid)?;
    Ok(((*field).to_string(), descending))
}

/// A whole number sent as text: `5`, or `5.0` as a client that thinks in doubles sends it.
pub fn whole_number(text: &str) -> Option<u64> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u64>() {
        return Some(n);
    }
    let (whole, fraction) = text.split_once('.')?;
    (fraction.chars().all(|c| c == '0') && !fraction.is_empty())
        .then(|| whole.parse::<u64>().ok())
        .flatten()
}

/// A required whole-number parameter: its value, or a 400 naming it.
pub fn required_number(req: &OpRequest, name: &str) -> Param<u64> {
    let raw = req
        .param(name)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| OpResponse::message(400, &format!("{name} is required")))?;
    whole_number(&raw).ok_or_else(|| {
        OpResponse::message(
            400,
            &format!("{name} must be a whole number, not '{}'", raw.trim()),
        )
    })
}

/// A required text parameter: its trimmed value, or a 400 naming it.
pub fn required_text(req: &OpRequest, name: &str) -> Param<String> {
    req.param(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| OpResponse::message(400, &format!("{name} is required")))
}
