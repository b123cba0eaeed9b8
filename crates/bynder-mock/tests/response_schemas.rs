//! The response-schema switch end to end: a portal that checks its answers against OpenAPI
//! definitions, over real HTTP.

// Helper functions of these tests panic on failed steps, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use bynder_mock::schema::{Definitions, default_dir};
use bynder_mock::{MockConfig, MockPortal};
use common::{TOKEN, client};
use serde_json::{Value, json};

async fn checking(dir: &Path) -> MockPortal {
    common::portal_with(MockConfig {
        response_schemas: Some(dir.to_path_buf()),
        ..MockConfig::default()
    })
    .await
}

async fn get(portal: &MockPortal, path: &str) -> (u16, Value) {
    let response = client()
        .get(format!("{}{path}", portal.url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn answers_that_match_the_published_definitions_leave_no_violation() {
    let portal = checking(&default_dir()).await;
    let (status, brands) = get(&portal, "/api/v4/brands/").await;
    assert_eq!(status, 200);
    assert!(!brands.as_array().unwrap().is_empty());
    let (status, _) = get(&portal, "/api/v4/tags/").await;
    assert_eq!(status, 200);

    assert_eq!(portal.schema_violations(), Vec::new());
    let checked = portal.schema_checked();
    assert_eq!(checked.get(&("brands.list".to_string(), 200)), Some(&1));
    // Tags are not in the definitions (bynder-api.md §5.2): nothing to check them against.
    assert!(
        !checked.keys().any(|(op, _)| op == "tags.list"),
        "{checked:?}"
    );
    let (_, stats) = get(&portal, "/_mock/stats").await;
    assert!(stats.get("schema_violations").is_none(), "{stats}");
}

/// A definition that says brand ids are integers, which the mock (rightly) does not answer.
fn integer_brand_ids(dir: &Path) {
    let definition = json!({
        "openapi": "3.0.3",
        "servers": [{"url": "https://{your-bynder-domain}/"}],
        "paths": {"/api/v4/brands/": {"get": {"responses": {"200": {
            "description": "brands",
            "content": {"application/json": {"schema": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Brand"}
            }}}
        }}}}},
        "components": {"schemas": {"Brand": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}
        }}}
    });
    std::fs::write(dir.join("brands.json"), definition.to_string()).unwrap();
}

#[tokio::test]
async fn a_mis_shaped_answer_is_reported_and_fails_the_portal_on_drop() {
    let dir = tempfile::tempdir().unwrap();
    integer_brand_ids(dir.path());
    let portal = checking(dir.path()).await;
    let (status, brands) = get(&portal, "/api/v4/brands/").await;
    assert_eq!(status, 200, "the answer itself is served unchanged");
    assert!(brands[0]["id"].is_string());

    // One violation per brand, each naming where it is.
    let violations = portal.schema_violations();
    assert_eq!(
        violations.len(),
        brands.as_array().unwrap().len(),
        "{violations:?}"
    );
    assert!(violations[1].error.starts_with("/1/id: "), "{violations:?}");
    let violation = &violations[0];
    assert_eq!(violation.operation, "brands.list");
    assert_eq!(violation.status, 200);
    assert_eq!(violation.file, "brands.json");
    assert!(
        violation
            .error
            .starts_with("/0/id: expected integer, found string"),
        "{}",
        violation.error
    );

    let (_, stats) = get(&portal, "/_mock/stats").await;
    assert_eq!(stats["schema_violations"][0]["operation"], "brands.list");
    assert_eq!(stats["schema_violations"][0]["error"], violation.error);

    let dropped = catch_unwind(AssertUnwindSafe(move || drop(portal)));
    let message = dropped
        .err()
        .and_then(|panic| panic.downcast::<String>().ok())
        .expect("dropping a portal with violations panics");
    assert!(
        message.contains("brands.list 200 (brands.json): /0/id"),
        "{message}"
    );
}

#[tokio::test]
async fn a_portal_without_the_switch_checks_nothing() {
    let portal = common::portal().await;
    get(&portal, "/api/v4/brands/").await;
    assert!(portal.schema_checked().is_empty());
    assert!(portal.schema_violations().is_empty());
}

#[tokio::test]
async fn a_missing_definitions_directory_fails_the_start() {
    let err = MockPortal::start(MockConfig {
        response_schemas: Some("/nonexistent/openapi".into()),
        ..MockConfig::default()
    })
    .await
    .expect_err("the start fails");
    assert!(err.to_string().contains("/nonexistent/openapi"), "{err}");
}

/// How many table operations the published definitions give a JSON response schema (the
/// number the schema coverage of a test run is measured against).
#[test]
fn table_operations_with_a_documented_json_response() {
    let definitions = Definitions::load(&default_dir()).unwrap();
    let table = bynder::ops::OPERATIONS;
    let documented: Vec<&str> = table
        .iter()
        .filter(|op| definitions.documents_operation(op))
        .map(|op| op.name)
        .collect();
    let with_schema: BTreeSet<&str> = table
        .iter()
        .filter(|op| definitions.has_json_response(op))
        .map(|op| op.name)
        .collect();
    println!(
        "{} table operations, {} in the definitions, {} with a documented JSON response schema",
        table.len(),
        documented.len(),
        with_schema.len()
    );
    for name in &with_schema {
        println!("with a JSON response schema: {name}");
    }
    assert!(with_schema.contains("media.get"));
    assert!(with_schema.contains("brands.list"));
    assert!(!with_schema.contains("tags.list"));
}
