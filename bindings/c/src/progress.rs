//! Progress reports of uploads and downloads, handed to a C callback on the calling thread.

use std::ffi::{CString, c_char, c_void};
use std::future::Future;

use bynder_core::Error;
use bynder_core::transfer::{DownloadEvent, UploadEvent};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::client::{Shared, UserContext};
use crate::runtime::block_on_events;

/// An upload session started (`done_bytes`: bytes an earlier attempt already sent).
pub const BYNDER_PROGRESS_UPLOAD_STARTED: i32 = 1;
/// A chunk was accepted (`chunk`: its 0-based index; `done_bytes`: bytes accepted so far).
pub const BYNDER_PROGRESS_CHUNK_SENT: i32 = 2;
/// A chunk failed and is sent again (`chunk`, `attempt`).
pub const BYNDER_PROGRESS_CHUNK_RETRY: i32 = 3;
/// A resume record: `json`'s `state` can be passed back as `"resume"` in
/// `bynder_upload_options.extra_json` to continue an interrupted upload.
pub const BYNDER_PROGRESS_CHECKPOINT: i32 = 4;
/// Every chunk is in; the upload is being finalised.
pub const BYNDER_PROGRESS_FINALISING: i32 = 5;
/// Waiting for the portal to process the file (`attempt`: 1-based poll number).
pub const BYNDER_PROGRESS_POLLING: i32 = 6;
/// The file is saved as an asset (`json`'s `media_id`).
pub const BYNDER_PROGRESS_SAVED: i32 = 7;
/// The storage host answered (`done_bytes`: bytes kept from an earlier attempt).
pub const BYNDER_PROGRESS_DOWNLOAD_STARTED: i32 = 11;
/// More bytes were written (at most every 1 MiB, and at the end).
pub const BYNDER_PROGRESS_DOWNLOAD_PROGRESS: i32 = 12;
/// The connection failed; the download continues from `done_bytes` (`attempt`).
pub const BYNDER_PROGRESS_DOWNLOAD_RETRYING: i32 = 13;
/// The whole file is written and in place.
pub const BYNDER_PROGRESS_DOWNLOAD_FINISHED: i32 = 14;

/// One progress report. Everything it points to is lent for the duration of the callback.
#[repr(C)]
pub struct bynder_progress {
    /// What happened: one of the `BYNDER_PROGRESS_*` numbers.
    pub kind: i32,
    /// The same as a stable name (`"chunk_sent"`, `"progress"`...), the `event` field of `json`.
    pub name: *const c_char,
    /// Bytes sent (upload) or written (download) so far.
    pub done_bytes: u64,
    /// Size of the whole file, or 0 while unknown.
    pub total_bytes: u64,
    /// The chunk a chunk event is about (0-based), else 0.
    pub chunk: u32,
    /// The attempt a retry or poll event is about (1-based), else 0.
    pub attempt: u32,
    /// The whole event as JSON, with every field the core reports (docs/c.md lists them).
    pub json: *const c_char,
}

/// Receives progress reports. `progress` and everything in it is valid only during the call;
/// `ctx` is the `progress_ctx` of the options.
///
/// Called on the thread that called `bynder_upload` / `bynder_download`, before it returns,
/// never concurrently with itself. It may call the library, e.g. `bynder_cancel_trigger`.
/// Return quickly: the transfer's network work continues meanwhile, but further reports wait.
pub type bynder_progress_fn =
    Option<unsafe extern "C" fn(progress: *const bynder_progress, ctx: *mut c_void)>;

/// An event of either transfer.
pub enum Event {
    // Boxed: an upload event carries a resume state and is much larger than the others.
    Upload(Box<UploadEvent>),
    Download(DownloadEvent),
}

/// Turns events into `bynder_progress` reports, carrying the latest byte counts forward so
/// every report has them.
pub struct Reporter {
    call: unsafe extern "C" fn(*const bynder_progress, *mut c_void),
    ctx: UserContext,
    done: u64,
    total: u64,
}

struct Fields {
    kind: i32,
    name: &'static str,
    done: Option<u64>,
    total: Option<Option<u64>>,
    chunk: u32,
    attempt: u32,
}

impl Fields {
    fn new(kind: i32, name: &'static str) -> Fields {
        Fields {
            kind,
            name,
            done: None,
            total: None,
            chunk: 0,
            attempt: 0,
        }
    }
}

impl Reporter {
    pub fn new(callback: bynder_progress_fn, ctx: *mut c_void) -> Option<Reporter> {
        callback.map(|call| Reporter {
            call,
            ctx: UserContext(ctx),
            done: 0,
            total: 0,
        })
    }

    /// Calls the C callback with `event`.
    pub fn report(&mut self, event: &Event) {
        let fields = fields(event);
        if let Some(done) = fields.done {
            self.done = done;
        }
        if let Some(total) = fields.total {
            self.total = total.unwrap_or(0);
        }
        let json = match event {
            Event::Upload(e) => serde_json::to_string(e),
            Event::Download(e) => serde_json::to_string(e),
        };
        let json = json
            .ok()
            .and_then(|j| CString::new(j).ok())
            .unwrap_or_default();
        let name = CString::new(fields.name).unwrap_or_default();
        let progress = bynder_progress {
            kind: fields.kind,
            name: name.as_ptr(),
            done_bytes: self.done,
            total_bytes: self.total,
            chunk: fields.chunk,
            attempt: fields.attempt,
            json: json.as_ptr(),
        };
        // SAFETY: the callback and context come from the caller's options, valid during the
        // transfer (documented); `progress` and its strings outlive the call.
        unsafe { (self.call)(&progress, self.ctx.0) };
    }
}

/// One transfer's progress reports on their way from the runtime to the calling thread, and how
/// the transfer ends: uploads and downloads share this path, only their event types differ.
pub struct Progress {
    reporter: Option<Reporter>,
    sender: UnboundedSender<Event>,
    events: UnboundedReceiver<Event>,
}

impl Progress {
    pub fn new(reporter: Option<Reporter>) -> Progress {
        let (sender, events) = unbounded_channel();
        Progress {
            reporter,
            sender,
            events,
        }
    }

    /// The core's progress callback, sending each event (wrapped by `wrap`) to the calling
    /// thread; `None` when the caller gave no callback.
    pub fn callback<E: Clone + 'static>(
        &self,
        wrap: fn(E) -> Event,
    ) -> Option<impl Fn(&E) + Send + Sync + 'static> {
        let sender = self.sender.clone();
        self.reporter.as_ref().map(|_| {
            move |event: &E| {
                let _ = sender.send(wrap(event.clone()));
            }
        })
    }

    /// Runs `transfer` on the calling thread, reporting its events as they arrive, and answers
    /// its outcome.
    pub fn run<F, T>(self, shared: &Shared, transfer: F) -> Result<T, Error>
    where
        F: Future<Output = Result<T, Error>>,
    {
        let Progress {
            mut reporter,
            sender,
            events,
        } = self;
        // Only the transfer's callback sends from here on.
        drop(sender);
        let result = block_on_events(transfer, events, |event| {
            if let Some(reporter) = reporter.as_mut() {
                reporter.report(&event);
            }
        })?;
        shared.finish(result)
    }
}

fn fields(event: &Event) -> Fields {
    match event {
        Event::Upload(event) => upload_fields(event),
        Event::Download(event) => download_fields(event),
    }
}

fn upload_fields(event: &UploadEvent) -> Fields {
    match event {
        UploadEvent::Started {
            total_bytes,
            resumed_bytes,
            ..
        } => Fields {
            done: Some(*resumed_bytes),
            total: Some(*total_bytes),
            ..Fields::new(BYNDER_PROGRESS_UPLOAD_STARTED, "started")
        },
        UploadEvent::ChunkSent {
            index,
            sent_bytes,
            total_bytes,
            ..
        } => Fields {
            done: Some(*sent_bytes),
            total: Some(*total_bytes),
            chunk: *index,
            ..Fields::new(BYNDER_PROGRESS_CHUNK_SENT, "chunk_sent")
        },
        UploadEvent::ChunkRetry { index, attempt, .. } => Fields {
            chunk: *index,
            attempt: *attempt,
            ..Fields::new(BYNDER_PROGRESS_CHUNK_RETRY, "chunk_retry")
        },
        UploadEvent::Checkpoint { .. } => Fields::new(BYNDER_PROGRESS_CHECKPOINT, "checkpoint"),
        UploadEvent::Finalising => Fields::new(BYNDER_PROGRESS_FINALISING, "finalising"),
        UploadEvent::Polling { attempt } => Fields {
            attempt: *attempt,
            ..Fields::new(BYNDER_PROGRESS_POLLING, "polling")
        },
        UploadEvent::Saved { .. } => Fields::new(BYNDER_PROGRESS_SAVED, "saved"),
    }
}

fn download_fields(event: &DownloadEvent) -> Fields {
    match event {
        DownloadEvent::Started {
            total_bytes,
            resumed_from,
        } => Fields {
            done: Some(*resumed_from),
            total: Some(*total_bytes),
            ..Fields::new(BYNDER_PROGRESS_DOWNLOAD_STARTED, "started")
        },
        DownloadEvent::Progress {
            received_bytes,
            total_bytes,
        } => Fields {
            done: Some(*received_bytes),
            total: Some(*total_bytes),
            ..Fields::new(BYNDER_PROGRESS_DOWNLOAD_PROGRESS, "progress")
        },
        DownloadEvent::Retrying {
            attempt,
            resume_from,
            ..
        } => Fields {
            done: Some(*resume_from),
            attempt: *attempt,
            ..Fields::new(BYNDER_PROGRESS_DOWNLOAD_RETRYING, "retrying")
        },
        DownloadEvent::Finished { bytes } => Fields {
            done: Some(*bytes),
            total: Some(Some(*bytes)),
            ..Fields::new(BYNDER_PROGRESS_DOWNLOAD_FINISHED, "finished")
        },
    }
}
