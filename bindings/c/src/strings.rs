//! Strings and JSON across the boundary: borrowed UTF-8 in, owned `char*` out, one free
//! function for every string the library returns.

use std::ffi::{CStr, CString, c_char};

use bynder_core::{Error, ErrorKind};
use serde_json::Value;

use crate::guard::guard_value;

/// A NUL-free C string of `text` (a NUL inside becomes U+FFFD), for error texts.
pub fn c_string_lossy(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

/// Reads a required string argument.
///
/// # Safety
/// `pointer` is NULL or points to a NUL-terminated string that stays valid for `'a`.
pub unsafe fn required_str<'a>(pointer: *const c_char, name: &str) -> Result<&'a str, Error> {
    // SAFETY: forwarded from the caller.
    unsafe { optional_str(pointer, name) }?
        .ok_or_else(|| Error::invalid_argument(format!("{name} is NULL")))
}

/// Reads an optional string argument: NULL is `None`.
///
/// # Safety
/// As [`required_str`].
pub unsafe fn optional_str<'a>(
    pointer: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Error> {
    if pointer.is_null() {
        return Ok(None);
    }
    // SAFETY: not NULL, and NUL-terminated and alive for 'a per the caller's contract.
    let bytes = unsafe { CStr::from_ptr(pointer) };
    bytes.to_str().map(Some).map_err(|e| {
        Error::invalid_argument(format!(
            "{name} is not valid UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })
}

/// Parses a JSON object argument; NULL (or JSON `null`) is an empty object.
pub fn json_object(text: Option<&str>, name: &str) -> Result<Value, Error> {
    let Some(text) = text else {
        return Ok(Value::Object(Default::default()));
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Null) => Ok(Value::Object(Default::default())),
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(Error::invalid_argument(format!(
            "{name} must be a JSON object"
        ))),
        Err(e) => Err(Error::invalid_argument(format!(
            "{name} is not valid JSON: {e}"
        ))),
    }
}

/// Parses a JSON argument into a typed value, naming the argument in the error.
pub fn json_typed<T: serde::de::DeserializeOwned>(text: &str, name: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::invalid_argument(format!("{name}: {e}")))
}

/// `value` as JSON text the caller owns (free with `bynder_string_free`).
pub fn json_out(value: &impl serde::Serialize) -> Result<*mut c_char, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::new(ErrorKind::Internal, format!("cannot encode JSON: {e}")))?;
    owned(text)
}

/// `text` as a string the caller owns (free with `bynder_string_free`).
pub fn owned(text: String) -> Result<*mut c_char, Error> {
    CString::new(text)
        .map(CString::into_raw)
        .map_err(|_| Error::new(ErrorKind::Internal, "a result contains a NUL byte"))
}

/// Where a function writes what it returns: a required `T**` argument, set to NULL on entry
/// so that it is NULL whenever the call fails.
pub struct Out<T>(*mut *mut T);

impl<T> Out<T> {
    /// Checks and clears an output argument.
    ///
    /// # Safety
    /// `pointer` is NULL or valid for writing one pointer until the call returns.
    pub unsafe fn new(pointer: *mut *mut T, name: &str) -> Result<Out<T>, Error> {
        if pointer.is_null() {
            return Err(Error::invalid_argument(format!("{name} is NULL")));
        }
        // SAFETY: not NULL and writable per the caller's contract.
        unsafe { pointer.write(std::ptr::null_mut()) };
        Ok(Out(pointer))
    }

    /// Checks and clears an output argument the caller may leave NULL (not interested).
    ///
    /// # Safety
    /// As [`Out::new`].
    pub unsafe fn optional(pointer: *mut *mut T) -> Option<Out<T>> {
        if pointer.is_null() {
            return None;
        }
        // SAFETY: not NULL and writable per the caller's contract.
        unsafe { pointer.write(std::ptr::null_mut()) };
        Some(Out(pointer))
    }

    /// Hands `value` to the caller.
    pub fn set(self, value: *mut T) {
        // SAFETY: checked and writable (see `new`).
        unsafe { self.0.write(value) };
    }
}

/// Where an entry point writes its JSON answer: a `char**` the caller must pass (named in the
/// error when NULL), or one it may leave NULL when not interested.
pub enum JsonSlot {
    Required(*mut *mut c_char, &'static str),
    Optional(*mut *mut c_char),
}

/// Borrows a handle argument.
///
/// # Safety
/// `pointer` is NULL or a live handle of type `T` created by this library.
pub unsafe fn handle<'a, T>(pointer: *const T, name: &str) -> Result<&'a T, Error> {
    // SAFETY: forwarded from the caller.
    unsafe { pointer.as_ref() }.ok_or_else(|| Error::invalid_argument(format!("{name} is NULL")))
}

/// Frees a string returned by this library (JSON results, converted identifiers...).
///
/// @param text a string from this library, or NULL (ignored). Must not be used afterwards,
///        and must not be freed with `free()`.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_string_free(text: *mut c_char) {
    guard_value((), || {
        if !text.is_null() {
            // SAFETY: every string this library hands out comes from `CString::into_raw`, and
            // the caller frees it once.
            drop(unsafe { CString::from_raw(text) });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_checked_for_null_and_utf8() {
        // SAFETY: literals are NUL-terminated and static.
        unsafe {
            assert_eq!(
                required_str(c"media.get".as_ptr(), "x").ok(),
                Some("media.get")
            );
            let null = required_str(std::ptr::null(), "operation").err();
            assert_eq!(
                null.map(|e| e.to_string()).unwrap_or_default(),
                "invalid_argument: operation is NULL"
            );
            let bad = required_str(c"ok\xff".as_ptr(), "operation").err();
            assert!(bad.is_some_and(|e| e.message().contains("offset 2")));
        }
    }

    #[test]
    fn json_arguments_must_be_objects() {
        assert!(json_object(None, "p").is_ok_and(|v| v.is_object()));
        assert!(json_object(Some("null"), "p").is_ok_and(|v| v.is_object()));
        assert!(json_object(Some("[1]"), "p").is_err());
        assert!(json_object(Some("{"), "p").is_err());
    }
}
