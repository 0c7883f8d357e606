"""The window's matcher (store.core.known_claims.Matcher): after any edit it answers what
a matcher built from scratch answers, without building its index again; it stops at its
limit in an article that holds the same claims many times over, and when told to."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from store.core import appearances, articles, claims, known_claims
from store.errors import ClaimNotFound, DuplicateClaim
from store.text.matching import ClaimIndex, KnownClaim, MatchingStopped

SAMPLE = (Path(__file__).resolve().parent.parent / "seeds" / "putin-kim-treaty.txt").read_text(
    encoding="utf-8")
TREATY = "أقوى معاهدة على الإطلاق"
FRIEND = "أعز صديق للشعب الكوري"
COPY = (f"نقلت الوكالة أن الزعيمين وقعا ما وصفاه بأنها «{TREATY}» بين البلدين.\n"
        f"ووصف كيم بوتين بأنه «{FRIEND}» في الزيارة.\n"
        "وقال محللون إن الاتفاق يثير قلق الغرب.")


def answers(found) -> list[tuple[str, int, int]]:
    return sorted((h.claim_id, h.start, h.end) for h in found)


def tag(project, article, quote: str, label: str = "disputed"):
    start = article.text.index(quote)
    return appearances.create_claim(project, article.id, start, start + len(quote), label)


@pytest.fixture
def desk(project):
    sample = articles.add_article(project, SAMPLE, "sample")
    copy = articles.add_article(project, COPY, "copy")
    return project, sample, copy


def test_after_every_kind_of_edit_it_answers_as_a_matcher_built_afresh(desk, monkeypatch):
    project, sample, copy = desk
    matcher = known_claims.Matcher()
    builds = []
    real_build = known_claims.build_index
    monkeypatch.setattr(known_claims, "build_index",
                        lambda p: builds.append(1) or real_build(p))

    def same_as_afresh() -> list[tuple[str, int, int]]:
        found = matcher.find(project, copy.id)
        assert found is not None and found.complete
        with monkeypatch.context() as m:
            m.setattr(known_claims, "build_index", real_build)
            fresh = known_claims.find_known_claims(project, copy.id)
        assert answers(found.hits) == answers(fresh)
        return answers(found.hits)

    assert same_as_afresh() == []
    treaty = tag(project, sample, TREATY)
    assert [claim for claim, _, _ in same_as_afresh()] == [treaty.claim_id]
    friend = tag(project, sample, FRIEND, "verified")
    assert {claim for claim, _, _ in same_as_afresh()} == {treaty.claim_id, friend.claim_id}
    claims.update_claim(project, treaty.claim_id, label="verified")
    same_as_afresh()
    linked = appearances.add(project, treaty.claim_id, copy.id, COPY.index(TREATY),
                             COPY.index(TREATY) + len(TREATY))  # accepted: no longer offered
    assert [claim for claim, _, _ in same_as_afresh()] == [friend.claim_id]
    appearances.delete(project, linked.id)
    appearances.delete(project, friend.id)  # the last place of a claim takes it away
    assert [claim for claim, _, _ in same_as_afresh()] == [treaty.claim_id]
    split = appearances.unlink(project, treaty.id)
    assert [claim for claim, _, _ in same_as_afresh()] == [split.claim_id]
    assert len(builds) == 1  # every edit above was caught up with, not rebuilt


def test_a_suggestion_accepted_twice_is_one_place(desk):
    """Y pressed twice before the panel has heard of the first: the second is refused
    (the words are that claim already), not a second copy of the same place."""
    project, sample, copy = desk
    treaty = tag(project, sample, TREATY)
    start = COPY.index(TREATY)
    known_claims.accept(project, copy.id, treaty.claim_id, start, start + len(TREATY))
    with pytest.raises(DuplicateClaim):
        known_claims.accept(project, copy.id, treaty.claim_id, start, start + len(TREATY))
    assert len(appearances.list_appearances(project, copy.id)) == 1


def test_a_suggestion_accepted_on_words_i_tagged_joins_them(desk):
    """Accept on words I had tagged as another claim put the known claim beside mine:
    two verdicts of mine on the same words. Mine join it, as `tag --same-as` does."""
    project, sample, copy = desk
    treaty = tag(project, sample, TREATY)
    start = COPY.index(TREATY)
    own = appearances.create_claim(project, copy.id, start, start + len(TREATY), "verified")
    claims.delete_claim(project, treaty.claim_id)  # a suggestion of a claim deleted since
    with pytest.raises(ClaimNotFound):  # refused, as on words of no claim: not brought back
        known_claims.accept(project, copy.id, treaty.claim_id, start, start + len(TREATY))
    assert claims.get_claim(project, treaty.claim_id).is_deleted
    claims.restore_claim(project, treaty.claim_id)
    joined = known_claims.accept(project, copy.id, treaty.claim_id, start, start + len(TREATY))
    assert (joined.id, joined.claim_id) == (own.id, treaty.claim_id)
    assert [p.id for p in appearances.list_appearances(project, copy.id)] == [own.id]


def test_a_text_cut_at_the_limit_is_looked_through_again_once_its_claim_is_tagged(
        project, monkeypatch):
    """An article repeating a known claim past the limit holds another known claim after
    them: once the repeated one is tagged there, the other is found (the kept answer,
    cut at the limit, held only the first)."""
    monkeypatch.setattr(known_claims.Matcher, "LIMIT", 12)
    repeated = "وقع الزعيمان أقوى معاهدة على الإطلاق بين البلدين"
    other = "ارتفعت أسعار الخبز في العاصمة بنسبة ثلاثين بالمئة"
    first = articles.add_article(project, f"قالت الوكالة إن {repeated}.\n\nوأضافت أن {other}.",
                                 "first")
    tag(project, first, repeated)
    second = tag(project, first, other, "verified")
    text = "\n".join([f"{repeated}."] * 20) + f"\n\nوقال التقرير إن {other}."
    article = articles.add_article(project, text, "repeats")
    matcher = known_claims.Matcher()
    cut = matcher.find(project, article.id)
    assert not cut.complete and {h.claim_id for h in cut.hits} != {second.claim_id}
    claim_id = cut.hits[0].claim_id
    for start in range(0, 20 * (len(repeated) + 2), len(repeated) + 2):  # Tag All
        appearances.add(project, claim_id, article.id, start, start + len(repeated))
    found = matcher.find(project, article.id)
    assert found.complete and [h.claim_id for h in found.hits] == [second.claim_id]


def test_words_linked_to_a_claim_already_on_them_are_refused(desk):
    """Link as One Claim on words where that claim already stands (a colleague's tag of
    the same words, linked to the claim they already are): one place, not two."""
    project, sample, copy = desk
    theirs = tag(project, sample, TREATY)
    start = sample.text.index(TREATY)
    appearances.add(project, theirs.claim_id, copy.id, COPY.index(TREATY),
                    COPY.index(TREATY) + len(TREATY))
    me, project.annotator = project.annotator, "omar"
    mine = appearances.create_claim(project, sample.id, start, start + len(TREATY), "verified")
    project.annotator = me
    with pytest.raises(DuplicateClaim):
        appearances.link(project, mine.id, theirs.claim_id)
    assert [p.claim_id for p in appearances.list_appearances(project, sample.id)] == [
        theirs.claim_id, mine.claim_id]


def test_many_changes_since_the_build_rebuild_it(desk, monkeypatch):
    project, sample, copy = desk
    matcher = known_claims.Matcher()
    matcher.find(project, copy.id)
    builds = []
    real_build = known_claims.build_index
    monkeypatch.setattr(known_claims, "build_index", lambda p: builds.append(1) or real_build(p))
    words = [m for m in SAMPLE.split() if len(m) > 3][:60]
    at = 0
    for word in words:  # past the rebuild threshold (50 claims in a small project)
        at = SAMPLE.index(word, at)
        appearances.create_claim(project, sample.id, at, at + len(word), "verified")
        at += len(word)
    matcher.find(project, copy.id)
    assert builds == [1]


def test_a_text_holding_the_claims_many_times_stops_at_the_limit(project, monkeypatch):
    monkeypatch.setattr(known_claims.Matcher, "LIMIT", 40)
    sample = articles.add_article(project, SAMPLE, "sample")
    tag(project, sample, TREATY)
    tag(project, sample, FRIEND)
    copies = articles.add_article(project, "\n".join([COPY] * 60), "copies")
    found = known_claims.Matcher().find(project, copies.id)
    assert found is not None
    assert not found.complete
    assert 0 < len(found.hits) <= 40
    full = known_claims.find_known_claims(project, copies.id)  # the command line: all of it
    assert len(full) == 120


def test_a_search_told_to_stop_gives_up():
    index = ClaimIndex([KnownClaim("treaty", TREATY)])
    with pytest.raises(MatchingStopped):
        index.scan(COPY, stop=lambda: True)
    assert index.scan(COPY, stop=lambda: False)[1]


def test_a_stopped_search_answers_nothing_and_the_next_one_answers(desk):
    project, sample, copy = desk
    tag(project, sample, TREATY)
    matcher = known_claims.Matcher()
    assert matcher.find(project, copy.id, stop=lambda: True) is None
    found = matcher.find(project, copy.id)
    assert found is not None and len(found.hits) == 1


def test_words_untagged_from_a_claim_are_no_longer_looked_for(desk):
    """The claim lives on in its other place: only that place's words are suggested."""
    project, sample, copy = desk
    treaty = tag(project, sample, TREATY)
    start = SAMPLE.index(FRIEND)
    other = appearances.add(project, treaty.claim_id, sample.id, start, start + len(FRIEND))
    matcher = known_claims.Matcher()
    assert len(matcher.find(project, copy.id).hits) == 2
    appearances.delete(project, other.id)
    [hit] = matcher.find(project, copy.id).hits
    assert COPY[hit.start:hit.end] == TREATY


def test_words_linked_to_another_claim_are_looked_for_as_that_claim(desk):
    project, sample, copy = desk
    treaty = tag(project, sample, TREATY)
    start = SAMPLE.index(FRIEND)
    other = appearances.add(project, treaty.claim_id, sample.id, start, start + len(FRIEND))
    veto = tag(project, sample, "حق النقض")
    matcher = known_claims.Matcher()
    assert {(h.claim_id, COPY[h.start:h.end]) for h in matcher.find(project, copy.id).hits} == {
        (treaty.claim_id, TREATY), (treaty.claim_id, FRIEND)}
    appearances.link(project, other.id, veto.claim_id)
    assert {(h.claim_id, COPY[h.start:h.end]) for h in matcher.find(project, copy.id).hits} == {
        (treaty.claim_id, TREATY), (veto.claim_id, FRIEND)}


def test_a_damaged_log_entry_is_read_past(desk):
    """A colleague's file may carry anything in its history: the matcher reads on."""
    from store.core import history

    project, sample, _copy = desk
    mark = history.last_entry(project)
    treaty = tag(project, sample, TREATY)
    project.insert("history", {"id": "broken", "entity": "appearance", "entity_id": "x",
                               "action": "create", "who": "them", "at": "2024-01-01",
                               "before": "{not json", "after": "[1, 2"})
    assert history.claims_touched_since(project, mark) == {treaty.claim_id}
    assert history.last_entry(project) > mark


# -- the matcher in a process of its own (what the window uses) --------------------------
@pytest.fixture
def child():
    from store.core.matcher_process import MatcherProcess

    process = MatcherProcess()
    yield process
    process.close()


def test_the_child_answers_as_the_matcher_does_and_keeps_up(desk, child):
    project, sample, copy = desk
    treaty = tag(project, sample, TREATY)
    path = str(project.path)
    found = child.find(path, "tester", copy.id)
    assert answers(found.hits) == answers(known_claims.Matcher().find(project, copy.id).hits)
    assert [h.claim_id for h in found.hits] == [treaty.claim_id]
    assert found.hits[0].claim.label == "disputed"  # what the panel shows, carried across
    friend = tag(project, sample, FRIEND)
    assert {h.claim_id for h in child.find(path, "tester", copy.id).hits} == {
        treaty.claim_id, friend.claim_id}


def test_a_search_given_up_answers_none_and_the_child_serves_on(desk, child):
    project, sample, copy = desk
    tag(project, sample, TREATY)
    assert child.find(str(project.path), "tester", copy.id, stop=lambda: True) is None
    assert len(child.find(str(project.path), "tester", copy.id).hits) == 1


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_child_works_at_a_lower_priority_than_the_window(desk, child):
    """Its first search of a big project indexes for seconds while the person tags: the
    child, background work, yields the processor to the window."""
    from store.core.matcher_process import BACKGROUND_NICENESS

    project, sample, copy = desk
    tag(project, sample, TREATY)
    child.find(str(project.path), "tester", copy.id)
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, child.pid) == min(mine + BACKGROUND_NICENESS, 19)
    assert BACKGROUND_NICENESS >= 5


@pytest.mark.skipif(os.name != "posix", reason="killed with SIGKILL")
def test_a_child_that_died_is_reported_once_then_started_again(desk, child):
    import signal

    from store.errors import ProjectError

    project, sample, copy = desk
    tag(project, sample, TREATY)
    child.find(str(project.path), "tester", copy.id)
    pid = child.pid
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(ProjectError, match="stopped unexpectedly"):
        child.find(str(project.path), "tester", copy.id)
    assert len(child.find(str(project.path), "tester", copy.id).hits) == 1
    assert child.pid != pid


@pytest.mark.skipif(os.name != "posix", reason="killed with SIGKILL")
def test_a_child_seen_dead_before_a_search_is_reported_once_too(desk, child):
    """Whether its death is seen while a search waits or before one starts (a race the
    first test can fall either side of on a busy machine), it is told once."""
    import signal

    from store.errors import ProjectError

    project, sample, copy = desk
    tag(project, sample, TREATY)
    child.find(str(project.path), "tester", copy.id)
    pid = child.pid
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)  # certainly dead before the next search
    with pytest.raises(ProjectError, match="stopped unexpectedly"):
        child.find(str(project.path), "tester", copy.id)
    assert len(child.find(str(project.path), "tester", copy.id).hits) == 1


def test_a_failed_search_is_a_message_not_a_dead_child(desk, child):
    from store.errors import ArticleNotFound

    project, _sample, copy = desk
    with pytest.raises(ArticleNotFound):
        child.find(str(project.path), "tester", "no-such-article")
    assert child.find(str(project.path), "tester", copy.id).hits == []


def test_a_child_whose_window_is_gone_stops_without_a_traceback(tmp_path, monkeypatch):
    """Found by a review (rv59): a window closed while its search ran left the child
    printing two BrokenPipeError tracebacks on the terminal. It stops quietly."""
    import io
    import pickle
    import threading

    from store.core.matcher_process import serve

    class Gone(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, _data) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    told: list = []
    monkeypatch.setattr(threading, "excepthook", told.append)
    requests = io.BytesIO(pickle.dumps(("find", 1, str(tmp_path / "none.tahqiq"), "me", "a"))
                          + pickle.dumps(("find", 2, str(tmp_path / "none.tahqiq"), "me", "a")))
    assert serve(requests, io.BufferedWriter(Gone())) == 0
    worker = next((t for t in threading.enumerate() if t.name.endswith("(search)")), None)
    if worker is not None:
        worker.join(5)
    assert told == []


def test_the_program_itself_serves_as_the_child(desk):
    """The bundle has no Python to run a module with: it starts itself with the flag."""
    import sys

    from store.core.matcher_process import WORKER_FLAG, MatcherProcess

    project, sample, copy = desk
    tag(project, sample, TREATY)
    process = MatcherProcess([sys.executable, "-m", "gui.launcher", WORKER_FLAG])
    try:
        assert len(process.find(str(project.path), "tester", copy.id).hits) == 1
        pid = process.pid
    finally:
        process.close()
    assert process.pid is None
    if os.name == "posix":  # gone, and reaped: no zombie left
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_every_store_error_survives_the_trip_from_the_child():
    """The child sends the error a search raised; one that cannot be made again from its
    message would end the window's reading of the child's answers."""
    import inspect
    import pickle

    from store import errors

    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, errors.TahqiqError)]
    assert errors.AnchorLost in classes
    for cls in classes:
        error = cls("Something about {name} went wrong.", name="x")
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is cls and str(again) == "Something about x went wrong."


def test_a_child_that_cannot_start_is_one_message(desk):
    from store.core.matcher_process import MatcherProcess
    from store.errors import ProjectError

    project, _sample, copy = desk
    process = MatcherProcess([str(project.path.parent / "no-such-program")])
    with pytest.raises(ProjectError, match="could not start"):
        process.find(str(project.path), "tester", copy.id)


def test_a_folder_named_store_where_the_window_runs_does_not_replace_ours(desk, monkeypatch,
                                                                          tmp_path):
    from store.core.matcher_process import MatcherProcess

    project, sample, copy = desk
    tag(project, sample, TREATY)
    (tmp_path / "elsewhere" / "store").mkdir(parents=True)
    (tmp_path / "elsewhere" / "store" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "elsewhere")
    process = MatcherProcess()
    try:
        assert len(process.find(str(project.path), "tester", copy.id).hits) == 1
    finally:
        process.close()


def test_claims_split_apart_are_not_offered_for_each_others_words(project):
    """Tag All, Unlink one place, and each claim was offered on the other's words in
    every article: the old claim on the words just split off, the new one on the old
    one's places, here and in another article. Neither is, for as long as the split
    stands. Words linked to a claim say nothing of the kind: the claim they joined is
    offered on their first claim's other words (they may well be it too), and the one
    they left on them; a known claim accepted, then undone, is offered again (its first
    version hid it for good)."""
    said = "المستشفيات استقبلت أكثر من ألف مصاب"
    one = articles.add_article(project, f"قال الوزير إن {said} أمس. ثم كرر أن {said} في "
                                        "المؤتمر.", "one")
    two = articles.add_article(project, f"وأكد المدير أن {said} خلال الأسبوع.", "two")
    first = appearances.tag_quote(project, one.id, said, "disputed")
    second = appearances.tag_quote(project, one.id, said, None, occurrence=2,
                                   same_as=first.claim_id)
    appearances.tag_quote(project, two.id, said, None, same_as=first.claim_id)
    split = appearances.unlink(project, second.id)
    matcher = known_claims.Matcher()
    for article in (one, two):
        assert known_claims.find_known_claims(project, article.id) == []
        assert matcher.find(project, article.id).hits == []
    three = articles.add_article(project, f"ونقلت الصحيفة أن {said} في ذلك اليوم.", "three")
    assert {h.claim_id for h in known_claims.find_known_claims(project, three.id)} == {
        first.claim_id, split.claim_id}  # words of neither: both offered
    # Linked, not split: the claim they joined is offered on their first claim's words.
    mine = appearances.tag_quote(project, three.id, said, "verified")
    other = articles.add_article(project, f"وكرر المتحدث أن {said} مساء.", "other")
    also = appearances.tag_quote(project, other.id, said, None, same_as=mine.claim_id)
    appearances.link(project, mine.id, split.claim_id)
    offered = known_claims.find_known_claims(project, other.id)
    assert split.claim_id in {h.claim_id for h in offered}
    assert {h.start for h in offered} == {also.start}
    assert {h.claim_id for h in known_claims.find_known_claims(project, three.id)} == {
        mine.claim_id}  # (not the claim its new claim was split from)
    four = articles.add_article(project, f"وأضاف التقرير أن {said} في المساء.", "four")
    own = appearances.tag_quote(project, four.id, said, "unchecked")
    accepted = known_claims.accept(project, four.id, first.claim_id, own.start, own.end)
    appearances.link(project, accepted.id, own.claim_id)  # the Accept undone
    assert first.claim_id in {h.claim_id for h in known_claims.find_known_claims(project,
                                                                                  four.id)}


def test_bundle_starts_its_matcher_as_a_program_of_its_own(monkeypatch):
    """In the bundle the child is the bundle again: marked so, its bootloader sets up its
    own library path rather than inheriting the user's (which the launcher gave back), and
    loads the bundle's SQLite, not the system's (rv133: none there, no known claims)."""
    from store.core.matcher_process import MatcherProcess, worker_environment

    assert worker_environment() is None  # from source: this process's environment
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    env = MatcherProcess()._env
    assert env is not None and env["PYINSTALLER_RESET_ENVIRONMENT"] == "1"
    assert env["LANG"] == "C.UTF-8"


@pytest.mark.skipif(os.name != "posix", reason="stopped with SIGSTOP")
def test_closing_never_waits_for_a_child_that_reads_no_more(desk, child):
    """Found by a review (rv146): a child stopped (SIGSTOP, a debugger) while the window
    went on asking filled its input pipe; the search's thread then waited in its write,
    holding the pipe's lock, and close() waited for that lock for ever: the window hung
    at quit. It closes at once, the child killed and reaped."""
    import contextlib
    import signal
    import threading
    import time

    from store.errors import ProjectError

    project, sample, copy = desk
    tag(project, sample, TREATY)
    path = str(project.path)
    child.find(path, "tester", copy.id)
    pid = child.pid
    os.kill(pid, signal.SIGSTOP)
    def ask() -> None:
        with contextlib.suppress(ProjectError):  # (the child killed under it)
            for _ in range(5000):
                child.find(path, "tester", copy.id, stop=lambda: True)

    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    asking.join(3)
    assert asking.is_alive()  # blocked writing to the full pipe
    started = time.monotonic()
    child.close()
    assert time.monotonic() - started < 3
    with pytest.raises(ChildProcessError):  # reaped: no zombie
        os.waitpid(pid, os.WNOHANG)
    asking.join(3)
    assert not asking.is_alive()  # its write failed once the child was gone
