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
# A scrape's newsletter sign-up paragraph: an invitation to the reader to subscribe
# ("اشترك", "قم بالاشتراك", "sign up for", "subscribe to") and where the news would go.
# Whole words only, and only whole lines at the start or the end of an article: a story
# about subscription fees or e-mail alerts keeps its words.
INVITATION_RE = re.compile(r"(?<!\w)(?:اشترك|اشتركوا|اشتركي|قم بالاشتراك|للاشتراك|سجل للحصول)"
                           r"(?!\w)|\b(?:sign ?up|subscribe)(?: (?:now|today|free))? (?:to|for)\b",
                           re.IGNORECASE)
CHANNEL_RE = re.compile(r"(?<!\w)(?:البريد الإلكتروني|البريد الالكتروني|النشرة|تنبيهات|"
                        r"صندوق الوارد)|\b(?:newsletters?|inbox|e-?mails?|alerts)\b",
                        re.IGNORECASE)
SIGNUP_MAX = 400  # characters: a longer line is a paragraph of the story
# A credit label left alone on a line ("المصدر", "Source:"), with nothing it credits.
BARE_LABEL_RE = re.compile(r"^(?:المصدر|مصدر|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|source|"
                           r"read more)\s*[:：]?$", re.IGNORECASE)
BLANK_LINES_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
TRAILING_SPACE_RE = re.compile(r"[ \t]+\n")


@dataclass
class CleanResult:
    text: str
    changes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate lines taken off the edges
    dropped_note: str = ""  # the one of *changes* that says so: words the user did not keep


def clean_text(raw: str, edges: bool = True) -> CleanResult:
    """Normalise newlines, drop scrape markers, edge boilerplate (unless not *edges*) and
    stray controls, NFC-normalise."""
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
    text, dropped = _drop_edge_boilerplate(text) if edges else (text, [])
    note = ""
    if dropped:
        note = Message("removed {count} line(s) of site boilerplate at the start or end: "
                       "{lines}", count=len(dropped),
                       lines=" | ".join(_short(line) for line in dropped))
        changes.append(note)
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
    return CleanResult(text, changes, dropped, note)


def is_boilerplate(line: str) -> bool:
    """A newsletter sign-up line or a bare credit label, as scrapes leave around a story."""
    line = line.strip()
    if BARE_LABEL_RE.match(line):
        return True
    return (len(line) <= SIGNUP_MAX and INVITATION_RE.search(line) is not None
            and CHANNEL_RE.search(line) is not None)


def _drop_edge_boilerplate(text: str) -> tuple[str, list[str]]:
    """Drop boilerplate lines from both ends (blank lines between them too), never from
    the middle, where a line about subscriptions may be the story. Only the edge lines are
    looked at and the text is sliced once at most: a 50 MB article is not split into lines."""
    dropped: list[str] = []
    start, end = 0, len(text)
    while start < end:  # from the top
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        line = text[start:stop]
        if line.strip() and not is_boilerplate(line):
            break
        if line.strip():
            dropped.append(line.strip())
        start = stop + 1
    bottom: list[str] = []
    while start < end:  # from the bottom
        begin = text.rfind("\n", start, end) + 1
        begin = max(begin, start)
        line = text[begin:end]
        if line.strip() and not is_boilerplate(line):
            break
        if line.strip():
            bottom.append(line.strip())
        end = begin - 1
    if start >= end:
        return text, []  # all of it: then it is what the user meant to import
    if start == 0 and end == len(text):
        return text, []
    return text[start:end], dropped + bottom


def _short(line: str, limit: int = 40) -> str:
    return line if len(line) <= limit else line[:limit].rstrip() + "…"
