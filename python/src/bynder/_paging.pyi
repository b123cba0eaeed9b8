from collections.abc import AsyncIterator, Iterator
from typing import Generic, TypeVar

from . import _native

__all__ = ["Page", "Pager", "AsyncPager"]

T = TypeVar("T")

class Page(Generic[T]):
    """One page: its ``items``, its 1-based ``number``, and the ``total`` item count when the
    portal said (``total=True`` on ``media.list``)."""

    items: list[T]
    number: int
    total: int | None
    def __init__(self, items: list[T], number: int, total: int | None) -> None: ...

class Pager(Generic[T]):
    """Every item of a list operation, page after page (iterate once)."""

    def __init__(self, stream: _native.PageStream) -> None: ...
    def pages(self) -> Iterator[Page[T]]:
        """The pages rather than their items."""
        ...
    def __iter__(self) -> Iterator[T]: ...

class AsyncPager(Generic[T]):
    """Every item of a list operation, page after page, for ``async for`` (iterate once)."""

    def __init__(self, stream: _native.PageStream) -> None: ...
    def pages(self) -> AsyncIterator[Page[T]]:
        """The pages rather than their items."""
        ...
    def __aiter__(self) -> AsyncIterator[T]: ...
