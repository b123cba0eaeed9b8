"""Starts and stops the `bynder-mock` binary for the compatibility suite.

The mock announces itself on stdout, one fact per line:

    listening http://127.0.0.1:PORT
    listening https://127.0.0.1:PORT
    certificate PATH
    ready

`start_mock` waits for `ready` (with a deadline) and fails with the mock's stderr when it exits
early or stays silent, so a broken mock reads as a clear error instead of a hung test run.
"""

from __future__ import annotations

import os
import queue
import re
import secrets
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT_S = float(os.environ.get("BYNDER_MOCK_START_TIMEOUT", "60"))

CF_ID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{16}$")
"""Bynder's `/api/v4` ColdFusion id form: 8-4-4-16 upper-case hex."""

UNKNOWN_CF_ID = "00000000-0000-0000-0000000000000000"
"""Well-formed but absent: the portal must answer 404, not 400."""


def mock_binary() -> Path:
    """The mock binary: `BYNDER_MOCK_BIN`, else `target/debug/bynder-mock` of this checkout."""
    configured = os.environ.get("BYNDER_MOCK_BIN")
    if configured:
        return Path(configured).resolve()
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO_ROOT / "target"))
    if not target.is_absolute():
        target = REPO_ROOT / target
    return target / "debug" / "bynder-mock"


@dataclass
class MockPortal:
    """A running mock and what it announced."""

    process: subprocess.Popen
    http_base: str
    https_base: str
    cert_path: str
    permanent_token: str
    client_id: str
    client_secret: str
    stderr_path: str
    stdout_lines: list[str] = field(default_factory=list)

    @property
    def https_domain(self) -> str:
        """`127.0.0.1:PORT` of the TLS listener: the Python SDK adds `https://` itself."""
        return self.https_base.split("://", 1)[1]

    def stats(self) -> dict:
        """The mock's admin counters (`GET /_mock/stats`)."""
        response = requests.get(f"{self.http_base}/_mock/stats", timeout=10)
        response.raise_for_status()
        return response.json()

    def stderr_text(self) -> str:
        return Path(self.stderr_path).read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _pump_lines(stream, sink: queue.Queue) -> None:
    # Keeps reading after `ready` so a chatty mock never blocks on a full pipe.
    for line in iter(stream.readline, ""):
        sink.put(line.rstrip("\n"))
    sink.put(None)


def start_mock(workdir: str, *extra_args: str) -> MockPortal:
    """Starts `bynder-mock serve` with fresh credentials and waits until it is ready."""
    binary = mock_binary()
    if not binary.is_file():
        raise RuntimeError(
            f"bynder-mock binary not found at {binary}; build it with "
            "`cargo build -p bynder-mock` or set BYNDER_MOCK_BIN"
        )
    token = "pt-" + secrets.token_hex(16)
    client_id = "compat-client-" + secrets.token_hex(4)
    client_secret = "compat-secret-" + secrets.token_hex(16)
    cert_out = os.path.join(workdir, "cert.pem")
    stderr_file = tempfile.NamedTemporaryFile(
        mode="w", prefix="bynder-mock-", suffix=".stderr", dir=workdir, delete=False
    )
    command = [
        str(binary), "serve",
        "--port", "0",
        "--tls", "--tls-port", "0",
        "--cert-out", cert_out,
        "--permanent-token", token,
        "--client-id", client_id,
        "--client-secret", client_secret,
        "--seed", "7",
        *extra_args,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=stderr_file, stdin=subprocess.DEVNULL, text=True
    )
    stderr_file.close()
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_pump_lines, args=(process.stdout, lines), daemon=True).start()

    seen: list[str] = []
    http_base = https_base = cert_path = None
    deadline = time.monotonic() + START_TIMEOUT_S
    ready = False
    while not ready:
        remaining = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(remaining, 0.01)) if remaining > 0 else None
        except queue.Empty:
            line = None
        if line is None:
            if remaining > 0:
                # stdout closed: give the process a moment to exit so its code is the real one.
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
            why = (
                f"closed stdout (exit code {process.poll()}) before printing `ready`"
                if remaining > 0
                else f"did not print `ready` within {START_TIMEOUT_S:.0f}s"
            )
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
            raise RuntimeError(
                f"bynder-mock {why}.\ncommand: {' '.join(command)}\nstdout so far: {seen}\n"
                f"stderr:\n{Path(stderr_file.name).read_text(errors='replace')}"
            )
        seen.append(line)
        words = line.split(maxsplit=1)
        if words[:1] == ["listening"] and len(words) == 2:
            if words[1].startswith("https://"):
                https_base = words[1].rstrip("/")
            elif words[1].startswith("http://"):
                http_base = words[1].rstrip("/")
        elif words[:1] == ["certificate"] and len(words) == 2:
            cert_path = words[1]
        elif line.strip() == "ready":
            ready = True

    missing = [
        name for name, value in
        (("http listener", http_base), ("https listener", https_base), ("certificate", cert_path))
        if value is None
    ]
    if missing:
        process.kill()
        raise RuntimeError(f"bynder-mock said `ready` without announcing {missing}; stdout: {seen}")
    return MockPortal(
        process=process,
        http_base=http_base,
        https_base=https_base,
        cert_path=cert_path,
        permanent_token=token,
        client_id=client_id,
        client_secret=client_secret,
        stderr_path=stderr_file.name,
        stdout_lines=seen,
    )


def grant_count(stats: dict, grant: str) -> int:
    """Tokens the mock granted with `grant_type=<grant>` (`token_grants` of `/_mock/stats`)."""
    grants = stats.get("token_grants")
    assert isinstance(grants, dict), f"/_mock/stats has no token_grants object: {stats}"
    return int(grants.get(grant, 0))


def running_mock(workdir: str, *extra_args: str) -> Iterator[MockPortal]:
    """`start_mock`, stopped when the caller's generator ends: the body of a session fixture,
    as `yield from running_mock(...)`."""
    portal = start_mock(workdir, *extra_args)
    try:
        yield portal
    finally:
        portal.stop()
