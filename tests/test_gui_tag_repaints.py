"""A tag repaints what it changed in the claim editor, once, and nothing it left as it
was (issue #14: a tag within 16 ms). Counted in paint events, not timed."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

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


def test_a_tag_paints_the_new_quote_once_and_a_verdict_chosen_not_at_all(tagged, qtbot):
    """A selectable label is painted again whenever Qt measures it: the editor's layout
    pass after a tag (and after a verdict chosen, for the line under the quote) painted
    the quote once more, after the change itself."""
    editor = tagged.claims_panel.editor
    paints = Paints(editor.quote)
    tag_quote(tagged, SECOND_QUOTE, "disputed")
    qtbot.waitUntil(lambda: paints.seen[editor.quote] >= 1)
    qtbot.wait(TIMERS_MS)
    assert SECOND_QUOTE in editor.quote.text()
    assert paints.seen[editor.quote] == 1
    paints.clear()
    tagged.tag("verified")  # the same claim relabelled: its quote is as it was
    qtbot.wait(TIMERS_MS)
    assert tagged.session.appearance(tagged.current_claim_id()).label == "verified"
    assert paints.seen[editor.quote] == 0


@pytest.mark.parametrize("text", [
    "«أقوى معاهدة على الإطلاق»",
    "«" + "الوزارة قالت إن التضخم بلغ 3.1 في المئة في الربع الأول " * 6 + "»",
    "«The ministry said inflation reached 3.1 percent in the first quarter» " * 4,
    "«a»",
])
def test_the_quote_is_as_tall_as_qt_measures_it(qtbot, text):
    """Measured on its twin, the quote asks the height a selectable label of its text
    asks of Qt, at every width."""
    from gui.claim_editor import QuoteLabel

    quote, plain = QuoteLabel(), QLabel()
    for label in (quote, plain):
        qtbot.addWidget(label)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setText(text)
    quote.resize(402, 28)  # shown, at a size of its own: measured as the plain one
    quote.show()
    qtbot.waitExposed(quote)
    for width in (40, 120, 250, 388, 402, 700):
        assert quote.heightForWidth(width) == plain.heightForWidth(width), width
    font = quote.font()
    font.setPointSize(font.pointSize() * 2)
    for label in (quote, plain):  # a bigger font: measured anew
        label.setFont(font)
    assert quote.heightForWidth(250) == plain.heightForWidth(250)
