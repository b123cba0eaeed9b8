//! The one public error type, with a stable numeric [`ErrorKind`].
//!
//! The numbers of `ErrorKind` are part of the public ABI (the C library returns them as status
//! codes and Swift/Kotlin switch on them): never renumber, only add.

use std::fmt;

/// What went wrong, as a stable number. `0` is reserved for success in the C ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A caller-supplied value is invalid (empty name, bad URL, unknown parameter...).
    InvalidArgument = 1,
    /// An identifier is neither a ColdFusion (`8-4-4-16`) nor an RFC 4122 UUID, or has the
    /// wrong form for where it is used. Raised before any request is sent.
    InvalidId = 2,
    /// The operation name is not in the operation table.
    UnknownOperation = 3,
    /// The portal answered 401: missing, invalid or expired token.
    Authentication = 10,
    /// The portal answered 403: the token lacks a scope or the user a security role.
    Forbidden = 11,
    /// The portal answered 404.
    NotFound = 12,
    /// The portal answered 409.
    Conflict = 13,
    /// The portal answered 400 or 422: the request was rejected as invalid.
    Validation = 14,
    /// The portal answered 429, and retries (if allowed) did not get through.
    RateLimited = 15,
    /// The portal answered 5xx, and retries (if allowed) did not get through.
    Server = 16,
    /// The portal answered with a status this client does not expect (e.g. 303 before an
    /// upload is converted).
    UnexpectedStatus = 17,
    /// The connection failed (refused, reset, DNS, TLS).
    Network = 20,
    /// The request did not complete within its timeout.
    Timeout = 21,
    /// The response body could not be decoded.
    Decode = 22,
    /// The OAuth2 token endpoint refused a grant (`invalid_grant`, `invalid_client`...).
    OAuth = 30,
    /// The `state` returned to an OAuth2 redirect does not match the one sent.
    OAuthState = 31,
    /// The caller cancelled the operation.
    Cancelled = 40,
    /// Reading or writing a local file failed.
    Io = 41,
    /// A checksum did not match.
    Integrity = 42,
    /// A bug in this library; please report it.
    Internal = 99,
}

impl ErrorKind {
    /// The stable number of this kind.
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The kind Bynder's HTTP status maps to.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            401 => ErrorKind::Authentication,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            400 | 422 => ErrorKind::Validation,
            429 => ErrorKind::RateLimited,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::UnexpectedStatus,
        }
    }

    /// A short stable name, e.g. `not_found`.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::UnknownOperation => "unknown_operation",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Validation => "validation",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::UnexpectedStatus => "unexpected_status",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Decode => "decode",
            ErrorKind::OAuth => "oauth",
            ErrorKind::OAuthState => "oauth_state",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Io => "io",
            ErrorKind::Integrity => "integrity",
            ErrorKind::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An error from the Bynder client. Never contains a token or secret.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    request_id: Option<String>,
    operation: Option<&'static str>,
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` with a human-readable message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            status: None,
            request_id: None,
            operation: None,
        }
    }

    /// An error for an HTTP response the portal sent.
    pub fn http(status: u16, message: impl Into<String>, request_id: Option<String>) -> Error {
        Error {
            kind: ErrorKind::from_status(status),
            message: message.into(),
            status: Some(status),
            request_id,
            operation: None,
        }
    }

    /// An error of a chosen kind for an HTTP response (e.g. an OAuth2 `invalid_grant` on 400).
    pub fn http_kind(
        kind: ErrorKind,
        status: u16,
        message: impl Into<String>,
        request_id: Option<String>,
    ) -> Error {
        Error {
            kind,
            message: message.into(),
            status: Some(status),
            request_id,
            operation: None,
        }
    }

    /// Shorthand for an [`ErrorKind::InvalidArgument`] error.
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// The same error as another kind (e.g. a token endpoint's 400 as [`ErrorKind::OAuth`]).
    pub fn into_kind(mut self, kind: ErrorKind) -> Error {
        self.kind = kind;
        self
    }

    /// The same error with `context` in front of its message (`chunk 3 of a.jpg: ...`).
    pub fn context(mut self, context: impl std::fmt::Display) -> Error {
        self.message = format!("{context}: {}", self.message);
        self
    }

    /// Names the operation this error happened in.
    pub fn with_operation(mut self, operation: &'static str) -> Error {
        self.operation = Some(operation);
        self
    }

    /// The stable kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The HTTP status the portal answered with, if any.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Bynder's message, or ours when no response was involved.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The request id the portal sent back, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The operation (e.g. `media.get`) this error happened in, if known.
    pub fn operation(&self) -> Option<&'static str> {
        self.operation
    }

    /// Whether a later attempt could succeed (429, 5xx, network, timeout).
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = self.operation {
            write!(f, "{op}: ")?;
        }
        match self.status {
            Some(status) => write!(f, "{} (HTTP {status}): {}", self.kind, self.message)?,
            None => write!(f, "{}: {}", self.kind, self.message)?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        let expected = [
            (ErrorKind::InvalidArgument, 1),
            (ErrorKind::InvalidId, 2),
            (ErrorKind::UnknownOperation, 3),
            (ErrorKind::Authentication, 10),
            (ErrorKind::Forbidden, 11),
            (ErrorKind::NotFound, 12),
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
        ];
        for (kind, code) in expected {
            assert_eq!(kind.code(), code, "{kind}");
        }
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Authentication);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(303), ErrorKind::UnexpectedStatus);
        let err =
            Error::http(404, "Media not found", Some("r-1".into())).with_operation("media.get");
        assert_eq!(
            err.to_string(),
            "media.get: not_found (HTTP 404): Media not found [request id r-1]"
        );
    }
}
