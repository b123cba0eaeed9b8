//! The resume file of an upload, `<file>.bynder-upload.json` beside the file: the core's latest
//! [`UploadState`] plus what identifies the upload (portal, file size and modification time), so
//! a checkpoint of another portal or of a file edited since is ignored instead of resumed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use bynder::transfer::{UploadFlow, UploadState};

/// Version of the file's layout.
const FORMAT: u32 = 1;

/// What the checkpoint file holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    format: u32,
    /// The portal the session lives on.
    portal: String,
    /// The file as it was when the upload started.
    file: FileStamp,
    /// The core's resume record.
    state: UploadState,
}

/// Size and modification time of the file being uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Bytes.
    pub size: u64,
    /// Milliseconds since the Unix epoch, when the file system tells.
    pub modified_ms: Option<u64>,
}

impl FileStamp {
    /// The stamp of the file at `path` now.
    pub fn of(path: &Path) -> std::io::Result<FileStamp> {
        let metadata = std::fs::metadata(path)?;
        if !metadata.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        let modified_ms = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .and_then(|since| u64::try_from(since.as_millis()).ok());
        Ok(FileStamp {
            size: metadata.len(),
            modified_ms,
        })
    }
}

/// What was found beside the file.
#[derive(Debug)]
pub enum Found {
    /// No checkpoint: a fresh upload.
    Nothing,
    /// A checkpoint of this very upload.
    Resume(Box<UploadState>),
    /// A checkpoint that cannot be used, and why.
    Unusable(String),
}

/// The checkpoint file of one upload.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    path: PathBuf,
    portal: String,
    file: FileStamp,
    /// Set after a failed write, so the warning is printed once.
    warned: Arc<AtomicBool>,
}

impl Checkpoint {
    /// The checkpoint of uploading `file` (stamped `stamp`) to `portal`.
    pub fn beside(file: &Path, portal: &str, stamp: FileStamp) -> Checkpoint {
        let mut name = file.as_os_str().to_owned();
        name.push(".bynder-upload.json");
        Checkpoint {
            path: PathBuf::from(name),
            portal: portal.trim_end_matches('/').to_string(),
            file: stamp,
            warned: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Where the checkpoint lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the checkpoint file is there.
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// Reads the checkpoint; `flow` is the flow asked for on the command line, if any.
    pub fn load(&self, flow: Option<UploadFlow>) -> Found {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Found::Nothing,
            Err(error) => return Found::Unusable(format!("cannot read it: {error}")),
        };
        let record: Record = match serde_json::from_str(&text) {
            Ok(record) => record,
            Err(error) => return Found::Unusable(format!("it is not a checkpoint: {error}")),
        };
        if record.format != FORMAT {
            return Found::Unusable(format!("unknown checkpoint format {}", record.format));
        }
        if record.portal != self.portal {
            return Found::Unusable(format!(
                "it belongs to the portal {}, not {}",
                record.portal, self.portal
            ));
        }
        if record.file != self.file {
            return Found::Unusable("the file changed since that upload started".into());
        }
        if let Some(flow) = flow
            && flow != record.state.flow
        {
            return Found::Unusable(format!(
                "it is a {} upload and {} was asked for",
                flow_name(record.state.flow),
                flow_name(flow)
            ));
        }
        Found::Resume(Box::new(record.state))
    }

    /// Replaces the checkpoint with `state`, atomically (a temporary file renamed over it), so
    /// an interruption never leaves half a file. A failure is reported once, on stderr.
    pub fn save(&self, state: &UploadState) {
        if let Err(error) = self.write(state)
            && !self.warned.swap(true, Ordering::SeqCst)
        {
            eprintln!(
                "bynder: warning: cannot write the checkpoint {}: {error} (the upload goes on, but cannot be resumed)",
                self.path.display()
            );
        }
    }

    fn write(&self, state: &UploadState) -> std::io::Result<()> {
        let record = Record {
            format: FORMAT,
            portal: self.portal.clone(),
            file: self.file,
            state: state.clone(),
        };
        let text = serde_json::to_vec_pretty(&record).map_err(std::io::Error::other)?;
        let mut temporary = self.path.as_os_str().to_owned();
        temporary.push(format!(".{}.tmp", std::process::id()));
        std::fs::write(&temporary, text)?;
        std::fs::rename(&temporary, &self.path).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
    }

    /// Deletes the checkpoint (after the upload is saved).
    pub fn remove(&self) {
        match std::fs::remove_file(&self.path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => eprintln!(
                "bynder: warning: cannot delete the checkpoint {}: {error}",
                self.path.display()
            ),
        }
    }
}

/// The flow's name as the `--flow` flag spells it.
pub fn flow_name(flow: UploadFlow) -> &'static str {
    match flow {
        UploadFlow::FilesService => "files-service",
        UploadFlow::S3 => "s3",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bynder::transfer::Session;

    fn state(flow: UploadFlow) -> UploadState {
        UploadState {
            flow,
            file_name: "a.bin".into(),
            file_size: Some(10),
            chunk_size: 4,
            session: Session::FilesService {
                file_id: "f-1".into(),
            },
            done: [0, 1].into_iter().collect(),
        }
    }

    #[test]
    fn a_saved_checkpoint_resumes_only_the_same_upload() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.bin");
        std::fs::write(&file, b"0123456789").unwrap();
        let stamp = FileStamp::of(&file).unwrap();
        let checkpoint = Checkpoint::beside(&file, "http://portal/", stamp);
        assert!(matches!(checkpoint.load(None), Found::Nothing));

        checkpoint.save(&state(UploadFlow::FilesService));
        assert!(checkpoint.path().ends_with("a.bin.bynder-upload.json"));
        match checkpoint.load(None) {
            Found::Resume(resumed) => assert_eq!(*resumed, state(UploadFlow::FilesService)),
            other => panic!("expected a resume, got {other:?}"),
        }
        // Only the checkpoint is left in the directory: no temporary file.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

        let other_portal = Checkpoint::beside(&file, "http://elsewhere", stamp);
        assert!(
            matches!(other_portal.load(None), Found::Unusable(why) if why.contains("elsewhere"))
        );
        let grown = FileStamp { size: 11, ..stamp };
        let edited = Checkpoint::beside(&file, "http://portal", grown);
        assert!(matches!(edited.load(None), Found::Unusable(why) if why.contains("changed")));
        assert!(
            matches!(checkpoint.load(Some(UploadFlow::S3)), Found::Unusable(why) if why.contains("s3"))
        );

        checkpoint.remove();
        assert!(!checkpoint.exists());
        checkpoint.remove(); // already gone: fine
    }

    #[test]
    fn garbage_is_not_resumed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.bin");
        std::fs::write(&file, b"x").unwrap();
        let checkpoint = Checkpoint::beside(&file, "http://p", FileStamp::of(&file).unwrap());
        std::fs::write(checkpoint.path(), b"{not json").unwrap();
        assert!(
            matches!(checkpoint.load(None), Found::Unusable(why) if why.contains("not a checkpoint"))
        );
    }
}
