"""Project search (Ctrl+Shift+F): Arabic-aware hits across articles, quotes and notes.

Choosing a hit opens its article and selects its words, so a verdict key tags
them straight away: tagging from a search hit is tagging a selection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import screen_reader
from gui.offsets import utf16_length
from gui.plain_text import plain_label, plain_tip
from gui.reader import FOUND_BACKGROUND
from gui.table_columns import OwnDirectionDelegate, starting_side
from store.text.display import is_rtl_text, isolated

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter, QTextLayout
    from PySide6.QtWidgets import QStyleOptionViewItem

    from store.core.search import SearchHit

TYPING_PAUSE_MS = 250
REFRESH_PAUSE_MS = 300  # after the project changed, before the results are sought again
MAX_HITS = 200
HitRole = Qt.ItemDataRole.UserRole  # the SearchHit of a result
LinesRole = Qt.ItemDataRole.UserRole + 1  # its HitLines, as drawn
SNIPPET_LINES = 3  # of the words around a hit, at most
CELL_MARGIN = 4
_SPACES = re.compile(r"\s+")


class HitLines(NamedTuple):
    """A result as the list draws it: a heading (the article's title and where in it the
    hit is), and the words around the hit with the hit itself at snippet[start:end]
    (code points)."""

    title: str
    where: str
    snippet: str
    start: int
    end: int

    @classmethod
    def of(cls, hit: SearchHit, where: str) -> HitLines:
        """Line breaks and runs of spaces in the context become one space."""
        before = _SPACES.sub(" ", hit.context[:hit.context_start]).lstrip()
        found = _SPACES.sub(" ", hit.context[hit.context_start:hit.context_end])
        after = _SPACES.sub(" ", hit.context[hit.context_end:]).rstrip()
        start = 1 + len(before)
        return cls(hit.article_title, where, f"…{before}{found}{after}…", start,
                   start + len(found))

    def heading(self, title: str | None = None) -> str:
        """The title (or *title*, elided) isolated (U+2068...U+2069), so that a Latin
        title in the Arabic interface, or an Arabic one in the English, keeps "· where"
        after it in the reading order."""
        return f"{isolated(self.title if title is None else title)} · {self.where}"

    @property
    def text(self) -> str:
        """Both lines as plain text (what a screen reader reads)."""
        return f"{self.title} · {self.where}\n{self.snippet}"


def snippet_layout(lines: HitLines, font: QFont, width: float) -> QTextLayout:
    """The words around a hit laid out in their own direction, aligned at their own
    start (right for Arabic, in either interface: every line of it, not only the first),
    wrapped in *width*, the hit on the ground of words found: SNIPPET_LINES lines, those of the hit
    last when the words before it fill more (a narrow dock, a large font: the lines
    before are laid out above, and clipped when drawn). (Offsets: code points in
    HitLines, UTF-16 here.)"""
    from PySide6.QtGui import QTextLayout  # (the drawing's classes: none at start-up)

    layout = QTextLayout(lines.snippet, font)
    layout.setTextOption(_from_its_start(
        Qt.LayoutDirection.RightToLeft if is_rtl_text(lines.snippet)
        else Qt.LayoutDirection.LeftToRight, QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere))
    mark = QTextLayout.FormatRange()
    mark.start = utf16_length(lines.snippet[:lines.start])
    mark.length = utf16_length(lines.snippet[lines.start:lines.end])
    mark.format = QTextCharFormat()
    mark.format.setBackground(QColor(FOUND_BACKGROUND))
    mark.format.setForeground(QColor("#000000"))
    layout.setFormats([mark])
    _lay_out(layout, width, SNIPPET_LINES, (mark.start, mark.start + mark.length))
    return layout


def heading_layout(lines: HitLines, font: QFont, width: float,
                   direction: Qt.LayoutDirection) -> QTextLayout:
    """The heading, bold, on one line at the interface's start (*direction*); a long title
    is elided, never where the hit is."""
    from PySide6.QtGui import QFontMetricsF, QTextLayout

    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    room = width - metrics.horizontalAdvance(lines.heading(""))
    layout = QTextLayout(lines.heading(metrics.elidedText(
        lines.title, Qt.TextElideMode.ElideRight, max(room, 0))), bold)
    layout.setTextOption(_from_its_start(direction, QTextOption.WrapMode.NoWrap))
    _lay_out(layout, width, 1)
    return layout


def _from_its_start(direction: Qt.LayoutDirection, wrap: QTextOption.WrapMode
                    ) -> QTextOption:
    """Lines laid out in *direction*, each from the side that direction starts at."""
    option = QTextOption(starting_side(direction))
    option.setTextDirection(direction)
    option.setWrapMode(wrap)
    return option


def _lay_out(layout: QTextLayout, width: float, most: int,
             hit: tuple[int, int] = (0, 0)) -> None:
    """Lines of *width*, one under the other: *most* of them, or as many more as it takes
    to reach the end of the text at *hit* (UTF-16), as long as its start stays among the
    last *most* lines. Those are shown, from y = 0 down; any before them lie above
    (their drawing is clipped)."""
    layout.beginLayout()
    hit_starts = None  # the number of the line the hit starts on
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count, reached = layout.lineCount(), line.textStart() + line.textLength()
        if hit_starts is None and reached > hit[0]:
            hit_starts = count - 1
        if count >= most and hit_starts is not None and (
                reached >= hit[1] or count - hit_starts >= most):
            break
    layout.endLayout()
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    y = -sum(line.height() for line in lines[:-most])
    for line in lines:
        line.setPosition(QPointF(0, y))
        y += line.height()


def _height(layout: QTextLayout) -> float:
    """The height of the lines shown (those laid out above y = 0 are not)."""
    return sum(line.height() for line in map(layout.lineAt, range(layout.lineCount()))
               if line.y() >= 0)


class HitCells(OwnDirectionDelegate):
    """Draws a result as its heading over the words around the hit, those words in their
    own direction and the hit marked on them (Qt's own drawing of a two-line item lays
    every line in the interface's direction, and a marker character needs a font)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        from PySide6.QtWidgets import QStyle

        lines = index.data(LinesRole)
        if lines is None:
            super().paint(painter, option, index)
            return
        cell = type(option)(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # the ground, the selection and the focus frame, as Qt draws them
        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        area = option.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(option.palette.color(
            option.palette.ColorRole.HighlightedText if selected
            else option.palette.ColorRole.Text))
        heading = heading_layout(lines, option.font, area.width(), option.direction)
        heading.draw(painter, QPointF(area.topLeft()))
        snippet = snippet_layout(lines, option.font, area.width())
        top = area.top() + _height(heading)
        if snippet.lineCount() and snippet.lineAt(0).y() < 0:  # lines laid out above
            painter.setClipRect(QRectF(option.rect.left(), top, option.rect.width(),
                                       option.rect.bottom() - top),
                                Qt.ClipOperation.IntersectClip)
        snippet.draw(painter, QPointF(area.left(), top))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = index.data(LinesRole)
        if lines is None:
            return super().sizeHint(option, index)
        view = option.widget
        width = (view.viewport().width() if isinstance(view, QListView)
                 else option.rect.width()) - 2 * CELL_MARGIN
        width = max(width, 40)
        height = _height(heading_layout(lines, option.font, width, option.direction)) + \
            _height(snippet_layout(lines, option.font, width))
        return QSize(int(width) + 2 * CELL_MARGIN, int(height + 0.999) + 2 * CELL_MARGIN)


def _hit_key(hit: SearchHit) -> tuple:
    """The same hit in two searches (its kind may have changed: its words tagged)."""
    return hit.article_id, hit.start, hit.end, hit.claim_id if hit.kind == "note" else None


class SearchPanel(QWidget):
    hitChosen = Signal(object)  # SearchHit
    highlightChanged = Signal()  # a result arrowed to (highlighted_hit), or none any more

    def __init__(self, search, parent: QWidget | None = None,
                 article_order: Callable[[], list[str]] | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._search = search
        # the article list's ids, in its order (none: the results as the index has them)
        self._article_order = article_order or (lambda: [])
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName(self.tr("Search the project"))
        self.query.setPlaceholderText(self.tr("Search articles, quotes and notes…"))
        self.query.setClearButtonEnabled(True)
        self.summary = plain_label()
        self.summary.setObjectName("searchSummary")
        self.summary.setAccessibleDescription(self.tr("Search results count"))
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setItemDelegate(HitCells(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # a wider dock: fewer lines
        # (a list view lays its rows out again at a width change only while it wraps: rows
        # kept the heights of the width before its scroll bar came, overlapping)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        # The panel shows MAX_HITS at a time: a common word in a big project stopped at
        # «200 matches», the rest out of reach and the count untrue.
        self.more = QPushButton(self.tr("Show More Matches"))
        self.more.setObjectName("searchMore")
        self.more.setVisible(False)
        self.more.clicked.connect(self.show_more)
        layout.addWidget(self.more)
        self.hits: list[SearchHit] = []
        self._limit = MAX_HITS
        # Results kept in step with the project: a hit tagged from the panel still read
        # «text», not «claim», until the search was run again.
        self._stale = False
        self._shown = ""  # the query whose results are listed
        self._said = ("", "")  # the query and summary last said to a screen reader
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_PAUSE_MS)
        self._refresh.timeout.connect(self._search_again)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.results.currentItemChanged.connect(lambda *_: self.highlightChanged.emit())
        self.results.installEventFilter(self)  # its focus: highlightChanged

    def focus(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def typed(self) -> str:
        """The query as its field has it (sought, or still being typed)."""
        return self.query.text()

    def highlighted_hit(self) -> SearchHit | None:
        """The result chosen in the list while the keyboard is there (arrowed to, not yet
        opened): what a verdict's key pressed now is meant for."""
        item = self.results.currentItem()
        return item.data(HitRole) if item is not None and self.results.hasFocus() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down (or Page Down) in the query goes to the results, the first one chosen, as
        in a browser's address bar: only Tab reached them, and a verdict's key pressed
        then typed into the query."""
        if watched is self.results and event.type() in (QEvent.Type.FocusIn,
                                                        QEvent.Type.FocusOut):
            self.highlightChanged.emit()  # (a verdict key is for the result, or not)
            return False
        if watched is self.query and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self._timer.isActive():  # typed, its pause not over: the results it asks
                self.run()
            elif self._stale:  # the project changed since: the results it has now
                self._search_again()
            if self.results.count():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def run(self) -> None:
        """The query typed searched for, and what it found said to a screen reader (the
        summary, shown alone, was never heard); a refill the window makes after an
        outside change is not said, nor a summary said again (Enter after the typing's
        pause ran the query)."""
        self._timer.stop()
        self._limit = MAX_HITS
        self._fill()
        self._say_summary()

    def take_search_of(self, other: SearchPanel) -> None:
        """The query *other* has (the window this one replaces in another language),
        sought again here: as many results listed, the same one chosen. Not said to a
        screen reader: nothing was searched for anew."""
        self.query.setText(other.typed())
        self._timer.stop()
        if self.query.text().strip():
            self._limit = other._limit
            self._fill()
            current = other.results.currentItem()
            keys = [_hit_key(hit) for hit in self.hits]
            if current is not None and (chosen := _hit_key(current.data(HitRole))) in keys:
                self.results.setCurrentRow(keys.index(chosen))

    def project_changed(self) -> None:
        """The project changed (a tag, an edit, an undo, an import, a merge): the results
        shown are sought again once the changes pause, or when the panel is next shown."""
        if not self._shown:  # (a search that found nothing may find something now)
            return
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def shutdown(self) -> None:
        """The window closes, its project with it: nothing more is sought."""
        self._stale = False
        self._refresh.stop()
        self._timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._refresh.start()

    def _search_again(self) -> None:
        """The same query again, as many results as were listed, the same one chosen and
        the list scrolled where it was."""
        if not self._stale or self._timer.isActive():  # (a query being typed runs soon)
            return
        current = self.results.currentItem()
        chosen = _hit_key(current.data(HitRole)) if current is not None else None
        scrolled = self.results.verticalScrollBar().value()
        self._fill()
        keys = [_hit_key(hit) for hit in self.hits]
        if chosen in keys:
            self.results.setCurrentRow(keys.index(chosen))
        self.results.verticalScrollBar().setValue(scrolled)

    def as_now(self, hit: SearchHit) -> SearchHit:
        """*hit* as the project has it now: results the project changed under are sought
        again first (only REFRESH_PAUSE_MS after the change, or after the panel shows
        again: a hit taken meanwhile opened an article deleted since, rv169). One no
        longer found is handed on as it was (the window says why it cannot go there)."""
        if self._stale and not self._timer.isActive():
            self._search_again()
            hit = next((h for h in self.hits if _hit_key(h) == _hit_key(hit)), hit)
        return hit

    def show_more(self) -> None:
        """The next MAX_HITS hits under those shown, the first of them chosen."""
        first_new = len(self.hits)
        self._limit += MAX_HITS
        self._fill()
        self._say_summary()
        if first_new < self.results.count():
            self.results.setCurrentRow(first_new)
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self) -> None:
        """The query's first ``_limit`` hits listed (one more asked for: whether there
        are more to show), and what they are counted."""
        self._stale = False
        text = self._shown = self.query.text().strip()
        hits = self._search(text, self._limit + 1) if text else []
        more = len(hits) > self._limit
        self.hits = self._in_list_order(hits[:self._limit])
        self.results.clear()
        kinds = {"article": self.tr("text"), "quote": self.tr("claim"), "note": self.tr("note")}
        for hit in self.hits:
            where = kinds.get(hit.kind, hit.kind)
            if hit.apart:  # one word of several, not found together in this text
                where = self.tr("%1, a word apart").replace("%1", where)
            lines = HitLines.of(hit, where)
            item = QListWidgetItem(lines.text)
            item.setData(HitRole, hit)
            item.setData(LinesRole, lines)
            item.setToolTip(plain_tip(hit.context))
            self.results.addItem(item)
        self.more.setVisible(more)
        if not text:
            self.summary.clear()
        elif not self.hits:
            self.summary.setText(self.tr("No matches"))
        elif not any(hit.apart for hit in self.hits):
            self.summary.setText(self._counted(self.tr("%n match(es)", "", len(self.hits)),
                                               more))
        else:  # what was found of the words together, and what only of each word
            together = sum(not hit.apart for hit in self.hits)
            apart = self.tr("%n match(es) of a word apart", "", len(self.hits) - together)
            self.summary.setText(self._counted(apart if not together else self.tr(
                "%n match(es) of the words together", "", together) + " · " + apart, more))

    def _say_summary(self) -> None:
        said = (self._shown, self.summary.text())
        if said[1] and said != self._said:
            screen_reader.say(self.query, said[1])
        self._said = said

    def _in_list_order(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Each page of hits in the article list's order, an article's text before the
        notes of its claims: in the index's order, a note just edited went to the end
        of the list, the chosen hit with it, and out of a page of 200 (rv102). The words
        found together stay before those found a word apart."""
        where = {article_id: n for n, article_id in enumerate(self._article_order())}
        last = len(where)

        def key(hit: SearchHit) -> tuple:
            return (hit.apart, where.get(hit.article_id, last), hit.article_id,
                    hit.kind == "note", hit.claim_id or "" if hit.kind == "note" else "",
                    hit.start)

        return [hit for at in range(0, len(hits), MAX_HITS)
                for hit in sorted(hits[at:at + MAX_HITS], key=key)]

    def _counted(self, summary: str, more: bool) -> str:
        return summary + " · " + self.tr("more to show") if more else summary

    def _activated(self, item: QListWidgetItem) -> None:
        self.hitChosen.emit(self.as_now(item.data(HitRole)))
