//! `NativePager`: the pages of a list operation, one `next()` at a time (the npm package turns
//! it into an async iterator). The core fetches the next page while JS works on the current.

use std::cell::RefCell;
use std::rc::Rc;

use futures::StreamExt;
use futures::stream::BoxStream;
use wasm_bindgen::prelude::*;

use crate::client::NativeClient;
use crate::errors::{parse_json, to_js};

type Pages = BoxStream<'static, Result<bynder::paging::Page, bynder::Error>>;

/// The pages of one list call.
#[wasm_bindgen]
pub struct NativePager {
    // Taken out while a `next()` is pending, so a second concurrent `next()` is refused
    // instead of racing on the stream.
    pages: Rc<RefCell<Option<Pages>>>,
}

#[wasm_bindgen]
impl NativeClient {
    /// Starts paging list operation `name` with JSON parameters.
    pub fn pages(&self, name: String, params: String) -> Result<NativePager, JsValue> {
        let op = bynder::ops::require(&name).map_err(|e| to_js(&e))?;
        let params = parse_json(&params, "parameters")?;
        let pages = bynder::paging::pages(&self.inner, op, params).boxed();
        Ok(NativePager {
            pages: Rc::new(RefCell::new(Some(pages))),
        })
    }
}

#[wasm_bindgen]
impl NativePager {
    /// The next page as JSON text `{"items": [...], "number": n, "total": t|null}`, or
    /// `undefined` after the last one.
    pub async fn next(&self) -> Result<Option<String>, JsValue> {
        let taken = self.pages.borrow_mut().take();
        let Some(mut pages) = taken else {
            return Err(crate::errors::invalid(
                "a page is already being fetched: await it before asking for the next",
            ));
        };
        let next = pages.next().await;
        *self.pages.borrow_mut() = Some(pages);
        match next {
            None => Ok(None),
            Some(Err(error)) => {
                // A failed list ends: the next call answers `undefined`.
                *self.pages.borrow_mut() = Some(futures::stream::empty().boxed());
                Err(to_js(&error))
            }
            Some(Ok(page)) => Ok(Some(
                serde_json::json!({
                    "items": page.items,
                    "number": page.number,
                    "total": page.total,
                })
                .to_string(),
            )),
        }
    }
}
