"""Esc goes back to the article from the panels around it.

The article is where the work is done: from the note, a link, the review comment and
the find bar, Esc already went back to it, but from the project search, the claims'
filter and list, the verdict box and the known claims it did nothing, and a person
working by keyboard had to Tab round the window. Enter on the article list, whose
arrows already open the article, takes the keyboard into it too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class BackToArticle(QObject):
    """Watches widgets for the keys that go back to *reader*."""

    def __init__(self, reader: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._reader = reader
        self._enter_too: set[QObject] = set()

    def watch(self, *widgets: QWidget, enter: bool = False) -> None:
        """Esc in each of *widgets* goes to the article; with *enter*, Enter too. A panel
        watched hears the Esc its fields leave to it (a field that uses Esc, the note,
        keeps it)."""
        for widget in widgets:
            widget.installEventFilter(self)
            if enter:
                self._enter_too.add(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape or (
                watched in self._enter_too and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # (from a floating panel, its window is the active one: the article's first)
            self._reader.window().activateWindow()
            self._reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return False
