"""The garbage collector's passes, run while the window is idle (pausing it for work that
makes many objects at once: store.collector)."""

from __future__ import annotations

import gc


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
