"""What the window does with an error no code expected: one dialog, never a traceback
alone (gui.uncaught), and a damaged project that the opening's check did not read
refused with a message."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from conftest import SAMPLE_QUOTE, select_in_reader

from store.core import articles
from store.core import project as project_module
from store.core.project import Project


@pytest.fixture
def hook(monkeypatch):
    from gui import uncaught

    monkeypatch.setattr(uncaught, "_shown", {})
    return uncaught


def test_an_uncaught_error_is_one_dialog_however_often_it_comes(hook, errors, capsys):
    damage = sqlite3.DatabaseError("database disk image is malformed")
    for _ in range(40):  # every cell of a table painted over a damaged page
        hook.show(type(damage), damage, None)
    assert errors == ["The project database reported a problem: database disk image is "
                      "malformed. What was saved before is kept; `tahqiq check` tells "
                      "whether the file is damaged."]
    assert "DatabaseError" in capsys.readouterr().err  # the traceback, for a report
    bug = KeyError("label")
    hook.show(type(bug), bug, None)  # another message is shown
    assert errors[-1] == "Something went wrong: \u2068KeyError: 'label'\u2069. What was saved " \
                         "before is kept."
    hook.show(KeyboardInterrupt, KeyboardInterrupt(), None)  # Ctrl+C in the terminal
    assert len(errors) == 2


@pytest.mark.qt_no_exception_capture
def test_a_table_that_cannot_be_read_shows_one_message(window, qtbot, hook, errors,
                                                       monkeypatch):
    """The claims table reads a row in full for a column such as the note (its quote is
    cut from the text the window holds): a damaged page under the rows it shows fails
    every cell of that column it paints, and the person sees one message."""
    monkeypatch.setattr(sys, "excepthook", hook.show)
    model = window.claims_panel.model
    window.claims_panel.view.setColumnHidden(model.COLUMNS.index("note"), False)

    def damaged(_place):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(model, "_full_of", damaged)
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag("disputed")
    qtbot.wait(200)  # the table paints its new row, and fails: cell after cell
    assert len(errors) == 1 and "reported a problem" in errors[0]
    assert "override" not in errors[0]  # PySide's words around it, Qt's names: not shown
    assert "database disk image is malformed" in errors[0]


def test_a_damaged_page_read_after_opening_is_refused_with_a_message(tmp_path, errors,
                                                                     monkeypatch):
    """A project over FULL_CHECK_UP_TO is not checked whole when it opens: the window
    read the damaged text of its first article and ended in a traceback, no dialog."""
    from gui.app import open_window

    path = tmp_path / "damaged.tahqiq"
    text = "نَصٌّ طَوِيلٌ جِدًّا " * 4000  # harakat: these bytes are the article's alone
    with Project.open(path, "tester") as project:
        articles.add_article(project, text, "long")
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = data.find(text[len(text) // 2:len(text) // 2 + 60].encode())
    assert middle > 0
    page = middle - middle % page_size
    data[page:page + 4] = b"\xff\xff\xff\xff"  # an overflow page's link to the next
    path.write_bytes(bytes(data))
    monkeypatch.setattr(project_module, "FULL_CHECK_UP_TO", 0)  # as for a big file

    assert open_window(path) is None
    assert len(errors) == 1
    assert errors[0].startswith("The project database reported a problem: ")
