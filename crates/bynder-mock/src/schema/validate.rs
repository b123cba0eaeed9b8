//! A small validator of OpenAPI schema objects: `type` (with `nullable` and 3.1 type lists),
//! `properties`, `required`, `items`, `enum`, `additionalProperties` (a schema or `false`),
//! `allOf`/`anyOf`/`oneOf` and `$ref` within the same document. Nothing else is checked
//! (formats, lengths and patterns are not): Bynder's definitions are written from examples, so
//! only their shapes are worth holding the mock to. Written here because a full JSON Schema
//! crate is a heavy dependency for these few rules.

use serde_json::Value;

/// One place where a value does not match its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// JSON pointer of the value in the response body (`""` for the whole body).
    pub pointer: String,
    /// What the schema asks for.
    pub expected: String,
    /// What the value is.
    pub found: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(body)"
        } else {
            &self.pointer
        };
        write!(
            f,
            "{pointer}: expected {}, found {}",
            self.expected, self.found
        )
    }
}

/// Deeper `$ref` chains than this are taken as a cycle and stop descending.
const MAX_DEPTH: usize = 64;

/// Every place where `value` breaks `schema`; `root` is the document `$ref`s point into.
pub fn validate(root: &Value, schema: &Value, value: &Value) -> Vec<SchemaError> {
    let mut errors = Vec::new();
    check(root, schema, value, "", 0, &mut errors);
    errors
}

fn check(
    root: &Value,
    schema: &Value,
    value: &Value,
    pointer: &str,
    depth: usize,
    errors: &mut Vec<SchemaError>,
) {
    let Some(schema) = schema.as_object() else {
        // `true`, `{}` and anything that is not a schema object accept every value.
        if schema == &Value::Bool(false) {
            errors.push(error(pointer, "nothing (schema `false`)", value));
        }
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        match resolve(root, reference) {
            Some(target) => check(root, target, value, pointer, depth + 1, errors),
            None => errors.push(SchemaError {
                pointer: pointer.to_string(),
                expected: format!("a value of the unresolvable `$ref` {reference}"),
                found: describe(value),
            }),
        }
    }
    if !type_matches(schema, value, pointer, errors) {
        // A value of the wrong type says nothing useful about its members.
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
        && !(value.is_null() && nullable(schema))
    {
        let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
        errors.push(error(
            pointer,
            &format!("one of [{}]", list.join(", ")),
            value,
        ));
    }
    match value {
        Value::Object(members) => check_object(root, schema, members, pointer, depth, errors),
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items").filter(|s| s.is_object()) {
                for (index, item) in items.iter().enumerate() {
                    let at = format!("{pointer}/{index}");
                    check(root, item_schema, item, &at, depth + 1, errors);
                }
            }
        }
        _ => {}
    }
    check_combinators(root, schema, value, pointer, depth, errors);
}

fn check_object(
    root: &Value,
    schema: &serde_json::Map<String, Value>,
    members: &serde_json::Map<String, Value>,
    pointer: &str,
    depth: usize,
    errors: &mut Vec<SchemaError>,
) {
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        for name in required.iter().filter_map(Value::as_str) {
            if !members.contains_key(name) {
                errors.push(SchemaError {
                    pointer: format!("{pointer}/{}", escape(name)),
                    expected: "a required member".to_string(),
                    found: "nothing".to_string(),
                });
            }
        }
    }
    let additional = schema.get("additionalProperties");
    for (name, member) in members {
        let at = format!("{pointer}/{}", escape(name));
        match properties.and_then(|p| p.get(name)) {
            Some(member_schema) => check(root, member_schema, member, &at, depth + 1, errors),
            // `true` or absent: anything goes; `false`: no other member; a schema: each one.
            None => match additional {
                Some(Value::Bool(false)) => {
                    errors.push(error(&at, "no member of this name", member));
                }
                Some(extra @ Value::Object(_)) => {
                    check(root, extra, member, &at, depth + 1, errors);
                }
                _ => {}
            },
        }
    }
}

fn check_combinators(
    root: &Value,
    schema: &serde_json::Map<String, Value>,
    value: &Value,
    pointer: &str,
    depth: usize,
    errors: &mut Vec<SchemaError>,
) {
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            check(root, part, value, pointer, depth + 1, errors);
        }
    }
    let passing = |parts: &Vec<Value>| {
        // Alternatives that are the same schema (after `$ref`s) count once: Bynder's taxonomy
        // definition lists two identical error shapes under `oneOf`, meaning "either error".
        let mut distinct: Vec<&Value> = Vec::new();
        for part in parts {
            let part = follow(root, part);
            if !distinct.contains(&part) {
                distinct.push(part);
            }
        }
        distinct
            .into_iter()
            .filter(|part| {
                let mut found = Vec::new();
                check(root, part, value, pointer, depth + 1, &mut found);
                found.is_empty()
            })
            .count()
    };
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array)
        && passing(any) == 0
    {
        let expected = format!("a value matching one of the {} anyOf schemas", any.len());
        errors.push(error(pointer, &expected, value));
    }
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        let count = passing(one);
        if count != 1 {
            let expected = format!(
                "a value matching exactly one of the {} oneOf schemas (it matches {count})",
                one.len()
            );
            errors.push(error(pointer, &expected, value));
        }
    }
}

/// Whether `value` has one of the schema's types; pushes the error when not.
fn type_matches(
    schema: &serde_json::Map<String, Value>,
    value: &Value,
    pointer: &str,
    errors: &mut Vec<SchemaError>,
) -> bool {
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    if value.is_null() && nullable(schema) {
        return true;
    }
    if types.iter().any(|t| has_type(value, t)) {
        return true;
    }
    let expected = if nullable(schema) {
        format!("{} or null", types.join(" or "))
    } else {
        types.join(" or ")
    };
    errors.push(error(pointer, &expected, value));
    false
}

/// OpenAPI 3.0 `nullable: true`, or `null` among 3.1 `type`s.
fn nullable(schema: &serde_json::Map<String, Value>) -> bool {
    schema.get("nullable") == Some(&Value::Bool(true))
        || schema
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|types| types.iter().any(|t| t == "null"))
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        // 2.0 is an integer in JSON Schema; 2.5 is not.
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        // An unknown type name constrains nothing.
        _ => true,
    }
}

/// The schema a local `$ref` (`#/components/schemas/X`) points at.
fn resolve<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    root.pointer(pointer)
}

/// The schema a schema object that is only a `$ref` stands for (a few hops at most).
fn follow<'a>(root: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..8 {
        let only_ref = schema.as_object().filter(|o| o.len() == 1);
        match only_ref
            .and_then(|o| o.get("$ref"))
            .and_then(Value::as_str)
            .and_then(|r| resolve(root, r))
        {
            Some(target) => schema = target,
            None => break,
        }
    }
    schema
}

/// A member name as a JSON pointer token (RFC 6901).
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

fn error(pointer: &str, expected: &str, value: &Value) -> SchemaError {
    SchemaError {
        pointer: pointer.to_string(),
        expected: expected.to_string(),
        found: describe(value),
    }
}

/// A short description of a value: its type and, for scalars, the value itself.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) if value.is_i64() || value.is_u64() => format!("integer {n}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => {
            let mut shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            format!("string {shown:?}")
        }
        Value::Array(items) => format!("array of {} items", items.len()),
        Value::Object(members) => format!("object with {} members", members.len()),
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
