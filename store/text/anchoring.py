"""Finding a claim's words again: W3C TextQuoteSelector and TextPositionSelector.

Offsets are Python ``str`` indices (code points, end exclusive). The quote with
a little context on each side lets a claim be re-found when the text around it
moves; the position is only a hint for choosing between repeated quotes.
"""

from __future__ import annotations

import unicodedata

from store.text.fold import fold_for_index
from store.text.word_starts import LOOKS_BEFORE, starts_word

CONTEXT = 32  # code points of prefix and suffix kept with each quote


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, str, str]:
    """(exact, prefix, suffix) for the span ``text[start:end]``."""
    return text[start:end], text[max(0, start - context):start], text[end:end + context]


def occurrences(text: str, quote: str) -> list[int]:
    """Start of every occurrence of *quote*, overlapping ones included."""
    if not quote:
        return []
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def locate(text: str, quote: str, prefix: str = "", suffix: str = "",
           hint: int | None = None, within: tuple[int, int] | None = None) -> int | None:
    """Where *quote* now starts in *text*, or None if it is gone.

    Among all occurrences the one whose surroundings best match the stored
    prefix and suffix wins; ties go to the one nearest the old position. A quote that
    began or ended at a word's edge is found only where it still does («5%» is not the
    end of «15%»). *within*, the part of *text* an edit rewrote when the quote stood in
    what it rewrote, is where the quote must now touch: the same words elsewhere stood
    there before the edit, and were other words than the claim's.
    """
    if hint is not None and text[hint:hint + len(quote)] == quote and quote \
            and text[max(0, hint - len(prefix)):hint] == prefix \
            and text[hint + len(quote):hint + len(quote) + len(suffix)] == suffix \
            and _touches(within, hint, len(quote)) and edges_kept(text, hint, quote, prefix,
                                                                   suffix):
        return hint
    candidates = [at for at in occurrences(text, quote) if _touches(within, at, len(quote))
                  and edges_kept(text, at, quote, prefix, suffix)]
    if not candidates:
        return None

    def score(at: int) -> tuple[int, int]:
        distance = abs(at - hint) if hint is not None else 0
        return context_match(text, at, quote, prefix, suffix), -distance

    return max(candidates, key=score)


def _touches(within: tuple[int, int] | None, at: int, length: int) -> bool:
    """Whether words at *at* of *length* touch the span *within* (any, when None)."""
    return within is None or within[0] <= at + length and at <= within[1]


def _in_word(char: str) -> bool:
    """A letter, a digit or a mark on one (harakat): part of a word."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def edges_kept(text: str, at: int, quote: str, prefix: str, suffix: str) -> bool:
    """Whether *quote* at *at* starts and ends at a word's edge wherever its stored
    context had it so, as Tag All Occurrences finds words: a side cut inside a word may
    be found inside one."""
    end = at + len(quote)
    if _in_word(quote[0]) and not _in_word(prefix[-1:] or " ") \
            and at > 0 and _in_word(text[at - 1]) and _glued_on(text, at):
        return False  # (a clitic put before it, «و» or «بال», still leaves it a word)
    return not (_in_word(quote[-1]) and not _in_word(suffix[:1] or " ")
                and end < len(text) and _in_word(text[end]))


def _glued_on(text: str, at: int) -> bool:
    """Whether the word before *at* goes on there, read as search reads it: folded, and
    past the marks folding keeps. A haraka before *at* is drawn on the letter before it;
    starts_word took it for a break, and «سلام» was found at the end of «الإِسلام». (A
    mark after the words is their last letter's: they end inside a word, as «محمدٌ».)"""
    start = at
    while len(before := fold_for_index(text[start:at]) or "") < LOOKS_BEFORE and start:
        start = max(0, start - max(LOOKS_BEFORE, at - start))  # (twice as far back: a
        # run of tatweels folded a few more each time took seconds, rv186)
    stop = len(before)
    while stop and unicodedata.category(before[stop - 1]).startswith("M"):
        stop -= 1
    return stop > 0 and _in_word(before[stop - 1]) and not starts_word(before, stop)


def context_match(text: str, at: int, quote: str, prefix: str, suffix: str) -> int:
    """How many characters around *quote* at *at* in *text* are its stored *prefix* and
    *suffix* (nearest first): which of two places the same words belong to."""
    before = text[max(0, at - len(prefix)):at]
    after = text[at + len(quote):at + len(quote) + len(suffix)]
    return _common_suffix(prefix, before) + _common_prefix(suffix, after)
