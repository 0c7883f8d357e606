"""Reviewing a colleague's claims, and reading a claim's history as text."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE

from store.core import appearances, claims, history
from store.core.records import HistoryEntry
from store.errors import ClaimNotFound, InvalidReview
from store.review import reviews, story


@pytest.fixture
def claim(sample_project, sample_article):
    return appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "unchecked")


def test_review_is_stored_with_reviewer_and_history(sample_project, claim):
    sample_project.annotator = "reviewer"
    review = reviews.review_claim(sample_project, claim.id, "reject", "  no source  ")
    assert (review.claim_id, review.reviewer, review.decision, review.comment) == (
        claim.id, "reviewer", "reject", "no source")
    assert review.created and len(review.id) == 36
    assert reviews.reviews_for(sample_project, claim.id) == [review]
    entry = history.for_entity(sample_project, claim.id)[-1]
    assert (entry.entity, entry.action, entry.who, entry.before) == (
        "claim", "review_reject", "reviewer", None)
    assert entry.after == {"id": review.id, "claim_id": claim.id, "reviewer": "reviewer",
                           "decision": "reject", "comment": "no source",
                           "created": review.created, "label": "unchecked"}
    # the claim itself is not touched by a review
    assert appearances.get_appearance(sample_project, claim.id) == claim


def test_a_comment_is_kept_as_a_note_is(sample_project, claim):
    """A comment typed with an escape or an override (pasted, or given `tahqiq review
    --comment`) was kept as it was: «ESC ]0;…BEL» went into the HTML packet and retitled
    the terminal it was printed to, an override turned the packet's cell backwards
    (rv239). As claims.stored_note keeps a note: its lines stay, the override its PDF
    closes an isolate (rv248)."""
    sample_project.annotator = "reviewer"
    review = reviews.review_claim(sample_project, claim.id, "reject",
                                  "see ILO\x1b]0;PWNED\x07 \u202e5.3\u202c\r\nline two\x1b[8m")
    assert review.comment == "see ILO \u20675.3\u2069\nline two"  # (escapes whole, rv268)
    assert reviews.reviews_for(sample_project, claim.id) == [review]

def test_bad_decision_writes_nothing(sample_project, claim):
    before = sample_project.execute("SELECT count(*) FROM history").fetchone()[0]
    with pytest.raises(InvalidReview):
        reviews.review_claim(sample_project, claim.id, "maybe")
    assert reviews.reviews_for(sample_project, claim.id) == []
    assert sample_project.execute("SELECT count(*) FROM history").fetchone()[0] == before


def test_a_review_must_come_from_someone_else(sample_project, claim):
    before = sample_project.execute("SELECT count(*) FROM history").fetchone()[0]
    with pytest.raises(InvalidReview, match="someone else"):
        reviews.review_claim(sample_project, claim.id, "accept")  # the claim's own annotator
    assert sample_project.execute("SELECT count(*) FROM history").fetchone()[0] == before
    assert reviews.reviews_for(sample_project, claim.id) == []


@pytest.mark.parametrize("written", ["TESTER", "tester ", " Tester", "ｔｅｓｔｅｒ"])
def test_the_annotator_under_another_spelling_of_the_name_is_no_one_else(sample_project,
                                                                          claim, written):
    """`--annotator huda` accepted Huda's own claim: the same name in another case, with
    spaces or in full-width letters is the same person."""
    assert claim.annotator == "tester"
    sample_project.annotator = written
    with pytest.raises(InvalidReview, match="someone else"):
        reviews.review_claim(sample_project, claim.id, "accept")
    assert reviews.reviews_for(sample_project, claim.id) == []


def test_a_verdict_is_reviewed_by_someone_else_than_who_gave_it(sample_project, claim,
                                                                 tmp_path):
    """An editor who relabelled a colleague's claim could accept his own verdict, and the
    colleague could never review it: the packet read as her verdict checked by him. Who
    gave the verdict it has is asked, here and after a merge of the editor's copy."""
    from store.core.project import Project
    from store.exchange.merge import merge_project

    copy = tmp_path / "omar.tahqiq"
    sample_project.conn.execute("VACUUM INTO ?", [str(copy)])
    with Project.open(copy, "Omar") as omar:
        claims.update_claim(omar, claim.id, label="disputed")
        record = claims.get_claim(omar, claim.id)
        assert reviews.verdict_giver(omar, record) == "Omar"
        assert not reviews.may_review(omar, record, "omar ")
        with pytest.raises(InvalidReview, match="Omar gave this claim its verdict"):
            reviews.review_claim(omar, claim.id, "accept")
        assert reviews.may_review(omar, record, "tester")
    merge_project(sample_project, copy)
    record = claims.get_claim(sample_project, claim.id)
    assert record.label == "disputed" and reviews.verdict_giver(sample_project, record) == "Omar"
    reviews.review_claim(sample_project, claim.id, "reject", "no source for that")  # tester's
    sample_project.annotator = "Omar"
    with pytest.raises(InvalidReview, match="someone else"):
        reviews.review_claim(sample_project, claim.id, "accept")
    # given back, the verdict is its maker's again; a damaged entry is no verdict
    sample_project.annotator = "tester"
    claims.update_claim(sample_project, claim.id, label="unchecked")
    sample_project.conn.execute("UPDATE history SET after = '{not json' WHERE entity_id = ? "
                                "AND action = 'create'", [claim.id])
    record = claims.get_claim(sample_project, claim.id)
    assert reviews.verdict_giver(sample_project, record) == "tester"
    assert reviews.may_review(sample_project, record, "Omar")
    assert not reviews.may_review(sample_project, record, "Tester")


def test_whoever_last_changed_the_verdict_gave_it_unless_they_took_it_back(sample_project,
                                                                         claim):
    """Amal tags «disputed», changes it to «verified»; Bilal changes it back to
    «disputed»: Bilal gave it (the first to have given «disputed» was Amal, and he could
    accept his own override). Bilal taking his change back gives «verified» back to Amal;
    two changes taken back in turn give back the first verdict."""
    def giver() -> str:
        return reviews.verdict_giver(sample_project, claims.get_claim(sample_project,
                                                                      claim.id))

    sample_project.annotator = "Amal"
    claims.update_claim(sample_project, claim.id, label="disputed")
    claims.update_claim(sample_project, claim.id, label="verified")
    sample_project.annotator = "Bilal"
    claims.update_claim(sample_project, claim.id, label="disputed")
    assert giver() == "Bilal"
    with pytest.raises(InvalidReview, match="someone else"):
        reviews.review_claim(sample_project, claim.id, "accept")
    claims.update_claim(sample_project, claim.id, label="verified")  # taken back
    assert giver() == "Amal"
    sample_project.annotator = "Amal"
    claims.update_claim(sample_project, claim.id, label="disputed")  # hers taken back
    assert giver() == "Amal"  # «disputed» was hers before «verified»
    claims.update_claim(sample_project, claim.id, label="unchecked")
    claims.update_claim(sample_project, claim.id, label="disputed")
    assert giver() == "Amal"
    assert reviews.may_review(sample_project, claims.get_claim(sample_project, claim.id),
                              "Bilal")


def test_words_split_off_keep_the_verdict_of_whoever_gave_it(sample_project,
                                                            sample_article, claim):
    """An editor splits a place of Huda's claim off (Unlink): the copy's verdict is still
    Huda's, as it was then. The editor could not review it and Huda could accept her own
    (rv151); a verdict changed on the copy later is its changer's, and one split off
    again is followed back to Huda."""
    def giver(claim_id: str) -> str:
        return reviews.verdict_giver(sample_project, claims.get_claim(sample_project,
                                                                      claim_id))

    sample_project.annotator = "Huda"
    claims.update_claim(sample_project, claim.id, label="disputed")
    other = appearances.tag_quote(sample_project, sample_article.id, "كيم جونغ أون", None,
                                  same_as=claim.claim_id)
    sample_project.annotator = "Editor"
    copy = appearances.unlink(sample_project, other.id)
    assert copy.claim.annotator == "Editor" and giver(copy.claim_id) == "Huda"
    claims.update_claim(sample_project, claim.claim_id, label="verified")  # (after the split)
    assert giver(copy.claim_id) == "Huda"
    reviews.review_claim(sample_project, copy.claim_id, "reject", "not in this article")
    sample_project.annotator = "Huda"
    with pytest.raises(InvalidReview, match="someone else"):
        reviews.review_claim(sample_project, copy.claim_id, "accept")
    sample_project.annotator = "Badr"
    again = appearances.unlink(sample_project, appearances.tag_quote(
        sample_project, sample_article.id, "بوتين", None, same_as=copy.claim_id).id)
    assert giver(again.claim_id) == "Huda"
    claims.update_claim(sample_project, copy.claim_id, label="unchecked")
    assert giver(copy.claim_id) == "Badr"


def test_deleted_or_unknown_claim_cannot_be_reviewed(sample_project, claim):
    claims.delete_claim(sample_project, claim.id)
    with pytest.raises(ClaimNotFound):
        reviews.review_claim(sample_project, claim.id, "accept")
    with pytest.raises(ClaimNotFound):
        reviews.review_claim(sample_project, "no-such-claim", "accept")
    assert sample_project.db["reviews"].count == 0


def test_latest_review_wins_and_is_one_query(sample_project, sample_article, claim):
    other = appearances.create_claim(sample_project, sample_article.id, 0, 5, "verified")
    sample_project.annotator = "first"
    first = reviews.review_claim(sample_project, claim.id, "reject")
    sample_project.annotator = "second"
    second = reviews.review_claim(sample_project, claim.id, "accept", "fixed now")
    assert [r.id for r in reviews.reviews_for(sample_project, claim.id)] == [first.id, second.id]

    statements: list[str] = []
    sample_project.db.conn.set_trace_callback(statements.append)
    try:
        latest = reviews.latest_reviews(sample_project, sample_article.id)
    finally:
        sample_project.db.conn.set_trace_callback(None)
    # sqlite-utils wraps a query in a savepoint; what matters is one SELECT
    assert len([s for s in statements if s.startswith("SELECT")]) == 1
    assert latest == {claim.id: second}
    assert other.id not in latest
    assert reviews.latest_reviews(sample_project) == {claim.id: second}
    assert reviews.latest_reviews(sample_project, "another-article") == {}


def test_a_review_is_of_the_verdict_the_claim_had(sample_project, sample_article, claim):
    """Relabelled after its review, a claim is not reviewed again; the review stays in the
    record. A note or a source edited leaves the review standing."""
    claims.update_claim(sample_project, claim.id, label="disputed")
    sample_project.annotator = "editor"
    review = reviews.review_claim(sample_project, claim.id, "accept", "agreed: disputed")
    assert review.label == "disputed"
    assert reviews.current_reviews(sample_project, sample_article.id) == {claim.id: review}
    sample_project.annotator = "tester"
    claims.update_claim(sample_project, claim.id, note="a better reason",
                        sources=["https://un.org/treaty"])
    assert reviews.current_review(sample_project, claim.id) == review

    claims.update_claim(sample_project, claim.id, label="verified")
    assert not reviews.stands(review, "verified")
    assert reviews.current_review(sample_project, claim.id) is None
    assert reviews.current_reviews(sample_project, sample_article.id) == {}
    assert reviews.current_reviews(sample_project) == {}
    assert reviews.reviews_for(sample_project, claim.id) == [review]  # the record stays
    assert reviews.latest_reviews(sample_project) == {claim.id: review}
    assert [e.action for e in history.for_claim(sample_project, claim.id)].count(
        "review_accept") == 1

    sample_project.annotator = "editor"
    again = reviews.review_claim(sample_project, claim.id, "reject", "not verified")
    assert reviews.current_review(sample_project, claim.id) == again
    sample_project.annotator = "tester"
    claims.update_claim(sample_project, claim.id, label="disputed")  # back to what was accepted
    assert reviews.current_review(sample_project, claim.id) == review
    assert reviews.current_reviews(sample_project, sample_article.id) == {claim.id: review}


def test_a_review_from_before_schema_9_counts_for_the_verdict_now(sample_project, claim):
    """An old review recorded no verdict: it is taken as of whatever the claim says."""
    with sample_project.transaction():
        sample_project.db["reviews"].insert({
            "id": "old", "claim_id": claim.id, "reviewer": "editor", "decision": "accept",
            "comment": "", "created": "2024-01-01T00:00:00.000000Z"})
    (old,) = reviews.reviews_for(sample_project, claim.id)
    assert old.label is None and reviews.stands(old, "anything")
    claims.update_claim(sample_project, claim.id, label="verified")
    assert reviews.current_review(sample_project, claim.id) == old
    assert reviews.current_reviews(sample_project) == {claim.id: old}


def test_review_status():
    from store.core.records import Review

    def make(decision: str) -> Review:
        return Review("r", "c", "who", decision, "2024-01-01T00:00:00.000000Z")

    assert reviews.review_status(make("accept")) == "accepted"
    assert reviews.review_status(make("reject")) == "rejected"
    assert reviews.review_status(None) == ""


# -- history as text ---------------------------------------------------------------------
def _entry(action: str, before: dict | None, after: dict | None) -> HistoryEntry:
    return HistoryEntry("h", "claim", "c", action, "alice", "2024-05-01T10:20:30.123456Z",
                        before, after)


def test_describe_claim_story(sample_project, sample_article, claim):
    claims.update_claim(sample_project, claim.id, label="disputed")
    claims.update_claim(sample_project, claim.id, note="see the treaty text",
                        sources=["https://example.org/a"])
    claims.update_claim(sample_project, claim.id, note="see the full treaty text")
    claims.delete_claim(sample_project, claim.id)
    claims.restore_claim(sample_project, claim.id)
    sample_project.annotator = "editor"
    reviews.review_claim(sample_project, claim.id, "accept", "ok")
    lines = [story.describe(e) for e in history.for_claim(sample_project, claim.id)]
    summaries = [line.split("  ", 3)[3] for line in lines]
    assert summaries == [
        "created as unchecked",
        f"tagged “{SAMPLE_QUOTE}”",
        "label: unchecked → disputed",
        "note added, sources: +1",
        "note edited",
        "deleted",
        "restored",
        "accepted (disputed): ok",
    ]
    assert [line.split("  ")[1] for line in lines] == ["tester"] * 7 + ["editor"]


def test_describe_line_layout_and_other_changes():
    entry = _entry("edit", {"sources": '["https://a", "https://b"]', "start": 1, "end": 4,
                            "note": "x"},
                   {"sources": '["https://b", "https://c", "https://d"]', "start": 2,
                    "end": 5, "note": ""})
    assert story.describe(entry) == (
        "2024-05-01 10:20:30  alice  edit  moved: 1–4 → 2–5, note removed, sources: +2 −1")
    conflict = _entry("merge_conflict", {"label": "verified", "updated_by": "alice"},
                      {"label": "disputed", "updated_by": "bob"})
    assert story.summarize(conflict) == (
        "kept bob's version over alice's; not kept: alice's verdict verified")
    assert story.summarize(_entry("edit", {"note": "a"}, {"note": "a"})) == "no change"
    assert story.summarize(_entry("review_reject", None, {"comment": ""})) == "rejected"
