"""Find in article (Ctrl+F): every Arabic-folded match highlighted, Enter steps through them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from gui.reader import FOUND_BACKGROUND, ArticleView

if TYPE_CHECKING:
    from store.text.fold import Folded

MAX_MARKED = 5000  # more marks than this would not help a reader and would cost memory


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
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setAccessibleDescription(self.tr("Matches found"))
        previous = QPushButton(self.tr("Previous"))
        previous.setAccessibleName(self.tr("Previous match"))
        following = QPushButton(self.tr("Next"))
        following.setAccessibleName(self.tr("Next match"))
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.query.textChanged.connect(self.search)
        self.query.installEventFilter(self)  # Enter and Shift+Enter: see eventFilter
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.hide()

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

        text = self.reader.toPlainText()
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
        """Mark every match of *query* (Arabic-folded) in the article."""
        self.matches = self._fold().find_all(query) if query.strip() else []
        self.current = -1
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(FOUND_BACKGROUND))
        fmt.setForeground(QColor("#000000"))
        fmt.setFontUnderline(True)
        marks = []
        for start, end in self.matches[:MAX_MARKED]:
            selection = QTextEdit.ExtraSelection()
            cursor = self.reader.textCursor()
            a, b = self.reader.offsets.span_to_utf16(start, end)
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        self.reader.setExtraSelections(marks)
        self._show_count()
        if self.matches:
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
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1))
                               .replace("%2", str(len(self.matches))))
