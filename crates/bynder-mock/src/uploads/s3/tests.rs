use std::sync::Arc;

use super::*;

struct Fixture {
    dir: tempfile::TempDir,
    uploads: S3Uploads,
    count: usize,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            uploads: S3Uploads::default(),
            count: 0,
        }
    }

    fn part(&mut self, upload: &S3Upload, number: u32, len: u64) {
        self.count += 1;
        let path = self.dir.path().join(format!("p{}", self.count));
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(len).unwrap();
        let stored = Stored {
            path: Arc::new(path),
            size: len,
            sha256: None,
        };
        self.uploads
            .record_part(&upload.upload_id, number, stored)
            .unwrap();
    }

    fn register(&self, upload: &S3Upload, number: u32) -> Result<(), S3Error> {
        let filename = format!("{}/p{number}", upload.key);
        self.uploads
            .register(&upload.upload_id, number, &filename, &upload.target_id)
    }

    fn finalise(&self, upload: &S3Upload, chunks: u32) -> Result<S3Finalised, S3Error> {
        let fields = FinaliseFields {
            chunks,
            s3_filename: format!("{}/p{chunks}", upload.key),
            target_id: upload.target_id.clone(),
        };
        self.uploads.finalise(&upload.upload_id, &fields, || {
            (Some("IMPORT".to_string()), "BATCH".to_string())
        })
    }
}

fn invalid<T: std::fmt::Debug>(result: Result<T, S3Error>) -> String {
    match result {
        Err(S3Error::Invalid(message)) => message,
        other => panic!("expected a 400, got {other:?}"),
    }
}

#[test]
fn init_shapes_ids_like_bynder() {
    let f = Fixture::new();
    let upload = f.uploads.init("photo.jpg");
    assert_eq!(upload.upload_id.len(), 96);
    assert!(
        upload
            .upload_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
    );
    let uuid = upload
        .key
        .strip_prefix("pluploads/api/")
        .and_then(|rest| rest.strip_suffix("/photo.jpg"))
        .unwrap();
    assert!(uuid::Uuid::parse_str(uuid).is_ok());
    assert_eq!(upload.target_id, format!("final/{uuid}/photo.jpg"));
    assert_eq!(f.uploads.by_key(&upload.key), Some(upload.clone()));
    assert_eq!(f.uploads.get(&upload.upload_id), Some(upload));
}

#[test]
fn registering_needs_the_part_the_name_and_the_target() {
    let mut f = Fixture::new();
    let upload = f.uploads.init("a.jpg");
    let missing = invalid(f.register(&upload, 1));
    assert_eq!(missing, "Part p1 was not uploaded to S3 (uploaded: none)");
    f.part(&upload, 1, 10);
    let wrong_name = invalid(
        f.uploads
            .register(&upload.upload_id, 1, "x/p1", &upload.target_id),
    );
    assert!(wrong_name.contains("/p1'"), "{wrong_name}");
    let wrong_target = invalid(f.uploads.register(
        &upload.upload_id,
        1,
        &format!("{}/p1", upload.key),
        "final/x",
    ));
    assert!(
        wrong_target.starts_with("targetid 'final/x'"),
        "{wrong_target}"
    );
    f.register(&upload, 1).unwrap();
    assert_eq!(
        f.register(
            &S3Upload {
                upload_id: "nope".into(),
                ..upload
            },
            1
        ),
        Err(S3Error::UnknownUpload)
    );
}

#[test]
fn finalise_checks_parts_sizes_and_registration() {
    let mut f = Fixture::new();
    let upload = f.uploads.init("a.mov");
    f.part(&upload, 1, MIN_PART);
    f.part(&upload, 3, 7);
    assert_eq!(
        invalid(f.finalise(&upload, 3)),
        "Part p2 of 3 was not uploaded to S3 (uploaded: p1, 3)"
    );
    f.part(&upload, 2, MIN_PART - 1);
    assert!(invalid(f.finalise(&upload, 3)).starts_with("Part p2 is 5242879 bytes"));
    f.part(&upload, 2, MIN_PART);
    assert_eq!(
        invalid(f.finalise(&upload, 2)),
        "chunks is 2 but part p3 was uploaded too"
    );
    f.register(&upload, 1).unwrap();
    f.register(&upload, 3).unwrap();
    assert_eq!(f.finalise(&upload, 3).unwrap_err(), S3Error::Incomplete);
    f.register(&upload, 2).unwrap();
    let done = f.finalise(&upload, 3).unwrap();
    assert_eq!(done.blob.len(), 2 * MIN_PART + 7);
    assert_eq!(done.import_id.as_deref(), Some("IMPORT"));
    // Finalising again answers the same import; other chunk counts are refused.
    assert_eq!(f.finalise(&upload, 3).unwrap().batch_id, "BATCH");
    assert!(invalid(f.finalise(&upload, 4)).contains("finalised already"));
    // The base key is accepted as s3_filename too; anything else is not.
    let mut fields = FinaliseFields {
        chunks: 3,
        s3_filename: upload.key.clone(),
        target_id: upload.target_id.clone(),
    };
    assert!(
        f.uploads
            .finalise(&upload.upload_id, &fields, || (None, String::new()))
            .is_ok()
    );
    fields.s3_filename = format!("{}/p2", upload.key);
    assert!(
        invalid(
            f.uploads
                .finalise(&upload.upload_id, &fields, || (None, String::new()))
        )
        .starts_with("s3_filename is")
    );
}
