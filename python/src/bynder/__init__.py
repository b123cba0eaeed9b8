"""Bynder DAM client on a Rust core.

>>> import bynder
>>> with bynder.Client("https://acme.bynder.com", permanent_token="...") as client:
...     for asset in client.media.iter(keyword="logo"):
...         print(asset["name"])

See ``python/README.md`` for authentication, pagination, uploads, downloads, asyncio and errors.
"""

from __future__ import annotations

from ._client import AsyncClient, Client, RawResponse
from ._native import AuthorizationRequest, CancelToken
from ._native import __version__ as __version__
from ._paging import AsyncPager, Page, Pager
from . import errors as _errors
from .errors import *  # noqa: F403  (every exception, as `bynder.errors.__all__` lists them)

__all__ = [
    "Client",
    "AsyncClient",
    "RawResponse",
    "Page",
    "Pager",
    "AsyncPager",
    "AuthorizationRequest",
    "CancelToken",
    "models",
    "operations",
    "scopes",
]
__all__ += [name for name in _errors.__all__ if name != "ERRORS_BY_KIND"]


TYPE_CHECKING = False  # not typing's: importing typing would double the import time
if TYPE_CHECKING:
    from . import models
else:

    def __getattr__(name: str) -> object:
        # `bynder.models` (TypedDicts only) is loaded on first use: importing bynder stays quick.
        if name == "models":
            from . import models

            return models
        raise AttributeError(f"module 'bynder' has no attribute {name!r}")


def operations() -> list[str]:
    """The names of every operation (``"media.get"``...), for ``client.call``."""
    from ._operations import OPERATIONS

    return [op.name for op in OPERATIONS]


def scopes() -> list[str]:
    """Every OAuth2 scope, in Bynder's spelling (``"asset:read"``...)."""
    from ._native import scopes as native_scopes

    return native_scopes()
