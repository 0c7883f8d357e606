"""Big articles are imported and indexed a piece at a time, with the same result as whole.

A plain-text file of importing.STREAM_FROM_BYTES or more is decoded, cleaned
(clean.CleanStream) and stored (articles.add_article_pieces) a piece at a time; an
article's text is indexed in parts of schema.SEARCH_PART_CHARS characters (schema v6),
and one streamed in that is longer than a part is stored in those parts
(store.core.long_texts, schema v7). These tests hold the pieces to the whole: the same
article, the same messages, the same index rows, the same hits.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
from pathlib import Path

import pytest
from conftest import store_bytes_as_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from store.core import articles, schema, search
from store.core.project import Project
from store.errors import ImportRejected
from store.exchange import importing
from store.text.clean import CleanStream, clean_text

PIECES = ["a", "b", "س", "ل", "\n", "\n", "\r", "\r\n", " ", "\t", "[ad_1]\n", "\ufeff",
          "\u202b", "\u202a", "\u202c", "\u2067", "\u2069", "\u2028", "\u00ad", "\ufb01",
          "\x07", "\x0b", "\u2029", "Read more", "\u0650", "e\u0301",
          "Subscribe to our newsletter\n",
          "اشترك في النشرة\n", "المصدر\n", "\n\n\n", " \n", "1", "«", "😀", "ﻻ",
          # letters NFC makes longer (U+FB2A: two characters) or joins (Hangul jamo)
          "\ufb2a", "\u0958", "\u212b", "\u1100\u1161",
          # lines that are boilerplate or blank but for their marks (rv202)
          "\u202bالمصدر:\u202c\n", "\u202b[ad_1]\u202c\n", "\t\u00ad\n", "\u00a0",
          "المصدر\u00ad\n",
          # markers within a line (rv288)
          " [ad_2]", "[ad_3] ", ".", "Source: [ad_4]\n"]
WORD = "Zanzibarite"
PART = schema.SEARCH_PART_CHARS


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=80), edges=st.booleans(),
       cuts=st.lists(st.integers(0, 25), max_size=40))
def test_cleaning_in_pieces_gives_what_cleaning_whole_gives(pieces, edges, cuts):
    """Fed in pieces of any size (inside CRLF, between a letter and its mark), with a cut
    looked for every few characters, CleanStream gives clean_text's text and messages."""
    text = "".join(pieces)
    saved = CleanStream.PIECE
    CleanStream.PIECE = 12
    try:
        stream, out, at = CleanStream(edges), [], 0
        for size in [*cuts, len(text)]:
            out += stream.feed(text[at:at + size])
            at += size
        out += stream.close()
    finally:
        CleanStream.PIECE = saved
    whole = clean_text(text, edges)
    cleaned = "".join(out)
    told = stream.result(cleaned)
    assert (cleaned, told.changes, told.dropped, told.dropped_note) == (
        whole.text, whole.changes, whole.dropped, whole.dropped_note)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=80), edges=st.booleans())
@example(pieces=["b", "\n", "\t", "\u202a"], edges=True)  # «\n\t» stored, then dropped
@example(pieces=["[ad_1]\n", "\u202a"], edges=True)  # «[ad_1]» stored, then dropped
@example(pieces=["[ad_1]\n", "\ufeff", "a"], edges=False)  # a byte order mark first, then
@example(pieces=[" [ad_2]", "\ufeff"], edges=False)  # a mark a marker stood before (.ci/run)
@example(pieces=["\ufb2a", "Subscribe to our newsletter\n", "a"], edges=True)  # a sign-up
def test_cleaning_the_cleaned_text_again_changes_nothing(pieces, edges):
    """Cleaning reads each line as it will store it: what it stored is what it stores
    again (a line that was a marker, a label or blank but for its marks was kept, and
    cleaning the stored text dropped it; a byte order mark that a dropped line stood
    before, or a sign-up line that was one once NFC parted U+FB2A, as well; rv202)."""
    once = clean_text("".join(pieces), edges).text
    assert clean_text(once, edges).text == once


def test_a_big_file_is_not_cut_before_a_line_that_is_boilerplate_but_for_its_marks(
        monkeypatch):
    """«المصدر» with a soft hyphen begins with a letter, as a line the cut is made before
    does: read as it will be stored, it is a bare label, and the cut is sought after it."""
    monkeypatch.setattr(CleanStream, "PIECE", 256)
    text = "".join(f"- Point {i} of the story, said the minister.\n" for i in range(8))
    whole = text + "المصدر\u00ad\nSource:\u202c\n"
    stream, out = CleanStream(), []
    for at in range(0, len(whole), 64):
        out += stream.feed(whole[at:at + 64])
    out += stream.close()
    assert "".join(out) == clean_text(whole).text == text.strip()
    assert stream.result().dropped == ["Source:", "المصدر"]  # (from the bottom up)


def test_a_line_break_within_a_line_of_boilerplate_is_one_where_pieces_are_cut(monkeypatch):
    """«Read more» and «Source:» on one line parted by U+2028 (or VT) are two lines of
    boilerplate to cleaning: the cut of a big file read them as one line, no boilerplate,
    and was made before it, so a streamed import kept a «Source:» dropped whole (rv199)."""
    monkeypatch.setattr(CleanStream, "PIECE", 256)
    text = "".join(f"- Point {i} of the story, said the minister.\n" for i in range(8))
    for brk in ("\u2028", "\x0b"):
        stream, out = CleanStream(), []
        whole = text + f"Source:\nRead more{brk}Source:\n"
        for at in range(0, len(whole), 64):
            out += stream.feed(whole[at:at + 64])
        out += stream.close()
        assert "".join(out) == clean_text(whole).text
        assert stream.result().dropped == ["Source:", "Read more", "Source:"]


def test_a_line_is_judged_once_where_pieces_could_be_cut_however_small_the_pieces(
        monkeypatch):
    """Each piece fed searched the held text for a cut from the start again, judging
    every line there once more: a text whose lines are no place to cut (boilerplate), read
    in small pieces, took time growing with its square (the fuzz target's text import, a
    few bytes a piece, spent a third of its time there). Each line is judged once, and the
    text comes out as it does whole."""
    from store.text import clean

    judged = []

    def is_boilerplate(line: str) -> bool:
        judged.append(line)
        return True  # (no cut anywhere: every line stays held)

    monkeypatch.setattr(clean, "is_boilerplate", is_boilerplate)
    monkeypatch.setattr(CleanStream, "PIECE", 16)
    text = "".join(f"Line {i} of the story\n" for i in range(200))
    stream, out = CleanStream(), []
    for at in range(0, len(text), 7):
        out += stream.feed(text[at:at + 7])
    lines = len(judged)
    out += stream.close()
    assert lines <= 200 and len(set(judged[:lines])) == lines
    assert "".join(out) == clean_text(text).text


@pytest.fixture
def small_pieces(monkeypatch):
    """Every plain-text file streamed, read three bytes and cleaned 12 characters at a
    time: the pieces' seams fall everywhere."""
    monkeypatch.setattr(CleanStream, "PIECE", 12)
    monkeypatch.setattr(importing, "_CHECK_BYTES", 3)


@pytest.fixture(scope="module")
def blank_project(tmp_path_factory) -> Path:
    """A new project's file, made once: each example imports into a copy of it (making
    two projects an example was half the property's time)."""
    path = tmp_path_factory.mktemp("blank") / "blank.tahqiq"
    Project.open(path, "tester").close()
    assert not path.with_name(path.name + "-wal").exists()  # (all of it in the one file)
    return path


def _import(path: Path, project_path: Path, stream: bool, blank: Path):
    saved = importing.STREAM_FROM_BYTES
    importing.STREAM_FROM_BYTES = 0 if stream else 1 << 40
    shutil.copyfile(blank, project_path)
    try:
        project = Project.open(project_path, "tester")
        try:
            outcome = importing.import_file(project, path)
            row = project.conn.execute(
                "SELECT title, text, fingerprint, language, encoding, source_name "
                "FROM articles WHERE id = ?", [outcome.article.id]).fetchone()
            index = project.conn.execute(
                "SELECT e.part, i.body FROM search_entries e JOIN search_index i "
                "ON i.rowid = e.id WHERE e.ref_id = ? ORDER BY e.part",
                [outcome.article.id]).fetchall()
            return (row, index, outcome.changes, outcome.dropped_note,
                    outcome.pdf_repair_suggested, outcome.article.text == row[1])
        finally:
            project.close()
    except ImportRejected as exc:
        return str(exc)
    finally:
        importing.STREAM_FROM_BYTES = saved


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the same for all
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=60),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1256", "utf-16"]))
@example(pieces=["\n", "\ufeff"], encoding="utf-8")  # invisible alone: refused both ways
@example(pieces=["https://x.org/a", "\n"], encoding="utf-8")  # a link alone: refused too
def test_a_file_stored_in_pieces_is_stored_as_whole(tmp_path_factory, small_pieces,
                                                    blank_project, pieces, encoding):
    """The same article row, index rows, messages and refusals, streamed or not."""
    folder = tmp_path_factory.mktemp("pieces")
    path = folder / "article.txt"
    path.write_bytes("".join(pieces).encode(encoding, "ignore"))
    streamed = _import(path, folder / "streamed.tahqiq", stream=True, blank=blank_project)
    whole = _import(path, folder / "whole.tahqiq", stream=False, blank=blank_project)
    assert streamed == whole


def test_a_big_file_is_imported_once_and_found_again(tmp_path, small_pieces):
    """Importing the same big file twice finds the first; a file whose edge boilerplate
    the first import kept (an older Tahqiq) is found by the text without its edges."""
    body = "«أقوى معاهدة على الإطلاق» قال المتحدث.\n" * 50
    path = tmp_path / "big.txt"
    path.write_text("اشترك في النشرة البريدية\n" + body, "utf-8")
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    monkey = importing.STREAM_FROM_BYTES
    importing.STREAM_FROM_BYTES = 0
    try:
        old = articles.add_article(project, clean_text(path.read_text("utf-8"),
                                                      edges=False).text, "old")
        again = importing.import_file(project, path)
    finally:
        importing.STREAM_FROM_BYTES = monkey
    assert not again.created and again.article.id == old.id


def _long_text(places: list[int]) -> str:
    """About two and a half parts of the sample's words, with WORD at each of *places*."""
    words = ["وقال", "المتحدث", "إن", "المعاهدة", "الجديدة", "أقوى", "معاهدة", "على",
             "الإطلاق", "."]
    rng = random.Random(7)
    text = list(" ".join(rng.choice(words) for _ in range(PART // 2)))
    text = (text * 3)[:int(PART * 2.4)]
    for at in places:
        text[at - 1:at + len(WORD) + 1] = " " + WORD + " "
    return "".join(text)


PLACES = [5, PART - 30, PART, PART + 700, 2 * PART - 4, 2 * PART + 30]


def _index_rows(project: Project, article_id: str) -> list[tuple]:
    return project.conn.execute(
        "SELECT e.part, i.body FROM search_entries e JOIN search_index i ON i.rowid = e.id "
        "WHERE e.kind = 'article' AND e.ref_id = ? ORDER BY e.part", [article_id]).fetchall()


def test_a_long_article_is_indexed_in_parts_and_every_hit_found_once(tmp_path):
    """Written whole or stored in parts (long_texts): the same index rows, and
    each hit found once, at its place, also across a part's edge."""
    text = _long_text(PLACES)
    whole = Project.open(tmp_path / "whole.tahqiq", "tester")
    one = articles.add_article(whole, text, "long")
    pieces = Project.open(tmp_path / "pieces.tahqiq", "tester")
    rng = random.Random(3)
    cuts = sorted(rng.sample(range(1, len(text)), 40))
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    two = articles.get_article(pieces, articles.add_article_pieces(
        pieces, parts, len(text.encode()), articles.fingerprint(text), "long"))
    assert two.text == text and two.fingerprint == one.fingerprint
    assert pieces.conn.execute("SELECT text FROM articles").fetchone()[0] == ""
    assert [len(t) for (t,) in pieces.conn.execute(
        "SELECT text FROM article_pieces ORDER BY part")] == [PART, PART, len(text) - 2 * PART]
    rows = _index_rows(whole, one.id)
    assert [part for part, _ in rows] == [0, 1, 2]
    assert rows == _index_rows(pieces, two.id)
    for project in (whole, pieces):
        hits = search.search(project, WORD)
        assert [(h.start, h.end) for h in hits] == [(p, p + len(WORD)) for p in PLACES]
        assert {text[h.start:h.end] for h in hits} == {WORD}


def test_a_hit_only_in_the_overlap_of_the_next_part_is_found_once(tmp_path):
    """The row of part 1 holds the last SEARCH_PART_OVERLAP characters of part 0: a word
    found there alone makes that row a candidate with no hit of its own (search failed
    on it: min() of no hits)."""
    project = Project.open(tmp_path / "overlap.tahqiq", "tester")
    text = _long_text([PART - 30])
    article = articles.add_article(project, text, "long")
    assert [part for part, _ in _index_rows(project, article.id)] == [0, 1, 2]
    hits = search.search(project, WORD)
    assert [(h.start, h.end) for h in hits] == [(PART - 30, PART - 30 + len(WORD))]


def test_a_long_article_of_an_older_schema_is_indexed_in_parts(tmp_path):
    """Schema 5 indexed a text whole, in one row; opening it today indexes it in parts."""
    spec = importlib.util.spec_from_file_location(
        "make_fixtures", Path(__file__).parent / "fixtures" / "make_fixtures.py")
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    path = tmp_path / "old.tahqiq"
    text = _long_text(PLACES)
    with fixtures.schema_version(5):
        project = Project.open(path, "tester")
        article = articles.add_article(project, text, "long")
        assert project.conn.execute("SELECT count(*) FROM search_entries WHERE ref_id = ?",
                                    [article.id]).fetchone()[0] == 1
        project.close()
    project = Project.open(path, "tester")
    assert project.schema_version == schema.SCHEMA_VERSION
    assert [part for part, _ in _index_rows(project, article.id)] == [0, 1, 2]
    hits = search.search(project, WORD)
    assert [h.start for h in hits] == PLACES


@pytest.mark.parametrize("piece", [3, 1 << 20])
def test_a_bad_byte_after_a_byte_order_mark_is_told_where_it_is(tmp_path, monkeypatch, piece):
    """Byte 23 of the file, whatever the pieces it is checked in (the UTF-8 decoder that
    strips the mark counted from after it in its first piece only: found by fuzzing the
    pieces against the whole)."""
    monkeypatch.setattr(importing, "_CHECK_BYTES", piece)
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + b"a" * 20 + b"\xff" + b"b" * 5)
    with pytest.raises(ImportRejected, match="byte 23 is not valid"):
        importing.load_file(path)


def _big_file(tmp_path: Path, text: str = "") -> Path:
    path = tmp_path / "big.txt"
    path.write_text(text or "«أقوى معاهدة على الإطلاق» قال المتحدث.\n" * 50, "utf-8")
    return path


def test_a_file_changed_after_it_was_read_is_refused(tmp_path, small_pieces, monkeypatch):
    """Between reading a file (its encoding, the user's choices) and storing it, the file
    was replaced by another: refused, nothing stored, rather than storing the other."""
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 0)
    path = _big_file(tmp_path)
    loaded = importing.load_file(path)
    path.write_text("Completely different file\n" * 80, "utf-8")
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    with pytest.raises(ImportRejected, match="changed while it was imported"):
        importing.import_loaded(project, loaded)
    assert articles.list_articles(project) == []


def test_a_project_without_its_insert_trigger_still_imports_a_big_file(tmp_path,
                                                                       small_pieces,
                                                                       monkeypatch):
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 0)
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    project.conn.execute("DROP TRIGGER search_articles_insert")
    outcome = importing.import_file(project, _big_file(tmp_path))
    assert outcome.created and "معاهدة" in outcome.article.text


def test_a_stored_text_that_is_not_utf8_is_a_database_problem_not_a_crash(tmp_path):
    """Bytes another program stored as an article's text: finding the article by its
    fingerprint reports them as SQLite would, which the doors turn into one line."""
    import sqlite3

    project = Project.open(tmp_path / "p.tahqiq", "tester")
    article = articles.add_article(project, "hello", "t")
    store_bytes_as_text(project, article.id, "68656CFF6C6F")
    with pytest.raises(sqlite3.DataError, match="UTF-8"):
        articles.find_by_fingerprint(project, article.fingerprint)


def test_a_long_note_is_searched_whole(tmp_path):
    """A note is one index row however long: its hits past a part's length are found."""
    from store.core import appearances

    project = Project.open(tmp_path / "p.tahqiq", "tester")
    article = articles.add_article(project, "قال المتحدث إن المعاهدة أقوى معاهدة.", "t")
    note = "x " * (PART // 2 + 10) + WORD
    appearances.create_claim(project, article.id, 0, 3, "unchecked", note=note)
    hits = [h for h in search.search(project, WORD) if h.kind == "note"]
    assert [(h.start, h.end) for h in hits] == [(len(note) - len(WORD), len(note))]
