"""Work that makes many objects at once, without the garbage collector's passes.

Opening an article of 50,000 claims makes some 150,000 tuples (its places, their
highlight spans, the table's rows); looking for 10,000 known claims in a 1 MiB text makes
a set or a list for each and tuples for its sentences. None of them can be part of a
reference cycle, yet each 700 new objects start a collection pass, and every so often one
that walks every object the process holds: a third of an article's opening time, a
twentieth of a known-claims scan, for nothing to collect.
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
