"""A colleague's words — names, titles, notes, verdict names, from a file opened or merged
here — shown as the words they are: never as HTML, never as a menu's key, never as a
direction for the rest of the line, never wider than the window."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from store.core import appearances, articles, labels
from store.exchange.seeding import open_or_create

# Markup that Qt drew when a label or a tooltip took it for rich text: a local file read
# into the window, a heading that pushed the editor's fields out of view.
MARKUP = '<img src="file:///etc/hosts"><h1>Big</h1>'
NAME = f"{MARKUP} R&D"


@pytest.fixture
def colleagues(tmp_path, qtbot, errors):
    """A window on a colleague's project: their name, title, verdict name and note all
    hold markup and an «&»; their claim is chosen."""
    from gui.app import create_window

    path = tmp_path / "colleague.tahqiq"
    with open_or_create(path, NAME) as project:
        article = articles.list_articles(project)[0]["id"]
        articles.update_metadata(project, article, title=f"Title {MARKUP}",
                                 outlet=f"Outlet {MARKUP}")
        labels.add_label(project, "rd", NAME, "#123456", shortcut="7")
        made = appearances.tag_quote(project, article, SAMPLE_QUOTE, "rd", note=MARKUP)
    window = create_window(path, remember=False)
    window.show()
    qtbot.waitExposed(window)
    window.select_claim(made.id)
    yield window
    window.close()
    window.deleteLater()


def shown_as(tip: str) -> str:
    """The words a tooltip shows: Qt reads it as rich text when it looks like some."""
    document = QTextDocument()
    if QtGui.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


def test_labels_show_a_colleagues_markup_as_text(colleagues):
    showing = [label for label in colleagues.findChildren(QLabel) if MARKUP in label.text()]
    assert len(showing) >= 2  # the article's header, the claim's «who and when»
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in showing)


def test_tooltips_show_a_colleagues_markup_as_text(colleagues):
    table = colleagues.claims_panel.model
    note = table.index(0, table.COLUMNS.index("note"), QModelIndex())
    assert shown_as(note.data(Qt.ItemDataRole.ToolTipRole)) == MARKUP
    listing = colleagues.articles_view.model()
    assert f"Title {MARKUP}" in shown_as(listing.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert MARKUP in shown_as(colleagues.action_set.tags["rd"].toolTip())


def test_an_ampersand_in_a_verdicts_name_is_no_menu_key(colleagues):
    """«R&D Verified» read «RD Verified» in the Tag menu and the toolbar: the «&» marked
    the D as the item's key."""
    assert colleagues.action_set.tags["rd"].iconText() == NAME


def test_a_question_shows_a_colleagues_title_as_text(colleagues, monkeypatch):
    """Deleting an article whose title held markup asked «Delete “Title» and no more:
    the rest of the question (how many tagged places go with it) was lost in the HTML."""
    asked = []

    def shown(box: QMessageBox) -> int:
        asked.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.No.value

    monkeypatch.setattr(QMessageBox, "exec", shown)
    colleagues.delete_article()
    ((text_format, text),) = asked
    assert text_format == Qt.TextFormat.PlainText
    assert "Title <img" in text and "tagged place" in text


def test_a_long_address_does_not_widen_the_window(tmp_path, qtbot, errors):
    """An address of tracking parameters, which the header could not break, made a
    window asked for 1,000 pixels 2,000 wide, past the screen; it is shortened in the
    middle now (whole in its tooltip), and no word of the header widens the window. A
    title of 1,700 characters took fifteen lines: shortened too."""
    from gui.app import create_window

    path = tmp_path / "long.tahqiq"
    url = "https://news.example/a?" + "&".join(f"p{i}=v{i}" for i in range(70))
    with open_or_create(path, "me") as project:
        article = articles.list_articles(project)[0]["id"]
        articles.update_metadata(project, article, url=url, title="T" * 400)
    window = create_window(path, remember=False)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.width() == 1000
    header = window.article_pane.header
    assert header.text().count("…") == 2  # the title too: it took the reader's room
    assert shown_as(header.toolTip()) == f"{'T' * 400}\n{url}"
    window.close()
    window.deleteLater()


def test_an_arabic_address_reads_as_words_in_the_header(tmp_path, qtbot, errors):
    """An address copied from a browser holds its Arabic path percent-encoded: the header
    showed «/%D9%85%D8%B9…» (and, shortened, cut it inside a «%D9»); it shows the words,
    as the address bar does, with an encoded override dropped, the address as stored in
    the tooltip."""
    from urllib.parse import quote

    from gui.app import create_window

    path = tmp_path / "arabic-address.tahqiq"
    words = "معاهدة-أقوى-على-الإطلاق"
    url = "https://news.example/2024/" + quote(words) + "-" + quote("\u202e") + "x"
    with open_or_create(path, "me") as project:
        article = articles.list_articles(project)[0]["id"]
        articles.update_metadata(project, article, url=url)
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    header = window.article_pane.header.text()
    assert "https://news.example/2024/" + words + "-%E2%80%AEx" in header  # (not shown)
    assert "\u202e" not in header
    assert shown_as(window.article_pane.header.toolTip()) == url

    unseen = "https://news.example/a%E2%80%A8%E2%80%A8b%C2%85c%E2%80%8Fd"
    with open_or_create(path, "me") as project:  # (a line separator split the header)
        articles.update_metadata(project, article, url=unseen)
    window.show_article(article)
    assert "/a%E2%80%A8%E2%80%A8b%C2%85c%E2%80%8Fd" in window.article_pane.header.text()

    long_words = "مجلس-الأمن-الدولي-" * 8
    with open_or_create(path, "me") as project:
        articles.update_metadata(project, article, url="https://news.example/" + quote(long_words))
    window.show_article(article)
    header = window.article_pane.header.text()
    assert "…" in header and "%" not in header


def test_a_long_note_that_looks_like_html_wraps_in_its_tooltip(qapp):
    """Shown as text, a note holding markup was one line 3,000 pixels wide in its
    tooltip (every space made a no-break space): it wraps as any note does, its words
    and spaces as written."""
    from gui.plain_text import plain_tip

    note = "<b>nothing</b> was  checked; " + "the figure comes from the ministry " * 15
    label = QLabel(plain_tip(note))
    label.setWordWrap(True)  # as Qt's tooltip does for rich text
    assert label.sizeHint().width() < 800
    assert shown_as(plain_tip(note)) == note


def test_a_very_long_note_is_cut_to_a_screenful_in_its_tooltip(window):
    """A note of 5,000 words was a tooltip 6,558 pixels high, on an 800-pixel screen,
    that took 370 ms to show (rv97): cut at a screenful, with «…»; a short one whole."""
    from conftest import tag_quote

    from gui.plain_text import TIP_CHARACTERS

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    note = "قالت رويترز إن المعاهدة لم توقع. " * 1000
    window.claims_panel.editor.note.setPlainText(note)
    window.claims_panel.editor.commit_note()
    model = window.claims_panel.model
    column = model.COLUMNS.index("note")
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert len(tip) == TIP_CHARACTERS and tip.endswith("…") and note.startswith(tip[:-1])
    window.claims_panel.editor.note.setPlainText("قصيرة")
    window.claims_panel.editor.commit_note()
    assert model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) == "قصيرة"


def test_a_verdicts_name_reads_as_written_wherever_the_window_lists_it(colleagues, errors):
    """«R&D» read «R&&D» in Getting Started and «RD» among the keyboard shortcuts, and
    the Undo item after a tag marked its D as the item's key."""
    from conftest import select_in_reader
    from PySide6.QtGui import QAction

    colleagues.show_getting_started()
    assert f"7 {NAME}" in errors[-1]
    rows = colleagues.action_set.shortcut_rows()
    assert (NAME, "7, ٧, ۷") in rows  # (and its twins on Arabic and Persian keyboards)
    text = colleagues.article_pane.reader.plain_text()
    start = text.index("بوتين")
    select_in_reader(colleagues, start, start + len("بوتين"))
    colleagues.tag("rd")
    undo = colleagues.findChild(QAction, "undo")
    assert undo.iconText().endswith(NAME), undo.text()


def test_a_name_in_the_history_and_the_agreement_report_stays_in_its_place(
        tmp_path, qtbot, errors):
    """A colleague named «\u202eMallory» drew a history line and the agreement report's
    lines backwards («(elcitra 1)», «%0.0 = 1/0»): the window sets each name apart,
    on one line, its own direction controls dropped."""
    from gui.app import create_window

    path = tmp_path / "two.tahqiq"
    with open_or_create(path, "\u202eMal\nlory") as project:
        article = articles.list_articles(project)[0]["id"]
        made = appearances.tag_quote(project, article, SAMPLE_QUOTE, "disputed")
        project.annotator = "amal"
        appearances.tag_quote(project, article, "بوتين", "verified")
    window = create_window(path, remember=False)
    told = window.session.history_lines(made.claim_id)
    report = "\n".join(window.session.agreement_lines(None))
    window.select_claim(made.id)
    meta = window.claims_panel.editor.meta.text()  # (who tagged it, and when)
    window.close()
    window.deleteLater()
    assert "\u2068Mal lory\u2069" in told[0] and "\u2068Mal lory\u2069" in report
    assert meta.startswith("\u2068Mal lory\u2069")
    assert "\u202e" not in told[0] + report
