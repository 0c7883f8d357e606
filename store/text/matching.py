"""Recognising claims already checked, wherever they reappear in a new text.

Fact-checkers check claims, not spans: «أقوى معاهدة على الإطلاق» comes back in outlets
that copied the wire and in a speech a week later, spelled and cut differently. This
module finds those reappearances, lexically and offline, so the desk's verdict can be
offered where the words come back.

How: every text is folded (``store.text.fold``: harakat, tatweel, hamza forms, ة/ه, ى/ي,
digits; quote marks fall out of tokenising) and cut into words; each word gets a *key*
(``store.text.claim_words``). Known appearances are indexed by key, with IDF weights
over the project's claims. ``find`` keys the new text once; for each appearance it takes
its keys rarest in the text until the others could not reach the score with only one of
them (prefix filtering), and scores only the sentences holding two of those: the best
window of such a sentence is the run of words covering most of the claim's weight with
fewest foreign words. Words left out and replaced by others, a different number, a
different named actor, a negation the claim does not have (or lacks one it has), or a
word saying the opposite of one of the claim's (rose/fell, more/fewer) pull the score
down, because that is how a sentence sharing the words states another claim. Precision
comes before recall: a missed reappearance costs a search, a wrong suggestion costs
trust.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, compress, repeat
from math import fsum, log
from operator import not_
from typing import NamedTuple, TypeVar

from rapidfuzz.distance import Indel

from store.collector import no_collection
from store.text.claim_words import (
    ACTORS,
    ATTRIBUTION,
    CLAUSE_STARTS,
    CONJUNCTIONS,
    CURRENCY_SIGNS,
    DEGREES,
    DENIALS,
    FIGURE_ENDS,
    GLUED_SCALE,
    HOME,
    JOINED,
    MINUS_AFTER,
    NEGATORS,
    NUMBER,
    PERCENT_ENDS,
    PHRASE_FIRST,
    PROCLITICS,
    RANGE_WORDS,
    SIGNED,
    SIGNS,
    SPOKEN_ENDS,
    YEAR,
    a_change,
    a_count,
    a_day,
    another_dollar,
    bare,
    denies,
    ended_by,
    figure_ended,
    is_number,
    join_figures,
    join_phrases,
    join_spoken,
    key_of,
    key_words,
    numbers_in,
    opposite,
    range_first,
    resolved,
    sides_in,
    sign_figures,
    stem,
    trim,
)
from store.text.fold import SparseFolded, fold
from store.text.suggestion import Suggestion

DEFAULT_MIN_SCORE = 0.6
KINDS = ("exact", "folded", "reordered", "abbreviated", "paraphrase")

# (A figure with its separators is one word, and with its minus sign, and with the scale's
# letter glued to it: «3.6m» was «3.6» and a word «m», no 3.6 million - rv226; a currency's
# sign is a word of its own, no content word, but a figure's currency; a minus after it.)
_WORD = re.compile(
    rf"{SIGNED}|{MINUS_AFTER}|{NUMBER}(?:(?:{GLUED_SCALE})(?![^\W_]))?|[^\W_]+|[{CURRENCY_SIGNS}]")
# Where a sentence ends; a full stop glued to the next character (3.5, U.S.-led) does not.
# Written as one class of characters first, its conditions after: the regex engine then
# jumps from one of those characters to the next instead of trying every position (a
# megabyte in 3 ms, not 8). Says the same as r"[.!?؟](?=[\s\"'«»“”‘’)]|$)|[\n\u2028\u2029;؛]".
# (a paragraph or line separator ends a sentence as a line break does: «…الحرب\u2029بدأت»
# was suggested as one span across the paragraph's end; rv95)
_MARK = re.compile(r"[.!?؟\n\u2028\u2029;؛](?:(?<=[\n\u2028\u2029;؛])|(?=[\s\"'«»“”‘’)]|$))")
_TOKEN = re.compile(f"{_WORD.pattern}|{_MARK.pattern}")
_MARKS = frozenset(".!?؟\n\u2028\u2029;؛")
_PERCENT_SIGN = re.compile("[ \u00a0\u202f]?%")  # (after a figure: «5%», «14 %»; ٪ folded)
# A sign right before a figure, as some Arabic pages store «5%»: «%5». Not a figure's sign
# after it (that of «10 %5» is the 10's).
_SIGN_BEFORE = re.compile("(?<!\\d)(?<!\\d[ \u00a0\u202f])%(?=\\d)")
_RANGE_MARKS = ("-", "—")  # (and RANGE_WORDS: what joins a range's figures)
# «from» and «to» right before a figure: which end of a change it is (``_near``).
_TOWARD = {fold(word).text: f"<{end}" for end, words in (("from", "from من"), ("to", "to إلى"))
           for word in words.split()}
_NOT_CONTENT = frozenset({None, JOINED})  # the keys of stop words and of a name's others
_T = TypeVar("_T")



# --- the public types -------------------------------------------------------------------

class MatchingStopped(Exception):  # noqa: N818 - a signal to the caller, not a failure
    """A scan given up because its answer is no longer wanted (a newer request came)."""


@dataclass(frozen=True, slots=True)
class KnownClaim:
    """One known appearance of a claim: its quote exactly as tagged somewhere.

    ``start``/``end`` say where it is tagged in ``article_id`` when known, so
    that scanning that article does not offer the claim back on its own words.
    """

    claim_id: str
    text: str
    label: str = ""
    article_id: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class _Appearance:
    claim: KnownClaim
    trimmed: str
    words: tuple[str, ...]          # folded words, stop words included
    bare: tuple[str, ...]           # the same, first one without a conjunction
    keys: tuple[str, ...]           # content keys in the claim's order (repeats kept)
    keyset: frozenset[str]
    surfaces: dict[str, str]        # key -> the claim's own (bare) spelling
    lead: int                       # stop words before the first content word
    content_at: tuple[int, ...]     # the word of each of ``keys``
    trail: int                      # stop words after the last (and its figure's words)
    numbers: frozenset[str]
    negated: bool
    denial: bool                    # the claim itself denies (its words are said denied)
    opposed: frozenset[tuple[int, int]]  # what says the opposite of its words (sides_in)
    scaled: frozenset[str]          # figures said with their scale or percent after them
    figure_words: dict[str, _Sides]  # each figure's words no other has on that side
    days: frozenset[str]            # figures said as a month's day («26 May»)
    counted: tuple[tuple[int, str, frozenset[str]], ...]  # a figure counting the word after
                                    # it: its word, that word's key, its values (_counted)
    duals: frozenset[str]           # the keys of its nouns said in the dual in «ان» (_duals)
    ranges: frozenset[tuple[str, str, bool]]  # the keys of each of its ranges' two figures,
                                              # and whether it is a change («from 5 to 7»)
    sentences: tuple[int, ...]      # per word, its sentence in the claim; () for only one
    weight: dict[str, float] = field(default_factory=dict)
    total: float = 0.0


@dataclass(slots=True)
class _Text:
    """The new text, folded and keyed once per ``find``; sentences are looked at lazily."""

    # Tuples, not lists, of strings and numbers: the garbage collector stops tracking
    # such a tuple the first time it meets it, and no longer walks its 100,000 items
    # every time it looks at the young objects while the scan runs.
    folded: SparseFolded
    words: tuple[str, ...]
    keys: tuple[str | None, ...]
    sentence_of: tuple[int, ...]              # sentence number of each word (ascending)
    # The sentence of each word whose key the claims have, grouped by key in the text's
    # order: key k's are grouped[starts[k]:ends[k]]. One flat tuple, not a list or set per
    # key: thousands of containers living through a scan made the collector walk the
    # whole heap every other scan (25-60 ms each time).
    grouped: tuple[int, ...]
    at: tuple[int, ...]                       # and the word itself, likewise grouped
    starts: dict[str, int]
    ends: dict[str, int]
    counts: dict[str, int]                    # key -> words with it (the keys above)
    _marks: list[tuple[int, int]] | None = None  # folded spans of the sentence marks
    _content_before: tuple[int, ...] | None = None
    _bounds: dict[int, tuple[int, int]] = field(default_factory=dict)
    _spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def sentence(self, s: int) -> tuple[int, int]:
        """First word and end word of sentence ``s``."""
        if s not in self._bounds:
            self._bounds[s] = (bisect_left(self.sentence_of, s),
                               bisect_left(self.sentence_of, s + 1))
        return self._bounds[s]

    def places(self, key: str) -> Iterator[tuple[int, int]]:
        """(sentence, word) of each word with ``key``, in the text's order."""
        start, end = self.starts.get(key, 0), self.ends.get(key, 0)
        return zip(self.grouped[start:end], self.at[start:end], strict=True)

    def hits(self, s: int, keys: Iterable[str]) -> list[tuple[int, str]]:
        """(word, key) of each word of sentence ``s`` with one of ``keys``, in the text's
        order: found in the grouped index, at a cost of its hits, not of the sentence's
        length (a transcript has no sentence marks: its one sentence was read whole for
        every claim it might hold, 160,000 characters in 19 s - rv237)."""
        grouped, at, starts, ends = self.grouped, self.at, self.starts, self.ends
        hits: list[tuple[int, str]] = []
        for k in keys:
            if k in starts:
                lo = bisect_left(grouped, s, starts[k], ends[k])
                hi = bisect_left(grouped, s + 1, lo, ends[k])
                hits.extend(zip(at[lo:hi], repeat(k, hi - lo), strict=True))
        hits.sort()
        return hits

    @property
    def content_before(self) -> tuple[int, ...]:
        """Per word, the content words of the text before it; last, all of them."""
        if self._content_before is None:
            self._content_before = (0, *accumulate(map(not_, map(_NOT_CONTENT.__contains__,
                                                                  self.keys))))
        return self._content_before

    def word_spans(self, s: int) -> list[tuple[int, int]]:
        """Folded-text spans of the words of sentence ``s`` (found again: only candidates)."""
        if s not in self._spans:
            if self._marks is None:
                self._marks = [m.span() for m in _MARK.finditer(self.folded.text)]
            marks = self._marks
            start = marks[s - 1][1] if s else 0
            end = marks[s][0] if s < len(marks) else len(self.folded.text)
            self._spans[s] = [m.span() for m in _WORD.finditer(self.folded.text, start, end)]
        return self._spans[s]


# --- the index --------------------------------------------------------------------------

class ClaimIndex:
    """Known appearances of the project's claims, keyed for finding them in new text.

    Built once per project (or after claims change; ~1 s for 10,000 claims, so off
    the GUI thread); one index serves every article opened. ``find`` changes nothing
    but a memo of the keys of the words it has seen, which articles of one project
    mostly share.
    """

    def __init__(self, claims: Iterable[KnownClaim], *,
                 background: ClaimIndex | None = None) -> None:
        """``background``: an index whose claims weigh this one's words too, so that a
        few claims added since it was built score as they would inside it."""
        claims = list(claims)
        # Each wording is read once: a claim tagged wherever its words recur (Tag All)
        # has one wording for all its places (the benchmark's 50,000 places have 10,895).
        wordings = {text: _words(text) for text in dict.fromkeys(c.text for c in claims)}
        # Two passes: a claim word keeps its proclitic (لكوريا) only if no claim uses
        # the word without it; then a text word finds either spelling.
        plain = frozenset(k for words in wordings.values() for k in key_words(words)
                          if k is not None)
        keyed = {words: key_words(words, plain, shortest=True) for words in wordings.values()}
        self._alias: dict[str, str] = {}
        for words, keys in keyed.items():
            for word, key in zip(words, keys, strict=True):
                if key and key[0] in PROCLITICS and len(word) >= 4 and word[0] == key[0]:
                    self._alias.setdefault(key_of(word[1:]) or key, key)
        self._appearances: list[_Appearance] = []
        made: dict[str, _Appearance | None] = {}  # the first place of each wording
        for claim in claims:
            if claim.text not in made:
                words = wordings[claim.text]
                appearance = made[claim.text] = _appearance(claim, words, keyed[words])
            elif (first := made[claim.text]) is not None:  # the same words: its own place
                appearance = replace(first, claim=claim, weight={})
            else:
                appearance = None
            if appearance is not None:
                self._appearances.append(appearance)
        self._weigh(background)
        # What a scan looks for: a claim tagged in the same words in many places (Tag
        # All in an article that repeats it) is looked for once, not once per place.
        distinct: dict[tuple[str, tuple[str, ...]], _Appearance] = {}
        for a in self._appearances:
            distinct.setdefault((a.claim.claim_id, a.words), a)
        self._looked_for = list(distinct.values())
        self._vocabulary = frozenset(k for a in self._appearances for k in a.keyset)
        self._memo: dict[str, str | None] = {}
        self._name_starts: set[str] = set()  # memo words that may begin a name of two words

    def __len__(self) -> int:
        return len(self._appearances)

    @property
    def claim_count(self) -> int:
        """Distinct claims among the appearances (what the weights count)."""
        return self._claims

    def _weigh(self, background: ClaimIndex | None) -> None:
        """IDF over distinct claims (not appearances: rewordings of one claim are one voice)."""
        claims_with: dict[str, set[str]] = defaultdict(set)
        for a in self._appearances:
            for k in a.keyset:
                claims_with[k].add(a.claim.claim_id)
        self._claims = len({a.claim.claim_id for a in self._appearances})
        self._df = {k: len(ids) for k, ids in claims_with.items()}
        df, n = self._df, self._claims
        if background is not None:
            n += background._claims
            df = {k: d + background._df.get(k, 0) for k, d in df.items()}
        scale = _idf("", 1, n)
        for a in self._appearances:
            # (a figure said with its scale weighs as its words did, the scale as a word of
            # this claim's: «3 مليارات» left out is what was checked left out)
            a.weight = {k: _idf(k, df[k], n) + (k in a.scaled and scale) for k in a.keyset}
            # (fsum, here and wherever weights are added: a sum rounded once, whatever
            # the order, and a keyset's order is the hash seed's; a window holding all the
            # claim's words scored 1.0 in one session and 0.9999999999999999 in another,
            # and negated, 0.5 on either side of a bar at 0.5)
            a.total = fsum(a.weight.values())

    # -- finding --

    def find(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE,
             skip_article: str | None = None) -> list[Suggestion]:
        """Suggestions in ``text``, best first: at most one per claim and overlapping span.

        ``skip_article`` is the id of the article ``text`` belongs to: a claim is
        not offered back on the words where it is already tagged there.
        """
        return self.scan(text, min_score=min_score, skip_article=skip_article)[0]

    def scan(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE,
             skip_article: str | None = None, limit: int | None = None,
             stop: Callable[[], bool] | None = None,
             skip_claims: Collection[str] = ()) -> tuple[list[Suggestion], bool]:
        """``find``, bounded: it ends once ``limit`` places are found (a text that repeats
        itself holds every claim many times over) and raises :class:`MatchingStopped` as
        soon as ``stop()`` says so. Returns the suggestions and whether the scan was whole.
        The claims in *skip_claims* are not looked for (nor counted).
        """
        if not self._appearances or not text:
            return [], True
        with no_collection():  # (store.collector: a twentieth of a scan, for nothing)
            return self._scan(text, min_score, skip_article, limit, stop, skip_claims)

    def _scan(self, text: str, min_score: float, skip_article: str | None,
              limit: int | None, stop: Callable[[], bool] | None,
              skip_claims: Collection[str]) -> tuple[list[Suggestion], bool]:
        doc = self._read(text)
        own = self._own_places(doc, skip_article)
        # A window must reach the bar with words found as such; fuzzy matches (a few
        # letters off) only make up for penalties, so that candidates stay few.
        floor = max(0.3, min_score)
        found: list[tuple[float, int, int, str, str]] = []
        for number, a in enumerate(self._looked_for):
            if stop is not None and number % 64 == 0 and stop():
                raise MatchingStopped
            claim_id = a.claim.claim_id
            if claim_id in skip_claims:
                continue
            taken = own.get(claim_id, ())
            for start, end, score, kind in self._matches(a, doc, floor, min_score, stop):
                if score >= min_score and not any(start < e and s < end for s, e in taken):
                    found.append((score, start, end, claim_id, kind))
            # (the limit reached by the last claim looked for: nothing was left unread,
            # and «repeats known claims too often to search it all» was said - rv162)
            if limit is not None and len(found) >= limit and (
                    len(found) > limit or number + 1 < len(self._looked_for)):
                return _best_per_span(found), False
        return _best_per_span(found), True

    def _read(self, text: str) -> _Text:
        folded = SparseFolded(text)  # few spans are mapped back: no per-character map
        tokens = _TOKEN.findall(folded.text)
        is_mark = list(map(_MARKS.__contains__, tokens))  # (C loops: a 1 MiB text has
        is_word = list(map(not_, is_mark))                 # some 100,000 words)
        words = tuple(compress(tokens, is_word))
        sentence_of = tuple(compress(accumulate(is_mark), is_word))
        keys = tuple(self.key_words(words))
        known = list(map(self._vocabulary.__contains__, keys))
        found = list(compress(keys, known))
        counts = Counter(found)
        # (accumulate gives one total more than there are keys: the last is no start)
        starts = dict(zip(counts, accumulate(counts.values(), initial=0), strict=False))
        grouped, at = [0] * len(found), [0] * len(found)
        ends = starts.copy()  # each key's end once its words are placed
        for key, s, i in zip(found, compress(sentence_of, known),
                             compress(range(len(words)), known), strict=True):
            grouped[ends[key]], at[ends[key]] = s, i
            ends[key] += 1
        return _Text(folded, words, keys, sentence_of, tuple(grouped), tuple(at), starts,
                     ends, counts)

    def key_words(self, words: Sequence[str]) -> list[str | None]:
        """Keys of the text's words; a word's key is kept for the next text (a project's
        articles share most of their words)."""
        memo = self._memo
        if len(memo) > 1_000_000:
            memo.clear()
            self._name_starts.clear()
        vocabulary, alias = self._vocabulary, self._alias
        unique = set(words)
        for word in unique.difference(memo):
            key = key_of(word)
            if key is not None and key not in vocabulary and key[0] != "@":
                key = resolved(word, key, vocabulary, alias)
            memo[word] = key
            if key is not None and (key in PHRASE_FIRST or key[1:] in PHRASE_FIRST):
                self._name_starts.add(word)
        keys = list(map(memo.__getitem__, words))
        firsts = self._name_starts.intersection(unique)
        if firsts:
            join_phrases(keys, list(compress(range(len(words)), map(firsts.__contains__, words))))
        if not SPOKEN_ENDS.isdisjoint(unique):
            join_spoken(words, keys, compress(range(len(words)), map(SPOKEN_ENDS.__contains__,
                                                                     words)))
        if not FIGURE_ENDS.isdisjoint(unique):
            join_figures(words, keys, compress(range(len(words)), map(FIGURE_ENDS.__contains__,
                                                                      words)))
        if not SIGNS.isdisjoint(unique):
            sign_figures(words, keys, compress(range(len(words)), map(SIGNS.__contains__, words)))
        return keys

    def _matches(self, a: _Appearance, doc: _Text, floor: float, min_score: float,
                 stop: Callable[[], bool] | None) -> list[tuple[int, int, float, str]]:
        """The claim's places in the text, asking ``stop()`` on the way: one claim said
        thousands of times in a transcript held a cancelled scan for seconds (rv237)."""
        if a.sentences:  # (its words in a row, over as many sentence ends as it has)
            rows = (_row_judged(a, doc, s, p - a.lead)
                    for s, p in _heeding(doc.places(a.keys[0]), stop))
            found = [row for row in rows if row is not None]
            if len(a.keyset) < 2:
                return found
            return found + self._matches(replace(a, sentences=()), doc, floor, min_score, stop)
        if len(a.keyset) < 2:
            # One content word («في بوتين»): only the same words in a row say the same.
            rows = (_in_a_row(a, doc, s, p - a.lead)
                    for s, p in _heeding(doc.places(a.keys[0]), stop))
            return [row for row in rows if row is not None]
        grouped, starts, ends = doc.grouped, doc.starts, doc.ends
        present = list(starts.keys() & a.keyset)
        weight = a.weight
        reach = fsum(map(weight.__getitem__, present))
        target = floor * a.total
        if reach < target:
            return []
        # Prefix filtering: take the keys rarest in the text until the others, plus any
        # one of those taken, fall short of the floor. A window reaching the floor then
        # holds two of the keys taken, so only sentences holding two are looked at.
        present.sort()  # rarest in the text first, then by spelling (for determinism)
        present.sort(key=doc.counts.__getitem__)
        seen: set[int] = set()
        twice: set[int] = set()
        heaviest = 0.0
        for k in present:
            here = grouped[starts[k]:ends[k]]
            twice.update(seen.intersection(here))
            seen.update(here)
            w = weight[k]
            reach -= w
            if w > heaviest:
                heaviest = w
            if reach + heaviest < target:
                break
        found: list[tuple[int, int, float, str]] = []
        for s in _heeding(sorted(twice), stop, 64):
            found.extend(_score_sentence(a, doc, s, floor, min_score, stop))
        return found

    def _own_places(self, doc: _Text, article: str | None) -> dict[str, list[tuple[int, int]]]:
        """Per claim, the words where it is tagged in ``article``: never offered back."""
        own: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if article is None:
            return own
        for a in self._appearances:
            if a.claim.article_id != article:
                continue
            if a.claim.start is not None and a.claim.end is not None:
                own[a.claim.claim_id].append((a.claim.start, a.claim.end))
            else:
                own[a.claim.claim_id].extend(doc.folded.find_all(a.trimmed))
        return own


def _idf(key: str, df: int, n: int) -> float:
    weight = 1.0 + log((n + 1) / (df + 0.5))
    return max(weight, 3.0) if is_number(key) else weight


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(trim(text)).text))


def _appearance(claim: KnownClaim, words: tuple[str, ...],
                keys_all: list[str | None]) -> _Appearance | None:
    trimmed = trim(claim.text)
    content = [i for i, k in enumerate(keys_all) if k is not None and k != JOINED]
    if not content:
        return None
    keys = tuple(keys_all[i] for i in content)
    surfaces: dict[str, str] = {}
    for i in content:
        surfaces.setdefault(keys_all[i], bare(words[i]))

    return _Appearance(
        claim=claim, trimmed=trimmed, words=words,
        bare=(bare(words[0]), *words[1:]), keys=keys, keyset=frozenset(keys),
        surfaces=surfaces, lead=content[0], content_at=tuple(content),
        trail=len(words) - 1 - max(i for i, k in enumerate(keys_all) if k is not None),
        numbers=frozenset(numbers_in(words)),
        negated=any(w in NEGATORS or bare(w) in NEGATORS for w in words),
        denial=any(denies(words, i) for i in range(len(words))),
        opposed=opposite(sides_in(words)),
        scaled=frozenset(keys_all[i] for i in content if is_number(keys_all[i]) and JOINED
                         in keys_all[i + 1:i + 3]),
        figure_words=_figure_words(words, keys_all, content),
        days=frozenset(keys_all[i] for i in content if a_day(words, keys_all, i)),
        counted=_counted(words, keys_all, content),
        duals=_duals(words, keys_all, content),
        # (figures keyed as such: a text's «30» is not found as the claim's «و30», nor
        # should that be taken for an end left out)
        ranges=frozenset((keys_all[first], keys_all[i], a_change(words, first)) for i in content
                         if is_number(keys_all[i]) and (first := range_first(words, i)) is not None
                         and is_number(keys_all[first] or "")),
        sentences=_sentences(trimmed) if _MARKS.intersection(trimmed) else (),
    )


def _figure_words(words: Sequence[str], keys: Sequence[str | None],
                  content: Sequence[int]) -> dict[str, _Sides]:
    """Per figure of the claim's (in its order; none for fewer than two), the keys of the
    words before it and after it that no other figure has on that side: the words it goes
    with (``_figures_swapped``)."""
    figures: dict[str, int] = {}
    for i in content:
        if (k := keys[i]) is not None and _stated(words, keys, i):
            figures.setdefault(k, i)
    if len(figures) < 2:
        return {}
    near = {k: _near(words, keys, i, 0, len(words)) for k, i in figures.items()}
    return {k: _Sides(*(mine.difference(*(theirs[side] for other, theirs in near.items()
                                           if other != k))
                        for side, mine in enumerate(sides)))
            for k, sides in near.items()}


def _counted(words: Sequence[str], keys: Sequence[str | None],
             content: Sequence[int]) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """Per figure of the claim's right before a word of its own («100 شخص», «مئة شخص»,
    "5 people"), no percentage by its words: the figure's word, that word's key, and the
    figure's values (``_count_dropped``). One or two is no count: a singular or dual noun or
    "a" says it as well («جندي», «شخصان», "a couple of"); "a person" was refused for "one
    person" at 0.30, and «واحد», said after its noun, counted the word after it (rv272)."""
    found: list[tuple[int, str, frozenset[str]]] = []
    for i in content:
        if a_count(words, keys, i):
            j = _past_figure(keys, i, len(words)) + 1
            if j < len(words) and (k := keys[j]) not in _NOT_CONTENT \
                    and not is_number(k.lstrip(PROCLITICS)) and words[j - 1] not in PERCENT_ENDS \
                    and not (values := frozenset(numbers_in(words[i:j]))) <= _ONE_TWO:
                found.append((i, k, values))
    return tuple(found)


_ONE_TWO = frozenset({"1", "2"})


def _duals(words: Sequence[str], keys: Sequence[str | None],
           content: Sequence[int]) -> frozenset[str]:
    """The keys of the claim's words said in the nominative dual, «ان» on a word the stem
    takes it off («شخصان», «جنديان»: two), no article and no figure of the claim's before
    them: a noun counting two, weighed against a figure where the text counts it
    (``_dual_counted``). Not the «ين» of «شخصين»: it is the sound plural's too («مدنيين»,
    «لاجئين»), which counts nothing."""
    return frozenset(
        k for i in content if (word := words[i]).endswith("ان") and len(word) >= 5
        and not word.startswith("ال") and (k := keys[i]) is not None and k[0] != "@"
        and not is_number(k) and stem(word) == stem(word[:-2])
        and not (i and a_count(words, keys, i - 1)))


class _Sides(NamedTuple):
    before: frozenset[str]
    after: frozenset[str]

    def meet(self, other: _Sides) -> bool:
        """Whether a word stands on the same side in both."""
        return not (self.before.isdisjoint(other.before) and self.after.isdisjoint(other.after))


def _stated(words: Sequence[str], keys: Sequence[str | None], i: int) -> bool:
    """Whether word *i* is a figure a claim states: no year, no day of a month."""
    k = keys[i]
    return k is not None and is_number(figure := k.lstrip(PROCLITICS)) \
        and not YEAR.fullmatch(figure) and not a_day(words, keys, i)


def _near(words: Sequence[str], keys: Sequence[str | None], at: int, first: int,
          stop: int) -> _Sides:
    """The keys of the two content words before and after the figure at *at* (from *first*
    to *stop*), none past another figure; before them, «from» or «to» right before it: «fell
    from 8% to 6%» is «fell to 6% from 8%», not «fell from 6% to 8%»."""
    sides: list[frozenset[str]] = []
    for step in (-1, 1):
        near: list[str] = []
        i = at + step
        while first <= i < stop and len(near) < 2:
            if (k := keys[i]) is not None and k != JOINED:
                if _stated(words, keys, i):
                    break
                near.append(k)
            i += step
        sides.append(frozenset(near))
    i = at - 1
    while i >= first and words[i] in CURRENCY_SIGNS:
        i -= 1
    if i >= first and (toward := _TOWARD.get(bare(words[i]))) is not None:
        sides[0] |= {toward}
    return _Sides(*sides)


def _sentences(text: str) -> tuple[int, ...]:
    """The sentence of each word of a claim, counted from 0, as the text's are; () when
    all are in one. A claim tagged over «؛», a full stop or a line break was looked for
    only inside one sentence, and not suggested even word for word (rv224)."""
    tokens = _TOKEN.findall(fold(text).text)
    is_mark = list(map(_MARKS.__contains__, tokens))
    sentences = tuple(compress(accumulate(is_mark), map(not_, is_mark)))
    return sentences if sentences and sentences[-1] else ()


# --- scoring one sentence ---------------------------------------------------------------

def _in_a_row(a: _Appearance, doc: _Text, s: int,
              at: int) -> tuple[int, int, float, str] | None:
    """The claim's words in a row from word ``at`` of sentence ``s``: exact or folded (and
    over as many sentence ends, in the same places, as the claim has), stating its figures."""
    hi = _row_end(a, doc, s, at)
    if hi is None or not _same_figures(a, doc, at, hi):
        return None
    words = doc.words
    # «وفي مارس» for a claim tagged from «في مارس»: leave the conjunction out.
    drop = int(words[at] != a.words[0] and words[at][1:] == a.words[0])
    start, end = _span(doc, s, at, hi, drop)
    exact = doc.folded.original[start:end] == a.trimmed
    return start, end, (1.0 if exact else 0.97), ("exact" if exact else "folded")


def _row_end(a: _Appearance, doc: _Text, s: int, at: int) -> int | None:
    """The last word of the claim's words in a row from word ``at`` of sentence ``s``, with
    the rest of a figure they end on («rose to 5» of «rose to 5 percent», rv226); None
    where they are not in a row."""
    first, stop = doc.sentence(s)
    n = len(a.words)
    if a.sentences:
        stop = doc.sentence(s + a.sentences[-1])[1]
    words = doc.words
    if not (first <= at and at + n <= stop and words[at + 1:at + n] == a.bare[1:]
            and bare(words[at]) == a.bare[0]):
        return None
    if a.sentences and tuple(t - s for t in doc.sentence_of[at:at + n]) != a.sentences:
        return None
    return _past_figure(doc.keys, at + n - 1, stop)


def _same_figures(a: _Appearance, doc: _Text, at: int, hi: int) -> bool:
    """Whether the claim's words in a row from word *at* (to *hi*, the figure they end on
    taken whole) state its figures: with the scale or percent words the text writes after
    them, and with its percent signs, which are no words. «…fell to 5%» was offered at
    0.97 in «…fell to 5 million», «…إلى 5%» in «…إلى 5 آلاف» (rv225): words alone. Its
    dollar no other country's (``another_dollar``)."""
    words, n = doc.words, len(a.words)
    ended = figure_ended(words, hi) if hi >= at + n else None
    if ended is not None and numbers_in(words[at:hi + 1]) != a.numbers:
        return False  # (a scale after it: another value)
    said = {i for i in range(at, at + n) if _percent_after(doc, i)}
    if ended is not None and words[hi] in PERCENT_ENDS:
        said.add(ended[0])
    said = _ranged(said, words, lambda i: _between(doc, i), at, hi)
    first, stop = doc.sentence(doc.sentence_of[at])  # («C$5 billion»: its «C» before them)
    return {i - at for i in said} == _percent_signs(a) and not another_dollar(
        a.numbers, numbers_in(words[max(first, at - 2):min(stop, hi + 3)]))


def _percent_signs(a: _Appearance, words: bool = False) -> set[int]:
    """The claim's words that are figures with a percent sign after or right before them
    (or percent *words* after them), and the figures before those in a range."""
    text = a.claim.text  # (the trimmed claim lost the «%» it ends on, or starts on)
    before = text.find(a.trimmed)
    after = before + len(a.trimmed)
    head = fold(text[max(0, before - 3):before + 1]).text  # (to its first character)
    claim = fold("%" * _sign_before(head, len(head) - 1) + a.trimmed + text[after:after + 2]).text
    spans = [m.span() for m in _WORD.finditer(claim)]
    signs = {i for i, (start, end) in enumerate(spans)
             if (_PERCENT_SIGN.match(claim, end) and claim[end - 1].isdigit())
             or _sign_before(claim, start) or (words and ended_by(a.words, i, PERCENT_ENDS))}
    return _ranged(signs, [claim[start:end] for start, end in spans],
                   lambda i: claim[spans[i][1]:spans[i + 1][0]] if i + 1 < len(spans) else None,
                   0, len(spans) - 1)


def _figures_swapped(a: _Appearance, doc: _Text, first: int, stop: int,
                     matched: dict[str, int]) -> bool:
    """Whether the claim's figures found in a window changed places while the words they go
    with stayed: a figure away from its own words, by another's that is away from its own.
    «inflation hit 7% while unemployment hit 5%» and «من 7% إلى 5%» were offered at 0.95 for
    the claim's 5% and 7% the other way round (rv258); compared by their order alone, the
    claim said with its figures moved along with their words («On 26 May Israel killed 21»,
    «At least 120 people were injured and 45 killed») was refused at 0.38 (rv265). Years and
    a month's days are no such figures: "rose in 2023 to 30 percent" is "rose to 30 percent
    in 2023"; but a day said for a count, or a count for a day, is another figure («killed 26
    people on 21 May»). Figures with no words of their own are compared by their order."""
    words, keys = doc.words, doc.keys
    if any((k in a.days) != a_day(words, keys, i) for k, i in matched.items() if is_number(k)):
        return True
    owns = a.figure_words
    figures = [k for k in owns if k in matched]
    if len(figures) < 2:
        return False
    if not any(owns[k].before or owns[k].after for k in figures):
        return sorted(figures, key=matched.__getitem__) != figures
    near = {k: _near(words, keys, matched[k], first, stop) for k in figures}
    lost = [k for k in figures if not near[k].meet(owns[k])]
    return any(near[k].meet(owns[other]) for k in lost for other in lost if other != k)


def _count_dropped(a: _Appearance, doc: _Text, first: int, lo: int, hi: int, stop: int,
                   matched: dict[str, int]) -> bool:
    """Whether a word the claim counts stands in the window with no figure right before
    it, and the claim's figure is not said there: «قتل شخص في الهجوم» was offered at 0.86
    for «قتل مئة شخص في الهجوم», as a claim's words left out cost only their weight (rv264).
    Not a shortened claim: its figure left out with the words it counts is left out; nor a
    percentage («5% growth»), no count."""
    words, keys = doc.words, doc.keys
    said: set[str] | None = None
    for i, noun, values in a.counted:
        if (at := matched.get(noun)) is None or at > first and (
                keys[at - 1] == JOINED or numbers_in(words[at - 1:at])):
            continue
        if said is None:
            said = numbers_in(words[lo:_past_figure(keys, hi, stop) + 1])
        if not values <= said and i not in _percent_signs(a):
            return True
    return False


def _dual_counted(a: _Appearance, doc: _Text, first: int, matched: dict[str, int]) -> bool:
    """Whether a noun the claim says in the dual (``_duals``: two) is counted in the window
    by another figure right before it: «قتل شخصان» was offered at 0.8 for «قتل 100 شخص»
    (fx100). The dual is read as two only there, where a figure says another count: said
    alone («قتل شخص») the text states no figure to compare."""
    words, keys = doc.words, doc.keys
    for k in a.duals:
        if (at := matched.get(k)) is None or at <= first:
            continue
        i = at - 1
        while i > first and keys[i] == JOINED:  # (to a figure's first word: «مئة ألف»)
            i -= 1
        if a_count(words, keys, i) and not numbers_in(words[i:at]) <= _ONE_TWO:
            return True
    return False


def _other_percents(a: _Appearance, doc: _Text, matched: dict[str, int]) -> bool:
    """Whether a figure of the claim's found in a window is a percentage in one of the
    claim and the text and not in the other (a sign or percent words after it): the
    claim's «إلى 5% في مارس» was offered at 0.8 for «إلى 5 نقاط في مارس» and at 0.96 for
    "to 5°C in March", as if it said the same (rv237). A figure keyed with a proclitic
    glued on is one too: the claim's «بـ150 دولارا» was offered at 0.84 for «150%» (rv250)."""
    figures = [k for k in matched if is_number(k.lstrip(PROCLITICS))]
    if not figures:
        return False
    percents = _percent_signs(a, words=True)
    return any((a.content_at[a.keys.index(k)] in percents) != _percent_in(doc, matched[k])
               for k in figures)


def _percent_in(doc: _Text, i: int) -> bool:
    """Whether the text's figure *i* is a percentage: a sign or percent words with it, or
    with the next figure of its range («25 and 30 percent», «25 و30%»; rv249)."""
    while not (_percent_after(doc, i) or ended_by(doc.words, i, PERCENT_ENDS)):
        if (i := _range_next(doc.words, i, lambda j: _between(doc, j))) is None:
            return False
    return True


def _ranged(percents: set[int], words: Sequence[str], gap: Callable[[int], str | None],
            lo: int, hi: int) -> set[int]:
    """*percents* (of *words*, figures from *lo* to *hi*) with the figures before them in
    a range: «بين 25 و 30 في المئة» and "between 25 and 30 percent" were no percentage in
    their 25, and not offered for «بين 25% و30%» (0.96 -> 0.4; rv249)."""
    for i in range(hi, lo - 1, -1):
        if i not in percents and _range_next(words, i, gap) in percents:
            percents.add(i)
    return percents


def _range_next(words: Sequence[str], i: int, gap: Callable[[int], str | None]) -> int | None:
    """The next figure of a range the figure *words[i]* starts («25» of «25 to 30», «25
    و30», «25-30»): a word or dash joining them (*gap*: what stands between two words,
    None across a sentence's end)."""
    if not _range_figure(words[i]) or YEAR.fullmatch(words[i]) or (between := gap(i)) is None:
        return None
    between = between.strip(" \u00a0\u202f%")
    if not between and words[i + 1] in RANGE_WORDS:
        j = i + 2
        if (after := gap(i + 1)) is None or after.strip(" \u00a0\u202f%"):
            return None
    elif between in _RANGE_MARKS or (not between and words[i + 1][:1] == "و"):
        j = i + 1
    else:
        return None
    return j if _range_figure(words[j]) else None


def _range_figure(word: str) -> bool:
    """Whether a folded word is a figure in digits, «و» glued before it or not («و30»)."""
    return is_number(word) or (word[:1] == "و" and is_number(word[1:]))


def _between(doc: _Text, i: int) -> str | None:
    """The folded text between the text's words *i* and *i + 1*; None across a sentence's
    end."""
    s = doc.sentence_of[i]
    first, stop = doc.sentence(s)
    if i + 1 >= stop:
        return None
    spans = doc.word_spans(s)
    return doc.folded.text[spans[i - first][1]:spans[i + 1 - first][0]]


def _percent_after(doc: _Text, i: int) -> bool:
    """Whether the text's word *i* is a figure with a percent sign after it («5%», «5 %»)
    or right before it («%5»)."""
    s = doc.sentence_of[i]
    start, end = doc.word_spans(s)[i - doc.sentence(s)[0]]
    text = doc.folded.text
    return (bool(_PERCENT_SIGN.match(text, end)) and text[end - 1].isdigit()
            or _sign_before(text, start))


def _sign_before(text: str, start: int) -> bool:
    """Whether the figure at *start* of folded *text* has its percent sign right before it
    («%5», as some Arabic pages store «5%»), not one a figure before it ends on."""
    return start > 0 and _SIGN_BEFORE.match(text, start - 1) is not None


def _score_sentence(a: _Appearance, doc: _Text, s: int, floor: float, min_score: float,
                    stop: Callable[[], bool] | None) -> Iterator[tuple[int, int, float, str]]:
    hits = doc.hits(s, a.keyset)
    found = {k for _, k in hits}
    if len(found) < 2 or fsum(map(a.weight.__getitem__, found)) < floor * a.total:
        return
    used: set[int] = set()
    for _ in range(3):  # a claim said twice in one sentence is found twice
        window = _best_window(a, doc.content_before, [h for h in hits if h[0] not in used],
                              floor, stop)
        if window is None:
            return
        lo, hi, matched = window
        used.update(range(lo, hi + 1))
        result = _judge(a, doc, s, lo, hi, matched, min_score)
        if result is not None:
            yield result


def _heeding(items: Iterable[_T], stop: Callable[[], bool] | None,
             every: int = 4096) -> Iterator[_T]:
    """*items*, asking ``stop()`` after every *every* of them (raising
    :class:`MatchingStopped` when it says so)."""
    if stop is None:
        yield from items
        return
    for n, item in enumerate(items, 1):
        if n % every == 0 and stop():
            raise MatchingStopped
        yield item


def _best_window(a: _Appearance, content_before: Sequence[int], hits: list[tuple[int, str]],
                 floor: float,
                 stop: Callable[[], bool] | None) -> tuple[int, int, dict[str, int]] | None:
    """The run of words covering most of the claim's weight with fewest foreign words
    (``content_before[i]``: content words of the text before its word ``i``)."""
    limit = len(a.words) + max(6, len(a.words) // 2)
    weights, total, keys = a.weight, a.total, a.keys
    bar = floor * total
    best: tuple[float, int, int, dict[str, int]] | None = None
    for x, (lo, _) in enumerate(_heeding(hits, stop)):
        matched: dict[str, int] = {}
        seen: dict[str, int] = {}
        weight = 0.0
        repeats = 0  # a key the claim says twice (مارس/آذار), found twice: a hair better
        before = content_before[lo]
        for y in range(1, len(hits) - x + 1):  # (not hits[x:]: a copy per hit, rv237)
            hi, k = hits[x + y - 1]
            if hi - lo >= limit:
                break
            if k not in matched:
                matched[k] = hi
                weight += weights[k]
            times = seen[k] = seen.get(k, 0) + 1
            repeats += 1 < times <= keys.count(k)
            if weight < bar:
                continue
            foreign = content_before[hi + 1] - before - y
            value = weight / total - 0.03 * max(0, foreign) + 0.001 * repeats
            if (best is None or value > best[0] + 1e-9
                    or (value > best[0] - 1e-9 and hi - lo < best[2] - best[1])):
                best = (value, lo, hi, dict(matched))
    return None if best is None else best[1:]


def _judge(a: _Appearance, doc: _Text, s: int, lo: int, hi: int, matched: dict[str, int],
           min_score: float) -> tuple[int, int, float, str] | None:
    """Score the window ``lo..hi`` (word indices) and say what kind of match it is.

    None as soon as the score cannot reach ``min_score``: every check below can only
    lower it.
    """
    first, stop = doc.sentence(s)
    at = matched.get(a.keys[0], -1) - a.lead
    row = _row_judged(a, doc, s, at)
    if row is not None:
        return row
    wording = _wording(a, doc, lo, hi, first, stop, s, matched, min_score)
    if wording is None:
        return None
    # (the claim's words in a row, but no row: its figures are not the text's - rv225)
    # (and one end of a range of the claim's without the other: «$7 billion» is not «between
    # $5 and $7 billion», offered at 0.76 - rv258; but a change's new level said alone is
    # what it rose or fell to: «rise to $15» of «rise from $7.25 to $15», 0.31 - rv265)
    other_figures = _row_end(a, doc, s, at) is not None or _other_percents(a, doc, matched) \
        or _figures_swapped(a, doc, first, stop, matched) \
        or _count_dropped(a, doc, first, lo, hi, stop, matched) \
        or _dual_counted(a, doc, first, matched) \
        or any((first in matched) != (second in matched) and not (change and second in matched)
               for first, second, change in a.ranges)
    score = _meaning_weighed(wording.score, a, doc, lo, hi, first, stop, wording.missing,
                             other_figures)
    if not a.denial and _denied_before(doc, s, lo):
        score *= 0.5  # as a negation does
    if score < min_score:
        return None
    # Take along the claim's own stop words where the text has them next to the window.
    lo, hi = _extend(a, doc, lo, hi, first, stop, matched)
    start, end = _span(doc, s, lo, hi)
    return start, end, round(min(score, 0.96), 4), wording.kind(hi - lo + 1 > len(a.words))


def _row_judged(a: _Appearance, doc: _Text, s: int,
                at: int) -> tuple[int, int, float, str] | None:
    """``_in_a_row``, halved where a denial stands before the words."""
    row = _in_a_row(a, doc, s, at)
    if row is not None and not a.denial and _denied_before(doc, s, at):
        return (*row[:2], round(row[2] * 0.5, 4), row[3])
    return row


class _Wording(NamedTuple):
    """How a window's words stand to the claim's: its score by words alone, and what
    decides the kind of match it is."""

    score: float
    missing: list[str]  # the claim's keys not in the window, nor spelled otherwise there
    fuzzy: set[str]  # keys found spelled otherwise (transliterated names, typos)
    substituted: int  # missing keys another word stands in for
    inserted: int  # words of the window's own beyond those
    reworded: float  # weight of keys found in another form than the claim's
    reordered: bool

    def kind(self, longer: bool) -> str:
        """The kind of match, given whether the window (its stop words taken along) is
        *longer* than the claim."""
        if self.reworded or self.fuzzy:
            return "paraphrase"
        if self.reordered:
            return "reordered"
        if self.missing or self.inserted or self.substituted or longer:
            return "abbreviated"
        return "paraphrase"  # every word there, in order, but stop words differ


def _wording(a: _Appearance, doc: _Text, lo: int, hi: int, first: int, stop: int, s: int,
             matched: dict[str, int], min_score: float) -> _Wording | None:
    """The window's score by its words (found, missing, foreign, reworded, reordered);
    None as soon as it cannot reach *min_score*."""
    words, keys = doc.words, doc.keys
    weight = a.weight
    missing = [k for k in a.keyset if k not in matched]
    foreign = [i for i in range(lo, hi + 1)
               if keys[i] is not None and keys[i] != JOINED and keys[i] not in a.keyset]
    matched_weight = fsum(map(weight.__getitem__, matched))
    if foreign and missing:
        if (matched_weight + 0.8 * fsum(map(weight.__getitem__, missing))) / a.total < min_score:
            return None
        fuzzy = _fuzzy(a, missing, [words[i] for i in foreign])
    else:
        fuzzy = set()
    if len(a.keyset) <= 3 and len(foreign) > len(fuzzy):
        return None  # a short claim is a phrase: words of its own between break it
    matched_weight += 0.8 * fsum(map(weight.__getitem__, fuzzy))
    missing = [k for k in missing if k not in fuzzy]
    if matched_weight / a.total < min_score:
        return None
    # A foreign word inside the window, or next to it where the claim was cut, stands
    # in for a missing word: «أقوى تحالف على الإطلاق», «أقوى معاهدة تجارية».
    edge = _edge_foreign(a, doc, lo, hi, first, stop, matched, s) if missing else 0
    substituted = min(len(foreign) - len(fuzzy) + edge, len(missing))
    inserted = max(0, len(foreign) - len(fuzzy) - len(missing))
    score = matched_weight / a.total
    if substituted:
        score -= fsum(map(weight.__getitem__, missing)) / a.total * substituted / len(missing)
    score -= inserted / (len(a.keyset) + inserted)
    reworded = fsum(weight[k] for k, i in matched.items()
                   if bare(words[i]) != a.surfaces[k] and stem(words[i]) != stem(a.surfaces[k]))
    score -= 0.1 * reworded / a.total
    order = [a.keys.index(k) for k in sorted(matched, key=matched.get)]
    reordered = order != sorted(order)
    if reordered:
        score *= 0.95
    if score < min_score:
        return None
    return _Wording(score, missing, fuzzy, substituted, inserted, reworded, reordered)


def _meaning_weighed(score: float, a: _Appearance, doc: _Text, lo: int, hi: int, first: int,
                     stop: int, missing: list[str], other_figures: bool = False) -> float:
    """*score* lowered for what a sentence sharing the words changes to state another
    claim: a negation, a number (or *other_figures*, known so), the actor."""
    words, keys = doc.words, doc.keys
    if a.negated != any((words[i] in NEGATORS or bare(words[i]) in NEGATORS)
                        and (i == hi or bare(words[i + 1]) not in DENIALS)  # («لا ينفي أن»)
                        for i in range(max(first, lo - 3), hi + 1)):
        score *= 0.5
    if a.opposed and a.opposed & _sides_said(doc, lo, hi, first, stop, a.keyset):
        score *= 0.5  # the opposite word, in the window or where the claim was cut
    said = numbers_in(words[lo:_past_figure(keys, hi, stop) + 1])
    if other_figures or a.numbers - said \
            and numbers_in(words[max(first, lo - 3):min(stop, hi + 3)]) - a.numbers \
            or another_dollar(a.numbers, numbers_in(words[max(first, lo - 2):
                                                          _past_figure(keys, hi, stop) + 3])):
        score *= 0.4
    if ACTORS & set(missing) and _another_actor(a, doc, lo, hi, first, stop, set(missing)):
        score *= 0.5
    return score


def _sides_said(doc: _Text, lo: int, hi: int, first: int, stop: int,
                claims: frozenset[str]) -> frozenset[tuple[int, int]]:
    """The sides of _OPPOSITES (``sides_in``) the window ``lo..hi`` takes, with the word next
    to it either side where the claim was cut, and with a rise or fall said just before it:
    «تراجع في البطالة», "a fall in unemployment", "a slowdown in growth" state another claim
    than «ارتفعت البطالة», "unemployment rose", "growth rose" (offered at 0.82; rv274) as
    «انخفاض البطالة», "unemployment fell" do. Before it, as a denial (``_denied_before``):
    back across stop words («في», "in", "of", an article) and the claim's own words
    (*claims*, keys) only, no comma or colon, new clause or conjunction between; a content
    word not the claim's ends the walk, the rise or fall before it being that word's:
    "amid falling exports Egypt's unemployment reached", «مع تراجع الصادرات البطالة…» were
    refused for "Egypt's unemployment rose" (0.739 before; rv281). A degree of the rise or
    fall or a measure of the thing (``DEGREES``) is no such word: «انخفاض حاد في البطالة»,
    "a steep decline in the rate of unemployment" were offered at 0.812 (rv283). And only a
    group taking one side so read, the window's own word, when it takes the other, being
    the one meant."""
    words, keys = doc.words, doc.keys
    said = sides_in(words[max(first, lo - 1):min(stop, hi + 2)])
    back = lo
    s = doc.sentence_of[lo]
    spans, text = doc.word_spans(s), doc.folded.text
    for i in range(lo - 1, max(first, lo - 8) - 1, -1):
        if any(mark in text[spans[i - first][1]:spans[i + 1 - first][0]] for mark in ",،:;؛") \
                or words[i] in ATTRIBUTION or words[i] in CONJUNCTIONS:
            break
        if keys[i] not in _NOT_CONTENT and keys[i] not in claims \
                and bare(words[i]) not in DEGREES and not sides_in(words[i:i + 1]):
            break  # another noun's: «تراجع الصادرات», "falling prices"
        back = i
    if back >= lo - 1:
        return said
    before = sides_in(words[back:min(stop, hi + 2)])
    groups = Counter(group for group, _ in before)
    return said | {side for side in before if groups[side[0]] == 1}


def _another_actor(a: _Appearance, doc: _Text, lo: int, hi: int, first: int, stop: int,
                   missing: set[str]) -> bool:
    """Whether an actor not the claim's stands in the window, or past it where the claim
    was cut, up to three words, no punctuation nor attribution between. Anywhere in the
    sentence, «وقال وزير الخارجية الفرنسي إن روسيا…», "…, more than Germany" halved the
    claim their words repeat (rv226); a leader's own country is his."""
    words, keys, spans, text = doc.words, doc.keys, doc.word_spans(doc.sentence_of[lo]), \
        doc.folded.text
    kin = a.keyset | {HOME[k] for k in a.keyset if k in HOME}

    def other(i: int) -> bool:
        k = keys[i]
        return k in ACTORS and k not in kin and HOME.get(k) not in kin

    def edge(at: int, step: int) -> Iterator[int]:
        for i in range(at + step, at + 4 * step, step):
            if not first <= i < stop or any(mark in text[spans[min(i, i - step) - first][1]:
                                                         spans[max(i, i - step) - first][0]]
                                            for mark in ",،:;؛()"):
                return
            if words[i] in ATTRIBUTION and words[i] not in a.words:
                return
            yield i

    return any(map(other, range(lo, hi + 1))) or (
        a.keys[0] in missing and any(map(other, edge(lo, -1)))) or (
        a.keys[-1] in missing and any(map(other, edge(_past_figure(keys, hi, stop), 1))))


def _denied_before(doc: _Text, s: int, lo: int) -> bool:
    """Whether a denial stands before word *lo* of sentence *s*: among the three content
    words before it, no comma or colon nor a new clause between («نفى الوزير الاتهامات،
    وقال إن…», "denied the report but said…" deny something else)."""
    first = doc.sentence(s)[0]
    words, keys, spans, text = doc.words, doc.keys, doc.word_spans(s), doc.folded.text
    content = 0
    for i in range(lo - 1, max(first, lo - 8) - 1, -1):
        if any(mark in text[spans[i - first][1]:spans[i + 1 - first][0]] for mark in ",،:"):
            return False
        if words[i] in CLAUSE_STARTS:
            return False
        if denies(words, i):
            return True
        content += keys[i] not in _NOT_CONTENT
        if content == 3:
            return False
    return False


def _fuzzy(a: _Appearance, missing: list[str], foreign: list[str]) -> set[str]:
    """Missing claim words spelled slightly otherwise here (transliterated names, typos)."""
    found: set[str] = set()
    for k in missing:
        surface = a.surfaces[k]
        if len(surface) < 5 or k.startswith("@") or is_number(surface):
            continue
        if any(len(w) >= 5 and Indel.normalized_similarity(surface, bare(w)) >= 0.8
               for w in foreign):
            found.add(k)
    return found


def _edge_foreign(a: _Appearance, doc: _Text, lo: int, hi: int, first: int, stop: int,
                  matched: dict[str, int], s: int) -> int:
    """Sides where the claim was cut and the text runs on, with no punctuation between,
    into a word of its own."""
    order = [a.keys.index(k) for k in matched]
    keys, spans, text = doc.keys, doc.word_spans(s), doc.folded.text
    after = _past_figure(keys, hi, stop) + 1

    def runs_on(left: int, right: int) -> bool:  # (a figure's percent sign is no break)
        return not text[spans[left - first][1]:spans[right - first][0]].strip().lstrip("%")

    def into_own(at: int, step: int, gap: list[str]) -> bool:
        """Whether the text runs on from its word *at*, over the claim's own stop words
        *gap* (those between where it was cut and its next word; «مع», «إن»), into a word
        of its own: «الحدود مع بيلاروسيا» for «الحدود مع أوكرانيا»."""
        for word in gap:
            if not first <= at + step < stop or keys[at + step] is not None or \
                    bare(words[at + step]) != bare(word) or not runs_on(*sorted((at, at + step))):
                return False
            at += step
        other = at + step
        while step < 0 and other > first and keys[other] == JOINED:  # (a name's last word)
            other -= 1
        return first <= other < stop and keys[other] is not None and keys[other] != JOINED \
            and keys[other] not in a.keyset and runs_on(*sorted((at, other)))

    words, near = doc.words, a.content_at
    last, start = max(order), min(order)
    tail = last < len(a.keys) - 1 and (
        into_own(after - 1, 1, []) or into_own(after - 1, 1, _gap(a, near[last], near[last + 1])))
    head = start > 0 and (
        into_own(lo, -1, []) or into_own(lo, -1, _gap(a, near[start - 1], near[start])[::-1]))
    return int(tail) + int(head)


def _gap(a: _Appearance, left: int, right: int) -> list[str]:
    """The claim's stop words between its words *left* and *right*."""
    return [word for word in a.words[left + 1:right] if key_of(word) is None]


def _extend(a: _Appearance, doc: _Text, lo: int, hi: int, first: int, stop: int,
            matched: dict[str, int]) -> tuple[int, int]:
    """Widen the window over the claim's own stop words where the text has them around it."""
    words = doc.words
    if matched.get(a.keys[0]) == lo:
        for j in range(a.lead - 1, -1, -1):
            if lo - 1 < first or bare(words[lo - 1]) != bare(a.words[j]):
                break
            lo -= 1
    ends_claim = matched.get(a.keys[-1]) == hi
    hi = _past_figure(doc.keys, hi, stop)
    if ends_claim:
        for word in a.words[len(a.words) - a.trail:]:
            if hi + 1 >= stop or words[hi + 1] != word:
                break
            hi += 1
    return lo, hi


def _past_figure(keys: Sequence[str | None], hi: int, stop: int) -> int:
    """The last word of the figure or name that word *hi* begins or is in (its scale, its
    «في المئة», a name's other words; *stop*: the sentence's end): a span ending inside one
    cut «5 في المئة» to «5 في», and its figure read without its scale was another number."""
    while hi + 1 < stop and (keys[hi + 1] == JOINED or (
            keys[hi + 1] is None and hi + 2 < stop and keys[hi + 2] == JOINED)):
        hi += 1 if keys[hi + 1] == JOINED else 2
    return hi


def _span(doc: _Text, s: int, lo: int, hi: int, drop: int = 0) -> tuple[int, int]:
    """Original code-point span of words ``lo..hi`` of sentence ``s`` (less ``drop``
    leading characters of the first word), with the percent sign of a figure it ends on:
    «بنسبة 20%» is the figure, and an accepted suggestion's quote is what is exported."""
    first = doc.sentence(s)[0]
    last = doc.sentence_of[hi]  # (s, or a later one for a claim over sentence ends)
    start, end = doc.folded.to_original(doc.word_spans(s)[lo - first][0] + drop,
                                        doc.word_spans(last)[hi - doc.sentence(last)[0]][1])
    text = doc.folded.original
    if end < len(text) and text[end] in "%\u066a" and text[end - 1].isdigit():
        end += 1
    return _with_both_brackets(text, start, end)


_BRACKETS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def _with_both_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the bracket that closes (or opens) one it holds: the words end at
    a word, and «بيونغ يانغ (EPA)» was suggested as «بيونغ يانغ (EPA», its «(» in it and
    its «)» left out (rv76)."""
    for opening, closing in _BRACKETS:
        while True:  # (nested: «(الاتحاد (الروسي» takes both, rv80)
            words = text[start:end]
            if words.count(opening) > words.count(closing) and text[end:end + 1] == closing:
                end += 1
            elif words.count(closing) > words.count(opening) and start and \
                    text[start - 1] == opening:
                start -= 1
            else:
                break
    return start, end


def _best_per_span(found: list[tuple[float, int, int, str, str]]) -> list[Suggestion]:
    """Best first; per claim, a suggestion overlapping a better one is dropped."""
    found.sort(key=lambda f: (-f[0], f[1], f[2], f[3], f[4]))
    kept: dict[str, list[tuple[int, int]]] = defaultdict(list)  # per claim, sorted, disjoint
    result: list[Suggestion] = []
    for score, start, end, claim_id, kind in found:
        spans = kept[claim_id]
        at = bisect_left(spans, (start, end))
        if (at > 0 and spans[at - 1][1] > start) or (at < len(spans) and spans[at][0] < end):
            continue
        spans.insert(at, (start, end))
        result.append(Suggestion(start, end, claim_id, score, kind))
    return result
