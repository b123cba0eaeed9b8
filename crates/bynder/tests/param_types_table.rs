//! Generates `crates/bynder/src/ops/param_types.rs` (issue 7): the type of every table
//! parameter that Bynder's published OpenAPI definitions describe, read from the query
//! parameters and request-body properties of the documented operation. The file is generated,
//! never edited by hand: `param_types_are_fresh` fails when it is stale and rewrites it when
//! `BYNDER_WRITE_PARAM_TYPES=1` is set. What the definitions leave out or mistype is in
//! `src/ops/param_overrides.rs`, checked here too.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "common/openapi.rs"]
mod openapi;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use bynder::ops::{DOCUMENTED, OPERATIONS, OVERRIDES, ParamType};
use bynder_mock::schema::server_path;
use openapi::{normalise, openapi_dir};
use serde_json::Value;

const OUTPUT: &str = "crates/bynder/src/ops/param_types.rs";
const WRITE_ENV: &str = "BYNDER_WRITE_PARAM_TYPES";
const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ---- Reading the definitions ------------------------------------------------------------------

/// A local `$ref` followed to what it points at (repeatedly); anything else as is.
fn follow<'a>(root: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match value["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|pointer| root.pointer(pointer))
        {
            Some(target) => value = target,
            None => break,
        }
    }
    value
}

/// The description of a parameter and its schema, joined (the "comma-separated" hint sits in
/// either).
fn description(root: &Value, parts: &[&Value]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = follow(root, part);
        if let Some(text) = part["description"].as_str() {
            out.push_str(text);
            out.push(' ');
        }
        for inner in part["allOf"].as_array().into_iter().flatten() {
            out.push_str(&description(root, &[inner]));
        }
    }
    out
}

/// The parameter type a schema describes. `hint` is the description: a string documented as
/// "comma-separated" is a list a caller holds as a list.
fn type_of(root: &Value, schema: &Value, hint: &str) -> ParamType {
    let schema = follow(root, schema);
    if let Some(parts) = schema["allOf"].as_array() {
        // `allOf: [{$ref}, {description}]`: the part that has a type.
        return parts
            .iter()
            .map(|part| type_of(root, part, hint))
            .find(|ty| *ty != ParamType::Any)
            .unwrap_or(ParamType::Any);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(parts) = schema[key].as_array() {
            let types: Vec<ParamType> = parts.iter().map(|p| type_of(root, p, hint)).collect();
            return merge(&types);
        }
    }
    let name = match &schema["type"] {
        Value::String(name) => name.as_str(),
        // `["string", "null"]`: the one that is not null.
        Value::Array(names) => {
            let named: Vec<&str> = names
                .iter()
                .filter_map(Value::as_str)
                .filter(|n| *n != "null")
                .collect();
            match named.as_slice() {
                [one] => *one,
                _ => return ParamType::Any,
            }
        }
        _ => return ParamType::Any,
    };
    match name {
        "string" => match schema["format"].as_str() {
            Some("date-time" | "date") => ParamType::DateTime,
            _ if hint.to_ascii_lowercase().contains("comma-separated")
                || hint.to_ascii_lowercase().contains("comma separated") =>
            {
                ParamType::StringList
            }
            _ => ParamType::String,
        },
        "integer" => ParamType::Integer,
        "number" => ParamType::Number,
        "boolean" => ParamType::Boolean,
        "object" => ParamType::Object,
        "array" => match type_of(root, &schema["items"], "") {
            ParamType::String | ParamType::DateTime => ParamType::StringList,
            ParamType::Object => ParamType::ObjectList,
            // Lists of numbers would be sent as strings by a string list: leave them untyped.
            _ => ParamType::Any,
        },
        _ => ParamType::Any,
    }
}

/// One type for what several files (or `oneOf` branches) say: the same type, or the more
/// precise of text and a date or text and a list, or a number for integer and number.
/// Anything else disagrees and stays untyped.
fn merge(types: &[ParamType]) -> ParamType {
    use ParamType::*;
    let mut out: Option<ParamType> = None;
    for &ty in types {
        out = Some(match (out, ty) {
            (None, ty) => ty,
            (Some(a), b) if a == b => a,
            (Some(String), DateTime) | (Some(DateTime), String) => DateTime,
            (Some(String), StringList) | (Some(StringList), String) => StringList,
            (Some(Integer), Number) | (Some(Number), Integer) => Number,
            _ => Any,
        });
    }
    out.unwrap_or(Any)
}

/// Every named property of a request-body schema (through `$ref` and `allOf`).
fn properties<'a>(root: &'a Value, schema: &'a Value, out: &mut Vec<(&'a str, &'a Value)>) {
    let schema = follow(root, schema);
    for part in schema["allOf"].as_array().into_iter().flatten() {
        properties(root, part, out);
    }
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        out.push((name, property));
    }
}

/// (METHOD, normalised path) -> parameter name -> the type each describing file gives it.
type Said = BTreeMap<(String, String), BTreeMap<String, Vec<ParamType>>>;

fn read_definitions() -> Said {
    let mut said = Said::new();
    for file in openapi::files() {
        let path = openapi_dir().join(&file);
        let root: Value = serde_json::from_slice(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
        let server = server_path(&file, &root);
        for (template, item) in root["paths"].as_object().into_iter().flatten() {
            for method in METHODS {
                let op = &item[*method];
                if !op.is_object() {
                    continue;
                }
                let key = (
                    method.to_uppercase(),
                    normalise(&format!("{server}{template}")),
                );
                let entry = said.entry(key).or_default();
                let shared = item["parameters"].as_array().into_iter().flatten();
                for param in op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(shared)
                {
                    let param = follow(&root, param);
                    let Some(name) = param["name"].as_str() else {
                        continue;
                    };
                    if param["in"] != "query" {
                        continue;
                    }
                    let hint = description(&root, &[param, &param["schema"]]);
                    let ty = type_of(&root, &param["schema"], &hint);
                    entry.entry(name.to_string()).or_default().push(ty);
                }
                let body = follow(&root, &op["requestBody"]);
                for media in body["content"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(_, m)| m)
                {
                    let mut found = Vec::new();
                    properties(&root, &media["schema"], &mut found);
                    for (name, property) in found {
                        let hint = description(&root, &[property]);
                        let ty = type_of(&root, property, &hint);
                        entry.entry(name.to_string()).or_default().push(ty);
                    }
                }
            }
        }
    }
    said
}

/// (operation, parameter) -> the type the definitions give it, for every table parameter they
/// type; sorted as the generated table must be.
fn generated() -> BTreeMap<(&'static str, &'static str), ParamType> {
    let said = read_definitions();
    let mut out = BTreeMap::new();
    for op in OPERATIONS {
        let key = (op.method.as_str().to_string(), normalise(op.path));
        let Some(params) = said.get(&key) else {
            continue;
        };
        for &param in op.params {
            let ty = params.get(param).map_or(ParamType::Any, |t| merge(t));
            if ty != ParamType::Any {
                out.insert((op.name, param), ty);
            }
        }
    }
    out
}

// ---- Writing the table --------------------------------------------------------------------------

fn variant(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Any => "Any",
        ParamType::String => "String",
        ParamType::Integer => "Integer",
        ParamType::Number => "Number",
        ParamType::Boolean => "Boolean",
        ParamType::DateTime => "DateTime",
        ParamType::StringList => "StringList",
        ParamType::Object => "Object",
        ParamType::ObjectList => "ObjectList",
    }
}

fn render(types: &BTreeMap<(&str, &str), ParamType>) -> String {
    let operations: std::collections::BTreeSet<&str> = types.keys().map(|(op, _)| *op).collect();
    let mut out = format!(
        "//! Generated by `crates/bynder/tests/param_types_table.rs` from Bynder's OpenAPI definitions
//! (`../shared/reference/openapi/`): the type of each table parameter that the documented
//! operation's query parameters or request-body properties describe. Do not edit: regenerate with
//!
//! ```sh
//! {WRITE_ENV}=1 cargo test -p bynder --test param_types_table
//! ```
//!
//! Hand-written types (what the definitions leave out or mistype) are in `param_overrides.rs`
//! and win over these.

use super::ParamType as P;

/// (operation, parameter) -> type, sorted by operation then parameter: {} parameters of {}
/// operations.
#[rustfmt::skip] // one row a line, however long
pub static DOCUMENTED: &[(&str, &str, P)] = &[
",
        types.len(),
        operations.len()
    );
    for ((op, param), ty) in types {
        let _ = writeln!(out, "    ({op:?}, {param:?}, P::{}),", variant(*ty));
    }
    out.push_str("];\n");
    out
}

// ---- Tests --------------------------------------------------------------------------------------

#[test]
fn param_types_are_fresh() {
    let fresh = render(&generated());
    let path = repo().join(OUTPUT);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == fresh {
        return;
    }
    if std::env::var(WRITE_ENV).as_deref() == Ok("1") {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("cannot write {OUTPUT}: {e}"));
        return;
    }
    panic!(
        "{OUTPUT} is stale: the OpenAPI files or the table's parameters changed. Regenerate it \
         with\n\n    {WRITE_ENV}=1 cargo test -p bynder --test param_types_table\n\n(and \
         rebuild, since the table is compiled in)."
    );
}

#[test]
fn the_compiled_table_is_the_generated_one() {
    // Catches a regenerated file that was not compiled in yet, and a hand edit.
    let compiled: BTreeMap<(&str, &str), ParamType> = DOCUMENTED
        .iter()
        .map(|(op, param, ty)| ((*op, *param), *ty))
        .collect();
    assert_eq!(compiled.len(), DOCUMENTED.len(), "duplicate rows");
    let sorted = DOCUMENTED
        .windows(2)
        .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1));
    assert!(sorted, "rows must be sorted: the lookup is a binary search");
    let generated = generated();
    let differ: Vec<String> = generated
        .iter()
        .filter(|(key, ty)| compiled.get(*key) != Some(*ty))
        .map(|((op, param), ty)| format!("{op}.{param}: {ty:?}"))
        .chain(
            compiled
                .keys()
                .filter(|key| !generated.contains_key(*key))
                .map(|(op, param)| format!("{op}.{param}: not typed by the definitions")),
        )
        .collect();
    assert!(
        differ.is_empty(),
        "the compiled table differs from the definitions (regenerate, then rebuild): {}",
        differ.join(", ")
    );
}

#[test]
fn overrides_name_real_parameters_and_change_something() {
    let generated = generated();
    let mut previous: Option<(&str, &str)> = None;
    for o in OVERRIDES {
        let op = bynder::ops::find(o.operation)
            .unwrap_or_else(|| panic!("override for unknown operation {}", o.operation));
        assert!(
            op.params.contains(&o.param),
            "override {}.{}: the table lists no such parameter",
            o.operation,
            o.param
        );
        assert!(
            !o.reason.trim().is_empty(),
            "{}.{}: give the reason",
            o.operation,
            o.param
        );
        assert_ne!(
            generated.get(&(o.operation, o.param)),
            Some(&o.ty),
            "override {}.{} says what the definitions say: remove it",
            o.operation,
            o.param
        );
        let key = (o.operation, o.param);
        assert!(
            previous.is_none_or(|p| p < key),
            "OVERRIDES must be sorted and unique: {key:?} after {previous:?}"
        );
        previous = Some(key);
    }
}

#[test]
fn every_parameter_is_typed_and_the_lookup_prefers_overrides() {
    let generated = generated();
    let (mut documented, mut corrected, mut added, mut any) = (0, 0, 0, 0);
    let mut untyped = Vec::new();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for op in OPERATIONS {
        for &param in op.params {
            let over = OVERRIDES
                .iter()
                .find(|o| o.operation == op.name && o.param == param);
            let from_definitions = generated.get(&(op.name, param));
            let ty = op.param_type(param);
            match (over, from_definitions) {
                (Some(o), _) => {
                    assert_eq!(ty, o.ty, "{}.{param}: the override wins", op.name);
                    if from_definitions.is_some() {
                        corrected += 1;
                    } else {
                        added += 1;
                    }
                }
                (None, Some(t)) => {
                    assert_eq!(ty, *t, "{}.{param}", op.name);
                    documented += 1;
                }
                (None, None) => untyped.push(format!("{}.{param}", op.name)),
            }
            if ty == ParamType::Any {
                any += 1;
            }
            *by_type.entry(ty.as_str()).or_default() += 1;
        }
    }
    eprintln!(
        "parameter types: {documented} from the definitions, {corrected} corrected and {added} \
         added by hand (param_overrides.rs), {any} any; by type {by_type:?}"
    );
    assert!(
        untyped.is_empty(),
        "{} table parameters have no type: type them in the definitions or in \
         src/ops/param_overrides.rs (ParamType::Any with a reason if nothing fits):\n  {}",
        untyped.len(),
        untyped.join("\n  ")
    );
}

#[test]
fn the_schema_reader_understands_the_shapes_bynder_uses() {
    let root = serde_json::json!({"components": {"schemas": {
        "Ids": {"type": "array", "items": {"type": "string"}},
        "When": {"type": "string", "format": "date-time"},
    }}});
    let t = |schema: Value, hint: &str| type_of(&root, &schema, hint);
    use serde_json::json;
    assert_eq!(t(json!({"type": "integer"}), ""), ParamType::Integer);
    assert_eq!(
        t(json!({"type": ["boolean", "null"]}), ""),
        ParamType::Boolean
    );
    assert_eq!(
        t(json!({"$ref": "#/components/schemas/Ids"}), ""),
        ParamType::StringList
    );
    assert_eq!(
        t(
            json!({"allOf": [{"$ref": "#/components/schemas/When"}, {"description": "x"}]}),
            ""
        ),
        ParamType::DateTime
    );
    assert_eq!(
        t(
            json!({"type": "string"}),
            "Comma-separated list of asset ids."
        ),
        ParamType::StringList
    );
    assert_eq!(
        t(json!({"type": "array", "items": {"type": "object"}}), ""),
        ParamType::ObjectList
    );
    assert_eq!(
        t(json!({"type": "array", "items": {"type": "integer"}}), ""),
        ParamType::Any
    );
    assert_eq!(
        t(
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
            ""
        ),
        ParamType::Any
    );
    assert_eq!(t(json!({}), ""), ParamType::Any);
    assert_eq!(
        merge(&[ParamType::String, ParamType::DateTime, ParamType::String]),
        ParamType::DateTime
    );
    assert_eq!(
        merge(&[ParamType::Integer, ParamType::Boolean]),
        ParamType::Any
    );
}
