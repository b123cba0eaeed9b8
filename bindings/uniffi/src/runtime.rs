//! The tokio runtime every call of this library runs on.
//!
//! Exported async methods spawn their work here and only await the task's handle, so the work
//! is driven by the runtime's worker threads and the foreign executor (Kotlin coroutines, Swift
//! tasks) just waits. When the foreign side abandons the future (a cancelled coroutine or Swift
//! task), dropping it aborts the task, which drops its requests.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};

use bynder::{Error, ErrorKind};
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

fn runtime() -> Result<&'static Runtime, Error> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .thread_name("bynder-runtime")
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| {
            Error::new(
                ErrorKind::Internal,
                format!("cannot start the async runtime: {e}"),
            )
        })
}

/// Runs `work` on the runtime and resolves to its output. A panic in `work` becomes an
/// `Internal` error instead of crossing into the foreign language.
pub async fn spawn<T, F>(work: F) -> Result<T, Error>
where
    F: Future<Output = Result<T, Error>> + Send + 'static,
    T: Send + 'static,
{
    let handle = runtime()?.spawn(work);
    match (AbortOnDrop(handle)).await {
        Ok(result) => result,
        Err(joined) if joined.is_cancelled() => {
            Err(Error::new(ErrorKind::Cancelled, "the call was cancelled"))
        }
        Err(joined) => Err(Error::new(
            ErrorKind::Internal,
            format!("the call failed unexpectedly: {joined}"),
        )),
    }
}

/// A task handle that aborts its task when dropped before it finished.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Future for AbortOnDrop<T> {
    type Output = Result<T, tokio::task::JoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}
