"""Project ▸ Deleted Articles: the project's deleted articles, each brought back with its
tagged words by one button (an undo step, as deleting was).

Deleting could be undone only in the session that did it: an article deleted yesterday,
or by a colleague and brought by a merge, came back only to someone who knew its id and
the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui import dialogs
from gui.commands import RestoreArticle
from gui.i18n import quoted
from gui.restore_list import RestoreList
from store.core.stamps import shown_time

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from gui.commands import StoreCommand
    from gui.session import Session
    from store.core.article_deletion import DeletedArticle


class DeletedArticlesDialog(RestoreList):
    def __init__(self, session: Session, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        self.articles: list[DeletedArticle] = []
        super().__init__(
            session, undo_stack, parent,
            names=("deletedArticlesDialog", "deletedArticles", "noDeletedArticles",
                   "restoreArticle"),
            headers=[self.tr("Title"), self.tr("Tagged places"), self.tr("Deleted by"),
                     self.tr("When")],
            described=self.tr("Deleted articles of this project"),
            empty=self.tr("No article of this project was deleted."),
            restore_tip=self.tr("Bring the article back, with the words that were tagged "
                                "in it"))
        self.setWindowTitle(self.tr("Deleted Articles"))
        self.refresh()
        session.articlesChanged.connect(self.refresh)  # (deleted, or back, from anywhere)

    def rows(self) -> list[tuple[str, list[str], str]]:
        self.articles = self.session.deleted_articles()
        return [(article.id, [article.title, str(article.places), article.deleted_by,
                              shown_time(article.deleted)], article.title)
                for article in self.articles]

    def restored_text(self, row: int) -> str:
        article = self.articles[row]
        title = quoted(dialogs.shortened(article.title))
        if not article.places:  # (not «with its 0 tagged places»)
            return self.tr("Restored the article %1.").replace("%1", title)
        return self.tr("Restored the article %1, with its %n tagged place(s).", "",
                       article.places).replace("%1", title)

    def restored_meanwhile(self, row: int) -> str | None:
        article = self.articles[row]
        if (who := self.session.article_brought_back_by(article.id)) is None:
            return None
        return self.brought_back_by(who, article.title, (
            self.tr("You brought the article %1 back meanwhile, in another window or from "
                    "the command line."),
            self.tr("%2 brought the article %1 back meanwhile."),
            self.tr("The article %1 was brought back meanwhile.")))

    def restore_command(self, row: int) -> StoreCommand:
        """Bring the article back; the window shows it behind the list."""
        article = self.articles[row]
        return RestoreArticle(self.session, article.id, dialogs.shortened(article.title))
