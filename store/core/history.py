"""The change log: every write records who, when, what, and the record before and after.

History rows have UUIDs of their own so that merging two colleagues' files can
bring entries across exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from store.core.records import HistoryEntry
from store.core.stamps import new_id, utcnow

if TYPE_CHECKING:
    from store.core.project import Project


def record(project: Project, entity: str, entity_id: str, action: str,
           before: dict[str, Any] | None, after: dict[str, Any] | None,
           *, who: str | None = None, at: str | None = None,
           entry_id: str | None = None) -> HistoryEntry:
    """Append one entry; call inside the transaction that made the change. *entry_id*:
    an id made from the change itself, for the same change made in two files (one CSV
    imported by two colleagues) to be one entry once their files are merged."""
    entry = _entry(project, entity, entity_id, action, before, after, who, at, entry_id)
    project.insert("history", entry)
    return HistoryEntry.from_row(entry)


def _entry(project: Project, entity: str, entity_id: str, action: str,
           before: dict[str, Any] | None, after: dict[str, Any] | None,
           who: str | None = None, at: str | None = None,
           entry_id: str | None = None) -> dict[str, Any]:
    return {
        "id": entry_id or new_id(),
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "who": who or project.annotator,
        "at": at or utcnow(),
        "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
        "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
    }


def record_update(project: Project, table: str, entity: str, before: Any, after: Any,
                  action: str, *, at: str | None = None) -> None:
    """Write *after* (a record with ``id`` and ``to_row()``) over its row in *table* and
    the history entry from *before* to it (inside the caller's transaction)."""
    record_updates(project, table, entity, [(before, after)], action, at=lambda _: at)


def record_updates(project: Project, table: str, entity: str,
                   changes: Sequence[tuple[Any, Any]], action: str,
                   *, at: Callable[[Any], str | None]) -> None:
    """:func:`record_update` of many records, each *at* its own time (given the record
    after), in two statements run over them all: an article's deletion untagged its
    5,000 places and deleted their claims one write after another, 8 s (rv213)."""
    rows = [after.to_row() for _before, after in changes]
    if not rows:
        return
    project.update_many(table, rows)
    project.insert_many("history", [
        _entry(project, entity, after.id, action, before.to_row(), row, at=at(after))
        for (before, after), row in zip(changes, rows, strict=True)])


# Where a restore entry's ``before`` lists the deletions (time, who) its author saw.
LIFTED_KEY = "_lifted"
# Where an unlink's entry making a claim names the claim its words and verdict came from
# (store.review.reviews.verdict_giver: the verdict stays its giver's).
SPLIT_FROM_KEY = "_split_from"


def record_restore(project: Project, table: str, entity: str, before: Any, after: Any,
                   *, at: str | None = None) -> None:
    """Write a restored record and its ``restore`` entry, which lists every deletion of
    it this file knows: the restorer saw them all. A merge lets a deletion stand that no
    restore saw (store.exchange.merge): two people deleted a claim, one restored it
    having seen only his own deletion, and the other deletion stood or was lost by the
    order of merges, as a record keeps one deletion."""
    row = after.to_row()
    project.update(table, after.id, {k: v for k, v in row.items() if k != "id"})
    seen = {(before.deleted, before.deleted_by), *project.execute(
        "SELECT json_extract(after, '$.deleted'), json_extract(after, '$.deleted_by') "
        "FROM history WHERE entity = ? AND entity_id = ? AND action = 'delete' "
        "AND json_valid(after) AND json_type(after, '$.deleted') = 'text'",
        [entity, after.id]).fetchall()}
    record(project, entity, after.id, "restore", _lifted(before, seen), row, at=at)


def record_restores(project: Project, restores: Sequence[tuple[str, str, Any, Any]],
                    *, at: str | None = None) -> None:
    """:func:`record_restore` of many records (table, entity, before, after), their
    entries in this order, in a statement per table and two more: an article of 5,000
    claims brought back asked each record's deletions one after another (rv213)."""
    if not restores:
        return
    rows = [after.to_row() for *_, after in restores]
    for table in dict.fromkeys(table for table, *_ in restores):
        project.update_many(table, [row for (each, *_), row in zip(restores, rows, strict=True)
                                    if each == table])
    seen: dict[tuple[str, str], set[tuple[Any, Any]]] = {
        (entity, after.id): {(before.deleted, before.deleted_by)}
        for _table, entity, before, after in restores}
    for entity, entity_id, *stamp in project.execute(
            "SELECT entity, entity_id, json_extract(after, '$.deleted'), "
            "json_extract(after, '$.deleted_by') FROM history WHERE entity_id IN (SELECT "
            "value FROM json_each(?)) AND action = 'delete' AND json_valid(after) AND "
            "json_type(after, '$.deleted') = 'text'",
            [json.dumps(list(dict.fromkeys(entity_id for _, entity_id in seen)))]):
        if (entity, entity_id) in seen:
            seen[entity, entity_id].add(tuple(stamp))
    project.insert_many("history", [
        _entry(project, entity, after.id, "restore", _lifted(before, seen[entity, after.id]),
               row, at=at)
        for (_table, entity, before, after), row in zip(restores, rows, strict=True)])


def _lifted(before: Any, seen: set[tuple[Any, Any]]) -> dict[str, Any]:
    """A restore entry's ``before``: the record, and the deletions its restorer saw."""
    return {**before.to_row(), LIFTED_KEY: sorted([list(stamp) for stamp in seen],
                                                  key=lambda s: (s[0], s[1] or ""))}


def for_claim(project: Project, claim_id: str) -> list[HistoryEntry]:
    """A claim's whole story, oldest first: the claim's own entries and those of every
    place it appears (or appeared) while the place was this claim's. Words linked to it
    from another claim bring their link, not the other claim's story: tagged, untagged
    and tagged again under an unchecked claim read as this verified one's."""
    rows = project.query(
        "SELECT * FROM history WHERE entity_id = ? OR (entity = 'appearance' AND entity_id "
        "IN (SELECT id FROM appearances WHERE claim_id = ?)) ORDER BY at, rowid",
        [claim_id, claim_id])
    entries = [HistoryEntry.from_row(row) for row in rows]
    return [entry for entry in entries if entry.entity != "appearance"
            or claim_id in ((entry.before or {}).get("claim_id"),
                            (entry.after or {}).get("claim_id"))]


def for_entity(project: Project, entity_id: str) -> list[HistoryEntry]:
    """The full story of one record, oldest first."""
    rows = project.query(
        "SELECT * FROM history WHERE entity_id = ? ORDER BY at, rowid", [entity_id]
    )
    return [HistoryEntry.from_row(row) for row in rows]


def last_entry(project: Project) -> int:
    """Where the log ends now (the newest entry's rowid): what :func:`claims_touched_since`
    is given later, to read only what came after."""
    return project.execute("SELECT coalesce(max(rowid), 0) FROM history").fetchone()[0]


def entries_since(project: Project, mark: int) -> list[HistoryEntry]:
    """The entries after *mark* (:func:`last_entry`), in a story's order (time, then
    rowid): what a reader who told the log up to *mark* has yet to tell."""
    return [HistoryEntry.from_row(row) for row in project.query(
        "SELECT * FROM history WHERE rowid > ? ORDER BY at, rowid", [mark])]


def claims_touched_since(project: Project, mark: int) -> set[str]:
    """Claims changed by entries after *mark* - their own entries (verdict, deletion) and
    their places' (tagged, moved, relinked: the claim before and after). Every write, a
    colleague's merged in too, leaves an entry, so this is all that changed."""
    touched: set[str] = set()
    for entity, entity_id, before, after in project.execute(
            "SELECT entity, entity_id, "
            "CASE WHEN json_valid(before) THEN json_extract(before, '$.claim_id') END, "
            "CASE WHEN json_valid(after) THEN json_extract(after, '$.claim_id') END "
            "FROM history WHERE rowid > ? AND entity IN ('claim', 'appearance')", [mark]):
        if entity == "claim":
            touched.add(entity_id)
        else:
            touched.update(c for c in (before, after) if isinstance(c, str))
    return touched
