"""Articles: the texts claims are made about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from store.core import article_texts, history, long_texts, schema, text_memo
from store.core.links import trimmed_link
from store.core.project import Project, id_chunks
from store.core.records import Article, text_value, text_values
from store.core.stamps import later_than, new_id, utcnow
from store.errors import AmbiguousId, ArticleNotFound, ImportRejected, InvalidSpan
from store.text import anchoring
from store.text.fold import INVISIBLE, WESTERN_DIGITS

METADATA_FIELDS = ("title", "outlet", "url", "published", "language")
LIST_COLUMNS = ", ".join(schema.ARTICLE_LIST_COLUMNS)
_ALL_BUT_TEXT = ", ".join(f'"{name}"' for name in Article._fields
                          if name != "text")


def _clean_field(value: str, direction: bool = False) -> str:
    """store.text.clean.clean_field, its module loaded when first needed (its patterns
    and records: ~2.5 ms of the window's start-up, which writes no field)."""
    from store.text.clean import clean_field as clean

    return clean(value, direction)


def _sha256(data: bytes = b"") -> Any:
    """hashlib.sha256, hashlib loaded at the first one: it loads OpenSSL's libcrypto
    (3.4 MB resident), which opening a project, reading and tagging never need."""
    import hashlib

    return hashlib.sha256(data)


def fingerprint(text: str) -> str:
    """SHA-256 of the text: the same text is the same article in any project."""
    return _sha256(text.encode("utf-8")).hexdigest()


def fingerprint_pieces(pieces: Iterable[str]) -> str:
    """fingerprint() of the text made of *pieces*, which is never held whole."""
    digest = _sha256()
    for piece in pieces:
        digest.update(piece.encode("utf-8"))
    return digest.hexdigest()


def add_article(project: Project, text: str, title: str, *, article_id: str | None = None,
                **metadata: str) -> Article:
    """Store a new article. Text must already be cleaned and NFC-normalised."""
    if not text.strip():
        raise ImportRejected("The article has no text.")
    now = utcnow()
    row: dict[str, Any] = {
        "id": article_id or new_id(),
        "title": _clean_field(title or "", True) or derive_title(text),
        "text": text,
        "fingerprint": fingerprint(text),
        "outlet": "", "url": "", "published": "", "language": "", "encoding": "",
        "source_name": "",
        "created": now, "created_by": project.annotator, "updated": now, "deleted": None,
    }
    row.update({k: _field(k, v) for k, v in metadata.items()})
    with project.transaction():
        project.insert("articles", row)
        history.record(project, "article", row["id"], "create", None, summary(row))
    return Article.from_row(row)


def add_article_pieces(project: Project, pieces: Iterable[str], size: int, digest: str,
                       title: str, *, article_id: str | None = None,
                       **metadata: str) -> str:
    """add_article for a text that arrives in *pieces* (cleaned, NFC, *size* bytes in
    UTF-8, SHA-256 *digest*), never held whole: a text longer than one part of the search
    index is stored in parts (store.core.long_texts, schema v7), so that neither Python
    nor SQLite holds more than a part of it while it is stored. All in one transaction:
    nobody sees the article before its text, nor its text without the article. Returns
    the article's id, its text not read back (get_article reads it).
    """
    if not size:
        raise ImportRejected("The article has no text.")
    now = utcnow()
    row: dict[str, Any] = {  # in add_article's order: the history entries read alike
        "id": article_id or new_id(), "title": _clean_field(title, True), "fingerprint": digest,
        "outlet": "", "url": "", "published": "", "language": "", "encoding": "",
        "source_name": "", "created": now, "created_by": project.annotator, "updated": now,
        "deleted": None,
    }
    row.update({k: _field(k, v) for k, v in metadata.items()})
    written, length = _sha256(), 0

    def checked() -> Iterator[str]:
        nonlocal length
        for piece in pieces:
            data = piece.encode("utf-8")
            length += len(data)
            if length > size:
                raise _changed()
            written.update(data)
            yield piece

    with project.transaction():
        text = long_texts.store(project.conn, row["id"], checked())
        if length != size or written.hexdigest() != digest:
            raise _changed()
        names = ", ".join(f'"{name}"' for name in row)
        # The insert trigger indexes the text, from the row or from its pieces.
        project.execute(f"INSERT INTO articles ({names}, text) "
                        f"VALUES ({', '.join('?' * len(row))}, ?)", [*row.values(), text or ""])
        history.record(project, "article", row["id"], "create", None, summary(row))
    return row["id"]


def from_row(project: Project, row: dict[str, Any]) -> Article:
    """The article of a row of the articles table, its text read from its pieces if it is
    stored in them (store.core.long_texts)."""
    if row["text"] == "":
        row = {**row, "text": long_texts.read(project.conn, row["id"])}
    return Article.from_row(row)


def _changed() -> ImportRejected:
    """The pieces were not the text that was measured (the file changed under the import):
    that file's refusal, not the project's, so the next files of an import go on
    (importing.import_each stops at a StorageError as at a full disk)."""
    return ImportRejected("The article's text changed while it was stored; "
                          "nothing was imported.")


def derive_title(text: str, limit: int = 80) -> str:
    """The first line of the text, cut at a word boundary, as a title is kept
    (clean_field: a tab in it is a space). Only that line is looked at: a 50 MB article
    is not split into its lines to find its title. The first line holding a letter or a
    digit: one of only direction marks or zero-width characters (a browser's, a chat's
    copy) titled an article with nothing to see (rv196); one of only symbols, when no
    line holds more."""
    found = _LETTER_OR_DIGIT.search(text) or _SHOWN.search(text)
    if found is None:
        return ""
    line = max(text.rfind(brk, 0, found.start()) for brk in _LINE_BREAKS) + 1
    start = _SHOWN.search(text, line).start()  # type: ignore[union-attr]
    brk = _LINE_BREAK.search(text, start)
    end = len(text) if brk is None else brk.start()
    reach = min(end, start + limit + 1)  # enough to tell a line longer than *limit*
    first = text[start:reach].rstrip()
    lead = text[line:start]  # (an RLM there sets how the line reads, and so the title)
    if len(first) <= limit and _SHOWN.search(text, reach, end) is None:
        return _clean_field(lead + first, True)
    return _clean_field(lead + text[start:start + limit].rsplit(" ", 1)[0], True) + "…"


# What str.splitlines() breaks lines at; what is seen (no space, nothing invisible).
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_SHOWN = re.compile(rf"[^\s{INVISIBLE}]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def summary(row: dict[str, Any]) -> dict[str, Any]:
    """What history keeps of an article: everything but the (possibly huge) text."""
    return {k: v for k, v in row.items() if k != "text"}


def get_article(project: Project, article_id: str) -> Article:
    rows = list(project.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        raise ArticleNotFound("No article with id {id}.", id=article_id)
    article = from_row(project, rows[0])
    text_memo.remember(project, article_id, article.text)
    return article


def quote_at(project: Project, article_id: str, start: int, end: int,
             text: str | None = None) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]`` (anchoring.quote_selector), read as
    a window of the article's text: tagging a long article need not read it whole. A
    caller quoting many places of one article passes its *text*, read once: a window of
    a 6 MB text cost 4 ms (SQLite walks the text's pages from its start), and a Tag All
    of 3,000 places paid it for each.

    SQLite counts a text's characters as Python does (code points) but stops at a NUL,
    so a window that comes back short — the text's end, or a NUL — is taken from the
    whole text instead, where a span outside the article is also told apart. A text
    stored in pieces (store.core.long_texts) gives its window from the pieces it spans.
    The long text last read whole is not read again (store.core.text_memo).
    """
    if type(start) is not int or type(end) is not int:  # (another program's «seven»)
        raise InvalidSpan("Span {start}–{end} is not inside the article (0–{length}).",
                          start=start, end=end, length="?")
    low = max(0, start - anchoring.CONTEXT)
    wanted = end + anchoring.CONTEXT - low
    if text is None:
        text = text_memo.recall(project, article_id)
    if text is not None:
        low, length = 0, len(text)
    else:
        row = project.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                              [low + 1, wanted, article_id]).fetchone()
        if row is None:
            raise ArticleNotFound("No article with id {id}.", id=article_id)
        if 0 <= start < end and len(row[0]) == wanted:
            return anchoring.quote_selector(row[0], start - low, end - low)
        length = None if row[0] else long_texts.length(project.conn, article_id)
        if length is None:  # stored whole
            text = get_article(project, article_id).text
            low, length = 0, len(text)
        elif 0 <= start < end <= length:  # stored in pieces: the window, from those it spans
            text = long_texts.read_range(project.conn, article_id, low, low + wanted)
    if not (0 <= start < end <= length):
        raise InvalidSpan("Span {start}–{end} is not inside the article (0–{length}).",
                          start=start, end=end, length=length)
    return anchoring.quote_selector(text, start - low, end - low)


def find_by_fingerprint(project: Project, digest: str) -> Article | None:
    """The first live article of that text. Its text is read with article_texts.read_text: this is
    how the claims CSV finds the article its rows name, within the memory its text takes."""
    row = _first_holder(project, digest)
    if row is None:
        return None
    rowid = row.pop("rowid")
    text = article_texts.read_text(project.conn, rowid, row["id"])
    return Article.from_row({**row, "text": text})


def holder_of(project: Project, digest: str) -> tuple[str, str] | None:
    """The id and title of the first live article of that text, its text not read: how
    importing a file again finds it."""
    row = _first_holder(project, digest)
    return None if row is None else (row["id"], text_value("articles", "title", row["title"]))


def _first_holder(project: Project, digest: str) -> dict[str, Any] | None:
    rows = list(project.query(
        f"SELECT rowid, {_ALL_BUT_TEXT} FROM articles WHERE fingerprint = ? "
        "AND deleted IS NULL ORDER BY created LIMIT 1", [digest]))
    return rows[0] if rows else None


def resolve_article(project: Project, id_or_prefix: str, *, deleted: bool = False
                    ) -> Article:
    """An article by id or by an unambiguous prefix of its id; a deleted one too if
    *deleted* (to bring it back)."""
    prefix = id_or_prefix.strip()
    if not prefix:
        raise ArticleNotFound("No article id given.")
    ids = project.id_by_prefix("articles", prefix, live_only="" if deleted else "deleted")
    if not ids:
        raise ArticleNotFound("No article with id '{id}'.", id=prefix)
    if len(ids) > 1:
        raise AmbiguousId("'{id}' matches several articles; give more of the id.", id=prefix)
    return get_article(project, ids[0])


def list_articles(project: Project) -> list[dict[str, Any]]:
    """Id, title and metadata of every live article, without their texts, oldest first.

    Answered from the index articles_live_list alone (schema v5): the row's columns
    after the text would make SQLite read every text to reach them. A value another
    program stored as bytes is said as damage (records.text_values), not a TypeError
    where it is printed (rv287).
    """
    return [text_values("articles", row) for row in project.query(
        f"SELECT {LIST_COLUMNS}, created FROM articles "
        "WHERE deleted IS NULL ORDER BY created, rowid")]


def list_ids(project: Project) -> list[str]:
    """The id of every live article, oldest first: the app's article list, straight from
    the index; its titles are read as rows are shown (:func:`titles_of`): reading the
    50,000 titles of a big project with their ids took 55 ms of its start, the ids 34."""
    return [row[0] for row in project.execute(
        "SELECT id FROM articles WHERE deleted IS NULL ORDER BY created, rowid")]


def titles_of(project: Project, article_ids: Sequence[str]) -> dict[str, str]:
    """{id: title} of the articles among *article_ids* (their texts are not read)."""
    titles: dict[str, str] = {}
    for chunk, marks in id_chunks(article_ids):
        titles.update(project.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})",
                                      chunk).fetchall())
    return titles


def title_of(project: Project, article_id: str) -> str:
    """An article's title, without reading its text (get_article reads it whole)."""
    title = titles_of(project, [article_id]).get(article_id)
    if title is None:
        raise ArticleNotFound("No article with id {id}.", id=article_id)
    return title


def is_deleted(project: Project, article_id: str) -> bool:
    """Whether an article was deleted, without reading its text: a search hit taken after
    its article went opened it (rv169)."""
    row = project.execute("SELECT deleted FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise ArticleNotFound("No article with id {id}.", id=article_id)
    return row[0] is not None


def claim_counts(project: Project) -> dict[str, dict[str, int]]:
    """{article id: {label key: live claims appearing there}}: a claim at two places
    of an article is one claim there (it was counted twice)."""
    counts: dict[str, dict[str, int]] = {}
    for row in project.query(
            "SELECT a.article_id, c.label, count(DISTINCT a.claim_id) AS n FROM appearances a "
            "JOIN claims c "
            "ON c.id = a.claim_id WHERE a.deleted IS NULL AND c.deleted IS NULL "
            "GROUP BY a.article_id, c.label"):
        counts.setdefault(row["article_id"], {})[row["label"]] = row["n"]
    return counts


def update_metadata(project: Project, article_id: str, **changes: str) -> Article:
    unknown = set(changes) - set(METADATA_FIELDS)
    if unknown:
        raise ValueError(f"not article metadata: {sorted(unknown)}")
    changes = {key: _field(key, value) for key, value in changes.items()}
    with project.transaction():
        before = get_article(project, article_id)
        if before.deleted is not None:  # (a colleague's delete, while a dialog was open)
            raise ArticleNotFound("This article was deleted meanwhile: bring it back first "
                                  "(Project ▸ Deleted Articles…, or tahqiq article {id} "
                                  "--restore).", id=article_id[:8])
        if "title" in changes:  # a title cleared is the text's first line, as on import
            changes["title"] = changes["title"] or derive_title(before.text)
        at = later_than(before.updated)
        project.update("articles", article_id, dict(changes, updated=at))
        after = get_article(project, article_id)
        history.record(project, "article", article_id, "edit",
                       summary(before._asdict()), summary(after._asdict()), at=at)
    return after


# A BCP 47 language tag in its common shape: a language of two or three letters, then
# any region, script or variant subtags («ar», «ar-EG», «zh-Hant-TW»).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _field(key: str, value: str | None) -> str:
    """An article detail as stored (clean_field); an address without the direction marks
    a link copied out of right-to-left text brings at its ends, as a source loses them
    (claims.validate_sources): kept, they made it no web link, left out of every export."""
    value = _clean_field(value or "", key == "title")
    return trimmed_link(value) if key == "url" else value


def is_language_tag(value: str) -> bool:
    """Whether a "language" value is a language tag (BCP 47), what schema.org's and the
    W3C's inLanguage/language want. Free-form like "published": JSON-LD leaves any other
    value out, and Article Properties and `tahqiq article` say so."""
    return _LANGUAGE_TAG.fullmatch(value) is not None


def is_iso_date(value: str) -> bool:
    """Whether a "published" value is an ISO 8601 date (or date and time) in the form
    schema.org wants (:func:`schema_date`). The field is free-form (imports bring other
    forms), so this is no refusal: ClaimReview leaves any other value out, and Article
    Properties says so."""
    return schema_date(value) is not None


# schema.org's Date and DateTime: 2024-03-05, 2024-03-05T10:00[:00[.000]][Z|+03:00]; a
# space for the T, as people type it, is taken too.
_SCHEMA_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
                          r"(?:Z|[+-]\d\d:\d\d)?)?", re.ASCII)


def schema_date(value: str) -> str | None:
    """A "published" value as schema.org's Date or DateTime, None when it is neither
    (Python's fromisoformat alone let «2024-W10-2», «20240305T1000», «+0300» and a space
    for the T into ClaimReview's datePublished). Its digits may be Arabic-Indic or
    Persian, as an Arabic keyboard types them: «٢٠٢٦-١٢-٠٥» was no date (rv98)."""
    value = value.translate(WESTERN_DIGITS)
    if not _SCHEMA_DATE.fullmatch(value):
        return None
    try:
        datetime.fromisoformat(value)  # (a 13th month, a 30th of February)
    except ValueError:
        return None
    return value.replace(" ", "T")
