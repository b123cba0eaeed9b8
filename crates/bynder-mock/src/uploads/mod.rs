//! Uploaded files: the storage directory, both upload flows' bookkeeping, the imports waiting
//! to be saved, and which media item serves which stored bytes.

pub mod blob;
pub mod file_types;
pub mod files_service;
pub mod imports;
pub mod policy;
pub mod s3;
pub mod sink;
pub mod storage;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

pub use blob::Blob;
pub use files_service::FilesService;
pub use imports::{ClaimError, Import, Imports, PollState};
pub use s3::S3Uploads;
pub use sink::{FileSink, Stored};
pub use storage::Storage;

use crate::store::normalize_id;

/// The default processing delay (`MockConfig::processing_delay`).
pub const DEFAULT_PROCESSING_DELAY: Duration = Duration::from_millis(200);

/// Everything about uploads of one portal.
#[derive(Debug)]
pub struct Uploads {
    /// Where the bytes go.
    pub storage: Storage,
    /// Files Service uploads.
    pub files: Arc<FilesService>,
    /// Old-flow (S3) uploads.
    pub s3: S3Uploads,
    /// Finalised uploads waiting to be saved.
    pub imports: Imports,
    /// Stored bytes by media item id.
    items: Mutex<HashMap<String, Blob>>,
    processing_delay_ms: AtomicU64,
    /// Signs the S3 POST policies.
    secret: String,
}

impl Default for Uploads {
    fn default() -> Uploads {
        Uploads::new(None, DEFAULT_PROCESSING_DELAY)
    }
}

impl Uploads {
    /// Uploads stored in `storage_dir` (a temporary directory when `None`), converting for
    /// `processing_delay`.
    pub fn new(storage_dir: Option<PathBuf>, processing_delay: Duration) -> Uploads {
        Uploads {
            storage: Storage::new(storage_dir),
            files: Arc::new(FilesService::default()),
            s3: S3Uploads::default(),
            imports: Imports::default(),
            items: Mutex::new(HashMap::new()),
            processing_delay_ms: AtomicU64::new(millis(processing_delay)),
            secret: uuid::Uuid::new_v4().simple().to_string(),
        }
    }

    /// How long finalised uploads convert.
    pub fn processing_delay(&self) -> Duration {
        Duration::from_millis(self.processing_delay_ms.load(Ordering::Relaxed))
    }

    /// Changes the delay for uploads finalised from now on.
    pub fn set_processing_delay(&self, delay: Duration) {
        self.processing_delay_ms
            .store(millis(delay), Ordering::Relaxed);
    }

    /// The key that signs S3 POST policies.
    pub fn policy_secret(&self) -> &str {
        &self.secret
    }

    /// Adds a finalised upload as import `id`, ready after the processing delay.
    pub fn add_import(&self, id: &str, file_name: &str, blob: Blob) {
        self.imports.insert(
            id,
            Import {
                file_name: file_name.to_string(),
                blob,
                ready_at: Instant::now() + self.processing_delay(),
                saved: false,
            },
        );
    }

    /// Records that media item `item_id` serves `blob`.
    pub fn attach(&self, item_id: &str, blob: Blob) {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(normalize_id(item_id), blob);
    }

    /// The uploaded bytes of media item `item_id` (none for seeded items).
    pub fn item_blob(&self, item_id: &str) -> Option<Blob> {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&normalize_id(item_id))
            .cloned()
    }
}

fn millis(delay: Duration) -> u64 {
    u64::try_from(delay.as_millis()).unwrap_or(u64::MAX)
}
