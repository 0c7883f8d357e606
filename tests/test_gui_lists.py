"""The article list and the claims table at scale: changed by rows, not refilled, and
the claims table reading rows in full only when they are shown."""

from __future__ import annotations

import pytest
from conftest import stored
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from gui.models import ArticleIdRole, ArticleListModel, ClaimsFilterModel, ClaimsTableModel
from gui.session import Session
from store.core import articles
from store.core.records import Appearance, Place

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def session(qapp, sample_project):
    s = Session(sample_project)
    yield s
    s.close()  # its project too: a session left open answered the application's
    # state changes of later tests on a closed project


def test_article_list_follows_the_project_row_by_row(session):
    listing = ArticleListModel(session)
    QAbstractItemModelTester(listing, FATAL)
    events: list[tuple] = []
    listing.modelReset.connect(lambda: events.append(("reset",)))
    listing.rowsInserted.connect(lambda _p, first, last: events.append(("inserted", first, last)))
    listing.dataChanged.connect(lambda first, last: events.append(("changed", first.row())))
    before = listing.rowCount()
    other = stored(session)
    added = [articles.add_article(other, f"نص المقال رقم {n}", f"مقال {n}") for n in range(3)]
    assert session.refresh()  # another writer's articles: the list catches up
    assert events == [("inserted", before, before + 2)]
    assert listing.ids()[-3:] == [a.id for a in added]
    assert listing.data(listing.index(before + 1)) == "مقال 1"  # shown: its title read
    events.clear()
    articles.update_metadata(other, added[1].id, title="عنوان جديد")
    assert session.refresh()
    assert events == [("changed", before + 1)]  # the row shown, and it alone
    assert listing.data(listing.index(before + 1)) == "عنوان جديد"
    assert listing.row_of(added[2].id) == before + 2


def test_article_titles_are_read_as_their_rows_are_shown(session, monkeypatch):
    """A big project's list starts from its ids alone: a title is read, with those
    around it, when its row is first shown; a title changed in a row never shown asks
    no repaint, and shows as it is now when the row comes."""
    other = stored(session)
    made = [articles.add_article(other, f"نص رقم {n}", f"عنوان {n}") for n in range(600)]
    session.refresh()
    read: list[int] = []
    titles = session.article_titles
    monkeypatch.setattr(session, "article_titles",
                        lambda ids: read.append(len(ids)) or titles(ids))
    listing = ArticleListModel(session)
    assert read == [] and listing.rowCount() == 601
    row = listing.row_of(made[300].id)
    assert listing.data(listing.index(row)) == "عنوان 300"
    before, after = ArticleListModel.TITLES_AROUND
    assert read == [before + after]
    assert listing.data(listing.index(row + 1)) == "عنوان 301" and len(read) == 1
    events: list[int] = []
    listing.dataChanged.connect(lambda first, _last: events.append(first.row()))
    articles.update_metadata(other, made[599].id, title="بعيد")
    articles.update_metadata(other, made[301].id, title="قريب")
    assert session.refresh()
    assert events == [row + 1]
    assert listing.data(listing.index(listing.row_of(made[599].id))) == "بعيد"
    assert listing.data(listing.index(row + 1)) == "قريب"
    other.close()


def test_claim_counts_are_asked_when_shown_and_forgotten_on_change(session, sample_article):
    listing = ArticleListModel(session)
    row = listing.row_of(sample_article.id)
    tooltip = listing.data(listing.index(row), 3)  # ToolTipRole
    made = session.create_claim(sample_article.id, 10, 20, "verified")
    assert listing.data(listing.index(row), 3) != tooltip  # counted again, one more
    said = listing.data(listing.index(row), 3).split("\n")[1]  # («1 claim(s)» untranslated)
    assert said.startswith("1 claim") and "place" not in said
    session.add_appearance(made.claim_id, sample_article.id, 30, 40)
    # one claim at two places: one claim (it read «2 claims»), in two places
    said = listing.data(listing.index(row), 3).split("\n")[1]
    assert said.startswith("1 claim") and said.endswith(("(2 places)", "(2 place(s))"))


def test_the_claims_table_holds_places_and_reads_rows_when_shown(session, sample_article):
    table = ClaimsTableModel(session)
    QAbstractItemModelTester(table, FATAL)
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)
    QAbstractItemModelTester(proxy, FATAL)
    made = [session.create_claim(sample_article.id, start, start + 6, label)
            for start, label in ((40, "verified"), (5, "disputed"), (20, "unchecked"))]
    session.update_claim(made[0].id, note="ملاحظة")
    table.set_article(sample_article.id, session.places_in(sample_article.id))
    assert all(isinstance(p, Place) for p in table.claims())
    assert [p.start for p in table.claims()] == [5, 20, 40]
    full = table.claim_at(2)
    assert isinstance(full, Appearance) and full.note == "ملاحظة"
    assert table.data(table.index(2, 2)) == "ملاحظة"  # the note column, read in full
    proxy.setFilterFixedString("ملاحظة")  # a text filter looks into every row
    assert proxy.rowCount() == 1
    proxy.setFilterFixedString("")
    proxy.set_label_filter("disputed")
    assert proxy.rowCount() == 1
    proxy.set_label_filter(None)
    table.sort(2)  # by note: read in full, then sorted
    assert table.claim_at(table.rowCount() - 1).note == "ملاحظة"
    session.delete_appearance(made[0].id)
    assert table.rowCount() == 2 and table.row_of(made[0].id) == -1


def test_the_claims_table_reads_in_full_the_rows_it_shows(session, sample_article,
                                                           monkeypatch):
    """The table's own columns (quote, verdict, annotator, review) need no row read in
    full: a quote is cut from the article's text. A column that does (the note), shown,
    has a row read in full bring the rows the view shows with it, in one query, however
    tall the list is: a tag in the short list of a 1280x820 window read 24 rows for the
    five it showed; a list taller than that read twice."""
    from PySide6.QtGui import QUndoStack

    from gui.claims_panel import ClaimsPanel

    for start in range(0, 3000, 20):
        claim = session.create_claim(sample_article.id, start, start + 6, "verified")
        session.update_claim(claim.claim_id, note=f"note {start}")
    panel = ClaimsPanel(session, QUndoStack())
    panel.set_article(sample_article.id, session.places_in(sample_article.id))
    panel.resize(420, 1100)
    panel.show()
    QApplication.processEvents()
    reads: list[list[str]] = []
    by_id = Session.appearances_by_id
    monkeypatch.setattr(Session, "appearances_by_id",
                        lambda self, ids: reads.append(list(ids)) or by_id(self, ids))
    view, places = panel.view, panel.model.claims()
    note = ClaimsTableModel.COLUMNS.index("note")
    assert view.isColumnHidden(note)
    shown_counts = []
    for table_height, row, with_note in ((130, 20, False), (900, 140, True),
                                         (130, 60, True)):  # rows never shown before
        view.setColumnHidden(note, not with_note)
        panel.splitter.setSizes([table_height, 1100 - table_height])
        QApplication.processEvents()
        reads.clear()
        panel.select_claim(places[row].id)
        view.viewport().repaint()
        first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
        last = last if last >= 0 else view.model().rowCount() - 1
        shown = {places[r].id for r in range(first, last + 1)}
        if with_note:
            shown_counts.append(len(shown))
            assert len(reads) == 1, reads  # one query for every row in view
            assert shown <= set(reads[0])
            assert len(reads[0]) <= len(shown) + 2 * ClaimsTableModel.ABOVE + 1
        else:
            assert reads == []
        for r in range(first, last + 1):  # and they show what they hold
            index = view.model().index(r, 0)
            stored = session.appearance(places[r].id)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == stored.quote
            assert index.data() == " ".join(stored.quote.split())
            if with_note:
                assert index.siblingAtColumn(note).data() == stored.note
    assert shown_counts[1] <= 6 < 20 < shown_counts[0]
    panel.close()


def test_the_quotes_follow_an_article_text_another_program_changed(session,
                                                                   sample_article):
    """The table cuts each quote from the article's text: after another program changed
    the text (its claims found again, moved), the table reads the new text with the
    moved places, and every row still shows its own words."""
    from store.core import retext
    from store.core.project import Project

    text = sample_article.text
    spans = [(start, start + 7) for start in (40, 400, 900)]
    for start, end in spans:
        session.create_claim(sample_article.id, start, end, "verified")
    model = ClaimsTableModel(session)
    model.set_article(sample_article.id, session.places_in(sample_article.id), text)
    before = [model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) for row in range(3)]
    assert before == [text[start:end] for start, end in spans]
    added = "سطر أضيف في أول المقال.\n\n"
    with Project.open(stored(session).path, "omar") as other:
        retext.set_article_text(other, sample_article.id, added + text)
    assert session.refresh()  # told, the model reads its rows and the text again
    assert [model.place_at(row).start for row in range(3)] == [
        start + len(added) for start, _ in spans]
    assert [model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
            for row in range(3)] == before


def test_the_window_reads_the_places_once_after_another_programs_write(window,
                                                                         monkeypatch):
    """After another program's write the window shows its article anew, reading the
    places once for the reader and the table: the table read them all on its own first
    (an article of 50,000 claims read twice, the first time all at once)."""
    from store.core import appearances
    from store.core.project import Project

    session = window.session
    reads = []
    for name in ("places_in", "open_places"):
        read = getattr(session, name)
        monkeypatch.setattr(session, name, lambda *args, _read=read, _name=name: (
            reads.append(_name), _read(*args))[1])
    with Project.open(session.path, "omar") as other:
        made = appearances.create_claim(other, window.current_article, 0, 4, "verified")
    assert session.refresh()
    assert reads == ["open_places"]
    model = window.claims_panel.model
    assert model.place_at(model.row_of(made.id)) == Place.of(made)  # and shows the new claim


def test_labels_are_announced_after_another_programs_write_only_if_it_changed_them(
        session, sample_article):
    """Every view redraws its verdicts when the labels are announced (the whole claims
    table, the reader's paragraphs in view): another program's claim leaves them as
    they were and is no reason to; its change of a label's colour is."""
    from store.core import labels

    heard: list[bool] = []
    session.labelsChanged.connect(lambda: heard.append(True))
    other = stored(session)
    session.refresh()  # whatever the fixtures wrote, caught up with
    heard.clear()
    session.create_claim(sample_article.id, 0, 4, "verified")  # our own write
    articles.add_article(other, "نص كتبه برنامج آخر.", "مقال آخر")
    assert session.refresh() and heard == []
    labels.update_label(other, "verified", color="#123456")
    assert session.refresh() and heard == [True]
    assert session.label("verified").color == "#123456"


def test_an_article_far_down_a_big_list_is_scrolled_into_view(window, qtbot):
    """A project of thousands of articles lays its list out in batches after the window
    shows: an article chosen at once (a paste, an import, a search hit) far down the
    list is scrolled to, once its row is laid out."""
    project = stored(window)
    batch = window.articles_view.batchSize()
    with project.transaction():
        far = [articles.add_article(project, f"نص المقال رقم {n} عن موضوع ما.", f"مقال {n}").id
               for n in range(batch * 2)][-1]
    window.article_model.reload()
    window.show_article(far)
    view = window.articles_view
    assert view.currentIndex().data(ArticleIdRole) == far
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(
        view.currentIndex())), timeout=5000)


def test_a_closed_windows_article_list_reads_nothing_more(session):
    """A language change lays out every list again, a closed window's too: a title not
    read yet was then asked of a closed project, inside Qt's drawing (the test process
    crashed). It is left blank."""
    listing = ArticleListModel(session)
    session.close()
    assert listing.data(listing.index(0)) == ""


def test_the_claims_table_keeps_its_sort_and_sorts_notes_as_the_filter_reads_them(qtbot):
    """Sorted by verdict, the list came back in reading order at every start and in the
    other language; sorted by note, «أحمد» and «احمد» were apart, «آخر» first (rv102)."""
    from conftest import select_in_reader

    from gui.app import create_window

    def window():
        made = create_window()
        qtbot.addWidget(made)
        return made

    first = window()
    first.files.paste_as_article("خبر\nواحد اثنان ثلاثة أربعة خمسة")
    text = first.article_pane.reader.plain_text()
    notes = {"واحد": "احمد قال", "اثنان": "أحمد قال", "ثلاثة": "إحسان نفى",
             "أربعة": "آخر تحديث"}
    for word, note in notes.items():
        start = text.index(word)
        select_in_reader(first, start, start + len(word))
        first.tag("verified")
        first.session.update_claim(first.current_claim_id(), note=note)
    view = first.claims_panel.view
    note_column = ClaimsTableModel.COLUMNS.index("note")
    view.sortByColumn(note_column, Qt.SortOrder.AscendingOrder)
    shown = [view.model().index(row, 0).data() for row in range(view.model().rowCount())]
    assert shown == ["ثلاثة", "واحد", "اثنان", "أربعة"]  # إحسان، احمد، أحمد، آخر
    first.close()
    # (a sort by note reads every claim whole: not brought back, rv108)
    assert window().claims_panel.view.horizontalHeader().sortIndicatorSection() == 0

    again = window()
    again.claims_panel.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    again.close()
    second = window()
    header = second.claims_panel.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1, Qt.SortOrder.DescendingOrder)
    second.close()
