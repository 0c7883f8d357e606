"""Project ▸ Deleted Articles: the project's deleted articles, each brought back with its
tagged words by one button (an undo step, as deleting was).

Deleting could be undone only in the session that did it: an article deleted yesterday,
or by a colleague and brought by a merge, came back only to someone who knew its id and
the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
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

from gui import dialogs
from gui.commands import RestoreArticle
from gui.table_columns import own_direction_cells
from store.core.stamps import shown_time

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gui.session import Session
    from store.core.article_deletion import DeletedArticle


class DeletedArticlesDialog(QDialog):
    def __init__(self, session: Session, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deletedArticlesDialog")
        self.setWindowTitle(self.tr("Deleted Articles"))
        self._session, self._undo_stack = session, undo_stack
        self.articles: list[DeletedArticle] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("deletedArticles")
        self.table.setAccessibleName(self.tr("Deleted articles of this project"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Tagged places"), self.tr("Deleted by"),
             self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Restore
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        own_direction_cells(self.table)  # titles and names in their own direction
        self.empty = QLabel(self.tr("No article of this project was deleted."))
        self.empty.setObjectName("noDeletedArticles")
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreArticle")
        self.restore_button.setToolTip(self.tr(
            "Bring the article back, with the words that were tagged in it"))
        self.restore_button.setDefault(True)  # Enter restores the article chosen
        self.restore_button.clicked.connect(self.restore_current)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.restore_button)
        QWidget.setTabOrder(self.restore_button,
                            buttons.button(QDialogButtonBox.StandardButton.Close))
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        """The list as the project has it now."""
        self.articles = self._session.deleted_articles()
        self.table.setRowCount(len(self.articles))
        for row, article in enumerate(self.articles):
            cells = (article.title, str(article.places), article.deleted_by,
                     shown_time(article.deleted))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(article.title if column == 0 else "")
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.articles))
        self.empty.setVisible(not self.articles)
        if self.articles:  # (selectRow selects nothing in a right-to-left table not yet shown)
            chosen = QItemSelectionModel.SelectionFlag
            self.table.setCurrentCell(0, 0, chosen.ClearAndSelect | chosen.Rows)
        self._update_enabled()

    def restore_current(self) -> None:
        """Bring the chosen article back; the window shows it behind the list."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.articles) or self._session.read_only:
            return
        article = self.articles[row]
        self._undo_stack.push(RestoreArticle(self._session, article.id,
                                                dialogs.shortened(article.title)))
        self.refresh()
        if self.articles:  # the one after it is chosen next, not the first
            self.table.selectRow(min(row, len(self.articles) - 1))

    def _update_enabled(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems())
                                       and not self._session.read_only)
