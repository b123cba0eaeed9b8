"""``Client`` (blocking) and ``AsyncClient`` (asyncio).

Their resource groups (``client.media``, ``client.collections``...) are built at import time
from the core's operation table (``_operations``): one method per operation, named after its
action, path identifiers positional (either UUID form), everything else snake_case keywords.
Paged operations also get an iterator method (``iter`` for ``list``, ``iter_<action>``
otherwise). The type stubs (``_client.pyi``) are generated from the same table by
``tools/generate_stubs.py``; a test checks they are fresh.
"""

from __future__ import annotations

import os

from . import _native
from ._bridge import bridge
from ._operations import BY_NAME, GROUPS, Operation, iter_name
from ._paging import AsyncPager, Pager

# Annotations only (this module's types come from _client.pyi): importing typing at run time
# would cost more than the rest of the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

__all__ = ["Client", "AsyncClient", "RawResponse", "group_attribute"]


class RawResponse(tuple):  # type: ignore[type-arg]
    """An answer with its HTTP status and headers (``client.call_raw``): a
    ``(status, headers, body)`` tuple with those names."""

    __slots__ = ()

    def __new__(cls, status: int, headers: dict[str, str], body: Any) -> RawResponse:
        return tuple.__new__(cls, (status, headers, body))

    @property
    def status(self) -> int:
        return self[0]  # type: ignore[no-any-return]

    @property
    def headers(self) -> dict[str, str]:
        return self[1]  # type: ignore[no-any-return]

    @property
    def body(self) -> Any:
        return self[2]

    def __repr__(self) -> str:
        return f"RawResponse(status={self.status}, headers={self.headers!r}, body={self.body!r})"


# ---------------------------------------------------------------------------------------------
# Arguments


def _bind_positional(op: Operation, args: tuple[Any, ...], params: dict[str, Any]) -> None:
    path = op.path_params
    if len(args) > len(path):
        expected = ", ".join(path) or "no positional arguments"
        raise TypeError(
            f"{op.group}.{op.action}() takes {len(path)} positional argument(s) "
            f"({expected}) but {len(args)} were given"
        )
    for name, value in zip(path, args):
        if name in params:
            raise TypeError(f"{op.group}.{op.action}() got multiple values for {name!r}")
        params[name] = value


def _wire_params(op: Operation | None, params: dict[str, Any]) -> dict[str, Any]:
    if op is None or not op.wire_names:
        return params
    names = op.wire_names
    return {names.get(key, key): value for key, value in params.items()}


def _root_certificate(value: str | bytes | os.PathLike[str] | None) -> bytes | None:
    """A PEM certificate given as bytes, PEM text, or the path of a PEM file."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str) and value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    with open(value, "rb") as pem:
        return pem.read()


def _native_client(
    portal: str,
    *,
    permanent_token: str | None,
    client_id: str | None,
    client_secret: str | None,
    scopes: Sequence[str] | None,
    redirect_uri: str | None,
    token: Mapping[str, Any] | None,
    on_token: Callable[[Any], object] | None,
    timeout: float,
    user_agent: str | None,
    rate_limit: str | Mapping[str, float] | None,
    max_attempts: int,
    root_certificate: str | bytes | os.PathLike[str] | None,
    upload_flow: str | None,
) -> _native.NativeClient:
    if isinstance(scopes, str):
        scopes = scopes.split()
    return _native.NativeClient(
        portal,
        permanent_token=permanent_token,
        client_id=client_id,
        client_secret=client_secret,
        scopes=None if scopes is None else list(scopes),
        redirect_uri=redirect_uri,
        token=None if token is None else dict(token),
        on_token=on_token,
        timeout=float(timeout),
        user_agent=user_agent,
        rate_limit=rate_limit if rate_limit is None or isinstance(rate_limit, str) else dict(rate_limit),
        max_attempts=max_attempts,
        root_certificate=_root_certificate(root_certificate),
        upload_flow=upload_flow,
    )


def _upload_source(
    source: Any, file_name: str | None, size: int | None
) -> tuple[dict[str, Any], str | None, int | None]:
    """Sorts an upload source into a path, bytes or a binary file object."""
    if isinstance(source, (str, os.PathLike)):
        return {"path": os.fspath(source)}, file_name, size
    if isinstance(source, (bytes, bytearray, memoryview)):
        return {"data": bytes(source)}, file_name, size
    if callable(getattr(source, "read", None)):
        if file_name is None:
            name = getattr(source, "name", None)
            if isinstance(name, str) and name:
                file_name = os.path.basename(name)
        if size is None:
            size = _remaining_size(source)
        return {"reader": source}, file_name, size
    raise TypeError(
        "upload source must be a path (str or os.PathLike), bytes, or a binary file object, "
        f"not {type(source).__name__}"
    )


def _remaining_size(file: Any) -> int | None:
    """Bytes left to read in a file object, when it can tell (the S3 flow needs it)."""
    try:
        return int(os.fstat(file.fileno()).st_size - file.tell())
    except (AttributeError, OSError, ValueError):
        pass
    try:
        here = file.tell()
        end = file.seek(0, os.SEEK_END)
        file.seek(here)
        return int(end - here)
    except (AttributeError, OSError, ValueError):
        return None


_NOT_SETTINGS = ("self", "source", "on_progress", "cancel")


def _upload_request(
    source: Any, arguments: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The native call's source and options from an upload method's ``locals()`` (its keyword
    arguments are the core's upload settings, by the same names); ``None`` means not given."""
    settings = {k: v for k, v in arguments.items() if k not in _NOT_SETTINGS and v is not None}
    kind, file_name, size = _upload_source(source, settings.get("file_name"), settings.get("size"))
    settings.update(file_name=file_name, size=size)
    for key in ("tags", "fields", "resume"):
        if key in settings:
            settings[key] = list(settings[key]) if key == "tags" else dict(settings[key])
    if "metaproperties" in settings:
        settings["metaproperties"] = {
            k: [v] if isinstance(v, str) else list(v) for k, v in settings["metaproperties"].items()
        }
    return kind, {key: value for key, value in settings.items() if value is not None}


def _download_target(to: Any) -> dict[str, Any]:
    if isinstance(to, (str, os.PathLike)):
        return {"to_path": os.fspath(to)}
    if callable(getattr(to, "write", None)):
        return {"to_writer": to}
    raise TypeError(
        "download destination must be a path (str or os.PathLike; a folder keeps the file's "
        f"own name) or a binary file object, not {type(to).__name__}"
    )


def _download_options(
    version: int | None, item_id: str | None, additional: bool, sha256: bool, resume: bool
) -> dict[str, Any]:
    options: dict[str, Any] = {"sha256": sha256, "resume": resume, "additional": additional}
    if version is not None:
        options["version"] = version
    if item_id is not None:
        options["item_id"] = item_id
    return options


# ---------------------------------------------------------------------------------------------
# Resource groups


class _SyncGroup:
    __slots__ = ("_native", "_call")

    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native
        self._call = native.call


class _AsyncGroup:
    __slots__ = ("_native", "_call_async")

    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native
        self._call_async = native.call_async


class _SyncUploadGroup(_SyncGroup):
    """``client.upload(source, ...)`` uploads a file; the attributes are the raw upload
    operations for those who drive the protocol themselves."""

    __slots__ = ()

    def __call__(
        self,
        source: Any,
        *,
        brand_id: str | None = None,
        name: str | None = None,
        description: str | None = None,
        tags: Sequence[str] | None = None,
        metaproperties: Mapping[str, Sequence[str] | str] | None = None,
        fields: Mapping[str, Any] | None = None,
        new_version_of: str | None = None,
        additional_to: str | None = None,
        file_name: str | None = None,
        size: int | None = None,
        chunk_size: int | None = None,
        parallelism: int | None = None,
        flow: str | None = None,
        resume: Mapping[str, Any] | None = None,
        on_progress: Callable[[Any], object] | None = None,
        cancel: _native.CancelToken | None = None,
    ) -> Any:
        kind, options = _upload_request(source, locals())
        return _native.upload(
            self._native, **kind, options=options, on_progress=on_progress, cancel=cancel
        )


class _AsyncUploadGroup(_AsyncGroup):
    __slots__ = ()

    async def __call__(
        self,
        source: Any,
        *,
        brand_id: str | None = None,
        name: str | None = None,
        description: str | None = None,
        tags: Sequence[str] | None = None,
        metaproperties: Mapping[str, Sequence[str] | str] | None = None,
        fields: Mapping[str, Any] | None = None,
        new_version_of: str | None = None,
        additional_to: str | None = None,
        file_name: str | None = None,
        size: int | None = None,
        chunk_size: int | None = None,
        parallelism: int | None = None,
        flow: str | None = None,
        resume: Mapping[str, Any] | None = None,
        on_progress: Callable[[Any], object] | None = None,
        cancel: _native.CancelToken | None = None,
    ) -> Any:
        kind, options = _upload_request(source, locals())
        return await _native.upload_async(
            self._native, bridge(), **kind, options=options, on_progress=on_progress,
            cancel=cancel,
        )  # fmt: skip


def _describe(op: Operation) -> str:
    lines = [op.summary or op.name, "", f"``{op.method} {op.path}`` (operation ``{op.name}``)."]
    if op.path_params:
        lines.append(f"Positional: {', '.join(op.path_params)} (identifiers in either UUID form).")
    if op.params:
        lines.append(f"Keywords: {', '.join(op.params)}; others are sent as given.")
    return "\n".join(lines)


def _sync_method(op: Operation) -> Callable[..., Any]:
    name = op.name
    needs_wire = bool(op.wire_names)
    binary = op.binary

    def method(self: _SyncGroup, *args: Any, **params: Any) -> Any:
        if args:
            _bind_positional(op, args, params)
        if needs_wire:
            params = _wire_params(op, params)
        if binary:
            return self._native.call_bytes(name, params)
        return self._call(name, params)

    return method


def _sync_iter(op: Operation) -> Callable[..., Pager[Any]]:
    name = op.name

    def method(self: _SyncGroup, *args: Any, **params: Any) -> Pager[Any]:
        if args:
            _bind_positional(op, args, params)
        return Pager(self._native.pages(name, _wire_params(op, params)))

    return method


def _async_method(op: Operation) -> Callable[..., Any]:
    name = op.name
    needs_wire = bool(op.wire_names)
    binary = op.binary

    async def method(self: _AsyncGroup, *args: Any, **params: Any) -> Any:
        if args:
            _bind_positional(op, args, params)
        if needs_wire:
            params = _wire_params(op, params)
        if binary:
            return await self._native.call_bytes_async(bridge(), name, params)
        return await self._call_async(bridge(), name, params)

    return method


def _async_iter(op: Operation) -> Callable[..., AsyncPager[Any]]:
    name = op.name

    def method(self: _AsyncGroup, *args: Any, **params: Any) -> AsyncPager[Any]:
        if args:
            _bind_positional(op, args, params)
        return AsyncPager(self._native.pages(name, _wire_params(op, params)))

    return method


def _group_class(
    group: str,
    ops: Sequence[Operation],
    base: type,
    call: Callable[[Operation], Callable[..., Any]],
    iterate: Callable[[Operation], Callable[..., Any]],
    prefix: str,
) -> type:
    namespace: dict[str, Any] = {"__slots__": (), "__doc__": f"The ``{group}`` operations."}
    for op in ops:
        for attribute, make in ((op.action, call), *(((iter_name(op.action), iterate),) if op.paged else ())):
            function = make(op)
            function.__name__ = attribute
            function.__qualname__ = f"{prefix}{_title(group)}Group.{attribute}"
            function.__doc__ = _describe(op) if attribute == op.action else (
                f"Every item of ``{op.name}``, page after page (see ``{op.action}``)."
            )
            namespace[attribute] = function
    return type(f"{prefix}{_title(group)}Group", (base,), namespace)


def _title(group: str) -> str:
    return "".join(part.capitalize() for part in group.split("_"))


_CLIENT_MEMBERS = frozenset(
    {"call", "call_raw", "paginate", "authorization_request", "exchange_code", "token",
     "stats", "download", "close", "aclose", "closed", "portal_url"}
)  # fmt: skip


def group_attribute(group: str) -> str:
    """The client attribute of a resource group (``_api`` added if the name is taken)."""
    return f"{group}_api" if group in _CLIENT_MEMBERS else group


_GROUP_NAMES = (*GROUPS, *(() if "upload" in GROUPS else ("upload",)))
_SYNC_GROUPS: dict[str, type] = {
    group: _group_class(
        group, GROUPS.get(group, ()),
        _SyncUploadGroup if group == "upload" else _SyncGroup, _sync_method, _sync_iter, "",
    )
    for group in _GROUP_NAMES
}  # fmt: skip
_ASYNC_GROUPS: dict[str, type] = {
    group: _group_class(
        group, GROUPS.get(group, ()),
        _AsyncUploadGroup if group == "upload" else _AsyncGroup, _async_method, _async_iter,
        "Async",
    )
    for group in _GROUP_NAMES
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Clients


class _Base:
    _native: _native.NativeClient

    def __init__(
        self,
        portal: str,
        *,
        permanent_token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        scopes: Sequence[str] | None = None,
        redirect_uri: str | None = None,
        token: Mapping[str, Any] | None = None,
        on_token: Callable[[Any], object] | None = None,
        timeout: float = 60.0,
        user_agent: str | None = None,
        rate_limit: str | Mapping[str, float] | None = None,
        max_attempts: int = 4,
        root_certificate: str | bytes | os.PathLike[str] | None = None,
        upload_flow: str | None = None,
    ) -> None:
        self._native = _native_client(
            portal, permanent_token=permanent_token, client_id=client_id,
            client_secret=client_secret, scopes=scopes, redirect_uri=redirect_uri, token=token,
            on_token=on_token, timeout=timeout, user_agent=user_agent, rate_limit=rate_limit,
            max_attempts=max_attempts, root_certificate=root_certificate,
            upload_flow=upload_flow,
        )  # fmt: skip

    @property
    def portal_url(self) -> str:
        """The portal's base URL."""
        return self._native.portal_url

    @property
    def closed(self) -> bool:
        return self._native.closed

    def authorization_request(self, scopes: Sequence[str]) -> _native.AuthorizationRequest:
        """Starts the authorization-code flow (client built with ``client_id`` and
        ``redirect_uri``): send the user to ``.url``, keep the request, then call
        ``exchange_code`` with the URL the portal redirects to."""
        if isinstance(scopes, str):
            scopes = scopes.split()
        return self._native.authorization_request(list(scopes))

    def stats(self) -> Any:
        """Counters: requests, retries, 429s, re-authentications, token requests."""
        return self._native.stats()


class Client(_Base):
    """A blocking Bynder client. Calls wait with the GIL released, so threads run them in
    parallel, and Ctrl-C interrupts them.

    >>> with bynder.Client("https://acme.bynder.com", permanent_token="...") as client:
    ...     asset = client.media.get("00b627bb-8054-44c0-a343-fcf40bc790cd")
    """

    def __init__(self, portal: str, **options: Any) -> None:
        super().__init__(portal, **options)
        for group, cls in _SYNC_GROUPS.items():
            setattr(self, group_attribute(group), cls(self._native))

    def call(self, operation: str, /, **params: Any) -> Any:
        """Calls any operation of the table by name (``"media.get"``), answering its body
        (``bytes`` for an operation that answers an image)."""
        op = BY_NAME.get(operation)
        if op is not None and op.binary:
            return self._native.call_bytes(operation, _wire_params(op, params))
        return self._native.call(operation, _wire_params(op, params))

    def call_raw(self, operation: str, /, **params: Any) -> RawResponse:
        """Like ``call``, with the HTTP status and headers."""
        status, headers, body = self._native.call_raw(
            operation, _wire_params(BY_NAME.get(operation), params)
        )
        return RawResponse(status, headers, body)

    def paginate(self, operation: str, /, **params: Any) -> Pager[Any]:
        """Every item of a list operation, by name."""
        return Pager(self._native.pages(operation, _wire_params(BY_NAME.get(operation), params)))

    def exchange_code(self, request: _native.AuthorizationRequest, redirect_url: str) -> Any:
        """Finishes the authorization-code flow: checks ``state``, exchanges the code (with
        the PKCE verifier) and keeps the token, which it also answers."""
        return self._native.exchange_code(request, redirect_url)

    def token(self) -> Any:
        """The current OAuth2 token (``None`` for permanent tokens or before the first)."""
        return self._native.token()

    def download(
        self,
        media_id: str,
        to: Any,
        *,
        version: int | None = None,
        item_id: str | None = None,
        additional: bool = False,
        sha256: bool = False,
        resume: bool = False,
        on_progress: Callable[[Any], object] | None = None,
        cancel: _native.CancelToken | None = None,
    ) -> Any:
        """Downloads an asset's file to a path, a folder, or a binary file object."""
        return _native.download(
            self._native, media_id, **_download_target(to),
            options=_download_options(version, item_id, additional, sha256, resume),
            on_progress=on_progress, cancel=cancel,
        )  # fmt: skip

    def close(self) -> None:
        """Closes the connections; later calls raise."""
        self._native.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"bynder.Client({self._native.portal_url!r})" if not self.closed else "bynder.Client(closed)"


class AsyncClient(_Base):
    """An asyncio Bynder client: every operation is a coroutine; any number can run at once
    (``asyncio.gather``) on the one Rust runtime of the process.

    >>> async with bynder.AsyncClient("https://acme.bynder.com", permanent_token="...") as client:
    ...     asset = await client.media.get("00b627bb-8054-44c0-a343-fcf40bc790cd")
    """

    def __init__(self, portal: str, **options: Any) -> None:
        super().__init__(portal, **options)
        for group, cls in _ASYNC_GROUPS.items():
            setattr(self, group_attribute(group), cls(self._native))

    async def call(self, operation: str, /, **params: Any) -> Any:
        """Calls any operation of the table by name (``"media.get"``), answering its body
        (``bytes`` for an operation that answers an image)."""
        op = BY_NAME.get(operation)
        if op is not None and op.binary:
            return await self._native.call_bytes_async(bridge(), operation, _wire_params(op, params))
        return await self._native.call_async(bridge(), operation, _wire_params(op, params))

    async def call_raw(self, operation: str, /, **params: Any) -> RawResponse:
        """Like ``call``, with the HTTP status and headers."""
        status, headers, body = await self._native.call_raw_async(
            bridge(), operation, _wire_params(BY_NAME.get(operation), params)
        )
        return RawResponse(status, headers, body)

    def paginate(self, operation: str, /, **params: Any) -> AsyncPager[Any]:
        """Every item of a list operation, by name, for ``async for``."""
        return AsyncPager(
            self._native.pages(operation, _wire_params(BY_NAME.get(operation), params))
        )

    async def exchange_code(
        self, request: _native.AuthorizationRequest, redirect_url: str
    ) -> Any:
        """Finishes the authorization-code flow (see ``Client.exchange_code``)."""
        return await self._native.exchange_code_async(bridge(), request, redirect_url)

    async def token(self) -> Any:
        """The current OAuth2 token (``None`` for permanent tokens or before the first)."""
        return await self._native.token_async(bridge())

    async def download(
        self,
        media_id: str,
        to: Any,
        *,
        version: int | None = None,
        item_id: str | None = None,
        additional: bool = False,
        sha256: bool = False,
        resume: bool = False,
        on_progress: Callable[[Any], object] | None = None,
        cancel: _native.CancelToken | None = None,
    ) -> Any:
        """Downloads an asset's file to a path, a folder, or a binary file object."""
        return await _native.download_async(
            self._native, bridge(), media_id, **_download_target(to),
            options=_download_options(version, item_id, additional, sha256, resume),
            on_progress=on_progress, cancel=cancel,
        )  # fmt: skip

    async def aclose(self) -> None:
        """Closes the connections; later calls raise."""
        self._native.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"bynder.AsyncClient({self._native.portal_url!r})" if not self.closed else "bynder.AsyncClient(closed)"
