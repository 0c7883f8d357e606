"""The Disagreements panel's rows and choice, the search panel's hits and pages, and which
of several agreeing claims ClaimReview publishes: the behaviour each test holds (rv206)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _panel_over(places):
    from PySide6.QtTest import QAbstractItemModelTester

    from gui.review_panels import DisagreementsPanel
    from store.review.disagreements import DisagreementIndex

    index = DisagreementIndex("a", places)
    panel = DisagreementsPanel()
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    panel.set_disagreements(index.disagreements(), "x" * 80, str)
    return index, panel


def _place(name, start, end, label, who):
    from store.core.records import Place

    return Place(name, name, "a", start, end, label, who, "t")


def test_a_pair_moved_down_among_rows_lands_where_its_order_puts_it(qapp):
    """A side's words moved past the next pair, with rows still below: the row goes
    between them, not one further down (the rows out of order, the next edit's pairs
    looked for in the wrong place); moved only a little, it stays in its row."""
    c = _place("c", 20, 25, "disputed", "omar")
    index, panel = _panel_over([
        _place("a", 0, 5, "disputed", "omar"), _place("b", 3, 8, "verified", "sara"), c,
        _place("d", 22, 60, "verified", "sara"), _place("e", 40, 45, "disputed", "omar"),
        _place("f", 70, 75, "disputed", "omar"), _place("g", 72, 78, "verified", "sara")])
    assert [(d.first.id, d.second.id) for d in panel.rows] == [
        ("a", "b"), ("c", "d"), ("d", "e"), ("f", "g")]
    moved: list[tuple[int, int]] = []
    panel.model.rowsMoved.connect(lambda _p, start, _end, _d, row: moved.append((start, row)))
    panel.table.selectRow(1)
    for now in (c._replace(start=21),  # (c, d) still, one place on: the same row
                c._replace(start=50, end=55)):  # (d, c): after (d, e), before (f, g)
        panel.apply_changes([index.update(now)])
        assert panel.rows == index.disagreements()
        row = panel.current_row()
        assert {panel.rows[row].first.id, panel.rows[row].second.id} == {"c", "d"}
    assert moved == [(1, 3)]
    assert [(d.first.id, d.second.id) for d in panel.rows] == [
        ("a", "b"), ("d", "e"), ("d", "c"), ("f", "g")]


def test_a_side_relabelled_in_place_repaints_both_sides_of_its_row(qapp):
    """A colleague relabels the second side of a pair (still disagreeing): the row stays
    and says it has changed in every column, the Second's verdict too (a row changed in
    the Words and First only kept the Second's old verdict on screen)."""
    c = _place("c", 20, 25, "disputed", "omar")
    d = _place("d", 22, 60, "verified", "sara")
    index, panel = _panel_over([c, d])
    changed: list[tuple[int, int, int, int]] = []
    panel.model.dataChanged.connect(lambda top, bottom, *_: changed.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    panel.table.selectRow(0)
    panel.apply_changes([index.update(d._replace(label="unchecked"))])
    assert panel.rows == index.disagreements() and panel.current_row() == 0
    assert changed == [(0, 0, 0, 2)]
    assert panel.model.index(0, 2).data() == "unchecked (\u2068sara\u2069)"


def test_the_pair_chosen_stays_chosen_when_the_rows_are_read_again_with_its_words_moved(
        qapp):
    """A colleague's write reads the article's pairs again (set_disagreements): the
    pair chosen, one side's words since moved past the next pair, is found along the
    rows and chosen again, not the pair now standing where it stood (whose Adopt
    buttons would then relabel someone else's claim), nor none."""
    c = _place("c", 20, 25, "disputed", "omar")
    places = [_place("a", 0, 5, "disputed", "omar"), _place("b", 3, 8, "verified", "sara"),
              c, _place("d", 22, 60, "verified", "sara"),
              _place("e", 40, 45, "disputed", "omar"),
              _place("f", 70, 75, "disputed", "omar"), _place("g", 72, 78, "verified", "sara")]
    index, panel = _panel_over(places)
    panel.table.selectRow(1)
    assert {panel.rows[1].first.id, panel.rows[1].second.id} == {"c", "d"}
    index.update(c._replace(start=50, end=55))
    panel.set_disagreements(index.disagreements(), "x" * 80, str)
    assert [(d.first.id, d.second.id) for d in panel.rows] == [
        ("a", "b"), ("d", "e"), ("d", "c"), ("f", "g")]
    assert panel.current_row() == 2 and panel.adopt_first.isEnabled()
    adopted: list[tuple[str, str]] = []
    panel.adopt.connect(lambda winner, loser: adopted.append((winner, loser)))
    panel.adopt_second.click()
    assert adopted == [("c", "d")]


def test_the_pair_chosen_before_the_places_were_read_again_is_chosen_after(qapp):
    """A colleague's write: the panel waits while the article's places are read again
    (set_waiting, no rows), perhaps twice, then gets its rows: the pair chosen before
    is chosen again, the Adopt buttons on it (they went idle under the person settling
    it)."""
    c = _place("c", 20, 25, "disputed", "omar")
    index, panel = _panel_over([
        _place("a", 0, 5, "disputed", "omar"), _place("b", 3, 8, "verified", "sara"), c,
        _place("d", 22, 60, "verified", "sara")])
    panel.table.selectRow(1)
    panel.set_waiting()
    panel.set_waiting()  # (another write while the places were being read)
    assert panel.current_row() == -1 and not panel.adopt_first.isEnabled()
    panel.set_disagreements(index.disagreements(), "x" * 80, str)
    assert panel.current_row() == 1 and panel.adopt_first.isEnabled()
    assert {panel.rows[1].first.id, panel.rows[1].second.id} == {"c", "d"}
    panel.table.selectRow(0)  # the first row too
    panel.set_waiting()
    panel.set_disagreements(index.disagreements(), "x" * 80, str)
    assert panel.current_row() == 0 and panel.adopt_first.isEnabled()


def test_rows_read_again_under_the_keyboard_leave_the_readers_selection(qtbot):
    """The table has the keyboard; the rows are read again (a colleague's write) and the
    pair chosen is made current again: the reader is not sent to its words (the words
    the person is tagging stay selected), as for an arrow key it would be."""
    c = _place("c", 20, 25, "disputed", "omar")
    index, panel = _panel_over([c, _place("d", 22, 60, "verified", "sara"),
                                _place("e", 40, 45, "disputed", "omar")])
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    panel.table.selectRow(1)
    shown: list[tuple[int, int]] = []
    panel.show.connect(lambda *span: shown.append(span))
    panel.set_disagreements(index.disagreements(), "x" * 80, str)
    assert panel.current_row() == 1 and shown == []
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)  # (the keys do show the words)
    assert panel.current_row() == 0 and shown == [panel.rows[0].span]


def test_a_row_made_current_by_the_rows_changing_leaves_the_readers_selection(qapp):
    """The pair chosen is settled (Adopt) and goes: Qt makes its neighbour current. The
    keyboard is in the reader, not the table: the reader keeps the words the person is
    tagging, not sent to the neighbour's."""
    c = _place("c", 20, 25, "disputed", "omar")
    index, panel = _panel_over([c, _place("d", 22, 60, "verified", "sara"),
                                _place("e", 40, 45, "disputed", "omar")])
    panel.table.selectRow(0)
    shown: list[tuple[int, int]] = []
    panel.show.connect(lambda *span: shown.append(span))
    assert not panel.table.hasFocus()
    panel.apply_changes([index.update(c._replace(label="verified"))])  # (c, d) settled
    assert [(d.first.id, d.second.id) for d in panel.rows] == [("d", "e")]
    assert panel.current_row() == 0 and shown == []


# -- the search panel (gui.search_panel) ------------------------------------------------

def _hits(count: int):
    from store.core.search import SearchHit

    return [SearchHit("article", "a1", "تقرير", None, 10 * n, 10 * n + 6,
                      f"قال الوزير {n}", 0, 4) for n in range(count)]


@pytest.mark.parametrize(("found", "more"), [(3, False), (4, True)])
def test_more_to_show_only_when_there_are_more_than_a_page(qapp, monkeypatch, found, more):
    """Exactly a page of hits: no «more to show», no Show More button for nothing more."""
    from gui import search_panel

    monkeypatch.setattr(search_panel, "MAX_HITS", 3)
    panel = search_panel.SearchPanel(lambda _text, limit: _hits(found)[:limit])
    panel.query.setText("الوزير")
    panel.run()
    assert len(panel.hits) == 3 and panel.more.isVisibleTo(panel) == more
    assert panel.summary.text().endswith(" · more to show") == more


def test_results_sought_again_keep_the_lists_scroll_and_the_chosen_hit(qtbot):
    """A tag, an edit, a colleague's write: the results are sought again; the list stays
    scrolled where the person had it, the chosen hit still chosen (it jumped to the top,
    away from the hits being worked through)."""
    from gui.search_panel import SearchPanel

    panel = SearchPanel(lambda _text, limit: _hits(60)[:limit])
    qtbot.addWidget(panel)
    panel.resize(300, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.query.setText("الوزير")
    panel.run()
    bar = panel.results.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    panel.results.setCurrentRow(40)
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    panel.project_changed()
    panel._search_again()  # (what the refresh timer runs)
    assert panel.results.currentRow() == 40 and bar.value() == scrolled


def test_words_found_together_come_before_those_found_apart_in_any_article(qapp):
    """The article list's order sorts a page, but the words found together stay before
    those of a word apart, whichever article comes first in the list."""
    from gui.search_panel import SearchPanel
    from store.core.search import SearchHit

    apart = SearchHit("article", "a1", "first", None, 0, 5, "قال الوزير", 4, 10, True)
    together = SearchHit("article", "a2", "second", None, 0, 5, "قال الوزير", 0, 10)
    panel = SearchPanel(lambda _text, limit: [together, apart][:limit],
                        article_order=lambda: ["a1", "a2"])
    panel.query.setText("قال الوزير")
    panel.run()
    assert panel.hits == [together, apart]


def test_each_page_of_hits_keeps_its_place_whatever_the_article_order(qapp, monkeypatch):
    """The article list's order sorts each page of hits, not all of them: the hits of a
    page shown stay on it when the next is asked for (the chosen one with them)."""
    from gui import search_panel
    from store.core.search import SearchHit

    monkeypatch.setattr(search_panel, "MAX_HITS", 2)
    hits = [SearchHit("article", article, article, None, at, at + 5, "قال الوزير", 4, 10)
            for article, at in (("a2", 0), ("a2", 20), ("a1", 0), ("a1", 20))]
    panel = search_panel.SearchPanel(lambda _text, limit: hits[:limit],
                                     article_order=lambda: ["a1", "a2"])
    panel.query.setText("الوزير")
    panel.run()
    panel.show_more()
    assert panel.hits == hits


def test_a_snippet_opens_on_its_words_not_on_the_spaces_before_them(qapp):
    """Context that starts or ends on a line break or spaces: the ellipsis touches the
    words, the hit marked where it is."""
    from gui.search_panel import HitLines
    from store.core.search import SearchHit

    context = "\n  قال الوزير إن  \n"
    hit = SearchHit("article", "a1", "تقرير", None, 0, 6, context, 3, 6)
    lines = HitLines.of(hit, "text")
    assert lines.snippet == "…قال الوزير إن…"
    assert lines.snippet[lines.start:lines.end] == "قال"


def _shown_panel(qtbot, count=5):
    from gui.search_panel import SearchPanel

    panel = SearchPanel(lambda _text, limit: _hits(count)[:limit])
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.query.setText("الوزير")
    panel.run()
    return panel


def test_down_in_the_query_keeps_the_result_already_chosen(qtbot):
    """Down from the query goes to the results, the first chosen only when none was:
    back in the query and down again, the person is where they left off."""
    panel = _shown_panel(qtbot)
    panel.results.setCurrentRow(3)
    panel.query.setFocus()
    qtbot.waitUntil(panel.query.hasFocus)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentRow() == 3


def test_a_result_is_highlighted_for_a_verdict_key_only_while_the_list_has_the_keys(qtbot):
    """A result chosen, the keyboard back in the query (or the reader): a verdict's key
    is not for that result."""
    panel = _shown_panel(qtbot)
    panel.results.setFocus()
    qtbot.waitUntil(panel.results.hasFocus)
    panel.results.setCurrentRow(2)
    assert panel.highlighted_hit() == panel.hits[2]
    panel.query.setFocus()
    qtbot.waitUntil(panel.query.hasFocus)
    assert panel.highlighted_hit() is None


def test_a_hit_taken_after_the_project_changed_is_handed_on_as_it_is_now(qapp):
    """The words of a hit were tagged since it was listed: the hit taken (before the
    results were sought again) is handed on as the search finds it now, a claim's
    quote, not the plain text it was."""
    from gui.search_panel import SearchPanel

    now = _hits(3)
    panel = SearchPanel(lambda _text, limit: now[:limit])
    panel.query.setText("الوزير")
    panel.run()
    listed = panel.hits[1]
    now[1] = listed._replace(kind="quote", claim_id="c1")
    panel.project_changed()
    chosen: list = []
    panel.hitChosen.connect(chosen.append)
    panel._activated(panel.results.item(1))  # (the item as it was listed)
    assert chosen == [now[1]]


def test_a_query_of_spaces_alone_searches_for_nothing(qapp):
    """Spaces typed (or left after clearing the words): no search, no «No matches»."""
    from gui.search_panel import SearchPanel

    asked: list[str] = []
    panel = SearchPanel(lambda text, limit: asked.append(text) or [])
    panel.query.setText("   ")
    panel.run()
    assert asked == [] and panel.summary.text() == ""


# -- ClaimReview: the same words checked alike published once (store.exchange.jsonld) --

def _claimreview(project, article_id=None):
    import json

    from store.exchange import exporting

    skipped: list = []
    published = json.loads(exporting.export_text(project, "claimreview", article_id,
                                                  skipped=skipped))
    return ({r["@id"].removeprefix("urn:uuid:") for r in published},
            {claim: str(reason) for claim, reason in skipped})


def _tag(project, article_id, annotator, words, label="disputed"):
    from store.core import appearances

    project.annotator = annotator
    return appearances.tag_quote(project, article_id, words, label).claim_id


@pytest.fixture
def budget(project):
    from store.core import articles, settings

    settings.update_settings(project, organization="Desk",
                             url_template="https://fc.example/{id}")
    return articles.add_article(
        project, "The mayor said unemployment fell to 3 percent last year.", "Budget").id


def test_words_left_out_between_two_published_claims_name_the_first_tagged(project, budget):
    """omar's words share «unemployment» with sara's and «3» with lina's, both published
    (theirs share nothing): his are left out, and the reason names the claim tagged
    first of the two, not the later one."""
    sara = _tag(project, budget, "sara", "mayor said unemployment")
    lina = _tag(project, budget, "lina", "3 percent last year")
    omar = _tag(project, budget, "omar", "unemployment fell to 3")
    published, skipped = _claimreview(project)
    assert published == {sara, lina} and list(skipped) == [omar]
    assert f"published as claim {sara}," in skipped[omar]


def test_of_three_claims_alike_the_first_tagged_is_published(project, budget):
    """Three annotators, the same words, one verdict: the first tagged is published
    and both others name it (not the last tagged, published for all three)."""
    sara = _tag(project, budget, "sara", "unemployment fell")
    omar = _tag(project, budget, "omar", "unemployment fell")
    lina = _tag(project, budget, "lina", "unemployment fell")
    published, skipped = _claimreview(project)
    assert published == {sara} and set(skipped) == {omar, lina}
    assert all(f"published as claim {sara}," in why for why in skipped.values())


def test_one_annotators_two_claims_of_the_very_same_words_agree():
    """Only a merge of two copies makes one annotator two claims of the very same words;
    with one verdict they are the same words checked twice (published once), as with
    two annotators; one of their claims inside another of theirs is not."""
    from store.core.records import Place
    from store.review.disagreements import find_agreements

    def place(name, claim, start, end, who="sara"):
        return Place(name, claim, "a", start, end, "disputed", who, "t")

    whole, copy = place("p1", "c1", 0, 20), place("p2", "c2", 0, 20)
    inside = place("p3", "c3", 5, 10)
    assert [(d.first.id, d.second.id) for d in find_agreements([whole, copy, inside])] == [
        ("p1", "p2")]


def test_a_rejected_claim_tagged_first_holds_no_agreeing_one_back(project, budget):
    """sara tagged «fell to 3 percent» first, omar «unemployment fell» after (starting
    before hers); her verdict is rejected in review: omar's are published, not left out
    for hers, which are not."""
    from store.review import reviews

    sara = _tag(project, budget, "sara", "fell to 3 percent")
    omar = _tag(project, budget, "omar", "unemployment fell")
    project.annotator = "editor"
    reviews.review_claim(project, sara, "reject", "not what he said")
    published, skipped = _claimreview(project)
    assert published == {omar} and skipped == {sara: "its verdict was rejected in review"}
