"""Commands on articles: ``import``, ``articles``."""

from __future__ import annotations

import argparse
from typing import TextIO

from store.cli.commands import Parser, command, flat, open_project, shaper
from store.core import articles, labels
from store.exchange import importing


def _import_arguments(p: Parser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE")


@command("import", "add article files to the project", arguments=_import_arguments)
def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    with open_project(args, create=True) as project:
        for name in args.files:
            outcome = importing.import_file(project, name)
            print(f"{outcome.article.id}\t{outcome.article.title}", file=out)
    return 0


@command("articles", "list articles with their claims per label", shaped=True)
def cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        keys = [label.key for label in labels.list_labels(project)]
        counts = articles.claim_counts(project)
        for row in articles.list_articles(project):
            per_label = counts.get(row["id"], {})
            summary = " ".join(f"{k}={per_label.get(k, 0)}" for k in keys)
            print(f"{row['id']}\t{shape(flat(row['title']))}\t{summary}", file=out)
    return 0
