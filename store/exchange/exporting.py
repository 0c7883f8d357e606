"""Writing a project (or one article) out as CSV, JSON, W3C annotations or ClaimReview.

``csv``          the claims sheet described in :mod:`store.exchange.csv_format` (UTF-8 with BOM).
``json``         the whole project as plain JSON -- articles with their text, labels,
                 claims (tombstones too), reviews, history -- for backups and scripts.
``w3c``          a JSON array of W3C Web Annotations (JSON-LD), one per live claim.
``claimreview``  a JSON array of schema.org ``ClaimReview`` objects, one per live claim.

Only live claims on live articles go into csv, w3c and claimreview; json keeps
everything. Text is written exactly as stored: no reshaping, no escaping of
Arabic (``ensure_ascii=False``), offsets in code points.
"""

from __future__ import annotations

import io
import json
import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from store.core.claims import list_claims
from store.core.labels import list_labels, rating_scale
from store.core.progress import Progress, Ticker
from store.core.project import Project
from store.core.records import Article, Claim, HistoryEntry, Label, Review
from store.errors import ArticleNotFound, ExportCancelled
from store.exchange import csv_format
from store.exchange.safe_write import atomic_write
from store.review.reviews import STATUS

FORMATS = ("csv", "json", "w3c", "claimreview")
SUFFIXES = {"csv": ".csv", "json": ".json", "w3c": ".jsonld", "claimreview": ".jsonld"}
JSON_FORMAT_VERSION = 1
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_CONTEXT = "https://schema.org"

def _cancelled() -> ExportCancelled:
    return ExportCancelled("The export was cancelled.")


# -- public entry points -----------------------------------------------------------------
def export_to(project: Project, fmt: str, stream: TextIO, article_id: str | None = None,
              progress: Progress | None = None) -> int:
    """Write *fmt* to the text *stream*; returns how many claims were written.

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
    if fmt == "json":
        data = project_json(project, article_id, progress)
        _dump(data, stream)
        return len(data["claims"])
    if fmt == "csv":
        return write_csv(project, stream, article_id, progress)
    claims = live_claims(project, article_id)
    articles = article_metadata(project)
    tick = Ticker(progress, len(claims), _cancelled)
    if fmt == "w3c":
        items = []
        for done, claim in enumerate(claims, 1):
            items.append(w3c_annotation(claim, articles[claim.article_id]))
            tick(done)
    else:
        labels = {label.key: label for label in list_labels(project)}
        scale = rating_scale()
        items = []
        for done, claim in enumerate(claims, 1):
            items.append(claim_review(claim, articles[claim.article_id], labels[claim.label],
                                      scale))
            tick(done)
    _dump(items, stream)
    return len(items)


def export_text(project: Project, fmt: str, article_id: str | None = None,
                progress: Progress | None = None) -> str:
    """The export as one string (CSV includes its leading BOM, ``\\ufeff``)."""
    buffer = io.StringIO(newline="")
    export_to(project, fmt, buffer, article_id, progress)
    return buffer.getvalue()


def export_bytes(project: Project, fmt: str, article_id: str | None = None,
                 progress: Progress | None = None) -> bytes:
    """The export as UTF-8 bytes, e.g. for ``sys.stdout.buffer`` (no newline translation)."""
    return export_text(project, fmt, article_id, progress).encode("utf-8")


def export_file(project: Project, fmt: str, path: str | os.PathLike[str],
                article_id: str | None = None, progress: Progress | None = None) -> Path:
    """Write the export to *path* atomically: a cancelled or failed export leaves any
    existing file untouched and no partial file behind."""
    def write(tmp: Path) -> None:
        with tmp.open("x", encoding="utf-8", newline="") as stream:
            export_to(project, fmt, stream, article_id, progress)

    return atomic_write(path, write)


def read_project_json(data: str | bytes) -> dict[str, Any]:
    """Parse a ``json`` export back into a dict (claims' ``sources`` stay lists).

    No validation beyond JSON syntax: this is for scripts and tests that read a dump.
    """
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return json.loads(data.removeprefix("\ufeff"))


# -- shared lookups ----------------------------------------------------------------------
def live_claims(project: Project, article_id: str | None = None) -> list[Claim]:
    """Live claims whose article is live too, in reading order."""
    dead = {row["id"] for row in project.query(
        "SELECT id FROM articles WHERE deleted IS NOT NULL")}
    return [c for c in list_claims(project, article_id) if c.article_id not in dead]


def article_metadata(project: Project) -> dict[str, dict[str, Any]]:
    """Every article's id, title, fingerprint and metadata, without the (large) texts."""
    return {row["id"]: row for row in project.query(
        "SELECT id, title, fingerprint, outlet, url, published, language FROM articles")}


def _dump(data: Any, stream: TextIO) -> None:
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# -- csv -----------------------------------------------------------------------------------
CSV_BATCH = 1000  # records per writerows() call, and per progress report

# Each CSV column as SQL over claims c, their articles a and newest reviews r: records
# come out of one query as plain tuples in csv_format.CSV_COLUMNS order (Claim objects
# and per-claim lookups cost more than all the rest of a 100,000-claim export). Numbers
# stay ints: csv.writer writes str() of them. Sources stay JSON, ''
# for none, and are unpacked by csv_cells.
_CSV_SQL_COLUMNS = {
    "claim_id": "c.id", "article_id": "c.article_id",
    "article_title": "coalesce(a.title, '')", "article_sha256": "coalesce(a.fingerprint, '')",
    "start": "c.start", "end": 'c."end"', "quote": "c.quote",
    "prefix": "coalesce(c.prefix, '')", "suffix": "coalesce(c.suffix, '')",
    "label": "c.label", "note": "coalesce(c.note, '')",
    "sources": "CASE WHEN c.sources IS NULL OR c.sources = '[]' THEN '' ELSE c.sources END",
    "annotator": "c.annotator", "created": "c.created", "updated": "c.updated",
    "updated_by": "coalesce(c.updated_by, '')",
    "review_status": "CASE r.decision "
                     + " ".join(f"WHEN '{key}' THEN '{status}'" for key, status in STATUS.items())
                     + " ELSE '' END",
}
# r: each claim's newest review, as store.review.reviews.latest_reviews picks it.
_CSV_LATEST_REVIEWS = (
    "SELECT claim_id, decision FROM (SELECT claim_id, decision, row_number() OVER "
    "(PARTITION BY claim_id ORDER BY created DESC, id DESC) AS rn FROM reviews) WHERE rn = 1")
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


def csv_rows(project: Project, article_id: str | None = None) -> list[tuple[Any, ...]]:
    """Live claims on live articles in reading order (those of :func:`live_claims`), as
    tuples of raw cells for :func:`csv_cells`."""
    where, params = "", []
    if article_id is not None:
        where, params = "AND c.article_id = ?", [article_id]
    return project.conn.execute(
        f"SELECT {_CSV_SELECT} FROM claims c LEFT JOIN articles a ON a.id = c.article_id "
        f"LEFT JOIN ({_CSV_LATEST_REVIEWS}) r ON r.claim_id = c.id "
        f"WHERE c.deleted IS NULL AND a.deleted IS NULL {where} "
        'ORDER BY c.article_id, c.start, c."end", c.created', params).fetchall()


def csv_cells(row: tuple[Any, ...]) -> Sequence[Any]:
    """The CSV record of one :func:`csv_rows` tuple, sources unpacked and cells escaped
    against formula injection (the tuple itself when nothing needs changing)."""
    sources = row[_SOURCES]
    escape = _CELL_TO_ESCAPE.search(_SEPARATOR + _SEPARATOR.join(_escapable_cells(row)))
    if not sources and not escape:
        return row
    cells = list(row)
    if sources:
        sources = csv_format.SOURCE_SEPARATOR.join(json.loads(sources))
        cells[_SOURCES] = csv_format.escape_cell(sources)
    if escape:
        for i in _ESCAPABLE:
            cells[i] = csv_format.escape_cell(cells[i])
    return cells


def write_csv(project: Project, stream: TextIO, article_id: str | None = None,
              progress: Progress | None = None) -> int:
    """The BOM, the header and one record per live claim (see :mod:`store.exchange.csv_format`).

    The BOM is written here rather than left to the stream's encoding so that every
    destination -- a file, standard output, a string -- gets the same bytes.
    Progress is reported once per CSV_BATCH records.
    """
    rows = csv_rows(project, article_id)
    tick = Ticker(progress, len(rows), _cancelled)
    stream.write(csv_format.BOM)
    writer = csv_format.new_writer(stream)
    writer.writerow(csv_format.CSV_COLUMNS)
    for done in range(0, len(rows), CSV_BATCH):
        batch = rows[done:done + CSV_BATCH]
        writer.writerows(map(csv_cells, batch))
        tick(done + len(batch))
    return len(rows)


# -- json ----------------------------------------------------------------------------------
def claim_json(claim: Claim) -> dict[str, Any]:
    data = asdict(claim)
    data["sources"] = list(claim.sources)
    return data


def project_json(project: Project, article_id: str | None = None,
                 progress: Progress | None = None) -> dict[str, Any]:
    """The whole project, or one article's slice of it, as plain JSON-ready data."""
    where, params = "", []
    if article_id is not None:
        where, params = "WHERE id = ?", [article_id]
    articles = [Article.from_row(r) for r in project.query(
        f"SELECT * FROM articles {where} ORDER BY created, rowid", params)]
    claims = list_claims(project, article_id, include_deleted=True)
    review_sql = "SELECT r.* FROM reviews r"
    history_sql = "SELECT * FROM history"
    if article_id is not None:
        review_sql += " JOIN claims c ON c.id = r.claim_id WHERE c.article_id = ?"
        history_sql += (
            " WHERE entity_id = ? OR entity_id IN (SELECT id FROM claims WHERE article_id = ?)"
            " OR entity_id IN (SELECT r.id FROM reviews r JOIN claims c ON c.id = r.claim_id"
            " WHERE c.article_id = ?)")
    reviews = [Review.from_row(r) for r in project.query(
        review_sql + " ORDER BY r.created, r.rowid", params)]
    entries = [HistoryEntry.from_row(r) for r in project.query(
        history_sql + " ORDER BY at, rowid", params * 3)]
    tick = Ticker(progress, len(articles) + len(claims) + len(reviews) + len(entries),
                  _cancelled)
    out: dict[str, Any] = {
        "tahqiq": {"format": "tahqiq-project", "version": JSON_FORMAT_VERSION,
                   "schema_version": project.schema_version, "article_id": article_id},
        "articles": [], "labels": [asdict(label) for label in list_labels(project)],
        "claims": [], "reviews": [], "history": [],
    }
    done = 0
    for key, records, convert in (("articles", articles, asdict), ("claims", claims, claim_json),
                                  ("reviews", reviews, asdict), ("history", entries, asdict)):
        for record in records:
            out[key].append(convert(record))
            done += 1
            tick(done)
    return out


# -- W3C Web Annotation ------------------------------------------------------------------
def _claim_iri(claim_id: str) -> str:
    try:
        return uuid.UUID(claim_id).urn
    except ValueError:
        return f"urn:tahqiq:claim:{claim_id}"


def article_iri(article: dict[str, Any]) -> str:
    """The article's web address if it has one, else a URN naming it in this project."""
    url = (article.get("url") or "").strip()
    if url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url):
        return url
    return f"urn:tahqiq:article:{article['id']}"


def w3c_annotation(claim: Claim, article: dict[str, Any]) -> dict[str, Any]:
    """One claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/).

    The verdict is an ``assessing`` TextualBody holding the label key, the note a
    ``commenting`` one, each source a SpecificResource with purpose ``linking``
    (the model's way to give an external resource a purpose). The target carries
    both a TextQuoteSelector and a TextPositionSelector over the stored text.
    """
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": claim.label}]
    if claim.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note,
                     "format": "text/plain"})
    body += [{"type": "SpecificResource", "purpose": "linking", "source": url}
             for url in claim.sources]
    return {
        "@context": W3C_CONTEXT,
        "id": _claim_iri(claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "creator": {"type": "Person", "name": claim.annotator},
        "created": claim.created,
        "modified": claim.updated,
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": article_iri(article),
            "selector": [
                {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": claim.prefix,
                 "suffix": claim.suffix},
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


# -- schema.org ClaimReview --------------------------------------------------------------
def _is_iso_date(value: str) -> bool:
    """schema.org wants ISO 8601 dates; free-form "published" metadata is left out."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return len(value) >= 10


def claim_review(claim: Claim, article: dict[str, Any], label: Label,
                 scale: tuple[int, int]) -> dict[str, Any]:
    """One claim as a schema.org ClaimReview (https://schema.org/ClaimReview).

    ``reviewRating.alternateName`` is the label's English name (the human-readable
    verdict search engines show), ``identifier`` its key; the numeric rating comes
    from the label and is left out when it is outside the scale.
    """
    worst, best = scale
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label.name("en"),
                              "identifier": label.key}
    if worst <= label.rating <= best:
        rating.update(ratingValue=label.rating, bestRating=best, worstRating=worst)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.get("title") or ""}
    url = article_iri(article)
    if not url.startswith("urn:"):
        appearance["url"] = url
    published = (article.get("published") or "").strip()
    if _is_iso_date(published):
        appearance["datePublished"] = published
    if article.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    if article.get("language"):
        appearance["inLanguage"] = article["language"]
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "@id": _claim_iri(claim.id),
        "claimReviewed": claim.quote,
        "datePublished": claim.updated[:10],
        "author": {"@type": "Person", "name": claim.annotator},
        "reviewRating": rating,
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
    }
    if claim.note:
        review["reviewBody"] = claim.note
    if claim.sources:
        review["citation"] = [{"@type": "CreativeWork", "url": url} for url in claim.sources]
    return review


# -- the review packet -----------------------------------------------------------------
PACKET_FORMATS = ("pdf", "html")


def export_packet(project: Project, article_id: str, fmt: str, path: str | os.PathLike[str],
                  language: str = "en") -> Path:
    """Write the review packet of one article as ``pdf`` or ``html`` to *path*, whole or
    not at all: the one door for the app and the command line."""
    if fmt == "pdf":
        from store.exchange.packet_pdf import write_packet_pdf

        return write_packet_pdf(project, article_id, path, language)
    if fmt != "html":
        raise ValueError(f"unknown packet format {fmt!r}; choose from {PACKET_FORMATS}")
    from store.exchange.packet_html import packet_html

    html = packet_html(project, article_id, language)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
