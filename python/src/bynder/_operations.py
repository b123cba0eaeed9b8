"""The core's operation table, read from the native module, with Python names.

Every method of ``client.<group>`` is built from here at import time, and
``tools/generate_stubs.py`` writes the type stubs from the same data, so an operation added to
the Rust core reaches Python (methods, docs, stubs) without code written for it.
"""

from __future__ import annotations

import keyword

from . import _native

__all__ = ["Operation", "OPERATIONS", "BY_NAME", "GROUPS", "python_name", "iter_name"]


def python_name(wire: str, snake_names: dict[str, str]) -> str:
    """Bynder's parameter name as a Python keyword argument: the core's snake_case spelling
    (``brandId`` -> ``brand_id``, ``ISOPublicationDate`` -> ``iso_publication_date``), which it
    also accepts; Python keywords get a trailing ``_``."""
    name = snake_names.get(wire, wire)
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
        names = {w: python_name(w, raw["snake_names"]) for w in (*path, *params)}
        wire = {name: w for w, name in names.items() if name != w}
        operations.append(
            Operation(
                name=raw["name"],
                group=raw["group"],
                action=raw["action"],
                summary=raw["summary"],
                method=raw["method"],
                path=raw["path"],
                path_params=tuple(names[p] for p in path),
                path_forms=tuple(form for _name, form in raw["path_params"]),
                params=tuple(names[p] for p in params),
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
