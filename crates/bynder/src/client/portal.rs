//! The portal connection every request goes through: base URL, transport, shared rate
//! limiter, timeout and user agent. Token requests use it too, so they count against the
//! rate budget like any call.

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderValue, header};
use url::Url;

use crate::error::{Error, ErrorKind};
use crate::ops::{Host, Method};
use crate::ratelimit::RateLimiter;
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};

/// Where and how requests are sent.
#[derive(Debug)]
pub(crate) struct Portal {
    pub base: Url,
    /// Root of the automation workflow service ([`Host::Automation`] operations).
    pub automation: Url,
    pub transport: Arc<dyn Transport>,
    pub limiter: Arc<RateLimiter>,
    pub timeout: Duration,
    pub user_agent: HeaderValue,
}

impl Portal {
    /// An absolute URL for a path from the portal root.
    pub fn url(&self, path: &str) -> Result<Url, Error> {
        self.base
            .join(path)
            .map_err(|e| Error::invalid_argument(format!("cannot build a URL for {path:?}: {e}")))
    }

    /// An absolute URL for a path from the root of `host`.
    pub fn url_for(&self, host: Host, path: &str) -> Result<Url, Error> {
        match host {
            Host::Portal => self.url(path),
            Host::Automation => self.automation.join(path).map_err(|e| {
                Error::invalid_argument(format!("cannot build a URL for {path:?}: {e}"))
            }),
        }
    }

    /// A request to this portal with the default headers.
    pub fn request(&self, method: Method, url: Url) -> HttpRequest {
        let mut headers = HeaderMap::new();
        headers.insert(header::USER_AGENT, self.user_agent.clone());
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        HttpRequest {
            method,
            url,
            headers,
            body: bytes::Bytes::new(),
            timeout: Some(self.timeout),
        }
    }

    /// Waits for the rate limiter, then sends once.
    pub async fn send_once(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.limiter.acquire().await;
        self.transport.send(request).await
    }
}

/// Turns a transport failure into the public error.
pub(crate) fn transport_error(error: TransportError) -> Error {
    match error {
        TransportError::Timeout => Error::new(ErrorKind::Timeout, "the request timed out"),
        TransportError::Network(message) => Error::new(ErrorKind::Network, message),
    }
}
