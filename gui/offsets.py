"""The one place where code points (the store's unit) meet UTF-16 (Qt's unit).

Python indexes strings by code point; Qt's QString, QTextCursor and
QTextBlock.position() count UTF-16 code units, where every character outside
the Basic Multilingual Plane (emoji, some CJK, historic scripts) takes two.
Nothing else in gui/ converts offsets: it asks an OffsetMap.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """How many UTF-16 code units Qt counts in *text*."""
    return len(text) if text.isascii() else len(text) + len(_ASTRAL.findall(text))


class OffsetMap:
    """Converts offsets for one text in O(log k), k = number of astral characters."""

    def __init__(self, text: str):
        # Code-point index of every astral character, and its UTF-16 index.
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + i for i, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.length_u16 = self.length + len(self._astral_cp)

    @property
    def same_units(self) -> bool:
        """Whether every offset is the same in both units (no astral character): a caller
        converting many offsets can skip it."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset *cp* (0 <= cp <= length)."""
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """Code-point offset of UTF-16 offset *u16*.

        An offset that falls between the two halves of a surrogate pair (which
        Qt can report mid-selection) is snapped back to the character's start.
        """
        k = bisect_left(self._astral_u16, u16)  # astral characters that start before u16
        if k > 0 and self._astral_u16[k - 1] + 1 == u16:
            return self._astral_cp[k - 1]
        return u16 - k

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start16: int, end16: int) -> tuple[int, int]:
        """A UTF-16 selection as code points; a half-selected pair is included whole."""
        start = self.to_code_point(start16)
        end = self.to_code_point(end16)
        if self.to_utf16(end) < end16:
            end += 1
        return start, end
