"""Fixtures: one mock portal per session (and a second one with `--auto-consent`), trusted over TLS.

requests lets `REQUESTS_CA_BUNDLE`/`CURL_CA_BUNDLE` win over `session.verify`, and the SDK gives
no way to set `verify`, so trust goes through those two variables. Each test trusts exactly the
portal it talks to: the mock's self-signed certificates all carry the same subject name, and
OpenSSL does not tell two such certificates apart inside one CA file.
"""

from __future__ import annotations

import pytest
from bynder_sdk import BynderClient

from mockportal import MockPortal, running_mock


def _trust(patch: pytest.MonkeyPatch, portal: MockPortal) -> None:
    patch.setenv("REQUESTS_CA_BUNDLE", portal.cert_path)
    patch.setenv("CURL_CA_BUNDLE", portal.cert_path)


def _running_mock(tmp_path_factory, name, *args):
    return running_mock(str(tmp_path_factory.mktemp(name)), *args)


@pytest.fixture(scope="session")
def mock(tmp_path_factory) -> MockPortal:
    """The main mock portal (consent page shown at the authorize endpoint), trusted by default."""
    with pytest.MonkeyPatch.context() as patch:
        for portal in _running_mock(tmp_path_factory, "mock"):
            _trust(patch, portal)
            yield portal


@pytest.fixture(scope="session")
def _auto_consent_mock(tmp_path_factory) -> MockPortal:
    yield from _running_mock(tmp_path_factory, "mock-auto-consent", "--auto-consent")


@pytest.fixture
def consent_mock(mock, _auto_consent_mock, monkeypatch) -> MockPortal:
    """A second portal started with `--auto-consent` (authorize redirects at once with a code),
    trusted for the duration of one test."""
    _trust(monkeypatch, _auto_consent_mock)
    return _auto_consent_mock


@pytest.fixture(scope="session")
def client(mock) -> BynderClient:
    """The official SDK with the mock's permanent token."""
    return BynderClient(mock.https_domain, permanent_token=mock.permanent_token)
