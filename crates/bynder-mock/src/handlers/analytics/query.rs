//! The parameters every analytics list shares and its cursor paging (`reference/bynder-api.md`
//! §3.4 and §5.10): `limit` 1..10000 (default 1000), an opaque `cursor`, a date range, and the
//! `Next-Cursor` / `Next-Url` response headers while more events remain.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};

pub use crate::handlers::params::bad;
use crate::handlers::params::parse_date;
use crate::request::{OpRequest, OpResponse};
use crate::store::Time;

/// The largest `limit` the service accepts.
pub const MAX_LIMIT: usize = 10_000;
const DEFAULT_LIMIT: usize = 1000;

/// How an endpoint spells its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// An offset as base64 text without padding: `MA` is 0, `MTAwMA` is 1000 (v1). The user
    /// activity endpoint's default `MDow` ("0:0") is read as its first number.
    Encoded,
    /// An offset as a plain integer, default 0 (v2 asset views).
    Integer,
}

/// A parsed list request.
#[derive(Debug, Clone)]
pub struct Query {
    pub limit: usize,
    pub offset: usize,
    pub from: Option<Time>,
    pub to: Option<Time>,
    /// The date parameters as sent, for `Next-Url`.
    dates: Vec<(String, String)>,
    cursor: Cursor,
}

/// Reads `limit`, `cursor` and the date range named `from_key` / `to_key`.
pub fn parse(
    req: &OpRequest,
    cursor: Cursor,
    from_key: &str,
    to_key: &str,
) -> Result<Query, OpResponse> {
    let limit = match req.param("limit").filter(|v| !v.trim().is_empty()) {
        None => DEFAULT_LIMIT,
        Some(raw) => raw
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                bad(&format!(
                    "limit must be a whole number from 1 to {MAX_LIMIT}, not '{}'",
                    raw.trim()
                ))
            })?,
    };
    let offset = match req.param("cursor").filter(|v| !v.trim().is_empty()) {
        None => 0,
        Some(raw) => decode(raw.trim(), cursor)
            .ok_or_else(|| bad(&format!("Invalid cursor '{}'", raw.trim())))?,
    };
    let mut dates = Vec::new();
    let mut date = |key: &str| -> Result<Option<Time>, OpResponse> {
        match req.param(key).filter(|v| !v.trim().is_empty()) {
            None => Ok(None),
            Some(raw) => {
                let parsed = parse_date(&raw).ok_or_else(|| {
                    bad(&format!(
                        "{key} must be an ISO 8601 date-time (yyyy-mm-ddThh:mm[:ssZ]), not '{}'",
                        raw.trim()
                    ))
                })?;
                dates.push((key.to_string(), raw.trim().to_string()));
                Ok(Some(parsed))
            }
        }
    };
    let from = date(from_key)?;
    let to = date(to_key)?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(bad(&format!("{from_key} must not be after {to_key}")));
        }
    }
    Ok(Query {
        limit,
        offset,
        from,
        to,
        dates,
        cursor,
    })
}

fn decode(raw: &str, cursor: Cursor) -> Option<usize> {
    match cursor {
        Cursor::Integer => raw.parse().ok(),
        Cursor::Encoded => {
            let bytes = STANDARD_NO_PAD
                .decode(raw.trim_end_matches('='))
                .or_else(|_| STANDARD.decode(raw))
                .ok()?;
            let text = String::from_utf8(bytes).ok()?;
            text.split(':').next()?.parse().ok()
        }
    }
}

fn encode(offset: usize, cursor: Cursor) -> String {
    match cursor {
        Cursor::Integer => offset.to_string(),
        Cursor::Encoded => STANDARD_NO_PAD.encode(offset.to_string()),
    }
}

impl Query {
    /// This query with `other`'s date parameters too (a list with two date ranges).
    pub fn and_dates_of(mut self, other: &Query) -> Query {
        self.dates.extend(other.dates.iter().cloned());
        self
    }

    /// This request's page of `items`, and the offset of the next page when more remain.
    pub fn page<T>(&self, items: Vec<T>) -> (Vec<T>, Option<usize>) {
        let total = items.len();
        let page: Vec<T> = items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect();
        let end = self.offset.saturating_add(page.len());
        (page, (end < total).then_some(end))
    }

    /// Adds `Next-Cursor` and `Next-Url` (the path below `/v7/analytics`, as Bynder writes it)
    /// when there is a next page.
    pub fn headers(
        &self,
        req: &OpRequest,
        response: OpResponse,
        next: Option<usize>,
    ) -> OpResponse {
        let Some(next) = next else {
            return response;
        };
        let cursor = encode(next, self.cursor);
        let mut path = req
            .op
            .path
            .strip_prefix("/v7/analytics")
            .unwrap_or(req.op.path)
            .to_string();
        for (name, value) in &req.path {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("limit", &self.limit.to_string());
        query.append_pair("cursor", &cursor);
        for (key, value) in &self.dates {
            query.append_pair(key, value);
        }
        response
            .with_header("Next-Cursor", cursor)
            .with_header("Next-Url", format!("{path}?{}", query.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_bynder_spellings() {
        assert_eq!(decode("MA", Cursor::Encoded), Some(0));
        assert_eq!(decode("MTAwMA", Cursor::Encoded), Some(1000));
        assert_eq!(decode("MTAwMA==", Cursor::Encoded), Some(1000));
        assert_eq!(decode("MDow", Cursor::Encoded), Some(0));
        assert_eq!(decode("bm9wZQ", Cursor::Encoded), None);
        assert_eq!(decode("!!", Cursor::Encoded), None);
        assert_eq!(decode("1000", Cursor::Integer), Some(1000));
        assert_eq!(decode("MA", Cursor::Integer), None);
        assert_eq!(encode(1000, Cursor::Encoded), "MTAwMA");
        assert_eq!(encode(0, Cursor::Encoded), "MA");
    }
}
