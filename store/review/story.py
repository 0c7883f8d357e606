"""A claim's history told in sentences: the one narrator for the command line and the app.

History keeps whole records before and after each change; people want to read what
changed. Each entry becomes one line, ``AT  WHO  ACTION  what changed`` on the command
line, ``AT  WHO  what changed`` in the app - for example ``label: unchecked → disputed``
or ``sources: +1``. Every phrase is a
:class:`~store.errors.Message`: the command line prints its English, the app shows the
same phrase translated (a phrase inside a phrase is translated too), with verdicts by
their names in the interface language (*label_name*).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.core import claim_versions, history
from store.core.records import HistoryEntry
from store.core.stamps import shown_time
from store.errors import Message
from store.review.reviews import same_person

# Bookkeeping that changes with every edit and says nothing about the edit itself.
IGNORED = frozenset({"id", "created", "created_by", "updated", "updated_by", "prefix",
                     "suffix", "deleted_by", claim_versions.BASE_KEY,
                     claim_versions.LATER_KEY, history.LIFTED_KEY,
                     history.SPLIT_FROM_KEY})
SHORT = 40  # longer values are reported as "edited" rather than quoted
LabelName = Callable[[str], str]


def _key(key: str) -> str:
    return key


def describe(entry: HistoryEntry, note_by: str | None = None,
             claim_id: str | None = None, edited_by: str | None = None) -> str:
    """``AT  WHO  ACTION  summary`` for the command line: the time to the second (UTC, as
    on every machine) and the action's key, a column scripts can rely on. *note_by*: who
    wrote the note the entry replaced (``note_writers``); *claim_id*: the claim whose
    history it is (words linked away from it read «joined this claim», rv149);
    *edited_by*: whose edit a deletion was kept over (``conflict_editors``)."""
    said = _moved_away(entry) if claim_id is not None and _left(entry, claim_id) \
        else summarize(entry, note_by=note_by, edited_by=edited_by)
    return (f"{shown_time(entry.at, seconds=True, utc=True)}  {entry.who}  {entry.action}  "
            f"{said}")


def note_writers(entries: list[HistoryEntry]) -> dict[str, str]:
    """For each of a claim's *entries* that writes over its note: who wrote the note it
    replaced, by the first entry before it that set that very text (the version a
    merge conflict kept, by its own author). The claim's last author was taken for it
    (a verdict changed by a colleague made my own note read as theirs), and then the
    last writer of the note in time, which, two copies' entries merged, was the other
    copy's: a colleague's own note read as mine. Notes are compared as kept: schema 14's
    upgrade cleaned a note an older Tahqiq kept raw, while the entry that wrote it stays
    raw, and the note's writer was missed (rv262)."""
    replaced: dict[str, str] = {}
    writers: dict[tuple[str, str], str] = {}  # (claim, note text): who wrote it last
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        if entry.entity != "claim" or "note" not in after:
            continue
        old, new = str(before.get("note") or ""), str(after.get("note") or "")
        if entry.before is not None and old == new:
            continue
        if old and (writer := writers.get((entry.entity_id, old))
                    or _kept_writer(writers, entry.entity_id, old)) is not None:
            replaced[entry.id] = writer
        # The first to write a text is its author: an undo writing a colleague's text back
        # made it the undoer's.
        writers.setdefault((entry.entity_id, new), str(after.get("updated_by") or entry.who)
                           if entry.action == "merge_conflict" else entry.who)
    return replaced


def _kept_writer(writers: dict[tuple[str, str], str], claim_id: str,
                 note: str) -> str | None:
    """Who first wrote a text of *claim_id* kept as *note*, for a note no entry wrote as
    it is (a raw one the upgrade cleaned): only then are texts cleaned, History cheap."""
    from store.text.clean import clean_note  # (its patterns: not at start-up)

    return next((who for (claim, text), who in writers.items()
                 if claim == claim_id and clean_note(text) == note), None)


def conflict_editors(entries: list[HistoryEntry]) -> dict[str, str]:
    """For each of a claim's *entries* that kept a deletion over a deleted version with an
    edit (a merge conflict, both versions deleted): who made the edit the record keeps, by
    the last entry before it that wrote that content, not deleted. A deletion stamps the
    version it deletes as its deleter's (updated_by), and a colleague's edit was told as
    the deleter's: «kept badr's deletion over badr's edit» for Chadi's (rv250)."""
    edited: dict[str, str] = {}
    writers: dict[tuple[str, tuple[Any, ...]], str] = {}  # (claim, content): its last writer
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        if entry.entity != "claim" or entry.after is None:
            continue
        content = _content(after)
        if entry.action == "merge_conflict":
            if before.get("deleted") and after.get("deleted") and (
                    writer := writers.get((entry.entity_id, content))) is not None:
                edited[entry.id] = writer
        elif not after.get("deleted") and (entry.before is None or _content(before) != content):
            writers[entry.entity_id, content] = entry.who
    return edited


def _content(row: dict[str, Any]) -> tuple[Any, ...]:
    """A claim version's own fields, compared as ``claim_versions`` compares them."""
    return tuple(str(claim_versions.value_of(row, name)) for name in claim_versions.OWN_FIELDS)


def tell(entry: HistoryEntry, label_name: LabelName = _key,
         article_title: Callable[[str], str | None] | None = None) -> Message:
    """``AT  WHO  what changed`` for people, verdicts by *label_name*: the app's line.
    With *article_title* (a claim in several articles), a place's line names its article
    (where it gives a title): a claim in seven articles read «tagged “…”» seven times."""
    place = entry if entry.entity == "appearance" else None
    return _line(entry, summarize(entry, label_name), place, article_title)


_MADE = ("create", "import")  # the actions that make a claim with its first place
# What one step does to many places at one time (a Tag All, its undo, its redo), told as
# one line: a dozen «untagged “…”» lines for one Ctrl+Z.
_TOGETHER = (*_MADE, "delete", "restore")


def tell_all(entries: list[HistoryEntry], label_name: LabelName = _key,
             article_title: Callable[[str], str | None] | None = None,
             claim_id: str | None = None, *,
             who: Callable[[str], str] = str) -> list[Message]:
    """The app's lines for a claim's *entries* (``tell``), one for each thing done. A tag
    writes the claim and its first place at once, which read as two lines («created as
    disputed», «tagged “…”»: "History (2)" after one tag); they are told as one, «created
    as disputed: “…”». So are an Unlink's new claim and the words moved to it («split
    off…», then «“…” joined this claim», as if linked by hand), and the places one Tag
    All writes at one time («tagged “…”», a dozen times), as are those its undo untags
    and its redo tags again. Told as the story of
    *claim_id*, words linked from it to another claim left it: they had «joined this
    claim» (an Unlink undone, in the new claim's story). *who* sets a name among the
    other words. A deletion two copies each wrote an entry of (each found the claim left
    with no words by a merge, their versions of it differing: store.exchange.merge) is
    told once. The command line keeps a line an entry (``describe``)."""
    places = {_tagged_with(entry): entry for entry in entries
              if entry.entity == "appearance" and _makes(entry)}
    at_once: dict[tuple[str, str, str, object], list[HistoryEntry]] = {}  # Tag All's places
    for entry in entries:
        if entry.entity == "appearance" and _together(entry):
            at_once.setdefault(_placed_with(entry), []).append(entry)
    lines, told, deletions = [], set(), set()
    note_by, edited_by = note_writers(entries), conflict_editors(entries)
    for index, entry in enumerate(entries):
        deletion = _deletion(entry)
        if entry.id in told or deletion in deletions:
            continue
        if deletion is not None:
            deletions.add(deletion)
        summary, place, along = _told(entry, entries[index + 1:index + 2], places, at_once,
                                      label_name, claim_id, note_by.get(entry.id),
                                      edited_by.get(entry.id))
        told.update(along)
        lines.append(_line(entry, summary, place, article_title, who))
    return lines


def tell_more(entries: list[HistoryEntry], new: list[HistoryEntry],
              label_name: LabelName = _key, *, who: Callable[[str], str] = str
              ) -> list[Message] | None:
    """The lines a claim's *new* entries add to its story told from *entries*
    (``tell_all``), or None when it must be told whole again. Its own changes after the
    last told (a note, a verdict, a source, a review) are a line each, told with no other
    entry and changing no line told; places, a claim made or split off may be told with
    others, and an entry dated among the told (a colleague's, merged) falls among them.
    A note saved retold the claim's whole story: 300 notes in, 11 ms of each save. A
    deletion told already, or twice among *new*, is told whole too, so once: a merged
    copy's entry of it read «deleted» twice, and "History" one line more (rv250)."""
    if any(entry.entity != "claim" or entry.action in (*_MADE, "unlink") for entry in new) \
            or (entries and new and min(entry.at for entry in new) < entries[-1].at):
        return None
    deletions = set(map(_deletion, entries))
    for deletion in map(_deletion, new):
        if deletion in deletions and deletion is not None:
            return None
        deletions.add(deletion)
    note_by, edited_by = note_writers([*entries, *new]), conflict_editors([*entries, *new])
    return [_line(entry, summarize(entry, label_name, note_by.get(entry.id),
                                   edited_by.get(entry.id)), None, None, who)
            for entry in new]


def _told(entry: HistoryEntry, following: list[HistoryEntry],
          places: dict[tuple[str, str, str, str], HistoryEntry],
          at_once: dict[tuple[str, str, str, object], list[HistoryEntry]],
          label_name: LabelName, claim_id: str | None, note_by: str | None = None,
          edited_by: str | None = None) -> tuple[Message, HistoryEntry | None, list[str]]:
    """What the line of *entry* says (``tell_all``), the place whose article it names,
    and the ids of the entries it tells along with it."""
    place = _made_with(entry, following, places)
    if place is not None:
        row = {**(entry.after or {}), "quote": (place.after or {}).get("quote")}
        label, quote = label_name(str(row.get("label", "?"))), _clip(str(row["quote"] or ""))
        if entry.action not in _MADE or place.before:  # (an Unlink, a CSV's too)
            return Message("split off as a claim of its own ({label}): “{quote}”",
                           label=label, quote=quote), place, [place.id]
        together = at_once.get(_placed_with(place), [place])
        if len(together) > 1:  # Tag All
            return Message("created as {label}: “{quote}” ({count} place(s))", label=label,
                           quote=quote, count=len(together)), place, [e.id for e in together]
        return _created("claim", row, label_name), place, [place.id]
    if entry.entity != "appearance":
        return summarize(entry, label_name, note_by, edited_by), None, []
    together = at_once.get(_placed_with(entry), []) if _together(entry) else []
    if len(together) > 1:
        quote, count = _quote(entry.after or {}), len(together)
        said = (Message("untagged “{quote}” ({count} place(s))", quote=quote, count=count)
                if entry.action == "delete" else
                Message("tagged “{quote}” again ({count} place(s))", quote=quote, count=count)
                if entry.action == "restore" else
                Message("tagged “{quote}” ({count} place(s))", quote=quote, count=count))
        return said, entry, [e.id for e in together]
    if claim_id is not None and _left(entry, claim_id):
        return _moved_away(entry), entry, []
    return summarize(entry, label_name), entry, []


def _deletion(entry: HistoryEntry) -> tuple[str, str, object] | None:
    """The claim's deletion *entry* writes, by its stamp (the claim, when, by whom); None
    for any other entry."""
    deleted = (entry.after or {}).get("deleted")
    if entry.entity != "claim" or entry.action != "delete" or not isinstance(deleted, str):
        return None
    return entry.entity_id, deleted, (entry.after or {}).get("deleted_by")


def _makes(entry: HistoryEntry) -> bool:
    """Whether *entry* made its record: a CSV import writes «import» for a record it
    changed too, with the version it replaced (a colleague's edit in a sheet read as
    their making a claim someone else had made, rv234)."""
    return entry.action in _MADE and entry.before is None


def _together(entry: HistoryEntry) -> bool:
    """Whether *entry* may be one of the places one step writes at one time."""
    return entry.action in _TOGETHER and (entry.action not in _MADE or _makes(entry))


def _placed_with(entry: HistoryEntry) -> tuple[str, str, str, object]:
    """What the places of one Tag All share (``appearances.tag_all``): the action (a
    CSV import of it, which keeps their time, is told apart), the time, the author and
    the claim."""
    return entry.action, entry.at, entry.who, (entry.after or {}).get("claim_id")


def _moved_away(entry: HistoryEntry) -> Message:
    return Message("“{quote}” moved to another claim", quote=_quote(entry.after or {}))


def _left(entry: HistoryEntry, claim_id: str) -> bool:
    """Whether *entry* moved a place of claim *claim_id* to another claim (a CSV's
    import too)."""
    return entry.entity == "appearance" and entry.action in ("link", "import") and (
        entry.before or {}).get("claim_id") == claim_id != (entry.after or {}).get("claim_id")


def _made_with(entry: HistoryEntry, following: list[HistoryEntry],
               places: dict[tuple[str, str, str, str], HistoryEntry]) -> HistoryEntry | None:
    """The place whose entry tells, with the claim's *entry*, one thing done: the first
    place of a claim made, or the words an Unlink moved to its new claim (the entry
    *following* it); None for any other entry."""
    if entry.entity != "claim" or not entry.after:
        return None
    if _makes(entry) and (place := places.get(_tagged_with(entry))) is not None:
        return place
    # (a CSV brings an Unlink as a claim made and words moved to it: its line named no
    # words, and theirs followed as a link, rv240)
    moved = following[0] if following else None
    if (entry.action == "unlink" or _makes(entry)) and moved is not None and (
            moved.entity == "appearance") and (moved.action, moved.who) == (
            "link" if entry.action == "unlink" else entry.action, entry.who) and (
            moved.before or {}).get("claim_id") not in (None, entry.entity_id) and (
            moved.after or {}).get("claim_id") == entry.entity_id:
        return moved
    return None


def _tagged_with(entry: HistoryEntry) -> tuple[str, str, str, str]:
    """What a claim's creation and its first place's share: the action, the id (the first
    place takes its claim's), the time and the author."""
    return entry.action, entry.entity_id, entry.at, entry.who


def _line(entry: HistoryEntry, summary: Message, place: HistoryEntry | None,
          article_title: Callable[[str], str | None] | None,
          shown: Callable[[str], str] = str) -> Message:
    """``AT  WHO  summary``, and the article of the *place* it tells of, if asked; *shown*
    sets the name among the other words (the window isolates it)."""
    at, who = shown_time(entry.at, seconds=True), shown(entry.who)
    article_id = place and (place.after or place.before or {}).get("article_id")
    if article_title is not None and article_id and (title := article_title(str(article_id))):
        return Message("{at}  {who}  {summary} in «{title}»", at=at, who=who,
                       summary=summary, title=title)
    return Message("{at}  {who}  {summary}", at=at, who=who, summary=summary)


def summarize(entry: HistoryEntry, label_name: LabelName = _key,
              note_by: str | None = None, edited_by: str | None = None) -> Message:
    """What the entry changed, in a few words; with *note_by* (``note_writers``), whose
    note it wrote over and what it read, when that was someone else's; with *edited_by*
    (``conflict_editors``), whose edit a deletion was kept over."""
    before, after = entry.before or {}, entry.after or {}
    action = entry.action
    if action.startswith("review_"):
        verdict = Message("accepted") if action == "review_accept" else Message("rejected")
        if reviewed := str(after.get("label") or ""):  # (the verdict it was of: a later
            # change of verdict read as accepted, rv114)
            verdict = Message("{decision} ({label})", decision=verdict,
                              label=label_name(reviewed))
        comment = str(after.get("comment") or "").strip()
        # Whole: a review's reasons are read here (the command line had no other place).
        return Message("{verdict}: {comment}", verdict=verdict,
                       comment=" ".join(comment.split())) if comment else verdict
    if entry.entity == "appearance" and action in APPEARANCE_ACTIONS:
        return APPEARANCE_ACTIONS[action](before, after)
    if entry.entity == "claim" and action == "unlink":
        return Message("split off as a claim of its own ({label})",
                       label=label_name(str(after.get("label", "?"))))
    if action == "create" or (entry.before is None and entry.after is not None):
        return _created(entry.entity, after, label_name)
    if entry.after is None:
        return Message("removed")
    if action == "retext":
        return Message("text replaced")
    if action == "merge_conflict":
        return _conflict(before, after, label_name, edited_by)
    told = diff(before, after, label_name)
    old = " ".join(str(before.get("note") or "").split())
    # A colleague's newer note, brought by a CSV or their project, replaced mine, and the
    # line said «note edited», the text I lost on no screen. (One's own edits of one's
    # own note keep the short line, whichever way the name was spelt: «huda» after «Huda»
    # read as a colleague's note lost, rv166.)
    if note_by is None or same_person(note_by, entry.who) or not old:
        return told
    return Message("{changes}; {name}'s note read “{note}”", changes=told, name=note_by,
                   note=old)


def diff(before: dict[str, Any], after: dict[str, Any],
         label_name: LabelName = _key) -> Message:
    """One phrase for every meaningful field that differs, joined by commas."""
    parts: list[Message] = []
    if (before.get("start"), before.get("end")) != (after.get("start"), after.get("end")):
        parts.append(Message("moved: {old_start}–{old_end} → {start}–{end}",
                             old_start=before.get("start"), old_end=before.get("end"),
                             start=after.get("start"), end=after.get("end")))
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if key in IGNORED or key in ("start", "end") or old == new:
            continue
        parts.append(_field_change(key, old, new, label_name))
    return _joined(parts) if parts else Message("no change")


def _field_change(key: str, old: Any, new: Any, label_name: LabelName) -> Message:
    if key == "deleted":
        return Message("deleted") if new else Message("restored")
    if key == "sources":
        return _sources(old, new)
    if key == "note":
        return (Message("note added") if not old else Message("note removed") if not new
                else Message("note edited"))
    if key == "quote":
        return Message("quote changed")
    if key == "text":
        return Message("text replaced")
    if key == "label":
        return Message("label: {before} → {after}", before=label_name(str(old or "")),
                       after=label_name(str(new or "")))
    if _is_short(old) and _is_short(new):
        return Message("{field}: {before} → {after}", field=key, before=_show(old),
                       after=_show(new))
    return Message("{field} edited", field=key)


def _quote(row: dict[str, Any]) -> str:
    return _clip(str(row.get("quote") or ""))


# What happened to the words a claim appears in, by action.
APPEARANCE_ACTIONS: dict[str, Callable[[dict[str, Any], dict[str, Any]], Message]] = {
    "create": lambda before, after: Message("tagged “{quote}”", quote=_quote(after)),
    "import": lambda before, after: _imported(before, after),
    "delete": lambda before, after: Message("untagged “{quote}”", quote=_quote(after)),
    "restore": lambda before, after: Message("tagged “{quote}” again", quote=_quote(after)),
    "link": lambda before, after: Message("“{quote}” joined this claim", quote=_quote(after)),
    "move": lambda before, after: Message("words changed: “{old}” → “{quote}”",
                                          old=_quote(before), quote=_quote(after)),
    "reanchor": lambda before, after: Message(
        "moved: {old_start}–{old_end} → {start}–{end}", old_start=before.get("start"),
        old_end=before.get("end"), start=after.get("start"), end=after.get("end")),
}


def _imported(before: dict[str, Any], after: dict[str, Any]) -> Message:
    """A place a CSV brought: tagged, or (with the version it replaced) changed, told as
    a move of its words is (a sheet's widened words read «tagged “…”», rv234), and words
    a colleague linked to another claim as a link is (they read «claim_id: <id> → <id>»,
    in English in the Arabic window too, rv240)."""
    if not before:
        return Message("tagged “{quote}”", quote=_quote(after))
    told = [APPEARANCE_ACTIONS[action](before, after) for action, key
            in (("link", "claim_id"), ("move", "quote")) if before.get(key) != after.get(key)]
    return _joined(told) if told else diff(before, after)


def _joined(parts: list[Message]) -> Message:
    """Phrases joined by commas, as one message (the comma is translated too)."""
    if len(parts) == 1:
        return parts[0]
    return Message("{first}, {rest}", first=parts[0], rest=_joined(parts[1:]))


def _created(entity: str, row: dict[str, Any], label_name: LabelName) -> Message:
    if entity == "claim" and row.get("quote"):  # a claim before it had appearances
        return Message("created as {label}: “{quote}”",
                       label=label_name(str(row.get("label", "?"))),
                       quote=_clip(str(row.get("quote") or "")))
    if entity == "claim":
        return Message("created as {label}", label=label_name(str(row.get("label", "?"))))
    if entity == "article":
        return Message("created: {title}", title=_clip(str(row.get("title") or "")))
    if entity == "label":
        return Message("created: {key} ({name})", key=row.get("key", "?"),
                       name=row.get("name_en", ""))
    return Message("created")


def _sources(old: Any, new: Any) -> Message:
    before, after = claim_versions.links(old), claim_versions.links(new)
    added = sum(1 for url in after if url not in before)
    removed = sum(1 for url in before if url not in after)
    counts = " ".join(([f"+{added}"] if added else []) + ([f"−{removed}"] if removed else []))
    if not counts:
        return Message("sources: reordered")
    return Message("sources: {counts}", counts=counts)


def _is_short(value: Any) -> bool:
    return value is None or isinstance(value, int | float) or (
        isinstance(value, str) and len(value) <= SHORT and "\n" not in value)


def _show(value: Any) -> str:
    return "∅" if value in (None, "") else str(value)


def _clip(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _conflict(before: dict[str, Any], after: dict[str, Any], label_name: LabelName,
              edited_by: str | None = None) -> Message:
    """A ``merge_conflict`` entry: *before* is the version that lost, *after* the record
    as the merge left it (store.exchange.merge.resolve_conflict), which keeps the loser's
    changes to fields the winner left alone.

    Told by what of the loser's version is not kept, by name: «note edited, sources: −1»
    read as though the winner had removed a colleague's link, and the lost note was
    nowhere to be read. A deletion on either side sticks, with its author: against a
    newer edit the record keeps the edit's content under the earlier deletion (a restore
    brings it back); it is told as the deletion kept over the edit.
    """
    lost = _author(before)
    base = after.get(claim_versions.BASE_KEY)  # the version both changed (newer merges)
    later = after.get(claim_versions.LATER_KEY)  # a later change replaced a value of it
    after = {k: v for k, v in after.items()
             if k not in (claim_versions.BASE_KEY, claim_versions.LATER_KEY)}
    if "start" in before:  # a place: its words, told as they moved
        if after.get("deleted"):
            return _deletion_kept(before, after, label_name)
        return _with_changes(Message("kept {kept}'s version over {lost}'s",
                                     kept=_author(after), lost=lost),
                             diff(before, after, label_name))
    if after.get("deleted") and before.get("deleted"):
        return _deletion_kept(before, after, label_name, edited_by)
    missing = _not_kept(before, after, base, lost, label_name)
    if after.get("deleted"):
        deleter = after.get("deleted_by") or _author(after)
        if not missing:
            return Message("kept {deleter}'s deletion over {other}'s edit, which it holds "
                           "(restoring the claim brings it back)", deleter=deleter,
                           other=lost)
        head = Message("kept {deleter}'s deletion over {other}'s edit", deleter=deleter,
                       other=lost)
    elif not missing:
        return Message("combined {lost}'s changes with {kept}'s", lost=lost,
                       kept=_author(after))
    elif later or same_person(_author(after), lost):  # not the record's author's, kept
        head = Message("kept a later change over {lost}'s", lost=lost)
    else:
        head = Message("kept {kept}'s version over {lost}'s", kept=_author(after), lost=lost)
    return Message("{head}; not kept: {changes}", head=head, changes=_joined(missing))


def _deletion_kept(before: dict[str, Any], after: dict[str, Any], label_name: LabelName,
                   edited_by: str | None = None) -> Message:
    """Both versions deleted, or the deleted loser's stamp carried onto the winner's
    content (whose author then made the edit). *edited_by*: who wrote the content a
    deleted winner keeps, its author stamped over by its deleter."""
    other = edited_by or _author(after if before.get("deleted") else before)
    changes = diff({k: v for k, v in before.items() if k != "deleted"},
                   {k: v for k, v in after.items() if k != "deleted"}, label_name)
    deleter = after.get("deleted_by") or _author(after)
    if changes.template == "no change":  # both deleted it, say
        return Message("kept {deleter}'s deletion over {other}'s version",
                       deleter=deleter, other=other)
    return _with_changes(Message("kept {deleter}'s deletion over {other}'s edit",
                                 deleter=deleter, other=other), changes)


def _with_changes(head: Message, changes: Message) -> Message:
    if changes.template == "no change":
        return head
    return Message("{head}: {changes}", head=head, changes=changes)


def _not_kept(before: dict[str, Any], after: dict[str, Any], base: dict[str, Any] | None,
              lost: str, label_name: LabelName) -> list[Message]:
    """What of the losing claim version *before* the record *after* does not hold: of
    the changes it made to *base*, when the entry knows that version; else whatever of it
    differs (an entry from before merges kept each side's own changes)."""
    if base is not None:
        fields = claim_versions.lost(before, after, base)
        added, removed = claim_versions.added_and_removed(before, base)
    else:
        fields = [name for name in claim_versions.OWN_FIELDS
                  if claim_versions.value_of(before, name) != claim_versions.value_of(after,
                                                                                      name)]
        added, removed = claim_versions.links(before.get("sources")), []
    parts: list[Message] = []
    if "label" in fields:
        parts.append(Message("{name}'s verdict {label}", name=lost,
                             label=label_name(str(before.get("label") or ""))))
    note = " ".join(str(before.get("note") or "").split())
    if "note" in fields and note:
        parts.append(Message("{name}'s note “{note}”", name=lost, note=note))
    if "sources" in fields:
        now = claim_versions.links(after.get("sources"))
        if missing := [url for url in added if url not in now]:
            parts.append(Message("{name}'s links {links}", name=lost, links=" ".join(missing)))
        if back := [url for url in removed if url in now]:
            parts.append(Message("{name} removing {links}", name=lost, links=" ".join(back)))
    rest = diff({k: v for k, v in before.items() if k not in _TOLD},
                {k: v for k, v in after.items() if k not in _TOLD})
    return parts if rest.template == "no change" else [*parts, rest]


_TOLD = ("label", "note", "sources", "deleted", "deleted_by")  # by _not_kept itself


def _author(row: dict[str, Any]) -> str:
    """Who made this version of a record (older files named it ``annotator``)."""
    return str(row.get("updated_by") or row.get("annotator") or "?")
