"""Projects the system hands to a running Tahqiq: a .tahqiq double-clicked in the macOS
Finder while Tahqiq is open arrives as a QFileOpenEvent, not as a new process.

(The first double-click starts Tahqiq with the file in argv: the bundle's argv
emulation turns that first Apple event into an argument.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from store.core.paths import PROJECT_SUFFIX


class FileOpenHandler(QObject):
    """Installed on the QApplication: opens each .tahqiq it is sent with *open_project*."""

    def __init__(self, open_project: Callable[[str], object], parent: QObject | None = None):
        super().__init__(parent)
        self._open_project = open_project

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file()
        if not path.endswith(PROJECT_SUFFIX):
            return False
        self._open_project(path)
        return True
