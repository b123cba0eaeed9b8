"""Typed shapes of Bynder's answers, as ``TypedDict``\\ s.

Results are plain ``dict``\\ s and ``list``\\ s built directly from the portal's JSON by the Rust
core: nothing is copied into classes, so a 1000-asset page costs what decoding it costs, and
every field the portal sent is there (including custom ``property_<Name>`` metaproperty
fields). These ``TypedDict``\\ s only tell a type checker which keys to expect; they are
``total=False`` because portals omit fields freely. Bynder sends some booleans as ``0``/``1``.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, Union

__all__ = [
    "Json",
    "Media",
    "MediaPage",
    "Collection",
    "Tag",
    "Brand",
    "SubBrand",
    "Metaproperty",
    "MetapropertyOption",
    "SmartFilter",
    "Account",
    "User",
    "Profile",
    "DownloadLocation",
    "Token",
    "Stats",
    "UploadResult",
    "DownloadResult",
    "UploadEvent",
    "DownloadEvent",
]

Json = Any
"""Any JSON value as Python objects (answers whose shape varies)."""

Flag = Union[bool, int]
"""Bynder booleans: ``true``/``false`` or ``1``/``0`` depending on the endpoint."""


class Media(TypedDict, total=False):
    """An asset (``media.get``, items of ``media.list``)."""

    id: str
    idHash: str
    name: str
    description: str
    copyright: str
    type: str
    brandId: str
    subBrandId: str
    userCreated: str
    dateCreated: str
    dateModified: str
    datePublished: str
    extension: list[str]
    fileName: str
    fileSize: int
    width: int
    height: int
    orientation: str
    tags: list[str]
    propertyOptions: list[str]
    archive: Flag
    limited: Flag
    isPublic: Flag
    watermarked: Flag
    thumbnails: dict[str, str]
    transformBaseUrl: str
    mediaItems: list[dict[str, Any]]


class MediaPage(TypedDict, total=False):
    """``media.list`` with ``total=True`` or ``count=True``."""

    media: list[Media]
    total: dict[str, int]
    count: dict[str, Any]


class _CollectionUser(TypedDict, total=False):
    id: str
    name: str


class Collection(TypedDict, total=False):
    """A collection. Its dates are ColdFusion text (``March, 30 2023 06:55:54 +0000``)."""

    id: str
    userId: str
    user: _CollectionUser
    name: str
    description: str
    filename: str
    link: str
    collectionCount: int
    views: int
    isPublic: Flag
    dateCreated: str
    dateModified: str
    cover: dict[str, Any]


class Tag(TypedDict, total=False):
    id: str
    tag: str
    mediaCount: int


class SubBrand(TypedDict, total=False):
    id: str
    name: str
    description: str
    image: str


class Brand(TypedDict, total=False):
    id: str
    name: str
    description: str
    image: str
    subBrands: list[SubBrand]


class MetapropertyOption(TypedDict, total=False):
    id: str
    name: str
    label: str
    displayLabel: str
    labels: dict[str, str]
    description: str
    active: Flag
    zindex: int
    externalReference: str


class Metaproperty(TypedDict, total=False):
    id: str
    name: str
    label: str
    labels: dict[str, str]
    type: str
    zindex: int
    isMultiselect: Flag
    isRequired: Flag
    isFilterable: Flag
    isEditable: Flag
    options: list[MetapropertyOption]


class SmartFilter(TypedDict, total=False):
    id: str
    icon: str
    labels: dict[str, str]
    zindex: int
    metaproperties: list[str]


class Account(TypedDict, total=False):
    name: str
    availableLanguages: list[str]
    defaultLanguage: str
    timeZone: str
    isOpenImageBank: Flag


class User(TypedDict, total=False):
    id: str
    username: str
    email: str
    firstname: str
    lastname: str
    profileId: str
    active: Flag
    language: str
    timeZone: str


class Profile(TypedDict, total=False):
    id: str
    name: str
    roles: list[str]


class DownloadLocation(TypedDict, total=False):
    """A signed, temporary URL of an asset's file."""

    s3_file: str
    disclaimer: str


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
