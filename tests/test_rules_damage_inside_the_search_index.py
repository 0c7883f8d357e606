"""Damage inside the search index is found where damage is looked for (rv205): SQLite
3.40's integrity_check does not read inside an FTS5 index, so with a record of it
overwritten every write was refused as the file's damage and sent to `tahqiq check`,
which said «no damage found», and a merge blamed the colleague's sound file."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from store.cli.main import main
from store.core import appearances, articles, search
from store.core import project as project_module
from store.core.project import Project, check_file, integrity_problems
from store.errors import StorageError
from store.exchange.merge import merge_project

TEXT = "The minister said exports rose by 40 percent in 2019."
ADVICE = ("; the articles and notes it indexes are sound, and a new, empty project this "
          "one is merged into indexes them afresh")
# A record of the index overwritten: its structure (every use of the index fails), its
# leaves (it opens and takes writes, their words quietly lost), or its structure with sizes
# SQLite cannot allocate (SQLITE_NOMEM, a MemoryError in Python). Bytes chosen, not random:
# random ones give any of the three.
DAMAGE = {"structure": ("id = 10", b"\xff" * 12, "vtable constructor failed: search_index"),
          "leaves": ("id > 10", b"\xff" * 448, "database disk image is malformed"),
          "sizes": ("id = 10", bytes.fromhex("b2b725541252f10e4ee8b3fb"),
                    "a record of it, damaged, asks for more memory than there is")}


def _damaged(path: Path, where: str) -> None:
    """A project of one tagged article, a record of its search index overwritten."""
    _project(path)
    _overwrite(path, where)


def _project(path: Path) -> None:
    with Project.open(path, "me") as project:
        article = articles.add_article(project, TEXT, "t")
        appearances.create_claim(project, article.id, 4, 12, "verified", note="n1")


def _overwrite(path: Path, where: str) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute(f"UPDATE search_index_data SET block = ? WHERE {DAMAGE[where][0]}",
                    (DAMAGE[where][1],))


def _as_left(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in
                                                               path.parent.iterdir())


@pytest.mark.parametrize("where", sorted(DAMAGE))
def test_check_tells_damage_inside_the_search_index_and_what_to_do(tmp_path, where):
    """Found by FTS5's own check, which writes nothing: the file, its time and its
    folder are as they were (no side file left)."""
    path = tmp_path / "mine.tahqiq"
    _damaged(path, where)
    before = _as_left(path)
    assert integrity_problems(path) == [f"its search index: {DAMAGE[where][2]}{ADVICE}"]
    assert _as_left(path) == before


def test_check_finds_it_while_the_window_has_the_project_open(tmp_path):
    path = tmp_path / "mine.tahqiq"
    _damaged(path, "leaves")
    with Project.open(path, "me", create=False):
        assert integrity_problems(path)[0].startswith("its search index: database disk")


def test_check_finds_it_while_another_connection_is_saving(tmp_path):
    """A window saving as `tahqiq check` reached the search index: the check's write lock,
    asked inside the read its INSERT began, was refused at once, and the damage went
    unsaid, «no damage found» (rv230). It waits out the writer as the open does."""
    import threading

    path = tmp_path / "mine.tahqiq"
    _damaged(path, "leaves")
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    done = threading.Timer(0.5, lambda: writer.execute("ROLLBACK"))
    done.start()
    try:
        assert integrity_problems(path)[0].startswith("its search index: database disk")
    finally:
        done.join()
        writer.close()


def test_a_sound_search_index_is_no_damage_and_the_file_is_left_as_it_was(tmp_path):
    path = tmp_path / "mine.tahqiq"
    with Project.open(path, "me") as project:
        articles.add_article(project, TEXT, "t")
    before = _as_left(path)
    assert integrity_problems(path) == []
    assert _as_left(path) == before


def test_tahqiq_check_refuses_it_in_one_line(tmp_path, capsys):
    path = tmp_path / "mine.tahqiq"
    _damaged(path, "structure")
    out = io.StringIO()
    assert main(["check", "--project", str(path)], out) != 0
    assert out.getvalue() == ""
    said = capsys.readouterr().err
    assert said.startswith("tahqiq: error: mine.tahqiq is damaged (its search index: "
                           "vtable constructor failed: search_index; ")
    assert said.count("\n") == 1


def test_a_merge_names_this_projects_file_not_the_colleagues(tmp_path):
    """(Damage to the index's leaves lets the merge's writes through, as any write.)"""
    mine, theirs = tmp_path / "mine.tahqiq", tmp_path / "colleague.tahqiq"
    _project(mine)
    shutil.copy(mine, theirs)
    with Project.open(theirs, "colleague", create=False) as project:
        articles.add_article(project, "Another story: the bridge cost 3 million.", "t2")
    _overwrite(mine, "structure")
    assert integrity_problems(theirs) == []
    with Project.open(mine, "me", create=False) as project:
        before = articles.list_articles(project)
        with pytest.raises(StorageError) as caught:
            merge_project(project, theirs)
        assert str(caught.value) == (
            "This project's file, mine.tahqiq, is damaged (its search index: vtable "
            "constructor failed: search_index); nothing was merged, and what was saved "
            "before is kept: `tahqiq check` tells what is damaged.")
        assert articles.list_articles(project) == before
        assert not project.conn.in_transaction


def test_the_advice_holds_a_new_project_merged_from_it_is_sound_and_finds_its_words(
        tmp_path):
    damaged, fresh = tmp_path / "mine.tahqiq", tmp_path / "new.tahqiq"
    _damaged(damaged, "structure")
    with Project.open(fresh, "me") as project:
        assert merge_project(project, damaged).new_claims == 1
        assert search.search(project, "exports", 10)
    assert integrity_problems(fresh) == []


def test_opening_a_project_does_not_look_inside_its_search_index(tmp_path, monkeypatch):
    """The check reads the whole index: only `tahqiq check` and a failed merge run it."""
    path = tmp_path / "mine.tahqiq"
    _damaged(path, "leaves")
    monkeypatch.setattr(project_module, "search_index_damage",
                        lambda *args: pytest.fail("looked inside"), raising=False)
    assert check_file(path, full=True) == check_file(path)
    with Project.open(path, "me", create=False) as project:
        assert articles.list_articles(project)


# -- its config record overwritten (rv232) ------------------------------------------------
# FTS5 refuses an index whose config record's version is not its own as SQLITE_ERROR, the
# code of a statement that could not run: the check took it for «not checked» and said
# «no damage found», while every write failed with SQLite's «- run 'rebuild'».

FORMAT = "its search index: invalid fts5 file format (found 99, expected 4)"


def _unread(path: Path) -> None:
    """A project of one tagged article, its search index's version overwritten."""
    _project(path)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("UPDATE search_index_config SET v = 99 WHERE k = 'version'")


def test_check_tells_a_config_record_it_cannot_read_and_what_to_do(tmp_path, capsys):
    path = tmp_path / "mine.tahqiq"
    _unread(path)
    before = _as_left(path)
    assert integrity_problems(path) == [f"{FORMAT}{ADVICE}"]
    assert _as_left(path) == before
    assert main(["check", "--project", str(path)], io.StringIO()) != 0
    assert capsys.readouterr().err == f"tahqiq: error: mine.tahqiq is damaged ({FORMAT}" \
                                      f"{ADVICE}); it was left untouched.\n"


def test_a_write_to_it_is_refused_as_damage_without_sqlites_hint(tmp_path):
    path = tmp_path / "mine.tahqiq"
    _unread(path)
    with Project.open(path, "me", create=False) as project:
        with pytest.raises(StorageError) as refused:
            articles.add_article(project, "Another story: the bridge cost 3 million.", "t2")
        assert str(refused.value) == (
            f"The project file is damaged ({FORMAT}); the change was not saved, and what "
            "was saved before is kept: `tahqiq check` tells what is damaged.")
        assert [a["title"] for a in articles.list_articles(project)] == ["t"]


def test_a_merge_into_it_names_this_projects_file(tmp_path):
    mine, theirs = tmp_path / "mine.tahqiq", tmp_path / "badr.tahqiq"
    _unread(mine)
    with Project.open(theirs, "badr") as project:
        articles.add_article(project, "Another story: the bridge cost 3 million.", "t2")
    with Project.open(mine, "me", create=False) as project:
        with pytest.raises(StorageError) as caught:
            merge_project(project, theirs)
        assert str(caught.value) == (
            f"This project's file, mine.tahqiq, is damaged ({FORMAT}); nothing was merged, "
            "and what was saved before is kept: `tahqiq check` tells what is damaged.")
        assert not project.conn.in_transaction


def test_the_advice_holds_for_it_too(tmp_path):
    damaged, fresh = tmp_path / "mine.tahqiq", tmp_path / "new.tahqiq"
    _unread(damaged)
    with Project.open(fresh, "me") as project:
        assert merge_project(project, damaged).new_claims == 1
        assert search.search(project, "exports", 10)
    assert integrity_problems(fresh) == []


@pytest.mark.parametrize("kept_from", ["read-only", "a lock"])
def test_where_it_cannot_be_written_the_check_finds_nothing_rather_than_damage(
        tmp_path, kept_from):
    """Only the check's own refusal is damage: a connection that may not write, or
    another's write lock, leaves it unchecked (None), the transaction given back."""
    path = tmp_path / "mine.tahqiq"
    _project(path)
    uri = f"{path.as_uri()}?mode=ro" if kept_from == "read-only" else str(path)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as writer, \
            contextlib.closing(sqlite3.connect(uri, uri=True, timeout=0,
                                               isolation_level=None)) as conn:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM articles").fetchone()
        if kept_from == "a lock":
            writer.execute("BEGIN IMMEDIATE")
        assert project_module.search_index_damage(conn) is None
        assert conn.in_transaction
