"""Ctrl-C, SIGTERM and SIGHUP in the command line, and what a commit owes them.

Each stops a command as Ctrl-C does (a KeyboardInterrupt, so the clean-ups run: an
export killed by `timeout` left its hidden ``.part`` file). One landing while SQLite
commits was raised after the commit, and the command said «interrupted» of a change it
had saved, the line naming it unprinted (an import's ID, rv210): within :func:`reported`
it waits from the commit until the command has said what it committed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

STOPPING = ("SIGINT", "SIGTERM", "SIGHUP")

_fired: int | None = None  # the first of them that came
_installed = False
_held = 0  # a COMMIT under way, or one not yet reported
_reporting = 0  # reported() blocks open
_kept = 0  # holds a commit left for its reported() block to end
_pending = False


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Handle the stopping signals (those not ignored) while the block runs."""
    global _fired, _installed
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {}
    for name in STOPPING:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            before[number] = signal.signal(number, _stop)
    _fired, _installed = None, True
    try:
        yield
    finally:
        _installed = False
        for number, handler in before.items():
            signal.signal(number, handler)


def fired() -> int | None:
    """The stopping signal that came, if one did: SQLite reports a KeyboardInterrupt
    raised in a function it called (the search index's folding) as «user-defined
    function raised exception»."""
    return _fired


def _stop(number: int, frame: object) -> None:
    global _fired, _pending
    _fired = _fired or number
    if _held:
        _pending = True
        return
    raise KeyboardInterrupt


@contextlib.contextmanager
def committing() -> Iterator[None]:
    """Around a COMMIT: a stopping signal waits for its end, or in a :func:`reported`
    block for that block's."""
    global _held, _kept
    if not _installed:
        yield
        return
    _held += 1
    try:
        yield
    except BaseException:
        _release(1)
        raise
    if _reporting:
        _kept += 1
    else:
        _release(1)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """A unit of a command that commits, then says so: a stopping signal that came after
    its commit stops the command once the block has said it (a long import or merge
    stops as soon as the signal comes, its commit not reached)."""
    global _reporting, _kept
    _reporting += 1
    kept = _kept
    try:
        yield
    finally:
        _reporting -= 1
        count, _kept = _kept - kept, kept
        _release(count)


def _release(count: int) -> None:
    global _held, _pending
    _held -= count
    if not _held and _pending:
        _pending = False
        raise KeyboardInterrupt
