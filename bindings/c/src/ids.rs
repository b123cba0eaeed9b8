//! Identifier conversion: Bynder uses two UUID spellings, and the library accepts either.

use std::ffi::c_char;

use bynder_core::Error;
use bynder_core::id::BynderId;

use crate::error::bynder_error;
use crate::guard::guard;
use crate::status::bynder_status;
use crate::strings::{Out, owned, required_str};

/// Converts an identifier to another form. Input: a ColdFusion UUID (`8-4-4-16`, as
/// `/api/v4` uses), an RFC 4122 UUID (`8-4-4-4-12`), or 32 hex digits, in any letter case,
/// with surrounding ASCII whitespace ignored. Conversion is exact both ways.
///
/// You never need this to call operations (they convert path ids themselves); it is for
/// comparing ids and storing them in one form.
///
/// @param id the identifier.
/// @param form `"coldfusion"` (upper case 8-4-4-16), `"rfc4122"` (lower case 8-4-4-4-12) or
///        `"compact"` (32 lower-case hex digits).
/// @param out_id receives the converted id; free it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_INVALID_ID` for a malformed id;
///         `BYNDER_ERR_INVALID_ARGUMENT` for NULL arguments or an unknown form.
///
/// Thread-safe; no client or network needed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_id_convert(
    id: *const c_char,
    form: *const c_char,
    out_id: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::new(out_id, "out_id") }?;
        // SAFETY: NULL or valid pointers (contract).
        let id = unsafe { required_str(id, "id") }?;
        let form = unsafe { required_str(form, "form") }?;
        let parsed = BynderId::parse(id)?;
        let converted = match form {
            "coldfusion" => parsed.to_coldfusion(),
            "rfc4122" => parsed.to_rfc4122(),
            "compact" => parsed.to_compact(),
            other => {
                return Err(Error::invalid_argument(format!(
                    "form must be \"coldfusion\", \"rfc4122\" or \"compact\", not {other:?}"
                )));
            }
        };
        out.set(owned(converted)?);
        Ok(())
    })
}
