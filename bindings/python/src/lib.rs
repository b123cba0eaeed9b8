//! `bynder._native`: the Rust core of the `bynder` Python package.
//!
//! Python sees one client class with blocking and asyncio variants of every call, the core's
//! operation table (from which `bynder` builds its resource groups), page streams, transfers,
//! and a JSON converter. The friendly API (`bynder.Client`, `bynder.AsyncClient`, exceptions,
//! typed results) is Python code in `python/src/bynder`.

mod auth;
mod body;
mod bridge;
mod cancel;
mod client;
mod config;
mod convert;
mod errors;
mod from_json;
mod ops;
mod options;
mod paging;
mod pyio;
mod runtime;
mod shapes;
mod string_cache;
mod to_python;
mod transfer;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Decodes JSON bytes straight into Python objects through the same parser the client uses
/// for a call's answer (what the page-decoding benchmark measures).
#[pyfunction]
fn decode_json<'py>(py: Python<'py>, data: &Bound<'py, PyBytes>) -> PyResult<Bound<'py, PyAny>> {
    from_json::json_to_py(py, data.as_bytes()).map_err(|failure| match failure {
        from_json::Failure::Syntax(message) => {
            errors::invalid_argument(py, format!("invalid JSON: {message}"))
        }
        from_json::Failure::Python(err) => err,
    })
}

/// Parses JSON bytes into the core's value without building Python objects; `to_python`
/// builds them: the way values the core decoded itself reach Python (raw calls, progress
/// events), kept apart so a benchmark can time the two steps on their own.
#[pyclass(module = "bynder._native", frozen)]
struct ParsedJson {
    value: serde_json::Value,
}

#[pymethods]
impl ParsedJson {
    #[new]
    fn new(py: Python<'_>, data: &Bound<'_, PyBytes>) -> PyResult<Self> {
        let bytes = data.as_bytes();
        let value = py
            .detach(|| serde_json::from_slice(bytes))
            .map_err(|e| errors::invalid_argument(py, format!("invalid JSON: {e}")))?;
        Ok(ParsedJson { value })
    }

    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python::to_py(py, &self.value)
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<bridge::Bridge>()?;
    m.add_class::<paging::PageStream>()?;
    m.add_class::<auth::AuthorizationRequest>()?;
    m.add_class::<cancel::PyCancelToken>()?;
    m.add_class::<ParsedJson>()?;
    m.add_function(wrap_pyfunction!(ops::operations, m)?)?;
    m.add_function(wrap_pyfunction!(ops::scopes, m)?)?;
    m.add_function(wrap_pyfunction!(transfer::upload, m)?)?;
    m.add_function(wrap_pyfunction!(transfer::upload_async, m)?)?;
    m.add_function(wrap_pyfunction!(transfer::download, m)?)?;
    m.add_function(wrap_pyfunction!(transfer::download_async, m)?)?;
    m.add_function(wrap_pyfunction!(decode_json, m)?)?;
    Ok(())
}
