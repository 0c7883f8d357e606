"""The long text last read whole, kept to answer windows of it (``articles.quote_at``).

A tag reads a window of its article's text: the words, a prefix and a suffix. SQLite
answers ``substr(text, ...)`` of a 1 MiB text by walking the text's pages from its start,
0.15-0.5 ms with every page cached and 2.5 ms with none, about a twentieth of a tag, while
the window has just read the whole text to show it. So the last long text read whole is
kept here with what proves it is still the text stored:

- another connection's commit changes ``PRAGMA data_version``;
- this connection's own writes to the articles or their pieces fire temporary triggers
  (they live on this connection only, and on a read-only file too), which count them;
- a table made again (its triggers gone with it) changes ``PRAGMA schema_version``.

A text is kept only when read outside a transaction: what a transaction wrote may still
be rolled back, and a rollback fires no trigger.
"""

from __future__ import annotations

import sqlite3
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.core.project import Project

# Shorter texts take a few pages, which SQLite reads in microseconds: not worth keeping
# (and a loop reading every article need not pay for proving a memo still holds).
MIN_CHARS = 65536

_COUNT = "tahqiq_text_written"
_TRIGGERS = (("articles", "INSERT"), ("articles", "UPDATE OF text"), ("articles", "DELETE"),
             ("article_pieces", "INSERT"), ("article_pieces", "UPDATE"),
             ("article_pieces", "DELETE"))


class _Memo:
    """(A plain class: the dataclasses module, loaded for it alone, cost start-up 1 ms.)"""

    __slots__ = ("article_id", "stamp", "text", "triggers_for", "writes")

    def __init__(self) -> None:
        self.writes = 0  # writes of texts on this connection, counted by the triggers
        self.article_id: str | None = None
        self.text = ""
        self.stamp: tuple[int, int, int] | None = None
        self.triggers_for: int | None = None  # the schema version the triggers were made in

    def count_write(self) -> None:
        self.writes += 1

    def forget(self) -> None:
        self.article_id, self.text, self.stamp = None, "", None


_MEMOS: weakref.WeakKeyDictionary[Project, _Memo] = weakref.WeakKeyDictionary()


def remember(project: Project, article_id: str, text: str) -> None:
    """Keep *text*, just read whole as article *article_id*'s, if it is long; a shorter
    one lets the text kept go (a window showing it has moved on from a 50 MB article)."""
    conn = project.conn
    memo = _MEMOS.get(project)
    if len(text) < MIN_CHARS:
        if memo is not None:
            memo.forget()
        return
    if conn.in_transaction:
        return
    if memo is None:
        memo = _MEMOS[project] = _Memo()
        conn.create_function(_COUNT, 0, memo.count_write)
    try:
        schema_version = _schema_version(conn)
        if memo.triggers_for != schema_version:
            for table, event in _TRIGGERS:  # (again, after a table was made again)
                conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS "
                             f"tahqiq_memo_{table}_{event.split()[0].lower()} AFTER {event} "
                             f"ON main.{table} BEGIN SELECT {_COUNT}(); END")
            if conn.in_transaction:  # (not opened by DDL today; committed if it ever is)
                conn.commit()
            memo.triggers_for = schema_version
        memo.article_id, memo.text = article_id, text
        memo.stamp = _stamp(conn, memo)
    except sqlite3.Error:  # no triggers (a file we cannot even read the schema of): no memo
        memo.forget()


def recall(project: Project, article_id: str) -> str | None:
    """Article *article_id*'s whole text if it is the one kept and still stored, else None."""
    memo = _MEMOS.get(project)
    if memo is None or memo.article_id != article_id or memo.stamp is None:
        return None
    try:
        if _stamp(project.conn, memo) == memo.stamp:
            return memo.text
    except sqlite3.Error:
        pass
    memo.forget()  # not held longer than useful
    return None


def _stamp(conn: sqlite3.Connection, memo: _Memo) -> tuple[int, int, int]:
    return (conn.execute("PRAGMA data_version").fetchone()[0], _schema_version(conn),
            memo.writes)


def _schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA main.schema_version").fetchone()[0]
