//! The answers of workflow job writes (`/api/workflow/jobs/`, OAS wf-jobs-v4).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `jobs.create`, `jobs.modify` and `jobs.finish`: what happened to which job.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JobResult {
    /// `Created`, `Updated` or `Finished`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Id of the job (dashed RFC 4122 form).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub job_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `jobs.upload`: the job file made from an uploaded Files Service file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JobUpload {
    /// Id of the job file (32 hex digits), as `jobs.media` lists it.
    #[serde(
        rename = "mediaId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
