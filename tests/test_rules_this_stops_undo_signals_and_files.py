"""What an undo's or a redo's look at the reviews filed since decides, told apart from
what it must leave alone (mutants the suite let pass, rv217)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.core import appearances, articles, claims
from store.core.project import Project
from store.errors import ChangedSince
from store.review import reviews

TEXT = "قال الوزير إن المعاهدة أقوى معاهدة على الإطلاق. وقال الوزير كذا في المؤتمر."


@pytest.fixture
def claim(tmp_path):
    """A claim of mine, «disputed», no review yet."""
    project = Project.open(tmp_path / "p.tahqiq", "me")
    article = articles.add_article(project, TEXT, "الأول")
    start = article.text.index("قال الوزير")
    place = appearances.create_claim(project, article.id, start, start + len("قال الوزير"),
                                     "disputed")
    yield project, place.claim_id
    project.close()


def _review(project, claim_id, who):
    project.annotator = who
    try:
        return reviews.review_claim(project, claim_id, "accept", "checked")
    finally:
        project.annotator = "me"


def _refusal(project, claim_id, known=()):
    try:
        claims.refuse_reviewed_since(project, claims.get_claim(project, claim_id),
                                     {claims.REVIEWED: known})
    except ChangedSince as exc:
        return str(exc)
    return None


def test_the_refusal_names_the_latest_of_two_reviewers_since(claim):
    """Two editors accepted the claim since the step: the message names the one who
    reviewed it last, whose acceptance is the claim's status now."""
    project, claim_id = claim
    _review(project, claim_id, "amal")
    _review(project, claim_id, "rana")
    assert _refusal(project, claim_id) == (
        "rana reviewed this claim since; going back would set their review aside.")


def test_a_review_known_to_the_step_does_not_refuse_but_a_later_one_does(claim):
    project, claim_id = claim
    known = _review(project, claim_id, "amal")
    assert _refusal(project, claim_id, (known.id,)) is None
    _review(project, claim_id, "rana")
    assert _refusal(project, claim_id, (known.id,)).startswith("rana reviewed")


def test_a_review_of_an_earlier_verdict_does_not_refuse(claim):
    """An editor accepted «disputed»; the claim is «verified» now, so their review no
    longer stands (reviews.stands) and going back sets nothing of theirs aside."""
    project, claim_id = claim
    _review(project, claim_id, "amal")
    claims.update_claim(project, claim_id, label="verified")
    assert _refusal(project, claim_id) is None


def test_a_review_that_recorded_no_verdict_still_refuses(claim):
    """A review from before schema 9 recorded no verdict (label NULL): it stands for
    whatever verdict the claim has, and is someone's work going back would set aside."""
    project, claim_id = claim
    review = _review(project, claim_id, "amal")
    project.execute("UPDATE reviews SET label = NULL WHERE id = ?", [review.id])
    assert _refusal(project, claim_id) == (
        "amal reviewed this claim since; going back would set their review aside.")


def test_an_expectation_without_reviews_checks_none(claim):
    """A step that kept no reviews (the command line's, an older undo) is not refused
    for one: *expect* without REVIEWED checks nothing."""
    project, claim_id = claim
    _review(project, claim_id, "amal")
    claims.refuse_reviewed_since(project, claims.get_claim(project, claim_id),
                                 {"label": "disputed"})
    changed = claims.update_claim(project, claim_id, label="verified",
                                  expect={"label": "disputed"})
    assert changed.label == "verified"


def test_a_note_changed_over_a_review_since_goes_through_a_verdict_does_not(claim):
    """A note or a source changed leaves the review standing: only a verdict put back
    over someone's review is refused."""
    project, claim_id = claim
    _review(project, claim_id, "amal")
    expect = {"note": "", claims.REVIEWED: ()}
    assert claims.update_claim(project, claim_id, note="مصدر", expect=expect).note == "مصدر"
    with pytest.raises(ChangedSince):
        claims.update_claim(project, claim_id, label="verified",
                            expect={"label": "disputed", claims.REVIEWED: ()})
    assert claims.get_claim(project, claim_id).label == "disputed"


def test_a_claim_deleted_with_expect_refuses_a_review_since(claim):
    project, claim_id = claim
    _review(project, claim_id, "amal")
    with pytest.raises(ChangedSince):
        claims.delete_claim(project, claim_id,
                            expect={"label": "disputed", claims.REVIEWED: ()})
    assert not claims.get_claim(project, claim_id).is_deleted


def test_a_claim_changed_after_a_clock_ahead_is_told_at_its_own_time(claim):
    """A colleague's clock ran ahead (their change merged in, stamped next year): my
    deletion after it is stamped after theirs, and its line of history at that same time,
    not at this clock's, which would tell it before the change it followed."""
    project, claim_id = claim
    ahead = "2099" + claims.get_claim(project, claim_id).updated[4:]
    project.execute("UPDATE claims SET updated = ? WHERE id = ?", [ahead, claim_id])
    deleted = claims.delete_claim(project, claim_id)
    assert deleted.deleted > ahead
    (at,) = project.execute("SELECT at FROM history WHERE entity = 'claim' AND entity_id = ? "
                            "AND action = 'delete'", [claim_id]).fetchone()
    assert at == deleted.deleted


def test_words_linked_away_from_a_claim_reviewed_since_are_refused(claim):
    """A Link redone takes the words off the claim its undo gave them back to, deleting
    it with its last words: refused when an editor reviewed that claim since, as the
    claim's deletion would take their review with it, unsaid."""
    project, claim_id = claim
    place = appearances.appearances_of(project, claim_id)[0]
    article = articles.get_article(project, place.article_id)
    start = article.text.index("المؤتمر")
    other = appearances.create_claim(project, article.id, start, start + len("المؤتمر"),
                                     "verified")
    _review(project, claim_id, "amal")
    expect = {claim_id: {"label": "disputed", "note": "", "sources": (),
                         claims.REVIEWED: ()}}
    with pytest.raises(ChangedSince, match="amal reviewed"):
        appearances.link_all(project, [(place.id, other.claim_id)], expect=expect)
    assert appearances.get_appearance(project, place.id).claim_id == claim_id
    assert not claims.get_claim(project, claim_id).is_deleted


def test_a_tag_all_undone_after_a_colleague_reviewed_its_claim_is_refused(tmp_path, qtbot,
                                                                         errors):
    """Tag All, an editor's acceptance of the claim since, Undo: the claim went with its
    words, their review with it, unsaid (rv211) - refused as a single tag's undo is."""
    from gui.app import create_window
    from gui.commands import TagAll

    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        article_id = articles.add_article(project, TEXT, "الأول").id
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    first = TEXT.index("الوزير")
    second = TEXT.index("الوزير", first + 1)
    spans = [(first, first + 6), (second, second + 6)]
    step = TagAll(window.session, article_id, spans, "disputed")
    window.undo_stack.push(step)
    claim_id = step.appearance_ids[0]
    with Project.open(path, "colleague", create=False) as colleague:
        reviews.review_claim(colleague, claim_id, "accept", "checked")
    window.session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))

    assert errors == [
        "colleague reviewed this claim since; going back would set their review aside."]
    with Project.open(path, "reader", create=False) as reader:
        assert not claims.get_claim(reader, claim_id).is_deleted


def test_a_verdict_redone_after_a_colleague_reviewed_the_one_undone_to(tmp_path, qtbot,
                                                                      errors):
    """My verdict undone, an editor accepted the verdict put back, Redo: their acceptance
    would no longer count, unsaid - refused, naming them (my own review would not be)."""
    from gui.app import create_window
    from gui.commands import EditClaim

    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        article = articles.add_article(project, TEXT, "الأول")
        start = article.text.index("قال الوزير")
        place = appearances.create_claim(project, article.id, start, start + 10, "disputed")
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    session = window.session
    window.undo_stack.push(EditClaim(session, session.appearance(place.id), label="verified"))
    window.undo_stack.take_back()
    with Project.open(path, "colleague", create=False) as colleague:
        reviews.review_claim(colleague, place.claim_id, "accept", "checked")
    session.refresh()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(errors))

    assert errors == [
        "colleague reviewed this claim since; going back would set their review aside."]
    with Project.open(path, "reader", create=False) as reader:
        assert claims.get_claim(reader, place.claim_id).label == "disputed"


def test_a_verdict_redone_after_its_undo_brought_a_review_back_into_force(tmp_path, qtbot,
                                                                         errors):
    """A colleague's acceptance of the earlier verdict, filed in their copy and merged in
    after my change: my Undo puts that verdict back (their review stands again) and is
    not refused; the Redo then expects the reviews the undo left, theirs among them -
    refused by it, the step was stuck «amal reviewed this claim since» for a review the
    undo had already seen."""
    from gui.app import create_window
    from gui.commands import EditClaim
    from store.core.stamps import new_id, utcnow

    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        article = articles.add_article(project, TEXT, "الأول")
        start = article.text.index("قال الوزير")
        place = appearances.create_claim(project, article.id, start, start + 10, "disputed")
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    session = window.session
    window.undo_stack.push(EditClaim(session, session.appearance(place.id), label="verified"))
    # (their copy's review, merged in)
    with Project.open(path, "amal", create=False) as merged, merged.transaction():
        merged.insert("reviews", {"id": new_id(), "claim_id": place.claim_id,
                                  "reviewer": "amal", "decision": "accept",
                                  "created": utcnow(), "comment": "", "label": "disputed"})
    session.refresh()
    window.undo_stack.take_back()
    assert errors == []
    window.undo_stack.redo()

    assert errors == []
    with Project.open(path, "reader", create=False) as reader:
        assert claims.get_claim(reader, place.claim_id).label == "verified"


def test_a_claim_deletion_redone_on_words_not_its_last_is_not_refused_by_a_review(
        tmp_path, qtbot, errors):
    """Delete claim on the claim's second place (its other words stay tagged), Undo, an
    editor's review of the claim, Redo: the claim stays, their review with it, so nothing
    of theirs is set aside - the redo untags the words. (The undo keeps the claim's id,
    not the place's: a place's own id named no claim, and every review refused it.)"""
    from gui.app import create_window
    from gui.commands import DeleteClaim

    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        article = articles.add_article(project, TEXT, "الأول")
        first = TEXT.index("الوزير")
        second = TEXT.index("الوزير", first + 1)
        place = appearances.create_claim(project, article.id, first, first + 6, "disputed")
        other = appearances.add(project, place.claim_id, article.id, second, second + 6)
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    window.undo_stack.push(DeleteClaim(window.session, other.id))
    window.undo_stack.take_back()
    with Project.open(path, "colleague", create=False) as colleague:
        reviews.review_claim(colleague, place.claim_id, "accept", "checked")
    window.session.refresh()
    window.undo_stack.redo()

    assert errors == []
    with Project.open(path, "reader", create=False) as reader:
        assert appearances.get_appearance(reader, other.id).is_deleted
        assert not claims.get_claim(reader, place.claim_id).is_deleted


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_of_a_word_partly_in_presentation_forms_is_read(tmp_path,
                                                                              codec):
    """A word copied out of a PDF ends in a presentation form (U+FE70-FEFF, not counted
    as Arabic): most of its letters are still Arabic, and it is read as UTF-16, not as
    Windows-1256 or refused."""
    from store.exchange.importing import load_file

    word = "السلاﻡ"
    path = tmp_path / "headline.txt"
    path.write_bytes(word.encode(codec))
    loaded = load_file(path)
    assert loaded.text == word and loaded.encoding.lower().startswith("utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_in_english_alone_is_read(tmp_path, codec):
    """An English transcript saved by a Windows tool without the byte-order mark: its
    NULs say UTF-16, whatever share of it is Arabic (none) - not «a binary file»."""
    from store.exchange.importing import load_file

    text = "The minister said the treaty was the strongest ever.\r\nHe said so twice.\r\n"
    path = tmp_path / "transcript.txt"
    path.write_bytes(text.encode(codec))
    loaded = load_file(path)
    assert loaded.text.replace("\r\n", "\n").strip() == text.replace("\r\n", "\n").strip()
    assert loaded.encoding.lower().startswith("utf-16")


def test_the_copy_for_an_older_tahqiq_is_written_under_a_hidden_name(tmp_path, monkeypatch):
    """Until it is whole, the copy lies beside FILE under a hidden name (a file manager
    or a sync client showed, or sent, a half-written «.tahqiq» otherwise), renamed into
    place at the end."""
    import os

    from store.core import project as project_module

    renamed = []
    real = os.replace
    monkeypatch.setattr(project_module.os, "replace",
                        lambda src, dst: (renamed.append((Path(src), Path(dst))),
                                          real(src, dst))[1])
    with Project.open(tmp_path / "p.tahqiq", "me") as project:
        articles.add_article(project, TEXT, "الأول")
        target = project.copy_for_older(tmp_path / "older.tahqiq")
    ((part, into),) = [pair for pair in renamed if pair[1] == target]
    assert part.parent == tmp_path and into == target
    assert part.name.startswith(".older.") and part.name.endswith(".part")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["older.tahqiq", "p.tahqiq"]


def test_the_first_stopping_signal_names_the_interrupt(monkeypatch):
    """SIGTERM, then Ctrl-C while the commit finishes: the command is told it was ended
    by SIGTERM (exit 143), the signal that stopped it, not by the later one."""
    import signal

    from store.core import interrupts

    with interrupts.handled():
        with pytest.raises(KeyboardInterrupt), interrupts.committing():
            interrupts._stop(signal.SIGTERM, None)
            interrupts._stop(signal.SIGINT, None)
        assert interrupts.fired() == signal.SIGTERM


def test_a_failed_commit_after_a_kept_one_keeps_the_signal_for_the_blocks_end():
    """In a reported() block a file's first commit is kept; a signal comes; its second
    commit fails: the failure is the block's to handle (a file refused, said), and the
    interrupt comes only once the block has ended - not in place of that failure."""
    import signal

    from store.core import interrupts

    said = []
    with interrupts.handled(), pytest.raises(KeyboardInterrupt), interrupts.reported():
        with interrupts.committing():
            pass
        interrupts._stop(signal.SIGTERM, None)
        with pytest.raises(ValueError), interrupts.committing():
            raise ValueError("the second commit refused")
        said.append("its line")
    assert said == ["its line"]


def test_a_signal_the_caller_ignores_stays_ignored():
    """Run under nohup (SIGHUP ignored), a command goes on when the terminal closes."""
    import signal

    from store.core import interrupts

    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with interrupts.handled():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) is interrupts._stop
    finally:
        signal.signal(signal.SIGHUP, before)


def test_the_command_line_run_in_a_thread_handles_no_signals():
    """tahqiq's main() called from a worker thread (a test runner, a tool embedding it):
    Python allows signal handlers in the main thread only, and the command still runs."""
    import threading

    from store.core import interrupts

    ran = []

    def run():
        with interrupts.handled():
            ran.append(True)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert ran == [True]
