//! Each rule of the validator rejects a wrong value and accepts a right one.

use serde_json::{Value, json};

use super::*;

fn errors(schema: Value, value: Value) -> Vec<SchemaError> {
    validate(&json!({}), &schema, &value)
}

fn ok(schema: Value, value: Value) {
    let found = errors(schema.clone(), value.clone());
    assert!(found.is_empty(), "{value} against {schema}: {found:?}");
}

fn one_error(schema: Value, value: Value) -> SchemaError {
    let mut found = errors(schema.clone(), value.clone());
    assert_eq!(found.len(), 1, "{value} against {schema}: {found:?}");
    found.remove(0)
}

#[test]
fn type_names_the_pointer_the_expected_and_the_found() {
    let schema = json!({"type": "object", "properties": {"a": {"type": "string"}}});
    ok(schema.clone(), json!({"a": "x"}));
    let err = one_error(schema, json!({"a": 5}));
    assert_eq!(err.pointer, "/a");
    assert_eq!(err.expected, "string");
    assert_eq!(err.found, "integer 5");
    assert_eq!(err.to_string(), "/a: expected string, found integer 5");
}

#[test]
fn every_type_name_accepts_its_own_and_rejects_another() {
    let cases = [
        ("string", json!("s"), json!(1)),
        ("boolean", json!(true), json!(1)),
        ("object", json!({}), json!([])),
        ("array", json!([]), json!({})),
        ("number", json!(1.5), json!("1.5")),
        ("integer", json!(3), json!(3.5)),
    ];
    for (name, right, wrong) in cases {
        ok(json!({"type": name}), right);
        one_error(json!({"type": name}), wrong);
    }
    // An integer is a number, and 2.0 is an integer.
    ok(json!({"type": "number"}), json!(2));
    ok(json!({"type": "integer"}), json!(2.0));
}

#[test]
fn null_needs_nullable_or_a_null_type() {
    one_error(json!({"type": "string"}), Value::Null);
    ok(json!({"type": "string", "nullable": true}), Value::Null);
    ok(json!({"type": ["string", "null"]}), Value::Null);
    let err = one_error(json!({"type": "string", "nullable": true}), json!(1));
    assert_eq!(err.expected, "string or null");
}

#[test]
fn required_members_must_be_there() {
    let schema = json!({"type": "object", "required": ["id"]});
    ok(schema.clone(), json!({"id": 1}));
    let err = one_error(schema, json!({"name": "x"}));
    assert_eq!(err.pointer, "/id");
    assert_eq!(err.found, "nothing");
}

#[test]
fn items_are_checked_with_their_index() {
    let schema = json!({"type": "array", "items": {"type": "integer"}});
    ok(schema.clone(), json!([1, 2]));
    assert_eq!(one_error(schema, json!([1, "2"])).pointer, "/1");
}

#[test]
fn enum_lists_the_allowed_values() {
    let schema = json!({"enum": ["a", "b"]});
    ok(schema.clone(), json!("b"));
    let err = one_error(schema, json!("c"));
    assert_eq!(err.expected, r#"one of ["a", "b"]"#);
}

#[test]
fn additional_properties_false_or_a_schema() {
    let closed = json!({"type": "object", "properties": {"a": {}}, "additionalProperties": false});
    ok(closed.clone(), json!({"a": 1}));
    assert_eq!(one_error(closed, json!({"a": 1, "b": 2})).pointer, "/b");
    let typed = json!({"type": "object", "additionalProperties": {"type": "integer"}});
    ok(typed.clone(), json!({"x": 1, "y": 2}));
    assert_eq!(
        one_error(typed, json!({"x": 1, "y/z": "2"})).pointer,
        "/y~1z"
    );
    // `true` (and absent) allow anything.
    ok(
        json!({"type": "object", "additionalProperties": true}),
        json!({"q": [1]}),
    );
}

#[test]
fn all_of_needs_every_part() {
    let schema = json!({"allOf": [{"type": "object", "required": ["a"]}, {"required": ["b"]}]});
    ok(schema.clone(), json!({"a": 1, "b": 2}));
    assert_eq!(one_error(schema, json!({"a": 1})).pointer, "/b");
}

#[test]
fn any_of_needs_one_part() {
    let schema = json!({"anyOf": [{"type": "string"}, {"type": "integer"}]});
    ok(schema.clone(), json!(1));
    ok(schema.clone(), json!("1"));
    one_error(schema, json!(true));
}

#[test]
fn one_of_needs_exactly_one_part() {
    let schema = json!({"oneOf": [{"type": "array"}, {"type": "object"}]});
    ok(schema.clone(), json!([]));
    one_error(schema, json!("x"));
    let both = json!({"oneOf": [{"type": "integer"}, {"type": "number"}]});
    assert!(one_error(both, json!(1)).expected.contains("matches 2"));
}

#[test]
fn identical_one_of_alternatives_count_once() {
    let root = json!({"components": {"schemas": {
        "A": {"type": "object", "required": ["errorCode"]},
        "B": {"type": "object", "required": ["errorCode"]}
    }}});
    let schema = json!({"oneOf": [
        {"$ref": "#/components/schemas/A"},
        {"$ref": "#/components/schemas/B"}
    ]});
    assert!(validate(&root, &schema, &json!({"errorCode": "x"})).is_empty());
    assert_eq!(validate(&root, &schema, &json!({"message": "x"})).len(), 1);
}

#[test]
fn refs_resolve_within_the_document() {
    let root = json!({"components": {"schemas": {"Id": {"type": "integer"}}}});
    let schema = json!({"type": "array", "items": {"$ref": "#/components/schemas/Id"}});
    assert!(validate(&root, &schema, &json!([1])).is_empty());
    let found = validate(&root, &schema, &json!(["1"]));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pointer, "/0");
    let missing = json!({"$ref": "#/components/schemas/Nope"});
    assert_eq!(validate(&root, &missing, &json!(1)).len(), 1);
}

#[test]
fn a_ref_cycle_ends() {
    let root = json!({"components": {"schemas": {"Loop": {"$ref": "#/components/schemas/Loop"}}}});
    let schema = json!({"$ref": "#/components/schemas/Loop"});
    assert!(validate(&root, &schema, &json!(1)).is_empty());
}

#[test]
fn formats_and_other_keywords_are_not_checked() {
    ok(
        json!({"type": "string", "format": "date-time", "maxLength": 1, "example": "x"}),
        json!("not a date at all"),
    );
}
