"""Columns of the side panels' tables: sized to fit their dock, never cut off.

A dock is a third of the window; a table with seven columns of fixed widths would need a
horizontal scroll bar and cut its headers. So one column (the words) takes the room
left, the others are at least as wide as their header, and the ones a checker needs
less often start hidden and are a right click on the header away.

Each cell also lays its text out in the text's own direction (:class:`OwnDirectionDelegate`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QTableView,
)

from gui import settings
from store.text.display import is_rtl_text

_RTL = Qt.LayoutDirection.RightToLeft

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

HEADER_PADDING = 28  # room beside a header's text for the sort arrow and margins


def fit_columns(view: QTableView, widths: Sequence[int], stretch: int = 0,
                hidden: Sequence[int] = (), key: str | None = None,
                names: Sequence[str] = (),
                row_actions: Callable[[], Sequence[QAction]] | None = None,
                costly: Collection[str] = ()) -> None:
    """Column *stretch* fills the table; the others start *widths* wide (at least their
    header); *hidden* start hidden. *key*: where the user's choice of columns, and of the
    column a sortable table is sorted by, is kept, by the columns' *names* (so that a
    column added in a later version does not shift it); a sort by a *costly* column
    (one that reads every row whole) is not brought back. *row_actions*: what a right
    click or the Menu key on a row offers, before the columns."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    model = view.model()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        if column == stretch:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        wanted = widths[column] if column < len(widths) else 80
        header.resizeSection(column, max(wanted, header_width(view, title)))
    chosen = _saved_hidden(key)
    for column in range(model.columnCount()):
        if column != stretch:
            name = names[column] if column < len(names) else str(column)
            view.setColumnHidden(column, column in hidden if chosen is None else name in chosen)
    if key and view.isSortingEnabled():
        _sort_as_kept(view, key, names, costly)
    # The titles keep a selection of their own, always empty. With the table's (Qt's
    # way), every title turned bold while a row was selected, and the header repainted
    # whole at each new selection: each tag, each arrow key (0.5 ms of a tag).
    header.setSelectionModel(QItemSelectionModel(model, header))
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda point: _choose_columns(view, stretch, key, names, point))
    # The same menu from the table (the Menu key, Shift+F10): the header takes no focus,
    # and a keyboard could not choose columns at all (Note, Sources, Last change).
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(
        lambda point: _table_menu(view, stretch, key, names, point, row_actions))
    _RoomLeft(view, stretch)


class _RoomLeft(QObject):
    """Column *stretch* takes the room the others leave, as Qt's Stretch mode does, but
    never less than a quarter of the table, nor LEAST_ROOM px: in a narrow window
    Stretch left the quote 40 px («Q…»), the verdict and the names their full widths.
    Then the table scrolls sideways to them instead."""

    LEAST_ROOM = 120

    def __init__(self, view: QTableView, stretch: int):
        super().__init__(view)
        self._view, self._stretch = view, stretch
        # The header is as wide as the viewport and, unlike the viewport, sees few events
        # (every event a filter sees is a call into Python: each edit paints the viewport).
        view.horizontalHeader().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._fit)
        view.horizontalHeader().sectionCountChanged.connect(self._fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self, *_args: object) -> None:
        header = self._view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self._stretch and not header.isSectionHidden(c))
        room = self._view.viewport().width()
        width = max(room - others, min(room, max(room // 4, self.LEAST_ROOM)))
        if header.sectionSize(self._stretch) != width:
            header.resizeSection(self._stretch, width)


def header_width(view: QTableView, title: str) -> int:
    """The width a header needs to show *title* whole."""
    return view.horizontalHeader().fontMetrics().horizontalAdvance(title) + HEADER_PADDING


def starting_side(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side a text of *direction* starts from, in either interface (absolute: Qt
    would otherwise mirror it in the Arabic one)."""
    return Qt.AlignmentFlag.AlignAbsolute | (
        Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft)


def text_alignment(text: str) -> int:
    """Where a cell holding *text* starts it: right for Arabic, left for English."""
    return _STARTS[is_rtl_text(text)]


# text_alignment's two answers, made once: Qt's flags are Python enums, and combining
# them was most of the call, asked for every quote in every repaint of the claims table.
_STARTS = {rtl: int(starting_side(Qt.LayoutDirection.RightToLeft if rtl
                                  else Qt.LayoutDirection.LeftToRight)
                    | Qt.AlignmentFlag.AlignVCenter) for rtl in (False, True)}


class OwnDirectionDelegate(QStyledItemDelegate):
    """Draws each cell's text in the text's own direction (its first strong character),
    aligned and with its icon where the view's direction puts them.

    Qt gives every cell of a right-to-left view a right-to-left paragraph, so a value
    that runs left to right comes out reordered at its ends: "Ctrl+," as ",+Ctrl",
    "#FFE08A" as "FFE08A#", an English sentence with its full stop on the left (and an
    Arabic quote in an English window the other way round). The text itself is never
    changed (no marks added): only the direction Qt lays it out in.
    """

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        self.own_direction(option)

    @staticmethod
    def own_direction(option: QStyleOptionViewItem) -> None:
        """Turn *option*, filled from its item, to its text's own direction."""
        text = option.text
        if not text:
            return
        rtl = is_rtl_text(text)
        if rtl == (option.direction == _RTL):  # most cells: nothing to turn
            return
        # A check box sits at the start of the cell in its direction, and no option moves
        # it back: a checkable cell keeps the view's direction here, and paint() draws
        # its text apart, in the text's own direction.
        # (The option's own class, not QStyleOptionViewItem's or QStyle's names: touching
        # those classes makes PySide6 build them, QStyle's 4 ms at every start.)
        if option.features & type(option).ViewItemFeature.HasCheckIndicator:
            return
        turn_option(option, _RTL if rtl else Qt.LayoutDirection.LeftToRight)


class _FittedCells(OwnDirectionDelegate):
    """A list's rows as wide as the list, not as its longest text (which Qt scrolled to,
    showing the end of an Arabic title in the English interface and of an English one in
    the Arabic): each cell asks for no width, and a longer text is elided, keeping its
    start. (A subclass: a Python sizeHint is a call per row where no view needs one.)"""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setWidth(1)
        return size


class _CheckableCells(OwnDirectionDelegate):
    """Cells with a check box (the annotators' layers). (A subclass: its paint() reads
    each cell twice, which the big tables' cells, never checkable, need not pay.)"""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """A checkable cell whose text runs against the view (an annotator's Latin name
        in the Arabic interface): the cell as the view draws it, check box and icon at
        its start, but without its text; then the text alone, in its own direction, in
        the place Qt gave it. Every other cell as Qt draws it."""
        cell = type(option)(option)
        self.initStyleOption(cell, index)
        checkable = cell.features & type(cell).ViewItemFeature.HasCheckIndicator
        if not checkable or not cell.text or is_rtl_text(cell.text) == (
                cell.direction == Qt.LayoutDirection.RightToLeft):
            super().paint(painter, option, index)
            return
        from PySide6.QtGui import QBrush, QIcon  # only for such a cell
        from PySide6.QtWidgets import QApplication, QStyle

        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        place = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, widget)
        text = type(cell)(cell)
        cell.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        text.rect = place
        text.features &= ~(type(text).ViewItemFeature.HasCheckIndicator
                           | type(text).ViewItemFeature.HasDecoration)
        text.icon = QIcon()
        text.state &= ~QStyle.StateFlag.State_HasFocus  # the cell's frame is drawn
        text.backgroundBrush = QBrush()  # and its background
        turn_option(text, Qt.LayoutDirection.RightToLeft if is_rtl_text(text.text)
                    else Qt.LayoutDirection.LeftToRight)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text, painter, widget)


def turn_option(option: QStyleOptionViewItem, own: Qt.LayoutDirection) -> None:
    """Lay *option*'s text out in direction *own*, where the view puts it: the column's
    alignment as the view would draw it, made absolute so that the cell's direction no
    longer mirrors it; the icon stays on the same side too."""
    option.displayAlignment = _visual_alignment(option.direction, option.displayAlignment)
    side = type(option).Position
    option.decorationPosition = {side.Left: side.Right, side.Right: side.Left}.get(
        option.decorationPosition, option.decorationPosition)
    option.direction = own


def _visual_alignment(direction: Qt.LayoutDirection, alignment: Qt.AlignmentFlag
                      ) -> Qt.AlignmentFlag:
    """*alignment* as a view of *direction* draws it, made absolute: QStyle's
    visualAlignment, which is only this (QGuiApplicationPrivate::visualAlignment)."""
    flag = Qt.AlignmentFlag
    if not alignment & flag.AlignHorizontal_Mask:
        alignment |= flag.AlignLeft
    if not alignment & flag.AlignAbsolute and alignment & (flag.AlignLeft | flag.AlignRight):
        if direction == Qt.LayoutDirection.RightToLeft:
            alignment ^= flag.AlignLeft | flag.AlignRight
        alignment |= flag.AlignAbsolute
    return alignment


def own_direction_cells(view: QAbstractItemView, *, fit_width: bool = False,
                        checkable: bool = False) -> None:
    """Give *view* an :class:`OwnDirectionDelegate` (kept by the view); *fit_width*: a
    list whose rows fit its width, a long text elided at its end; *checkable*: its items
    have check boxes."""
    kind = _FittedCells if fit_width else _CheckableCells if checkable \
        else OwnDirectionDelegate
    view.setItemDelegate(kind(view))
    if fit_width:
        view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the text's end, either way
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def _choose_columns(view: QTableView, stretch: int, key: str | None, names: Sequence[str],
                    point: QPoint) -> QMenu:
    menu = QMenu(view)
    menu.aboutToHide.connect(menu.deleteLater)
    _column_choices(menu, view, stretch, key, names)
    menu.popup(view.horizontalHeader().mapToGlobal(point))
    return menu


def _table_menu(view: QTableView, stretch: int, key: str | None, names: Sequence[str],
                point: QPoint, row_actions: Callable[[], Sequence[QAction]] | None) -> QMenu:
    """A right click or the Menu key in the table (at *point* of its viewport): on a
    row, what can be done to it (its verdicts, its review, Delete) and the columns in
    a submenu; elsewhere, the columns alone. The Menu key offered only the columns, so
    a keyboard reached a claim's verdict through the toolbar or its key alone."""
    actions = list(row_actions()) if row_actions and view.indexAt(point).isValid() else []
    if not actions:
        return _choose_columns(view, stretch, key, names, view.horizontalHeader().mapFromGlobal(
            view.viewport().mapToGlobal(point)))
    menu = QMenu(view)
    menu.setObjectName("tableRowMenu")
    menu.aboutToHide.connect(menu.deleteLater)
    menu.addActions(actions)
    menu.addSeparator()
    columns = menu.addMenu(QCoreApplication.translate("ClaimsPanel", "Columns"))
    columns.setObjectName("tableColumnsMenu")
    _column_choices(columns, view, stretch, key, names)
    menu.popup(view.viewport().mapToGlobal(point))
    return menu


def _column_choices(menu: QMenu, view: QTableView, stretch: int, key: str | None,
                    names: Sequence[str]) -> None:
    """A check in *menu* for each column but the one that fills the table."""
    model = view.model()
    for column in range(model.columnCount()):
        if column == stretch:
            continue
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        action.setChecked(not view.isColumnHidden(column))
        action.toggled.connect(lambda on, c=column: _show_column(view, c, on, key, names))


def _show_column(view: QTableView, column: int, shown: bool, key: str | None,
                 names: Sequence[str]) -> None:
    view.setColumnHidden(column, not shown)
    if key:
        hidden = [names[c] if c < len(names) else str(c)
                  for c in range(view.model().columnCount()) if view.isColumnHidden(c)]
        settings.settings().setValue(f"columns/{key}", ",".join(hidden) or "-")


def _sort_as_kept(view: QTableView, key: str, names: Sequence[str],
                  costly: Collection[str]) -> None:
    """Sort by the column the table was last sorted by, and keep each new choice: sorted
    by verdict, the list came back in reading order at every start, and in the other
    language (rv102). Not by a *costly* column, nor a hidden one: sorted by note, an
    article of 50,000 claims waited 1.5 s at every opening, in an order no column
    showed once the note was hidden (rv108)."""
    kept = str(settings.settings().value(f"sort/{key}") or "")
    name, _, way = kept.partition(" ")
    if name in names and name not in costly \
            and not view.isColumnHidden(list(names).index(name)):
        view.sortByColumn(list(names).index(name), Qt.SortOrder.DescendingOrder
                          if way == "descending" else Qt.SortOrder.AscendingOrder)

    def keep(column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(names):
            way = "descending" if order == Qt.SortOrder.DescendingOrder else "ascending"
            settings.settings().setValue(f"sort/{key}", f"{names[column]} {way}")

    view.horizontalHeader().sortIndicatorChanged.connect(keep)


def _saved_hidden(key: str | None) -> set[str] | None:
    """The names of the columns the user hid last time, or None if they never chose."""
    if not key:
        return None
    value = settings.settings().value(f"columns/{key}")
    return None if value is None else set(str(value).split(","))
