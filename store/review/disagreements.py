"""Where two annotators tagged overlapping words with different verdicts (or one, in two
copies of the project, the same words).

:func:`find_disagreements` finds them all at once; :class:`DisagreementIndex` keeps them
for an article open in the app and, when one place changes, looks again only at the
places overlapping it (before and after the change), so an edit costs the same with 500
claims or 50,000.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from store.collector import with_room
from store.core import appearances
from store.core.project import Project
from store.core.records import Appearance


class Disagreement(NamedTuple):
    first: Appearance  # the one that starts first (then the shorter, the earlier-created)
    second: Appearance

    @property
    def span(self) -> tuple[int, int]:
        """The words both claims cover."""
        return max(self.first.start, self.second.start), min(self.first.end, self.second.end)


def disagreements(project: Project, article_id: str) -> list[Disagreement]:
    """Every overlapping pair of live claims by different annotators with different labels."""
    return find_disagreements(appearances.list_appearances(project, article_id))


def order(place: Appearance) -> tuple[int, int, str, str]:
    """Reading order of places, total (the id breaks ties): pairs are listed in it."""
    return place.start, place.end, place.created, place.id


def pair_order(d: Disagreement) -> tuple:
    """The order disagreements are listed in: by their first place, then their second."""
    return order(d.first), order(d.second)


def _disagree(a: Appearance, b: Appearance) -> bool:
    """Different verdicts from different annotators; or on the very same words from
    one, which only a merge of their two copies makes (a tag there relabels): both
    were published, one rating against the other. One annotator's claim inside
    another of theirs may well take another verdict."""
    return a.label != b.label and (a.annotator != b.annotator
                                   or (a.start, a.end) == (b.start, b.end))


def _agree(a: Appearance, b: Appearance) -> bool:
    """Two claims with one verdict where :func:`_disagree` would see two: the same words
    checked twice, each published as a fact-check of its own (rv203)."""
    return a.label == b.label and a.claim_id != b.claim_id and (
        a.annotator != b.annotator or (a.start, a.end) == (b.start, b.end))


def find_disagreements(live: list[Appearance]) -> list[Disagreement]:
    """The same, over claims already loaded (live, one article), in reading order."""
    return _overlapping(live, _disagree)


def find_agreements(live: list[Appearance]) -> list[Disagreement]:
    """The overlapping pairs of claims already loaded (live, one article) that the
    disagreements would be but for their one verdict, in reading order."""
    return _overlapping(live, _agree)


def _overlapping(live: list[Appearance], related: Callable[[Appearance, Appearance], bool]
                 ) -> list[Disagreement]:
    """The pairs of *live* places sharing words that are *related*, in reading order.

    Sorted by start, each claim is compared only with those that begin before it
    ends: O(n + overlapping pairs), not O(n²), on long articles.
    """
    found: list[Disagreement] = []
    live = sorted(live, key=order)
    count = len(live)
    for i, a in enumerate(live):
        j = i + 1
        while j < count and live[j].start < a.end:
            b = live[j]
            if b.start < b.end and related(a, b):  # an empty span overlaps nothing
                found.append(Disagreement(a, b))
            j += 1
    return found


class DisagreementIndex:
    """An article's live places and the disagreements among them, kept up to date one
    changed place at a time (:meth:`update`), in the order :func:`find_disagreements`
    gives.

    The disagreements are found the first time they are asked for (the app asks only
    while their panel is open); until then an update costs a dictionary entry. After
    that, places are kept sorted by start, and those overlapping a changed place are
    found by bisecting for starts within the longest place's length before it, so an
    update reads the neighbourhood of the place, not the article.
    """

    def __init__(self, article_id: str | None, live: Iterable[Appearance] = ()):
        self.article_id = article_id
        self._places: dict[str, Appearance] = {p.id: p for p in live if self._belongs(p)}
        self._annotators: Counter[str] = Counter(p.annotator for p in self._places.values())
        self._paired = False
        self._starts: list[tuple[int, str]] = []  # (start, id), sorted
        self._lengths: Counter[int] = Counter()
        self._partners: dict[str, set[str]] = {}
        self._rows: list[Disagreement] = []  # sorted by pair_order

    def _belongs(self, place: Appearance) -> bool:
        return place.article_id == self.article_id and not place.is_deleted

    def _pair_all(self) -> None:
        if self._paired:
            return
        self._paired = True
        places = list(self._places.values())
        self._lengths = Counter(p.end - p.start for p in places)
        self._starts = with_room(sorted((p.start, p.id) for p in places))
        for d in find_disagreements(places):  # in pair_order already
            self._pair(d)
        with_room(self._rows)  # (edits insert into both)

    # -- reading -----------------------------------------------------------------------
    def disagreements(self) -> list[Disagreement]:
        """Every disagreement, in reading order of the first place, then the second."""
        self._pair_all()
        return with_room(list(self._rows))  # (a panel showing them inserts the edits' pairs)

    def annotators(self) -> list[str]:
        """Everyone with live words in the article, alphabetically."""
        return sorted(self._annotators)

    def __len__(self) -> int:
        return len(self._places)

    def overlapping(self, start: int, end: int) -> list[Appearance]:
        """The live places sharing at least one code point with [start, end)."""
        self._pair_all()
        if not self._lengths or end <= start:
            return []
        longest = max(self._lengths)
        low = bisect.bisect_left(self._starts, (start - longest + 1, ""))
        high = bisect.bisect_left(self._starts, (end, ""))
        found = []
        for _, place_id in self._starts[low:high]:
            place = self._places[place_id]
            if place.end > start and place.start < place.end:
                found.append(place)
        return found

    # -- changing ----------------------------------------------------------------------
    def update(self, place: Appearance) -> tuple[list[Disagreement], list[Disagreement]]:
        """Take one place as it is now (new, changed, moved, deleted, or of another
        article); returns the disagreements it (added, removed). A pair that holds before
        and after is in both: its places are not the same records any more. Before the
        disagreements were first asked for, both are empty."""
        removed = self._forget(place.id)
        added: list[Disagreement] = []
        if self._belongs(place):
            if self._paired:
                for other in self.overlapping(place.start, place.end):
                    if _disagree(place, other):
                        first, second = sorted((place, other), key=order)
                        added.append(self._pair(Disagreement(first, second), keep_sorted=True))
                bisect.insort(self._starts, (place.start, place.id))
                self._lengths[place.end - place.start] += 1
            self._places[place.id] = place
            self._annotators[place.annotator] += 1
        return added, removed

    def _forget(self, place_id: str) -> list[Disagreement]:
        """Take a place and its disagreements out; returns those disagreements."""
        place = self._places.pop(place_id, None)
        if place is None:
            return []
        _drop(self._annotators, place.annotator)
        if not self._paired:
            return []
        del self._starts[bisect.bisect_left(self._starts, (place.start, place.id))]
        _drop(self._lengths, place.end - place.start)
        removed = []
        for other_id in self._partners.pop(place_id, set()):
            self._partners[other_id].discard(place_id)
            if not self._partners[other_id]:
                del self._partners[other_id]
            other = self._places[other_id]
            first, second = sorted((place, other), key=order)
            at = bisect.bisect_left(self._rows, (order(first), order(second)), key=pair_order)
            removed.append(self._rows.pop(at))
        return removed

    def _pair(self, d: Disagreement, *, keep_sorted: bool = False) -> Disagreement:
        self._partners.setdefault(d.first.id, set()).add(d.second.id)
        self._partners.setdefault(d.second.id, set()).add(d.first.id)
        if keep_sorted:
            self._rows.insert(bisect.bisect_left(self._rows, pair_order(d), key=pair_order), d)
        else:
            self._rows.append(d)
        return d


def _drop(counter: Counter, key: object) -> None:
    counter[key] -= 1
    if not counter[key]:
        del counter[key]
