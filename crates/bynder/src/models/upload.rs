//! The answers of the upload steps (`reference/bynder-api.md` §6; OAS modern-stack-upload and
//! asset-upload): Files Service prepare, the S3 flow's init, register, finalise and poll, and
//! the save that turns an upload into an asset.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// `upload.prepare`: the Files Service upload just opened.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UploadPrepared {
    /// Id of the upload (RFC 4122 form): the path id of its chunks and finalise, then the
    /// import id of the save calls and the `fileId` of `jobs.upload`.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub file_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `upload.s3_init`: the ids of an S3-flow upload and the signed policy its parts are posted
/// with.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct S3Init {
    /// The upload id and target id the register and finalise calls send back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3file: Option<S3File>,
    /// Key of the uploaded file in the bucket; part `n` goes to `<s3_filename>/p<n>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_filename: Option<String>,
    /// The same key, as the target of the upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_key: Option<String>,
    /// The form fields of every part's POST to S3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multipart_params: Option<S3Policy>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The ids of an S3-flow upload (`s3file` of [`S3Init`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct S3File {
    /// Upload id (opaque): the path id of `upload.s3_register`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uploadid: Option<String>,
    /// Where the finished file goes (`final/<uuid>/<name>`): the `targetid` of register calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targetid: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The signed S3 POST policy (`multipart_params` of [`S3Init`]). Each part is posted as
/// `multipart/form-data` with these fields in this order (`key` pointing at the part), the file
/// last. Fields named in Bynder's spelling, as S3 expects them back.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct S3Policy {
    /// Canned ACL, `private`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acl: Option<String>,
    /// Status S3 answers on success, `"201"`.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub success_action_status: Option<String>,
    /// Content type the policy allows, e.g. `image/*`.
    #[serde(rename = "Content-Type", skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Object key of the upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The base64 policy document.
    #[serde(rename = "Policy", skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Signature of the policy.
    #[serde(rename = "X-Amz-Signature", skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Credential scope of the signature.
    #[serde(rename = "x-amz-credential", skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
    /// Signing algorithm, `AWS4-HMAC-SHA256`.
    #[serde(rename = "x-amz-algorithm", skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// Signing time, e.g. `20160216T100755Z`.
    #[serde(rename = "x-amz-date", skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Fields not named above (sent to S3 as well).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `upload.s3_register` and `upload.s3_register_form`: a registered part answers only
/// `status: "ok"`; a finalise (with `chunks`) answers where the file went and its `importId`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct S3Registration {
    /// `ok` for a registered part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Folder of the finished file (`final/<uuid>/`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Batch id (ColdFusion form).
    #[serde(
        rename = "batchId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub batch_id: Option<String>,
    /// Where the finished file is stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<S3Location>,
    /// Key of the finished file (`final/<uuid>/<name>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Import id to poll (`upload.s3_poll`) and save (`upload.save`).
    #[serde(
        rename = "importId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub import_id: Option<String>,
    /// Storage kind, `s3`.
    #[serde(rename = "locationType", skip_serializing_if = "Option::is_none")]
    pub location_type: Option<String>,
    /// `1` when the finalise succeeded (an integer, as documented).
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub success: Option<i64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a finalised S3 upload is stored (`file` of [`S3Registration`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct S3Location {
    /// Bucket name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// Key in the bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Storage kind, `s3`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `upload.s3_poll`: which of the polled import ids are converted, failed or were rejected;
/// an id in none of the lists is still converting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PollResult {
    /// Converted: ready to save.
    #[serde(rename = "itemsDone", deserialize_with = "crate::lenient::string_list")]
    pub items_done: Vec<String>,
    /// Failed to convert.
    #[serde(
        rename = "itemsFailed",
        deserialize_with = "crate::lenient::string_list"
    )]
    pub items_failed: Vec<String>,
    /// Refused (for instance by the virus scan).
    #[serde(
        rename = "itemsRejected",
        deserialize_with = "crate::lenient::string_list"
    )]
    pub items_rejected: Vec<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `upload.save`, `upload.save_version` and `upload.save_additional`: the asset the upload
/// became. A save sent while the file still converts is answered HTTP 303 with the status
/// envelope instead ("please poll"); its `message` and `statuscode` then land in `extra`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct SaveResult {
    /// Id of the access request the save opened, when the asset needs approval (new assets).
    #[serde(
        rename = "accessRequestId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub access_request_id: Option<String>,
    /// Id of the asset (ColdFusion form).
    #[serde(
        rename = "mediaid",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_id: Option<String>,
    /// Batch id (ColdFusion form).
    #[serde(
        rename = "batchId",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub batch_id: Option<String>,
    /// Whether the save succeeded.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub success: Option<bool>,
    /// The files made for the asset (original and derivatives); `null` for versions and
    /// additional files, which decodes as an empty list.
    #[serde(
        rename = "mediaitems",
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub media_items: Vec<SavedItem>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One file made by a save (items of `mediaitems` of [`SaveResult`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct SavedItem {
    /// Key of the stored file (`final/<id>/<name>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// URL it is served from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A list that may arrive as `null` (no items).
fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}
