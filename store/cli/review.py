"""Commands for reviewers: ``review``, ``history``, ``agreement``, ``summary``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from store.cli.commands import (
    Parser,
    article_id,
    command,
    flat,
    harmless,
    named,
    one_line,
    open_project,
    shaper,
    tell,
)
from store.errors import TahqiqError

if TYPE_CHECKING:
    from store.core.project import Project


def _review_arguments(p: Parser) -> None:
    p.add_argument("claim", metavar="CLAIM", help="claim id or unambiguous prefix")
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true", help="accept the claim's verdict")
    decision.add_argument("--reject", action="store_true", help="reject the claim's verdict")
    p.add_argument("--comment", metavar="TEXT", help="filed with the review")


@command("review", "accept or reject a claim, with an optional comment",
         arguments=_review_arguments)
def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import claims
    from store.review import reviews

    with open_project(args, create=False) as project:
        claim = claims.resolve_claim(project, args.claim)
        review = reviews.review_claim(project, claim.id, "accept" if args.accept else "reject",
                                      args.comment or "")
        print(review.id, file=out)
    return 0


def _history_arguments(p: Parser) -> None:
    p.add_argument("claim", metavar="CLAIM", help="claim id or unambiguous prefix")


@command("history", "every change to a claim: when (UTC), who, what",
         arguments=_history_arguments, shaped=True)
def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import claims, history
    from store.review import story

    shape = shaper(args, out, "L")  # (AT  WHO  ACTION  summary, whoever WHO is)
    with open_project(args, create=False) as project:
        claim = claims.resolve_claim(project, args.claim)
        entries = history.for_claim(project, claim.id)
        note_by, edited_by = story.note_writers(entries), story.conflict_editors(entries)
        for entry in entries:
            print(shape(one_line(story.describe(entry, note_by.get(entry.id), claim.id,
                                                edited_by.get(entry.id)))), file=out)
    return 0


def _article_after_names(project: Project, args: argparse.Namespace) -> None:
    """``--annotators A B ARTICLE``: argparse gives the article to the names, and the
    report counted a third annotator who never tagged anything. The last name is the
    ARTICLE when none was given, no one of that name tagged words, and it names exactly
    one article."""
    from store.core import appearances, articles

    names = args.annotators or []
    if args.article is not None or len(names) < 2:
        return
    if names[-1] in appearances.annotators(project):
        return
    try:
        articles.resolve_article(project, names[-1])
    except TahqiqError:
        return
    args.article, args.annotators = names[-1], names[:-1]


def _agreement_arguments(p: Parser) -> None:
    p.add_argument("article", nargs="?", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix (default: the whole project)")
    p.add_argument("--annotators", nargs="+", metavar="NAME",
                   help="compare these annotators only (default: everyone with claims)")


@command("agreement", "inter-annotator agreement: counts, percent, kappa, alpha",
         arguments=_agreement_arguments)
def cmd_agreement(args: argparse.Namespace, out: TextIO) -> int:
    from store.review import agreement, reviews

    with open_project(args, create=False) as project:
        _article_after_names(project, args)
        report = agreement.agreement(project, article_id(project, args),
                                     args.annotators or None)
        for name in report.annotators:  # a name mistyped would count as no claims
            if not report.claims.get(name):
                tell("note", f"{name} has no claims here")
        for names in reviews.same_people(report.annotators):  # one person, two spellings
            tell("note", f"{' and '.join(names)} may be one person's name written "
                         "differently: they are compared as two annotators")
        for line in report.lines(flat):  # (a name on one line: each figure on its own)
            print(harmless(line), file=out)
    return 0


def _summary_arguments(p: Parser) -> None:
    p.add_argument("--since", metavar="DAY", default="", type=_day,
                   help="count only the claims tagged on this day (UTC, YYYY-MM-DD) or later")


def _day(text: str) -> str:
    """A usage mistake (exit status 2), as every option's value that is not one."""
    from store.review import summary

    if text.strip() and not summary.is_day(text.strip()):  # ("": argparse types its default)
        raise argparse.ArgumentTypeError(f"not a day written YYYY-MM-DD: {text!r}")
    return summary.as_day(text)


@command("summary", "the project in figures: articles, claims by verdict and by annotator, "
                    "reviews; each claim counted once, wherever it appears",
         arguments=_summary_arguments, shaped=True)
def cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    from store.review import summary

    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        figures = summary.project_summary(project, args.since)
        for line in figures.lines(shown=lambda text: shape(flat(text))):
            print(harmless(line), file=out)
    return 0
