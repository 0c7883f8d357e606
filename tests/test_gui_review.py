"""Reviewing a colleague's tags in the window: layers, accept/reject, disagreements."""

from __future__ import annotations

import random

import pytest
from conftest import SAMPLE_QUOTE, fresh, on_screen, select_in_reader, stored, utf16_index
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction

from store.core import appearances
from store.core.project import Project
from store.review import reviews


def colleague_tags(window, quote, label, who="colleague"):
    """A colleague writes to the same file from another process-like connection."""
    with Project.open(window.session.path, who) as other:
        claim = appearances.tag_quote(other, window.current_article, quote, label)
    window.session.refresh()
    window.review_tools.refresh()
    return claim


def block_ranges(window, cp):
    text = window.article_pane.reader.toPlainText()
    block = window.article_pane.reader.document().findBlock(utf16_index(text, cp))
    return [(r.start + block.position(), r.length) for r in block.layout().formats()]


def test_layer_checkboxes_hide_and_show_an_annotators_highlights(window):
    theirs = colleague_tags(window, SAMPLE_QUOTE, "verified")
    assert block_ranges(window, theirs.start) != []
    layers = window.review_tools.layers
    names = layers.names()
    assert names == ["colleague", "tester"]
    item = layers.list.item(names.index("colleague"))
    item.setCheckState(Qt.CheckState.Unchecked)
    assert block_ranges(window, theirs.start) == []
    assert window.claims_panel.proxy.rowCount() == 0
    layers.everyone()
    assert block_ranges(window, theirs.start) != []
    assert window.claims_panel.proxy.rowCount() == 1
    layers.mine_only()
    assert block_ranges(window, theirs.start) == []


def test_accept_and_reject_are_recorded_and_shown(window, errors):
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    window.findChild(QAction, "review_accept").trigger()  # one's own claim: off
    assert errors == []
    assert reviews.reviews_for(stored(window), window.current_claim_id()) == []
    window.undo_stack.undo()
    theirs = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    window.select_claim(theirs.id)
    window.claims_panel.editor.review_comment.setText("checked the UN record")
    window.findChild(QAction, "review_accept").trigger()
    (claim,) = appearances.list_appearances(stored(window))
    (review,) = reviews.reviews_for(stored(window), claim.id)
    assert (review.decision, review.reviewer, review.comment) == (
        "accept", "tester", "checked the UN record")
    review_column = window.claims_panel.model.COLUMNS.index("review")
    assert window.claims_panel.model.index(0, review_column).data() == "✓ tester"
    assert "checked the UN record" in window.claims_panel.editor.reviews.text()
    # Not on the undo stack (a review is a record): the status bar says it was filed.
    assert window.statusBar().currentMessage() == (
        "Accepted. A review stays on record: review again to change it.")
    lines = window.session.history_lines(claim.id)
    # (the name isolated; the verdict accepted named: a later change read as accepted)
    assert "\u2068tester\u2069  accepted (Disputed): checked the UN record" in lines[-1]
    # the one narrator's wording; the claim and its first place, made at once, one line
    assert f"\u2068colleague\u2069  created as Disputed: “{SAMPLE_QUOTE}”" in lines[0]
    window.claims_panel.unreviewed.setChecked(True)
    assert window.claims_panel.proxy.rowCount() == 0
    window.claims_panel.unreviewed.setChecked(False)
    window.select_claim(claim.id)
    window.findChild(QAction, "review_reject").trigger()
    assert window.claims_panel.model.index(0, review_column).data() == "✗ tester"
    assert window.statusBar().currentMessage().startswith("Rejected.")


def test_a_review_comment_belongs_to_the_claim_it_was_typed_for(window, qtbot):
    """A comment typed for one claim is not filed on the next one chosen; it is there
    again on coming back, until a review of that claim files it."""
    first = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    second = colleague_tags(window, "صداقة نارية", "verified")
    editor = window.claims_panel.editor
    accept, reject = (window.findChild(QAction, name) for name in ("review_accept",
                                                                   "review_reject"))
    window.select_claim(first.id)
    qtbot.keyClicks(editor.review_comment, "misattributed")
    window.select_claim(second.id)
    assert editor.review_comment.text() == ""
    accept.trigger()
    project = stored(window)
    assert [(r.decision, r.comment) for r in reviews.reviews_for(project, second.id)] == [
        ("accept", "")]
    assert reviews.reviews_for(project, first.id) == []
    window.select_claim(first.id)
    assert editor.review_comment.text() == "misattributed"
    reject.trigger()
    assert [(r.decision, r.comment) for r in reviews.reviews_for(project, first.id)] == [
        ("reject", "misattributed")]
    assert editor.review_comment.text() == ""  # filed: the draft is done
    window.select_claim(second.id)
    window.select_claim(first.id)
    assert editor.review_comment.text() == ""


def test_a_refused_review_keeps_its_comment(window, errors):
    """A review the store refuses (of one's own claim, past the window's keys, which are
    off for it): the comment typed stays, to be filed elsewhere."""
    editor = window.claims_panel.editor
    text = window.article_pane.reader.toPlainText()
    start = text.index("بوتين")
    select_in_reader(window, start, start + len("بوتين"))
    window.tag("unchecked")  # one's own claim: a review of it is refused
    editor.review_comment.setText("a long comment the editor wrote")
    window.review_tools.review("reject")
    assert errors and "someone else" in errors[-1]
    assert editor.review_comment.text() == "a long comment the editor wrote"
    assert reviews.reviews_for(stored(window), window.current_claim_id()) == []


def test_a_review_line_runs_in_the_interfaces_direction_whatever_its_comment(window):
    """An Arabic comment turned the editor's English review line around («متفق :… ✓»), and
    the Review column's tooltip named the decision by its key («tester: reject»)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    theirs = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    window.select_claim(theirs.id)
    window.claims_panel.editor.review_comment.setText("متفق")
    window.findChild(QAction, "review_reject").trigger()
    model = window.claims_panel.model
    tip = model.index(0, model.COLUMNS.index("review")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "\u200e✗ \u2068tester\u2069: \u2068متفق\u2069"
    text = window.claims_panel.editor.reviews.text()
    layout = QTextLayout(text, window.claims_panel.editor.reviews.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)  # as a label lays it out
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    assert "متفق" in text and line.cursorToX(0)[0] < line.naturalTextWidth() / 2  # from the left


def test_a_review_comments_phone_number_reads_as_written_in_the_editors_reviews(window):
    """The comment's LRI kept around a pasted phone number (rv248) was dropped with the
    name's controls: the Reviews list read «123 50 966+» (rv263)."""
    theirs = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    window.select_claim(theirs.id)
    window.claims_panel.editor.review_comment.setText("اتصل على \u202a+966 50 123\u202c")
    window.findChild(QAction, "review_reject").trigger()
    shown = window.claims_panel.editor.reviews.text()
    assert "\u2068اتصل على \u2066+966 50 123\u2069\u2069" in shown


def test_a_and_r_are_off_exactly_when_the_editors_accept_and_reject_are(window, qtbot,
                                                                      errors):
    """On one's own claim the editor's Accept and Reject are off, and A showed an error
    dialog all the same: the keys are off with the buttons (the status bar says why, and
    the key does not fall through to the claims table), and on with them."""
    theirs = colleague_tags(window, "صداقة نارية", "verified")
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    mine = window.current_claim_id()
    editor, view = window.claims_panel.editor, window.claims_panel.view
    keys = [window.findChild(QAction, name) for name in ("review_accept", "review_reject")]

    def offered() -> list[bool]:
        return [a.isEnabled() for a in keys] + [editor.accept_button.isEnabled(),
                                                editor.reject_button.isEnabled()]

    view.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_R):
        qtbot.keyClick(view, key)
        assert errors == [] and window.current_claim_id() == mine
        assert "someone else" in window.statusBar().currentMessage()
    assert offered() == [False] * 4
    assert reviews.reviews_for(stored(window), mine) == []
    window.select_claim(theirs.id)
    assert offered() == [True] * 4
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert [r.decision for r in reviews.reviews_for(stored(window), theirs.id)] == ["accept"]
    view.clearSelection()
    assert offered() == [False] * 4
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert errors == [] and window.current_claim_id() is None
    assert window.statusBar().currentMessage() == "Select a claim to review first."


def test_a_claim_relabelled_after_its_review_is_not_reviewed_again(window):
    """The accept was of "disputed": relabelled in the window or by the colleague, the
    claim shows no review, is among the not yet reviewed, and the editor still lists the
    review, as one of the earlier verdict."""
    from store.core import claims

    theirs = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    window.select_claim(theirs.id)
    window.findChild(QAction, "review_accept").trigger()
    panel, editor = window.claims_panel, window.claims_panel.editor
    review_column = panel.model.COLUMNS.index("review")
    assert panel.model.index(0, review_column).data() == "✓ tester"
    editor.verdict.setCurrentIndex(editor.verdict.findData("verified"))
    editor.verdict.activated.emit(editor.verdict.currentIndex())
    assert panel.model.index(0, review_column).data() == ""
    panel.unreviewed.setChecked(True)
    assert panel.proxy.rowCount() == 1
    assert "(of the earlier verdict Disputed)" in editor.reviews.text()
    window.undo_stack.undo()  # "disputed" again: the accept speaks for the claim again
    assert panel.proxy.rowCount() == 1  # (shown while it is chosen)
    panel.unreviewed.setChecked(False)
    panel.unreviewed.setChecked(True)  # (set again: decided anew)
    assert panel.proxy.rowCount() == 0
    assert panel.model.index(0, review_column).data() == "✓ tester"
    panel.unreviewed.setChecked(False)
    with Project.open(window.session.path, "colleague") as other:
        claims.update_claim(other, theirs.claim_id, label="verified")
    window.session.refresh()
    assert panel.model.index(0, review_column).data() == ""
    panel.unreviewed.setChecked(True)
    assert panel.proxy.rowCount() == 1


def test_whoever_relabels_a_claim_cannot_review_that_verdict(window, qtbot):
    """A colleague's claim relabelled here is this person's verdict: Accept and Reject go
    off, saying why, and come back once the relabel is undone."""
    theirs = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    window.select_claim(theirs.id)
    editor = window.claims_panel.editor
    accept = window.findChild(QAction, "review_accept")
    assert accept.isEnabled() and editor.accept_button.isEnabled()
    editor.verdict.setCurrentIndex(editor.verdict.findData("verified"))
    editor.verdict.activated.emit(editor.verdict.currentIndex())
    assert not accept.isEnabled() and not editor.reject_button.isEnabled()
    assert "You gave this claim its verdict" in editor.accept_button.toolTip()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: accept.isEnabled() and editor.accept_button.isEnabled(),
                    timeout=2000)


@pytest.mark.parametrize("disagreeing", [False, True])
def test_opening_the_disagreements_panel_keeps_the_windows_size(window, qtbot, disagreeing):
    """Review ▸ Disagreements widened an 800-pixel window to 864: «No disagreements in
    this article.» stood on one line beside the (idle) Adopt buttons."""
    if disagreeing:
        text = window.article_pane.reader.toPlainText()
        start = text.index(SAMPLE_QUOTE)
        select_in_reader(window, start, start + len(SAMPLE_QUOTE))
        window.tag("disputed")
        colleague_tags(window, "معاهدة على الإطلاق", "verified")
    window.resize(780, 700)
    qtbot.wait(20)
    before = window.size()
    window.review_tools.disagreements_dock.show()
    qtbot.wait(50)
    panel = window.review_tools.disagreements
    assert bool(panel.rows) == disagreeing
    assert panel.adopt_first.isVisibleTo(panel) == disagreeing
    assert window.size() == before


def test_disagreements_are_listed_and_one_click_adopts_a_verdict(window):
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    window.review_tools.disagreements_dock.show()
    theirs = colleague_tags(window, "معاهدة على الإطلاق", "verified")
    panel = window.review_tools.disagreements
    assert len(panel.rows) == 1
    assert panel.model.index(0, 0).data() == "معاهدة على الإطلاق"
    # each side its verdict first (a narrow panel cut it off after the name), whole in
    # its tooltip; the name isolated (one holding a right-to-left override turned the
    # verdict backwards)
    sides = {panel.model.index(0, column).data() for column in (1, 2)}
    assert sides == {"Disputed (\u2068tester\u2069)",
                     f"Verified (\u2068{theirs.annotator}\u2069)"}
    assert {panel.model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
            for column in (1, 2)} == sides
    # each side's swatch is its verdict's colour (a person's colour read as a verdict)
    colors = {label.key: label.color.lower() for label in window.session.labels()}
    for column, place in ((1, panel.rows[0].first), (2, panel.rows[0].second)):
        swatch = panel.model.index(0, column).data(Qt.ItemDataRole.DecorationRole)
        assert swatch.name() == colors[place.label]
    panel.table.selectRow(0)
    button = panel.adopt_first if panel.rows[0].first.id == theirs.id else panel.adopt_second
    assert button.text() == "Adopt Verified"
    said: list[str] = []
    window.review_tools.statusMessage.connect(said.append)
    button.click()  # adopt the colleague's verdict for my claim
    mine = [c for c in appearances.list_appearances(stored(window)) if c.annotator == "tester"]
    assert mine[0].label == "verified"
    assert said == ["\u2068tester\u2069's claim on «\u2068معاهدة على الإطلاق\u2069» is now "
                    f"Verified, as \u2068{theirs.annotator}\u2069 has it (Undo takes it back)."]
    window.review_tools.refresh()
    assert panel.rows == []
    window.findChild(QAction, "undo").trigger()
    window.review_tools.refresh()
    assert len(panel.rows) == 1


def test_choosing_a_disagreement_chooses_its_claim_as_the_reader_does(window, qtbot):
    """rv282: a row chosen selected its words in the reader but chose no claim, the
    claims table and the editor left at «no claim selected»: the note and sources to read
    before adopting had to be found by hand. The row's claim is chosen now, as a click on
    its words in the reader chooses it: the First side's (or the Words'), the Second's
    from its cell, and Left or Right goes from one to the other."""
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    with Project.open(window.session.path, "colleague") as other:  # on fewer words
        appearances.create_claim(other, window.current_article, start + 5, start + 20,
                                 "verified", note="the UN record says otherwise")
    window.session.refresh()
    window.review_tools.disagreements_dock.show()
    window.review_tools.refresh()
    panel = window.review_tools.disagreements
    assert len(panel.rows) == 1
    pair, table = panel.rows[0], panel.table
    qtbot.waitUntil(lambda: table.viewport().height() > table.rowHeight(0))
    editor, reader = window.claims_panel.editor, window.article_pane.reader
    window.claims_panel.view.selectionModel().clear()  # «no claim selected», as rv282 had
    assert window.current_claim_id() is None and editor.claim is None
    for column, place in ((2, pair.second), (1, pair.first), (0, pair.first)):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(panel.model.index(0, column)).center())
        assert window.current_claim_id() == place.id, column
        assert editor.claim is not None and editor.claim.id == place.id
        assert editor.note.toPlainText() == window.session.appearance(place.id).note
        assert reader.selected_span() == (place.start, place.end)
    assert table.hasFocus()  # (the keys go on moving through the rows)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 2
    assert window.current_claim_id() == pair.second.id
    assert editor.note.toPlainText() == "the UN record says otherwise"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_undo_of_an_adopt_is_named_as_the_button_pressed(qtbot, errors, tmp_path,
                                                             language):
    """rv282: Adopt «Disputed» pressed, Edit ▸ Undo offered «Mark as Disputed» («وسم
    بـ«موضع خلاف»» in Arabic, the words of a tag), an action the person never chose."""
    from gui.app import create_window

    window = create_window(tmp_path / "adopt.tahqiq", language=language)
    qtbot.addWidget(window)
    window.show()
    window.files.paste_as_article("The minister said the deficit was halved this year.")
    start = window.article_pane.reader.plain_text().index("the deficit")
    select_in_reader(window, start, start + len("the deficit was halved"))
    window.tag("disputed")
    with Project.open(window.session.path, "colleague") as other:
        appearances.create_claim(other, window.current_article, start,
                                 start + len("the deficit was halved"), "verified")
    window.session.refresh()
    window.review_tools.disagreements_dock.show()
    window.review_tools.refresh()
    panel = window.review_tools.disagreements
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    panel.table.setCurrentIndex(panel.model.index(0, 0))  # (selectRow, right to left,
    # looks for its first column at the viewport's edge, and found none offscreen)
    assert panel.adopt_first.isEnabled()
    theirs = 0 if panel.rows[0].first.annotator == "colleague" else 1
    button = (panel.adopt_first, panel.adopt_second)[theirs]
    pressed = button.text()
    button.click()
    named = window.undo_stack.undoText()
    undo = window.findChild(QAction, "undo")
    undo.trigger()
    qtbot.waitUntil(lambda: pressed in window.statusBar().currentMessage())  # «Undone: …»
    window.close()
    if language == "ar":
        create_window(language="en").close()  # leave the application in English
    assert named == pressed == ("Adopt Verified" if language == "en" else "اعتماد «صحيح»")
    assert errors == []


def test_a_colleagues_rejection_is_in_view_when_the_claim_is_chosen(window, qtbot):
    """rv282: at 1400×900 a colleague's «✗ salma: the treaty is not out yet» stood under
    the Accept and Reject buttons, below the claim editor's fold: seen only by scrolling
    the editor, past the note and sources it may well be about. It is under the claim's
    author and time now, with the editor at its top."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    window.resize(1400, 900)
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("verified")
    mine = window.current_claim_id()
    editor = window.claims_panel.editor
    editor.note.setPlainText("Said in Pyongyang on 19 June.\n" * 3)
    editor.commit_note()
    for n in range(2):
        editor.new_source.setText(f"https://example.org/treaty/{n}")
        editor.commit_new_source()
    with Project.open(window.session.path, "colleague") as other:
        reviews.review_claim(other, window.session.appearance(mine).claim_id, "reject",
                             "the treaty is not out yet")
    window.session.refresh()
    window.select_claim(colleague_tags(window, "معاهدة على الإطلاق", "disputed").id)
    window.select_claim(mine)
    qtbot.waitUntil(lambda: "the treaty is not out yet" in editor.reviews.text())
    area = editor.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    area.verticalScrollBar().setValue(0)  # (the editor at its top, as a claim chosen shows it)
    qtbot.wait(50)
    shown = area.viewport().rect()
    where = QRect(editor.reviews.mapTo(area.viewport(), QPoint(0, 0)), editor.reviews.size())
    assert editor.reviews.isVisible() and shown.contains(where), (where, shown)
    assert where.bottom() < editor.note.mapTo(area.viewport(), editor.note.rect().topLeft()).y()


def test_the_disagreements_columns_share_the_width(window, qtbot):
    """Under the window the panel gave its last column whatever the others left (1,000
    pixels at 1280), while «colleague: Disputed» broke in two in the 100 of First."""
    window.resize(1280, 820)
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    window.review_tools.disagreements_dock.show()
    colleague_tags(window, SAMPLE_QUOTE, "verified")
    table = window.review_tools.disagreements.table
    qtbot.waitUntil(lambda: table.viewport().width() > 500)  # under the article
    widths = [table.columnWidth(column) for column in range(3)]
    assert max(widths) - min(widths) <= 2, widths
    assert sum(widths) >= table.viewport().width() - 2
    first = table.model().index(0, 1).data()
    assert table.fontMetrics().horizontalAdvance(first) < widths[1] - 10, (first, widths)
    words = table.model().index(0, 0)  # now a third of the width: Arabic at its right
    assert words.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_disagreements_panel_follows_edits_pair_by_pair(window):
    """After the first fill, edits change the panel's rows one by one; they are always
    what a full recompute over the saved claims gives."""
    from PySide6.QtTest import QAbstractItemModelTester

    from store.review.disagreements import disagreements

    window.review_tools.disagreements_dock.show()
    theirs = colleague_tags(window, "معاهدة على الإطلاق", "verified")
    panel = window.review_tools.disagreements
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert panel.model.headerData(panel.model.columnCount(), Qt.Orientation.Horizontal) is None
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(True))

    def pairs(rows):
        return [(d.first.id, d.second.id) for d in rows]

    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    for end, label in ((start + len(SAMPLE_QUOTE), "disputed"), (start + 12, "unchecked")):
        select_in_reader(window, start, end)
        window.tag(label)
        window.review_tools.refresh()
        assert pairs(panel.rows) == pairs(disagreements(stored(window), theirs.article_id))
    assert len(panel.rows) == 2
    window.findChild(QAction, "undo").trigger()
    window.review_tools.refresh()
    assert pairs(panel.rows) == pairs(disagreements(stored(window), theirs.article_id))
    assert len(panel.rows) == 1 and resets == []  # never refilled


def test_pairs_added_side_by_side_go_into_the_panel_as_one_block(qapp):
    """The panel's rows take each edit's pairs in order, whatever order they come in, and
    pairs that fall between the same two rows go in at once (one shift of the rows after
    them, one insertion for the view), not one by one."""
    from gui.review_panels import DisagreementsModel
    from store.core.records import Place
    from store.review.disagreements import Disagreement, pair_order

    rng = random.Random(7)
    places = [Place(f"p{n:03}", f"c{n:03}", "a", n, n + 5, "verified", "someone", "t")
              for n in range(120)]
    pairs = [Disagreement(places[n], places[n + 1]) for n in range(119)]
    for _ in range(20):
        shown = rng.sample(pairs, 60)
        model = DisagreementsModel()
        model.set_rows(sorted(shown, key=pair_order), "", str)
        inserted: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _parent, first, last, seen=inserted: seen.append(
            (first, last)))
        rest = [d for d in pairs if d not in shown]
        added, removed = rng.sample(rest, 12), rng.sample(shown, 5)
        model.apply([(added, removed)])
        expected = sorted(set(shown) - set(removed) | set(added), key=pair_order)
        assert model.rows == expected
        slots = {sum(pair_order(s) < pair_order(d) for s in set(shown) - set(removed))
                 for d in added}
        assert len(inserted) == len(slots)
        assert sum(last - first + 1 for first, last in inserted) == len(added)


def test_the_layers_list_is_rebuilt_only_when_its_names_change(window):
    """An edit by a known annotator leaves the list (and a checkbox being clicked) alone;
    a new annotator's first claim adds a row."""
    colleague_tags(window, SAMPLE_QUOTE, "verified")
    layers = window.review_tools.layers
    first = layers.list.item(0)
    text = window.article_pane.reader.toPlainText()
    at = text.index("منذ 24 عامًا")
    select_in_reader(window, at, at + len("منذ 24 عامًا"))
    window.tag("disputed")
    window.review_tools.refresh()
    assert layers.list.item(0) is first and layers.names() == ["colleague", "tester"]
    layers.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    window.review_tools.refresh()
    assert layers.list.item(0).checkState() == Qt.CheckState.Unchecked
    colleague_tags(window, "منذ 24 عامًا", "verified", who="editor")
    assert layers.names() == ["colleague", "editor", "tester"]
    assert layers.list.item(0).checkState() == Qt.CheckState.Unchecked  # still hidden


def test_everyone_ticks_back_a_box_unticked_by_hand(window):
    """A box unticked by hand, then Everyone: the colleague's claims shown again, and
    their box ticked (the list, which took itself for up to date, left it unticked)."""
    colleague_tags(window, SAMPLE_QUOTE, "verified")
    layers = window.review_tools.layers
    layers.list.item(layers.names().index("colleague")).setCheckState(Qt.CheckState.Unchecked)
    layers.everyone()
    assert window.claims_panel.proxy.rowCount() == 1
    assert [layers.list.item(i).checkState() for i in range(layers.list.count())] == [
        Qt.CheckState.Checked] * 2


def test_sorted_by_review_a_claim_of_several_places_takes_its_place_whole(window):
    """The table sorted by Review: accepting a claim that stands at several places moves
    all its rows among the reviewed, leaving the list in order (they took the review at
    once; moved one at a time, the first was placed among rows out of order)."""
    from store.core import articles

    session = window.session
    text = "الأول كلام. الثاني كلام. الثالث مختلف. الرابع كلام آخر. الخامس نص. السادس"
    article = articles.add_article(stored(window), text, "صغير")
    window.article_model.reload()
    window.show_article(article.id)
    session.set_annotator("omar")
    for word in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس"):
        select_in_reader(window, text.index(word), text.index(word) + len(word))
        window.tag("verified")
    panel = window.claims_panel
    panel.view.sortByColumn(panel.model.COLUMNS.index("review"), Qt.SortOrder.AscendingOrder)
    at = text.index("كلام")
    select_in_reader(window, at, at + 4)
    window.tag("disputed")
    claim_id = session.appearance(panel.current_claim_id()).claim_id
    window.tag_all_occurrences()  # the same claim at the other two «كلام»
    session.set_annotator("tester")
    session.review(claim_id, "accept")
    model = panel.model
    keys = [model._key(model.place_at(row)) for row in range(model.rowCount())]
    assert len(keys) == 8 and keys == sorted(keys)
    assert [model.review_of(model.place_at(row).claim_id) is not None
            for row in range(8)] == [False] * 5 + [True] * 3


class Rows(QAbstractTableModel):
    """A bare table of pairs, for the Disagreements panel's view."""

    def __init__(self, count: int = 300):
        super().__init__()
        self.rows = [f"pair {n}" for n in range(count)]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None

    def insert(self, at, value):
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, value)
        self.endInsertRows()

    def remove(self, at):
        self.beginRemoveRows(QModelIndex(), at, at)
        del self.rows[at]
        self.endRemoveRows()


def test_pairs_that_change_below_the_rows_in_view_repaint_none_of_them(qtbot):
    """An edit's pairs land far below the few rows the panel shows (thousands of pairs
    in a long article): the table is laid out again (its scroll bar follows) without
    painting the rows in view, which did not move; a change among them is painted."""
    from PySide6.QtCore import QEvent, QObject

    from gui.review_panels import PairsView

    class Paints(QObject):
        seen: list = []

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.seen.append(event.rect())
            return False

    model = Rows()
    view = PairsView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 150)
    view.show()
    qtbot.waitExposed(view)
    paints = Paints(view)
    view.viewport().installEventFilter(paints)
    bar = view.verticalScrollBar()
    qtbot.wait(20)
    paints.seen.clear()
    maximum = bar.maximum()
    with view.changing():  # an edit: two pairs come, one goes, all far below
        model.insert(200, "new below")
        model.insert(250, "another")
        model.remove(280)
    qtbot.waitUntil(lambda: bar.maximum() == maximum + 1)  # laid out
    qtbot.wait(20)
    assert paints.seen == []
    with view.changing():  # a pair among the rows in view
        model.insert(1, "new in view")
    qtbot.waitUntil(lambda: bool(paints.seen))
    assert view.indexAt(view.visualRect(model.index(1, 0)).center()).data() == "new in view"
    paints.seen.clear()
    model.beginResetModel()  # anything else is laid out and painted as Qt does
    model.rows = ["other"] * 300
    model.endResetModel()
    qtbot.waitUntil(lambda: bool(paints.seen))


@pytest.mark.parametrize("mode", ["item", "pixel"])
def test_pairs_that_change_show_where_every_row_now_is(qtbot, mode):
    """Whatever an edit does to the pairs, and wherever the panel is scrolled (at the
    end above all: scrolling by rows, Qt's default, the last row then sits on the
    bottom edge, and a pair after it moves every row in view), the panel shows the rows
    where they now are and can scroll to the last."""
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    from gui.review_panels import PairsView

    rng = random.Random(7)
    model = Rows(30)
    view, plain = PairsView(), QTableView()  # plain: where Qt itself puts the rows
    for table in (view, plain):
        qtbot.addWidget(table)
        table.setModel(model)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem
                                    if mode == "item" else
                                    QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.resize(300, 163)
        table.show()
        qtbot.waitExposed(table)
    bar = view.verticalScrollBar()
    for step in range(40):
        bar.setValue(bar.maximum() if step % 2 else rng.randint(0, bar.maximum()))
        qtbot.wait(5)
        bottom = view.rowAt(view.viewport().height() - 1)
        with view.changing():  # mostly below the rows in view, as an edit's pairs are
            for _ in range(rng.randint(1, 3)):
                low = bottom + 1 if bottom >= 0 and rng.random() < 0.8 else 0
                if rng.random() < 0.5 and len(model.rows) > low:
                    model.remove(rng.randint(low, len(model.rows) - 1))
                else:
                    model.insert(rng.randint(min(low, len(model.rows)), len(model.rows)),
                                 f"new {step}")
        qtbot.wait(20)
        assert on_screen(view.viewport()) == fresh(view.viewport()), step
        assert bar.maximum() == plain.verticalScrollBar().maximum(), step


def test_a_claim_a_colleague_deleted_is_restored_in_the_window(window, qtbot):
    """A claim a colleague deleted (brought by a merge) could not be brought back in the
    window: only its deleter's own Undo could. Edit ▸ Deleted Claims lists it with who
    deleted it, and Restore brings it back with its verdict and note, as one undo step."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget

    from store.core import claims

    made = colleague_tags(window, SAMPLE_QUOTE, "disputed", who="Badr")
    text = window.article_pane.reader.plain_text()
    second = text.index("صداقة نارية")
    with Project.open(window.session.path, "Badr") as other:
        appearances.add(other, made.claim_id, window.current_article, second, second + 11)
        claims.update_claim(other, made.claim_id, note="مصدر رسمي")
        claims.delete_claim(other, made.claim_id)  # the whole claim, its words as they were
    window.session.refresh()
    assert window.claims_panel.model.rowCount() == 0
    seen: list[list[str]] = []

    def restore() -> None:
        dialog = QApplication.activeModalWidget()
        table = dialog.findChild(QTableWidget, "deletedClaims")
        seen.append([table.item(0, column).text() for column in range(4)][:3])
        dialog.findChild(QPushButton, "restoreClaim").click()
        seen.append([str(table.isVisible())])
        dialog.reject()

    QTimer.singleShot(0, restore)
    window.findChild(QAction, "deleted_claims").trigger()
    assert seen == [[f"{SAMPLE_QUOTE} (2 places)", "Disputed", "Badr"], ["False"]]
    shown = window.claims_panel.claims()  # both its places came back with it
    assert [(p.claim_id, p.label) for p in shown] == [(made.claim_id, "disputed")] * 2
    assert window.session.appearance(shown[0].id).note == "مصدر رسمي"
    window.undo_stack.undo()  # deleted again, as it was: the whole claim
    assert window.claims_panel.model.rowCount() == 0
    assert appearances.appearances_of(stored(window), made.claim_id) == []
    window.undo_stack.redo()
    assert window.claims_panel.model.rowCount() == 2


def test_annotators_colours_stand_apart():
    """Colours taken from each name's own hash gave Huda and Badr two greens 22° apart."""
    from gui.review_panels import annotator_colors

    colors = annotator_colors(["Huda", "Badr", "Layla", "Sara", "Omar"])
    hues = sorted(color.hslHue() for color in colors.values())
    gaps = [b - a for a, b in zip(hues, hues[1:], strict=False)] + [360 - hues[-1] + hues[0]]
    assert min(gaps) >= 30 and len(set(hues)) == 5
    # a person keeps a colour from article to article (by name, not by place in a list)
    assert annotator_colors(["Huda", "Badr"])["Huda"] == colors["Huda"]
    assert annotator_colors(["Huda"])["Huda"] == colors["Huda"]


def test_a_claim_reviewed_under_not_yet_reviewed_leaves_when_the_next_is_chosen(window,
                                                                              qtbot):
    """The claim being worked on stays in the list while it is chosen (rv97); once the
    reviewer goes on to the next, the one just reviewed leaves «Not yet reviewed», as
    it did at once before."""
    first = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    second = colleague_tags(window, "صداقة نارية", "verified")
    panel = window.claims_panel
    panel.unreviewed.setChecked(True)
    assert panel.proxy.rowCount() == 2
    window.select_claim(first.id)
    window.findChild(QAction, "review_accept").trigger()
    assert panel.proxy.rowCount() == 2 and panel.editor.claim.id == first.id
    window.select_claim(second.id)
    qtbot.wait(1)  # (filtered again once the event that chose is done)
    assert panel.proxy.rowCount() == 1 and panel.editor.claim.id == second.id
    from gui.models import ClaimIdRole

    assert panel.proxy.index(0, 0).data(ClaimIdRole) == second.id


def test_a_claim_kept_in_the_list_then_deleted_leaves_the_others_listed(window, qtbot):
    """Accepted under «Not yet reviewed» (kept while chosen), then deleted: the row chosen
    before was filtered again from inside Qt's removal of it, and the list lost the claim
    still to review (or the proxy went to -1 rows and the window crashed; rv100)."""
    first = colleague_tags(window, SAMPLE_QUOTE, "disputed")
    colleague_tags(window, "صداقة نارية", "verified")
    panel = window.claims_panel
    panel.unreviewed.setChecked(True)
    window.select_claim(first.id)
    window.findChild(QAction, "review_accept").trigger()
    window.findChild(QAction, "delete_claim").trigger()
    qtbot.wait(20)
    assert panel.model.rowCount() == panel.proxy.rowCount() == 1


def test_a_claim_chosen_in_a_hidden_layer_shows_the_layer_and_keeps_the_filters(window):
    """A colleague's claim chosen with their box unticked (a search hit in their note):
    their layer is shown again, and said, and the claim chosen; the filters that do not
    hide it stay. The list cleared its own filters instead, which did not show the row,
    chose nothing and said it had (rv179)."""
    theirs = colleague_tags(window, SAMPLE_QUOTE, "verified")
    layers, panel = window.review_tools.layers, window.claims_panel
    layers.list.item(layers.names().index("colleague")).setCheckState(Qt.CheckState.Unchecked)
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("verified"))
    panel.unreviewed.setChecked(True)
    assert panel.proxy.rowCount() == 0
    window.select_claim(theirs.id)
    assert window.current_claim_id() == theirs.id
    assert layers.hidden == set()
    assert layers.list.item(layers.names().index("colleague")).checkState() == (
        Qt.CheckState.Checked)
    assert panel.verdict_filter.currentData() == "verified" and panel.unreviewed.isChecked()
    assert window.statusBar().currentMessage() == (
        "\u2068colleague\u2069's claims are shown again: the claim chosen is theirs.")


def test_a_claim_that_cannot_show_is_not_chosen_and_the_filters_stay(window):
    """A list whose hidden layer no one shows again (no Annotators panel to answer): the
    claim is not chosen, False, and the claim chosen before and the filters stay (they
    were cleared for nothing and the selection with them, rv179)."""
    from PySide6.QtGui import QUndoStack

    from gui.claims_panel import ClaimsPanel

    text = window.article_pane.reader.toPlainText()
    at = text.index("فلاديمير بوتين")
    select_in_reader(window, at, at + len("فلاديمير بوتين"))
    window.tag("disputed")
    theirs = colleague_tags(window, SAMPLE_QUOTE, "verified")
    panel = ClaimsPanel(window.session, QUndoStack())
    panel.set_article(window.current_article, window.session.places_in(window.current_article))
    mine = next(p.id for p in panel.claims() if p.id != theirs.id)
    panel.set_hidden_annotators({"colleague"})
    panel.unreviewed.setChecked(True)
    assert panel.select_claim(mine)
    assert not panel.select_claim(theirs.id)
    assert panel.current_claim_id() == mine and panel.unreviewed.isChecked()
    panel.close()


def test_a_tag_with_ones_own_layer_hidden_is_chosen_and_the_filters_stay(window):
    """Tagging with one's own box unticked: one's layer is shown again and the new claim
    chosen. It was saved but not chosen, and «Not yet reviewed» was unticked (rv179)."""
    layers, panel = window.review_tools.layers, window.claims_panel
    layers.list.item(layers.names().index("tester")).setCheckState(Qt.CheckState.Unchecked)
    panel.unreviewed.setChecked(True)
    text = window.article_pane.reader.toPlainText()
    at = text.index(SAMPLE_QUOTE)
    select_in_reader(window, at, at + len(SAMPLE_QUOTE))
    window.tag("verified")
    (claim,) = appearances.list_appearances(stored(window))
    assert window.current_claim_id() == claim.id
    assert panel.unreviewed.isChecked() and layers.hidden == set()


def test_a_and_r_on_my_own_claim_in_the_reader_say_why(window, qtbot, errors):
    """Issue 13 item 12 from the reader, where a claim is tagged: A and R on one's own
    claim say on the status bar that a review must come from someone else (the Review
    menu's items stay greyed: nothing there to choose); nothing is filed."""
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    mine, reader = window.current_claim_id(), window.article_pane.reader
    reader.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_R):
        window.statusBar().showMessage("(cleared)")
        qtbot.keyClick(reader, key)
        assert window.statusBar().currentMessage() == (
            "You gave this claim its verdict: a review must come from someone else.")
    assert not window.findChild(QAction, "review_accept").isEnabled()
    assert errors == [] and reviews.reviews_for(stored(window), mine) == []
