"""Reference point for downloads (the official SDKs only return the URL): `requests` with
`stream=True`, 1 MiB pieces, written to a file. Prints one JSON line.

usage: requests_download.py URL OUT
"""

from __future__ import annotations

import json
import resource
import sys
import time

import requests


def main() -> None:
    url, out = sys.argv[1:3]
    started = time.perf_counter()
    size = 0
    with requests.get(url, stream=True, timeout=60) as response, open(out, "wb") as f:
        response.raise_for_status()
        for piece in response.iter_content(1024 * 1024):
            f.write(piece)
            size += len(piece)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "bytes": size,
        "seconds": seconds,
        "mb_per_s": size / 1e6 / seconds,
        "peak_rss_kib": usage.ru_maxrss,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }))


if __name__ == "__main__":
    main()
