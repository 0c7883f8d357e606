"""The note's caret after a save that cleaned the note (rv108)."""

from __future__ import annotations

import pytest
from conftest import tag_quote
from PySide6.QtGui import QTextCursor


@pytest.mark.parametrize("before", ["", "😀😀 "])
def test_a_note_saved_without_its_embedding_keeps_the_caret_where_the_typing_was(
        window, qtbot, before):
    """A phone number pasted from Facebook comes inside LRE…PDF: the note was saved
    without them (made LRI…PDI now, rv248), the field given the saved text, and its caret
    sent to the start, so the next words typed went before the note's first word. With
    an emoji before it: the caret's place counts UTF-16 units in Qt and code points in
    the note, and an emoji (two units, one code point) put it one place early (rv112)."""
    from gui.claim_editor import ClaimEditor

    window.files.paste_as_article("خبر\nقال الوزير إن التضخم بلغ ثلاثين بالمئة")
    tag_quote(window, "التضخم", "verified")
    note = window.findChild(ClaimEditor).note
    note.setFocus()
    note.textCursor().insertText(f"{before}رقم الهاتف \u202a+966 55 123\u202c غير صحيح")
    qtbot.waitUntil(lambda: window.session.appearance(window.current_claim_id()).note
                    == f"{before}رقم الهاتف \u2066+966 55 123\u2069 غير صحيح", timeout=5000)
    note.textCursor().insertText(" المزيد")
    assert note.toPlainText() == f"{before}رقم الهاتف \u2066+966 55 123\u2069 غير صحيح المزيد"
    cursor = note.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert note.textCursor().position() == cursor.position()


def test_a_caret_inside_the_embedding_stays_there_once_it_is_saved_an_isolate(window, qtbot):
    """A digit of the phone number mended inside its LRE…PDF: the note is saved with them
    made LRI…PDI, and the caret set back by the text before it alone, cleaned, where the
    LRE its PDF does not follow is dropped, went a place early: the next digit went
    before the last one (rv248)."""
    from gui.claim_editor import ClaimEditor

    window.files.paste_as_article("خبر\nقال الوزير إن التضخم بلغ ثلاثين بالمئة")
    tag_quote(window, "التضخم", "verified")
    note = window.findChild(ClaimEditor).note
    note.setFocus()
    typed = "رقم الهاتف \u202a+966 55 123\u202c غير صحيح"
    note.textCursor().insertText(typed)
    cursor = note.textCursor()
    cursor.setPosition(typed.index("\u202c"))
    note.setTextCursor(cursor)
    saved = "رقم الهاتف \u2066+966 55 123\u2069 غير صحيح"
    qtbot.waitUntil(lambda: window.session.appearance(window.current_claim_id()).note
                    == saved, timeout=5000)
    note.textCursor().insertText("4")
    assert note.toPlainText() == saved.replace("123", "1234")
