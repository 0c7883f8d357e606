"""Reviews: a second person accepting or rejecting a colleague's claim.

A review never changes the claim itself. Reviews are append-only rows, so a
claim can be reviewed again (by the same or another person) and the newest
review is its status; the older ones stay as the record of the discussion and
merge across files by id like everything else.
"""

from __future__ import annotations

import uuid

from store.core import history
from store.core.claims import get_claim
from store.core.project import Project
from store.core.records import Review
from store.core.stamps import utcnow
from store.errors import ClaimNotFound, InvalidReview

DECISIONS = ("accept", "reject")
STATUS = {"accept": "accepted", "reject": "rejected"}


def review_claim(project: Project, claim_id: str, decision: str, comment: str = "") -> Review:
    """Record *project.annotator*'s decision on a claim, with an optional comment.

    A review is a second pair of eyes: the annotator who made the claim cannot review it
    (InvalidReview). The history entry sits on the claim (not on the review) so that the
    claim's story, as ``tahqiq history CLAIM`` tells it, includes who reviewed it.
    """
    if decision not in DECISIONS:
        raise InvalidReview("A review is 'accept' or 'reject', not '{decision}'.",
                            decision=decision)
    with project.transaction():
        claim = get_claim(project, claim_id)
        if claim.is_deleted:
            raise ClaimNotFound("That claim has been deleted; it cannot be reviewed.")
        if claim.annotator == project.annotator:
            raise InvalidReview("{name} made this claim; a review must come from someone "
                                "else.", name=project.annotator)
        review = Review(id=str(uuid.uuid4()), claim_id=claim.id, reviewer=project.annotator,
                        decision=decision, created=utcnow(), comment=comment.strip())
        row = _row(review)
        project.insert("reviews", row)
        history.record(project, "claim", claim.id, f"review_{decision}", None, row,
                       at=review.created)
    return review


def reviews_for(project: Project, claim_id: str) -> list[Review]:
    """Every review of one claim, oldest first (ties by id, the same in every copy)."""
    rows = project.query(
        "SELECT * FROM reviews WHERE claim_id = ? ORDER BY created, id", [claim_id])
    return [Review.from_row(row) for row in rows]


def latest_reviews(project: Project, article_id: str | None = None) -> dict[str, Review]:
    """{claim id: its newest review} for one article or the whole project, in one query.

    Claims never reviewed are absent. Tombstoned claims are included, so undoing
    a delete brings the claim back with its status.
    """
    join, params = "", []
    if article_id is not None:
        # Driven by the reviews (few), each asking the claim_id index: not by the
        # article's appearances, which may be 50,000.
        join = ("WHERE EXISTS (SELECT 1 FROM appearances a WHERE a.claim_id = "
                "reviews.claim_id AND a.article_id = ?)")
        params.append(article_id)
    sql = (
        "SELECT * FROM (SELECT reviews.*, row_number() OVER "
        "(PARTITION BY reviews.claim_id ORDER BY reviews.created DESC, reviews.id DESC) AS rn "
        f"FROM reviews {join}) WHERE rn = 1"
    )
    return {row["claim_id"]: Review.from_row(row) for row in project.query(sql, params)}


def review_status(review: Review | None) -> str:
    """"accepted", "rejected", or "" for a claim nobody has reviewed."""
    return STATUS.get(review.decision, "") if review is not None else ""


def _row(review: Review) -> dict[str, str]:
    return {k: getattr(review, k) for k in Review.__slots__}  # type: ignore[attr-defined]
