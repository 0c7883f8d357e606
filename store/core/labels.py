"""The project's verdict labels.

A label's ``key`` is its identity: claims, exports and merges refer to it, so it
never changes. Names, colour, shortcut and rating are presentation and can be
edited freely.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import resources
from store.core import history
from store.core.records import Label
from store.core.stamps import utcnow
from store.errors import InvalidLabel, LabelNotFound

if TYPE_CHECKING:
    from store.core.project import Project

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
EDITABLE = ("name_en", "name_ar", "color", "shortcut", "description", "rating")


def rating_scale() -> tuple[int, int]:
    """(worst, best) numeric rating used by ClaimReview exports."""
    data = resources.label_set()
    return int(data["worst_rating"]), int(data["best_rating"])


def install_default_labels(project: Project) -> None:
    with project.transaction():
        for spec in resources.label_set()["labels"]:
            add_label(project, **spec)


def list_labels(project: Project) -> list[Label]:
    return [Label.from_row(r) for r in project.query(
        "SELECT * FROM labels ORDER BY position, key")]


def get_label(project: Project, key: str) -> Label:
    rows = list(project.query("SELECT * FROM labels WHERE key = ?", [key]))
    if not rows:
        raise LabelNotFound("No label called '{key}'.", key=key)
    return Label.from_row(rows[0])


def find_label(project: Project, name: str) -> Label:
    """A label by key or by its English or Arabic name, case-insensitively."""
    wanted = name.strip().casefold()
    for label in list_labels(project):
        if wanted in (label.key.casefold(), label.name_en.casefold(), label.name_ar.casefold()):
            return label
    known = ", ".join(label.key for label in list_labels(project))
    raise LabelNotFound("No label called '{name}' (labels: {known}).", name=name, known=known)


def _validate(values: dict[str, Any]) -> None:
    """Refuse what cannot be a label's; a rating typed as text becomes its number."""
    if "rating" in values:
        values["rating"] = _rating(values["rating"])
    if "color" in values and not COLOR_RE.match(values["color"] or ""):
        raise InvalidLabel("'{color}' is not a colour like #RRGGBB.", color=values["color"])
    if "name_en" in values and not (values["name_en"] or "").strip():
        raise InvalidLabel("A label needs a name.")


def _rating(value: Any) -> int:
    """A rating is a whole number (ClaimReview's ratingValue; 0 for none)."""
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidLabel("'{rating}' is not a rating: a rating is a whole number.",
                           rating=value) from None


def add_label(project: Project, key: str, name_en: str, color: str, *, name_ar: str = "",
              shortcut: str = "", description: str = "", rating: int = 0) -> Label:
    if not KEY_RE.match(key):
        raise InvalidLabel(
            "'{key}' is not a valid label key (lower-case letters, digits and _).", key=key)
    row = {"key": key, "name_en": name_en.strip(), "name_ar": name_ar.strip(), "color": color,
           "shortcut": shortcut, "description": description, "rating": rating}
    _validate(row)
    with project.transaction():
        if project.execute("SELECT 1 FROM labels WHERE key = ?", [key]).fetchone():
            raise InvalidLabel("A label '{key}' already exists.", key=key)
        _refuse_taken_shortcut(project, key, row["shortcut"])
        position = project.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
        now = utcnow()
        row.update(position=position, created=now, updated=now)
        project.db["labels"].insert(row)
        history.record(project, "label", key, "create", None, row)
    return Label.from_row(row)


def update_label(project: Project, key: str, **changes: Any) -> Label:
    """Rename, recolour or re-key-bind a label; the key itself stays."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidLabel("Cannot change {fields} of a label.",
                           fields=", ".join(sorted(unknown)))
    _validate(changes)
    with project.transaction():
        before = get_label(project, key)
        if "shortcut" in changes:
            _refuse_taken_shortcut(project, key, changes["shortcut"])
        row = dict(changes, updated=utcnow())
        project.db["labels"].update(key, row)
        after = get_label(project, key)
        history.record(project, "label", key, "update", _as_dict(before), _as_dict(after))
    return after


def _refuse_taken_shortcut(project: Project, key: str, shortcut: str | None) -> None:
    """Two labels on one key: the key then tags nothing at all (Qt finds it ambiguous)."""
    wanted = (shortcut or "").strip().casefold()
    if not wanted:
        return
    for other, taken in project.execute("SELECT key, shortcut FROM labels WHERE key <> ?",
                                        [key]):
        if (taken or "").strip().casefold() == wanted:
            raise InvalidLabel("The shortcut {shortcut} already tags as '{other}'.",
                               shortcut=shortcut, other=other)


def _as_dict(label: Label) -> dict[str, Any]:
    return {k: getattr(label, k) for k in Label.__slots__}  # type: ignore[attr-defined]
