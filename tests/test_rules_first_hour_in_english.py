"""What a first hour with Tahqiq ran into (rv192): a LibreOffice PDF's text, copied out
with every «لا» written «ال», stored without a word, its words found by no search; and an
import that stored nothing, the last import's «Imported …» left on the status bar."""

from __future__ import annotations

import io

import pytest

from store.cli.main import main
from store.exchange import importing
from store.text.pdf_text import lam_alef_swapped

# What pdfium and pdftotext alike give of a LibreOffice PDF's «وأضافت أن الاقتصاد نما
# بنسبة 5.3% خلال العام الماضي، والاتفاق قائم.»
COPIED = "وأضافت أن االقتصاد نما بنسبة 5.3% خالل العام الماضي، واالتفاق قائم."
TYPED = "وأضافت أن الاقتصاد نما بنسبة 5.3% خلال العام الماضي، والاتفاق قائم. لا، قال الوزير."


def test_a_word_beginning_with_two_alefs_tells_a_pdfs_lam_alef():
    assert lam_alef_swapped(COPIED) == ("االقتصاد", 2)  # (with «و» before it, too)
    assert lam_alef_swapped(TYPED) == ("", 0)
    assert lam_alef_swapped("مالاالت") == ("", 0)  # two alefs within a word: no word's start


def test_an_import_of_such_text_says_so_and_keeps_the_text(project):
    outcome = importing.import_text(project, COPIED)
    assert outcome.lam_alef_note == ("the PDF it was copied from wrote «لا» as «ال», so "
                                     "search will miss words such as «االقتصاد» (at least 2)")
    assert outcome.lam_alef_note.params == {"word": "االقتصاد", "count": 2}
    assert outcome.article.text == COPIED  # told of, not mended
    assert importing.import_text(project, TYPED).lam_alef_note == ""


@pytest.mark.parametrize("stream", [False, True])
def test_a_file_of_such_text_says_so_read_whole_or_a_piece_at_a_time(project, tmp_path,
                                                                      monkeypatch, stream):
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 0 if stream else 1 << 40)
    path = tmp_path / "copied.txt"
    path.write_text(COPIED + "\n\nالفقرة الثانية: االستثمار.\n", encoding="utf-8")
    outcome = importing.import_file(project, path)
    assert outcome.lam_alef_note.params == {"word": "االقتصاد", "count": 3}


def test_the_command_line_notes_it_for_each_file(tmp_path, capsys):
    copied, typed = tmp_path / "copied.txt", tmp_path / "typed.txt"
    copied.write_text(COPIED, encoding="utf-8")
    typed.write_text(TYPED, encoding="utf-8")
    out = io.StringIO()
    assert main(["import", str(copied), str(typed), "--project",
                 str(tmp_path / "p.tahqiq")], out) == 0
    assert len(out.getvalue().splitlines()) == 2
    assert capsys.readouterr().err == (
        "tahqiq: note: copied.txt: the PDF it was copied from wrote «لا» as «ال», so search "
        "will miss words such as «االقتصاد» (at least 2)\n")


def test_pasting_such_text_says_so_in_a_box(window, errors):
    window.files.paste_as_article(COPIED)
    assert errors == ["info: The PDF it was copied from wrote «لا» as «ال», so search will "
                      "miss words such as «االقتصاد» (at least 2)."]
    errors.clear()
    window.files.paste_as_article(TYPED)
    assert errors == []


def test_an_import_that_stores_nothing_says_so(window, qtbot, tmp_path, errors):
    good = tmp_path / "minister.txt"
    good.write_text("The minister said unemployment fell to five percent.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.files.importFinished, timeout=20000):
        window.files.import_paths([good])
    assert window.statusBar().currentMessage().startswith("Imported «")
    with qtbot.waitSignal(window.files.importFinished, timeout=20000):
        window.files.import_paths([empty])
    assert errors == ["empty.txt is empty."]
    assert window.statusBar().currentMessage() == "Nothing was imported."
