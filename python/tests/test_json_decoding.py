"""The one-pass JSON parser that turns a call's body into Python objects.

`client.call` parses the portal's bytes straight into dicts and lists (`_native.decode_json`
is the same parser); `client.call_raw` still goes through the core's decoded value. Both must
agree with `json.loads` on everything: values, types, and key order.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

import bynder
from bynder import _native


def same(a: Any, b: Any, where: str = "$") -> None:
    """Equal values of the same types, with dict keys in the same order."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and a != a:
        assert b != b, f"{where}: NaN != {b}"
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def check(text: str | bytes) -> None:
    data = text.encode() if isinstance(text, str) else text
    same(_native.decode_json(data), json.loads(data))


def test_calls_answer_what_json_loads_makes_of_the_same_body(client: bynder.Client) -> None:
    for operation, params in [
        ("media.list", {"limit": 250}),
        ("media.list", {"limit": 3, "total": 1}),
        ("collections.list", {}),
        ("metaproperties.list", {}),
        ("brands.list", {}),
        ("tags.list", {}),
        ("account.get", {}),
        ("users.list", {}),
    ]:
        raw = client.call_raw(operation, **params)
        same(client.call(operation, **params), raw.body, operation)


def test_pages_hold_the_items_the_core_finds_in_each_body(client: bynder.Client) -> None:
    # Page items are parsed from the page's bytes too and found where the core finds them:
    # a bare list, under a key (`total=1` wraps media in `media`), or an object's values.
    for operation, params, found in [
        ("media.list", {"limit": 40}, lambda body: body),
        ("media.list", {"limit": 40, "total": 1}, lambda body: body["media"]),
        ("collections.list", {"limit": 5}, lambda body: body),
        ("metaproperties.list", {}, lambda body: list(body.values())),
        ("quarantine.list", {}, lambda body: body["assets"]),
    ]:
        first = next(iter(client.paginate(operation, **params).pages()))
        raw = client.call_raw(operation, **params)
        same(first.items, found(raw.body), operation)
        assert first.items, f"{operation}: an empty first page proves nothing"


@pytest.mark.parametrize(
    "text",
    [
        "null", "true", "false", "0", "-0", "7", "-7", "1.5", "-2.5e-3", "1E400", "6.02e23",
        "9223372036854775807", "-9223372036854775808", "18446744073709551615",
        "18446744073709551616", "-18446744073709551617", "123456789012345678901234567890",
        '""', '"a"', '" spaced "', r'"esc \" \\ \/ \b \f \n \r \t"', r'"\u00e9\u4e2d\ud83d\ude00"',
        '"é 中 😀"', "[]", "{}", "[[], {}, [[]]]", ' \n\t{ "a" : [ 1 , 2 ] } \r\n',
        '{"": 1, "a": {"": ""}}', '{"a": 1, "a": 2}', r'{"k\"ey": 1, "k\u00e9": 2}',
    ],
)  # fmt: skip
def test_values_read_as_json_loads_reads_them(text: str) -> None:
    check(text)


def test_objects_whose_keys_change_keep_their_own_keys_and_order() -> None:
    # The parser remembers key sequences per place; items that add, drop, reorder or
    # rename keys must not inherit the ones before them.
    items = [
        {"id": 1, "name": "a", "tags": ["x"]},
        {"id": 2, "name": "b", "tags": ["x"]},
        {"id": 3, "tags": ["y"]},
        {"name": "d", "id": 4},
        {"id": 5, "name": "e", "tags": ["x"], "extra": {"deep": True}},
        {"id": 6, "nom": "f"},
        {"id": 7, "name": "g", "tags": ["x"]},
        {},
        {"id": 8, "name": "h", "tags": ["x"], "extra": {"deep": False, "more": None}},
        {"i": 9},
    ]
    check(json.dumps(items))
    check(json.dumps({"list": items, "again": items[::-1], "one": items[4]}))


def test_later_objects_with_the_same_keys_keep_their_own_values() -> None:
    # An object starts as a copy of the first one with its keys, and only values that are
    # not the very same object are set again: a repeated key must still let the last value
    # win, and a value equal to the first object's must still land where it belongs.
    check('[{"a": 1, "a": 2}, {"a": 3, "a": 2}, {"a": 2, "a": 3}, {"a": 2, "a": 2}]')
    check('[{"a": 1, "b": 2}, {"a": 2, "b": 1}, {"a": 1, "b": 1}, {"a": null, "b": 2}]')
    check('[{"t": "x", "n": null}, {"t": "y", "n": 5}, {"t": "x", "n": null}, {"t": "y"}]')


def test_containers_are_never_shared_between_objects() -> None:
    # Equal strings and numbers may be one object; lists and dicts must each be their own,
    # or changing one item's tags would change another's.
    items = _native.decode_json(
        b'[{"tags": [], "meta": {}, "type": "image"}, {"tags": [], "meta": {}, "type": "image"},'
        b' {"tags": ["x"], "meta": {"k": 1}, "type": "image"}]'
    )
    items[0]["tags"].append("changed")
    items[0]["meta"]["changed"] = True
    assert items[1] == {"tags": [], "meta": {}, "type": "image"}
    assert items[2] == {"tags": ["x"], "meta": {"k": 1}, "type": "image"}
    assert items[0] is not items[1] and items[0]["type"] is items[1]["type"]


def random_value(rng: random.Random, depth: int) -> Any:
    kind = rng.randrange(9 if depth < 5 else 6)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.randint(-(2**70), 2**70) if rng.random() < 0.2 else rng.randint(-300, 300)
    if kind == 2:
        return rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-20, 20)
    if kind in (3, 4, 5):
        alphabet = "abcXYZ019 _-/\"\\\n\t\u00e9\u4e2d\U0001f600\x01"
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
    if kind in (6, 7):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(0, 6))]
    keys = ["id", "name", "type", "tags", "k\u00e9", "", "a\"b", "x"]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(0, 7))}


def test_random_documents_read_as_json_loads_reads_them() -> None:
    rng = random.Random(20261128)
    for _ in range(300):
        document = [random_value(rng, 0) for _ in range(rng.randrange(1, 8))]
        check(json.dumps(document, ensure_ascii=rng.random() < 0.5))


def test_nesting_is_bounded_like_the_core() -> None:
    check("[" * 128 + "]" * 128)
    with pytest.raises(bynder.InvalidArgumentError, match="nesting deeper than 128"):
        _native.decode_json(b"[" * 129 + b"]" * 129)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"", "unexpected end of input"),
        (b"[1,]", "expected a value at byte 3"),
        (b'{"a" 1}', "expected ':'"),
        (b'{"a": 1,}', "expected a key"),
        (b"[1 2]", "expected ',' or ']'"),
        (b'{"a": 1 "b": 2}', "expected ',' or '}'"),
        (b'"open', "unterminated string"),
        (b'"tab\there"', "control character in a string"),
        (b'"\\x"', "invalid escape"),
        (b'"\\u12G4"', "invalid \\\\u escape"),
        (b'"\\ud83d"', "lone surrogate"),
        (b'"\\ude00"', "lone surrogate"),
        (b"01", "invalid number"),
        (b"-", "invalid number"),
        (b"1.5.5", "invalid number"),
        (b"tru", "expected a value"),
        (b"nul", "expected a value"),
        (b"[1] x", "trailing characters at byte 4"),
        (b"{} {}", "trailing characters"),
    ],
)
def test_bad_json_is_refused_saying_what_and_where(data: bytes, what: str) -> None:
    with pytest.raises(bynder.InvalidArgumentError, match=what):
        _native.decode_json(data)
    if what != "lone surrogate":  # Python's json keeps them; the core refuses them, as here.
        with pytest.raises(ValueError):
            json.loads(data)


def test_bytes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(UnicodeDecodeError):
        _native.decode_json(b'["ok", "\xff\xfe"]')
