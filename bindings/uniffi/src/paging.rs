//! Pages of a list operation: `pager.nextPage()` until it answers null/nil.

use std::sync::Arc;

use bynder::ops::Operation;
use bynder::paging::{self, Page as CorePage};
use futures::StreamExt;
use futures::stream::BoxStream;
use serde_json::Value;
use tokio::sync::Mutex;

use crate::client::to_json;
use crate::error::BynderError;
use crate::runtime::spawn;

type Pages = BoxStream<'static, Result<CorePage, bynder::Error>>;

/// One page of a list.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The total item count when the portal said (`total=1`, `X-Pagination-TotalRecords`).
    pub total: Option<u64>,
    /// Items on this page.
    pub count: u32,
    /// The items as one JSON array.
    pub items_json: String,
}

/// The pages still to come. Calls are served one at a time, in order; after the last page, or
/// a failed one, `nextPage` answers null/nil.
#[derive(uniffi::Object)]
pub struct Pager {
    stream: Arc<Mutex<Option<Pages>>>,
}

impl Pager {
    pub(crate) fn new(
        client: &bynder::Client,
        op: &'static Operation,
        params: Value,
    ) -> Arc<Pager> {
        Arc::new(Pager {
            stream: Arc::new(Mutex::new(Some(paging::pages(client, op, params).boxed()))),
        })
    }

    /// The next page as the core decoded it, on the runtime.
    pub(crate) async fn next_core(&self) -> Result<Option<CorePage>, BynderError> {
        let slot = self.stream.clone();
        spawn(async move {
            let mut guard = slot.lock().await;
            let Some(stream) = guard.as_mut() else {
                return Ok(None);
            };
            match stream.next().await {
                Some(Ok(page)) => Ok(Some(page)),
                Some(Err(error)) => {
                    *guard = None;
                    Err(error)
                }
                None => {
                    *guard = None;
                    Ok(None)
                }
            }
        })
        .await
        .map_err(BynderError::from)
    }
}

#[uniffi::export]
impl Pager {
    /// The next page, or null/nil when there are no more.
    pub async fn next_page(&self) -> Result<Option<Page>, BynderError> {
        let Some(page) = self.next_core().await? else {
            return Ok(None);
        };
        Ok(Some(Page {
            number: page.number,
            total: page.total,
            count: u32::try_from(page.items.len()).unwrap_or(u32::MAX),
            items_json: to_json(&page.items)?,
        }))
    }
}
