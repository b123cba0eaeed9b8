//! Progress of uploads and downloads: the core's events as enums (a sealed class in Kotlin, an
//! enum in Swift), delivered to a listener the app implements.

use std::sync::{Arc, Mutex, PoisonError};

use bynder::transfer::{self, CancelToken};

use crate::error::CallbackError;

/// What an upload reports, in order: `Started`, `ChunkSent` (and `ChunkRetry`, `Checkpoint`)
/// per chunk, `Finalising`, `Polling` while the portal processes the file, `Saved`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum UploadEvent {
    /// The upload session exists; `chunks` and `total_bytes` are known for a file.
    Started {
        file_name: String,
        total_bytes: Option<u64>,
        chunk_size: u64,
        chunks: Option<u32>,
        /// Chunks an earlier, resumed attempt had already sent.
        resumed_chunks: u32,
        resumed_bytes: u64,
    },
    /// A chunk was accepted; `sent_bytes` counts every accepted byte so far.
    ChunkSent {
        index: u32,
        bytes: u64,
        sent_bytes: u64,
        total_bytes: Option<u64>,
    },
    /// A chunk failed and is sent again alone.
    ChunkRetry {
        index: u32,
        attempt: u32,
        reason: String,
    },
    /// Where the upload stands: keep the latest `state_json` and pass it as
    /// `UploadRequest.resume_state_json` to continue an interrupted upload.
    Checkpoint { state_json: String },
    /// Every chunk is in; the upload is being finalised.
    Finalising,
    /// Waiting for the portal to process the file.
    Polling { attempt: u32 },
    /// The file is saved.
    Saved { media_id: String },
}

impl From<&transfer::UploadEvent> for UploadEvent {
    fn from(event: &transfer::UploadEvent) -> UploadEvent {
        use transfer::UploadEvent as E;
        match event {
            E::Started {
                file_name,
                total_bytes,
                chunk_size,
                chunks,
                resumed_chunks,
                resumed_bytes,
            } => UploadEvent::Started {
                file_name: file_name.clone(),
                total_bytes: *total_bytes,
                chunk_size: *chunk_size,
                chunks: *chunks,
                resumed_chunks: *resumed_chunks,
                resumed_bytes: *resumed_bytes,
            },
            E::ChunkSent {
                index,
                bytes,
                sent_bytes,
                total_bytes,
            } => UploadEvent::ChunkSent {
                index: *index,
                bytes: *bytes,
                sent_bytes: *sent_bytes,
                total_bytes: *total_bytes,
            },
            E::ChunkRetry {
                index,
                attempt,
                error,
            } => UploadEvent::ChunkRetry {
                index: *index,
                attempt: *attempt,
                reason: error.clone(),
            },
            E::Checkpoint { state } => UploadEvent::Checkpoint {
                state_json: serde_json::to_string(state).unwrap_or_default(),
            },
            E::Finalising => UploadEvent::Finalising,
            E::Polling { attempt } => UploadEvent::Polling { attempt: *attempt },
            E::Saved { media_id } => UploadEvent::Saved {
                media_id: media_id.clone(),
            },
        }
    }
}

/// What a download reports.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DownloadEvent {
    /// The storage host answered; `total_bytes` is unknown without a `Content-Length`.
    Started {
        total_bytes: Option<u64>,
        /// Bytes kept from an earlier, interrupted attempt.
        resumed_from: u64,
    },
    /// More bytes were written (at most every 1 MiB, and at the end).
    Progress {
        received_bytes: u64,
        total_bytes: Option<u64>,
    },
    /// The connection failed; the download continues from `resume_from`.
    Retrying {
        attempt: u32,
        resume_from: u64,
        reason: String,
    },
    /// The whole file is written and in place.
    Finished { bytes: u64 },
}

impl From<&transfer::DownloadEvent> for DownloadEvent {
    fn from(event: &transfer::DownloadEvent) -> DownloadEvent {
        use transfer::DownloadEvent as E;
        match event {
            E::Started {
                total_bytes,
                resumed_from,
            } => DownloadEvent::Started {
                total_bytes: *total_bytes,
                resumed_from: *resumed_from,
            },
            E::Progress {
                received_bytes,
                total_bytes,
            } => DownloadEvent::Progress {
                received_bytes: *received_bytes,
                total_bytes: *total_bytes,
            },
            E::Retrying {
                attempt,
                resume_from,
                error,
            } => DownloadEvent::Retrying {
                attempt: *attempt,
                resume_from: *resume_from,
                reason: error.clone(),
            },
            E::Finished { bytes } => DownloadEvent::Finished { bytes: *bytes },
        }
    }
}

/// Receives an upload's events, on a library thread: return quickly. An exception stops the
/// upload, which then fails with `Cancelled` naming the listener's error.
#[uniffi::export(with_foreign)]
pub trait UploadListener: Send + Sync {
    fn on_event(&self, event: UploadEvent) -> Result<(), CallbackError>;
}

/// Receives a download's events, on a library thread: return quickly. An exception stops the
/// download, which then fails with `Cancelled` naming the listener's error.
#[uniffi::export(with_foreign)]
pub trait DownloadListener: Send + Sync {
    fn on_event(&self, event: DownloadEvent) -> Result<(), CallbackError>;
}

/// Hands events to a listener; the first failure cancels the transfer and is remembered.
pub(crate) struct Relay {
    stop: CancelToken,
    failure: Arc<Mutex<Option<String>>>,
}

impl Relay {
    pub fn new(stop: CancelToken) -> Relay {
        Relay {
            stop,
            failure: Arc::default(),
        }
    }

    /// A callback for the core that forwards to `deliver` (a call into the listener).
    pub fn callback<E>(
        &self,
        deliver: impl Fn(&E) -> Result<(), CallbackError> + Send + Sync + 'static,
    ) -> impl Fn(&E) + Send + Sync + 'static {
        let stop = self.stop.clone();
        let failure = self.failure.clone();
        move |event: &E| {
            if stop.is_cancelled() {
                return;
            }
            if let Err(CallbackError::Failed { reason }) = deliver(event) {
                failure
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get_or_insert(reason);
                stop.cancel();
            }
        }
    }

    /// Why the listener stopped the transfer, if it did.
    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}
