//! `bynder.CancelToken`: stops an upload or download from another thread or task.

use pyo3::prelude::*;

/// Cancelling is permanent and safe from any thread; the transfer raises `CancelledError`.
#[pyclass(module = "bynder._native", name = "CancelToken", frozen)]
#[derive(Default)]
pub struct PyCancelToken {
    pub inner: bynder::transfer::CancelToken,
}

#[pymethods]
impl PyCancelToken {
    #[new]
    fn new() -> Self {
        PyCancelToken::default()
    }

    /// Stops every transfer holding this token.
    fn cancel(&self) {
        self.inner.cancel();
    }

    /// Whether `cancel()` was called.
    #[getter]
    fn cancelled(&self) -> bool {
        self.inner.is_cancelled()
    }

    fn __repr__(&self) -> String {
        format!("CancelToken(cancelled={})", self.cancelled())
    }
}
