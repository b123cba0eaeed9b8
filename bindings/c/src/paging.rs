//! `bynder_pages`: the pages of a list operation, one blocking call per page. The core
//! requests the following page while the caller works on the current one.

use std::ffi::c_char;
use std::sync::{Arc, Mutex, PoisonError};

use bynder_core::Error;
use bynder_core::paging::{self, Page};
use futures::StreamExt;
use futures::stream::BoxStream;
use serde_json::json;

use crate::client::{Shared, bynder_client};
use crate::error::bynder_error;
use crate::guard::{free_box, guard};
use crate::ops::operation_args;
use crate::runtime::{block_on, drop_in_runtime};
use crate::status::bynder_status;
use crate::strings::{Out, handle, json_out};

type Pages = BoxStream<'static, Result<Page, Error>>;

/// An iterator over the pages of a list operation (`media.list`, `collections.list`,
/// `tags.list`...). Create it with `bynder_pages_new`, read it with `bynder_pages_next` until
/// that yields NULL, free it with `bynder_pages_free`.
///
/// Thread-safe: calls on one iterator are serialised (each page goes to exactly one caller).
/// It keeps its client's connections alive, so the client may be freed first.
pub struct bynder_pages {
    shared: Arc<Shared>,
    /// `None` once the last page was read or a page failed.
    stream: Mutex<Option<Pages>>,
}

/// Starts iterating over the pages of list operation `operation`. No request is sent until the
/// first `bynder_pages_next`.
///
/// @param client the client.
/// @param operation a list operation, e.g. `"media.list"` (its `paging` in
///        `bynder_operations_json` says how it pages).
/// @param params_json the parameters as a JSON object (filters, `limit` = page size; the
///        largest the operation allows by default), or NULL.
/// @param out receives the iterator; free it with `bynder_pages_free`. NULL on failure.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`, `BYNDER_ERR_UNKNOWN_OPERATION`, or `BYNDER_ERR_INVALID_ARGUMENT` for
///         NULL or malformed arguments.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_pages_new(
    client: *const bynder_client,
    operation: *const c_char,
    params_json: *const c_char,
    out: *mut *mut bynder_pages,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::new(out, "out") }?;
        // SAFETY: every pointer is NULL or valid for this call (contract).
        let client = unsafe { handle(client, "client") }?;
        let (op, params) = unsafe { operation_args(operation, params_json) }?;
        let stream = paging::pages(&client.shared.client, op, params).boxed();
        out.set(Box::into_raw(Box::new(bynder_pages {
            shared: client.shared.clone(),
            stream: Mutex::new(Some(stream)),
        })));
        Ok(())
    })
}

/// Fetches the next page.
///
/// @param pages the iterator.
/// @param out_page_json receives `{"items": [...], "number": 1, "total": 300}` (`items`: the
///        page's objects as the portal sent them; `number`: 1-based; `total`: the item count
///        when the portal reports one, else null), or NULL when there are no more pages. Free
///        it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK` (check `*out_page_json` for the end), or the failure's status; after a
///         failure the iterator is finished.
///
/// Blocks until the page arrives. Thread-safe (see `bynder_pages`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_pages_next(
    pages: *const bynder_pages,
    out_page_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::new(out_page_json, "out_page_json") }?;
        // SAFETY: NULL or valid pointers (contract).
        let pages = unsafe { handle(pages, "pages") }?;
        let mut slot = pages.stream.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(stream) = slot.as_mut() else {
            return Ok(());
        };
        let next = block_on(stream.next())?;
        let page = match next {
            Some(Ok(page)) => page,
            ended => {
                // The last page was read, or this one failed: nothing more will come.
                drop_in_runtime(slot.take());
                drop(slot);
                return pages.shared.finish(ended.transpose().map(|_| ()));
            }
        };
        drop(slot);
        pages.shared.deliver_tokens();
        let json = json!({"items": page.items, "number": page.number, "total": page.total});
        out.set(json_out(&json)?);
        Ok(())
    })
}

/// Frees an iterator, cancelling a prefetch in flight.
///
/// @param pages an iterator, or NULL (ignored). No call on it may be running, and it must not
///        be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_pages_free(pages: *mut bynder_pages) {
    // SAFETY: a non-NULL iterator comes from `bynder_pages_new` and is freed once (contract).
    unsafe { free_box(pages, drop_in_runtime) };
}
