"""The garbage collector's passes, run while the window is idle (pausing it for work that
makes many objects at once: store.collector)."""

from __future__ import annotations

import gc


def collect_all() -> None:
    """A full pass of the collector now, between events, so that what start-up or an
    article's opening made is old, and counted as old, before anyone acts.

    The collector walks its youngest generation every 700 objects made and, every tenth
    time, the middle one with everything in it: after an article's places are read
    (lists and dicts of tens of thousands of entries, made with the collector paused),
    that middle pass walked them all inside the person's first action (3 ms of the
    session's first tag). It then moved them to the oldest generation, which it walks
    whole once what came into it since its last full pass is a quarter of what that pass
    left there: with 50,000 claims, that was the session's second tag, 38 ms longer than
    the others. A full pass here, while the window is idle (about as long, at that size),
    leaves later passes only what later actions make, and the next full one far off."""
    gc.collect()
