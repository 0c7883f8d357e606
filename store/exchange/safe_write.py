"""Files written whole or not at all: exports, packets.

The data goes to a temporary file beside the target, which is flushed to disk and then
renamed over the target; on any failure the temporary file is removed and the target is
left as it was. A failure of the operating system becomes :class:`ExportFailed`, one
sentence naming the file and the reason, so nobody is told a file was saved that was not.

A file replaced keeps its permissions, and one that may not be written (read-only) is
refused as a read-only folder is, though a rename would get past it
(store.core.whole_files, which a copy for an older Tahqiq writes through too).

Two targets are not replaced. A database (this project, a colleague's) is refused: an
export named like it would have destroyed it. A file that is not a regular one (a pipe,
/dev/stdout, a device) is written into, from a finished temporary file elsewhere: a
rename would have put a regular file in its place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from store.core.project import starts_as_database
from store.core.whole_files import replaced_whole
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
    kind = _kind(Path(path))
    if (kind is not None and stat.S_ISDIR(kind)) or not Path(path).name \
            or os.fspath(path).endswith(("/", os.sep)):  # «-o exports/» wrote a file «exports»
        code = errno.EISDIR if kind is not None or not Path(path).name else errno.ENOENT
        raise failure(Path(path), OSError(code, os.strerror(code)))
    if kind is not None and not stat.S_ISDIR(kind) and (
            not stat.S_ISREG(kind) or str(path).startswith(("/dev/", "/proc/"))):
        with _written_into(Path(path)) as tmp:
            yield tmp
        return
    if (kind is not None and stat.S_ISREG(kind) and starts_as_database(Path(path))) \
            or _companion_of_database(Path(os.path.realpath(path))):  # or a link to one
        raise ExportFailed("{path} is a database (a Tahqiq project?): an export never "
                           "replaces one. Choose another file name.", path=str(path))
    with replaced_whole(Path(path), failure) as tmp:
        yield tmp


def _kind(path: Path) -> int | None:
    """The file type bits of what *path* leads to (links followed); None if nothing."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


COMPANIONS = ("-wal", "-shm", "-journal")
"""What SQLite keeps beside a database: its log of committed work not yet folded in, whose
loss loses that work."""


def _companion_of_database(path: Path) -> bool:
    """Whether *path* is the name of a database's companion file (p.tahqiq-wal), there
    already or not: an export written there replaced a window's committed work."""
    name = path.name
    return any(name.endswith(suffix) and starts_as_database(path.with_name(name[:-len(suffix)]))
               for suffix in COMPANIONS)


@contextlib.contextmanager
def _written_into(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the system's temporary folder; once the block has
    written it whole, copy it into *target*, which stays what it is (a pipe, a device,
    /dev/fd/3 and the file a shell opened there, appended to as the shell said)."""
    folder = Path(tempfile.mkdtemp(prefix="tahqiq-"))
    tmp = folder / "export.part"
    try:
        yield tmp
        if not tmp.is_file():
            raise failure(target, None)
        with tmp.open("rb") as source, target.open("ab") as into:
            shutil.copyfileobj(source, into)
    except OSError as exc:
        raise failure(target, exc) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
