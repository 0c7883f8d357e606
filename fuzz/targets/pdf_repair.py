"""PDF-text repair: pasted text → recognising visual-order PDF Arabic → logical text
(store.text.pdf_text, and the import's preview of a repair).

The input is the pasted text (UTF-8, invalid bytes replaced). Repairing must give text
the import can clean, and repairing logical text changes nothing but its presentation
forms: text with none is left exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from harness import Finding, door, text_of
from seed_inputs import ARTICLE, SAMPLE, hostile

from store.exchange import importing
from store.text import pdf_text
from store.text.display import display_for_terminal

MAX_LEN = 8192  # repair takes ~9 µs a character: long inputs would slow the search for nothing
_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def seeds() -> Iterator[bytes]:
    for text in (ARTICLE, SAMPLE[:3000], "بيونغ يانغ 😀 (40%) «معاهدة»\nEnglish line 12"):
        yield text.encode()
        yield display_for_terminal(text).encode()  # shaped, visual order: as a PDF gives it
    yield from hostile(".txt")


def test_one_input(data: bytes) -> None:
    text = text_of(data)

    def repair() -> tuple[bool, str, tuple[str, str]]:
        return (pdf_text.needs_repair(text), pdf_text.repair_pdf_text(text),
                importing.preview_pdf_repair(text))

    result = door(repair)
    if not isinstance(result, tuple):
        return
    _, repaired, (as_is, with_repair) = result
    if not _SHAPED.search(text) and not _has_rtl(text) and repaired != text:
        raise Finding("repair changed text that has no right-to-left characters")
    if with_repair != importing.clean_text(repaired).text:
        raise Finding("the preview does not show what the repair stores")


def _has_rtl(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN", "RLE", "RLO", "RLI")
               for ch in text)
