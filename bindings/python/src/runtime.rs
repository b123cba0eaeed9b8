//! The one tokio runtime of the process, and waiting on it from a Python thread.
//!
//! A forked child inherits the runtime's memory but none of its threads, so the runtime is keyed
//! by process id: a child that asks for it gets a new one. The parent's copy is leaked on purpose
//! (dropping it would wait for threads that do not exist in the child, and deregistering its
//! sockets would remove them from the epoll instance the parent still uses).

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use pyo3::prelude::*;
use tokio::runtime::Runtime;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::errors::internal_error;

/// How often a waiting Python thread wakes up to run signal handlers (Ctrl-C).
pub const SIGNAL_CHECK: Duration = Duration::from_millis(50);

struct Current {
    pid: u32,
    runtime: Arc<Runtime>,
}

static RUNTIME: Mutex<Option<Current>> = Mutex::new(None);

/// The runtime of this process, created on first use (and again after a fork).
pub fn runtime() -> PyResult<Arc<Runtime>> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(current) = slot.as_ref().filter(|c| c.pid == pid) {
        return Ok(current.runtime.clone());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("bynder-runtime")
        .build()
        .map_err(|e| internal_error(format!("cannot start the async runtime: {e}")))?;
    let fresh = Current {
        pid,
        runtime: Arc::new(runtime),
    };
    if let Some(inherited) = slot.replace(fresh) {
        std::mem::forget(inherited.runtime);
    }
    slot.as_ref()
        .map(|c| c.runtime.clone())
        .ok_or_else(|| internal_error("the async runtime vanished"))
}

/// Whether this process is the one that created `pid`'s objects.
pub fn same_process(pid: u32) -> bool {
    pid == std::process::id()
}

/// What a wait turned up.
enum Step<T> {
    Done(T),
    Event(serde_json::Value),
    Tick,
}

/// Progress events a blocking call delivers to a Python callback on the waiting thread.
pub struct Events<'a, 'py> {
    pub receiver: UnboundedReceiver<serde_json::Value>,
    pub callback: &'a Bound<'py, PyAny>,
}

/// Runs `future` on the runtime while the calling thread waits with the GIL released, waking
/// every [`SIGNAL_CHECK`] to run Python's signal handlers. A `KeyboardInterrupt` (or any error a
/// handler raises) calls `on_abort`, drops the future (cancelling its requests) and is returned.
/// Progress events are handed to their callback on this thread; an exception in it aborts too.
pub fn block_on<F>(
    py: Python<'_>,
    future: F,
    mut events: Option<Events<'_, '_>>,
    on_abort: impl Fn(),
) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let runtime = runtime()?;
    let mut future = Box::pin(future);
    loop {
        let receiver = events.as_mut().map(|e| &mut e.receiver);
        let step = py.detach(|| {
            runtime.block_on(async {
                let event = async {
                    match receiver {
                        Some(receiver) => receiver.recv().await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    biased;
                    output = &mut future => Step::Done(output),
                    Some(event) = event => Step::Event(event),
                    () = tokio::time::sleep(SIGNAL_CHECK) => Step::Tick,
                }
            })
        });
        let interrupted = match step {
            Step::Done(output) => {
                // Events sent before the end are still queued: deliver them first, so the
                // callback sees the last one (`saved`, `finished`) before the call returns.
                if let Some(events) = events.as_mut() {
                    while let Ok(event) = events.receiver.try_recv() {
                        let value = crate::to_python::to_py(py, &event)?;
                        events.callback.call1((value,))?;
                    }
                }
                return Ok(output);
            }
            Step::Tick => py.check_signals().err(),
            Step::Event(event) => match &events {
                Some(events) => crate::to_python::to_py(py, &event)
                    .and_then(|value| events.callback.call1((value,)))
                    .err(),
                None => None,
            },
        };
        if let Some(error) = interrupted {
            on_abort();
            // Dropped inside the runtime: its sockets and timers belong to it.
            let _entered = runtime.enter();
            drop(future);
            return Err(error);
        }
    }
}
