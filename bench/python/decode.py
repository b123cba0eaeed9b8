"""Turning a 1000-asset page (bytes) into Python objects, for scripts/bench-python.py.

    python decode.py <page.json> <rounds>

Prints one JSON line: the best time in ms of each way, over `rounds` interleaved runs, GC on
(as in real use), and for orjson and ours also with the collection the new objects cause
(`*_settled_ms`): orjson.loads, json.loads, ours (`decode_json`: the one-pass parser that
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


def best_of(ways: dict[str, Callable[[], Any]], rounds: int, settle: bool) -> dict[str, float]:
    """The best time of each way in ms. Rounds interleave the ways, so a burst of load on the
    machine hits all of them alike; each timed call starts after a full collection and keeps
    its result until the clock stops (as a caller would). With `settle`, the clock also runs
    through `gc.collect(0)`: the young-generation collection the new objects cost sooner or
    later, which `orjson.loads` pays during the call and a parser that pauses the GC pays
    after it."""
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, function in ways.items():
            gc.collect()
            start = time.perf_counter()
            result = function()
            if settle:
                gc.collect(0)
            times[name].append(time.perf_counter() - start)
            del result
    return {name: min(samples) * 1e3 for name, samples in times.items()}


def main() -> None:
    data = Path(sys.argv[1]).read_bytes()
    rounds = int(sys.argv[2])
    parsed = _native.ParsedJson(data)
    assert parsed.to_python() == orjson.loads(data) == _native.decode_json(data)
    ways = {
        "orjson_loads_ms": lambda: orjson.loads(data),
        "json_loads_ms": lambda: json.loads(data),
        "ours_decode_ms": lambda: _native.decode_json(data),
        "ours_parse_ms": lambda: _native.ParsedJson(data),
        "ours_build_ms": parsed.to_python,
    }
    results = best_of(ways, rounds, settle=False)
    settled = best_of(
        {name: ways[name] for name in ("orjson_loads_ms", "ours_decode_ms")}, rounds, settle=True
    )
    results.update({name.replace("_ms", "_settled_ms"): ms for name, ms in settled.items()})
    print(json.dumps({"bytes": len(data), **results}))


if __name__ == "__main__":
    main()
