"""The project's verdict labels.

A label's ``key`` is its identity: claims, exports and merges refer to it, so it
never changes. Names, colour, shortcut and rating are presentation and can be
edited freely - but no two labels share a shortcut: Qt finds such a key ambiguous
and it then tags nothing. Adding or editing refuses it; where labels meet without
anyone choosing (a merge, a project from before the refusal),
:func:`free_shared_shortcuts` leaves each shortcut to the oldest label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import resources
from store.core import history
from store.core.records import Label, kept_name
from store.core.stamps import later_than, utcnow
from store.errors import (
    AmbiguousLabel,
    ChangedSince,
    InvalidLabel,
    LabelNotFound,
    Message,
    Named,
)
from store.text.display import isolated
from store.text.fold import fold_query

if TYPE_CHECKING:
    from store.core.project import Project

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
# The single keys the window keeps for its own commands (gui.actions binds them from
# here): a label given one tagged nothing, and said nothing.
WINDOW_KEYS = {"review_accept": "A", "review_reject": "R", "edit_note": "N",
               "accept_suggestion": "Y", "dismiss_suggestion": "X"}
# A single key types another character when an Arabic keyboard layout is active: the
# window binds that character too, so the same key works in either layout, and two
# labels on the two characters of one key are on one key.
# (Every letter of the Arabic (101) layout and its punctuation keys, B aside, which types
# two: «لا». A label on Q had no twin, so with an Arabic layout its key typed «ض» and
# tagged nothing, and a label on «ض» beside it was one key for two verdicts: rv91, rv92.)
ARABIC_LAYOUT_TWINS = {
    "1": "١", "2": "٢", "3": "٣", "4": "٤", "5": "٥", "6": "٦", "7": "٧", "8": "٨", "9": "٩",
    "0": "٠", "A": "ش", "R": "ق", "N": "ى", "Y": "غ", "X": "ء",
    "Q": "ض", "W": "ص", "E": "ث", "T": "ف", "U": "ع", "I": "ه", "O": "خ", "P": "ح",
    "S": "س", "D": "ي", "F": "ب", "G": "ل", "H": "ا", "J": "ت", "K": "ن", "L": "م",
    "Z": "ئ", "C": "ؤ", "V": "ر", "M": "ة",
    ";": "ك", ",": "و", ".": "ز", "/": "ظ", "[": "ج", "]": "د", "'": "ط", "`": "ذ",
}
# The Persian layout's number row (and Urdu's) types the Persian digits «۱ ۲ ۳»: with it
# active, the verdict keys tagged nothing (rv107). Bound too.
PERSIAN_DIGIT_TWINS = {str(n): chr(0x06F0 + n) for n in range(10)}
_LATIN_TWIN = {twin: latin.casefold() for twins in (ARABIC_LAYOUT_TWINS, PERSIAN_DIGIT_TWINS)
               for latin, twin in twins.items()}


def layout_twins(shortcut: str) -> list[str]:
    """What the key of *shortcut* types with an Arabic or a Persian keyboard layout
    active, which the window binds with it (none for a key that types the same)."""
    key = shortcut.strip().upper()  # (q: Q's)
    return [twins[key] for twins in (ARABIC_LAYOUT_TWINS, PERSIAN_DIGIT_TWINS)
            if key in twins]
# The keys the window binds to its own commands besides those, as Qt writes them (a test
# holds them to the window's actions): a label given one made both do nothing, Qt finding
# the key ambiguous; Ctrl+Z on a label stopped Undo (rv91).
WINDOW_SHORTCUTS = (
    "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+E",
    "Ctrl+Shift+E", "Ctrl+F", "Ctrl+Shift+F", "Ctrl+I", "Ctrl+M", "Ctrl+N", "Ctrl+O",
    "Ctrl+W", "Ctrl+F4", "Ctrl+Q", "Ctrl+,", "Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0",
    "Ctrl+Up", "Ctrl+Down", "Ctrl+Return", "Ctrl+Shift+A", "Ctrl+Shift+M", "Ctrl+Shift+V",
    "Alt+Return", "Del", "F1", "F3", "Shift+F3", "F11")
# Keys that, alone, fields and lists act on: a label on one took it from them.
_TYPING_KEYS = {"esc", "return", "enter", "tab", "backtab", "backspace", "space", "del",
                "ins", "home", "end", "pgup", "pgdown", "up", "down", "left", "right"}
_SAME_NAMED_KEY = {"delete": "del", "escape": "esc", "insert": "ins"}  # (Qt reads both)
_MODIFIERS = {"ctrl", "alt", "shift", "meta"}
_FUNCTION_KEY = re.compile(r"f([1-9]|[12][0-9]|3[0-5])")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
EDITABLE = ("name_en", "name_ar", "color", "shortcut", "description", "rating")


# Colours a new label is offered, light enough for black words on them, of hues apart.
SUGGESTED_COLOURS = ("#B3D9FF", "#FFCC80", "#CE93D8", "#80CBC4", "#F48FB1", "#E6EE9C",
                     "#BCAAA4", "#9FA8DA", "#80DEEA", "#FFF59D", "#B0BEC5", "#FFAB91")


def suggested_colour(used: Iterable[str]) -> str:
    """The colour to offer a new label: of :data:`SUGGESTED_COLOURS`, the one farthest
    from every colour the labels have. Every new label was offered the same light blue,
    and seven pressed OK looked alike (rv91)."""
    taken = [_rgb(colour) for colour in used if COLOR_RE.fullmatch(colour or "")]
    if not taken:
        return SUGGESTED_COLOURS[0]
    return max(SUGGESTED_COLOURS,  # (the first of equals: max keeps the first it meets)
               key=lambda colour: min(_distance(_rgb(colour), other) for other in taken))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """How far apart two colours look, roughly: RGB weighted by how red they are (the
    «redmean» approximation; no colour science library for a dialog's first offer)."""
    red = (a[0] + b[0]) / 2
    dr, dg, db = a[0] - b[0], a[1] - b[1], a[2] - b[2]
    return ((2 + red / 256) * dr * dr + 4 * dg * dg + (2 + (255 - red) / 256) * db * db) ** 0.5


def rating_scale() -> tuple[int, int]:
    """(worst, best) numeric rating used by ClaimReview exports."""
    data = resources.label_set()
    return int(data["worst_rating"]), int(data["best_rating"])


def install_default_labels(project: Project) -> None:
    with project.transaction():
        for spec in resources.label_set()["labels"]:
            add_label(project, **spec)


def take_labels(project: Project, wanted: Sequence[Label]) -> None:
    """Make *wanted* (another project's) this project's whole label set, in its order,
    keys and all: a project started like another, before any claim or review holds a
    label (refused after: a claim's verdict would be gone from under it)."""
    with project.transaction():
        if project.execute("SELECT EXISTS (SELECT 1 FROM claims) "
                           "OR EXISTS (SELECT 1 FROM reviews)").fetchone()[0]:
            raise InvalidLabel("This project holds claims already: only a new project takes "
                               "another's labels.")
        for label in list_labels(project):
            project.execute("DELETE FROM labels WHERE key = ?", [label.key])
            history.record(project, "label", label.key, "delete", label._asdict(), None)
        for label in wanted:
            add_label(project, label.key, label.name_en, label.color, name_ar=label.name_ar,
                      shortcut="" if tags_nothing(label.shortcut) else label.shortcut,
                      description=label.description, rating=label.rating)
            # The model's label, with its times: the same label in every project started
            # like it is one label to a merge's shortcut rule (the older label keeps a
            # key), whichever of those projects a merge brings it from first.
            if label.created:
                project.execute("UPDATE labels SET created = ?, updated = ? WHERE key = ?",
                                [label.created, label.updated or label.created, label.key])


def list_labels(project: Project) -> list[Label]:
    return [Label.from_row(r) for r in project.query(
        "SELECT * FROM labels ORDER BY position, key")]


# A verdict whose label row is gone (:func:`stand_in`): the grey the review packet gives it.
GONE_COLOR = "#DDDDDD"


def stand_in(key: str) -> Label:
    """The label a claim's *key* is shown and exported as when no label row holds it:
    named by its key, grey, last, no rating (so ClaimReview gives its verdict by name and
    no number) and no shortcut. Another program (sqlite3, Datasette, which the README
    invites) deleted the row while claims carry the key: the claims still hold the
    verdict a fact-checker gave, and the key is its truest name left (the packet showed
    it so already), so every export and view goes on with it rather than dying (the
    ClaimReview export was a KeyError traceback) or losing the claims from its counts
    (`articles`, the summary: rv288). `tahqiq check` names the damage (a row of claims
    points at a missing row of labels), and adding the label again under that key
    mends it. Never written back: nothing may tag with it while its row is missing."""
    return Label(key=key, name_en=key, color=GONE_COLOR, position=1 << 62)


def with_gone(everyone: Sequence[Label], keys: Iterable[str]) -> list[Label]:
    """*everyone* (the project's labels), then a :func:`stand_in` for each of *keys* (the
    verdicts the claims counted carry) that none of them is, by key: the labels claims
    are counted under (`articles`, the summary), so no claim drops out of the counts.
    The keys are those the counts read anyway: no query more (`articles` is the command
    a script runs most)."""
    known = {label.key for label in everyone}
    return [*everyone, *(stand_in(key) for key in sorted(set(keys) - known))]


def get_label(project: Project, key: str) -> Label:
    rows = list(project.query("SELECT * FROM labels WHERE key = ?", [key]))
    if not rows:
        raise LabelNotFound("No label called '{key}'.", key=key)
    return Label.from_row(rows[0])


def same_name(name: str | None) -> str:
    """A label's name as a person may type it: case, spaces, harakat, tatweel, hamza seats
    and ة/ه aside («لم يتحقق منه» is «لم يُتحقق منه»), as Search folds words."""
    return " ".join(fold_query(name or "").split())


def find_label(project: Project, name: str) -> Label:
    """A label by its key, or by its English or Arabic name as typed (:func:`named`); a
    name two labels answer to is refused, naming them, rather than one of them chosen
    silently (a label renamed to another's key's word, two labels of one name after a
    merge)."""
    everyone = list_labels(project)
    found = named(everyone, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousLabel("'{name}' names more than one label ({which}): give its key.",
                             name=name, which=described_all(found))
    raise LabelNotFound("No label called '{name}' (labels: {known}).", name=name,
                        known=described_all(everyone))


def named(everyone: Sequence[Label], name: str) -> list[Label]:
    """The labels of *everyone* that *name* may mean: the one whose key it is, written as
    it is; else those it names, in English or Arabic, as typed (case, spaces and Arabic
    marks aside: :func:`same_name`), or whose key it is in capitals."""
    typed = name.strip()
    for label in everyone:
        if label.key == typed:
            return [label]
    wanted = same_name(typed)
    return [label for label in everyone if wanted and wanted in (
        label.key.casefold(), same_name(label.name_en), same_name(label.name_ar))]


def described(label: Label) -> str:
    """A label as the person knows it: its key and its names («disputed: Fabricated/مفبرك»)."""
    names = "/".join(n for n in (label.name_en, label.name_ar) if n)
    return f"{label.key}: {names}" if names else label.key


def described_all(labels: Iterable[Label]) -> Named:
    """Labels listed in a message, each :func:`described`; in Arabic each by its Arabic
    name, its key after it («موضع خلاف (disputed)»), set apart, with the Arabic comma
    (between Latin commas the Arabic names ran into the next label's key, «disputed:» at
    the far end of the line, rv143)."""
    labels = list(labels)
    # (an Arabic name and its key read right to left, RLI, even when the name begins
    # with Latin letters or digits: «COVID-19 خرافة», isolated by its first letter,
    # read its key first and its words backwards)
    return Named(", ".join(map(described, labels)), ar="، ".join(
        isolated(f"{label.name_ar} ({label.key})", "\u2067") if label.name_ar
        else isolated(described(label)) for label in labels))


def _refuse_taken_name(project: Project, key: str, values: dict[str, Any]) -> None:
    """Two labels of one name look like one verdict in the legend, the filter and the
    Disagreements panel, yet count as two (0% agreement between colleagues who chose
    «مضلل») and `--label NAME` could reach only one."""
    others = [label for label in list_labels(project) if label.key != key]
    for field in ("name_en", "name_ar"):
        wanted = same_name(values.get(field))
        if not wanted:
            continue
        for other in others:
            taken = next((n for n in (other.name_en, other.name_ar)
                          if same_name(n) == wanted), None)
            if taken is not None:
                raise InvalidLabel("The label '{other}' is already called '{name}': two "
                                   "verdicts of one name cannot be told apart.",
                                   other=other.key, name=taken)


def _trimmed(name: str) -> str:
    """A name as typed or pasted, as kept (records.kept_name): without the spaces,
    direction marks and zero-width characters at its ends (a name copied out of
    right-to-left text brings marks that nothing shows, «Misleading\u200f», and a refusal
    then quoted them), and without the controls, escapes and overrides an article's outlet
    loses (a label renamed «Dis\u202eputed\x1b[31m» in the window, which offers «Insert
    Unicode control character», was published so in ClaimReview's reviewRating, rv279)."""
    return kept_name(name)


def _validate(values: dict[str, Any]) -> None:
    """Refuse what cannot be a label's; a rating typed as text becomes its number."""
    if "rating" in values:
        values["rating"] = _rating(values["rating"])
    if "color" in values and not COLOR_RE.fullmatch(values["color"] or ""):
        raise InvalidLabel("'{color}' is not a colour like #RRGGBB.", color=values["color"])
    if "name_en" in values and not (values["name_en"] or "").strip():
        raise InvalidLabel("A label needs a name.")
    if (values.get("shortcut") or "").strip() and _one_key(values["shortcut"]) is None:
        # («10» was taken, and shown in the legend: Qt binds it to nothing, and 1 then 0
        # tagged the words as the first verdict, then relabelled them as 0's: rv91)
        raise InvalidLabel("The shortcut {shortcut} is not one key: give one key (a digit, "
                           "a letter, F2…), with Ctrl, Alt or Shift if wanted.",
                           shortcut=values["shortcut"])


def _rating(value: Any) -> int:
    """A rating is a whole number on ClaimReview's scale (its ratingValue), or 0 for none:
    the Labels table took 7 or -2, which ClaimReview then left out unsaid (the New Label
    dialog offers 0 to 5)."""
    try:
        rating = int(str(value).strip())
    except ValueError:
        raise InvalidLabel("'{rating}' is not a rating: a rating is a whole number.",
                           rating=value) from None
    worst, best = rating_scale()
    if rating and not worst <= rating <= best:
        raise InvalidLabel("A rating is from {worst} to {best}, or 0 for none (ClaimReview "
                           "leaves out any other).", worst=worst, best=best)
    return rating


def add_label(project: Project, key: str, name_en: str, color: str, *, name_ar: str = "",
              shortcut: str = "", description: str = "", rating: int = 0) -> Label:
    if not KEY_RE.fullmatch(key):
        raise InvalidLabel(
            "'{key}' is not a valid label key (lower-case letters, digits and _).", key=key)
    row = {"key": key, "name_en": _trimmed(name_en), "name_ar": _trimmed(name_ar), "color": color,
           "shortcut": shortcut, "description": description, "rating": rating}
    _validate(row)
    with project.transaction():
        if project.execute("SELECT 1 FROM labels WHERE key = ?", [key]).fetchone():
            raise InvalidLabel("A label '{key}' already exists.", key=key)
        _refuse_taken_shortcut(project, key, row["shortcut"])
        _refuse_taken_name(project, key, row)
        position = project.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
        now = utcnow()
        row.update(position=position, created=now, updated=now)
        project.db["labels"].insert(row)
        history.record(project, "label", key, "create", None, row)
    return Label.from_row(row)


def update_label(project: Project, key: str, *, expect: Mapping[str, object] | None = None,
                 **changes: Any) -> Label:
    """Rename, recolour or re-key-bind a label; the key itself stays. *expect*: the
    values an undo or a redo finds in place of what it puts back (ChangedSince if not
    so: an undo of a colour put back the old one over another window's newer, rv144)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidLabel("Cannot change {fields} of a label.",
                           fields=", ".join(sorted(unknown)))
    changes.update({field: _trimmed(changes[field] or "")
                    for field in ("name_en", "name_ar") if field in changes})
    _validate(changes)
    with project.transaction():
        before = get_label(project, key)
        if expect and any(getattr(before, field) != value for field, value in expect.items()):
            raise ChangedSince("This label was changed since, in another window or program; "
                               "going back would overwrite that.")
        _refuse_taken_name(project, key, changes)
        if "shortcut" in changes:
            _refuse_taken_shortcut(project, key, changes["shortcut"])
        row = dict(changes, updated=later_than(before.updated))
        project.db["labels"].update(key, row)
        after = get_label(project, key)
        history.record(project, "label", key, "update", before._asdict(), after._asdict(),
                       at=row["updated"])
    return after


def _refuse_taken_shortcut(project: Project, key: str, shortcut: str | None) -> None:
    """Two labels on one key: the key then tags nothing at all (Qt finds it ambiguous)."""
    wanted = same_key(shortcut)
    if not wanted:
        return
    if _kept_by_window(shortcut or ""):
        raise InvalidLabel("The key {shortcut} is kept for one of the window's own commands "
                           "(Help ▸ Keyboard Shortcuts lists them): choose another.",
                           shortcut=shortcut)
    for other, taken, name_en, name_ar in project.execute(
            "SELECT key, shortcut, name_en, name_ar FROM labels WHERE key <> ?", [key]):
        if same_key(taken) == wanted:
            raise InvalidLabel("The shortcut {shortcut} already tags as '{other}'.",
                               shortcut=shortcut,
                               other=Named(name_en or other, ar=name_ar or name_en or other))


def _kept_by_window(shortcut: str) -> bool:
    """Whether the window binds *shortcut* to its own commands, fields or menus."""
    modifiers, pressed = _one_key(shortcut) or (frozenset(), "")
    return same_key(shortcut) in _WINDOWS_OWN \
        or (not modifiers and pressed in _TYPING_KEYS) \
        or (modifiers == {"alt"} and pressed.isalpha())  # (Alt and a letter: the menus)


def tags_nothing(shortcut: str | None) -> bool:
    """Whether a label's *shortcut*, as an older Tahqiq or another program wrote it,
    cannot tag here: not one key, or one of the window's."""
    shortcut = (shortcut or "").strip()
    return bool(shortcut) and (_one_key(shortcut) is None or _kept_by_window(shortcut))


def same_key(shortcut: str | None) -> str:
    """A shortcut as Qt tells keys apart: "a" and " A" are one key, and so are "1" and
    "١", one key in two keyboard layouts, and "Shift+Ctrl+1" and "ctrl+shift+1"."""
    parts = _one_key(shortcut or "")
    if parts is None:
        return (shortcut or "").strip().casefold()
    modifiers, key = parts
    return "+".join([*sorted(modifiers), _LATIN_TWIN.get(key, key)])


def _one_key(shortcut: str) -> tuple[frozenset[str], str] | None:
    """The modifiers and the key of *shortcut*, case folded, if it is one key as Qt reads
    it («Ctrl+Shift+1», «F2», «ض», «Ctrl++»); None for «10» or «qq», which it binds to
    nothing."""
    modifiers, key = [], shortcut.strip()
    while "+" in key[:-1]:  # (the last "+" of «Ctrl++» is the key)
        modifier, key = key.split("+", 1)
        modifiers.append(modifier.strip().casefold())
    key = key.strip().casefold()
    key = _SAME_NAMED_KEY.get(key, key)
    if not set(modifiers) <= _MODIFIERS:
        return None
    if len(key) == 1 or _FUNCTION_KEY.fullmatch(key) or key in _TYPING_KEYS:
        return frozenset(modifiers), key
    return None


_WINDOWS_OWN = frozenset(map(same_key, (*WINDOW_KEYS.values(), *WINDOW_SHORTCUTS)))


class SharedName(NamedTuple):
    """Two labels one name calls (a colleague's label, brought by a merge, named as one
    here): one verdict counted as two, in agreement, disagreements and exports."""

    label: str  # the key of the later label
    other: str  # the key of the earlier one
    name: str  # as the later label writes it

    def message(self) -> Message:
        """What the person should know, and what to do."""
        return Message("Labels {label} and {other} are both called '{name}', and count as "
                       "two verdicts: rename one in Project ▸ Labels…, or tag its claims "
                       "with the other.", label=self.label, other=self.other, name=self.name)


def shared_names(project: Project) -> list[SharedName]:
    """The labels whose name an earlier label (in the legend's order) already has, as
    :func:`same_name` compares them; adding or renaming one so is refused, but a merge
    brings a colleague's labels as they are."""
    first: dict[str, str] = {}  # a name as compared: the key of the first label with it
    shared = []
    for label in list_labels(project):
        others = set()
        for name in (label.name_en, label.name_ar):
            compared = same_name(name)
            if not compared:
                continue
            earlier = first.setdefault(compared, label.key)
            if earlier != label.key and earlier not in others:
                others.add(earlier)
                shared.append(SharedName(label.key, earlier, name))
    return shared


class FreedShortcut(NamedTuple):
    """A label that lost its shortcut to an older label holding the same key, or (no
    *kept_by*) because the key tags nothing here."""

    label: str  # the key of the label whose shortcut was cleared
    shortcut: str
    kept_by: str  # the key of the label that keeps it
    # Their names in each language (errors.Named), once read: the message said
    # «false» and «misleading» to an Arabic reader of «كاذب» and «مضلل» (rv104).
    names: tuple[str, str] = ("", "")

    def message(self) -> Message:
        """What the person should know: which key is whose now, and what to do."""
        label, kept_by = self.names[0] or self.label, self.names[1] or self.kept_by
        if not self.kept_by:
            return Message("Label {label} had the shortcut {shortcut}, which tags nothing "
                           "here (it is not one key, or the window keeps it for its own "
                           "commands): it was cleared; give {label} a new one in Project ▸ "
                           "Labels…", label=label, shortcut=self.shortcut)
        return Message("Labels {label} and {kept_by} had the same shortcut {shortcut}, and "
                       "a key on two labels tags nothing: {kept_by}, the older label, keeps "
                       "it; give {label} a new one in Project ▸ Labels…", label=label,
                       kept_by=kept_by, shortcut=self.shortcut)


def shared_shortcuts(rows: Iterable[tuple[str, str | None, str | None]]) -> list[FreedShortcut]:
    """Which labels must give up their shortcut, from (key, shortcut, created) rows.

    Of the labels on one key, the one created first keeps it (equal times: the smaller
    key). The rule reads nothing but the labels themselves - not which file was here
    first - so merging A then B or B then A leaves the same label on each key.
    """
    holders: dict[str, list[tuple[str, str, str]]] = {}
    freed = []
    for key, shortcut, created in rows:
        if tags_nothing(shortcut):  # (an older Tahqiq took «10» or Ctrl+Z: rv92)
            freed.append(FreedShortcut(key, (shortcut or "").strip(), ""))
        elif same_key(shortcut):
            holders.setdefault(same_key(shortcut), []).append(
                (created or "", key, (shortcut or "").strip()))
    for holding in holders.values():
        holding.sort()
        keeper = holding[0][1]
        freed += [FreedShortcut(key, shortcut, keeper) for _, key, shortcut in holding[1:]]
    return sorted(freed)


def clashing_shortcuts(project: Project) -> list[FreedShortcut]:
    """What :func:`free_shared_shortcuts` would clear now (only read)."""
    return shared_shortcuts(project.execute("SELECT key, shortcut, created FROM labels"))


def free_shared_shortcuts(project: Project) -> list[FreedShortcut]:
    """Clear the shortcut of every label that shares it with an older label, or whose
    shortcut tags nothing here (:func:`tags_nothing`).

    For labels that met without anyone choosing: a merge bringing a colleague's label
    on a key a label here has, or a project written before adding such a label was
    refused. Each clearing is in the label's history, by this project's annotator.
    Nothing to clear (nearly always) takes no write lock: opening a project asks too
    (:func:`clashing_shortcuts` first, waiting for another program as any read does).
    """
    if not clashing_shortcuts(project):
        return []
    with project.transaction():
        freed = shared_shortcuts(project.execute("SELECT key, shortcut, created FROM labels"))
        for cleared in freed:
            before = get_label(project, cleared.label)
            project.db["labels"].update(cleared.label, {"shortcut": "", "updated": utcnow()})
            history.record(project, "label", cleared.label, "update", before._asdict(),
                           get_label(project, cleared.label)._asdict())
    return [cleared._replace(names=(label_named(project, cleared.label),
                                    label_named(project, cleared.kept_by) if cleared.kept_by
                                    else "")) for cleared in freed]


def label_named(project: Project, key: str) -> Named:
    """A label's name in each language, for a message: its key is no one's name for it,
    but follows a name another label has too («False (misleading)»: a merge brought a
    second «False», and «give False a new one» could be either, rv216)."""
    everyone = list_labels(project)
    english = {label.key: label.name_en or label.key for label in everyone}
    arabic = {label.key: label.name_ar or english[label.key] for label in everyone}
    if key not in english:  # (a damaged file's claim of no label)
        return Named(key)

    def shared(names: dict[str, str]) -> bool:
        return any(other != key and same_name(name) == same_name(names[key])
                   for other, name in names.items())

    return Named(f"{english[key]} ({key})" if shared(english) else english[key],
                 ar=isolated(f"{arabic[key]} ({key})", "\u2067") if shared(arabic)
                 else arabic[key])
