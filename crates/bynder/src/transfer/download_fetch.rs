//! Streaming a [`Download`] to a path or writer: progress, cancellation, range-based resume,
//! and a `.part` name until the file is complete. Native targets only (it writes files on a
//! blocking thread).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use http::{HeaderMap, HeaderValue, header};
use tokio::sync::{Semaphore, mpsc};

use super::CancelToken;
use super::download::{Destination, Download, DownloadOutcome};
use super::download_sink::{Command, Sink, Target};
use super::events::{DownloadEvent, emit};
use super::source::Buffers;
use crate::client::portal::transport_error;
use crate::error::{Error, ErrorKind};
use crate::ops::Method;
use crate::transport::{StreamingResponse, TransportError};

/// Progress is reported at most once per this many bytes.
const PROGRESS_STEP: u64 = 1024 * 1024;
/// Bytes received but not yet written, at most: the memory a download holds whatever its size.
const BUFFER_BUDGET: u32 = 8 * 1024 * 1024;
/// Bytes handed to the writer thread at a time.
const BATCH: usize = 1024 * 1024;
/// A body that delivers nothing for this long is treated as a dropped connection.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

impl Download {
    /// Runs the download.
    pub async fn send(mut self) -> Result<DownloadOutcome, Error> {
        let destination = self.destination.take().ok_or_else(|| {
            Error::invalid_argument("say where to download: to_path, to_dir or to_writer")
        })?;
        let cancel = self.cancel.clone();
        // Set once the `.part` file is chosen, so a failure can clean it up.
        let mut part = None;
        let fetched = tokio::select! {
            biased;
            () = cancel.cancelled() => Err(CancelToken::error("download")),
            fetched = self.locate_and_fetch(destination, &mut part) => fetched,
        };
        match (fetched, part) {
            (Ok((mut outcome, Some(path))), Some(part)) => {
                std::fs::rename(&part, &path).map_err(|e| {
                    Error::new(
                        ErrorKind::Io,
                        format!("cannot move {} to {}: {e}", part.display(), path.display()),
                    )
                })?;
                outcome.path = Some(path);
                Ok(outcome)
            }
            (Ok((outcome, _)), _) => Ok(outcome),
            (Err(error), Some(part)) => {
                let empty = std::fs::metadata(&part).is_ok_and(|m| m.len() == 0);
                if !self.resume || empty {
                    let _ = std::fs::remove_file(&part);
                }
                Err(error)
            }
            (Err(error), None) => Err(error),
        }
    }

    /// Resolves the location and streams it into the destination; answers the outcome and the
    /// final path of a file destination.
    async fn locate_and_fetch(
        &self,
        destination: Destination,
        part: &mut Option<PathBuf>,
    ) -> Result<(DownloadOutcome, Option<PathBuf>), Error> {
        let url = self.location().await?;
        let (target, final_path) = match destination {
            Destination::Writer(writer) => {
                let writer = writer
                    .into_inner()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                (Target::Writer(writer), None)
            }
            Destination::Path(path) => (file_target(&path), Some(path)),
            Destination::Dir(dir) => {
                let path = dir.join(file_name_from_url(&url, &self.media_id));
                (file_target(&path), Some(path))
            }
        };
        if let Target::File { part: file } = &target {
            *part = Some(file.clone());
        }
        Ok((self.fetch(url, target).await?, final_path))
    }

    /// Streams `url` into `target`, continuing with a range request after a failure.
    async fn fetch(&self, mut url: String, target: Target) -> Result<DownloadOutcome, Error> {
        let resume = self.resume;
        let hash = self.hash;
        let sink = tokio::task::spawn_blocking(move || Sink::open(target, resume, hash))
            .await
            .map_err(internal)??;
        let resumed_from = sink.written;
        let (tx, rx) = mpsc::channel::<Command>(16);
        let pipe = Pipe {
            tx,
            budget: Arc::new(Semaphore::new(BUFFER_BUDGET as usize)),
            buffers: Buffers::default(),
        };
        let recycled = pipe.buffers.clone();
        let keep = (BUFFER_BUDGET as usize / BATCH) + 2;
        let writer = tokio::task::spawn_blocking(move || sink.run(rx, &recycled, keep));
        let mut state = Progress {
            received: resumed_from,
            total: None,
            etag: None,
            last_report: 0,
        };
        let policy = self.client.inner.retry;
        let mut attempt = 0u32;
        let mut relocated = false;
        let result = loop {
            attempt += 1;
            let error = match self
                .attempt(&url, &mut state, &pipe, attempt == 1, resumed_from)
                .await
            {
                Ok(()) => break Ok(()),
                Err(error) => error,
            };
            if error.status() == Some(403) && !relocated {
                // The signed URL expired: ask the portal for a fresh one, once.
                relocated = true;
                url = match self.location().await {
                    Ok(url) => url,
                    Err(error) => break Err(error),
                };
                continue;
            }
            if !error.is_transient() || attempt >= policy.max_attempts {
                break Err(error);
            }
            emit(
                &self.progress,
                DownloadEvent::Retrying {
                    attempt: attempt + 1,
                    resume_from: state.received,
                    error: error.to_string(),
                },
            );
            crate::time::system()
                .sleep(policy.backoff(attempt - 1))
                .await;
        };
        drop(pipe);
        let sink = writer.await.map_err(internal)??;
        result?;
        let bytes = sink.written;
        if let Some(total) = state.total
            && total != bytes
        {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!("the storage host announced {total} bytes but sent {bytes}"),
            ));
        }
        let sha256 = tokio::task::spawn_blocking(move || sink.finish())
            .await
            .map_err(internal)??;
        emit(&self.progress, DownloadEvent::Finished { bytes });
        Ok(DownloadOutcome {
            path: None,
            bytes,
            sha256,
            resumed_from,
            attempts: attempt,
        })
    }

    /// One request to the storage host, from `state.received` on.
    async fn attempt(
        &self,
        url: &str,
        state: &mut Progress,
        pipe: &Pipe,
        first: bool,
        resumed_from: u64,
    ) -> Result<(), Error> {
        let response = self.request(url, state).await?;
        let from = match response.status {
            200 => {
                if state.received > 0 {
                    // The whole file again (no range support, or it changed): start over.
                    send(&pipe.tx, Command::Restart).await?;
                    state.received = 0;
                }
                0
            }
            206 => content_range_start(&response.headers).ok_or_else(|| {
                Error::new(
                    ErrorKind::Integrity,
                    "a 206 answer without a valid Content-Range",
                )
            })?,
            416 if state.total == Some(state.received) => return Ok(()),
            status => {
                return Err(Error::http(
                    status,
                    format!("the storage host answered HTTP {status}"),
                    None,
                ));
            }
        };
        if from != state.received {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "asked for bytes from {} but got them from {from}",
                    state.received
                ),
            ));
        }
        let length = content_length(&response.headers);
        state.total = length.map(|n| n + from).or(state.total);
        state.etag = response
            .headers
            .get(header::ETAG)
            .cloned()
            .or(state.etag.take());
        if first {
            emit(
                &self.progress,
                DownloadEvent::Started {
                    total_bytes: state.total,
                    resumed_from,
                },
            );
        }
        let mut body = response.body;
        let mut batch = Batch::new(pipe.buffers.clone());
        loop {
            let next = tokio::time::timeout(IDLE_TIMEOUT, body.next()).await;
            let data = match next {
                Ok(Some(Ok(data))) => data,
                Ok(None) => break,
                // What arrived before the failure is good: write it, so a retry resumes after it.
                Ok(Some(Err(error))) => {
                    batch.flush(pipe).await?;
                    return Err(transport_error(error));
                }
                Err(_) => {
                    batch.flush(pipe).await?;
                    return Err(Error::new(
                        ErrorKind::Timeout,
                        "the storage host stopped sending",
                    ));
                }
            };
            state.received += data.len() as u64;
            batch.push(&data, pipe).await?;
            drop(data);
            if state.received - state.last_report >= PROGRESS_STEP {
                state.last_report = state.received;
                emit(
                    &self.progress,
                    DownloadEvent::Progress {
                        received_bytes: state.received,
                        total_bytes: state.total,
                    },
                );
            }
        }
        batch.flush(pipe).await?;
        if let Some(total) = state.total
            && state.received < total
        {
            return Err(Error::new(
                ErrorKind::Network,
                format!(
                    "the connection ended after {} of {total} bytes",
                    state.received
                ),
            ));
        }
        emit(
            &self.progress,
            DownloadEvent::Progress {
                received_bytes: state.received,
                total_bytes: state.total,
            },
        );
        Ok(())
    }

    /// A GET of the storage URL without the Bynder token, with a range when continuing.
    async fn request(&self, url: &str, state: &Progress) -> Result<StreamingResponse, Error> {
        let url = url::Url::parse(url)
            .map_err(|e| Error::new(ErrorKind::Decode, format!("invalid download URL: {e}")))?;
        let portal = &self.client.inner.portal;
        let mut request = portal.request(Method::Get, url);
        request.timeout = None; // a whole-request timeout would cut long downloads
        request.headers = storage_headers(&request.headers, state);
        portal
            .transport
            .send_streaming(request)
            .await
            .map_err(|error: TransportError| transport_error(error))
    }
}

/// The body copied into pooled 1 MiB buffers for the writer thread. Copying at once lets the
/// connection reuse its read buffer instead of mapping fresh pages for every read (page faults
/// cost more than the copy), and handing over 1 MiB at a time keeps thread wake-ups rare.
struct Batch {
    buffer: Vec<u8>,
    buffers: Buffers,
}

impl Batch {
    fn new(buffers: Buffers) -> Batch {
        Batch {
            buffer: buffers.take(BATCH),
            buffers,
        }
    }

    async fn push(&mut self, piece: &[u8], pipe: &Pipe) -> Result<(), Error> {
        if !self.buffer.is_empty() && self.buffer.len() + piece.len() > BATCH {
            self.flush(pipe).await?;
        }
        self.buffer.extend_from_slice(piece);
        if self.buffer.len() >= BATCH {
            self.flush(pipe).await?;
        }
        Ok(())
    }

    /// Hands the buffer to the writer, first waiting while it is behind so memory stays
    /// within the budget.
    async fn flush(&mut self, pipe: &Pipe) -> Result<(), Error> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let share = u32::try_from(self.buffer.len())
            .unwrap_or(u32::MAX)
            .min(BUFFER_BUDGET);
        let permit = pipe
            .budget
            .clone()
            .acquire_many_owned(share)
            .await
            .map_err(|_| Error::new(ErrorKind::Internal, "the download buffer was closed"))?;
        let full = std::mem::replace(&mut self.buffer, self.buffers.take(BATCH));
        send(&pipe.tx, Command::Data(Bytes::from(full), permit)).await
    }
}

/// The way to the writer thread: its channel, the memory budget, and the buffers it returns.
struct Pipe {
    tx: mpsc::Sender<Command>,
    budget: Arc<Semaphore>,
    buffers: Buffers,
}

struct Progress {
    received: u64,
    total: Option<u64>,
    etag: Option<HeaderValue>,
    last_report: u64,
}

/// Headers for the storage host: only the user agent (never `Authorization`), plus `Range`
/// and `If-Range` when continuing.
fn storage_headers(defaults: &HeaderMap, state: &Progress) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(agent) = defaults.get(header::USER_AGENT) {
        headers.insert(header::USER_AGENT, agent.clone());
    }
    if state.received > 0
        && let Ok(range) = HeaderValue::from_str(&format!("bytes={}-", state.received))
    {
        headers.insert(header::RANGE, range);
        if let Some(etag) = &state.etag {
            headers.insert(header::IF_RANGE, etag.clone());
        }
    }
    headers
}

async fn send(tx: &mpsc::Sender<Command>, command: Command) -> Result<(), Error> {
    tx.send(command)
        .await
        .map_err(|_| Error::new(ErrorKind::Io, "the download writer stopped"))
}

fn internal(error: tokio::task::JoinError) -> Error {
    Error::new(
        ErrorKind::Internal,
        format!("a download task failed: {error}"),
    )
}

fn file_target(path: &Path) -> Target {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    Target::File {
        part: PathBuf::from(part),
    }
}

fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The first byte of `Content-Range: bytes a-b/n`.
fn content_range_start(headers: &HeaderMap) -> Option<u64> {
    let value = headers.get(header::CONTENT_RANGE)?.to_str().ok()?;
    let range = value.trim().strip_prefix("bytes ")?;
    range.split('-').next()?.trim().parse().ok()
}

/// The file name at the end of a storage URL, made safe for a directory; the media id when
/// the URL has none.
fn file_name_from_url(url: &str, media_id: &str) -> String {
    let name = url::Url::parse(url)
        .ok()
        .and_then(|url| {
            url.path_segments()?.next_back().map(|segment| {
                percent_encoding::percent_decode_str(segment)
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
        .unwrap_or_default();
    let safe: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '\0') {
                '_'
            } else {
                c
            }
        })
        .collect();
    if safe.is_empty() || safe == "." || safe == ".." {
        media_id.to_string()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn transfers_can_run_on_any_runtime_thread() {
        let client = crate::Client::builder("http://127.0.0.1:1")
            .build()
            .unwrap();
        let download = client.download("x").to_writer(Vec::new()).send();
        assert_send(&download);
        let upload = client
            .upload(super::super::UploadSource::bytes(vec![1], "a.bin"))
            .send();
        assert_send(&upload);
    }

    #[test]
    fn ranges_and_names_are_read_safely() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_RANGE,
            HeaderValue::from_static("bytes 100-199/200"),
        );
        assert_eq!(content_range_start(&headers), Some(100));
        assert_eq!(
            file_name_from_url("https://s3.example/final/a%20b.jpg?sig=1", "ID"),
            "a b.jpg"
        );
        assert_eq!(file_name_from_url("https://s3.example/", "ID"), "ID");
        assert_eq!(file_name_from_url("https://s3.example/..", "ID"), "ID");
    }

    #[test]
    fn storage_requests_never_carry_the_token() {
        let mut defaults = HeaderMap::new();
        defaults.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer secret"),
        );
        defaults.insert(header::USER_AGENT, HeaderValue::from_static("ua"));
        let state = Progress {
            received: 10,
            total: None,
            etag: Some(HeaderValue::from_static("\"e\"")),
            last_report: 0,
        };
        let headers = storage_headers(&defaults, &state);
        assert!(headers.get(header::AUTHORIZATION).is_none());
        assert_eq!(headers[header::RANGE], "bytes=10-");
        assert_eq!(headers[header::IF_RANGE], "\"e\"");
    }
}
