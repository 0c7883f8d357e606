"""Where Tahqiq keeps its files on this machine (platformdirs; honours XDG_DATA_HOME)."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import resources
from store.errors import Message, NotAProject, TahqiqError

APP_NAME = "tahqiq"
PROJECT_SUFFIX = ".tahqiq"  # what a project file is called: NAME.tahqiq
SIDE_FILE = "-journal"  # the longest ending SQLite gives a project's files of its own


def data_dir() -> Path:
    import platformdirs  # (here, not at the top: see config_dir)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder of the user's settings. platformdirs is imported when a folder is
    asked for: with it come tempfile, shutil, random, bz2 and lzma, 13 ms of CPU that a
    command on a named project, the name given ($TAHQIQ_USER), never needs."""
    import platformdirs

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


def unmaking(path: Path) -> Callable[[], Message | None]:
    """What undoes opening *path* as a new project, for work that made nothing there: a
    new file goes with the folders made for it, an empty file is emptied again; a project
    that is there stays (rv210). A full disk left `tahqiq new`'s empty file, which every
    command after called a project not made yet (rv260). What undoing it answers: None,
    or, when another window or program has the file open or wrote in it meanwhile, the
    note that it was kept (the person expected it gone: fx101)."""
    try:
        if os.path.lexists(path) and not holds_no_project_yet(path):
            return lambda: None  # (a dangling link too: opening made its target)
        there = os.path.lexists(path)
        folders = [] if there else list(itertools.takewhile(
            lambda folder: not is_there(folder), path.parents))  # (the deepest first)
    except TahqiqError:  # (a place that cannot be read: nothing is made there)
        return lambda: None

    def unmake() -> Message | None:
        with _held_unused(path) as unused:
            if unused is not True:  # (another command or window has it, or filled it: rv273)
                return unused
            for made in (path.with_name(path.name + side) for side in ("-wal", "-shm", SIDE_FILE)):
                with contextlib.suppress(OSError):
                    made.unlink()
            with contextlib.suppress(OSError):
                os.truncate(path, 0) if there else path.unlink()
        for folder in folders:
            with contextlib.suppress(OSError):
                folder.rmdir()
        return None

    return unmake


@contextlib.contextmanager
def _held_unused(path: Path) -> Iterator[Message | bool]:
    """True when *path* holds nothing but what opening it made (:func:`_as_opened`),
    asked while no other connection has it open and held so until it is removed; else
    the note saying why it stays. Decided when unmaking began, two `tahqiq import
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
    unused: Message | bool
    try:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        db.execute("BEGIN EXCLUSIVE")
        unused = _as_opened(db) or Message(
            "{name} was kept, not removed: another window or program wrote in it meanwhile.",
            name=path.name)
        db.execute("COMMIT")  # (the lock stays: exclusive mode)
        # Out of WAL mode, so that closing does not delete a -wal by its name.
        with contextlib.suppress(sqlite3.Error):
            db.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:  # busy: another's; not a database (a full disk's): no one's
        busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY,
                                                              sqlite3.SQLITE_LOCKED)
        unused = True if not busy else Message(
            "{name} was kept, not removed: another window or program has it open.",
            name=path.name)
    try:
        yield unused
    finally:
        db.close()


def _as_opened(db: sqlite3.Connection) -> bool:
    """Whether the project *db* holds just what opening a new file makes: the default
    verdict labels as the label set gives them, each with the one history entry of its
    making, and no row in any other table (the search index's own bookkeeping aside).
    A label another window added as the refused import ended was lost with the file, its
    history only «a label made» like the default ones' (left by rv273; fx101): any row
    or history entry opening does not write is seen now, whatever wrote it (a merge of a
    colleague's labels, another program's write that left no history)."""
    tables = {name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in tables - {"labels", "history"}:
        if not table.startswith(("sqlite_", "search_index")) and db.execute(
                f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            return False
    made = [(spec["key"], spec["name_en"], spec.get("name_ar", ""), spec["color"],
             spec.get("shortcut", ""), spec.get("description", ""), spec.get("rating", 0),
             position) for position, spec in enumerate(resources.label_set()["labels"])]
    labels = list(db.execute(
        "SELECT key, name_en, name_ar, color, shortcut, description, rating, position "
        "FROM labels ORDER BY position, key")) if "labels" in tables else []
    history = sorted(db.execute("SELECT entity, entity_id, action FROM history")
                     ) if "history" in tables else []
    if not labels:  # (nothing made yet, or the labels' making rolled back)
        return not history
    return labels == made and history == sorted(("label", key, "create") for key, *_ in made)


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"


def is_default_project(path: str | Path) -> bool:
    """Whether *path* is the default project's file, however spelled (relative, «~», a
    symbolic link to it): the one test the window and every command ask, and seed the
    project they make of it as a first run does (named by its path, it was made empty,
    and a plain `tahqiq` never seeded it after: rv288). A file of another name than the
    default's is told so without platformdirs (a command's start-up loads only what it
    runs); a path that cannot be read (a link's loop) is none."""
    given = Path(path).expanduser()
    name = f"default{PROJECT_SUFFIX}"
    try:
        if given.name != name and Path(os.path.realpath(given)).name != name:
            return False
        default = default_project_path()
        if given.exists() and default.exists():
            return os.path.samefile(given, default)
        return given.resolve() == default.resolve()
    except (OSError, RuntimeError, ValueError):  # (RuntimeError: a loop, to Python 3.12)
        return False


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
