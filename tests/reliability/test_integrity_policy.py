"""When opening reads the whole file for damage, and `tahqiq check` that does it on demand.

SQLite's quick_check reads every page (4.4 s for a 1.9 GB project), so opening runs it
only on a small file or after an unclean shutdown (a -wal holding changes that no open
connection holds); a truncated file is still refused on every open (SQLite compares it
with its header).
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import (
    assert_consistent,
    assert_one_line_error,
    make_project,
    run_tahqiq,
    snapshot,
)
from test_damaged_files import damaged_page

from store.cli.main import main
from store.core import project as project_module
from store.core import schema
from store.core.project import Project, check_file, integrity_problems, needs_full_check
from store.errors import NotAProject

WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA wal_autocheckpoint=0")  # the changes stay in the -wal
conn.execute("INSERT INTO settings (key, value, updated) VALUES ('x', 'y', 'now')")
conn.commit()
print("written", flush=True)
time.sleep(120)
"""


@pytest.fixture
def big(monkeypatch):
    """Every file counts as large: opening skips the full check unless it is called for."""
    monkeypatch.setattr(project_module, "FULL_CHECK_UP_TO", 0)


def writer(path: Path) -> subprocess.Popen:
    """Another process holding the project open, with changes in its -wal."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline() == "written\n"
    return proc


def test_a_small_file_is_checked_on_every_open(tmp_path):
    path = tmp_path / "small.tahqiq"
    make_project(path)
    assert needs_full_check(path, path.stat().st_size)


def test_a_large_clean_file_is_not_read_whole_to_open(tmp_path, big):
    path = tmp_path / "large.tahqiq"
    make_project(path)
    assert not needs_full_check(path, path.stat().st_size)
    (tmp_path / "large.tahqiq-wal").write_bytes(b"")  # what a read-only reader leaves
    assert not needs_full_check(path, path.stat().st_size)


def test_damage_in_a_large_file_is_found_on_demand(tmp_path, big):
    path = tmp_path / "damaged-page.tahqiq"
    damaged_page(path)
    before = snapshot(path)
    assert check_file(path) > 0  # opening would not read the damaged page
    with pytest.raises(NotAProject):
        check_file(path, full=True)
    run = run_tahqiq("check", "--project", path)
    assert run.returncode == 1 and run.stdout == ""
    assert_one_line_error(run.stderr)
    assert "damaged" in run.stderr
    assert snapshot(path) == before


@pytest.mark.parametrize("kept", [0.5, "all but the last page"])
def test_a_truncated_large_file_is_refused(tmp_path, big, kept):
    """Cut anywhere, even where only pages nothing reads at opening are lost: SQLite
    compares the file with the length its header gives."""
    path = tmp_path / "cut.tahqiq"
    make_project(path, n_claims=40)
    size = path.stat().st_size
    os.truncate(path, int(size * kept) if isinstance(kept, float) else size - 4096)
    before = snapshot(path)
    with pytest.raises(NotAProject, match="damaged"):
        Project.open(path, "tester")
    assert snapshot(path) == before


def test_a_crash_leaves_a_wal_that_calls_for_the_check(tmp_path, big):
    path = tmp_path / "crashed.tahqiq"
    make_project(path)
    proc = writer(path)
    try:
        if sys.platform.startswith("linux"):  # its lock on the -shm is seen: no check
            assert not needs_full_check(path, path.stat().st_size)
    finally:
        proc.send_signal(signal.SIGKILL)  # a crash: no checkpoint, the -wal stays
        proc.wait(timeout=30)
    assert Path(f"{path}-wal").stat().st_size > 0
    assert needs_full_check(path, path.stat().st_size)
    with Project.open(path, "tester") as project:  # recovered, checked, and it opens
        assert project.execute("SELECT value FROM settings WHERE key = 'x'").fetchone() == ("y",)
    assert not Path(f"{path}-wal").exists()  # closed cleanly now
    assert not needs_full_check(path, path.stat().st_size)


def test_a_project_open_in_this_process_is_not_checked_again(tmp_path, big):
    path = tmp_path / "mine.tahqiq"
    make_project(path)
    with Project.open(path, "tester") as project:
        project.execute("INSERT INTO settings (key, value, updated) VALUES ('x', 'y', 'now')")
        assert Path(f"{path}-wal").stat().st_size > 0
        assert not needs_full_check(path, path.stat().st_size)
        with Project.open(path, "worker"):  # a worker thread's own connection
            pass
    deadline = time.monotonic() + 5
    while Path(f"{path}-wal").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not needs_full_check(path, path.stat().st_size)


def test_check_says_a_sound_project_is_sound(tmp_path):
    path = tmp_path / "sound.tahqiq"
    make_project(path, n_claims=10)
    before = snapshot(path)
    assert integrity_problems(path) == []
    run = run_tahqiq("check", "--project", path)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == "sound.tahqiq: no damage found\n"
    assert snapshot(path) == before


def _empty(path: Path) -> None:
    path.write_bytes(b"")  # (an e-mail attachment that lost its data, a failed copy)


def _not_sqlite(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 20)


def _text(path: Path) -> None:
    path.write_text("نص مقال، لا مشروع", encoding="utf-8")


def _folder(path: Path) -> None:
    path.mkdir()


def _missing(path: Path) -> None:
    pass


def _newer(path: Path) -> None:
    make_project(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _another_programs(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (title TEXT, body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('a', 'b')")
    conn.commit()
    conn.close()


def _writing(path: Path) -> sqlite3.Connection:
    """A window saving, past check's wait: its write lock held (readers read on)."""
    make_project(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def _locked(path: Path) -> sqlite3.Connection:
    """Another program holding the file whole (SQLite's exclusive locking mode)."""
    make_project(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def _as_left(path: Path) -> tuple:
    """What check must leave as it was: the file's bytes and time (a folder's entries and
    time), and what lies beside it."""
    if path.is_dir():
        state = sorted(os.listdir(path)), path.stat().st_mtime_ns
    elif path.exists():
        state = path.read_bytes(), path.stat().st_mtime_ns
    else:
        state = None
    return state, sorted(os.listdir(path.parent))


@pytest.mark.parametrize(("make", "said"), [
    (_empty, "{path} is empty: no project in it yet (`tahqiq import` makes one)."),
    (_not_sqlite, "{name} is not a Tahqiq project (it is not an SQLite database)."),
    (_text, "{name} is text, not a Tahqiq project: "),
    (_folder, "{name} is a folder, not a Tahqiq project."),
    (_missing, "No project at {path}."),
    (_newer, "{name} was written by a newer version of Tahqiq (schema "),
    (_another_programs, "{name} is an SQLite database but not a Tahqiq project; "),
    (_writing, "Another program kept {name} busy, so its search index could not be "
               "checked; try again once it is done."),
    (_locked, "Another program kept {name} busy, so it could not be opened; "),
], ids=lambda v: getattr(v, "__name__", "")[1:])
def test_check_says_what_is_no_project_in_one_line_and_leaves_it(tmp_path, monkeypatch,
                                                                   capsys, make, said):
    """A 0-byte file was «empty, no project in it yet» with exit 0, where every other
    command refuses it (exit 1) and SQLite would take it for an empty database: a script
    that checked a copy went on to a command that refused it. Like it, anything that is
    no project, or cannot be checked for another program's lock (a window saving past
    the wait was «no damage found», the search index left unread), is one line, exit 1,
    and left as it was: check never writes."""
    monkeypatch.setattr(project_module, "CHECK_TIMEOUT_SECONDS", 0.3)
    path = tmp_path / "attachment.tahqiq"
    holder = make(path)
    try:
        before = _as_left(path)
        out = io.StringIO()
        assert main(["check", "--project", str(path)], out) == 1
        assert out.getvalue() == ""
        err = capsys.readouterr().err
        assert_one_line_error(err)
        assert err.startswith("tahqiq: error: " + said.format(path=path, name=path.name))
        assert _as_left(path) == before
    finally:
        if holder is not None:
            holder.close()


@pytest.mark.parametrize("command", [("articles",), ("claims",), ("labels",),
                                     ("search", "word"), ("export", "--format", "csv")])
def test_a_command_that_reads_leaves_an_empty_file_empty(tmp_path, command):
    """Opening made an empty project of a 0-byte file (a copy that failed), so a command
    that only reads answered as if an empty project had been sent: it now says the file
    is empty, exits 1, and leaves it as it was. Import still makes a project in it."""
    path = tmp_path / "attachment.tahqiq"
    path.write_bytes(b"")
    run = run_tahqiq(*command, "--project", path)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr == (f"tahqiq: error: {path} is empty: no project in it yet "
                          "(`tahqiq import` makes one).\n")
    assert path.read_bytes() == b""
    article = tmp_path / "a.txt"
    article.write_text("نص قصير", encoding="utf-8")
    assert run_tahqiq("import", article, "--project", path).returncode == 0
    assert path.stat().st_size > 0


def test_a_trigger_another_program_dropped_is_named_by_check_and_made_again(tmp_path):
    """A search trigger another program dropped was neither refused nor made again, as a
    dropped index is: `check` said no damage, and a note written since was never found
    (rv159). Check names it; opening makes it again and indexes what was written
    meanwhile."""
    import sqlite3

    from store.core import claims, schema, search

    path = tmp_path / "dropped.tahqiq"
    make_project(path)
    with sqlite3.connect(path) as other:
        other.execute("DROP TRIGGER search_claims_update")
        other.execute("DROP TRIGGER search_articles_update")
        other.execute("UPDATE claims SET note = 'zebracrossing' WHERE rowid = 1")
        other.execute("UPDATE articles SET text = text || ' giraffe'")
        true_fingerprints(other)
    other.close()
    before = snapshot(path)
    assert integrity_problems(path) == [
        f"trigger {name} is missing; opening the project makes it again"
        for name in ("search_articles_update", "search_claims_update")]
    run = run_tahqiq("check", "--project", path)
    assert run.returncode != 0 and "search_articles_update is missing" in run.stderr
    assert_one_line_error(run.stderr)
    assert snapshot(path) == before
    with Project.open(path, "tester") as project:
        assert schema.missing_triggers(project.conn, project.schema_version) == []
        assert search.search(project, "zebracrossing") and search.search(project, "giraffe")
        written = project.execute("SELECT id FROM claims WHERE rowid = 2").fetchone()[0]
        claims.update_claim(project, written, note="hippopotamus")
        assert [hit.claim_id for hit in search.search(project, "hippopotamus")] == [written]
    assert integrity_problems(path) == []
    assert len(assert_consistent(path)) == 3


def true_fingerprints(conn) -> None:
    """Each article's fingerprint made its text's again, as a program that changes a text
    without damaging the file does: one left as it was is damage a merge refuses and
    `check` names (rv278)."""
    import hashlib

    changed = [(hashlib.sha256(text).hexdigest(), rowid) for rowid, text, fingerprint
               in conn.execute("SELECT rowid, CAST(text AS BLOB), fingerprint FROM articles "
                               "WHERE text <> ''")
               if hashlib.sha256(text).hexdigest() != fingerprint]
    if changed:  # (an update of articles is made with the search's triggers: their functions)
        conn.executemany("UPDATE articles SET fingerprint = ? WHERE rowid = ?", changed)


@pytest.mark.parametrize(("version", "trigger", "written"), [
    (2, "search_articles_update", "UPDATE articles SET text = text || ' giraffe'"),
    (3, "search_claims_update", "UPDATE claims SET note = 'giraffe'"),
    (5, "search_articles_update", "UPDATE articles SET text = text || ' giraffe'"),
    (6, "search_articles_insert",  # (text none of the later upgrades folds again)
     "INSERT INTO articles SELECT '00000000-0000-4000-8000-000000000001', 'The giraffe', "
     "'The giraffe walked.', fingerprint || 'x', outlet, url, published, language, "
     "encoding, source_name, created, created_by, updated, NULL FROM articles LIMIT 1")])
def test_an_older_project_whose_trigger_was_dropped_is_upgraded_and_indexed_again(
        tmp_path, version, trigger, written):
    """An upgrade drops and makes again the search triggers (schemas 3, 4, 6 and 7): one
    another program had dropped stopped it («no such trigger», said as «the change was
    not saved», every time), where `check` said opening would make it again; and made
    again by the upgrade, what it missed was never indexed (rv160)."""
    import shutil
    import sqlite3

    from store.core import search

    path = tmp_path / f"schema{version}.tahqiq"
    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / path.name, path)
    with sqlite3.connect(path) as other:
        other.execute(f"DROP TRIGGER {trigger}")
        other.execute(written)
        true_fingerprints(other)
    other.close()
    with Project.open(path, "tester") as project:
        assert project.upgraded is not None
        assert search.search(project, "giraffe")
    assert integrity_problems(path) == []


def test_check_names_an_index_another_program_dropped(tmp_path):
    """SQLite's integrity check sees nothing wrong with a file whose index another program
    dropped, but search names that index: `tahqiq check` says it is missing, in one
    line, and leaves the file as it is (opening it for writing makes it again)."""
    import sqlite3

    path = tmp_path / "dropped.tahqiq"
    make_project(path, n_claims=10)
    with sqlite3.connect(path) as other:
        other.execute("DROP INDEX claims_live")
    other.close()
    before = snapshot(path)
    assert integrity_problems(path) == [
        "index claims_live is missing; opening the project makes it again"]
    run = run_tahqiq("check", "--project", path)
    assert run.returncode != 0 and "claims_live is missing" in run.stderr
    assert_one_line_error(run.stderr)
    assert snapshot(path) == before
