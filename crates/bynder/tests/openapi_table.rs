//! Checks every entry of the operation table against Bynder's published OpenAPI definitions
//! (`../shared/reference/openapi/`): method, path, path parameter names, body encoding, and the
//! id form each path needs. The client and the mock both read the table, so their agreement
//! proves nothing; this test ties the table to Bynder's own documents.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::HashMap;
use std::path::PathBuf;

use bynder::ops::{Encoding, IdForm, OPERATIONS, Operation};
use serde_json::Value;

/// Operations the official SDKs call that the published definitions lack, with the source.
const NOT_IN_OPENAPI: &[(&str, &str)] = &[
    (
        "tags.list",
        "bynder-api.md §5.2: C# GetTagsQuery, Java Tag, LLMS",
    ),
    (
        "tags.add_media",
        "bynder-api.md §5.2: C# AddTagToMediaQuery, LLMS",
    ),
    (
        "tags.remove_media",
        "bynder-api.md §5.2: C# RemoveTagFromMediaAsync, LLMS",
    ),
    (
        "upload.s3_register_form",
        "bynder-api.md §6.1 step 3B: PY, JAVA, PHP, JS register parts at POST /api/v4/upload/",
    ),
];

fn openapi_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/openapi")
}

/// Request media types and path parameter names of one documented operation.
type Documented = (Vec<Option<String>>, Vec<String>);

/// (METHOD, normalised path) -> (request media types, path parameter names). Files that
/// describe the same operation may disagree on the body (a test copy says `text/plain`), so every
/// media type seen is kept; `None` stands for "no body".
fn documented() -> HashMap<(String, String), Documented> {
    let mut out = HashMap::new();
    let dir = openapi_dir();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        let doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let Some(paths) = doc["paths"].as_object() else {
            continue;
        };
        for (template, item) in paths {
            for (method, op) in item.as_object().unwrap() {
                if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    continue;
                }
                let media = op["requestBody"]["content"]
                    .as_object()
                    .and_then(|c| c.keys().next().cloned());
                let names = op["parameters"]
                    .as_array()
                    .map(|ps| {
                        ps.iter()
                            .filter(|p| p["in"] == "path")
                            .filter_map(|p| p["name"].as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                let entry = out
                    .entry((method.to_uppercase(), normalise(template)))
                    .or_insert_with(|| (Vec::new(), names));
                entry.0.push(media);
            }
        }
    }
    out
}

/// Path without trailing slash, parameters as `{}` (names are compared separately).
fn normalise(template: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in template.trim_end_matches('/').chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

fn expected_form(op: &Operation) -> Option<IdForm> {
    if op.path.starts_with("/api/v4/") {
        Some(IdForm::ColdFusion)
    } else if op.path.starts_with("/api/1/") || op.path.starts_with("/v7/") {
        Some(IdForm::Rfc4122)
    } else {
        None
    }
}

#[test]
fn every_operation_matches_the_published_definitions() {
    let documented = documented();
    assert!(
        documented.len() > 100,
        "expected the OpenAPI files, found {} operations",
        documented.len()
    );
    let mut checked = 0;
    for op in OPERATIONS {
        let key = (op.method.as_str().to_string(), normalise(op.path));
        let Some((medias, names)) = documented.get(&key) else {
            assert!(
                NOT_IN_OPENAPI.iter().any(|(name, _)| *name == op.name),
                "{} ({} {}) is in no OpenAPI file and not listed as an SDK-only operation",
                op.name,
                op.method.as_str(),
                op.path
            );
            continue;
        };
        checked += 1;
        let ours: Vec<&str> = op.path_params.iter().map(|p| p.name).collect();
        assert_eq!(&ours, names, "{}: path parameter names", op.name);
        let agrees = |media: &Option<String>| {
            matches!(
                (op.encoding, media.as_deref()),
                (Encoding::Query, None)
                    | (Encoding::Json, Some("application/json"))
                    | (Encoding::Form, Some("application/x-www-form-urlencoded"))
                    | (Encoding::Raw, Some("application/octet-stream"))
                    // POSTs documented without a body (e.g. close campaign) send an empty form.
                    | (Encoding::Form, None)
            )
        };
        assert!(
            medias.iter().any(agrees),
            "{}: encoding {:?} but the definitions say {medias:?}",
            op.name,
            op.encoding
        );
        if let Some(form) = expected_form(op) {
            for param in op.path_params.iter().filter(|p| p.form != IdForm::Opaque) {
                assert_eq!(
                    param.form, form,
                    "{}: `{}` has the wrong id form for {}",
                    op.name, param.name, op.path
                );
            }
        }
    }
    assert!(
        checked >= OPERATIONS.len() - NOT_IN_OPENAPI.len(),
        "checked {checked}"
    );
}

#[test]
fn the_exception_list_only_names_real_operations() {
    for (name, _) in NOT_IN_OPENAPI {
        assert!(
            bynder::ops::find(name).is_some(),
            "{name} is not in the table"
        );
    }
}
