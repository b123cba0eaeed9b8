use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::*;

struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    service: Arc<FilesService>,
    count: usize,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        Fixture {
            root: dir.path().to_path_buf(),
            _dir: dir,
            service: Arc::new(FilesService::default()),
            count: 0,
        }
    }

    fn stored(&mut self, bytes: &[u8]) -> Stored {
        self.count += 1;
        let path = self.root.join(format!("c{}", self.count));
        std::fs::write(&path, bytes).unwrap();
        Stored {
            path: Arc::new(path),
            size: bytes.len() as u64,
            sha256: Some(Sha256::digest(bytes).into()),
        }
    }

    fn send(&mut self, file_id: &str, number: u32, bytes: &[u8]) -> Result<(), FsError> {
        let stored = self.stored(bytes);
        self.service.store_chunk(file_id, number, stored)
    }
}

fn request(name: &str, size: u64, count: u32, whole: &[u8]) -> FinaliseRequest {
    FinaliseRequest {
        file_name: name.to_string(),
        file_size: size,
        chunks_count: count,
        sha256: hex(&Sha256::digest(whole)),
    }
}

fn invalid(result: Result<Finalised, FsError>) -> String {
    match result {
        Err(FsError::Invalid(message)) => message,
        other => panic!("expected a 400, got {other:?}"),
    }
}

#[test]
fn chunks_in_any_order_finalise_into_one_blob() {
    let mut f = Fixture::new();
    let id = f.service.prepare();
    assert!(uuid::Uuid::parse_str(&id).is_ok());
    assert_eq!(id, id.to_lowercase());
    f.send(&id, 2, b"!").unwrap();
    f.send(&id, 0, b"hello ").unwrap();
    f.send(&id, 1, b"wrong").unwrap();
    // Sending a number again replaces the chunk.
    f.send(&id, 1, b"world").unwrap();
    let done = f
        .service
        .finalise(
            &id.to_uppercase(),
            &request("a.txt", 12, 3, b"hello world!"),
        )
        .unwrap();
    assert_eq!(done.blob.read_all().unwrap(), b"hello world!");
    // The same finalise again answers the same file; chunks are refused now.
    let again = f
        .service
        .finalise(&id, &request("a.txt", 12, 3, b"hello world!"))
        .unwrap();
    assert_eq!(again.blob, done.blob);
    assert!(matches!(f.send(&id, 3, b"late"), Err(FsError::Invalid(_))));
    let other = invalid(
        f.service
            .finalise(&id, &request("b.txt", 12, 3, b"hello world!")),
    );
    assert!(other.contains("finalised already"), "{other}");
}

#[test]
fn finalise_names_what_is_wrong() {
    let mut f = Fixture::new();
    let id = f.service.prepare();
    f.send(&id, 0, b"ab").unwrap();
    f.send(&id, 2, b"ef").unwrap();
    let missing = invalid(f.service.finalise(&id, &request("x", 6, 3, b"abcdef")));
    assert_eq!(
        missing,
        "chunksCount is 3 but chunk 1 was not received (received: 0, 2)"
    );
    f.send(&id, 1, b"cd").unwrap();
    let extra = invalid(f.service.finalise(&id, &request("x", 4, 2, b"abcd")));
    assert_eq!(extra, "chunksCount is 2 but 3 chunks were received (0-2)");
    let size = invalid(f.service.finalise(&id, &request("x", 7, 3, b"abcdef")));
    assert_eq!(
        size,
        "fileSize is 7 but the 3 chunks received add up to 6 bytes"
    );
    let sha = invalid(f.service.finalise(&id, &request("x", 6, 3, b"abcdeF")));
    assert!(sha.starts_with("sha256 is "), "{sha}");
    assert!(sha.ends_with(&hex(&Sha256::digest(b"abcdef"))), "{sha}");
    // A failed finalise leaves the upload open: fix the chunk and finalise.
    f.send(&id, 2, b"eF").unwrap();
    assert!(
        f.service
            .finalise(&id, &request("x", 6, 3, b"abcdeF"))
            .is_ok()
    );
    assert_eq!(
        f.service
            .finalise(
                "6f1c7d2a-1b2c-4d5e-8f90-123456789abc",
                &request("x", 1, 1, b"a")
            )
            .unwrap_err(),
        FsError::UnknownFile
    );
    let zero = invalid(
        f.service
            .finalise(&f.service.prepare(), &request("x", 0, 0, b"")),
    );
    assert_eq!(zero, "chunksCount must be at least 1");
}

#[tokio::test]
async fn the_prefix_hasher_keeps_up_and_restarts_when_a_hashed_chunk_changes() {
    let mut f = Fixture::new();
    let id = f.service.prepare();
    let chunks: Vec<Vec<u8>> = (0..6u8).map(|n| vec![n; 1000 + usize::from(n)]).collect();
    for n in [1usize, 0, 2, 3] {
        f.send(&id, n as u32, &chunks[n]).unwrap();
    }
    let through = || {
        f.service
            .with(|uploads| uploads.get(&id).map(|u| u.prefix.through))
            .unwrap()
    };
    let mut waited = 0;
    while through() < 4 && waited < 200 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        waited += 1;
    }
    assert_eq!(through(), 4);
    // Replacing a hashed chunk starts the prefix over.
    let changed = vec![9u8; 10];
    f.send(&id, 1, &changed).unwrap();
    f.send(&id, 4, &chunks[4]).unwrap();
    f.send(&id, 5, &chunks[5]).unwrap();
    let mut whole = Vec::new();
    for (n, chunk) in chunks.iter().enumerate() {
        whole.extend_from_slice(if n == 1 { &changed } else { chunk });
    }
    let done = f
        .service
        .finalise(&id, &request("f.bin", whole.len() as u64, 6, &whole))
        .unwrap();
    assert_eq!(done.blob.read_all().unwrap(), whole);
}

#[test]
fn numbers_are_described_as_runs() {
    assert_eq!(describe_numbers(&[]), "none");
    assert_eq!(describe_numbers(&[0, 1, 2, 4, 6, 7]), "0-2, 4, 6-7");
}
