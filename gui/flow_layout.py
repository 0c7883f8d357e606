"""A layout that lines its widgets up and wraps them onto the next row when room runs out.

The verdict legend holds a chip per label and, while an article has suggestions, a key to
their outlines: in one row it would not shrink below them all, and the window grew past an
800-pixel screen once the key appeared. Qt ships no flow layout (it is one of its examples);
this is that example, mirrored for a right-to-left interface.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 0):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    # -- what QLayout asks ------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """One row of every item (what the layout takes when room allows)."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        margins = self.contentsMargins()
        width = sum(s.width() for s in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: anything wider wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing ------------------------------------------------------------------------------
    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Place the items in rows inside *rect* (if *place*); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        direction = self.parentWidget().layoutDirection() if self.parentWidget() else \
            Qt.LayoutDirection.LeftToRight
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:  # on to the next row
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            if place:  # (mirrored by hand: QStyle's Python type takes 7 ms to make, and
                # the legend is laid out before the window's first paint)
                left = x if direction == Qt.LayoutDirection.LeftToRight else \
                    area.left() + area.right() + 1 - x - hint.width()
                item.setGeometry(QRect(QPoint(left, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
