"""One-line descriptions of history entries, for ``tahqiq history CLAIM``.

History keeps whole records before and after each change; people want to read
what changed. This module turns the pair into a short phrase such as
``label: unchecked → disputed`` or ``sources: +1``. It is plain text on purpose:
the command line prints it as it is, and the GUI can show it in a tooltip.
"""

from __future__ import annotations

import json
from typing import Any

from store.core.records import HistoryEntry

# Bookkeeping that changes with every edit and says nothing about the edit itself.
IGNORED = frozenset({"id", "created", "created_by", "updated", "updated_by", "prefix",
                     "suffix", "deleted_by"})
SHORT = 40  # longer values are reported as "edited" rather than quoted


def describe(entry: HistoryEntry) -> str:
    """``AT  WHO  ACTION  summary`` with the time cut to seconds."""
    at = entry.at[:19].replace("T", " ")
    return f"{at}  {entry.who}  {entry.action}  {summarize(entry)}".rstrip()


def summarize(entry: HistoryEntry) -> str:
    """What the entry changed, in a few words."""
    before, after = entry.before or {}, entry.after or {}
    action = entry.action
    if action.startswith("review_"):
        verdict = {"review_accept": "accepted", "review_reject": "rejected"}.get(action, action)
        comment = str(after.get("comment") or "").strip()
        return f"{verdict}: {_clip(comment)}" if comment else verdict
    if action == "create" or (entry.before is None and entry.after is not None):
        return _created(entry.entity, after)
    if entry.after is None:
        return "removed"
    if action == "retext":
        return "text replaced"
    changes = diff(before, after)
    if action == "merge_conflict":
        kept = after.get("updated_by") or after.get("annotator") or "?"
        lost = before.get("updated_by") or before.get("annotator") or "?"
        head = f"kept {kept}'s version over {lost}'s"
        return f"{head}: {changes}" if changes != "no change" else head
    return changes


def diff(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Comma-separated phrases for every meaningful field that differs."""
    parts: list[str] = []
    if (before.get("start"), before.get("end")) != (after.get("start"), after.get("end")):
        parts.append(f"moved: {before.get('start')}–{before.get('end')} → "
                     f"{after.get('start')}–{after.get('end')}")
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if key in IGNORED or key in ("start", "end") or old == new:
            continue
        if key == "deleted":
            parts.append("deleted" if new else "restored")
        elif key == "sources":
            parts.append(_sources(old, new))
        elif key == "note":
            parts.append("note added" if not old else "note removed" if not new
                         else "note edited")
        elif key == "quote":
            parts.append("quote changed")
        elif key == "text":
            parts.append("text replaced")
        elif _is_short(old) and _is_short(new):
            parts.append(f"{key}: {_show(old)} → {_show(new)}")
        else:
            parts.append(f"{key} edited")
    return ", ".join(parts) or "no change"


def _created(entity: str, row: dict[str, Any]) -> str:
    if entity == "claim":
        quote = _clip(str(row.get("quote") or ""))
        return f"created as {row.get('label', '?')}: “{quote}”"
    if entity == "article":
        return f"created: {_clip(str(row.get('title') or ''))}"
    if entity == "label":
        return f"created: {row.get('key', '?')} ({row.get('name_en', '')})"
    return "created"


def _sources(old: Any, new: Any) -> str:
    before, after = _as_list(old), _as_list(new)
    added = sum(1 for url in after if url not in before)
    removed = sum(1 for url in before if url not in after)
    parts = ([f"+{added}"] if added else []) + ([f"−{removed}"] if removed else [])
    return "sources: " + (" ".join(parts) or "reordered")


def _as_list(value: Any) -> list[str]:
    """Sources as a list whether stored as a JSON string (rows) or a list."""
    if isinstance(value, str):
        try:
            value = json.loads(value or "[]")
        except ValueError:
            return [value]
    return [str(v) for v in value or []]


def _is_short(value: Any) -> bool:
    return value is None or isinstance(value, int | float) or (
        isinstance(value, str) and len(value) <= SHORT and "\n" not in value)


def _show(value: Any) -> str:
    return "∅" if value in (None, "") else str(value)


def _clip(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
