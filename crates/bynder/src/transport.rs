//! The HTTP transport: a small trait so tests and hosts can swap the HTTP stack, and the
//! reqwest implementation used by default.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use futures::future::BoxFuture;
use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use http::HeaderMap;

use crate::ops::Method;

/// One HTTP request, fully built (URL with query, headers, body).
#[derive(Clone)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, query included.
    pub url: url::Url,
    /// Headers to send.
    pub headers: HeaderMap,
    /// The body (empty for none).
    pub body: Bytes,
    /// Per-request timeout (reqwest's client-wide timeout does not exist on wasm).
    pub timeout: Option<Duration>,
}

impl fmt::Debug for HttpRequest {
    // Headers are left out on purpose: they carry the bearer token.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url.as_str())
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// One HTTP response, body read whole.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

/// Why a request got no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// Connection refused/reset, DNS or TLS failure, or a body cut short.
    Network(String),
    /// The per-request timeout passed.
    Timeout,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::Network(message) => write!(f, "network error: {message}"),
            TransportError::Timeout => f.write_str("request timed out"),
        }
    }
}

/// A response whose body arrives piece by piece (downloads), so memory stays flat.
pub struct StreamingResponse {
    /// Status code.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body, in the pieces the connection delivers.
    pub body: BoxStream<'static, Result<Bytes, TransportError>>,
}

impl fmt::Debug for StreamingResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamingResponse")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// Sends HTTP requests. Implement it to route the client through another HTTP stack.
pub trait Transport: Send + Sync + fmt::Debug + 'static {
    /// Sends one request and reads the whole response.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;

    /// Sends one request and hands the body over as it arrives. The default reads it whole
    /// with [`Transport::send`]; transports that can stream should override it.
    fn send_streaming(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'_, Result<StreamingResponse, TransportError>> {
        Box::pin(async move {
            let response = self.send(request).await?;
            Ok(StreamingResponse {
                status: response.status,
                headers: response.headers,
                body: stream::once(async move { Ok(response.body) }).boxed(),
            })
        })
    }
}

/// The default transport, over reqwest (rustls on native).
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport over a reqwest client built with this crate's defaults.
    pub fn new() -> Result<ReqwestTransport, crate::Error> {
        ReqwestTransport::with_root_certificates(&[])
    }

    /// A transport that also trusts these PEM certificates (e.g. a local mock portal's).
    pub fn with_root_certificates(pems: &[&[u8]]) -> Result<ReqwestTransport, crate::Error> {
        #[cfg(not(target_arch = "wasm32"))]
        let builder = {
            let mut builder = reqwest::Client::builder();
            // Redirects are not followed: a 3xx from Bynder means something (303 "please poll").
            builder = builder
                .redirect(reqwest::redirect::Policy::none())
                .connect_timeout(Duration::from_secs(15))
                .pool_idle_timeout(Duration::from_secs(60));
            for pem in pems {
                let cert = reqwest::Certificate::from_pem(pem).map_err(|e| {
                    crate::Error::invalid_argument(format!("invalid PEM certificate: {e}"))
                })?;
                builder = builder.add_root_certificate(cert);
            }
            builder
        };
        #[cfg(target_arch = "wasm32")]
        let builder = {
            let _ = pems;
            reqwest::Client::builder()
        };
        let client = builder.build().map_err(|e| {
            crate::Error::new(
                crate::ErrorKind::Internal,
                format!("cannot build HTTP client: {e}"),
            )
        })?;
        Ok(ReqwestTransport { client })
    }

    /// Wraps an existing reqwest client (redirects should be disabled on it).
    pub fn from_client(client: reqwest::Client) -> ReqwestTransport {
        ReqwestTransport { client }
    }
}

fn to_reqwest_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}

fn classify(error: &reqwest::Error) -> TransportError {
    if error.is_timeout() {
        return TransportError::Timeout;
    }
    // The chain of sources says what actually failed (refused, reset, TLS...).
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    TransportError::Network(message)
}

impl ReqwestTransport {
    /// Sends `request` and answers once the headers are in.
    async fn start(&self, request: HttpRequest) -> Result<reqwest::Response, TransportError> {
        let mut builder = self
            .client
            .request(to_reqwest_method(request.method), request.url)
            .headers(request.headers);
        if !request.body.is_empty() {
            builder = builder.body(request.body);
        }
        if let Some(timeout) = request.timeout {
            builder = builder.timeout(timeout);
        }
        builder.send().await.map_err(|e| classify(&e))
    }
}

impl Transport for ReqwestTransport {
    fn send_streaming(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'_, Result<StreamingResponse, TransportError>> {
        crate::platform::boxed(async move {
            let response = self.start(request).await?;
            Ok(StreamingResponse {
                status: response.status().as_u16(),
                headers: response.headers().clone(),
                body: crate::platform::boxed_stream(
                    response.bytes_stream().map_err(|e| classify(&e)),
                ),
            })
        })
    }

    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        crate::platform::boxed(async move {
            let response = self.start(request).await?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(|e| classify(&e))?;
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}
