//! Progress events of uploads and downloads, delivered to a callback the caller supplies.

use std::sync::Arc;

use serde::Serialize;

use super::state::UploadState;

/// What an upload reports while it runs, in order: `Started`, then `ChunkSent` (and
/// `ChunkRetry`, `Checkpoint`) per chunk, `Finalising`, `Polling` while the portal processes
/// the file, and `Saved`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum UploadEvent {
    /// The upload session exists; `total_bytes`/`chunks` are unknown for a reader of unknown
    /// size. `resumed_chunks` were already sent by an earlier attempt.
    Started {
        /// The file name the portal gets.
        file_name: String,
        /// Size of the input, when known.
        total_bytes: Option<u64>,
        /// Bytes per chunk.
        chunk_size: u64,
        /// Number of chunks, when known.
        chunks: Option<u32>,
        /// Chunks skipped because a resumed upload had sent them.
        resumed_chunks: u32,
        /// Bytes in those chunks.
        resumed_bytes: u64,
    },
    /// A chunk reached the portal (or storage) and was accepted.
    ChunkSent {
        /// 0-based chunk index.
        index: u32,
        /// Bytes in this chunk.
        bytes: u64,
        /// Bytes accepted so far, resumed chunks included.
        sent_bytes: u64,
        /// Size of the input, when known.
        total_bytes: Option<u64>,
    },
    /// A chunk failed and is being sent again on its own.
    ChunkRetry {
        /// 0-based chunk index.
        index: u32,
        /// The attempt about to be made (2 for the first retry).
        attempt: u32,
        /// Why the previous attempt failed.
        error: String,
    },
    /// The resume record after a change; keep the latest one to resume an interrupted upload.
    Checkpoint {
        /// The record to pass to [`Upload::resume`](super::Upload::resume).
        state: UploadState,
    },
    /// Every chunk is in; the upload is being finalised.
    Finalising,
    /// Waiting for the portal to process the file.
    Polling {
        /// 1-based poll number.
        attempt: u32,
    },
    /// The file is saved.
    Saved {
        /// The asset the file belongs to.
        media_id: String,
    },
}

/// What a download reports while it runs.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum DownloadEvent {
    /// The storage host answered; `total_bytes` is unknown without a `Content-Length`.
    Started {
        /// Size of the whole file, when known.
        total_bytes: Option<u64>,
        /// Bytes kept from an earlier, interrupted attempt.
        resumed_from: u64,
    },
    /// More bytes were written (reported at most every 1 MiB and at the end).
    Progress {
        /// Bytes written so far.
        received_bytes: u64,
        /// Size of the whole file, when known.
        total_bytes: Option<u64>,
    },
    /// The connection failed; the download continues from `resume_from` with a range request.
    Retrying {
        /// The attempt about to be made (2 for the first retry).
        attempt: u32,
        /// Where the next request starts.
        resume_from: u64,
        /// Why the previous attempt failed.
        error: String,
    },
    /// The whole file is written and in place.
    Finished {
        /// Bytes in the file.
        bytes: u64,
    },
}

/// A progress callback. It runs on the transfer's task, so it should return quickly.
pub type OnProgress<E> = Arc<dyn Fn(&E) + Send + Sync>;

/// Calls the callback, if any.
pub(crate) fn emit<E>(callback: &Option<OnProgress<E>>, event: E) {
    if let Some(callback) = callback {
        callback(&event);
    }
}
