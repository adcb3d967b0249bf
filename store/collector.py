"""Pausing Python's cyclic garbage collector around work that makes many acyclic objects."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """Run the block with the cyclic collector off (as it was after). Reading a corpus or its
    state makes tens of thousands of small tuples and dicts without reference cycles; left on,
    the collector walks them again at every young collection, a tenth to a fifth of the work,
    and frees nothing (reference counting does). Nested pauses leave it to the outermost."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
