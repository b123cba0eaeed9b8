"""One measurement per process, for scripts/bench-python.py: prints one JSON line.

    python workers.py <measurement> <portal-or-domain> <token> <media-id> <count> [<cert>]

Runs pinned to CPU 0 when it can (the mock is pinned to CPU 1), warms up, then measures
`time.process_time` (every thread of this process: our Rust runtime's threads count too) and
wall time around the calls.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

WARMUP = 100


def pin() -> None:
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError):
        pass


def measure(call: Callable[[], Any], count: int) -> dict[str, float]:
    for _ in range(WARMUP):
        call()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(count):
        call()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"cpu_us": cpu / count * 1e6, "wall_us": wall / count * 1e6, "calls_per_s": count / wall}


def measure_threads(call: Callable[[], Any], count: int, threads: int) -> dict[str, float]:
    for _ in range(WARMUP):
        call()
    per_thread = count // threads
    barrier = threading.Barrier(threads + 1)

    def worker() -> None:
        barrier.wait()
        for _ in range(per_thread):
            call()

    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(worker) for _ in range(threads)]
        cpu, wall = time.process_time(), time.perf_counter()
        barrier.wait()
        for f in futures:
            f.result()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    done = per_thread * threads
    return {"cpu_us": cpu / done * 1e6, "wall_us": wall / done * 1e6, "calls_per_s": done / wall}


def ours_sync(portal: str, token: str, media_id: str, count: int, cert: str, threads: int = 1) -> dict[str, float]:
    import bynder

    client = bynder.Client(portal, permanent_token=token, rate_limit="unlimited", root_certificate=cert)
    call = lambda: client.media.get(media_id)  # noqa: E731
    return measure(call, count) if threads == 1 else measure_threads(call, count, threads)


def ours_async(portal: str, token: str, media_id: str, count: int, cert: str, in_flight: int = 16) -> dict[str, float]:
    import bynder

    async def run() -> dict[str, float]:
        client = bynder.AsyncClient(
            portal, permanent_token=token, rate_limit="unlimited", root_certificate=cert
        )
        for _ in range(WARMUP):
            await client.media.get(media_id)
        per_task = count // in_flight

        async def worker() -> None:
            for _ in range(per_task):
                await client.media.get(media_id)

        cpu, wall = time.process_time(), time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(in_flight)))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        done = per_task * in_flight
        return {"cpu_us": cpu / done * 1e6, "wall_us": wall / done * 1e6, "calls_per_s": done / wall}

    return asyncio.run(run())


def official(domain: str, token: str, media_id: str, count: int, cert: str, threads: int = 1) -> dict[str, float]:
    os.environ["REQUESTS_CA_BUNDLE"] = cert
    os.environ["CURL_CA_BUNDLE"] = cert
    from bynder_sdk import BynderClient

    client = BynderClient(domain, permanent_token=token)
    call = lambda: client.asset_bank_client.media_info(media_id)  # noqa: E731
    return measure(call, count) if threads == 1 else measure_threads(call, count, threads)


MEASUREMENTS = {
    "ours-sync": lambda a: ours_sync(*a),
    "ours-threads16": lambda a: ours_sync(*a, threads=16),
    "ours-async16": lambda a: ours_async(*a, in_flight=16),
    "official-sync": lambda a: official(*a),
    "official-threads16": lambda a: official(*a, threads=16),
}


def main() -> None:
    pin()
    name, portal, token, media_id, count, cert = sys.argv[1:7]
    result = MEASUREMENTS[name]((portal, token, media_id, int(count), cert))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
