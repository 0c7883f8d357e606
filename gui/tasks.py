"""Long work off the GUI thread, with progress and cancel.

A task runs a plain store function in a Python thread on its *own* connection
to the project (SQLite connections are not shared across threads); WAL and the
busy timeout let it write while the window keeps reading. Results and errors
come back to the GUI thread as queued Qt signals.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui.i18n import error_text
from store.core.progress import Progress
from store.errors import as_user_error

# How often the window is told how far a task has come: an export reports each record,
# and 300,000 queued signals (a project's JSON) took the window longer to take in than
# the export took to write (5.1 s alone, 12.5 s in the app). A report is sent when
# REPORT_EVERY has passed since the last, or the work moved by a hundredth of its total
# (work that reports seldom is shown where it is, each report), and the last always: the
# window is at most a hundredth behind while the work is quiet.
REPORT_EVERY = 0.05  # seconds


# The work run_with_progress started, not done yet (not the window's own searches: those
# stop when it closes).
_RUNNING: set[Task] = set()


def running_for(window: QWidget) -> list[Task]:
    """The work started from *window* (or a dialog of it) with a progress dialog, still
    running."""
    return [task for task in _RUNNING if task.window is window]


class Task(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None,
                 label: str = ""):
        super().__init__(parent)
        self._work = work
        self.label = label  # what it does, as the progress dialog says it
        self.window = parent.window() if isinstance(parent, QWidget) else None
        self.cancelled = False
        self._next_report = 0.0  # (time.monotonic())
        self._reported = -1  # how far the last report sent said the work was
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> Task:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        """A report sent to the window as REPORT_EVERY says, from the work's thread
        (queued, in order before ``done``); the answer, whether to go on, given to every
        call."""
        now = time.monotonic()
        if done >= total or now >= self._next_report or \
                (done - self._reported) * 100 >= total:
            self._next_report = now + REPORT_EVERY
            self._reported = done
            self.progressed.emit(done, total)
        return not self.cancelled

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # never let a worker die silently
            self.failed.emit(self._told(exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()

    def _told(self, exc: Exception) -> str:
        """What the window says of *exc*: a store error in its words, SQLite's as the
        rest of the window says it, the system's refusal (a full disk) as the system
        words it; anything else is a bug, whose traceback goes to standard error for a
        report, as gui.uncaught does on the window's thread."""
        if (problem := as_user_error(exc)) is not None:
            return error_text(problem)
        if isinstance(exc, OSError) and exc.strerror:
            return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
        traceback.print_exception(exc)
        return self.tr("Unexpected problem: %s") % exc

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def run_with_progress(parent: QWidget, label: str, work: Callable[[Progress], Any],
                      on_success: Callable[[Any], None],
                      on_failure: Callable[[str], None]) -> Task:
    """Start *work* and show a cancellable progress dialog if it takes a moment. What
    it gives is taken only while the window's project is open: an import finished after
    its window closed (another window kept the application running) showed its article
    on the closed project, «Cannot operate on a closed database»."""
    task = Task(work, parent, label)
    dialog = QProgressDialog(label, parent.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    task.progressed.connect(progressed)
    session = getattr(task.window, "session", None)

    def open_project() -> bool:
        return session is None or not session.closed

    def taken(give: Callable[[Any], None], what: Any) -> None:
        # Running until what it gave is taken: an import asks about a file's encoding
        # between its reading and its storing, and a window closed meanwhile was gone
        # when the storing began.
        try:
            if open_project():
                give(what)
        finally:
            _RUNNING.discard(task)

    task.succeeded.connect(lambda result: taken(on_success, result))
    task.failed.connect(lambda message: taken(on_failure, message))
    task.done.connect(dialog.close)
    task.done.connect(dialog.deleteLater)
    task.done.connect(task.deleteLater)
    _RUNNING.add(task)
    return task.start()
