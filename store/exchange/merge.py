"""Bringing a colleague's project file into this one.

The colleague's file is never written. SQLite creates ``-wal``/``-shm`` files
beside a WAL-mode database even when it is opened with ``mode=ro``, so the file is
attached to this project's connection as *immutable* (no locks, no side files) when
nothing is writing it: no ``-wal`` beside it. Should the file change
all the same before the merge commits, the merge is rolled back and done again from a
copy. A file with a ``-wal`` is read from a private copy in a temporary folder (the
file and its ``-wal``, so changes a running Tahqiq has not yet checkpointed are
included). Either way bulk rows move in SQL. A file older than
``schema.MERGED_TABLES_SINCE`` is upgraded on the copy first; later ones are read as
they are (their migrations changed only the search index, which a merge does not read).

Matching: articles by ``fingerprint`` (the same text is the same article,
whatever its id); a missing article keeps its id unless this project uses that
id for another text, then it gets a new one. Labels by key: missing labels are
appended, existing ones keep this project's names and colours; should two labels then
share a shortcut, the older keeps it and the other's is cleared
(``labels.free_shared_shortcuts``), so the key still tags. Claims, reviews
and history rows by id; reviews and history are append-only, so missing rows
are copied as they are (their who and at included).

A claim on both sides with different content is settled with history, which
records every version each side has seen:

* if one side's version is in the other side's history, with every version a merge
  folded into it unchanged, that other side built on it: its version is taken (or
  kept), no conflict;
* otherwise both changed it: a *conflict*. The newer ``updated`` wins; equal
  times go to the larger canonical JSON, so A←B and B←A agree. Where the two differ in
  a verdict, a note or whether they hold a link, the value that came later is kept,
  field by field (``Setters.later``): the side that set its value having seen the
  other's being set, else the one set later, as the two histories tell (a newer note
  must not carry an older verdict past a later one: the result depended on the order
  of merges). Where the histories do not say, a change to the version both built on
  wins over none, and the newer version's over the older. Links merged so keep the
  order they were added in. A tombstone on either side sticks (the earliest deletion
  and its author), so a claim deleted on one side and edited later on the other stays
  deleted. The loser goes into the claim's history as ``merge_conflict`` (before =
  loser, after = the claim as it now is); so does the version that set a value of the
  newer side's that a later one replaced (its entry marked ``_later``). A deletion
  only comes undone when someone restored the claim after seeing it: a restore lists
  every deletion its author's file knew, and against a tombstone every deletion either
  history records that no restore saw stands.
* a version one side has from a claims CSV (its history's ``import`` entry wrote it) is
  the other side's version, seen, when the other side's history records it but for what
  a CSV cannot carry (``CSV_GUESSED``): the project file's values are taken, no conflict.
  A side that changed a claim after importing it from a CSV built on the other side's
  version when its import entry records that version but for ``CSV_GUESSED``: its own
  change is kept (or taken), no conflict.

A claim already here stays on its article. Every version being recorded,
merging the same file again changes nothing. It is all one transaction.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import itertools
import json
import shutil
import sqlite3
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.core import article_texts, claim_versions, history, labels, schema, soundness
from store.core import settings as project_settings
from store.core.claim_versions import among, links, value_of
from store.core.claims import stored_note
from store.core.links import is_web_link, same_link, trimmed_link
from store.core.progress import Progress, Ticker
from store.core.project import (
    DISK_FULL,
    NOT_WRITTEN,
    Project,
    check_file,
    id_chunks,
    integrity_line,
    is_open_here,
    roll_back,
    search_index_damage,
    search_index_unread,
    side_file,
    starts_as_database,
)
from store.core.records import kept_name, read_json
from store.core.stamps import later_than, utcnow
from store.errors import (
    ImportRejected,
    MergeCancelled,
    Message,
    Named,
    NotAProject,
    StorageError,
    WrongKinds,
    quoted,
)
from store.text import anchoring
from store.text.display import isolated

SRC = "merge_src"  # the attached copy's schema name
_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # disk full, file size limit, quota
_FULL = (DISK_FULL, NOT_WRITTEN)  # (the copy's disk: its room, rv278)
# Page cache while merging. Measured on a 100,000-claim merge: 32 MB is as fast as
# 256 MB (the system's file cache holds the pages anyway) and keeps the peak at about
# 60 MB instead of 310 MB; it is spent in the window's process.
CACHE_KIB = 32 * 1024
CONFLICT_NAMESPACE = uuid.UUID("6f1d3c1e-3a51-4c55-9a5e-2f7b1d0c7a41")
# (entity, loser, the record now, the version both changed or None)
Conflict = tuple[str, dict[str, Any], dict[str, Any], dict[str, Any] | None]


NAMED_CONFLICTS = 10  # claims in conflict a summary names (their histories tell the rest)


@dataclass
class MergeSummary:
    """What a merge brought in.

    Every claim of the other file is counted once: new, updated (taken from
    the other file without a conflict), deleted or brought back there (taken so),
    conflict (changed on both sides in the same field), combined (changed on both
    sides, each in fields of its own) or unchanged (nothing newer there). A claim made
    and deleted there is counted nowhere: nothing new shows (it read «new claims: 1»).
    Places are counted apart, alike (words untagged there read «moved or relinked»),
    their conflicts too (a place in conflict was counted among the claims' conflicts,
    which then outnumbered the claims named).
    """

    new_articles: int = 0
    deleted_articles: int = 0  # live here, deleted there later
    restored_articles: int = 0  # deleted here, brought back there later
    new_claims: int = 0
    updated_claims: int = 0
    deleted_claims: int = 0  # live here, deleted by the merge (updated or in a conflict)
    restored_claims: int = 0  # deleted here, brought back there later
    emptied_claims: int = 0  # left with no words by the merge, and so deleted
    links_left_out: int = 0  # their claims' links that are no web links (web_links_only)
    conflicts: int = 0
    combined_claims: int = 0  # changed on both sides, each in fields of its own: both kept
    conflicted_claims: list[str] = field(default_factory=list)  # the claims' ids
    unchanged_claims: int = 0
    new_appearances: int = 0
    updated_appearances: int = 0
    untagged_appearances: int = 0  # live here, untagged there later
    restored_appearances: int = 0  # untagged here, tagged again there later
    unchanged_appearances: int = 0
    new_tombstones: int = 0  # claims and places made and deleted there: nothing shows
    place_conflicts: int = 0  # places changed on both sides: the later kept
    # live places an older Tahqiq left off their words (_place_older_restores)
    places_found_again: int = 0  # their words found again in the text
    places_left_out: int = 0  # their words gone from it: merged untagged
    new_reviews: int = 0
    new_labels: int = 0
    new_history: int = 0
    source: str = ""
    # A claims CSV only: claims it gives otherwise but not as newer (kept as they are
    # here: a cell edited in a spreadsheet leaves `updated` as it was), and claims with
    # a review_status (reviews travel in the project file, not in a CSV).
    kept_here: int = 0
    kept_lines: list[int] = field(default_factory=list)  # the file's lines of those
    read_as: str = ""  # a CSV's encoding, when not UTF-8
    reviews_left: int = 0
    renamed: int = 0  # claims the CSV names by ids of its own (not UUIDs): given UUIDs
    # a CSV's cells typed as keys, no key here, read as the label each names: (the cell,
    # (key, English name, Arabic name))
    names_read: list[tuple[str, tuple[str, str, str]]] = field(default_factory=list)
    unplaced_lines: list[int] = field(default_factory=list)  # a CSV's notes not taken
    places_left: list[int] = field(default_factory=list)  # a CSV's old words not taken
    places_kept: list[int] = field(default_factory=list)  # a CSV's places, not newer
    columns_absent: list[str] = field(default_factory=list)  # a CSV's: kept as here
    columns_unread: list[str] = field(default_factory=list)  # a CSV's, no import reads
    # labels whose shortcut was cleared: an older label has the same key
    freed_shortcuts: list[labels.FreedShortcut] = field(default_factory=list)
    # labels one name calls, after labels came in
    shared_names: list[labels.SharedName] = field(default_factory=list)
    # labels both have, named or rated otherwise there (this project's kept)
    labels_otherwise: list[tuple[str, str, str]] = field(default_factory=list)
    settings_taken: list[str] = field(default_factory=list)  # newer there: taken

    @property
    def changed(self) -> bool:
        return any((self.new_articles, self.deleted_articles, self.restored_articles,
                    self.new_claims, self.updated_claims, self.deleted_claims,
                    self.restored_claims, self.emptied_claims, self.conflicts, self.combined_claims,
                    self.new_appearances, self.updated_appearances,
                    self.untagged_appearances, self.restored_appearances,
                    self.new_tombstones, self.place_conflicts, self.places_found_again,
                    self.places_left_out, self.new_reviews,
                    self.new_labels, self.new_history, self.freed_shortcuts,
                    self.settings_taken))

    def lines(self) -> list[Message]:
        return [
            Message("Merged {source}:", source=self.source) if self.source
            else Message("Merged:"),
            Message("  new articles:     {count}", count=self.new_articles),
            *([Message("  articles deleted there: {count}", count=self.deleted_articles)]
              if self.deleted_articles else []),
            *([Message("  articles brought back there: {count} (the words deleted with "
                       "them here: Edit ▸ Deleted Claims, or tahqiq article ID --restore)",
                       count=self.restored_articles)] if self.restored_articles else []),
            Message("  new claims:       {count}", count=self.new_claims),
            Message("  updated claims:   {count}", count=self.updated_claims),
            Message("  conflicts:        {count} (the losing version is in each claim's "
                    "history)", count=self.conflicts),
            *[Message("    claim {claim}", claim=claim)
              for claim in self.conflicted_claims[:NAMED_CONFLICTS]],
            *([Message("    and {count} more",
                       count=len(self.conflicted_claims) - NAMED_CONFLICTS)]
              if len(self.conflicted_claims) > NAMED_CONFLICTS else []),
            # (a claim a colleague deleted read as "updated", gone from the table unsaid)
            *([Message("  deleted there:    {count} (Edit ▸ Deleted Claims…, or tahqiq "
                       "claim ID --restore, brings one back)", count=self.deleted_claims)]
              if self.deleted_claims else []),
            *([Message("  brought back there: {count}", count=self.restored_claims)]
              if self.restored_claims else []),
            *([Message("  left with no words: {count} (deleted: their words were untagged "
                       "there, or went to another claim)", count=self.emptied_claims)]
              if self.emptied_claims else []),
            *([Message("  combined claims:  {count} (changed on both sides, in different "
                       "fields: both changes kept)", count=self.combined_claims)]
              if self.combined_claims else []),
            Message("  unchanged claims: {count}", count=self.unchanged_claims),
            Message("  new appearances:  {count} (places claims are tagged in, new claims' "
                    "first places included)",
                    count=self.new_appearances),
            Message("  moved or relinked: {count}", count=self.updated_appearances),
            *([Message("  words untagged there: {count}", count=self.untagged_appearances)]
              if self.untagged_appearances else []),
            *([Message("  words tagged again there: {count}",
                       count=self.restored_appearances)] if self.restored_appearances else []),
            *([Message("  places in conflict: {count} (changed on both sides: the later "
                       "change kept)", count=self.place_conflicts)]
              if self.place_conflicts else []),
            *([Message("  places of an older Tahqiq found again: {count} (left off their "
                       "words by a restore after their article's text changed)",
                       count=self.places_found_again)] if self.places_found_again else []),
            *([Message("  places of an older Tahqiq left out: {count} (their words are no "
                       "longer in the article)", count=self.places_left_out)]
              if self.places_left_out else []),
            *([Message("  links left out:   {count} (their claims' sources that are no web "
                       "links, as no command of Tahqiq takes them)", count=self.links_left_out)]
              if self.links_left_out else []),
            Message("  new reviews:      {count}", count=self.new_reviews),
            Message("  new labels:       {count}", count=self.new_labels),
        ] + [Message("  {change}", change=freed.message()) for freed in self.freed_shortcuts] \
            + [Message("  {change}", change=shared.message()) for shared in self.shared_names] \
            + ([Message("  labels named or rated otherwise there: {labels} (this project's "
                        "names and ratings are kept; Project ▸ Labels… changes them)",
                        labels=_named(self.labels_otherwise))]
               if self.labels_otherwise else []) \
            + [_SETTING_TAKEN[key] for key in self.settings_taken if key in _SETTING_TAKEN] \
            + ([Message("Claims unchanged here that differ in the file without being newer "
                        "there: {count}, on line(s) {lines}; kept as they are here (an edit "
                        "in a spreadsheet must also make 'updated' later).",
                        count=self.kept_here, lines=_lines(self.kept_lines))]
               if self.kept_here else []) \
            + ([Message("The file was read as {encoding}, as a spreadsheet saved it: save "
                        "it as «CSV UTF-8» to keep every character (an emoji, say).",
                        encoding=self.read_as)] if self.read_as == "Windows-1256" else []) \
            + ([Message("A spreadsheet saved the file in a code page without Arabic: every "
                        "character that is not plain English text (Arabic letters, «٪», "
                        "emoji) became «?». Each «?» is read as the character this project "
                        "has there, so the claims' words and notes are kept. Save the sheet "
                        "as «CSV UTF-8» for Arabic typed in it to come through.")]
               if self.read_as == "ASCII" else []) \
            + ([Message("Notes edited on line(s) {lines} were not taken: the file lost letters "
                        "of them that Tahqiq could not put back. Those notes are kept as they "
                        "are here; the rest of each row was taken. Save the sheet as «CSV "
                        "UTF-8» and merge it again to bring them in.",
                        lines=_lines(self.unplaced_lines), count=len(self.unplaced_lines))]
               if self.unplaced_lines else []) \
            + ([Message("Reviews are not brought in from a CSV: {count} of its claims had a "
                        "review_status. Merge the project file to bring reviews.",
                        count=self.reviews_left)] if self.reviews_left else []) \
            + ([Message("Claims with ids of the file's own («1», «C-17»), not UUIDs: {count}; "
                        "each was given a UUID made from its id and its words, the same at "
                        "every import of the file.", count=self.renamed)]
               if self.renamed else []) \
            + [Message("Label '{label}' is no label's key here: read as {name}, the label "
                       "of that name.", label=quoted(typed), name=_with_key(*label))
               for typed, label in self.names_read] \
            + ([_ABSENT[tuple(self.columns_absent)]] if self.columns_absent else []) \
            + ([Message("Words on line(s) {lines} were left alone: those rows have no "
                        "appearance_id, and the claim's places here changed after them (an "
                        "older sheet's words, moved or untagged here since). Give such a row "
                        "a later «updated» to tag its words.",
                        lines=_lines(self.places_left), count=len(self.places_left))]
               if self.places_left else []) \
            + ([Message("Places on line(s) {lines} differ from the project's and were kept "
                        "as they are here: those rows are no newer than the places here (an "
                        "older sheet's, or words moved in a spreadsheet without a later "
                        "«updated», which such an edit needs).",
                        lines=_lines(self.places_kept), count=len(self.places_kept))]
               if self.places_kept else []) \
            + ([Message("Columns not read: {columns} (a claim's note is read from the "
                        "column «note», its links from «sources»).",
                        columns=", ".join(self.columns_unread))]
               if self.columns_unread else [])


# A CSV's claim columns it has not: its claims keep those fields as they are here
_ABSENT = {
    ("note",): Message("The file has no «note» column: its claims keep the notes they have "
                       "here."),
    ("sources",): Message("The file has no «sources» column: its claims keep the links they "
                          "have here."),
    ("note", "sources"): Message("The file has no «note» or «sources» column: its claims keep "
                                 "the notes and links they have here."),
}


# A setting taken from the other file, as Project Settings names it
_SETTING_TAKEN = {
    "organization": Message("  the organisation publishing the fact-checks, set later "
                            "there: taken"),
    "url_template": Message("  the address of a fact-check, set later there: taken"),
    "language": Message("  the project's language, set later there: taken"),
}


def _named(these: list[tuple[str, str, str]]) -> Named:
    """Labels (key, English name, Arabic name) by their names, in each language (the
    Arabic interface read their keys)."""
    return Named(", ".join(en or key for key, en, _ in these),
                 ar="، ".join(ar or en or key for key, en, ar in these))


def _with_key(key: str, en: str, ar: str) -> Named:
    """A label by its name and its key, in each language («Misleading (disputed)»; in
    Arabic set apart, read right to left, as labels.described_all sets it)."""
    return Named(f"{en or key} ({key})",
                 ar=isolated(f"{ar or en or key} ({key})", "\u2067"))


def _names_claims(path: Path) -> bool:
    """Whether the file at *path* is a table of claims (csv_format.names_claims)."""
    from store.exchange.csv_format import names_claims  # (as in merge_file)

    try:
        with path.open("rb") as fh:
            return names_claims(fh.read(4096))
    except OSError:  # (told when it is opened as a project)
        return False


def _lines(lines: list[int]) -> Named:
    """A file's lines, the first few of them: «4, 9, 12» or «4, 9, 12, …» (in Arabic with
    its comma, «4، 9، 12», read from the right: set apart as data, they read backwards)."""
    shown = [*map(str, lines[:NAMED_CONFLICTS]), *(["…"] if len(lines) > NAMED_CONFLICTS
                                                   else [])]
    return Named(", ".join(shown), ar="، ".join(shown))


def merge_file(project: Project, path: str | Path, progress: Progress | None = None
               ) -> MergeSummary:
    """Merge a claims CSV or another project file, chosen by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():  # («merge .» ended in a traceback)
        raise NotAProject("{name} is a folder: a merge brings in a colleague's project file "
                          "(.tahqiq) or a claims CSV.", name=str(path))
    if suffix in (".json", ".jsonld") and not starts_as_database(path):
        raise NotAProject("{name} is an export, not a project: a merge brings in a "
                          "colleague's project file (.tahqiq) or a claims CSV.", name=path.name)
    # A sheet's tab-separated save of a claims CSV is named .txt (Excel's «Unicode Text»)
    # or .tsv: import told to merge it, and merge to import it.
    text = suffix in (".txt", ".tsv", ".tab", ".html", ".htm") and not starts_as_database(path)
    table = suffix == ".csv" or text and suffix not in (".html", ".htm") and _names_claims(path)
    if suffix in (".txt", ".html", ".htm") and text and not table:
        raise NotAProject("{name} is an article, not a project: import it (File ▸ Import "
                          "Article, `tahqiq import`); a merge brings in a colleague's project "
                          "file (.tahqiq) or a claims CSV.", name=path.name)
    if not table:
        return merge_project(project, path, progress)
    from store.exchange.csv_format import import_claims_csv  # a sibling module; imported when used

    result = import_claims_csv(project, path)
    return MergeSummary(new_claims=result.new, updated_claims=result.updated,
                        unchanged_claims=result.unchanged, new_appearances=result.new_places,
                        updated_appearances=result.updated_places,
                        unchanged_appearances=result.unchanged_places, source=path.name,
                        kept_here=result.stale, kept_lines=result.stale_lines,
                        read_as=result.encoding,
                        reviews_left=result.reviewed,
                        renamed=result.renamed, names_read=result.names_read,
                        unplaced_lines=result.unplaced_lines,
                        places_left=result.places_left, places_kept=result.places_kept,
                        columns_absent=result.absent,
                        columns_unread=result.unread)


def merge_project(project: Project, other_path: str | Path, progress: Progress | None = None
                  ) -> MergeSummary:
    """Merge the project at *other_path* into *project*; the other file is only read.

    Raises NotAProject or SchemaTooNew as opening would, ImportRejected for this
    project's own file, StorageError when this project's file holds damage the merge
    met, MergeCancelled when *progress* returns False (nothing is written then). Call
    it outside any open transaction (SQLite cannot attach a file inside one).
    """
    other_path = Path(other_path).expanduser()
    try:
        return _merge_project(project, other_path, progress)
    except (sqlite3.DatabaseError, UnicodeDecodeError, StorageError) as exc:
        # Damage SQLite's quick check does not see (a row pointing at a missing claim, a
        # broken index, text that is not UTF-8) surfaces while the rows are read; all of
        # it was rolled back. This project's own failures to write arrive as StorageError,
        # but for text SQLite could not read as UTF-8 while copying the colleague's rows,
        # a row of theirs the rules refuse (an IntegrityError, said so by transaction)
        # and damage SQLite met reading them (a plain DatabaseError, said so too).
        cause = exc.__cause__ if isinstance(exc, StorageError) else exc
        damage = isinstance(cause, sqlite3.DatabaseError) and (
            not isinstance(cause, sqlite3.OperationalError) or search_index_unread(cause))
        if isinstance(exc, StorageError) and not damage \
                and not (isinstance(cause, sqlite3.OperationalError) and "decode" in str(cause)):
            raise
        # Damage met while both files were read may be this project's (an index another
        # program rewrote, met as the merge writes it: rv199); the colleague's is blamed
        # only when this one's check passes.
        here = project.path
        if damage and here is not None and (problem := _own_damage(project)) is not None:
            raise StorageError("This project's file, {name}, is damaged ({problem}); nothing "
                               "was merged, and what was saved before is kept: `tahqiq "
                               "check` tells what is damaged.", name=here.name,
                               problem=quoted(problem, 200)) from exc
        if isinstance(cause, _PointsAtNothing):
            raise NotAProject(POINTS_AT_NOTHING, name=other_path.name,
                              problem=quoted(str(cause), 200)) from exc
        if isinstance(cause, sqlite3.IntegrityError) and "FOREIGN KEY" in str(cause):
            # (one the rules above missed, met as SQLite enforces the keys: said so too)
            raise NotAProject(POINTED_AT_NOTHING, name=other_path.name) from exc
        raise NotAProject("{name} is damaged or not a Tahqiq project ({reason}).",
                          name=other_path.name, reason=quoted(str(cause), 200)) from exc


POINTS_AT_NOTHING = ("{name} is damaged: {problem}, as another program left it; `tahqiq "
                     "check` on it names all it finds. Nothing was merged, and this project "
                     "is as it was.")
POINTED_AT_NOTHING = ("{name} is damaged: rows of it point at rows missing from it, as "
                      "another program left them; `tahqiq check` on it names them. Nothing "
                      "was merged, and this project is as it was.")


def _own_damage(project: Project) -> str | None:
    """The first problem SQLite's integrity check finds in this project's own file, or
    None. Index against table, and inside the search index, and rows pointing at missing
    ones, as `tahqiq check` does: the quick check sees none of them. Run only once a
    merge has failed."""
    try:
        row = project.conn.execute("PRAGMA main.integrity_check(1)").fetchone()
    except sqlite3.OperationalError:  # (the disk's trouble, or a lock: not known damage)
        return None
    except sqlite3.DatabaseError as exc:  # (too damaged to be checked)
        return str(exc)
    if row is not None and row[0] != "ok":
        return integrity_line(row[0])
    try:  # (SQLite 3.40's integrity_check does not read inside the search index: rv205)
        if (found := search_index_damage(project.conn)) is not None:
            return found
    except sqlite3.Error:  # (its savepoint refused: a lock, the disk)
        return None
    try:  # (rows of ours pointing at nothing, left by another program: SQLite enforcing
        # the keys on what the merge wrote beside them blamed the colleague - rv288)
        return next(soundness.points_at_nothing(project.conn), None)
    except sqlite3.Error:
        return None


def _merge_project(project: Project, other_path: Path, progress: Progress | None
                   ) -> MergeSummary:
    if project.path is not None and other_path.exists() \
            and other_path.resolve() == project.path.resolve():
        raise ImportRejected("That file is this project; choose a colleague's file to merge.")
    if not other_path.exists():
        raise NotAProject("{path} does not exist.", path=str(other_path))
    stamp = _stamp_if_unwritten(other_path)
    if stamp is not None and _attaches_uris(project.conn):
        version = check_file(other_path)  # NotAProject / SchemaTooNew, as opening raises them
        if version == 0:
            raise NotAProject("{name} is empty, not a Tahqiq project.", name=other_path.name)
        if version >= schema.MERGED_TABLES_SINCE:
            def unchanged() -> bool:
                return _stamp_if_unwritten(other_path) == stamp

            uri = f"{other_path.resolve().as_uri()}?mode=ro&immutable=1"
            try:
                return _merge_attached(project, uri, other_path.name, progress, unchanged)
            except (_SourceChanged, sqlite3.DatabaseError, StorageError):
                if unchanged():
                    raise
            # The file was written while it was read: merge from a copy instead.
    with tempfile.TemporaryDirectory(prefix="tahqiq-merge-") as folder:
        copy = _private_copy(other_path, Path(folder), project.annotator)
        return _merge_attached(project, str(copy), other_path.name, progress)


class _SourceChanged(Exception):
    """The colleague's file, read as immutable, changed during the merge."""


def _stamp_if_unwritten(path: Path) -> tuple[int, int, int] | None:
    """The file's size, mtime and inode when nothing is writing it, else None.

    Nothing is when there is no ``-wal`` beside it. Even an empty one means a
    connection may be open: checking the file through its locks (store.core.project
    does so whenever a ``-wal`` is there) would touch its ``-shm``. Nor a ``-journal``:
    a file another program switched out of WAL holds a writer's pages before they are
    committed, and their originals are in that journal (read as immutable, what the
    writer would roll back was merged).
    """
    try:
        if side_file(path, "-wal").exists() or _journal_beside(path):
            return None
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def _attaches_uris(conn: sqlite3.Connection) -> bool:
    """Whether ATTACH on *conn* reads ``file:`` URIs (SQLite builds differ). Probed with
    an in-memory database whose name, were it taken as a file name, names a folder
    that does not exist, so the probe can never create a file."""
    try:
        conn.execute("ATTACH DATABASE 'file:/tahqiq-no-such-folder/probe?mode=memory' "
                     "AS tahqiq_uri_probe")
    except sqlite3.Error:
        return False
    conn.execute("DETACH DATABASE tahqiq_uri_probe")
    return True


def _merge_attached(project: Project, source: str, name: str, progress: Progress | None,
                    unchanged: Callable[[], bool] | None = None) -> MergeSummary:
    conn = project.conn
    conn.execute(f"ATTACH DATABASE ? AS {SRC}", [source])
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    try:
        # Random UUID keys touch index pages everywhere; SQLite's 2 MB default cache
        # would make a 100,000-claim merge re-read the same pages over and over.
        # (CACHE_KIB says why not more.)
        conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
        return _merge(project, name, progress, unchanged)
    finally:
        for table in ("merge_articles", "merge_brought"):
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        conn.execute(f"DETACH DATABASE {SRC}")
        conn.execute(f"PRAGMA cache_size = {cache}")


def _private_copy(path: Path, folder: Path, annotator: str) -> Path:
    """Copy *path* (and its -wal) into *folder*, check it, upgrade a schema older than
    MERGED_TABLES_SINCE."""
    copy = folder / path.name
    try:
        if is_open_here(path):  # another window of ours has it: see _copy_through_sqlite
            _copy_through_sqlite(path, copy)
        elif _journal_beside(path):  # a writer at work, or one that died at work
            _copy_journalled(path, copy)
        else:
            shutil.copyfile(path, copy)  # reading leaves the original's bytes and mtime
            wal = side_file(path, "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as exc:
        if exc.errno in _NO_ROOM:  # writing the copy failed, not reading the file
            raise StorageError("There is no room in the temporary folder {folder} to copy "
                               "{name} for merging ({reason}); nothing was merged.",
                               folder=tempfile.gettempdir(), name=path.name,
                               reason=str(exc.strerror)) from exc
        raise NotAProject("Cannot read {path}: {reason}.",
                          path=str(path), reason=str(exc.strerror or exc)) from exc
    version = check_file(copy)  # NotAProject / SchemaTooNew, as opening raises them
    if version == 0:
        raise NotAProject("{name} is empty, not a Tahqiq project.", name=path.name)
    if version < schema.MERGED_TABLES_SINCE:
        try:
            Project.open(copy, annotator, create=False).close()  # migrates the copy only
        except WrongKinds as exc:
            # An older file whose upgrade failed on values of a kind no Tahqiq writes (a
            # text stored as bytes, which the upgrade folds): refused as sqlite3's error,
            # as a current file is (merge_project: «damaged or not a Tahqiq project
            # (articles.text holds a blob value)»), not as the opening words it for one's
            # own file (rv286). The failed upgrade was rolled back: the copy is as the
            # colleague's file is.
            raise sqlite3.DatabaseError(exc.problems[0]) from exc
        except StorageError as exc:  # the copy's disk: said as the project's (rv260)
            if exc.template not in _FULL:
                raise
            raise StorageError("There is no room in the temporary folder {folder} to "
                               "upgrade {name}, a file of an older Tahqiq, for merging; "
                               "nothing was merged.", folder=tempfile.gettempdir(),
                               name=path.name) from exc
    return copy


def _journal_beside(path: Path) -> bool:
    """Whether a rollback journal lies beside *path*: a writer is at work (or died at
    work), and the file alone is not what was committed."""
    return side_file(path, "-journal").exists()


def _copy_journalled(path: Path, copy: Path) -> None:
    """Copy a file a rollback journal lies beside as it was last committed.

    Through SQLite's locks (_copy_through_sqlite), which wait for a writer at work.
    A writer that died at work left the journal "hot": SQLite rolls its write back at
    the next write, which reading the colleague's file may not do ("attempt to write a
    readonly database", said as if the file could not be read). Then the file is copied,
    and its journal after it (a page changed in between has its original in the
    journal: the roll-back gives it back), and the copy is rolled back where it lies."""
    try:
        _backup(path, copy)
        return
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY_ROLLBACK:
            raise OSError(errno.EIO, str(exc)) from exc
    copy.unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    shutil.copyfile(side_file(path, "-journal"),
                    copy.with_name(copy.name + "-journal"))
    try:
        roll_back(copy)
    except sqlite3.Error as exc:
        raise OSError(errno.EIO, str(exc)) from exc


def _copy_through_sqlite(path: Path, copy: Path) -> None:
    """Copy a file a connection of this process has open, or one a rollback journal
    lies beside, with SQLite's backup (which waits for a writer, and rolls nothing
    forward that it would roll back).

    Not with a plain descriptor: closing one drops every lock this process holds on the
    file, and another program could then delete the -wal that window writes to. SQLite
    reads it under its own locks (it may update the read marks in the -shm, as any
    reader does; the file and its -wal are left as they were), and the copy holds the
    changes the -wal had.
    """
    try:
        _backup(path, copy)
    except sqlite3.Error as exc:
        raise OSError(errno.EIO, str(exc)) from exc


def _backup(path: Path, copy: Path) -> None:
    """SQLite's backup of *path*, read only, into *copy*; sqlite3.Error as raised.

    *copy* is the merge's own scratch file, read once and deleted with its folder: it is
    written without a journal and never synced to the disk. With SQLite's defaults each
    copy wrote a journal and waited for three syncs (journal, file, folder) in the temporary
    folder - the merge of a colleague's open file waited on the disk for nothing, every
    time (fx130). A copy a crash or a failure leaves half-written is the same scratch
    file, never read: the merge stops with the error."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        target = sqlite3.connect(copy)
        try:
            target.execute("PRAGMA journal_mode = OFF")
            target.execute("PRAGMA synchronous = OFF")
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _merge(project: Project, name: str, progress: Progress | None,
           unchanged: Callable[[], bool] | None = None) -> MergeSummary:
    conn = project.conn
    summary = MergeSummary(source=name)
    sizes = [_count(conn, f"{SRC}.{t}") for t in ("claims", "appearances", "reviews", "history")]
    tick = Ticker(progress, sum(sizes),
                  lambda: MergeCancelled("The merge was cancelled; nothing was changed."))
    _refuse_written_otherwise(conn)
    # (asked of every claim twice, counted here and copied below: each answer once - rv255)
    conn.create_function("tahqiq_web_links", 1, _remembered(web_links_only),
                         deterministic=True)
    summary.links_left_out = _links_left_out(conn)
    with project.transaction():
        conn.execute("CREATE TEMP TABLE merge_articles (other_id TEXT PRIMARY KEY, local_id)")
        conn.execute("CREATE TEMP TABLE merge_brought (entity, other_id, local_id, "
                     "PRIMARY KEY (entity, other_id))")
        summary.labels_otherwise = _labels_otherwise(conn)
        summary.new_labels = _merge_labels(conn)
        summary.new_articles = _merge_articles(conn)
        summary.settings_taken = _merge_settings(conn)
        claims = Counts()
        conflicts = _merge_records(conn, CLAIMS, claims)
        summary.new_claims, summary.updated_claims = claims.new, claims.updated
        summary.unchanged_claims, summary.conflicts = claims.unchanged, claims.conflicts
        summary.combined_claims = claims.combined
        summary.deleted_claims, summary.restored_claims = claims.deleted, claims.restored
        summary.conflicted_claims = claims.conflicted
        tick(sizes[0])
        places = Counts()
        conflicts += _merge_records(conn, APPEARANCES, places)
        # (a place changed on both sides, each change kept: moved and relinked)
        summary.new_appearances = places.new
        summary.updated_appearances = places.updated + places.combined
        summary.unchanged_appearances = places.unchanged
        summary.untagged_appearances = places.deleted
        summary.restored_appearances = places.restored
        summary.new_tombstones = claims.tombstones + places.tombstones
        summary.place_conflicts = places.conflicts
        summary.places_found_again, summary.places_left_out = _settle_merged_places(
            conn, places, name, project.annotator)
        summary.emptied_claims = _delete_claims_left_nowhere(conn, places.claims_of)
        tick(sizes[0] + sizes[1])
        summary.new_reviews = _copy_reviews(conn)
        _merge_dismissals(conn)
        tick(sizes[0] + sizes[1] + sizes[2])
        summary.new_history = _merge_history(conn)
        summary.deleted_articles, summary.restored_articles = _settle_article_deletions(conn)
        summary.freed_shortcuts = labels.free_shared_shortcuts(project)
        summary.shared_names = labels.shared_names(project) if summary.new_labels else []
        _record_conflicts(conn, conflicts, project.annotator)
        if unchanged is not None and not unchanged():
            raise _SourceChanged  # rolls all of it back
        tick(tick.total)
    return summary


def _refuse_written_otherwise(conn: sqlite3.Connection) -> None:
    """Refuse a colleague's file holding what no Tahqiq writes (``soundness.problems``,
    which `tahqiq check` names too - rv278): a value of the wrong kind (bytes in a quote,
    text in an offset: merged, it broke every later read and export of this project;
    `check` said «no damage found» of it - fx107), text that is not UTF-8 in a column the merge
    copies in SQL (merged, it failed every later read of this project), a time not
    written as Tahqiq writes one, an id that is no UUID, a decision neither accept nor
    reject, a place with an empty annotator, an article whose fingerprint is not its
    text's, a label whose key or colour is none (fx102). The first of them, as
    sqlite3.DatabaseError, which merge_project reports as a damaged file."""
    for problem in soundness.problems(conn, SRC, beside="main"):
        raise (_PointsAtNothing if isinstance(problem, soundness.Dangling)
               else sqlite3.DatabaseError)(problem)


class _PointsAtNothing(sqlite3.DatabaseError):
    """The colleague's rows pointing at rows missing from their file (a claim deleted in
    sqlite3 or Datasette, its places left): said as such by merge_project, not as SQL's
    «FOREIGN KEY constraint failed» nor as «not a Tahqiq project» (rv288)."""


# -- labels and articles ---------------------------------------------------------------
def _links_left_out(conn: sqlite3.Connection) -> int:
    """How many of the colleague's claims' links the merge leaves out, being no web links
    (a backslash before the path, a space or a line break inside, «javascript:»: another
    program's, or an older Tahqiq's): merged, they made this project's own CSV export
    refused whole by any merge. Counted in their live claims, as they are now."""
    return sum(len(read_json(sources)) - len(read_json(web_links_only(sources)))
               for (sources,) in conn.execute(
                   f"SELECT sources FROM {SRC}.claims WHERE deleted IS NULL AND sources "
                   "IS NOT tahqiq_web_links(sources)"))


def _merge_labels(conn: sqlite3.Connection) -> int:
    """Append the other file's missing labels after ours, in its order."""
    cols = _columns(conn, "labels")
    position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
    rows = [dict(zip(cols, row, strict=True)) for row in conn.execute(
        f"SELECT {_names(cols, f'{SRC}.labels')} FROM {SRC}.labels "
        "WHERE key NOT IN (SELECT key FROM main.labels) ORDER BY position, key")]
    for offset, row in enumerate(rows):
        row["position"] = position + offset
        # (names as kept: an older Tahqiq's «Dis\u202eputed\x1b[31m», rv279)
        row["name_en"], row["name_ar"] = map(kept_name, (row["name_en"], row["name_ar"]))
    _insert(conn, "main.labels", cols, [tuple(r[c] for c in cols) for r in rows])
    conn.executemany("INSERT INTO temp.merge_brought VALUES ('label', ?, ?)",
                     [(r["key"], r["key"]) for r in rows])
    return len(rows)


def _merge_articles(conn: sqlite3.Connection) -> int:
    """Fill temp.merge_articles (other id → local id); returns how many were added."""
    local_ids: set[str] = set()
    by_fingerprint: dict[str, tuple[bool, str, str]] = {}
    for aid, digest, deleted, created in conn.execute(
            "SELECT id, fingerprint, deleted, created FROM main.articles"):
        local_ids.add(aid)
        candidate = (deleted is not None, created, aid)  # live, then oldest, then id
        if digest not in by_fingerprint or candidate < by_fingerprint[digest]:
            by_fingerprint[digest] = candidate
    cols = _columns(conn, "articles")
    mapping, rows = [], []
    # (its live copy of a text first, as ours: a copy it deleted and holds live again
    # came in deleted, its live one's title lost - rv156)
    for aid, digest in conn.execute(f"SELECT id, fingerprint FROM {SRC}.articles "
                                    "ORDER BY deleted IS NOT NULL, created, id").fetchall():
        if digest in by_fingerprint:
            mapping.append((aid, by_fingerprint[digest][2]))
            continue
        row = conn.execute(f"SELECT {_names(cols, f'{SRC}.articles')} FROM {SRC}.articles "
                           "WHERE id = ?", [aid]).fetchone()
        if row is None:  # listed by one index, missing from another: merge_project refuses
            raise sqlite3.DatabaseError("database disk image is malformed")
        record = dict(zip(cols, row, strict=True))
        record["id"] = aid if aid not in local_ids else str(uuid.uuid4())
        by_fingerprint[digest] = (False, "", record["id"])
        local_ids.add(record["id"])
        mapping.append((aid, record["id"]))
        rows.append(tuple(record[c] for c in cols))
        conn.execute("INSERT INTO temp.merge_brought VALUES ('article', ?, ?)",
                     [aid, record["id"]])
    conn.executemany("INSERT INTO temp.merge_articles VALUES (?, ?)", mapping)
    # A long text stored in pieces (store.core.long_texts): its pieces first, which the
    # article's insert trigger indexes.
    _refuse_broken_pieces(conn)
    conn.execute(f"INSERT INTO main.article_pieces (article_id, part, text) "
                 f"SELECT b.local_id, p.part, p.text FROM {SRC}.article_pieces p "
                 "JOIN temp.merge_brought b ON b.entity = 'article' AND b.other_id = p.article_id")
    return _insert(conn, "main.articles", cols, rows)


def _refuse_broken_pieces(conn: sqlite3.Connection) -> None:
    """Refuse a colleague's file whose new articles' texts in parts are not the parts
    store.core.long_texts writes - numbered from 0 on, each but the last exactly a part
    long, text: read as they are, they would put offsets in the wrong places."""
    broken = conn.execute(
        f"WITH brought AS (SELECT p.article_id, p.part, p.text FROM {SRC}.article_pieces p "
        "JOIN temp.merge_brought b ON b.entity = 'article' AND b.other_id = p.article_id), "
        "parts AS (SELECT article_id, max(part) AS last, min(part) AS first, count(*) AS n "
        "FROM brought GROUP BY article_id) "
        "SELECT 1 FROM brought JOIN parts USING (article_id) WHERE typeof(part) <> 'integer' "
        "OR typeof(text) <> 'text' OR first <> 0 OR n <> last + 1 "
        f"OR (part < last AND length(text) <> {schema.SEARCH_PART_CHARS}) LIMIT 1").fetchone()
    if broken is not None:
        raise sqlite3.DatabaseError("article_pieces holds a text's parts out of order or size")
    if soundness.not_utf8(conn, "article_pieces", ["text"], SRC, "s.article_id NOT IN "
                          "(SELECT other_id FROM temp.merge_brought WHERE entity = 'article')"
                          ) is not None:
        raise sqlite3.DatabaseError("article_pieces.text holds text that is not UTF-8")


# -- claims and where they appear ------------------------------------------------------------
@dataclass(frozen=True)
class Records:
    """A table merged record by record, and the name its history entries use."""

    table: str
    entity: str
    on_article: bool  # has an article_id, mapped to this project's copy of the article


CLAIMS = Records("claims", "claim", on_article=False)
APPEARANCES = Records("appearances", "appearance", on_article=True)


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    deleted: int = 0  # live here, deleted by the merge
    restored: int = 0  # deleted here, brought back (taken from the other file)
    tombstones: int = 0  # new, and deleted there already (not among the new)
    unchanged: int = 0
    conflicts: int = 0
    combined: int = 0  # changed on both sides, in different fields: nothing lost
    conflicted: list[str] = field(default_factory=list)  # ids, of the conflicts
    written: list[str] = field(default_factory=list)  # ids of the places new or updated
    # the claims the places that differed were live on, in either file: their ids
    claims_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _merge_records(conn: sqlite3.Connection, kind: Records, counts: Counts) -> list[Conflict]:
    """Insert new records of *kind*, settle differing ones; returns the conflicts to
    record."""
    table = kind.table
    cols = _columns(conn, table)
    content = [c for c in cols if c not in ("id", "article_id")]
    same = " AND ".join(f'(s."{c}" IS l."{c}" OR {_kept_sql(kind, c, "s")} IS l."{c}")'
                        if _kept_sql(kind, c, "s") != f's."{c}"' else f's."{c}" IS l."{c}"'
                        for c in content)
    differing = [(_as_kept(kind, dict(zip(cols, row[:len(cols)], strict=True))),
                  _as_kept(kind, dict(zip(cols, row[len(cols):], strict=True))))
                 for row in conn.execute(
                     f"SELECT {_names(cols, 'l')}, {_names(cols, 's')} FROM {SRC}.{table} s "
                     f"JOIN main.{table} l ON l.id = s.id WHERE NOT ({same})")]
    updates, conflicts = _settle(conn, kind, cols, differing, counts)
    if kind.on_article:
        for pair in differing:
            for row in pair:
                if row["deleted"] is None:
                    counts.claims_of[row["claim_id"]].add(row["id"])
        select = ", ".join("m.local_id" if c == "article_id" else f's."{c}"' for c in cols)
        join = "JOIN temp.merge_articles m ON m.other_id = s.article_id "
    else:
        select, join = ", ".join(_kept_sql(kind, c, "s") for c in cols), ""
    if kind.on_article:  # (places are checked against their text: _settle_merged_places)
        counts.written = [row[0] for row in conn.execute(
            f"SELECT id FROM {SRC}.{table} WHERE id NOT IN (SELECT id FROM main.{table})")]
        counts.written += [row["id"] for row in updates]
    last = conn.execute(f"SELECT max(rowid) FROM main.{table}").fetchone()[0] or 0
    new = conn.execute(
        f"INSERT INTO main.{table} ({_targets(cols)}) SELECT {select} FROM {SRC}.{table} s "
        f"{join}WHERE s.id NOT IN (SELECT id FROM main.{table}) ORDER BY s.rowid").rowcount
    counts.unchanged += _count(conn, f"{SRC}.{table}") - new - len(differing)
    gone = "deleted IS NOT NULL" + (  # (a deleted claim's places stay as they were)
        " OR claim_id IN (SELECT id FROM main.claims WHERE deleted IS NOT NULL)"
        if kind.on_article else "")
    counts.tombstones = conn.execute(f"SELECT count(*) FROM main.{table} WHERE rowid > ? "
                                     f"AND ({gone})", [last]).fetchone()[0]
    counts.new = new - counts.tombstones
    if updates:
        assignments = ", ".join(f'"{c}" = ?' for c in cols if c != "id")
        conn.executemany(f"UPDATE main.{table} SET {assignments} WHERE id = ?",
                         [tuple(r[c] for c in cols if c != "id") + (r["id"],) for r in updates])
    return [(kind.entity, loser, result, base) for loser, result, base in conflicts]


def _is_note(kind: Records, column: str) -> bool:
    """Whether *column* of *kind*'s table is a claim's note, read as _as_kept reads it."""
    return not kind.on_article and column == "note"


def _kept_sql(kind: Records, column: str, row: str) -> str:
    """SQL reading *column* of *kind*'s *row* as _as_kept reads it."""
    if _is_note(kind, column):
        return f'tahqiq_note({row}."{column}")'
    if not kind.on_article and column == "sources":
        return f'tahqiq_web_links({row}."{column}")'
    return f'{row}."{column}"'


def web_links_only(sources: Any) -> Any:
    """A claim's *sources* (JSON, or the list a history entry holds) without the links
    that are no web links (links.is_web_link, as every command judges a link; a direction
    mark at either end is no matter, as for validate_sources); as they are when they hold
    none, or are no list."""
    try:
        found = read_json(sources) if isinstance(sources, str) else sources
    except ValueError:  # (JSON no Tahqiq wrote: read as links() reads it)
        return sources
    if not isinstance(found, list):
        return sources
    kept = [link for link in found if isinstance(link, str) and is_web_link(trimmed_link(link))]
    if len(kept) == len(found):
        return sources
    return json.dumps(kept, ensure_ascii=False) if isinstance(sources, str) else kept


def _remembered(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """*function* of a text, each text's answer kept for as long as this is: a merge asks
    web_links_only of every claim of the colleague's twice (_links_left_out, then the
    copy), a JSON read and every link judged each time. What is no text is asked each
    time."""
    answers: dict[str, Any] = {}

    def remembered(value: Any) -> Any:
        if type(value) is not str:
            return function(value)
        try:
            return answers[value]
        except KeyError:
            answers[value] = found = function(value)
            return found
    return remembered


def _as_kept(kind: Records, record: dict[str, Any]) -> dict[str, Any]:
    """*record* (a claim's version, in either file or its history) with its note as this
    project keeps notes (claims.stored_note): a colleague's file from an older Tahqiq, or
    written by another program, brought in a note holding a right-to-left override and
    an escape, and the review packet showed «5.3» as «3.5». Every version read so, a merge
    compares what it keeps: merging again changes nothing (rv239)."""
    if _is_note(kind, "note") and isinstance(record.get("note"), str):
        record["note"] = stored_note(record["note"])
    if not kind.on_article and "sources" in record:  # (links no command takes: left out)
        record["sources"] = web_links_only(record["sources"])
    return record


def _delete_claims_left_nowhere(conn: sqlite3.Connection, places_of: dict[str, set[str]]
                                ) -> int:
    """Delete each claim of *places_of* (a claim: the places that differed which were
    live on it, in either file) the merge left live with no live place, as untagging its
    last words deletes a claim (store.core.appearances): one side unlinked words into
    a claim of their own, and the other untagged them, unlinked them too, or deleted
    their article. Live nowhere, the claim was listed, exported and reviewable, and
    shown nowhere to be deleted (rv149, rv151). Stamped as the last of its places'
    untagging or leaving, by its author, told by an entry whose id is made of them and of
    the version deleted: the same in every order of merges, and two copies that each
    deleted their own version of the claim (one relabelled it) hold both entries, not
    each its own under one id (rv233). How many."""
    if not places_of:
        return 0
    cols = _columns(conn, "claims")
    rows = conn.execute(
        f"SELECT {_names(cols, 'c')} FROM json_each(?) w JOIN main.claims c ON c.id = "
        "w.value WHERE c.deleted IS NULL AND NOT EXISTS (SELECT 1 FROM main.appearances p "
        "WHERE p.claim_id = c.id AND p.deleted IS NULL)",
        [json.dumps(sorted(places_of))]).fetchall()
    for row in rows:
        before = dict(zip(cols, row, strict=True))
        claim_id = before["id"]
        at, who = max(conn.execute(
            "SELECT coalesce(deleted, updated), coalesce(deleted_by, updated_by, '') FROM "
            "main.appearances WHERE claim_id = ? OR id IN (SELECT value FROM json_each(?))",
            [claim_id, json.dumps(sorted(places_of[claim_id]))]).fetchall())
        after = {**before, "deleted": at, "deleted_by": who,
                 "updated": max(before["updated"] or "", at), "updated_by": who}
        conn.execute("UPDATE main.claims SET deleted = ?, deleted_by = ?, updated = ?, "
                     "updated_by = ? WHERE id = ?", [at, who, after["updated"], who, claim_id])
        conn.execute(
            "INSERT OR IGNORE INTO main.history (id, entity, entity_id, action, who, at, "
            "before, after) VALUES (?, 'claim', ?, 'delete', ?, ?, ?, ?)",
            [str(uuid.uuid5(CONFLICT_NAMESPACE,
                            f"left nowhere\n{claim_id}\n{at}\n{version_key(before)}")),
             claim_id, who, at, json.dumps(before, ensure_ascii=False),
             json.dumps(after, ensure_ascii=False)])
    return len(rows)


def _settle_merged_places(conn: sqlite3.Connection, places: Counts, name: str, me: str
                          ) -> tuple[int, int]:
    """Settle the places the merge wrote against their texts here
    (``article_texts.check_places``, one reading of each text for both): places an older
    Tahqiq left off their words in the text they have here are found again (moved, as a
    text's change moves words) or untagged, by *me*, with their history
    (_place_older_restores): how many of each. Any other live place not holding its
    quote in this project's copy of its article (set on another version of its text,
    the place keeping this project's article, or moved by another program), or holding
    it with a prefix or suffix that is not the text beside its words, refuses the file:
    merged as they were, they highlighted and exported other words, the W3C export gave
    the wrong context, a text's change sought the words by it, and this project's own
    CSV export was refused whole by every later merge, as the CSV import refuses such a
    record (rv254). The transaction rolls back; a place described otherwise than
    Tahqiq writes is sqlite3.DatabaseError, which merge_project reports as a damaged
    file. (Named for what it does since it came to move, untag and record places as
    well as refuse them - rv278; an empty annotator is refused before: soundness.)"""
    place_ids = places.written
    if not place_ids:
        return 0, 0
    checked = article_texts.check_places(conn, place_ids)
    found = left = 0
    if checked.misplaced:
        found, left = _place_older_restores(conn, checked.off_words, places.claims_of, me)
    if checked.misplaced > found + left:
        raise ImportRejected(
            "{name} has claims whose words are not where it puts them in this project's "
            "copy of their article ({count} place(s)): the article's text differs there, or "
            "another program moved them. Nothing was merged.",
            name=name, count=checked.misplaced - found - left)
    if checked.first is not None:
        raise sqlite3.DatabaseError(checked.first)
    return found, left


def _place_older_restores(conn: sqlite3.Connection, place_ids: list[str],
                          claims_of: dict[str, set[str]], me: str) -> tuple[int, int]:
    """The live places of *place_ids* (off their words as merged) that a Tahqiq of 1-4
    December left so, each found again from its quote and context (as a text's change
    moves words) or untagged: how many of each. That Tahqiq restored a claim whose words
    its article's new text had lost, at the offsets they had in the old text; the merge
    refused its maker's every file whole (rv267). Only in a text the colleague's file
    holds too (its fingerprint) and changed (a ``retext`` entry there ending in it): the
    place's offsets are then no other text's, and another program's moves in a text
    never changed are still refused. Each change is *me*'s, now, told by an entry from the
    version merged: merged again, the file's version is one this project saw, and nothing
    changes. (Stamped with the place's own time, a place found again was the version the
    text's change had written there, which the colleague's history holds: each side saw
    the other's, and merging again found it again.) A claim left with no words is
    _delete_claims_left_nowhere's (*claims_of*)."""
    cols = _columns(conn, "appearances")
    rows = conn.execute(
        f"SELECT a.rowid, {_names(cols, 'p')} FROM json_each(?) w "
        "JOIN main.appearances p ON p.id = w.value "
        "JOIN main.articles a ON a.id = p.article_id "
        f"JOIN {SRC}.appearances s ON s.id = p.id JOIN {SRC}.articles t ON t.id = s.article_id "
        f"WHERE t.fingerprint = a.fingerprint AND EXISTS (SELECT 1 FROM {SRC}.history h "
        "WHERE h.entity = 'article' AND h.entity_id = t.id AND h.action = 'retext' "
        "AND instr(h.after, t.fingerprint)) ORDER BY a.rowid",
        [json.dumps(place_ids)]).fetchall()
    found = left = 0
    for rowid, group in itertools.groupby(rows, key=lambda row: row[0]):
        text = None
        for row in group:
            before = dict(zip(cols, row[1:], strict=True))
            text = text if text is not None else article_texts.read_text(
                conn, rowid, before["article_id"])
            at = _found_again(conn, text, before)
            now = later_than(before["updated"])
            after = {**before, "updated": now, "updated_by": me}
            if at is None:
                after |= {"deleted": now, "deleted_by": me}
                claims_of[before["claim_id"]].add(before["id"])
            else:
                quote, prefix, suffix = anchoring.quote_selector(
                    text, at, at + len(before["quote"]))
                after |= {"start": at, "end": at + len(quote), "prefix": prefix,
                           "suffix": suffix}
            found, left = found + (at is not None), left + (at is None)
            conn.execute(
                'UPDATE main.appearances SET start = ?, "end" = ?, prefix = ?, suffix = ?, '
                "deleted = ?, deleted_by = ?, updated = ?, updated_by = ? WHERE id = ?",
                [after["start"], after["end"], after["prefix"], after["suffix"],
                 after["deleted"], after["deleted_by"], now, me, before["id"]])
            conn.execute(
                "INSERT INTO main.history (id, entity, entity_id, action, who, at, before, "
                "after) VALUES (?, 'appearance', ?, ?, ?, ?, ?, ?)",
                [str(uuid.uuid4()), before["id"], "delete" if at is None else "reanchor", me,
                 now, json.dumps(before, ensure_ascii=False),
                 json.dumps(after, ensure_ascii=False)])
    return found, left


def _found_again(conn: sqlite3.Connection, text: str, place: dict[str, Any]) -> int | None:
    """Where *place*'s quote stands in *text*, found by its context (anchoring.locate,
    its offsets a hint), unless a live place of its claim holds those words already."""
    quote, start = place["quote"], place["start"]
    if not isinstance(quote, str) or not quote:
        return None
    at = anchoring.locate(text, quote, place["prefix"] or "", place["suffix"] or "",
                          start if type(start) is int else None)
    if at is None or conn.execute(
            'SELECT 1 FROM main.appearances WHERE claim_id = ? AND article_id = ? AND '
            'start = ? AND "end" = ? AND deleted IS NULL AND id <> ?',
            [place["claim_id"], place["article_id"], at, at + len(quote), place["id"]]
    ).fetchone():
        return None
    return at


def _settle(conn: sqlite3.Connection, kind: Records, cols: list[str],
            differing: list[tuple[dict[str, Any], dict[str, Any]]], counts: Counts
            ) -> tuple[list[dict[str, Any]], list[_Conflict]]:
    """Decide each record that differs: (rows to write, conflicts to record)."""
    pending = _changed(kind, differing, counts)
    seen_here, seen_there = _who_saw(conn, kind, cols, pending)
    unsettled = [m["id"] for m, _, _, _ in pending
                 if (m["id"] in seen_here) == (m["id"] in seen_there)]
    # (places alike in their claim and words - both sides' retext of one typo, say -
    # have nothing to settle field by field: reading their bases doubled such a merge)
    both = set(unsettled)
    bases, setters = _bases(conn, kind, cols, [
        m["id"] for m, t, _, _ in pending if m["id"] in both and (
            not kind.on_article or any(m[n] != t[n] for n in _PLACE_NAMES))])
    deletions, lifted = _deletions(conn, kind, unsettled)
    updates: list[dict[str, Any]] = []
    conflicts: list[_Conflict] = []
    twin = functools.partial(_twin_place, conn) if kind.on_article else None
    for mine, theirs, key_mine, _ in pending:
        here_saw, there_saw = mine["id"] in seen_here, mine["id"] in seen_there
        if here_saw and not there_saw:
            counts.unchanged += 1
        elif there_saw and not here_saw:
            gone = mine["deleted"] is None and theirs["deleted"] is not None
            back = mine["deleted"] is not None and theirs["deleted"] is None
            counts.deleted, counts.restored = counts.deleted + gone, counts.restored + back
            counts.updated += not (gone or back)
            updates.append(theirs)
        else:
            result = _both_changed(
                mine, theirs, bases.get(mine["id"]), setters.get(mine["id"]),
                lifted.get(mine["id"], frozenset()), deletions.get(mine["id"], frozenset()),
                counts, conflicts, twin)
            if version_key(result) != key_mine:
                updates.append(result)
    return updates, conflicts


# A conflict to record: the version that lost, the one kept, and their common base.
_Conflict = tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]
# A record that differs: mine, theirs, and their version keys.
_Pending = tuple[dict[str, Any], dict[str, Any], tuple, tuple]


def _changed(kind: Records, differing: list[tuple[dict[str, Any], dict[str, Any]]],
             counts: Counts) -> list[_Pending]:
    """The records whose versions differ in content (not, say, in how a link is spelled),
    with their keys; the others counted unchanged."""
    pending = []
    for mine, theirs in differing:
        if kind.on_article:
            theirs["article_id"] = mine["article_id"]  # a claim here stays on its article
        key_mine, key_theirs = version_key(mine), version_key(theirs)
        if key_mine == key_theirs:  # same content, e.g. sources spelled differently
            counts.unchanged += 1
        else:
            pending.append((mine, theirs, key_mine, key_theirs))
    return pending


def _who_saw(conn: sqlite3.Connection, kind: Records, cols: list[str],
             pending: list[_Pending]) -> tuple[set[str], set[str]]:
    """The ids of the *pending* records whose version here saw theirs (their history
    holds it), and those whose version there saw mine."""
    seen_here = _seen(conn, "main", kind, cols,
                      {m["id"]: (t["updated"], kt) for m, t, _, kt in pending})
    seen_there = _seen(conn, SRC, kind, cols,
                       {m["id"]: (m["updated"], km) for m, _, km, _ in pending})
    # A side that saw the other's version, but not what a merge folded into it, did not
    # build on all of it.
    seen_there -= _unseen_absorbed(conn, "main", kind, cols, {
        m["id"]: (m["updated"], km) for m, _, km, _ in pending if m["id"] in seen_there})
    seen_here -= _unseen_absorbed(conn, SRC, kind, cols, {
        m["id"]: (t["updated"], kt) for m, t, _, kt in pending if m["id"] in seen_here})
    seen_either = seen_here | seen_there
    csv_here, csv_there = _csv_seen(conn, kind, cols, [
        (m, t) for m, t, _, _ in pending if m["id"] not in seen_either])
    return seen_here | csv_here, seen_there | csv_there


def _both_changed(mine: dict[str, Any], theirs: dict[str, Any], base: dict[str, Any] | None,
                  set_by: Setters | None, lifted: frozenset[tuple[Any, Any]],
                  deletions: frozenset[tuple[Any, Any]],
                  counts: Counts, conflicts: list[_Conflict],
                  twin: Callable[[dict[str, Any]], bool] | None = None) -> dict[str, Any]:
    """The version to keep of a record both sides changed, neither seeing the other's:
    each field as ``resolve_conflict`` settles it; what lost recorded in *conflicts*."""
    loser, result = resolve_conflict(mine, theirs, base, lifted, set_by, deletions,
                                     twin=twin)
    winner = theirs if loser is mine else mine
    # The newer version's own change lost to a later one of the same field.
    overridden = claim_versions.lost(winner, result, base) if base is not None else []
    if base is not None and mine["deleted"] is None and theirs["deleted"] is None \
            and not overridden and not claim_versions.lost(loser, result, base):
        counts.combined += 1  # both changed it, each a field of its own
    else:
        counts.conflicts += 1
        counts.conflicted.append(mine["id"])
    conflicts.append((loser, result, base))
    if overridden:  # told by the version that set the value not kept, if known
        made = set_by and set_by.made(overridden[0], winner)
        conflicts.append((made or winner, {**result, claim_versions.LATER_KEY: True}, base))
    counts.deleted += mine["deleted"] is None and result["deleted"] is not None
    counts.restored += mine["deleted"] is not None and result["deleted"] is None
    return result


@dataclass
class Setters:
    """When each file's history set each value of a claim's verdict and note, and added
    and removed each link (keys: (field, the value's JSON), ("+", url), ("-", url)), by
    entries other than a merge's (whoever merged did not set the value it kept) and a CSV
    import's (stamped with the record's time, not the time a value was set: a colleague's
    verdict read as set when its maker later edited her note)."""

    # file ("main" or SRC) -> key -> (when its last entry there set it, the version made)
    last: dict[str, dict[tuple[str, str], tuple[str, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(dict))
    held: dict[str, set[tuple[tuple[str, str], str]]] = field(  # file -> every (key, when)
        default_factory=lambda: defaultdict(set))
    # file -> the latest record time a claims CSV import there wrote (its ``updated``)
    imported: dict[str, str] = field(default_factory=dict)

    def note_import(self, db: str, after: dict[str, Any]) -> None:
        """An import entry of *db* wrote *after* (a CSV's record, stamped with its time)."""
        when = after.get("updated") or ""
        if when > self.imported.get(db, ""):
            self.imported[db] = when

    def note(self, db: str, before: dict[str, Any] | None, after: dict[str, Any],
             when: str) -> None:
        """An entry of *db* made at *when* changed *before* into *after* (made it, if
        *before* is None)."""
        keys = [(name, _field_key(after, name)) for name in _LATEST_FIELDS
                if before is None or before.get(name) != after.get(name)]
        now, then = links(after.get("sources")), links((before or {}).get("sources"))
        keys += [("+", url) for url in now if url not in then]
        keys += [("-", url) for url in then if url not in now]
        for key in keys:
            self.held[db].add((key, when))
            known = self.last[db].get(key)
            if known is None or when > known[0]:
                self.last[db][key] = (when, after)

    def later(self, key_a: tuple[str, str], home_a: str, key_b: tuple[str, str],
              home_b: str) -> bool | None:
        """Whether side a's value (*key_a*, in file *home_a*) came after side b's: a saw
        b's being set (its file holds that entry) and b did not see a's; else, both or
        neither having seen the other's, it was set later (equal times: the larger key).
        None when neither file's history says when a side's value was set.

        A value a file has only from a claims CSV (its import entry, which is no setter)
        is as the other file's history set it, if it did: Badr had Amal's note from her
        CSV and merged Chadi's verdict into it; Amal's file, which holds her taking the
        note back, brought it back over that when Chadi's was merged into hers first,
        and not in the other order (rv82)."""
        a = self.last[home_a].get(key_a) or self._borrowed(key_a, home_a, home_b)
        b = self.last[home_b].get(key_b) or self._borrowed(key_b, home_b, home_a)
        if a is None or b is None:
            return None
        a_saw, b_saw = (key_b, b[0]) in self.held[home_a], (key_a, a[0]) in self.held[home_b]
        if a_saw != b_saw:
            return a_saw
        return (a[0], key_a) > (b[0], key_b)

    def _borrowed(self, key: tuple[str, str], home: str, other: str
                  ) -> tuple[str, dict[str, Any]] | None:
        """The other file's setting of *key*, for a value *home* has only from a claims
        CSV: only one not older than the CSV's record there (an older one is another
        setting of the same words, which the CSV's author changed and set again later:
        taken for hers, her later note lost to one she never saw, in every file)."""
        imported = self.imported.get(home)
        found = self.last[other].get(key)
        if imported is None or found is None or found[0] < imported:
            return None
        return found

    def made(self, name: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """The version whose entry last set *row*'s value of field *name*, in either file."""
        found = [known for db in self.last
                 if (known := self.last[db].get((name, _field_key(row, name))))]
        return max(found, key=lambda known: known[0])[1] if found else None

    def added(self, url: str) -> tuple[str, int] | None:
        """When the link was last added, in either file, and where among the links of
        the version that added it (links given in one edit share its time)."""
        found = [self.last[db][("+", url)] for db in self.last if ("+", url) in self.last[db]]
        if not found:
            return None
        when, version = max(found, key=lambda known: known[0])
        order = links(version.get("sources"))
        return when, order.index(url) if url in order else len(order)


# The fields whose changes on both sides are settled by which came later.
_LATEST_FIELDS = tuple(name for name in claim_versions.OWN_FIELDS if name != "sources")


def _bases(conn: sqlite3.Connection, kind: Records, cols: list[str], ids: list[str]
           ) -> tuple[dict[str, dict[str, Any]], dict[str, Setters]]:
    """For each record of *ids* changed on both sides, the version both built on: the
    newest version both histories record (none when they share none); and when each
    value of its verdict and note was last set, and each link last added and removed,
    by the entries of both histories (Setters: a merge's or a CSV import's entry
    aside)."""
    if not ids:
        return {}, {}
    versions: list[dict[str, dict[str, tuple[str, dict[str, Any]]]]] = []
    setters: dict[str, Setters] = defaultdict(Setters)
    for db in ("main", SRC):
        # version key: (when an entry last made it, the version)
        found: dict[str, dict[str, tuple[str, dict[str, Any]]]] = defaultdict(dict)
        for record_id, before, after, at, action in _history_rows(
                conn, db, kind, ids, "action NOT LIKE 'review%'",
                "entity_id, before, after, at, action"):
            made_before, made = (_version(kind, cols, record_id, text)
                                 for text in (before, after))
            for record, when in ((made_before, ""), (made, at or "")):
                if record is not None:
                    key = version_key(record)
                    known = found[record_id].get(key)
                    if known is None or when > known[0]:
                        found[record_id][key] = (when, record)
            if made is None or kind.on_article:  # (a place's fields are settled by
                continue  # the versions alone: resolve_conflict)
            if action not in ("merge_conflict", "import"):
                setters[record_id].note(db, made_before, made, at or "")
            elif action == "import":
                setters[record_id].note_import(db, made)
        versions.append(found)
    here, there = versions
    bases = {}
    for record_id in ids:
        mine, theirs = here[record_id], there[record_id]
        shared = mine.keys() & theirs.keys()
        if shared:
            # The one made last, as either history says: a merged record keeps its
            # winner's `updated`, so by that the winner and the merged one tie (and the
            # winner, taken for the base, brought back what the merge had dropped).
            newest = max(shared, key=lambda k: (max(mine[k][0], theirs[k][0]),
                                                mine[k][1]["updated"] or "", k))
            bases[record_id] = mine[newest][1]
    return bases, setters


def _field_key(row: dict[str, Any], name: str) -> str:
    return json.dumps(row.get(name), ensure_ascii=False)


def _deletions(conn: sqlite3.Connection, kind: Records, ids: list[str]
               ) -> tuple[dict[str, frozenset[tuple[Any, Any]]],
                          dict[str, frozenset[tuple[Any, Any]]]]:
    """For each record of *ids*, in either file's history (so either order of merges
    reads the same): the deletions (time, who) made of it, and those someone restored it
    from after seeing them. A ``restore`` entry lists those it saw (history.LIFTED_KEY);
    one written before restores listed them lifts its ``before``'s deletion and every
    deletion made before it (it was honoured so). A place's deletions are its own
    entries': a claim's entries under the same id tell its claim's (they told the place's
    too in files before schema 4, whose restores still lift the deletion they name)."""
    made: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
    lifted: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
    restored: dict[str, str] = {}  # the last restore that listed nothing, by record
    for db in ("main", SRC):
        for record_id, entity, action, at, text in _history_rows(
                conn, db, kind, ids, "action IN ('delete', 'restore')",
                columns="entity_id, entity, action, at, CASE action WHEN 'delete' THEN "
                        "after ELSE before END"):
            try:
                record = read_json(text) if text else None
            except ValueError:
                continue
            if not isinstance(record, dict) or record.get("deleted") is None:
                continue
            stamp = (record["deleted"], record.get("deleted_by"))
            if action == "delete":
                if entity == kind.entity:
                    made[record_id].add(stamp)
                continue
            lifted[record_id].add(stamp)
            seen = record.get(history.LIFTED_KEY)
            if isinstance(seen, list):
                lifted[record_id].update(tuple(s) for s in seen
                                         if isinstance(s, list) and len(s) == 2)
            elif entity == kind.entity and isinstance(at, str) \
                    and at > restored.get(record_id, ""):
                restored[record_id] = at
    for record_id, at in restored.items():
        lifted[record_id].update(stamp for stamp in made.get(record_id, ())
                                 if isinstance(stamp[0], str) and stamp[0] <= at)
    return ({record_id: frozenset(stamps) for record_id, stamps in made.items()},
            {record_id: frozenset(stamps) for record_id, stamps in lifted.items()})


def resolve_conflict(a: dict[str, Any], b: dict[str, Any], base: dict[str, Any] | None = None,
                     lifted: frozenset[tuple[Any, Any]] = frozenset(),
                     set_by: Setters | None = None,
                     deletions: frozenset[tuple[Any, Any]] = frozenset(),
                     homes: tuple[str, str] = ("main", SRC),
                     twin: Callable[[dict[str, Any]], bool] | None = None
                     ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(loser, result) for two independently changed versions of one claim, or of one
    place (its claim and its words each as a field: _PLACE_FIELDS).

    Symmetric: ``resolve_conflict(b, a)``, its *homes* swapped, gives the same result
    (the histories say which file's each version is). The newer
    ``updated`` wins, then the larger canonical JSON; a tombstone on either
    side is kept (the earliest one, with its author), unless it is among *lifted*: a
    deletion someone restored the record from after seeing it (a colleague who had
    not seen the restore merged the deletion into an edit of theirs, and the restore
    was lost or kept by the order of later merges). Against a tombstone, the other
    *deletions* the histories record stand too unless lifted: a record keeps one
    deletion, and a restore that saw only its author's lifted another's. Given the
    *base* version both changed, the result also keeps each of the loser's changes to a
    field of its own (claim_versions.OWN_FIELDS) the winner left as it was, and the
    links the loser added or removed (Huda's new source was lost to Badr's newer note,
    and the history read as though Badr had removed it). Where *set_by* (the two
    histories, the versions' files named by *homes*) tells which value of a verdict, a
    note or a link came later, that one is kept: Alice's verdict, carried by Carol's
    newer note, beat Bob's later verdict when Carol's file was merged before Bob's, and
    lost to it in the other order. A place whose claim one side changed and whose
    words the other did is settled whole, the newer winning, when *twin* says the two
    together would put the claim twice on the same words.
    """
    if (a["updated"], version_key(a)) >= (b["updated"], version_key(b)):
        winner, loser = a, b
    else:
        winner, loser = b, a
    home = {id(a): homes[0], id(b): homes[1]}
    result = dict(winner)
    if base is not None:
        for name in claim_versions.OWN_FIELDS:
            if name not in result:
                continue
            if name == "sources":
                result[name] = _merged_sources(winner, loser, base, set_by,
                                               (home[id(winner)], home[id(loser)]))
                continue
            kept, other, was = (value_of(row, name) for row in (winner, loser, base))
            if kept == other:
                continue
            later = set_by and set_by.later((name, _field_key(loser, name)), home[id(loser)],
                                            (name, _field_key(winner, name)),
                                            home[id(winner)])
            if later is None:  # as the versions say: a change over none, else the newer
                later = other != was and kept == was
            if later:
                result[name] = loser[name]
    if base is not None and "claim_id" in result:  # a place: its claim, its words
        for group in _PLACE_FIELDS:
            kept, other, was = ([row.get(name) for name in group]
                                for row in (winner, loser, base))
            if kept != other and other != was and kept == was:
                result.update({name: loser.get(name) for name in group})
        if twin is not None and result != dict(winner) and twin(result):
            result = dict(winner)
    tombs = {(r["deleted"], r["deleted_by"]) for r in (a, b) if r["deleted"] is not None}
    if tombs:  # every deletion the histories know, that no restore saw, stands
        tombs = (tombs | deletions) - lifted
    if tombs:
        result["deleted"], result["deleted_by"] = min(
            tombs, key=lambda stamp: (stamp[0], stamp[1] or ""))
    elif result["deleted"] is not None:  # a deletion someone restored it from, seen
        result["deleted"] = result["deleted_by"] = None
    return loser, result


def _twin_place(conn: sqlite3.Connection, place: dict[str, Any]) -> bool:
    """Whether another live place of *place*'s claim stands on its words, in either file
    (both, so either order of merges says the same): Alice moved words onto a claim's,
    Bob linked them to that claim, and both kept made it stand twice there (rv153)."""
    return bool(conn.execute(
        'SELECT EXISTS (SELECT 1 FROM main.appearances WHERE claim_id = ?1 AND article_id = '
        '?2 AND start = ?3 AND "end" = ?4 AND id <> ?5 AND deleted IS NULL) OR EXISTS ('
        f"SELECT 1 FROM {SRC}.appearances s JOIN temp.merge_articles m ON m.other_id = "
        's.article_id AND m.local_id = ?2 WHERE s.claim_id = ?1 AND s.start = ?3 AND '
        's."end" = ?4 AND s.id <> ?5 AND s.deleted IS NULL)',
        [place["claim_id"], place["article_id"], place["start"], place["end"], place["id"]]
    ).fetchone()[0])


# What a place's change is made of, each settled as a claim's fields are: the claim it is
# on (a link, an unlink) and its words (a move). Settled whole, Bob's link of words to
# another claim, which deleted the claim it left, was lost to Alice's later move of
# them: the words stayed on that deleted claim, shown nowhere (rv149).
_PLACE_FIELDS = (("claim_id",), ("start", "end", "quote", "prefix", "suffix"))
_PLACE_NAMES = tuple(name for group in _PLACE_FIELDS for name in group)


def _merged_sources(winner: dict[str, Any], loser: dict[str, Any], base: dict[str, Any],
                    set_by: Setters | None, homes: tuple[str, str]) -> Any:
    """The links of both that stand: of a link one side has and the other not, the side
    whose adding or removing came later (Setters.later); where the histories do not
    tell, the winner's links, less those the loser removed from *base*'s, and the loser's
    new ones after them. A link is one however it is spelled (claim_versions.among: one
    page added on each side, percent-encoded on one, was kept twice - rv239). In the order
    they were added, when the histories tell; the winner's value itself (as it is
    written) when that changes nothing."""
    ours, theirs, before = (links(row["sources"]) for row in (winner, loser, base))
    merged: list[str] = []
    for url in ours + [url for url in theirs if not among(url, ours)]:
        here = among(url, ours)
        if here != among(url, theirs):  # one side has it
            later = set_by and set_by.later(("+" if not here else "-", url), homes[1],
                                            ("+" if here else "-", url), homes[0])
            if later is None:  # as the versions say: a change over none
                later = here == among(url, before)
            here = here != later
        if here and not among(url, merged):
            merged.append(_spelling(url, theirs, set_by))
    if set_by is not None and all(set_by.added(url) for url in merged):
        merged.sort(key=lambda url: (set_by.added(url), url))
    if merged == ours:
        return winner["sources"]
    return json.dumps(merged, ensure_ascii=False) if isinstance(winner["sources"], str) \
        else merged


def _spelling(url: str, theirs: list[str], set_by: Setters | None) -> str:
    """The winner's *url* as the side that added the page last spells it (Setters.added;
    the larger spelling when the histories do not tell): the winner's spelling kept, which
    one stood came to depend on the order of merges."""
    spellings = [url, *(link for link in theirs if link != url and same_link(url, link))]
    added = set_by.added if set_by is not None else lambda _: None
    return max(spellings, key=lambda link: ((added(link) or ("",))[0], link))


def version_key(row: dict[str, Any]) -> str:
    """Canonical JSON of a claim's content, blind to which article id it has in a file."""
    content = {k: v for k, v in row.items() if k != "article_id"}
    if isinstance(content.get("sources"), str):
        with contextlib.suppress(ValueError):  # keep an unreadable value as it is
            content["sources"] = read_json(content["sources"] or "[]")
    return json.dumps(content, sort_keys=True, ensure_ascii=False)


def _seen(conn: sqlite3.Connection, db: str, kind: Records, cols: list[str],
          wanted: dict[str, tuple[str, str]]) -> set[str]:
    """Ids of the records whose history in *db* records the wanted version.

    *wanted* maps a record id to (its ``updated``, its version key). A version's JSON
    holds its ``updated`` time verbatim, so entries without it are skipped unparsed: at
    10,000s of differing claims, parsing is most of the cost.
    """
    found: set[str] = set()
    for record_id, before, after in _history_rows(conn, db, kind, list(wanted),
                                                  "action NOT LIKE 'review%'"):
        updated, key = wanted[record_id]
        for text in (before, after):
            if record_id in found or not text or updated not in text:
                continue
            record = _version(kind, cols, record_id, text)
            if record is not None and version_key(record) == key:
                found.add(record_id)
    return found


def _unseen_absorbed(conn: sqlite3.Connection, db: str, kind: Records, cols: list[str],
                     versions: dict[str, tuple[str, str]]) -> set[str]:
    """Ids of the records whose version in *db* (*versions*: id -> its ``updated``, its
    key) a merge left as it was over a version the other file's history does not record.

    Badr took a note back; Amal's merge of his file kept her version, equal but for its
    time, over his. Chadi, who had seen Amal's version but not Badr's change, was then
    taken to have built on all Amal knew, and his older note came back over Badr's
    taking it back, or not, by the order of merges."""
    absorbed: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for record_id, before, after in _history_rows(conn, db, kind, list(versions),
                                                  "action = 'merge_conflict'"):
        updated, key = versions[record_id]
        if not after or updated not in after:
            continue
        kept, lost = (_version(kind, cols, record_id, text) for text in (after, before))
        if kept is not None and lost is not None and version_key(kept) == key:
            absorbed[record_id].append((lost["updated"] or "", version_key(lost)))
    other = SRC if db == "main" else "main"
    unseen: set[str] = set()
    while absorbed:  # one loser of each record a round
        wanted = {record_id: losers.pop() for record_id, losers in absorbed.items()}
        unseen |= set(wanted) - _seen(conn, other, kind, cols, wanted)
        absorbed = {record_id: losers for record_id, losers in absorbed.items()
                    if losers and record_id not in unseen}
    return unseen


def _history_rows(conn: sqlite3.Connection, db: str, kind: Records, ids: list[str],
                  condition: str, columns: str = "entity_id, before, after",
                  order: str = "") -> Iterator[tuple[Any, ...]]:
    """*columns* (record id, before, after) of *db*'s history entries on the records
    *ids* that meet *condition* (SQL), a chunk of ids a query, each chunk in *order* (SQL; a
    record's entries are all in one chunk). Before claims had appearances (schema 4), an
    appearance's story was told under its claim, with the same id: for appearances those
    count too."""
    entities = ("appearance", "claim") if kind.on_article else ("claim",)
    for chunk, marks in id_chunks(ids):
        asked = set(chunk)
        for row in conn.execute(
                f"SELECT {columns} FROM {db}.history WHERE entity IN "
                f"({','.join('?' * len(entities))}) AND {condition} "
                f"AND entity_id IN ({marks})"
                + (f" ORDER BY {order}" if order else ""), [*entities, *chunk]):
            if row[0] not in asked:  # found by an index that disagrees with its table
                raise sqlite3.DatabaseError("the history's index disagrees with its rows")
            yield row


def _version(kind: Records, cols: list[str], record_id: str, text: str | None
             ) -> dict[str, Any] | None:
    """The version a history entry's JSON *text* records of *record_id* (its *cols*),
    or None when it records none or cannot be read."""
    if kind.on_article and text and '"start"' not in text:  # (a claim's own entry, as
        return None  # below: not even read)
    try:
        record = read_json(text) if text else None
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    if kind.on_article:
        if "start" not in record:  # a claim's own entry (its first place has its id):
            return None  # taken for the place's base, it lost one side's move or link (rv153)
        record.setdefault("claim_id", record_id)
    return _as_kept(kind, {c: record.get(c) for c in cols})


# What a claims CSV cannot carry, so store.exchange.csv_format rebuilds it as best it can:
# who made a claim and when, and when a claim and its words last changed (a record has
# one time for both).
CSV_GUESSED = {"claim": ("annotator", "created", "updated", "updated_by"),
               "appearance": ("updated", "updated_by")}


def _csv_seen(conn: sqlite3.Connection, kind: Records, cols: list[str],
              unseen: list[tuple[dict[str, Any], dict[str, Any]]]) -> tuple[set[str], set[str]]:
    """Ids of records one side has from a claims CSV of a version the other side's history
    records: (seen here, seen there), as _seen gives them.

    A CSV import's version of a record - its ``import`` entry's ``after`` - may differ
    from the version it was exported from in CSV_GUESSED only. Without this, merging a
    colleague's project file after their CSV was a conflict nobody made, and the CSV's
    guesses could win it. Only one side's version may be from a CSV: two imports are two
    guesses, settled as any conflict.

    When one side's record is as a CSV import wrote it, that side saw the other's
    version if its history records it but for CSV_GUESSED (the import is of it, or of
    one before it). When neither side's record is, one side changed the record after
    importing it: its history's last import entry records, but for CSV_GUESSED, the
    other side's version, which it built on (_built_on). Without this, editing a claim
    imported from a colleague's CSV and then merging their project file was a conflict
    only one of them made.
    """
    if not unseen:
        return set(), set()
    mine = {m["id"]: m for m, _ in unseen}
    theirs = {t["id"]: t for _, t in unseen}
    from_csv_here = _imported(conn, "main", kind, cols, mine)
    from_csv_there = _imported(conn, SRC, kind, cols, theirs)
    guessed = CSV_GUESSED[kind.entity]

    def known(db: str, rows: dict[str, dict[str, Any]]) -> set[str]:
        wanted = {i: _without(r, cols, guessed) for i, r in rows.items()}
        return {i for i, record in _history_records(conn, db, kind, cols, list(wanted))
                if _without(record, cols, guessed) == wanted[i]}

    here = known("main", {i: theirs[i] for i in from_csv_there - from_csv_here})
    there = known(SRC, {i: mine[i] for i in from_csv_here - from_csv_there})
    edited = set(mine) - from_csv_here - from_csv_there  # since an import, on either side
    if edited:
        here |= _built_on(conn, "main", kind, cols, {i: theirs[i] for i in edited})
        there |= _built_on(conn, SRC, kind, cols, {i: mine[i] for i in edited})
    return here, there


def _built_on(conn: sqlite3.Connection, db: str, kind: Records, cols: list[str],
              rows: dict[str, dict[str, Any]]) -> set[str]:
    """Ids of *rows* (the other side's versions) that the last claims CSV import of the
    record in *db* wrote, but for CSV_GUESSED: the version *db*'s side changed it from.

    Only the last import: a side that took a later version from a second CSV built on
    that one, so an earlier import equal to the other side's version now (the other side
    went back to it, an undo, after the second CSV) is a change it never saw - a conflict.
    """
    guessed = CSV_GUESSED[kind.entity]
    last: dict[str, tuple[bool, dict[str, Any]]] = {}  # id: (of kind.entity, version)
    for record_id, entity, after in _history_rows(conn, db, kind, list(rows),
                                                  "action = 'import'",
                                                  "entity_id, entity, after", "at, rowid"):
        own = entity == kind.entity  # (a claim and its first place share an id)
        record = _version(kind, cols, record_id, after)
        if record is not None and (own or not last.get(record_id, (False,))[0]):
            last[record_id] = (own, record)
    return {i for i, (_, record) in last.items()
            if _without(record, cols, guessed) == _without(rows[i], cols, guessed)}


def _imported(conn: sqlite3.Connection, db: str, kind: Records, cols: list[str],
              rows: dict[str, dict[str, Any]]) -> set[str]:
    """Ids of *rows* that *db*'s history says a claims CSV import wrote as they are."""
    keys = {i: version_key(r) for i, r in rows.items()}
    return {i for i, record in _history_records(conn, db, kind, cols, list(keys),
                                                imports=True)
            if version_key(record) == keys[i]}


def _history_records(conn: sqlite3.Connection, db: str, kind: Records, cols: list[str],
                     ids: list[str], *, imports: bool = False
                     ) -> Iterable[tuple[str, dict[str, Any]]]:
    """(id, version) for every version of the records *ids* in *db*'s history (reviews
    aside), as _seen reads them; *imports*: only the versions claims CSV imports wrote."""
    test = "action = 'import'" if imports else "action NOT LIKE 'review%'"
    for record_id, before, after in _history_rows(conn, db, kind, ids, test):
        for text in (after,) if imports else (before, after):
            record = _version(kind, cols, record_id, text)
            if record is not None:
                yield record_id, record


def _without(row: dict[str, Any], cols: list[str], left_out: Iterable[str]) -> str:
    """*row*'s version key without the columns *left_out*."""
    return version_key({c: row.get(c) for c in cols if c not in left_out})


def _settle_article_deletions(conn: sqlite3.Connection) -> tuple[int, int]:
    """Each article deleted or not as the latest deletion or restore anyone made of it
    says (its history, merged: the order of merges does not matter); a change to its
    details is neither (a title edited in a copy from before a deletion brought the
    article back, by its time, without its words). An article deleted, in which words
    were tagged later by someone who did not know, is brought back as of that work,
    told by an entry of its own (its id made from that work: the same everywhere);
    the words went out of sight with it. How many were deleted, and brought back."""
    last: dict[str, tuple[str, str]] = {}
    for article_id, action, at in conn.execute(
            "SELECT entity_id, action, at FROM main.history WHERE entity = 'article' AND "
            "action IN ('delete', 'restore') ORDER BY at, action, id"):
        last[article_id] = (action, at)
    for article_id, (action, at) in list(last.items()):
        if action != "delete":
            continue
        worked, who = conn.execute(
            "SELECT max(p.updated), p.updated_by FROM main.appearances p JOIN main.claims c "
            "ON c.id = p.claim_id AND c.deleted IS NULL WHERE p.article_id = ? AND "
            "p.deleted IS NULL", [article_id]).fetchone()
        if worked is not None and worked > at:
            kept = [c for c in _columns(conn, "articles") if c != "text"]  # (as history)
            row = conn.execute(f"SELECT {_names(kept, 'main.articles')} FROM main.articles "
                               "WHERE id = ?", [article_id]).fetchone()
            if row is None:
                continue
            before = dict(zip(kept, row, strict=True))
            conn.execute(
                "INSERT OR IGNORE INTO main.history (id, entity, entity_id, action, who, at, "
                "before, after) VALUES (?, 'article', ?, 'restore', ?, ?, ?, ?)",
                [str(uuid.uuid5(CONFLICT_NAMESPACE, f"worked on\n{article_id}\n{worked}")),
                 article_id, who, worked, json.dumps(before, ensure_ascii=False),
                 json.dumps({**before, "deleted": None}, ensure_ascii=False)])
            last[article_id] = ("restore", worked)
    deleted = restored = 0
    for article_id, (action, at) in last.items():
        now = conn.execute("SELECT deleted FROM main.articles WHERE id = ?",
                           [article_id]).fetchone()
        wanted = at if action == "delete" else None
        if now is None or now[0] == wanted or (wanted and now[0]):
            continue  # (deleted at another time: still deleted; its own time kept)
        conn.execute("UPDATE main.articles SET deleted = ?, updated = max(updated, ?) "
                     "WHERE id = ?", [wanted, at, article_id])
        deleted, restored = deleted + (wanted is not None), restored + (wanted is None)
    return deleted, restored


def _record_conflicts(conn: sqlite3.Connection, conflicts: list[Conflict], who: str) -> None:
    """One ``merge_conflict`` entry each; its id depends only on the two versions,
    so a conflict met again, or met the other way round, is stored once."""
    now = utcnow()
    # The merged record keeps, beside it, the version both sides changed (store.review.
    # story tells by it what of the losing version was not kept); not part of the id.
    rows = [(str(uuid.uuid5(CONFLICT_NAMESPACE, "\n".join(
                (result["id"], version_key(loser), version_key(result))))),
             entity, result["id"], "merge_conflict", who, now,
             json.dumps(loser, ensure_ascii=False),
             json.dumps(result if base is None else {**result, claim_versions.BASE_KEY: base},
                        ensure_ascii=False))
            for entity, loser, result, base in conflicts]
    conn.executemany(
        "INSERT OR IGNORE INTO main.history (id, entity, entity_id, action, who, at, before, "
        "after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


# -- settings and dismissed suggestions ------------------------------------------------------
# A colleague's organisation as this Tahqiq keeps it (its controls and overrides, which
# an older Tahqiq kept, taken away: ClaimReview published them, rv279)
_KEPT = "CASE key WHEN 'organization' THEN tahqiq_name(value) ELSE value END"


def _merge_settings(conn: sqlite3.Connection) -> list[str]:
    """Each setting takes the newer value (equal times: the larger value, then the larger
    name, so A←B and B←A agree — two people who set one value after seeing the same one
    are stamped alike, stamps.later_than), of those Tahqiq would set: a colleague's
    address that is no web address («javascript:…», written by another program) is not
    taken."""
    refused = [key for key, value in conn.execute(f"SELECT key, {_KEPT} FROM {SRC}.settings")
               if key in project_settings.KEYS and not project_settings.acceptable(key, value)]
    marks = ", ".join("?" * len(refused)) or "''"  # (no setting is called '')
    before = dict(conn.execute("SELECT key, value FROM main.settings").fetchall())
    conn.execute(
        f"INSERT INTO main.settings (key, value, updated, updated_by) SELECT key, {_KEPT}, "
        f"updated, updated_by FROM {SRC}.settings WHERE key NOT IN ({marks}) "
        "ON CONFLICT (key) DO UPDATE SET "
        "value = excluded.value, updated = excluded.updated, updated_by = excluded.updated_by "
        "WHERE (excluded.updated, excluded.value, coalesce(excluded.updated_by, '')) > "
        "(settings.updated, settings.value, coalesce(settings.updated_by, ''))",
        refused)
    return [key for key, value in conn.execute("SELECT key, value FROM main.settings")
            if key in project_settings.KEYS and value != before.get(key, "")]


def _labels_otherwise(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(key, English name, Arabic name) of the labels both files have whose names or
    rating the other file gives otherwise (this project's, kept): the same claims then
    read and publish as another verdict there, and a merge said nothing of it."""
    keys = [row[0] for row in conn.execute(
        f"SELECT m.key FROM main.labels m JOIN {SRC}.labels o ON o.key = m.key "
        "WHERE (m.name_en, coalesce(m.name_ar, ''), coalesce(m.rating, 0)) IS NOT "
        "(o.name_en, coalesce(o.name_ar, ''), coalesce(o.rating, 0)) ORDER BY m.position")]
    names = dict((key, (key, en, ar)) for key, en, ar in conn.execute(
        "SELECT key, name_en, name_ar FROM main.labels")) if keys else {}
    return [names[key] for key in keys]


def _merge_dismissals(conn: sqlite3.Connection) -> None:
    """Suggestions dismissed there stay dismissed here, on our copy of the article.

    The same suggestion dismissed on both sides has one id (made from what was dismissed):
    the earlier dismissal's who and when are kept, so A←B and B←A agree."""
    cols = _columns(conn, "dismissals")
    select = ", ".join("m.local_id" if c == "article_id" else f'd."{c}"' for c in cols)
    conn.execute(
        f"INSERT INTO main.dismissals ({_targets(cols)}) SELECT {select} "
        f"FROM {SRC}.dismissals d JOIN temp.merge_articles m ON m.other_id = d.article_id "
        "WHERE true ORDER BY d.rowid ON CONFLICT (id) DO UPDATE SET who = excluded.who, "
        "at = excluded.at WHERE (excluded.at, excluded.who) < (dismissals.at, dismissals.who)")


# -- reviews and history ---------------------------------------------------------------
def _copy_reviews(conn: sqlite3.Connection) -> int:
    """Copy the other file's reviews this project lacks, each comment as this project
    keeps comments (clean.clean_comment): one a Tahqiq from before rv239 kept as it was
    typed ran its lines together at a lone «\r» in the packet and showed «ESC]0;…BEL»
    in the claim editor's Reviews list and the HTML packet (rv256)."""
    cols = _columns(conn, "reviews")
    select = ", ".join(f's."{c}"' if c != "comment" else 'tahqiq_comment(s."comment")'
                       for c in cols)
    return conn.execute(
        f"INSERT INTO main.reviews ({_targets(cols)}) SELECT {select} FROM {SRC}.reviews s "
        "WHERE s.id NOT IN (SELECT id FROM main.reviews) ORDER BY s.rowid").rowcount


def _merge_history(conn: sqlite3.Connection) -> int:
    """Copy the other file's history rows this project lacks.

    Claim history always comes: every claim of the other file is here now.
    Article and label history comes only with an article or label this merge
    added (under its id here); the story of the other file's own copy of a text
    or label we already had describes a record that is not ours, but for when it
    was deleted or brought back: that happens to the article here too - unless the
    other file holds that text live in another copy (rv156: its deleted duplicate's
    deletion deleted ours).
    """
    cols = _columns(conn, "history")
    # (a review's entry, its comment as the review's is copied: _copy_reviews)
    reviewed = ("CASE WHEN h.action IN ('review_accept', 'review_reject') "
                'THEN tahqiq_review_entry(h."after") ELSE h."after" END')
    select = ", ".join("coalesce(b.local_id, m.local_id, h.entity_id)" if c == "entity_id"
                       else reviewed if c == "after" else f'h."{c}"' for c in cols)
    return conn.execute(
        f"INSERT INTO main.history ({_targets(cols)}) SELECT {select} FROM {SRC}.history h "
        "LEFT JOIN temp.merge_brought b ON b.entity = h.entity AND b.other_id = h.entity_id "
        "LEFT JOIN temp.merge_articles m ON h.entity = 'article' "
        "AND h.action IN ('delete', 'restore') AND m.other_id = h.entity_id "
        f"AND NOT EXISTS (SELECT 1 FROM {SRC}.articles o JOIN {SRC}.articles t "
        "ON t.fingerprint = o.fingerprint AND t.id <> o.id AND t.deleted IS NULL "
        "WHERE o.id = h.entity_id AND o.deleted IS NOT NULL) "
        "WHERE h.id NOT IN (SELECT id FROM main.history) "
        "AND (h.entity NOT IN ('article', 'label') OR b.local_id IS NOT NULL "
        "OR m.local_id IS NOT NULL) ORDER BY h.rowid").rowcount


# -- helpers -------------------------------------------------------------------------------
def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """This project's columns of *table*, in order; the id (or key) comes first."""
    return [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]


def _names(cols: Iterable[str], table: str) -> str:
    """*cols* read from *table* (its alias, or schema.table): SQLite reads a quoted name it
    finds nowhere as a string, and a column another program dropped from a colleague's
    file came in as its own name, in every row (rv184); of a table, it is an error."""
    return ", ".join(f'{table}."{c}"' for c in cols)


def _targets(cols: Iterable[str]) -> str:
    """*cols* as the columns an INSERT writes (a name missing there is an error)."""
    return ", ".join(f'"{c}"' for c in cols)


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _insert(conn: sqlite3.Connection, table: str, cols: list[str],
            rows: list[tuple[Any, ...]]) -> int:
    if rows:
        conn.executemany(f"INSERT INTO {table} ({_targets(cols)}) VALUES "
                         f"({', '.join('?' * len(cols))})", rows)
    return len(rows)
