"""A long article's text, stored in parts (schema v7).

SQLite holds a value it writes in memory twice, the value and the row's record: a 48 MiB
Windows-1256 file is 90 MB of UTF-8, and storing it in one row took 220 MB. A text that
arrives in pieces (a big file's import, store.core.articles.add_article_pieces) and is
longer than one part of the search index, SEARCH_PART_CHARS code points, is stored as
those parts, one row each in article_pieces, and its articles.text is empty - which no
other article's text is (importing refuses an empty text). The triggers of schema v7
index it from its pieces as they index a text stored whole; the readers of an article's
text (store.core.articles, store.core.search) read either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from store.core.schema import SEARCH_PART_CHARS, piece_window_sql

_INSERT = "INSERT INTO article_pieces (article_id, part, text) VALUES (?, ?, ?)"


def store(conn: sqlite3.Connection, article_id: str, pieces: Iterable[str]) -> str | None:
    """Store the text arriving in *pieces* as article *article_id*'s parts, if it is longer
    than one part, and return None; a shorter text is returned, for the article's row.
    Only a part is held at a time. Runs inside the caller's transaction, before the
    article's row is inserted (its insert trigger indexes the pieces)."""
    part, held = 0, ""
    for piece in pieces:
        held += piece
        while len(held) > SEARCH_PART_CHARS:  # a whole part, and more text after it
            conn.execute(_INSERT, [article_id, part, held[:SEARCH_PART_CHARS]])
            held, part = held[SEARCH_PART_CHARS:], part + 1
    if not part:
        return held
    conn.execute(_INSERT, [article_id, part, held])
    return None


def drop(conn: sqlite3.Connection, article_id: str) -> None:
    """Forget the parts of an article whose text is stored whole from now on."""
    conn.execute("DELETE FROM article_pieces WHERE article_id = ?", [article_id])


def read(conn: sqlite3.Connection, article_id: str) -> str:
    """The whole text of an article stored in pieces, grown in place (``str +=`` on the only
    reference resizes it): held once, not beside a list of its pieces."""
    text = ""
    for expected, (part, piece) in enumerate(conn.execute(
            "SELECT part, text FROM article_pieces WHERE article_id = ? ORDER BY part",
            [article_id])):
        _check(part, piece, expected, len(text))
        text += piece
    return text


def length(conn: sqlite3.Connection, article_id: str) -> int | None:
    """How many characters the text of an article stored in pieces has; None for one that
    is not (no pieces, or its own text in its row: pieces beside it are not read)."""
    row = conn.execute("SELECT p.part, length(p.text) FROM article_pieces p JOIN articles a "
                       "ON a.id = p.article_id AND a.text = '' WHERE p.article_id = ? "
                       "ORDER BY p.part DESC LIMIT 1", [article_id]).fetchone()
    if row is None:
        return None
    if not isinstance(row[0], int) or not isinstance(row[1], int) or row[0] < 0:
        raise _damaged()
    return row[0] * SEARCH_PART_CHARS + row[1]


def read_range(conn: sqlite3.Connection, article_id: str, start: int, stop: int) -> str:
    """``text[start:stop]`` of an article stored in pieces (0 <= start <= stop), read from
    the pieces it spans; shorter where the text is."""
    first, last = start // SEARCH_PART_CHARS, max(stop - 1, start) // SEARCH_PART_CHARS
    text = ""
    for expected, (part, piece) in enumerate(conn.execute(
            "SELECT part, text FROM article_pieces WHERE article_id = ? "
            "AND part BETWEEN ? AND ? ORDER BY part", [article_id, first, last]), first):
        _check(part, piece, expected, len(text) + first * SEARCH_PART_CHARS)
        text += piece
    offset = first * SEARCH_PART_CHARS
    return text[start - offset:stop - offset]


def window(conn: sqlite3.Connection, article_id: str, part: int) -> str:
    """The text of the search index's row of part *part* of an article stored in pieces:
    the part and SEARCH_PART_OVERLAP characters of each neighbour."""
    row = conn.execute(f"SELECT {piece_window_sql('?1', '?2')}", [article_id, part]).fetchone()
    if row[0] is not None and not isinstance(row[0], str):
        raise _damaged()
    return row[0] or ""


def _check(part: object, piece: object, expected: int, before: int) -> None:
    """That the pieces read so far are the parts a text is stored in: numbered from 0 on,
    text, and every one before this one whole (*before* characters in all). A file
    changed outside Tahqiq may hold others; read as they are, they would put every
    offset after them in the wrong place."""
    if part != expected or not isinstance(piece, str) or before != expected * SEARCH_PART_CHARS:
        raise _damaged()


def _damaged() -> sqlite3.DatabaseError:
    """Damage as SQLite reports it: the doors say it in one line."""
    return sqlite3.DatabaseError("an article's text stored in parts is damaged")
