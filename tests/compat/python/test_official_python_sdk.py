"""The official Python SDK (`bynder-sdk` 2.0.2, unmodified) against bynder-mock over https.

Every test asserts values taken from the mock's answers, so a mock that answers the wrong shape,
the wrong record or the wrong status fails here exactly as it would fail a real user of that SDK.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from bynder_sdk import BynderClient
from oauthlib.oauth2.rfc6749.errors import OAuth2Error

from mockportal import CF_ID, UNKNOWN_CF_ID, grant_count

# Loopback redirect URIs are accepted without registration (nothing listens there: the test
# reads the code from the Location header instead of following it).
REDIRECT_URI = "http://127.0.0.1:53682/callback"
AUTH_CODE_SCOPES = ["offline", "asset:read", "collection:read"]


def assert_cf_ids(items, what):
    assert isinstance(items, list) and items, f"expected a non-empty list of {what}, got {items!r}"
    for item in items:
        assert CF_ID.match(str(item.get("id", ""))), f"{what} id not in 8-4-4-16 form: {item!r}"


def assert_status(excinfo, status):
    response = excinfo.value.response
    assert response is not None and response.status_code == status, (
        f"expected HTTP {status}, got {getattr(response, 'status_code', None)}: "
        f"{getattr(response, 'text', '')[:300]}"
    )


def jwt_claims(token: str) -> dict:
    parts = token.split(".")
    assert len(parts) == 3, f"access token is not a JWT (header.payload.signature): {token[:40]}..."
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    return json.loads(base64.urlsafe_b64decode(payload))


def oauth_client(portal, **extra) -> BynderClient:
    return BynderClient(
        portal.https_domain,
        client_id=portal.client_id,
        client_secret=portal.client_secret,
        **extra,
    )


# --- permanent token: reads -------------------------------------------------------------------


def test_brands(client):
    brands = client.asset_bank_client.brands()
    assert_cf_ids(brands, "brands")
    assert all(isinstance(brand.get("name"), str) and brand["name"] for brand in brands)


def test_tags_limit_and_keyword(client):
    tags = client.asset_bank_client.tags({"limit": 2})
    assert_cf_ids(tags, "tags")
    assert len(tags) <= 2, f"limit=2 answered {len(tags)} tags"
    name = tags[0]["tag"]
    assert isinstance(name, str) and name
    keyword = name[: max(3, len(name) // 2)]
    matching = client.asset_bank_client.tags({"keyword": keyword, "limit": 100})
    assert name in [tag["tag"] for tag in matching], f"keyword {keyword!r} lost tag {name!r}"
    assert all(keyword.lower() in tag["tag"].lower() for tag in matching), matching


def test_media_list_paging_and_type_filter(client):
    first = client.asset_bank_client.media_list({"limit": 2, "page": 1})
    assert_cf_ids(first, "assets")
    assert len(first) <= 2
    second = client.asset_bank_client.media_list({"limit": 2, "page": 2})
    assert_cf_ids(second, "assets (page 2)")
    assert not {a["id"] for a in first} & {a["id"] for a in second}, "pages 1 and 2 overlap"

    media_type = first[0]["type"]
    assert media_type in {"image", "document", "video", "audio", "3d"}, first[0]
    typed = client.asset_bank_client.media_list({"type": media_type, "limit": 50})
    assert_cf_ids(typed, f"{media_type} assets")
    assert {asset["type"] for asset in typed} == {media_type}
    assert first[0]["id"] in {asset["id"] for asset in typed}


def test_media_info_of_listed_asset(client):
    listed = client.asset_bank_client.media_list({"limit": 1})[0]
    info = client.asset_bank_client.media_info(listed["id"])
    assert info["id"] == listed["id"]
    assert info["name"] == listed["name"]
    with_versions = client.asset_bank_client.media_info(listed["id"], {"versions": 1})
    assert with_versions["id"] == listed["id"]
    assert isinstance(with_versions.get("mediaItems"), list) and with_versions["mediaItems"], (
        "versions=1 must include mediaItems"
    )


def test_meta_properties_keyed_by_name(client):
    properties = client.asset_bank_client.meta_properties()
    assert isinstance(properties, dict) and properties, properties
    for name, prop in properties.items():
        assert prop["name"] == name, prop
        assert CF_ID.match(prop["id"]), prop


def test_collections_and_collection_info(client):
    collections = client.collection_client.collections({"limit": 5})
    assert_cf_ids(collections, "collections")
    assert len(collections) <= 5
    wanted = collections[-1]
    info = client.collection_client.collection_info(wanted["id"])
    assert info["id"] == wanted["id"]
    assert info["name"] == wanted["name"]


def test_media_download_url(client):
    asset = client.asset_bank_client.media_list({"limit": 1})[0]
    location = client.asset_bank_client.media_download_url(asset["id"])
    s3_file = location.get("s3_file") if isinstance(location, dict) else None
    assert isinstance(s3_file, str) and s3_file.startswith(("http://", "https://")), location
    # A signed, expiring location for this asset (serving its bytes is the storage host's job,
    # which the uploads/downloads issue adds to the mock).
    parsed = urlsplit(s3_file)
    query = parse_qs(parsed.query)
    assert asset["id"] in parsed.path, s3_file
    assert int(query["expires"][0]) > time.time(), s3_file
    assert len(query["signature"][0]) >= 32, s3_file
    # The storage host serves the asset's bytes (generated for seeded assets) with ranges.
    head = requests.head(s3_file, timeout=30)
    assert head.status_code == 200, head.text
    assert int(head.headers["Content-Length"]) == asset["fileSize"], head.headers
    assert head.headers["Accept-Ranges"] == "bytes"
    first = requests.get(s3_file, headers={"Range": "bytes=0-15"}, timeout=30)
    assert first.status_code == 206, first.text
    assert len(first.content) == 16
    assert first.headers["Content-Range"] == f"bytes 0-15/{asset['fileSize']}"


def test_set_media_properties_then_media_info(client):
    asset = client.asset_bank_client.media_list({"limit": 5})[-1]
    new_name = f"compat-python-{secrets.token_hex(4)}"
    client.asset_bank_client.set_media_properties(asset["id"], {"name": new_name})
    assert client.asset_bank_client.media_info(asset["id"])["name"] == new_name


# --- uploads: the SDK's old (S3) flow, 5 MiB parts, then save -----------------------------------


def operation_counts(portal, *names):
    stats = portal.stats()["by_operation"]
    return {name: stats.get(name, 0) for name in names}


UPLOAD_OPERATIONS = (
    "upload.s3_endpoint",
    "upload.s3_init",
    "s3.upload",
    "upload.s3_register_form",
    "upload.s3_register",
    "upload.s3_poll",
    "upload.save",
    "upload.save_version",
)


def download(client, media_id, query=None):
    location = client.asset_bank_client.media_download_url(media_id, query)["s3_file"]
    response = requests.get(location, timeout=60)
    assert response.status_code == 200, response.text[:300]
    return response.content


def test_upload_file_in_parts_is_saved_and_downloads_byte_for_byte(mock, client, tmp_path):
    data = secrets.token_bytes(12 * 1024 * 1024)
    path = tmp_path / "compat-upload.mp4"
    path.write_bytes(data)
    brand = client.asset_bank_client.brands()[0]["id"]
    before = operation_counts(mock, *UPLOAD_OPERATIONS)

    saved = client.asset_bank_client.upload_file(
        str(path), brand, query={"name": "Compat upload", "tags": "compat,upload"}
    )

    assert saved["success"] is True, saved
    media_id = saved["mediaid"]
    assert CF_ID.match(media_id), saved
    info = client.asset_bank_client.media_info(media_id, {"versions": 1})
    assert info["name"] == "Compat upload"
    assert info["type"] == "video"
    assert info["brandId"] == brand
    assert info["fileSize"] == len(data)
    assert sorted(info["tags"]) == ["compat", "upload"]
    originals = [item for item in info["mediaItems"] if item["type"] == "original"]
    assert [(item["version"], item["size"]) for item in originals] == [(1, len(data))]
    assert download(client, media_id) == data

    after = operation_counts(mock, *UPLOAD_OPERATIONS)
    sent = {name: after[name] - before[name] for name in UPLOAD_OPERATIONS}
    # 12 MiB is three parts: three S3 POSTs and three registrations, one finalise, one save.
    assert sent["s3.upload"] == 3, sent
    assert sent["upload.s3_register_form"] == 3, sent
    assert sent["upload.s3_register"] == 1, sent
    assert sent["upload.s3_poll"] >= 1, sent
    assert sent["upload.save"] == 1, sent


def test_upload_file_with_a_media_id_saves_a_new_version(client, tmp_path):
    asset = client.asset_bank_client.media_list({"limit": 3})[-1]
    versions = [
        item["version"]
        for item in client.asset_bank_client.media_info(asset["id"], {"versions": 1})["mediaItems"]
        if item["type"] == "original"
    ]
    data = secrets.token_bytes(5 * 1024 * 1024 + 1234)
    path = tmp_path / "new-version.jpg"
    path.write_bytes(data)

    saved = client.asset_bank_client.upload_file(str(path), asset["brandId"], media_id=asset["id"])

    assert saved["mediaid"] == asset["id"], saved
    assert saved["success"] is True and saved["mediaitems"] is None, saved
    items = client.asset_bank_client.media_info(asset["id"], {"versions": 1})["mediaItems"]
    active = [item for item in items if item["type"] == "original" and item["active"]]
    assert [(item["version"], item["fileName"], item["size"]) for item in active] == [
        (max(versions) + 1, "new-version.jpg", len(data))
    ]
    assert download(client, asset["id"]) == data


# --- permanent token: errors ------------------------------------------------------------------


def test_unknown_collection_is_404(client):
    with pytest.raises(requests.HTTPError) as excinfo:
        client.collection_client.collection_info(UNKNOWN_CF_ID)
    assert_status(excinfo, 404)


def test_unknown_asset_is_404(client):
    with pytest.raises(requests.HTTPError) as excinfo:
        client.asset_bank_client.media_info(UNKNOWN_CF_ID)
    assert_status(excinfo, 404)


def test_wrong_permanent_token_is_401(mock):
    stranger = BynderClient(mock.https_domain, permanent_token="not-" + mock.permanent_token)
    with pytest.raises(requests.HTTPError) as excinfo:
        stranger.asset_bank_client.media_list({"limit": 1})
    assert_status(excinfo, 401)


# --- OAuth2: client credentials ---------------------------------------------------------------


def test_client_credentials_token_then_read(mock, client):
    before = grant_count(mock.stats(), "client_credentials")
    saved = []
    oauth = oauth_client(mock, client_credentials=True, token_saver=saved.append)
    token = oauth.fetch_token(code=None)

    assert token["token_type"].lower() == "bearer", token
    assert token["expires_in"] > 0 and token["expires_at"] > time.time(), token
    assert "refresh_token" not in token, "a client-credentials grant must not issue a refresh token"
    claims = jwt_claims(token["access_token"])
    assert abs(claims["exp"] - (time.time() + token["expires_in"])) < 120, claims

    brands = oauth.asset_bank_client.brands()
    assert [b["id"] for b in brands] == [b["id"] for b in client.asset_bank_client.brands()]

    stats = mock.stats()
    after = grant_count(stats, "client_credentials")
    assert after - before == 1, f"expected one client_credentials grant, stats: {stats}"


def test_client_credentials_with_wrong_secret_is_refused(mock):
    oauth = BynderClient(
        mock.https_domain,
        client_id=mock.client_id,
        client_secret="wrong-" + mock.client_secret,
        client_credentials=True,
    )
    with pytest.raises(OAuth2Error) as excinfo:
        oauth.fetch_token(code=None)
    assert excinfo.value.error == "invalid_client", excinfo.value


# --- OAuth2: authorization code ---------------------------------------------------------------


def auth_code_client(portal, **extra) -> BynderClient:
    return oauth_client(portal, redirect_uri=REDIRECT_URI, scopes=AUTH_CODE_SCOPES, **extra)


def test_authorization_url_and_consent_page(mock):
    url, state = auth_code_client(mock).get_authorization_url()
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https", mock.https_domain, "/v6/authentication/oauth2/auth"
    ), url
    query = parse_qs(parts.query)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [mock.client_id]
    assert query["redirect_uri"] == [REDIRECT_URI]
    assert query["scope"] == [" ".join(AUTH_CODE_SCOPES)]
    assert query["state"] == [state] and len(state) == 8

    page = requests.get(url, allow_redirects=False, timeout=30)
    assert page.status_code == 200, (page.status_code, page.headers, page.text[:300])
    assert "text/html" in page.headers.get("content-type", ""), page.headers
    assert "asset:read" in page.text, "the consent page should list the requested scopes"


def test_authorization_code_flow_and_refresh(consent_mock):
    portal = consent_mock
    before = portal.stats()
    oauth = auth_code_client(portal)
    url, state = oauth.get_authorization_url()

    redirect = requests.get(url, allow_redirects=False, timeout=30)
    assert redirect.status_code in (302, 303), (redirect.status_code, redirect.text[:300])
    location = redirect.headers["location"]
    assert location.startswith(REDIRECT_URI + "?"), location
    callback = parse_qs(urlsplit(location).query)
    assert callback["state"] == [state], location
    code = callback["code"][0]

    token = oauth.fetch_token(code=code)
    assert token["access_token"] and token["refresh_token"], token
    assert set(token.get("scope", AUTH_CODE_SCOPES)) == set(AUTH_CODE_SCOPES), token
    collections = oauth.collection_client.collections({"limit": 3})
    assert_cf_ids(collections, "collections")

    # Out of scope: meta.assetbank:read was not granted.
    with pytest.raises(requests.HTTPError) as excinfo:
        oauth.asset_bank_client.meta_properties()
    assert excinfo.value.response.status_code in (401, 403), excinfo.value.response.text[:300]

    # An expired token is refreshed by requests-oauthlib before the next call.
    saved = []
    expired = dict(token, expires_at=time.time() - 60, expires_in=-60)
    refreshing = auth_code_client(portal, token=expired, token_saver=saved.append)
    media = refreshing.asset_bank_client.media_list({"limit": 1})
    assert_cf_ids(media, "assets")
    assert len(saved) == 1, "token_saver must be called once with the refreshed token"
    assert saved[0]["access_token"] != token["access_token"]
    assert saved[0]["refresh_token"], saved[0]

    after = portal.stats()
    for grant in ("authorization_code", "refresh_token"):
        was, now = grant_count(before, grant), grant_count(after, grant)
        assert now - was == 1, f"expected one {grant} grant, stats: {after}"


def test_authorization_code_is_single_use(consent_mock):
    oauth = auth_code_client(consent_mock)
    url, _state = oauth.get_authorization_url()
    location = requests.get(url, allow_redirects=False, timeout=30).headers["location"]
    code = parse_qs(urlsplit(location).query)["code"][0]
    oauth.fetch_token(code=code)
    with pytest.raises(OAuth2Error) as excinfo:
        auth_code_client(consent_mock).fetch_token(code=code)
    assert excinfo.value.error == "invalid_grant", excinfo.value
