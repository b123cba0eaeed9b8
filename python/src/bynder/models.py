"""Typed shapes of Bynder's answers, as ``TypedDict``\\ s.

Results are plain ``dict``\\ s and ``list``\\ s built directly from the portal's JSON by the Rust
core: nothing is copied into classes, so a 1000-asset page costs what decoding it costs, and
every field the portal sent is there (including custom ``property_<Name>`` metaproperty
fields). These ``TypedDict``\\ s only tell a type checker which keys to expect; they are
``total=False`` because portals omit fields freely. Bynder sends some booleans as ``0``/``1``.

The models of Bynder's answers are generated from the Rust core's models (``_models.py``, by
``crates/bynder/tests/model_faces.rs``), so every face declares the same fields; what this
package hands out itself (tokens, statistics, transfers) is declared below.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from ._models import *  # noqa: F403 (the answers' models, generated from the Rust core's)
from ._models import Json
from ._models import __all__ as _answers

__all__ = [
    *_answers,
    "Token",
    "Stats",
    "UploadResult",
    "DownloadResult",
    "UploadEvent",
    "DownloadEvent",
]

class Token(TypedDict, total=False):
    """An OAuth2 token as ``on_token`` receives it; pass it back as ``token=`` to resume.
    Contains secrets: store it like a password."""

    access_token: str
    refresh_token: str
    issued_at: int
    expires_at: int
    scope: str


class Stats(TypedDict):
    """What a client has done (``client.stats()``)."""

    requests: int
    retries: int
    rate_limited: int
    reauthentications: int
    token_requests: int


class UploadResult(TypedDict):
    """What ``client.upload`` answers."""

    media_id: str
    target: dict[str, str]
    flow: Literal["files_service", "s3"]
    import_id: str
    file_name: str
    bytes: int
    chunks: int
    sha256: str
    response: Json


class DownloadResult(TypedDict):
    """What ``client.download`` answers."""

    path: str | None
    bytes: int
    sha256: str | None
    resumed_from: int
    attempts: int


class UploadEvent(TypedDict, total=False):
    """A progress event of an upload. ``event`` is one of ``started``, ``chunk_sent``,
    ``chunk_retry``, ``checkpoint`` (``state`` resumes the upload: pass it as ``resume=``),
    ``finalising``, ``polling`` and ``saved``."""

    event: str
    file_name: str
    total_bytes: int | None
    chunk_size: int
    chunks: int | None
    resumed_chunks: int
    index: int
    bytes: int
    sent_bytes: int
    attempt: int
    error: str
    state: dict[str, Any]
    media_id: str


class DownloadEvent(TypedDict, total=False):
    """A progress event of a download. ``event`` is one of ``started``, ``progress``,
    ``retrying`` and ``finished``."""

    event: str
    total_bytes: int | None
    resumed_from: int
    received_bytes: int
    attempt: int
    resume_from: int
    error: str
    bytes: int
