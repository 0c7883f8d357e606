"""Dashed outlines around words of the reader: where a claim checked elsewhere appears.

A suggestion is not a tag, so it is not drawn as one (a background and an underline):
it is outlined, dashed, in the verdict's colour, around the words on each line they
take. Rectangles come from the text's own layout, line by line, so they follow the
words in either direction and at any width or zoom.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QPlainTextEdit

from gui.contrast import outline_on


class Outline(NamedTuple):
    start: int  # UTF-16, document positions
    end: int
    color: str


class OutlineIndex:
    """Outlines sorted by start: a paint draws the few in view, not every suggestion of
    the article (thousands in a long one, each measured line by line)."""

    def __init__(self, outlines: Sequence[Outline] = ()):
        # The same words checked as several claims elsewhere are one outline of a colour:
        # drawn once, not once per claim (29 dashed boxes stacked on one word).
        self._sorted = sorted(dict.fromkeys(outlines), key=attrgetter("start"))
        self._starts = [o.start for o in self._sorted]
        self._longest = max((o.end - o.start for o in self._sorted), default=0)

    def __bool__(self) -> bool:
        return bool(self._sorted)

    def overlapping(self, low: int, high: int) -> list[Outline]:
        """The outlines that share a position with [low, high)."""
        first = bisect_left(self._starts, low - self._longest)
        last = bisect_left(self._starts, high)
        return [o for o in self._sorted[first:last] if o.end > low]


def visible_range(view: QPlainTextEdit) -> tuple[int, int]:
    """UTF-16 positions [low, high) of the blocks in view."""
    block = view.firstVisibleBlock()
    low = high = block.position()
    offset, height = view.contentOffset(), view.viewport().height()
    while block.isValid() and view.blockBoundingGeometry(block).translated(offset).top() <= height:
        high = block.position() + block.length()
        block = block.next()
    return low, high


def rects(view: QPlainTextEdit, start: int, end: int) -> list[QRectF]:
    """Viewport rectangles around UTF-16 positions [start, end), one per line they take
    (visible blocks only)."""
    document = view.document()
    block = document.findBlock(start)
    offset = view.contentOffset()
    height = view.viewport().height()
    found: list[QRectF] = []
    while block.isValid() and block.position() < end:
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > height:
            break
        layout = block.layout()
        if block.isVisible() and geometry.bottom() > 0 and layout is not None:
            origin = geometry.topLeft() + layout.position()
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start - base, line.textStart())
                b = min(end - base, line.textStart() + line.textLength())
                if a >= b:
                    continue
                # Every boundary inside, not only the ends: in a line mixing directions
                # the words may lie apart; the outline holds them all.
                xs = [line.cursorToX(position)[0] for position in range(a, b + 1)]
                found.append(QRectF(QPointF(min(xs), line.y()) + origin,
                                    QPointF(max(xs), line.y() + line.height()) + origin))
        block = block.next()
    return found


def paint(view: QPlainTextEdit, outlines: OutlineIndex) -> None:
    """Draw the outlines in view over the view's text (call after the text is painted)."""
    if not outlines:
        return
    shown = outlines.overlapping(*visible_range(view))
    if not shown:
        return
    background = view.palette().color(QPalette.ColorRole.Base)
    pens: dict[str, QPen] = {}  # a verdict's line worked out once a paint, not per outline
    painter = QPainter(view.viewport())
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for outline in shown:
            pen = pens.get(outline.color)
            if pen is None:
                pen = pens[outline.color] = QPen(outline_on(QColor(outline.color), background),
                                                 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects(view, outline.start, outline.end):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
    finally:
        painter.end()
