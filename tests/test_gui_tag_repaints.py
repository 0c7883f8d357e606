"""A tag repaints what it changed in the claim editor, once, and nothing it left as it
was (issue #14: a tag within 16 ms). Counted in paint events, not timed."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtCore import QEvent, QObject

SECOND_QUOTE = "بوتين"
TIMERS_MS = 300  # every timer an edit starts (150 ms) has run


class Paints(QObject):
    """Paint events of the widgets watched, by widget."""

    def __init__(self, *widgets):
        super().__init__()
        self.seen: dict[QObject, int] = dict.fromkeys(widgets, 0)
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.seen[obj] += 1
        return False

    def clear(self) -> None:
        self.seen = dict.fromkeys(self.seen, 0)


@pytest.fixture
def tagged(window, qtbot):
    """The window once a first claim of one's own is tagged, shown and painted."""
    tag_quote(window, SAMPLE_QUOTE, "verified")
    qtbot.wait(TIMERS_MS)
    return window


def test_a_tag_repaints_no_review_button_it_leaves_off(tagged, qtbot):
    """Accept and Reject were set on with the editor's other fields, then off again for
    a claim of one's own (every claim one tags): each was painted again at every tag."""
    editor = tagged.claims_panel.editor
    buttons = (editor.accept_button, editor.reject_button)
    paints = Paints(*buttons)
    assert not any(b.isEnabled() for b in buttons)
    tag_quote(tagged, SECOND_QUOTE, "disputed")
    qtbot.wait(TIMERS_MS)
    assert not any(b.isEnabled() for b in buttons)  # (still off: one's own verdict)
    assert list(paints.seen.values()) == [0, 0]
    editor.accept_button.setEnabled(True)  # a change is painted (the count counts)
    qtbot.waitUntil(lambda: paints.seen[editor.accept_button] == 1)


def test_a_tag_repaints_no_empty_note_it_leaves_empty(tagged, qtbot):
    """The new claim's empty note was set again on the empty field (and its caret put
    back where it was): the field was painted at every tag."""
    note = tagged.claims_panel.editor.note
    paints = Paints(note.viewport())
    tag_quote(tagged, SECOND_QUOTE, "disputed")
    qtbot.wait(TIMERS_MS)
    assert note.toPlainText() == "" and paints.seen[note.viewport()] == 0
    assert not note.document().isUndoAvailable()
    note.setPlainText("typed")  # a change is painted
    qtbot.waitUntil(lambda: paints.seen[note.viewport()] >= 1)
