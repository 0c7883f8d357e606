"""Parsing the command line and running one command; every failure becomes one line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

# Each command module registers its commands when imported.
from store import version
from store.cli import articles, claims, exchange, project, review  # noqa: F401
from store.cli.commands import COMMANDS, Parser, UsageError, not_a_command, tell
from store.core.paths import PROJECT_SUFFIX
from store.errors import TahqiqError, database_problem

SHAPE_MODES = ("auto", "always", "never")


def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--project", metavar="PATH", default=argparse.SUPPRESS,
                        help="project file (default: the default project)")
    common.add_argument("--annotator", metavar="NAME", default=argparse.SUPPRESS,
                        help="name recorded on changes (default: $TAHQIQ_USER, then your "
                             "user name)")
    parser = Parser(prog="tahqiq", parents=[common],
                    description="Tag, review and exchange fact-checking claims.",
                    epilog="Without a command, 'tahqiq [PROJECT] [--lang ar|en]' opens the app "
                           "on PROJECT (default: the default project); --screenshot PNG "
                           "[--size WxH] renders its window into PNG instead.")
    parser.add_argument("--version", action="version", version=f"tahqiq {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help, parents=[common])
        cmd.arguments(p)
        if cmd.shaped:
            p.add_argument("--shape", choices=SHAPE_MODES, default="auto",
                           help="reorder and shape Arabic for a terminal (auto: when stdout "
                                "is one)")
    return parser


# Options that take a value: the command line's, and the app's (tahqiq [PROJECT] ...).
CLI_OPTIONS = ("--project", "--annotator")
APP_OPTIONS = ("--lang", "--screenshot", "--size")


def first_word(argv: Sequence[str], options: Sequence[str] = CLI_OPTIONS) -> str | None:
    """The first word after *options* and their values: the command, or the app's project
    file. None when an option not among *options* comes first: argparse will name it."""
    rest = list(argv)
    while rest:
        head = rest[0]
        if head in options:
            rest = rest[2:]
        elif head.startswith("-") and head.split("=", 1)[0] in options and "=" in head:
            rest = rest[1:]
        elif head.startswith("-"):
            return None
        else:
            return head
    return None


def is_command_line(argv: Sequence[str]) -> bool:
    """True when *argv* names a subcommand (after the options all commands take)."""
    return first_word(argv) in COMMANDS


def is_mistyped_command(argv: Sequence[str]) -> bool:
    """True when the first word is neither a command nor a project file: a word that is
    not a path to a file and does not end in the project suffix."""
    word = first_word(argv, CLI_OPTIONS + APP_OPTIONS)
    return (word is not None and word not in COMMANDS and not word.endswith(PROJECT_SUFFIX)
            and not Path(word).exists())


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        if hasattr(out, "reconfigure") and out is sys.stdout:
            out.reconfigure(encoding="utf-8")
        argv = list(sys.argv[1:] if argv is None else argv)
        _refuse_undecodable([*argv, os.environ.get("TAHQIQ_USER", "")],
                            files_allowed=first_word(argv) == "import")
        if is_mistyped_command(argv):
            raise UsageError(not_a_command(first_word(argv, CLI_OPTIONS + APP_OPTIONS) or ""))
        args = build_parser().parse_args(argv)
        if not args.command:
            raise UsageError("no command given")
        args.project = getattr(args, "project", None)
        return COMMANDS[args.command].run(args, out)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except TahqiqError as exc:
        return _fail(str(exc), 1)
    except sqlite3.Error as exc:
        return _fail(str(database_problem(exc)), 1)
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _refuse_undecodable(values: list[str], *, files_allowed: bool = False) -> None:
    """An argument (or $TAHQIQ_USER) in bytes that are not UTF-8 (a note typed in a
    legacy encoding) is refused whole: Python holds such bytes as lone surrogates, which
    no file or project can store. *files_allowed* (import): the name of a file that
    exists is not refused, it is read by that name (its shown name has U+FFFD for those
    bytes); the other commands print the names they are given."""
    for value in values:
        if files_allowed and os.path.lexists(value):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = value.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            raise UsageError(f"{shown} is not UTF-8 text (typed or stored in another "
                             "encoding?)") from None


def _fail(message: str, status: int) -> int:
    tell("error", message)
    return status
