//! `bynder_call_bytes`: the generic call for operations that answer bytes (an image from
//! `transformations.get`), handed out as a buffer and its length, since a body with NUL bytes
//! cannot travel as a C string.

use std::ffi::c_char;

use bynder_core::Error;

use crate::client::bynder_client;
use crate::error::bynder_error;
use crate::guard::{guard, guard_value};
use crate::ops::operation_args;
use crate::runtime::block_on;
use crate::status::bynder_status;
use crate::strings::{Out, handle};

/// Calls any operation by name and answers its body as the portal sent it: for the operations
/// whose `binary` is true in `bynder_operations_json` (images), which `bynder_call` would
/// return as JSON text.
///
/// @param client the client.
/// @param operation the operation's name, e.g. `"transformations.get"`.
/// @param params_json the parameters as a JSON object, or NULL for none (as for `bynder_call`;
///        a list of `io` is sent as repeated `io` keys, applied in order).
/// @param out_data receives the body, or NULL when it is empty or the call fails; free it with
///        `bynder_bytes_free(data, len)`.
/// @param out_len receives the body's length in bytes (0 on failure).
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK` or the failure's status (`BYNDER_ERR_VALIDATION` for an unsupported
///         transformation, `BYNDER_ERR_NOT_FOUND`...).
///
/// Blocks the calling thread until the answer. Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_call_bytes(
    client: *const bynder_client,
    operation: *const c_char,
    params_json: *const c_char,
    out_data: *mut *mut u8,
    out_len: *mut usize,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract); cleared so they are empty whatever fails.
        let data = unsafe { Out::new(out_data, "out_data") }?;
        if out_len.is_null() {
            return Err(Error::invalid_argument("out_len is NULL"));
        }
        // SAFETY: not NULL and writable (contract).
        unsafe { out_len.write(0) };
        // SAFETY: NULL or a live client (contract).
        let client = unsafe { handle(client, "client") }?;
        // SAFETY: NULL or valid strings (contract).
        let (op, params) = unsafe { operation_args(operation, params_json) }?;
        let shared = &client.shared;
        let body = shared.finish(block_on(shared.client.call_bytes(op.name, params))?)?;
        if !body.is_empty() {
            let len = body.len();
            data.set(Box::into_raw(Box::<[u8]>::from(body.as_ref())).cast::<u8>());
            // SAFETY: not NULL and writable (checked above).
            unsafe { out_len.write(len) };
        }
        Ok(())
    })
}

/// Frees a buffer from `bynder_call_bytes`.
///
/// @param data the buffer, or NULL (ignored). Must not be used afterwards, nor freed with
///        `free()`.
/// @param len the length `bynder_call_bytes` gave with it.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_bytes_free(data: *mut u8, len: usize) {
    guard_value((), || {
        if !data.is_null() {
            // SAFETY: every buffer this library hands out is a boxed slice of `len` bytes
            // (`bynder_call_bytes`), and the caller frees it once with that length.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(data, len)) });
        }
    });
}
