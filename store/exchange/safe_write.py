"""Files written whole or not at all: exports, packets.

The data goes to a temporary file beside the target, which is flushed to disk and then
renamed over the target; on any failure the temporary file is removed and the target is
left as it was. A failure of the operating system becomes :class:`ExportFailed`, one
sentence naming the file and the reason, so nobody is told a file was saved that was not.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from store.errors import ExportFailed


def failure(path: Path, exc: OSError | None) -> ExportFailed:
    """The sentence for a file that could not be written: the reasons a user can act on
    in words of their own (each a template the interface translates), others as the
    operating system puts them."""
    code, where = (exc.errno if exc else None), str(path)
    if exc is None:
        return ExportFailed("Could not write {path}: nothing was written.", path=where)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportFailed("Could not write {path}: the folder does not exist.", path=where)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportFailed("Could not write {path}: the folder or the file is read-only.",
                            path=where)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ExportFailed("Could not write {path}: the disk is full.", path=where)
    if code == errno.EISDIR:
        return ExportFailed("Could not write {path}: it is a folder.", path=where)
    return ExportFailed("Could not write {path}: {reason}.", path=where,
                        reason=exc.strerror or type(exc).__name__)


@contextlib.contextmanager
def temporary_beside(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh temporary path beside *path*; rename it over *path* when the block
    ends normally, remove it when the block raises.

    OSErrors (from the block or the rename) are raised as ExportFailed; anything else
    (a cancelled export, a bug) is raised as it is, after the clean-up.
    """
    # A link is followed: the file it points to is the one written (a link named
    # latest.csv stays a link), the temporary file beside that one, on its disk.
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    # Not tempfile.mkstemp: its 0600 mode would stick to the finished file.
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        yield tmp
        if not tmp.is_file():
            raise failure(target, None)
        _flush_to_disk(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise failure(target, exc) from exc
    except BaseException:
        _remove(tmp)
        raise


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` to write the whole file at a temporary path, then put it in
    place as *path*; returns *path*."""
    with temporary_beside(path) as tmp:
        write(tmp)
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    def write(tmp: Path) -> None:
        with tmp.open("xb") as fh:
            fh.write(data)

    return atomic_write(path, write)


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
