#!/usr/bin/env python3
"""Python package benchmark: `bynder` (this repo's wheel) side by side with the official
`bynder-sdk==2.0.2`, in one run, against a release build of bynder-mock (no rate limit) over
HTTPS on loopback. Writes the Python section of docs/benchmarks.md.

    .venv-python/bin/python scripts/bench-python.py            # about 2 minutes
    .venv-python/bin/python scripts/bench-python.py --quick    # fewer calls, no docs update

Needs the wheel installed in .venv-python (scripts/lib/python.sh's suite_python does that; a
`pip install ./python` builds it in release mode) and builds the release mock when missing.
The mock is pinned to CPU 1 and every client process to CPU 0; each figure is the median of
several processes. CPU time is `time.process_time` of the client process (all its threads,
our Rust runtime's included), so the mock's work is never counted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "compat" / "python"))
from mockportal import start_mock  # noqa: E402

import requests  # noqa: E402

WORKERS = REPO / "bench" / "python" / "workers.py"
DECODE = REPO / "bench" / "python" / "decode.py"
DOC = REPO / "docs" / "benchmarks.md"
BEGIN = "<!-- python-benchmark:begin -->"
END = "<!-- python-benchmark:end -->"


def release_mock() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = (target if target.is_absolute() else REPO / target) / "release" / "bynder-mock"
    if not binary.is_file():
        print("building the release mock: cargo build --release -p bynder-mock", flush=True)
        subprocess.run(["cargo", "build", "--release", "-p", "bynder-mock"], cwd=REPO, check=True)
    return binary


def run_json(command: list[str]) -> dict[str, Any]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median_runs(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def import_ms(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    samples = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        samples.append(float(done.stdout) * 1e3)
    return statistics.median(samples)


def wheel_file() -> Path | None:
    wheels = sorted((REPO / "target" / "python" / "wheels").glob("bynder-*.whl"))
    return wheels[-1] if wheels else None


def measure(quick: bool) -> dict[str, Any]:
    count = 500 if quick else 3000
    repeats = 3 if quick else 5
    os.environ["BYNDER_MOCK_BIN"] = str(release_mock())
    workdir = tempfile.mkdtemp(prefix="bench-python-")
    # 1000 assets, so the page-decoding figure is about a real 1000-asset page.
    portal = start_mock(workdir, "--no-rate-limit", "--assets", "1000")
    try:
        try:
            os.sched_setaffinity(portal.process.pid, {1})
        except (AttributeError, OSError):
            pass
        headers = {"Authorization": f"Bearer {portal.permanent_token}"}
        media_id = requests.get(
            f"{portal.http_base}/api/v4/media/?limit=1", headers=headers, timeout=10
        ).json()[0]["id"]
        page = requests.get(
            f"{portal.http_base}/api/v4/media/?limit=1000", headers=headers, timeout=30
        ).content
        page_file = Path(workdir) / "page1000.json"
        page_file.write_bytes(page)

        calls: dict[str, list[dict[str, float]]] = {}
        names = ["ours-sync", "official-sync", "ours-async16", "ours-threads16", "official-threads16"]
        for round_number in range(repeats):
            for name in names:
                target = portal.https_domain if name.startswith("official") else portal.https_base
                n = count if name != "official-threads16" else count // 2
                result = run_json([
                    sys.executable, str(WORKERS), name, target, portal.permanent_token, media_id,
                    str(n), portal.cert_path,
                ])  # fmt: skip
                calls.setdefault(name, []).append(result)
                print(f"  round {round_number + 1} {name}: {result}", flush=True)
        decode_runs = [
            run_json([sys.executable, str(DECODE), str(page_file), "10" if quick else "30"])
            for _ in range(repeats)
        ]
    finally:
        portal.stop()
    wheel = wheel_file()
    return {
        "count": count,
        "repeats": repeats,
        "calls": {name: median_runs(runs) for name, runs in calls.items()},
        "decode": median_runs(decode_runs),
        # The target's ratio in each process, so a reader sees how far single runs move.
        "decode_settled_ratios": sorted(
            run["ours_decode_settled_ms"] / run["orjson_loads_settled_ms"] for run in decode_runs
        ),
        "import_ms": {
            "bynder": import_ms("bynder", 7 if quick else 15),
            "bynder_sdk": import_ms("bynder_sdk", 7 if quick else 15),
        },
        "wheel": {"name": wheel.name, "bytes": wheel.stat().st_size} if wheel else None,
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "n/a"


def render(r: dict[str, Any]) -> str:
    c, d, imp = r["calls"], r["decode"], r["import_ms"]
    ours, off = c["ours-sync"], c["official-sync"]
    cpu_share = ours["cpu_us"] / off["cpu_us"]
    wheel = r["wheel"]
    wheel_text = f"{wheel['bytes'] / 1e6:.2f} MB (`{wheel['name']}`)" if wheel else "not built"
    check = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    lines = [
        BEGIN,
        "## Python package (`bynder` wheel vs `bynder-sdk` 2.0.2)",
        "",
        f"`scripts/bench-python.py`, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"CPython {platform.python_version()}, {os.cpu_count()} cores: release `bynder-mock "
        "--no-rate-limit` pinned to CPU 1, each client process pinned to CPU 0, both SDKs over "
        f"HTTPS with keep-alive, `media.get` of one asset (~2 KB JSON). {r['count']} calls per "
        f"process after 100 warm-up calls; each figure is the median of {r['repeats']} processes.",
        "",
        "| measure | `bynder` (ours) | `bynder-sdk` 2.0.2 | ratio | target | met |",
        "|---|---|---|---|---|---|",
        f"| CPU per `media.get` (µs, all threads) | {ours['cpu_us']:.0f} | {off['cpu_us']:.0f} | "
        f"ours uses {cpu_share:.2f} of theirs ({ratio(off['cpu_us'], ours['cpu_us'])} less) | "
        f"≤ 1/5 | {check(cpu_share <= 0.2)} |",
        f"| sequential calls/s | {ours['calls_per_s']:.0f} | {off['calls_per_s']:.0f} | "
        f"{ratio(ours['calls_per_s'], off['calls_per_s'])} | | |",
        f"| 16 in flight, calls/s (ours: asyncio; theirs: 16 threads, it has no async) | "
        f"{c['ours-async16']['calls_per_s']:.0f} | {c['official-threads16']['calls_per_s']:.0f} | "
        f"{ratio(c['ours-async16']['calls_per_s'], c['official-threads16']['calls_per_s'])} | | |",
        f"| 16 threads, calls/s | {c['ours-threads16']['calls_per_s']:.0f} | "
        f"{c['official-threads16']['calls_per_s']:.0f} | "
        f"{ratio(c['ours-threads16']['calls_per_s'], c['official-threads16']['calls_per_s'])} | | |",
        f"| CPU per call with 16 in flight (µs) | {c['ours-async16']['cpu_us']:.0f} (asyncio) | "
        f"{c['official-threads16']['cpu_us']:.0f} (threads) | "
        f"{ratio(c['official-threads16']['cpu_us'], c['ours-async16']['cpu_us'])} less | | |",
        f"| added import time (ms) | {imp['bynder']:.1f} | {imp['bynder_sdk']:.1f} | "
        f"{ratio(imp['bynder_sdk'], imp['bynder'])} faster | < 30 ms | {check(imp['bynder'] < 30)} |",
        f"| wheel size | {wheel_text} | — | | < 6 MB | "
        f"{check(bool(wheel) and wheel['bytes'] < 6e6)} |",
        "",
        f"Turning a 1000-asset page of the mock ({d['bytes'] / 1e6:.2f} MB of JSON; real portals "
        "send more fields per asset) into Python objects: in each of "
        f"{len(r['decode_settled_ratios'])} processes the best of 30 interleaved rounds, "
        "GC on, a full collection before each timed call, the result kept until the clock "
        "stops; each figure is the median of the processes:",
        "",
        "| way | ms | vs `orjson.loads` |",
        "|---|---|---|",
        f"| `orjson.loads` (bytes → objects) | {d['orjson_loads_ms']:.2f} | 1.0× |",
        f"| `json.loads` (bytes → objects) | {d['json_loads_ms']:.2f} | "
        f"{d['json_loads_ms'] / d['orjson_loads_ms']:.2f}× |",
        f"| **ours: bytes → objects in one pass** (what `client.call` and every page of `iter` "
        f"do with the GIL held) | {d['ours_decode_ms']:.2f} | "
        f"{d['ours_decode_ms'] / d['orjson_loads_ms']:.2f}× |",
        f"| ours, the other way: objects from the core's `serde_json::Value` (raw calls, "
        f"progress events) | {d['ours_build_ms']:.2f} | "
        f"{d['ours_build_ms'] / d['orjson_loads_ms']:.2f}× |",
        f"| the core's own parse into that `Value` (off the GIL, for its paging decisions) | "
        f"{d['ours_parse_ms']:.2f} | {d['ours_parse_ms'] / d['orjson_loads_ms']:.2f}× |",
        f"| `orjson.loads` + the young-generation collection its objects cause | "
        f"{d['orjson_loads_settled_ms']:.2f} | 1.0× |",
        f"| ours + the young-generation collection its objects cause | "
        f"{d['ours_decode_settled_ms']:.2f} | "
        f"{d['ours_decode_settled_ms'] / d['orjson_loads_settled_ms']:.2f}× |",
        "",
        f"Target (turning the page into objects no slower than `orjson.loads` on the same "
        f"bytes): {check(d['ours_decode_settled_ms'] <= d['orjson_loads_settled_ms'])}, judged "
        "on the last two rows (the ratio in each process: "
        f"{', '.join(f'{r:.2f}' for r in r['decode_settled_ratios'])}). Our parser pauses "
        "CPython's cyclic GC while it builds (new objects cannot form cycles), so the call "
        f"itself is {d['ours_decode_ms'] / d['orjson_loads_ms']:.2f}× `orjson.loads`; but the "
        "young-generation collection those objects cost then happens after the call, where "
        "`orjson.loads` pays it during the call, so the fair comparison counts it on both "
        "sides. The parser reads the response's bytes once, front to back, and builds the "
        "objects as it goes; building them from a decoded `Value` instead reads megabytes of "
        "scattered heap and costs more than parsing. Within the stable ABI (abi3) it saves work "
        "two more ways: an object whose key sequence was met before at the same place is a "
        "`PyDict_Copy` of the first such object (no hashing, no resizing), and only its values "
        "that are not the very same objects are set again (shared strings, small ints and "
        "`None` often are); and a repeated string value (types, tags, brand and option ids) is "
        "shared, not made again, through a direct-mapped cache. Strings are scanned 16 bytes at "
        "a time (SSE2). What remains is mostly CPython's own work: allocating, setting dict "
        "values, UTF-8 checks, and the collection. "
        "On this 2-core machine single runs move by ±10 %; the ratio is what to read.",
        "",
        "Reading the numbers: the official SDK spends its CPU in `requests`; ours spends it in "
        "reqwest/hyper and rustls on the Rust runtime, plus the crossing into Python. Against "
        "real Bynder neither is the bottleneck (the portal allows 15 requests/s), but CPU per "
        "call is what a busy worker pays, and in-flight requests are what hides WAN latency.",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_doc(section: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        _, after = rest.split(END, 1)
        text = before + section.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer calls; docs untouched")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args()
    results = measure(args.quick)
    section = render(results)
    print(section)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if not args.quick:
        write_doc(section)
        print(f"updated {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
