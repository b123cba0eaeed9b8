//! `bynder_cancel`: stops uploads and downloads from any thread.

use bynder_core::transfer::CancelToken;

use crate::guard::{free_box, guard, guard_value};
use crate::status::bynder_status;
use crate::strings::handle;

/// A cancellation switch for transfers. Pass it in `bynder_upload_options.cancel` or
/// `bynder_download_options.cancel`; `bynder_cancel_trigger` (from any thread) makes every
/// transfer holding it stop and return `BYNDER_ERR_CANCELLED`. Triggering is permanent: use a
/// new handle for the next transfer.
///
/// Thread-safe. A running transfer keeps its own reference, so the handle may be freed while
/// a transfer runs (but then nobody can trigger it).
pub struct bynder_cancel {
    pub token: CancelToken,
}

/// Creates a cancellation handle.
///
/// @return a new handle; free it with `bynder_cancel_free`. Never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn bynder_cancel_new() -> *mut bynder_cancel {
    guard_value(std::ptr::null_mut(), || {
        Box::into_raw(Box::new(bynder_cancel {
            token: CancelToken::new(),
        }))
    })
}

/// Cancels every transfer holding this handle, now and later.
///
/// @param cancel the handle.
/// @return `BYNDER_OK`, or `BYNDER_ERR_INVALID_ARGUMENT` when `cancel` is NULL.
///
/// Thread-safe: call it from any thread, typically while another thread is blocked in
/// `bynder_upload` or `bynder_download` (or from their progress callback).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_cancel_trigger(cancel: *const bynder_cancel) -> bynder_status {
    guard(std::ptr::null_mut(), || {
        // SAFETY: NULL or a live handle (contract).
        unsafe { handle(cancel, "cancel") }?.token.cancel();
        Ok(())
    })
}

/// Whether `bynder_cancel_trigger` was called on this handle.
///
/// @param cancel the handle, or NULL (answers false).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_cancel_is_triggered(cancel: *const bynder_cancel) -> bool {
    guard_value(false, || {
        // SAFETY: NULL or a live handle (contract).
        unsafe { cancel.as_ref() }.is_some_and(|c| c.token.is_cancelled())
    })
}

/// Frees a cancellation handle.
///
/// @param cancel a handle, or NULL (ignored). No other thread may use it afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_cancel_free(cancel: *mut bynder_cancel) {
    // SAFETY: a non-NULL handle comes from `bynder_cancel_new` and is freed once (contract).
    unsafe { free_box(cancel, drop) };
}

/// The token a transfer runs under: the handle's, or a fresh one nobody can trigger when
/// `cancel` is NULL (uploads and downloads read their options' handle alike).
///
/// # Safety
/// `cancel` is NULL or a live handle.
pub unsafe fn token_of(cancel: *const bynder_cancel) -> CancelToken {
    // SAFETY: forwarded from the caller.
    unsafe { cancel.as_ref() }
        .map(|c| c.token.clone())
        .unwrap_or_default()
}
