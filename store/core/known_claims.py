"""Claims already checked, found again in an article (offline, by store.text.matching).

Every live appearance of a live claim is a known wording of that claim. An article is
matched against all of them; a suggestion is a span where a known claim appears to be
made again. A suggestion the checker dismissed is remembered (``dismissals``) and never
offered again for that span; one the words already show (the claim appears there) is not
offered either. Accepting a suggestion makes the words an appearance of the claim.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from store.core import appearances, history
from store.core.articles import get_article
from store.core.project import Project
from store.core.records import Appearance
from store.core.stamps import utcnow
from store.text.matching import DEFAULT_MIN_SCORE, ClaimIndex, KnownClaim, Suggestion

DISMISSAL_NAMESPACE = uuid.UUID("2c4d8f6e-7b1a-4e0f-9d3c-5a6b7c8d9e0f")


@dataclass(frozen=True, slots=True)
class KnownClaimHit:
    """A suggestion with what the checker needs to judge it: the claim and where it was
    checked."""

    suggestion: Suggestion
    claim: Appearance  # the claim's first appearance (its verdict, note, sources)
    checked_in: tuple[str, ...]  # titles of the articles where the claim appears

    @property
    def start(self) -> int:
        return self.suggestion.start

    @property
    def end(self) -> int:
        return self.suggestion.end

    @property
    def claim_id(self) -> str:
        return self.suggestion.claim_id


def known_wordings(project: Project) -> list[KnownClaim]:
    """Every live appearance of a live claim, as the matcher reads it."""
    return [KnownClaim(claim_id=a.claim_id, text=a.quote, label=a.label,
                       article_id=a.article_id, start=a.start, end=a.end)
            for a in appearances.list_appearances(project)]


def claims_stamp(project: Project) -> tuple:
    """What changes whenever the known wordings may have: the count and latest change of
    appearances and of claims. An index built at one stamp serves until it moves."""
    places = project.execute("SELECT count(*), max(updated) FROM appearances").fetchone()
    return tuple(places), tuple(project.execute("SELECT max(updated) FROM claims").fetchone())


def build_index(project: Project) -> ClaimIndex:
    """The matcher's index over the project's known claims (about a second per 10,000)."""
    return ClaimIndex(known_wordings(project))


def find_known_claims(project: Project, article_id: str, *, min_score: float = DEFAULT_MIN_SCORE,
                      index: ClaimIndex | None = None) -> list[KnownClaimHit]:
    """Where claims made elsewhere (or elsewhere in this article) appear in the article,
    best first, leaving out what is already tagged as that claim and what was dismissed."""
    article = get_article(project, article_id)
    index = index or build_index(project)
    found = index.find(article.text, min_score=min_score, skip_article=article_id)
    return filter_hits(project, article_id, found)


def filter_hits(project: Project, article_id: str,
                found: list[Suggestion]) -> list[KnownClaimHit]:
    """*found* without what the article already shows or the checker dismissed, each with
    its claim and where it was checked."""
    here = [(a.claim_id, a.start, a.end) for a in appearances.list_appearances(project,
                                                                              article_id)]
    dismissed = [(row[0], row[1], row[2]) for row in project.execute(
        'SELECT claim_id, start, "end" FROM dismissals WHERE article_id = ?', [article_id])]
    titles = {row[0]: row[1] for row in project.execute("SELECT id, title FROM articles")}
    hits: list[KnownClaimHit] = []
    first_places: dict[str, list[Appearance]] = {}
    for suggestion in found:
        span = (suggestion.start, suggestion.end)
        if any(claim == suggestion.claim_id and _overlap(span, (s, e))
               for claim, s, e in here + dismissed):
            continue
        places = first_places.get(suggestion.claim_id)
        if places is None:
            places = first_places[suggestion.claim_id] = appearances.appearances_of(
                project, suggestion.claim_id)
        if not places:
            continue
        where = tuple(dict.fromkeys(titles.get(p.article_id, "") for p in places))
        hits.append(KnownClaimHit(suggestion, places[0], where))
    return hits


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlapping by at least half the shorter span: the same words, give or take."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def accept(project: Project, article_id: str, claim_id: str, start: int, end: int
           ) -> Appearance:
    """The words become an appearance of the claim: its verdict, note and sources."""
    return appearances.add(project, claim_id, article_id, start, end)


def dismiss(project: Project, article_id: str, claim_id: str, start: int, end: int) -> str:
    """Never suggest this claim for these words again. The id is made from what was
    dismissed (the article by its text), so colleagues dismissing the same meet in a
    merge; returns it."""
    article = get_article(project, article_id)
    dismissal_id = str(uuid.uuid5(DISMISSAL_NAMESPACE,
                                  f"{article.fingerprint}|{claim_id}|{start}|{end}"))
    row = {"id": dismissal_id, "article_id": article_id, "claim_id": claim_id,
           "start": start, "end": end, "who": project.annotator, "at": utcnow()}
    with project.transaction():
        if not project.execute("SELECT 1 FROM dismissals WHERE id = ?",
                               [dismissal_id]).fetchone():
            project.insert("dismissals", row)
            history.record(project, "dismissal", dismissal_id, "dismiss", None, row)
    return dismissal_id


def undismiss(project: Project, dismissal_id: str) -> None:
    """Take a dismissal back (its undo): the suggestion may be offered again."""
    with project.transaction():
        rows = list(project.query("SELECT * FROM dismissals WHERE id = ?", [dismissal_id]))
        if rows:
            project.execute("DELETE FROM dismissals WHERE id = ?", [dismissal_id])
            history.record(project, "dismissal", dismissal_id, "undismiss", rows[0], None)
