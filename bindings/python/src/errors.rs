//! The core's errors as the Python exceptions of `bynder.errors`.
//!
//! The exception classes are plain Python (so they subclass builtins and document themselves);
//! this module looks each kind's class up once in `bynder.errors.ERRORS_BY_KIND`.

use bynder::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
static BASE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Bound<'_, PyDict>> {
    let dict = CLASSES.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let module = py.import("bynder.errors")?;
        Ok(module
            .getattr("ERRORS_BY_KIND")?
            .cast_into::<PyDict>()?
            .unbind())
    })?;
    Ok(dict.bind(py))
}

fn base(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    let base = BASE.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let module = py.import("bynder.errors")?;
        Ok(module
            .getattr("BynderError")?
            .cast_into::<PyType>()?
            .unbind())
    })?;
    Ok(base.bind(py))
}

/// The Python exception for a core error: the class of its kind, with `.kind`, `.code`,
/// `.status`, `.request_id`, `.operation` and `.message`.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    match build(py, error) {
        Ok(err) => err,
        Err(failed) => failed,
    }
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let kind = error.kind();
    let class = match classes(py)?.get_item(kind.name())? {
        Some(class) => class,
        None => base(py)?.clone().into_any(),
    };
    let kwargs = PyDict::new(py);
    kwargs.set_item("kind", kind.name())?;
    kwargs.set_item("code", kind.code())?;
    kwargs.set_item("status", error.status())?;
    kwargs.set_item("request_id", error.request_id())?;
    kwargs.set_item("operation", error.operation())?;
    kwargs.set_item("message", error.message())?;
    let instance = class.call((error.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// Converts a core result, raising its error as the matching Python exception.
pub trait IntoPyResult<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, &e))
    }
}

/// A bug of this binding, raised as `bynder.InternalError` when Python is reachable.
pub fn internal_error(message: impl Into<String>) -> PyErr {
    let error = Error::new(ErrorKind::Internal, message);
    Python::attach(|py| to_py_err(py, &error))
}

/// A caller mistake, raised as `bynder.InvalidArgumentError` (a `ValueError`).
pub fn invalid_argument(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py_err(py, &Error::invalid_argument(message))
}
