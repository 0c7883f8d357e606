"""The open project as the GUI sees it: the one door to the store.

Nothing else in gui/ holds the project or runs SQL. Reads are plain methods. Each write
is one method: it calls the store and announces what changed with the signal the views
need (a restore of several claims, once per claim); models and the reader listen and
refresh only what the signal names. Work too long for the GUI thread (export, merge,
importing files, the review packet, known claims) runs in a worker thread through
``export_file``, ``merge_file``, ``import_files``, ``export_packet`` and
``find_known_claims``, each on a private connection of its own (SQLite connections
stay on the thread that made them); when it is done, the window calls :meth:`refresh`
and the views catch up once.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from gui import screen_reader, scroll_bars
from gui.i18n import error_text, message_text, read_counts
from gui.idle_collector import collect_all
from gui.places import ArticlePlaces
from store.core import appearances, articles, claims, history, labels, settings, warm_up
from store.core.progress import Progress
from store.core.project import Project
from store.core.records import Appearance, Article, Claim, HistoryEntry, Label, Place, Review, Spot
from store.core.settings import ProjectSettings
from store.errors import ProjectError, TahqiqError
from store.review import reviews
from store.text.display import isolated, isolated_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from store.core.article_deletion import DeletedArticle
    from store.core.matcher_process import MatcherProcess
    from store.core.records import KnownClaimsFound
    from store.core.search import SameWords, SearchHit
    from store.errors import Message
    from store.exchange.importing import ImportOutcome, LoadedFile
    from store.exchange.merge import MergeSummary

POLL_INTERVAL_MS = 1000
PREPARE_AFTER_MS = 300  # after the window's first paint, before anyone can act
PREPARE_STEP = 2000  # places folded per step of that (about 10 ms)
TOLD_KEPT = 64  # claims' histories kept told (history_lines), the last chosen
TOLD_CAUGHT_UP = 2000  # new entries read to keep them up; more (a merge): told again
PREPARE_WAIT_MS = 20  # while the places of an article being opened are read


class Session(QObject):
    # The places a change touched, as they are now (created, edited, deleted, restored,
    # linked...): a claim's new verdict shows at every place it appears.
    appearancesChanged = Signal(object)  # list[Appearance]
    claimsAboutToReset = Signal()  # views save typing and remember the selection
    claimsReset = Signal()  # many claims may have changed (merge, outside writer)
    articlesChanged = Signal()  # articles added or their details changed
    suggestionsChanged = Signal()  # a suggestion was dismissed (or brought back)
    labelsChanged = Signal()
    stepRefused = Signal(bool)  # an undo (True) or redo (False) the project refused
    stepShows = Signal(str)  # an undo or redo brought back this place: select it
    # The articles an undo (True) or a redo changed places in, and the step's name
    stepTouched = Signal(object, str, bool)
    errorOccurred = Signal(str)  # a one-line message for the user
    waitingForFile = Signal(bool)  # a change waits for another program's write (or no more)
    fileMovedAway = Signal()  # the project file left its path while open
    # ... and another file took its path: this one's work was copied to the path given
    # ("" when no copy could be made), and nothing more is written through this session
    fileReplaced = Signal(str)
    # the project file left its path (another file took it, or it was moved): what is
    # being typed is saved now, while it can be
    fileLeaving = Signal()
    # ... or was moved or renamed to the path given (known on Linux), everything in it,
    # for a session opened there to go on; nothing more is written through this one
    fileMovedTo = Signal(str)
    fileBack = Signal()  # ... and is at its path again
    articleBack = Signal(str)  # a deleted article brought back (an undo): show it
    prepared = Signal()  # _prepare is done: the window prepares what is its own

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        project.on_wait = self._waiting_for_file
        self._closed = False
        self.language = "en"  # the interface language; label names follow it
        # What opening changed, for the window to tell once it shows.
        self.freed_shortcuts = self._free_shared_shortcuts(project)
        self._labels: list[Label] = labels.list_labels(project)
        self._data_version = project.data_version()
        self._matcher_lock = threading.Lock()
        self._matcher: MatcherProcess | None = None  # started by the first search
        # same_words_elsewhere: every quote folded once, a moment after the window
        # shows (not at the first selection: no first-time stall), then kept up to date.
        self._same_words: SameWords | None = None  # made then, with the search module
        self._showing: ArticlePlaces | None = None
        self._giver: tuple[tuple, str] = ((), "")  # the last claim's verdict giver, by state
        self._showing_id: str | None = None  # the article of _showing
        self._prepared = False  # _prepare has run
        # Claims' histories told (history_lines): their entries and lines, by claim, as
        # of the log's end (the newest entry's rowid) they were brought up to.
        self._told: dict[str, tuple[list[HistoryEntry], list[str]]] = {}
        self._told_to = -1
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        # (the file first: another file put at its path is kept apart before anything is
        # read or folded through the log they then share)
        self._poll.timeout.connect(self._check_file)
        self._poll.timeout.connect(self.refresh)
        self._poll.timeout.connect(self._fold_log_when_quiet)
        self.moved_away = False  # the project file left its path (fileMovedAway was sent)
        self._replaced_told = False  # fileReplaced was sent
        self._poll.start()
        # The writes seen at the last tick, and those the project file alone holds.
        # Rows the idle preparation changed and took back (a temporary table, a tag
        # rehearsed and rolled back): no work to fold into the file. Counted, they made
        # the first quiet tick checkpoint a log holding nothing, often in the first tag
        # (and the log then started again in it, syncing its header).
        self._unwritten = 0
        self._written = self._folded = self._writes()
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):  # the user turns to their mail, say
            app.applicationStateChanged.connect(self._application_state_changed)

    @classmethod
    def open(cls, path: str | Path | None, annotator: str, language: str) -> Session:
        """The project at *path*, created if need be; None is the default project, which
        a first run fills with the sample articles (given by its path too: the store says
        which it is). Raises a TahqiqError subclass."""
        from store.core.paths import default_project_path, is_default_project

        if path is None or is_default_project(path):
            from store.exchange import seeding

            project = seeding.open_or_create(path or default_project_path(), annotator)
        else:
            project = Project.open(Path(path).expanduser(), annotator)
        session = cls(project)
        session.language = language
        return session

    @contextlib.contextmanager
    def _waiting_for_file(self) -> Iterator[None]:
        """Around a change's wait for another program's write to end (the project's
        ``on_wait``): the window said nothing for up to 15 seconds, and seemed to hang.
        It shows a waiting cursor and says why. A change made by a worker thread (an
        import, a merge) waits under its progress dialog."""
        from PySide6.QtCore import QThread  # (its Python type: not at start-up)

        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            yield
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.waitingForFile.emit(True)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.waitingForFile.emit(False)

    @staticmethod
    def needs_upgrade(path: str | Path | None) -> bool:
        """Whether opening *path* (None: the default project, as ``open`` has it) seems to
        upgrade it from an older Tahqiq (seconds, for a big project)."""
        from store.core.paths import default_project_path
        from store.core.project import needs_upgrade

        return needs_upgrade(default_project_path() if path is None else path)

    @staticmethod
    def refuse_folder(path: str | Path) -> None:
        """NotAProject if *path* is a folder (``store.core.paths.refuse_folder``)."""
        from store.core.paths import refuse_folder

        refuse_folder(Path(path).expanduser())

    @staticmethod
    def is_there(path: str | Path) -> bool:
        """Whether anything is at *path* (``store.core.paths.is_there``): NotAProject, the
        store's «Cannot read …», for a place that cannot be reached. Here beside its
        siblings, so that the window asks the session, not the store, about project files."""
        from store.core.paths import is_there

        return is_there(Path(path).expanduser())

    @staticmethod
    def holds_no_project_yet(path: str | Path) -> bool:
        """Whether *path* is an empty file, which opening would make a new project of."""
        from store.core.paths import holds_no_project_yet

        return holds_no_project_yet(Path(path).expanduser())

    @staticmethod
    def _free_shared_shortcuts(project: Project) -> list[labels.FreedShortcut]:
        """A project written before two labels on one key were refused may hold such a
        pair, and the key would tag nothing: opening leaves it to the older label, as a
        merge does. Read-only, nothing can be tagged anyway; another program writing,
        it is left for the next opening rather than waited for."""
        if project.read_only or not labels.clashing_shortcuts(project):
            return []  # (read as any read is: waiting a moment for another program)
        try:
            with project.not_waiting():
                return labels.free_shared_shortcuts(project)
        except TahqiqError:
            return []

    # -- reading -------------------------------------------------------------------
    @property
    def annotator(self) -> str:
        return self._project.annotator

    @property
    def read_only(self) -> bool:
        return self._project.read_only

    @property
    def handed_over(self) -> Path | None:
        """Where the project file was moved to while open, once handed over there."""
        return self._project.handed_over

    @property
    def path(self) -> Path | None:
        """The project file (None for a project in memory)."""
        return self._project.path

    @property
    def upgraded(self) -> tuple[int, Path] | None:
        """(the schema it had, the copy of it kept) when opening upgraded the file."""
        return self._project.upgraded

    @property
    def opening_note(self) -> Message | None:
        """What opening the file did that the person is told once (it had lost its marks)."""
        return self._project.opening_note

    def labels(self) -> list[Label]:
        return self._labels

    def label(self, key: str) -> Label:
        """The label of *key*; one whose row another program deleted while claims carry
        it, as every view shows it (store.core.labels.stand_in: its key, grey - rv288)."""
        return next((lab for lab in self._labels if lab.key == key), None) \
            or labels.stand_in(key)

    def stored_label(self, key: str) -> Label:
        """The label as the project has it now (another window's change not yet read
        into :meth:`labels` too)."""
        return labels.get_label(self._project, key)

    def label_name(self, key: str) -> str:
        """A verdict's name in the interface language (its key if it is unknown)."""
        label = self.label(key)
        return label.name(self.language) if label else key

    def article_list(self) -> list[dict]:
        return articles.list_articles(self._project)

    def article_ids(self) -> list[str]:
        """The id of every article, oldest first."""
        return articles.list_ids(self._project)

    def article_titles(self, article_ids: list[str]) -> dict[str, str]:
        """{id: title} of those of *article_ids* that name an article."""
        return articles.titles_of(self._project, article_ids)

    def article(self, article_id: str) -> Article:
        return articles.get_article(self._project, article_id)

    def places_in(self, article_id: str) -> list[Place]:
        """The claims of an article as light places, in reading order (the full records
        are read by :meth:`appearances_by_id` for the rows shown); the window reads the
        article it shows through :meth:`open_places`."""
        return appearances.list_places(self._project, article_id)

    def open_places(self, article_id: str, length: int) -> ArticlePlaces:
        """The places of the article the window shows now (*length*: its text's, in code
        points), read a part at a time (gui.places). The session reads what is left of
        them before it announces any change to the claims, so the views holding them
        take every change whole."""
        self.close_places()
        self._showing = ArticlePlaces(
            lambda start, before, limit: appearances.list_places(
                self._project, article_id, start, before, limit), length, self)
        self._showing_id = article_id
        if self._prepared:  # (before that, _prepare does it, after the first picture)
            # Its places, read in parts, are old before anyone acts on them (gui.idle_collector).
            self._showing.completed.connect(lambda: QTimer.singleShot(0, collect_all))
        return self._showing

    def close_places(self) -> None:
        """The window shows no article: the places of the last one are read no more."""
        if self._showing is not None:
            self._showing.stop()
            self._showing.deleteLater()
        self._showing, self._showing_id = None, None

    @property
    def showing(self) -> ArticlePlaces | None:
        """The places of the article the window shows (:meth:`open_places`)."""
        return self._showing

    def appearances_by_id(self, ids: list[str]) -> dict[str, Appearance]:
        return appearances.get_many(self._project, ids)

    def live_counts(self, article_id: str) -> tuple[int, int]:
        """The live claims in the article, and their places there."""
        return appearances.live_counts(self._project, article_id)

    def appearance(self, appearance_id: str) -> Appearance:
        return appearances.get_appearance(self._project, appearance_id)

    def own_place_at(self, article_id: str, start: int, end: int) -> Appearance | None:
        """My place on exactly these words (white space at the ends aside), if any."""
        return appearances.own_place_at(self._project, article_id, start, end)

    def appearances_of(self, claim_id: str) -> list[Appearance]:
        """Every place a claim appears, in any article."""
        return appearances.appearances_of(self._project, claim_id)

    def project_settings(self) -> ProjectSettings:
        return settings.get_settings(self._project)

    def article_title(self, article_id: str) -> str:
        return articles.title_of(self._project, article_id)

    def article_deleted(self, article_id: str) -> bool:
        return articles.is_deleted(self._project, article_id)

    def same_words_elsewhere(self, appearance: Appearance) -> list[Appearance]:
        """Words of other articles, tagged as another claim, that read the same as these
        (folded): the same claim checked again, to link as one."""
        return self._same_words_table().find(appearance.quote,
                                             article_id=appearance.article_id,
                                             claim_id=appearance.claim_id)

    def _same_words_table(self) -> SameWords:
        """The folded quotes of the project, told of this connection's writes from now on
        (it reads every place when first prepared, so none before is missed)."""
        if self._same_words is None:
            from store.core.search import SameWords

            self._same_words = SameWords(self._project)
            self.appearancesChanged.connect(self._same_words.note)
            self.claimsReset.connect(self._same_words.forget)
        return self._same_words

    def prepare_after_first_picture(self) -> None:
        """The window showed its first picture: what the first actions need is loaded a
        moment later, while the person looks at it (:meth:`_prepare`). Counted from the
        picture, not from the session's start: a slow start would have had it load (and
        the collector walk start-up's objects) before the first paint."""
        QTimer.singleShot(PREPARE_AFTER_MS, self._prepare)

    def _prepare(self) -> None:
        """What the first actions of a session need, loaded before them, off the paint
        path and a step at a time between events: the folded quotes for
        same_words_elsewhere, then the modules a selected claim's editor imports (and
        the style's type the tables' scroll bars ask), then what the first write needs
        (store.core.warm_up). The article being opened comes
        first: its picture, then its places (gui.places). A session closed meanwhile
        (its window closed within the wait) prepares nothing."""
        if self._closed:
            return
        if self._showing is not None and self._showing.reading:
            QTimer.singleShot(PREPARE_WAIT_MS, self._prepare)
            return
        with contextlib.suppress(sqlite3.Error), self._taken_back():
            # (closed already: asking makes it later)
            if not self._same_words_table().prepare(PREPARE_STEP):
                QTimer.singleShot(0, self._prepare)
                return
        # What showing the first selected claim imports (its story, told in sentences),
        # and the forms of the count it shows ("History (%n)"); the type PySide makes
        # when the claims table's first change of selection reaches Python; the module
        # the known-claims matcher's answers are unpickled into (its reading thread
        # imported it at the first answer with a suggestion, holding the GIL for a
        # millisecond in the middle of the first tag).
        from PySide6.QtCore import QItemSelection  # noqa: F401

        from store.review import story  # noqa: F401
        from store.text import clean, suggestion  # noqa: F401 - (clean: a note's, a title's)

        read_counts()
        scroll_bars.prepare()  # what the steady scroll bars ask the style (7 ms)
        screen_reader.prepare()  # what the first tag's status line is announced with

        # What the first write needs: the log started, the statements of a tag compiled,
        # the shown text's pages read (rehearsed in a transaction rolled back).
        with self._taken_back():
            warm_up.before_first_write(self._project, self._showing_id)
        self._rehearse_claim_reads()
        collect_all()  # what start-up made is old now, not walked in the first actions
        self._prepared = True
        self.prepared.emit()

    @contextlib.contextmanager
    def _taken_back(self) -> Iterator[None]:
        """Count the rows changed inside as no work (:attr:`_unwritten`)."""
        before = self._project.changes_made()
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):  # (a project closed meanwhile)
                self._unwritten += self._project.changes_made() - before

    def _writes(self) -> tuple[int, int]:
        """What the poll compares to tell a write: rows this connection changed (less
        those the preparation took back) and SQLite's count of other connections'."""
        return self._project.changes_made() - self._unwritten, self._data_version

    def _rehearse_claim_reads(self) -> None:
        """Ask once what a tag reads besides its write, of words that are no claim:
        whether I tagged them already, then, for the claims table and the editor showing
        the new claim, its review, other places, reviews and history, the same words
        elsewhere, who gave its verdict. The first tag of a session compiled these
        statements (0.5-1 ms of it); nothing is kept but SQLite's compiled statements and
        the pages they reached."""
        article_id = self._showing_id
        if article_id is None:
            return
        with contextlib.suppress(TahqiqError, sqlite3.Error):  # a later read will say
            self.own_place_at(article_id, 0, 0)
            same_words = self._same_words_table()
            same_words.find("", article_id=article_id, claim_id="")
            same_words.note([])  # (its statement compiled, nothing written)
            self.current_review("")
            self.appearances_of("")
            self.reviews_for("")
            self.history_lines("")
            self._told.pop("", None)  # (compiled, not kept: the told are kept by claim)
            history.entries_since(self._project, history.last_entry(self._project))
            reviews.verdict_giver(self._project, Claim("", "", "", "", ""))  # A and R

    def start_project_like_this(self, path: str | Path,
                                kept: Callable[[Message], None] | None = None) -> None:
        """Make a new project at *path* with this one's verdict labels and settings, none
        of its work (store.core.templates); the window opens it after. Refused, the new
        file is removed, or, another window or program having written in it meanwhile,
        kept, and *kept* given the note that says so."""
        from store.core.templates import start_like

        start_like(path, self._project, self._project.annotator, on_kept=kept).close()

    def reviews_for(self, claim_id: str) -> list[Review]:
        return reviews.reviews_for(self._project, claim_id)

    def reviewed(self, claim_id: str) -> dict[str, object]:
        """The claim's reviews as a step leaves it, for its undo or redo to expect: a
        review by someone else since refuses it (``claims.refuse_reviewed_since``)."""
        return {claims.REVIEWED: tuple(r.id for r in self.reviews_for(claim_id))}

    def current_reviews(self, article_id: str) -> dict[str, Review]:
        """{claim id: its status} of an article's claims: the newest review that still
        stands (a review of an earlier verdict is none)."""
        return reviews.current_reviews(self._project, article_id)

    def current_review(self, claim_id: str) -> Review | None:
        """One claim's status (see current_reviews), or None: not reviewed."""
        return reviews.current_review(self._project, claim_id)

    @staticmethod
    def review_stands(review: Review, label: str) -> bool:
        """Whether *review* still speaks for its claim, whose verdict is now *label*."""
        return reviews.stands(review, label)

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        from store.core import search

        return search.search(self._project, query, limit)

    def history_lines(self, claim_id: str) -> list[str]:
        """A claim's history, told in the interface language: told once, then kept up
        with the log (every write, a colleague's merged in too, adds to it). The editor
        asks at every choice of a claim and after every save, History folded or not
        (its count): telling a history of 2,000 entries took 30 ms of each, and a note
        saved made both claims one moved between tell theirs whole again (rv243)."""
        self._catch_up_told()
        if claim_id in self._told:  # (to the end: kept longest of all)
            self._told[claim_id] = self._told.pop(claim_id)
        else:
            if len(self._told) >= TOLD_KEPT:  # the claim chosen longest ago
                del self._told[next(iter(self._told))]
            entries = history.for_claim(self._project, claim_id)
            self._told[claim_id] = (entries, self._tell_history(claim_id, entries))
        return list(self._told[claim_id][1])

    def _catch_up_told(self) -> None:
        """Bring the histories told up to the log's end: a claim the new entries concern
        takes the lines they add (story.tell_more) or is told again when next asked;
        a label or an article changed (its name, its title in a line) tells all again."""
        from store.review import story

        end = history.last_entry(self._project)
        if end == self._told_to:
            return
        new = history.entries_since(self._project, self._told_to) \
            if self._told and end - self._told_to <= TOLD_CAUGHT_UP else None
        self._told_to = end
        if new is None or any(entry.entity not in ("claim", "appearance") for entry in new):
            self._told = {}
            return
        for claim_id, (entries, lines) in list(self._told.items()):
            concern = [entry for entry in new if entry.entity_id == claim_id or claim_id in (
                (entry.before or {}).get("claim_id"), (entry.after or {}).get("claim_id"))]
            if not concern:
                continue
            more = story.tell_more(entries, concern, self.label_name, who=isolated_name)
            if more is None:
                del self._told[claim_id]
            else:
                self._told[claim_id] = ([*entries, *concern],
                                        [*lines, *map(message_text, more)])

    def _tell_history(self, claim_id: str, entries: list[HistoryEntry]) -> list[str]:
        from store.review import story

        # (A colleague's entries, merged, may name their copy of an article by its id in
        # their file: no title here, and the line is told without one.)
        named = {str(article_id) for e in entries if e.entity == "appearance"
                 and (article_id := (e.after or e.before or {}).get("article_id"))}
        several = len(named) > 1 or len(
            {p.article_id for p in self.appearances_of(claim_id)}) > 1
        titles = self.article_titles(list(named)) if several else {}  # (most: one article)

        def title(article_id: str) -> str | None:
            return isolated(titles[article_id]) if article_id in titles else None

        return [message_text(line) for line in story.tell_all(
            entries, self.label_name, title if several else None, claim_id, who=isolated_name)]

    def summary_lines(self, since: str = "") -> list[str]:
        """The project in figures (store.review.summary), in the interface language."""
        from store.review import summary

        language = self.language
        return [message_text(line) for line in summary.project_summary(self._project, since).lines(
            lambda label: label.name(language), isolated_name)]

    def agreement_lines(self, article_id: str | None) -> list[str]:
        """The agreement report for one article (or the project), in the interface language."""
        from store.review import agreement

        return [message_text(line) for line in agreement.agreement(
            self._project, article_id).lines(isolated_name)]

    # -- writing: each calls the store, then announces what changed ----------------------
    def update_project_settings(self, **changes: str) -> ProjectSettings:
        """(No view shows the settings: the exports read them. Nothing to announce.)"""
        return settings.update_settings(self._project, **changes)

    def cannot_tag(self, words: str) -> str | None:
        """Why *words* (a selection) cannot be tagged, in the interface's language; None
        when they can."""
        refusal = appearances.no_words(words)
        return None if refusal is None else error_text(refusal)

    def cannot_move_to(self, appearance_id: str, start: int, end: int) -> str | None:
        """Why I cannot move the place to these words of its article, in the interface's
        language; None when I can."""
        refusal = appearances.move_refusal(self._project, appearance_id, start, end)
        return None if refusal is None else error_text(refusal)

    def create_claim(self, article_id: str, start: int, end: int, label: str) -> Appearance:
        return self._changed(appearances.create_claim(self._project, article_id, start, end,
                                                      label))

    def join_claim(self, claim_id: str, article_id: str, start: int, end: int
                   ) -> Appearance:
        """The words become a place of the claim; mine on them join it (a known claim
        accepted)."""
        return self._changed(appearances.join(self._project, claim_id, article_id, start, end))

    def add_appearance(self, claim_id: str, article_id: str, start: int, end: int
                       ) -> Appearance:
        return self._changed(appearances.add(self._project, claim_id, article_id, start,
                                             end))

    def plan_tag_all(self, article_id: str, spans: list[tuple[int, int]],
                     claim_id: str | None = None, *, chosen: tuple[int, int] | None = None
                     ) -> appearances.TagAllPlan:
        return appearances.plan_tag_all(self._project, article_id, spans, claim_id,
                                        chosen=chosen)

    def tag_all(self, article_id: str, spans: list[tuple[int, int]], label: str
                ) -> list[Appearance]:
        """Tag every span as one claim (Tag All Occurrences): one transaction."""
        made = appearances.tag_all(self._project, article_id, spans, label)
        self._announce(made)
        return made

    def add_appearances(self, claim_id: str, article_id: str, spans: list[tuple[int, int]]
                        ) -> list[Appearance]:
        """More places of one claim in an article (Tag All Occurrences): one transaction."""
        made = appearances.add_all(self._project, claim_id, article_id, spans)
        self._announce(made)
        return made

    def claim(self, claim_id: str) -> Claim:
        """The claim as the project holds it now."""
        return claims.get_claim(self._project, claim_id)

    def update_claim(self, claim_id: str, **changes) -> Claim:
        claim = claims.update_claim(self._project, claim_id, **changes)
        self._announce(appearances.appearances_of(self._project, claim_id))
        return claim

    def delete_appearance(self, appearance_id: str) -> Appearance:
        return self._changed(appearances.delete(self._project, appearance_id))

    def untag_made(self, appearance_ids: list[str], claim_id: str,
                   made: dict[str, object] | None = None) -> list[Appearance]:
        """A tag's undo: its places untagged, all or none (``appearances.untag_made``)."""
        places = appearances.untag_made(self._project, appearance_ids, claim_id, made)
        self._announce(places)
        return places

    def restore_appearance(self, appearance_id: str) -> Appearance:
        claim_gone = appearances.get_appearance(self._project, appearance_id).claim.is_deleted
        restored = appearances.restore(self._project, appearance_id)
        if claim_gone:  # the claim comes back with every place it has, not only these words
            self._announce(appearances.appearances_of(self._project, restored.claim_id))
            return restored
        return self._changed(restored)

    def restore_appearances(self, appearance_ids: list[str]
                            ) -> tuple[list[Appearance], TahqiqError | None]:
        """Places untagged together brought back (``appearances.restore_all``), and the
        first refusal; every place of their claims is told (a claim brought back shows
        them all)."""
        restored, refused = appearances.restore_all(self._project, appearance_ids)
        for claim_id in dict.fromkeys(place.claim_id for place in restored):
            self._announce(appearances.appearances_of(self._project, claim_id))
        return restored, refused

    def delete_claim(self, claim_id: str, expect: dict[str, object] | None = None) -> Claim:
        """The whole claim, wherever it appears (its words stay as they were, for a
        restore to bring them all back); *expect*: an undo's (``claims.delete_claim``)."""
        shown = appearances.appearances_of(self._project, claim_id)
        claim = claims.delete_claim(self._project, claim_id, expect=expect)
        self._announce([place._replace(claim=claim) for place in shown])
        return claim

    def deleted_places(self, article_id: str) -> list[list[Appearance]]:
        """The article's untagged words and deleted claims, the latest first, each the
        places of one claim that went at one time."""
        return appearances.deleted_in(self._project, article_id)

    def link(self, appearance_id: str, claim_id: str) -> Appearance:
        """These words become an appearance of another claim."""
        return self._changed(appearances.link(self._project, appearance_id, claim_id))

    def link_all(self, moves: list[tuple[str, str]],
                 expect: dict[str, dict[str, object]] | None = None,
                 live: Sequence[str] = (), on: dict[str, str] | None = None
                 ) -> list[Appearance]:
        """Several places linked (appearance id, claim id), in one write: all or none;
        *expect*, *live* and *on*: what an undo or a redo expects
        (``appearances.link_all``)."""
        places = appearances.link_all(self._project, moves, expect=expect, live=live, on=on)
        self._announce(places)
        return places

    def move_place(self, appearance_id: str, start: int, end: int,
                   expect: tuple[int, int]) -> Appearance:
        """The place takes other words of its article, from where *expect* says it is."""
        return self._changed(appearances.move(self._project, appearance_id, start, end,
                                              expect=expect))

    def move_step(self, appearance_id: str, left: Spot, to: Spot) -> Appearance:
        """An undo or a redo of a move, from the words *left* to the words *to*."""
        return self._changed(appearances.move_step(self._project, appearance_id, left, to))

    def unlink(self, appearance_id: str, new_claim_id: str | None = None,
               on: str | None = None) -> Appearance:
        """These words become a claim of their own (its id *new_claim_id*, on a redo,
        which expects them *on* the claim its undo left them on)."""
        return self._changed(appearances.unlink(self._project, appearance_id,
                                                claim_id=new_claim_id, on=on))

    def dismiss(self, article_id: str, claim_id: str, start: int, end: int) -> str:
        from store.core import known_claims

        dismissal = known_claims.dismiss(self._project, article_id, claim_id, start, end)
        self.suggestionsChanged.emit()
        return dismissal

    def undismiss(self, dismissal_id: str) -> None:
        from store.core import known_claims

        known_claims.undismiss(self._project, dismissal_id)
        self.suggestionsChanged.emit()

    @contextlib.contextmanager
    def articles_touched(self) -> Iterator[list[str]]:
        """The ids of the articles whose places change inside the block, first first."""
        touched: list[str] = []

        def note(places: list[Appearance]) -> None:
            touched.extend(dict.fromkeys(p.article_id for p in places
                                         if p.article_id not in touched))

        self.appearancesChanged.connect(note)
        try:
            yield touched
        finally:
            self.appearancesChanged.disconnect(note)

    def _changed(self, appearance: Appearance) -> Appearance:
        self._announce([appearance])
        return appearance

    def _announce(self, places: list[Appearance]) -> None:
        """Tell the views which places changed, once they hold every place of the
        article shown (what was still to read is read first, the change with it)."""
        if self._showing is not None:
            self._showing.read_all()
        self.appearancesChanged.emit(places)

    def may_review(self, place: Appearance | None) -> bool:
        """Whether this person may review the claim at *place* now: a claim there whose
        verdict someone else gave (a review is a second pair of eyes) in a project open
        for writing. The store refuses the rest; the window offers only this, its buttons
        and its keys alike."""
        return place is not None and not place.is_deleted and not self.read_only \
            and reviews.may_review(self._project, place.claim, self.annotator,
                                   self._verdict_giver(place.claim))

    def verdict_mine(self, place: Appearance | None) -> bool:
        """Whether the verdict of the claim at *place* is this person's own: they made the
        claim, or changed its verdict since (by name, however written)."""
        return place is not None and reviews.same_person(self._verdict_giver(place.claim),
                                                         self.annotator)

    def _verdict_giver(self, claim: Claim) -> str:
        """reviews.verdict_giver, asked once for a claim as it is: selecting a claim asks
        it three times (the editor's buttons, their tooltip, the window's keys), and
        again as words are selected in the reader."""
        key = (claim.id, claim.updated, claim.label, self._data_version)
        if self._giver[0] != key:
            self._giver = (key, reviews.verdict_giver(self._project, claim))
        return self._giver[1]

    def review(self, claim_id: str, decision: str, comment: str = "") -> Review:
        review = reviews.review_claim(self._project, claim_id, decision, comment)
        self._announce(appearances.appearances_of(self._project, claim_id))
        return review

    def add_label(self, key: str, name_en: str, color: str, **extra) -> Label:
        label = labels.add_label(self._project, key, name_en, color, **extra)
        self._reload_labels()
        return label

    def update_label(self, key: str, expect: dict[str, object] | None = None,
                     **changes) -> Label:
        label = labels.update_label(self._project, key, expect=expect, **changes)
        self._reload_labels()
        return label

    def delete_article(self, article_id: str) -> None:
        """The article deleted, its tagged words untagged with it
        (``store.core.article_deletion``); the views read everything again."""
        from store.core import article_deletion

        self._before_everything_changes()
        try:
            article_deletion.delete_article(self._project, article_id)
        finally:  # (refused: the views read again what is there)
            self._everything_changed()

    def restore_article(self, article_id: str) -> TahqiqError | None:
        """A deleted article back, with the words its deletion untagged; the first of
        them that could not be tagged again, if any."""
        from store.core import article_deletion

        self._before_everything_changes()
        try:
            _, refused = article_deletion.restore_article(self._project, article_id)
        finally:
            self._everything_changed()
        return refused

    def deleted_articles(self) -> list[DeletedArticle]:
        """The deleted articles, the latest first (Project ▸ Deleted Articles)."""
        from store.core import article_deletion

        return article_deletion.deleted_articles(self._project)

    def article_brought_back_by(self, article_id: str) -> str | None:
        """Who brought a deleted article back since it was listed; None: it is deleted
        (``article_deletion.brought_back_by``)."""
        from store.core import article_deletion

        return article_deletion.brought_back_by(self._project, article_id)

    def _before_everything_changes(self) -> None:
        if self._showing is not None:  # read again, whole, by the views reloading
            self._showing.stop()
        self.claimsAboutToReset.emit()

    def _everything_changed(self) -> None:
        self.articlesChanged.emit()
        self.claimsReset.emit()

    def update_article(self, article_id: str, **changes: str) -> Article:
        article = articles.update_metadata(self._project, article_id, **changes)
        self.articlesChanged.emit()
        return article

    def import_text(self, text: str, *, repair_pdf: bool | None,
                    source_name: str) -> ImportOutcome:
        """Store pasted text as an article (the caller decided about PDF repair)."""
        from store.exchange import importing

        outcome = importing.import_text(self._project, text, repair_pdf=repair_pdf,
                                        source_name=source_name)
        if outcome.created:
            self.articlesChanged.emit()
        return outcome

    def backup(self, target: str | Path, *, replace: bool = True) -> Path:
        """A consistent copy via SQLite's backup API, even while others write."""
        return self._project.backup(target, replace=replace)

    def copy_for_older(self, target: str | Path, *, replace: bool = False) -> Path:
        """A copy a colleague's older Tahqiq opens (Project.copy_for_older)."""
        return self._project.copy_for_older(target, replace=replace)

    def set_annotator(self, name: str) -> None:
        self._project.annotator = name

    def report(self, error: TahqiqError) -> None:
        self.errorOccurred.emit(error_text(error))

    # -- long work, on any thread ------------------------------------------------------
    def _worker_project(self) -> Project:
        """A connection of the calling thread's own (SQLite connections stay on theirs)."""
        own = Project.open(self._shared_path(), self._project.annotator, create=False)
        own.stays_at_path = True  # (its writes after the file left are nobody's: rv63)
        return own

    def _shared_path(self) -> Path:
        """The project's file, for a worker or a process of its own to open."""
        return self._project.path_for_others()

    def export_file(self, fmt: str, target: str | Path, article_id: str | None,
                    progress: Progress | None = None) -> tuple[Path, list]:
        """The file written, and the claims a ClaimReview export left out, each with why
        (claim id, store.errors.Message)."""
        from store.exchange import exporting

        skipped: exporting.Skipped = []
        with self._worker_project() as own:
            return exporting.export_file(own, fmt, target, article_id, progress,
                                         skipped), skipped

    def merge_file(self, source: str | Path, progress: Progress | None = None
                   ) -> MergeSummary:
        """Merge a colleague's project or a Tahqiq CSV, and index what came in."""
        from store.core import search
        from store.exchange import merge

        with self._worker_project() as own:
            summary = merge.merge_file(own, source, progress)
            search.catch_up(own)  # index the new notes here, not in the first search
            return summary

    def import_files(self, items: list[tuple[LoadedFile, bool]],
                     progress: Progress | None = None) -> list[ImportOutcome | str]:
        """Store files read by ``importing.load_file``, each with its PDF-repair choice;
        a refused file is its message, in the interface language. A *progress* answering
        False stops it between two files: the outcomes of the files stored so far. A
        project that cannot take a file (full, busy: rv260; read-only) stops it at that
        file: its message (full or busy, naming those after it), and an empty message for
        each of those - the command line's rule, in one place (importing.import_each)."""
        from store.exchange import importing

        outcomes: list[ImportOutcome | str] = []
        with self._worker_project() as own:
            each = importing.import_each(
                items, lambda item: item[0].name,
                lambda item: importing.import_loaded(own, item[0], repair_pdf=item[1]))
            try:
                for done, (_item, outcome) in enumerate(each, 1):
                    outcomes.append(error_text(outcome) if isinstance(outcome, TahqiqError)
                                    else outcome)
                    if progress is not None and progress(done, len(items)) is False:
                        break
            except ProjectError as exc:  # (this file's message names the next: import_each)
                outcomes.append(error_text(exc))
                outcomes.extend("" for _rest in items[len(outcomes):])
        return outcomes

    def find_known_claims(self, article_id: str, stop: Callable[[], bool] | None = None
                          ) -> KnownClaimsFound | None:
        """Where claims checked elsewhere appear in the article (store.core.known_claims),
        found by a process of its own (store.core.matcher_process: neither the index's
        memory nor its work stays in the window's); None when ``stop()`` gave it up."""
        from store.core.matcher_process import MatcherProcess

        if self._project.moved_away():  # (the file gone, said once by its own box)
            return None
        path = self._shared_path()
        with self._matcher_lock:
            if self._matcher is None:
                self._matcher = MatcherProcess()
            matcher = self._matcher
        return matcher.find(str(path), self._project.annotator, article_id, stop)

    def end_matcher(self) -> None:
        """End the known-claims matcher's process (the window is closing); a search waiting
        on it ends with it."""
        with self._matcher_lock:
            matcher = self._matcher
        if matcher is not None:
            matcher.close()

    @property
    def matcher_pid(self) -> int | None:
        """The known-claims matcher's process, once a search started it (benchmarks)."""
        return self._matcher.pid if self._matcher is not None else None

    def export_packet(self, article_id: str, fmt: str, target: str | Path) -> Path:
        """The review packet of one article as ``pdf`` or ``html``, headings in the
        interface language."""
        from store.exchange import exporting

        return exporting.export_packet(self._project, article_id, fmt, target, self.language)

    # -- the project file whole ----------------------------------------------------------------
    def fold_log(self) -> bool:
        """Every change so far into the project file itself (Project.checkpoint), so that
        the file alone, copied or attached as it is, holds all the work."""
        written = self._writes()
        if written != self._folded and self._project.checkpoint():
            self._folded = written
        return written == self._folded

    def _fold_log_when_quiet(self) -> None:
        """fold_log once writing has paused for a tick: never between two quick tags."""
        if self._closed:
            return
        written = self._writes()
        if written == self._written:
            self.fold_log()
        self._written = written

    def _check_file(self) -> None:
        """Tell once when the project file is no longer where it was opened: every tag
        went on saying it was done, into a file then deleted (or renamed, with the last
        changes left in a log beside its old name) and lost at close. Put back, it is
        told too. Another file put in its place (a sync client's copy) is kept apart
        from this one's work at once (Project.keep_apart), and told; a file moved or
        renamed (where to, known) is handed over to a session opened there."""
        project = self._project
        if self._closed or self._replaced_told or project.handed_over:
            return
        if project.set_aside or project.replaced():
            self.moved_away = True
            if not project.set_aside:
                self.fileLeaving.emit()
            try:
                copy = project.keep_apart()
            except TahqiqError:  # (a folder made read-only: the person saves a copy)
                copy = ""
            if copy is None:  # another program is reading the log: the next tick
                return
            self._replaced_told = True
            self.fileReplaced.emit(str(copy))
            return
        away = project.moved_away()
        place = project.moved_to() if away else None
        if place is not None:
            if project.leaving is None:
                self.fileLeaving.emit()
            if project.hand_over(place):  # (else work under way here, or another program
                self.moved_away = True  # reading: the next tick; no writes meanwhile)
                self.fileMovedTo.emit(str(place))
            return
        project.leaving = None  # (put back, or deleted: as before)
        if away != self.moved_away:
            self.moved_away = away
            (self.fileMovedAway if away else self.fileBack).emit()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and not self._closed:
            self.fold_log()

    # -- keeping up with other writers -------------------------------------------------------
    def refresh(self) -> bool:
        """Catch up, once, with what another connection committed since we looked: a
        colleague's merge, another window, or our own work in a worker thread."""
        try:
            version = self._project.data_version()
        except Exception:  # closed during shutdown, or the file unreadable for now: the
            return False   # next look (a timer's) tries again, and a write says why
        if version == self._data_version:
            return False
        self._data_version = version
        self._before_everything_changes()
        self._reload_labels()
        self._everything_changed()
        return True

    def _reload_labels(self) -> None:
        """Read the labels again; announce them only if they changed. Another program's
        write (a claim, a note) left them as they were, and the announcement had every
        row of the claims table and every paragraph of the reader in view drawn anew
        for nothing (80 ms and 30 ms with 50,000 claims, under a profiler)."""
        before, self._labels = self._labels, labels.list_labels(self._project)
        if self._labels != before:
            # (a History told with the old names was kept under the colleague's write
            # that renamed one, and named it so until anyone wrote again, rv188)
            self._told, self._told_to = {}, -1
            self.labelsChanged.emit()

    @property
    def closed(self) -> bool:
        """Whether close() was called: work queued before it (a timer) finds nothing."""
        return self._closed

    def close(self) -> str | None:
        """Close the project; what the user must be told, if anything (its changes left
        beside the file: Project.close)."""
        self._closed = True
        self._poll.stop()
        if self._showing is not None:
            self._showing.stop()
        if self._matcher is not None:
            self._matcher.close()
        note = self._project.close()
        return message_text(note) if note is not None else None

