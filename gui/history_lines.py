"""A claim's history in the interface language, for the claim editor.

The command line prints store.history_text's English; here the same entries are
told with tr(), so an Arabic interface shows an Arabic history. Changes without a
phrase of their own fall back to the store's wording.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from store.core.records import HistoryEntry
from store.review import story


class HistoryLines(QObject):
    def __init__(self, label_name: Callable[[str], str], parent: QObject | None = None):
        super().__init__(parent)
        self.label_name = label_name

    def actions(self) -> dict[str, str]:
        return {
            "create": self.tr("created"), "relabel": self.tr("verdict changed"),
            "edit": self.tr("edited"), "delete": self.tr("deleted"),
            "restore": self.tr("restored"), "reanchor": self.tr("moved with the text"),
            "review_accept": self.tr("accepted"), "review_reject": self.tr("rejected"),
            "import": self.tr("imported"), "merge_conflict": self.tr("merge conflict"),
        }

    def describe(self, entry: HistoryEntry) -> str:
        at = entry.at[:19].replace("T", " ")
        action = self.actions().get(entry.action, entry.action)
        detail = self.detail(entry)
        return f"{at}  {entry.who}  {action}" + (f": {detail}" if detail else "")

    def detail(self, entry: HistoryEntry) -> str:
        before, after = entry.before or {}, entry.after or {}
        if entry.action.startswith("review_"):
            return str(after.get("comment") or "").strip()
        if entry.action == "create" and entry.entity == "claim":
            return self.tr("as %s") % self.label_name(str(after.get("label", "")))
        if entry.action in ("delete", "restore"):
            return ""
        if entry.action == "merge_conflict":
            kept = after.get("updated_by") or after.get("annotator") or "?"
            return self.tr("kept %s's version") % kept
        phrases = []
        if before.get("label") != after.get("label") and "label" in after:
            phrases.append(self.tr("verdict: %1 → %2")
                           .replace("%1", self.label_name(str(before.get("label", ""))))
                           .replace("%2", self.label_name(str(after.get("label", "")))))
        if before.get("note") != after.get("note") and "note" in after:
            phrases.append(self.tr("note added") if not before.get("note") else
                           self.tr("note removed") if not after.get("note") else
                           self.tr("note edited"))
        if before.get("sources") != after.get("sources") and "sources" in after:
            phrases.append(self.tr("sources changed"))
        if phrases:
            return self.tr(", ").join(phrases)
        return story.summarize(entry)
