"""Finding a folded search term in text that is not folded, in that text's own offsets.

The search index holds every text folded, but reading a folded text back from it costs
as much as reading the original, and a hit must end up in the original's code points
anyway (claims are anchored there): reading both, or folding the original again, was
most of a search's time. So a term is looked for in the original itself. Each
character of the folded term stands for the characters folding turns into it
(«ه» for «ه» and «ة», «a» for «a» and «A»), and the characters
folding removes (harakat, tatweel, invisible marks) may sit between any two of them.
A hit is exactly what ``word_starts.find_spans`` finds in the folded text, mapped back
as ``Folded.to_original`` maps it: from its first letter to its last, with the harakat
drawn on that one (tests hold the two together on any text).

A phrase's gaps (``word_starts.phrase_words``) stand for a short run of the characters
that fold into white space or a gap's punctuation, with what folding removes among them.

The regular expression begins with one literal character, which the engine looks for
quickly, rather than with a class it would try at every position (ten times slower):
a term starting with «ا», which five characters fold into, is looked for from its
next letter that only one character folds into, and the letters before that are
checked backwards from there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from store.text.fold import REMOVED, TRAILING_MARKS, fold
from store.text.word_starts import (
    LOOKS_AFTER,
    LOOKS_BEFORE,
    MAX_GAP,
    NUMBER_LOOKS_BEFORE,
    after_lam,
    follows_lam,
    is_gap,
    leading_digits,
    merged,
    number_came_before,
    number_goes_on,
    phrase_words,
    starts_word,
)

_REMOVED = frozenset(REMOVED)
# What folding removes, between two kept characters: taken all at once (possessive, "*+"),
# never given back. What follows it (a character something folds into, a gap's) is never a
# character folding removes, so giving some back could not make a match, and the engine
# kept a place to go back to at every occurrence of the anchor, where most tries fail
# (the hit expression of «الدفاع المشترك» took a fifth longer over the benchmark's texts).
_GAP = f"[{re.escape(REMOVED)}]*+"
_MARKS = f"[{re.escape(''.join(sorted(TRAILING_MARKS)))}]*"  # drawn on a hit's last letter
# The characters of news text, the commonest first: the space and Arabic letters. A term
# is looked for from its character the fewest characters fold into, then the rarest
# (the engine stops at each one to try the expression)...
_COMMON = " اليمونهرتبعدفقسكحجشطصذخثزضغظ"
# ...that starts the term or this many characters of it: the expression checks those
# at C speed, and a shorter end of a word is found too often to check the rest by hand.
_SUFFIX = 3


class UnfoldedTerm:
    """A folded search term (a word or a phrase), found in text that is not folded."""

    __slots__ = ("_after_lam", "_before", "_before_together", "_first", "_lam",
                 "_leading_digits", "_search", "_whole_number", "_word_start")

    def __init__(self, term: str, *, lam: bool = False):
        """*lam*: the term as written after the preposition ل (``after_lam``), found
        only there."""
        words = phrase_words(term)
        # The phrase a character at a time, a gap between its words as None
        chars: list[str | None] = list(words[0])
        for word in words[1:]:
            chars += [None, *word]
        sources = [None if ch is None else _folded_from(ch) for ch in chars]
        self._lam = lam
        dropped = None if lam else after_lam(words[0])
        self._after_lam = UnfoldedTerm(" ".join([dropped, *words[1:]]), lam=True) \
            if dropped else None
        self._first = sources[0] or ""  # what folds into its first letter
        self._word_start = words[0][:1].isalnum()
        self._leading_digits = leading_digits(words[0])
        self._whole_number = words[-1][-1:].isdigit()
        # (In the first word: the characters before the anchor are checked one by one.)
        anchor = min((i for i in range(len(words[0])) if i == 0 or len(chars) - i >= _SUFFIX),
                     key=lambda i: (len(sources[i] or ""), _commonness(words[0][i])))
        self._before = sources[:anchor][::-1]  # checked backwards from the anchor
        # The same, when nothing folding removes lies between them (most hits): one
        # expression, not a character at a time (a phrase's anchor may be far into it).
        self._before_together = re.compile("".join(map(_one_of, sources[:anchor]))).fullmatch
        after = "".join(_word_gap() if chars is None else _GAP + _one_of(chars)
                        for chars in sources[anchor + 1:])
        # One expression for each character the anchor stands for, each starting with it;
        # none when a character of the term is nothing folding gives.
        patterns = [re.compile(re.escape(ch) + after + _MARKS)
                    for ch in sources[anchor]] if "" not in sources else []
        self._search: Callable[[str, int], re.Match[str] | None] = \
            patterns[0].search if len(patterns) == 1 else functools.partial(_leftmost, patterns)

    def spans(self, text: str, *, first: bool = False) -> list[tuple[int, int]]:
        """The (start, end) in *text* of each hit, left to right, as find_spans finds
        them in the folded text and to_original maps them back; only the first hit
        when *first*."""
        if self._after_lam is None:
            return self._own_spans(text, first)
        return self._spans_with_lam(text, first, self._after_lam)

    def _spans_with_lam(self, text: str, first: bool, lam: UnfoldedTerm
                        ) -> list[tuple[int, int]]:
        """spans of a term with the article: its hits, and its hits after the
        preposition ل, from one look for the term without its alef (``after_lam``),
        which both hold (looking for each on its own read every text twice).

        Each place the term without its alef occurs (every one, overlapping too) is a
        hit of the term if an alef comes before it, and a hit after ل if a ل does; each
        kind keeps its hits apart as spans does. Places come by where they start, and
        each one's alef or ل before it, so the first hit kept is the first of all."""
        own: list[tuple[int, int]] = []
        after: list[tuple[int, int]] = []
        own_end = after_end = 0  # of the last hit of each kind: hits do not overlap
        search, before = lam._search, lam._before
        found = search(text, 0)
        while found is not None:
            at = found.start()
            start = lam._start(text, at) if before else at
            found, end = search(text, at + 1), found.end()
            if start is None:
                continue
            letter = start - 1  # the letter before it: an alef, or the preposition ل
            while letter >= 0 and text[letter] in _REMOVED:
                letter -= 1
            if letter < 0:
                continue
            if text[letter] in self._first and letter >= own_end \
                    and self._checks(text, letter, end):
                own.append((letter, end))
                own_end = end
            elif text[letter] in lam._first and start >= after_end \
                    and lam._checks(text, start, end):  # ل, and then the article's
                after.append((start, end))
                after_end = end
            else:
                continue
            if first:
                break
        return merged(own, after)

    def _own_spans(self, text: str, first: bool) -> list[tuple[int, int]]:
        """spans, without the term's hits after the preposition ل."""
        hits: list[tuple[int, int]] = []
        search, before, checks = self._search, self._before, self._checks
        end = 0  # of the last hit: hits do not overlap
        found = search(text, 0)
        while found is not None:
            at = found.start()
            start = self._start(text, at) if before else at
            if start is not None and start >= end and checks(text, start, found.end()):
                end = found.end()
                hits.append((start, end))
                if first:
                    break
                found = search(text, end)
            else:  # refused: looked for again from the next character on
                found = search(text, at + 1)
        return hits

    def occurs(self, text: str) -> bool:
        """Whether the term has a hit in *text*."""
        return bool(self.spans(text, first=True))

    def _start(self, text: str, at: int) -> int | None:
        """Where the hit whose anchor is at *at* starts: the term's characters before the
        anchor, read backwards over what folding removes; None if they are not there."""
        if self._before_together(text, at - len(self._before), at):
            return at - len(self._before)
        for sources in self._before:
            at -= 1
            while at >= 0 and text[at] in _REMOVED:
                at -= 1
            if at < 0 or text[at] not in sources:
                return None
        return at

    def _checks(self, text: str, start: int, end: int) -> bool:
        """find_spans' checks on a hit: a word starts there (or, for the term after ل,
        that ل does), a number ends there."""
        if self._lam:
            follows = _follows_lam_after_plain(text[start - LOOKS_BEFORE:start]) \
                if start >= LOOKS_BEFORE else None
            if follows is None:
                before = _folded_before(text, start)
                follows = follows_lam(before, len(before))
            if not follows:
                return False
        elif self._word_start and start:
            starts = _starts_word_after_plain(text[start - LOOKS_BEFORE:start]) \
                if start >= LOOKS_BEFORE else None
            if starts is None:
                starts = _starts_word_after(_folded_before(text, start))
            if not starts:
                return False
            if self._leading_digits and not text[start - 1].isspace():  # (the common case)
                before = _folded_before(text, start, NUMBER_LOOKS_BEFORE + 1)
                if number_came_before(before, len(before), self._leading_digits):
                    return False
        return not (self._whole_number and number_goes_on(_folded_after(text, end), 0))


def _leftmost(patterns: list[re.Pattern[str]], text: str, pos: int) -> re.Match[str] | None:
    """The leftmost match of any of *patterns* in *text* at *pos* or after."""
    found = None
    for pattern in patterns:
        match = pattern.search(text, pos)
        if match is not None and (found is None or match.start() < found.start()):
            found = match
    return found


def _commonness(ch: str) -> int:
    """How common *ch* is in news text: 0 for a character not in _COMMON."""
    at = _COMMON.find(ch)
    return len(_COMMON) - at if at >= 0 else 0


def _one_of(chars: str) -> str:
    return re.escape(chars) if len(chars) == 1 else f"[{re.escape(chars)}]"


@functools.cache
def _word_gap() -> str:
    """The expression of a phrase's gap in text that is not folded: one to MAX_GAP
    characters folding turns into a gap's, and what folding removes among them."""
    gap = "".join(_folded_from(ch) for ch in map(chr, range(0x10000)) if is_gap(ch))
    return f"{_GAP}(?:[{re.escape(gap)}]{_GAP}){{1,{MAX_GAP}}}"


def _folded_before(text: str, at: int, length: int = LOOKS_BEFORE) -> str:
    """The folded text before *at*, *length* characters of it, as far back as starts_word
    looks (or number_came_before, for a hit starting with a digit), or all of it."""
    start = max(0, at - length)
    while len(before := _fold_few(text[start:at])) < length and start:
        start = max(0, start - max(length, at - start))  # folding removed some: twice
        # as far back (a few more each time: seconds after a long run of tatweels, rv186)
    return before[-length:] if start else before


@functools.lru_cache(maxsize=1024)  # a search of 200 hits meets a hundred or two
def _starts_word_after_plain(before: str) -> bool | None:
    """Whether a word starts after the LOOKS_BEFORE characters *before*, when folding
    removes none of them (their folding is then all starts_word looks at); None when it
    does, and the text further back counts too. Keyed by the original characters, the
    few that come before most hits, so a hit costs one look-up, not a folding."""
    folded = _fold_few(before)
    return _starts_word_after(folded) if len(folded) == len(before) else None


@functools.lru_cache(maxsize=1024)
def _follows_lam_after_plain(before: str) -> bool | None:
    """Whether the preposition ل stands at the end of the LOOKS_BEFORE characters
    *before*, where a word starts, when folding removes none of them; None when it does
    (as _starts_word_after_plain: a hit after ل costs a look-up, not a folding)."""
    folded = _fold_few(before)
    return follows_lam(folded, len(folded)) if len(folded) == len(before) else None


@functools.lru_cache(maxsize=4096)
def _starts_word_after(before: str) -> bool:
    """Whether a word starts after *before* (as _folded_before gives it): the same few
    letters come before most hits, «ال» first among them."""
    return starts_word(before, len(before))


def _folded_after(text: str, at: int) -> str:
    """The folded text from *at* on, as far as number_goes_on looks (or to the end)."""
    end = at + LOOKS_AFTER
    while len(after := _fold_few(text[at:end])) < LOOKS_AFTER and end < len(text):
        end += max(LOOKS_AFTER, end - at)  # folding removed some: twice as far on
    return after


def _fold_few(text: str) -> str:
    """``fold(text).text`` of a few characters, by a translation (fold's own ways are
    made for long texts)."""
    return text.translate(_folding()[0])


def _folded_from(ch: str) -> str:
    """Every character folding turns into *ch* ("" if none), in code point order."""
    if ord(ch) >= 0x10000:
        return ch if fold(ch).text == ch else ""
    table, sources = _folding()
    found = sources.get(ch)
    if found is not None:
        return found
    if ord(ch) in table or 0xD800 <= ord(ch) < 0xE000:  # (a lone surrogate: no text's)
        return ""
    return ch  # left as it is, and nothing else becomes it


@functools.cache
def _folding() -> tuple[dict[int, str | None], dict[str, str]]:
    """What folding does to each character of the first plane: a translation table of
    those it changes (None: removed), and the characters it turns into each one, for the
    few (about 1,200) that are more than the one itself: a table of all 62,000 kept 11 MB
    for the whole session. Read from fold itself, so the two cannot disagree (about 20
    ms, at the first search); folding leaves the other planes alone."""
    chars = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    folded = fold(chars)
    into: list[str | None] = [None] * len(chars)
    for at, ch in zip(folded.offsets, folded.text, strict=True):
        into[at] = ch
    table: dict[int, str | None] = {}
    sources: dict[str, list[str]] = {}
    for ch, becomes in zip(chars, into, strict=True):
        if becomes != ch:
            table[ord(ch)] = becomes
        if becomes:
            sources.setdefault(becomes, []).append(ch)
    return table, {ch: "".join(them) for ch, them in sources.items() if them != [ch]}
