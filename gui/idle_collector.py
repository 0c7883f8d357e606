"""The garbage collector's passes, run while the window is idle (pausing it for work that
makes many objects at once: store.collector)."""

from __future__ import annotations

import gc


def collect_all() -> None:
    """A full pass of the collector now, between events; then what survives it is left
    out of the collector's later passes, until the next call.

    The collector walks its youngest generation every 700 objects made and, every tenth
    time, the middle one with everything in it: after an article's places are read
    (lists and dicts of tens of thousands of entries, made with the collector paused),
    that middle pass walked them all inside the person's first action (3 ms of the
    session's first tag). It then moved them to the oldest generation, which it walks
    whole once what came into it since its last full pass is a quarter of what that pass
    left there: with 50,000 claims, that full pass came inside the session's second tag,
    38 ms longer than the others, or later inside another action (75-95 ms with the
    Disagreements panel open, whose pairs it walks too). Here, while the window is idle,
    one full pass walks everything (35-95 ms at that size); what survives it is frozen
    (``gc.freeze``), so a full pass due later walks only what was made since. Frozen
    objects are still freed when nothing refers to them; only a cycle among them waits
    for the next call (the next article opened), which unfreezes them first."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
