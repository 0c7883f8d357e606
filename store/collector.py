"""Work that makes many objects at once, without the garbage collector's passes.

Opening an article of 50,000 claims makes some 150,000 tuples (its places, their
highlight spans, the table's rows); looking for 10,000 known claims in a 1 MiB text makes
a set or a list for each and tuples for its sentences. None of them can be part of a
reference cycle, yet each 700 new objects start a collection pass, and every so often one
that walks every object the process holds: a third of an article's opening time, a
twentieth of a known-claims scan, for nothing to collect.

Such work also makes lists whole, with no room to grow: :func:`with_room`.
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


def with_room(items: list) -> list:
    """*items* itself, given room to grow in place by a sixteenth or more.

    A list made whole (sorted, copied, extended by one large block) has no room, so the
    first item an edit inserts copies all of it to a larger block: 1.5 ms for the 113,000
    disagreements of an article of 50,000 claims, inside the session's first tag (the tags
    after it found room). Given here, while the article is opened, the room costs the
    edits nothing."""
    room = len(items) // 16 + 4  # (thousands of edits; past the rounding to four items)
    items.extend([None] * room)  # the block grows, with the room appending leaves
    del items[-room:]  # a list gives its block back only below half of it
    return items
