"""Opening, creating and writing a project file.

A project is one SQLite file. Every write goes through :meth:`Project.transaction`,
which takes the write lock up front (``BEGIN IMMEDIATE``) so two processes
writing the same file wait for each other instead of failing half-way, and
commits when the block ends: there is no unsaved state.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.core import schema, sqlfunctions
from store.core.stamps import default_annotator

if TYPE_CHECKING:
    import sqlite_utils
from store.errors import NotAProject, ProjectReadOnly, SchemaTooNew, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 15.0


def check_file(path: Path) -> int:
    """Refuse anything that is not a Tahqiq project, without writing to it.

    Returns the file's schema version (0 for an empty file).
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return 0
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotAProject("Cannot read {path}: {reason}.",
                          path=str(path), reason=str(exc.strerror or exc)) from exc
    if header != SQLITE_HEADER:
        raise NotAProject("{name} is not a Tahqiq project (it is not an SQLite database).",
                          name=path.name)
    try:
        app_id, version, tables, problems = _inspect(path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged name in the schema
        raise NotAProject("{name} is damaged or not a Tahqiq project ({reason}).",
                          name=path.name, reason=str(exc)) from exc
    if app_id != schema.APPLICATION_ID:
        if tables == 0 and version == 0:
            return 0
        raise NotAProject(
            "{name} is an SQLite database but not a Tahqiq project; it was left untouched.",
            name=path.name)
    if problems:
        raise NotAProject("{name} is damaged ({problem}); it was left untouched.",
                          name=path.name, problem=str(problems[0]))
    if version > schema.SCHEMA_VERSION:
        raise SchemaTooNew(
            "{name} was written by a newer version of Tahqiq (schema {version}; this "
            "version reads up to {supported}). Please update Tahqiq to open it.",
            name=path.name, version=version, supported=schema.SCHEMA_VERSION)
    return version


def _inspect(path: Path) -> tuple[int, int, int, list[str]]:
    """(application id, schema version, schema objects, quick_check problems) of *path*.

    Read so that nothing is left beside the file: SQLite opening a WAL-mode file,
    even with ``mode=ro``, creates ``-wal`` and ``-shm`` files that a read-only
    connection cannot remove again (and in a read-only folder it cannot open the
    file at all). With no ``-wal`` beside it no one is writing the file, so it is
    read as immutable: no locks, no side files. A ``-wal`` belongs to a connection
    that is (or was) writing: then the file is read through it. Should a writer
    start while the file is read as immutable, the read is done again through its
    locks.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        return _query_header(path, "mode=ro")
    before = path.stat()
    error: sqlite3.DatabaseError | None = None
    try:
        found = _query_header(path, "mode=ro&immutable=1")
    except sqlite3.DatabaseError as exc:
        error = exc
    after = path.stat()
    if wal.exists() or (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        return _query_header(path, "mode=ro")  # a writer began meanwhile: read through it
    if error is not None:
        raise error
    return found


def _query_header(path: Path, mode: str) -> tuple[int, int, int, list[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=5)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        problems: list[str] = []
        if app_id == schema.APPLICATION_ID:
            problems = [" ".join(row[0].replace("*** in database main ***", "").split())
                        for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
            try:  # decoding the schema's names: SQLite's quick check does not look at them
                conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
            except sqlite3.OperationalError:
                problems.append("a name in its schema is not UTF-8")
            if not problems and version < schema.SCHEMA_VERSION:
                # An upgrade stops at a row pointing at a missing one: refuse the file
                # before the upgrade touches it (checked only then: it reads every row).
                problems = [f"a {row[0]} row points at a missing {row[2]} row"
                            for row in conn.execute("PRAGMA foreign_key_check")][:1]
    finally:
        conn.close()
    return app_id, version, tables, problems


class Project:
    """An open project file and the name of whoever is making changes."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, annotator: str,
                 read_only: bool = False):
        self.conn = conn
        self.path = path
        self.annotator = annotator
        self.read_only = read_only
        self._db: sqlite_utils.Database | None = None

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

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
                ) -> sqlite3.Cursor:
        """Run one statement; outside a transaction a write is committed at once."""
        was_in_transaction = self.conn.in_transaction
        cursor = self.conn.execute(sql, parameters)
        if not was_in_transaction and self.conn.in_transaction:
            self.conn.commit()
        return cursor

    def query(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
              ) -> Iterator[dict[str, Any]]:
        """Rows as dicts, like sqlite-utils' ``Database.query``."""
        cursor = self.execute(sql, parameters)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], annotator: str | None = None,
             *, create: bool = True) -> Project:
        """Open (or create) the project at *path*, migrating an older schema.

        Raises NotAProject or SchemaTooNew before anything is written.
        """
        path = Path(path).expanduser()
        annotator = annotator or default_annotator()
        if path.exists():
            version = check_file(path)
        elif create:
            _make_folder(path)
            version = 0
        else:
            raise NotAProject("{path} does not exist.", path=str(path))
        read_only = path.exists() and not os.access(path, os.W_OK)
        try:
            if read_only or (path.exists() and not os.access(path.parent, os.W_OK)):
                return cls._open_read_only(path, annotator, version)
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS,
                                   check_same_thread=False)
            project = cls(conn, path, annotator)
            backup = path.with_name(f"{path.name}.schema{version}.bak")
            backed_up = False
            try:
                project._configure(wal=False)
                if version > 0 and version < schema.SCHEMA_VERSION:
                    backed_up = not backup.exists()
                    project.backup(backup)
                project._migrate()
                # Only now: a file refused while it was upgraded is left byte for byte
                # as it was (switching to WAL rewrites the file's header).
                project._use_wal()
            except BaseException:
                project.close()
                if backed_up:  # the file was refused as it was: leave nothing beside it
                    backup.unlink(missing_ok=True)
                raise
            return project
        except sqlite3.OperationalError as exc:  # e.g. the file cannot be written after all
            raise _storage_error(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise NotAProject("{name} is damaged or not a Tahqiq project ({reason}).",
                              name=path.name, reason=str(exc)) from exc

    @classmethod
    def _open_read_only(cls, path: Path, annotator: str, version: int) -> Project:
        """A project that cannot be written: read it, never migrate or change it.

        In a folder we cannot write, SQLite cannot make the ``-shm`` file a WAL-mode
        file needs; with no ``-wal`` there, no one is writing the file, so it is
        opened as immutable.
        """
        if version < schema.SCHEMA_VERSION:
            raise ProjectReadOnly(
                "{name} needs upgrading but is read-only; copy it somewhere writable.",
                name=path.name)
        mode = "mode=ro"
        if not os.access(path.parent, os.W_OK) \
                and not path.with_name(path.name + "-wal").exists():
            mode += "&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True,
                               timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
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
        if self.path is not None:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")  # durable in WAL across crashes

    def _migrate(self) -> None:
        version = self.schema_version
        # Migrations may rebuild a table others point at, which SQLite does with foreign
        # keys off (they can only be switched outside a transaction); each migration is
        # checked for broken references. All the steps are one transaction: an upgrade
        # that fails at its last step leaves the file as it was, not half upgraded.
        if version < schema.SCHEMA_VERSION:
            self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                with self.transaction():
                    while version < schema.SCHEMA_VERSION:
                        schema.MIGRATIONS[version](self.db)
                        broken = self.execute("PRAGMA foreign_key_check").fetchone()
                        if broken:
                            raise sqlite3.IntegrityError(
                                f"a {broken[0]} row points at a missing {broken[2]} row")
                        version += 1
                        self.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                        self.execute(f"PRAGMA user_version={version}")
            finally:
                self.conn.execute("PRAGMA foreign_keys=ON")
        if self.execute("SELECT count(*) FROM labels").fetchone()[0] == 0:
            # A new file starts with the default verdicts. The labels module needs no
            # Project at run time, so this is the one way the two depend on each other.
            from store.core.labels import install_default_labels

            install_default_labels(self)

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

    # -- state ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes when another connection commits: cheap to poll for outside writes."""
        return self.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic, committed unit of work; nested blocks become savepoints."""
        if self.read_only:
            raise ProjectReadOnly("This project is open read-only; changes cannot be saved.")
        conn = self.conn
        try:
            if conn.in_transaction:
                with self._savepoint():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise _storage_error(exc) from exc

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"tahqiq_{uuid.uuid4().hex}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """Copy the whole project to *target* with SQLite's online backup API."""
        target = Path(target)
        try:
            dest = sqlite3.connect(str(target))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        except sqlite3.Error as exc:
            raise StorageError("Could not back up to {path}: {reason}.",
                               path=str(target), reason=str(exc)) from exc
        return target


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
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        return
    blocked = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    raise StorageError("{folder} is read-only, so the project {name} cannot be created there.",
                       folder=str(blocked), name=path.name)


def _storage_error(exc: sqlite3.OperationalError) -> StorageError:
    text = str(exc)
    code = getattr(exc, "sqlite_errorname", "")  # Python 3.11+
    if "full" in text or code == "SQLITE_FULL":
        return StorageError("The disk is full; the change was not saved.")
    if "locked" in text or "busy" in text:
        return StorageError("Another program kept the project busy; the change was not saved.")
    if "readonly" in text or "read-only" in text:
        return StorageError("The project file cannot be written; the change was not saved.")
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StorageError("The project could not be written to the disk (is the disk full, "
                            "or the file too large?); the change was not saved.")
    return StorageError("The change was not saved: {reason}.", reason=text)
