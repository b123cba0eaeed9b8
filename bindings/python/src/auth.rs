//! OAuth2 objects for Python: tokens as dicts, and the pending authorization request.

use bynder::auth::Token;
use pyo3::prelude::*;

use crate::convert::from_py;
use crate::errors::invalid_argument;
use crate::to_python::to_py;

/// A token as the dict Python sees (and gives back to resume): `access_token`,
/// `refresh_token`, `issued_at`, `expires_at`, `scope`.
pub fn token_to_py<'py>(py: Python<'py>, token: &Token) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(token)
        .map_err(|e| invalid_argument(py, format!("cannot encode the token: {e}")))?;
    to_py(py, &value)
}

/// One authorization attempt: send the user to `url`, keep this object (or `to_dict()`) until
/// the redirect comes back, then pass both to `exchange_code`.
#[pyclass(module = "bynder._native", frozen)]
pub struct AuthorizationRequest {
    pub inner: bynder::auth::AuthorizationRequest,
}

impl From<bynder::auth::AuthorizationRequest> for AuthorizationRequest {
    fn from(inner: bynder::auth::AuthorizationRequest) -> Self {
        AuthorizationRequest { inner }
    }
}

#[pymethods]
impl AuthorizationRequest {
    /// The consent page to send the user to.
    #[getter]
    fn url(&self) -> String {
        self.inner.url.to_string()
    }

    /// The `state` sent; the redirect must carry the same one.
    #[getter]
    fn state(&self) -> String {
        self.inner.state.expose().to_string()
    }

    #[getter]
    fn redirect_uri(&self) -> String {
        self.inner.redirect_uri.clone()
    }

    #[getter]
    fn scopes(&self) -> Vec<String> {
        self.inner.scopes.iter().map(ToString::to_string).collect()
    }

    /// Everything needed to finish the flow in another process (a web app's session):
    /// contains the PKCE verifier, so store it server-side only.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.to_json())
    }

    /// Rebuilds a request saved with `to_dict`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = from_py(data, "authorization request")?;
        bynder::auth::AuthorizationRequest::from_json(&value)
            .map(|inner| AuthorizationRequest { inner })
            .map_err(|e| crate::errors::to_py_err(py, &e))
    }

    fn __repr__(&self) -> String {
        format!("AuthorizationRequest(url={:?})", self.url())
    }
}
