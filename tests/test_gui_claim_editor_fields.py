"""The claim editor's fields belong to the claim shown: what was typed for one claim never
reaches another, and what was typed is not lost when the claim goes meanwhile (rv163)."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE, stored, tag_quote
from PySide6.QtCore import Qt

from store.core import appearances, claims
from store.core.project import Project

TYPED = "Ministry bulletin 12 says 3.1 percent"


def _undo_in(qtbot, field) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("field", ["note", "review_comment", "new_source"])
def test_undo_in_a_claims_field_never_brings_back_what_was_typed_for_another(
        window, qtbot, field):
    """Typed for claim A, then cleared: the next claim's field (empty too) was not set
    again, so its undo history was still A's, and Ctrl+Z there brought A's words back -
    saved as B's note, or made B's review comment."""
    editor = window.claims_panel.editor
    editor._note_timer.setInterval(20)
    tag_quote(window, SAMPLE_QUOTE, "verified")
    first = window.current_claim_id()
    tag_quote(window, "بوتين", "disputed")
    second = window.current_claim_id()
    window.select_claim(first)
    typed_in = getattr(editor, field)
    typed_in.setFocus()
    qtbot.keyClicks(typed_in, TYPED)
    typed_in.selectAll()
    qtbot.keyClick(typed_in, Qt.Key.Key_Delete)
    window.select_claim(second)
    qtbot.wait(60)  # (the note's pause, were anything typed)
    _undo_in(qtbot, typed_in)
    qtbot.wait(60)
    shown = typed_in.toPlainText() if field == "note" else typed_in.text()
    assert shown == ""
    claim = window.session.appearance(second)
    assert claim.note == "" and not editor.review_drafts.get(claim.claim_id)


def test_a_note_typed_as_a_colleague_deletes_its_claim_waits_for_it_refused_once(
        window, qtbot, errors):
    """The deletion came in while the note was typed: the same refusal was shown twice
    (the note saved before the reload by the editor and by the window), and the typing
    was lost, so the claim restored as the box says came back without it."""
    from gui.commands import RestoreClaim

    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "verified")
    place = window.current_claim_id()
    editor._note_timer.setInterval(60_000)  # (saved by the reload, not by its pause)
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, TYPED)
    with Project.open(window.session.path, "colleague") as colleague:
        claims.delete_claim(colleague, window.session.appearance(place).claim_id)
    assert window.session.refresh()
    assert len(errors) == 1 and "deleted by colleague" in errors[0]
    editor._note_timer.setInterval(20)
    window.undo_stack.push(RestoreClaim(window.session, [place]))
    window.select_claim(place)
    assert editor.note.toPlainText() == TYPED  # (and saved after its pause)
    qtbot.waitUntil(lambda: appearances.get_appearance(stored(window), place).claim.note
                    == TYPED, timeout=5000)


def test_a_link_added_as_a_colleague_deletes_its_claim_stays_in_its_field(window, errors):
    """Refused, the link typed was cleared all the same: gone once the claim came back."""
    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "verified")
    place = window.current_claim_id()
    with Project.open(window.session.path, "colleague") as colleague:  # (before the poll)
        claims.delete_claim(colleague, window.session.appearance(place).claim_id)
    editor.new_source.setText("https://moh.gov.sa/bulletin-12")
    editor.add_source.click()
    assert len(errors) == 1 and "deleted by colleague" in errors[0]
    assert editor.new_source.text() == "https://moh.gov.sa/bulletin-12"
