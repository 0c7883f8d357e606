"""Arabic copied out of a PDF: recognising it, and turning it back into logical text.

Many PDF writers put presentation forms (U+FExx) in visual order into their text
layer, so text copied out of them is unsearchable and untaggable. Reordering is rule
L1-L4 of the bidi algorithm run on the visual line (``store.text.display``), then
each presentation form is unshaped to its base letters.
"""

from __future__ import annotations

import re
import unicodedata

from store.text.display import clusters, is_mark, per_paragraph, visual_order

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Copy-paste from a PDF is shaped throughout: judging the start keeps a 10 MB file fast.
SAMPLE_CHARS = 200_000


def needs_repair(text: str) -> bool:
    """Whether *text* looks like visual-order PDF text: the one decision every door uses."""
    return looks_like_visual_pdf_text(text[:SAMPLE_CHARS])


def looks_like_visual_pdf_text(text: str, threshold: float = 0.5) -> bool:
    """Whether most Arabic letters are presentation forms, as PDFs emit them.

    Typed or scraped Arabic almost never uses presentation forms (a stray ﻻ or
    ﷺ at most), while text shaped for display uses them for nearly every letter.
    """
    arabic = shaped = 0
    for ch in text:
        if not unicodedata.category(ch).startswith("L"):
            continue
        code = ord(ch)
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
            shaped += 1
            arabic += 1
        elif 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
            arabic += 1
    return shaped > 0 and shaped >= threshold * arabic


def repair_pdf_text(text: str) -> str:
    """Turn visual-order, presentation-form Arabic back into logical text.

    A line is taken as visual if it holds presentation forms, or right-to-left
    characters none of which is a letter (a line of ؟ and numbers); a line
    with plain Arabic letters is already logical and one with no right-to-left
    character needs nothing, so both are left alone. Visual lines are read
    with a right-to-left base, as Arabic pages are set. Where visual order is
    ambiguous (a number beside a Latin word, a % sign) the result is a faithful
    reading of the line rather than the exact text that was typed.
    """
    return per_paragraph(text, _repair_line)


def _repair_line(line: str) -> str:
    if not _is_visual_line(line):
        return line
    return visual_order(_PRESENTATION_FORMS.sub(_unshape, line), "R")


def _is_visual_line(line: str) -> bool:
    if _PRESENTATION_FORMS.search(line):
        return True
    rtl = [ch for ch in line if unicodedata.bidirectional(ch) in ("R", "AL")]
    return bool(rtl) and not any(unicodedata.category(ch).startswith("L") for ch in rtl)


def _unshape(match: re.Match[str]) -> str:
    """Base letters for one presentation form, in visual order like its neighbours.

    NFKC is applied per character because on the whole text it would also
    rewrite full-width letters, superscripts and the like. A ligature (ﻻ, ﷲ)
    expands in logical order while it sits in a visual line, so its clusters are
    reversed here and restored by the reordering. The spacing harakat forms
    (ﹶ) decompose to space + mark; the space is dropped so the mark stays on
    its letter.
    """
    expanded = unicodedata.normalize("NFKC", match.group())
    if expanded[:1] == " " and len(expanded) > 1 and is_mark(expanded[1]):
        return expanded[1:]
    return "".join(reversed(list(clusters(expanded))))
