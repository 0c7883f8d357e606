"""Where two annotators tagged overlapping words with different verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from store.core import appearances
from store.core.project import Project
from store.core.records import Appearance


@dataclass(frozen=True, slots=True)
class Disagreement:
    first: Appearance  # the one that starts first (then the earlier-created)
    second: Appearance

    @property
    def span(self) -> tuple[int, int]:
        """The words both claims cover."""
        return max(self.first.start, self.second.start), min(self.first.end, self.second.end)


def disagreements(project: Project, article_id: str) -> list[Disagreement]:
    """Every overlapping pair of live claims by different annotators with different labels."""
    return find_disagreements(appearances.list_appearances(project, article_id))


def find_disagreements(live: list[Appearance]) -> list[Disagreement]:
    """The same, over claims already loaded (live, one article).

    Sorted by start, each claim is compared only with those that begin before it
    ends: O(n + pairs), not O(n²), on long articles.
    """
    found: list[Disagreement] = []
    live = sorted(live, key=lambda c: (c.start, c.end, c.created))
    for i, a in enumerate(live):
        for b in live[i + 1:]:
            if b.start >= a.end:
                break
            if a.annotator != b.annotator and a.label != b.label:
                found.append(Disagreement(a, b))
    return found
