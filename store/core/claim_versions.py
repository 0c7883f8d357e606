"""Versions of one claim compared: what a side changed from the version both built on,
and what of that a merged record holds.

A merge (store.exchange.merge) keeps each side's change of a field of its own; the claim's
history (store.review.story) then tells what of the losing version was not kept. Both ask
the same question here, so that a merge counted as *combined* is never told as a loss,
nor a *conflict* as a combination.
"""

from __future__ import annotations

from typing import Any

from store.core.links import same_link
from store.core.records import read_json

# A claim's fields a colleague may change apart from the others.
OWN_FIELDS = ("label", "note", "sources")
# Where a merge_conflict history entry's record keeps the version both sides changed.
BASE_KEY = "_base"
# Marks a merge_conflict entry whose losing version is the newer one: a later change,
# of someone other than its author, replaced one of its values.
LATER_KEY = "_later"
# Stamps and identity: which version is which, not what it says.
_STAMPS = frozenset({"id", "annotator", "created", "updated", "updated_by", "deleted",
                     "deleted_by"})


def links(value: Any) -> list[str]:
    """A claim's sources as a list, whether written as JSON text (rows) or a list. A text
    that is no JSON list (another program's «5»: a merge stopped on a TypeError) is kept
    whole, as one link, rather than lost."""
    if isinstance(value, str):
        try:
            parsed = read_json(value or "[]")
        except ValueError:
            return [value]
        if not isinstance(parsed, list):
            return [value]
        value = parsed
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        return [str(value)]
    return [str(v) for v in value]


def among(url: str, these: list[str]) -> bool:
    """Whether *these* links hold *url*, however either spells it (links.same_link): a
    link added on each side of a merge, percent-encoded on one, was kept twice (rv239)."""
    return any(same_link(url, link) for link in these)


def value_of(row: dict[str, Any], name: str) -> Any:
    """A field as compared: sources as a list however they were written."""
    value = row.get(name)
    return links(value) if name == "sources" else value


def added_and_removed(side: dict[str, Any], base: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The links *side* added to *base*'s, and those it removed."""
    mine, before = links(side.get("sources")), links(base.get("sources"))
    return [u for u in mine if u not in before], [u for u in before if u not in mine]


def lost(loser: dict[str, Any], result: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """The fields in which *loser* changed *base* and *result* does not hold that change:
    "sources" when a link it added is missing or one it removed is back."""
    fields = []
    for name in loser:
        if name in _STAMPS:
            continue
        if name == "sources":
            added, removed = added_and_removed(loser, base)
            now = links(result.get(name))
            if any(not among(u, now) for u in added) or any(among(u, now) for u in removed):
                fields.append(name)
        elif value_of(loser, name) != value_of(base, name) and \
                value_of(result, name) != value_of(loser, name):
            fields.append(name)
    return fields
