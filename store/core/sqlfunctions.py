"""SQL functions Tahqiq registers on every connection it opens.

The folding tables load on the first call of ``tahqiq_fold`` (the first write of an
article's text), not when a project is opened.
"""

from __future__ import annotations

import json
import sqlite3

from store.core.records import kept_name


def register_functions(conn: sqlite3.Connection) -> None:
    """Give *conn* ``tahqiq_fold(text)``, which the search-index triggers call;
    ``tahqiq_note(text)`` and ``tahqiq_comment(text)``, a note and a review's comment as
    they are kept, and ``tahqiq_review_entry(json)``, a review's history entry with its
    comment so (a merge's copies of a colleague's, and schema 14's upgrade);
    ``tahqiq_name(text)``, a label's or the organisation's name as kept
    (``records.kept_name``: a colleague's merged organisation).

    Must run on every connection that writes articles, before the first write;
    without it those writes fail rather than leave the index behind. It also turns
    on recursive triggers, the only way the row an INSERT OR REPLACE replaces
    leaves the index (the index triggers are the project's only triggers).
    """
    conn.create_function("tahqiq_fold", 1, _tahqiq_fold, deterministic=True)
    conn.create_function("tahqiq_note", 1, _tahqiq_note, deterministic=True)
    conn.create_function("tahqiq_comment", 1, _tahqiq_comment, deterministic=True)
    conn.create_function("tahqiq_review_entry", 1, _tahqiq_review_entry, deterministic=True)
    conn.create_function("tahqiq_name", 1, kept_name, deterministic=True)
    conn.execute("PRAGMA recursive_triggers = ON")


def _tahqiq_fold(text: str | None) -> str | None:
    """*text* folded as the search index holds it. A NUL (another program may write one)
    becomes a line break: FTS5 reads what it indexes only up to a NUL, so a note holding
    one was not found past it. A term never holds a line break (search looks for a NUL
    in the index as one)."""
    from store.text.fold import fold_for_index

    folded = fold_for_index(text)
    return folded.replace("\0", "\n") if folded is not None else None


def _tahqiq_note(note: object) -> object:
    """*note* as a note is kept (``claims.stored_note``); what is no text, as it is."""
    from store.text.clean import clean_note  # (its patterns: not at start-up)

    return clean_note(note) if isinstance(note, str) else note


def _tahqiq_comment(comment: object) -> object:
    """*comment* as a review's comment is kept (``clean.clean_comment``); what is no
    text, as it is."""
    from store.text.clean import clean_comment  # (its patterns: not at start-up)

    return clean_comment(comment) if isinstance(comment, str) else comment


def _tahqiq_review_entry(entry: object) -> object:
    """A review's history entry (its JSON *entry*, the review) with its comment as kept:
    History tells a review by it. As it is when its comment is so already, or it holds
    none, or cannot be read; otherwise written as store.core.history writes an entry."""
    try:
        review = json.loads(entry) if isinstance(entry, str) else None
    except (ValueError, RecursionError):
        return entry
    if not isinstance(review, dict) or not isinstance(review.get("comment"), str):
        return entry
    kept = _tahqiq_comment(review["comment"])
    if kept == review["comment"]:
        return entry
    return json.dumps({**review, "comment": kept}, ensure_ascii=False)
