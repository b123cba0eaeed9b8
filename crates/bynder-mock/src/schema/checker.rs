//! Checks a portal's JSON answers against their documented schemas and keeps what it found.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use bynder::ops::Operation;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::definitions::Definitions;
use super::exceptions::excused;
use super::validate::validate;
use crate::request::{OpResponse, ResponseBody};

/// At most this many errors are kept from one answer (a page of a thousand wrong items would
/// otherwise drown the list).
const ERRORS_PER_ANSWER: usize = 5;

/// Set to a file name, every checking portal appends, when it is dropped, a line
/// `checked<TAB>operation<TAB>status` for each operation and status it checked and
/// `violation<TAB>…` for each violation, so a run of many test binaries can be summed up.
pub const LOG_ENV: &str = "BYNDER_MOCK_SCHEMA_LOG";

/// An answer that does not match its documented schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaViolation {
    /// The operation that answered (`media.get`).
    pub operation: String,
    /// The answer's status.
    pub status: u16,
    /// The definition file whose schema it breaks.
    pub file: String,
    /// Where and how: `/media/0/id: expected string, found integer 5`.
    pub error: String,
    /// How many answers broke it the same way.
    pub count: u64,
}

impl std::fmt::Display for SchemaViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} ({}): {}",
            self.operation, self.status, self.file, self.error
        )?;
        if self.count > 1 {
            write!(f, " (x{})", self.count)?;
        }
        Ok(())
    }
}

#[derive(Debug, Default)]
struct Found {
    violations: Vec<SchemaViolation>,
    /// (operation, status) -> answers checked against a schema.
    checked: BTreeMap<(String, u16), u64>,
}

/// The response checker of one portal.
#[derive(Debug)]
pub struct ResponseChecker {
    definitions: Arc<Definitions>,
    found: Mutex<Found>,
}

impl ResponseChecker {
    /// A checker against `definitions`.
    pub fn new(definitions: Arc<Definitions>) -> ResponseChecker {
        ResponseChecker {
            definitions,
            found: Mutex::default(),
        }
    }

    /// Checks a handler's answer to `op` when its body is JSON (a JSON value, or bytes of a
    /// `*json*` media type such as TEA's `application/vnd.api+json`).
    pub fn check_answer(&self, op: &Operation, answer: &OpResponse) {
        match &answer.body {
            ResponseBody::Json(body) => self.check(op, answer.status, body),
            ResponseBody::Bytes { content_type, data } if content_type.contains("json") => {
                let body = serde_json::from_slice(data)
                    .unwrap_or_else(|_| Value::String("(not JSON)".to_string()));
                self.check(op, answer.status, &body);
            }
            _ => {}
        }
    }

    /// Checks one JSON answer of `op`. A body that matches the schema of any file documenting
    /// the operation is fine (test copies of a definition sometimes differ); otherwise the
    /// errors against the first file's schema are kept, less the deliberate exceptions.
    pub fn check(&self, op: &Operation, status: u16, body: &Value) {
        let schemas = self.definitions.response_schemas(op, status);
        let Some(first) = schemas.first() else {
            return;
        };
        let mut first_errors = None;
        let mut fine = false;
        for schema in &schemas {
            let errors: Vec<_> = validate(&schema.document.root, schema.schema, body)
                .into_iter()
                .filter(|e| excused(op.name, status, &e.pointer).is_none())
                .collect();
            if errors.is_empty() {
                fine = true;
                break;
            }
            first_errors.get_or_insert(errors);
        }
        let Ok(mut found) = self.found.lock() else {
            return;
        };
        *found
            .checked
            .entry((op.name.to_string(), status))
            .or_default() += 1;
        if fine {
            return;
        }
        for error in first_errors
            .unwrap_or_default()
            .into_iter()
            .take(ERRORS_PER_ANSWER)
        {
            let error = error.to_string();
            let same = found
                .violations
                .iter_mut()
                .find(|v| v.operation == op.name && v.status == status && v.error == error);
            match same {
                Some(same) => same.count += 1,
                None => found.violations.push(SchemaViolation {
                    operation: op.name.to_string(),
                    status,
                    file: first.document.file.clone(),
                    error,
                    count: 1,
                }),
            }
        }
    }

    /// The violations found so far.
    pub fn violations(&self) -> Vec<SchemaViolation> {
        self.found
            .lock()
            .map(|f| f.violations.clone())
            .unwrap_or_default()
    }

    /// Answers checked against a schema so far, per operation and status.
    pub fn checked(&self) -> BTreeMap<(String, u16), u64> {
        self.found
            .lock()
            .map(|f| f.checked.clone())
            .unwrap_or_default()
    }

    /// Appends what was checked to the file named by [`LOG_ENV`], when it is set.
    pub fn append_log(&self) {
        let Some(path) = std::env::var_os(LOG_ENV) else {
            return;
        };
        let mut lines: String = self
            .checked()
            .keys()
            .map(|(op, status)| format!("checked\t{op}\t{status}\n"))
            .collect();
        for violation in self.violations() {
            lines.push_str(&format!("violation\t{violation}\n"));
        }
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| file.write_all(lines.as_bytes()));
        if let Err(err) = written {
            tracing::warn!(error = %err, "cannot append to {LOG_ENV}");
        }
    }
}
