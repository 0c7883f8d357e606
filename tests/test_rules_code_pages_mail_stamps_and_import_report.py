"""Mutants of stop 80's new code the suite let pass (rv244): code pages, saved mails, UTF-16
without its mark, time stamps after a fast clock, the import report and the Labels names."""

from __future__ import annotations

import pytest

from store.errors import ImportRejected
from store.exchange import importing
from store.exchange.importing import load_file


def test_a_dos_arabic_text_of_twenty_characters_is_refused(tmp_path):
    """Twenty characters are enough to judge a one-byte reading: CP720 bytes of them read
    as a code page Tahqiq knows are garble (below -7 nats a pair) and are refused, not
    stored (kills `>= _JUDGED_CHARS` -> `>` in _refuse_implausible, and _JUDGED_CHARS 40)."""
    text = "فلاديمير بوتين اتفاق"
    assert len(text) == importing._JUDGED_CHARS
    path = tmp_path / "dos.txt"
    path.write_bytes(text.encode("cp720"))
    with pytest.raises(ImportRejected, match="does not read as Arabic in any encoding"):
        load_file(path)


def test_a_mac_arabic_text_of_twenty_characters_is_read_in_mac_arabic(tmp_path):
    """MacArabic is judged from twenty characters on: a Mac's twenty-character snippet
    comes in as written, not as ISO-8859-6 with no-break spaces (kills `len(...) >=
    _JUDGED_CHARS` -> `>` in _legacy_readings)."""
    text = "وريا الشمالية لهجوم."
    assert len(text) == importing._JUDGED_CHARS
    path = tmp_path / "mac.txt"
    path.write_bytes(text.encode("mac_arabic"))
    loaded = load_file(path)
    assert (loaded.text, loaded.encoding) == (text, "MacArabic")


# --- gui/project_files.py: the status line's titles and the Import Report (no window) ---

from types import SimpleNamespace  # noqa: E402

from gui import project_files  # noqa: E402
from gui.project_files import TITLE_CHARS, ProjectFiles  # noqa: E402
from store.errors import Message  # noqa: E402


def _tr(text: str, _context: str = "", count: int = -1) -> str:
    return text.replace("%n", str(count)) if count >= 0 else text


class _Button:
    def __init__(self):
        self.visible, self.tip = None, None

    def setToolTip(self, tip):  # noqa: N802 - Qt's name
        self.tip = tip

    def setVisible(self, visible):  # noqa: N802 - Qt's name
        self.visible = visible


def _files(button=None):
    files = SimpleNamespace(tr=_tr, import_report="", _report_button=button)
    files._report = lambda reported: ProjectFiles._report(files, reported)
    return files


def _outcome(title, created, changes):
    return importing.ImportOutcome(project=None, article_id=title, title=title,
                                   created=created, encoding="UTF-8", changes=changes)


def test_a_title_of_forty_characters_is_named_whole_and_a_longer_one_cut_to_forty():
    """The status line names imported titles whole up to TITLE_CHARS, and cuts a longer one
    to TITLE_CHARS with its ellipsis (kills `<=` -> `<` and `TITLE_CHARS - 1` -> TITLE_CHARS)."""
    exact, longer = "أ" * TITLE_CHARS, "ب" * (TITLE_CHARS + 1)
    said = ProjectFiles._some_titles(_files(), [exact, longer])
    assert exact in said and exact + "…" not in said
    assert "ب" * (TITLE_CHARS - 1) + "…" in said and "ب" * TITLE_CHARS not in said


def test_the_import_report_tells_only_articles_this_import_made():
    """A file already in the project (not created) is no article of the report, nor counted
    among its changes, and with nothing to report the button is hidden (kills dropping
    `outcome.created and`, counting every outcome's changes, and setVisible(True))."""
    button = _Button()
    files = _files(button)
    made = _outcome("مقال جديد", True, [Message("normalised to Unicode NFC"),
                                         Message("removed tatweel")])
    had = _outcome("مقال قديم", False, [Message("normalised to Unicode NFC")] * 3)
    said = ProjectFiles._cleaning_report(files, [made, had])
    assert said == ["On the way in: 2 change(s), in the Import Report."]
    assert "مقال جديد" in files.import_report and "مقال قديم" not in files.import_report
    assert button.visible is True
    assert ProjectFiles._cleaning_report(files, [had]) == []
    assert (files.import_report, button.visible) == ("", False)


assert project_files  # (imported for the module's translations context)


# --- importing: UTF-16 read without its mark, from bytes with no NUL ---

from store.exchange.importing import decode_bytes  # noqa: E402


@pytest.mark.parametrize("text", [
    "ء\u200eأ-",  # its UTF-16 reading: an Arabic ligature beside an Ethiopic letter (U+2DC3)
    "ء\u200eأ ",  # ... beside an unassigned character (U+20C3)
    "ء\u200eا.",  # ... beside a CJK radical (U+2EC7), no letter
])
def test_a_windows_1256_snippet_whose_utf16_reading_is_not_all_arabic_stays_windows_1256(text):
    """Bytes with no NUL are UTF-16 only if every letter of that reading is Arabic and it
    holds nothing unassigned or East Asian (kills `== 1.0` -> `>= 0.5`, dropping the «Cn»
    check, and _EAST_ASIAN_OR_PRIVATE narrowed to U+4E00-U+D7FF, U+E000-U+F8FF)."""
    decoded = decode_bytes(text.encode("cp1256"))
    assert (decoded.text, decoded.encoding) == (text, "cp1256")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_holding_figures_in_thin_groups_is_read(tmp_path, codec):
    """Figures grouped by a narrow no-break space («١ ٥٠٠ ٠٠٠», U+202F: no NUL in its
    UTF-16, as a plain space has) are figures alone as one is (kills dropping \\s from
    _FIGURES' repeated class; a plain space's NUL takes the file elsewhere)."""
    figures = "١\u202f٥٠٠\u202f٠٠٠"
    path = tmp_path / "figures.txt"
    path.write_bytes(figures.encode(codec))
    loaded = load_file(path)
    assert (loaded.text, loaded.encoding.lower()[:6]) == (figures, "utf-16")


@pytest.mark.parametrize("words", ["غزة", "الناس أكثر"])
def test_a_short_page_is_read_in_the_code_page_it_is_labelled(words):
    """A page's label is trusted unless another code page reads it clearly likelier: a
    page labelled ISO-8859-6 holding «غزة» is not taken for Windows-1256's «عزة», a hair
    likelier by letter pairs alone (kills the declared code page's head start cut from
    AMBIGUITY_NATS to CP1256_PRIOR_NATS)."""
    page = f'<html><head><meta charset="iso-8859-6"></head><body><p>{words}</p></body></html>'
    decoded = importing.decode_html(page.encode("iso8859_6"), "page.html")
    assert (decoded.encoding, words in decoded.text) == ("iso8859_6", True)


def test_a_saved_mail_after_a_blank_line_is_still_refused(tmp_path):
    """A mail program's file may open with a blank line before its headers; it is refused
    as a saved e-mail, not imported as an article of headers and base64 (kills dropping
    `start.lstrip()` in _is_mail)."""
    path = tmp_path / "newsletter.eml"
    path.write_bytes(b"\r\nFrom: news@example.com\r\nMIME-Version: 1.0\r\nContent-Type: "
                     b"text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     b"2YjZgti5\r\n")
    with pytest.raises(ImportRejected, match="saved e-mail"):
        load_file(path)


def test_both_label_names_are_one_line_elided_cells(qtbot, errors):
    """The Arabic name, as the English one, is a _NameCells column: on one line, elided,
    whole in its tooltip (kills the delegate set for «name_en» only)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from gui.app import create_window
    from gui.settings_dialogs import LabelsDialog, _NameCells

    win = create_window()
    qtbot.addWidget(win)
    win.session.add_label("half_true", "Misleading", "#C0A0F0",
                          name_ar="مضلل: رقم صحيح في سياق ناقص " * 4)
    dialog = LabelsDialog(win.session, win, win.undo_stack)
    qtbot.addWidget(dialog)
    table = dialog.table
    for field in ("name_en", "name_ar"):
        column = LabelsDialog.COLUMNS.index(field)
        delegate = table.itemDelegateForColumn(column)
        assert isinstance(delegate, _NameCells), field
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, table.model().index(0, column))
        assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText


def test_a_plain_saved_mail_known_by_its_message_id_is_refused(tmp_path):
    """An old plain mail has no MIME header; its Message-ID says it is a mail (kills
    dropping Message-ID from _MAIL_FIELD)."""
    path = tmp_path / "letter"
    path.write_bytes(b"From: editor@example.com\nTo: desk@example.com\nSubject: quote\n"
                     b"Date: Mon, 7 Dec 2026 03:00:00 +0000\nMessage-ID: <1@example.com>\n\n"
                     b"The minister said the deal was signed.\n")
    with pytest.raises(ImportRejected, match="saved e-mail"):
        load_file(path)


def test_a_mac_arabic_text_only_mac_arabic_reads_as_arabic_is_read(tmp_path):
    """A Mac's date line in Arabic-Indic digits (bytes ISO-8859-6 lacks; Windows-1256 reads
    its letters as «è ê ç») has MacArabic as its only reading: it comes in, no error
    (kills dropping `not others or` in _legacy_readings: an IndexError on import)."""
    text = "يوم ١٢ يونيو ٢٠٢٤ وهو يوم"
    path = tmp_path / "date.txt"
    path.write_bytes(text.encode("mac_arabic"))
    loaded = load_file(path)
    assert (loaded.text, loaded.encoding, loaded.alternative_encoding) == (
        text, "MacArabic", "")


def test_an_import_that_fails_keeps_the_refusals_found_on_reading(window, qtbot, tmp_path,
                                                                   errors, monkeypatch):
    """When storing fails as a whole (here a full disk), its box still names the files
    refused on reading, before the failure: one box for one import (kills the failure
    path handed `failed` alone, the empty file's refusal lost)."""
    from conftest import import_files

    from store.errors import TahqiqError

    files = [tmp_path / "empty.txt", tmp_path / "good.txt"]
    files[0].write_bytes(b"")
    files[1].write_text("قال الوزير إن الاتفاق مهم.\n", "utf-8")

    def full(*_args, **_kwargs):
        raise TahqiqError("The disk is full; nothing was imported.")

    monkeypatch.setattr(window.session, "import_files", full)
    import_files(qtbot, window, *files)
    (box,) = errors
    lines = box.split("\n")
    assert lines[0].startswith("empty.txt") and "disk is full" in lines[-1]


def test_a_cut_label_names_tooltip_shows_markup_as_typed(qtbot, errors):
    """A long name that looks like HTML («<b>…</b>») is shown in its cell's tooltip as
    typed, not as bold text with its tags gone (kills plain_tip dropped in _NameCells)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from gui.app import create_window
    from gui.plain_text import plain_tip
    from gui.settings_dialogs import LabelsDialog

    win = create_window()
    qtbot.addWidget(win)
    name = "<b>Misleading</b>: a real figure, taken out of its context, " * 3
    win.session.add_label("half_true", name, "#C0A0F0")
    dialog = LabelsDialog(win.session, win, win.undo_stack)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    table = dialog.table
    try:
        row = [table.item(r, 0).text() for r in range(table.rowCount())].index("half_true")
        place = table.visualRect(table.model().index(row, 1)).center()
        QApplication.sendEvent(table.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, place, table.viewport().mapToGlobal(place)))
        assert QToolTip.text() == plain_tip(name.strip()) != name.strip()
    finally:
        QToolTip.hideText()
        dialog.close()
        win.close()


def test_a_dos_arabic_text_just_below_the_bound_a_letter_pair_is_refused(tmp_path):
    """The bound is a mean over letter PAIRS (symbols less one): a CP720 snippet whose
    best reading averages -7.11 nats a pair is refused (kills dividing by the number of
    symbols in mean_log_likelihood, which put it at -6.93 and stored the garble)."""
    from store.text import plausibility

    text = "اديمير بوتين اتفاقا مع كيم جونغ أون يتضم"
    data = text.encode("cp720")
    sample = importing._legacy_readings(data, False)[0][2]
    assert -7.2 < plausibility.mean_log_likelihood(sample) < importing.IMPLAUSIBLE_NATS
    path = tmp_path / "dos.txt"
    path.write_bytes(data)
    with pytest.raises(ImportRejected, match="does not read as Arabic in any encoding"):
        load_file(path)


# --- plausibility: marks skipped; no_words' exemption in own_place_at ---

@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u200d", "\u200c"])
def test_a_direction_mark_or_joiner_beside_a_word_is_no_letter_glued_to_it(mark):
    """An RLM, LRM, ALM or a joiner after a word is read as nothing, not as a foreign
    character glued to its last letter (-20 nats), which pushed a right reading of a
    Windows-1256 text with direction marks below a wrong one (kills LRM/RLM or ALM left
    out of plausibility._INVISIBLE)."""
    from store.text import plausibility

    assert plausibility.symbols(f"على{mark} الأرض") == plausibility.symbols("على الأرض")
    assert plausibility.log_likelihood(f"{mark}قال{mark}") == plausibility.log_likelihood("قال")


def test_my_older_place_on_a_comma_is_found_when_its_sheet_brought_no_context(project):
    """A place an older Tahqiq made on a lone comma, brought by a sheet with no prefix or
    suffix, is still my place on those words when I select them with a space either side
    (a verdict relabels it rather than being refused as punctuation; kills own_place_at's
    look-up without signs=True)."""
    from store.core import appearances, articles

    text = "قال الوزير إن النمو بلغ 5% ، وهذا جيد."
    article = articles.add_article(project, text, "one")
    with pytest.MonkeyPatch.context() as m:  # (as an older Tahqiq tagged it)
        m.setattr(appearances, "no_words", lambda quote, signs=False: None)
        comma = appearances.tag_quote(project, article.id, "،", "disputed")
    project.execute("UPDATE appearances SET prefix = '', suffix = '' WHERE id = ?",
                    [comma.id])
    at = text.index("،")
    found = appearances.own_place_at(project, article.id, at - 1, at + 2)
    assert found is not None and found.id == comma.id


# --- stamps: Unlink after a colleague's fast clock relabelled the claim ---

from reliability.test_causal_stamps import SPANS, TEXT, _ahead, _three, clock  # noqa: E402, F401


def test_words_split_off_a_claim_a_fast_clock_relabelled_are_made_after_the_relabel(
        tmp_path, clock):  # noqa: F811 - the fixture imported above
    """Badr's clock ten minutes fast relabelled the claim (its words untouched); Amal
    merged his file and unlinked one of its places: the claim she split off is made after
    the relabel it copies, not before it by her clock (kills unlink's stamp taken after
    the place's last change alone, `later_than(before.updated)`)."""
    import shutil

    from store.core import appearances, claims, history
    from store.core.project import Project
    from store.exchange import merge

    paths, article, claim = _three(tmp_path)
    with Project.open(paths[0], "amal") as amal:
        added = appearances.add(amal, claim, article, *SPANS[2]).id
    shutil.copy(paths[0], paths[1])  # (Badr's copy has the words too)
    _ahead(paths[1], clock, lambda badr: claims.update_claim(badr, claim, label="disputed"))
    with Project.open(paths[0], "amal") as amal:
        merge.merge_project(amal, paths[1])
        relabelled = claims.get_claim(amal, claim).updated
        moved = appearances.unlink(amal, added)
        own = claims.get_claim(amal, moved.claim_id)
        split = [entry.at for entry in history.for_claim(amal, own.id)
                 if entry.action == "unlink"]
    assert own.created > relabelled
    assert split == [own.created]


def test_an_article_edit_after_a_fast_clocks_tag_is_told_at_the_moment_of_its_text(
        tmp_path, clock):  # noqa: F811 - the fixture imported above
    """Badr's clock ten minutes fast tagged words; Amal merged and edited the article's
    text: its History entry («retext») is stamped with the text's change, after his tag,
    not by her clock before it (kills the retext history entry recorded without
    `at=now`)."""

    from store.core import appearances, history, retext
    from store.core.project import Project
    from store.exchange import merge

    paths, article, claim = _three(tmp_path)
    added = _ahead(paths[1], clock, lambda badr: appearances.add(badr, claim, article, *SPANS[2]))
    with Project.open(paths[0], "amal") as amal:
        merge.merge_project(amal, paths[1])
        edited = retext.set_article_text(amal, article, "Today: " + TEXT)
        told = [entry.at for entry in history.for_entity(amal, article)
                if entry.action == "retext"]
    assert told == [edited.updated] and edited.updated > added.updated


def test_an_article_edit_after_a_fast_clocks_retitling_is_stamped_after_it(
        tmp_path, clock):  # noqa: F811 - the fixture imported above
    """Amal's clock, ten minutes fast, retitled the article, then was set right; her edit
    of its text is stamped after the retitling, not ten minutes before it (kills
    set_article_text's moment taken after its places alone, not the article's change)."""
    from datetime import timedelta

    from store.core import articles, retext
    from store.core.project import Project

    paths, article, _claim = _three(tmp_path)
    with Project.open(paths[0], "amal") as amal:
        clock.offset = timedelta(minutes=10)
        first = articles.update_metadata(amal, article, title="Exports")
        clock.offset = timedelta(0)
        second = retext.set_article_text(amal, article, "Today: " + TEXT)
    assert second.updated > first.updated
