"""article_texts.misplaced (`tahqiq check`, a merge's refusal of places moved off their
words) on an article holding many places: SQLite's substr() read and counted the whole
text for each place, so 50,000 places in a 1 MiB article took 28 s to check and most of
a 30 s merge (rv89). An article with more than 64 is read once, in Python; what is
found is the same either way."""

from __future__ import annotations

import sqlite3

from store.core.article_texts import check_places

WORD = "كلمة "


# The tables check_places() reads, as bare as it reads them.
TABLES = ("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT);"
          "CREATE TABLE claims (id TEXT PRIMARY KEY, deleted TEXT);"
          'CREATE TABLE appearances (id TEXT PRIMARY KEY, claim_id TEXT, article_id TEXT, '
          'start INTEGER, "end" INTEGER, quote TEXT, deleted TEXT, prefix TEXT DEFAULT \'\', '
          "suffix TEXT DEFAULT '');")


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
            conn.execute("INSERT INTO appearances (id, claim_id, article_id, start, "
                         '"end", quote, deleted) VALUES (?, ?, ?, ?, ?, ?, NULL)',
                         (place, place, article, start, start + 4, text[start:start + 4]))
    return conn


def test_a_misplaced_place_is_counted_in_an_article_with_many_places_and_with_few():
    conn = _project({"many": 300, "few": 3}, 2_000)
    assert check_places(conn).misplaced == 0
    conn.execute('UPDATE appearances SET start = start + 1, "end" = "end" + 1 '
                 "WHERE id IN ('many-7', 'few-1')")
    conn.execute("UPDATE appearances SET quote = 'أخرى' WHERE id = 'many-8'")
    assert check_places(conn).misplaced == 3
    assert check_places(conn, ["many-7", "many-9"]).misplaced == 1
    conn.execute("UPDATE claims SET deleted = 'x' WHERE id = 'many-7'")  # not counted
    assert check_places(conn).misplaced == 2



def test_a_false_prefix_or_suffix_is_found_with_the_words_in_one_reading():
    """A live place holding its words with a prefix or suffix another program wrote, not
    the text beside them, is told apart from one off its words, in an article read in
    Python as in one SQLite reads: a merge refuses both, and `tahqiq check` names both
    (rv266); one reading of the places finds them."""
    conn = _project({"many": 300, "few": 3}, 2_000)
    conn.execute("UPDATE appearances SET prefix = iif(start, ?, ''), suffix = ?",
                 [WORD * 2, " " + WORD])
    assert check_places(conn) == (0, None, []) and check_places(conn).misplaced == 0
    conn.execute("UPDATE appearances SET prefix = 'x' || prefix WHERE id IN ('many-5', 'few-0')")
    conn.execute("UPDATE appearances SET suffix = 'nor after' WHERE id = 'few-2'")
    conn.execute('UPDATE appearances SET start = start + 1, "end" = "end" + 1 '
                 "WHERE id = 'many-7'")
    checked = check_places(conn)
    assert (checked.misplaced, checked.misdescribed, checked.off_words) == (1, 3, ["many-7"])
    assert checked.first.startswith("appearances.") and "which is not the text" in checked.first
    assert check_places(conn, ["few-2"]).first == (
        "appearances.suffix holds nor after, which is not the text after its words")


def test_misplaced_is_the_count_of_the_places_off_their_words():
    """PlacesChecked.misplaced was a field always given len(off_words), which could be
    given otherwise (rv278): it is their count."""
    from store.core.article_texts import PlacesChecked

    checked = PlacesChecked(misdescribed=1, first=None, off_words=["a", "b"])
    assert (checked.misplaced, checked.misdescribed) == (2, 1)
    assert "misplaced" not in PlacesChecked._fields
