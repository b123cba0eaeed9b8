//! How a job moves: `PUT /api/workflow/jobs/{id}/` changes its fields and the status of its
//! previous, active and next stages, and `PATCH .../finish` finishes it on its last stage.
//!
//! The active stage's status drives the job: `Approved` moves it to the next stage (on the
//! last stage it finishes the job), `NeedsChanges` sends it back to the previous stage, and
//! any status but `Approved` re-opens a finished job.

use serde_json::{Map, Value, json};

use super::catalog::check_values;
use super::input::{self, Answer, answer, bad, missing, path_id};
use super::jobs::{NOT_FOUND, open_campaign, user};
use crate::handlers::media::now;
use crate::request::{OpRequest, OpResponse};
use crate::store::workflow::{Job, STAGE_STATUSES, advance, finish as finish_job, same_id};
use crate::store::{State, Store, Time};

/// A stage change sent as `activeStage`, `nextStage` or `previousStage`.
struct StageChange {
    id: Option<String>,
    deadline: Option<Option<Time>>,
    status: Option<String>,
}

fn stage_change(body: &Map<String, Value>, field: &str) -> Answer<Option<StageChange>> {
    let given = match body.get(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(given)) => given,
        Some(_) => return Err(bad(&format!("{field} must be an object"))),
    };
    let status = match input::text(given, "status")? {
        None => None,
        Some(status) => Some(
            STAGE_STATUSES
                .iter()
                .find(|known| known.eq_ignore_ascii_case(&status))
                .map(|known| (*known).to_string())
                .ok_or_else(|| {
                    bad(&format!(
                        "{field}.status '{status}' is not one of {}",
                        STAGE_STATUSES.join(", ")
                    ))
                })?,
        ),
    };
    Ok(Some(StageChange {
        id: input::text(given, "id")?.filter(|id| !id.is_empty()),
        deadline: input::date(given, "deadline")?,
        status,
    }))
}

/// The index of the stage `change` is about (`offset` from the active stage), checking that
/// the id it names, if any, is that stage's.
fn stage_index(job: &Job, field: &str, offset: isize, change: &StageChange) -> Answer<usize> {
    let index = job
        .active
        .checked_add_signed(offset)
        .filter(|i| *i < job.stages.len())
        .ok_or_else(|| bad(&format!("The job has no {field}")))?;
    if let Some(id) = &change.id {
        if !same_id(id, &job.stages[index].id) {
            return Err(bad(&format!(
                "{field}.id '{id}' is not the job's {field} ({})",
                job.stages[index].id
            )));
        }
    }
    Ok(index)
}

/// Applies the status of the active stage, moving the job as it says.
fn move_job(job: &mut Job, status: &str, user: &str, when: Time) {
    let was_finished = job.finished.is_some();
    match status {
        "Approved" if was_finished => {}
        "Approved" if job.on_last_stage() => finish_job(job, user, when),
        "Approved" => advance(job),
        "NeedsChanges" => {
            job.finished = None;
            job.stages[job.active].status = status.to_string();
            if job.active > 0 {
                job.active -= 1;
                job.stages[job.active].status = "Active".to_string();
            }
        }
        _ => {
            job.finished = None;
            job.stages[job.active].status = status.to_string();
        }
    }
}

/// The job with the changes of a PUT body applied (the store is changed by the caller).
fn changed(s: &State, mut job: Job, body: &Map<String, Value>, user_id: &str) -> Answer<Job> {
    if let Some(name) = input::text(body, "name")? {
        if name.is_empty() {
            return Err(bad("name must not be empty"));
        }
        job.name = name;
    }
    if let Some(description) = input::text(body, "description")? {
        job.description = description;
    }
    if let Some(deadline) = input::date(body, "deadline")? {
        job.deadline = deadline;
    }
    if let Some(campaign) = input::text(body, "campaignID")?.filter(|c| !c.is_empty()) {
        if s.workflow
            .campaign(&campaign)
            .is_none_or(|c| c.id != job.campaign_id)
        {
            job.campaign_id = open_campaign(s, "campaignID", &campaign)?.id;
        }
    }
    if let Some(accountable) = input::text(body, "accountableID")?.filter(|a| !a.is_empty()) {
        job.accountable_id = user(s, "accountableID", &accountable)?;
    }
    if let Some(values) = input::values(body, "jobMetaproperties")? {
        job.metaproperties = check_values(s, values, "job", "jobMetaproperties")?;
    }
    let now = now();
    // The neighbours first: the active stage's status may move the job.
    for (field, offset) in [("previousStage", -1), ("nextStage", 1)] {
        if let Some(change) = stage_change(body, field)? {
            let index = stage_index(&job, field, offset, &change)?;
            let stage = &mut job.stages[index];
            if let Some(deadline) = change.deadline {
                stage.deadline = deadline;
            }
            if let Some(status) = change.status {
                stage.status = status;
            }
        }
    }
    if let Some(change) = stage_change(body, "activeStage")? {
        let index = stage_index(&job, "activeStage", 0, &change)?;
        if let Some(deadline) = change.deadline {
            job.stages[index].deadline = deadline;
        }
        if let Some(status) = change.status {
            move_job(&mut job, &status, user_id, now);
        }
    }
    job.modified = now;
    Ok(job)
}

/// `PUT /api/workflow/jobs/{id}/`: 200 `{"status": "Updated", "job_id"}`.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        let id = path_id(req);
        let user_id = crate::store::workflow::workflow_user_id(&req.principal.user_id);
        store.write(|s| {
            let job = s
                .workflow
                .job(&id)
                .cloned()
                .ok_or_else(|| missing(NOT_FOUND))?;
            let job = changed(s, job, &body, &user_id)?;
            let job_id = job.id.clone();
            if let Some(slot) = s.workflow.job_mut(&id) {
                *slot = job;
            }
            Ok(OpResponse::json(
                json!({"status": "Updated", "job_id": job_id}),
            ))
        })
    })())
}

/// `PATCH /api/workflow/jobs/{id}/finish`: 200 `{"status": "Finished", "job_id"}`; 409 when
/// the job is finished already or not on its last stage, with Bynder's bodies.
pub fn finish(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        if let Some(status) = input::text(&body, "status")? {
            if !status.eq_ignore_ascii_case("Finished") {
                return Err(bad(&format!("status must be Finished, not '{status}'")));
            }
        }
        let id = path_id(req);
        if let Some(job_id) = input::text(&body, "job_id")?.filter(|j| !j.is_empty()) {
            if !same_id(&job_id, &id) {
                return Err(bad(&format!(
                    "job_id '{job_id}' is not the job of the path ({id})"
                )));
            }
        }
        let user_id = crate::store::workflow::workflow_user_id(&req.principal.user_id);
        store.write(|s| {
            let job = s.workflow.job_mut(&id).ok_or_else(|| missing(NOT_FOUND))?;
            let approved = job
                .active_stage()
                .is_some_and(|stage| stage.status == "Approved");
            if job.finished.is_some() || (job.on_last_stage() && approved) {
                return Err(OpResponse::status_json(
                    409,
                    json!({
                        "status": "Job already finished.",
                        "message": "Re-open the job to finish again.",
                    }),
                ));
            }
            if !job.on_last_stage() {
                return Err(OpResponse::status_json(
                    409,
                    json!({
                        "status": "Job not on last stage.",
                        "message": format!("Advance the job {} to the last stage to finish.", job.id),
                    }),
                ));
            }
            finish_job(job, &user_id, now());
            Ok(OpResponse::json(
                json!({"status": "Finished", "job_id": job.id}),
            ))
        })
    })())
}
