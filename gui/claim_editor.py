"""The editor of the selected claim: verdict, note, sources, reviews, where else it appears.

Compact on purpose: the list of claims is what a checker works through, so the editor
takes the room it needs and no more, and is only shown for a selected claim. The claim
it shows is one place a claim appears (an Appearance); verdict, note and sources belong
to the claim and change wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import screen_reader
from gui.commands import EditClaim, Link, UndoStack, Unlink, in_a_step
from gui.contrast import problem_red, secondary_text
from gui.dialogs import in_interface_direction
from gui.i18n import error_text, filled, quoted, review_line
from gui.icons import arrow_icon
from gui.offsets import OffsetMap, utf16_length
from gui.plain_text import plain_action_text, plain_label, plain_tip
from gui.session import Session
from gui.table_columns import own_direction_cells, starting_side
from store.core.claims import stored_note, validate_sources
from store.core.links import (
    is_web_link,
    links_in,
    readable_link,
    same_link,
    with_scheme,
)
from store.core.records import Appearance, Review
from store.core.stamps import shown_time
from store.errors import InvalidSource, NotFound
from store.text.display import isolated, isolated_name

NOTE_IDLE_MS = 1200  # a pause in typing commits the note
QUOTE_LINES = 2  # the height the quote keeps, in lines
TIP_LINE = 100  # characters of a link per line of its tooltip
LINK = Qt.ItemDataRole.UserRole  # a listed link as stored (it is shown readable)


class VerdictBox(QComboBox):
    """The claim's verdict, chosen from its list. Up and Down on the closed box open the
    list, where they move and Enter chooses: they stepped through the verdicts, and each
    verdict passed was a change of its own (Unchecked → Verified → Disputed: two undo
    steps, and the claim on record as Verified under the checker's name). The wheel
    scrolls the editor: over the box, it relabelled the claim."""

    _OPENING = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                Qt.Key.Key_Home, Qt.Key.Key_End)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # As wide as the room it is given, a long verdict's name shortened in it (its list
        # shows it whole): «Imposter content from a fake account impersonating a news
        # outlet» asked 432 px, and the editor scrolled sideways, Delete Claim cut (rv91).
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)  # (what the editor has room for at 800 px)
        self.currentTextChanged.connect(lambda text: self.setToolTip(plain_tip(text)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in self._OPENING and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.showPopup()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        event.ignore()  # (to the editor's scroll area)


class QuoteLabel(QLabel):
    """The claim's quote: plain text, wrapped, selectable by the mouse. Qt measures a
    selectable label's height for a width by laying its text out at that width, and
    then at its own again, and that repaints it: every layout pass of the editor (a
    verdict chosen changes the line under the quote, a tag the history's count) painted
    the unchanged quote once more, after the change itself was painted. Its heights are
    measured on a twin never shown (set up as it is, so measured as Qt measures it),
    and kept for the text shown."""

    _FORGET_ON = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LayoutDirectionChange})

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._heights: dict[tuple[int, bool, str], int] = {}
        self._twin = QLabel(self)  # (a child never shown, not a window of its own)
        self._twin.setTextFormat(Qt.TextFormat.PlainText)
        self._twin.hide()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        key = (width, self.wordWrap(), self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= 64:
                self._heights.clear()
            height = self._heights[key] = self._measured(width)
        return height

    def _measured(self, width: int) -> int:
        twin = self._twin
        twin.setWordWrap(self.wordWrap())
        twin.setTextInteractionFlags(self.textInteractionFlags())
        twin.setAlignment(self.alignment())
        twin.setIndent(self.indent())
        twin.setMargin(self.margin())
        twin.setContentsMargins(self.contentsMargins())
        twin.setLayoutDirection(self.layoutDirection())
        twin.setFont(self.font())
        twin.setText(self.text())
        return twin.heightForWidth(width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in self._FORGET_ON:
            self._heights.clear()
        super().changeEvent(event)


class NoteEdit(QPlainTextEdit):
    """The note: asks for its least height (two lines), and takes the editor's room left
    over (ClaimEditor's layout): asking for Qt's 192 pixels, it pushed Accept and Delete
    out of view on a laptop's screen.

    Its note is the one set, to the letter, until it is edited: Qt's toPlainText() writes
    a no-break space as a space and a line separator as a line end, so a colleague's note
    holding one («5 %» from Word) read as changed, and was saved over as an edit by
    whoever only chose its claim (rv158)."""

    def __init__(self) -> None:
        super().__init__()
        self._set = ("", "")  # the note set, and the field's text of it

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """*text* set, its undo history gone; an empty note on an empty field that has
        no history is left as it is (it would look and undo the same): set again, the
        field was painted again at every claim tagged, whose note is empty."""
        document = self.document()
        if not text and document.isEmpty() and not document.isUndoAvailable() \
                and not document.isRedoAvailable():
            document.setModified(False)
            self._set = (text, "")
            return
        super().setPlainText(text)
        self._set = (text, self._typed())

    def note_text(self) -> str:
        typed = self._typed()
        return self._set[0] if typed == self._set[1] else typed

    def _typed(self) -> str:
        """The field's text, its no-break spaces and line separators kept (the raw text,
        its paragraph ends made line ends)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.minimumHeight())


class SourceList(QListWidget):
    """The claim's source links, where Delete or Backspace removes the chosen link, as the
    Remove button does, and what is typed goes on in the new link's field.

    The window's one-key shortcuts win over a widget that does not claim their keys:
    Delete (Delete Claim) deleted the whole claim for a person removing a link, and a link
    typed here (Tab from the note stops on this list, just above the field) relabelled
    the claim at each digit and filed a review at each «a» or «r». The list claims those
    keys (ShortcutOverride, as a text field does), so they reach it.
    """

    removeRequested = Signal()
    typed = Signal(str)  # text typed while the list has the focus

    @staticmethod
    def _plain(event: QKeyEvent) -> bool:
        return event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier
                                     | Qt.KeyboardModifier.ShiftModifier) \
            == Qt.KeyboardModifier.NoModifier

    @classmethod
    def _removes(cls, event: QKeyEvent) -> bool:
        return cls._plain(event) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier \
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

    @classmethod
    def _types(cls, event: QKeyEvent) -> bool:
        text = event.text()
        return cls._plain(event) and bool(text) and text.isprintable() and not text.isspace()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                self._removes(event) or self._types(event)):
            event.accept()  # the key comes here, not to a shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._removes(event):
            self.removeRequested.emit()
            event.accept()
            return
        if self._types(event):
            self.typed.emit(event.text())
            event.accept()
            return
        super().keyPressEvent(event)


class ClaimEditor(QWidget):
    deleteRequested = Signal()  # the Delete Claim button: the window deletes, as Del does
    reviewRequested = Signal(str)  # "accept" or "reject"
    doneTyping = Signal()  # Esc in a field: back to the article
    statusMessage = Signal(str)

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self.session = session
        self.undo_stack = undo_stack
        if isinstance(undo_stack, UndoStack):
            undo_stack.before_push(self.commit_typed_note, self._typed_step)
        self.claim: Appearance | None = None
        self._quote_passing: bool | None = None  # the quote's words are said in passing
        self._elsewhere: dict[str, list[Appearance]] = {}  # by claim
        # Review comments typed and not yet filed, by claim id: a comment belongs to the
        # claim it was typed for. Choosing another claim shows that claim's own (none,
        # mostly) and coming back shows this one again, as a mail program keeps a draft
        # per message; filing the review ends it, a refused review keeps it.
        self._review_drafts: dict[str, str] = {}
        # The claims whose comment this window typed, changed, cleared or filed since it
        # last kept its drafts: only those are written back, the rest left as another
        # window kept them (take_changed_drafts).
        self._review_changed: set[str] = set()
        # A source link typed and not yet added, the same way: Enter after choosing
        # another claim would have added it there. Adding it ends it.
        self._source_drafts: dict[str, str] = {}
        # A note typed on a claim an undo took away before it was saved: shown, still to
        # be saved, when the claim comes back.
        self._note_drafts: dict[str, str] = {}
        self.note_waits_for_its_claim = False  # (its last save refused: the claim deleted)

        self.quote = QuoteLabel()
        self.quote.setObjectName("claimQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What a label is for goes in its description: an accessible name is all a screen
        # reader says, and it said "Quoted claim" in place of the quote shown (so did the
        # other labels whose text changes: counts, names, the article's title).
        self.quote.setAccessibleDescription(self.tr("Quoted claim"))
        # Two lines kept for the quote, at the top: choosing another claim of one or two
        # lines moves no field below it (a longer quote still grows the editor). Every
        # tag chooses its new claim, and a moved field repainted the whole editor.
        self.quote.setAlignment(self.quote.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask
                                | Qt.AlignmentFlag.AlignTop)
        self.quote.setMinimumHeight(QUOTE_LINES * self.quote.fontMetrics().lineSpacing())
        self.verdict = VerdictBox()
        self.verdict.setObjectName("claimVerdict")
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.meta = plain_label()
        self.meta.setObjectName("claimMeta")
        self.meta.setAccessibleDescription(self.tr("Who tagged this claim and when"))
        # "name · time" reads left to right but stands where the interface's lines start.
        self.meta.setAlignment(starting_side(self.layoutDirection()))
        self.note = NoteEdit()
        self.note.setObjectName("claimNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why this verdict? What did you check?"))
        self.note.setTabChangesFocus(True)
        # Two lines of its font at least, as the lists below are sized (a fixed 52 pixels
        # showed half a line at a large system font), and the editor's room left over:
        # held at two lines, a note of a dozen paragraphs was read two lines at a time
        # with 250 pixels empty below it (rv97).
        self.note.setMinimumHeight(2 * self.note.fontMetrics().lineSpacing()
                                   + 2 * (self.note.frameWidth()
                                          + round(self.note.document().documentMargin())))
        self.sources = SourceList()
        own_direction_cells(self.sources)  # addresses run left to right
        self.sources.setObjectName("claimSources")
        self.sources.setAccessibleName(self.tr("Source links"))
        self.sources.setMaximumHeight(self.sources.fontMetrics().height() * 2
                                      + 2 * self.sources.frameWidth() + 4)
        self.sources.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # URLs read left to right
        # A long link is shortened in its middle (its site and its page show), not
        # scrolled: a sideways scroll bar lay over the second link of two.
        self.sources.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A source is evidence to look at: opened in the browser (double-click, Enter, or
        # its menu), or copied for a colleague; neither was offered.
        self.open_source = QAction(self.tr("Open Link"), self)
        self.copy_source = QAction(self.tr("Copy Link"), self)
        self.sources.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.new_source = QLineEdit()
        self.new_source.setObjectName("newSource")
        self.new_source.setAccessibleName(self.tr("New source link"))
        self.new_source.setPlaceholderText("https://…")
        self.new_source.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.add_source = QPushButton(self.tr("Add"))
        self.add_source.setAccessibleName(self.tr("Add source link"))
        self.remove_source = QPushButton(self.tr("Remove"))
        self.remove_source.setAccessibleName(self.tr("Remove selected source link"))
        self.error = plain_label()
        self.error.setObjectName("claimError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with the claim"))
        self.delete = QPushButton(self.tr("Delete Claim"))
        self.delete.setObjectName("deleteClaim")
        self.delete.setAccessibleName(self.tr("Delete this claim"))
        self.review_comment = QLineEdit()
        self.review_comment.setObjectName("reviewComment")
        self.review_comment.setAccessibleName(self.tr("Review comment"))
        # Short: beside the Review label and two buttons, a longer one was cut off.
        self.review_comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptClaim")
        self.accept_button.setAccessibleName(self.tr("Accept this claim's verdict"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("rejectClaim")
        self.reject_button.setAccessibleName(self.tr("Reject this claim's verdict"))
        self.reviews = plain_label()
        self.reviews.setObjectName("claimReviews")
        self.reviews.setWordWrap(True)
        self.reviews.setAccessibleName(self.tr("Reviews of this claim"))
        # "✓ name time" starts where the interface's lines start, as the name above does.
        self.reviews.setAlignment(starting_side(self.layoutDirection()))
        self.places = plain_label()
        self.places.setObjectName("claimPlaces")
        self.places.setWordWrap(True)
        self.places.setAccessibleName(self.tr("Where this claim appears"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setObjectName("unlinkClaim")
        self.unlink_button.setAccessibleName(self.tr("Make these words a claim of their own"))
        self.elsewhere = plain_label()
        self.elsewhere.setObjectName("sameWordsElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setAccessibleName(self.tr("The same words, checked in other articles"))
        self.link_button = QPushButton(self.tr("Link as One Claim"))
        self.link_button.setObjectName("linkClaims")
        self.link_button.setAccessibleName(
            self.tr("Make these words a place of the claim checked elsewhere"))
        # With several claims checked elsewhere, the button's menu asks which one.
        self.link_menu = QMenu(self.link_button)
        self.link_menu.setObjectName("linkClaimsMenu")
        self.history = QListWidget()
        self.history.setObjectName("claimHistory")
        self.history.setAccessibleName(self.tr("History of this claim"))
        # Five lines of its font (a large font showed two of a fixed 80 pixels).
        self.history.setMaximumHeight(self.history.fontMetrics().height() * 5
                                      + 2 * self.history.frameWidth() + 4)
        # A long line wraps (a quote was cut off at the side, in either direction).
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setResizeMode(QListView.ResizeMode.Adjust)
        self.history.hide()  # a click away: the list of claims keeps the room
        self.history_toggle = QToolButton()
        self.history_toggle.setObjectName("showHistory")
        self.history_toggle.setCheckable(True)
        self.history_toggle.setAutoRaise(True)
        self.history_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toggle.setIconSize(QSize(10, 10))
        self.history_toggle.setAccessibleName(self.tr("Show the history of this claim"))
        self.history_toggle.toggled.connect(self._show_history)
        self._show_history(False)
        self.places_title = plain_label(self.tr("Appears"))

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(plain_label(self.tr("Verdict")), 0, 0)
        grid.addWidget(self.verdict, 0, 1, Qt.AlignmentFlag.AlignLeading)
        grid.addWidget(plain_label(self.tr("Note")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, 1, 1)
        grid.addWidget(plain_label(self.tr("Sources")), 2, 0, Qt.AlignmentFlag.AlignTop)
        sources = QVBoxLayout()
        sources.addWidget(self.sources)
        # The new link above its buttons, as the review comment: beside Add and Remove,
        # in the side panel of an 800-pixel window, it was 28 pixels wide («h…»).
        sources.addWidget(self.new_source)
        source_row = QHBoxLayout()
        source_row.addWidget(self.add_source)
        source_row.addWidget(self.remove_source)
        source_row.addStretch(1)
        sources.addLayout(source_row)
        sources.addWidget(self.error)  # under the field whose link it refuses
        self.error.hide()
        grid.addLayout(sources, 2, 1)
        grid.addWidget(plain_label(self.tr("Review")), 3, 0, Qt.AlignmentFlag.AlignTop)
        # The comment above its buttons: beside them, in the side panel of an 800-pixel
        # window, it was 30 pixels wide («C…») and what was typed could not be read.
        review = QVBoxLayout()
        review.addWidget(self.review_comment)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.accept_button)
        review_buttons.addWidget(self.reject_button)
        review_buttons.addStretch(1)
        review.addLayout(review_buttons)
        grid.addLayout(review, 3, 1)
        grid.addWidget(self.places_title, 5, 0, Qt.AlignmentFlag.AlignTop)
        places_row = QHBoxLayout()
        places_row.addWidget(self.places, 1)
        places_row.addWidget(self.unlink_button)
        grid.addLayout(places_row, 5, 1)
        elsewhere_row = QHBoxLayout()
        elsewhere_row.addWidget(self.elsewhere, 1)
        elsewhere_row.addWidget(self.link_button)
        grid.addLayout(elsewhere_row, 6, 1)
        # Deleting at the foot, away from the fields used on every claim (beside the verdict
        # it made the editor too wide for the side panel of an 800 px window).
        foot_row = QHBoxLayout()
        foot_row.addWidget(self.history_toggle)
        foot_row.addStretch(1)
        foot_row.addWidget(self.delete)
        grid.addLayout(foot_row, 7, 0, 1, 2)
        grid.addWidget(self.history, 8, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)  # (the note: room left over)
        for button in (self.add_source, self.remove_source, self.accept_button,
                       self.reject_button, self.unlink_button, self.link_button):
            _narrow_as_its_text(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.quote)
        layout.addWidget(self.meta)
        # The reviews under who tagged it and when, above the note and sources they are
        # most often about: under Accept and Reject, a colleague's «✗ salma: the treaty is
        # not out yet» was below the fold of a 1400×900 window's editor, seen only by
        # scrolling to it (rv282).
        layout.addWidget(self.reviews)
        layout.addLayout(grid, 1)  # any room left goes to the note, not between the rows

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._note_edited)
        self.verdict.activated.connect(self._verdict_chosen)
        self.add_source.clicked.connect(self.commit_new_source)
        self.new_source.returnPressed.connect(self.commit_new_source)
        self.remove_source.clicked.connect(self.remove_selected_source)
        self.sources.removeRequested.connect(self._remove_source_by_key)
        self.sources.typed.connect(self._type_new_source)
        self.sources.itemActivated.connect(lambda item: self.open_link(item.data(LINK)))
        self.open_source.triggered.connect(lambda: self.open_link(self._chosen_source()))
        self.copy_source.triggered.connect(self._copy_source)
        self.sources.customContextMenuRequested.connect(self._source_menu)
        self.delete.clicked.connect(self.deleteRequested)
        self.review_comment.textChanged.connect(
            lambda text: self._draft_typed(self._review_drafts, text, self._review_changed))
        self.new_source.textChanged.connect(
            lambda text: self._draft_typed(self._source_drafts, text))
        self.accept_button.clicked.connect(lambda: self.reviewRequested.emit("accept"))
        self.reject_button.clicked.connect(lambda: self.reviewRequested.emit("reject"))
        self.unlink_button.clicked.connect(self.unlink)
        self.link_button.clicked.connect(self.link_elsewhere)
        QShortcut(QKeySequence("Ctrl+Return"), self.note, self.commit_note)
        for field in (self.note, self.new_source, self.review_comment):
            field.installEventFilter(self)  # Esc: eventFilter
        session.appearancesChanged.connect(self._places_changed)
        session.claimsReset.connect(self._outside_changes)
        session.labelsChanged.connect(self._fill_labels)
        self._fill_labels()
        self._colour_texts()
        self.show_claim(None)

    # -- showing --------------------------------------------------------------------------
    def _fill_labels(self) -> None:
        self.verdict.clear()
        for label in self.session.labels():
            self.verdict.addItem(label.name(self.session.language), label.key)
        # (no claim shown: no verdict, as before; the list's first one looked chosen)
        self.verdict.setCurrentIndex(self.verdict.findData(self.claim.label) if self.claim
                                     else -1)

    def show_claim(self, appearance_id: str | None) -> None:
        """Show a claim where it appears (or nothing); a pending note edit is saved as
        soon as what changed the selection is over (_leave_note)."""
        if self.claim is not None and appearance_id != self.claim.id:
            self._leave_note()
        # The same claim shown again (a verdict chosen, a source added, an undo, a review,
        # another program's write) while a note is being typed: the typing stays, to be
        # saved after its pause over what the claim is now.
        typing = self.claim is not None and appearance_id == self.claim.id \
            and self._note_timer.isActive()
        # Another claim: its fields are set anew, their undo history gone with the last
        # claim's (kept, Ctrl+Z in the next claim's note brought back the words typed,
        # and cleared, for the last one, and saved them there: rv163).
        another = appearance_id != (self.claim.id if self.claim is not None else None)
        claim = None
        if appearance_id:
            try:
                claim = self.session.appearance(appearance_id)
            except NotFound:
                claim = None
        if claim is not None and claim.is_deleted:
            claim = None
        self.claim = claim
        self._show_draft(self.review_comment, self._review_drafts, another)
        self._show_draft(self.new_source, self._source_drafts, another)
        self._say_error("")
        enabled = claim is not None and not self.session.read_only
        for widget in (self.verdict, self.note, self.sources, self.new_source, self.add_source,
                       self.remove_source, self.delete, self.review_comment):
            widget.setEnabled(enabled)
        self.history_toggle.setEnabled(claim is not None)  # (read-only too; none: no Tab stop)
        if claim is None:
            self.history_toggle.setChecked(False)  # (not left open, greyed, over nothing)
        own = self.session.verdict_mine(claim)
        # A review is someone else's. Set once, to what they are: set on with the other
        # fields first, then off for a claim of one's own (every claim one tags), each
        # button was painted again at every tag and verdict chosen, looking as before.
        reviewable = self.can_review()
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(reviewable)
            button.setToolTip(self.tr("You gave this claim its verdict: a review must come "
                                      "from someone else.") if own else "")
        self.note.blockSignals(True)
        self._colour_quote()
        if claim is None:
            self.quote.setText(self.tr("No claim selected: choose one in the list, or select "
                                       "words in the article and press a verdict's key."))
            self.note.setPlainText("")
            self.verdict.setCurrentIndex(-1)  # (it showed the last claim's, greyed)
            for widget in (self.sources, self.history):
                widget.clear()
            for label in (self.meta, self.reviews, self.places, self.elsewhere):
                label.clear()
            for widget in (self.sources, self.remove_source, self.reviews, self.places_title,
                           self.places, self.elsewhere, self.unlink_button, self.link_button):
                widget.hide()  # as for a new claim: the editor keeps its shape
            self.history_toggle.setText(self.tr("History"))
        else:
            self.quote.setText(f"«{claim.quote}»")
            self.verdict.setCurrentIndex(self.verdict.findData(claim.label))
            draft = self._note_drafts.pop(claim.claim_id, None)
            if draft is not None:  # typed before an undo took the claim away
                self.note.setPlainText(draft)
                self._note_timer.start()
            elif another or (self.note.note_text() != claim.note and not typing):
                self._show_note(claim.note)
            self.sources.clear()
            opens = self.tr("Double-click or press Enter to open it in your browser.")
            for source in claim.sources:  # readable, shortened in the middle, whole in its tip
                shown = readable_link(source)
                item = QListWidgetItem(shown, self.sources)
                item.setData(LINK, source)
                item.setToolTip(f"{plain_tip(_in_lines(shown))}\n{opens}")
            self.sources.setVisible(bool(claim.sources))  # no empty box when there are none
            self.remove_source.setVisible(bool(claim.sources))
            self.meta.setText(filled(self.tr("%1 · %2"), isolated_name(claim.annotator),
                                     _time(claim.last_change)))
            reviews = "\n".join(self._review_line(r, claim.label)
                                for r in self.session.reviews_for(claim.claim_id))
            self.reviews.setText(reviews)
            self.reviews.setVisible(bool(reviews))  # "not reviewed" is the list's Review column
            self._show_places(claim)
            self.history.clear()
            self.history.addItems(self.session.history_lines(claim.claim_id))
            if self.history.isVisible():  # else when it is opened
                QTimer.singleShot(0, self.history.scrollToBottom)  # once laid out
            self.history_toggle.setText(self.tr("History (%n)", "", self.history.count()))
        self.note.blockSignals(False)

    def _show_note(self, note: str) -> None:
        """Show *note*; when it is the field's own text as the project keeps it (saved
        without a pasted direction embedding, composed), the caret stays where it was in
        that text: set back to the start, the next words typed went before the note's
        first word. (Its place is marked by a character the cleaning keeps: the text
        before it alone, cleaned, lost an embedding its PDF after it closes, kept as an
        isolate in the note, and the caret went a place early.)"""
        typed = self.note.note_text()
        at = OffsetMap(typed).to_code_point(self.note.textCursor().position())
        kept = stored_note(typed) == note
        self.note.setPlainText(note)
        if kept:
            caret = next(c for c in map(chr, range(0xE000, 0xF900)) if c not in typed)
            marked = stored_note(typed[:at] + caret + typed[at:])
            cursor = self.note.textCursor()
            place = min(utf16_length(marked[:marked.index(caret)]), utf16_length(note))
            if cursor.position() != place or cursor.hasSelection():  # (else a repaint
                cursor.setPosition(place)  # of the caret that did not move: every tag)
                self.note.setTextCursor(cursor)

    def _review_line(self, review: Review, label: str) -> str:
        """One review as the editor lists it; a review of a verdict the claim no longer has
        says which, since it no longer counts as the claim's review."""
        line = review_line(review, when=_time(review.created))
        if self.session.review_stands(review, label):
            return line
        return filled(self.tr("%1 (of the earlier verdict %2)"), line,
                      self.session.label_name(review.label or ""))

    def _show_places(self, claim: Appearance) -> None:
        """Where else the claim appears, and the same words checked elsewhere as another
        claim (with their verdicts), to link as one."""
        places = self.session.appearances_of(claim.claim_id)
        others = [p for p in places if p.id != claim.id]
        # (Tag All Occurrences leaves places in this article: it is not named as if it
        # were another.)
        titles = list(dict.fromkeys(
            self.tr("this article") if p.article_id == claim.article_id
            else quoted(self.session.article_title(p.article_id)) for p in others))
        if others:
            self.places.setText(self.tr("Also in: %s") % self.tr(", ").join(titles))
        else:
            self.places.setText(self.tr("Only here."))
        for widget in (self.places_title, self.places):  # a row only when it has news
            widget.setVisible(bool(others))
        self.unlink_button.setVisible(bool(others) and not self.session.read_only)
        self._elsewhere = {}
        for place in self.session.same_words_elsewhere(claim):
            self._elsewhere.setdefault(place.claim_id, []).append(place)
        if self._elsewhere:
            self.elsewhere.setText(self.tr("Checked elsewhere: %s") % self.tr("; ").join(
                map(self._checked_as, self._elsewhere.values())))
        else:
            self.elsewhere.clear()
        self.elsewhere.setVisible(bool(self._elsewhere))
        self.link_button.setVisible(bool(self._elsewhere) and not self.session.read_only)
        # One claim elsewhere: the button links to it. Several (their verdicts may
        # differ): its menu names each, and the person picks the one these words are.
        self.link_menu.clear()
        if len(self._elsewhere) > 1:
            for claim_id, same in self._elsewhere.items():
                self.link_menu.addAction(plain_action_text(self._checked_as(same))).triggered.connect(
                    lambda _checked=False, claim_id=claim_id: self._link_to(claim_id))
        self.link_button.setMenu(self.link_menu if len(self._elsewhere) > 1 else None)

    def _checked_as(self, places: list[Appearance]) -> str:
        """One claim checked elsewhere: the articles it is in, and its verdict."""
        titles = dict.fromkeys(quoted(self.session.article_title(p.article_id))
                               for p in places)
        return f"{self.tr(', ').join(titles)} ({self.session.label_name(places[0].label)})"

    def _show_history(self, shown: bool) -> None:
        self.history.setVisible(shown)
        if shown:  # on the latest change, once the list is laid out
            QTimer.singleShot(0, self.history.scrollToBottom)
        # An icon, not setArrowType: Qt draws an arrow type after the text in a
        # right-to-left button, an icon before it, as the reader expects.
        arrow = Qt.ArrowType
        closed = arrow.LeftArrow if self.isRightToLeft() else arrow.RightArrow
        self.history_toggle.setIcon(arrow_icon(
            arrow.DownArrow if shown else closed,
            self.history_toggle.palette().color(QPalette.ColorRole.ButtonText)))

    def _outside_changes(self) -> None:
        """Another program wrote the project: catch up (typing was saved just before)."""
        self.show_claim(self.claim.id if self.claim else None)

    def _places_changed(self, places: list[Appearance]) -> None:
        if self.claim is not None and any(
                p.id == self.claim.id or p.claim_id == self.claim.claim_id for p in places):
            self.show_claim(self.claim.id)

    # -- editing ------------------------------------------------------------------------
    def _push(self, **changes) -> bool:
        """Push the change to the claim shown; whether it was refused."""
        if self.claim is None:
            return False
        command = EditClaim(self.session, self.claim, **changes)
        self.undo_stack.push(command)
        return command.refused

    def _verdict_chosen(self, index: int) -> None:
        key = self.verdict.itemData(index)
        if self.claim is not None and key and key != self.claim.label:
            self._push(label=key)

    def _note_edited(self) -> None:
        self._note_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # a theme switched light or dark
            self._colour_texts()
        super().changeEvent(event)

    def _colour_texts(self) -> None:
        """The colours of text said in passing, of a problem and of the history's arrow,
        from the palette as it is now: made once, they kept a light theme's grey and
        black after the desktop turned dark at sunset (2.7:1 and 1.5:1, rv72)."""
        palette = self.palette()
        self.error.setStyleSheet(
            f"color: {problem_red(palette.color(QPalette.ColorRole.Window)).name()}")
        self.meta.setStyleSheet(f"color: {secondary_text(palette).name()};")
        self._quote_passing = None
        self._colour_quote()
        self._show_history(self.history_toggle.isChecked())

    def _colour_quote(self) -> None:
        """The words saying how to choose a claim, when none is, in the colour of text
        said in passing: greyed as a disabled label's, they read at 1.6:1 (rv72). (A
        palette of its own, not a style sheet: one more style sheet was a millisecond
        of start-up.)"""
        passing = self.claim is None
        if passing != self._quote_passing:  # (not recoloured at every claim shown)
            self._quote_passing = passing
            palette = QPalette()  # (none of its own: the editor's)
            if passing:
                palette.setColor(QPalette.ColorRole.WindowText, secondary_text(self.palette()))
            self.quote.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Esc in the note, the link or the review comment leaves the field for the
        article (the note saved first), as the find bar is left: the field kept the
        focus, and the next verdict key typed into it."""
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape \
                and watched in (self.note, self.new_source, self.review_comment):
            self.commit_note()
            self.doneTyping.emit()
            return True
        return super().eventFilter(watched, event)

    def _typed_step(self) -> str | None:
        """The step a note being typed will be once saved («Edit note»); None if none."""
        if self._note_timer.isActive() and self.claim is not None \
                and self.note.note_text() != self.claim.note:
            return self.session.tr("Edit note")
        return None

    def commit_typed_note(self) -> None:
        """Save a note still being typed (its pause not over) now: another step is about
        to be pushed, and the note came first."""
        if self._note_timer.isActive():
            self.commit_note()

    def commit_note(self) -> bool:
        """Save the note typed; whether it is saved (or nothing was to be): refused (the
        disk full, another program holding the file) it stays in its field."""
        if in_a_step():  # (an undo or redo reloading the claims: the note is saved as its
            # own step once the reload leaves the claim, _leave_note, or else when the
            # typing's pause comes again: it stays pending, not dropped)
            if self.claim is not None and self.note.note_text() != self.claim.note:
                self._note_timer.start()
            return True
        self._note_timer.stop()
        self.note_waits_for_its_claim = False
        claim, text = self.claim, self.note.note_text()
        if claim is None or text == claim.note or not self._push(note=text):
            return True
        # (refused as deleted by another window, program or colleague before the poll
        # told: the typing was lost with the claim; it waits for it - rv163)
        if self._gone(claim.id):
            self._note_drafts[claim.claim_id] = text
            self.note_waits_for_its_claim = True
        return False

    def _gone(self, appearance_id: str) -> bool:
        try:
            return self.session.appearance(appearance_id).is_deleted
        except NotFound:
            return True

    def _leave_note(self) -> None:
        """The note typed on the claim being left, saved once the event that moved the
        selection is over. Saved inside it - the claims filter hiding the row, a step
        or a saved note moving rows - the step was pushed while Qt's filter model was
        mid-change: its rows went wrong (-1), and the window later aborted; inside the
        note's own push it was pushed twice, the second undoable by no one."""
        self._note_timer.stop()
        text = self.note.note_text()
        if self.claim is not None and text != self.claim.note:
            QTimer.singleShot(0, lambda place=self.claim.id: self._save_left_note(place, text))

    def _save_left_note(self, appearance_id: str, text: str) -> None:
        if self.session.closed:
            return
        try:
            claim = self.session.appearance(appearance_id)
        except NotFound:
            return
        if claim.is_deleted:  # an undo took it away: the typing waits for it to come back
            self._note_drafts[claim.claim_id] = text
        elif claim.note != text:
            self.undo_stack.push(EditClaim(self.session, claim, note=text))

    def commit_new_source(self) -> None:
        """The links typed added, and said as the window's other edits are: the field
        emptied in silence, and a screen reader's user could not tell added from lost."""
        if self.claim is None or not self.new_source.text().strip():
            return
        try:
            added = _new_links(self.new_source.text(), self.claim.sources)
        except InvalidSource as exc:
            self._say_error(error_text(exc))
            return
        self._say_error("")
        if added and self._push(sources=(*self.claim.sources, *added)):  # (one step)
            return  # refused (the claim deleted meanwhile): the link stays in its field
        self.new_source.clear()
        if added:
            links = self.tr(", ").join(isolated(link, "\u2066") for link in added)
            self.statusMessage.emit(filled(
                self.tr("Source added: %1") if len(added) == 1 else
                self.tr("Sources added: %1"), links))
        else:  # (the field emptied unsaid: added, or lost? rv199)
            self.statusMessage.emit(self.tr("The claim already has this source."))

    def commit_link_drafts(self) -> bool:
        """Before the window closes: each link typed for a claim and not added is added
        to it, if it is a link (one typed beside a claim stayed with it only until the
        window closed, then was gone unsaid). Text that is no link is left: a closing
        window is no place to say why. Whether all were saved: one refused (the disk
        full, another program holding the file) stays a draft."""
        saved = True
        for claim_id, text in list(self._source_drafts.items()):
            places = self.session.appearances_of(claim_id)
            try:
                added = _new_links(text, places[0].sources if places else ())
            except InvalidSource:
                continue
            if places and added:
                command = EditClaim(self.session, places[0],
                                    sources=(*places[0].sources, *added))
                self.undo_stack.push(command)
                if command.refused:
                    saved = False
                    continue
            self._source_drafts.pop(claim_id, None)
        return saved

    def _say_error(self, text: str) -> None:
        """Show (or clear) the refusal of a link, scrolled into view: below the fold of
        the side panel's editor, a refused link looked like Enter doing nothing."""
        # (in the interface's direction: an Arabic refusal opens with the link, «ftp://…»,
        # and a word-wrapped label takes the first letter's, the sentence read backwards)
        self.error.setText(in_interface_direction(text) if text else text)
        self.error.setVisible(bool(text))
        if text:
            screen_reader.say(self.new_source, text)  # (shown alone, it was never heard)
            QTimer.singleShot(0, self, self._reveal_error)

    def _reveal_error(self) -> None:
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and self.error.isVisible():
            area.ensureWidgetVisible(self.error, 0, 4)

    def remove_selected_source(self) -> None:
        item = self.sources.currentItem()
        if self.claim is None or item is None:
            return
        self._push(sources=tuple(s for s in self.claim.sources if s != item.data(LINK)))

    def _chosen_source(self) -> str:
        item = self.sources.currentItem()
        return item.data(LINK) if item is not None else ""

    def open_link(self, url: str) -> None:
        """Open a source in the browser: a web link only (one another program stored,
        «javascript:…» or «file:…», is not followed), and said on the status bar when no
        browser answered."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if not url:
            return
        if not is_web_link(url) or not QDesktopServices.openUrl(QUrl(url)):
            self.statusMessage.emit(self.tr("Could not open %1 in a browser.")
                                    .replace("%1", quoted(url)))

    def _source_menu(self, at: QPoint) -> None:
        """Open Link and Copy Link for the link under the mouse, in the window's direction
        (a menu of the list itself took the list's left to right, meant for addresses)."""
        if self.sources.itemAt(at) is None:
            return
        menu = QMenu(self)
        menu.setObjectName("sourceMenu")
        menu.addActions([self.open_source, self.copy_source])
        menu.popup(self.sources.viewport().mapToGlobal(at))

    def _copy_source(self) -> None:
        if url := self._chosen_source():
            QGuiApplication.clipboard().setText(url)

    def _type_new_source(self, text: str) -> None:
        """Typing on the list of links: the typing goes on in the new link's field, where
        the person meant it (never to the window's one-key shortcuts)."""
        if self.new_source.isEnabled():
            self.new_source.setFocus()
            self.new_source.insert(text)

    def _remove_source_by_key(self) -> None:
        """Delete in the list of links: the chosen link goes (one undo step, as with the
        Remove button) and the keyboard stays on the list, on the link that took its
        row, for the next Delete; with no link left (the list hides), on the field for a
        new one."""
        row = self.sources.currentRow()
        if self.session.read_only or row < 0:
            return
        self.remove_selected_source()
        if self.sources.count():
            self.sources.setCurrentRow(min(row, self.sources.count() - 1))
        else:
            self.new_source.setFocus()

    def focus_note(self) -> None:
        self.note.setFocus()
        self.note.moveCursor(QTextCursor.MoveOperation.End)

    def _draft_typed(self, drafts: dict[str, str], text: str,
                     changed: set[str] | None = None) -> None:
        """Typing in a field kept per claim (review comment, new source link): the text
        is the shown claim's draft."""
        if self.claim is None:
            return
        claim_id = self.claim.claim_id
        if text.strip():
            drafts[claim_id] = text
        else:
            drafts.pop(claim_id, None)
        if changed is not None:  # (cleared here: another window's kept one goes too)
            changed.add(claim_id)

    def _show_draft(self, field: QLineEdit, drafts: dict[str, str],
                    another: bool = False) -> None:
        """The field holds the shown claim's draft (the same claim shown again keeps the
        field as it is, cursor, undo and all)."""
        draft = drafts.get(self.claim.claim_id, "") if self.claim else ""
        if another or field.text() != draft:
            field.blockSignals(True)  # not typing: no draft moves
            field.setText(draft)
            field.blockSignals(False)

    def can_review(self) -> bool:
        """Whether the claim shown may be reviewed by this person: Accept and Reject are
        on, here and as the window's A and R, exactly then."""
        return self.session.may_review(self.claim)

    @property
    def review_drafts(self) -> dict[str, str]:
        """Review comments typed and not yet filed, by claim id (kept for the next window)."""
        return dict(self._review_drafts)

    def take_drafts(self, review_drafts: dict[str, str]) -> None:
        """Review comments typed in another window (the last one, or the one this
        replaces in another language), each kept for its claim."""
        self._review_drafts.update(review_drafts)
        self._review_changed.difference_update(review_drafts)  # (not typed here)
        self._show_draft(self.review_comment, self._review_drafts)

    def take_changed_drafts(self) -> tuple[dict[str, str], set[str]]:
        """The review comments this window typed or changed since it was last asked, and
        the claims whose comment it filed or cleared: a window on a project opened twice
        writes back only these (it dropped the other's, rv181; its copy of those, taken
        at its start, brought back a comment the other had filed since, rv186)."""
        changed, self._review_changed = self._review_changed, set()
        drafts = {c: self._review_drafts[c] for c in changed if c in self._review_drafts}
        return drafts, changed - drafts.keys()

    def review_comment_for(self, claim_id: str) -> str:
        """The comment typed for a claim (by its claim id), to file with its review."""
        return self._review_drafts.get(claim_id, "").strip()

    def review_filed(self, claim_id: str) -> None:
        """A review of the claim was filed with its comment: the draft is done."""
        self._review_drafts.pop(claim_id, None)
        self._review_changed.add(claim_id)
        if self.claim is not None and self.claim.claim_id == claim_id:
            self._show_draft(self.review_comment, self._review_drafts)

    def unlink(self) -> None:
        """These words become a claim of their own, with a copy of the verdict and note."""
        if self.claim is not None:
            self.undo_stack.push(Unlink(self.session, self.claim))

    def link_elsewhere(self) -> None:
        """The button: these words become a place of the claim checked elsewhere (of
        several, the button's menu asks which)."""
        if len(self._elsewhere) == 1:
            self._link_to(next(iter(self._elsewhere)))

    def _link_to(self, claim_id: str) -> None:
        """This claim's words, wherever it appears, become places of *claim_id*, whose
        verdict, note and sources they show, in one undo step. Only this claim joins:
        linking once joined every claim on the same words into the one made first, and
        a colleague's claim in a third article lost its verdict, note and sources."""
        if self.claim is None or claim_id not in self._elsewhere:
            return
        target = self._elsewhere[claim_id][0]
        said = filled(self.tr("These words are now the claim checked in %1 (%2), with its "
                              "note and sources (Undo takes it back)."),
                      quoted(self.session.article_title(target.article_id)),
                      self.session.label_name(target.label))
        place_id = self.claim.id
        self.undo_stack.push(Link(self.session, self.session.appearances_of(
            self.claim.claim_id), claim_id))
        if self.session.appearance(place_id).claim_id == claim_id:  # (not refused)
            self.statusMessage.emit(said)


def _narrow_as_its_text(button: QPushButton) -> None:
    """Let *button* narrow to its text when room is short. The style gives every button
    with text at least 80 px, which made the editor wider than the side panel of an 800 px
    window: it scrolled sideways, and the quote at its top was cut."""
    metrics = button.fontMetrics()
    padded = metrics.horizontalAdvance(button.text()) + 2 * metrics.averageCharWidth() + 8
    button.setMinimumWidth(min(button.sizeHint().width(), padded))


def _in_lines(link: str, width: int = TIP_LINE) -> str:
    """*link* cut into lines of *width* characters, for a tooltip: a tracking link of
    2,000 characters (no space to wrap at) was one line 17,000 px wide (rv73)."""
    # Each line isolated left to right: the tip is one paragraph, its direction taken from
    # the link's first letter, and the Arabic line after it (how to open the link) was
    # laid out left to right, its halves either side of «Enter» swapped.
    return "\n".join(isolated(link[at:at + width], "\u2066")
                     for at in range(0, len(link), width)) or link


def _time(at: str) -> str:
    """A time beside a name, isolated left to right: after an Arabic name in a line the
    name made right to left, «سارة · 2026-12-04 10:19» was drawn «10:19 04-12-2026 ·
    سارة» (the name isolated too, the line takes the interface's direction)."""
    return isolated(shown_time(at), "\u2066")


def _new_links(text: str, sources: Sequence[str]) -> list[str]:
    """The links typed or pasted in *text* that *sources* does not hold yet, written
    another way included (:func:`store.core.links.same_link`); InvalidSource names the
    first that is no web link. A link typed from «www.» is its https:// link."""
    added: list[str] = []
    for url in validate_sources(map(with_scheme, links_in(text))):
        if not any(same_link(url, had) for had in (*sources, *added)):
            added.append(url)
    return added
