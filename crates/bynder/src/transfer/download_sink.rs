//! Where downloaded bytes go: written on a blocking thread (so the async side only moves
//! `Bytes` handles), through a 1 MiB buffer, optionally hashed.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use super::source::Buffers;
use crate::error::{Error, ErrorKind};

const WRITE_BUFFER: usize = 1024 * 1024;

/// What the writer thread is told.
pub(crate) enum Command {
    /// Append these bytes; the permit holds their share of the memory budget until written.
    Data(Bytes, tokio::sync::OwnedSemaphorePermit),
    /// The server sent the whole file again: start over from byte 0.
    Restart,
}

/// The destination of a download.
pub(crate) enum Target {
    /// A `.part` file, renamed by the caller once complete.
    File { part: PathBuf },
    /// A caller's writer (cannot start over).
    Writer(Box<dyn Write + Send>),
}

/// The writer's side: the destination, the hasher, and how many bytes it holds.
pub(crate) struct Sink {
    out: Out,
    hasher: Option<Sha256>,
    pub written: u64,
}

enum Out {
    // Unbuffered: buffers of about 1 MiB arrive, each written with one call.
    File(File),
    Writer(Box<dyn Write + Send>),
}

fn io_error(what: &str, path: &Path, error: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("cannot {what} {}: {error}", path.display()),
    )
}

impl Sink {
    /// Opens the destination. A file continues an existing `.part` when `resume` is set
    /// (hashing what it holds), and starts empty otherwise.
    pub(crate) fn open(target: Target, resume: bool, hash: bool) -> Result<Sink, Error> {
        let mut hasher = hash.then(Sha256::new);
        match target {
            Target::Writer(writer) => Ok(Sink {
                out: Out::Writer(writer),
                hasher,
                written: 0,
            }),
            Target::File { part, .. } => {
                let mut file = OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .read(true)
                    .write(true)
                    .open(&part)
                    .map_err(|e| io_error("create", &part, &e))?;
                let mut written = 0;
                if resume {
                    written = absorb(&mut file, hasher.as_mut())
                        .map_err(|e| io_error("read", &part, &e))?;
                } else {
                    file.set_len(0)
                        .map_err(|e| io_error("truncate", &part, &e))?;
                }
                Ok(Sink {
                    out: Out::File(file),
                    hasher,
                    written,
                })
            }
        }
    }

    /// Applies commands until the channel closes, handing written buffers back to `buffers`
    /// (at most `keep`); answers the sink for [`Sink::finish`].
    pub(crate) fn run(
        mut self,
        mut commands: mpsc::Receiver<Command>,
        buffers: &Buffers,
        keep: usize,
    ) -> Result<Sink, Error> {
        while let Some(command) = commands.blocking_recv() {
            match command {
                Command::Data(data, _permit) => {
                    self.write(&data)?;
                    buffers.give(data, keep);
                }
                Command::Restart => self.restart()?,
            }
        }
        Ok(self)
    }

    fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        let result = match &mut self.out {
            Out::File(file) => file.write_all(data),
            Out::Writer(writer) => writer.write_all(data),
        };
        result.map_err(|e| Error::new(ErrorKind::Io, format!("cannot write the download: {e}")))?;
        if let Some(hasher) = &mut self.hasher {
            hasher.update(data);
        }
        self.written += data.len() as u64;
        Ok(())
    }

    fn restart(&mut self) -> Result<(), Error> {
        match &mut self.out {
            Out::File(file) => {
                let restarted = file
                    .set_len(0)
                    .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()));
                restarted.map_err(|e| {
                    Error::new(ErrorKind::Io, format!("cannot restart the download: {e}"))
                })?;
            }
            Out::Writer(_) => {
                return Err(Error::new(
                    ErrorKind::Integrity,
                    "the storage host ignored the range request and a writer cannot be rewound",
                ));
            }
        }
        if self.hasher.is_some() {
            self.hasher = Some(Sha256::new());
        }
        self.written = 0;
        Ok(())
    }

    /// Flushes everything; answers the hex SHA-256 when hashing.
    pub(crate) fn finish(self) -> Result<Option<String>, Error> {
        let flushed = match self.out {
            Out::File(mut file) => file.flush(),
            Out::Writer(mut writer) => writer.flush(),
        };
        flushed
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot finish the download: {e}")))?;
        Ok(self.hasher.map(|h| super::source::hex(&h.finalize())))
    }
}

/// Hashes what a `.part` file already holds and leaves the cursor at its end.
fn absorb(file: &mut File, mut hasher: Option<&mut Sha256>) -> std::io::Result<u64> {
    let mut buffer = vec![0; WRITE_BUFFER];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        if let Some(hasher) = hasher.as_deref_mut() {
            hasher.update(&buffer[..n]);
        }
        total += n as u64;
    }
    file.seek(SeekFrom::End(0))?;
    Ok(total)
}
