"""Text coming in (direction marks around numbers, a PDF's «لا» written «ال», titles) and
the checks of a project file, pinned where mutation testing of the stop's new code found
them unwatched (rv198), and messages that took a «%2» of a title or a file name for a
place to fill."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from conftest import stored
from PySide6.QtCore import Qt
from test_gui_known_claims import open_copy, tag_sample

from store.core import articles, schema
from store.core.project import Project
from store.errors import NotAProject, StorageError
from store.text.clean import clean_text
from store.text.pdf_text import lam_alef_swapped


def test_a_space_inside_a_left_to_right_isolate_in_arabic_goes_where_it_was_seen():
    """A number in an LRI…PDI isolate (as a chat or a browser writes one) in an Arabic
    line, its word space inside: the space is shown after the number, and stored there
    («12000 مدرسة» found), as for an LRE…PDF embedding."""
    assert clean_text("بلغ \u2066 12000\u2069مدرسة").text == "بلغ 12000 مدرسة"


def test_a_first_strong_isolate_is_not_taken_for_left_to_right():
    """An FSI…PDI takes its text's direction, which cleaning does not work out: Arabic in
    one in an Arabic line is shown in the line's order, its space where it stands, and is
    stored so (moved outside, it made words no one saw: «قال مرحبا وذهب»)."""
    assert clean_text("قال \u2068 مرحبا\u2069وذهب").text == "قال  مرحباوذهب"


def test_an_embedding_of_a_space_alone_keeps_one_space():
    """An LRE…PDF around a lone word space between two Arabic words (a PDF's empty
    run): the space is kept once, not doubled on both sides of what it held."""
    assert clean_text("بلغ\u202a \u202cمدرسة").text == "بلغ مدرسة"


def test_an_embedding_inside_a_first_strong_isolate_of_arabic_moves_nothing():
    """An RLE…PDF in an FSI…PDI of Arabic in an Arabic line: all of it reads right to
    left, in the order it is stored, so the space inside the embedding is seen where it
    stands and stays there (the FSI's direction is not assumed to differ)."""
    assert clean_text("قال \u2068مرحبا \u202b كلمة\u202c\u2069ثم").text == \
        "قال مرحبا  كلمةثم"


def test_an_embedding_inside_another_is_read_against_the_one_around_it():
    """An Arabic quote (RLE…PDF) in an English line, a number in it in LRE…PDF with its
    word space inside: the space is seen after the number in the quote's direction, not
    the line's, and stored there («12000 مدرسة» found)."""
    assert clean_text("He said \u202bبلغ \u202a 12000\u202cمدرسة\u202c.").text == \
        "He said بلغ 12000 مدرسة."


def _rebuilt(path, statements: list[str]) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        for statement in statements:
            raw.execute(statement).fetchall()


def test_a_search_index_part_dropped_from_a_schema_2_project_is_refused(tmp_path, monkeypatch):
    """Schema 2 made the search index: a project of that version whose index lost one of
    the tables FTS5 keeps it in is refused as damaged before its upgrade, as a newer one."""
    path = tmp_path / "v2.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        m.setattr(schema, "SCHEMA_VERSION", 2)
        Project.open(path, "tester").close()
    _rebuilt(path, ["DROP TABLE search_index_config"])
    with pytest.raises(NotAProject, match="its table search_index_config is missing"):
        Project.open(path, "tester")


def test_a_file_sqlite_finds_is_no_database_as_it_writes_is_said_as_damage(tmp_path):
    """SQLITE_NOTADB met inside a write (another program wrote over the file's header):
    one line saying the project file is damaged and the change not saved, the write
    rolled back; not a traceback of sqlite3.DatabaseError."""
    damage = sqlite3.DatabaseError("file is not a database")
    damage.sqlite_errorname = "SQLITE_NOTADB"  # type: ignore[attr-defined]
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        said = r"^The project file is damaged \(file is not a database\); the change was not saved"
        with pytest.raises(StorageError, match=said), project.transaction():
            articles.add_article(project, "The minister said exports rose.", "T")
            raise damage
        assert not project.conn.in_transaction
        assert articles.list_articles(project) == []



def test_a_pdf_paragraph_after_a_page_of_typed_text_asks_for_the_repair():
    """The one look for presentation forms covers the whole sample: a PDF's paragraph
    pasted after ten typed ones (not within the first few hundred characters) is still
    offered the repair, not stored unsearchable unsaid."""
    from store.text.display import display_for_terminal
    from store.text.pdf_text import SAMPLE_CHARS, needs_repair

    typed = "قال الوزير إن الحكومة قررت رفع الأسعار في الربع الأول من العام.\n" * 10
    text = typed + display_for_terminal("ارتفع التضخم في عام 2024")
    assert len(text) < SAMPLE_CHARS and needs_repair(text)


def test_an_import_whose_every_file_is_refused_as_it_is_stored_says_so(window, qtbot, tmp_path,
                                                                        errors):
    """A file read, then refused as it is stored (nothing left once an advert marker is
    taken away): the status bar says nothing was imported, not the last import's
    «Imported «…»», as if this one had stored that."""
    from conftest import import_files

    good = tmp_path / "minister.txt"
    good.write_text("The minister said unemployment fell to five percent.", encoding="utf-8")
    import_files(qtbot, window, good)
    assert window.statusBar().currentMessage().startswith("Imported «")
    marker = tmp_path / "advert.txt"
    marker.write_text("[ad_1]\n", encoding="utf-8")
    import_files(qtbot, window, marker)
    assert len(errors) == 1 and "advert.txt" in errors[0]
    assert window.statusBar().currentMessage() == "Nothing was imported."


def test_a_pdfs_lam_with_hamza_or_madda_swapped_is_told_too():
    """LibreOffice's PDFs write «لإ» and «لآ» as «إل» and «آل» as they write «لا» «ال»:
    «الإعلام» read «اإلعالم», «الآن» read «اآلن»; those words are told of as well."""
    assert lam_alef_swapped("قال وزير اإلعالم") == ("اإلعالم", 1)
    assert lam_alef_swapped("حتى اآلن") == ("اآلن", 1)


def test_a_swapped_word_after_the_prepositions_b_and_k_is_told():
    """«بالاتفاق» and «كالاقتصاد» as such a PDF writes them («باالتفاق», «كاالقتصاد»):
    the preposition's letter is the word's first, and the word is counted."""
    assert lam_alef_swapped("ملتزم باالتفاق كاالقتصاد") == ("باالتفاق", 2)


def test_a_swapped_word_is_told_whole_with_its_marks_and_at_the_texts_start():
    """The word told is the word as written, its harakat in it («االقتِصاد», not
    «االقت»), and the text's first word counts whatever letter ends the text."""
    assert lam_alef_swapped("نما االقتِصاد") == ("االقتِصاد", 1)
    assert lam_alef_swapped("االقتصاد نمو") == ("االقتصاد", 1)
    assert lam_alef_swapped("قال مَاالت") == ("", 0)  # (after a mark on a letter: within a word)


def test_a_title_made_again_reads_a_line_separator_as_a_line_break():
    """An article stored before import made U+2028 a line break («★★» then its headline
    after a Mac's Shift+Return): its title cleared, the one made again is the headline's
    line, not the line of stars before it."""
    project = Project.in_memory("me")
    article = articles.add_article(project, "★★\u2028العنوان الرئيسي\nنص الخبر", "T")
    assert articles.update_metadata(project, article.id, title="").title == "العنوان الرئيسي"


def test_a_title_keeps_the_marks_its_line_begins_with():
    """The first line holding a letter titles the article from its start: a headline
    in «» or a post's hashtag keeps its opening mark («الحكومة تقرر» without its «
    read unbalanced)."""
    assert articles.derive_title("«الحكومة تقرر رفع الأسعار»\nنص") == \
        "«الحكومة تقرر رفع الأسعار»"
    assert articles.derive_title("\u200f#غزة_الآن قصف جديد\nنص") == "#غزة_الآن قصف جديد"


def test_a_line_of_underscores_titles_nothing_and_a_last_letter_past_the_limit_is_cut():
    """A rule of «_____» under a site's name is no title (no letter nor digit in it);
    and a line one space and one letter longer than the limit is cut with «…», not
    given as the title without its last word and nothing to say so."""
    assert articles.derive_title("______\nعنوان الخبر\nنص") == "عنوان الخبر"
    assert articles.derive_title("abcde fghi j", limit=10) == "abcde…"


def test_find_reads_a_paragraph_separator_as_a_line_break_both_ways():
    """U+2029 (a Mac's paragraph separator) as U+2028: in an article stored before, a
    typed space finds the words across it; in a quote copied with one, it finds them
    across the article's line break."""
    from store.text.fold import fold

    assert fold("الحرب\u2029بدأت").find_all("الحرب بدأت") == [(0, 10)]
    assert fold("الحرب\nبدأت").find_all("الحرب\u2029بدأت") == [(0, 10)]
    assert fold("الحرب \u2028بدأت").find_all("الحرب بدأت") == [(0, 11)]  # (a space before)


def test_a_big_file_tells_its_first_swapped_word_and_counts_every_piece(tmp_path, monkeypatch):
    """A file imported a piece at a time: the word told is the first in the text, as for
    one read whole, and the count is of all the pieces, not of the last."""
    from store.exchange import importing
    from store.text.clean import CleanStream

    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(CleanStream, "PIECE", 64)
    filler = "قال الوزير إن الحكومة قررت رفع الأسعار في الربع الأول.\n" * 4
    path = tmp_path / "copied.txt"
    path.write_text(f"نما االقتصاد هذا العام.\n{filler}وقال وزير اإلعالم ذلك.\n{filler}",
                    encoding="utf-8")
    outcome = importing.import_file(Project.in_memory("me"), path)
    assert outcome.lam_alef_note.params == {"word": "االقتصاد", "count": 2}


def test_a_hashtags_word_after_its_underscore_and_a_clitic_is_found():
    """«#غزة_والضفة»: «الضفة» starts a word after «_» and the clitic «و», as after a
    space («والضفة»), and search finds it there."""
    from store.text.fold import fold, fold_query
    from store.text.word_starts import find_spans

    assert list(find_spans(fold_query("الضفة"), fold("#غزة_والضفة").text)) == [(6, 11)]


def test_a_single_swapped_word_is_told():
    """One word of a LibreOffice PDF's «لا» written «ال» in a pasted paragraph is told of,
    as two are: search will miss it all the same."""
    from store.exchange import importing

    outcome = importing.import_text(Project.in_memory("me"), "قال إن االقتصاد نما.")
    assert outcome.lam_alef_note.params == {"word": "االقتصاد", "count": 1}


def test_an_fsi_around_a_number_moves_its_space_as_an_lri_does():
    """An FSI…PDI around a number has no strong character: it is shown as an LRI (UAX #9
    X5c), its inner space after the number, and stored so (rv198)."""
    assert clean_text("بلغ \u2068 12000\u2069مدرسة").text == "بلغ 12000 مدرسة"


def test_a_swapped_word_after_two_clitics_is_told():
    """«وباالتفاق», «وكاالقتصاد», «فباالضافة»: «و» or «ف» before «ب» or «ك» (rv198)."""
    for word in ("وباالتفاق", "وكاالقتصاد", "فباالضافة"):
        assert lam_alef_swapped(f"قال {word} أمس") == (word, 1)
    assert lam_alef_swapped("سباالقتصاد") == ("", 0)  # (no clitic: within a word)


def test_link_as_one_claims_status_keeps_a_title_holding_percent_two(window, qtbot, tmp_path):
    mine = tag_sample(window, "disputed")
    open_copy(window, qtbot, tmp_path)
    theirs = tag_sample(window, "verified")
    other = window.session.appearance(theirs).article_id
    articles.update_metadata(stored(window), other, title="Report%202024 on the treaty")
    window.show_article(window.session.appearance(mine).article_id)
    window.select_claim(mine)
    editor = window.claims_panel.editor
    qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    said = window.statusBar().currentMessage()
    assert "Report%202024" in said, "BUG: the title was filled with the verdict: " + said


def test_a_moved_projects_name_holding_percent_two_is_said_as_it_is(qtbot, tmp_path, errors):
    """A project saved as «brief%20v2.tahqiq» (a name from a link), renamed while open."""
    from gui.app import _windows, create_window
    from store.exchange import seeding

    path = tmp_path / "brief%20v2.tahqiq"
    seeding.open_or_create(path).close()
    window = create_window(path, remember=False)
    window.show()
    qtbot.waitExposed(window)
    renamed = tmp_path / "sent.tahqiq"
    path.rename(renamed)
    qtbot.waitUntil(lambda: any("was moved or renamed" in shown for shown in errors),
                    timeout=5000)
    shown = next(shown for shown in errors if "was moved or renamed" in shown)
    for other in list(_windows):
        if other.isVisible():
            other.session.moved_away = False
            other.close()
    assert "brief%20v2.tahqiq" in shown, "BUG: the old name was filled with the new place: " + shown
