"""Opening, creating and writing a project file.

A project is one SQLite file. Every write goes through :meth:`Project.transaction`,
which takes the write lock up front (``BEGIN IMMEDIATE``) so two processes
writing the same file wait for each other instead of failing half-way, and
commits when the block ends: there is no unsaved state.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import sqlite3
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.core import schema, sqlfunctions
from store.core.paths import SIDE_FILE, fits, is_there, name_beside, refuse_folder
from store.core.stamps import default_annotator, stored_name
from store.core.whole_files import replaced_whole

if TYPE_CHECKING:
    import sqlite_utils
from store.errors import (
    IndexMissing,
    Message,
    NotAProject,
    ProjectError,
    ProjectReadOnly,
    SchemaTooNew,
    StorageError,
    TahqiqError,
    WrongKinds,
    quoted,
)

SQLITE_HEADER = b"SQLite format 3\x00"
_SAVEPOINTS = itertools.count()  # names of savepoints (Project._savepoint)
BUSY_TIMEOUT_SECONDS = 15.0
# How long keeping a project apart from a file put at its path (and closing one that left
# its path) waits for other programs' reads of the log to end before trying again later.
KEEP_APART_WAIT_SECONDS = 0.25
CHECK_TIMEOUT_SECONDS = 5.0  # how long checking a file waits for another program's lock
IDS_PER_QUERY = 500  # well under SQLite's limit of variables in one statement
DAMAGE_SHOWN = 120  # characters of SQLite's finding a damage message repeats


FULL_CHECK_UP_TO = 32 << 20
"""Files up to this size (bytes, with their -wal) get SQLite's full ``quick_check`` on
every open: at about 2 ms per MB it costs under ~70 ms there. Larger files get it after
an unclean shutdown, and ``tahqiq check`` runs the full ``integrity_check`` on demand."""

_SHM_DEADMAN_BYTE = 128
"""The byte of a ``-shm`` file every SQLite connection holds a shared POSIX lock on while
it has the database open (os_unix.c: UNIX_SHM_DMS = (22 + 8) * 4 + 8)."""

_OPEN_HERE: dict[tuple, int] = {}  # files a connection of this process has open, by _file_key
"""Project files this process has open, and how many times: their -wal is ours."""


_TEXT_SNIFF = 4096  # bytes of a file read to tell text (no NUL in them) from other data


def check_file(path: Path, *, full: bool | None = None) -> int:
    """Refuse anything that is not a Tahqiq project, without writing to it.

    Returns the file's schema version (0 for an empty file). Every open checks what
    costs nothing: the SQLite header, the application id, the schema version and the
    schema itself; SQLite refuses a file shorter than its header says (truncated) as it
    reads them. Its page-by-page ``quick_check`` reads the whole file (4.4 s for
    1.9 GB), so it runs only where it is cheap or called for (:func:`needs_full_check`),
    or when *full* says so.
    """
    return _checked(path, full=full)[0]


def _checked(path: Path, *, full: bool | None = None) -> tuple[int, bool]:
    """:func:`check_file`'s version, and whether the file lost the marks naming it a
    project (application id and version 0), its version judged from its schema."""
    size, header = _size_and_header(path)
    if size == 0:
        return 0, False  # an empty NAME.tahqiq: a new project in it
    if not header.startswith(SQLITE_HEADER):
        if b"\0" not in header or header.startswith((b"\xff\xfe", b"\xfe\xff")):
            # text (UTF-16 with its mark too): an article opened as a project, most likely
            raise NotAProject("{name} is text, not a Tahqiq project: to read an article, "
                              "import it into a project (File ▸ Import Article, or tahqiq "
                              "import).", name=path.name)
        raise NotAProject("{name} is not a Tahqiq project (it is not an SQLite database).",
                          name=path.name)
    _undo_stopped_write(path)
    # Changes left beside the file are checked index against table (integrity_check):
    # another file's, replayed into this one, pass the page-by-page quick_check, and
    # closing would have written them into the file for good.
    left = wal_left_behind(path)
    thorough = left and full is None  # (`tahqiq check` checks thoroughly after)
    full = needs_full_check(path, size) if full is None else full
    try:
        app_id, version, tables, problems, unmarked = _inspect(path, full, thorough)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged name in the schema
        raise _unopenable(path, exc, left) from exc
    return _judged_version(path, app_id, version, tables, problems, left, unmarked), unmarked


def _undo_stopped_write(path: Path) -> None:
    """Let SQLite roll back a write a program stopped in (killed, the power cut) that left
    its ``-journal`` beside the file: read as immutable, the file's half-written pages
    were refused as damaged, every time, though SQLite gives the file back whole (rv159:
    a copy-for-older's, its upgrade stopped). Any connection that may write the file
    does so as it reads it; where none may, the file is refused in one line."""
    journal = side_file(path, "-journal")
    try:
        if not journal.stat().st_size:
            return
    except OSError:
        return
    if not (os.access(path, os.W_OK) and os.access(journal.parent, os.W_OK | os.X_OK)):
        raise ProjectReadOnly(
            "A program stopped while writing {name}, and it or its folder is read-only, so "
            "what it left half-written cannot be undone: copy {name} and {journal} together "
            "somewhere writable and open the copy there.", name=path.name,
            journal=side_file_named(path, "-journal"))
    with contextlib.suppress(sqlite3.Error):  # (what it met, the checks after it meet)
        roll_back(path)


def roll_back(path: Path) -> None:
    """Have SQLite roll back the write a hot ``-journal`` beside *path* holds: the first
    read of a connection that may write the file does it (sqlite3.Error if it cannot)."""
    conn = sqlite3.connect(path, timeout=CHECK_TIMEOUT_SECONDS)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _size_and_header(path: Path) -> tuple[int, bytes]:
    """The file's size and its first bytes; an empty file not named as a project, or one
    that cannot be read, is refused (a folder said to be one)."""
    refuse_folder(path)
    try:
        size = path.stat().st_size
        if size == 0:
            from store.core.paths import PROJECT_SUFFIX  # (platformdirs: not at start-up)

            if path.suffix != PROJECT_SUFFIX:  # an empty notes.txt is not made a project
                raise NotAProject("{name} is not a Tahqiq project (it is not an SQLite "
                                  "database).", name=path.name)
            return 0, b""
        # Closing any descriptor of a file drops every POSIX lock this process holds on
        # it: read by hand while a connection here has the file open, another process
        # could then take it for unused and delete the -wal it is writing to. A file
        # open here had its header read when it was opened.
        if is_open_here(path):
            return size, SQLITE_HEADER
        with path.open("rb") as fh:
            return size, fh.read(_TEXT_SNIFF)
    except OSError as exc:
        raise NotAProject("Cannot read {path}: {reason}.",
                          path=str(path), reason=str(exc.strerror or exc)) from exc


def _unopenable(path: Path, exc: sqlite3.DatabaseError | UnicodeDecodeError, left: bool
                ) -> ProjectError:
    """What to say when SQLite could not read the file's schema: someone holds it, the
    disk failed, or the file (or changes *left* beside it) is damaged."""
    if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
        return _busy_opening(path)  # (read with its locks: someone has it)
    if isinstance(exc, sqlite3.Error) and _cannot_reach(exc):
        return _unreadable(path, exc)
    if left:
        return _damaged_with_wal(path, str(exc))
    return NotAProject("{name} is damaged or not a Tahqiq project ({reason}).",
                       name=path.name, reason=quoted(str(exc), 200))


def _judged_version(path: Path, app_id: int, version: int, tables: int,
                    problems: list[str], left: bool, unmarked: bool = False) -> int:
    """The schema version of a file SQLite could read, if it is a Tahqiq project this
    version can open: refused when another program's, damaged or newer. *unmarked*: it
    holds Tahqiq's tables without its marks, *version* judged from them (0: none)."""
    if unmarked and not version:
        raise NotAProject(
            "{name} is an SQLite database but not a Tahqiq project: it holds Tahqiq's tables "
            "without the marks that name a project (sqlite3's .dump and .clone keep none), "
            "but they are not those of any of its schemas ({problem}); it was left "
            "untouched.", name=path.name, problem=quoted(problems[0], DAMAGE_SHOWN))
    if app_id != schema.APPLICATION_ID and not unmarked:
        if tables == 0 and version == 0:
            if problems:  # (its text's encoding: a project cannot be made in it)
                raise NotAProject("{name} is an empty SQLite database that Tahqiq cannot "
                                  "make a project in ({problem}); it was left untouched.",
                                  name=path.name, problem=quoted(problems[0], DAMAGE_SHOWN))
            return 0
        raise NotAProject(
            "{name} is an SQLite database but not a Tahqiq project; it was left untouched.",
            name=path.name)
    if version > schema.SCHEMA_VERSION:  # (its schema unchecked: not this version's)
        raise _too_new(path.name, version)
    if problems:
        # SQLite's first finding, shortened: it can list hundreds of pages in one line.
        if left:
            raise _damaged_with_wal(path, str(problems[0]))
        raise NotAProject("{name} is damaged ({problem}); it was left untouched.",
                          name=path.name, problem=quoted(str(problems[0]), DAMAGE_SHOWN))
    if version < 0 or version == 0 and tables:  # the id comes with a version from 1 on
        raise NotAProject("{name} is damaged (its schema version is {version}); it was left "
                          "untouched.", name=path.name, version=version)
    return version


def needs_upgrade(path: str | os.PathLike[str]) -> bool:
    """Whether *path* seems a project of an older schema, by its header's version alone
    (nothing checked, no lock taken): the window says it is upgrading, which can take
    seconds, before opening it (rv262)."""
    try:
        with Path(path).expanduser().open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return False
    return 0 < int.from_bytes(header[60:64], "big", signed=True) < schema.SCHEMA_VERSION


def _unfinished(copy: Path) -> bool:
    """Whether *copy* is one whose writing stopped: SQLite's -journal is beside it (it
    rolls the copy back to nothing), or it holds no database."""
    return side_file(copy, "-journal").exists() or not starts_as_database(copy)


def _too_new(name: str, version: int) -> SchemaTooNew:
    return SchemaTooNew(
        "{name} was written by a newer version of Tahqiq (schema {version}; this "
        "version reads up to {supported}). Please update Tahqiq to open it.",
        name=name, version=version, supported=schema.SCHEMA_VERSION)


def _free_copy_name(path: Path) -> Path:
    """A name beside *path* for a copy of it that no file, and no log, holds:
    NAME-recovered.tahqiq, then NAME-recovered-2.tahqiq…"""
    names = (name_beside(path, f"-recovered{'' if n == 1 else f'-{n}'}")
             for n in itertools.count(1))
    return next(copy for copy in names
                if not any(Path(f"{copy}{side}").exists() for side in ("", "-wal", "-journal")))


def _cannot_reach(exc: sqlite3.Error) -> bool:
    """Whether SQLite could not read or write the disk (full, failing, a folder it cannot
    make its side files in), not what it read: the file may be sound."""
    return getattr(exc, "sqlite_errorname", "").startswith(
        ("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")) or "disk I/O error" in str(exc)


def _unreadable(path: Path, exc: sqlite3.Error) -> StorageError:
    """*path* could not be opened for the disk's sake: said so, not «damaged» (a full
    disk made a sound project read as damaged, and `tahqiq check` said so too)."""
    return StorageError("{name} could not be opened ({reason}): is the disk full, or its "
                        "folder read-only? Nothing in it was changed.", name=path.name,
                        reason=quoted(str(exc), 200))


def _damaged_with_wal(path: Path, problem: str) -> NotAProject:
    """Damage seen through changes a stopped program left beside the file: the file may
    be sound, the ``-wal`` another's (a backup or a copy put in its place)."""
    return NotAProject(
        "{name} reads as damaged ({problem}) with the changes in {wal} beside it, which a "
        "program that stopped left there; both were left untouched. If you put this file "
        "in place of another (a backup, a copy), move {wal} away and open it again.",
        name=path.name, wal=side_file_named(path, "-wal"), problem=quoted(problem, DAMAGE_SHOWN))


def side_file(path: Path, ending: str) -> Path:
    """The file SQLite keeps beside the project *path* under *ending* ("-wal", "-shm",
    "-journal"): beside the file a symbolic link names, not beside the link, since SQLite
    follows it. Looked for beside the link, a stopped program's -wal went unseen, and
    another file's log was folded into a backup put in its place, unsaid (rv159)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ending)


def side_file_named(path: Path, ending: str) -> str:
    """*path*'s side file as a message names it: by its name beside the file, by its
    whole path where a symbolic link keeps it elsewhere."""
    side = side_file(path, ending)
    beside = Path(os.path.realpath(path.parent)) / (path.name + ending)
    return side.name if side == beside else str(side)


def id_chunks(ids: Sequence[str], size: int = IDS_PER_QUERY
              ) -> Iterator[tuple[list[str], str]]:
    """*ids* in pieces one query's ``IN (...)`` can take, each with its placeholders."""
    for at in range(0, len(ids), size):
        chunk = list(ids[at:at + size])
        yield chunk, ", ".join("?" * len(chunk))


def row_dicts(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """The rows of *cursor* as dicts of their columns, read as they are taken."""
    keys = [column[0] for column in cursor.description or ()]
    return (dict(zip(keys, row, strict=True)) for row in cursor)


def starts_as_database(path: Path) -> bool:
    """Whether *path* starts as an SQLite database does (False if it cannot be read). A
    file a connection here has open is one (its header was read when it was opened), and
    it is not read by hand: closing the descriptor would drop the connection's locks."""
    if is_open_here(path):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_open_here(path: Path) -> bool:
    """Whether a connection of this process has *path* open: then it must not be read
    through a plain file descriptor (closing one drops the connection's locks)."""
    return bool(_OPEN_HERE.get(_file_key(path)))


def _file_key(path: Path) -> tuple:
    """The file itself (device and inode: a hard link or another spelling of its name is
    the same file, and POSIX locks belong to the file), else its resolved path."""
    try:
        found = os.stat(path)
    except OSError:
        return ("path", str(path.resolve()))
    return ("file", found.st_dev, found.st_ino)


def needs_full_check(path: Path, size: int) -> bool:
    """Whether opening *path* should run SQLite's full ``quick_check``.

    Yes for a small file (it costs little there), and after an unclean shutdown: a
    ``-wal`` holding changes, left beside the file, that no open connection holds. A
    connection closed cleanly removes its ``-wal`` (a read-only one may leave it empty);
    one that is open holds a lock on the ``-shm``, and the process that opened it checked
    the file then. Where that lock cannot be seen (not Linux), any ``-wal`` holding
    changes counts as left behind.
    """
    try:
        pending = side_file(path, "-wal").stat().st_size
    except OSError:
        pending = 0
    return size + pending <= FULL_CHECK_UP_TO or wal_left_behind(path)


def integrity_line(row: str) -> str:
    """A line of SQLite's integrity or quick check as a problem is told: in one line,
    without the database's name SQLite puts before the first."""
    return " ".join(row.replace("*** in database main ***", "").split())


def wal_left_behind(path: Path) -> bool:
    """Whether a ``-wal`` holding changes lies beside *path* that no open connection holds
    (an unclean shutdown's, or another file's: a project copied over this one, its
    ``-wal`` left). A reader may leave an empty one."""
    try:
        pending = side_file(path, "-wal").stat().st_size
    except OSError:
        return False
    if not pending or is_open_here(path):
        return False
    return not _shm_in_use(side_file(path, "-shm"))


def _shm_in_use(shm: Path) -> bool:
    """Whether another process has the database open (it locks the -shm's dead-man byte).

    Asked with F_GETLK, which reads locks without taking one (taking and dropping one
    would drop SQLite's own lock if this process held it).
    """
    if not sys.platform.startswith("linux"):
        return False
    import fcntl
    import struct

    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return False
    try:
        # struct flock on Linux: short l_type, l_whence; off_t l_start, l_len; pid_t l_pid.
        query = struct.pack("@hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, _SHM_DEADMAN_BYTE, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack("@hhqqi4x", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def _inspect(path: Path, full: bool, thorough: bool = False
             ) -> tuple[int, int, int, list[str], bool]:
    """(application id, schema version, schema objects, problems found, whether it lost
    its marks) of *path*.

    Read so that nothing is left beside the file: SQLite opening a WAL-mode file,
    even with ``mode=ro``, creates ``-wal`` and ``-shm`` files that a read-only
    connection cannot remove again (and in a read-only folder it cannot open the
    file at all). With no ``-wal`` beside it (or an empty one alone) no one is writing
    the file, so it is read as immutable: no locks, no side files. A ``-wal`` belongs
    to a connection that is (or was) writing: then the file is read through it.
    Should a writer start while the file is read as immutable, the read is done again
    through its locks.
    """
    if not _nobody_writing(path):
        return _query_header(path, "mode=ro", full, thorough)
    before = path.stat()
    error: sqlite3.DatabaseError | None = None
    try:
        found = _query_header(path, "mode=ro&immutable=1", full)
    except sqlite3.DatabaseError as exc:
        error = exc
    after = path.stat()
    if not _nobody_writing(path) \
            or (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        return _query_header(path, "mode=ro", full)  # a writer began meanwhile: read through it
    if error is not None:
        raise error
    return found


def _nobody_writing(path: Path) -> bool:
    """Whether no connection is (or was, stopped) writing *path*: no ``-wal`` beside it,
    or an empty one with no ``-shm`` (a reader's leftover; in a read-only folder SQLite
    could not make the ``-shm`` to read through it, and the project read as damaged),
    and no ``-journal`` holding a write (a rollback-mode writer's, at work or stopped)."""
    with contextlib.suppress(OSError):
        if side_file(path, "-journal").stat().st_size:
            return False
    try:
        pending = side_file(path, "-wal").stat().st_size
    except OSError:
        return True
    return not pending and not side_file(path, "-shm").exists()


def _query_header(path: Path, mode: str, full: bool, thorough: bool = False
                  ) -> tuple[int, int, int, list[str], bool]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True,
                           timeout=CHECK_TIMEOUT_SECONDS)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        # Text in UTF-16 (another program rebuilt the file so) reads and writes as well,
        # but SQLite attaches no file of another encoding: every merge either way failed,
        # said as the other, sound file's damage (rv194). An empty one is not made a
        # project either: SQLite keeps a file's encoding for good.
        encoding = conn.execute("PRAGMA encoding").fetchone()[0]
        problems = [] if encoding == "UTF-8" else [f"its text is {encoding}, not UTF-8"]
        columns: schema.Columns = []
        # A project restored from sqlite3's .dump (or made by its .clone) lost both marks:
        # its version is judged from its schema (only files without an id pay for it).
        unmarked = app_id == version == 0 and tables > 0 and not problems \
            and _holds_tahqiqs_tables(conn)
        if unmarked:
            version, problems = schema.unmarked_version(conn, schema.table_columns(conn))
        # A newer version's file is refused as newer, unread: what its schema adds (a
        # partial index, as schema 5 and 8 did) is not another program's (rv159).
        ours = (app_id == schema.APPLICATION_ID or unmarked and version > 0) \
            and version <= schema.SCHEMA_VERSION
        # What the schema alone decides, judged once a schema (every merge and open of
        # the same project reads the same one: fx118); None when it cannot be read so.
        known = _schema_key(conn, version) if ours and not problems and not unmarked \
            else None
        verdict = _SCHEMA_VERDICTS.get(known) if known is not None else None
        if verdict is not None:
            problems, columns = list(verdict[0]), verdict[1]
        elif ours and not problems:
            try:  # before SQLite works them out
                problems = _named_as_functions(conn)
                columns = [] if problems else schema.table_columns(conn)
                problems = problems or (schema.foreign_expressions(conn, columns)
                                        + schema.foreign_constraints(conn, version))[:1]
            except sqlite3.OperationalError as exc:  # nothing checked: SQLite's check
                # is not run (rv90): its names unread, or what else SQLite failed at there
                known = None
                problems = ["a name in its schema is not UTF-8" if "decode" in str(exc)
                            else f"its schema has what Tahqiq did not make ({exc})"]
            if known is not None:
                verdict = _SCHEMA_VERDICTS[known] = (tuple(problems), columns, None)
        if ours and (full or thorough) and not problems:
            check = "integrity_check" if thorough else "quick_check"
            problems = [integrity_line(row[0])
                        for row in conn.execute(f"PRAGMA {check}") if row[0] != "ok"]
        later = verdict[2] if verdict is not None else None
        if ours and later is not None:
            problems += later
        elif ours:
            try:  # decoding the schema's names: SQLite's quick check does not look at them
                conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
            except sqlite3.OperationalError:
                problems.append("a name in its schema is not UTF-8")
                known = None
            else:
                later = ([f"its table {name} is missing"
                          for name in schema.missing_tables(conn, version)]
                         + [f"its table {table} lacks its column {column}"
                            for table, column in schema.missing_columns(columns, version)]
                         + [f"its table {table} has its column {column} of another type"
                            for table, column in schema.retyped_columns(columns)]
                         + [f"its tables are not those of schema {version}, the version "
                            "it gives" for _ in schema.later_columns(columns, version)[:1]]
                         + schema.foreign_triggers(conn, version))[:1]
                problems += later
                if known is not None and verdict is not None:
                    _SCHEMA_VERDICTS[known] = verdict[:2] + (tuple(later),)
        if ours and not problems and version < schema.SCHEMA_VERSION:
            # An upgrade stops at a row pointing at a missing one: refuse the file
            # before the upgrade touches it (checked only then: it reads every row).
            problems = [dangling(row[0], row[2])
                        for row in conn.execute("PRAGMA foreign_key_check")][:1]
    finally:
        conn.close()
    return app_id, version, tables, problems, unmarked


_SCHEMA_VERDICTS: dict[tuple[int, tuple, tuple], tuple[tuple[str, ...], schema.Columns,
                                                tuple[str, ...] | None]] = {}
"""What :func:`_query_header` found of each schema it read (its problems, its columns, its
problems of a later check), by the schema's own text: the same project merged and opened
over and over reads the same schema, and judging it afresh took about half of checking a
small file (fx118). The data's checks (SQLite's quick check, the rows) are never kept."""
_SCHEMA_VERDICTS_KEPT = 32  # schemas remembered (each a few KB); then forgotten, all


def _schema_key(conn: sqlite3.Connection, version: int) -> tuple[int, tuple, tuple] | None:
    """*conn*'s schema as :data:`_SCHEMA_VERDICTS` is keyed: its version, every row of
    sqlite_master as bytes (a name that is not UTF-8 is a key too, decoded by no one) and
    the rules judging it; None when sqlite_master cannot be read so (then it is judged as
    before)."""
    try:
        rows = tuple(conn.execute(
            "SELECT type, CAST(name AS BLOB), CAST(tbl_name AS BLOB), CAST(sql AS BLOB) "
            "FROM sqlite_master ORDER BY rowid").fetchall())
    except sqlite3.DatabaseError:
        return None
    if len(_SCHEMA_VERDICTS) >= _SCHEMA_VERDICTS_KEPT:
        _SCHEMA_VERDICTS.clear()
    return version, rows, _schema_rules()


def _schema_rules() -> tuple:
    """The rules a schema is judged by, as :data:`_SCHEMA_VERDICTS` is keyed too: a
    verdict kept under other rules (one swapped for another, as tests do, or the schema
    versions known) is not taken for theirs."""
    return (schema.SCHEMA_VERSION, len(schema.MIGRATIONS), _named_as_functions,
            schema.table_columns, schema.foreign_expressions, schema.foreign_constraints,
            schema.missing_tables, schema.missing_columns, schema.retyped_columns,
            schema.later_columns, schema.foreign_triggers)


def dangling(table: str, parent: str) -> str:
    """A row of *table* pointing at none of *parent*, said with its tables' names as the
    other lines name them («a row of appearances», not «a appearances row» - rv285)."""
    return f"a row of {table} points at a missing row of {parent}"


def _holds_tahqiqs_tables(conn: sqlite3.Connection) -> bool:
    """Whether a file without Tahqiq's marks holds the tables its first schema made, and
    none named as a function Tahqiq reads as a table (another program's, either way)."""
    try:
        return not (_named_as_functions(conn) or schema.missing_tables(conn, 1))
    except sqlite3.OperationalError:  # (names not UTF-8: another program's file)
        return False


def _named_as_functions(conn: sqlite3.Connection) -> list[str]:
    """A table or view named as a function Tahqiq reads as a table (json_each, json_tree,
    pragma_*): SQLite reads it in the function's place, in Tahqiq's queries and in the
    search index's triggers, and every article's import was refused («'json_each' is not
    a function») though the file opened and `tahqiq check` found nothing (rv194)."""
    return [f"its {kind} {name}, which Tahqiq did not make, stands in for SQLite's "
            "function of that name"
            for kind, name in conn.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND "
                "(lower(name) IN ('json_each', 'json_tree') OR name LIKE 'pragma\\_%' "
                "ESCAPE '\\') LIMIT 1")]


def integrity_problems(path: Path) -> list[str]:
    """SQLite's full ``integrity_check`` of a project (``tahqiq check``): every page,
    every index against its table, and inside the search index. [] when the file is
    sound; it is left as it was."""
    version = check_file(path, full=True)  # (a file that lost its marks: as judged)
    left = wal_left_behind(path)  # (asked before this read opens the file)
    mode = "mode=ro&immutable=1" if _nobody_writing(path) else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True,
                           timeout=CHECK_TIMEOUT_SECONDS)
    try:
        problems = [integrity_line(row[0])
                    for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        # An index another program dropped is no damage SQLite sees, but queries name it:
        # opening the file for writing makes it again (Project._restore_indexes).
        problems += [f"index {name} is missing; opening the project makes it again"
                     for name in schema.missing_indexes(conn, version)]
        problems += [f"trigger {name} is missing; opening the project makes it again"
                     for name in schema.missing_triggers(conn, version)]
        if not problems:  # (what another program wrote that the merge refuses - rv278)
            problems += _written_otherwise(conn, version, path)
        if not problems and version >= schema.MERGED_TABLES_SINCE:  # (tables as read now)
            problems += _place_problems(conn)
        if not problems and not left and version >= schema.TABLES["search_index"]:
            problems += _search_index_checked(path)
        if problems and left:  # (read through another file's changes, perhaps)
            raise _damaged_with_wal(path, problems[0])
        return problems
    except sqlite3.DatabaseError as exc:
        if _cannot_reach(exc):  # (the disk's trouble, not the file's)
            raise _unreadable(path, exc) from exc
        return [str(exc)]
    finally:
        conn.close()


def _place_problems(conn: sqlite3.Connection) -> list[str]:
    """Claim places not holding their words at their offsets, or whose context is not the
    text beside them (article_texts.check_places), in tables as Tahqiq reads them now (a
    current file's, or an older one's upgraded copy): the merge refuses both."""
    from store.core.article_texts import check_places  # (its reads: when checking)

    checked = check_places(conn)
    problems = []
    if checked.misplaced:
        problems.append("claim places not holding their words at their offsets, "
                        "as another program left them, or a Tahqiq of 1-4 December "
                        "restoring a claim after its article's text lost its words: "
                        f"{checked.misplaced}")
    if checked.misdescribed:  # (the merge refuses them: rv254)
        problems.append(
            "claim places whose prefix or suffix is not the text beside their words, "
            "as another program left them (a colleague's merge of this project "
            f"refuses it whole): {checked.misdescribed}")
    return problems


def _written_otherwise(conn: sqlite3.Connection, version: int, path: Path) -> list[str]:
    """What no Tahqiq writes in the file (soundness.problems), each said as left by
    another program: the merge refuses a colleague's file for any of it, and `check` said
    «no damage found» of a time without microseconds or a blank annotator (rv278). A file
    older than ``schema.MERGED_TABLES_SINCE`` the merge upgrades first, on a copy, and
    then runs every rule: checked here so too (:func:`_upgraded_copy_problems`), once its
    text reads as UTF-8 (every read of its row fails, the upgrade's too): only its text
    was checked, and a NULL review id was «no damage found» while the merge refused the
    file (rv285)."""
    # (Loaded here, not at start-up, which checks nothing of this: its import scans
    # 12,289 code points and loads hashlib.)
    from store.core import soundness

    older = version < schema.MERGED_TABLES_SINCE
    found = [f"{problem}, as another program left it"
             for problem in soundness.problems(conn, texts_only=older)]
    if older and not found:
        found = _upgraded_copy_problems(conn, path)
    return found


def _upgraded_copy_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """soundness.problems of a copy of the older file *conn* reads, upgraded as the merge
    upgrades its copy (store.exchange.merge._private_copy): the rules read the tables as
    they are now, and the upgrade moves and cleans what they judge (a schema-3 claim's
    annotator is a place's since schema 4), so the copy is what the merge judges. The
    user's file is only read (SQLite's backup, its -wal's changes in); the copy lies in a
    folder of the system's temporary one, removed after. It costs what the merge's copy
    does: about twice the file's size on that disk for the while (the copy, and the
    copy of it the upgrade keeps), and the upgrade's time (texts split into parts and
    indexed afresh): a 275 MB schema-5 file checked in 30 s, not 7 s. A current file pays
    nothing of it.

    Each line said as :func:`integrity_problems` says it. When those rules find nothing,
    the copy's places are checked as a current file's are (:func:`_place_problems`): a
    schema-5 place whose quote another program changed was «no damage found», and the
    merge refused the file (rv286). An upgrade failing on what the kind rules name on the
    file as it is (a text stored as bytes, which the upgrade folds) is said so, as the
    merge says it (soundness.wrong_kinds, asked by the opening: Project._refuse_wrong_kinds
    refuses the copy as damaged for it, WrongKinds); any other failure is raised as it
    was."""
    import tempfile  # (only an older file's check needs it)

    from store.core import soundness

    with tempfile.TemporaryDirectory(prefix="tahqiq-check-") as folder:
        copy = Path(folder) / path.name
        try:
            target = sqlite3.connect(copy)
            try:
                conn.backup(target)
            finally:
                target.close()
            Project.open(copy, create=False).close()  # upgrades the copy only
        except WrongKinds as exc:  # (the opening found them: not read again here)
            return [f"{problem}, as another program left it" for problem in exc.problems]
        except (sqlite3.Error, StorageError) as exc:  # (SQLite's other errors: as the file's)
            full = exc.template in (DISK_FULL, NOT_WRITTEN) if isinstance(exc, StorageError) \
                else getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            if not full:
                raise
            raise StorageError("There is no room in the temporary folder {folder} to "
                               "upgrade a copy of {name}, a file of an older Tahqiq, for "
                               "checking; it was not checked.",
                               folder=tempfile.gettempdir(), name=path.name) from exc
        upgraded = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [f"{problem}, as another program left it"
                    for problem in soundness.problems(upgraded)] \
                or _place_problems(upgraded)
        finally:
            upgraded.close()


def search_index_damage(conn: sqlite3.Connection, database: str = "main") -> str | None:
    """What FTS5's own check finds wrong inside the search index, or None. SQLite 3.40's
    ``integrity_check`` does not look inside it (3.44's does): its records overwritten,
    every write failed as damage while `tahqiq check` found none, and a merge blamed the
    colleague's sound file (rv205). The check is an INSERT, so it needs a connection that
    may write; it writes nothing, and its savepoint is rolled back. None too where it
    could not run (read-only, a lock, the disk, the index missing: opening says that);
    any other refusal is damage: FTS5 tells a config record it cannot read as SQLITE_ERROR,
    and its version overwritten was «no damage found» while every write failed (rv232).

    Out of a transaction it takes the write lock first, waiting out a writer as the
    connection's timeout allows: asked by the INSERT inside the read it begins with, the
    lock was refused at once, and a window saving meanwhile made the check say nothing
    (rv230)."""
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN IMMEDIATE")
    name = f"tahqiq_{next(_SAVEPOINTS)}"
    try:
        conn.execute(f"SAVEPOINT {name}")
    except sqlite3.Error:
        if began:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute(f"INSERT INTO {database}.search_index(search_index) "
                     "VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and _not_checked(exc):
            return None
        return f"its search index: {_fts5_line(str(exc))}"
    except MemoryError:  # (SQLITE_NOMEM: the sizes a record gives, read as they are)
        return "its search index: a record of it, damaged, asks for more memory than there is"
    finally:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        if began and conn.in_transaction:
            conn.execute("ROLLBACK")
    return None


def _not_checked(exc: sqlite3.OperationalError) -> bool:
    """Whether the search index's check could not run here (a lock, a file or disk it may
    not write, the index missing), rather than ran and was refused."""
    text = str(exc)
    return _is_busy(exc) or _cannot_reach(exc) or "no such table" in text \
        or "readonly" in text or "read-only" in text \
        or getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY")


def search_index_unread(exc: sqlite3.Error) -> bool:
    """Whether FTS5 refused the search index as of a format it cannot read: its config
    record overwritten (another program, a stray byte). Damage, though said as SQLITE_ERROR,
    a statement's code; every write failed with SQLite's raw line (rv232)."""
    return "invalid fts5 file format" in str(exc)


def _fts5_line(text: str) -> str:
    """FTS5's finding in one line, without its «run 'rebuild'»: no Tahqiq command does
    that (a new project this one is merged into indexes it afresh)."""
    return integrity_line(text.removesuffix(" - run 'rebuild'"))


def _search_index_checked(path: Path) -> list[str]:
    """:func:`search_index_damage` of the file at *path*, with what to do about it. Only
    `tahqiq check` runs it (it reads the whole index), on a connection that may write,
    which a file or folder we may not write leaves unchecked; never where changes lie
    beside the file (closing would fold them into it). A writer's lock held past the wait
    is said (StorageError), not «no damage found» of an index left unread: try again."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        return []
    try:
        conn = sqlite3.connect(path, timeout=CHECK_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return []
    try:
        problem = search_index_damage(conn)
    except sqlite3.OperationalError as exc:  # (the savepoint refused: a lock, the disk)
        if _is_busy(exc):
            raise StorageError("Another program kept {name} busy, so its search index "
                               "could not be checked; try again once it is done.",
                               name=path.name) from exc
        return []
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return [] if problem is None else [
        f"{problem}; the articles and notes it indexes are sound, and a new, empty project "
        "this one is merged into indexes them afresh"]


def _writable_side_files(path: Path) -> None:
    """Give the ``-wal`` and ``-shm`` beside a project we may write its own permissions.

    A read-only project in a folder we may write is read through side files SQLite
    makes with the project's mode, read-only too, and a read-only connection cannot
    remove them when it is done. Made writable again (chmod, "Read-only" unticked), the
    project was still refused every change, said to be unwritable itself: SQLite cannot
    write through a ``-shm`` it may only read, any more than through a read-only file.
    Only what we own can be changed (else SQLite's own refusal is said); another program
    reading the project meanwhile keeps the handles it has."""
    for suffix in ("-wal", "-shm"):
        side = side_file(path, suffix)
        try:
            if side.exists() and not os.access(side, os.W_OK):
                side.chmod(stat.S_IMODE(path.stat().st_mode))
        except OSError:
            pass


class Project:
    """An open project file and the name of whoever is making changes."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, annotator: str,
                 read_only: bool = False):
        self.conn = conn
        self.path = path
        self._annotator = ""
        self.annotator = annotator
        self.read_only = read_only
        self._db: sqlite_utils.Database | None = None
        self._cache_kib: int | None = None  # the page cache's size, once keep_pages asked
        # (schema it had, the copy of it kept) when this open upgraded the file
        self.upgraded: tuple[int, Path] | None = None
        # the schema a file that lost its marks was taken as (0: none), and what to say once
        self.marks_lost = 0
        self.opening_note: Message | None = None
        self._open_key = _file_key(path) if path is not None else None
        self.set_aside = False  # another file took the path: keep_apart, no more writes
        self.kept_apart: Path | None = None  # the copy keep_apart made
        self.handed_over: Path | None = None  # where hand_over gave the file (writes end)
        # Where the file went, while hand_over waits (a worker's connection open, another
        # program reading): writes refused meanwhile. They went into the log under the old
        # name, unsaid, while a program at the new name wrote its own; the fold then wrote
        # the one over the other: the file damaged, or tags lost (rv64).
        self.leaving: Path | None = None
        # Writes refused once the file left its path (a window's worker, the command line):
        # only the window's own connection keeps the work apart or hands it over (rv63)
        self.stays_at_path = False
        # Around a write's wait for another program's to end (up to BUSY_TIMEOUT_SECONDS),
        # for whoever would tell the user why nothing happens: the window's was silent.
        self.on_wait: Callable[[], contextlib.AbstractContextManager[None]] | None = None
        self.on_close_note: Callable[[Message], None] | None = None  # (close's note, told)
        if self._open_key is not None:
            _OPEN_HERE[self._open_key] = _OPEN_HERE.get(self._open_key, 0) + 1

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection, for writes and schema work.

        Made on first use: importing sqlite-utils costs a noticeable share of the
        app's start-up, and opening a project and showing it only needs reads.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False,
                                             recursive_triggers=False)
        return self._db

    def keep_pages(self, kib: int) -> None:
        """Let SQLite keep at least *kib* KiB of the file's pages in memory from now on,
        for work that reads more pages than its default cache holds, again and again
        (search): what it reads stays read. The cache fills as pages are read."""
        if self._cache_kib is None:  # SQLite's default (2 MiB unless built otherwise)
            size = self.conn.execute("PRAGMA cache_size").fetchone()[0]  # < 0: KiB, else pages
            self._cache_kib = -size if size < 0 else size * self.conn.execute(
                "PRAGMA page_size").fetchone()[0] // 1024
        if kib > self._cache_kib:
            self.conn.execute(f"PRAGMA cache_size = {-kib}")
            self._cache_kib = kib

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
                ) -> sqlite3.Cursor:
        """Run one statement; outside a transaction a write is committed at once. An
        index of the schema another program dropped meanwhile is made again first
        (:meth:`mend_indexes`)."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            if not self.mend_indexes(exc):
                raise
            cursor = self.conn.execute(sql, parameters)
        if not was_in_transaction and self.conn.in_transaction:
            self.conn.commit()
        return cursor

    def query(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
              ) -> Iterator[dict[str, Any]]:
        """Rows as dicts, like sqlite-utils' ``Database.query``."""
        yield from row_dicts(self.execute(sql, parameters))

    # -- opening -----------------------------------------------------------------
    @property
    def annotator(self) -> str:
        """Whoever is making changes, as their name is kept (stamps.stored_name)."""
        return self._annotator

    @annotator.setter
    def annotator(self, name: str) -> None:
        kept = stored_name(name)  # (a name of control characters alone is no name)
        self._annotator = kept if kept.strip() or not name.strip() else default_annotator()

    @classmethod
    def open(cls, path: str | os.PathLike[str], annotator: str | None = None,
             *, create: bool = True) -> Project:
        """Open (or create) the project at *path*, migrating an older schema.

        Raises NotAProject or SchemaTooNew before anything is written.
        """
        path = Path(path).expanduser()
        annotator = stored_name(annotator or "").strip() or default_annotator()  # (blank: none)
        unmarked = False
        if is_there(path):
            _refuse_long_name(path, existing=True)
            version, unmarked = _checked(path)
        elif create:
            _make_folder(path)
            _refuse_long_name(path)
            _refuse_unprintable_name(path)
            version = 0
        else:
            raise NotAProject("{path} does not exist.", path=str(path))
        read_only = path.exists() and not os.access(path, os.W_OK)
        try:
            # (the folder SQLite makes the side files in: a symbolic link's target's)
            sides = side_file(path, "-wal").parent
            if read_only or (path.exists() and not os.access(sides, os.W_OK)):
                return cls._open_read_only(path, annotator, version, unmarked)
            _writable_side_files(path)
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS,
                                   check_same_thread=False)
            project = cls(conn, path, annotator)
            backup, backed_up = None, False
            try:
                project._configure(wal=False)
                if 0 < version < schema.SCHEMA_VERSION or unmarked:
                    backup, backed_up = project._copy_before_upgrade(version)
                upgraded_from = project._migrate(version if unmarked else None)
                # Only now: a file refused while it was upgraded is left byte for byte
                # as it was (switching to WAL rewrites the file's header).
                project._use_wal()
                if upgraded_from and backup is not None:  # (as read under the write lock)
                    project.upgraded = (upgraded_from, backup)
                if project.marks_lost and backup is not None:
                    project.opening_note = Message(
                        "{name} had lost the marks that name it a Tahqiq project (sqlite3's "
                        ".dump and .clone keep none); it was taken as a project of schema "
                        "{version} and upgraded, a copy kept as {copy}.", name=path.name,
                        version=project.marks_lost, copy=backup.name)
            except BaseException as exc:
                project.close()
                # The file was refused as it was: leave nothing beside it. (Made newer
                # meanwhile, by a program that may have kept this copy as its own.) Once
                # the upgrade committed, the copy is the file as it was, whatever stops
                # the open after (a SIGTERM raised as the COMMIT ends): it was deleted,
                # the file left upgraded.
                if backed_up and backup is not None and not isinstance(exc, SchemaTooNew) \
                        and not _changed_from(path, 0 if unmarked else version):
                    backup.unlink(missing_ok=True)
                raise
            return project
        except StorageError as exc:  # (an upgrade's transaction() said a change was lost)
            if isinstance(exc.__cause__, sqlite3.OperationalError) and _is_busy(exc.__cause__):
                raise _busy_opening(path) from exc.__cause__
            raise
        except sqlite3.OperationalError as exc:  # e.g. the file cannot be written after all
            # Busy while opening: another program's lock kept the file from being read (or
            # upgraded); no change the user asked for was lost, so none is said to be.
            if _is_busy(exc):
                raise _busy_opening(path) from exc
            raise (_unreadable(path, exc) if _cannot_reach(exc) else _storage_error(exc)
                   ) from exc
        except sqlite3.DatabaseError as exc:
            raise NotAProject("{name} is damaged or not a Tahqiq project ({reason}).",
                              name=path.name, reason=quoted(str(exc), 200)) from exc

    def _copy_before_upgrade(self, version: int) -> tuple[Path, bool]:
        """The file as it was, copied beside it before it is upgraded from *version*:
        NAME.tahqiq.schema9.bak, or the first of NAME.tahqiq.schema9-2.bak… no other copy
        holds; and whether the copy is new (a refused upgrade removes it).

        Two long names that differ only at the end shorten to one such name, and the
        second project's upgrade wrote over the first's copy (rv159). A copy an upgrade
        stopped while writing (its -journal beside it, nothing in it) is written over, as
        before; one as the file is now (an upgrade stopped after its copy) is the copy."""
        assert self.path is not None
        kept: list[Path] = []
        for n in itertools.count(1):
            name = name_beside(self.path, f"{self.path.suffix}.schema{version}"
                                          f"{'' if n == 1 else f'-{n}'}", ".bak")
            if side_file(name, "-wal").exists() or (name.exists() and not _unfinished(name)):
                kept.append(name)
                continue
            copy = self.backup(name)
            import filecmp  # (only an upgrade's copy needs it)

            for earlier in kept:  # (two copies of one file are the same bytes)
                with contextlib.suppress(OSError):
                    if filecmp.cmp(earlier, copy, shallow=False):
                        copy.unlink()
                        return earlier, False
            return copy, True
        raise AssertionError  # (unreached: the names do not end)

    @classmethod
    def _open_read_only(cls, path: Path, annotator: str, version: int, unmarked: bool
                        ) -> Project:
        """A project that cannot be written: read it, never migrate or change it.

        In a folder we cannot write, SQLite cannot make the ``-shm`` file a WAL-mode
        file needs; with no ``-wal`` there, no one is writing the file, so it is
        opened as immutable.
        """
        if version < schema.SCHEMA_VERSION or unmarked:  # (marked again: written)
            raise ProjectReadOnly(
                "{name} needs upgrading but is read-only; copy it somewhere writable.",
                name=path.name)
        mode = "mode=ro"
        if not os.access(side_file(path, "-wal").parent, os.W_OK) and _nobody_writing(path):
            mode += "&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True,
                               timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        missing = schema.missing_indexes(conn, version)
        if missing:  # the queries naming it would fail: say so now, and why
            conn.close()
            raise ProjectReadOnly(
                "{name} lacks its index {index} (removed by another program?) and is "
                "read-only, so it cannot be repaired; copy it somewhere writable.",
                name=path.name, index=missing[0])
        project = cls(conn, path, annotator, read_only=True)
        project.execute("PRAGMA foreign_keys=ON")
        sqlfunctions.register_functions(conn)
        return project

    @classmethod
    def in_memory(cls, annotator: str = "tester") -> Project:
        """A throwaway project for tests and benchmarks."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        project = cls(conn, None, annotator)
        project._configure()
        project._migrate()
        return project

    def _configure(self, *, wal: bool = True) -> None:
        execute = self.conn.execute
        sqlfunctions.register_functions(self.conn)  # the search-index triggers call it
        execute("PRAGMA foreign_keys=ON")
        execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        if wal:
            self._use_wal()

    def _use_wal(self) -> None:
        """Use a write-ahead log, in which reading never waits for a writer.

        A file another program left in another journal mode needs the write lock to be
        switched. While that program holds it, the file is used as it is, which reading
        does not need the lock for (a command that only reads would otherwise fail for a
        lock it has no use for); a later open switches it.
        """
        if self.path is None:
            return
        try:
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            return
        if mode == "wal":  # (NORMAL is durable in WAL across crashes, not in a rollback one)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # A log grown by a merge or an import (as big as the project) is cut back to
            # this when it is next started over, not kept beside the file until closing.
            self.conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")

    def _migrate(self, unmarked: int | None = None) -> int | None:
        """Upgrade the file to this version's schema; the version it was upgraded from,
        None when there was nothing to upgrade. SchemaTooNew when a newer Tahqiq wrote it
        since it was checked (or while this one waited for the write lock): it was opened
        for writing, and said «upgraded from schema 12» (rv159). *unmarked*: the schema a
        file that lost its marks was judged to be (check_file), marked so in the same
        transaction (refused, it is left unmarked)."""
        version = said = self.schema_version
        upgraded_from = None
        # Migrations may rebuild a table others point at, which SQLite does with foreign
        # keys off (they can only be switched outside a transaction); each migration is
        # checked for broken references. All the steps are one transaction: an upgrade
        # that fails at its last step leaves the file as it was, not half upgraded.
        if version < schema.SCHEMA_VERSION:
            self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                with self.transaction():
                    # (read again under the write lock: another program may have
                    # upgraded or made the file while this one waited for it)
                    version = said = self.schema_version
                    if unmarked and version == 0 and not self.execute(
                            "PRAGMA application_id").fetchone()[0]:  # (as it was checked)
                        version = said = self.marks_lost = unmarked
                        self.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                        self.execute(f"PRAGMA user_version={version}")
                    # (triggers another program dropped: the upgrade may make them
                    # again, and what they missed is indexed again after it - rv160;
                    # none looked for in a file made newer meanwhile, left unwritten)
                    dropped = []
                    if version < schema.SCHEMA_VERSION:
                        upgraded_from = version
                        dropped = schema.missing_triggers(self.conn, version)
                    while version < schema.SCHEMA_VERSION:
                        try:
                            schema.MIGRATIONS[version](self.db)
                        except sqlite3.OperationalError as exc:
                            if not _schema_mismatch(exc):
                                raise
                            # (not «the change was not saved»: the file is not what
                            # its version says, a damaged or hand-edited project, left
                            # as it was - the upgrade is rolled back, its copy removed)
                            raise NotAProject(
                                "{name} is damaged ({problem}); it was left untouched.",
                                name=self.path.name if self.path else ":memory:",
                                problem=f"its tables are not those of schema {said}, the "
                                        "version it gives") from exc
                        except sqlite3.IntegrityError as exc:  # (a row the upgrade refused:
                            # the file's damage, not a change lost - transaction())
                            raise sqlite3.DatabaseError(str(exc)) from exc
                        broken = self.execute("PRAGMA foreign_key_check").fetchone()
                        if broken:  # (not an IntegrityError: that is a write refused)
                            raise sqlite3.DatabaseError(dangling(broken[0], broken[2]))
                        version += 1
                        self.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                        self.execute(f"PRAGMA user_version={version}")
                    _index_again(self.conn, dropped)
            except StorageError as exc:
                if upgraded_from is not None:  # (an upgrade failed, rolled back: not a lock)
                    self._refuse_wrong_kinds(exc)
                raise
            finally:
                self.conn.execute("PRAGMA foreign_keys=ON")
        if version > schema.SCHEMA_VERSION:
            raise _too_new(self.path.name if self.path is not None else ":memory:", version)
        self._restore_indexes()
        if self.execute("SELECT count(*) FROM labels").fetchone()[0] == 0:
            # A new file starts with the default verdicts. The labels module needs no
            # Project at run time, so this is the one way the two depend on each other.
            from store.core.labels import install_default_labels

            with self.transaction():  # (counted again: two programs making one file)
                if self.execute("SELECT count(*) FROM labels").fetchone()[0] == 0:
                    install_default_labels(self)
        return upgraded_from

    def _refuse_wrong_kinds(self, exc: StorageError) -> None:
        """Refuse the file as damaged if its upgrade failed (*exc*, rolled back) on what
        the kind rules name in it as it is (soundness.wrong_kinds: a text another program
        stored as bytes, which the upgrade folds for the search): opening one's own older
        file said «The change was not saved: user-defined function raised exception.», a
        change the user did not make and no damage, while `check` and the merge named it
        (rv286). Said as the opening says other damage; the file is as it was. A disk
        full or failing is said as it was, and so is any failure these rules find nothing
        behind (asked only now: an older schema's honest columns are judged by them as
        they are now)."""
        from store.core import soundness  # (only a failed upgrade needs it)

        if exc.template in (DISK_FULL, NOT_WRITTEN):
            return
        try:
            wrong = soundness.wrong_kinds(self.conn)
        except sqlite3.Error:  # (the file cannot be read now: the failure as it was)
            return
        if wrong:
            raise WrongKinds("{name} is damaged ({problem}); it was left untouched.",
                             wrong, name=self.path.name if self.path else ":memory:",
                             problem=quoted(f"{wrong[0]}, as another program left it",
                                            DAMAGE_SHOWN)) from exc

    def _restore_indexes(self) -> None:
        """Make again the indexes another program dropped (schema.INDEXES): queries name
        some of them, and fail without. And its triggers: the search index missed every
        write while one was missing (a note written since was never found, and `check`
        said no damage: rv159), so what they keep is indexed again. Like an upgrade, this
        waits for another program's write; if that outlasts the wait, opening says the
        file was busy (no change the user asked for was lost)."""
        version = self.schema_version
        if not (schema.missing_indexes(self.conn, version)
                or schema.missing_triggers(self.conn, version)):
            return
        try:
            with self.transaction():  # (asked again under the write lock: another
                # program opening the file may have made them meanwhile - rv160)
                for name in schema.missing_indexes(self.conn, version):
                    self.conn.execute(schema.INDEXES[name][1])
                triggers = schema.missing_triggers(self.conn, version)
                for name in triggers:
                    self.conn.execute(schema.trigger_sql(name, version))
                _index_again(self.conn, triggers)
        except StorageError as exc:
            cause = exc.__cause__
            if self.path is not None and isinstance(cause, sqlite3.OperationalError) \
                    and _is_busy(cause):
                raise _busy_opening(self.path) from cause
            raise

    def mend_indexes(self, exc: sqlite3.OperationalError) -> bool:
        """Whether *exc* was SQLite's "no such index" for one of schema.INDEXES, now made
        again with any other missing one, so the statement that failed can run again.

        Another program can drop an index while the project is open (opening makes them
        again: _restore_indexes); a statement naming it (INDEXED BY: search, an
        article's places) then fails as it is prepared, before it did anything. The
        indexes hold nothing that is not in their tables. IndexMissing when they cannot
        be made: the project is read-only, or another program kept it busy.
        """
        name = str(exc).removeprefix("no such index: ")
        if name not in schema.INDEXES:
            return False
        file = self.path.name if self.path is not None else ":memory:"
        if self.read_only:
            raise IndexMissing(
                "{name} lacks its index {index} (removed by another program?) and is "
                "read-only, so it cannot be repaired; copy it somewhere writable.",
                name=file, index=name) from exc
        try:
            with self.transaction():
                for missing in schema.missing_indexes(self.conn, self.schema_version):
                    self.conn.execute(schema.INDEXES[missing][1])
        except StorageError as failed:
            cause = failed.__cause__
            if isinstance(cause, sqlite3.OperationalError) and _is_busy(cause):
                raise IndexMissing(
                    "{name} lacks its index {index} (removed by another program?), and "
                    "another program kept the file busy, so it could not be made again; "
                    "try again once it is done.", name=file, index=name) from failed
            raise IndexMissing(
                "{name} lacks its index {index} (removed by another program?), and it "
                "could not be made again ({reason}); reopen the project to repair it.",
                name=file, index=name, reason=quoted(str(cause or failed), 200)) from failed
        return True

    def id_by_prefix(self, table: str, prefix: str, live_only: str = "") -> list[str]:
        """Ids in *table* equal to, or starting with, *prefix*: the exact one alone if it
        exists, else up to two, so callers can tell "none", "one" and "ambiguous" apart.

        *live_only* names a tombstone column whose rows are skipped.
        """
        alive = f" AND {live_only} IS NULL" if live_only else ""
        exact = self.execute(f"SELECT id FROM {table} WHERE id = ?{alive}", [prefix]).fetchone()
        if exact:
            return [exact[0]]
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [row[0] for row in self.execute(
            f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\'{alive} LIMIT 2", [pattern])]

    def one_id(self, table: str, id_or_prefix: str, missing: TahqiqError,
               several: TahqiqError) -> str:
        """The one id in *table* that *id_or_prefix* names (:meth:`id_by_prefix`);
        *missing* raised when none does, *several* when it is not unambiguous."""
        prefix = id_or_prefix.strip()
        ids = self.id_by_prefix(table, prefix) if prefix else []
        if not ids:
            raise missing
        if len(ids) > 1:
            raise several
        return ids[0]

    # -- state ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes when another connection commits: cheap to poll for outside writes."""
        return self.execute("PRAGMA data_version").fetchone()[0]

    def changes_made(self) -> int:
        """How many rows this connection has written since it opened: cheap to compare."""
        return self.conn.total_changes

    def checkpoint(self) -> bool:
        """Copy what the write-ahead log holds into the project file itself, without
        waiting for anyone; True when the file alone now holds every committed change.

        Work is committed at once, but to the ``-wal`` beside the file, which SQLite folds
        in only every thousand pages or when the last connection closes. A file copied
        while the window is open (to e-mail it to the editor, say) was missing the last
        changes, and nothing said so. The window calls this when it goes quiet, and when
        the user turns to another application. A reader holding an older snapshot (the
        known-claims matcher, say) may keep some pages back: False, try again later."""
        if self.path is None or self.read_only or self.set_aside or self.handed_over:
            return True
        try:
            busy, logged, copied = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)"
                                                     ).fetchone()
        except sqlite3.Error:  # locked for a moment by another connection, or worse:
            return False  # what the next write meets is said then
        done = not busy and logged == copied  # (-1, -1 when the file is not in WAL mode)
        if done and logged * 4096 > WAL_SIZE_LIMIT:  # (pages of up to 4 KiB, and headers)
            # A log a merge or an import grew as big as the project: emptied when no one
            # reads it, not left beside the file (a second project's worth of disk,
            # synced by a sync client) until the window closes (rv110).
            self._empty_log(0)
        return done

    def moved_away(self) -> bool:
        """Whether the file this project was opened from is no longer at its path: moved,
        renamed or deleted while open (by a file manager, a sync client). The connection
        goes on writing to it, wherever it went, or to a file no folder holds any more:
        the work since is lost at close unless it is saved elsewhere (:meth:`backup`)."""
        key = self._open_key
        if self.path is None or key is None or key[0] != "file":
            return False
        return _file_key(self.path) != key

    def replaced(self) -> bool:
        """Whether another file stands at this project's path now: a sync client's copy,
        or a mail's, put in its place by rename while it was open. SQLite finds a
        project's log and lock file by the path's name: whoever opened the new file read
        this connection's changes over it, two projects mixed, and a fold here took
        theirs into this one."""
        key = self._open_key
        if self.path is None or key is None or key[0] != "file":
            return False
        now = _file_key(self.path)
        return now[0] == "file" and now != key

    def keep_apart(self) -> Path | None:
        """This project, whose path another file took (:meth:`replaced`), kept apart from
        it: from the first call nothing more is written through this connection
        (:meth:`transaction` refuses); its log is folded into its own file and emptied
        (whoever opens the new file then reads it alone), and the whole copied beside the
        path under a name of its own. Returns the copy; None while another program's read
        keeps the log from being emptied (ask again a moment later); StorageError when
        the copy could not be made (the person saves one elsewhere: :meth:`backup`)."""
        assert self.path is not None
        self.set_aside = True
        if not self._empty_log(KEEP_APART_WAIT_SECONDS):
            return None
        self.kept_apart = self.backup(_free_copy_name(self.path))
        return self.kept_apart

    def _empty_log(self, wait: float) -> bool:
        """Fold the whole log into this project's own file and empty it, waiting at most
        *wait* seconds for other programs' reads of it to end; False when they did not
        (or SQLite could not)."""
        try:
            with self.waiting_at_most(wait):
                busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        return not busy

    def moved_to(self) -> Path | None:
        """Where this project's file went, when it was moved or renamed while open and
        that can be known (Linux: the process's open files name it); None when it is at
        its path, deleted, or another file took its path."""
        key = self._open_key
        if key is None or key[0] != "file" or not self.moved_away() or self.replaced():
            return None
        try:
            open_files = list(Path("/proc/self/fd").iterdir())
        except OSError:  # (not Linux)
            return None
        for entry in open_files:
            with contextlib.suppress(OSError):
                place = Path(os.readlink(entry))
                if place.is_absolute() and _file_key(place) == key:
                    return place
        return None

    def hand_over(self, place: Path) -> bool:
        """Leave the project, moved or renamed to *place* while open (:meth:`moved_to`),
        to a connection opened there: everything folded into the file itself and the log
        under the old name emptied (a connection at the new name has a log of its own,
        and would not read this one's), and nothing more written through this
        connection. False when that cannot be done now (another connection here has the
        file open, or another program reads the log): try again later; writes are
        refused meanwhile (:attr:`leaving`)."""
        self.leaving = place
        if _OPEN_HERE.get(self._open_key, 0) > 1:
            # Another connection here (a worker's) keeps the file's shared index under
            # its old name, which SQLite, by the file, would give a connection opened at
            # the new one too: others opening it there use another, and the two wrote
            # over each other's pages, the project damaged (rv63). Once it is closed.
            return False
        if not self._empty_log(0):
            return False
        self.handed_over, self.leaving = place, None
        return True

    def path_for_others(self) -> Path:
        """The file's path, for another connection (a worker's, a process's) to open;
        refused once the file left it: another connection would open whatever is there
        now (an older copy a sync client put back: an export of it, an import into it)
        or nothing."""
        if self.path is None:
            raise TahqiqError("A project kept in memory cannot be shared with a worker.")
        if self.moved_away():
            raise StorageError("{name} was moved, renamed or deleted while it was open, so "
                               "this cannot be done on it: save a copy of the project first "
                               "(Save a Copy…, in the message that said so) and go on in "
                               "the copy.", name=self.path.name)
        return self.path

    def close(self, *, fold: bool = True) -> Message | None:
        """Close the connection; what to tell the user when the last one here closed on
        changes the disk would not take into the file itself (nearly full: the fold
        stopped halfway), which stay in the ``-wal`` beside it. The file alone, copied or
        sent, then read as damaged, every claim gone with it. Told by the fold's own
        failure (a passive one, which waits for no one), not by a ``-wal`` left: another
        program with the project open leaves one too. Not *fold*: a process that only
        read leaves the log to the program writing it (store.core.matcher_process)."""
        key = self._open_key
        unfolded = False
        if fold and key is not None and _OPEN_HERE.get(key) == 1 and not self.read_only:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as exc:
                unfolded = _cannot_reach(exc) or "full" in str(exc)
            if not unfolded and (self.moved_away() or not os.access(
                    side_file(self.path, "-wal").parent, os.W_OK | os.X_OK)):
                # SQLite leaves the log, holding its frames, where it cannot remove it:
                # under the old name of a file that left its path (renamed, or another
                # file put in its place), and in a folder made read-only. The next file
                # at that name (the colleague's copy, this one renamed back) had them
                # replayed into it, its own work silently gone (rv60). Emptied, the log
                # is nobody's. (Only then: a log emptied at every close is started again,
                # its header synced, by the next write. Waiting a moment: another program
                # still reading it then keeps it, and removes it when it closes.)
                self._empty_log(KEEP_APART_WAIT_SECONDS)
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self._open_key = None
        if key is not None:
            _OPEN_HERE[key] -= 1
            if not _OPEN_HERE[key]:
                del _OPEN_HERE[key]
        wal = None if self.path is None else side_file(self.path, "-wal")
        if not unfolded or wal is None or not wal.exists():
            return None
        note = Message("Not all of the work could be written into {name} itself (is the "
                       "disk full?): the rest is kept in {wal} beside it. Keep the two "
                       "together, and copy or send both, until Tahqiq has opened the "
                       "project again with room on the disk.", name=self.path.name,
                       wal=side_file_named(self.path, "-wal"))
        if self.on_close_note is not None:
            self.on_close_note(note)
        return note

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------
    def insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert one row, a list, tuple or dict value stored as JSON (as sqlite-utils
        stores them). The writes of a user's action go through here and :meth:`update`
        rather than sqlite-utils, whose import (0.1-0.2 s) would otherwise fall on the
        first edit of a session."""
        names = ", ".join(f'"{name}"' for name in row)
        self.conn.execute(f'INSERT INTO "{table}" ({names}) VALUES '
                          f'({", ".join("?" * len(row))})', [_sql_value(v) for v in row.values()])

    def insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """:meth:`insert` of rows with the same columns, in one statement run over them."""
        names = ", ".join(f'"{name}"' for name in rows[0])
        self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES '
                              f'({", ".join("?" * len(rows[0]))})',
                              [[_sql_value(v) for v in row.values()] for row in rows])

    def update_many(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Write whole rows with the same columns, each over the row of its ``id``, in one
        statement run over them."""
        names = [name for name in rows[0] if name != "id"]
        sets = ", ".join(f'"{name}" = ?' for name in names)
        self.conn.executemany(f'UPDATE "{table}" SET {sets} WHERE "id" = ?',
                              [[*(_sql_value(row[n]) for n in names), row["id"]]
                               for row in rows])

    def update(self, table: str, key: str, changes: dict[str, Any], *, by: str = "id") -> None:
        """Set *changes* on the row of *table* whose *by* column is *key*."""
        sets = ", ".join(f'"{name}" = ?' for name in changes)
        self.conn.execute(f'UPDATE "{table}" SET {sets} WHERE "{by}" = ?',
                          [*map(_sql_value, changes.values()), key])

    def _refuse_if_left(self) -> None:
        """Refuse a write through this connection once its file left its path and the
        work went elsewhere, or waits to (keep_apart, hand_over), saying where."""
        if self.kept_apart is not None:
            raise StorageError("{name} was replaced by another file while it was open, so "
                               "nothing more is saved through this window: go on in "
                               "{copy}, where its work was kept.", name=self.path.name,
                               copy=self.kept_apart.name)
        if self.set_aside:  # (no copy made yet, or none could be)
            raise StorageError("{name} was replaced by another file while it was open, so "
                               "nothing more is saved through this window: save a copy of "
                               "the project elsewhere (File ▸ Back Up Project…) and go on "
                               "there.", name=self.path.name)
        if self.handed_over is not None:
            raise StorageError("{name} was moved or renamed to {place} while it was open: "
                               "go on there (open it).", name=self.path.name,
                               place=str(self.handed_over))
        if self.leaving is not None:
            raise StorageError("{name} was moved or renamed to {place} while it was open: "
                               "the window goes on there once the work under way ends; "
                               "do this again then.", name=self.path.name,
                               place=str(self.leaving))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Project]:
        """One atomic, committed unit of work; nested blocks become savepoints."""
        if self.read_only:
            raise ProjectReadOnly("This project is open read-only; changes cannot be saved.")
        self._refuse_if_left()
        conn = self.conn
        try:
            if conn.in_transaction:
                with self._savepoint():
                    yield self
                return
            self._begin_writing()
            try:
                if self.stays_at_path and self.moved_away():
                    # (seen holding the write lock: the window's fold and copy, which
                    # take it too, came before this write or will hold it)
                    raise StorageError(
                        "{name} was moved, renamed or replaced by another file while this "
                        "was being done, so nothing more was written into it; what was "
                        "done before is kept: do the rest again where the work now is.",
                        name=self.path.name)
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            # (at the first commit, not at start-up, which commits nothing before its first
            # paint: the window's rehearsed first write loads it while idle)
            from store.core import interrupts

            with interrupts.committing():
                conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            # (a rule of the file's refusing the write, or damage SQLite met as it wrote -
            # an index another program rewrote, rv194: said as any failure to save is; a
            # DatabaseError of Tahqiq's own, saying whose damage it is, goes on as it is)
            if not isinstance(exc, (sqlite3.OperationalError, sqlite3.IntegrityError)) \
                    and not _is_damage(exc):
                raise
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise _storage_error(exc) from exc
        except MemoryError as exc:
            # (SQLite's SQLITE_NOMEM comes as a MemoryError: the computer's memory ran out,
            # or a damaged file gave a size no memory holds - a search index's record
            # overwritten did, once in thousands; a traceback either way, before)
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error, MemoryError):
                    conn.execute("ROLLBACK")
            raise StorageError(OUT_OF_MEMORY) from exc

    def _begin_writing(self) -> None:
        """BEGIN IMMEDIATE: wait for another program's write to end. With someone to tell
        (``on_wait``), first without waiting, so a wait is told before it starts."""
        conn, wait = self.conn, self.on_wait
        # (a timeout of 0, inside not_waiting: it fails at once anyway)
        if wait is None or not (timeout := conn.execute("PRAGMA busy_timeout").fetchone()[0]):
            conn.execute("BEGIN IMMEDIATE")
            return
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
        with wait():
            conn.execute("BEGIN IMMEDIATE")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Project]:
        """Reads in this block see the project as it was at the first of them, whatever
        other connections write meanwhile (a read transaction: the write-ahead log keeps
        that state for it). An export reads a count, then its records as it writes them,
        for seconds: without one view, a claim tagged in the window between two reads
        could be in the one and not the other. Inside a transaction, it is that one's."""
        conn = self.conn
        if conn.in_transaction:
            yield self
            return
        conn.execute("BEGIN")  # deferred: no lock until the first read
        try:
            yield self
        finally:
            if conn.in_transaction:  # (a write on this connection in the block is kept)
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("COMMIT")

    def not_waiting(self) -> contextlib.AbstractContextManager[None]:
        """Writes in this block fail at once (StorageError, busy) instead of waiting for
        another program's write to end: for work that can be done later or not at all."""
        return self.waiting_at_most(0)

    @contextlib.contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes in this block wait at most *seconds* for another program's write (or a
        checkpoint for its reads) to end, instead of BUSY_TIMEOUT_SECONDS."""
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")

    def start_log(self) -> None:
        """Commit a transaction that changes nothing (the schema version written as it
        is): SQLite starts a write-ahead log at its first commit, syncing its header, and
        this makes that commit not the person's first edit (store.core.warm_up)."""
        with self.transaction():
            self.conn.execute(f"PRAGMA user_version = {self.schema_version}")

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"tahqiq_{next(_SAVEPOINTS)}"  # distinct from any savepoint still open
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def copy_for_older(self, target: str | os.PathLike[str], *, replace: bool = False
                       ) -> Path:
        """A whole copy of the project at *target* that a Tahqiq as old as schema
        ``schema.READABLE_SINCE`` opens and merges: a colleague who has not upgraded yet
        refuses this version's file as newer, though it holds nothing they cannot read
        (rv88: a team upgrades one person at a time). Its search index keeps this
        version's folding (``schema.READABLE_SINCE`` says what an older one's search
        misses there). A file at *target* is written over only if
        *replace* (:meth:`backup`)."""
        target = Path(target)
        self._refuse_copy_to(target, replace=replace)
        # Written under a hidden name and renamed into place whole: a copy cut short
        # (Ctrl-C, `timeout`) left *target* at this version's schema or half written,
        # and the next try was refused as «there already» (rv210). As an export is
        # (a link followed, a read-only file refused, a private one's mode kept).
        with replaced_whole(target, _not_written) as part:
            try:
                self._copy_into(part, target)
                try:
                    conn = sqlite3.connect(str(part))
                    try:
                        conn.execute("PRAGMA journal_mode=DELETE")  # (an older reader's WAL)
                        conn.execute(f"PRAGMA user_version={schema.READABLE_SINCE}")
                        conn.commit()
                    finally:
                        conn.close()
                except sqlite3.Error as exc:
                    raise StorageError("Could not write {path}: {reason}.", path=str(target),
                                       reason=quoted(str(exc), 200)) from exc
            except BaseException:
                _remove_with_side_files(part)
                raise
        return target

    def backup(self, target: str | os.PathLike[str], *, replace: bool = True) -> Path:
        """Copy the whole project to *target* with SQLite's online backup API.

        A file at *target* is written over only if *replace* (a save dialog asked about
        that very name), and never this project's own file. Refused where a ``-wal`` lies
        beside a *target* that does not exist: the log of a project moved away from there
        (renamed while open, its connection still writing that log), which SQLite would
        replay into the copy."""
        target = Path(target)
        self._refuse_copy_to(target, replace=replace)
        self._copy_into(target, target)
        return target

    def _refuse_copy_to(self, target: Path, *, replace: bool) -> None:
        _refuse_long_name(target)
        _refuse_unprintable_name(target)
        if not replace and target.exists():
            raise StorageError("{path} is there already: the copy is written to a new file.",
                               path=str(target))
        if self._open_key is not None and target.exists() and _file_key(target) == \
                self._open_key:  # (SQLite wrote its own file over: «disk I/O error»)
            raise StorageError("Could not back up to {path}: that is this project's own "
                               "file; choose another name.", path=str(target))
        if not target.exists() and side_file(target, "-wal").exists():
            raise StorageError("Could not back up to {path}: the log of the project that "
                               "was there ({name}) lies beside it; choose another name.",
                               path=str(target), name=side_file_named(target, "-wal"))

    def _copy_into(self, path: Path, target: Path) -> None:
        """The online backup into *path*, named *target* in what is said."""
        fresh = not path.exists()
        try:
            dest = sqlite3.connect(str(path))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        except sqlite3.Error as exc:
            if fresh:  # (a full disk left a file named as the backup, unreadable)
                _remove_with_side_files(path)
            raise StorageError("Could not back up to {path}: {reason}.",
                               path=str(target), reason=quoted(str(exc), 200)) from exc


def _changed_from(path: Path, version: int) -> bool:
    """Whether *path*'s schema is no longer *version* (0 for a file that lost its marks,
    judged of another), read afresh (an upgrade that committed); True when it cannot be
    read: its copy is then kept. Read by a connection that may write (never create): a
    read-only one leaves a WAL-mode file's ``-wal`` and ``-shm``, which it made, beside
    it when it closes, and a refused upgrade left them beside a file said untouched."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0] != version
        finally:
            conn.close()
    except sqlite3.Error:
        return True


def _not_written(path: Path, exc: OSError | None) -> StorageError:
    """replaced_whole's failure for a copy of the project."""
    reason = "nothing was written" if exc is None else exc.strerror or type(exc).__name__
    return StorageError("Could not write {path}: {reason}.", path=str(path), reason=reason)


def _remove_with_side_files(path: Path) -> None:
    for leftover in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{leftover}").unlink()


WAL_SIZE_LIMIT = 4 * 1024 * 1024  # bytes a -wal keeps once emptied


def _sql_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _make_folder(path: Path) -> None:
    """The folder a new project file *path* goes in, made if need be; StorageError naming
    the folder that is read-only rather than SQLite's "unable to open database file".

    Asked before SQLite tries, so nothing is left half-made; ``os.access`` sees read-only
    mounts and ``chattr +i`` too, even for root.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR,
                             errno.EEXIST):
            raise
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        return
    blocked = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    if not blocked.is_dir():  # (a file in the folder's place: «Something went wrong:
        # NotADirectoryError» in the window, where the default project goes; rv99)
        raise StorageError("{file} is a file where a folder should be, so the project "
                           "{name} cannot be created there.", file=str(blocked),
                           name=path.name)
    raise StorageError("{folder} is read-only, so the project {name} cannot be created there.",
                       folder=str(blocked), name=path.name)


def _refuse_unprintable_name(path: Path) -> None:
    """A new file's name holds no line break or other control character: `tahqiq new`
    printed such a name on one line, a script read another file's name from it, and no
    list or title shows it as it is (rv96). (A file so named elsewhere still opens.)"""
    if any(unicodedata.category(char) == "Cc" for char in path.name):
        raise StorageError("The name {name} holds a line break or another control "
                           "character: choose another.", name=ascii(path.name))


def _refuse_long_name(path: Path, *, existing: bool = False) -> None:
    """A project's name with room for SQLite's side files' («-journal», «-wal»): one of
    about 121 Arabic letters was made as an empty file, «unable to open database file»
    said, the journal's name too long for the folder; one that came longer from another
    system was refused as «File name too long: NAME.tahqiq-wal», a file never seen (rv93)."""
    # (An existing project is in WAL mode: «-wal» and «-shm» are all it needs beside it;
    # a name with room for those and not «-journal» was opened and written before.)
    if fits(path, "-wal" if existing else SIDE_FILE):
        return
    if existing:
        raise StorageError("The name {name} is too long to open as a project here: "
                           "SQLite adds «-journal» to it for a file of its own. Rename "
                           "it shorter; nothing in it was changed.", name=path.name)
    raise StorageError("The name {name} is too long for a project: SQLite adds «-journal» "
                       "to it for a file of its own. Choose a shorter one.",
                       name=path.name)


def _schema_mismatch(exc: sqlite3.OperationalError) -> bool:
    """Whether an upgrade failed on what the file holds (a table it makes already there,
    a column it reads missing), not on the disk or a lock."""
    text = str(exc)
    return any(sign in text for sign in ("already exists", "duplicate column",
                                         "no such table", "no such column", "no such trigger"))


def _index_again(conn: sqlite3.Connection, triggers: list[str]) -> None:
    """What the search index missed while *triggers* were missing, indexed again."""
    if triggers:  # (search_articles_update: "articles")
        schema.index_again(conn, {name.split("_")[1] for name in triggers})


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether *exc* says another connection holds a lock SQLite needed."""
    text = str(exc)
    return "locked" in text or "busy" in text or getattr(
        exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED")


def _busy_opening(path: Path) -> StorageError:
    """Another program's lock kept *path* from being read: opening it changes nothing the
    user asked for, so no change is said to be lost."""
    return StorageError("Another program kept {name} busy, so it could not be opened; try "
                        "again once it is done.", name=path.name)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite itself found the file damaged (a DatabaseError raised in Python has
    no code: merge's and an upgrade's, each saying whose file is)."""
    return getattr(exc, "sqlite_errorname", "").startswith(
        ("SQLITE_CORRUPT", "SQLITE_NOTADB")) or search_index_unread(exc)


# What a failed write is said as (_storage_error), kept here once: an import tells the files
# it could not store by them and a merge its temporary folder's room by them, comparing
# StorageError.template, where copies of the words drifted apart (rv278).
DISK_FULL = "The disk is full; the change was not saved."
PROJECT_BUSY = "Another program kept the project busy; the change was not saved."
OUT_OF_MEMORY = ("Memory ran out as the project was written (a damaged file can ask for more "
                 "than there is: `tahqiq check` tells); the change was not saved, and what "
                 "was saved before is kept.")
NOT_WRITTEN = ("The project could not be written to the disk (is the disk full, or the file "
               "too large?); the change was not saved.")


def _storage_error(exc: sqlite3.DatabaseError) -> StorageError:
    text = str(exc)
    code = getattr(exc, "sqlite_errorname", "")  # Python 3.11+
    if _is_damage(exc):
        if search_index_unread(exc):
            text = f"its search index: {_fts5_line(text)}"
        return StorageError("The project file is damaged ({reason}); the change was not "
                            "saved, and what was saved before is kept: `tahqiq check` tells "
                            "what is damaged.", reason=quoted(text, 200))
    if "full" in text or code == "SQLITE_FULL":
        return StorageError(DISK_FULL)
    if _is_busy(exc):
        return StorageError(PROJECT_BUSY)
    if "readonly" in text or "read-only" in text:
        return StorageError("The project file cannot be written; the change was not saved.")
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StorageError(NOT_WRITTEN)
    return StorageError("The change was not saved: {reason}.", reason=quoted(text, 200))
