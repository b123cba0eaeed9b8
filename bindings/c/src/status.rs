//! Status codes: `BYNDER_OK` and the core's stable `ErrorKind` numbers, under C names.

use std::ffi::c_char;

use crate::guard::guard_value;

/// The result of a call: `BYNDER_OK` (0) or one of the `BYNDER_ERR_*` numbers, which are the
/// Rust core's `ErrorKind` numbers and never change meaning.
pub type bynder_status = i32;

/// Success.
pub const BYNDER_OK: bynder_status = 0;
/// A caller-supplied value is invalid: a NULL pointer, a string that is not UTF-8, malformed
/// JSON, an unknown option or scope, a bad portal URL.
pub const BYNDER_ERR_INVALID_ARGUMENT: bynder_status = 1;
/// An identifier is neither a ColdFusion (`8-4-4-16`) nor an RFC 4122 UUID (nor 32 hex
/// digits). Reported before any request is sent.
pub const BYNDER_ERR_INVALID_ID: bynder_status = 2;
/// The operation name is not in the operation table (see `bynder_operations_json`).
pub const BYNDER_ERR_UNKNOWN_OPERATION: bynder_status = 3;
/// The portal answered 401: missing, invalid or expired token.
pub const BYNDER_ERR_AUTHENTICATION: bynder_status = 10;
/// The portal answered 403: the token lacks a scope or the user a role.
pub const BYNDER_ERR_FORBIDDEN: bynder_status = 11;
/// The portal answered 404.
pub const BYNDER_ERR_NOT_FOUND: bynder_status = 12;
/// The portal answered 409.
pub const BYNDER_ERR_CONFLICT: bynder_status = 13;
/// The portal answered 400 or 422.
pub const BYNDER_ERR_VALIDATION: bynder_status = 14;
/// The portal answered 429 and retries did not get through.
pub const BYNDER_ERR_RATE_LIMITED: bynder_status = 15;
/// The portal answered 5xx and retries did not get through.
pub const BYNDER_ERR_SERVER: bynder_status = 16;
/// The portal answered with a status the library does not expect.
pub const BYNDER_ERR_UNEXPECTED_STATUS: bynder_status = 17;
/// The connection failed (refused, reset, DNS, TLS).
pub const BYNDER_ERR_NETWORK: bynder_status = 20;
/// A request did not complete within the configured timeout.
pub const BYNDER_ERR_TIMEOUT: bynder_status = 21;
/// A response could not be decoded.
pub const BYNDER_ERR_DECODE: bynder_status = 22;
/// The OAuth2 token endpoint refused a grant.
pub const BYNDER_ERR_OAUTH: bynder_status = 30;
/// The `state` of an OAuth2 redirect does not match the one sent.
pub const BYNDER_ERR_OAUTH_STATE: bynder_status = 31;
/// The operation was cancelled through a `bynder_cancel` handle.
pub const BYNDER_ERR_CANCELLED: bynder_status = 40;
/// Reading or writing a local file failed.
pub const BYNDER_ERR_IO: bynder_status = 41;
/// A checksum did not match.
pub const BYNDER_ERR_INTEGRITY: bynder_status = 42;
/// A bug in the library (a caught panic, an impossible state); please report it.
pub const BYNDER_ERR_INTERNAL: bynder_status = 99;

/// Every status with its stable name (the core's `ErrorKind::name`), in number order.
const NAMES: &[(bynder_status, &str)] = &[
    (BYNDER_OK, "ok\0"),
    (BYNDER_ERR_INVALID_ARGUMENT, "invalid_argument\0"),
    (BYNDER_ERR_INVALID_ID, "invalid_id\0"),
    (BYNDER_ERR_UNKNOWN_OPERATION, "unknown_operation\0"),
    (BYNDER_ERR_AUTHENTICATION, "authentication\0"),
    (BYNDER_ERR_FORBIDDEN, "forbidden\0"),
    (BYNDER_ERR_NOT_FOUND, "not_found\0"),
    (BYNDER_ERR_CONFLICT, "conflict\0"),
    (BYNDER_ERR_VALIDATION, "validation\0"),
    (BYNDER_ERR_RATE_LIMITED, "rate_limited\0"),
    (BYNDER_ERR_SERVER, "server\0"),
    (BYNDER_ERR_UNEXPECTED_STATUS, "unexpected_status\0"),
    (BYNDER_ERR_NETWORK, "network\0"),
    (BYNDER_ERR_TIMEOUT, "timeout\0"),
    (BYNDER_ERR_DECODE, "decode\0"),
    (BYNDER_ERR_OAUTH, "oauth\0"),
    (BYNDER_ERR_OAUTH_STATE, "oauth_state\0"),
    (BYNDER_ERR_CANCELLED, "cancelled\0"),
    (BYNDER_ERR_IO, "io\0"),
    (BYNDER_ERR_INTEGRITY, "integrity\0"),
    (BYNDER_ERR_INTERNAL, "internal\0"),
];

/// The status of a core error: its `ErrorKind` number.
pub fn status_of(kind: bynder_core::ErrorKind) -> bynder_status {
    bynder_status::try_from(kind.code()).unwrap_or(BYNDER_ERR_INTERNAL)
}

/// The stable name of a status, e.g. `"not_found"` for `BYNDER_ERR_NOT_FOUND`, `"ok"` for
/// `BYNDER_OK`, `"unknown"` for a number this library does not define.
///
/// @return a static string: never free it. Never NULL.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn bynder_status_name(status: bynder_status) -> *const c_char {
    guard_value(c"unknown".as_ptr(), || {
        let name = NAMES
            .iter()
            .find(|(code, _)| *code == status)
            .map_or("unknown\0", |(_, name)| name);
        name.as_ptr().cast::<c_char>()
    })
}

/// The library's version, e.g. `"0.1.0"`.
///
/// @return a static string: never free it. Never NULL.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn bynder_version() -> *const c_char {
    let version = concat!(env!("CARGO_PKG_VERSION"), "\0")
        .as_ptr()
        .cast::<c_char>();
    guard_value(version, || version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bynder_core::ErrorKind;

    const KINDS: &[ErrorKind] = &[
        ErrorKind::InvalidArgument,
        ErrorKind::InvalidId,
        ErrorKind::UnknownOperation,
        ErrorKind::Authentication,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Validation,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::UnexpectedStatus,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Decode,
        ErrorKind::OAuth,
        ErrorKind::OAuthState,
        ErrorKind::Cancelled,
        ErrorKind::Io,
        ErrorKind::Integrity,
        ErrorKind::Internal,
    ];

    #[test]
    fn every_kind_has_its_number_and_name() {
        assert_eq!(NAMES.len(), KINDS.len() + 1);
        for (kind, (code, name)) in KINDS.iter().zip(&NAMES[1..]) {
            assert_eq!(status_of(*kind), *code, "{kind}");
            assert_eq!(name.trim_end_matches('\0'), kind.name());
        }
    }

    #[test]
    fn names_are_nul_terminated_and_unknown_numbers_are_named() {
        for (_, name) in NAMES {
            assert!(name.ends_with('\0') && !name[..name.len() - 1].contains('\0'));
        }
        // SAFETY: bynder_status_name returns a static NUL-terminated string.
        let unknown = unsafe { std::ffi::CStr::from_ptr(bynder_status_name(77)) };
        assert_eq!(unknown.to_str().ok(), Some("unknown"));
    }
}
