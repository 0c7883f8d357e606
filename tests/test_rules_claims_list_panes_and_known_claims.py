"""What the claims list, the article pane, the part-by-part reading of places, the
columns and the Known Claims list show, each pinned where mutation testing (rv182) found
the suite would not notice a change."""

from __future__ import annotations

from collections import namedtuple

from PySide6.QtCore import Qt

from gui.article_pane import URL_SHOWN, ArticlePane
from gui.places import ArticlePlaces
from store.core.records import Article, Label

Spot = namedtuple("Spot", "id start")


def _reader(spots):
    """ArticlePlaces' *read(start_from, start_before, limit)* over *spots*, and its calls."""
    calls: list[tuple] = []

    def read(start_from, start_before, limit):
        calls.append((start_from, start_before, limit))
        found = [s for s in spots if s.start >= start_from
                 and (start_before is None or s.start < start_before)]
        return found[:limit] if limit is not None else found
    return read, calls


# -- the article's places, read a part at a time ------------------------------------------
def test_places_read_to_the_last_are_complete_and_never_twice(qapp):
    """read_at_least for exactly the places there are reads them all and says so; places
    sharing the start the limit fell on are read once, whatever reads follow."""
    spots = [Spot(f"p{n}", start) for n, start in enumerate((0, 5, 5, 5, 9, 20, 20, 31))]
    read, _calls = _reader(spots)
    whole = ArticlePlaces(read, 40)
    first = ArticlePlaces(read, 40)
    first.read_at_least(1)  # what the table shows first: no more read than that
    assert first.so_far() == spots[:1] and first.until == 5
    whole.read_at_least(len(spots))
    assert whole.complete and whole.so_far() == spots
    parts = ArticlePlaces(read, 40)
    parts.read_at_least(2)  # the limit falls among the three at 5: all three, once
    assert parts.so_far() == spots[:4] and not parts.complete
    parts.read_until(21)
    parts.read_all()
    assert parts.so_far() == spots and parts.complete


def test_places_read_by_ranges_of_the_text_are_read_once(qapp):
    """The reader's ranges (read_until), one after the other, then the rest: every place
    once, in reading order, however the ranges fall (a place at every offset)."""
    spots = [Spot(f"p{n}", n) for n in range(30_000)]
    read, _calls = _reader(spots)
    places = ArticlePlaces(read, 30_000)
    arrived: list = []
    places.arrived.connect(arrived.extend)
    places.read_until(100)  # (and READ_AHEAD past it)
    places.read_until(places.until + 1)
    places.read_all()
    assert [s.start for s in places.so_far()] == list(range(30_000))
    assert arrived == spots


def test_places_stopped_read_no_more(qapp):
    """Another article shown: its reading stopped, read_all reads nothing more (the
    article gone from the screen was read whole, and announced, at each change)."""
    spots = [Spot(f"p{n}", n * 10) for n in range(50)]
    read, calls = _reader(spots)
    places = ArticlePlaces(read, 500)
    places.read_at_least(3)
    places.stop()
    asked = len(calls)
    places.read_all()
    places.read_at_least(40)
    assert len(calls) == asked and not places.reading


# -- the article's header ---------------------------------------------------------------
def _article(**fields) -> Article:
    return Article(id="a1", title=fields.pop("title", "عنوان قصير"), text="نص", fingerprint="f",
                   **fields)


def test_the_header_of_an_article_without_details_is_its_title_alone(qtbot):
    """No outlet, date or address: the title alone, no empty line of details below it,
    and no tooltip (nothing was shortened)."""
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show_header(_article())
    assert pane.header.text() == "عنوان قصير"
    assert pane.header.toolTip() == ""
    pane.show_header(_article(outlet="الجريدة", url="https://news.example/a"))
    assert pane.header.text().split("\n")[1].count("·") == 1  # (no empty date between)
    assert pane.header.toolTip() == ""  # shown whole: nothing more to show


def test_a_long_address_keeps_its_start_and_its_end(qtbot):
    """A long address shows its start (the site) and its end (the page), cut between."""
    pane = ArticlePane()
    qtbot.addWidget(pane)
    url = "https://news.example/" + "/".join(f"part{n}" for n in range(30)) + "/the-page-end"
    pane.show_header(_article(url=url))
    shown = pane.header.text().split("\n")[1]
    assert "https://news.example/" in shown and shown.rstrip("\u2069").endswith(url[-20:])
    assert len(url) > URL_SHOWN and "…" in shown
    fits = "https://news.example/" + "x" * (URL_SHOWN - len("https://news.example/"))
    pane.show_header(_article(url=fits))  # as long as the header shows: whole
    assert len(fits) == URL_SHOWN and fits in pane.header.text() and "…" not in pane.header.text()


def test_the_legend_names_each_verdict_on_one_line_within_three_rows(qtbot):
    """The legend: a verdict's name on one line (its spaces and breaks as one space), a
    verdict with no key and no description has no tooltip at all, the known-claim key
    hidden while no article shows outlines, and a long scale three rows high."""
    from PySide6.QtWidgets import QLabel, QWidget

    from gui.article_pane import LEGEND_ROWS, LegendArea

    pane = ArticlePane()
    qtbot.addWidget(pane)
    labels = [Label(f"v{n}", f"Verdict  number\n{n}", "#8080ff", n) for n in range(40)]
    pane.set_labels(labels, "en")
    chip = pane.legend.findChild(QWidget, "legend_v3")
    assert "Verdict number 3" in [w.text() for w in chip.findChildren(QLabel)]
    assert chip.toolTip() == ""
    pane.set_labels([Label("v", "Verdict", "#8080ff", 0, shortcut="1")] + labels, "en")
    keyed = pane.legend.findChild(QWidget, "legend_v")
    assert keyed.accessibleDescription() == "Press 1 to tag the selected words as Verdict"
    pane.show_suggestion_key(True)
    pane.show_article(_article(), [], labels)
    assert pane._suggestion_key.isHidden()
    area = pane.findChild(LegendArea)
    rows = LEGEND_ROWS * (chip.sizeHint().height() + 2)
    assert pane.legend.heightForWidth(300) > rows
    assert area.heightForWidth(300) == rows

# -- the claims list ---------------------------------------------------------------------
def test_the_empty_list_names_the_keys_that_tag_and_only_those(window):
    """An article with no claims says which keys tag, in the interface's language: the
    Arabic list joined by an Arabic comma; a verdict without a key is not listed."""
    panel = window.claims_panel
    labels = [Label("verified", "Verified", "#00aa00", 0, "صحيح", "1"),
              Label("misleading", "Misleading", "#aaaa00", 1, "مضلل", ""),
              Label("false", "False", "#aa0000", 2, "خطأ", "3")]
    panel.set_labels(labels, "ar")
    assert "1 صحيح، 3 خطأ" in panel._no_claims
    assert "مضلل" not in panel._no_claims
    panel.set_labels(labels, "en")
    assert "(1 Verified, 3 False)" in panel._no_claims


def test_the_verdict_filter_keeps_its_choice_when_the_verdicts_change(window):
    """A verdict renamed or added refills the verdict filter: the verdict chosen in it
    stays chosen (it went back to «All verdicts», the list whole again unasked)."""
    panel = window.claims_panel
    labels = window.session.labels()
    chosen = labels[-1].key
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData(chosen))
    assert panel.verdict_filter.currentData() == chosen
    panel.set_labels(labels, "en")
    assert panel.verdict_filter.currentData() == chosen


# -- the Known Claims list ---------------------------------------------------------------
class _Labels:
    read_only = False

    def label_name(self, key):
        return key

    def label(self, key):
        return None


def _hit(claim_id: str, start: int, end: int, checked_in=("مقال أول",)):
    from store.core.records import Appearance, Claim, KnownClaimHit
    from store.text.suggestion import Suggestion

    claim = Claim(claim_id, "false", "me", "", "", note="ملاحظة")
    return KnownClaimHit(Suggestion(start, end, claim_id, 0.9, "exact"),
                         Appearance("ap-" + claim_id, claim_id, "a0", 0, 5, "الكلمات", "me",
                                    "", "", claim), tuple(checked_in))


def test_known_claims_rows_show_their_words_and_where_they_were_checked(qtbot):
    """A suggestion's row: the words it covers here, on one line and no letter more; the
    articles it was checked in joined with an Arabic comma."""
    from gui.known_claims_panel import KnownClaimsModel

    text = "قال الوزير\nإن الهدنة صامدة."
    model = KnownClaimsModel(_Labels())
    hit = _hit("c1", 4, 13, checked_in=("مقال أول", "مقال ثان"))
    model.set_hits(text, [hit])
    assert model.data(model.index(0, 0)) == "الوزير إن"
    assert model.data(model.index(0, 2)) == "مقال أول، مقال ثان"


def test_known_claims_keep_the_suggestion_chosen_and_the_next_after_one_goes(qtbot):
    """The matcher's new answer keeps the suggestion chosen (the same claim on the same
    words, not the same claim on other words); with none chosen the best (the first) is
    the one Y accepts; one accepted, the one after it is chosen for the next Y."""
    from gui.known_claims_panel import KnownClaimsPanel

    panel = KnownClaimsPanel(_Labels())
    qtbot.addWidget(panel)
    text = "كلمات المقال كلها هنا وهناك"
    hits = [_hit("c1", 0, 5), _hit("c1", 6, 12), _hit("c2", 13, 17), _hit("c3", 18, 21)]
    panel.set_hits(text, hits)
    assert panel.current_hit() == hits[0]  # none chosen: the best
    panel.choose(hits[1])
    moved = [_hit("c1", 0, 5), _hit("c1", 6, 12), _hit("c3", 18, 21)]
    panel.set_hits(text, [moved[0], _hit("c1", 6, 9), moved[1], moved[2]])  # (c1 at 6 too)
    assert panel.current_hit() == moved[1]
    panel.drop(moved[1])
    assert panel.current_hit() == hits[2 + 1]  # c3: the one after it


def test_the_only_claim_shown_is_not_said_to_be_from_the_first_again(window):
    """Ctrl+Down with one claim in the list, the caret after it: it is chosen, and not
    said to be «from the first again» (there is no other to have come round from)."""
    from conftest import select_in_reader

    select_in_reader(window, 0, 3)
    window.tag(window.session.labels()[0].key)
    panel = window.claims_panel
    place = panel.claims()[0]
    panel.view.clearSelection()
    panel.view.setCurrentIndex(panel.proxy.index(-1, -1))
    select_in_reader(window, place.end + 1, place.end + 1)
    window.step_claim(1)
    assert window.current_claim_id() == place.claim_id
    assert not window.statusBar().currentMessage().endswith("(From the first again.)")


# -- the tables' columns -----------------------------------------------------------------
def _sorted_table(qtbot, kept: str):
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from gui import settings
    from gui.table_columns import fit_columns

    settings.settings().setValue("sort/rv182", kept)
    model = QStandardItemModel(3, 4)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    fit_columns(view, (0, 100, 100, 100), stretch=0, hidden=(1,), key="rv182",
                names=("words", "note", "verdict", "full"), costly=("full",))
    return view


def test_a_sort_by_a_hidden_or_costly_column_is_not_brought_back(qtbot):
    """The table last sorted by a column now hidden, or by one that reads every row
    whole, opens in reading order (an order no column showed; a 1.5 s wait)."""
    assert _sorted_table(qtbot, "verdict descending").horizontalHeader(
    ).sortIndicatorSection() == 2  # (shown, cheap: brought back)
    for kept in ("note descending", "full descending"):
        assert _sorted_table(qtbot, kept).horizontalHeader().sortIndicatorSection() == 0


def test_a_sort_cleared_keeps_the_last_column_chosen(qtbot):
    """No column sorted (-1) is not kept as the last column's name."""
    from gui import settings

    view = _sorted_table(qtbot, "verdict ascending")
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert settings.settings().value("sort/rv182") == "verdict ascending"


def test_a_right_click_below_the_rows_offers_the_columns_alone(qtbot):
    """Below the last row (no row there), the table's menu is the columns' alone: the
    selected claim's verdicts and Delete were offered for a click on nothing."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from gui.table_columns import _table_menu

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(1, 3))
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    delete = QAction("Delete Claim", view)
    on_row = _table_menu(view, 0, None, (), QPoint(5, 5), lambda: [delete])
    below = _table_menu(view, 0, None, (), QPoint(5, 250), lambda: [delete])
    assert on_row.objectName() == "tableRowMenu" and delete in on_row.actions()
    assert below.objectName() != "tableRowMenu" and delete not in below.actions()
    for menu in (on_row, below):
        menu.aboutToHide.disconnect()
        menu.hide()
        menu.setParent(None)


def test_known_claims_offer_no_accept_or_dismiss_in_a_read_only_project(qtbot):
    """A project opened read-only: its suggestions are listed, but Accept and Dismiss are
    off, as the Tag menu's are (a key there was refused after the click)."""
    from gui.known_claims_panel import KnownClaimsPanel

    class _ReadOnly(_Labels):
        read_only = True

    for labels, enabled in ((_Labels(), True), (_ReadOnly(), False)):
        panel = KnownClaimsPanel(labels)
        qtbot.addWidget(panel)
        panel.set_hits("كلمات المقال كلها", [_hit("c1", 0, 5)])
        assert panel.accept_button.isEnabled() is enabled
        assert panel.dismiss_button.isEnabled() is enabled


def test_a_claim_not_in_the_list_is_not_said_chosen(window):
    """select_claim of a claim the article does not hold: False, and the claim chosen
    before stays chosen (a key then acted on the words believed chosen)."""
    from conftest import tag_quote

    tag_quote(window, window.article_pane.reader.plain_text().split()[0], "verified")
    panel = window.claims_panel
    claim_id = panel.current_claim_id()
    assert claim_id is not None
    assert panel.select_claim(claim_id)
    assert not panel.select_claim("no-such-claim")
    assert panel.current_claim_id() == claim_id
