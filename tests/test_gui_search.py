"""Project search and paste-as-article in the window."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE, import_files, stored
from PySide6.QtGui import QAction

from store.core import appearances, articles
from store.text.display import display_for_terminal


def test_search_hit_opens_selects_and_tags(window):
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("معاهده على الاطلاق")  # folded spelling of the sample quote's words
    panel.run()
    text = window.article_pane.reader.toPlainText()
    expected = text.index("معاهدة على الإطلاق")
    hits = [h for h in panel.hits if h.kind == "article"]
    assert any(h.start <= expected < h.end or h.start == expected for h in hits)
    hit = next(h for h in hits if h.start == expected or h.start <= expected < h.end)
    panel.results.setCurrentRow(panel.hits.index(hit))
    panel._activated(panel.results.currentItem())
    assert window.article_pane.reader.selected_span() == (hit.start, hit.end)
    window.findChild(QAction, "tag_disputed").trigger()
    (claim,) = appearances.list_appearances(stored(window))
    assert (claim.start, claim.end) == (hit.start, hit.end)
    assert text[claim.start:claim.end] == claim.quote


def test_search_finds_other_spellings_and_digits(window):
    project = stored(window)
    articles.add_article(project, "قال الوزير إن الإتفاق وُقّع في ٢٠٢٤ 😀", "ثانٍ")
    window.article_model.reload()
    panel = window.search_panel
    for query, found in (("الاتفاق", "الإتفاق"), ("2024", "٢٠٢٤")):
        panel.query.setText(query)
        panel.run()
        assert any(h.context[h.context_start:h.context_end] == found for h in panel.hits), query


def test_paste_as_article_offers_pdf_repair(window, monkeypatch):
    from gui import article_dialogs

    logical = "وقع الرئيس اتفاقا في 19 يونيو 2024 (EPA)\n" + SAMPLE_QUOTE
    pasted = display_for_terminal(logical)  # what a PDF's copy gives: visual order, shaped
    offered: list[tuple[str, str]] = []
    monkeypatch.setattr(article_dialogs, "ask_pdf_repair",
                        lambda parent, before, after: offered.append((before, after)) or True)
    article_id = window.files.paste_as_article(pasted)
    assert offered and offered[0][1] == logical
    assert articles.get_article(stored(window), article_id).text == logical
    assert window.current_article == article_id


def test_paste_plain_text_imports_without_asking(window, monkeypatch):
    from gui import article_dialogs

    monkeypatch.setattr(article_dialogs, "ask_pdf_repair",
                        lambda *a: (_ for _ in ()).throw(AssertionError("asked")))
    article_id = window.files.paste_as_article("نص عادي منسوخ من موقع إخباري.")
    assert window.article_pane.reader.toPlainText() == "نص عادي منسوخ من موقع إخباري."
    assert window.current_article == article_id


@pytest.mark.parametrize(("pick", "expected"), [(0, "لبنان"), (1, "فبلال"), (None, None)])
def test_an_ambiguous_file_asks_which_reading_and_stores_the_one_picked(
        window, qtbot, monkeypatch, tmp_path, pick, expected):
    from gui import article_dialogs

    path = tmp_path / "short.txt"
    path.write_bytes("لبنان".encode("cp1256"))  # ISO-8859-6 reads it too, as «فبلال»
    asked: list[tuple[str, str]] = []

    def choose(parent, chosen, other, place):
        asked.append((chosen.encoding, other.encoding, place))
        return None if pick is None else (chosen, other)[pick].confirmed()

    monkeypatch.setattr(article_dialogs, "ask_encoding", choose)
    before = {a["id"] for a in window.session.article_list()}
    import_files(qtbot, window, path)
    assert asked == [("Windows-1256", "ISO-8859-6", (1, 1))]
    added = [a for a in articles.list_articles(stored(window)) if a["id"] not in before]
    if expected is None:
        assert added == []  # cancelled: nothing stored
    else:
        (article,) = added
        assert articles.get_article(stored(window), article["id"]).text == expected
        status = window.statusBar().currentMessage()
        assert expected in status and "possible too" not in status  # the user chose


def test_the_encoding_dialog_shows_both_readings(window, tmp_path):
    from PySide6.QtWidgets import QPlainTextEdit

    from gui.article_dialogs import EncodingDialog
    from store.exchange.importing import load_file

    path = tmp_path / "short.txt"
    path.write_bytes("لبنان".encode("cp1256"))
    first = load_file(path)
    dialog = EncodingDialog(first, load_file(path, first.alternative_encoding), window, (2, 3))
    shown = {view.objectName(): view.toPlainText()
             for view in dialog.findChildren(QPlainTextEdit)}
    assert shown == {"encodingChosen": "لبنان", "encodingOther": "فبلال"}
    assert dialog.windowTitle().endswith("(file 2 of 3)")
    assert first.confirmed().changes == [] and not first.confirmed().encoding_ambiguous
