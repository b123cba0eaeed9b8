//! Request shapes the official SDKs send that differ from the table's templates: the Java
//! SDK reads and deletes assets and collections with `?id=X` on the list path, and the JS
//! SDK modifies an asset with `id` in the form of `POST /api/v4/media/`
//! (`reference/official-sdks.md` §0 item 7, §2.2, §2.4).

use std::collections::HashMap;

use crate::router::split_path;

/// Where the `id` of a variant travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Query,
    Form,
}

/// One variant: a method and path that, carrying parameter `param`, mean operation `op`
/// with that value as its path parameter `path_param`.
#[derive(Debug, Clone, Copy)]
struct Variant {
    method: &'static str,
    path: &'static str,
    param: &'static str,
    source: Source,
    op: &'static str,
    path_param: &'static str,
}

const VARIANTS: &[Variant] = &[
    Variant {
        method: "GET",
        path: "/api/v4/media/",
        param: "id",
        source: Source::Query,
        op: "media.get",
        path_param: "id",
    },
    Variant {
        method: "DELETE",
        path: "/api/v4/media/",
        param: "id",
        source: Source::Query,
        op: "media.delete",
        path_param: "id",
    },
    Variant {
        method: "POST",
        path: "/api/v4/media/",
        param: "id",
        source: Source::Form,
        op: "media.modify",
        path_param: "id",
    },
    Variant {
        method: "GET",
        path: "/api/v4/collections/",
        param: "id",
        source: Source::Query,
        op: "collections.get",
        path_param: "id",
    },
    Variant {
        method: "DELETE",
        path: "/api/v4/collections/",
        param: "id",
        source: Source::Query,
        op: "collections.delete",
        path_param: "id",
    },
];

/// The operation name and path parameters a request means when it is one of the variants;
/// the caller still checks the id form. `method` is upper case.
pub fn rewrite(
    method: &str,
    path: &str,
    query: &[(String, String)],
    form: &[(String, String)],
) -> Option<(&'static str, HashMap<String, String>)> {
    let method = if method == "HEAD" { "GET" } else { method };
    let segments = split_path(path);
    VARIANTS.iter().find_map(|variant| {
        if variant.method != method || split_path(variant.path) != segments {
            return None;
        }
        let pairs = match variant.source {
            Source::Query => query,
            Source::Form => form,
        };
        let (_, value) = pairs
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(variant.param))?;
        let params = HashMap::from([(variant.path_param.to_string(), value.clone())]);
        Some((variant.op, params))
    })
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
    fn requests_without_id_are_left_alone() {
        assert!(rewrite("GET", "/api/v4/media/", &pairs(&[("ids", "A,B")]), &[]).is_none());
        assert!(rewrite("GET", "/api/v4/tags/", &pairs(&[("id", "A")]), &[]).is_none());
    }
}
