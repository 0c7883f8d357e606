"""Reviews: a second person accepting or rejecting a colleague's claim.

A review never changes the claim itself. Reviews are append-only rows, so a
claim can be reviewed again (by the same or another person); the older ones stay
as the record of the discussion and merge across files by id like everything else.

A review is of the verdict the claim had when it was reviewed (``Review.label``).
When the verdict changes afterwards, the review no longer speaks for the claim:
:func:`stands` decides, and a claim's *status* is its newest review that still
stands (:func:`current_reviews`), none when there is none - "not reviewed" again.
Every consumer (the CSV's review_status, ClaimReview, the packet, the window's
table and filter) asks these functions, never the reviews table on its own.
"""

from __future__ import annotations

from store.core import history
from store.core.claims import get_claim
from store.core.project import Project
from store.core.records import DECISIONS, Claim, Review
from store.core.stamps import later_than, new_id, person, same_person
from store.errors import ClaimNotFound, InvalidReview

STATUS = {"accept": "accepted", "reject": "rejected"}


def review_claim(project: Project, claim_id: str, decision: str, comment: str = "") -> Review:
    """Record *project.annotator*'s decision on a claim, with an optional comment.

    A review is a second pair of eyes: whoever gave the claim its verdict - its annotator,
    or the colleague who changed it to that verdict - cannot review it (InvalidReview). The
    history entry sits on the claim (not on the review) so that the
    claim's story, as ``tahqiq history CLAIM`` tells it, includes who reviewed it.
    """
    if decision not in DECISIONS:
        raise InvalidReview("A review is 'accept' or 'reject', not '{decision}'.",
                            decision=decision)
    with project.transaction():
        claim = get_claim(project, claim_id)
        if claim.is_deleted:
            raise ClaimNotFound("That claim has been deleted; it cannot be reviewed.")
        if not may_review(project, claim, project.annotator):
            if same_person(claim.annotator, project.annotator):
                raise InvalidReview("{name} made this claim; a review must come from "
                                    "someone else.", name=project.annotator)
            raise InvalidReview("{name} gave this claim its verdict; a review must come "
                                "from someone else.", name=project.annotator)
        # (filed after every review of it this file holds and the change it reviews,
        # whatever this clock says: after a colleague's verdict stamped by a clock ten
        # minutes fast, History told the acceptance before the verdict it accepted)
        created = later_than(project.execute(
            "SELECT max(created) FROM reviews WHERE claim_id = ?", [claim.id]).fetchone()[0],
            claim.updated)
        from store.text.clean import clean_comment  # (its patterns: not at start-up)

        review = Review(id=new_id(), claim_id=claim.id, reviewer=project.annotator,
                        decision=decision, created=created, comment=clean_comment(comment),
                        label=claim.label)
        row = review._asdict()
        project.insert("reviews", row)
        history.record(project, "claim", claim.id, f"review_{decision}", None, row,
                       at=review.created)
    return review


def may_review(project: Project, claim: Claim, reviewer: str, giver: str | None = None
               ) -> bool:
    """Whether *reviewer* may review *claim*: a live claim whose verdict someone else gave
    (a review is a second pair of eyes). The window offers Accept and Reject, buttons
    and keys, by this too, giving the *giver* it already knows (verdict_giver)."""
    if giver is None:
        giver = verdict_giver(project, claim)
    return not claim.is_deleted and not same_person(giver, reviewer)


def verdict_giver(project: Project, claim: Claim) -> str:
    """Who gave *claim* the verdict it has, by the claim's history: whoever made its last
    change of verdict, unless that change took back their own change before it (an
    undo), which gives the verdict back to whoever gave it then. Its annotator when the
    history does not say.

    An editor who relabelled a colleague's claim, then accepted it, was taken as that
    colleague's second pair of eyes, and the colleague could not review the editor's
    verdict. A merge's conflict entry is signed by whoever merged, not by whoever gave
    the verdict kept, whose own entry came with the merge: it is passed over, as an
    entry that cannot be read is. A claim an Unlink made keeps the verdict's giver of
    the claim its words came from, as it was then: the editor who split a colleague's
    words off could not review their verdict, and the colleague could accept it
    (rv151)."""
    return _giver(project, claim.id, claim.label, claim.annotator)


def _giver(project: Project, claim_id: str, label: str, otherwise: str,
           until: str | None = None, depth: int = 0) -> str:
    """verdict_giver of the claim's *label*, by its history up to *until*."""
    verdict = "CASE WHEN json_valid({0}) THEN json_extract({0}, '$.label') END"
    # (a claim new to this file, imported from a CSV, is its maker's: the CSV's
    # updated_by may be whoever edited its note)
    rows = project.execute(
        "SELECT CASE WHEN before IS NULL THEN coalesce(json_extract(after, '$.annotator'), "
        f"who) ELSE who END, {verdict.format('before')}, {verdict.format('after')}, "
        "CASE WHEN before IS NULL AND action = 'unlink' THEN json_extract(after, "
        f"'$.{history.SPLIT_FROM_KEY}') END, at FROM history WHERE entity_id = ? AND "
        "entity = 'claim' AND action NOT IN ('merge_conflict', 'review_accept', "
        f"'review_reject') AND {verdict.format('after')} IS NOT NULL "
        f"AND (before IS NULL OR {verdict.format('before')} IS NOT {verdict.format('after')}) "
        "AND (? IS NULL OR at <= ?) ORDER BY at, id", [claim_id, until, until]).fetchall()
    given: list[tuple[str, str]] = []  # (verdict, who gave it), the last on top
    for who, before, after, split_from, at in rows:
        if isinstance(split_from, str) and isinstance(at, str) and depth < _SPLITS:
            who = _giver(project, split_from, after, who, at, depth + 1)
        if len(given) > 1 and given[-1][0] == before and given[-2][0] == after \
                and same_person(given[-1][1], who):
            given.pop()  # their own change taken back
        else:
            given.append((after, who))
    if given and given[-1][0] == label and isinstance(given[-1][1], str) \
            and given[-1][1].strip():
        return given[-1][1]
    return otherwise


_SPLITS = 16  # unlinks of unlinks followed back (a file another program wrote may loop)


def same_people(names: list[str]) -> list[list[str]]:
    """The groups of *names* that are one person's (same_person), each as given."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(person(name), []).append(name)
    return [group for group in groups.values() if len(group) > 1]


def reviews_for(project: Project, claim_id: str) -> list[Review]:
    """Every review of one claim, oldest first (ties by id, the same in every copy)."""
    rows = project.query(
        "SELECT * FROM reviews WHERE claim_id = ? ORDER BY created, id", [claim_id])
    return [Review.from_row(row) for row in rows]


def stands(review: Review, label: str) -> bool:
    """Whether *review* still speaks for its claim, whose verdict is now *label*.

    A reviewer accepts or rejects a verdict: once the claim says something else, nobody
    has reviewed what it says, and the claim is not reviewed until someone does. Only the
    verdict counts - it is what is published (ClaimReview's rating, the CSV's label); a
    note or a source edited refines the reasoning behind the same finding. Verdicts are
    compared, not times, so a claim relabelled back to what was reviewed is reviewed
    again, and every copy of a project agrees after merges in any order (both the
    reviews and the claim's label converge). A review from before schema 9 recorded no
    verdict (None): it is taken as of whatever the claim says now.

    :func:`standing_sql` is the same rule in SQL; the two must say the same.
    """
    return review.label is None or review.label == label


def standing_sql(review: str = "reviews", claim: str = "claims") -> str:
    """:func:`stands` as an SQL condition on a reviews row *review* and its claims row
    *claim* (table names or aliases)."""
    return f"({review}.label IS NULL OR {review}.label = {claim}.label)"


def _newest_sql(columns: str, *, standing: bool, of_article: bool) -> str:
    """Each claim's newest review (of those standing, if *standing*) as rows of *columns*;
    *of_article*: of the claims of the article given as the one parameter."""
    join, conditions = "", []
    if standing:
        join = "JOIN claims ON claims.id = reviews.claim_id "
        conditions.append(standing_sql())
    if of_article:
        # Driven by the reviews (few), each asking the claim_id index: not by the
        # article's appearances, which may be 50,000.
        conditions.append("EXISTS (SELECT 1 FROM appearances a WHERE a.claim_id = "
                          "reviews.claim_id AND a.article_id = ?)")
    where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
    return (f"SELECT {columns} FROM (SELECT reviews.*, row_number() OVER "
            "(PARTITION BY reviews.claim_id ORDER BY reviews.created DESC, reviews.id DESC) "
            f"AS rn FROM reviews {join}{where}) WHERE rn = 1")


CURRENT_DECISIONS_SQL = _newest_sql("claim_id, decision", standing=True, of_article=False)
"""(claim_id, decision) of each claim's status, as :func:`current_reviews` picks it: for
a query that joins it (the CSV export)."""


def current_reviews(project: Project, article_id: str | None = None) -> dict[str, Review]:
    """{claim id: its status} for one article or the whole project, in one query: the
    newest review that still :func:`stands`.

    Claims never reviewed, or whose every review is of another verdict, are absent.
    Tombstoned claims are included, so undoing a delete brings the claim back with its
    status.
    """
    sql = _newest_sql("*", standing=True, of_article=article_id is not None)
    params = [article_id] if article_id is not None else []
    return {row["claim_id"]: Review.from_row(row) for row in project.query(sql, params)}


def current_review(project: Project, claim_id: str) -> Review | None:
    """One claim's status (see :func:`current_reviews`), or None."""
    row = next(project.query(
        "SELECT reviews.* FROM reviews JOIN claims ON claims.id = reviews.claim_id "
        f"WHERE reviews.claim_id = ? AND {standing_sql()} "
        "ORDER BY reviews.created DESC, reviews.id DESC LIMIT 1", [claim_id]), None)
    return Review.from_row(row) if row is not None else None


def latest_reviews(project: Project, article_id: str | None = None) -> dict[str, Review]:
    """{claim id: its newest review, standing or not} in one query: the record, for
    saying what an earlier verdict's review was. Not the claim's status - that is
    :func:`current_reviews`."""
    sql = _newest_sql("*", standing=False, of_article=article_id is not None)
    params = [article_id] if article_id is not None else []
    return {row["claim_id"]: Review.from_row(row) for row in project.query(sql, params)}


def review_status(review: Review | None) -> str:
    """"accepted", "rejected", or "" for no review: give it the claim's status (from
    :func:`current_reviews`), so that a review of an earlier verdict reads as none."""
    return STATUS.get(review.decision, "") if review is not None else ""
