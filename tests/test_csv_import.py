"""CSV export and import: the round trip, the file's shape, and every way a file is refused."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import uuid
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, claims, history, labels
from store.core.project import Project
from store.core.records import Claim
from store.core.stamps import utcnow
from store.errors import CsvRejected, ImportRejected
from store.exchange import csv_format, exporting, merge
from store.exchange.csv_format import (
    CSV_COLUMNS,
    FORMULA_LEADS,
    escape_cell,
    import_claims_csv,
    new_writer,
    parse_records,
    unescape_cell,
)
from store.exchange.exporting import csv_cells, csv_records
from store.exchange.seeding import open_or_create
from store.review import story

FLAG = "🇸🇾"  # two code points, four UTF-16 units
TEXT = (
    f"{FLAG} ok 😀 قال الوزير \"إن النمو بلغ 5٪\"، وأضاف: النمو, والتضخم.\n"
    "=SUM(A1) ليست صيغة، و-2 درجة و+1 نقطة و@user هنا.\n"
    "فقرة أخيرة بعد الرمز 😀 هنا تمامًا."
)
OTHER_TEXT = "مقال ثانٍ عن الانتخابات والاقتصاد."
# (quote, label, note, sources): notes that spreadsheets would run, or CSV would mangle.
CLAIMS = [
    ("ok", "verified", f"{FLAG} ok 😀 إيموجي", ["https://a.example/1", "https://b.example/x?y=1|2"]),
    ("قال الوزير", "disputed", '=HYPERLINK("http://evil.example","click")', []),
    ('"إن النمو بلغ 5٪"', "unchecked", "+1", ["https://c.example/"]),
    ("النمو, والتضخم", "disputed", "-2", []),
    ("=SUM(A1)", "unchecked", "@SUM(1)", []),
    ("-2 درجة", "verified", "\tx", []),
    ("+1 نقطة", "disputed", "'=already", []),
    ("@user", "unchecked", "line one\nline two, with a comma\r\nand \"quotes\"", []),
    ("هنا تمامًا", "verified", "''-two apostrophes\rand a CR", []),
]


def tag_all(project: Project, article_id: str, text: str) -> list[Claim]:
    made = []
    for quote, label, note, sources in CLAIMS:
        start = text.index(quote) if quote != "هنا تمامًا" else text.rindex(quote)
        made.append(appearances.create_claim(project, article_id, start, start + len(quote), label,
                                        note=note, sources=sources))
    return made


@pytest.fixture
def rich(project):
    """A project with an Arabic article full of awkward claims, plus a second article."""
    article = articles.add_article(project, TEXT, "عنوان، مع \"فاصلة\"")
    other = articles.add_article(project, OTHER_TEXT, "=cmd|' /C calc'!A0")
    made = tag_all(project, article.id, TEXT)
    made.append(appearances.tag_quote(project, other.id, "الاقتصاد", "unchecked", note="ملاحظة"))
    gone = appearances.tag_quote(project, other.id, "الانتخابات", "disputed")
    claims.delete_claim(project, gone.id)
    return project, article, other, made


def fresh_copy(tmp_path: Path, name: str = "dest") -> tuple[Project, dict[str, str]]:
    """An empty project holding the same texts under new ids: {old text: new id}."""
    dest = Project.open(tmp_path / f"{name}.tahqiq", "importer")
    ids = {text: articles.add_article(dest, text, "other title").id for text in (TEXT, OTHER_TEXT)}
    return dest, ids


def counts(project: Project) -> tuple[int, int]:
    return project.db["claims"].count, project.db["history"].count


def raw_records(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# -- round trip --------------------------------------------------------------------------
def test_every_field_survives_a_round_trip_into_a_fresh_project(rich, tmp_path):
    source, article, other, made = rich
    path = exporting.export_file(source, "csv", tmp_path / "claims.csv")
    dest, ids = fresh_copy(tmp_path)

    result = import_claims_csv(dest, path)

    assert (result.new, result.updated, result.unchanged) == (len(made), 0, 0)
    imported = {c.id: c for c in appearances.list_appearances(dest)}
    assert set(imported) == {c.id for c in made} == set(result.claim_ids)
    new_id = {article.id: ids[TEXT], other.id: ids[OTHER_TEXT]}
    for original in made:
        assert imported[original.id] == original._replace(article_id=new_id[original.article_id])
    for original in made:  # one entry each for the claim and its place, by their maker
        entries = history.for_entity(dest, original.id)
        assert sorted(e.entity for e in entries) == ["appearance", "claim"]
        for entry in entries:
            assert (entry.action, entry.who, entry.before) == ("import", "tester", None)
            assert (entry.at, entry.after["annotator"]) == (original.created, "tester")


def test_reimporting_the_same_file_changes_nothing(rich, tmp_path):
    source, *_, made = rich
    path = exporting.export_file(source, "csv", tmp_path / "claims.csv")
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, path)
    before = counts(dest)

    result = import_claims_csv(dest, path)

    assert (result.new, result.updated, result.unchanged, result.stale) == (0, 0, len(made), 0)
    assert counts(dest) == before


def test_the_newer_updated_wins(rich, tmp_path):
    source, article, _, made = rich
    old_csv = exporting.export_file(source, "csv", tmp_path / "old.csv")
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, old_csv)
    edited = claims.update_claim(source, made[0].id, note="تصحيح: الرقم خاطئ")
    new_csv = exporting.export_file(source, "csv", tmp_path / "new.csv")

    result = import_claims_csv(dest, new_csv)

    assert (result.new, result.updated, result.unchanged) == (0, 1, len(made) - 1)
    assert appearances.get_appearance(dest, made[0].id).note == "تصحيح: الرقم خاطئ"
    assert appearances.get_appearance(dest, made[0].id).last_change == edited.updated
    last = history.for_entity(dest, made[0].id)[-1]
    assert (last.action, last.who, last.at) == ("import", "tester", edited.updated)
    assert last.before["note"] == made[0].note and last.after["note"] == edited.note

    result = import_claims_csv(dest, old_csv)  # older file: the project's copy is kept

    assert (result.updated, result.unchanged, result.stale) == (0, len(made), 1)
    assert appearances.get_appearance(dest, made[0].id).note == "تصحيح: الرقم خاطئ"


def test_a_colleagues_newer_note_by_csv_shows_the_note_it_replaced(rich, tmp_path):
    """My note, written over by a colleague's newer one from their CSV (the newer wins),
    was told «note edited»: what I had written was on no screen. The line says whose
    note it replaced and what it read; my own edits of my own note keep the short line."""
    source, _, _, made = rich
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, exporting.export_file(source, "csv", tmp_path / "first.csv"))
    claims.update_claim(dest, made[0].id, note="ملاحظة المحرر:  الرقم من\nتقرير 2023")
    claims.update_claim(dest, made[0].id, note="ملاحظة المحرر: الرقم من تقرير 2024")
    source.annotator = "omar"
    claims.update_claim(source, made[0].id, note="ملاحظة عمر")
    import_claims_csv(dest, exporting.export_file(source, "csv", tmp_path / "omar.csv"))
    told = [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(dest, made[0].id), claim_id=made[0].id)]
    assert told[-2:] == ["note edited",  # mine over mine
                         "note edited; importer's note read “ملاحظة المحرر: الرقم من تقرير "
                         "2024”"]


def test_a_merge_of_a_csv_says_what_it_kept_and_that_reviews_stay_behind(rich, tmp_path):
    """A verdict changed in a spreadsheet, `updated` left as it was: «unchanged claims: 7»
    and nothing more. A review_status in the file: «new reviews: 0» and nothing more, so a
    rejected claim became publishable in the colleague's project. Both are said."""
    from store.exchange import merge
    from store.review import reviews

    source, *_, made = rich
    source.annotator = "editor"
    reviews.review_claim(source, made[0].id, "reject", "no source")
    source.annotator = "tester"
    path = exporting.export_file(source, "csv", tmp_path / "claims.csv")
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, path)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    at = {name: i for i, name in enumerate(header)}
    edited = next(row for row in rows if row[at["claim_id"]] == made[1].id)
    edited[at["label"]] = "verified" if edited[at["label"]] != "verified" else "disputed"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])

    lines = [str(line) for line in merge.merge_file(dest, path).lines()]

    assert f"  unchanged claims: {len(made)}" in lines
    line = 2 + rows.index(edited)  # (the header is line 1)
    assert lines[-2:] == [
        f"Claims unchanged here that differ in the file without being newer there: 1, on "
        f"line {line}; kept as they are here (an edit in a spreadsheet must also make "
        "'updated' later).",
        "Reviews are not brought in from a CSV: 1 of its claims had a review_status. Merge "
        "the project file to bring reviews."]
    assert appearances.get_appearance(dest, made[1].id).label == made[1].label


def test_a_later_deletion_is_not_undone_by_an_older_file(rich, tmp_path):
    source, *_, made = rich
    path = exporting.export_file(source, "csv", tmp_path / "claims.csv")
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, path)
    claims.delete_claim(dest, made[1].id)

    result = import_claims_csv(dest, path)

    assert result.stale == 1
    assert appearances.get_appearance(dest, made[1].id).is_deleted


@pytest.mark.parametrize("here", ["relabelled", "deleted"])
def test_words_a_colleague_only_added_do_not_bring_back_an_older_verdict(rich, tmp_path,
                                                                          here):
    """Both have the claim; here it is relabelled (or deleted), there only more of its
    words are tagged, later: that file's new row is dated by those words, which says
    nothing of the claim, so the verdict here (or the deletion) stays, and the words
    come in."""
    source, article, _, made = rich
    dest, _ = fresh_copy(tmp_path)
    import_claims_csv(dest, exporting.export_file(source, "csv", tmp_path / "base.csv"))
    if here == "relabelled":
        claims.update_claim(dest, made[0].id, label="disputed", note="راجعناه")
    else:
        claims.delete_claim(dest, made[0].id)
    start = article.text.index("النمو بلغ")
    added = appearances.add(source, made[0].id, article.id, start, start + len("النمو"))

    import_claims_csv(dest, exporting.export_file(source, "csv", tmp_path / "more.csv"))

    kept = claims.get_claim(dest, made[0].id)
    if here == "relabelled":
        assert (kept.label, kept.note) == ("disputed", "راجعناه")
    else:
        assert kept.is_deleted
    assert appearances.get_appearance(dest, added.id).claim_id == made[0].id


# -- the file's shape --------------------------------------------------------------------
# The columns as the README's CSV table documents them, in its order: the contract a
# colleague's sheet or script is written to, not whatever CSV_COLUMNS holds (rv288)
DOCUMENTED_COLUMNS = (
    "claim_id", "article_id", "article_title", "article_sha256", "start", "end", "quote",
    "prefix", "suffix", "label", "note", "sources", "annotator", "created", "updated",
    "updated_by", "review_status", "appearance_id",
)


def test_file_is_utf8_with_bom_crlf_and_the_documented_columns(rich):
    source, *_ = rich
    data = exporting.export_bytes(source, "csv")
    assert data.startswith(codecs.BOM_UTF8)
    assert not data[3:].startswith(codecs.BOM_UTF8)
    assert data.split(b"\r\n", 1)[0].decode("utf-8-sig") == ",".join(DOCUMENTED_COLUMNS)
    assert data.endswith(b"\r\n")


def test_the_readmes_csv_table_lists_the_columns_in_their_order():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("Columns, in this order:", 1)[1].split("\n\n", 2)[1]
    listed = [name for row in table.splitlines()[2:]
              for name in re.findall(r"`(\w+)`", row.split("|")[1])]
    assert tuple(listed) == DOCUMENTED_COLUMNS


def test_offsets_are_python_code_point_indices(rich):
    source, article, _, _ = rich
    rows = raw_records(exporting.export_bytes(source, "csv", article.id))[1:]
    col = {name: i for i, name in enumerate(CSV_COLUMNS)}
    for row in rows:
        start, end = int(row[col["start"]]), int(row[col["end"]])
        assert TEXT[start:end] == unescape_cell(row[col["quote"]])
    by_quote = {unescape_cell(r[col["quote"]]): int(r[col["start"]]) for r in rows}
    assert by_quote["ok"] == 3  # the flag is 2 code points (4 UTF-16 units) and a space
    assert len(FLAG.encode("utf-16-le")) // 2 == 4
    assert by_quote["هنا تمامًا"] == TEXT.rindex("هنا تمامًا")  # after a second emoji


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(rich):
    source, *_ = rich
    rows = raw_records(exporting.export_bytes(source, "csv"))
    col = {name: i for i, name in enumerate(CSV_COLUMNS)}
    for row in rows:
        for cell in row:
            assert cell[:1] not in FORMULA_LEADS, cell
    body = rows[1:]
    assert all(r[col["start"]].isdigit() and r[col["end"]].isdigit() for r in body)
    notes = {r[col["note"]] for r in body}
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in notes
    assert {"'+1", "'-2", "'@SUM(1)", "'\tx", "''=already"} <= notes
    assert "'''-two apostrophes\nand a CR" in notes  # (a CR line end kept as «\n»)
    assert "'=SUM(A1)" in {r[col["quote"]] for r in body}
    assert "'=cmd|' /C calc'!A0" in {r[col["article_title"]] for r in body}


def test_raw_csv_keeps_every_cell_as_stored_for_programs(rich, tmp_path):
    source, article, *_ = rich
    rows = raw_records(exporting.export_bytes(source, "csv", raw=True))
    col = {name: i for i, name in enumerate(CSV_COLUMNS)}
    body = rows[1:]
    for row in body:  # the README's rule, with no exception
        if row[col["article_id"]] == article.id:
            start, end = int(row[col["start"]]), int(row[col["end"]])
            assert TEXT[start:end] == row[col["quote"]]
    notes = {r[col["note"]] for r in body}
    assert {'=HYPERLINK("http://evil.example","click")', "+1", "-2", "'=already"} <= notes
    assert "=cmd|' /C calc'!A0" in {r[col["article_title"]] for r in body}
    path = exporting.export_file(source, "csv", tmp_path / "raw.csv", raw=True)
    assert path.read_bytes().startswith(codecs.BOM_UTF8)  # still UTF-8 with a BOM


def test_sources_are_one_per_line_and_live_claims_only(rich):
    source, _, other, made = rich
    rows = raw_records(exporting.export_bytes(source, "csv"))
    col = {name: i for i, name in enumerate(CSV_COLUMNS)}
    assert len(rows) - 1 == len(made)  # the deleted claim is not exported
    first = next(r for r in rows if r[col["claim_id"]] == made[0].id)
    assert first[col["sources"]] == "https://a.example/1\nhttps://b.example/x?y=1|2"


# -- refusals ----------------------------------------------------------------------------
@pytest.fixture
def seven(sample_project, sample_article, tmp_path):
    """Seven claims on the sample article, exported; and an empty project with its text."""
    for quote in ("فلاديمير بوتين", "كيم جونغ أون", "روسيا", "كوريا الشمالية", "الذخيرة",
                  "بيونج يانج", "أقوى معاهدة على الإطلاق"):
        appearances.tag_quote(sample_project, sample_article.id, quote, "unchecked", note="ملاحظة")
    text = exporting.export_text(sample_project, "csv")
    dest = Project.open(tmp_path / "dest.tahqiq", "importer")
    articles.add_article(dest, sample_article.text, "نسخة")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return dest, header, rows, len(sample_article.text)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([header, *rows])
    return path


def rejected(dest: Project, path: Path) -> CsvRejected:
    before = counts(dest)
    with pytest.raises(CsvRejected) as info:
        import_claims_csv(dest, path)
    assert counts(dest) == before
    assert appearances.list_appearances(dest, include_deleted=True) == []
    return info.value


def test_a_clean_file_imports(seven, tmp_path):
    dest, header, rows, _ = seven
    assert import_claims_csv(dest, write_csv(tmp_path / "ok.csv", header, rows)).new == 7


@pytest.mark.parametrize(("column", "value", "expected"), [
    ("start", "abc", "start 'abc' is not a place in the article (a whole number, 0 or more)"),
    ("start", "-3", "start '-3' is not a place in the article (a whole number, 0 or more)"),
    ("end", "99999", "end 99999 is past the end of the article ({length})"),
    ("end", "{start}", "start {start} is not before end {start}"),
    ("quote", "كلام آخر", "quote does not match the article text"),
    ("label", "nonsense", "unknown label 'nonsense'"),
    ("sources", "ftp://files.example/x", "'ftp://files.example/x' is not a web link"),
    ("created", "yesterday", "created 'yesterday' is not a UTC time"),
    ("updated", "2024-06-19T10:00:00", "updated '2024-06-19T10:00:00' is not a UTC time"),
    ("prefix", "ليس قبله", "prefix does not match the text before the quote"),
    ("claim_id", "", "claim_id is empty"),
])
def test_a_bad_cell_is_refused_with_its_line(seven, tmp_path, column, value, expected):
    dest, header, rows, length = seven
    col = header.index(column)
    start = rows[3][header.index("start")]
    rows[3][col] = value.format(start=start)

    problem = rejected(dest, write_csv(tmp_path / "bad.csv", header, rows))

    assert problem.problems[0][0] == 5  # header is line 1, so rows[3] is line 5
    assert expected.format(length=length, start=start) in problem.problems[0][1]
    assert f"line 5: {expected.format(length=length, start=start)}" in str(problem)


LABELS_LISTED = ("labels: unchecked: Unchecked/لم يُتحقق منه, verified: Verified/صحيح, "
                 "disputed: Disputed/موضع خلاف")


@pytest.mark.parametrize(("typed", "said"), [
    ("misleading", [f"unknown label 'misleading' ({LABELS_LISTED}); add it in Project ▸ "
                    "Labels…, or merge the colleague's project file, which brings its labels",
                    "unknown label 'misleading'"]),
    (" ", [f"label is empty: give the claim's verdict ({LABELS_LISTED})", "label is empty"]),
])
def test_an_unknown_or_empty_label_says_once_how_it_comes_in(seven, tmp_path, typed, said):
    """A team's own verdict («misleading») in a default project: «unknown label» and no way
    on from the command line. The first line with it says how to add it; the others are
    short. A verdict cell blanked in a sheet was an «unknown label ''», to be added in
    Project ▸ Labels… (rv141): it is empty, and the verdicts it may hold are named once."""
    dest, header, rows, _ = seven
    for row in rows[2:4]:
        row[header.index("label")] = typed
    problem = rejected(dest, write_csv(tmp_path / "team.csv", header, rows))
    assert [str(text) for _, text in problem.problems] == said


def test_a_colleagues_label_key_is_not_read_as_a_label_here_of_that_name(seven, tmp_path):
    """Badr's own label «misleading» on an exported row, in a project where «disputed» was
    renamed «Misleading»: it came in as «disputed», said nowhere, and History said Badr had
    chosen it (rv216). An export names its claims by UUIDs: its label cell is a key of
    the project that wrote it, unknown here, refused as one (its project brings it)."""
    dest, header, rows, _ = seven
    labels.update_label(dest, "disputed", name_en="Misleading", name_ar="مضلل")
    numbered(header, rows[:1], ["1"])  # a row typed by hand first: read by the name
    for row in rows[:2]:
        row[header.index("label")] = "misleading"
    problem = rejected(dest, write_csv(tmp_path / "badr.csv", header, rows))
    listed = LABELS_LISTED.replace("Disputed/موضع خلاف", "Misleading/مضلل")
    assert [str(text) for _, text in problem.problems] == [
        f"unknown label 'misleading' ({listed}); add it in Project ▸ Labels…, or merge the "
        "colleague's project file, which brings its labels"]
    assert problem.problems[0][0] == 3


def test_our_own_export_may_name_a_label_in_lower_case(sample_project, sample_article,
                                                      tmp_path):
    """Our own export, its verdict retyped in a sheet as a label's name in lower case
    («false» for the label «False», key false_claim): its claims are ours, so the cell is
    no other project's key — it was refused, the message sending us to a colleague's file
    that does not exist (rv219). Read by the name, and the summary says which."""
    labels.add_label(sample_project, "false_claim", "False", "#cc0000")
    claim = appearances.tag_quote(sample_project, sample_article.id, "روسيا", "disputed")
    header, *rows = list(csv.reader(io.StringIO(
        exporting.export_text(sample_project, "csv").removeprefix("\ufeff"), newline="")))
    rows[0][header.index("label")] = "false"
    rows[0][header.index("updated")] = utcnow()
    summary = merge.merge_file(sample_project, write_csv(tmp_path / "own.csv", header, rows))
    assert summary.updated_claims == 1
    assert claims.get_claim(sample_project, claim.id).label == "false_claim"
    assert any("no label's key here: read as False (false_claim)" in str(line)
               for line in summary.lines())


def test_a_key_typed_by_hand_may_name_a_label_and_the_summary_says_so(seven, tmp_path):
    """A sheet typed by hand (its own claim ids) may name a verdict in lower case, as a
    key is written: read as the label of that name, and the summary says which."""
    dest, header, rows, _ = seven
    labels.update_label(dest, "disputed", name_en="Misleading", name_ar="مضلل")
    numbered(header, rows[:2], ["1", "2"])
    for row in rows[:2]:
        row[header.index("label")] = "misleading"
    summary = merge.merge_file(dest, write_csv(tmp_path / "sheet.csv", header, rows[:2]))
    assert summary.new_claims == 2
    assert {c.label for c in claims.list_claims(dest)} == {"disputed"}
    told = [line for line in summary.lines() if "misleading" in str(line)]
    assert [str(line) for line in told] == [
        "Label 'misleading' is no label's key here: read as Misleading (disputed), the label "
        "of that name."]
    assert told[0].params["name"].names["ar"] == "\u2067مضلل (disputed)\u2069"
    same = merge.merge_file(dest, write_csv(tmp_path / "keys.csv", header, [
        [*row[:header.index("label")], "disputed", *row[header.index("label") + 1:]]
        for row in rows[:2]]))
    assert not any("no label's key" in str(line) for line in same.lines())


def test_a_claim_may_end_at_the_last_character_but_not_one_past_it(project, tmp_path):
    article = articles.add_article(project, TEXT, "t")
    appearances.tag_quote(project, article.id, "تمامًا.", "verified")  # the text's last word
    header, *rows = raw_records(exporting.export_bytes(project, "csv"))
    assert rows[0][header.index("end")] == str(len(TEXT))
    dest = Project.in_memory("importer")
    articles.add_article(dest, TEXT, "t")
    assert import_claims_csv(dest, write_csv(tmp_path / "ok.csv", header, rows)).new == 1

    rows[0][header.index("end")] = str(len(TEXT) + 1)  # slicing would still match the quote
    dest = Project.in_memory("importer")
    articles.add_article(dest, TEXT, "t")
    problem = rejected(dest, write_csv(tmp_path / "bad.csv", header, rows))
    assert problem.problems == [(2, f"end {len(TEXT) + 1} is past the end of the article "
                                    f"({len(TEXT)})")]


def numbered(header: list[str], rows: list[list[str]], ids: list[str]) -> list[list[str]]:
    """The rows as a sheet made by hand names them: its own ids, one place per claim."""
    for row, own in zip(rows, ids, strict=True):
        row[header.index("claim_id")] = row[header.index("appearance_id")] = own
    return rows


def test_a_sheets_own_ids_become_uuids_the_same_at_every_import(seven, tmp_path):
    """A spreadsheet made by hand numbers its claims «1», «2»…: each becomes a UUID made
    from that id, the article's text and the words' place, so importing the file again, or
    into a colleague's project, finds the same claims, and a merge of both projects agrees
    on them."""
    dest, header, rows, _ = seven
    path = write_csv(tmp_path / "sheet.csv", header, numbered(header, rows, [
        "1", "2", "3", "C-4", "٥", "6", "0123456789abcdef0123456789abcdef"]))

    summary = merge.merge_file(dest, path)
    assert summary.new_claims == 7
    told = [str(line) for line in summary.lines()]
    assert "Claims with ids of the file's own («1», «C-17»), not UUIDs: 7; each was given " \
           "a UUID made from its id and its words, the same at every import of the file." \
           in told
    ids = sorted(c.id for c in claims.list_claims(dest))
    assert all(str(uuid.UUID(i)) == i for i in ids)
    places = appearances.list_appearances(dest)
    assert sorted(p.id for p in places) == ids  # each claim's one place has its id
    again = import_claims_csv(dest, path)
    assert (again.new, again.unchanged) == (0, 7)
    assert sorted(c.id for c in claims.list_claims(dest)) == ids

    colleague = Project.open(tmp_path / "colleague.tahqiq", "colleague")
    articles.add_article(colleague, claims_text(dest), "نسخة أخرى")
    import_claims_csv(colleague, path)
    assert sorted(c.id for c in claims.list_claims(colleague)) == ids
    colleague.close()
    merge.merge_project(dest, tmp_path / "colleague.tahqiq")
    assert sorted(c.id for c in claims.list_claims(dest)) == ids


def claims_text(project: Project) -> str:
    """The text of the project's one article."""
    return articles.get_article(project, articles.list_articles(project)[0]["id"]).text


def test_two_sheets_numbering_other_claims_alike_keep_them_apart(seven, tmp_path):
    """Two colleagues' sheets each have a claim «1», on other words: two claims, not one
    overwriting the other."""
    dest, header, rows, _ = seven
    first = write_csv(tmp_path / "a.csv", header, numbered(header, rows[:1], ["1"]))
    second = write_csv(tmp_path / "b.csv", header, numbered(header, rows[1:2], ["1"]))
    assert import_claims_csv(dest, first).new == 1
    assert import_claims_csv(dest, second).new == 1
    assert sorted(p.quote for p in appearances.list_appearances(dest)) == sorted(
        row[header.index("quote")] for row in rows[:2])


def test_a_sheets_claim_in_several_places_stays_one_claim(seven, tmp_path):
    dest, header, rows, _ = seven
    for row, place in zip(rows[:3], ("p1", "p2", "p3"), strict=True):
        row[header.index("claim_id")] = "claim one"
        row[header.index("appearance_id")] = place
        for column in ("label", "note", "sources"):
            row[header.index(column)] = rows[0][header.index(column)]
    assert import_claims_csv(dest, write_csv(tmp_path / "one.csv", header, rows[:3])).new == 1
    places = appearances.list_appearances(dest)
    assert len(places) == 3 and len({p.claim_id for p in places}) == 1
    assert all(str(uuid.UUID(p.id)) == p.id for p in places)


def test_an_id_written_in_capitals_is_the_same_uuid(seven, tmp_path):
    dest, header, rows, _ = seven
    assert import_claims_csv(dest, write_csv(tmp_path / "ok.csv", header, rows)).new == 7
    for row in rows:
        for column in ("claim_id", "appearance_id"):
            row[header.index(column)] = row[header.index(column)].upper()
    again = merge.merge_file(dest, write_csv(tmp_path / "upper.csv", header, rows))
    assert (again.new_claims, again.unchanged_claims, again.renamed) == (0, 7, 0)
    assert not any("ids of the file's own" in str(line) for line in again.lines())


def test_an_own_id_an_earlier_version_kept_is_still_matched(seven, tmp_path, monkeypatch):
    """Before own ids became UUIDs, an import kept «1» as it was: the same file imported
    now finds that claim, and makes no second one."""
    dest, header, rows, _ = seven
    path = write_csv(tmp_path / "old.csv", header, numbered(header, rows[:1], ["1"]))
    with monkeypatch.context() as earlier:  # as an earlier version imported it
        earlier.setattr(csv_format._Checker, "own_id", lambda self, table, given, *_: given)
        import_claims_csv(dest, path)
    assert [c.id for c in claims.list_claims(dest)] == ["1"]
    again = import_claims_csv(dest, path)
    assert (again.new, again.unchanged) == (0, 1)
    assert [c.id for c in claims.list_claims(dest)] == ["1"]


def test_claims_of_an_article_deleted_here_are_refused_saying_so(seven, tmp_path):
    """«no article in this project has this text» read as the wrong file sent."""
    from store.core import article_deletion

    dest, header, rows, _ = seven
    (article,) = articles.list_articles(dest)
    article_deletion.delete_article(dest, article["id"])
    problem = rejected(dest, write_csv(tmp_path / "claims.csv", header, rows[:1]))
    assert "was deleted in this project" in problem.problems[0][1]
    assert article["id"][:8] in problem.problems[0][1]


def test_unknown_article_and_duplicate_ids_are_refused(seven, tmp_path):
    dest, header, rows, _ = seven
    rows[1][header.index("article_sha256")] = "0" * 64
    rows[1][header.index("article_id")] = "no-such-article"
    for column in ("claim_id", "appearance_id"):
        rows[4][header.index(column)] = rows[0][header.index(column)]

    problem = rejected(dest, write_csv(tmp_path / "bad.csv", header, rows))

    assert [line for line, _ in problem.problems] == [3, 6]
    assert "no article in this project" in problem.problems[0][1]
    assert "already appears on line 2" in problem.problems[1][1]


def test_every_bad_line_is_listed_and_nothing_is_written(seven, tmp_path):
    dest, header, rows, length = seven
    rows[1][header.index("quote")] = "غير موجود"
    rows[5][header.index("end")] = "99999"

    problem = rejected(dest, write_csv(tmp_path / "bad.csv", header, rows))

    assert problem.problems == [
        (3, "quote does not match the article text"),
        (7, f"end 99999 is past the end of the article ({length})"),
    ]
    assert ("line 3: quote does not match the article text; "
            f"line 7: end 99999 is past the end of the article ({length})") in str(problem)
    assert isinstance(problem, ImportRejected)


def test_lines_are_spreadsheet_rows_even_when_cells_hold_line_breaks(seven, tmp_path):
    dest, header, rows, _ = seven
    rows[0][header.index("note")] = "سطر\nسطر\r\nسطر"  # record 1 spans three lines
    rows[1][header.index("label")] = "nonsense"
    path = write_csv(tmp_path / "bad.csv", header, rows)
    assert path.read_bytes().count(b"\n") > len(rows) + 3

    problem = rejected(dest, path)

    assert [line for line, _ in problem.problems] == [3]


def test_missing_columns_are_named(seven, tmp_path):
    dest, header, rows, _ = seven
    drop = {header.index("quote"), header.index("end")}
    keep = lambda cells: [c for i, c in enumerate(cells) if i not in drop]  # noqa: E731

    problem = rejected(dest, write_csv(tmp_path / "bad.csv", keep(header), map(keep, rows)))

    assert problem.problems == [(1, "missing columns: end, quote")]
    only = header.index("quote")
    one = rejected(dest, write_csv(tmp_path / "one.csv", header[:only] + header[only + 1:],
                                   (row[:only] + row[only + 1:] for row in rows)))
    assert one.problems == [(1, "missing column: quote")]


def test_optional_columns_may_be_left_out(seven, tmp_path):
    dest, header, rows, _ = seven
    drop = {header.index(name) for name in ("prefix", "suffix", "note", "sources",
                                            "updated_by", "review_status", "article_title")}
    keep = lambda cells: [c for i, c in enumerate(cells) if i not in drop]  # noqa: E731

    result = import_claims_csv(dest, write_csv(tmp_path / "few.csv", keep(header),
                                               map(keep, rows)))

    assert result.new == 7
    made = appearances.list_appearances(dest)
    text = articles.get_article(dest, made[0].article_id).text
    assert all(c.prefix == text[max(0, c.start - 32):c.start] for c in made)


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "line 1: the file is empty"),
    (codecs.BOM_UTF8, "line 1: the file is empty"),
    (b" \r\n\r\n", "line 1: the file is empty"),
    # (Latin in another code page: an Arabic one is read, test_csv_spreadsheet_trip)
    ("claim_id,quote\r\n1,Köln\r\n".encode("cp1252"), "line 2: byte 19 is not UTF-8"),
    (codecs.BOM_UTF8 + "a\r\nقال".encode("cp1256"), "line 2: byte 6 is not UTF-8"),
    ('claim_id,note\r\n1,"a\r\nb\r\nc"\r\n2,Grüße'.encode("cp1252"),  # physical line 5
     "line 3: byte 32 is not UTF-8"),
    # (UTF-16 is read: a sheet's «Unicode Text», test_csv_spreadsheet_trip)
    (codecs.BOM_UTF16_LE + "claim_id\r\n".encode("utf-16-le") + b"\x00\xd8a\x00",
     "line 1: the file starts as UTF-16 but is not"),  # a lone surrogate
    (b"1,2,3\r\n4,5,6\r\n", "line 1: there is no header row"),
    (",".join(CSV_COLUMNS).encode() + b'\r\n"unterminated,1', "line 2: this is not valid CSV"),
    (",".join(CSV_COLUMNS).encode() + b"\r\na,b,c\r\n", f"line 2: has 3 cells but the header "
                                                        f"has {len(CSV_COLUMNS)}"),
])
def test_unreadable_files_are_refused(project, tmp_path, data, expected):
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    assert expected in str(rejected(project, path))


def test_zero_bytes_are_not_taken_for_utf16(project, tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(bytes(32))
    assert "UTF-16" not in str(rejected(project, path))


def test_a_file_that_cannot_be_read_is_refused(project, tmp_path):
    with pytest.raises(CsvRejected, match="Cannot read"):
        import_claims_csv(project, tmp_path / "missing.csv")


def test_a_failure_while_writing_rolls_everything_back(rich, tmp_path, monkeypatch):
    source, *_ = rich
    path = exporting.export_file(source, "csv", tmp_path / "claims.csv")
    dest, _ = fresh_copy(tmp_path)
    before = counts(dest)
    calls = []
    original = history.record

    def failing_record(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return original(*args, **kwargs)

    monkeypatch.setattr(csv_format.history, "record", failing_record)
    with pytest.raises(RuntimeError):
        import_claims_csv(dest, path)
    assert len(calls) == 3  # two claims were written before the failure, then undone
    assert counts(dest) == before


# -- properties --------------------------------------------------------------------------
TRICKY = st.text(alphabet="'=+-@\t\r\n\0\"', a؛😀", max_size=12)
ANY_TEXT = st.one_of(st.text(), TRICKY)


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_any_text_survives_cell_escaping(value):
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    assert escaped[:1] not in FORMULA_LEADS
    assert escaped in (value, "'" + value)


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_any_note_survives_a_csv_write_and_read(note):
    buffer = io.StringIO(newline="")
    writer = new_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    when = "2024-06-19T10:00:00.000000Z"
    cells = {"claim_id": "c1", "article_id": "a1", "article_title": note,
             "article_sha256": "", "start": 0, "end": 2, "quote": "قا", "prefix": "",
             "suffix": "", "label": "unchecked", "note": note, "sources": "",
             "annotator": "tester", "created": when, "updated": when, "updated_by": "",
             "review_status": "", "appearance_id": "c1"}
    writer.writerow(csv_cells(tuple(cells[c] for c in CSV_COLUMNS)))

    records, problems = parse_records(buffer.getvalue())

    assert problems == []
    [(line, cells)] = records
    assert (line, cells["note"], cells["article_title"]) == (2, note, note)


# Cells csv_records must write as csv.writer does: separators, quotes, line ends, formula
# leads, the separator csv_records joins a column with, and sources as Tahqiq stores them
# or as another program might (parse_sources' way).
CELL = st.one_of(ANY_TEXT, st.text(alphabet="\x1f\x1e'=-,\"\r\n a", max_size=6))
SOURCES = st.one_of(
    st.just(""), ANY_TEXT,
    st.lists(ANY_TEXT, max_size=3).map(lambda links: json.dumps(links, ensure_ascii=False)),
    st.lists(st.one_of(ANY_TEXT, st.integers()), max_size=3).map(json.dumps),
    st.lists(CELL, max_size=3).map(lambda links: json.dumps(links, separators=(",", ":"))),
    st.sampled_from(['["a",  "b"]', '["a"] , ["b"]', '["a", ", "b"]', '[NaN, "x"]', "{}",
                     '["a\nb"]', '["a\\u0041"]', '["=x", "\'-y"]', '["a"] ', '[""]']),
)
NUMBER = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@st.composite
def csv_row(draw):
    """A csv_rows tuple: ints for start and end, a sources cell, text everywhere else."""
    return tuple(draw(NUMBER) if name in csv_format.NUMERIC_COLUMNS
                 else draw(SOURCES) if name == "sources" else draw(CELL)
                 for name in CSV_COLUMNS)


@settings(max_examples=1000, deadline=None)
@given(st.lists(csv_row(), min_size=1, max_size=4), st.booleans())
def test_records_joined_by_column_are_the_bytes_csv_writer_writes(rows, raw):
    buffer = io.StringIO(newline="")
    new_writer(buffer).writerows(csv_cells(row, raw) for row in rows)

    assert csv_records(rows, raw) == buffer.getvalue()


@settings(max_examples=1000, deadline=None)
@given(CELL)
def test_a_cell_is_quoted_as_csv_writer_quotes_it(value):
    buffer = io.StringIO(newline="")
    new_writer(buffer).writerow([value, "x"])

    assert csv_format.quote_cell(value) + ",x\r\n" == buffer.getvalue()


@pytest.mark.parametrize("cell, at", [(b"bytes", "note"), (None, "quote"), (1.5, "start"),
                                      ("12", "end"), (7, "sources")])
def test_a_batch_with_a_value_the_schema_does_not_hold_is_left_to_csv_writer(cell, at):
    row = tuple(3 if name in csv_format.NUMERIC_COLUMNS else "" if name == "sources" else "x"
                for name in CSV_COLUMNS)
    damaged = tuple(cell if name == at else value for name, value in zip(CSV_COLUMNS, row,
                                                                          strict=True))
    assert csv_records([row, damaged]) is None
    assert csv_records([row, row]) == 2 * "x,x,x,x,3,3,x,x,x,x,x,,x,x,x,x,x,x\r\n"


def test_a_damaged_cell_is_written_as_before_in_a_raw_export(tmp_path):
    source = Project.open(tmp_path / "damaged.tahqiq", "writer")
    article = articles.add_article(source, TEXT, "t")
    made = [appearances.create_claim(source, article.id, start, start + 2, "verified",
                                     note="=1,2") for start in (3, 9)]
    with source.transaction():  # another program stored a number where text belongs
        source.conn.execute("UPDATE appearances SET start = 3.5 WHERE id = ?", [made[0].id])
    text = exporting.export_text(source, "csv", raw=True)
    assert ',3.5,5,' in text and text.count('"=1,2"') == 2
    source.close()


def _fresh(annotator: str, made: list[Project] = []) -> Project:  # noqa: B006 - a cache
    """A new in-memory project: a copy of one Project.in_memory built once (building the
    schema and labels each time cost 20 ms an example, most of the property's time)."""
    import sqlite3

    from store.core import sqlfunctions

    if not made:
        made.append(Project.in_memory("template"))
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    made[0].conn.backup(conn)
    sqlfunctions.register_functions(conn)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA recursive_triggers=ON")
    return Project(conn, None, annotator)


@settings(max_examples=150, deadline=None)
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_any_note_survives_export_and_import(tmp_path_factory, notes):
    folder = tmp_path_factory.mktemp("prop")
    source = _fresh("writer")
    article = articles.add_article(source, TEXT, "t")
    verdicts = ("verified", "disputed", "unchecked")  # one annotator, one verdict per span
    made = [appearances.create_claim(source, article.id, 3, 5, verdict, note=note)
            for verdict, note in zip(verdicts, notes, strict=False)]
    path = exporting.export_file(source, "csv", folder / "notes.csv")
    dest = _fresh("reader")
    articles.add_article(dest, TEXT, "t")

    assert import_claims_csv(dest, path).new == len(notes)
    # (as the project keeps a note: without controls and overrides, lines ending «\n»)
    assert [appearances.get_appearance(dest, c.id).note for c in made] == [
        claims.stored_note(note) for note in notes]


# -- a colleague's CSV merged as their project file would be ------------------------------
Q_EARLIER = "منذ 24 عامًا"  # stands before SAMPLE_QUOTE in the sample article


@pytest.fixture
def team(tmp_path):
    """Projects of three colleagues, each seeded with the sample article: {name: project}."""
    people = {who: open_or_create(tmp_path / f"{who}.tahqiq", who)
              for who in ("amal", "badr", "sara")}
    yield people
    for project in people.values():
        project.close()


def sample_id(project: Project) -> str:
    return articles.list_articles(project)[0]["id"]


def test_a_csv_merge_counts_claims_and_places_as_a_project_merge_does(team, tmp_path):
    amal, sara = team["amal"], team["sara"]
    claim = appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "disputed")
    appearances.tag_quote(amal, sample_id(amal), Q_EARLIER, None, same_as=claim.id)
    path = exporting.export_file(amal, "csv", tmp_path / "amal.csv")
    other = open_or_create(tmp_path / "other.tahqiq", "sara")

    by_csv, by_project = merge.merge_file(sara, path), merge.merge_file(other, amal.path)
    other.close()

    def counted(summary: merge.MergeSummary) -> tuple[int, ...]:
        return (summary.new_claims, summary.updated_claims, summary.unchanged_claims,
                summary.new_appearances, summary.updated_appearances)

    assert counted(by_csv) == counted(by_project) == (1, 0, 0, 2, 0)
    again = merge.merge_file(sara, path)
    assert (again.unchanged_claims, again.unchanged_appearances) == (1, 2)
    assert not again.changed


def csv_without(path: Path, place_id: str) -> Path:
    """A copy of a CSV export without the record of one place."""
    kept = [r for r in raw_records(path.read_bytes()) if r[CSV_COLUMNS.index("appearance_id")]
            != place_id]
    return write_csv(path.with_name("without.csv"), kept[0], kept[1:])


def test_a_claim_from_a_csv_is_its_makers_not_whoever_tagged_its_first_words(team, tmp_path):
    """Badr makes the claim; Amal finds it earlier in the text (as accepting a Known
    Claim does) and sends a CSV: her words come first in the file, the claim stays his."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed", note="بدر")
    merge.merge_project(amal, badr.path)
    appearances.tag_quote(amal, sample_id(amal), Q_EARLIER, None, same_as=made.id)
    path = exporting.export_file(amal, "csv", tmp_path / "amal.csv")

    merge.merge_file(sara, path)

    assert claims.get_claim(sara, made.id) == claims.get_claim(badr, made.id)
    summary = merge.merge_project(sara, badr.path)
    assert (summary.conflicts, summary.updated_claims) == (0, 0)
    assert claims.get_claim(sara, made.id).annotator == "badr"
    merge.merge_project(badr, sara.path)
    assert claims.get_claim(badr, made.id).annotator == "badr"


def test_without_its_first_place_a_csv_names_who_found_the_claim_first(team, tmp_path):
    """No record of the claim's first place: the earliest-tagged words name its maker in
    a project new to it; a project that has the claim keeps its maker."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed")
    found = appearances.tag_quote(badr, sample_id(badr), "بوتين", None, occurrence=4,
                                  same_as=made.id)  # after Q_EARLIER in the text
    merge.merge_project(amal, badr.path)
    appearances.tag_quote(amal, sample_id(amal), Q_EARLIER, None, same_as=made.id)
    path = csv_without(exporting.export_file(amal, "csv", tmp_path / "amal.csv"), made.id)
    merge.merge_project(sara, badr.path)
    claims.update_claim(amal, made.id, label="verified")
    relabelled = csv_without(exporting.export_file(amal, "csv", tmp_path / "v2.csv"), made.id)
    fresh = open_or_create(tmp_path / "fresh.tahqiq", "sara")

    merge.merge_file(fresh, path)
    merge.merge_file(sara, relabelled)

    claim = claims.get_claim(fresh, made.id)
    fresh.close()
    assert (claim.annotator, claim.created) == ("badr", found.created)
    claim = claims.get_claim(sara, made.id)
    assert (claim.label, claim.annotator, claim.created) == ("verified", "badr", made.created)


def claims_and_places(project: Project) -> list[list[tuple]]:
    """Every row of claims and of appearances, in a stable order."""
    return [sorted(tuple(r) for r in project.conn.execute(f"SELECT * FROM {t}"))
            for t in ("claims", "appearances")]


def test_a_project_merged_after_its_csv_is_no_conflict_and_no_change(team, tmp_path):
    amal, sara = team["amal"], team["sara"]
    made = appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "disputed", note="ن")
    claims.update_claim(amal, made.id, label="verified")
    merge.merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "amal.csv"))
    before = claims_and_places(sara)

    summary = merge.merge_file(sara, amal.path)

    assert (summary.conflicts, summary.updated_claims, summary.updated_appearances) == (0, 0, 0)
    assert claims_and_places(sara) == before  # the history gains amal's own entries
    assert appearances.get_appearance(sara, made.id).to_row() == \
        {**appearances.get_appearance(amal, made.id).to_row(), "article_id": sample_id(sara)}
    assert not merge.merge_file(amal, sara.path).conflicts
    assert claims.get_claim(amal, made.id) == claims.get_claim(sara, made.id)


@pytest.mark.parametrize("order", ["csv-side merges first", "project side merges first"])
def test_what_a_csv_cannot_say_comes_from_the_project_file_either_way(team, tmp_path, order):
    """A CSV without the claim's first place cannot name its maker, and words relinked
    before the claim's last change cannot say when: the import guesses. A merge with the
    project file, in either direction, takes the project's values, without a conflict."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed")
    other = appearances.tag_quote(badr, sample_id(badr), "بوتين", "unchecked", occurrence=4)
    merge.merge_project(amal, badr.path)
    appearances.tag_quote(amal, sample_id(amal), Q_EARLIER, None, same_as=made.id)
    appearances.link(amal, other.id, made.id)  # words of another claim join this one
    claims.update_claim(amal, made.id, note="بعد الربط")
    merge.merge_file(sara, csv_without(exporting.export_file(amal, "csv", tmp_path / "a.csv"),
                                       made.id))
    assert claims.get_claim(sara, made.id) != claims.get_claim(amal, made.id)  # guessed
    first, second = (sara, amal) if order.startswith("csv") else (amal, sara)

    summaries = [merge.merge_project(first, second.path),
                 merge.merge_project(second, first.path)]

    assert [s.conflicts for s in summaries] == [0, 0]
    assert claims.get_claim(sara, made.id) == claims.get_claim(amal, made.id)
    assert claims.get_claim(sara, made.id).annotator == "badr"
    for place in appearances.appearances_of(amal, made.id):
        assert appearances.get_appearance(sara, place.id).updated == place.updated


@pytest.mark.parametrize("order", ["importer merges first", "maker merges first"])
def test_a_claim_changed_after_its_csv_was_imported_is_no_conflict_in_a_merge(team, tmp_path,
                                                                               order):
    """Badr's CSV cannot name the claim's maker (no record of its first place): Sara's
    import guesses, then she edits the claim; only she changed it since. Merging Badr's
    project file was a conflict (her history's versions are the import's, which differs
    from his in what it guessed): either way round, and again, none."""
    badr, sara = team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed")
    appearances.tag_quote(badr, sample_id(badr), Q_EARLIER, None, same_as=made.id)
    merge.merge_file(sara, csv_without(exporting.export_file(badr, "csv", tmp_path / "b.csv"),
                                       made.id))
    assert claims.get_claim(sara, made.id).created != made.created  # guessed
    edited = claims.update_claim(sara, made.id, note="بعد الاستيراد")
    first, second = (sara, badr) if order.startswith("importer") else (badr, sara)

    summaries = [merge.merge_project(first, second.path),
                 merge.merge_project(second, first.path)]
    again = [merge.merge_project(first, second.path), merge.merge_project(second, first.path)]

    assert [s.conflicts for s in summaries + again] == [0, 0, 0, 0]
    into_badr = summaries[first is sara]
    assert (into_badr.updated_claims, into_badr.unchanged_claims) == (1, 0)  # Sara's edit
    into_sara = summaries[first is badr]
    assert (into_sara.updated_claims, into_sara.unchanged_claims) == (0, 1)
    assert not any(s.changed for s in again)
    assert claims.get_claim(badr, made.id) == claims.get_claim(sara, made.id)
    assert claims.get_claim(badr, made.id).note == edited.note
    assert not [e for e in history.for_claim(sara, made.id) if e.action == "merge_conflict"]


def test_a_claim_changed_on_both_sides_after_a_csv_import_is_still_a_conflict(team, tmp_path):
    badr, sara = team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed")
    appearances.tag_quote(badr, sample_id(badr), Q_EARLIER, None, same_as=made.id)
    merge.merge_file(sara, csv_without(exporting.export_file(badr, "csv", tmp_path / "b.csv"),
                                       made.id))
    claims.update_claim(sara, made.id, note="سارة")
    claims.update_claim(badr, made.id, label="verified")

    assert merge.merge_project(sara, badr.path).conflicts == 1
    assert merge.merge_project(badr, sara.path).conflicts == 0  # settled, and recorded
    assert claims.get_claim(badr, made.id) == claims.get_claim(sara, made.id)


def test_a_verdict_undone_after_a_second_csv_the_importer_built_on_is_kept(team, tmp_path):
    """Sara takes Badr's claim from his CSV, then his new verdict from a second CSV, and
    adds a note to it; Badr then goes back to his first verdict. Sara's first import
    holds Badr's version now (but for what a CSV guesses), yet she built on the second:
    the merge kept her version without a conflict, and Badr's going back was lost. Both
    changed it since the second, each a field of their own: both changes are kept."""
    badr, sara = team["badr"], team["sara"]
    made = appearances.tag_quote(badr, sample_id(badr), SAMPLE_QUOTE, "disputed")
    merge.merge_file(sara, exporting.export_file(badr, "csv", tmp_path / "one.csv"))
    claims.update_claim(badr, made.id, label="verified")
    merge.merge_file(sara, exporting.export_file(badr, "csv", tmp_path / "two.csv"))
    assert claims.get_claim(sara, made.id).label == "verified"
    claims.update_claim(sara, made.id, note="سارة")
    claims.update_claim(badr, made.id, label="disputed")

    summary = merge.merge_project(sara, badr.path)
    assert (summary.conflicts, summary.combined_claims) == (0, 1)
    merged = claims.get_claim(sara, made.id)
    assert (merged.label, merged.note) == ("disputed", "سارة")
    assert [e.action for e in history.for_claim(sara, made.id)][-1] == "merge_conflict"


def test_a_csv_merge_tells_the_claims_story_with_its_authors_and_times(team, tmp_path):
    """As a project merge brings the colleague's entries, a CSV merge's entries name who
    made each version, and when - not who merged the file, nor when - and the same file
    merged by two colleagues is one story once their files are merged."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    made = appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "disputed")
    first = exporting.export_file(amal, "csv", tmp_path / "first.csv")
    relabelled = claims.update_claim(amal, made.id, label="verified")
    second = exporting.export_file(amal, "csv", tmp_path / "second.csv")

    for project in (sara, badr):
        merge.merge_file(project, first)
        merge.merge_file(project, second)

    def told(project: Project) -> list[tuple[str, str, str, str]]:
        return [(e.entity, e.who, e.at, str(story.summarize(e)))
                for e in history.for_claim(project, made.id)]

    assert told(sara) == [
        ("claim", "amal", made.created, "created as disputed"),
        ("appearance", "amal", made.created, f"tagged “{SAMPLE_QUOTE}”"),
        ("claim", "amal", relabelled.updated, "label: disputed → verified")]
    assert {e.action for e in history.for_claim(sara, made.id)} == {"import"}
    # the window tells the claim and the place it was made with as one line
    assert [line.split("  ", 2)[1:] for line in story.tell_all(
        history.for_claim(sara, made.id))] == [
        ["amal", f"created as disputed: “{SAMPLE_QUOTE}”"],
        ["amal", "label: disputed → verified"]]
    assert merge.merge_project(sara, badr.path).new_history == 0
    assert told(sara) == told(badr)


def test_a_colleagues_edit_in_a_sheet_is_told_as_an_edit_not_as_a_claim_made(team, tmp_path):
    """A CSV import writes «import» for the records it changes too: a colleague's words
    widened, verdict changed and note added in a sheet read «huda created as disputed:
    “…”» (Amal's claim, made by Huda; the note never said), and the place's line «tagged
    “…”», the words' move nowhere (rv234)."""
    amal, sara = team["amal"], team["sara"]
    made = appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "unchecked")
    exported = exporting.export_file(amal, "csv", tmp_path / "amal.csv")
    merge.merge_file(sara, exported)
    rows = list(csv.DictReader(exported.read_text(encoding="utf-8-sig").splitlines()))
    text = amal.db["articles"].get(sample_id(amal))["text"]
    start = text.index(SAMPLE_QUOTE)
    end = start + len(SAMPLE_QUOTE) + 1  # its closing quotation mark too
    rows[0].update(start=str(start), end=str(end), quote=text[start:end], prefix="",
                   suffix="", label="disputed", note="هدى: المصدر", updated_by="huda",
                   updated="2099-01-01T00:00:00Z")
    edited = tmp_path / "huda.csv"
    with edited.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    merge.merge_file(sara, edited)

    entries = history.for_claim(sara, made.id)
    assert [e.action for e in entries] == ["import"] * 4
    assert [line.split("  ", 2)[1:] for line in story.tell_all(entries)] == [
        ["amal", f"created as unchecked: “{SAMPLE_QUOTE}”"],
        ["huda", "label: unchecked → disputed, note added"],
        ["huda", f"words changed: “{SAMPLE_QUOTE}” → “{text[start:end]}”"]]
    assert story.describe(entries[-1]).split("  ", 1)[1] == (
        f"huda  import  words changed: “{SAMPLE_QUOTE}” → “{text[start:end]}”")


def test_words_a_colleague_split_off_and_linked_back_are_told_as_the_window_tells_them(
        team, tmp_path):
    """Amal's Unlink, and her link of the words back, brought by her CSVs: the place's
    line read «claim_id: <id> → <id>» (the field's English name and two ids, in the
    Arabic window too), and the claim the Unlink made «created as disputed», naming no
    words (rv240)."""
    amal, sara = team["amal"], team["sara"]
    first = appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "disputed")
    earlier = appearances.tag_quote(amal, sample_id(amal), Q_EARLIER, None, same_as=first.id)
    merge.merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "one.csv"))
    split = appearances.unlink(amal, earlier.id).claim_id
    merge.merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "two.csv"))

    def told(claim_id: str) -> list[str]:
        return [line.split("  ", 2)[2] for line in story.tell_all(
            history.for_claim(sara, claim_id), claim_id=claim_id)]

    assert told(split) == [f"split off as a claim of its own (disputed): “{Q_EARLIER}”"]
    appearances.link(amal, earlier.id, first.id)
    merge.merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "three.csv"))
    assert told(first.id)[-2:] == [f"“{Q_EARLIER}” moved to another claim",
                                   f"“{Q_EARLIER}” joined this claim"]


def test_a_tag_all_brought_by_csv_and_by_its_project_is_told_line_by_line(team, tmp_path):
    """A Tag All's places keep their one time through a CSV; brought by the CSV and then
    by the project, the import's place entries were folded into the project's line and
    told twice. Each way the claim came is one line of its own places."""
    amal, sara = team["amal"], team["sara"]
    article = amal.db["articles"].get(sample_id(amal))
    starts = [at for at in range(len(article["text"])) if article["text"].startswith("بوتين", at)]
    made = appearances.tag_all(amal, article["id"], [(at, at + 5) for at in starts[:3]],
                               "disputed")
    merge.merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "all.csv"))
    merge.merge_project(sara, amal.path)
    told = [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(sara, made[0].claim_id))]
    assert told == ["created as disputed: “بوتين” (3 places)"] * 2


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_spreadsheets_semicolons_or_tabs_are_read_as_its_columns(seven, tmp_path,
                                                                   delimiter):
    """A spreadsheet saves «CSV» with semicolons where the comma is a decimal mark (and
    in Arabic locales), or with tabs: such a file was «there is no header row»."""
    import csv

    dest, header, rows, _ = seven
    path = tmp_path / "from-a-spreadsheet.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    assert import_claims_csv(dest, path).new == 7


def test_a_time_before_the_year_1000_is_kept_in_four_digits(team, tmp_path):
    """A CSV's «0999-…» (a typo for 1999, or a clock gone wrong) was stored as «999-…»,
    which no reader takes for a time: the project's own export could not be imported
    again, and every colleague's merge refused the project as damaged."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    appearances.tag_quote(amal, sample_id(amal), SAMPLE_QUOTE, "disputed")
    exported = exporting.export_file(amal, "csv", tmp_path / "claims.csv")
    rows = list(csv.DictReader(exported.read_text(encoding="utf-8-sig").splitlines()))
    rows[0]["created"] = rows[0]["updated"] = "0999-03-01T09:00:00Z"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    merge.merge_file(badr, edited)
    assert claims.list_claims(badr)[0].created == "0999-03-01T09:00:00.000000Z"
    merge.merge_file(sara, exporting.export_file(badr, "csv", tmp_path / "again.csv"))
    merge.merge_project(sara, badr.path)
    assert claims.list_claims(sara)[0].created == "0999-03-01T09:00:00.000000Z"
