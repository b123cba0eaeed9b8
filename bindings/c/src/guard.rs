//! The boundary every entry point goes through: a panic is caught and becomes
//! `BYNDER_ERR_INTERNAL`, and an error is handed to the caller through the optional
//! `bynder_error**`.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use bynder_core::{Error, ErrorKind};

use crate::error::bynder_error;
use crate::status::{BYNDER_OK, bynder_status, status_of};

/// Runs `body` for an entry point that returns a status. `*err` (when `err` is not NULL) is
/// set to NULL first, and to a new `bynder_error` if `body` fails or panics.
pub fn guard(
    err: *mut *mut bynder_error,
    body: impl FnOnce() -> Result<(), Error>,
) -> bynder_status {
    if !err.is_null() {
        // SAFETY: a non-NULL `err` points to writable storage for one pointer (documented for
        // every function taking `bynder_error **err`).
        unsafe { err.write(std::ptr::null_mut()) };
    }
    let error = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return BYNDER_OK,
        Ok(Err(error)) => error,
        Err(payload) => panic_error(payload.as_ref()),
    };
    report(err, &error)
}

/// Runs `body` for an entry point that returns a plain value (accessors, frees), answering
/// `default` if it panics.
pub fn guard_value<T>(default: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(default)
}

/// Frees a handle the library boxed, ignoring NULL: every `*_free` function of a handle does
/// this, `release` saying how the box is dropped.
///
/// # Safety
/// `pointer` is NULL or comes from `Box::into_raw` in this library and is freed once.
pub unsafe fn free_box<T>(pointer: *mut T, release: impl FnOnce(Box<T>)) {
    guard_value((), || {
        if !pointer.is_null() {
            // SAFETY: not NULL, boxed by this library and freed once (the caller's contract).
            release(unsafe { Box::from_raw(pointer) });
        }
    });
}

/// Writes `error` to `*err` (when asked for) and answers its status.
fn report(err: *mut *mut bynder_error, error: &Error) -> bynder_status {
    let status = status_of(error.kind());
    if !err.is_null() {
        let boxed = catch_unwind(AssertUnwindSafe(|| {
            Box::into_raw(Box::new(bynder_error::new(error)))
        }));
        if let Ok(pointer) = boxed {
            // SAFETY: as in `guard`; the caller now owns the error and frees it with
            // `bynder_error_free`.
            unsafe { err.write(pointer) };
        }
    }
    status
}

/// A caught panic as an internal error with the panic's message.
fn panic_error(payload: &(dyn Any + Send)) -> Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    Error::new(
        ErrorKind::Internal,
        format!("internal error in libbynder (please report it): {detail}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::BYNDER_ERR_INTERNAL;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let mut err: *mut bynder_error = std::ptr::null_mut();
        let status = guard(&mut err, || panic!("boom"));
        assert_eq!(status, BYNDER_ERR_INTERNAL);
        assert!(!err.is_null());
        // SAFETY: `err` was just created by `guard`.
        let message = unsafe {
            std::ffi::CStr::from_ptr(crate::error::bynder_error_message(err))
                .to_string_lossy()
                .into_owned()
        };
        assert!(message.contains("boom"), "{message}");
        // SAFETY: freed once.
        unsafe { crate::error::bynder_error_free(err) };
    }

    #[test]
    fn success_clears_the_error_slot_and_failures_without_a_slot_still_report() {
        let mut err: *mut bynder_error = std::ptr::dangling_mut();
        assert_eq!(guard(&mut err, || Ok(())), BYNDER_OK);
        assert!(err.is_null());
        let status = guard(std::ptr::null_mut(), || {
            Err(Error::new(ErrorKind::NotFound, "gone"))
        });
        assert_eq!(status, 12);
        assert_eq!(guard_value(7, || panic!("boom")), 7);
    }
}
