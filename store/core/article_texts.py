"""An article's text read from the project file, whole or from its pieces, and the check
that claims' places hold their words in it: without the project object, so that opening
a file (store.core.project) and merging one can use them."""

from __future__ import annotations

import codecs
import sqlite3
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from store.core import long_texts
from store.errors import quoted

_READ_BYTES = 1 << 20
# Live places in one article above which check_places() reads its text once in Python.
_READ_IN_PYTHON_OVER = 64


def read_text(conn: sqlite3.Connection, rowid: int, article_id: str) -> str:
    """The text of the article in row *rowid*, read a piece at a time and grown in place
    (``str +=`` on the only reference resizes it): held once, not beside a copy of
    SQLite's, as a plain query would. An empty one is stored in pieces."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    text = ""
    try:
        with conn.blobopen("articles", "text", rowid, readonly=True) as blob:
            # (A ``while chunk := blob.read()`` loop measured twice the text at its peak:
            # the append was not done in place.)
            for _ in range(0, len(blob), _READ_BYTES):
                text += decoder.decode(blob.read(_READ_BYTES))
        return text + decoder.decode(b"", final=True) or long_texts.read(conn, article_id)
    except UnicodeDecodeError as exc:  # bytes another program stored: as a query says it
        raise sqlite3.DataError(f"Could not decode to UTF-8 ({exc.reason})") from exc


class PlacesChecked(NamedTuple):
    """What :func:`check_places` found wrong with live places of live claims."""

    misdescribed: int  # holding their quote, with a prefix or suffix not the text beside it
    first: str | None  # the first of those, said: «appearances.prefix holds …»
    off_words: list[str]  # the misplaced places' ids, in their articles' order

    @property
    def misplaced(self) -> int:
        """The places not holding their quote at their offsets: *off_words*, counted (a
        field of its own, it was always their count, rv278)."""
        return len(self.off_words)


def check_places(conn: sqlite3.Connection, place_ids: Iterable[str] | None = None
                 ) -> PlacesChecked:
    """Live places of live claims (of *place_ids*, or all) that do not hold their quote
    at their offsets in their article's text, or whose prefix or suffix is not the text
    beside it: none can, unless another program wrote them (a deleted claim's place may:
    a text change leaves it where it was when its words are gone, and its context as it
    was; restoring it refuses, or writes the text's). Merged, they highlighted and
    exported other words or another context, and this project's own CSV export was
    refused by every later merge (rv254). Each article's text is read once.
    Run where the ``temp.checked_places`` table is free.

    SQLite compares each place's words with their context first, in one substr() and in
    C (0.5 s for 100,000 places in 10,000 articles, against 1.1 s reading every text in
    Python); the few it doubts - a text stored in pieces, a NUL where SQLite stops
    counting, a wrong offset, an end past the text, a context longer than the text
    before - are read."""
    # An article with many places is read once here and every place compared in Python:
    # SQLite's substr() reads the whole text and counts its characters from the start
    # for each place (50,000 places in a 1 MiB article: 28 s of `tahqiq check`, and
    # most of a merge of such a project). Such articles come first in the OR below, so
    # their text is never read by SQLite.
    joined = ""
    if place_ids is not None:
        conn.execute("CREATE TEMP TABLE checked_places (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO temp.checked_places VALUES (?)",
                         [(place_id,) for place_id in place_ids])
        joined = "JOIN temp.checked_places k ON k.id = p.id "
    context = "coalesce(p.prefix, '') || p.quote || coalesce(p.suffix, '')"
    where = (f"{joined}WHERE p.deleted IS NULL AND c.deleted IS NULL AND ("
             "p.article_id IN many OR a.text = '' OR "
             'p.start < 0 OR p."end" <= p.start OR '  # (substr counts back from there)
             # (substr stops quietly at the text's end: a quote of the text's last words
             # held a place ending past it - rv254; its length says so, the text unread)
             'length(p.quote) IS NOT p."end" - p.start OR '
             "p.start < length(coalesce(p.prefix, '')) OR "
             "substr(a.text, p.start + 1 - length(coalesce(p.prefix, '')), "
             f"length({context})) IS NOT {context})")
    try:
        rows = conn.execute(
            "WITH many AS (SELECT p.article_id FROM main.appearances p "
            f"{joined}WHERE p.deleted IS NULL GROUP BY p.article_id "
            f"HAVING count(*) > {_READ_IN_PYTHON_OVER}) "
            'SELECT a.rowid, p.article_id, p.start, p."end", p.quote, p.prefix, p.suffix, p.id '
            "FROM main.appearances p JOIN main.claims c ON c.id = p.claim_id "
            f"JOIN main.articles a ON a.id = p.article_id {where} ORDER BY a.rowid")
        misdescribed = 0
        first = None
        off_words: list[str] = []
        for (rowid, article_id), places in groupby(rows, key=itemgetter(0, 1)):
            text = read_text(conn, rowid, article_id)
            for _, _, start, end, quote, prefix, suffix, place_id in places:
                # (an offset another program wrote as text is misplaced, not a TypeError)
                if not (type(start) is int and type(end) is int
                        and 0 <= start < end <= len(text) and text[start:end] == quote):
                    off_words.append(place_id)
                    continue
                for column, given, holds in (
                        ("prefix", prefix or "", text.endswith(prefix or "", 0, start)),
                        ("suffix", suffix or "", text.startswith(suffix or "", end))):
                    if not holds:
                        misdescribed += 1
                        first = first or (
                            f"appearances.{column} holds {quoted(given, 40)}, which is not "
                            f"the text {'before' if column == 'prefix' else 'after'} its words")
                        break
        return PlacesChecked(misdescribed, first, off_words)
    finally:
        if place_ids is not None:
            conn.execute("DROP TABLE temp.checked_places")
