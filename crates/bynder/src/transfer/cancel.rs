//! Cancelling a transfer from anywhere: another task, another thread, a signal handler, or a
//! language binding's Ctrl-C.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

/// A handle that stops an upload or download. Clones share the same state; cancelling is
/// permanent. The transfer stops at once (requests in flight are dropped) and answers
/// [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled).
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    cancelled: AtomicBool,
    notify: Notify,
}

impl CancelToken {
    /// A token that has not been cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Cancels every transfer holding this token. Safe from any thread.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        self.inner.notify.notify_waiters();
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    /// Resolves once the token is cancelled.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.inner.notify.notified();
            let mut notified = std::pin::pin!(notified);
            // Registered before the flag is read, so a cancel in between is not missed.
            notified.as_mut().enable();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }

    /// The error a cancelled transfer answers.
    pub(crate) fn error(what: &str) -> crate::Error {
        crate::Error::new(
            crate::ErrorKind::Cancelled,
            format!("the {what} was cancelled"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn cancelling_wakes_waiters_and_sticks() {
        let token = CancelToken::new();
        let waiter = tokio::spawn({
            let token = token.clone();
            async move { token.cancelled().await }
        });
        tokio::task::yield_now().await;
        assert!(!token.is_cancelled());
        std::thread::spawn({
            let token = token.clone();
            move || token.cancel()
        })
        .join()
        .unwrap();
        waiter.await.unwrap();
        assert!(token.is_cancelled());
        token.cancelled().await; // already cancelled: returns at once
    }
}
