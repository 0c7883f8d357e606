"""What a project file holds that SQLite reads without complaint and Tahqiq cannot work
with, refused when it opens, and damage SQLite meets as it writes, said in one line
(rv194): a table or view named as a function Tahqiq calls, text in UTF-16, an index
another program rewrote."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from store.core import appearances, article_deletion, articles
from store.core import project as project_module
from store.core.project import Project
from store.errors import NotAProject, StorageError
from store.exchange.merge import merge_project

TEXT = "The minister said exports rose by 40 percent in 2019, critics said."


def _project(path: Path, *changes: str) -> Path:
    """A project with one tagged article, then *changes* made by another program."""
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, TEXT, "t")
        appearances.create_claim(project, article.id, 4, 12, "verified", note="n1")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        for change in changes:
            raw.execute(change).fetchall()
    return path


def _utf16_project(path: Path, monkeypatch) -> Path:
    """A Tahqiq project whose text is UTF-16 (another program rebuilt it so), made by
    Tahqiq in a file made UTF-16 before it opened its check."""
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA encoding = 'UTF-16le'")
        raw.execute("CREATE TABLE x (a)")
        raw.execute("DROP TABLE x")
        raw.commit()
    with monkeypatch.context() as patched:
        patched.setattr(project_module, "_checked", lambda path, **_: (0, False))
        _project(path)
    return path


@pytest.mark.parametrize("change", [
    "CREATE VIEW json_each AS SELECT 0 AS key, 0 AS value",
    "CREATE TABLE JSON_TREE (key, value)",
    "CREATE VIEW pragma_index_list AS SELECT 1 AS one",
])
def test_a_table_or_view_named_as_a_function_tahqiq_calls_is_refused_as_damage(
        tmp_path, change):
    """Read in the function's place: a view json_each opened, and `tahqiq check` found
    nothing, but the search index's triggers call json_each, and every article's import
    was refused («'json_each' is not a function»)."""
    path = _project(tmp_path / "view.tahqiq", change)
    before = path.read_bytes()
    with pytest.raises(NotAProject) as caught:
        Project.open(path, "tester", create=False)
    name = change.split()[2]
    assert str(caught.value) == (
        f"view.tahqiq is damaged (its {change.split()[1].lower()} {name}, which Tahqiq did "
        "not make, stands in for SQLite's function of that name); it was left untouched.")
    assert path.read_bytes() == before


def test_a_colleagues_file_with_a_view_named_json_each_is_refused_by_its_name(tmp_path):
    """Attached, the colleague's view would stand in for the function the merge calls."""
    colleague = _project(tmp_path / "colleague.tahqiq",
                         "CREATE VIEW json_each AS SELECT 0 AS key, 0 AS value")
    with Project.open(tmp_path / "mine.tahqiq", "tester") as project:
        with pytest.raises(NotAProject, match=r"^colleague\.tahqiq is damaged \(its view "
                                              r"json_each, which Tahqiq did not make"):
            merge_project(project, colleague)
        assert articles.list_articles(project) == []


def test_another_view_still_opens(tmp_path):
    """Only the names Tahqiq calls are refused: a view of another name stands in for
    nothing, and the file opens and takes imports as before."""
    path = _project(tmp_path / "view.tahqiq", "CREATE VIEW summary AS SELECT 1 AS one")
    with Project.open(path, "tester", create=False) as project:
        articles.add_article(project, "Another article, about the harbour.", "Two")
        assert len(articles.list_articles(project)) == 2


def test_a_project_in_utf16_is_refused_naming_its_encoding(tmp_path, monkeypatch):
    """It opened and worked, but SQLite attaches no file of another encoding: a merge
    either way failed, and called the other, sound file damaged."""
    path = _utf16_project(tmp_path / "wide.tahqiq", monkeypatch)
    before = path.read_bytes()
    with pytest.raises(NotAProject) as caught:
        Project.open(path, "tester", create=False)
    assert str(caught.value) == ("wide.tahqiq is damaged (its text is UTF-16le, not "
                                 "UTF-8); it was left untouched.")
    assert path.read_bytes() == before


def test_a_colleagues_project_in_utf16_is_refused_for_its_encoding(tmp_path, monkeypatch):
    colleague = _utf16_project(tmp_path / "colleague.tahqiq", monkeypatch)
    with Project.open(tmp_path / "mine.tahqiq", "tester") as project, pytest.raises(
            NotAProject, match=r"^colleague\.tahqiq is damaged \(its text is UTF-16le, not "
                               r"UTF-8\)"):
        merge_project(project, colleague)


def test_an_empty_database_in_utf16_is_not_made_a_project(tmp_path):
    """SQLite keeps a file's encoding for good: the project made in it would be UTF-16."""
    path = tmp_path / "blank.tahqiq"
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA encoding = 'UTF-16be'")
        raw.execute("CREATE TABLE x (a)")
        raw.execute("DROP TABLE x")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject) as caught:
        Project.open(path, "tester")
    assert str(caught.value) == (
        "blank.tahqiq is an empty SQLite database that Tahqiq cannot make a project in "
        "(its text is UTF-16be, not UTF-8); it was left untouched.")
    assert path.read_bytes() == before


def _index_rewritten(path: Path) -> Path:
    """An index's SQL pointed at another column (writable_schema): the file opens (the
    quick check passes), and SQLite finds the index damaged when a write reaches it."""
    return _project(path, "PRAGMA writable_schema = ON",
                    "UPDATE sqlite_master SET sql = replace(sql, '(\"claim_id\")', "
                    "'(\"article_id\")') WHERE name = 'idx_appearances_claim_id'")


def test_damage_met_by_a_write_is_said_in_one_line_and_nothing_saved_is_lost(tmp_path):
    """«database disk image is malformed» escaped Project.transaction as a traceback."""
    path = _index_rewritten(tmp_path / "index.tahqiq")
    with Project.open(path, "tester", create=False) as project:
        article = articles.list_articles(project)[0]["id"]
        with pytest.raises(StorageError) as caught:
            article_deletion.delete_article(project, article)
        assert str(caught.value) == (
            "The project file is damaged (database disk image is malformed); the change "
            "was not saved, and what was saved before is kept: `tahqiq check` tells what "
            "is damaged.")
        assert not project.conn.in_transaction
        assert [a["id"] for a in articles.list_articles(project)] == [article]
        assert len(appearances.list_appearances(project, article)) == 1


def test_a_damaged_index_refuses_the_windows_step_in_one_line(qapp, tmp_path):
    """The window's Delete Article: told as any refused step is, and off the stack."""
    from PySide6.QtGui import QUndoStack

    from gui.commands import DeleteArticle
    from gui.session import Session

    path = _index_rewritten(tmp_path / "index.tahqiq")
    session = Session(Project.open(path, "tester", create=False))
    try:
        told: list[str] = []
        session.errorOccurred.connect(told.append)
        stack = QUndoStack()
        stack.push(DeleteArticle(session, session.article_ids()[0], "t"))
        assert len(told) == 1 and "\n" not in told[0]
        assert told[0].startswith("The project file is damaged")
        assert stack.count() == 0 and len(session.article_ids()) == 1
    finally:
        session.close()
