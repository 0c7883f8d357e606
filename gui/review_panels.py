"""Reviewing colleagues' work: annotator layers, disagreements, agreement figures."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from store.disagreements import Disagreement


def annotator_color(name: str) -> QColor:
    """A stable colour per person, the same on every machine."""
    hue = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:6], 16) % 360
    return QColor.fromHsl(hue, 150, 120)


def swatch(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


class LayersPanel(QWidget):
    """One checkbox per annotator: show or hide their claims in the reader and the table."""

    hiddenChanged = Signal(object)  # set[str] of hidden annotators

    def __init__(self, me: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layersPanel")
        self.me = me
        self.list = QListWidget()
        self.list.setObjectName("annotatorLayers")
        self.list.setAccessibleName(self.tr("Annotators: tick to show their claims"))
        mine = QPushButton(self.tr("Mine Only"))
        mine.setObjectName("layersMineOnly")
        mine.setAccessibleName(self.tr("Show only my claims"))
        everyone = QPushButton(self.tr("Everyone"))
        everyone.setObjectName("layersEveryone")
        everyone.setAccessibleName(self.tr("Show everyone's claims"))
        buttons = QHBoxLayout()
        buttons.addWidget(mine)
        buttons.addWidget(everyone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.hidden: set[str] = set()
        self.list.itemChanged.connect(self._item_changed)
        mine.clicked.connect(self.mine_only)
        everyone.clicked.connect(self.everyone)

    def set_annotators(self, names: list[str]) -> None:
        names = sorted(set(names) | ({self.me} if self.me else set()))
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            label = name + (self.tr(" (you)") if name == self.me else "")
            item = QListWidgetItem(swatch(annotator_color(name)), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in self.hidden
                               else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_hidden(self, hidden: set[str]) -> None:
        self.hidden = set(hidden)
        self.set_annotators(self.names())
        self.hiddenChanged.emit(set(self.hidden))

    def mine_only(self) -> None:
        self.set_hidden({n for n in self.names() if n != self.me})

    def everyone(self) -> None:
        self.set_hidden(set())

    def _item_changed(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.hidden.discard(name)
        else:
            self.hidden.add(name)
        self.hiddenChanged.emit(set(self.hidden))


class DisagreementsPanel(QWidget):
    """Overlapping claims with different verdicts, side by side; one click adopts a verdict."""

    adopt = Signal(str, str)  # winning claim id, claim to relabel
    show = Signal(int, int)  # code-point span to select in the reader

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("disagreementsPanel")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("disagreementsView")
        self.table.setAccessibleName(self.tr("Disagreements between annotators"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Words"), self.tr("First"), self.tr("Second"), "", ""])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setAccessibleName(self.tr("Disagreement columns"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self.tr("No disagreements in this article."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.rows: list[Disagreement] = []
        self.table.cellClicked.connect(self._clicked)

    def set_disagreements(self, rows: list[Disagreement], text: str,
                          label_name) -> None:
        self.rows = rows
        self.empty.setVisible(not rows)
        self.table.setRowCount(len(rows))
        for row, d in enumerate(rows):
            start, end = d.span
            self.table.setItem(row, 0, QTableWidgetItem(text[start:end]))
            for col, claim in ((1, d.first), (2, d.second)):
                item = QTableWidgetItem(f"{claim.annotator}: {label_name(claim.label)}")
                item.setIcon(swatch(annotator_color(claim.annotator)))
                self.table.setItem(row, col, item)
            for col, winner, loser in ((3, d.first, d.second), (4, d.second, d.first)):
                button = QPushButton(self.tr("Adopt %s") % label_name(winner.label))
                button.setAccessibleName(self.tr("Adopt %1's verdict %2")
                                         .replace("%1", winner.annotator)
                                         .replace("%2", label_name(winner.label)))
                button.clicked.connect(lambda _=False, w=winner.id, lo=loser.id:
                                       self.adopt.emit(w, lo))
                self.table.setCellWidget(row, col, button)
        self.table.resizeColumnsToContents()

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.show.emit(*self.rows[row].span)


class AgreementDialog(QDialog):
    """Agreement figures with the counts they come from."""

    def __init__(self, lines: list[str], scope: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("Agreement — %s") % scope)
        text = QPlainTextEdit("\n".join(lines))
        text.setObjectName("agreementText")
        text.setAccessibleName(self.tr("Agreement report"))
        text.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        text.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 420)
