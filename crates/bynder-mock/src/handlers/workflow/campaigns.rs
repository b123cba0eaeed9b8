//! Campaigns (`/api/workflow/campaigns`): list, create, retrieve, modify, close, delete. A
//! campaign owns its jobs: deleting it deletes them, and a closed one takes no new jobs.

use serde_json::{Map, Value, json};

use super::catalog::check_values;
use super::input::{self, Answer, answer, bad, missing, path_id};
use super::shape;
use crate::handlers::media::now;
use crate::request::{OpRequest, OpResponse};
use crate::store::workflow::{Campaign, hex32, new_id, workflow_user_id};
use crate::store::{State, Store, Time};

pub const NOT_FOUND: &str = "Campaign not found";

/// `GET /api/workflow/campaigns/`: every campaign, oldest first.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    store.read(|s| {
        let all: Vec<Value> = s
            .workflow
            .campaigns
            .iter()
            .map(|c| shape::campaign(s, c, &req.base_url))
            .collect();
        OpResponse::json(Value::Array(all))
    })
}

/// `GET /api/workflow/campaigns/{id}/`.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.campaign(&id) {
        Some(c) => OpResponse::json(shape::campaign(s, c, &req.base_url)),
        None => missing(NOT_FOUND),
    })
}

/// The fields a create or modify call sent; `None` for those it left out.
struct Fields {
    name: Option<String>,
    key: Option<String>,
    description: Option<String>,
    date_start: Option<Option<Time>>,
    deadline: Option<Option<Time>>,
    closed: Option<bool>,
    responsible: Option<String>,
    values: Option<std::collections::BTreeMap<String, String>>,
}

fn fields(body: &Map<String, Value>) -> Answer<Fields> {
    Ok(Fields {
        name: input::text(body, "name")?,
        key: input::text(body, "key")?,
        description: input::text(body, "description")?,
        date_start: input::date(body, "dateStart")?,
        deadline: input::date(body, "deadline")?,
        closed: crate::handlers::params::body_flag(body, "closed")?,
        responsible: input::text(body, "responsibleID")?.filter(|v| !v.is_empty()),
        values: input::values(body, "campaignMetaproperties")?,
    })
}

/// Applies the fields sent to `c` (a copy), checking them against the rest of the state.
fn apply(s: &State, c: &mut Campaign, f: Fields) -> Answer<()> {
    if let Some(name) = f.name {
        if name.is_empty() {
            return Err(bad("name must not be empty"));
        }
        c.name = name;
    }
    if let Some(key) = f.key {
        if key.is_empty() {
            return Err(bad("key must not be empty"));
        }
        let taken = s
            .workflow
            .campaigns
            .iter()
            .any(|other| other.id != c.id && other.key.eq_ignore_ascii_case(&key));
        if taken {
            return Err(bad(&format!("A campaign with key '{key}' exists already")));
        }
        c.key = key;
    }
    if let Some(description) = f.description {
        c.description = description;
    }
    if let Some(start) = f.date_start {
        c.date_start = start;
    }
    if let Some(deadline) = f.deadline {
        c.deadline = deadline;
    }
    if let (Some(start), Some(deadline)) = (c.date_start, c.deadline) {
        if deadline < start {
            return Err(bad("deadline must not be before dateStart"));
        }
    }
    if let Some(closed) = f.closed {
        c.closed = closed;
    }
    if let Some(id) = f.responsible {
        if shape::portal_user(s, &id).is_none() {
            return Err(bad(&format!("responsibleID '{id}' is not a workflow user")));
        }
        c.responsible_id = Some(workflow_user_id(&id));
    }
    if let Some(values) = f.values {
        c.metaproperties = check_values(s, values, "campaign", "campaignMetaproperties")?;
    }
    Ok(())
}

/// `POST /api/workflow/campaigns/`: `name` and `key` required. 201 `{"id": <32 hex>}` with
/// the new campaign's URL in `Location`.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        input::required(&body, "name")?;
        input::required(&body, "key")?;
        let fields = fields(&body)?;
        let creator = workflow_user_id(&req.principal.user_id);
        store.write(|s| {
            let now = now();
            let mut c = Campaign {
                id: new_id(&mut s.rng),
                name: String::new(),
                key: String::new(),
                description: String::new(),
                date_start: None,
                deadline: None,
                closed: false,
                responsible_id: None,
                created_by: creator,
                preset_id: None,
                created: now,
                modified: now,
                metaproperties: Default::default(),
            };
            apply(s, &mut c, fields)?;
            let location = format!("{}/api/workflow/campaigns/{}/", req.base_url, c.id);
            let id = hex32(&c.id);
            s.workflow.campaigns.push(c);
            Ok(OpResponse::status_json(201, json!({ "id": id })).with_header("Location", location))
        })
    })())
}

/// `PUT /api/workflow/campaigns/{id}/`: the fields sent change, the others stay. 201
/// `{"id"}`, as documented.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let fields = fields(&input::body(req)?)?;
        let id = path_id(req);
        store.write(|s| {
            let mut c = s
                .workflow
                .campaign(&id)
                .cloned()
                .ok_or_else(|| missing(NOT_FOUND))?;
            apply(s, &mut c, fields)?;
            c.modified = now();
            let answer_id = hex32(&c.id);
            if let Some(slot) = s.workflow.campaign_mut(&id) {
                *slot = c;
            }
            Ok(OpResponse::status_json(201, json!({ "id": answer_id })))
        })
    })())
}

/// `DELETE /api/workflow/campaigns/{id}/`: the campaign and its jobs. 204.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.write(|s| {
        let Some(campaign_id) = s.workflow.campaign(&id).map(|c| c.id.clone()) else {
            return missing(NOT_FOUND);
        };
        s.workflow.campaigns.retain(|c| c.id != campaign_id);
        s.workflow.jobs.retain(|j| j.campaign_id != campaign_id);
        OpResponse::no_content()
    })
}

/// `POST /api/workflow/campaigns/{id}/`: closes the campaign. 204, again for a closed one.
pub fn close(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.write(|s| match s.workflow.campaign_mut(&id) {
        Some(c) => {
            c.closed = true;
            c.modified = now();
            OpResponse::no_content()
        }
        None => missing(NOT_FOUND),
    })
}
