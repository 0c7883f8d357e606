"""Damaged and foreign files: a clear message, and the file is never written to.

A truncated project, random bytes named ``.tahqiq``, an SQLite file that is not a
project (in either journal mode) and a project from a newer Tahqiq are refused by the
store, the command line, the app and merging, leaving the file's bytes and time as they
were and nothing beside it. Backups: ``Project.backup`` makes a valid project, and
copying it over the project file restores it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import (
    assert_consistent,
    assert_one_line_error,
    make_project,
    run_tahqiq,
    snapshot,
)
from test_cli import tahqiq_here  # (the command line in this process)

from store.core import appearances, articles, claims
from store.core.project import Project
from store.errors import DatabaseProblem, NotAProject, ProjectError, SchemaTooNew
from store.exchange import exporting, merge
from store.review import reviews


def truncated(path: Path) -> type[ProjectError]:
    make_project(path, n_claims=40)
    os.truncate(path, path.stat().st_size // 2)
    return NotAProject


def random_bytes(path: Path) -> type[ProjectError]:
    path.write_bytes(os.urandom(8192))
    return NotAProject


def foreign_sqlite(path: Path, journal: str = "delete") -> type[ProjectError]:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
    conn.execute("INSERT INTO accounts VALUES ('a', 1)")
    conn.commit()
    conn.close()
    return NotAProject


def foreign_wal_sqlite(path: Path) -> type[ProjectError]:
    return foreign_sqlite(path, "wal")


def newer_schema(path: Path) -> type[ProjectError]:
    make_project(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return SchemaTooNew


def damaged_page(path: Path) -> type[ProjectError]:
    """A project with one page's header wrong: it opens, but quick_check finds it."""
    make_project(path, n_claims=40)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    leaf = next(n for n in range(1, len(data) // page) if data[n * page] == 0x0D)
    data[leaf * page + 5:leaf * page + 7] = (10).to_bytes(2, "big")  # cell content start
    path.write_bytes(bytes(data))
    return NotAProject


def unused_pages(path: Path) -> type[ProjectError]:
    """Pages the file holds and no table uses: SQLite's check names each one, in one
    finding of 551 characters, which the message repeated whole."""
    make_project(path, n_claims=10)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page + 60
    data[28:32] = pages.to_bytes(4, "big")  # the header's page count
    path.write_bytes(bytes(data) + bytes(60 * page))
    return NotAProject


def _made_then_changed(path: Path, *statements: str) -> None:
    """A project of ten claims, then *statements* run on it by another program."""
    make_project(path, n_claims=10)
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def dropped_table(path: Path) -> type[ProjectError]:
    """A table another program dropped: every command reading it said «The change was
    not saved: no such table», and `tahqiq check` found only an index missing."""
    _made_then_changed(path, "DROP TABLE reviews")
    return NotAProject


def dropped_column(path: Path) -> type[ProjectError]:
    """A column another program dropped (ALTER TABLE … DROP COLUMN): merging the file
    read the column's quoted name, found nowhere, as a string, and every review it
    brought in had the verdict 'label' (rv184)."""
    _made_then_changed(path, "ALTER TABLE reviews DROP COLUMN label")
    return NotAProject


def foreign_trigger(path: Path) -> type[ProjectError]:
    """A trigger Tahqiq did not make: opened here, it would run inside every tag made in
    the file (this one deletes each new place as it is written)."""
    _made_then_changed(path, "CREATE TRIGGER keep_quiet AFTER INSERT ON appearances "
                             "BEGIN DELETE FROM appearances WHERE id = new.id; END")
    return NotAProject


def changed_trigger(path: Path) -> type[ProjectError]:
    """One of Tahqiq's own triggers made again with other SQL (every new claim relabelled
    as verified)."""
    _made_then_changed(path, "DROP TRIGGER search_claims_insert",
                       "CREATE TRIGGER search_claims_insert AFTER INSERT ON claims "
                       "BEGIN UPDATE claims SET label = 'verified' WHERE id = new.id; END")
    return NotAProject


def _claims_table_made_again(path: Path, note: str, extra: str = "") -> None:
    """The claims table made again by another program, its note column *note*, its
    rows, indexes and triggers kept (the triggers' SQL as Tahqiq made them)."""
    make_project(path, n_claims=10)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    kept = conn.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'claims' AND "
                        "type IN ('trigger', 'index') AND sql IS NOT NULL").fetchall()
    conn.execute("ALTER TABLE claims RENAME TO old_claims")
    conn.execute(f"""CREATE TABLE "claims" ("id" TEXT PRIMARY KEY, "label" TEXT NOT NULL
        REFERENCES "labels"("key"), "note" {note}, "sources" TEXT DEFAULT '[]',
        "annotator" TEXT NOT NULL, "created" TEXT NOT NULL, "updated" TEXT NOT NULL,
        "updated_by" TEXT, "deleted" TEXT, "deleted_by" TEXT{extra})""")
    columns = "id, label, sources, annotator, created, updated, updated_by, deleted, deleted_by"
    if "GENERATED" not in note:  # (a computed column is not written)
        columns = f"note, {columns}"
    conn.execute(f"INSERT INTO claims ({columns}) SELECT {columns} FROM old_claims")
    conn.execute("DROP TABLE old_claims")
    for (sql,) in kept:
        conn.execute(sql)
    conn.close()


def computed_column(path: Path) -> type[ProjectError]:
    """A note worked out by SQLite as it is read (a generated column): a colleague's file
    of 168 KB held a 300 MB note a merge took into this project (rv84)."""
    _claims_table_made_again(
        path, "TEXT GENERATED ALWAYS AS (printf('%.*c', 100000 + (id IS NULL), 'x')) VIRTUAL")
    return NotAProject


def computed_default(path: Path) -> type[ProjectError]:
    """A default worked out at each row written where none is given."""
    _claims_table_made_again(path, "TEXT DEFAULT (printf('%.*c', 100000, 'x'))")
    return NotAProject


def check_rule(path: Path) -> type[ProjectError]:
    """A CHECK rule: worked out at every write, and by SQLite's full check of the file."""
    _claims_table_made_again(path, "TEXT DEFAULT ''",
                             ", CHECK (length(replace(printf('%.*c', 100000, 'x'), 'x', 'yz')))")
    return NotAProject


def conflict_clause(path: Path) -> type[ProjectError]:
    """A constraint with its own conflict clause: each claim a checker tagged with a
    verdict silently replaced the one they had tagged before with it (rv130)."""
    _claims_table_made_again(path, "TEXT DEFAULT ''",
                             ", UNIQUE (annotator, label, id) ON CONFLICT REPLACE")
    return NotAProject


def rules_behind_comments(path: Path) -> type[ProjectError]:
    """The same rules with a comment between their words, or a quote inside a comment
    that hid what followed it: the table's SQL was read past them, the file opened, and
    each tag deleted the one made before it (rv180)."""
    _claims_table_made_again(path, "TEXT DEFAULT ''",
                             ", UNIQUE (annotator) ON/**/CONFLICT REPLACE, /* ' */ UNIQUE "
                             "(label) ON -- a comment\n CONFLICT REPLACE /* ' */")
    return NotAProject


def foreign_key_action(path: Path) -> type[ProjectError]:
    """A foreign key with an action: deleting a row deletes others with it (rv130)."""
    _claims_table_made_again(path, "TEXT DEFAULT ''")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES \"labels\"(\"key\")', "
                 "'REFERENCES \"labels\"(\"key\") ON DELETE CASCADE') WHERE name = 'claims'")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    return NotAProject


def retyped_column(path: Path) -> type[ProjectError]:
    """A column made again with another type affinity: SQLite changed what was written to
    it as it stored it (a note «007» kept as 7), and a quote «40» read back as a number
    failed an export (rv189)."""
    _claims_table_made_again(path, "NUMERIC DEFAULT ''")
    return NotAProject


def without_row_ids(path: Path) -> type[ProjectError]:
    """The history made again WITHOUT ROWID, its rows and indexes kept: a merge of the file
    failed, «no such column: h.rowid» (rv189)."""
    make_project(path, n_claims=10)
    conn = sqlite3.connect(path, isolation_level=None)
    (made,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'history'").fetchone()
    kept = conn.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'history' AND "
                        "type = 'index' AND sql IS NOT NULL").fetchall()
    conn.execute("ALTER TABLE history RENAME TO old_history")
    conn.execute(f"{made} WITHOUT ROWID")
    conn.execute("INSERT INTO history SELECT * FROM old_history")
    conn.execute("DROP TABLE old_history")
    for (sql,) in kept:
        conn.execute(sql)
    conn.close()
    return NotAProject


def foreign_key(path: Path) -> type[ProjectError]:
    """A foreign key with no action another program added (the history's entity ids
    pointing at the labels): every tag was refused by it, and `tahqiq check` said the file
    was sound (rv189)."""
    _made_then_changed(path, "PRAGMA writable_schema = ON",
                       "UPDATE sqlite_master SET sql = replace(sql, '\"entity_id\" TEXT', "
                       "'\"entity_id\" TEXT REFERENCES \"labels\"(\"key\")') "
                       "WHERE name = 'history'")
    return NotAProject


def unique_index(path: Path) -> type[ProjectError]:
    """A unique index another program added (one review a claim): a second review of a
    claim was refused with a database error, the file said sound (rv189)."""
    _made_then_changed(path, "CREATE UNIQUE INDEX one_review ON reviews (claim_id)")
    return NotAProject


def lowered_version(path: Path) -> type[ProjectError]:
    """A schema version another program lowered: the upgrade made a column again and
    failed, said as «damaged or not a Tahqiq project (…: duplicate column name: label)»,
    not as the damage it is (rv189)."""
    _made_then_changed(path, "PRAGMA user_version = 8")
    return NotAProject


def shadowing_view(path: Path) -> type[ProjectError]:
    """A view named as one of SQLite's own functions, read in its place: refused as
    «a name in its schema is not UTF-8», which it was not (rv130)."""
    _made_then_changed(path, "CREATE VIEW pragma_table_xinfo AS SELECT 1 AS one")
    return NotAProject


def foreign_index(path: Path) -> type[ProjectError]:
    """An index on an expression Tahqiq did not make: worked out at every write."""
    _made_then_changed(path, "CREATE INDEX spread ON claims (printf('%.*c', 100000, note))")
    return NotAProject


def unreadable_name_and_computed_column(path: Path) -> type[ProjectError]:
    """A computed column SQLite's own check works out (one that fails here: the check
    would say «integer overflow»), and a table named in bytes that are not UTF-8: the
    names could not be read, so the columns were not looked at, and SQLite's check ran
    (rv90: seconds, or as long as the sender wished)."""
    _claims_table_made_again(path, "TEXT NOT NULL GENERATED ALWAYS AS (length(id)) VIRTUAL")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE odd (x)")
    conn.execute("PRAGMA writable_schema = ON")  # (the rows written, the formula changed)
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'AS (length(id))', "
                 "'AS (abs(-9223372036854775807 - 1 + 0 * length(id)))') WHERE name = 'claims'")
    conn.execute("UPDATE sqlite_master SET name = CAST(X'6f64ff' AS TEXT), tbl_name = "
                 "CAST(X'6f64ff' AS TEXT), sql = 'CREATE TABLE \"' || CAST(X'6f64ff' AS TEXT)"
                 " || '\" (x)' WHERE name = 'odd'")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    return NotAProject


def older_blob_text(path: Path) -> type[ProjectError]:
    """One's own schema-5 project whose article text another program stored as bytes: its
    upgrade (which folds the texts for the search) failed, said as «The change was not
    saved: user-defined function raised exception.», a change the user did not make
    (rv286). (Its journal made a rollback one: a failed open of a WAL file leaves its
    empty -wal and -shm beside it, as for any refusal met while upgrading.)"""
    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "schema5.tahqiq", path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("tahqiq_fold", 1, lambda text: text)  # (the search's triggers)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE articles SET text = CAST(text AS BLOB) WHERE rowid = 1")
    conn.close()
    return NotAProject


KINDS = {"truncated": truncated, "random-bytes": random_bytes, "foreign-sqlite": foreign_sqlite,
         "foreign-wal-sqlite": foreign_wal_sqlite, "newer-schema": newer_schema,
         "damaged-page": damaged_page, "dropped-table": dropped_table,
         "dropped-column": dropped_column,
         "unused-pages": unused_pages, "foreign-trigger": foreign_trigger,
         "changed-trigger": changed_trigger, "computed-column": computed_column,
         "computed-default": computed_default, "check-rule": check_rule,
         "foreign-index": foreign_index, "conflict-clause": conflict_clause,
         "rules-behind-comments": rules_behind_comments,
         "foreign-key-action": foreign_key_action, "shadowing-view": shadowing_view,
         "retyped-column": retyped_column, "without-row-ids": without_row_ids,
         "foreign-key": foreign_key, "unique-index": unique_index,
         "lowered-version": lowered_version, "older-blob-text": older_blob_text,
         "unreadable-name-and-computed-column": unreadable_name_and_computed_column}


@pytest.fixture(params=sorted(KINDS))
def damaged(request, tmp_path):
    """(path, the error it must give, its snapshot) for each kind of bad file."""
    path = tmp_path / f"{request.param}.tahqiq"
    error = KINDS[request.param](path)
    assert snapshot(path)[2] == []  # nothing beside it to begin with
    return path, error, snapshot(path)


def test_the_store_refuses_and_leaves_the_file_alone(damaged, tmp_path):
    path, error, before = damaged
    for create in (True, False):
        with pytest.raises(error) as caught:
            Project.open(path, "tester", create=create)
        assert "\n" not in str(caught.value) and path.name in str(caught.value)
        assert len(str(caught.value)) < 300, str(caught.value)  # one line a person reads
    with Project.open(tmp_path / "mine.tahqiq", "tester") as mine, pytest.raises(error):
        merge.merge_file(mine, path)
    assert snapshot(path) == before


def test_a_file_whose_names_cannot_be_read_is_refused_before_sqlites_check(tmp_path):
    path = tmp_path / "odd.tahqiq"
    unreadable_name_and_computed_column(path)
    with pytest.raises(NotAProject, match="a name in its schema is not UTF-8"):
        Project.open(path, "tester")


def test_the_command_line_refuses_in_one_line(damaged, capsys):
    """The command line's entry point (gui.launcher.main, as the installed program calls
    it) in this process: its exit status and what it prints are the program's, without a
    Python started for each of 26 kinds twice (~13 s of CPU). The installed program
    itself refuses one of them below."""
    from gui.launcher import main

    path, _error, before = damaged
    for args in (["articles"], ["tag", "x", "--quote", "x", "--label", "verified"]):
        status = main([*args, "--project", str(path)])
        out, err = capsys.readouterr()
        assert status == 1, (args, out, err)
        assert_one_line_error(err)
        assert out == ""
    assert snapshot(path) == before


def test_the_installed_program_refuses_a_damaged_file_in_one_line(tmp_path):
    """As above, in a process of its own: nothing more is said on its way out."""
    path = tmp_path / "damaged-page.tahqiq"
    damaged_page(path)
    before = snapshot(path)
    for args in (["articles"], ["tag", "x", "--quote", "x", "--label", "verified"]):
        run = run_tahqiq(*args, "--project", path)
        assert run.returncode == 1, (args, run.stdout, run.stderr)
        assert_one_line_error(run.stderr)
        assert run.stdout == ""
    assert snapshot(path) == before


def test_the_app_refuses(damaged, qtbot):
    from gui.app import create_window

    path, error, before = damaged
    with pytest.raises(error):
        create_window(path)
    assert snapshot(path) == before


# Runs `tahqiq --screenshot PNG FILE` (gui.launcher.main, the installed program's entry
# point) for each (PNG, FILE, ERR) of its arguments in turn, everything written to the
# standard error - Python's and Qt's own, at the descriptor - into ERR, and prints the
# exit statuses as JSON.
SCREENSHOTS = """
import json, os, sys
from gui.launcher import main

codes = []
for png, path, err in zip(*[iter(sys.argv[1:])] * 3):
    sys.stderr.flush()
    saved = os.dup(2)
    with open(err, "w") as into:
        os.dup2(into.fileno(), 2)
    try:
        codes.append(main(["--screenshot", png, path]))
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
print(json.dumps(codes))
"""


def test_screenshot_refuses_every_damaged_file(tmp_path):
    """``tahqiq --screenshot x.png F`` exits 1 with one line, no traceback, no PNG.
    One Qt process takes the 26 kinds of file in turn, each its own exit status and its
    own standard error (a process each took ~0.8 s of CPU: 21 s in all);
    tests/test_screenshot_cli.py runs the installed program itself."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started, argv = {}, []
    for kind, make in KINDS.items():
        path = tmp_path / f"{kind}.tahqiq"
        make(path)
        png, err = tmp_path / f"{kind}.png", tmp_path / f"{kind}.err"
        started[kind] = (path, png, err, snapshot(path))
        argv += [str(png), str(path), str(err)]
    done = subprocess.run([sys.executable, "-c", SCREENSHOTS, *argv], env=env, text=True,
                          capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    codes = json.loads(done.stdout)
    for code, (kind, (path, png, err, before)) in zip(codes, started.items(), strict=True):
        assert code == 1, (kind, err.read_text())
        assert_one_line_error(err.read_text())
        assert not png.exists()
        assert snapshot(path) == before, kind


# -- backups ------------------------------------------------------------------------------
def test_backup_is_a_project_and_restoring_is_copying_it_back(tmp_path):
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path, n_claims=6)
    with Project.open(path, "editor") as project:  # a review is someone else's
        first = appearances.list_appearances(project)[0]
        reviews.review_claim(project, first.claim_id, "accept", "ok")
        claims.delete_claim(project, appearances.list_appearances(project)[1].id)
        saved = exporting.project_json(project)
        project.backup(tmp_path / "backup.tahqiq")
        # Work goes on after the backup...
        appearances.create_claim(project, article_id, 0, 4, "disputed")
        claims.delete_claim(project, first.id)
    backup = tmp_path / "backup.tahqiq"
    assert snapshot(backup)[2] == []
    assert_consistent(backup)
    with Project.open(backup, "tester", create=False) as copy:
        assert exporting.project_json(copy) == saved

    backup_bytes = backup.read_bytes()
    path.write_bytes(backup_bytes)  # ...and restoring is copying the backup over the file
    assert_consistent(path)
    with Project.open(path, "tester", create=False) as restored:
        assert exporting.project_json(restored) == saved
    assert backup.read_bytes() == backup_bytes


def test_bytes_in_a_text_column_of_ones_own_project_stop_an_export_in_one_line(tmp_path):
    """SQLite stores whatever a program outside Tahqiq writes into a column; a note held as
    bytes made ``export --format json`` end in json's TypeError traceback."""
    path = tmp_path / "own.tahqiq"
    make_project(path, n_claims=5)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE claims SET note = x'c3a9' WHERE rowid = 1")
    conn.commit()
    conn.close()
    out = tmp_path / "out.json"
    for fmt in ("json", "w3c"):
        run = tahqiq_here("export", "--format", fmt, "--project", path, "-o", out)
        assert run.returncode == 1, (fmt, run.stdout, run.stderr)
        assert_one_line_error(run.stderr)
        assert "damaged" in run.stderr and "bytes" in run.stderr
        assert not out.exists()


def test_a_place_whose_offset_is_text_is_reported_not_a_traceback(tmp_path):
    """Another program wrote a place's start as text ('seven'): the project opens and
    reads (SQLite compares the text as greater than every number), but `tahqiq check`
    ended in a TypeError traceback, and restoring the deleted article did too, bringing
    none of its places back. `check` says the file is damaged (a start that is text, as
    the merge refuses it); the restore brings back every place but that one."""
    path = tmp_path / "typed.tahqiq"
    make_project(path, n_claims=9)  # (nine words apart: more repeat words, other verdicts)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE appearances SET start = 'seven' WHERE rowid = 2")
        article_id, bad_id = raw.execute(
            "SELECT article_id, id FROM appearances WHERE rowid = 2").fetchone()
        (places,) = raw.execute("SELECT count(*) FROM appearances WHERE article_id = ? "
                                "AND deleted IS NULL", [article_id]).fetchone()
        raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    run = tahqiq_here("check", "--project", path)  # (said by the merge's rule of kinds, fx107)
    assert run.returncode == 1 and "appearances.start holds a text value" in run.stderr
    assert_one_line_error(run.stderr)
    for action in ("--delete", "--restore"):
        run = tahqiq_here("article", article_id, action, "--project", path)
        assert "Traceback" not in run.stderr, run.stderr
        assert run.returncode == 0, run.stderr
    with Project.open(path, "tester") as project:
        live = appearances.list_appearances(project, article_id)
    assert len(live) == places - 1 and bad_id not in {place.id for place in live}


def test_places_whose_offsets_are_text_or_bytes_leave_agreement_and_matching_be(tmp_path):
    """Agreement over the whole project and the known-claims search (the window's panel,
    `tahqiq agreement`, `tahqiq matches`) compared such offsets with numbers and ended in
    a TypeError (rv132); they leave those places out, as the window's reader does."""
    from reliability_support import ARTICLE

    from store.core import articles, known_claims
    from store.review import agreement

    path = tmp_path / "typed.tahqiq"
    make_project(path, n_claims=6)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE appearances SET start = 'abc' WHERE rowid = 1")
        raw.execute("UPDATE appearances SET \"end\" = x'00' WHERE rowid = 2")
    raw.close()
    with Project.open(path, "tester") as project:
        other = articles.add_article(project, ARTICLE + " ", "Treaty again")
        report = agreement.agreement(project)
        assert report.articles == 1
        hits = known_claims.find_known_claims(project, other.id)
    assert hits  # matched by the places left whole
    for command in (("agreement",), ("matches", other.id)):
        run = tahqiq_here(*command, "--project", path)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


def test_a_view_standing_in_for_sqlites_own_function_is_named_as_such(tmp_path):
    path = tmp_path / "shadow.tahqiq"
    shadowing_view(path)
    with pytest.raises(NotAProject, match="did not make") as refused:
        Project.open(path, "tester")
    assert "UTF-8" not in str(refused.value)


def test_a_dismissal_whose_offsets_are_text_leaves_matching_be(tmp_path):
    """A dismissal another program wrote with text offsets: `tahqiq matches` ended in
    «'<' not supported between instances of 'str' and 'int'» (filter_hits)."""
    from reliability_support import ARTICLE

    from store.core import articles, known_claims

    path = tmp_path / "typed.tahqiq"
    make_project(path, n_claims=6)
    with Project.open(path, "tester") as project:
        other = articles.add_article(project, ARTICLE + " ", "Treaty again")
        claim_id = known_claims.find_known_claims(project, other.id)[0].suggestion.claim_id
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO dismissals VALUES ('d1', ?, ?, 'abc', x'00', 'x', "
                    "'2026-01-01T00:00:00Z')", [other.id, claim_id])
    raw.close()
    with Project.open(path, "tester") as project:
        assert known_claims.find_known_claims(project, other.id)
    run = tahqiq_here("matches", other.id, "--project", path)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


@pytest.mark.parametrize("column", ["text", "title", "outlet"])
def test_an_article_field_another_program_stored_as_bytes_is_said_as_damage(tmp_path, qtbot,
                                                                           column):
    """rv287: one's own current project whose article text, title or outlet another
    program stored as bytes (``CAST(text AS BLOB)``): the window died before it showed
    (a TypeError in gui/offsets.py, gui/dialogs.py, store/text/display.py) and `tahqiq
    articles` too (a title). Where the rows become records they are said as damage, in
    `check`'s words for the column, in one line; nothing written (the rows as they were:
    opening a project sets its journal, a change of the file's bytes)."""
    from gui.app import create_window

    path = tmp_path / "own.tahqiq"
    article_id = make_project(path, n_claims=3)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.create_function("tahqiq_fold", 1, lambda text: text)  # (the search's triggers)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute(f"UPDATE articles SET {column} = CAST(coalesce(nullif({column}, ''), 'x') "
                "AS BLOB)")
    raw.close()
    said = f"articles.{column} holds a blob value, as another program left it"
    before = _rows(path)
    with Project.open(path, "tester") as project:
        with pytest.raises(DatabaseProblem, match=re.escape(said)):
            articles.get_article(project, article_id)
        if column != "text":  # (the list reads no text)
            with pytest.raises(DatabaseProblem, match=re.escape(said)):
                articles.list_articles(project)
    assert _rows(path) == before
    for args in (["article", article_id], *([["articles"]] if column != "text" else [])):
        run = tahqiq_here(*args, "--project", path)
        assert run.returncode == 1, (args, run.stdout, run.stderr)
        assert_one_line_error(run.stderr)
        assert said in run.stderr
    with pytest.raises(DatabaseProblem, match=re.escape(said)):
        create_window(path, remember=False)
    assert _rows(path) == before


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of *path*, by table."""
    raw = sqlite3.connect(path)
    try:
        return {name: raw.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
                for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = "
                                           "'table' AND name NOT LIKE 'search%' AND name "
                                           "NOT LIKE 'sqlite%'")}
    finally:
        raw.close()
