//! A transport implemented in JavaScript: the npm package's Node entry sends through Node's own
//! `http`/`https` modules with a keep-alive agent, which costs far less CPU per request than
//! `fetch` (undici, AbortSignal timeouts). Browsers keep reqwest's `fetch` backend.
//!
//! The JS function is `send(method, url, headers, body, timeoutMs)` with `headers` a flat
//! `[name, value, ...]` array and `body` a `Uint8Array` or `null`; it resolves to
//! `[status, headers, body]` in the same shapes, or rejects with `{timeout: true}` or an error
//! whose message says what failed.

use std::fmt;

use bytes::Bytes;
use futures::future::BoxFuture;
use http::{HeaderMap, HeaderName, HeaderValue};
use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use bynder::transport::{HttpRequest, HttpResponse, Transport, TransportError};

/// Sends requests through a JS function.
pub struct JsTransport {
    // wasm32 has one thread, so the function never leaves it.
    send: SendWrapper<Function>,
}

impl JsTransport {
    pub fn new(send: Function) -> JsTransport {
        JsTransport {
            send: SendWrapper::new(send),
        }
    }
}

impl fmt::Debug for JsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsTransport")
    }
}

impl Transport for JsTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(SendWrapper::new(async move {
            let promise = self.start(request)?;
            let answer = JsFuture::from(promise).await.map_err(failure)?;
            response(&answer)
        }))
    }
}

impl JsTransport {
    fn start(&self, request: HttpRequest) -> Result<Promise, TransportError> {
        let headers = Array::new();
        for (name, value) in &request.headers {
            headers.push(&JsValue::from_str(name.as_str()));
            headers.push(&JsValue::from_str(value.to_str().unwrap_or_default()));
        }
        let body = if request.body.is_empty() {
            JsValue::NULL
        } else {
            Uint8Array::from(request.body.as_ref()).into()
        };
        let timeout = request
            .timeout
            .map_or(JsValue::NULL, |t| JsValue::from_f64(t.as_millis() as f64));
        let args = Array::of5(
            &JsValue::from_str(request.method.as_str()),
            &JsValue::from_str(request.url.as_str()),
            &headers,
            &body,
            &timeout,
        );
        let answer = self.send.apply(&JsValue::NULL, &args).map_err(failure)?;
        answer.dyn_into::<Promise>().map_err(|_| {
            TransportError::Network("the JS transport did not answer a Promise".into())
        })
    }
}

fn response(answer: &JsValue) -> Result<HttpResponse, TransportError> {
    let bad = || {
        TransportError::Network(
            "the JS transport answered something else than [status, headers, body]".into(),
        )
    };
    let answer: &Array = answer.dyn_ref().ok_or_else(bad)?;
    let status = answer.get(0).as_f64().ok_or_else(bad)? as u16;
    let flat: Array = answer.get(1).dyn_into().map_err(|_| bad())?;
    let mut headers = HeaderMap::new();
    let mut i = 0;
    while i + 1 < flat.length() {
        let (name, value) = (flat.get(i).as_string(), flat.get(i + 1).as_string());
        if let (Some(name), Some(value)) = (name, value)
            && let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&value),
            )
        {
            headers.append(name, value);
        }
        i += 2;
    }
    let body = answer.get(2);
    let body = if body.is_null() || body.is_undefined() {
        Bytes::new()
    } else {
        Bytes::from(body.dyn_into::<Uint8Array>().map_err(|_| bad())?.to_vec())
    };
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn failure(error: JsValue) -> TransportError {
    let timed_out = Reflect::get(&error, &JsValue::from_str("timeout"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if timed_out {
        return TransportError::Timeout;
    }
    let message = Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the JS transport failed".to_string());
    TransportError::Network(message)
}
