//! [`Upload`]: one call that sends a file to the portal with either flow, chunks in parallel,
//! a failed chunk retried alone, checksums computed while streaming, progress events,
//! cancellation and resume, then saves it as a new asset, a new version or an additional file.

use std::sync::Arc;

use futures::stream::StreamExt;
use serde::Serialize;
use serde_json::{Map, Value};

use super::events::{OnProgress, UploadEvent, emit};
use super::source::{Buffers, Chunk, ReadSummary, spawn_reader};
use super::state::{Session, UploadState};
use super::{
    CancelToken, DEFAULT_CHUNK_SIZE, PollPolicy, UploadFlow, UploadSource, files_service, s3, save,
};
use crate::client::Client;
use crate::error::{Error, ErrorKind};

/// The smallest part S3 accepts (all but the last).
const S3_MIN_CHUNK: u64 = 5 * 1024 * 1024;

/// What the uploaded file becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "media_id", rename_all = "snake_case")]
pub enum UploadTarget {
    /// A new asset (needs a brand: [`Upload::brand`]).
    NewAsset,
    /// A new version of this asset.
    NewVersion(String),
    /// An additional file of this asset.
    Additional(String),
}

/// The result of an upload.
#[derive(Debug, Clone, Serialize)]
pub struct UploadOutcome {
    /// The asset the file now belongs to.
    pub media_id: String,
    /// What the file became.
    pub target: UploadTarget,
    /// The flow used.
    pub flow: UploadFlow,
    /// The id the portal saved from (Files Service `file_id` or S3 `importId`).
    pub import_id: String,
    /// The file name the portal got.
    pub file_name: String,
    /// Bytes uploaded.
    pub bytes: u64,
    /// Chunks the file was cut into.
    pub chunks: u32,
    /// Lower-case hex SHA-256 of the whole file.
    pub sha256: String,
    /// The portal's answer to the save call.
    pub response: Value,
}

/// An upload being configured; [`Upload::send`] runs it. Start with [`Client::upload`].
pub struct Upload {
    client: Client,
    source: UploadSource,
    target: UploadTarget,
    fields: Map<String, Value>,
    chunk_size: u64,
    parallelism: usize,
    flow: Option<UploadFlow>,
    poll: PollPolicy,
    chunk_attempts: u32,
    progress: Option<OnProgress<UploadEvent>>,
    cancel: CancelToken,
    resume: Option<UploadState>,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("source", &self.source)
            .field("target", &self.target)
            .field("chunk_size", &self.chunk_size)
            .field("parallelism", &self.parallelism)
            .field("flow", &self.flow)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts an upload of `source` (a path, or [`UploadSource::reader`]). By default it
    /// becomes a new asset, which needs [`Upload::brand`].
    pub fn upload(&self, source: impl Into<UploadSource>) -> Upload {
        Upload {
            client: self.clone(),
            source: source.into(),
            target: UploadTarget::NewAsset,
            fields: Map::new(),
            chunk_size: DEFAULT_CHUNK_SIZE,
            parallelism: 4,
            flow: None,
            poll: PollPolicy::default(),
            chunk_attempts: 4,
            progress: None,
            cancel: CancelToken::new(),
            resume: None,
        }
    }
}

impl Upload {
    /// The brand of a new asset (either UUID form).
    pub fn brand(self, brand_id: impl Into<String>) -> Upload {
        self.field("brandId", brand_id.into())
    }

    /// The new asset's name (default: the file name).
    pub fn name(self, name: impl Into<String>) -> Upload {
        self.field("name", name.into())
    }

    /// The new asset's description.
    pub fn description(self, description: impl Into<String>) -> Upload {
        self.field("description", description.into())
    }

    /// The new asset's tags.
    pub fn tags<I, S>(self, tags: I) -> Upload
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let tags: Vec<String> = tags.into_iter().map(Into::into).collect();
        self.field("tags", tags)
    }

    /// Sets a metaproperty of the new asset to these option ids.
    pub fn metaproperty<I, S>(mut self, metaproperty_id: impl Into<String>, options: I) -> Upload
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let options: Vec<Value> = options
            .into_iter()
            .map(|o| Value::String(o.into()))
            .collect();
        let entry = self
            .fields
            .entry("metaproperties")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(map) = entry {
            map.insert(metaproperty_id.into(), Value::Array(options));
        }
        self
    }

    /// Any other save field (`copyright`, `isPublic`, `audit`, `ISOPublicationDate`...).
    pub fn field(mut self, name: impl Into<String>, value: impl Into<Value>) -> Upload {
        self.fields.insert(name.into(), value.into());
        self
    }

    /// Saves the file as a new version of `media_id` instead of a new asset.
    pub fn new_version(mut self, media_id: impl Into<String>) -> Upload {
        self.target = UploadTarget::NewVersion(media_id.into());
        self
    }

    /// Attaches the file to `media_id` as an additional file instead.
    pub fn additional_to(mut self, media_id: impl Into<String>) -> Upload {
        self.target = UploadTarget::Additional(media_id.into());
        self
    }

    /// Bytes per chunk (default 5 MiB; the S3 flow needs at least 5 MiB). Bigger chunks spend
    /// fewer requests of the rate budget.
    pub fn chunk_size(mut self, bytes: u64) -> Upload {
        self.chunk_size = bytes;
        self
    }

    /// Chunks in flight at once (default 4; memory is about this many chunks).
    pub fn parallelism(mut self, chunks: usize) -> Upload {
        self.parallelism = chunks;
        self
    }

    /// Overrides the client's upload flow for this upload.
    pub fn flow(mut self, flow: UploadFlow) -> Upload {
        self.flow = Some(flow);
        self
    }

    /// How to wait while the portal processes the file.
    pub fn poll(mut self, poll: PollPolicy) -> Upload {
        self.poll = poll;
        self
    }

    /// Attempts per chunk before the upload fails (default 4), on top of the client's
    /// retries of each request.
    pub fn chunk_attempts(mut self, attempts: u32) -> Upload {
        self.chunk_attempts = attempts.max(1);
        self
    }

    /// Receives [`UploadEvent`]s.
    pub fn on_progress(
        mut self,
        callback: impl Fn(&UploadEvent) + Send + Sync + 'static,
    ) -> Upload {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// Stops the upload when `token` is cancelled.
    pub fn cancel_token(mut self, token: CancelToken) -> Upload {
        self.cancel = token;
        self
    }

    /// Continues an upload from its last [`UploadEvent::Checkpoint`], with the same input:
    /// chunks the portal has are read (for the whole-file checksum) but not sent again.
    pub fn resume(mut self, state: UploadState) -> Upload {
        self.resume = Some(state);
        self
    }

    /// Runs the upload and saves the file.
    pub async fn send(self) -> Result<UploadOutcome, Error> {
        let cancel = self.cancel.clone();
        // Biased: a token cancelled before the call stops it before any request.
        tokio::select! {
            biased;
            () = cancel.cancelled() => Err(CancelToken::error("upload")),
            outcome = self.run() => outcome,
        }
    }

    async fn run(self) -> Result<UploadOutcome, Error> {
        self.check_target()?;
        if !(1..=64).contains(&self.parallelism) {
            return Err(Error::invalid_argument(format!(
                "parallelism must be between 1 and 64, not {}",
                self.parallelism
            )));
        }
        let opened = self.source.open()?;
        let mut state = match self.resume {
            Some(state) => check_resume(state, &opened.file_name, opened.size)?,
            None => {
                let flow = self.flow.unwrap_or(self.client.inner.upload_flow);
                check_chunk_size(flow, self.chunk_size)?;
                if flow == UploadFlow::S3 && opened.size.is_none() {
                    return Err(Error::invalid_argument(
                        "the S3 upload flow needs the input's size: give UploadSource::reader a size",
                    ));
                }
                let session = match flow {
                    UploadFlow::FilesService => files_service::prepare(&self.client).await?,
                    UploadFlow::S3 => s3::start(&self.client, &opened.file_name).await?,
                };
                UploadState {
                    flow,
                    file_name: opened.file_name.clone(),
                    file_size: opened.size,
                    chunk_size: self.chunk_size,
                    session,
                    done: Default::default(),
                }
            }
        };
        let chunk_size = state.chunk_size;
        emit(
            &self.progress,
            UploadEvent::Started {
                file_name: state.file_name.clone(),
                total_bytes: state.file_size,
                chunk_size,
                chunks: state.file_size.map(|size| chunk_count(size, chunk_size)),
                resumed_chunks: u32::try_from(state.done.len()).unwrap_or(u32::MAX),
                resumed_bytes: state.done_bytes(),
            },
        );
        emit(
            &self.progress,
            UploadEvent::Checkpoint {
                state: state.clone(),
            },
        );
        let pump = Pump {
            client: self.client.clone(),
            progress: self.progress.clone(),
            attempts: self.chunk_attempts,
            parallelism: self.parallelism,
        };
        let summary = pump.run(&mut state, opened.reader).await?;
        emit(&self.progress, UploadEvent::Finalising);
        let saver = save::Saver {
            client: &self.client,
            poll: self.poll,
            progress: &self.progress,
        };
        let (import_id, response) = match &state.session {
            Session::FilesService { file_id } => {
                files_service::finalise(&self.client, file_id, &state.file_name, &summary).await?;
                let response = saver.save(&self.target, file_id, &self.fields).await?;
                (file_id.clone(), response)
            }
            Session::S3 { upload_id, .. } => match &self.target {
                // The old flow attaches an additional file at finalise: no poll, no save.
                UploadTarget::Additional(media_id) => {
                    let response =
                        s3::finalise_additional(&self.client, &state.session, media_id, &summary)
                            .await?;
                    (upload_id.clone(), response)
                }
                target => {
                    let import_id =
                        s3::finalise(&self.client, &state.session, &state.file_name, &summary)
                            .await?;
                    saver.wait_for_import(&import_id).await?;
                    let response = saver.save(target, &import_id, &self.fields).await?;
                    (import_id, response)
                }
            },
        };
        let media_id = save::media_id(&response, &self.target)?;
        emit(
            &self.progress,
            UploadEvent::Saved {
                media_id: media_id.clone(),
            },
        );
        Ok(UploadOutcome {
            media_id,
            target: self.target,
            flow: state.flow,
            import_id,
            file_name: state.file_name,
            bytes: summary.size,
            chunks: summary.chunks,
            sha256: summary.sha256,
            response,
        })
    }

    fn check_target(&self) -> Result<(), Error> {
        if self.target == UploadTarget::NewAsset
            && self
                .fields
                .get("brandId")
                .and_then(Value::as_str)
                .is_none_or(|brand| brand.trim().is_empty())
        {
            return Err(Error::invalid_argument(
                "a new asset needs a brand: call .brand(id) (list them with client.brands().list())",
            ));
        }
        Ok(())
    }
}

fn check_chunk_size(flow: UploadFlow, chunk_size: u64) -> Result<(), Error> {
    if chunk_size == 0 {
        return Err(Error::invalid_argument(
            "the chunk size must be at least 1 byte",
        ));
    }
    if flow == UploadFlow::S3 && chunk_size < S3_MIN_CHUNK {
        return Err(Error::invalid_argument(format!(
            "the S3 flow needs chunks of at least 5 MiB ({S3_MIN_CHUNK} bytes), not {chunk_size}"
        )));
    }
    Ok(())
}

/// A resumed upload must continue with the same input.
fn check_resume(
    state: UploadState,
    file_name: &str,
    size: Option<u64>,
) -> Result<UploadState, Error> {
    check_chunk_size(state.flow, state.chunk_size)?;
    if let (Some(was), Some(now)) = (state.file_size, size)
        && was != now
    {
        return Err(Error::invalid_argument(format!(
            "cannot resume: the upload of {} was {was} bytes, this input is {now}",
            state.file_name
        )));
    }
    if state.file_name != file_name {
        tracing::debug!(
            was = %state.file_name,
            now = %file_name,
            "resuming under the original file name"
        );
    }
    Ok(state)
}

/// Number of chunks of a `size`-byte input (an empty input is one empty chunk).
pub(crate) fn chunk_count(size: u64, chunk_size: u64) -> u32 {
    u32::try_from(size.div_ceil(chunk_size).max(1)).unwrap_or(u32::MAX)
}

/// Moves the chunks: one reader thread in order, `parallelism` senders.
struct Pump {
    client: Client,
    progress: Option<OnProgress<UploadEvent>>,
    attempts: u32,
    parallelism: usize,
}

impl Pump {
    async fn run(
        &self,
        state: &mut UploadState,
        reader: Box<dyn std::io::Read + Send>,
    ) -> Result<ReadSummary, Error> {
        let skip = state.done.clone();
        let (chunk_size, expected) = (state.chunk_size, state.file_size);
        let buffers = Buffers::default();
        let (chunks, reader) = spawn_reader(reader, chunk_size, expected, skip, buffers.clone());
        let session = Arc::new(state.session.clone());
        let total_chunks = expected.map(|size| chunk_count(size, chunk_size));
        let sent = chunks
            .map(|chunk| {
                let (session, buffers) = (session.clone(), buffers.clone());
                async move {
                    let (index, bytes) = (chunk.index, chunk.data.len() as u64);
                    let data = self.send_chunk(&session, chunk, total_chunks).await?;
                    buffers.give(data, self.parallelism + 2);
                    Ok::<_, Error>((index, bytes))
                }
            })
            .buffer_unordered(self.parallelism);
        let mut sent = std::pin::pin!(sent);
        let mut sent_bytes = state.done_bytes();
        while let Some(result) = sent.next().await {
            let (index, bytes) = result.map_err(|e| e.context(&state.file_name))?;
            state.done.insert(index);
            sent_bytes += bytes;
            emit(
                &self.progress,
                UploadEvent::ChunkSent {
                    index,
                    bytes,
                    sent_bytes,
                    total_bytes: state.file_size,
                },
            );
            emit(
                &self.progress,
                UploadEvent::Checkpoint {
                    state: state.clone(),
                },
            );
        }
        reader.await
    }

    /// Sends one chunk, retrying it alone when it fails for a reason that may pass; answers its
    /// bytes for reuse.
    async fn send_chunk(
        &self,
        session: &Session,
        chunk: Chunk,
        total_chunks: Option<u32>,
    ) -> Result<bytes::Bytes, Error> {
        let mut attempt = 1;
        loop {
            let result = match session {
                Session::FilesService { file_id } => {
                    files_service::send_chunk(&self.client, file_id, &chunk).await
                }
                Session::S3 { .. } => {
                    let total = total_chunks.unwrap_or(1);
                    s3::send_chunk(&self.client, session, &chunk, total).await
                }
            };
            match result {
                Ok(()) => return Ok(chunk.data),
                Err(error) if attempt < self.attempts && chunk_may_pass(&error) => {
                    attempt += 1;
                    emit(
                        &self.progress,
                        UploadEvent::ChunkRetry {
                            index: chunk.index,
                            attempt,
                            error: error.to_string(),
                        },
                    );
                    let wait = self.client.inner.retry.backoff(attempt - 2);
                    crate::time::system().sleep(wait).await;
                }
                Err(error) => return Err(error.context(format!("chunk {}", chunk.index))),
            }
        }
    }
}

/// Whether sending a chunk again could succeed: not for refused credentials or a missing
/// session, but yes for a 400 (a chunk corrupted on the way fails its checksum), 5xx and
/// network failures.
fn chunk_may_pass(error: &Error) -> bool {
    !matches!(
        error.kind(),
        ErrorKind::Authentication
            | ErrorKind::Forbidden
            | ErrorKind::NotFound
            | ErrorKind::InvalidArgument
            | ErrorKind::InvalidId
            | ErrorKind::Cancelled
            | ErrorKind::OAuth
    )
}
