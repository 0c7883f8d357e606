"""A table's cells kept as pictures while they look the same.

Every tag inserts a row in the claims table, and Qt repaints every row in view; drawing
a cell (its options gathered by a call into Python for every role, its text shaped,
Arabic too, and elided to the column) was most of that repaint, for cells that had not
changed. A cell looks as the style draws it from the model's values for the roles it
draws (:data:`DRAWN_ROLES`) and the view's option: size, state (selected, focused,
active...), direction, features. A model that can give those values in one tuple (a
cell's *looks*) lets :class:`CellPictures` key a picture of each cell by them and the
option's part, and show it until one of them changes. Drawing into a picture costs
more than drawing in place, and asking a cell's looks costs too: a place in the table
(row and column) shown for the first time is drawn in place, so a table that jumps to
rows it never showed (a tag far from the last one) pays next to nothing. Every picture
is forgotten when the table's palette, style, font or direction changes, and they are
kept within twice the area of the table's viewport, the least recently shown going
first.

A cell drawn, in place or into its picture, has its option filled from its looks too,
in one call, as Qt's item delegate fills it from the roles one by one, each through
the filter model into Python: a jump to rows never shown (every cell drawn) took 5.1 ms
that way, 3.8 this way. Cells whose looks are not known are drawn each time, as
:class:`OwnDirectionDelegate` draws them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from gui.table_columns import OwnDirectionDelegate, turn_option
from store.text.display import is_rtl_text

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
    from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

# The roles Qt's item delegate draws a cell from (a tooltip is not drawn)
DRAWN_ROLES = tuple(map(int, (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.CheckStateRole)))
_FORGET_ON = frozenset({QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                        QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange})
# QStyleOptionViewItem's features and Qt's right to left, as numbers (named from the
# option's own class at run time elsewhere: QStyleOptionViewItem's or QStyle's names
# make PySide build those classes, 4 ms at every start; Qt's are built already)
_HAS_CHECK_INDICATOR, _HAS_DISPLAY, _HAS_DECORATION = 0x04, 0x08, 0x10
_RTL = Qt.LayoutDirection.RightToLeft.value
VIEWPORTS_KEPT = 2  # pictures kept, in viewports' area
SEEN_KEPT = 2048  # places in the table remembered as shown
# A cell's looks: its text (or number), its verdict's colour and its alignment, the
# values of the roles Qt's delegate draws it from that the model answers (None if not
# known: the cell is drawn as Qt's delegate draws it)
Looks = tuple[str | int | None, str | None, int | None]
LooksOf = Callable[["QModelIndex | QPersistentModelIndex"], Looks | None]


class CellPictures(OwnDirectionDelegate):
    """Draws each cell as :class:`OwnDirectionDelegate` does: in place where the table
    shows it for the first time, else from its picture, drawn once and shown while
    nothing it is drawn from changes."""

    def __init__(self, view: QAbstractItemView, looks: LooksOf):
        super().__init__(view)
        self._view = view
        self._looks = looks
        self._swatches: dict[tuple[str, int, int], QIcon] = {}
        self._alignments: dict[int, Qt.AlignmentFlag] = {}
        self._feature_flags: dict[int, QStyleOptionViewItem.ViewItemFeature] = {}
        # An option turned to its text's direction, by what it was turned from: (its
        # direction, the text's, its alignment, its decoration's side) as numbers
        self._turned: dict[tuple[int, bool, int, int], tuple] = {}
        self._pictures: OrderedDict[tuple, QPixmap] = OrderedDict()
        # Places in the table (row, column, size, state) shown before: a cell is drawn
        # into a picture only at a place shown before, so that a table jumping to rows
        # it never showed (a tag far from the last) pays nothing for pictures.
        self._seen: OrderedDict[tuple, None] = OrderedDict()
        self._bytes = 0
        # The looks of the cell being drawn into its picture, asked once: the option is
        # filled from them (initStyleOption) while it is drawn.
        self._drawing: Looks | None = None
        self.drawn = 0  # cells drawn by the style (not from a picture): for tests
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _FORGET_ON:
            self.forget()
        return False

    @property
    def kept_bytes(self) -> int:
        """The pictures' memory (their pixels)."""
        return self._bytes

    def forget(self) -> None:
        """Every picture goes: the next paint draws each cell anew."""
        self._pictures.clear()
        self._seen.clear()
        self._bytes = 0

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        state = option.state.value
        place = (index.row(), index.column(), rect.width(), rect.height(), state)
        if place not in self._seen:  # a place in the table shown for the first time
            self._seen[place] = None
            if len(self._seen) > SEEN_KEPT:
                self._seen.popitem(last=False)
            super().paint(painter, option, index)
            self.drawn += 1
            return
        looks = self._looks(index)
        ratio = painter.device().devicePixelRatioF()
        if looks is None or _between_pixels(rect, ratio):
            # (a cell whose looks are not known; one at a fraction of a device pixel, on
            # a 125% screen, say: its picture, put at a whole pixel, showed its text a
            # pixel off the same cell drawn in place, and rows moved as they were painted)
            super().paint(painter, option, index)
            self.drawn += 1
            return
        # The option as the view gives it, before the item's values are added to it.
        key = (looks, rect.width(), rect.height(), ratio, state, option.features.value,
               option.direction.value, option.textElideMode.value,
               option.decorationSize.toTuple(), option.palette.cacheKey())
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._draw(option, index, ratio, looks)
            self._keep(key, picture)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), picture)

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """The option filled from the cell's looks, as QStyledItemDelegate::
        initStyleOption fills it from the roles (the model answers no others: a colour
        becomes a swatch of the decoration's size, a number is written in the option's
        locale, a line break is a line separator), then turned to the text's own
        direction (:meth:`OwnDirectionDelegate.own_direction`). The option's flags are
        read as numbers and written from flags made once for each combination: each
        flag read, combined or compared is a Python enum built, and a cell took a dozen
        (30 µs of the ~100 µs a cell drawn in place costs)."""
        looks = self._looks(index) if self._drawing is None else self._drawing
        if looks is None:
            super().initStyleOption(option, index)
            return
        text, colour, alignment = looks
        option.index = index
        option.styleObject = None  # as Qt's delegate: no style animation in a cell
        features = option.features.value
        if alignment is not None:
            option.displayAlignment = self._alignment(alignment)
        if colour is not None:
            option.icon = self._swatch(colour, option.decorationSize)
            features |= _HAS_DECORATION
        shown = None
        if text is not None:
            shown = option.text = (option.locale.toString(text) if isinstance(text, int)
                                   else text.replace("\n", "\u2028"))
            features |= _HAS_DISPLAY
        option.features = self._features(type(option), features)
        if not shown or features & _HAS_CHECK_INDICATOR:  # (see own_direction)
            return
        direction = option.direction.value
        rtl = is_rtl_text(shown)
        if rtl == (direction == _RTL):  # most cells: nothing to turn
            return
        key = (direction, rtl, option.displayAlignment.value if alignment is None
               else alignment, option.decorationPosition.value)
        turned = self._turned.get(key)
        if turned is None:
            turn_option(option, Qt.LayoutDirection.RightToLeft if rtl
                        else Qt.LayoutDirection.LeftToRight)
            turned = self._turned[key] = (option.displayAlignment,
                                          option.decorationPosition, option.direction)
            return
        option.displayAlignment, option.decorationPosition, option.direction = turned

    def _features(self, kind: type[QStyleOptionViewItem], value: int
                  ) -> QStyleOptionViewItem.ViewItemFeature:
        """*value* as the option's flag, made once."""
        flag = self._feature_flags.get(value)
        if flag is None:
            flag = self._feature_flags[value] = kind.ViewItemFeature(value)
        return flag

    def _alignment(self, value: int) -> Qt.AlignmentFlag:
        """*value* as Qt's flag, made once (a Python enum built per cell costs)."""
        flag = self._alignments.get(value)
        if flag is None:
            flag = self._alignments[value] = Qt.AlignmentFlag(value)
        return flag

    def _swatch(self, colour: str, size: QSize) -> QIcon:
        """A square of *colour*, as Qt's delegate draws a colour decoration (made once
        for each colour and size, where Qt's makes one per cell drawn)."""
        key = (colour, size.width(), size.height())
        icon = self._swatches.get(key)
        if icon is None:
            picture = QPixmap(size)
            picture.fill(QColor(colour))
            icon = self._swatches[key] = QIcon(picture)
        return icon

    def _draw(self, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex, ratio: float,
              looks: Looks) -> QPixmap:
        """The cell of *looks* drawn as in place (by Qt's item delegate, not by a Python
        call to the style: PySide would build QStyle's Python type for it, 5 ms, in the
        first edit), on the viewport's background, so its text is smoothed against the
        same colour."""
        size = option.rect.size()
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        viewport = self._view.viewport()
        picture.fill(viewport.palette().color(viewport.backgroundRole()))
        cell = type(option)(option)
        cell.rect = QRect(QPoint(0, 0), size)
        painter = QPainter()
        if painter.begin(picture):  # (False only for a picture of no size)
            self._drawing = looks
            try:
                super().paint(painter, cell, index)
            finally:
                self._drawing = None
            painter.end()
        self.drawn += 1
        return picture

    def _keep(self, key: tuple, picture: QPixmap) -> None:
        """Keep *picture*, and let the least recently shown go beyond the budget."""
        self._pictures[key] = picture
        self._bytes += _size_of(picture)
        viewport = self._view.viewport()
        ratio = picture.devicePixelRatio()
        budget = VIEWPORTS_KEPT * viewport.width() * viewport.height() * 4 * ratio * ratio
        while self._bytes > budget and len(self._pictures) > 1:
            _, gone = self._pictures.popitem(last=False)
            self._bytes -= _size_of(gone)


def _size_of(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4


def _between_pixels(rect: QRect, ratio: float) -> bool:
    """Whether *rect*'s corner falls between the device's pixels (the view paints at whole
    logical pixels: only a fractional scale puts it there; asked without a QTransform,
    which PySide would make a type for in the first edit)."""
    return not ratio.is_integer() and any(
        abs(at * ratio - round(at * ratio)) > 1e-6 for at in (rect.x(), rect.y()))
