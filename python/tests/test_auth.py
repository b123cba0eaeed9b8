"""Each way to authenticate, against the mock's OAuth2 server."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

import bynder
from conftest import Admin
from mockportal import MockPortal, grant_count

REDIRECT = "http://127.0.0.1:8765/callback"


def test_permanent_token(client: bynder.Client) -> None:
    assert client.users.current()["username"]
    assert client.token() is None


def test_a_wrong_permanent_token_is_an_authentication_error(mock: MockPortal) -> None:
    with bynder.Client(mock.http_base, permanent_token="wrong", rate_limit="unlimited") as c:
        with pytest.raises(bynder.AuthenticationError) as caught:
            c.media.list(limit=1)
    assert caught.value.status == 401


def test_client_credentials_with_scopes(mock: MockPortal) -> None:
    before = grant_count(mock.stats(), "client_credentials")
    saved: list[bynder.models.Token] = []
    with bynder.Client(
        mock.http_base, client_id=mock.client_id, client_secret=mock.client_secret,
        scopes=["asset:read", "collection:read"], on_token=saved.append, rate_limit="unlimited",
    ) as c:  # fmt: skip
        assert c.media.list(limit=2)
        assert c.collections.list(limit=1) is not None
        token = c.token()
        assert token is not None and set(token["scope"].split()) >= {"asset:read"}
        with pytest.raises(bynder.ForbiddenError) as caught:
            c.media.modify(c.media.list(limit=1)[0]["id"], name="not allowed")
        assert caught.value.status == 403
    assert grant_count(mock.stats(), "client_credentials") == before + 1
    assert len(saved) == 1 and saved[0]["access_token"] == token["access_token"]


def test_client_credentials_renew_with_a_new_grant_when_the_token_is_revoked(
    mock: MockPortal, admin: Admin
) -> None:
    saved: list[bynder.models.Token] = []
    with bynder.Client(
        mock.http_base, client_id=mock.client_id, client_secret=mock.client_secret,
        scopes=["asset:read"], on_token=saved.append, rate_limit="unlimited",
    ) as c:  # fmt: skip
        c.media.list(limit=1)
        admin.fault("expire_token", operation="media.list", times=1)
        assert c.media.list(limit=1)
        assert c.stats()["reauthentications"] == 1
    assert len(saved) == 2 and saved[0]["access_token"] != saved[1]["access_token"]


def _consent(request: bynder.AuthorizationRequest) -> str:
    """Plays the user's browser: the auto-consent portal redirects with a code at once."""
    response = requests.get(request.url, allow_redirects=False, timeout=10)
    assert response.status_code in (302, 303), response.text
    return response.headers["location"]


def test_authorization_code_with_pkce_refresh_and_saver(
    consent_mock: MockPortal,
) -> None:
    saved: list[bynder.models.Token] = []
    with bynder.Client(
        consent_mock.http_base, client_id=consent_mock.client_id,
        client_secret=consent_mock.client_secret, redirect_uri=REDIRECT, on_token=saved.append,
        rate_limit="unlimited",
    ) as c:  # fmt: skip
        request = c.authorization_request(["offline", "asset:read", "current.user:read"])
        query = parse_qs(urlsplit(request.url).query)
        assert query["code_challenge_method"] == ["S256"]
        assert query["state"] == [request.state]
        assert query["scope"] == ["offline asset:read current.user:read"]
        token = c.exchange_code(request, _consent(request))
        assert token["refresh_token"] and saved == [token]
        assert c.users.current()["username"]
        # Revoke the access token: the client refreshes with the refresh token, once.
        requests.post(
            f"{consent_mock.http_base}/_mock/faults",
            json={"target": {"operation": "users.current"}, "fault": "expire_token", "times": 1},
            timeout=10,
        ).raise_for_status()
        before = grant_count(consent_mock.stats(), "refresh_token")
        assert c.users.current()["username"]
        assert grant_count(consent_mock.stats(), "refresh_token") == before + 1
    assert len(saved) == 2
    assert saved[1]["access_token"] != token["access_token"]
    assert saved[1]["refresh_token"] == token["refresh_token"], "Bynder keeps the refresh token"


def test_a_stored_token_resumes_without_a_new_grant(consent_mock: MockPortal) -> None:
    saved: list[bynder.models.Token] = []
    with bynder.Client(
        consent_mock.http_base, client_id=consent_mock.client_id,
        client_secret=consent_mock.client_secret, redirect_uri=REDIRECT, on_token=saved.append,
        rate_limit="unlimited",
    ) as first:  # fmt: skip
        request = first.authorization_request(["offline", "current.user:read"])
        first.exchange_code(request, _consent(request))
    grants = consent_mock.stats()["token_grants"]
    with bynder.Client(
        consent_mock.http_base, client_id=consent_mock.client_id,
        client_secret=consent_mock.client_secret, token=saved[-1], rate_limit="unlimited",
    ) as resumed:  # fmt: skip
        assert resumed.users.current()["username"]
    assert consent_mock.stats()["token_grants"] == grants


def test_a_forged_state_is_refused_before_the_code_is_sent(consent_mock: MockPortal) -> None:
    with bynder.Client(
        consent_mock.http_base, client_id=consent_mock.client_id, redirect_uri=REDIRECT,
        client_secret=consent_mock.client_secret, rate_limit="unlimited",
    ) as c:  # fmt: skip
        request = c.authorization_request(["asset:read"])
        redirect = _consent(request).replace(request.state, "forged")
        grants = consent_mock.stats()["token_grants"]
        with pytest.raises(bynder.OAuthStateError):
            c.exchange_code(request, redirect)
        assert consent_mock.stats()["token_grants"] == grants


def test_an_authorization_request_survives_a_round_trip_through_a_dict(
    consent_mock: MockPortal,
) -> None:
    with bynder.Client(
        consent_mock.http_base, client_id=consent_mock.client_id, redirect_uri=REDIRECT,
        client_secret=consent_mock.client_secret, rate_limit="unlimited",
    ) as c:  # fmt: skip
        stored = c.authorization_request(["asset:read"]).to_dict()
        request = bynder.AuthorizationRequest.from_dict(stored)
        assert request.state == stored["state"]
        token = c.exchange_code(request, _consent(request))
        assert token["access_token"]


def test_a_wrong_client_secret_is_an_oauth_error(mock: MockPortal) -> None:
    with bynder.Client(
        mock.http_base, client_id=mock.client_id, client_secret="wrong", scopes=["asset:read"],
        rate_limit="unlimited",
    ) as c:  # fmt: skip
        with pytest.raises(bynder.OAuthError):
            c.media.list(limit=1)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"permanent_token": "t", "client_id": "c"}, "not both"),
        ({"client_id": "c", "client_secret": "s"}, "need scopes"),
        ({"client_id": "c", "client_secret": "s", "scopes": ["asset:fly"]}, "asset:fly"),
        ({"client_id": "c"}, "client_secret"),
        ({"permanent_token": "t", "timeout": 0}, "timeout"),
        ({"permanent_token": "t", "rate_limit": "fast"}, "rate_limit"),
    ],
)
def test_bad_constructor_arguments_say_what_is_wrong(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(bynder.InvalidArgumentError, match=message):
        bynder.Client("http://127.0.0.1:9", **arguments)  # type: ignore[arg-type]


def test_plain_http_is_refused_for_a_remote_portal() -> None:
    with pytest.raises(ValueError, match="plain http"):
        bynder.Client("http://acme.bynder.com", permanent_token="t")
