"""Tagging: words of an article become an appearance of a claim.

An appearance is one place a claim appears - a span of an article (code points, end
exclusive) with its quote, prefix and suffix (W3C TextQuoteSelector) and who tagged it.
The verdict, note and sources are the claim's (``store.core.claims``), so they show the
same at every appearance. Tagging new words makes a claim and its first appearance, which
share one id; linking makes words an appearance of a claim made elsewhere; unlinking
splits an appearance back into a claim of its own. A claim left with no live appearance
is tombstoned with its last one, and comes back with it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from store.core import claims, history, text_memo
from store.core.articles import get_article, quote_at
from store.core.labels import get_label, label_named
from store.core.project import Project, id_chunks
from store.core.records import CLAIM_COLUMNS, Appearance, Claim, Place, Spot, appearance_select
from store.core.stamps import later_than, new_id, utcnow
from store.errors import (
    AmbiguousId,
    AnchorLost,
    AppearanceNotFound,
    ArticleNotFound,
    ChangedSince,
    DuplicateClaim,
    InvalidSpan,
    NotYourWords,
    NoWordsLeft,
    QuoteNotFound,
    TahqiqError,
)
from store.text import anchoring
from store.text.display import by_name
from store.text.fold import INVISIBLE, REMOVED, TRAILING_MARKS, fold, fold_query, unquoted

LIVE = "a.deleted IS NULL AND c.deleted IS NULL"
# Not in a deleted article: a merge leaves live there the words a colleague tagged before
# it was deleted, out of sight with it (merge._settle_article_deletions); what counts over
# the project leaves them out, as the Summary does (rv241). (A set, read once: the few
# deleted articles, not a lookup per place.)
SHOWN = "a.article_id NOT IN (SELECT id FROM articles WHERE deleted IS NOT NULL)"


def well_placed(table: str = "a") -> str:
    """The SQL condition that *table*'s offsets are numbers. Offsets another program
    wrote as text or bytes (SQLite keeps any type in any column) are left out of what
    reads places to lay them out or compare them, where they ended in a TypeError (rv130,
    rv132); `tahqiq check` names them, and an export refuses the file."""
    return f"typeof({table}.start) = 'integer' AND typeof({table}.\"end\") = 'integer'"


READING_ORDER = 'a.article_id, a.start, a."end", a.created'
# The places of several articles in the article list's order (when each article came into
# the project), as the CSV has them, each article's in reading order: by the articles'
# random ids, `tahqiq claims`, the W3C and ClaimReview exports listed them in an order
# of their own (rv102). Over the articles joined as ``l`` (LEFT: a damaged file's place
# with no article row comes first).
BY_ARTICLE_LIST = " LEFT JOIN articles l ON l.id = a.article_id"
LIST_ORDER = "l.created, l.rowid, " + READING_ORDER


# -- tagging -----------------------------------------------------------------------------
def create_claim(project: Project, article_id: str, start: int, end: int, label: str,
                 *, note: str = "", sources: Sequence[str] = (),
                 claim_id: str | None = None, after: str | None = None) -> Appearance:
    """Tag ``text[start:end]`` of an article as a new claim; returns its appearance.

    The claim and its first appearance share one id, the id people see. The same
    annotator tagging the same words with the same verdict again is refused
    (DuplicateClaim): it would only make a second copy of the first.
    """
    sources = claims.validate_sources(sources)
    with project.transaction():
        get_label(project, label)
        _refuse_deleted_article(project, article_id)
        words = _words_at(project, article_id, start, end)
        twin = find_span(project, article_id, words.start, words.end, project.annotator)
        if twin is not None and twin.label == label:
            raise DuplicateClaim("You already tagged these words as {label}.",
                                 label=label_named(project, label))
        # After my words here were last untagged, whatever this clock says: a restore of
        # that claim then tells this tag from one made before they went (_refuse_tagged_
        # again), where a colleague's faster clock had untagged them.
        # (*after*: the untagging of other words a Tag All tags with these, at one time)
        now = later_than(_mine_untagged(project, article_id, [(words.start, words.end)]),
                         after)
        claim = Claim(id=claim_id or new_id(), label=label, note=claims.stored_note(note),
                      sources=sources, annotator=project.annotator, created=now,
                      updated=now, updated_by=project.annotator)
        project.insert("claims", claim.to_row())
        history.record(project, "claim", claim.id, "create", None, claim.to_row(), at=now)
        return _insert(project, claim.id, article_id, words, appearance_id=claim.id, at=now)


def add(project: Project, claim_id: str, article_id: str, start: int, end: int, *,
        appearance_id: str | None = None, at: str | None = None,
        text: str | None = None) -> Appearance:
    """Make ``text[start:end]`` of an article an appearance of an existing claim, a live
    one: words added to a deleted claim brought it back unasked, beside whatever had
    been tagged on its words since (two verdicts of one person on the same words).
    *text*: the article's, read once by a caller adding many (``quote_at``)."""
    with project.transaction():
        claims.live_claim(project, claim_id)
        _refuse_deleted_article(project, article_id)
        words = _words_at(project, article_id, start, end, text)
        _refuse_twin(project, claim_id, article_id, words.start, words.end)
        # (after my words here were last untagged, as create_claim)
        at = at or later_than(_mine_untagged(project, article_id, [(words.start, words.end)]))
        return _insert(project, claim_id, article_id, words, appearance_id=appearance_id,
                       at=at)


def tag_all(project: Project, article_id: str, spans: Sequence[tuple[int, int]], label: str
            ) -> list[Appearance]:
    """Every span tagged as one claim (Tag All Occurrences), in one transaction: one
    thing done, its places written at one time, which the history tells as one line
    (``story.tell_all``: a dozen «tagged “…”» lines for one key pressed)."""
    with project.transaction():
        first = create_claim(project, article_id, *spans[0], label,
                             after=_mine_untagged(project, article_id, spans[1:]))
        return [first, *add_all(project, first.claim_id, article_id, spans[1:],
                                at=first.created)]


def add_all(project: Project, claim_id: str, article_id: str,
            spans: Sequence[tuple[int, int]], *, at: str | None = None) -> list[Appearance]:
    """More places of one claim (Tag All Occurrences on a claim), in one transaction and
    at one time, as ``tag_all``."""
    with project.transaction():
        at = at or later_than(_mine_untagged(project, article_id, spans))
        text = _whole_text(project, article_id) if len(spans) > 1 else None
        return [add(project, claim_id, article_id, start, end, at=at, text=text)
                for start, end in spans]


def _mine_untagged(project: Project, article_id: str, spans: Sequence[tuple[int, int]]
                   ) -> str | None:
    """When places of mine on exactly these words were last untagged (by anyone): a tag
    stamped before a faster clock's untagging passed, at a restore of the old claim, for
    one made before the words went (_refuse_tagged_again)."""
    return max((row[0] for start, end in spans for row in project.execute(
        'SELECT max(deleted) FROM appearances WHERE article_id = ? AND start = ? AND '
        '"end" = ? AND annotator = ?', [article_id, start, end, project.annotator])
        if row[0]), default=None)


def _whole_text(project: Project, article_id: str) -> str:
    """The article's text, for quoting many places of it: from the memo of the long text
    last read whole, or read whole once (``articles.quote_at``)."""
    text = text_memo.recall(project, article_id)
    return get_article(project, article_id).text if text is None else text


class TagAllPlan(NamedTuple):
    """What Tag All Occurrences does with the places of some words (``plan_tag_all``)."""

    claim_id: str | None  # the claim they become places of; None: a new one
    spans: list[tuple[int, int]]  # the words to tag
    kept: int  # words left as they are: tagged by me as another claim


def plan_tag_all(project: Project, article_id: str, spans: Sequence[tuple[int, int]],
                 claim_id: str | None = None, *, chosen: tuple[int, int] | None = None
                 ) -> TagAllPlan:
    """The places Tag All Occurrences of *spans* makes: of *claim_id*, or else of the claim
    I already tagged on one of them (the one at the *chosen* words first), or else of a
    new claim. Words already a place of that claim are not tagged again, and words I
    tagged as another claim are left as they are: the new claim was put beside mine,
    two verdicts of one person on the same words, a disagreement with myself that kept
    both out of ClaimReview (as ``join`` refuses for one place)."""
    mine = [own_place_at(project, article_id, start, end) for start, end in spans]
    if claim_id is None:
        at_chosen = [place for span, place in zip(spans, mine, strict=True)
                     if place is not None and span == chosen]
        claim_id = next((place.claim_id for place in at_chosen + mine if place is not None),
                        None)
    taken = set() if claim_id is None else {tuple(row) for row in project.execute(
        'SELECT a.start, a."end" FROM appearances a JOIN claims c ON c.id = a.claim_id '
        f"WHERE a.claim_id = ? AND a.article_id = ? AND {LIVE}", [claim_id, article_id])}
    ends_at = {start: end for start, end in taken}
    text: str | None = None

    def is_taken(span: tuple[int, int]) -> bool:
        """A place of the claim on these words, with or without the marks on their last
        letter (Tag All's spans take them; a place made without them became a twin)."""
        nonlocal text
        if span in taken:
            return True
        end = ends_at.get(span[0])
        if end is None or not span[0] < end < span[1]:
            return False
        text = _whole_text(project, article_id) if text is None else text
        return _blank_or_marks(text[end:span[1]])

    todo = [span for span, place in zip(spans, mine, strict=True)
            if place is None and not is_taken(span)]
    kept = sum(place is not None and place.claim_id != claim_id for place in mine)
    return TagAllPlan(claim_id, todo, kept)


def join(project: Project, claim_id: str, article_id: str, start: int, end: int
         ) -> Appearance:
    """The words become a place of the claim: mine on them already join it (``link``),
    else a new place is made (``add``). The claim put beside my own on the same words
    was my two verdicts on them, a disagreement with myself that kept both out of
    ClaimReview (`tag --same-as`, a known claim accepted). A deleted claim is refused
    either way (``claims.live_claim``): linking my words to it brought it back unasked,
    with its places in other articles."""
    with project.transaction():
        claims.live_claim(project, claim_id)
        mine = own_place_at(project, article_id, start, end)
        if mine is not None and mine.claim_id != claim_id:
            return link(project, mine.id, claim_id)
        return add(project, claim_id, article_id, start, end)


def move(project: Project, appearance_id: str, start: int, end: int, *,
         expect: tuple[int, int] | None = None, signs: bool = False) -> Appearance:
    """The place's claim takes other words of its article, ``text[start:end]`` (white
    space and invisible marks at the ends left out, as a tag leaves them). Words
    selected a word short, or a word too long, were set right only by tagging anew:
    the verdict, note, sources and review stayed with the first words, to copy by hand.
    The claim's other places stay where they are.

    Only one's own words move: a colleague's are theirs to change (NotYourWords; a
    review says what is wrong with them). Refused, too, onto words the claim is on
    already here, or that are another claim of mine.
    *expect*: where an undo or a redo expects the place (ChangedSince when the text
    changed under it since, or a merge brought it elsewhere). *signs*: words the place
    held before (an undo, a redo) are taken back even if only punctuation (no_words)."""
    with project.transaction():
        before = get_appearance(project, appearance_id)
        _refuse_untagged(project, before)
        if (refusal := not_yours(before.annotator, project.annotator)) is not None:
            raise refusal
        if expect is not None and (before.start, before.end) != tuple(expect):
            raise _words_changed()
        _refuse_deleted_article(project, before.article_id)
        words = _words_at(project, before.article_id, start, end, signs=signs)
        _refuse_onto(project, before, words)
        at = later_than(before.updated)
        after = before._replace(start=words.start, end=words.end, quote=words.quote,
                                prefix=words.prefix, suffix=words.suffix, updated=at,
                                updated_by=project.annotator)
        _write(project, before, after, "move")
        return get_appearance(project, appearance_id)


def move_step(project: Project, appearance_id: str, left: Spot, to: Spot) -> Appearance:
    """An undo or a redo of a :func:`move`: the place, expected on the words *left*, goes
    to the words *to*. The article's text changed since (a merge, a CSV re-anchoring the
    place) moved both by as much, so they are followed there: by offsets alone, every
    step back was refused once a line was added above, and the steps before it with it
    (rv103). Words no longer where they were, or no longer the same, are refused."""
    with project.transaction():
        place = get_appearance(project, appearance_id)
        shift = place.start - left[0]
        start, end = to[0] + shift, to[1] + shift
        if place.is_deleted or (place.end - left[1], place.quote) != (shift, left[2]) \
                or _quote_there(project, place.article_id, start, end) != to[2]:
            raise _words_changed()
        return move(project, appearance_id, start, end, expect=(place.start, place.end),
                    signs=True)


def _words_changed() -> ChangedSince:
    return ChangedSince("The claim's words changed since (the article's text, or a "
                        "colleague's work merged in); they were left where they are.")


def _quote_there(project: Project, article_id: str, start: int, end: int) -> str | None:
    try:
        return quote_at(project, article_id, start, end)[0]
    except InvalidSpan:  # (the text is shorter now)
        return None


# What no claim is made of alone, with white space between them: the marks folding
# removes (a haraka, a tanween, the tatweel, invisible controls). `tag --quote "ً"` made
# a claim of one tanween, found as it is written.
_MARKS = frozenset(REMOVED)
# What a selection's ends hold that is not its words, besides white space: the direction
# marks and zero-width characters a web text puts around names and numbers. A word selected
# by double-click takes its RLM along: tagged, it kept the mark, and the same word selected
# by keys was a second claim of the same person. (Characters: not a regex class, whose
# «\s» read as a letter s made «claims» my claim on «claim».)
_LEADING = re.compile(f"[\\s{INVISIBLE}]*")
_TRAILING = re.compile(f"[\\s{INVISIBLE}]*\\Z")


class _Words(NamedTuple):
    """Words of an article to tag, with their quote selector."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def no_words(quote: str, *, signs: bool = False) -> InvalidSpan | None:
    """Why *quote* cannot be tagged (nothing but spaces, or harakat and other marks, or
    no letter, digit or picture: a verdict key on a lone «،» made a claim of the comma; an
    emoji, a reaction in a post, is a picture a claim can be), or None:
    the window says it on the status bar before a verdict key's step.
    *signs*: punctuation alone allowed, in places brought whole (a sheet's, an undo's),
    which an older Tahqiq may have made on it."""
    words = quote.strip()
    if not words:
        return InvalidSpan("Select some words to tag, not only spaces.")
    if all(ch in _MARKS or ch.isspace() for ch in words):  # (stops at the first letter)
        return InvalidSpan("Select some words to tag, not only harakat or other marks.")
    if not signs and not any(ch.isalnum() or unicodedata.category(ch) == "So"
                             for ch in words):  # («٢٤», «5%», «و», «👍🏽» tag)
        return InvalidSpan("Select some words to tag, not only punctuation or symbols.")
    return None


def _words_at(project: Project, article_id: str, start: int, end: int,
              text: str | None = None, *, signs: bool = False) -> _Words:
    """The words of ``text[start:end]``: without the white space and invisible marks at
    its ends (``INVISIBLE``), which a claim's quote, highlight and exports should not
    carry (selecting by word takes the space after the last one). InvalidSpan when
    there is nothing but those (*signs*: as no_words). The text is read once (a window
    of it: quote_at)."""
    quote, prefix, suffix = quote_at(project, article_id, start, end, text)
    if (refusal := no_words(quote, signs=signs)) is not None:
        raise refusal
    lead, trail = _ends(quote)
    if not lead and not trail:
        return _Words(start, end, quote, prefix, suffix)
    return _Words(start + lead, end - trail, quote[lead:len(quote) - trail],
                  (prefix + quote[:lead])[-anchoring.CONTEXT:],
                  (quote[len(quote) - trail:] + suffix)[:anchoring.CONTEXT])


def _ends(quote: str) -> tuple[int, int]:
    """How many characters at the start and at the end of *quote* are not its words
    (white space and ``INVISIBLE``; a quote holding words, no_words says)."""
    lead = _LEADING.match(quote).end()  # type: ignore[union-attr]  (it matches "" too)
    trail = _TRAILING.search(quote, lead)
    return lead, len(quote) - trail.start()  # type: ignore[union-attr]  (it matches at the end)


def _insert(project: Project, claim_id: str, article_id: str, words: _Words, *,
            appearance_id: str | None, at: str | None) -> Appearance:
    """Write the place of *words* for a claim (inside the caller's transaction)."""
    now = at or utcnow()
    row = {"id": appearance_id or new_id(), "claim_id": claim_id,
           "article_id": article_id, "start": words.start, "end": words.end,
           "quote": words.quote, "annotator": project.annotator, "created": now,
           "updated": now, "prefix": words.prefix, "suffix": words.suffix,
           "updated_by": project.annotator, "deleted": None, "deleted_by": None}
    project.insert("appearances", row)
    history.record(project, "appearance", row["id"], "create", None, row, at=now)
    return get_appearance(project, row["id"])


def own_place_at(project: Project, article_id: str, start: int, end: int
                 ) -> Appearance | None:
    """My live place on exactly these words (white space and marks at the ends aside:
    ``INVISIBLE``), if any: a verdict chosen for words I already tagged relabels that
    claim rather than making a second one of mine on the same words.

    Asked before every tag of a selection, so the text is read only when a place of
    mine lies inside the selection, near both its ends (rarely: nearly always the
    selection is new words), and then only if the place's own prefix and suffix do not
    hold what lies between (a CSV may bring them short)."""
    rows = project.execute(appearance_select(
        f'a.article_id = ? AND a.start BETWEEN ? AND ? AND a."end" BETWEEN ? AND ? '
        f"AND a.annotator = ? AND {LIVE}"),
        [article_id, start, start + anchoring.CONTEXT, end - anchoring.CONTEXT, end,
         project.annotator])
    alike = None  # the same words but for the marks on their last letter
    for place in map(Appearance.from_values, rows):
        before, after = place.start - start, end - place.end
        if len(place.prefix) < before or len(place.suffix) < after:
            try:  # (a look-up: an older Tahqiq's place on a comma is found)
                words = _words_at(project, article_id, start, end, signs=True)
            except InvalidSpan:
                return None
            return find_span(project, article_id, words.start, words.end, project.annotator)
        if before and not _not_words(place.prefix[-before:]):
            continue
        if not after or _not_words(place.suffix[:after]):
            return place  # (these words exactly: before any place differing by marks)
        if alike is None and _blank_or_marks(place.suffix[:after]):
            alike = place
    return alike


def _not_words(text: str) -> bool:
    """Whether *text*, beside a place, is only what a selection's ends may hold besides
    its words (white space and ``INVISIBLE``)."""
    return _LEADING.fullmatch(text) is not None


def _blank_or_marks(text: str) -> bool:
    """Whether *text*, after a place's last letter, is white space or the marks that sit
    on that letter: a place made without its tanween (or the ezafe's hamza, folded since
    schema 13) is the same words as a selection or a quote that takes them."""
    return all(ch.isspace() or ch in TRAILING_MARKS or ch in INVISIBLE for ch in text)


def tag_quote(project: Project, article_id: str, quote: str, label: str | None, *,
              occurrence: int = 1, note: str = "", sources: Sequence[str] = (),
              same_as: str | None = None) -> Appearance:
    """Tag the *occurrence*-th appearance of *quote* in the article.

    The quote is looked for as it is written, then folded (harakat, hamza forms, ة/ه,
    digit styles...), so a quote typed by hand still finds the article's own spelling,
    which is what is stored. *same_as* adds the words to that existing claim (its
    verdict is theirs; *label*, if given, must be the same) instead of making a new one.
    Words I tagged already are relabelled (their note and sources replaced if given), as
    a verdict key on them does in the window: a second claim of mine on the same words
    would only disagree with the first. Tagged again with their verdict and nothing else
    to change, they are refused (DuplicateClaim), as a tag of new words making a twin
    is: the command line printed the claim's id and said nothing, as if it had tagged
    them (issue 13, rv288). With *same_as*, words I tagged already become a
    place of that claim (they were left as they were, and the claim put on them again:
    my two verdicts on the same words, both published); named again, they are left as
    they are, refused by nothing (a script run twice).
    """
    start, end = quote_span(get_article(project, article_id).text, quote, occurrence)
    if same_as is not None:
        claim = claims.get_claim(project, same_as)
        if label is not None and label != claim.label:
            raise QuoteNotFound("That claim's verdict is {verdict}, not {label}; leave out "
                                "the label to take the claim's.",
                                verdict=claim.label, label=label)
        with project.transaction():
            mine = own_place_at(project, article_id, start, end)
            if mine is not None and mine.claim_id == claim.id:  # (a script run twice)
                return get_appearance(project, mine.id)
            return join(project, claim.id, article_id, start, end)
    if label is None:
        raise QuoteNotFound("Give the verdict (a label) or the claim the words belong to.")
    with project.transaction():  # (looked for and made under one write lock)
        mine = own_place_at(project, article_id, start, end)
        if mine is not None:  # words I tagged already: the verdict (and note, sources) change
            _refuse_nothing_to_change(project, mine, label, note, sources)
            claims.update_claim(project, mine.claim_id, label=label, note=note or None,
                                sources=sources or None)
            return get_appearance(project, mine.id)
        return create_claim(project, article_id, start, end, label, note=note, sources=sources)


def _refuse_nothing_to_change(project: Project, mine: Appearance, label: str, note: str,
                              sources: Sequence[str]) -> None:
    """DuplicateClaim when tagging my words *mine* again as *label* would change nothing:
    their verdict, and no note or sources given but the claim's own (a note or sources
    given that differ are changed, a verdict that differs relabels)."""
    claim = claims.get_claim(project, mine.claim_id)
    if claim.label != label or (note and claims.stored_note(note) != claim.note) or (
            sources and tuple(claims.validate_sources(sources)) != tuple(claim.sources)):
        return
    raise DuplicateClaim("You already tagged these words as {label} (claim {id}): "
                         "nothing to change.",
                         label=label_named(project, label), id=mine.claim_id[:8])


def not_yours(tagged_by: str, me: str) -> NotYourWords | None:
    """Why *me* may not move words *tagged_by* tagged (a colleague's are theirs to set
    right); None when they are mine."""
    if tagged_by == me:
        return None
    return NotYourWords("{name} tagged these words: which words the claim holds is "
                        "theirs to change (a review can say so).", name=tagged_by)


def quote_span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the *occurrence*-th appearance of *quote* is in *text* (``quote_spans``)."""
    spans = quote_spans(text, quote)
    if len(spans) < occurrence:
        if spans:
            raise QuoteNotFound("The quote appears only {count} time(s) in the article; "
                                "occurrence {occurrence} not found.",
                                count=len(spans), occurrence=occurrence)
        if not fold_query(quote):  # nothing but spaces, harakat or tatweel
            raise QuoteNotFound("The quote is empty: give the words to tag.")
        raise QuoteNotFound("The quote is not in the article.")
    return spans[occurrence - 1]


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where *quote* is in *text*: its exact occurrences, or else its folded ones, or else
    those of the quote without the quotation marks or full stop it was copied with
    («"أقوى معاهدة على الإطلاق"» where the article has “…”, as search finds it). The
    quote is read composed (NFC), as texts are stored: one copied decomposed (from a
    file, or «ا» with a combining hamza) was not found. The spaces around it, copied
    with it, are no part of it: « قال» counted only the «قال» after a space, so the one
    starting a line was skipped, and the claim, stored without them, did not show it."""
    quote = unicodedata.normalize("NFC", quote).strip()
    exact = anchoring.occurrences(text, quote)
    if exact and quote[-1:] in _WITH_HAMZA:  # the same word with the ezafe's hamza on it
        exact = sorted(exact + anchoring.occurrences(text, quote[:-1] + _WITH_HAMZA[quote[-1]]))
    if exact:  # with the marks on its last letter (a tanween, the ezafe's hamza), as
        return [(at, _past_marks(text, at + len(quote))) for at in exact]  # search takes
    found = fold(text).find_all(quote) if quote else []
    trimmed = unquoted(quote)
    if not found and trimmed:  # (Find's rule: Folded.find_quote)
        return quote_spans(text, trimmed)
    return found


# Urdu writes the ezafe's hamza on heh goal and yeh barree as one letter (ۂ ۓ; ۀ on ە):
# «مدرسۂ» is «مدرسہ» with it, as «خانهٔ» is «خانه» in Persian, where it stays a mark of
# its own. «مدرسہ» typed took the bare word further on for the first occurrence.
_WITH_HAMZA = {"\u06c1": "\u06c2", "\u06d2": "\u06d3", "\u06d5": "\u06c0"}


def _past_marks(text: str, end: int) -> int:
    """*end* moved past the marks that sit on the letter before it: «خانه» typed for
    «خانهٔ» left the ezafe's hamza outside the claim, «كلاما» the tanween of «كلاماً»."""
    while end < len(text) and text[end] in TRAILING_MARKS:
        end += 1
    return end


# -- reading -------------------------------------------------------------------------------
def get_appearance(project: Project, appearance_id: str) -> Appearance:
    """An appearance by id, with its claim; tombstones included."""
    row = project.execute(appearance_select("a.id = ?"), [appearance_id]).fetchone()
    if row is None:
        raise AppearanceNotFound("No claim with id {id}.", id=appearance_id)
    return Appearance.from_values(row)


# The places of an article untagged (every place in its index, less the live ones: both
# indexes cover what is asked) or whose claim was deleted (the few deleted claims first).
# Joining every place of the article to its claim, to keep the few deleted, took 185 ms
# of the Deleted Claims dialog's opening with 50,000 claims; this, 50 (rv86).
_GONE_FROM_ARTICLE = (
    "SELECT rowid FROM appearances INDEXED BY idx_appearances_article_id_start "
    "WHERE article_id = ? EXCEPT SELECT rowid FROM appearances INDEXED BY appearances_live "
    "WHERE article_id = ? AND deleted IS NULL "
    "UNION SELECT gone.rowid FROM claims deleted_claim CROSS JOIN appearances gone "
    "ON gone.claim_id = deleted_claim.id "
    "WHERE deleted_claim.deleted IS NOT NULL AND gone.article_id = ?")
# Less words their annotator tagged again since with their verdict: as their claim, or as
# a claim with its label after they went (a Tag All again, the claim deleted before it).
# Restore refuses them (_refuse_twins: the same test), and nothing of them is left to
# bring back (rv246, rv252). Words tagged since with another verdict are listed: theirs
# is a verdict the words have no more, and the refusal says how to bring it back. The
# places of a deleted claim come back together: it is listed unless all are held.
def _held(place: str, claim: str) -> str:
    """SQL: the *place* (of the *claim*) has a live twin of its annotator's, on its words,
    that a restore of it is refused for as the verdict it would bring back."""
    return (f"EXISTS (SELECT 1 FROM appearances twin INDEXED BY appearances_live "
            f"JOIN claims tc ON tc.id = twin.claim_id WHERE twin.article_id = "
            f'{place}.article_id AND twin.start = {place}.start AND twin."end" = '
            f'{place}."end" AND twin.deleted IS NULL AND twin.annotator = {place}.annotator '
            f"AND twin.id <> {place}.id AND tc.deleted IS NULL AND (twin.claim_id = "
            f"{place}.claim_id OR tc.label = {claim}.label AND twin.updated > "
            f"coalesce({place}.deleted, {claim}.deleted, '')))")


_TAGGED_AGAIN = (
    f"({_held('a', 'c')} AND (a.deleted IS NOT NULL OR NOT EXISTS (SELECT 1 FROM "
    f"appearances other WHERE other.claim_id = a.claim_id AND other.deleted IS NULL AND "
    f"NOT {_held('other', 'c')})))")


def resolve_place(project: Project, id_or_prefix: str) -> Appearance:
    """A place by id or by an unambiguous prefix of its id (a claim's id names its first
    place: they share it)."""
    prefix = id_or_prefix.strip()
    return get_appearance(project, project.one_id(
        "appearances", prefix, AppearanceNotFound("No claim's place with id '{id}'.", id=prefix),
        AmbiguousId("'{id}' matches several places; give more of the id.", id=prefix)))


def deleted_in(project: Project, article_id: str) -> list[list[Appearance]]:
    """The article's words that were untagged, or whose claim was deleted (here, or by a
    colleague and brought by a merge), the latest deletion first: what a restore can
    bring back, each group the places of one claim that went at one time (a Tag All
    undone: one thing to restore, listed a dozen times over). Words deleted more than
    once as one claim are listed once, and words their annotator tagged again since with
    their verdict not at all (_TAGGED_AGAIN): nothing of them is left to bring back, and
    Restore refused «You already tagged these words as …». (Its claim deleted since, they are
    its place there, listed with it: the untagged twin, met first by its id, was a row
    of its own whose Restore put the claim twice on the words: rv246.)"""
    rows = project.execute(appearance_select(
        f"a.rowid IN ({_GONE_FROM_ARTICLE}) AND NOT {_TAGGED_AGAIN}",
        "max(coalesce(a.deleted, ''), coalesce(c.deleted, '')) DESC, a.deleted IS NOT NULL, "
        "a.start, a.id"),
        [article_id] * 3)
    seen: set[tuple[str, int, int]] = set()
    groups: dict[tuple[str, str, str | None], list[Appearance]] = {}
    for place in map(Appearance.from_values, rows):
        if (words := (place.claim_id, place.start, place.end)) not in seen:
            seen.add(words)
            went = (place.deleted, place.deleted_by) if place.deleted else (
                place.claim.deleted or "", place.claim.deleted_by)
            groups.setdefault((place.claim_id, *went), []).append(place)
    # By when each group went (words untagged before their claim was deleted are listed
    # after the claim, not by where they stand).
    return [group for _, group in sorted(groups.items(), key=lambda item: item[0][1],
                                         reverse=True)]


def list_appearances(project: Project, article_id: str | None = None, *,
                     include_deleted: bool = False) -> list[Appearance]:
    """Appearances in reading order (the article list's order of articles, then start),
    each with its claim. Over the project, the live ones leave out deleted articles'
    (``SHOWN``: `tahqiq claims` listed what the CSV export and the window do not)."""
    where, params = [], []
    if article_id is not None:
        where.append("a.article_id = ?")
        params.append(article_id)
    if not include_deleted:
        where.append(LIVE if article_id is not None else f"{LIVE} AND {SHOWN}")
    sql = appearance_select(" AND ".join(where), LIST_ORDER, BY_ARTICLE_LIST)
    return [Appearance.from_values(row) for row in project.execute(sql, params)]


def list_places(project: Project, article_id: str, start_from: int = 0,
                start_before: int | None = None, limit: int | None = None) -> list[Place]:
    """An article's live places in reading order, light (:class:`Place`): read from the
    covering indexes of schema v5 without touching a row, each place a tuple as SQLite
    gives it. Labels, annotators and the article's id are shared, not one string each.

    *start_from*, *start_before* and *limit* read a part: the places starting in that
    range of code points, the first *limit* of them. Parts by consecutive ranges, put
    together, are the whole in reading order (the window reads a long article's places
    a part at a time: gui.places)."""
    where, params = f"a.article_id = ? AND a.start >= ? AND {well_placed()}", [article_id,
                                                                            start_from]
    if start_before is not None:
        where += " AND a.start < ?"
        params.append(start_before)
    tail = ""
    if limit is not None:
        tail = " LIMIT ?"
        params.append(limit)
    rows = project.execute(
        'SELECT a.id, a.claim_id, a.start, a."end", c.label, a.annotator, a.created '
        "FROM appearances a JOIN claims c INDEXED BY claims_live ON c.id = a.claim_id "
        f"WHERE {where} AND {LIVE} ORDER BY {READING_ORDER}{tail}", params)
    shared: dict[str, str] = {}
    share = shared.setdefault
    return [Place(i, i if claim == i else claim, article_id, start, end, share(label, label),
                  share(who, who), created)
            for i, claim, start, end, label, who, created in rows]  # row by row: no copy


def project_places(project: Project) -> list[Place]:
    """Every live place of the project, light, as :func:`list_places` reads one article's
    (Review ▸ Agreement over the project read its 37,000 claims whole, notes and links
    decoded, for the places' words, verdicts and annotators: 2.5 s, rv213), but those in
    deleted articles (``SHOWN``: counted, the Summary said «Claims: 0»)."""
    rows = project.execute(
        'SELECT a.id, a.claim_id, a.article_id, a.start, a."end", c.label, a.annotator, '
        "a.created FROM appearances a JOIN claims c INDEXED BY claims_live ON c.id = "
        f"a.claim_id WHERE {well_placed()} AND {LIVE} AND {SHOWN} ORDER BY {READING_ORDER}")
    shared: dict[str, str] = {}
    share = shared.setdefault
    return [Place(i, i if claim == i else claim, share(article, article), start, end,
                  share(label, label), share(who, who), created)
            for i, claim, article, start, end, label, who, created in rows]


def get_many(project: Project, ids: Sequence[str]) -> dict[str, Appearance]:
    """{id: appearance} of the places named (tombstones included), in one query per 500."""
    found: dict[str, Appearance] = {}
    for chunk, marks in id_chunks(ids):
        rows = project.execute(appearance_select(f"a.id IN ({marks})"), chunk)
        found.update((a.id, a) for a in map(Appearance.from_values, rows))
    return found


def appearances_of(project: Project, claim_id: str, *,
                   include_deleted: bool = False) -> list[Appearance]:
    """Where one claim appears, oldest first."""
    where = "a.claim_id = ?" + ("" if include_deleted else f" AND {LIVE}")
    return [Appearance.from_values(row) for row in project.execute(
        appearance_select(where, "a.created, a.id"), [claim_id])]


def find_span(project: Project, article_id: str, start: int, end: int,
              annotator: str) -> Appearance | None:
    """The live appearance *annotator* made of exactly these words, if any."""
    row = project.execute(appearance_select(
        f'a.article_id = ? AND a.start = ? AND a."end" = ? AND a.annotator = ? AND {LIVE}'),
        [article_id, start, end, annotator]).fetchone()
    return Appearance.from_values(row) if row else None


def count_live(project: Project, article_id: str) -> int:
    """The article's live places."""
    return live_counts(project, article_id)[1]


def live_counts(project: Project, article_id: str) -> tuple[int, int]:
    """The live claims appearing in the article, and their places there (a claim at two
    places was counted as two claims)."""
    return project.execute(
        f"SELECT count(DISTINCT a.claim_id), count(*) FROM appearances a JOIN claims c "
        f"INDEXED BY claims_live ON c.id = a.claim_id "
        f"WHERE a.article_id = ? AND {LIVE}", [article_id]).fetchone()


def annotators(project: Project, article_id: str | None = None) -> list[str]:
    """Everyone who tagged live words (on one article, or anywhere), alphabetically in
    any case (``by_name``): by code point «Zaid» came before «amal» (rv102). Not in a
    deleted article (``SHOWN``), as the Agreement report counts them."""
    sql = ("SELECT DISTINCT a.annotator FROM appearances a JOIN claims c ON c.id = "
           f"a.claim_id WHERE {LIVE} AND {SHOWN}")
    params: list[str] = []
    if article_id is not None:
        sql += " AND a.article_id = ?"
        params.append(article_id)
    return sorted((row[0] for row in project.execute(sql, params)), key=by_name)


# -- changing ------------------------------------------------------------------------------
def untag_made(project: Project, appearance_ids: Sequence[str], claim_id: str,
               made: Mapping[str, object] | None = None) -> list[Appearance]:
    """Untag the places a tag made on claim *claim_id* (its undo), all or none. Refused
    (ChangedSince) when a colleague's work, merged in since, linked some of them to
    their claim, or changed the claim the undo would delete (every live place of it is
    among these) from what the tag *made* (its verdict, note, sources), or reviewed it
    (``claims.refuse_reviewed_since``): the undo untagged their words, or deleted the
    claim with their verdict and note, or their review, unsaid."""
    with project.transaction():
        places = [get_appearance(project, place_id) for place_id in appearance_ids]
        # (their article deleted since, by a colleague: the undo untagged nothing, said
        # nothing, and the words it took back came back with the article, rv144)
        for article_id in dict.fromkeys(place.article_id for place in places):
            _refuse_deleted_article(project, article_id)
        live = [place for place in places if place.deleted is None]
        if moved := [place for place in live if place.claim_id != claim_id]:
            raise ChangedSince("{name} linked these words to another claim since; going "
                               "back would untag them.",
                               name=moved[0].updated_by or moved[0].annotator)
        ours = {place.id for place in live}
        if live and made and all(p.id in ours for p in appearances_of(project, claim_id)):
            claims.refuse_changed_since(live[0].claim, made, project.annotator)
            claims.refuse_reviewed_since(project, live[0].claim, made)
        # One thing undone, at one time: one line of history (story.tell_all); after
        # what it changes, whatever this clock says.
        at = later_than(*(place.updated for place in live), _last_untagged(project, claim_id))
        untag_places(project, live, at)
        return [get_appearance(project, place.id) for place in live]


def untag_places(project: Project, places: Sequence[Appearance], at: str) -> None:
    """Untag live places at one time *at* (inside the caller's transaction), and delete
    each claim they leave with no place: a Tag All undone, an article deleted."""
    me = project.annotator
    history.record_updates(project, "appearances", "appearance",
                           [(place, _untagged(place, at, me)) for place in places],
                           "delete", at=lambda after: after.updated)
    _delete_claims_left_nowhere(project, [place.claim_id for place in places], at)


def delete(project: Project, appearance_id: str, *, at: str | None = None) -> Appearance:
    """Untag these words (a tombstone, for history and merging). The last live
    appearance of a claim takes the claim with it."""
    with project.transaction():
        before = get_appearance(project, appearance_id)
        if before.deleted is None:
            # After every untagging of the claim's words this file knows: a restore of
            # the claim brings back the words untagged last, by these times (a colleague's
            # faster clock made hers, seen before mine, the last, and brought them back).
            at = at or later_than(before.updated, _last_untagged(project, before.claim_id))
            _untag(project, before, at)
            _delete_claim_left_nowhere(project, before.claim_id, at)
        return get_appearance(project, appearance_id)


def _last_untagged(project: Project, claim_id: str) -> str | None:
    """When words of the claim were last untagged, in this file (by anyone)."""
    return project.execute("SELECT max(deleted) FROM appearances WHERE claim_id = ?",
                           [claim_id]).fetchone()[0]


def _untag(project: Project, place: Appearance, at: str) -> None:
    """The tombstone of a live place (inside the caller's transaction); its claim, left
    with no place, is the caller's to delete."""
    _write(project, place, _untagged(place, at, project.annotator), "delete")


def _untagged(place: Appearance, at: str, me: str) -> Appearance:
    return place._replace(deleted=at, deleted_by=me, updated=at, updated_by=me)


def _delete_claim_left_nowhere(project: Project, claim_id: str, at: str) -> None:
    _delete_claims_left_nowhere(project, [claim_id], at)


def _delete_claims_left_nowhere(project: Project, claim_ids: Sequence[str], at: str) -> None:
    """The claims deleted when none of their words are tagged any more (told after their
    words went). Asked once per untagging, not per place untagged: reading the claim's
    places after each of a Tag All's 3,000 was 4.7 million records to build, 40 s of its
    undo; and of all the claims at once, not one by one (rv213)."""
    order = {claim_id: i for i, claim_id in enumerate(dict.fromkeys(claim_ids))}
    left = [Claim.from_values(row) for row in project.execute(
        f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id IN (SELECT value FROM "
        "json_each(?)) AND c.deleted IS NULL AND NOT EXISTS (SELECT 1 FROM appearances "
        "WHERE claim_id = c.id AND deleted IS NULL)", [json.dumps(list(order))])]
    claims.delete_all(project, sorted(left, key=lambda claim: order[claim.id]), untagged=at)


def restore(project: Project, appearance_id: str, *, at: str | None = None,
            texts: dict[str, str] | None = None) -> Appearance:
    """Bring untagged words back (undo of delete, redo of a tag), with their claim; *at*:
    the time of a restore of several (a Tag All redone), told as one line; *texts*: the
    articles' texts such a restore reads once each (``quote_at``)."""
    with project.transaction():
        before = placed = get_appearance(project, appearance_id)
        if before.is_deleted:
            _refuse_deleted_article(project, before.article_id)
            placed = _refuse_moved_words(project, before, texts)
            _refuse_tagged_again(project, before)
        if before.claim.is_deleted:
            stale = _refuse_claim_tagged_again(project, before.claim_id)
            _write_contexts(project, stale, claims.restore_claim(
                project, before.claim_id, at=at).updated)
        if before.deleted is not None:
            now = at or later_than(before.updated, before.deleted)
            history.record_restore(project, "appearances", "appearance", before,
                                   placed._replace(deleted=None, deleted_by=None,
                                                   updated=now, updated_by=project.annotator),
                                   at=now)
        return get_appearance(project, appearance_id)


def restore_all(project: Project, appearance_ids: Sequence[str],
                refused: Callable[[TahqiqError], None] | None = None
                ) -> tuple[list[Appearance], TahqiqError | None]:
    """Bring back places untagged together (the redo of a Tag All, an article brought
    back), at one time, told as one line; each as :func:`restore` would, after the ones
    before it: one refused (its words gone from a text changed since, or tagged again)
    leaves the others done, and is told to *refused*. The places brought back, and the
    first refusal. Checked in memory over what they need, read in a few statements, and
    written all at once: an article of 5,000 claims read 20,000 rows one by one, with a
    savepoint each, 2.5 s (rv213)."""
    with project.transaction():
        known = _Restoring(project, appearance_ids)
        # After what it undoes (the places' and their claims' deletions), whatever this
        # clock says: a restore stamped before a faster clock's deletion was told before it.
        at, done, first = later_than(*known.stamps), [], None
        texts: dict[str, str] | None = {} if len(appearance_ids) > 1 else None
        for appearance_id in appearance_ids:
            try:
                done.append(known.restore(appearance_id, at, texts))
            except TahqiqError as exc:
                first = first or exc
                if refused is not None:
                    refused(exc)
        history.record_restores(project, known.restored, at=at)
        history.record_updates(project, "appearances", "appearance", known.contexts,
                               "reanchor", at=lambda after: after.updated)
    return done, first


class _Restoring:
    """What :func:`restore` reads of places brought back one after another, read for
    them all at once and kept as each step leaves it: a place brought back is a twin
    the next place on its words is refused for, a claim brought back by its first place
    is live for the others."""

    def __init__(self, project: Project, appearance_ids: Sequence[str]) -> None:
        self.project = project
        self.restored: list[tuple[str, str, Claim | Appearance, Claim | Appearance]] = []
        self.contexts: list[tuple[Appearance, Appearance]] = []  # (_write_contexts)
        self.places: dict[str, Appearance] = {}
        self.claims: dict[str, Claim] = {}
        asked = self._read(appearance_select("a.id IN (SELECT value FROM json_each(?))"),
                           list(appearance_ids))
        self.stamps = [stamp for place in asked for stamp in (
            place.updated, place.deleted, place.claim.updated, place.claim.deleted)]
        gone = [claim_id for claim_id in dict.fromkeys(place.claim_id for place in asked)
                if self.claims[claim_id].deleted is not None]
        self.of_claim: dict[str, list[str]] = {claim_id: [] for claim_id in gone}
        for place in self._read(appearance_select(
                "a.claim_id IN (SELECT value FROM json_each(?))", "a.created, a.id"), gone):
            self.of_claim[place.claim_id].append(place.id)
        self.gone_articles = dict(project.execute(
            "SELECT id, deleted FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(list({place.article_id for place in asked}))]).fetchall())
        # Every place on the words checked, in the order of the index appearances_live,
        # which _refuse_tagged_again meets the twins in.
        self.on_words: dict[tuple, list[str]] = {
            _words_key(self.places[place_id]): [] for place_id in
            [*(place.id for place in asked), *(i for ids in self.of_claim.values() for i in ids)]}
        on = " AND ".join(f"a.{name} = json_extract(k.value, '$[{i}]')" for i, name in
                          enumerate(("article_id", "start", '"end"', "annotator")))
        for place in sorted(self._read(appearance_select("", join=f" JOIN json_each(?) k ON {on}"),
                                       list(self.on_words)),
                            key=lambda place: (place.created is not None, place.created or "",
                                               place.id)):
            self.on_words[_words_key(place)].append(place.id)

    def _read(self, sql: str, values: list) -> list[Appearance]:
        """The places *sql* reads given *values* (as JSON), kept with their claims."""
        read = [Appearance.from_values(row) for row in self.project.execute(
            sql, [json.dumps(values)])]
        for place in read:
            self.places.setdefault(place.id, place)
            self.claims.setdefault(place.claim_id, place.claim)
        return read

    def place(self, place_id: str) -> Appearance:
        """The place as the steps before left it, with its claim."""
        place = self.places[place_id]
        return place._replace(claim=self.claims[place.claim_id])

    def restore(self, appearance_id: str, at: str, texts: dict[str, str] | None
                ) -> Appearance:
        """:func:`restore` of a place, its rows and history kept to be written."""
        if appearance_id not in self.places:
            raise AppearanceNotFound("No claim with id {id}.", id=appearance_id)
        before = placed = self.place(appearance_id)
        me = self.project.annotator
        if before.is_deleted:
            _refuse_in_deleted_article(self.gone_articles.get(before.article_id))
            placed = _refuse_moved_words(self.project, before, texts)
            _refuse_twins(self.project, before, self._twins(before))
        if before.claim.is_deleted:
            stale = []
            for place_id in self.of_claim[before.claim_id]:  # (_refuse_claim_tagged_again)
                if (place := self.place(place_id)).deleted is None:
                    if (told := _refuse_moved_words(self.project, place)) != place:
                        stale.append((place, told))
                    _refuse_twins(self.project, place, self._twins(place))
            claim = before.claim._replace(deleted=None, deleted_by=None, updated=at,
                                          updated_by=me)
            self.restored.append(("claims", "claim", before.claim, claim))
            self.claims[claim.id] = claim
            for place, told in stale:
                self.places[place.id] = _contexts_written(self.project, place, told, at)
                self.contexts.append((place, self.places[place.id]))
        if before.deleted is not None:
            after = placed._replace(deleted=None, deleted_by=None, updated=at, updated_by=me)
            self.restored.append(("appearances", "appearance", before, after))
            self.places[after.id] = after
        return self.place(appearance_id)

    def _twins(self, place: Appearance) -> list[Appearance]:
        return [twin for twin in map(self.place, self.on_words[_words_key(place)])
                if twin.deleted is None and twin.claim.deleted is None and twin.id != place.id]


def _words_key(place: Appearance) -> tuple:
    return (place.article_id, place.start, place.end, place.annotator)


def restore_claim(project: Project, claim_id: str,
                  refused: Callable[[TahqiqError], None] | None = None) -> Claim:
    """Bring a deleted claim back where it was last seen: the claim, and, when none of its
    words are tagged any more (untagging its last words deleted it), the words untagged
    last: all of them when they were untagged together (a Tag All undone), each that
    can be (words tagged again since are told to *refused*, and refuse the whole only
    when none can). Restoring the claim alone left it live nowhere: listed, editable,
    never shown. With them come its words an article's deletion untagged in an article
    brought back since, which that restore left, the claim being deleted then
    (article_deletion._untagged_by): restored after the article, the claim came back
    without them; before it, whole (rv151)."""
    with project.transaction():
        deleted = claims.get_claim(project, claim_id).is_deleted
        stale = _refuse_claim_tagged_again(project, claim_id) if deleted else []
        _write_contexts(project, stale, claims.restore_claim(project, claim_id).updated)
        live = appearances_of(project, claim_id)
        back = _left_by_article_restores(project, claim_id) if deleted else []
        if not live:
            gone = [p for p in appearances_of(project, claim_id, include_deleted=True)
                    if p.deleted is not None]
            if not gone:  # (the transaction rolls the restore back)
                raise NoWordsLeft("Its words were linked to another claim since; there "
                                  "is nothing to restore. To give them a verdict of their "
                                  "own, select them in the window and choose Unlink.")
            last = max(p.deleted for p in gone)
            back = [*back, *(p.id for p in gone if p.deleted == last and p.id not in back)]
        if back:
            restored, first_refusal = restore_all(project, back, refused)
            if not live and not restored and first_refusal is not None:
                raise first_refusal
        return claims.get_claim(project, claim_id)


def _left_by_article_restores(project: Project, claim_id: str) -> list[str]:
    """The claim's places an article's deletion untagged (the place's deletion is the
    article's, at its time) in an article live again since, in reading order."""
    return [row[0] for row in project.execute(
        "SELECT a.id FROM appearances a JOIN articles r ON r.id = a.article_id "
        "WHERE a.claim_id = ? AND a.deleted IS NOT NULL AND r.deleted IS NULL AND EXISTS "
        "(SELECT 1 FROM history h WHERE h.entity_id = a.article_id AND h.at = a.deleted "
        f"AND h.entity = 'article' AND h.action = 'delete') ORDER BY {READING_ORDER}",
        [claim_id])]


def _refuse_deleted_article(project: Project, article_id: str) -> None:
    """No words are tagged, nor brought back, in a deleted article: no one can see them
    there (store.core.article_deletion brings the article back with its words)."""
    row = project.execute("SELECT deleted FROM articles WHERE id = ?", [article_id]).fetchone()
    _refuse_in_deleted_article(None if row is None else row[0])


def _refuse_in_deleted_article(deleted: str | None) -> None:
    if deleted is not None:
        raise ArticleNotFound("The article of these words was deleted; bring it back first "
                              "(tahqiq article ID --restore, or Undo).")


def _refuse_untagged(project: Project, place: Appearance) -> None:
    """Words untagged, or whose claim was deleted, are not moved nor split off: brought
    back first, as the refusal says (who deleted the claim, or who untagged them)."""
    if place.is_deleted:
        claims.live_claim(project, place.claim_id)
        raise AppearanceNotFound("These words were untagged since by {name}; bring them "
                                 "back first (Edit ▸ Deleted Claims…).",
                                 name=place.deleted_by or "?")


def _refuse_onto(project: Project, before: Appearance, words: _Words) -> None:
    """The words a place may not move onto: its own, the claim's other place there, or
    another claim of mine (two verdicts of one person on the same words)."""
    if (words.start, words.end) == (before.start, before.end):
        raise InvalidSpan("The claim is on these words already.")
    _refuse_twin(project, before.claim_id, before.article_id, words.start, words.end)
    mine = own_place_at(project, before.article_id, words.start, words.end)
    if mine is not None and mine.id != before.id:
        raise DuplicateClaim("You tagged these words already, as {label} (claim {id}): "
                             "delete that claim first, or move the claim to other words.",
                             label=label_named(project, mine.label), id=mine.claim_id[:8])


def move_refusal(project: Project, appearance_id: str, start: int, end: int
                 ) -> TahqiqError | None:
    """Why I cannot move the place to the words ``text[start:end]`` of its article
    (someone else's words; only spaces; words of another claim of mine), read without a
    write: the window says it on its status bar, as a tag's refusal, and keeps its Redo
    (a step refused in its first run took the Redo with it: rv103, rv109). None when
    the words allow it."""
    before = get_appearance(project, appearance_id)
    if (refusal := not_yours(before.annotator, project.annotator)) is not None:
        return refusal
    try:
        _refuse_onto(project, before, _words_at(project, before.article_id, start, end))
    except TahqiqError as refusal:
        return refusal
    return None


def _refuse_twin(project: Project, claim_id: str, article_id: str, start: int, end: int
                 ) -> None:
    """Words already a live place of the claim are not made one again (accepted twice,
    linked to a claim already on them): the same claim twice on the same words."""
    if project.execute(appearance_select(
            f'a.claim_id = ? AND a.article_id = ? AND a.start = ? AND a."end" = ? AND {LIVE}'),
            [claim_id, article_id, start, end]).fetchone():
        raise DuplicateClaim("These words are already tagged as this claim.")


def _refuse_tagged_again(project: Project, place: Appearance) -> None:
    """Words brought back (a restore) are not shown twice by their annotator: as the same
    claim, or with the same verdict (it would only copy the first, as a tag refuses);
    nor with another verdict given to them since they went (another window, the command
    line, then the Deleted Claims list): one person's two verdicts on the same words
    would contradict each other, in the reader, in agreement and in a published
    ClaimReview. A claim of theirs already on the words before they went (Tag All
    Occurrences makes such) stays beside them, as it stood."""
    rows = project.execute(appearance_select(
        f'a.article_id = ? AND a.start = ? AND a."end" = ? AND a.annotator = ? AND {LIVE} '
        "AND a.id <> ?"), [place.article_id, place.start, place.end, place.annotator, place.id])
    _refuse_twins(project, place, map(Appearance.from_values, rows))


def _refuse_twins(project: Project, place: Appearance, twins: Iterable[Appearance]) -> None:
    """_refuse_tagged_again of the place's live twins, in the order it meets them."""
    gone = place.deleted or place.claim.deleted or ""
    for twin in twins:
        if twin.claim_id == place.claim_id:
            raise DuplicateClaim("These words are already tagged as this claim.")
        if twin.updated <= gone:  # beside them, as it is, before they went: as it stood
            continue              # (the redo of a Tag All that put a claim there was refused)
        if twin.label == place.label:
            raise DuplicateClaim("You already tagged these words as {label}.",
                                 label=label_named(project, place.label))
        raise DuplicateClaim("These words were tagged again since, as {label} (claim "
                             "{id}): untag them first, or change that verdict.",
                             label=label_named(project, twin.label), id=twin.claim_id[:8])


def _refuse_claim_tagged_again(project: Project, claim_id: str
                               ) -> list[tuple[Appearance, Appearance]]:
    """_refuse_moved_words and _refuse_tagged_again for every place a deleted claim shows
    again when restored (its other places came back live on other words when the text
    had lost theirs); those whose prefix or suffix the text no longer holds, with the
    text's (``_write_contexts``, once the claim is back)."""
    stale = []
    for place in appearances_of(project, claim_id, include_deleted=True):
        if place.deleted is None:
            if (told := _refuse_moved_words(project, place)) != place:
                stale.append((place, told))
            _refuse_tagged_again(project, place)
    return stale


def _write_contexts(project: Project, stale: Sequence[tuple[Appearance, Appearance]],
                    at: str) -> None:
    """The prefix and suffix of a restored claim's places written as their text gives
    them, a reanchor's change after the claim's restore *at*: its places that stayed
    tagged were not checked by a merge while it was deleted (``article_texts.check_places``)
    nor moved by a text's change that lost their words, and came back live with another
    program's context, or a text's that is gone - which this project's own exports then
    carried into every merge, refused whole (rv266)."""
    for before, told in stale:
        _write(project, before, _contexts_written(project, before, told, at), "reanchor")


def _contexts_written(project: Project, before: Appearance, told: Appearance, at: str
                      ) -> Appearance:
    return told._replace(updated=later_than(at, before.updated), updated_by=project.annotator)


def _refuse_moved_words(project: Project, place: Appearance,
                        texts: dict[str, str] | None = None) -> Appearance:
    """Words untagged before their article's text changed are moved with it where they
    are found again (retext.set_article_text); if they were not, their offsets now hold
    other words, which a restore must not tag. *texts*: articles' texts read whole for
    a restore of many places, kept by the caller (filled here as they are needed).

    The place, with the prefix and suffix the text gives where its own are not the text
    beside its words: a change of the text that kept them left a deleted place's
    context as it was, as did another program (a merge checks live places only), and a
    restore that wrote it back live made this project's exports refused by any merge
    («prefix does not match…», rv266)."""
    text = None
    if texts is not None:
        if place.article_id not in texts:
            texts[place.article_id] = _whole_text(project, place.article_id)
        text = texts[place.article_id]
    try:
        exact, prefix, suffix = quote_at(project, place.article_id, place.start, place.end,
                                         text)
    except InvalidSpan:  # the text is shorter now
        exact = prefix = suffix = None
    if exact != place.quote:
        raise AnchorLost("These words are no longer in the article's text ({quote}); "
                         "they were not tagged again.", [place.id], quote=place.quote)
    if prefix.endswith(place.prefix or "") and suffix.startswith(place.suffix or ""):
        return place
    return place._replace(prefix=prefix, suffix=suffix)


def link(project: Project, appearance_id: str, claim_id: str, *, at: str | None = None
         ) -> Appearance:
    """Make these words an appearance of another claim: they take its verdict, note and
    sources. The claim they leave, if no other words show it, is tombstoned. Not in a
    deleted article: linked there (after a merge brought in words tagged in it before it
    was deleted), the words' change, later than the deletion, brought the article back in
    every colleague's copy but this one (a property test of merges found it). *at*: the
    unlink's moment, which follows the claim's last change too (stamped after the words'
    only, they were told joining the claim before it was split off: rv240)."""
    with project.transaction():
        before = get_appearance(project, appearance_id)
        if before.claim_id == claim_id:
            return before
        # (untagged words linked to a deleted claim brought it back, live with no words:
        # listed, exported, shown nowhere; a property test of merges found it)
        _refuse_untagged(project, before)
        _refuse_deleted_article(project, before.article_id)
        target = claims.get_claim(project, claim_id)
        _refuse_twin(project, claim_id, before.article_id, before.start, before.end)
        if target.is_deleted:
            claims.restore_claim(project, claim_id)
        _write(project, before, before._replace(claim_id=claim_id,
                                                updated=at or later_than(before.updated),
                                                updated_by=project.annotator), "link")
        if not appearances_of(project, before.claim_id):
            claims.delete_claim(project, before.claim_id)
        return get_appearance(project, appearance_id)


def link_all(project: Project, moves: Sequence[tuple[str, str]], *,
             expect: Mapping[str, Mapping[str, object]] | None = None,
             live: Sequence[str] = (), on: Mapping[str, str] | None = None
             ) -> list[Appearance]:
    """Each (appearance id, claim id) of *moves* linked as :func:`link` does, all or none:
    a claim's words linked one by one were left half linked when a later one was refused
    (the claim already stood on those words), with no undo step to take the first back.

    An undo or a redo says what it expects (ChangedSince if not so): *on*, the claim
    each place is on as the step left it (appearance id: claim id); *expect*, the
    verdict, note and sources of claims the move leaves with no words, which it deletes;
    *live*, claims the words go to that were live when the step was done, which it would
    bring back. Without them a colleague's verdict and note on a claim an Unlink made
    went with its undo, and their deletion of the claim the words left was undone
    (rv144); and words a colleague unlinked into a claim of theirs since were taken off
    it, their claim deleted with its verdict and note (rv151)."""
    with project.transaction():
        _refuse_changed_since_moves(project, moves, expect or {}, live, on or {})
        return [link(project, appearance_id, claim_id) for appearance_id, claim_id in moves]


def _refuse_changed_since_moves(project: Project, moves: Sequence[tuple[str, str]],
                                expect: Mapping[str, Mapping[str, object]],
                                live: Sequence[str], on: Mapping[str, str]) -> None:
    for appearance_id, claim_id in moves:
        if appearance_id in on:
            _refuse_moved_since(project, get_appearance(project, appearance_id),
                                (on[appearance_id], claim_id))
    moving = {appearance_id for appearance_id, _ in moves}
    for claim_id, fields in expect.items():
        places = appearances_of(project, claim_id)
        if places and all(place.id in moving for place in places):
            claims.refuse_changed_since(places[0].claim, fields, project.annotator)
            claims.refuse_reviewed_since(project, places[0].claim, fields)
    for claim_id in live:
        claim = claims.get_claim(project, claim_id)
        if not claim.is_deleted:
            continue
        if (claim.deleted_by or claim.updated_by) == project.annotator:
            raise ChangedSince("You deleted the claim these words go back to since, in "
                               "another window or from the command line; going back "
                               "would bring it back.")
        raise ChangedSince("{name} deleted the claim these words go back to since; going "
                           "back would bring it back.", name=claim.deleted_by or claim.updated_by)


def _refuse_moved_since(project: Project, place: Appearance, claims_ok: tuple[str, ...]
                        ) -> None:
    """ChangedSince when the place is on none of *claims_ok* (the claim the step left it
    on, the one it goes to): moved to another claim since, by a colleague's link or
    unlink merged in, or another program. Going back took the words off that claim, and
    deleted it with its verdict and note when they were its only words (rv151)."""
    if place.claim_id in claims_ok:
        return
    mover = place.updated_by or place.annotator
    if mover == project.annotator:
        raise ChangedSince("You moved these words to another claim since, in another "
                           "window or from the command line; going back would take them "
                           "off it.")
    raise ChangedSince("{name} moved these words to another claim since; going back "
                       "would take them off it.", name=mover)


def unlink(project: Project, appearance_id: str, *, claim_id: str | None = None,
           on: str | None = None) -> Appearance:
    """Split these words off into a claim of their own, with a copy of the verdict, note
    and sources they had. *claim_id* names the new claim (a redo makes the same one);
    *on*, the claim a redo expects the words on, as its undo left them (ChangedSince if
    not: :func:`_refuse_moved_since`)."""
    with project.transaction():
        before = get_appearance(project, appearance_id)
        if on is not None:
            _refuse_moved_since(project, before, (on,))
        # (after the words' and their claim's last changes, as the link that follows is:
        # made by this clock, behind a colleague's ten minutes fast who tagged the words,
        # the claim was told split off, relabelled, and only then given its words)
        now = later_than(before.updated, before.claim.updated)
        own = before.claim._replace(id=claim_id or new_id(), annotator=project.annotator,
                      created=now, updated=now, updated_by=project.annotator,
                      deleted=None, deleted_by=None)
        existing = project.execute("SELECT 1 FROM claims WHERE id = ?", [own.id]).fetchone()
        if existing:  # a redo: the copy comes back with what the words show now
            _bring_back_copy(project, own)
        else:
            project.insert("claims", own.to_row())
            history.record(project, "claim", own.id, "unlink", None,
                           {**own.to_row(), history.SPLIT_FROM_KEY: before.claim_id}, at=now)
        # (untagged words are refused there, the copy rolled back with them: a redo
        # after a colleague untagged them made a claim live with no words)
        return link(project, appearance_id, own.id, at=now)


def _bring_back_copy(project: Project, own: Claim) -> None:
    """Bring back the claim an earlier unlink made (a redo), with the verdict, note and
    sources of *own*, the words' claim now: restoring it as it was would undo every
    change made to the claim since, a colleague's merged verdict too."""
    kept = claims.get_claim(project, own.id)
    if not kept.is_deleted:  # taken up again meanwhile: it keeps its own verdict
        return
    claims.write(project, kept, kept._replace(label=own.label, note=own.note,
                                        sources=own.sources, deleted=None, deleted_by=None,
                                        updated=own.updated, updated_by=own.updated_by),
                 "unlink", at=own.updated)  # (the words' link follows at that moment)


def reanchor(project: Project, appearance_id: str, text: str, start: int, end: int, *,
             at: str) -> Appearance:
    """Move an appearance to new offsets in new text, *at* the text's change (inside
    set_article_text's transaction)."""
    before = get_appearance(project, appearance_id)
    quote, prefix, suffix = anchoring.quote_selector(text, start, end)
    after = before._replace(start=start, end=end, quote=quote, prefix=prefix, suffix=suffix,
                    updated=at, updated_by=project.annotator)
    _write(project, before, after, "reanchor")
    return after


def _write(project: Project, before: Appearance, after: Appearance, action: str) -> None:
    """The change and its history entry, at the time it gives the place."""
    history.record_update(project, "appearances", "appearance", before, after, action,
                          at=after.updated)
