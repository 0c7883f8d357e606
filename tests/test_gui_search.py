"""Project search and paste-as-article in the window."""

from __future__ import annotations

import pytest
from conftest import ROOT, SAMPLE_QUOTE, import_files, select_in_reader, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from gui.i18n import TsTranslator
from store.core import appearances, articles
from store.text.display import display_for_terminal


def test_search_hit_opens_selects_and_tags(window):
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("معاهده على الاطلاق")  # folded spelling of the sample quote's words
    panel.run()
    text = window.article_pane.reader.toPlainText()
    expected = text.index("معاهدة على الإطلاق")
    hits = [h for h in panel.hits if h.kind == "article"]
    assert any(h.start <= expected < h.end or h.start == expected for h in hits)
    hit = next(h for h in hits if h.start == expected or h.start <= expected < h.end)
    panel.results.setCurrentRow(panel.hits.index(hit))
    panel._activated(panel.results.currentItem())
    assert window.article_pane.reader.selected_span() == (hit.start, hit.end)
    window.findChild(QAction, "tag_disputed").trigger()
    (claim,) = appearances.list_appearances(stored(window))
    assert (claim.start, claim.end) == (hit.start, hit.end)
    assert text[claim.start:claim.end] == claim.quote


def test_down_in_the_query_goes_to_the_first_result_and_enter_opens_it(window, qtbot):
    """Only Tab reached the results from the query: Down did nothing there, and a
    verdict's key then typed into the query. Down now takes the first result (running
    a search still waiting for its typing pause), Enter opens it, a verdict tags it."""
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("بوتين")  # as typed: the search waits for a pause in the typing
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentRow() == 0
    first = panel.hits[0]
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.article_pane.reader.selected_span() == (first.start, first.end)
    window.findChild(QAction, "tag_verified").trigger()
    (claim,) = appearances.list_appearances(stored(window))
    assert (claim.start, claim.end, panel.query.text()) == (first.start, first.end, "بوتين")


def test_a_verdict_key_on_a_result_arrowed_to_tags_its_words(window, qtbot):
    """A verdict's key pressed on a result chosen with the arrows (not yet opened with
    Enter) relabelled the claim chosen before, out of sight, and tagged nothing. It
    opens the result and tags its words."""
    text = window.article_pane.reader.toPlainText()
    select_in_reader(window, 0, 8)
    window.tag("verified")
    (before,) = appearances.list_appearances(stored(window))
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("الزعيم")
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    hit = panel.hits[panel.results.currentRow()]
    window.findChild(QAction, "tag_disputed").trigger()
    made = {(p.start, p.end): p.label for p in appearances.list_appearances(stored(window))}
    assert made == {(before.start, before.end): "verified", (hit.start, hit.end): "disputed"}
    assert text[hit.start:hit.end] == "الزعيم"


def test_a_verdict_key_on_a_result_tags_it_with_nothing_chosen_before(window, qtbot,
                                                                      tmp_path):
    """With nothing selected in the article (a fresh window), the verdict actions were
    off, and the key on a result arrowed to did nothing at all; a result in another
    article neither opened nor was tagged."""
    path = tmp_path / "other.txt"
    path.write_text("خبر آخر: قال المتحدث إن الهدنة صامدة منذ أسبوع.", encoding="utf-8")
    import_files(qtbot, window, path)
    other = window.current_article
    first = window.session.article_list()[0]["id"]
    window.show_article(first)
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("الهدنة")
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    hit = panel.highlighted_hit()
    assert hit is not None and hit.article_id == other
    assert window.findChild(QAction, "tag_verified").isEnabled()
    qtbot.keyClick(panel.results, Qt.Key.Key_2)
    assert window.current_article == other
    (made,) = appearances.list_appearances(stored(window))
    assert (made.article_id, made.start, made.end, made.label) == (
        other, hit.start, hit.end, "verified")


def test_a_hit_of_an_article_deleted_since_the_search_is_not_opened(window, qtbot,
                                                                   monkeypatch):
    """A hit taken before the results were sought again (they are, REFRESH_PAUSE_MS after
    the change, or after the Search tab shows again) opened its article deleted since,
    out of the article list, and a verdict key there was refused (rv169). Down seeks them
    again first, a hit chosen is taken as the project has it now, and a deleted
    article's is not opened: the status bar says why, and a verdict key tags nothing."""
    from gui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    gone = "This article was deleted since the search."
    window.files.paste_as_article("مقال ثان عن الطاقة الشمسية في المغرب")
    second = window.current_article
    window.open_search()
    panel = window.search_panel
    panel.query.setText("الشمسية")
    panel.run()
    window._articles_dock.raise_()  # the Articles tab in front: the results wait
    window.delete_article()
    first = window.current_article
    assert first != second
    window.open_search()  # Ctrl+Shift+F, then Down: the results as they are now, none
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert (panel.hits, panel.query.hasFocus()) == ([], True)
    window.undo_stack.undo()  # the article back, the results sought again...
    panel.run()
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.highlighted_hit().article_id == second
    window.show_article(first)
    panel.results.setFocus()
    window.undo_stack.redo()  # ...and deleted again, the results not yet
    assert panel.hits and window.current_article == first
    qtbot.keyClick(panel.results, Qt.Key.Key_2)  # a verdict key on the result
    assert (window.current_article, window.statusBar().currentMessage()) == (first, gone)
    assert appearances.list_appearances(stored(window)) == []
    window.undo_stack.undo()
    panel.run()
    window.show_article(first)
    window.undo_stack.redo()
    window.statusBar().clearMessage()
    panel._activated(panel.results.item(0))  # clicked, or Enter
    assert (window.current_article, window.statusBar().currentMessage()) == (first, gone)
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert arabic.translate("MainWindow", gone) not in ("", gone)


def test_a_verdict_key_on_a_note_hit_in_a_hidden_layer_relabels_its_claim(window, qtbot):
    """A note's hit of a colleague whose box is unticked, arrowed to, then a verdict key:
    their layer is shown again and their claim relabelled. The list could not show the
    claim, chose nothing, and the key tagged the words selected before as a claim of
    mine (rv179)."""
    from store.core import claims
    from store.core.project import Project

    session = window.session
    with Project.open(session.path, "colleague") as colleague:
        theirs = appearances.tag_quote(colleague, window.current_article, SAMPLE_QUOTE,
                                       "verified")
        claims.update_claim(colleague, theirs.claim_id, note="ذكر زنجبار في البيان")
    session.refresh()
    window.review_tools.refresh()
    layers = window.review_tools.layers
    layers.list.item(layers.names().index("colleague")).setCheckState(Qt.CheckState.Unchecked)
    text = window.article_pane.reader.toPlainText()
    at = text.index("فلاديمير بوتين")
    select_in_reader(window, at, at + len("فلاديمير بوتين"))
    window.open_search()
    panel = window.search_panel
    panel.query.setText("زنجبار")
    panel.run()
    qtbot.waitUntil(lambda: [h.kind for h in panel.hits] == ["note"], timeout=3000)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.highlighted_hit().claim_id == theirs.claim_id
    qtbot.keyClick(panel.results, Qt.Key.Key_3)
    (claim,) = appearances.list_appearances(stored(window))
    assert (claim.id, claim.label) == (theirs.id, "disputed")
    assert window.current_claim_id() == theirs.id and layers.hidden == set()


def test_a_verdict_key_on_a_note_hit_whose_claim_went_since_relabels_nothing(window, qtbot):
    """A note's hit arrowed to, its claim deleted by a colleague since, and a verdict key:
    the window found no place of the claim, selected nothing, and the key relabelled the
    claim chosen before, which the person was not looking at (rv173). The status bar says
    why, and nothing is relabelled."""
    from store.core import claims
    from store.core.project import Project

    gone = ("This note's claim is no longer in the article: it was deleted or untagged "
            "since the search.")
    session = window.session
    select_in_reader(window, 0, 12)
    window.tag("verified")
    first = window.claims_panel.claims()[0]
    session.update_claim(first.claim_id, note="ذكر زنجبار في البيان")
    select_in_reader(window, 20, 30)
    window.tag("verified")
    other = next(p for p in window.claims_panel.claims() if p.id != first.id)
    window.open_search()
    panel = window.search_panel
    panel.query.setText("زنجبار")
    panel.run()
    window.select_claim(other.id)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.highlighted_hit().claim_id == first.claim_id
    with Project.open(session.path, "colleague", create=False) as colleague:
        claims.delete_claim(colleague, first.claim_id)
    assert session.refresh()  # (the results are sought again REFRESH_PAUSE_MS after)
    qtbot.keyClick(panel.results, Qt.Key.Key_3)
    labels = {p.id: p.label for p in appearances.list_appearances(stored(window))}
    assert labels[other.id] == "verified"
    assert window.statusBar().currentMessage() == gone
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert arabic.translate("MainWindow", gone) not in ("", gone)

def test_search_finds_other_spellings_and_digits(window):
    project = stored(window)
    articles.add_article(project, "قال الوزير إن الإتفاق وُقّع في ٢٠٢٤ 😀", "ثانٍ")
    window.article_model.reload()
    panel = window.search_panel
    for query, found in (("الاتفاق", "الإتفاق"), ("2024", "٢٠٢٤")):
        panel.query.setText(query)
        panel.run()
        assert any(h.context[h.context_start:h.context_end] == found for h in panel.hits), query


def test_more_matches_than_a_page_are_said_to_be_and_shown_on_request(window, monkeypatch):
    """A common word in a big project stopped at «200 matches», the rest out of reach:
    the summary says there are more, and Show More Matches lists the next ones."""
    from gui import search_panel

    monkeypatch.setattr(search_panel, "MAX_HITS", 3)
    project = stored(window)
    for n in range(4):
        articles.add_article(project, f"المقال {n}: الحكومة قالت والحكومة أكدت.", f"مقال {n}")
    window.article_model.reload()
    panel = window.search_panel
    panel.query.setText("الحكومة")
    panel.run()
    everything = window.session.search("الحكومة", 1000)
    assert len(everything) >= 8 and panel.hits == everything[:3]
    assert panel.more.isVisibleTo(panel) and "more to show" in panel.summary.text()
    panel.more.click()
    assert panel.hits == everything[:6] and panel.results.currentRow() == 3
    while panel.more.isVisibleTo(panel):
        panel.more.click()
    assert panel.hits == everything and panel.results.count() == len(everything)
    assert panel.summary.text() == f"{len(everything)} matches"
    panel.query.setText("المقال 2")  # a new search starts from a page again
    panel.run()
    assert not panel.more.isVisibleTo(panel) and len(panel.hits) == 1


def test_the_results_follow_the_project_as_it_changes(window, qtbot):
    """A hit tagged from the panel still read «text», not «claim», until the search was
    run again: the results are sought again once changes pause, the chosen one kept."""
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("بوتين")
    panel.run()
    assert len(panel.hits) > 1 and {h.kind for h in panel.hits} == {"article"}
    panel.results.setCurrentRow(1)
    chosen = panel.hits[1]
    panel._activated(panel.results.currentItem())
    window.findChild(QAction, "tag_verified").trigger()
    qtbot.waitUntil(lambda: panel.hits[1].kind == "quote", timeout=3000)
    assert panel.hits[1].claim_id == window.current_claim_id()
    assert (panel.hits[1].start, panel.results.currentRow()) == (chosen.start, 1)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.hits[1].kind == "article", timeout=3000)
    # a search that found nothing finds what is added after it
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: window.current_claim_id() is not None, timeout=3000)
    panel.query.setText("زنجبار")
    panel.run()
    assert panel.hits == [] and panel.summary.text() == "No matches"
    window.claims_panel.editor.note.setPlainText("ذكر زنجبار في البيان")
    window.claims_panel.commit_typing()
    qtbot.waitUntil(lambda: [h.kind for h in panel.hits] == ["note"], timeout=3000)


def test_words_found_only_apart_are_said_to_be(window):
    """Several words not found together gave «3 matches», each one word marked, as if
    the phrase had been found: the summary and each result say the words were apart."""
    from gui.search_panel import LinesRole

    project = stored(window)
    articles.add_article(project, "وقال الخطيب إن المؤتمر سيعقد يوم الأحد في العاصمة",
                         "apart")
    articles.add_article(project, "وأكد الخطيب يوم الأحد أن الموعد ثابت", "together")
    window.article_model.reload()
    panel = window.search_panel
    panel.query.setText("الخطيب يوم الأحد")
    panel.run()
    titles = [(h.article_title, h.apart) for h in panel.hits]
    assert ("together", False) in titles and ("apart", True) in titles
    assert panel.summary.text() == "1 match of the words together · 3 matches of a word apart"
    shown = [panel.results.item(n).data(LinesRole) for n in range(panel.results.count())]
    assert [lines.where for lines in shown] == [
        "text, a word apart" if hit.apart else "text" for hit in panel.hits]
    panel.query.setText("الخطيب المؤتمر")  # the first article only, and apart
    panel.run()
    assert panel.summary.text() == "2 matches of a word apart"


def _hit(context: str, found: str, title: str = "تقرير", kind: str = "article"):
    from store.core.search import SearchHit

    at = context.index(found)
    return SearchHit(kind, "a1", title, None, 100 + at, 100 + at + len(found), context, at,
                     at + len(found))


def test_a_result_marks_its_hit_whatever_comes_before_it(qapp):
    """The hit is marked on its own words, counted in UTF-16 where Qt counts (an emoji
    before it is two units), and the result reads as plain text without marker signs."""
    from PySide6.QtGui import QFont

    from gui.search_panel import HitLines, snippet_layout

    context = "قال 😀 الوزير\n\n  إن معاهدة الدفاع  وقعت"
    lines = HitLines.of(_hit(context, "معاهدة"), "النص")
    assert lines.snippet == "…قال 😀 الوزير إن معاهدة الدفاع وقعت…"
    assert lines.snippet[lines.start:lines.end] == "معاهدة"
    (mark,) = snippet_layout(lines, QFont(), 400).formats()
    assert (mark.start, mark.length) == (lines.start + 1, len("معاهدة"))  # 😀: two units
    assert lines.text == "تقرير · النص\n…قال 😀 الوزير إن معاهدة الدفاع وقعت…"


@pytest.mark.parametrize(("context", "rtl"), [
    ("وقّع الرئيسان اتفاقًا للدفاع المشترك يتضمن معاهدة بين البلدين في العاصمة أمس", True),
    ("The two presidents signed a mutual defence treaty in the capital yesterday", False)])
def test_every_line_of_a_snippet_starts_at_its_own_side(qapp, context, rtl):
    """Qt laid the second line of a wrapped Arabic result left to right, from the left:
    every line of the words around a hit now starts where its language starts."""
    from PySide6.QtGui import QFont

    from gui.search_panel import SNIPPET_LINES, HitLines, snippet_layout

    width = 160
    layout = snippet_layout(HitLines.of(_hit(context, context.split()[4]), "text"),
                            QFont(), width)
    assert 2 <= layout.lineCount() <= SNIPPET_LINES
    for number in range(layout.lineCount()):
        line = layout.lineAt(number).naturalTextRect()
        if rtl:
            assert line.right() == pytest.approx(width, abs=1.5), number
        else:
            assert line.left() == pytest.approx(0, abs=1.5), number


def drawn_hit(panel, row: int, word: str) -> tuple[float, int]:
    """Of the columns of pixels across the top of *word*'s line in a result as drawn
    (above most letters, within the line's ground): the share in the hit's colour over
    the glyphs of *word*, and how many are in it over the rest of that line. (Where
    *word* is, in UTF-16, is counted here, not asked of the code drawing it.)"""
    from PySide6.QtGui import QColor

    from gui.reader import FOUND_BACKGROUND
    from gui.search_panel import (
        CELL_MARGIN,
        LinesRole,
        heading_layout,
        snippet_layout,
    )

    def utf16(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    view = panel.results
    item = view.item(row)
    rect = view.visualItemRect(item)
    lines = item.data(LinesRole)
    width = rect.width() - 2 * CELL_MARGIN
    heading = heading_layout(lines, view.font(), width, view.layoutDirection())
    layout = snippet_layout(lines, view.font(), width)
    start = utf16(lines.snippet[:lines.snippet.index(word)])
    (run,) = layout.glyphRuns(start, utf16(word))
    glyphs = run.boundingRect()
    line = layout.lineForTextPosition(start)
    top = int(rect.top() + CELL_MARGIN + heading.lineAt(0).height() + line.y())
    image = view.viewport().grab().toImage()
    found = QColor(FOUND_BACKGROUND).rgb()
    inside, outside = [], []
    for x in range(rect.left() + CELL_MARGIN, rect.right() - CELL_MARGIN):
        at = x - rect.left() - CELL_MARGIN
        if glyphs.left() - 2 <= at <= glyphs.right() + 2 and not (
                glyphs.left() + 2 < at < glyphs.right() - 2):
            continue  # the word's edges, drawn half in its colour
        marked = any(image.pixel(x, y) == found for y in range(top + 1, top + 4))
        (inside if glyphs.left() < at < glyphs.right() else outside).append(marked)
    return sum(inside) / len(inside), sum(outside)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_result_is_drawn_with_its_hit_marked_on_its_words(qtbot, errors, language):
    """In either interface, the found word of an Arabic text, of an English text quoting
    Arabic, is drawn on the found ground where the word is, and nowhere else on its line."""
    from gui.app import create_window

    win = create_window(language=language)
    qtbot.addWidget(win)
    try:
        win.show()
        project = stored(win)
        articles.add_article(project, "😀 The presidents called it (معاهدة الدفاع) the "
                             "strongest treaty ever, they said.", "An English report")
        win.article_model.reload()
        win.findChild(QAction, "search_project").trigger()
        panel = win.search_panel
        panel.query.setText("معاهده")
        panel.run()
        qtbot.waitUntil(lambda: panel.results.isVisible())
        titles = [panel.results.item(row).data(Qt.ItemDataRole.UserRole).article_title
                  for row in range(panel.results.count())]
        assert "An English report" in titles and len(set(titles)) == 2
        for row in (0, titles.index("An English report")):
            inside, outside = drawn_hit(panel, row, "معاهدة")
            assert inside > 0.9 and outside == 0, (language, row, inside, outside)
    finally:
        win.close()
        if language != "en":
            create_window(language="en").close()  # leave the application in English


def test_a_hit_late_in_its_words_is_shown_in_a_narrow_panel(qtbot, errors):
    """The words around a hit are cut at three lines: in a narrow dock (or a large font),
    forty characters before the hit filled them and the hit itself was below, never
    drawn. Its line is now the last shown, the lines before it clipped, and it is drawn
    on the found ground there."""
    from PySide6.QtGui import QFont

    from gui.app import create_window
    from gui.search_panel import (
        CELL_MARGIN,
        SNIPPET_LINES,
        HitLines,
        LinesRole,
        _height,
        snippet_layout,
    )

    before = "قال الوزير في مؤتمر صحفي عقده أمس في العاصمة إن "
    context = before + "معاهدة الدفاع وقعت"
    lines = HitLines.of(_hit(context, "معاهدة"), "النص")
    layout = snippet_layout(lines, QFont(), 90)
    hit_line = layout.lineForTextPosition(lines.start)
    shown = [layout.lineAt(i) for i in range(layout.lineCount()) if layout.lineAt(i).y() >= 0]
    assert hit_line.lineNumber() >= SNIPPET_LINES  # more lines than shown come before it
    assert len(shown) == SNIPPET_LINES and hit_line.lineNumber() == shown[-1].lineNumber()
    assert hit_line.y() + hit_line.height() == pytest.approx(_height(layout))
    # A hit of several words wrapped over two lines: both shown, the line after them not.
    phrase = "معاهدة الدفاع المشترك"
    long_hit = HitLines.of(_hit(before + phrase + " وقعت أمس في العاصمة", phrase), "النص")
    layout = snippet_layout(long_hit, QFont(), 90)
    starts = layout.lineForTextPosition(long_hit.start)
    ends = layout.lineForTextPosition(long_hit.end - 1)
    assert ends.lineNumber() > starts.lineNumber() >= 1
    assert starts.y() >= 0 and ends.y() + ends.height() == pytest.approx(_height(layout))
    wide = snippet_layout(lines, QFont(), 2000)  # one line: nothing laid out above
    assert (wide.lineCount(), wide.lineAt(0).y(), _height(wide)) == (
        1, 0, wide.lineAt(0).height())

    win = create_window(language="en")
    qtbot.addWidget(win)
    try:
        win.show()
        articles.add_article(stored(win), before * 3 + "معاهدة الدفاع وقعت في العاصمة.",
                             "تقرير")
        win.article_model.reload()
        win.findChild(QAction, "search_project").trigger()
        win.resizeDocks([win.search_dock], [1], Qt.Orientation.Horizontal)  # its narrowest
        panel = win.search_panel
        large = QFont(panel.results.font())
        large.setPointSize(20)  # as someone who reads large text sets it
        panel.results.setFont(large)
        panel.query.setText("معاهده")
        panel.run()
        qtbot.waitUntil(lambda: panel.results.isVisible())
        row = [panel.results.item(r).data(Qt.ItemDataRole.UserRole).article_title
               for r in range(panel.results.count())].index("تقرير")
        item = panel.results.item(row)
        drawn = snippet_layout(item.data(LinesRole), large,
                               panel.results.visualItemRect(item).width() - 2 * CELL_MARGIN)
        assert drawn.lineForTextPosition(item.data(LinesRole).start).lineNumber() >= \
            SNIPPET_LINES  # the case: the hit below three lines of the words before it
        panel.results.scrollToItem(item)
        inside, outside = drawn_hit(panel, row, "معاهدة")
        assert inside > 0.9 and outside == 0, (inside, outside)
    finally:
        win.close()


def test_paste_as_article_offers_pdf_repair(window, monkeypatch):
    from gui import article_dialogs

    logical = "وقع الرئيس اتفاقا في 19 يونيو 2024 (EPA)\n" + SAMPLE_QUOTE
    pasted = display_for_terminal(logical)  # what a PDF's copy gives: visual order, shaped
    offered: list[tuple[str, str]] = []
    monkeypatch.setattr(article_dialogs, "ask_pdf_repair",
                        lambda parent, before, after: offered.append((before, after)) or True)
    article_id = window.files.paste_as_article(pasted)
    assert offered and offered[0][1] == logical
    assert articles.get_article(stored(window), article_id).text == logical
    assert window.current_article == article_id


def test_paste_plain_text_imports_without_asking(window, monkeypatch):
    from gui import article_dialogs

    monkeypatch.setattr(article_dialogs, "ask_pdf_repair",
                        lambda *a: (_ for _ in ()).throw(AssertionError("asked")))
    article_id = window.files.paste_as_article("نص عادي منسوخ من موقع إخباري.")
    assert window.article_pane.reader.toPlainText() == "نص عادي منسوخ من موقع إخباري."
    assert window.current_article == article_id


@pytest.mark.parametrize(("pick", "expected"), [(0, "لبنان"), (1, "فبلال"), (None, None)])
def test_an_ambiguous_file_asks_which_reading_and_stores_the_one_picked(
        window, qtbot, monkeypatch, tmp_path, pick, expected):
    from gui import article_dialogs

    path = tmp_path / "short.txt"
    path.write_bytes("لبنان".encode("cp1256"))  # ISO-8859-6 reads it too, as «فبلال»
    asked: list[tuple[str, str]] = []

    def choose(parent, chosen, other, place):
        asked.append((chosen.encoding, other.encoding, place))
        return None if pick is None else (chosen, other)[pick].confirmed()

    monkeypatch.setattr(article_dialogs, "ask_encoding", choose)
    before = {a["id"] for a in window.session.article_list()}
    import_files(qtbot, window, path)
    assert asked == [("Windows-1256", "ISO-8859-6", (1, 1))]
    added = [a for a in articles.list_articles(stored(window)) if a["id"] not in before]
    if expected is None:
        assert added == []  # cancelled: nothing stored
    else:
        (article,) = added
        assert articles.get_article(stored(window), article["id"]).text == expected
        status = window.statusBar().currentMessage()
        assert expected in status and "possible too" not in status  # the user chose


def test_the_encoding_dialog_shows_both_readings(window, tmp_path):
    from PySide6.QtWidgets import QPlainTextEdit

    from gui.article_dialogs import EncodingDialog
    from store.exchange.importing import load_file

    path = tmp_path / "short.txt"
    path.write_bytes("لبنان".encode("cp1256"))
    first = load_file(path)
    dialog = EncodingDialog(first, load_file(path, first.alternative_encoding), window, (2, 3))
    shown = {view.objectName(): view.toPlainText()
             for view in dialog.findChildren(QPlainTextEdit)}
    assert shown == {"encodingChosen": "لبنان", "encodingOther": "فبلال"}
    assert dialog.windowTitle().endswith("(file 2 of 3)")
    assert first.confirmed().changes == [] and not first.confirmed().encoding_ambiguous


def test_results_are_as_tall_as_their_lines_at_any_width(qtbot, errors):
    """The results' rows kept the heights of the width the list had before its scroll
    bar came: each result's last line was drawn over the next one's title, and a wider
    panel left gaps. Each row is as tall as its lines, at either width."""
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    from gui.app import create_window

    win = create_window(remember=False)
    qtbot.addWidget(win)
    project = stored(win)
    for n in range(8):
        articles.add_article(project, f"تقرير رقم {n}: قال بوتين في مؤتمر صحفي طويل عقده في "
                             "العاصمة إن المعاهدة الجديدة أقوى معاهدة على الإطلاق بين البلدين "
                             "وإنها ستغير ميزان القوى في المنطقة لسنوات طويلة.", f"تقرير {n}")
    win.article_model.reload()
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.findChild(QAction, "search_project").trigger()
    panel = win.search_panel
    panel.query.setText("بوتين")
    panel.run()
    view = panel.results
    qtbot.waitUntil(lambda: view.isVisible() and view.count() > 3)

    def misfits() -> list[int]:
        """Rows not as tall as their lines, or not starting where the row before ends."""
        QApplication.processEvents()
        rows, bottom = [], None
        for row in range(view.count()):
            index = view.model().index(row, 0)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = view.visualRect(index)
            if view.itemDelegate().sizeHint(option, index).height() != option.rect.height() \
                    or bottom is not None and option.rect.top() != bottom:
                rows.append(row)
            bottom = option.rect.bottom() + 1
        return rows

    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible() or not misfits())
    assert misfits() == []
    dock = next(d for d in win.findChildren(QDockWidget) if d.widget() is panel)
    win.resizeDocks([dock], [dock.width() + 220], Qt.Orientation.Horizontal)
    assert misfits() == []


def test_results_keep_their_place_when_a_note_among_them_is_edited(window, qtbot):
    """The results came in the index's order: a note edited went to the end of the list,
    the chosen hit with it (past 200 hits, out of the page; rv102). Each page is in the
    article list's order, an article's text before its claims' notes."""
    project = stored(window)
    first, second = (articles.add_article(project, f"{word} رفع التعريفة الجمركية.", word)
                     for word in ("أولى", "ثانية"))
    window.article_model.reload()
    made = [appearances.create_claim(project, article.id, 0, 4, "verified",
                                     note=f"التعريفة {n}")
            for n, article in enumerate((first, first, second)) if n != 1]
    made.insert(1, appearances.create_claim(project, first.id, 5, 8, "verified",
                                            note="التعريفة 1"))
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("التعريفة")
    panel.run()

    def order() -> list[tuple[str, str]]:
        return [(hit.article_id, hit.kind) for hit in panel.hits]

    before = order()
    assert [kind for _, kind in before] == ["article", "note", "note", "article", "note"]
    assert [article for article, _ in before] == [first.id] * 3 + [second.id] * 2
    panel.results.setCurrentRow(1)
    chosen = panel.hits[1]
    window.session.update_claim(chosen.claim_id, note=f"{chosen.context} (مصحح)")
    qtbot.waitUntil(lambda: "مصحح" in panel.hits[1].context, timeout=10000)  # (a busy machine)
    assert order() == before and panel.results.currentRow() == 1
