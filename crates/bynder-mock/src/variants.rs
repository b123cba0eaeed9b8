//! Request shapes the official SDKs send that differ from the table's templates: the Java
//! SDK reads and deletes assets and collections with `?id=X` on the list path, the JS SDK
//! modifies an asset with `id` in the form of `POST /api/v4/media/`, and the JS and Java SDKs
//! save an upload with `importId` in the form of `POST /api/v4/media/save/` (or
//! `/api/v4/media/{id}/save/` for a new version) (`reference/official-sdks.md` §0 item 7,
//! §2.2, §2.4; `reference/bynder-api.md` §6.1 step 6a').

use std::collections::HashMap;

use crate::router::split_path;

/// Where the parameters of a variant travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Query,
    Form,
}

/// One variant: a method and path (`{name}` segments are captured) that, carrying every
/// parameter of `fields` (`(parameter, path parameter)`), mean operation `op` with those
/// values as its path parameters.
#[derive(Debug, Clone, Copy)]
struct Variant {
    method: &'static str,
    path: &'static str,
    fields: &'static [(&'static str, &'static str)],
    source: Source,
    op: &'static str,
}

const ID: &[(&str, &str)] = &[("id", "id")];

/// First match wins: the variants needing more fields come first.
const VARIANTS: &[Variant] = &[
    Variant {
        method: "GET",
        path: "/api/v4/media/",
        fields: ID,
        source: Source::Query,
        op: "media.get",
    },
    Variant {
        method: "DELETE",
        path: "/api/v4/media/",
        fields: ID,
        source: Source::Query,
        op: "media.delete",
    },
    Variant {
        method: "POST",
        path: "/api/v4/media/",
        fields: ID,
        source: Source::Form,
        op: "media.modify",
    },
    Variant {
        method: "POST",
        path: "/api/v4/media/save/",
        fields: &[("importId", "importId"), ("id", "id")],
        source: Source::Form,
        op: "upload.save_version",
    },
    Variant {
        method: "POST",
        path: "/api/v4/media/save/",
        fields: &[("importId", "importId")],
        source: Source::Form,
        op: "upload.save",
    },
    Variant {
        method: "POST",
        path: "/api/v4/media/{id}/save/",
        fields: &[("importId", "importId")],
        source: Source::Form,
        op: "upload.save_version",
    },
    Variant {
        method: "GET",
        path: "/api/v4/collections/",
        fields: ID,
        source: Source::Query,
        op: "collections.get",
    },
    Variant {
        method: "DELETE",
        path: "/api/v4/collections/",
        fields: ID,
        source: Source::Query,
        op: "collections.delete",
    },
];

/// The operation name and path parameters a request means when it is one of the variants;
/// the caller still checks the id forms. `method` is upper case.
pub fn rewrite(
    method: &str,
    path: &str,
    query: &[(String, String)],
    form: &[(String, String)],
) -> Option<(&'static str, HashMap<String, String>)> {
    let method = if method == "HEAD" { "GET" } else { method };
    let segments = split_path(path);
    VARIANTS.iter().find_map(|variant| {
        if variant.method != method {
            return None;
        }
        let mut params = capture(variant.path, &segments)?;
        let pairs = match variant.source {
            Source::Query => query,
            Source::Form => form,
        };
        for (field, path_param) in variant.fields {
            let (_, value) = pairs
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(field))?;
            params.insert((*path_param).to_string(), value.clone());
        }
        Some((variant.op, params))
    })
}

/// The `{name}` segments of `template` when `segments` has its shape.
fn capture(template: &str, segments: &[String]) -> Option<HashMap<String, String>> {
    let template = split_path(template);
    if template.len() != segments.len() {
        return None;
    }
    let mut params = HashMap::new();
    for (part, actual) in template.iter().zip(segments) {
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(name) => {
                params.insert(name.to_string(), actual.clone());
            }
            None if part == actual => {}
            None => return None,
        }
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn query_id_turns_a_list_path_into_a_single_item_operation() {
        let query = pairs(&[("id", "ABC"), ("versions", "1")]);
        let (op, params) = rewrite("GET", "/api/v4/media", &query, &[]).unwrap();
        assert_eq!(op, "media.get");
        assert_eq!(params.get("id").map(String::as_str), Some("ABC"));
        assert_eq!(
            rewrite("DELETE", "/api/v4/collections/", &query, &[])
                .unwrap()
                .0,
            "collections.delete"
        );
    }

    #[test]
    fn form_id_turns_a_post_into_modify() {
        let form = pairs(&[("id", "ABC"), ("name", "x")]);
        assert_eq!(
            rewrite("POST", "/api/v4/media/", &[], &form).unwrap().0,
            "media.modify"
        );
        // The id must be in the form for a POST, not the query.
        assert!(rewrite("POST", "/api/v4/media/", &form, &[]).is_none());
    }

    #[test]
    fn form_import_id_turns_a_post_into_a_save() {
        let form = pairs(&[("importId", "IMP"), ("brandId", "B")]);
        let (op, params) = rewrite("POST", "/api/v4/media/save/", &[], &form).unwrap();
        assert_eq!(op, "upload.save");
        assert_eq!(params.get("importId").map(String::as_str), Some("IMP"));
        let with_id = pairs(&[("importId", "IMP"), ("id", "MEDIA")]);
        let (op, params) = rewrite("POST", "/api/v4/media/save", &[], &with_id).unwrap();
        assert_eq!(op, "upload.save_version");
        assert_eq!(params.get("id").map(String::as_str), Some("MEDIA"));
        let (op, params) = rewrite("POST", "/api/v4/media/MEDIA/save/", &[], &form).unwrap();
        assert_eq!(op, "upload.save_version");
        assert_eq!(params.get("id").map(String::as_str), Some("MEDIA"));
        assert_eq!(params.get("importId").map(String::as_str), Some("IMP"));
        assert!(rewrite("POST", "/api/v4/media/save/", &[], &[]).is_none());
    }

    #[test]
    fn requests_without_id_are_left_alone() {
        assert!(rewrite("GET", "/api/v4/media/", &pairs(&[("ids", "A,B")]), &[]).is_none());
        assert!(rewrite("GET", "/api/v4/tags/", &pairs(&[("id", "A")]), &[]).is_none());
    }
}
