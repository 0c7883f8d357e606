"""The reviewer's tools wired into the window: its actions, keys and docks for annotator
layers, accept/reject, disagreements and agreement (the widgets and their models are
in gui.review_panels)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow

from gui import dialogs
from gui.actions import Actions
from gui.article_pane import ArticlePane
from gui.claims_panel import ClaimsPanel
from gui.commands import EditClaim
from gui.docks import Area, add_dock
from gui.i18n import error_text, filled, quoted
from gui.review_panels import AgreementDialog, DisagreementsPanel, LayersPanel, SummaryDialog
from gui.session import Session
from store.errors import TahqiqError
from store.review.disagreements import DisagreementIndex
from store.text.display import isolated

REFRESH_DELAY_MS = 150  # panels catch up just after an edit, never inside it
DISAGREEMENTS_SHARE = 1 / 3  # of the middle column, the most the panel takes as it opens


class ReviewTools(QObject):
    statusMessage = Signal(str)

    def __init__(self, window: QMainWindow, session: Session, undo_stack: QUndoStack,
                 actions: Actions, claims_panel: ClaimsPanel, article_pane: ArticlePane):
        super().__init__(window)
        self._window = window
        self.session = session
        self._undo_stack = undo_stack
        self._claims = claims_panel
        self._article = article_pane
        self._article_id: str | None = None
        self._text = ""  # the article's text, for the words of each disagreement
        self.layers = LayersPanel(session.annotator)
        self.disagreements = DisagreementsPanel()
        self.layers_dock = add_dock(window, self.tr("Annotators"), "layersDock", self.layers,
                                    Area.LeftDockWidgetArea)
        self.disagreements_dock = add_dock(window, self.tr("Disagreements"),
                                           "disagreementsDock", self.disagreements,
                                           Area.BottomDockWidgetArea)
        self.disagreements_dock.hide()
        self._room_left = False  # the panel's first showing keeps the article readable

        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        # The article's places and disagreements, kept up to date a changed place at a
        # time (an edit looks only at its neighbours); made again for a new article or
        # after outside changes.
        self._index: DisagreementIndex | None = None
        self._shown: DisagreementIndex | None = None  # whose pairs the panel holds
        self._changes: list = []  # (added, removed) since, for the panel
        session.appearancesChanged.connect(self._places_changed)
        session.claimsReset.connect(self._forget_index)
        actions.review_accept.triggered.connect(lambda: self.review("accept"))
        actions.review_reject.triggered.connect(lambda: self.review("reject"))
        actions.show_agreement.triggered.connect(self.show_agreement)
        actions.show_summary.triggered.connect(self.show_summary)
        # A and R are off, as the editor's Accept and Reject, on a claim one may not
        # review (one's own, none, a read-only project): the keys then say why in the
        # status bar instead of falling through to the focused widget.
        for action in (actions.review_accept, actions.review_reject):
            actions.say_why_when_off(action, self._say_why_no_review)
        claims_panel.reviewRequested.connect(self.review)
        self.layers.hiddenChanged.connect(self.apply_layers)
        claims_panel.layerWanted.connect(self.show_layer)
        self.disagreements.adopt.connect(self.adopt)
        self.disagreements_dock.visibilityChanged.connect(
            lambda visible: self.refresh() if visible else None)
        self.disagreements_dock.visibilityChanged.connect(
            lambda visible: QTimer.singleShot(0, self, self._leave_room_to_read)
            if visible else None)
        self.disagreements.show.connect(article_pane.reader.select_span)

    def _say_why_no_review(self) -> None:
        if self._claims.current_claim_id() is None:
            self.statusMessage.emit(self.tr("Select a claim to review first."))
        elif self.session.read_only:
            self.statusMessage.emit(self.tr("This project is open read-only."))
        else:
            self.statusMessage.emit(
                self.tr("You gave this claim its verdict: a review must come from someone "
                        "else."))

    def docks(self) -> list[QDockWidget]:
        return [self.layers_dock, self.disagreements_dock]

    def article_shown(self, article_id: str) -> None:
        """A long article's places are still being read (gui.places): the annotators
        of those read so far show now, the rest, and the disagreements, once every place
        is read. (With the Disagreements panel open every place was read at once, before
        the article's first picture: 250 ms more of it with 50,000 claims, rv86.)"""
        self._article_id = article_id
        self._index = None
        places = self.session.showing
        if places is not None and not places.complete:
            self.layers.set_annotators(sorted({p.annotator for p in places.so_far()}))
            if self.disagreements_dock.isVisible():
                self.disagreements.set_waiting()  # (not the last article's pairs)
                self._shown = None
            places.completed.connect(self.refresh)
            return
        self.refresh()

    def _index_stale(self) -> bool:
        """Whether the disagreement index is missing or of another article."""
        return self._index is None or self._index.article_id != self._article_id

    def _places_changed(self, places: list) -> None:
        if self._index is not None:
            for place in places:
                self._changes.append(self._index.update(place))
        self._timer.start()

    def _forget_index(self) -> None:
        self._index = None
        self._timer.start()

    def shutdown(self) -> None:
        """Stop pending refreshes: the project is about to close."""
        self._closed = True
        self._timer.stop()

    def set_me(self, name: str) -> None:
        """The annotator the layers call "you" changed."""
        self.layers.me = name

    def refresh(self) -> None:
        """Bring the annotator list and the disagreements up to date with the article.

        Works from the claims the table already holds; disagreements are only looked
        for while their panel is open.
        """
        self._timer.stop()
        if self._closed:
            return
        if self._index_stale():
            claims = self._claims.claims()  # which may read the rest, and refresh first
            if self._index_stale():
                self._index = DisagreementIndex(self._article_id, claims)
            self._text = self._article.reader.plain_text()  # shared, not a copy
        self.layers.set_annotators(self._index.annotators())
        changes, self._changes = self._changes, []
        if not self.disagreements_dock.isVisible():
            self._shown = None
            self.disagreements.forget_gone()  # (the edits pass it by: set anew when opened)
        elif self._shown is self._index:  # the panel holds these pairs: only the changes
            self.disagreements.apply_changes(changes)
        else:
            self.disagreements.set_disagreements(self._index.disagreements(), self._text,
                                                 self.session.label_name,
                                                 self._label_color)
            self._shown = self._index

    def _leave_room_to_read(self) -> None:
        """The Disagreements panel opened under the article takes at most a third of the
        middle column: Qt gave it its preferred height, and on a laptop screen in a large
        font the article was left one line, where choosing a row selects its words."""
        dock = self.disagreements_dock
        if self._room_left or not dock.isVisible() or dock.isFloating():
            return  # (once: a height the person gave it since is theirs)
        self._room_left = True
        column = self._article.height() + dock.height()
        if dock.height() > column * DISAGREEMENTS_SHARE:
            self._window.resizeDocks([dock], [int(column * DISAGREEMENTS_SHARE)],
                                     Qt.Orientation.Vertical)

    def apply_layers(self, _hidden: set[str]) -> None:
        """Show or hide annotators' claims in the reader and the claims table, as the
        layers are once every place is read (reading the rest may bring annotators
        that Mine Only hides: the layers tell of it inside this call)."""
        claims = self._claims.claims()
        hidden = self.layers.hidden
        self._article.reader.set_hidden_annotators(hidden, claims)
        self._claims.set_hidden_annotators(hidden)

    def show_layer(self, annotator: str) -> None:
        """A claim of a hidden layer chosen (a search hit in its note, a tag with one's
        own layer hidden): the layer shown again, and said, rather than nothing chosen."""
        self.layers.show_layer(annotator)
        self.statusMessage.emit(
            self.tr("Your claims are shown again: the claim chosen is yours.")
            if annotator == self.session.annotator else
            self.tr("%1's claims are shown again: the claim chosen is theirs.")
            .replace("%1", isolated(annotator)))

    def review(self, decision: str) -> None:
        claim_id = self._claims.current_claim_id()
        if claim_id is None or self.session.read_only:
            self.statusMessage.emit(self.tr("Select a claim to review first."))
            return
        # The comment typed for this claim (the editor keeps one per claim), and only once
        # the review is filed is it gone: a refused review leaves it to be sent again.
        try:
            claim = self.session.appearance(claim_id).claim_id
            self.session.review(claim, decision, self._claims.review_comment(claim))
        except TahqiqError as exc:
            dialogs.show_error(self._window, error_text(exc))
            return
        self._claims.review_filed(claim)
        # A review cannot be undone (reviews are the record of the discussion): say it
        # was filed, and how a second thought is filed.
        self.statusMessage.emit(
            self.tr("Accepted. A review stays on record: review again to change it.")
            if decision == "accept" else
            self.tr("Rejected. A review stays on record: review again to change it."))

    def adopt(self, winner_id: str, loser_id: str) -> None:
        winner, loser = self.session.appearance(winner_id), self.session.appearance(loser_id)
        if winner.label != loser.label:
            # (the step named as the button pressed: Undo said «Mark as Verified»)
            self._undo_stack.push(EditClaim(
                self.session, loser, label=winner.label,
                text=self.tr("Adopt %s") % self.session.label_name(winner.label)))
            # Said, with the words settled: the row goes, the next becomes current under
            # the same button, and nothing else showed which pair a click had settled
            # (one settled on a pair not meant went unseen, rv203).
            words = (self._text[max(winner.start, loser.start):min(winner.end, loser.end)]
                     or loser.quote)  # (the words the panel's row shows)
            self.statusMessage.emit(filled(  # (names isolated)
                self.tr("%1's claim on %2 is now %3, as %4 has it (Undo takes it back)."),
                isolated(loser.annotator), quoted(dialogs.shortened(words)),
                self.session.label_name(winner.label), isolated(winner.annotator)))

    def _label_color(self, key: str) -> str:
        label = self.session.label(key)
        return label.color if label else "#888888"

    def show_summary(self) -> None:
        """The project's figures (store.review.summary), each claim counted once."""
        with dialogs.busy():
            lines = self.session.summary_lines()
        dialogs.run(SummaryDialog(lines, self._window))

    def show_agreement(self) -> None:
        article_id = self._article_id
        scope = self.session.article(article_id).title if article_id else self.tr("project")
        with dialogs.busy():  # (2 s at 50,000 claims of three annotators, each pair matched alone)
            lines = self.session.agreement_lines(article_id)
        dialogs.run(AgreementDialog(lines, scope, self._window))
