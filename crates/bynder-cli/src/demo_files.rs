//! The file journey of `bynder demo`: a generated multi-chunk file uploaded to the portal and
//! downloaded back from its storage host, with the SHA-256 compared end to end.

use std::path::Path;

use rand::RngCore;
use sha2::{Digest, Sha256};

use bynder::transfer::{DownloadOutcome, UploadFlow, UploadOutcome, UploadSource};
use bynder::{Client, Error, ErrorKind};

/// Size of the generated file: big enough for several 5 MiB chunks, small enough to stay fast.
pub const FILE_BYTES: usize = 12 * 1024 * 1024;
/// Chunks of the generated file in flight at once.
pub const PARALLEL_CHUNKS: usize = 3;

/// A generated file on disk and its checksum.
pub struct Generated {
    /// Lower-case hex SHA-256 of the file.
    pub sha256: String,
}

/// Writes [`FILE_BYTES`] random bytes to `path`.
pub fn generate(path: &Path) -> Result<Generated, Error> {
    let data = bynder_mock::sample_bytes(FILE_BYTES, rand::rng().next_u64());
    std::fs::write(path, &data).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    Ok(Generated {
        sha256: hex(&Sha256::digest(&data)),
    })
}

/// Uploads `path` as a new asset of `brand` through the Files Service, in 5 MiB chunks.
pub async fn upload(client: &Client, brand: &str, path: &Path) -> Result<UploadOutcome, Error> {
    client
        .upload(UploadSource::path(path))
        .brand(brand)
        .name("Uploaded by bynder demo")
        .tags(["demo", "uploaded"])
        .flow(UploadFlow::FilesService)
        .parallelism(PARALLEL_CHUNKS)
        .send()
        .await
}

/// Downloads the asset's original into `dir`, hashing it on the way.
pub async fn download(
    client: &Client,
    media_id: &str,
    dir: &Path,
) -> Result<DownloadOutcome, Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    client
        .download(media_id)
        .to_dir(dir)
        .sha256(true)
        .send()
        .await
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}
