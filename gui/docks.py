"""Side panels of the main window, placed for the interface's reading direction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

Area = Qt.DockWidgetArea
_MIRROR = {Area.LeftDockWidgetArea: Area.RightDockWidgetArea,
           Area.RightDockWidgetArea: Area.LeftDockWidgetArea}


def add_dock(window: QMainWindow, title: str, name: str, widget: QWidget, area: Area
             ) -> QDockWidget:
    """A dock on *area* as an English reader sees it: QMainWindow mirrors its menus and
    toolbars in a right-to-left interface but not its dock areas, so an Arabic reader
    would find the list of articles at the end of their line instead of its start."""
    if window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        area = _MIRROR.get(area, area)
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock
