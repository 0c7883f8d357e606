"""Find in article (Ctrl+F): every Arabic-folded match highlighted, Enter steps through them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTextEdit, QToolButton, QWidget

from gui import screen_reader
from gui.i18n import filled
from gui.icons import arrow_icon
from gui.plain_text import plain_label
from gui.reader import FOUND_BACKGROUND, ArticleView

if TYPE_CHECKING:
    from store.text.fold import Folded

MAX_MARKED = 5000  # more marks than this would not help a reader and would cost memory
# Past this many matches only those in and around the view are marked (MARK_AROUND code
# points either side of it), again as the reader scrolls: a mark lays out its paragraph
# (Qt places the cursor that draws it), and a common word's thousands of marks across a
# 6 MB report laid out most of it, 1.6 s for a letter typed.
MARK_ALL_UP_TO = 300
MARK_AROUND = 20_000


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, reader: ArticleView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self._folded: Folded | None = None
        self._folded_for: str | None = None
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.query = QLineEdit()
        self.query.setObjectName("findQuery")
        self.query.setAccessibleName(self.tr("Find in article"))
        self.query.setPlaceholderText(self.tr("Find in article (ignores harakat, hamza forms, "
                                              "ة/ه, digits)…"))
        self.query.setClearButtonEnabled(True)
        self.count = plain_label()
        self.count.setObjectName("findCount")
        self.count.setAccessibleDescription(self.tr("Matches found"))
        # Arrows and a cross, named in their tooltips, as a browser's find bar has them:
        # «Previous», «Next» and «Close» took the field's room, which a 16-point font on
        # a laptop left 70 pixels («ـوتين» of «بوتين»).
        previous = self._tool_button(self.tr("Previous match"), arrow=Qt.ArrowType.UpArrow)
        following = self._tool_button(self.tr("Next match"), arrow=Qt.ArrowType.DownArrow)
        close = self._tool_button(self.tr("Close the find bar"), text="\u00d7")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.query.textChanged.connect(self.search)
        self._marked: tuple[int, int] | None = None  # the stretch marked, of many matches
        self._starts: list[int] | None = None  # where the matches start, once asked
        self._remark = QTimer(self)
        self._remark.setSingleShot(True)
        self._remark.setInterval(60)
        self._remark.timeout.connect(self._mark_in_view)
        reader.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.query.installEventFilter(self)  # Enter and Shift+Enter: see eventFilter
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.hide()

    def _tool_button(self, name: str, *, arrow: Qt.ArrowType | None = None,
                     text: str = "") -> QToolButton:
        button = QToolButton()
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoRaise(True)
        if arrow is not None:
            size = self.fontMetrics().height() * 2 // 3
            button.setIcon(arrow_icon(arrow, self.palette().color(QPalette.ColorRole.WindowText),
                                      size))
            button.setIconSize(QSize(size, size))
        else:
            button.setText(text)
        return button

    def typed(self) -> str:
        """The words the field has (found, or being typed)."""
        return self.query.text()

    def open_bar(self, words: str | None = None) -> None:
        """Show the bar, finding *words* (the reader's selection), else what it held."""
        self.show()
        if words and words != self.query.text():
            self.query.setText(words)  # (found as it is set)
        else:
            self.search(self.query.text())
        self.query.setFocus()
        self.query.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.reader.setExtraSelections([])
        self.closed.emit()
        self.reader.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter in the field goes to the next match, Shift+Enter to the previous one.
        Not the field's returnPressed: it fires whatever the modifiers, so Shift+Enter
        stepped forward there and back in keyPressEvent below, staying on its match."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.step(-1)  # from the bar's buttons (the field's Enter is eventFilter's)
        else:
            super().keyPressEvent(event)

    def _fold(self) -> Folded:
        from store.text.fold import fold  # the folding tables load on the first find

        text = self.reader.plain_text()  # (Qt's copy has U+2028 and no-break spaces rewritten)
        if self._folded is None or self._folded_for != self.reader.article_id \
                or self._folded.original != text:
            self._folded = fold(text)
            self._folded_for = self.reader.article_id
        return self._folded

    def article_changed(self) -> None:
        """Another article is shown: the bar, open, finds in it (marks, count, the first
        match chosen, as when the query is typed); the last article's matches would
        select other words."""
        if self.isVisible():
            self.search(self.query.text())
        else:
            self.matches, self.current = [], -1

    def search(self, query: str) -> None:
        """Mark every match of *query* (Arabic-folded; of none, without the end marks it
        was pasted with, as `tag --quote` finds it) in the article (of many, those in
        and around the view)."""
        self.matches = self._fold().find_quote(query) if query.strip() else []
        self.current = -1
        self._marked, self._starts = None, None
        if len(self.matches) <= MARK_ALL_UP_TO:
            self._mark(self.matches)
        self._show_count()
        if self.matches:
            self.step(1)
        if len(self.matches) > MARK_ALL_UP_TO:
            self._mark_in_view()

    def take_find_of(self, other: FindBar) -> None:
        """Open, as *other* is (the window this one replaces, on the same article): its
        words found again, its match the current one (the words selected and the place
        read are put back by the window after this)."""
        self.show()
        self.query.setText(other.typed())  # (found as it is set)
        if self.matches == other.matches:
            self.current = other.current
            self._show_count()
        if len(self.matches) > MARK_ALL_UP_TO:
            self._remark.start()  # (once the place is shown)

    def _scrolled(self) -> None:
        if self.isVisible() and len(self.matches) > MARK_ALL_UP_TO:
            self._remark.start()

    def _mark_in_view(self) -> None:
        """Mark the matches in and around the view, unless they are marked already."""
        reader = self.reader
        top = reader.cursorForPosition(reader.viewport().rect().topLeft()).position()
        bottom = reader.cursorForPosition(reader.viewport().rect().bottomRight()).position()
        low, high = reader.offsets.span_to_code_points(min(top, bottom), max(top, bottom))
        if self._marked is not None and self._marked[0] <= low and high <= self._marked[1]:
            return
        self._marked = (max(0, low - MARK_AROUND), high + MARK_AROUND)
        starts = self._match_starts()
        self._mark(self.matches[bisect_left(starts, self._marked[0]):
                                bisect_right(starts, self._marked[1])])

    def _match_starts(self) -> list[int]:
        """Where the matches start, in order (made once per search)."""
        if self._starts is None:
            self._starts = [start for start, _ in self.matches]
        return self._starts

    def _mark(self, matches: list[tuple[int, int]]) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(FOUND_BACKGROUND))
        fmt.setForeground(QColor("#000000"))
        fmt.setFontUnderline(True)
        marks = []
        for start, end in matches[:MAX_MARKED]:
            selection = QTextEdit.ExtraSelection()
            cursor = self.reader.textCursor()
            a, b = self.reader.offsets.span_to_utf16(start, end)
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        self.reader.setExtraSelections(marks)

    def go_to_first_from(self, position: int) -> None:
        """The first match at or after *position* (code points) made the current one."""
        if self.matches:
            self.current = bisect_left(self._match_starts(), position) - 1
            self.step(1)

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self.reader.select_span(*self.matches[self.current])
        self._show_count()

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count.clear()
        elif not self.matches:
            if self.count.text() != self.tr("No matches"):  # (said once, not per key)
                screen_reader.say(self.query, self.tr("No matches"))
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(filled(self.tr("%1 of %2"), self.current + 1,
                                      len(self.matches)))
