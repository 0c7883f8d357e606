"""How the two PDF readers we write for read a line back into text, modelled so that
:mod:`store.exchange.pdf_layout` can lay each its own text layer to read.

Neither extractor follows UAX #9. Each reads a line left to right as it lies on the page
and undoes right-to-left writing with rules of its own, and the rules disagree: pdfium
mirrors brackets and quotation marks it reads right to left, poppler does not; they
place digits, separators and spaces between Arabic words differently. An ActualText
(PDF 32000-1, 14.9.4) does not help on its own: both read its characters as if laid out
left to right across the glyphs it covers and put them through the same rules, and
pdfium drops from it any character outside the Basic Multilingual Plane. So each gets a
text layer of its own, which the other does not read:

- pdfium (Chrome) reads the glyphs. A cluster's first spacing glyph carries its
  characters, its other glyphs (harakat, parts of a decomposed letter) are drawn as
  outlines. A row of lines on one baseline (a line of the article; a row of the claims
  table, which pdfium reads as one line) takes, left to right, the characters of
  :func:`pdfium_visual`, the inverse of pdfium's reading (CPDF_TextPage::CloseTempLine,
  modelled there and checked against it). Each run is one Tj with no positioning, each
  glyph as wide in the font as HarfBuzz advances it (pdfium reads a gap in a TJ as a
  space), in a ``/Span`` with an empty ActualText, which poppler reads as no text and
  pdfium ignores.
- poppler (pdftotext, Evince, Okular) reads an invisible layer: ``/Span``s whose
  ActualText is the text, each over two glyphs of zero width (``0 Tz``: pdfium skips
  them; ``3 Tr``) at its left and right edge. pdftotext turns each of its lines, read
  left to right, into logical order with TextOutputDev's reorderText, which cannot give
  back some strings at all: on a page with more right-to-left than left-to-right letters,
  a digit, Latin letter or separator followed by spaces or brackets and then an Arabic
  word ("24 عامًا", "، و", "[1]. و"), or by brackets at the line's end. So
  :func:`poppler_pieces` cuts a line there, and each piece becomes a line of its own for
  poppler, in :func:`poppler_visual` order, its words over the piece's glyphs (see
  :func:`poppler_layout` for how poppler is kept from joining pieces, and made to read
  them in order). pdftotext thus writes a line break where a cut left out a space, and
  one between a digit or Latin letter and the bracket after it ("[1" / "]"); the words
  are verbatim.

Known limits: pdfium drops an emoji it reads right to left; where pdfium's reading order
differs from the shown one (a Latin word, a bracket and a claim number inside Arabic),
its characters lie over other glyphs than their own, so a selection by area is off by a
character there; pdftotext -raw, which keeps the content stream's order, gets most but
not all of it right.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from fpdf.bidi import BIDI_BRACKETS

# What pdfium turns a character into when it reads it right to left (found by trying).
MIRRORS = {c: v["pair"] for c, v in BIDI_BRACKETS.items()} | {
    "<": ">", ">": "<", "«": "»", "»": "«", "‹": "›", "›": "‹", "“": "”", "”": "“",
    "‘": "’", "’": "‘", "≤": "≥", "≥": "≤"}
PIECE_OVERLAP = 0.6  # poppler: how far a piece reaches into its neighbour (font sizes)
WORD_GAP = 1.5  # poppler: words nearer than this (font sizes) may make one line
PIECE_STEP = 0.01  # poppler: how far below the piece before it a piece lies (points)
# Bidi classes pdfium reads as weak, and poppler as numbers (found by trying both).
_WEAK = {"EN", "AN", "NSM", "CS", "ES", "ET"}
_NUMBER = {"EN", "AN", "CS", "ES", "ET"}


@dataclass
class PlacedLine:
    """A drawn line, as the readers see it: its text, each character's left and right
    edge, its baseline (points, from the page's bottom left) and font size."""

    text: str
    edges: list[tuple[float, float, int]]  # and the run the character is in
    baseline: float
    size: float


def pdfium_visual(row: list[str]) -> list[str]:
    """For each line of a row (lines on one baseline, left to right), the characters to
    lay over its carriers, left to right, for pdfium to give back the line.

    pdfium (CPDF_TextPage::CloseTempLine) reads a row as one line, with a space between
    lines that stand apart; cuts it into runs of left-to-right letters (L), right-to-left
    letters (R), weak characters (digits, separators, marks: W) and the rest (N); reads
    the runs from the right when there are more R runs than L runs, else from the left;
    gives a run back reversed and mirrored when it is R, or N read while the last L or R
    run was R, else as it stands. Each line's runs are put where that reading finds them.
    """
    runs = [_runs(text, _pdfium_kind) for text in row]
    right = sum(kind == "R" for line in runs for kind, _ in line) > sum(
        kind == "L" for line in runs for kind, _ in line)
    current, out = "R" if right else "L", [""] * len(row)
    for n in reversed(range(len(row))) if right else range(len(row)):
        pieces = []
        for kind, run in runs[n]:
            if kind == "R" or (kind == "N" and current == "R"):
                current = "R"
                run = "".join(MIRRORS.get(c, c) for c in reversed(run))
            elif kind != "W":
                current = "L"
            pieces.append(run)
        out[n] = "".join(reversed(pieces) if right else pieces)
    return out


def poppler_pieces(text: str, ltr: bool) -> list[tuple[int, int]]:
    """[start, end) of the parts of a line that pdftotext can give back, one line each,
    on a page poppler reads left to right (*ltr*) or right to left.

    poppler's reorderText reads a line as laid out in sections: on a right-to-left page,
    from the right, of characters that are not left-to-right (L: letters, digits,
    separators) and of characters that are not right-to-left (R); a section of the second
    kind ends on an L character, so an L character followed by neutral ones (spaces,
    brackets) and then an R one, or by neutral ones alone, cannot be given back. The same
    with L and R swapped on a left-to-right page. The line is cut after that L
    character; a space after it is left out, as the line break stands for it.
    """
    kinds = [_poppler_kind(c) for c in text]
    stop, go = ("R", "L") if ltr else ("L", "R")
    pieces, start = [], 0
    for i, kind in enumerate(kinds[:-1]):
        if kind != stop or kinds[i + 1] != "X":
            continue
        after = next((k for k in kinds[i + 1:] if k != "X"), go)
        if after == go:
            pieces.append((start, i + 1))
            start = i + 2 if text[i + 1] == " " else i + 1
    pieces.append((start, len(text)))
    return [(a, b) for a, b in pieces if b > a]


def poppler_visual(piece: str, ltr: bool) -> str:
    """What reorderText turns into *piece* (one of :func:`poppler_pieces`): its sections
    in the order poppler reads them, each section that poppler reverses reversed."""
    return "".join(piece[i] for i in _poppler_order(piece, ltr))


def _poppler_order(piece: str, ltr: bool) -> list[int]:
    """The indices of *piece*'s characters in :func:`poppler_visual`'s order."""
    kinds = [_poppler_kind(c) for c in piece]
    sections, i, reverse = [], 0, not ltr
    while i < len(piece):
        end = next((j for j in range(i, len(piece)) if kinds[j] == ("L" if reverse else "R")),
                   len(piece))
        sections.append(range(end - 1, i - 1, -1) if reverse else range(i, end))
        i, reverse = end, not reverse
    return [n for section in (sections if ltr else reversed(sections)) for n in section]


def poppler_layout(written: list[PlacedLine], ltr: bool):
    """(word, left, right, baseline, size) of every word of poppler's text layer on a
    page. A piece's characters, as poppler is to read them, lie over the piece's
    characters as laid out, left to right, and make words between its spaces and where
    a run ends (poppler cuts a page, as for a selection, by these words). Pieces
    follow each other downwards, in the order they were written (poppler orders the
    lines of a block by baseline); where a row's pieces stand near each other, the last
    word of the left one reaches into the right one (poppler ends a line where a word
    overlaps the one before it). A piece's words are written in the order they are read
    (pdftotext -raw keeps it; on a page poppler read left to right, an Arabic line's words
    were written from its left and -raw gave them back last first, rv214), the parts of
    one word left to right (each by its first character, «بالمئة» after «12» came out
    «با لمئة», rv227)."""
    rows: dict[float, list[list[list]]] = {}
    for line in written:
        row = rows.setdefault(round(line.baseline, 1), [])
        for a, b in poppler_pieces(line.text, ltr):
            baseline = line.baseline - len(row) * PIECE_STEP
            words: list[list] = []
            run, gap = None, 0
            for n, (x0, x1, in_run) in zip(_poppler_order(line.text[a:b], ltr),
                                           sorted(line.edges[a:b]), strict=True):
                char = line.text[a + n]
                if char == " ":
                    words.append([])
                    gap += 1
                elif words and words[-1] and in_run == run:
                    words[-1][0] += char
                    words[-1][2] = x1
                    words[-1][5] = min(words[-1][5], n)
                    words[-1][8] = char
                else:
                    words.append([char, x0, x1, baseline, line.size, n, gap, char, char])
                run = in_run
            if any(words):
                row.append([word for word in words if word])
    for row in rows.values():
        for before, piece in pairwise(sorted(row, key=lambda piece: piece[0][1])):
            first, last = piece[0], before[-1]
            if first[1] - last[2] < WORD_GAP * first[4]:
                last[2] = max(last[2], first[1] + PIECE_OVERLAP * first[4])
        for piece in row:  # in reading order, for pdftotext -raw, which keeps it
            units: list[list[list]] = []
            for word in piece:
                if units and _one_word(units[-1][-1], word):
                    units[-1].append(word)
                else:
                    units.append([word])
            for unit in sorted(units, key=lambda unit: min(word[5] for word in unit)):
                yield from (tuple(word[:5]) for word in unit)


def _one_word(left: list, right: list) -> bool:
    """Whether two words of a piece, side by side, are parts of one word: no space
    between them, and letters (or digits) of one direction either side. A run of glyphs
    ends under a word's characters where they are not its own (the «12» under «بالمئة»'s
    «با», a claim's colour beginning after «و»); a bracket next to a digit or letter,
    such as a claim's marker, is written apart, in reading order."""
    return left[6] == right[6] and _poppler_kind(left[8]) == _poppler_kind(right[7]) != "X"


def _runs(text: str, kind_of) -> list[tuple[str, str]]:
    """(kind, characters) of each run of characters of one kind."""
    runs: list[tuple[str, str]] = []
    for char in text:
        kind = kind_of(char)
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + char)
        else:
            runs.append((kind, char))
    return runs


def _pdfium_kind(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    return "L" if kind == "L" else "W" if kind in _WEAK else "N"


def _poppler_kind(char: str) -> str:
    """R, L (poppler's left-to-right and number characters, which it treats alike) or X."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    return "L" if kind == "L" or kind in _NUMBER else "X"


def poppler_reads_ltr(texts: list[str]) -> bool:
    """Whether poppler reads a page with these lines left to right: unless its
    right-to-left letters are more than its left-to-right ones."""
    kinds = [unicodedata.bidirectional(c) for text in texts for c in text]
    return sum(k == "L" for k in kinds) >= sum(k in ("R", "AL") for k in kinds)
