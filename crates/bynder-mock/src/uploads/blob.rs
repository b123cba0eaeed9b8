//! Stored bytes: a file made of one or more stored pieces (the chunks or parts of an upload,
//! in order, never copied into one file), read back as a stream for downloads.

use std::io::{self, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use futures::Stream;

/// How much one read from disk hands to the network at a time.
const BLOCK: u64 = 1024 * 1024;

/// Blocks read ahead of the network.
const READ_AHEAD: usize = 4;

/// One stored piece of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The file holding the piece.
    pub path: Arc<PathBuf>,
    /// Its length in bytes.
    pub len: u64,
}

/// A stored file: its pieces in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blob {
    segments: Arc<[Segment]>,
    len: u64,
}

impl Blob {
    /// The file made of `segments`, in order.
    pub fn new(segments: Vec<Segment>) -> Blob {
        let len = segments.iter().map(|s| s.len).sum();
        Blob {
            segments: segments.into(),
            len,
        }
    }

    /// Its size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes `start..end` as a stream of blocks, read from disk on a blocking thread a few
    /// blocks ahead of the consumer; the reading stops when the stream is dropped.
    pub fn stream(&self, start: u64, end: u64) -> impl Stream<Item = io::Result<Bytes>> + use<> {
        let (tx, rx) = tokio::sync::mpsc::channel(READ_AHEAD);
        let segments = self.segments.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(err) = read_range(&segments, start, end, &tx) {
                // The receiver may be gone already; then nobody needs the error.
                let _ = tx.blocking_send(Err(err));
            }
        });
        futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|item| (item, rx))
        })
    }

    /// The whole file in memory (tests and small files only).
    pub fn read_all(&self) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        for segment in self.segments.iter() {
            std::fs::File::open(segment.path.as_ref())?
                .take(segment.len)
                .read_to_end(&mut out)?;
        }
        Ok(out)
    }
}

type Sender = tokio::sync::mpsc::Sender<io::Result<Bytes>>;

/// Read buffers of one download, handed back when the network is done with them, so a long
/// download reuses a handful of buffers instead of allocating (and faulting in) new ones.
#[derive(Debug, Default, Clone)]
struct Pool(Arc<Mutex<Vec<Vec<u8>>>>);

impl Pool {
    fn take(&self, capacity: usize) -> Vec<u8> {
        let reused = self.0.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let mut buffer = reused.unwrap_or_default();
        buffer.clear();
        buffer.reserve(capacity);
        buffer
    }
}

/// A filled buffer that returns to its pool when the last `Bytes` of it is dropped.
struct Pooled {
    buffer: Vec<u8>,
    pool: Pool,
}

impl AsRef<[u8]> for Pooled {
    fn as_ref(&self) -> &[u8] {
        &self.buffer
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        self.pool
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(buffer);
    }
}

/// Sends `start..end` of the pieces; stops quietly when the receiver is gone.
fn read_range(segments: &[Segment], start: u64, end: u64, tx: &Sender) -> io::Result<()> {
    let pool = Pool::default();
    let mut offset = 0u64;
    for segment in segments {
        let (seg_start, seg_end) = (offset, offset + segment.len);
        offset = seg_end;
        if seg_end <= start || seg_start >= end {
            continue;
        }
        let from = start.max(seg_start) - seg_start;
        let to = end.min(seg_end) - seg_start;
        let mut file = std::fs::File::open(segment.path.as_ref())?;
        file.seek(SeekFrom::Start(from))?;
        let mut left = to - from;
        while left > 0 {
            let want = left.min(BLOCK);
            let mut block = pool.take(usize::try_from(want).unwrap_or(0));
            // `read_to_end` fills the spare capacity without zeroing it first.
            (&mut file).take(want).read_to_end(&mut block)?;
            if block.len() as u64 != want {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "a stored file is shorter than recorded",
                ));
            }
            left -= want;
            let pooled = Pooled {
                buffer: block,
                pool: pool.clone(),
            };
            if tx.blocking_send(Ok(Bytes::from_owner(pooled))).is_err() {
                return Ok(());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use super::*;

    fn blob_of(dir: &std::path::Path, pieces: &[&[u8]]) -> Blob {
        let segments = pieces
            .iter()
            .enumerate()
            .map(|(n, bytes)| {
                let path = dir.join(format!("p{n}"));
                // A longer file than recorded: only `len` bytes belong to the blob.
                let mut stored = bytes.to_vec();
                stored.extend_from_slice(b"junk");
                std::fs::write(&path, stored).unwrap();
                Segment {
                    path: Arc::new(path),
                    len: bytes.len() as u64,
                }
            })
            .collect();
        Blob::new(segments)
    }

    async fn collect(blob: &Blob, start: u64, end: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let mut stream = Box::pin(blob.stream(start, end));
        while let Some(block) = stream.next().await {
            out.extend_from_slice(&block.unwrap());
        }
        out
    }

    #[tokio::test]
    async fn ranges_cross_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let blob = blob_of(dir.path(), &[b"hello ", b"", b"big ", b"world"]);
        assert_eq!(blob.len(), 15);
        assert_eq!(blob.read_all().unwrap(), b"hello big world");
        assert_eq!(collect(&blob, 0, 15).await, b"hello big world");
        assert_eq!(collect(&blob, 4, 12).await, b"o big wo");
        assert_eq!(collect(&blob, 14, 15).await, b"d");
        assert_eq!(collect(&blob, 6, 6).await, b"");
    }

    #[tokio::test]
    async fn a_missing_piece_is_an_error_in_the_stream() {
        let dir = tempfile::tempdir().unwrap();
        let blob = blob_of(dir.path(), &[b"abc", b"def"]);
        std::fs::remove_file(dir.path().join("p1")).unwrap();
        let mut stream = Box::pin(blob.stream(0, 6));
        assert_eq!(&stream.next().await.unwrap().unwrap()[..], b"abc");
        assert!(stream.next().await.unwrap().is_err());
    }
}
