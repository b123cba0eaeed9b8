"""Exceptions. Every error the client raises is a :class:`BynderError`; catch a subclass for
one kind of failure. Each carries ``.kind`` (a stable name such as ``"not_found"``), ``.code``
(the core's stable number), ``.status`` (the HTTP status, when the portal answered),
``.request_id`` (when the portal sent one), ``.operation`` (e.g. ``"media.get"``) and
``.message`` (Bynder's own message). ``str(error)`` puts them together:
``media.get: not_found (HTTP 404): Media not found [request id …]``.

Some also subclass a builtin, so generic handlers catch them: invalid arguments are
``ValueError``, network failures ``ConnectionError`` and timeouts ``TimeoutError``.
"""

from __future__ import annotations

import builtins

__all__ = [
    "BynderError",
    "InvalidArgumentError",
    "InvalidIdError",
    "UnknownOperationError",
    "AuthenticationError",
    "ForbiddenError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitedError",
    "ServerError",
    "UnexpectedStatusError",
    "NetworkError",
    "TimeoutError",
    "DecodeError",
    "OAuthError",
    "OAuthStateError",
    "CancelledError",
    "FileError",
    "IntegrityError",
    "InternalError",
    "ERRORS_BY_KIND",
]


class BynderError(Exception):
    """Base class of every error of this package."""

    kind: str = "internal"
    code: int = 99

    def __init__(
        self,
        text: str,
        *,
        kind: str | None = None,
        code: int | None = None,
        status: int | None = None,
        request_id: str | None = None,
        operation: str | None = None,
        message: str | None = None,
    ) -> None:
        super().__init__(text)
        if kind is not None:
            self.kind = kind
        if code is not None:
            self.code = code
        self.status: int | None = status
        self.request_id: str | None = request_id
        self.operation: str | None = operation
        self.message: str = text if message is None else message


class InvalidArgumentError(BynderError, ValueError):
    """A value given to the client is invalid (raised before any request)."""

    kind, code = "invalid_argument", 1


class InvalidIdError(InvalidArgumentError):
    """An identifier is neither a ColdFusion (8-4-4-16) nor an RFC 4122 UUID."""

    kind, code = "invalid_id", 2


class UnknownOperationError(InvalidArgumentError):
    """No operation of that name exists (see ``bynder.operations()``)."""

    kind, code = "unknown_operation", 3


class AuthenticationError(BynderError):
    """401: the token is missing, invalid or expired."""

    kind, code = "authentication", 10


class ForbiddenError(BynderError):
    """403: the token lacks a scope, or the user a permission."""

    kind, code = "forbidden", 11


class NotFoundError(BynderError):
    """404: no such asset, collection, ..."""

    kind, code = "not_found", 12


class ConflictError(BynderError):
    """409."""

    kind, code = "conflict", 13


class ValidationError(BynderError):
    """400 or 422: the portal rejected the request as invalid."""

    kind, code = "validation", 14


class RateLimitedError(BynderError):
    """429, after the client's own pause and retries did not get through."""

    kind, code = "rate_limited", 15


class ServerError(BynderError):
    """5xx, after retries (idempotent operations only)."""

    kind, code = "server", 16


class UnexpectedStatusError(BynderError):
    """A status the client does not expect."""

    kind, code = "unexpected_status", 17


class NetworkError(BynderError, ConnectionError):
    """The connection failed: refused, reset, DNS, TLS."""

    kind, code = "network", 20


class TimeoutError(BynderError, builtins.TimeoutError):  # noqa: A001 - the natural name
    """The request did not complete within the client's ``timeout``."""

    kind, code = "timeout", 21


class DecodeError(BynderError):
    """The portal's answer could not be decoded."""

    kind, code = "decode", 22


class OAuthError(BynderError):
    """The token endpoint refused a grant (``invalid_grant``, ``invalid_client``...)."""

    kind, code = "oauth", 30


class OAuthStateError(OAuthError):
    """The redirect's ``state`` differs from the one sent: start the flow again."""

    kind, code = "oauth_state", 31


class CancelledError(BynderError):
    """A transfer was cancelled (``CancelToken.cancel()``)."""

    kind, code = "cancelled", 40


class FileError(BynderError, OSError):
    """Reading or writing a local file failed."""

    kind, code = "io", 41


class IntegrityError(BynderError):
    """A checksum did not match."""

    kind, code = "integrity", 42


class InternalError(BynderError):
    """A bug in this package; please report it."""

    kind, code = "internal", 99


ERRORS_BY_KIND: dict[str, type[BynderError]] = {
    cls.kind: cls
    for cls in (
        InvalidArgumentError,
        InvalidIdError,
        UnknownOperationError,
        AuthenticationError,
        ForbiddenError,
        NotFoundError,
        ConflictError,
        ValidationError,
        RateLimitedError,
        ServerError,
        UnexpectedStatusError,
        NetworkError,
        TimeoutError,
        DecodeError,
        OAuthError,
        OAuthStateError,
        CancelledError,
        FileError,
        IntegrityError,
        InternalError,
    )
}
"""The exception class of each error kind (``error.kind``)."""
