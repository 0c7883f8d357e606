"""Work that makes many objects at once, without the garbage collector's passes.

Opening an article of 50,000 claims makes some 150,000 tuples (its places, their
highlight spans, the table's rows). None of them can be part of a reference cycle, yet
each 700 new objects start a collection pass, and every so often one that walks every
object the window holds: a third of the opening time, for nothing to collect.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause automatic garbage collection for the block (as it was before, after it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
