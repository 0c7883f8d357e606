"""Issue 2 item 10: an action ``tag_<key>`` for every label, and no other action in that
name space. Tag All was «tag_all_occurrences»: a check listing the tag_* actions against
the labels found one more, and a label keyed «all_occurrences» made two actions of that
name, findChild giving Tag All (rv288)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction


def tag_actions(window) -> dict[str, list[QAction]]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # (replaced ones)
    named: dict[str, list[QAction]] = {}
    for action in window.findChildren(QAction):
        if action.objectName().startswith("tag_"):
            named.setdefault(action.objectName(), []).append(action)
    return named


def label_keys(window) -> set[str]:
    return {label.key for label in window.session.labels()}


def test_the_tag_actions_are_the_labels_and_tag_all_is_none_of_them(window):
    named = tag_actions(window)
    assert set(named) == {f"tag_{key}" for key in label_keys(window)}
    tag_all = window.findChild(QAction, "all_occurrences")
    assert tag_all is not None and tag_all.shortcut().toString() == "Ctrl+Shift+A"


def test_a_label_keyed_all_occurrences_has_its_own_action(window):
    window.session.add_label("all_occurrences", "All occurrences", "#88CCEE", shortcut="4")
    named = tag_actions(window)
    assert set(named) == {f"tag_{key}" for key in label_keys(window)}
    assert "all_occurrences" in label_keys(window)
    assert all(len(actions) == 1 for actions in named.values())
    found = window.findChild(QAction, "tag_all_occurrences")
    assert found is named["tag_all_occurrences"][0] and found.text() == "All occurrences"
    assert found is not window.findChild(QAction, "all_occurrences")
