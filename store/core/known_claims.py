"""Claims already checked, found again in an article (offline, by store.text.matching).

Every live appearance of a live claim is a known wording of that claim. An article is
matched against all of them; a suggestion is a span where a known claim appears to be
made again. A suggestion the checker dismissed is remembered (``dismissals``) and never
offered again for that span; one the words already show (the claim appears there) is not
offered either. Accepting a suggestion makes the words an appearance of the claim.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Sequence

from store.core import appearances, history
from store.core.articles import get_article
from store.core.project import Project, id_chunks
from store.core.records import Appearance, KnownClaimHit, KnownClaimsFound
from store.core.stamps import utcnow
from store.text.matching import (
    DEFAULT_MIN_SCORE,
    ClaimIndex,
    KnownClaim,
    MatchingStopped,
    Suggestion,
)

DISMISSAL_NAMESPACE = uuid.UUID("2c4d8f6e-7b1a-4e0f-9d3c-5a6b7c8d9e0f")
ORDER = appearances.READING_ORDER


def known_wordings(project: Project, claim_ids: Sequence[str] | None = None
                   ) -> list[KnownClaim]:
    """Every live place of a live claim (of the claims named), as the matcher reads it:
    read light, not as full records (50,000 of them at a time)."""
    sql = ('SELECT a.claim_id, a.quote, c.label, a.article_id, a.start, a."end" '
           "FROM appearances a JOIN claims c ON c.id = a.claim_id "
           f"WHERE {appearances.LIVE} AND {appearances.well_placed()}")
    if claim_ids is None:
        return [KnownClaim(*row) for row in project.execute(sql + f" ORDER BY {ORDER}")]
    found: list[KnownClaim] = []
    for chunk, marks in id_chunks(claim_ids):
        found += [KnownClaim(*row) for row in project.execute(
            sql + f" AND a.claim_id IN ({marks}) ORDER BY {ORDER}", chunk)]
    return found


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


class Matcher:
    """The project's known claims, indexed once and kept up to date by what changed.

    Building the index costs about a second per 10,000 claims, and matching a long article
    against it more: doing either again after every tag would keep a core busy while the
    checker works. So the index is built once, and its answers are kept per article text.
    The claims changed since (read from the change log) are left out of those answers
    and looked for with a small second index, weighed like the first. The whole is built
    again once the changed claims pass a share of the project.
    """

    LIMIT = 500  # places per article: enough to work through, and a bound on the work
    REBUILD_AFTER = 0.05  # share of the indexed claims changed since the build
    KEPT_ARTICLES = 8

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: ClaimIndex | None = None
        self._mark = 0  # the change log read up to here
        self._touched: set[str] = set()  # claims changed since the index was built
        self._extra: tuple[int, ClaimIndex | None] = (-1, None)  # (mark, index)
        self._answers: OrderedDict[tuple[str, int, int], tuple[list[Suggestion], bool]] = (
            OrderedDict())

    def find(self, project: Project, article_id: str, *,
             stop: Callable[[], bool] | None = None) -> KnownClaimsFound | None:
        """The known claims in the article; None if ``stop()`` said to give up."""
        with self._lock:
            self._catch_up(project)
            text = get_article(project, article_id).text
            try:
                found, complete = self._base_answer(article_id, text, stop)
                touched = self._touched
                kept = [s for s in found if s.claim_id not in touched]
                if not complete and len(kept) < len(found):
                    # It stopped at the limit counting places of claims changed since
                    # (looked for below): the others past that were never looked for.
                    kept, complete = self._index.scan(text, skip_article=article_id,
                                                      limit=self.LIMIT, stop=stop,
                                                      skip_claims=touched)
                found = kept
                extra = self._extra_index(project)
                if extra is not None:
                    more, whole = extra.scan(text, skip_article=article_id,
                                             limit=self.LIMIT, stop=stop)
                    found = sorted(found + more, key=lambda s: (-s.score, s.start, s.end))
                    complete = complete and whole
            except MatchingStopped:
                return None
        return KnownClaimsFound(filter_hits(project, article_id, found[:self.LIMIT]), complete)

    def _catch_up(self, project: Project) -> None:
        mark = history.last_entry(project)  # before reading: what comes between is read twice
        if self._index is not None:
            self._touched |= history.claims_touched_since(project, self._mark)
            self._mark = mark
            if len(self._touched) <= max(50, self.REBUILD_AFTER * self._index.claim_count):
                return
        self._index = build_index(project)
        self._mark, self._touched = mark, set()
        self._extra = (-1, None)
        self._answers.clear()

    def _extra_index(self, project: Project) -> ClaimIndex | None:
        """The changed claims' live places, indexed like the main index."""
        if self._extra[0] != self._mark:
            wordings = known_wordings(project, sorted(self._touched))
            self._extra = (self._mark, ClaimIndex(wordings, background=self._index)
                           if wordings else None)
        return self._extra[1]

    def _base_answer(self, article_id: str, text: str, stop: Callable[[], bool] | None
                     ) -> tuple[list[Suggestion], bool]:
        assert self._index is not None
        key = (article_id, len(text), hash(text))
        if key not in self._answers:
            self._answers[key] = self._index.scan(text, skip_article=article_id,
                                                  limit=self.LIMIT, stop=stop)
            while len(self._answers) > self.KEPT_ARTICLES:
                self._answers.popitem(last=False)
        self._answers.move_to_end(key)
        return self._answers[key]


def filter_hits(project: Project, article_id: str,
                found: list[Suggestion]) -> list[KnownClaimHit]:
    """*found* without what the article already shows or the checker dismissed, each with
    its claim and where it was checked."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)  # per claim found
    for chunk, marks in id_chunks(sorted({s.claim_id for s in found})):
        for claim_id, start, end in project.execute(
                'SELECT a.claim_id, a.start, a."end" FROM appearances a JOIN claims c ON '
                f"c.id = a.claim_id WHERE a.article_id = ? AND a.claim_id IN ({marks}) "
                f'AND {appearances.LIVE} AND {appearances.well_placed()} UNION ALL SELECT '
                f'claim_id, start, "end" FROM dismissals d WHERE article_id = ? AND claim_id '
                f"IN ({marks}) AND {appearances.well_placed('d')}",
                [article_id, *chunk, article_id, *chunk]):
            taken[claim_id].append((start, end))
    found = [s for s in found
             if not any(_overlap((s.start, s.end), other) for other in taken.get(s.claim_id, ()))]
    first_places = {claim_id: appearances.appearances_of(project, claim_id)
                    for claim_id in dict.fromkeys(s.claim_id for s in found)}
    titles: dict[str, str] = {}
    hits: list[KnownClaimHit] = []
    for suggestion in _not_split_apart(project, article_id, found, first_places):
        places = first_places[suggestion.claim_id]
        if not places:
            continue
        for p in places:
            if p.article_id not in titles:
                row = project.execute("SELECT title FROM articles WHERE id = ?",
                                      [p.article_id]).fetchone()
                titles[p.article_id] = row[0] if row else ""
        where = tuple(dict.fromkeys(titles[p.article_id] for p in places))
        hits.append(KnownClaimHit(suggestion, places[0], where))
    return hits


def _not_split_apart(project: Project, article_id: str, found: list[Suggestion],
                     offered: Collection[str]) -> list[Suggestion]:
    """*found* without one of two claims an Unlink split apart offered on the other's
    words: after an Unlink the two were offered for each other's words, in every article
    where they appear, as if it had not been meant. Read from the history of the places,
    so a merge brings it along and an undo of the Unlink (the claim it made goes) ends
    it. Words linked from one claim to another (Link as One Claim, a known claim
    accepted, and their undo) say nothing of the kind: an undo of an Accept hid the
    suggestion for good.

    The claims asked about: those offered, and those of this article's live places each
    suggestion lies on (a place starts at most the article's longest place before it:
    each looks at that stretch only, as search does)."""
    if not found:
        return found
    on_words: dict[int, list[tuple[str, str]]] = defaultdict(list)  # suggestion: places
    for first in range(0, len(found), 300):  # (3 parameters each, SQLite's old 999)
        spans = found[first:first + 300]
        for number, place_id, claim_id, start, end in project.execute(
                "WITH s (n, start, \"end\") AS (VALUES " + ", ".join(["(?, ?, ?)"] * len(spans))
                + ') SELECT s.n, a.id, a.claim_id, a.start, a."end" FROM s CROSS JOIN '
                "appearances a ON a.article_id = ? AND a.deleted IS NULL AND a.start BETWEEN "
                's.start - (SELECT max(b."end" - b.start) FROM appearances b INDEXED BY '
                "appearances_live_length WHERE b.article_id = ? AND b.deleted IS NULL) AND "
                's."end" - 1 AND a."end" > s.start JOIN claims c ON c.id = a.claim_id '
                "WHERE c.deleted IS NULL",
                [v for n, s in enumerate(spans, first) for v in (n, s.start, s.end)]
                + [article_id, article_id]):
            if _overlap((found[number].start, found[number].end), (start, end)):
                on_words[number].append((place_id, claim_id))
    under_them = {claim_id for under in on_words.values() for _, claim_id in under}
    split_from = _split_from(project, {*offered, *under_them})
    if not split_from:
        return found
    return [s for n, s in enumerate(found)
            if not any(claim_id in split_from[s.claim_id] or s.claim_id in split_from[claim_id]
                       for _, claim_id in on_words.get(n, ()))]


def _split_from(project: Project, claims: Collection[str]) -> dict[str, set[str]]:
    """For each of the *claims* that an Unlink made: the claim it was split from, the
    one the words it was made of left (the first link into it after each Unlink: a redo
    makes it again; words linked to it later came by choice, not by a split). Read from
    the history of those claims and of their places only: most projects have no Unlink,
    and a claim offered may have hundreds of places."""
    unlinked: dict[str, list[str]] = defaultdict(list)  # claim: when an Unlink made it
    for chunk, marks in id_chunks(sorted(claims)):
        for claim_id, at in project.execute(
                f"SELECT entity_id, at FROM history WHERE entity_id IN ({marks}) AND entity = "
                "'claim' AND action = 'unlink'", chunk):
            unlinked[claim_id].append(at)
    came: dict[str, list[tuple[str, str]]] = defaultdict(list)  # claim: (when, from which)
    for chunk, marks in id_chunks(sorted(unlinked)):
        for at, before, after in project.execute(
                "SELECT at, json_extract(before, '$.claim_id'), json_extract(after, "
                "'$.claim_id') FROM history WHERE entity_id IN (SELECT id FROM appearances "
                f"WHERE claim_id IN ({marks})) AND entity = 'appearance' AND action = 'link' "
                "AND json_valid(before) AND json_valid(after)", chunk):
            came[after].append((at, before))
    split_from: dict[str, set[str]] = defaultdict(set)
    for claim_id, times in unlinked.items():
        for made in times:
            if after := [link for link in came[claim_id] if link[0] >= made]:
                split_from[claim_id].add(min(after)[1])
    return split_from


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlapping by at least half the shorter span: the same words, give or take."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def accept(project: Project, article_id: str, claim_id: str, start: int, end: int
           ) -> Appearance:
    """The words become an appearance of the claim: its verdict, note and sources (words
    I tagged as another claim join it: ``appearances.join``)."""
    return appearances.join(project, claim_id, article_id, start, end)


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
