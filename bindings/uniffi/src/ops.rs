//! The core's operation table for Kotlin and Swift: what `BynderClient.call` accepts, from the
//! same description every face reads (an operation added to the core needs no code here).

use serde_json::Value;

/// One operation of the table.
#[derive(Debug, Clone, uniffi::Record)]
pub struct OperationInfo {
    /// `media.get`: what `call` takes.
    pub name: String,
    /// `media`.
    pub group: String,
    /// `get`.
    pub action: String,
    /// One line on what it does.
    pub summary: String,
    /// `GET`, `POST`...
    pub method: String,
    /// The path template, e.g. `/api/v4/media/{id}/`.
    pub path: String,
    /// Documented parameter names (Bynder's spelling).
    pub params: Vec<String>,
    /// `none`, `page_limit`, `pagination_headers` or `cursor_header`: whether `pages` applies.
    pub paging: String,
    /// OAuth2 scopes the operation needs.
    pub scopes: Vec<String>,
    /// Whether it answers bytes (an image): call it with `callBytes`.
    pub binary: bool,
    /// The whole catalog entry as JSON (path parameters and their id forms, encoding...).
    pub json: String,
}

fn text(entry: &Value, key: &str) -> String {
    entry
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn texts(entry: &Value, key: &str) -> Vec<String> {
    entry
        .get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Every operation `BynderClient.call` accepts.
#[uniffi::export]
pub fn operations() -> Vec<OperationInfo> {
    let catalog = bynder::ops::catalog();
    let entries = catalog.as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .map(|entry| OperationInfo {
            name: text(entry, "name"),
            group: text(entry, "group"),
            action: text(entry, "action"),
            summary: text(entry, "summary"),
            method: text(entry, "method"),
            path: text(entry, "path"),
            params: texts(entry, "params"),
            paging: text(entry, "paging"),
            scopes: texts(entry, "scopes"),
            binary: entry
                .get("binary")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            json: entry.to_string(),
        })
        .collect()
}

/// The operation table as one JSON array (see `bynder::ops::catalog`).
#[uniffi::export]
pub fn operations_json() -> String {
    bynder::ops::catalog().to_string()
}

/// Every OAuth2 scope the library knows, in Bynder's spelling.
#[uniffi::export]
pub fn scopes() -> Vec<String> {
    bynder::Scope::ALL
        .iter()
        .map(|s| s.as_str().to_string())
        .collect()
}

/// The version of this library.
#[uniffi::export]
pub fn library_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
