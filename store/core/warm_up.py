"""A session's first write, paid before the person's first action.

A connection's first tag costs more than the next ones: on the benchmark's 50,000-claim
project 3.7-4.9 ms in the store where the next took 0.5-1.5. SQLite compiles the
statements a tag runs and reads the pages it writes, and it starts its write-ahead log
with a header it syncs to disk (0.7 ms here against 0.06 for a later commit: a sync of
the log and one of its folder; the log starts again after each checkpoint, so later tags
pay that now and then too). :func:`before_first_write` does these while the window is
idle: the log is started by a commit that changes nothing (another program sees a commit,
and the same rows), and a tag is made and rolled back, so nothing of it is kept: no
claim, no history, nothing a merge could bring.
"""

from __future__ import annotations

import sqlite3

from store.core import appearances, labels, long_texts
from store.core.project import Project
from store.errors import TahqiqError

_LOOK = 64  # characters of an article's start looked at for one to tag


class _TakeBack(Exception):
    """Raised inside the rehearsal's transaction, so that it is rolled back."""


def before_first_write(project: Project, article_id: str | None = None) -> bool:
    """Start the write-ahead log and rehearse a tag in *article_id* (the one the person
    reads: its text's pages are read too), else in the first article; never waiting for
    another program's write. True if done; False if the project is read-only, another
    program is writing it, or the article has no character to tag."""
    if project.read_only:
        return False
    try:
        with project.not_waiting():
            project.start_log()
            return _rehearse_tag(project, article_id)
    except (TahqiqError, sqlite3.Error):  # busy, or a file that cannot be tagged: later
        return False


def _rehearse_tag(project: Project, article_id: str | None) -> bool:
    """Tag the first letter or digit of the article, then roll it back."""
    row = project.execute(
        "SELECT id, substr(text, 1, ?) FROM articles WHERE deleted IS NULL "
        + ("AND id = ?" if article_id else "ORDER BY rowid LIMIT 1"),
        [_LOOK, article_id] if article_id else [_LOOK]).fetchone()
    choices = labels.list_labels(project)
    if row is None or not choices:
        return False
    article_id, opening = row
    opening = opening or long_texts.read_range(project.conn, article_id, 0, _LOOK)
    at = next((i for i, ch in enumerate(opening) if ch.isalnum()), None)  # (no «“» alone)
    if at is None:
        return False
    try:
        with project.transaction():
            appearances.create_claim(project, article_id, at, at + 1, choices[0].key)
            raise _TakeBack
    except _TakeBack:
        return True
