//! The core's operation table as Python data, so `bynder` builds its methods (and its stubs)
//! from it: an operation added to the core reaches Python without code here.

use pyo3::prelude::*;

use crate::to_python::to_py;

/// Every operation as the core's catalog describes it (see `bynder::ops::catalog`): name, group,
/// action, summary, method, path, path parameters (with their id form), documented parameters,
/// encoding, paging and where list items sit.
#[pyfunction]
pub fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &bynder::ops::catalog())
}

/// Every OAuth2 scope the core knows, in Bynder's spelling.
#[pyfunction]
pub fn scopes() -> Vec<&'static str> {
    bynder::Scope::ALL.iter().map(|s| s.as_str()).collect()
}
