"""The main window: articles, the reader, claims; menus and actions wire them together.

Slots here translate a user gesture into an undo command or a session call;
they hold no SQL and no business rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import article_dialogs, dialogs, settings
from gui.claim_editor import ClaimEditor
from gui.commands import DeleteClaim, EditClaim, TagSpan
from gui.find_bar import FindBar
from gui.icons import color_icon
from gui.models import (
    ArticleIdRole,
    ArticleListModel,
    ClaimIdRole,
    ClaimsFilterModel,
    ClaimsTableModel,
)
from gui.reader import ArticleView
from gui.review_tools import ReviewTools
from gui.search_panel import SearchPanel
from gui.session import Session
from store.errors import TahqiqError

if TYPE_CHECKING:
    from store.exchange.importing import ImportOutcome
from gui.i18n import error_text, message_text
from store.core.records import Label


def _exchange():
    """File ▸ Export, Import and Merge load with their first use, not at start-up."""
    from gui import exchange

    return exchange


# A single-key shortcut types another character when an Arabic keyboard layout is
# active; bind that character too, so the same key works in either layout.
ARABIC_LAYOUT_TWINS = {
    "1": "١", "2": "٢", "3": "٣", "4": "٤", "5": "٥", "6": "٦", "7": "٧", "8": "٨", "9": "٩",
    "0": "٠", "A": "ش", "R": "ق", "N": "ى",
}


class MainWindow(QMainWindow):
    closed = Signal()
    articleShown = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.tag_actions: dict[str, QAction] = {}
        self.current_article: str | None = None

        self._build_views()
        self._build_actions()
        self._build_menus()
        self.review_tools = ReviewTools(self)
        self._wire()
        self._update_title()
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._restore_layout()

        articles = session.article_list()
        if articles:
            self.show_article(articles[0]["id"])

    # -- construction ----------------------------------------------------------------------
    def _build_views(self) -> None:
        self.reader = ArticleView()
        self.reader.setAccessibleName(self.tr("Article text"))
        self.reader.setAccessibleDescription(
            self.tr("The article being checked. Select words and press a verdict key to tag."))
        self.article_header = QLabel()
        self.article_header.setObjectName("articleHeader")
        self.article_header.setAccessibleName(self.tr("Article title and details"))
        self.article_header.setWordWrap(True)
        self.article_header.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QWidget()
        self.legend.setObjectName("legend")
        self.legend.setAccessibleName(self.tr("Verdict colours"))
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self.find_bar = FindBar(self.reader)
        central = QWidget()
        column = QVBoxLayout(central)
        column.addWidget(self.article_header)
        column.addWidget(self.legend)
        column.addWidget(self.find_bar)
        column.addWidget(self.reader, 1)
        self.setCentralWidget(central)

        self.article_model = ArticleListModel(self.session, self)
        self.articles_view = QListView()
        self.articles_view.setObjectName("articlesView")
        self.articles_view.setAccessibleName(self.tr("Articles in this project"))
        self.articles_view.setModel(self.article_model)
        self.articles_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.articles_view.setWordWrap(True)
        articles_dock = QDockWidget(self.tr("Articles"), self)
        articles_dock.setObjectName("articlesDock")
        articles_dock.setWidget(self.articles_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, articles_dock)
        self.search_panel = SearchPanel(self.session.search)
        search_dock = QDockWidget(self.tr("Search"), self)
        search_dock.setObjectName("searchDock")
        search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, search_dock)
        self.tabifyDockWidget(articles_dock, search_dock)
        articles_dock.raise_()
        self.search_dock = search_dock

        self.claims_model = ClaimsTableModel(self.session, self)
        self.claims_proxy = ClaimsFilterModel(self)
        self.claims_proxy.setSourceModel(self.claims_model)
        self.claims_view = QTableView()
        self.claims_view.setObjectName("claimsView")
        self.claims_view.setAccessibleName(self.tr("Claims in this article"))
        self.claims_view.setModel(self.claims_proxy)
        self.claims_view.setSortingEnabled(True)
        self.claims_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.claims_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claims_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.claims_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.claims_view.verticalHeader().setVisible(False)
        header = self.claims_view.horizontalHeader()
        header.setAccessibleName(self.tr("Claim columns; click to sort"))
        # Fixed, user-resizable widths: ResizeToContents would measure up to a thousand
        # rows on every edit, which a 5,000-claim article cannot afford.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((210, 100, 160, 60, 80, 80, 120)):
            header.resizeSection(col, width)
        self.claims_filter = QLineEdit()
        self.claims_filter.setObjectName("claimsFilter")
        self.claims_filter.setAccessibleName(self.tr("Filter claims"))
        self.claims_filter.setPlaceholderText(self.tr("Filter claims…"))
        self.claims_filter.setClearButtonEnabled(True)
        self.verdict_filter = QComboBox()
        self.verdict_filter.setObjectName("verdictFilter")
        self.verdict_filter.setAccessibleName(self.tr("Show claims with this verdict"))
        self.editor = ClaimEditor(self.session, self.undo_stack)
        filters = QHBoxLayout()
        filters.addWidget(self.claims_filter, 1)
        filters.addWidget(self.verdict_filter)
        self.filters_row = filters
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.claims_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_box)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        claims_dock = QDockWidget(self.tr("Claims"), self)
        claims_dock.setObjectName("claimsDock")
        claims_dock.setWidget(splitter)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, claims_dock)
        self.docks = (articles_dock, search_dock, claims_dock)

        self.annotator_label = QLabel()
        self.annotator_label.setObjectName("annotatorLabel")
        self.annotator_label.setAccessibleName(self.tr("Who is tagging"))
        self.statusBar().addPermanentWidget(self.annotator_label)

    def _action(self, name: str, text: str, slot, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            keys = [QKeySequence(shortcut)]
            twin = ARABIC_LAYOUT_TWINS.get(str(shortcut))
            if twin:  # the same physical key with an Arabic keyboard layout active
                keys.append(QKeySequence(twin))
            action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._action("new_project", self.tr("&New Project…"), self.new_project,
                                    K.New)
        self.act_open = self._action("open_project", self.tr("&Open Project…"),
                                     self.open_project_dialog, K.Open)
        self.act_import = self._action("import_article", self.tr("&Import Article…"),
                                       self.import_article_dialog, "Ctrl+I",
                                       self.tr("Add a text file or saved web page as an article"))
        self.act_paste = self._action("paste_article", self.tr("Paste as New &Article"),
                                      lambda: self.paste_as_article(), "Ctrl+Shift+V")
        self.act_properties = self._action("article_properties",
                                           self.tr("Article &Properties…"),
                                           self.edit_article_properties, "Alt+Return")
        self.act_export = self._action("export", self.tr("&Export…"),
                                       lambda: _exchange().export_dialog(self), "Ctrl+E",
                                       self.tr("Export claims as CSV, JSON, W3C or ClaimReview"))
        self.act_packet = self._action("export_packet", self.tr("Export Review &Packet…"),
                                       lambda: _exchange().packet_dialog(self), "Ctrl+Shift+E",
                                       self.tr("The article with its numbered claims, as PDF "
                                               "or HTML"))
        self.act_import_claims = self._action("import_claims", self.tr("Import &Claims (CSV)…"),
                                              lambda: _exchange().import_claims_dialog(self))
        self.act_merge = self._action("merge_project", self.tr("&Merge Colleague's Project…"),
                                      lambda: _exchange().merge_dialog(self), "Ctrl+M")
        self.act_backup = self._action("backup_project", self.tr("&Back Up Project…"),
                                       self.backup_project_dialog,
                                       tip=self.tr("Save a complete copy of this project file"))
        self.act_quit = self._action("quit", self.tr("&Quit"), self.close, K.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setObjectName("undo")
        self.act_undo.setShortcut(QKeySequence(K.Undo))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setObjectName("redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_delete = self._action("delete_claim", self.tr("&Delete Claim"),
                                       self.delete_current_claim, K.Delete)
        self.act_edit_note = self._action("edit_note", self.tr("Edit &Note"),
                                          self.edit_note, "N",
                                          self.tr("Write the selected claim's note"))
        self.act_find = self._action("find_in_article", self.tr("&Find in Article…"),
                                     self.find_bar.open_bar, K.Find)
        self.act_search = self._action("search_project", self.tr("&Search Project…"),
                                       self.open_search, "Ctrl+Shift+F")
        self.act_next = self._action("next_claim", self.tr("&Next Claim"),
                                     lambda: self.step_claim(1), "Ctrl+Down")
        self.act_previous = self._action("previous_claim", self.tr("&Previous Claim"),
                                         lambda: self.step_claim(-1), "Ctrl+Up")
        self.act_zoom_in = self._action("zoom_in", self.tr("Zoom &In"),
                                        lambda: self.zoom(1), K.ZoomIn)
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = self._action("zoom_out", self.tr("Zoom &Out"),
                                         lambda: self.zoom(-1), K.ZoomOut)
        self.act_labels = self._action("edit_labels", self.tr("&Labels…"), self.edit_labels)
        self.act_preferences = self._action("preferences", self.tr("&Preferences…"),
                                            self.edit_preferences, K.Preferences)
        if self.act_preferences.shortcut().isEmpty():
            self.act_preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.act_shortcuts = self._action("keyboard_shortcuts", self.tr("&Keyboard Shortcuts"),
                                          self.show_shortcuts, "F1")
        self.toolbar = QToolBar(self.tr("Verdicts"))
        self.toolbar.setObjectName("verdictToolbar")
        self.toolbar.setAccessibleName(self.tr("Verdict toolbar"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._toolbar_separator = self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_undo)
        self.toolbar.addAction(self.act_redo)
        self._build_label_actions()

    def _build_label_actions(self) -> None:
        """One tag_<key> action per label, rebuilt when labels change."""
        for action in self.tag_actions.values():
            self.removeAction(action)
            self.toolbar.removeAction(action)
            action.deleteLater()
        self.tag_actions.clear()
        for label in self.session.labels():
            name = label.name(self.session.language)
            action = self._action(f"tag_{label.key}", name,
                                  lambda _=False, key=label.key: self.tag(key),
                                  label.shortcut or None,
                                  self.tr("Tag the selection, or the selected claim, as %s")
                                  % name)
            action.setIcon(color_icon(label.color))
            self.tag_actions[label.key] = action
        self.toolbar.insertActions(self._toolbar_separator, list(self.tag_actions.values()))
        self._fill_legend(self.session.labels())
        self._fill_verdict_filter(self.session.labels())
        if hasattr(self, "tag_menu"):
            self.tag_menu.clear()
            self.tag_menu.addActions(list(self.tag_actions.values()))
        self._update_enabled()

    def _fill_legend(self, labels: list[Label]) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for label in labels:
            name = label.name(self.session.language)
            chip = QLabel(f"{name}  [{label.shortcut}]" if label.shortcut else name)
            chip.setObjectName(f"legend_{label.key}")
            chip.setStyleSheet(f"background: {label.color}; color: #111; padding: 2px 8px;"
                               "border-radius: 4px;")
            chip.setToolTip(label.description)
            chip.setAccessibleName(self.tr("Verdict %s") % name)
            chip.setAccessibleDescription(label.description)
            self.legend_layout.addWidget(chip)
        self.legend_layout.addStretch(1)

    def _fill_verdict_filter(self, labels: list[Label]) -> None:
        current = self.verdict_filter.currentData()
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        self.verdict_filter.addItem(self.tr("All verdicts"), None)
        for label in labels:
            self.verdict_filter.addItem(color_icon(label.color),
                                        label.name(self.session.language), label.key)
        self.verdict_filter.setCurrentIndex(max(0, self.verdict_filter.findData(current)))
        self.verdict_filter.blockSignals(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_import_claims, self.act_merge])
        file_menu.addSeparator()
        file_menu.addActions([self.act_export, self.act_packet])
        file_menu.addAction(self.act_backup)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_delete)
        edit_menu.addAction(self.act_edit_note)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        edit_menu.addAction(self.act_search)
        edit_menu.addAction(self.act_paste)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_preferences)
        self.tag_menu = bar.addMenu(self.tr("&Tag"))
        self.tag_menu.addActions(list(self.tag_actions.values()))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_next, self.act_previous])
        view_menu.addSeparator()
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out])
        view_menu.addSeparator()
        for dock in self.docks:
            view_menu.addAction(dock.toggleViewAction())
        project_menu = bar.addMenu(self.tr("&Project"))
        project_menu.addAction(self.act_properties)
        project_menu.addAction(self.act_labels)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_shortcuts)

    def _wire(self) -> None:
        s = self.session
        s.claimChanged.connect(self._claim_changed)
        s.claimsAboutToReset.connect(self._before_reload)
        s.claimsReset.connect(self._reload_article)
        s.labelsChanged.connect(self._labels_changed)
        s.errorOccurred.connect(lambda message: dialogs.show_error(self, message))
        self.articles_view.selectionModel().currentChanged.connect(self._article_chosen)
        self.claims_view.selectionModel().selectionChanged.connect(self._show_selected_claim)
        self.reader.claimClicked.connect(self.select_claim)
        self.reader.contextMenuRequested.connect(self._extend_context_menu)
        self.reader.selectionChanged.connect(self._update_enabled)
        self.claims_filter.textChanged.connect(self.claims_proxy.setFilterFixedString)
        self.verdict_filter.currentIndexChanged.connect(
            lambda _i: self.claims_proxy.set_label_filter(self.verdict_filter.currentData()))
        self.search_panel.hitChosen.connect(self.go_to_hit)
        self.editor.claimDeleted.connect(lambda _id: self.claims_view.clearSelection())

    # -- articles ----------------------------------------------------------------------------
    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(ArticleIdRole)
        if article_id and article_id != self.current_article:
            self.show_article(article_id)

    def show_article(self, article_id: str) -> None:
        self.editor.show_claim(None)
        article = self.session.article(article_id)
        self.current_article = article_id
        claims = self.session.claims_of(article_id)  # loaded once for reader and table
        self.reader.show_article(article_id, article.text, claims,
                                 self.session.labels())
        self._show_header(article)
        self.claims_model.set_article(article_id, claims)
        row = self.article_model.row_of(article_id)
        if row >= 0:
            self.articles_view.setCurrentIndex(self.article_model.index(row))
        self._update_enabled()
        self.articleShown.emit(article_id)

    def _show_header(self, article) -> None:
        details = [d for d in (article.outlet, article.published, article.url) if d]
        self.article_header.setText(article.title + ("\n" + " · ".join(details)
                                                     if details else ""))

    def _before_reload(self) -> None:
        """Save the note being typed and remember the claim in front of the user."""
        self.editor.commit_note()
        self._claim_to_keep = self.current_claim_id()

    def _reload_article(self) -> None:
        """After outside changes: keep the article, the selected claim and the scroll."""
        ids = [a["id"] for a in self.session.article_list()]
        if self.current_article in ids:
            selected, self._claim_to_keep = getattr(self, "_claim_to_keep", None), None
            bar = self.reader.verticalScrollBar().value()
            self.show_article(self.current_article)
            if selected:
                self.select_claim(selected)
            self.reader.verticalScrollBar().setValue(bar)
        elif ids:
            self.show_article(ids[0])

    # -- claims ------------------------------------------------------------------------------
    def _claim_changed(self, claim_id: str) -> None:
        claim = self.session.claim(claim_id)
        if claim.article_id == self.current_article:
            self.reader.update_claim(claim)
        self._update_enabled()

    def _show_selected_claim(self, *_args: object) -> None:
        """Show the selected claim in the editor and select its words in the reader."""
        claim_id = self.current_claim_id()
        self.editor.show_claim(claim_id)
        if claim_id:
            claim = self.session.claim(claim_id)
            self.reader.select_span(claim.start, claim.end)
        self._update_enabled()

    def select_claim(self, claim_id: str) -> None:
        """Select a claim's row (which shows it in the editor and the reader)."""
        row = self.claims_model.row_of(claim_id)
        if row < 0:
            return
        index = self.claims_proxy.mapFromSource(self.claims_model.index(row, 0))
        if not index.isValid():  # filtered out: show everything again
            self.claims_filter.clear()
            self.verdict_filter.setCurrentIndex(0)
            index = self.claims_proxy.mapFromSource(self.claims_model.index(row, 0))
        self.claims_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.claims_view.scrollTo(index)
        self._show_selected_claim()

    def current_claim_id(self) -> str | None:
        index = self.claims_view.selectionModel().currentIndex()
        if not index.isValid() or not self.claims_view.selectionModel().isSelected(index):
            return None
        return index.data(ClaimIdRole)

    def tag(self, label_key: str) -> None:
        """Tag the selected words; with no words selected, relabel the selected claim."""
        if self.session.read_only:
            return
        span = self.reader.selected_span()
        if span is not None and self.current_article:
            existing = self._claim_with_span(span)
            if existing is None:
                command = TagSpan(self.session, self.current_article, span[0], span[1],
                                  label_key)
                self.undo_stack.push(command)
                if command.claim_id:
                    self.select_claim(command.claim_id)
                return
            claim_id = existing
        else:
            claim_id = self.current_claim_id()
        if claim_id is None:
            self.statusBar().showMessage(
                self.tr("Select words in the article first, then choose a verdict."), 5000)
            return
        claim = self.session.claim(claim_id)
        if claim.label != label_key:
            self.undo_stack.push(EditClaim(self.session, claim, label=label_key))

    def _claim_with_span(self, span: tuple[int, int]) -> str | None:
        """The selected claim, when the selection is exactly its span (so re-tagging relabels)."""
        claim_id = self.current_claim_id()
        if claim_id:
            claim = self.session.claim(claim_id)
            if (claim.start, claim.end) == span:
                return claim_id
        return None

    def edit_note(self) -> None:
        if self.current_claim_id():
            self.editor.note.setFocus()
            self.editor.note.moveCursor(QTextCursor.MoveOperation.End)

    def delete_current_claim(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id and not self.session.read_only:
            self.undo_stack.push(DeleteClaim(self.session, claim_id))

    def step_claim(self, step: int) -> None:
        rows = self.claims_proxy.rowCount()
        if not rows:
            return
        current = self.claims_view.selectionModel().currentIndex()
        row = (current.row() + step) % rows if current.isValid() else (0 if step > 0 else rows - 1)
        self.claims_view.selectionModel().setCurrentIndex(
            self.claims_proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def open_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus()

    def go_to_hit(self, hit) -> None:
        """Open the hit's article and select its words (a verdict key then tags them)."""
        if hit.article_id != self.current_article:
            self.show_article(hit.article_id)
        if hit.kind == "note" and hit.claim_id:
            self.select_claim(hit.claim_id)
            return
        self.claims_view.clearSelection()
        self.reader.select_span(hit.start, hit.end)
        self.reader.setFocus()

    def _extend_context_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in self.tag_actions.values():
            menu.addAction(action)
        if self.current_claim_id():
            menu.addAction(self.act_delete)

    def _update_enabled(self) -> None:
        writable = not self.session.read_only
        has_target = self.reader.textCursor().hasSelection() or bool(self.current_claim_id())
        for action in self.tag_actions.values():
            action.setEnabled(writable and has_target)
        self.act_delete.setEnabled(writable and bool(self.current_claim_id()))
        self.act_edit_note.setEnabled(writable and bool(self.current_claim_id()))
        if hasattr(self, "review_tools"):
            for action in self.review_tools.actions():
                action.setEnabled(writable and bool(self.current_claim_id()))
        self.act_properties.setEnabled(writable and self.current_article is not None)
        for action in (self.act_import, self.act_import_claims, self.act_merge, self.act_paste):
            action.setEnabled(writable)

    def _labels_changed(self) -> None:
        self._build_label_actions()
        self.reader.set_labels(self.session.labels())

    # -- project-level actions ---------------------------------------------------------------
    def import_article_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Article"), "",
            self.tr("Articles (*.txt *.html *.htm *.xhtml);;All files (*)"))
        if paths:
            _exchange().import_articles(self, paths)

    def import_article(self, path: str | Path) -> str | None:
        """Import one file on the GUI thread (menus and drops use the threaded path)."""
        from store.exchange import importing

        try:
            outcome = importing.import_file(self.session.project, path)
        except TahqiqError as exc:
            dialogs.show_error(self, error_text(exc))
            return None
        return self.imported(outcome)

    def imported(self, outcome: ImportOutcome) -> str:
        """Show a freshly imported article and say what was cleaned on the way in."""
        self.article_model.reload()
        self.show_article(outcome.article.id)
        message = (self.tr("Imported «%s» (%s).") % (outcome.article.title, outcome.encoding)
                   if outcome.created else
                   self.tr("«%s» is already in this project.") % outcome.article.title)
        if outcome.changes:
            message += " " + self.tr("; ").join(message_text(c) for c in outcome.changes)
        self.statusBar().showMessage(message, 10000)
        return outcome.article.id

    def paste_as_article(self, text: str | None = None) -> str | None:
        """Edit ▸ Paste as New Article, offering to repair Arabic copied out of a PDF."""
        from store.text.pdf_text import looks_like_visual_pdf_text, repair_pdf_text

        text = QApplication.clipboard().text() if text is None else text
        if not text.strip():
            self.statusBar().showMessage(self.tr("The clipboard holds no text."), 5000)
            return None
        repair: bool | None = None
        if looks_like_visual_pdf_text(text):
            repair = article_dialogs.ask_pdf_repair(self, text, repair_pdf_text(text))
            if repair is None:
                return None
        from store.exchange import importing

        try:
            outcome = importing.import_text(self.session.project, text, repair_pdf=repair,
                                            source_name="clipboard")
        except TahqiqError as exc:
            dialogs.show_error(self, error_text(exc))
            return None
        return self.imported(outcome)

    def edit_article_properties(self) -> None:
        if not self.current_article:
            return
        dialog = article_dialogs.ArticlePropertiesDialog(
            self.session.article(self.current_article), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            try:
                self.session.update_article(self.current_article, **dialog.changes())
            except TahqiqError as exc:
                dialogs.show_error(self, error_text(exc))
            self._show_header(self.session.article(self.current_article))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.session.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            _exchange().import_articles(self, paths)
        event.acceptProposedAction()

    def backup_project_dialog(self) -> None:
        project = self.session.project
        stem = project.path.stem if project.path else "project"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back Up Project"), f"{stem}-backup.tahqiq",
            self.tr("Tahqiq projects (*.tahqiq)"))
        if target:
            self.backup_project(target)

    def backup_project(self, target: str | Path) -> bool:
        """A consistent copy via SQLite's backup API, even while others write."""
        try:
            self.session.project.backup(target)
        except TahqiqError as exc:
            dialogs.show_error(self, error_text(exc))
            return False
        self.statusBar().showMessage(self.tr("Backed up to %s") % Path(target).name, 8000)
        return True

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Project"), "",
                                              self.tr("Tahqiq projects (*.tahqiq)"))
        if path:
            if not path.endswith(".tahqiq"):
                path += ".tahqiq"
            self.switch_project(path)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Project"), "",
                                              self.tr("Tahqiq projects (*.tahqiq);;All files (*)"))
        if path:
            self.switch_project(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_project(p))
        self.recent_menu.setEnabled(True)

    def switch_project(self, path: str) -> None:
        """Open another project in a new window and close this one."""
        from gui.app import open_window

        window = open_window(path, parent_for_errors=self)
        if window is not None:
            window.show()
            self.close()

    def edit_labels(self) -> None:
        from gui.settings_dialogs import LabelsDialog

        LabelsDialog(self.session, self).exec()

    def edit_preferences(self) -> None:
        from gui.settings_dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.session.annotator, self.session.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_preferences(*dialog.values())

    def apply_preferences(self, name: str, language: str) -> None:
        if name and name != self.session.annotator:
            settings.set_annotator_name(name)
            self.session.set_annotator(name)
            self.review_tools.layers.me = name
            self._update_title()
        if language != self.session.language:
            settings.set_language(language)
            if self.session.project.path is not None:
                self.switch_project(str(self.session.project.path))  # rebuilt in the language

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for action in self.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((action.text().replace("&", ""), ", ".join(keys)))
        rows += [
            (self.tr("Select text in the article"), self.tr("Shift+Arrow keys")),
            (self.tr("Extend the selection by a word"), self.tr("Ctrl+Shift+Left/Right")),
            (self.tr("Extend the selection to the line's end"), self.tr("Shift+Home/End")),
            (self.tr("Move between panels"), self.tr("Tab, Shift+Tab")),
            (self.tr("Next / previous match in Find"), self.tr("Enter, Shift+Enter")),
        ]
        return rows

    def show_shortcuts(self) -> None:
        from gui.settings_dialogs import ShortcutsDialog

        ShortcutsDialog(self.shortcut_rows(), self).exec()

    def zoom(self, steps: int) -> None:
        self.reader.zoom(steps)
        settings.settings().setValue("reader/pointSize", self.reader.font().pointSizeF())

    # -- window state --------------------------------------------------------------------------
    def _update_title(self) -> None:
        project = self.session.project
        name = project.path.name if project.path else self.tr("(in memory)")
        suffix = self.tr(" [read-only]") if project.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — Tahqiq")
        self.annotator_label.setText(self.tr("Tagging as: %s") % self.session.annotator
                                     + (self.tr(" · read-only") if project.read_only else ""))

    def _restore_layout(self) -> None:
        store = settings.settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        size = store.value("reader/pointSize")
        if size:
            self.reader.zoom(int(float(size) - self.reader.font().pointSizeF()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.commit_note()
        self.review_tools.shutdown()
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
