//! The JSON the workflow service answers (OAS wf-* response schemas and examples,
//! `reference/bynder-api.md` §7.6). Keys are case-sensitive and inconsistent on purpose:
//! `ID` on campaigns, `id` on jobs, `fullname` on users but `fullName` in groups.
//!
//! The mock's answers are checked against the response schemas, so where a schema and its
//! example disagree the schema wins: a job's stage `position` and `basedOnPreset` are text,
//! and a value the examples show as `null` (no finish date, no parent version) is left out.

use serde_json::{Value, json};

use crate::handlers::shapes::iso_offset;
use crate::store::workflow::{
    Campaign, Job, JobMedia, JobPreset, Responsible, Stage, WorkflowGroup, WorkflowMetaproperty,
    id_key, workflow_user_id,
};
use crate::store::{State, Time, User};

/// Workflow timestamps: `2017-01-10T07:43:12+00:00`.
fn stamp(t: Time) -> Value {
    json!(iso_offset(t))
}

fn stamp_or_null(t: Option<Time>) -> Value {
    t.map_or(Value::Null, stamp)
}

/// `value` without its `null` members, at any depth: the schemas type those fields as
/// strings or lists, so an absent value is left out rather than sent as `null`.
fn compact(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, compact(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(compact).collect()),
        other => other,
    }
}

/// The portal user behind a workflow user id.
pub fn portal_user<'a>(state: &'a State, workflow_id: &str) -> Option<&'a User> {
    let key = id_key(workflow_id);
    state.users.iter().find(|u| id_key(&u.id) == key)
}

/// `First Last`, or empty for an unknown user.
pub fn user_name(state: &State, workflow_id: &str) -> String {
    portal_user(state, workflow_id).map_or_else(String::new, User::full_name)
}

/// A campaign. Its deadline is a date without a zone (`2017-03-03T00:00:00`).
pub fn campaign(state: &State, c: &Campaign, base_url: &str) -> Value {
    compact(json!({
        "ID": c.id,
        "name": c.name,
        "key": c.key,
        "description": c.description,
        "dateStart": stamp_or_null(c.date_start),
        "deadline": c.deadline.map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string()),
        "closed": c.closed,
        "responsibleID": c.responsible_id,
        "createdByID": c.created_by,
        "accountID": state.workflow.account_id,
        "presetID": c.preset_id,
        "dateCreated": stamp(c.created),
        "dateModified": stamp(c.modified),
        "thumbnailURL": format!("{base_url}/_mock/cdn/workflow/campaign/{}/500x500.jpg", id_key(&c.id)),
        "campaignMetaproperties": c.metaproperties,
    }))
}

/// A stage as a job refers to it: `{position, status, id}`.
fn stage_ref(s: &Stage) -> Value {
    json!({"position": s.position.to_string(), "status": s.status, "id": s.id})
}

/// A job with its stage references.
pub fn job(j: &Job) -> Value {
    let history: Value = if j.finished_history.is_empty() {
        Value::Null
    } else {
        j.finished_history
            .iter()
            .map(|(user, when)| json!({"userId": user, "date": iso_offset(*when)}))
            .collect()
    };
    let mut value = json!({
        "id": j.id,
        "name": j.name,
        "description": j.description,
        "deadline": stamp_or_null(j.deadline),
        "createdByID": j.created_by,
        "accountableID": j.accountable_id,
        "dateCreated": stamp(j.created),
        "dateModified": stamp(j.modified),
        "basedOnPreset": j.preset_id.is_some().to_string(),
        "presetID": j.preset_id,
        "campaignID": j.campaign_id,
        "bookedMinutes": j.booked_minutes,
        "jobKey": j.key,
        "dateFinished": stamp_or_null(j.finished),
        "jobFinishedHistory": history,
        "job_stages": j.stages.iter().map(stage_ref).collect::<Vec<_>>(),
        "jobMetaproperties": j.metaproperties,
    });
    // A job on its first (or last) stage has no previous (or next) one: the key is left out.
    for (key, stage) in [
        ("job_previous_stage", j.previous_stage()),
        ("job_active_stage", j.active_stage()),
        ("job_next_stage", j.next_stage()),
    ] {
        if let (Some(stage), Value::Object(map)) = (stage, &mut value) {
            map.insert(key.to_string(), stage_ref(stage));
        }
    }
    compact(value)
}

/// A stage as the stages list answers it; without a responsible user or group the job's
/// accountable user is responsible.
pub fn stage(s: &Stage, job: &Job) -> Value {
    let responsible = match &s.responsible {
        Some(Responsible::User(id)) => json!({"id": id, "type": "user"}),
        Some(Responsible::Group(id)) => json!({"id": id, "type": "group"}),
        None => json!({"id": job.accountable_id, "type": "user"}),
    };
    compact(json!({
        "id": s.id,
        "name": s.name,
        "description": s.description,
        "deadline": stamp_or_null(s.deadline),
        "dateCreated": stamp(s.created),
        "createdByID": s.created_by,
        "status": s.status,
        "position": s.position,
        "responsible": responsible,
    }))
}

/// A file on a job with its later versions under `sub_versions`.
pub fn media(state: &State, job: &Job, m: &JobMedia, base_url: &str) -> Value {
    let url = |variant: &str| {
        format!(
            "{base_url}/_mock/cdn/workflow/{}/{variant}.{}",
            id_key(&m.id),
            m.filename.rsplit_once('.').map_or("jpg", |(_, ext)| ext)
        )
    };
    let sub_versions: Vec<Value> = job
        .media
        .iter()
        .filter(|v| v.parent_id.as_deref() == Some(m.id.as_str()))
        .map(|v| media(state, job, v, base_url))
        .collect();
    let previews: Vec<Value> = ["thumbnail", "preview", "activity"]
        .iter()
        .map(|kind| json!({"type": kind, "url": url(kind)}))
        .collect();
    compact(json!({
        "id": m.id,
        "filename": m.filename,
        "uploader_name": user_name(state, &m.uploader_id),
        "responsible_name": user_name(state, &job.accountable_id),
        "dateCreated": stamp(m.created),
        "dateModified": stamp(m.modified),
        "orientation": m.orientation,
        "original_url": url("original"),
        "status": m.status,
        "versionParentID": m.parent_id,
        "version": m.version,
        "previews": previews,
        "sub_versions": sub_versions,
    }))
}

/// A job preset. `presetstages` is a list, one object per stage (the definitions' schema
/// shows a single stage object, which cannot hold a preset of several stages); positions
/// are text such as `"1.0"`, as in the example.
pub fn preset(p: &JobPreset) -> Value {
    let stages: Vec<Value> = p
        .stages
        .iter()
        .map(|s| {
            json!({
                "ID": s.id,
                "name": s.name,
                "description": s.description,
                "position": format!("{}.0", s.position),
                "editableBy": s.editable_by,
                "restrictToGroupID": s.restrict_to_group_id,
                "type": s.kind,
                "responsibleID": s.responsible_id,
                "responsibleGroupID": s.responsible_group_id,
            })
        })
        .collect();
    compact(json!({
        "ID": p.id,
        "name": p.name,
        "ftp_settings": "",
        "wf_uuid": p.wf_uuid,
        "presetstages": stages,
    }))
}

/// `{firstName, lastName, infix, email, id}` of a portal user.
fn bynder_user(u: &User) -> Value {
    json!({
        "firstName": u.firstname,
        "lastName": u.lastname,
        "infix": u.extra.infix,
        "email": u.email,
        "id": workflow_user_id(&u.id),
    })
}

/// A workflow user (`fullname`, `BynderUser`).
pub fn user(u: &User) -> Value {
    json!({
        "ID": workflow_user_id(&u.id),
        "fullname": u.full_name(),
        "BynderUser": bynder_user(u),
    })
}

/// A workflow group with its users (`fullName`, `bynderUser`: other spellings than the users
/// endpoints, as documented). Members whose portal user was deleted are left out.
pub fn group(state: &State, g: &WorkflowGroup) -> Value {
    let users: Vec<Value> = g
        .user_ids
        .iter()
        .filter_map(|id| portal_user(state, id))
        .map(|u| {
            json!({
                "bynderUser": bynder_user(u),
                "fullName": u.full_name(),
                "ID": workflow_user_id(&u.id),
            })
        })
        .collect();
    json!({
        "users": users,
        "accountID": state.workflow.account_id,
        "ID": g.id,
        "createdByID": g.created_by,
        "name": g.name,
        "dateCreated": iso_offset(g.created),
    })
}

/// A workflow metaproperty with its options.
pub fn metaproperty(state: &State, m: &WorkflowMetaproperty) -> Value {
    let creator = json!({"ID": m.created_by, "fullName": user_name(state, &m.created_by)});
    let options: Vec<Value> = m
        .options
        .iter()
        .map(|o| {
            json!({
                "ID": o.id,
                "position": o.position,
                "default": o.default,
                "label": o.label,
                "dateCreated": iso_offset(o.created),
                "metapropertyID": m.id,
                "created_by": creator,
            })
        })
        .collect();
    json!({
        "ID": m.id,
        "label": m.label,
        "short_name": m.short_name,
        "description": m.description,
        "export": "false",
        "position": m.position,
        "default": false,
        "dateCreated": iso_offset(m.created),
        "exportName": "",
        "type": m.kind,
        "required": m.required,
        "entity": m.entity,
        "created_by": creator,
        "options": options,
    })
}
