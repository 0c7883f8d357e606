"""Rules of PDF text repair (store/text/pdf_text.py), of the PDF readers' models
(store/exchange/pdf_readers.py) and the last gaps of the Word and OpenDocument reader
(store/exchange/word_document.py), each guarded against the small change that would
break it unseen (rv174's mutation review)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from test_rules_saved_pages_and_documents import NS, docx, odt, odt_text, p, r, text_of

DELETED_MARK = '<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'


def styles(*inner: str) -> dict[str, str]:
    return {"word/styles.xml": f"<w:styles {NS}>{''.join(inner)}</w:styles>"}


def numbering(levels: str) -> dict[str, str]:
    return {"word/numbering.xml": f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">'
                                  f"{levels}</w:abstractNum><w:num w:numId=\"1\">"
                                  '<w:abstractNumId w:val="0"/></w:num></w:numbering>'}


NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
DECIMAL = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1."/></w:lvl>')


# -- store/exchange/word_document.py: Word ------------------------------------------------
def test_a_hidden_paragraph_of_spaces_alone_is_left_out_not_a_line_of_spaces():
    """A paragraph of a hidden style whose only shown run holds spaces: nothing a reader
    sees, so no line of spaces between the two paragraphs around it."""
    hidden = ('<w:style w:type="paragraph" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr>'
              "</w:style>")
    data = docx(p(r("قال الوزير")) + p(r("   ", '<w:vanish w:val="0"/>'),
                                         props='<w:pStyle w:val="Hidden"/>')
                + p(r("إن التضخم تراجع")), **styles(hidden))
    assert text_of(data).split("\n") == ["قال الوزير", "إن التضخم تراجع"]


def test_a_numbered_paragraph_whose_end_was_deleted_keeps_its_number():
    """A list item whose mark was deleted (it runs on into the next paragraph) still
    holds words: its «1.» stays; only a paragraph deleted whole loses its number."""
    data = docx(p(r("البند الأول "), props=NUMBERED + DELETED_MARK)
                + p(r("والثاني معه")) + p(r("فقرة")), **numbering(DECIMAL))
    assert text_of(data).split("\n") == ["1. البند الأول والثاني معه", "فقرة"]


def test_a_right_to_left_paragraph_run_on_into_gets_no_mark_mid_line():
    """A right-to-left paragraph opening in Latin, run on into (the paragraph before lost
    its mark): its words go on the line before, with no right-to-left mark in the middle
    of it (a mark there split a typed «الوزير BBC» for search and Find)."""
    data = docx(p(r("قال الوزير "), props=DELETED_MARK)
                + p(r("BBC نشرت الخبر"), props="<w:bidi/>"))
    assert text_of(data) == "قال الوزير BBC نشرت الخبر"


def test_the_words_after_an_unexpanded_entity_in_a_run_are_kept():
    """An entity is never expanded (nor a file read), but the words after it in the same
    ``w:t`` stay: only the ``w:t``'s text before it was read."""
    data = docx(p(r("قال &x; الوزير")))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "X">]>' + document)
    text = text_of(out.getvalue())
    assert text.startswith("قال") and text.endswith("الوزير")


def test_a_paragraph_style_without_a_type_keeps_its_direction():
    """ECMA-376: a ``w:style`` without ``w:type`` is a paragraph style; its ``w:bidi``
    lays its paragraphs out right to left, so «BBC …» gets its mark."""
    style = '<w:style w:styleId="Arabic"><w:pPr><w:bidi/></w:pPr></w:style>'
    data = docx(p(r("BBC نشرت الخبر"), props='<w:pStyle w:val="Arabic"/>'),
                **styles(style))
    assert text_of(data) == "\u200fBBC نشرت الخبر"


def test_a_notes_blank_paragraphs_are_not_blank_lines_in_it():
    """A footnote of two paragraphs with an empty one between: «[1] …» and the next
    line, no blank line inside the note (a blank line ends the notes' block for search's
    phrases and reads as the notes' end)."""
    notes = (f'<w:footnotes {NS}><w:footnote w:id="1">{p(r("المصدر: الوكالة"))}{p()}'
             f"{p(r('آذار 2024'))}</w:footnote></w:footnotes>")
    data = docx(p(r("قال الوزير"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
                **{"word/footnotes.xml": notes})
    assert text_of(data).split("\n") == ["قال الوزير[1]", "", "[1] المصدر: الوكالة",
                                         "آذار 2024"]


# -- store/exchange/word_document.py: OpenDocument ----------------------------------------
OUTLINE = ('<office:styles><text:outline-style style:name="Outline"><text:outline-level-style '
           'text:level="1" style:num-format="1" style:num-suffix="."/></text:outline-style>'
           "</office:styles>")
LIST_STYLE = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
              'style:num-format="1" style:num-suffix=")"/></text:list-style>')


def test_a_heading_inside_a_list_takes_no_outline_number():
    """A heading in a list's header (an item without a number): the list numbers its
    items, the outline does not number a heading inside a list."""
    body = ('<text:list text:style-name="L1"><text:list-header><text:h text:outline-level="1">'
            'عنوان</text:h></text:list-header><text:list-item><text:p>بند</text:p>'
            '</text:list-item></text:list><text:h text:outline-level="1">الوقائع</text:h>')
    assert odt_text(odt(body, automatic=LIST_STYLE, styles=OUTLINE)).split("\n") == [
        "عنوان", "1) بند", "1. الوقائع"]


def test_a_heading_that_restarts_numbering_is_numbered_from_its_levels_start():
    body = ('<text:h text:outline-level="1">مقدمة</text:h>'
            '<text:h text:outline-level="1">الوقائع</text:h>'
            '<text:h text:outline-level="1" text:restart-numbering="true">ملحق</text:h>')
    assert odt_text(odt(body, styles=OUTLINE)).split("\n") == [
        "1. مقدمة", "2. الوقائع", "1. ملحق"]


def test_white_space_after_a_line_break_or_at_a_paragraphs_start_is_not_kept():
    """OpenDocument folds the markup's white space: none at a paragraph's start, none at
    the start of a line after ``text:line-break`` (the file's indentation), while
    ``text:s`` is a space meant."""
    body = ('<text:p>\n    قال الوزير<text:line-break/>\n    إن التضخم<text:s/>تراجع</text:p>')
    assert odt_text(odt(body)) == "قال الوزير\nإن التضخم تراجع"


# -- store/text/pdf_text.py ---------------------------------------------------------------
TYPED = "قال الوزير إن الحكومة قررت رفع الأسعار في الربع الأول من العام.\n"


def test_a_pdf_paragraph_asks_for_the_repair_from_twelve_letters():
    """A paragraph of presentation forms among typed ones asks for the repair alone from
    twelve letters (LINE_LETTERS); a shorter one (a heading, a name) does not, where the
    text as a whole reads as typed."""
    from store.text.display import display_for_terminal
    from store.text.pdf_text import LINE_LETTERS, needs_repair

    assert LINE_LETTERS == 12
    assert needs_repair(TYPED * 3 + display_for_terminal("ارتفع التضخمك"))  # 12 letters
    assert not needs_repair(TYPED * 3 + display_for_terminal("ارتفع التضخم"))  # 11


def test_a_spacing_harakas_form_typed_among_letters_is_left_as_typed():
    """The spacing harakat (U+FE70-FE7F) are a space and a mark: unshaped, a space came
    into the words. Only a letter's or a lam-alef's form is written as its letters."""
    from store.text.pdf_text import unshape_strays

    assert unshape_strays("قال الوزير \ufe76 ثم") == ("قال الوزير \ufe76 ثم", 0)
    assert unshape_strays("قال \ufefb أحد") == ("قال لا أحد", 1)


def test_a_line_half_of_whose_arabic_letters_are_forms_reads_as_visual():
    from store.text.pdf_text import looks_like_visual_pdf_text

    assert looks_like_visual_pdf_text("\ufe8d\ufedf" + "من")  # 2 forms of 4 letters
    assert not looks_like_visual_pdf_text("\ufe8d\ufedf" + "منه")  # 2 of 5


def test_letters_of_the_arabic_supplements_count_as_arabic_letters():
    """A line typed in a language written with the Arabic Supplement (U+0750) or
    Extended-A (U+08A0) letters, with a stray lam-alef form: not a PDF's visual line."""
    from store.text.pdf_text import looks_like_visual_pdf_text

    assert not looks_like_visual_pdf_text("\ufefb \u0750\u0751\u0752")
    assert not looks_like_visual_pdf_text("\ufefb \u08a0\u08a1\u08a2")


def test_a_left_to_right_line_with_as_many_letters_outside_the_embedded_words_keeps_its_order():
    """pdftotext -raw's words are read as a visual line only when they are most of its
    letters: six Latin letters and six in two embedded Arabic words is a left-to-right
    line quoting them, kept in its order."""
    from store.text.pdf_text import repair_pdf_text

    line = "The war \u202b\ufeb3\ufefc\ufee1\u202c \u202b\ufea3\ufeae\ufe8f\u202c"
    assert repair_pdf_text(line) == "The war سلام حرب"


def test_a_spacing_harakas_form_in_a_logical_line_stays_on_its_letter():
    """A spacing fatha (U+FE76, «space + fatha» unshaped) in a line pdftotext gave back in
    logical order: the fatha goes on the letter before it, with no space between."""
    from store.text.pdf_text import repair_pdf_text

    assert repair_pdf_text("\ufedb\ufe98\ufe8e\ufe8f\ufe76") == "كتابَ"


def test_a_right_to_left_override_around_a_pdf_line_is_dropped():
    """Every embedding and override (U+202A-202E) is dropped from a repaired line: an RLO
    left in an article hides in its quotes and splits its words for search."""
    from store.text.pdf_text import repair_pdf_text

    assert repair_pdf_text("\u202e\ufedb\ufe98\ufe8e\ufe8f \ufe9f\ufeaa\ufef3\ufeaa\u202c") == \
        "كتاب جديد"


def test_harakat_only_on_words_last_letters_give_no_sign_and_stay_after_their_letters():
    """A visual line whose marks are all on the words' last letters (the terminal's
    display: each after its letter, never at a word's edge) gives no sign either way:
    the marks are read after their letters, «قرأتُ» not «قرأُت»."""
    from store.text.display import display_for_terminal
    from store.text.pdf_text import repair_pdf_text

    assert repair_pdf_text(display_for_terminal("قرأتُ الكتابَ")) == "قرأتُ الكتابَ"


def test_a_joined_lam_alefs_lone_fatha_goes_on_the_lam():
    """«فلَا»: a lam-alef in its final form (joined to the fa) takes a lone fatha on its
    lam, as an isolated one does; the alef took it («فلاَ»)."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    from store.text.pdf_text import repair_pdf_text

    keeping = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    logical = "قال فلَا أحد يعلم"
    assert repair_pdf_text(keeping.reshape(logical)) == logical
    assert repair_pdf_text(get_display(keeping.reshape(logical))) == logical


def test_a_logical_line_whose_words_open_with_letters_that_do_not_join_is_not_reversed():
    """pdftotext's logical order is known by a word's first letter in its initial form
    or its last in its final form: «الكتاب الجديد» opens each word with an alef (which
    has no initial form), so the final forms alone tell, and the line is only unshaped."""
    from store.text.pdf_text import repair_pdf_text

    line = "\ufe8d\ufedf\ufedc\ufe98\ufe8e\ufe8f \ufe8d\ufedf\ufea0\ufeaa\ufef3\ufeaa"
    assert repair_pdf_text(line) == "الكتاب الجديد"


def test_a_spacing_harakas_form_in_a_visual_line_stays_on_its_letter():
    """A PDF's visual line with a spacing fatha (U+FE76) before its letter: the fatha
    lands on the ba, with no space put between them."""
    from store.text.pdf_text import repair_pdf_text

    assert repair_pdf_text("\ufe76\ufe8f\ufe8e\ufe98\ufedb") == "كتابَ"


def test_the_order_of_harakat_is_judged_by_the_visual_lines_alone():
    """A PDF's visual line (each haraka before its letter) above a line pdftotext gave
    back in logical order, whose words end in marks: the logical line's marks say
    nothing of the visual one's, whose «كِتَابٌ» stays as typed (not «كتِاَب ٌ»)."""
    import unicodedata

    import arabic_reshaper
    from bidi.algorithm import get_display

    from store.text.pdf_text import repair_pdf_text

    keeping = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    text = get_display(keeping.reshape("كِتَابٌ جديد")) + "\n" + \
        keeping.reshape("قرأتُ الكتابَ مرّةً ثانيةً")
    assert repair_pdf_text(text).split("\n")[0] == unicodedata.normalize("NFKC",
                                                                         "كِتَابٌ جديد")


# -- store/exchange/pdf_readers.py: what the packet's PDF gives back ---------------------
def packet_pdf(tmp_path, text: str):
    from store.exchange.packet import HEADINGS, ClaimRow, Packet, Paragraph, Segment
    from store.exchange.packet_pdf import packet_pdf_bytes

    path = tmp_path / "packet.pdf"
    path.write_bytes(packet_pdf_bytes(Packet(
        "ar", "rtl", HEADINGS["ar"], "T", (), (Paragraph("rtl", (Segment(text),)),),
        (ClaimRow(1, text, "Verified", "#9EE6A0", "", (), "a", "not reviewed"),))))
    return path


def test_pdfium_gives_back_a_greater_or_equal_sign_in_an_arabic_line(tmp_path):
    """pdfium mirrors «≥» it reads right to left into «≤»: the text layer lays the mirror
    down for it, so a copied «النسبة ≥ 5» says what the article says."""
    from test_packet_pdf import folded, pdfium_text

    text = "قال الوزير إن النسبة ≥ 5 بالمئة و≤ 9 بالمئة"
    assert text in folded(pdfium_text(packet_pdf(tmp_path, text)))


def test_pdftotext_gives_back_a_percentage_in_an_arabic_line(tmp_path):
    """poppler reads «%» (a European terminator) as a number's character: «40% في»
    is cut after the «%», so pdftotext gives the line back as written."""
    from test_packet_pdf import folded, poppler_text

    text = "ارتفع التضخم 40% في عام 2024"
    assert text in folded(poppler_text(packet_pdf(tmp_path, text)))


def test_pdfium_gives_back_an_arabic_line_opening_with_a_guillemet(tmp_path):
    """A right-to-left row whose first run (from the right) is neither letter nor digit
    («, a bracket): pdfium reads it as right to left already, so it lies mirrored."""
    from test_packet_pdf import folded, pdfium_text

    text = "«نعم» قال الوزير (أمس) في المؤتمر"
    assert text in folded(pdfium_text(packet_pdf(tmp_path, text)))



def test_pdftotext_raw_keeps_an_arabic_lines_words_in_reading_order(tmp_path):
    """pdftotext -raw keeps the order the words were written in: an Arabic line's words
    are written from its right, so -raw gives the line back as it reads."""
    from test_packet_pdf import folded, poppler_text

    text = "وقع الرئيس اتفاقا مع كيم في العاصمة"
    assert text in folded(poppler_text(packet_pdf(tmp_path, text), "-raw"))



MIXED = "The agency said وقع الرئيس اتفاقا مع كيم in the capital."


@pytest.mark.parametrize(("text", "language"), [
    ("وقال الوزير في مؤتمر صحفي إن الحكومة ستنشر التقرير", "en"),
    ("وقال الوزير في مؤتمر صحفي إن الحكومة ستنشر التقرير", "ar"), (MIXED, "en"),
    (MIXED, "ar")])
def test_pdftotext_raw_keeps_the_words_in_reading_order_on_a_page_of_either_direction(
        tmp_path, text, language):
    """A piece's words were written from its left on a page poppler reads left to right
    (an English packet, or a page where the table's Latin outnumbers the Arabic), from its
    right on the other: -raw gave an Arabic line's words last first, or the Arabic words
    of an English line. They are written in the order they are read (rv214)."""
    from test_packet_pdf import folded, poppler_text

    from store.exchange.packet import HEADINGS, Packet, Paragraph, Segment
    from store.exchange.packet_pdf import packet_pdf_bytes
    from store.text.display import base_direction

    path = tmp_path / "raw.pdf"
    path.write_bytes(packet_pdf_bytes(Packet(
        language, "rtl" if language == "ar" else "ltr", HEADINGS[language], "T", (),
        (Paragraph(base_direction(text), (Segment(text),)),), ())))
    assert text in folded(poppler_text(path, "-raw"))


CLAIMS = ("ارتفعت نسبة البطالة 12 بالمئة في العام الماضي", "قال الوزير إن 300 مدرسة أغلقت",
          "بلغ العجز 5 مليارات دولار")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pdftotext_raw_keeps_an_arabic_word_whole_after_a_number_or_a_claims_colour(
        tmp_path, language):
    """A word whose characters lie over glyphs of two runs (after a number: «12 بالمئة»;
    a claim's colour beginning after its «و») was written a part at a time, its right
    part first: -raw gave «با لمئة», «ق ا ل ا لوزير», «و الوزير» on a page poppler reads
    left to right (rv227). Its parts are written together, left to right."""
    from test_packet_pdf import folded, poppler_text

    from store.exchange.packet import HEADINGS, Packet, Paragraph, Segment
    from store.exchange.packet_pdf import packet_pdf_bytes

    claims = [part for n, claim in enumerate(CLAIMS, 1)
              for part in (Segment(claim, "#FFB3B3", (n,)), Segment(". "))]
    english = "The ministry said exports grew by three percent, more English words than Arabic."
    path = tmp_path / "raw.pdf"
    path.write_bytes(packet_pdf_bytes(Packet(
        language, "rtl" if language == "ar" else "ltr", HEADINGS[language], "T", (),
        (Paragraph("rtl", tuple(claims)), Paragraph("rtl", (
            Segment("قال و"), Segment("الوزير إن 300 مدرسة أغلقت", "#FFB3B3", (4,)))),
         Paragraph("ltr", (Segment(english),))), ())))
    text = folded(poppler_text(path, "-raw"))
    assert [claim for claim in CLAIMS if claim not in text] == []
    assert "قال والوزير إن 300 مدرسة أغلقت" in text
    assert re.search(r"الماضي \[ ?1\]\. قال", text)  # the marker after its words, apart
