"""What leaves the house - the CSV, JSON, W3C and ClaimReview exports and the review packet
(HTML and PDF) - each guarded against a small change to store/exchange/exporting.py,
packet.py, packet_html.py, packet_pdf.py or pdf_layout.py (a dropped condition, a bound
moved, the other branch taken) that the rest of the suite let pass (rv164's mutation
review)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from store.core import appearances, articles, claims, settings
from store.exchange import exporting


def csv_records(project, article_id=None, raw=False) -> list[dict[str, str]]:
    text = exporting.export_text(project, "csv", article_id, raw=raw).removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def article(project):
    return articles.add_article(project, "قال الوزير إن النمو بلغ خمسة بالمئة ثم غادر القاعة.",
                                "مقال")


# -- store/exchange/exporting.py: what the counts say -----------------------------------------
def test_a_w3c_export_says_how_many_annotations_it_wrote(project, article):
    """export_to returns how many records it wrote (scripts report it): one per place."""
    for words in ("قال الوزير", "خمسة بالمئة", "غادر القاعة"):
        appearances.tag_quote(project, article.id, words, "disputed")
    stream = io.StringIO()
    written = exporting.export_to(project, "w3c", stream)
    assert written == len(json.loads(stream.getvalue())) == 3


def test_a_claimreview_export_counts_only_its_own_skips(project, article):
    """A list of skipped claims handed in holding an earlier export's still counts only the
    ClaimReviews this export wrote."""
    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    appearances.tag_quote(project, article.id, "غادر القاعة", "unchecked")
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    skipped: list = [("an earlier export's claim", "its reason")]
    stream = io.StringIO()
    written = exporting.export_to(project, "claimreview", stream, skipped=skipped)
    assert len(skipped) == 2
    assert written == len(json.loads(stream.getvalue())) == 1


def test_a_json_export_read_back_as_text_with_a_bom(project, article):
    """A dump a text editor saved with a byte-order mark, read as text, reads back."""
    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    text = "\ufeff" + exporting.export_text(project, "json")
    assert exporting.read_project_json(text)["articles"][0]["id"] == article.id


# -- formula injection ------------------------------------------------------------------------
def test_a_note_that_starts_like_a_formula_is_escaped_in_the_csv(project, article):
    """A note «=HYPERLINK(...)» would run in the spreadsheet an editor opens: the CSV
    writes it with an apostrophe first (raw keeps it as it is)."""
    appearances.tag_quote(project, article.id, "قال الوزير", "disputed",
                          note='=HYPERLINK("https://evil.example","x")')
    (record,) = csv_records(project)
    assert record["note"] == '\'=HYPERLINK("https://evil.example","x")'
    (raw,) = csv_records(project, raw=True)
    assert raw["note"] == '=HYPERLINK("https://evil.example","x")'


def test_a_cell_starting_with_an_apostrophe_and_a_formula_keeps_both_through_the_csv(
        project, article):
    """A note «'=1+1» (a fact-checker quoting a cell) is written «''=1+1»: reading the
    sheet back drops only the apostrophe the export added, and the note is still «'=1+1»,
    not a formula the next export or spreadsheet runs."""
    from store.exchange import csv_format

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed", note="'=1+1")
    (record,) = csv_records(project)
    assert record["note"] == "''=1+1"
    assert csv_format.unescape_cell(record["note"]) == "'=1+1"


# -- the review packet --------------------------------------------------------------------
def set_stored(project, sql: str, params) -> None:
    """A value another program or a hand-edited file left (a merge refuses it)."""
    with project.transaction():
        project.execute(sql, params)


def test_a_labels_colour_that_is_no_colour_is_not_written_into_the_packets_html(
        project, article):
    """A label colour holding more than a colour (a file changed by hand) would be written
    into the HTML packet's style attribute and out of it, as script: it is drawn grey."""
    from store.exchange.packet_html import packet_html

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    set_stored(project, "UPDATE labels SET color = ? WHERE key = 'disputed'",
               ['#112233" onmouseover="alert(1)'])
    html = packet_html(project, article.id)
    assert "onmouseover" not in html
    assert "background-color:#DDDDDD" in html


def test_a_source_that_is_no_web_link_is_not_a_link_in_either_packet(project, article,
                                                                     tmp_path):
    """A source a merge or another program brought that is no web link
    («javascript:…») is shown as text in the packet, not a link an editor clicks."""
    from test_packet import pdf_link_targets

    from store.exchange.packet_html import packet_html

    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed",
                                 sources=["https://un.org/x"])
    set_stored(project, "UPDATE claims SET sources = ? WHERE id = ?",
               [json.dumps(["javascript:alert(1)", "https://un.org/x"]), made.claim_id])
    html = packet_html(project, article.id)
    assert 'href="javascript' not in html and "javascript:alert(1)" in html
    assert '<a href="https://un.org/x">' in html
    path = exporting.export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    assert pdf_link_targets(path) == [b"https://un.org/x"]


def test_a_source_address_is_escaped_inside_its_html_link(project, article):
    """A web link holding «"» and «<» (a query another program stored) stays inside its
    href: it neither ends the attribute nor starts a tag."""
    from store.exchange.packet_html import packet_html

    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    link = 'https://x.example/?q="><svg/onload=alert(1)>'
    set_stored(project, "UPDATE claims SET sources = ? WHERE id = ?",
               [json.dumps([link]), made.claim_id])
    html = packet_html(project, article.id)
    assert "<svg" not in html


# -- which places the CSV holds ---------------------------------------------------------------
def test_a_place_untagged_from_a_claim_of_two_leaves_the_csv(project, article):
    """Words untagged from a claim that keeps other words are not a record of the sheet:
    the claim is still live, its other place still there."""
    first = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    second = appearances.tag_quote(project, article.id, "غادر القاعة", None,
                                   same_as=first.claim_id)
    appearances.delete(project, second.id)
    assert [r["appearance_id"] for r in csv_records(project)] == [first.id]
    assert [r["appearance_id"] for r in csv_records(project, article.id)] == [first.id]


def test_two_annotators_claims_on_the_same_words_come_in_the_order_they_were_made(
        project, article):
    """Alice's and then Bob's verdict on the same words: the sheet lists alice's first
    (the article list's reading order, then the order they were tagged)."""
    project.annotator = "alice"
    first = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.annotator = "bob"
    second = appearances.tag_quote(project, article.id, "قال الوزير", "verified")
    project.annotator = "tester"
    assert [r["appearance_id"] for r in csv_records(project)] == [first.id, second.id]


def test_a_line_of_spaces_is_no_paragraph_of_the_packet(project):
    """A line holding only spaces between two paragraphs is not a paragraph of its own in
    the packet (an empty box, an empty <p>)."""
    from store.exchange.packet import build_packet

    made = articles.add_article(project, "الفقرة الأولى.\n   \nالفقرة الثانية.", "مقال")
    packet = build_packet(project, made.id)
    assert [p.text for p in packet.paragraphs] == ["الفقرة الأولى.", "الفقرة الثانية."]


def test_the_csv_says_who_changed_a_claim_last_and_when(project, article):
    """Bob's note on alice's claim is the newest change of its record: «updated» and
    «updated_by» are the claim's; moving the words later makes them the place's."""
    project.annotator = "alice"
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.annotator = "bob"
    claim = claims.update_claim(project, place.claim_id, note="ملاحظة")
    (record,) = csv_records(project)
    assert (record["updated"], record["updated_by"]) == (claim.updated, "bob")
    assert record["updated"] > place.updated
    project.annotator = "alice"
    start = article.text.index("قال الوزير")
    moved = appearances.move(project, place.id, start, start + len("قال"))
    (record,) = csv_records(project)
    assert (record["updated"], record["updated_by"]) == (moved.updated, "alice")


def test_the_packet_says_when_it_was_exported_to_the_minute(project, article):
    """«Exported: 2026-12-06 15:34 UTC»: the minute, not the seconds, and UTC."""
    import re

    from store.exchange.packet import build_packet

    meta = dict(build_packet(project, article.id).meta)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", meta["Exported"])


def test_a_claims_sources_are_its_links_a_line_each_in_the_csv(project, article):
    """The sources cell holds each link on a line of its own, nothing of the JSON the
    project keeps them in (no brackets, no quotes)."""
    appearances.tag_quote(project, article.id, "قال الوزير", "disputed",
                          sources=["https://evidence.example/1", "https://e.example/2"])
    (record,) = csv_records(project)
    assert record["sources"] == "https://evidence.example/1\nhttps://e.example/2"


def test_a_source_like_a_formula_is_escaped_in_a_damaged_files_csv_too(project, article):
    """A batch holding a value the schema does not (a start kept as a fraction by another
    program, 0.5) is written record by record: a source another program stored starting
    «=» is still written with the apostrophe first."""
    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    set_stored(project, "UPDATE claims SET sources = ? WHERE id = ?",
               [json.dumps(['=HYPERLINK("https://evil.example")']), made.claim_id])
    set_stored(project, "UPDATE appearances SET start = start + 0.5 WHERE id = ?",
               [made.id])
    (batch,) = exporting.csv_rows(project, batch=10)
    assert exporting.csv_records(batch) is None
    (record,) = csv_records(project)
    assert record["sources"] == '\'=HYPERLINK("https://evil.example")'


def test_a_source_like_a_formula_is_escaped_in_the_csv(project, article):
    """A source another program stored starting «=» is written with an apostrophe first,
    as every other cell (raw: as it is)."""
    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    set_stored(project, "UPDATE claims SET sources = ? WHERE id = ?",
               [json.dumps(["=cmd|' /C calc'!A0"]), made.claim_id])
    (record,) = csv_records(project)
    assert record["sources"] == "'=cmd|' /C calc'!A0"
    (raw,) = csv_records(project, raw=True)
    assert raw["sources"] == "=cmd|' /C calc'!A0"


# -- the JSON of one article --------------------------------------------------------------------
def test_one_articles_json_holds_the_history_kept_under_its_claims_reviews(project, article):
    """The slice of one article keeps history entries kept under the id of a review of
    its claims (schema: entity «review»; another program's or a merge's), as the whole
    project's does."""
    from store.core import history
    from store.review import reviews

    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.annotator = "editor"
    review = reviews.review_claim(project, made.claim_id, "accept", "ok")
    project.annotator = "tester"
    with project.transaction():
        history.record(project, "review", review.id, "update", None, {"comment": "ok"})
    sliced = exporting.read_project_json(exporting.export_text(project, "json", article.id))
    assert [h["entity"] for h in sliced["history"] if h["entity_id"] == review.id] == [
        "review"]


def test_an_articles_language_written_with_spaces_is_still_the_packets_text_language(
        project, article):
    """« ar » (spaces another program left) is Arabic: the packet's text is marked so."""
    from store.exchange.packet import build_packet

    set_stored(project, "UPDATE articles SET language = ' ar ' WHERE id = ?", [article.id])
    assert build_packet(project, article.id).text_language == "ar"


def test_a_json_dump_says_its_format_and_which_article_it_holds(project, article):
    """A script reading a dump learns what it reads from its header: the format and its
    version (2: claims and their places apart), and the article of a one-article dump."""
    whole = exporting.read_project_json(exporting.export_text(project, "json"))
    sliced = exporting.read_project_json(exporting.export_text(project, "json", article.id))
    assert whole["tahqiq"]["format"] == sliced["tahqiq"]["format"] == "tahqiq-project"
    assert whole["tahqiq"]["version"] == sliced["tahqiq"]["version"] == 2
    assert (whole["tahqiq"]["article_id"], sliced["tahqiq"]["article_id"]) == (None, article.id)


def test_an_arabic_packet_names_each_verdict_in_arabic(project, article):
    """The claims table of an Arabic packet gives the verdict's Arabic name; an English
    one its English name."""
    from store.core import labels
    from store.exchange.packet import build_packet

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    (label,) = [lab for lab in labels.list_labels(project) if lab.key == "disputed"]
    assert label.name("ar") != label.name("en")
    assert build_packet(project, article.id, "ar").claims[0].verdict == label.name("ar")
    assert build_packet(project, article.id, "en").claims[0].verdict == label.name("en")


def test_a_review_without_a_comment_reads_without_a_colon(project, article):
    """«accepted (editor)», nothing after: no colon and empty isolate for no comment."""
    from store.exchange.packet import build_packet
    from store.review import reviews

    made = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.annotator = "editor"
    reviews.review_claim(project, made.claim_id, "accept")
    (row,) = build_packet(project, article.id).claims
    assert row.review == "accepted (\u2068editor\u2069)"


def test_a_pdf_packet_of_an_article_stored_in_parts_is_refused_too(project, monkeypatch,
                                                                   tmp_path):
    """An article past one part of the index (a big file's import) is kept in parts, its
    row's text empty: its length is read from the parts, and its PDF packet refused as
    any long one's - not laid out for minutes and gigabytes."""
    from store.errors import ExportFailed
    from store.exchange import packet_pdf

    text = "قال الوزير كلاما. " * 60_000
    article_id = articles.add_article_pieces(project, [text], len(text.encode()),
                                             articles.fingerprint(text), "long")
    assert project.execute("SELECT text FROM articles WHERE id = ?",
                           [article_id]).fetchone()[0] == ""
    laid_out: list[str] = []
    monkeypatch.setattr(packet_pdf, "write_packet_pdf",
                        lambda project, article_id, path, language: laid_out.append(path))
    with pytest.raises(ExportFailed, match="HTML"):
        exporting.export_packet(project, article_id, "pdf", tmp_path / "packet.pdf")
    assert laid_out == []


def test_markup_in_a_title_a_name_or_the_details_stays_text_in_the_html_packet(project):
    """An article's title, outlet and address, an annotator's name and a reviewer's
    comment are words, not markup: «</title><script>…» in any of them is shown, never
    run by the browser the packet is opened in."""
    from store.exchange.packet_html import packet_html
    from store.review import reviews

    hostile = "</title></td><script>alert(1)</script>"
    made = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة بالمئة.",
                                "عنوان " + hostile, outlet=hostile,
                                url="https://x.example/" + hostile)
    project.annotator = "me" + hostile
    place = appearances.tag_quote(project, made.id, "قال الوزير", "disputed",
                                  note=hostile)
    project.annotator = "editor" + hostile
    reviews.review_claim(project, place.claim_id, "reject", hostile)
    html = packet_html(project, made.id)
    assert "<script>" not in html and "</title></td>" not in html
    assert html.count("&lt;script&gt;") >= 7


def test_a_note_line_without_letters_takes_the_packets_direction(project, article):
    """A line of a note holding no letter («2024 - 5٪») is laid out as the packet is:
    right to left in an Arabic packet, as its other lines, not left to right."""
    from store.exchange.packet_html import packet_html

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed",
                          note="النمو لم يبلغ ذلك\n2024 - 5٪")
    html = packet_html(project, article.id, "ar")
    line = '<div dir="{}" style="white-space:pre-wrap">2024 - 5٪</div>'
    assert line.format("rtl") in html
    assert line.format("ltr") in packet_html(project, article.id, "en")


def test_a_quote_across_two_paragraphs_keeps_its_line_break_in_the_html_table(project):
    """A browser joins the lines of a cell: a claim's words across two paragraphs are
    shown on two lines in the claims table, not run together."""
    from store.exchange.packet_html import packet_html

    made = articles.add_article(project, "قال الوزير\nإن النمو بلغ خمسة بالمئة.", "مقال")
    appearances.tag_quote(project, made.id, "الوزير\nإن النمو", "disputed")
    assert "الوزير<br/>إن النمو" in packet_html(project, made.id)


def test_an_arabic_packets_sources_and_quotes_keep_their_own_direction_and_language(
        project):
    """In an Arabic packet the sources cell is still left to right (an address read
    backwards is another address), and a quote cell is marked with the article's
    language, for a screen reader's voice."""
    from store.exchange.packet_html import packet_html

    made = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة بالمئة.", "مقال",
                                language="ar")
    appearances.tag_quote(project, made.id, "قال الوزير", "disputed",
                          sources=["https://un.org/x"])
    html = packet_html(project, made.id, "ar")
    assert '<td dir="ltr" align="left"><a href="https://un.org/x">' in html
    assert '<td lang="ar" dir="rtl" align="right">قال الوزير</td>' in html
    assert '<h1 dir="rtl" lang="ar">مقال</h1>' in html


def test_a_pdf_table_cells_lines_each_take_their_own_direction(project, article,
                                                                monkeypatch):
    """In the PDF's claims table of an English packet, an Arabic line of a note is laid
    out right to left and an English one left to right, as the window shows them."""
    from store.exchange import packet_pdf
    from store.exchange.packet import build_packet

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed",
                          note="النمو لم يبلغ ذلك\nGDP grew 2%")
    laid: list[tuple[str, str]] = []
    block = packet_pdf._Writer.block

    def recording(self, spans, direction, width=0.0, link=""):
        laid.append(("".join(text for text, _ in spans), direction))
        return block(self, spans, direction, width, link)

    monkeypatch.setattr(packet_pdf._Writer, "block", recording)
    packet_pdf.packet_pdf_bytes(build_packet(project, article.id, "en"))
    assert ("النمو لم يبلغ ذلك", "rtl") in laid and ("GDP grew 2%", "ltr") in laid


def test_a_pdf_packets_title_names_its_article(project, article, tmp_path):
    """The PDF's title (a viewer's window and tab, a search of files) is «Review packet:»
    and the article's title."""
    import pypdfium2

    path = exporting.export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    document = pypdfium2.PdfDocument(str(path))
    try:
        assert document.get_metadata_dict()["Title"] == "Review packet: مقال"
    finally:
        document.close()


def test_the_html_packet_counts_its_claims(project, article):
    """«Claims (2)» above the table: the places listed, however many paragraphs."""
    from store.exchange.packet_html import packet_html

    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    appearances.tag_quote(project, article.id, "غادر القاعة", "verified")
    assert "<h2>Claims (2)</h2>" in packet_html(project, article.id)


def test_a_dark_verdicts_name_is_white_in_the_pdf_table(project, article, monkeypatch):
    """The verdict's name in the PDF's claims table is drawn in the ink that reads on its
    colour: white on navy, near-black on a light one."""
    from store.core import labels
    from store.exchange import packet_pdf
    from store.exchange.packet import build_packet

    set_stored(project, "UPDATE labels SET color = '#000080' WHERE key = 'disputed'", [])
    appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    (label,) = [lab for lab in labels.list_labels(project) if lab.key == "disputed"]
    inks: list[str] = []
    block = packet_pdf._Writer.block

    def recording(self, spans, direction, width=0.0, link=""):
        inks.extend(style.color for text, style in spans if text == label.name("en"))
        return block(self, spans, direction, width, link)

    monkeypatch.setattr(packet_pdf._Writer, "block", recording)
    packet_pdf.packet_pdf_bytes(build_packet(project, article.id, "en"))
    assert inks == ["#FFFFFF"]


def test_the_packet_lists_only_the_details_an_article_has(project, article):
    """An article without outlet, date or address: the packet's details are the export's
    time alone, no empty «Outlet:» rows."""
    from store.exchange.packet import build_packet

    assert [key for key, _ in build_packet(project, article.id).meta] == ["Exported"]
