//! [`Download`]: which file of an asset, where it goes, and its signed location. Streaming it
//! to a path or writer (native targets) is in `download_fetch.rs`; on wasm32 the JS face
//! streams the location with the host's `fetch`.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use serde_json::json;

use super::CancelToken;
use super::events::{DownloadEvent, OnProgress};
use crate::client::Client;
use crate::error::{Error, ErrorKind};

/// Which file of an asset to download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DownloadItem {
    /// The current original (default).
    Original,
    /// The additional file (`type=additional`).
    Additional,
    /// Version `n` of the original.
    Version(u32),
    /// One media item by id.
    Item(String),
}

/// The result of a download.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadOutcome {
    /// Where the file is (`None` for a writer).
    pub path: Option<PathBuf>,
    /// Bytes in the file.
    pub bytes: u64,
    /// Lower-case hex SHA-256, when asked for with [`Download::sha256`].
    pub sha256: Option<String>,
    /// Bytes that came from an earlier attempt (a `.part` file or a dropped connection).
    pub resumed_from: u64,
    /// Requests made to the storage host.
    pub attempts: u32,
}

// On wasm32 nothing streams to a destination (the JS face streams the location itself).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) enum Destination {
    Path(PathBuf),
    Dir(PathBuf),
    // In a mutex only so that `Download` is `Sync` and its `send` future is `Send`.
    Writer(std::sync::Mutex<Box<dyn std::io::Write + Send>>),
}

/// A download being configured; [`Download::send`] runs it. Start with [`Client::download`].
pub struct Download {
    pub(super) client: Client,
    pub(super) media_id: String,
    pub(super) item: DownloadItem,
    pub(super) destination: Option<Destination>,
    pub(super) progress: Option<OnProgress<DownloadEvent>>,
    pub(super) cancel: CancelToken,
    pub(super) hash: bool,
    pub(super) resume: bool,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("media_id", &self.media_id)
            .field("item", &self.item)
            .field("resume", &self.resume)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts a download of an asset's original (choose another file with
    /// [`Download::item`]). The Bynder token goes to the portal only, never to the storage host.
    pub fn download(&self, media_id: impl Into<String>) -> Download {
        Download {
            client: self.clone(),
            media_id: media_id.into(),
            item: DownloadItem::Original,
            destination: None,
            progress: None,
            cancel: CancelToken::new(),
            hash: false,
            resume: false,
        }
    }
}

impl Download {
    /// Which file: original (default), additional, a version, or a media item.
    pub fn item(mut self, item: DownloadItem) -> Download {
        self.item = item;
        self
    }

    /// Writes to this path (through `<path>.part`, renamed when complete).
    pub fn to_path(mut self, path: impl Into<PathBuf>) -> Download {
        self.destination = Some(Destination::Path(path.into()));
        self
    }

    /// Writes into this directory under the storage host's file name.
    pub fn to_dir(mut self, dir: impl Into<PathBuf>) -> Download {
        self.destination = Some(Destination::Dir(dir.into()));
        self
    }

    /// Writes to any writer (from a blocking thread). A writer cannot be rewound, so a
    /// storage host that ignores a range request fails the download instead of restarting.
    pub fn to_writer(mut self, writer: impl std::io::Write + Send + 'static) -> Download {
        self.destination = Some(Destination::Writer(std::sync::Mutex::new(Box::new(writer))));
        self
    }

    /// Receives [`DownloadEvent`]s.
    pub fn on_progress(
        mut self,
        callback: impl Fn(&DownloadEvent) + Send + Sync + 'static,
    ) -> Download {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// Stops the download when `token` is cancelled.
    pub fn cancel_token(mut self, token: CancelToken) -> Download {
        self.cancel = token;
        self
    }

    /// Also computes the file's SHA-256 while writing.
    pub fn sha256(mut self, hash: bool) -> Download {
        self.hash = hash;
        self
    }

    /// Keeps `<path>.part` when the download fails and continues it on the next call (with a
    /// range request). Off by default: a failed download leaves no file behind.
    pub fn resume(mut self, resume: bool) -> Download {
        self.resume = resume;
        self
    }

    /// The signed URL of the chosen file.
    pub async fn location(&self) -> Result<String, Error> {
        let id = &self.media_id;
        let (operation, params) = match &self.item {
            DownloadItem::Original => ("media.download_location", json!({"id": id})),
            DownloadItem::Additional => (
                "media.download_location",
                json!({"id": id, "type": "additional"}),
            ),
            DownloadItem::Version(version) => (
                "media.version_download_location",
                json!({"id": id, "version": version}),
            ),
            DownloadItem::Item(item) => (
                "media.item_download_location",
                json!({"id": id, "itemId": item}),
            ),
        };
        let body = self.client.call(operation, params).await?;
        body["s3_file"]
            .as_str()
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
            .map(str::to_string)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Decode,
                    format!("{operation} answered no download URL: {body}"),
                )
            })
    }
}
