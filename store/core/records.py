"""Plain records the store hands out. Immutable: change them through store functions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


def _fields(cls: type, row: dict[str, Any], keep_none: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row's values for *cls*'s fields, NULL text read as "" (unless kept as None)."""
    return {k: "" if row[k] is None and k not in keep_none else row[k]
            for k in cls.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Article:
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
        return cls(**_fields(cls, row, keep_none=("deleted",)))


@dataclass(frozen=True, slots=True)
class Label:
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
        return cls(**_fields(cls, row))


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article_id: str
    start: int  # code points, Python str index
    end: int  # code points, exclusive
    quote: str
    label: str
    annotator: str
    created: str
    updated: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    updated_by: str = ""
    deleted: str | None = None
    deleted_by: str | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted is not None

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
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
        values[_SOURCES] = tuple(json.loads(sources)) if sources and sources != "[]" else ()
        for i in _OPTIONAL_TEXT:
            values[i] = values[i] or ""
        return cls(*values)


CLAIM_COLUMNS = ", ".join(f'"{name}"' for name in Claim.__slots__)  # type: ignore[attr-defined]
"""The claims table's columns as :meth:`Claim.from_values` reads them."""
_SOURCES = Claim.__slots__.index("sources")  # type: ignore[attr-defined]
_OPTIONAL_TEXT = [Claim.__slots__.index(n)  # type: ignore[attr-defined]
                  for n in ("prefix", "suffix", "note", "updated_by")]


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    claim_id: str
    reviewer: str
    decision: str
    created: str
    comment: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Review:
        return cls(**_fields(cls, row))


@dataclass(frozen=True, slots=True)
class HistoryEntry:
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
            id=row["id"], entity=row["entity"], entity_id=row["entity_id"],
            action=row["action"], who=row["who"], at=row["at"],
            before=json.loads(row["before"]) if row["before"] else None,
            after=json.loads(row["after"]) if row["after"] else None,
        )
