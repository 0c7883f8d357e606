"""Tables another program made again, and a search index whose parts it dropped or
replaced (rv194): the project opened, `tahqiq check` found no damage, and then every tag,
merge, relabel or search failed or found nothing. Each is refused as damaged, the file
left as it was."""

from __future__ import annotations

import contextlib
import re
import sqlite3

import pytest

from store.core import appearances, articles, schema
from store.core.project import Project, integrity_problems
from store.errors import NotAProject


def _made_again(table: str, columns: str) -> list[str]:
    """*table* made again as *columns*, its rows copied, as a tool's "modify table" does."""
    return ["PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON", "BEGIN",
            f"CREATE TABLE rebuilt ({columns})", f"INSERT INTO rebuilt SELECT * FROM {table}",
            f"DROP TABLE {table}", f"ALTER TABLE rebuilt RENAME TO {table}", "COMMIT"]


def _copied(table: str) -> list[str]:
    """*table* made again by CREATE TABLE … AS SELECT: its columns, no key."""
    return ["PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON", "BEGIN",
            f"CREATE TABLE rebuilt AS SELECT * FROM {table}", f"DROP TABLE {table}",
            f"ALTER TABLE rebuilt RENAME TO {table}", "COMMIT"]


CHANGES = {
    "labels copied": (_copied("labels"), "its table labels lacks its unique key (key)"),
    "appearances copied": (_copied("appearances"),
                           "its table appearances lacks its unique key (id)"),
    "search entries copied": (_copied("search_entries"), "its table search_entries lacks "
                                                         "its unique key (kind, part, ref_id)"),
    "entry id not the row id": (
        _made_again("search_entries", "id INTEGER NOT NULL, kind TEXT NOT NULL, ref_id TEXT "
                    "NOT NULL, article_id TEXT NOT NULL, part INTEGER NOT NULL DEFAULT 0, "
                    "UNIQUE (kind, ref_id, part)"),
        "its table search_entries has its column id of another type"),
    **{f"{part} dropped": ([f"DROP TABLE search_index_{part}"],
                           f"its table search_index_{part} is missing")
       for part in ("data", "idx", "content", "docsize", "config")},
    "index made ordinary": (["DROP TABLE search_index", "CREATE TABLE search_index (body TEXT)"],
                            "its table search_index was not made by Tahqiq"),
    "autoincrement written in": (
        ["PRAGMA writable_schema = ON", "UPDATE sqlite_master SET sql = replace(sql, "
         "'INTEGER PRIMARY KEY', 'INTEGER PRIMARY KEY AUTOINCREMENT') "
         "WHERE name = 'search_entries'"],
        "its table search_entries has a rule another program added"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_table_made_again_or_a_search_index_part_dropped_is_refused(tmp_path, change):
    """Each change is refused on opening and by `tahqiq check`, naming what it undid,
    before any write: not found only as each tag, merge or search failed afterwards."""
    statements, problem = CHANGES[change]
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, "The minister said exports rose.", "T")
        appearances.create_claim(project, article.id, 4, 12, "verified", note="a note")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        for statement in statements:
            raw.execute(statement).fetchall()
    before = path.read_bytes()
    message = rf"is damaged \({re.escape(problem)}\); it was left untouched"
    with pytest.raises(NotAProject, match=message):
        Project.open(path, "tester")
    with pytest.raises(NotAProject, match=message):  # `tahqiq check`
        integrity_problems(path)
    assert path.read_bytes() == before


def test_the_search_entries_key_of_schema_5_is_the_one_without_a_part(tmp_path, monkeypatch):
    """Before schema 6 a search entry is one by (kind, ref_id): a project of schema 5
    that has it opens and is upgraded; one whose table lost it is refused."""
    for lost in (False, True):
        path = tmp_path / f"v5-{lost}.tahqiq"
        with monkeypatch.context() as m:
            m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
            m.setattr(schema, "SCHEMA_VERSION", 5)
            Project.open(path, "tester").close()
        if lost:
            with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
                for statement in _copied("search_entries"):
                    raw.execute(statement)
            with pytest.raises(NotAProject, match=r"search_entries lacks its unique key "
                                                  r"\(kind, ref_id\)"):
                Project.open(path, "tester")
        else:
            with Project.open(path, "tester") as project:
                assert project.schema_version == schema.SCHEMA_VERSION
