"""The next morning: what a window keeps for the next one when the program is ended from
outside (a logout, a shutdown), and the recent projects on a disk not plugged in (rv70)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import os, sys
from PySide6.QtCore import QTimer
from gui import app as gapp

real = gapp.ensure_app
def ensure(argv=None):
    application = real(argv)
    def act():
        if not gapp._windows:
            QTimer.singleShot(100, act)
            return
        window = gapp._windows[-1]
        window.show_article(sys.argv[2])
        window.select_claim(sys.argv[3])
        editor = window.claims_panel.editor
        editor.note.setFocus()
        editor.note.insertPlainText("checked the ILO figures")  # (its timer not run yet)
        print("READY", flush=True)
    QTimer.singleShot(300, act)
    return application
gapp.ensure_app = ensure
sys.exit(gapp.main([sys.argv[1]]))
"""


def _project(tmp_path: Path) -> tuple[Path, str, str]:
    from store.core import appearances
    from store.core.project import Project
    from store.exchange.importing import import_text

    path = tmp_path / "story.tahqiq"
    project = Project.open(path, "tester")
    import_text(project, "الخبر الأول\n\nوقع بوتين اتفاقا مع كيم جونغ أون.")
    second = import_text(project, "Second story\n\nUnemployment fell to 5 percent.")
    text = second.article.text
    start = text.index("Unemployment")
    claim = appearances.create_claim(project, second.article_id, start, start + 12,
                                     "disputed").id
    project.close()
    return path, second.article_id, claim


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM ends a Windows program outright")
@pytest.mark.parametrize("sent", ["SIGTERM", "SIGINT"])  # (SIGINT: Ctrl+C in its terminal)
def test_a_window_ended_by_sigterm_keeps_the_note_and_where_it_was(tmp_path, sent):
    from store.core.project import Project

    path, article, claim = _project(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               TAHQIQ_USER="tester")
    (Path(env["XDG_CONFIG_HOME"]) / "tahqiq").mkdir(parents=True, exist_ok=True)
    (Path(env["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json").write_text(
        '{"annotator": "tester"}', encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), article, claim],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "READY"
        time.sleep(0.2)
        child.send_signal(getattr(signal, sent))  # what a logout or a shutdown sends
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    project = Project.open(path, "tester", create=False)
    try:
        note = project.conn.execute(
            "SELECT c.note FROM appearances a JOIN claims c ON c.id = a.claim_id "
            "WHERE a.id = ?", [claim]).fetchone()[0]
    finally:
        project.close()
    assert note == "checked the ILO figures"

    from gui import settings
    assert settings.last_place(path) == (article, claim)


def test_a_recent_project_on_a_disk_not_plugged_in_stays_in_the_list(tmp_path):
    from gui import settings

    stick = tmp_path / "stick"
    stick.mkdir()
    here, there = tmp_path / "here.tahqiq", stick / "story.tahqiq"
    for path in (here, there):
        path.write_bytes(b"")
    settings.add_recent_project(there)
    stick.rename(tmp_path / "unplugged")
    settings.add_recent_project(here)  # a morning the stick was not in
    assert settings.recent_projects() == [str(here.resolve())]
    (tmp_path / "unplugged").rename(stick)
    assert settings.recent_projects() == [str(here.resolve()), str(there.resolve())]


def test_a_recent_project_that_cannot_be_reached_now_is_left_out_of_the_menu_not_raised(
        tmp_path, monkeypatch):
    """rv181: Path.exists raises (Python 3.11) for a folder that cannot be searched or a
    stale network mount (ENOTCONN): Open Recent listed nothing, every time it opened.
    Left out while it cannot be reached, kept for when it can."""
    import errno

    from gui import settings

    mount = tmp_path / "mount"
    mount.mkdir()
    here, there = tmp_path / "here.tahqiq", mount / "story.tahqiq"
    for path in (there, here):
        path.write_bytes(b"")
        settings.add_recent_project(path)
    real, gone = os.stat, str(mount.resolve())

    def stat(path, *args, **kwargs):
        if str(path).startswith(gone):
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    assert settings.recent_projects() == [str(here.resolve())]
    monkeypatch.setattr(os, "stat", real)
    assert settings.recent_projects() == [str(here.resolve()), str(there.resolve())]


def test_where_the_work_is_is_kept_soon_after_it_changes_not_only_on_closing(qtbot, tmp_path,
                                                                              monkeypatch):
    """rv70: the article and claim a window showed were kept only when it closed: after
    kill -9 or a dead battery it reopened on the first article, nothing chosen. They
    are kept a moment after they change."""
    from conftest import tag_quote, window_of_two_pasted

    from gui import mainwindow, settings

    monkeypatch.setattr(mainwindow, "KEEP_PLACE_MS", 50)
    path = tmp_path / "desk.tahqiq"
    window, second = window_of_two_pasted(qtbot, path, "First story: ministers met on Monday.",
                                          "Second story: unemployment fell to 5 percent.")
    tag_quote(window, "unemployment fell", "disputed")
    chosen = window.current_claim_id()
    qtbot.waitUntil(lambda: settings.last_place(path) == (second, chosen), timeout=5000)
    window.show_article(window.article_model.first_id())
    qtbot.waitUntil(lambda: settings.last_place(path)[0] != second, timeout=5000)
    # The settings file is written when the place changed, not at every claim chosen
    # (rv77: every tag chooses its new claim; 13 ms on the window's thread each time)
    written: list[tuple] = []
    real = settings.remember_place
    monkeypatch.setattr(settings, "remember_place",
                        lambda *args, **kw: (written.append(args), real(*args, **kw)))
    window.show_article(second)
    window.select_claim(chosen)
    qtbot.waitUntil(lambda: len(written) == 1, timeout=5000)
    window._keep_place_soon.start()  # as a tag's new claim chosen starts it: nothing new
    qtbot.wait(300)
    assert len(written) == 1
    window.close()


def test_a_review_comment_typed_and_not_filed_waits_for_the_next_window(qtbot, tmp_path):
    """rv70: an editor's reason for a rejection, typed and not yet filed, was dropped
    without a word when the window closed, and when it was made again in Arabic. It
    waits with its claim, as a mail program keeps a draft."""
    from conftest import tag_quote

    from gui.app import create_window

    path = tmp_path / "desk.tahqiq"
    window = create_window(path)
    qtbot.addWidget(window)
    window.files.paste_as_article("Unemployment fell to 5 percent, the minister said.")
    tag_quote(window, "Unemployment fell", "disputed")
    chosen = window.current_claim_id()
    window.claims_panel.editor.review_comment.setText("Reuters says 6 percent")
    again = create_window(path, language="ar")
    qtbot.addWidget(again)
    again.take_place_of(window)  # as a switch of language makes it
    assert again.claims_panel.editor.review_comment.text() == "Reuters says 6 percent"
    window.close()
    again.close()
    later = create_window(path, language="en")
    qtbot.addWidget(later)
    assert later.current_claim_id() == chosen
    assert later.claims_panel.editor.review_comment.text() == "Reuters says 6 percent"
    later.close()


def test_a_second_window_on_the_project_keeps_the_first_ones_review_comments(qtbot,
                                                                             tmp_path):
    """rv181: a project opened twice (double-clicked again): the window closed last kept
    only its own review comments, and the other's, typed and kept, were gone. A window
    drops only the comments it filed or cleared itself."""
    from conftest import tag_quote

    from gui import settings
    from gui.app import create_window

    path = tmp_path / "desk.tahqiq"
    first = create_window(path)
    qtbot.addWidget(first)
    first.files.paste_as_article("Unemployment fell to 5 percent, the minister said.")
    tag_quote(first, "Unemployment fell", "disputed")
    chosen = first.current_claim_id()
    claim = first.session.appearance(chosen).claim_id
    second = create_window(path)  # (before the comment: it has none)
    qtbot.addWidget(second)
    first.claims_panel.editor.review_comment.setText("Reuters says 6 percent")
    first.close()
    second.close()
    assert settings.review_drafts(path) == {claim: "Reuters says 6 percent"}
    third = create_window(path)
    qtbot.addWidget(third)
    third.select_claim(chosen)
    assert third.claims_panel.editor.review_comment.text() == "Reuters says 6 percent"
    third.claims_panel.editor.review_comment.setText("")  # cleared here: gone
    third.close()
    assert settings.review_drafts(path) == {}


def test_a_second_window_writes_back_only_the_review_comments_it_changed(qtbot, tmp_path,
                                                                         errors):
    """rv186: a window wrote back every comment it held, those it took at its start too:
    one filed in the other window since came back, unfiled, at the next start, and one
    changed there went back to its old words. A window writes the comments it typed,
    changed, filed or cleared; the others stay as the file has them."""
    from gui import settings
    from gui.app import create_window
    from store.core import appearances
    from store.core.project import Project
    from store.exchange.importing import import_text

    path = tmp_path / "desk.tahqiq"
    with Project.open(path, "colleague", create=True) as colleague:
        article = import_text(colleague, "Story\n\nUnemployment fell to 5 percent, the "
                                         "minister said, and prices rose by 2 percent.")
        filed, reworded = (appearances.tag_quote(colleague, article.article_id, quote,
                                                 "disputed") for quote in
                           ("Unemployment fell", "prices rose"))
    first = create_window(path)
    qtbot.addWidget(first)
    first.show_article(article.article_id)
    for place, comment in ((filed, "Reuters says 6 percent"), (reworded, "The index says 3")):
        first.select_claim(place.id)
        first.claims_panel.editor.review_comment.setText(comment)
    first._keep_where()  # (as _keep_place_soon does a moment later)
    second = create_window(path)  # (double-clicked again: it takes both comments)
    qtbot.addWidget(second)
    assert sorted(second.claims_panel.editor.review_drafts.values()) == [
        "Reuters says 6 percent", "The index says 3"]
    first.claims_panel.editor.review_comment.setText("The index says 3.1")
    first.select_claim(filed.id)
    first.review_tools.review("reject")  # filed, with its comment
    first.close()
    assert list(settings.review_drafts(path).values()) == ["The index says 3.1"]
    second.close()  # (it changed neither)
    assert list(settings.review_drafts(path).values()) == ["The index says 3.1"]
    third = create_window(path)
    qtbot.addWidget(third)
    fourth = create_window(path)
    qtbot.addWidget(fourth)
    fourth.select_claim(reworded.id)
    fourth.claims_panel.editor.review_comment.setText("The index says 3.2")
    fourth.close()  # changed there: written
    third.close()
    assert list(settings.review_drafts(path).values()) == ["The index says 3.2"]
    assert errors == []


def test_a_name_kept_and_no_longer_readable_is_asked_again_saying_why(qapp, monkeypatch):
    """rv70: a damaged annotator.json asked «Who is tagging?» as on a first run, the login
    name offered: Enter made the same person a second annotator. The question says the
    name kept cannot be read, and offers no other name."""
    from PySide6.QtWidgets import QInputDialog

    from gui import dialogs
    from store.core import stamps

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda _parent, _title, label, _echo, text:
                        (asked.append((label, text)), ("", False))[1])
    kept = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json"
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(b'{"annotator": "Layla Had')  # cut short
    assert stamps.unreadable_name_file() == kept
    unreadable = stamps.unreadable_name_file()
    dialogs.ask_annotator(None, "", str(unreadable))
    assert str(kept) in asked[0][0] and asked[0][1] == ""
    kept.write_text('{"annotator": "Layla Haddad"}', encoding="utf-8")
    assert stamps.unreadable_name_file() is None


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGHUP on Windows")
def test_a_window_started_under_nohup_outlives_its_terminal():
    """rv77: `nohup tahqiq story.tahqiq &`: the terminal closing sends SIGHUP, which nohup
    has the program ignore; the window closed with it (end_on_signals took SIGHUP back)."""
    probe = ("import signal\n"
             "signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup leaves it\n"
             "from gui import app\n"
             "application = app.ensure_app()\n"
             "app.end_on_signals(application)\n"
             "print(signal.getsignal(signal.SIGHUP) is signal.SIG_IGN,\n"
             "      signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                                 PYTHONPATH=str(ROOT)))
    assert result.stdout.split() == ["True", "True"], result.stderr


def test_a_name_file_in_a_folder_that_cannot_be_searched_is_said_not_raised(monkeypatch):
    """rv80: Path.exists raises PermissionError (Python 3.11) when the folder cannot be
    searched (~/.config/tahqiq left by `sudo tahqiq`, mode 700): every command failed
    «tahqiq: error: Permission denied», and the window did not open."""
    import errno

    from store.core import stamps

    real = stamps.name_file()

    class Denied(type(real)):
        def stat(self, *args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))

        def read_bytes(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(stamps, "name_file", lambda: Denied(real))
    assert stamps.unreadable_name_file() == Path(real)


def test_closing_writes_the_settings_file_once(window, monkeypatch):
    """fx124: the layout and the place were each written with their own QSettings.sync,
    which writes the whole file and waits for the disk: every window closed waited for
    it twice. Written once, both are there for the next window."""
    from gui import settings

    synced: list[str] = []
    real = settings.write_now

    def write_now(store):
        # (the recent projects' own thread, started at the first paint, writes too)
        if threading.current_thread() is threading.main_thread():
            synced.append(store.fileName())
        real(store)

    monkeypatch.setattr(settings, "write_now", write_now)
    article = window.current_article
    path = window.session.path
    window.close()
    assert len(synced) == 1
    assert settings.last_place(path)[0] == article
    assert settings.bytes_value("window/geometry") == window.saveGeometry()
    assert settings.bytes_value(window._state_key()) == window.saveState()
