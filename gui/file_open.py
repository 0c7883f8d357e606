"""Projects the system hands to a running Tahqiq: a .tahqiq double-clicked in the macOS
Finder while Tahqiq is open arrives as a QFileOpenEvent, not as a new process.

(The first double-click starts Tahqiq with the file in argv: the bundle's argv
emulation turns that first Apple event into an argument.)

Qt sends that event to the application object, so Tahqiq's application takes it in its
own ``event()``. Not in an event filter installed on the application: such a filter is
handed every event of every object, each converted for Python - hundreds before the
window's first paint, and PySide made the Python type of every kind of object that
sent one (a tenth of the window's start-up).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from store.core.paths import PROJECT_SUFFIX


class Application(QApplication):
    """Tahqiq's QApplication: opens each .tahqiq the system sends it with
    :attr:`open_project`, once the launcher has set it."""

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.open_project: Callable[[str], object] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and self.open_project is not None \
                and open_sent_project(event, self.open_project):
            return True
        return super().event(event)


def open_sent_project(event: QEvent, open_project: Callable[[str], object]) -> bool:
    """Open the project a QFileOpenEvent names with *open_project*; False (and nothing
    opened) for any other event or file, which Qt then handles as it would."""
    if not isinstance(event, QFileOpenEvent):
        return False
    path = event.file()
    if not path.endswith(PROJECT_SUFFIX):
        return False
    open_project(path)
    return True
