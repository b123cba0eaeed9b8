//! Workflow users and groups (`/api/workflow/users`, `/api/workflow/groups`). Workflow users
//! are the portal's active users (a user made or deleted through `/api/v4/users/` shows or
//! goes here too); groups hold workflow user ids.

use serde_json::{Map, Value};

use super::input::{self, Answer, answer, bad, missing, path_id};
use super::jobs::user;
use super::shape;
use crate::handlers::media::now;
use crate::request::{OpRequest, OpResponse};
use crate::store::workflow::{WorkflowGroup, new_id, same_id, workflow_user_id};
use crate::store::{State, Store};

const GROUP_NOT_FOUND: &str = "Group not found";

/// `GET /api/workflow/users/`.
pub fn users(store: &Store) -> OpResponse {
    store.read(|s| {
        OpResponse::json(Value::Array(
            s.users
                .iter()
                .filter(|u| u.active)
                .map(shape::user)
                .collect(),
        ))
    })
}

/// `GET /api/workflow/users/{id}/`: by workflow id (the portal user's id, either form).
pub fn user_by_id(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match shape::portal_user(s, &id).filter(|u| u.active) {
        Some(u) => OpResponse::json(shape::user(u)),
        None => missing("User not found"),
    })
}

/// `GET /api/workflow/groups/`: every group (a list; the definitions' schema shows one).
pub fn groups(store: &Store) -> OpResponse {
    store.read(|s| {
        OpResponse::json(Value::Array(
            s.workflow
                .groups
                .iter()
                .map(|g| shape::group(s, g))
                .collect(),
        ))
    })
}

/// `GET /api/workflow/groups/{id}/`.
pub fn group(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.read(|s| match s.workflow.group(&id) {
        Some(g) => OpResponse::json(shape::group(s, g)),
        None => missing(GROUP_NOT_FOUND),
    })
}

/// `name` and `user_ids` of a create or modify body, checked: every id a workflow user.
fn group_fields(
    s: &State,
    body: &Map<String, Value>,
) -> Answer<(Option<String>, Option<Vec<String>>)> {
    let name = input::text(body, "name")?;
    if name.as_deref().is_some_and(str::is_empty) {
        return Err(bad("name must not be empty"));
    }
    let users = match input::ids(body, "user_ids")? {
        None => None,
        Some(ids) => {
            let mut users: Vec<String> = Vec::with_capacity(ids.len());
            for id in ids {
                let id = user(s, "user_ids", &id)?;
                if !users.contains(&id) {
                    users.push(id);
                }
            }
            Some(users)
        }
    };
    Ok((name, users))
}

/// `POST /api/workflow/groups/`: `name` required, `user_ids` optional. 200 with the new
/// group (its `ID` is what later calls take).
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        input::required(&body, "name")?;
        let creator = workflow_user_id(&req.principal.user_id);
        store.write(|s| {
            let (name, users) = group_fields(s, &body)?;
            if s.workflow.groups.iter().any(|g| {
                name.as_deref()
                    .is_some_and(|n| g.name.eq_ignore_ascii_case(n))
            }) {
                return Err(bad("A group with this name exists already"));
            }
            let group = WorkflowGroup {
                id: new_id(&mut s.rng),
                name: name.unwrap_or_default(),
                created_by: creator,
                created: now(),
                user_ids: users.unwrap_or_default(),
            };
            let answer = shape::group(s, &group);
            s.workflow.groups.push(group);
            Ok(OpResponse::json(answer))
        })
    })())
}

/// `PUT /api/workflow/groups/{id}/`: a new `name` and/or the full list of `user_ids`. 200
/// with the group as it is now.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let body = input::body(req)?;
        let id = path_id(req);
        store.write(|s| {
            if s.workflow.group(&id).is_none() {
                return Err(missing(GROUP_NOT_FOUND));
            }
            let (name, users) = group_fields(s, &body)?;
            let taken = name.as_deref().is_some_and(|n| {
                s.workflow
                    .groups
                    .iter()
                    .any(|g| !same_id(&g.id, &id) && g.name.eq_ignore_ascii_case(n))
            });
            if taken {
                return Err(bad("A group with this name exists already"));
            }
            let Some(group) = s.workflow.groups.iter_mut().find(|g| same_id(&g.id, &id)) else {
                return Err(missing(GROUP_NOT_FOUND));
            };
            if let Some(name) = name {
                group.name = name;
            }
            if let Some(users) = users {
                group.user_ids = users;
            }
            let group = group.clone();
            Ok(OpResponse::json(shape::group(s, &group)))
        })
    })())
}

/// `DELETE /api/workflow/groups/{id}/`: 204; stages it was responsible for fall back to
/// their job's accountable user.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req);
    store.write(|s| {
        let Some(group_id) = s.workflow.group(&id).map(|g| g.id.clone()) else {
            return missing(GROUP_NOT_FOUND);
        };
        s.workflow.groups.retain(|g| g.id != group_id);
        let gone = Some(crate::store::workflow::Responsible::Group(group_id));
        for stage in s.workflow.jobs.iter_mut().flat_map(|j| j.stages.iter_mut()) {
            if stage.responsible == gone {
                stage.responsible = None;
            }
        }
        OpResponse::no_content()
    })
}
