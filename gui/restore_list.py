"""A list of what was deleted, each row brought back by one button (an undo step, as
deleting was): Edit ▸ Deleted Claims and Project ▸ Deleted Articles are two of them.

The list follows the project while it is open (a subclass connects the session's
signals to :meth:`refresh`): read once, it kept offering what a colleague had brought
back meanwhile, and Restore on it pushed a step whose Undo deleted their live article
(rv169)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.i18n import filled, quoted
from gui.plain_text import plain_label, plain_tip
from gui.table_columns import own_direction_cells
from store.text.display import isolated_name

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gui.commands import StoreCommand
    from gui.session import Session


class RestoreList(QDialog):
    """The table (the first column stretched, the others fit to their contents, each
    cell in its own direction), the words said when it is empty, and Restore. A subclass
    says what its rows are (:meth:`rows`) and how one is restored
    (:meth:`restore_command`), what restoring it did (:meth:`restored_text`), and what
    brought it back meanwhile (:meth:`restored_meanwhile`)."""

    said = Signal(str)  # what a restore did, for the window's status bar (and screen reader)

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None,
                 *, names: tuple[str, str, str, str], headers: list[str], described: str,
                 empty: str, restore_tip: str):
        """*names*: the objectNames of the dialog, its table, its empty words and its
        Restore button; *described*: the table's accessible name."""
        super().__init__(parent)
        self.setObjectName(names[0])
        self.session, self._undo_stack = session, undo_stack
        self._keys: list[str] = []  # the id of each row, as listed
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(names[1])
        self.table.setAccessibleName(described)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Restore
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        own_direction_cells(self.table)  # quotes, titles and names in their own direction
        self.empty = plain_label(empty)
        self.empty.setObjectName(names[2])
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName(names[3])
        self.restore_button.setToolTip(restore_tip if not session.read_only else self.tr(
            "This project is open read-only: nothing can be restored in it."))
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
        dialogs.fit_screen(self, 640, 360)

    def rows(self) -> list[tuple[str, list[str], str]]:
        """Each row's id (the row chosen stays chosen by it), cells, and the whole of its
        first (its tooltip), as the project has them now."""
        raise NotImplementedError

    def restore_command(self, row: int) -> StoreCommand:
        """The undo step that brings back what *row* lists."""
        raise NotImplementedError

    def restored_text(self, row: int) -> str:
        """What restoring *row* did, in a sentence."""
        raise NotImplementedError

    def restored_meanwhile(self, row: int) -> str | None:
        """Who brought back what *row* lists since it was read (a colleague's write, not
        yet seen), in a sentence; None: it is still deleted. Nothing is restored then,
        and no step is pushed: its Undo deleted what they had brought back."""
        raise NotImplementedError

    def brought_back_by(self, who: str, what: str, sentences: tuple[str, str, str]) -> str:
        """Who brought *what* back meanwhile, in the first of *sentences* (mine, in another
        window or from the command line), the second (a colleague's, %2) or the third (no
        one named); *what* is %1. Filled in one pass: the data as it is."""
        mine, named, unnamed = sentences
        said = mine if who == self.session.annotator else named if who else unnamed
        return filled(said, quoted(dialogs.shortened(what)), isolated_name(who))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on a row restores what it lists, and only that: the table restored it,
        then passed Enter on to the dialog, which pressed Restore for the row chosen by
        then (the next one, moved up): one Enter brought back two claims."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.restore_current()
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """The list as the project has it now, the row chosen still chosen; gone, the
        one after it (the first, at the opening)."""
        row = self.table.currentRow()
        chosen = self._keys[row] if 0 <= row < len(self._keys) else None
        rows = self.rows()
        self._keys = [key for key, _cells, _whole in rows]
        self.table.setRowCount(len(rows))
        for at, (_key, cells, whole) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(plain_tip(whole) if column == 0 else "")
                self.table.setItem(at, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:  # (selectRow selects nothing in a right-to-left table not yet shown)
            row = self._keys.index(chosen) if chosen in self._keys else \
                min(max(row, 0), len(rows) - 1)
            flags = QItemSelectionModel.SelectionFlag
            self.table.setCurrentCell(row, 0, flags.ClearAndSelect | flags.Rows)
        self._update_enabled()

    def restore_current(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < self.table.rowCount() or self.session.read_only:
            return
        if (meanwhile := self.restored_meanwhile(row)) is not None:
            self.said.emit(meanwhile)
        else:
            said = self.restored_text(row)
            command = self.restore_command(row)
            self._undo_stack.push(command)
            if not command.refused:  # (refused: the step left the stack, and said why)
                self.said.emit(said)
        self.refresh()  # (the one after it is chosen next, not the first)

    def _update_enabled(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems())
                                       and not self.session.read_only)
