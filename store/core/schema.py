"""The project file's schema and its migrations.

``PRAGMA user_version`` holds the schema version; ``PRAGMA application_id``
marks the file as a Tahqiq project so a foreign SQLite file is never mistaken
for one. Each migration moves the schema up by exactly one version and runs in
the same transaction as the version bump, so a file is never half-migrated.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

import resources

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x54514951  # "TQIQ"


def _v1_initial(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "text": str,
            "fingerprint": str,  # SHA-256 of text: the same text is the same article
            "outlet": str,
            "url": str,
            "published": str,
            "language": str,
            "encoding": str,
            "source_name": str,
            "created": str,
            "created_by": str,
            "updated": str,
            "deleted": str,
        },
        pk="id",
        not_null={"title", "text", "fingerprint", "created", "updated"},
        defaults={"outlet": "", "url": "", "published": "", "language": "", "encoding": ""},
    )
    db["articles"].create_index(["fingerprint"])
    db["labels"].create(
        {
            "key": str,
            "name_en": str,
            "name_ar": str,
            "color": str,
            "shortcut": str,
            "description": str,
            "rating": int,
            "position": int,
            "created": str,
            "updated": str,
        },
        pk="key",
        not_null={"name_en", "color", "position"},
        defaults={"name_ar": "", "shortcut": "", "description": "", "rating": 0},
    )
    db["claims"].create(
        {
            "id": str,
            "article_id": str,
            "start": int,
            "end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "label": str,
            "note": str,
            "sources": str,  # JSON array of URLs
            "annotator": str,
            "created": str,
            "updated": str,
            "updated_by": str,
            "deleted": str,  # tombstone: UTC time of deletion, NULL while alive
            "deleted_by": str,
        },
        pk="id",
        not_null={"article_id", "start", "end", "quote", "label", "annotator", "created",
                  "updated"},
        defaults={"prefix": "", "suffix": "", "note": "", "sources": "[]"},
        foreign_keys=[("article_id", "articles", "id"), ("label", "labels", "key")],
    )
    db["claims"].create_index(["article_id", "start"])
    db["reviews"].create(
        {
            "id": str,
            "claim_id": str,
            "reviewer": str,
            "decision": str,  # "accept" | "reject"
            "comment": str,
            "created": str,
        },
        pk="id",
        not_null={"claim_id", "reviewer", "decision", "created"},
        defaults={"comment": ""},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["reviews"].create_index(["claim_id", "created"])
    db["history"].create(
        {
            "id": str,
            "entity": str,  # "article" | "claim" | "label" | "review"
            "entity_id": str,
            "action": str,
            "who": str,
            "at": str,
            "before": str,  # JSON of the record before the change, NULL on create
            "after": str,  # JSON of the record after the change, NULL on purge
        },
        pk="id",
        not_null={"entity", "entity_id", "action", "who", "at"},
    )
    db["history"].create_index(["entity_id", "at"])


# -- v2: project search -----------------------------------------------------------------
# Search runs over *folded* text (store.text.fold): FTS5's own tokenizers split Arabic
# words at harakat and fold none of alef, ta marbuta or Arabic-Indic digits. Folding is
# done in Python by the SQL function tahqiq_fold(), which store.core.sqlfunctions
# registers on every connection a Project opens; the triggers below call it, so every
# writer (the store, merge, CSV import, the command line) keeps the index right inside its
# own transaction.
# Other programs (sqlite3, sqlite-utils, Datasette) can read a project, but their writes
# to articles or claims fail with "no such function: tahqiq_fold" - on purpose: an index
# silently out of step would be worse.
#
# search_entries says what each index row is (an article's text, a claim's quote, a
# claim's note); its id is the rowid of that row in search_index. The trigram tokenizer
# gives substring search, as an editor's "find" does: «معاهده» must find «المعاهدة» and
# «بالمعاهدة», which whole-word tokens cannot. Full detail (positions) lets a term match
# as a phrase of trigrams inside the index, so a rare word made of common trigrams costs
# no scan. The folded text is stored too: candidates are confirmed with instr() on it,
# and deletes need no re-folding. Before SQLite 3.34 there is no trigram
# tokenizer: the table is then made with the default one and search scans the text.
SEARCH_TOKENIZE = "trigram case_sensitive 1"
# Appended to every indexed text so that each character, even the last, starts a
# trigram: a term of one or two characters is then found through the trigrams it
# begins (store.core.search). Terms never contain a newline, so it cannot be matched.
SEARCH_BODY_END = "\n\n"
_BODY_END_SQL = "char(10, 10)"  # SEARCH_BODY_END in SQL

_SEARCH_SOURCES = {
    # kind: (table, text column, article id column, condition for being indexed)
    "article": ("articles", "text", "id", "{r}.deleted IS NULL"),
    "quote": ("claims", "quote", "article_id", "{r}.deleted IS NULL"),
    "note": ("claims", "note", "article_id", "{r}.deleted IS NULL AND trim({r}.note) <> ''"),
}


def _drop_search_triggers(db: sqlite_utils.Database, table: str) -> None:
    """Drop the three triggers keeping the search index in step with *table*."""
    for event in ("insert", "update", "delete"):
        db.conn.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")


def _search_unindex(kind: str, ref: str) -> str:
    return (f"DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_entries "
            f"WHERE kind = '{kind}' AND ref_id = {ref}); "
            f"DELETE FROM search_entries WHERE kind = '{kind}' AND ref_id = {ref}; ")


def _search_index(kind: str) -> str:
    table, column, article, live = _SEARCH_SOURCES[kind]
    return (f"INSERT INTO search_entries (kind, ref_id, article_id) "
            f"SELECT '{kind}', new.id, new.{article} WHERE {live.format(r='new')}; "
            f"INSERT INTO search_index (rowid, body) SELECT id, "
            f"tahqiq_fold(new.{column}) || {_BODY_END_SQL} FROM search_entries "
            f"WHERE kind = '{kind}' AND ref_id = new.id; ")


def _search_tables() -> tuple[str, str]:
    """The search index as SQLite keeps its statement: with the trigram tokenizer, or (an
    SQLite without it) the default one."""
    return ("CREATE VIRTUAL TABLE search_index USING fts5(body, "
            f"tokenize='{SEARCH_TOKENIZE}')",
            "CREATE VIRTUAL TABLE search_index USING fts5(body)")


def _v2_search_index(db: sqlite_utils.Database) -> None:
    execute = db.conn.execute
    execute("CREATE TABLE search_entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
            "ref_id TEXT NOT NULL, article_id TEXT NOT NULL, UNIQUE (kind, ref_id))")
    try:
        execute(_search_tables()[0])
    except sqlite3.OperationalError as exc:
        if "tokenizer" not in str(exc):
            raise
        execute(_search_tables()[1])
    for table, kinds in (("articles", ("article",)), ("claims", ("quote", "note"))):
        # INSERT OR REPLACE fires the delete trigger for the row it replaces only with
        # recursive_triggers on, which store.core.sqlfunctions.register_functions sets.
        fresh = "".join(_search_index(k) for k in kinds)
        gone = "".join(_search_unindex(k, "old.id") for k in kinds)
        columns = {c for k in kinds for c in (_SEARCH_SOURCES[k][1], _SEARCH_SOURCES[k][2])}
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in sorted(columns | {"id"}))
        execute(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
                f"BEGIN {fresh}END")
        execute(f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} "
                f"WHEN {changed} OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
                f"BEGIN {gone}{fresh}END")
        execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} "
                f"BEGIN {gone}END")
    for kind, (table, column, article, live) in _SEARCH_SOURCES.items():
        execute(f"INSERT INTO search_entries (kind, ref_id, article_id) SELECT '{kind}', "
                f"r.id, r.{article} FROM {table} r WHERE {live.format(r='r')} ORDER BY r.rowid")
        execute(f"INSERT INTO search_index (rowid, body) SELECT e.id, "
                f"tahqiq_fold(r.{column}) || {_BODY_END_SQL} FROM search_entries e "
                f"JOIN {table} r ON r.id = e.ref_id WHERE e.kind = '{kind}' ORDER BY e.id")


# -- v3: quotes derived from their article, notes indexed later --------------------------
# A claim's quote is a piece of its article's text, which is indexed already: store.core.search
# finds quote hits among the article's hits, so quotes leave the index. A claim's note is
# no longer folded and indexed by the trigger that writes the claim - at 50,000 notes that
# was most of a merge's time. The claims triggers only queue the claim's id in
# search_pending (plain SQL, no Python function: other programs can write claims again);
# store.core.search indexes what is queued before it searches (search.catch_up). Removing a
# note from the index stays immediate, so the index never holds a note that is gone.
_V3_UNINDEX_NOTE = (
    "DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_entries "
    "WHERE kind = 'note' AND ref_id = {ref}); "
    "DELETE FROM search_entries WHERE kind = 'note' AND ref_id = {ref}; ")
_V3_QUEUE_NOTE = (
    "INSERT OR IGNORE INTO search_pending (claim_id) SELECT new.id "
    "WHERE new.deleted IS NULL AND trim(new.note) <> ''; ")


def _v3_pending_notes(db: sqlite_utils.Database) -> None:
    execute = db.conn.execute
    _drop_search_triggers(db, "claims")
    execute("DELETE FROM search_index WHERE rowid IN "
            "(SELECT id FROM search_entries WHERE kind = 'quote')")
    execute("DELETE FROM search_entries WHERE kind = 'quote'")
    # Claims whose note waits to be indexed, in the order they were written (rowid).
    execute("CREATE TABLE search_pending (claim_id TEXT PRIMARY KEY)")
    # The notes already indexed stay as they are. On insert, a row still indexed under
    # the same id (an INSERT OR REPLACE without recursive triggers, from another
    # program) is queued too, so that catching up replaces it.
    execute("CREATE TRIGGER search_claims_insert AFTER INSERT ON claims "
            "WHEN new.deleted IS NULL AND trim(new.note) <> '' OR EXISTS (SELECT 1 FROM "
            "search_entries WHERE kind = 'note' AND ref_id = new.id) "
            "BEGIN INSERT OR IGNORE INTO search_pending (claim_id) VALUES (new.id); END")
    execute("CREATE TRIGGER search_claims_update AFTER UPDATE ON claims "
            "WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id "
            "OR old.note IS NOT new.note OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
            f"BEGIN {_V3_UNINDEX_NOTE.format(ref='old.id')}{_V3_QUEUE_NOTE}END")
    execute("CREATE TRIGGER search_claims_delete AFTER DELETE ON claims "
            f"BEGIN {_V3_UNINDEX_NOTE.format(ref='old.id')}"
            "DELETE FROM search_pending WHERE claim_id = old.id; END")


# -- v4: a claim appears in many places; project settings; dismissed suggestions ----------
# A claim (verdict, note, sources, reviews, history) can appear in several spans, in any
# article. The spans move to their own table, appearances; every existing claim keeps its
# id and becomes a claim with one appearance whose id is the claim's, so exports, reviews
# and colleagues' files go on naming the same things.
_CLAIM_V4 = {"id": str, "label": str, "note": str, "sources": str, "annotator": str,
             "created": str, "updated": str, "updated_by": str, "deleted": str,
             "deleted_by": str}
_APPEARANCE_V4 = {"id": str, "claim_id": str, "article_id": str, "start": int, "end": int,
                  "quote": str, "annotator": str, "created": str, "updated": str,
                  "prefix": str, "suffix": str, "updated_by": str, "deleted": str,
                  "deleted_by": str}


def _v4_appearances(db: sqlite_utils.Database) -> None:
    execute = db.conn.execute
    db["appearances"].create(
        _APPEARANCE_V4, pk="id",
        not_null={"claim_id", "article_id", "start", "end", "quote", "annotator", "created",
                  "updated"},
        defaults={"prefix": "", "suffix": ""},
        foreign_keys=[("claim_id", "claims", "id"), ("article_id", "articles", "id")])
    names = ", ".join(f'"{c}"' for c in _APPEARANCE_V4)
    execute(f"INSERT INTO appearances ({names}) SELECT id, id, article_id, start, \"end\", "
            "quote, annotator, created, updated, prefix, suffix, updated_by, deleted, "
            "deleted_by FROM claims ORDER BY rowid")
    _drop_search_triggers(db, "claims")
    # SQLite's way to change a table (ALTER TABLE, "other kinds of table schema changes"):
    # make the new one, copy, drop the old one, rename. Foreign keys are off meanwhile
    # (Project._migrate) and checked before the migration commits.
    db["claims_v4"].create(
        _CLAIM_V4, pk="id", not_null={"label", "annotator", "created", "updated"},
        defaults={"note": "", "sources": "[]"}, foreign_keys=[("label", "labels", "key")])
    names = ", ".join(f'"{c}"' for c in _CLAIM_V4)
    execute(f"INSERT INTO claims_v4 ({names}) SELECT {names} FROM claims ORDER BY rowid")
    execute("DROP TABLE claims")
    execute("ALTER TABLE claims_v4 RENAME TO claims")
    db["appearances"].create_index(["article_id", "start"])
    db["appearances"].create_index(["claim_id"])
    # The note triggers of v3, on the new claims table.
    execute("CREATE TRIGGER search_claims_insert AFTER INSERT ON claims "
            "WHEN new.deleted IS NULL AND trim(new.note) <> '' OR EXISTS (SELECT 1 FROM "
            "search_entries WHERE kind = 'note' AND ref_id = new.id) "
            "BEGIN INSERT OR IGNORE INTO search_pending (claim_id) VALUES (new.id); END")
    execute("CREATE TRIGGER search_claims_update AFTER UPDATE OF id, note, deleted ON claims "
            "WHEN old.id IS NOT new.id "
            "OR old.note IS NOT new.note OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
            f"BEGIN {_V3_UNINDEX_NOTE.format(ref='old.id')}{_V3_QUEUE_NOTE}END")
    execute("CREATE TRIGGER search_claims_delete AFTER DELETE ON claims "
            f"BEGIN {_V3_UNINDEX_NOTE.format(ref='old.id')}"
            "DELETE FROM search_pending WHERE claim_id = old.id; END")
    # Only a change of an article's text (or its id, or a deletion) needs tahqiq_fold: an
    # UPDATE OF trigger is left out of statements that set other columns, so other
    # programs (sqlite-utils, Datasette) can edit a title without Tahqiq's function.
    fresh, gone = _search_index("article"), _search_unindex("article", "old.id")
    execute("DROP TRIGGER IF EXISTS search_articles_update")
    execute("CREATE TRIGGER search_articles_update AFTER UPDATE OF id, text, deleted "
            "ON articles WHEN old.id IS NOT new.id OR old.text IS NOT new.text "
            "OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
            f"BEGIN {gone}{fresh}END")
    # The project's own settings (the organisation publishing its fact-checks...).
    db["settings"].create({"key": str, "value": str, "updated": str, "updated_by": str},
                          pk="key", not_null={"value", "updated"})
    # Suggestions a checker dismissed: never suggested again for that span. The id is
    # made from what was dismissed, so colleagues dismissing the same meet in a merge.
    db["dismissals"].create(
        {"id": str, "article_id": str, "claim_id": str, "start": int, "end": int,
         "who": str, "at": str}, pk="id",
        not_null={"article_id", "claim_id", "start", "end", "who", "at"})
    db["dismissals"].create_index(["article_id"])


# -- v5: indexes for what a big project reads often ------------------------------------
# The article list (start-up, after every import): its columns live after each article's
# text in the row, so reading them walks every overflow page of every text - 250 MB for
# 50,000 articles. A covering index of the live articles, in list order, answers the list
# without touching a text. An article's live places (store.core.appearances.list_places:
# opening an article, counting its claims) come from an index of the live appearances in
# reading order and one of the live claims' labels, without reading a row.
ARTICLE_LIST_COLUMNS = ("id", "title", "outlet", "url", "published", "language", "encoding",
                        "fingerprint")


def _v5_list_indexes(db: sqlite_utils.Database) -> None:
    # "deleted" too: SQLite reads a partial index as covering only if it holds every
    # column the query names, its WHERE included.
    columns = ", ".join(f'"{c}"' for c in ("created", *ARTICLE_LIST_COLUMNS, "deleted"))
    db.conn.execute(f"CREATE INDEX articles_live_list ON articles ({columns}) "
                    "WHERE deleted IS NULL")
    db.conn.execute('CREATE INDEX appearances_live ON appearances (article_id, start, "end", '
                    "created, id, claim_id, annotator, deleted) WHERE deleted IS NULL")
    db.conn.execute("CREATE INDEX claims_live ON claims (id, label, deleted) "
                    "WHERE deleted IS NULL")


# -- v6: a long article is indexed in parts ----------------------------------------------
# FTS5 keeps every token of the row it is indexing in memory until the row is done: a
# 48 MiB article took about 250 MB. An article's text is now indexed in parts of
# SEARCH_PART_CHARS code points, each row holding its part and SEARCH_PART_OVERLAP
# characters either side of it (part_text_sql), so that a term of up to that length
# starting in a part is whole in its row and a word start can be told at the
# part's first character; a hit belongs to the part it starts in. search_entries.part
# numbers the rows of one text. A text shorter than a part is one row, as before.
SEARCH_PART_CHARS = 1_000_000
SEARCH_PART_OVERLAP = 1_000


def _parts_sql(text: str) -> str:
    """The part numbers of *text*, 0 to (length - 1) // SEARCH_PART_CHARS, as rows of
    json_each (their ``key``): a trigger cannot hold a WITH clause to count with."""
    return (f"json_each(printf('[%s0]', replace(hex(zeroblob((length({text}) - 1) / "
            f"{SEARCH_PART_CHARS})), '00', '0,')))")


def part_text_sql(text: str, part: str) -> str:
    """Part *part* of *text*, ``[part * SEARCH_PART_CHARS, (part + 1) * SEARCH_PART_CHARS)``,
    with up to SEARCH_PART_OVERLAP characters either side (SQL)."""
    size, overlap = SEARCH_PART_CHARS, SEARCH_PART_OVERLAP
    return (f"substr({text}, max({part} * {size} - {overlap}, 0) + 1, "
            f"{size + overlap} + min({part} * {size}, {overlap}))")


_V6_INDEX_ARTICLE = (
    "INSERT INTO search_entries (kind, ref_id, article_id, part) "
    f"SELECT 'article', new.id, new.id, key FROM {_parts_sql('new.text')} "
    "WHERE new.deleted IS NULL AND length(new.text) > 0 ORDER BY key; "
    "INSERT INTO search_index (rowid, body) SELECT id, "
    f"tahqiq_fold({part_text_sql('new.text', 'part')}) || {_BODY_END_SQL} "
    "FROM search_entries WHERE kind = 'article' AND ref_id = new.id ORDER BY id; ")


def _v6_article_parts(db: sqlite_utils.Database) -> None:
    execute = db.conn.execute
    _drop_search_triggers(db, "articles")
    execute("CREATE TABLE search_entries_v6 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
            "ref_id TEXT NOT NULL, article_id TEXT NOT NULL, part INTEGER NOT NULL DEFAULT 0, "
            "UNIQUE (kind, ref_id, part))")
    execute("INSERT INTO search_entries_v6 (id, kind, ref_id, article_id) "
            "SELECT id, kind, ref_id, article_id FROM search_entries ORDER BY id")
    execute("DROP TABLE search_entries")
    # The claims' note triggers name search_entries, missing for a moment: the rename
    # must not check them (they name the table it makes).
    execute("PRAGMA legacy_alter_table = ON")
    try:
        execute("ALTER TABLE search_entries_v6 RENAME TO search_entries")
    finally:
        execute("PRAGMA legacy_alter_table = OFF")
    gone = _search_unindex("article", "old.id")
    execute(f"CREATE TRIGGER search_articles_insert AFTER INSERT ON articles "
            f"BEGIN {_V6_INDEX_ARTICLE}END")
    execute("CREATE TRIGGER search_articles_update AFTER UPDATE OF id, text, deleted "
            "ON articles WHEN old.id IS NOT new.id OR old.text IS NOT new.text "
            "OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
            f"BEGIN {gone}{_V6_INDEX_ARTICLE}END")
    execute(f"CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN {gone}END")
    # A text longer than a part was one row: it is indexed again, in parts.
    long_ones = (f"SELECT id FROM articles WHERE deleted IS NULL "
                 f"AND length(text) > {SEARCH_PART_CHARS}")
    execute("DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_entries "
            f"WHERE kind = 'article' AND ref_id IN ({long_ones}))")
    execute(f"DELETE FROM search_entries WHERE kind = 'article' AND ref_id IN ({long_ones})")
    first_new = execute("SELECT coalesce(max(id), 0) FROM search_entries").fetchone()[0]
    execute("INSERT INTO search_entries (kind, ref_id, article_id, part) "
            f"SELECT 'article', a.id, a.id, key FROM articles a, {_parts_sql('a.text')} "
            f"WHERE a.id IN ({long_ones}) ORDER BY a.rowid, key")
    execute("INSERT INTO search_index (rowid, body) SELECT e.id, "
            f"tahqiq_fold({part_text_sql('a.text', 'e.part')}) || {_BODY_END_SQL} "
            "FROM search_entries e JOIN articles a ON a.id = e.ref_id WHERE e.id > ? "
            "ORDER BY e.id", [first_new])


# -- v7: a long article is stored in parts -----------------------------------------------
# SQLite holds a value it writes in memory twice, the value and the row's record: a 48 MiB
# Windows-1256 file is 90 MB of UTF-8 and took 220 MB to store in one row. A text imported
# in pieces (store.core.articles.add_article_pieces) that is longer than one part of the
# search index is stored as those parts, one row each in article_pieces, and its
# articles.text is empty - an article's text is never empty otherwise (importing refuses
# an empty one). store.core.long_texts writes and reads them; the index's window of a part
# is the piece with SEARCH_PART_OVERLAP characters of each neighbour, which is what
# part_text_sql gives of the same text stored whole, so both index alike.
def piece_window_sql(article: str, part: str) -> str:
    """The window of part *part* of article *article*'s text stored in pieces (SQL)."""
    def piece(what: str, which: str) -> str:
        return (f"(SELECT {what} FROM article_pieces WHERE article_id = {article} "
                f"AND part = {which})")
    overlap = SEARCH_PART_OVERLAP
    return (f"coalesce({piece(f'substr(text, -{overlap})', f'{part} - 1')}, '') || "
            f"{piece('text', part)} || "
            f"coalesce({piece(f'substr(text, 1, {overlap})', f'{part} + 1')}, '')")


INDEXED_WINDOW_SQL = (f"coalesce(nullif({part_text_sql('a.text', 'e.part')}, ''), "
                      f"{piece_window_sql('a.id', 'e.part')})")
"""The text index row ``e`` (search_entries) of article ``a`` was made of (SQL): the
window of its part, of the text or of its pieces if it is stored in them."""


# The index rows are written in the order of the entries' (kind, ref_id, part) index:
# ORDER BY id, which v6 wrote, made SQLite sort them, holding every part's folded text.
_V7_INDEX_ARTICLE = (
    "INSERT INTO search_entries (kind, ref_id, article_id, part) "
    f"SELECT 'article', new.id, new.id, key FROM {_parts_sql('new.text')} "
    "WHERE new.deleted IS NULL AND length(new.text) > 0 ORDER BY key; "
    "INSERT INTO search_entries (kind, ref_id, article_id, part) "
    "SELECT 'article', new.id, new.id, part FROM article_pieces WHERE article_id = new.id "
    "AND new.deleted IS NULL AND new.text = '' ORDER BY part; "
    "INSERT INTO search_index (rowid, body) SELECT e.id, "
    f"tahqiq_fold(CASE WHEN new.text = '' THEN {piece_window_sql('new.id', 'e.part')} "
    f"ELSE {part_text_sql('new.text', 'e.part')} END) || {_BODY_END_SQL} "
    "FROM search_entries e WHERE e.kind = 'article' AND e.ref_id = new.id ORDER BY e.part; ")


def _v7_article_pieces(db: sqlite_utils.Database) -> None:
    execute = db.conn.execute
    execute("CREATE TABLE article_pieces (article_id TEXT NOT NULL, part INTEGER NOT NULL, "
            "text TEXT NOT NULL, PRIMARY KEY (article_id, part))")
    for event in ("insert", "update", "delete"):  # (a file changed by hand may lack one)
        execute(f"DROP TRIGGER IF EXISTS search_articles_{event}")
    gone = _search_unindex("article", "old.id")
    execute(f"CREATE TRIGGER search_articles_insert AFTER INSERT ON articles "
            f"BEGIN {_V7_INDEX_ARTICLE}END")
    execute("CREATE TRIGGER search_articles_update AFTER UPDATE OF id, text, deleted "
            "ON articles WHEN old.id IS NOT new.id OR old.text IS NOT new.text "
            "OR (old.deleted IS NULL) IS NOT (new.deleted IS NULL) "
            f"BEGIN {gone}{_V7_INDEX_ARTICLE}END")
    execute(f"CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN {gone}END")


# -- v8: each article's longest place, looked up ----------------------------------------
# Search tells a hit's claim by the places starting within the article's longest place
# before the hit (store.core.search._claims_holding): the longest was the max over every
# live place of the article, read on every search. An index of the places by length
# answers it with one look.
def _v8_place_lengths(db: sqlite_utils.Database) -> None:
    db.conn.execute('CREATE INDEX appearances_live_length ON appearances (article_id, '
                    '"end" - start) WHERE deleted IS NULL')


# -- v9: the verdict a review was of ---------------------------------------------------------
# A review accepts or rejects the verdict the claim had when it was reviewed; once the
# verdict changes, that review no longer speaks for the claim (store.review.reviews.stands).
# reviews.label is the claim's label the reviewer saw. Reviews written before v9 recorded
# none: their label stays NULL, read as "of whatever the claim says now" - filling it in
# here from each copy's claims would give one review different verdicts in colleagues'
# copies, which a merge (copying reviews by id) would never reconcile.
def _v9_reviewed_label(db: sqlite_utils.Database) -> None:
    db.conn.execute("ALTER TABLE reviews ADD COLUMN label TEXT")


# -- v10: notes indexed only up to a NUL, indexed again -------------------------------------
# FTS5 reads what it indexes only up to a NUL, so a note holding one (another program may
# write one) was found only up to it. tahqiq_fold now gives a NUL as a line break
# (store.core.sqlfunctions), but a note indexed before kept its cut-off row until it
# changed. The live notes holding a NUL are queued again (search.catch_up replaces what is
# indexed under a queued id): one read of the notes when a file is upgraded, and none on
# any later open. Nothing is folded here; the next search (or catch-up) does it.
def _v10_notes_past_a_nul(db: sqlite_utils.Database) -> None:
    db.conn.execute("INSERT OR IGNORE INTO search_pending (claim_id) SELECT id FROM claims "
                    "WHERE deleted IS NULL AND instr(CAST(note AS BLOB), x'00') > 0 "
                    "ORDER BY rowid")


# -- v11: a hamza's seat and the Arabic signs of figures folded ----------------------------
# store.text.fold now folds ؤ and ئ into ء (مسؤول and مسئول are one word) and ٪ ٫ ٬ into
# % . , : a body indexed before holds them as they were, and a search for one spelling
# found only that one. The bodies holding one are found in SQL (the index keeps them) and
# folded again, the articles' parts here; the notes are queued for search.catch_up, as v10
# queued its own. No other body is folded again: on news text, a few in a hundred.
_V11_NEWLY_FOLDED = "\u0624\u0626\u066a\u066b\u066c"  # ؤ ئ ٪ ٫ ٬
_REFOLD_BATCH = 500  # article parts folded again per statement


def _v11_hamza_seats(db: sqlite_utils.Database) -> None:
    _fold_again(db, _V11_NEWLY_FOLDED)


def _fold_again(db: sqlite_utils.Database, newly_folded: str) -> None:
    """Fold again the index's bodies holding one of *newly_folded* (characters the fold
    of an earlier schema kept as they were): the articles' parts here, the notes queued
    for search.catch_up."""
    execute = db.conn.execute
    holding = " OR ".join(f"instr(i.body, '{ch}') > 0" for ch in newly_folded)
    stale = ("SELECT e.{column} FROM search_entries e JOIN search_index i ON i.rowid = e.id "
             f"WHERE e.kind = ? AND ({holding}) ORDER BY e.id")
    execute("INSERT OR IGNORE INTO search_pending (claim_id) "
            + stale.format(column="ref_id"), ["note"])
    parts = [row[0] for row in execute(stale.format(column="id"), ["article"])]
    for at in range(0, len(parts), _REFOLD_BATCH):
        batch = parts[at:at + _REFOLD_BATCH]
        marks = ", ".join("?" * len(batch))
        execute(f"DELETE FROM search_index WHERE rowid IN ({marks})", batch)
        execute("INSERT INTO search_index (rowid, body) SELECT e.id, "
                f"tahqiq_fold({INDEXED_WINDOW_SQL}) || {_BODY_END_SQL} FROM search_entries e "
                f"JOIN articles a ON a.id = e.ref_id WHERE e.id IN ({marks}) ORDER BY e.id",
                batch)


# -- v12: typeset apostrophes and dashes, and the soft hyphen, folded ----------------------
# store.text.fold now folds ’ ‘ ʼ into ' and the hyphens, en dash and minus into -, and
# drops the soft hyphen (U+00AD, invisible): «don't» did not find «don’t», nor «الرئيس»
# a «الرئ­يس» a word processor had broken. Bodies holding one are folded again, as in v11.
_V12_NEWLY_FOLDED = "\u2018\u2019\u02bc\u2010\u2011\u2012\u2013\u2212\u00ad"


def _v12_apostrophes_and_dashes(db: sqlite_utils.Database) -> None:
    _fold_again(db, _V12_NEWLY_FOLDED)


# -- v13: Urdu's and Persian's hehs, and the hamza marks, folded -------------------------
# store.text.fold now folds ہ ھ ۃ ۀ ۂ into ه (ۓ into ے) and drops the hamza marks above and below
# (U+0654, U+0655: the Persian ezafe «خانهٔ»): «پہنچ» did not find «پهنچ», nor «خانه» the
# ezafe. Bodies holding one are folded again, as in v11.
_V13_NEWLY_FOLDED = "\u06c1\u06be\u06c3\u06c0\u06c2\u06d3\u0654\u0655"


def _v13_urdu_and_persian_hehs(db: sqlite_utils.Database) -> None:
    _fold_again(db, _V13_NEWLY_FOLDED)


# -- v14: notes and review comments kept as they are kept now ----------------------------
# A note an older Tahqiq kept as it was given (before rv101: «\r\n», a control character,
# an override), or a review comment (before rv239), stayed so in its own project, while a
# merge gives a colleague each as it is kept now (store.exchange.merge): two copies merged
# both ways differed for good, and the project's own CSV merged back was said to differ
# (rv256). Each is made as it is kept (tahqiq_note, tahqiq_comment), in its record and in
# a review's history entry, which History tells the review by; a claim's entries are
# versions a merge reads as kept, and are left as they were written. Nothing is stamped
# or told in the history, as no upgrade is: an entry made here, under a new id in each
# copy, would come to every colleague's copy as a change. A note changed is queued for
# the search index by its trigger. Only a text holding a character clean_note may change
# (or a NUL) is cleaned to be compared, in Python: all of them, 1.9 s at 100,000 notes
# with nothing to clean (rv262).
_MAY_CHANGE = ("({c} GLOB :odd OR instr(CAST({c} AS BLOB), x'00') > 0{edges}) "
               "AND {c} IS NOT {f}({c})")


def _v14_notes_as_kept(db: sqlite_utils.Database) -> None:
    from store.text.clean import COMMENT_EDGES, NOTE_NOT_KEPT_GLOB

    execute = db.conn.execute
    odd = {"odd": NOTE_NOT_KEPT_GLOB, "first": f"[{COMMENT_EDGES}]*",
           "last": f"*[{COMMENT_EDGES}]"}
    execute("UPDATE claims SET note = tahqiq_note(note) WHERE " + _MAY_CHANGE.format(
        c="note", f="tahqiq_note", edges=""), odd)
    execute("UPDATE reviews SET comment = tahqiq_comment(comment) WHERE " + _MAY_CHANGE.format(
        c="comment", f="tahqiq_comment",
        edges=" OR comment GLOB :first OR comment GLOB :last"), odd)
    execute("UPDATE history SET after = tahqiq_review_entry(after) WHERE action IN "
            "('review_accept', 'review_reject') AND after IS NOT tahqiq_review_entry(after)")


# -- the indexes a project has -----------------------------------------------------------
# Another program can drop an index (DROP INDEX) and leave the rows as they are: a query
# that names it (INDEXED BY: search, an article's places) then fails with SQLite's "no
# such index", and one that does not reads a whole table instead. Opening a project makes
# those missing again (Project._migrate): they hold nothing that is not in their table.
# Each is given with the schema version whose migration made it. A migration that adds,
# drops or changes an index changes this too (a test compares it with the migrations').
INDEXES = {
    "idx_articles_fingerprint": (1, 'CREATE INDEX "idx_articles_fingerprint" ON "articles" '
                                    '("fingerprint")'),
    "idx_reviews_claim_id_created": (1, 'CREATE INDEX "idx_reviews_claim_id_created" ON '
                                        '"reviews" ("claim_id", "created")'),
    "idx_history_entity_id_at": (1, 'CREATE INDEX "idx_history_entity_id_at" ON "history" '
                                    '("entity_id", "at")'),
    "idx_appearances_article_id_start": (4, 'CREATE INDEX "idx_appearances_article_id_start" '
                                            'ON "appearances" ("article_id", "start")'),
    "idx_appearances_claim_id": (4, 'CREATE INDEX "idx_appearances_claim_id" ON '
                                    '"appearances" ("claim_id")'),
    "idx_dismissals_article_id": (4, 'CREATE INDEX "idx_dismissals_article_id" ON '
                                     '"dismissals" ("article_id")'),
    "articles_live_list": (5, "CREATE INDEX articles_live_list ON articles (" + ", ".join(
        f'"{c}"' for c in ("created", *ARTICLE_LIST_COLUMNS, "deleted"))
        + ") WHERE deleted IS NULL"),
    "appearances_live": (5, 'CREATE INDEX appearances_live ON appearances (article_id, '
                            'start, "end", created, id, claim_id, annotator, deleted) '
                            "WHERE deleted IS NULL"),
    "claims_live": (5, "CREATE INDEX claims_live ON claims (id, label, deleted) "
                       "WHERE deleted IS NULL"),
    "appearances_live_length": (8, "CREATE INDEX appearances_live_length ON appearances "
                                   '(article_id, "end" - start) WHERE deleted IS NULL'),
}


TABLES = {"articles": 1, "labels": 1, "claims": 1, "reviews": 1, "history": 1,
          "search_entries": 2, "search_index": 2, "search_pending": 3, "appearances": 4,
          "settings": 4, "dismissals": 4, "article_pieces": 7}
"""Each table of a project, by the schema version that made it."""

COLUMNS = {
    "articles": [(1, "id title text fingerprint outlet url published language encoding "
                     "source_name created created_by updated deleted")],
    "labels": [(1, "key name_en name_ar color shortcut description rating position created "
                   "updated")],
    "claims": [(1, "id article_id start end quote prefix suffix label note sources annotator "
                   "created updated updated_by deleted deleted_by"),
               (4, "id label note sources annotator created updated updated_by deleted "
                   "deleted_by")],
    "reviews": [(1, "id claim_id reviewer decision comment created"),
                (9, "id claim_id reviewer decision comment created label")],
    "history": [(1, "id entity entity_id action who at before after")],
    "search_entries": [(2, "id kind ref_id article_id"), (6, "id kind ref_id article_id part")],
    "search_pending": [(3, "claim_id")],
    "appearances": [(4, "id claim_id article_id start end quote annotator created updated "
                        "prefix suffix updated_by deleted deleted_by")],
    "settings": [(4, "key value updated updated_by")],
    "dismissals": [(4, "id article_id claim_id start end who at")],
    "article_pieces": [(7, "article_id part text")]}
"""The columns of each of the :data:`TABLES` but the search index: the schema versions
that made the table anew, each with the columns it has from then on (a test checks them
against the migrations')."""

INTEGER_COLUMNS = {"labels": "rating position", "claims": "start end", "appearances": "start end",
                   "dismissals": "start end", "search_entries": "id part", "article_pieces": "part"}
"""The columns of :data:`COLUMNS` Tahqiq makes INTEGER, at every version; the others it
makes TEXT (a test checks them against the migrations')."""


FOREIGN_KEYS = {("claims", "article_id", "articles", "id"), ("claims", "label", "labels", "key"),
                ("reviews", "claim_id", "claims", "id"),
                ("appearances", "article_id", "articles", "id"),
                ("appearances", "claim_id", "claims", "id")}
"""(table, column, the table and column it points at) of each foreign key Tahqiq makes, at
any version (claims.article_id went with its column at schema 4)."""

UNIQUE_KEYS = {("articles", "id"), ("labels", "key"), ("claims", "id"), ("reviews", "id"),
               ("history", "id"), ("search_entries", "kind ref_id"),
               ("search_entries", "kind part ref_id"), ("search_pending", "claim_id"),
               ("appearances", "id"), ("settings", "key"), ("dismissals", "id"),
               ("article_pieces", "article_id part")}
"""(table, its columns in order of name) of each unique index of the :data:`TABLES`
Tahqiq makes, at any version: their primary keys, and what makes a search entry one."""

_KEYS_MADE_AGAIN = {("search_entries", "kind ref_id"): 6}
"""Each of the :data:`UNIQUE_KEYS` a later schema made anew, with the version that did
(schema 6 gave a search entry its part)."""

ROWID_KEYS = {("search_entries", "id")}
"""(table, column) of each INTEGER PRIMARY KEY Tahqiq makes: the row's id under its own
name, which the search index's rows are numbered by."""


@functools.cache
def _keys_made(version: int) -> frozenset[tuple[str, str]]:
    """The :data:`UNIQUE_KEYS` schema *version* makes (worked out once a version: each
    open asks)."""
    made = _columns_made(version)
    return frozenset((table, columns) for table, columns in UNIQUE_KEYS
                     if table in made and set(columns.split()) <= set(made[table])
                     and version < _KEYS_MADE_AGAIN.get((table, columns), version + 1))


def triggers() -> dict[str, list[tuple[int, str]]]:
    """Each trigger of a project: the schema versions that made it anew, each with its SQL
    as that version wrote it (``resources/triggers.json``; the migrations above make them,
    and a test checks the two agree). Compared whole: a digest loaded OpenSSL at every
    start (2 ms of a window's start-up)."""
    return {name: [(since, sql) for since, sql in versions]
            for name, versions in resources.triggers().items()}


def foreign_triggers(conn: sqlite3.Connection, version: int) -> list[str]:
    """What is wrong with the triggers of a project of schema *version*: one Tahqiq did
    not make, or one of its own whose SQL another program changed.

    A trigger runs inside every write it is set on: one in a colleague's file, opened
    here, could change or drop each tag made in it, unseen. The file's schema is checked
    rather than dropped or rewritten (the file is left as it was, and said to be
    changed)."""
    problems: list[str] = []
    if version < 1:  # (refused for its version)
        return problems
    known = triggers()
    for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"):
        versions = known.get(name, [])
        made = [made for since, made in versions if since <= version]
        if made and sql == made[-1]:
            continue
        if not versions:
            problems.append(f"its trigger {name} was not made by Tahqiq")
        elif any(made == sql for since, made in versions if since > version):
            # Tahqiq's, of a later schema: another program lowered the version
            problems.append(f"its tables are not those of schema {version}, the version "
                            "it gives")
        else:
            problems.append(f"its trigger {name} was changed by another program")
    return problems


# What a table's default may be: a value as written (Tahqiq's are '', '[]' and 0).
_LITERAL = re.compile(r"-?\d+(\.\d+)?|'([^']|'')*'|NULL", re.IGNORECASE)
# What a rule cannot be inside: a string, a quoted name (in any of SQLite's four quotings)
# or a comment, taken away in one pass from the left as SQLite reads them (a quote inside
# a comment hid a rule after it) and left as a space (``ON/**/CONFLICT``, rv180).
_QUOTED = re.compile(r"'([^']|'')*'|\"([^\"]|\"\")*\"|`([^`]|``)*`|\[[^\]]*\]"
                     r"|--[^\n]*|/\*.*?(\*/|\Z)", re.DOTALL)
# A rule SQLite applies inside every write: a CHECK; a constraint's own conflict clause
# (``UNIQUE (…) ON CONFLICT REPLACE``: each tag deleted the one before it) or a foreign
# key's action (``ON DELETE CASCADE``), which delete and rewrite rows as a trigger would
# (rv130); AUTOINCREMENT, which writes sqlite_sequence at each insert (written into
# search_entries' SQL by hand, with no sqlite_sequence, each search and import failed
# «database disk image is malformed», rv194). Tahqiq's tables have none.
_RULE = re.compile(r"\bCHECK\s*\(|\bON\s+(CONFLICT|DELETE|UPDATE)\b|\bAUTOINCREMENT\b",
                   re.IGNORECASE)
# A table made WITHOUT ROWID (its options follow its last parenthesis): merge and the
# search index read each row's rowid, and a merge of it failed, «no such column: h.rowid»
# (rv189). The SQL is read, not pragma_table_list (SQLite 3.37 on), already read here;
# SQLite's own search index makes two of its tables so.
_WITHOUT_ROWID = re.compile(r"\bWITHOUT\s+ROWID\b[^)]*\Z", re.IGNORECASE)


Columns = list[tuple[str, str, str, str | None, int, int]]


def table_columns(conn: sqlite3.Connection) -> Columns:
    """(table, column, declared type, default, hidden, place in the primary key) of every
    column of a project's tables but the virtual ones, in one read (a read a table and two
    an index took 0.7 ms of every opening): what :func:`foreign_expressions`,
    :func:`missing_columns` and :func:`retyped_columns` look at."""
    return conn.execute(
        "SELECT t.name, c.name, c.type, c.dflt_value, c.hidden, c.pk FROM sqlite_master t, "
        "pragma_table_xinfo(t.name) c WHERE t.type = 'table' AND t.sql IS NOT NULL "
        "AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY t.name, c.cid").fetchall()


def foreign_expressions(conn: sqlite3.Connection, columns: Columns) -> list[str]:
    """What in a project's tables another program made to be worked out by SQLite: a
    computed (generated) column, a rule (a CHECK, a conflict clause, a foreign key's
    action), a table of Tahqiq's made without row ids, a default that is an expression, an index
    on an expression or of some rows only that Tahqiq did not make, a search index of
    another kind than Tahqiq's. Tahqiq makes none of the first three.

    SQLite works these out as it reads or checks the file: a colleague's file of 168 KB
    with a note computed as 300 million characters was taken into this project by a
    merge, 300 MB, and one whose column cost a second a row held an open or a merge for
    half an hour, Cancel and Ctrl+C waiting on it (rv84). Asked before SQLite's own check
    of the file, which computes them too; a few reads of the schema."""
    problems: list[str] = []
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                  "AND sql IS NOT NULL ORDER BY name"):
        if sql.upper().startswith("CREATE VIRTUAL TABLE"):
            if name == "search_index" and sql not in _search_tables():
                problems.append(f"its table {name} was not made by Tahqiq")  # (others: unread)
        elif name == "search_index":  # an ordinary table: every search found nothing (rv194)
            problems.append(f"its table {name} was not made by Tahqiq")
        elif _RULE.search(bare := _QUOTED.sub(" ", sql)):
            problems.append(f"its table {name} has a rule another program added")
        elif name in TABLES and _WITHOUT_ROWID.search(bare):
            problems.append(f"its table {name} was made without its row ids")
    # Every table's *columns* (table_columns); an index only if it is not as Tahqiq
    # makes it.
    for table, column, _type, default, hidden, _pk in columns:
        if hidden in (2, 3):
            problems.append(f"its table {table} has a column {column} another program made "
                            "computed")
        elif default is not None and not _LITERAL.fullmatch(default.strip()):
            problems.append(f"its table {table} has a column {column} another program gave "
                            "a computed default")
    for name, table, sql in conn.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                         "WHERE type = 'index' AND sql IS NOT NULL "
                                         "ORDER BY name"):
        if " ".join(sql.split()) == " ".join(INDEXES.get(name, (0, ""))[1].split()):
            continue
        partial = any(row[1] == name and row[4] for row in conn.execute(
            "SELECT * FROM pragma_index_list(?)", [table]))
        if partial or any(row[1] == -2 for row in conn.execute(
                "SELECT * FROM pragma_index_xinfo(?)", [name])):
            problems.append(f"its index {name} was not made by Tahqiq")
    return problems


def foreign_constraints(conn: sqlite3.Connection, version: int | None = None) -> list[str]:
    """Each foreign key, and each unique index of the :data:`TABLES` (a primary key, a
    UNIQUE constraint or index), that Tahqiq did not make: another program added it, with
    no action, and each write it refuses failed (every tag, a second review of a claim),
    while `tahqiq check` found no damage (rv189). And each of the :data:`UNIQUE_KEYS` the
    file's schema version makes that a table of it lacks: another program made the table
    again without it (CREATE TABLE … AS SELECT, a tool's "modify table"), and every tag
    failed, «foreign key mismatch», or a merge, its ON CONFLICT matching no key (rv194).
    Two reads, each of every table, and the version (*version*, else the file's)."""
    keys = conn.execute(
        'SELECT t.name, f."from", f."table", f."to" FROM sqlite_master t, '
        "pragma_foreign_key_list(t.name) f WHERE t.type = 'table' ORDER BY t.name").fetchall()
    problems = [f"its table {row[0]} has a foreign key another program added"
                for row in keys if row not in FOREIGN_KEYS]
    unique: dict[tuple[str, str | None], list[str]] = {}
    for table, index, column, collation in conn.execute(  # (each table, a key or none)
            "SELECT t.name, i.name, c.name, c.coll FROM sqlite_master t "
            'LEFT JOIN pragma_index_list(t.name) i ON i."unique" '
            "LEFT JOIN pragma_index_xinfo(i.name) c ON c.key WHERE t.type = 'table' "
            "ORDER BY t.name, i.name"):
        columns = unique.setdefault((table, index), [])
        if index is not None:
            columns.append(f"{column} {collation}" if collation != "BINARY" else str(column))
    made = {(table, " ".join(sorted(columns))) for (table, index), columns in unique.items()
            if index is not None}
    present = {table for table, _ in unique}
    if version is None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    ours, tables = _keys_made(version), _columns_made(version)
    later = {table for table, columns in made  # (another program lowered the version)
             if table in tables and (table, columns) in UNIQUE_KEYS - ours}
    lowered = [f"its tables are not those of schema {version}, the version it gives"]
    return problems + [
        f"its table {table} has a unique index another program added"
        for table, columns in sorted(made) if table in TABLES
        and (table, columns) not in UNIQUE_KEYS] + (lowered if later else []) + [
        f"its table {table} lacks its unique key ({', '.join(columns.split())})"
        for table, columns in sorted(ours)
        if table in present and table not in later and (table, columns) not in made]


# The tables SQLite's search index keeps itself in (FTS5's shadow tables, for the options
# _search_tables gives): one dropped, every search and every relabel failed, «vtable
# constructor failed» (rv194).
_SEARCH_SHADOWS = tuple(f"search_index_{part}"
                        for part in ("data", "idx", "content", "docsize", "config"))


def missing_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    """The names of the :data:`TABLES` a project of schema *version* should have and
    lacks (another program dropped one: every command reading it failed), and of the
    tables its search index keeps itself in."""
    present = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    shadows = _SEARCH_SHADOWS if TABLES["search_index"] <= version else ()
    return [name for name, since in TABLES.items() if since <= version and name not in present
            ] + [name for name in shadows if name not in present]


def unmarked_version(conn: sqlite3.Connection, columns: Columns) -> tuple[int, list[str]]:
    """The schema version of a project that lost the marks naming it one (application id
    and version 0: sqlite3's .dump and .clone keep neither), from its tables, triggers and
    indexes (*columns*: table_columns); else 0, with what keeps it from the nearest one.

    Asked newest first; of versions alike (9 to 14: READABLE_SINCE) the oldest, whose
    upgrades fold the search index again where a later fold would differ (none when the
    file was already folded so: v10 to v13 re-fold only bodies holding what they fold)
    and keep notes and comments as now (v14: none when they are so already)."""
    found, nearest = 0, []
    for version in range(SCHEMA_VERSION, 0, -1):
        if problems := _unlike(conn, columns, version):
            if found:
                break
            if not nearest or len(problems) < len(nearest):
                nearest = problems
        else:
            found = version
    return found, [] if found else nearest[:1]


def _unlike(conn: sqlite3.Connection, columns: Columns, version: int) -> list[str]:
    """What of a file's schema is not schema *version*'s: a table, column, index or
    trigger it lacks or only a later version makes, or one another program made."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    later = ([f"table {name}" for name, since in TABLES.items() if since > version
              and name in present]
             + [f"table {name}" for name in _SEARCH_SHADOWS
                if TABLES["search_index"] > version and name in present]
             + [f"index {name}" for name, (since, _) in INDEXES.items() if since > version
                and name in present])
    return ([f"its table {name} is missing" for name in missing_tables(conn, version)]
            + [f"its table {table} lacks its column {column}"
               for table, column in missing_columns(columns, version)]
            + [f"its {kind_name} is of a later schema" for kind_name in later]
            + [f"its table {table} has its column {column} of a later schema"
               for table, column in later_columns(columns, version)]
            + [f"its index {name} is missing" for name in missing_indexes(conn, version)]
            + [f"its trigger {name} is missing" for name in missing_triggers(conn, version)]
            + foreign_triggers(conn, version) + foreign_constraints(conn, version))


def missing_columns(columns: Columns, version: int) -> list[tuple[str, str]]:
    """(table, column) of each of the :data:`COLUMNS` a project of schema *version* should
    have, its table there (*columns*: table_columns), and lacks: another program dropped
    it (ALTER TABLE … DROP COLUMN), and a merge read the column's quoted name, found
    nowhere, as a string: each review it brought in had the verdict 'label' (rv184)."""
    present = {(table, column) for table, column, *_ in columns}
    tables = {table for table, _ in present}  # (a table missing is said so: missing_tables)
    return [(table, column) for table, made in _columns_made(version).items()
            if table in tables for column in made if (table, column) not in present]


def later_columns(columns: Columns, version: int) -> list[tuple[str, str]]:
    """(table, column) of each of the :data:`COLUMNS` a project of schema *version* has
    (*columns*: table_columns) that only a later schema makes: another program lowered
    the version, and the upgrade, making the column again, failed (rv189)."""
    made, later = _columns_made(version), _columns_made_after(version)
    return [(table, column) for table, column, *_ in columns
            if table in made and column not in made[table] and (table, column) in later]


@functools.cache
def _columns_made(version: int) -> dict[str, tuple[str, ...]]:
    """The columns of each of the :data:`COLUMNS` schema *version* makes, in their order
    (worked out once a version: each open asks)."""
    made = {}
    for table, versions in COLUMNS.items():
        if by_then := [columns for since, columns in versions if since <= version]:
            made[table] = tuple(by_then[-1].split())
    return made


@functools.cache
def _columns_made_after(version: int) -> frozenset[tuple[str, str]]:
    """(table, column) of each column a schema later than *version* makes."""
    return frozenset((table, column) for table, versions in COLUMNS.items()
                     for since, columns in versions if since > version
                     for column in columns.split())


def affinity(declared: str) -> str:
    """The type affinity SQLite gives a column declared of type *declared*, by its rules
    in their order (https://www.sqlite.org/datatype3.html, 3.1)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not declared or "BLOB" in declared:
        return "BLOB"
    return "REAL" if any(word in declared for word in ("REAL", "FLOA", "DOUB")) else "NUMERIC"


def retyped_columns(columns: Columns) -> list[tuple[str, str]]:
    """(table, column) of each of the :data:`COLUMNS` whose affinity is not the one
    Tahqiq gives it (*columns*: table_columns): another program made its table again with
    another type, and SQLite changed what was written to it as it stored it (a note
    «007» kept as 7, a quote «40» read back as a number an export failed on, rv189). And
    each of the :data:`ROWID_KEYS` no longer its row's id (an INTEGER PRIMARY KEY made
    again as ``id INT``): search_entries numbered its rows apart from the search index's,
    and each article imported since was found by no search (rv194)."""
    ours, integer = _columns_made_after(0), _integer_columns()
    return [(table, column) for table, column, declared, _, _, pk in columns
            if (table, column) in ours and affinity(declared) != (
                "INTEGER" if (table, column) in integer else "TEXT")
            or (table, column) in ROWID_KEYS and (declared.upper() != "INTEGER" or pk != 1)]


@functools.cache
def _integer_columns() -> frozenset[tuple[str, str]]:
    return frozenset((table, column) for table, columns in INTEGER_COLUMNS.items()
                     for column in columns.split())


def missing_triggers(conn: sqlite3.Connection, version: int) -> list[str]:
    """The names of the :func:`triggers` a project of schema *version* should have and
    lacks: another program dropped one (DROP TRIGGER), and the search index missed every
    write it is set on, unsaid (rv159)."""
    present = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [name for name, versions in triggers().items()
            if versions[0][0] <= version and name not in present]


def trigger_sql(name: str, version: int) -> str:
    """The SQL of trigger *name* as schema *version* makes it."""
    return [sql for since, sql in triggers()[name] if since <= version][-1]


def index_again(conn: sqlite3.Connection, tables: set[str]) -> None:
    """Make again what the search index holds of *tables* (``articles``, ``claims``),
    inside a transaction: their triggers were missing, and writes since went unindexed.
    The notes are queued for store.core.search.catch_up (those of claims gone too, so
    their entries go); the articles are indexed again here, as their triggers index
    them."""
    execute = conn.execute
    if "claims" in tables:
        execute("INSERT OR IGNORE INTO search_pending (claim_id) SELECT id FROM claims "
                "UNION SELECT ref_id FROM search_entries WHERE kind = 'note'")
    if "articles" in tables:
        execute("DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_entries "
                "WHERE kind = 'article')")
        execute("DELETE FROM search_entries WHERE kind = 'article'")
        execute("INSERT INTO search_entries (kind, ref_id, article_id, part) "
                f"SELECT 'article', a.id, a.id, key FROM articles a, {_parts_sql('a.text')} "
                "WHERE a.deleted IS NULL AND length(a.text) > 0 ORDER BY a.rowid, key")
        execute("INSERT INTO search_entries (kind, ref_id, article_id, part) "
                "SELECT 'article', a.id, a.id, p.part FROM articles a JOIN article_pieces p "
                "ON p.article_id = a.id WHERE a.deleted IS NULL AND a.text = '' "
                "ORDER BY a.rowid, p.part")
        execute("INSERT INTO search_index (rowid, body) SELECT e.id, "
                f"tahqiq_fold({INDEXED_WINDOW_SQL}) || {_BODY_END_SQL} FROM search_entries e "
                "JOIN articles a ON a.id = e.ref_id WHERE e.kind = 'article' ORDER BY e.id")


def missing_indexes(conn: sqlite3.Connection, version: int) -> list[str]:
    """The names of the :data:`INDEXES` a project of schema *version* should have and
    lacks."""
    present = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    return [name for name, (since, _) in INDEXES.items()
            if since <= version and name not in present]


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial, _v2_search_index, _v3_pending_notes, _v4_appearances, _v5_list_indexes,
    _v6_article_parts, _v7_article_pieces, _v8_place_lengths, _v9_reviewed_label,
    _v10_notes_past_a_nul, _v11_hamza_seats, _v12_apostrophes_and_dashes,
    _v13_urdu_and_persian_hehs, _v14_notes_as_kept]
SCHEMA_VERSION = len(MIGRATIONS)

READABLE_SINCE = 9
"""The oldest schema whose Tahqiq reads a file of this version as it is: no table, trigger
or index has changed since (v10 to v13 only folded the search index again, v14 kept notes
and comments as they are kept now). A copy stamped with it (Project.copy_for_older) is
opened and merged by a colleague's older Tahqiq, which refuses anything newer than its
own schema. Its search index keeps this version's folding:
an older Tahqiq folds again only the texts its own upgrades since this one fold (one of
schema 9 none), so a search there misses words holding a letter folded since (rv159);
opened here again, it is folded as this version folds. Lower it to SCHEMA_VERSION with any
migration that changes a table, a trigger or an index."""

MERGED_TABLES_SINCE = 9
"""The schema version that last changed what store.exchange.merge reads of a colleague's
file: the labels, articles, claims, appearances, reviews, history, settings and dismissals
tables. A file of this version or later is merged as it is; an older one from an upgraded
private copy. Raise it with any migration that changes those tables (v2 and v3 changed
only the search index; v4 gave claims their appearances; v5 added indexes only; v6
indexes long articles in parts; v7 stores them in parts, in a table merge copies; v8
added an index; v9 gave reviews the verdict they were of, which merge copies;
v10 queued notes holding a NUL for the search index again; v14 kept notes and comments
as a merge reads them)."""
