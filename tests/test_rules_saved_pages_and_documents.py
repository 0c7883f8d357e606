"""What comes in from a saved web page and from a Word or OpenDocument file, each rule
guarded against the mistake that would break it unseen: a page's charset, date, text,
headline, title and layout tables (store/exchange/web_page.py); a document's main part,
notes, tabs, tables and right-to-left lines (store/exchange/word_document.py). Each test
fails under at least one small change to those modules (a dropped label, a narrowed
bound, a negated branch) that the rest of the suite let pass (rv172's mutation
review)."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from store.exchange import web_page, word_document

PARA = ("قال وزير المالية في مؤتمر صحفي فجر اليوم إن معدل التضخم بلغ أربعين بالمئة في شهر "
        "نوفمبر الماضي، وهو أعلى مستوى منذ عشر سنوات.")
BODY = f"<p>{PARA}</p>" * 3


def page(title: str = "خبر", *, head: str = "", body: str = f"<article>{BODY}</article>") -> str:
    return (f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title>{head}'
            f"</head><body>{body}</body></html>")


def title_and_outlet(html: str) -> tuple[str | None, str | None]:
    metadata = web_page.extract_page(html).metadata
    return metadata.get("title"), metadata.get("outlet")


# -- store/exchange/web_page.py: is it HTML, in which charset ----------------------------
def test_a_utf16_big_endian_page_without_its_suffix_is_known_as_html():
    """A page saved as UTF-16 big-endian (a BOM FE FF) under a name without .html is
    still a web page, read by its start, not taken for a text of markup."""
    data = codecs.BOM_UTF16_BE + "<!DOCTYPE html><html lang=\"ar\">".encode("utf-16-be")
    assert web_page.looks_like_html("saved page", data)


def test_a_charset_declared_after_a_long_comment_is_found():
    """Saved pages put comments first: a meta charset past the browsers' 1024 bytes, but
    within 4096, is still the page's declaration."""
    data = b"<!-- " + b"saved from url " * 130 + b' --><meta charset="windows-1256">'
    assert 1024 < data.index(b"<meta") < 4096
    assert web_page.declared_charset(data) == "cp1256"


def test_the_xml_declarations_encoding_wins_over_a_meta_charset():
    data = (b'<?xml version="1.0" encoding="windows-1256"?><html><head>'
            b'<meta charset="utf-8"></head></html>')
    assert web_page.declared_charset(data) == "cp1256"


@pytest.mark.parametrize(("label", "codec"), [("ISO-8859-1", "cp1252"), ("US-ASCII", "cp1252"),
                                              ("utf-16", "utf-8"), ("UTF-16LE", "utf-8")])
def test_a_charset_label_means_what_a_browser_takes_it_to_mean(label, codec):
    """WHATWG's labels, whatever their case: «ISO-8859-1» is Windows-1252 to a browser,
    and a meta tag that says UTF-16 (which a page in UTF-16 could not be read to find)
    is UTF-8."""
    assert web_page.declared_charset(f'<meta charset="{label}">'.encode()) == codec


# -- store/exchange/web_page.py: date, text, title ---------------------------------------
def test_a_page_keeps_its_publication_date_not_its_last_modification():
    head = ('<meta property="article:published_time" content="2024-03-01T10:00:00Z">'
            '<meta property="article:modified_time" content="2024-05-01T10:00:00Z">')
    assert web_page.extract_page(page(head=head)).metadata["published"] == "2024-03-01"


def test_a_headline_after_a_kicker_is_not_written_twice():
    """The <h1> is sought in the text's first 2000 characters, not only at its start: a
    kicker («عاجل») before it, and the headline was put first again."""
    text = web_page.extract_page(page(body=f"<article><p>عاجل</p><h1>الحكومة تخفض أسعار "
                                           f"الوقود</h1>{BODY}</article>")).text
    assert text.count("الحكومة تخفض أسعار الوقود") == 1


def test_a_control_character_after_an_inline_element_does_not_lose_the_page():
    """An ESC in the tail of a <b> (not in an element's own text): trafilatura found no
    text in the whole page."""
    text = web_page.extract_page(page(body="<article>" + BODY.replace(
        "اليوم ", "<b>اليوم</b>\x1b ", 1) + "</article>")).text
    assert "اليوم" in text and "\x1b" not in text


def test_a_page_with_two_h1s_is_titled_by_its_titles_headline():
    """Two <h1>s name no headline: the <title>'s pieces do, and the site is not the
    title."""
    html = page("Inflation hits 3.5% in March | Reuters",
                body=f"<h1>أ</h1><article><h1>ب</h1>{BODY}</article>")
    assert title_and_outlet(html) == ("Inflation hits 3.5% in March", "Reuters")


def test_a_title_broken_over_lines_is_cut_as_one_line():
    html = page("Inflation hits 3.5%\n   in March | Reuters")
    assert title_and_outlet(html) == ("Inflation hits 3.5% in March", "Reuters")


@pytest.mark.parametrize("h1", ['<h1><a href="/">صحيفة الموقع</a></h1>',
                                "<footer><h1>صحيفة الموقع</h1></footer>"])
def test_a_linked_or_footer_h1_does_not_start_the_text(h1):
    html = page(body=f"{h1}<article>{BODY}</article>")
    assert web_page.extract_page(html).text.split("\n")[0] == PARA


def test_a_headline_in_mains_header_starts_the_text():
    """A <header> inside <main> is the article's, not the site's."""
    html = page(body='<main><header><h1>الحكومة تخفض أسعار الوقود</h1></header>'
                     f'<div class="article-body">{BODY}</div></main>')
    assert web_page.extract_page(html).text.split("\n")[0] == "الحكومة تخفض أسعار الوقود"


def test_a_title_named_by_a_meta_title_tag_is_kept_whole():
    """trafilatura's title from <meta name="title">, found nowhere in <title>, is the
    title as it stands, not <title> whole."""
    html = page("Other piece | Site", head='<meta name="title" content="Headline X here">',
                body=f"<h1>أ</h1><h1>ب</h1><article>{BODY}</article>")
    assert title_and_outlet(html)[0] == "Headline X here"


# -- store/exchange/web_page.py: layout tables, menus ------------------------------------
@pytest.mark.parametrize("table", [
    "<table><tr><td>النسبة المعلنة</td><td>41.2%</td></tr></table>",  # one row
    "<table><tr><td>النسبة المعلنة</td></tr><tr><td>41.2%</td></tr></table>",  # one column
    '<table role="presentation"><tr><th>النسبة المعلنة</th><th>الفرق</th></tr>'
    "<tr><td>41.2%</td><td>3</td></tr></table>"])
def test_a_table_of_one_row_or_column_or_presentation_is_plain_lines(table):
    text = web_page.extract_page(page(body=f"<article>{BODY}{table}</article>")).text
    assert "|" not in text and "41.2%" in text


def test_a_one_column_table_with_a_caption_stays_a_table():
    table = ("<table><caption>نسب البطالة المعلنة</caption><tr><td>العاصمة 41.2%</td></tr>"
             "<tr><td>الجيزة 30.1%</td></tr></table>")
    text = web_page.extract_page(page(body=f"<article>{BODY}{table}</article>")).text
    assert "| العاصمة 41.2% |" in text


@pytest.mark.parametrize(("text", "links", "only"), [
    ("الأخبار العاجلة الأخبار", {"الأخبار", "الأخبار العاجلة"}, True),
    ("Home page | Home", {"Home", "Home page"}, True),
    ("الأخبار 2024", {"الأخبار"}, False)])
def test_a_menu_is_its_link_labels_longest_first_and_a_figure_is_text(text, links, only):
    """A label holding a shorter one is taken out whole (the shorter first left «العاجلة»,
    and a menu page was imported as an article); a figure left over is text."""
    assert web_page._only_links(text, links) is only


def test_visible_text_leaves_out_a_scripts_markup_and_words():
    shown = web_page.visible_text('<script>var a = "<b>x</b>";</script><p>نص</p>'
                                  "<style>p { color: red }</style>")
    assert shown.split() == ["نص"]


# -- store/exchange/word_document.py ------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def package(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def document_xml(body: str) -> str:
    return f"<w:document {NS}><w:body>{body}</w:body></w:document>"


def docx(body: str, **parts: str) -> bytes:
    return package({"[Content_Types].xml": "<Types/>", "word/document.xml": document_xml(body),
                    **parts})


def text_of(data: bytes) -> str:
    return word_document.read(data, "story.docx").text


def p(*runs: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


def r(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">' \
           f"{text}</w:t></w:r>"


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def odt(body: str, *, automatic: str = "", styles: str = "",
        mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    return package({
        "mimetype": mimetype,
        "content.xml": f"<office:document-content {ODT_NS}><office:automatic-styles>"
                       f"{automatic}</office:automatic-styles><office:body><office:text>"
                       f"{body}</office:text></office:body></office:document-content>",
        "styles.xml": f"<office:document-styles {ODT_NS}>{styles}</office:document-styles>"})


def odt_text(data: bytes) -> str:
    return word_document.read(data, "story.odt").text


def test_an_odt_whose_mimetype_ends_in_a_line_break_is_an_odt():
    data = odt("<text:p>بيان من الوزارة</text:p>",
               mimetype="application/vnd.oasis.opendocument.text\n")
    assert word_document.kind_of(data) == "odt"
    assert odt_text(data) == "بيان من الوزارة"


def test_a_main_part_named_from_the_packages_root_is_found():
    """A relationship's target written «/word/document2.xml» (from the package's root)."""
    data = package({
        "[Content_Types].xml": '<Types><Override PartName="/word/document2.xml" ContentType='
                               '"application/vnd.openxmlformats-officedocument.'
                               'wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId1" Type="http://schemas.'
                       'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                       'Target="/word/document2.xml"/></Relationships>',
        "word/document2.xml": document_xml(p(r("بيان من الوزارة")))})
    assert word_document.kind_of(data) == "docx" and text_of(data) == "بيان من الوزارة"


def test_a_macro_enabled_main_part_named_by_the_relationships_is_found():
    """A .docm's main part is typed «ms-word…macroEnabled», not «wordprocessingml»."""
    data = package({
        "[Content_Types].xml": '<Types><Override PartName="/word/document2.xml" ContentType='
                               '"application/vnd.ms-word.document.macroEnabled.main+xml"/>'
                               "</Types>",
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId1" Type="http://schemas.'
                       'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                       'Target="word/document2.xml"/></Relationships>',
        "word/document2.xml": document_xml(p(r("بيان من الوزارة")))})
    assert word_document.kind_of(data) == "docx" and text_of(data) == "بيان من الوزارة"


def test_a_footnote_typed_normal_is_read():
    """A note may say w:type="normal" outright (separators say «separator»)."""
    notes = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">{p(r("---"))}'
             f'</w:footnote><w:footnote w:type="normal" w:id="1">{p(r("المصدر: الوكالة"))}'
             "</w:footnote></w:footnotes>")
    data = docx(p(r("قال الوزير"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
                **{"word/footnotes.xml": notes})
    assert text_of(data).split("\n") == ["قال الوزير[1]", "", "[1] المصدر: الوكالة"]


def test_a_cell_after_a_paragraph_whose_end_was_deleted_starts_its_own_line():
    """A table's first paragraph, right to left and opening with a Latin word, after a
    paragraph whose mark was deleted: it runs on into nothing, so it keeps its mark."""
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
    data = docx(p(r("قال الوزير"), props=deleted_mark)
                + f"<w:tbl><w:tr><w:tc>{p(r('BBC نشرت الخبر'), props='<w:bidi/>')}</w:tc>"
                  "</w:tr></w:tbl>")
    assert text_of(data).split("\n") == ["قال الوزير", "\u200fBBC نشرت الخبر"]


def test_a_positional_tab_is_a_tab():
    assert text_of(docx(p(r("السنة"), "<w:r><w:ptab w:alignment=\"right\"/></w:r>",
                          r("2025")))) == "السنة\t2025"


def test_each_line_of_a_right_to_left_paragraph_opening_in_latin_keeps_its_mark():
    """A right-to-left paragraph run on into (the one before lost its mark): its line
    after a manual break opens a line of its own, and opening with a Latin word gets its
    right-to-left mark."""
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
    data = docx(p(r("قال الوزير "), props=deleted_mark)
                + p(r("أمس"), "<w:r><w:br/></w:r>", r("BBC نشرت الخبر"), props="<w:bidi/>"))
    assert text_of(data).split("\n") == ["قال الوزير أمس", "\u200fBBC نشرت الخبر"]
