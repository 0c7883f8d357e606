"""The note's caret after a save that cleaned the note (rv108)."""

from __future__ import annotations

from conftest import tag_quote
from PySide6.QtGui import QTextCursor


def test_a_note_saved_without_its_embedding_keeps_the_caret_where_the_typing_was(
        window, qtbot):
    """A phone number pasted from Facebook comes inside LRE…PDF: the note was saved
    without them, the field given the saved text, and its caret sent to the start, so
    the next words typed went before the note's first word."""
    from gui.claim_editor import ClaimEditor

    window.files.paste_as_article("خبر\nقال الوزير إن التضخم بلغ ثلاثين بالمئة")
    tag_quote(window, "التضخم", "verified")
    note = window.findChild(ClaimEditor).note
    note.setFocus()
    note.textCursor().insertText("رقم الهاتف \u202a+966 55 123\u202c غير صحيح")
    qtbot.waitUntil(lambda: window.session.appearance(window.current_claim_id()).note
                    == "رقم الهاتف +966 55 123 غير صحيح", timeout=5000)
    note.textCursor().insertText(" المزيد")
    assert note.toPlainText() == "رقم الهاتف +966 55 123 غير صحيح المزيد"
    cursor = note.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert note.textCursor().position() == cursor.position()


def test_a_note_with_an_emoji_before_its_embedding_keeps_the_caret_where_the_typing_was(
        window, qtbot):
    """The caret's place counts UTF-16 units in Qt and code points in the note: an emoji
    (two units, one code point) before the embedding took away put it one place early."""
    from gui.claim_editor import ClaimEditor

    window.files.paste_as_article("خبر\nقال الوزير إن التضخم بلغ ثلاثين بالمئة")
    tag_quote(window, "التضخم", "verified")
    note = window.findChild(ClaimEditor).note
    note.setFocus()
    note.textCursor().insertText("😀😀 رقم الهاتف \u202a+966 55 123\u202c غير صحيح")
    qtbot.waitUntil(lambda: window.session.appearance(window.current_claim_id()).note
                    == "😀😀 رقم الهاتف +966 55 123 غير صحيح", timeout=5000)
    note.textCursor().insertText(" المزيد")
    assert note.toPlainText() == "😀😀 رقم الهاتف +966 55 123 غير صحيح المزيد"
