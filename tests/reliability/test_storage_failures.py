"""Full disks and files that cannot be written: a clear message, an intact project, and a
program that keeps running.

No room is simulated with RLIMIT_FSIZE in a child process (a write past the limit fails
with EFBIG, as one on a full disk fails with ENOSPC; SIGXFSZ is ignored so the write
fails instead of the process dying). A file that cannot be written is made with
``chattr +i`` where the file system and our privileges allow it (root ignores file
modes, not the immutable flag), and with plain permissions in a child that cannot
override them: a normal user, or root without CAP_DAC_OVERRIDE (``setpriv``).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from reliability_support import (
    ARTICLE,
    HERE,
    TAHQIQ,
    assert_consistent,
    assert_one_line_error,
    counts,
    make_project,
    side_files,
)

from store.core import appearances, articles
from store.core.project import Project
from store.errors import ProjectReadOnly, StorageError
from store.exchange import exporting, importing

BIG_TEXT = "قال المتحدث إن المعاهدة الجديدة أقوى معاهدة على الإطلاق. " * 40_000  # ~2 MB
MANY = 1500


@pytest.fixture
def crowded(tmp_path):
    """A project, and three things too big to fit into its disk: a long article, a CSV of
    many claims on its article, and a colleague's project with those claims."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    big = tmp_path / "long.txt"
    big.write_text(BIG_TEXT, encoding="utf-8")
    colleague = tmp_path / "colleague.tahqiq"
    shutil.copyfile(path, colleague)
    with Project.open(colleague, "colleague") as theirs:
        for i in range(MANY):
            rounds, at = divmod(i, len(ARTICLE) - 10)
            theirs.annotator = f"colleague {rounds}"  # the same words, by someone else
            if (words := ARTICLE[at:at + 8]).strip() == words:  # a claim holds words
                appearances.create_claim(theirs, article_id, at, at + 8, "disputed", note=f"n{i}")
        csv_path = exporting.export_file(theirs, "csv", tmp_path / "claims.csv")
    return path, big, csv_path, colleague


def test_no_room_in_the_store(crowded):
    path, big, csv_path, colleague = crowded
    before = counts(path)
    run = subprocess.run([sys.executable, str(HERE / "full_disk_child.py"), str(path), str(big),
                          str(csv_path), str(colleague)],
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (0, "")  # the process kept running to the end
    report = json.loads(run.stdout)
    for name, (kind, message, unchanged, readable) in report["failures"].items():
        assert kind == "StorageError", (name, kind, message)
        assert "\n" not in message and ("disk" in message or "room" in message), message
        assert unchanged, f"{name} left part of its changes behind"
        assert readable == 3
    article_id, listed = report["afterwards"]  # once there is room, the same process writes
    assert listed == 2
    assert counts(path)["articles"] == before["articles"] + 1
    assert len(assert_consistent(path)) == 3


def limited(limit: int, *command: str | os.PathLike[str]) -> list[str]:
    """*command*, run with files limited to *limit* bytes and SIGXFSZ ignored."""
    setup = ("import os, resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
             f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
             "os.execv(sys.argv[1], sys.argv[1:])")
    return [sys.executable, "-c", setup, *map(str, command)]


def test_no_room_on_the_command_line(crowded):
    path, big, _csv_path, colleague = crowded
    before = counts(path)
    limit = path.stat().st_size + 32 * 1024
    for args in (["import", big], ["merge", colleague]):
        run = subprocess.run(limited(limit, TAHQIQ, *args, "--project", path),
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 1, run.stderr
        assert_one_line_error(run.stderr)
        assert "disk" in run.stderr or "room" in run.stderr, run.stderr
        assert counts(path) == before
    assert len(assert_consistent(path)) == 3


@contextmanager
def immutable(path: Path):
    """``chattr +i`` *path* for the block; skips the test where that is not possible."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make a file immutable here: {made.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_file_that_refuses_writes_gives_a_clear_message(tmp_path, monkeypatch):
    """Where permissions say "writable" but the file is not (network shares, ACLs)."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    before = counts(path)
    with immutable(path):
        monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)
        project = Project.open(path, "tester", create=False)
        try:
            assert not project.read_only
            with pytest.raises(StorageError, match="cannot be written"):
                appearances.create_claim(project, article_id, 0, 4, "verified")
            with pytest.raises(StorageError, match="cannot be written"):
                importing.import_text(project, BIG_TEXT[:500])
            assert len(appearances.list_appearances(project)) == 3  # still readable
        finally:
            project.close()
        monkeypatch.undo()
    assert counts(path) == before
    with Project.open(path, "tester") as project:  # writable again: writes go through
        appearances.create_claim(project, article_id, 0, 4, "verified")
    assert len(assert_consistent(path)) == 4


def check_read_only(path: Path, article_id: str, qtbot) -> None:
    """Opens read-only and says so: the store refuses writes, the window's title tells."""
    project = Project.open(path, "tester", create=False)
    try:
        assert project.read_only
        assert len(appearances.list_appearances(project)) == 3
        for write in (lambda: appearances.create_claim(project, article_id, 0, 4, "verified"),
                      lambda: importing.import_text(project, "نص جديد"),
                      lambda: articles.update_metadata(project, article_id, title="x")):
            with pytest.raises(ProjectReadOnly, match="read-only"):
                write()
    finally:
        project.close()
    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    assert "[read-only]" in window.windowTitle()
    assert window.session.read_only
    window.article_pane.reader.select_span(0, 4)
    window.tag("verified")  # does nothing, says nothing
    assert window.claims_panel.model.rowCount() == 3
    window.close()


def test_read_only_project_opens_and_says_so(tmp_path, monkeypatch, qtbot, errors):
    """The app's side, with permissions as a normal user would see them."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    real_access = os.access

    def access(target, mode, *args, **kwargs):
        if Path(target) == path and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    check_read_only(path, article_id, qtbot)
    assert errors == []


def test_immutable_project_opens_read_only(tmp_path, qtbot, errors):
    """The same with the operating system refusing writes, even to root."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    before = counts(path)
    with immutable(path):
        assert not os.access(path, os.W_OK)
        check_read_only(path, article_id, qtbot)
    assert errors == []
    assert counts(path) == before


def unprivileged(*command: str | os.PathLike[str]) -> list[str]:
    """*command* run so that file permissions apply to it: as it is for a normal user;
    for root, without the capabilities that override them."""
    command = [str(part) for part in command]
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv is not there to drop CAP_DAC_OVERRIDE")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]


def test_read_only_file_in_a_read_only_folder(tmp_path):
    """chmod 444 in a folder chmod 555: the project opens read-only, reads and refuses
    writes with a clear message, and nothing is created beside it (SQLite cannot make
    the -shm file a WAL-mode file needs there: it is opened as immutable)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "project.tahqiq"
    article_id = make_project(path)
    data = path.read_bytes()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        run = subprocess.run(unprivileged(sys.executable, HERE / "read_only_child.py", path,
                                          article_id), capture_output=True, text=True,
                             timeout=60)
        assert (run.returncode, run.stderr) == (0, "")
        report = json.loads(run.stdout)
        assert report["may_write"] is False
        assert report["read_only"] is True
        assert report["claims"] == report["claims_after"] == 3
        for action in ("tag", "import"):
            kind, message = report[action]
            assert kind == "ProjectReadOnly" and "read-only" in message, report[action]
        listed = subprocess.run(unprivileged(TAHQIQ, "claims", "--project", path),
                                capture_output=True, text=True, timeout=60)
        assert (listed.returncode, listed.stderr) == (0, "")
        assert len(listed.stdout.splitlines()) == 3
        tag = subprocess.run(unprivileged(TAHQIQ, "tag", article_id, "--quote", "قال",
                                          "--label", "verified", "--project", path),
                             capture_output=True, text=True, timeout=60)
        assert tag.returncode == 1
        assert_one_line_error(tag.stderr)
        assert "read-only" in tag.stderr
        assert side_files(path) == []
        assert path.read_bytes() == data
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_read_only_project_made_writable_again_takes_changes(tmp_path):
    """chmod 444, read (SQLite leaves a -wal and a -shm beside it, read-only as the file
    is), chmod 644: the next tag was refused as "The project file cannot be written",
    the file writable and the -shm not. The side files take the project's mode."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    path.chmod(0o444)
    listed = subprocess.run(unprivileged(TAHQIQ, "claims", "--project", path),
                            capture_output=True, text=True, timeout=60)
    assert (listed.returncode, listed.stderr, len(listed.stdout.splitlines())) == (0, "", 3)
    shm = path.with_name(path.name + "-shm")
    assert shm.exists() and not shm.stat().st_mode & 0o222  # as SQLite leaves it
    path.chmod(0o644)
    tag = subprocess.run(unprivileged(TAHQIQ, "tag", article_id, "--quote", "قال",
                                      "--label", "verified", "--project", path),
                         capture_output=True, text=True, timeout=60)
    assert (tag.returncode, tag.stderr) == (0, "")
    assert len(assert_consistent(path)) == 4


def test_a_project_cannot_be_created_in_a_read_only_folder(tmp_path):
    """Not SQLite's "unable to open database file": the folder is named, and nothing is
    left behind - also when the project's own folder would have to be made inside it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    with immutable(folder):
        for path in (folder / "new.tahqiq", folder / "sub" / "new.tahqiq"):
            with pytest.raises(StorageError) as caught:
                Project.open(path, "tester")
            assert str(caught.value) == (f"{folder} is read-only, so the project {path.name} "
                                         "cannot be created there.")
            run = subprocess.run([TAHQIQ, "import", HERE / "read_only_child.py",
                                  "--project", path], capture_output=True, text=True,
                                 timeout=60)
            assert run.returncode == 1
            assert_one_line_error(run.stderr)
            assert f"{folder} is read-only" in run.stderr, run.stderr
        assert list(folder.iterdir()) == []


def test_a_project_cannot_be_created_in_a_folder_without_write_permission(tmp_path):
    """The same with plain permissions, in a child that cannot override them."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        path = folder / "new.tahqiq"
        run = subprocess.run(unprivileged(TAHQIQ, "import", HERE / "read_only_child.py",
                                          "--project", path),
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 1
        assert_one_line_error(run.stderr)
        assert f"{folder} is read-only" in run.stderr, run.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_an_empty_log_left_in_a_read_only_folder_still_reads(tmp_path):
    """A window leaves an empty -wal while it has the project open; in a folder that
    cannot be written SQLite could not make the -shm to read through it, and the
    project read as «damaged (unable to open database file)»: it reads, as immutable."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "project.tahqiq"
    make_project(path)
    path.with_name(path.name + "-wal").write_bytes(b"")
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        for command, lines in (("claims", 3), ("check", 1)):
            run = subprocess.run(unprivileged(TAHQIQ, command, "--project", path),
                                 capture_output=True, text=True, timeout=60)
            assert (run.returncode, run.stderr) == (0, ""), command
            assert len(run.stdout.splitlines()) == lines, command
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_write_a_program_stopped_in_is_rolled_back_not_called_damage(tmp_path):
    """A project in rollback-journal mode (as copy-for-older writes it) whose upgrade was
    killed half-way left its -journal beside it: read as immutable, its half-written
    pages, it was refused as damaged by every command and `check`, every time, though
    SQLite rolls the write back (rv159). In a folder that cannot be written, where it
    cannot, one line says a program stopped while writing it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "project.tahqiq"
    make_project(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    stopped = ("import os, sqlite3, sys\n"
               "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
               "conn.execute('PRAGMA cache_size=1')  # (its pages written as it goes)\n"
               "conn.execute('BEGIN')\n"
               "conn.execute('CREATE TABLE filler (x)')\n"
               "conn.executemany('INSERT INTO filler VALUES (?)', [('x' * 2000,)] * 300)\n"
               "conn.execute('DELETE FROM history')\n"
               "os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", stopped, path]).returncode == 9
    left = [path.read_bytes(), path.with_name(path.name + "-journal").read_bytes()]
    assert left[1]
    folder.chmod(0o555)
    try:
        run = subprocess.run(unprivileged(TAHQIQ, "claims", "--project", path),
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 1
        assert_one_line_error(run.stderr)
        assert "A program stopped while writing project.tahqiq" in run.stderr, run.stderr
    finally:
        folder.chmod(0o755)
    assert [path.read_bytes(), path.with_name(path.name + "-journal").read_bytes()] == left
    for command, lines in (("check", 1), ("claims", 3)):
        run = subprocess.run([TAHQIQ, command, "--project", path], capture_output=True,
                             text=True, timeout=60)
        assert (run.returncode, run.stderr) == (0, ""), command
        assert len(run.stdout.splitlines()) == lines, command
    assert len(assert_consistent(path)) == 3


def test_a_disk_that_cannot_take_the_side_files_is_not_called_damage(tmp_path):
    """On a full disk SQLite cannot make the -shm a project is read through: `claims`
    said the change (none) was not saved, then every command and `check` said the
    project was damaged. It is said it could not be opened, the disk perhaps full; with
    room again it reads."""
    import resource

    path = tmp_path / "project.tahqiq"
    make_project(path)

    def no_room() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    for command in ("claims", "check", "claims"):
        run = subprocess.run([TAHQIQ, command, "--project", path], capture_output=True,
                             text=True, timeout=60, preexec_fn=no_room)
        assert run.returncode == 1, command
        assert_one_line_error(run.stderr)
        assert "could not be opened" in run.stderr and "disk full" in run.stderr, run.stderr
        assert "damaged" not in run.stderr and "not saved" not in run.stderr
    for suffix in ("-wal", "-shm"):  # (what the refused opening left: as a crash would)
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    run = subprocess.run([TAHQIQ, "claims", "--project", path], capture_output=True,
                         text=True, timeout=60)
    assert (run.returncode, len(run.stdout.splitlines())) == (0, 3), run.stderr


def test_check_names_another_files_log_left_beside_the_project(tmp_path):
    """A program stopped with changes in project.tahqiq-wal; a backup was put in place of
    project.tahqiq. Opening said to move the -wal away, `tahqiq check` only «damaged»."""
    import sqlite3

    path = tmp_path / "project.tahqiq"
    make_project(path)
    other = tmp_path / "other.tahqiq"
    make_project(other, n_claims=1)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE claims SET note = 'x' || note")
    writer.commit()
    wal = path.with_name(path.name + "-wal").read_bytes()
    writer.close()  # (it folds the log into the file: put the log back as a crash leaves it)
    shutil.copyfile(other, path)
    path.with_name(path.name + "-wal").write_bytes(wal)
    run = subprocess.run([TAHQIQ, "check", "--project", path], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1
    assert_one_line_error(run.stderr)
    assert "move project.tahqiq-wal away" in run.stderr, run.stderr


def test_a_backup_the_disk_cannot_hold_leaves_no_file_named_as_the_backup(tmp_path):
    """A Back Up on a full disk said so, and left a file named as the backup (2 MB, and
    its -journal) that opened as «not an SQLite database»; one over an earlier backup
    kept that one."""
    import resource

    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    with Project.open(path, "tester") as project:
        importing.import_text(project, BIG_TEXT)
    kept = tmp_path / "kept-backup.tahqiq"
    with Project.open(path, "tester") as project:
        project.backup(kept)
    before = kept.read_bytes()
    child = ("import sys\nfrom store.core.project import Project\nfrom store.errors import "
             "StorageError\nwith Project.open(sys.argv[1], 'tester') as project:\n"
             "    for target in sys.argv[2:]:\n        try:\n"
             "            project.backup(target)\n        except StorageError as exc:\n"
             "            print(exc)\n")

    def little_room() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

    fresh = tmp_path / "project-backup.tahqiq"
    run = subprocess.run([sys.executable, "-c", child, path, fresh, kept],
                         capture_output=True, text=True, timeout=60, preexec_fn=little_room)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Could not back up") == 2, run.stdout
    assert not fresh.exists() and side_files(fresh) == []
    assert kept.read_bytes() == before and article_id


@pytest.mark.parametrize("through_a_link", [False, True])
def test_work_the_disk_could_not_fold_into_the_file_is_said_at_close(tmp_path,
                                                                     through_a_link):
    """On a nearly full disk the last fold of the log into the file stopped halfway:
    closing said nothing, and the file alone (copied, sent) read as damaged, every claim
    gone. Closing says the -wal beside it holds the rest; with room again all is there.
    Through a symbolic link it said nothing: the -wal was looked for beside the link,
    not beside the file where SQLite keeps it (rv159)."""
    import resource

    path = tmp_path / "project.tahqiq"
    make_project(path)
    text = tmp_path / "article.txt"
    text.write_text("".join(f"جملة رقم {i} عن الاتفاق والحدود والتجارة. " for i in range(300)),
                    encoding="utf-8")
    limit = int(path.stat().st_size * 1.3)  # the log fits; the file grown by it does not

    def little_room() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    opened = path
    if through_a_link:
        opened = tmp_path / "link" / "current.tahqiq"
        opened.parent.mkdir()
        opened.symlink_to(path)
    run = subprocess.run([TAHQIQ, "import", text, "--project", opened], capture_output=True,
                         text=True, timeout=60, preexec_fn=little_room)
    assert run.returncode == 0, run.stderr
    assert f"Not all of the work could be written into {opened.name} itself" in run.stderr
    assert "project.tahqiq-wal" in run.stderr and run.stderr.count("\n") == 1
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    listed = subprocess.run([TAHQIQ, "articles", "--project", opened], capture_output=True,
                            text=True, timeout=60)
    assert (listed.returncode, listed.stderr, len(listed.stdout.splitlines())) == (0, "", 2)
    assert side_files(path) == []  # with room, the log folded in at last
    assert len(assert_consistent(path)) == 3


def test_a_command_beside_an_open_window_says_nothing_of_its_log(tmp_path):
    """A window with the project open keeps changes in the -wal until it folds them: a
    command run meanwhile must not take that log for work the disk refused."""
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    with Project.open(path, "window") as window:
        window.conn.execute("PRAGMA wal_autocheckpoint=0")
        appearances.create_claim(window, article_id, 0, 3, "disputed")
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        for command in ("claims", "articles"):
            run = subprocess.run([TAHQIQ, command, "--project", path], capture_output=True,
                                 text=True, timeout=60)
            assert (run.returncode, run.stderr) == (0, ""), command
        tag = subprocess.run([TAHQIQ, "tag", article_id, "--quote", "قال", "--label",
                              "verified", "--project", path], capture_output=True,
                             text=True, timeout=60)
        assert (tag.returncode, tag.stderr) == (0, ""), tag.stderr
