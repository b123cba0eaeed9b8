"""Pages as iterators and async iterators."""

from __future__ import annotations

import asyncio

import bynder
from conftest import Admin


def test_every_asset_once_page_by_page(client: bynder.Client, admin: Admin) -> None:
    total = client.media.list(limit=1, total=True)["total"]["count"]
    before = admin.requests_for("media.list")
    pages = list(client.media.iter(limit=40).pages())
    ids = [asset["id"] for page in pages for asset in page.items]
    assert len(ids) == len(set(ids)) == total
    assert [page.number for page in pages] == list(range(1, len(pages) + 1))
    assert all(len(page.items) == 40 for page in pages[:-1])
    assert admin.requests_for("media.list") - before == len(pages)


def test_items_of_other_list_operations(client: bynder.Client) -> None:
    tags = list(client.tags.iter(limit=7))
    assert len(tags) == len({t["id"] for t in tags}) == len(client.tags.list(limit=1000))
    collections = list(client.collections.iter(limit=3))
    assert len(collections) == len(client.collections.list(limit=1000))
    assert len(list(client.paginate("media.list", limit=100, type="image"))) == len(
        client.media.list(limit=1000, type="image")
    )


def test_total_is_reported_when_asked(client: bynder.Client) -> None:
    first = next(iter(client.media.iter(limit=10, total=True).pages()))
    assert first.total is not None and first.total >= 300 and len(first.items) == 10


def test_without_a_limit_the_largest_page_is_used(client: bynder.Client, admin: Admin) -> None:
    before = admin.requests_for("media.list")
    assert len(list(client.media.iter())) >= 300
    assert admin.requests_for("media.list") - before == 1


def test_async_iteration(async_client: bynder.AsyncClient) -> None:
    async def collect() -> tuple[list[str], list[int]]:
        ids = [asset["id"] async for asset in async_client.media.iter(limit=64)]
        numbers = [page.number async for page in async_client.tags.iter(limit=10).pages()]
        return ids, numbers

    ids, numbers = asyncio.run(collect())
    assert len(ids) == len(set(ids)) >= 300
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2


def test_an_error_on_a_later_page_is_raised_there(client: bynder.Client, admin: Admin) -> None:
    pager = client.media.iter(limit=100).pages()
    assert len(next(pager).items) == 100
    admin.fault({"status": 404}, operation="media.list")
    try:
        for _ in pager:
            pass
    except bynder.NotFoundError:
        pass
    else:
        raise AssertionError("the failing page did not raise")
