"""An article's text as the search index holds it: in parts (schema v6).

The triggers of store.core.schema index a text written whole; :func:`index_pieces`
indexes one that arrives in pieces (store.core.articles.add_article_pieces) into the
same rows; store.core.search maps a part's hits back with :func:`part_bounds`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from store.core.schema import SEARCH_BODY_END, SEARCH_PART_CHARS, SEARCH_PART_OVERLAP
from store.text.fold import fold_for_index


def part_bounds(part: int, length: int) -> tuple[int, int]:
    """Where the row of *part* of a text of *length* characters begins and ends: the part,
    ``[part * SEARCH_PART_CHARS, (part + 1) * SEARCH_PART_CHARS)``, and up to
    SEARCH_PART_OVERLAP characters either side (store.core.schema, v6)."""
    start = part * SEARCH_PART_CHARS
    return (max(start - SEARCH_PART_OVERLAP, 0),
            min(start + SEARCH_PART_CHARS + SEARCH_PART_OVERLAP, length))


def index_pieces(conn: sqlite3.Connection, article_id: str, pieces: Iterable[str]) -> None:
    """Index the text of article *article_id*, which arrives in *pieces*, as the triggers
    index a text written whole (store.core.schema, v6): for a text written into its row
    a piece at a time, never held whole. Runs inside the caller's transaction."""
    part, begin, held = 0, 0, ""  # held: the text from *begin* on, as far as read

    def write(text: str) -> None:
        row = conn.execute("INSERT INTO search_entries (kind, ref_id, article_id, part) "
                           "VALUES ('article', ?, ?, ?)", [article_id, article_id, part])
        conn.execute("INSERT INTO search_index (rowid, body) VALUES (?, ?)",
                     [row.lastrowid, (fold_for_index(text) or "") + SEARCH_BODY_END])

    for piece in pieces:
        held += piece
        # A part is written once the text goes on past its overlap: it is then whole,
        # and not the last.
        while begin + len(held) >= (part + 1) * SEARCH_PART_CHARS + SEARCH_PART_OVERLAP:
            start, stop = part_bounds(part, begin + len(held))
            write(held[start - begin:stop - begin])
            part += 1
            start = part_bounds(part, begin + len(held))[0]
            held, begin = held[start - begin:], start
    length = begin + len(held)
    while part * SEARCH_PART_CHARS < length:
        start, stop = part_bounds(part, length)
        write(held[start - begin:stop - begin])
        part += 1
