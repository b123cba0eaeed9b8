//! A call's answer as Python objects, straight from the bytes the portal sent.
//!
//! The core reads the body's form ([`bynder::client::body_form`]); JSON is then parsed into
//! Python objects in one pass ([`crate::from_json`]), which costs less than the core decoding
//! it and Python copying the result (measured in `docs/benchmarks.md`).

use pyo3::exceptions::PyUnicodeDecodeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use bynder::client::{BodyForm, body_form};

use crate::from_json::{Failure, json_to_py};

/// The body as Python: `None` when empty, `str` when CSV or not JSON, else the JSON's objects.
pub fn body_to_py<'py>(
    py: Python<'py>,
    headers: &http::HeaderMap,
    body: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    let text = || PyString::new(py, &String::from_utf8_lossy(body)).into_any();
    match body_form(headers, body) {
        BodyForm::Text => Ok(text()),
        BodyForm::Empty => Ok(py.None().into_bound(py)),
        BodyForm::Json => match json_to_py(py, body) {
            Ok(value) => Ok(value),
            Err(Failure::Syntax(_)) => Ok(text()),
            // Not UTF-8: read as the core does, as text with replacement characters.
            Err(Failure::Python(err)) if err.is_instance_of::<PyUnicodeDecodeError>(py) => {
                Ok(text())
            }
            Err(Failure::Python(err)) => Err(err),
        },
    }
}
