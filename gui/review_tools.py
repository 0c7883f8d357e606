"""The reviewer's tools on the main window: layers, accept/reject, disagreements, agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDockWidget, QMenu

from gui import dialogs
from gui.commands import EditClaim
from gui.i18n import error_text, message_text
from gui.review_panels import AgreementDialog, DisagreementsPanel, LayersPanel
from store.errors import TahqiqError
from store.review.disagreements import find_disagreements

if TYPE_CHECKING:
    from gui.mainwindow import MainWindow

REFRESH_DELAY_MS = 150  # panels catch up just after an edit, never inside it


class ReviewTools(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.layers = LayersPanel(self.session.annotator)
        self.disagreements = DisagreementsPanel()
        self.layers_dock = self._dock(self.tr("Annotators"), "layersDock", self.layers,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.disagreements_dock = self._dock(self.tr("Disagreements"), "disagreementsDock",
                                             self.disagreements,
                                             Qt.DockWidgetArea.BottomDockWidgetArea)
        self.disagreements_dock.hide()
        self.unreviewed = QCheckBox(self.tr("Not yet reviewed"))
        self.unreviewed.setObjectName("unreviewedOnly")
        self.unreviewed.setAccessibleName(self.tr("Show only claims not yet reviewed"))
        window.filters_row.addWidget(self.unreviewed)

        self.act_accept = window._action("review_accept", self.tr("&Accept Claim"),
                                         lambda: self.review("accept"), "A",
                                         self.tr("Accept the selected claim's verdict"))
        self.act_reject = window._action("review_reject", self.tr("&Reject Claim"),
                                         lambda: self.review("reject"), "R",
                                         self.tr("Reject the selected claim's verdict"))
        self.act_agreement = window._action("show_agreement", self.tr("A&greement…"),
                                            self.show_agreement)
        menu = QMenu(self.tr("&Review"), window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)  # Help stays last
        menu.addActions([self.act_accept, self.act_reject])
        menu.addSeparator()
        menu.addAction(self.act_agreement)
        menu.addSeparator()
        menu.addAction(self.layers_dock.toggleViewAction())
        menu.addAction(self.disagreements_dock.toggleViewAction())

        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.session.claimChanged.connect(lambda _id: self._timer.start())
        self.session.claimsReset.connect(self._timer.start)
        window.articleShown.connect(lambda _id: self.refresh())
        self.layers.hiddenChanged.connect(self.apply_layers)
        self.unreviewed.toggled.connect(window.claims_proxy.set_unreviewed_only)
        self.disagreements.adopt.connect(self.adopt)
        self.disagreements_dock.visibilityChanged.connect(
            lambda visible: self.refresh() if visible else None)
        self.disagreements.show.connect(window.reader.select_span)
        window.editor.accept_button.clicked.connect(self.act_accept.trigger)
        window.editor.reject_button.clicked.connect(self.act_reject.trigger)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def shutdown(self) -> None:
        """Stop pending refreshes: the project is about to close."""
        self._closed = True
        self._timer.stop()

    def actions(self) -> list[QAction]:
        return [self.act_accept, self.act_reject]

    def refresh(self) -> None:
        """Bring the annotator list and the disagreements up to date with the article.

        Works from the claims the table already holds; disagreements are only looked
        for while their panel is open.
        """
        self._timer.stop()
        if self._closed:
            return
        claims = self.window.claims_model.claims()
        self.layers.set_annotators(sorted({c.annotator for c in claims}))
        if not self.disagreements_dock.isVisible():
            return
        self.disagreements.set_disagreements(
            find_disagreements(claims), self.window.reader.toPlainText(),
            lambda key: (self.session.label(key).name(self.session.language)
                         if self.session.label(key) else key))

    def apply_layers(self, hidden: set[str]) -> None:
        """Show or hide annotators' claims in the reader and the claims table."""
        self.window.reader.highlighter.hidden_annotators = set(hidden)
        if self.window.current_article:
            self.window.reader.set_claims(self.session.claims_of(self.window.current_article))
        self.window.claims_proxy.set_hidden_annotators(hidden)

    def review(self, decision: str) -> None:
        claim_id = self.window.current_claim_id()
        if claim_id is None or self.session.read_only:
            self.window.statusBar().showMessage(self.tr("Select a claim to review first."), 5000)
            return
        try:
            self.session.review(claim_id, decision, self.window.editor.take_review_comment())
        except TahqiqError as exc:
            dialogs.show_error(self.window, error_text(exc))

    def adopt(self, winner_id: str, loser_id: str) -> None:
        winner, loser = self.session.claim(winner_id), self.session.claim(loser_id)
        if winner.label != loser.label:
            self.window.undo_stack.push(EditClaim(self.session, loser, label=winner.label))

    def show_agreement(self) -> None:
        from store.review import agreement

        article_id = self.window.current_article
        report = agreement.agreement(self.session.project, article_id)
        scope = self.session.article(article_id).title if article_id else self.tr("project")
        AgreementDialog([message_text(line) for line in report.lines()], scope,
                        self.window).exec()
