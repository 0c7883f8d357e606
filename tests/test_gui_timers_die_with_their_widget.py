"""A moment-later call a widget queued dies with the widget.

`QTimer.singleShot(0, widget.method)` with no context object calls the method even after
the widget was deleted (a project switched: its window deleted): PySide then raises
«Internal C++ object already deleted» in the event loop (fx133 met it in the claims list's
resize). Queued with the widget as context, the call is dropped with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import delete, isValid


def test_the_claims_list_resized_then_deleted_calls_nothing_on_it(window, qtbot):
    panel = window.claims_panel
    qtbot.waitUntil(lambda: panel._editor_sized and panel._splitter_ours)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    viewport = panel.view.viewport()
    calls = []
    keep = type(panel)._keep_least_rows
    try:  # (counted, so the test knows the resize queued it)
        type(panel)._keep_least_rows = lambda self: (calls.append(self), keep(self))
        for _ in range(2):
            panel.eventFilter(viewport, QResizeEvent(QSize(300, 200), QSize(300, 180)))
        QApplication.processEvents()
        assert len(calls) == 2  # queued, and called while the list is there
        panel.eventFilter(viewport, QResizeEvent(QSize(300, 220), QSize(300, 200)))
        delete(window)  # (as a project switched deletes its window)
        assert not isValid(panel)
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        type(panel)._keep_least_rows = keep
    assert len(calls) == 2  # dropped with its list, not called on it deleted
