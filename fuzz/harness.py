"""What every fuzz target shares: running one input through a door and judging it.

A door is a place where outside bytes enter Tahqiq. A target fails - raises, which atheris
reports as a crash and tests/test_fuzz_targets.py as a failed test - when the door

* raises anything but the project's own errors (``store.errors.TahqiqError``): the GUI and
  the command line turn those into one-line messages, anything else is a bug;
* lets a traceback reach the user: anything written to stderr (a library logging an
  exception, say) that holds one;
* writes to an input file: its bytes, size or modification time change, or a file appears
  beside it (SQLite's ``-wal``, ``-shm`` or ``-journal``).

Targets are plain modules under ``fuzz/targets/``: ``test_one_input(data)`` runs one input,
``seeds()`` yields the seed inputs (``fuzz/seed_inputs.py``). They run under atheris through
``fuzz/fuzz_one.py`` (store/ instrumented for coverage), and plainly over their seeds in the
test suite, which needs no atheris.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from store.errors import TahqiqError

T = TypeVar("T")
# Input files go to memory when the machine has a tmpfs: thousands of small writes a
# second would otherwise wear a disk for nothing.
_TMP_ROOT = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


class Finding(AssertionError):
    """The door broke one of its promises (an exception of another kind is one too)."""


def door(call: Callable[[], T], *, inputs: Sequence[Path] = ()) -> T | TahqiqError:
    """Run *call* as a user's action would run; returns its result, or the TahqiqError it
    refused the input with. Raises Finding for a traceback on stderr or a changed input;
    any other exception propagates as it is, so its own traceback shows where it came from.
    """
    before = {path: _state(path) for path in inputs}
    shown = io.StringIO()
    with contextlib.redirect_stderr(shown):
        try:
            result: T | TahqiqError = call()
        except TahqiqError as exc:
            result = exc
    if "Traceback (most recent call last)" in shown.getvalue():
        raise Finding("a traceback reached stderr:\n" + shown.getvalue()[-4000:])
    for path, state in before.items():
        if _state(path) != state:
            raise Finding(f"the input file {path.name} was written to")
    return result


def _state(path: Path) -> tuple:
    """What a door must leave as it was: the file's bytes and times, and its folder."""
    beside = tuple(sorted(p.name for p in path.parent.iterdir()))
    if not path.is_file():
        return (beside,)
    stat = path.stat()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return beside, stat.st_size, stat.st_mtime_ns, digest


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A fresh, empty folder for one input's files."""
    path = Path(tempfile.mkdtemp(prefix="tahqiq-fuzz-", dir=_TMP_ROOT))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def text_of(data: bytes) -> str:
    """Bytes as the text a person could have typed or pasted (invalid UTF-8 replaced)."""
    return data.decode("utf-8", "replace")
