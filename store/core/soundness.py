"""What a Tahqiq could not have written in a project file: the rows another program left
that the merge refuses a colleague's file for, and `tahqiq check` names in any file.

One place for both (``problems``): `tahqiq check` said «no damage found» of a file the
merge then refused as damaged (a time without its microseconds, a blank annotator), and
the colleague told "damaged" ran the command meant to name the damage (rv278). Each rule
is one SQL pass over its table (or column), stopped at its first row; nothing here
writes. No Qt, no project: a connection and the schema name the file is read as.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence

from store.core import schema
from store.core.labels import COLOR_RE, KEY_RE
from store.core.records import DECISIONS
from store.errors import quoted

# What str.strip() takes from a name's ends: a name of nothing else is empty.
SPACES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())


def problems(conn: sqlite3.Connection, database: str = "main", *, beside: str | None = None,
             texts_only: bool = False) -> Iterator[str]:
    """What is wrong in *database* that no Tahqiq writes, one line each, in the order the
    merge refuses them (it raises the first; `tahqiq check` names them all): a value of
    the wrong kind (bytes in a note, a fraction in a position), text that is not UTF-8, a
    time not written as Tahqiq writes one, an id that is no UUID, a review decided
    neither accept nor reject, a place with an empty annotator, an article whose
    fingerprint is not its text's, a label whose key or colour is none, rows pointing at
    missing ones (:func:`points_at_nothing`). Text that is not
    UTF-8 ends the list: every later rule would fail reading its row. A column named for
    its kind is named by no later rule (a blob id is not said again as «b'…', which is no
    id»).

    *beside*, a merge's: the schema the rows are merged into, whose declared types the
    kinds are asked of (else Tahqiq's own). Only tables both hold are read, and for text
    a row already there as it is is spared (a merge again reads no text twice); the
    articles and their parts are left to the merge for text (it reads the texts it
    brings into Python, and checks their parts as it copies them), not for kinds.
    *texts_only*: no rule but the UTF-8 one (a file older than the merge reads as it is,
    checked)."""
    mistyped, unreadable = _wrong_kinds_and_texts(conn, database, beside, not texts_only)
    yield from mistyped
    yield from unreadable
    if unreadable or texts_only:
        return
    named = tuple(line.split(" ", 1)[0] + " " for line in mistyped)  # («table.column »)
    said: list[str] = []
    for rule in (_untimed, _malformed_ids, _unknown_decisions, _blank_annotators,
                 _false_fingerprints, _malformed_labels, points_at_nothing):
        for line in rule(conn, database):
            # (rows pointing at a claim whose id is named already are that damage, said:
            # «claims.id is empty», not that and every place of the claim again)
            if line.startswith(named) or isinstance(line, Dangling) and any(
                    earlier.startswith(line.target + " ") for earlier in (*mistyped, *said)):
                continue
            said.append(line)
            yield line


def wrong_kinds(conn: sqlite3.Connection, database: str = "main") -> list[str]:
    """The kind and UTF-8 rules of :func:`problems` alone, on a file older than the merge
    reads as it is: asked only once its upgrade has failed. The upgrade reads its texts
    (folds them for the search), and a text another program stored as bytes failed it
    with SQLite's «user-defined function raised exception», said by `check` and the merge
    of a schema-5 file as «The change was not saved», while a schema-9 one was named
    damaged («articles.text holds a blob value») (rv286). Not asked before the upgrade:
    an older schema's honest columns are judged by the rules as they are now."""
    mistyped, unreadable = _wrong_kinds_and_texts(conn, database, None, True)
    return mistyped + unreadable


def _columns(conn: sqlite3.Connection, database: str, table: str) -> list[tuple]:
    return conn.execute(f"PRAGMA {database}.table_info({table})").fetchall()


def _tables(conn: sqlite3.Connection, database: str, beside: str | None) -> list[str]:
    """Tahqiq's tables in *database*, but the search index (made again from the rest);
    given *beside*, those both hold but the search's."""
    names = [name for (name,) in conn.execute(
        f"SELECT name FROM {database}.sqlite_master WHERE type = 'table' ORDER BY name")
        if name in schema.TABLES and name != "search_index"]
    if beside is None:
        return names
    here = {name for (name,) in conn.execute(
        f"SELECT name FROM {beside}.sqlite_master WHERE type = 'table'")}
    return [name for name in names if name in here and not name.startswith("search")]


# What each declared column type may hold; SQLite itself stores whatever it is given (a
# TEXT column keeps bytes as bytes, an INTEGER one text that is no number, or 1.5).
_STORAGE = {"TEXT": ("text", "null"), "INTEGER": ("integer", "null")}


def _kinds(conn: sqlite3.Connection, database: str, beside: str | None, table: str
           ) -> list[tuple[str, tuple[str, ...], bool]]:
    """(column, the kinds it may hold, whether bytes are the one wrong kind it can hold)
    of *table*'s columns the merge reads: as *beside* declares them, of those *database*
    has; without *beside*, as Tahqiq makes them (``schema.INTEGER_COLUMNS``, the rest
    TEXT), of those both know. The search's tables none (made again from the rest).

    A column *database* declares TEXT too is given every number as text by SQLite, so
    bytes are all it can hold wrongly, asked as typeof() = 'blob': NOT IN cost the
    100,000-claim check 1.3 s of CPU more than the UTF-8 test alone, this 0.55 s."""
    if table.startswith("search"):
        return []
    theirs = {row[1]: schema.affinity(row[2]) for row in _columns(conn, database, table)}
    if beside is not None:
        typed = [(row[1], _STORAGE[row[2]]) for row in _columns(conn, beside, table)
                 if row[2] in _STORAGE and row[1] in theirs]
    else:
        known = {c for _, columns in schema.COLUMNS.get(table, []) for c in columns.split()}
        integer = schema.INTEGER_COLUMNS.get(table, "").split()
        typed = [(c, _STORAGE["INTEGER" if c in integer else "TEXT"]) for c in theirs
                 if c in known]
    return [(c, allowed, allowed == _STORAGE["TEXT"] and theirs[c] == "TEXT")
            for c, allowed in typed]


def _wrong_kinds_and_texts(conn: sqlite3.Connection, database: str, beside: str | None,
                           kinds: bool) -> tuple[list[str], list[str]]:
    """«table.column holds a blob value», «table.column holds text that is not UTF-8»:
    the first of each kind of each table, asked in one pass over it (fx102 measured a
    pass of its own for the kinds at 5.9 s more of a 47 s check of 100,000 claims). The
    kinds (given *kinds*) of :func:`_kinds`; the texts of the columns declared TEXT (in
    *beside*, given one, of those *database* has), but the articles' and their parts'
    given *beside*."""
    mistyped: list[str] = []
    unreadable: list[str] = []
    for table, typed, columns, unless in _plan(conn, database, beside, kinds):
        wrong, found = _first_wrong(conn, table, typed, columns, database, unless)
        mistyped += [wrong] if wrong else []
        unreadable += [f"{found} holds text that is not UTF-8"] if found else []
    return mistyped, unreadable


_Plan = list[tuple[str, list[tuple[str, tuple[str, ...], bool]], list[str], str]]
_PLANS: dict[tuple, _Plan] = {}
"""What :func:`_wrong_kinds_and_texts` asks of each table, by both schemas' own text: a
merge asks it of every file it merges, and the same colleague's file, merged again and
again, has the same schema (working it out, 38 reads of SQLite's table_info, was a third
of a small merge's check: fx118). The rows are read every time."""
_PLANS_KEPT = 32  # pairs of schemas remembered; then forgotten, all


def _plan(conn: sqlite3.Connection, database: str, beside: str | None, kinds: bool
          ) -> _Plan:
    """(table, its columns' kinds (given *kinds*), its columns read for UTF-8, the SQL
    sparing a row) of each table :func:`_tables` names, worked out once a pair of
    schemas."""
    try:
        # (the functions working it out too: one swapped for another, as tests do, works
        # it out again)
        key = (database, beside, kinds, _kinds, _texts, _tables, schema.affinity) + tuple(
            tuple(conn.execute(f"SELECT type, CAST(name AS BLOB), CAST(sql AS BLOB) FROM "
                               f"{name}.sqlite_master ORDER BY rowid").fetchall())
            for name in (database, beside) if name)
    except sqlite3.DatabaseError:  # (read as before, where it fails as before)
        key = None
    plan = _PLANS.get(key) if key is not None else None
    if plan is None:
        plan = [(table, _kinds(conn, database, beside, table) if kinds else [],
                 *_texts(conn, database, beside, table))
                for table in _tables(conn, database, beside)]
        if key is not None:
            if len(_PLANS) >= _PLANS_KEPT:
                _PLANS.clear()
            _PLANS[key] = plan
    return plan


def _texts(conn: sqlite3.Connection, database: str, beside: str | None, table: str
           ) -> tuple[list[str], str]:
    """The columns of *table* read for text that is not UTF-8, and the SQL on a row
    (``s``) that spares it: a merge's row already there as it is, by its key."""
    if beside is None:
        return [row[1] for row in _columns(conn, database, table) if row[2] == "TEXT"], ""
    if table in ("articles", "article_pieces"):  # (the merge reads them: not here)
        return [], ""
    theirs = {row[1] for row in _columns(conn, database, table)}
    ours = [row for row in _columns(conn, beside, table) if row[1] in theirs]
    columns = [row[1] for row in ours if row[2] == "TEXT"]
    keys = [row[1] for row in ours if row[5]]
    unless = ""
    if len(keys) == 1 and len(ours) == len(theirs):  # (that row, by its key)
        unless = (f"EXISTS (SELECT 1 FROM {beside}.{table} m WHERE m.\"{keys[0]}\" "
                  f"= s.\"{keys[0]}\" AND " + " AND ".join(
                      f"m.\"{c}\" IS s.\"{c}\"" for c in columns) + ")")
    return columns, unless


def _first_wrong(conn: sqlite3.Connection, table: str,
                 typed: Sequence[tuple[str, tuple[str, ...], bool]], columns: Sequence[str],
                 database: str, unless: str) -> tuple[str | None, str | None]:
    """The first row of *database*.*table* holding a value of a kind its column may not
    (*typed*), said as the merge says it («claims.note holds a blob value»), and the
    first of *columns* holding text (not bytes: those are read as bytes) that is not
    UTF-8, as «table.column»; None for either not found. One pass: SQLite's typeof()
    and the UTF-8 test (:func:`not_utf8`'s) in its one WHERE, the rows found read on
    until both are met; *unless* spares a row the UTF-8 test only. A table no row of
    which breaks them (a sound file's every table) is passed over once, by that WHERE
    alone; one that holds such a row is then read again to name it."""
    if not typed and not columns:
        return None, None
    asked = list(dict.fromkeys([c for c, _, _ in typed] + list(columns)))
    kinds = [f'typeof(s."{c}")' for c in asked]
    wrong = " OR ".join(f'typeof(s."{c}") ' + ("= 'blob'" if only_bytes else f"NOT IN {allowed}")
                        for c, allowed, only_bytes in typed)
    blobs = [f'CAST(s."{c}" AS BLOB)' for c in columns]
    bad = "0"
    if columns:
        conn.create_function("tahqiq_not_utf8", -1, _any_not_utf8, deterministic=True)
        bad = " OR ".join(f"tahqiq_not_utf8({', '.join(blobs[at:at + _UTF8_ARGUMENTS])})"
                          for at in range(0, len(blobs), _UTF8_ARGUMENTS))
        bad = f"NOT ({unless}) AND ({bad})" if unless else f"({bad})"
    mistyped = found = None
    # Asked first with nothing read but whether a row is met (the WHERE alone, once): in a
    # sound file, every merge's case, that is all, and SQLite compiles a third less
    # (the SELECT below repeats each test and the sparing EXISTS - fx130).
    if conn.execute(f"SELECT 1 FROM {database}.{table} s WHERE "
                    f"{f'({wrong}) OR ' if wrong else ''}{bad} LIMIT 1").fetchone() is None:
        return None, None
    for row in conn.execute(f"SELECT {', '.join(kinds + blobs)}, {bad} AS tahqiq_bad "
                            f"FROM {database}.{table} s WHERE "
                            f"{f'({wrong}) OR ' if wrong else ''}tahqiq_bad"):
        kind = dict(zip(asked, row, strict=False))
        if mistyped is None:
            mistyped = next((f"{table}.{c} holds a {kind[c]} value"
                             for c, allowed, _ in typed if kind[c] not in allowed), None)
        if found is None and row[-1]:
            found = next((f"{table}.{c}" for c, value in zip(
                columns, row[len(asked):-1], strict=True)
                if kind[c] == "text" and _not_utf8(value)), None)
        if (mistyped or not typed) and (found or not columns):
            break
    return mistyped, found


def _not_utf8(value: bytes | None) -> bool:
    """Whether a text's bytes (CAST AS BLOB) do not read as UTF-8."""
    try:
        (value or b"").decode()
    except UnicodeDecodeError:
        return True
    return False


def _any_not_utf8(*values: bytes | None) -> bool:
    """Whether any of a row's texts' bytes (CAST AS BLOB) do not read as UTF-8."""
    try:
        for value in values:
            if value:
                value.decode()
    except UnicodeDecodeError:
        return True
    return False


# The columns one call of tahqiq_not_utf8 is given at most (SQLite's limit on a
# function's arguments is 127 in its default build; a table another program widened
# may hold more TEXT columns).
_UTF8_ARGUMENTS = 100


def not_utf8(conn: sqlite3.Connection, table: str, columns: Sequence[str],
             database: str = "main", unless: str = "") -> str | None:
    """The first of *columns* of *database*.*table* holding text that is not UTF-8, as
    «table.column», or None. SQLite stores the bytes it is given; Python reads none of
    them after (every read of the row failed: «Could not decode to UTF-8»). One pass, one
    call into Python a row, given each of its texts' bytes (not joined: joining them in
    SQL cost a third of the check - rv255); *unless*, SQL on the row as ``s``, spares
    the rows it holds for."""
    if not columns:
        return None
    conn.create_function("tahqiq_not_utf8", -1, _any_not_utf8, deterministic=True)
    blobs = [f'CAST(s."{c}" AS BLOB)' for c in columns]
    calls = " OR ".join(f"tahqiq_not_utf8({', '.join(blobs[at:at + _UTF8_ARGUMENTS])})"
                        for at in range(0, len(blobs), _UTF8_ARGUMENTS))
    spared = f"NOT ({unless}) AND " if unless else ""
    row = conn.execute(f"SELECT {', '.join(blobs)} FROM {database}.{table} s WHERE "
                       f"{spared}({calls}) LIMIT 1").fetchone()
    if row is None:
        return None
    return next(f"{table}.{c}" for c, value in zip(columns, row, strict=True)
                if _not_utf8(value))


# A time as store.core.stamps writes it (UTC, ISO 8601, microseconds, «Z»): what the merge
# compares as text. «…T05:52:03» and «…+05:00» were merged as they were, and this
# project's own CSV export carried them into every later merge, which refused the CSV
# whole («is not a UTC time» - rv254). Its length in bytes too: GLOB stops at a NUL.
_TIME = ("[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]."
         "[0-9][0-9][0-9][0-9][0-9][0-9]Z")


def _is_time_sql(column: str) -> str:
    """SQL true of *column* holding a time as stamps.stamp writes one, on a day of the
    calendar (the year 0001 on, as Python reads it; a 30th of February told by SQLite's
    date(), asked only of the days past the 28th)."""
    value, day = f'"{column}"', f'substr("{column}", 1, 10)'
    return (f"({value} GLOB '{_TIME}' AND length(CAST({value} AS BLOB)) = 27 "
            f"AND {value} >= '0001' AND substr({value}, 12, 2) < '24' AND "
            f"(substr({value}, 6, 5) BETWEEN '01-01' AND '12-28' AND substr({value}, 9, 2) "
            f"BETWEEN '01' AND '28' OR date({day}, '+0 days') IS {day}))")


# The times a merge compares, by table: a record's, a setting's, a dismissal's, a history
# entry's (which tells the version two copies last shared).
_TIMED = {"claims": ("created", "updated", "deleted"),
          "appearances": ("created", "updated", "deleted"), "reviews": ("created",),
          "settings": ("updated",), "dismissals": ("at",), "history": ("at",)}


def _untimed(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """A time that is not one («yesterday», written by another program), the first of
    each table: compared as text, it would sort after every real time and win every
    later conflict (a setting so stamped came back over every later change)."""
    q = '"'  # (a column read by name: one another program dropped is skipped - rv184)
    for table, timed in _TIMED.items():  # one pass over each
        present = {row[1] for row in _columns(conn, database, table)}
        columns = [c for c in timed if c in present]
        if not columns:
            continue
        row = conn.execute(
            f"SELECT {', '.join(f'{table}.{q}{c}{q}' for c in columns)} FROM "
            f"{database}.{table} WHERE "
            + " OR ".join(f'"{c}" IS NOT NULL AND NOT {_is_time_sql(c)}' for c in columns)
            + " LIMIT 1"
        ).fetchone()
        if row is not None:  # which of its columns: asked the same
            column, value = next((c, v) for c, v in zip(columns, row, strict=True)
                                 if v is not None and not conn.execute(
                                     f"SELECT {_is_time_sql('v')} FROM (SELECT ? AS v)",
                                     [v]).fetchone()[0])
            yield (f"{table}.{column} holds {quoted(str(value), 40)}, which is no time "
                   "Tahqiq writes")


# An id as Tahqiq makes them (a UUID; every older file's are); hex either case.
_ID = "-".join("[0-9a-fA-F]" * n for n in (8, 4, 4, 4, 12))
# The ids a merge copies as they are, by table (a history entry's, of a claim or a place).
_IDS = {"claims": ("id",), "appearances": ("id", "claim_id", "article_id"),
        "reviews": ("id", "claim_id"), "history": ("id",),
        "dismissals": ("id", "claim_id", "article_id"), "articles": ("id",)}


def _malformed_ids(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """An id no Tahqiq could have made («claim\\tone», written by another program), the
    first of each column: copied as it is, a tab or a line break in it split the lines
    `tahqiq claims` prints. And an id left empty (NULL, which SQLite lets a key of text
    hold), which `check` passed: a claim's failed the merge's foreign keys in words of
    SQL, a review's or a place's was merged as it was (this project then held the
    damage), a history entry's was left out without a word."""
    checks = [(table, f'"{c}"', 1) for table, columns in _IDS.items() for c in columns]
    checks.append(("history", "CASE WHEN entity IN ('claim', 'appearance') THEN entity_id END",
                   0))  # (NULL: an entry of another entity)
    for table, value, required in checks:  # (one pass over each column, by the tables' order)
        # (GLOB reads a text up to a NUL: «<uuid>\0\tone» matched, merged, and wrote its
        # NUL and tab into the CSV export's id cell - rv255; its bytes counted too)
        row = conn.execute(f"SELECT {value} IS NULL, {value} FROM {database}.{table} WHERE "
                           f"{value} IS NULL AND {required} OR {value} NOT GLOB '{_ID}' OR "
                           f"length(CAST({value} AS BLOB)) <> 36 LIMIT 1").fetchone()
        if row is not None:
            column = value.strip('"') if value.startswith('"') else "entity_id"
            yield f"{table}.{column} is empty" if row[0] else \
                f"{table}.{column} holds {quoted(str(row[1]), 40)}, which is no id"


def _unknown_decisions(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """A review decided neither accept nor reject (another program's «maybe»): merged, its
    claim was counted in no review line, not reviewed in the CSV, yet left out of
    `claims --unreviewed`."""
    known = ", ".join(f"'{d}'" for d in DECISIONS)
    row = conn.execute(f"SELECT decision FROM {database}.reviews WHERE decision IS NULL "
                       f"OR decision NOT IN ({known}) LIMIT 1").fetchone()
    if row is not None:
        yield (f"reviews.decision holds {quoted(str(row[0]), 40)}, which is neither accept "
               "nor reject")


def _blank_annotators(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """A place whose annotator is empty or only spaces (Tahqiq refuses such a name):
    merged, this project's own CSV export was refused whole by every later merge, as the
    CSV import refuses such a record (rv254)."""
    if conn.execute(f"SELECT 1 FROM {database}.appearances WHERE trim(annotator, ?) = '' "
                    "LIMIT 1", [SPACES]).fetchone():
        yield "appearances.annotator is empty"


def _false_fingerprints(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """An article whose fingerprint is not its text's (another program's, or garbage):
    matched by it, a text we hold came in as a second live article with the colleague's
    places on it, and this project's own CSV export was then refused by a merge into the
    project it came from (rv254). One pass over the texts, each hashed as SQLite hands
    over its bytes (0.1 s for 50 MB); a text stored in parts (an empty one) is read from
    its parts. The first such article."""
    conn.create_function("tahqiq_sha256", 1, _sha256, deterministic=True)
    for aid, digest, parted in conn.execute(
            f"SELECT id, fingerprint, text = '' FROM {database}.articles WHERE text = '' "
            "OR tahqiq_sha256(CAST(text AS BLOB)) IS NOT fingerprint").fetchall():
        if parted:
            whole = hashlib.sha256()
            for (part,) in conn.execute(f"SELECT CAST(text AS BLOB) FROM {database}."
                                        "article_pieces WHERE article_id = ? ORDER BY part",
                                        [aid]):
                whole.update(part)
            if whole.hexdigest() == digest:
                continue
        yield f"articles.fingerprint holds {quoted(str(digest), 70)}, which is not its text's"
        return


def _sha256(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _malformed_labels(conn: sqlite3.Connection, database: str) -> Iterator[str]:
    """A label no Tahqiq could have made (another program's): a key that is none, or a
    colour that is not #rrggbb. A colour goes into the review packet's HTML as a style:
    «#FF0000"><script>…» ran in the browser of whoever opened the packet. The first of
    each, as the rows are stored; `tahqiq check` said «no damage found» of a file the
    merge refused for them (fx102). The table is a few rows, read in Python by the rules
    adding a label keeps (``labels.KEY_RE``, ``labels.COLOR_RE``); a second label on one
    key is the schema's refusal, before any of these (the key is the table's unique one).
    Bytes where the text should be are said as the merge's rule of kinds says them, which
    it asks first («labels.color holds a blob value»); none as every column's none is
    said («labels.key is empty», not «holds None» - rv285)."""
    found: dict[str, str] = {}  # (in the order met: the merge refuses the first)
    for key, color in conn.execute(f"SELECT key, color FROM {database}.labels"):
        for column, value, fits, what in (("key", key, KEY_RE, "no label key"),
                                          ("color", color, COLOR_RE, "no colour")):
            if column in found or (isinstance(value, str) and fits.fullmatch(value)):
                continue
            found[column] = (f"labels.{column} holds a blob value" if isinstance(value, bytes)
                             else f"labels.{column} is empty" if value is None
                             else f"labels.{column} holds {quoted(str(value), 40)}, which "
                                  f"is {what}")
        if len(found) == 2:
            break
    yield from found.values()


class Dangling(str):
    """A line of :func:`points_at_nothing`: the merge says it in words of its own (the
    colleague's file is damaged, not «not a Tahqiq project»). *target*: the column
    pointed at («claims.id»)."""

    target: str = ""

    def __new__(cls, line: str, target: str = "") -> Dangling:
        made = super().__new__(cls, line)
        made.target = target
        return made


def points_at_nothing(conn: sqlite3.Connection, database: str = "main") -> Iterator[str]:
    """Rows pointing at rows that are not there: a claim deleted in sqlite3 or Datasette
    (which the README invites), its places left pointing at it; a label deleted while
    claims still carry its key. SQLite enforces the foreign keys only on a connection
    that asks it to, which those programs' do not. `check` said «no damage found» of such
    a file (its foreign keys were checked only before an upgrade), then a colleague's
    merge of it failed in SQL's words («FOREIGN KEY constraint failed»), and its
    ClaimReview export in a traceback (rv288). SQLite's own check (``foreign_key_check``,
    the keys the schema declares, each table of Tahqiq's but the search's), one line for
    each table and column: how many of its rows, pointing at which table, the first
    value pointing at nothing («2 rows of appearances point at missing rows of claims
    (appearances.claim_id holds …, the first)»)."""
    found: dict[tuple[str, str, int], list] = {}  # (table, parent, key) -> [count, rowid]
    for table, rowid, parent, key in conn.execute(f"PRAGMA {database}.foreign_key_check"):
        if table not in schema.TABLES or table.startswith("search"):
            continue
        seen = found.setdefault((table, parent, key), [0, rowid])
        seen[0] += 1
    for (table, parent, key), (count, rowid) in found.items():
        column, target = next(((row[3], row[4]) for row in conn.execute(
            f"PRAGMA {database}.foreign_key_list({table})") if row[0] == key), (None, None))
        value = None
        if column is not None and rowid is not None:
            value = conn.execute(f'SELECT CAST("{column}" AS BLOB) FROM {database}.{table} '
                                 "WHERE rowid = ?", [rowid]).fetchone()  # (bytes: any)
        said = (f"a row of {table} points at a missing row of {parent}" if count == 1
                else f"{count} rows of {table} point at missing rows of {parent}")
        if value is not None and value[0] is not None:
            shown = quoted(bytes(value[0]).decode(errors="replace"), 40)
            said += f" ({table}.{column} holds {shown}{'' if count == 1 else ', the first'})"
        yield Dangling(said, f"{parent}.{target}" if target else parent)
