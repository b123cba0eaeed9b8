//! Handlers of the analytics operations (`bynder::ops` table, `table/analytics.rs`;
//! `reference/bynder-api.md` §5.10). Every list answers the events of the last 12 months,
//! oldest first, filtered by the date range and paged by cursor (`analytics/query.rs`); the
//! `.csv` operations answer `text/csv`. Events come from `store::Analytics`: seeded activity
//! plus creation, archive and removal events derived from the assets as they are now.

mod query;
mod reports;

use bytes::Bytes;
use serde_json::Value;

use self::query::{Cursor, Query, bad};
use super::params::{not_found, path_id};
use crate::request::{OpRequest, OpResponse, ResponseBody};
use crate::store::{Analytics, State, Store, Time};

/// Picks and shapes the rows of one list from the portal's events within a date range. The
/// store's event type cannot be named here (it exports only `Analytics`), so each list is a
/// closure around `Analytics::select`, whose own closure infers it.
type Rows<T> = Box<dyn Fn(&State, Option<Time>, Option<Time>) -> Vec<T>>;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    let encoded = Cursor::Encoded;
    Some(match req.op.name {
        "analytics.asset_views" => json(
            store,
            req,
            Cursor::Integer,
            rows(|s, f, t| {
                Analytics::select(s, f, t, |e| {
                    (e.v1_type() == "asset.view").then(|| e.view_v2_json())
                })
            }),
        ),
        "analytics.asset_views_v1" => json(store, req, encoded, v1("asset.view")),
        "analytics.asset_downloads_v1" => json(store, req, encoded, v1("asset.download")),
        "analytics.asset_downloads" => json(
            store,
            req,
            encoded,
            rows(|s, f, t| {
                Analytics::select(s, f, t, |e| {
                    (e.v1_type() == "asset.download").then(|| e.download_v2_json())
                })
            }),
        ),
        "analytics.asset_creations" => json(store, req, encoded, v1("asset.create")),
        "analytics.asset_archives" => json(store, req, encoded, v1("asset.archive")),
        "analytics.asset_removals" => json(store, req, encoded, v1("asset.remove")),
        "analytics.asset_events" => asset_events(store, req),
        "analytics.search_executions" => json(
            store,
            req,
            encoded,
            rows(|s, f, t| {
                Analytics::select(s, f, t, |e| Some(e.search_json()).filter(|v| !v.is_null()))
            }),
        ),
        "analytics.search_keywords" => json(store, req, encoded, v1("search.keyword")),
        "analytics.search_keywords_csv" => csv(
            store,
            req,
            Analytics::KEYWORD_CSV_HEADER,
            rows(|s, f, t| Analytics::select(s, f, t, |e| e.keyword_csv())),
        ),
        "analytics.user_logins" => json(store, req, encoded, v1("user.login")),
        "analytics.user_events" => user_events(store, req),
        "analytics.collection_views" => json(
            store,
            req,
            encoded,
            rows(|s, f, t| {
                Analytics::select(s, f, t, |e| {
                    Some(e.collection_view_json()).filter(|v| !v.is_null())
                })
            }),
        ),
        "analytics.collection_views_csv" => csv(
            store,
            req,
            Analytics::COLLECTION_CSV_HEADER,
            rows(|s, f, t| Analytics::select(s, f, t, |e| e.collection_view_csv())),
        ),
        "analytics.asset_reports" => reports::list(store, req),
        "analytics.asset_report" => reports::get(store, req),
        "analytics.historical_csv" => historical(store, req),
        _ => return None,
    })
}

fn rows<T>(f: impl Fn(&State, Option<Time>, Option<Time>) -> Vec<T> + 'static) -> Rows<T> {
    Box::new(f)
}

/// The v1 rows of the events of one `eventType`.
fn v1(kind: &'static str) -> Rows<Value> {
    rows(move |s, f, t| {
        Analytics::select(s, f, t, |e| {
            (e.v1_type() == kind).then(|| e.v1_json()).flatten()
        })
    })
}

/// Reads the list parameters, then answers one page of `rows` with the cursor headers.
fn page<T>(
    store: &Store,
    req: &OpRequest,
    cursor: Cursor,
    rows: &Rows<T>,
) -> Result<(Query, Vec<T>, Option<usize>), OpResponse> {
    let query = query::parse(req, cursor, "fromDateTime", "toDateTime")?;
    let all = store.read(|s| rows(s, query.from, query.to));
    let (page, next) = query.page(all);
    Ok((query, page, next))
}

fn json(store: &Store, req: &OpRequest, cursor: Cursor, rows: Rows<Value>) -> OpResponse {
    match page(store, req, cursor, &rows) {
        Ok((query, page, next)) => query.headers(req, OpResponse::json(Value::Array(page)), next),
        Err(response) => response,
    }
}

fn csv(store: &Store, req: &OpRequest, header: &str, rows: Rows<String>) -> OpResponse {
    match page(store, req, Cursor::Encoded, &rows) {
        Ok((query, page, next)) => {
            let mut text = format!("{header}\n");
            for line in page {
                text.push_str(&line);
                text.push('\n');
            }
            query.headers(req, csv_response(text), next)
        }
        Err(response) => response,
    }
}

fn csv_response(text: String) -> OpResponse {
    OpResponse {
        status: 200,
        headers: Vec::new(),
        body: ResponseBody::Bytes {
            content_type: "text/csv; charset=utf-8".to_string(),
            data: Bytes::from(text),
        },
    }
}

/// `GET /api/v1/asset/{assetId}`: every v1 event of one asset; an asset the portal never had
/// is a 404.
fn asset_events(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "assetId");
    if !store.read(|s| Analytics::knows_asset(s, &id)) {
        return not_found("Asset not found");
    }
    json(
        store,
        req,
        Cursor::Encoded,
        rows(move |s, f, t| {
            Analytics::select(s, f, t, |e| {
                e.asset().filter(|a| a.id == id).and_then(|_| e.v1_json())
            })
        }),
    )
}

/// `GET /api/v1/user/{userId}`: every v1 event a user caused; an unknown user is a 404.
fn user_events(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "userId");
    if !store.read(|s| Analytics::knows_user(s, &id)) {
        return not_found("User not found");
    }
    json(
        store,
        req,
        Cursor::Encoded,
        rows(move |s, f, t| {
            Analytics::select(s, f, t, |e| {
                (e.user_id == id).then(|| e.v1_json()).flatten()
            })
        }),
    )
}

/// `GET /api/v1/historical/{year}.csv`: the events of a year beyond the retention window, no
/// header line; a year without such data is a 404.
fn historical(store: &Store, req: &OpRequest) -> OpResponse {
    let raw = req.path_param("year").unwrap_or_default();
    let Some(year) = raw
        .parse::<i32>()
        .ok()
        .filter(|y| raw.len() == 4 && *y >= 1000)
    else {
        return bad(&format!("year must be four digits, like 2022, not '{raw}'"));
    };
    let lines = store.read(|s| Analytics::historical(s, year));
    if lines.is_empty() {
        return not_found(&format!("No historical data for {year}"));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    csv_response(text)
}
