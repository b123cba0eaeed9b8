//! The resume record of an upload: small, serializable, and enough to continue an interrupted
//! upload without re-sending the chunks the portal already has.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::UploadFlow;

/// Where an upload stands. Every [`UploadEvent::Checkpoint`](super::UploadEvent::Checkpoint)
/// carries the latest one; store it (e.g. as JSON) and pass it to
/// [`Upload::resume`](super::Upload::resume) with the same input to continue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadState {
    /// The flow the session belongs to.
    pub flow: UploadFlow,
    /// The file name the portal gets.
    pub file_name: String,
    /// Size of the input, when known.
    pub file_size: Option<u64>,
    /// Bytes per chunk (a resumed upload must use the same).
    pub chunk_size: u64,
    /// The portal's session.
    pub session: Session,
    /// 0-based indexes of the chunks the portal has accepted.
    pub done: BTreeSet<u32>,
}

/// The portal-side identity of an upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "flow", rename_all = "snake_case")]
pub enum Session {
    /// A Files Service upload.
    FilesService {
        /// The `file_id` from `prepare`.
        file_id: String,
    },
    /// An S3 upload.
    S3 {
        /// The S3 endpoint the parts are posted to.
        endpoint: String,
        /// `s3file.uploadid`.
        upload_id: String,
        /// `s3file.targetid`.
        target_id: String,
        /// `s3_filename`.
        s3_filename: String,
        /// The POST policy fields (`key`, `Policy`, `X-Amz-Signature`...), in the portal's order.
        multipart_params: Map<String, Value>,
    },
}

impl UploadState {
    /// Bytes the portal already has, when the size is known.
    pub(crate) fn done_bytes(&self) -> u64 {
        let full = self.done.len() as u64 * self.chunk_size;
        match (self.file_size, self.done.iter().next_back()) {
            // The last chunk may be short.
            (Some(size), Some(&last)) if u64::from(last + 1) * self.chunk_size > size => {
                full - (u64::from(last + 1) * self.chunk_size - size)
            }
            _ => full,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_round_trips_through_json_and_counts_a_short_last_chunk() {
        let state = UploadState {
            flow: UploadFlow::FilesService,
            file_name: "a.bin".into(),
            file_size: Some(25),
            chunk_size: 10,
            session: Session::FilesService {
                file_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            },
            done: [0, 2].into_iter().collect(),
        };
        let json = serde_json::to_string(&state).unwrap();
        assert!(json.contains(r#""flow":"files_service""#), "{json}");
        let back: UploadState = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
        assert_eq!(state.done_bytes(), 15);
    }
}
