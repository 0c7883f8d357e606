"""Projects the system hands to a running Tahqiq: a .tahqiq double-clicked in the macOS
Finder while Tahqiq is open arrives as a QFileOpenEvent, not as a new process.

(The first double-click starts Tahqiq with the file in argv: the bundle's argv
emulation turns that first Apple event into an argument.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenHandler(QObject):
    """Installed on the QApplication: opens each .tahqiq it is sent in a new window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file()
        if not path.endswith(".tahqiq"):
            return False
        from gui.app import open_window  # gui.app installs this handler

        window = open_window(path)
        if window is not None:
            window.show()
        return True
