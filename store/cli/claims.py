"""Commands on claims: ``tag``, ``claims``."""

from __future__ import annotations

import argparse
from typing import TextIO

from store.cli.commands import (
    Parser,
    article_id,
    command,
    flat,
    open_project,
    positive,
    shaper,
)
from store.core import articles, claims, labels


def _tag_arguments(p: Parser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="article id or unambiguous prefix")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--occurrence", type=positive, default=1, metavar="N")
    p.add_argument("--label", required=True, metavar="NAME")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--source", action="append", metavar="URL")


@command("tag", "tag the Nth occurrence of a quote; prints the claim id",
         arguments=_tag_arguments)
def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    with open_project(args, create=False) as project:
        article = articles.resolve_article(project, args.article)
        label = labels.find_label(project, args.label)
        claim = claims.tag_quote(project, article.id, args.quote, label.key,
                                 occurrence=args.occurrence, note=args.note or "",
                                 sources=args.source or [])
        print(claim.id, file=out)
    return 0


def _claims_arguments(p: Parser) -> None:
    p.add_argument("article", nargs="?", metavar="ARTICLE")


@command("claims", "list claims: id, label, start, end, annotator, quote, note",
         arguments=_claims_arguments, shaped=True)
def cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        for claim in claims.list_claims(project, article_id(project, args)):
            print("\t".join([claim.id, claim.label, str(claim.start), str(claim.end),
                             claim.annotator, shape(flat(claim.quote)),
                             shape(flat(claim.note))]), file=out)
    return 0
