"""Edit ▸ Deleted Claims: the open article's untagged words and deleted claims, each
brought back by one button (an undo step, as deleting was).

Untagging could be undone only by the person who did it, in the same session: a claim a
colleague deleted, brought by a merge, stayed deleted with its verdict, note, sources and
reviews, and tagging the words again made a new claim without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui import dialogs
from gui.commands import RestoreClaim
from gui.i18n import quoted
from gui.restore_list import RestoreList
from store.core.stamps import shown_time

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from gui.commands import StoreCommand
    from gui.session import Session
    from store.core.records import Appearance


class DeletedClaimsDialog(RestoreList):
    def __init__(self, session: Session, undo_stack: QUndoStack, article_id: str,
                 parent: QWidget | None = None):
        self._article_id = article_id
        self.groups: list[list[Appearance]] = []  # the places of one claim gone at once
        self.places: list[Appearance] = []  # the first of each, as listed
        super().__init__(
            session, undo_stack, parent,
            names=("deletedClaimsDialog", "deletedClaims", "noDeletedClaims", "restoreClaim"),
            headers=[self.tr("Words"), self.tr("Verdict"), self.tr("Deleted by"),
                     self.tr("When")],
            described=self.tr("Deleted claims of this article"),
            empty=self.tr("Nothing in this article was deleted."),
            restore_tip=self.tr("Tag these words again as the claim they were: its verdict, "
                                "note, sources and reviews"))
        self.setWindowTitle(self.tr("Deleted Claims — %s") % session.article_title(article_id))
        self.refresh()
        session.claimsReset.connect(self.refresh)  # (a colleague's write, a merge)
        session.appearancesChanged.connect(self._places_changed)

    def _places_changed(self, places: list[Appearance]) -> None:
        if any(place.article_id == self._article_id for place in places):
            self.refresh()

    def rows(self) -> list[tuple[str, list[str], str]]:
        self.groups = self.session.deleted_places(self._article_id)
        self.places = [group[0] for group in self.groups]
        rows = []
        for place, group in zip(self.places, self.groups, strict=True):
            label = self.session.label(place.label)
            deleted_by, deleted = (place.deleted_by, place.deleted) if place.deleted \
                else (place.claim.deleted_by, place.claim.deleted)
            words = place.quote if len(group) == 1 else " ".join(place.quote.split()) + " " + \
                self.tr("(%n place(s))", "", len(group))
            cells = [words, label.name(self.session.language) if label else place.label,
                     deleted_by or "", shown_time(deleted or "")]
            rows.append((place.id, cells, place.quote))
        return rows

    def restored_text(self, row: int) -> str:
        place = self.places[row]
        return self.tr("Restored %1.").replace(
            "%1", quoted(dialogs.shortened(place.quote)))

    def restored_meanwhile(self, row: int) -> str | None:
        """(Pushed, the step brought back nothing, and its Undo took back nothing.)"""
        now = self.session.appearances_by_id([p.id for p in self.groups[row]])
        if not now or any(p.deleted or p.claim.is_deleted for p in now.values()):
            return None
        place = now[self.groups[row][0].id]
        who = place.updated_by if self.places[row].deleted else place.claim.updated_by
        return self.brought_back_by(who, place.quote, (
            self.tr("You brought back %1 meanwhile, in another window or from the command "
                    "line."),
            self.tr("%2 brought back %1 meanwhile."),
            self.tr("%1 was brought back meanwhile.")))

    def restore_command(self, row: int) -> StoreCommand:
        return RestoreClaim(self.session, [p.id for p in self.groups[row]])
