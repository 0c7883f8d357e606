"""Finding a folded search term in text that is not folded, in that text's own offsets.

The search index holds every text folded, but reading a folded text back from it costs
as much as reading the original, and a hit must end up in the original's code points
anyway (claims are anchored there): reading both, or folding the original again, was
most of a search's time. So a term is looked for in the original itself. Each
character of the folded term stands for the characters folding turns into it
(``fold.folded_from``: «ه» for «ه» and «ة», «a» for «a» and «A»), and the characters
folding removes (harakat, tatweel, invisible marks) may sit between any two of them.
A hit is exactly what ``word_starts.find_spans`` finds in the folded text, mapped back
as ``Folded.to_original`` maps it: from its first letter to its last, with the harakat
drawn on that one (tests hold the two together on any text).

The regular expression begins with one literal character, which the engine looks for
quickly, rather than with a class it would try at every position (ten times slower):
a term starting with «ا», which five characters fold into, is looked for from its
next letter that only one character folds into, and the letters before that are
checked backwards from there.
"""

from __future__ import annotations

import re

from store.text.fold import REMOVED, TRAILING_MARKS, fold_char, folded_from
from store.text.word_starts import LOOKS_AFTER, LOOKS_BEFORE, number_goes_on, starts_word

_REMOVED = frozenset(REMOVED)
_GAP = f"[{re.escape(REMOVED)}]*"  # what folding removes, between two kept characters
_MARKS = f"[{re.escape(''.join(sorted(TRAILING_MARKS)))}]*"  # drawn on a hit's last letter


class UnfoldedTerm:
    """A folded search term (a word or a phrase), found in text that is not folded."""

    __slots__ = ("_before", "_patterns", "_word_start", "_whole_number")

    def __init__(self, term: str):
        sources = [folded_from(ch) for ch in term]
        self._word_start = term[:1].isalnum()
        self._whole_number = term[-1:].isdigit()
        # The character looked for: the first of those with the fewest sources, so that
        # as much of the term as can be is checked by the expression.
        anchor = min(range(len(term)), key=lambda i: len(sources[i]))
        self._before = sources[:anchor][::-1]  # checked backwards from the anchor
        after = "".join(_GAP + _one_of(chars) for chars in sources[anchor + 1:])
        # One expression for each character the anchor stands for, each starting with it;
        # none when a character of the term is nothing folding gives.
        self._patterns = [re.compile(re.escape(ch) + after + _MARKS)
                          for ch in sources[anchor]] if all(sources) else []

    def spans(self, text: str, *, first: bool = False) -> list[tuple[int, int]]:
        """The (start, end) in *text* of each hit, left to right, as find_spans finds
        them in the folded text and to_original maps them back; only the first hit
        when *first*."""
        hits: list[tuple[int, int]] = []
        search = self._search
        found = search(text, 0)
        while found is not None:
            start = self._start(text, found.start())
            end = found.end()
            # Hits do not overlap: the next is looked for after this one, or after a
            # refused one from the next character on.
            if start is not None and (not hits or start >= hits[-1][1]) \
                    and self._checks(text, start, end):
                hits.append((start, end))
                if first:
                    return hits
                found = search(text, end)
            else:
                found = search(text, found.start() + 1)
        return hits

    def _search(self, text: str, pos: int) -> re.Match[str] | None:
        """The leftmost match of the term from its anchor on, at *pos* or after."""
        found = None
        for pattern in self._patterns:
            match = pattern.search(text, pos)
            if match is not None and (found is None or match.start() < found.start()):
                found = match
        return found

    def occurs(self, text: str) -> bool:
        """Whether the term has a hit in *text*."""
        return bool(self.spans(text, first=True))

    def _start(self, text: str, at: int) -> int | None:
        """Where the hit whose anchor is at *at* starts: the term's characters before the
        anchor, read backwards over what folding removes; None if they are not there."""
        for sources in self._before:
            at -= 1
            while at >= 0 and text[at] in _REMOVED:
                at -= 1
            if at < 0 or text[at] not in sources:
                return None
        return at

    def _checks(self, text: str, start: int, end: int) -> bool:
        """find_spans' checks on a hit: a word starts there, a number ends there."""
        if self._word_start:
            before = _folded(text, start, -1)
            if not starts_word(before, len(before)):
                return False
        return not (self._whole_number and number_goes_on(_folded(text, end, 1), 0))


def _one_of(chars: str) -> str:
    return re.escape(chars) if len(chars) == 1 else f"[{re.escape(chars)}]"


def _folded(text: str, at: int, step: int) -> str:
    """The folded text just before *at* (*step* -1: as far as starts_word looks, or to
    the start of *text*) or from it on (*step* 1: as far as number_goes_on looks)."""
    chars: list[str] = []
    wanted = LOOKS_BEFORE if step < 0 else LOOKS_AFTER
    if step < 0:
        at -= 1
    while 0 <= at < len(text) and len(chars) < wanted:
        folded = fold_char(text[at])
        if folded:
            chars.append(folded)
        at += step
    return "".join(chars[::-1] if step < 0 else chars)

