"""Pages of list operations as iterators (``Pager``) and async iterators (``AsyncPager``).

Iterating a pager yields items; ``.pages()`` yields whole pages instead. Either way the pages
are fetched as you go, the next one while you work on the current one, and a pager can be
iterated once.
"""

from __future__ import annotations

from . import _native
from ._bridge import bridge

# The generic types live in _paging.pyi; at run time `Pager[Media]` still works through
# __class_getitem__, without importing typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from typing import Any

    T = Any

__all__ = ["Page", "Pager", "AsyncPager"]


def _same_class(cls: type, _item: object) -> type:
    return cls


class Page:
    """One page: its ``items``, its 1-based ``number``, and the ``total`` item count when the
    portal said (``total=True`` on ``media.list``)."""

    __slots__ = ("items", "number", "total")
    __class_getitem__ = classmethod(_same_class)

    def __init__(self, items: list[T], number: int, total: int | None) -> None:
        self.items = items
        self.number = number
        self.total = total

    def __repr__(self) -> str:
        return f"Page(number={self.number}, items={len(self.items)}, total={self.total})"


class Pager:
    """Every item of a list operation, page after page."""

    __class_getitem__ = classmethod(_same_class)

    def __init__(self, stream: _native.PageStream) -> None:
        self._stream = stream

    def pages(self) -> Iterator[Page[T]]:
        """The pages rather than their items."""
        next_page = self._stream.next_page
        while (page := next_page()) is not None:
            yield Page(*page)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager:
    """Every item of a list operation, page after page, for ``async for``."""

    __class_getitem__ = classmethod(_same_class)

    def __init__(self, stream: _native.PageStream) -> None:
        self._stream = stream

    async def pages(self) -> AsyncIterator[Page[T]]:
        """The pages rather than their items."""
        while (page := await self._stream.next_page_async(bridge())) is not None:
            yield Page(*page)

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()
