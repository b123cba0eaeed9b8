//! Bynder's published OpenAPI definitions, read once per directory, indexed by method and
//! path so a table operation finds the response schemas documented for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use bynder::ops::Operation;
use serde_json::Value;

/// The methods of an OpenAPI path item that are operations.
const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

/// One definition file.
#[derive(Debug)]
pub struct Document {
    /// File name, e.g. `bynder-asset-v4-openapi.json`.
    pub file: String,
    /// The whole file, which local `$ref`s point into.
    pub root: Value,
}

/// A response schema documented for an operation and a status.
#[derive(Debug, Clone, Copy)]
pub struct ResponseSchema<'a> {
    /// The file that documents it (`$ref`s resolve in `document.root`).
    pub document: &'a Document,
    /// The schema object.
    pub schema: &'a Value,
}

/// Where one file documents an operation.
#[derive(Debug)]
struct Entry {
    /// Index of the file in `Definitions::documents`.
    document: usize,
    /// The path key, as the file spells it.
    template: String,
    /// The method key, lower case.
    method: String,
}

/// (METHOD, normalised path from the host root) -> where it is documented, in file-name order.
type Index = HashMap<(String, String), Vec<Entry>>;

/// Every definition file of a directory.
#[derive(Debug)]
pub struct Definitions {
    documents: Vec<Document>,
    index: Index,
}

impl Definitions {
    /// The definitions in `dir` (every `*.json` file), read once per process and directory.
    pub fn load(dir: &Path) -> std::io::Result<Arc<Definitions>> {
        static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Definitions>>>> = OnceLock::new();
        let key = dir.canonicalize().map_err(|err| {
            std::io::Error::new(
                err.kind(),
                format!("OpenAPI definitions directory {}: {err}", dir.display()),
            )
        })?;
        let cache = CACHE.get_or_init(Mutex::default);
        if let Some(found) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(found);
        }
        let loaded = Arc::new(Definitions::read(&key)?);
        if let Ok(mut cache) = cache.lock() {
            cache.insert(key, loaded.clone());
        }
        Ok(loaded)
    }

    fn read(dir: &Path) -> std::io::Result<Definitions> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        // The first file in name order wins a tie, like the table's coverage test.
        names.sort();
        if names.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no OpenAPI definitions (*.json) in {}", dir.display()),
            ));
        }
        let mut documents = Vec::new();
        for path in names {
            let bytes = std::fs::read(&path)?;
            let root: Value = serde_json::from_slice(&bytes).map_err(|err| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} is not JSON: {err}", path.display()),
                )
            })?;
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            documents.push(Document { file, root });
        }
        let mut index = Index::new();
        for (at, document) in documents.iter().enumerate() {
            let Some(paths) = document.root["paths"].as_object() else {
                continue;
            };
            let server = server_path(&document.file, &document.root);
            for (template, item) in paths {
                let Some(item) = item.as_object() else {
                    continue;
                };
                for method in item.keys().filter(|m| METHODS.contains(&m.as_str())) {
                    let key = (
                        method.to_uppercase(),
                        normalise(&format!("{server}{template}")),
                    );
                    index.entry(key).or_default().push(Entry {
                        document: at,
                        template: template.clone(),
                        method: method.clone(),
                    });
                }
            }
        }
        Ok(Definitions { documents, index })
    }

    /// Whether the definitions describe `op` at all (method and path).
    pub fn documents_operation(&self, op: &Operation) -> bool {
        self.index.contains_key(&key(op))
    }

    /// The JSON response schemas documented for `op` answering `status`, one per file that
    /// gives one (`responses.<status>`, else `default`), in file-name order.
    pub fn response_schemas(&self, op: &Operation, status: u16) -> Vec<ResponseSchema<'_>> {
        self.responses(op)
            .filter_map(|(document, responses)| {
                let response = responses
                    .get(status.to_string())
                    .or_else(|| responses.get("default"))?;
                let schema = json_schema(follow_ref(&document.root, response))?;
                Some(ResponseSchema { document, schema })
            })
            .collect()
    }

    /// Whether any status of `op` has a documented JSON response schema.
    pub fn has_json_response(&self, op: &Operation) -> bool {
        self.responses(op).any(|(document, responses)| {
            responses.as_object().is_some_and(|all| {
                all.values()
                    .any(|r| json_schema(follow_ref(&document.root, r)).is_some())
            })
        })
    }

    /// The `responses` object of each file that documents `op`.
    fn responses(&self, op: &Operation) -> impl Iterator<Item = (&Document, &Value)> {
        self.index
            .get(&key(op))
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let document = self.documents.get(entry.document)?;
                let responses =
                    &document.root["paths"][&entry.template][&entry.method]["responses"];
                Some((document, responses))
            })
    }
}

/// The schema of the response's JSON media type (`application/json`, or any `*json*`).
fn json_schema(response: &Value) -> Option<&Value> {
    let content = response["content"].as_object()?;
    let media = content.get("application/json").or_else(|| {
        content
            .iter()
            .find(|(name, _)| name.contains("json"))
            .map(|(_, media)| media)
    })?;
    media.get("schema").filter(|s| s.is_object())
}

/// A response object given as a `$ref` (`#/components/responses/X`).
fn follow_ref<'a>(root: &'a Value, value: &'a Value) -> &'a Value {
    value["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|pointer| root.pointer(pointer))
        .unwrap_or(value)
}

fn key(op: &Operation) -> (String, String) {
    (op.method.as_str().to_string(), normalise(op.path))
}

/// Server paths of the files that name no `servers`: the base URL their description gives.
/// The automation workflow rules live under this path on a host of their own
/// (`bynder::ops::Host::Automation`), as the `-svc` copy's server says.
const SERVER_PATHS_WITHOUT_SERVERS: &[(&str, &str)] = &[(
    "bynder-automation-workflow-openapi.json",
    "/api/1/automation-workflow",
)];

/// The path part of file `file`'s first server URL (`https://$ACCOUNT.bynder.com/api/1/authoring`
/// gives `/api/1/authoring`) without a trailing slash; empty for the host root.
pub fn server_path(file: &str, root: &Value) -> String {
    if let Some((_, path)) = SERVER_PATHS_WITHOUT_SERVERS
        .iter()
        .find(|(f, _)| *f == file)
    {
        return (*path).to_string();
    }
    let Some(url) = root["servers"][0]["url"].as_str() else {
        return String::new();
    };
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..])
        .trim_end_matches('/')
        .to_string()
}

/// A path without trailing slash and with parameters as `{}` (their names are ignored).
pub fn normalise(template: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_compare_without_parameter_names_or_trailing_slash() {
        assert_eq!(normalise("/api/v4/media/{id}/"), "/api/v4/media/{}");
        assert_eq!(normalise("/api/v4/media/{mediaId}"), "/api/v4/media/{}");
    }

    #[test]
    fn server_paths_come_from_the_first_server() {
        let tea = serde_json::json!({"servers": [{"url": "https://$ACCOUNT.bynder.com/api/1/authoring"}]});
        assert_eq!(server_path("tea.json", &tea), "/api/1/authoring");
        let root = serde_json::json!({"servers": [{"url": "https://{your-bynder-domain}/"}]});
        assert_eq!(server_path("x.json", &root), "");
        assert_eq!(server_path("x.json", &serde_json::json!({})), "");
        let automation = "bynder-automation-workflow-openapi.json";
        assert_eq!(
            server_path(automation, &serde_json::json!({})),
            "/api/1/automation-workflow"
        );
    }

    #[test]
    fn a_missing_directory_is_a_clear_error() {
        let err = Definitions::load(Path::new("/nonexistent/openapi")).err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("/nonexistent/openapi"), "{text}");
    }
}
