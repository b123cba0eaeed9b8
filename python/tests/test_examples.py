"""The examples in python/examples run against the mock as a user would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockportal import MockPortal

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(example: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / example)], capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def portal_env(mock: MockPortal) -> dict[str, str]:
    return {"BYNDER_PORTAL": mock.http_base, "BYNDER_TOKEN": mock.permanent_token}


def test_quickstart(portal_env: dict[str, str]) -> None:
    out = run("quickstart.py", portal_env)
    assert "brands:" in out and "assets in the portal" in out


def test_async_gather(portal_env: dict[str, str]) -> None:
    assert "fetched 50 assets" in run("async_gather.py", portal_env)


def test_errors(portal_env: dict[str, str]) -> None:
    out = run("errors.py", portal_env)
    assert "not found: status 404" in out and "bad id:" in out


def test_client_credentials(mock: MockPortal) -> None:
    out = run(
        "client_credentials.py",
        {"BYNDER_PORTAL": mock.http_base, "BYNDER_CLIENT_ID": mock.client_id,
         "BYNDER_CLIENT_SECRET": mock.client_secret},
    )  # fmt: skip
    assert "new token" in out and "'token_requests': 1" in out
