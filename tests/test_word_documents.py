"""Word (.docx) and OpenDocument (.odt) files imported as articles.

fixtures/documents/sample.odt and sample.docx were written by LibreOffice 7.4 from
sample.fodt (``soffice --headless --convert-to odt|docx sample.fodt``): real writers'
files, with a tracked deletion and insertion, a comment, a footnote, a table and a text
box (which Word files carry twice, for older readers). The other documents here are
made by hand, one Word feature each.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from store.core import articles, search
from store.errors import ImportRejected
from store.exchange import importing, word_document

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE = ("بيان صحفي: المعاهدة الجديدة\n"
          "قال الوزير إنها أقوى معاهدة على الإطلاق[1].\n"
          "واستخدمت روسيا حق النقض في مجلس الأمن في آذار.\n"
          "Two  spaces, folded markup,\ta tab\nand a break.\n"
          "السنة\nالعدد\n2025\n٤٢\n"
          "Emoji 🇵🇸 and 𝑥 stay.\n"
          "نص في مربع\n"
          "\n"
          "[1] المصدر: وكالة الأنباء، 3 آذار.")


def docx(body: str, *, footnotes: str = "", name: str = "word/document.xml",
         namespace: str = W, parts: dict[str, str] | None = None) -> bytes:
    """A minimal .docx whose body is *body* (WordprocessingML, prefix ``w``)."""
    namespaces = (f'xmlns:w="{namespace}" '
                  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
                  'xmlns:v="urn:schemas-microsoft-com:vml"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(name, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                               f"<w:document {namespaces}><w:body>{body}</w:body></w:document>")
        if footnotes:
            archive.writestr("word/footnotes.xml",
                             f"<w:footnotes {namespaces}>{footnotes}</w:footnotes>")
        for part, xml in (parts or {}).items():  # (their root element's own namespaces)
            archive.writestr(part, xml.replace("<w:ROOT", f"<w:ROOT {namespaces}").replace(
                "w:ROOT", "w:numbering" if "numbering" in part else "w:styles"))
    return out.getvalue()


def p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def text_of(data: bytes) -> str:
    return word_document.read(data, "story.docx").text


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_real_writers_document_reads_as_its_reader_sees_it(project, suffix):
    """Both files LibreOffice wrote from one document read the same: the tracked
    deletion «الأضعف» and the comment left out, the insertion kept, the text box once,
    the footnote at the end, each table cell a line. The user is told what was left out."""
    path = DOCUMENTS / f"sample.{suffix}"
    loaded = importing.load_file(path)
    assert loaded.text == SAMPLE
    assert importing.DOCUMENT_LEFT_OUT in loaded.changes
    outcome = importing.import_loaded(project, loaded)
    article = articles.get_article(project, outcome.article_id)
    assert article.title == "بيان صحفي: المعاهدة الجديدة"
    assert article.source_name == f"sample.{suffix}" and article.language == "ar"
    assert "الأضعف" not in article.text and "تحقق من التاريخ" not in article.text
    assert [hit.article_id for hit in search.search(project, "مجلس الأمن")] == [article.id]


def test_tracked_changes_fields_and_hidden_runs_read_as_the_document_now_reads():
    """python-docx's paragraph text is a paragraph's own runs and links: an insertion's
    words, a content control's, a simple field's and a smart tag's were missing. A
    deleted run, a field's code and a hidden run are not what the document says."""
    body = p(r("روسيا "),
             f'<w:ins w:id="1" w:author="A">{r("استخدمت ")}</w:ins>',
             '<w:del w:id="2" w:author="A"><w:r><w:delText>رفضت </w:delText></w:r></w:del>',
             r("حق النقض"),
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> DATE \\@ "d MMMM" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
             r(" في آذار"),
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
             r(" SECRET", "<w:rPr><w:vanish/></w:rPr>"),
             r(" بالأمس", '<w:rPr><w:vanish w:val="false"/></w:rPr>'),
             f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{r(" هنا")}'
             "</w:sdtContent></w:sdt>",
             f'<w:fldSimple w:instr="PAGE">{r(" ٣")}</w:fldSimple>',
             f'<w:smartTag w:uri="u" w:element="place">{r(" نيويورك")}</w:smartTag>',
             f'<w:hyperlink r:id="x" xmlns:r="urn:r">{r(" الرابط")}</w:hyperlink>')
    document = word_document.read(docx(body), "story.docx")
    assert document.text == "روسيا استخدمت حق النقض في آذار بالأمس هنا ٣ نيويورك الرابط"
    assert document.left_out


def test_tabs_breaks_symbols_and_hyphens_are_characters():
    body = p(r("a"), "<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/>"
                     "<w:t>well</w:t><w:noBreakHyphen/><w:t>known</w:t><w:softHyphen/>"
                     '<w:t>x</w:t><w:sym w:font="Wingdings" w:char="F0E0"/>'
                     '<w:sym w:font="Arial" w:char="2192"/></w:r>')
    assert text_of(docx(body)) == "a\tb\nc\nwell\u2011knownx→"


def test_a_text_box_is_read_once_after_its_paragraph_and_nested_tables_cell_by_cell():
    """Word writes a text box twice: a DrawingML one and a VML fallback for older
    readers. Read both, the words came twice."""
    box = "<w:txbxContent>" + p(r("في المربع")) + "</w:txbxContent>"
    body = (p(r("قبل"), f"<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
                        f"<wp:anchor xmlns:wp='urn:wp'><x:g xmlns:x='urn:x'>{box}</x:g>"
                        f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
                        f"<v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
                        f"</mc:Fallback></mc:AlternateContent></w:r>", r(" بعد"))
            + "<w:tbl><w:tblPr/><w:tr><w:tc>" + p(r("خلية ١"))
            + "<w:tbl><w:tr><w:tc>" + p(r("داخلية")) + "</w:tc></w:tr></w:tbl>"
            + "</w:tc><w:tc>" + p(r("خلية ٢")) + "</w:tc></w:tr></w:tbl>" + p(r("النهاية")))
    assert text_of(docx(body)) == "قبل بعد\nفي المربع\nخلية ١\nداخلية\nخلية ٢\nالنهاية"


def test_footnotes_are_numbered_as_cited_and_read_at_the_end():
    """Word numbers notes by the order they are cited, not by their ids; its separator
    «notes» are no notes."""
    notes = ('<w:footnote w:type="separator" w:id="-1">' + p("<w:r><w:separator/></w:r>")
             + "</w:footnote>"
             + '<w:footnote w:id="7">' + p('<w:r><w:footnoteRef/></w:r>', r(" الثاني"))
             + p(r("سطر آخر")) + "</w:footnote>"
             + '<w:footnote w:id="3">' + p('<w:r><w:footnoteRef/></w:r>', r(" الأول"))
             + "</w:footnote>")
    body = p(r("جملة"), '<w:r><w:footnoteReference w:id="3"/></w:r>', r(" وأخرى"),
             '<w:r><w:footnoteReference w:id="7"/></w:r>', r("."),
             '<w:r><w:footnoteReference w:id="99"/></w:r>')
    assert text_of(docx(body, footnotes=notes)) == (
        "جملة[1] وأخرى[2].\n\n[1] الأول\n[2] الثاني\nسطر آخر")


def test_strict_word_and_math_are_read():
    strict = docx(p(r("x")), namespace="http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert text_of(strict) == "x"
    math = p(r("E = "), "<m:oMath><m:r><m:t>mc</m:t></m:r><m:sSup><m:e><m:r><m:t>2</m:t>"
                        "</m:r></m:e></m:sSup></m:oMath>")
    assert text_of(docx(math)) == "E = mc2"


@pytest.mark.parametrize(("name", "data", "said"), [
    ("story.docx", b"PK\x03\x04" + bytes(60), "is damaged"),
    ("story.docx", docx(p(r("x")))[:300], "is damaged"),
    ("story.docx", docx("<w:p><w:r><w:t>x</w:r></w:p>"), "is damaged"),
    ("story.docx", docx(p(r("x")), name="word/other.xml"), "is damaged"),
    ("story.docx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), "older Office file"),
    ("story.docx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600)
     + "EncryptionInfo".encode("utf-16-le") + bytes(100), "protected by a password"),
    ("story.docx", docx(p(r("   "))), "holds no text"),
])
def test_a_document_that_cannot_be_read_is_refused_in_one_line(project, tmp_path, name, data,
                                                               said):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportRejected, match=said) as refused:
        importing.load_file(path)
    assert "\n" not in str(refused.value) and "story.docx" in str(refused.value)
    assert articles.list_articles(project) == []


def test_an_encrypted_odt_is_refused_as_protected(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bytes(range(256)))
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:'
                         'oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry>'
                         "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>")
    path = tmp_path / "locked.odt"
    path.write_bytes(out.getvalue())
    with pytest.raises(ImportRejected, match="protected by a password"):
        importing.load_file(path)


def test_a_part_too_large_unpacked_is_refused_before_it_is_parsed(monkeypatch):
    """A small file that unpacks to gigabytes (a «zip bomb») is read no further than
    the limit."""
    monkeypatch.setattr(word_document, "MAX_PART_BYTES", 10_000)
    with pytest.raises(ImportRejected, match="more text than Tahqiq imports"):
        text_of(docx(p(r("ا" * 20_000))))


def test_a_document_bigger_than_the_text_limit_by_its_pictures_imports(project, tmp_path,
                                                                        monkeypatch):
    """A press pack's .docx of 55 MB, most of it photographs, was refused as «55 MB; the
    limit is 50 MiB of text» (rv115): its pictures are never read."""
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 4096)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, zipfile.ZipFile(
            io.BytesIO(docx(p(r("نص البيان"))))) as made:
        for name in made.namelist():
            archive.writestr(name, made.read(name))
        archive.writestr("word/media/image1.jpeg", bytes(range(256)) * 64)  # (stored)
    path = tmp_path / "press-pack.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size > 4096
    assert importing.load_file(path).text == "نص البيان"
    monkeypatch.setattr(word_document, "MAX_FILE_BYTES", 4096)
    with pytest.raises(ImportRejected, match="the limit for a document is 0 MiB"):
        importing.load_file(path)


def test_entities_are_not_expanded_nor_files_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY '
                         f'x SYSTEM "file://{secret}">]><w:document xmlns:w="{W}"><w:body>'
                         f"<w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>")
    assert "SECRET" not in text_of(out.getvalue())


def test_a_document_is_known_by_what_it_holds_and_imported_with_its_details(project,
                                                                              tmp_path):
    """A .docx saved with no suffix (or a wrong one) is still read as one; a NAME.json
    beside it gives its details as beside a .txt; a folder brings its documents in."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "2 statement").write_bytes((DOCUMENTS / "sample.docx").read_bytes())
    (folder / "10 release.odt").write_bytes(docx(p(r("نص البيان الثاني"))))  # (misnamed)
    (folder / "10 release.json").write_text(json.dumps(
        {"title": "البيان", "url": "https://example.org/b", "published": "2026-03-03"}),
        "utf-8")
    (folder / "notes.doc").write_bytes(b"x")
    found = importing.articles_among([folder])
    assert [path.name for path in found] == ["10 release.odt"]
    loaded = importing.load_file(folder / "2 statement")
    assert loaded.text == SAMPLE
    article = articles.get_article(project, importing.import_file(project, found[0]).article_id)
    assert (article.title, article.url, article.published, article.text) == (
        "البيان", "https://example.org/b", "2026-03-03", "نص البيان الثاني")


def test_the_command_line_imports_a_document(tmp_path):
    """`tahqiq import` takes both; the same text from the other format is the same
    article, and what was left out is said."""
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    assert exe, "the tahqiq console script is not installed"
    result = subprocess.run(
        [exe, "import", str(DOCUMENTS / "sample.docx"), str(DOCUMENTS / "sample.odt"),
         "--project", str(tmp_path / "p.tahqiq")],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(lines) == 2 and lines[0] == lines[1]
    assert lines[0][1] == "بيان صحفي: المعاهدة الجديدة"
    assert "left out the document's deleted tracked changes" in result.stderr


def test_a_word_for_the_web_document_is_read_by_its_main_part(tmp_path):
    """Word for the web (Office 365, SharePoint) names the main part word/document2.xml;
    the package's relationships say so. It was refused as damaged (rv115)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats'
                         '.org/package/2006/content-types"><Override PartName="/word/document2'
                         '.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                         'wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats'
                         '.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
                         '://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                         'officeDocument" Target="word/document2.xml"/></Relationships>')
        archive.writestr("word/document2.xml", docx_part(p(r("بيان من الوزارة"))))
    path = tmp_path / "online.docx"
    path.write_bytes(out.getvalue())
    assert importing.load_file(path).text == "بيان من الوزارة"


def docx_part(body: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx(body))) as archive:
        return archive.read("word/document.xml")


def test_text_hidden_by_a_style_is_left_out():
    """Hidden by a character style or a paragraph style (styles.xml), not on the run."""
    styles = (f'<w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="Secret">'
              '<w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" '
              'w:styleId="Inherits"><w:basedOn w:val="Secret"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Draft"><w:rPr><w:vanish/></w:rPr>'
              "</w:style></w:styles>")
    data = io.BytesIO()
    body = (p(r("ظاهر "), r("مخفي", '<w:rPr><w:rStyle w:val="Secret"/></w:rPr>'),
              r("مخفي", '<w:rPr><w:rStyle w:val="Inherits"/></w:rPr>'), r(" أيضا"))
            + '<w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr>' + r("مسودة") + "</w:p>")
    with zipfile.ZipFile(io.BytesIO(docx(body))) as source, \
            zipfile.ZipFile(data, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, source.read(name))
        archive.writestr("word/styles.xml", styles)
    document = word_document.read(data.getvalue(), "story.docx")
    assert document.text == "ظاهر  أيضا"
    assert document.left_out


def test_odt_text_hidden_by_its_style_or_a_hidden_section_is_left_out(tmp_path):
    """LibreOffice writes Format ▸ Character ▸ Hidden as a style with text:display="none",
    and a hidden section as text:display="none": neither is seen (rv115)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:'
        'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:'
        'opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
        'text:1.0" office:version="1.3"><office:automatic-styles><style:style '
        'style:name="T1" style:family="text" style:parent-style-name="Hidden"/>'
        '<style:style style:name="Hidden" style:family="text"><style:text-properties '
        'text:display="none"/></style:style></office:automatic-styles><office:body>'
        '<office:text><text:p>ظاهر <text:span text:style-name="T1">ملاحظة داخلية</text:span>'
        'فقط.</text:p><text:section text:name="S" text:display="none"><text:p>قسم مخفي'
        "</text:p></text:section><text:p>النهاية</text:p></office:text></office:body>"
        "</office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    (tmp_path / "hidden.odt").write_bytes(out.getvalue())
    loaded = importing.load_file(tmp_path / "hidden.odt")
    assert loaded.text == "ظاهر فقط.\nالنهاية"
    assert importing.DOCUMENT_LEFT_OUT in loaded.changes


LISTS = ("البيان:\n1. First claim.\na) Sub alpha.\nb) Sub beta.\n1.b.1. Deep one.\n"
         "2. Second claim.\nBetween.\n3. Third, continued.\n• Bullet one.\n"
         "1. أولًا المعاهدة.\n2. ثانيًا الفيتو.")


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_lists_numbers_and_bullets_are_read_as_its_reader_counts_them(suffix):
    """A word processor keeps a list's numbers out of the text, and draws them: a
    statement's «3. …» came in without its 3, and its «point 3» could not be found
    (rv115). Read as LibreOffice (which wrote both files from lists.fodt) writes them
    as text, the levels nested, a list continued after a paragraph, a bullet."""
    assert importing.load_file(DOCUMENTS / f"lists.{suffix}").text == LISTS


def numbered(levels: str, *paragraphs: tuple[str, str, str], overrides: str = "",
             styles: str = "") -> str:
    """The text of a .docx whose numbering.xml has abstract list 0 of *levels* (num 1,
    and num 2 with *overrides*), and whose paragraphs are (numId, ilvl, text)."""
    numbering = (f'<w:ROOT><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 f'<w:num w:numId="2"><w:abstractNumId w:val="0"/>{overrides}</w:num>'
                 "</w:ROOT>")
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        f"</w:pPr>{r(text)}</w:p>" if num.isdigit() else
        f'<w:p><w:pPr><w:pStyle w:val="{num}"/></w:pPr>{r(text)}</w:p>' if num else p(r(text))
        for num, level, text in paragraphs)
    parts = {"word/numbering.xml": numbering}
    if styles:
        parts["word/styles.xml"] = f"<w:ROOT>{styles}</w:ROOT>"
    return text_of(docx(body, parts=parts))


def lvl(level: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def test_word_numbering_formats_restarts_and_numbered_styles():
    """Word's formats (Arabic abjad and Arabic-Indic digits among them), a list begun
    again by its number's override, a symbol font's bullet, and a heading style that
    numbers its paragraphs."""
    levels = (lvl(0, "upperRoman", "%1.", 3) + lvl(1, "arabicAbjad", "%1-%2)")
              + lvl(2, "hindiNumbers", "(%3)") + lvl(3, "bullet", "\uf0b7")
              + lvl(4, "decimalZero", "%5"))
    assert numbered(levels, ("1", "0", "أ"), ("1", "1", "ب"), ("1", "1", "ج"),
                    ("1", "2", "د"), ("1", "3", "ه"), ("1", "4", "و"), ("1", "0", "ز"),
                    ("1", "1", "ح"), ("", "", "فقرة"),
                    ("2", "0", "ط"),
                    overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                              "</w:lvlOverride>") == (
        "\u200fIII. أ\n\u200fIII-أ) ب\n\u200fIII-ب) ج\n(١) د\n• ه\n01 و\n\u200fIV. ز\n"
        "\u200fIV-أ) ح\nفقرة\n\u200fI. ط")  # (a Latin label on an Arabic item: after an RLM)
    heading = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr>'
               '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
               '<w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="Heading1"/>'
               "</w:style>")
    assert numbered(lvl(0, "decimal", "%1."), ("Heading1", "", "مقدمة"),
                    ("Mine", "", "الوقائع"), ("", "", "نص"),
                    styles=heading) == "1. مقدمة\n2. الوقائع\nنص"


def test_an_arabic_item_lettered_in_latin_keeps_its_right_to_left_paragraph():
    """«a) نمو قطاع الزراعة 7%.»: Word's second level is lettered in Latin, even in an
    Arabic list; the «a» gave the paragraph its direction, and the reader and the packet
    laid the item out left to right, its letter at the left, its 7 torn from its %
    (rv117). A right-to-left mark before the label; none where the words are Latin, or
    the label has no letter."""
    from store.text.display import base_direction

    levels = lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2)")
    text = numbered(levels, ("1", "0", "المؤشرات:"), ("1", "1", "نمو قطاع الزراعة 7%."),
                    ("1", "1", "Growth of 2%."))
    assert text == "1. المؤشرات:\n\u200fa) نمو قطاع الزراعة 7%.\nb) Growth of 2%."
    assert [base_direction(line) for line in text.splitlines()] == ["rtl", "rtl", "ltr"]


def test_a_typed_space_finds_a_documents_tab_and_footnote_marker(project):
    """A word processor's tab-aligned row «Inflation⇥5.1%» and a footnote cited
    mid-sentence «March[1] and»: project search found «Inflation 5.1%» and «in March
    and that»; Find and `tag --quote` said they were not in the article (rv117)."""
    from store.core import appearances
    from store.text.fold import find_all

    text = ("Inflation fell in March[1] and that the government will act.\n"
            "Indicator\t2024\t2025\nInflation\t5.1%\t3.5%\n\n[1] Source: office.")
    outcome = importing.import_text(project, text, title="t")
    article = outcome.article.text
    assert [article[a:b] for a, b in find_all(article, "Inflation 5.1%")] == [
        "Inflation\t5.1%"]
    assert [article[a:b] for a, b in find_all(article, "in March and that")] == [
        "in March[1] and that"]
    assert find_all(article, "Inflation 5.1% 3.5%") != []
    assert find_all(article, "3.5% Source") == []  # (a blank line between)
    claim = appearances.tag_quote(project, outcome.article.id, "Inflation 5.1%",
                                  label="disputed")
    assert claim.quote == "Inflation\t5.1%"


def test_a_paragraph_whose_end_was_deleted_runs_on_into_the_next():
    """A tracked deletion of a paragraph's mark joins it to the next, as Word shows the
    document; it stayed two lines (rv115)."""
    joined = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>'
              + r("Deleted paragraph mark here") + "</w:p>")
    document = word_document.read(docx(joined + p(r(" joins this one.")) + p(r("Next."))),
                                  "story.docx")
    assert document.text == "Deleted paragraph mark here joins this one.\nNext."
    assert document.left_out


def odt(automatic: str, body: str, styles: str = "") -> str:
    """The text of an .odt of *automatic* list styles, office *styles* and *body*."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f"<office:document-content {ns}>"
                         f"<office:automatic-styles>{automatic}</office:automatic-styles>"
                         f"<office:body><office:text>{body}</office:text></office:body>"
                         "</office:document-content>")
        archive.writestr("styles.xml", f"<office:document-styles {ns}><office:styles>"
                         f"{styles}</office:styles></office:document-styles>")
    return word_document.read(out.getvalue(), "story.odt").text


def item(text: str, inner: str = "") -> str:
    return f"<text:list-item>{f'<text:p>{text}</text:p>' if text else ''}{inner}</text:list-item>"


def test_odt_numbers_as_libreoffice_draws_them():
    """As LibreOffice 7.4's text export reads the same documents (rv118): a list begun
    below its first level counts that level once («a) …» then «2.»); a level numbered
    «none» keeps its prefix and suffix and is left out of a lower level's «1.a»; a
    bulleted level in it is an empty number; headings are numbered by the outline
    style; a list continues the list it names, not the last one of its style."""
    style = ('<text:list-style style:name="L1">'
             '<text:list-level-style-number text:level="1" style:num-format="1" '
             'style:num-suffix="."/><text:list-level-style-number text:level="2" '
             'style:num-format="a" style:num-suffix=")"/></text:list-style>')
    assert odt(style, '<text:list text:style-name="L1">'
               f'{item("", "<text:list>" + item("S") + "</text:list>")}{item("X")}'
               "</text:list>") == "a) S\n2. X"
    none = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
            'style:num-format="" style:num-prefix="(" style:num-suffix=")"/>'
            '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/>'
            '<text:list-level-style-number text:level="3" style:num-format="i" '
            'style:num-suffix="." text:display-levels="3"/></text:list-style>')
    deep = "<text:list>" + item("B", "<text:list>" + item("S") + "</text:list>") + \
        "</text:list>"
    assert odt(none, f'<text:list text:style-name="L1">{item("X", deep)}</text:list>') \
        == "() X\n• B\n.i. S"
    outline = ('<text:outline-style style:name="Outline"><text:outline-level-style '
               'text:level="1" style:num-format="1" style:num-suffix="."/>'
               '<text:outline-level-style text:level="2" style:num-format="1" '
               'text:display-levels="2"/></text:outline-style>')
    assert odt("", '<text:h text:outline-level="1">Intro</text:h><text:p>t</text:p>'
               '<text:h text:outline-level="2">Sub</text:h>'
               '<text:h text:outline-level="1">Facts</text:h>', outline) == \
        "1. Intro\nt\n1.1 Sub\n2. Facts"
    assert odt(style, f'<text:list text:style-name="L1" xml:id="a">{item("A1")}</text:list>'
               f'<text:list text:style-name="L1" xml:id="b">{item("B1")}</text:list>'
               f'<text:list text:style-name="L1" text:continue-list="a">{item("A2")}'
               "</text:list>") == "1. A1\n1. B1\n2. A2"


def test_a_word_level_without_its_start_counts_from_zero():
    """ECMA-376: a level that names no start starts at 0 (LibreOffice writes no
    ``w:start`` for a list it numbers from 0); it was counted from 1 (rv118)."""
    levels = ('<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
              "</w:lvl>")
    assert numbered(levels, ("1", "0", "x"), ("1", "0", "y")) == "0. x\n1. y"


def test_a_typed_space_finds_a_double_space_two_tabs_and_notes_cited_together():
    """A document's «strong.  Exports» (two spaces after a full stop), «Indicator⇥⇥2024»
    and «March[1][2] and»: search found each as a phrase; Find and `tag --quote` said
    they were not in the article (rv121). A blank line still parts them."""
    from store.text.fold import find_all

    text = ("Growth was strong.  Exports rose.\nIndicator\t\t2024\n"
            "Inflation fell in March[1][2] and that was new.\nA end.\n\nB start")
    for query, found in [("strong. Exports", "strong.  Exports"),
                         ("Indicator 2024", "Indicator\t\t2024"),
                         ("in March and that", "in March[1][2] and that"),
                         ("strong.  Exports", "strong.  Exports")]:
        assert [text[a:b] for a, b in find_all(text, query)] == [found]
    assert find_all(text, "end. B") == []
    assert find_all("a  b", "a b") == [(0, 4)]


def test_an_odt_heading_at_a_level_its_outline_style_leaves_out_is_not_numbered():
    """An outline style writing only its first level (not LibreOffice's own ten): the
    headings below it came in as «. Sub»; LibreOffice shows them unnumbered (rv120)."""
    outline = ('<text:outline-style style:name="Outline"><text:outline-level-style '
               'text:level="1" style:num-format=""/></text:outline-style>')
    assert odt("", '<text:h text:outline-level="1">Intro</text:h>'
               '<text:h text:outline-level="2">Sub</text:h>'
               '<text:h text:outline-level="3">Deeper</text:h>', outline) == \
        "Intro\nSub\nDeeper"


def test_a_paragraph_run_on_stops_at_a_table_a_text_box_and_a_note():
    """A deleted paragraph mark before a table, at a note's end or a text box's: the
    next paragraph read went on the same line, a table's first cell or the next note's
    words (rv120)."""
    gone = '<w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>'
    notes = (f'<w:footnote w:id="1"><w:p>{gone}{r("Note one")}</w:p></w:footnote>'
             f'<w:footnote w:id="2">{p(r("Note two"))}</w:footnote>')
    body = (f"<w:p>{gone}{r('Before the table.')}</w:p>"
            f"<w:tbl><w:tr><w:tc>{p(r('Cell A'))}</w:tc></w:tr></w:tbl>{p(r('After.'))}"
            + p(r("Text"), '<w:r><w:footnoteReference w:id="1"/></w:r>', r(" more"),
                '<w:r><w:footnoteReference w:id="2"/></w:r>')
            + f"<w:p>{gone}{r('Last')}</w:p>")
    assert text_of(docx(body, footnotes=notes)) == (
        "Before the table.\nCell A\nAfter.\nText[1] more[2]\nLast\n\n[1] Note one\n"
        "[2] Note two")


def test_a_right_to_left_paragraph_opening_with_a_latin_word_stays_right_to_left():
    """«BBC نشرت تقريرا…» in a paragraph Word lays out right to left (``w:bidi``: its
    own, its style's or the document's default) took its direction from the «BBC»: the
    reader and the packet laid it out left to right, «BBC» read last and the full stop
    first (rv123). A right-to-left mark before it, as before a Latin list label; none in
    a paragraph Word lays out left to right, or one opening with an Arabic word."""
    from store.text.display import base_direction

    bidi = "<w:pPr><w:bidi/></w:pPr>"
    styles = ('<w:ROOT><w:docDefaults><w:pPrDefault><w:pPr><w:bidi/></w:pPr>'
              '</w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="En">'
              '<w:pPr><w:bidi w:val="0"/></w:pPr></w:style></w:ROOT>')
    text = text_of(docx(
        f"<w:p>{bidi}{r('BBC')}{r(' نشرت تقريرا.')}</w:p>"
        f"<w:p>{bidi}{r('“Fake news”')}{r(' هكذا وصفه.')}<w:r><w:br/></w:r>"
        f"{r('Reuters قالت.')}</w:p>"
        f"<w:p>{bidi}{r('قال الوزير إن BBC أخطأت.')}</w:p>"
        f"<w:p>{r('CNN قالت')}</w:p>"  # (the document's default: right to left)
        f'<w:p><w:pPr><w:pStyle w:val="En"/></w:pPr>{r("CNN said «نعم».")}</w:p>'
        f'<w:p><w:pPr><w:bidi w:val="0"/></w:pPr>{r("AFP said.")}</w:p>',
        parts={"word/styles.xml": styles}))
    assert text == ("\u200fBBC نشرت تقريرا.\n\u200f“Fake news” هكذا وصفه.\n"
                    "\u200fReuters قالت.\nقال الوزير إن BBC أخطأت.\n\u200fCNN قالت\n"
                    "CNN said «نعم».\nAFP said.")
    assert [base_direction(line) for line in text.splitlines()] == [
        "rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr"]


def test_a_list_item_deleted_with_its_mark_is_neither_shown_nor_counted():
    """An editor deleted list item 2 with changes tracked: Word shows the list as «1-,
    2-, 3-»; it read «1- الأول», «2- 3- الثالث», «4- الرابع» (rv123)."""
    deleted = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
               '<w:rPr><w:del w:id="9" w:author="A"/></w:rPr></w:pPr>'
               '<w:del w:id="10" w:author="A"><w:r><w:delText>المحذوف</w:delText></w:r>'
               "</w:del></w:p>")
    numbering = ('<w:ROOT><w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1-")
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 "</w:num></w:ROOT>")
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    document = word_document.read(docx(
        item + r("الأول") + "</w:p>" + deleted + item + r("الثالث") + "</w:p>"
        + item + r("الرابع") + "</w:p>", parts={"word/numbering.xml": numbering}),
        "story.docx")
    assert document.text == "1- الأول\n2- الثالث\n3- الرابع"
    assert document.left_out


def test_a_list_of_a_numbering_style_is_numbered_by_that_style():
    """Word writes a list of a list style (numbering style) as an abstract list that
    only names the style (``w:numStyleLink``); the style's own list holds the levels.
    «أ) … ب) …» read «1. … 2. …» (rv123)."""
    numbering = ('<w:ROOT><w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Bnd"/>'
                 + lvl(0, "arabicAbjad", "%1)") + "</w:abstractNum>"
                 '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Bnd"/>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:ROOT>')
    styles = ('<w:ROOT><w:style w:type="numbering" w:styleId="Bnd"><w:pPr><w:numPr>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:ROOT>')
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>'
    assert text_of(docx(item + r("الأول") + "</w:p>" + item + r("الثاني") + "</w:p>",
                        parts={"word/numbering.xml": numbering,
                               "word/styles.xml": styles})) == "أ) الأول\nب) الثاني"


def test_a_symbol_fonts_tick_and_cross_are_read():
    """A table of claims with a «true?» column of Wingdings ticks and crosses (Word's
    Insert ▸ Symbol writes ``w:sym``, a private-use code): they were left out, the
    column read empty (rv123). Another glyph of a symbol font is still none."""
    def sym(font: str, char: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'

    assert text_of(docx(p(r("التضخم 5% "), sym("Wingdings", "F0FC"))
                        + p(r("البطالة 7% "), sym("Wingdings", "F0FB"))
                        + p(r("النمو "), sym("Wingdings 2", "F050"), sym("Wingdings 2", "4F"))
                        + p(r("x"), sym("Wingdings", "F021"), sym("Webdings", "F0FC")))) == (
        "التضخم 5% ✓\nالبطالة 7% ✖\nالنمو ✓✖\nx")
    # A crossed box is a cross: ❎, the crossed box a face of the packet has, is an emoji
    # by default, drawn as a green square by colour emoji fonts - a «false» read as a
    # «yes» (rv281).
    assert text_of(docx(p(r("الدين "), sym("Wingdings", "F0FD"))
                        + p(r("العجز "), sym("Wingdings 2", "F051"), sym("Wingdings 2", "F053"),
                            sym("Wingdings 2", "F054")))) == "الدين ✖\nالعجز ✖✖✖"


def test_a_footnote_with_a_mark_of_its_own_is_cited_by_that_mark_and_not_numbered():
    """Word's custom footnote mark («*», ``w:customMarkFollows``): the reader sees
    «5%*» and the note «* تصحيح.», and the next numbered note is 1. It read «5%[1]*»,
    «[1] * تصحيح.», and the next note was [2] (rv123)."""
    notes = ('<w:footnote w:id="1"><w:p>' + r("*") + r(" تصحيح.") + "</w:p></w:footnote>"
             '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>' + r(" المصدر.")
             + "</w:p></w:footnote>")
    assert text_of(docx(p(r("النمو 5%"), '<w:r><w:footnoteReference w:customMarkFollows="1" '
                          'w:id="1"/><w:t>*</w:t></w:r>', r(" والبطالة 7%"),
                          '<w:r><w:footnoteReference w:id="2"/></w:r>', r(".")),
                        footnotes=notes)) == (
        "النمو 5%* والبطالة 7%[1].\n\n* تصحيح.\n[1] المصدر.")


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_right_to_left_paragraph_reads_alike_from_either_format(suffix):
    """LibreOffice wrote rtl.docx and rtl.odt from rtl.fodt, whose Arabic paragraphs are
    laid out right to left: those opening with a Latin word get their mark from either
    file (the same text: one article, whichever a colleague imported)."""
    assert importing.load_file(DOCUMENTS / f"rtl.{suffix}").text == (
        "تقرير الوكالة\n\u200fBBC نشرت تقريرا يقول إن 40% من السكان فقدوا وظائفهم.\n"
        "\u200f“Fake news” هكذا وصف الوزير التقرير.\nAn English paragraph stays as it is.")


def test_hostile_levels_symbols_and_notes_are_read_quickly_or_refused_in_one_line():
    """A made-up file (rv125): a list level of 999999999 counted every level above it
    (minutes, gigabytes), a symbol's code past any character leaked an OverflowError and
    a surrogate's a UnicodeEncodeError at the import, and a note citing itself, or two
    citing each other, were read for ever."""
    numbering = ('<w:ROOT><w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.")
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 "</w:num></w:ROOT>")
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    assert text_of(docx(item.format(999999999) + r("عميق") + "</w:p>"
                        + item.format(-5) + r("سالب") + "</w:p>",
                        parts={"word/numbering.xml": numbering})).splitlines()[1] == "2. سالب"
    sym = '<w:r><w:sym w:font="Wingdings" w:char="{}"/></w:r>'
    assert text_of(docx(p(r("x"), sym.format("FFFFFFFFFF"), sym.format("D800")))) == "x"
    notes = ('<w:footnote w:id="1"><w:p>' + r("A")
             + '<w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p>' + r("B")
             + '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference '
             'w:id="2"/></w:r></w:p></w:footnote>')
    assert text_of(docx(p(r("claim"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
                        footnotes=notes)) == "claim[1]\n\n[1] A[2]\n[2] B[1][2]"


def test_a_paragraph_run_on_into_the_next_keeps_its_text_box_after_it():
    """A paragraph whose mark is a tracked deletion runs on into the next; a text box in
    it comes after the whole line, not between its halves (rv128: «BOXsecond part.»)."""
    gone = ('<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/>'
            '</w:rPr></w:pPr>')
    box = '<w:r><w:pict><w:txbxContent>' + p(r("BOX")) + '</w:txbxContent></w:pict></w:r>'
    assert text_of(docx(f"<w:p>{gone}{r('First part ')}{box}</w:p>" + p(r("second part.")))) \
        == "First part second part.\nBOX"


def test_a_citation_costs_the_same_however_many_notes_came_before_it():
    """A court ruling's 32,000 footnotes took 15 s to read: each citation was sought along
    every note cited before it (rv128). Counted in lines of the reader run, not in time
    (a loaded machine's seconds prove nothing): four times the notes, about four times
    the lines, where the search made it sixteen."""
    import sys

    from store.exchange import word_document

    def lines_run(n: int) -> int:
        notes = "".join(f'<w:footnote w:id="{i}">{p(r(f"Source {i}."))}</w:footnote>'
                        for i in range(1, n + 1))
        data = docx("".join(p(r(f"Claim {i}."), f'<w:r><w:footnoteReference w:id="{i}"/></w:r>')
                            for i in range(1, n + 1)), footnotes=notes)
        count = 0

        def trace(frame, event, _arg):
            nonlocal count
            if frame.f_code.co_filename != word_document.__file__:
                return None
            if event == "line":
                count += 1
            return trace

        sys.settrace(trace)
        try:
            text = text_of(data)
        finally:
            sys.settrace(None)
        assert text.endswith(f"[{n}] Source {n}.")
        return count

    small, large = lines_run(300), lines_run(1200)
    assert large < small * 5, (small, large)


def test_a_lists_start_past_what_a_word_processor_takes_draws_a_short_label():
    """A lettered list a 1 KB .docx began at 2,000,000,000 drew labels of 77 million
    «A»s (gigabytes), one begun at 10^15 ran out of memory (rv261). A start is kept within
    Word's 0-32767, a number past thirty of a letter is written in digits, and a label
    writing its «%1» over and over is cut short."""
    assert numbered(lvl(0, "upperLetter", "%1.", 10**15), ("1", "0", "x"), ("1", "0", "y"),
                    ("2", "0", "z"), overrides='<w:lvlOverride w:ilvl="0"><w:startOverride '
                    'w:val="2000000000"/></w:lvlOverride>') == "32767. x\n32768. y\n32767. z"
    assert numbered(lvl(0, "lowerLetter", "%1)", 780), ("1", "0", "x"), ("1", "0", "y")) \
        == f"{'z' * 30}) x\n781) y"
    label = numbered(lvl(0, "upperLetter", "%1" * 100_000, 780), ("1", "0", "x"))
    assert label == "Z" * 200 + " x"
    style = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
             'style:num-format="A" text:start-value="1000000000000000" style:num-suffix="."/>'
             "</text:list-style>")
    assert odt(style, f'<text:list text:style-name="L1">{item("x")}'
               '<text:list-item text:start-value="99999999999"><text:p>y</text:p>'
               "</text:list-item></text:list>") == "32767. x\n32767. y"


def test_a_documents_text_is_counted_as_it_is_read_and_refused_past_the_limit(monkeypatch):
    """A 1 KB .odt's 20,000 «text:s c=10000» were 200 million spaces (1.2 GB, over 90 s,
    rv261): a document's text, whatever its elements expand to (spaces, list labels), is
    refused as soon as it passes MAX_TEXT_CHARS, not once it is all held."""
    monkeypatch.setattr(word_document, "MAX_TEXT_CHARS", 100_000, raising=False)
    spaces = "<text:p>said" + '<text:s text:c="10000"/>' * 9 + "the budget rose</text:p>"
    assert len(odt("", spaces)) == 90_019
    with pytest.raises(ImportRejected, match=r"more text than Tahqiq imports \(the limit is "
                                             r"0 MiB\)"):
        odt("", spaces * 2)
    read = []
    took = word_document._Reader.took
    monkeypatch.setattr(word_document._Reader, "took",
                        lambda self, text: read.append(text) or took(self, text))
    with pytest.raises(ImportRejected, match="more text than Tahqiq imports"):
        odt("", "<text:p>said" + '<text:s text:c="10000"/>' * 20_000 + "</text:p>")
    assert len(read) < 30  # (refused at the 11th of the 20,000)
    with pytest.raises(ImportRejected, match="more text than Tahqiq imports"):
        numbered(lvl(0, "upperLetter", "%1" * 100, 780), *[("1", "0", "x")] * 600)
