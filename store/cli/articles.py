"""Commands on articles: ``import``, ``articles``, ``article``."""

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


def _article_arguments(p: Parser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="article id or unambiguous prefix")
    for field in articles.METADATA_FIELDS:
        p.add_argument(f"--{field}", metavar=field.upper(),
                       help={"published": "publication date, YYYY-MM-DD",
                             "language": "ar, en, ..."}.get(field))


@command("article", "show an article's details, or change them (--title, --outlet, --url, "
                    "--published, --language)", arguments=_article_arguments, shaped=True)
def cmd_article(args: argparse.Namespace, out: TextIO) -> int:
    shape = shaper(args, out)
    changes = {field: getattr(args, field) for field in articles.METADATA_FIELDS
               if getattr(args, field) is not None}
    with open_project(args, create=False) as project:
        article = articles.resolve_article(project, args.article)
        if changes:
            article = articles.update_metadata(project, article.id, **changes)
        print(f"id\t{article.id}", file=out)
        for field in articles.METADATA_FIELDS:
            print(f"{field}\t{shape(flat(getattr(article, field)))}", file=out)
    return 0
