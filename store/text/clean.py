"""Cleaning imported text before it is stored.

Everything removed is reported, so the user sees what changed. The result is
NFC-normalised: offsets are only stable if the text is in one canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.errors import Message

# Markers that scrapers leave in place of adverts: [ad_1], [ad_2], ...
SCRAPE_MARKER_RE = re.compile(r"^[ \t]*\[(?:ad|ads|advert|advertisement)_?\d*\][ \t]*$",
                              re.IGNORECASE | re.MULTILINE)
# Explicit embeddings, overrides and isolates: stray ones scramble display.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_CONTROL_RE = re.compile(f"[{BIDI_CONTROLS}]")
# Other control characters that have no business in article text.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BLANK_LINES_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
TRAILING_SPACE_RE = re.compile(r"[ \t]+\n")


@dataclass
class CleanResult:
    text: str
    changes: list[str] = field(default_factory=list)


def clean_text(raw: str) -> CleanResult:
    """Normalise newlines, drop scrape markers and stray controls, NFC-normalise."""
    changes: list[str] = []
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    markers = SCRAPE_MARKER_RE.findall(text)
    if markers:
        text = SCRAPE_MARKER_RE.sub("", text)
        changes.append(Message("removed {count} scrape marker(s): {markers}",
                               count=len(markers),
                               markers=", ".join(sorted({m.strip() for m in markers}))))
    bidi = len(BIDI_CONTROL_RE.findall(text))
    if bidi:
        text = BIDI_CONTROL_RE.sub("", text)
        changes.append(Message("removed {count} stray bidi control character(s)", count=bidi))
    controls = len(CONTROL_RE.findall(text))
    if controls:
        text = CONTROL_RE.sub("", text)
        changes.append(Message("removed {count} control character(s)", count=controls))
    text = TRAILING_SPACE_RE.sub("\n", text)
    collapsed = BLANK_LINES_RE.sub("\n\n", text)
    if collapsed != text:
        changes.append(Message("collapsed repeated blank lines"))
        text = collapsed
    normalised = unicodedata.normalize("NFC", text)
    if normalised != text:
        changes.append(Message("normalised to Unicode NFC"))
    text = normalised.strip("\n ")
    return CleanResult(text, changes)
