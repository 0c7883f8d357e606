"""A long text read whole is not read again for a tag's window (store.core.text_memo), and
never answers for a text that changed since: another connection's write, this one's own
(a plain UPDATE, a re-anchoring, a row replaced, a write rolled back), a table made again."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import pytest

from store.core import appearances, articles, retext
from store.core.project import Project
from store.core.text_memo import MIN_CHARS
from store.errors import InvalidSpan
from store.text import anchoring

SENTENCE = "قال المتحدث 😀 إن المعاهدة أقوى معاهدة على الإطلاق 𝔸. "
TEXT = SENTENCE * (MIN_CHARS // len(SENTENCE) + 2)
OTHER = TEXT.replace("المعاهدة", "الاتفاقية")
SPANS = [(0, 3), (12, 13), (len(TEXT) - 40, len(TEXT)), (MIN_CHARS, MIN_CHARS + 9)]


@pytest.fixture
def article_id(project) -> str:
    return articles.add_article(project, TEXT, "long").id


def _quotes(project: Project, article_id: str) -> list[tuple[str, str, str]]:
    return [articles.quote_at(project, article_id, s, e) for s, e in SPANS]


def _expected(text: str) -> list[tuple[str, str, str]]:
    return [anchoring.quote_selector(text, s, e) for s, e in SPANS]


@contextlib.contextmanager
def _statements(project: Project) -> Iterator[list[str]]:
    """The SQL statements *project* runs inside the block."""
    seen: list[str] = []
    project.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        project.conn.set_trace_callback(None)


def test_a_text_read_whole_answers_windows_without_reading_it_again(project, article_id):
    assert _quotes(project, article_id) == _expected(TEXT)
    articles.get_article(project, article_id)
    with _statements(project) as seen:
        assert _quotes(project, article_id) == _expected(TEXT)
        with pytest.raises(InvalidSpan):
            articles.quote_at(project, article_id, len(TEXT) - 1, len(TEXT) + 1)
    assert not any("articles" in sql for sql in seen), seen


def test_a_short_text_is_read_as_a_window_and_lets_the_long_one_go(project, article_id):
    short = articles.add_article(project, SENTENCE, "short").id
    articles.get_article(project, article_id)
    articles.get_article(project, short)
    with _statements(project) as seen:
        assert articles.quote_at(project, short, 12, 13) == anchoring.quote_selector(
            SENTENCE, 12, 13)
        assert articles.quote_at(project, article_id, 12, 13) == anchoring.quote_selector(
            TEXT, 12, 13)
    assert sum("substr" in sql for sql in seen) == 2


def test_another_connections_change_is_read(project, article_id):
    articles.get_article(project, article_id)
    other = Project.open(project.path, "colleague")
    try:
        other.execute("UPDATE articles SET text = ? WHERE id = ?", [OTHER, article_id])
    finally:
        other.close()
    assert _quotes(project, article_id) == _expected(OTHER)


@pytest.mark.parametrize("write", [
    lambda p, a: p.execute("UPDATE articles SET text = ? WHERE id = ?", [OTHER, a]),
    lambda p, a: p.execute(
        "INSERT OR REPLACE INTO articles (id, title, text, fingerprint, created, updated) "
        "SELECT id, title, ?, fingerprint, created, updated FROM articles WHERE id = ?",
        [OTHER, a]),
], ids=["update", "row replaced"])
def test_this_connections_own_write_is_read(project, article_id, write):
    articles.get_article(project, article_id)
    write(project, article_id)
    assert _quotes(project, article_id) == _expected(OTHER)


def test_a_new_text_moves_the_claims_and_gives_its_own_quotes(project, article_id):
    start = TEXT.index("أقوى")
    claim = appearances.create_claim(project, article_id, start, start + 4, "verified")
    articles.get_article(project, article_id)
    new = "مقدمة. " + OTHER
    retext.set_article_text(project, article_id, new)
    moved = appearances.get_appearance(project, claim.id)
    assert moved.start == new.index("أقوى")
    assert articles.quote_at(project, article_id, moved.start, moved.end)[0] == "أقوى"
    again = appearances.create_claim(project, article_id, 0, 5, "verified")
    assert again.quote == "مقدمة"


def test_a_write_rolled_back_leaves_the_text_before_it(project, article_id):
    articles.get_article(project, article_id)
    with pytest.raises(RuntimeError), project.transaction():
        project.execute("UPDATE articles SET text = ? WHERE id = ?", [OTHER, article_id])
        assert articles.get_article(project, article_id).text == OTHER
        assert _quotes(project, article_id) == _expected(OTHER)
        raise RuntimeError("undone")
    assert _quotes(project, article_id) == _expected(TEXT)


def test_a_table_made_again_is_watched_again(project, article_id):
    """Its triggers go with the old table; the schema's version tells, and the next text
    read whole makes them again."""
    articles.get_article(project, article_id)
    conn = project.conn
    conn.execute("CREATE TABLE articles_new AS SELECT * FROM articles")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE articles")
    conn.execute("ALTER TABLE articles_new RENAME TO articles")
    conn.execute("UPDATE articles SET text = ? WHERE id = ?", [OTHER, article_id])
    conn.commit()
    assert _quotes(project, article_id) == _expected(OTHER)
    articles.get_article(project, article_id)
    conn.execute("UPDATE articles SET text = ? WHERE id = ?", [TEXT, article_id])
    conn.commit()
    assert _quotes(project, article_id) == _expected(TEXT)


def test_a_read_only_project_keeps_up_with_its_writer(tmp_path):
    path = tmp_path / "shared.tahqiq"
    writer = Project.open(path, "writer")
    try:
        article_id = articles.add_article(writer, TEXT, "long").id
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        reader = Project(conn, path, "reader", read_only=True)  # as a read-only file opens
        try:
            assert articles.get_article(reader, article_id).text == TEXT
            assert _quotes(reader, article_id) == _expected(TEXT)
            writer.execute("UPDATE articles SET text = ? WHERE id = ?", [OTHER, article_id])
            assert _quotes(reader, article_id) == _expected(OTHER)
        finally:
            reader.close()
    finally:
        writer.close()
