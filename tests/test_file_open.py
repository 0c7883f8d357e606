"""A .tahqiq the system hands to a running Tahqiq (macOS Finder) opens in a new window."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent

from gui import app as app_module
from gui.file_open import open_sent_project
from store.exchange import seeding


def test_a_project_sent_by_the_system_opens_in_a_new_window(qtbot, tmp_path, errors):
    path = tmp_path / "sent.tahqiq"
    seeding.open_or_create(path).close()
    before = list(app_module._windows)
    assert open_sent_project(QFileOpenEvent(str(path)), app_module.show_window)
    opened = [window for window in app_module._windows if window not in before]
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    assert opened[0].isVisible() and opened[0].windowTitle().startswith("sent.tahqiq")
    assert errors == []


def test_other_files_are_left_to_qt(qtbot, tmp_path):
    before = list(app_module._windows)
    assert not open_sent_project(QFileOpenEvent(str(tmp_path / "a.txt")),
                                 app_module.show_window)
    assert not open_sent_project(QEvent(QEvent.Type.FileOpen), app_module.show_window)
    assert app_module._windows == before


def test_the_application_takes_a_file_open_event_sent_to_it(tmp_path):
    """In a fresh process, since ensure_app makes Tahqiq's application: a QFileOpenEvent
    sent to it reaches open_project (it is handled in the application's own event(), not
    in a filter that would see every event of every object)."""
    probe = ("import sys; from PySide6.QtCore import QCoreApplication; "
             "from PySide6.QtGui import QFileOpenEvent; from gui.app import ensure_app; "
             "app = ensure_app(); opened = []; app.open_project = opened.append; "
             "taken = [QCoreApplication.sendEvent(app, QFileOpenEvent(p)) for p in sys.argv[1:]]; "
             "print(taken, opened)")
    project, other = str(tmp_path / "sent.tahqiq"), str(tmp_path / "a.txt")
    result = subprocess.run([sys.executable, "-c", probe, project, other], capture_output=True,
                            text=True, timeout=60,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"{[True, False]} {[project]}"


def test_open_recent_tells_projects_of_one_name_apart(window, tmp_path):
    """Two «project.tahqiq» from two folders read the same in File ▸ Open Recent, the
    tooltip with the path never shown."""
    from PySide6.QtWidgets import QMenu

    from gui import settings

    paths = [tmp_path / folder / "project.tahqiq" for folder in ("desk", "home")]
    paths.append(tmp_path / "other.tahqiq")
    for path in paths:
        path.parent.mkdir(exist_ok=True)
        seeding.open_or_create(path).close()
        settings.add_recent_project(path)
    menu = QMenu()
    window.files.fill_recent_menu(menu)
    shown = {action.text(): action.toolTip() for action in menu.actions()}
    assert shown["other.tahqiq"] == str(paths[2].resolve())
    assert sum(text.startswith("project.tahqiq") for text in shown) == 2
    assert all(str(path.parent.resolve()) in text for path in paths[:2]
               for text, tip in shown.items() if tip == str(path.resolve()))
    assert menu.toolTipsVisible()
    # the folder isolated left to right: in Arabic its slashes moved to its other end
    assert all(f"\u2066{path.parent.resolve()}\u2069" in " ".join(shown) for path in paths[:2])


@pytest.mark.parametrize("name", ["الانتخابات 2026.tahqiq", "evil\u202eqiqhat.tahqiq"])
def test_an_arabic_projects_name_keeps_the_title_and_menu_in_their_order(
        qtbot, errors, tmp_path, name):
    """The English title of «الانتخابات 2026.tahqiq» read «tahqiq — Tahqiq.2026
    الانتخابات», laid out from the right, and a name holding an override turned the
    title and its Open Recent item backwards (rv93). The name is set apart."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu
    from test_gui_arabic import drawn_left_to_right

    from gui import settings
    from gui.app import create_window

    path = tmp_path / name
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    drawn = drawn_left_to_right(window.windowTitle(), Qt.LayoutDirection.LayoutDirectionAuto)
    assert drawn.endswith(" — Tahqiq") and "\u202e" not in window.windowTitle()
    settings.add_recent_project(path)
    menu = QMenu()
    window.files.fill_recent_menu(menu)
    item = next(a.text() for a in menu.actions() if a.toolTip() == str(path.resolve()))
    assert "\u202e" not in item and item.startswith("\u2068")


def test_the_recent_projects_are_written_aside_and_none_is_lost(tmp_path, monkeypatch):
    """Writing the recent projects (QSettings waits for the disk to have its file) held
    the window just shown for half a second while the disk wrote a big copy: it is
    written on a thread of its own, and two at once both land."""
    import threading
    import time

    from gui import settings

    real, started = settings.settings, threading.Event()

    def slow_settings():
        started.set()
        time.sleep(0.3)  # a disk still busy
        return real()

    first, second = tmp_path / "a.tahqiq", tmp_path / "b.tahqiq"
    for path in (first, second):
        path.write_bytes(b"")
    monkeypatch.setattr(settings, "settings", slow_settings)
    began = time.perf_counter()
    threads = [settings.add_recent_project_aside(first),
               settings.add_recent_project_aside(second)]
    assert time.perf_counter() - began < 0.2 and started.wait(5)
    for thread in threads:
        thread.join(10)
    monkeypatch.setattr(settings, "settings", real)
    assert set(settings.recent_projects()[:2]) == {str(first.resolve()), str(second.resolve())}
