"""The project in figures: what an editor asks of a desk's week.

How many claims, of which verdict, tagged by whom, reviewed or not, and which articles
nobody has tagged yet. Each claim counts once wherever it appears: the article list
counts per article and a CSV has a row per place, so their figures added up counted a
claim tagged in two articles twice, and the project's own totals were nowhere (rv114).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from store.core.articles import list_articles
from store.core.labels import list_labels, with_gone
from store.core.project import Project
from store.core.records import Label
from store.errors import InvalidDay, Message
from store.review.reviews import CURRENT_DECISIONS_SQL
from store.text.fold import WESTERN_DIGITS

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@dataclass(frozen=True)
class ProjectSummary:
    """The figures; *since* (a UTC day, YYYY-MM-DD, or "") limits the claims counted to
    those tagged that day or later."""

    since: str
    articles: int
    untagged: list[tuple[str, str]]  # (id, title) of the articles with no claim, in order
    claims: int
    places: int
    by_label: list[tuple[Label, int]]  # every label, in the project's order
    by_annotator: list[tuple[str, int]]  # the most first
    accepted: int
    rejected: int
    unreviewed: int
    changed_after_review: int  # among the unreviewed: their reviewed verdict changed since

    def lines(self, label_name: Callable[[Label], str] = lambda label: label.key,
              shown: Callable[[str], str] = str) -> list[Message]:
        """The summary, a line each; indented lines are a name and its figure. *shown*
        sets a name or a title among the other words (the window isolates them)."""
        out = [Message("Articles: {count}", count=self.articles),
               Message("  with no claim yet: {count}", count=len(self.untagged))]
        if self.since:
            out.append(Message("Claims tagged since {day} (UTC): {count}", day=self.since,
                               count=self.claims))
        else:
            out.append(Message("Claims: {count}", count=self.claims))
        out.append(Message("  places they are tagged at: {count}", count=self.places))
        out.append(Message("By verdict:"))
        out += [Message("  {label}: {count}", label=label_name(label), count=count)
                for label, count in self.by_label]
        out.append(Message("By annotator:"))
        out += [Message("  {name}: {count}", name=shown(name), count=count)
                for name, count in self.by_annotator]
        out.append(Message("Reviews:"))
        out += [Message("  accepted: {count}", count=self.accepted),
                Message("  rejected: {count}", count=self.rejected),
                Message("  not yet reviewed: {count}", count=self.unreviewed),
                Message("  of them, reviewed before their verdict changed: {count}",
                        count=self.changed_after_review)]
        if self.untagged:
            out.append(Message("Articles with no claim yet:"))
            out += [Message("  {title}", title=shown(title)) for _, title in self.untagged]
        return out


def project_summary(project: Project, since: str = "") -> ProjectSummary:
    """The project's figures (see ProjectSummary); *since* is checked to be a day."""
    since = as_day(since)
    if since and not is_day(since):
        raise InvalidDay("The day to count from is written YYYY-MM-DD, not {day}.", day=since)
    rows = project.execute(  # (tuples: rows as dicts were half of 0.6 s at 50,000 claims)
        "SELECT c.id, c.label, c.annotator, count(a.id) FROM claims c "
        "JOIN appearances a ON a.claim_id = c.id AND a.deleted IS NULL "
        "JOIN articles r ON r.id = a.article_id AND r.deleted IS NULL "
        "WHERE c.deleted IS NULL AND c.created >= ? GROUP BY c.id", [since]).fetchall()
    labels = Counter(label for _, label, _, _ in rows)
    annotators = Counter(annotator for _, _, annotator, _ in rows)
    claims = [claim_id for claim_id, _, _, _ in rows]
    places = sum(count for _, _, _, count in rows)
    standing = dict(project.execute(CURRENT_DECISIONS_SQL).fetchall())
    reviewed = {claim_id for (claim_id,) in project.execute(
        "SELECT DISTINCT claim_id FROM reviews")}
    decided = Counter(standing[c] for c in claims if c in standing)
    tagged = {article_id for (article_id,) in project.execute(
        "SELECT DISTINCT a.article_id FROM appearances a JOIN claims c ON c.id = a.claim_id "
        "WHERE a.deleted IS NULL AND c.deleted IS NULL")}
    articles = list_articles(project)  # (the article list's order, from its index)
    return ProjectSummary(
        since=since, articles=len(articles),
        untagged=[(a["id"], a["title"]) for a in articles if a["id"] not in tagged],
        claims=len(claims), places=places,
        by_label=[(label, labels[label.key])  # (a verdict whose label is gone too: rv288)
                  for label in with_gone(list_labels(project), labels)],
        by_annotator=sorted(annotators.items(), key=lambda item: (-item[1], item[0])),
        accepted=decided["accept"], rejected=decided["reject"],
        unreviewed=len(claims) - decided.total(),
        changed_after_review=sum(1 for c in claims if c in reviewed and c not in standing))


def as_day(text: str) -> str:
    """*text* as a day is compared with the stored times: stripped, its Arabic-Indic or
    Persian digits written 0-9, as an Arabic keyboard types them and an article's
    «published» field takes them (rv134)."""
    return text.strip().translate(WESTERN_DIGITS)


def is_day(text: str) -> bool:
    """Whether *text* is a day written YYYY-MM-DD (a real one: no 30 February), in any
    of the digits :func:`as_day` reads."""
    text = as_day(text)
    if not _DAY.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
