//! The operation table as JSON, so C programs (and languages built on this library) can list
//! and describe every operation `bynder_call` accepts.

use std::ffi::c_char;

use bynder_core::Error;
use bynder_core::ops::Operation;
use serde_json::Value;

use crate::error::bynder_error;
use crate::guard::guard;
use crate::status::bynder_status;
use crate::strings::{Out, json_object, json_out, optional_str, required_str};

/// Reads an operation name and its JSON parameters: `bynder_call` and `bynder_pages_new` take
/// the same pair, checked the same way.
///
/// # Safety
/// Both pointers are NULL or NUL-terminated strings valid during the call.
pub unsafe fn operation_args(
    operation: *const c_char,
    params_json: *const c_char,
) -> Result<(&'static Operation, Value), Error> {
    // SAFETY: forwarded from the caller.
    let name = unsafe { required_str(operation, "operation") }?;
    let params = json_object(
        // SAFETY: forwarded from the caller.
        unsafe { optional_str(params_json, "params_json") }?,
        "params_json",
    )?;
    Ok((bynder_core::ops::require(name)?, params))
}

/// Every operation `bynder_call` and `bynder_pages_new` accept, as a JSON array. Each entry:
/// `name` (`"media.get"`), `group`, `action`, `summary`, `method`, `path`, `path_params`
/// (`[name, "coldfusion"|"rfc4122"|"opaque"]` pairs), `params` (documented parameter names),
/// `encoding` (`query`/`form`/`json`/`raw`), `paging` (`none`/`page_limit`/
/// `pagination_headers`/`cursor_header`), `max_limit`, `items` (`body`/`key:NAME`/
/// `object_values`), `scopes` and `binary` (true: the answer is bytes, an image; call it with
/// `bynder_call_bytes`).
///
/// @param out_json receives the JSON; free it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`, or `BYNDER_ERR_INVALID_ARGUMENT` when `out_json` is NULL.
///
/// Thread-safe; no client or network needed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_operations_json(
    out_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::new(out_json, "out_json") }?;
        out.set(json_out(&bynder_core::ops::catalog())?);
        Ok(())
    })
}
