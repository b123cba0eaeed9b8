//! The core's errors as one flat enum: Kotlin gets a sealed `BynderException` class, Swift a
//! `BynderError` enum to switch on. One variant per `bynder::ErrorKind`, each carrying the same
//! fields; `code()` answers the kind's stable number.
//!
//! The field is `detail`, not `message`: uniffi's Kotlin exceptions already define `message`
//! (a text made of every field), and a field of that name would clash with it.

use std::fmt;

use bynder::ErrorKind;

/// Declares `BynderError` with one variant per core kind, all carrying the same fields, and the
/// mappings between the two, from one list (so no kind can be forgotten in one of them).
macro_rules! bynder_error {
    ($($(#[doc = $doc:literal])* $variant:ident,)*) => {
        /// Everything that can go wrong in a call. The variant is the kind; `detail` is Bynder's
        /// message (or ours when no response was involved), `status` the HTTP status,
        /// `request_id` the portal's request id, `operation` the operation name (`media.get`),
        /// each when known.
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum BynderError {
            $(
                $(#[doc = $doc])*
                $variant {
                    detail: String,
                    status: Option<u16>,
                    request_id: Option<String>,
                    operation: Option<String>,
                },
            )*
        }

        impl BynderError {
            fn kind(&self) -> ErrorKind {
                match self {
                    $(BynderError::$variant { .. } => ErrorKind::$variant,)*
                }
            }

            fn fields(&self) -> Fields<'_> {
                match self {
                    $(BynderError::$variant { detail, status, request_id, operation } => Fields {
                        detail,
                        status: *status,
                        request_id: request_id.as_deref(),
                        operation: operation.as_deref(),
                    },)*
                }
            }
        }

        impl From<bynder::Error> for BynderError {
            fn from(error: bynder::Error) -> BynderError {
                let detail = error.message().to_string();
                let status = error.status();
                let request_id = error.request_id().map(str::to_string);
                let operation = error.operation().map(str::to_string);
                match error.kind() {
                    $(ErrorKind::$variant => BynderError::$variant {
                        detail,
                        status,
                        request_id,
                        operation,
                    },)*
                    // A kind added to the core later: still an error the caller can catch.
                    other => BynderError::Internal {
                        detail: format!("{other} (code {}): {detail}", other.code()),
                        status,
                        request_id,
                        operation,
                    },
                }
            }
        }
    };
}

bynder_error! {
    /// A caller-supplied value is invalid (bad URL, unknown parameter, malformed JSON...).
    InvalidArgument,
    /// An identifier is not a UUID in either Bynder form; raised before any request is sent.
    InvalidId,
    /// The operation name is not in the operation table.
    UnknownOperation,
    /// 401: missing, invalid or expired token.
    Authentication,
    /// 403: the token lacks a scope or the user a role.
    Forbidden,
    /// 404.
    NotFound,
    /// 409.
    Conflict,
    /// 400 or 422: the portal rejected the request as invalid.
    Validation,
    /// 429 that retries did not get through.
    RateLimited,
    /// 5xx that retries did not get through.
    Server,
    /// A status this client does not expect.
    UnexpectedStatus,
    /// The connection failed (refused, reset, DNS, TLS).
    Network,
    /// The request did not complete within its timeout.
    Timeout,
    /// The response body could not be decoded.
    Decode,
    /// The OAuth2 token endpoint refused a grant.
    OAuth,
    /// The `state` of an OAuth2 redirect does not match the one sent.
    OAuthState,
    /// The caller cancelled the transfer or call.
    Cancelled,
    /// Reading or writing a local file failed.
    Io,
    /// A checksum did not match.
    Integrity,
    /// A bug in this library; please report it.
    Internal,
}

/// The fields every variant carries.
struct Fields<'a> {
    detail: &'a str,
    status: Option<u16>,
    request_id: Option<&'a str>,
    operation: Option<&'a str>,
}

impl BynderError {
    /// A caller mistake found by this binding (not by the core).
    pub fn invalid_argument(detail: impl Into<String>) -> BynderError {
        BynderError::from(bynder::Error::invalid_argument(detail))
    }

    /// A bug of this binding.
    pub fn internal(detail: impl Into<String>) -> BynderError {
        BynderError::from(bynder::Error::new(ErrorKind::Internal, detail))
    }
}

#[uniffi::export]
impl BynderError {
    /// The kind's stable number (`bynder::ErrorKind`, the C library's status codes):
    /// `InvalidArgument` 1, `InvalidId` 2, `NotFound` 12, `Cancelled` 40, `Internal` 99...
    pub fn code(&self) -> u32 {
        self.kind().code()
    }

    /// The kind's short stable name, e.g. `not_found`.
    pub fn kind_name(&self) -> String {
        self.kind().name().to_string()
    }

    /// Whether a later attempt could succeed (429, 5xx, network, timeout).
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout
        )
    }
}

/// The core's wording: `media.get: not_found (HTTP 404): Media not found [request id r-1]`.
impl fmt::Display for BynderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = self.fields();
        if let Some(operation) = fields.operation {
            write!(f, "{operation}: ")?;
        }
        match fields.status {
            Some(status) => write!(f, "{} (HTTP {status}): {}", self.kind(), fields.detail)?,
            None => write!(f, "{}: {}", self.kind(), fields.detail)?,
        }
        if let Some(id) = fields.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for BynderError {}

/// What a Kotlin or Swift callback (token store, progress listener) may throw. Any exception,
/// declared or not, arrives here instead of crashing the process.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CallbackError {
    /// The callback failed; `reason` is its exception's text.
    #[error("the callback failed: {reason}")]
    Failed { reason: String },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for CallbackError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> CallbackError {
        CallbackError::Failed {
            reason: error.reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_keeps_its_number_and_wording() {
        let error = bynder::Error::http(404, "Media not found", Some("r-1".into()))
            .with_operation("media.get");
        let text = error.to_string();
        let mapped = BynderError::from(error);
        assert_eq!(mapped.code(), 12);
        assert_eq!(mapped.kind_name(), "not_found");
        assert_eq!(mapped.to_string(), text);
        assert!(matches!(
            mapped,
            BynderError::NotFound {
                status: Some(404),
                ..
            }
        ));
        for (kind, code) in [
            (ErrorKind::InvalidArgument, 1),
            (ErrorKind::InvalidId, 2),
            (ErrorKind::UnknownOperation, 3),
            (ErrorKind::Authentication, 10),
            (ErrorKind::Forbidden, 11),
            (ErrorKind::Conflict, 13),
            (ErrorKind::Validation, 14),
            (ErrorKind::RateLimited, 15),
            (ErrorKind::Server, 16),
            (ErrorKind::UnexpectedStatus, 17),
            (ErrorKind::Network, 20),
            (ErrorKind::Timeout, 21),
            (ErrorKind::Decode, 22),
            (ErrorKind::OAuth, 30),
            (ErrorKind::OAuthState, 31),
            (ErrorKind::Cancelled, 40),
            (ErrorKind::Io, 41),
            (ErrorKind::Integrity, 42),
            (ErrorKind::Internal, 99),
        ] {
            let mapped = BynderError::from(bynder::Error::new(kind, "x"));
            assert_eq!(mapped.code(), code, "{kind}");
            assert_eq!(mapped.kind_name(), kind.name());
        }
    }
}
