"""Side panels of the main window, placed for the interface's reading direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget
from shiboken6 import getCppPointer

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
    # The contents fill their own background (the window's colour, as the dock's): Qt
    # paints what lies under a widget it updates up to the nearest opaque one, and with
    # the dock that was the window itself, the dock's title drawn again each time, for a
    # scroll bar's 14 px or a label's line (about 0.35 ms of each tag, per panel).
    widget.setAutoFillBackground(True)
    window.addDockWidget(area, dock)
    return dock


class SideWidths(QObject):
    """Each side's panels keep their share of the window's width as it is resized.

    QMainWindow gives a window's new width to the article alone and keeps the panels'
    widths: a window made small squeezed the claims panel («Fi…», columns gone) and, made
    large again, left it squeezed. So the panels' shares are kept instead: set by the
    user dragging a panel's edge (or showing and hiding panels), and applied whenever the
    window's width changes. A share is never taken from a width Qt gave the panel while
    fitting the window, so a narrow moment (and its clamps) is not remembered."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget]):
        """*docks*: the window's panels (asked of Qt with findChildren, the window's
        481 objects got their Python wrappers and types made: 1.6 ms of start-up)."""
        super().__init__(window)
        self._window = window
        self.docks = docks
        self._width = window.width()
        self._fitting = False
        self.shares: dict[Area, float] = {}
        window.installEventFilter(self)
        for dock in docks:
            dock.installEventFilter(self)

    def set_shares(self, shares: dict[Area, float]) -> None:
        """Give each side its share of the window's width (a saved or a first layout)."""
        self.shares = {area: share for area, share in shares.items() if 0 < share < 1}
        self.fit()

    def fit(self) -> None:
        self._width = self._window.width()
        docks, widths = [], []
        for area, share in self.shares.items():
            if (dock := self._shown_on(area)) is not None:
                docks.append(dock)
                widths.append(round(share * self._width))
        if docks:
            self._fitting = True
            try:
                self._window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
                # The layouts this asks for, done now, while fitting: the article's
                # legend wraps to another row at a narrow width and the window is laid
                # out again, which then took a clamped panel's width for its share.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            finally:
                self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's
        if event.type() == QEvent.Type.Resize and self._window.isVisible():
            if watched is self._window:
                if self._window.width() != self._width:
                    self.fit()
            elif not self._fitting and self._window.width() == self._width and \
                    isinstance(watched, QDockWidget) and self._is_side(watched):
                self.shares[self._window.dockWidgetArea(watched)] = \
                    watched.width() / max(self._width, 1)
        return False

    def _is_side(self, dock: QDockWidget) -> bool:
        """A panel shown at a side (a tab not chosen is visible, moved off the window)."""
        return (dock.isVisible() and not dock.isFloating()
                and self._window.dockWidgetArea(dock) in (Area.LeftDockWidgetArea,
                                                          Area.RightDockWidgetArea)
                and dock.geometry().intersects(self._window.rect()))

    def _shown_on(self, area: Area) -> QDockWidget | None:
        return next((dock for dock in self.docks
                     if self._is_side(dock) and self._window.dockWidgetArea(dock) == area),
                    None)


def place_as(window: QMainWindow, docks: list[QDockWidget], other: QMainWindow,
             theirs: list[QDockWidget], *, mirror: bool) -> None:
    """*window*'s panels placed as *other*'s are (*theirs*, matched by name), *mirror*ed
    if the two read in opposite directions (asked of their languages: the application's
    direction, changed, is the old window's too): each on its side in its order, in its tabs in
    their order with the same one in front, floating where it floats, open or closed. A
    window that replaced another in the other language took the panels of the last window
    of its direction, not those of the window open then: the Disagreements just opened were
    closed again (rv259). Each is taken out of the place *window* gave it first: added or
    tabified again where it was, Qt kept it there too, a dead copy of its tabs shown under
    another panel or over the menus, and the tabs of the group behind it (rv268)."""
    by_name = {dock.objectName(): dock for dock in theirs}
    pairs = [(dock, by_name[dock.objectName()]) for dock in docks
             if dock.objectName() in by_name]
    tab = {dock: index for bar in other.findChildren(QTabBar)  # (a tab's data: its dock's id)
           for index in range(bar.count()) for dock in theirs
           if bar.tabData(index) == getCppPointer(dock)[0]}

    def area(their: QDockWidget) -> Area:
        side = other.dockWidgetArea(their)
        return _MIRROR.get(side, side) if mirror else side

    def along(their: QDockWidget) -> int:  # its group's place down its side, or its edge
        shown = [d for d in [their, *other.tabifiedDockWidgets(their)]
                 if not d.isHidden() and not d.widget().isHidden()]  # (the others are off it)
        their = shown[0] if shown else their
        if area(their) in _MIRROR:
            return their.y()
        return other.width() - their.x() if mirror else their.x()

    for dock, _ in pairs:
        window.removeDockWidget(dock)
    placed: dict[str, QDockWidget] = {}  # by name, as placed here: its tab group's
    for dock, their in sorted(pairs, key=lambda pair: (area(pair[1]).value, along(pair[1]),
                                                       tab.get(pair[1], len(tab)))):
        dock.setFloating(False)
        group = next((placed[d.objectName()] for d in other.tabifiedDockWidgets(their)
                      if d.objectName() in placed), None)
        if group is not None:
            window.tabifyDockWidget(group, dock)
        elif area(their) != Area.NoDockWidgetArea:
            window.addDockWidget(area(their), dock, Qt.Orientation.Vertical
                                 if area(their) in _MIRROR else Qt.Orientation.Horizontal)
        placed[dock.objectName()] = dock
    for dock, their in pairs:
        if their.isFloating():
            dock.setFloating(True)
            dock.setGeometry(their.geometry())
        dock.setVisible(not their.isHidden())
    window.layout().activate()  # (the tabs made: raised before, none was in front)
    for dock, their in pairs:
        if other.tabifiedDockWidgets(their) and not their.widget().isHidden():
            dock.raise_()  # (the tab in front: its contents alone are shown)


def mirrored(shares: dict[Area, float], mirror: bool) -> dict[Area, float]:
    """Sides' shares of the width, for a window reading the other way if *mirror*."""
    if not mirror:
        return dict(shares)
    return {_MIRROR.get(area, area): share for area, share in shares.items()}
