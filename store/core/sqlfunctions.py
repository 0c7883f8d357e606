"""SQL functions Tahqiq registers on every connection it opens.

The folding tables load on the first call of ``tahqiq_fold`` (the first write of an
article's text), not when a project is opened.
"""

from __future__ import annotations

import sqlite3


def register_functions(conn: sqlite3.Connection) -> None:
    """Give *conn* ``tahqiq_fold(text)``, which the search-index triggers call.

    Must run on every connection that writes articles, before the first write;
    without it those writes fail rather than leave the index behind. It also turns
    on recursive triggers, the only way the row an INSERT OR REPLACE replaces
    leaves the index (the index triggers are the project's only triggers).
    """
    conn.create_function("tahqiq_fold", 1, _tahqiq_fold, deterministic=True)
    conn.execute("PRAGMA recursive_triggers = ON")


def _tahqiq_fold(text: str | None) -> str | None:
    from store.text.fold import fold_for_index

    return fold_for_index(text)
