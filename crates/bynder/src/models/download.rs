//! Download locations (`GET /api/v4/media/{id}/download/` and its variants).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where to download a file: a temporary signed URL on the storage host (never send the Bynder
/// token there).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DownloadLocation {
    /// The temporary signed URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_file: Option<String>,
    /// The portal's download disclaimer (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
