"""Uploads from str / pathlib.Path / file objects / bytes and downloads to paths, folders and
file objects, with progress callbacks, sync and async."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
from pathlib import Path
from typing import Any

import pytest
import requests

import bynder
from mockportal import MockPortal

SIZE = 3 * 1024 * 1024 + 123  # three full 1 MiB chunks and a short one
CHUNK = 1024 * 1024


@pytest.fixture(scope="module")
def upload_served(mock: MockPortal) -> None:
    """Skips while the mock's upload side does not exist yet (it answers 501)."""
    with bynder.Client(
        mock.http_base, permanent_token=mock.permanent_token, rate_limit="unlimited", max_attempts=1
    ) as c:
        try:
            c.upload.prepare()
        except bynder.BynderError as error:
            if error.status == 501:
                pytest.skip("bynder-mock does not serve uploads yet (upload.prepare answers 501)")


@pytest.fixture(scope="module")
def download_served(mock: MockPortal, media_ids: list[str]) -> None:
    """Skips while the mock's storage route does not exist yet."""
    with bynder.Client(mock.http_base, permanent_token=mock.permanent_token) as c:
        url = c.media.download_location(media_ids[0])["s3_file"]
    if requests.get(url, timeout=10, stream=True).status_code == 404:
        pytest.skip("bynder-mock does not serve downloaded files yet (storage answers 404)")


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    path = tmp_path / "payload.bin"
    path.write_bytes(os.urandom(SIZE))
    return path


def _brand(client: bynder.Client) -> str:
    return client.brands.list()[0]["id"]


@pytest.mark.usefixtures("upload_served")
@pytest.mark.parametrize("kind", ["str", "path", "file", "bytes"])
def test_upload_from_each_source_with_progress(
    client: bynder.Client, payload: Path, kind: str
) -> None:
    events: list[dict[str, Any]] = []
    source: Any = {
        "str": str(payload),
        "path": payload,
        "file": None,
        "bytes": payload.read_bytes(),
    }[kind]
    extra: dict[str, Any] = {"file_name": "payload.bin"} if kind == "bytes" else {}
    with open(payload, "rb") as handle:
        result = client.upload(
            handle if kind == "file" else source, brand_id=_brand(client),
            name=f"upload from {kind}", tags=["python"], chunk_size=CHUNK,
            on_progress=events.append, **extra,
        )  # fmt: skip
    assert result["bytes"] == SIZE and result["chunks"] == 4
    assert result["sha256"] == hashlib.sha256(payload.read_bytes()).hexdigest()
    assert result["file_name"] == "payload.bin"
    kinds = [e["event"] for e in events]
    assert kinds[0] == "started" and kinds[-1] == "saved"
    sent = [e for e in events if e["event"] == "chunk_sent"]
    assert len(sent) == 4 and max(e["sent_bytes"] for e in sent) == SIZE
    asset = client.media.get(result["media_id"])
    assert asset["name"] == f"upload from {kind}"


@pytest.mark.usefixtures("upload_served")
def test_an_exception_in_the_progress_callback_stops_the_upload(
    client: bynder.Client, payload: Path
) -> None:
    def explode(event: Any) -> None:
        if event["event"] == "chunk_sent":
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        client.upload(payload, brand_id=_brand(client), chunk_size=CHUNK, on_progress=explode)


@pytest.mark.usefixtures("upload_served")
def test_a_cancelled_token_stops_the_upload(client: bynder.Client, payload: Path) -> None:
    token = bynder.CancelToken()
    token.cancel()
    with pytest.raises(bynder.CancelledError):
        client.upload(payload, brand_id=_brand(client), cancel=token)


@pytest.mark.usefixtures("upload_served")
def test_async_upload(async_client: bynder.AsyncClient, client: bynder.Client, payload: Path) -> None:
    events: list[str] = []
    brand = _brand(client)

    async def run() -> Any:
        return await async_client.upload(
            payload, brand_id=brand, chunk_size=CHUNK, on_progress=lambda e: events.append(e["event"])
        )

    result = asyncio.run(run())
    assert result["bytes"] == SIZE and events[0] == "started" and events[-1] == "saved"


def test_upload_sources_are_checked(client: bynder.Client) -> None:
    with pytest.raises(TypeError, match="upload source"):
        client.upload(12345, brand_id="x")
    with pytest.raises(bynder.InvalidArgumentError, match="file_name"):
        client.upload(b"bytes without a name", brand_id="x")


@pytest.mark.usefixtures("download_served")
def test_download_to_path_folder_and_file_object(
    client: bynder.Client, media_ids: list[str], tmp_path: Path
) -> None:
    events: list[dict[str, Any]] = []
    to_file = client.download(media_ids[0], tmp_path / "one.bin", sha256=True, on_progress=events.append)
    data = (tmp_path / "one.bin").read_bytes()
    assert to_file["bytes"] == len(data) > 0
    assert to_file["sha256"] == hashlib.sha256(data).hexdigest()
    assert events[0]["event"] == "started" and events[-1]["event"] == "finished"
    folder = tmp_path / "folder"
    folder.mkdir()
    to_folder = client.download(media_ids[0], str(folder))
    assert to_folder["path"] and Path(to_folder["path"]).parent == folder
    buffer = io.BytesIO()
    client.download(media_ids[0], buffer)
    assert buffer.getvalue() == data


@pytest.mark.usefixtures("download_served")
def test_async_download(async_client: bynder.AsyncClient, media_ids: list[str], tmp_path: Path) -> None:
    async def run() -> Any:
        return await async_client.download(media_ids[0], tmp_path / "async.bin")

    assert asyncio.run(run())["bytes"] == (tmp_path / "async.bin").stat().st_size


def test_download_destinations_are_checked(client: bynder.Client, media_ids: list[str]) -> None:
    with pytest.raises(TypeError, match="destination"):
        client.download(media_ids[0], 42)
    with pytest.raises(bynder.NotFoundError):
        client.download("00000000-0000-0000-0000000000000000", io.BytesIO())
