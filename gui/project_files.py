"""Everything the File menu does with files: projects (new, open, recent, back up),
articles in (import, paste, drop), claims out and in (export, review packet, import a
CSV, merge a colleague's project).

Long work runs off the GUI thread through the session's worker methods (gui.tasks);
what it produces is announced by signals, and the window shows it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QRadioButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs, settings
from gui.i18n import error_text, filled, message_text, quoted
from gui.plain_text import plain_action_text, plain_label, plain_tip
from gui.session import Session
from gui.tasks import Progress, Task, run_with_progress
from store.core.paths import PROJECT_SUFFIX, name_beside
from store.errors import Message, TahqiqError
from store.text.display import among_words, isolated, isolated_name

if TYPE_CHECKING:
    from store.exchange.importing import ImportOutcome

# Each format named by what its file holds, never by how much of the project: the scope
# is chosen below the format, and «Whole project as JSON», at the dialog's default
# Current article, wrote one article's claims into the file sent as the archive (rv282).
FORMAT_NAMES = {
    "csv": (QT_TRANSLATE_NOOP("ExportDialog", "CSV for spreadsheets"), "csv"),
    "json": (QT_TRANSLATE_NOOP("ExportDialog", "Tahqiq JSON (every field)"), "json"),
    "w3c": (QT_TRANSLATE_NOOP("ExportDialog", "W3C Web Annotation (JSON-LD)"), "jsonld"),
    "claimreview": (QT_TRANSLATE_NOOP("ExportDialog", "schema.org ClaimReview (JSON-LD)"),
                    "jsonld"),
}

TITLE_SHOWN = 60  # characters of the current article's title Export shows on its one line


class ExportDialog(QDialog):
    """Choose a format and whether to export the current article or the whole project.

    A ClaimReview export the project's settings cannot complete is said here, where the
    format is chosen, with a way to the settings: not as an error once a file is named."""

    def __init__(self, parent: QWidget | None, article_title: str | None, *,
                 publishes_claimreview: Callable[[], bool] = lambda: True,
                 open_settings: Callable[[QWidget], None] | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Claims"))
        self._publishes_claimreview = publishes_claimreview
        self._open_settings = open_settings
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Export format"))
        for key, (name, _ext) in FORMAT_NAMES.items():
            self.format.addItem(self.tr(name), key)
        self.needs_settings = plain_label(self.tr(
            "A ClaimReview needs the organisation that publishes the fact-checks and the "
            "address of each one, in Project Settings."))
        self.needs_settings.setObjectName("claimReviewNeedsSettings")
        self.needs_settings.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Project Settings…"))
        self.settings_button.setObjectName("exportProjectSettings")
        self.settings_button.clicked.connect(self._settings)
        # (the title isolated: an Arabic one's «…» stood beside its first word; shortened,
        # whole in the tooltip: a headline and its sub-head made the dialog 1,280 pixels
        # wide, OK and Cancel off a laptop's screen)
        title = dialogs.shortened(article_title or "", TITLE_SHOWN)
        self.current = QRadioButton(self.tr("Current article: %s")
                                    % isolated(plain_action_text(title)))
        if article_title and title != article_title:
            self.current.setToolTip(plain_tip(article_title))
        self.current.setAccessibleName(self.tr("Export the current article"))
        # The title a screen reader hears, whole whatever its length: the name above
        # replaces the shown text, and only a shortened title had a tooltip to read (rv236).
        self.current.setAccessibleDescription(article_title or "")
        self.whole = QRadioButton(self.tr("Whole project"))
        self.whole.setAccessibleName(self.tr("Export the whole project"))
        self.current.setEnabled(article_title is not None)
        (self.current if article_title is not None else self.whole).setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.needs_settings)
        at_its_size = QHBoxLayout()  # not stretched across the field
        at_its_size.addWidget(self.settings_button)
        at_its_size.addStretch()
        form.addRow("", at_its_size)
        scope = QVBoxLayout()
        scope.addWidget(self.current)
        scope.addWidget(self.whole)
        form.addRow(self.tr("Claims of"), scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._check)
        self._check()

    def choice(self) -> tuple[str, bool]:
        return self.format.currentData(), self.current.isChecked()

    def _check(self) -> None:
        """OK only for a format the project can export; the way to the settings if not."""
        missing = self.format.currentData() == "claimreview" and \
            not self._publishes_claimreview()
        self.needs_settings.setVisible(missing)
        self.settings_button.setVisible(missing and self._open_settings is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        # The layout first, for the note hidden: a band of its height stayed above OK.
        self.layout().activate()
        self.adjustSize()

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings(self)
        self._check()


TITLE_CHARS = 40  # of a title named among several imported, on the status line


class ProjectFiles(QObject):
    articleImported = Signal(str)  # the article to show
    importFinished = Signal()  # an import of files has ended, whatever came of it
    statusMessage = Signal(str)
    openRequested = Signal(str, bool)  # a project file to open in a new window; made anew

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.copy_saved = False  # save_copy saved the project elsewhere
        self.import_report = ""  # what cleaning did to the articles last imported
        self.reported: list[tuple[str, list[str]]] = []  # its titles and changes, as stored
        self._report_button: QWidget | None = None  # on the status bar, that report's

    def _project_filter(self, all_files: bool = False) -> str:
        kinds = self.tr("Tahqiq projects (*%s)") % PROJECT_SUFFIX
        return file_types(kinds + (self.tr(";;All files (*)") if all_files else ""))

    # -- projects ------------------------------------------------------------------------
    def new_project(self, *, like_this: bool = False) -> None:
        """File ▸ New Project; *like_this*: with this project's verdict labels and
        settings (File ▸ New Project Like This One)."""
        title = self.tr("New Project Like This One") if like_this else self.tr("New Project")
        path, _ = QFileDialog.getSaveFileName(self._parent, title, "", self._project_filter())
        if not path:
            return
        typed = path.endswith(PROJECT_SUFFIX)
        path = path if typed else path + PROJECT_SUFFIX
        kept: list[Message] = []  # (the new file, refused, kept: another wrote in it)
        try:
            Session.refuse_folder(path)  # (not asked «Open it?» of a folder: rv276)
            if like_this:  # (a file there: refused)
                self.session.start_project_like_this(path, kept.append)
            elif self._is_open_here(path):
                dialogs.show_info(self._parent, title, self.tr(
                    "%s is the project open now.") % among_words(Path(path).name))
                return
            # A project there is opened only if the user says so: with the suffix added,
            # the dialog asked about the name typed, not this one (rv181), and its
            # «Replace» of one replaced nothing, its work opened as the new project's
            # (rv259). An empty file holds none yet: the dialog asked, one is made in it.
            elif not (typed and Session.holds_no_project_yet(path)) and self._left_alone(
                    path, title, self.tr("%s already exists. Open it?")):
                return
            # Made anew unless it is a project there the user chose to open: that one is
            # opened as Open Project would (its upgrade from an older Tahqiq said on the
            # status bar, not skipped as a new project's: rv276).
            made = not like_this and (Session.holds_no_project_yet(path)
                                      or not Session.is_there(path))
        except TahqiqError as exc:
            # The note that the file stays its second line, as an import's refusals are
            # one a line: dropped, the person took the file for gone (fx108).
            dialogs.show_error(self._parent, "\n".join(map(error_text, [exc, *kept])))
            return
        self.openRequested.emit(path, made)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Open Project"), "",
                                              self._project_filter(all_files=True))
        if path:
            self.openRequested.emit(path, False)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The recent projects by name, with their folder where two share a name (two
        «project.tahqiq» read the same), the whole path in each tooltip."""
        menu.clear()
        menu.setToolTipsVisible(True)
        paths = settings.recent_projects()
        names = Counter(Path(path).name for path in paths)
        for path in paths:
            name = Path(path).name
            shown = among_words(name) if names[name] == 1 else \
                filled(self.tr("%1 — in %2"), among_words(name),
                       isolated(str(Path(path).parent), "\u2066"))  # (a path: left to right)
            action = menu.addAction(plain_action_text(shown))
            action.setToolTip(plain_tip(path))
            action.triggered.connect(lambda _=False, p=path: self.openRequested.emit(p, False))
        menu.setEnabled(True)

    def backup_dialog(self) -> None:
        chosen = self._copy_target(self.tr("Back Up Project"), "backup")
        if chosen is not None:
            target, asked = chosen
            self.backup_project(target, replace=asked)

    def _copy_target(self, title: str, ending: str) -> tuple[str, bool] | None:
        """Where a copy of the project goes, asked beside it under a name the file system
        takes (rv93: a long name's «-backup» was offered, then refused), with the project
        suffix, and whether a file there may be written over: the dialog asks before
        replacing only the very name it returns (rv90: «colleague» typed, the copy went
        over colleague.tahqiq)."""
        path = self.session.path
        # (os.path.isdir: a folder that cannot be reached now is none, not a traceback)
        folder = path.parent if path is not None and os.path.isdir(path.parent) else Path.home()
        offered = name_beside(folder / (path.name if path is not None else
                                        f"project{PROJECT_SUFFIX}"), f"-{ending}")
        target, _ = QFileDialog.getSaveFileName(self._parent, title, str(offered),
                                                self._project_filter())
        if not target:
            return None
        asked = target.endswith(PROJECT_SUFFIX)
        return (target if asked else target + PROJECT_SUFFIX), asked

    def copy_for_older_dialog(self) -> None:
        """A copy for a colleague who has not upgraded: their Tahqiq refuses this one's
        file as newer, though it could read all of it (rv88)."""
        chosen = self._copy_target(self.tr("Save a Copy for an Older Tahqiq"), "for-older")
        if chosen is None:
            return
        target, asked = chosen
        try:
            self.session.copy_for_older(target, replace=asked)
        except TahqiqError as exc:
            dialogs.show_error(self._parent, error_text(exc))
            return
        self.statusMessage.emit(self.tr("Saved %1: Tahqiq versions from 1 December 2026 on "
                                        "can open it").replace("%1", Path(target).name))

    def save_copy(self, *, reopen: bool = True) -> bool:
        """The project saved to a new file, asked where, when its own file left its path
        while open (``Session.fileMovedAway``); *reopen*: the window then goes on with
        the copy. False when nothing was saved."""
        chosen = self._copy_target(self.tr("Save a Copy of the Project"), "recovered")
        if chosen is None:
            return False
        target, asked = chosen
        if not self.backup_project(target, replace=asked):
            return False
        self.copy_saved = True
        if reopen:
            self.openRequested.emit(target, False)
        return True

    def backup_project(self, target: str | Path, *, replace: bool = True) -> bool:
        try:
            self.session.backup(target, replace=replace)
        except TahqiqError as exc:
            dialogs.show_error(self._parent, error_text(exc))
            return False
        self.statusMessage.emit(self.tr("Backed up to %s") % Path(target).name)
        return True

    # -- articles in -----------------------------------------------------------------------
    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Import Article"), "",
            file_types(self.tr("Articles (*.txt *.html *.htm *.xhtml *.docx *.docm *.odt);;"
                               "All files (*)")))
        if paths:
            self.import_paths(paths)

    def dropped(self, paths: list[str]) -> None:
        """Files dropped on the window: a project file, dropped alone, is opened or
        merged as the user chooses (it was refused as «not an article»); other files are
        imported as articles."""
        projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
        if projects != paths or len(projects) > 1:
            if projects:  # (one piece of work at a time: the import runs meanwhile)
                dialogs.show_error(self._parent, self.tr(
                    "A project file is opened or merged on its own: drop «%1» alone.")
                    .replace("%1", Path(projects[0]).name))
            if articles := [p for p in paths if p not in projects]:
                self.import_paths(articles)
            return
        choice = dialogs.choose(
            self._parent, self.tr("Project File"),
            self.tr("«%1» is a Tahqiq project. Open it in place of this one, or merge its "
                    "work (a colleague's copy) into this project?").replace(
                        "%1", Path(projects[0]).name),
            [("open", self.tr("Open")), ("merge", self.tr("Merge"))])
        if choice == "open":
            self.openRequested.emit(projects[0], False)
        elif choice == "merge":
            self.bring_in(projects[0], self.tr("Merging…"))

    def import_paths(self, paths: list[str | Path]) -> Task:
        """Import article files off the GUI thread: read and decode, ask about PDF repair,
        then store - a 10 MB file never freezes the window."""
        from gui import article_dialogs
        from store.exchange import importing

        files = importing.articles_among(paths)
        self._cleaning_report([])  # (the last import's report, as if it were this one's:
        # an import of files already in the project kept it showing, rv240)

        def load(progress: Progress) -> list | None:
            """The files read, or None if Cancel was pressed meanwhile: nothing is stored
            then (what was read went on to be stored, the file being read too, rv128)."""
            loaded = []  # (file, its other plausible reading or None, or a refusal)
            for done, path in enumerate(files, 1):
                try:
                    file = importing.load_file(path)
                    other = importing.load_file(path, file.alternative_encoding) \
                        if file.encoding_ambiguous else None
                    loaded.append((file, other, None))
                except TahqiqError as exc:
                    loaded.append((None, None, error_text(exc)))
                if not progress(done, len(files)):
                    return None
            return loaded

        def loaded_all(loaded: list | None) -> None:
            if loaded is None:
                self.statusMessage.emit(self.tr("Import cancelled: nothing was imported."))
                self.importFinished.emit()
                return
            # each file's refusal, in the files' order: those found on storing join those
            # found on reading in one box (they were two boxes for one import, rv235)
            refusals = [message for _file, _other, message in loaded]
            items, places = [], []  # (what is stored, and its place among the files)
            for number, (file, other, _message) in enumerate(loaded, 1):
                if file is not None and other is not None:
                    file = article_dialogs.ask_encoding(self._parent, file, other,
                                                        (number, len(loaded)))
                if file is None:
                    continue
                repair = False
                if file.pdf_repair_suggested:
                    before, after = importing.preview_pdf_repair(file.text)
                    choice = article_dialogs.ask_pdf_repair(self._parent, before, after)
                    if choice is None:
                        continue
                    repair = choice
                items.append((file, repair))
                places.append(number - 1)
            if items:
                run_with_progress(
                    self._parent, self.tr("Importing…"),
                    lambda progress: self.session.import_files(items, progress),
                    lambda outcomes: stored(outcomes, len(items), refusals, places),
                    lambda message: failed("\n".join(
                        [*(m for m in refusals if m), message])))
            else:  # (every file refused or declined: the last import's «Imported» stayed)
                if any(refusals):
                    dialogs.show_error(self._parent, "\n".join(m for m in refusals if m))
                self.statusMessage.emit(self.tr("Nothing was imported."))
                self.importFinished.emit()

        def stored(outcomes: list, wanted: int, refusals: list, places: list) -> None:
            self.session.refresh()
            for outcome, place in zip(outcomes, places, strict=False):  # (fewer on Cancel)
                if isinstance(outcome, str):
                    refusals[place] = outcome
            errors = [message for message in refusals if message]
            done = [o for o in outcomes if not isinstance(o, str)]
            if len(done) == 1:
                self._imported(done[0])
            elif done:
                self._imported_many(done)
            elif len(outcomes) == wanted:  # every file refused as it was stored
                self.statusMessage.emit(self.tr("Nothing was imported."))
            if len(outcomes) < wanted:  # Cancel pressed between two files: those stored stay
                self.statusMessage.emit(filled(
                    self.tr("Import cancelled: %1 of %2 files imported."), len(done), wanted))
            if errors:
                dialogs.show_error(self._parent, "\n".join(errors))
            self.importFinished.emit()

        def failed(message: str) -> None:
            self._failed(message)
            self.importFinished.emit()

        return run_with_progress(self._parent, self.tr("Reading…"), load, loaded_all, failed)

    def paste_as_article(self, text: str | None = None) -> str | None:
        """Edit ▸ Paste as New Article, offering to repair Arabic copied out of a PDF."""
        from gui import article_dialogs
        from store.text import pdf_text

        if text is None:
            data = QApplication.clipboard().mimeData()
            files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()] \
                if data is not None else []
            if files:  # copied in a file manager: the files, as if dropped (their paths
                self.dropped(files)  # made an article of one line)
                return None
            text = _clipboard_text(data)
        if not text.strip():
            self.statusMessage.emit(self.tr("The clipboard holds no text."))
            return None
        repair: bool | None = None
        if pdf_text.needs_repair(text):
            repair = article_dialogs.ask_pdf_repair(self._parent, text,
                                                    pdf_text.repair_pdf_text(text))
            if repair is None:
                return None
        self._cleaning_report([])
        try:
            outcome = self.session.import_text(text, repair_pdf=repair, source_name="clipboard")
        except TahqiqError as exc:
            dialogs.show_error(self._parent, error_text(exc))
            return None
        self._imported(outcome)
        return outcome.article_id

    def _imported(self, outcome: ImportOutcome) -> None:
        """Show a freshly imported article and say what was cleaned on the way in."""
        if not outcome.created:  # nothing came in: nothing was cleaned either
            self.articleImported.emit(outcome.article_id)
            self.statusMessage.emit(self.tr("«%s» is already in this project.") % outcome.title)
            return
        message = (self.tr("Imported «%s» (%s).") % (outcome.title, outcome.encoding)
                   if outcome.encoding else  # (pasted: no file, no encoding)
                   self.tr("Imported «%s».") % outcome.title)
        self.articleImported.emit(outcome.article_id)
        self.statusMessage.emit(" ".join([message, *self._cleaning_report([outcome])]))
        self._tell_lam_alef([outcome])

    def _some_titles(self, titles: list[str], shown: int = 3) -> str:
        """The first *shown* titles in «», each cut at TITLE_CHARS, then an ellipsis for
        the rest, apart by the interface's comma (a Latin «,» between Arabic titles: rv94):
        two scraped titles whole filled a 1,280-px window's status line (rv238)."""
        comma = self.tr(", ")
        cut = [t if len(t) <= TITLE_CHARS else t[:TITLE_CHARS - 1].rstrip() + "…"
               for t in titles[:shown]]
        return comma.join([*map(quoted, cut), *(["…"] if len(titles) > shown else [])])

    def _imported_many(self, outcomes: list[ImportOutcome]) -> None:
        """Several files imported at once: show the last, and say what came of each (the
        status bar named the last file alone, as if the others had not come in). The
        counts come first, the titles only if all fit: four files, a document among them,
        said 1,850 px for a 1,280-px window's 1,060, lost what was left out, and ended
        the titles «…, ….» (rv252)."""
        created = [o.title for o in outcomes if o.created]
        already = [o.title for o in outcomes if not o.created]
        cleaned = self._cleaning_report(outcomes)
        for named in (max(len(created), len(already)) <= 3, False):
            said = [self.tr("Imported %n article(s): %1.", "", len(created)).replace(
                        "%1", self._some_titles(created)) if named else
                    self.tr("Imported %n article(s).", "", len(created))] if created else []
            if already:
                said.append(self.tr("%n already in this project: %1.", "", len(already)
                                    ).replace("%1", self._some_titles(already)) if named else
                            self.tr("%n already in this project.", "", len(already)))
            line = " ".join([*said, *cleaned])
            if named and self._status_room() >= \
                    self._parent.statusBar().fontMetrics().horizontalAdvance(line):
                break
        self.articleImported.emit(outcomes[-1].article_id)
        self.statusMessage.emit(line)
        self._tell_lam_alef(outcomes)

    def _status_room(self) -> int:
        """The pixels the status bar leaves its message beside its permanent widgets:
        past them, Qt cuts the line without a sign."""
        bar = self._parent.statusBar()  # type: ignore[attr-defined]
        return bar.width() - bar.fontMetrics().horizontalAdvance("MM") - sum(
            w.sizeHint().width() + 6 for w in bar.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not w.isHidden())

    def _cleaning_report(self, outcomes: list[ImportOutcome]) -> list[str]:
        """What cleaning changed or left out of each article, kept whole in the status
        bar's Import Report (its tooltip, and a box at a click) until the next import; the
        status line only counts it, after the titles: the report of two scraped files
        (1,800 px) ran past a 1,280-px window's edge, and went with the line (rv238). What
        of a document was not imported is said on it first, and then the rest counted:
        counted, it was seen by no one who did not open the report (rv120, rv240); of
        several files, how many documents had parts left out, which in the report (rv252)."""
        from store.exchange.importing import DOCUMENT_LEFT_OUT

        self._report([(o.title, o.changes) for o in outcomes if o.created and o.changes])
        left_out = sum(1 for o in outcomes if o.created and DOCUMENT_LEFT_OUT in o.changes)
        rest = sum(len(o.changes) for o in outcomes if o.created) - left_out
        if len(outcomes) > 1 and left_out:  # (which, and what of each, in the report)
            return [self.tr("%n document(s) had parts left out; %1 — see Import Report.",
                            "", left_out).replace("%1", self.tr("%n other change(s)", "",
                                                                rest))
                    if rest else
                    self.tr("%n document(s) had parts left out — see Import Report.", "",
                            left_out)]
        said = []
        if left_out:
            sentence = message_text(DOCUMENT_LEFT_OUT)
            said.append(f"{sentence[:1].upper()}{sentence[1:]}.")
        if rest:
            said.append(self.tr("On the way in: %n change(s), in the Import Report.", "",
                                rest))
        return said

    def take_report_of(self, other: ProjectFiles) -> None:
        """The Import Report *other* shows (the window this one replaces in another
        language), made again in this window's language from what the import did: it
        was lost with the window (rv259)."""
        self._report(other.reported)

    def _report(self, reported: list[tuple[str, list[str]]]) -> None:
        """The Import Report of *reported*, each article's title and what cleaning did
        to it (as the store said it, untranslated), on the status bar's button."""
        self.reported = reported
        lines = []
        for title, changes in reported:
            cleaned = self.tr("; ").join(message_text(c) for c in changes)
            lines.append(f"{quoted(title)}: {cleaned[:1].upper()}{cleaned[1:]}.")
        self.import_report = "\n".join(lines)
        button = self._report_button
        if button is None and lines:
            button = self._report_button = QToolButton()
            button.setObjectName("importReport")
            button.setText(self.tr("Import Report"))  # framed, with an icon and the hand:
            button.setIcon(button.style().standardIcon(  # flat, it read as a label (rv252)
                QStyle.StandardPixmap.SP_FileDialogDetailedView))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(self.tr("Import Report"))
            button.setAccessibleDescription(self.tr("What importing changed or left out"))
            button.clicked.connect(lambda: dialogs.show_info(
                self._parent, self.tr("Import Report"), self.import_report))
            self._parent.statusBar().insertPermanentWidget(0, button)  # type: ignore[attr-defined]
        if button is not None:
            button.setToolTip(plain_tip(self.import_report))
            button.setVisible(bool(lines))

    def _tell_lam_alef(self, outcomes: list[ImportOutcome]) -> None:
        """Say in a box, not among what cleaning did in the status bar, which articles came
        out of a PDF that wrote «لا» as «ال»: stored so, they were found by no search and
        nothing said so (rv192)."""
        told = [o for o in outcomes if o.created and o.lam_alef_note]
        if not told:
            return
        lines = []
        for outcome in told:
            said = message_text(outcome.lam_alef_note)
            said = said[:1].upper() + said[1:] + "."  # (a sentence of its own)
            lines.append(f"{quoted(outcome.title)}: {said}" if len(outcomes) > 1 else said)
        dialogs.show_info(self._parent, self.tr("Words Search Will Miss"), "\n".join(lines))

    # -- claims out and in -------------------------------------------------------------------
    def export_dialog(self, article_id: str | None) -> None:
        title = self.session.article(article_id).title if article_id else None
        dialog = ExportDialog(
            self._parent, title,
            publishes_claimreview=lambda: self.session.project_settings().publishes_claimreview,
            open_settings=self._project_settings)
        if dialogs.run(dialog) != QDialog.DialogCode.Accepted:
            return
        fmt, current_only = dialog.choice()
        name, extension = FORMAT_NAMES[fmt]
        target, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export Claims"), f"claims.{extension}",
            file_types(f"{QCoreApplication.translate('ExportDialog', name)} (*.{extension})"))
        if target and (target := self._with_extension(target, extension,
                                                      self.tr("Export Claims"))):
            self.export(fmt, target, article_id if current_only else None)

    def _with_extension(self, target: str, extension: str, title: str) -> str | None:
        """*target* as chosen, a name typed without an extension given *extension*; None
        when that names a file the user would rather not replace (the save dialog asked
        about the name typed, not this one)."""
        if Path(target).suffix:
            return target
        target += f".{extension}"
        if self._left_alone(target, title, self.tr("%s already exists. Replace it?")):
            return None
        return target

    def _left_alone(self, target: str, title: str, question: str) -> bool:
        """Whether *target*, a name the save dialog did not ask about (or a project it
        offered to replace), is a file there the user says to leave alone, asked with
        *question* (its %s the name)."""
        return Path(target).exists() and not dialogs.confirm(
            self._parent, title, question % among_words(Path(target).name))

    def _is_open_here(self, path: str) -> bool:
        """Whether *path* is this window's project file (or where it was moved to)."""
        here = self.session.path
        return here is not None and Path(path).resolve() in (here.resolve(),
                                                             self.session.handed_over)

    def _project_settings(self, parent: QWidget) -> None:
        from gui.settings_dialogs import ProjectSettingsDialog

        dialogs.run(ProjectSettingsDialog(self.session, parent))  # saves on OK

    def export(self, fmt: str, target: str | Path, article_id: str | None) -> Task:
        def finished(result: tuple[Path, list]) -> None:
            path, skipped = result
            done = self.tr("Exported to %s") % among_words(path.name)
            self.statusMessage.emit(done)
            if skipped:  # which claims ClaimReview did not publish, and why
                dialogs.show_info(self._parent, done, self._left_out_text(skipped))

        return run_with_progress(
            self._parent, self.tr("Exporting…"),
            lambda progress: self.session.export_file(fmt, target, article_id, progress),
            finished, self._failed)

    SHOWN_LEFT_OUT = 3  # claims named under each reason the export box gives

    def _left_out_text(self, skipped: list[tuple[str, Message]]) -> str:
        """What the ClaimReview export left out, in the words a checker sees: each reason
        once, with how many claims it kept out and a few lines of its claims, each its
        words and whose claim it is (and, for words published as another claim, whose
        that claim is, and its words if not the same). Each such claim had a line of its
        own, naming by its id, shown nowhere in the window, the claim publishing its
        words, and «this one» by nothing (rv284); then by their words alone, and three
        colleagues' claims on the same words read as two identical lines, not telling
        whose note and sources to copy into whose (rv285): claims alike in all a line
        says share it («أقوى معاهدة»: omar's and lina's, published as sara's). The
        command line names each by id."""
        groups: dict[str, dict[tuple[str, str, str], list[str]]] = {}
        counts: Counter[str] = Counter()
        for _, reason in skipped:
            kind = getattr(reason, "kind", "")
            if kind == "published":
                said = self.tr("their words are published as another claim with the "
                               "same verdict, with that claim's own note and sources: "
                               "copy theirs into it to publish them")
                line = (getattr(reason, "quote", ""), getattr(reason, "published_quote", ""),
                        getattr(reason, "published_annotator", ""))
            else:
                said = message_text(self._verdict_named(reason))
                line = (getattr(reason, "quote", ""), "", "")
            counts[said] += 1
            if kind:  # (a reason of no kind names no claim)
                groups.setdefault(said, {}).setdefault(line, []).append(
                    getattr(reason, "annotator", ""))
        lines = [self.tr("%n claim(s) left out of ClaimReview:", "", len(skipped))]
        for said, count in sorted(counts.items(), key=lambda group: -group[1]):
            lines.append(f"  {said}: {count}")
            named = list(groups.get(said, {}).items())[:self.SHOWN_LEFT_OUT]
            lines += [f"    {self._left_out_line(*line, names)}" for line, names in named]
            if rest := count - sum(len(names) for _, names in named):
                lines.append("    " + self.tr("and %n more", "", rest))
        return "\n".join(lines)

    def _left_out_line(self, quote: str, published_quote: str, published_by: str,
                       annotators: list[str]) -> str:
        """The line of the left-out box for the claims of *annotators* on the words
        *quote* (for words published as another claim, its words *published_quote* and
        its annotator *published_by*): the words once, and whose claims they are."""
        words = quoted(dialogs.shortened(quote))
        whose = self._whose(annotators)
        if not published_by and not published_quote:
            return filled(self.tr("%1: %2"), words, whose)
        theirs = self._whose([published_by])
        if published_quote == quote:
            return filled(self.tr("%1: %2, published as %3"), words, whose, theirs)
        return filled(self.tr("%1: %2, published as %3 %4"), words, whose, theirs,
                      quoted(dialogs.shortened(published_quote)))

    def _whose(self, annotators: list[str]) -> str:
        """«omar's», «omar's and lina's», «omar's, lina's and huda's»: the claims of
        *annotators* (each named once, in their order), as the left-out box says them."""
        names = [filled(self.tr("%1's", "whose claim"), isolated_name(name))
                 for name in dict.fromkeys(annotators)]
        said = names[-1]
        if len(names) > 1:
            said = filled(self.tr("%1 and %2"), names[-2], said)
            for name in reversed(names[:-2]):
                said = filled(self.tr("%1, %2"), name, said)
        return said

    def _verdict_named(self, reason: Message) -> Message:
        """*reason* with the verdict it names by its name in the interface's language, not
        its key: «لا حكم بعد (unchecked)» in the Arabic interface."""
        if "label" not in reason.params:
            return reason
        return Message(reason.template, **{
            **reason.params, "label": self.session.label_name(str(reason.params["label"]))})

    def packet_dialog(self, article_id: str | None) -> None:
        """File ▸ Export Review Packet: the current article as PDF or HTML."""
        if not article_id:
            return
        title = self.tr("Export Review Packet")
        target, chosen = QFileDialog.getSaveFileName(
            self._parent, title, "review-packet.pdf",
            file_types(self.tr("PDF (*.pdf);;HTML (*.html)")))
        if not target:
            return
        # The name's own extension says the format (HTML went into «review-packet.pdf»
        # when the HTML file type was chosen); a name without one takes the type's.
        suffix = Path(target).suffix.lower()
        fmt = "html" if suffix in (".html", ".htm") or (
            suffix != ".pdf" and "HTML" in chosen) else "pdf"
        if target := self._with_extension(target, fmt, title):
            self.export_packet(article_id, fmt, target)

    def export_packet(self, article_id: str, fmt: str, target: str | Path) -> bool:
        """Written here, with a busy cursor: a second or two for most articles, but a PDF
        of 10,000 claims took 50 s with no sign of work (rv89)."""
        try:
            with dialogs.busy():
                self.session.export_packet(article_id, fmt, target)
        except (OSError, TahqiqError) as exc:
            dialogs.show_error(self._parent, error_text(exc))
            return False
        self.statusMessage.emit(self.tr("Review packet saved to %s") % Path(target).name)
        return True

    def merge_dialog(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Merge Colleague's Project"), "",
            self._project_filter() + file_types(self.tr(";;Tahqiq CSV (*.csv);;All files (*)")))
        if source:
            self.bring_in(source, self.tr("Merging…"))

    def import_claims_dialog(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import Claims"), "",
            file_types(self.tr("Tahqiq CSV (*.csv *.tsv *.txt);;All files (*)")))
        if source:
            self.bring_in(source, self.tr("Importing claims…"), self.tr("Imported claims from %s"))

    def bring_in(self, source: str | Path, label: str, title: str = "") -> Task:
        """Merge a colleague's project or import a Tahqiq CSV, then show what came in
        under *title* (with %s for the file's name; "Merged %s" unless given)."""

        def finished(summary) -> None:
            self.session.refresh()
            dialogs.show_info(self._parent, (title or self.tr("Merged %s")) % Path(source).name,
                              "\n".join(message_text(line) for line in summary.lines()))

        return run_with_progress(self._parent, label,
                                 lambda progress: self.session.merge_file(source, progress),
                                 finished, self._failed)

    def _failed(self, message: str) -> None:
        dialogs.show_error(self._parent, message)


def _clipboard_text(data: QMimeData | None) -> str:
    """The text a paste brings: the plain text, else what the rich text (a page copied
    by a program that gives HTML alone) reads as (it was «The clipboard holds no text»)."""
    if data is None:
        return ""
    if data.hasText():
        return data.text()
    return QTextDocumentFragment.fromHtml(data.html()).toPlainText() if data.hasHtml() else ""


def file_types(filters: str) -> str:
    """A file dialog's *filters* («name (patterns);;…») as a right-to-left interface
    shows them: the patterns after a left-to-right mark, which sets their brackets
    left to right. After an Arabic name they took its direction and read reversed,
    «(tahqiq.*)». (The mark goes before the bracket: Qt reads the patterns between the
    last brackets of each filter, and the name before them may hold anything.)"""
    if not QApplication.isRightToLeft():
        return filters
    return ";;".join(f"{name}\u200e({patterns}" if bracket else patterns
                     for name, bracket, patterns in (
                         part.rpartition("(") for part in filters.split(";;")))
