"""The command line stopped: Ctrl-C (SIGINT), `timeout`'s SIGTERM, a closed terminal's
SIGHUP. What it leaves behind, what it says, and that what it printed is what it saved
(rv210). A signal is sent at a moment chosen exactly: where a file appears, or from a
function the command calls (signal.raise_signal runs the handler there and then)."""

from __future__ import annotations

import errno
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLE_QUOTE

from store.cli.main import main
from store.core import articles, schema
from store.core.project import Project
from store.exchange import importing, seeding

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="no SIGTERM or SIGHUP to handle on Windows")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.tahqiq"
    with seeding.open_or_create(path, "samira") as opened:
        article = articles.list_articles(opened)[0]["id"]
    return path, article


def test_a_copy_for_an_older_tahqiq_cut_short_leaves_nothing_and_can_be_made_again(
        project, monkeypatch, capsys):
    """Ctrl-C as the copy was stamped with the older schema left the file at this
    version's (which the colleague's Tahqiq refuses as newer), and the next try was
    refused «there already»."""
    path, _ = project
    target = path.parent / "for-chadi.tahqiq"
    real, opened = sqlite3.connect, []

    def connect(*args, **kwargs):
        if "for-chadi" in str(args[0]):
            opened.append(args[0])
        if len(opened) == 2:  # (the copy's backup, then the one that stamps it)
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    assert run("copy-for-older", str(target), "--project", str(path)) == (130, "")
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["p.tahqiq"]
    monkeypatch.setattr(sqlite3, "connect", real)
    assert run("copy-for-older", str(target), "--project", str(path)) == (0, f"{target}\n")
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.READABLE_SINCE
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["for-chadi.tahqiq", "p.tahqiq"]


EXPORT_HELD = """
import sys, time
from store.core import whole_files
whole_files._flush_to_disk = lambda path: time.sleep(120)  # written, not yet renamed
from store.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _signals_as_a_terminal_gives_them() -> None:
    """The child's signals at their defaults: under `nohup` (SIGHUP ignored, and kept
    ignored by the command line, as it should) the SIGHUP case waited a minute and failed
    on sound code (rv217)."""
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)


@pytest.mark.parametrize(("sent", "status"), [("SIGTERM", 143), ("SIGHUP", 129),
                                              ("SIGINT", 130)])
def test_an_export_killed_removes_its_hidden_part_file(project, sent, status):
    """`timeout 60 tahqiq export …` in a cron job left a hidden .part file as big as the
    export had got, one more each night: only Ctrl-C ran the clean-up."""
    path, _ = project
    out = path.parent / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", EXPORT_HELD, "export", "--format", "json",
                              "-o", str(out / "all.json"), "--project", str(path)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True,
                             preexec_fn=_signals_as_a_terminal_gives_them)
    try:
        deadline = time.monotonic() + 60
        while not list(out.iterdir()) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [p.name.endswith(".part") for p in out.iterdir()] == [True]
        child.send_signal(getattr(signal, sent))
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert (child.returncode, err) == (status, "tahqiq: error: interrupted\n")
    assert list(out.iterdir()) == []


def _interrupted_after(real):
    """*real*, then Ctrl-C: it lands once *real*'s commit is done."""
    def call(*args, **kwargs):
        done = real(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)
        return done

    return call


def test_an_import_stopped_after_a_files_commit_prints_that_files_line_and_stops(
        tmp_path, monkeypatch, capsys):
    """Ctrl-C as SQLite committed was raised after the commit: `import FOLDER` stopped
    with one more article stored than the ID<TAB>TITLE lines it printed, and a script
    lost that article's id."""
    folder = tmp_path / "stories"
    folder.mkdir()
    for number in (1, 2):
        (folder / f"s{number}.txt").write_text(f"Story {number}\n\nUnemployment fell to "
                                               f"{number} percent.", encoding="utf-8")
    path = tmp_path / "p.tahqiq"
    monkeypatch.setattr(importing, "import_loaded", _interrupted_after(importing.import_loaded))
    status, out = run("import", str(folder), "--project", str(path))
    assert status == 130
    assert capsys.readouterr().err == "tahqiq: error: interrupted\n"
    with Project.open(path, "samira") as opened:
        stored = [(row["id"], row["title"]) for row in articles.list_articles(opened)]
    assert out.splitlines() == [f"{article}\t{title}" for article, title in stored]
    assert [title for _, title in stored] == ["Story 1"]  # (the second not begun)


def test_a_tag_stopped_after_its_commit_prints_the_claim_it_saved(project, monkeypatch,
                                                                   capsys):
    from store.core import appearances

    path, article = project
    monkeypatch.setattr(appearances, "tag_quote", _interrupted_after(appearances.tag_quote))
    status, out = run("tag", article, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                      "--project", str(path))
    assert status == 130
    assert capsys.readouterr().err == "tahqiq: error: interrupted\n"
    with Project.open(path, "samira") as opened:
        claims = [row[0] for row in opened.execute("SELECT id FROM claims")]
    assert out.splitlines() == claims and len(claims) == 1


def test_a_closed_terminals_hang_up_exits_129_though_interrupted_cannot_be_written(
        project, monkeypatch):
    """The terminal closed: SIGHUP, and «interrupted» written to the hung-up terminal
    raised EIO, out of main as a traceback, exit 1."""
    path, _ = project

    class HungUp(io.StringIO):
        def write(self, text):
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def hang_up(*args, **kwargs):
        signal.raise_signal(signal.SIGHUP)

    monkeypatch.setattr(articles, "list_articles", hang_up)
    monkeypatch.setattr(sys, "stderr", HungUp())
    assert run("articles", "--project", str(path)) == (129, "")


def test_ctrl_c_in_the_search_indexs_folding_is_told_as_an_interrupt(tmp_path, monkeypatch,
                                                                     capsys):
    """SQLite reports a KeyboardInterrupt raised in a function it called as «user-defined
    function raised exception»: it was told as «The change was not saved: …», exit 1."""
    from store.core import sqlfunctions

    def fold(text):
        signal.raise_signal(signal.SIGINT)

    story = tmp_path / "story.txt"
    story.write_text("Story\n\nUnemployment fell to 5 percent.", encoding="utf-8")
    monkeypatch.setattr(sqlfunctions, "_tahqiq_fold", fold)
    assert run("import", str(story), "--project", str(tmp_path / "p.tahqiq")) == (130, "")
    assert capsys.readouterr().err == "tahqiq: error: interrupted\n"


def test_the_command_line_gives_the_signals_back_when_done():
    handlers = {number: signal.getsignal(number)
                for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    run("--version")
    assert {number: signal.getsignal(number) for number in handlers} == handlers


def test_the_suite_started_with_ctrl_c_ignored_still_tests_what_ctrl_c_does(tmp_path):
    """A shell starts a background job (`.ci/run &`) with SIGINT ignored, and its children
    inherit that: the tests above then saw no KeyboardInterrupt and failed (exit 0 where 130
    was asked). conftest gives Ctrl+C back its meaning for the suite."""
    chosen = ("tests/test_cli_interrupted.py::"
              "test_a_tag_stopped_after_its_commit_prints_the_claim_it_saved")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
         "--basetemp", str(tmp_path / "base"), chosen],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 passed" in done.stdout
