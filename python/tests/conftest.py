"""Fixtures: the mock portal (the real `bynder-mock` binary over real HTTP), clients of the
INSTALLED `bynder` wheel, and the mock's admin API (faults, counters).

The mock is started with `tests/compat/python/mockportal.py`'s `running_mock`, imported as is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "compat" / "python"))
from mockportal import MockPortal, running_mock  # noqa: E402

import bynder  # noqa: E402

UNKNOWN_ID = "00000000-0000-0000-0000000000000000"


class Admin:
    """The mock's admin API (never counted or faulted)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def fault(self, fault: Any, *, operation: str | None = None, times: int | None = None) -> None:
        rule: dict[str, Any] = {"fault": fault}
        rule["target"] = {"operation": operation} if operation else "all"
        if times is not None:
            rule["times"] = times
        response = requests.post(f"{self.base}/_mock/faults", json=rule, timeout=10)
        assert response.ok, response.text

    def clear_faults(self) -> None:
        requests.delete(f"{self.base}/_mock/faults", timeout=10).raise_for_status()

    def stats(self) -> dict[str, Any]:
        response = requests.get(f"{self.base}/_mock/stats", timeout=10)
        response.raise_for_status()
        stats: dict[str, Any] = response.json()
        return stats

    def requests_for(self, operation: str) -> int:
        return int(self.stats()["by_operation"].get(operation, 0))


def _run(tmp_path_factory: pytest.TempPathFactory, name: str, *args: str) -> Iterator[MockPortal]:
    return running_mock(str(tmp_path_factory.mktemp(name)), *args)


@pytest.fixture(scope="session")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockPortal]:
    """The main portal: consent page shown at the authorize endpoint, Bynder's rate limit off
    (the suite's own calls would otherwise count against one IP's budget)."""
    yield from _run(tmp_path_factory, "mock", "--no-rate-limit")


@pytest.fixture(scope="session")
def consent_mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockPortal]:
    """A portal whose authorize endpoint redirects with a code at once (`--auto-consent`)."""
    yield from _run(tmp_path_factory, "mock-consent", "--auto-consent", "--no-rate-limit")


@pytest.fixture
def admin(mock: MockPortal) -> Iterator[Admin]:
    """The admin API of `mock`; faults added by a test are cleared after it."""
    api = Admin(mock.http_base)
    api.clear_faults()
    yield api
    api.clear_faults()


@pytest.fixture
def client(mock: MockPortal) -> Iterator[bynder.Client]:
    """A blocking client with the permanent token. The client-side limiter is off: the
    rate-limit behaviour is the core's and is tested there."""
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited"
    ) as c:
        yield c


@pytest.fixture
def async_client(mock: MockPortal) -> bynder.AsyncClient:
    return bynder.AsyncClient(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited"
    )


@pytest.fixture(scope="session")
def media_ids(mock: MockPortal) -> list[str]:
    """Ids of a few seeded assets (read once, through the package itself)."""
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited"
    ) as c:
        return [asset["id"] for asset in c.media.list(limit=10)]
