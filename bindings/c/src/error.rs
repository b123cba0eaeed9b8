//! `bynder_error`: what went wrong, with accessors that lend their strings until the error is
//! freed.

use std::ffi::{CString, c_char};

use bynder_core::Error;

use crate::guard::{free_box, guard_value};
use crate::status::{BYNDER_OK, bynder_status, status_of};
use crate::strings::c_string_lossy;

/// An error: status, kind name, HTTP status, message, request id and operation. Created by
/// the library on failure and owned by the caller, who frees it with `bynder_error_free`.
/// Immutable, so it may be read from several threads.
pub struct bynder_error {
    status: bynder_status,
    kind: CString,
    http_status: u16,
    message: CString,
    request_id: Option<CString>,
    operation: Option<CString>,
    display: CString,
}

impl bynder_error {
    pub fn new(error: &Error) -> bynder_error {
        let kind = error.kind();
        bynder_error {
            status: status_of(kind),
            kind: c_string_lossy(kind.name()),
            http_status: error.status().unwrap_or(0),
            message: c_string_lossy(error.message()),
            request_id: error.request_id().map(c_string_lossy),
            operation: error.operation().map(c_string_lossy),
            display: c_string_lossy(&error.to_string()),
        }
    }
}

/// Runs `read` on the error behind `error`, or answers `default` for NULL.
fn with_error<T>(error: *const bynder_error, default: T, read: impl FnOnce(&bynder_error) -> T) -> T
where
    T: Copy,
{
    guard_value(default, || {
        // SAFETY: the caller passes NULL or a pointer obtained from this library and not yet
        // freed (the documented contract of every accessor); errors are immutable.
        match unsafe { error.as_ref() } {
            Some(error) => read(error),
            None => default,
        }
    })
}

/// A string the error may lack (request id, operation), lent as NULL when absent.
fn lend(text: Option<&CString>) -> *const c_char {
    text.map_or(std::ptr::null(), |s| s.as_ptr())
}

/// The status of the failed call (a `BYNDER_ERR_*` number).
///
/// @param error an error, or NULL.
/// @return the status; `BYNDER_OK` for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_status(error: *const bynder_error) -> bynder_status {
    with_error(error, BYNDER_OK, |e| e.status)
}

/// The error's kind as a stable name (`"not_found"`, `"rate_limited"`...), the same as
/// `bynder_status_name(bynder_error_status(error))`.
///
/// @param error an error, or NULL.
/// @return a string owned by the error, valid until `bynder_error_free(error)`; NULL for a
///         NULL error. Do not free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_kind(error: *const bynder_error) -> *const c_char {
    with_error(error, std::ptr::null(), |e| e.kind.as_ptr())
}

/// The HTTP status the portal answered, or 0 when the error did not come from an HTTP answer
/// (invalid argument, network failure, cancellation...).
///
/// @param error an error, or NULL (answers 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_http_status(error: *const bynder_error) -> u16 {
    with_error(error, 0, |e| e.http_status)
}

/// The message: Bynder's own message for portal errors (`"Media not found"`), or what the
/// library found wrong. Never contains a token or secret.
///
/// @param error an error, or NULL.
/// @return a string owned by the error, valid until `bynder_error_free(error)`; NULL for a NULL
///         error. Do not free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_message(error: *const bynder_error) -> *const c_char {
    with_error(error, std::ptr::null(), |e| e.message.as_ptr())
}

/// The request id the portal sent with the failed answer (`X-Request-Id`), if any.
///
/// @param error an error, or NULL.
/// @return a string owned by the error, valid until `bynder_error_free(error)`, or NULL when
///         there is none. Do not free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_request_id(error: *const bynder_error) -> *const c_char {
    with_error(error, std::ptr::null(), |e| lend(e.request_id.as_ref()))
}

/// The operation that failed (`"media.get"`), if the error belongs to one.
///
/// @param error an error, or NULL.
/// @return a string owned by the error, valid until `bynder_error_free(error)`, or NULL. Do not
///         free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_operation(error: *const bynder_error) -> *const c_char {
    with_error(error, std::ptr::null(), |e| lend(e.operation.as_ref()))
}

/// Everything in one line, for logs:
/// `media.get: not_found (HTTP 404): Media not found [request id ...]`.
///
/// @param error an error, or NULL.
/// @return a string owned by the error, valid until `bynder_error_free(error)`; NULL for a NULL
///         error. Do not free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_display(error: *const bynder_error) -> *const c_char {
    with_error(error, std::ptr::null(), |e| e.display.as_ptr())
}

/// Frees an error and the strings its accessors lent.
///
/// @param error an error from this library, or NULL (ignored). Must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_error_free(error: *mut bynder_error) {
    // SAFETY: a non-NULL error comes from `Box::into_raw` in `guard::report` and the caller
    // frees it once (documented contract).
    unsafe { free_box(error, drop) };
}
