"""Plain records the store hands out. Immutable: change them through store functions.

They are named tuples (``typing.NamedTuple``), not dataclasses: the window makes these
classes at start-up, and a frozen dataclass is built by compiling its methods from source
(5 M instructions a class: they were 4% of the whole start-up); a named tuple's class is
made at once, and its records quicker too. Change one with ``_replace``, read it as a
dict with ``_asdict``; its fields are ``_fields``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from store.errors import DatabaseProblem

if TYPE_CHECKING:
    from store.text.suggestion import Suggestion


def _row_values(cls: type, row: dict[str, Any], keep_none: tuple[str, ...] = ()
                ) -> dict[str, Any]:
    """A row's values for *cls*'s fields, NULL text read as "" (unless kept as None). A
    column missing from a damaged file's table reads as NULL."""
    return {k: "" if row.get(k) is None and k not in keep_none else row.get(k)
            for k in cls._fields}  # type: ignore[attr-defined]


# SQLite's name (typeof) for a value Python reads of each kind.
_KINDS = {bytes: "blob", int: "integer", float: "real"}


def stored_wrongly(table: str, column: str, value: Any) -> DatabaseProblem:
    """The message for *value*, not text, read from *table*.*column*, which holds text
    (another program's «CAST(text AS BLOB)»): said as `tahqiq check` names it («articles.title
    holds a blob value»), not the TypeError a str method on bytes raised in the window
    before it showed, or in `tahqiq articles` (rv287)."""
    kind = _KINDS.get(type(value), type(value).__name__)
    return DatabaseProblem("The project file is damaged ({problem}); what was saved before "
                           "is kept: `tahqiq check` tells what is damaged.",
                           problem=f"{table}.{column} holds a {kind} value, as another "
                                   "program left it")


def text_values(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """*row*, read from *table*, whose values are all text or none: raises
    :func:`stored_wrongly` for the first that is not. A type test a value, no query:
    `tahqiq articles` reads every article's row (50,000 in a big project) through it."""
    for column, value in row.items():
        if type(value) is not str and value is not None:
            raise stored_wrongly(table, column, value)
    return row


def text_value(table: str, column: str, value: Any) -> Any:
    """*value*, read from *table*.*column*, if it is text or none (:func:`text_values`)."""
    if type(value) is not str and value is not None:
        raise stored_wrongly(table, column, value)
    return value


def kept_name(name: Any) -> Any:
    """A label's or the organisation's name as Tahqiq keeps it: one line without control
    characters, terminal escapes or direction overrides (``clean.clean_field``, as an
    article's outlet), nothing invisible at its ends. Those names went into ClaimReview's
    ``author.name`` and ``reviewRating`` with an RLO and an 8-bit CSI raw (rv279): a name
    is stored so, and one an older Tahqiq or another program stored read so. Most hold
    nothing to clean, told at once, without loading the cleaning's patterns (the window
    reads the labels at start-up); what is no text, as it is."""
    if not isinstance(name, str) or (name.isprintable() and name == name.strip()):
        return name
    from store.text.clean import clean_field

    return clean_field(name)


# What a review decides (store.review.reviews; a file checked for another program's:
# store.core.soundness).
DECISIONS = ("accept", "reject")


class Article(NamedTuple):
    id: str
    title: str
    text: str
    fingerprint: str
    outlet: str = ""
    url: str = ""
    published: str = ""
    language: str = ""
    encoding: str = ""
    source_name: str = ""
    created: str = ""
    created_by: str = ""
    updated: str = ""
    deleted: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Article:
        """The article of a row; every field of it is text (or none, its deletion): bytes
        another program left in one are said as damage (:func:`text_values`)."""
        return cls(**text_values("articles", _row_values(cls, row, keep_none=("deleted",))))


class Label(NamedTuple):
    key: str
    name_en: str
    color: str
    position: int
    name_ar: str = ""
    shortcut: str = ""
    description: str = ""
    rating: int = 0
    created: str = ""
    updated: str = ""

    def name(self, language: str = "en") -> str:
        return (self.name_ar if language == "ar" and self.name_ar else self.name_en) or self.key

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Label:
        values = _row_values(cls, row)
        # A label another program wrote (a colleague's file, merged) may hold NULL or
        # text for its rating: read as no rating, as a whole number would be compared.
        rating = values["rating"]
        values["rating"] = rating if type(rating) is int else 0
        # (names an older Tahqiq stored as typed read as kept now: kept_name)
        values["name_en"], values["name_ar"] = map(kept_name, (values["name_en"],
                                                               values["name_ar"]))
        return cls(**values)


class Claim(NamedTuple):
    """What was checked: a verdict, a note and evidence, wherever the claim appears."""

    id: str
    label: str
    annotator: str  # who first tagged it
    created: str
    updated: str
    note: str = ""
    sources: tuple[str, ...] = ()
    updated_by: str = ""
    deleted: str | None = None
    deleted_by: str | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted is not None

    def to_row(self) -> dict[str, Any]:
        row = self._asdict()
        row["sources"] = json.dumps(list(self.sources), ensure_ascii=False)
        return row

    @classmethod
    def from_values(cls, row: Sequence[Any]) -> Claim:
        """A claim from the columns of :data:`CLAIM_COLUMNS`, in that order.

        Plain tuples, and no JSON parsing for the common empty source list: opening an
        article with thousands of claims spends its time here.
        """
        values = list(row)
        sources = values[_SOURCES]
        values[_SOURCES] = parse_sources(sources) if sources and sources != "[]" else ()
        for i in _OPTIONAL_TEXT:
            values[i] = values[i] or ""
        return cls(*values)


CLAIM_COLUMNS = ", ".join(f'"{name}"' for name in Claim._fields)
"""The claims table's columns as :meth:`Claim.from_values` reads them."""
_SOURCES = Claim._fields.index("sources")
_OPTIONAL_TEXT = [Claim._fields.index(n) for n in ("note", "updated_by")]


class Appearance(NamedTuple):
    """One place a claim appears: a span of an article, with the claim it belongs to.

    Its verdict, note and sources are the claim's (``label``, ``note``, ``sources``);
    who tagged these words (``annotator``) and when are its own.
    """

    id: str
    claim_id: str
    article_id: str
    start: int  # code points, Python str index
    end: int  # code points, exclusive
    quote: str
    annotator: str
    created: str
    updated: str
    claim: Claim
    prefix: str = ""
    suffix: str = ""
    updated_by: str = ""
    deleted: str | None = None
    deleted_by: str | None = None

    @property
    def label(self) -> str:
        return self.claim.label

    @property
    def note(self) -> str:
        return self.claim.note

    @property
    def sources(self) -> tuple[str, ...]:
        return self.claim.sources

    @property
    def is_deleted(self) -> bool:
        """Gone from view: the words were untagged, or the whole claim was deleted."""
        return self.deleted is not None or self.claim.deleted is not None

    @property
    def last_change(self) -> str:
        """When these words or their claim last changed."""
        return max(self.updated, self.claim.updated)

    def to_row(self) -> dict[str, Any]:
        """The appearances table's row (the claim is a row of its own)."""
        return {name: getattr(self, name) for name in APPEARANCE_FIELDS}

    @classmethod
    def from_values(cls, row: Sequence[Any]) -> Appearance:
        """An appearance from :data:`APPEARANCE_FIELDS` then :data:`CLAIM_COLUMNS`
        (the claim's columns prefixed ``c.``), as :func:`appearance_select` reads them."""
        own = dict(zip(APPEARANCE_FIELDS, row[:len(APPEARANCE_FIELDS)], strict=True))
        for name in ("prefix", "suffix", "updated_by"):
            own[name] = own[name] or ""
        return cls(claim=Claim.from_values(row[len(APPEARANCE_FIELDS):]), **own)


Spot = tuple[int, int, str]  # where a place's words are: start, end, and its quote


class Place(NamedTuple):
    """Where a claim appears, light: what the reader, the order of the claims table and
    the disagreements need of each of an article's many places - no quote, note or
    sources. An article with 50,000 claims is read as places in a tenth of the time and
    memory full :class:`Appearance` records take; the few shown in full are read by id.
    A tuple, so that SQLite's rows become places without a Python call each."""

    id: str
    claim_id: str
    article_id: str
    start: int
    end: int
    label: str
    annotator: str
    created: str

    @property
    def is_deleted(self) -> bool:
        return False  # only live places are listed

    @classmethod
    def of(cls, appearance: Appearance) -> Place:
        return cls(appearance.id, appearance.claim_id, appearance.article_id, appearance.start,
                   appearance.end, appearance.label, appearance.annotator, appearance.created)


APPEARANCE_FIELDS = ("id", "claim_id", "article_id", "start", "end", "quote", "annotator",
                     "created", "updated", "prefix", "suffix", "updated_by", "deleted",
                     "deleted_by")


def appearance_select(where: str = "", order: str = "", join: str = "") -> str:
    """``SELECT`` of appearances ``a`` joined with their claims ``c``, for
    :meth:`Appearance.from_values`; *where*, *order* and *join* (another table joined)
    are SQL added as they are."""
    claim = ", ".join(f"c.{name}" for name in CLAIM_COLUMNS.split(", "))
    own = ", ".join(f'a."{name}"' for name in APPEARANCE_FIELDS)
    sql = f"SELECT {own}, {claim} FROM appearances a JOIN claims c ON c.id = a.claim_id{join}"
    return sql + (f" WHERE {where}" if where else "") + (f" ORDER BY {order}" if order else "")


class Review(NamedTuple):
    id: str
    claim_id: str
    reviewer: str
    decision: str
    created: str
    comment: str = ""
    # The claim's label when it was reviewed: the verdict accepted or rejected. None for a
    # review written before schema 9, which did not record it (store.review.reviews.stands).
    label: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Review:
        return cls(**_row_values(cls, row, keep_none=("label",)))


class HistoryEntry(NamedTuple):
    id: str
    entity: str
    entity_id: str
    action: str
    who: str
    at: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> HistoryEntry:
        return cls(
            id=row.get("id") or "", entity=row.get("entity") or "",
            entity_id=row.get("entity_id") or "", action=row.get("action") or "",
            who=row.get("who") or "", at=row.get("at") or "",
            before=_record(row.get("before")), after=_record(row.get("after")),
        )


# A project file can be damaged where SQLite does not look (a byte of a JSON text changed,
# or another program wrote it): such a value reads as empty rather than stopping whoever
# reads it.
def read_json(text: str | bytes) -> Any:
    """``json.loads``, a text nested too deeply for Python (a thousand «[», which SQLite
    takes for JSON) refused as unreadable JSON is: ValueError. It was a RecursionError,
    which no reader caught: a colleague's file holding one, merged, broke this project's
    export and a claim's history for good."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def parse_sources(text: str) -> tuple[str, ...]:
    """A claim's JSON list of links; () when it is not one."""
    try:
        value = read_json(text)
    except (TypeError, ValueError):
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _record(text: str | None) -> dict[str, Any] | None:
    """A history entry's JSON record; None when there is none, or it is not one."""
    if not text:
        return None
    try:
        value = read_json(text)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


class KnownClaimHit(NamedTuple):
    """A suggestion with what the checker needs to judge it: the claim and where it was
    checked."""

    suggestion: Suggestion
    claim: Appearance  # the claim's first appearance (its verdict, note, sources)
    checked_in: tuple[str, ...]  # titles of the articles where the claim appears

    @property
    def start(self) -> int:
        return self.suggestion.start

    @property
    def end(self) -> int:
        return self.suggestion.end

    @property
    def claim_id(self) -> str:
        return self.suggestion.claim_id


class KnownClaimsFound(NamedTuple):
    """What the known-claims matcher (``store.core.known_claims.Matcher``) found in an
    article; ``complete`` is False when it stopped at its limit (an article holding the
    same claims many times over)."""

    hits: list[KnownClaimHit]
    complete: bool = True
