//! The one tokio runtime of the process, and blocking on it from a caller's thread.
//!
//! Every blocking call drives its future on the calling thread with `Runtime::block_on`;
//! background work (prefetched pages, parallel upload chunks, connection pools) runs on the
//! runtime's worker threads. The runtime lives until the process exits. It does not survive
//! `fork()`: a child process must not use the library if the parent already did.

use std::future::Future;
use std::sync::OnceLock;

use bynder_core::{Error, ErrorKind};
use tokio::runtime::Runtime;
use tokio::sync::mpsc::UnboundedReceiver;

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

/// The runtime, started on first use.
pub fn runtime() -> Result<&'static Runtime, Error> {
    let runtime = RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("bynder-runtime")
            .build()
            .map_err(|e| e.to_string())
    });
    runtime.as_ref().map_err(|why| {
        Error::new(
            ErrorKind::Internal,
            format!("cannot start the async runtime: {why}"),
        )
    })
}

/// `block_on` panics inside a runtime; refuse with a clear error instead (a host that calls the
/// library from its own tokio task).
fn check_not_async() -> Result<(), Error> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::invalid_argument(
            "libbynder's blocking functions cannot be called from inside an async runtime",
        ));
    }
    Ok(())
}

/// Runs `future` to completion on the calling thread.
pub fn block_on<F: Future>(future: F) -> Result<F::Output, Error> {
    check_not_async()?;
    Ok(runtime()?.block_on(future))
}

/// Runs `future` to completion on the calling thread, handing each event that arrives on
/// `events` to `deliver` on this thread, outside the runtime, so a C callback may call the
/// library again. Events sent before the future finished are all delivered before this returns.
pub fn block_on_events<F: Future, E>(
    future: F,
    mut events: UnboundedReceiver<E>,
    mut deliver: impl FnMut(E),
) -> Result<F::Output, Error> {
    check_not_async()?;
    let runtime = runtime()?;
    let mut future = std::pin::pin!(future);
    loop {
        let step = runtime.block_on(async {
            tokio::select! {
                biased;
                output = &mut future => Ok(output),
                Some(event) = events.recv() => Err(event),
            }
        });
        match step {
            Ok(output) => {
                while let Ok(event) = events.try_recv() {
                    deliver(event);
                }
                return Ok(output);
            }
            Err(event) => deliver(event),
        }
    }
}

/// Drops `value` inside the runtime's context: connections and timers belong to it.
pub fn drop_in_runtime<T>(value: T) {
    match runtime() {
        Ok(runtime) => {
            let _entered = runtime.enter();
            drop(value);
        }
        Err(_) => drop(value),
    }
}
