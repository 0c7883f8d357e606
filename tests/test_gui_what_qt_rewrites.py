"""Text as Qt's widgets give it back is not always the text they were given: toPlainText()
writes a no-break space as a space and a line separator (U+2028) as a line end. What the
window compares with the project, or searches, is the project's text (rv158)."""

from __future__ import annotations

from conftest import select_in_reader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from store.core import appearances, articles
from store.core.project import Project

NOTE = "النسبة 5\u00a0% وفق\u2028التقرير"


def test_a_note_holding_a_no_break_space_is_not_saved_again_by_looking_at_it(window, qtbot):
    """A colleague's note with «5 %» as Word writes it and a line separator (as `tahqiq
    tag --note`, the CSV import and a merge keep them): choosing its claim and then
    another saved it again, rewritten, as my edit («Edit note» on my undo stack, a
    history entry, a change for the next merge)."""
    window.files.paste_as_article("قال الوزير إن النمو بلغ خمسة في المئة وفق التقرير.")
    article_id = window.current_article
    text = window.article_pane.reader.plain_text()
    with Project.open(window.session.path, "colleague") as colleague:
        for word, note in (("الوزير", NOTE), ("التقرير", "")):
            start = text.index(word)
            appearances.create_claim(colleague, article_id, start, start + len(word),
                                     "verified", note=note)
    assert window.session.refresh()
    first, second = (place.id for place in window.claims_panel.claims())
    window.select_claim(first)
    window.select_claim(second)
    qtbot.wait(50)  # (a note left is saved once the event is over)
    assert window.session.appearance(first).note == NOTE
    assert window.undo_stack.count() == 0

    window.select_claim(first)  # typed to: the marks not typed over are kept
    note = window.claims_panel.editor.note
    note.setFocus()
    note.moveCursor(QTextCursor.MoveOperation.End)
    note.textCursor().insertText(" ثم")
    window.claims_panel.editor.commit_note()
    assert window.session.appearance(first).note == NOTE + " ثم"


def test_words_selected_across_a_line_separator_are_found(window):
    """Ctrl+F on words selected across a line separator said «No matches»: the bar looked
    for the project's words in Qt's copy of the text, where the separator is a line end.
    (An article stored before import made the separators line breaks, rv196.)"""
    with Project.open(window.session.path, "tester") as project:
        article = articles.add_article(project, "قال الوزير\u2028إن النمو بلغ خمسة.\n\nثم قال "
                                       "الوزير\u2028إن النمو تراجع.", "قال الوزير")
    window.session.refresh()
    window.show_article(article.id)
    text = window.article_pane.reader.plain_text()
    start, end = text.index("الوزير"), text.index("النمو") + len("النمو")
    select_in_reader(window, start, end)
    QTest.keyClick(window.article_pane.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.article_pane.find_bar
    assert bar.query.text() == text[start:end]
    assert len(bar.matches) == 2
