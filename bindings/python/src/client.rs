//! `NativeClient`: the core client behind `bynder.Client` and `bynder.AsyncClient`.
//!
//! Every call exists twice: blocking (the calling thread waits with the GIL released) and
//! `*_async` (answers an asyncio future completed through the [`Bridge`]). A forked child
//! rebuilds the core client (and so its HTTP connections) on its first call.

use std::sync::{Mutex, PoisonError};

use bynder::Client;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};
use serde_json::Value;

use crate::auth::{AuthorizationRequest, token_to_py};
use crate::body::body_to_py;
use crate::bridge::{Bridge, Deliver, Start};
use crate::config::{ClientConfig, TokenLog};
use crate::convert::params_from_py;
use crate::errors::{IntoPyResult, invalid_argument, to_py_err};
use crate::options::parse_config;
use crate::runtime::{block_on, same_process};
use crate::to_python::to_py;

struct Live {
    pid: u32,
    client: Client,
}

#[pyclass(module = "bynder._native", frozen)]
pub struct NativeClient {
    config: ClientConfig,
    live: Mutex<Option<Live>>,
    on_token: Option<Py<PyAny>>,
}

/// A finished call's body as a Python value, built on whichever thread holds the GIL.
fn deliver_body(result: Result<(u16, http::HeaderMap, bytes::Bytes), bynder::Error>) -> Deliver {
    Box::new(move |py| match result {
        Ok((_, headers, body)) => Ok(body_to_py(py, &headers, &body)?.unbind()),
        Err(error) => Err(to_py_err(py, &error)),
    })
}

/// A binary operation's body (an image) as `bytes`.
fn deliver_bytes(result: Result<bytes::Bytes, bynder::Error>) -> Deliver {
    Box::new(move |py| match result {
        Ok(body) => Ok(PyBytes::new(py, &body).into_any().unbind()),
        Err(error) => Err(to_py_err(py, &error)),
    })
}

/// The raw answer of a JSON or a binary operation.
enum Raw {
    Json(bynder::RawResponse),
    Bytes(u16, http::HeaderMap, bytes::Bytes),
}

/// Calls `op` keeping status and headers; a binary operation keeps its body as sent.
async fn call_raw_any(
    client: &Client,
    op: &bynder::ops::Operation,
    params: &Value,
) -> Result<Raw, bynder::Error> {
    if op.binary {
        let (status, headers, body) = client.call_op_bytes(op, params).await?;
        Ok(Raw::Bytes(status, headers, body))
    } else {
        client.call_op(op, params).await.map(Raw::Json)
    }
}

fn deliver_raw(result: Result<Raw, bynder::Error>) -> Deliver {
    Box::new(move |py| match result {
        Ok(raw) => Ok(raw_to_py(py, &raw)?.into_any().unbind()),
        Err(error) => Err(to_py_err(py, &error)),
    })
}

/// `(status, headers, body)`; repeated headers are joined with `, ` as HTTP allows. The body is
/// `bytes` for a binary operation, the decoded JSON otherwise.
fn raw_to_py<'py>(py: Python<'py>, raw: &Raw) -> PyResult<Bound<'py, PyTuple>> {
    let (status, header_map, body) = match raw {
        Raw::Json(raw) => (raw.status, &raw.headers, to_py(py, &raw.body)?),
        Raw::Bytes(status, headers, body) => (*status, headers, PyBytes::new(py, body).into_any()),
    };
    let headers = PyDict::new(py);
    for name in header_map.keys() {
        let values: Vec<&str> = header_map
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        headers.set_item(name.as_str(), values.join(", "))?;
    }
    PyTuple::new(
        py,
        [
            status.into_pyobject(py)?.into_any(),
            headers.into_any(),
            body,
        ],
    )
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (portal, *, permanent_token=None, client_id=None, client_secret=None,
        scopes=None, redirect_uri=None, token=None, on_token=None, timeout=60.0,
        user_agent=None, rate_limit=None, max_attempts=4, root_certificate=None,
        upload_flow=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        portal: String,
        permanent_token: Option<String>,
        client_id: Option<String>,
        client_secret: Option<String>,
        scopes: Option<Vec<String>>,
        redirect_uri: Option<String>,
        token: Option<&Bound<'_, PyAny>>,
        on_token: Option<Py<PyAny>>,
        timeout: f64,
        user_agent: Option<String>,
        rate_limit: Option<&Bound<'_, PyAny>>,
        max_attempts: u32,
        root_certificate: Option<Vec<u8>>,
        upload_flow: Option<String>,
    ) -> PyResult<Self> {
        let tokens = TokenLog {
            deliver: on_token.is_some(),
            ..TokenLog::default()
        };
        let config = parse_config(
            py,
            crate::options::ConfigArgs {
                portal,
                permanent_token,
                client_id,
                client_secret,
                scopes,
                redirect_uri,
                token,
                timeout,
                user_agent,
                rate_limit,
                max_attempts,
                root_certificate,
                upload_flow,
            },
            tokens,
        )?;
        let client = config.build().or_raise(py)?;
        Ok(NativeClient {
            config,
            live: Mutex::new(Some(Live {
                pid: std::process::id(),
                client,
            })),
            on_token,
        })
    }

    /// The portal's base URL.
    #[getter]
    fn portal_url(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.client(py)?.portal_url().to_string())
    }

    /// Calls operation `name` and answers its decoded body.
    #[pyo3(signature = (name, params=None))]
    fn call(
        &self,
        py: Python<'_>,
        name: &str,
        params: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let params = params_from_py(params)?;
        let client = self.client(py)?;
        let op = bynder::ops::require(name).or_raise(py)?;
        let result = block_on(
            py,
            async move { client.call_op_bytes(op, &params).await },
            None,
            || {},
        )?;
        self.deliver_tokens(py);
        let (_, headers, body) = result.or_raise(py)?;
        Ok(body_to_py(py, &headers, &body)?.unbind())
    }

    /// Like `call`, answering `(status, headers, body)`.
    #[pyo3(signature = (name, params=None))]
    fn call_raw<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let params = params_from_py(params)?;
        let client = self.client(py)?;
        let op = bynder::ops::require(name).or_raise(py)?;
        let result = block_on(
            py,
            async move { call_raw_any(&client, op, &params).await },
            None,
            || {},
        )?;
        self.deliver_tokens(py);
        raw_to_py(py, &result.or_raise(py)?)
    }

    /// Calls operation `name` and answers its body as `bytes`, as the portal sent it (for the
    /// operations that answer images; `call` would decode it as text).
    #[pyo3(signature = (name, params=None))]
    fn call_bytes<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let params = params_from_py(params)?;
        let client = self.client(py)?;
        let name = name.to_string();
        let result = block_on(
            py,
            async move { client.call_bytes(&name, params).await },
            None,
            || {},
        )?;
        self.deliver_tokens(py);
        Ok(PyBytes::new(py, &result.or_raise(py)?))
    }

    /// `call_bytes` for asyncio.
    #[pyo3(signature = (bridge, name, params=None))]
    fn call_bytes_async<'py>(
        slf: &Bound<'py, Self>,
        bridge: &Bound<'py, Bridge>,
        name: &str,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let params = params_from_py(params)?;
        let client = slf.get().client(py)?;
        let name = name.to_string();
        let id = bridge.get().next_id();
        let work = async move { deliver_bytes(client.call_bytes(&name, params).await) };
        Bridge::start(bridge, id, work, Start::plain(Some(slf.clone().unbind())))
    }

    /// `call` for asyncio: answers a future.
    #[pyo3(signature = (bridge, name, params=None))]
    fn call_async<'py>(
        slf: &Bound<'py, Self>,
        bridge: &Bound<'py, Bridge>,
        name: &str,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let params = params_from_py(params)?;
        let client = slf.get().client(py)?;
        let op = bynder::ops::require(name).or_raise(py)?;
        let id = bridge.get().next_id();
        let work = async move { deliver_body(client.call_op_bytes(op, &params).await) };
        Bridge::start(bridge, id, work, Start::plain(Some(slf.clone().unbind())))
    }

    /// `call_raw` for asyncio.
    #[pyo3(signature = (bridge, name, params=None))]
    fn call_raw_async<'py>(
        slf: &Bound<'py, Self>,
        bridge: &Bound<'py, Bridge>,
        name: &str,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let params = params_from_py(params)?;
        let client = slf.get().client(py)?;
        let op = bynder::ops::require(name).or_raise(py)?;
        let id = bridge.get().next_id();
        let work = async move { deliver_raw(call_raw_any(&client, op, &params).await) };
        Bridge::start(bridge, id, work, Start::plain(Some(slf.clone().unbind())))
    }

    /// The pages of list operation `name`.
    #[pyo3(signature = (name, params=None))]
    fn pages(
        slf: &Bound<'_, Self>,
        name: &str,
        params: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<crate::paging::PageStream> {
        let py = slf.py();
        let params = params_from_py(params)?;
        let client = slf.get().client(py)?;
        let op = bynder::ops::require(name).or_raise(py)?;
        Ok(crate::paging::PageStream::new(
            &client,
            op,
            params,
            slf.clone().unbind(),
        ))
    }

    /// Starts the authorization-code flow: the consent URL with `state` and a PKCE challenge.
    fn authorization_request(
        &self,
        py: Python<'_>,
        scopes: Vec<String>,
    ) -> PyResult<AuthorizationRequest> {
        let scopes = crate::options::parse_scopes(py, &scopes)?;
        let request = self
            .client(py)?
            .authorization_request(&scopes)
            .or_raise(py)?;
        Ok(AuthorizationRequest::from(request))
    }

    /// Completes the authorization-code flow with the URL the portal redirected to.
    fn exchange_code(
        &self,
        py: Python<'_>,
        request: &AuthorizationRequest,
        redirect: String,
    ) -> PyResult<Py<PyAny>> {
        let client = self.client(py)?;
        let request = request.inner.clone();
        let result = block_on(
            py,
            async move { client.exchange_code(&request, &redirect).await },
            None,
            || {},
        )?;
        self.deliver_tokens(py);
        Ok(token_to_py(py, &result.or_raise(py)?)?.unbind())
    }

    fn exchange_code_async<'py>(
        slf: &Bound<'py, Self>,
        bridge: &Bound<'py, Bridge>,
        request: &AuthorizationRequest,
        redirect: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let client = slf.get().client(py)?;
        let request = request.inner.clone();
        let id = bridge.get().next_id();
        let work = async move {
            let result = client.exchange_code(&request, &redirect).await;
            Box::new(move |py: Python<'_>| match result {
                Ok(token) => Ok(token_to_py(py, &token)?.unbind()),
                Err(error) => Err(to_py_err(py, &error)),
            }) as Deliver
        };
        Bridge::start(bridge, id, work, Start::plain(Some(slf.clone().unbind())))
    }

    /// The current OAuth2 token as a dict, or `None` (permanent tokens, or none obtained yet).
    fn token(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let client = self.client(py)?;
        let token = block_on(py, async move { client.token().await }, None, || {})?;
        match token {
            Some(token) => Ok(token_to_py(py, &token)?.unbind()),
            None => Ok(py.None()),
        }
    }

    /// `token` for asyncio.
    fn token_async<'py>(
        slf: &Bound<'py, Self>,
        bridge: &Bound<'py, Bridge>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let client = slf.get().client(slf.py())?;
        let id = bridge.get().next_id();
        let work = async move {
            let token = client.token().await;
            Box::new(move |py: Python<'_>| match token {
                Some(token) => Ok(token_to_py(py, &token)?.unbind()),
                None => Ok(py.None()),
            }) as Deliver
        };
        Bridge::start(bridge, id, work, Start::plain(None))
    }

    /// Counters of what this client did: requests, retries, 429s, token requests...
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let stats = self.client(py)?.stats();
        let value = serde_json::to_value(stats)
            .map_err(|e| invalid_argument(py, format!("cannot read the stats: {e}")))?;
        to_py(py, &value)
    }

    /// Drops the core client and its connections; later calls raise.
    fn close(&self) {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(previous) = live.take()
            && !same_process(previous.pid)
        {
            // Its connections belong to the parent process: leave them alone.
            std::mem::forget(previous);
        }
    }

    /// Whether `close` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }
}

impl Drop for NativeClient {
    fn drop(&mut self) {
        let live = self
            .live
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(live) = live
            && !same_process(live.pid)
        {
            // A forked child tearing down: the sockets are the parent's, and closing them here
            // would remove them from the epoll instance the parent shares with this process.
            std::mem::forget(live);
        }
    }
}

impl NativeClient {
    /// The core client of this process: a forked child builds its own on first use.
    pub fn client(&self, py: Python<'_>) -> PyResult<Client> {
        let pid = std::process::id();
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        match live.as_mut() {
            None => Err(invalid_argument(py, "this client was closed")),
            Some(current) if current.pid == pid => Ok(current.client.clone()),
            Some(current) => {
                let fresh = self.config.build().or_raise(py)?;
                let inherited = std::mem::replace(current, Live { pid, client: fresh });
                // The parent's client holds the parent's connections and runtime tasks.
                std::mem::forget(inherited);
                Ok(current.client.clone())
            }
        }
    }

    /// Hands new tokens to the Python `on_token` callback, on the calling thread. An exception
    /// in the callback is reported through `sys.unraisablehook` and does not fail the call that
    /// happened to renew the token.
    pub fn deliver_tokens(&self, py: Python<'_>) {
        let Some(callback) = &self.on_token else {
            return;
        };
        for token in self.config.tokens.take_undelivered() {
            let outcome = token_to_py(py, &token).and_then(|t| callback.bind(py).call1((t,)));
            if let Err(error) = outcome {
                error.write_unraisable(py, Some(callback.bind(py)));
            }
        }
    }
}
