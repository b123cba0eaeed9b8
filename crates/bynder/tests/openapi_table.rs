//! Checks every entry of the operation table against Bynder's published OpenAPI definitions
//! (`../shared/reference/openapi/`): method, path, path parameter names, body encoding, and the
//! id form each path needs. The client and the mock both read the table, so their agreement
//! proves nothing; this test ties the table to Bynder's own documents.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "common/openapi.rs"]
mod openapi;

use bynder::ops::{Encoding, IdForm, OPERATIONS, Operation};
use openapi::{NOT_IN_OPENAPI, documented, normalise};

fn expected_form(op: &Operation) -> Option<IdForm> {
    // Analytics answers and takes ColdFusion asset and user ids although it lives under `/v7`
    // (its definitions' path examples and `Next-Url` headers; `reference/bynder-api.md` §1.2).
    if op.path.starts_with("/api/v4/") || op.path.starts_with("/v7/analytics/") {
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
        let Some(doc) = documented.get(&key) else {
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
        assert_eq!(ours, doc.path_params, "{}: path parameter names", op.name);
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
            doc.medias.iter().any(agrees),
            "{}: encoding {:?} but the definitions say {:?}",
            op.name,
            op.encoding,
            doc.medias
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
