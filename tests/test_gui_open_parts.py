"""A long article's places are read a part at a time (gui.places): what the first picture
shows before it, the rest after it. Meanwhile the window is whole: every view holds the
places read so far, in order, and anything that needs all of them (a tag, a selection,
a sort, a filter, the Disagreements panel) reads the rest first."""

from __future__ import annotations

import sys

import pytest
from conftest import reader_showing, select_in_reader, stored
from PySide6.QtCore import QObject, Qt

from gui import reader as reader_module
from gui.commands import EditClaim
from gui.models import ClaimIdRole
from gui.places import ArticlePlaces
from store.core import appearances, articles
from store.core.records import Label, Place

PARAGRAPHS = reader_module.LAZY_BLOCKS + 200  # long enough to be read in parts


def _place(n: int, start: int) -> Place:
    return Place(f"p{n:04}", f"p{n:04}", "a", start, start + 3, "verified", "me", "t")


# -- the parts, in the store and in gui.places -------------------------------------------
def test_places_read_by_ranges_and_limits_are_the_whole_in_reading_order(sample_project):
    text = "\n".join(f"فقرة رقم {n} فيها كلام" for n in range(60))
    article = articles.add_article(sample_project, text, "أجزاء")
    for n in range(60):  # three places sharing each start, one per ten shares the next
        at = text.index(f"رقم {n} ")
        for end in (at + 3, at + 5, at + 7):
            appearances.create_claim(sample_project, article.id, at, end, "verified")
    whole = appearances.list_places(sample_project, article.id)
    assert len(whole) == 180
    parts, at = [], 0
    while at < len(text):
        parts += appearances.list_places(sample_project, article.id, at, at + 37)
        at += 37
    assert parts == whole
    assert appearances.list_places(sample_project, article.id, limit=4) == whole[:4]
    middle = whole[90].start
    assert appearances.list_places(sample_project, article.id, middle) == [
        p for p in whole if p.start >= middle]


def test_article_places_reads_every_place_once_in_order_whatever_is_asked(qapp):
    # Places crowd some starts (more than a limit asks for), leave others empty.
    starts = [0] * 5 + [10] * 40 + [11, 500, 501, 9000, 9000, 20000] + [30000] * 3
    whole = [_place(n, at) for n, at in enumerate(starts)]
    asked: list[tuple] = []

    def read(start, before, limit):
        asked.append((start, before, limit))
        found = [p for p in whole if p.start >= start and (before is None or p.start < before)]
        return found if limit is None else found[:limit]

    places = ArticlePlaces(read, 30010)
    arrived: list[Place] = []
    completed: list[bool] = []
    places.arrived.connect(arrived.extend)
    places.completed.connect(lambda: completed.append(True))
    places.read_at_least(8)  # the 5 at 0, then 40 sharing 10: all of them, not 3
    assert places.so_far() == whole[:45] and not places.complete
    places.read_at_least(8)  # has them already: no read
    places.read_until(5)
    assert len(asked) == 3  # 9 from 0 (5 there), 4 from 10 (all at 10), those at 10
    places.read_until(600)
    assert places.so_far() == whole[:48] and places.until >= 600
    places.read_all()
    assert places.so_far() == whole == arrived and places.complete and completed == [True]
    places.read_all()
    places.read_until(10**6)
    assert completed == [True] and len(arrived) == len(whole)


def test_article_places_reads_the_rest_a_part_at_a_time_and_stops_when_told(qtbot):
    whole = [_place(n, n * 7) for n in range(3000)]

    def read(start, before, limit):
        return [p for p in whole if p.start >= start and (before is None or p.start < before)]

    places = ArticlePlaces(read, 3000 * 7)
    parts: list[list[Place]] = []
    places.arrived.connect(parts.append)
    places.start()
    qtbot.waitUntil(lambda: places.complete)
    assert len(parts) > 1 and [p for part in parts for p in part] == whole

    stopped = ArticlePlaces(read, 3000 * 7)
    stopped.read_until(10)
    stopped.stop()
    stopped.start()
    stopped.read_all()  # a stopped reading reads no more (another article is shown)
    qtbot.wait(50)
    assert not stopped.complete and not stopped.reading and len(stopped.so_far()) < 3000


def test_the_reader_reads_the_places_of_the_paragraphs_it_shows(qtbot, monkeypatch):
    paragraphs = [f"الفقرة {n} 😀 فيها كلام كثير" for n in range(PARAGRAPHS)]
    text = "\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    whole = [Place(f"c{n:04}", f"c{n:04}", "a", at + 7, at + 12, "disputed", "me", "t")
             for n, at in enumerate(starts)]
    labels = [Label("disputed", "Disputed", "#EF9A9A", 0)]

    def read(start, before, limit):
        found = [p for p in whole if p.start >= start and (before is None or p.start < before)]
        return found if limit is None else found[:limit]

    def shown(claims, lazy: bool) -> reader_module.ArticleView:
        return reader_showing(qtbot, monkeypatch, text, claims, labels,
                              200 if lazy else 10**6)

    places = ArticlePlaces(read, len(text))
    view, eager = shown(places, True), shown(whole, False)
    assert 0 < places.until < len(text) and not places.complete  # what it shows, no more
    assert all(p.start < places.until for p in places.so_far())
    for number in range(5):  # the paragraphs in view
        assert _ranges(view, number) == _ranges(eager, number) != []
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # a scroll reads what comes into view
    view.viewport().repaint()
    middle = view.firstVisibleBlock().blockNumber()
    assert middle > 0 and _ranges(view, middle) == _ranges(eager, middle) != []
    places.read_all()  # the rest, as after the first paint
    view.select_span(starts[-1], starts[-1] + 3)
    view.viewport().repaint()
    assert _ranges(view, PARAGRAPHS - 1) == _ranges(eager, PARAGRAPHS - 1) != []


# -- the window ----------------------------------------------------------------------------
@pytest.fixture
def long_article(window):
    """An article of PARAGRAPHS paragraphs, three claims in each (one by another
    annotator, of another verdict, overlapping: a disagreement), one across two."""
    project = stored(window)
    text = "\n".join(f"الفقرة {n} تقول إن المعاهدة أقوى معاهدة على الإطلاق" for n in
                     range(PARAGRAPHS))
    article = articles.add_article(project, text, "مقال طويل")
    at = 0
    with project.transaction():
        for n in range(PARAGRAPHS):
            paragraph = text.index("\n", at) if n < PARAGRAPHS - 1 else len(text)
            words = text.index("المعاهدة", at)
            appearances.create_claim(project, article.id, at, text.index(" تقول", at),
                                     "verified")  # «الفقرة N»
            appearances.create_claim(project, article.id, words, words + 8, "disputed")
            project.annotator = "omar"
            appearances.create_claim(project, article.id, words, words + 13, "verified")
            project.annotator = "tester"
            at = paragraph + 1
        middle = text.index("\n", len(text) // 2)
        appearances.create_claim(project, article.id, middle - 4, middle + 5, "verified")
    # Written through the test's own connection: another program's write, which the window
    # takes in whole (every list read again) at its poll's next look, a second after it
    # opened. Taken in now, not at a moment the machine's load decides: inside a test, it
    # made the lists a test measures anew between its steps.
    window.session.refresh()
    return article


def _rows(window) -> list[str]:
    proxy = window.claims_panel.proxy
    return [proxy.index(row, 0).data(ClaimIdRole) for row in range(proxy.rowCount())]


def _whole(window, article_id: str) -> list[str]:
    return [p.id for p in appearances.list_places(stored(window), article_id)]


def _ranges(view, number: int) -> list[tuple]:
    return [(r.start, r.length, r.format.background().color().name(), r.format.fontWeight())
            for r in view.document().findBlockByNumber(number).layout().formats()]


def _open(window, article) -> None:
    """Open the article as a click does; nothing after it has run yet."""
    window.show_article(article.id)
    assert window.reading_places  # the rest comes after the first paint


def test_the_first_picture_holds_what_it_shows_and_the_rest_follows(window, long_article,
                                                                    qtbot, monkeypatch):
    whole = _whole(window, long_article.id)
    _open(window, long_article)
    view = window.article_pane.reader
    shown = _rows(window)
    assert 100 <= len(shown) < len(whole) and shown == whole[:len(shown)]  # a prefix, in order
    view.viewport().repaint()
    # The blocks in view are highlighted as they are when every place is read at once.
    monkeypatch.setattr(reader_module, "LAZY_BLOCKS", 10**6)
    eager = reader_module.ArticleView()
    qtbot.addWidget(eager)
    eager.show_article(long_article.id, long_article.text,
                       appearances.list_places(stored(window), long_article.id),
                       window.session.labels())
    first = view.firstVisibleBlock().blockNumber()
    for number in range(first, first + 10):
        assert _ranges(view, number) == _ranges(eager, number) != []

    qtbot.waitUntil(lambda: not window.reading_places)
    assert _rows(window) == whole
    assert window.review_tools.layers.names() == ["omar", "tester"]
    last = PARAGRAPHS - 1
    view.select_span(len(long_article.text) - 5, len(long_article.text))
    view.viewport().repaint()
    assert _ranges(view, last) == _ranges(eager, last) != []
    across = long_article.text.count("\n", 0, long_article.text.index("\n", len(
        long_article.text) // 2))  # the paragraph the claim across two starts in
    view.select_span(*view.offsets.span_to_code_points(
        view.document().findBlockByNumber(across).position(),
        view.document().findBlockByNumber(across).position() + 3))
    view.viewport().repaint()
    assert _ranges(view, across) == _ranges(eager, across)
    assert _ranges(view, across + 1) == _ranges(eager, across + 1)


def test_mine_only_right_after_opening_hides_those_still_to_come(window, long_article,
                                                                 qtbot):
    """Mine Only clicked while the places are still read: an annotator whose claims
    lie only in the part not read yet (not in the list at the click) is hidden too."""
    project = stored(window)
    late = long_article.text.rindex("أقوى")
    project.annotator = "zaid"
    appearances.create_claim(project, long_article.id, late, late + 4, "disputed")
    project.annotator = "tester"
    _open(window, long_article)
    layers = window.review_tools.layers
    assert "zaid" not in layers.names()
    layers.mine_only()
    qtbot.waitUntil(lambda: not window.reading_places)
    model, proxy = window.claims_panel.model, window.claims_panel.proxy
    shown = {model.place_at(proxy.mapToSource(proxy.index(row, 0)).row()).annotator
             for row in range(proxy.rowCount())}
    assert shown == {"tester"} and "zaid" in layers.names()
    assert window.article_pane.reader.highlighter.hidden_annotators == {"omar", "zaid"}
    layers.everyone()
    assert proxy.rowCount() == len(_whole(window, long_article.id))


def test_a_tag_right_after_opening_reads_the_rest_first(window, long_article):
    _open(window, long_article)
    text = long_article.text
    start = text.rindex("أقوى")  # the last paragraph: far from what was read
    select_in_reader(window, start, start + 4)
    window.tag("unchecked")
    whole = _whole(window, long_article.id)
    assert len(whole) == 3 * PARAGRAPHS + 2
    assert _rows(window) == whole and not window.reading_places  # each row once, in order
    made = window.claims_panel.current_claim_id()
    assert made in whole and window.session.appearance(made).start == start
    window.undo_stack.undo()
    assert _rows(window) == _whole(window, long_article.id) == [i for i in whole if i != made]


def test_a_change_to_a_place_not_read_yet_reads_the_rest_first(window, long_article, qtbot):
    whole = _whole(window, long_article.id)
    _open(window, long_article)
    last = window.session.appearance(whole[-1])  # the last paragraph's: not read yet
    window.undo_stack.push(EditClaim(window.session, last, label="unchecked"))
    assert _rows(window) == whole  # each row once, in order
    model = window.claims_panel.model
    assert model.place_at(model.row_of(last.id)).label == "unchecked"
    qtbot.waitUntil(lambda: not window.review_tools._timer.isActive())
    assert len(window.review_tools._index) == len(whole)


def test_selecting_sorting_stepping_and_filtering_right_after_opening_see_every_claim(
        window, long_article, qtbot):
    whole = _whole(window, long_article.id)
    _open(window, long_article)
    window.select_claim(whole[-1])  # clicked in the reader, say: far down
    assert window.claims_panel.current_claim_id() == whole[-1]

    _open(window, long_article)
    window.claims_panel.clear_selection()
    window.claims_panel.step(-1)  # wraps round to the last claim
    assert window.claims_panel.current_claim_id() == whole[-1]

    _open(window, long_article)
    window.claims_panel.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # annotator
    rows = _rows(window)
    assert sorted(rows) == sorted(whole) and not window.reading_places
    model = window.claims_panel.model
    assert [model.place_at(r).annotator for r in range(len(rows))].count("omar") == PARAGRAPHS
    window.claims_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    window.claims_panel.filter_edit.setText("الفقرة 59")  # "الفقرة 59" and "الفقرة 590"...
    qtbot.waitUntil(lambda: not window.claims_panel.filter_pending())  # (a long list)
    window.show_article(long_article.id)  # a text filter in force: every row read, after
    assert window.claims_panel.filter_pending()  # the first picture, then filtered
    qtbot.waitUntil(lambda: not window.claims_panel.filter_pending())
    rows = _rows(window)
    assert not window.reading_places
    assert {appearances.get_appearance(stored(window), i).quote for i in rows} == {
        f"الفقرة {n}" for n in (59, *range(590, 600)) if n < PARAGRAPHS}
    window.claims_panel.filter_edit.clear()

    window.claims_panel.verdict_filter.setCurrentIndex(
        window.claims_panel.verdict_filter.findData("disputed"))
    _open(window, long_article)  # a verdict filter: the rows that come are filtered too
    window.session.showing.read_all()
    assert len(_rows(window)) == PARAGRAPHS


def test_the_disagreements_panel_open_shows_them_all_once_every_place_is_read(
        window, long_article, qtbot):
    """With the panel open, every place was read and paired before the article's first
    picture (250 ms more of it with 50,000 claims, rv86): now the picture comes first,
    the panel saying it is looking, and every pair once every place is read."""
    tools = window.review_tools
    tools.disagreements_dock.show()
    qtbot.waitUntil(tools.disagreements_dock.isVisible)
    window.show_article(long_article.id)
    assert window.reading_places  # the rest after the first paint
    assert tools.disagreements.rows == []
    assert tools.disagreements.empty.text() == "Looking for disagreements…"
    qtbot.waitUntil(lambda: len(tools.disagreements.rows) == PARAGRAPHS)
    assert not window.reading_places
    assert not tools.disagreements.empty.isVisibleTo(tools.disagreements)
    tools.disagreements_dock.hide()
    for wait in (True, False):  # opened once every place is read, and while they are
        _open(window, long_article)
        if wait:
            qtbot.waitUntil(lambda: not window.reading_places)
        tools.disagreements_dock.show()
        qtbot.waitUntil(lambda: len(tools.disagreements.rows) == PARAGRAPHS)
        assert not window.reading_places
        tools.disagreements_dock.hide()


def test_another_article_shown_meanwhile_takes_none_of_the_first_ones_places(
        window, long_article, qtbot):
    first = window.article_model.ids()[0]
    _open(window, long_article)
    reading = window.session.showing
    window.show_article(first)
    assert not reading.reading  # stopped at once
    qtbot.wait(300)  # what the long article would have read by now
    assert _rows(window) == _whole(window, first)
    assert window.article_pane.reader.highlighter._span_of.keys() == set(_whole(window, first))
    assert not any(isinstance(child, ArticlePlaces) and child.reading
                   for child in window.session.findChildren(QObject))


def test_the_first_tags_insert_rows_without_copying_the_lists_that_hold_them(
        window, long_article, qtbot):
    """The claims table's rows and the Disagreements panel's come as whole lists (read in
    parts, or at once); the session's first tag copied each to a larger block to insert
    its row (1.5 ms of it with 113,000 pairs). They are given room when read."""
    _open(window, long_article)
    qtbot.waitUntil(lambda: not window.reading_places)
    window.review_tools.disagreements_dock.show()
    qtbot.waitUntil(lambda: not window.review_tools._timer.isActive())
    table, pairs = window.claims_panel.model, window.review_tools.disagreements.model
    sizes = (sys.getsizeof(table._claims), sys.getsizeof(pairs.rows))
    count = len(pairs.rows)
    text, at = long_article.text, 0
    for _ in range(4):  # «أقوى» as disputed, inside omar's verified words: a new pair
        at = text.index("أقوى", at + 1)
        select_in_reader(window, at, at + 4)
        window.tag("disputed")
    qtbot.waitUntil(lambda: len(pairs.rows) == count + 4)
    assert (sys.getsizeof(table._claims), sys.getsizeof(pairs.rows)) == sizes

