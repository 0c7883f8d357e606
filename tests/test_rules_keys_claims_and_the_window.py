"""The main window's paths from a key to a claim, pinned where mutation testing of
gui/mainwindow.py found them unwatched (rv190): which words or claim an action acts on,
and what the status bar says of it."""

from __future__ import annotations

from conftest import SAMPLE_QUOTE, select_in_reader, stored
from test_gui_keyboard import tag_three

from store.core import appearances


def db_claims(win):
    return appearances.list_appearances(stored(win))


def test_a_verdict_key_on_spaces_alone_says_why_without_a_box(window, errors):
    """Spaces selected and a verdict key pressed in passing: the status bar says why they
    cannot be tagged, no error box to click away and no claim made."""
    text = window.article_pane.reader.plain_text()
    at = text.index(" ")
    select_in_reader(window, at, at + 1)
    window.tag("verified")
    assert errors == []
    assert db_claims(window) == []
    assert window.statusBar().currentMessage() == window.session.cannot_tag(" ")


def test_next_claim_with_a_claim_chosen_goes_down_the_list_not_from_the_caret(window):
    """With a claim chosen, View ▸ Next Claim is the list's next row, wherever the caret
    was put since (the caret decides only when no claim is chosen)."""
    tag_three(window)
    places = sorted(window.claims_panel.claims(), key=lambda p: p.start)
    window.select_claim(places[0].id)
    select_in_reader(window, places[2].end, places[2].end)  # the caret after the last
    assert window.current_claim_id() == places[0].id
    window.step_claim(1)
    assert window.current_claim_id() == places[1].id
    assert not window.statusBar().currentMessage().endswith("(From the first again.)")


def test_previous_claim_says_where_it_is_and_when_it_went_round_the_start(window):
    """View ▸ Previous Claim: «Claim 1 of 3: …» one step back, no «again» said; from the
    first row, the last claim, said as «Claim 3 of 3: … (From the last again.)»."""
    tag_three(window)
    places = sorted(window.claims_panel.claims(), key=lambda p: p.start)
    window.select_claim(places[1].id)
    window.step_claim(-1)
    said = window.statusBar().currentMessage()
    assert window.current_claim_id() == places[0].id
    assert said.startswith("Claim 1 of 3: «") and "again" not in said, said
    window.step_claim(-1)
    said = window.statusBar().currentMessage()
    assert window.current_claim_id() == places[2].id
    assert said.startswith("Claim 3 of 3: «"), said
    assert said.endswith("(From the last again.)"), said


def test_previous_claim_with_one_claim_says_no_going_round(window):
    """The only claim, stepped to again: nothing went round an end to be said."""
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("verified")
    for step in (-1, 1):
        window.step_claim(step)
        said = window.statusBar().currentMessage()
        assert said.startswith("Claim 1 of 1: «") and "again" not in said, said


def test_a_letter_and_the_space_after_it_can_be_tagged(window, errors):
    """The words selected are asked about whole: a letter with the space after it is
    words to tag, not «only spaces»."""
    text = window.article_pane.reader.plain_text()
    at = next(i for i in range(len(text) - 1) if text[i].isalpha() and text[i + 1] == " ")
    select_in_reader(window, at, at + 2)
    window.tag("verified")
    assert errors == []
    assert len(db_claims(window)) == 1
    assert window.statusBar().currentMessage().startswith("Tagged «")


def test_a_verdict_key_on_more_words_than_the_chosen_claim_tags_them_anew(window):
    """The chosen claim's words and more selected (its start the same): a verdict key
    tags the wider words as a claim of their own; the chosen one is not relabelled."""
    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    short = SAMPLE_QUOTE.split()[0]
    select_in_reader(window, start, start + len(short))
    window.tag("verified")
    first = window.current_claim_id()
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    assert window.current_claim_id() == first
    window.tag("disputed")
    spans = {(p.start, p.end): p.claim.label for p in db_claims(window)}
    assert spans == {(start, start + len(short)): "verified",
                     (start, start + len(SAMPLE_QUOTE)): "disputed"}


def _first_result(window, qtbot, words: str):
    from PySide6.QtCore import Qt

    window.open_search()
    panel = window.search_panel
    panel.query.setText(words)
    panel.run()
    qtbot.waitUntil(lambda: bool(panel.hits), timeout=3000)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    return panel


def test_a_verdict_key_on_a_note_hit_relabels_its_claims_later_place(window, qtbot):
    """A claim whose first words here were untagged lives on at its other words: a note
    hit of it, arrowed to, and a verdict key relabel it there (its place, not a place
    with the claim's own id, is looked for)."""
    from PySide6.QtCore import Qt

    session, article = window.session, window.current_article
    select_in_reader(window, 0, 12)
    window.tag("verified")
    first = window.claims_panel.claims()[0]
    session.add_appearance(first.claim_id, article, 20, 30)
    window.select_claim(first.id)
    window.delete_current_claim()  # untagged here; the claim stays at 20..30
    (later,) = window.claims_panel.claims()
    assert later.claim_id == first.claim_id and later.id != later.claim_id
    session.update_claim(first.claim_id, note="ذكر زنجبار في البيان")
    panel = _first_result(window, qtbot, "زنجبار")
    assert panel.highlighted_hit().kind == "note"
    qtbot.keyClick(panel.results, Qt.Key.Key_3)
    (place,) = db_claims(window)
    assert (place.id, place.label) == (later.id, "disputed")
    assert window.current_claim_id() == later.id


def test_a_result_opened_chooses_no_claim(window, qtbot):
    """A result opened selects its words and leaves no claim chosen: the claim chosen
    before stayed in the editor, and Del deleted it instead of acting on the result."""
    text = window.article_pane.reader.plain_text()
    select_in_reader(window, 0, 3)
    window.tag("verified")
    assert window.current_claim_id() is not None
    at = text.index("بوتين")
    panel = _first_result(window, qtbot, "بوتين")
    hit = panel.highlighted_hit()
    assert hit.start >= at
    assert window.go_to_hit(hit)
    assert window.current_claim_id() is None
    assert window.article_pane.reader.selected_span() == (hit.start, hit.end)


def test_the_carets_in_a_claim_line_goes_once_the_claim_is_chosen(window, qtbot):
    """«In a claim: …, Enter selects it», said as the caret came into a claim, goes when
    that claim is chosen from the list: it stayed up, asking for an Enter already done."""
    from PySide6.QtCore import Qt

    text = window.article_pane.reader.plain_text()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    claim = window.current_claim_id()
    window.claims_panel.clear_selection()
    reader = window.article_pane.reader
    reader.setFocus()
    select_in_reader(window, start - 3, start - 3)
    for _ in range(4):
        qtbot.keyClick(reader, Qt.Key.Key_Left)
    assert window.statusBar().currentMessage().startswith("In a claim: «")
    window.select_claim(claim)
    assert window.current_claim_id() == claim
    assert not window.statusBar().currentMessage().startswith("In a claim:")


def test_a_claim_chosen_in_a_read_only_project_offers_no_verdict_key(qtbot, errors, tmp_path,
                                                                    monkeypatch):
    """Enter (or a click) on a claim's words says «Chosen: …»; in a project open
    read-only it does not add «A verdict key relabels it», which would not."""
    from test_gui_dialogs import may_not_write

    from gui.app import create_window
    from store.core import articles
    from store.core.project import Project

    path = tmp_path / "shared.tahqiq"
    with Project.open(path, "colleague") as other:
        article = articles.add_article(other, "قال المتحدث إن الهدنة صامدة منذ أسبوع.", "خبر")
        theirs = appearances.create_claim(other, article.id, 4, 11, "verified")
    may_not_write(monkeypatch, path)
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert window.session.read_only and window.current_article == article.id
    window.article_pane.reader.claimClicked.emit(theirs.id)
    said = window.statusBar().currentMessage()
    assert window.current_claim_id() == theirs.id
    assert said.startswith("Chosen: «") and "verdict key" not in said, said
    window.close()


TRUCE = "قال المتحدث إن الهدنة صامدة. وأكد أن الهدنة صامدة منذ أسبوع، وإن الهدنة ستستمر."


def test_tag_all_chooses_the_place_where_the_words_were_selected(window):
    """Tag ▸ Tag All Occurrences of words selected at their second occurrence: the new
    claim is chosen there (where one was reading), in the first verdict, and the status
    bar counts the places and says nothing of places left alone."""
    window.files.paste_as_article(TRUCE)
    at = [i for i in range(len(TRUCE)) if TRUCE.startswith("الهدنة", i)]
    assert len(at) == 3
    select_in_reader(window, at[1], at[1] + len("الهدنة"))
    window.tag_all_occurrences()
    place = window.claims_panel.place_of(window.current_claim_id())
    assert (place.start, place.end) == (at[1], at[1] + len("الهدنة"))
    labels = [label.key for label in window.session.labels()]
    assert labels[0] != labels[-1]
    assert {p.label for p in window.claims_panel.claims()} == {labels[0]}
    assert window.statusBar().currentMessage() == "Tagged 3 places."


def test_tag_all_from_a_chosen_claim_keeps_its_place_chosen(window):
    """The claim chosen at the second occurrence, then Tag All Occurrences: the other
    occurrences join it and the chosen place stays the one at the second."""
    window.files.paste_as_article(TRUCE)
    at = [i for i in range(len(TRUCE)) if TRUCE.startswith("الهدنة", i)]
    select_in_reader(window, at[1], at[1] + len("الهدنة"))
    window.tag("disputed")
    chosen = window.current_claim_id()
    window.tag_all_occurrences()
    assert len(window.claims_panel.claims()) == 3
    assert {p.label for p in window.claims_panel.claims()} == {"disputed"}
    assert window.current_claim_id() == chosen
    assert window.article_pane.reader.selected_span() == (at[1], at[1] + len("الهدنة"))


def test_tag_all_of_other_words_than_the_chosen_claims_makes_a_claim_of_them(window):
    """A claim chosen, then other words selected and Tag All Occurrences: those words
    become a claim of their own; they are not added as places of the chosen claim,
    whose words they are not."""
    window.files.paste_as_article(TRUCE)
    at = TRUCE.index("الهدنة")
    select_in_reader(window, at, at + len("الهدنة"))
    window.tag("disputed")
    chosen = window.session.appearance(window.current_claim_id())
    other = TRUCE.index("صامدة")
    select_in_reader(window, other, other + len("صامدة"))
    assert window.current_claim_id() == chosen.id
    window.tag_all_occurrences()
    places = window.claims_panel.claims()
    assert [p.id for p in places if p.claim_id == chosen.claim_id] == [chosen.id]
    assert len([p for p in places if TRUCE[p.start:p.end] == "صامدة"]) == 2



def test_a_known_claim_accepted_is_chosen_for_the_next_key(window, qtbot, tmp_path):
    """Accept on a known claim's suggestion: its new place here is the claim chosen, its
    words selected, so a verdict key pressed next relabels it (not the words or the claim
    chosen before)."""
    from test_gui_known_claims import COPY, open_copy, tag_sample

    claim_id = tag_sample(window, "disputed")
    open_copy(window, qtbot, tmp_path)
    (hit,) = window.known_claims.hits()
    window.known_claims.choose(hit)
    window.accept_suggestion()
    (here,) = window.claims_panel.claims()
    assert here.claim_id == claim_id
    assert window.current_claim_id() == here.id
    at = COPY.index(SAMPLE_QUOTE)
    assert window.article_pane.reader.selected_span() == (at, at + len(SAMPLE_QUOTE))


def test_a_late_answer_for_an_article_left_is_not_shown_on_the_next(window, qtbot,
                                                                    tmp_path):
    """The matcher's answer for an article no longer shown (it came after the person
    went to another) is dropped: its suggestions, at that article's offsets, were
    outlined on the other article's words."""
    from test_gui_known_claims import open_copy, tag_sample

    answers = []
    window.finder.found.connect(lambda article_id, found: answers.append((article_id, found)))
    tag_sample(window, "disputed")
    first = window.current_article
    open_copy(window, qtbot, tmp_path)
    copy = window.current_article
    late = next(found for article_id, found in answers if article_id == copy and found.hits)
    window.show_article(first)
    qtbot.waitUntil(lambda: window.known_claims.hits() == [], timeout=20000)
    window.finder.found.emit(copy, late)  # the copy's answer, arriving late
    assert window.current_article == first
    assert window.known_claims.hits() == []
    assert window.article_pane.reader._outlines == []
