//! The workflow objects the mock keeps. Ids are stored in RFC 4122 form, lower case, as the
//! workflow examples spell them; clients may send them with or without dashes, in any case.

use std::collections::BTreeMap;

use rand::Rng;
use rand::rngs::StdRng;

use crate::store::Time;

/// The statuses a stage can have (OAS wf-jobs `activeStage.status`).
pub const STAGE_STATUSES: &[&str] = &["Idle", "Active", "Cancelled", "Approved", "NeedsChanges"];

/// The statuses of a file attached to a job (§7.6).
pub const MEDIA_STATUSES: &[&str] = &[
    "AwaitingApproval",
    "Processing",
    "Approved",
    "Rejected",
    "Failed",
    "Done",
];

/// A new workflow id (RFC 4122, lower case) drawn from `rng`.
pub fn new_id(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random())
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// The 32 lower-case hex digits of an id, whatever its spelling: the key ids compare by.
pub fn id_key(id: &str) -> String {
    id.trim()
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether two spellings name the same id (`8-4-4-4-12`, 32 hex digits, ColdFusion form).
pub fn same_id(a: &str, b: &str) -> bool {
    id_key(a) == id_key(b)
}

/// The 32-hex spelling some workflow answers use (campaign create, job upload).
pub fn hex32(id: &str) -> String {
    id_key(id)
}

/// The id workflow gives a portal user: the user's id in RFC 4122 form.
pub fn workflow_user_id(portal_user_id: &str) -> String {
    bynder::id::BynderId::parse(portal_user_id).map_or_else(
        |_| portal_user_id.to_ascii_lowercase(),
        |id| id.to_rfc4122(),
    )
}

/// A campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    /// Short code; job keys start with it.
    pub key: String,
    pub description: String,
    pub date_start: Option<Time>,
    pub deadline: Option<Time>,
    pub closed: bool,
    /// Workflow user id.
    pub responsible_id: Option<String>,
    pub created_by: String,
    pub preset_id: Option<String>,
    pub created: Time,
    pub modified: Time,
    /// Metaproperty id → value (text, or comma-separated option ids).
    pub metaproperties: BTreeMap<String, String>,
}

/// Who is responsible for a stage.
#[derive(Debug, Clone, PartialEq)]
pub enum Responsible {
    /// A workflow user id.
    User(String),
    /// A workflow group id.
    Group(String),
}

/// One stage of a job.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    /// The preset stage it was made from.
    pub preset_stage_id: Option<String>,
    pub name: String,
    pub description: String,
    pub deadline: Option<Time>,
    pub created: Time,
    pub created_by: String,
    /// One of [`STAGE_STATUSES`].
    pub status: String,
    /// 1-based.
    pub position: u32,
    pub responsible: Option<Responsible>,
}

/// A file attached to a job.
#[derive(Debug, Clone, PartialEq)]
pub struct JobMedia {
    pub id: String,
    pub filename: String,
    /// Workflow user id of the uploader.
    pub uploader_id: String,
    pub created: Time,
    pub modified: Time,
    /// One of [`MEDIA_STATUSES`].
    pub status: String,
    /// `square`, `landscape` or `portrait`.
    pub orientation: String,
    /// Version number within its chain, 1 for a first upload.
    pub version: u32,
    /// The first version of the chain this file continues.
    pub parent_id: Option<String>,
    /// Size in bytes.
    pub size: u64,
}

/// A job.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: String,
    pub name: String,
    pub description: String,
    pub deadline: Option<Time>,
    pub campaign_id: String,
    /// Workflow user id.
    pub accountable_id: String,
    pub preset_id: Option<String>,
    pub created_by: String,
    pub created: Time,
    pub modified: Time,
    /// `<campaign key>-<n>`.
    pub key: String,
    pub booked_minutes: u32,
    /// When the job was last finished; `None` while open.
    pub finished: Option<Time>,
    /// Every finish: (workflow user id, when).
    pub finished_history: Vec<(String, Time)>,
    pub metaproperties: BTreeMap<String, String>,
    pub stages: Vec<Stage>,
    /// Index in `stages` of the stage the job is on.
    pub active: usize,
    pub media: Vec<JobMedia>,
}

impl Job {
    /// The stage the job is on.
    pub fn active_stage(&self) -> Option<&Stage> {
        self.stages.get(self.active)
    }

    /// The stage before it.
    pub fn previous_stage(&self) -> Option<&Stage> {
        self.active.checked_sub(1).and_then(|i| self.stages.get(i))
    }

    /// The stage after it.
    pub fn next_stage(&self) -> Option<&Stage> {
        self.stages.get(self.active + 1)
    }

    /// Whether the job is on its last stage.
    pub fn on_last_stage(&self) -> bool {
        self.active + 1 >= self.stages.len()
    }
}

/// One stage of a preset.
#[derive(Debug, Clone, PartialEq)]
pub struct PresetStage {
    pub id: String,
    pub name: String,
    pub description: String,
    /// 1-based.
    pub position: u32,
    /// `all` or `responsible`.
    pub editable_by: String,
    pub restrict_to_group_id: Option<String>,
    /// `upload`, `approve`, `download`...
    pub kind: String,
    pub responsible_id: Option<String>,
    pub responsible_group_id: Option<String>,
}

/// A job preset: the stages a job made from it goes through.
#[derive(Debug, Clone, PartialEq)]
pub struct JobPreset {
    pub id: String,
    pub name: String,
    /// The preset's workflow definition id.
    pub wf_uuid: String,
    pub stages: Vec<PresetStage>,
}

/// A workflow group of portal users.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowGroup {
    pub id: String,
    pub name: String,
    pub created_by: String,
    pub created: Time,
    /// Workflow user ids.
    pub user_ids: Vec<String>,
}

/// An option of a workflow metaproperty.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowOption {
    pub id: String,
    pub label: String,
    pub position: u32,
    pub default: bool,
    pub created: Time,
}

/// A metaproperty of jobs or campaigns.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowMetaproperty {
    pub id: String,
    pub label: String,
    /// `JOB-9`, `CAMPAIGN-2`...
    pub short_name: String,
    pub description: String,
    pub position: u32,
    /// `select`, `text`, `date`...
    pub kind: String,
    pub required: bool,
    /// `job` or `campaign`.
    pub entity: String,
    /// Workflow user id of its creator.
    pub created_by: String,
    pub created: Time,
    pub options: Vec<WorkflowOption>,
}
