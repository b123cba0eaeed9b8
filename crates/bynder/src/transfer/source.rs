//! Upload inputs and the reader that cuts them into chunks: one pass, in order, on a blocking
//! thread, hashing the whole file (SHA-256) as it goes. Memory holds the chunks in flight and
//! no more, whatever the file size.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::future::BoxFuture;
use futures::stream::BoxStream;
use sha2::{Digest, Sha256};
#[cfg(not(target_arch = "wasm32"))]
use tokio::sync::mpsc;

use crate::error::{Error, ErrorKind};

/// What to upload: a file, or any reader with a file name.
pub enum UploadSource {
    /// A file on disk; its name is the file name the portal gets.
    Path(PathBuf),
    /// Any reader. `size` is needed by the S3 flow (each part names the chunk count).
    Reader {
        /// The bytes.
        reader: Box<dyn Read + Send>,
        /// The file name the portal gets (with extension, e.g. `photo.jpg`).
        file_name: String,
        /// The number of bytes the reader yields, when known.
        size: Option<u64>,
    },
}

impl std::fmt::Debug for UploadSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UploadSource::Path(path) => f.debug_tuple("Path").field(path).finish(),
            UploadSource::Reader {
                file_name, size, ..
            } => f
                .debug_struct("Reader")
                .field("file_name", file_name)
                .field("size", size)
                .finish_non_exhaustive(),
        }
    }
}

impl UploadSource {
    /// A file on disk.
    pub fn path(path: impl Into<PathBuf>) -> UploadSource {
        UploadSource::Path(path.into())
    }

    /// Any reader, with the file name the portal gets and its size when known.
    pub fn reader(
        reader: impl Read + Send + 'static,
        file_name: impl Into<String>,
        size: Option<u64>,
    ) -> UploadSource {
        UploadSource::Reader {
            reader: Box::new(reader),
            file_name: file_name.into(),
            size,
        }
    }

    /// Bytes already in memory.
    pub fn bytes(data: impl Into<Bytes>, file_name: impl Into<String>) -> UploadSource {
        let data: Bytes = data.into();
        let size = data.len() as u64;
        UploadSource::reader(std::io::Cursor::new(data), file_name, Some(size))
    }

    /// Opens the input: a reader, its file name and its size when known.
    pub(crate) fn open(self) -> Result<Opened, Error> {
        match self {
            UploadSource::Path(path) => {
                let io = |e: std::io::Error| {
                    Error::new(
                        ErrorKind::Io,
                        format!("cannot read {}: {e}", path.display()),
                    )
                };
                let file = File::open(&path).map_err(io)?;
                let metadata = file.metadata().map_err(io)?;
                if !metadata.is_file() {
                    return Err(Error::invalid_argument(format!(
                        "{} is not a regular file",
                        path.display()
                    )));
                }
                Ok(Opened {
                    reader: Box::new(file),
                    file_name: file_name_of(&path)?,
                    size: Some(metadata.len()),
                })
            }
            UploadSource::Reader {
                reader,
                file_name,
                size,
            } => Ok(Opened {
                reader,
                file_name,
                size,
            }),
        }
    }
}

impl From<PathBuf> for UploadSource {
    fn from(path: PathBuf) -> UploadSource {
        UploadSource::Path(path)
    }
}

impl From<&Path> for UploadSource {
    fn from(path: &Path) -> UploadSource {
        UploadSource::Path(path.to_path_buf())
    }
}

fn file_name_of(path: &Path) -> Result<String, Error> {
    path.file_name()
        .and_then(|name| name.to_str())
        .map(str::to_string)
        .ok_or_else(|| {
            Error::invalid_argument(format!("{} has no UTF-8 file name", path.display()))
        })
}

/// An opened input.
pub(crate) struct Opened {
    pub reader: Box<dyn Read + Send>,
    pub file_name: String,
    pub size: Option<u64>,
}

/// One chunk of the input.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// 0-based position.
    pub index: u32,
    /// The bytes.
    pub data: Bytes,
}

/// What the reader saw once the input ended.
#[derive(Debug, Clone)]
pub(crate) struct ReadSummary {
    /// Bytes read.
    pub size: u64,
    /// Chunks (at least 1: an empty input is one empty chunk).
    pub chunks: u32,
    /// Lower-case hex SHA-256 of the whole input.
    pub sha256: String,
}

/// Chunk buffers handed back once their request is done, so the reader refills memory that is
/// already mapped instead of faulting in fresh pages for every chunk.
#[derive(Debug, Default, Clone)]
pub(crate) struct Buffers {
    free: std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>,
}

impl Buffers {
    /// An empty buffer of at least `capacity` bytes.
    pub(crate) fn take(&self, capacity: usize) -> Vec<u8> {
        let reused = self
            .free
            .lock()
            .ok()
            .and_then(|mut free| free.pop())
            .filter(|buffer| buffer.capacity() >= capacity);
        reused.unwrap_or_else(|| Vec::with_capacity(capacity))
    }

    /// Keeps `data`'s memory for a later chunk when nothing else holds it (at most `keep`).
    pub(crate) fn give(&self, data: Bytes, keep: usize) {
        if let Ok(unique) = data.try_into_mut() {
            let mut buffer = Vec::from(unique);
            buffer.clear();
            if let Ok(mut free) = self.free.lock()
                && free.len() < keep
            {
                free.push(buffer);
            }
        }
    }
}

/// The chunks to send, in order, and the reader's summary once they are all read.
pub(crate) type ChunkFeed = (
    BoxStream<'static, Chunk>,
    BoxFuture<'static, Result<ReadSummary, Error>>,
);

/// Starts reading `reader` (see [`read_chunks`]) on a blocking thread; one chunk waits while
/// the others are sent, so memory stays flat.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn spawn_reader(
    reader: Box<dyn Read + Send>,
    chunk_size: u64,
    expected: Option<u64>,
    skip: BTreeSet<u32>,
    buffers: Buffers,
) -> ChunkFeed {
    let (tx, rx) = mpsc::channel::<Chunk>(1);
    let reader = tokio::task::spawn_blocking(move || {
        let mut send = |chunk| tx.blocking_send(chunk).is_ok();
        read_chunks(reader, chunk_size, expected, &skip, &mut send, &buffers)
    });
    let chunks = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let summary = async move {
        reader
            .await
            .map_err(|e| Error::new(ErrorKind::Internal, format!("the reader failed: {e}")))?
    };
    (Box::pin(chunks), Box::pin(summary))
}

/// Reads `reader` (see [`read_chunks`]) at once: wasm32 has no thread to read beside the
/// senders, and its inputs are bytes already in memory.
#[cfg(target_arch = "wasm32")]
pub(crate) fn spawn_reader(
    reader: Box<dyn Read + Send>,
    chunk_size: u64,
    expected: Option<u64>,
    skip: BTreeSet<u32>,
    buffers: Buffers,
) -> ChunkFeed {
    let mut chunks = Vec::new();
    let mut send = |chunk| {
        chunks.push(chunk);
        true
    };
    let summary = read_chunks(reader, chunk_size, expected, &skip, &mut send, &buffers);
    (
        Box::pin(futures::stream::iter(chunks)),
        Box::pin(std::future::ready(summary)),
    )
}

/// Reads `reader` in chunks of `chunk_size`, hands those not in `skip` to `send`, and hashes
/// everything. Stops early (with `Cancelled`) when `send` answers false (nobody takes chunks
/// any more). A size that differs from `expected` is an error: the parts sent would not add up.
pub(crate) fn read_chunks(
    mut reader: Box<dyn Read + Send>,
    chunk_size: u64,
    expected: Option<u64>,
    skip: &BTreeSet<u32>,
    send: &mut dyn FnMut(Chunk) -> bool,
    buffers: &Buffers,
) -> Result<ReadSummary, Error> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut index = 0u32;
    loop {
        let capacity = usize::try_from(chunk_size).unwrap_or(usize::MAX);
        let mut buffer = buffers.take(capacity);
        (&mut reader)
            .take(chunk_size)
            .read_to_end(&mut buffer)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read the input: {e}")))?;
        if buffer.is_empty() && index > 0 {
            break;
        }
        hasher.update(&buffer);
        size += buffer.len() as u64;
        let short = (buffer.len() as u64) < chunk_size;
        if !skip.contains(&index) {
            let chunk = Chunk {
                index,
                data: Bytes::from(buffer),
            };
            if !send(chunk) {
                return Err(super::CancelToken::error("upload"));
            }
        }
        index = index.checked_add(1).ok_or_else(|| {
            Error::invalid_argument("the input has more than 4 billion chunks: use bigger ones")
        })?;
        if short {
            break;
        }
    }
    if let Some(expected) = expected
        && expected != size
    {
        return Err(Error::new(
            ErrorKind::Io,
            format!("the input changed while uploading: expected {expected} bytes, read {size}"),
        ));
    }
    Ok(ReadSummary {
        size,
        chunks: index,
        sha256: hex(&hasher.finalize()),
    })
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// Lower-case hex SHA-256 of `data`.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(data: &[u8], chunk: u64, skip: &[u32]) -> (Vec<(u32, usize)>, ReadSummary) {
        let skip: BTreeSet<u32> = skip.iter().copied().collect();
        let mut seen = Vec::new();
        let summary = read_chunks(
            Box::new(std::io::Cursor::new(data.to_vec())),
            chunk,
            Some(data.len() as u64),
            &skip,
            &mut |c| {
                seen.push((c.index, c.data.len()));
                true
            },
            &Buffers::default(),
        )
        .unwrap();
        (seen, summary)
    }

    #[test]
    fn chunks_cover_the_input_and_the_hash_covers_skipped_ones() {
        let data: Vec<u8> = (0..25u8).collect();
        let (seen, summary) = read_all(&data, 10, &[1]);
        assert_eq!(seen, vec![(0, 10), (2, 5)]);
        assert_eq!(summary.chunks, 3);
        assert_eq!(summary.size, 25);
        assert_eq!(summary.sha256, sha256_hex(&data));
    }

    #[test]
    fn buffers_are_reused_only_when_nothing_else_holds_them() {
        let buffers = Buffers::default();
        let mut first = buffers.take(64);
        first.extend_from_slice(&[1; 64]);
        let pointer = first.as_ptr();
        let shared = Bytes::from(first);
        let other = shared.clone();
        buffers.give(shared, 4);
        assert!(buffers.free.lock().unwrap().is_empty(), "still shared");
        buffers.give(other, 4);
        let again = buffers.take(64);
        assert_eq!((again.as_ptr(), again.len()), (pointer, 0));
    }

    #[test]
    fn exact_multiples_and_empty_inputs() {
        let (seen, summary) = read_all(&[7; 20], 10, &[]);
        assert_eq!(seen, vec![(0, 10), (1, 10)]);
        assert_eq!(summary.chunks, 2);
        let (seen, summary) = read_all(&[], 10, &[]);
        assert_eq!(seen, vec![(0, 0)]);
        assert_eq!(summary.chunks, 1);
        assert_eq!(
            summary.sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_size_mismatch_is_reported() {
        let err = read_chunks(
            Box::new(std::io::Cursor::new(vec![1u8; 5])),
            10,
            Some(6),
            &BTreeSet::new(),
            &mut |_| true,
            &Buffers::default(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.message().contains("expected 6 bytes, read 5"));
    }
}
