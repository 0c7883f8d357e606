"""Starting the window as `tahqiq PROJECT` does: what waits for its first paint happens
after it, and nothing is left undone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from store.exchange import seeding

PROBE = """
import gc, sys
from PySide6.QtCore import QTimer
import gui.app
from gui import settings
app = gui.app.ensure_app()
import time
seen = []
began = time.monotonic()
def look():  # once both are done, or a minute on: a loaded machine's start takes seconds
    if (gc.isenabled() and settings.recent_projects()) or time.monotonic() - began > 60:
        seen.extend([gc.isenabled(), settings.recent_projects()])
        app.quit()
    else:
        QTimer.singleShot(100, look)
QTimer.singleShot(2000, look)  # the window has been on screen a while by then
from gui.launcher import main
print(main([sys.argv[1]]), seen)
"""


def _start(probe: str, path: Path) -> str:
    """The last line *probe* prints, run on a new project at *path* by an annotator
    already named (so the launcher asks nothing)."""
    seeding.open_or_create(path).close()
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq"
    config.mkdir(parents=True, exist_ok=True)
    (config / "tahqiq.ini").write_text("[General]\nannotator=tester\n", "utf-8")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                            text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_launcher_turns_the_collector_back_on_and_remembers_the_project(tmp_path):
    """The garbage collector waits for the first paint (start-up makes no garbage worth
    a pass), and so does writing the recent projects: both must happen then."""
    path = tmp_path / "started.tahqiq"
    assert _start(PROBE, path) == f"0 {[True, [str(path.resolve())]]}"


STYLE_PROBE = """
import sys
from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
import gui.app
from gui import scroll_bars
app = gui.app.ensure_app()
seen = {}
opened = gui.app.open_window
def open_and_watch(*args, **kwargs):
    window = opened(*args, **kwargs)
    window.firstPainted.connect(lambda: seen.update(
        style_at_first_paint="QStyle" in QtWidgets.__dict__,
        bars_ready_at_first_paint=scroll_bars._style is not None))
    return window
gui.app.open_window = open_and_watch
import time
began = time.monotonic()
def look():  # once painted and ready, or a minute on: a loaded machine's start takes seconds
    if not (seen and scroll_bars._style is not None) and time.monotonic() - began < 60:
        QTimer.singleShot(100, look)
        return
    seen["bars_ready_once_idle"] = scroll_bars._style is not None
    app.quit()
QTimer.singleShot(2000, look)
from gui.launcher import main
print(main([sys.argv[1]]), sorted(seen.items()))
"""


def test_the_style_is_made_for_the_scroll_bars_once_the_window_is_idle(tmp_path):
    """QStyle's Python type (7 ms to make) is not made before the first paint; the steady
    scroll bars (gui.scroll_bars) get it a moment later, before anyone acts."""
    assert _start(STYLE_PROBE, tmp_path / "started.tahqiq") == "0 " + str(sorted(
        {"style_at_first_paint": False, "bars_ready_at_first_paint": False,
         "bars_ready_once_idle": True}.items()))


SOURCES_PROBE = """
import inspect, sys
read = []
original = inspect.getsource
def getsource(obj):
    if hasattr(sys.modules.get("gui.pyside_features"), "answer_for_ours"):  # PySide loaded
        read.append(getattr(obj, "__name__", ""))
    return original(obj)
inspect.getsource = getsource  # what PySide6 reads modules with
import gui.app
from PySide6.QtCore import QTimer
app = gui.app.ensure_app()
def look():
    read[:] = [name for name in read if name.partition(".")[0] in ("gui", "store")
               or name in sys.stdlib_module_names]
    app.quit()
QTimer.singleShot(2000, look)
from gui.launcher import main
print(main([sys.argv[1]]), read)
"""


def test_pyside_reads_the_source_of_none_of_our_modules_as_the_window_starts(tmp_path):
    """Once loaded, PySide6 reads the source of each module an import statement names
    (looking for ``from __feature__ import``): 83 modules at start-up, 7 ms.
    gui.pyside_features answers for the store's, the window's and the standard
    library's before it asks (the idle preparation's first seconds included)."""
    assert _start(SOURCES_PROBE, tmp_path / "started.tahqiq") == "0 []"


def test_a_project_reopens_where_it_was_left(qtbot, tmp_path):
    """Reopened, a project showed its first article with nothing chosen, and the search
    panel, left in front, empty where the article list had been. It opens on the
    article and the claim it was left on, the list in front; another project, and a
    window that remembers nothing, on their first article."""
    from conftest import tag_quote, window_of_two_pasted

    from gui.app import create_window

    path = tmp_path / "desk.tahqiq"
    window, second = window_of_two_pasted(qtbot, path,
                                          "مقال أول: قالت الوزيرة إن الواردات انخفضت.",
                                          "مقال ثان: قال الوزير إن الصادرات ارتفعت.")
    window.show_article(window.article_model.first_id())
    tag_quote(window, "الواردات انخفضت", "disputed")
    window.show_article(second)
    tag_quote(window, "الصادرات ارتفعت", "verified")
    chosen = window.current_claim_id()
    window.search_dock.show()
    window.search_dock.raise_()
    window.close()
    again = create_window(path)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.current_article, again.current_claim_id()) == (second, chosen)
    assert again.articles_view.isVisible() and not again.search_panel.isVisible()
    again.close()
    fresh = create_window(path, remember=False)
    qtbot.addWidget(fresh)
    assert fresh.current_article == fresh.article_model.first_id() != second
    fresh.close()
    other = create_window(tmp_path / "other.tahqiq")
    qtbot.addWidget(other)
    assert other.current_article == other.article_model.first_id()
    other.close()


FIRST_TAG_PROBE = """
import gc, sys, time
from PySide6 import QtWidgets
import gui.app
app = gui.app.ensure_app()
window = gui.app.create_window(sys.argv[1], remember=False)
window.show()
def wait(done):
    until = time.monotonic() + 60
    while not done() and time.monotonic() < until:
        app.processEvents()
        time.sleep(0.005)
    return done()
article = next(i for i in window.session.article_ids()
               if window.session.article_title(i) == "twice")
window.show_article(article)
wait(lambda: window.session._prepared)
until = time.monotonic() + 0.5  # the person reads a while
wait(lambda: time.monotonic() > until)
def python_types():
    return {id(made): made for made in gc.get_objects() if isinstance(made, type)}
modules, types = set(sys.modules), python_types()
style_made = "QCommonStyle" in QtWidgets.__dict__  # the type Qt's own styles come as
text = window.session.article(article).text
window.article_pane.reader.select_span(0, text.index(" Officials"))
window.tag("verified")
answered = wait(lambda: bool(window.known_claims.hits()))  # the words' second time
made = sorted(f"{t.__module__}.{t.__qualname__}" for k, t in python_types().items()
              if k not in types)
window.close()
print(answered, style_made, sorted(set(sys.modules) - modules), made)
"""


def test_a_first_tag_makes_nothing_the_idle_window_could_have(tmp_path):
    """The modules and Python types a session's first tag needs are made while the
    window is idle (Session._prepare), not inside it: the type PySide makes for the
    claims table's first change of selection, the running style's (the scroll bars ask
    it), and the module the known-claims matcher's answers are unpickled into (a thread
    reading them held the GIL for a millisecond of the tag). Together they were about
    1.3 ms of the first tag at 50,000 claims."""
    from store.core import appearances, articles
    from store.core.project import Project

    path = tmp_path / "known.tahqiq"
    with Project.open(path, "tester") as project:
        other = articles.add_article(project, "Ministers met on Monday in Cairo.", "other")
        appearances.create_claim(project, other.id, 0, 15, "disputed")  # the matcher runs
        sentence = "The treaty is the strongest treaty ever signed by the two countries."
        articles.add_article(project, f"{sentence} Officials said so.\n\n{sentence} Others "
                             "doubt it.", "twice")
    assert _start(FIRST_TAG_PROBE, path) == "True True [] []"


PAINT_PROBE = """
import sys
from PySide6.QtCore import QTimer
import gui.app
from gui import mainwindow
made = mainwindow.MainWindow.__init__
loaded = []
def watched(window, *args, **kwargs):
    made(window, *args, **kwargs)
    def painted():
        loaded.extend(name for name in WAITING if name in sys.modules)
        loaded.extend(made.__name__ for made in PATTERNS if made.cache_info().currsize)
        # (closed as a person would, once what the first paint set going is under way:
        # a quit at the paint itself aborted under load, threads still starting)
        QTimer.singleShot(1000, lambda: (window.close(), gui.app.QApplication.quit()))
    window.firstPainted.connect(painted)
mainwindow.MainWindow.__init__ = watched
WAITING = ("socket", "selectors", "store.text.clean", "store.text.pdf_text",
           "uuid", "platform", "hashlib", "filecmp", "store.core.soundness",
           "store.core.interrupts")
from store.core import links
from store.text import display
PATTERNS = (links._next_link, display._emoji_sequence)
from gui.launcher import main
print(main([sys.argv[1]]), loaded)
"""


def test_what_the_first_picture_does_without_is_loaded_after_it(tmp_path):
    """Modules the first picture does not need wait for it: the socket module (the
    signals' wake-up is a pipe outside Windows), the cleaning of imported text and notes
    and its PDF repair (loaded when a text or a note is written, or while the window is
    idle). Together about 6 ms of the start-up (rv111). Nor what only a write, a check
    or a merge needs: uuid (and the platform module it loads) for a file written whole,
    hashlib and a scan of 12,289 code points for the rules of another program's rows,
    filecmp for an upgrade's copies, the commit's signal handling; nor the two
    costliest patterns of the modules it loads that it never uses, the command line's
    emoji and a pasted text's links (fx99: 44 M instructions of 1,491 M). The
    first write, rehearsed while the window is idle, loads what a write needs before
    the first action (test_a_first_tag_makes_nothing_the_idle_window_could_have)."""
    assert _start(PAINT_PROBE, tmp_path / "started.tahqiq") == "0 []"
