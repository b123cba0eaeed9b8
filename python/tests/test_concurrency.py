"""asyncio and threads: many calls in flight, the GIL released while waiting."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import bynder
from conftest import Admin
from mockportal import MockPortal

LATENCY_MS = 300


def test_gather_200_calls(async_client: bynder.AsyncClient, media_ids: list[str], admin: Admin) -> None:
    before = admin.requests_for("media.get")

    async def run() -> list[bynder.models.Media]:
        async with async_client:
            return await asyncio.gather(
                *(async_client.media.get(media_ids[i % len(media_ids)]) for i in range(200))
            )

    results = asyncio.run(run())
    assert [r["id"] for r in results] == [media_ids[i % len(media_ids)] for i in range(200)]
    assert admin.requests_for("media.get") - before == 200


def test_async_calls_overlap(async_client: bynder.AsyncClient, admin: Admin) -> None:
    admin.fault({"latency_ms": LATENCY_MS}, operation="account.get")

    async def run() -> float:
        start = time.perf_counter()
        await asyncio.gather(*(async_client.account.get() for _ in range(20)))
        return time.perf_counter() - start

    elapsed = asyncio.run(run())
    # One after another would take 20 x 0.3 s = 6 s.
    assert elapsed < 2.0, elapsed


def test_async_errors_and_context_manager(mock: MockPortal) -> None:
    async def run() -> None:
        async with bynder.AsyncClient(
            mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited"
        ) as c:
            with pytest.raises(bynder.NotFoundError):
                await c.collections.get("00000000-0000-0000-0000000000000000")
            raw = await c.call_raw("brands.list")
            assert raw.status == 200 and raw.body
        assert c.closed
        with pytest.raises(bynder.InvalidArgumentError):
            await c.brands.list()

    asyncio.run(run())


def test_cancelling_a_task_stops_its_request(async_client: bynder.AsyncClient, admin: Admin) -> None:
    admin.fault({"latency_ms": 5000}, operation="account.get")

    async def run() -> float:
        start = time.perf_counter()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(async_client.account.get(), timeout=0.2)
        from bynder._bridge import bridge

        assert bridge().pending() == 0
        return time.perf_counter() - start

    assert asyncio.run(run()) < 1.0


def test_threads_run_calls_in_parallel(mock: MockPortal, admin: Admin) -> None:
    admin.fault({"latency_ms": LATENCY_MS}, operation="account.get")
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited"
    ) as c:
        c.brands.list()  # connect first
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda _: c.account.get(), range(8)))
        elapsed = time.perf_counter() - start
    assert all(r["name"] for r in results)
    # With the GIL held during the wait this would take 8 x 0.3 s = 2.4 s.
    assert elapsed < 1.2, elapsed


def test_python_keeps_running_while_a_call_waits(client: bynder.Client, admin: Admin) -> None:
    admin.fault({"latency_ms": 500}, operation="account.get")
    ticks = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        before = ticks
        client.account.get()
        during = ticks - before
    finally:
        stop.set()
        spinner.join()
    # A pure-Python loop only advances when it holds the GIL: it ran during the whole call.
    assert during > 100_000, during
