"""Starting the application: QApplication, fonts, the project, the main window."""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import linecache
import os
import sys
import time
from pathlib import Path

# The store first, then Qt. Once PySide6 is loaded it reads the source of every module
# an import statement names, looking for "from __feature__ import" (gui.pyside_features
# answers for the modules loaded so far and for the window's own): the store (and the
# standard library it uses), which needs no Qt, is half the modules the window loads.
# These are the modules gui.session and the panels use.
import store.collector  # noqa: F401 - loaded here, before Qt (see above)
import store.core.appearances  # noqa: F401
import store.core.progress  # noqa: F401
import store.core.settings  # noqa: F401
import store.review.disagreements  # noqa: F401
import store.review.reviews  # noqa: F401
import store.text.display  # noqa: F401
from store.core.paths import PROJECT_SUFFIX
from store.core.stamps import default_annotator, unreadable_name_file
from store.errors import TahqiqError, as_user_error

# isort: split
import gui.pyside_features  # noqa: F401 - PySide6 loaded, told which modules are ours

# isort: split
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from gui import dialogs, i18n, settings, uncaught
from gui.file_open import Application
from gui.fonts import register_fonts
from gui.i18n import error_text
from gui.icons import app_icon
from gui.mainwindow import DEFAULT_SIZE, MainWindow
from gui.session import Session
from store.text.display import isolated

_windows: list[MainWindow] = []  # keeps top-level windows alive
SWITCH_INTERVAL_S = 0.0005
SCREENSHOT_WAIT_S = 20  # at most, for the Known Claims panel's answer
# Qt's raster engine hands every fill of more than 96 lines (a scroll bar, a panel's
# background, a selection) to a pool of threads and waits for them: for a widget, the
# hand-off costs more than the fill. A tag repaints three scroll bars, at 0.4-0.5 ms each
# that way and 0.15 on the GUI thread. Qt reads this once, at its first such fill.
NO_GUI_THREAD_POOL = "QT_NO_GUI_THREADPOOL"


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault(NO_GUI_THREAD_POOL, "1")
        QCoreApplication.setOrganizationName("Tahqiq")
        QCoreApplication.setApplicationName("Tahqiq")
        app = Application(argv if argv is not None else [sys.argv[0]])
        app.setDesktopFileName("tahqiq")
        app.setWindowIcon(app_icon())
    register_fonts()
    # A worker thread (an import, an export, a merge) holds the interpreter until asked
    # for it back: at the default 5 ms, every Qt call of the window that lets go of it
    # waits that long to carry on, and a tag makes dozens.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    return app  # type: ignore[return-value]


def annotator() -> str:
    return settings.annotator_name() or default_annotator()


def interface_language(requested: str | None = None) -> str:
    """--lang, else the saved preference, else the system's language."""
    return requested or settings.language() or i18n.system_language()


def create_window(project_path: str | Path | None = None, language: str | None = None,
                  remember: bool = True) -> MainWindow:
    """The main window on *project_path* (default project if None), not yet shown;
    *remember* False leaves the recent projects and the saved layout as they were.

    Raises a TahqiqError subclass if the project cannot be opened.
    """
    app = ensure_app()
    language = i18n.install(app, interface_language(language))
    # An older project's upgrade runs here, seconds for a big one: a waiting cursor
    # (and, switching, a line on the window's status bar) says so (rv262), the default
    # project's too (rv266).
    upgrading = Session.needs_upgrade(project_path)
    with dialogs.busy() if upgrading else contextlib.nullcontext():
        session = Session.open(project_path, annotator(), language)
    try:
        window = MainWindow(session, remember_layout=remember)
    except Exception as exc:  # a damaged page the opening's check did not read
        problem = as_user_error(exc)
        if problem is None:
            raise
        session.close()
        if problem is exc:
            raise
        raise problem from exc
    if remember and session.path is not None:  # written once the window is on screen
        window.firstPainted.connect(lambda: settings.add_recent_project_aside(session.path))
    _windows.append(window)
    window.closed.connect(lambda: _windows.remove(window) if window in _windows else None)
    # Another window is in this one's language, not in the saved preference's: a window
    # started with --lang ar opened the next project in English, and one whose opening
    # failed was left half in each.
    window.openRequested.connect(lambda other, new: switch_project(
        window, other, window.session.language, new=new))
    window.reopenRequested.connect(lambda language: switch_project(
        window, str(window.session.path), language))
    # PySide6 reads the source of the modules named after it is loaded that are not
    # ours (gui.pyside_features), looking for "from __feature__ import", and linecache
    # keeps every line of them, which the window never shows. Dropped once the window is
    # made; a traceback reads again what it needs.
    linecache.clearcache()
    return window


def show_window(path: str | Path) -> MainWindow | None:
    """Open a project in a new window, in the interface's language, and show it (errors
    as a message)."""
    window = open_window(path, language=i18n.current())
    if window is not None:
        window.show()
    return window


def switch_project(window: MainWindow, path: str, language: str, *, new: bool = False
                   ) -> None:
    """Open another project in a new window in *language*, and close this one (if that
    worked), at this window's size and with its panels. The same project opened again
    (the interface's language changed) comes back as it was: see
    MainWindow.take_place_of (the undo history stays with the window closed)."""
    same = window.session.path is not None and Path(path).resolve() in (
        window.session.path.resolve(), window.session.handed_over)
    # (a file followed to its new name is the same project: its article and claim stay
    # in view, as a language switch keeps them; it came back at its first article: rv64)
    if same and window.session.handed_over is None and not may_be_there(path):
        # Moved a moment ago, not followed yet: opening its path again offered to make an
        # empty project there (rv64). The window follows it within a second.
        window.show_status(window.tr("The project file was just moved or renamed: change "
                                     "the language again once the window has followed it."))
        return
    if not window.typing_saved_or_given_up():  # (kept open: nothing switched)
        return
    # The layout as it is now, for the new window to read (the same project or another:
    # File ▸ Open, Open Recent and New Project brought the one from before: rv276).
    window.save_layout()
    if window.session.handed_over is not None:
        # Closed first: a connection opened here while it is open shares its index of
        # the file under the old name, and another program's, at the new name, another
        # (the project damaged: rv63). It writes nothing more anyway.
        window.session.close()
    if not new and Session.needs_upgrade(path):
        window.show_status(window.tr("Upgrading %1 from an older Tahqiq…").replace(
            "%1", isolated(Path(path).name)))
        window.statusBar().repaint()  # (the upgrade holds the event loop)
    other = open_window(path, parent_for_errors=window, language=language, new=new)
    if other is not None:
        if same:
            other.take_place_of(window)
        other.show()
        # Gone once closed, its session with it: each switch left the whole window
        # behind (4.5 MB), kept alive by the connections its own lambdas hold.
        window.closed.connect(window.session.deleteLater)
        window.closed.connect(window.deleteLater)
        window.close()
    else:
        window.typing_given_up = False  # (it stays: its typing is asked about again)
        if language != window.session.language:  # (its language was installed for it:
            i18n.install(ensure_app(), window.session.language)  # it stays in its own)


def open_window(path: str | Path | None, parent_for_errors: QWidget | None = None,
                language: str | None = None, *, new: bool = False) -> MainWindow | None:
    """create_window, with failures shown as a message instead of raised. An empty file
    (a colleague's copy that stopped halfway, say) is made a project only if the user
    says so: it became an empty project unasked, as if nothing had been sent. Unless
    *new*: File ▸ New Project on it, the save dialog has asked already."""
    question = None
    try:  # (a folder that cannot be searched: the store's «Cannot read …», as a file's)
        if path is not None and not new and not Session.is_there(path):
            # (`tahqiq projcet.tahqiq`, a name mistyped, made an empty project unasked,
            # and the user's work seemed gone)
            question = QCoreApplication.translate(
                "ProjectFiles", "There is no project at %1.\n\nMake a new project there?"
            ).replace("%1", isolated(str(Path(path).expanduser())))
        elif path is not None and not new and Session.holds_no_project_yet(path):
            question = QCoreApplication.translate(
                "ProjectFiles", "%1 is empty: it holds no project yet (a copy that stopped "
                "halfway leaves such a file).\n\nMake a new project in it?").replace(
                "%1", isolated(Path(path).name))  # («2026-06.tahqiq» read scrambled)
        if question is not None and not dialogs.confirm(
                parent_for_errors, QCoreApplication.translate("ProjectFiles", "Open Project"),
                question):
            return None
        return create_window(path, language)
    except TahqiqError as exc:
        dialogs.show_error(parent_for_errors, error_text(exc))
        return None


def screenshot(window: MainWindow, target: str | Path,
               size: tuple[int, int] = DEFAULT_SIZE) -> str | None:
    """Render the window (with its first article and highlights) into a PNG of *size*;
    what went wrong, or None."""
    window.resize(*size)
    window.show()
    app = QApplication.instance()
    # The Known Claims panel said «Looking for claims checked elsewhere…» in every
    # screenshot: its answer comes from a thread a moment after the article is shown.
    waited = time.monotonic() + SCREENSHOT_WAIT_S
    while window.finder.busy() and time.monotonic() < waited:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
    if (window.width(), window.height()) != size:  # smaller than its panels allow
        least = window.minimumSizeHint()
        return (f"the window cannot be {size[0]}x{size[1]}: it needs at least "
                f"{least.width()}x{least.height()}")
    # At the size asked for in pixels, whatever the screen's scale: grab() gives the
    # screen's pixels, 2560x1600 for 1280x800 on a 200% screen.
    picture = QImage(window.size(), QImage.Format.Format_ARGB32_Premultiplied)
    picture.setDevicePixelRatio(1.0)
    picture.fill(0)
    window.render(picture)
    if not picture.save(str(target), "PNG"):
        return f"could not write {target}"
    return None


def window_size(text: str) -> tuple[int, int]:
    """'1280x820' as (1280, 820)."""
    width, _, height = text.lower().partition("x")
    # (Below what the window's panels allow, the render says the least size: a range
    # here, «320x240 to 8000x8000», offered a size the render then refused, rv222.)
    if not (width.isdigit() and height.isdigit() and 0 < int(width) <= 8000
            and 0 < int(height) <= 8000):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x820 "
                                         "(at most 8000x8000)")
    return int(width), int(height)


def parse_args(argv: list[str]) -> argparse.Namespace:
    if not argv or (len(argv) == 1 and argv[0].endswith(PROJECT_SUFFIX)
                    and not argv[0].startswith("-")):
        # `tahqiq` or `tahqiq FILE.tahqiq`, as the desktop and most people start it:
        # argparse asks gettext for each help string, which loads the locale module
        # (1.4 ms of start-up) to parse what needs no parsing. (A test holds the two alike.)
        return argparse.Namespace(project_file=local_path(argv[0]) if argv else None,
                                  project_option=None, screenshot=None, size=DEFAULT_SIZE,
                                  lang=None)
    return parse_options(argv)


def local_path(word: str) -> str:
    """*word*, or the file a ``file://`` address names: a dock or a user pasting one
    handed «file:///…/%D9%85….tahqiq» over, which was offered as a new project and made
    as a folder tree named «file:» (rv93)."""
    if not word.startswith("file://"):  # («file:x.tahqiq» may be a file's own name)
        return word
    from PySide6.QtCore import QUrl

    url = QUrl(word)
    return url.toLocalFile() if url.isLocalFile() and url.toLocalFile() else word


def parse_options(argv: list[str]) -> argparse.Namespace:
    """The arguments, read by argparse (see ``parse_args``), wrong ones said in one line
    as the commands say them, with the same hints (`tahqiq -notes.tahqiq`: to write it
    after --)."""
    from store.cli.commands import UsageError, not_written_whole, output_closed

    try:
        try:
            return _parsed_options(argv)
        except SystemExit:  # --help: its end written now, not refused unsaid at exit
            sys.stdout.flush()
            raise
    except UsageError as exc:
        print(f"tahqiq: error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except OSError as exc:  # --help to a full disk or a reader gone: as `tahqiq --help`
        output_closed()  # (what is left is not tried again at exit)
        if not isinstance(exc, BrokenPipeError):
            print(f"tahqiq: error: {not_written_whole(exc)}", file=sys.stderr)
        raise SystemExit(1) from None


def _parsed_options(argv: list[str]) -> argparse.Namespace:
    from store.cli.commands import Parser, not_a_command  # (difflib: only when asked)

    parser = Parser(
        prog="tahqiq",
        description="Tag and review the claims in (Arabic) news articles. "
                    "Run 'tahqiq COMMAND --help' for the command-line tools.")
    parser.add_argument("project_file", nargs="?", metavar="PROJECT",
                        help="project file to open or create (.tahqiq)")
    parser.add_argument("--project", metavar="PATH", dest="project_option",
                        help="the same as PROJECT (as the commands take it)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="render the main window into PNG and exit")
    parser.add_argument("--size", metavar="WxH", type=window_size, default=DEFAULT_SIZE,
                        help="the screenshot's size in pixels (default: "
                             f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]})")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help="interface language (default: your preference, else the system's)")
    args = parser.parse_args(argv)
    if args.project_option:
        args.project_option = local_path(args.project_option)
    if args.project_file:
        args.project_file = local_path(args.project_file)
    # Not a project and not a command: most likely a mistyped command, or one put after
    # the app's options (`tahqiq --lang ar --project P summary`), said before the second
    # project that word also is.
    for word in (args.project_file, args.project_option):
        if word and not word.endswith(PROJECT_SUFFIX) and not may_be_there(word):
            parser.error(not_a_command(word))
    if args.project_option:
        if args.project_file and args.project_file != args.project_option:
            parser.error("give the project once: as PROJECT or as --project PATH")
        args.project_file = args.project_option
    if args.size != DEFAULT_SIZE and not args.screenshot:
        parser.error("--size is for --screenshot (the window keeps the size you give it)")
    return args


def may_be_there(path: str | Path) -> bool:
    """Whether something is, or may be, at *path*: one that cannot be reached is taken
    to be there, for opening it to say what it meets (the store's «Cannot read …»)."""
    try:
        return Session.is_there(path)
    except TahqiqError:
        return True


def has_display() -> bool:
    """Whether Qt has somewhere to show a window: on Linux, an X or a Wayland display,
    or a platform asked for by name (QT_QPA_PLATFORM: offscreen, vnc…)."""
    if not sys.platform.startswith("linux") or QApplication.instance() is not None:
        return True
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY",
                                                 "WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    # Starting makes some hundred thousand objects and no garbage: the collector's
    # passes (the launcher paused them while the modules loaded) wait for the window's
    # first paint.
    gc.disable()
    try:
        return _run(parse_args(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()  # a window that never painted, a screenshot, an error: on again


def _run(args: argparse.Namespace) -> int:
    if not has_display():
        if not args.screenshot:  # Qt would abort, printing its plugins, exit 134
            print("tahqiq: error: there is no display to show the window on (neither "
                  "DISPLAY nor WAYLAND_DISPLAY is set); the commands work without one: "
                  "tahqiq --help", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    app = ensure_app([sys.argv[0]])
    if isinstance(app, Application):  # (not an application a test made before)
        app.open_project = show_window
    i18n.install(app, interface_language(args.lang))
    if not args.screenshot:  # (a screenshot prints its error and exits)
        uncaught.install()
    if args.screenshot is None and not settings.annotator_name():
        unreadable = unreadable_name_file()  # (then not the login name, offered)
        name = dialogs.ask_annotator(None, "" if unreadable else default_annotator(),
                                     str(unreadable) if unreadable else "")
        if name and not settings.set_annotator_name(name):
            dialogs.show_error(None, settings.name_not_kept())
    if args.screenshot:
        try:
            if args.project_file and not Session.is_there(args.project_file):
                # (a mistyped path made a project there: a screenshot changes nothing)
                print(f"tahqiq: error: No project at {args.project_file}.", file=sys.stderr)
                return 1
            if args.project_file and Session.holds_no_project_yet(args.project_file):
                print(f"tahqiq: error: {args.project_file} is empty: no project in it yet.",
                      file=sys.stderr)
                return 1
            window = create_window(args.project_file, args.lang, remember=False)
        except TahqiqError as exc:  # no one to click a dialog away: say it and exit
            print(f"tahqiq: error: {exc}", file=sys.stderr)
            return 1
    else:
        window = open_window(args.project_file, language=args.lang)
        if window is None:
            return 1
        window.firstPainted.connect(gc.enable)
    if args.screenshot:
        problem = screenshot(window, args.screenshot, args.size)
        window.close()
        if problem:
            print(f"tahqiq: error: {problem}", file=sys.stderr)
            return 1
        return 0
    window.show()
    end_on_signals(app)
    return app.exec()


def end_on_signals(app: QApplication) -> None:
    """SIGTERM and SIGHUP (a logout, a shutdown, `kill PID`) and SIGINT (Ctrl+C in the
    terminal it was started from: a traceback, the window left open) close every window
    as its ✕ does, and the session manager's «save your work» keeps what each window
    shows: the program ended at once, the note typed in its last second, the article and
    claim it was left on and its size and panels lost (rv70). Python runs a signal's handler only
    when the interpreter runs, which Qt's event loop, waiting, does not: the signal
    writes a byte into a socket the event loop watches, which wakes it."""
    import contextlib
    import signal

    from PySide6.QtCore import QSocketNotifier, QTimer

    if sys.platform == "win32":  # (set_wakeup_fd takes a socket there, a file elsewhere)
        import socket

        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        read_fd, write_fd = reader.fileno(), writer.fileno()
        drain = reader.recv
    else:  # a pipe: the socket module (and selectors) took ~3 ms before the first paint
        read_fd, write_fd = reader, writer = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        drain = functools.partial(os.read, read_fd)
    signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)

    def woken() -> None:
        with contextlib.suppress(OSError):
            drain(64)  # (the handler itself runs as Python code runs again)

    def close_all() -> None:
        app.closeAllWindows()
        # (a window kept open by its answer — typing not saved, a project moved away —
        # keeps the program: it quit under the box's Cancel, the typing lost, rv228)
        if not any(window.isVisible() for window in _windows):
            app.quit()

    def ended(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app, close_all)

    notifier.activated.connect(woken)
    for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None), signal.SIGINT):
        # (one the program was started ignoring stays ignored: `nohup tahqiq FILE &`
        # keeps the window when its terminal closes)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, ended)

    def commit_data(_manager: object) -> None:
        for window in list(_windows):
            window.claims_panel.commit_drafts()
            window.keep_place()

    app.commitDataRequest.connect(commit_data)
    _kept_alive.append((reader, writer, notifier))


_kept_alive: list[object] = []  # the signal's socket pair and its notifier
