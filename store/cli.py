"""The ``tahqiq`` command line: everything the app does to a project, from a terminal.

Errors are one line on stderr, ``tahqiq: error: ...``; exit status 2 for usage
mistakes, 1 for everything else. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from store import articles, claims, importing, labels, seeding
from store.errors import TahqiqError
from store.paths import default_project_path
from store.project import Project, default_annotator

Handler = Callable[[argparse.Namespace, TextIO], int]
COMMANDS: dict[str, Handler] = {}
_HELP: dict[str, str] = {}


class UsageError(Exception):
    """Wrong command-line words: exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def command(name: str, help_text: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        _HELP[name] = help_text
        return handler

    return register


# -- opening the project -------------------------------------------------------------------
def open_project(args: argparse.Namespace, *, create: bool) -> Project:
    """The --project file, or the default project (seeded on first use)."""
    annotator = getattr(args, "annotator", None) or default_annotator()
    if not args.project:
        return seeding.open_or_create(default_project_path(), annotator)
    path = Path(args.project).expanduser()
    if not create and not path.exists():
        raise TahqiqError("No project at {path}.", path=str(path))
    return Project.open(path, annotator)


def _article_id(project: Project, args: argparse.Namespace) -> str | None:
    """The ARTICLE argument resolved (an id prefix is enough), or None for all articles."""
    return articles.resolve_article(project, args.article).id if args.article else None


def _shape(args: argparse.Namespace, out: TextIO) -> Callable[[str], str]:
    """Terminals cannot shape Arabic: reorder and join it for them, never for pipes."""
    mode = getattr(args, "shape", "auto")
    if mode == "always" or (mode == "auto" and out.isatty()):
        from store.arabic import display_for_terminal

        return display_for_terminal
    return lambda text: text


def _flat(text: str) -> str:
    """One line, so each record stays on its own line in a terminal or a pipe."""
    return " ".join(text.split())


# -- commands ------------------------------------------------------------------------------
@command("import", "add article files to the project")
def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    with open_project(args, create=True) as project:
        for name in args.files:
            outcome = importing.import_file(project, name)
            print(f"{outcome.article.id}\t{outcome.article.title}", file=out)
    return 0


@command("articles", "list articles with their claims per label")
def cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    shape = _shape(args, out)
    with open_project(args, create=False) as project:
        keys = [label.key for label in labels.list_labels(project)]
        counts = articles.claim_counts(project)
        for row in articles.list_articles(project):
            per_label = counts.get(row["id"], {})
            summary = " ".join(f"{k}={per_label.get(k, 0)}" for k in keys)
            print(f"{row['id']}\t{shape(_flat(row['title']))}\t{summary}", file=out)
    return 0


@command("tag", "tag the Nth occurrence of a quote; prints the claim id")
def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    with open_project(args, create=False) as project:
        article = articles.resolve_article(project, args.article)
        label = labels.find_label(project, args.label)
        claim = claims.tag_quote(project, article.id, args.quote, label.key,
                                 occurrence=args.occurrence, note=args.note or "",
                                 sources=args.source or [])
        print(claim.id, file=out)
    return 0


@command("claims", "list claims: id, label, start, end, annotator, quote, note")
def cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    shape = _shape(args, out)
    with open_project(args, create=False) as project:
        article_id = _article_id(project, args)
        for claim in claims.list_claims(project, article_id):
            print("\t".join([claim.id, claim.label, str(claim.start), str(claim.end),
                             claim.annotator, shape(_flat(claim.quote)),
                             shape(_flat(claim.note))]), file=out)
    return 0


@command("export", "export claims as csv, json, w3c or claimreview; an article's review "
                   "packet as pdf or html")
def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from store import exporting

    with open_project(args, create=False) as project:
        article_id = _article_id(project, args)
        if args.format in PACKET_FORMATS:
            return _export_packet(project, args, article_id, out)
        if args.output and args.output != "-":
            exporting.export_file(project, args.format, args.output, article_id)
        else:
            data = exporting.export_bytes(project, args.format, article_id)
            out.flush()
            buffer = getattr(out, "buffer", None)
            if buffer is not None:
                buffer.write(data)
                buffer.flush()
            else:
                out.write(data.decode("utf-8"))
    return 0


PACKET_FORMATS = ("pdf", "html")


def _export_packet(project: Project, args: argparse.Namespace, article_id: str | None,
                   out: TextIO) -> int:
    from store import packet

    if article_id is None:
        listed = articles.list_articles(project)
        if len(listed) != 1:
            raise UsageError(f"--format {args.format} makes a review packet of one article: "
                             "name the ARTICLE")
        article_id = listed[0]["id"]
    if not args.output or args.output == "-":
        if args.format == "pdf":
            raise UsageError("--format pdf needs -o FILE")
        print(packet.packet_html(project, article_id, args.lang), file=out)
        return 0
    if args.format == "html":
        packet.write_packet_html(project, article_id, args.output, args.lang)
    else:
        from store.packet_pdf import write_packet_pdf

        write_packet_pdf(project, article_id, args.output, args.lang)
    return 0


@command("merge", "bring in a colleague's .tahqiq project or Tahqiq CSV")
def cmd_merge(args: argparse.Namespace, out: TextIO) -> int:
    from store import merge

    with open_project(args, create=False) as project:
        summary = merge.merge_file(project, args.file)
        for line in summary.lines():
            print(line, file=out)
    return 0


@command("review", "accept or reject a claim, with an optional comment")
def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    from store import reviews

    with open_project(args, create=False) as project:
        claim = claims.resolve_claim(project, args.claim)
        review = reviews.review_claim(project, claim.id, "accept" if args.accept else "reject",
                                      args.comment or "")
        print(review.id, file=out)
    return 0


@command("history", "every change to a claim: when, who, what")
def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    from store import history, history_text

    shape = _shape(args, out)
    with open_project(args, create=False) as project:
        claim = claims.resolve_claim(project, args.claim)
        for entry in history.for_entity(project, claim.id):
            print(shape(history_text.describe(entry)), file=out)
    return 0


@command("agreement", "inter-annotator agreement: counts, percent, kappa, alpha")
def cmd_agreement(args: argparse.Namespace, out: TextIO) -> int:
    from store import agreement

    with open_project(args, create=False) as project:
        article_id = _article_id(project, args)
        report = agreement.agreement(project, article_id, args.annotators or None)
        for line in report.lines():
            print(line, file=out)
    return 0


@command("labels", "list the project's verdict labels")
def cmd_labels(args: argparse.Namespace, out: TextIO) -> int:
    shape = _shape(args, out)
    with open_project(args, create=False) as project:
        for label in labels.list_labels(project):
            print("\t".join([label.key, label.name_en, shape(label.name_ar), label.color,
                             label.shortcut, str(label.rating)]), file=out)
    return 0


@command("search", "find words in articles, claim quotes and notes (Arabic-aware)")
def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from store import search

    if not search.query_terms(args.query):
        raise UsageError("the search query is blank")
    shape = _shape(args, out)
    with open_project(args, create=False) as project:
        for hit in search.search(project, args.query, args.limit):
            print(f"{hit.article_id}\t{hit.start}\t{hit.end}\t{hit.kind}\t"
                  f"{shape(_flat(hit.context))}", file=out)
    return 0


# -- parsing ---------------------------------------------------------------------------
def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--project", metavar="PATH", default=argparse.SUPPRESS,
                        help="project file (default: the default project)")
    common.add_argument("--annotator", metavar="NAME", default=argparse.SUPPRESS,
                        help="name recorded on changes (default: $TAHQIQ_USER, then your "
                             "user name)")
    parser = Parser(prog="tahqiq", parents=[common],
                    description="Tag, review and exchange fact-checking claims.",
                    epilog="Without a command, 'tahqiq [PROJECT] [--screenshot PNG]' opens the "
                           "app on PROJECT (default: the default project).")
    parser.add_argument("--version", action="version", version=f"tahqiq {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str) -> Parser:
        return sub.add_parser(name, help=_HELP[name], description=_HELP[name],
                              parents=[common])

    add("import").add_argument("files", nargs="+", metavar="FILE")
    add("articles").add_argument("--shape", choices=("auto", "always", "never"),
                                 default="auto", help="shape Arabic for the terminal")
    p = add("tag")
    p.add_argument("article", metavar="ARTICLE", help="article id or unambiguous prefix")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--occurrence", type=_positive, default=1, metavar="N")
    p.add_argument("--label", required=True, metavar="NAME")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--source", action="append", metavar="URL")
    p = add("claims")
    p.add_argument("article", nargs="?", metavar="ARTICLE")
    p.add_argument("--shape", choices=("auto", "always", "never"), default="auto",
                   help="reorder and shape Arabic for a terminal (auto: when stdout is one)")
    p = add("export")
    p.add_argument("article", nargs="?", metavar="ARTICLE")
    p.add_argument("--format", required=True,
                   choices=("csv", "json", "w3c", "claimreview", *PACKET_FORMATS))
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--lang", choices=("en", "ar"), default="en",
                   help="language of the review packet's headings (pdf, html)")
    add("merge").add_argument("file", metavar="FILE")
    p = add("review")
    p.add_argument("claim", metavar="CLAIM", help="claim id or unambiguous prefix")
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true")
    decision.add_argument("--reject", action="store_true")
    p.add_argument("--comment", metavar="TEXT")
    p = add("history")
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--shape", choices=("auto", "always", "never"), default="auto")
    p = add("agreement")
    p.add_argument("article", nargs="?", metavar="ARTICLE")
    p.add_argument("--annotators", nargs="+", metavar="NAME")
    add("labels").add_argument("--shape", choices=("auto", "always", "never"), default="auto")
    p = add("search")
    p.add_argument("query", metavar="QUERY", help='words that must all appear; "quote" a phrase')
    p.add_argument("--limit", type=_positive, default=200, metavar="N")
    p.add_argument("--shape", choices=("auto", "always", "never"), default="auto")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tahqiq")
    except PackageNotFoundError:
        return "unknown"


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def is_command_line(argv: Sequence[str]) -> bool:
    """True when *argv* names a subcommand (after any --project/--annotator options)."""
    rest = list(argv)
    while rest and rest[0] in ("--project", "--annotator"):
        rest = rest[2:]
    while rest and rest[0].startswith(("--project=", "--annotator=")):
        rest = rest[1:]
    return bool(rest) and rest[0] in COMMANDS


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        if hasattr(out, "reconfigure") and out is sys.stdout:
            out.reconfigure(encoding="utf-8")
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        if not args.command:
            raise UsageError("no command given")
        args.project = getattr(args, "project", None)
        return COMMANDS[args.command](args, out)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except TahqiqError as exc:
        return _fail(str(exc), 1)
    except sqlite3.Error as exc:
        return _fail(f"the project database reported a problem: {exc}", 1)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _fail(message: str, status: int) -> int:
    print(f"tahqiq: error: {_flat(message)}", file=sys.stderr)
    return status
