"""What the window's Session (the one door to the store) says and announces, pinned where
changing it broke nothing in the suite (rv188, mutation testing of gui/session.py): which
places a change tells the views, who signs, what a colleague's write is read as, and the
answers the window's dialogs and buttons are built on."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE, stored
from PySide6.QtCore import Qt

from gui.session import Session
from store.core import appearances, article_deletion, articles, labels
from store.core.project import Project


@pytest.fixture
def session(qapp, sample_project):
    s = Session(sample_project)
    yield s
    s.close()


def _article(session) -> str:
    return session.article_ids()[0]


def _tag(session, quote: str, label: str = "disputed"):
    article_id = _article(session)
    start, end = appearances.quote_span(session.article(article_id).text, quote)
    return session.create_claim(article_id, start, end, label)


def _told(session) -> list[list]:
    told: list[list] = []
    session.appearancesChanged.connect(lambda places: told.append(list(places)))
    return told


def test_a_deleted_claim_is_announced_deleted_at_every_place(session):
    """The views are told the claim as it is now: deleted (they drop its rows), at each
    of its places, not the claim as it was before."""
    first = _tag(session, SAMPLE_QUOTE)
    second = session.add_appearance(first.claim_id, first.article_id,
                                    *appearances.quote_span(
                                        session.article(first.article_id).text, "بوتين"))
    told = _told(session)
    session.delete_claim(first.claim_id)
    assert [sorted(p.id for p in places) for places in told] == [sorted([first.id, second.id])]
    assert all(p.claim.is_deleted for p in told[0])


def test_restoring_one_place_of_a_deleted_claim_shows_all_its_places(session):
    first = _tag(session, SAMPLE_QUOTE)
    text = session.article(first.article_id).text
    second = session.add_appearance(first.claim_id, first.article_id,
                                    *appearances.quote_span(text, "بوتين"))
    session.delete_claim(first.claim_id)
    told = _told(session)
    session.restore_appearance(first.id)
    assert sorted(p.id for p in told[-1]) == sorted([first.id, second.id])
    assert not any(p.claim.is_deleted for p in told[-1])


def test_restoring_untagged_words_together_tells_every_place_of_their_claim(session):
    """Places untagged together and brought back: the claim's other places (its verdict
    shown there) are told too."""
    first = _tag(session, SAMPLE_QUOTE)
    text = session.article(first.article_id).text
    second = session.add_appearance(first.claim_id, first.article_id,
                                    *appearances.quote_span(text, "بوتين"))
    session.delete_claim(first.claim_id)
    told = _told(session)
    restored, refused = session.restore_appearances([first.id])
    assert refused is None and [p.id for p in restored] == [first.id]
    assert sorted(p.id for p in told[-1]) == sorted([first.id, second.id])


def test_articles_touched_names_each_article_once(session):
    first = _tag(session, SAMPLE_QUOTE)
    with session.articles_touched() as touched:
        session.update_claim(first.claim_id, note="one")
        session.update_claim(first.claim_id, note="two")
    assert touched == [first.article_id]


def test_a_dismissed_suggestion_and_its_undo_are_announced(session):
    first = _tag(session, SAMPLE_QUOTE)
    emitted: list[str] = []
    session.suggestionsChanged.connect(lambda: emitted.append("changed"))
    other = articles.add_article(stored(session), "نص آخر فيه " + SAMPLE_QUOTE, "آخر")
    session.refresh()
    start, end = appearances.quote_span(other.text, SAMPLE_QUOTE)
    dismissal = session.dismiss(other.id, first.claim_id, start, end)
    assert emitted == ["changed"]
    session.undismiss(dismissal)
    assert emitted == ["changed", "changed"]


def test_who_brought_a_deleted_article_back_is_read_from_the_file(session):
    """The Deleted Articles list offers an article a colleague brought back meanwhile:
    the session says who, and None while it is still deleted."""
    article_id = _article(session)
    session.delete_article(article_id)
    assert session.article_brought_back_by(article_id) is None
    assert session.article_deleted(article_id)
    with Project.open(session.path, "colleague", create=False) as colleague:
        article_deletion.restore_article(colleague, article_id)
    assert session.article_brought_back_by(article_id) == "colleague"
    assert not session.article_deleted(article_id)


def test_a_new_annotator_name_signs_the_next_claim(session):
    session.set_annotator("Huda")
    assert session.annotator == "Huda"
    made = _tag(session, SAMPLE_QUOTE)
    assert made.claim.annotator == "Huda"


def test_verdict_mine_takes_a_name_written_otherwise_as_mine(session):
    """«huda» and «Huda » are one person: the window greys Accept and Reject with its
    tooltip «You gave this claim its verdict» for their claim."""
    session.set_annotator("Huda")
    made = _tag(session, SAMPLE_QUOTE)
    session.set_annotator(" huda")
    assert session.verdict_mine(made)
    assert not session.may_review(made)


def test_nobody_reviews_untagged_words_of_a_live_claim(session):
    """Words untagged from a claim that lives on elsewhere: no Accept or Reject there."""
    made = _tag(session, SAMPLE_QUOTE)
    session.add_appearance(made.claim_id, made.article_id, *appearances.quote_span(
        session.article(made.article_id).text, "بوتين"))
    session.set_annotator("reviewer")
    assert session.may_review(made)
    gone = session.delete_appearance(made.id)
    assert gone.is_deleted and not gone.claim.is_deleted
    assert not session.may_review(gone)


def test_nobody_reviews_in_a_project_open_read_only(session, monkeypatch):
    made = _tag(session, SAMPLE_QUOTE)
    session.set_annotator("reviewer")
    assert session.may_review(made)
    monkeypatch.setattr(session._project, "read_only", True)
    assert session.read_only and not session.may_review(made)


def test_a_review_is_announced_at_every_place_of_its_claim(session):
    made = _tag(session, SAMPLE_QUOTE)
    second = session.add_appearance(made.claim_id, made.article_id, *appearances.quote_span(
        session.article(made.article_id).text, "بوتين"))
    session.set_annotator("reviewer")
    told = _told(session)
    session.review(made.claim_id, "accept")
    assert [sorted(p.id for p in places) for places in told] == [sorted([made.id, second.id])]


def test_a_change_is_announced_once_the_shown_article_is_read_whole(session):
    """The views holding the places of the article shown take a change whole: what was
    still to read is read first."""
    article_id = _article(session)
    _tag(session, "بوتين")
    showing = session.open_places(article_id, len(session.article(article_id).text))
    assert not showing.complete
    seen: list[bool] = []
    session.appearancesChanged.connect(lambda _places: seen.append(showing.complete))
    _tag(session, SAMPLE_QUOTE)
    assert seen == [True]
    assert len(showing.so_far()) == 2


def test_an_article_restore_says_which_words_stay_untagged(session):
    """Words of a claim deleted on its own after the article's deletion stay untagged when
    the article comes back: the restore says so (the window tells the person)."""
    made = _tag(session, SAMPLE_QUOTE)
    other = articles.add_article(stored(session), "نص آخر فيه " + SAMPLE_QUOTE, "آخر")
    session.refresh()
    session.add_appearance(made.claim_id, other.id,
                           *appearances.quote_span(other.text, SAMPLE_QUOTE))
    session.delete_article(made.article_id)
    session.delete_claim(made.claim_id)
    assert session.restore_article(made.article_id) is not None


def test_a_claims_verdict_giver_is_not_another_claims(session):
    """The verdict giver is asked once per claim as it is: two claims made in the same
    instant with the same verdict by different people are two givers."""
    mine = _tag(session, SAMPLE_QUOTE, "verified")
    session.set_annotator("colleague")
    theirs = _tag(session, "بوتين", "verified")
    session.set_annotator("me2")
    first = session.appearance(mine.id)
    second = session.appearance(theirs.id)
    second = second._replace(claim=second.claim._replace(updated=first.claim.updated))
    session.set_annotator(first.claim.annotator)
    assert session.verdict_mine(first)
    assert not session.verdict_mine(second)


def test_cannot_tag_says_why_for_spaces_only(session):
    assert session.cannot_tag("   ")
    assert session.cannot_tag("بوتين") is None


def test_a_claims_history_is_told_again_after_a_change(session):
    made = _tag(session, SAMPLE_QUOTE)
    before = session.history_lines(made.claim_id)
    session.update_claim(made.claim_id, note="ملاحظة")
    after = session.history_lines(made.claim_id)
    assert len(after) > len(before)
    after.clear()  # (the caller's copy)
    assert session.history_lines(made.claim_id)


def test_a_claim_in_one_article_is_told_without_its_title(session):
    """Titles are told only for a claim with places in several articles."""
    made = _tag(session, SAMPLE_QUOTE)
    title = session.article_title(made.article_id)
    assert not any(title in line for line in session.history_lines(made.claim_id))
    other = articles.add_article(stored(session), "نص آخر فيه " + SAMPLE_QUOTE, "مقال ثان")
    session.refresh()
    start, end = appearances.quote_span(other.text, SAMPLE_QUOTE)
    session.add_appearance(made.claim_id, other.id, start, end)
    assert any("مقال ثان" in line for line in session.history_lines(made.claim_id))


def test_labels_added_or_changed_are_read_and_announced(session):
    emitted: list[str] = []
    session.labelsChanged.connect(lambda: emitted.append("labels"))
    session.add_label("satire", "Satire", "#123456")
    assert session.label("satire") is not None and emitted == ["labels"]
    session.update_label("satire", color="#654321")
    assert session.label("satire").color == "#654321" and emitted == ["labels"] * 2


def test_a_colleagues_label_change_is_announced_once_read(session):
    emitted: list[str] = []
    session.labelsChanged.connect(lambda: emitted.append("labels"))
    labels.update_label(stored(session), "verified", color="#010203")
    assert session.refresh()
    assert emitted == ["labels"] and session.label("verified").color == "#010203"
    assert not session.refresh()  # nothing new since: the views are not reloaded again


def test_article_deletion_warns_the_views_before_and_tells_them_after(session):
    events: list[str] = []
    session.claimsAboutToReset.connect(lambda: events.append("about"))
    session.articlesChanged.connect(lambda: events.append("articles"))
    session.claimsReset.connect(lambda: events.append("reset"))
    session.delete_article(_article(session))
    assert events == ["about", "articles", "reset"]


def test_article_details_and_a_new_pasted_article_are_announced(session):
    events: list[str] = []
    session.articlesChanged.connect(lambda: events.append("articles"))
    session.update_article(_article(session), title="عنوان جديد")
    assert events == ["articles"]
    outcome = session.import_text("نص جديد تماما للمقال", repair_pdf=False, source_name="")
    assert outcome.created and events == ["articles", "articles"]
    again = session.import_text("نص جديد تماما للمقال", repair_pdf=False, source_name="")
    assert not again.created and events == ["articles", "articles"]


def test_a_progress_answering_nothing_goes_on_importing(session, tmp_path):
    from store.exchange import importing

    items = []
    for n in range(2):
        path = tmp_path / f"a{n}.txt"
        path.write_text(f"نص المقال رقم {n} للاستيراد", encoding="utf-8")
        items.append((importing.load_file(path), False))
    calls: list[tuple[int, int]] = []
    outcomes = session.import_files(items, lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    assert len(outcomes) == 2


def test_going_to_another_application_folds_the_log_into_the_file(session, tmp_path):
    """The person turns to their mail to attach the project: the file alone, copied as
    it is, holds the claim they just tagged."""
    made = _tag(session, SAMPLE_QUOTE)
    session._application_state_changed(Qt.ApplicationState.ApplicationInactive)
    copy = tmp_path / "attached.tahqiq"
    shutil.copyfile(session.path, copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM claims WHERE id = ?",
                            [made.claim_id]).fetchone()[0] == 1


def test_a_wait_for_another_program_is_said_on_the_gui_thread(session):
    said: list[bool] = []
    session.waitingForFile.connect(said.append)
    with session._waiting_for_file():
        assert said == [True]
    assert said == [True, False]


def _checkpoints(session, monkeypatch, answer: bool | None = None) -> list[int]:
    made: list[int] = []
    checkpoint = session._project.checkpoint

    def spy():
        made.append(1)
        return checkpoint() if answer is None else answer

    monkeypatch.setattr(session._project, "checkpoint", spy)
    return made


def test_the_log_is_folded_once_writing_pauses_for_a_tick(session, monkeypatch):
    """Never between two quick tags: a tick that saw a write waits for a quiet one."""
    made = _checkpoints(session, monkeypatch)
    session._fold_log_when_quiet()  # nothing written since opening: nothing to fold
    _tag(session, SAMPLE_QUOTE)
    session._fold_log_when_quiet()  # written since the last tick: not yet
    assert made == []
    session._fold_log_when_quiet()  # a quiet tick: folded
    assert made == [1]
    session._fold_log_when_quiet()  # nothing new: not again
    assert made == [1]


def test_fold_log_says_when_the_file_alone_does_not_hold_the_work(session, monkeypatch):
    _checkpoints(session, monkeypatch, answer=False)  # a reader holds an older snapshot
    _tag(session, SAMPLE_QUOTE)
    assert session.fold_log() is False


def test_rows_the_preparation_took_back_are_no_work_to_fold(session, monkeypatch):
    """Rows changed and rolled back (a rehearsal, a temporary table), in one preparation
    step or several, leave no checkpoint for the next quiet tick to make."""
    made = _checkpoints(session, monkeypatch)
    for n in range(2):
        with session._taken_back():
            session._project.execute(f"CREATE TEMP TABLE rehearsal{n} (x)")
            session._project.execute(f"INSERT INTO rehearsal{n} VALUES (1), (2)")
    session._fold_log_when_quiet()
    session._fold_log_when_quiet()
    assert made == []


def _file_signals(session) -> list[str]:
    said: list[str] = []
    session.fileLeaving.connect(lambda: said.append("leaving"))
    session.fileMovedTo.connect(lambda place: said.append(f"moved to {Path(place).name}"))
    session.fileMovedAway.connect(lambda: said.append("away"))
    session.fileBack.connect(lambda: said.append("back"))
    session.fileReplaced.connect(lambda copy: said.append(f"replaced {Path(copy).name}"))
    return said


def test_a_renamed_project_saves_the_typing_then_is_followed_once(session, tmp_path):
    said = _file_signals(session)
    path = session.path
    path.rename(tmp_path / "for-editor.tahqiq")
    session._check_file()
    assert said == ["leaving", "moved to for-editor.tahqiq"] and session.moved_away
    session._check_file()  # handed over: said once
    assert said == ["leaving", "moved to for-editor.tahqiq"]


def test_a_project_put_back_before_its_handover_takes_tags_again(session, tmp_path):
    """Renamed while another connection here had it open (no handover yet: writes are
    refused meanwhile), then put back: the window tags again."""
    stored(session)  # (another connection here: the handover waits for it)
    said = _file_signals(session)
    path = session.path
    path.rename(tmp_path / "elsewhere.tahqiq")
    session._check_file()
    assert said == ["leaving"] and not session.moved_away
    (tmp_path / "elsewhere.tahqiq").rename(path)
    session._check_file()
    assert _tag(session, SAMPLE_QUOTE).quote == SAMPLE_QUOTE


def test_a_project_moved_where_unknown_is_said_gone_then_back(session, tmp_path,
                                                              monkeypatch):
    monkeypatch.setattr(Project, "moved_to", lambda self: None)
    said = _file_signals(session)
    path = session.path
    path.rename(tmp_path / "elsewhere.tahqiq")
    session._check_file()
    session._check_file()
    assert said == ["away"] and session.moved_away
    (tmp_path / "elsewhere.tahqiq").rename(path)
    session._check_file()
    assert said == ["away", "back"] and not session.moved_away


def _replace_file(session, tmp_path) -> None:
    """As a sync client does: a colleague's copy written aside, renamed over the file."""
    shutil.copy(session.path, tmp_path / "colleague.tahqiq")
    with Project.open(tmp_path / "colleague.tahqiq", "colleague") as theirs:
        articles.add_article(theirs, "نص الزميل", "للزميل")
    shutil.copy(tmp_path / "colleague.tahqiq", session.path.with_name(".sync"))
    os.replace(session.path.with_name(".sync"), session.path)


def test_a_replaced_project_saves_the_typing_then_says_where_its_work_went(session,
                                                                           tmp_path):
    said = _file_signals(session)
    _tag(session, SAMPLE_QUOTE)
    _replace_file(session, tmp_path)
    session._check_file()
    assert said[0] == "leaving" and said[1:] == [f"replaced {said[-1].split()[-1]}"]
    assert said[-1].endswith(".tahqiq") and session.moved_away
    session._check_file()
    assert len(said) == 2


def test_a_replaced_project_waits_for_a_reader_of_its_log(session, tmp_path, monkeypatch):
    """keep_apart answering None (another program reads the log): nothing told yet, the
    next tick tries again."""
    said = _file_signals(session)
    _replace_file(session, tmp_path)
    monkeypatch.setattr(session._project, "keep_apart", lambda: None)
    session._check_file()
    assert "leaving" in said and not any(s.startswith("replaced") for s in said)


def test_known_claims_are_found_while_the_file_is_in_place(session):
    """A claim checked in another article is suggested in this one; once the file has
    left its path, the matcher is not started on it (None, said once by its own box)."""
    made = _tag(session, SAMPLE_QUOTE)
    other = articles.add_article(stored(session), "نص آخر فيه " + SAMPLE_QUOTE, "آخر")
    session.refresh()
    found = session.find_known_claims(other.id)
    assert found is not None
    assert [hit.claim_id for hit in found.hits] == [made.claim_id]


def test_a_claims_history_names_a_verdict_a_colleague_renamed_once_it_is_read(session):
    """A History told between a colleague's rename and the window's next look was kept
    under their write's entry, and named the verdict by its old name from then on, until
    anyone wrote anything (rv188)."""
    made = _tag(session, SAMPLE_QUOTE)
    old = session.label("disputed").name("en")
    assert any(old in line for line in session.history_lines(made.claim_id))
    with Project.open(session.path, "colleague", create=False) as colleague:
        labels.update_label(colleague, "disputed", name_en="Contested")
    session.history_lines(made.claim_id)  # (asked before the window's look)
    assert session.refresh()
    told = session.history_lines(made.claim_id)
    assert any("Contested" in line for line in told) and not any(old in line for line in told)
