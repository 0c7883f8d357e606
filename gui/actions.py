"""Every command of the main window as a QAction, and the menus and toolbar that show them.

One place says what the window can do, under which name (object names are what tests
and accessibility tools find), keys and tips. What an action does is connected by the
module that owns the behaviour; the window wires them together.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QToolBar,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from gui.icons import tag_icon
from gui.plain_text import plain_action_text, plain_tip, shown_action_text
from store.core.labels import WINDOW_KEYS, layout_twins
from store.core.records import Label


class Actions(QObject):
    tagRequested = Signal(str)  # a verdict's key

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack):
        super().__init__(window)
        self._window = window
        self._undo_stack = undo_stack
        K = QKeySequence.StandardKey
        tr = self.tr
        # File
        self.new_project = self._make("new_project", tr("&New Project…"), K.New)
        self.new_project_like = self._make(
            "new_project_like", tr("New Project &Like This One…"),
            tip=tr("Start a new project file with this project's verdict labels and "
                   "settings, none of its articles or claims"))
        self.open_project = self._make("open_project", tr("&Open Project…"), K.Open)
        self.import_article = self._make(
            "import_article", tr("&Import Article…"), "Ctrl+I",
            tr("Add a text file or saved web page as an article"))
        self.import_claims = self._make("import_claims", tr("Import &Claims (CSV)…"))
        self.merge_project = self._make("merge_project", tr("&Merge Colleague's Project…"),
                                        "Ctrl+M")
        self.export = self._make("export", tr("&Export…"), "Ctrl+E",
                                 tr("Export claims as CSV, JSON, W3C or ClaimReview"))
        self.export_packet = self._make(
            "export_packet", tr("Export Review &Packet…"), "Ctrl+Shift+E",
            tr("The article with its numbered claims, as PDF or HTML"))
        self.backup_project = self._make("backup_project", tr("&Back Up Project…"),
                                         tip=tr("Save a complete copy of this project file"))
        self.copy_for_older = self._make(
            "copy_for_older", tr("&Save a Copy for an Older Tahqiq…"),
            tip=tr("A copy a colleague's Tahqiq from before this version opens and merges"))
        self.close_window = self._make("close_window", tr("Close &Window"), "Ctrl+W")
        self.close_window.setShortcuts(QKeySequence.keyBindings(K.Close) or [
            QKeySequence("Ctrl+W")])  # (Ctrl+W and Ctrl+F4 where the desktop has both)
        self.quit = self._make("quit", tr("&Quit"), K.Quit)
        # Edit
        # (not the stack's own actions: Undo saves a note still being typed first)
        self.undo = self._make("undo", tr("&Undo"), K.Undo)
        self.redo = self._make("redo", tr("&Redo"))
        for action, step, can in (
                (self.undo, undo_stack.take_back, undo_stack.canUndoChanged),
                (self.redo, undo_stack.redo, undo_stack.canRedoChanged)):
            action.setEnabled(False)
            action.triggered.connect(step)
            can.connect(lambda able, action=action: isValid(action) and action.setEnabled(able))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # The step's text as it is: Qt puts it in the item as a menu text, where the «&»
        # of a verdict or a title («Tag as R&D Checked») marked a key.
        for action, prefix, changed in ((self.undo, tr("&Undo"), undo_stack.undoTextChanged),
                                        (self.redo, tr("&Redo"), undo_stack.redoTextChanged)):
            changed.connect(lambda step, action=action, prefix=prefix: isValid(action) and
                            action.setText(f"{prefix} {plain_action_text(step)}" if step
                                           else prefix))  # (the stack can outlive it)
        self.delete_claim = self._make("delete_claim", tr("&Delete Claim"), K.Delete)
        self.copy_claim = self._make(
            "copy_claim", tr("&Copy Claim"),
            tip=tr("The claim's words, verdict, note and sources, as text to paste"))
        # Ctrl+C copies the claim where the list of claims has the focus (in the reader
        # it copies the words selected, as ever)
        self.copy_claim.setShortcut(QKeySequence(K.Copy))
        self.copy_claim.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.deleted_claims = self._make(
            "deleted_claims", tr("Deleted C&laims…"),
            tip=tr("Words untagged and claims deleted in this article, yours or a "
                   "colleague's: restore them"))
        self.edit_note = self._make("edit_note", tr("Edit &Note"), WINDOW_KEYS["edit_note"],
                                    tr("Write the selected claim's note"))
        self.find_in_article = self._make("find_in_article", tr("&Find in Article…"), K.Find)
        self.find_next = self._make("find_next", tr("Find Ne&xt"), K.FindNext)
        self.find_previous = self._make("find_previous", tr("Find Pre&vious"), K.FindPrevious)
        self.search_project = self._make("search_project", tr("&Search Project…"),
                                         "Ctrl+Shift+F")
        self.paste_article = self._make("paste_article", tr("Paste as New &Article"),
                                        "Ctrl+Shift+V")
        self.preferences = self._make("preferences", tr("&Preferences…"), K.Preferences)
        if self.preferences.shortcut().isEmpty():
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        # View
        self.next_claim = self._make("next_claim", tr("&Next Claim"), "Ctrl+Down")
        self.previous_claim = self._make("previous_claim", tr("&Previous Claim"), "Ctrl+Up")
        self.zoom_in = self._make("zoom_in", tr("Zoom &In"), K.ZoomIn)
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = self._make("zoom_out", tr("Zoom &Out"), K.ZoomOut)
        self.zoom_reset = self._make("zoom_reset", tr("&Actual Size"), "Ctrl+0")
        self.full_screen = self._make("full_screen", tr("F&ull Screen"), K.FullScreen)
        if self.full_screen.shortcut().isEmpty():
            self.full_screen.setShortcut(QKeySequence("F11"))
        self.full_screen.setCheckable(True)
        # Project
        self.article_properties = self._make("article_properties",
                                             tr("Article &Properties…"), "Alt+Return")
        self.delete_article = self._make(
            "delete_article", tr("&Delete Article…"),
            tip=tr("Delete the article shown (imported by mistake, say), untagging its "
                   "words with it; Undo brings both back"))
        self.deleted_articles = self._make(
            "deleted_articles", tr("Deleted &Articles…"),
            tip=tr("Articles deleted in this project, yours or a colleague's: restore "
                   "them with their tagged words"))
        self.edit_labels = self._make("edit_labels", tr("&Labels…"))
        # (named outside the labels' «tag_<key>» names: as «tag_all_occurrences», a
        # label keyed «all_occurrences» made a second action of its name, rv288)
        self.tag_all = self._make(
            "all_occurrences", tr("Tag &All Occurrences"), "Ctrl+Shift+A",
            tr("Tag every place these words appear in the article as one claim"))
        self.move_words = self._make(
            "move_claim_words", tr("&Move Claim to Selected Words"), "Ctrl+Shift+M",
            tr("The chosen claim holds the words selected instead (a word short, or one "
               "too many): its verdict, note, sources and review stay with it"))
        self.accept_suggestion = self._make(
            "accept_suggestion", tr("Accept &Known Claim"), WINDOW_KEYS["accept_suggestion"],
            tr("The selected known claim appears here: make these words one of its places"))
        self.dismiss_suggestion = self._make(
            "dismiss_suggestion", tr("&Dismiss Known Claim"), WINDOW_KEYS["dismiss_suggestion"],
            tr("Never suggest the selected known claim for these words again"))
        self.project_settings = self._make("project_settings", tr("Project &Settings…"))
        # Review
        self.review_accept = self._make("review_accept", tr("&Accept Claim"),
                                        WINDOW_KEYS["review_accept"],
                                        tr("Accept the selected claim's verdict"))
        self.review_reject = self._make("review_reject", tr("&Reject Claim"),
                                        WINDOW_KEYS["review_reject"],
                                        tr("Reject the selected claim's verdict"))
        self.show_agreement = self._make("show_agreement", tr("A&greement…"))
        self.show_summary = self._make("show_summary", tr("&Summary…"))
        # Help
        self.keyboard_shortcuts = self._make("keyboard_shortcuts", tr("&Keyboard Shortcuts"),
                                             "F1")
        self.getting_started = self._make(
            "getting_started", tr("&Getting Started"),
            tip=tr("The day's work in seven steps, with their keys"))
        self.about = self._make("about", tr("&About Tahqiq"))
        # What the status bar says of the others, as a menu item is pointed at
        for action, tip in (
                (self.new_project, tr("Start a new project file: its own articles, claims and "
                                      "colleagues' work")),
                (self.open_project, tr("Open another project file (this window closes)")),
                (self.import_claims, tr("Bring in the claims of a Tahqiq CSV, edited in a "
                                        "spreadsheet or sent by a colleague")),
                (self.merge_project, tr("Bring a colleague's copy of the project in: their "
                                        "articles, claims, reviews and history")),
                (self.find_in_article, tr("Find words in the article shown, harakat and hamza "
                                          "forms ignored")),
                (self.search_project, tr("Search every article, quote and note of the project")),
                (self.paste_article, tr("Add the text on the clipboard as a new article")),
                (self.preferences, tr("Your name on your claims, and the interface language")),
                (self.article_properties, tr("The article's title, outlet, address, date and "
                                             "language")),
                (self.edit_labels, tr("The project's verdicts: their names, colours, keys and "
                                      "ratings")),
                (self.project_settings, tr("Who publishes this project's fact-checks, and where "
                                           "(for ClaimReview)")),
                (self.show_agreement, tr("How often two annotators gave the same verdict to the "
                                         "same words")),
                (self.show_summary, tr("The project in figures: claims by verdict and by "
                                       "annotator, reviews, articles with no claim yet")),
                (self.close_window, tr("Close this project's window (your work is already saved)")),
                (self.find_next, tr("The next match of the words being found")),
                (self.find_previous, tr("The previous match of the words being found")),
                (self.zoom_reset, tr("The article's text at its reading size again")),
                (self.full_screen, tr("Show the window full screen, or leave full screen")),
                (self.quit, tr("Close every Tahqiq window (your work is already saved)")),
                (self.undo, tr("Undo the last change (the menu item names it)")),
                (self.redo, tr("Redo the change just undone")),
                (self.delete_claim, tr("Untag the selected claim's words; Deleted Claims "
                                       "brings them back")),
                (self.next_claim, tr("Select the claim after this one in the article")),
                (self.previous_claim, tr("Select the claim before this one in the article")),
                (self.zoom_in, tr("The article's text larger (Ctrl and the mouse wheel too)")),
                (self.zoom_out, tr("The article's text smaller (Ctrl and the mouse wheel too)")),
                (self.keyboard_shortcuts, tr("Every key of this window, in one list")),
                (self.about, tr("Which Tahqiq this is, and on which Qt: what a bug report "
                                "needs")),
        ):
            action.setStatusTip(tip)
            action.setToolTip(tip)
        # Tag: one action per verdict, made by set_labels
        self.tags: dict[str, QAction] = {}

        self.toolbar = QToolBar(tr("Verdicts"))
        self.toolbar.setObjectName("verdictToolbar")
        self.toolbar.setAccessibleName(tr("Verdict toolbar"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Undo and Redo first, the verdicts after them: after a dozen verdicts, Undo and
        # Redo went into the toolbar's overflow menu (rv91).
        for name, button in (
                ("undoButton", SteadyAction(tr("Undo"), undo_stack.take_back,
                                            undo_stack.canUndoChanged,
                                            undo_stack.undoTextChanged, window,
                                            getattr(undo_stack, "next_undo", None))),
                ("redoButton", SteadyAction(tr("Redo"), undo_stack.redo,
                                            undo_stack.canRedoChanged,
                                            undo_stack.redoTextChanged, window))):
            button.setObjectName(name)
            self.toolbar.addAction(button)
            button.keep_steady_on(self.toolbar)
        self.toolbar.addSeparator()
        # (Both the window's: a menu of no parent outlived a closed window, and kept it
        # alive through the connections its signals hold.)
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.tag_menu = QMenu(tr("&Tag"), window)

    def _make(self, name: str, text: str, shortcut: QKeySequence | str | None = None,
              tip: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            # (and the same physical key with an Arabic or Persian layout active)
            keys = [QKeySequence(key) for key in (shortcut, *layout_twins(str(shortcut)))]
            action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self._window.addAction(action)  # its keys work wherever the focus is
        return action

    def say_why_when_off(self, action: QAction, why: Callable[[], None]) -> None:
        """Keys of their own for *action*'s keys, on exactly while it is off (one key, one
        enabled shortcut: never ambiguous), calling *why*: a window's shortcut that is off
        lets its key fall through to the focused widget, and the claims table's search
        chose a claim starting with that letter, where the next verdict key landed."""
        shortcuts = []
        for keys in action.shortcuts():
            shortcut = QShortcut(keys, self._window)
            shortcut.setEnabled(not action.isEnabled())
            shortcut.activated.connect(why)
            shortcuts.append(shortcut)
        action.enabledChanged.connect(
            lambda enabled: [shortcut.setEnabled(not enabled) for shortcut in shortcuts])

    def _name_undo(self) -> None:
        """The Edit menu opening: Undo named for the step it takes back now, a note being
        typed (saved first, then taken back) before the stack's last step."""
        stack = self._undo_stack
        step = getattr(stack, "next_undo", stack.undoText)()  # (gui.commands.UndoStack)
        prefix = self.tr("&Undo")
        self.undo.setText(f"{prefix} {plain_action_text(step)}" if step else prefix)
        self.undo.setEnabled(bool(step))

    # -- menus ----------------------------------------------------------------------------
    def install(self, bar: QMenuBar, view_docks: list[QDockWidget],
                review_docks: list[QDockWidget]) -> None:
        """Fill the menu bar and add the toolbar to the window."""
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_project, self.new_project_like, self.open_project])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_article, self.import_claims, self.merge_project])
        file_menu.addSeparator()
        file_menu.addActions([self.export, self.export_packet, self.backup_project,
                                   self.copy_for_older])
        file_menu.addSeparator()
        file_menu.addActions([self.close_window, self.quit])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.aboutToShow.connect(self._name_undo)
        edit_menu.addSeparator()
        edit_menu.addActions([self.copy_claim, self.delete_claim, self.deleted_claims,
                              self.edit_note])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_in_article, self.find_next, self.find_previous,
                              self.search_project, self.paste_article])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)
        bar.addMenu(self.tag_menu)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.next_claim, self.previous_claim])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view_menu.addAction(self.full_screen)
        view_menu.addSeparator()
        view_menu.addActions([dock.toggleViewAction() for dock in view_docks])
        project_menu = bar.addMenu(self.tr("&Project"))
        project_menu.addActions([self.article_properties, self.delete_article,
                                  self.deleted_articles])
        project_menu.addSeparator()
        project_menu.addActions([self.edit_labels, self.project_settings])
        review_menu = bar.addMenu(self.tr("&Review"))
        review_menu.addActions([self.review_accept, self.review_reject])
        review_menu.addSeparator()
        review_menu.addActions([self.show_agreement, self.show_summary])
        review_menu.addSeparator()
        review_menu.addActions([dock.toggleViewAction() for dock in review_docks])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.getting_started, self.keyboard_shortcuts])
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        for menu, docks in ((view_menu, view_docks), (review_menu, review_docks)):
            _give_mnemonics(menu, [dock.toggleViewAction() for dock in docks])
            for dock in docks:
                dock.toggleViewAction().setStatusTip(
                    self.tr("Show or hide the panel «%1»").replace("%1", dock.windowTitle()))
            for dock in docks:  # a panel opened from the menu takes the focus
                dock.toggleViewAction().triggered.connect(
                    lambda shown, dock=dock: shown and QTimer.singleShot(
                        0, dock, lambda: _focus_panel(dock)))
        if self._window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            for menu in (file_menu, edit_menu, view_menu, project_menu, review_menu):
                for action in menu.actions():
                    _keys_left_to_right(action)

    def set_labels(self, labels: list[Label], language: str) -> None:
        """One ``tag_<key>`` action per verdict, in the toolbar and the Tag menu."""
        for action in self.tags.values():
            self._window.removeAction(action)
            self.toolbar.removeAction(action)
            action.deleteLater()
        self.tags.clear()
        for label in labels:
            name = " ".join(label.name(language).split())  # (a tab split the menu's row)
            action = self._make(f"tag_{label.key}", plain_action_text(name),
                                label.shortcut or None,
                                self.tr("Tag the selection, or the selected claim, as %s")
                                % name)
            action.setToolTip(plain_tip(action.toolTip()))
            action.setIcon(tag_icon(label.color, label.shortcut or ""))
            action.triggered.connect(lambda _=False, key=label.key: self.tagRequested.emit(key))
            self.tags[label.key] = action
        self.toolbar.addActions(list(self.tags.values()))
        self.tag_menu.clear()
        self.tag_menu.addActions(list(self.tags.values()))
        self.tag_menu.addSeparator()
        self.tag_menu.addActions([self.tag_all, self.move_words, self.accept_suggestion,
                                  self.dismiss_suggestion])

    def update_enabled(self, *, writable: bool, can_tag: bool, has_claim: bool,
                       has_article: bool, has_selection: bool = False,
                       has_suggestion: bool = False, can_review: bool = False) -> None:
        for action in self.tags.values():
            action.setEnabled(writable and can_tag)
        self.tag_all.setEnabled(writable and (has_selection or has_claim))
        self.move_words.setEnabled(writable and has_selection and has_claim)
        for action in (self.accept_suggestion, self.dismiss_suggestion):
            action.setEnabled(writable and has_suggestion)
        for action in (self.delete_claim, self.edit_note):
            action.setEnabled(writable and has_claim)
        self.copy_claim.setEnabled(has_claim)
        for action in (self.review_accept, self.review_reject):  # as the editor's buttons:
            action.setEnabled(writable and has_claim and can_review)  # not on one's own
        self.article_properties.setEnabled(writable and has_article)
        self.delete_article.setEnabled(writable and has_article)
        # (read-only, the lists still tell who deleted what, and when; Restore is off)
        self.deleted_claims.setEnabled(has_article)
        for action in (self.import_article, self.import_claims, self.merge_project,
                       self.paste_article):
            action.setEnabled(writable)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every action with keys, then the reader's own keys: Help ▸ Keyboard Shortcuts."""
        rows = []
        # (Delete Claim's key works in the article and the claims table alone, not the
        # window's: it is listed all the same. A key this system has none for, Quit's
        # on Linux, is no row.)
        for action in dict.fromkeys([*self._window.actions(), self.delete_claim]):
            keys = [text for k in action.shortcuts()
                    if (text := k.toString(QKeySequence.SequenceFormat.NativeText))]
            if keys:
                rows.append((shown_action_text(action.text()), ", ".join(keys)))
        rows += [
            (self.tr("Select text in the article"), self.tr("Shift+Arrow keys")),
            (self.tr("Extend the selection by a word"), self.tr("Ctrl+Shift+Left/Right")),
            (self.tr("Extend the selection to the line's end"), self.tr("Shift+Home/End")),
            (self.tr("Move between panels"), self.tr("Tab, Shift+Tab")),
            (self.tr("Back to the article"), self.tr("Esc")),
            (self.tr("Next / previous match in Find"), self.tr("Enter, Shift+Enter")),
        ]
        return rows


class SteadyAction(QAction):
    """The toolbar's Undo or Redo, which lays nothing out again as edits come. Any change
    of a toolbar's action, even of its tooltip or whether it is enabled, lays out its
    button (which sets its icon again), then the toolbar, then the whole main window:
    every dock placed and painted again, on every edit (the stack's own actions name
    the step, "Undo Tag as Verified"), and 3 ms more on a session's first tag, which
    enables Undo. This one names the step in the tooltip its button shows when asked,
    and its button and toolbar follow only whether it is enabled, by hand. The shortcut
    stays on the menu's action."""

    def __init__(self, text: str, step: Callable[[], None], can: SignalInstance,
                 named: SignalInstance, parent: QObject,
                 named_now: Callable[[], str] | None = None):
        """*named_now*: the step's name as it is when the tip is shown (Undo's: a note
        being typed comes first), rather than as *named* last said."""
        super().__init__(text, parent)
        self.setEnabled(False)
        self.step = ""
        self._named_now = named_now
        self._button: QWidget | None = None
        self.triggered.connect(step)
        can.connect(self.setEnabled)
        named.connect(self._name_step)

    def _name_step(self, step: str) -> None:
        self.step = step

    def tip(self) -> str:
        step = self._named_now() if self._named_now is not None else self.step
        return plain_tip(f"{self.text()}: {step}" if step else self.text())

    def keep_steady_on(self, toolbar: QToolBar) -> None:
        """Take over, on *toolbar* (which holds this action) and on the action's button
        there, what a change of this action does: enable the button, show the tip. A change
        that would move the button (shown, hidden, renamed) is left to Qt."""
        self._button = toolbar.widgetForAction(self)
        toolbar.installEventFilter(self)
        if self._button is not None:
            self._button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.ActionChanged, QEvent.Type.ToolTip):
            return False  # every other event of the toolbar and its button, untouched
        button = self._button if self._button is not None and isValid(self._button) else None
        # (the action outlives its button when the window closes)
        if kind == QEvent.Type.ActionChanged and event.action() is self and button is not None \
                and button.isVisibleTo(button.parentWidget()) == self.isVisible() \
                and button.text() == self.iconText():  # else Qt's own: it is laid out
            if watched is button:
                button.setEnabled(self.isEnabled())
            return True  # neither the button nor the toolbar is laid out again
        if kind == QEvent.Type.ToolTip and watched is button:
            QToolTip.showText(event.globalPos(), self.tip(), button)
            return True
        return super().eventFilter(watched, event)


def _keys_left_to_right(action: QAction) -> None:
    """A key ending in a sign («Ctrl++», «Ctrl+,») showed mirrored in a right-to-left menu
    («++Ctrl»): the sign takes the line's direction. The menu shows the keys given after a
    tab in the action's text instead of its own, so they are given there, held left to
    right by marks (the keys themselves, and what they do, are unchanged)."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys and not keys[-1].isalnum() and "\t" not in action.text():
        tip = action.toolTip()  # made from the text: kept as it was, without the keys
        action.setText(f"{action.text()}\t\u200e{keys}\u200e")
        action.setToolTip(tip)


def _give_mnemonics(menu: QMenu, actions: list[QAction]) -> None:
    """A mnemonic for each of *actions* (the panels' toggles, which are their titles):
    the first letter of its text no other item of *menu* has, in either language."""
    taken = set()
    for action in menu.actions():
        text = action.text().split("\t")[0]
        if (at := text.find("&")) >= 0 and at + 1 < len(text):
            taken.add(text[at + 1].casefold())
    for action in actions:
        text = action.text()
        if "&" in text:
            continue
        at = next((i for i, ch in enumerate(text) if ch.isalpha()
                   and ch.casefold() not in taken), None)
        if at is not None:
            taken.add(text[at].casefold())
            action.setText(f"{text[:at]}&{text[at:]}")


def _focus_panel(dock: QDockWidget) -> None:
    """The focus in a panel just opened: on its first control that takes it (a panel
    opened from the menu left it in the reader, fifteen Tabs away)."""
    if not dock.isVisible():
        return
    for widget in [dock.widget(), *dock.widget().findChildren(QWidget)]:
        if widget.isVisible() and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
