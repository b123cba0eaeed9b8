#!/usr/bin/env python3
"""Transfer benchmark: our SDK against the official Python SDK, side by side in one run, on
loopback against a release build of bynder-mock (no rate limit, no processing delay). Writes
the "Uploads and downloads" section of docs/benchmarks.md.

    .venv/bin/python scripts/bench-transfer.py            # 1 GiB and 4 GiB (about 5 minutes)
    .venv/bin/python scripts/bench-transfer.py --quick    # 256 MiB only, no docs update

Each process is measured on its own: wall time around the transfer and the process's peak RSS
(VmHWM / ru_maxrss), so the mock's memory is never counted. Upload times include everything
the call does (session, chunks, finalise, save); for the official SDK the transfer phase is
also shown without its fixed 5 s poll sleep, and the throughput ratio uses that faster figure.
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "compat" / "python"))
from mockportal import start_mock  # noqa: E402

import requests  # noqa: E402

MIB = 1024 * 1024
BEGIN = "<!-- transfer-benchmark:begin -->"
END = "<!-- transfer-benchmark:end -->"


def run_json(command: list[str], env: dict | None = None) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def make_file(path: Path, size: int) -> None:
    """Incompressible bytes: a random 64 MiB block, varied per block so no chunk repeats."""
    if path.exists() and path.stat().st_size == size:
        return
    block = bytearray(os.urandom(64 * MIB))
    with open(path, "wb") as f:
        written = 0
        while written < size:
            block[:8] = written.to_bytes(8, "little")
            n = min(len(block), size - written)
            f.write(block[:n])
            written += n


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux `/proc/PID/stat`, 100 ticks a second)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100.0


def sha256_rate() -> float:
    """MB/s of SHA-256 on one core (hashlib: OpenSSL, with SHA-NI where the CPU has it)."""
    import hashlib
    block = os.urandom(MIB)
    hasher = hashlib.sha256()
    started = time.process_time()
    for _ in range(512):
        hasher.update(block)
    return 512 * MIB / 1e6 / (time.process_time() - started)


def tmpfs_write(directory: Path, size: int = 1024 * MIB) -> tuple[float, float]:
    """MB/s and CPU s per GiB of one thread writing a new file of `size` bytes in 1 MiB
    pieces: what any download into that directory pays to the kernel, whatever the client."""
    path = directory / f"bynder-bench-ceiling-{os.getpid()}.bin"
    path.unlink(missing_ok=True)
    block = os.urandom(MIB)
    cpu, wall = time.process_time(), time.perf_counter()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for _ in range(size // MIB):
            os.write(fd, block)
    finally:
        os.close(fd)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    path.unlink()
    return size / 1e6 / wall, cpu / (size / 2**30)


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="256 MiB only; docs untouched")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true",
                        help="use the release binaries already built")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "bynder-mock", "-p", "bynder-bench"],
            cwd=REPO, check=True,
        )
    release = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "release"
    os.environ["BYNDER_MOCK_BIN"] = str(release / "bynder-mock")
    bench = str(release / "bynder-bench")
    python = sys.executable

    sizes = [256 * MIB] if args.quick else [1024 * MIB, 4096 * MIB]
    work = Path(tempfile.mkdtemp(prefix="bynder-bench-", dir=os.environ.get("BENCH_DIR")))
    storage = work / "storage"
    storage.mkdir()
    mock = start_mock(str(work), "--no-rate-limit", "--processing-delay-ms", "0",
                      "--storage-dir", str(storage))
    env = dict(os.environ, REQUESTS_CA_BUNDLE=mock.cert_path, CURL_CA_BUNDLE=mock.cert_path)
    try:
        brand = requests.get(f"{mock.http_base}/api/v4/brands/", timeout=10,
                             headers={"Authorization": f"Bearer {mock.permanent_token}"}).json()[0]["id"]
        ours = [bench, "--portal", mock.https_base, "--token", mock.permanent_token,
                "--ca-cert", mock.cert_path]
        ours_http = [bench, "--portal", mock.http_base, "--token", mock.permanent_token]
        rows = []
        small = sizes[0]
        path = work / f"file-{small // MIB}.bin"
        make_file(path, small)
        reps = args.repeat

        def measured(command: list[str], env: dict | None = None) -> dict:
            # The mock's CPU for this run too: client and mock share the machine's two cores,
            # so their CPU per GiB together bounds what any run can reach.
            before = process_cpu_seconds(mock.process.pid)
            line = run_json(command, env)
            line["mock_cpu_seconds"] = process_cpu_seconds(mock.process.pid) - before
            return line

        def upload(cmd, flow, p=path):
            return measured(cmd + ["upload", str(p), "--flow", flow])

        results = {
            "ours_fs_https": [upload(ours, "files-service") for _ in range(reps)],
            "ours_s3_https": [upload(ours, "s3") for _ in range(reps)],
            "ours_fs_http": [upload(ours_http, "files-service") for _ in range(reps)],
            "sdk": [measured([python, str(REPO / "bench" / "official_python_upload.py"), str(path),
                              mock.https_domain, mock.permanent_token, brand], env=env)
                    for _ in range(reps)],
        }
        media = results["ours_fs_http"][0]["media_id"]
        # Downloads land in RAM when it can (tmpfs): this VM's disk writeback would otherwise
        # be what is measured, for every client alike.
        shm = Path("/dev/shm")
        out = (shm if shm.is_dir() and os.access(shm, os.W_OK) else work) / f"bynder-bench-{os.getpid()}.bin"
        def fresh(command: list[str]) -> dict:
            # Every client starts without the previous output: writing 1 GiB next to an old
            # 1 GiB copy makes the kernel reclaim memory on the writer's time.
            out.unlink(missing_ok=True)
            return measured(command)

        results["download_http"] = [fresh(ours_http + ["download", media, str(out)])
                                    for _ in range(reps)]
        results["download_https"] = [fresh(ours + ["download", media, str(out)])
                                     for _ in range(reps)]
        results["download_sha"] = [fresh(ours_http + ["download", media, str(out), "--sha256"])]
        results["download_discard"] = [fresh(ours_http + ["download", media, str(out), "--discard"])
                                       for _ in range(reps)]
        ceilings = {"sha256": sha256_rate(), "tmpfs": tmpfs_write(out.parent)}
        url = requests.get(f"{mock.http_base}/api/v4/media/{media}/download/", timeout=10,
                           headers={"Authorization": f"Bearer {mock.permanent_token}"}).json()["s3_file"]
        results["requests_download"] = [fresh([python, str(REPO / "bench" / "requests_download.py"),
                                               url, str(out)]) for _ in range(reps)]
        big_results = {}
        for size in sizes[1:]:
            big = work / f"file-{size // MIB}.bin"
            make_file(big, size)
            up = upload(ours_http, "files-service", big)
            down = fresh(ours_http + ["download", up["media_id"], str(out)])
            big_results[size] = (up, down)
            big.unlink()
    finally:
        mock.stop()
        out_path = locals().get("out")
        if out_path is not None and Path(out_path).exists():
            Path(out_path).unlink()
    report(results, big_results, ceilings, small, reps, args.quick)
    subprocess.run(["rm", "-rf", str(work)], check=False)


def report(results: dict, big: dict, ceilings: dict, small: int, reps: int, quick: bool) -> None:
    mb = lambda k: median_of(results[k], "mb_per_s")  # noqa: E731
    rss = lambda k: max(r["peak_rss_kib"] for r in results[k]) / 1024  # noqa: E731
    # Client CPU (user + system) per GiB moved: efficiency, whatever the other process does.
    cpu = lambda k: median_of(results[k], "cpu_seconds") / (results[k][0]["bytes"] / 2**30)  # noqa: E731
    mock_cpu = lambda k: median_of(results[k], "mock_cpu_seconds") / (results[k][0]["bytes"] / 2**30)  # noqa: E731
    cores = os.cpu_count() or 1
    # The fastest wall time the two processes' measured CPU per GiB allows on this machine's
    # cores, if both were busy all the time.
    bound = lambda k: cores * 2**30 / 1e6 / (cpu(k) + mock_cpu(k))  # noqa: E731
    sdk_transfer = median_of(results["sdk"], "transfer_mb_per_s")
    sha, (tmpfs_mb, tmpfs_cpu) = ceilings["sha256"], ceilings["tmpfs"]
    lines = [
        BEGIN,
        "## Uploads and downloads",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
        f"by `.venv/bin/python scripts/bench-transfer.py`: loopback, release build of "
        f"`bynder-mock` (no rate limit, no processing delay, uploads stored on disk), "
        f"{small // MIB} MiB of incompressible data, 5 MiB chunks, median of {reps} runs. "
        "Each client runs in its own process; peak RSS is that process's (the mock's is not counted). "
        "Our uploads use 4 chunks in parallel; both flows verify checksums on the mock side.",
        "",
        "| Upload | MB/s | Peak RSS (MiB) | Client CPU s per GiB | Mock CPU s per GiB | MB/s that CPU allows on "
        f"{cores} cores |",
        "|---|---:|---:|---:|---:|---:|",
        *[f"| {label} | {mb(k):.0f} | {rss(k):.1f} | {cpu(k):.2f} | {mock_cpu(k):.2f} | {bound(k):.0f} |"
          for label, k in [("ours, Files Service flow, HTTPS", "ours_fs_https"),
                           ("ours, S3 flow, HTTPS", "ours_s3_https"),
                           ("ours, Files Service flow, HTTP", "ours_fs_http")]],
        f"| bynder-sdk 2.0.2 (S3 flow, HTTPS), parts + registrations only | {sdk_transfer:.0f} | {rss('sdk'):.1f} | {cpu('sdk'):.2f} (whole call) | {mock_cpu('sdk'):.2f} | |",
        f"| bynder-sdk 2.0.2, whole call (incl. its fixed 5 s poll sleep) | {mb('sdk'):.0f} | | |",
        "",
        f"Ratio, HTTPS, against the SDK's faster transfer-only figure: Files Service flow "
        f"**{mb('ours_fs_https') / sdk_transfer:.1f}x**, S3 flow **{mb('ours_s3_https') / sdk_transfer:.1f}x** "
        f"(whole call: {mb('ours_fs_https') / mb('sdk'):.0f}x).",
        "",
        "| Download (to tmpfs) | MB/s | Peak RSS (MiB) | Client CPU s per GiB | Mock CPU s per GiB | MB/s that CPU allows on "
        f"{cores} cores |",
        "|---|---:|---:|---:|---:|---:|",
        *[f"| {label} | {mb(k):.0f} | {rss(k):.1f} | {cpu(k):.2f} | {mock_cpu(k):.2f} | {bound(k):.0f} |"
          for label, k in [("ours, HTTP", "download_http"), ("ours, HTTPS", "download_https"),
                           ("ours, HTTP, with SHA-256 while writing", "download_sha"),
                           ("ours, HTTP, into a writer that drops the bytes (no file system)", "download_discard"),
                           ("requests `stream=True`, HTTP (the official SDKs only return the URL)", "requests_download")]],
        "",
        "What this machine allows, measured in the same run:",
        "",
        f"- SHA-256 on one core (OpenSSL through `hashlib`): **{sha:.0f} MB/s**. The Files Service flow "
        "hashes every byte four times (the client per chunk and for the whole file, the mock "
        "verifying both), so hashing alone caps it at "
        f"{cores} × {sha:.0f} / 4 = **{cores * sha / 4:.0f} MB/s** on {cores} cores, before any copy "
        "or socket work.",
        f"- Writing a new file into tmpfs from one thread (1 MiB writes, no network): **{tmpfs_mb:.0f} MB/s**, "
        f"{tmpfs_cpu:.2f} CPU s per GiB in the kernel: the ceiling of any download into a file here, "
        "whatever the client.",
        "- The last column divides the cores by the CPU both processes spent per GiB: the rate "
        "reached if both cores were busy all the time. A run close to it is limited by the work per "
        "byte, not by waiting.",
        "",
        "Targets (issue 3):",
        "",
        f"- Upload at least 3x the official Python SDK: **{mb('ours_fs_https') / sdk_transfer:.1f}x** "
        f"against its transfer alone, {mb('ours_fs_https') / mb('sdk'):.1f}x against its whole call: "
        "**not met** against the transfer alone. Both clients share the machine with the mock, "
        f"whose own CPU per GiB ({mock_cpu('ours_fs_https'):.2f} s for ours, {mock_cpu('sdk'):.2f} s for "
        "the SDK's) takes most of a core: our runs reach "
        f"{100 * mb('ours_fs_https') / bound('ours_fs_https'):.0f}% of what the two cores allow, so a "
        "faster client cannot show here.",
        f"- Upload at least 800 MB/s at 5 MiB chunks: **{mb('ours_fs_http'):.0f} MB/s**: **not met**; "
        f"SHA-256 alone caps the Files Service flow at {cores * sha / 4:.0f} MB/s on these {cores} cores.",
        f"- Download at least 2 GB/s: **{mb('download_http'):.0f} MB/s** into a file, "
        f"**{mb('download_discard'):.0f} MB/s** through the pipeline alone: **not met**; writing a file "
        f"here is capped at {tmpfs_mb:.0f} MB/s by the kernel, and the last column puts the pipeline's "
        f"ceiling at {bound('download_discard'):.0f} MB/s.",
        "- Peak RSS flat with size, under 64 MiB for upload and 32 MiB for download: **met** (table below).",
    ]
    if big:
        lines += [
            "",
            "Memory does not grow with the file (ours, HTTP, one run each):",
            "",
            "| File | Upload MB/s | Upload peak RSS (MiB) | Download MB/s | Download peak RSS (MiB) |",
            "|---|---:|---:|---:|---:|",
            f"| {small // MIB} MiB | {mb('ours_fs_http'):.0f} | {rss('ours_fs_http'):.1f} | "
            f"{mb('download_http'):.0f} | {rss('download_http'):.1f} |",
        ]
        for size, (up, down) in big.items():
            lines.append(
                f"| {size // MIB} MiB | {up['mb_per_s']:.0f} | {up['peak_rss_kib'] / 1024:.1f} | "
                f"{down['mb_per_s']:.0f} | {down['peak_rss_kib'] / 1024:.1f} |"
            )
    lines.append(END)
    section = "\n".join(lines) + "\n"
    print(section)
    print(json.dumps(results, indent=1), file=sys.stderr)
    if quick:
        return
    docs = REPO / "docs" / "benchmarks.md"
    text = docs.read_text() if docs.exists() else "# Benchmarks\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    docs.write_text(text)


if __name__ == "__main__":
    main()
