//! Metaproperty and option writes (`reference/bynder-api.md` §5.4): create, modify and delete
//! metaproperties and their options. The fields come as a JSON object in the `data` form field
//! (a JSON string); a JSON body is accepted too. Messages are the documented ones where the
//! definitions give them.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::media::now;
use super::params::bad;
use super::params::{Param, not_found, path_id};
use crate::request::{OpRequest, OpResponse};
use crate::store::{MetaOption, Metaproperty, State, Store};

const MP_NOT_FOUND: &str = "Metaproperty not found";
const OPTION_NOT_FOUND: &str = "Meta property option not found";
/// The types the mock models: option-bearing ones and free text.
const TYPES: &[&str] = &["select", "select2", "autocomplete", "text"];

type Data = Map<String, Value>;

fn unwrap(result: Param<OpResponse>) -> OpResponse {
    match result {
        Ok(response) | Err(response) => response,
    }
}

fn created(id: Option<&str>) -> OpResponse {
    let mut body = json!({"message": "Created", "statuscode": 201});
    if let (Some(id), Value::Object(map)) = (id, &mut body) {
        map.insert("id".into(), json!(id));
    }
    OpResponse::status_json(201, body)
}

/// The `data` object: a JSON string in the form (Bynder's convention), or a JSON body with
/// or without the `data` wrapper.
fn data(req: &OpRequest) -> Param<Data> {
    if let Some(Value::Object(body)) = &req.json {
        return match body.get("data") {
            Some(Value::Object(inner)) => Ok(inner.clone()),
            Some(Value::String(text)) => parse(text),
            _ => Ok(body.clone()),
        };
    }
    match req.param("data") {
        Some(text) if !text.trim().is_empty() => parse(&text),
        _ => Err(bad("No data sent")),
    }
}

fn parse(text: &str) -> Param<Data> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(bad("Invalid JSON")),
    }
}

/// An optional string field, trimmed.
fn string(data: &Data, name: &str) -> Param<Option<String>> {
    match data.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(bad(&format!("{name} must be a string"))),
    }
}

/// An optional position: a whole number, or its text.
fn zindex(data: &Data) -> Param<Option<u32>> {
    let invalid = || bad("zindex must be a whole number");
    match data.get("zindex") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(invalid),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| invalid()),
        Some(_) => Err(invalid()),
    }
}

/// Labels per locale: an object of strings.
fn labels(data: &Data) -> Param<Option<BTreeMap<String, String>>> {
    let invalid = || bad("labels must be an object of strings");
    match data.get("labels") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                v.as_str()
                    .map(|v| (k.clone(), v.to_string()))
                    .ok_or_else(invalid)
            })
            .collect::<Result<_, _>>()
            .map(Some),
        Some(_) => Err(invalid()),
    }
}

/// The metaproperty fields a create or modify call sets.
struct MpFields {
    name: Option<String>,
    label: Option<String>,
    kind: Option<String>,
    zindex: Option<u32>,
    is_multiselect: Option<bool>,
    is_required: Option<bool>,
    is_filterable: Option<bool>,
}

impl MpFields {
    fn parse(data: &Data) -> Param<MpFields> {
        let kind = string(data, "type")?.map(|t| t.to_ascii_lowercase());
        if kind.as_deref().is_some_and(|t| !TYPES.contains(&t)) {
            return Err(bad("Invalid metaproperty type"));
        }
        // Without a `label`, the English label names it.
        let label = match string(data, "label")? {
            Some(label) => Some(label),
            None => labels(data)?.and_then(|l| l.get("en_US").cloned()),
        };
        let filterable = match super::params::body_flag(data, "isFilterable")? {
            Some(f) => Some(f),
            None => super::params::body_flag(data, "isMainfilter")?,
        };
        Ok(MpFields {
            name: string(data, "name")?,
            label,
            kind,
            zindex: zindex(data)?,
            is_multiselect: super::params::body_flag(data, "isMultiselect")?,
            is_required: super::params::body_flag(data, "isRequired")?,
            is_filterable: filterable,
        })
    }

    fn apply(self, mp: &mut Metaproperty) {
        if let Some(label) = self.label.filter(|l| !l.is_empty()) {
            mp.label = label;
        }
        if let Some(kind) = self.kind {
            mp.kind = kind;
        }
        if let Some(zindex) = self.zindex {
            mp.zindex = zindex;
        }
        if let Some(multi) = self.is_multiselect {
            mp.is_multiselect = multi;
        }
        if let Some(required) = self.is_required {
            mp.is_required = required;
        }
        if let Some(filterable) = self.is_filterable {
            mp.is_filterable = filterable;
        }
    }
}

/// `POST /api/v4/metaproperties/`: 201 with the new id. `name` and `type` are required; names
/// are unique, ignoring case.
pub fn create(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let mut fields = MpFields::parse(&data(req)?)?;
        let name = fields
            .name
            .take()
            .filter(|n| !n.is_empty())
            .ok_or_else(|| bad("Metaproperty name is required"))?;
        let kind = fields
            .kind
            .clone()
            .ok_or_else(|| bad("Invalid metaproperty type"))?;
        Ok(store.write(|s| {
            if s.metaproperties
                .iter()
                .any(|m| m.name.eq_ignore_ascii_case(&name))
            {
                return bad("Metaproperty with this name already exists");
            }
            let mut mp = Metaproperty {
                id: s.new_id(),
                label: name.clone(),
                name,
                kind,
                zindex: s.metaproperties.iter().map(|m| m.zindex).max().unwrap_or(0) + 1,
                is_multiselect: false,
                is_required: false,
                is_filterable: false,
                options: Vec::new(),
            };
            fields.apply(&mut mp);
            let id = mp.id.clone();
            s.metaproperties.push(mp);
            created(Some(&id))
        }))
    })())
}

/// `POST /api/v4/metaproperties/{id}/`: 201 "Created"; the name cannot change.
pub fn modify(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let fields = MpFields::parse(&data(req)?)?;
        let id = path_id(req, "id");
        Ok(store.write(|s| {
            let Some(mp) = s.metaproperties.iter_mut().find(|m| m.id == id) else {
                return not_found(MP_NOT_FOUND);
            };
            if fields.name.as_ref().is_some_and(|n| *n != mp.name) {
                return bad("Editing meta property name not allowed");
            }
            fields.apply(mp);
            created(None)
        }))
    })())
}

/// Removes every trace of options `ids` and text values of metaproperty `mp_id` from assets.
fn forget(s: &mut State, mp_id: &str, ids: &[String]) {
    for asset in &mut s.assets {
        asset.option_ids.retain(|o| !ids.contains(o));
        asset.texts.remove(mp_id);
    }
}

/// `DELETE /api/v4/metaproperties/{id}/`: 204; its options leave the assets, and smart
/// filters stop naming it.
pub fn delete(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    store.write(|s| {
        let Some(i) = s.metaproperties.iter().position(|m| m.id == id) else {
            return not_found(MP_NOT_FOUND);
        };
        let mp = s.metaproperties.remove(i);
        let option_ids: Vec<String> = mp.options.iter().map(|o| o.id.clone()).collect();
        forget(s, &mp.id, &option_ids);
        for filter in &mut s.smartfilters {
            filter.metaproperty_ids.retain(|m| *m != mp.id);
        }
        OpResponse::no_content()
    })
}

/// The option fields a create or modify call sets.
struct OptionFields {
    name: Option<String>,
    label: Option<String>,
    labels: Option<BTreeMap<String, String>>,
    external_reference: Option<String>,
    zindex: Option<u32>,
}

impl OptionFields {
    fn parse(data: &Data) -> Param<OptionFields> {
        Ok(OptionFields {
            name: string(data, "name")?,
            label: string(data, "label")?,
            labels: labels(data)?,
            external_reference: string(data, "externalReference")?,
            zindex: zindex(data)?,
        })
    }

    fn apply(self, option: &mut MetaOption) {
        if let Some(label) = self.label.filter(|l| !l.is_empty()) {
            option.label = label;
        }
        if let Some(labels) = self.labels {
            option.labels = labels;
        }
        if let Some(reference) = self.external_reference {
            option.external_reference = reference;
        }
        if let Some(zindex) = self.zindex {
            option.zindex = zindex;
        }
    }
}

/// The option `data` describes, with the children listed under `options` (the mock keeps
/// options flat, so children become siblings).
fn new_options(data: &Data) -> Param<Vec<OptionFields>> {
    let mut out = vec![OptionFields::parse(data)?];
    match data.get("options") {
        None | Some(Value::Null) => {}
        Some(Value::Array(children)) => {
            for child in children {
                let child = child.as_object().ok_or_else(|| bad("Invalid JSON"))?;
                out.push(OptionFields::parse(child)?);
            }
        }
        Some(_) => return Err(bad("Invalid JSON")),
    }
    for fields in &out {
        if fields.name.as_deref().is_none_or(str::is_empty) {
            return Err(bad("Meta property option name is required"));
        }
    }
    Ok(out)
}

/// `POST /api/v4/metaproperties/{id}/options/`: 201 with the new option's id. A name already
/// used in the metaproperty is a 400 naming the existing option.
pub fn create_option(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let options = new_options(&data(req)?)?;
        let id = path_id(req, "id");
        Ok(store.write(|s| {
            let Some(i) = s.metaproperties.iter().position(|m| m.id == id) else {
                return not_found(MP_NOT_FOUND);
            };
            if s.metaproperties[i].kind == "text" {
                // A mock choice: text metaproperties take free text, never options.
                return bad("Text metaproperties have no options");
            }
            let mut made: Vec<MetaOption> = Vec::new();
            for fields in options {
                let name = fields.name.clone().unwrap_or_default();
                let same = |o: &MetaOption| o.name.eq_ignore_ascii_case(&name);
                let existing = s.metaproperties[i].options.iter().find(|o| same(o));
                if let Some(existing) = existing.or_else(|| made.iter().find(|o| same(o))) {
                    return OpResponse::status_json(
                        400,
                        json!({
                            "message": "Meta property option with this name already exists",
                            "existingUUID": existing.id,
                            "statuscode": 400,
                        }),
                    );
                }
                let position = s.metaproperties[i].options.len() + made.len() + 1;
                let mut option = MetaOption {
                    id: s.new_id(),
                    label: name.clone(),
                    name,
                    labels: BTreeMap::new(),
                    external_reference: String::new(),
                    zindex: u32::try_from(position).unwrap_or(u32::MAX),
                    date: now(),
                };
                fields.apply(&mut option);
                if option.labels.is_empty() {
                    option
                        .labels
                        .insert("en_US".to_string(), option.label.clone());
                }
                made.push(option);
            }
            let id = made.first().map(|o| o.id.clone()).unwrap_or_default();
            s.metaproperties[i].options.extend(made);
            created(Some(&id))
        }))
    })())
}

/// `POST /api/v4/metaproperties/{id}/options/{optionId}/`: 201 "Created"; the name cannot
/// change.
pub fn modify_option(store: &Store, req: &OpRequest) -> OpResponse {
    unwrap((|| {
        let fields = OptionFields::parse(&data(req)?)?;
        let id = path_id(req, "id");
        let option_id = path_id(req, "optionId");
        Ok(store.write(|s| {
            let Some(mp) = s.metaproperties.iter_mut().find(|m| m.id == id) else {
                return not_found(MP_NOT_FOUND);
            };
            let Some(option) = mp.options.iter_mut().find(|o| o.id == option_id) else {
                return not_found(OPTION_NOT_FOUND);
            };
            if fields.name.as_ref().is_some_and(|n| *n != option.name) {
                return bad("Editing meta property option name not allowed");
            }
            fields.apply(option);
            created(None)
        }))
    })())
}

/// `DELETE /api/v4/metaproperties/{id}/options/{optionId}/`: 204; assets lose the option.
pub fn delete_option(store: &Store, req: &OpRequest) -> OpResponse {
    let id = path_id(req, "id");
    let option_id = path_id(req, "optionId");
    store.write(|s| {
        let Some(mp) = s.metaproperties.iter_mut().find(|m| m.id == id) else {
            return not_found(MP_NOT_FOUND);
        };
        let before = mp.options.len();
        mp.options.retain(|o| o.id != option_id);
        if mp.options.len() == before {
            return not_found(OPTION_NOT_FOUND);
        }
        for asset in &mut s.assets {
            asset.option_ids.retain(|o| *o != option_id);
        }
        OpResponse::no_content()
    })
}
