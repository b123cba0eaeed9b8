"""The core's operation table, read from the native module, with Python names.

Every method of ``client.<group>`` is built from here at import time, and
``tools/generate_stubs.py`` writes the type stubs from the same data, so an operation added to
the Rust core reaches Python (methods, docs, stubs) without code written for it.
"""

from __future__ import annotations

import functools
import keyword

from . import _native

__all__ = ["Operation", "OPERATIONS", "BY_NAME", "GROUPS", "python_name", "iter_name"]


@functools.cache
def python_name(wire: str) -> str:
    """Bynder's parameter name as a Python keyword argument: ``brandId`` -> ``brand_id``,
    ``ISOPublicationDate`` -> ``iso_publication_date``; Python keywords get a trailing ``_``.
    Cached, and lower-case names skip the scan: the table names about 1200 parameters, mostly
    the same few (``limit``, ``page``, ``id``), and this runs for each at import."""
    if wire.islower() and "." not in wire:
        return wire + "_" if keyword.iskeyword(wire) else wire
    out = []
    for i, c in enumerate(wire):
        if c.isupper() and i > 0:
            before, after = wire[i - 1], wire[i + 1 : i + 2]
            # A plural acronym (accountableIDs -> accountable_ids) stays one word.
            plural = after == "s" and not wire[i + 2 : i + 3].islower()
            # A word starts at an upper-case letter after a lower-case one or a digit, or at the
            # last capital of an acronym followed by lower case (ISOPublication -> iso_publication).
            if before.islower() or before.isdigit() or (before.isupper() and after.islower() and not plural):
                out.append("_")
        out.append("_" if c == "." else c.lower())
    name = "".join(out)
    return name + "_" if keyword.iskeyword(name) else name


def iter_name(action: str) -> str:
    """The iterator method of a paged operation: ``list`` -> ``iter``, ``options`` ->
    ``iter_options``."""
    return "iter" if action == "list" else f"iter_{action}"


class Operation:
    """One operation of the core's table."""

    __slots__ = (
        "name", "group", "action", "summary", "method", "path", "path_params", "path_forms",
        "params", "wire_names", "paging", "max_limit", "items", "result", "item", "binary",
    )  # fmt: skip

    name: str
    group: str
    action: str
    summary: str
    method: str
    path: str
    path_params: tuple[str, ...]
    """Python names of the path parameters, in template order (positional arguments)."""
    path_forms: tuple[str, ...]
    """Identifier form of each path parameter: ``coldfusion``, ``rfc4122`` or ``opaque``."""
    params: tuple[str, ...]
    """Python names of the documented query/body parameters (keyword arguments)."""
    wire_names: dict[str, str]
    """Python name -> Bynder name, for the names that differ."""
    paging: str
    max_limit: int | None
    items: str
    result: dict[str, str] | None
    """The model the call answers: ``{"shape": "one"|"list"|"by_name", "model": name}``."""
    item: str | None
    """The model of each item of a paged operation."""
    binary: bool
    """Whether the answer is bytes (an image) rather than JSON."""

    def __init__(self, **fields: object) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, fields[name])

    def __repr__(self) -> str:
        return f"Operation({self.name!r})"

    @property
    def paged(self) -> bool:
        return self.paging != "none"


def _load() -> tuple[Operation, ...]:
    operations = []
    for raw in _native.operations():
        path = tuple(name for name, _form in raw["path_params"])
        params = tuple(p for p in raw["params"] if p not in path)
        wire = {python_name(w): w for w in (*path, *params) if python_name(w) != w}
        operations.append(
            Operation(
                name=raw["name"],
                group=raw["group"],
                action=raw["action"],
                summary=raw["summary"],
                method=raw["method"],
                path=raw["path"],
                path_params=tuple(python_name(p) for p in path),
                path_forms=tuple(form for _name, form in raw["path_params"]),
                params=tuple(python_name(p) for p in params),
                wire_names=wire,
                paging=raw["paging"],
                max_limit=raw["max_limit"],
                items=raw["items"],
                result=raw["result"],
                item=raw["item"],
                binary=bool(raw.get("binary", False)),
            )
        )
    return tuple(operations)


OPERATIONS: tuple[Operation, ...] = _load()
BY_NAME: dict[str, Operation] = {op.name: op for op in OPERATIONS}
GROUPS: dict[str, tuple[Operation, ...]] = {}
for _op in OPERATIONS:
    GROUPS[_op.group] = (*GROUPS.get(_op.group, ()), _op)
del _op
