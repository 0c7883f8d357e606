"""What the known-claims matcher answers: where a known claim appears in new text.

Apart from the matcher (``store.text.matching``) so that whoever only receives answers -
the window, which unpickles them from the matcher's process - does not load the matcher
and rapidfuzz with them (3 MB of the window's memory).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Where a known claim appears in the new text (code points, end exclusive)."""

    start: int
    end: int
    claim_id: str
    score: float
    kind: str
