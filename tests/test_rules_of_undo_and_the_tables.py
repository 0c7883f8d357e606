"""What a fact-checker's Undo does and what the window's tables show, each guarded
against a small change to gui/commands.py or gui/models.py (a dropped field of what an
undo expects, a swapped branch, an off-by-one) that the rest of the suite let pass
(rv170's mutation review)."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from gui.session import Session
from store.core import appearances, articles, claims
from store.core.project import Project

LINK = "https://example.org/check"


@pytest.fixture
def session(qapp, sample_project):
    s = Session(sample_project)
    yield s
    s.close()


@pytest.fixture
def article(sample_project):
    return articles.get_article(sample_project, articles.list_articles(sample_project)[0]["id"])


def _as_colleague(session: Session, change) -> None:
    """Another program (a colleague's merge, the command line) writes the file; the
    window sees it at its next look."""
    with Project.open(session.path, "colleague", create=False) as colleague:
        change(colleague)
    session.refresh()


def _one_claim_at_two_places(project: Project, article):
    """A disputed claim on the sample's quote, and «بوتين» a second place of it."""
    first = appearances.tag_quote(project, article.id, SAMPLE_QUOTE, "disputed")
    start, end = appearances.quote_span(article.text, "بوتين")
    return first, appearances.add(project, first.claim_id, article.id, start, end)


def _stored_claim(session: Session, claim_id: str):
    with Project.open(session.path, "reader", create=False) as reader:
        return claims.get_claim(reader, claim_id)


# -- gui/commands.py: what an undo expects, and refuses ---------------------------------
def test_an_unlink_undone_keeps_the_sources_a_colleague_gave_the_split_claim(
        session, article, sample_project, qtbot):
    """Unlink, then a colleague cites a source on the claim the words became; undoing
    the Unlink would delete that claim with the source: it is refused. (What an undo
    expects of a claim holds its sources, not only its verdict and note.)"""
    from gui.commands import Unlink

    first, second = _one_claim_at_two_places(sample_project, article)
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(Unlink(session, session.appearance(second.id)))
    split = session.appearance(second.id).claim_id
    _as_colleague(session, lambda p: claims.update_claim(p, split, sources=[LINK]))
    stack.undo()
    qtbot.waitUntil(lambda: bool(said))
    assert session.appearance(second.id).claim_id == split  # not joined back
    kept = _stored_claim(session, split)
    assert (kept.is_deleted, kept.sources) == (False, (LINK,))
    assert said == ["colleague changed this claim since; going back would overwrite that."]


def test_a_tag_undone_keeps_the_note_a_colleague_wrote_on_it(session, article, qtbot):
    """Words tagged, a colleague writes a note on the new claim: undoing the tag would
    delete their note with the claim; it is refused, as a changed verdict is."""
    from gui.commands import TagSpan

    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    tag = TagSpan(session, article.id, 5, 15, "unchecked")
    stack.push(tag)
    _as_colleague(session, lambda p: claims.update_claim(p, tag.appearance_id,
                                                         note="ministry confirmed"))
    stack.undo()
    qtbot.waitUntil(lambda: bool(said))
    place = session.appearance(tag.appearance_id)
    assert not place.is_deleted and place.note == "ministry confirmed"
    assert said == ["colleague changed this claim since; going back would overwrite that."]


def test_a_link_redone_after_a_colleague_edited_the_claim_kept_is_not_refused(
        session, article, sample_project):
    """Link two claims as one (the first kept), undo, and a colleague writes a note on the
    kept claim: the redo deletes only the other claim, which nobody changed, so it is
    done. (The kept claim's own words are no part of the move: counted as moving, the
    kept claim was «changed since» and the redo refused.)"""
    from gui.commands import Link

    kept = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    other = appearances.tag_quote(sample_project, article.id, "روسيا", "verified")
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(Link(session, [session.appearance(kept.id), session.appearance(other.id)],
                    kept.claim_id))
    stack.undo()
    _as_colleague(session, lambda p: claims.update_claim(p, kept.claim_id,
                                                         note="checked twice"))
    stack.redo()
    assert said == []
    assert session.appearance(other.id).claim_id == kept.claim_id
    assert session.appearance(other.id).note == "checked twice"
    assert _stored_claim(session, other.claim_id).is_deleted


def test_a_restored_article_is_named_restore_in_the_edit_menu(session, article):
    """Project ▸ Deleted Articles ▸ Restore is one step, «Undo Restore article “…”» in
    the Edit menu, not the «Delete article» it undoes."""
    from gui.commands import RestoreArticle

    session.delete_article(article.id)
    stack = QUndoStack()
    stack.push(RestoreArticle(session, article.id, "Sample"))
    assert stack.undoText() == "Restore article “\u2068Sample\u2069”"


def test_an_accepted_known_claim_redone_selects_its_words_again(session, article,
                                                               sample_project):
    """Accept a claim checked elsewhere, undo, redo: the redo brings the words back on
    that claim and selects them (the next verdict key acts on them); the undo selects
    nothing (the words it took away are not there to choose)."""
    from gui.commands import AddAppearance

    known = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    other = articles.add_article(sample_project, f"قال الرئيس إنها {SAMPLE_QUOTE}.", "Other")
    start, end = appearances.quote_span(other.text, SAMPLE_QUOTE)
    shown: list[str] = []
    session.stepShows.connect(shown.append)
    stack = QUndoStack()
    accept = AddAppearance(session, known.claim_id, other.id, start, end, "disputed")
    stack.push(accept)
    stack.undo()
    assert shown == []
    stack.redo()
    assert shown == [accept.appearance_id]
    assert session.appearance(accept.appearance_id).claim_id == known.claim_id


@pytest.mark.parametrize(("places", "waits"), [(499, False), (500, True)])
def test_a_step_of_five_hundred_places_shows_the_waiting_cursor(monkeypatch, places,
                                                                waits):
    """BUSY_FROM is the first count that waits: a Tag All of 500 places shows it."""
    import contextlib

    from gui import commands, dialogs

    used: list[bool] = []

    @contextlib.contextmanager
    def busy():
        used.append(True)
        yield

    monkeypatch.setattr(dialogs, "busy", busy)
    assert commands.BUSY_FROM == 500
    with commands._busy(places):
        pass
    assert bool(used) is waits


def test_words_moved_from_where_the_window_no_longer_shows_them_are_refused(
        session, article, sample_project):
    """Move Claim to Selected Words expects the claim where the window showed it: moved
    meanwhile from the command line (the window not yet caught up), the move is refused
    and no step is recorded, rather than carrying the words off from where they are."""
    from gui.commands import MoveWords

    place = appearances.tag_quote(sample_project, article.id, "روسيا", "disputed")
    shown = session.appearance(place.id)
    start, end = appearances.quote_span(article.text, "بوتين")
    with Project.open(session.path, "tester", create=False) as elsewhere:
        appearances.move(elsewhere, place.id, start, end)
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    target = appearances.quote_span(article.text, "كوريا الشمالية")
    stack.push(MoveWords(session, shown, *target))
    assert stack.count() == 0 and said
    with Project.open(session.path, "reader", create=False) as reader:
        assert appearances.get_appearance(reader, place.id).quote == "بوتين"


def test_an_unlink_redone_after_a_colleague_untagged_the_other_words_undoes_again(
        session, article, sample_project):
    """A claim on two places; Unlink the second, undo; a colleague untags the first, and
    Unlink is redone (the words' claim, left with none, goes with the redo). Undone
    again, the words go back to that claim, brought back: it was the redo that deleted
    it, not anyone since, so nothing is refused."""
    from gui.commands import Unlink

    first, second = _one_claim_at_two_places(sample_project, article)
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(Unlink(session, session.appearance(second.id)))
    stack.undo()
    _as_colleague(session, lambda p: appearances.delete(p, first.id))
    stack.redo()
    assert _stored_claim(session, first.claim_id).is_deleted  # (its last words split off)
    stack.undo()
    assert said == []
    back = session.appearance(second.id)
    assert back.claim_id == first.claim_id and not back.claim.is_deleted


def test_a_note_edit_redone_keeps_a_colleagues_note_since_the_undo(session, article,
                                                                  sample_project, qtbot):
    """Edit a note, undo it, and a colleague writes theirs: Redo would type mine over
    theirs; it is refused, and their note stays."""
    from gui.commands import EditClaim

    place = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(EditClaim(session, session.appearance(place.id), note="mine"))
    stack.undo()
    _as_colleague(session, lambda p: claims.update_claim(p, place.claim_id, note="theirs"))
    stack.redo()
    qtbot.waitUntil(lambda: bool(said))
    assert _stored_claim(session, place.claim_id).note == "theirs"
    assert said == ["colleague changed this claim since; going back would overwrite that."]


def test_a_restore_of_untagged_words_undone_untags_them_again(session, article,
                                                             sample_project):
    """Edit ▸ Deleted Claims brings back words untagged from a claim still shown at its
    other place; Undo untags them again (the claim stays, at its other place)."""
    from gui.commands import RestoreClaim

    first, second = _one_claim_at_two_places(sample_project, article)
    session.delete_appearance(second.id)
    stack = QUndoStack()
    stack.push(RestoreClaim(session, [second.id]))
    assert not session.appearance(second.id).is_deleted
    stack.undo()
    assert session.appearance(second.id).is_deleted
    assert [p.id for p in session.appearances_of(first.claim_id)] == [first.id]


def test_a_label_change_redone_keeps_another_windows_colour_since_the_undo(
        session, qtbot):
    """Recolour a verdict, undo, and another window recolours it: Redo would paint mine
    over theirs; it is refused, as the undo is."""
    from gui.commands import EditLabel
    from store.core import labels

    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(EditLabel(session, session.label("disputed"), {"color": "#112233"}))
    stack.undo()
    _as_colleague(session, lambda p: labels.update_label(p, "disputed", color="#445566"))
    stack.redo()
    qtbot.waitUntil(lambda: bool(said))
    with Project.open(session.path, "reader", create=False) as reader:
        assert labels.get_label(reader, "disputed").color == "#445566"
    assert said == ["This label was changed since, in another window or program; going "
                    "back would overwrite that."]


def test_a_label_change_undone_puts_back_what_it_replaced_not_the_windows_copy(session):
    """Another window recolours «Disputed» and, before this window reads it again, I
    recolour it here: Undo put back the colour this window had last read, over the other
    window's, unsaid. It puts back what my change replaced (rv170)."""
    from gui.commands import EditLabel
    from store.core import labels

    with Project.open(session.path, "me", create=False) as other_window:  # (not yet read)
        labels.update_label(other_window, "disputed", color="#445566")
    stack = QUndoStack()
    stack.push(EditLabel(session, session.label("disputed"), {"color": "#112233"}))
    stack.undo()
    with Project.open(session.path, "reader", create=False) as reader:
        assert labels.get_label(reader, "disputed").color == "#445566"


def test_a_deleted_claim_restored_then_undone_keeps_a_colleagues_verdict_since(
        session, article, sample_project, qtbot):
    """A whole claim deleted (by a colleague, say) and restored here; a colleague gives it
    a verdict, and the restore is undone: deleting the claim again would take their
    verdict with it; it is refused."""
    from gui.commands import RestoreClaim

    place = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    session.delete_claim(place.claim_id)
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    stack.push(RestoreClaim(session, [place.id]))
    assert not session.appearance(place.id).is_deleted
    _as_colleague(session, lambda p: claims.update_claim(p, place.claim_id, label="verified"))
    stack.undo()
    qtbot.waitUntil(lambda: bool(said))
    kept = _stored_claim(session, place.claim_id)
    assert (kept.is_deleted, kept.label) == (False, "verified")
    assert said == ["colleague changed this claim since; going back would overwrite that."]


@pytest.mark.parametrize("mine_first", [False, True])
def test_an_accept_undone_keeps_words_a_colleague_unlinked_into_their_claim(
        session, article, sample_project, qtbot, mine_first):
    """Accept a known claim on words (mine there before, which join it, or untagged),
    and a colleague unlinks the words into a claim of their own with their verdict and
    note: Undo took the words off it and deleted their claim unsaid; it is refused, as a
    tag's, a Link's and an Unlink's undo are (rv151, rv170)."""
    from gui.commands import AddAppearance

    known = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    other = articles.add_article(sample_project, f"قال الرئيس إنها {SAMPLE_QUOTE}.", "Other")
    start, end = appearances.quote_span(other.text, SAMPLE_QUOTE)
    if mine_first:
        appearances.tag_quote(sample_project, other.id, SAMPLE_QUOTE, "unchecked")
    said: list[str] = []
    session.errorOccurred.connect(said.append)
    stack = QUndoStack()
    accept = AddAppearance(session, known.claim_id, other.id, start, end, "disputed")
    stack.push(accept)
    assert (accept.joined is not None) is mine_first

    def theirs(p):
        split = appearances.unlink(p, accept.appearance_id)
        claims.update_claim(p, split.claim_id, label="verified", note="their own check")
        return split.claim_id

    with Project.open(session.path, "colleague", create=False) as colleague:
        their_claim = theirs(colleague)
    session.refresh()
    stack.undo()
    qtbot.waitUntil(lambda: bool(said), timeout=1000)
    assert not _stored_claim(session, their_claim).is_deleted
    assert session.appearance(accept.appearance_id).claim_id == their_claim


# -- gui/models.py: what the claims table shows, and in what order ----------------------
@pytest.fixture
def table(session, article):
    from gui.models import ClaimsTableModel

    model = ClaimsTableModel(session)
    model.set_article(article.id)
    return model


def _starts(table) -> list[int]:
    return [table.place_at(row).start for row in range(table.rowCount())]


def _column(name: str) -> int:
    from gui.models import ClaimsTableModel

    return ClaimsTableModel.COLUMNS.index(name)


def test_the_table_sorted_by_sources_orders_by_how_many(session, article, table):
    """Sorted by Sources, the claims citing fewest come first (the column shows a
    count), not the claims whose links come first in the alphabet."""
    for start, sources in ((10, ["https://b.org"]), (30, ["https://a.org", "https://c.org"]),
                           (50, [])):
        place = session.create_claim(article.id, start, start + 5, "unchecked")
        if sources:
            session.update_claim(place.claim_id, sources=sources)
    table.sort(_column("sources"))
    assert _starts(table) == [50, 10, 30]
    assert [table.data(table.index(r, _column("sources"))) for r in range(3)] == [0, 1, 2]


def test_the_table_sorted_by_note_ignores_case(session, article, table):
    """Sorted by Note, «alpha» comes before «Beta» (as a reader looks a word up), not
    after it as capitals sort by code point."""
    for start, note in ((5, "gamma"), (10, "alpha"), (30, "Beta")):
        session.update_claim(session.create_claim(article.id, start, start + 3,
                                                  "unchecked").claim_id, note=note)
    table.sort(_column("note"))
    assert _starts(table) == [10, 30, 5]


def test_the_table_sorted_by_last_change_puts_the_claim_edited_last_last(session, article,
                                                                        table):
    """Sorted by Last change, a claim tagged first but edited since comes after one
    tagged later: the column's time, not the tag's."""
    first = session.create_claim(article.id, 10, 15, "unchecked")
    session.create_claim(article.id, 30, 35, "unchecked")
    session.update_claim(first.claim_id, note="edited after the second was tagged")
    table.sort(_column("updated"))
    assert _starts(table) == [30, 10]


def test_the_table_sorted_by_annotator_reads_names_as_people_do(session, article, table):
    """«amal», «tester», «Zaid»: a name's capital does not put it first."""
    for name, start in (("Zaid", 10), ("amal", 30)):
        with Project.open(session.path, name, create=False) as colleague:
            appearances.create_claim(colleague, article.id, start, start + 5, "unchecked")
    session.create_claim(article.id, 50, 55, "unchecked")
    session.refresh()
    table.sort(_column("annotator"))
    assert [table.place_at(r).annotator for r in range(3)] == ["amal", "tester", "Zaid"]


def test_the_table_sorted_by_review_puts_unreviewed_first_then_accepted_then_rejected(
        session, article, table):
    """Sorted by Review: claims still to review, then those accepted, then rejected."""
    made = []
    with Project.open(session.path, "colleague", create=False) as colleague:
        for start in (10, 30, 50):
            made.append(appearances.create_claim(colleague, article.id, start, start + 5,
                                                 "disputed"))
    session.refresh()
    session.review(made[0].claim_id, "reject")
    session.review(made[1].claim_id, "accept")
    table.sort(_column("review"))
    assert _starts(table) == [50, 30, 10]
    assert [table.data(table.index(r, _column("review"))) for r in range(3)] == [
        "", "✓ tester", "✗ tester"]


def test_a_note_cell_is_one_line_of_at_most_120_characters_its_tip_the_whole(
        session, article, table):
    """A note of two lines reads on one in its cell; one of 120 characters shows whole,
    one of 121 is cut to 119 and «…» (120 in all); the tooltip holds it as typed."""
    notes = {10: "first line\nsecond line", 30: "x" * 120, 50: "y" * 121}
    for start, note in notes.items():
        session.update_claim(session.create_claim(article.id, start, start + 3,
                                                  "unchecked").claim_id, note=note)
    column = _column("note")
    cells = [table.data(table.index(r, column)) for r in range(3)]
    assert cells == ["first line second line", "x" * 120, "y" * 119 + "…"]
    tip = table.data(table.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert "first line\nsecond line" in tip


def test_a_claims_sources_tooltip_lists_one_link_a_line(session, article, table):
    """The Sources cell shows how many; its tooltip, each link on a line of its own."""
    place = session.create_claim(article.id, 10, 15, "unchecked")
    session.update_claim(place.claim_id, sources=["https://a.org/x", "https://b.org/y"])
    tip = table.data(table.index(0, _column("sources")), Qt.ItemDataRole.ToolTipRole)
    assert "https://a.org/x\nhttps://b.org/y" in tip


def _tip(listing, row: int = 0) -> str:
    return listing.data(listing.index(row), Qt.ItemDataRole.ToolTipRole)


def test_an_articles_tooltip_counts_claims_and_places_and_keeps_up(session, article):
    """The article list's tooltip says how many claims, and how many places when a claim
    shows at more than one; a tag here, or another program's, is counted at the next
    look."""
    from gui.models import ArticleListModel

    listing = ArticleListModel(session)

    def said(claims_: int, places: int | None = None) -> str:  # (in the app's language)
        text = listing.tr("%n claim(s)", "", claims_)
        return text if places is None else f"{text} {listing.tr('(%n place(s))', '', places)}"

    first = session.create_claim(article.id, 10, 15, "unchecked")
    session.create_claim(article.id, 30, 35, "unchecked")
    assert f"\n{said(2)}\n" in _tip(listing)  # (one place each: no places said)
    session.add_appearance(first.claim_id, article.id, 50, 55)  # one claim at two places
    assert f"\n{said(2, 3)}\n" in _tip(listing)
    with Project.open(session.path, "colleague", create=False) as colleague:
        appearances.create_claim(colleague, article.id, 70, 75, "unchecked")
    session.refresh()
    assert f"\n{said(3, 4)}\n" in _tip(listing)


def test_the_text_filter_reads_cells_in_any_case_and_arabic_folded(session, article, table):
    """The claims filter finds «zaid» and «ZAID» in the Annotator cell «Zaid», and a
    note's «أقوى معاهدة» from «اقوى معاهده» typed without hamza and ta marbuta."""
    from gui.models import ClaimsFilterModel

    with Project.open(session.path, "Zaid", create=False) as colleague:
        appearances.create_claim(colleague, article.id, 10, 15, "unchecked")
    session.refresh()
    noted = session.create_claim(article.id, 30, 35, "unchecked")
    session.update_claim(noted.claim_id, note="أقوى معاهدة")
    session.create_claim(article.id, 50, 55, "unchecked")
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)

    def shown(pattern: str) -> list[int]:
        proxy.setFilterFixedString(pattern)
        return [table.place_at(proxy.mapToSource(proxy.index(r, 0)).row()).start
                for r in range(proxy.rowCount())]

    assert shown("zaid") == [10]
    assert shown("ZAID") == [10]
    assert shown("اقوى معاهده") == [30]
    assert shown("") == [10, 30, 50]


def test_a_verdict_renamed_repaints_the_verdict_column_and_is_found_by_its_new_name(
        session, article, table):
    """Project ▸ Labels renames «Disputed»: every row's Verdict cell is repainted, and the
    text filter finds the claims by the new name, not the old."""
    from gui.models import ClaimsFilterModel

    session.create_claim(article.id, 10, 15, "disputed")
    session.create_claim(article.id, 30, 35, "verified")
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)
    proxy.setFilterFixedString("disputed")
    assert proxy.rowCount() == 1
    repainted: list[tuple[int, int, int, int]] = []
    table.dataChanged.connect(lambda top, bottom, *_: repainted.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    session.update_label("disputed", name_en="Contested")
    assert any(t <= 0 and b >= 1 and left <= _column("label") <= right
               for t, left, b, right in repainted)
    assert table.data(table.index(0, _column("label"))) == "Contested"
    proxy.setFilterFixedString("contested")
    assert proxy.rowCount() == 1
    proxy.setFilterFixedString("disputed")
    assert proxy.rowCount() == 0


def test_a_claim_edited_repaints_its_whole_row(session, article, table):
    """A note or a verdict changed: the row's every cell is repainted (the cells are kept
    as pictures while they look the same: a Note cell left out showed the old note)."""
    place = session.create_claim(article.id, 10, 15, "disputed")
    repainted: list[tuple[int, int, int, int]] = []
    table.dataChanged.connect(lambda top, bottom, *_: repainted.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    session.update_claim(place.claim_id, note="new note", label="verified")
    assert (0, 0, 0, len(table.COLUMNS) - 1) in repainted


def test_an_arabic_window_names_verdicts_in_arabic_in_the_table(session, article, table):
    """In an Arabic interface the Verdict cell reads the label's Arabic name."""
    session.language = "ar"
    session.create_claim(article.id, 10, 15, "disputed")
    label = session.label("disputed")
    assert label.name_ar and label.name_ar != label.name_en
    assert table.data(table.index(0, _column("label"))) == label.name_ar


def test_a_claim_with_no_row_in_the_table_is_no_claim(session, article, table):
    """``row_of`` answers -1 for a claim the table does not hold (filtered to another
    article, deleted): the row -1 holds nothing, not the table's last claim."""
    session.create_claim(article.id, 10, 15, "disputed")
    assert table.row_of("no-such-claim") == -1
    assert table.place_at(-1) is None and table.claim_at(-1) is None


def test_the_article_list_titles_a_row_far_from_the_top_when_first_shown(session,
                                                                         sample_project):
    """A list of 40 articles: row 5's title, read first with those around it, is its
    own (not empty), and the list's first is the oldest."""
    from gui.models import ArticleListModel

    for n in range(39):
        articles.add_article(sample_project, f"نص المقال رقم {n} عن المعاهدة.", f"Article {n}")
    listing = ArticleListModel(session)
    assert listing.rowCount() == 40
    ids = articles.list_ids(sample_project)
    assert listing.data(listing.index(5)) == articles.title_of(sample_project, ids[5])
    assert listing.data(listing.index(5)) == "Article 4"
    assert listing.first_id() == ids[0] != ids[-1]


def test_a_long_quotes_tooltip_holds_every_word(session, article, table):
    """A quote longer than its cell is cut there with «…»; its tooltip reads whole."""
    text = article.text
    start = text.index("وفي محاولة")
    end = start + 150
    while text[end - 1].isspace():
        end -= 1
    session.create_claim(article.id, start, end, "disputed")
    quote = text[start:end]
    cell = table.data(table.index(0, _column("quote")))
    tip = table.data(table.index(0, _column("quote")), Qt.ItemDataRole.ToolTipRole)
    assert cell.endswith("…") and len(cell) == 120
    assert quote in tip


def test_a_long_article_sorted_z_to_a_keeps_its_order_as_its_places_arrive(
        session, article, sample_project, table):
    """Sorted by Quote from the end (a descending sort), a long article opened while its
    places are still being read shows them all in that order, not the first hundred
    sorted and the rest added after them in reading order."""
    from gui.models import ClaimsTableModel

    text = article.text
    spans = [(at, at + 3) for at in range(0, 1500, 8) if not text[at:at + 3].isspace()
             and not text[at].isspace() and not text[at + 2].isspace()]
    for start, end in spans[:160]:
        appearances.create_claim(sample_project, article.id, start, end, "unchecked")
    table.sort(_column("quote"), Qt.SortOrder.DescendingOrder)
    places = session.open_places(article.id, len(text))
    table.set_article(article.id, places, text)
    places.read_all()
    assert table.rowCount() == len(appearances.list_places(sample_project, article.id)) > \
        ClaimsTableModel.FIRST_ROWS
    starts = _starts(table)  # (the Quote column sorts in reading order)
    assert starts == sorted(starts, reverse=True)


def test_the_text_filter_looks_in_a_claims_links_not_their_count(session, article, table):
    """A claim citing two links: the filter finds it by «archive.ph» and by a link's
    words, and what it looks in has no line «2» (the Sources cell's count: «2» found
    every claim with two, rv73)."""
    from gui.models import ClaimsFilterModel

    place = session.create_claim(article.id, 10, 15, "unchecked")
    session.update_claim(place.claim_id, sources=["https://archive.ph/abc", "https://bbc.com/x"])
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)
    proxy.setFilterFixedString("archive.ph")
    assert proxy.rowCount() == 1
    assert "2" not in table.filter_text(table.place_at(0)).split("\n")


def test_the_last_change_column_shows_the_claims_last_edit_not_its_tagging(
        session, article, sample_project, table):
    """Tagged long ago and given a note today, a claim's Last change reads today."""
    from store.core.stamps import shown_time

    place = session.create_claim(article.id, 10, 15, "unchecked")
    old = "2020-01-02T03:04:05.000000+00:00"
    sample_project.conn.execute("UPDATE appearances SET created = ?, updated = ? "
                                "WHERE id = ?", [old, old, place.id])
    session.update_claim(place.claim_id, note="checked today")
    edited = session.appearance(place.id)
    assert edited.created == old != edited.last_change
    assert table.data(table.index(0, _column("updated"))) == shown_time(edited.last_change)


def test_a_claim_edited_shows_no_row_for_its_place_in_another_article(session, article,
                                                                      sample_project, table):
    """A claim at words here and in another article: its note changed, the table (of this
    article) keeps its one row, and does not take the other article's place as a row."""
    place = appearances.tag_quote(sample_project, article.id, SAMPLE_QUOTE, "disputed")
    other = articles.add_article(sample_project, f"قال الرئيس إنها {SAMPLE_QUOTE}.", "Other")
    start, end = appearances.quote_span(other.text, SAMPLE_QUOTE)
    appearances.add(sample_project, place.claim_id, other.id, start, end)
    table.set_article(article.id)
    assert table.rowCount() == 1
    session.update_claim(place.claim_id, note="seen in two articles")
    assert table.rowCount() == 1
    assert table.place_at(0).article_id == article.id
