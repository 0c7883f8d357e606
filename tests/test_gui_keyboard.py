"""The whole job without a mouse: Tab moves from panel to panel, arrows within one, and
the keys a reader is told about do what they say. Every test here drives real keys."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE, import_files, select_in_reader, stored
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from test_gui_known_claims import open_copy, tag_sample

from store.core import appearances
from store.core.project import Project

TAB, BACKTAB = Qt.Key.Key_Tab, Qt.Key.Key_Backtab
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> QWidget:
    """Press *key* where the keyboard focus is, as a person would; the focus after it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def tag_three(window) -> None:
    """Three claims of my own, one after another in the sample article."""
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    for a, b, label in ((0, 3, "verified"), (4, 12, "disputed"),
                        (start, start + len(SAMPLE_QUOTE), "unchecked")):
        select_in_reader(window, a, b)
        window.tag(label)
    assert len(window.claims_panel.claims()) == 3


def test_tab_leaves_the_claims_table_and_keeps_its_claim(window, qtbot):
    """Tab goes on from the claims table to the editor of the claim chosen, Shift+Tab
    back to the filters; neither chooses another claim. The arrow keys move in it.
    (QTableView's Tab walked its cells and rows: claim after claim, never the editor.)"""
    tag_three(window)
    panel = window.claims_panel
    panel.view.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    chosen = window.current_claim_id()
    assert chosen is not None

    assert press(qtbot, TAB) is panel.editor.verdict  # the editor's first field
    assert window.current_claim_id() == chosen
    for _ in range(2):  # on through the editor: delete, the note…
        after = press(qtbot, TAB)
    assert panel.editor.isAncestorOf(after) and window.current_claim_id() == chosen

    panel.view.setFocus()
    before = press(qtbot, BACKTAB, SHIFT)
    assert before is not panel.view and panel.isAncestorOf(before)
    assert window.current_claim_id() == chosen

    panel.view.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert window.current_claim_id() not in (None, chosen)


def colleague_disagrees(window, spans: list[tuple[int, int]]) -> None:
    """Mine "disputed" and a colleague's "verified" on each span: one disagreement each."""
    for start, end in spans:
        select_in_reader(window, start, end)
        window.tag("disputed")
    with Project.open(window.session.path, "colleague") as other:
        for start, end in spans:
            appearances.create_claim(other, window.current_article, start, end, "verified")
    window.session.refresh()
    window.review_tools.disagreements_dock.show()
    window.review_tools.refresh()
    assert len(window.review_tools.disagreements.rows) == len(spans)


def test_tab_leaves_the_disagreements_table_for_the_adopt_buttons(window, qtbot):
    colleague_disagrees(window, [(0, 18), (300, 330)])
    panel = window.review_tools.disagreements
    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    row = panel.current_row()
    assert press(qtbot, TAB) is panel.adopt_first
    assert press(qtbot, TAB) is panel.adopt_second
    assert panel.current_row() == row


def test_tab_leaves_the_known_claims_table_for_accept(window, qtbot, tmp_path):
    tag_sample(window)
    open_copy(window, qtbot, tmp_path)  # the sample's claim found in a copy: one hit
    panel = window.known_claims
    panel.view.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    assert press(qtbot, TAB) is panel.accept_button


def tab_round(qtbot, start: QWidget, key: Qt.Key = TAB) -> list[QWidget]:
    """Every widget Tab (or Shift+Tab) stops at, from *start* round to it again."""
    start.setFocus()
    stops: list[QWidget] = []
    modifier = SHIFT if key == BACKTAB else Qt.KeyboardModifier.NoModifier
    for _ in range(80):
        stop = press(qtbot, key, modifier)
        if stop is start or stop in stops:
            break
        stops.append(stop)
    return stops


def in_sight(widget: QWidget) -> bool:
    """Whether *widget* is shown inside its window (Qt lays a dock that is behind another
    one's tab out off the window, at negative coordinates, and leaves it visible)."""
    top = widget.window()
    return widget.isVisible() and top.rect().intersects(
        QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()))


def test_tab_stops_only_where_the_person_can_see(window, qtbot):
    """Articles and Search share a place, as tabs. Tab from the Articles list went on into
    the Search field behind it (laid out off the window by Qt, yet in the Tab chain): no
    focus to be seen, and what was typed went there. Each way round the window, every
    stop is on screen; with the Search tab chosen, the Articles list is the one passed."""
    search = window.search_panel
    window.articles_view.setFocus()
    after = press(qtbot, TAB)
    assert after is not search.query and not search.isAncestorOf(after)
    qtbot.keyClicks(after, "hello")
    assert search.query.text() == ""
    for key in (TAB, BACKTAB):
        stops = tab_round(qtbot, window.articles_view, key)
        assert window.claims_panel.view in stops or window.claims_panel.filter_edit in stops
        unseen = [w.objectName() or type(w).__name__ for w in stops if not in_sight(w)]
        assert unseen == [] and not any(search.isAncestorOf(w) for w in stops)

    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    assert QApplication.focusWidget() is search.query
    for key in (TAB, BACKTAB):
        stops = tab_round(qtbot, search.query, key)
        assert search.results in stops and window.articles_view not in stops
        assert [w for w in stops if not in_sight(w)] == []


def test_the_arrow_keys_in_the_disagreements_show_the_words(window, qtbot):
    """Moving through the disagreements with the keys selects each one's words in the
    reader, as a click does (only a click did: the keyboard went through them blind)."""
    colleague_disagrees(window, [(0, 18), (300, 330)])
    panel = window.review_tools.disagreements
    reader = window.article_pane.reader
    select_in_reader(window, 1000, 1000)
    panel.table.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        press(qtbot, key)
        row = panel.current_row()
        assert row >= 0 and reader.selected_span() == panel.rows[row].span, key
    assert panel.current_row() == 0
    press(qtbot, Qt.Key.Key_End, CTRL)
    assert reader.selected_span() == panel.rows[1].span


def test_a_disagreement_row_moved_by_an_edit_leaves_the_selection(window, qtbot):
    """A row made current by the rows changing, not by the person, does not select its
    words: the person is working elsewhere, and a verdict key tags the selection."""
    colleague_disagrees(window, [(0, 18), (300, 330)])
    panel = window.review_tools.disagreements
    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    select_in_reader(window, 1000, 1010)
    window.article_pane.reader.setFocus()
    panel.adopt_row(1, first=True)  # the pair goes: the current row moves to the first
    window.review_tools.refresh()
    assert len(panel.rows) == 1 and panel.current_row() == 0
    assert window.article_pane.reader.selected_span() == (1000, 1010)


def test_shift_enter_in_find_goes_to_the_previous_match(window, qtbot):
    """Enter steps to the next match and Shift+Enter to the previous one, as the README
    says (Shift+Enter stayed put: the field stepped forward on any Return, then the bar
    stepped back)."""
    reader = window.article_pane.reader
    reader.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.article_pane.find_bar
    assert QApplication.focusWidget() is bar.query
    bar.query.insert("بوتين")
    assert len(bar.matches) > 3 and bar.current == 0
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert bar.current == 2
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    assert bar.current == 1 and reader.selected_span() == bar.matches[1]
    assert bar.count.text() == f"2 of {len(bar.matches)}"
    press(qtbot, Qt.Key.Key_Enter, SHIFT | Qt.KeyboardModifier.KeypadModifier)
    press(qtbot, Qt.Key.Key_Return, SHIFT)  # before the first: round to the last
    assert bar.current == len(bar.matches) - 1
    assert reader.selected_span() == bar.matches[-1]
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert bar.current == 0 and QApplication.focusWidget() is bar.query


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_menu_item_has_its_own_mnemonic_and_a_panel_opened_takes_the_focus(
        language, qtbot, errors):
    """In Arabic «م» opened both File and Help, «خ» both Open Recent and Quit, «ب» both
    Find and Search; the panels' items (Articles, Claims, Disagreements…) had none, in
    either language, and a panel opened from the menu left the focus in the reader,
    fifteen Tabs away."""
    from gui.app import create_window

    win = create_window(language=language)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        def mnemonic(text: str) -> str | None:
            text = text.split("\t")[0]
            at = text.find("&")
            return text[at + 1].casefold() if 0 <= at < len(text) - 1 else None

        menus = win.menuBar().actions()
        tops = [mnemonic(a.text()) for a in menus]
        assert None not in tops and len(set(tops)) == len(tops)
        tag_menu = win.action_set.tag_menu
        for top in menus:
            if top.menu() is tag_menu:  # (the verdicts: a key each, their names free)
                continue
            top.menu().aboutToShow.emit()
            items = [a for a in top.menu().actions() if not a.isSeparator()]
            keys = [mnemonic(a.text()) for a in items]
            assert None not in keys, [a.text() for a in items]
            assert len(set(keys)) == len(keys), [a.text() for a in items]
        dock = win.review_tools.disagreements_dock
        dock.toggleViewAction().trigger()
        qtbot.waitUntil(lambda: dock.isAncestorOf(QApplication.focusWidget()))
    finally:
        win.close()
    if language == "ar":
        create_window(language="en").close()  # leave the application in English


def test_the_caret_moved_into_a_claim_says_so_and_enter_selects_it(window, qtbot):
    """Tags are colour and underline: a caret moved into tagged words said nothing, to
    the status bar or to a screen reader, and only a click selected the claim. The
    status bar (and an accessibility announcement) names the claim, Enter selects it."""
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    claim = window.current_claim_id()
    window.claims_panel.clear_selection()
    reader = window.article_pane.reader
    reader.setFocus()
    select_in_reader(window, start - 3, start - 3)  # the caret just before the claim
    window.statusBar().clearMessage()
    for _ in range(4):
        qtbot.keyClick(reader, Qt.Key.Key_Left)  # (right to left: Left goes on)
    said = window.statusBar().currentMessage()
    assert said.startswith("In a claim: «") and "Disputed" in said
    assert window.current_claim_id() is None
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert window.current_claim_id() == claim
    # («Enter selects it»: done, and said, for a screen reader's user)
    assert window.statusBar().currentMessage().startswith("Chosen: «")


def test_a_tag_and_a_relabel_say_what_they_did(window, qtbot, monkeypatch):
    """A verdict key said nothing, to the status bar or to a screen reader, and once the
    caret had named a claim («In a claim: …, Verified») that line stayed up after the
    claim was relabelled Disputed. Each key says what it did."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    announced: list[str] = []
    real = QAccessible.updateAccessibility
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(lambda event: (
        isinstance(event, QAccessibleAnnouncementEvent) and announced.append(
            event.message()), real(event))))
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.article_pane.reader.setFocus()
    press(qtbot, Qt.Key.Key_2)
    tagged = f"Tagged «\u2068{SAMPLE_QUOTE}\u2069» as Verified."  # (isolated: its own direction)
    assert window.statusBar().currentMessage() == tagged and announced == [tagged]
    press(qtbot, Qt.Key.Key_3)
    relabelled = f"«\u2068{SAMPLE_QUOTE}\u2069» is now Disputed."
    assert window.statusBar().currentMessage() == relabelled
    assert announced == [tagged, relabelled]
    assert window.claims_panel.claims()[0].label == "disputed"


def test_a_relabel_refused_is_not_said_done(window, qtbot, monkeypatch, errors):
    """A verdict key refused (another program holding the file, the disk full) showed
    its error and then said «… is now Verified.», the old verdict named as just set."""
    from store.errors import StorageError

    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.article_pane.reader.setFocus()
    press(qtbot, Qt.Key.Key_2)
    tagged = window.statusBar().currentMessage()

    def busy(claim_id, **changes):
        raise StorageError("The project is busy.")

    monkeypatch.setattr(window.session, "update_claim", busy)
    press(qtbot, Qt.Key.Key_3)
    assert errors == ["The project is busy."]
    assert window.statusBar().currentMessage() == tagged  # (nothing said done)
    assert window.claims_panel.claims()[0].label == "verified"


def test_words_holding_a_percent_sign_are_said_as_they_are(window, qtbot, tmp_path):
    """«a%20b» was said «aDisputed0b»: the verdict's name went in after the words."""
    path = tmp_path / "link.txt"
    path.write_text("See https://example.org/a%20b for the figures.", encoding="utf-8")
    import_files(qtbot, window, path)
    text = window.article_pane.reader.plain_text()
    start = text.index("https")
    select_in_reader(window, start, start + len("https://example.org/a%20b"))
    window.tag("disputed")
    assert window.statusBar().currentMessage() == (
        "Tagged «\u2068https://example.org/a%20b\u2069» as Disputed.")


def test_arrows_on_the_verdict_box_open_its_list_and_enter_chooses_once(window, qtbot):
    """Down on the closed Verdict box stepped to the next verdict and saved it: Down
    twice, Unchecked → Verified → Disputed, was two undo steps and the claim on record
    as Verified. Down opens the list; there the arrows move and Enter chooses, one step.
    The wheel over the box leaves the verdict alone."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    tag_three(window)  # the last one, chosen: unchecked
    panel = window.claims_panel
    claim_id = panel.editor.claim.claim_id
    panel.view.setFocus()
    box = press(qtbot, TAB)
    assert box is panel.editor.verdict and box.currentData() == "unchecked"
    steps = window.undo_stack.count()
    press(qtbot, Qt.Key.Key_Down)
    assert box.view().isVisible() and box.currentData() == "unchecked"
    list_view = box.view()
    for _ in range(2):
        qtbot.keyClick(list_view, Qt.Key.Key_Down)
    qtbot.keyClick(list_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not list_view.isVisible())
    assert window.undo_stack.count() == steps + 1
    assert panel.editor.claim.claim_id == claim_id
    assert panel.editor.claim.label == box.currentData() == "disputed"

    at = QPointF(box.rect().center())
    box.wheelEvent(QWheelEvent(at, box.mapToGlobal(at), QPoint(0, -120), QPoint(0, -120),
                               Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                               Qt.ScrollPhase.NoScrollPhase, False))
    assert box.currentData() == "disputed" and window.undo_stack.count() == steps + 1


def test_esc_in_a_panel_goes_back_to_the_article_and_enter_opens_one(window, qtbot):
    """Esc went back to the article from the note, a link, the review comment and the
    find bar, and did nothing in the project search, the claims' filter and list, the
    verdict box or the known claims; Enter on the article list left the keyboard there."""
    tag_three(window)
    reader = window.article_pane.reader
    panel = window.claims_panel
    window.findChild(QAction, "search_project").trigger()
    window.search_panel.query.setText("بوتين")
    window.search_panel.run()
    for widget in (window.search_panel.query, window.search_panel.results, panel.filter_edit,
                   panel.verdict_filter, panel.view, panel.editor.verdict,
                   window.known_claims.view):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        assert press(qtbot, Qt.Key.Key_Escape) is reader, widget.objectName()
    assert window.search_panel.query.text() == "بوتين" and len(panel.claims()) == 3
    dock = window.claims_dock  # a floating panel is a window of its own: the article's
    dock.setFloating(True)     # window is made the active one again
    dock.activateWindow()
    qtbot.waitActive(dock)
    panel.filter_edit.setFocus()
    qtbot.waitUntil(panel.filter_edit.hasFocus)
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(reader.hasFocus)
    assert QApplication.activeWindow() is window
    dock.setFloating(False)
    window.findChild(QDockWidget, "articlesDock").raise_()  # (the search's tab was up)
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        window.articles_view.setFocus()
        qtbot.waitUntil(window.articles_view.hasFocus)
        assert press(qtbot, key) is reader


def test_tab_skips_what_has_nothing_to_show(window, qtbot):
    """On a first run, every round of Tab stopped on the empty Known Claims list, which
    showed no sign of having the focus, and on History with no claim chosen."""
    reader = window.article_pane.reader
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    stops = []
    for _ in range(60):
        stops.append(press(qtbot, TAB))
        if stops[-1] is reader:
            break
    names = [widget.objectName() for widget in stops]
    assert stops[-1] is reader and "claimsFilter" in names  # (the round was made)
    assert "knownClaimsView" not in names and "showHistory" not in names
    tag_three(window)
    editor = window.claims_panel.editor
    assert editor.history_toggle.isEnabled()
    editor.history_toggle.setChecked(True)
    window.claims_panel.clear_selection()  # no claim: the history folds, not left open
    assert not editor.history_toggle.isChecked() and not editor.history.isVisible()


def test_the_keys_of_good_desktop_readers(window, qtbot):
    """Ctrl+F finds the words selected; F3 and Shift+F3 step through the matches, the
    bar closed or not; Ctrl+wheel zooms and is kept, as Ctrl+Plus is; Ctrl+0 gives the
    reading size back; F11 fills the screen; Ctrl+W closes the window."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    from gui import settings
    from gui.fonts import READER_POINT_SIZE

    reader = window.article_pane.reader
    bar = window.article_pane.find_bar
    text = reader.toPlainText()
    word = "بوتين"
    start = text.index(word, text.index(word, text.index(word) + 1) + 1)  # the third
    select_in_reader(window, start, start + len(word))
    reader.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.query.text() == word and len(bar.matches) > 2
    assert bar.matches[bar.current][0] == start  # from there, not the first
    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    reader.setFocus()
    press(qtbot, Qt.Key.Key_F3)  # the bar again, on its first match, then the next
    assert bar.isVisible() and bar.current == 1
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert bar.current == 0
    size = reader.font().pointSizeF()
    # a notch a point; a touchpad's small deltas add up to one (a swipe went to 48 pt)
    for delta, expected in ((120, size + 1), (-120, size), *[(24, size)] * 4, (24, size + 1)):
        QApplication.sendEvent(reader.viewport(), QWheelEvent(
            QPointF(10, 10), QPointF(reader.viewport().mapToGlobal(QPoint(10, 10))),
            QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton, CTRL,
            Qt.ScrollPhase.NoScrollPhase, False))
        assert reader.font().pointSizeF() == expected
        assert float(settings.settings().value("reader/pointSize")) == expected
    window.zoom(3)
    reader.setFocus()
    press(qtbot, Qt.Key.Key_0, CTRL)
    assert reader.font().pointSizeF() == READER_POINT_SIZE
    window.findChild(QAction, "full_screen").trigger()
    assert window.isFullScreen()
    window.findChild(QAction, "full_screen").trigger()
    assert not window.isFullScreen()
    window.showFullScreen()  # as a restart restores it: the menu item ticked too
    assert window.findChild(QAction, "full_screen").isChecked()
    window.findChild(QAction, "full_screen").trigger()
    assert not window.isFullScreen()
    press(qtbot, Qt.Key.Key_W, CTRL)
    assert not window.isVisible()


def test_ctrl_c_on_the_list_copies_the_whole_claim_and_in_the_reader_the_words(window,
                                                                               qtbot):
    """Ctrl+C on a claim's row copied one cell, the quote or the verdict alone: it copies
    the claim as lines to paste. In the reader it still copies the words selected."""
    tag_three(window)
    claim_id = window.current_claim_id()
    place = window.session.appearance(claim_id)
    window.session.update_claim(place.claim_id, note="المصدر: البيان",
                                sources=["https://example.org/statement"])
    view = window.claims_panel.view
    view.setFocus()
    press(qtbot, Qt.Key.Key_C, CTRL)
    copied = QApplication.clipboard().text().split("\n")
    assert copied[0] == f"«{place.quote}»"
    assert copied[2:4] == ["Note: المصدر: البيان", "Source: https://example.org/statement"]
    assert copied[1].startswith("Verdict: ") and copied[4].startswith("Article: ")
    assert "\u2068" not in "".join(copied)  # no direction marks in what is pasted
    # ...and a row of cells for a spreadsheet (the lines were six rows of one column)
    from PySide6.QtGui import QTextDocument

    table = QTextDocument()
    table.setHtml(QApplication.clipboard().mimeData().html())
    cells = table.toPlainText().strip().split("\n")
    assert len(cells) == 5 and cells[0] == place.quote and cells[2] == "المصدر: البيان"
    assert cells[3] == "https://example.org/statement" and table.toHtml().count("<td") == 5
    assert '<table dir="rtl">' in QApplication.clipboard().mimeData().html()  # (Arabic words)
    window.session.update_claim(place.claim_id, note='=HYPERLINK("https://x.org","a")')
    press(qtbot, Qt.Key.Key_C, CTRL)  # a cell a spreadsheet would run: as the CSV has it
    assert '<td dir="auto">&#x27;=HYPERLINK' in QApplication.clipboard().mimeData().html()
    reader = window.article_pane.reader
    select_in_reader(window, place.start, place.start + 4)
    reader.setFocus()
    press(qtbot, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == place.quote[:4]
    text = reader.plain_text()
    start = text.index("\n", place.end) - 8  # a paragraph's last words, on into the next
    end = start + 14
    select_in_reader(window, start, end)
    window.tag("disputed")
    view.setFocus()
    press(qtbot, Qt.Key.Key_C, CTRL)
    first = QApplication.clipboard().text().split("\n")[0]
    assert first == "«" + " ".join(text[start:end].split()) + "»"
    assert "\n" not in window.statusBar().currentMessage()  # (said on one line too)


@pytest.mark.parametrize("name", ["new_project", "open_project", "import_claims",
                                  "merge_project", "edit_labels", "project_settings",
                                  "show_agreement", "show_summary", "preferences",
                                  "delete_article",
                                  "close_window", "find_next", "zoom_reset", "full_screen",
                                  "quit", "undo", "redo", "delete_claim", "next_claim",
                                  "zoom_in", "keyboard_shortcuts", "about",
                                  "deleted_articles"])
def test_menu_items_say_what_they_do_on_the_status_bar(window, name):
    """New, Open, Labels, Project Settings, Agreement and others showed nothing on the
    status bar when pointed at."""
    tip = window.findChild(QAction, name).statusTip()
    assert len(tip.split()) >= 5


def test_the_panels_toggles_say_what_they_do_on_the_status_bar(window):
    toggles = [dock.toggleViewAction() for dock in window.findChildren(QDockWidget)]
    assert len(toggles) >= 4
    for toggle in toggles:
        assert toggle.statusTip().endswith("«" + toggle.text().replace("&", "") + "»")


def test_getting_started_names_the_windows_own_keys(window, monkeypatch):
    """A new user learned Known Claims and Tag All from status tips alone: Help ▸
    Getting Started says the day's work, with the keys this window has."""
    from gui import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text:
                        shown.append((title, text)))
    window.findChild(QAction, "getting_started").trigger()
    (title, text), = shown
    assert title == "Getting Started" and text.count("\n") >= 7
    for key in ("Ctrl+I", "Ctrl+Shift+A", "Y", "X", "Ctrl+M", "Ctrl+E", "F1"):
        assert key in text, key
    assert "3 Disputed" in text


@pytest.fixture
def announced(monkeypatch):
    """What the window says to a screen reader (QAccessibleAnnouncementEvent)."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    from gui import screen_reader

    said: list[str] = []

    def say(widget, message: str) -> None:
        said.append(QAccessibleAnnouncementEvent(widget, message).message())

    monkeypatch.setattr(screen_reader, "say", say)
    return said


def test_what_an_action_did_is_said_to_a_screen_reader_too(window, qtbot, announced):
    """Undo, redo, delete, import, the next claim and a find with no match were said on
    the status bar alone, which screen readers do not read out: a blind user pressing
    Ctrl+Z heard nothing."""
    tag_three(window)
    assert announced[-1].startswith("Tagged ")
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: announced[-1].startswith("Undone: "), timeout=2000)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: announced[-1].startswith("Redone: "), timeout=2000)
    window.findChild(QAction, "next_claim").trigger()
    row = window.claims_panel.view.currentIndex().row() + 1
    assert announced[-1].startswith(f"Claim {row} of 3: «")
    assert window.statusBar().currentMessage() == announced[-1]
    for _ in range(3):  # round the end of the list: said
        window.findChild(QAction, "next_claim").trigger()
    wrapped = [said for said in announced[-3:] if said.endswith("(From the first again.)")]
    assert len(wrapped) == 1 and wrapped[0].startswith("Claim 1 of 3: «")
    reader = window.article_pane.reader  # Enter in a claim's words chooses it, said
    place = window.session.appearance(window.current_claim_id())
    window.claims_panel.view.clearSelection()
    window.claims_panel.view.setCurrentIndex(window.claims_panel.proxy.index(-1, -1))
    select_in_reader(window, place.start + 1, place.start + 1)
    reader.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_claim_id() == place.id
    assert announced[-1].startswith("Chosen: «")
    bar = window.article_pane.find_bar
    bar.open_bar("كلمة لا توجد في المقال")
    qtbot.waitUntil(lambda: bar.count.text() == "No matches", timeout=5000)
    assert announced[-1] == "No matches"


def test_the_next_claim_with_none_chosen_is_the_one_after_the_caret(window):
    """With no claim chosen, Ctrl+Down took the list's first claim wherever one read: the
    claim after the caret is chosen (Ctrl+Up: the one before it)."""
    tag_three(window)
    places = sorted(window.claims_panel.claims(), key=lambda p: p.start)
    window.claims_panel.view.clearSelection()
    window.claims_panel.view.setCurrentIndex(window.claims_panel.proxy.index(-1, -1))
    assert window.current_claim_id() is None
    select_in_reader(window, places[1].end + 1, places[1].end + 1)
    window.step_claim(1)
    assert window.current_claim_id() == places[2].id
    window.claims_panel.view.clearSelection()
    window.claims_panel.view.setCurrentIndex(window.claims_panel.proxy.index(-1, -1))
    select_in_reader(window, places[1].end + 1, places[1].end + 1)
    window.step_claim(-1)
    assert window.current_claim_id() == places[1].id
    window.claims_panel.view.clearSelection()  # after the last claim: round to the first
    window.claims_panel.view.setCurrentIndex(window.claims_panel.proxy.index(-1, -1))
    select_in_reader(window, places[2].end, places[2].end)
    window.step_claim(1)
    assert window.current_claim_id() == places[0].id
    assert window.statusBar().currentMessage().endswith("(From the first again.)")
    # among the claims the verdict filter shows: the disputed one after the caret is
    # passed over, the filter kept (it took the hidden claim and cleared the filter)
    panel = window.claims_panel
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("verified"))
    assert panel.proxy.rowCount() == 1 and places[0].label == "verified"
    panel.view.clearSelection()
    panel.view.setCurrentIndex(panel.proxy.index(-1, -1))
    select_in_reader(window, places[0].end + 1, places[0].end + 1)
    window.step_claim(1)
    assert window.current_claim_id() == places[0].id  # (wrapped round: the only one)
    assert panel.verdict_filter.currentData() == "verified"


def test_the_focus_stays_in_the_claims_panel_when_its_list_empties(window, qtbot):
    """The last claim deleted from the list (Del), the list hid and Qt gave the focus to
    the Annotators' boxes, where Space unticks a colleague: it goes to the words saying
    the article has no claims."""
    text = window.article_pane.reader.toPlainText()
    select_in_reader(window, 0, 3)
    window.tag("verified")
    assert text[:3] and len(window.claims_panel.claims()) == 1
    view = window.claims_panel.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    window.findChild(QAction, "delete_claim").trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.claims_panel.empty,
                    timeout=2000)
    window.undo_stack.undo()  # the claim back: the focus back in its list, not beyond
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=2000)


def test_text_said_in_passing_reads_at_4_5_to_1_on_any_theme():
    """The claim's «who · when» and the empty list's words were in the palette's border
    grey: 1.7:1 on the default theme, and a high-contrast theme did not reach them."""
    from PySide6.QtGui import QColor, QPalette

    from gui.contrast import contrast, secondary_text

    for text, window_color in (("#000000", "#efefef"), ("#ffffff", "#2b2b2b"),
                               ("#ffffff", "#000000"), ("#000000", "#ffffff")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        palette.setColor(QPalette.ColorRole.Window, QColor(window_color))
        shown = secondary_text(palette)
        assert contrast(shown, QColor(window_color)) >= 4.5
        assert shown != QColor(text)  # (still set apart from the main text)


def test_getting_started_fits_a_small_screen_in_a_large_font(qtbot, monkeypatch):
    """In a 16-point font or at 150%, Getting Started (a message box, which neither
    scrolls nor resizes) ran off a laptop's screen, its OK button with it. A summary
    taller than the screen is shown in a dialog that fits it, its text scrolling."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser

    from gui import dialogs
    from gui.app import create_window

    window = create_window(remember=False)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: shown.append(dialog))
    room = window.screen().availableGeometry()
    window.findChild(QAction, "getting_started").trigger()
    assert isinstance(shown[-1], QMessageBox)  # in the usual font, as before
    font = QApplication.font()
    try:
        QApplication.setFont(QFont(font.family(), 24))
        window.findChild(QAction, "getting_started").trigger()
        dialog = shown[-1]
        assert not isinstance(dialog, QMessageBox)
        assert dialog.height() <= room.height() * dialogs.SCREEN_SHARE
        assert "Tag All Occurrences" in dialog.findChild(QTextBrowser).toPlainText()
    finally:
        QApplication.setFont(font)
        for dialog in shown:
            dialog.deleteLater()


def test_a_verdict_key_on_spaces_alone_says_so_on_the_status_bar(window, errors):
    """A verdict key pressed on a selection of a space opened a box to click away («Select
    some words to tag, not only spaces.»): the status bar says it, nothing is tagged."""
    from conftest import select_in_reader

    text = window.article_pane.reader.plain_text()
    space = text.index(" ")
    select_in_reader(window, space, space + 1)
    window.action_set.tags["verified"].trigger()
    assert errors == [] and window.claims_panel.claims() == []
    assert window.statusBar().currentMessage() == "Select some words to tag, not only spaces."


def test_the_find_field_keeps_room_in_a_large_font(qtbot):
    """At 16 points on a 1024×600 laptop the find bar's «Previous», «Next» and «Close»
    left its field 70 pixels («ـوتين» of «بوتين»): arrows and a cross, named for screen
    readers and in their tooltips, leave it room."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QToolButton

    from gui.app import create_window

    font = QApplication.font()
    try:
        QApplication.setFont(QFont(font.family(), 16))
        window = create_window(remember=False)
        qtbot.addWidget(window)
        window.resize(1024, 600)
        window.show()
        qtbot.waitExposed(window)
        window.findChild(QAction, "find_in_article").trigger()
        bar = window.article_pane.find_bar
        QApplication.processEvents()
        assert bar.query.width() >= 150
        buttons = {b.accessibleName(): b for b in bar.findChildren(QToolButton)}
        for name in ("Previous match", "Next match", "Close the find bar"):
            assert buttons[name].toolTip() == name
    finally:
        QApplication.setFont(font)


def test_the_store_knows_every_key_the_window_keeps(window):
    """A label is refused the window's keys (store.core.labels.WINDOW_SHORTCUTS): every
    key an action or shortcut of the window binds is among them, or is a verdict's."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from store.core.labels import (
        ARABIC_LAYOUT_TWINS,
        PERSIAN_DIGIT_TWINS,
        WINDOW_KEYS,
        WINDOW_SHORTCUTS,
        same_key,
    )

    kept = {same_key(k) for k in (*WINDOW_SHORTCUTS, *WINDOW_KEYS.values(),
                                  *ARABIC_LAYOUT_TWINS, *ARABIC_LAYOUT_TWINS.values(),
                                  *PERSIAN_DIGIT_TWINS.values())}
    verdicts = {same_key(label.shortcut) for label in window.session.labels()}
    portable = QKeySequence.SequenceFormat.PortableText
    bound = {(action.objectName(), keys.toString(portable))
             for action in window.findChildren(QAction) for keys in action.shortcuts()}
    bound |= {("shortcut", s.key().toString(portable)) for s in window.findChildren(QShortcut)}
    loose = sorted((name, keys) for name, keys in bound
                   if keys and keys != "Close" and same_key(keys) not in kept | verdicts)
    assert loose == []


def test_a_verdict_on_a_letter_is_bound_in_the_arabic_layout_too(window):
    """rv91: a label on Q had no Arabic twin: with an Arabic layout the key types «ض»,
    and nothing was tagged. Every letter of the layout is bound in both."""
    from PySide6.QtGui import QKeySequence

    window.session.add_label("satire", "Satire", "#CE93D8", shortcut="q")
    bound = window.findChild(QAction, "tag_satire").shortcuts()
    assert [k.toString(QKeySequence.SequenceFormat.PortableText) for k in bound] == ["Q", "ض"]


def test_the_verdict_keys_tag_with_a_persian_layout_active(window):
    """The Persian layout's number row types «۱ ۲ ۳» (U+06F1…), not the Arabic «١ ٢ ٣»:
    with it active the verdict keys tagged nothing (rv107). Both are bound, and a label
    on «۲» is on the key of «2»."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from store.core.labels import same_key

    bound = window.findChild(QAction, "tag_verified").shortcuts()
    assert [k.toString(QKeySequence.SequenceFormat.PortableText) for k in bound] == [
        "2", "٢", "۲"]
    assert same_key("۲") == same_key("2") == same_key("٢")
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    QTest.keyClick(window.article_pane.reader, Qt.Key(0x06F3))  # ۳: Disputed
    assert [p.label for p in appearances.list_appearances(stored(window))] == ["disputed"]


def test_a_verdict_key_on_words_that_have_that_verdict_says_so(window, qtbot, announced):
    """The verdict my words have, pressed again on them (selected, or their claim chosen),
    did nothing and said nothing, as if the key were dead: the command line refuses it
    (issue 13 item 16, rv288). Said on the status bar and to a screen reader; no step to
    undo, nothing written. A colleague's claim chosen reads as theirs."""
    reader, bar = window.article_pane.reader, window.statusBar()
    start = reader.plain_text().index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    verified = window.findChild(QAction, "tag_verified")
    verified.trigger()
    mine = window.current_claim_id()
    before, steps = window.session.appearance(mine), window.undo_stack.count()
    for chosen_only in (False, True):
        if chosen_only:  # no words selected: the key is for the chosen claim
            select_in_reader(window, start, start)
            assert window.current_claim_id() == mine
        else:
            select_in_reader(window, start, start + len(SAMPLE_QUOTE))
        bar.showMessage("(cleared)")
        verified.trigger()
        said = bar.currentMessage()
        assert said.startswith("You already tagged «") and said.endswith("» as Verified.")
        assert announced[-1] == said
        assert window.undo_stack.count() == steps
        assert [(p.id, p.claim.updated) for p in appearances.list_appearances(
            stored(window))] == [(mine, before.claim.updated)]
    with Project.open(window.session.path, "colleague") as other:
        theirs = appearances.tag_quote(other, window.current_article, "صداقة نارية",
                                       "disputed")
    window.session.refresh()
    window.select_claim(theirs.id)
    select_in_reader(window, theirs.start, theirs.start)
    window.select_claim(theirs.id)
    bar.showMessage("(cleared)")
    window.findChild(QAction, "tag_disputed").trigger()
    assert bar.currentMessage().endswith("» is Disputed already.")
    assert window.undo_stack.count() == steps
