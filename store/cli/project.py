"""Commands on the project as a whole: ``new``, ``check``, ``copy-for-older``, ``labels``,
``search``, ``settings``."""

from __future__ import annotations

import argparse
from typing import TextIO

from store.cli.commands import (
    Parser,
    UsageError,
    command,
    flat,
    one_line,
    open_project,
    positive,
    shaper,
    tell,
)
from store.errors import TahqiqError

CHECK_NAMES = 10  # the problems `check` names on its one line, then how many more


def _new_arguments(p: Parser) -> None:
    p.add_argument("--like", metavar="PROJECT",
                   help="another project whose verdict labels and settings the new one "
                        "takes (none of its articles or claims)")


@command("new", "make a new, empty project at --project: the default verdict labels, or "
                "--like another project's labels and settings", arguments=_new_arguments)
def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from store.core.paths import default_project_path, holds_no_project_yet, refuse_folder, unmaking
    from store.core.project import Project
    from store.core.templates import start_like

    path = Path(args.project).expanduser() if args.project else default_project_path()
    if path.exists() and not holds_no_project_yet(path):
        raise TahqiqError("{name} is there already: a new project is made in a new file.",
                          name=path.name)
    annotator = getattr(args, "annotator", None)
    if args.like:
        model = Path(args.like).expanduser()
        refuse_folder(model)  # (said as every command says it, not «no project», rv281)
        if not model.is_file() or holds_no_project_yet(model):
            raise TahqiqError("No project at {path}.", path=str(model))
        # (opened as any command opens it: an older model upgraded is said, not silent)
        with open_project(argparse.Namespace(**{**vars(args), "project": str(model)}),
                          create=False) as other:
            # (the new file kept, another having written in it, said as `new` says it)
            start_like(path, other, annotator, on_kept=lambda note: tell("note", note)).close()
    else:
        unmake = unmaking(path)
        try:  # (a full disk left an empty file: «no project in it yet» after, rv260)
            Project.open(path, annotator).close()
        except BaseException:
            if kept := unmake():  # (another window or program wrote in it meanwhile)
                tell("note", kept)
            raise
    print(one_line(str(path)), file=out)
    return 0


@command("labels", "list the project's verdict labels", shaped=True)
def cmd_labels(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import labels

    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        for label in labels.list_labels(project):
            print("\t".join([label.key, flat(label.name_en), shape(flat(label.name_ar)),
                             label.color, label.shortcut, str(label.rating)]), file=out)
    return 0


@command("check", "check the project file for damage: every page and every index "
                  "(opening checks the whole file only when small or after a crash)")
def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from store.core.paths import default_project_path, holds_no_project_yet
    from store.core.project import integrity_problems
    from store.errors import NotAProject

    path = Path(args.project).expanduser() if args.project else default_project_path()
    if not path.exists():
        raise TahqiqError("No project at {path}.", path=str(path))
    if holds_no_project_yet(path):
        # No project: a 0-byte file is the trace of a failed copy, which SQLite would read
        # as an empty database. Said as every command that reads says it, exit 1 (a
        # script's `check` passed it, exit 0, and its next command refused it); left as
        # it is: check never writes.
        raise TahqiqError("{path} is empty: no project in it yet (`tahqiq import` makes "
                          "one).", path=str(path))
    problems = integrity_problems(path)
    if problems:  # every one, on the one line (rv281: the first alone made a colleague
        # mend and run it again for each; SQLite's own may be hundreds, so ten said)
        named = "; ".join(problems[:CHECK_NAMES])
        if len(problems) > CHECK_NAMES:
            named += f"; and {len(problems) - CHECK_NAMES} more"
        raise NotAProject("{name} is damaged ({problem}); it was left untouched.",
                          name=path.name, problem=named)
    print(f"{one_line(path.name)}: no damage found", file=out)
    return 0


def _copy_for_older_arguments(p: Parser) -> None:
    p.add_argument("target", metavar="FILE", help="the copy to write (a new .tahqiq file)")


@command("copy-for-older", "write a copy of the project that a colleague's older Tahqiq "
                           "(schema 9 and later, from 1 December 2026) opens and merges",
         arguments=_copy_for_older_arguments)
def cmd_copy_for_older(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    with open_project(args, create=False) as project:
        print(one_line(str(project.copy_for_older(Path(args.target).expanduser()))),
              file=out)
    return 0


def _search_arguments(p: Parser) -> None:
    p.add_argument("query", metavar="QUERY",
                   help='words, found together first, then apart; "quote" a phrase to find '
                        "it only whole")
    p.add_argument("--limit", type=positive, default=200, metavar="N",
                   help="show at most N hits (default: 200)")


@command("search", "find words in articles, claim quotes and notes (Arabic-aware)",
         arguments=_search_arguments, shaped=True)
def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import search

    if not search.query_terms(args.query):
        raise UsageError("the search query is blank")
    shape = shaper(args, out)
    with open_project(args, create=False) as project:
        hits = search.search(project, args.query, args.limit + 1)  # one more: are there?
        for hit in hits[:args.limit]:
            print(f"{hit.article_id}\t{hit.start}\t{hit.end}\t{hit.kind}\t"
                  f"{shape(flat(hit.context))}\t{hit.claim_id or ''}", file=out)
    if len(hits) > args.limit:  # (the first 200 of a common word read as all of them)
        tell("note", f"more hits than --limit {args.limit}: a larger --limit shows them")
    return 0


def _settings_arguments(p: Parser) -> None:
    p.add_argument("--organization", metavar="NAME",
                   help="who publishes the fact-checks (ClaimReview's author)")
    p.add_argument("--url-template", metavar="URL",
                   help="the address of a fact-check, {id} standing for the claim's id")
    p.add_argument("--language", metavar="LANG", type=_language,
                   help="the project's language: ar or en ('' for the language most "
                        "articles are in)")


def _language(word: str) -> str:
    """A language the exports can name verdicts in, refused as a usage error (exit 2)
    as `export --lang fr` is."""
    from store.core.settings import LANGUAGES

    if word and word not in LANGUAGES:
        raise argparse.ArgumentTypeError(f"'{word}' is not one of {', '.join(LANGUAGES)}")
    return word


@command("settings", "show the project's settings, or change them", shaped=True,
         arguments=_settings_arguments)
def cmd_settings(args: argparse.Namespace, out: TextIO) -> int:
    from store.core import settings

    shape = shaper(args, out)
    changes = {key: getattr(args, key) for key in settings.KEYS
               if getattr(args, key) is not None}
    with open_project(args, create=False) as project:
        current = settings.update_settings(project, **changes) if changes \
            else settings.get_settings(project)
        for key in settings.KEYS:
            value = flat(getattr(current, key))  # (an address as it is: copied, opened)
            print(f"{key}\t{value if key == 'url_template' else shape(value)}", file=out)
    return 0
