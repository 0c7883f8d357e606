"""Commands that move claims in and out: ``export``, ``merge``."""

from __future__ import annotations

import argparse
import io
import shutil
from typing import TYPE_CHECKING, TextIO

from store.cli.commands import (
    Parser,
    UsageError,
    article_id,
    command,
    harmless,
    named,
    one_line,
    open_project,
    tell,
)

if TYPE_CHECKING:
    from store.core.project import Project
    from store.exchange import exporting


def _export_arguments(p: Parser) -> None:
    from store.exchange import exporting

    p.add_argument("article", nargs="?", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix (default: the whole project)")
    p.add_argument("--format", required=True, choices=(*exporting.FORMATS,
                                                         *exporting.PACKET_FORMATS),
                   help="csv for spreadsheets, json (the whole project), w3c (Web "
                        "Annotation), claimreview (schema.org), or a review packet as "
                        "pdf or html")
    p.add_argument("-o", "--output", metavar="FILE", type=named,
                   help="write here instead of stdout")
    p.add_argument("--lang", choices=("en", "ar"), default="en",
                   help="language of the review packet's headings (pdf, html)")
    p.add_argument("--raw", action="store_true",
                   help="csv for programs: cells exactly as stored, without the apostrophe "
                        "that keeps a spreadsheet from running a cell starting with = + - @ "
                        "as a formula (then quote == text[start:end] always holds)")


@command("export", "export claims as csv, json, w3c or claimreview; an article's review "
                   "packet as pdf or html", arguments=_export_arguments)
def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from store.exchange import exporting

    skipped: exporting.Skipped = []
    if args.raw and args.format != "csv":
        raise UsageError("--raw is for --format csv")
    with open_project(args, create=False) as project:
        chosen = article_id(project, args)
        if args.format in exporting.PACKET_FORMATS:
            return _export_packet(project, args, chosen, out)
        if args.output not in (None, "-", "/dev/stdout"):
            exporting.export_file(project, args.format, args.output, chosen, skipped=skipped,
                                  raw=args.raw)
        else:
            _export_to_stdout(project, args, chosen, skipped, out)
    for claim_id, reason in skipped:  # a ClaimReview is published for final verdicts only
        tell(f"skipped claim {claim_id}", reason)  # (README: «tahqiq: skipped claim ID: why»)
    return 0


def _export_to_stdout(project: Project, args: argparse.Namespace, chosen: str | None,
                      skipped: exporting.Skipped, out: TextIO) -> None:
    """The export, written whole or not at all: first into a spooled file (in memory up
    to _SPOOL_BYTES, then on disk: a whole project's JSON is hundreds of megabytes), then
    copied out, so that a failed export leaves nothing half-written on stdout."""
    import tempfile

    from store.exchange import exporting

    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        exporting.export_to(project, args.format, text, chosen, skipped=skipped, raw=args.raw)
        text.flush()
        text.detach()  # (the spool stays open)
        spool.seek(0)
        out.flush()
        buffer = getattr(out, "buffer", None)
        if out.isatty():  # read, not kept: a title's «ESC ]0;…BEL» retitled the terminal
            out.write(harmless(spool.read().decode("utf-8").replace("\r\n", "\n")))
        elif buffer is not None:
            shutil.copyfileobj(spool, buffer)
            buffer.flush()
        else:
            out.write(spool.read().decode("utf-8"))


_SPOOL_BYTES = 8 << 20


def _export_packet(project: Project, args: argparse.Namespace, chosen: str | None,
                   out: TextIO) -> int:
    from store.core import articles
    from store.exchange import exporting

    if chosen is None:
        listed = articles.list_articles(project)
        if len(listed) != 1:
            raise UsageError(f"--format {args.format} makes a review packet of one article: "
                             "name the ARTICLE")
        chosen = listed[0]["id"]
    if args.output in (None, "-", "/dev/stdout"):
        if args.format == "pdf":
            raise UsageError("--format pdf is not written to the terminal or a pipe: "
                             "give -o FILE.pdf" if args.output else "--format pdf needs -o FILE")
        from store.exchange.packet_html import packet_html

        html = packet_html(project, chosen, args.lang)  # (harmless: as _export_to_stdout)
        print(harmless(html) if out.isatty() else html, file=out)
        return 0
    exporting.export_packet(project, chosen, args.format, args.output, args.lang)
    return 0


def _merge_arguments(p: Parser) -> None:
    p.add_argument("file", metavar="FILE", type=named,
                   help="a colleague's project file (.tahqiq) or a CSV of claims")


@command("merge", "bring in a colleague's .tahqiq project or Tahqiq CSV",
         arguments=_merge_arguments)
def cmd_merge(args: argparse.Namespace, out: TextIO) -> int:
    from store.exchange import merge

    with open_project(args, create=False) as project:
        summary = merge.merge_file(project, args.file)
        for line in summary.lines():
            print(one_line(line), file=out)  # (a file's name may hold a line break)
    return 0
