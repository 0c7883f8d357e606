"""A claim's words set right after tagging: a word short, or a word too many.

Tagged anew, the words made a second claim, and the verdict, note, sources and review
stayed with the first words, to copy by hand. Moved, the place keeps its claim."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLE_QUOTE

from store.core import appearances, article_deletion, articles, claims, history, retext
from store.core.project import Project
from store.errors import (
    ChangedSince,
    DuplicateClaim,
    InvalidSpan,
    NotFound,
    NotYourWords,
)
from store.exchange.merge import merge_project
from store.review import reviews, story

SHORT = "أقوى معاهدة"  # the start of SAMPLE_QUOTE («… على الإطلاق»)


def _article(project: Project) -> articles.Article:
    first = articles.list_articles(project)[0]["id"]
    return articles.get_article(project, first)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_place_moved_keeps_its_claim_verdict_note_sources_and_review(sample_project,
                                                                        tmp_path):
    article = _article(sample_project)
    tagged = appearances.create_claim(sample_project, article.id, *_span(article.text, SHORT),
                                      "disputed", note="no treaty says so",
                                      sources=["https://example.org/a"])
    editor = Project.open(sample_project.path, "editor", create=False)
    try:
        reviews.review_claim(editor, tagged.claim_id, "accept")
    finally:
        editor.close()
    start, end = _span(article.text, SAMPLE_QUOTE)
    moved = appearances.move(sample_project, tagged.id, start, end)

    assert (moved.start, moved.end, moved.quote) == (start, end, SAMPLE_QUOTE)
    assert moved.prefix == article.text[start - len(moved.prefix):start]
    assert moved.suffix == article.text[end:end + len(moved.suffix)]
    assert (moved.id, moved.claim_id, moved.label, moved.note, moved.sources) == (
        tagged.id, tagged.claim_id, "disputed", "no treaty says so",
        ("https://example.org/a",))
    assert reviews.stands(reviews.reviews_for(sample_project, tagged.claim_id)[-1],
                          moved.label)
    assert [p.id for p in appearances.list_appearances(sample_project, article.id)] == [
        tagged.id]
    told = [story.summarize(entry) for entry in history.for_claim(sample_project,
                                                                   tagged.claim_id)]
    assert f"words changed: “{SHORT}” → “{SAMPLE_QUOTE}”" in [str(line) for line in told]


@pytest.fixture
def tagged(sample_project):
    """The sample article and a claim of the tester's on its first two words of the quote."""
    article = _article(sample_project)
    place = appearances.create_claim(sample_project, article.id, *_span(article.text, SHORT),
                                     "disputed")
    return article, place


def test_words_are_not_moved_onto_what_they_are_already_or_onto_another_claim_of_mine(
        sample_project, tagged):
    article, place = tagged
    # (the selection's white space at its ends left out, as a tag leaves it)
    with pytest.raises(InvalidSpan, match="already"):
        appearances.move(sample_project, place.id, *_span(article.text, SHORT + " "))
    with pytest.raises(InvalidSpan, match="not only spaces"):
        appearances.move(sample_project, place.id, *_span(article.text, " "))
    other = appearances.create_claim(sample_project, article.id,
                                     *_span(article.text, SAMPLE_QUOTE), "verified")
    with pytest.raises(DuplicateClaim, match="delete that claim first") as refused:
        appearances.move(sample_project, place.id, other.start, other.end)
    assert other.claim_id[:8] in str(refused.value)
    # the same claim's other place on the words: refused too
    second = text_after(article.text, SHORT, place.end)
    appearances.add(sample_project, place.claim_id, article.id, *second)
    with pytest.raises(DuplicateClaim, match="already tagged as this claim"):
        appearances.move(sample_project, place.id, *second)
    assert (appearances.get_appearance(sample_project, place.id).start,
            appearances.get_appearance(sample_project, place.id).end) == (place.start,
                                                                         place.end)


def text_after(text: str, words: str, after: int) -> tuple[int, int]:
    """The next place *words* are in *text* after offset *after* (two words of it, if not)."""
    at = text.find(words, after)
    if at < 0:
        at = text.index("الكوري")
        return at, at + len("الكوري")
    return at, at + len(words)


def test_a_colleagues_words_a_deleted_place_or_article_are_not_moved(sample_project, tagged):
    article, place = tagged
    start, end = _span(article.text, SAMPLE_QUOTE)
    colleague = Project.open(sample_project.path, "huda", create=False)
    try:
        with pytest.raises(NotYourWords, match="tester tagged these words"):
            appearances.move(colleague, place.id, start, end)
    finally:
        colleague.close()
    appearances.delete(sample_project, place.id)
    with pytest.raises(NotFound, match="deleted by tester"):  # (its claim went with it)
        appearances.move(sample_project, place.id, start, end)
    appearances.restore(sample_project, place.id)
    article_deletion.delete_article(sample_project, article.id)  # (its words go with it)
    with pytest.raises(NotFound):
        appearances.move(sample_project, place.id, start, end)


def test_a_step_back_expects_the_words_where_it_left_them(sample_project, tagged):
    """An undo after the article's text changed under the place (re-anchored) would put
    it on offsets that now hold other words: refused."""
    article, place = tagged
    with pytest.raises(ChangedSince):
        appearances.move(sample_project, place.id, *_span(article.text, SAMPLE_QUOTE),
                         expect=(place.start + 1, place.end))
    retext.set_article_text(sample_project, article.id, "سطر جديد في الأعلى.\n" + article.text)
    with pytest.raises(ChangedSince):
        appearances.move(sample_project, place.id, *_span(article.text, SAMPLE_QUOTE),
                         expect=(place.start, place.end))


def test_a_moved_place_reaches_a_colleagues_copy_by_merge_once(sample_project, tagged, tmp_path):
    article, place = tagged
    copy = tmp_path / "copy.tahqiq"
    shutil.copy(sample_project.path, copy)
    moved = appearances.move(sample_project, place.id, *_span(article.text, SAMPLE_QUOTE))
    theirs = Project.open(copy, "huda", create=False)
    try:
        merge_project(theirs, sample_project.path)
        there = appearances.get_appearance(theirs, place.id)
        assert (there.start, there.end, there.quote, there.label) == (
            moved.start, moved.end, SAMPLE_QUOTE, "disputed")
        again = merge_project(theirs, sample_project.path)
        assert again.updated_appearances == 0
        merge_project(sample_project, copy)
        assert appearances.get_appearance(sample_project, place.id).quote == SAMPLE_QUOTE
    finally:
        theirs.close()
    assert claims.get_claim(sample_project, place.claim_id).label == "disputed"


def test_the_window_moves_the_chosen_claims_words_to_the_selection_and_back(window):
    """The claim chosen, the words it should hold selected (here after an emoji: Qt
    counts two units for it, the store one), Tag ▸ Move Claim to Selected Words."""
    from conftest import select_in_reader, stored, tag_quote, utf16_index
    from test_gui_core import action, highlight_ranges

    window.files.paste_as_article("خبر\n👍🏽 قال الوزير إن الاتفاق أقوى معاهدة على الإطلاق هنا.")
    tag_quote(window, SHORT, "disputed")
    claim_id = window.current_claim_id()
    window.session.update_claim(claim_id, note="لا نص يقول ذلك")
    text = window.article_pane.reader.plain_text()
    start, end = _span(text, SAMPLE_QUOTE)
    select_in_reader(window, start, end + 1)  # (with the space after it, as a word's)
    assert window.current_claim_id() == claim_id
    move = action(window, "move_claim_words")
    assert move.isEnabled()

    move.trigger()
    place = appearances.get_appearance(stored(window), claim_id)
    assert (place.start, place.end, place.quote, place.note) == (
        start, end, SAMPLE_QUOTE, "لا نص يقول ذلك")
    assert window.claims_panel.place_of(claim_id)[3:5] == (start, end)
    assert window.statusBar().currentMessage().startswith("The claim now holds «")
    block = window.article_pane.reader.document().findBlock(utf16_index(text, start))
    shaded = {at for at_, length, _colour in highlight_ranges(window, block.blockNumber())
              for at in range(at_, at_ + length)}
    assert shaded == set(range(utf16_index(text, start), utf16_index(text, end)))
    assert window.article_pane.reader.selected_span() == (start, end)

    action(window, "undo").trigger()
    assert appearances.get_appearance(stored(window), claim_id).quote == SHORT
    assert window.claims_panel.place_of(claim_id)[3:5] == _span(text, SHORT)
    action(window, "redo").trigger()
    assert appearances.get_appearance(stored(window), claim_id).quote == SAMPLE_QUOTE
    assert [p.id for p in appearances.list_appearances(stored(window),
                                                         window.current_article)] == [claim_id]


def test_the_window_says_what_to_do_when_there_is_nothing_to_move(window):
    from conftest import select_in_reader, tag_quote
    from test_gui_core import action

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    window.move_claim_words()  # the claim's own words selected, as choosing it does
    assert "holds these words already" in window.statusBar().currentMessage()
    reader = window.article_pane.reader
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    window.move_claim_words()
    assert window.statusBar().currentMessage() == (
        "Choose a claim, then select the words it should hold.")
    select_in_reader(window, 0, 3)
    assert action(window, "move_claim_words").isEnabled()  # (the claim is still chosen)


def test_the_command_line_moves_a_place_by_its_id_prefix(tmp_path):
    from test_cli import SEED, tahqiq

    path = str(tmp_path / "c.tahqiq")
    article_id = tahqiq("import", str(SEED), "--project", path).stdout.split("\t")[0]
    claim_id = tahqiq("tag", article_id, "--quote", SHORT, "--label", "disputed", "--note",
                      "لا", "--project", path).stdout.strip()
    moved = tahqiq("move", claim_id[:8], "--quote", SAMPLE_QUOTE, "--project", path)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout == f"{claim_id}\n"
    listed = tahqiq("claims", "--project", path, "--shape", "never").stdout.split("\t")
    assert listed[5:7] == [SAMPLE_QUOTE, "لا"]
    again = tahqiq("move", claim_id[:8], "--quote", SAMPLE_QUOTE, "--project", path)
    assert (again.returncode, again.stderr) == (
        1, "tahqiq: error: The claim is on these words already.\n")
    theirs = tahqiq("move", claim_id[:8], "--quote", SHORT, "--project", path,
                    env={"TAHQIQ_USER": "huda"})
    assert theirs.returncode == 1 and theirs.stderr.count("\n") == 1
    assert "tester tagged these words" in theirs.stderr


MINISTER = "خبر\nقال الوزير إن الاتفاق أقوى معاهدة على الإطلاق هنا."


def _moved_in_window(window) -> tuple[str, str]:
    """A window's claim on SHORT moved to SAMPLE_QUOTE, as a person does it: its id and
    the article's text."""
    from conftest import select_in_reader, tag_quote
    from test_gui_core import action

    window.files.paste_as_article(MINISTER)
    tag_quote(window, SHORT, "verified")
    claim_id = window.current_claim_id()
    text = window.article_pane.reader.plain_text()
    select_in_reader(window, *_span(text, SAMPLE_QUOTE))
    action(window, "move_claim_words").trigger()
    return claim_id, text


def test_an_undone_move_selects_the_claims_words_again(window, qtbot):
    """Undone, the claim (still chosen) has its words back, and they are what is
    selected: the words it had moved to stayed selected, and the next verdict key tagged
    them as a second claim."""
    from conftest import stored
    from test_gui_core import action

    claim_id, text = _moved_in_window(window)
    action(window, "undo").trigger()
    qtbot.wait(50)  # (the step's selection is queued)
    assert window.article_pane.reader.selected_span() == _span(text, SHORT)
    window.tag("disputed")
    assert [(p.id, p.quote, p.label) for p in appearances.list_appearances(
        stored(window), window.current_article)] == [(claim_id, SHORT, "disputed")]


def test_a_move_the_window_can_tell_is_refused_says_so_and_keeps_the_redo(window, qtbot,
                                                                          errors):
    """Only spaces selected, or a colleague's claim chosen: said on the status bar, as a
    tag says it, not a box - and the step undone before can still be redone."""
    from conftest import select_in_reader
    from test_gui_core import action

    _claim_id, text = _moved_in_window(window)
    action(window, "undo").trigger()
    space = text.index(" إن")
    select_in_reader(window, space, space + 1)
    window.move_claim_words()
    assert window.statusBar().currentMessage() == "Select some words to tag, not only spaces."
    assert errors == [] and window.undo_stack.canRedo()


def test_a_move_is_undone_and_redone_after_the_text_moved_its_words(window, qtbot, errors):
    """A line added above (a merge, a CSV re-anchoring the place) moved the claim's words:
    its undo, by offsets alone, was refused for good, and every step before it (rv103).
    Undo and redo follow the words, as long as they are the same words."""
    from conftest import stored
    from test_gui_core import action

    claim_id, text = _moved_in_window(window)
    other = Project.open(window.session.path, "tester", create=False)
    try:  # (another program of the same person: the window sees it at its next look)
        retext.set_article_text(other, window.current_article, "سطر جديد في الأعلى.\n" + text)
    finally:
        other.close()
    window.session.refresh()
    qtbot.wait(50)
    moved = len("سطر جديد في الأعلى.\n")

    action(window, "undo").trigger()
    place = appearances.get_appearance(stored(window), claim_id)
    assert (place.start, place.quote) == (_span(text, SHORT)[0] + moved, SHORT)
    action(window, "redo").trigger()
    place = appearances.get_appearance(stored(window), claim_id)
    assert (place.start, place.quote) == (_span(text, SAMPLE_QUOTE)[0] + moved, SAMPLE_QUOTE)
    assert errors == []


def test_a_step_back_is_refused_when_the_words_are_no_longer_there(sample_project, tagged):
    """(Words the text no longer holds where the step would put the place, or a place
    that is not on the words the step left it on.)"""
    article, place = tagged
    before = (place.start, place.end, place.quote)
    moved = appearances.move(sample_project, place.id, *_span(article.text, SAMPLE_QUOTE))
    after = (moved.start, moved.end, moved.quote)
    with pytest.raises(ChangedSince):
        appearances.move_step(sample_project, place.id, after, (*before[:2], "كلمات أخرى"))
    with pytest.raises(ChangedSince):
        appearances.move_step(sample_project, place.id, before, after)
    appearances.move_step(sample_project, place.id, after, before)
    assert appearances.get_appearance(sample_project, place.id).quote == SHORT


def test_a_move_onto_another_claim_of_mine_is_said_and_keeps_the_redo(window, qtbot, errors):
    """The chosen claim moved onto words I tagged as another claim: refused in a box
    (which the person had to click away), and the step undone before could no longer be
    redone (QUndoStack drops the redo steps before it drops the refused step; rv109)."""
    from conftest import select_in_reader, tag_quote
    from test_gui_core import action

    window.files.paste_as_article(MINISTER)
    tag_quote(window, SHORT, "verified")
    first = window.current_claim_id()
    tag_quote(window, "الإطلاق", "disputed")
    tag_quote(window, "الوزير", "unchecked")
    action(window, "undo").trigger()
    window.select_claim(first)
    text = window.article_pane.reader.plain_text()
    select_in_reader(window, *_span(text, "الإطلاق"))
    window.move_claim_words()
    assert errors == []
    assert "You tagged these words already" in window.statusBar().currentMessage()
    assert window.undo_stack.canRedo()


def test_a_move_of_a_colleagues_claim_is_said_and_keeps_the_redo(window, qtbot, errors):
    """A colleague's claim chosen: said on the status bar, not a box, and the step undone
    before can still be redone (the other half of the test above, whose name says it)."""
    from conftest import select_in_reader
    from test_gui_core import action

    _claim_id, text = _moved_in_window(window)
    action(window, "undo").trigger()
    other = Project.open(window.session.path, "huda", create=False)
    try:
        at = text.index("الوزير")
        theirs = appearances.create_claim(other, window.current_article, at, at + 6,
                                          "disputed")
    finally:
        other.close()
    window.session.refresh()
    qtbot.wait(50)
    window.select_claim(theirs.id)
    select_in_reader(window, *_span(text, "الوزير إن"))
    window.move_claim_words()
    assert errors == [] and window.undo_stack.canRedo()
    assert window.statusBar().currentMessage().startswith("huda tagged these words")
