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
    # Qt does not hide a dock behind another's tab: it leaves it visible, moved off the
    # window, and so in the Tab chain (Tab from the Articles list went into the Search
    # field behind it, where the person saw no focus and their typing went). Its contents
    # are hidden while its tab is not chosen, as QTabWidget hides the pages not shown,
    # keeping their size so the docks are laid out as before.
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    dock.visibilityChanged.connect(widget.setVisible)
    window.addDockWidget(area, dock)
    return dock

