//! Bynder's published OpenAPI definitions (`../shared/reference/openapi/`), read once for the
//! tests that compare them with the operation table (`openapi_table.rs`, `coverage.rs`).
//! Included with `#[path]`, so a test that uses only part of it must not warn about the rest.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

pub use bynder_mock::schema::normalise;
use bynder_mock::schema::server_path;

/// Operations the official SDKs call that the published definitions lack, with the source.
pub const NOT_IN_OPENAPI: &[(&str, &str)] = &[
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
    (
        "jobs.upload",
        "bynder-api.md §5.8: OAS wf-jobs keys it /workflow-jobs/{id}/upload; LLMS slug post_api-workflow-jobs-id-upload",
    ),
];

/// The methods an OpenAPI path item may hold that are operations.
const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

/// What the definitions say about one operation (one METHOD + normalised path).
#[derive(Debug, Default)]
pub struct Documented {
    /// Request media type of each description seen; `None` stands for "no body". Files that
    /// describe the same operation may disagree (a test copy says `text/plain`), so all are kept.
    pub medias: Vec<Option<String>>,
    /// Path parameter names, from the first file (in name order) that describes the operation.
    pub path_params: Vec<String>,
    /// The path as that first file spells it, relative to its server.
    pub template: String,
    /// The path of that file's server (`/api/1/authoring` for TEA), empty for the host root.
    /// Table paths are from the host root, so they are compared with `server + template`.
    pub server: String,
    /// Names of the files that describe the operation, sorted, each once.
    pub files: Vec<String>,
}

pub fn openapi_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/openapi")
}

/// Names of the definition files, sorted so every run reads them in the same order.
pub fn files() -> Vec<String> {
    let dir = openapi_dir();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut names: Vec<String> = entries
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// (METHOD, normalised path) -> what the definitions say about it.
pub fn documented() -> BTreeMap<(String, String), Documented> {
    let mut out: BTreeMap<(String, String), Documented> = BTreeMap::new();
    for file in files() {
        let path = openapi_dir().join(&file);
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let doc: Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let Some(paths) = doc["paths"].as_object() else {
            continue;
        };
        let server = server_path(&file, &doc);
        for (template, item) in paths {
            let item = item
                .as_object()
                .unwrap_or_else(|| panic!("{file}: path item {template} is not an object"));
            for (method, op) in item {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let media = op["requestBody"]["content"]
                    .as_object()
                    .and_then(|c| c.keys().next().cloned());
                let entry = out
                    .entry((
                        method.to_uppercase(),
                        normalise(&format!("{server}{template}")),
                    ))
                    .or_insert_with(|| Documented {
                        path_params: path_param_names(op),
                        template: template.clone(),
                        server: server.clone(),
                        ..Documented::default()
                    });
                entry.medias.push(media);
                if !entry.files.contains(&file) {
                    entry.files.push(file.clone());
                }
            }
        }
    }
    out
}

fn path_param_names(op: &Value) -> Vec<String> {
    op["parameters"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter(|p| p["in"] == "path")
                .filter_map(|p| p["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
