"""Edit ▸ Deleted Claims: the open article's untagged words and deleted claims, each
brought back by one button (an undo step, as deleting was).

Untagging could be undone only by the person who did it, in the same session: a claim a
colleague deleted, brought by a merge, stayed deleted with its verdict, note, sources and
reviews, and tagging the words again made a new claim without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.commands import RestoreClaim
from gui.table_columns import own_direction_cells
from store.core.stamps import shown_time

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gui.session import Session
    from store.core.records import Appearance


class DeletedClaimsDialog(QDialog):
    def __init__(self, session: Session, undo_stack: QUndoStack, article_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deletedClaimsDialog")
        self.setWindowTitle(self.tr("Deleted Claims — %s") % session.article_title(article_id))
        self._session, self._undo_stack, self._article_id = session, undo_stack, article_id
        self.groups: list[list[Appearance]] = []  # the places of one claim gone at once
        self.places: list[Appearance] = []  # the first of each, as listed
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("deletedClaims")
        self.table.setAccessibleName(self.tr("Deleted claims of this article"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Words"), self.tr("Verdict"), self.tr("Deleted by"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Restore
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        own_direction_cells(self.table)  # quotes and names in their own direction
        self.empty = QLabel(self.tr("Nothing in this article was deleted."))
        self.empty.setObjectName("noDeletedClaims")
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreClaim")
        self.restore_button.setToolTip(self.tr(
            "Tag these words again as the claim they were: its verdict, note, sources and "
            "reviews"))
        self.restore_button.clicked.connect(self.restore_current)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self.table.itemActivated.connect(lambda _item: self.restore_current())
        self.table.installEventFilter(self)  # Enter on a row: eventFilter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        # Tab in the order the buttons read (Close came first: Restore joined the chain
        # last, when the box took it)
        QWidget.setTabOrder(self.table, self.restore_button)
        QWidget.setTabOrder(self.restore_button,
                            buttons.button(QDialogButtonBox.StandardButton.Close))
        self.resize(640, 360)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on a row restores that claim, and only it: the table restored it, then
        passed Enter on to the dialog, which pressed Restore for the row chosen by then
        (the next claim, moved up): one Enter brought back two claims."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.restore_current()
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """The list as the project has it now."""
        self.groups = self._session.deleted_places(self._article_id)
        self.places = [group[0] for group in self.groups]
        self.table.setRowCount(len(self.places))
        for row, (place, group) in enumerate(zip(self.places, self.groups, strict=True)):
            label = self._session.label(place.label)
            deleted_by, deleted = (place.deleted_by, place.deleted) if place.deleted \
                else (place.claim.deleted_by, place.claim.deleted)
            words = place.quote if len(group) == 1 else " ".join(place.quote.split()) + " " + \
                self.tr("(%n place(s))", "", len(group))
            cells = (words, label.name(self._session.language) if label else place.label,
                     deleted_by or "", shown_time(deleted or ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(place.quote if column == 0 else "")
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.places))
        self.empty.setVisible(not self.places)
        if self.places:  # (selectRow selects nothing in a right-to-left table not yet shown)
            chosen = QItemSelectionModel.SelectionFlag
            self.table.setCurrentCell(0, 0, chosen.ClearAndSelect | chosen.Rows)
        self._update_enabled()

    def restore_current(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.places) or self._session.read_only:
            return
        self._undo_stack.push(RestoreClaim(self._session, [p.id for p in self.groups[row]]))
        self.refresh()
        if self.places:  # the one after it is chosen next, not the first
            self.table.selectRow(min(row, len(self.places) - 1))

    def _update_enabled(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems())
                                       and not self._session.read_only)
