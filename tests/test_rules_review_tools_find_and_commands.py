"""What the review tools, the review panels, the find bar, the docks and the window's
actions must keep doing, each test aimed at a change the other tests let through
(mutation testing, rv191)."""

from __future__ import annotations

from conftest import SAMPLE_QUOTE, select_in_reader, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from test_gui_review import colleague_tags

from store.core import appearances
from store.core.project import Project


def test_three_names_on_one_hue_step_each_take_a_free_one():
    """Ali, Omar and Zaid hash to the same step and Huda to another: each of the four
    takes a hue of its own (the third of a crowded step went on looking, not grey-hued
    onto Huda's)."""
    from gui.review_panels import annotator_colors

    colors = annotator_colors(["Ali", "Omar", "Zaid", "Huda"])
    assert len({color.hslHue() for color in colors.values()}) == 4


def test_mine_only_says_nothing_again_for_the_same_annotators(qapp):
    """After Mine Only, the article's same annotators again (every edit refreshes the
    list) change no layer: the reader and the table are not hidden again each time."""
    from gui.review_panels import LayersPanel

    layers = LayersPanel("me")
    layers.set_annotators(["me", "huda", "omar"])
    layers.mine_only()
    told = []
    layers.hiddenChanged.connect(told.append)
    layers.set_annotators(["me", "huda", "omar"])
    assert told == [] and layers.hidden == {"huda", "omar"}
    layers.set_annotators(["me", "huda", "omar", "zaid"])  # a newcomer comes hidden
    assert told == [{"huda", "omar", "zaid"}]


def test_agreement_is_for_the_article_shown(window, monkeypatch):
    """Review ▸ Agreement with an article shown gives that article's figures, under its
    title (not the whole project's, with «project» in the title)."""
    from gui import dialogs

    shown, asked = [], []
    monkeypatch.setattr(dialogs, "run", shown.append)
    lines = window.session.agreement_lines
    monkeypatch.setattr(window.session, "agreement_lines",
                        lambda article_id: asked.append(article_id) or lines(article_id))
    window.findChild(QAction, "show_agreement").trigger()
    title = window.session.article(window.current_article).title
    assert asked == [window.current_article]
    assert shown[0].windowTitle() == f"Agreement — {title}"
    shown[0].deleteLater()


def test_a_layer_shown_again_after_mine_only_stays_shown(qapp):
    """After Mine Only, a colleague's claim chosen shows their layer again: the next
    refresh of the list (every edit makes one) leaves it shown, not hidden again as a
    newcomer to Mine Only."""
    from gui.review_panels import LayersPanel

    layers = LayersPanel("me")
    layers.set_annotators(["me", "huda"])
    layers.mine_only()
    assert layers.hidden == {"huda"}
    layers.show_layer("huda")
    layers.set_annotators(["me", "huda"])
    assert layers.hidden == set()
    assert layers.list.item(layers.names().index("huda")).checkState() == Qt.CheckState.Checked


def test_disagreements_made_while_the_panel_was_closed_show_when_it_opens(window):
    """Pairs made by edits while the Disagreements panel is closed are listed when it is
    opened again (its rows were the ones it held when closed, the edits since lost)."""
    tools = window.review_tools
    tools.disagreements_dock.show()
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    colleague_tags(window, "معاهدة على الإطلاق", "verified")
    assert len(tools.disagreements.rows) == 1
    tools.disagreements_dock.hide()
    tools.refresh()
    select_in_reader(window, start, start + 12)
    window.tag("unchecked")
    tools.refresh()
    tools.disagreements_dock.show()
    tools.refresh()
    assert len(tools.disagreements.rows) == 2


def test_the_last_disagreement_settled_says_there_are_none(window):
    """Adopting a verdict for the article's one disagreement leaves the panel saying
    «No disagreements in this article.», not an empty table with no buttons; a new
    pair takes the words away again."""
    tools = window.review_tools
    tools.disagreements_dock.show()
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    colleague_tags(window, "معاهدة على الإطلاق", "verified")
    panel = tools.disagreements
    assert len(panel.rows) == 1 and not panel.empty.isVisibleTo(panel)
    panel.adopt_row(0, first=True)
    tools.refresh()
    assert panel.rows == [] and panel.empty.isVisibleTo(panel)
    assert panel.empty.text() == "No disagreements in this article."
    assert not panel.adopt_first.isVisibleTo(panel)
    window.findChild(QAction, "undo").trigger()
    tools.refresh()
    assert len(panel.rows) == 1 and not panel.empty.isVisibleTo(panel)


def _pairs_view(qtbot, count=300):
    from test_gui_review import Rows

    from gui.review_panels import PairsView

    model = Rows(count)
    view = PairsView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 163)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def test_a_pair_at_the_last_row_in_view_is_painted(qtbot):
    """A pair that comes at the last row the panel shows (cut by its bottom edge) moves
    that row down: it is painted where the rows now are, not left as it was."""
    from conftest import fresh, on_screen

    model, view = _pairs_view(qtbot)
    view.verticalScrollBar().setValue(20)
    qtbot.wait(20)
    bottom = view.rowAt(view.viewport().height() - 1)
    assert bottom > 0
    with view.changing():
        model.insert(bottom, "new at the edge")
    qtbot.wait(30)
    assert on_screen(view.viewport()) == fresh(view.viewport())


def test_an_edit_that_changes_no_pair_leaves_the_next_layout_to_qt(qtbot):
    """An edit that adds and removes no pair (most edits) keeps nothing quiet: the next
    change of the rows from elsewhere (here their order) is laid out and painted."""
    from conftest import fresh, on_screen

    model, view = _pairs_view(qtbot)
    view.verticalScrollBar().setValue(20)
    qtbot.wait(20)
    with view.changing():
        pass
    model.layoutAboutToBeChanged.emit()
    model.rows.reverse()
    model.layoutChanged.emit()
    qtbot.wait(30)
    assert on_screen(view.viewport()) == fresh(view.viewport())


def _article_shown(window, text, title="تقرير"):
    from store.core import articles

    article = articles.add_article(stored(window), text, title)
    window.article_model.reload()
    window.show_article(article.id)
    return article


def test_up_to_three_hundred_matches_are_all_marked(window):
    """A word found 300 times (the most marked at once) has every match marked, even
    those far from the view; one more and only those around the view are."""
    from gui import find_bar

    count = find_bar.MARK_ALL_UP_TO
    _article_shown(window, "\n".join(f"الفقرة {n}: الموازنة" + " كلام" * 40
                                     for n in range(count)))
    window.findChild(QAction, "find_in_article").trigger()
    bar = window.article_pane.find_bar
    bar.query.setText("الموازنة")
    assert len(bar.matches) == count
    assert len(window.article_pane.reader.extraSelections()) == count
    assert bar.count.text() == f"1 of {count}"


def test_spaces_alone_find_nothing(window):
    """A query of spaces (a space typed first) finds nothing: every space of the article
    was marked and the selection jumped to the first, while the count said nothing."""
    window.findChild(QAction, "find_in_article").trigger()
    bar = window.article_pane.find_bar
    reader = window.article_pane.reader
    before = reader.selected_span()
    bar.query.setText("  ")
    assert bar.matches == [] and reader.extraSelections() == []
    assert bar.count.text() == "" and reader.selected_span() == before


def test_a_claim_pasted_with_its_end_marks_is_found_as_tag_quote_finds_it(window):
    """A claim pasted with its full stop or quotation marks («"…الإطلاق."» where the
    article has “…”, «هل قال ذلك?» for «؟», «الوزير :»): Find said «No matches» while
    search and `tag --quote` found the words. Found, counted and marked as they are; and
    a query found as typed is not trimmed («ذلك؟» keeps its «؟»)."""
    text = ("قال الوزير: “أقوى معاهدة على الإطلاق”. هل قال ذلك؟ نعم، ذلك.\n"
            "The Minister said \"inflation fell\" (officially).")
    _article_shown(window, text)
    window.findChild(QAction, "find_in_article").trigger()
    bar = window.article_pane.find_bar
    reader = window.article_pane.reader
    for query, words in (('"أقوى معاهدة على الإطلاق."', ["أقوى معاهدة على الإطلاق"]),
                         ("هل قال ذلك?", ["هل قال ذلك"]), ("الوزير :", ["الوزير"]),
                         ("“inflation fell”", ["inflation fell"]), ("ذلك؟", ["ذلك؟"]),
                         ("ذلك.", ["ذلك."]), ("«ذلك»", ["ذلك", "ذلك"])):
        bar.query.setText(query)
        assert [text[a:b] for a, b in bar.matches] == words, query
        assert bar.matches == appearances.quote_spans(text, query)
        assert bar.count.text() == f"1 of {len(words)}"
        assert len(reader.extraSelections()) == len(words)
        assert reader.selected_span() == bar.matches[0]
    bar.query.setText("«»")
    assert bar.matches == [] and bar.count.text() == "No matches"


def test_ctrl_f_again_on_the_same_words_marks_them_again(window, qtbot):
    """Ctrl+F on «بوتين», Esc (the marks go), then Ctrl+F on «بوتين» again: its matches
    are marked and counted again, and the field's words chosen, to type over them."""
    from PySide6.QtWidgets import QApplication

    reader = window.article_pane.reader
    bar = window.article_pane.find_bar
    text = reader.toPlainText()
    word = "بوتين"
    start = text.index(word)
    for _ in range(2):
        select_in_reader(window, start, start + len(word))
        reader.setFocus()
        qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert bar.isVisible() and len(bar.matches) > 2
        assert len(reader.extraSelections()) == len(bar.matches)
        assert bar.count.text() == f"1 of {len(bar.matches)}"
        assert QApplication.focusWidget() is bar.query and bar.query.selectedText() == word
        qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
        assert reader.extraSelections() == []


def test_shift_enter_on_the_bars_buttons_goes_back(window, qtbot):
    """Enter on the Next button steps on; Shift+Enter there steps back, as in the field."""
    from PySide6.QtWidgets import QToolButton

    window.findChild(QAction, "find_in_article").trigger()
    bar = window.article_pane.find_bar
    bar.query.setText("بوتين")
    assert len(bar.matches) > 2 and bar.current == 0
    following = next(b for b in bar.findChildren(QToolButton)
                     if b.accessibleName() == "Next match")
    following.setFocus()
    qtbot.keyClick(following, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == len(bar.matches) - 1
    assert window.article_pane.reader.selected_span() == bar.matches[-1]


def test_the_find_bar_finds_in_the_articles_new_text(window):
    """The same article shown again with other words (its text changed by a colleague's
    merge, say): the open bar finds in the text shown, not in the one it folded before."""
    pane = window.article_pane
    article = window.session.article(window.current_article)
    window.findChild(QAction, "find_in_article").trigger()
    bar = pane.find_bar
    bar.query.setText("بوتين")
    assert bar.matches
    new_text = "مقدمة قصيرة. " + article.text
    pane.show_article(article._replace(text=new_text), [], window.session.labels())
    shift = len("مقدمة قصيرة. ")
    expected = [(i, i + len("بوتين")) for i in range(len(new_text))
                if new_text.startswith("بوتين", i)]
    assert bar.matches == expected and pane.reader.selected_span() == expected[0]
    assert expected[0][0] - shift == article.text.index("بوتين")


def test_matches_just_past_the_view_are_marked_before_scrolling(window):
    """Of many matches, those just below (and above) the view are marked already, so
    scrolling a little shows them marked rather than plain until the marks catch up."""
    from gui import find_bar

    text = "\n".join(f"الفقرة {n}: قال الوزير إن الموازنة زادت {n} بالمئة." + " كلام" * 60
                     for n in range(1500))
    _article_shown(window, text)
    window.findChild(QAction, "find_in_article").trigger()
    bar = window.article_pane.find_bar
    bar.query.setText("الموازنة")
    reader = window.article_pane.reader
    assert len(bar.matches) > find_bar.MARK_ALL_UP_TO
    marked = {reader.offsets.span_to_code_points(m.cursor.selectionStart(),
                                                 m.cursor.selectionEnd())
              for m in reader.extraSelections()}
    bottom = reader.cursorForPosition(reader.viewport().rect().bottomRight()).position()
    past = [m for m in bar.matches
            if reader.offsets.span_to_utf16(*m)[0] > bottom][:3]
    assert past and set(past) <= marked


def test_enter_stays_in_the_panels_whose_enter_is_their_own(window, qtbot):
    """Enter goes to the article from the list of articles alone: in the project
    search's field it runs the search, and the keyboard stays there for the results."""
    from PySide6.QtWidgets import QApplication

    window.findChild(QAction, "search_project").trigger()
    query = window.search_panel.query
    query.setFocus()
    qtbot.waitUntil(query.hasFocus)
    query.setText("بوتين")
    qtbot.keyClick(query, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not window.article_pane.reader


def test_each_command_is_on_exactly_when_it_can_act(window):
    """The window's commands against what there is to act on: the verdicts, Delete
    Claim, Edit Note and the rest that write are off in a read-only project; Move Claim
    to Selected Words wants both words and a claim, Tag All either; Copy Claim a claim;
    Deleted Claims an article, read-only or not (its lists still tell who did what)."""
    actions = window.action_set

    def on(**given):
        options = dict(writable=True, can_tag=True, has_claim=True, has_article=True,
                       has_selection=True, has_suggestion=True, can_review=True)
        options.update(given)
        actions.update_enabled(**options)
        return {name for name in ("tag_all", "move_words", "copy_claim", "deleted_claims",
                                  "delete_claim", "edit_note", "review_accept",
                                  "delete_article", "accept_suggestion")
                if getattr(actions, name).isEnabled()} | {
            "tags" for action in actions.tags.values() if action.isEnabled()}

    everything = {"tag_all", "move_words", "copy_claim", "deleted_claims", "delete_claim",
                  "edit_note", "review_accept", "delete_article", "accept_suggestion", "tags"}
    assert actions.tags and on() == everything
    assert on(writable=False) == {"copy_claim", "deleted_claims"}
    assert on(has_claim=False) == everything - {"move_words", "copy_claim", "delete_claim",
                                                "edit_note", "review_accept"}
    assert on(has_selection=False) == everything - {"move_words"}
    assert on(has_selection=False, has_claim=False) == everything - {
        "move_words", "tag_all", "copy_claim", "delete_claim", "edit_note", "review_accept"}
    assert "review_accept" not in on(can_review=False)


def test_undo_is_off_on_the_edit_menu_when_there_is_nothing_to_undo(window):
    """The Edit menu opening names Undo for its step: with none, Undo is off."""
    from PySide6.QtWidgets import QMenuBar

    undo = window.findChild(QAction, "undo")
    edit = next(a.menu() for a in window.findChild(QMenuBar).actions()
                if a.text() == "&Edit")
    edit.aboutToShow.emit()
    assert not undo.isEnabled() and undo.text() == "&Undo"


def test_adopt_says_a_name_holding_a_percent_sign_as_it_is(window):
    """A colleague named «lab%2» whose verdict is settled by Adopt is named as such: the
    message was filled in one value after another, and the verdict went into the name."""
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    with Project.open(window.session.path, "lab%2") as other:
        theirs = appearances.tag_quote(other, window.current_article, "معاهدة على الإطلاق",
                                       "verified")
    window.session.refresh()
    tools = window.review_tools
    tools.disagreements_dock.show()
    tools.refresh()
    said = []
    tools.statusMessage.connect(said.append)
    panel = tools.disagreements
    panel.adopt_row(0, first=panel.rows[0].first.id != theirs.id)  # mine over theirs
    assert said == ["\u2068lab%2\u2069's claim on «\u2068معاهدة على الإطلاق\u2069» is now "
                    "Disputed, as \u2068tester\u2069 has it (Undo takes it back)."]


def test_a_message_is_filled_in_one_pass():
    """Each %n takes its own value, whatever the values before it hold; a place with no
    value is left as it is."""
    from gui.i18n import filled

    assert filled("%1's claim is now %2, as %3 has it.", "a%2%3", "Disputed", "b%1") == \
        "a%2%3's claim is now Disputed, as b%1 has it."
    assert filled("%1 of %2 (%3)", 1, 9) == "1 of 9 (%3)"
