"""CSV import and merge: a claims CSV's bytes → checked records → claims and appearances
(store.exchange.merge.merge_file, which hands a ``.csv`` to the claims-CSV importer).

The project holds the article the corpus's rows point at, with claims of its own, and is
rolled back after each input. A file taken must leave every live appearance's quote where
its offsets say, and a refused one must change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from harness import Finding, door, folder
from seed_inputs import hostile, rolled_back, sample_project

from store.core import appearances
from store.core.project import Project
from store.exchange import exporting, merge
from store.exchange.csv_format import CSV_COLUMNS

_project: Project | None = None
TOKENS = (*CSV_COLUMNS, ",", '"', '""', "\r\n", "\ufeff", "verified", "disputed", "unchecked",
          "accepted", "rejected", "https://", "2024-06-19T10:00:00.000000Z", "'=")


def seeds() -> Iterator[bytes]:
    yield from hostile(".csv")
    yield exporting.export_text(_sample(), "csv").encode("utf-8-sig")


def _sample() -> Project:
    global _project
    if _project is None:
        _project = sample_project()
    return _project


def _rows(project: Project) -> list[tuple]:
    return project.execute("SELECT * FROM appearances ORDER BY id").fetchall() \
        + project.execute("SELECT * FROM claims ORDER BY id").fetchall()


def test_one_input(data: bytes) -> None:
    project = _sample()
    with folder() as where, rolled_back(project):
        path = where / "claims.csv"
        path.write_bytes(data)
        before = _rows(project)
        result = door(lambda: merge.merge_file(project, path), inputs=[path])
        if isinstance(result, merge.MergeSummary):
            texts = dict(project.execute("SELECT id, text FROM articles").fetchall())
            for place in appearances.list_appearances(project):
                if texts[place.article_id][place.start:place.end] != place.quote:
                    raise Finding(f"claim {place.id} is not where its offsets say")
        elif _rows(project) != before:
            raise Finding("a refused CSV changed the project")
