"""The known-claims matcher in a process of its own, for the window.

The matcher is pure Python work: seconds to index 50,000 claims, and some 150
megabytes to hold them. In a thread of the window's process it takes the interpreter
from the thread that paints and tags (every Qt call that lets go of it waits to get it
back) and stays in the window's memory for the whole session. In a child process it
costs the window neither: the window sends an article's id and gets the hits back.

The two talk over the child's standard input and output in pickled frames: the parent
asks ``("find", number, path, annotator, article_id)`` or ``("cancel", number)``; the
child answers ``(number, found)``, ``found`` a :class:`KnownClaimsFound` or None when
cancelled, or ``(number, error)`` when the search failed. The child ends when its
input does (the parent closed it, or died).
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from store.core.project import Project
from store.core.records import KnownClaimsFound
from store.errors import ProjectError, TahqiqError

if TYPE_CHECKING:  # the child's alone: the window does not load the matcher (rapidfuzz)
    from store.core.known_claims import Matcher

WORKER_FLAG = "--matcher-worker"  # gui.launcher runs serve() when given it
POLL_S = 0.05  # how often a waiting parent asks stop()
CLOSE_WAIT_S = 0.5  # for the child to end when its input closes, before it is killed
# The child's niceness, above the window's: its first search of a big project indexes
# for seconds (about 2 s for the benchmark's 50,000 claims), while the person reads and tags.
# On a machine busy with other programs the window gets the processor first. (On the
# idle 2-core machine of the benchmarks, with a core each, tags measured the same.)
BACKGROUND_NICENESS = 10


class MatcherProcess:
    """The parent's side: one child, started at the first search, one search at a time."""

    def __init__(self, command: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        self._command = command or worker_command()
        self._env = env if env is not None else worker_environment()  # None: this process's
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[tuple[int, Any]] = queue.Queue()
        self._asked = 0

    def find(self, path: str, annotator: str, article_id: str,
             stop: Callable[[], bool] | None = None) -> KnownClaimsFound | None:
        """The known claims in the article, None when ``stop()`` gave it up; a child
        that died is started again for the next search."""
        with self._lock:
            process = self._start()
            self._asked += 1
            asked = self._asked
            self._send(process, ("find", asked, path, annotator, article_id))
            while True:
                if stop is not None and stop():
                    # Not waited for: its answer, when it comes, is for a number no one
                    # asks for any more, and is passed over.
                    self._send(process, ("cancel", asked))
                    return None
                try:
                    number, answer = self._replies.get(timeout=POLL_S)
                except queue.Empty:
                    continue
                if number == -1:  # the child's output ended
                    self._process = None
                    raise ProjectError("The search for known claims stopped unexpectedly.")
                if number == asked:
                    break
        if isinstance(answer, Exception):
            raise answer
        return answer

    def close(self) -> None:
        """End the child (its input closes; it is killed if it does not end at once).
        Not behind the search's lock: a search waiting for its answer ends with it."""
        process, self._process = self._process, None
        if process is None:
            return
        # Its input closed from a thread of its own: a search's thread blocked writing to
        # a child that reads no more (stopped, its pipe full) holds the input's lock, and
        # closing it here waited for that write for ever (the window hung at quit). The
        # kill below ends that write too.
        closing = threading.Thread(target=_close_input, args=(process,), daemon=True)
        closing.start()
        closing.join(CLOSE_WAIT_S)
        try:
            process.wait(0 if closing.is_alive() else CLOSE_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None:
            if self._process.poll() is None:
                return self._process
            # It died between searches: said once, as when it dies during one (whether
            # a death is seen here or there was a race), and started again next time.
            self._process = None
            raise ProjectError("The search for known claims stopped unexpectedly.")
        self._replies = queue.Queue()  # nothing of a dead child's is waited for
        try:
            process = subprocess.Popen(self._command, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=None, env=self._env)
        except OSError as exc:
            raise ProjectError("The search for known claims could not start ({reason}).",
                               reason=str(exc.strerror or exc)) from exc
        threading.Thread(target=_read_replies, args=(process.stdout, self._replies),
                         daemon=True).start()
        self._process = process
        return process

    def _send(self, process: subprocess.Popen[bytes], message: tuple) -> None:
        try:
            assert process.stdin is not None
            pickle.dump(message, process.stdin)
            process.stdin.flush()
        except (OSError, ValueError):  # ValueError: its input was closed meanwhile
            self._process = None
            raise ProjectError("The search for known claims stopped unexpectedly.") from None


def worker_command() -> list[str]:
    """How to start the child: the bundle's own program, or this Python on this module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    # -P: the working folder is not put first on the path (a folder named "store" there
    # must not stand in for ours).
    return [sys.executable, "-P", "-m", "store.core.matcher_process"]


def worker_environment(environ: dict[str, str] | None = None) -> dict[str, str] | None:
    """The child's environment: this process's, but in the bundle marked as a program of
    its own (PyInstaller's PYINSTALLER_RESET_ENVIRONMENT). Otherwise its bootloader takes it
    for a part of this one and keeps the library path it finds, which on Linux
    gui.launcher.restore_library_path has given back to the user: the child then loaded the
    system's SQLite, libffi, libstdc++... in place of the bundle's, and without them stopped
    at its first search («The search for known claims stopped unexpectedly.»)."""
    if not getattr(sys, "frozen", False):
        return None
    return dict(os.environ if environ is None else environ, PYINSTALLER_RESET_ENVIRONMENT="1")


def _close_input(process: subprocess.Popen[bytes]) -> None:
    try:
        if process.stdin is not None:
            process.stdin.close()
    except (OSError, ValueError):  # (the child is gone: its pipe is broken)
        pass


def _read_replies(stream: IO[bytes] | None, replies: queue.Queue[tuple[int, Any]]) -> None:
    try:
        while True:
            replies.put(pickle.load(stream))  # type: ignore[arg-type]
    except Exception:  # end of the stream (or a frame cut short): the child is gone
        replies.put((-1, None))


# -- the child's side --------------------------------------------------------------------
def serve(requests: IO[bytes] | None = None, replies: IO[bytes] | None = None) -> int:
    """Answer the parent until its requests end: searches one at a time in a thread, so
    that a cancel is read while one runs. Standard output carries only the answers."""
    if requests is None or replies is None:
        # The descriptors, not sys.stdin/sys.stdout: a windowed program (the bundle on
        # Windows and macOS) may have no Python streams over the pipes it was given.
        requests = os.fdopen(0, "rb", closefd=False)
        replies = os.fdopen(os.dup(1), "wb")
        # A stray print must not break a frame.
        sys.stdout = sys.stderr if sys.stderr is not None else open(os.devnull, "w")  # noqa: SIM115
        if hasattr(os, "nice"):  # (POSIX; on Windows it keeps the window's priority)
            os.nice(BACKGROUND_NICENESS)
    matchers: dict[str, Matcher] = {}
    cancelled: set[int] = set()
    work: queue.Queue[tuple | None] = queue.Queue()
    send_lock = threading.Lock()

    def answer(number: int, value: Any) -> None:
        with send_lock:
            try:
                pickle.dump((number, value), replies)
                replies.flush()
            except OSError:  # the window is gone (closed or killed): no one to tell
                work.put(None)

    def search() -> None:
        while (job := work.get()) is not None:
            number, path, annotator, article_id = job
            if number in cancelled:  # given up before it started: not opened for nothing
                answer(number, None)
                continue
            try:
                answer(number, _find(matchers, path, annotator, article_id,
                                     lambda n=number: n in cancelled))
            except TahqiqError as exc:
                answer(number, exc)
            except Exception as exc:  # the parent shows a line, the child goes on
                answer(number, ProjectError("The search for known claims failed: {reason}",
                                            reason=f"{type(exc).__name__}: {exc}"))

    worker = threading.Thread(target=search, daemon=True)
    worker.start()
    try:
        while True:
            try:
                message = pickle.load(requests)
            except (EOFError, pickle.UnpicklingError, OSError):
                break
            if message[0] == "cancel":
                cancelled.add(message[1])
            elif message[0] == "find":
                work.put(tuple(message[1:]))
    finally:
        work.put(None)
        # A search may still be building its index (that part does not stop when told):
        # the child only reads, so it need not wait for it; the thread is a daemon.
        worker.join(0.2)
    return 0


def _find(matchers: dict[str, Matcher], path: str, annotator: str, article_id: str,
          stop: Callable[[], bool]) -> KnownClaimsFound | None:
    """Opened for each search, as the window's own workers do: a file held open between
    searches could not be moved or deleted on Windows while the window shows it."""
    from store.core.known_claims import Matcher

    matcher = matchers.get(path)
    if matcher is None:
        matchers.clear()  # one project at a time: the window's
        matcher = matchers[path] = Matcher()
    project = Project.open(path, annotator, create=False)
    try:
        return matcher.find(project, article_id, stop=stop)
    finally:
        # Not folding the log, which only the window writes (it folds it when quiet,
        # Session.fold_log): folded here, at the end of the search for the article just
        # opened, the log was started again by the window's next write, syncing its
        # header (0.3-5 ms), which store.core.warm_up had paid before the first tag.
        project.close(fold=False)


if __name__ == "__main__":
    sys.exit(serve())
