"""Claims checked in one article, recognised in another: suggested, accepted, dismissed."""

from __future__ import annotations

import os

import pytest
from conftest import SAMPLE_QUOTE, fresh, import_files, on_screen, select_in_reader, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from store.core import appearances, known_claims
from store.core.project import Project

COPY = ("نقلت الوكالة عن الكرملين أن الزعيمين وقعا ما وصفاه بأنها «أقوى معاهدة على "
        "الإطلاق» بين البلدين، في زيارة نادرة.\n\nوقال محللون إن الاتفاق يثير قلق الغرب.")


def tag_sample(window, label: str = "disputed") -> str:
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag(label)
    return window.current_claim_id()


def open_copy(window, qtbot, tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text(COPY, encoding="utf-8")
    import_files(qtbot, window, path)
    assert window.article_pane.reader.toPlainText() == COPY
    qtbot.waitUntil(lambda: bool(window.known_claims.hits()), timeout=20000)


def test_accepting_a_known_claim_on_words_i_tagged_joins_them_to_it(window, qtbot,
                                                                   tmp_path):
    """Known Claims offered a claim on words I had tagged as another; Accept put it
    beside mine, my two verdicts on the same words, which kept both out of ClaimReview.
    My words join the claim, as Link as One Claim does, and undo parts them again."""
    claim_id = tag_sample(window, "disputed")
    path = tmp_path / "copy.txt"
    path.write_text(COPY, encoding="utf-8")
    import_files(qtbot, window, path)
    at = COPY.index(SAMPLE_QUOTE)
    select_in_reader(window, at, at + len(SAMPLE_QUOTE))
    window.tag("verified")  # the same words, mine, as a claim of their own
    mine = window.current_claim_id()
    qtbot.waitUntil(lambda: any(h.claim_id == claim_id for h in window.known_claims.hits()),
                    timeout=20000)
    window.known_claims.choose(next(h for h in window.known_claims.hits()
                                    if h.claim_id == claim_id))
    window.findChild(QAction, "accept_suggestion").trigger()
    places = appearances.list_appearances(stored(window), window.current_article)
    assert [(p.id, p.claim_id, p.label) for p in places] == [(mine, claim_id, "disputed")]
    said = window.statusBar().currentMessage()  # (an import's line stayed, as if about it)
    assert said.startswith("Accepted") and SAMPLE_QUOTE in said and "Disputed" in said
    assert window.undo_stack.undoText() == "Accept known claim (Disputed)"
    window.undo_stack.undo()
    (place,) = appearances.list_appearances(stored(window), window.current_article)
    assert (place.id, place.label) == (mine, "verified") and place.claim_id != claim_id
    window.undo_stack.redo()
    (place,) = appearances.list_appearances(stored(window), window.current_article)
    assert (place.id, place.claim_id) == (mine, claim_id)
    # my words untagged by another program after an undo: the redo adds the words as a
    # new place, and the undo after it takes that place away (it linked my gone words)
    window.undo_stack.undo()
    with Project.open(stored(window).path, "tester") as other:
        appearances.delete(other, mine)
    window.session.refresh()
    window.undo_stack.redo()
    (made,) = appearances.list_appearances(stored(window), window.current_article)
    assert made.id != mine and made.claim_id == claim_id
    window.undo_stack.undo()
    assert appearances.list_appearances(stored(window), window.current_article) == []


def test_a_claim_checked_elsewhere_is_suggested_and_accepted_with_a_key(window, qtbot,
                                                                        tmp_path):
    """(Qt's model tester watches the suggestions' model throughout.)"""
    from PySide6.QtTest import QAbstractItemModelTester

    model = window.known_claims.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.headerData(model.columnCount(), Qt.Orientation.Horizontal) is None
    claim_id = tag_sample(window, "disputed")
    open_copy(window, qtbot, tmp_path)
    [hit] = window.known_claims.hits()
    at = COPY.index(SAMPLE_QUOTE)
    assert (hit.claim_id, hit.start, hit.end) == (claim_id, at, at + len(SAMPLE_QUOTE))
    assert hit.checked_in == (window.session.article_title(
        appearances.get_appearance(stored(window), claim_id).article_id),)
    # the reader outlines the words (dashed, in the verdict's colour), the panel lists them
    reader = window.article_pane.reader
    assert [(o.start, o.end) for o in reader._outlines] == [reader.offsets.span_to_utf16(
        hit.start, hit.end)]
    assert window.known_claims.model.data(window.known_claims.model.index(0, 1)) == "Disputed"
    # ...and the legend says what a dashed outline is, while there is one
    key = window.article_pane.legend.findChild(QWidget, "legend_suggestion")
    assert key.isVisibleTo(window) and "Known Claims" in key.toolTip()

    # how close the words are shows without opening a column (a reworded claim at 64%
    # looked like an exact one)
    score = window.known_claims.model.COLUMNS.index("score")
    assert not window.known_claims.view.isColumnHidden(score)
    assert window.known_claims.model.data(window.known_claims.model.index(0, score)) == "100%"

    window.known_claims.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Y)  # the accept key
    # off the list and the reader at once (it stayed, chosen, until the matcher answered)
    assert window.known_claims.hits() == [] and window.article_pane.reader._outlines == []
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() == 1, timeout=5000)
    here = window.claims_panel.claims()[0]
    assert here.claim_id == claim_id and here.label == "disputed"
    # the editor names the other article, its Arabic title isolated in an English line
    # (an Arabic comma joined titles, and the closing « fell on the wrong side)
    window.select_claim(here.id)
    first_title = window.session.article_title(
        appearances.get_appearance(stored(window), claim_id).article_id)
    assert window.claims_panel.editor.places.text() == f"Also in: «\u2068{first_title}\u2069»"
    qtbot.waitUntil(lambda: not window.known_claims.hits(), timeout=20000)
    assert not key.isVisibleTo(window)

    # one claim: a verdict changed here changes it where it was first checked, too
    window.select_claim(here.id)
    window.tag("verified")
    first = appearances.get_appearance(stored(window), claim_id)
    assert first.label == "verified" and first.article_id != here.article_id
    window.undo_stack.undo()  # one step undoes it everywhere
    assert appearances.get_appearance(stored(window), claim_id).label == "disputed"


def test_a_verdict_renamed_and_recoloured_shows_in_the_suggestions(window, qtbot,
                                                                      tmp_path):
    """The verdicts' names and colours changed (Project > Labels): the suggestion's row
    names the new verdict and its outline in the reader takes the new colour."""
    tag_sample(window, "disputed")
    open_copy(window, qtbot, tmp_path)
    window.session.update_label("disputed", name_en="Contested", color="#00ff00")
    qtbot.wait(20)
    view = window.known_claims.view
    assert window.known_claims.model.data(window.known_claims.model.index(0, 1)) == "Contested"
    assert on_screen(view.viewport()) == fresh(view.viewport())
    assert [o.color.lower() for o in window.article_pane.reader._outlines] == ["#00ff00"]


def test_a_dismissed_suggestion_is_never_offered_again_for_those_words(window, qtbot,
                                                                       tmp_path):
    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    window.findChild(QAction, "dismiss_suggestion").trigger()
    assert window.statusBar().currentMessage().startswith("Dismissed")
    qtbot.waitUntil(lambda: not window.known_claims.hits(), timeout=20000)
    assert window.article_pane.reader._outlines == []
    window.undo_stack.undo()  # the dismissal taken back: offered again
    qtbot.waitUntil(lambda: bool(window.known_claims.hits()), timeout=20000)


def test_a_right_click_on_a_known_claim_offers_accept_and_dismiss(window, qtbot, tmp_path):
    """A right click on a suggestion offered only the columns: it offers Accept and
    Dismiss, for the row clicked."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    claim_id = tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    view = window.known_claims.view
    at = view.visualRect(view.model().index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=at)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)))
    (menu,) = [m for m in view.findChildren(QMenu) if m.isVisible()]
    names = [a.objectName() for a in menu.actions()]
    assert names[:2] == ["accept_suggestion", "dismiss_suggestion"]
    menu.actions()[0].trigger()
    menu.hide()
    places = appearances.list_appearances(stored(window), window.current_article)
    assert [p.claim_id for p in places] == [claim_id]
    below = QPoint(at.x(), view.viewport().height() - 2)  # no row there: the columns
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, below, view.viewport().mapToGlobal(below)))
    (menu,) = [m for m in view.findChildren(QMenu) if m.isVisible()]
    assert "accept_suggestion" not in [a.objectName() for a in menu.actions()]
    menu.hide()


def test_tag_all_occurrences_makes_one_claim(window, qtbot):
    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    count = len([i for i in range(len(text)) if text.startswith(word, i)])
    assert count >= 3
    start = text.index(word)
    select_in_reader(window, start, start + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    places = window.claims_panel.claims()
    assert len(places) >= count and len({p.claim_id for p in places}) == 1
    editor = window.claims_panel.editor  # one thing done, one line of history
    assert editor.history_toggle.text() == "History (1)"
    assert editor.history.item(0).text().endswith(f"({len(places)} places)")
    window.undo_stack.undo()
    assert window.claims_panel.model.rowCount() == 0
    window.undo_stack.redo()  # undone and redone: a line each (a dozen, place by place)
    assert window.claims_panel.model.rowCount() == len(places)
    window.select_claim(places[0].id)
    assert editor.history_toggle.text() == "History (5)"
    assert editor.history.item(4).text().endswith(f"again ({len(places)} places)")


def test_tag_all_and_its_undo_repaint_each_paragraph_once(window, qtbot, monkeypatch):
    """A Tag All repainted a paragraph for each of its places in it, and a 6 MB report's
    3,000 places froze the window for 2 s: each paragraph is repainted once."""
    highlighter = window.article_pane.reader.highlighter
    doc = window.article_pane.reader.document()
    repainted: list[int] = []
    painted = highlighter.rehighlightBlock
    monkeypatch.setattr(highlighter, "rehighlightBlock",
                        lambda block: (repainted.append(block.blockNumber()), painted(block)))
    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    start = text.index(word)
    select_in_reader(window, start, start + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    blocks = [doc.findBlock(p.start).blockNumber() for p in window.claims_panel.claims()]
    assert len(blocks) > len(set(blocks))  # a paragraph holds two of them
    assert sorted(repainted) == sorted(set(blocks))
    repainted.clear()
    window.undo_stack.undo()
    assert sorted(repainted) == sorted(set(blocks))


def test_tag_all_occurrences_selects_the_new_claim_where_the_words_were(window, qtbot):
    """The editor stayed on the claim selected before, and a note typed next went to it,
    not to the claim just made."""
    before = tag_sample(window, "verified")
    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    second = text.index(word, text.index(word) + 1)
    select_in_reader(window, second, second + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    chosen = window.session.appearance(window.current_claim_id())
    assert (chosen.start, chosen.end) == (second, second + len(word))
    assert chosen.claim_id != window.session.appearance(before).claim_id
    assert window.claims_panel.editor.quote.text().count(word) == 1


def test_tag_all_occurrences_over_words_i_tagged_extends_that_claim(window, qtbot):
    """Tag All on «بوتين» where I had tagged one «بوتين» as verified put a new claim,
    with the first verdict, on every «بوتين»: my two verdicts on the same words. The
    others join my verified claim, one undo step, chosen where the words were; a
    «بوتين» I tagged as another claim is left as it is."""
    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    select_in_reader(window, starts[1], starts[1] + len(word))
    window.tag("verified")
    mine = window.session.appearance(window.current_claim_id())
    select_in_reader(window, starts[2], starts[2] + len(word))
    window.tag("disputed")  # another claim of mine: left as it is
    other = window.current_claim_id()
    select_in_reader(window, starts[0], starts[0] + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    places = window.claims_panel.claims()
    assert len(places) == len(starts)
    assert {p.id for p in places if p.claim_id != mine.claim_id} == {other}
    assert {p.label for p in places if p.id != other} == {"verified"}
    chosen = window.session.appearance(window.current_claim_id())
    assert (chosen.claim_id, chosen.start) == (mine.claim_id, starts[0])
    assert window.statusBar().currentMessage() == (
        f"Tagged {len(starts) - 2} places. 1 place you had tagged as another claim left "
        "as it is.")
    window.undo_stack.undo()
    assert {p.id for p in window.claims_panel.claims()} == {mine.id, other}


def test_tag_all_occurrences_finds_whole_words_and_numbers_as_selected(window, qtbot):
    """Words selected whole are tagged whole: «ارتفع 5» tagged «ارتفع 5» of «ارتفع 50»,
    «rose 5» the start of «rose 5.5», «العام» the start of «العامة», and the one claim
    gave the 50% sentence the 5% claim's verdict. A clitic before the word is still
    a place of it (as search finds it), and a selection cut inside a word on one side
    finds it inside words on that side, as before."""
    text = ("ارتفع 5 في المئة هذا العام. ثم ارتفع 50 في المئة، والعام المقبل أيضا.\n"
            "في عام 2023 ثم 2023م و٢٠٢٣م لا 20234.\n"
            "The output rose 5 percent; analysts said it rose 5.5 percent, then 5% of 3.5%."
            "\nأما الصحة العامة فتحسنت.")
    window.files.paste_as_article(text)
    qtbot.waitUntil(lambda: window.article_pane.reader.plain_text() == text)
    for words, expected in (("ارتفع 5", ["ارتفع 5"]), ("rose 5", ["rose 5"]),
                            ("العام", ["العام", "العام"]), ("5%", ["5%"]),
                            ("لعام", ["لعام", "لعام"]),  # (cut inside «العام»)
                            ("2023", ["2023", "2023", "٢٠٢٣"])):  # (the year «2023م» too)
        start = text.index(words)
        select_in_reader(window, start, start + len(words))
        window.findChild(QAction, "all_occurrences").trigger()
        places = sorted(window.claims_panel.claims(), key=lambda p: p.start)
        assert [text[p.start:p.end] for p in places] == expected, words
        assert all(not text[p.end:p.end + 1].isalnum() for p in places) or words == "2023"
        window.undo_stack.undo()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_click_on_an_outline_picks_that_suggestion_in_either_interface(qtbot, errors,
                                                                          tmp_path, language):
    from PySide6.QtWidgets import QApplication

    from gui.app import create_window

    win = create_window(language=language)
    qtbot.addWidget(win)
    win.show()
    try:
        first = tag_sample(win, "disputed")
        text = win.article_pane.reader.toPlainText()
        other_words = "سعى بوتين إلى تعميق العلاقات"
        start = text.index(other_words)
        select_in_reader(win, start, start + len(other_words))
        win.tag("verified")
        second = win.current_claim_id()
        path = tmp_path / "copy.txt"
        path.write_text(COPY.replace("الاتفاق يثير", other_words + " يثير"), encoding="utf-8")
        import_files(qtbot, win, path)
        qtbot.waitUntil(lambda: len(win.known_claims.hits()) == 2, timeout=20000)
        reader = win.article_pane.reader
        later = max(win.known_claims.hits(), key=lambda h: h.start)
        assert later.claim_id == second
        cursor = reader.textCursor()
        cursor.setPosition(reader.offsets.to_utf16(later.start + 2))
        point = reader.cursorRect(cursor).center()
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
        QApplication.processEvents()
        assert win.known_claims.current_hit() == later
        win.findChild(QAction, "accept_suggestion").trigger()
        qtbot.waitUntil(lambda: win.claims_panel.model.rowCount() == 1, timeout=5000)
        assert win.claims_panel.claims()[0].claim_id == second != first
    finally:
        win.close()
        if language == "ar":
            create_window(language="en").close()


def test_an_answer_overtaken_by_a_newer_request_is_not_shown(window, qtbot, tmp_path,
                                                            monkeypatch):
    import time

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    finder = window.finder
    # Not finder.wait(): a run's thread can end before its ``done`` reaches the window,
    # and a test that then saw that run as "running" waited for a second run never asked.
    qtbot.waitUntil(lambda: not finder.busy(), timeout=20000)
    find = window.session.find_known_claims
    runs: list = []  # each run's answer, in the order the runs ended

    def slow(article_id, stop=None):
        time.sleep(0.6)
        runs.append(find(article_id))
        return runs[-1]

    monkeypatch.setattr(window.session, "find_known_claims", slow)
    answers: list = []
    finder.found.connect(lambda article_id, hits: answers.append(hits))
    finder.request(window.current_article)
    qtbot.waitUntil(lambda: finder._running is not None, timeout=5000)  # noqa: SLF001
    finder.request(window.current_article)  # the article changed while it ran
    qtbot.waitUntil(lambda: len(runs) == 2 and not finder.busy(), timeout=20000)
    qtbot.wait(50)  # (an answer queued from the worker is delivered)
    assert len(answers) == 1 and answers[0] is runs[1]  # the newer run's, alone


def test_the_panel_says_when_the_search_stopped_at_its_limit(window, qtbot, tmp_path):
    from store.core.records import KnownClaimsFound

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    hits = window.known_claims.hits()
    window._suggestions_found(window.current_article, KnownClaimsFound(hits, complete=False))
    assert "too often" in window.known_claims.summary.text()
    window._suggestions_found(window.current_article, KnownClaimsFound(hits, complete=True))
    assert "too often" not in window.known_claims.summary.text()


def test_the_matchers_next_answer_keeps_the_chosen_suggestion(window, qtbot, tmp_path):
    """The matcher answers again a moment after every edit. The suggestion the person
    chose stays chosen (Y accepts it, not the first), the reader stays on the words the
    person is reading, and an answer that changes nothing repaints nothing."""
    from dataclasses import replace

    from store.core.records import KnownClaimsFound

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    window.finder.wait()
    article = window.current_article
    [hit] = window.known_claims.hits()
    other = hit._replace(suggestion=replace(hit.suggestion, start=0, end=4))
    window._suggestions_found(article, KnownClaimsFound([hit, other]))
    window.known_claims.choose(other)
    reader = window.article_pane.reader
    select_in_reader(window, 10, 20)  # then reads on, elsewhere
    qtbot.wait(50)
    painted: list[bool] = []
    reader.painted.connect(lambda: painted.append(True))

    window._suggestions_found(article, KnownClaimsFound([hit, other]))  # the same again
    qtbot.wait(50)
    panel = window.known_claims
    assert panel.view.currentIndex().row() == 1 and panel.current_hit() == other
    assert reader.selected_span() == (10, 20) and painted == []

    third = hit._replace(suggestion=replace(hit.suggestion, start=5, end=9))
    window._suggestions_found(article, KnownClaimsFound([third, hit, other]))  # one more
    assert panel.view.currentIndex().row() == 2 and panel.current_hit() == other
    assert reader.selected_span() == (10, 20)
    window._suggestions_found(article, KnownClaimsFound([third, hit]))  # the chosen gone
    assert not panel.view.currentIndex().isValid() and panel.current_hit() is None
    assert panel.chosen_gone()  # (Y and X refuse: the next test)


def test_a_suggestion_chosen_then_gone_is_said_and_y_and_x_take_no_other(window, qtbot,
                                                                        tmp_path):
    """Found by a review (rv224): I chose a known claim; a colleague accepted it, and the
    answer after their write had it no more. Nothing was said, nothing was chosen, and
    my Y accepted the list's first suggestion (other words, perhaps out of view), my X
    dismissed it. Its going is said, Y and X refuse until I choose again; the first row
    is the default only while nothing was chosen."""
    from PySide6.QtTest import QTest

    first = tag_sample(window, "disputed")
    text = window.article_pane.reader.toPlainText()
    other_words = "سعى بوتين إلى تعميق العلاقات"
    at = text.index(other_words)
    select_in_reader(window, at, at + len(other_words))
    window.tag("verified")
    path = tmp_path / "copy.txt"
    path.write_text(COPY.replace("الاتفاق يثير", other_words + " يثير"), encoding="utf-8")
    import_files(qtbot, window, path)
    panel, article = window.known_claims, window.current_article
    qtbot.waitUntil(lambda: len(panel.hits()) == 2, timeout=20000)
    assert panel.current_hit() == panel.hits()[0]  # nothing chosen: the first, the best
    mine = next(h for h in panel.hits() if h.claim_id != first)
    panel.view.setFocus()
    panel.choose(mine)
    with Project.open(stored(window).path, "colleague") as other:
        known_claims.accept(other, article, mine.claim_id, mine.start, mine.end)
    window.session.refresh()
    qtbot.waitUntil(lambda: len(panel.hits()) == 1, timeout=20000)
    said = window.statusBar().currentMessage()
    assert said.startswith("The known claim you chose for") and other_words in said
    assert panel.current_hit() is None and panel.chosen_gone()
    for key, word in ((Qt.Key.Key_Y, "accept"), (Qt.Key.Key_X, "dismiss")):
        QTest.keyClick(panel.view, key)
        assert window.statusBar().currentMessage() == (
            f"The known claim you chose is no longer suggested here: choose another to {word}.")
        assert [p.annotator for p in appearances.list_appearances(stored(window), article)
                ] == ["colleague"] and len(panel.hits()) == 1
    panel.choose(panel.hits()[0])  # chosen again: Y takes it
    QTest.keyClick(panel.view, Qt.Key.Key_Y)
    assert {p.claim_id for p in appearances.list_appearances(stored(window), article)} == {
        first, mine.claim_id}


@pytest.mark.skipif(os.name != "posix", reason="killed with SIGKILL")
def test_a_matcher_that_died_takes_the_readers_outlines_with_the_list(window, qtbot,
                                                                      tmp_path):
    """Found by a review (rv224): the matcher's process killed, the panel emptied and
    said so, but the reader kept its dashed outlines and their key, and a click on one
    picked the row it had had (IndexError)."""
    import signal

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    reader = window.article_pane.reader
    qtbot.waitUntil(lambda: not window.finder.busy(), timeout=20000)
    assert reader._outlines and window.article_pane._suggestion_key.isVisibleTo(window)
    pid = window.session.matcher_pid
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with qtbot.waitSignal(window.finder.failed, timeout=20000):
        window.finder.request(window.current_article)
    assert window.known_claims.hits() == [] and reader._outlines == []
    assert not window.article_pane._suggestion_key.isVisibleTo(window)
    assert not window.action_set.accept_suggestion.isEnabled()
    with qtbot.captureExceptions() as raised:
        reader.suggestionClicked.emit(0)  # (an outline's click, come late)
    assert raised == []


@pytest.mark.skipif(os.name != "posix", reason="waitpid() on a child is POSIX")
def test_closing_the_window_ends_the_matcher_process(window, qtbot, tmp_path):
    tag_sample(window)
    open_copy(window, qtbot, tmp_path)  # the suggestion came from the matcher's process
    pid = window.session.matcher_pid
    assert pid is not None and pid != os.getpid()
    window.close()
    assert window.session.matcher_pid is None
    with pytest.raises(ChildProcessError):  # already reaped: not left running, no zombie
        os.waitpid(pid, os.WNOHANG)


def test_link_as_one_claim_joins_these_words_to_the_claim_picked_and_no_other(
        window, qtbot, tmp_path):
    """The same words checked as two claims elsewhere (disputed in one article, verified
    in another): Link as One Claim asks which of them these words are, through its menu,
    and only these words join it. Linking once joined every claim on the words into the
    one made first: a colleague's verified claim became disputed, and its note went."""
    session = window.session
    disputed = tag_sample(window, "disputed")
    session.update_claim(disputed, note="A: the text says otherwise")
    for name in ("copy.txt", "third.txt"):
        (tmp_path / name).write_text(COPY + "\n" + name, encoding="utf-8")
    import_files(qtbot, window, tmp_path / "copy.txt")
    verified = tag_sample(window, "verified")
    session.update_claim(verified, note="B: the agency confirms it")
    import_files(qtbot, window, tmp_path / "third.txt")
    mine = tag_sample(window, "unchecked")
    editor = window.claims_panel.editor
    assert editor.link_button.isVisibleTo(window)
    assert "(Disputed)" in editor.elsewhere.text() and "(Verified)" in editor.elsewhere.text()
    [to_disputed, to_verified] = sorted(
        editor.link_button.menu().actions(), key=lambda a: "Verified" in a.text())
    assert "Disputed" in to_disputed.text()

    to_verified.trigger()
    place = session.appearance(mine)
    assert place.claim_id == verified and place.claim.note == "B: the agency confirms it"
    other = session.appearance(disputed).claim
    assert (other.label, other.note, other.is_deleted) == (
        "disputed", "A: the text says otherwise", False)
    assert "Verified" in window.statusBar().currentMessage()
    assert "Undo" in window.statusBar().currentMessage()

    window.undo_stack.undo()
    assert session.appearance(mine).claim_id == mine
    assert session.appearance(mine).claim.label == "unchecked"


def test_link_as_one_claim_with_one_claim_elsewhere_takes_its_verdict(window, qtbot,
                                                                      tmp_path):
    """One claim checked elsewhere: the button links to it directly, and these words
    show its verdict (the claim here, made earlier, does not take the other over)."""
    mine = tag_sample(window, "disputed")
    open_copy(window, qtbot, tmp_path)
    theirs = tag_sample(window, "verified")
    window.show_article(window.session.appearance(mine).article_id)
    window.select_claim(mine)
    editor = window.claims_panel.editor
    assert editor.link_button.menu() is None
    qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    assert window.session.appearance(mine).claim_id == theirs
    assert window.session.appearance(theirs).claim.label == "verified"


def test_a_link_refused_for_one_place_changes_no_place(window, qtbot, tmp_path, errors):
    """My claim X has a place in another article on the very words claim Y checked there
    (Accept Known Claim, tag --same-as): Link to Y was refused for that place, after X's
    place here had already become Y's, with no undo step and a status saying it was
    done. The places are linked all or none."""
    first = window.current_article
    x = tag_sample(window, "verified")
    other = tmp_path / "b.txt"
    other.write_text(f"قال الرئيس إنها {SAMPLE_QUOTE} في التاريخ.", encoding="utf-8")
    import_files(qtbot, window, other)
    second = window.current_article
    y = tag_sample(window, "disputed")
    at = window.article_pane.reader.plain_text().index(SAMPLE_QUOTE)
    window.session.add_appearance(x, second, at, at + len(SAMPLE_QUOTE))
    window.show_article(first)
    window.select_claim(x)
    editor = window.claims_panel.editor
    qtbot.waitUntil(lambda: editor.claim is not None and editor.claim.id == x)
    steps = window.undo_stack.count()
    window.statusBar().clearMessage()
    editor.link_button.click()
    assert errors and "already tagged as this claim" in errors[0]
    assert window.session.appearance(x).claim_id == x  # nothing linked
    assert {p.claim_id for p in window.session.appearances_of(x)} == {x}
    assert window.session.appearance(y).claim_id == y
    assert window.undo_stack.count() == steps
    assert "now the claim" not in window.statusBar().currentMessage()


def test_the_panel_says_it_is_looking_until_the_answer_comes(window, qtbot):
    """For the half second after an article was shown the panel said «No claim checked
    elsewhere appears here» while the matcher was still looking: it says it is looking,
    then what it found."""
    summary = window.known_claims.summary
    window.show_article(window.current_article)
    assert summary.text() == "Looking for claims checked elsewhere…"
    qtbot.waitUntil(lambda: not summary.text().startswith("Looking"), timeout=20000)
    assert summary.text() == "No claim checked elsewhere appears here."


def test_the_same_words_known_as_several_claims_are_outlined_once():
    """The same words checked as 29 claims elsewhere (a colleague tagging «المعاهدة» in
    every article) were 29 dashed boxes drawn on one another at every paint: by the end
    of a day, a tag's repaint took three times as long (rv65)."""
    from gui.outlines import Outline, OutlineIndex

    same = [Outline(5, 12, "#ff0000")] * 29 + [Outline(5, 12, "#00ff00"),
                                                Outline(20, 25, "#ff0000")]
    assert OutlineIndex(same).overlapping(0, 100) == [
        Outline(5, 12, "#ff0000"), Outline(5, 12, "#00ff00"), Outline(20, 25, "#ff0000")]


@pytest.mark.skipif(os.name != "posix", reason="killed with SIGKILL")
def test_a_matcher_that_died_is_said_and_the_search_made_again(window, qtbot, tmp_path):
    """Found by a review (rv146): the matcher's process killed (out of memory, say)
    between two searches, the next article's search failed, and its panel said «No
    claim checked elsewhere appears here» until the person changed something: a false
    all-clear. The failure is said in the status bar, and the search made again."""
    import signal

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    pid = window.session.matcher_pid
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    told: list[str] = []
    window.finder.failed.connect(told.append)
    window.finder.request(window.current_article)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    qtbot.waitUntil(lambda: not window.finder.busy(), timeout=20000)
    assert told == ["The search for known claims stopped unexpectedly."]
    assert window.known_claims.hits()  # found again, by a new process
    assert window.session.matcher_pid not in (None, pid)
