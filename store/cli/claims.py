"""Commands on claims: ``tag``, ``claims``, ``claim``, ``move``, ``matches``."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from store.cli.commands import (
    Parser,
    UsageError,
    article_id,
    command,
    flat,
    named,
    open_project,
    positive,
    shaper,
    tell,
)

if TYPE_CHECKING:
    from store.core.project import Project
    from store.core.records import Appearance

QUOTE_HELP = ("the words to tag, as in the article (harakat, hamza forms and digit styles "
              "may differ); a quote that begins with '-' is written --quote=-3.5%%")


def _tag_arguments(p: Parser) -> None:
    p.add_argument("article", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix")
    p.add_argument("--quote", required=True, metavar="TEXT", help=QUOTE_HELP)
    p.add_argument("--occurrence", type=positive, default=1, metavar="N",
                   help="tag the Nth place the quote appears (default: 1)")
    p.add_argument("--label", metavar="NAME", help="the verdict (needed unless --same-as)")
    p.add_argument("--same-as", metavar="CLAIM",
                   help="add the words to this claim (its verdict, note and sources)")
    p.add_argument("--note", metavar="TEXT", help="why this verdict (a note starting with "
                   "'-' is written --note=TEXT)")
    p.add_argument("--source", action="append", metavar="URL",
                   help="an http(s) link to the evidence; repeat for more")


@command("tag", "tag the Nth occurrence of a quote; prints the claim id",
         arguments=_tag_arguments)
def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import appearances, articles, claims, interrupts, labels

    if args.label is None and args.same_as is None:
        raise UsageError("give the verdict with --label, or the claim with --same-as")
    if args.same_as is not None and (args.note or args.source):
        raise UsageError("--note and --source belong to the claim: change them with "
                         "'tahqiq claim'")
    with open_project(args, create=False) as project:
        article = articles.resolve_article(project, args.article)
        label = labels.find_label(project, args.label).key if args.label else None
        same_as = claims.resolve_claim(project, args.same_as).id if args.same_as else None
        with interrupts.reported():  # (Ctrl-C after the commit: the id saved is printed)
            tagged = appearances.tag_quote(project, article.id, args.quote, label,
                                           occurrence=args.occurrence, note=args.note or "",
                                           sources=args.source or [], same_as=same_as)
            if same_as is not None:
                _note_other_words(project, tagged)
            print(tagged.claim_id, file=out)
    return 0


def _note_other_words(project: Project, tagged: Appearance) -> None:
    """A note when words joined to a claim read otherwise than its words elsewhere (25%
    joined to a claim of 20%): they now show its verdict, which the person may not
    mean; the matcher would not have offered them."""
    from store.core import appearances
    from store.text.fold import fold_for_index

    def words(text: str) -> list[str]:
        return "".join(ch if ch.isalnum() else " " for ch in fold_for_index(text)).split()

    others = [p for p in appearances.appearances_of(project, tagged.claim_id)
              if p.id != tagged.id]
    if others and all(words(p.quote) != words(tagged.quote) for p in others):
        tell("note", f"these words («{tagged.quote}») read otherwise than the claim's "
                     f"(«{others[0].quote}»); they now show its verdict, "
                     f"{tagged.label}")


def _claims_arguments(p: Parser) -> None:
    p.add_argument("article", nargs="?", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix (default: every article)")
    p.add_argument("--unreviewed", action="store_true",
                   help="only the claims no review stands for: never reviewed, or reviewed "
                        "before their verdict changed (an editor's list to go through)")


@command("claims", "list claims where they appear: claim id, label, start, end, annotator, "
                   "quote, note, appearances of the claim, appearance id",
         arguments=_claims_arguments, shaped=True)
def cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import appearances

    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        counts = Counter(a.claim_id for a in appearances.list_appearances(project))
        from store.review.reviews import current_reviews

        standing = current_reviews(project) if args.unreviewed else {}
        for place in appearances.list_appearances(project, article_id(project, args)):
            if args.unreviewed and place.claim_id in standing:
                continue
            print("\t".join([flat(place.claim_id), place.label, str(place.start),
                             str(place.end), flat(place.annotator), shape(flat(place.quote)),
                             shape(flat(place.note)), str(counts[place.claim_id]),
                             flat(place.id or "")]), file=out)
            # (ids: another program's too, NULL among them, which `check` names)
    return 0


def _claim_arguments(p: Parser) -> None:
    p.add_argument("claim", metavar="CLAIM", help="claim id or unambiguous prefix")
    p.add_argument("--label", metavar="NAME", help="the new verdict")
    p.add_argument("--note", metavar="TEXT", help="the new note ('' clears it)")
    p.add_argument("--source", action="append", metavar="URL",
                   help="the sources, all of them (repeat for each; --source '' clears)")
    whole = p.add_mutually_exclusive_group()
    whole.add_argument("--delete", action="store_true",
                       help="delete the claim wherever it appears")
    whole.add_argument("--restore", action="store_true",
                       help="bring a deleted claim back wherever it appeared (one a "
                            "colleague deleted too)")


@command("claim", "change a claim's verdict, note or sources, delete it or restore it; "
                  "prints the claim id", arguments=_claim_arguments)
def cmd_claim(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import appearances, claims, interrupts, labels

    changing = args.label is not None or args.note is not None or args.source is not None
    if (args.delete or args.restore) and changing:
        raise UsageError(f"--{'delete' if args.delete else 'restore'} cannot be combined "
                         "with --label, --note or --source")
    if not (args.delete or args.restore) and not changing:
        raise UsageError("nothing to change: give --label, --note, --source, --delete or "
                         "--restore")
    with open_project(args, create=False) as project:
        claim = claims.resolve_claim(project, args.claim)
        with interrupts.reported():  # (Ctrl-C after the commit: the change is told)
            if args.delete:
                claims.delete_claim(project, claim.id)
            elif args.restore:
                appearances.restore_claim(project, claim.id,
                                          refused=lambda exc: tell("note", str(exc)))
            else:
                label = labels.find_label(project, args.label).key if args.label else None
                sources = [s for s in args.source if s.strip()] if args.source is not None \
                    else None
                claims.update_claim(project, claim.id, label=label, note=args.note,
                                    sources=sources)
            print(claim.id, file=out)
    return 0


def _move_arguments(p: Parser) -> None:
    p.add_argument("place", metavar="PLACE", type=named,
                   help="the place's id (the last column of 'tahqiq claims'; a claim's id "
                        "names its first place) or an unambiguous prefix")
    p.add_argument("--quote", required=True, metavar="TEXT",
                   help="the words it should hold, in its article (harakat, hamza forms and "
                        "digit styles may differ); a quote that begins with '-' is written "
                        "--quote=-3.5%%")
    p.add_argument("--occurrence", type=positive, default=1, metavar="N",
                   help="the Nth place the quote appears (default: 1)")


@command("move", "move a place of your claim to other words of its article, its verdict, "
                 "note, sources and review kept; prints the place id",
         arguments=_move_arguments)
def cmd_move(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import appearances, articles

    with open_project(args, create=False) as project:
        place = appearances.resolve_place(project, args.place)
        article = articles.get_article(project, place.article_id)
        start, end = appearances.quote_span(article.text, args.quote, args.occurrence)
        print(appearances.move(project, place.id, start, end).id, file=out)
    return 0


def _matches_arguments(p: Parser) -> None:
    from store.text.matching import DEFAULT_MIN_SCORE

    p.add_argument("article", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix")
    p.add_argument("--min-score", type=_score, default=DEFAULT_MIN_SCORE, metavar="S",
                   help=f"the least score shown, 0 to 1 (default {DEFAULT_MIN_SCORE})")


@command("matches", "claims checked elsewhere that appear in ARTICLE: START, END, CLAIM, "
                    "LABEL, SCORE, TEXT, best first", arguments=_matches_arguments,
         shaped=True)
def cmd_matches(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import articles, known_claims

    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        article = articles.resolve_article(project, args.article)
        for hit in known_claims.find_known_claims(project, article.id,
                                                  min_score=args.min_score):
            print("\t".join([str(hit.start), str(hit.end), hit.claim_id, hit.claim.label,
                             f"{hit.suggestion.score:.3f}",
                             shape(flat(article.text[hit.start:hit.end]))]), file=out)
    return 0


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not 0 <= score <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return score
