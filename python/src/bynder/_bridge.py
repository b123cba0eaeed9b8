"""One asyncio bridge per event loop: the loop watches the bridge's socket and completes the
futures of finished Rust tasks on its own thread (see ``bindings/python/src/bridge.rs``)."""

from __future__ import annotations

import os
import weakref

from . import _native

# asyncio is imported on first use: a blocking-only program never pays for it.
_bridges: weakref.WeakKeyDictionary[object, _native.Bridge] = weakref.WeakKeyDictionary()


def bridge() -> _native.Bridge:
    """The bridge of the running loop, created on first use (again in a forked child)."""
    from asyncio import get_running_loop

    loop = get_running_loop()
    found = _bridges.get(loop)
    if found is not None and found.pid == os.getpid():
        return found
    created = _native.Bridge(loop)
    loop.add_reader(created.fileno(), created.drain)
    _bridges[loop] = created
    return created
