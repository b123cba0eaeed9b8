//! Where uploaded bytes live on disk: a directory the portal was given, or a temporary one
//! that disappears with the portal. Every write goes to a fresh file, so bytes already
//! finalised or saved never change when a client sends a part again.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The storage directory of one portal.
#[derive(Debug)]
pub struct Storage {
    /// A directory given by the configuration (kept after the portal stops).
    configured: Option<PathBuf>,
    /// The temporary directory, made on first use when none was configured.
    temp: OnceLock<Result<tempfile::TempDir, String>>,
}

impl Storage {
    /// Storage in `dir`, or in a temporary directory made on first use when `None`.
    pub fn new(dir: Option<PathBuf>) -> Storage {
        Storage {
            configured: dir,
            temp: OnceLock::new(),
        }
    }

    /// Makes sure the directory exists (so a bad `--storage-dir` fails at start-up).
    pub fn prepare(&self) -> io::Result<PathBuf> {
        self.root()
    }

    /// The directory files are written to.
    pub fn root(&self) -> io::Result<PathBuf> {
        if let Some(dir) = &self.configured {
            std::fs::create_dir_all(dir)?;
            return Ok(dir.clone());
        }
        let temp = self.temp.get_or_init(|| {
            tempfile::Builder::new()
                .prefix("bynder-mock-storage-")
                .tempdir()
                .map_err(|err| err.to_string())
        });
        match temp {
            Ok(dir) => Ok(dir.path().to_path_buf()),
            Err(message) => Err(io::Error::other(format!(
                "cannot create the storage directory: {message}"
            ))),
        }
    }

    /// A path for a new file, named after `what` (`chunk`, `part`) and unique across portals
    /// sharing the directory.
    pub fn new_file_path(&self, what: &str) -> io::Result<PathBuf> {
        Ok(self
            .root()?
            .join(format!("{what}-{}.bin", uuid::Uuid::new_v4().simple())))
    }

    /// Removes a file that nothing refers to any more; a failure only leaves it behind.
    pub fn discard(path: &Path) {
        if let Err(err) = std::fs::remove_file(path) {
            tracing::debug!(path = %path.display(), error = %err, "could not remove a stored file");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temporary_directory_goes_away_with_the_storage() {
        let storage = Storage::new(None);
        let root = storage.root().unwrap();
        let file = storage.new_file_path("chunk").unwrap();
        assert!(file.starts_with(&root));
        std::fs::write(&file, b"x").unwrap();
        assert_ne!(file, storage.new_file_path("chunk").unwrap());
        drop(storage);
        assert!(!root.exists());
    }

    #[test]
    fn a_configured_directory_is_created_and_kept() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("nested/store");
        let storage = Storage::new(Some(dir.clone()));
        assert_eq!(storage.prepare().unwrap(), dir);
        drop(storage);
        assert!(dir.is_dir());
    }
}
