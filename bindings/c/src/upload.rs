//! `bynder_upload`: a file on disk becomes a saved asset (or a new version, or an additional
//! file), with progress reports and cancellation.

use std::ffi::{c_char, c_void};

use bynder_core::Error;
use bynder_core::transfer::{
    CancelToken, UploadFlow, UploadOptions, UploadOutcome, UploadSource, UploadState,
};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::cancel::{bynder_cancel, token_of};
use crate::client::{Shared, bynder_client, client_json};
use crate::error::bynder_error;
use crate::progress::{Event, Progress, Reporter, bynder_progress_fn};
use crate::status::bynder_status;
use crate::strings::{JsonSlot, json_typed, optional_str, required_str};

/// How to upload. Zero-initialise it (`bynder_upload_options options = {0};`) and set what you
/// need; strings are borrowed during the call only. Passing NULL instead of options means all
/// defaults (which cannot create a new asset: that needs `brand_id`).
#[repr(C)]
pub struct bynder_upload_options {
    /// The brand of a new asset, in either UUID form. Required for a new asset.
    pub brand_id: *const c_char,
    /// The asset's name (default: the file name).
    pub name: *const c_char,
    /// The asset's description.
    pub description: *const c_char,
    /// Tags, separated by commas: `"launch,2026"`.
    pub tags: *const c_char,
    /// Upload a new version of this asset instead of a new asset.
    pub new_version_of: *const c_char,
    /// Upload an additional file of this asset instead of a new asset.
    pub additional_to: *const c_char,
    /// More settings as a JSON object, NULL for none: `{"metaproperties": {"<id>": ["<option
    /// id>", ...]}, "fields": {"copyright": "..."}, "chunk_size": bytes, "parallelism": n,
    /// "flow": "files_service"|"s3", "resume": <the state of a checkpoint event>}`.
    pub extra_json: *const c_char,
    /// Called with progress reports; NULL for none.
    pub on_progress: bynder_progress_fn,
    /// Passed to `on_progress` as is.
    pub progress_ctx: *mut c_void,
    /// A cancellation handle, or NULL.
    pub cancel: *const bynder_cancel,
}

/// `extra_json`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extra {
    metaproperties: Option<Map<String, Value>>,
    fields: Option<Map<String, Value>>,
    chunk_size: Option<u64>,
    parallelism: Option<usize>,
    flow: Option<UploadFlow>,
    resume: Option<UploadState>,
}

/// The options, read: the core's upload settings (the parser every face shares applies them)
/// and what stays on this side of the boundary.
struct Settings {
    upload: UploadOptions,
    reporter: Option<Reporter>,
    cancel: CancelToken,
}

/// # Safety
/// `options` is NULL or valid, with NULL or valid strings and cancel handle.
unsafe fn settings(options: *const bynder_upload_options) -> Result<Settings, Error> {
    // SAFETY: forwarded from the caller.
    let Some(options) = (unsafe { options.as_ref() }) else {
        return Ok(Settings {
            upload: UploadOptions::default(),
            reporter: None,
            cancel: CancelToken::new(),
        });
    };
    // SAFETY (each read): the options' strings are NULL or valid during the call.
    let text = |pointer, name| unsafe { optional_str(pointer, name) }.map(|s| s.map(str::to_owned));
    let extra = match text(options.extra_json, "options.extra_json")? {
        Some(json) => json_typed(&json, "options.extra_json")?,
        None => Extra::default(),
    };
    // SAFETY: NULL or a live cancel handle (contract).
    let cancel = unsafe { token_of(options.cancel) };
    let upload = UploadOptions {
        brand_id: text(options.brand_id, "options.brand_id")?,
        name: text(options.name, "options.name")?,
        description: text(options.description, "options.description")?,
        tags: text(options.tags, "options.tags")?.map(|tags| split_tags(&tags)),
        new_version_of: text(options.new_version_of, "options.new_version_of")?,
        additional_to: text(options.additional_to, "options.additional_to")?,
        metaproperties: extra.metaproperties,
        fields: extra.fields,
        chunk_size: extra.chunk_size,
        parallelism: extra.parallelism,
        flow: extra.flow,
        resume: extra.resume,
        ..UploadOptions::default()
    };
    Ok(Settings {
        upload,
        reporter: Reporter::new(options.on_progress, options.progress_ctx),
        cancel,
    })
}

/// `"launch, 2026"` as tags: split on commas, trimmed, empty ones dropped.
fn split_tags(tags: &str) -> Vec<String> {
    tags.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Uploads a file and saves it: a new asset (needs `options->brand_id`), a new version
/// (`new_version_of`) or an additional file (`additional_to`). The file is streamed in
/// parallel chunks with checksums (memory does not grow with its size); a failed chunk is sent
/// again on its own.
///
/// @param client the client.
/// @param path the file to upload (UTF-8 path).
/// @param options NULL, or the options (see `bynder_upload_options`).
/// @param out_json NULL, or receives the outcome as JSON: `{"media_id", "target": {"kind":
///        "new_asset"|"new_version"|"additional", "media_id"}, "flow", "import_id",
///        "file_name", "bytes", "chunks", "sha256", "response"}`; free it with
///        `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_CANCELLED` after `bynder_cancel_trigger`;
///         `BYNDER_ERR_IO` for an unreadable file; `BYNDER_ERR_INVALID_ARGUMENT` for NULL or
///         malformed arguments or a new asset without a brand (nothing is sent);
///         `BYNDER_ERR_VALIDATION` and the other portal errors as they come.
///
/// Blocks the calling thread until the asset is saved; progress reports arrive on this thread.
/// Thread-safe: several uploads may run at once on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_upload(
    client: *const bynder_client,
    path: *const c_char,
    options: *const bynder_upload_options,
    out_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let upload = |shared: &Shared| -> Result<Option<UploadOutcome>, Error> {
        // SAFETY (both): NULL or valid pointers (contract).
        let path = unsafe { required_str(path, "path") }?;
        let settings = unsafe { settings(options) }?;
        let mut upload = settings
            .upload
            .apply(shared.client.upload(UploadSource::path(path)))?
            .cancel_token(settings.cancel);
        let progress = Progress::new(settings.reporter);
        if let Some(callback) = progress.callback(|event| Event::Upload(Box::new(event))) {
            upload = upload.on_progress(callback);
        }
        Ok(Some(progress.run(shared, upload.send())?))
    };
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, JsonSlot::Optional(out_json), err, upload) }
}
