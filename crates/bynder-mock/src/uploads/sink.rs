//! Writing received bytes to a new file while hashing them, without holding more than about
//! a mebibyte of them in memory: frames are gathered into batches, and each batch is hashed
//! and written (one vectored write, no copy, no fsync) on a blocking thread while the next
//! batch arrives.

use std::fs::File;
use std::io::{self, IoSlice, Write};
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use sha2::{Digest, Sha256};
use tokio::task::JoinHandle;

/// Bytes gathered before they are handed to the blocking writer.
const BATCH: usize = 1024 * 1024;

/// A file that was written completely.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Where it is.
    pub path: Arc<PathBuf>,
    /// How many bytes it holds.
    pub size: u64,
    /// The SHA-256 of those bytes, when asked for.
    pub sha256: Option<[u8; 32]>,
}

type Writer = (File, Option<Sha256>);

/// A file being written. Dropping it unfinished removes the file.
#[derive(Debug)]
pub struct FileSink {
    path: PathBuf,
    /// The file and hasher, when no batch is being written.
    idle: Option<Writer>,
    in_flight: Option<JoinHandle<io::Result<Writer>>>,
    batch: Vec<Bytes>,
    batch_len: usize,
    size: u64,
    corrupt: bool,
    finished: bool,
}

impl FileSink {
    /// Creates the file at `path`; `hash` computes a SHA-256 of what is written, `corrupt`
    /// flips one byte of the first non-empty frame (the `corrupt` fault).
    pub async fn create(path: PathBuf, hash: bool, corrupt: bool) -> io::Result<FileSink> {
        let create_at = path.clone();
        let file = tokio::task::spawn_blocking(move || File::create(create_at))
            .await
            .map_err(io::Error::other)??;
        Ok(FileSink {
            path,
            idle: Some((file, hash.then(Sha256::new))),
            in_flight: None,
            batch: Vec::new(),
            batch_len: 0,
            size: 0,
            corrupt,
            finished: false,
        })
    }

    /// Bytes received so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Adds received bytes.
    pub async fn push(&mut self, mut bytes: Bytes) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        if self.corrupt {
            self.corrupt = false;
            let mut flipped = bytes.to_vec();
            let middle = flipped.len() / 2;
            flipped[middle] ^= 0xFF;
            bytes = Bytes::from(flipped);
        }
        self.size += bytes.len() as u64;
        self.batch_len += bytes.len();
        self.batch.push(bytes);
        if self.batch_len >= BATCH {
            self.flush().await?;
        }
        Ok(())
    }

    /// Writes what is left and closes the file.
    pub async fn finish(mut self) -> io::Result<Stored> {
        self.flush().await?;
        let (_file, hasher) = self.writer().await?;
        self.finished = true;
        Ok(Stored {
            path: Arc::new(self.path.clone()),
            size: self.size,
            sha256: hasher.map(|h| h.finalize().into()),
        })
    }

    /// Waits for the batch being written and takes the file back.
    async fn writer(&mut self) -> io::Result<Writer> {
        if let Some(pending) = self.in_flight.take() {
            return pending.await.map_err(io::Error::other)?;
        }
        self.idle
            .take()
            .ok_or_else(|| io::Error::other("the file sink lost its file"))
    }

    async fn flush(&mut self) -> io::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let (mut file, mut hasher) = self.writer().await?;
        let batch = std::mem::take(&mut self.batch);
        self.batch_len = 0;
        self.in_flight = Some(tokio::task::spawn_blocking(move || {
            if let Some(hasher) = hasher.as_mut() {
                for bytes in &batch {
                    hasher.update(bytes);
                }
            }
            write_all_vectored(&mut file, &batch)?;
            Ok((file, hasher))
        }));
        Ok(())
    }
}

impl Drop for FileSink {
    fn drop(&mut self) {
        if !self.finished {
            super::storage::Storage::discard(&self.path);
        }
    }
}

fn write_all_vectored(file: &mut File, batch: &[Bytes]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = batch.iter().map(|b| IoSlice::new(b)).collect();
    let mut rest: &mut [IoSlice<'_>] = &mut slices;
    while !rest.is_empty() {
        let written = file.write_vectored(rest)?;
        if written == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        IoSlice::advance_slices(&mut rest, written);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[tokio::test]
    async fn writes_and_hashes_many_frames() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let mut sink = FileSink::create(path.clone(), true, false).await.unwrap();
        let mut expected = Vec::new();
        for n in 0..300u32 {
            let frame: Vec<u8> = (0..9000u32).map(|i| (i * 7 + n) as u8).collect();
            expected.extend_from_slice(&frame);
            sink.push(Bytes::from(frame)).await.unwrap();
        }
        let stored = sink.finish().await.unwrap();
        assert_eq!(stored.size, expected.len() as u64);
        assert_eq!(std::fs::read(&path).unwrap(), expected);
        assert_eq!(
            hex(&stored.sha256.unwrap()),
            hex(&Sha256::digest(&expected))
        );
    }

    #[tokio::test]
    async fn corrupt_flips_one_byte_and_dropping_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let mut sink = FileSink::create(path.clone(), false, true).await.unwrap();
        sink.push(Bytes::new()).await.unwrap();
        sink.push(Bytes::from_static(b"abcd")).await.unwrap();
        sink.push(Bytes::from_static(b"efgh")).await.unwrap();
        let stored = sink.finish().await.unwrap();
        assert!(stored.sha256.is_none());
        let written = std::fs::read(&path).unwrap();
        assert_eq!(written.len(), 8);
        let differing = written.iter().zip(b"abcdefgh").filter(|(a, b)| a != b);
        assert_eq!(differing.count(), 1);

        let other = dir.path().join("g");
        let mut sink = FileSink::create(other.clone(), true, false).await.unwrap();
        sink.push(Bytes::from_static(b"x")).await.unwrap();
        drop(sink);
        assert!(!other.exists());
    }
}
