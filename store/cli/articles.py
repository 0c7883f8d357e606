"""Commands on articles: ``import``, ``articles``, ``article``."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from store.cli.commands import (
    Parser,
    UsageError,
    command,
    flat,
    named,
    open_project,
    shaper,
    tell,
)
from store.errors import ArticleNotFound, ImportRejected, Message, english

if TYPE_CHECKING:
    from store.core.project import Project


def _import_arguments(p: Parser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", type=_file_or_stdin,
                   help="article files: text (any encoding Tahqiq reads), saved web pages or "
                        "Word and OpenDocument documents (.docx, .odt); a NAME.json beside "
                        "NAME.txt is read as its metadata; - reads the standard input")
    pdf = p.add_mutually_exclusive_group()
    pdf.add_argument("--repair-pdf", dest="repair_pdf", action="store_const", const=True,
                     default=None, help="repair text copied out of a PDF (visual order, "
                                        "presentation forms) into text that can be searched "
                                        "and tagged")
    pdf.add_argument("--as-is", dest="repair_pdf", action="store_const", const=False,
                     help="keep text copied out of a PDF as it is")
    p.add_argument("--encoding", type=_encoding, metavar="NAME",
                   help="read every FILE in this encoding (utf-8, windows-1256, iso-8859-6, "
                        "...) instead of detecting it")


def _file_or_stdin(value: str) -> str:
    """A FILE given to import (:func:`named`); «-», as scripts write it, the standard
    input, read as /dev/stdin is (a pipe, or a file redirected): `cmd | tahqiq import -`
    said «Cannot read -: No such file or directory.» (rv279). (A file called «-» is
    ./-, as to cat. Where there is no /dev/stdin, Windows, «-» stays a name.)"""
    value = named(value)
    return _STDIN if value == "-" and Path(_STDIN).exists() else value


_STDIN = "/dev/stdin"


def _encoding(name: str) -> str:
    from store.exchange import importing

    try:
        return importing.codec_name(name)
    except ImportRejected as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


@command("import", "add article files to the project; prints ID and TITLE for each, and "
                   "goes on past a file it refuses", arguments=_import_arguments)
def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import interrupts
    from store.exchange import importing

    _return_freed_blocks()
    refused = 0
    given = dict.fromkeys(map(Path, args.files))
    for path in given:  # (a sidecar given with its article is read with it, unsaid)
        if (article := importing.described_article(path)) not in (None, *given):
            tell("note", f"{path.name} holds the details of {article.name} beside it, read "
                         "when that is imported: not imported as an article")
    unmake, brought_in = _unmaking(args), []  # (the articles imported, by id)
    try:
        with open_project(args, create=True) as project:
            def store(path: Path) -> None:
                with interrupts.reported():  # (Ctrl-C after its commit: its line first)
                    _import_one(project, path, args, out, brought_in)

            # (a file refused: that file only, the others go on; the project's refusal, a
            # full disk, stops them all, naming them: importing.import_each)
            for _path, refusal in importing.import_each(
                    importing.articles_among(args.files), lambda path: path.name, store):
                if refusal is not None:
                    tell("error", str(refusal))
                    refused += 1
    finally:
        if not brought_in and (kept := unmake()):  # every file refused, or the import
            tell("note", kept)  # stopped: a new project goes, unless another wrote in it
    return 1 if refused else 0


def _unmaking(args: argparse.Namespace) -> Callable[[], Message | None]:
    """What undoes opening --project, for an import that brought nothing in: `tahqiq
    --project NEW.tahqiq import emptyfolder` left an empty new project, exit 1 (rv210).
    The default project (seeded on first use) stays."""
    from store.core.paths import unmaking

    return unmaking(Path(args.project).expanduser()) if args.project else lambda: None


def _return_freed_blocks() -> None:
    """Have glibc give every freed block over 128 KiB back to the system at once. By
    default it raises that threshold to the biggest block freed so far, so once a big
    import's first pieces are freed the next ones come from a heap it keeps: a 48 MiB
    import peaked at 160 MB instead of 141. Elsewhere (macOS, Windows, musl) nothing."""
    import ctypes
    import platform

    if platform.libc_ver()[0] != "glibc":
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, 128 * 1024)


_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def _import_one(project: Project, path: Path, args: argparse.Namespace, out: TextIO,
                brought_in: list[str]) -> None:
    from store.exchange import importing
    from store.text.clean import rewrote_letters

    loaded = importing.load_file(path, encoding=args.encoding)
    if args.repair_pdf is None and loaded.pdf_repair_suggested:
        raise ImportRejected(
            "{name} looks like text copied out of a PDF (visual order, presentation forms): "
            "import it again with --repair-pdf to repair it, or --as-is to keep it as it is.",
            name=loaded.name)
    outcome = importing.import_loaded(project, loaded, repair_pdf=args.repair_pdf)
    brought_in.append(outcome.article_id)  # (kept, whatever its line meets)
    print(f"{outcome.article_id}\t{flat(outcome.title)}", file=out)
    if loaded.sidecar_problem:  # its details (title, outlet…) are not the article's
        tell("note", f"{loaded.name}: {loaded.sidecar_problem}")
    if outcome.encoding_ambiguous:
        note = importing.ambiguity_note(outcome.encoding, outcome.alternative_encoding)
        tell("note", f"{loaded.name}: {note} (choose with --encoding)")
    if not outcome.created:
        tell("note", importing.already_there(loaded.name, outcome.title))
    if importing.BROUGHT_BACK in outcome.changes:  # (its old tags with it: say so)
        tell("note", f"{loaded.name}: {importing.BROUGHT_BACK}")
    if outcome.dropped_note:  # words of the file that were not kept
        tell("note", f"{loaded.name}: {outcome.dropped_note}")
    if outcome.created and importing.DOCUMENT_LEFT_OUT in loaded.changes:  # (so is what
        # the document hid)
        tell("note", f"{loaded.name}: {importing.DOCUMENT_LEFT_OUT}")
    for change in filter(rewrote_letters, outcome.changes if outcome.created else ()):
        tell("note", f"{loaded.name}: {change}")  # (said in the README, and not: rv113)
    if outcome.created and outcome.lam_alef_note:  # (stored as it came: words search misses)
        tell("note", f"{loaded.name}: {outcome.lam_alef_note}")


def _articles_arguments(p: Parser) -> None:
    p.add_argument("--deleted", action="store_true",
                   help="list the deleted articles instead, the latest first: when, by whom "
                        "and how many tagged places come back with each (tahqiq article ID "
                        "--restore)")


@command("articles", "list articles with their claims per label", shaped=True,
         arguments=_articles_arguments)
def cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import articles, labels

    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        if args.deleted:
            from store.core import article_deletion  # (and the claims' modules: not
            # loaded by the listing, the call a script makes most)

            for gone in article_deletion.deleted_articles(project):
                print(f"{gone.id}\t{shape(flat(gone.title))}\tdeleted={gone.deleted} "
                      f"by={shape(flat(gone.deleted_by)) or '?'} places={gone.places}", file=out)
            return 0
        counts = articles.claim_counts(project)
        keys = [label.key for label in labels.with_gone(  # (a label gone: its claims too)
            labels.list_labels(project), (k for per in counts.values() for k in per))]
        for row in articles.list_articles(project):
            per_label = counts.get(row["id"], {})
            summary = " ".join(f"{k}={per_label.get(k, 0)}" for k in keys)
            print(f"{row['id']}\t{shape(flat(row['title']))}\t{summary}", file=out)
    return 0


def _article_arguments(p: Parser) -> None:
    from store.core import articles

    p.add_argument("article", metavar="ARTICLE", type=named,
                   help="article id or unambiguous prefix")
    whole = p.add_mutually_exclusive_group()
    whole.add_argument("--delete", action="store_true",
                       help="delete the article (imported by mistake, say), untagging its "
                            "words with it")
    whole.add_argument("--restore", action="store_true",
                       help="bring a deleted article back, with the words it had tagged")
    for field in articles.METADATA_FIELDS:
        p.add_argument(f"--{field}", metavar=field.upper(),
                       help={"title": "the article's title",
                             "outlet": "the newspaper, site or agency that published it",
                             "url": "its web address (http:// or https://)",
                             "published": "publication date, YYYY-MM-DD",
                             "language": "ar, en, ..."}.get(field, field))


def _note_left_out(changes: dict[str, str]) -> None:
    """Say what was kept but the exports will leave out (the fields are free-form by
    design: imports bring other forms), as Article Properties says it in the window."""
    from store.core import articles
    from store.core.links import is_web_link

    url, published = changes.get("url", "").strip(), changes.get("published", "").strip()
    if url and not is_web_link(url):
        tell("note", "the URL is not a web link (http:// or https://): JSON-LD exports "
                     "leave it out")
    if published and not articles.is_iso_date(published):
        tell("note", "the publication date is not YYYY-MM-DD: ClaimReview exports leave "
                     "it out")
    if (language := changes.get("language", "").strip()) and \
            not articles.is_language_tag(language):
        tell("note", "the language is not a language code such as ar, en or ar-EG: JSON-LD "
                     "exports leave it out")


@command("article", "show an article's details, or change them (--title, --outlet, --url, "
                    "--published, --language), delete it or restore it",
         arguments=_article_arguments, shaped=True)
def cmd_article(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import article_deletion, articles

    shape = shaper(args, out)
    changes = {field: getattr(args, field) for field in articles.METADATA_FIELDS
               if getattr(args, field) is not None}
    if (args.delete or args.restore) and changes:
        raise UsageError(f"--{'delete' if args.delete else 'restore'} cannot be combined "
                         "with changes to its details")
    with open_project(args, create=False) as project:
        # (deleted ones found too: a script deleting or restoring twice ends as the first
        # time did, as `claim` does, not «No article with id» or a usage error)
        try:  # (live ones first: a deleted one sharing a prefix made it ambiguous)
            article = articles.resolve_article(project, args.article, deleted=args.restore)
        except ArticleNotFound:
            if not args.delete:
                raise
            article = articles.resolve_article(project, args.article, deleted=True)
        if args.delete and article.deleted is not None:
            tell("note", "already deleted (--restore brings it back)")
        elif args.delete:
            untagged = article_deletion.delete_article(project, article.id)
            tell("note", english("deleted; {count} tagged place(s) untagged with it "
                                 "(--restore brings them back)", {"count": len(untagged)}))
            article = articles.get_article(project, article.id)
        elif args.restore and article.deleted is None and not \
                article_deletion.untagged_by_deletions(project, article.id):
            tell("note", "not deleted: nothing to restore")
        elif args.restore:
            restored, refused = article_deletion.restore_article(project, article.id)
            tell("note", english("restored, with {count} tagged place(s)",
                                 {"count": len(restored)})
                 + (f"; not all: {refused}" if refused else ""))
            article = articles.get_article(project, article.id)
        if changes:
            article = articles.update_metadata(project, article.id, **changes)
            _note_left_out(changes)
        print(f"id\t{article.id}", file=out)
        for field in articles.METADATA_FIELDS:
            value = flat(getattr(article, field))  # (an address as it is: copied, opened)
            print(f"{field}\t{value if field == 'url' else shape(value)}", file=out)
        if article.deleted:
            print(f"deleted\t{article.deleted}", file=out)
    return 0
