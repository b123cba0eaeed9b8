//! Parameter types written by hand, each with its reason: parameters Bynder's definitions do not
//! describe (operations known only from `reference/bynder-api.md` and the official SDKs), and
//! the few whose documented type is the wire text rather than what a caller holds (a
//! comma-separated list documented as `string`). They win over the generated
//! `param_types.rs`; `tests/param_types_table.rs` fails when one names an unknown operation or
//! parameter, or says what the definitions already say.

use super::ParamType::{self, Boolean, Integer, Object, String, StringList};

/// One hand-written parameter type.
#[derive(Debug, Clone, Copy)]
pub struct Override {
    /// Operation name (`tags.list`).
    pub operation: &'static str,
    /// The parameter, as the table spells it.
    pub param: &'static str,
    /// Its type.
    pub ty: ParamType,
    /// Why it is written by hand.
    pub reason: &'static str,
}

const fn o(
    operation: &'static str,
    param: &'static str,
    ty: ParamType,
    reason: &'static str,
) -> Override {
    Override {
        operation,
        param,
        ty,
        reason,
    }
}

const TAGS: &str = "tags.list is in no definition file; bynder-api.md §5.2 (C# GetTagsQuery)";
const CSV: &str = "documented as string, sent as a comma-separated list (bynder-api.md §3.1)";
const JSON_LIST: &str = "a JSON-serialised list of ids in a form field (bynder-api.md §3.1)";
const JSON_OBJECT: &str =
    "documented as \"JSON-serialised string\": the object it serialises (bynder-api.md §3.1)";
const S3_FORM: &str = "the S3 register call without the id in the path is in no definition \
                       file; the same fields as upload.s3_register (bynder-api.md §6.1 step 3B)";
const JOB_UPLOAD: &str = "documented under a mis-keyed path (bynder-api.md §5.8): JSON {fileId, name, fileSize, assetId}";
const RESPONSIBLE: &str = "the definitions misspell it `resonsibleIDs`; a comma-separated list of \
                           user ids (bynder-api.md §5.8, Java JobQuery)";

/// The hand-written types, sorted by operation and parameter.
pub static OVERRIDES: &[Override] = &[
    o("campaigns.jobs", "accountableIDs", StringList, CSV),
    o("campaigns.jobs", "resonsibleIDs", StringList, CSV),
    o("campaigns.jobs", "responsibleIDs", StringList, RESPONSIBLE),
    o("campaigns.jobs", "status", StringList, CSV),
    o("collections.list", "ids", StringList, CSV),
    o("collections.media_add", "data", StringList, JSON_LIST),
    o("collections.media_remove", "deleteIds", StringList, CSV),
    o("collections.share", "groups", StringList, CSV),
    o("collections.share", "profiles", StringList, CSV),
    o("collections.share", "recipients", StringList, CSV),
    o("jobs.list", "accountableIDs", StringList, CSV),
    o("jobs.list", "resonsibleIDs", StringList, CSV),
    o("jobs.list", "responsibleIDs", StringList, RESPONSIBLE),
    o("jobs.list", "status", StringList, CSV),
    o("jobs.upload", "assetId", String, JOB_UPLOAD),
    o("jobs.upload", "fileId", String, JOB_UPLOAD),
    o("jobs.upload", "fileSize", Integer, JOB_UPLOAD),
    o("jobs.upload", "name", String, JOB_UPLOAD),
    o(
        "media.modify",
        "customThumbnailFileId",
        String,
        "added 2025-05, after the definitions: a Files Service file id (bynder-api.md §5.1)",
    ),
    o(
        "media.modify",
        "removeCustomThumbnail",
        Boolean,
        "added 2025-05, after the definitions: `removeCustomThumbnail=true` (bynder-api.md §5.1)",
    ),
    o("metaproperties.create", "data", Object, JSON_OBJECT),
    o("metaproperties.create_option", "data", Object, JSON_OBJECT),
    o("metaproperties.modify", "data", Object, JSON_OBJECT),
    o("metaproperties.modify_option", "data", Object, JSON_OBJECT),
    o("metaproperties.options_by_ids", "ids", StringList, CSV),
    o("tags.add_media", "data", StringList, JSON_LIST),
    o("tags.list", "keyword", String, TAGS),
    o("tags.list", "limit", Integer, TAGS),
    o("tags.list", "mincount", Integer, TAGS),
    o("tags.list", "orderBy", String, TAGS),
    o("tags.list", "page", Integer, TAGS),
    o(
        "tags.remove_media",
        "deleteIds",
        StringList,
        "in no definition file: a comma-separated list of media ids (bynder-api.md §5.2)",
    ),
    o(
        "transformations.get",
        "focuspoint",
        StringList,
        "documented as string, an `x,y` pair: a two-item list is sent comma-separated",
    ),
    o(
        "upload.finalise",
        "sha256",
        String,
        "the whole-file SHA-256 (hex) the Files Service checks; the definitions omit it \
         (bynder-api.md §6.2)",
    ),
    o(
        "upload.s3_register",
        "id",
        String,
        "the upload id, sent in the body as well as the path (bynder-api.md §6.1 step 3B)",
    ),
    o("upload.s3_register_form", "chunkNumber", Integer, S3_FORM),
    o("upload.s3_register_form", "chunks", Integer, S3_FORM),
    o("upload.s3_register_form", "filename", String, S3_FORM),
    o("upload.s3_register_form", "id", String, S3_FORM),
    o(
        "upload.s3_register_form",
        "original_filename",
        String,
        S3_FORM,
    ),
    o("upload.s3_register_form", "s3_filename", String, S3_FORM),
    o("upload.s3_register_form", "targetid", String, S3_FORM),
    o(
        "upload.save_additional",
        "targetid",
        String,
        "the definitions spell it `targetId`; the SDKs send `targetid` (bynder-api.md §6.1 step 4b)",
    ),
    o(
        "users.create",
        "active",
        Boolean,
        "documented as integer, a 1/0 flag (bynder-api.md §5.6); booleans travel as 1/0",
    ),
    o("users.create", "groupIds", StringList, CSV),
    o(
        "users.create",
        "termsAccepted",
        Boolean,
        "users.modify documents it as boolean; the create call takes the same fields",
    ),
    o(
        "users.modify",
        "active",
        Boolean,
        "documented as integer, a 1/0 flag (bynder-api.md §5.6); booleans travel as 1/0",
    ),
    o("users.modify", "groupIds", StringList, CSV),
];
