"""The claims panel: the list a checker works through (filters and table) and the editor
of the selected claim."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.cell_pictures import CellPictures
from gui.claim_editor import ClaimEditor
from gui.contrast import secondary_text
from gui.icons import color_icon
from gui.models import ClaimIdRole, ClaimsFilterModel, ClaimsTableModel
from gui.places import ArticlePlaces
from gui.plain_text import plain_label
from gui.scroll_bars import steady_vertical_bar
from gui.search_panel import TYPING_PAUSE_MS
from gui.session import Session
from gui.table_columns import fit_columns
from store.core.records import Appearance, Label, Place


class ClaimsPanel(QWidget):
    claimSelected = Signal(object)  # the selected claim's id, or None
    reviewRequested = Signal(str)  # "accept" or "reject", from the editor's buttons
    deleteRequested = Signal()  # from the editor's Delete Claim button
    statusMessage = Signal(str)  # a text filter over many claims at work ("" when done)
    layerWanted = Signal(str)  # an annotator whose hidden layer hides the claim chosen

    FILTER_ROOM = 160  # pixels the text filter needs beside the others, or it goes above
    FILTER_AT_ONCE_ROWS = 1_000  # more rows than this: filtered once typing pauses
    FILTER_STEP_ROWS = 400  # rows given their filter words between events (15-25 ms)

    def __init__(self, session: Session, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        # The window shows the article anew after another program's write
        # (MainWindow._reload_article), which sets the table's rows.
        self.model = ClaimsTableModel(session, self, follow_resets=False)
        self.proxy = ClaimsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("claimsView")
        steady_vertical_bar(self.view)  # a tag next to the last gains a row, not a paint
        # a tag repaints every row
        self.view.setItemDelegate(CellPictures(self.view, looks=self.proxy.looks))
        self.view.setAccessibleName(self.tr("Claims in this article"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the editor below (QTableView's Tab walks its cells, and
        # here its rows: choosing claim after claim, the editor never reached); the arrow
        # keys move in it.
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setAccessibleName(
            self.tr("Claim columns; click to sort, right-click to choose"))
        # Fixed widths: ResizeToContents would measure up to a thousand rows on every
        # edit, which a 5,000-claim article cannot afford. The quote takes the room left;
        # note, sources and last change start hidden (the editor shows them).
        # What a right click or the Menu key on a row offers: the window's actions on
        # the selected claim, asked as the menu opens (the window sets it).
        self.row_actions: Callable[[], Sequence[QAction]] = list
        fit_columns(self.view, (0, 100, 160, 60, 80, 80, 120), stretch=0,
                    hidden=(2, 3, 6), key="claims", names=ClaimsTableModel.COLUMNS,
                    row_actions=lambda: self.row_actions(),
                    costly=ClaimsTableModel.FULL_COLUMNS)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("claimsFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter claims"))
        self.filter_edit.setPlaceholderText(self.tr("Filter claims…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.verdict_filter = QComboBox()
        self.verdict_filter.setObjectName("verdictFilter")
        self.verdict_filter.setAccessibleName(self.tr("Show claims with this verdict"))
        self.unreviewed = QCheckBox(self.tr("Not yet reviewed"))
        self.unreviewed.setObjectName("unreviewedOnly")
        self.unreviewed.setAccessibleName(self.tr("Show only claims not yet reviewed"))
        self.editor = ClaimEditor(session, undo_stack)
        self.empty = plain_label()
        self.empty.setObjectName("claimsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(self.tr("How to tag a claim"))
        self.empty.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # (where the focus goes when
        # the list it was in empties: _focus_after_emptied)
        self._colour_empty()

        self._filter_row = QHBoxLayout()  # the text filter, alone, in a narrow panel
        self._filters = QHBoxLayout()
        self._filters.addWidget(self.verdict_filter)
        self._filters.addWidget(self.unreviewed)
        self._filters_in_one_row: bool | None = None
        self._arrange_filters(one_row=True)
        filters = self._all_filters = QVBoxLayout()
        filters.addLayout(self._filter_row)
        filters.addLayout(self._filters)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.empty, 1)
        # The editor scrolls inside its part rather than squeeze the list in a short or
        # narrow window (at 1280 px and wider it fits whole: test_gui_layout).
        editor_box = QScrollArea()
        editor_box.setObjectName("claimEditorArea")
        editor_box.setWidgetResizable(True)
        editor_box.setFrameShape(QFrame.Shape.NoFrame)
        editor_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        editor_box.setWidget(self.editor)
        # Not a Tab stop of its own: its frame is all covered by the editor, so a focus on it
        # shows nowhere. Tab goes from the table straight to the verdict, and the area
        # scrolls to each field Tab reaches.
        editor_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor_box = editor_box  # always shown: the list does not jump as claims are chosen
        # Opened at the foot of a short panel, the history was out of sight: scrolled to.
        self.editor.history_toggle.toggled.connect(self._history_toggled)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_box)
        splitter.addWidget(editor_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._editor_sized = False
        self._splitter_ours = True  # until the user moves it: then it stays where put
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_splitter_ours", False))
        self._shown: str | None = None  # the claim the editor and the reader were given
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.filter_edit.textChanged.connect(self._filter_typed)
        self._filter_pause = QTimer(self)  # typing, in a long list
        self._filter_pause.setSingleShot(True)
        self._filter_pause.setInterval(TYPING_PAUSE_MS)
        self._filter_steps = QTimer(self)  # the rows' words made, a step at each turn
        self._filter_steps.setSingleShot(True)
        self._filter_steps.setInterval(0)
        self._filter_pause.timeout.connect(self._filter_steps.start)
        self._filter_steps.timeout.connect(self._prepare_filter)
        self._filtering_said = False
        self.verdict_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_label_filter(self.verdict_filter.currentData()))
        self.unreviewed.toggled.connect(self.proxy.set_unreviewed_only)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.viewport().installEventFilter(self)  # its height: the rows read at once
        self.editor.deleteRequested.connect(self.deleteRequested)
        self.editor.reviewRequested.connect(self.reviewRequested)
        self._no_claims = ""  # what the empty list says (set_labels: it names the keys)
        for source in (self.model, self.proxy):  # (the proxy: filters that hide every row)
            for change in (source.rowsInserted, source.rowsRemoved, source.modelReset):
                change.connect(self._show_empty_state)
        self._show_empty_state()

    # -- contents --------------------------------------------------------------------
    def set_article(self, article_id: str | None,
                    claims: ArticlePlaces | list[Place] | list[Appearance],
                    text: str | None = None, *, keep: str | None = None) -> None:
        """The article's claims; *keep*: a claim shown whatever the filters say (the
        one worked on, its article shown again)."""
        self._shown = None
        self.proxy.kept = keep  # (the reset below filters every row: the old one too)
        self.editor.show_claim(None)
        # A long article (its places read in parts) under a text filter: its rows come
        # whole, then the filter's words of each are made a step at a time (as typed in
        # a long list) and it is filtered; read whole and filtered at once, the article
        # of 50,000 claims held the window 3 s before its first picture.
        refilter = bool(self.filter_edit.text()) and isinstance(claims, ArticlePlaces) \
            and not claims.complete
        if refilter:
            self._filter_pause.stop()
            self._filter_steps.stop()
            self.proxy.setFilterFixedString("")
        self.model.set_article(article_id, claims, text)
        if refilter:
            self._filter_steps.start()

    # -- the text filter -----------------------------------------------------------------
    def _filter_typed(self, text: str) -> None:
        """A short list is filtered at each key. A long one is filtered once typing
        pauses, its rows' words made a step at a time between events first: with 50,000
        claims the first key held the window 2 s, and each key after it 120-270 ms, as
        Qt asked every row again (rv86). Emptied, the filter goes at once."""
        self._filter_steps.stop()
        if not text or self.model.rowCount() <= self.FILTER_AT_ONCE_ROWS:
            self._filter_pause.stop()
            self._apply_filter()
        else:
            self._filter_pause.start()

    def _prepare_filter(self) -> None:
        if not self.model.prepare_filter_texts(self.FILTER_STEP_ROWS):
            if not self._filtering_said:
                self._filtering_said = True
                self.statusMessage.emit(self.tr("Filtering the claims…"))
            self._filter_steps.start()
            return
        self._apply_filter()

    def _apply_filter(self) -> None:
        self.proxy.setFilterFixedString(self.filter_edit.text())
        if self._filtering_said:
            self._filtering_said = False
            self.statusMessage.emit("")

    def shutdown(self) -> None:
        """The window closes, its project with it: a filter typed is not applied."""
        self._filter_pause.stop()
        self._filter_steps.stop()

    def filter_pending(self) -> bool:
        """Whether text typed in the filter is still to be applied (a long list)."""
        return self._filter_pause.isActive() or self._filter_steps.isActive()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # a theme switched light or dark
            self._colour_empty()
        super().changeEvent(event)

    def _colour_empty(self) -> None:
        """How to tag a claim, said in passing, in the palette as it is now (made once, it
        kept a light theme's grey on a dark one: 2.7:1, rv72)."""
        self.empty.setStyleSheet(
            f"color: {secondary_text(self.palette()).name()}; padding: 16px;")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            row_height = max(self.view.verticalHeader().defaultSectionSize(), 1)
            self.model.set_rows_in_view(-(-self.view.viewport().height() // row_height))
            if self._editor_sized and self._splitter_ours:
                QTimer.singleShot(0, self, self._keep_least_rows)
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._editor_sized:
            QTimer.singleShot(0, self, self._size_editor)  # once the window is laid out

    LEAST_ROWS = 4  # of claims the list keeps in view beside the editor

    def _size_editor(self) -> None:
        """The first time the panel is on screen: the editor as tall as it needs, as long
        as the list keeps LEAST_ROWS rows in view (else half); the list the rest. At most
        half, the editor hid its last rows on a laptop's screen (Accept and Reject,
        History, Delete Claim: 1366x768), and at the window's first size too, while the
        list stood mostly empty. After that the splitter stays where the user puts it."""
        total = sum(self.splitter.sizes())  # the room the two parts share
        if self._editor_sized or not total:
            return
        view = self.view
        # (by size hints: the parts are not laid out yet, and the list may be hidden)
        least = self._all_filters.sizeHint().height() + self.splitter.widget(0).layout(
        ).spacing() + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() \
            + self.LEAST_ROWS * view.verticalHeader().defaultSectionSize()
        needed = self.editor.sizeHint().height() + 8
        wanted = min(needed, max(total - least, total // 2))
        self.splitter.setSizes([total - wanted, wanted])
        self._editor_sized = True

    def _keep_least_rows(self) -> None:
        """As the list is laid out (until the user moves the splitter), the rows it lacks
        of LEAST_ROWS taken from the editor, as long as the editor keeps half: at a large
        font the filters wrap onto two lines and a sideways scroll bar comes, which the
        size hints did not know (two rows showed at 14 pt)."""
        if not self.view.isVisible() or not self._splitter_ours:
            return
        rows = self.view.verticalHeader().defaultSectionSize()
        short = self.LEAST_ROWS * rows - self.view.viewport().height()
        list_part, editor_part = self.splitter.sizes()
        give = min(short, editor_part - (list_part + editor_part) // 2)
        if give > 0:
            self.splitter.setSizes([list_part + give, editor_part - give])

    def claims(self) -> list[Place]:
        """Every claim of the article, hidden layers included (their light places)."""
        return self.model.claims()

    def _show_empty_state(self, *_args: object) -> None:
        """No claims yet: say how to make one, where the list would be (or, with no
        article shown, that there is none). Claims the filters hide, every one: say so
        (the list stood empty, as if the article had none)."""
        empty = self.proxy.rowCount() == 0
        if not empty and self.empty.hasFocus():  # (a claim back: the focus to its list,
            QTimer.singleShot(0, self.view.setFocus)  # not on to the Annotators' boxes)
        if empty and self.view.isVisible() and self._holds_focus():
            # The list hid with the focus in it (its last claim deleted, a tag undone):
            # Qt gave the focus to the next panel, the Annotators' boxes, where Space
            # unticks a colleague. It goes to the words saying why the list is empty.
            QTimer.singleShot(0, self, self._focus_after_emptied)
        if empty:
            self.empty.setText(
                self.tr("No article is open.") if self.model.article_id is None
                else self._no_claims if self.model.rowCount() == 0
                else self.tr("No claim here matches the filters."))
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)

    def _holds_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def _focus_after_emptied(self) -> None:
        if not self._holds_focus() and not self.empty.isHidden():
            self.empty.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_labels(self, labels: list[Label], language: str) -> None:
        """Refill the verdict filter, keeping its choice; the empty state names the keys."""
        keys = ("، " if language == "ar" else ", ").join(
            f"{label.shortcut} {label.name(language)}" for label in labels if label.shortcut)
        self._no_claims = self.tr("No claims in this article yet.\n\nSelect words in the "
                                  "article, then press a verdict's key (%s) to tag them.") % keys
        self._show_empty_state()
        current = self.verdict_filter.currentData()
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        self.verdict_filter.addItem(self.tr("All verdicts"), None)
        for label in labels:
            self.verdict_filter.addItem(color_icon(label.color), label.name(language), label.key)
        self.verdict_filter.setCurrentIndex(max(0, self.verdict_filter.findData(current)))
        self.verdict_filter.blockSignals(False)

    def take_filters_of(self, other: ClaimsPanel) -> None:
        """The filters *other* has (the window this one replaces in another language)."""
        self.verdict_filter.setCurrentIndex(
            max(0, self.verdict_filter.findData(other.verdict_filter.currentData())))
        self.unreviewed.setChecked(other.unreviewed.isChecked())
        self.filter_edit.setText(other.filter_edit.text())

    def set_hidden_annotators(self, hidden: set[str]) -> None:
        self.proxy.set_hidden_annotators(hidden)

    # -- the selected claim ---------------------------------------------------------------
    def current_claim_id(self) -> str | None:
        selection = self.view.selectionModel()
        index = selection.currentIndex()
        if not index.isValid() or not selection.isSelected(index):
            return None
        return index.data(ClaimIdRole)

    def place_of(self, claim_id: str | None) -> Place | None:
        """Where a claim of the list is (its span), as the list holds it: no read. None
        for no claim (none selected) or one the list does not hold."""
        return self.model.place_of(claim_id) if claim_id else None

    def select_claim(self, claim_id: str) -> bool:
        """Select a claim's row: its annotator's layer shown again if it is hidden
        (layerWanted, which the Annotators panel answers), then everything shown if a
        filter hides it. False, the selection and the filters as they were, if the row
        still cannot show: they were cleared for nothing, nothing was chosen, and the
        verdict key on a search hit in a hidden colleague's note tagged the words
        selected before (rv179)."""
        row = self.model.row_of(claim_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        annotator = self.model.place_at(row).annotator
        if not index.isValid() and annotator in self.proxy.hidden_annotators:
            self.layerWanted.emit(annotator)
            if annotator in self.proxy.hidden_annotators or (
                    row := self.model.row_of(claim_id)) < 0:
                return False
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if self.filter_pending() and not self.proxy.text_accepts(
                self.model.place_at(row), self.filter_edit.text()):
            index = QModelIndex()  # (the filter still to come would hide it, and Qt then
            # made another claim current, which the next verdict key relabelled: rv90)
        if not index.isValid():  # filtered out: show everything again
            self.filter_edit.clear()
            self.verdict_filter.setCurrentIndex(0)
            self.unreviewed.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                return False
        if self.current_claim_id() == claim_id:
            self._show(claim_id)  # shown again: it may have changed
        else:
            self._select_row(index.row())  # which shows it
        self.view.scrollTo(index)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # (Once the window's layout has settled: it passes through narrower widths.)
        QTimer.singleShot(0, self, lambda: self._arrange_filters(
            self.width() >= self.FILTER_ROOM + self.verdict_filter.sizeHint().width()
            + self.unreviewed.sizeHint().width()))

    def _arrange_filters(self, one_row: bool) -> None:
        """The text filter beside the verdict and review filters where the panel has the
        room, else on a row of its own above them: squeezed beside them in an 800-pixel
        window it was 28 pixels wide, «Fi…», and what was typed could not be seen."""
        if one_row == self._filters_in_one_row:
            return
        self._filters_in_one_row = one_row
        if one_row:
            self._filter_row.removeWidget(self.filter_edit)
            self._filters.insertWidget(0, self.filter_edit, 1)
        else:
            self._filters.removeWidget(self.filter_edit)
            self._filter_row.addWidget(self.filter_edit)

    def clear_selection(self) -> None:
        self.view.clearSelection()

    def step(self, step: int) -> None:
        """Select the next (1) or previous (-1) claim in the list, wrapping around."""
        self.model.hold_all()  # the last row is the last claim
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.selectionModel().currentIndex()
        row = (current.row() + step) % rows if current.isValid() else (0 if step > 0 else rows - 1)
        self._select_row(row)

    def step_from(self, position: int, step: int) -> bool:
        """Select the claim shown after (1) or before (-1) code point *position* in the
        article (the caret's), among the rows the filters show, wrapping around; whether
        it wrapped round an end."""
        self.model.hold_all()
        shown = []
        for row in range(self.proxy.rowCount()):
            place = self.place_of(self.proxy.index(row, 0).data(ClaimIdRole))
            if place is not None:
                shown.append((place.start, place.end, row))
        if not shown:
            return False
        rows = [row for _start, _end, row in sorted(shown)]
        starts = sorted(start for start, _end, _row in shown)
        at = bisect_left(starts, position)  # the first shown at or after the caret
        self._select_row(rows[at % len(rows)] if step > 0 else rows[at - 1])
        return len(rows) > 1 and (at == len(rows) if step > 0 else at == 0)

    def _select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _selection_changed(self, *_args: object) -> None:
        claim_id = self.current_claim_id()
        if claim_id is not None and claim_id == self._shown:
            return  # the same claim, its row moved by a row put in above it: shown already
        self._show(claim_id)

    def _show(self, claim_id: str | None) -> None:
        self._shown = claim_id
        self.proxy.keep(claim_id)  # (its row stays while it is worked on: ClaimsFilterModel)
        self.editor.show_claim(claim_id)
        self.claimSelected.emit(claim_id)

    # -- editing ------------------------------------------------------------------------
    def edit_note(self) -> None:
        if self.current_claim_id():
            self.editor.focus_note()

    def _history_toggled(self, shown: bool) -> None:
        if shown:  # once laid out
            QTimer.singleShot(0, self, lambda: self.editor_box.ensureWidgetVisible(
                self.editor.history, 0, 0))

    def review_comment(self, claim_id: str) -> str:
        return self.editor.review_comment_for(claim_id)

    def review_filed(self, claim_id: str) -> None:
        self.editor.review_filed(claim_id)

    def can_review(self) -> bool:
        """Whether the selected claim may be reviewed (the editor's Accept and Reject)."""
        return self.editor.can_review()

    def commit_typing(self) -> None:
        """Save a note being typed (before closing, or before the claims are reloaded)."""
        self.editor.commit_note()

    def commit_drafts(self) -> bool:
        """Before closing: the note being typed, and the links typed and not added;
        whether all were saved."""
        note_saved = self.editor.commit_note()
        return self.editor.commit_link_drafts() and note_saved
