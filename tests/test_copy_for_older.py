"""A colleague who has not upgraded yet: a copy their older Tahqiq opens and merges."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from store.core import articles, schema
from store.core.project import Project
from store.exchange import merge

FIXTURES = Path(__file__).parent / "fixtures"


def _master(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return set(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    finally:
        conn.close()


def test_no_table_trigger_or_index_changed_since_the_schema_older_tahqiqs_read(tmp_path):
    """READABLE_SINCE holds: a file of that schema, as its Tahqiq made it, has every
    table, trigger and index a new one has, written the same."""
    old = tmp_path / "old.tahqiq"
    shutil.copyfile(FIXTURES / f"schema{schema.READABLE_SINCE}.tahqiq", old)
    new = tmp_path / "new.tahqiq"
    Project.open(new, "amal").close()
    assert _master(old) == _master(new)


def test_a_copy_for_an_older_tahqiq_is_stamped_with_the_schema_it_reads(tmp_path):
    project = Project.open(tmp_path / "amal.tahqiq", "amal")
    shutil.copyfile(FIXTURES / f"schema{schema.SCHEMA_VERSION - 1}.tahqiq",
                    tmp_path / "chadi.tahqiq")
    merge.merge_project(project, tmp_path / "chadi.tahqiq")
    claims = {row[0] for row in project.execute("SELECT id FROM claims")}
    assert claims
    copy = project.copy_for_older(tmp_path / "for-chadi.tahqiq")
    project.close()
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.READABLE_SINCE
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    back = Project.open(copy, "amal")  # and brought back: upgraded again, nothing lost
    assert back.upgraded is not None
    assert {row[0] for row in back.execute("SELECT id FROM claims")} == claims
    back.close()


def test_a_copy_is_written_to_a_new_file_unless_asked_to_replace_and_never_over_its_own(
        tmp_path):
    from store.errors import StorageError

    project = Project.open(tmp_path / "amal.tahqiq", "amal")
    there = tmp_path / "there.tahqiq"
    Project.open(there, "someone").close()
    before = there.read_bytes()
    with pytest.raises(StorageError, match="there already"):
        project.copy_for_older(there)
    assert there.read_bytes() == before
    project.copy_for_older(there, replace=True)  # (the window's dialog asked first)
    assert _version(there) == schema.READABLE_SINCE
    with pytest.raises(StorageError, match="own file"):
        project.copy_for_older(tmp_path / "amal.tahqiq", replace=True)
    assert project.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    project.close()


def test_the_command_line_writes_the_copy_and_refuses_a_file_there(tmp_path):
    from test_cli import SEED, tahqiq

    path = tmp_path / "amal.tahqiq"
    assert tahqiq("import", str(SEED), "--project", str(path)).returncode == 0
    copy = tmp_path / "for chadi.tahqiq"
    made = tahqiq("copy-for-older", str(copy), "--project", str(path))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(copy) and _version(copy) == schema.READABLE_SINCE
    again = tahqiq("copy-for-older", str(copy), "--project", str(path))
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.strip() == (f"tahqiq: error: {copy} is there already: the copy is "
                                    "written to a new file.")


def test_the_window_saves_a_copy_for_an_older_tahqiq(window, tmp_path, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "for-chadi"  # (the suffix added)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(target), "")))
    said: list[str] = []
    window.files.statusMessage.connect(said.append)
    window.findChild(QAction, "copy_for_older").trigger()
    copy = tmp_path / "for-chadi.tahqiq"
    assert _version(copy) == schema.READABLE_SINCE
    assert said == ["Saved for-chadi.tahqiq: Tahqiq versions from 1 December 2026 on can open it"]
    with Project.open(copy, "chadi") as back:  # upgraded here again: the same articles
        assert {a["id"] for a in articles.list_articles(back)} == set(
            window.article_model.ids())


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _another_project_and_its_name_typed_bare(tmp_path, monkeypatch) -> tuple[Path, list]:
    """colleague.tahqiq there, «colleague» typed in the save dialog (no file of that name:
    the dialog asks nothing); the errors shown, kept."""
    from PySide6.QtWidgets import QFileDialog

    from gui import dialogs

    other = tmp_path / "colleague.tahqiq"
    Project.open(other, "colleague").close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(tmp_path / "colleague"), "")))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, message, *a, **k:
                        shown.append(message))
    return other, shown


def test_the_window_does_not_write_over_a_project_it_did_not_ask_about(window, tmp_path,
                                                                        monkeypatch):
    """rv90: «colleague» typed in the save dialog, no file of that name there, nothing asked;
    the copy went to colleague.tahqiq, the suffix added, over another project."""
    other, shown = _another_project_and_its_name_typed_bare(tmp_path, monkeypatch)
    before = other.read_bytes()
    window.files.copy_for_older_dialog()
    assert other.read_bytes() == before
    assert shown == [f"{other} is there already: the copy is written to a new file."]


def test_a_copy_saved_when_the_file_went_away_does_not_write_over_another_project(
        window, tmp_path, monkeypatch):
    """The same for the copy saved when the project's file left its path (the one that
    asks where, «recovered»): written over another project when its name was typed
    without the suffix."""
    other, shown = _another_project_and_its_name_typed_bare(tmp_path, monkeypatch)
    before = other.read_bytes()
    assert not window.files.save_copy(reopen=False)
    assert other.read_bytes() == before
    assert shown == [f"{other} is there already: the copy is written to a new file."]


def test_the_copies_offered_beside_a_long_named_project_can_be_written(qtbot, errors,
                                                                      tmp_path, monkeypatch):
    """A project named near the file system's limit (Arabic: two bytes a letter) was
    offered «NAME-backup.tahqiq», «NAME-for-older.tahqiq» and «NAME-recovered.tahqiq»,
    and accepting one ended in «Something went wrong: OSError» (rv93). Each copy's name
    is shortened to fit, beside the project (Back Up offered a bare name, in whatever
    folder the dialog opened on)."""
    from PySide6.QtWidgets import QFileDialog

    from gui.app import create_window
    from store.core.paths import fits

    window = create_window(tmp_path / ("ت" * 118 + ".tahqiq"), remember=False)
    qtbot.addWidget(window)
    offered: list[Path] = []

    def accept(_parent, _title, name, *_args, **_kwargs):
        offered.append(Path(name))
        return name, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(accept))
    window.files.backup_dialog()
    window.files.copy_for_older_dialog()
    assert window.files.save_copy(reopen=False)
    assert [p.name.rsplit("-", 1)[1] for p in offered] == [
        "backup.tahqiq", "older.tahqiq", "recovered.tahqiq"]
    assert all(p.parent == tmp_path and fits(p) and p.exists() for p in offered)
    assert not errors


def test_a_copy_written_over_a_file_keeps_its_mode_its_link_and_a_read_only_one(tmp_path):
    """The save dialog confirmed writing over: a private copy (0600) became readable by
    everyone, a link to the shared folder's copy a plain file (that copy left stale), a
    read-only file replaced; a rename's OSError escaped the window's TahqiqError."""
    import os
    import stat

    from store.errors import StorageError

    project = Project.open(tmp_path / "amal.tahqiq", "amal")
    private = tmp_path / "for-chadi.tahqiq"
    private.write_bytes(b"")
    os.chmod(private, 0o600)
    project.copy_for_older(private, replace=True)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert _version(private) == schema.READABLE_SINCE

    (tmp_path / "shared").mkdir()
    shared = tmp_path / "shared" / "for-chadi.tahqiq"
    Project.open(shared, "amal").close()
    link = tmp_path / "to-chadi.tahqiq"
    link.symlink_to(shared)
    project.copy_for_older(link, replace=True)
    assert link.is_symlink() and _version(shared) == schema.READABLE_SINCE
    assert [p.name for p in (tmp_path / "shared").iterdir()] == ["for-chadi.tahqiq"]

    frozen = tmp_path / "frozen.tahqiq"
    frozen.write_bytes(b"keep me")
    os.chmod(frozen, 0o444)
    with pytest.raises(StorageError, match="Could not write .*frozen.tahqiq"):
        project.copy_for_older(frozen, replace=True)
    assert frozen.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "amal.tahqiq", "amal.tahqiq-shm", "amal.tahqiq-wal", "for-chadi.tahqiq",
        "frozen.tahqiq", "shared", "to-chadi.tahqiq"]
    project.close()
