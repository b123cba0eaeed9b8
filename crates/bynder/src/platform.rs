//! What differs between native targets and `wasm32-unknown-unknown`, in one place.
//!
//! - Futures: the core's traits hand out `Send` futures (native callers spawn them on a
//!   multi-threaded runtime). On wasm32 the browser's `fetch` and timers give `!Send` futures;
//!   wasm32 has exactly one thread, so [`boxed`] marks them `Send` with `SendWrapper`, whose
//!   thread check can never fail there.
//! - Blocking work (hashing a chunk, file I/O): a tokio blocking thread on native, inline on
//!   wasm32, which has no other thread to give it to.

use futures::future::BoxFuture;
use futures::stream::BoxStream;

use crate::error::Error;
#[cfg(not(target_arch = "wasm32"))]
use crate::error::ErrorKind;

/// Boxes a future as the core's traits return it.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn boxed<'a, F>(future: F) -> BoxFuture<'a, F::Output>
where
    F: Future + Send + 'a,
{
    Box::pin(future)
}

/// Boxes a future as the core's traits return it.
#[cfg(target_arch = "wasm32")]
pub(crate) fn boxed<'a, F>(future: F) -> BoxFuture<'a, F::Output>
where
    F: Future + 'a,
{
    Box::pin(send_wrapper::SendWrapper::new(future))
}

/// Boxes a stream as the core's traits return it.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn boxed_stream<'a, S>(stream: S) -> BoxStream<'a, S::Item>
where
    S: futures::Stream + Send + 'a,
{
    Box::pin(stream)
}

/// Boxes a stream as the core's traits return it.
#[cfg(target_arch = "wasm32")]
pub(crate) fn boxed_stream<'a, S>(stream: S) -> BoxStream<'a, S::Item>
where
    S: futures::Stream + 'a,
{
    Box::pin(send_wrapper::SendWrapper::new(stream))
}

/// Runs CPU-bound or blocking work off the async threads (inline on wasm32).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn blocking<T, F>(what: &str, work: F) -> Result<T, Error>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::new(ErrorKind::Internal, format!("{what} failed: {e}")))
}

/// Runs CPU-bound or blocking work off the async threads (inline on wasm32).
#[cfg(target_arch = "wasm32")]
pub(crate) async fn blocking<T, F>(_what: &str, work: F) -> Result<T, Error>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    Ok(work())
}
