"""Project search (Ctrl+Shift+F): Arabic-aware hits across articles, quotes and notes.

Choosing a hit opens its article and selects its words, so a verdict key tags
them straight away: tagging from a search hit is tagging a selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.table_columns import own_direction_cells

if TYPE_CHECKING:
    from store.core.search import SearchHit

TYPING_PAUSE_MS = 250
MAX_HITS = 200


class SearchPanel(QWidget):
    hitChosen = Signal(object)  # SearchHit

    def __init__(self, search, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._search = search
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName(self.tr("Search the project"))
        self.query.setPlaceholderText(self.tr("Search articles, quotes and notes…"))
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.summary.setAccessibleName(self.tr("Search results count"))
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        own_direction_cells(self.results)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.hits: list[SearchHit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)

    def focus(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        self.hits = self._search(text, MAX_HITS) if text else []
        self.results.clear()
        kinds = {"article": self.tr("text"), "quote": self.tr("claim"), "note": self.tr("note")}
        for hit in self.hits:
            before = " ".join(hit.context[:hit.context_start].split())
            found = hit.context[hit.context_start:hit.context_end]
            after = " ".join(hit.context[hit.context_end:].split())
            item = QListWidgetItem(f"{hit.article_title} · {kinds.get(hit.kind, hit.kind)}\n"
                                   f"…{before}【{found}】{after}…")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(hit.context)
            self.results.addItem(item)
        if not text:
            self.summary.clear()
        elif not self.hits:
            self.summary.setText(self.tr("No matches"))
        else:
            self.summary.setText(self.tr("%n match(es)", "", len(self.hits)))

    def _activated(self, item: QListWidgetItem) -> None:
        self.hitChosen.emit(item.data(Qt.ItemDataRole.UserRole))
