"""The project in figures (Review ▸ Summary, `tahqiq summary`): each claim once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store.core import appearances, article_deletion, claims
from store.errors import InvalidDay
from store.exchange.importing import import_text
from store.review import reviews, summary


@pytest.fixture
def desk(project):
    """Three articles, claims by two checkers (one claim at places in two articles, one
    deleted, one in an article since deleted), reviews by an editor, one verdict changed
    after its review."""
    first = import_text(project, "The treaty is the strongest ever, the minister said. "
                                 "Russia vetoed the resolution in March.", title="A").article
    second = import_text(project, "Again: the treaty is the strongest ever.", title="B").article
    import_text(project, "Nobody has tagged this article yet.", title="C")
    gone = import_text(project, "An article deleted later, strongest words.", title="D").article
    project.annotator = "huda"
    strongest = appearances.tag_quote(project, first.id, "the strongest ever", "disputed")
    appearances.tag_quote(project, second.id, "the strongest ever", None,
                          same_as=strongest.claim_id)
    vetoed = appearances.tag_quote(project, first.id, "vetoed the resolution", "verified")
    project.annotator = "badr"
    march = appearances.tag_quote(project, first.id, "in March", "verified")
    dropped = appearances.tag_quote(project, first.id, "the minister said", "disputed")
    claims.delete_claim(project, dropped.claim_id)
    appearances.tag_quote(project, gone.id, "strongest words", "disputed")
    article_deletion.delete_article(project, gone.id)
    project.annotator = "rania"
    reviews.review_claim(project, strongest.claim_id, "accept")
    reviews.review_claim(project, vetoed.claim_id, "reject", "no source")
    reviews.review_claim(project, march.claim_id, "accept")
    project.annotator = "badr"
    claims.update_claim(project, march.claim_id, label="disputed")  # after its review
    return project


def test_each_claim_counts_once_wherever_it_appears(desk):
    """Added up per article (or per CSV row), the claim tagged in A and B counted twice,
    a deleted one's and a deleted article's not at all, and a verdict changed after its
    acceptance read as accepted (rv114)."""
    figures = summary.project_summary(desk)
    assert (figures.articles, figures.claims, figures.places) == (3, 3, 4)
    assert [(label.key, n) for label, n in figures.by_label] == [
        ("unchecked", 0), ("verified", 1), ("disputed", 2)]
    assert figures.by_annotator == [("huda", 2), ("badr", 1)]
    assert (figures.accepted, figures.rejected, figures.unreviewed,
            figures.changed_after_review) == (1, 1, 1, 1)
    assert [title for _, title in figures.untagged] == ["C"]


def test_since_a_day_counts_the_claims_tagged_from_that_day(desk):
    assert summary.project_summary(desk, "2000-01-01").claims == 3
    later = summary.project_summary(desk, "2999-12-31")
    assert (later.claims, later.places, later.by_annotator) == (0, 0, [])
    assert later.articles == 3  # (articles are counted whole)
    with pytest.raises(InvalidDay, match="written YYYY-MM-DD, not 2026-02-30"):
        summary.project_summary(desk, "2026-02-30")


def test_the_command_line_prints_the_figures(desk, tmp_path):
    path = desk.path
    desk.close()
    exe = Path(sys.executable).parent / "tahqiq"
    result = subprocess.run([str(exe), "summary", "--project", str(path)],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Articles: 3", "  with no claim yet: 1", "Claims: 3",
        "  places they are tagged at: 4", "By verdict:", "  unchecked: 0", "  verified: 1",
        "  disputed: 2", "By annotator:", "  huda: 2", "  badr: 1", "Reviews:",
        "  accepted: 1", "  rejected: 1", "  not yet reviewed: 1",
        "  of them, reviewed before their verdict changed: 1",
        "Articles with no claim yet:", "  C"]
    bad = subprocess.run([str(exe), "summary", "--since", "last week", "--project",
                          str(path)], capture_output=True, text=True, encoding="utf-8",
                         timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1  # (a usage mistake)
    assert "not a day written YYYY-MM-DD" in bad.stderr


def test_the_claims_no_review_stands_for_are_listed(desk):
    """`tahqiq claims --unreviewed`: the editor's list to go through — the claims never
    reviewed and those reviewed before their verdict changed, at each of their places."""
    path = desk.path
    desk.close()
    exe = Path(sys.executable).parent / "tahqiq"
    result = subprocess.run([str(exe), "claims", "--unreviewed", "--project", str(path)],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[5] for line in result.stdout.splitlines()] == ["in March"]
    every = subprocess.run([str(exe), "claims", "--project", str(path)], capture_output=True,
                           text=True, encoding="utf-8", timeout=120)
    assert len(every.stdout.splitlines()) == 4


def test_since_takes_a_day_in_arabic_indic_digits(desk):
    """«٢٠٢٦-١٢-٠٥» typed on an Arabic keyboard is the day an article's «published» field
    takes as one (rv98); --since refused it as «not a day written YYYY-MM-DD» (rv134)."""
    from store.cli.review import _day

    assert summary.is_day("٢٠٠٠-٠١-٠١") and summary.is_day("۲۰۰۰-۰۱-۰۱")
    assert _day(" ٢٠٠٠-٠١-٠١ ") == "2000-01-01"
    assert summary.project_summary(desk, "٢٠٠٠-٠١-٠١").since == "2000-01-01"
    assert summary.project_summary(desk, "٢٠٠٠-٠١-٠١").claims == 3
    assert not summary.is_day("2026-12-5")


def test_history_says_its_times_are_utc():
    from store.cli import main  # noqa: F401 - (its import registers every command)
    from store.cli.commands import COMMANDS

    assert "UTC" in COMMANDS["history"].help
