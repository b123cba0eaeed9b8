//! The asyncio bridge: Rust tasks complete asyncio futures without ever taking the GIL.
//!
//! A task that finishes puts a closure (which builds the Python result) on this bridge's queue and
//! writes one byte to a socket pair; the event loop watches the other end with `add_reader` and
//! runs [`Bridge::drain`] on its own thread, where it holds the GIL anyway. Runtime threads never
//! attach to Python, so a task still running at interpreter exit cannot crash it (the failure
//! mode of attaching from a runtime thread while the interpreter finalizes), and completions
//! that arrive together cost one wake-up.

use std::collections::HashMap;
use std::future::Future;
use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use bynder::transfer::CancelToken;
use pyo3::prelude::*;
use tokio::task::AbortHandle;

use crate::client::NativeClient;
use crate::errors::internal_error;
use crate::runtime::runtime;

/// Builds a task's Python result (or exception) on the event loop's thread.
pub type Deliver = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Py<PyAny>> + Send>;

enum Message {
    Done(Deliver),
    Event(serde_json::Value),
}

/// The half of a bridge that runtime threads use.
pub struct Outbox {
    queue: Mutex<Vec<(u64, Message)>>,
    wake: UnixStream,
}

impl Outbox {
    fn push(&self, id: u64, message: Message) {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let was_empty = queue.is_empty();
        queue.push((id, message));
        drop(queue);
        // One byte per empty-to-busy transition: `drain` reads the socket before it takes the
        // queue, so a completion queued after that always writes a new byte.
        if was_empty {
            let _ = (&self.wake).write(&[1]);
        }
    }

    /// Sends a progress event of task `id` to its Python callback.
    pub fn event(&self, id: u64, event: serde_json::Value) {
        self.push(id, Message::Event(event));
    }
}

struct Slot {
    future: Py<PyAny>,
    on_event: Option<Py<PyAny>>,
    abort: AbortHandle,
    cancel: Option<CancelToken>,
    client: Option<Py<NativeClient>>,
}

/// One event loop's end of the bridge (`bynder._bridge` keeps one per loop).
#[pyclass(module = "bynder._native", frozen)]
pub struct Bridge {
    outbox: Arc<Outbox>,
    reader: UnixStream,
    event_loop: Py<PyAny>,
    slots: Mutex<HashMap<u64, Slot>>,
    next_id: AtomicU64,
    pid: u32,
}

/// What [`Bridge::start`] needs besides the work itself.
pub struct Start<'py> {
    pub on_event: Option<Bound<'py, PyAny>>,
    pub cancel: Option<CancelToken>,
    pub client: Option<Py<NativeClient>>,
}

impl Start<'_> {
    pub fn plain(client: Option<Py<NativeClient>>) -> Self {
        Start {
            on_event: None,
            cancel: None,
            client,
        }
    }
}

#[pymethods]
impl Bridge {
    #[new]
    fn new(event_loop: Py<PyAny>) -> PyResult<Self> {
        let (reader, wake) = UnixStream::pair().map_err(|e| {
            internal_error(format!("cannot create the asyncio wake-up socket: {e}"))
        })?;
        for end in [&reader, &wake] {
            end.set_nonblocking(true)
                .map_err(|e| internal_error(format!("cannot configure the wake-up socket: {e}")))?;
        }
        Ok(Bridge {
            outbox: Arc::new(Outbox {
                queue: Mutex::new(Vec::new()),
                wake,
            }),
            reader,
            event_loop,
            slots: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            pid: std::process::id(),
        })
    }

    /// The descriptor the event loop watches.
    fn fileno(&self) -> i32 {
        self.reader.as_raw_fd()
    }

    /// The process this bridge belongs to (a forked child needs its own).
    #[getter]
    fn pid(&self) -> u32 {
        self.pid
    }

    /// Tasks started and not yet delivered.
    fn pending(&self) -> usize {
        self.lock_slots().len()
    }

    /// Runs on the event loop when the wake-up socket is readable: completes the futures of
    /// finished tasks and hands progress events to their callbacks.
    fn drain(&self, py: Python<'_>) {
        let mut buffer = [0u8; 512];
        loop {
            match (&self.reader).read(&mut buffer) {
                Ok(n) if n == buffer.len() => continue,
                Err(e) if e.kind() == IoErrorKind::Interrupted => continue,
                _ => break,
            }
        }
        let messages = std::mem::take(
            &mut *self
                .outbox
                .queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        for (id, message) in messages {
            let outcome = match message {
                Message::Done(deliver) => self.finish(py, id, deliver),
                Message::Event(event) => self.progress(py, id, &event),
            };
            if let Err(error) = outcome {
                error.write_unraisable(py, Some(self.event_loop.bind(py)));
            }
        }
    }
}

impl Bridge {
    fn lock_slots(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Slot>> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The sender side, for progress callbacks of task `id`.
    pub fn outbox(&self) -> Arc<Outbox> {
        self.outbox.clone()
    }

    /// Reserves the id of the next task (for progress events that must name it).
    pub fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Starts `work` on the runtime and answers the asyncio future it completes. `work`
    /// answers a closure that builds the Python result on the loop's thread.
    pub fn start<'py, F>(
        slf: &Bound<'py, Self>,
        id: u64,
        work: F,
        start: Start<'py>,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Deliver> + Send + 'static,
    {
        let py = slf.py();
        let bridge = slf.get();
        let future = bridge.event_loop.bind(py).call_method0("create_future")?;
        let outbox = bridge.outbox.clone();
        let task = runtime()?.spawn(async move {
            let deliver = work.await;
            outbox.push(id, Message::Done(deliver));
        });
        let abort = task.abort_handle();
        let canceller = Canceller {
            bridge: slf.clone().unbind(),
            id,
        };
        bridge.lock_slots().insert(
            id,
            Slot {
                future: future.clone().unbind(),
                on_event: start.on_event.map(Bound::unbind),
                abort,
                cancel: start.cancel,
                client: start.client,
            },
        );
        future.call_method1("add_done_callback", (canceller,))?;
        Ok(future)
    }

    fn finish(&self, py: Python<'_>, id: u64, deliver: Deliver) -> PyResult<()> {
        let Some(slot) = self.lock_slots().remove(&id) else {
            return Ok(());
        };
        let result = deliver(py);
        if let Some(client) = &slot.client {
            client.get().deliver_tokens(py);
        }
        let future = slot.future.bind(py);
        if future.call_method0("done")?.is_truthy()? {
            return Ok(());
        }
        match result {
            Ok(value) => future.call_method1("set_result", (value,))?,
            Err(error) => future.call_method1("set_exception", (error.into_value(py),))?,
        };
        Ok(())
    }

    fn progress(&self, py: Python<'_>, id: u64, event: &serde_json::Value) -> PyResult<()> {
        let callback = match self.lock_slots().get(&id) {
            Some(slot) => slot.on_event.as_ref().map(|c| c.clone_ref(py)),
            None => None,
        };
        let Some(callback) = callback else {
            return Ok(());
        };
        let outcome =
            crate::to_python::to_py(py, event).and_then(|value| callback.bind(py).call1((value,)));
        if let Err(error) = outcome {
            // An exception in a progress callback stops the transfer and is what it raises.
            if let Some(slot) = self.lock_slots().remove(&id) {
                slot.abort.abort();
                if let Some(cancel) = &slot.cancel {
                    cancel.cancel();
                }
                let future = slot.future.bind(py);
                if !future.call_method0("done")?.is_truthy()? {
                    future.call_method1("set_exception", (error.into_value(py),))?;
                }
            }
        }
        Ok(())
    }

    fn cancelled(&self, id: u64) {
        if let Some(slot) = self.lock_slots().remove(&id) {
            slot.abort.abort();
            if let Some(cancel) = &slot.cancel {
                cancel.cancel();
            }
        }
    }
}

/// The done-callback of every bridged future: a cancelled future stops its Rust task.
#[pyclass(module = "bynder._native", frozen)]
struct Canceller {
    bridge: Py<Bridge>,
    id: u64,
}

#[pymethods]
impl Canceller {
    fn __call__(&self, py: Python<'_>, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.bridge.bind(py).get().cancelled(self.id);
        }
        Ok(())
    }
}
