"""One undo command per user action; redo and undo reach the store through the session
only (most call one of its methods; a few ask first where the words stand, or say what
came back).

A command whose first redo fails (the store refused the change) marks itself
obsolete, so QUndoStack.push drops it instead of recording an action that
never happened; the session reports the error to the window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui import dialogs
from gui.session import Session
from store.core.records import Appearance, Claim, Label, Place, Spot
from store.errors import TahqiqError
from store.text.display import isolated


class UndoStack(QUndoStack):
    """The window's undo stack, which has work still waiting (a note being typed, saved
    after a pause in the typing) done before any other step is pushed or undone:
    a note typed, then at once other words tagged, was saved after the tag, and the first
    undo took the note away, not the tag."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._waiting: list[Callable[[], None]] = []
        self._pending: list[Callable[[], str | None]] = []
        self._flushing = False

    def before_push(self, flush: Callable[[], None],
                    pending: Callable[[], str | None] = lambda: None) -> None:
        """Call *flush* before each step is pushed (it may push one of its own, which
        *pending* names while it waits: «Edit note»)."""
        self._waiting.append(flush)
        self._pending.append(pending)

    def next_undo(self) -> str:
        """The step Undo takes back now: the one waiting to be saved, if any (Undo saves
        it first), else the stack's. The menu named the tag, and the typing went."""
        return next((name for pending in self._pending if (name := pending())),
                    self.undoText())

    def push(self, command: QUndoCommand) -> None:
        if in_a_step():
            # Pushed while a step is undone or redone (a signal of the step's): Qt put it
            # above the step being undone, the stack then no longer saying what the file
            # holds, or deleted the step being redone under it (the window crashed). It
            # is pushed once the step and the stack's move are over.
            after_the_step(lambda: self.push(command))
            return
        self._flush()
        super().push(command)

    def take_back(self) -> None:
        """Undo, as the person asks it (Edit ▸ Undo, its keys, the toolbar): a note being
        typed is saved first, a step of its own, and so is what is taken back. Undone
        straight away, the step before it went instead (the claim just tagged), the
        typing left in the editor and saved after the pause over what the undo gave back.
        (The window's own moves, back over a step the project refused, are ``undo``. A
        redo is the step the menu names, the typing saved after it: saved first, it left
        nothing to redo, «Redo Tag as Disputed» dropped unsaid, rv67.)"""
        self._flush()
        self.undo()

    def _flush(self) -> None:
        if not self._flushing:
            self._flushing = True
            try:
                for flush in self._waiting:
                    flush()
            finally:
                self._flushing = False


_steps_running = 0  # undos and redos under way (one GUI thread: a count, not a lock)
_after_steps: list[Callable[[], None]] = []  # what waits for them to be over


def in_a_step() -> bool:
    """Whether a step is being undone or redone now: what it sets off (the claims
    reloaded, the claim left) must push nothing inside it (``UndoStack.push``)."""
    return _steps_running > 0


def after_the_step(work: Callable[[], None]) -> None:
    """Do *work* once the steps under way are over and the stack has moved (and after a
    step back the window asked for meanwhile: both wait for the event loop)."""
    _after_steps.append(work)


@contextlib.contextmanager
def _stepping() -> Iterator[None]:
    global _steps_running
    _steps_running += 1
    try:
        yield
    finally:
        _steps_running -= 1
        if not _steps_running and _after_steps:
            waiting = _after_steps[:]
            _after_steps.clear()
            QTimer.singleShot(0, lambda: [work() for work in waiting])


class StoreCommand(QUndoCommand):
    """A step of the undo stack that writes the project. A step refused on its first
    run (a claim deleted meanwhile) leaves the stack; an undo or a redo refused later
    (another program holding the file, words gone) is told, and the window steps the
    stack back over it (``Session.stepRefused``): the stack says what the project is."""

    def __init__(self, session: Session, text: str):
        super().__init__(text)
        self.session = session
        self.refused = False  # its first run refused (a claim deleted meanwhile)
        self._done_once = False
        self._stepping_back = False  # the next undo or redo only puts the stack back

    def _guard(self, action: Callable[[], object], *, undoing: bool) -> bool:
        """Run *action*; whether it was done (not refused, not a step back)."""
        if self._stepping_back:
            self._stepping_back = False
            return False
        try:
            action()
        except TahqiqError as exc:
            if in_a_step():  # (a box's event loop inside the step ran the note's timer,
                # and the window's polling, pushing into the step: said after it)
                after_the_step(lambda refused=exc: self.session.report(refused))
            else:
                self.session.report(exc)
            if not self._done_once:
                self.refused = True  # (read after the push: the step left the stack)
                self.setObsolete(True)
            else:
                self._stepping_back = True
                self.session.stepRefused.emit(undoing)
            return False
        return True

    def redo(self) -> None:
        if not self._done_once:  # the step's first run, which shows itself (a tag's own
            self._guard(self.do, undoing=False)  # path: no slot added to it)
            self._done_once = True
            return
        with self.session.articles_touched() as touched, _stepping():
            done = self._guard(self.do, undoing=False)
        if done:
            self.session.stepTouched.emit(touched, self.text(), False)
            self._show(self.place_after(undone=False))

    def undo(self) -> None:
        with self.session.articles_touched() as touched, _stepping():
            done = self._guard(self.undo_action, undoing=True)
        if done:
            self.session.stepTouched.emit(touched, self.text(), True)
            self._show(self.place_after(undone=True))

    def place_after(self, undone: bool) -> str | None:
        """The place to select once this step is undone (*undone*) or redone: words it
        brought back, for the next verdict key to act on them rather than on whatever
        row was selected meanwhile. None: the selection stays."""
        return None

    def _show(self, place_id: str | None) -> None:
        if place_id is not None:
            self.session.stepShows.emit(place_id)

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_action(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _fields(session: Session, claim: Claim) -> dict[str, object]:
    """What an undo or a redo expects of a claim it would delete or overwrite: its
    verdict, note and sources, and the reviews it had (rv211)."""
    return {"label": claim.label, "note": claim.note, "sources": claim.sources,
            **session.reviewed(claim.id)}


class TagSpan(StoreCommand):
    """Tag words as a new claim; undo untags them, redo brings the same claim back."""

    def __init__(self, session: Session, article_id: str, start: int, end: int, label: str):
        super().__init__(session, session.tr("Tag as %s") % session.label_name(label))
        self.article_id, self.start, self.end, self.label = article_id, start, end, label
        self.appearance_id: str | None = None
        self.reviewed: dict[str, object] = {}  # the claim's reviews as the step left it

    def do(self) -> None:
        if self.appearance_id is None:
            self.appearance_id = self.session.create_claim(
                self.article_id, self.start, self.end, self.label).id
        else:
            self.session.restore_appearance(self.appearance_id)
        self.reviewed = self.session.reviewed(self.appearance_id)  # (its claim's id)

    def undo_action(self) -> None:
        assert self.appearance_id is not None
        # (refused if a colleague's work on it came in since, their review too: an
        # editor's acceptance went with the claim, unsaid, rv211: Session.untag_made)
        self.session.untag_made([self.appearance_id], self.appearance_id,
                                {"label": self.label, "note": "", "sources": (),
                                 **self.reviewed})

    def place_after(self, undone: bool) -> str | None:
        return None if undone else self.appearance_id


class _ManyAppearances(StoreCommand):
    """Make several appearances in one step (:meth:`make` the first time); undo deletes
    them all, redo restores the same ones."""

    appearance_ids: list[str]

    def make(self) -> list[str]:
        raise NotImplementedError

    def made(self) -> tuple[str, dict[str, object] | None]:
        """The claim the places were made on, and what the step made it (None: it was
        there before): an undo expects them so (``Session.untag_made``)."""
        raise NotImplementedError

    spans: list[tuple[int, int]]

    def do(self) -> None:
        """Make the places, or bring them back (``_bring_back``)."""
        with _busy(len(self.spans)):
            if not self.appearance_ids:
                self.appearance_ids = self.make()
            else:
                _bring_back(self.session, self.appearance_ids)

    def undo_action(self) -> None:
        with _busy(len(self.spans)):
            self.session.untag_made(list(reversed(self.appearance_ids)), *self.made())


BUSY_FROM = 500  # places a step makes or untags from which it takes a second or more


@contextlib.contextmanager
def _busy(places: int) -> Iterator[None]:
    """A waiting cursor while a step of many places is done: a Tag All of thousands
    (a long report's every «قال») took seconds, the window still, no sign of work."""
    with dialogs.busy() if places >= BUSY_FROM else contextlib.nullcontext():
        yield


def _bring_back(session: Session, appearance_ids: list[str]) -> None:
    """Places untagged together, tagged again: one refused (its words gone from a text
    changed since, or tagged again) leaves the others done and is told after them; the
    whole step is refused only when none was done."""
    restored, refused = session.restore_appearances(appearance_ids)
    if refused is not None:
        if not restored:
            raise refused
        session.report(refused)


class TagAll(_ManyAppearances):
    """Tag every occurrence of some words as one claim; undo untags them all."""

    def __init__(self, session: Session, article_id: str, spans: list[tuple[int, int]],
                 label: str):
        super().__init__(session, session.tr("Tag %n occurrence(s) as %1", "", len(spans))
                         .replace("%1", session.label_name(label)))
        self.article_id, self.spans, self.label = article_id, spans, label
        self.appearance_ids = []
        self.reviewed: dict[str, object] = {}  # the claim's reviews as the step left it

    def do(self) -> None:
        super().do()
        # (the claim's first place has its id)
        self.reviewed = self.session.reviewed(self.appearance_ids[0])

    def make(self) -> list[str]:
        return [a.id for a in self.session.tag_all(self.article_id, self.spans, self.label)]

    def made(self) -> tuple[str, dict[str, object] | None]:
        return self.appearance_ids[0], {"label": self.label, "note": "", "sources": (),
                                        **self.reviewed}


class AddAppearances(_ManyAppearances):
    """Make every other place of some words more appearances of the selected claim (Tag All
    Occurrences); undo untags them all."""

    def __init__(self, session: Session, claim_id: str, article_id: str,
                 spans: list[tuple[int, int]]):
        super().__init__(session, session.tr("Tag %n more occurrence(s)", "", len(spans)))
        self.claim_id, self.article_id, self.spans = claim_id, article_id, spans
        self.appearance_ids = []

    def make(self) -> list[str]:
        return [a.id for a in
                self.session.add_appearances(self.claim_id, self.article_id, self.spans)]

    def made(self) -> tuple[str, dict[str, object] | None]:
        return self.claim_id, None  # (the claim lives on in its other places)


class AddAppearance(StoreCommand):
    """Make words an appearance of a claim checked elsewhere (accepting a suggestion).
    Words I tagged there as another claim join it (``Session.join_claim``); undo puts
    them back on their own claim."""

    def __init__(self, session: Session, claim_id: str, article_id: str, start: int,
                 end: int, label: str):
        super().__init__(session, session.tr("Accept known claim (%s)")
                         % session.label_name(label))
        self.claim_id, self.article_id, self.start, self.end = claim_id, article_id, start, end
        self.appearance_id: str | None = None
        self.joined: tuple[str, str] | None = None  # my place that joined, its claim before

    def do(self) -> None:
        if self.appearance_id is not None and self.joined is None:
            self.session.restore_appearance(self.appearance_id)
            return
        # (asked at every run: on a redo, my words may be gone since, another program's
        # doing, and the words join as a new place, which the undo then takes away)
        mine = self.session.own_place_at(self.article_id, self.start, self.end)
        place = self.session.join_claim(self.claim_id, self.article_id, self.start, self.end)
        self.joined = (mine.id, mine.claim_id) if mine is not None and place.id == mine.id \
            else None
        self.appearance_id = place.id

    def undo_action(self) -> None:
        assert self.appearance_id is not None
        # (refused when a colleague moved the words to a claim of theirs since, as a
        # tag's undo is: it deleted their claim, verdict and note unsaid, rv170)
        if self.joined is not None:
            self.session.link_all([self.joined], on={self.appearance_id: self.claim_id})
        else:
            self.session.untag_made([self.appearance_id], self.claim_id)

    def place_after(self, undone: bool) -> str | None:
        return None if undone else self.appearance_id


class Dismiss(StoreCommand):
    """Never suggest a claim for these words again; undo takes that back."""

    def __init__(self, session: Session, article_id: str, claim_id: str, start: int, end: int):
        super().__init__(session, session.tr("Dismiss suggestion"))
        self.args = (article_id, claim_id, start, end)
        self.dismissal_id: str | None = None

    def do(self) -> None:
        self.dismissal_id = self.session.dismiss(*self.args)

    def undo_action(self) -> None:
        assert self.dismissal_id is not None
        self.session.undismiss(self.dismissal_id)


class DeleteArticle(StoreCommand):
    """Delete an article with its tagged words; undo brings them back."""

    def __init__(self, session: Session, article_id: str, title: str):
        # (the title isolated: an Arabic one shortened in an English line drew its «…»
        # before its first word, and its closing mark on the wrong side)
        super().__init__(session, session.tr("Delete article “%1”").replace(
            "%1", isolated(title)))
        self.article_id = article_id

    def do(self) -> None:
        self.take_away()

    def undo_action(self) -> None:
        self.bring_back()

    # (a waiting cursor: an article of 5,000 claims takes a second or more either way)
    def take_away(self) -> None:
        with dialogs.busy():
            self.session.delete_article(self.article_id)

    def bring_back(self) -> None:
        with dialogs.busy():
            refused = self.session.restore_article(self.article_id)
        if refused is not None:
            self.session.report(refused)  # the article is back; some words are not
        self.session.articleBack.emit(self.article_id)


class RestoreArticle(DeleteArticle):
    """Bring a deleted article back with its tagged words (Project ▸ Deleted Articles);
    undo deletes it again."""

    def __init__(self, session: Session, article_id: str, title: str):
        super().__init__(session, article_id, title)
        self.setText(session.tr("Restore article “%1”").replace("%1", isolated(title)))

    def do(self) -> None:
        self.bring_back()

    def undo_action(self) -> None:
        self.take_away()


class Link(StoreCommand):
    """Make several places appearances of one claim; undo puts each back on its own."""

    def __init__(self, session: Session, places: Sequence[Appearance], claim_id: str):
        super().__init__(session, session.tr("Link as one claim"))
        self.before = [(a.id, a.claim_id) for a in places if a.claim_id != claim_id]
        self.claim_id = claim_id
        # The claims the words went back to, as the undo left them: a redo deletes them
        # again, and is refused if a colleague changed one since (their note went).
        self.undone: dict[str, dict[str, object]] | None = None

    def do(self) -> None:
        # (a redo expects each place on the claim the undo left it on, and the undo
        # each on this claim: words a colleague unlinked into a claim of theirs since
        # were taken off it, their claim deleted with its verdict and note, rv151)
        self.session.link_all([(place, self.claim_id) for place, _old in self.before],
                              expect=self.undone,
                              on=dict(self.before) if self.undone is not None else None)

    def undo_action(self) -> None:
        self.session.link_all(list(reversed(self.before)),
                              on={place: self.claim_id for place, _old in self.before})
        self.undone = {old: _fields(self.session, self.session.appearance(place).claim)
                       for place, old in self.before}


class MoveWords(StoreCommand):
    """A claim's place takes the words selected (a word short, or one too many, set
    right); undo gives it its words back. Each way expects the place where the other
    left it (followed if the article's text moved both: ``appearances.move_step``)."""

    def __init__(self, session: Session, place: Place | Appearance, start: int, end: int):
        super().__init__(session, session.tr("Move claim's words"))
        self.appearance_id = place.id
        self.shown = (place.start, place.end)  # where the window showed it
        self.target = (start, end)
        self.before: Spot | None = None
        self.after: Spot | None = None

    def do(self) -> None:
        if self.before is not None and self.after is not None:  # a redo
            self.session.move_step(self.appearance_id, self.before, self.after)
            return
        was = self.session.appearance(self.appearance_id)
        moved = self.session.move_place(self.appearance_id, *self.target, expect=self.shown)
        self.before = (was.start, was.end, was.quote)
        self.after = (moved.start, moved.end, moved.quote)

    def undo_action(self) -> None:
        assert self.before is not None and self.after is not None
        self.session.move_step(self.appearance_id, self.after, self.before)

    def place_after(self, undone: bool) -> str | None:
        return self.appearance_id


class Unlink(StoreCommand):
    """Split words off into a claim of their own; undo joins them back."""

    def __init__(self, session: Session, place: Appearance):
        super().__init__(session, session.tr("Unlink"))
        self.appearance_id, self.old_claim = place.id, place.claim_id
        self.new_claim: str | None = None
        self.made: dict[str, object] = {}  # the claim the words became, as made
        self.old_live = True  # the claim they left, live after them

    def do(self) -> None:
        # (a redo expects the words on the claim the undo left them on: rv151)
        place = self.session.unlink(self.appearance_id, self.new_claim,
                                    on=self.old_claim if self.new_claim else None)
        self.new_claim, self.made = place.claim_id, _fields(self.session, place.claim)
        self.old_live = bool(self.session.appearances_of(self.old_claim))

    def undo_action(self) -> None:
        # (refused if a colleague moved the words to another claim since, changed the
        # claim they became, or deleted the one they go back to: appearances.link_all)
        assert self.new_claim is not None
        self.session.link_all([(self.appearance_id, self.old_claim)],
                              expect={self.new_claim: self.made},
                              live=[self.old_claim] if self.old_live else [],
                              on={self.appearance_id: self.new_claim})


class EditClaim(StoreCommand):
    """Change a claim's verdict, note or sources (at every place it appears); undo puts
    the old values back. *text* names the step for what the person did, where that was
    more than the change (Disagreements ▸ Adopt: «Undo Adopt Verified», not a «Mark as
    Verified» they never chose, rv282)."""

    def __init__(self, session: Session, place: Appearance, *, label: str | None = None,
                 note: str | None = None, sources: Sequence[str] | None = None,
                 text: str | None = None):
        changes = {k: v for k, v in
                   {"label": label, "note": note,
                    "sources": tuple(sources) if sources is not None else None}.items()
                   if v is not None}
        if set(changes) == {"label"}:
            named = session.tr("Mark as %s") % session.label_name(str(label))
        elif set(changes) == {"note"}:
            named = session.tr("Edit note")
        elif set(changes) == {"sources"}:
            named = session.tr("Edit sources")
        else:
            named = session.tr("Edit claim")
        super().__init__(session, named if text is None else text)
        self.claim_id = place.claim_id
        self.after = changes
        self.before = {k: getattr(place, k) for k in changes}
        self.reviewed: dict[str, object] = {}  # the claim's reviews as the step left it

    def do(self) -> None:
        # A redo expects what the undo left; the first run, whatever is there, and the
        # undo puts back what it replaced: a note typed while a colleague's came in was
        # saved over theirs, and the undo put back the note shown before it (rv144).
        if self._done_once:
            self.session.update_claim(self.claim_id, expect={**self.before, **self.reviewed},
                                      **self.after)
        else:
            now = self.session.claim(self.claim_id)
            self.before = {k: getattr(now, k) for k in self.after}
            self.session.update_claim(self.claim_id, **self.after)
        self.reviewed = self.session.reviewed(self.claim_id)

    def undo_action(self) -> None:
        # (a verdict put back over an editor's review of it since is refused: their
        # acceptance no longer counted, unsaid, rv211)
        self.session.update_claim(self.claim_id, expect={**self.after, **self.reviewed},
                                  **self.before)
        self.reviewed = self.session.reviewed(self.claim_id)


class RestoreClaim(StoreCommand):
    """Tag deleted words again, with their claim: the places of one claim that went at
    one time (a Tag All undone goes as one); undo deletes what was deleted before: these
    words (untagged), or the whole claim (deleted as one, by a colleague say: it came
    back with every place it had)."""

    def __init__(self, session: Session, appearance_ids: list[str]):
        super().__init__(session, session.tr("Restore claim"))
        self.appearance_ids = appearance_ids
        place = session.appearance(appearance_ids[0])
        self._claim_id = place.claim_id
        self._claim_gone = place.claim.is_deleted  # (it comes back with these words)
        self._words_gone = place.deleted is not None
        self._restored: dict[str, object] = {}  # the claim as restored

    def do(self) -> None:
        _bring_back(self.session, self.appearance_ids)
        self._restored = _fields(self.session,
                                 self.session.appearance(self.appearance_ids[0]).claim)

    def undo_action(self) -> None:
        """The words untagged again, if they were; the claim deleted again, if it was:
        words untagged before their claim was deleted, restored, brought the claim back
        with its other places, which an undo of the words alone left live. Refused if a
        colleague changed the claim since (the undo deleted their verdict and note,
        rv144)."""
        if self._words_gone:
            self.session.untag_made(self.appearance_ids, self._claim_id, self._restored)
        if self._claim_gone and not self.session.appearance(
                self.appearance_ids[0]).claim.is_deleted:
            self.session.delete_claim(self._claim_id, expect=self._restored)

    def place_after(self, undone: bool) -> str | None:
        return None if undone else self.appearance_ids[0]


class DeleteClaim(StoreCommand):
    """Untag words (the claim goes with its last place); undo tags them again."""

    def __init__(self, session: Session, appearance_id: str):
        super().__init__(session, session.tr("Delete claim"))
        self.appearance_id = appearance_id
        # The claim the undo gave the words back to, as it left it: a redo untags them as
        # a tag's undo does, refused if a colleague changed or reviewed the claim since
        # and these are its last words (their verdict and note went with it, rv211)
        self.restored: tuple[str, dict[str, object]] | None = None

    def do(self) -> None:
        if self.restored is None:
            self.session.delete_appearance(self.appearance_id)
        else:
            self.session.untag_made([self.appearance_id], *self.restored)

    def undo_action(self) -> None:
        claim = self.session.restore_appearance(self.appearance_id).claim
        self.restored = (claim.id, _fields(self.session, claim))

    def place_after(self, undone: bool) -> str | None:
        return self.appearance_id if undone else None


class EditLabel(StoreCommand):
    """Rename, recolour or otherwise change a verdict label (Project ▸ Labels…); undo puts
    the old values back. (A label typed over by mistake could only be typed back.)"""

    def __init__(self, session: Session, label: Label, changes: dict[str, object]):
        super().__init__(session, session.tr("Change label %s") % session.label_name(
            label.key))
        self.key = label.key
        self.after = dict(changes)
        self.before = {field: getattr(label, field) for field in changes}
        # What the step and its undo left, as stored (a name trimmed): the undo expects
        # the one, a redo the other, refused if another window changed them since (rv144)
        self.made: dict[str, object] | None = None
        self.undone: dict[str, object] | None = None

    def do(self) -> None:
        if self.made is None:  # the first run: what it replaces is what is stored now
            # (the window's copy, not yet caught up with another window's colour, was
            # put back by the undo over that colour, unsaid, rv170)
            now = self.session.stored_label(self.key)
            self.before = {field: getattr(now, field) for field in self.after}
        label = self.session.update_label(self.key, self.undone, **self.after)
        self.made = {field: getattr(label, field) for field in self.after}

    def undo_action(self) -> None:
        label = self.session.update_label(self.key, self.made, **self.before)
        self.undone = {field: getattr(label, field) for field in self.before}
