//! Pages of a list operation for Python: each `next_page` fetches one page (the core already
//! requests the following one while Python works on this one).

use std::sync::{Arc, Mutex, PoisonError};

use bynder::Client;
use bynder::ops::Operation;
use bynder::paging::{self, ItemsAt, Page};
use futures::StreamExt;
use futures::stream::BoxStream;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use serde_json::Value;

use crate::body::body_to_py;
use crate::bridge::{Bridge, Deliver, Start};
use crate::client::NativeClient;
use crate::errors::{invalid_argument, to_py_err};
use crate::runtime::block_on;
use crate::to_python::list_to_py;

type Pages = BoxStream<'static, Result<Page, bynder::Error>>;

/// The pages still to come; taken out while one is being fetched.
#[pyclass(module = "bynder._native", frozen)]
pub struct PageStream {
    stream: Arc<Mutex<Option<Pages>>>,
    client: Py<NativeClient>,
    pid: u32,
}

impl Drop for PageStream {
    fn drop(&mut self) {
        if !crate::runtime::same_process(self.pid) {
            // Pages of the parent process: leave its connections alone (see NativeClient).
            let inherited = self
                .stream
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            std::mem::forget(inherited);
        }
    }
}

impl PageStream {
    pub fn new(
        client: &Client,
        op: &'static Operation,
        params: Value,
        owner: Py<NativeClient>,
    ) -> Self {
        PageStream {
            stream: Arc::new(Mutex::new(Some(paging::pages(client, op, params).boxed()))),
            client: owner,
            pid: std::process::id(),
        }
    }

    fn take(&self, py: Python<'_>) -> PyResult<Pages> {
        self.stream
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .ok_or_else(|| {
                invalid_argument(
                    py,
                    "these pages are being fetched elsewhere, or an earlier fetch failed",
                )
            })
    }
}

/// `(items, number, total)`, or `None` after the last page.
fn page_to_py(py: Python<'_>, page: Option<Page>) -> PyResult<Py<PyAny>> {
    match page {
        None => Ok(py.None()),
        Some(page) => {
            let items = items_to_py(py, &page)?;
            let tuple = PyTuple::new(
                py,
                [
                    items.into_any(),
                    page.number.into_pyobject(py)?.into_any(),
                    page.total.into_pyobject(py)?.into_any(),
                ],
            )?;
            Ok(tuple.into_any().unbind())
        }
    }
}

/// The page's items, parsed from the bytes the portal sent (less time with the GIL held
/// than building them from the core's decoded items: see `crate::from_json`), taken from
/// where the core found them (`page.items_at`). A body our parser reads in another shape than
/// the core did (it should not) falls back to the core's items.
fn items_to_py<'py>(py: Python<'py>, page: &Page) -> PyResult<Bound<'py, PyList>> {
    let body = body_to_py(py, &page.headers, &page.body)?;
    let found = match page.items_at {
        ItemsAt::Whole => body.cast_into::<PyList>().ok(),
        ItemsAt::Key(key) => match body.cast::<PyDict>().ok().map(|d| d.get_item(key)) {
            Some(Ok(Some(list))) => list.cast_into::<PyList>().ok(),
            _ => None,
        },
        ItemsAt::Values => body.cast::<PyDict>().ok().map(|dict| dict.values()),
        ItemsAt::Alone => Some(PyList::new(py, [body])?),
        ItemsAt::Nowhere => Some(PyList::empty(py)),
    };
    match found {
        Some(items) => Ok(items),
        None => list_to_py(py, &page.items),
    }
}

#[pymethods]
impl PageStream {
    /// The next page, waiting with the GIL released; `None` when there are no more.
    fn next_page(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut stream = self.take(py)?;
        let fetched = block_on(
            py,
            async move {
                let page = stream.next().await;
                (stream, page)
            },
            None,
            || {},
        )?;
        let (stream, page) = fetched;
        self.client.get().deliver_tokens(py);
        let page = match page.transpose() {
            Ok(page) => page,
            Err(error) => return Err(to_py_err(py, &error)),
        };
        if page.is_some() {
            *self.stream.lock().unwrap_or_else(PoisonError::into_inner) = Some(stream);
        }
        page_to_py(py, page)
    }

    /// `next_page` for asyncio.
    fn next_page_async<'py>(
        &self,
        py: Python<'py>,
        bridge: &Bound<'py, Bridge>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut stream = self.take(py)?;
        let slot = self.stream.clone();
        let id = bridge.get().next_id();
        let work = async move {
            let page = stream.next().await.transpose();
            if matches!(page, Ok(Some(_))) {
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(stream);
            }
            Box::new(move |py: Python<'_>| match page {
                Ok(page) => page_to_py(py, page),
                Err(error) => Err(to_py_err(py, &error)),
            }) as Deliver
        };
        Bridge::start(
            bridge,
            id,
            work,
            Start::plain(Some(self.client.clone_ref(py))),
        )
    }
}
