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


def collect_young() -> None:
    """Walk the collector's young generations now, between events, so that what survives
    them is old before anyone acts.

    The collector walks its youngest generation every 700 objects made and, every tenth
    time, the middle one with everything in it. After an article's places are read (lists
    and dicts of tens of thousands of entries, made with the collector paused) or after
    start-up, that middle pass walked them all inside the user's first action: 3 ms of the
    session's first tag. Called while the window is idle, it leaves later passes only
    what later actions make."""
    gc.collect(1)
