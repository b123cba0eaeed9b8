"""A forked child, and Ctrl-C during a slow call."""

from __future__ import annotations

import _thread
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import bynder
from conftest import Admin
from mockportal import MockPortal


def test_a_forked_child_makes_its_own_calls(client: bynder.Client, media_ids: list[str]) -> None:
    assert client.media.get(media_ids[0])  # the parent's runtime and connections exist
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report through the pipe, never return into pytest
        code = 1
        try:
            asset = client.media.get(media_ids[1])
            os.write(write, asset["id"].encode())
            code = 0
        except BaseException as error:  # noqa: BLE001
            os.write(write, repr(error).encode())
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read) as pipe:
        said = pipe.read()
    assert os.WEXITSTATUS(status) == 0, said
    assert said == media_ids[1]
    assert client.media.get(media_ids[2])["id"] == media_ids[2], "the parent still works"


def test_keyboard_interrupt_stops_a_slow_call_promptly(client: bynder.Client, admin: Admin) -> None:
    admin.fault({"latency_ms": 10_000}, operation="account.get")
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.account.get()
    assert time.monotonic() - start < 1.5
    timer.cancel()
    admin.clear_faults()
    assert client.account.get()["name"], "the client still works after the interrupt"


def test_sigint_stops_a_slow_call_in_a_script(mock: MockPortal, admin: Admin) -> None:
    admin.fault({"latency_ms": 20_000}, operation="account.get")
    script = textwrap.dedent(
        f"""
        import sys, time, bynder
        client = bynder.Client({mock.http_base!r}, permanent_token={mock.permanent_token!r})
        print("calling", flush=True)
        start = time.monotonic()
        try:
            client.account.get()
        except KeyboardInterrupt:
            print(f"interrupted after {{time.monotonic() - start:.2f}}", flush=True)
            sys.exit(3)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "calling"
    time.sleep(0.5)
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=10)
    assert child.returncode == 3, (out, err)
    assert time.monotonic() - sent < 2.0
    assert "interrupted after" in out


def test_a_child_that_drops_the_client_leaves_the_parents_connections_alone(
    mock: MockPortal,
) -> None:
    script = textwrap.dedent(
        f"""
        import gc, os, time, bynder
        client = bynder.Client({mock.http_base!r}, permanent_token={mock.permanent_token!r},
                               timeout=5, max_attempts=1)
        client.brands.list()  # a pooled keep-alive connection now exists
        pid = os.fork()
        if pid == 0:
            del client  # the child tears the inherited client down
            gc.collect()
            os._exit(0)
        os.waitpid(pid, 0)
        start = time.monotonic()
        client.brands.list()  # reuses the pooled connection
        print(f"ok {{time.monotonic() - start:.2f}}")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok "), done.stdout
    assert float(done.stdout.split()[1]) < 1.0
