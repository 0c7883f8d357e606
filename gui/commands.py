"""One undo command per user action; redo and undo each call one session method.

A command whose first redo fails (the store refused the change) marks itself
obsolete, so QUndoStack.push drops it instead of recording an action that
never happened; the session reports the error to the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from gui.session import Session
from store.core.records import Claim
from store.errors import TahqiqError


def _label_name(session: Session, key: str | None) -> str:
    label = session.label(key) if key else None
    return label.name(session.language) if label else str(key)


class StoreCommand(QUndoCommand):
    def __init__(self, session: Session, text: str):
        super().__init__(text)
        self.session = session
        self._done_once = False

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except TahqiqError as exc:
            if not self._done_once:
                self.setObsolete(True)
            self.session.report(exc)

    def redo(self) -> None:
        self._guard(self.do)
        self._done_once = True

    def undo(self) -> None:
        self._guard(self.undo_action)

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_action(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class TagSpan(StoreCommand):
    """Create a claim; undo tombstones it, redo brings the same claim back."""

    def __init__(self, session: Session, article_id: str, start: int, end: int, label: str):
        super().__init__(session, session.tr("Tag as %s") % _label_name(session, label))
        self.article_id, self.start, self.end, self.label = article_id, start, end, label
        self.claim_id: str | None = None

    def do(self) -> None:
        if self.claim_id is None:
            self.claim_id = self.session.create_claim(
                self.article_id, self.start, self.end, self.label).id
        else:
            self.session.restore_claim(self.claim_id)

    def undo_action(self) -> None:
        assert self.claim_id is not None
        self.session.delete_claim(self.claim_id)


class EditClaim(StoreCommand):
    """Change a claim's verdict, note or sources; undo puts the old values back."""

    def __init__(self, session: Session, claim: Claim, *, label: str | None = None,
                 note: str | None = None, sources: Sequence[str] | None = None):
        changes = {k: v for k, v in
                   {"label": label, "note": note,
                    "sources": tuple(sources) if sources is not None else None}.items()
                   if v is not None}
        if set(changes) == {"label"}:
            text = session.tr("Mark as %s") % _label_name(session, label)
        elif set(changes) == {"note"}:
            text = session.tr("Edit note")
        elif set(changes) == {"sources"}:
            text = session.tr("Edit sources")
        else:
            text = session.tr("Edit claim")
        super().__init__(session, text)
        self.claim_id = claim.id
        self.after = changes
        self.before = {k: getattr(claim, k) for k in changes}

    def do(self) -> None:
        self.session.update_claim(self.claim_id, **self.after)

    def undo_action(self) -> None:
        self.session.update_claim(self.claim_id, **self.before)


class DeleteClaim(StoreCommand):
    def __init__(self, session: Session, claim_id: str):
        super().__init__(session, session.tr("Delete claim"))
        self.claim_id = claim_id

    def do(self) -> None:
        self.session.delete_claim(self.claim_id)

    def undo_action(self) -> None:
        self.session.restore_claim(self.claim_id)
