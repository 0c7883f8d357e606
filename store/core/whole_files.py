"""A file replaced whole or not at all: written under a hidden name beside it, flushed to
disk, renamed over it. Exports (store.exchange.safe_write) and a copy for an older Tahqiq
(Project.copy_for_older) write through here, so both keep what the file replaced was.

A link is followed (the file it points to is written: a link to a NAS folder stays a
link, that file no longer stale); a file replaced keeps who may read it (0600 stays
0600); one that may not be written (read-only) is refused, though a rename would get past
it. An OSError, the rename's too, is the caller's error (*failure*), one sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from store.core.paths import name_beside
from store.errors import TahqiqError


@contextlib.contextmanager
def replaced_whole(path: Path, failure: Callable[[Path, OSError | None], TahqiqError]
                   ) -> Iterator[Path]:
    """Yield a fresh hidden path beside *path* (beside the file a link names); rename it
    over that file when the block ends normally, remove it when the block raises.

    OSErrors (from the block or the rename) are raised as ``failure(target, exc)`` (the
    block wrote nothing: ``failure(target, None)``); anything else (Ctrl-C, a bug) is
    raised as it is, after the clean-up."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    kind = _kind(target)
    regular = kind is not None and stat.S_ISREG(kind)
    if regular and (not os.access(target, os.W_OK) or not kind & 0o222):
        # A rename needs only the folder: a file someone made read-only was replaced.
        # (Its mode asked too: root may write any file, and replaced that one.)
        raise failure(target, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    # Not tempfile.mkstemp: its 0600 mode would stick to the finished file. (Shortened
    # as a copy's own name is, beside a file named near the limit.)
    import uuid  # (not at start-up: with the platform module it loads, 1% of it; stamps.new_id)

    tmp = name_beside(target.with_name(f".{target.name}.part"), f".{uuid.uuid4().hex[:8]}")
    try:
        yield tmp
        if not tmp.is_file():
            raise failure(target, None)
        _flush_to_disk(tmp)
        if regular:
            # The file replaced keeps who may read it: a private one (0600) became
            # readable by everyone, the new file taking the default mode. (A disk that
            # keeps no modes, FAT or some shares, refuses: written all the same.)
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise failure(target, exc) from exc
    except BaseException:
        _remove(tmp)
        raise


def _kind(path: Path) -> int | None:
    """The file type bits of what *path* leads to (links followed); None if nothing."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _flush_to_disk(tmp: Path) -> None:
    """A rename is only as good as the data under it: get it onto the disk first."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
