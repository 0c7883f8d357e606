"""What a fact-checker relies on in a long article's parts, the text kept between reads and
the known-claims matcher's process, each guarded against a small change to
store/core/long_texts.py, article_texts.py, text_memo.py, warm_up.py or
matcher_process.py (an off-by-one, a dropped check, a swapped order) that the rest of the
suite let pass (rv175's mutation review)."""

from __future__ import annotations

import sqlite3

import pytest
from test_misplaced_many_places import TABLES

from store.core import articles, long_texts
from store.core.project import Project
from store.core.schema import SEARCH_PART_CHARS as PART
from store.errors import InvalidSpan
from store.text import anchoring


def _pieces(project: Project) -> list[tuple[int, int]]:
    return [tuple(row) for row in project.conn.execute(
        "SELECT part, length(text) FROM article_pieces ORDER BY article_id, part")]


def _add_in_pieces(project: Project, text: str, cut: int = 7) -> str:
    return articles.add_article_pieces(
        project, [text[:cut], text[cut:]], len(text.encode()), articles.fingerprint(text),
        "long")


# -- store/core/long_texts.py: which text is stored in parts, and how it is read back --------
def test_a_text_of_exactly_one_part_is_stored_whole_and_two_parts_leave_no_empty_one(tmp_path):
    """Only a text longer than one part is stored in parts: one of exactly PART characters
    keeps its row's text (as every shorter one), and one of exactly two parts is two
    parts, not a third empty one."""
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    one = ("خبر " * (PART // 4 + 1))[:PART]
    one_id = _add_in_pieces(project, one)
    assert _pieces(project) == []
    assert project.execute("SELECT text FROM articles WHERE id = ?", [one_id]).fetchone()[0] == one
    two = ("نص " * (2 * PART // 3 + 1))[:2 * PART]
    two_id = _add_in_pieces(project, two)
    assert _pieces(project) == [(0, PART), (1, PART)]
    assert articles.get_article(project, two_id).text == two
    assert long_texts.length(project.conn, two_id) == 2 * PART
    project.close()


def test_parts_left_beside_a_text_stored_whole_are_not_read(tmp_path):
    """An article whose row holds its text is read from its row: parts beside it (another
    program's, or left by an older write) give neither its length nor a span's refusal."""
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    text = "الخبر كما نشر. " * 10
    article_id = articles.add_article(project, text, "short").id
    with project.transaction():
        project.execute("INSERT INTO article_pieces (article_id, part, text) VALUES (?, 0, ?)",
                        [article_id, "x" * 5000])
    assert long_texts.length(project.conn, article_id) is None
    with pytest.raises(InvalidSpan, match=f"0–{len(text)}"):
        articles.quote_at(project, article_id, len(text) + 10, len(text) + 20)
    project.close()


def test_a_last_part_numbered_below_zero_is_damage():
    """A part numbered -1 (another program's) would give the text a negative length: it is
    reported as damage, as SQLite reports it, not as a span outside the article."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (id TEXT, text TEXT)")
    conn.execute("CREATE TABLE article_pieces (article_id TEXT, part, text TEXT)")
    conn.execute("INSERT INTO articles VALUES ('a', '')")
    conn.execute("INSERT INTO article_pieces VALUES ('a', -1, 'abc')")
    with pytest.raises(sqlite3.DatabaseError, match="damaged"):
        long_texts.length(conn, "a")


# -- store/core/article_texts.py: a text read in chunks, and places checked against it -------
def test_a_character_cut_by_a_chunk_of_the_read_is_read_whole(project):
    """read_text reads 1 MiB at a time: an Arabic letter (two bytes) cut by a chunk's end
    is decoded with the next chunk, not reported as a text that is not UTF-8 (the claims
    CSV's article lookup reads it so)."""
    text = "a" + "كلمة " * (1 << 18)  # odd bytes before the Arabic: byte 1 MiB cuts a letter
    assert len(text.encode()) > 1 << 20 and text.encode()[(1 << 20) - 1] >= 0xC0
    article = articles.add_article(project, text, "long")
    assert articles.find_by_fingerprint(project, article.fingerprint).text == text


def test_a_text_cut_off_inside_a_character_is_reported_not_shortened(project):
    """Bytes another program stored, ending inside a letter: as a query reports them, not
    read as the text without its last letter."""
    from conftest import store_bytes_as_text

    from store.core import article_texts

    article = articles.add_article(project, "نص", "short")
    store_bytes_as_text(project, article.id, "41d8")  # «A» and half an Arabic letter
    rowid = project.execute("SELECT rowid FROM articles WHERE id = ?", [article.id]).fetchone()[0]
    with pytest.raises(sqlite3.DataError, match="UTF-8"):
        article_texts.read_text(project.conn, rowid, article.id)


def _places_conn(text: str, places: list[tuple]) -> sqlite3.Connection:
    """Articles, claims and places as check_places() reads them: *places* are
    (start, end, quote[, claim deleted])."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(TABLES)
    conn.execute("INSERT INTO articles VALUES ('a', ?)", [text])
    for n, (start, end, quote, *deleted) in enumerate(places):
        conn.execute("INSERT INTO claims VALUES (?, ?)", [f"c{n}", deleted[0] if deleted else None])
        conn.execute("INSERT INTO appearances (id, claim_id, article_id, start, \"end\", quote, "
                     "deleted) VALUES (?, ?, 'a', ?, ?, ?, NULL)",
                     [f"p{n}", f"c{n}", start, end, quote])
    return conn


def _misplaced(text: str, places: list[tuple]) -> int:
    from store.core.article_texts import check_places

    return check_places(_places_conn(text, places)).misplaced


TEXT = "قال المتحدث إن المعاهدة أقوى معاهدة. "


def test_a_place_ending_at_the_texts_end_is_in_place_in_an_article_read_in_python():
    """An article with many places is checked in Python: its last word, ending where the
    text ends, holds its quote (a merge would refuse the file if it did not)."""
    text = TEXT * 40
    places = [(n * len(TEXT), n * len(TEXT) + 3, "قال") for n in range(70)[:40]] * 2
    places.append((len(text) - len("معاهدة. "), len(text), "معاهدة. "))
    assert _misplaced(text, places) == 0


@pytest.mark.parametrize("many", [False, True], ids=["few places", "many places"])
def test_a_place_of_no_characters_or_an_offset_in_words_is_misplaced(many):
    """A place of no words (start = end, an empty quote) or an offset another program wrote
    as a word is counted misplaced (`tahqiq check`), never taken as holding its quote nor
    failing the check."""
    filler = [(0, 3, "قال")] * (70 if many else 0)
    assert _misplaced(TEXT, [*filler, (4, 4, "")]) == 1
    assert _misplaced(TEXT, [*filler, ("seven", 4, "قال")]) == 1
    assert _misplaced(TEXT, [*filler, (4, 11, "غيرها", "2026-01-01")]) == 0


@pytest.mark.parametrize("many", [False, True], ids=["few places", "many places"])
def test_a_place_ending_past_the_text_is_misplaced_though_its_quote_ends_the_text(many):
    """SQLite's substr() stops quietly at the text's end: a place of the text's last words
    whose end another program wrote past it held its quote (`tahqiq check` found nothing,
    a merge took it: rv254). Its end is checked, in SQLite as in Python."""
    filler = [(0, 3, "قال")] * (70 if many else 0)
    end = len(TEXT)
    assert _misplaced(TEXT, [*filler, (end - 8, end, TEXT[-8:])]) == 0
    assert _misplaced(TEXT, [*filler, (end - 8, end + 1, TEXT[-8:])]) == 1
    assert _misplaced(TEXT, [*filler, (end - 8, 10**7, TEXT[-8:])]) == 1


# -- store/core/text_memo.py: the long text kept between reads, and when it is let go ----------
MEMO_SENTENCE = "قال المتحدث 😀 إن المعاهدة أقوى معاهدة على الإطلاق. "


def _long(word: str, chars: int) -> str:
    return (MEMO_SENTENCE.replace("المعاهدة", word) * (chars // len(MEMO_SENTENCE) + 2))[:chars]


def test_the_text_kept_answers_for_its_own_article_only(project):
    """Two long articles: the one read whole last is kept, and a tag's window in the other
    is the other's words, never the kept one's at the same offsets."""
    from store.core.text_memo import MIN_CHARS

    first = _long("المعاهدة", MIN_CHARS + 500)
    second = _long("الاتفاقية", MIN_CHARS + 500)
    one = articles.add_article(project, first, "one").id
    two = articles.add_article(project, second, "two").id
    articles.get_article(project, one)
    start = second.index("الاتفاقية", 1000)
    assert articles.quote_at(project, two, start, start + 9) == anchoring.quote_selector(
        second, start, start + 9)
    assert articles.quote_at(project, one, start, start + 9) == anchoring.quote_selector(
        first, start, start + 9)


def test_an_article_row_deleted_here_is_not_answered_for(project):
    """Its row deleted on this connection (an import undone), the kept text answers no
    window of it: the article is not found."""
    from store.core.text_memo import MIN_CHARS
    from store.errors import ArticleNotFound

    text = _long("المعاهدة", MIN_CHARS + 500)
    article_id = articles.add_article(project, text, "long").id
    articles.get_article(project, article_id)
    with project.transaction():
        project.execute("DELETE FROM articles WHERE id = ?", [article_id])
    with pytest.raises(ArticleNotFound):
        articles.quote_at(project, article_id, 10, 20)


PIECES_TEXT = _long("المعاهدة", 2 * PART)  # two whole parts


@pytest.fixture
def in_pieces(project):
    article_id = _add_in_pieces(project, PIECES_TEXT)
    assert articles.get_article(project, article_id).text == PIECES_TEXT  # kept
    return project, article_id


def test_a_part_rewritten_here_gives_its_new_words(in_pieces):
    project, article_id = in_pieces
    new_tail = PIECES_TEXT[PART:].replace("المعاهدة", "الاتفاقية"[:8])
    assert len(new_tail) == len(PIECES_TEXT) - PART
    with project.transaction():
        project.execute("UPDATE article_pieces SET text = ? WHERE article_id = ? AND part = 1",
                        [new_tail, article_id])
    at = PART + new_tail.index("الاتفاقي")
    assert articles.quote_at(project, article_id, at, at + 8)[0] == "الاتفاقي"


def test_a_part_added_here_lengthens_the_text(in_pieces):
    """A part added after the last whole one (another program's write; the project's
    triggers are recursive, so a REPLACE fires the delete's too) fires the insert's
    trigger alone: the kept text is let go."""
    project, article_id = in_pieces
    with project.transaction():
        project.execute("INSERT INTO article_pieces (article_id, part, text) VALUES (?, 2, ?)",
                        [article_id, "س" * 100])
    assert articles.quote_at(project, article_id, 2 * PART + 10, 2 * PART + 13)[0] == "سسس"


def test_a_last_part_deleted_here_shortens_the_text(in_pieces):
    project, article_id = in_pieces
    with project.transaction():
        project.execute("DELETE FROM article_pieces WHERE article_id = ? AND part = 1",
                        [article_id])
    with pytest.raises(InvalidSpan, match=f"0–{PART}"):
        articles.quote_at(project, article_id, PART + 10, PART + 13)


# -- store/core/warm_up.py: the rehearsed tag before the first one ----------------------------
def test_the_first_live_article_is_rehearsed_past_a_deleted_one(project):
    """Without an article named, the first live one is rehearsed: a deleted article before
    it (a merge brought its deletion) does not leave the first tag unprepared."""
    from store.core import warm_up

    gone = articles.add_article(project, "قال المتحدث إن المعاهدة الجديدة.", "gone").id
    articles.add_article(project, "أقوى معاهدة على الإطلاق.", "live")
    with project.transaction():
        project.execute("UPDATE articles SET deleted = 'now' WHERE id = ?", [gone])
    assert warm_up.before_first_write(project)


def test_an_article_opening_on_a_quotation_mark_is_rehearsed_on_its_first_letter(project):
    """A quotation mark alone is no words to tag (rv238): the rehearsal, which tagged the
    first character that is not a space, failed on «“» and left the first tag unprepared."""
    from store.core import warm_up

    articles.add_article(project, "«“المعاهدة” أقوى معاهدة على الإطلاق.", "quoted")
    assert warm_up.before_first_write(project)


def test_a_project_without_labels_is_not_rehearsed_and_does_not_fail(project):
    """A project whose labels were all removed (by another program) has no tag to
    rehearse: no rehearsal, and no error at the window's idle start."""
    from store.core import warm_up

    articles.add_article(project, "قال المتحدث إن المعاهدة الجديدة.", "one")
    with project.transaction():
        project.conn.execute("PRAGMA foreign_keys = OFF")
        project.execute("DELETE FROM labels")
    assert not warm_up.before_first_write(project)


# -- store/core/matcher_process.py: the child's side ------------------------------------------
def test_the_childs_index_is_kept_between_searches_of_one_project_and_let_go_for_another(
        tmp_path):
    """The matcher (seconds to index a big project's claims) is built once for the project
    the window shows, not again at each article opened; another project's replaces it."""
    from store.core import appearances, matcher_process

    paths = []
    for name in ("one", "two"):
        with Project.open(tmp_path / f"{name}.tahqiq", "tester") as project:
            a = articles.add_article(project, "قال المتحدث إن المعاهدة الجديدة أقوى معاهدة.", "a")
            appearances.create_claim(project, a.id, 0, 10, "disputed")
            b = articles.add_article(project, "وقال المتحدث إن المعاهدة الجديدة أقوى معاهدة.", "b")
        paths.append((str(tmp_path / f"{name}.tahqiq"), b.id))
    matchers: dict = {}
    found = matcher_process._find(matchers, paths[0][0], "tester", paths[0][1], lambda: False)
    assert found is not None
    (kept,) = matchers.values()
    matcher_process._find(matchers, paths[0][0], "tester", paths[0][1], lambda: False)
    assert list(matchers.values()) == [kept] and matchers[paths[0][0]] is kept
    matcher_process._find(matchers, paths[1][0], "tester", paths[1][1], lambda: False)
    assert list(matchers) == [paths[1][0]]


_LISTENER = """
import pickle, sys
log = open(sys.argv[1], "a")
while True:
    try:
        message = pickle.load(sys.stdin.buffer)
    except EOFError:
        break
    log.write(repr(message) + "\\n")
    log.flush()
"""


def test_a_search_given_up_is_cancelled_in_the_child(tmp_path):
    """The window gives up a search (another article opened): the child is told, so that
    it stops indexing for an answer no one waits for, and the next search is not queued
    behind it."""
    import sys
    import time

    from store.core.matcher_process import MatcherProcess

    script, log = tmp_path / "listener.py", tmp_path / "heard.txt"
    script.write_text(_LISTENER)
    process = MatcherProcess(command=[sys.executable, str(script), str(log)])
    try:
        assert process.find("p.tahqiq", "me", "article-1", stop=lambda: True) is None
        deadline = time.monotonic() + 10
        while "cancel" not in (log.read_text() if log.exists() else "") and (
                time.monotonic() < deadline):
            time.sleep(0.02)
        assert log.read_text().splitlines() == [
            "('find', 1, 'p.tahqiq', 'me', 'article-1')", "('cancel', 1)"]
    finally:
        process.close()
