"""The review packet: PDF and HTML of an article with its claims, from the app and the CLI."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from conftest import SAMPLE_QUOTE
from test_cli import tahqiq

from store.core import appearances
from store.review import reviews

SECOND_QUOTE = "صداقة نارية"


def note_lines(*lines: tuple[str, str]) -> str:
    """The HTML of a note's (direction, line)s, each keeping its spaces (rv248)."""
    return "".join(f'<div dir="{direction}" style="white-space:pre-wrap">{line}</div>'
                   for direction, line in lines)


def pdf_text(path) -> str:
    """The text Chrome's engine (pdfium) extracts, whitespace folded: no other repair,
    since the packet's text layer is the article's logical Unicode."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def tagged(sample_project, sample_article):
    first = appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed",
                             note="ليست أقوى من معاهدة 1961", sources=["https://un.org/x"])
    appearances.tag_quote(sample_project, sample_article.id, SECOND_QUOTE, "verified")
    sample_project.annotator = "editor"  # a review is someone else's
    reviews.review_claim(sample_project, first.id, "accept", "ok")
    sample_project.annotator = "tester"
    return sample_project, sample_article


def test_pdf_packet_contains_every_quote(tagged, tmp_path):
    from store.exchange.exporting import export_packet

    project, article = tagged
    path = export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    text = pdf_text(path)
    assert SAMPLE_QUOTE in text and SECOND_QUOTE in text


def test_a_pdf_packet_of_a_book_is_refused_with_the_html_one_offered(tagged, tmp_path,
                                                                     monkeypatch):
    """A 3.6 million character report took a minute and 2 GB of memory to lay out as
    PDF, the window frozen meanwhile; past the limit the PDF is refused before any work,
    nothing written, and the HTML packet (which a browser prints) still made."""
    from store.errors import ExportFailed
    from store.exchange import exporting

    project, article = tagged
    monkeypatch.setattr(exporting, "PDF_PACKET_MAX_CHARS", len(article.text) - 1)
    with pytest.raises(ExportFailed, match="HTML"):
        exporting.export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    assert not (tmp_path / "packet.pdf").exists()
    assert exporting.export_packet(project, article.id, "html", tmp_path / "p.html").exists()
    monkeypatch.setattr(exporting, "PDF_PACKET_MAX_CHARS", len(article.text))
    assert exporting.export_packet(project, article.id, "pdf", tmp_path / "packet.pdf").exists()


def test_html_packet_numbers_and_highlights_claims(tagged):
    from store.exchange.packet_html import packet_html

    project, article = tagged
    html = packet_html(project, article.id)
    assert html.count("<sup><b>[") == 2
    assert f">{SAMPLE_QUOTE}</span>" in html  # highlighted in the text
    assert "accepted (\u2068editor\u2069): \u2068ok\u2069" in html and "https://un.org/x" in html
    arabic = packet_html(project, article.id, "ar")
    assert 'dir="rtl"' in arabic and "الادعاءات" in arabic


def test_cli_writes_pdf_and_html_without_a_display(tmp_path):
    path = tmp_path / "p.tahqiq"
    from conftest import ROOT

    imported = tahqiq("import", str(ROOT / "seeds" / "putin-kim-treaty.txt"),
                      "--project", str(path))
    article_id = imported.stdout.split("\t")[0]
    tahqiq("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
           "--project", str(path))
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": ""}
    pdf = tmp_path / "out.pdf"
    result = tahqiq("export", article_id[:8], "--format", "pdf", "-o", str(pdf),
                    "--project", str(path), env=env)
    assert result.returncode == 0, result.stderr
    assert SAMPLE_QUOTE in pdf_text(pdf)
    html = tmp_path / "out.html"
    result = tahqiq("export", article_id, "--format", "html", "-o", str(html), "--lang", "ar",
                    "--project", str(path))
    assert result.returncode == 0 and SAMPLE_QUOTE in html.read_text("utf-8")


def test_cli_html_packet_to_stdout(tmp_path):
    from conftest import ROOT

    path = tmp_path / "p.tahqiq"
    tahqiq("import", str(ROOT / "seeds" / "putin-kim-treaty.txt"), "--project", str(path))
    result = tahqiq("export", "--format", "html", "--project", str(path))
    assert result.returncode == 0 and result.stdout.startswith("<!DOCTYPE html>")
    missing = tahqiq("export", "--format", "pdf", "--project", str(path))
    assert (missing.returncode, missing.stderr) == (2, "tahqiq: error: --format pdf needs -o "
                                                       "FILE\n")
    piped = tahqiq("export", "--format", "pdf", "-o", "-", "--project", str(path))
    assert piped.returncode == 2 and "not written to the terminal or a pipe: give -o " \
        "FILE.pdf" in piped.stderr  # (not "needs -o FILE": -o was given)


def test_arabic_packet_lists_columns_right_to_left(tagged):
    from store.exchange.packet_html import packet_html

    project, article = tagged
    html = packet_html(project, article.id, "ar")
    header = html[html.index("<table dir=\"ltr\""):]
    header = header[:header.index("</tr>")]
    assert header.index("المراجعة") < header.index("النص") < header.index(">#<")


def test_html_packet_keeps_the_lines_of_a_note(tagged):
    """A note of several lines (numbered points, say) keeps them in the HTML packet: a
    browser joins a cell's lines, the PDF already kept them."""
    from store.core import claims
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    claims.update_claim(project, first.claim_id, note="1. السطر الأول <b>\n2. والثاني\n\n"
                                                      "Reuters: signed in 2024.\n٣٠٪")
    html = packet_html(project, article.id)
    # each line in the direction of its own first letter, as the window and the PDF
    # lay it out (the whole note's, from its first letter: an English line after
    # Arabic ones read right to left; rv97)
    assert note_lines(("rtl", "1. السطر الأول &lt;b&gt;"), ("rtl", "2. والثاني"),
                      ("ltr", "<br/>"), ("ltr", "Reuters: signed in 2024."),
                      ("ltr", "٣٠٪")) in html


def test_html_packet_keeps_the_indentation_of_a_note(tagged):
    """A note laid out as a list, its points indented with spaces or a tab: the HTML
    packet showed them all at one level (a browser folds a line's spaces), the PDF and the
    window keep them. A line of spaces only stays no line, as in the PDF (rv248)."""
    from store.core import claims
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    claims.update_claim(project, first.claim_id, note="الأدلة:\n- البنك الدولي\n    - تقرير "
                                                      "2024\n   \n\t- بيان آذار")
    html = packet_html(project, article.id)
    assert note_lines(("rtl", "- البنك الدولي"), ("rtl", "    - تقرير 2024"), ("ltr", ""),
                      ("rtl", "\t- بيان آذار")) in html
    assert html.count("<div") == html.count('style="white-space:pre-wrap"')


def test_html_packet_ends_a_line_at_a_line_separator_as_at_a_line_break(tagged):
    """Shift+Enter in the note field writes U+2028, which the note keeps: the packet split
    a note's lines only at «\n», and showed the note's lines run together, each in the
    first one's direction; a review's comment so kept ran one isolate over its lines
    (rv248)."""
    from store.core import claims
    from store.exchange.packet import build_packet
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    claims.update_claim(project, first.claim_id,
                        note="السطر الأول\u2028السطر الثاني\u2029Third line")
    project.annotator = "editor"
    reviews.review_claim(project, first.claim_id, "reject", "see the ministry\u2028والمصدر")
    html = packet_html(project, article.id)
    assert note_lines(("rtl", "السطر الأول"), ("rtl", "السطر الثاني"),
                      ("ltr", "Third line")) in html
    review = build_packet(project, article.id).claims[0].review
    assert review.endswith(": \u2068see the ministry\u2069\n\u2068والمصدر\u2069")
    assert "\u2069<br/>\u2068والمصدر" in html and "\u2028" not in html


def test_a_notes_overrides_and_control_characters_are_not_kept(tagged):
    """A note pasted with an RLO read «123» as «321» in the PDF packet's cell, and its
    «ESC ]0;…BEL» went raw into the HTML packet and the terminal (rv101): a note is kept
    as a title is, without them, its lines and tabs whole (Word's VT line break, a CR
    line end, made «\n»)."""
    from store.core import claims
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    claims.update_claim(project, first.claim_id,
                        note="هذا \u202eنص 123\u2067 و\x1b]0;x\x07 end\r\nline\x0bnext\tcell")
    note = claims.get_claim(project, first.claim_id).note
    # (an isolate, which Qt's own menu offers and which ends with its paragraph, stays)
    assert note == "هذا نص 123\u2067 و end\nline\nnext\tcell"  # (the title's code whole, rv268)
    html = packet_html(project, article.id)
    assert not any(ch in html for ch in "\x1b\x07\u202e")


def test_a_note_stored_with_an_override_is_shown_as_notes_are_kept(tagged):
    """A note a merge or another program stored with an override and an escape (which
    ``claims.stored_note`` keeps out): the HTML packet showed «5.3» as «3.5» (rv239). Its
    lines stay, and so does an isolate, which a note may be typed with; the override its
    PDF closes is one (rv248)."""
    from store.exchange.packet import build_packet
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    project.execute("UPDATE claims SET note = ? WHERE id = ?",
                    ["Rate was \u202e5.3\u202c\nper\u2067cent\x1b[8m", first.claim_id])
    [row] = [r for r in build_packet(project, article.id).claims if r.quote == SAMPLE_QUOTE]
    assert row.note == "Rate was \u20675.3\u2069\nper\u2067cent"  # (its escape whole, rv268)
    assert not any(ch in packet_html(project, article.id) for ch in "\x1b\u202e\u202c")


def test_a_review_of_an_earlier_verdict_is_shown_as_not_reviewed(tagged, tmp_path):
    """Relabelled after it was accepted, a claim is not reviewed in the packet; the review
    is kept in its row, said to be of the earlier verdict (PDF and HTML, both languages)."""
    from store.core import claims
    from store.exchange.exporting import export_packet
    from store.exchange.packet import build_packet
    from store.exchange.packet_html import packet_html

    project, article = tagged
    [first] = [p for p in appearances.list_appearances(project, article.id)
               if p.quote == SAMPLE_QUOTE]
    claims.update_claim(project, first.claim_id, label="verified")
    packet = build_packet(project, article.id)
    rows = {row.quote: (row.verdict, row.review) for row in packet.claims}
    said = ("not reviewed — accepted (\u2068editor\u2069) of the earlier verdict Disputed: "
            "\u2068ok\u2069")  # (the name and the comment isolated)
    assert rows[SAMPLE_QUOTE] == ("Verified", said)
    assert rows[SECOND_QUOTE] == ("Verified", "not reviewed")
    assert said in packet_html(project, article.id)
    arabic = {row.quote: row.review for row in build_packet(project, article.id, "ar").claims}
    assert arabic[SAMPLE_QUOTE] == ("لم يُراجع — مقبول (\u2068editor\u2069) للحكم السابق "
                                    "موضع خلاف: \u2068ok\u2069")
    pdf = pdf_text(export_packet(project, article.id, "pdf", tmp_path / "packet.pdf"))
    assert "of the earlier verdict Disputed" in pdf
    claims.update_claim(project, first.claim_id, label="disputed")  # back: reviewed again
    rows = {row.quote: row.review for row in build_packet(project, article.id).claims}
    assert rows[SAMPLE_QUOTE] == "accepted (\u2068editor\u2069): \u2068ok\u2069"


def test_html_packet_isolates_highlights_and_marks_the_articles_language(project, tmp_path):
    """An Arabic claim in quotation marks in an English paragraph was shown with its
    closing mark and its number on the wrong side (the bidi algorithm orders the Arabic
    run with the neutrals and digits after it): each highlight and its number are
    isolated. The article's paragraphs and quotes carry its language, the page the
    packet's (a screen reader read an Arabic article in the English voice). The PDF
    names the article's language too."""
    from store.core import articles
    from store.exchange.exporting import export_packet
    from store.exchange.packet_html import packet_html

    text = "The ministry said «البطالة ارتفعت» last year, at https://example.org/تقرير."
    article = articles.add_article(project, text, "Jobs")
    articles.update_metadata(project, article.id, language="en",
                             url="https://example.org/تقرير?id=1&x=2")
    appearances.tag_quote(project, article.id, "البطالة ارتفعت", "disputed")
    html = packet_html(project, article.id, "ar")
    assert ('<bdi dir="rtl"><span style="background-color:#' in html
            and "البطالة ارتفعت</span><sup><b>[1]</b></sup></bdi>»" in html)
    assert '<html lang="ar"' in html and '<p dir="ltr" align="left" lang="en">' in html
    assert "<bdi>https://example.org/تقرير?id=1&amp;x=2</bdi>" in html
    articles.update_metadata(project, article.id, language="Arabic")  # no language code
    assert "lang=\"Arabic\"" not in packet_html(project, article.id, "ar")
    articles.update_metadata(project, article.id, language="ar-EG")
    path = export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    assert b"/Lang (ar-EG)" in path.read_bytes()


def test_html_packet_isolates_a_claim_in_its_paragraphs_direction_unless_it_has_none(
        project):
    """A review of the isolates above: one taken from the first letter laid «BBC نشرت
    تقريرا كاذبا» out left to right in an Arabic paragraph (BBC read last), and one per
    overlapping claim put the pieces of an Arabic claim in an English paragraph in the
    wrong order. Claims side by side are one isolate. One taken from most of its letters
    laid «قال Microsoft Corporation إن» out left to right, «إن» read first (rv248): an
    isolate holding any letter of its paragraph's direction is laid out in it."""
    from store.core import articles
    from store.exchange.packet_html import packet_html

    arabic = articles.add_article(project, "وقال المتحدث إن BBC نشرت تقريرا كاذبا عن الحرب.",
                                  "أ")
    appearances.tag_quote(project, arabic.id, "BBC نشرت تقريرا كاذبا", "disputed")
    assert '<bdi dir="rtl"><span' in packet_html(project, arabic.id)
    english = articles.add_article(project, "He said البطالة ارتفعت كثيرا هذا العام today.",
                                   "b")
    appearances.tag_quote(project, english.id, "البطالة ارتفعت كثيرا هذا العام", "disputed")
    appearances.tag_quote(project, english.id, "ارتفعت كثيرا", "verified")
    html = packet_html(project, english.id)
    paragraph = html[html.index("He said"):html.index("today.")]
    assert paragraph.count("<bdi") == 1 and '<bdi dir="rtl">' in paragraph
    mixed = articles.add_article(project, "وفي المؤتمر قال Microsoft Corporation إن الأرباح "
                                          "تضاعفت، وقالت Apple Inc. غير ذلك.", "ج")
    appearances.tag_quote(project, mixed.id, "قال Microsoft Corporation إن", "disputed")
    appearances.tag_quote(project, mixed.id, "Apple Inc.", "disputed")
    html = packet_html(project, mixed.id)
    assert html.count('<bdi dir="rtl">') == 1 and html.count('<bdi dir="ltr">') == 1
    assert html.index('<bdi dir="rtl">') < html.index("Microsoft") < html.index(
        '<bdi dir="ltr">') < html.index("Apple")


def test_claims_ending_together_are_numbered_without_a_comma(sample_project, sample_article,
                                                              tmp_path):
    """Two claims ending on the same word get «[1][2]» after it, in the HTML and in the
    PDF's text: the Latin comma that stood between them read as a stray mark in an
    Arabic line."""
    from store.exchange.exporting import export_packet
    from store.exchange.packet_html import packet_html

    last_word = SAMPLE_QUOTE.split()[-1]
    appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed")
    appearances.tag_quote(sample_project, sample_article.id, last_word, "verified")
    html = packet_html(sample_project, sample_article.id, "ar")
    assert "<sup><b>[1][2]</b></sup>" in html and "],[" not in html
    text = pdf_text(export_packet(sample_project, sample_article.id, "pdf",
                                  tmp_path / "packet.pdf", "ar"))
    assert "[1][2]" in text and "],[" not in text


@pytest.mark.parametrize("name", ["\u202eMallory", "omar\u2069\u202e"])
def test_a_reviewers_name_holding_a_right_to_left_override_turns_only_itself(
        sample_project, sample_article, name):
    """A reviewer named «\u202eMallory» (a colleague's file): the packet's review cell
    «rejected (NAME): COMMENT» drew the comment after the name backwards. The name and
    the comment are isolated: the comment is laid out left to right, as it reads. A
    name closing the isolate itself («\u2069») first is stripped of its controls."""
    from store.exchange.packet import build_packet
    from store.exchange.pdf_layout import bidi_levels

    made = appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed")
    sample_project.annotator = name
    comment = "source 2024 is wrong, see p. 12"
    reviews.review_claim(sample_project, made.claim_id, "reject", comment)
    (row,) = build_packet(sample_project, sample_article.id).claims
    after = row.review.index(")")  # the name's closing bracket, and all after it
    levels = bidi_levels(row.review, rtl=False)
    assert all(level % 2 == 0 for level in levels[after:]), levels


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_review_comments_phone_number_kept_left_to_right_reads_as_written(
        sample_project, sample_article, language):
    """A comment pasted with its phone number in LRE…PDF keeps it in LRI…PDI (rv248), and
    the packet dropped that isolate with the name's controls: «+966 50 123» read
    «123 50 966+» in both languages, where the same note read right (rv263)."""
    from store.exchange.packet import build_packet
    from store.text.display import visual_order

    made = appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed")
    sample_project.annotator = "Huda"
    reviews.review_claim(sample_project, made.claim_id, "reject",
                         "اتصل بالوزارة على \u202a+966 50 123\u202c للتأكد")
    (row,) = build_packet(sample_project, sample_article.id, language).claims
    assert "\u2066+966 50 123\u2069" in row.review
    shown = visual_order(row.review, "R" if language == "ar" else "L")  # left to right
    assert "+966 50 123" in shown.translate(dict.fromkeys(range(0x2066, 0x206A))), shown


def pdf_link_targets(path) -> list[bytes]:
    """The URI of each link in the PDF, as pdfium (Chrome's viewer) hands it to a browser."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(str(path))
    found = []
    try:
        for page in document:
            at, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
            while pdfium_c.FPDFLink_Enumerate(page.raw, at, link):
                action = pdfium_c.FPDFLink_GetAction(link)
                size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
                buffer = ctypes.create_string_buffer(size)
                pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
                found.append(buffer.raw.rstrip(b"\0"))
    finally:
        document.close()
    return found


def test_pdf_packet_links_to_arabic_addresses_open_them(sample_project, sample_article,
                                                         tmp_path):
    """A PDF link is 7-bit ASCII: an Arabic path or domain written as it is became a
    UTF-16 string («\\xfe\\xff\\x00h…») that pdfium and poppler gave the browser."""
    from store.exchange.exporting import export_packet

    appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed",
                          sources=["https://ar.wikipedia.org/wiki/معاهدة",
                                   "https://مثال.إختبار/", "https://un.org/x"])
    path = export_packet(sample_project, sample_article.id, "pdf", tmp_path / "packet.pdf")
    assert set(pdf_link_targets(path)) == {
        b"https://ar.wikipedia.org/wiki/%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D8%A9",
        b"https://xn--mgbh0fb.xn--kgbechtv/", b"https://un.org/x"}


def test_a_host_pythons_idna_would_change_is_linked_percent_encoded():
    """Python's IDNA (2003) maps «faß» to «fass» and drops a Persian ZWNJ: the PDF's link
    went to another host. Such a host is percent-encoded, for the browser to map."""
    from store.core.links import as_uri

    assert as_uri("https://faß.de/x") == "https://fa%C3%9F.de/x"
    assert as_uri("https://می\u200cخواهم.ir/") == (
        "https://%D9%85%DB%8C%E2%80%8C%D8%AE%D9%88%D8%A7%D9%87%D9%85.ir/")
    assert as_uri("https://مثال.إختبار/") == "https://xn--mgbh0fb.xn--kgbechtv/"


def test_a_dark_verdicts_words_and_name_read_in_the_packet(project, tmp_path):
    """#111111 on a navy label was 1.1:1 in both packets: the claim's words in the text
    and its verdict's name in the table were gone; the window drew them white."""
    from store.core import articles
    from store.core.labels import add_label
    from store.exchange.packet import build_packet, ink_on
    from store.exchange.packet_html import packet_html
    from store.exchange.packet_pdf import _spans

    add_label(project, "navy", "Navy", "#101040", shortcut="5")
    article = articles.add_article(project, "The deficit doubled last year.", "t")
    appearances.tag_quote(project, article.id, "The deficit doubled", "navy")
    appearances.tag_quote(project, article.id, "last year", "verified")
    html = packet_html(project, article.id)
    assert "background-color:#101040; color:#FFFFFF" in html  # the words and the verdict
    assert html.count("color:#FFFFFF") == 2
    assert "background-color:#9EE6A0; color:#111111" in html
    packet = build_packet(project, article.id)
    inks = {style.background: style.color for paragraph in packet.paragraphs
            for _text, style in _spans(paragraph.segments) if style.background}
    assert inks == {"#101040": "#FFFFFF", "#9EE6A0": "#111111"}
    assert [ink_on(c) for c in ("#000000", "#777777", "#FFFFF0", "#FFE08A")] == [
        "#FFFFFF", "#FFFFFF", "#111111", "#111111"]


def test_each_paragraph_is_cut_by_the_claims_reaching_into_it_as_by_every_claim(project):
    """rv89: every paragraph looked through every claim of the article (6 s of the packet
    of 50,000 claims). Given only the claims reaching into it, each paragraph is cut
    exactly as before: claims across paragraphs, empty lines, nested and equal spans."""
    import random

    from store.core import articles, labels
    from store.exchange.packet import NO_COLOR, build_packet, paragraph_segments

    rng = random.Random(7)
    lines = [" ".join(rng.choice(["قال", "الوزير", "treaty", "إن"]) for _ in range(
        rng.randint(0, 12))) for _ in range(40)]
    text = "\n".join(lines)
    article = articles.add_article(project, text, "t")
    for _ in range(150):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.choice([1, 3, 8, 30, 200]))
        if text[start:end].strip():
            appearances.create_claim(project, article.id, start, end,
                                     rng.choice(["verified", "disputed", "unchecked"]))
    packet = build_packet(project, article.id)
    live = appearances.list_appearances(project, article.id)
    colours = {label.key: label.color for label in labels.list_labels(project)}
    every = [(c.start, c.end, colours.get(c.label, NO_COLOR), n)
             for n, c in enumerate(live, 1)]
    expected, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            expected.append(paragraph_segments(line, offset, every))
        offset += len(line) + 1
    assert [p.segments for p in packet.paragraphs] == expected
    assert sum(len(s.numbers) for p in packet.paragraphs for s in p.segments) == len(live)
