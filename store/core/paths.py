"""Where Tahqiq keeps its files on this machine (platformdirs; honours XDG_DATA_HOME)."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs

from store.errors import NotAProject, TahqiqError

APP_NAME = "tahqiq"
PROJECT_SUFFIX = ".tahqiq"  # what a project file is called: NAME.tahqiq
SIDE_FILE = "-journal"  # the longest ending SQLite gives a project's files of its own


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def holds_no_project_yet(path: Path) -> bool:
    """Whether *path* is an empty file: opening it makes a new project there, which a
    command or a window asked to open a colleague's copy that stopped halfway must not
    do unasked."""
    return is_there(path) and path.is_file() and path.stat().st_size == 0


def refuse_folder(path: Path) -> None:
    """A folder named like a project (``dir.tahqiq``) is said to be one, at once: File ▸
    New Project asked «dir.tahqiq already exists. Open it?», and its Yes said «Cannot
    read …: Is a directory.» (rv276). (os.path.isdir: a place that cannot be reached is
    left to what opens it.)"""
    if os.path.isdir(path):
        raise NotAProject("{name} is a folder, not a Tahqiq project.",
                          name=path.name or str(path))


def is_there(path: Path) -> bool:
    """Whether anything is at *path*, as Path.exists says, but a place that cannot be
    reached (a folder without search permission, a stale network mount: EACCES,
    ENOTCONN) is the project's cannot-read error: Path.exists raised it as it was, and
    the window showed «Something went wrong: PermissionError…» with a traceback (rv181)."""
    try:
        path.stat()
    except ValueError:  # (a NUL in the name: nothing can be there)
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG):
            return False  # (a name too long: said as such where it is opened or made)
        raise NotAProject("Cannot read {path}: {reason}.",
                          path=str(path), reason=str(exc.strerror or exc)) from exc
    return True


def unmaking(path: Path) -> Callable[[], None]:
    """What undoes opening *path* as a new project, for work that made nothing there: a
    new file goes with the folders made for it, an empty file is emptied again; a project
    that is there stays (rv210). A full disk left `tahqiq new`'s empty file, which every
    command after called a project not made yet (rv260)."""
    try:
        if os.path.lexists(path) and not holds_no_project_yet(path):
            return lambda: None  # (a dangling link too: opening made its target)
        there = os.path.lexists(path)
        folders = [] if there else list(itertools.takewhile(
            lambda folder: not is_there(folder), path.parents))  # (the deepest first)
    except TahqiqError:  # (a place that cannot be read: nothing is made there)
        return lambda: None

    def unmake() -> None:
        with _held_unused(path) as unused:
            if not unused:  # (another command or window has it, or filled it: rv273)
                return
            for made in (path.with_name(path.name + side) for side in ("-wal", "-shm", SIDE_FILE)):
                with contextlib.suppress(OSError):
                    made.unlink()
            with contextlib.suppress(OSError):
                os.truncate(path, 0) if there else path.unlink()
        for folder in folders:
            with contextlib.suppress(OSError):
                folder.rmdir()

    return unmake


@contextlib.contextmanager
def _held_unused(path: Path) -> Iterator[bool]:
    """Whether *path* holds nothing but what opening it made (no article, no setting, no
    history but its labels' making), asked while no other connection has it open and
    held so until it is removed. Decided when unmaking began, two `tahqiq import
    --project new.tahqiq` at once lost the article one of them imported: the other,
    every file refused, deleted the project at its end (rv273)."""
    if not os.path.lexists(path):
        yield True
        return
    try:  # (exclusive in WAL mode: refused while any other connection is open, even idle)
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0.2,
                             isolation_level=None)
    except sqlite3.Error:  # (nothing SQLite can open: no one's work)
        yield True
        return
    try:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        db.execute("BEGIN EXCLUSIVE")
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        unused = not any(db.execute(query).fetchone() for table, query in (
            ("articles", "SELECT 1 FROM articles LIMIT 1"),
            ("settings", "SELECT 1 FROM settings LIMIT 1"),
            ("history", "SELECT 1 FROM history WHERE NOT (entity = 'label' "
                        "AND action = 'create') LIMIT 1")) if table in tables)
        db.execute("COMMIT")  # (the lock stays: exclusive mode)
        # Out of WAL mode, so that closing does not delete a -wal by its name.
        with contextlib.suppress(sqlite3.Error):
            db.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:  # busy: another's; not a database (a full disk's): no one's
        unused = getattr(exc, "sqlite_errorcode", 0) & 0xFF not in (sqlite3.SQLITE_BUSY,
                                                                   sqlite3.SQLITE_LOCKED)
    try:
        yield unused
    finally:
        db.close()


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"


def longest_name(folder: Path) -> int:
    """How many bytes a file's name may take in *folder* (255 on most file systems:
    about 120 Arabic letters, two bytes each)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # (Windows: no pathconf)
        return 255


def fits(path: Path, side_file: str = SIDE_FILE) -> bool:
    """Whether SQLite can keep *path*'s side files beside it: their names are its own
    name and «-journal» (or «-wal», *side_file*: all a project in WAL mode needs)."""
    return len(os.fsencode(path.name + side_file)) <= longest_name(path.parent)


def name_beside(path: Path, ending: str, suffix: str | None = None) -> Path:
    """*path*'s name with *ending* after its stem (and *suffix*, its own by default),
    the stem shortened as much as the file system needs: a copy of a project named near
    the limit was offered, and refused, as «NAME-backup.tahqiq» (rv93)."""
    suffix = path.suffix if suffix is None else suffix
    stem = path.stem
    while True:
        named = path.with_name(f"{stem}{ending}{suffix}")
        if fits(named) or not stem:
            return named
        stem = stem[:-1]
