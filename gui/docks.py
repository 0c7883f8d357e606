"""Side panels of the main window, placed for the interface's reading direction."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
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
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # hidden behind a tab, it sizes the docks as shown
    widget.setSizePolicy(policy)
    dock.installEventFilter(_HiddenBehindTab(dock))
    window.addDockWidget(area, dock)
    return dock


def _behind_another_tab(dock: QDockWidget) -> bool:
    """Whether *dock* is tabified with others and another's tab is the one shown. Qt does
    not hide such a dock: it leaves it visible and moves it off the window, to negative
    coordinates (QWidgetAnimator), as its own layout tells it apart too."""
    geometry = dock.geometry()
    return not dock.isFloating() and (geometry.right() < 0 or geometry.bottom() < 0)


class _HiddenBehindTab(QObject):
    """Hides a dock's contents while another dock's tab covers it, and shows them again
    when its tab is chosen, as QTabWidget hides the pages not shown. Left visible off the
    window, they were in the Tab chain: Tab from the Articles list went into the Search
    field behind it, where the person saw no focus and their typing went. Hidden, Tab
    passes them by. A dock moves whenever its tab is chosen or left (and when the window's
    first layout places it), so its moves are watched; the contents keep their size when
    hidden, so the docks are laid out as before."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Move, QEvent.Type.Show) \
                and isinstance(watched, QDockWidget) and watched.widget() is not None:
            watched.widget().setVisible(not _behind_another_tab(watched))
        return False
