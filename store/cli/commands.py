"""The registry of subcommands and what every command shares: opening the project,
resolving an ARTICLE argument, printing Arabic to a terminal.

Light to import: every command is registered (and named in the help) without loading
what the commands do; a command's own modules are imported when it runs, and its options
added to its parser when its words are read (``Parser``). `tahqiq articles` loaded the
importer, the exporters and the matcher's word lists first: 0.3 s of CPU a call.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TextIO

from store.core.paths import (
    PROJECT_SUFFIX,
    default_project_path,
    holds_no_project_yet,
    is_default_project,
    is_there,
)
from store.errors import TahqiqError

if TYPE_CHECKING:
    from store.core.project import Project

Handler = Callable[[argparse.Namespace, TextIO], int]


class UsageError(Exception):
    """Wrong command-line words: exit status 2."""


_NEEDS_A_VALUE = re.compile(r"argument (?:-\w/)?(--[\w-]+)(?:/[\w-]+)*: expected one argument")
_MISSING_OR_UNKNOWN = re.compile(r"the following arguments are required: .*"
                                 r"|unrecognized arguments: (?P<unknown>.*)")


class Parser(argparse.ArgumentParser):
    _words: list[str] = []
    _unread: Callable[[Parser], object] | None = None  # its options, not added yet

    def options_later(self, add: Callable[[Parser], object]) -> None:
        """Have *add* add this parser's options when it is first used (its words read,
        its help or usage written): a command's options may need its modules (export's
        formats, matches' least score), which the other commands need not load."""
        self._unread = add

    def ready(self) -> Parser:
        """This parser with its options (those :meth:`options_later` put off) added."""
        if (add := self._unread) is not None:
            self._unread = None
            add(self)
        return self

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        self.ready()
        self._words = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self.ready()
        return super().format_usage()

    def format_help(self) -> str:
        self.ready()
        return super().format_help()

    def _print_message(self, message: str, file: TextIO | None = None) -> None:
        """--help and --version written, or the failure raised for main() to tell:
        argparse drops an OSError, and unbuffered (python -u) a full disk or a reader
        gone read as done, exit 0 (rv165)."""
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        # `--note "- a line"`: argparse takes a value starting with "-" for an option.
        if needs := _NEEDS_A_VALUE.fullmatch(message):
            message += f" (a value that starts with '-' is written {needs[1]}=VALUE)"
        elif missing := _MISSING_OR_UNKNOWN.fullmatch(message):
            message += self._hint(missing["unknown"].split() if missing["unknown"]
                                  else [w for w in self._words if self._not_an_option(w)])
        raise UsageError(message)

    def _not_an_option(self, word: str) -> bool:
        """A word starting with '-' that names none of this parser's options (nor
        abbreviates a long one, as argparse allows)."""
        if not word.startswith("-") or word in ("-", "--"):
            return False
        name = word.split("=", 1)[0]
        return not any(option == name or (name.startswith("--") and option.startswith(name))
                       for option in self._option_string_actions)

    def _hint(self, unknown: list[str]) -> str:
        """For a word taken for an option: `tahqiq import -notes.txt` and `tahqiq search
        -3%` are told to write it after --; `--sorce` is told the option it resembles."""
        import difflib  # (here: a mistake's hint, not every command's start)

        for word in unknown:
            if word.startswith("--"):
                near = difflib.get_close_matches(word.split("=", 1)[0], self._options(), n=1)
                if near:
                    return f" ({word.split('=', 1)[0]}: did you mean {near[0]}?)"
            elif re.fullmatch(r"-[A-Za-z]{1,2}", word):  # a short option mistyped: -c
                near = [option for option in self._options()
                        if option.startswith(f"-{word}") and option != "--help"]
                return f" ({word}: did you mean {near[0]}?)" if len(near) == 1 else ""
            elif word.startswith("-") and word != "-":
                return (f" ('{word}' was read as an option: a file or words that start "
                        f"with '-' go after --, as in: -- {word})")
        return ""

    def _options(self) -> list[str]:
        """This parser's options and, for the command line's own parser, those of the
        command its words name (it is the one that reports words no command took)."""
        options = list(self._option_string_actions)
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = next((action.choices[w] for w in self._words if w in action.choices),
                              None)
                options += list(chosen.ready()._option_string_actions) if chosen else []
        return options


class Command(NamedTuple):
    """A subcommand as registered (a named tuple: a dataclass had every command load
    dataclasses and, through it, inspect, ast and dis: 16 ms of CPU a call)."""

    name: str
    help: str
    run: Handler
    arguments: Callable[[Parser], object]
    shaped: bool  # prints Arabic: gets --shape


COMMANDS: dict[str, Command] = {}


def command(name: str, help_text: str, *, arguments: Callable[[Parser], object] = lambda p: None,
            shaped: bool = False) -> Callable[[Handler], Handler]:
    """Register a subcommand; *arguments* adds its own options to its parser."""
    def register(run: Handler) -> Handler:
        COMMANDS[name] = Command(name, help_text, run, arguments, shaped)
        return run

    return register


def not_a_command(word: str) -> str:
    """What to say about *word* where a command or a project file was expected: the
    nearest command's name when it looks mistyped ("improt" -> import); for a file name,
    the command that takes such a file."""
    if word in COMMANDS:  # after an option of the app's: tahqiq --lang ar import
        return (f"'{word}' is a command: put it first, before its options "
                f"(tahqiq {word} --help)")
    suffix = Path(word).suffix.lower()
    if suffix or "/" in word or "\\" in word:
        hint = {".txt": "import", ".html": "import", ".htm": "import", ".xhtml": "import",
                ".csv": "merge"}.get(suffix)
        return (f"'{word}' is neither a command nor a project file (a name ending in "
                f"{PROJECT_SUFFIX})" + (f"; to bring it in: tahqiq {hint} {word}" if hint
                                        else "; see 'tahqiq --help'"))
    import difflib

    near = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]}?" if near else \
        f"; see 'tahqiq --help' ({PROJECT_SUFFIX} for a project file)"
    return f"'{word}' is not a command{hint}"


# -- what commands share ------------------------------------------------------------------
def open_project(args: argparse.Namespace, *, create: bool) -> Project:
    """The --project file, or the default project (seeded on first use)."""
    from store.core.project import Project
    from store.core.schema import READABLE_SINCE, SCHEMA_VERSION
    from store.core.stamps import default_annotator, unreadable_name_file

    annotator = getattr(args, "annotator", None) or default_annotator()
    given = getattr(args, "annotator", None) or os.environ.get("TAHQIQ_USER", "").strip()
    if not given and (unreadable := unreadable_name_file()) is not None:
        tell("note", f"the name kept in {unreadable} cannot be read; signing as "
                     f"{annotator} (give --annotator NAME, or your name again in the "
                     "window's Preferences)")
    if not args.project:
        from store.exchange import seeding

        project = seeding.open_or_create(default_project_path(), annotator)
        project.on_close_note = lambda note: tell("note", note)
        return project
    path = Path(args.project).expanduser()
    if not create and not is_there(path):  # (a symbolic link's loop: «Cannot read …»)
        raise TahqiqError("No project at {path}.", path=str(path))
    if not create and holds_no_project_yet(path):
        # Opening would make an empty project of it: a command that only reads (or edits
        # what is there) must not, and a file cut short by a failed copy says so.
        raise TahqiqError("{path} is empty: no project in it yet (`tahqiq import` makes "
                          "one).", path=str(path))
    if is_default_project(path):  # (seeded when made, as when not named)
        from store.exchange import seeding

        project = seeding.open_or_create(path, annotator)
    else:
        project = Project.open(path, annotator)
    project.stays_at_path = True  # (a window has the work kept apart or followed: rv63)
    project.on_close_note = lambda note: tell("note", note)
    if project.opening_note is not None:  # (a file that lost its marks: said once too)
        tell("note", project.opening_note)
    elif project.upgraded is not None:  # said once: the next open finds it upgraded
        version, kept = project.upgraded
        tell("note", f"{path.name} was upgraded from schema {version} to "
                     f"{SCHEMA_VERSION}; the file as it was is kept as {kept.name}"
                     + ("; an older Tahqiq opens a copy `tahqiq copy-for-older FILE` writes"
                        if version >= READABLE_SINCE else ""))
    return project


def article_id(project: Project, args: argparse.Namespace) -> str | None:
    """The ARTICLE argument resolved (an id prefix is enough), or None for all articles."""
    from store.core import articles

    return articles.resolve_article(project, args.article).id if args.article else None


def shaper(args: argparse.Namespace, out: TextIO,
           base_dir: str | None = None) -> Callable[[str], str]:
    """Terminals cannot shape Arabic: reorder and join it for them, never for pipes.
    *base_dir* "L": a record read left to right whatever its first letter."""
    mode = getattr(args, "shape", "auto")
    if mode == "always" or (mode == "auto" and out.isatty()):
        from store.text.display import display_for_terminal

        return lambda text: display_for_terminal(text, base_dir)
    return lambda text: text


# The --shape of the command running (main sets it): its notes and errors on stderr are
# shaped for a terminal as its output is (auto: when stderr is one).
stderr_shape = "auto"


def flat(text: str) -> str:
    """One line, so each record stays on its own line in a terminal or a pipe, with
    nothing in it that commands the terminal (:func:`harmless`)."""
    return harmless(" ".join(text.split()))


def one_line(text: str) -> str:
    """*text* on one line, its spacing kept (the history's columns are two spaces apart),
    and :func:`harmless`: a name or a note holding a line break split a record in two."""
    return harmless(_LINE_BREAKS.sub(" ", text))


_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def harmless(text: str) -> str:
    """*text* with no character that would command the terminal: a control (a
    colleague's name holding «ESC ]0;…BEL» retitled the terminal, «ESC [8m» hid the rest
    of the screen) or a right-to-left override, which turned the rest of the line
    backwards (an isolate, the columns after it), is spelled out («\\x1b», «\\u202e»).
    Line ends and tabs stay, and so do the joiners and marks that shape or order words
    (ZWNJ, RLM)."""
    return text.translate(_SPELLED_OUT)


# C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (LRE RLE PDF
# LRO RLO, LRI RLI FSI PDI: an isolate left open laid the columns after it out from the
# right in a terminal that orders text)
_SPELLED_OUT = {code: ascii(chr(code))[1:-1] for code in
                [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A)]
                if chr(code) not in "\t\n"}


def not_written_whole(exc: OSError) -> str:
    return f"{exc.strerror or exc}: the output was not written whole"


def output_closed() -> None:
    """Standard output gone (a reader that went away, a full disk): the rest of it goes
    nowhere rather than failing again at exit."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def tell(kind: str, message: str) -> None:
    """One line on stderr, ``tahqiq: KIND: MESSAGE``: an "error", or a "note" the user
    should see while the output goes on. With stderr closed (``2>&-``) it is said
    nowhere: print() would have written it into stdout, among the data. So is a line
    stderr cannot take (the terminal closed: EIO; a reader gone): the command's exit
    status says the rest; a traceback there replaced it (SIGHUP's 129 became 1)."""
    if sys.stderr is None:
        return
    line = f"tahqiq: {kind}: {flat(message)}"
    if stderr_shape == "always" or (stderr_shape == "auto" and _is_terminal(sys.stderr)):
        from store.text.display import display_for_terminal

        line = display_for_terminal(line, "L")  # (an English sentence around the Arabic)
    with contextlib.suppress(OSError, ValueError):  # (ValueError: a stream closed)
        print(line, file=sys.stderr, flush=True)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def named(value: str) -> str:
    """A project, a file, an article or an annotator named on the command line. An empty
    name is a variable a script left unset, not «the default project», «every article» or
    «the account's name»."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty (a variable the script left unset?)")
    return value


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number
