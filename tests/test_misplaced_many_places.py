"""article_texts.misplaced (`tahqiq check`, a merge's refusal of places moved off their
words) on an article holding many places: SQLite's substr() read and counted the whole
text for each place, so 50,000 places in a 1 MiB article took 28 s to check and most of
a 30 s merge (rv89). An article with more than 64 is read once, in Python; what is
found is the same either way."""

from __future__ import annotations

import sqlite3

from store.core.article_texts import misplaced

WORD = "كلمة "


# The tables misplaced() reads, as bare as it reads them.
TABLES = ("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT);"
          "CREATE TABLE claims (id TEXT PRIMARY KEY, deleted TEXT);"
          'CREATE TABLE appearances (id TEXT PRIMARY KEY, claim_id TEXT, article_id TEXT, '
          'start INTEGER, "end" INTEGER, quote TEXT, deleted TEXT);')


def _project(places_per_article: dict[str, int], text_words: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(TABLES)
    text = WORD * text_words
    for article, count in places_per_article.items():
        conn.execute("INSERT INTO articles VALUES (?, ?)", (article, text))
        for n in range(count):
            start = (n * 97 % text_words) * len(WORD)
            place = f"{article}-{n}"
            conn.execute("INSERT INTO claims VALUES (?, NULL)", (place,))
            conn.execute("INSERT INTO appearances VALUES (?, ?, ?, ?, ?, ?, NULL)",
                         (place, place, article, start, start + 4, text[start:start + 4]))
    return conn


def test_a_misplaced_place_is_counted_in_an_article_with_many_places_and_with_few():
    conn = _project({"many": 300, "few": 3}, 2_000)
    assert misplaced(conn) == 0
    conn.execute('UPDATE appearances SET start = start + 1, "end" = "end" + 1 '
                 "WHERE id IN ('many-7', 'few-1')")
    conn.execute("UPDATE appearances SET quote = 'أخرى' WHERE id = 'many-8'")
    assert misplaced(conn) == 3
    assert misplaced(conn, ["many-7", "many-9"]) == 1
    conn.execute("UPDATE claims SET deleted = 'x' WHERE id = 'many-7'")  # not counted
    assert misplaced(conn) == 2

