"""The main window: it assembles the panes, the actions and the file handling, and keeps
the one piece of state they share, the article on screen.

Slots here translate a user gesture into an undo command or a session call; they hold
no SQL and no business rule (Tag All finds the same words with the store's own
``find_like`` in the text the window holds, which the store would otherwise read again,
and leaves the plan to the store). Each pane is its own module with a small public interface:
gui.article_pane (reader, header, legend, find bar), gui.claims_panel (list, filters,
editor), gui.actions (actions, menus, toolbar), gui.project_files (the File menu's
work), gui.review_tools (layers, reviews, disagreements, agreement).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QListView,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from gui import dialogs, screen_reader, settings
from gui.actions import Actions
from gui.article_pane import ArticlePane
from gui.back_to_article import BackToArticle
from gui.claims_panel import ClaimsPanel
from gui.commands import (
    AddAppearance,
    AddAppearances,
    DeleteArticle,
    DeleteClaim,
    Dismiss,
    EditClaim,
    MoveWords,
    TagAll,
    TagSpan,
    UndoStack,
)
from gui.docks import Area, SideWidths, add_dock, mirrored, place_as
from gui.fonts import READER_POINT_SIZE
from gui.i18n import filled, message_text, quoted
from gui.known_claims_panel import KnownClaimsFinder, KnownClaimsPanel
from gui.models import ArticleIdRole, ArticleListModel
from gui.plain_text import plain_box, plain_label, shown_action_text
from gui.review_tools import ReviewTools
from gui.search_panel import SearchPanel
from gui.session import Session
from gui.table_columns import own_direction_cells
from store.collector import no_collection
from store.core.labels import same_key
from store.core.records import Appearance, KnownClaimHit, KnownClaimsFound
from store.core.schema import READABLE_SINCE
from store.errors import TahqiqError
from store.text.display import among_words, is_rtl_text, isolated
from store.text.fold import find_like, fold

if TYPE_CHECKING:
    from collections.abc import Callable

    from gui.project_files import ProjectFiles
    from store.core.search import SearchHit

STATUS_MS = 8000  # how long a status-bar message stays
KEEP_PLACE_MS = 3000  # after the article or claim shown changes, it is kept for the next start
DEFAULT_SIZE = (1280, 820)  # a first start's window, and every screenshot's unless told


def first_size(wanted: tuple[int, int]) -> tuple[int, int]:
    """*wanted*, or less where the screen has less room (a 1366×768 laptop: 820 pixels
    and a title bar ran off its bottom). A screen of no real size (offscreen, for
    screenshots and tests) is not asked."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
        return wanted
    room = screen.availableGeometry()
    return min(wanted[0], room.width() - 16), min(wanted[1], room.height() - WINDOW_FRAME)


WINDOW_FRAME = 40  # a title bar and borders, which the window's size leaves out


def _local_files(data: QMimeData | None) -> bool:
    return data is not None and any(url.isLocalFile() for url in data.urls())


class _FilesToTheWindow(QObject):
    """Files dragged over one of the window's text fields pass on to the window, which
    imports them: the field under the pointer took them as text (the note, the claims'
    filter, the new link, the search, the review comment got «file:///…/article.txt»,
    the note saved so) and nothing was imported."""

    _DRAGS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)

    def __init__(self, window: QMainWindow):
        super().__init__(window)

    def watch_window(self) -> None:
        """Watch every field the window has (at its first paint)."""
        self.watch(self.parent())

    def watch(self, root: QWidget) -> None:
        """Pass on the files dropped on *root*'s text fields (one made after the window
        too: the find bar, made when first opened, took them as text)."""
        for widget in (root, *root.findChildren(QWidget)):
            if widget.acceptDrops() and not isinstance(widget, QMainWindow):
                widget.installEventFilter(self)  # (a text field, or a text box's viewport)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._DRAGS and _local_files(event.mimeData()):
            event.ignore()  # (Qt offers an ignored drag to the parents: the window)
            return True
        return False


class MainWindow(QMainWindow):
    closed = Signal()
    articleShown = Signal(str)
    openRequested = Signal(str, bool)  # another project, to open in a new window; made anew
    reopenRequested = Signal(str)  # this project again, in the interface language given
    # The reader's first paint is done: what the first picture does without (writing the
    # settings) runs then, not before it.
    firstPainted = Signal()

    def __init__(self, session: Session, remember_layout: bool = True):
        """*remember_layout*: restore the size, panels and zoom of the last window and
        save them on closing; off for a screenshot, which must not change the next start."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.remember_layout = remember_layout
        self.undo_stack = UndoStack(self)
        self.current_article: str | None = None
        self._claim_to_keep: str | None = None
        # Where the work is, kept a moment after it changes, not only on closing: a
        # window ended by a dead battery or kill -9 reopened on the first article (rv70).
        # (Its size and panels are kept on closing, as before.)
        self.typing_given_up = False  # (the loss of typing not saved chosen: closing)
        self._keep_place_soon = QTimer(self)
        self._keep_place_soon.setSingleShot(True)
        self._keep_place_soon.setInterval(KEEP_PLACE_MS)
        self._keep_place_soon.timeout.connect(self._keep_where)
        self._kept_where: tuple | None = None
        self._painted = False  # (the window's first frame: see paintEvent)

        self.action_set = Actions(self, self.undo_stack)
        self.article_pane = ArticlePane()
        self.setCentralWidget(self.article_pane)
        self.claims_panel = ClaimsPanel(session, self.undo_stack)
        self.article_model = ArticleListModel(session, self)
        self.articles_view = QListView()
        self.articles_view.setObjectName("articlesView")
        # Rows as wide as the list: a long title shows its start, elided at its end, in
        # its own direction (the full title is in the tooltip).
        own_direction_cells(self.articles_view, fit_width=True)
        self.articles_view.setAccessibleName(self.tr("Articles in this project"))
        self.articles_view.setModel(self.article_model)
        self.articles_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line per title, every item the same height: Qt lays out 50,000 articles
        # without measuring each (the full title is in the tooltip), a batch at a time
        # after the window shows rather than all before it.
        self.articles_view.setUniformItemSizes(True)
        self.articles_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.articles_view.setBatchSize(2000)
        self.search_panel = SearchPanel(session.search,
                                        article_order=lambda: self.article_model.ids())
        articles_dock = add_dock(self, self.tr("Articles"), "articlesDock", self.articles_view,
                                 Area.LeftDockWidgetArea)
        self.search_dock = add_dock(self, self.tr("Search"), "searchDock", self.search_panel,
                                    Area.LeftDockWidgetArea)
        self.tabifyDockWidget(articles_dock, self.search_dock)
        articles_dock.raise_()
        self._articles_dock = articles_dock
        self.claims_dock = add_dock(self, self.tr("Claims"), "claimsDock", self.claims_panel,
                                    Area.RightDockWidgetArea)
        self.known_claims = KnownClaimsPanel(session)
        self.known_dock = add_dock(self, self.tr("Known Claims"), "knownClaimsDock",
                                   self.known_claims, Area.RightDockWidgetArea)
        self.finder = KnownClaimsFinder(session, self)
        self._files: ProjectFiles | None = None  # made at the first use of a File action
        self.review_tools = ReviewTools(self, session, self.undo_stack, self.action_set,
                                        self.claims_panel, self.article_pane)
        # A panel at the bottom (Disagreements) lies under the article, not across the
        # window: the list of claims kept its height (two rows of it were left).
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        panels = [articles_dock, self.search_dock, self.claims_dock, self.known_dock]
        self.side_widths = SideWidths(self, [*panels, *self.review_tools.docks()])
        self._caret_said = ""  # the status line naming the claim the caret came into
        self.action_set.install(self.menuBar(), panels, self.review_tools.docks())
        self.annotator_label = plain_label()
        self.annotator_label.setObjectName("annotatorLabel")
        self.annotator_label.setAccessibleDescription(self.tr("Who is tagging"))
        self.statusBar().addPermanentWidget(self.annotator_label)
        # Its own background: a new line (each tag says what it did) is painted by the
        # bar alone, not by the window under it.
        self.statusBar().setAutoFillBackground(True)

        self._wire()
        self._labels_changed()
        self._update_title()
        if session.opening_note is not None:  # (a project restored from an SQL dump)
            self.show_status(message_text(session.opening_note))
        elif session.upgraded is not None:  # a file from an older Tahqiq: its copy is kept
            version, kept = session.upgraded
            said = self.tr("This project was upgraded from an older Tahqiq; the file as it "
                           "was is kept as %s") % kept.name
            if version >= READABLE_SINCE:  # (its Tahqiq reads a copy: rv88)
                said += ". " + self.tr("An older Tahqiq opens a copy saved with File ▸ "
                                       "Save a Copy for an Older Tahqiq.")
            self.show_status(said)
        self.setAcceptDrops(True)
        # The window's fields are watched once it is on screen (nothing can be dragged
        # onto it before): findChildren made the wrappers of its ~480 objects, ~3 ms of
        # start-up before the first paint.
        files_to_window = _FilesToTheWindow(self)
        self.article_pane.widgetsMade.connect(files_to_window.watch)
        self.resize(*first_size(DEFAULT_SIZE))
        self._laid_out = remember_layout and self._restore_layout()
        self._shares_given = False  # at the first show, once the panels are laid out
        self._shares_taken: dict[Area, float] = {}  # of the window this one replaced
        first = self.article_model.first_id()
        left_on = claim_left_on = None
        if remember_layout and session.path:  # (the settings file read once for both)
            kept = settings.settings()
            left_on, claim_left_on = settings.last_place(session.path, kept)
            # (each shown with its claim, as typed)
            self.claims_panel.editor.take_drafts(settings.review_drafts(session.path, kept))
        if left_on and self.article_model.row_of(left_on) >= 0:
            first = left_on  # where the work was left
        if first:
            self.show_article(first)
            if claim_left_on and first == left_on:
                self.select_claim(claim_left_on)
        else:
            self.article_pane.show_nothing(session.labels(), self._no_article_hint())
            self._update_enabled()
        self.firstPainted.connect(session.prepare_after_first_picture)
        # The current article's row scrolled into view once the list is on screen: asked
        # of the list before, it laid out its rows at a size not yet its own (~2 ms).
        self.firstPainted.connect(self._scroll_to_current_article)
        self.firstPainted.connect(self._name_tab_bars)
        self.firstPainted.connect(files_to_window.watch_window)
        if session.freed_shortcuts:
            self.firstPainted.connect(self._tell_freed_shortcuts)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the first frame, the reader's paint with it
            self._painted = True
            QTimer.singleShot(0, self, self.firstPainted.emit)  # after this frame, not in it

    def _wire(self) -> None:
        s, a = self.session, self.action_set
        s.appearancesChanged.connect(self._places_changed)
        s.claimsAboutToReset.connect(self._before_reload)
        s.claimsReset.connect(self._reload_article)
        s.labelsChanged.connect(self._labels_changed)
        # The stack moved over a step the project refused: back over it, once Qt's move
        # is done (the step itself knows that move writes nothing).
        s.stepRefused.connect(lambda undoing: QTimer.singleShot(
            0, self, self.undo_stack.redo if undoing else self.undo_stack.undo))
        s.errorOccurred.connect(lambda message: dialogs.show_error(self, message))
        s.waitingForFile.connect(self._waiting_for_file)
        s.fileMovedAway.connect(self._file_moved_away)
        s.fileBack.connect(self._update_title)
        s.fileLeaving.connect(self.claims_panel.commit_drafts)
        s.fileReplaced.connect(self._file_replaced)
        s.fileMovedTo.connect(self._file_moved_to)
        s.articleBack.connect(self.show_article)
        s.prepared.connect(self._prepare_status_line)
        # Once the undo or redo is done: selecting a claim commits a note being typed,
        # a step pushed onto the stack while Qt is still running one (Qt then used a
        # step the push had deleted).
        s.stepShows.connect(lambda place_id: QTimer.singleShot(
            0, self, lambda: self._step_shows(place_id)))
        s.stepTouched.connect(lambda articles, text, undone: QTimer.singleShot(
            0, self, lambda: self._step_touched(articles, text, undone)))
        self.articles_view.selectionModel().currentChanged.connect(self._article_chosen)
        self.claims_panel.claimSelected.connect(self._claim_selected)
        self.claims_panel.editor.doneTyping.connect(self.article_pane.reader.setFocus)
        self.claims_panel.editor.statusMessage.connect(self.show_status)
        self.claims_panel.statusMessage.connect(self.show_status)
        reader = self.article_pane.reader
        reader.claimClicked.connect(self._claim_chosen_in_reader)
        self.review_tools.disagreements.claimChosen.connect(self._claim_chosen_in_reader)
        self.review_tools.disagreements.claimBack.connect(self._pair_back)
        reader.caretInClaim.connect(self._caret_in_claim)
        reader.contextMenuRequested.connect(self._extend_context_menu)
        self.claims_panel.row_actions = self._claim_row_actions
        self.known_claims.row_actions = lambda: [a.accept_suggestion, a.dismiss_suggestion]
        reader.selectionChanged.connect(self._update_enabled)
        self.search_panel.hitChosen.connect(self.go_to_hit)
        self.search_panel.highlightChanged.connect(self._update_enabled)
        back = BackToArticle(reader, self)
        back.watch(self.search_panel, self.claims_panel, self.known_claims)  # (Esc comes up)
        back.watch(self.articles_view, enter=True)
        for changed in (s.appearancesChanged, s.claimsReset, s.articlesChanged):
            changed.connect(lambda *_: self.search_panel.project_changed())
        self.articleShown.connect(self.review_tools.article_shown)
        self.review_tools.statusMessage.connect(self.show_status)
        a.tagRequested.connect(self.tag)
        a.tag_all.triggered.connect(self.tag_all_occurrences)
        a.move_words.triggered.connect(self.move_claim_words)
        a.accept_suggestion.triggered.connect(self.accept_suggestion)
        a.dismiss_suggestion.triggered.connect(self.dismiss_suggestion)
        # Y, X and N off say why, as A and R do (ReviewTools): the key fell through to
        # the claims table, which chose another claim for the next verdict key.
        for action in (a.accept_suggestion, a.dismiss_suggestion, a.edit_note):
            a.say_why_when_off(action, lambda action=action: self._say_why_off(action))
        a.project_settings.triggered.connect(self.edit_project_settings)
        for changed in (s.appearancesChanged, s.suggestionsChanged, s.claimsReset):
            changed.connect(lambda *_: self.finder.request(self.current_article))
        self.finder.found.connect(self._suggestions_found)
        self.finder.failed.connect(self.show_status)
        self.finder.failed.connect(self._suggestions_failed)
        self.known_claims.chosen.connect(
            lambda hit: self.article_pane.reader.select_span(hit.start, hit.end))
        self.known_claims.chosenGone.connect(self._chosen_suggestion_gone)
        reader.suggestionClicked.connect(self._suggestion_clicked)
        self.known_claims.acceptRequested.connect(self.accept_suggestion)
        self.known_claims.dismissRequested.connect(self.dismiss_suggestion)
        a.new_project.triggered.connect(lambda: self.files.new_project())
        a.new_project_like.triggered.connect(lambda: self.files.new_project(like_this=True))
        a.open_project.triggered.connect(lambda: self.files.open_project())
        a.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(a.recent_menu))
        a.import_article.triggered.connect(lambda: self.files.import_dialog())
        a.import_claims.triggered.connect(lambda: self.files.import_claims_dialog())
        a.merge_project.triggered.connect(lambda: self.files.merge_dialog())
        a.export.triggered.connect(lambda: self.files.export_dialog(self.current_article))
        a.export_packet.triggered.connect(lambda: self.files.packet_dialog(self.current_article))
        a.backup_project.triggered.connect(lambda: self.files.backup_dialog())
        a.copy_for_older.triggered.connect(lambda: self.files.copy_for_older_dialog())
        a.paste_article.triggered.connect(lambda: self.files.paste_as_article())
        a.quit.triggered.connect(self.close)
        a.delete_claim.triggered.connect(self.delete_current_claim)
        self.claims_panel.deleteRequested.connect(a.delete_claim.trigger)  # as Del does
        # Del deletes the selected claim where claims are looked at, the article and the
        # claims table (the menu's item works from anywhere): in the Articles list, the
        # Annotators list or the Known Claims table it deleted a claim out of sight.
        a.delete_claim.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(a.delete_claim)
        for widget in (self.article_pane.reader, self.claims_panel.view):
            widget.addAction(a.delete_claim)
        a.deleted_claims.triggered.connect(self.show_deleted_claims)
        a.edit_note.triggered.connect(self.claims_panel.edit_note)
        a.find_in_article.triggered.connect(self.find_in_article)
        a.find_next.triggered.connect(lambda: self.find_again(1))
        a.find_previous.triggered.connect(lambda: self.find_again(-1))
        a.close_window.triggered.connect(self.close)
        a.zoom_reset.triggered.connect(lambda: self.zoom(
            READER_POINT_SIZE - self.article_pane.reader.font().pointSizeF()))
        a.full_screen.toggled.connect(
            lambda full: self.showFullScreen() if full else self.showNormal())
        self.article_pane.reader.zoomRequested.connect(self.zoom)
        a.search_project.triggered.connect(self.open_search)
        a.next_claim.triggered.connect(lambda: self.step_claim(1))
        a.previous_claim.triggered.connect(lambda: self.step_claim(-1))
        a.zoom_in.triggered.connect(lambda: self.zoom(1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.article_properties.triggered.connect(self.edit_article_properties)
        a.delete_article.triggered.connect(self.delete_article)
        a.deleted_articles.triggered.connect(self.show_deleted_articles)
        a.copy_claim.triggered.connect(self.copy_claim)
        self.claims_panel.view.addAction(a.copy_claim)
        view = self.articles_view  # a right click on an article: what it offers
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._article_menu)
        a.edit_labels.triggered.connect(self.edit_labels)
        a.preferences.triggered.connect(self.edit_preferences)
        a.keyboard_shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.getting_started.triggered.connect(self.show_getting_started)

    @property
    def files(self) -> ProjectFiles:
        """The File menu's work (gui.project_files, its dialogs): nothing of it shows in
        the window, so it is made, and its module loaded, at its first use."""
        if self._files is None:
            from gui.project_files import ProjectFiles

            files = ProjectFiles(self.session, self)
            files.statusMessage.connect(self.show_status)
            files.articleImported.connect(self.show_article)
            files.openRequested.connect(self.openRequested)
            self._files = files
        return self._files

    # -- articles ----------------------------------------------------------------------------
    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(ArticleIdRole)
        if article_id and article_id != self.current_article:
            self.show_article(article_id)

    def show_article(self, article_id: str, *, keep_claim: str | None = None) -> None:
        """Show an article; *keep_claim*: the claim to keep in the claims list whatever
        its filters say (the one worked on, the article shown again)."""
        article = self.session.article(article_id)
        again = article_id == self.current_article and \
            article.text == self.article_pane.reader.plain_text()
        self.current_article = article_id
        if self.remember_layout:
            self._keep_place_soon.start()
        with no_collection():  # tens of thousands of tuples, none in a cycle
            # Read once for reader and table, a part at a time: what the first picture
            # shows now, the rest after it (gui.places).
            places = self.session.open_places(article_id, len(article.text))
            self.article_pane.show_article(article, places, self.session.labels())
            self.claims_panel.set_article(article_id, places, article.text, keep=keep_claim)
        places.start_after_paint(self.article_pane.reader.painted)
        row = self.article_model.row_of(article_id)
        if row >= 0:
            self.articles_view.setCurrentIndex(self.article_model.index(row))
            if self._painted:  # (else at the first paint)
                self._scroll_to_current_article()
        if not again:  # (the same text again: the suggestion chosen stays chosen, rv150)
            self.known_claims.looking(article.text)
            self._outline_suggestions()
        self.finder.request(article_id)
        self._update_enabled()
        self.articleShown.emit(article_id)

    def _scroll_to_current_article(self, tries: int = 100) -> None:
        """The current article's row in view. The list of a big project is laid out in
        batches between events (gui: the article list): a row not laid out yet has no
        place to scroll to, so this looks again after the next batch."""
        view = self.articles_view
        index = view.currentIndex()
        if not index.isValid():
            return
        if view.visualRect(index).isEmpty() and tries:
            QTimer.singleShot(0, self, lambda: self._scroll_to_current_article(tries - 1))
            return
        view.scrollTo(index)

    @property
    def reading_places(self) -> bool:
        """Whether the places of the article shown are still being read after its first
        picture (gui.places); the window is whole, and idle, once they are."""
        showing = self.session.showing
        return showing is not None and showing.reading

    def _before_reload(self) -> None:
        """Save the note being typed and remember the claim in front of the user."""
        self.claims_panel.commit_typing()
        self._claim_to_keep = self.current_claim_id()

    def _reload_article(self) -> None:
        """After outside changes: keep the article, the selected claim (and the claims
        list's filters), the words selected and the scroll. The words selected were the
        chosen claim's after a colleague's write, and the verdict key meant for them
        relabelled it; the filters were cleared when the claim no longer passed them
        (rv150)."""
        ids = self.article_model.ids()  # brought up to date by articlesChanged
        if self.current_article in ids:
            selected, self._claim_to_keep = self._claim_to_keep, None
            reader = self.article_pane.reader
            text, cursor = reader.plain_text(), reader.cursor_span()
            place = reader.top_place()
            self.show_article(self.current_article, keep_claim=selected)
            if selected:
                self.select_claim(selected)
            if reader.plain_text() == text:
                reader.put_cursor(*cursor)
            reader.scroll_to_place(place)
        elif ids:
            self.show_article(ids[0])
        elif self.current_article is not None:
            self._show_no_article()

    def _show_no_article(self) -> None:
        """Every article gone (another program deleted them): the reader and the claims
        list empty, not the last article's text, whose claims could no longer be saved."""
        self.current_article = None
        self.session.close_places()
        self.article_pane.show_nothing(self.session.labels(), self._no_article_hint())
        self.claims_panel.set_article(None, [])
        self.known_claims.set_hits("", [])
        self.finder.request(None)
        self._update_enabled()
        self.articleShown.emit("")

    def _no_article_hint(self) -> str:
        """What the empty reader of a project without articles says: how to bring one in,
        with the keys of the two actions that do."""
        keys = [action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                for action in (self.action_set.import_article, self.action_set.paste_article)]
        return self.tr("This project has no articles yet.\n\nImport one (%s), paste a copied "
                       "text as a new article (%s), or drop a file on the window.") % tuple(keys)

    def edit_article_properties(self) -> None:
        if not self.current_article:
            return
        from gui import article_dialogs  # a dialog's module loads when it is first opened

        # The article the dialog was opened on: a colleague's delete meanwhile showed
        # another, which took what was typed for this one (rv150).
        article_id = self.current_article
        dialog = article_dialogs.ArticlePropertiesDialog(  # (saves on OK, open until saved)
            self.session.article(article_id), self,
            save=lambda changes: self.session.update_article(article_id, **changes))
        accepted = dialogs.run(dialog) == QDialog.DialogCode.Accepted
        if self.session.closed:  # (its file moved meanwhile: the window went on there)
            return
        if accepted and self.current_article == article_id:
            self.article_pane.show_header(self.session.article(article_id))

    def _article_menu(self, at: QPoint) -> None:
        """The article under the mouse chosen, then its Properties and Delete offered."""
        view = self.articles_view
        index = view.indexAt(at)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        menu = QMenu(view)
        menu.setObjectName("articleMenu")
        menu.addActions([self.action_set.article_properties, self.action_set.delete_article])
        menu.popup(view.viewport().mapToGlobal(at))

    def delete_article(self) -> None:
        """Project ▸ Delete Article: asked first, then one undo step; the next article
        (or the one before) is shown."""
        article_id = self.current_article
        if not article_id:
            return
        title = dialogs.shortened(self.session.article(article_id).title)
        places = self.session.live_counts(article_id)[1]
        question = self.tr("Delete “%1”?").replace("%1", isolated(title))
        if places:
            question += " " + self.tr("Its %n tagged place(s) are untagged with it.", "",
                                      places)
        question += "\n\n" + self.tr("Edit ▸ Undo, or Project ▸ Deleted Articles later, brings "
                                        "it back.")
        if not dialogs.confirm(self, self.tr("Delete Article"), question):
            return
        ids = self.article_model.ids()
        at = ids.index(article_id) if article_id in ids else 0
        neighbour = next(iter(ids[at + 1:at + 2] or ids[max(at - 1, 0):at]), None)
        self.undo_stack.push(DeleteArticle(self.session, article_id, title))
        if neighbour is not None and neighbour in self.article_model.ids():
            self.show_article(neighbour)
        if article_id not in self.article_model.ids():  # (deleted: said, as Undo says)
            self.show_status(self.tr("Deleted the article %1 (Undo, or Project ▸ Deleted "
                                     "Articles, brings it back).").replace("%1", quoted(title)))

    # -- claims ------------------------------------------------------------------------------
    def _places_changed(self, places: list[Appearance]) -> None:
        self.article_pane.reader.update_claims(
            place for place in places if place.article_id == self.current_article)
        self._update_enabled()

    def _caret_in_claim(self, place_id: str) -> None:
        """Say which claim the caret came into, on the status bar and to a screen reader."""
        self._caret_said = self._tell_verdict(self.tr("In a claim: %1, %2. Enter selects it."),
                                              place_id)

    def _tell_verdict(self, sentence: str, place_id: str) -> str:
        """*sentence* with the words of a claim (%1) and its verdict (%2), on the status
        bar and to a screen reader. A tag said nothing, and the caret's «In a claim: …,
        Verified» stayed up after the claim was relabelled. Returns what it said."""
        place = self.claims_panel.place_of(place_id)
        if place is None:
            return ""
        quote = self.article_pane.reader.plain_text()[place.start:place.end]
        said = self._verdict_line(sentence, quote, place.label)
        self.show_status(said)
        return said

    def _verdict_line(self, sentence: str, quote: str, label: str) -> str:
        """*sentence* with *quote* (%1) and the name of *label* (%2)."""
        # (in one pass: words holding «%2», a link's «a%20b», took the verdict's name)
        return filled(sentence, quoted(dialogs.shortened(quote)), self.session.label_name(label))

    def step_claim(self, step: int) -> None:
        """View ▸ Next (1) or Previous (-1) Claim, said as «Claim 2 of 5: «…», Disputed.»
        (the status bar kept the last step's message). With no claim chosen, the one
        after (or before) the caret: it took the first of the list wherever one read."""
        panel = self.claims_panel
        caret = self.article_pane.reader.caret_position()
        before = panel.view.currentIndex().row() if self.current_claim_id() else None
        wrapped = False
        if before is None and caret is not None:
            wrapped = panel.step_from(caret, step)  # (among the claims the filters show)
        else:
            panel.step(step)
        if (claim_id := self.current_claim_id()) is not None:
            row, rows = panel.view.currentIndex().row() + 1, panel.proxy.rowCount()
            said = self.tr("Claim %3 of %4: %1, %2.")
            if before is not None and rows > 1:
                wrapped = (row - 1 < before) == (step > 0)
            if wrapped:
                # (round the end: said, or «Claim 1 of 9» read as a jump back)
                said += " " + (self.tr("(From the first again.)") if step > 0
                               else self.tr("(From the last again.)"))
            self._tell_verdict(said.replace("%3", str(row)).replace("%4", str(rows)),
                               claim_id)

    def _name_tab_bars(self) -> None:
        """The tabs Qt makes for panels sharing a place (Articles and Search) have no
        name: the one control Tab reaches that a screen reader could not name."""
        for bar in self.findChildren(QTabBar):
            if not bar.accessibleName():
                bar.setAccessibleName(self.tr("Panels in this place"))

    def _step_touched(self, articles: list[str], text: str, undone: bool) -> None:
        """Say what an undo or a redo did, in place of what the step said (after an undo,
        «Deleted the claim … (Undo brings it back)» stayed). One that changed another
        article than the one shown goes there first (Ctrl+Z in another article untagged
        words out of sight, and nothing on screen changed)."""
        if self.session.closed:
            return
        if not articles or self.current_article in articles:
            said = self.tr("Undone: %1.") if undone else self.tr("Redone: %1.")
            self.show_status(said.replace("%1", text))
            return
        try:
            title = self.session.article_title(articles[0])
            self.show_article(articles[0])
        except TahqiqError:
            return
        said = self.tr("Undone in %1: %2.") if undone else self.tr("Redone in %1: %2.")
        self.show_status(filled(said, quoted(title), text))

    def _step_shows(self, place_id: str) -> None:
        """After an undo or a redo, select the words it brought back (a deleted claim's,
        a tag's), if they show here: the next verdict key acts on them."""
        if self.session.closed:
            return  # (queued: the window may have closed since)
        if place_id == self.current_claim_id():
            # chosen already: its words selected again (an undone Move Claim to Selected
            # Words left the words it had moved to selected, and the next verdict key
            # tagged them as a second claim)
            if (place := self.claims_panel.place_of(place_id)) is not None:
                self.article_pane.reader.select_span(place.start, place.end)
            return
        try:
            place = self.session.appearance(place_id)
        except TahqiqError:
            return
        if not place.is_deleted and place.article_id == self.current_article:
            self.select_claim(place_id)

    def _claim_selected(self, claim_id: str | None) -> None:
        """Select the chosen claim's words in the reader. The caret's «In a claim: …
        Enter selects it» goes: it stayed up for the claim chosen next, or once chosen."""
        if self.remember_layout:
            self._keep_place_soon.start()
        place = self.claims_panel.place_of(claim_id)
        if place is not None:
            self.article_pane.reader.select_span(place.start, place.end)
        if self._caret_said and self.statusBar().currentMessage() == self._caret_said:
            self.statusBar().clearMessage()
        self._update_enabled()

    def select_claim(self, claim_id: str) -> None:
        """Select a claim's row (which shows it in the editor and the reader)."""
        self.claims_panel.select_claim(claim_id)

    def _claim_chosen_in_reader(self, claim_id: str) -> None:
        """A click on a claim's words, or Enter in them: chosen, and said so (Enter chose
        it in silence, the screen reader's user left to guess)."""
        self.select_claim(claim_id)
        if self.current_claim_id() == claim_id:
            self._tell_verdict(self.tr("Chosen: %1, %2.") if self.session.read_only else
                               self.tr("Chosen: %1, %2. A verdict key relabels it."), claim_id)

    def _pair_back(self, claim_id: str, other_id: str) -> None:
        """A Disagreements row made current again by an Undo: its claim chosen, as a
        click on the row chooses it, so the editor shows the pair the Adopt buttons act
        on (it stayed on the pair read meanwhile, rv284); a claim of the pair chosen
        already stays chosen. Nothing said: the status line keeps what the Undo did."""
        if self.current_claim_id() not in (claim_id, other_id):
            self.select_claim(claim_id)

    def current_claim_id(self) -> str | None:
        return self.claims_panel.current_claim_id()

    def tag(self, label_key: str) -> None:
        """Tag the selected words; with no words selected, relabel the selected claim. A
        search result arrowed to is opened first, and its words tagged: the key
        relabelled the claim chosen before, which the person was not looking at."""
        if self.session.read_only:
            return
        if (hit := self.search_panel.highlighted_hit()) is not None and \
                not self.go_to_hit(self.search_panel.as_now(hit)):
            return  # (not the words selected here: the key was for the hit)
        span = self.article_pane.reader.selected_span()
        if span is not None and self.current_article:
            existing = self._claim_with_span(span)
            selected = self.article_pane.reader.plain_text()[span[0]:span[1]]
            if existing is None and (why := self.session.cannot_tag(selected)) is not None:
                self.show_status(why)  # (a box to click away, at a key pressed in passing)
                return
            if existing is None:
                command = TagSpan(self.session, self.current_article, span[0], span[1],
                                  label_key)
                self.undo_stack.push(command)
                if command.appearance_id:
                    self.select_claim(command.appearance_id)
                    self._tell_verdict(self.tr("Tagged %1 as %2."), command.appearance_id)
                return
            claim_id = existing
            if claim_id != self.current_claim_id():  # mine on these words: shown, relabelled
                self.select_claim(claim_id)
        else:
            claim_id = self.current_claim_id()
        if claim_id is None:
            self.show_status(
                self.tr("Select words in the article first, then choose a verdict."))
            return
        claim = self.session.appearance(claim_id)
        if claim.label == label_key:  # nothing to change, no step: said, as the command
            # line refuses it (the key did nothing and said nothing, as if it were dead)
            self._tell_verdict(self.tr("You already tagged %1 as %2.")
                               if claim.annotator == self.session.annotator else
                               self.tr("%1 is %2 already."), claim_id)
            return
        command = EditClaim(self.session, claim, label=label_key)
        self.undo_stack.push(command)
        if not command.refused:  # (refused, it said the old verdict as just set)
            self._tell_verdict(self.tr("%1 is now %2."), claim_id)

    def _claim_with_span(self, span: tuple[int, int]) -> str | None:
        """The claim a verdict for the selected words relabels: the selected claim, when
        the selection is exactly its span, else mine on those words (selected by the
        keyboard, the claim's row is not: a second claim of mine on them was made)."""
        claim_id = self.current_claim_id()
        place = self.claims_panel.place_of(claim_id)
        if place is not None and (place.start, place.end) == span:
            return claim_id
        assert self.current_article is not None
        mine = self.session.own_place_at(self.current_article, *span)
        return mine.id if mine is not None else None

    def move_claim_words(self) -> None:
        """Tag ▸ Move Claim to Selected Words: the chosen claim's words here become the
        words selected, its verdict, note, sources and review kept (tagged anew, they
        stayed with the first words, to copy by hand)."""
        if self.session.read_only:
            return
        reader = self.article_pane.reader
        place = self.claims_panel.place_of(self.current_claim_id())
        span = reader.selected_span()
        if place is None or span is None:
            self.show_status(self.tr("Choose a claim, then select the words it should hold."))
            return
        if span == (place.start, place.end):
            self.show_status(self.tr("The claim holds these words already: select the "
                                     "words it should hold."))
            return
        if (why := self.session.cannot_move_to(place.id, *span)) is not None:
            self.show_status(why)  # (a box, and the Redo lost to a step refused: rv103)
            return
        command = MoveWords(self.session, place, *span)
        self.undo_stack.push(command)
        if not command.refused and (moved := self.claims_panel.place_of(place.id)):
            reader.select_span(moved.start, moved.end)
            self._tell_verdict(self.tr("The claim now holds %1 (%2)."), place.id)

    def tag_all_occurrences(self) -> None:
        """Every place the selected words (or the selected claim's) appear in the article,
        folded, becomes an appearance of one claim: the selected claim, or a new one."""
        if self.session.read_only or not self.current_article:
            return
        claim_id = self.current_claim_id()
        claim = self.session.appearance(claim_id) if claim_id else None
        span = self.article_pane.reader.selected_span() or (
            (claim.start, claim.end) if claim else None)
        text = self.article_pane.reader.plain_text()
        if span is None or not text[span[0]:span[1]].strip():
            return
        plan = self.session.plan_tag_all(
            self.current_article, find_like(fold(text), *span),
            claim.claim_id if claim is not None and span == (claim.start, claim.end) else None,
            chosen=span)
        if plan.claim_id is not None:
            if plan.spans:
                self.undo_stack.push(AddAppearances(self.session, plan.claim_id,
                                                    self.current_article, plan.spans))
            self._select_place_of(plan.claim_id, span)  # where the words were
        elif plan.spans:
            label = self.session.labels()[0].key
            command = TagAll(self.session, self.current_article, plan.spans, label)
            self.undo_stack.push(command)
            if command.appearance_ids:  # the new claim is the one the editor now edits
                chosen = plan.spans.index(span) if span in plan.spans else 0
                self.select_claim(command.appearance_ids[chosen])
        said = self.tr("Tagged %n place(s).", "", len(plan.spans))
        if plan.kept:
            said += " " + self.tr("%n place(s) you had tagged as another claim left as they "
                                  "are.", "", plan.kept)
        self.show_status(said)

    def _select_place_of(self, claim_id: str, span: tuple[int, int]) -> None:
        """Select the claim's place on *span* in this article, else its first one here."""
        places = [p for p in self.claims_panel.claims() if p.claim_id == claim_id]
        if places:
            here = next((p for p in places if (p.start, p.end) == span), places[0])
            self.select_claim(here.id)

    def _suggestions_found(self, article_id: str, found: KnownClaimsFound) -> None:
        if article_id != self.current_article:
            return  # an answer for an article no longer on screen
        hits = found.hits
        self.known_claims.set_hits(self.article_pane.reader.plain_text(), hits, found.complete)
        self._outline_suggestions()
        self._update_enabled()

    def _suggestions_failed(self, said: str) -> None:
        """The panel empty, saying why (no more looking), and the reader with it: its
        outlines and their key stayed, and a click on one picked a row not there."""
        self.known_claims.failed(self.article_pane.reader.plain_text(), said)
        self._outline_suggestions()
        self._update_enabled()

    def _suggestion_clicked(self, n: int) -> None:
        """A click on an outline picks its suggestion for Y or X (one the list still has)."""
        hits = self.known_claims.hits()
        if 0 <= n < len(hits):
            self.known_claims.choose(hits[n])

    def _chosen_suggestion_gone(self, hit: KnownClaimHit) -> None:
        """The known claim chosen left the list (a colleague accepted or dismissed it, or
        changed the claim): said, as Y and X now take no other in its place."""
        self.show_status(self.tr("The known claim you chose for %1 is no longer suggested "
                                 "here; choose another to accept or dismiss.")
                         .replace("%1", quoted(self._words_of(hit))))

    def _outline_suggestions(self) -> None:
        """The suggestions' outlines in the reader, each in its verdict's colour."""
        spans = []
        for hit in self.known_claims.hits():
            label = self.session.label(hit.claim.label)
            spans.append((hit.start, hit.end, label.color if label else "#888888"))
        self.article_pane.reader.set_suggestions(spans)
        self.article_pane.show_suggestion_key(bool(spans))

    def accept_suggestion(self) -> None:
        """The known claim chosen is the claim of its words (words I tagged as another
        claim join it: AddAppearance)."""
        hit = self.known_claims.current_hit()
        if hit is None and self.known_claims.chosen_gone():
            self.show_status(self.tr("The known claim you chose is no longer suggested "
                                     "here: choose another to accept."))
        if hit is None or self.session.read_only or not self.current_article:
            return
        command = AddAppearance(self.session, hit.claim_id, self.current_article, hit.start,
                                hit.end, hit.claim.label)
        self.undo_stack.push(command)
        if command.appearance_id:
            self._suggestion_taken(hit)
            self.select_claim(command.appearance_id)
            self.show_status(filled(
                self.tr("Accepted: %1 is a place of the known claim now, %2."),
                quoted(self._words_of(hit)), self.session.label_name(hit.claim.label)))

    def dismiss_suggestion(self) -> None:
        hit = self.known_claims.current_hit()
        if hit is None and self.known_claims.chosen_gone():
            self.show_status(self.tr("The known claim you chose is no longer suggested "
                                     "here: choose another to dismiss."))
        if hit is None or self.session.read_only or not self.current_article:
            return
        command = Dismiss(self.session, self.current_article, hit.claim_id, hit.start,
                          hit.end)
        self.undo_stack.push(command)
        if command.dismissal_id is not None:
            self._suggestion_taken(hit)
            self.show_status(self.tr("Dismissed: the known claim is not suggested for %1 "
                                     "again (Undo brings it back).")
                             .replace("%1", quoted(self._words_of(hit))))

    def _say_why_off(self, action: QAction) -> None:
        """The key of Accept or Dismiss Known Claim, or of Edit Note, pressed while off."""
        a = self.action_set
        if self.session.read_only:
            self.show_status(self.tr("This project is open read-only."))
        elif action is a.edit_note:
            self.show_status(self.tr("Select a claim to write its note first."))
        elif action is a.accept_suggestion:
            self.show_status(self.tr("No known claim to accept here."))
        else:
            self.show_status(self.tr("No known claim to dismiss here."))

    def _words_of(self, hit: KnownClaimHit) -> str:
        return dialogs.shortened(self.article_pane.reader.plain_text()[hit.start:hit.end])

    def _suggestion_taken(self, hit: KnownClaimHit) -> None:
        """Off the list and the reader now; the matcher, asked again, agrees."""
        self.known_claims.drop(hit)
        self._outline_suggestions()
        self._update_enabled()

    def delete_current_claim(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id and not self.session.read_only:
            place = self.session.appearance(claim_id)
            self.undo_stack.push(DeleteClaim(self.session, claim_id))
            # Said: the next claim is selected in its place, and a second Del would
            # delete it unseen. A claim with other places lives on there: «Deleted the
            # claim» read as if it were gone from every article.
            left = len(self.session.appearances_of(place.claim_id))
            said = (self.tr("Untagged %1 here; the claim stays at its %n other place(s) "
                            "(Undo tags it again).", "", left) if left else
                    self.tr("Deleted the claim %1 (Undo brings it back)."))
            self.show_status(said.replace("%1", quoted(dialogs.shortened(place.quote))))

    def open_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus()

    def go_to_hit(self, hit: SearchHit) -> bool:
        """Open the hit's article and select its words (a verdict key then tags them);
        False for a hit of an article deleted since the search, said on the status bar
        (the window opened it, out of the article list, and a verdict key there was
        refused, rv169), for a note whose claim has left the article since, and for one
        whose claim could not be chosen (the verdict key then tagged other words, rv179)."""
        if self.session.article_deleted(hit.article_id):
            self.show_status(self.tr("This article was deleted since the search."))
            return False
        if hit.article_id != self.current_article:
            self.show_article(hit.article_id)
        if hit.kind == "note" and hit.claim_id:
            place = next((a for a in self.claims_panel.claims() if a.claim_id == hit.claim_id),
                         None)
            if place is None:  # (a key then relabelled the claim chosen before, rv173)
                self.show_status(self.tr("This note's claim is no longer in the article: "
                                         "it was deleted or untagged since the search."))
                return False
            self.select_claim(place.id)
            return self.current_claim_id() == place.id  # (else a key tagged other words)
        self.claims_panel.clear_selection()
        self.article_pane.reader.select_span(hit.start, hit.end)
        self.article_pane.reader.setFocus()
        return True

    def _claim_row_actions(self) -> list[QAction]:
        """A claim's row, right-clicked or with the Menu key: its verdicts, its review,
        Delete (each off where it would be off in the menus); none without a claim
        chosen (the columns are offered instead). The claim's words are selected in the
        reader first, as choosing the row does: a verdict acts on the selected words,
        and other words selected there were tagged instead of the row's claim."""
        place = self.claims_panel.place_of(self.current_claim_id())
        if place is None:
            return []
        self.article_pane.reader.select_span(place.start, place.end)
        a = self.action_set
        return [*a.tags.values(), a.review_accept, a.review_reject, a.copy_claim,
                a.delete_claim]

    def copy_claim(self) -> None:
        """Edit ▸ Copy Claim (Ctrl+C in the list of claims): its words, verdict, note,
        sources and article, as lines of text to paste in a mail or a document (the list
        copied one cell, the quote or the verdict alone), and as a table's row to paste in
        a spreadsheet."""
        place = self.claims_panel.place_of(self.current_claim_id())
        if place is None:
            return
        import html  # (not at start-up: a millisecond of it, with its entities)

        from store.exchange.csv_format import escape_cell

        claim = self.session.appearance(place.id)
        words = " ".join(claim.quote.split())  # (words over two paragraphs: one line)
        verdict = self.session.label_name(claim.label)
        title = self.session.article_title(claim.article_id)
        lines = [f"«{words}»", self.tr("Verdict: %1").replace("%1", verdict)]
        if claim.note.strip():
            lines.append(self.tr("Note: %1").replace("%1", claim.note.strip()))
        lines += [self.tr("Source: %1").replace("%1", source) for source in claim.sources]
        lines.append(self.tr("Article: %1").replace("%1", title))
        copied = QMimeData()
        copied.setText("\n".join(lines))
        # ...and for a spreadsheet, which takes the rich text: one row, a cell for each
        # (the lines were six rows of one column, a tab in a note a column more)
        cells = [words, verdict, claim.note.strip(), "\n".join(claim.sources), title]
        # (a cell starting «=» neutralised as the CSV export does: a spreadsheet reads
        # a pasted cell as it reads one typed in)
        # (the row read from the right where the words are Arabic: a document or a mail
        # in Arabic met the cells in reverse)
        direction = "rtl" if is_rtl_text(words) else "ltr"
        copied.setHtml(f'<table dir="{direction}"><tr>' + "".join(
            '<td dir="auto">' + html.escape(escape_cell(cell)).replace("\n", "<br>")
            + "</td>" for cell in cells) + "</tr></table>")
        QApplication.clipboard().setMimeData(copied)
        self.show_status(self.tr("Copied the claim «%1».").replace(
            "%1", dialogs.shortened(claim.quote)))

    def _extend_context_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions(list(self.action_set.tags.values()))
        if self.current_claim_id():
            menu.addAction(self.action_set.delete_claim)
            if self.article_pane.reader.textCursor().hasSelection():
                menu.addAction(self.action_set.move_words)

    def _update_enabled(self) -> None:
        has_claim = bool(self.current_claim_id())
        has_selection = self.article_pane.reader.textCursor().hasSelection()
        result = self.search_panel.highlighted_hit() is not None  # (a key opens and tags it)
        self.action_set.update_enabled(
            writable=not self.session.read_only,
            can_tag=has_selection or has_claim or result,
            has_claim=has_claim, has_article=self.current_article is not None,
            has_selection=has_selection, has_suggestion=bool(self.known_claims.hits()),
            can_review=self.claims_panel.can_review())

    def _labels_changed(self) -> None:
        labels, language = self.session.labels(), self.session.language
        self.action_set.set_labels(labels, language)
        self.article_pane.set_labels(labels, language)
        self.claims_panel.set_labels(labels, language)
        self.known_claims.labels_changed()
        self._outline_suggestions()
        self._update_enabled()

    def show_deleted_claims(self) -> None:
        """Edit ▸ Deleted Claims: the article's untagged words and deleted claims."""
        from gui.deleted_claims import DeletedClaimsDialog

        if self.current_article is not None:
            dialog = DeletedClaimsDialog(self.session, self.undo_stack, self.current_article,
                                         self)
            dialog.said.connect(self.show_status)
            dialogs.run(dialog)

    def show_deleted_articles(self) -> None:
        """Project ▸ Deleted Articles: the project's deleted articles, to restore."""
        from gui.deleted_articles import DeletedArticlesDialog

        dialog = DeletedArticlesDialog(self.session, self.undo_stack, self)
        dialog.said.connect(self.show_status)
        dialogs.run(dialog)

    # -- preferences and help ------------------------------------------------------------------
    def edit_project_settings(self) -> None:
        from gui.settings_dialogs import ProjectSettingsDialog

        dialogs.run(ProjectSettingsDialog(self.session, self))  # saves on OK, open until saved

    def edit_labels(self) -> None:
        from gui.settings_dialogs import LabelsDialog

        dialogs.run(LabelsDialog(self.session, self, self.undo_stack))

    def edit_preferences(self) -> None:
        from gui.settings_dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.session.annotator, self.session.language, self)
        if dialogs.run(dialog) == QDialog.DialogCode.Accepted:
            self.apply_preferences(*dialog.values())

    def apply_preferences(self, name: str, language: str) -> None:
        if name and name != self.session.annotator:
            if not settings.set_annotator_name(name):
                dialogs.show_error(self, settings.name_not_kept())
            self.session.set_annotator(name)
            self.review_tools.set_me(self.session.annotator)  # (as kept: stored_name)
            self._update_title()
            current = self.current_claim_id()
            if current:  # whose claim it is changed: Accept and Reject, buttons and keys
                self.select_claim(current)
        if language != self.session.language:
            settings.set_language(language)
            if self.session.path is not None:
                self.reopenRequested.emit(language)  # rebuilt in the language

    def show_shortcuts(self) -> None:
        from gui.settings_dialogs import ShortcutsDialog

        dialogs.run(ShortcutsDialog(self.action_set.shortcut_rows(), self))

    def show_getting_started(self) -> None:
        """Help ▸ Getting Started: what a checker does in a day, step by step, with the
        keys this window has (a new user learned Known Claims and Tag All from status
        tips alone)."""
        a = self.action_set

        def key(action: QAction) -> str:
            return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

        verdicts = self.tr(", ").join
        steps = [
            self.tr("1. Bring an article in: File ▸ Import Article (%1), paste a copied "
                    "text (%2), or drop a file on the window.").replace(
                "%1", key(a.import_article)).replace("%2", key(a.paste_article)),
            self.tr("2. Select a claim's words in the article and press its verdict's key: "
                    "%1. Everything is saved as you go.").replace("%1", verdicts(
                        f"{key(action)} {shown_action_text(action.text())}"
                        for action in a.tags.values())),
            self.tr("3. Write why in the note, and add the links of the evidence, in the "
                    "editor under the list of claims."),
            self.tr("4. Tag All Occurrences (%1) makes every place of the words one "
                    "claim; Move Claim to Selected Words (%2) sets a claim's words right (a "
                    "word short, or one too many).").replace("%1", key(a.tag_all)).replace(
                "%2", key(a.move_words)),
            self.tr("5. Known Claims lists claims checked in other articles whose words "
                    "appear here: %1 accepts one, %2 dismisses it.").replace(
                "%1", key(a.accept_suggestion)).replace("%2", key(a.dismiss_suggestion)),
            self.tr("6. An editor reviews a colleague's claims: %1 accepts, %2 rejects; "
                    "File ▸ Merge Colleague's Project (%3) brings their work in.").replace(
                "%1", key(a.review_accept)).replace("%2", key(a.review_reject)).replace(
                "%3", key(a.merge_project)),
            self.tr("7. File ▸ Export (%1) writes CSV, JSON, W3C annotations or ClaimReview; "
                    "File ▸ Export Review Packet, a PDF or HTML to read.").replace(
                "%1", key(a.export)),
            "",
            self.tr("Every key: Help ▸ Keyboard Shortcuts (%1).").replace(
                "%1", key(a.keyboard_shortcuts)),
        ]
        dialogs.show_info(self, self.tr("Getting Started"), "\n".join(steps))

    def show_about(self) -> None:
        """Which Tahqiq this is, on what, under which licence: what a bug report needs."""
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QMessageBox

        from store import runs_on, version

        project = str(self.session.path) if self.session.path is not None else "—"
        text = (self.tr("Tahqiq %1: a desktop annotation tool for fact-checkers, free "
                        "under the MIT licence.").replace("%1", version())
                + "\n\n" + self.tr("Project: %1").replace("%1", isolated(project))
                + "\n" + f"\u2068Qt {qVersion()} · PySide6 {pyside_version} · {runs_on()}\u2069")
        QMessageBox.about(self, self.tr("About Tahqiq"), dialogs.in_interface_direction(text))

    def find_in_article(self) -> None:
        """Ctrl+F: the find bar, holding the words selected in the reader if any (on one
        line), as editors and readers do."""
        selected = self.article_pane.reader.selected_span()
        text = self.article_pane.reader.plain_text()
        words = text[selected[0]:selected[1]].strip() if selected else ""
        bar = self.article_pane.find_bar
        bar.open_bar(words if words and "\n" not in words else None)
        if selected:  # from the words selected, not the article's first match
            bar.go_to_first_from(selected[0])

    def find_again(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match of the find bar's words, the bar
        opened on them if it was closed."""
        bar = self.article_pane.find_bar
        if not bar.isVisible():
            bar.open_bar()
        if bar.matches:
            bar.step(direction)

    def zoom(self, steps: float) -> None:
        reader = self.article_pane.reader
        reader.zoom(steps)
        if self.remember_layout:
            settings.settings().setValue("reader/pointSize", reader.font().pointSizeF())

    def _tell_freed_shortcuts(self) -> None:
        """Opening gave a shortcut two labels had to the older one (Session): say which
        label has none now, or its key would seem to have stopped working."""
        dialogs.show_info(self, self.tr("Verdict shortcuts changed"), "\n".join(
            message_text(freed.message()) for freed in self.session.freed_shortcuts))

    def show_status(self, message: str) -> None:
        """Say *message* on the status bar and to a screen reader: undo, delete, import
        and the rest said it on the status bar alone, which screen readers do not read
        out, and a blind user pressing Ctrl+Z heard nothing."""
        self.statusBar().showMessage(message, STATUS_MS)
        if message:
            screen_reader.say(QApplication.focusWidget() or self.article_pane.reader, message)

    def _prepare_status_line(self) -> None:
        """Lay out, never shown, a tag's line on the status bar (_tell_verdict) quoting
        the article shown, while the window is idle (Session.prepared). The quote is
        isolated (FSI…PDI, i18n.quoted), and in a right-to-left quote the interface's
        font has no glyph for those marks: Qt asked fontconfig for the font's fallbacks
        (0.4 ms, once per font) in the repaint of the session's first tag."""
        from PySide6.QtGui import QTextLayout  # (its Python type: not at start-up)

        opening = " ".join(self.article_pane.reader.plain_text()[:200].split()[:6])
        labels = self.session.labels()
        if not opening or not labels:
            return
        bar = self.statusBar()
        layout = QTextLayout(self._verdict_line(self.tr("Tagged %1 as %2."), opening,
                                                labels[0].key), bar.font(), bar)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()

    def _waiting_for_file(self, waiting: bool) -> None:
        """Say why a change is not done yet: another program, or a task of this window (an
        import, a merge), is writing the project. The line is painted at once (the window
        waits in the change itself, and handles no events meanwhile), and taken away when
        the wait ends."""
        bar = self.statusBar()
        text = self.tr("Another program or task is writing this project: waiting for it to "
                       "finish…")
        if waiting:
            bar.showMessage(text)
            bar.repaint()
        elif bar.currentMessage() == text:
            bar.clearMessage()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """A verdict's key in a read-only project did nothing and said nothing (its
        action is disabled): it says why."""
        typed = event.text()
        if self.session.read_only and typed.strip() and any(
                same_key(typed) == same_key(label.shortcut)  # (on either keyboard layout)
                for label in self.session.labels() if label.shortcut):
            self.show_status(self.tr("This project is open read-only: nothing can be "
                                     "tagged in it."))
            return
        super().keyPressEvent(event)

    # -- files dropped on the window -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.session.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        event.acceptProposedAction()
        if paths:
            self.files.dropped(paths)
        elif urls:  # a link dragged from a browser's tab: said why nothing comes (it was
            # taken, then nothing happened)
            self.files.paste_as_article("\n".join(url.toString() for url in urls))

    # -- window state --------------------------------------------------------------------------
    def _update_title(self) -> None:
        path = self.session.path
        name = among_words(path.name) if path else self.tr("(in memory)")
        read_only = self.session.read_only
        suffix = self.tr(" [read-only]") if read_only else ""
        if self.session.moved_away:
            suffix += self.tr(" [moved or deleted]")
        self.setWindowTitle(f"{name}{suffix} — {self.tr('Tahqiq')}")
        self.annotator_label.setText(self.tr("Tagging as: %s") % self.session.annotator
                                     + (self.tr(" · read-only") if read_only else ""))

    def _restore_layout(self) -> bool:
        """The last window's size, panels and zoom; False if there was none to restore."""
        store = settings.settings()
        # (a settings file edited by hand, cut short or written by another program: a
        # value of the wrong type is no layout, and the window opens as on a first start;
        # it raised, and the window never opened again until the file was found and fixed)
        geometry = settings.bytes_value("window/geometry", store)
        state = settings.bytes_value(self._state_key(), store)
        if geometry is not None:
            self.restoreGeometry(geometry)
        size = settings.number_value("reader/pointSize", store)
        if size:
            reader = self.article_pane.reader
            reader.zoom(int(size - reader.font().pointSizeF()))
        restored = state is not None and self.restoreState(state)
        if restored and self.tabifiedDockWidgets(self._articles_dock):
            # The search it was left on starts empty: the articles in front, not a blank
            # panel where they were.
            self._articles_dock.raise_()
        return restored

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shares_given:
            self._shares_given = True
            if not self._laid_out:
                self._laid_out = True
                self._first_layout()
            self.side_widths.set_shares(self._shares_taken or self._saved_shares()
                                        or self._first_shares())

    def _first_layout(self) -> None:
        """Panels for a window of this size, when none were saved: on the right the list
        of claims is the main thing, known claims take a quarter. On a screen too low for
        both (a laptop at 150% or 200%: the window could not be less than 436 pixels,
        its status bar and the panels' buttons below the screen), known claims wait in a
        tab behind the claims."""
        room = self.screen().availableGeometry().height() - WINDOW_FRAME
        if self.minimumSizeHint().height() > room:
            self.tabifyDockWidget(self.claims_dock, self.known_dock)
            self.claims_dock.raise_()
            if self.minimumSizeHint().height() > room:  # the annotators behind the articles
                self.tabifyDockWidget(self._articles_dock, self.review_tools.layers_dock)
                self._articles_dock.raise_()
            self.resize(self.width(), min(self.height(), room))  # (it was held at the least)
            return
        height = self.height()
        self.resizeDocks([self.claims_dock, self.known_dock],
                         [int(height * 0.66), int(height * 0.24)], Qt.Orientation.Vertical)

    def _first_shares(self) -> dict[Area, float]:
        """The article in the middle gets half the width, the list of claims a third: at
        1280 px, its four columns beside a vertical scroll bar (0.31 left them 7 px short,
        and a sideways scroll bar came with the tenth claim)."""
        return {self.dockWidgetArea(self.search_dock): 0.18,
                self.dockWidgetArea(self.claims_dock): 0.32}

    def _saved_shares(self) -> dict[Area, float]:
        """The sides' shares of the width the last window had (none when an earlier
        version saved the layout: its widths may be squeezed ones, and the first shares
        are given instead, once)."""
        if not self.remember_layout:
            return {}
        saved = settings.settings().value(self._state_key() + "-shares")
        try:
            return {Area(int(area)): float(share)
                    for area, share in json.loads(str(saved)).items()} if saved else {}
        except (ValueError, TypeError, AttributeError):
            return {}

    def _state_key(self) -> str:
        """Panels are kept per reading direction: the English layout restored in the
        Arabic interface would put them back on the English sides."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return "window/state-rtl" if rtl else "window/state"

    def save_layout(self, store: QSettings | None = None) -> None:
        """Keep this window's size, panels and their widths for the next window (on
        closing, and before a window replacing this one is made). Given *store*, they
        are set in it, which its caller writes (keep_place)."""
        if not self.remember_layout:
            return
        given = store is not None
        store = store if store is not None else settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue(self._state_key(), self.saveState())
        store.setValue(self._state_key() + "-shares", json.dumps(
            {int(area.value): share for area, share in self.side_widths.shares.items()}))
        if not given:
            settings.write_now(store)
            self._say_settings_not_kept()

    def keep_place(self) -> None:
        """Keep the window's size, panels, article and claim for its next window (on
        closing, and when the session ends: a logout or a shutdown asks before it stops
        the program). The settings file written once for both: written for each, every
        window closed waited twice for the disk (QSettings.sync writes the file whole
        and waits for it to be on disk, ~12 ms each, fx124)."""
        if not self.remember_layout:
            return
        store = settings.settings()
        self.save_layout(store)
        self._keep_where(always=True, store=store)
        settings.write_now(store)
        self._say_settings_not_kept()

    def _keep_where(self, always: bool = False, store: QSettings | None = None) -> None:
        """Keep the article and claim shown and the review comments typed, for the next
        window: a moment after they change (_keep_place_soon), and on closing. Not
        written again when they are as last kept (every tag chooses its new claim).
        Given *store*, they are set in it, which its caller writes (keep_place)."""
        if not (self.remember_layout and self.session.path):
            return
        where = (self.current_article, self.current_claim_id(),
                 self.claims_panel.editor.review_drafts)
        if where != self._kept_where or always:
            self._kept_where = where
            settings.remember_place(self.session.path, *where[:2],
                                    *self.claims_panel.editor.take_changed_drafts(),
                                    store=store)
            if store is None:
                self._say_settings_not_kept()

    def _say_settings_not_kept(self) -> None:
        """Said once, the first time the settings file could not be written (here, or the
        recent projects' thread): what the window keeps for the next start is not kept."""
        if message := settings.not_kept():
            dialogs.show_error(self, message)

    def take_place_of(self, other: MainWindow) -> None:
        """Show what *other*, a window on the same project, shows: its panels as they
        are, its filters, the annotators it hides, its search, the last import's report,
        its article, its claim (this window replaces it in another language), the
        review comments typed there, the words selected, the find bar open with its
        words, and the place read (shown once this window is laid out). Only the
        article, the claim and the comments came: a colleague hidden for a blind review
        showed again, the panels were the last window's of this direction (rv259); the
        reader came back at the article's top, a claim's words below the view, and the
        find bar closed, its words lost (rv276)."""
        mirror = (self.session.language == "ar") != (other.session.language == "ar")
        place_as(self, self.side_widths.docks, other, other.side_widths.docks, mirror=mirror)
        self._laid_out = True  # (no first layout at its showing: these are the panels)
        self._shares_taken = mirrored(other.side_widths.shares, mirror)
        self.review_tools.layers.take_layers_of(other.review_tools.layers)
        self.claims_panel.take_filters_of(other.claims_panel)
        self.search_panel.take_search_of(other.search_panel)
        if other._files is not None and other._files.reported:
            self.files.take_report_of(other._files)
        self.claims_panel.editor.take_drafts(other.claims_panel.editor.review_drafts)
        if other.current_article and other.current_article != self.current_article:
            try:
                self.show_article(other.current_article)
            except TahqiqError:  # gone meanwhile: the first article stays
                return
        claim_id = other.current_claim_id()
        if claim_id:
            self.select_claim(claim_id)
        self.article_pane.take_find_of(other.article_pane)
        reader, theirs = self.article_pane.reader, other.article_pane.reader
        if reader.plain_text() == theirs.plain_text():
            reader.put_cursor(*theirs.cursor_span())  # (a find's match, say)
        reader.hold_place(theirs.top_place(), theirs.selection_in_view())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """View ▸ Full Screen ticked as the window is (restored full screen, the first
        F11 after a restart left it so)."""
        if event.type() == QEvent.Type.WindowStateChange:
            action = self.action_set.full_screen
            action.blockSignals(True)
            action.setChecked(self.isFullScreen())
            action.blockSignals(False)
        super().changeEvent(event)

    def _file_moved_away(self) -> None:
        """The project file left its path while open: said, with a copy offered. Tags
        went on saying they were done, into a file deleted (or renamed, its last changes
        in a log beside its old name) and lost when the window closed."""
        from PySide6.QtWidgets import QMessageBox

        self._update_title()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Project File Missing"),
                          self._moved_away_text(), parent=self)
        plain_box(box)  # (its file name as it is)
        box.setObjectName("projectMovedAway")
        save = box.addButton(self.tr("Save a Copy…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.buttonClicked.connect(lambda button: button is save and self.files.save_copy())
        box.open()  # not modal to the application: the work it is about stays in view

    def _file_replaced(self, copy: str) -> None:
        """Another file took the project file's path while open (a sync client's copy,
        a mail's): this window's work, kept apart from it in *copy*, is where the window
        goes on; the two are merged when the person wants. Without a copy (the folder
        cannot be written), as a file moved away, and nothing more is saved."""
        if self._dialog_open(lambda: self._file_replaced(copy)):
            return
        name = f"«{isolated(self.session.path.name)}»"
        if not copy:
            self._file_moved_away()
            return
        self.files.copy_saved = True
        dialogs.show_info(self, self.tr("Project File Replaced"), filled(self.tr(
            "%1 was replaced by another file while it was open (a sync client's or a "
            "colleague's copy, say). This window's work was kept apart from it, in %2 "
            "beside it, and goes on there: merge the two with File ▸ Merge Colleague's "
            "Project… when you want them together."), name, f"«{isolated(Path(copy).name)}»"))
        self.files.openRequested.emit(copy, False)

    def _file_moved_to(self, place: str) -> None:
        """The project file was moved or renamed while open (a file manager; «p.tahqiq»
        named «for-editor.tahqiq» before it is sent): the window goes on in it there. It
        said «moved, renamed or deleted… the work since may be lost», of a file that had
        every change, and its Save a Copy made a second project."""
        if self._dialog_open(lambda: self._file_moved_to(place)):
            return
        self.files.copy_saved = True  # (nothing to save: the file has it all)
        dialogs.show_info(self, self.tr("Project File Moved"), filled(self.tr(
            "%1 was moved or renamed to %2 while it was open. It holds all the work, and "
            "the window goes on there."), f"«{isolated(self.session.path.name)}»",
            f"«{isolated(place)}»"))
        self.files.openRequested.emit(place, False)

    def _dialog_open(self, then: Callable[[], None]) -> bool:
        """Whether a dialog is open (Article Properties, the Labels, a file dialog):
        *then* is done once it is closed, not under it - switching to another window
        deleted the dialog and what was typed in it."""
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is None:
            return False
        QTimer.singleShot(300, self, then)
        return True

    def _moved_away_text(self) -> str:
        return self.tr("%1 was moved, renamed or deleted while it was open. Save a copy of "
                       "the project, or the work since may be lost when this window "
                       "closes.").replace("%1", f"«{isolated(self.session.path.name)}»")

    def _keep_moved_away_work(self) -> bool:
        """Before closing on a project file that left its path: a copy saved, or not
        wanted; False to stay open."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Project File Missing"),
                          self._moved_away_text(), parent=self)
        plain_box(box)  # (its file name as it is)
        box.setObjectName("projectMovedAwayClosing")
        save = box.addButton(self.tr("Save a Copy…"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Close Without Saving"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        dialogs.run(box)
        if box.clickedButton() is save:
            return self.files.save_copy(reopen=False)
        return box.clickedButton() is drop

    def typing_saved_or_given_up(self) -> bool:
        """Whether the window may go: a note or a link typed saved, or its loss chosen —
        asked once (a switch to another project asks before the other opens, and its
        close then asked again; Cancel there left two windows open). The loss chosen
        holds for the close that follows only (closeEvent)."""
        return self.typing_given_up or self.claims_panel.commit_drafts() or \
            self._lose_unsaved_typing()

    def _lose_unsaved_typing(self) -> bool:
        """Before closing on a note or a link typed that could not be saved (the disk
        full, another program holding the file): tried again until it is, or its loss
        chosen; False to stay open. The window closed on it, and the typing was gone."""
        from PySide6.QtWidgets import QMessageBox

        while True:
            # (a note typed on a claim deleted since waits for the claim, which no try
            # brings back: Try Again asked again and again, each time refused, rv228)
            waits = self.claims_panel.editor.note_waits_for_its_claim
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Typing Not Saved"), self.tr(
                "The note typed is for a claim deleted since (by another window, program "
                "or colleague), and is lost if this window closes now. Restore the claim "
                "(Edit ▸ Deleted Claims…) to keep it, or copy the note elsewhere.") if waits
                else self.tr(
                "A note or a link typed could not be saved to the project, and is lost "
                "if this window closes now. Try again once the project can be written, "
                "or keep the window open and copy it elsewhere."), parent=self)
            box.setObjectName("typingNotSavedClosing")
            again = None if waits else box.addButton(self.tr("Try Again"),
                                                     QMessageBox.ButtonRole.AcceptRole)
            drop = box.addButton(self.tr("Close Without Saving"),
                                 QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(again or cancel)
            dialogs.run(box)
            if box.clickedButton() is drop:
                self.typing_given_up = True
                return True
            if again is None or box.clickedButton() is not again:
                return False
            if self.claims_panel.commit_drafts():
                return True

    def closeEvent(self, event: QCloseEvent) -> None:
        from gui.tasks import running_for

        if running := running_for(self):
            # An import under way was dropped when the last window closed (the
            # application ended with it): the window closes once the work is done.
            event.ignore()
            self.show_status(self.tr("Closing once this is done: %1").replace(
                "%1", running[0].label))
            QTimer.singleShot(200, self, self.close)  # asked again until it is
            return
        kept = self.typing_saved_or_given_up()
        self.typing_given_up = False  # (for this close only: a later one asks again)
        if not kept:
            event.ignore()
            return
        if self.session.moved_away and not self.files.copy_saved \
                and not self._keep_moved_away_work():
            event.ignore()
            return
        self.review_tools.shutdown()
        self.finder.shutdown()
        self.search_panel.shutdown()
        self.claims_panel.shutdown()
        self._keep_place_soon.stop()
        self.keep_place()
        if (note := self.session.close()) is not None:  # (the -wal must go with the file)
            dialogs.show_error(self, note)
        super().closeEvent(event)
        self.closed.emit()
