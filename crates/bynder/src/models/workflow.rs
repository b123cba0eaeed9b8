//! Workflow ("API v5": campaigns, jobs, presets, groups, users, metaproperties; OAS wf-*).
//!
//! The service spells its keys inconsistently on purpose (`ID` on campaigns, `id` on jobs,
//! `fullname` on users but `fullName` in groups), so every key is named as sent and decoded
//! and encoded under that one spelling.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A campaign (`campaigns.get`, items of `campaigns.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Campaign {
    /// Id, as returned (8-4-4-4-12).
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Short key, e.g. `excp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Closed campaigns take no new jobs.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub closed: Option<bool>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_start: Option<BynderDate>,
    /// Deadline (a date without a zone, `2017-03-03T00:00:00`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<BynderDate>,
    /// Account id.
    #[serde(
        rename = "accountID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_id: Option<String>,
    /// Preset id.
    #[serde(
        rename = "presetID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub preset_id: Option<String>,
    /// Id of the workflow user who created it.
    #[serde(
        rename = "createdByID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<String>,
    /// Id of the responsible workflow user.
    #[serde(
        rename = "responsibleID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub responsible_id: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Thumbnail URL.
    #[serde(rename = "thumbnailURL", skip_serializing_if = "Option::is_none")]
    pub thumbnail_url: Option<String>,
    /// Metaproperty values by metaproperty id.
    #[serde(deserialize_with = "object", skip_serializing_if = "Map::is_empty")]
    pub campaign_metaproperties: Map<String, Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A job (`jobs.get`, items of `jobs.list` and `campaigns.jobs`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Job {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<BynderDate>,
    /// Id of the workflow user who created it.
    #[serde(
        rename = "createdByID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<String>,
    /// Id of the accountable workflow user.
    #[serde(
        rename = "accountableID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub accountable_id: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Whether the job follows a preset; text (`"true"`) in the definitions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub based_on_preset: Option<String>,
    /// Preset id.
    #[serde(
        rename = "presetID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub preset_id: Option<String>,
    /// Campaign id.
    #[serde(
        rename = "campaignID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub campaign_id: Option<String>,
    /// Minutes booked on the job.
    #[serde(
        deserialize_with = "crate::lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub booked_minutes: Option<f64>,
    /// Job key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_key: Option<String>,
    /// When the job was finished.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_finished: Option<BynderDate>,
    /// Who finished (or re-finished) it and when.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub job_finished_history: Vec<JobFinish>,
    /// Every stage of the job.
    #[serde(rename = "job_stages", skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<JobStageRef>,
    /// The stage before the active one.
    #[serde(rename = "job_previous_stage", skip_serializing_if = "Option::is_none")]
    pub previous_stage: Option<JobStageRef>,
    /// The active stage.
    #[serde(rename = "job_active_stage", skip_serializing_if = "Option::is_none")]
    pub active_stage: Option<JobStageRef>,
    /// The stage after the active one.
    #[serde(rename = "job_next_stage", skip_serializing_if = "Option::is_none")]
    pub next_stage: Option<JobStageRef>,
    /// Metaproperty values by metaproperty id.
    #[serde(deserialize_with = "object", skip_serializing_if = "Map::is_empty")]
    pub job_metaproperties: Map<String, Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A stage as a [`Job`] refers to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JobStageRef {
    /// Stage id.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Position; text (`"1"`) in the definitions.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<String>,
    /// Status, e.g. `Active`, `Approved`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One finish of a [`Job`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct JobFinish {
    /// Id of the user who finished the job.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<BynderDate>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A stage of a job (items of `jobs.stages`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct JobStage {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<BynderDate>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Id of the workflow user who created it.
    #[serde(
        rename = "createdByID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<String>,
    /// Status (`Active`, `Approved`, `NeedsChanges`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Position from 1.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// The responsible user or group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<StageResponsible>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Who is responsible for a [`JobStage`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct StageResponsible {
    /// User or group id.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// `user` or `group`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A file attached to a job (items of `jobs.media`), later versions under `sub_versions`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct JobMedia {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// File name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Who uploaded it.
    #[serde(rename = "uploader_name", skip_serializing_if = "Option::is_none")]
    pub uploader_name: Option<String>,
    /// The job's accountable user.
    #[serde(rename = "responsible_name", skip_serializing_if = "Option::is_none")]
    pub responsible_name: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// `landscape`, `portrait` or `square`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<String>,
    /// URL of the original file.
    #[serde(rename = "original_url", skip_serializing_if = "Option::is_none")]
    pub original_url: Option<String>,
    /// Review status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Id of the file this one is a version of.
    #[serde(
        rename = "versionParentID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub version_parent_id: Option<String>,
    /// Version number.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub version: Option<u64>,
    /// Preview images.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previews: Vec<JobMediaPreview>,
    /// Later versions.
    #[serde(rename = "sub_versions", skip_serializing_if = "Vec::is_empty")]
    pub sub_versions: Vec<JobMedia>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A preview image of a [`JobMedia`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JobMediaPreview {
    /// `thumbnail`, `preview`, `activity`...
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A job preset with its stages (`job_presets.get`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JobPreset {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// FTP settings, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ftp_settings: Option<String>,
    /// Workflow UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wf_uuid: Option<String>,
    /// The stages. The definitions' schema shows one stage object, their example and the
    /// portal a list; both decode (one object as a list of one).
    #[serde(
        deserialize_with = "preset_stages",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub presetstages: Vec<PresetStage>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A stage of a [`JobPreset`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct PresetStage {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Position, as text (`"1.0"`).
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<String>,
    /// Who may edit the stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editable_by: Option<String>,
    /// Group the stage is restricted to.
    #[serde(
        rename = "restrictToGroupID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub restrict_to_group_id: Option<String>,
    /// Stage type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Responsible workflow user.
    #[serde(
        rename = "responsibleID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub responsible_id: Option<String>,
    /// Responsible workflow group.
    #[serde(
        rename = "responsibleGroupID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub responsible_group_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `presetstages` as a list, or one stage object as a list of one; `null` is empty.
fn preset_stages<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<PresetStage>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stages {
        Many(Vec<PresetStage>),
        One(Box<PresetStage>),
        Null(()),
    }
    Ok(match Stages::deserialize(deserializer)? {
        Stages::Many(stages) => stages,
        Stages::One(stage) => vec![*stage],
        Stages::Null(()) => Vec::new(),
    })
}

/// An object's members; anything else (PHP answers an empty map as `[]`) is no members.
fn object<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Map<String, Value>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Object(map) => map,
        _ => Map::new(),
    })
}

/// The portal user behind a workflow user or group member.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowBynderUser {
    /// Id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Name infix (`van`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infix: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A workflow user (`workflow_users.get`, items of `workflow_users.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct WorkflowUser {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Full name (`fullname` here, `fullName` in groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fullname: Option<String>,
    /// The portal user.
    #[serde(rename = "BynderUser", skip_serializing_if = "Option::is_none")]
    pub bynder_user: Option<WorkflowBynderUser>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A user as a [`WorkflowGroup`] lists it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowGroupMember {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The portal user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bynder_user: Option<WorkflowBynderUser>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A workflow group with its users (`workflow_groups.get`, items of `workflow_groups.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowGroup {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Account id.
    #[serde(
        rename = "accountID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_id: Option<String>,
    /// Id of the workflow user who created it.
    #[serde(
        rename = "createdByID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// The members. Kept when empty: an empty group answers `"users": []`.
    pub users: Vec<WorkflowGroupMember>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Who created a workflow metaproperty or option.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowCreator {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A metaproperty of jobs or campaigns (`workflow_metaproperties.get`, items of
/// `workflow_metaproperties.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowMetaproperty {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Short name, e.g. `JOB-9`.
    #[serde(rename = "short_name", skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Exported; text (`"false"`) in the definitions.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub export: Option<String>,
    /// Export name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_name: Option<String>,
    /// Who removed it.
    #[serde(rename = "removed_by", skip_serializing_if = "Option::is_none")]
    pub removed_by: Option<String>,
    /// Metaproperty it depends on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependency: Option<String>,
    /// Value of the dependency that shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependency_value: Option<String>,
    /// Linked asset bank metaproperty.
    #[serde(
        rename = "assetbank_metaproperty",
        skip_serializing_if = "Option::is_none"
    )]
    pub assetbank_metaproperty: Option<String>,
    /// Position.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Default.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub default: Option<bool>,
    /// Required.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub required: Option<bool>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Type, e.g. `select`, `text`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `job` or `campaign`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Who created it.
    #[serde(rename = "created_by", skip_serializing_if = "Option::is_none")]
    pub created_by: Option<WorkflowCreator>,
    /// Options of a select.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<WorkflowMetapropertyOption>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An option of a [`WorkflowMetaproperty`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkflowMetapropertyOption {
    /// Id, as returned.
    #[serde(
        rename = "ID",
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Position.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Default.
    #[serde(
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub default: Option<bool>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Id of its metaproperty.
    #[serde(
        rename = "metapropertyID",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperty_id: Option<String>,
    /// Who created it.
    #[serde(rename = "created_by", skip_serializing_if = "Option::is_none")]
    pub created_by: Option<WorkflowCreator>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_preset_with_one_stage_object_decodes_as_a_list_of_one() {
        // The definitions' schema types `presetstages` as one object.
        let one: JobPreset = serde_json::from_value(json!({
            "ID": "p1", "presetstages": {"ID": "s1", "position": "1.0", "type": "approval"}
        }))
        .unwrap();
        assert_eq!(one.presetstages.len(), 1);
        assert_eq!(one.presetstages[0].id, "s1");
        assert_eq!(one.presetstages[0].kind.as_deref(), Some("approval"));
        let none: JobPreset =
            serde_json::from_value(json!({"ID": "p2", "presetstages": null})).unwrap();
        assert!(none.presetstages.is_empty());
    }

    #[test]
    fn metaproperty_values_sent_as_an_empty_list_are_no_values() {
        let campaign: Campaign = serde_json::from_value(json!({
            "ID": 7, "closed": "1", "campaignMetaproperties": []
        }))
        .unwrap();
        assert_eq!(campaign.id, "7");
        assert_eq!(campaign.closed, Some(true));
        assert!(campaign.campaign_metaproperties.is_empty());
        let job: Job =
            serde_json::from_value(json!({"id": "j", "jobMetaproperties": {"m": "o"}})).unwrap();
        assert_eq!(job.job_metaproperties["m"], "o");
    }
}
