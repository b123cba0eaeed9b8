"""Turning a 1000-asset page (bytes) into Python objects, for scripts/bench-python.py.

    python decode.py <page.json> <rounds>

Prints one JSON line: the best time in ms of each way, over `rounds` interleaved runs, GC on
(as in real use): orjson.loads, json.loads, ours (`decode_json`: the one-pass parser that
`client.call` and page iteration use on the body's bytes), and the other way the package can
build objects: the core's serde_json parse, then objects from that value.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

import orjson

from bynder import _native


def best_of(ways: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    """The best time of each way in ms. Rounds interleave the ways, so a burst of load on the
    machine hits all of them alike; each timed call starts after a full collection."""
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, function in ways.items():
            gc.collect()
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: min(samples) * 1e3 for name, samples in times.items()}


def main() -> None:
    data = Path(sys.argv[1]).read_bytes()
    rounds = int(sys.argv[2])
    parsed = _native.ParsedJson(data)
    assert parsed.to_python() == orjson.loads(data) == _native.decode_json(data)
    results = best_of(
        {
            "orjson_loads_ms": lambda: orjson.loads(data),
            "json_loads_ms": lambda: json.loads(data),
            "ours_decode_ms": lambda: _native.decode_json(data),
            "ours_parse_ms": lambda: _native.ParsedJson(data),
            "ours_build_ms": parsed.to_python,
        },
        rounds,
    )
    print(json.dumps({"bytes": len(data), **results}))


if __name__ == "__main__":
    main()
