"""asyncio: many calls in flight at once, and async iteration over pages.

    BYNDER_PORTAL=... BYNDER_TOKEN=... python async_gather.py
"""

from __future__ import annotations

import asyncio
import os
import time

import bynder
from bynder.models import Media


async def main() -> None:
    async with bynder.AsyncClient(
        os.environ["BYNDER_PORTAL"], permanent_token=os.environ["BYNDER_TOKEN"]
    ) as client:
        ids = [asset["id"] async for asset in client.media.iter(limit=100)][:50]
        start = time.perf_counter()
        # The client keeps within Bynder's rate limit by itself, however many are in flight.
        assets: list[Media] = await asyncio.gather(*(client.media.get(i) for i in ids))
        elapsed = time.perf_counter() - start
        print(f"fetched {len(assets)} assets in {elapsed:.2f} s")
        biggest = max(assets, key=lambda a: a.get("fileSize", 0))
        print(f"biggest: {biggest['name']} ({biggest.get('fileSize', 0)} bytes)")


if __name__ == "__main__":
    asyncio.run(main())
