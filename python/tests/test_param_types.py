"""Typed request parameters (issue 7): a value that cannot be its parameter's type raises
``InvalidArgumentError`` naming the parameter, before anything reaches the portal; lenient
spellings (digits as text, ``"true"``, a comma-separated list) pass."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from conftest import Admin

import bynder
from bynder import _native


def test_a_wrongly_typed_parameter_fails_before_any_request(
    client: bynder.Client, admin: Admin
) -> None:
    before = admin.stats()["requests"]
    bad: Any = "ten"  # what the stubs (limit: int | None) would flag
    with pytest.raises(bynder.InvalidArgumentError) as caught:
        client.media.list(limit=bad)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.kind == "invalid_argument"
    assert "`limit`" in str(error) and "an integer" in str(error) and '"ten"' in str(error)
    with pytest.raises(bynder.InvalidArgumentError, match=r"`isPublic` \(`is_public`\)"):
        client.media.list(is_public="maybe")
    with pytest.raises(bynder.InvalidArgumentError, match="a list of strings"):
        client.call("media.list", type={"image": True})
    assert admin.stats()["requests"] == before, "nothing was sent"


def test_lenient_spellings_pass(client: bynder.Client) -> None:
    lenient: Any = "2"
    assert len(client.media.list(limit=lenient)) == 2
    assets = client.media.list(type="image,video", limit=50)
    assert assets and {asset["type"] for asset in assets} <= {"image", "video"}
    page = client.call("media.list", limit=1, total="true")
    assert page["total"]["count"] > 0


def test_the_async_client_refuses_the_same(async_client: bynder.AsyncClient, admin: Admin) -> None:
    async def run() -> None:
        async with async_client:
            bad: Any = [1, 2]
            with pytest.raises(bynder.InvalidArgumentError, match="`limit`"):
                await async_client.collections.list(limit=bad)

    before = admin.stats()["requests"]
    asyncio.run(run())
    assert admin.stats()["requests"] == before


def test_the_catalog_types_every_parameter() -> None:
    kinds = {"any", "string", "integer", "number", "boolean", "date_time", "string_list",
             "object", "object_list"}  # fmt: skip
    for raw in _native.operations():
        assert set(raw["param_types"]) == set(raw["params"]), raw["name"]
        assert set(raw["param_types"].values()) <= kinds, raw["name"]
    media_list = next(raw for raw in _native.operations() if raw["name"] == "media.list")
    assert media_list["param_types"]["limit"] == "integer"
    assert media_list["param_types"]["isPublic"] == "boolean"
