"""The reader keeps one's place when the article is shown again after another program's
write (the one-second poll's reload): the same line at the top. The scroll bar's value
it kept was a count of lines laid out so far, other text in the article shown again
(from character 1373 to 4122 in the sample article, rv190)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from store.core import appearances, articles
from store.core.project import Project


def _line_at_top(reader) -> int:
    """Where the line drawn at the top of the reader starts (UTF-16, as Qt counts)."""
    cursor = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, 2))
    block = cursor.block()
    line = block.layout().lineForTextPosition(cursor.position() - block.position())
    return block.position() + line.textStart()


def _second_line_of_a_middle_paragraph(reader, qtbot) -> int:
    """The reader scrolled to the second line of a paragraph halfway down (the line
    within the paragraph kept too, not only the paragraph); where that line starts."""
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    block = reader.firstVisibleBlock()
    while block.isValid() and block.lineCount() < 2:
        bar.setValue(block.firstLineNumber() + 1)  # laid out as it comes into view
        block = reader.firstVisibleBlock().next()
        bar.setValue(block.firstLineNumber())
    assert block.isValid(), "no paragraph of two lines below the middle"
    bar.setValue(block.firstLineNumber() + 1)
    qtbot.wait(50)  # painted (the paragraphs in view laid out and highlighted)
    top = _line_at_top(reader)
    assert top == block.position() + block.layout().lineAt(1).textStart()
    return top


def _a_colleague_tags(window, article_id: str, start: int) -> None:
    with Project.open(window.session.path, "colleague") as colleague:
        appearances.create_claim(colleague, article_id, start, start + 4, "verified")
    assert window.session.refresh()  # what the one-second poll does


def test_a_colleagues_tag_leaves_the_sample_article_where_one_was_reading(window, qtbot,
                                                                            errors):
    window.resize(900, 500)
    reader = window.article_pane.reader
    qtbot.waitUntil(lambda: not window.reading_places)
    top = _second_line_of_a_middle_paragraph(reader, qtbot)
    _a_colleague_tags(window, window.current_article, 0)
    assert _line_at_top(reader) == top
    qtbot.wait(50)  # and after the paint, which lays out more of the text
    assert _line_at_top(reader) == top
    assert errors == []


@pytest.mark.parametrize("emoji", ["", "😀 "])
def test_a_long_article_is_shown_again_at_the_same_line(window, qtbot, errors, emoji):
    """An article highlighted as it comes into view (over 200 paragraphs), in Arabic,
    with characters of two UTF-16 units or without: the line is found again exactly."""
    words = ("قال", "المسؤول", "إن", "الحكومة", emoji.strip() or "في", "تقرير", "غزة")
    text = "\n".join(" ".join(words[(n + k) % 7] for k in range(n % 90 + 1))
                     for n in range(400))
    with Project.open(window.session.path, "colleague") as colleague:
        article_id = articles.add_article(colleague, text, "long").id
    assert window.session.refresh()
    window.resize(900, 500)
    window.show_article(article_id)
    reader = window.article_pane.reader
    qtbot.wait(50)
    top = _second_line_of_a_middle_paragraph(reader, qtbot)
    _a_colleague_tags(window, article_id, 0)
    qtbot.wait(50)
    assert _line_at_top(reader) == top
    assert errors == []
