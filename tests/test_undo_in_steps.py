"""What happens inside an undo or a redo stays inside it: nothing is pushed onto the
stack while a step runs, and a step's refusal is said after it (a message box's own
event loop inside the step ran the note's timer and the window's polling)."""

from __future__ import annotations

import time

from conftest import SAMPLE_QUOTE
from PySide6.QtWidgets import QApplication

from store.core import appearances, articles, claims
from store.core.project import Project
from store.exchange.seeding import open_or_create


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def test_a_refused_undo_is_said_after_it_and_the_note_being_typed_is_kept(
        tmp_path, qtbot, monkeypatch):
    """Undo of a verdict a colleague changed since is refused, its box read for longer
    than the note's pause while a note was being typed on another claim: the note's save
    was skipped inside the step and then lost (the editor showed the stored note again
    at the next choice of a verdict). The typing is now saved before any undo, a step of
    its own that the first undo takes back; the second is the refused one, and the typing
    comes back with Redo."""
    from gui import dialogs
    from gui.app import create_window
    from gui.commands import in_a_step

    path = tmp_path / "p.tahqiq"
    with open_or_create(path, "me") as project:
        article = articles.list_articles(project)[0]["id"]
        first = appearances.tag_quote(project, article, SAMPLE_QUOTE, "unchecked")
        second = appearances.tag_quote(project, article, "بوتين", "unchecked")
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    window.show()
    said: list[tuple[bool, str]] = []

    def box(parent, message, title=""):
        said.append((in_a_step(), message))
        _pump(1.6)  # read longer than the note's pause (1.2 s)

    monkeypatch.setattr(dialogs, "show_error", box)
    window.claims_panel.select_claim(second.id)
    window.action_set.tags["verified"].trigger()
    with Project.open(path, "colleague") as colleague:
        claims.update_claim(colleague, second.claim_id, label="disputed")
    # The window sees the other program's write (at its next look, within a second: a
    # fixed 2.5 s was waited here)
    qtbot.waitUntil(lambda: any(place.id == second.id and place.label == "disputed"
                                for place in window.claims_panel.claims()), timeout=10000)
    window.claims_panel.select_claim(first.id)
    editor = window.claims_panel.editor
    editor.note.setPlainText("checked with the ministry")
    window.article_pane.reader.setFocus()
    window.action_set.undo.trigger()
    _pump(0.5)
    stack = window.undo_stack
    assert window.session.appearance(first.id).note == "" and not said
    assert stack.redoText() == "Edit note"
    window.action_set.undo.trigger()
    _pump(0.5)
    assert said and not any(inside for inside, _ in said)  # said after the step
    assert stack.redoText() == "Edit note"
    window.action_set.redo.trigger()
    _pump(0.5)
    assert window.session.appearance(first.id).note == "checked with the ministry"
    assert stack.index() == stack.count()
    window.close()
