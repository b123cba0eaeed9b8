//! `bynder_download`: an asset's file to a path on disk, with progress reports and
//! cancellation.

use std::ffi::{c_char, c_void};
use std::path::Path;

use bynder_core::Error;
use bynder_core::transfer::{CancelToken, DownloadItem, DownloadOutcome};

use crate::cancel::{bynder_cancel, token_of};
use crate::client::{Shared, bynder_client, client_json};
use crate::error::bynder_error;
use crate::progress::{Event, Progress, Reporter, bynder_progress_fn};
use crate::status::bynder_status;
use crate::strings::{JsonSlot, optional_str, required_str};

/// How to download. Zero-initialise it (`bynder_download_options options = {0};`); NULL
/// options mean the current original, no hash, no resume, no progress.
#[repr(C)]
pub struct bynder_download_options {
    /// Download version `version` of the original; 0 for the current one.
    pub version: u32,
    /// Download the asset's additional file instead of the original.
    pub additional: bool,
    /// Download this media item (by id, either UUID form) instead of the original.
    pub item_id: *const c_char,
    /// Compute the file's SHA-256 while writing it (reported as `sha256` in the outcome).
    pub sha256: bool,
    /// Keep a partial `<name>.part` file after a failure, and continue it next time with a
    /// range request.
    pub resume: bool,
    /// Called with progress reports; NULL for none.
    pub on_progress: bynder_progress_fn,
    /// Passed to `on_progress` as is.
    pub progress_ctx: *mut c_void,
    /// A cancellation handle, or NULL.
    pub cancel: *const bynder_cancel,
}

struct Settings {
    item: DownloadItem,
    sha256: bool,
    resume: bool,
    reporter: Option<Reporter>,
    cancel: CancelToken,
}

/// # Safety
/// `options` is NULL or valid, with a NULL or valid `item_id` and cancel handle.
unsafe fn settings(options: *const bynder_download_options) -> Result<Settings, Error> {
    // SAFETY: forwarded from the caller.
    let Some(options) = (unsafe { options.as_ref() }) else {
        return Ok(Settings {
            item: DownloadItem::Original,
            sha256: false,
            resume: false,
            reporter: None,
            cancel: CancelToken::new(),
        });
    };
    // SAFETY: NULL or a valid string (contract).
    let item_id = unsafe { optional_str(options.item_id, "options.item_id") }?;
    let item = match (options.version, options.additional, item_id) {
        (0, false, None) => DownloadItem::Original,
        (0, true, None) => DownloadItem::Additional,
        (version, false, None) => DownloadItem::Version(version),
        (0, false, Some(item)) => DownloadItem::Item(item.to_owned()),
        _ => {
            return Err(Error::invalid_argument(
                "choose at most one of options.version, options.additional and options.item_id",
            ));
        }
    };
    Ok(Settings {
        item,
        sha256: options.sha256,
        resume: options.resume,
        reporter: Reporter::new(options.on_progress, options.progress_ctx),
        // SAFETY: NULL or a live cancel handle (contract).
        cancel: unsafe { token_of(options.cancel) },
    })
}

/// Downloads a file of an asset. The location is resolved through the portal, then the file is
/// streamed from the storage host (which never sees the Bynder token) into `<path>.part`, and
/// renamed to its final name only when complete: a failed download never leaves a truncated
/// file under the final name. A dropped connection is continued with a range request.
///
/// @param client the client.
/// @param media_id the asset, in either UUID form.
/// @param path where to write: a file path, or an existing directory (the file then keeps the
///        name the portal gives it).
/// @param options NULL, or the options (see `bynder_download_options`).
/// @param out_json NULL, or receives the outcome as JSON: `{"path", "bytes", "sha256" (null
///        unless asked for), "resumed_from", "attempts"}`; free it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_INVALID_ID` for a malformed id (nothing sent);
///         `BYNDER_ERR_NOT_FOUND` for an unknown asset; `BYNDER_ERR_CANCELLED` after
///         `bynder_cancel_trigger`; `BYNDER_ERR_IO` when the file cannot be written;
///         `BYNDER_ERR_INVALID_ARGUMENT` for NULL or conflicting arguments.
///
/// Blocks the calling thread until the file is in place; progress reports arrive on this
/// thread. Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_download(
    client: *const bynder_client,
    media_id: *const c_char,
    path: *const c_char,
    options: *const bynder_download_options,
    out_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let download = |shared: &Shared| -> Result<Option<DownloadOutcome>, Error> {
        // SAFETY (all three): NULL or valid pointers (contract).
        let media_id = unsafe { required_str(media_id, "media_id") }?;
        let path = Path::new(unsafe { required_str(path, "path") }?);
        let settings = unsafe { settings(options) }?;
        let mut download = shared
            .client
            .download(media_id)
            .item(settings.item)
            .sha256(settings.sha256)
            .resume(settings.resume)
            .cancel_token(settings.cancel);
        download = if path.is_dir() {
            download.to_dir(path)
        } else {
            download.to_path(path)
        };
        let progress = Progress::new(settings.reporter);
        if let Some(callback) = progress.callback(Event::Download) {
            download = download.on_progress(callback);
        }
        Ok(Some(progress.run(shared, download.send())?))
    };
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, JsonSlot::Optional(out_json), err, download) }
}
