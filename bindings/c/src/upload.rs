//! `bynder_upload`: a file on disk becomes a saved asset (or a new version, or an additional
//! file), with progress reports and cancellation.

use std::ffi::{c_char, c_void};

use bynder_core::Error;
use bynder_core::transfer::{CancelToken, UploadFlow, UploadSource, UploadState};
use serde::Deserialize;
use serde_json::{Map, Value};
use tokio::sync::mpsc::unbounded_channel;

use crate::cancel::bynder_cancel;
use crate::client::bynder_client;
use crate::error::bynder_error;
use crate::guard::guard;
use crate::progress::{Event, Reporter, bynder_progress_fn};
use crate::runtime::block_on_events;
use crate::status::bynder_status;
use crate::strings::{Out, handle, json_out, json_typed, optional_str, required_str};

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

/// The options, read.
struct Settings {
    brand_id: Option<String>,
    name: Option<String>,
    description: Option<String>,
    tags: Option<String>,
    new_version_of: Option<String>,
    additional_to: Option<String>,
    extra: Extra,
    reporter: Option<Reporter>,
    cancel: CancelToken,
}

/// # Safety
/// `options` is NULL or valid, with NULL or valid strings and cancel handle.
unsafe fn settings(options: *const bynder_upload_options) -> Result<Settings, Error> {
    // SAFETY: forwarded from the caller.
    let Some(options) = (unsafe { options.as_ref() }) else {
        return Ok(Settings {
            brand_id: None,
            name: None,
            description: None,
            tags: None,
            new_version_of: None,
            additional_to: None,
            extra: Extra::default(),
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
    let cancel = unsafe { options.cancel.as_ref() }
        .map(|c| c.token.clone())
        .unwrap_or_default();
    Ok(Settings {
        brand_id: text(options.brand_id, "options.brand_id")?,
        name: text(options.name, "options.name")?,
        description: text(options.description, "options.description")?,
        tags: text(options.tags, "options.tags")?,
        new_version_of: text(options.new_version_of, "options.new_version_of")?,
        additional_to: text(options.additional_to, "options.additional_to")?,
        extra,
        reporter: Reporter::new(options.on_progress, options.progress_ctx),
        cancel,
    })
}

fn configure(
    mut upload: bynder_core::transfer::Upload,
    settings: Settings,
) -> (bynder_core::transfer::Upload, Option<Reporter>) {
    if let Some(brand) = settings.brand_id {
        upload = upload.brand(brand);
    }
    if let Some(name) = settings.name {
        upload = upload.name(name);
    }
    if let Some(description) = settings.description {
        upload = upload.description(description);
    }
    if let Some(tags) = settings.tags {
        let tags: Vec<String> = tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        upload = upload.tags(tags);
    }
    if let Some(media_id) = settings.new_version_of {
        upload = upload.new_version(media_id);
    }
    if let Some(media_id) = settings.additional_to {
        upload = upload.additional_to(media_id);
    }
    let extra = settings.extra;
    if let Some(metaproperties) = extra.metaproperties {
        upload = upload.field("metaproperties", Value::Object(metaproperties));
    }
    for (name, value) in extra.fields.unwrap_or_default() {
        upload = upload.field(name, value);
    }
    if let Some(bytes) = extra.chunk_size {
        upload = upload.chunk_size(bytes);
    }
    if let Some(chunks) = extra.parallelism {
        upload = upload.parallelism(chunks);
    }
    if let Some(flow) = extra.flow {
        upload = upload.flow(flow);
    }
    if let Some(state) = extra.resume {
        upload = upload.resume(state);
    }
    (upload.cancel_token(settings.cancel), settings.reporter)
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
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::optional(out_json) };
        // SAFETY: every pointer is NULL or valid for this call (contract).
        let client = unsafe { handle(client, "client") }?;
        let path = unsafe { required_str(path, "path") }?;
        let settings = unsafe { settings(options) }?;
        let shared = &client.shared;
        let upload = shared.client.upload(UploadSource::path(path));
        let (mut upload, mut reporter) = configure(upload, settings);
        let (sender, events) = unbounded_channel();
        if reporter.is_some() {
            upload = upload.on_progress(move |event| {
                let _ = sender.send(Event::Upload(Box::new(event.clone())));
            });
        }
        let result = block_on_events(upload.send(), events, |event| {
            if let Some(reporter) = reporter.as_mut() {
                reporter.report(&event);
            }
        })?;
        let outcome = shared.finish(result)?;
        if let Some(out) = out {
            out.set(json_out(&outcome)?);
        }
        Ok(())
    })
}
