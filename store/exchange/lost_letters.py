"""Cells of a sheet saved in a code page that lacks some of the project's characters.

Excel's «CSV» on Arabic Windows is Windows-1256: it writes «?» (or, by Windows' best
fit, a digit's own value) for what that code page lacks - Arabic-Indic digits «١٩٤٨»,
«٪», emoji, a narrow no-break space. Outside Arabic Windows («ASCII» here) every
character beyond ASCII becomes «?». store.exchange.csv_format reads such a file
(read_csv_text names its encoding): a cell is taken as the project's own text when it
differs only where the code page lost characters (kept_in, lost_in), and a note edited
in the sheet gets back the characters lost around the edit (restored).

Nothing here reads a file or a project: text in, text out.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from itertools import accumulate
from unicodedata import digit, normalize


def alike(text: str) -> str:
    """*text* composed (NFC), its line ends one kind: what a sheet re-saved elsewhere
    may have changed without changing a word."""
    return normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def kept_in(read_as: str, original: str, cell: str) -> bool:
    """Whether *cell* is *original* as a file in the encoding *read_as* could hold it: a
    sheet saved by Excel on Arabic Windows («CSV», Windows-1256) has «?» for what that
    encoding lacks — Arabic-Indic digits «١٩٤٨», «٪», a narrow no-break space — and every
    claim near one was refused, its sheet's verdicts with it (rv95). (Or the digit's
    own value, as Windows' best fit writes it.) One saved in a code page without Arabic
    (*read_as* "ASCII") has «?» for every character beyond ASCII."""
    if cell == original or alike(cell) == alike(original):
        # (a sheet's cells decomposed, or their line ends made CRLF by a Windows editor,
        # were refused line by line, «prefix does not match», their cause unsaid: rv95; a
        # note kept decomposed before)
        return True
    return read_as in _LOSSY and len(cell) == len(original) and all(
        theirs == ours or _LOSSY[read_as](ours, theirs)
        for ours, theirs in zip(original, cell, strict=True))


def lost_in(read_as: str, original: str, cell: str) -> bool:
    """Whether *cell* is *original* with characters the encoding *read_as* lacks lost
    (kept_in, but not the same text)."""
    return len(cell) == len(original) and read_as in _LOSSY and any(
        theirs != ours and _LOSSY[read_as](ours, theirs)
        for ours, theirs in zip(original, cell, strict=True)) and kept_in(read_as, original, cell)


def restored(read_as: str, original: str, cell: str) -> str | None:
    """*cell*, a note edited in a sheet saved in the encoding *read_as*, with the
    characters that encoding lost given back where the words around them are as they
    were (an editor's added line took the note's «١٩٤٨» to «????» with it, rv131); text
    the editor typed stays as typed, «?» and all. None when a word that lost letters
    («??????») is left in the cell outside the note's own words, where it cannot be
    placed (a long note edited throughout): the caller keeps the project's note."""
    best: tuple[int, str, bool] | None = None  # (letters given back, the note, unplaced)
    # (a space before each: the note's first word, once the editor typed before it, is
    # a word after a space like any other; taken off again below)
    original, cell = " " + original, " " + cell
    for saved in _as_saved(read_as, original):
        if saved == original:  # nothing in it the file could lose
            return cell[1:]
        ours = [found.span() for found in _WORDS.finditer(saved)]
        theirs = [found.span() for found in _WORDS.finditer(cell)]
        # The words the two begin and end with alike, then those between compared (the
        # whole of a long note compared took 20 s)
        head = 0
        while head < min(len(ours), len(theirs)) and \
                saved[slice(*ours[head])] == cell[slice(*theirs[head])]:
            head += 1
        tail = 0
        while tail < min(len(ours), len(theirs)) - head and \
                saved[slice(*ours[-1 - tail])] == cell[slice(*theirs[-1 - tail])]:
            tail += 1
        try:
            middle = _Bounded([saved[slice(*span)] for span in ours[head:len(ours) - tail]],
                              [cell[slice(*span)] for span in theirs[head:len(theirs) - tail]]
                              ).get_matching_blocks()
        except _TooCostly:
            continue
        blocks = [(0, 0, head), *((head + i, head + j, n) for i, j, n in middle if n),
                  (len(ours) - tail, len(theirs) - tail, tail)]
        pieces, loose, at, same = [], [], 0, 0  # at: where the cell is taken up to
        given_back: set[int] = set()  # the note's words given back
        for i, j, n in blocks:
            if not n:
                continue
            ours_from, ours_to = ours[i][0], ours[i + n - 1][1]
            theirs_from, theirs_to = theirs[j][0], theirs[j + n - 1][1]
            loose.append(cell[at:theirs_from])
            # A stretch alike gives back what it lost only if long enough to be the
            # note's own words (a «?» the editor typed is no letter the note lost)
            if ours_to - ours_from >= _ANCHORED:
                pieces += [cell[at:theirs_from], original[ours_from:ours_to]]
                given_back.update(range(i, i + n))
                same += ours_to - ours_from
            else:
                pieces += [cell[at:theirs_from], cell[theirs_from:theirs_to]]
                loose.append(cell[theirs_from:theirs_to])
            at = theirs_to
        pieces.append(cell[at:])
        loose.append(cell[at:])
        # A word of the note that lost letters and was not given back, still in what the
        # cell has outside the note's own words: letters lost for good. (One the editor
        # deleted is gone; a «?» or «5» typed, the note's own given back, is as typed.)
        # (And a word all «?», of two or more, such as a lost word: the note pasted twice.)
        lost = {k: saved[a:b].strip() for k, (a, b) in enumerate(ours)
                if saved[a:b] != original[a:b]}
        left = {word for k, word in lost.items() if k not in given_back}
        unplaced = any(word in left or len(word) > 1 and set(word) == {"?"}
                       and word in lost.values()
                       for piece in loose for word in map(str.strip, _WORDS.findall(piece)))
        if best is None or same > best[0]:
            best = (same, "".join(pieces), unplaced)
    if best is None:  # edited throughout: as typed, unless a lost word is in it
        left = _lost_words(read_as, original[1:])
        return None if any(word.strip() in left for word in _WORDS.findall(cell)) \
            else cell[1:]
    return None if best[2] else best[1][1:]


class _TooCostly(Exception):
    """A note whose words would take seconds to compare: compared no further."""


class _Bounded(SequenceMatcher):
    """Two lists of words compared as SequenceMatcher compares them, given up once the
    words and pairs of alike words it has walked pass _WORK_MAX. A note's length did not
    say the cost (one of 510 words edited at both ends was refused as too long, rv140,
    where 3,000 words of a story compare in 14 ms), nor did the pairs of one pass: each
    block found walks the words left again, and a note listing 570 sources «- مصدر N:
    رويترز», each source renamed, took 32 s (rv143). Counted, not timed: a note is given
    back, or not, alike on every machine."""

    def __init__(self, a: list[str], b: list[str]):
        super().__init__(None, a, b, autojunk=False)
        counts = Counter(b)
        # pairs of alike words up to each word of a: a range's cost is a difference
        self._pairs = list(accumulate((counts[word] for word in a), initial=0))
        self._left = _WORK_MAX

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None):
        ahi = len(self.a) if ahi is None else ahi
        self._left -= ahi - alo + self._pairs[ahi] - self._pairs[alo]  # (each word walked)
        if self._left < 0:
            raise _TooCostly
        return super().find_longest_match(alo, ahi, blo, bhi)


def _lost_words(read_as: str, original: str) -> set[str]:
    """The words of *original* as a file in *read_as* holds them, where it lost a letter
    («??????»): one of them left in a note means letters not given back."""
    return {saved[slice(*found.span())].strip()
            for saved in _as_saved(read_as, original)
            for found in _WORDS.finditer(saved)
            if saved[slice(*found.span())] != original[slice(*found.span())]}


def _as_saved(read_as: str, text: str) -> list[str]:
    """*text* as a file in the encoding *read_as* holds it (each way it may)."""
    if read_as == "ASCII":
        return [text.encode("ascii", "replace").decode("ascii")]
    if read_as == "Windows-1256":  # «?», or a digit's own value (Windows' best fit)
        return [text.encode("cp1256", "replace").decode("cp1256"),
                text.translate(_DIGITS).encode("cp1256", "replace").decode("cp1256")]
    return []


_WORDS = re.compile(r"\s*\S+|\s+")  # a note's words, each with the spaces before it
_WORK_MAX = 2_000_000  # words and pairs of them walked comparing a note, at most (~0.4 s)
_ANCHORED = 5  # characters alike, at least, to give back what a stretch lost
_DIGITS = {code: str(digit(chr(code))) for code in (*range(0x0660, 0x066A),
                                                   *range(0x06F0, 0x06FA))}


def _lost_in_ascii(ours: str, theirs: str) -> bool:
    return theirs == "?" and not ours.isascii()


def _lost_in_1256(ours: str, theirs: str) -> bool:
    try:
        ours.encode("cp1256")
    except UnicodeEncodeError:
        return theirs == "?" or theirs in "0123456789" and digit(ours, None) == int(theirs)
    return False


# The encodings a file may have lost characters in, and how a lost one reads
_LOSSY = {"Windows-1256": _lost_in_1256, "ASCII": _lost_in_ascii}
LOSSY_ENCODINGS = frozenset(_LOSSY)
