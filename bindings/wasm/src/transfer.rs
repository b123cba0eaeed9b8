//! Uploads from bytes (the npm package reads a `Blob`, `File`, buffer or stream into them) with
//! progress and cancellation, and download locations (the npm package streams them with the
//! host's `fetch`, without the Bynder token).

use bynder::transfer::{CancelToken, DownloadOptions, UploadOptions, UploadSource};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::client::NativeClient;
use crate::errors::{invalid, parse_json, to_js};

/// Cancels the upload it is given to; `cancel()` may come at any time.
#[wasm_bindgen]
#[derive(Default)]
pub struct NativeCancel {
    token: CancelToken,
}

#[wasm_bindgen]
impl NativeCancel {
    /// A fresh handle.
    #[wasm_bindgen(constructor)]
    pub fn new() -> NativeCancel {
        NativeCancel::default()
    }

    /// Stops the transfer: it ends with a `Cancelled` error.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Another handle on the same cancellation (a call takes its handle by value, so the
    /// caller keeps this one to cancel with).
    pub fn handle(&self) -> NativeCancel {
        NativeCancel {
            token: self.token.clone(),
        }
    }
}

#[wasm_bindgen]
impl NativeClient {
    /// Uploads `data` with JSON options (snake_case, `file_name` required); `on_progress`
    /// receives each event as JSON text. Answers the outcome as JSON text.
    pub async fn upload(
        &self,
        data: Vec<u8>,
        options: String,
        on_progress: Option<js_sys::Function>,
        cancel: Option<NativeCancel>,
    ) -> Result<String, JsValue> {
        let options = UploadOptions::from_json(parse_json(&options, "upload options")?)
            .map_err(|e| to_js(&e))?;
        let file_name = options
            .file_name
            .clone()
            .ok_or_else(|| invalid("uploading bytes needs fileName (e.g. 'photo.jpg')"))?;
        let mut upload = options
            .apply(self.inner.upload(UploadSource::bytes(data, file_name)))
            .map_err(|e| to_js(&e))?;
        if let Some(cancel) = cancel {
            upload = upload.cancel_token(cancel.token);
        }
        if let Some(callback) = on_progress {
            // wasm32 has one thread, so the callback never leaves it.
            let callback = SendWrapper::new(callback);
            upload = upload.on_progress(move |event| {
                if let Ok(text) = serde_json::to_string(event) {
                    let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(&text));
                }
            });
        }
        let outcome = upload.send().await.map_err(|e| to_js(&e))?;
        serde_json::to_string(&outcome).map_err(|e| invalid(e.to_string()))
    }

    /// The signed URL of an asset's file (options: `additional`, `version` or `item_id`).
    #[wasm_bindgen(js_name = downloadLocation)]
    pub async fn download_location(
        &self,
        media_id: String,
        options: String,
    ) -> Result<String, JsValue> {
        let options = DownloadOptions::from_json(parse_json(&options, "download options")?)
            .map_err(|e| to_js(&e))?;
        let download = options
            .apply(self.inner.download(media_id))
            .map_err(|e| to_js(&e))?;
        download.location().await.map_err(|e| to_js(&e))
    }
}
