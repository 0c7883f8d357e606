"""Claims: a span of an article with a verdict, a note and evidence.

Every function here is one user action, committed at once and written to the
history. Deleting leaves a tombstone so merges and undo can bring it back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from store.core import history
from store.core.articles import get_article
from store.core.labels import get_label
from store.core.project import Project
from store.core.records import CLAIM_COLUMNS, Claim
from store.core.stamps import utcnow
from store.errors import (
    AmbiguousId,
    ClaimNotFound,
    InvalidSource,
    InvalidSpan,
    QuoteNotFound,
    quoted,
)
from store.text import anchoring


def validate_sources(urls: Iterable[str]) -> tuple[str, ...]:
    """Strip, de-duplicate and check source links: absolute http(s) URLs only."""
    clean: list[str] = []
    for raw in urls:
        url = raw.strip()
        if not url:
            continue
        try:
            parts = urlsplit(url)
        except ValueError:  # e.g. "http://[::1": a bracketed host that is no IP address
            parts = None
        # No whitespace at all, not only spaces: a URL never holds any (it is
        # percent-encoded), and the CSV format separates sources by whitespace.
        if parts is None or parts.scheme.lower() not in ("http", "https") \
                or not parts.netloc or any(ch.isspace() for ch in url):
            raise InvalidSource("'{url}' is not a web link (http:// or https://).",
                                url=quoted(url))
        if url not in clean:
            clean.append(url)
    return tuple(clean)


def _insert(project: Project, claim: Claim, action: str = "create") -> None:
    project.db["claims"].insert(claim.to_row())
    history.record(project, "claim", claim.id, action, None, claim.to_row())


def create_claim(project: Project, article_id: str, start: int, end: int, label: str,
                 *, note: str = "", sources: Sequence[str] = (),
                 claim_id: str | None = None) -> Claim:
    """Tag ``text[start:end]`` (code points, end exclusive) of an article."""
    sources = validate_sources(sources)
    with project.transaction():
        article = get_article(project, article_id)
        if not (0 <= start < end <= len(article.text)):
            raise InvalidSpan("Span {start}–{end} is not inside the article (0–{length}).",
                              start=start, end=end, length=len(article.text))
        get_label(project, label)
        quote, prefix, suffix = anchoring.quote_selector(article.text, start, end)
        if not quote.strip():
            raise InvalidSpan("Select some words to tag, not only spaces.")
        now = utcnow()
        claim = Claim(
            id=claim_id or str(uuid.uuid4()), article_id=article_id, start=start, end=end,
            quote=quote, prefix=prefix, suffix=suffix, label=label, note=note,
            sources=sources, annotator=project.annotator, created=now, updated=now,
            updated_by=project.annotator,
        )
        _insert(project, claim)
    return claim


def tag_quote(project: Project, article_id: str, quote: str, label: str, *,
              occurrence: int = 1, note: str = "", sources: Sequence[str] = ()) -> Claim:
    """Tag the *occurrence*-th appearance of *quote* in the article."""
    article = get_article(project, article_id)
    start = anchoring.nth_occurrence(article.text, quote, occurrence)
    if start is None:
        count = len(anchoring.occurrences(article.text, quote))
        if count:
            raise QuoteNotFound("The quote appears only {count} time(s) in the article; "
                                "occurrence {occurrence} not found.",
                                count=count, occurrence=occurrence)
        raise QuoteNotFound(
            "The quote appears not at all in the article; occurrence {occurrence} not found.",
            occurrence=occurrence)
    return create_claim(project, article_id, start, start + len(quote), label,
                        note=note, sources=sources)


def get_claim(project: Project, claim_id: str) -> Claim:
    """A claim by id, tombstones included."""
    row = project.execute(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?",
                          [claim_id]).fetchone()
    if row is None:
        raise ClaimNotFound("No claim with id {id}.", id=claim_id)
    return Claim.from_values(row)


def resolve_claim(project: Project, id_or_prefix: str) -> Claim:
    prefix = id_or_prefix.strip()
    ids = project.id_by_prefix("claims", prefix) if prefix else []
    if not ids:
        raise ClaimNotFound("No claim with id '{id}'.", id=prefix)
    if len(ids) > 1:
        raise AmbiguousId("'{id}' matches several claims; give more of the id.", id=prefix)
    return get_claim(project, ids[0])


def list_claims(project: Project, article_id: str | None = None, *,
                include_deleted: bool = False) -> list[Claim]:
    """Claims in reading order (article, then start)."""
    where, params = [], []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if not include_deleted:
        where.append("deleted IS NULL")
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY article_id, start, end, created"
    return [Claim.from_values(row) for row in project.execute(sql, params)]


def update_claim(project: Project, claim_id: str, *, label: str | None = None,
                 note: str | None = None, sources: Sequence[str] | None = None) -> Claim:
    """Change a claim's verdict, note or sources; unchanged fields are left alone."""
    changes: dict[str, object] = {}
    if label is not None:
        get_label(project, label)
        changes["label"] = label
    if note is not None:
        changes["note"] = note
    if sources is not None:
        changes["sources"] = validate_sources(sources)
    with project.transaction():
        before = get_claim(project, claim_id)
        if before.is_deleted:
            raise ClaimNotFound("That claim has been deleted.")
        changes = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if not changes:
            return before
        after = replace(before, **changes, updated=utcnow(), updated_by=project.annotator)
        _write(project, before, after, "relabel" if set(changes) == {"label"} else "edit")
    return after


def delete_claim(project: Project, claim_id: str) -> Claim:
    """Tombstone a claim: it disappears from views but is kept for history and merging."""
    with project.transaction():
        before = get_claim(project, claim_id)
        if before.is_deleted:
            return before
        now = utcnow()
        after = replace(before, deleted=now, deleted_by=project.annotator, updated=now,
                        updated_by=project.annotator)
        _write(project, before, after, "delete")
    return after


def restore_claim(project: Project, claim_id: str) -> Claim:
    """Bring a tombstoned claim back (undo of delete, redo of create)."""
    with project.transaction():
        before = get_claim(project, claim_id)
        if not before.is_deleted:
            return before
        after = replace(before, deleted=None, deleted_by=None, updated=utcnow(),
                        updated_by=project.annotator)
        _write(project, before, after, "restore")
    return after


def reanchor(project: Project, claim_id: str, text: str, start: int, end: int) -> Claim:
    """Move a claim to new offsets in new text (inside set_article_text's transaction)."""
    before = get_claim(project, claim_id)
    quote, prefix, suffix = anchoring.quote_selector(text, start, end)
    after = replace(before, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix,
                    updated=utcnow(), updated_by=project.annotator)
    _write(project, before, after, "reanchor")
    return after


def _write(project: Project, before: Claim, after: Claim, action: str) -> None:
    row = after.to_row()
    project.db["claims"].update(after.id, {k: v for k, v in row.items() if k != "id"})
    history.record(project, "claim", after.id, action, before.to_row(), row)


def annotators(project: Project, article_id: str | None = None) -> list[str]:
    """Everyone with a live claim (on one article, or anywhere), alphabetically."""
    sql = "SELECT DISTINCT annotator FROM claims WHERE deleted IS NULL"
    params: list[str] = []
    if article_id is not None:
        sql += " AND article_id = ?"
        params.append(article_id)
    return [row[0] for row in project.execute(sql + " ORDER BY annotator", params)]


def count_live(project: Project, article_id: str) -> int:
    return project.execute(
        "SELECT count(*) FROM claims WHERE article_id = ? AND deleted IS NULL",
        [article_id]).fetchone()[0]
