"""The installed wheel: where it comes from, what it ships, and that its stubs are fresh."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import bynder
from bynder._client import group_attribute
from bynder._operations import OPERATIONS, iter_name

PYTHON_DIR = Path(__file__).resolve().parents[1]


def test_the_installed_wheel_is_imported_not_the_source_tree() -> None:
    package = Path(bynder.__file__).resolve().parent
    assert "site-packages" in package.parts, package
    assert not package.is_relative_to(PYTHON_DIR / "src"), package
    assert importlib.metadata.version("bynder") == bynder.__version__
    native = [p.name for p in package.iterdir() if p.name.startswith("_native")]
    assert any(name.endswith(".abi3.so") for name in native), native


def test_the_wheel_ships_py_typed_and_stubs() -> None:
    package = Path(bynder.__file__).resolve().parent
    for name in ("py.typed", "_client.pyi", "_native.pyi"):
        assert (package / name).is_file(), name


def test_installed_stub_is_what_the_generator_writes_now() -> None:
    sys.path.insert(0, str(PYTHON_DIR / "tools"))
    try:
        import generate_stubs
    finally:
        sys.path.pop(0)
    fresh = generate_stubs.render()
    installed = (Path(bynder.__file__).resolve().parent / "_client.pyi").read_text()
    source = (PYTHON_DIR / "src" / "bynder" / "_client.pyi").read_text()
    assert installed == fresh, "installed stub is stale: run python/tools/generate_stubs.py"
    assert source == fresh, "python/src/bynder/_client.pyi is stale: run the generator"


def test_every_operation_of_the_core_is_a_method_of_both_clients() -> None:
    sync = bynder.Client("http://127.0.0.1:9", permanent_token="t")
    asynchronous = bynder.AsyncClient("http://127.0.0.1:9", permanent_token="t")
    assert len(OPERATIONS) >= 30
    for op in OPERATIONS:
        for client in (sync, asynchronous):
            group = getattr(client, group_attribute(op.group))
            assert callable(getattr(group, op.action)), op.name
            if op.paged:
                assert callable(getattr(group, iter_name(op.action))), op.name
    assert set(bynder.operations()) == {op.name for op in OPERATIONS}


def test_import_is_quick() -> None:
    # What bynder adds to a program that already uses typing (the benchmark reports the
    # precise figure; this only catches a regression by an order of magnitude).
    code = (
        "import typing, re, collections.abc, weakref, time; t = time.perf_counter(); "
        "import bynder; print(time.perf_counter() - t)"
    )
    samples = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    assert min(samples) < 0.1, samples
