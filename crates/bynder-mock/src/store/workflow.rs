//! State of the workflow operations (`reference/bynder-api.md` §5.8, §7.6): campaigns that
//! own jobs, jobs that move through the stages copied from their preset, the files attached
//! to jobs, workflow groups of portal users, and the metaproperties of jobs and campaigns.

mod model;
mod seed;
mod transitions;

pub use model::*;
pub use seed::seed;
pub use transitions::{NewJob, advance, finish, new_job};

/// What the workflow operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Workflow {
    /// The account id every campaign and group carries.
    pub account_id: String,
    /// Campaigns, in creation order.
    pub campaigns: Vec<Campaign>,
    /// Jobs, in creation order.
    pub jobs: Vec<Job>,
    /// Job presets (templates of stages).
    pub presets: Vec<JobPreset>,
    /// Workflow groups.
    pub groups: Vec<WorkflowGroup>,
    /// Metaproperties of jobs and campaigns.
    pub metaproperties: Vec<WorkflowMetaproperty>,
    /// Jobs made so far, for the next job key.
    pub job_counter: u32,
}

impl Workflow {
    /// The campaign with this id (any spelling, see [`same_id`]).
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| same_id(&c.id, id))
    }

    /// Mutable access to a campaign.
    pub fn campaign_mut(&mut self, id: &str) -> Option<&mut Campaign> {
        self.campaigns.iter_mut().find(|c| same_id(&c.id, id))
    }

    /// The job with this id.
    pub fn job(&self, id: &str) -> Option<&Job> {
        self.jobs.iter().find(|j| same_id(&j.id, id))
    }

    /// Mutable access to a job.
    pub fn job_mut(&mut self, id: &str) -> Option<&mut Job> {
        self.jobs.iter_mut().find(|j| same_id(&j.id, id))
    }

    /// The preset with this id.
    pub fn preset(&self, id: &str) -> Option<&JobPreset> {
        self.presets.iter().find(|p| same_id(&p.id, id))
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&WorkflowGroup> {
        self.groups.iter().find(|g| same_id(&g.id, id))
    }

    /// The metaproperty with this id.
    pub fn metaproperty(&self, id: &str) -> Option<&WorkflowMetaproperty> {
        self.metaproperties.iter().find(|m| same_id(&m.id, id))
    }
}
