"""The editor for the selected claim: verdict, note and source links."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.commands import DeleteClaim, EditClaim
from gui.i18n import error_text
from gui.session import Session
from store.core.claims import validate_sources
from store.core.records import Claim
from store.core.stamps import shown_time
from store.errors import ClaimNotFound, InvalidSource

NOTE_IDLE_MS = 1200  # a pause in typing commits the note


class ClaimEditor(QWidget):
    claimDeleted = Signal(str)
    reviewRequested = Signal(str)  # "accept" or "reject"

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self.session = session
        self.undo_stack = undo_stack
        self.claim: Claim | None = None

        self.quote = QLabel()
        self.quote.setObjectName("claimQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName(self.tr("Quoted claim"))
        self.verdict = QComboBox()
        self.verdict.setObjectName("claimVerdict")
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("claimNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why this verdict? What did you check?"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.sources = QListWidget()
        self.sources.setObjectName("claimSources")
        self.sources.setAccessibleName(self.tr("Source links"))
        self.sources.setMaximumHeight(90)
        self.sources.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # URLs read left to right
        self.new_source = QLineEdit()
        self.new_source.setObjectName("newSource")
        self.new_source.setAccessibleName(self.tr("New source link"))
        self.new_source.setPlaceholderText("https://…")
        self.new_source.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.add_source = QPushButton(self.tr("Add"))
        self.add_source.setAccessibleName(self.tr("Add source link"))
        self.remove_source = QPushButton(self.tr("Remove"))
        self.remove_source.setAccessibleName(self.tr("Remove selected source link"))
        self.error = QLabel()
        self.error.setObjectName("claimError")
        self.error.setStyleSheet("color: #B00020")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with the claim"))
        self.delete = QPushButton(self.tr("Delete Claim"))
        self.delete.setObjectName("deleteClaim")
        self.delete.setAccessibleName(self.tr("Delete this claim"))
        self.review_comment = QLineEdit()
        self.review_comment.setObjectName("reviewComment")
        self.review_comment.setAccessibleName(self.tr("Review comment"))
        self.review_comment.setPlaceholderText(self.tr("Optional comment for your review…"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptClaim")
        self.accept_button.setAccessibleName(self.tr("Accept this claim's verdict"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("rejectClaim")
        self.reject_button.setAccessibleName(self.tr("Reject this claim's verdict"))
        self.reviews = QLabel()
        self.reviews.setObjectName("claimReviews")
        self.reviews.setWordWrap(True)
        self.reviews.setAccessibleName(self.tr("Reviews of this claim"))
        self.history = QListWidget()
        self.history.setObjectName("claimHistory")
        self.history.setAccessibleName(self.tr("History of this claim"))
        self.history.setMaximumHeight(100)
        self.history.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.meta = QLabel()
        self.meta.setObjectName("claimMeta")
        self.meta.setAccessibleName(self.tr("Who tagged this claim and when"))

        source_row = QHBoxLayout()
        source_row.addWidget(self.new_source, 1)
        source_row.addWidget(self.add_source)
        source_row.addWidget(self.remove_source)
        form = QFormLayout()
        form.addRow(self.tr("Verdict"), self.verdict)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Sources"), self.sources)
        form.addRow("", source_row)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_comment, 1)
        review_row.addWidget(self.accept_button)
        review_row.addWidget(self.reject_button)
        form.addRow(self.tr("Review"), review_row)
        form.addRow("", self.reviews)
        form.addRow(self.tr("History"), self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.meta, 1)
        bottom.addWidget(self.delete)
        layout.addLayout(bottom)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._note_edited)
        self.verdict.activated.connect(self._verdict_chosen)
        self.add_source.clicked.connect(self.commit_new_source)
        self.new_source.returnPressed.connect(self.commit_new_source)
        self.remove_source.clicked.connect(self.remove_selected_source)
        self.delete.clicked.connect(self.delete_claim)
        self.accept_button.clicked.connect(lambda: self.reviewRequested.emit("accept"))
        self.reject_button.clicked.connect(lambda: self.reviewRequested.emit("reject"))
        QShortcut(QKeySequence("Ctrl+Return"), self.note, self.commit_note)
        session.claimChanged.connect(self._claim_changed)
        session.claimsAboutToReset.connect(self.commit_note)
        session.claimsReset.connect(self._outside_changes)
        session.labelsChanged.connect(self._fill_labels)
        self._fill_labels()
        self.show_claim(None)

    # -- showing --------------------------------------------------------------------------
    def _fill_labels(self) -> None:
        self.verdict.clear()
        for label in self.session.labels():
            self.verdict.addItem(label.name(self.session.language), label.key)
        if self.claim:
            self.verdict.setCurrentIndex(self.verdict.findData(self.claim.label))

    def show_claim(self, claim_id: str | None) -> None:
        """Show a claim (or nothing); a pending note edit is saved first."""
        if self.claim is not None and claim_id != self.claim.id:
            self.commit_note()
        claim = None
        if claim_id:
            try:
                claim = self.session.claim(claim_id)
            except ClaimNotFound:
                claim = None
        if claim is not None and claim.is_deleted:
            claim = None
        self.claim = claim
        self.error.clear()
        enabled = claim is not None and not self.session.read_only
        for widget in (self.verdict, self.note, self.sources, self.new_source, self.add_source,
                       self.remove_source, self.delete, self.review_comment,
                       self.accept_button, self.reject_button):
            widget.setEnabled(enabled)
        self.note.blockSignals(True)
        if claim is None:
            self.quote.setText(self.tr("Select a claim, or select words in the article and "
                                       "press a verdict's key to tag them."))
            self.note.setPlainText("")
            self.sources.clear()
            self.meta.clear()
            self.reviews.clear()
            self.history.clear()
        else:
            self.quote.setText(f"«{claim.quote}»")
            self.verdict.setCurrentIndex(self.verdict.findData(claim.label))
            if self.note.toPlainText() != claim.note:
                self.note.setPlainText(claim.note)
            self.sources.clear()
            self.sources.addItems(list(claim.sources))
            self.meta.setText(self.tr("%1 · %2").replace("%1", claim.annotator)
                              .replace("%2", shown_time(claim.updated)))
            self.reviews.setText("\n".join(
                f"{'✓' if r.decision == 'accept' else '✗'} {r.reviewer} "
                f"{shown_time(r.created)}" + (f": {r.comment}" if r.comment else "")
                for r in self.session.reviews_for(claim.id)) or self.tr("Not reviewed yet."))
            self.history.clear()
            self.history.addItems(self.session.history_lines(claim.id))
            self.history.scrollToBottom()
        self.note.blockSignals(False)

    def _outside_changes(self) -> None:
        """Another program wrote the project: catch up (typing was saved just before)."""
        self.show_claim(self.claim.id if self.claim else None)

    def _claim_changed(self, claim_id: str) -> None:
        if self.claim is not None and claim_id == self.claim.id:
            self.show_claim(claim_id)

    # -- editing ------------------------------------------------------------------------
    def _push(self, **changes) -> None:
        if self.claim is not None:
            self.undo_stack.push(EditClaim(self.session, self.claim, **changes))

    def _verdict_chosen(self, index: int) -> None:
        key = self.verdict.itemData(index)
        if self.claim is not None and key and key != self.claim.label:
            self._push(label=key)

    def _note_edited(self) -> None:
        self._note_timer.start()

    def commit_note(self) -> None:
        self._note_timer.stop()
        if self.claim is not None and self.note.toPlainText() != self.claim.note:
            self._push(note=self.note.toPlainText())

    def commit_new_source(self) -> None:
        if self.claim is None or not self.new_source.text().strip():
            return
        try:
            (url,) = validate_sources([self.new_source.text()])
        except InvalidSource as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        if url not in self.claim.sources:
            self._push(sources=(*self.claim.sources, url))
        self.new_source.clear()

    def remove_selected_source(self) -> None:
        item = self.sources.currentItem()
        if self.claim is None or item is None:
            return
        self._push(sources=tuple(s for s in self.claim.sources if s != item.text()))

    def focus_note(self) -> None:
        self.note.setFocus()
        self.note.moveCursor(QTextCursor.MoveOperation.End)

    def take_review_comment(self) -> str:
        comment = self.review_comment.text().strip()
        self.review_comment.clear()
        return comment

    def delete_claim(self) -> None:
        if self.claim is not None:
            claim_id = self.claim.id
            self.undo_stack.push(DeleteClaim(self.session, claim_id))
            self.claimDeleted.emit(claim_id)
