"""Claims as CSV: the spreadsheet round trip fact-checkers ask for.

One record per place a claim appears (an appearance): a claim that appears in three
articles has three records with the same ``claim_id``, verdict, note and sources. The file
contract is ``CSV_COLUMNS``, in this order:

==================  ======================================================================
``claim_id``        the claim's id, shared by every record of the claim; an import
                    matches existing claims on it. An id that is not a UUID (a sheet's
                    own numbering, "1" or "C-17") is given one on import (_Checker.own_id);
                    one a sheet re-typed in E notation («2.02612E+11») is refused
``article_id``      the article's id in the exporting project
``article_title``   for people reading the sheet; ignored on import
``article_sha256``  SHA-256 (hex) of the article text; an import finds the article by it
                    first, so the same text in another project matches, then by article_id
``start``           where the quote begins in the article text, in Unicode code points
                    (Python ``str`` indices, not UTF-16 units or bytes); a plain integer
                    (a sheet's thousands separators, «1,114», are read past on import)
``end``             where the quote ends, code points, exclusive: ``quote == text[start:end]``
``quote``           the tagged words, exactly as in the article
``prefix``          up to 32 code points just before the quote (W3C TextQuoteSelector);
                    optional on import (recomputed from the text when the column is absent)
``suffix``          up to 32 code points just after the quote; optional like ``prefix``
``label``           the label key, e.g. ``disputed``; must exist in the importing project
``note``            free text, newlines allowed; optional on import
``sources``         http(s) links, one per line inside the cell (a URL never contains
                    whitespace, so any whitespace separates them on import); optional
``annotator``       who tagged these words; on the claim's first place (``appearance_id`` is
                    ``claim_id``) that is who made the claim, which an import takes from it
``created``         UTC, ISO 8601: ``2024-06-19T10:00:00.000000Z``
``updated``         UTC, same form: the last change of these words or their claim; on
                    import the newer ``updated`` wins
``updated_by``      who made that change; optional on import (defaults to annotator)
``review_status``   the claim's status (store.review.reviews.current_reviews):
                    ``accepted``, ``rejected``, or empty when no review is of the verdict
                    the claim has now; ignored on import (reviews are not imported from CSV)
``appearance_id``   the id of this place; optional on import (a file without the column
                    names each place by its claim, as files did before claims could appear
                    in several places, and a claim's other places by their offsets)
==================  ======================================================================

Encoding and syntax: UTF-8 with a byte-order mark, so Excel reads Arabic correctly (an
import accepts the file with or without it); RFC 4180 -- comma separated, CRLF between
records, a field quoted only when it holds a comma, quote or line break, ``"`` doubled.

Formula injection (OWASP "CSV injection"): a text cell that begins with ``=``, ``+``,
``-``, ``@``, tab, carriage return or NUL -- or with one or more apostrophes followed
by one of those -- is written with one extra leading apostrophe ``'``, and an import
removes exactly that apostrophe again. So no cell starts with a formula character,
and every string, even one that really starts with ``'=``, comes back unchanged.
``start`` and ``end`` are never prefixed: they stay plain numbers.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from store.core import history
from store.core.appearances import no_words
from store.core.articles import find_by_fingerprint, get_article
from store.core.claims import get_claim, stored_note, validate_sources
from store.core.labels import KEY_RE, described_all, list_labels, named
from store.core.project import Project
from store.core.records import Article, Claim
from store.core.stamps import stamp
from store.errors import (
    ArticleNotFound,
    ClaimNotFound,
    CsvRejected,
    InvalidSource,
    Message,
    Named,
    quoted,
)
from store.exchange.lost_letters import LOSSY_ENCODINGS, alike, kept_in, lost_in, restored
from store.text import anchoring

CSV_COLUMNS = (
    "claim_id", "article_id", "article_title", "article_sha256", "start", "end", "quote",
    "prefix", "suffix", "label", "note", "sources", "annotator", "created", "updated",
    "updated_by", "review_status", "appearance_id",
)
REQUIRED_COLUMNS = (
    "claim_id", "article_id", "article_sha256", "start", "end", "quote", "label",
    "annotator", "created", "updated",
)
NUMERIC_COLUMNS = frozenset({"start", "end"})
# OWASP's list plus NUL (OWASP ASVS 1.2.10): cells a spreadsheet may read as a formula.
FORMULA_LEADS = frozenset("=+-@\t\r\0")
BOM = "\ufeff"
LINE_END = "\r\n"
SOURCE_SEPARATOR = "\n"
MAX_CSV_BYTES = 200 * 1024 * 1024  # a whole project's claims, quotes included
MAX_LISTED_PROBLEMS = 10  # in the message; ``CsvRejected.problems`` keeps them all
# What a spreadsheet writes for a number or a date it read in a cell (01/02/26, 1.5E+3).
_SPREADSHEET_FORM = re.compile(r"[\d\s.,:/%+\-Ee]+")
SPREADSHEET_CELL_LIMIT = 32_767  # Excel's characters in a cell, and LibreOffice's in .xlsx
# A cell a spreadsheet reads as a number (and writes back in its own form): digits, a
# point, an exponent, a percent sign.
_NUMBER = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?\s*(%?)\s*")
MAX_OFFSET_DIGITS = 15  # an offset beyond any article; longer numbers are refused unread
# An offset a spreadsheet wrote with its thousands separator («1,114», «1 114», «1.114»,
# «1'114», Arabic «١٬١١٤»'s separator): one kind of separator, groups of three digits.
_GROUPED = re.compile(r"[0-9]{1,3}([,.' \u00a0\u202f\u2009\u066c])[0-9]{3}(?:\1[0-9]{3})*")
# A time a spreadsheet read as a date and wrote back in its own form («06/12/2026 07:17»,
# «12/6/2026 7:17 PM», «2026-06-12 07:17:00», a serial «46185.30347»): no zone, not ours.
_SHEET_DATE = re.compile(r"[\d\s.,:/\-]+(?:AM|PM|am|pm|ص|م)?\s*")
# An id a spreadsheet read as a number and wrote back in E notation, its last digits
# lost («202612060001» → «2.02612E+11»; «2,02612E+11» where the comma is the decimal mark)
_E_NOTATION = re.compile(r"\s*\d(?:[.,]\d+[eE]\+?\d+|[eE]\+\d+)\s*")


# -- cell escaping -----------------------------------------------------------------------
def escape_cell(value: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula; see the module notes."""
    if value.lstrip("'")[:1] in FORMULA_LEADS:
        return "'" + value
    return value


def as_kept(cells: dict[str, str]) -> dict[str, str]:
    """A record's cells with its note as the project keeps notes: composed
    (claims.stored_note). (Its words are compared as the project keeps them: kept_in.)"""
    return {**cells, "note": stored_note(cells["note"])} if "note" in cells else cells


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`: drop the one apostrophe it added, and only that one."""
    if value.startswith("'") and value.lstrip("'")[:1] in FORMULA_LEADS:
        return value[1:]
    return value


# -- export ------------------------------------------------------------------------------
class _Writer:
    """csv.writer's writerow and writerows, a cell quoted when :func:`needs_quotes`:
    csv.writer quotes only its own delimiter, and a semicolon or tab left bare split the
    cell in a spreadsheet that separates on them too (rv107)."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def writerow(self, row: Sequence[Any]) -> None:
        self._stream.write(",".join(
            "" if cell is None else quote_cell(cell if isinstance(cell, str) else str(cell))
            for cell in row) + LINE_END)

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def new_writer(stream: TextIO) -> Any:
    """An RFC 4180 writer; *stream* must be opened with ``newline=""``."""
    return _Writer(stream)


def needs_quotes(text: str) -> bool:
    """Whether new_writer quotes *text* as a field: it holds the delimiter, the quote
    character or a character of LINE_END - or a semicolon or tab: LibreOffice Calc's
    Text Import separates on all three by default, and Excel on a French, German or
    Turkish system on semicolons (rv107). Scans in C: over a column of cells joined,
    many times faster than one regex's character class."""
    return ("," in text or '"' in text or "\r" in text or "\n" in text or ";" in text
            or "\t" in text)


def quote_cell(value: str) -> str:
    """*value* as new_writer writes a text field: in quotes, ``"`` doubled, only when
    :func:`needs_quotes`. For exports that join their records themselves, column by
    column, rather than hand every record to csv.writer."""
    return '"' + value.replace('"', '""') + '"' if needs_quotes(value) else value


# -- import ------------------------------------------------------------------------------
@dataclass
class CsvImportResult:
    """What an import did, counted as a project merge counts (store.exchange.merge.
    MergeSummary): every claim of the file once - ``new``, ``updated`` or ``unchanged``
    (identical in the project, or, ``stale`` of them, newer there than in the file) - and
    every place it appears once, a record each (``new_places``, ``updated_places``,
    ``unchanged_places``). A claim found in two places is one new claim in two new
    places, not two claims."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    stale_lines: list[int] = field(default_factory=list)  # the first line of each
    new_places: int = 0
    updated_places: int = 0
    unchanged_places: int = 0
    reviewed: int = 0  # claims with a review_status, which no import brings in
    renamed: int = 0  # claims the file names by ids of its own, given UUIDs (own_id)
    claim_ids: list[str] = field(default_factory=list)  # every claim in the file, in order
    encoding: str = ""  # the file's, when not UTF-8 (read_csv_text)
    # Columns of a claim the file has not (a sheet's column deleted or renamed): its
    # claims keep those fields as they are here; and the file's columns no import reads
    absent: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    # Claims whose words or note the file holds with characters its encoding lacks (read
    # as the project's own)
    lost: list[str] = field(default_factory=list)
    # The first line of each claim whose note lost characters that could not be given
    # back: its note not taken
    unplaced_lines: list[int] = field(default_factory=list)
    # The lines of rows without an appearance_id whose words were left alone: no newer
    # than the claim's places here (an old sheet's, moved or untagged since)
    places_left: list[int] = field(default_factory=list)
    # The lines of rows whose place differs from the one they name here (words moved,
    # another claim) without being newer: kept as here
    places_kept: list[int] = field(default_factory=list)
    # Cells of rows typed by hand written as keys, no key here, read as the label each
    # names: (the cell, (key, English name, Arabic name))
    names_read: list[tuple[str, tuple[str, str, str]]] = field(default_factory=list)


Problem = tuple[int, str]  # (line, Message)


def problem_list(problems: list[Problem], translate=str) -> str:
    """The problems as one phrase: the first few by line, then how many more.

    *translate* turns each Message into the reader's language (the GUI passes its
    own); by default they stay English.
    """
    # (the separator translated too: Arabic's «؛» ended the list after Latin «;»s)
    listed = translate(Message("; ")).join(
        translate(Message("line {line}: {problem}", line=line,
                          problem=translate(text).rstrip(".")))
        for line, text in problems[:MAX_LISTED_PROBLEMS])
    more = len(problems) - MAX_LISTED_PROBLEMS
    if more > 0:
        listed += translate(Message("; and {count} more problem(s)", count=more))
    return listed


def rejection(name: str, problems: list[Problem]) -> CsvRejected:
    listed = problem_list(problems)
    return CsvRejected("{name} was not imported, nothing changed: {problems}.", problems,
                       name=name, problems=listed)


def read_csv_text(path: Path) -> tuple[str, str]:
    """The file as text, and the encoding it was read in when not UTF-8: UTF-8, with or
    without a BOM; UTF-16 (a spreadsheet's «Unicode Text», tab-separated); Windows-1256
    when it reads as Arabic that way (Excel's «CSV» on Arabic Windows); "ASCII" for a
    file without a BOM holding nothing beyond ASCII but «?». Not empty."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise rejection(path.name, [(1, Message(
                "the file is larger than {limit} MiB", limit=MAX_CSV_BYTES // (1024 * 1024)))])
        data = path.read_bytes()
    except OSError as exc:
        raise CsvRejected("Cannot read {name}: {reason}.",
                          name=path.name, reason=str(exc.strerror or exc)) from exc
    if (codec := _utf16(data)) is not None:
        try:
            return _not_empty(path, data.decode(codec).removeprefix("\ufeff")), "UTF-16"
        except UnicodeDecodeError as exc:
            raise rejection(path.name, [(1, Message(
                "the file starts as UTF-16 but is not: save it as CSV UTF-8"))]) from exc
    skipped = 0
    if data.startswith(codecs.BOM_UTF8):
        skipped = len(codecs.BOM_UTF8)
        data = data[skipped:]
    try:
        text = _not_empty(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if not skipped and not _mostly_utf8(data) and _reads_as_arabic(
                arabic := data.decode("cp1256", "replace")):
            return arabic, "Windows-1256"
        line = _row_before(data[:exc.start].decode("utf-8"))
        reason = f"byte {exc.start + skipped} is not UTF-8; save the file as CSV UTF-8"
        raise rejection(path.name, [(line, reason)]) from exc
    # ASCII alone, no BOM, and «?»: perhaps Excel's «CSV» outside Arabic Windows, which
    # writes «?» for every Arabic letter (a verdict changed in it replaced an Arabic note
    # with «????», rv131); kept_in reads those «?» as the project's own characters.
    return text, "ASCII" if not skipped and data.isascii() and b"?" in data else ""


def _not_empty(path: Path, text: str) -> str:
    if not text.strip():
        raise rejection(path.name, [(1, Message("the file is empty"))])
    return text


def _mostly_utf8(data: bytes) -> bool:
    """Whether *data* is UTF-8 with a few bytes gone wrong (a damaged file: told where),
    rather than another encoding (whose letters beyond ASCII are nearly all invalid)."""
    decoded = data.decode("utf-8", "replace")
    invalid = decoded.count("\ufffd")
    return sum(not ch.isascii() for ch in decoded) - invalid > invalid // 10


def _reads_as_arabic(text: str) -> bool:
    """Whether *text*, a file read as Windows-1256, is Arabic: its letters beyond ASCII
    nearly all Arabic (a German «ä» read so is «ن», among Latin words)."""
    beyond = [ch for ch in text if not ch.isascii() and ch.isalpha()]
    return bool(beyond) and sum("\u0600" <= ch <= "\u06ff" for ch in beyond) >= 0.9 * len(
        beyond)


def names_claims(head: bytes) -> bool:
    """Whether a file starting with *head* is a table of claims: its first row names a
    ``claim_id`` column (a claims CSV, in any of the forms :func:`read_csv_text` reads:
    Excel saves one as «Unicode Text», UTF-16 with tabs, named NAME.txt)."""
    if (codec := _utf16(head)) is not None:
        text = head[:len(head) - len(head) % 2].decode(codec, "replace")
    else:
        text = head.decode("utf-8", "replace")
    first = text.removeprefix("\ufeff").split("\n", 1)[0].replace('"', "").strip().lower()
    return "claim_id" in re.split(r"[,;\t]", first)


def _utf16(data: bytes) -> str | None:
    """The codec of *data* if it is UTF-16: with its byte-order mark, or a header row of
    Latin column names without it (every other byte of its first characters is zero)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    start = data[:16]

    def latin(chars: bytes) -> bool:
        return all(32 <= c < 127 or c in b"\t\r\n" for c in chars)

    if len(start) < 8:
        return None
    if not any(start[1::2]) and latin(start[0::2]):
        return "utf-16-le"
    if not any(start[0::2]) and latin(start[1::2]):
        return "utf-16-be"
    return None


def _row_before(text: str) -> int:
    """The row (numbered as in :func:`parse_records`) of the character after *text*."""
    try:
        rows = sum(1 for _ in csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # pragma: no cover - a huge field; physical lines will do
        return text.count("\n") + 1
    return rows + 1 if text.endswith(("\n", "\r")) or not text else rows


def parse_records(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """(line, {column: unescaped cell}) for each record, and the problems found.

    "Line" is the record's row number as a spreadsheet shows it -- the header is
    line 1 -- not the physical line in the file: prefixes, suffixes and notes often
    hold line breaks, and the people fixing a refused file open it in a spreadsheet.
    """
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, MAX_CSV_BYTES))  # a quote may be a long passage
    try:
        return _parse(csv.reader(io.StringIO(text, newline=""), strict=True,
                                 delimiter=_delimiter(text)))
    finally:
        csv.field_size_limit(old_limit)


def _delimiter(text: str) -> str:
    """The character between the header's columns: a comma as Tahqiq writes them, or a
    semicolon or a tab, as spreadsheets save CSV where the comma is a decimal mark (and
    in Arabic locales): their files were refused as having no header row."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        if {cell.strip().strip('"').lower() for cell in first.split(delimiter)} \
                & set(REQUIRED_COLUMNS) and delimiter in first:
            return delimiter
    return ","


def _parse(reader: Any) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    records: list[tuple[int, dict[str, str]]] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    line = 0
    while True:
        line += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append((line, Message("this is not valid CSV ({reason})", reason=str(exc))))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in cells]
            problems += _header_problems(line, header)
            if problems:
                break
            continue
        if len(cells) > len(header) and not any(cell.strip() for cell in cells[len(header):]):
            cells = cells[:len(header)]  # a sheet's empty cells past the last column
        if len(cells) != len(header):
            problems.append((line, Message("has {cells} cell(s) but the header has {columns}",
                                           cells=len(cells), columns=len(header))))
            continue
        records.append((line, {name: cell if name in NUMERIC_COLUMNS else unescape_cell(cell)
                               for name, cell in zip(header, cells, strict=True)}))
    if header is None and not problems:
        problems.append((1, Message("the file is empty")))
    return records, problems


def _header_problems(line: int, header: list[str]) -> list[Problem]:
    if not set(header) & set(CSV_COLUMNS):
        return [(line, Message("there is no header row; the first line must name the columns "
                               "({columns})", columns=", ".join(CSV_COLUMNS)))]
    problems = []
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        problems.append((line, Message("missing column(s): {columns}",
                                       columns=", ".join(missing), count=len(missing))))
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        problems.append((line, Message("column(s) named twice: {columns}",
                                       columns=", ".join(map(quoted, repeated)),
                                       count=len(repeated))))
    return problems


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 time with a zone, as UTC; None for anything else."""
    try:
        moment = datetime.fromisoformat(value.strip())
        return moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (ValueError, OverflowError):  # OverflowError: year 1 or 9999 moved across UTC
        return None


@dataclass(frozen=True)
class Incoming:
    """What one record brings: a claim and one place it appears (the appearances row)."""

    claim: Claim
    place: dict[str, Any]
    line: int  # of the file, as problems name it


class _Checker:
    """Turns records into claims for one project, caching lookups across records."""

    def __init__(self, project: Project, read_as: str = ""):
        self.project = project
        self.read_as = read_as  # the file's encoding when not UTF-8 (read_csv_text)
        self.lost = False  # a cell read as the project's words its «?» stand for
        self.everyone = list_labels(project)
        self.labels = {label.key for label in self.everyone}
        # (cell, read as another project's key): told in full once, then this
        self.unknown_labels: dict[tuple[str, bool], Message] = {}
        # A hand-typed sheet's cells written as keys, no key here, read as the label they
        # name: cell: (key, English name, Arabic name), told in the summary
        self.names_read: dict[str, tuple[str, str, str]] = {}
        self.articles: dict[tuple[str, str], Article | str] = {}
        self.seen: dict[str, int] = {}  # appearance id: its line
        self.claims: dict[str, tuple[int, Claim]] = {}  # claim id: its first line and values
        self.own_ids: dict[tuple[str, str], str] = {}  # (table, the file's id): the UUID
        # (line, column, cell) of each time a spreadsheet re-typed as its own date: said
        # once for the file (sheet_dates), not on every line
        self.sheet_dates: list[tuple[int, str, str]] = []
        # (claim, article, start, end): the line of a place the file names by its claim
        # alone (no appearance_id), and the place ids so given
        self.unnamed: dict[tuple[str, str, int, int], int] = {}
        # Places of rows without an appearance_id no newer than the claim's places here:
        # words an old sheet holds that were moved or untagged since, not brought back
        self.stale_places: dict[str, int] = {}  # place id: its line

    def article(self, digest: str, article_id: str) -> Article | str:
        """The article a record refers to, or why there is none."""
        key = (digest, article_id)
        if key not in self.articles:
            self.articles[key] = self._find_article(digest, article_id)
        return self.articles[key]

    def _find_article(self, digest: str, article_id: str) -> Article | str:
        if digest:
            found = find_by_fingerprint(self.project, digest.lower())
            if found is not None:
                return found
        if article_id:
            try:
                found = get_article(self.project, article_id)
            except ArticleNotFound:
                found = None
            if found is not None and found.deleted is None:
                return found
        if not digest and not article_id:
            return Message("article_sha256 and article_id are both empty")
        gone = self.project.execute(
            "SELECT id FROM articles WHERE (fingerprint = ? OR id = ?) AND deleted IS NOT "
            "NULL LIMIT 1", [digest.lower(), article_id]).fetchone()
        if gone is not None:  # («no article has this text» read as a wrong file)
            return Message("its article was deleted in this project: bring it back first "
                           "(tahqiq article {id} --restore)", id=gone[0][:8])
        return Message("no article in this project has this text (article_sha256) or id "
                       "(article_id)")

    def claim(self, line: int, cells: dict[str, str]) -> tuple[Incoming | None, list[str]]:
        """The claim and appearance a record describes, or the reasons it cannot be
        imported."""
        problems: list[str] = []
        cells = as_kept(cells)
        claim_id = cells["claim_id"].strip()
        # Without the appearance_id column (a sheet's column deleted, a file from before
        # claims had several places) a place is found by its claim and offsets
        # (_unnamed_place), once the article is known; an empty cell names the claim's
        # own place, as such files did (two rows of one claim so are one place twice)
        named_place = cells.get("appearance_id", "").strip() or (
            claim_id if "appearance_id" in cells else "")
        place_id = named_place or claim_id
        # (a number a sheet re-typed, «2.02612E+11», may stand for two: told once known)
        retyped = bool(_E_NOTATION.fullmatch(place_id))
        if not claim_id:
            problems.append(Message("claim_id is empty"))
        elif retyped:
            pass
        elif named_place and place_id in self.seen:
            problems.append(_named_twice(place_id, self.seen[place_id]))
        elif named_place:
            self.seen[place_id] = line
        label = self._label(cells["label"].strip(), problems, _canonical_uuid(claim_id))
        annotator = cells["annotator"].strip()
        if not annotator:
            problems.append(Message("annotator is empty"))
        times = self._times(line, cells, problems)
        try:
            sources = validate_sources(cells.get("sources", "").split())
        except InvalidSource as exc:
            problems.append(Message("'{url}' is not a web link (http:// or https://).",
                                    **exc.params))  # the list drops its "."
            sources = ()
        found = self.article(cells["article_sha256"].strip(), cells["article_id"].strip())
        if isinstance(found, str):
            problems.append(found)
            return None, problems
        span = self._span(found.text, cells, problems, self.read_as)
        if problems or span is None or len(times) < 2:
            return None, problems
        start, end, prefix, suffix = span
        self.lost = self.lost or any(
            lost_in(self.read_as, ours, cells.get(column, ours)) for column, ours in
            (("quote", found.text[start:end]), ("prefix", prefix), ("suffix", suffix)))
        named = claim_id  # as the file names it, for the messages
        ids = self._ids(line, named, named_place, retyped, found, start, end,
                        times["updated"], problems)
        if ids is None:
            return None, problems
        claim_id, place_id = ids
        if self._onto_a_space(found, start, end, place_id, bool(named_place)):
            problems.append(Message("start {start} and end {end} take in a space beside "
                                    "the words: a place holds words, not the spaces around "
                                    "them", start=start, end=end))
            return None, problems
        updated_by = cells.get("updated_by", "").strip() or annotator
        claim = Claim(id=claim_id, label=label, note=cells.get("note", ""), sources=sources,
                      annotator=annotator, created=times["created"], updated=times["updated"],
                      updated_by=updated_by)
        earlier = self.claims.setdefault(claim_id, (line, claim))
        if earlier[1] != claim and (earlier[1].label, earlier[1].note, earlier[1].sources) \
                != (claim.label, claim.note, claim.sources):
            problems.append(Message("claim {claim} has another verdict, note or sources on "
                                    "line {line}", claim=quoted(named), line=earlier[0]))
            return None, problems
        place = {"id": place_id, "claim_id": claim_id, "article_id": found.id, "start": start,
                 "end": end, "quote": found.text[start:end], "annotator": annotator,
                 "created": times["created"], "updated": times["updated"], "prefix": prefix,
                 "suffix": suffix, "updated_by": updated_by, "deleted": None,
                 "deleted_by": None}
        return Incoming(claim, place, line), problems

    def _times(self, line: int, cells: dict[str, str], problems: list[str]) -> dict[str, str]:
        """The record's ``created`` and ``updated`` as stamps, those it has as UTC times:
        one a spreadsheet re-typed as its own date is kept in *sheet_dates* (told once for
        the file), any other in *problems*."""
        times = {}
        for name in ("created", "updated"):
            moment = parse_time(cells[name])
            if moment is None and _SHEET_DATE.fullmatch(cells[name]) and any(
                    ch.isdigit() for ch in cells[name]):
                self.sheet_dates.append((line, name, cells[name]))  # said once: sheet_dates
            elif moment is None:
                problems.append(Message("{column} '{value}' is not a UTC time like "
                                        "2024-06-19T10:00:00Z", column=name,
                                        value=quoted(cells[name])))
            else:
                times[name] = stamp(moment)
        return times

    def _ids(self, line: int, named: str, named_place: str, retyped: bool,
             article: Article, start: int, end: int, updated: str, problems: list[str]
             ) -> tuple[str, str] | None:
        """(claim id, place id) in the project of a record whose claim the file names
        *named* and whose place *named_place* ("" without the appearance_id column: found
        by its claim and offsets, _unnamed_place), or None, said in *problems*. A
        *retyped* place id (E notation) is checked for a second row only here, once it is
        known which place it names (claim)."""
        claim_id = self.own_id("claims", named, article, start, end)
        if claim_id is None:
            problems.append(_retyped_id("claim_id", named))
            return None
        if not named_place:
            place_id = self._unnamed_place(line, claim_id, article, start, end, updated,
                                           problems)
            if place_id is None:
                return None
        elif named_place == named:
            place_id = claim_id
        else:
            place_id = self.own_id("appearances", named_place, article, start, end)
            if place_id is None:
                problems.append(_retyped_id("appearance_id", named_place))
                return None
        if retyped and named_place:
            if place_id in self.seen:
                problems.append(_named_twice(named_place, self.seen[place_id]))
                return None
            self.seen[place_id] = line
        return claim_id, place_id

    def _label(self, typed: str, problems: list[str], exported: str | None) -> str:
        """The key of the label *typed* names: its key, or its name as the window shows
        it in either language («Disputed», «موضع خلاف», as `tahqiq claim --label` takes
        it): a verdict changed in a sheet is typed as it reads. Unknown or ambiguous:
        said in *problems*, in full the first time; an empty cell as empty (it was an
        unknown label '', to be added in Project ▸ Labels…, rv141).

        A cell written as a key on a row another project exported (*exported*: its
        claim's UUID, as Tahqiq names them — a sheet typed by hand numbers its own — and
        no claim here) is that project's key: when no label here has it, it is that
        project's label, unknown here, not the label here of that name (a colleague's
        «misleading» came in as «disputed», renamed «Misleading» here, and a merge of the
        colleague's project then met a conflict nobody made, rv216). On this project's
        own rows, or a row typed by hand, it may still name a label («false» typed for
        «False» in our own export, rv219), said in the summary (*names_read*)."""
        if typed in self.labels:
            return typed
        foreign = exported is not None and bool(KEY_RE.fullmatch(typed)) and \
            not self._holds("claims", exported)
        if (typed, foreign) in self.unknown_labels:
            problems.append(self.unknown_labels[typed, foreign])
            return typed
        found = named(self.everyone, typed) if typed and not foreign else []
        if not typed:
            problems.append(Message("label is empty: give the claim's verdict (labels: "
                                    "{known})", known=described_all(self.everyone)))
            self.unknown_labels[typed, foreign] = Message("label is empty")
        elif len(found) == 1:
            if KEY_RE.fullmatch(typed):
                self.names_read.setdefault(typed, (found[0].key, found[0].name_en,
                                                   found[0].name_ar))
            return found[0].key
        elif found:
            problems.append(Message("label '{label}' names more than one label ({which}): "
                                    "give its key", label=quoted(typed),
                                    which=described_all(found)))
            self.unknown_labels[typed, foreign] = Message(
                "label '{label}' names more than one label", label=quoted(typed))
        else:  # a team's own verdict: say how it comes in (there was no way on from here)
            problems.append(Message(
                "unknown label '{label}' (labels: {known}); add it in Project ▸ Labels…, "
                "or merge the colleague's project file, which brings its labels",
                label=quoted(typed), known=described_all(self.everyone)))
            self.unknown_labels[typed, foreign] = Message("unknown label '{label}'",
                                                          label=quoted(typed))
        return typed

    def own_id(self, table: str, given: str, article: Article, start: int, end: int
               ) -> str | None:
        """The id a claim or place named *given* in the file has in the project.

        A UUID stays as it is (written the canonical way). Any other id, a sheet's own
        numbering, would meet a colleague's "1" for another claim in a merge of both
        projects, and one would overwrite the other: it becomes a UUID made from the id,
        the article's text and where the words are, at the record that first names it.
        The same file imported again, or by a colleague, gives the same UUIDs (an import
        is idempotent), and two sheets' "1" on other words give two. An id already in
        the project (brought so by an earlier version) is kept.

        A number a spreadsheet re-typed in E notation («202612060001» saved by Excel as
        «2.02612E+11») has lost its last digits: it made a second claim on the same words,
        and two claims whose ids read alike so would become one. Which claim it names
        cannot be known (matching it by its words took another checker's claim there,
        rv136): None, and the caller refuses it.
        """
        key = (table, given)
        if key not in self.own_ids:
            if _canonical_uuid(given) != given and self._holds(table, given):
                self.own_ids[key] = given
            elif _E_NOTATION.fullmatch(given):
                return None
            else:
                self.own_ids[key] = record_id(table, given, article.fingerprint, start, end)
        return self.own_ids[key]

    def _unnamed_place(self, line: int, claim_id: str, article: Article, start: int,
                       end: int, updated: str, problems: list[str]) -> str | None:
        """The id of the place a record without an appearance_id describes: the claim's
        place on these words here (or its place untagged there: a row no newer leaves it
        untagged); else the claim's own id, as files named a claim's one place before
        claims could have several (unless a place has it); else one made from the claim
        and the words' place, the same at each import — a new place if the row is newer
        than every change to the claim's places, else none (*stale_places*: an old sheet
        brought back words moved or untagged since, rv137; or given another claim since,
        by Unlink or Link, which the old row would have tagged twice, rv140). A claim's
        second place was refused as the first named twice («already appears on line 7»)."""
        key = (claim_id, article.id, start, end)
        if key in self.unnamed:
            problems.append(_named_twice(claim_id, self.unnamed[key]))
            return None
        self.unnamed[key] = line
        here = self.project.execute(
            "SELECT id FROM appearances WHERE claim_id = ? AND article_id = ? AND start = ? "
            'AND "end" = ? AND deleted IS NULL', [claim_id, article.id, start, end]).fetchone()
        gone = here or self.project.execute(
            "SELECT id FROM appearances WHERE claim_id = ? AND article_id = ? AND start = ? "
            'AND "end" = ? ORDER BY deleted DESC LIMIT 1',
            [claim_id, article.id, start, end]).fetchone()
        changed = self._places_changed(claim_id, article.id, start, end)
        if gone is not None:  # (named on another line too: told below)
            place_id = gone[0]
            if here is None and not _is_newer(updated, changed):
                self.stale_places[place_id] = line  # untagged since: left so
        else:
            # The claim's own id only if no place has it here: the claim's first place
            # elsewhere in the file (a row after this one) was taken for this place's,
            # moved, and then named twice (rv136)
            place_id = claim_id if claim_id not in self.seen and not self._holds(
                "appearances", claim_id) else str(uuid.uuid5(
                    FILE_ID_NAMESPACE, "\n".join(("appearances", claim_id, article.fingerprint,
                                                  str(start), str(end)))))
            if place_id != claim_id and not _is_newer(updated, changed):
                self.stale_places[place_id] = line
        if place_id in self.seen:
            problems.append(_named_twice(place_id, self.seen[place_id]))
            return None
        self.seen[place_id] = line
        return place_id

    def _onto_a_space(self, article: Article, start: int, end: int, place_id: str,
                      named: bool) -> bool:
        """Whether the record moves a place here (or, without an appearance_id, makes one)
        onto words with a space at an end: offsets one off, onto the space beside the
        words, with a quote cell to match (rv137). A place as another project has it
        (an older Tahqiq took the space after a double-clicked word) comes in as it is
        (rv139)."""
        words = article.text[start:end]
        if words == words.strip():
            return False
        current = _current_place(self.project, place_id)
        if current is None:
            return not named
        return (current["start"], current["end"]) != (start, end)

    def _places_changed(self, claim_id: str, article_id: str, start: int, end: int) -> str:
        """When the claim's places here, or a place on these words that was the claim's
        (relinked by Link or Unlink), last changed (tagged, moved, relinked, untagged): ""
        if there is none. (Another claim's place on the same words made an old sheet's new
        place of this claim stale, rv143.)"""
        row = self.project.execute(
            "SELECT max(max(updated, coalesce(deleted, ''))) FROM appearances WHERE "
            'claim_id = ? OR (article_id = ? AND start = ? AND "end" = ? AND EXISTS ('
            "SELECT 1 FROM history WHERE entity_id = appearances.id AND entity = "
            "'appearance' AND CASE WHEN json_valid(before) THEN json_extract(before, "
            "'$.claim_id') END = ?))",  # (not JSON, written by another program: rv254)
            [claim_id, article_id, start, end, claim_id]).fetchone()
        return row[0] or ""

    def _holds(self, table: str, row_id: str) -> bool:
        return self.project.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                    [row_id]).fetchone() is not None

    @staticmethod
    def _span(text: str, cells: dict[str, str], problems: list[str], read_as: str = ""
              ) -> tuple[int, int, str, str] | None:
        """(start, end, prefix, suffix) if the offsets and quote fit *text* (as the file's
        encoding, *read_as*, could write them: then its own prefix and suffix)."""
        offsets = []
        for name in ("start", "end"):
            raw = cells[name].strip()
            if _GROUPED.fullmatch(raw):  # «1,114»: a sheet's thousands separator
                raw = re.sub("[^0-9]", "", raw)
            if not (raw.isascii() and raw.isdigit()):
                problems.append(Message("{column} '{value}' is not a place in the article "
                                        "(a whole number, 0 or more)",
                                        column=name, value=quoted(cells[name])))
            elif len(raw.lstrip("0")) > MAX_OFFSET_DIGITS:  # int() refuses 4,300 digits
                problems.append(Message("{column} '{value}' is past the end of any article",
                                        column=name, value=quoted(raw)))
            else:
                offsets.append(int(raw))
        if len(offsets) < 2:
            return None
        start, end = offsets
        if start >= end:
            problems.append(Message("start {start} is not before end {end}", start=start,
                                    end=end))
            return None
        if end > len(text):
            problems.append(Message("end {end} is past the end of the article ({length})",
                                    end=end, length=len(text)))
            return None
        there = text[start:end]
        if not spreadsheet_kept(there, cells["quote"], read_as) and not (
                cells["quote"].strip() and cells["quote"] != cells["quote"].strip()
                and spreadsheet_kept(there, cells["quote"].strip(), read_as)):
            # (a space before or after the words, typed or a sheet's, is no other quote)
            if _SPREADSHEET_FORM.fullmatch(cells["quote"]) and len(there) <= 40 and any(
                    ch.isdigit() for ch in there):
                problems.append(Message(
                    "quote does not match the article text, which reads '{there}' there (a "
                    "spreadsheet may have made it a date: open the CSV with the quote column "
                    "as Text)", there=quoted(there)))
            else:
                problems.append(Message("quote does not match the article text"))
            return None
        if not text[start:end].strip():
            problems.append(Message("the quote is only spaces"))
            return None
        # (as the window refuses such a tag; a comma alone may be an older Tahqiq's)
        if no_words(text[start:end], signs=True) is not None:
            problems.append(Message("the quote is only harakat or other marks"))
            return None
        _, prefix, suffix = anchoring.quote_selector(text, start, end)
        if "prefix" in cells:
            prefix = _beside(text, start, cells["prefix"], read_as, before=True,
                             own=prefix)
            if prefix is None:
                problems.append(Message("prefix does not match the text before the quote"))
        if "suffix" in cells:
            suffix = _beside(text, end, cells["suffix"], read_as, before=False, own=suffix)
            if suffix is None:
                problems.append(Message("suffix does not match the text after the quote"))
        return start, end, prefix or "", suffix or ""


def _beside(text: str, at: int, given: str, read_as: str, *, before: bool,
            own: str = "") -> str | None:
    """The text's own words just before (or after) *at* that a prefix (or suffix) cell
    *given* stands for (kept_in), or None. *own*: the words there as an export writes
    them, which *given* is too with a space more or less at its ends (a sheet's)."""
    for length in dict.fromkeys((len(given), len(alike(given)))):
        if before and length > at:
            continue
        words = text[at - length:at] if before else text[at:at + length]
        if len(words) == length and kept_in(read_as, words, given):
            return words
    if own and given.strip() and kept_in(read_as, own.strip(), given.strip()):
        return own
    return None


def spreadsheet_kept(original: str, cell: str, read_as: str = "") -> bool:
    """Whether *cell* is *original* as a spreadsheet gives it back: a text it read as a
    number, written in its own form («007» → «7», «0501234567» → «501234567», «1e5» →
    «100000», «3.5%» → «3.50%», 20 digits → «1.23456789012346E+019» or «1.23457E+19»,
    as many digits as it shows), or a text cut at a cell's 32,767 characters. Nobody
    means those as edits: an unedited round trip through LibreOffice was refused for a
    claim on a number, and a verdict changed in the sheet took a phone number's
    leading zero, or all of a long note past its limit, with it."""
    if kept_in(read_as, original, cell):
        return True
    if len(cell) == SPREADSHEET_CELL_LIMIT and original.startswith(cell):
        return True
    ours, theirs = _NUMBER.fullmatch(original), _NUMBER.fullmatch(cell)
    if ours is None or theirs is None or ours[3] != theirs[3]:
        return False
    wanted = float(ours[1] + "e" + (ours[2] or "0"))
    given = float(theirs[1] + "e" + (theirs[2] or "0"))
    if not (math.isfinite(wanted) and math.isfinite(given)):  # (400 digits: inf)
        return False
    if theirs[2] is None:  # written out: the same number
        return wanted == given
    # In E notation, to the digits it shows.
    shown = len(theirs[1].lstrip("+-").replace(".", "").lstrip("0")) or 1
    return abs(wanted - given) <= 0.5 * 10.0 ** (1 - shown) * abs(given) * (1 + 1e-9)


def _is_newer(incoming: str, current: str) -> bool:
    """Whether the file's time *incoming* is later than the project's *current* (or the
    project has none it can read)."""
    ours, theirs = parse_time(current), parse_time(incoming)
    return ours is None or (theirs is not None and theirs > ours)


def import_claims_csv(project: Project, path: str | Path) -> CsvImportResult:
    """Bring claims from a CSV (``CSV_COLUMNS``) into *project*, all or nothing.

    Every record is checked before anything is written; any problem raises CsvRejected
    listing the lines at fault. A record is one place a claim appears (a file without
    ``appearance_id`` names each place by its claim, as files before claims had
    appearances did). New claims and appearances keep their ids, annotators and times (a
    claim's maker is the annotator of its first place, see _claim_of); one already in the
    project is replaced only when the file's ``updated`` is newer, and keeps its maker.
    Each change is written to the history as ``import``.
    """
    path = Path(path)
    text, encoding = read_csv_text(path)
    records, problems = parse_records(text)
    if problems:
        raise rejection(path.name, problems)
    result = CsvImportResult(encoding=encoding)
    with project.transaction():
        checker = _Checker(project, encoding)
        plans: list[Incoming] = []
        for line, cells in records:
            incoming, reasons = checker.claim(line, cells)
            if incoming is not None:
                current = _current_place(project, incoming.place["id"])
                if current is not None and current["article_id"] != incoming.place["article_id"]:
                    reasons.append(Message("claim {claim} is on another article in this "
                                           "project", claim=quoted(incoming.place["id"])))
            problems += [(line, reason) for reason in reasons]
            if incoming is not None and not reasons:
                plans.append(incoming)
        if checker.sheet_dates:
            problems = sorted([*problems, sheet_dates_problem(checker.sheet_dates)],
                              key=lambda problem: problem[0])
        if problems:
            raise rejection(path.name, problems)
        claims: dict[str, list[Incoming]] = {}
        for incoming in plans:
            claims.setdefault(incoming.claim.id, []).append(incoming)
        result.claim_ids = list(claims)
        result.reviewed = len({cells["claim_id"].strip() for _, cells in records
                               if cells.get("review_status", "").strip()})
        result.renamed = sum(table == "claims" and made != given and not _canonical_uuid(given)
                             for (table, given), made in checker.own_ids.items())
        # A column the file leaves out (a sheet's column deleted or renamed) says nothing
        # of those fields: a claim already here keeps its own (its note was emptied, rv131).
        columns = {name for _, cells in records for name in cells if name}
        absent = frozenset(name for name in ("note", "sources") if name not in columns)
        result.absent = [name for name in ("note", "sources") if name in absent and records]
        result.unread = sorted(columns - set(CSV_COLUMNS))
        for of_claim in claims.values():
            _apply(project, of_claim, result, absent, checker.stale_places)
        result.places_left = sorted(checker.stale_places.values())
        result.names_read = list(checker.names_read.items())
        if checker.lost and not result.lost:
            result.lost.append("")  # (in a claim's words: which one is not told)
        if result.encoding == "ASCII" and not (result.lost or result.unplaced_lines):
            result.encoding = ""  # an English sheet's «?» are question marks
    return result


def _named_twice(place: str, line: int) -> Message:
    return Message("claim {claim} already appears on line {line}", claim=quoted(place),
                   line=line)


def _retyped_id(column: str, value: str) -> Message:
    return Message("{column} '{value}' is a number a spreadsheet re-typed, its last digits "
                   "lost, so the claim (or place) it names cannot be known: open the CSV as "
                   "Tahqiq exported it with Data ▸ From Text/CSV, set {column} as Text and "
                   "make the changes again (or type the ids in full)",
                   column=column, value=quoted(value))


def sheet_dates_problem(found: list[tuple[int, str, str]]) -> Problem:
    """The one problem of every time a spreadsheet re-typed as its own date (_Checker.
    sheet_dates), at the first line: each told alike on every line buried the rest,
    and said what was wrong, not what to do."""
    lines = sorted({line for line, _, _ in found})
    columns = [name for name in ("created", "updated") if any(c == name for _, c, _ in found)]
    return lines[0], Message(
        "The spreadsheet re-typed {columns} as its own dates ('{value}') on {count} line(s): "
        "Tahqiq needs UTC times like 2024-06-19T10:00:00Z, and a date like 06/12 could be 6 "
        "December or 12 June. Open the CSV with Data ▸ From Text/CSV, set {columns} as Text "
        "and make the changes again, or export the claims from Tahqiq again",
        columns=Named(" and ".join(columns), ar=" و".join(columns)),
        value=quoted(found[0][2]), count=len(lines))


def _current_place(project: Project, place_id: str) -> dict[str, Any] | None:
    rows = list(project.query("SELECT * FROM appearances WHERE id = ?", [place_id]))
    return rows[0] if rows else None


def _apply(project: Project, records: list[Incoming], result: CsvImportResult,
           absent: frozenset[str] = frozenset(), stale: Collection[str] = frozenset()
           ) -> None:
    """Bring in one claim and the places the file gives it, each counted once (*absent*:
    the claim's columns the file has not, kept as they are here)."""
    made, dated = _claim_of(records)
    unplaced: list[str] = []
    claim = _apply_claim(project, made, dated=dated, read_as=result.encoding, absent=absent,
                         lost=result.lost, unplaced=unplaced)
    if unplaced:
        result.unplaced_lines.append(min(incoming.line for incoming in records))
    if claim == "new":
        result.new += 1
    elif claim == "changed":
        result.updated += 1
    else:
        result.unchanged += 1
        if claim == "stale":
            result.stale += 1
            result.stale_lines.append(min(incoming.line for incoming in records))
    for incoming in records:
        if incoming.place["id"] in stale:  # (an old sheet's words, since moved or untagged)
            result.unchanged_places += 1
        elif not _apply_place(project, incoming.place, made.updated, result):
            result.places_kept.append(incoming.line)


def _claim_of(records: list[Incoming]) -> tuple[Claim, bool]:
    """The claim the records of one ``claim_id`` describe, and whether its ``updated``
    dates a change of the claim (only then may it replace ours).

    A record holds its place's ``annotator`` and ``created``, and one ``updated`` and
    ``updated_by``: its place's or its claim's, whichever changed last. So:

    * Who made the claim, and when: the place with the claim's own id is its first,
      tagged by its maker as the claim was made. The words someone else found earlier in
      the text (Known Claims, ``tag --same-as``) are theirs, not the claim's: taking the
      first record's, as imports once did, gave the claim to them, and a merge spread it.
      A file without the first place (untagged, or in an article not exported; a claim
      split off by Unlink has none) has no better evidence than its earliest-tagged place:
      whoever found the claim first. A claim already here keeps its own (_apply_claim).
    * When the claim last changed: no later than any record's ``updated``; the earliest
      is that time, unless every place changed after the claim did.
    * Whether that dates a change of the claim: not when the earliest ``updated`` is only
      that of words tagged after the claim was made and never changed since (``updated``
      is ``created``): words a colleague only added to a claim would otherwise date its
      old verdict after a newer one here, and bring it back.
    """
    first = next((r for r in records if r.place["id"] == r.claim.id), None)
    maker = first or min(records, key=lambda r: r.place["created"])
    last = min(records, key=lambda r: r.place["updated"])
    dated = any(r.place["updated"] == last.place["updated"]
                and (r is first or r.place["updated"] != r.place["created"]) for r in records)
    claim = maker.claim._replace(annotator=maker.place["annotator"],
                    created=maker.place["created"], updated=last.place["updated"],
                    updated_by=last.place["updated_by"])
    return claim, dated


def _apply_place(project: Project, place: dict[str, Any], claim_updated: str,
                 result: CsvImportResult) -> bool:
    """Bring in one place, with the times a project merge would bring (_place_times);
    False when the record's place differs from the one here without being newer: kept as
    here, and said, as a claim is — an older sheet's, or an edit in a sheet whose
    «updated» was left as it was, which cannot be told apart (a place so moved was kept
    without a word, rv140)."""
    current = _current_place(project, place["id"])
    if current is None:
        place = {**place, **_place_times(place, claim_updated)}
        project.insert("appearances", place)  # (not sqlite-utils': 5x the time a row)
        _record(project, "appearance", None, place)
        result.new_places += 1
        return True
    same = all(current[k] == place[k] for k in place if k not in ("updated", "updated_by"))
    if not same and _is_newer(place["updated"], current["updated"]):
        # These words changed (moved, relinked) by the record's time at the latest.
        project.update("appearances", place["id"], {k: v for k, v in place.items()
                                                    if k != "id"})
        _record(project, "appearance", current, place)
        result.updated_places += 1
        return True
    result.unchanged_places += 1
    return same


def _place_times(place: dict[str, Any], claim_updated: str) -> dict[str, str]:
    """When these words last changed, and by whom, as their own project says.

    A record's ``updated`` is its words' or its claim's last change, whichever is later.
    Later than the claim's (_claim_of), it is the words' own. Otherwise it is the
    claim's, and the words' own is not in the file: they are taken as never changed
    since tagged, as most words are. Giving them the claim's time instead made a project
    merge of the same work, later, a conflict nobody made, and spread that time. Where
    the guess is wrong (words moved or relinked before the claim last changed), a
    project merge takes the project's times over this import's (merge._csv_seen)."""
    if place["updated"] > claim_updated:
        return {"updated": place["updated"], "updated_by": place["updated_by"]}
    return {"updated": place["created"], "updated_by": place["annotator"]}


def _apply_claim(project: Project, claim: Claim, *, dated: bool = True,
                 read_as: str = "", absent: frozenset[str] = frozenset(),
                 lost: list[str] | None = None, unplaced: list[str] | None = None) -> str:
    """Store the record's claim if it is new, or newer than ours (never when its record
    is not *dated*): "new", "changed", "same", or "stale" (ours differs, and is newer or
    the record cannot say). *lost* gets the id of a claim whose note the file holds
    with characters lost in its encoding (given back), *unplaced* that of one whose lost
    characters could not be given back (its note not taken)."""
    try:
        current = get_claim(project, claim.id)
    except ClaimNotFound:
        project.insert("claims", claim.to_row())
        _record(project, "claim", None, claim.to_row())
        return "new"
    if "note" in absent or spreadsheet_kept(current.note, claim.note, read_as):
        if lost is not None and lost_in(read_as, current.note, claim.note):
            lost.append(claim.id)
        claim = claim._replace(note=current.note)
    elif read_as in LOSSY_ENCODINGS:
        note = restored(read_as, current.note, claim.note)
        if note is None:  # letters lost that cannot be given back: ours kept, and said
            if unplaced is not None:
                unplaced.append(claim.id)
            note = current.note
        elif note != claim.note and lost is not None:
            lost.append(claim.id)
        claim = claim._replace(note=note)
    if "sources" in absent:
        claim = claim._replace(sources=current.sources)
    if (current.label, current.note, current.sources, current.deleted) == \
            (claim.label, claim.note, claim.sources, None):
        return "same"
    if not dated or not _is_newer(claim.updated, current.updated):
        return "stale"
    # Who made the claim, and when, stay ours: a file may not know them (_claim_of).
    row = claim._replace(annotator=current.annotator, created=current.created).to_row()
    project.update("claims", claim.id, {k: v for k, v in row.items() if k != "id"})
    _record(project, "claim", current.to_row(), row)
    return "changed"


# Ids of import entries: the same change brought by one CSV into two files is one entry.
IMPORT_NAMESPACE = uuid.UUID("0c1f6a52-6f5e-4d0b-9a43-5a2b1b7e3c19")
# Ids of claims and places a file names otherwise than by a UUID (_Checker.own_id).
FILE_ID_NAMESPACE = uuid.UUID("9b7e2d44-1c3f-4a8e-b5d6-0e4f7a9c2b18")


def record_id(table: str, given: str, fingerprint: str, start: int, end: int) -> str:
    """The id a claim (*table* "claims") or place ("appearances") a file names *given*
    gets in a project where it is new: *given* itself if it is a UUID (written the
    canonical way), else a UUID made from it, the SHA-256 *fingerprint* of its article's
    text and its words' place there (_Checker.own_id says why)."""
    return _canonical_uuid(given) or str(uuid.uuid5(FILE_ID_NAMESPACE, "\n".join(
        (table, given, fingerprint, str(start), str(end)))))


def _canonical_uuid(text: str) -> str | None:
    """*text* as a UUID is written here (lower case, with hyphens), or None if it is not
    one. Only the 36-character form counts: uuid.UUID also takes 32 hex digits, which a
    sheet's own number may be."""
    if len(text) != 36:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _record(project: Project, entity: str, before: dict[str, Any] | None,
            after: dict[str, Any]) -> None:
    """The history entry of a record an import wrote: who made that version, and when.

    As a project merge brings the colleague's own entries, the entry names the file's
    author of the version, ``updated_by`` at ``updated`` (for a new claim or words never
    changed since, their maker when made), not whoever imported the file at the time of
    the import; its action, ``import``, says it came from a CSV. Its id is made from the
    change, so the same file imported by two colleagues is one entry in a merge of theirs
    (made blind to article ids: each project has its own id for the same text).
    """
    def text(row: dict[str, Any] | None) -> str:
        return "" if row is None else json.dumps(
            {k: v for k, v in row.items() if k != "article_id"}, ensure_ascii=False,
            sort_keys=True)

    entry_id = str(uuid.uuid5(IMPORT_NAMESPACE, "\n".join(
        (entity, after["id"], text(before), text(after)))))
    if project.execute("SELECT 1 FROM history WHERE id = ?", [entry_id]).fetchone():
        return  # the same change, already brought in (by a merge of a colleague's file)
    history.record(project, entity, after["id"], "import", before, after,
                   who=after["updated_by"] or after["annotator"], at=after["updated"],
                   entry_id=entry_id)
