"""What comes in, each rule guarded against the mistake that would break it unseen: article
files (store/exchange/importing.py: encodings, Windows-1256, binary and empty files,
titles, duplicates, folders) and a spreadsheet of claims read back (the reading side of
store/exchange/csv_format.py: columns, labels, notes, sources, places, refusals by line).
Each test fails under at least one small change to those modules (an off-by-one, a
dropped strip, a negated branch) that the rest of the suite let pass (rv157's mutation
review)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, claims
from store.core.project import Project
from store.errors import CsvRejected, ImportRejected
from store.exchange import csv_format, exporting, importing
from store.exchange.csv_format import import_claims_csv, parse_records, read_csv_text

TEXT = "قال الوزير إن البطالة انخفضت بنسبة سبعة في المئة، وإن خط المساعدة يعمل منذ أمس."


# -- store/exchange/importing.py: decoding -----------------------------------------------
def test_a_file_whose_code_page_bytes_read_as_no_letters_is_refused_not_guessed():
    """Bytes that are not UTF-8 and read, in Windows-1256, as figures and punctuation alone
    («2024 «100» …») say nothing of their code page (Windows-1252 reads them as well):
    refused, not taken as Windows-1256 because no letter argued against it."""
    with pytest.raises(ImportRejected, match="not in an encoding Tahqiq can read"):
        importing.decode_bytes(b"2024 \xab100\xbb \x85 12:30\n")


def test_a_text_with_two_stray_nuls_is_a_text_and_with_three_a_binary_file(project, tmp_path):
    """A short article with a NUL or two (a tool's slip) is imported, the NULs cleaned away;
    the bound is «more than two» in a file under a few kilobytes."""
    body = "قال الوزير إن النمو بلغ خمسة في المئة هذا العام."
    two = tmp_path / "two.txt"
    two.write_bytes(body.encode() + b"\x00 \x00\n")
    outcome = importing.import_file(project, two)
    assert "\x00" not in outcome.article.text and outcome.article.text.startswith(body)
    three = tmp_path / "three.txt"
    three.write_bytes(body.encode() + b"\x00 \x00 \x00\n")
    with pytest.raises(ImportRejected, match="binary"):
        importing.import_file(project, three)


@pytest.mark.parametrize("between", ["“نعم” — ثم قال “لا” — ", "👍🏽 نعم 🇸🇦 ",
                                     "ﺍﻟﺘﻘﺮﻳﺮ ﺻﺤﻴﺢ ", "(al-Ṭabarī) "])
def test_unicode_text_saved_without_its_mark_is_read_with_many_quotes_or_emoji(between):
    """UTF-16 without its byte-order mark is told by the byte of each pair that holds the
    character's block; typeset quotes and dashes (block 0x20) and emoji (surrogates) are
    other values, and a text holding many was refused as a binary file (rv157); so was
    one holding a third block - a PDF's presentation forms, a transliterated name
    (rv160)."""
    text = f"قال الوزير {between}وهكذا.\n" * 20
    decoded = importing.decode_bytes(text.encode("utf-16-le"))
    assert (decoded.encoding, decoded.text) == ("utf-16-le", text)


def test_a_windows_1256_article_quoting_english_names_is_read():
    """An Arabic article that quotes English names (a third of its letters Latin) is
    still Arabic: most of its letters are, and that is the bar, not «nearly all»."""
    text = "قال الوزير لوكالة Reuters and the BBC إن النمو بلغ خمسة في المئة"
    assert importing.decode_bytes(text.encode("cp1256")) == importing.Decoded(text, "cp1256")


def test_a_tie_between_the_arabic_code_pages_goes_to_windows_1256_the_other_told():
    """Letters both code pages write with the same bytes (ب ا د ر ح ث ت ص) read alike in
    each: Windows-1256, by far the more common, is chosen and ISO-8859-6 kept as the
    reading the user may switch to."""
    data = "باب دار حرب ثابت صادر".encode("cp1256")
    assert data == "باب دار حرب ثابت صادر".encode("iso8859_6")
    decoded = importing.decode_bytes(data)
    assert (decoded.encoding, decoded.alternative) == ("cp1256", "iso8859_6")


def test_a_text_file_of_windows_1256_and_utf8_arabic_is_refused_not_half_garbled(
        project, tmp_path):
    """A plain text file whose first words are Windows-1256 and the rest UTF-8 (two
    sources pasted together) reads as Arabic in Windows-1256, the UTF-8 part as «ط¨ظ...»:
    refused, saying so, and nothing stored."""
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("قال الوزير إن البطالة انخفضت ".encode("cp1256")
                      + "بنسبة سبعة في المئة".encode() + b"\n")
    with pytest.raises(ImportRejected, match="mixes UTF-8 with another encoding"):
        importing.import_file(project, mixed)
    assert articles.list_articles(project) == []


@pytest.mark.parametrize("end", [b"\r", b"\r\n"])
def test_a_windows_1256_files_line_ends_of_any_kind_part_its_lines(project, tmp_path, end):
    """A Windows-1256 file's line ends (an old Mac's lone CR, or Windows' CRLF) are made
    line breaks while it is bytes: its lines stay apart, not run together."""
    lines = ["قال الوزير إن البطالة انخفضت", "وأضاف أن خط المساعدة يعمل منذ أمس"]
    path = tmp_path / "old.txt"
    path.write_bytes(end.join(line.encode("cp1256") for line in lines) + end)
    outcome = importing.import_file(project, path)
    assert outcome.encoding == "Windows-1256"
    assert outcome.article.text == "\n".join(lines)


def test_a_bad_byte_after_a_mark_is_named_by_its_place_in_the_file(tmp_path, monkeypatch):
    """«byte N» counts from the file's first byte, the mark included, also when the bad
    byte ends a character begun in the piece read before it (a megabyte at a time; here
    four bytes)."""
    monkeypatch.setattr(importing, "_CHECK_BYTES", 4)
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfabc\xd8\xffxyz")  # the lead byte D8 is byte 6
    with pytest.raises(ImportRejected, match=r"claims to be UTF-8 \(BOM\) but byte 6 is"):
        importing.load_file(path)


def test_a_bad_byte_in_the_encoding_the_user_chose_counts_the_mark_too(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfabc\xff")
    with pytest.raises(ImportRejected, match="is not in UTF-8 \\(BOM\\): byte 6 is not valid"):
        importing.load_file(path, encoding="utf-8")


def test_an_encoding_named_as_the_window_shows_it_is_known_with_spaces_around(tmp_path):
    """«UTF-8 (BOM)» as the window shows it, copied with a space either side, is UTF-8
    with its mark; so is any shown name."""
    assert importing.codec_name(" UTF-8 (BOM) ") == "utf-8-sig"
    assert importing.codec_name("\tISO-8859-6\n") == "iso8859-6"


def test_a_page_labelled_windows_1256_holding_utf8_arabic_too_is_refused():
    """A page that says Windows-1256 and is, but for a paragraph pasted in as UTF-8
    (a CMS's template and its editor's text): refused as mixed, not half «ط¨ظ...»."""
    data = (b'<html><head><meta charset="windows-1256"></head><body><p>'
            + "قال الوزير إن البطالة انخفضت".encode("cp1256") + b"</p><p>"
            + "وأضاف أن خط المساعدة يعمل".encode() + b"</p></body></html>")
    with pytest.raises(ImportRejected, match="mixes UTF-8 with another encoding"):
        importing.decode_html(data, "page.html")


def test_a_page_saying_utf8_that_is_windows_1256_is_read_as_the_arabic_it_is():
    """A page's «charset=utf-8» is a template's, often wrong: bytes that are not UTF-8 are
    judged as a text file's are, not refused on the page's word."""
    body = "قال الوزير إن البطالة انخفضت بنسبة سبعة في المئة هذا العام"
    data = (b'<html><head><meta charset="utf-8"></head><body><p>' + body.encode("cp1256")
            + b"</p></body></html>")
    decoded = importing.decode_html(data, "page.html")
    assert decoded.encoding == "cp1256" and body in decoded.text


def test_an_article_with_a_link_in_it_is_an_article_and_marks_alone_are_nothing(project):
    assert importing.import_text(project, "انظر https://example.com/x للتفاصيل").created
    with pytest.raises(ImportRejected, match="There is no text to import"):
        importing.import_text(project, "\u064e" * 20)


# -- store/exchange/importing.py: files and folders --------------------------------------
def test_a_file_of_exactly_the_size_limit_is_imported(project, tmp_path, monkeypatch):
    path = tmp_path / "at.txt"
    path.write_text("قال الوزير إن البطالة انخفضت.", encoding="utf-8")
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", path.stat().st_size)
    assert importing.import_file(project, path).created
    path.write_text("قال الوزير إن البطالة انخفضت!!", encoding="utf-8")
    with pytest.raises(ImportRejected, match="the limit is 0 MiB of text"):
        importing.import_file(project, path)


def test_a_file_that_grew_past_the_limit_after_its_size_was_read_is_refused(
        project, tmp_path, monkeypatch):
    """The size the folder listing gave is not trusted: what is read is measured too."""
    import os

    path = tmp_path / "growing.txt"
    path.write_text("قال الوزير إن البطالة انخفضت في المئة.", encoding="utf-8")
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 20)
    real = type(path).stat

    def smaller(self, *args, **kwargs):
        told = real(self, *args, **kwargs)
        return os.stat_result((*told[:6], 10, *told[7:10])) if self == path else told

    monkeypatch.setattr(type(path), "stat", smaller)
    with pytest.raises(ImportRejected, match="the limit is 0 MiB of text"):
        importing.import_file(project, path)
    assert articles.list_articles(project) == []


def test_a_document_over_its_limit_is_refused_naming_the_documents_limit(project, tmp_path):
    from store.exchange import word_document

    path = tmp_path / "huge.docx"
    with path.open("wb") as fh:  # sparse: nothing written to disk
        fh.truncate(word_document.MAX_FILE_BYTES + 1)
    with pytest.raises(ImportRejected, match="the limit for a document is 512 MiB"):
        importing.import_file(project, path)


def test_a_json_file_imported_on_its_own_gives_itself_no_details(tmp_path):
    """A NAME.json read as an article is not its own sidecar: its «title» is text."""
    path = tmp_path / "notes.json"
    path.write_text('{"title": "T", "outlet": "O"}', encoding="utf-8")
    loaded = importing.load_file(path)
    assert (loaded.title, loaded.metadata) == ("", {})


def test_a_sidecars_empty_zero_or_false_details_are_left_out(project, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("قال الوزير إن البطالة انخفضت.", encoding="utf-8")
    (tmp_path / "story.json").write_text(
        '{"title": 0, "outlet": false, "published": 0, "url": ""}', encoding="utf-8")
    loaded = importing.load_file(path)
    assert (loaded.title, loaded.metadata, loaded.changes) == ("", {}, [])
    assert importing.import_loaded(project, loaded).article.title == "قال الوزير إن البطالة انخفضت."


def test_a_sidecars_language_is_kept_over_the_one_detected(project, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("قال الوزير إن البطالة انخفضت في المئة هذا العام.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"language": "fa"}', encoding="utf-8")
    assert importing.import_file(project, path).article.language == "fa"


def test_a_sidecar_beside_a_file_of_a_kind_of_its_own_is_left_out(tmp_path):
    """«story.md» and its «story.json»: the details are the article's, not an article;
    a sidecar named in capitals likewise."""
    (tmp_path / "story.md").write_text("قال الوزير", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "t"}', encoding="utf-8")
    (tmp_path / "other.txt").write_text("قال الوزير", encoding="utf-8")
    (tmp_path / "other.JSON").write_text('{"title": "t"}', encoding="utf-8")
    assert importing.articles_among([tmp_path / "story.md", tmp_path / "story.json",
                                     tmp_path / "other.txt", tmp_path / "other.JSON"]) == [
        tmp_path / "story.md", tmp_path / "other.txt"]


def test_a_sidecar_named_alone_beside_its_article_is_left_out(tmp_path):
    """A script importing a folder a file at a time names the sidecar on its own."""
    (tmp_path / "story.html").write_text("<p>قال الوزير</p>", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "t"}', encoding="utf-8")
    assert importing.articles_among([tmp_path / "story.json"]) == []


def test_a_folders_hidden_files_and_folders_named_like_articles_are_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".~lock.a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "old.txt").mkdir()
    assert importing.articles_among([tmp_path]) == [tmp_path / "a.txt"]


def test_a_single_file_web_page_named_in_capitals_is_refused_as_one(tmp_path):
    path = tmp_path / "SAVED.MHT"
    path.write_bytes(b"Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\n")
    with pytest.raises(ImportRejected, match="MHTML"):
        importing.load_file(path)


@pytest.mark.parametrize("kind", ["json", "w3c"])
def test_an_export_saved_with_a_byte_order_mark_is_still_refused_as_one(project, tmp_path,
                                                                        kind):
    """Notepad saves a file with a mark before its «{»: still an export, not an article."""
    article = articles.add_article(project, TEXT, "t")
    appearances.tag_quote(project, article.id, "خط المساعدة", "disputed")
    path = tmp_path / f"export.{kind}.txt"
    path.write_text(exporting.export_text(project, kind), encoding="utf-8-sig")
    with pytest.raises(ImportRejected, match="export"):
        importing.load_file(path)


def test_a_file_of_exactly_the_streaming_size_is_stored_in_pieces(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("قال الوزير إن البطالة انخفضت.\n" * 4, encoding="utf-8")
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", path.stat().st_size)
    assert importing.load_file(path).source == path
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", path.stat().st_size + 1)
    assert importing.load_file(path).source is None


def test_a_file_path_of_a_file_manager_is_a_link_not_an_article(project):
    with pytest.raises(ImportRejected, match="That is a link"):
        importing.import_text(project, "file:/home/me/article.html")


@pytest.mark.parametrize("title", ["   ", "\u202b\u202c", "\x07"])
def test_a_big_files_blank_title_gives_way_to_one_from_its_text(project, tmp_path,
                                                               monkeypatch, title):
    """A big file (stored a piece at a time) whose NAME.json title is only spaces is
    titled from its text, as a small one is; and one of direction marks or a control
    character alone, which storing cleans away, was stored untitled (rv157)."""
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("قال الوزير إن البطالة انخفضت.\nوأضاف أن الخط يعمل.\n", encoding="utf-8")
    (tmp_path / "big.json").write_text(json.dumps({"title": title}), encoding="utf-8")
    outcome = importing.import_file(project, path)
    assert outcome.article.title == outcome.title == "قال الوزير إن البطالة انخفضت."


def test_a_big_blank_file_read_in_a_chosen_encoding_is_empty(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 10)
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n" * 20)
    with pytest.raises(ImportRejected, match="is empty"):
        importing.load_file(path, encoding="utf-8")


def test_a_marked_file_read_as_utf8_by_choice_is_utf8_with_its_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "قال الوزير".encode())
    loaded = importing.load_file(path, encoding="UTF-8")
    assert (loaded.encoding, loaded.text) == ("UTF-8 (BOM)", "قال الوزير")


# -- store/exchange/csv_format.py: reading a sheet ---------------------------------------
def test_a_sheet_of_exactly_the_size_limit_is_read_and_one_byte_more_refused(tmp_path,
                                                                          monkeypatch):
    data = "\ufeffclaim_id,label\r\n1,verified\r\n".encode()
    at_limit = tmp_path / "at.csv"
    at_limit.write_bytes(data)
    monkeypatch.setattr(csv_format, "MAX_CSV_BYTES", len(data))
    assert read_csv_text(at_limit)[0].startswith("claim_id")
    over = tmp_path / "over.csv"
    over.write_bytes(data + b"\n")
    with pytest.raises(CsvRejected, match="larger than"):
        read_csv_text(over)


def test_a_windows_1256_sheet_with_one_short_arabic_word_is_read_as_such(tmp_path):
    """A sheet saved on Arabic Windows whose only Arabic is one short note («نعم»: three
    bytes, none of them UTF-8) is Windows-1256, not a UTF-8 file with damaged bytes."""
    path = tmp_path / "sheet.csv"
    path.write_bytes("claim_id,label,note\r\n1,verified,نعم\r\n".encode("cp1256"))
    assert read_csv_text(path) == ("claim_id,label,note\r\n1,verified,نعم\r\n",
                                   "Windows-1256")


def test_a_sheets_unicode_text_without_a_mark_is_read_when_its_header_starts_short(tmp_path):
    """UTF-16 without its mark is known by its header of Latin names: a tab among the first
    characters («label<TAB>claim_id…») is one of them."""
    path = tmp_path / "sheet.txt"
    text = "label\tclaim_id\tnote\r\nverified\t1\tنعم\r\n"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_csv_text(path) == (text, "UTF-16")


def rejected_csv(path: Path) -> CsvRejected:
    with pytest.raises(CsvRejected) as caught:
        read_csv_text(path)
    return caught.value


@pytest.mark.parametrize(("data", "line"), [
    (b"\xffclaim_id,note\n1,\xd9\x86\xd8\xb9\xd9\x85\n", 1),  # the very first byte
    (b"claim_id,note\r1,\xd9\x86\xd8\xb9\xd9\x85\r\xff2,x\r", 3),  # old Mac line ends
])
def test_a_damaged_byte_is_told_on_the_sheets_row_that_holds_it(tmp_path, data, line):
    path = tmp_path / "damaged.csv"
    path.write_bytes(data)
    assert rejected_csv(path).problems[0][0] == line


HEADER = list(csv_format.CSV_COLUMNS)


def parsed(text: str) -> tuple[list[tuple[int, dict[str, str]]], list]:
    return parse_records(text)


def row_of(**cells: str) -> list[str]:
    return [cells.get(name, "x") for name in HEADER]


@pytest.mark.parametrize("text", [
    "\r\n\r\n" + ";".join(HEADER) + "\r\n" + ";".join(row_of(start="1")) + "\r\n",
    ";".join(f'"{name}"' for name in HEADER) + "\r\n" + ";".join(row_of(start="1")) + "\r\n",
    "\t".join(name.upper() for name in HEADER) + "\r\n" + "\t".join(row_of(start="1")),
])
def test_a_sheets_header_is_found_after_blank_lines_quoted_or_in_capitals(text):
    records, problems = parsed(text)
    assert problems == []
    assert [(cells["claim_id"], cells["start"]) for _, cells in records] == [("x", "1")]


def test_a_sheets_empty_rows_and_empty_cells_past_the_last_column_are_no_records():
    text = (",".join(HEADER) + "\r\n" + ",".join(row_of(start="1")) + ", ,  \r\n"
            + "," * (len(HEADER) - 1) + "\r\n" + ",".join(row_of(start="2")) + "\r\n")
    records, problems = parsed(text)
    assert problems == []
    assert [(line, cells["start"]) for line, cells in records] == [(2, "1"), (4, "2")]


def test_a_header_ending_in_empty_cells_names_no_column_twice():
    text = ",".join(HEADER) + ",,\r\n" + ",".join(row_of(start="1")) + ",,\r\n"
    records, problems = parsed(text)
    assert problems == [] and len(records) == 1


def test_a_sheet_of_empty_rows_alone_is_empty():
    assert parsed(",,,\r\n , ,\r\n") == ([], [(1, csv_format.Message("the file is empty"))])


def test_offsets_are_read_as_written_never_unescaped():
    """«start and end are never prefixed»: an apostrophe before a number in them is the
    sheet's, and refused with the cell (not taken as the number after a tab)."""
    records, _ = parsed(",".join(HEADER) + "\r\n" + ",".join(row_of(start="'\t5", end="'-7")))
    assert (records[0][1]["start"], records[0][1]["end"]) == ("'\t5", "'-7")
    assert records[0][1]["quote"] == "x"


def test_a_time_is_read_with_spaces_around_it_and_only_with_its_zone():
    assert csv_format.parse_time(" 2024-06-19T10:00:00Z ") is not None
    assert csv_format.parse_time("2024-06-19T13:00:00+03:00") == csv_format.parse_time(
        "2024-06-19T10:00:00Z")
    assert csv_format.parse_time("2024-06-19T10:00:00") is None


# -- a sheet of claims brought in --------------------------------------------------------
def sheet(project: Project) -> tuple[list[str], list[list[str]]]:
    text = exporting.export_text(project, "csv")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return header, rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([header, *rows])
    return path


def edit(header: list[str], row: list[str], **cells: str) -> None:
    for name, value in cells.items():
        row[header.index(name)] = value


def refused(project: Project, path: Path) -> CsvRejected:
    with pytest.raises(CsvRejected) as caught:
        import_claims_csv(project, path)
    return caught.value


@pytest.fixture
def tagged(project):
    """A project with one article and one claim on it."""
    article = articles.add_article(project, TEXT, "t")
    claim = appearances.tag_quote(project, article.id, "خط المساعدة", "unchecked")
    return project, article, claim


@pytest.fixture
def elsewhere(tmp_path):
    """Another project holding the same text under its own article id."""
    with Project.open(tmp_path / "other.tahqiq", "tester") as other:
        articles.add_article(other, TEXT, "t")
        yield other


def test_a_claim_id_with_spaces_around_it_is_the_same_claim(tagged, tmp_path):
    project, _, claim = tagged
    header, rows = sheet(project)
    edit(header, rows[0], claim_id=f" {claim.id} ", appearance_id=f" {claim.id} ")
    result = import_claims_csv(project, write(tmp_path / "s.csv", header, rows))
    assert (result.new, result.unchanged, result.new_places) == (0, 1, 0)
    assert [c.id for c in claims.list_claims(project)] == [claim.id]


def test_names_typed_with_spaces_around_them_come_in_without(tagged, elsewhere, tmp_path):
    project, _, claim = tagged
    header, rows = sheet(project)
    edit(header, rows[0], annotator=" ali ", updated_by=" huda ",
         updated="2099-01-01T00:00:00Z")
    import_claims_csv(elsewhere, write(tmp_path / "s.csv", header, rows))
    made = claims.get_claim(elsewhere, claim.id)
    assert (made.annotator, made.updated_by) == ("ali", "huda")


def test_sources_typed_on_one_line_apart_by_spaces_are_each_a_source(tagged, tmp_path):
    project, _, claim = tagged
    header, rows = sheet(project)
    edit(header, rows[0], sources="https://a.example/1 https://b.example/2",
         updated="2099-01-01T00:00:00Z")
    assert import_claims_csv(project, write(tmp_path / "s.csv", header, rows)).updated == 1
    assert claims.get_claim(project, claim.id).sources == ("https://a.example/1",
                                                          "https://b.example/2")


def test_an_articles_text_named_in_capital_hex_or_by_id_alone_is_found(tagged, elsewhere,
                                                                       tmp_path):
    project, article, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], article_sha256=rows[0][header.index("article_sha256")].upper())
    assert import_claims_csv(elsewhere, write(tmp_path / "a.csv", header, rows)).new == 1
    header, rows = sheet(project)
    edit(header, rows[0], article_sha256="", label="disputed", updated="2099-01-01T00:00:00Z")
    assert import_claims_csv(project, write(tmp_path / "b.csv", header, rows)).updated == 1


def test_a_row_naming_no_article_at_all_says_so(tagged, tmp_path):
    project, _, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], article_sha256="", article_id="")
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert problem.problems == [(2, "article_sha256 and article_id are both empty")]
    edit(header, rows[0], article_sha256="0" * 64)
    problem = refused(project, write(tmp_path / "t.csv", header, rows))
    assert problem.problems == [(2, "no article in this project has this text "
                                    "(article_sha256) or id (article_id)")]


def test_two_rows_of_one_claim_with_other_sources_are_refused(tagged, tmp_path):
    project, article, claim = tagged
    appearances.add(project, claim.id, article.id, TEXT.index("البطالة"),
                               TEXT.index("البطالة") + len("البطالة"))
    header, rows = sheet(project)
    assert len(rows) == 2
    edit(header, rows[1], sources="https://a.example/other")
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert [line for line, _ in problem.problems] == [3]
    assert "has another verdict, note or sources on line 2" in problem.problems[0][1]


def test_a_time_with_no_digit_is_told_on_its_line_not_as_a_sheets_date(tagged, tmp_path):
    project, _, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], created="-")  # (a dash for «not known»: no date a sheet wrote)
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert problem.problems == [(2, "created '-' is not a UTC time like 2024-06-19T10:00:00Z")]


@pytest.mark.parametrize(("start", "said"), [
    ("٥", "start '٥' is not a place in the article (a whole number, 0 or more)"),
    ("0" * 20 + "5", None),
])
def test_an_offset_is_ascii_digits_leading_zeros_aside(tagged, tmp_path, start, said):
    project, _, claim = tagged
    header, rows = sheet(project)
    real = rows[0][header.index("start")]
    edit(header, rows[0], start=start if said else "0" * 20 + real)
    path = write(tmp_path / "s.csv", header, rows)
    if said:
        assert refused(project, path).problems == [(2, said)]
    else:
        assert import_claims_csv(project, path).unchanged == 1


def test_a_longer_quote_a_spreadsheet_made_a_date_says_what_the_text_reads(project, tmp_path):
    text = "صدر القرار في 2024-06-12 عن وزارة الاقتصاد."
    article = articles.add_article(project, text, "t")
    appearances.tag_quote(project, article.id, "2024-06-12", "unchecked")
    header, rows = sheet(project)
    edit(header, rows[0], quote="12/06/2024")
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert "reads '2024-06-12' there (a spreadsheet may have made it a date" in \
        problem.problems[0][1]


def test_a_quote_of_spaces_is_told_as_spaces(project, tmp_path):
    text = "قال الوزير   إن البطالة انخفضت."
    article = articles.add_article(project, text, "t")
    appearances.tag_quote(project, article.id, "الوزير", "unchecked")
    header, rows = sheet(project)
    at = text.index("   ")
    edit(header, rows[0], start=str(at), end=str(at + 3), quote="   ", prefix="", suffix="")
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert problem.problems == [(2, "the quote is only spaces")]


def test_a_prefix_and_suffix_a_sheet_trimmed_are_the_same_words(tagged, tmp_path):
    """A spreadsheet trims a cell's spaces: «قال الوزير إن » comes back without the one
    before the quote, and is still the text before it."""
    project, _, claim = tagged
    header, rows = sheet(project)
    prefix, suffix = (rows[0][header.index(name)] for name in ("prefix", "suffix"))
    assert prefix != prefix.strip() or suffix != suffix.strip()
    edit(header, rows[0], prefix=prefix.strip(), suffix=suffix.strip())
    assert import_claims_csv(project, write(tmp_path / "s.csv", header, rows)).unchanged == 1


def test_what_a_spreadsheet_gives_back_for_a_number_keeps_its_percent_and_its_digits():
    assert not csv_format.spreadsheet_kept("5", "5%")
    assert csv_format.spreadsheet_kept("123456789012345678901", "1.23457E+20")
    assert not csv_format.spreadsheet_kept("123456789012345678901", "1.5E+20")


def test_a_review_status_of_spaces_is_no_review(tagged, tmp_path):
    project, _, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], review_status="  ")
    assert import_claims_csv(project, write(tmp_path / "s.csv", header, rows)).reviewed == 0


def test_a_sheet_of_no_claims_says_no_column_was_kept(tmp_path, project):
    header = [name for name in csv_format.CSV_COLUMNS if name not in ("note", "sources")]
    result = import_claims_csv(project, write(tmp_path / "s.csv", header, []))
    assert (result.absent, result.new) == ([], 0)


def test_ten_problems_are_listed_with_no_more_to_tell():
    problems = [(n, csv_format.Message("bad")) for n in range(2, 12)]
    assert "more problem" not in csv_format.problem_list(problems)
    assert csv_format.problem_list([*problems, (12, csv_format.Message("bad"))]).endswith(
        "; and 1 more problem")


def test_a_sheets_own_place_ids_are_not_counted_as_renamed_claims(tagged, elsewhere, tmp_path):
    project, _, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], claim_id="C-1", appearance_id="P-1")
    result = import_claims_csv(elsewhere, write(tmp_path / "s.csv", header, rows))
    assert (result.new, result.renamed) == (1, 1)


def test_a_sheets_own_number_of_32_hex_digits_is_no_uuid(tagged, elsewhere, tmp_path):
    """uuid.UUID takes 32 hex digits without hyphens; a sheet's own number may be such:
    made a UUID of its own like any other, not read as that UUID."""
    project, _, _ = tagged
    header, rows = sheet(project)
    own = "12345678123456781234567812345678"
    edit(header, rows[0], claim_id=own, appearance_id=own)
    result = import_claims_csv(elsewhere, write(tmp_path / "s.csv", header, rows))
    assert result.renamed == 1
    assert result.claim_ids[0] != "12345678-1234-5678-1234-567812345678"


def test_a_claim_on_an_articles_first_words_comes_back_with_its_empty_prefix(project,
                                                                           tmp_path):
    """Words at offset 0 have nothing before them: the sheet's empty prefix cell is that
    nothing, not a prefix that does not match."""
    article = articles.add_article(project, TEXT, "t")
    claim = appearances.tag_quote(project, article.id, "قال الوزير", "unchecked")
    header, rows = sheet(project)
    assert (rows[0][header.index("start")], rows[0][header.index("prefix")]) == ("0", "")
    edit(header, rows[0], label="disputed", updated="2099-01-01T00:00:00Z")
    assert import_claims_csv(project, write(tmp_path / "s.csv", header, rows)).updated == 1
    assert claims.get_claim(project, claim.id).label == "disputed"


def test_a_sheet_naming_an_article_deleted_here_by_its_own_id_is_refused(tagged, tmp_path):
    """The sheet exported here, its article deleted since: found by its id, the deleted
    article is no place to bring claims to (they came in onto it, unseen)."""
    from store.core import article_deletion

    project, article, _ = tagged
    header, rows = sheet(project)
    edit(header, rows[0], label="disputed", updated="2099-01-01T00:00:00Z")
    article_deletion.delete_article(project, article.id)
    problem = refused(project, write(tmp_path / "s.csv", header, rows))
    assert "was deleted in this project" in problem.problems[0][1]


@settings(max_examples=200)
@given(st.text(st.sampled_from("abc ١٢ قالوزير،\u064b\ufb56\ufef5\u0621ΣЖ😀\u06dd.")))
def test_the_arabic_share_counts_every_letter_as_one_by_one_did(text):
    """importing._arabic_share counts each kind of character once (in C), as the test
    of each character one by one counted them."""
    letters = [c for c in text if c.isalpha()]
    arabic = [c for c in letters if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufdff"
              or "\ufe70" <= c <= "\ufeff"]
    assert importing._arabic_share(text) == (len(arabic) / len(letters) if letters else 0.0)


@settings(max_examples=300)
@given(st.binary().map(lambda b: bytes(0xd8 + x % 4 if x % 3 else 0x80 + x % 64 for x in b)
                       + b).map(bytes))
def test_utf8_arabic_runs_are_found_where_three_pairs_stand(data):
    """The run of three UTF-8 Arabic letters (_UTF8_ARABIC_RUN, its first pair written
    out for speed) is found exactly where three lead-and-continuation pairs stand."""
    pairs = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3}")
    found, expected = importing._UTF8_ARABIC_RUN.search(data), pairs.search(data)
    assert (found and found.span()) == (expected and expected.span())
