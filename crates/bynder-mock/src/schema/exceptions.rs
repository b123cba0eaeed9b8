//! Documented response shapes the mock deliberately does not follow, each with its reason.
//! A violation of one of these is not reported.

/// One deliberate difference from the definitions.
#[derive(Debug, Clone, Copy)]
pub struct Exception {
    /// The operation (`media.get`), or `*` for every operation.
    pub operation: &'static str,
    /// The status it applies to; `None` for every status.
    pub status: Option<u16>,
    /// JSON pointer of the place in the body (`*` stands for any one segment, such as an array
    /// index; `""` is the whole body). Only a violation at that very place is excused.
    pub pointer: &'static str,
    /// Why the mock answers differently (what real portals answer, with the source).
    pub reason: &'static str,
}

/// The list.
pub const EXCEPTIONS: &[Exception] = &[
    Exception {
        operation: "*",
        status: None,
        pointer: "/statuscode",
        reason: "v4 answers carry `statuscode` as an integer (`{\"message\":\"Access denied\",\"statuscode\":403}`) \
                 and only sometimes as a string; the definitions type it string \
                 (bynder-api.md §3.2 and §3.3, from the definitions' own examples)",
    },
    Exception {
        operation: "media.list",
        status: Some(200),
        pointer: "",
        reason: "with `total=1` or `count=1` the list is `{\"total\"|\"count\": …, \"media\": […]}`, \
                 which the definition does not describe (bynder-api.md §5.1)",
    },
    Exception {
        operation: "media.list",
        status: Some(200),
        pointer: "/*/archive",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.list",
        status: Some(200),
        pointer: "/*/isPublic",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.list",
        status: Some(200),
        pointer: "/*/limited",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.list",
        status: Some(200),
        pointer: "/*/watermarked",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.get",
        status: Some(200),
        pointer: "/archive",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.get",
        status: Some(200),
        pointer: "/isPublic",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.get",
        status: Some(200),
        pointer: "/limited",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "media.get",
        status: Some(200),
        pointer: "/watermarked",
        reason: MEDIA_FLAGS,
    },
    Exception {
        operation: "quarantine.list",
        status: Some(200),
        pointer: "/assets/*/reviewStatus",
        reason: NOT_REVIEWED,
    },
    Exception {
        operation: "quarantine.list",
        status: Some(200),
        pointer: "/assets/*/reviewedById",
        reason: NOT_REVIEWED,
    },
    Exception {
        operation: "quarantine.get",
        status: Some(200),
        pointer: "/reviewStatus",
        reason: NOT_REVIEWED,
    },
    Exception {
        operation: "quarantine.get",
        status: Some(200),
        pointer: "/reviewedById",
        reason: NOT_REVIEWED,
    },
    Exception {
        operation: "workflow_groups.list",
        status: Some(200),
        pointer: "",
        reason: WORKFLOW_LISTS,
    },
    Exception {
        operation: "workflow_metaproperties.list",
        status: Some(200),
        pointer: "",
        reason: WORKFLOW_LISTS,
    },
    Exception {
        operation: "job_presets.get",
        status: Some(200),
        pointer: "/presetstages",
        reason: "a preset has several stages, so `presetstages` is a list of the stage objects \
                 the definition describes (wf-jobs shows one stage object; bynder-api.md §5.8)",
    },
];

/// Why the workflow lists are lists.
const WORKFLOW_LISTS: &str = "the definition's schema for this list is one object (the schema of \
                              one item, wf-users-groups and wf-metaproperties); a portal has many, \
                              so the list is an array of those objects, as the SDKs read it \
                              (official-sdks.md: Java WorkflowService)";

/// Why media flags are 0/1.
const MEDIA_FLAGS: &str = "real media JSON has `\"archive\":0,\"isPublic\":1,\"watermarked\":0,\"limited\":0`; \
     the definitions type them boolean (bynder-api.md §3.2 and §7.1, from the npm SDK's \
     recorded answers; the Java and C# SDKs decode both)";

/// Why review fields are null.
const NOT_REVIEWED: &str = "an upload nobody reviewed yet has `reviewStatus` and `reviewedById` null: \
     bynder-api.md §5.11 lists `reviewStatus` as `APPROVED|REJECTED|null`, and the definition's own \
     example of both is null although it types them string";

/// The exception that covers a violation at `pointer`, if any.
pub fn excused(operation: &str, status: u16, pointer: &str) -> Option<&'static Exception> {
    EXCEPTIONS.iter().find(|e| {
        (e.operation == "*" || e.operation == operation)
            && e.status.is_none_or(|s| s == status)
            && covers(e.pointer, pointer)
    })
}

/// Whether `pointer` is the place `pattern` (segments, `*` for any one) names.
fn covers(pattern: &str, pointer: &str) -> bool {
    let want: Vec<&str> = pattern.split('/').collect();
    let have: Vec<&str> = pointer.split('/').collect();
    want.len() == have.len()
        && want
            .iter()
            .zip(&have)
            .all(|(want, have)| *want == "*" || want == have)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_name_one_place_and_wildcards_match_one_segment() {
        assert!(covers("", ""));
        assert!(!covers("", "/media"));
        assert!(covers("/media/*/id", "/media/3/id"));
        assert!(!covers("/media/*", "/media/3/id"));
        assert!(!covers("/media/*/id", "/media/3/name"));
        assert!(!covers("/media/*/id", "/media"));
    }

    #[test]
    fn every_exception_names_a_real_operation_and_gives_a_reason() {
        for e in EXCEPTIONS {
            assert!(
                e.operation == "*" || bynder::ops::find(e.operation).is_some(),
                "{}",
                e.operation
            );
            assert!(e.reason.len() > 20, "{}", e.operation);
        }
        assert!(excused("media.get", 404, "/statuscode").is_some());
        assert!(excused("media.get", 200, "/id").is_none());
    }
}
