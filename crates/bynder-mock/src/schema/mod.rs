//! Checking the mock's answers against the response schemas of Bynder's published OpenAPI
//! definitions (`MockConfig::response_schemas`, `docs/mock.md` "Responses checked against the
//! definitions").

mod checker;
mod definitions;
mod exceptions;
mod validate;

pub use checker::{LOG_ENV, ResponseChecker, SchemaViolation};
pub use definitions::{Definitions, Document, ResponseSchema, normalise, server_path};
pub use exceptions::{EXCEPTIONS, Exception};
pub use validate::{SchemaError, validate};

/// Where this repository's build expects the definitions (`../shared/reference/openapi` next
/// to the repository root), as a default for tests.
pub fn default_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/openapi")
}
