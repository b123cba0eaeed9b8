"""Every resource group of the table, called through the grouped methods against the mock."""

from __future__ import annotations

import uuid

import pytest

import bynder
from conftest import UNKNOWN_ID, Admin


def rfc4122(coldfusion_id: str) -> str:
    """`8-4-4-16` -> `8-4-4-4-12`, lower case."""
    return str(uuid.UUID(hex=coldfusion_id.replace("-", "")))


def test_media_read_with_either_id_form(client: bynder.Client, media_ids: list[str]) -> None:
    first = media_ids[0]
    by_coldfusion = client.media.get(first)
    by_rfc4122 = client.media.get(rfc4122(first))
    by_uuid_object = client.media.get(uuid.UUID(hex=first.replace("-", "")))  # type: ignore[arg-type]
    assert by_coldfusion["id"] == by_rfc4122["id"] == by_uuid_object["id"] == first
    assert isinstance(by_coldfusion["name"], str)
    location = client.media.download_location(rfc4122(first))
    assert location["s3_file"].startswith("http")


def test_media_list_filters_travel_as_snake_case_keywords(client: bynder.Client) -> None:
    brands = client.brands.list()
    brand = brands[0]["id"]
    page = client.media.list(brand_id=brand, limit=100)
    assert page and all(asset["brandId"] == brand for asset in page)
    images = client.media.list(type=["image"], limit=20)
    assert images and {asset["type"] for asset in images} == {"image"}
    counted = client.media.list(limit=5, total=True)
    assert isinstance(counted, dict) and counted["total"]["count"] >= 300


def test_media_modify_and_delete(client: bynder.Client, media_ids: list[str]) -> None:
    target = media_ids[-1]
    client.media.modify(rfc4122(target), name="Renamed from Python", tags=["py", "sdk"])
    changed = client.media.get(target)
    assert changed["name"] == "Renamed from Python"
    assert set(changed["tags"]) >= {"py", "sdk"}
    client.media.delete(target)
    with pytest.raises(bynder.NotFoundError):
        client.media.get(target)


def test_collections_lifecycle(client: bynder.Client, media_ids: list[str]) -> None:
    created = client.collections.create(name="Python suite", description="made by pytest")
    listed = {c["name"]: c["id"] for c in client.collections.iter()}
    assert "Python suite" in listed, created
    collection = listed["Python suite"]
    client.collections.modify(collection, name="Python suite 2", is_public=True)
    assert client.collections.get(rfc4122(collection))["name"] == "Python suite 2"
    client.collections.media_add(collection, data=media_ids[:3])
    assert set(client.collections.media_list(collection)) >= set(media_ids[:3])
    client.collections.media_remove(collection, delete_ids=media_ids[:1])
    assert media_ids[0] not in client.collections.media_list(collection)
    client.collections.share(collection, recipients=["a@example.com"], collection_options="view")
    client.collections.delete(collection)
    with pytest.raises(bynder.NotFoundError):
        client.collections.get(collection)


def test_tags_add_and_remove_media(client: bynder.Client, media_ids: list[str]) -> None:
    tags = client.tags.list(limit=5)
    assert len(tags) == 5 and all("tag" in t for t in tags)
    tag = tags[0]
    client.tags.add_media(tag["id"], data=media_ids[:2])
    assert tag["tag"] in client.media.get(media_ids[0])["tags"]
    client.tags.remove_media(tag["id"], delete_ids=media_ids[:2])
    assert tag["tag"] not in client.media.get(media_ids[0])["tags"]


def test_metaproperties(client: bynder.Client) -> None:
    by_name = client.metaproperties.list(options=True)
    assert isinstance(by_name, dict) and by_name
    name, prop = next(iter(by_name.items()))
    assert prop["name"] == name
    one = client.metaproperties.get(rfc4122(prop["id"]))
    assert one["id"] == prop["id"]
    options = client.metaproperties.options(prop["id"])
    assert options
    again = client.metaproperties.options_by_ids(ids=[o["id"] for o in options[:2]])
    assert {o["id"] for o in again} == {o["id"] for o in options[:2]}
    assert [o["id"] for o in client.metaproperties.iter_options(prop["id"], limit=1)] == [
        o["id"] for o in options
    ]


def test_portal_wide_groups(client: bynder.Client) -> None:
    assert all("subBrands" in b for b in client.brands.list())
    assert client.smartfilters.list()
    assert client.account.get()["name"]
    assert client.account.derivatives() is not None
    me = client.users.current()
    assert me["username"]
    profiles = client.profiles.list()
    assert client.profiles.get(profiles[0]["id"])["name"] == profiles[0]["name"]
    scopes = client.oauth.scopes()
    assert "asset:read" in str(scopes)


def test_generic_call_and_raw_response(client: bynder.Client, media_ids: list[str]) -> None:
    assert client.call("media.get", id=media_ids[0])["id"] == media_ids[0]
    raw = client.call_raw("media.get", id=media_ids[0])
    assert raw.status == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.headers["x-request-id"]
    assert raw.body["id"] == media_ids[0]


def test_positional_and_keyword_path_ids(client: bynder.Client, media_ids: list[str]) -> None:
    assert client.media.get(id=media_ids[0])["id"] == media_ids[0]
    with pytest.raises(TypeError, match="multiple values"):
        client.media.get(media_ids[0], id=media_ids[0])
    with pytest.raises(TypeError, match="positional"):
        client.media.get(media_ids[0], "extra")


def test_results_are_plain_dicts_with_every_field(client: bynder.Client, media_ids: list[str]) -> None:
    asset = client.media.get(media_ids[0])
    assert type(asset) is dict
    assert any(key.startswith("property_") for key in asset), sorted(asset)


def test_a_missing_asset_is_not_found_after_one_request(client: bynder.Client, admin: Admin) -> None:
    before = admin.requests_for("media.get")
    with pytest.raises(bynder.NotFoundError):
        client.media.get(UNKNOWN_ID)
    assert admin.requests_for("media.get") == before + 1
