"""Starting the application: QApplication, fonts, the project, the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from gui import dialogs, i18n, settings
from gui.file_open import FileOpenHandler
from gui.fonts import register_fonts
from gui.i18n import error_text
from gui.icons import app_icon
from gui.mainwindow import MainWindow
from gui.session import Session
from store import seeding
from store.errors import TahqiqError
from store.paths import default_project_path
from store.project import default_annotator

_windows: list[MainWindow] = []  # keeps top-level windows alive


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Tahqiq")
        QCoreApplication.setApplicationName("Tahqiq")
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setDesktopFileName("tahqiq")
        app.setWindowIcon(app_icon())
    register_fonts()
    return app  # type: ignore[return-value]


def annotator() -> str:
    return settings.annotator_name() or default_annotator()


def interface_language(requested: str | None = None) -> str:
    """--lang, else the saved preference, else the system's language."""
    return requested or settings.language() or i18n.system_language()


def create_window(project_path: str | Path | None = None, language: str | None = None
                  ) -> MainWindow:
    """The main window on *project_path* (default project if None), not yet shown.

    Raises a TahqiqError subclass if the project cannot be opened.
    """
    app = ensure_app()
    language = i18n.install(app, interface_language(language))
    path = Path(project_path) if project_path else default_project_path()
    project = seeding.open_or_create(path) if project_path is None else \
        seeding.open_project(path)
    project.annotator = annotator()
    session = Session(project)
    session.language = language
    window = MainWindow(session)
    if project.path is not None:
        settings.add_recent_project(project.path)
    _windows.append(window)
    window.closed.connect(lambda: _windows.remove(window) if window in _windows else None)
    return window


def open_window(path: str | Path | None, parent_for_errors: QWidget | None = None,
                language: str | None = None) -> MainWindow | None:
    """create_window, with failures shown as a message instead of raised."""
    try:
        return create_window(path, language)
    except TahqiqError as exc:
        dialogs.show_error(parent_for_errors, error_text(exc))
        return None


def screenshot(window: MainWindow, target: str | Path) -> bool:
    """Render the window (with its first article and highlights) into a PNG."""
    window.show()
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    return window.grab().save(str(target), "PNG")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, like the command line's errors
        print(f"tahqiq: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = _Parser(
        prog="tahqiq",
        description="Tag and review the claims in (Arabic) news articles. "
                    "Run 'tahqiq COMMAND --help' for the command-line tools.")
    parser.add_argument("project", nargs="?", help="project file to open or create (.tahqiq)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="render the main window into PNG and exit")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help="interface language (default: your preference, else the system's)")
    args = parser.parse_args(argv)
    if args.project and not args.project.endswith(".tahqiq") and not Path(args.project).exists():
        # Not a project and not a command: most likely a mistyped command.
        parser.error(f"'{args.project}' is neither a command nor a project file (.tahqiq); "
                     "see 'tahqiq --help'")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = ensure_app([sys.argv[0]])
    app.installEventFilter(FileOpenHandler(app))
    i18n.install(app, interface_language(args.lang))
    if args.screenshot is None and not settings.annotator_name():
        name = dialogs.ask_annotator(None, default_annotator())
        if name:
            settings.set_annotator_name(name)
    if args.screenshot:
        try:
            window = create_window(args.project, args.lang)
        except TahqiqError as exc:  # no one to click a dialog away: say it and exit
            print(f"tahqiq: error: {exc}", file=sys.stderr)
            return 1
    else:
        window = open_window(args.project, language=args.lang)
        if window is None:
            return 1
    if args.screenshot:
        ok = screenshot(window, args.screenshot)
        window.close()
        if not ok:
            print(f"tahqiq: error: could not write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    window.show()
    return app.exec()
