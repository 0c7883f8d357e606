"""Opening a project file: the bytes of a damaged or hostile SQLite file.

Each input is a ``.tahqiq`` file, met through the three doors a project file comes in by:

* merged as a colleague's file (store.exchange.merge.merge_project) into a project that
  has claims of its own: refused or merged, and the file is never written - not a byte,
  no ``-wal`` or ``-journal`` beside it;
* checked (store.core.project.check_file), which must not write to it either;
* opened as one's own project (Project.open), on a copy since opening may upgrade it: a
  refused file must be left exactly as it was; an opened one is read as the window and
  the command line read it (articles, claims, labels, settings, history, search, export).

The seeds are the fixture project of every schema, a project of today's schema, and the
corpus's damaged ones (random bytes, truncated, newer schema, another program's SQLite).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from harness import Finding, door, folder
from seed_inputs import fixture_projects, hostile, sample_project

from store.core import appearances, articles, claims, history, labels, search, settings
from store.core.project import Project, check_file
from store.exchange import exporting, merge
from store.review import reviews


def seeds() -> Iterator[bytes]:
    yield from fixture_projects()
    yield from hostile(".tahqiq")


def test_one_input(data: bytes) -> None:
    with folder() as where:
        theirs = where / "colleague" / "theirs.tahqiq"
        theirs.parent.mkdir()
        theirs.write_bytes(data)
        project = sample_project()
        try:
            if isinstance(door(lambda: merge.merge_project(project, theirs), inputs=[theirs]),
                          merge.MergeSummary):
                door(lambda: _read_merged(project))
        finally:
            project.close()
        door(lambda: check_file(theirs), inputs=[theirs])
        _open_own(theirs, where / "mine" / "mine.tahqiq")


def _open_own(source: Path, path: Path) -> None:
    path.parent.mkdir()
    shutil.copyfile(source, path)
    opened = door(lambda: Project.open(path, "fuzzer", create=False))
    if not isinstance(opened, Project):
        if sorted(p.name for p in path.parent.iterdir()) != [path.name] \
                or path.read_bytes() != source.read_bytes():
            raise Finding("a refused project file was written to")
        return
    try:
        door(lambda: _read_damaged(opened))
    finally:
        opened.close()


def _read_damaged(project: Project) -> None:
    """Read one's own project, which SQLite's quick check let open. Damage the check does
    not look for (an index that disagrees with its table, a tokenizer's name, text that is
    not UTF-8) is met by the first read of it, as SQLite's own error, which the command
    line shows in one line ("the project database reported a problem: …"). Any other
    exception is a finding."""
    with contextlib.suppress(sqlite3.DatabaseError):
        _read_all(project)


def _read_merged(project: Project) -> None:
    """Read one's own project after a merge. One kind of damage comes along (a known
    limit, said in the README's "Fuzzing"): text that is not UTF-8, which SQLite copies without
    looking and Python will not decode. Any other exception is a finding."""
    try:
        _read_all(project)
    except sqlite3.OperationalError as exc:
        if "Could not decode to UTF-8" not in str(exc):
            raise


def _read_all(project: Project) -> None:
    """What opening a project in the window or the command line reads."""
    for row in articles.list_articles(project):
        length = len(articles.get_article(project, row["id"]).text)
        for start in {0, length // 2, length - 1} if length else ():  # what a tag reads
            articles.quote_at(project, row["id"], start, start + 1)
    articles.claim_counts(project)
    for place in appearances.list_appearances(project, include_deleted=True):
        history.for_claim(project, place.claim_id)
    claims.list_claims(project, include_deleted=True)
    labels.list_labels(project)
    settings.get_settings(project)
    reviews.current_reviews(project)  # what the window's claims table reads
    search.search(project, "المعاهدة", limit=20)
    exporting.export_text(project, "csv")
    exporting.export_text(project, "json")
