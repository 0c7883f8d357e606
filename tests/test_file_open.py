"""A .tahqiq the system hands to a running Tahqiq (macOS Finder) opens in a new window."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFileOpenEvent

from gui import app as app_module
from gui.file_open import FileOpenHandler
from store.exchange import seeding


def test_a_project_sent_by_the_system_opens_in_a_new_window(qtbot, tmp_path, errors):
    path = tmp_path / "sent.tahqiq"
    seeding.open_or_create(path).close()
    before = list(app_module._windows)
    handler = FileOpenHandler(app_module.show_window)
    assert handler.eventFilter(QObject(), QFileOpenEvent(str(path)))
    opened = [window for window in app_module._windows if window not in before]
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    assert opened[0].isVisible() and opened[0].windowTitle().startswith("sent.tahqiq")
    assert errors == []


def test_other_files_are_left_to_qt(qtbot, tmp_path):
    before = list(app_module._windows)
    handler = FileOpenHandler(app_module.show_window)
    assert not handler.eventFilter(QObject(), QFileOpenEvent(str(tmp_path / "a.txt")))
    assert app_module._windows == before
