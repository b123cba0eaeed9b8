//! Option dependencies (`/api/v4/metaproperties/.../dependencies`, OAS options-v4): an option
//! depends on options of other metaproperties, ungrouped or in groups. Lists leave out options
//! deleted since. Errors use the `{"message", "statuscode"}` envelope, with the status as text
//! where the definitions spell it so.

use serde_json::{Map, Value, json};

use super::answer;
use crate::handlers::params::{self, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{State, Store, normalize_id};

const UNKNOWN_METAPROPERTY: &str = "Unknown metaproperty";
const UNKNOWN_OPTION: &str = "Unknown metaproperty option";
const UNKNOWN_DEPENDENCY: &str = "Unknown dependency option";
const UNKNOWN_GROUP: &str = "Unknown group";

/// An error with the status code as text (`"statuscode": "404"`), as these definitions show.
fn fail(status: u16, message: &str) -> OpResponse {
    OpResponse::status_json(
        status,
        json!({"message": message, "statuscode": status.to_string()}),
    )
}

/// `201 {"message": "Created", "statuscode": 201}`.
fn created() -> OpResponse {
    OpResponse::message(201, "Created")
}

/// The `{groupId: [...], "ungrouped": [...]}` object of an option; `None` when it has no
/// dependency left. `always_ungrouped` keeps an empty `ungrouped` list.
fn rules(s: &State, option: &str, always_ungrouped: bool) -> Option<Value> {
    let (ungrouped, groups) = s.live_dependencies(option);
    let mut map = Map::new();
    for (id, options) in groups {
        map.insert(id, json!(options));
    }
    if always_ungrouped || !ungrouped.is_empty() {
        map.insert("ungrouped".into(), json!(ungrouped));
    }
    let empty = map
        .values()
        .all(|v| v.as_array().is_some_and(Vec::is_empty));
    (always_ungrouped || !empty).then_some(Value::Object(map))
}

/// The option dependencies of every option of `mp` that has some.
fn by_option(s: &State, mp: &str) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(mp) = s.metaproperty(mp) {
        for option in &mp.options {
            if let Some(value) = rules(s, &option.id, false) {
                out.insert(option.id.clone(), value);
            }
        }
    }
    out
}

/// A refusal: status and message, rendered by the caller in its definition's style.
type Refusal = (u16, &'static str);

/// The option of the path, checked against the metaproperty of the path.
fn owner(s: &State, req: &OpRequest) -> Result<String, Refusal> {
    let option = path_id(req, "optionId");
    let metaproperty = s
        .metaproperty(&path_id(req, "id"))
        .ok_or((404, UNKNOWN_METAPROPERTY))?;
    if !metaproperty.options.iter().any(|o| o.id == option) {
        return Err((404, UNKNOWN_OPTION));
    }
    Ok(option)
}

/// A dependency option id, checked: it exists and is not the option itself.
fn dependency(s: &State, option: &str, id: &str) -> Result<String, Refusal> {
    let id = normalize_id(id);
    if !s.option_exists(&id) {
        return Err((404, UNKNOWN_DEPENDENCY));
    }
    if id == option {
        return Err((400, "An option cannot depend on itself"));
    }
    Ok(id)
}

/// [`fail`] for a [`Refusal`].
fn refuse((status, message): Refusal) -> OpResponse {
    fail(status, message)
}

/// The option ids of `data` (a JSON list in a form field), checked; duplicates dropped.
fn data(s: &State, req: &OpRequest, option: &str) -> Result<Vec<String>, OpResponse> {
    let sent = req.param("data").is_some()
        || req
            .json
            .as_ref()
            .and_then(Value::as_object)
            .is_some_and(|o| o.keys().any(|k| k.eq_ignore_ascii_case("data")));
    if !sent {
        return Err(fail(400, "No data sent"));
    }
    let ids = params::data_ids(req).map_err(|_| fail(400, "Invalid request parameters."))?;
    if ids.is_empty() {
        return Err(fail(400, "Data cannot be empty"));
    }
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = dependency(s, option, &id).map_err(refuse)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// `GET /api/v4/metaproperties/options/dependencies/`: `{mpId: {optionId: {...}}}`.
pub fn list_all(store: &Store) -> OpResponse {
    store.read(|s| {
        let mut body = Map::new();
        for mp in &s.metaproperties {
            let options = by_option(s, &mp.id);
            if !options.is_empty() {
                body.insert(mp.id.clone(), Value::Object(options));
            }
        }
        OpResponse::json(Value::Object(body))
    })
}

/// `GET /api/v4/metaproperties/{id}/options/dependencies/`: `{optionId: {...}}`.
pub fn list(store: &Store, req: &OpRequest) -> OpResponse {
    let mp = path_id(req, "id");
    store.read(|s| match s.metaproperty(&mp) {
        Some(_) => OpResponse::json(Value::Object(by_option(s, &mp))),
        None => fail(404, UNKNOWN_METAPROPERTY),
    })
}

/// `GET .../options/{optionId}/dependencies/`: the ungrouped ids, or with
/// `includeGroupedResults` the groups too.
pub fn get(store: &Store, req: &OpRequest) -> OpResponse {
    answer((|| {
        let grouped = params::flag_or(req, "includeGroupedResults", false)
            .map_err(|_| fail(400, "includeGroupedResults must be a boolean"))?;
        store.read(|s| {
            let option = owner(s, req).map_err(refuse)?;
            Ok(if grouped {
                OpResponse::json(rules(s, &option, true).unwrap_or_else(|| json!({})))
            } else {
                OpResponse::json(json!(s.live_dependencies(&option).0))
            })
        })
    })())
}

/// `POST .../options/{optionId}/dependencies/{dependencyId}/`: 201; adding one twice is fine.
pub fn add(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        // This call's definition shows its errors with a numeric status.
        let numeric = |(status, message): Refusal| OpResponse::message(status, message);
        let option = owner(s, req).map_err(numeric)?;
        let dep = dependency(
            s,
            &option,
            req.path_param("dependencyId").unwrap_or_default(),
        )
        .map_err(numeric)?;
        s.add_dependency(&option, &dep);
        Ok(created())
    }))
}

/// `DELETE .../options/{optionId}/dependencies/{dependencyId}/`: 204.
pub fn remove(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let option = owner(s, req).map_err(refuse)?;
        let dep = path_id(req, "dependencyId");
        if s.remove_dependency(&option, &dep) {
            Ok(OpResponse::no_content())
        } else {
            Err(fail(404, UNKNOWN_DEPENDENCY))
        }
    }))
}

/// `POST .../options/{optionId}/dependencies/group/`: 201 with the new group's `id`.
pub fn create_group(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let option = owner(s, req).map_err(refuse)?;
        let options = data(s, req, &option)?;
        let id = s.create_dependency_group(&option, options);
        Ok(OpResponse::status_json(
            201,
            json!({"message": "Created", "statuscode": 201, "id": id}),
        ))
    }))
}

/// `POST .../dependencies/group/{groupId}/`: replaces the group's options; 201.
pub fn modify_group(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let option = owner(s, req).map_err(refuse)?;
        let group = path_id(req, "groupId");
        if s.dependency_group_mut(&option, &group).is_none() {
            return Err(fail(404, UNKNOWN_GROUP));
        }
        let options = data(s, req, &option)?;
        if let Some(members) = s.dependency_group_mut(&option, &group) {
            *members = options;
        }
        Ok(created())
    }))
}

/// `POST .../dependencies/group/{groupId}/{dependencyId}/`: 201; adding one twice is fine.
pub fn add_to_group(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let option = owner(s, req).map_err(refuse)?;
        let group = path_id(req, "groupId");
        let dep = dependency(
            s,
            &option,
            req.path_param("dependencyId").unwrap_or_default(),
        )
        .map_err(refuse)?;
        let members = s
            .dependency_group_mut(&option, &group)
            .ok_or_else(|| fail(404, UNKNOWN_GROUP))?;
        if !members.contains(&dep) {
            members.push(dep);
        }
        Ok(created())
    }))
}

/// `DELETE .../dependencies/group/{groupId}/{dependencyId}/`: 204.
pub fn remove_from_group(store: &Store, req: &OpRequest) -> OpResponse {
    answer(store.write(|s| {
        let option = owner(s, req).map_err(refuse)?;
        let group = path_id(req, "groupId");
        let dep = path_id(req, "dependencyId");
        let members = s
            .dependency_group_mut(&option, &group)
            .ok_or_else(|| fail(404, UNKNOWN_GROUP))?;
        let before = members.len();
        members.retain(|m| *m != dep);
        if members.len() == before {
            return Err(fail(404, UNKNOWN_DEPENDENCY));
        }
        Ok(OpResponse::no_content())
    }))
}
