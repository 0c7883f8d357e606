"""Shared fixtures: every test gets its own data and config folders, never the user's."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the same examples every time, so a red build is reproducible on any machine.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Ctrl+C is Python's KeyboardInterrupt in these processes and in those they start, however
# the suite was started: a shell starts a job in the background (`… &`) with SIGINT ignored,
# which its children inherit, and the tests of what Ctrl+C does in Tahqiq failed there.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_QUOTE = "أقوى معاهدة على الإطلاق"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Point XDG folders and the annotator at throwaway values for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("TAHQIQ_USER", "tester")
    return home



def pytest_sessionfinish(session, exitstatus):
    """What the tests copied is let go while Python still runs: the offscreen platform
    keeps the clipboard's data in a global of Qt's that is freed after Python has
    finished, and a QMimeData made in Python crashed the process there (exit 139 after
    every test passed; a real display's clipboard lets go of it with the application)."""
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and (app := widgets.QApplication.instance()) is not None:
        app.clipboard().clear()


def store_bytes_as_text(project, article_id: str, hex_bytes: str) -> None:
    """Give an article a text that is not UTF-8, as a damaged file or another program
    might (the update trigger, which would index it, dropped first)."""
    project.conn.execute("DROP TRIGGER search_articles_update")
    with project.transaction():
        project.conn.execute(f"UPDATE articles SET text = CAST(X'{hex_bytes}' AS TEXT) "
                             "WHERE id = ?", [article_id])

_stored: dict[Path, object] = {}


def stored(holder):
    """The project file behind a window or session, through a connection of the test's own:
    what is saved, as another program would read it (the window's own is the session's)."""
    from store.core.project import Project

    session = getattr(holder, "session", holder)
    if session.path not in _stored:
        _stored[session.path] = Project.open(session.path, session.annotator, create=False)
    return _stored[session.path]


@pytest.fixture(autouse=True)
def _left_to_right_again():
    """The application left left-to-right after each test, as an Arabic window's test
    may leave it right-to-left: a table never shown then selected no row for a later test
    in the same worker (selectRow picks its column where it would be drawn)."""
    yield
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or (app := widgets.QApplication.instance()) is None:
        return
    from PySide6.QtCore import Qt

    if app.layoutDirection() != Qt.LayoutDirection.LeftToRight:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture(autouse=True)
def _no_deleted_window_kept():
    """A window a test deleted after it refused to close (typing kept, a project moved
    away) stays among gui.app's windows — the application deletes one only once it has
    closed — and a later test in the worker walking them met it deleted (.ci/run). Its
    deletion is carried out here, not in the next test's first wait, and it is let go."""
    yield
    import sys

    if (app := sys.modules.get("gui.app")) is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    # A window the test closed is deleted too, its deletion not left to the next event
    # loop that runs one: qtbot's deleteLater and the window fixture's are carried out
    # only by a loop's exec (processEvents leaves them), and the Arabic windows' fixture
    # asked none. Each left ~240 widgets behind (13,000 after test_gui_arabic), which
    # every later test's language switch, translator and layout direction went through:
    # QApplication.setLayoutDirection 0.17 s a call at the end of that file (fx133).
    # (The zero timers a closing posted run first, while what they reach is there: a
    # window deleted in the middle of its own close is not what a person's is.)
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, app.MainWindow) and not widget.isVisible() \
                and (not isValid(widget.session) or widget.session.closed):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app._windows[:] = [window for window in app._windows if isValid(window)]


@pytest.fixture(autouse=True)
def _close_stored():
    yield
    for project in _stored.values():
        project.close()
    _stored.clear()


_templates: dict[tuple[bool, str], Path] = {}


def copy_of_new_project(tmp_path_factory, target: Path, annotator: str, *,
                        seeded: bool) -> Path:
    """*target* made a copy of a project just created by *annotator* (``Project.open``;
    *seeded*: ``open_or_create``, the sample articles in it), made once per worker and
    closed, its log written into it: the same file the test would have made, its labels'
    and articles' ids and times those of the worker's first (a test's own changes come
    after them, as after a creation). Creating one (schema, migrations, default labels,
    the seeds' import) cost ~25-35 ms of CPU in each of ~1,450 tests' set-up; a copy
    opens in ~6. Tests of creation itself create their own."""
    from store.core.project import Project
    from store.exchange.seeding import open_or_create

    key = (seeded, annotator)
    if key not in _templates:
        made = tmp_path_factory.mktemp("template") / target.name
        (open_or_create if seeded else Project.open)(made, annotator).close()
        assert sorted(made.parent.iterdir()) == [made]  # (nothing left beside it)
        _templates[key] = made
    shutil.copyfile(_templates[key], target)
    return target


@pytest.fixture
def project(tmp_path, tmp_path_factory):
    """A fresh project file on disk with the default labels and no articles."""
    from store.core.project import Project

    path = copy_of_new_project(tmp_path_factory, tmp_path / "test.tahqiq", "tester",
                               seeded=False)
    proj = Project.open(path, "tester")
    yield proj
    proj.close()


@pytest.fixture
def sample_project(tmp_path, tmp_path_factory):
    """A project seeded like a first run: the sample Arabic article."""
    from store.exchange.seeding import open_or_create

    path = copy_of_new_project(tmp_path_factory, tmp_path / "sample.tahqiq", "tester",
                               seeded=True)
    proj = open_or_create(path, "tester")
    yield proj
    proj.close()


@pytest.fixture
def sample_article(sample_project):
    from store.core import articles

    first = articles.list_articles(sample_project)[0]
    return articles.get_article(sample_project, first["id"])


@pytest.fixture
def errors(monkeypatch):
    """Replace the error dialog with a list of the messages it would have shown."""
    from gui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message, title="": shown.append(
        message))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, message: shown.append(
        f"info: {message}"))
    return shown


def first_run_project(tmp_path_factory) -> None:
    """The default project a first run makes, seeded by the window's annotator, put where
    the window opens it (a copy: copy_of_new_project), unless the test put a file there."""
    from gui.app import annotator, ensure_app
    from store.core.paths import default_project_path

    ensure_app()  # (the annotator's name is a setting)
    default = default_project_path()
    if not os.path.lexists(default):
        default.parent.mkdir(parents=True, exist_ok=True)
        copy_of_new_project(tmp_path_factory, default, annotator(), seeded=True)


@pytest.fixture
def window(qtbot, errors, tmp_path_factory):
    """The main window on a freshly created default project (the first-run experience):
    a copy of one made so (first_run_project)."""
    from gui.app import create_window
    from gui.tasks import running_for

    first_run_project(tmp_path_factory)
    win = create_window()
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here, not by qtbot (which closes its widgets before fixtures end): a window
    # closes once its work under way is done, and a test's last import or merge, deleted
    # with its window meanwhile, finished into the next test.
    qtbot.waitUntil(lambda: not running_for(win), timeout=30000)
    if isValid(win):  # (a window closed by the test is deleted)
        if win.isVisible():
            win.close()
        win.deleteLater()


def utf16_index(text: str, cp: int) -> int:
    """Independent reference for the GUI's offset conversion."""
    return len(text[:cp].encode("utf-16-le")) // 2


def select_in_reader(window, start_cp: int, end_cp: int) -> None:
    """Select code points [start, end) in the reader the way Qt sees it: UTF-16 positions."""
    from PySide6.QtGui import QTextCursor

    text = window.article_pane.reader.toPlainText()
    cursor = window.article_pane.reader.textCursor()
    cursor.setPosition(utf16_index(text, start_cp))
    cursor.setPosition(utf16_index(text, end_cp), QTextCursor.MoveMode.KeepAnchor)
    window.article_pane.reader.setTextCursor(cursor)


def tag_quote(window, quote: str, label: str) -> None:
    """Select the first occurrence of *quote* in the reader and give it *label*."""
    start = window.article_pane.reader.plain_text().index(quote)
    select_in_reader(window, start, start + len(quote))
    window.tag(label)


def window_of_two_pasted(qtbot, path, first: str, second: str):
    """A window on a new project at *path* holding two articles pasted in, showing the
    second: the window and the second's id."""
    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    window.files.paste_as_article(first)
    window.files.paste_as_article(second)
    return window, window.current_article


def import_files(qtbot, window, *paths) -> None:
    """Import through the window (off its thread, as File ▸ Import does) and wait for it."""
    with qtbot.waitSignal(window.files.importFinished, timeout=30000):
        window.files.import_paths(list(paths))


def imports_refused_after_one(monkeypatch, refusal: Exception | None = None) -> list[str]:
    """Importing stores the first file it is given and meets *refusal* at each after it,
    as a project whose disk fills up does: by default the project's own words for that,
    StorageError(DISK_FULL), not a copy of them (an import tells the files it could not
    store by comparing that template: a copy that drifted would no longer be one). The
    names of the files tried, as they are tried."""
    from store.core.project import DISK_FULL
    from store.errors import StorageError
    from store.exchange import importing

    done, tried = importing.import_loaded, []

    def refused_after_one(project, loaded, **kwargs):
        tried.append(loaded.name)
        if len(tried) > 1:
            raise StorageError(DISK_FULL) if refusal is None else refusal
        return done(project, loaded, **kwargs)

    monkeypatch.setattr(importing, "import_loaded", refused_after_one)
    return tried


def on_screen(widget) -> QImage:
    """What the window's backing store holds for *widget*: what the person sees, which
    a repaint that missed something leaves stale."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage

    top = widget.window()
    at = widget.mapTo(top, QPoint(0, 0))
    return top.screen().grabWindow(top.winId(), at.x(), at.y(), widget.width(),
                                   widget.height()).toImage().convertToFormat(
        QImage.Format.Format_RGB32)


def fresh(widget) -> QImage:
    """*widget* painted afresh, whole: what on_screen should show."""
    from PySide6.QtGui import QImage

    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def reader_showing(qtbot, monkeypatch, text, claims, labels, lazy_blocks: int):
    """A 500x300 article view on screen showing *text* with *claims*, highlighting lazily
    past *lazy_blocks* paragraphs (gui.reader.LAZY_BLOCKS), painted once."""
    from gui import reader

    monkeypatch.setattr(reader, "LAZY_BLOCKS", lazy_blocks)
    view = reader.ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_article("a", text, claims, labels)
    view.viewport().repaint()
    return view
