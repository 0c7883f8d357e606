"""Parsing the command line and running one command; every failure becomes one line."""

from __future__ import annotations

import argparse
import errno
import functools
import io
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

# Each command module registers its commands when imported (light: what a command does is
# imported when it runs).
from store import version
from store.cli import articles, claims, commands, exchange, project, review  # noqa: F401
from store.cli.commands import (
    COMMANDS,
    Command,
    Parser,
    UsageError,
    named,
    not_a_command,
    not_written_whole,
    output_closed,
    tell,
)
from store.core import interrupts
from store.core.paths import PROJECT_SUFFIX
from store.errors import TahqiqError, database_problem

SHAPE_MODES = ("auto", "always", "never")
_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # disk full, file size limit, quota


class _WholeOptions(argparse.HelpFormatter):
    """The help's description and epilog wrapped at spaces only: «--uninstall-desktop»
    was cut at its hyphen, «--uninstall-» ending a line (rv280)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap  # (the help's alone: not at every command's start)

        return textwrap.fill(" ".join(text.split()), width, initial_indent=indent,
                             subsequent_indent=indent, break_on_hyphens=False,
                             break_long_words=False)


class _Version(argparse._VersionAction):
    """--version, the installed version looked up when asked for: importlib.metadata
    and its look-up cost every command a fiftieth of a second of CPU."""

    def __call__(self, parser, namespace, values, option_string=None):
        self.version = f"tahqiq {version()}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, lazy: bool = False, only: str | None = None) -> Parser:
    """The command line's parser. *lazy* (main's): each command's options are added when
    its words are read or its help written (:meth:`Parser.options_later`), so that a
    command loads none of the others' modules. *only*: the command the words name, the
    one parser made of the twenty (each one's making, argparse's translations looked up
    anew, cost a command 6 ms)."""
    common = Parser(add_help=False)
    common.add_argument("--project", metavar="PATH", default=argparse.SUPPRESS, type=named,
                        help="project file (default: the default project)")
    common.add_argument("--annotator", metavar="NAME", default=argparse.SUPPRESS, type=named,
                        help="name recorded on changes (default: $TAHQIQ_USER, then the "
                             "name given in the window, then your user name)")
    parser = Parser(prog="tahqiq", parents=[common], formatter_class=_WholeOptions,
                    description="Tag, review and exchange fact-checking claims.",
                    epilog="Without a command, 'tahqiq [PROJECT] [--lang ar|en]' opens the app "
                           "on PROJECT (default: the default project); --screenshot PNG "
                           "[--size WxH] renders its window into PNG instead. On Linux, "
                           "'tahqiq --install-desktop' adds, for you alone, a menu entry (in "
                           "English and Arabic), the icon and the file type, so "
                           "double-clicking a .tahqiq file opens it in this copy; "
                           "'tahqiq --uninstall-desktop' takes exactly that away again.")
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for cmd in [COMMANDS[only]] if only else COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help, parents=[common])
        p.options_later(functools.partial(_command_options, cmd))
        if not lazy:
            p.ready()
    return parser


def _command_options(cmd: Command, p: Parser) -> None:
    cmd.arguments(p)
    if cmd.shaped:
        p.add_argument("--shape", choices=SHAPE_MODES, default=shape_default(),
                       help="reorder and shape Arabic for a terminal (auto: when stdout "
                            "is one; never: for a terminal that orders Arabic itself, "
                            "as Konsole and GNOME Terminal do; the default from "
                            "$TAHQIQ_SHAPE)")


def shape_default() -> str:
    """--shape when not given: $TAHQIQ_SHAPE, set once in a shell's profile (a terminal
    that orders Arabic itself reversed it again, every command needing --shape never),
    else auto."""
    mode = os.environ.get("TAHQIQ_SHAPE", "").strip().lower()
    return mode if mode in SHAPE_MODES else "auto"


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


class _WholeWrites(io.RawIOBase):
    """Standard output that writes every byte or raises. Python's own, redirected to a
    file on a full disk, took the first bytes of a write the system cut short and lost
    the rest unsaid: an export ended in the middle of a letter, exit status 0."""

    def __init__(self, fd: int):
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data) -> int:  # type: ignore[override]
        view, done = memoryview(data).cast("B"), 0
        while done < len(view):
            written = os.write(self._fd, view[done:])
            if not written:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            done += written
        return done


class _Closed(io.TextIOBase):
    """Standard output when there is none (`tahqiq export >&-`): what a command prints is
    refused as it is printed, so one that prints nothing (an export to a file) runs; an
    export to it exited 0 having written nothing."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _stdout() -> TextIO:
    """sys.stdout in UTF-8, written whole (_WholeWrites) to a file or a pipe; a terminal
    (Windows' console takes text, not bytes) or a replaced one (a test's) as it is."""
    if sys.stdout is None:
        return _Closed()
    try:
        fd = sys.stdout.fileno()
        whole = not os.isatty(fd)
    except (AttributeError, OSError, ValueError):
        whole = False
    if not whole:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        return sys.stdout
    sys.stdout.flush()
    raw = _WholeWrites(fd)
    # python -u or PYTHONUNBUFFERED: each line as it comes, in order with stderr's notes
    unbuffered = getattr(sys.stdout, "write_through", False)
    return io.TextIOWrapper(raw if unbuffered else io.BufferedWriter(raw),
                            encoding="utf-8", errors=sys.stdout.errors or "strict",
                            line_buffering=sys.stdout.line_buffering,
                            write_through=unbuffered)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or _stdout()
    shown, sys.stdout = sys.stdout, out  # (argparse's --help and --version print there)
    try:
        with interrupts.handled():  # (SIGTERM, SIGHUP: as Ctrl-C, clean-ups run)
            status = _run(argv, out)
    except SystemExit as done:  # --help, --version: written whole too, or an error
        status = done.code if isinstance(done.code, int) else 0
    finally:
        sys.stdout = shown
    try:
        out.flush()  # (a full disk refuses the output's end here, not unsaid at exit)
    except OSError as exc:
        output_closed()  # (what is left is not tried again at exit)
        if isinstance(exc, BrokenPipeError) or status:
            return status or 1
        return _fail(not_written_whole(exc), 1)
    return status


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    commands.stderr_shape = shape_default()  # (until the command's --shape is read)
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        _refuse_undecodable([*argv, os.environ.get("TAHQIQ_USER", "")],
                            files_allowed=first_word(argv) == "import")
        if is_mistyped_command(argv):
            raise UsageError(not_a_command(first_word(argv, CLI_OPTIONS + APP_OPTIONS) or ""))
        word = first_word(argv)
        args = build_parser(lazy=True, only=word if word in COMMANDS else None) \
            .parse_args(argv)
        if not args.command:
            raise UsageError("no command given")
        args.project = getattr(args, "project", None)
        commands.stderr_shape = getattr(args, "shape", None) or shape_default()
        return COMMANDS[args.command].run(args, out)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except KeyboardInterrupt:
        return _interrupted()
    except (TahqiqError, sqlite3.Error) as exc:
        if interrupts.fired() is not None:  # (SQLite's word for one in the folding: «The
            return _interrupted()  # change was not saved: user-defined function raised…»)
        return _fail(str(exc if isinstance(exc, TahqiqError) else database_problem(exc)), 1)
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        output_closed()
        return 1
    except OSError as exc:
        if exc.filename is None and exc.errno in _NO_ROOM:  # (standard output's)
            output_closed()
            return _fail(not_written_whole(exc), 1)
        if exc.filename is None and exc.errno == errno.EBADF:  # (_Closed)
            return _fail(f"{exc.strerror}: what this command prints was not written", 1)
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), 1)


def _interrupted() -> int:
    """128 and the signal's number, as a shell tells of a command a signal ended."""
    return _fail("interrupted", 128 + (interrupts.fired() or signal.SIGINT))


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


if __name__ == "__main__":  # python -m store.cli.main (it printed nothing and exited 0)
    from store.cli.utf8_mode import ensure_utf8_mode

    ensure_utf8_mode()
    sys.exit(main())
