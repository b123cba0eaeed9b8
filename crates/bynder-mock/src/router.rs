//! Routes a method and path to an operation of `bynder::ops::OPERATIONS`.
//!
//! The routes come from the table, so a new table entry is served without touching this
//! file. Matching is done here rather than by registering axum routes, because axum's
//! matcher refuses templates that name the same position differently (`/media/{id}/` next
//! to `/media/{mediaId}/save/`) and cannot fall back to another template when a path
//! segment has the wrong id form. Trailing slashes are optional on every path, as on the
//! real server.

use std::collections::HashMap;

use bynder::ops::{IdForm, Operation};

use crate::guard::has_id_form;

/// One segment of a path template.
#[derive(Debug, Clone)]
enum Segment {
    /// Must equal the request's segment.
    Static(&'static str),
    /// Any non-empty segment ending in `suffix` (`{year}.csv`; usually empty), captured
    /// without the suffix under the parameter's name.
    Param {
        name: &'static str,
        form: IdForm,
        suffix: &'static str,
    },
}

/// One operation's compiled template.
#[derive(Debug, Clone)]
struct Route {
    op: &'static Operation,
    segments: Vec<Segment>,
}

/// The outcome of routing a request.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// An operation and its path parameters (percent-decoded, id forms checked).
    Op(&'static Operation, HashMap<String, String>),
    /// The path has an operation's shape but an id of the wrong form (Bynder answers 404).
    WrongIdForm,
    /// The path exists but not with this method.
    MethodNotAllowed,
    /// No operation has this path.
    NotFound,
}

/// The compiled routes of an operation table.
#[derive(Debug, Clone)]
pub struct Router {
    routes: Vec<Route>,
}

impl Router {
    /// Compiles every operation of `ops`.
    pub fn from_table(ops: &'static [Operation]) -> Router {
        let routes = ops
            .iter()
            .map(|op| Route {
                op,
                segments: compile(op),
            })
            .collect();
        Router { routes }
    }

    /// Resolves `method` (upper case; `HEAD` counts as `GET`) and `path` (no query string).
    pub fn resolve(&self, method: &str, path: &str) -> Resolved {
        let segments = split_path(path);
        let method = match method {
            "HEAD" => "GET",
            other => other,
        };
        let mut shaped: Vec<&Route> = self
            .routes
            .iter()
            .filter(|route| shape_matches(route, &segments))
            .collect();
        if shaped.is_empty() {
            return Resolved::NotFound;
        }
        shaped.retain(|route| route.op.method.as_str() == method);
        if shaped.is_empty() {
            return Resolved::MethodNotAllowed;
        }
        // More specific templates first: at the first segment where two differ, the static
        // one wins (`/metaproperties/options/` before `/metaproperties/{id}/`).
        shaped.sort_by_key(|route| std::cmp::Reverse(specificity(route)));
        for route in &shaped {
            if let Some(params) = capture(route, &segments) {
                return Resolved::Op(route.op, params);
            }
        }
        Resolved::WrongIdForm
    }
}

/// Splits a path into percent-decoded segments, ignoring the leading and one trailing slash.
pub fn split_path(path: &str) -> Vec<String> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    if trimmed.is_empty() {
        return Vec::new();
    }
    trimmed
        .split('/')
        .map(|segment| {
            percent_encoding::percent_decode_str(segment)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect()
}

fn compile(op: &'static Operation) -> Vec<Segment> {
    let template = op.path.strip_prefix('/').unwrap_or(op.path);
    let template = template.strip_suffix('/').unwrap_or(template);
    template
        .split('/')
        .filter(|segment| !segment.is_empty())
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.split_once('}')) {
                Some((name, suffix)) => {
                    let form = op
                        .path_param(name)
                        .map_or(IdForm::Opaque, |param| param.form);
                    Segment::Param { name, form, suffix }
                }
                None => Segment::Static(segment),
            },
        )
        .collect()
}

fn shape_matches(route: &Route, segments: &[String]) -> bool {
    route.segments.len() == segments.len()
        && route
            .segments
            .iter()
            .zip(segments)
            .all(|(template, actual)| match template {
                Segment::Static(text) => *text == actual,
                Segment::Param { suffix, .. } => actual
                    .strip_suffix(suffix)
                    .is_some_and(|value| !value.is_empty()),
            })
}

fn specificity(route: &Route) -> Vec<bool> {
    route
        .segments
        .iter()
        .map(|segment| matches!(segment, Segment::Static(_)))
        .collect()
}

fn capture(route: &Route, segments: &[String]) -> Option<HashMap<String, String>> {
    let mut params = HashMap::new();
    for (template, actual) in route.segments.iter().zip(segments) {
        if let Segment::Param { name, form, suffix } = template {
            let value = actual.strip_suffix(suffix)?;
            if !has_id_form(value, *form) {
                return None;
            }
            params.insert((*name).to_string(), value.to_string());
        }
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CF: &str = "4A2B1C3D-0000-4000-8000000000000001";

    fn router() -> Router {
        Router::from_table(bynder::ops::OPERATIONS)
    }

    fn op_name(resolved: Resolved) -> String {
        match resolved {
            Resolved::Op(op, _) => op.name.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn trailing_slash_is_optional() {
        let router = router();
        assert_eq!(
            op_name(router.resolve("GET", "/api/v4/media/")),
            "media.list"
        );
        assert_eq!(
            op_name(router.resolve("GET", "/api/v4/media")),
            "media.list"
        );
        assert_eq!(
            op_name(router.resolve("GET", &format!("/api/v4/media/{CF}"))),
            "media.get"
        );
    }

    #[test]
    fn static_segments_beat_parameters() {
        let resolved = router().resolve("GET", "/api/v4/metaproperties/options/");
        assert_eq!(op_name(resolved), "metaproperties.options_by_ids");
    }

    #[test]
    fn wrong_id_form_and_unknown_paths_are_told_apart() {
        let router = router();
        let rfc = "4a2b1c3d-0000-4000-8000-000000000001";
        assert!(matches!(
            router.resolve("GET", &format!("/api/v4/media/{rfc}/")),
            Resolved::WrongIdForm
        ));
        assert!(matches!(
            router.resolve("GET", "/api/v4/nothing/"),
            Resolved::NotFound
        ));
        assert!(matches!(
            router.resolve("PATCH", "/api/v4/media/"),
            Resolved::MethodNotAllowed
        ));
    }

    #[test]
    fn a_parameter_may_share_its_segment_with_a_suffix() {
        match router().resolve("GET", "/v7/analytics/api/v1/historical/2022.csv") {
            Resolved::Op(op, params) => {
                assert_eq!(op.name, "analytics.historical_csv");
                assert_eq!(params.get("year").map(String::as_str), Some("2022"));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            router().resolve("GET", "/v7/analytics/api/v1/historical/.csv"),
            Resolved::NotFound
        ));
    }

    #[test]
    fn path_parameters_are_captured_and_decoded() {
        match router().resolve("GET", "/api/v4/profiles/a%20b/") {
            Resolved::Op(op, params) => {
                assert_eq!(op.name, "profiles.get");
                assert_eq!(params.get("id").map(String::as_str), Some("a b"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
