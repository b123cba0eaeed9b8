//! The request pipeline every API call goes through, in order: rate limiter, auth, send, then
//! retry (429 pauses all traffic first; 5xx and connection errors back off with jitter; only
//! retryable operations) and one re-authentication after a 401.

use std::sync::atomic::Ordering;

use http::{HeaderValue, header};

use super::Inner;
use super::encode::Encoded;
use super::portal::transport_error;
use super::response::status_error;
use crate::error::Error;
use crate::ops::{Auth, Operation};
use crate::retry::{self, Outcome};
use crate::time;
use crate::transport::HttpResponse;

/// The longest `Retry-After` honoured; a server asking for more is waited on for this long at most,
/// so a client never hangs for an hour.
const MAX_RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(120);

impl Inner {
    /// Sends `encoded` for `op` until it succeeds or may not be retried; answers the final
    /// response (2xx or 3xx) or the error for the last failure.
    pub(crate) async fn execute(
        &self,
        op: &Operation,
        encoded: &Encoded,
    ) -> Result<HttpResponse, Error> {
        let mut url = self.portal.url_for(op.host, &encoded.path)?;
        if !encoded.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&encoded.query);
        }
        let mut attempt = 0;
        let mut reauthenticated = false;
        loop {
            attempt += 1;
            let bearer = match op.auth {
                Auth::None => None,
                Auth::Bearer | Auth::OAuthOnly => self.auth.bearer(&self.portal).await?,
            };
            let mut request = self.portal.request(op.method, url.clone());
            if let Some(token) = &bearer {
                let value =
                    HeaderValue::from_str(&format!("Bearer {}", token.expose())).map_err(|_| {
                        Error::invalid_argument(
                            "the token contains characters not allowed in a header",
                        )
                    })?;
                request.headers.insert(header::AUTHORIZATION, value);
            }
            if let Some((content_type, body)) = &encoded.body {
                request
                    .headers
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
                request.body = body.clone();
            }
            for (name, value) in &encoded.headers {
                request.headers.insert(name.clone(), value.clone());
            }
            self.counters.requests.fetch_add(1, Ordering::Relaxed);
            let outcome = match self.portal.send_once(request).await {
                Ok(response) if response.status < 400 => return Ok(response),
                Ok(response)
                    if response.status == 401 && !reauthenticated && self.auth.renewable() =>
                {
                    // The portal refused the token (revoked or expired early): renew once. The
                    // request was not executed, so this is safe for any method.
                    if let Some(token) = &bearer {
                        self.auth.invalidate(token).await;
                    }
                    reauthenticated = true;
                    self.counters
                        .reauthentications
                        .fetch_add(1, Ordering::Relaxed);
                    attempt -= 1;
                    continue;
                }
                Ok(response) => {
                    if response.status == 429 {
                        // Bynder blocks until 5 quiet minutes pass: stop every request of this
                        // portal in the process, not just this one.
                        self.portal.limiter.on_rate_limited();
                        self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                    }
                    let outcome = Outcome::Status(response.status);
                    // A 429 is answered before the request is processed, so even a POST may be
                    // sent again once the pause is over.
                    let retryable = op.retryable || response.status == 429;
                    if !retry::should_retry(&self.retry, attempt, &outcome, retryable) {
                        return Err(status_error(&response).with_operation(op.name));
                    }
                    if response.status != 429 {
                        let wait = retry::retry_after(&response.headers)
                            .map(|wait| wait.min(MAX_RETRY_AFTER))
                            .unwrap_or_else(|| self.retry.backoff(attempt - 1));
                        time::system().sleep(wait).await;
                    }
                    outcome
                }
                Err(error) => {
                    let outcome = Outcome::from(&error);
                    if !retry::should_retry(&self.retry, attempt, &outcome, op.retryable) {
                        return Err(transport_error(error).with_operation(op.name));
                    }
                    time::system().sleep(self.retry.backoff(attempt - 1)).await;
                    outcome
                }
            };
            tracing::debug!(operation = op.name, attempt, ?outcome, "retrying");
            self.counters.retries.fetch_add(1, Ordering::Relaxed);
        }
    }
}
