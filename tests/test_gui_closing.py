"""Closing a window, and what can make it lose work: its project file moved, renamed or
deleted while open, work under way, links typed and not added."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE, copy_of_new_project, stored, tag_quote
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from shiboken6 import isValid

from store.core import appearances, articles, claims
from store.core.project import Project
from store.errors import StorageError
from store.exchange import seeding


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_a_project_knows_when_its_file_left_its_path(tmp_path, how):
    path = tmp_path / "p.tahqiq"
    project = seeding.open_or_create(path, "me")
    try:
        assert not project.moved_away()
        if how == "deleted":
            for side in _side_files(path):
                side.unlink(missing_ok=True)
        else:
            path.rename(tmp_path / "for-editor.tahqiq")
        assert project.moved_away()
        path.write_bytes(b"")  # another file at the same path is not this one
        assert project.moved_away()
    finally:
        project.close()


def test_a_backup_is_refused_beside_the_log_of_a_project_renamed_away(tmp_path):
    """The renamed project's connection still writes its log at the old name: a copy
    saved there would have SQLite replay that log into it."""
    path = tmp_path / "p.tahqiq"
    project = seeding.open_or_create(path, "me")
    try:
        article = project.conn.execute("SELECT id FROM articles").fetchone()[0]
        appearances.create_claim(project, article, 0, 5, "verified")
        path.rename(tmp_path / "for-editor.tahqiq")
        assert Path(f"{path}-wal").exists()
        with pytest.raises(StorageError, match="choose another name"):
            project.backup(path)
        with pytest.raises(StorageError, match="this project's own file"):
            project.backup(tmp_path / "for-editor.tahqiq")  # where it went: itself
        saved = project.backup(tmp_path / "recovered.tahqiq")
    finally:
        project.close()
    with Project.open(saved, "me") as copy:
        assert len(appearances.list_appearances(copy)) == 1


def _notes(path: Path) -> list[str]:
    with Project.open(path, "reader", create=False) as project:
        return sorted(row[0] for row in project.conn.execute("SELECT note FROM claims"))


def _mine_and_theirs(tmp_path: Path, name: str = "p.tahqiq") -> tuple[Project, Path, str]:
    """My project open, holding my claim; a colleague's copy of it holding theirs."""
    path = tmp_path / name
    project = seeding.open_or_create(path, "me")
    article = project.conn.execute("SELECT id FROM articles").fetchone()[0]
    assert project.checkpoint()
    colleague = tmp_path / "colleague.tahqiq"
    shutil.copy(path, colleague)
    with Project.open(colleague, "colleague") as theirs:
        appearances.create_claim(theirs, article, 100, 110, "verified", note="theirs")
    appearances.create_claim(project, article, 10, 15, "disputed", note="mine")
    return project, colleague, article


def _put_in_place(source: Path, path: Path) -> None:
    """As a sync client (or a mail program's Save) does: written aside, renamed over."""
    shutil.copy(source, path.with_name(".sync"))
    os.replace(path.with_name(".sync"), path)


@pytest.mark.parametrize("how", ["replaced", "renamed"])
def test_the_next_file_at_a_closed_projects_old_name_keeps_its_own_work(tmp_path, how):
    """Found by a review (rv60): closed after its file was renamed, or replaced by a
    colleague's copy, a project left its log under the old name, holding its frames:
    the next file there had them replayed into it, the colleague's work silently gone."""
    project, colleague, _ = _mine_and_theirs(tmp_path)
    path = project.path
    assert project.checkpoint()  # the window folded it: the file itself holds all
    if how == "renamed":
        path.rename(tmp_path / "for-editor.tahqiq")
    _put_in_place(colleague, path)
    project.close()
    assert _notes(path) == ["theirs"]
    if how == "renamed":
        assert _notes(tmp_path / "for-editor.tahqiq") == ["mine"]


def test_a_project_whose_path_another_file_took_is_kept_apart(tmp_path):
    """Found by a review (rv60): a sync client's copy put in place of the open file
    shares its log by name. The command line then read the window's claims over the
    colleague's file, and its next write kept them there for good. Kept apart: the
    log folded into this project's own file and emptied, the work copied beside the
    path, nothing more written here."""
    project, colleague, article = _mine_and_theirs(tmp_path)
    path = project.path
    try:
        assert not project.replaced()
        _put_in_place(colleague, path)
        assert project.replaced() and project.moved_away()
        copy = project.keep_apart()
        assert copy == tmp_path / "p-recovered.tahqiq"
        assert _notes(path) == ["theirs"]  # read by another program: theirs alone
        assert _notes(copy) == ["mine"]
        with pytest.raises(StorageError, match="go on in p-recovered.tahqiq"):
            appearances.create_claim(project, article, 20, 25, "verified")
    finally:
        project.close()
    assert _notes(path) == ["theirs"]
    assert not Path(f"{path}-wal").exists() or not Path(f"{path}-wal").stat().st_size


def test_a_long_named_project_whose_path_another_file_took_is_kept_apart(tmp_path):
    """Named near the file system's limit, its copy «NAME-recovered.tahqiq» could not be
    named: the window's look at its file failed every second, no copy was made, and the
    work was left in a file gone from its folder (rv93). The copy's name is shortened."""
    project, colleague, _ = _mine_and_theirs(tmp_path, "ت" * 119 + ".tahqiq")
    path = project.path
    try:
        _put_in_place(colleague, path)
        copy = project.keep_apart()
        assert copy.parent == tmp_path and copy.name.endswith("-recovered.tahqiq")
        assert _notes(copy) == ["mine"] and _notes(path) == ["theirs"]
    finally:
        project.close()


def test_a_project_kept_apart_while_another_program_reads_waits_for_it(tmp_path,
                                                                       monkeypatch):
    """Found by a review (rv62): a reader of the log (the known-claims child's search,
    an export) kept it from being emptied, unsaid: the log stayed under the shared name,
    and the command line then read - and at its close wrote - this project's claims
    over the colleague's file. Nothing more is written here, and the copy is made once
    the log could be emptied."""
    import sqlite3

    from store.core import project as project_module

    monkeypatch.setattr(project_module, "KEEP_APART_WAIT_SECONDS", 0.05)
    project, colleague, article = _mine_and_theirs(tmp_path)
    path = project.path
    reader = sqlite3.connect(path)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM claims").fetchall()  # a snapshot held
        _put_in_place(colleague, path)
        assert project.keep_apart() is None  # not yet
        with pytest.raises(StorageError, match="save a copy of the project elsewhere"):
            appearances.create_claim(project, article, 20, 25, "verified")
        reader.rollback()
        copy = project.keep_apart()
        assert copy == tmp_path / "p-recovered.tahqiq" and _notes(copy) == ["mine"]
        assert _notes(path) == ["theirs"]
    finally:
        reader.close()
        project.close()
    assert _notes(path) == ["theirs"]


def test_a_copy_kept_apart_takes_a_name_no_file_and_no_log_holds(tmp_path):
    from store.core.project import _free_copy_name

    path = tmp_path / "p.tahqiq"
    assert _free_copy_name(path) == tmp_path / "p-recovered.tahqiq"
    (tmp_path / "p-recovered.tahqiq").write_bytes(b"")
    (tmp_path / "p-recovered-2.tahqiq-wal").write_bytes(b"x")  # a project renamed away's
    assert _free_copy_name(path) == tmp_path / "p-recovered-3.tahqiq"


@pytest.fixture
def open_project(qtbot, tmp_path, errors, tmp_path_factory):
    from gui.app import _windows, create_window

    path = tmp_path / "p.tahqiq"
    # (as seeding.open_or_create(path) makes it, by the tester: a copy of the worker's one)
    copy_of_new_project(tmp_path_factory, path, "tester", seeded=True)
    window = create_window(path, remember=False)  # (closed below: a switch deletes it)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for other in list(_windows):
        if other.isVisible():
            other.session.moved_away = False  # (the test's own files, gone)
            other.close()


def _box(name: str) -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name
                 and w.isVisible()), None)


def test_a_deleted_project_file_is_said_and_a_copy_keeps_the_work(open_project, qtbot,
                                                                   tmp_path, monkeypatch):
    """Deleted under the window (a sync client, a file manager), the project went on
    taking tags, said nothing, and lost them all when the window closed."""
    from gui.app import _windows

    window = open_project
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    for side in _side_files(window.session.path):
        side.unlink(missing_ok=True)
    tag_quote(window, "بوتين", "verified")  # still taken: it must not be lost
    qtbot.waitUntil(lambda: _box("projectMovedAway") is not None, timeout=5000)
    assert "moved or deleted" in window.windowTitle()
    box = _box("projectMovedAway")
    assert box.textFormat() == Qt.TextFormat.PlainText  # (a file name «<h1>…» was HTML)
    assert "p.tahqiq" in box.text()
    rescued = tmp_path / "elsewhere" / "rescued.tahqiq"
    rescued.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(rescued.with_suffix("")), "")))
    box.defaultButton().click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.session.path == rescued and "moved" not in now.windowTitle()
    text = now.article_pane.reader.plain_text()
    assert sorted(text[p.start:p.end] for p in now.session.places_in(now.current_article)) == \
        sorted(["بوتين", SAMPLE_QUOTE])


def test_a_project_file_replaced_under_the_window_goes_on_in_a_copy(open_project, qtbot,
                                                                   tmp_path, errors):
    """A sync client put a colleague's copy in place of the open file: the window kept
    tagging into a log the new file then shared (the command line read the two mixed),
    and said «moved, renamed or deleted» of a file plainly there. Its work is kept
    apart, in a copy it goes on in, and the colleague's file is left theirs."""
    from gui.app import _windows

    window = open_project
    path = window.session.path
    shutil.copy(path, tmp_path / "colleague.tahqiq")
    with Project.open(tmp_path / "colleague.tahqiq", "colleague") as theirs:
        article = theirs.conn.execute("SELECT id FROM articles ORDER BY created").fetchone()[0]
        appearances.create_claim(theirs, article, 100, 110, "verified", note="theirs")
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _put_in_place(tmp_path / "colleague.tahqiq", path)
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    assert any("was replaced by another file" in shown and "p-recovered.tahqiq" in shown
               for shown in errors)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.session.path == tmp_path / "p-recovered.tahqiq"
    assert [p.quote for p in appearances.list_appearances(stored(now))] == [
        SAMPLE_QUOTE]
    assert _notes(path) == ["theirs"]


@pytest.fixture
def where_unknown(monkeypatch):
    """Where a moved file went is not known (not Linux; moved to another disk: a copy)."""
    monkeypatch.setattr(Project, "moved_to", lambda self: None)


def test_a_project_file_renamed_under_the_window_is_followed(open_project, qtbot,
                                                             tmp_path, errors):
    """Renamed in a file manager while open («for-editor.tahqiq» before it is sent): the
    window said «moved, renamed or deleted… the work since may be lost» of a file that
    had every change, and its Save a Copy made a second project. It goes on there."""
    from gui.app import _windows

    window = open_project
    path = window.session.path
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    (tmp_path / "sent").mkdir()
    renamed = tmp_path / "sent" / "for-editor.tahqiq"
    path.rename(renamed)
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    assert any("was moved or renamed to" in shown and "for-editor.tahqiq" in shown
               for shown in errors)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.session.path == renamed and "moved" not in now.windowTitle()
    tag_quote(now, "بوتين", "verified")
    assert sorted(p.quote for p in appearances.list_appearances(stored(now))) == sorted(
        ["بوتين", SAMPLE_QUOTE])
    assert not any(Path(f"{path}{side}").exists() and Path(f"{path}{side}").stat().st_size
                   for side in ("", "-wal"))


def test_a_note_being_typed_when_the_file_is_replaced_goes_into_the_copy(open_project,
                                                                         qtbot, tmp_path):
    """Found by a review (rv62): the copy was made before the note being typed was
    saved, and the old window's close was then refused saving it: the note was lost."""
    from gui.app import _windows

    window = open_project
    path = window.session.path
    shutil.copy(path, tmp_path / "colleague.tahqiq")
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    window.claims_panel.editor.note.setPlainText("لم يقلها الوزير")  # not yet saved
    _put_in_place(tmp_path / "colleague.tahqiq", path)
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    assert [c.note for c in claims.list_claims(stored(now))] == ["لم يقلها الوزير"]


def test_a_dialog_open_when_the_file_is_replaced_is_left_to_be_closed(open_project, qtbot,
                                                                     tmp_path):
    """Found by a review (rv62): the switch to the copy deleted the window with a dialog
    open on it (Article Properties), and what was typed in it, and raised inside it. The
    window goes on in the copy once the dialog is closed."""
    from PySide6.QtWidgets import QDialog

    from gui.app import _windows

    window = open_project
    path = window.session.path
    shutil.copy(path, tmp_path / "colleague.tahqiq")
    dialog = QDialog(window)
    QTimer.singleShot(50, lambda: _put_in_place(tmp_path / "colleague.tahqiq", path))
    # Closed once the window has met the replacement under it and put off its switch a
    # few times (every 300 ms): it was a fixed 2.5 s, the poll's tick a second of it.
    window.session.fileReplaced.connect(
        lambda _copy: QTimer.singleShot(1000, dialog, dialog.accept))
    QTimer.singleShot(10000, dialog, dialog.accept)  # (never left open)
    dialog.exec()
    assert isValid(window) and isValid(dialog)  # not deleted under the person
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.session.path == tmp_path / "p-recovered.tahqiq"


def test_closing_on_a_moved_project_asks_first(open_project, qtbot, tmp_path, where_unknown):
    window = open_project
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    window.session.path.rename(tmp_path / "for-editor.tahqiq")
    window.session._check_file()
    qtbot.waitUntil(lambda: _box("projectMovedAway") is not None, timeout=5000)
    _box("projectMovedAway").close()  # Not Now

    def answer(button: str) -> None:
        box = _box("projectMovedAwayClosing")
        if box is None:
            QTimer.singleShot(20, lambda: answer(button))
            return
        for choice in box.buttons():
            if box.buttonRole(choice).name == button:
                choice.click()

    QTimer.singleShot(20, lambda: answer("RejectRole"))  # Cancel
    window.close()
    assert window.isVisible()
    QTimer.singleShot(20, lambda: answer("DestructiveRole"))  # Close Without Saving
    window.close()
    assert not window.isVisible()
    assert os.path.exists(tmp_path / "for-editor.tahqiq")


def test_a_window_closed_during_an_import_closes_once_it_is_stored(window, qtbot):
    """Closing the only window 0.3 s into an import ended the application and dropped
    the import unsaid; with another window open, the import landed later on the closed
    project: «Cannot operate on a closed database». The window now waits for the work."""
    import threading

    from gui.tasks import run_with_progress

    release, taken = threading.Event(), []
    run_with_progress(window, "Importing…", lambda progress: release.wait(10) and "stored",
                      taken.append, taken.append)
    window.close()
    assert window.isVisible() and "Importing…" in window.statusBar().currentMessage()
    release.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert taken == ["stored"]


def test_work_done_after_its_projects_window_closed_is_not_shown_there(window, qtbot):
    import threading

    from gui.tasks import run_with_progress

    release, taken = threading.Event(), []
    task = run_with_progress(window, "Exporting…", lambda progress: release.wait(10),
                             taken.append, taken.append)
    window.session.close()  # (the application quitting under it)
    with qtbot.waitSignal(task.done, timeout=5000):
        release.set()
    assert taken == []


def test_links_typed_and_not_added_are_added_when_the_window_closes(window, qtbot):
    """A link typed beside a claim, Add not pressed, stayed with that claim while the
    window was open and was gone once it closed. Text that is no link is left."""
    from store.core import appearances as places_of

    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    first = window.current_claim_id()
    editor.new_source.setText("https://example.org/un-record")
    tag_quote(window, "بوتين", "verified")
    second = window.current_claim_id()
    editor.new_source.setText("not a link")
    path = window.session.path
    window.close()
    with Project.open(path, "me") as project:
        sources = {place_id: places_of.get_appearance(project, place_id).sources
                   for place_id in (first, second)}
    assert sources == {first: ("https://example.org/un-record",), second: ()}



def _answer_when_asked(box_name: str, *roles: str, first=lambda: None) -> None:
    """Click the buttons of *roles*, one a time the box *box_name* is shown (*first*
    done before the first click)."""
    def answer() -> None:
        if (box := _box(box_name)) is None:
            QTimer.singleShot(20, answer)
            return
        first()
        next(b for b in box.buttons() if box.buttonRole(b).name == roles[0]).click()
        if roles[1:]:
            _answer_when_asked(box_name, *roles[1:])

    QTimer.singleShot(20, answer)


def _refuse_writes(window, monkeypatch) -> list[str]:
    """The project's claim writes refused, as when another program holds the file too
    long (a merge, a sync tool) or the disk is full, until the list returned is emptied."""
    real, refused = window.session.update_claim, ["busy"]

    def update_claim(claim_id, **changes):
        if refused:
            raise StorageError("The project is busy.")
        return real(claim_id, **changes)

    monkeypatch.setattr(window.session, "update_claim", update_claim)
    return refused


def test_a_note_that_could_not_be_saved_holds_the_close_until_it_is(window, qtbot, errors,
                                                                    monkeypatch):
    """Closed while another program held the file, the window said the note was not
    saved and closed anyway: the typing was gone. It asks; Cancel keeps it open, Try
    Again saves it once the file can be written, and closes."""
    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    refused = _refuse_writes(window, monkeypatch)
    editor.note.setPlainText("From the 2019 survey, table 4.")  # not yet saved
    path = window.session.path
    _answer_when_asked("typingNotSavedClosing", "RejectRole")  # Cancel
    window.close()
    assert window.isVisible() and errors == ["The project is busy."]
    assert editor.note.toPlainText() == "From the 2019 survey, table 4."
    _answer_when_asked("typingNotSavedClosing", "AcceptRole", first=refused.clear)  # Try Again
    window.close()
    assert not window.isVisible() and errors == ["The project is busy."] * 2
    with Project.open(path, "me") as project:
        assert [c.note for c in claims.list_claims(project)] == ["From the 2019 survey, table 4."]


def test_a_link_that_could_not_be_saved_is_tried_again_or_given_up(window, qtbot, errors,
                                                                   monkeypatch):
    """A link typed and not added, refused at the close, was gone the same way."""
    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    editor.new_source.setText("https://example.org/survey-2019")
    path = window.session.path
    # Try Again (the file still held), then Close Without Saving
    _answer_when_asked("typingNotSavedClosing", "AcceptRole", "DestructiveRole")
    window.close()
    assert not window.isVisible() and errors == ["The project is busy."] * 2
    with Project.open(path, "me") as project:
        assert [c.sources for c in claims.list_claims(project)] == [()]


def test_a_switch_to_another_project_asks_once_about_typing_not_saved(window, qtbot,
                                                                      errors, monkeypatch,
                                                                      tmp_path):
    """File ▸ Open of another project with a note refused: the other window opened, the
    old one's close asked, and Cancel left two windows open on two projects. It is asked
    before the other opens: Cancel switches nothing; Close Without Saving switches, not
    asked again at the close."""
    from PySide6.QtWidgets import QApplication

    from gui.app import switch_project
    from gui.mainwindow import MainWindow

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    window.claims_panel.editor.note.setPlainText("Table 4.")

    def windows() -> list:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]

    _answer_when_asked("typingNotSavedClosing", "RejectRole")  # Cancel
    switch_project(window, str(tmp_path / "other.tahqiq"), "en", new=True)
    assert windows() == [window] and not (tmp_path / "other.tahqiq").exists()
    assert window.claims_panel.editor.note.toPlainText() == "Table 4."
    _answer_when_asked("typingNotSavedClosing", "DestructiveRole")  # Close Without Saving
    switch_project(window, str(tmp_path / "other.tahqiq"), "en", new=True)
    assert not window.isVisible() and _box("typingNotSavedClosing") is None
    (other,) = windows()
    assert other.session.path == tmp_path / "other.tahqiq"
    other.close()


def test_the_loss_chosen_holds_for_its_close_only(window, qtbot, errors, monkeypatch):
    """Close Without Saving, then Cancel in «Project File Missing»: the window stayed, and
    a note refused an hour later was lost at the next close unasked (rv228)."""
    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    editor.note.setPlainText("first note")
    window.session.moved_away = True  # (a sync tool moved the file)
    monkeypatch.setattr(window.files, "copy_saved", False, raising=False)
    _answer_when_asked("typingNotSavedClosing", "DestructiveRole")
    _answer_when_asked("projectMovedAwayClosing", "RejectRole")
    window.close()
    assert window.isVisible()
    editor.note.setPlainText("second note, an hour of work")
    _answer_when_asked("typingNotSavedClosing", "RejectRole")  # Cancel: asked again
    window.close()
    assert window.isVisible() and editor.note.toPlainText() == "second note, an hour of work"
    window.session.moved_away = False
    window.typing_given_up = True  # (the fixture's own close)


def test_a_note_for_a_claim_deleted_since_offers_no_try_again(window, qtbot, errors):
    """A note typed on a claim another program deleted meanwhile: «Try again once the
    project can be written» was offered, and each try refused again (rv228). The box
    says why, and offers to close without it or to stay."""
    from store.core import claims

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    with Project.open(window.session.path, "colleague") as project:
        (claim,) = claims.list_claims(project)
        claims.delete_claim(project, claim.id)
    window.claims_panel.editor.note.setPlainText("Table 4 of the survey.")
    seen = []

    def answer() -> None:
        if (box := _box("typingNotSavedClosing")) is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(([box.buttonRole(b).name for b in box.buttons()], box.text()))
        next(b for b in box.buttons() if box.buttonRole(b).name == "RejectRole").click()

    QTimer.singleShot(20, answer)
    window.close()
    assert window.isVisible() and len(seen) == 1
    roles, text = seen[0]
    assert "AcceptRole" not in roles and "deleted since" in text
    window.typing_given_up = True


def test_a_language_switch_tries_a_refused_note_once(window, qtbot, errors, monkeypatch):
    """One language switch with a note refused showed the refusal twice (two writes)
    before asking (rv228)."""
    from gui.app import switch_project

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    window.claims_panel.editor.note.setPlainText("From the 2019 survey, table 4.")
    _answer_when_asked("typingNotSavedClosing", "RejectRole")  # Cancel
    switch_project(window, str(window.session.path), "ar")
    assert errors == ["The project is busy."] and window.isVisible()
    window.typing_given_up = True


def test_a_signal_ending_the_program_leaves_it_running_while_a_window_stays(
        window, qtbot, errors, monkeypatch):
    """SIGTERM with a note refused: Cancel in «Typing Not Saved» kept the window, and the
    program quit at once after, the note lost and the window's closing skipped (rv228)."""
    import os
    import signal

    from PySide6.QtWidgets import QApplication

    from gui.app import end_on_signals

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    window.claims_panel.editor.note.setPlainText("From the 2019 survey, table 4.")
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *_: quits.append(True))
    saved = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    asked = []
    _answer_when_asked("typingNotSavedClosing", "RejectRole", first=lambda: asked.append(1))
    try:
        end_on_signals(QApplication.instance())
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(asked), timeout=5000)
        qtbot.wait(200)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(-1)
    assert window.isVisible() and quits == []
    window.typing_given_up = True


def test_a_window_closed_while_an_import_asks_something_waits_for_the_answer(
        window, qtbot, monkeypatch, tmp_path):
    """An import reads its files, may ask about one (its encoding, a PDF repair, one it
    refuses), then stores them: closed while it asked, the window closed under the
    question and the storing began on a closed project."""
    from PySide6.QtCore import QEventLoop, QTimer

    from gui import dialogs

    seen: list[bool] = []

    def modal_error(parent, message, title=""):  # a box's own loop, as the user reads
        loop = QEventLoop()
        QTimer.singleShot(600, loop.quit)
        loop.exec()
        seen.append(window.isVisible())

    monkeypatch.setattr(dialogs, "show_error", modal_error)
    good = tmp_path / "good.txt"
    good.write_text("The minister said unemployment fell to five percent.\n" * 3,
                    encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    path = window.session.path
    window.files.import_paths([str(good), str(empty)])
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert seen == [True]  # still open while it asked
    with Project.open(path, "me") as project:
        assert any("minister" in row["title"] for row in articles.list_articles(project))


def test_a_project_file_put_back_is_no_longer_said_to_be_missing(open_project, qtbot,
                                                                   tmp_path, where_unknown):
    window = open_project
    path = window.session.path
    path.rename(tmp_path / "elsewhere.tahqiq")
    window.session._check_file()
    assert "moved or deleted" in window.windowTitle()
    _box("projectMovedAway").close()
    (tmp_path / "elsewhere.tahqiq").rename(path)
    window.session._check_file()
    assert "moved or deleted" not in window.windowTitle() and not window.session.moved_away
    window.close()  # nothing asked
    assert not window.isVisible()


def test_a_moved_projects_path_is_not_opened_by_the_windows_work(open_project, qtbot,
                                                                  tmp_path, errors):
    """The folder renamed by a sync client, an older copy put back at the old path: File
    ▸ Export wrote that copy's claims («Exported»), an import went into it, and after each
    tag the status bar said the path did not exist. Work that opens the file again is
    refused, saying why; Known Claims waits quietly."""
    window = open_project
    path = window.session.path
    older = tmp_path / "older.tahqiq"
    window.session.backup(older)
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    # The once-a-second look at the file would find the older copy and move the window's
    # work apart (a window of its own, an info): this is the work's own refusal, before
    # that look. Passed only while the test ended within its first second (a loaded CI
    # machine took longer).
    window.session._poll.stop()  # noqa: SLF001
    path.rename(tmp_path / "for-editor.tahqiq")
    older.rename(path)
    assert window.session.find_known_claims(window.current_article) is None
    target = tmp_path / "claims.csv"
    window.files.export("csv", target, None).wait(20)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "was moved, renamed or deleted while it was open" in errors[0]
    assert not target.exists()
    text = tmp_path / "article.txt"
    text.write_text("An English article imported into the window.", encoding="utf-8")
    window.files.import_paths([text])
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=10000)
    assert "was moved, renamed or deleted while it was open" in errors[1]
    assert window.article_model.rowCount() == 1


def test_closing_on_changes_left_beside_the_file_says_to_keep_them_together(
        open_project, monkeypatch, errors):
    """The window closed without a word when its last fold of the log stopped halfway
    (a nearly full disk: tests/reliability makes one), the file alone then unreadable."""
    from store.errors import Message

    window = open_project
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    project = window.session._project
    real_close = project.close
    note = Message("Not all of the work could be written into {name} itself (is the disk "
                   "full?): the rest is kept in {wal} beside it. Keep the two together, and "
                   "copy or send both, until Tahqiq has opened the project again with room "
                   "on the disk.", name="p.tahqiq", wal="p.tahqiq-wal")
    monkeypatch.setattr(project, "close", lambda: (real_close(), note)[1])
    window.close()
    assert len(errors) == 1 and "p.tahqiq-wal" in errors[0]
    assert "Keep the two together" in errors[0]


def test_a_followed_project_shares_its_log_with_other_programs_there(open_project, qtbot,
                                                                      tmp_path):
    """Found by a review (rv63): followed after a rename, the window's connection kept
    SQLite's index of the log under the old name (opened while the old connection was
    still open, it shares it by the file); a program opening the new name used another,
    and the two wrote over each other: the file read as damaged, every claim gone."""
    import subprocess
    import sys

    from gui.app import _windows

    window = open_project
    path = window.session.path
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    renamed = tmp_path / "for-editor.tahqiq"
    path.rename(renamed)
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    subprocess.run([sys.executable, "-c", "import sys; from store.core.project import "
                    "Project; from store.exchange import importing\n"
                    "with Project.open(sys.argv[1], 'colleague') as p:\n"
                    "    importing.import_text(p, 'عنوان\\n\\n' + 'نص عن الاقتصاد. ' * 2000, "
                    "repair_pdf=False, source_name='x')", str(renamed)],
                   check=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    tag_quote(now, "بوتين", "verified")
    now.session.fold_log()
    now.close()
    with Project.open(renamed, "reader", create=False) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert project.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert sorted(p.quote for p in appearances.list_appearances(project)) == sorted(
            ["بوتين", SAMPLE_QUOTE])


def test_a_note_being_typed_when_the_file_is_renamed_goes_with_it(open_project, qtbot,
                                                                   tmp_path):
    """Found by a review (rv63): as when replaced (rv62), but renamed: the note being
    typed was refused at the old window's close («go on there»), and lost."""
    window = open_project
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    window.claims_panel.editor.note.setPlainText("لم يقلها الوزير")  # not yet saved
    window.session.path.rename(tmp_path / "for-editor.tahqiq")
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    assert _notes(tmp_path / "for-editor.tahqiq") == ["لم يقلها الوزير"]


@pytest.mark.parametrize("how", ["replaced", "renamed"])
def test_a_workers_writes_after_its_file_left_are_refused(tmp_path, how):
    """Found by a review (rv63): an import under way when the file was replaced went on
    into the file no folder held any more, after the window's copy was made: 42 of 60
    articles said imported, and in no file."""
    project, colleague, article = _mine_and_theirs(tmp_path)
    path = project.path
    worker = Project.open(path, "me", create=False)
    worker.stays_at_path = True
    try:
        if how == "renamed":
            path.rename(tmp_path / "for-editor.tahqiq")
        else:
            _put_in_place(colleague, path)
        with pytest.raises(StorageError, match="nothing more was written"):
            appearances.create_claim(worker, article, 30, 35, "disputed", note="late")
    finally:
        worker.close()
        project.close()


def test_a_rename_followed_late_takes_no_more_writes_meanwhile(open_project, qtbot, tmp_path,
                                                                errors):
    """Found by a review (rv64): while the follow waited for work under way (an export in
    this window, or in a second Tahqiq window on the same project), tags went on into the
    log under the old name, unsaid, while a window already followed wrote the new name:
    its fold then wrote over the other's pages (the file damaged: «row 2 missing from
    index claims_live»), or the other's wrote over its tags (lost)."""
    window = open_project
    path = window.session.path
    under_way = window.session._worker_project()  # what an export holds for its run
    try:
        path.rename(tmp_path / "for-editor.tahqiq")
        # A tick of the poll (a fixed 1.5 s was waited): not followed yet, the export goes on
        with qtbot.waitSignal(window.session._poll.timeout, timeout=5000):
            pass
        tag_quote(window, SAMPLE_QUOTE, "disputed")
        assert "once the work under way ends" in errors[-1]
        assert window.session._project.conn.execute("SELECT count(*) FROM claims"
                                                    ).fetchone()[0] == 0
    finally:
        under_way.close()
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    assert "It holds all the work" in errors[-1]


def test_a_followed_project_keeps_the_claim_in_view(open_project, qtbot, tmp_path):
    """Found by a review (rv64): followed to its new name, the window came back with no
    claim chosen (its note, being read or typed, gone from view), as another project."""
    from gui.app import _windows

    window = open_project
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    chosen = window.current_claim_id()
    assert chosen is not None
    window.session.path.rename(tmp_path / "for-editor.tahqiq")
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.current_claim_id() == chosen


def test_a_language_changed_just_after_a_rename_makes_no_empty_project(open_project, qtbot,
                                                                       tmp_path, monkeypatch):
    """Found by a review (rv64): the interface's language changed within a second of a
    rename (before the window followed it) offered to make an empty project at the old
    path, and Yes made one, the window showing it with no word about the move."""
    from gui import dialogs
    from gui.app import _windows

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: (
        asked.append(question), True)[1])
    window = open_project
    path = window.session.path
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    path.rename(tmp_path / "for-editor.tahqiq")
    window.reopenRequested.emit("en")
    assert asked == [] and not path.exists()
    assert "just moved or renamed" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=5000)
    (now,) = [w for w in _windows if w.isVisible()]
    assert now.session.path == tmp_path / "for-editor.tahqiq"



def test_switching_to_an_older_project_says_it_is_upgrading_while_it_is(
        window, tmp_path, monkeypatch):
    """An older project's upgrade runs on the window's thread (17-38 s at 100,000 notes):
    the window said nothing and seemed frozen. Its opening shows a waiting cursor, and
    the window's status bar says it is upgrading (rv262)."""
    from PySide6.QtGui import QGuiApplication

    from gui.app import switch_project
    from gui.session import Session
    from store.core import schema

    path = tmp_path / "old.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        Project.open(path, "tester").close()
    seen = []
    opened = Session.open

    def open_seen(*args):
        cursor = QGuiApplication.overrideCursor()
        seen.append((cursor and cursor.shape(), window.statusBar().currentMessage()))
        return opened(*args)

    monkeypatch.setattr(Session, "open", open_seen)
    switch_project(window, str(path), "en")
    assert seen == [(Qt.CursorShape.WaitCursor,
                     "Upgrading \u2068old.tahqiq\u2069 from an older Tahqiq…")]
    assert QGuiApplication.overrideCursor() is None
    (other,) = [w for w in QApplication.topLevelWidgets()
                if w is not window and w.isVisible() and hasattr(w, "session")]
    assert other.session.upgraded is not None
    other.close()


def test_starting_on_an_older_default_project_shows_the_waiting_cursor(qtbot, monkeypatch):
    """`tahqiq` with no file opens the default project: of an older schema, its upgrade
    ran with no waiting cursor, where the same project named on the command line has one
    (rv266)."""
    from PySide6.QtGui import QGuiApplication

    from gui.app import create_window
    from gui.session import Session
    from store.core import schema
    from store.core.paths import default_project_path

    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        seeding.open_or_create(path, "tester").close()
    seen = []
    opened = Session.open

    def open_seen(*args):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor and cursor.shape())
        return opened(*args)

    monkeypatch.setattr(Session, "open", open_seen)
    window = create_window(None, "en", remember=False)
    try:
        assert seen == [Qt.CursorShape.WaitCursor]
        assert QGuiApplication.overrideCursor() is None
        assert window.session.path == path and window.session.upgraded is not None
    finally:
        window.close()
