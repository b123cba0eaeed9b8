//! Uploads and downloads, each with an optional progress listener and a cancellation handle.

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use bynder::transfer::{CancelToken, DownloadOptions, UploadOptions, UploadSource, UploadState};
use serde_json::{Map, Value};

use crate::client::BynderClient;
use crate::config::UploadFlow;
use crate::error::BynderError;
use crate::events::{DownloadEvent, DownloadListener, Relay, UploadEvent, UploadListener};
use crate::runtime::spawn;

/// Stops an upload or download; `cancel()` is safe from any thread and permanent. The transfer
/// ends at once (requests in flight are dropped) with a `Cancelled` error. One handle may
/// stop several transfers.
#[derive(uniffi::Object, Default)]
pub struct CancelHandle {
    token: CancelToken,
}

#[uniffi::export]
impl CancelHandle {
    #[uniffi::constructor]
    pub fn new() -> Arc<CancelHandle> {
        Arc::new(CancelHandle::default())
    }

    /// Stops every transfer holding this handle.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether `cancel()` was called.
    pub fn is_cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// A file to upload and what it becomes. Only `path` is always needed; a new asset also needs
/// `brand_id`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct UploadRequest {
    /// The local file.
    pub path: String,
    /// The brand of a new asset.
    #[uniffi(default = None)]
    pub brand_id: Option<String>,
    /// The asset name (default: the file name).
    #[uniffi(default = None)]
    pub name: Option<String>,
    #[uniffi(default = None)]
    pub description: Option<String>,
    #[uniffi(default = [])]
    pub tags: Vec<String>,
    /// Metaproperty id -> option ids.
    #[uniffi(default)]
    pub metaproperties: HashMap<String, Vec<String>>,
    /// Save as a new version of this asset instead of a new asset.
    #[uniffi(default = None)]
    pub new_version_of: Option<String>,
    /// Attach as an additional file of this asset instead.
    #[uniffi(default = None)]
    pub additional_to: Option<String>,
    /// Bytes per chunk (default 5 MiB; the S3 flow needs at least 5 MiB).
    #[uniffi(default = None)]
    pub chunk_size: Option<u64>,
    /// Chunks in flight at once (default 4).
    #[uniffi(default = None)]
    pub parallelism: Option<u32>,
    /// The flow for this upload (default: the client's).
    #[uniffi(default = None)]
    pub flow: Option<UploadFlow>,
    /// The latest `UploadEvent.Checkpoint.state_json` of an interrupted upload of this file.
    #[uniffi(default = None)]
    pub resume_state_json: Option<String>,
}

/// A saved upload.
#[derive(Debug, Clone, uniffi::Record)]
pub struct UploadResult {
    /// The asset the file now belongs to.
    pub media_id: String,
    /// The id the portal saved from (Files Service `file_id` or S3 `importId`).
    pub import_id: String,
    pub file_name: String,
    pub bytes: u64,
    pub chunks: u32,
    /// Lower-case hex SHA-256 of the whole file.
    pub sha256: String,
    pub flow: UploadFlow,
    /// The portal's answer to the save call, as JSON.
    pub response_json: String,
}

/// What to download and where.
#[derive(Debug, Clone, uniffi::Record)]
pub struct DownloadRequest {
    /// The asset, in either UUID form.
    pub media_id: String,
    /// A file path, or an existing directory (the storage host's file name is used).
    pub path: String,
    /// Version `n` of the original instead of the current one.
    #[uniffi(default = None)]
    pub version: Option<u32>,
    /// The additional file instead of the original.
    #[uniffi(default = false)]
    pub additional: bool,
    /// One media item by id instead of the original.
    #[uniffi(default = None)]
    pub item_id: Option<String>,
    /// Compute the SHA-256 while writing (`DownloadResult.sha256`).
    #[uniffi(default = false)]
    pub sha256: bool,
    /// Keep a `.part` file on failure and continue it next time with a range request.
    #[uniffi(default = false)]
    pub resume: bool,
}

/// A finished download.
#[derive(Debug, Clone, uniffi::Record)]
pub struct DownloadResult {
    /// Where the file is.
    pub path: String,
    pub bytes: u64,
    /// With `DownloadRequest.sha256`.
    pub sha256: Option<String>,
    /// Bytes that came from an earlier attempt.
    pub resumed_from: u64,
    /// Requests made to the storage host.
    pub attempts: u32,
}

/// Runs a transfer on the runtime: the user's handle stops it, and so does a failing listener
/// (then the error says so).
async fn run_transfer<T, F>(
    work: F,
    inner: CancelToken,
    relay: Relay,
    user: Option<Arc<CancelHandle>>,
) -> Result<T, BynderError>
where
    F: Future<Output = Result<T, bynder::Error>> + Send + 'static,
    T: Send + 'static,
{
    let result = spawn(async move {
        let mut work = Box::pin(work);
        if let Some(user) = user {
            tokio::select! {
                result = &mut work => return result,
                () = user.token.cancelled() => inner.cancel(),
            }
        }
        work.await
    })
    .await;
    match (result, relay.failure()) {
        (Err(_), Some(reason)) => Err(BynderError::Cancelled {
            detail: format!("stopped because the progress listener failed: {reason}"),
            status: None,
            request_id: None,
            operation: None,
        }),
        (result, _) => result.map_err(BynderError::from),
    }
}

/// The request as the core's upload settings (the parser every face shares).
fn upload_options(request: UploadRequest) -> Result<UploadOptions, BynderError> {
    let resume = match request.resume_state_json {
        None => None,
        Some(state) => Some(serde_json::from_str::<UploadState>(&state).map_err(|e| {
            BynderError::invalid_argument(format!("resume_state_json is not a checkpoint: {e}"))
        })?),
    };
    let metaproperties = (!request.metaproperties.is_empty()).then(|| {
        request
            .metaproperties
            .into_iter()
            .map(|(id, options)| (id, Value::from(options)))
            .collect::<Map<String, Value>>()
    });
    Ok(UploadOptions {
        brand_id: request.brand_id,
        name: request.name,
        description: request.description,
        tags: (!request.tags.is_empty()).then_some(request.tags),
        metaproperties,
        new_version_of: request.new_version_of,
        additional_to: request.additional_to,
        chunk_size: request.chunk_size,
        parallelism: request
            .parallelism
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        flow: request.flow.map(Into::into),
        resume,
        ..UploadOptions::default()
    })
}

/// The request's choice of file and checks as the core's download settings.
fn download_options(request: &DownloadRequest) -> DownloadOptions {
    DownloadOptions {
        additional: Some(request.additional),
        version: request.version,
        item_id: request.item_id.clone(),
        sha256: Some(request.sha256),
        resume: Some(request.resume),
    }
}

#[uniffi::export]
impl BynderClient {
    /// Uploads a file in parallel chunks and saves it (a new asset, a new version or an
    /// additional file). Memory stays flat whatever the file size.
    #[uniffi::method(default(listener = None, cancel = None))]
    pub async fn upload(
        &self,
        request: UploadRequest,
        listener: Option<Arc<dyn UploadListener>>,
        cancel: Option<Arc<CancelHandle>>,
    ) -> Result<UploadResult, BynderError> {
        let inner = CancelToken::new();
        let relay = Relay::new(inner.clone());
        let source = UploadSource::path(request.path.clone());
        let options = upload_options(request)?;
        let mut upload = options
            .apply(self.client.upload(source))?
            .cancel_token(inner.clone());
        if let Some(listener) = listener {
            upload = upload.on_progress(relay.callback(
                move |event: &bynder::transfer::UploadEvent| {
                    listener.on_event(UploadEvent::from(event))
                },
            ));
        }
        let outcome = run_transfer(upload.send(), inner, relay, cancel).await?;
        Ok(UploadResult {
            media_id: outcome.media_id,
            import_id: outcome.import_id,
            file_name: outcome.file_name,
            bytes: outcome.bytes,
            chunks: outcome.chunks,
            sha256: outcome.sha256,
            flow: match outcome.flow {
                bynder::transfer::UploadFlow::S3 => UploadFlow::S3,
                bynder::transfer::UploadFlow::FilesService => UploadFlow::FilesService,
            },
            response_json: outcome.response.to_string(),
        })
    }

    /// Downloads an asset's file, streamed to disk through `<name>.part` (renamed when
    /// complete: a failed download never leaves a truncated file under the final name).
    #[uniffi::method(default(listener = None, cancel = None))]
    pub async fn download(
        &self,
        request: DownloadRequest,
        listener: Option<Arc<dyn DownloadListener>>,
        cancel: Option<Arc<CancelHandle>>,
    ) -> Result<DownloadResult, BynderError> {
        let inner = CancelToken::new();
        let relay = Relay::new(inner.clone());
        let path = PathBuf::from(&request.path);
        let mut download = download_options(&request)
            .apply(self.client.download(request.media_id))?
            .cancel_token(inner.clone());
        download = if path.is_dir() {
            download.to_dir(path)
        } else {
            download.to_path(path)
        };
        if let Some(listener) = listener {
            download = download.on_progress(relay.callback(
                move |event: &bynder::transfer::DownloadEvent| {
                    listener.on_event(DownloadEvent::from(event))
                },
            ));
        }
        let outcome = run_transfer(download.send(), inner, relay, cancel).await?;
        Ok(DownloadResult {
            path: outcome
                .path
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: outcome.bytes,
            sha256: outcome.sha256,
            resumed_from: outcome.resumed_from,
            attempts: outcome.attempts,
        })
    }
}
