//! Moving files: uploads (both Bynder flows, parallel chunks, checksums, resume) and downloads
//! (streamed to disk with ranges and resume). Start from [`Client::upload`](crate::Client::upload)
//! and [`Client::download`](crate::Client::download).
//!
//! ```no_run
//! # async fn demo(client: bynder::Client) -> bynder::Result<()> {
//! use bynder::transfer::UploadSource;
//! let saved = client
//!     .upload(UploadSource::path("photo.jpg"))
//!     .brand("1D2E3F40-0000-4000-8000000000000001")
//!     .tags(["launch", "2026"])
//!     .on_progress(|event| println!("{event:?}"))
//!     .send()
//!     .await?;
//! let done = client.download(&saved.media_id).to_path("copy.jpg").send().await?;
//! assert_eq!(done.bytes, saved.bytes);
//! # Ok(()) }
//! ```

mod cancel;
mod download;
#[cfg(not(target_arch = "wasm32"))]
mod download_fetch;
#[cfg(not(target_arch = "wasm32"))]
mod download_sink;
mod events;
mod files_service;
mod options;
mod s3;
mod save;
mod source;
mod state;
mod upload;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use cancel::CancelToken;
pub use download::{Download, DownloadItem, DownloadOutcome};
pub use events::{DownloadEvent, OnProgress, UploadEvent};
pub use options::{DownloadOptions, UploadOptions};
pub use source::UploadSource;
pub use state::{Session, UploadState};
pub use upload::{Upload, UploadOutcome, UploadTarget};

/// Which server-side upload flow to use (`reference/bynder-api.md` §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadFlow {
    /// The modern Files Service (`/v7/file_cmds`): chunks with a SHA-256 each, a whole-file
    /// SHA-256 at the end, no polling. The default.
    #[default]
    FilesService,
    /// The older flow: parts posted to S3 with a POST policy, registered one by one, then
    /// finalised and polled. For portals without the Files Service.
    S3,
}

/// The default chunk size: 5 MiB, the smallest part S3 accepts.
pub const DEFAULT_CHUNK_SIZE: u64 = 5 * 1024 * 1024;

/// How to wait for the portal to process an uploaded file: short at first, then backing off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollPolicy {
    /// Wait before the first poll: 100 ms.
    pub first_delay: Duration,
    /// Each wait doubles up to this: 2 s.
    pub max_delay: Duration,
    /// Give up (with a timeout error) after this long: 10 minutes.
    pub timeout: Duration,
}

impl Default for PollPolicy {
    fn default() -> PollPolicy {
        PollPolicy {
            first_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            timeout: Duration::from_secs(600),
        }
    }
}

impl PollPolicy {
    /// The wait before poll number `attempt` (1-based).
    pub(crate) fn delay(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(16));
        self.first_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_backs_off_up_to_the_cap() {
        let policy = PollPolicy::default();
        assert_eq!(policy.delay(1), Duration::from_millis(100));
        assert_eq!(policy.delay(2), Duration::from_millis(200));
        assert_eq!(policy.delay(6), Duration::from_secs(2));
        assert_eq!(policy.delay(500), Duration::from_secs(2));
    }
}
