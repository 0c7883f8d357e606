"""Claims: what was checked - a verdict, a note and evidence - wherever it appears.

A claim appears in one or more places (``store.core.appearances``, where words are
tagged): spans of any article of the project. Changing a claim's verdict, note or
sources changes it at every appearance at once. Every function here is one user action,
committed at once and written to the history; deleting leaves a tombstone so merges and
undo can bring it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from store.core import history
from store.core.labels import get_label
from store.core.links import backslash_before_path, is_web_link, same_link, trimmed_link
from store.core.project import Project
from store.core.records import CLAIM_COLUMNS, Claim
from store.core.stamps import later_than, same_person
from store.errors import (
    AmbiguousId,
    ChangedSince,
    ClaimNotFound,
    InvalidSource,
    quoted,
)


def validate_sources(urls: Iterable[str]) -> tuple[str, ...]:
    """Strip, de-duplicate and check source links: absolute http(s) URLs only, each once
    however it is written (links.same_link: the command line and a CSV stored
    «…/معاهدة» and «…/%D9%85…» as two sources, which the editor refuses). A
    direction mark at either end (copied with the link out of right-to-left text) goes;
    one inside is refused (links.is_web_link)."""
    clean: list[str] = []
    for raw in urls:
        url = trimmed_link(raw)
        if not url:
            continue
        if backslash_before_path(url):  # (said as such: it starts as a web link does)
            raise InvalidSource("'{url}' holds a backslash before its path, which browsers "
                                "and Tahqiq would take to two different sites: copy the "
                                "link again from the browser's address bar.", url=quoted(url))
        if not is_web_link(url):
            raise InvalidSource("'{url}' is not a web link (http:// or https://).",
                                url=quoted(url))
        if not any(same_link(url, had) for had in clean):  # (the first spelling stays)
            clean.append(url)
    return tuple(clean)


def get_claim(project: Project, claim_id: str) -> Claim:
    """A claim by id, tombstones included."""
    row = project.execute(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?",
                          [claim_id]).fetchone()
    if row is None:
        raise ClaimNotFound("No claim with id {id}.", id=claim_id)
    return Claim.from_values(row)


def resolve_claim(project: Project, id_or_prefix: str) -> Claim:
    """A claim by id or by an unambiguous prefix of its id."""
    prefix = id_or_prefix.strip()
    return get_claim(project, project.one_id(
        "claims", prefix, ClaimNotFound("No claim with id '{id}'.", id=prefix),
        AmbiguousId("'{id}' matches several claims; give more of the id.", id=prefix)))


def list_claims(project: Project, *, include_deleted: bool = False) -> list[Claim]:
    """Every claim, oldest first (where they appear: ``appearances.list_appearances``)."""
    where = "" if include_deleted else " WHERE deleted IS NULL"
    return [Claim.from_values(row) for row in project.execute(
        f"SELECT {CLAIM_COLUMNS} FROM claims{where} ORDER BY created, id")]


def stored_note(note: str) -> str:
    """A note as it is kept: composed (NFC), as article text and titles are, without
    control characters or direction overrides (``clean.clean_note``). A note pasted
    decomposed («communiqué» as e and a combining accent, as macOS copies it out of a
    PDF) was never found by project search, which composes what is typed (rv95)."""
    from store.text.clean import clean_note  # (its patterns: not at start-up)

    return clean_note(note)


def update_claim(project: Project, claim_id: str, *, label: str | None = None,
                 note: str | None = None, sources: Sequence[str] | None = None,
                 expect: Mapping[str, object] | None = None) -> Claim:
    """Change a claim's verdict, note or sources - at every appearance; unchanged fields
    are left alone.

    *expect* (field: value) is what an undo or a redo finds in place of what it puts
    back: the values its step left. Someone else's change since (a colleague's verdict
    merged in) is refused (ChangedSince) rather than overwritten by a step of mine."""
    changes: dict[str, object] = {}
    if label is not None:
        get_label(project, label)
        changes["label"] = label
    if note is not None:
        changes["note"] = stored_note(note)
    if sources is not None:
        changes["sources"] = validate_sources(sources)
    with project.transaction():
        before = live_claim(project, claim_id)
        refuse_changed_since(before, expect or {}, project.annotator)
        changes = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if not changes:
            return before
        if "label" in changes:  # (a note or a source changed leaves a review standing)
            refuse_reviewed_since(project, before, expect or {})
        after = before._replace(**changes, updated=later_than(before.updated),
                                updated_by=project.annotator)
        write(project, before, after, "relabel" if set(changes) == {"label"} else "edit",
              at=after.updated)
    return after


def live_claim(project: Project, claim_id: str) -> Claim:
    """The claim, refused (ClaimNotFound) if it was deleted: a change to it must not
    bring it back unasked."""
    claim = get_claim(project, claim_id)
    if claim.is_deleted:
        raise ClaimNotFound("That claim was deleted by {name}: restore it first (Edit ▸ "
                            "Deleted Claims…, or tahqiq claim {id} --restore).",
                            name=claim.deleted_by or "?", id=claim.id[:8])
    return claim


def refuse_changed_since(claim: Claim, expect: Mapping[str, object], me: str) -> None:
    """ChangedSince when a field of *claim* is no longer the value *expect* gives it.
    Changed by *me* (another window on the project, the command line), the message
    says so: «tester changed this claim since» read as a colleague's work to tester."""
    for field, value in expect.items():
        if field == REVIEWED:
            continue  # (refuse_reviewed_since's)
        if field == "sources":
            value = tuple(value)  # type: ignore[arg-type]
        elif field == "note":
            value = stored_note(str(value))  # (an undo's note is as it was typed)
        if getattr(claim, field) != value:
            changer = claim.updated_by or claim.annotator
            if changer == me:
                raise ChangedSince("You changed this claim since, in another window or "
                                   "from the command line; going back would overwrite "
                                   "that.")
            raise ChangedSince("{name} changed this claim since; going back would "
                               "overwrite that.", name=changer)


REVIEWED = "reviewed"
"""The key of an undo's or a redo's *expect* giving the ids of the claim's reviews when
its step was done (refuse_reviewed_since)."""


def refuse_reviewed_since(project: Project, claim: Claim, expect: Mapping[str, object]
                          ) -> None:
    """ChangedSince when someone else reviewed *claim*'s verdict since the step (a review
    standing on it that is not among the ids *expect* gives under REVIEWED): going back
    deleted the claim an editor had accepted, or put back the verdict before the one
    they accepted, their review no longer counting, unsaid (rv211). My own review since
    does not refuse; *expect* without REVIEWED checks nothing."""
    if REVIEWED not in expect:
        return
    known = json.dumps(list(expect[REVIEWED]))  # type: ignore[call-overload]
    since = project.execute(
        "SELECT reviewer FROM reviews WHERE claim_id = ? AND (label IS NULL OR label = ?) "
        "AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY created DESC, id DESC",
        [claim.id, claim.label, known]).fetchall()
    # Mine under another spelling too («huda» on the command line, «Huda» here): compared
    # as may_review compares, not byte for byte.
    other = next((name for name, in since if not same_person(name, project.annotator)), None)
    if other is not None:
        raise ChangedSince("{name} reviewed this claim since; going back would set their "
                           "review aside.", name=other)


def delete_claim(project: Project, claim_id: str, *, untagged: str | None = None,
                 expect: Mapping[str, object] | None = None) -> Claim:
    """Tombstone a claim: it disappears from every article but is kept for history and
    merging (its appearances stay as they were, so a restore brings them all back).
    *untagged*: the untagging of its last words that takes it, stamped before it whatever
    this clock says (a claim deleted «before» its words went did not come back with its
    article: restore_article's _untagged_by). *expect*: the fields an undo expects the
    claim to have (refuse_changed_since)."""
    with project.transaction():
        before = get_claim(project, claim_id)
        if before.is_deleted:
            return before
        if expect:
            refuse_changed_since(before, expect, project.annotator)
            refuse_reviewed_since(project, before, expect)
        after = _deleted(before, untagged, project.annotator)
        write(project, before, after, "delete", at=after.updated)
    return after


def delete_all(project: Project, live: Sequence[Claim], *, untagged: str) -> None:
    """:func:`delete_claim` of live claims the untagging of their last words at
    *untagged* takes, all at once (inside the caller's transaction)."""
    history.record_updates(project, "claims", "claim",
                           [(before, _deleted(before, untagged, project.annotator))
                            for before in live], "delete", at=lambda after: after.updated)


def _deleted(before: Claim, untagged: str | None, me: str) -> Claim:
    now = later_than(before.updated, untagged)
    return before._replace(deleted=now, deleted_by=me, updated=now, updated_by=me)


def restore_claim(project: Project, claim_id: str, *, at: str | None = None) -> Claim:
    """Bring a tombstoned claim back (undo of delete); *at*: the time of the places it
    comes back with (a Tag All redone), whose line follows its own."""
    with project.transaction():
        before = get_claim(project, claim_id)
        if not before.is_deleted:
            return before
        now = at or later_than(before.updated, before.deleted)
        after = before._replace(deleted=None, deleted_by=None, updated=now,
                        updated_by=project.annotator)
        history.record_restore(project, "claims", "claim", before, after, at=now)
    return after


def write(project: Project, before: Claim, after: Claim, action: str, *,
          at: str | None = None) -> None:
    """Store a changed claim and its history entry (inside the caller's transaction)."""
    history.record_update(project, "claims", "claim", before, after, action, at=at)
