//! Pagination as async streams that fetch the next page while the caller works on the
//! current one. Styles: `page`/`limit` (last page = first short page), `X-Pagination-*`
//! headers, and cursors in a response header (`X-Bynder-NextCursor`, `Next-Cursor`).

use futures::Stream;
use futures::future::BoxFuture;
use futures::stream::{self, StreamExt};
use serde_json::{Map, Value};

use crate::client::{Client, RawResponse};
use crate::error::Error;
use crate::ops::{Items, Operation, Paging};

/// The header Bynder uses for the SOLR cursor of `GET /api/v4/media/`; followed whenever a
/// page carries it, since cursors reach deeper than page numbers.
const MEDIA_CURSOR: &str = "x-bynder-nextcursor";

/// One page of a list.
#[derive(Debug, Clone)]
pub struct Page {
    /// The items on this page, as JSON.
    pub items: Vec<Value>,
    /// 1-based page number (counting pages fetched by this stream for cursor styles).
    pub number: u32,
    /// Total item count when the portal said (`total=1` shape or `X-Pagination-TotalRecords`).
    pub total: Option<u64>,
    /// The response body as the portal sent it, with its headers: for faces that build their
    /// own objects from the bytes faster than from `items` (Python); `items_at` says where in
    /// it the items sit.
    pub body: bytes::Bytes,
    /// Where `items` were found in the body.
    pub items_at: ItemsAt,
    /// The response headers (the body's [`crate::client::body_form`] depends on them).
    pub headers: http::HeaderMap,
}

type Fetched = Result<(Page, Option<Map<String, Value>>), Error>;

/// Streams the pages of list operation `op`. Without a `limit`, the largest the operation allows
/// is used, so fewer requests spend the rate budget.
pub fn pages(
    client: &Client,
    op: &'static Operation,
    params: Value,
) -> impl Stream<Item = Result<Page, Error>> + Send + 'static {
    let client = client.clone();
    let first = first_params(op, params);
    let start: Option<BoxFuture<'static, Fetched>> = match first {
        Ok(params) => Some(Box::pin(fetch(client.clone(), op, params, 1))),
        Err(error) => Some(Box::pin(async move { Err(error) })),
    };
    stream::unfold((client, start), move |(client, pending)| async move {
        let fetched = pending?.await;
        match fetched {
            Ok((page, next)) => {
                let following =
                    next.map(|params| prefetch(fetch(client.clone(), op, params, page.number + 1)));
                Some((Ok(page), (client, following)))
            }
            Err(error) => Some((Err(error), (client, None))),
        }
    })
}

/// Streams the items of list operation `op`, page after page.
pub fn items(
    client: &Client,
    op: &'static Operation,
    params: Value,
) -> impl Stream<Item = Result<Value, Error>> + Send + 'static {
    pages(client, op, params).flat_map(|page| {
        let items: Vec<Result<Value, Error>> = match page {
            Ok(page) => page.items.into_iter().map(Ok).collect(),
            Err(error) => vec![Err(error)],
        };
        stream::iter(items)
    })
}

/// Starts the next page's request now, on the runtime, so it runs while the caller works.
fn prefetch(fetch: impl Future<Output = Fetched> + Send + 'static) -> BoxFuture<'static, Fetched> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            let task = handle.spawn(fetch);
            return Box::pin(async move {
                task.await.unwrap_or_else(|e| {
                    Err(Error::new(
                        crate::ErrorKind::Internal,
                        format!("page fetch task failed: {e}"),
                    ))
                })
            });
        }
    }
    Box::pin(fetch)
}

fn first_params(op: &Operation, params: Value) -> Result<Map<String, Value>, Error> {
    let mut map = match params {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        _ => {
            return Err(Error::invalid_argument(format!(
                "{}: parameters must be an object",
                op.name
            )));
        }
    };
    if let Paging::PageLimit { max_limit } | Paging::PaginationHeaders { max_limit } = op.paging {
        map.entry("limit").or_insert(Value::from(max_limit));
        map.entry("page").or_insert(Value::from(1));
    }
    Ok(map)
}

async fn fetch(
    client: Client,
    op: &'static Operation,
    params: Map<String, Value>,
    number: u32,
) -> Fetched {
    let (status, headers, bytes) = client
        .call_op_bytes(op, &Value::Object(params.clone()))
        .await?;
    let response = RawResponse {
        status,
        body: crate::client::response::body_value(&headers, &bytes),
        headers,
    };
    let total = total_of(&response);
    let RawResponse { headers, body, .. } = response;
    let items_at = items_at(op, &body);
    let items = extract_items(op, body);
    let next = next_params(op, params, &headers, items.len(), total);
    Ok((
        Page {
            items,
            number,
            total,
            body: bytes,
            items_at,
            headers,
        },
        next,
    ))
}

/// Where the items of a list answer sit in its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemsAt {
    /// The body is the list.
    Whole,
    /// The list is under this key of the body.
    Key(&'static str),
    /// The body is an object whose values are the items.
    Values,
    /// The body is one item.
    Alone,
    /// There are none (an empty body, or no list under the key).
    Nowhere,
}

/// Where the list sits in a response body, per the operation's [`Items`].
pub fn items_at(op: &Operation, body: &Value) -> ItemsAt {
    match (body, op.items) {
        (Value::Array(_), _) => ItemsAt::Whole,
        (Value::Object(map), Items::Key(key)) if map.get(key).is_some_and(Value::is_array) => {
            ItemsAt::Key(key)
        }
        (Value::Object(_), Items::Key(_)) | (Value::Null, _) => ItemsAt::Nowhere,
        (Value::Object(_), Items::ObjectValues) => ItemsAt::Values,
        _ => ItemsAt::Alone,
    }
}

/// The list inside a response body (see [`items_at`]), taken out of it.
pub fn extract_items(op: &Operation, body: Value) -> Vec<Value> {
    match (items_at(op, &body), body) {
        (ItemsAt::Whole, Value::Array(items)) => items,
        (ItemsAt::Key(key), Value::Object(mut map)) => match map.remove(key) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        (ItemsAt::Values, Value::Object(map)) => map.into_iter().map(|(_, v)| v).collect(),
        (ItemsAt::Alone, other) => vec![other],
        _ => Vec::new(),
    }
}

fn total_of(response: &RawResponse) -> Option<u64> {
    if let Some(total) = response
        .header("x-pagination-totalrecords")
        .and_then(|v| v.parse().ok())
    {
        return Some(total);
    }
    let body = &response.body;
    body.pointer("/total/count")
        .or_else(|| body.pointer("/count/total"))
        .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
}

fn next_params(
    op: &Operation,
    mut params: Map<String, Value>,
    headers: &http::HeaderMap,
    got: usize,
    total: Option<u64>,
) -> Option<Map<String, Value>> {
    let cursor_header = match op.paging {
        Paging::CursorHeader { header } => Some(header),
        _ => header(headers, MEDIA_CURSOR).map(|_| MEDIA_CURSOR),
    };
    if let Some(header_name) = cursor_header {
        let cursor = header(headers, header_name).filter(|c| !c.is_empty())?;
        params.insert("cursor".into(), Value::from(cursor));
        params.remove("page");
        return (got > 0).then_some(params);
    }
    let (Paging::PageLimit { .. } | Paging::PaginationHeaders { .. }) = op.paging else {
        return None;
    };
    let page = params.get("page").and_then(as_u64).unwrap_or(1);
    let limit = params.get("limit").and_then(as_u64).unwrap_or(u64::MAX);
    if (got as u64) < limit || got == 0 {
        return None;
    }
    if let Some(pages) =
        header(headers, "x-pagination-totalpages").and_then(|v| v.parse::<u64>().ok())
    {
        if page >= pages {
            return None;
        }
    }
    if total.is_some_and(|total| page * limit >= total) {
        return None;
    }
    params.insert("page".into(), Value::from(page + 1));
    Some(params)
}

fn header<'h>(headers: &'h http::HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name)?.to_str().ok()
}

fn as_u64(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| value.as_str()?.parse().ok())
}
