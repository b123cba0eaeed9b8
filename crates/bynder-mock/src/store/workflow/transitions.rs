//! How jobs are made and move: a new job from a preset, approving a stage, finishing.

use std::collections::BTreeMap;

use rand::rngs::StdRng;

use super::model::*;
use crate::store::Time;

/// What a new job is made of.
pub struct NewJob<'a> {
    pub name: &'a str,
    pub campaign: &'a Campaign,
    pub preset: &'a JobPreset,
    pub accountable: String,
    pub created_by: String,
    pub created: Time,
    /// The job's number, for its key.
    pub number: u32,
}

/// A job on the first stage of its preset: that stage active, the others idle.
pub fn new_job(rng: &mut StdRng, new: NewJob<'_>) -> Job {
    let stages = new
        .preset
        .stages
        .iter()
        .map(|ps| Stage {
            id: new_id(rng),
            preset_stage_id: Some(ps.id.clone()),
            name: ps.name.clone(),
            description: ps.description.clone(),
            deadline: None,
            created: new.created,
            created_by: new.created_by.clone(),
            status: if ps.position == 1 { "Active" } else { "Idle" }.to_string(),
            position: ps.position,
            responsible: ps
                .responsible_group_id
                .clone()
                .map(Responsible::Group)
                .or_else(|| ps.responsible_id.clone().map(Responsible::User)),
        })
        .collect();
    Job {
        id: new_id(rng),
        name: new.name.to_string(),
        description: String::new(),
        deadline: None,
        campaign_id: new.campaign.id.clone(),
        accountable_id: new.accountable,
        preset_id: Some(new.preset.id.clone()),
        created_by: new.created_by,
        created: new.created,
        modified: new.created,
        key: format!("{}-{}", new.campaign.key, new.number),
        booked_minutes: 0,
        finished: None,
        finished_history: Vec::new(),
        metaproperties: BTreeMap::new(),
        stages,
        active: 0,
        media: Vec::new(),
    }
}

/// Approves the active stage and moves the job to the next one, which becomes active. On the
/// last stage the stage is approved and the job stays there.
pub fn advance(job: &mut Job) {
    let active = job.active;
    if let Some(stage) = job.stages.get_mut(active) {
        stage.status = "Approved".to_string();
    }
    if active + 1 < job.stages.len() {
        job.active = active + 1;
        job.stages[active + 1].status = "Active".to_string();
    }
}

/// Finishes a job on its last stage: the stage is approved and the finish recorded.
pub fn finish(job: &mut Job, user: &str, when: Time) {
    if let Some(stage) = job.stages.get_mut(job.active) {
        stage.status = "Approved".to_string();
    }
    job.finished = Some(when);
    job.finished_history.push((user.to_string(), when));
    job.modified = when;
}
