//! Jobs (`/api/workflow/jobs`, `/api/workflow/campaigns/{id}/jobs`): filtered, sorted lists
//! paged with `X-Pagination-*` headers, create from a preset, retrieve, delete, stages.

use std::cmp::Ordering;

use serde_json::{Map, Value, json};

use super::campaigns::NOT_FOUND as CAMPAIGN_NOT_FOUND;
use super::catalog::check_values;
use super::input::{self, Answer, answer, bad, missing, path_id};
use super::shape;
use crate::handlers::media::now;
use crate::handlers::params;
use crate::request::{OpRequest, OpResponse};
use crate::store::workflow::{
    Campaign, Job, NewJob, Responsible, STAGE_STATUSES, Workflow, new_job, same_id,
    workflow_user_id,
};
use crate::store::{State, Store, Time};

pub const NOT_FOUND: &str = "Job not found";
/// Page size when the request names none.
const DEFAULT_LIMIT: u64 = 100;

/// `GET /api/workflow/jobs/`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    answer(list_in(store, req, None))
}

/// `GET /api/workflow/campaigns/{id}/jobs/`: the same list, of one campaign.
pub fn of_campaign(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    let Some(campaign) = store.read(|s| s.workflow.campaign(&id).map(|c| c.id.clone())) else {
        return missing(CAMPAIGN_NOT_FOUND);
    };
    answer(list_in(store, req, Some(campaign)))
}

/// The filters of the job lists.
struct Filters {
    created: (Option<Time>, Option<Time>),
    modified: (Option<Time>, Option<Time>),
    deadline: (Option<Time>, Option<Time>),
    responsible: Vec<String>,
    accountable: Vec<String>,
    statuses: Vec<String>,
}

fn filters(req: &OpRequest) -> Answer<Filters> {
    let range = |from: &str, to: &str| -> Answer<(Option<Time>, Option<Time>)> {
        Ok((params::date(req, from)?, params::date(req, to)?))
    };
    let mut responsible = params::list(req, "responsibleIDs");
    responsible.extend(params::list(req, "resonsibleIDs"));
    let statuses = params::list(req, "status")
        .iter()
        .map(|status| {
            STAGE_STATUSES
                .iter()
                .find(|known| known.eq_ignore_ascii_case(status))
                .map(|known| (*known).to_string())
                .ok_or_else(|| {
                    bad(&format!(
                        "status '{status}' is not one of {}",
                        STAGE_STATUSES.join(", ")
                    ))
                })
        })
        .collect::<Answer<Vec<_>>>()?;
    Ok(Filters {
        created: range("dateCreatedFrom", "dateCreatedTo")?,
        modified: range("dateModifiedFrom", "dateModifiedTo")?,
        deadline: range("deadlineFrom", "deadlineTo")?,
        responsible,
        accountable: params::list(req, "accountableIDs"),
        statuses,
    })
}

fn within((from, to): (Option<Time>, Option<Time>), t: Option<Time>) -> bool {
    match t {
        Some(t) => from.is_none_or(|f| t >= f) && to.is_none_or(|e| t <= e),
        None => from.is_none() && to.is_none(),
    }
}

/// The users responsible for any stage of `job`: the stage's user, the members of its group,
/// or the job's accountable user for a stage without either.
fn responsible_users(wf: &Workflow, job: &Job) -> Vec<String> {
    job.stages
        .iter()
        .flat_map(|stage| match &stage.responsible {
            Some(Responsible::User(id)) => vec![id.clone()],
            Some(Responsible::Group(id)) => {
                wf.group(id).map(|g| g.user_ids.clone()).unwrap_or_default()
            }
            None => vec![job.accountable_id.clone()],
        })
        .collect()
}

fn matches(wf: &Workflow, job: &Job, f: &Filters) -> bool {
    let any = |wanted: &[String], ids: &[String]| {
        wanted.is_empty() || wanted.iter().any(|w| ids.iter().any(|id| same_id(w, id)))
    };
    within(f.created, Some(job.created))
        && within(f.modified, Some(job.modified))
        && within(f.deadline, job.deadline)
        && any(&f.accountable, std::slice::from_ref(&job.accountable_id))
        && any(&f.responsible, &responsible_users(wf, job))
        && (f.statuses.is_empty()
            || job
                .active_stage()
                .is_some_and(|stage| f.statuses.contains(&stage.status)))
}

fn compare(field: &str, a: &Job, b: &Job) -> Ordering {
    match field {
        "dateModified" => a.modified.cmp(&b.modified),
        "deadline" => a.deadline.cmp(&b.deadline),
        "name" => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        _ => a.created.cmp(&b.created),
    }
}

fn list_in(store: &Store, req: &OpRequest, campaign: Option<String>) -> Answer<OpResponse> {
    let f = filters(req)?;
    let (field, descending) = params::order_by(
        req,
        "dateCreated desc",
        &["dateCreated", "dateModified", "deadline", "name"],
    )?;
    let (limit, page) = params::limit_page(req, DEFAULT_LIMIT)?;
    Ok(store.read(|s| {
        let wf = &s.workflow;
        let mut jobs: Vec<&Job> = wf
            .jobs
            .iter()
            .filter(|j| campaign.as_ref().is_none_or(|c| &j.campaign_id == c))
            .filter(|j| matches(wf, j, &f))
            .collect();
        // The id breaks ties, so pages never overlap.
        jobs.sort_by(|a, b| {
            let order = compare(&field, a, b);
            let order = if descending { order.reverse() } else { order };
            order.then_with(|| a.id.cmp(&b.id))
        });
        let total = jobs.len();
        let items: Vec<Value> = params::page_of(jobs, limit, page)
            .into_iter()
            .map(shape::job)
            .collect();
        OpResponse::json(Value::Array(items))
            .with_header("X-Pagination-TotalRecords", total.to_string())
            .with_header("X-Pagination-TotalPages", total.div_ceil(limit).to_string())
            .with_header("X-Pagination-Page", page.to_string())
            .with_header("X-Pagination-Limit", limit.to_string())
    }))
}

/// `GET /api/workflow/jobs/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.job(&id) {
        Some(job) => OpResponse::json(shape::job(job)),
        None => missing(NOT_FOUND),
    })
}

/// `GET /api/workflow/jobs/{id}/stages/`.
pub fn stages(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.job(&id) {
        Some(job) => OpResponse::json(Value::Array(
            job.stages.iter().map(|st| shape::stage(st, job)).collect(),
        )),
        None => missing(NOT_FOUND),
    })
}

/// `DELETE /api/workflow/jobs/{id}/`: 204.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.write(|s| {
        let before = s.workflow.jobs.len();
        s.workflow.jobs.retain(|j| !same_id(&j.id, &id));
        if s.workflow.jobs.len() == before {
            missing(NOT_FOUND)
        } else {
            OpResponse::no_content()
        }
    })
}

/// A workflow user id sent in `field`, checked to name a portal user.
pub fn user(s: &State, field: &str, id: &str) -> Answer<String> {
    shape::portal_user(s, id)
        .map(|u| workflow_user_id(&u.id))
        .ok_or_else(|| bad(&format!("{field} '{id}' is not a workflow user")))
}

/// The open campaign whose id was sent in `field`.
pub fn open_campaign(s: &State, field: &str, id: &str) -> Answer<Campaign> {
    let campaign = s
        .workflow
        .campaign(id)
        .ok_or_else(|| bad(&format!("{field} '{id}' is not a campaign")))?;
    if campaign.closed {
        return Err(bad(&format!("Campaign '{}' is closed", campaign.name)));
    }
    Ok(campaign.clone())
}

/// `POST /api/workflow/jobs/`: `name`, `campaignID`, `accountableID` and `presetID`
/// required; the job starts on the first stage of its preset. `stages` may set the name,
/// description, responsible user or group and deadline of preset stages by
/// `preset_stage_id`. 201 `{"status": "Created", "job_id"}`.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        let name = input::required(&body, "name")?;
        let campaign_id = input::required(&body, "campaignID")?;
        let accountable = input::required(&body, "accountableID")?;
        let preset_id = input::required(&body, "presetID")?;
        let description = input::text(&body, "description")?.unwrap_or_default();
        let deadline = input::date(&body, "deadline")?.flatten();
        let values = input::values(&body, "jobMetaproperties")?;
        let creator = workflow_user_id(&req.principal.user_id);
        store.write(|s| {
            let campaign = open_campaign(s, "campaignID", &campaign_id)?;
            let accountable = user(s, "accountableID", &accountable)?;
            let preset = s
                .workflow
                .preset(&preset_id)
                .cloned()
                .ok_or_else(|| bad(&format!("presetID '{preset_id}' is not a job preset")))?;
            let values = match values {
                Some(values) => check_values(s, values, "job", "jobMetaproperties")?,
                None => Default::default(),
            };
            let number = s.workflow.job_counter + 1;
            let mut job = new_job(
                &mut s.rng,
                NewJob {
                    name: &name,
                    campaign: &campaign,
                    preset: &preset,
                    accountable,
                    created_by: creator,
                    created: now(),
                    number,
                },
            );
            job.description = description;
            job.deadline = deadline;
            job.metaproperties = values;
            stage_overrides(s, &mut job, &body)?;
            let id = job.id.clone();
            s.workflow.job_counter = number;
            s.workflow.jobs.push(job);
            Ok(OpResponse::status_json(
                201,
                json!({"status": "Created", "job_id": id}),
            ))
        })
    })())
}

/// Applies the `stages` of a create call to the stages copied from the preset.
fn stage_overrides(s: &State, job: &mut Job, body: &Map<String, Value>) -> Answer<()> {
    let invalid = || bad("stages must be a list of objects with a preset_stage_id");
    let stages = match body.get("stages") {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(stages)) => stages,
        Some(_) => return Err(invalid()),
    };
    for given in stages {
        let given = given.as_object().ok_or_else(invalid)?;
        let preset_stage = input::required(given, "preset_stage_id").map_err(|_| invalid())?;
        let stage = job
            .stages
            .iter_mut()
            .find(|st| {
                st.preset_stage_id
                    .as_deref()
                    .is_some_and(|p| same_id(p, &preset_stage))
            })
            .ok_or_else(|| {
                bad(&format!(
                    "stages: '{preset_stage}' is not a stage of the job's preset"
                ))
            })?;
        if let Some(name) = input::text(given, "name")?.filter(|n| !n.is_empty()) {
            stage.name = name;
        }
        if let Some(description) = input::text(given, "description")? {
            stage.description = description;
        }
        if let Some(deadline) = input::date(given, "deadline")? {
            stage.deadline = deadline;
        }
        if let Some(group) = input::text(given, "responsibleGroupID")?.filter(|g| !g.is_empty()) {
            let group = s.workflow.group(&group).ok_or_else(|| {
                bad(&format!(
                    "responsibleGroupID '{group}' is not a workflow group"
                ))
            })?;
            stage.responsible = Some(Responsible::Group(group.id.clone()));
        }
        if let Some(id) = input::text(given, "responsibleID")?.filter(|u| !u.is_empty()) {
            stage.responsible = Some(Responsible::User(user(s, "responsibleID", &id)?));
        }
    }
    Ok(())
}
