"""Project search: every place a word occurs in articles, claim quotes and notes.

Matching is on folded text (``store.text.fold``): «معاهده» finds «معاهدة», «الاتفاق»
finds «الإتفاق», «2024» finds «٢٠٢٤», and harakat or tatweel never get in the way. The
index (schema v2) holds each article's text and each claim's note already folded.
Articles are kept in step by triggers that call ``tahqiq_fold``, the SQL function
``store.core.sqlfunctions`` puts on every connection a project opens. Notes are queued
by their triggers (schema v3) and indexed by :func:`catch_up`, which every search runs
first; a project that cannot be written at that moment (read-only, or another program is
writing it) has its queued notes read directly instead.
Quotes are not indexed: a quote is a piece of its article's text, so its hits are the
article's hits that lie inside the claim.

What a query finds (``store.text.word_starts`` says where a term matches):

- A word matches at the start of a word, also after Arabic clitics: «معاهدة» finds
  «المعاهدة» and «بالمعاهدة», «عاما» finds «عامًا», but «24» finds neither «2024» nor
  «245». Each hit is the word as typed, without the clitic before it.
- Several words without quotes are first looked for as a phrase: the texts where
  they stand together, in that order, come first, with one hit per occurrence of
  the whole phrase. Then, ranked below, come the texts where every word occurs but
  never together, with a hit for each word (``SearchHit.apart``).
- "Quoted phrases" are only found whole. A query holding quotes asks for every
  quoted phrase and every other word, anywhere in the text, with no phrase tier.
- A phrase's words may stand apart in the text by a few spaces, line breaks and
  punctuation marks (``word_starts.phrase_words``): «النقض في مارس» finds «النقض، في
  مارس».
- The punctuation a pasted sentence puts at its words' ends (a full stop, a comma,
  quotation marks, brackets; not a dash) is not looked for (``_trimmed``).
- A hit in an article that lies inside a live claim's quote is of kind "quote" and
  carries that claim's id (the shortest such claim, if claims overlap).

Nothing the user types reaches FTS5's query syntax: the index is asked for
trigrams we quote ourselves, so ``"``, ``AND`` or ``-`` are just characters to
look for.

Searching is lazy. The index gives the candidate texts, already narrowed in SQL, a
page at a time (or, for a caller wanting a number of hits, just as many as hold them):
first results arrive in milliseconds even when a common word occurs in every one of ten
thousand articles. The hits are found in the original texts themselves
(``store.text.unfolded_find``), not in the folded bodies the index keeps: reading a body
costs as much as reading its original, and the hits' offsets are the original's.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
import weakref
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import TYPE_CHECKING, NamedTuple
from unicodedata import category as _category
from unicodedata import normalize

from store.core import long_texts
from store.core.appearances import LIVE, READING_ORDER
from store.core.records import Appearance, appearance_select
from store.core.schema import (
    INDEXED_WINDOW_SQL,
    SEARCH_PART_CHARS,
    SEARCH_PART_OVERLAP,
    part_text_sql,
)
from store.errors import StorageError
from store.text.fold import TRAILING_MARKS, fold_for_index
from store.text.unfolded_find import UnfoldedTerm
from store.text.word_starts import (
    END_MARKS,
    MAX_GAP,
    after_lam,
    ends_number,
    is_gap,
    phrase_words,
)

if TYPE_CHECKING:
    from store.core.project import Project

CONTEXT_CHARS = 40  # of original text either side of a hit
_LEAST = CONTEXT_CHARS // 2  # of a side, kept when its whole words would leave less
_PAGE = 64  # candidate rows read at a time, when hits are taken one by one
_FIRST_PAGE = 16  # the same, first of a search: its first hits come sooner
_ROWS_AT_ONCE = 64  # candidate rows stepped at a time, for a number of hits
_BATCH = 256  # texts held at most before their hits are given, for a number of hits
_MAX_SHORT_GRAMS = 256  # a short term starting more trigrams than this is common: scan
CATCH_UP_BATCH = 5000  # queued notes indexed per transaction by catch_up (~60 ms of lock)
# A search of 200 hits reads about 900 pages of 4 KiB (the hits' texts and the article
# rows' index, the search index, the places around the hits), more than SQLite's default
# cache of 2 MiB holds: each search read them all from the file again, a sixth of its
# time. A project that was searched keeps a cache of this size (whoever searches once
# searches again, as they type); pages are cached as they are read: up to 6 MiB more.
SEARCH_CACHE_KIB = 8192
_MARKS = ("Mn", "Me")  # the Unicode categories a context does not cut off its letter
_WORD_BREAK = re.compile("[ \n]")  # where a context may begin: after a space or line break
_LAST_BREAK = re.compile("(?s).*[ \n]")  # to the last space or line break of a stretch
_TERMS_RE = re.compile(r'"([^"]*)"?|([^\s"]+)')
# What _trimmed takes off a term's ends: a gap's punctuation but the dashes.
# A text a tier accepts: kind, ref id, article id, article title, the text or the part of
# it read (a window), where that begins in the text, whether it runs to the text's end,
# and the hits, in the window's offsets.
_Text = tuple[str, str, str, str, str, int, bool, list[tuple[int, int]]]


class SearchHit(NamedTuple):
    """One occurrence of the query, or of one of its terms (a named tuple: a search
    makes hundreds, and a frozen dataclass cost nearly four times as much to build).

    ``start``/``end`` are code-point offsets (Python ``str`` indices, end exclusive)
    into the article's text for ``kind`` "article" and "quote" - a hit of kind
    "quote" lies inside the quote of claim ``claim_id``, so it can be highlighted in
    the reader and passed straight to ``appearances.create_claim`` like any other - and
    into the claim's note for "note". ``context`` is the original text around the
    hit; the hit itself is ``context[context_start:context_end]``. ``apart`` marks a
    hit of one word of a query whose words were not found together in that text.
    """

    kind: str  # "article" | "quote" | "note"
    article_id: str
    article_title: str
    claim_id: str | None
    start: int
    end: int
    context: str
    context_start: int
    context_end: int
    apart: bool = False


@dataclass(frozen=True)
class _Tier:
    """One rank of results: the texts holding every term, minus those an earlier
    tier already gave (they hold *shown*)."""

    terms: tuple[str, ...]  # folded; each must occur
    apart: bool  # each term is one of several words looked for on its own
    shown: str | None = None  # the phrase of the tier before

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """The hits of every term in the original *text*, by position; None when the
        tier does not accept it."""
        shown, terms = self._unfolded
        if shown is not None and shown.occurs(text):
            return None
        if len(terms) == 1:
            return terms[0].spans(text) or None
        per_term = []
        for term in terms:
            spans = term.spans(text)
            if not spans:
                return None
            per_term.append(spans)
        return per_term[0] if len(per_term) == 1 else sorted(
            {span for spans in per_term for span in spans})

    @functools.cached_property
    def _unfolded(self) -> tuple[UnfoldedTerm | None, list[UnfoldedTerm]]:
        """The phrase shown before (if any), and the terms, as looked for in originals."""
        return (None if self.shown is None else UnfoldedTerm(self.shown),
                list(map(UnfoldedTerm, self.terms)))


def query_terms(query: str) -> list[str]:
    """The folded terms of *query*: words, or "quoted phrases" kept whole.

    An unclosed quote runs to the end; an empty phrase is dropped. Spaces inside a
    phrase are collapsed to one, as they are typed.
    """
    return [term for term, _ in _parse(query)]


def _parse(query: str) -> list[tuple[str, bool]]:
    """(folded term, quoted) for each distinct term of *query*, without the punctuation
    a pasted sentence puts at its words' ends (``_trimmed``). A word of punctuation
    alone is dropped, unless the query holds nothing else. The query is read composed
    (NFC), as texts are stored: «crème» copied decomposed found nothing."""
    query = normalize("NFC", query)
    terms: list[tuple[str, bool]] = []
    marks: list[tuple[str, bool]] = []  # the words of punctuation alone
    for match in _TERMS_RE.finditer(query):
        quoted = match.group(1) is not None
        typed = " ".join(fold_for_index(match.group(1) if quoted else match.group(2)).split())
        term = _trimmed(typed)
        kept = terms if term else marks
        if typed and (term or typed) not in (t for t, _ in kept):
            kept.append((term or typed, quoted))
    return terms or marks


def _trimmed(term: str) -> str:
    """*term* without the punctuation that ends or opens a sentence or a quotation
    around it: «أقوى معاهدة على الإطلاق.», pasted with its full stop, found nothing where
    the article closes a quotation first («الإطلاق”.»). A dash stays («-3»); "" for a
    term of punctuation alone."""
    if all(map(is_gap, term)):  # (a quoted phrase may hold spaces)
        return ""
    return term.strip(END_MARKS).strip()


@functools.lru_cache(maxsize=64)
def _tiers(query: str) -> tuple[_Tier, ...]:
    """How *query* ranks its results (see the module's docstring). Kept for the last
    queries, with the expressions their tiers look for in texts: a query the panel
    searches again (Enter pressed again, a word typed and erased) is parsed and compiled
    once; that was a third of a search that finds nothing."""
    parsed = _parse(query)
    terms = tuple(term for term, _ in parsed)
    if not terms:
        return ()
    if len(terms) == 1 or any(quoted for _, quoted in parsed):
        return (_Tier(terms, apart=len(terms) > 1),)
    typed = fold_for_index(normalize("NFC", query)).split()
    phrase = " ".join(list(filter(None, map(_trimmed, typed))) or typed)  # as _parse
    return (_Tier((phrase,), apart=False), _Tier(terms, apart=True, shown=phrase))


def search(project: Project, query: str, limit: int = 200) -> list[SearchHit]:
    """The first *limit* hits for *query*, best first; [] for a blank query. (A limit
    beyond what a list can hold is no limit: islice refuses it.)"""
    limit = min(max(limit, 0), sys.maxsize)
    return list(islice(_iter_hits(project, query, limit), limit))


def iter_hits(project: Project, query: str) -> Iterator[SearchHit]:
    """Every hit for *query*, computed as they are taken (the window asks :func:`search`
    for a number of them, and for more by asking again).

    Order: tier by tier (the words together, then apart); within a tier, the order
    texts were indexed (import order for existing projects, then the order of later
    writes), an article's hits by position, and notes still waiting to be indexed
    last. Texts written while a caller is still taking hits may or may not be
    included, as they were or as they are (never both); search again for a fresh list.
    """
    return _iter_hits(project, query, None)


def _iter_hits(project: Project, query: str, wanted: int | None) -> Iterator[SearchHit]:
    """iter_hits, reading as many texts as *wanted* hits need (None: a page at a time).
    A text's hits are known as soon as it is read, so no text is read that no one
    takes: mapping hits back in texts no one took was a third of a search's time."""
    tiers = _tiers(query)
    if not tiers:
        return
    conn = project.conn
    project.keep_pages(SEARCH_CACHE_KIB)
    pending, trigrams = _index_state(project)
    waiting = {} if not pending or _catch_up_now(project) else _waiting(conn)
    given = 0  # hits taken

    def left() -> int:
        return wanted - given if wanted is not None else 0

    for tier in tiers:
        pages = _candidates(conn, tier, trigrams, waiting,
                            left if wanted is not None else None)
        for page in pages:
            for hit in _hits(project, page, tier.apart):
                given += 1
                yield hit
        yield from _hits(project, list(_waiting_notes(conn, waiting, tier)), tier.apart)


# -- the same words elsewhere ------------------------------------------------------------
class SameWords:
    """Finds the places whose quote folds to the same words as another's: the same claim
    checked again elsewhere, to link as one.

    Comparing folded quotes needs every quote folded, which is not something to do on
    every selection of a claim (a project of 100,000 places). So this keeps, on one
    connection, a temporary table of every place by a hash of its folded quote: made
    once (:meth:`prepare`, about 5 µs a place, a step at a time if wanted), told of the
    places this connection writes (:meth:`note`), and dropped after outside writes
    (:meth:`forget`). A question then reads the few places of one hash. The table lives
    in SQLite's temp store, so a read-only project can have one too, and it is gone with
    the connection.
    """

    def __init__(self, project: Project):
        self._project = project
        self._done_up_to: int | None = None  # rowid of appearances read so far; None: none
        project.conn.create_function("tahqiq_same_words_key", 1, _same_words_key,
                                     deterministic=True)

    @property
    def ready(self) -> bool:
        return self._done_up_to is not None and self._done_up_to < 0

    def prepare(self, limit: int | None = None) -> bool:
        """Read the next *limit* places into the table (all with None); True once every
        place is in. A caller with an event loop reads a few thousand at a time (about
        10 ms each), so no single step holds the window up."""
        if self.ready:
            return True
        if self._done_up_to is None:
            self._write("DROP TABLE IF EXISTS temp.same_words")
            self._write("CREATE TEMP TABLE same_words (key INTEGER NOT NULL, id TEXT NOT NULL, "
                        "PRIMARY KEY (key, id)) WITHOUT ROWID")
            self._done_up_to = 0
        # In SQL, a quote at a time: no list of every quote in Python.
        last = self._project.conn.execute(
            "SELECT max(rowid), count(*) FROM (SELECT rowid FROM appearances WHERE rowid > ? "
            "ORDER BY rowid LIMIT ?)", [self._done_up_to, -1 if limit is None else limit]
        ).fetchone()
        if last[1]:
            self._write("INSERT OR IGNORE INTO temp.same_words (key, id) "
                        "SELECT tahqiq_same_words_key(quote), id FROM appearances "
                        "WHERE rowid > ? AND rowid <= ?", [self._done_up_to, last[0]])
        if limit is None or last[1] < limit:
            self._done_up_to = -1
            return True
        self._done_up_to = last[0]
        return False

    def note(self, places: list[Appearance]) -> None:
        """Places written since (new ones among them): their words can be found."""
        if self._done_up_to is not None:
            self._write("INSERT OR IGNORE INTO temp.same_words (key, id) VALUES (?, ?)",
                        [(_same_words_key(p.quote), p.id) for p in places], many=True)

    def forget(self) -> None:
        """Others changed the project: the table is made again when next asked."""
        self._done_up_to = None

    def find(self, quote: str, *, article_id: str, claim_id: str) -> list[Appearance]:
        """Live places in other articles than *article_id*, of other claims than
        *claim_id*, whose quote folds to the same words as *quote*; in reading order."""
        self.prepare()
        wanted = _words_of(quote)
        rows = self._project.conn.execute(appearance_select(
            "a.id IN (SELECT id FROM temp.same_words WHERE key = ?) AND a.article_id <> ? "
            f"AND a.claim_id <> ? AND {LIVE}", READING_ORDER),
            [_same_words_key(quote), article_id, claim_id])
        return [place for place in map(Appearance.from_values, rows)
                if _words_of(place.quote) == wanted]

    def _write(self, sql: str, params: list | None = None, *, many: bool = False) -> None:
        """A write to the temp table only: committed at once unless it joins a write of
        the project already under way."""
        conn = self._project.conn
        was_in_transaction = conn.in_transaction
        if many:
            conn.executemany(sql, params or [])
        else:
            conn.execute(sql, params or [])
        if not was_in_transaction and conn.in_transaction:
            conn.commit()


def _same_words_key(quote: str | None) -> int:
    """The key of a quote's folded words (Python's hash: the table lasts one process)."""
    return hash(_words_of(quote))


def _words_of(quote: str | None) -> str:
    """A quote's folded words, one space between them: a sentence one article breaks
    over two lines is the same words as another's on one line (Link as One Claim was
    not offered). Folded as fold_query folds, without the offset map it does not need."""
    return " ".join((fold_for_index(quote) or "").split())


# -- notes waiting to be indexed ---------------------------------------------------------
def _note_article(claim_id: str) -> str:
    """SQL: the article a note's hit shows. A note belongs to a claim, which may appear
    in several articles: the article where the claim first appeared, its words still
    tagged and the article not deleted first. Asked as the note is found, not when it
    was indexed: the claim's words may have been untagged there since."""
    return ("coalesce((SELECT p.article_id FROM appearances p JOIN articles pa ON pa.id = "
            f"p.article_id WHERE p.claim_id = {claim_id} ORDER BY p.deleted IS NOT NULL, "
            "pa.deleted IS NOT NULL, p.created LIMIT 1), '')")


def catch_up(project: Project, limit: int | None = None) -> int:
    """Index the notes of claims queued in ``search_pending`` (schema v3); returns how
    many queued claims were handled. *limit* caps that number (None: all).

    Runs CATCH_UP_BATCH claims per transaction, so a long catch-up (after merging
    thousands of notes) holds the write lock only briefly at a time; the GUI can run it
    on its own connection in a background thread. A read-only project does nothing.
    """
    if project.read_only:
        return 0
    conn = project.conn
    done = 0
    while limit is None or done < limit:
        size = CATCH_UP_BATCH if limit is None else min(CATCH_UP_BATCH, limit - done)
        with project.transaction():
            taken = _index_waiting(conn, size)
        done += taken
        if taken < size:
            break
    return done


def pending(project: Project) -> int:
    """How many claims' notes wait to be indexed."""
    return project.conn.execute("SELECT count(*) FROM search_pending").fetchone()[0]


def _index_waiting(conn: sqlite3.Connection, size: int) -> int:
    """Index the first *size* queued notes (-1: all), inside a transaction; returns how
    many claims that was."""
    taken, last = conn.execute(
        "SELECT count(*), max(rowid) FROM (SELECT rowid FROM search_pending ORDER BY rowid "
        "LIMIT ?)", [size]).fetchone()
    if not taken:
        return 0
    queued = "SELECT claim_id FROM search_pending WHERE rowid <= ?"
    # Whatever is indexed under these ids goes first: the queue holds ids, not versions.
    conn.execute("DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_entries "
                 f"WHERE kind = 'note' AND ref_id IN ({queued}))", [last])
    conn.execute(f"DELETE FROM search_entries WHERE kind = 'note' AND ref_id IN ({queued})",
                 [last])
    first_new = conn.execute("SELECT coalesce(max(id), 0) FROM search_entries").fetchone()[0]
    conn.execute("INSERT INTO search_entries (kind, ref_id, article_id) "
                 f"SELECT 'note', c.id, {_note_article('c.id')} FROM search_pending p "
                 "JOIN claims c ON c.id = p.claim_id WHERE p.rowid <= ? "
                 "AND c.deleted IS NULL AND trim(c.note) <> '' ORDER BY p.rowid", [last])
    conn.execute("INSERT INTO search_index (rowid, body) SELECT e.id, "
                 "tahqiq_fold(c.note) || char(10, 10) FROM search_entries e "
                 "JOIN claims c ON c.id = e.ref_id WHERE e.id > ? ORDER BY e.id", [first_new])
    conn.execute("DELETE FROM search_pending WHERE rowid <= ?", [last])
    return taken


def _catch_up_now(project: Project) -> bool:
    """Index the waiting notes before a search, in one transaction (the caller waits
    anyway: one is quickest), if that can start without waiting; False when the project
    is read-only or another connection is writing it."""
    if project.read_only:
        return False
    try:
        with project.not_waiting(), project.transaction():  # nested in the caller's, if any
            _index_waiting(project.conn, -1)
    except StorageError:  # busy: what is left in the queue is read directly
        return False
    return True


def _waiting(conn: sqlite3.Connection) -> dict[str, None]:
    """The claims whose notes wait to be indexed, in the order they were queued (a dict:
    every candidate row of the search asks whether its note is one of them)."""
    return dict.fromkeys(row[0] for row in conn.execute(
        "SELECT claim_id FROM search_pending ORDER BY rowid"))


def _waiting_notes(conn: sqlite3.Connection, waiting: Collection[str], tier: _Tier
                   ) -> Iterator[_Text]:
    """Each live note of the claims that were *waiting* the tier accepts, as it is now.
    Read by claim, not from the queue: another connection may have indexed them since,
    and the index rows of waiting notes are left out of the search."""
    if not waiting:
        return
    rows = conn.execute(
        "SELECT n.id, n.article_id, a.title, n.note FROM (SELECT c.id, c.note, w.key AS "
        f"queued, {_note_article('c.id')} AS article_id FROM json_each(?) w JOIN claims c "
        "ON c.id = w.value WHERE c.deleted IS NULL AND trim(c.note) <> '') n "
        "JOIN articles a ON a.id = n.article_id AND a.deleted IS NULL ORDER BY n.queued",
        [json.dumps(list(waiting))])
    for claim_id, article_id, title, note in rows.fetchall():
        if (spans := tier.spans(note)) is not None:
            yield "note", claim_id, article_id, title, note, 0, True, spans


# -- finding candidates ------------------------------------------------------------------
def _candidates(conn: sqlite3.Connection, tier: _Tier, trigrams: bool,
                waiting: Collection[str],
                left: Callable[[], int] | None) -> Iterator[list[_Text]]:
    """Pages of the indexed texts (or windows of a long article) the tier accepts, with
    their hits; notes *waiting* to be indexed left out (they are read from the claims).

    SQL narrows the rows to those holding every term anywhere, and reads the originals
    of those rows alone; the terms are then looked for at word starts in the originals.
    Without *left*, pages of _PAGE rows (_FIRST_PAGE the first) restart from the last
    rowid seen rather than holding a cursor open, so a caller may pause between hits
    while the project is written to. With it (how many hits are still wanted), one
    query is read (a phrase of common trigrams costs milliseconds a query), a few dozen
    rows at a time, about as many as the hits still wanted need, and a page ends as soon
    as its texts hold that many hits (or _BATCH texts).
    """
    terms = list(tier.terms)
    match = _match_expression(conn, terms) if trigrams else ""
    if match is None:
        return
    # The index is case-sensitive: a MATCH narrows the rows as instr() would, at a
    # third of the cost (instr() reads every body again); a scan needs instr().
    # (The index holds a NUL as a line break: store.core.sqlfunctions.)
    conditions, params = (["search_index MATCH ?"], [match]) if match else \
        scan_conditions("search_index.body", terms)
    where = " AND ".join(["search_index.rowid > ?", *conditions])
    # An article's text is read whole; of a long one (indexed in parts), the window of
    # its row. A note is read from its claim. Nothing is read for an article gone. A
    # first part is read as the whole text, which _accepted trades for the part's window
    # if the text is longer than a part (a text in parts is over a million characters,
    # a rare book; joining every row to the one after it, to know, was a twentieth of a
    # 200-hit search).
    sql = (f"SELECT search_index.rowid, e.kind, e.ref_id, a.id, e.part, a.title, "
           f"CASE WHEN a.id IS NULL THEN NULL WHEN e.kind = 'note' THEN (SELECT c.note "
           f"FROM claims c WHERE c.id = e.ref_id) WHEN e.part > 0 "
           f"THEN {INDEXED_WINDOW_SQL} ELSE CAST(a.text AS BLOB) END "
           f"FROM search_index JOIN search_entries e ON e.id = search_index.rowid "
           f"LEFT JOIN articles a ON a.id = CASE e.kind WHEN 'note' THEN "
           f"{_note_article('e.ref_id')} ELSE e.article_id END AND a.deleted IS NULL "
           f"WHERE {where} ORDER BY search_index.rowid LIMIT ?")
    if left is None:
        last, size = 0, _FIRST_PAGE
        given: set[tuple[str, str, int]] = set()  # a text written since is indexed again
        while True:
            rows = conn.execute(sql, [last, *params, size]).fetchall()
            if rows:
                last = rows[-1][0]
                yield [text for row in rows if (row[1], row[2], row[4]) not in given
                       and (text := _accepted(conn, row, tier, waiting))]
                given.update((row[1], row[2], row[4]) for row in rows)
            if len(rows) < size:
                return
            size = _PAGE
    # Rows are stepped a few dozen at a time and then read, not one by one between the
    # reading of texts: what SQLite works with stays in the processor's caches (stepped
    # between texts, the query took a quarter longer than run alone, a tenth of the
    # search; read this way the search took 3-5% less on the benchmark's phrases). As
    # many as the hits still wanted need, judged by the texts read so far (_FIRST_PAGE
    # to begin with), so that few rows are stepped that no one reads (one or a few of
    # 200, in the benchmark's queries).
    page: list[_Text] = []
    hits = 0  # in the page
    read = found = 0  # texts accepted, and their hits, in the tier so far
    rows = conn.execute(sql, [0, *params, -1])
    size = max(1, min(_FIRST_PAGE, left()))
    while batch := rows.fetchmany(size):
        for row in batch:
            if text := _accepted(conn, row, tier, waiting):
                page.append(text)
                hits += len(text[-1])
                read += 1
                if hits >= left() or len(page) >= _BATCH:
                    found += hits
                    yield page
                    page, hits = [], 0
        still = left() - hits  # hits wanted after these
        size = max(1, min(_ROWS_AT_ONCE, still * read // max(found + hits, 1) + 1))
    if page:
        yield page


def _accepted(conn: sqlite3.Connection, row: tuple, tier: _Tier, waiting: Collection[str]
              ) -> _Text | None:
    """The text of a candidate *row* with its hits, if the tier accepts it."""
    _, kind, ref_id, article_id, part, title, text = row
    if text is None or kind == "note" and ref_id in waiting:
        return None
    begin, to_end, indexed, own = 0, True, None, None
    if isinstance(text, bytes) and (len(text) > SEARCH_PART_CHARS or not text) and _in_parts(
            conn, ref_id):
        # The first part of a long article (or of one stored in pieces, whose text is
        # empty): the window of that part, as for the others.
        text = conn.execute(f"SELECT {part_text_sql('text', '0')} FROM articles WHERE id = ?",
                            [article_id]).fetchone()[0] or long_texts.window(conn, article_id, 0)
    if isinstance(text, bytes):  # an article's text, whole (bytes: a NUL is found quicker)
        nul = 0 in text  # (a byte of value 0: memchr; b"\0" took four times as long)
        try:
            text = text.decode()
        except UnicodeDecodeError:  # a damaged text fails as reading it as text fails
            conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchall()
            raise
        if nul:  # SQLite's substr() stops at a NUL: the index holds the text up to it
            indexed = text[:text.index("\0")]
    elif kind != "note":  # the window of a part of a long article
        begin, to_end = max(part * SEARCH_PART_CHARS - SEARCH_PART_OVERLAP, 0), False
        own = part * SEARCH_PART_CHARS - begin  # where the part itself begins in it
    spans = tier.spans(text if indexed is None else indexed)
    if spans and own is not None:  # a hit belongs to the part it starts in
        spans = [span for span in spans if own <= span[0] < own + SEARCH_PART_CHARS]
    if not spans:  # a part of a long article may hold only its neighbours' hits
        return None
    return kind, ref_id, article_id, title, text, begin, to_end, spans


def _in_parts(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether the article is indexed in parts (it is longer than one)."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM search_entries WHERE kind = 'article' "
                        "AND ref_id = ? AND part = 1)", [article_id]).fetchone()[0]


def _index_state(project: Project) -> tuple[bool, bool]:
    """Whether notes wait to be indexed, and whether the index is made of trigrams (not
    before SQLite 3.34). The second is fixed when a file's index is made (before anyone
    searches it), so it is read from the schema once per project: reading it for every
    search was a fifth of one that finds nothing."""
    conn = project.conn
    trigrams = _TRIGRAMS.get(project)
    if trigrams is None:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'"
                           ).fetchone()
        trigrams = _TRIGRAMS[project] = sql is not None and "trigram" in sql[0]
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM search_pending)").fetchone()[0]
                ), trigrams


_TRIGRAMS: weakref.WeakKeyDictionary[Project, bool] = weakref.WeakKeyDictionary()


def _quoted(text: str) -> str:
    """An FTS5 string: no character the user typed is read as query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _written(term: str) -> list[list[str]]:
    """What a hit of the folded *term* holds in the folded text, as its words (what
    stands between a phrase's words varies: ``word_starts.phrase_words``): the term,
    and for one with the article, the term after the preposition ل
    (``word_starts.after_lam``)."""
    words = phrase_words(term)
    dropped = after_lam(words[0])
    return [words] if dropped is None else [words, ["ل" + dropped, *words[1:]]]


def _pieces(words: list[str]) -> list[str]:
    """The pieces of text a hit of a phrase of *words* holds as they are: its words, and
    each between the NULs it holds."""
    return [piece for word in words for piece in word.split("\0") if piece]


def scan_conditions(body: str, terms: list[str]) -> tuple[list[str], list[str]]:
    """SQL conditions (and their parameters) on the indexed *body* column that every
    text holding a hit of all *terms* meets, without the index's trigrams."""
    conditions, params = [], []
    for term in terms:
        ways = []
        for words in _written(term):
            pieces = [word.replace("\0", "\n") for word in words]
            ways.append(" AND ".join([f"instr({body}, ?) > 0"] * len(pieces)))
            params.extend(pieces)
        conditions.append("(" + " OR ".join(f"({way})" for way in ways) + ")")
    return conditions, params


def _match_expression(conn: sqlite3.Connection, terms: list[str]) -> str | None:
    """An FTS5 query matched by every text that contains all *terms*.

    A word of three or more characters is one quoted string, which the trigram
    tokenizer turns into a phrase of its trigrams: an exact substring match (a phrase
    asks for each of its words: what stands between them varies). A term of shorter
    words has no trigram of its own, but every occurrence starts one (each indexed
    text ends in SEARCH_BODY_END), so it becomes the OR of the trigrams its first word
    starts, read from the index's vocabulary; short terms are only used when the
    query has no long one. A term with the article asks for either way it is written
    («الحكومه» or «للحكومه»: ``_written``). "" means no usable condition (scan,
    confirmed by instr()); None means nothing can match.
    """
    # FTS5 reads its query as a C string, so a NUL (pasted from a binary file, say)
    # would end it early ("unterminated string"): match the pieces between NULs, and
    # let instr() confirm the whole term.
    long_terms = [piece for t in terms for piece in _pieces(phrase_words(t))
                  if len(piece) >= 3]
    groups = [group for t in terms if (group := _long_pieces(t))]
    if groups:
        for term in long_terms:
            if term[-1].isdigit():
                # A number ends where the term does: some trigram starting with its
                # last two characters must not go on with a digit («2024» alone
                # holds no hit of «202»).
                ending = _grams_starting(conn, term[-2:])
                if ending is None:
                    continue
                if not ending:
                    return None
                groups.append("(" + " OR ".join(map(_quoted, ending)) + ")")
        return " AND ".join(groups)
    if any("\0" in t for t in terms):
        return ""
    groups = []
    for term in terms:
        grams = _grams_starting(conn, phrase_words(term)[0])
        if grams is not None:
            if not grams:
                return None
            groups.append("(" + " OR ".join(_quoted(g) for g in grams) + ")")
    return " AND ".join(groups)


def _long_pieces(term: str) -> str:
    """An FTS5 condition every text holding a hit of *term* meets, from its pieces of
    three characters or more (between NULs); "" when a way it is written has none. A
    term written two ways (``_written``) asks for either."""
    ways = [_near(words) for words in _written(term)]
    if not all(ways):
        return ""
    return ways[0] if len(ways) == 1 else "(" + " OR ".join(f"({way})" for way in ways) + ")"


def _near(words: list[str]) -> str:
    """The condition of _long_pieces for one way a phrase of *words* is written: each
    word of three characters or more, and two such words no further apart than the
    words between them and their gaps (MAX_GAP each) allow. FTS5 counts the tokens
    (trigrams, one per character) between the end of one and the start of the other:
    two more than the characters between them. (A phrase's words held anywhere in a
    text were 38% more texts to read than its hits, on the benchmark's corpus; the
    words as typed, with one space between them, would miss other gaps.)"""
    if any("\0" in word for word in words):
        return " AND ".join(_quoted(piece) for piece in _pieces(words) if len(piece) >= 3)
    longs = [at for at, word in enumerate(words) if len(word) >= 3]
    near = [_quoted(words[at]) for at in longs[:1]]
    for before, at in pairwise(longs):
        between = sum(map(len, words[before + 1:at])) + (at - before) * MAX_GAP
        near.append(f"NEAR({_quoted(words[before])} {_quoted(words[at])}, {between + 2})")
    return " AND ".join(near if len(near) == 1 else near[1:])


def _grams_starting(conn: sqlite3.Connection, start: str) -> list[str] | None:
    """The indexed trigrams that begin with the one or two characters *start* and
    could begin a hit of a term ending there (``word_starts.ends_number``); None when
    there are too many to list (a common start: scan instead)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                 "USING fts5vocab(main, 'search_index', 'row')")
    grams = [row[0] for row in conn.execute(
        "SELECT term FROM temp.search_vocab WHERE term >= ? AND term <= ? LIMIT ?",
        [start, start + "\U0010ffff\U0010ffff", _MAX_SHORT_GRAMS + 1])]
    if len(grams) > _MAX_SHORT_GRAMS:
        return None
    return [g for g in grams if ends_number(start, g[len(start)])]


# -- exact spans -------------------------------------------------------------------------
_CLAIMS_AT_ONCE = 300  # hits asked about in one query (3 parameters each, SQLite's old 999)


def _hits(project: Project, texts: list[_Text], apart: bool) -> Iterator[SearchHit]:
    """The hits in *texts*, the claims around them read for _CLAIMS_AT_ONCE hits at a
    time, as they are taken: a query or two per text was most of a search's time, and a
    text may hold thousands of hits of a common word, of which a caller takes a few."""
    whole: dict[str, str] = {}  # texts read whole, when a context leaves a window
    hits = ((text, start, end) for text in texts for start, end in text[-1])
    while chunk := list(islice(hits, _CLAIMS_AT_ONCE)):
        claims = _claims_holding(project, chunk)
        for (kind, ref_id, article_id, title, text, begin, to_end, _), start, end in chunk:
            context, context_start, context_end = _context(text, start, end)
            if (begin and start == context_start) or (
                    not to_end and start - context_start + len(context) == len(text)):
                if article_id not in whole:
                    whole[article_id] = project.conn.execute(
                        "SELECT text FROM articles WHERE id = ?", [article_id]
                    ).fetchone()[0] or long_texts.read(project.conn, article_id)
                context, context_start, context_end = _context(
                    whole[article_id], begin + start, begin + end)
            if kind == "note":
                yield _new_hit((kind, article_id, title, ref_id, start, end, context,
                                context_start, context_end, apart))
            else:
                claim_id = claims.get((article_id, begin + start))
                yield _new_hit(("quote" if claim_id else "article", article_id, title,
                                claim_id, begin + start, begin + end, context, context_start,
                                context_end, apart))


# A SearchHit of its ten values, made in C: the class's own __new__ (Python, to take
# arguments by name) cost twice as much, 200 times a search.
_new_hit: Callable[[tuple], SearchHit] = functools.partial(tuple.__new__, SearchHit)


def _claims_holding(project: Project, hits: list[tuple[_Text, int, int]]
                    ) -> dict[tuple[str, int], str]:
    """The claim around each of *hits* (a text and a span in it) in an article that lies
    in one, by (article id, start): the shortest live place holding the hit's letters,
    the first made among equals (its time of making, then its id: the same on
    every copy, where the order its rows were written is not).

    Asked hit by hit, in SQL: only the places that hold a hit are joined to their claim
    to know it is live. Reading every place between an article's first and last hit,
    each joined to its claim, read seven times as many claims («معاهده»: 201 places for
    the 27 hits in one) and took three times as long.
    """
    wanted: list[str | int] = []  # (article id, start, end of its letters) of each hit
    for (kind, _, article_id, _, text, begin, _, _), start, end in hits:
        if kind != "note":
            wanted += article_id, begin + start, begin + _letters_end(text, start, end)
    if not wanted:
        return {}
    # A place holding a hit starts at most the article's longest place before it: each
    # hit looks at the places starting in that stretch, not at every place before it (an
    # article with 50,000 places and hits late in it read millions of index entries: a
    # search there took 0.4 s). The longest place is the last entry of the article's in
    # an index by length (schema v8), looked up for each hit as its range is sought
    # (for each article once, in a table of their own, and the places sorted by when
    # they were written, it took 40% longer: the first written is chosen here). Asked as
    # the first entry in descending order, not as max(): the same one entry read, without
    # an aggregate set up and finished for every hit (a fifth of the look-up's time).
    # (project.execute: an index another program dropped since is made again first)
    rows = project.execute(
        "WITH hit (article_id, start, letters_end) AS (VALUES "
        + ", ".join(["(?, ?, ?)"] * (len(wanted) // 3)) + ") "
        'SELECT hit.article_id, hit.start, a."end" - a.start, a.created, a.id, a.claim_id '
        "FROM hit "
        "CROSS JOIN appearances a ON a.article_id = hit.article_id AND a.deleted IS NULL "
        "AND a.start BETWEEN hit.start - (SELECT b.\"end\" - b.start FROM appearances b "
        "INDEXED BY appearances_live_length WHERE b.article_id = hit.article_id AND "
        'b.deleted IS NULL ORDER BY b."end" - b.start DESC LIMIT 1) AND hit.start '
        'AND a."end" >= hit.letters_end '
        "JOIN claims c INDEXED BY claims_live ON c.id = a.claim_id WHERE c.deleted IS NULL",
        wanted)
    # (the first made, then by id, not by rowid: a colleague's copy, whose rows were
    # written in another order, showed another claim for the same hit - .ci/run's merge
    # convergence found it)
    found: dict[tuple[str, int], tuple[int, str, str, str]] = {}  # (article, start): place
    for article_id, start, length, created, place_id, claim_id in rows:
        known = found.get(key := (article_id, start))
        if known is None or (length, created, place_id) < known[:3]:
            found[key] = (length, created, place_id, claim_id)
    return {key: claim_id for key, (*_, claim_id) in found.items()}


def _letters_end(text: str, start: int, end: int) -> int:
    """*end* without the harakat a hit takes along after its last letter: a claim that
    leaves them out still holds the hit."""
    while end > start and text[end - 1] in TRAILING_MARKS:
        end -= 1
    return end


def _context(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Up to CONTEXT_CHARS either side of ``text[start:end]``, in whole words: a cut
    word misleads (the tail «3» of «2023» reads as another number), and a cut never
    parts a mark (a haraka, a shadda) from the letter it sits on. A side whose whole
    words would leave less than half of it (a long link) is cut where the count ends.
    (Written for speed: a search makes 200 contexts, and builtin calls - max(), min(),
    len() again and again - were a fifth of their time.)"""
    size = len(text)
    left = start - CONTEXT_CHARS
    if left <= 0:
        left = 0
    elif not text[left - 1].isspace():  # inside a word: from the next one
        # (one regex search, not a find per separator: a search makes 200 contexts)
        found = _WORD_BREAK.search(text, left, start - _LEAST)
        if found is not None:
            left = found.end()
    right = end + CONTEXT_CHARS
    if right >= size:
        right = size
    elif not text[right].isspace():  # inside a word: to the last
        # (one regex match, not two rfinds: each converted its one-letter needle to the
        # text's width in a buffer of its own, twice the match's cost)
        found = _LAST_BREAK.match(text, end + _LEAST, right)
        if found is not None:
            right = found.end() - 1
    while left and _category(text[left]) in _MARKS:
        left -= 1
    while right < size and _category(text[right]) in _MARKS:
        right += 1
    return text[left:right], start - left, end - left
