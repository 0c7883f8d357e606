"""Another program writes the project while someone types a note in the window.

Nothing typed may be lost and the claim being edited stays in front of the user.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from reliability_support import make_project

from gui.models import ClaimIdRole
from store.core import appearances
from store.core.project import Project


def test_a_note_being_typed_survives_an_outside_change(tmp_path, qtbot, errors):
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    claim_id = window.claims_panel.model.index(0, 0).data(ClaimIdRole)
    window.select_claim(claim_id)
    note = window.claims_panel.editor.note
    typed = note.toPlainText() + " and more"
    note.setFocus()
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " and more")  # typing; the idle timer has not fired

    with Project.open(path, "colleague") as other:  # meanwhile, another program writes
        appearances.create_claim(other, article_id, 0, 4, "verified")
    assert window.session.refresh()  # what the one-second poll does

    assert window.claims_panel.model.rowCount() == 4  # the window shows the other's claim...
    assert window.current_claim_id() == claim_id  # ...and still the claim being edited
    assert note.toPlainText() == typed  # with what was typed
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with Project.open(path, "checker") as project:
        assert appearances.get_appearance(project, claim_id).note == typed
    assert errors == []
    window.close()


def test_a_place_whose_offsets_another_program_wrote_as_text_opens(tmp_path, qtbot, errors):
    """A place's start or end written as text or bytes by another program (SQLite takes
    any type in any column) ended the window's opening in a TypeError traceback (rv130).
    The window opens on the article with the other places; `tahqiq check` names the
    damage (tests/reliability/test_damaged_files.py)."""
    import sqlite3

    from gui.app import create_window

    path = tmp_path / "typed.tahqiq"
    article_id = make_project(path, n_claims=3)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE appearances SET start = 'abc' WHERE rowid = 1")
        raw.execute("UPDATE appearances SET \"end\" = x'00' WHERE rowid = 2")
    raw.close()
    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_article == article_id
    qtbot.waitUntil(lambda: not window.reading_places, timeout=5000)
    with Project.open(path, "tester") as project:
        (sound,) = [a for a in appearances.list_appearances(project, article_id)
                    if isinstance(a.start, int) and isinstance(a.end, int)]
    assert [row.id for row in window.claims_panel.claims()] == [sound.id]
    window.close()
