"""What opening a project and the merge's look at its own file say and decide, pinned
where mutation testing (rv205) found the suite silent: SQLite's page-level findings, a
restored dump in UTF-16, names like a table function's, a key of another collation, a
dropped table, damage SQLite reports with an extended code."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from store.core import articles
from store.core import project as project_module
from store.core.project import Project, check_file
from store.errors import NotAProject, StorageError
from store.exchange import merge

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORDS = "word " * 2000


def _overflow_page_damaged(path: Path) -> None:
    """A project of three long articles, one page holding part of an article's text (an
    overflow page) overwritten as a table page with a nonsense header: SQLite's checks
    say so in one row of several lines, under «*** in database main ***»."""
    with Project.open(path, "me") as project:
        for n in range(3):
            articles.add_article(project, f"Story {n} {WORDS}", f"t{n}")
    data, size = bytearray(path.read_bytes()), 4096
    with contextlib.closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA page_size").fetchone()[0] == size
    page = next(at for at in range(1, len(data) // size)
                if data[at * size] not in (2, 5, 10, 13)
                and b"word word word" in data[at * size:(at + 1) * size])
    data[page * size:page * size + 16] = b"\x0d" + b"\xff" * 15
    path.write_bytes(bytes(data))
    with contextlib.closing(sqlite3.connect(path)) as raw:
        (row,) = raw.execute("PRAGMA quick_check").fetchone()
    assert row.startswith("*** in database main ***\n") and row.count("\n") >= 2


def test_page_damage_is_told_in_one_line_without_sqlites_heading(tmp_path):
    """Opening names SQLite's findings in one line, without «*** in database main ***»
    and the line breaks SQLite put between them."""
    path = tmp_path / "p.tahqiq"
    _overflow_page_damaged(path)
    with pytest.raises(NotAProject) as refused:
        check_file(path)
    said = str(refused.value)
    assert said.startswith("p.tahqiq is damaged (On tree page ")
    # (a line break SQLite left would be shown as «\\n»)
    assert "***" not in said and "\\" not in said and "\n" not in said and "  " not in said


def test_the_merges_look_at_its_own_file_tells_page_damage_in_one_line(
        tmp_path, monkeypatch):
    """A big project is not checked whole as it opens: damage a merge meets in it is
    found then, and said as the open says it."""
    path = tmp_path / "p.tahqiq"
    _overflow_page_damaged(path)
    monkeypatch.setattr(project_module, "FULL_CHECK_UP_TO", 0)  # as for a big file
    with Project.open(path, "me", create=False) as project:
        problem = merge._own_damage(project)
    assert problem is not None and problem.startswith("On tree page ")
    assert "***" not in problem and "\n" not in problem


def test_the_merges_look_at_its_own_file_cut_short_blames_nothing(tmp_path, monkeypatch):
    """The check SQLite could not finish (the disk's trouble, a lock, here an interrupt)
    finds no damage of this file's: the merge then says what it met, not a raw error."""
    path = tmp_path / "p.tahqiq"
    _overflow_page_damaged(path)
    monkeypatch.setattr(project_module, "FULL_CHECK_UP_TO", 0)
    with Project.open(path, "me", create=False) as project:
        project.conn.set_progress_handler(lambda: 1, 1)
        try:
            assert merge._own_damage(project) is None
        finally:
            project.conn.set_progress_handler(None, 1)


def _restored_in_utf16(source: Path, target: Path) -> None:
    """What a restore of `sqlite3 source .dump` into a database another program made in
    UTF-16 gives: every table, index, trigger and row, no marks (rows copied by hand:
    SQLite attaches no file of another encoding)."""
    with contextlib.closing(sqlite3.connect(source)) as old, \
            contextlib.closing(sqlite3.connect(target)) as new:
        new.execute("PRAGMA encoding = 'UTF-16le'")
        entries = old.execute("SELECT type, name, sql FROM sqlite_master "
                              "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
        for kind, name, sql in entries:
            if kind == "table" and not name.startswith("search_index_"):
                new.execute(sql)
        for kind, name, sql in entries:
            if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
                rows = old.execute(f'SELECT * FROM "{name}"').fetchall()
                new.execute(f'DELETE FROM "{name}"')
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    new.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
        for kind, _, sql in entries:
            if kind in ("index", "trigger"):
                new.execute(sql)
        new.commit()
        assert new.execute("SELECT * FROM pragma_application_id, pragma_user_version, "
                           "pragma_encoding").fetchone() == (0, 0, "UTF-16le")


def test_a_restored_dump_in_utf16_is_not_taken_for_a_project(tmp_path):
    """Without its marks and in UTF-16 (which no merge can attach), the file is refused,
    left as it was: not judged by its tables and marked and upgraded."""
    source, restored = tmp_path / "p.tahqiq", tmp_path / "restored.tahqiq"
    with Project.open(source, "me") as project:
        articles.add_article(project, "The minister said exports rose.", "t")
    _restored_in_utf16(source, restored)
    before = restored.read_bytes()
    with pytest.raises(NotAProject, match="^restored.tahqiq is an SQLite database but not "):
        check_file(restored)
    with pytest.raises(NotAProject):
        Project.open(restored, "me", create=False)
    assert restored.read_bytes() == before and not list(tmp_path.glob("*.bak"))



def test_a_table_whose_name_only_starts_like_pragma_is_not_taken_for_a_function(tmp_path):
    """«pragma_» names SQLite's table functions, its «_» a letter, not any character: a
    table another program added as «pragmatic_notes» is not refused as standing in for
    one (nor is one named json_eachX)."""
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        articles.add_article(project, "The minister said exports rose.", "t")
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE pragmatic_notes (body TEXT)")
        raw.execute("CREATE TABLE json_eachx (body TEXT)")
        raw.commit()
    assert check_file(path) > 0
    with Project.open(path, "me", create=False) as project:
        assert [a["title"] for a in articles.list_articles(project)] == ["t"]


def test_a_unique_index_of_another_collation_on_a_key_is_refused(tmp_path):
    """A unique index another program put on labels' key ignoring case is not Tahqiq's
    own key (which is case-sensitive): each label whose key differs from another's only
    in case would be refused, so the file is refused as changed, left as it was."""
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me"):
        pass
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE UNIQUE INDEX labels_key_nocase ON labels (key COLLATE NOCASE)")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="its table labels has a unique index another "
                                          "program added"):
        Project.open(path, "me", create=False)
    assert path.read_bytes() == before


def test_damage_sqlite_finds_in_the_search_index_as_it_writes_is_said_as_damage(tmp_path):
    """SQLite's extended codes count (SQLITE_CORRUPT_VTAB here: the search index's own
    record overwritten): the change is refused as the file's damage, in a sentence, not
    a raw database error."""
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        articles.add_article(project, "The minister said exports rose.", "t")
    with contextlib.closing(sqlite3.connect(path)) as raw:
        # (bytes of a fixed seed: SQLite's randomblob() gave, once in thousands, a record
        # whose sizes ran SQLite out of memory - the next test's case)
        (size,) = raw.execute("SELECT length(block) FROM search_index_data WHERE id = 10")\
            .fetchone()
        raw.execute("UPDATE search_index_data SET block = ? WHERE id = 10",
                    [random.Random(10).randbytes(size)])
        raw.commit()
    with Project.open(path, "me", create=False) as project:
        with pytest.raises(StorageError) as refused:
            articles.add_article(project, "A second story about rice prices.", "t2")
        assert str(refused.value).startswith("The project file is damaged (")
        assert [a["title"] for a in articles.list_articles(project)] == ["t"]


def test_memory_running_out_as_a_change_is_written_is_said_and_nothing_is_kept_half(tmp_path):
    """SQLite's SQLITE_NOMEM arrives as a MemoryError - real, or a damaged record's sizes
    asking for more than there is: it ended a write in a traceback. It is said in a
    sentence, the change rolled back, the project usable after. (In a process of its own:
    SQLite's heap limit holds for the whole process, and a PRAGMA can only lower it.)"""
    child = textwrap.dedent(f"""
        from store.core import articles
        from store.core.project import Project
        from store.errors import StorageError
        with Project.open({str(tmp_path / "p.tahqiq")!r}, "me") as project:
            articles.add_article(project, "The minister said exports rose.", "t")
            project.conn.execute("PRAGMA hard_heap_limit = 4000000")
            try:
                articles.add_article(project, "A story about rice prices. " * 200_000, "t2")
            except StorageError as refused:
                print(refused)
        with Project.open({str(tmp_path / "p.tahqiq")!r}, "me") as project:
            articles.add_article(project, "A third story.", "t3")
            print([a["title"] for a in articles.list_articles(project)])
        """)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    said, titles = done.stdout.splitlines()
    assert said.startswith("Memory ran out as the project was written")
    assert titles == "['t', 't3']"


def test_a_table_another_program_dropped_is_said_missing_not_lacking_its_key(tmp_path):
    """The refusal names what happened to the table (dropped), not a key it lacks."""
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me"):
        pass
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP TABLE dismissals")
        raw.commit()
    with pytest.raises(NotAProject) as refused:
        check_file(path)
    assert str(refused.value) == ("p.tahqiq is damaged (its table dismissals is missing); "
                                  "it was left untouched.")



def test_a_schema_2_project_missing_a_part_of_its_search_index_is_refused(tmp_path):
    """Schema 2 made the search index: a file of it whose index another program took a
    part of is refused before its upgrade, left as it was, as a newer one is."""
    path = tmp_path / "old.tahqiq"
    shutil.copyfile(FIXTURES / "schema2.tahqiq", path)
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP TABLE search_index_config")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match=r"\(its table search_index_config is missing\)"):
        Project.open(path, "me", create=False)
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))


def test_a_schema_judged_once_is_not_judged_again_but_a_changed_one_is(tmp_path, monkeypatch):
    """Each merge and open checks the file's schema; the same project's schema, read over
    and over, is judged once (fx118: about half of checking a small file). A schema another
    program changed since (an index added on a label's key, of another collation) is
    judged afresh and refused; a damaged one still is, whatever was judged before."""
    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me"):
        pass
    project_module._SCHEMA_VERDICTS.clear()
    judged = []
    real = project_module.schema.foreign_expressions
    monkeypatch.setattr(project_module.schema, "foreign_expressions",
                        lambda conn, columns: judged.append(1) or real(conn, columns))
    version = check_file(path)
    assert check_file(path) == check_file(tmp_path / "p.tahqiq") == version
    assert len(judged) == 1
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE UNIQUE INDEX labels_key_nocase ON labels (key COLLATE NOCASE)")
        raw.commit()
    with pytest.raises(NotAProject, match="has a unique index another program added"):
        check_file(path)
    with pytest.raises(NotAProject, match="has a unique index another program added"):
        check_file(path)  # (its verdict kept too)
    assert len(judged) == 2
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP INDEX labels_key_nocase")
        raw.execute("DROP TABLE dismissals")
        raw.commit()
    with pytest.raises(NotAProject, match="its table dismissals is missing"):
        check_file(path)
