"""Writing a project (or one article) out as CSV, JSON, W3C annotations or ClaimReview.

``csv``          the claims sheet described in :mod:`store.exchange.csv_format` (UTF-8
                 with BOM), one row per appearance of a claim.
``json``         the whole project as plain JSON -- articles with their text, labels,
                 claims and their appearances (tombstones too), reviews, history -- for
                 backups and scripts.
``w3c``          a JSON array of W3C Web Annotations (JSON-LD), one per appearance.
``claimreview``  a JSON array of schema.org ``ClaimReview`` objects, one per claim with a
                 published verdict (:mod:`store.exchange.jsonld`).

Only live claims on live articles go into csv, w3c and claimreview; json keeps
everything. Text is written exactly as stored: no reshaping, no escaping of
Arabic (``ensure_ascii=False``), offsets in code points.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

import orjson

from store.core import long_texts
from store.core.appearances import BY_ARTICLE_LIST, LIST_ORDER
from store.core.articles import from_row as article_from_row
from store.core.labels import list_labels
from store.core.progress import Progress, Ticker
from store.core.project import Project, row_dicts
from store.core.records import (
    CLAIM_COLUMNS,
    Appearance,
    Claim,
    HistoryEntry,
    Review,
    appearance_select,
    parse_sources,
)
from store.errors import ArticleNotFound, ExportCancelled, ExportFailed, ProjectError
from store.exchange import csv_format, jsonld
from store.exchange.safe_write import atomic_write
from store.review.reviews import CURRENT_DECISIONS_SQL, STATUS

FORMATS = ("csv", "json", "w3c", "claimreview")
SUFFIXES = {"csv": ".csv", "json": ".json", "w3c": ".jsonld", "claimreview": ".jsonld"}
JSON_FORMAT_VERSION = 2  # 2: claims and their appearances apart

def _cancelled() -> ExportCancelled:
    return ExportCancelled("The export was cancelled.")


# -- public entry points -----------------------------------------------------------------
Skipped = jsonld.Skipped


def export_to(project: Project, fmt: str, stream: TextIO, article_id: str | None = None,
              progress: Progress | None = None, skipped: Skipped | None = None, *,
              raw: bool = False) -> int:
    """Write *fmt* to the text *stream*; returns how many records were written. Claims a
    ClaimReview export leaves out are added to *skipped*. *raw*: CSV cells as they are,
    for programs, without the apostrophe that keeps spreadsheets from running formulas.

    Open a file stream with ``encoding="utf-8", newline=""``: CSV writes its own
    byte-order mark and CRLF record ends, so the stream must add neither.
    On ExportCancelled the stream holds a partial export; :func:`export_file`
    cleans up after itself.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if article_id is not None and not project.execute(
            "SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
        raise ArticleNotFound("No article with id {id}.", id=article_id)
    with project.snapshot():  # the counts and the records the export reads, alike
        if fmt == "json":
            return _write_json(project, stream, article_id, progress)
        if fmt == "csv":
            return write_csv(project, stream, article_id, progress, raw=raw)
        return _write_jsonld(project, fmt, stream, article_id, progress, skipped)


class _EmbeddableJson:
    """A text stream's write() with ``<``, ``>`` and ``&`` written as JSON escapes
    (``\\u003c``...): the same JSON, and safe inside an HTML ``<script
    type="application/ld+json">`` block, where a CMS pastes a ClaimReview. A quote or a
    note holding «</script><img onerror=...>» (an article's own words) ended the block
    there and ran the rest as the page's HTML. In JSON those characters only stand
    inside strings, so replacing them in the text written is exact."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        # (str.replace, not str.translate: translate looks each character of a text
        # holding Arabic up in the table, 50 times slower - 4.4 s of a 6.6 s W3C export
        # of 50,000 annotations)
        return self._stream.write(text.replace("&", "\\u0026").replace("<", "\\u003c")
                                  .replace(">", "\\u003e"))


def _write_jsonld(project: Project, fmt: str, stream: TextIO, article_id: str | None,
                  progress: Progress | None, skipped: Skipped | None) -> int:
    """W3C annotations or ClaimReviews, each written as it is made; returns how many."""
    stream = _EmbeddableJson(stream)  # type: ignore[assignment]
    if fmt == "w3c":
        articles = jsonld.article_metadata(project)
        rows = jsonld.live_appearance_rows(project, article_id)
        tick = _Ticked(Ticker(progress, jsonld.count_live_appearances(project, article_id),
                              _cancelled))
        try:
            _dump(tick(jsonld.w3c_annotation(place, articles[place.article_id])
                       for place in map(Appearance.from_values, rows)), stream)
        finally:
            rows.close()  # a cancelled export ends its read of the project too
        return tick.done
    skipped = [] if skipped is None else skipped
    already = len(skipped)
    claims = jsonld.count_claims_reviewed(project, article_id)  # published or skipped
    _dump(jsonld.claim_reviews(project, article_id, skipped,
                               Ticker(progress, claims, _cancelled)), stream)
    return claims - (len(skipped) - already)


def export_text(project: Project, fmt: str, article_id: str | None = None,
                progress: Progress | None = None, skipped: Skipped | None = None, *,
                raw: bool = False) -> str:
    """The export as one string (CSV includes its leading BOM, ``\\ufeff``)."""
    buffer = io.StringIO(newline="")
    export_to(project, fmt, buffer, article_id, progress, skipped, raw=raw)
    return buffer.getvalue()


def export_bytes(project: Project, fmt: str, article_id: str | None = None,
                 progress: Progress | None = None, skipped: Skipped | None = None, *,
                 raw: bool = False) -> bytes:
    """The export as UTF-8 bytes, as a file receives it (no newline translation). The
    command line writes to standard output through :func:`export_to` instead."""
    return export_text(project, fmt, article_id, progress, skipped, raw=raw).encode("utf-8")


def export_file(project: Project, fmt: str, path: str | os.PathLike[str],
                article_id: str | None = None, progress: Progress | None = None,
                skipped: Skipped | None = None, *, raw: bool = False) -> Path:
    """Write the export to *path* atomically: a cancelled or failed export leaves any
    existing file untouched and no partial file behind."""
    def write(tmp: Path) -> None:
        with tmp.open("x", encoding="utf-8", newline="") as stream:
            export_to(project, fmt, stream, article_id, progress, skipped, raw=raw)

    return atomic_write(path, write)


def read_project_json(data: str | bytes) -> dict[str, Any]:
    """Parse a ``json`` export back into a dict (claims' ``sources`` stay lists).

    No validation beyond JSON syntax: this is for scripts and tests that read a dump.
    """
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return json.loads(data.removeprefix("\ufeff"))


def _dump(data: Any, stream: TextIO) -> None:
    """Write *data* as ``json.dump(data, stream, indent=2)`` does, and a line break. A
    list given as an iterator (alone, or as a value of a dict) is written an item at a
    time, as the iterator gives them: an export of 100,000 claims built whole first
    peaked at a gigabyte."""
    _write_json_value(data, stream, "")
    stream.write("\n")


def _write_json_value(value: Any, stream: TextIO, indent: str) -> None:
    """*value* as json.dump writes it *indent* deep (the text of its first line is
    where the stream is)."""
    inner = indent + _INDENT
    if isinstance(value, Iterator):
        written = False
        for item in value:
            stream.write(",\n" + inner if written else "[\n" + inner)
            _write_json_value(item, stream, inner)
            written = True
        stream.write("\n" + indent + "]" if written else "[]")
    elif isinstance(value, dict) and any(isinstance(v, Iterator) for v in value.values()):
        for at, (key, item) in enumerate(value.items()):
            stream.write(("{\n" if at == 0 else ",\n") + inner + _json_text(key) + ": ")
            _write_json_value(item, stream, inner)
        stream.write("\n" + indent + "}")
    else:  # (a line break in the text is json's own: strings escape theirs)
        text = _json_text(value)
        stream.write(text.replace("\n", "\n" + indent) if indent else text)


class _Ticked:
    """Passes records on, counting them and reporting the count to a Ticker as each
    one is taken (one count for all the lists of an export)."""

    def __init__(self, tick: Ticker):
        self.tick = tick
        self.done = 0

    def __call__(self, records: Iterable[Any]) -> Iterator[Any]:
        for record in records:
            self.done += 1
            self.tick(self.done)
            yield record


def _stored_wrongly(value: Any) -> Any:
    """A value SQLite kept in a text column of a file damaged outside Tahqiq (bytes, say):
    the export stops with a sentence, not a TypeError."""
    raise ProjectError("The project is damaged: it holds {kind} where text belongs; "
                       "`tahqiq check` examines it.", kind=type(value).__name__)


_INDENT = "  "


def _json_text(value: Any) -> str:
    """*value* as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, by orjson:
    the standard library indents in Python, orjson in Rust, 25 times quicker (100,000 W3C
    annotations: 7.7 s -> 0.3 s), and byte for byte the same but for floats, which a
    project does not hold (``1e-7`` where json writes ``1e-07``; null for the ``NaN`` and
    ``Infinity`` json writes, which are not JSON). What orjson cannot write (an integer
    beyond 64 bits, or nesting past 254 levels, in a history entry's JSON that a damaged
    file or another program left) is written by json, as it always was."""
    try:
        return orjson.dumps(value, default=_stored_wrongly, option=orjson.OPT_INDENT_2
                            ).decode()
    except TypeError as error:  # orjson's, with what _stored_wrongly raised as its cause
        if isinstance(error.__cause__, ProjectError):
            raise error.__cause__ from None
        return json.dumps(value, ensure_ascii=False, indent=2, default=_stored_wrongly)


# -- csv -----------------------------------------------------------------------------------
CSV_BATCH = 1000  # records per write, and per progress report

# Each CSV column as SQL over appearances p, their claims c, their articles a and the
# claims' standing reviews r: records come out of one query as plain tuples in
# csv_format.CSV_COLUMNS order (records and per-claim lookups cost more than all the rest
# of a 100,000-claim export). Numbers stay ints: csv.writer writes str() of them. Sources
# stay JSON, '' for none, and are unpacked by csv_cells or csv_records. The times and who
# changed last are those of the words or of their claim, whichever changed last.
_CLAIM_NEWER = "c.updated > p.updated"
_CSV_SQL_COLUMNS = {
    "claim_id": "c.id", "article_id": "p.article_id",
    "article_title": "coalesce(a.title, '')", "article_sha256": "coalesce(a.fingerprint, '')",
    "start": "p.start", "end": 'p."end"', "quote": "p.quote",
    "prefix": "coalesce(p.prefix, '')", "suffix": "coalesce(p.suffix, '')",
    "label": "c.label", "note": "coalesce(c.note, '')",
    "sources": "CASE WHEN c.sources IS NULL OR c.sources = '[]' THEN '' ELSE c.sources END",
    "annotator": "p.annotator", "created": "p.created",
    "updated": f"CASE WHEN {_CLAIM_NEWER} THEN c.updated ELSE p.updated END",
    "updated_by": f"coalesce(CASE WHEN {_CLAIM_NEWER} THEN c.updated_by ELSE p.updated_by END, "
                  "'')",
    "review_status": "CASE r.decision "
                     + " ".join(f"WHEN '{key}' THEN '{status}'" for key, status in STATUS.items())
                     + " ELSE '' END",
    "appearance_id": "coalesce(p.id, '')",  # (NULL: another program's damage, `check` says)
}
_CSV_SELECT = ", ".join(_CSV_SQL_COLUMNS[name] for name in csv_format.CSV_COLUMNS)
_SOURCES = csv_format.CSV_COLUMNS.index("sources")
# Cells that may need escape_cell (review_status is one of three words): a record is
# checked in one regex search over its cells joined by a separator, and only a record
# with a cell starting with a formula character or "'" is escaped cell by cell. A
# separator inside a cell can only cause a needless check, never a missed one.
_ESCAPABLE = [i for i, name in enumerate(csv_format.CSV_COLUMNS)
              if name not in csv_format.NUMERIC_COLUMNS and name not in ("sources",
                                                                          "review_status")]
_escapable_cells = itemgetter(*_ESCAPABLE)
_ESCAPE_LEADS = tuple(csv_format.FORMULA_LEADS | {"'"})
_SEPARATOR = "\x1f"
_CELL_TO_ESCAPE = re.compile(re.escape(_SEPARATOR) + "[" + re.escape("".join(_ESCAPE_LEADS)) + "]")


# The places a CSV export writes, live, of live claims, on live articles (or on none: a
# damaged file's place keeps its row, with an empty title): read by csv_rows, counted by
# _records_to_write.
_CSV_PLACES = ("appearances p JOIN claims c ON c.id = p.claim_id "
               "LEFT JOIN articles a ON a.id = p.article_id")
_CSV_LIVE = "p.deleted IS NULL AND c.deleted IS NULL AND a.deleted IS NULL"
CSV_ORDER = 'a.created, a.rowid, p.start, p."end", p.created'  # (the article list's order)


def csv_rows(project: Project, article_id: str | None = None, batch: int = 1,
             total: int | None = None) -> Generator[list[tuple[Any, ...]], None, None]:
    """Live appearances of live claims on live articles, as tuples of raw cells for
    :func:`csv_cells`, *batch* at a time, read as the records are written. (Made Python
    values all at once, the 1.8 million cells of a 100,000-claim export were out of the
    processor's caches by the time they were written: a fifth of the export's time.)

    The articles come in the order the article list shows them (when each came into the
    project), each one's places in reading order: they came in the order of the articles'
    ids, random to a reader of the spreadsheet. The query walks the list's index, and for
    each article the places' index, with no sort before its first row. Places whose
    article row is missing (a damaged file) come last, with an empty title: sought only
    when the articles' places are fewer than *total* (``_records_to_write``, if known),
    as finding none read every place again, a tenth of the export's time."""
    where, params = "", []
    if article_id is not None:
        where, params = "AND p.article_id = ?", [article_id]
    # r: each claim's status, as store.review.reviews.current_reviews picks it (a
    # review of an earlier verdict is none: the claim is not reviewed again).
    reviewed = f"LEFT JOIN ({CURRENT_DECISIONS_SQL}) r ON r.claim_id = c.id"
    queries = (
        f"SELECT {_CSV_SELECT} FROM articles a CROSS JOIN appearances p ON p.article_id = a.id "
        f"JOIN claims c ON c.id = p.claim_id {reviewed} WHERE {_CSV_LIVE} {where} "
        f'ORDER BY {CSV_ORDER}',
        f"SELECT {_CSV_SELECT} FROM {_CSV_PLACES} {reviewed} WHERE {_CSV_LIVE} {where} "
        "AND a.id IS NULL ORDER BY p.rowid")
    given = 0
    for sql in queries:
        if total is not None and given >= total:
            return
        with contextlib.closing(project.conn.execute(sql, params)) as rows:
            while records := rows.fetchmany(batch):
                given += len(records)
                yield records


def _records_to_write(project: Project, article_id: str | None) -> int:
    """How many records csv_rows gives: the progress total of a CSV export. An article's
    few places are counted as csv_rows finds them; a project's are its live places less
    those of deleted claims or articles (found from those, which are few): counting every
    place joined to its claim and article took a seventh of the export's time."""
    if article_id is not None:
        return project.conn.execute(f"SELECT count(*) FROM {_CSV_PLACES} WHERE {_CSV_LIVE} "
                                    "AND p.article_id = ?", [article_id]).fetchone()[0]
    return project.conn.execute(
        "SELECT (SELECT count(*) FROM appearances WHERE deleted IS NULL) - (SELECT count(*) "
        "FROM appearances p WHERE p.deleted IS NULL AND (p.claim_id IN (SELECT id FROM "
        "claims WHERE deleted IS NOT NULL) OR p.article_id IN (SELECT id FROM articles "
        "WHERE deleted IS NOT NULL)))").fetchone()[0]


def csv_cells(row: tuple[Any, ...], raw: bool = False) -> Sequence[Any]:
    """The CSV record of one :func:`csv_rows` tuple, sources unpacked and cells escaped
    against formula injection unless *raw* (the tuple itself when nothing needs changing)."""
    sources = row[_SOURCES]
    escape = not raw and _CELL_TO_ESCAPE.search(
        _SEPARATOR + _SEPARATOR.join(_escapable_cells(row)))
    if not sources and not escape:
        return row
    cells = list(row)
    if sources:
        sources = csv_format.SOURCE_SEPARATOR.join(parse_sources(sources))
        cells[_SOURCES] = sources if raw else csv_format.escape_cell(sources)
    if escape:
        for i in _ESCAPABLE:
            cells[i] = csv_format.escape_cell(cells[i])
    return cells


# A claim's sources as Claim.to_row stores them (json.dumps of a list of links): strings
# without quotes, backslashes or control characters, whose JSON text is the string itself,
# so the unpacked cell is the text between the brackets with '", "' made a line break.
# Any other JSON is parsed by parse_sources.
_PLAIN_SOURCES = re.compile(r'\["[^"\\\x00-\x1f]*"(?:, "[^"\\\x00-\x1f]*")*\]')
_PLAIN_SOURCES_SEPARATOR = '", "'


def _unpacked_sources(sources: str) -> str:
    """A csv_rows sources cell as csv_cells unpacks it, without JSON's cost when plain."""
    if not sources:
        return sources
    if _PLAIN_SOURCES.fullmatch(sources):
        return sources[2:-2].replace(_PLAIN_SOURCES_SEPARATOR, csv_format.SOURCE_SEPARATOR)
    return csv_format.SOURCE_SEPARATOR.join(parse_sources(sources))


_NUMERIC = [i for i, name in enumerate(csv_format.CSV_COLUMNS)
            if name in csv_format.NUMERIC_COLUMNS]
_TEXT = [i for i, name in enumerate(csv_format.CSV_COLUMNS)
         if name not in csv_format.NUMERIC_COLUMNS]
_ESCAPED = frozenset([*_ESCAPABLE, _SOURCES])  # unless raw: sources too, once unpacked


def csv_records(rows: Sequence[tuple[Any, ...]], raw: bool = False) -> str | None:
    """The CSV records of :func:`csv_rows` tuples, each ended by LINE_END, exactly as
    :func:`csv_cells` and csv_format.new_writer write them; None when a cell is not what
    the project's schema holds (text, and ints for start and end), for them to write.

    Column by column rather than cell by cell: a column of the batch is joined once and
    searched for a cell to escape (as csv_cells searches a record) and for a character
    to quote, and only a column holding one is changed cell by cell. Of a 100,000-claim
    export, csv_cells and csv.writer took 1.1 s (of 1.9 s); this takes 0.3 s, next to
    0.8 s for the query and its 1.8 million values.
    """
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    if not columns:
        return ""
    for i in _NUMERIC:  # str() of an int is digits and "-": never quoted
        if set(map(type, columns[i])) != {int}:
            return None
        columns[i] = list(map(str, columns[i]))
    if set(map(type, columns[_SOURCES])) != {str}:
        return None
    columns[_SOURCES] = list(map(_unpacked_sources, columns[_SOURCES]))
    for i in _TEXT:
        try:
            joined = _SEPARATOR + _SEPARATOR.join(columns[i])
        except TypeError:  # a cell that is not text
            return None
        if not raw and i in _ESCAPED and _CELL_TO_ESCAPE.search(joined):
            columns[i] = list(map(csv_format.escape_cell, columns[i]))
        if csv_format.needs_quotes(joined):
            columns[i] = list(map(csv_format.quote_cell, columns[i]))
    records = map(",".join, zip(*columns, strict=True))
    return csv_format.LINE_END.join(records) + csv_format.LINE_END


def write_csv(project: Project, stream: TextIO, article_id: str | None = None,
              progress: Progress | None = None, *, raw: bool = False) -> int:
    """The BOM, the header and one record per live appearance (see
    :mod:`store.exchange.csv_format`).

    The BOM is written here rather than left to the stream's encoding so that every
    destination -- a file, standard output, a string -- gets the same bytes.
    Records are read and written CSV_BATCH at a time, in one string, and progress reported
    after each batch (if the count was wrong, as for a place of a damaged file without its
    claim, the last report says what was written, out of as many). A batch holding a
    value the project's schema does not (a damaged file) is left to csv_cells and
    csv.writer, which write, or refuse, any value as they always have.
    """
    tick = Ticker(progress, _records_to_write(project, article_id), _cancelled)
    stream.write(csv_format.BOM)
    writer = csv_format.new_writer(stream)
    writer.writerow(csv_format.CSV_COLUMNS)
    rows = csv_rows(project, article_id, CSV_BATCH, tick.total)
    written = 0
    try:
        for batch in rows:
            records = csv_records(batch, raw)
            if records is None:
                for wrong in (v for row in batch for v in row if isinstance(v, bytes)):
                    _stored_wrongly(wrong)  # as the JSON export: one sentence, no TypeError
                writer.writerows(csv_cells(row, raw) for row in batch)
            else:
                stream.write(records)
            written += len(batch)
            tick(written)
    finally:
        rows.close()  # a cancelled export ends its read of the project too
    if written != tick.total:
        tick.total = written
        tick(written)
    return written


# -- json ----------------------------------------------------------------------------------
def claim_json(claim: Claim) -> dict[str, Any]:
    data = claim._asdict()
    data["sources"] = list(claim.sources)
    return data


def appearance_json(appearance: Appearance) -> dict[str, Any]:
    return appearance.to_row()


def project_json(project: Project, article_id: str | None = None,
                 progress: Progress | None = None) -> dict[str, Any]:
    """The whole project, or one article's slice of it, as plain JSON-ready data: the
    article's appearances, and the claims, reviews and history they belong to."""
    with project.snapshot(), _json_export(project, article_id, progress) as (data, _):
        return {key: list(value) if isinstance(value, Iterator) else value
                for key, value in data.items()}


def _write_json(project: Project, stream: TextIO, article_id: str | None,
                progress: Progress | None) -> int:
    """The json export, written as it is read; returns how many claims it holds."""
    with _json_export(project, article_id, progress) as (data, claims):
        _dump(data, stream)
    return claims


@contextlib.contextmanager
def _json_export(project: Project, article_id: str | None, progress: Progress | None
                 ) -> Iterator[tuple[dict[str, Any], int]]:
    """The json export's data, its lists of records as iterators that read them from
    the project as they are taken (and report progress), and how many claims it holds.
    Call in a snapshot: the counts are read first."""
    where, params = "", []
    of_article = "SELECT claim_id FROM appearances WHERE article_id = ?"
    claims_where = history_where = reviews_where = ""
    if article_id is not None:
        where, params = "WHERE id = ?", [article_id]
        claims_where = f" WHERE id IN ({of_article})"
        reviews_where = f" WHERE r.claim_id IN ({of_article})"
        history_where = (
            " WHERE entity_id = ? OR entity_id IN (SELECT id FROM appearances WHERE "
            f"article_id = ?) OR entity_id IN ({of_article}) OR entity_id IN "
            f"(SELECT id FROM reviews WHERE claim_id IN ({of_article}))")
    # Each list: its key, its SQL (without its order), its order, how many times it
    # asks for the parameters, and its rows as JSON data.
    lists: list[tuple[str, str, str, int, Callable[[sqlite3.Cursor], Iterator[Any]]]] = [
        ("articles", f"SELECT * FROM articles {where}", "created, rowid", 1,
         lambda rows: (article_from_row(project, row)._asdict() for row in row_dicts(rows))),
        ("claims", f"SELECT {CLAIM_COLUMNS} FROM claims{claims_where}", "created, id", 1,
         lambda rows: (claim_json(Claim.from_values(row)) for row in rows)),
        ("appearances", appearance_select("a.article_id = ?" if article_id else "",
                                          join=BY_ARTICLE_LIST), LIST_ORDER, 1,
         lambda rows: (appearance_json(Appearance.from_values(row)) for row in rows)),
        ("reviews", f"SELECT r.* FROM reviews r{reviews_where}", "r.created, r.rowid", 1,
         lambda rows: (Review.from_row(row)._asdict() for row in row_dicts(rows))),
        ("history", f"SELECT * FROM history{history_where}", "at, rowid", 4,
         lambda rows: (HistoryEntry.from_row(row)._asdict() for row in row_dicts(rows))),
    ]
    counts = {key: project.execute(f"SELECT count(*) FROM ({sql})", params * uses).fetchone()[0]
              for key, sql, _, uses, _ in lists}
    tick = _Ticked(Ticker(progress, sum(counts.values()), _cancelled))
    data: dict[str, Any] = {
        "tahqiq": {"format": "tahqiq-project", "version": JSON_FORMAT_VERSION,
                   "schema_version": project.schema_version, "article_id": article_id}}
    cursors: list[sqlite3.Cursor] = []
    for key, sql, order, uses, as_data in lists:
        if key == "claims":
            data["labels"] = [label._asdict() for label in list_labels(project)]
        cursors.append(rows := project.execute(f"{sql} ORDER BY {order}", params * uses))
        data[key] = tick(as_data(rows))
    try:
        yield data, counts["claims"]
    finally:
        for rows in cursors:
            rows.close()  # a cancelled export ends its reads of the project too


# -- the review packet -----------------------------------------------------------------
PACKET_FORMATS = ("pdf", "html")


# Past this an article's PDF packet is refused, the HTML one offered: a 3.6 million
# character report took a minute and 2 GB of memory to lay out (fpdf2 shapes and places
# every line in memory), the window frozen the while. About 150 pages of Arabic.
PDF_PACKET_MAX_CHARS = 300_000


def _refuse_long_pdf(project: Project, article_id: str) -> None:
    length = project.execute("SELECT length(text) FROM articles WHERE id = ?",
                             [article_id]).fetchone()
    chars = (length[0] if length else 0) or long_texts.length(project.conn, article_id) or 0
    if chars > PDF_PACKET_MAX_CHARS:
        raise ExportFailed("This article is too long for a PDF packet ({chars} characters; "
                           "up to {most}): export the packet as HTML, which a browser "
                           "prints to PDF.", chars=f"{chars:,}", most=f"{PDF_PACKET_MAX_CHARS:,}")


def export_packet(project: Project, article_id: str, fmt: str, path: str | os.PathLike[str],
                  language: str = "en") -> Path:
    """Write the review packet of one article as ``pdf`` or ``html`` to *path*, whole or
    not at all: the one door for the app and the command line."""
    if fmt == "pdf":
        from store.exchange.packet_pdf import write_packet_pdf

        _refuse_long_pdf(project, article_id)
        return write_packet_pdf(project, article_id, path, language)
    if fmt != "html":
        raise ValueError(f"unknown packet format {fmt!r}; choose from {PACKET_FORMATS}")
    from store.exchange.packet_html import packet_html

    html = packet_html(project, article_id, language)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
