"""Each failure becomes the right exception, with status, request id, kind and operation."""

from __future__ import annotations

import socket
import time

import pytest

import bynder
from conftest import UNKNOWN_ID, Admin
from mockportal import MockPortal


def test_not_found_carries_status_request_id_kind_and_operation(client: bynder.Client) -> None:
    with pytest.raises(bynder.NotFoundError) as caught:
        client.media.get(UNKNOWN_ID)
    error = caught.value
    assert isinstance(error, bynder.BynderError)
    assert (error.status, error.kind, error.code, error.operation) == (404, "not_found", 12, "media.get")
    assert error.request_id and error.request_id in str(error)
    assert error.message == "Media not found"
    assert str(error).startswith("media.get: not_found (HTTP 404): Media not found")


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, bynder.ValidationError),
        (401, bynder.AuthenticationError),
        (403, bynder.ForbiddenError),
        (404, bynder.NotFoundError),
        (409, bynder.ConflictError),
        (422, bynder.ValidationError),
        (500, bynder.ServerError),
        (503, bynder.ServerError),
        (418, bynder.UnexpectedStatusError),
    ],
)
def test_statuses_map_to_exceptions(
    mock: MockPortal, admin: Admin, status: int, exception: type[bynder.BynderError]
) -> None:
    admin.fault({"status": status}, operation="brands.list")
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited",
        max_attempts=1,
    ) as c:  # fmt: skip
        with pytest.raises(exception) as caught:
            c.brands.list()
    assert caught.value.status == status


def test_server_errors_are_retried_for_reads(client: bynder.Client, admin: Admin) -> None:
    admin.fault({"status": 503}, operation="brands.list", times=2)
    assert client.brands.list()
    assert client.stats()["retries"] == 2


def test_rate_limited(mock: MockPortal, admin: Admin) -> None:
    admin.fault("rate_limit", operation="tags.list")
    # A policy of its own, so the pause after a 429 stays with this client.
    policy = {"window_limit": 0, "per_second": 0, "block_pause_s": 0.05}
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit=policy, max_attempts=2
    ) as c:
        with pytest.raises(bynder.RateLimitedError) as caught:
            c.tags.list()
        assert caught.value.status == 429
        assert c.stats()["rate_limited"] == 2


def test_network_error_when_nothing_listens() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with bynder.Client(f"http://127.0.0.1:{port}", permanent_token="t", max_attempts=1) as c:
        with pytest.raises(bynder.NetworkError) as caught:
            c.brands.list()
    assert isinstance(caught.value, ConnectionError)
    assert caught.value.status is None


def test_timeout(mock: MockPortal, admin: Admin) -> None:
    admin.fault({"latency_ms": 2000}, operation="account.get")
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, timeout=0.3, max_attempts=1,
        rate_limit="unlimited",
    ) as c:  # fmt: skip
        start = time.monotonic()
        with pytest.raises(bynder.TimeoutError) as caught:
            c.account.get()
    assert time.monotonic() - start < 1.5
    assert isinstance(caught.value, TimeoutError)


def test_dropped_connection_is_a_network_error(mock: MockPortal, admin: Admin) -> None:
    admin.fault("drop", operation="account.get")
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, max_attempts=1,
        rate_limit="unlimited",
    ) as c:  # fmt: skip
        with pytest.raises(bynder.NetworkError):
            c.account.get()


def test_bad_ids_fail_before_any_request(client: bynder.Client, admin: Admin) -> None:
    before = admin.stats()["requests"]
    with pytest.raises(bynder.InvalidIdError) as caught:
        client.media.get("not-an-id")
    assert isinstance(caught.value, ValueError)
    assert caught.value.kind == "invalid_id" and "not-an-id" in str(caught.value)
    assert admin.stats()["requests"] == before


def test_unknown_operation_and_unsendable_values(client: bynder.Client) -> None:
    with pytest.raises(bynder.UnknownOperationError):
        client.call("media.fly")
    with pytest.raises(TypeError, match="limit"):
        client.media.list(limit=object())
    with pytest.raises(bynder.InvalidArgumentError, match="missing path parameter"):
        client.call("media.get")


def test_a_closed_client_refuses_calls(mock: MockPortal) -> None:
    c = bynder.Client(mock.http_base, permanent_token=mock.permanent_token)
    c.close()
    assert c.closed
    with pytest.raises(bynder.InvalidArgumentError, match="closed"):
        c.brands.list()


def test_every_kind_has_its_class() -> None:
    from bynder.errors import ERRORS_BY_KIND

    assert len(ERRORS_BY_KIND) == 20
    assert all(issubclass(cls, bynder.BynderError) for cls in ERRORS_BY_KIND.values())
    assert issubclass(bynder.OAuthStateError, bynder.OAuthError)
    assert issubclass(bynder.FileError, OSError)
