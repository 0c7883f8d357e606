"""What the review packet shows, guarded where mutation testing (rv176) found the suite
silent: the review cell, where a claim's number stands, line breaking and alignment in the
PDF, and the PDF's pages keeping every line inside the page's margins."""

from __future__ import annotations

import pypdfium2
import pytest
from fpdf import FPDF

from store.core import appearances, articles
from store.exchange.packet import HEADINGS, ClaimRow, Packet, Paragraph, Segment
from store.exchange.packet_pdf import MARGIN, packet_pdf_bytes
from store.exchange.pdf_layout import Style, Typesetter, _Paragraph
from store.review import reviews

A4_HEIGHT = 841.89  # points
MM = 72 / 25.4  # points per millimetre


def chars_and_boxes(data: bytes) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    """(page, character, box in points: left, bottom, right, top) of every character
    pdfium reads in the PDF *data*."""
    document = pypdfium2.PdfDocument(data)
    out = []
    try:
        for number, page in enumerate(document):
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                char = textpage.get_text_range(i, 1)
                if char.strip():
                    out.append((number, char, textpage.get_charbox(i)))
    finally:
        document.close()
    return out


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def a_packet(paragraphs: list[str], claims: tuple[ClaimRow, ...] = (),
             language: str = "en") -> Packet:
    return Packet(language, "rtl" if language == "ar" else "ltr", HEADINGS[language], "t",
                  (), tuple(Paragraph("ltr", (Segment(text),)) for text in paragraphs),
                  claims)


def row(number: int, note: str = "", review: str = "not reviewed") -> ClaimRow:
    return ClaimRow(number, f"quote {number}", "Disputed", "#FFB3B3", note, (), "tester",
                    review)


# -- store/exchange/packet.py ----------------------------------------------------------------
def test_a_review_without_a_comment_ends_at_the_reviewers_name(sample_project,
                                                               sample_article):
    """«accepted (editor)»: a review given without a comment has no «: » after the name,
    as though a comment had been left out of the packet."""
    from conftest import SAMPLE_QUOTE

    from store.exchange.packet import build_packet

    made = appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed")
    sample_project.annotator = "editor"
    reviews.review_claim(sample_project, made.claim_id, "accept", "")
    (claim,) = build_packet(sample_project, sample_article.id).claims
    assert claim.review == "accepted (\u2068editor\u2069)"


# -- store/exchange/packet_pdf.py ------------------------------------------------------------
def test_a_claims_number_stays_at_the_end_of_its_arabic_words_in_an_english_line():
    """In an English line an Arabic claim ends on its left: its [n] is drawn there, inside
    the claim's isolate, as the HTML packet's <bdi> puts its <sup>; outside the isolate
    it went to the claim's right, beside the words the claim begins with."""
    from store.exchange.packet import paragraph_segments
    from store.exchange.packet_pdf import _spans
    from store.exchange.pdf_layout import _isolated_runs, bidi_levels, visual_order

    plain = "He said البطالة ارتفعت last year."
    start, end = plain.index("البطالة"), plain.index(" last")
    spans = _spans(paragraph_segments(plain, 0, [(start, end, "#FFAAAA", 3)]))
    text = "".join(t for t, _ in spans)
    assert text == "He said البطالة ارتفعت[3] last year."
    styles = [style for t, style in spans for _ in t]
    levels = bidi_levels(text, False, _isolated_runs(text, styles, False))
    shown = "".join(text[i] for i in visual_order(levels))  # left to right
    assert shown.index("3") < shown.index("ارتفعت"[::-1]) < shown.index("البطالة"[::-1])


def test_no_line_of_the_article_is_drawn_into_the_bottom_margin():
    """Lines flow onto the next page before the page's bottom margin (where the page number
    is): a line was drawn only once the last one had passed the margin, past it."""
    packet = a_packet([f"Paragraph {n} of the article, long enough to take a few lines "
                       "of the page each time it is laid out in the packet." * 2
                       for n in range(40)])
    boxes = chars_and_boxes(packet_pdf_bytes(packet))
    page_numbers_top = (MARGIN + 0.5) * MM  # the page number's line is drawn from here
    lowest = min(box[1] for _page, _char, box in boxes if box[3] > page_numbers_top)
    assert lowest >= (MARGIN + 5) * MM - 1, lowest
    assert max(page for page, _c, _b in boxes) >= 1  # (more than one page)


def test_a_long_note_goes_on_over_pages_whole_and_inside_the_margins():
    """A note of many lines is continued on the next page under the table's header again:
    every line of it is in the PDF, once, and none is drawn past the bottom margin."""
    note = "\n".join(f"Point {n:03d} of the note." for n in range(150))
    packet = a_packet(["One paragraph."], (row(1, note), row(2, "short")))
    data = packet_pdf_bytes(packet)
    text = pdf_text(data)
    for n in range(150):
        assert text.count(f"Point {n:03d} of") == 1, n
    boxes = chars_and_boxes(data)
    page_numbers_top = (MARGIN + 0.5) * MM
    lowest = min(box[1] for _page, _char, box in boxes if box[3] > page_numbers_top)
    assert lowest >= (MARGIN + 5) * MM - 1, lowest
    assert text.count("Note") >= 3  # the header again on every page the row reaches


def test_a_row_that_does_not_start_on_the_page_starts_on_the_next_under_the_header():
    """A row with no room left on the page for even its first line is drawn whole on the
    next page, under the header: it was squeezed below the page's bottom margin."""
    from store.exchange.packet_pdf import _Writer

    writer = _Writer(a_packet(["One paragraph."], (row(1),)))
    writer.new_page()
    writer.table(writer.block([("Claims (1)", Style(size=12))], "ltr"))  # and the row
    writer.y = writer.bottom - 2  # less than a line's room
    pages = writer.pdf.page
    claim = writer.packet.claims[0]
    writer.row({name: ([writer.block([(text, Style(size=9))], "ltr", 20)], None)
                for name, text in (("number", "9"), ("quote", claim.quote),
                                   ("verdict", "V"), ("note", "n"), ("sources", ""),
                                   ("annotator", "a"), ("review", "r"))})
    assert writer.pdf.page == pages + 1
    assert writer.y <= writer.bottom


# -- store/exchange/pdf_layout.py ------------------------------------------------------------
@pytest.fixture(scope="module")
def setter():
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    return Typesetter(pdf)


def widths_of(setter, text: str, style: Style | None = None) -> _Paragraph:
    return _Paragraph(setter, text, [style or Style()] * len(text), False)


def test_a_word_that_fits_without_its_space_ends_the_line(setter):
    """The space after a line's last word is not drawn: a word that fits only without it
    stays on the line (it was put on the next, the line broken a word early)."""
    text = "alpha beta gamma"
    width = widths_of(setter, text).measure(0, len("alpha beta"))
    lines = setter.layout([(text, Style())], width + 0.01, False)
    assert [line.text for line in lines] == ["alpha beta", "gamma"]


def test_every_line_fits_its_width_and_takes_every_word_that_fits(setter):
    """Lines are broken where the next word would not fit: none wider than the column, and
    none that could have taken the next line's first word."""
    text = ("The minister said exports rose by 40% in 2024, a record, and that "
            "وقال الوزير إن الصادرات ارتفعت بنسبة 40% في عام 2024 " * 4).strip()
    for width in (20.0, 34.0, 61.5, 180.0):
        lines = setter.layout([(text, Style())], width, False)
        assert " ".join(line.text for line in lines) == text
        para = widths_of(setter, text)
        position = 0
        for line, after in zip(lines, lines[1:] + [None], strict=True):
            assert line.width <= width + 1e-6, (width, line.text)
            start = text.index(line.text, position)
            position = start + len(line.text)
            if after is not None:
                next_word = after.text.split(" ")[0]
                assert para.measure(start, position + 1 + len(next_word)) > width, (
                    width, line.text, next_word)


def test_a_word_wider_than_the_line_is_cut_into_lines_that_fit(setter):
    """A word longer than the column (a long address) is cut between characters into lines
    that each fit; the words after it are laid out after its last piece, not all on it."""
    text = "https://example.org/" + "a" * 120 + " then some more words after it here"
    width = 30.0
    lines = setter.layout([(text, Style())], width, False)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(line.width <= width + 1e-6 for line in lines), [
        (line.text, line.width) for line in lines]
    assert len(lines) >= 4


def test_an_arabic_word_cut_between_characters_never_starts_a_line_with_a_haraka(setter):
    """A vocalised word cut because it is wider than the column: a haraka stays with its
    letter (a line starting with a mark drew it on a dotted circle)."""
    import unicodedata

    word = "قَرَأْتُ" * 12
    lines = setter.layout([(word, Style())], 12.0, True)
    assert len(lines) > 1 and "".join(line.text for line in lines) == word
    assert not any(unicodedata.category(line.text[0]) == "Mn" for line in lines)


def test_a_tab_is_laid_out_as_a_space(setter):
    """A tab in a note (kept by the store) is a space in the PDF: the print face has no
    glyph for it, which drew a missing glyph's box."""
    (line,) = setter.layout([("before\tafter", Style())], 100.0, False)
    assert line.text == "before after"


def test_a_right_aligned_line_ends_at_the_boxs_right_edge(setter):
    """A right-to-left paragraph is set against the right edge of its box."""
    (line,) = setter.layout([("وقال الوزير", Style())], 100.0, True)
    setter.draw(line, 20.0, 30.0, 100.0, "R")
    written = setter._written[setter.pdf.page][-1]  # noqa: SLF001
    right = max(edge[1] for edge in written.edges) / MM
    left = min(edge[0] for edge in written.edges) / MM
    assert right == pytest.approx(120.0, abs=0.05) and left > 20.0 + 1
    (line,) = setter.layout([("He said", Style())], 100.0, False)
    setter.draw(line, 20.0, 40.0, 100.0, "L")
    written = setter._written[setter.pdf.page][-1]  # noqa: SLF001
    assert min(edge[0] for edge in written.edges) / MM == pytest.approx(20.0, abs=0.05)


def test_a_letter_joins_its_neighbour_across_a_change_of_colour(setter):
    """An Arabic word half highlighted is shaped with the letters around each piece: a
    letter at the edge of a claim takes its joining form, as in the word unhighlighted
    (shaped alone it took its isolated form, the word drawn apart)."""
    word = "تقرير"  # «تق» joins «رير»: cut there, each side takes its joining form
    plain = _Paragraph(setter, word, [Style()] * len(word), True)
    half = _Paragraph(setter, word, [Style()] * 2 + [Style(background="#FFAAAA")] * 3, True)
    whole = {g.cluster: g.gid for g in plain.shape(0, len(word)).glyphs}
    pieces = {g.cluster: g.gid for a, b in half.pieces(0, len(word))
              for g in half.shape(a, b).glyphs}
    assert pieces == whole


def test_a_word_is_never_cut_before_a_mark_that_takes_room(setter):
    """A word cut between characters is never cut before a combining mark, even one that
    takes room of its own (an enclosing circle the print face draws as a box): the mark
    began a line of its own, apart from its letter."""
    import unicodedata

    word = "1\u20dd2\u20dd3\u20dd" * 15
    lines = setter.layout([(word, Style())], 11.0, False)
    assert len(lines) > 1 and "".join(line.text for line in lines) == word
    assert not any(unicodedata.category(line.text[0]) in ("Mn", "Me") for line in lines), [
        line.text for line in lines]


def right_edge_of(data: bytes, word: str) -> tuple[float, float]:
    """The left and right edge (points) of *word* where pdfium finds it on the first page."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0].get_textpage()
        found = page.search(word).get_next()
        assert found, word
        boxes = [page.get_charbox(i) for i in range(found[0], sum(found))]
        return min(box[0] for box in boxes), max(box[2] for box in boxes)
    finally:
        document.close()


def test_an_arabic_title_and_paragraph_are_set_right_in_an_english_packet():
    """The title and each paragraph are aligned by their own direction, not the packet's:
    an Arabic article's title and text in an English packet end at the right margin."""
    packet = Packet("en", "ltr", HEADINGS["en"], "معاهدة الدفاع", (),
                    (Paragraph("rtl", (Segment("وقع الرئيسان"),)),
                     Paragraph("ltr", (Segment("He said so."),))), ())
    data = packet_pdf_bytes(packet)
    page_right = 595.28 - MARGIN * MM
    for arabic in ("معاهدة", "وقع"):
        left, right = right_edge_of(data, arabic)
        assert right == pytest.approx(page_right, abs=3), (arabic, right)
    left, _right = right_edge_of(data, "He said")
    assert left == pytest.approx(MARGIN * MM, abs=3)


def test_a_review_of_several_lines_keeps_the_packets_direction_on_each():
    """The review cell is the packet's words («accepted (name): comment»): each of its lines
    is set in the packet's direction, an Arabic second line of an English packet's comment
    at the left like the first, as the HTML cell does."""
    review = "accepted (editor): first line\nوالسطر الثاني"
    data = packet_pdf_bytes(a_packet(["One."], (row(1, review=review),)))
    from store.exchange.packet_pdf import WIDTHS

    left, _right = right_edge_of(data, "الثاني")  # (the line's last word: its left end)
    review_left = (MARGIN + sum(WIDTHS.values()) - WIDTHS["review"]) * MM
    assert left < review_left + 3 * MM, (left, review_left)


# -- store/exchange/packet_html.py -----------------------------------------------------------
def test_the_html_packets_title_takes_its_own_direction_and_stays_text():
    """An Arabic title in an English packet is a right-to-left heading; markup in a title
    is text in the heading and in the window's title bar (<title>) alike."""
    from store.exchange.packet_html import render_html

    html = render_html(Packet("en", "ltr", HEADINGS["en"], "معاهدة <b>الدفاع</b>", (), (), ()))
    assert '<h1 dir="rtl">معاهدة &lt;b&gt;الدفاع&lt;/b&gt;</h1>' in html
    assert "<title>Review packet: معاهدة &lt;b&gt;الدفاع&lt;/b&gt;</title>" in html
    assert "<b>الدفاع" not in html


def test_the_html_packets_cells_are_aligned_by_their_direction_and_keep_their_lines():
    """A right-to-left cell (an Arabic quote, the verdict and review of an Arabic packet) is
    aligned right, as the PDF sets it; a quote and a review of several lines keep them."""
    from store.exchange.packet_html import render_html

    claim = ClaimRow(1, "سطر أول\nسطر ثان", "موضع خلاف", "#FFB3B3", "", (), "me",
                     "مقبول (\u2068x\u2069): \u2068أ\nب\u2069")
    html = render_html(Packet("ar", "rtl", HEADINGS["ar"], "t", (), (), (claim,)))
    assert '<td dir="rtl" align="right">سطر أول<br/>سطر ثان</td>' in html
    assert '<td dir="rtl" align="right">مقبول (\u2068x\u2069): \u2068أ<br/>ب\u2069</td>' in html
    english = ClaimRow(2, "one\ntwo", "Disputed", "#FFB3B3", "", (), "me", "not reviewed")
    html = render_html(Packet("en", "ltr", HEADINGS["en"], "t", (), (), (english,)))
    assert '<td dir="ltr" align="left">one<br/>two</td>' in html
    arabic = ClaimRow(3, "سطر", "Disputed", "#FFB3B3", "", (), "me", "not reviewed")
    html = render_html(Packet("en", "ltr", HEADINGS["en"], "t", (), (), (arabic,)))
    assert '<td dir="rtl" align="right">سطر</td>' in html  # (its own, not the page's)


def test_a_line_of_spaces_in_a_note_is_no_line_of_the_pdf(setter):
    """A note's line of spaces lays out as no line at all (nothing to draw, and a line with
    no glyphs has no edges for the text layer to order)."""
    assert setter.layout([("    ", Style())], 50.0, False) == []
    packet = a_packet(["One."], (row(1, "first\n    \nsecond"),))
    text = pdf_text(packet_pdf_bytes(packet))
    assert "first" in text and "second" in text


def test_the_cells_of_an_arabic_row_are_read_back_whole_side_by_side():
    """pdfium reads a table row (cells on one baseline) as one line: each cell's words
    come back whole, an Arabic quote beside an Arabic verdict and note, and a source's
    address between Arabic cells left to right (laid out for each cell alone, pdfium
    read «org.x://https»)."""
    claim = ClaimRow(1, "صداقة نارية", "موضع خلاف", "#FFB3B3", "ليست أقوى",
                     ("https://x.org",), "محرر", "لم يُراجع")
    text = pdf_text(packet_pdf_bytes(Packet("ar", "rtl", HEADINGS["ar"], "t", (), (),
                                            (claim,))))
    for words in ("صداقة نارية", "موضع خلاف", "ليست أقوى", "محرر", "لم يُراجع",
                  "https://x.org"):
        assert words in text, (words, text)


def test_a_combining_accent_takes_the_face_of_its_letter(setter):
    """«ứ» written as «ư» and a combining acute: the letter is a fallback face's, the
    accent is in the print face too, and is drawn from the letter's face, to sit on it
    (from another face it was a run of its own, placed after the letter)."""
    text = "Nguy\u01b0\u0301t"
    para = _Paragraph(setter, text, [Style()] * len(text), False)
    assert para.fonts[5] is para.fonts[4] is not setter.faces[False]
    assert len(para.pieces(0, len(text))) == 3  # «Nguy», «ứ», «t»


def test_a_line_never_starts_with_the_spaces_between_two_words(setter):
    """Two spaces after a word that fills the line: the next line starts at the next word
    (it started with the second space, drawn as an indent)."""
    text = "alphabet  be"
    width = widths_of(setter, text).measure(0, len("alphabet")) + 0.01
    lines = setter.layout([(text, Style())], width, False)
    assert [line.text for line in lines] == ["alphabet", "be"]


def test_markup_in_the_articles_text_stays_text_in_the_html_packet(project):
    """An article quoting HTML («<script>», «<b>») shows it as words, highlighted or not:
    written into the packet as it stood, a browser ran it or drew it."""
    from store.exchange.packet_html import packet_html

    text = "The page said <b>free</b> and ran <script>alert(1)</script> at once."
    article = articles.add_article(project, text, "t")
    appearances.tag_quote(project, article.id, "<script>alert(1)</script>", "disputed")
    html = packet_html(project, article.id)
    assert "&lt;b&gt;free&lt;/b&gt;" in html and "<b>free</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</span>" in html
    assert "<script>" not in html
