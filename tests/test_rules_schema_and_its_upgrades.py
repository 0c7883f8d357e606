"""Mutants of the schema, its migrations, the open/upgrade path and the article list that
the suite let through (rv180): each test here fails on one of them."""

from __future__ import annotations

import contextlib
import re
import sqlite3

import pytest

from store.core import articles, schema, sqlfunctions
from store.core.project import Project
from store.text.fold import fold_for_index

# The characters each upgrade's fold newly folds, written out here (not read from
# store.core.schema: a character dropped there must fail this test, not drop its case).
NEWLY_FOLDED = {
    10: "\u0624\u0626\u066a\u066b\u066c",  # v11: ؤ ئ ٪ ٫ ٬
    11: "\u2018\u2019\u02bc\u2010\u2011\u2012\u2013\u2212\u00ad",  # v12
    12: "\u06c1\u06be\u06c3\u06c0\u06c2\u06d3\u0654\u0655",  # v13
}


def _body_of(path, article_id: str) -> str:
    with contextlib.closing(sqlite3.connect(path)) as raw:
        return raw.execute("SELECT body FROM search_index i JOIN search_entries e "
                           "ON e.id = i.rowid WHERE e.ref_id = ?", [article_id]).fetchone()[0]


@pytest.mark.parametrize(("version", "char"), [
    (version, char) for version, chars in NEWLY_FOLDED.items() for char in chars],
    ids=lambda value: f"U+{ord(value):04X}" if isinstance(value, str) else f"v{value}")
def test_each_newly_folded_character_alone_is_folded_again_on_upgrade(
        tmp_path, monkeypatch, version, char):
    """An article indexed by an older fold, holding one newly folded character and no
    other, is folded again when the project is upgraded: a search for the folded spelling
    finds it (the upgrade tests' texts each hold several, so a character left out of a
    migration's list went unseen)."""
    path = tmp_path / f"v{version}.tahqiq"
    text = f"قبل الكلمة ا{char}ب بعد الكلمة"

    def older_fold(value):
        return None if value is None else "".join(
            piece if piece == char else fold_for_index(piece)
            for piece in re.split(f"({re.escape(char)})", value))

    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
        m.setattr(schema, "SCHEMA_VERSION", version)
        m.setattr(sqlfunctions, "_tahqiq_fold", older_fold)
        with Project.open(path, "tester") as old:
            article = articles.add_article(old, text, "one letter")
    assert char in _body_of(path, article.id)  # as the older fold left it
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
    assert _body_of(path, article.id) == fold_for_index(text) + schema.SEARCH_BODY_END


def test_notes_and_comments_an_older_tahqiq_kept_raw_are_kept_as_now_on_upgrade(
        tmp_path, monkeypatch):
    """A note kept with «\r\n» and an escape by a Tahqiq from before rv101, and a review
    comment so by one from before rv239, stayed so in their project, while a merge gave a
    colleague each as it is kept: two copies merged both ways differed for good (rv256).
    The upgrade keeps each as now, in its record and the review's history entry (the
    claim's entries, versions a merge reads as kept, stay as written); the note is found
    by its words, and the file as it was is kept beside it."""
    import json

    from store.core import appearances, claims, history, search
    from store.review import reviews

    path = tmp_path / "old.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        with Project.open(path, "alice") as old:
            article = articles.add_article(old, "The minister said growth reached five "
                                                "percent this year.", "growth")
            made = appearances.tag_quote(old, article.id, "growth reached", "disputed",
                                         note="x")
        with Project.open(path, "huda") as old:
            reviews.review_claim(old, made.id, "reject", "y")
    note, comment = "ILO\r\ntab\x1ale 3\rsays \u202e5.3\u202c", "\r\n see ILO\r\ntable\x07 \r\n"
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE claims SET note = ?", [note])
        raw.execute("UPDATE history SET after = json_set(after, '$.note', ?) "
                    "WHERE action = 'create' AND entity = 'claim'", [note])
        raw.execute("UPDATE reviews SET comment = ?", [comment])
        raw.execute("UPDATE history SET after = json_set(after, '$.comment', ?) "
                    "WHERE action = 'review_reject'", [comment])
    with Project.open(path, "alice") as project:
        assert project.upgraded == (13, path.with_name("old.tahqiq.schema13.bak"))
        assert claims.get_claim(project, made.id).note == "ILO\ntable 3\nsays \u20675.3\u2069"
        (review,) = reviews.reviews_for(project, made.id)
        assert review.comment == "see ILO\ntable"
        entries = {e.action: e.after for e in history.for_claim(project, made.id)
                   if e.entity == "claim"}
        assert entries["review_reject"]["comment"] == "see ILO\ntable"
        assert entries["create"]["note"] == note
        assert [h.claim_id for h in search.search(project, "table")] == [made.id]
    with contextlib.closing(sqlite3.connect(path.with_name("old.tahqiq.schema13.bak"))) as raw:
        assert raw.execute("SELECT note FROM claims").fetchone()[0] == note
        after = raw.execute("SELECT after FROM history WHERE action = 'review_reject'")
        assert json.loads(after.fetchone()[0])["comment"] == comment


def test_the_upgrade_cleans_in_python_only_the_notes_and_comments_it_may_change(
        tmp_path, monkeypatch):
    """Schema 14's upgrade asked clean_note of every note and comment, 1.9 s at 100,000
    notes with nothing to clean, on the window's thread (rv262): only those holding a
    character it may change, a NUL, or a comment's white space at an end, are asked;
    each is cleaned as before."""
    from store.core import appearances, claims
    from store.review import reviews

    path = tmp_path / "old.tahqiq"
    notes = {"plain ASCII": "plain ASCII", "كلمة عربية — «نعم»": "كلمة عربية — «نعم»",
             "Cliché, Москва": "Cliché, Москва", "cafe\u0301": "caf\u00e9", "a\x00b": "ab",
             "x\r\ny": "x\ny"}
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        with Project.open(path, "alice") as old:
            article = articles.add_article(old, " ".join(f"word{i}" for i in range(9)), "t")
            made = {note: appearances.tag_quote(old, article.id, f"word{i}", "disputed").id
                    for i, note in enumerate(notes)}
        with Project.open(path, "huda") as old:
            for claim_id in made.values():
                reviews.review_claim(old, claim_id, "accept", "ok")
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE reviews SET comment = ' ok' WHERE claim_id = ?", [made["a\x00b"]])
        raw.execute("UPDATE reviews SET comment = 'ok\u00a0' WHERE claim_id = ?",
                    [made["plain ASCII"]])
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        for note, claim_id in made.items():
            raw.execute("UPDATE claims SET note = ? WHERE id = ?", [note, claim_id])
    asked: list[object] = []
    for name in ("_tahqiq_note", "_tahqiq_comment"):
        function = getattr(sqlfunctions, name)
        monkeypatch.setattr(sqlfunctions, name, lambda text, f=function: (
            asked.append(text), f(text))[1])
    with Project.open(path, "alice") as project:
        assert project.schema_version == 14
        assert {note: claims.get_claim(project, made[note]).note for note in notes} == notes
        assert [r.comment for c in made.values() for r in reviews.reviews_for(project, c)
                ] == ["ok"] * 6
    assert {"cafe\u0301", "a\x00b", "x\r\ny", " ok", "ok\u00a0"} <= set(asked)
    assert not {"plain ASCII", "كلمة عربية — «نعم»", "Cliché, Москва"} & set(asked)
    assert asked.count("ok") == 6  # (the reviews' history entries only: asked, each)


def test_what_the_upgrade_leaves_unasked_is_kept_as_it_is_in_any_company():
    """Each character the upgrade's GLOB takes for kept (NOTE_KEPT) is one clean_note
    keeps and NFC neither changes nor moves, whatever is beside it: combining class 0,
    not the second of any canonical decomposition, NFC alone."""
    import unicodedata

    from store.text.clean import COMMENT_EDGES, NOTE_KEPT, clean_note

    def chars(spec: str) -> set[str]:
        return set().union(*(
            {chr(c) for c in range(ord(found[0]), ord(found[-1]) + 1)}
            for found in re.findall(r".-.|.", spec, re.S)))

    seconds = {p for c in range(0x110000) if (d := unicodedata.decomposition(chr(c)))
               and not d.startswith("<") for p in d.split()[1:]}
    kept = chars(NOTE_KEPT)
    assert len(kept) > 1000
    for char in kept:
        assert unicodedata.combining(char) == 0 and f"{ord(char):04X}" not in seconds
        assert clean_note(char) == char and unicodedata.is_normalized("NFC", char)
    assert {c for c in kept if c.isspace()} == chars(COMMENT_EDGES)


def test_a_note_the_upgrade_cleaned_is_told_as_its_writers_when_replaced(tmp_path, monkeypatch):
    """Alice's note kept raw by an older Tahqiq, cleaned by schema 14's upgrade and then
    replaced by Bob, is told in History as alice's, with its text: her entry kept it raw,
    and History, matching notes by their exact text, said only «note edited» (rv262)."""
    from store.core import appearances, claims, history
    from store.review import story

    path = tmp_path / "old.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        with Project.open(path, "alice") as old:
            article = articles.add_article(old, "Growth reached five percent.", "growth")
            made = appearances.tag_quote(old, article.id, "Growth reached", "disputed",
                                         note="x")
    note = "ILO\r\ntable\x1b 3"
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE claims SET note = ?", [note])
        raw.execute("UPDATE history SET after = json_set(after, '$.note', ?) "
                    "WHERE action = 'create' AND entity = 'claim'", [note])
    with Project.open(path, "bob") as project:
        claims.update_claim(project, made.id, note="bob replaced it")
        entries = history.for_claim(project, made.id)
    (edit,) = [e for e in entries if e.action == "edit"]
    assert story.note_writers(entries) == {edit.id: "alice"}
    assert story.describe(edit, note_by="alice").endswith(
        "note edited; alice's note read “ILO table 3”")


def test_a_table_made_by_the_files_own_schema_version_missing_is_damage(tmp_path, monkeypatch):
    """A project of schema 7 whose article_pieces (made by schema 7 itself) another
    program dropped is refused as damaged, naming the table, and left as it was; checked
    only for tables of earlier schemas, it was upgraded into a project lacking it, where
    every long article's read failed."""
    from store.errors import NotAProject

    path = tmp_path / "v7.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:7])
        m.setattr(schema, "SCHEMA_VERSION", 7)
        Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP TABLE article_pieces")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="article_pieces is missing"):
        Project.open(path, "tester")
    assert path.read_bytes() == before


@pytest.mark.parametrize("version", [3, schema.SCHEMA_VERSION])
def test_another_programs_empty_database_with_a_version_is_refused_untouched(tmp_path, version):
    """An SQLite file another program made, holding no table yet but its own
    user_version, is not a Tahqiq project: refused as such and left byte for byte as it
    was, not taken for a new project and upgraded (or indexed) from that version."""
    from store.errors import NotAProject

    path = tmp_path / "other.tahqiq"
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA user_version = {version}")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="an SQLite database but not a Tahqiq project"):
        Project.open(path, "tester")
    assert path.read_bytes() == before


def test_an_old_project_with_a_row_pointing_nowhere_is_refused_before_its_upgrade(tmp_path):
    """A schema 9 project (tests/fixtures, copied) in which another program left a place
    pointing at no article is refused as damaged, in the one line that says it was left
    untouched, before the upgrade copies it; not halfway into the upgrade, as «damaged or
    not a Tahqiq project»."""
    import shutil

    from conftest import ROOT

    from store.errors import NotAProject

    path = tmp_path / "old.tahqiq"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema9.tahqiq", path)
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("UPDATE appearances SET article_id = 'nowhere' "
                    "WHERE rowid = (SELECT min(rowid) FROM appearances)")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match=r"is damaged \(a row of appearances points at a "
                                          r"missing row of articles\); it was left untouched"):
        Project.open(path, "tester")
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize("stopped", ["upgrading", "upgraded"])
def test_an_open_stopped_keeps_the_copy_of_the_file_as_it_was_once_the_upgrade_committed(
        tmp_path, monkeypatch, stopped):
    """SIGTERM (as a KeyboardInterrupt) landing once the upgrade's COMMIT was done: the
    copy NAME.tahqiq.schema9.bak was deleted, the file left upgraded. One landing before
    leaves the file as it was and nothing beside it."""
    import shutil

    from conftest import ROOT

    path = tmp_path / "old.tahqiq"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema9.tahqiq", path)
    before = path.read_bytes()

    def stop(*args):
        raise KeyboardInterrupt

    if stopped == "upgrading":
        monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:12], stop])
    else:  # (called right after the COMMIT: a signal then raises there)
        monkeypatch.setattr(Project, "_use_wal", stop)
    with pytest.raises(KeyboardInterrupt):
        Project.open(path, "tester")
    copies = list(tmp_path.glob("*.bak"))
    if stopped == "upgrading":
        assert path.read_bytes() == before and copies == []
    else:
        assert [copy.name for copy in copies] == ["old.tahqiq.schema9.bak"]
        for file, version in ((copies[0], 9), (path, schema.SCHEMA_VERSION)):
            with contextlib.closing(sqlite3.connect(file)) as raw:
                assert raw.execute("PRAGMA user_version").fetchone()[0] == version


def test_check_names_an_index_made_by_the_files_own_schema_version_missing(tmp_path,
                                                                            monkeypatch):
    """`tahqiq check` of a schema 8 project whose appearances_live_length (made by schema
    8 itself) another program dropped says it is missing, as it says of any other."""
    from store.core.project import integrity_problems

    path = tmp_path / "v8.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:8])
        m.setattr(schema, "SCHEMA_VERSION", 8)
        Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP INDEX appearances_live_length")
        raw.commit()
    assert integrity_problems(path) == [
        "index appearances_live_length is missing; opening the project makes it again"]


def test_a_copy_for_older_opens_in_the_tahqiq_of_schema_9(tmp_path, monkeypatch):
    """Schemas 10 to 14 changed no table, trigger or index: a copy for an older Tahqiq
    opens in one of schema 9 (which refuses anything newer than its own schema)."""
    with Project.open(tmp_path / "now.tahqiq", "tester") as project:
        articles.add_article(project, "نص للزميل القديم", "for an older colleague")
        project.copy_for_older(tmp_path / "older.tahqiq")
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:9])
        m.setattr(schema, "SCHEMA_VERSION", 9)
        with Project.open(tmp_path / "older.tahqiq", "colleague") as older:
            assert older.schema_version == 9
            assert [a["title"] for a in articles.list_articles(older)] == [
                "for an older colleague"]


def test_a_negative_default_another_program_wrote_is_a_value_not_a_computation(tmp_path):
    """A default written as a negative number (another program's table beside Tahqiq's)
    is a value as written, not a computed default: the project opens."""
    path = tmp_path / "p.tahqiq"
    Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE their_notes (id TEXT PRIMARY KEY, score INTEGER DEFAULT -1, "
                    "weight REAL DEFAULT -0.5)")
        raw.commit()
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION



def test_the_copy_before_an_upgrade_is_kept_when_a_newer_tahqiq_upgraded_meanwhile(
        tmp_path, monkeypatch):
    """A newer Tahqiq upgraded an old project while this one waited to upgrade it, after
    this one had copied the file as it was: refused as newer, and the copy is kept (the
    newer program, finding it as the file then was, may have told its user it is there)."""
    import shutil

    from conftest import ROOT

    from store.errors import SchemaTooNew

    path = tmp_path / "old.tahqiq"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema12.tahqiq", path)
    real = Project.schema_version
    seen = []

    def version(self: Project) -> int:
        said = real.fget(self)
        seen.append(said)
        if said == 12 and (tmp_path / "old.tahqiq.schema12.bak").exists():
            with contextlib.closing(sqlite3.connect(path)) as newer:
                newer.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
                newer.commit()
        return said

    monkeypatch.setattr(Project, "schema_version", property(version))
    with pytest.raises(SchemaTooNew, match=f"schema {schema.SCHEMA_VERSION + 1}"):
        Project.open(path, "samira")
    monkeypatch.undo()
    assert (tmp_path / "old.tahqiq.schema12.bak").exists()


def test_articles_stamped_alike_are_listed_in_the_order_they_came(project):
    """Articles whose creation times are the same (a clock that ticks coarsely, as
    Windows' did, a batch import) are listed in the order they were stored, by the list
    of ids and the list with their details alike, not by their ids."""
    made = [articles.add_article(project, f"نص المقال رقم {n}", f"t{n}", article_id=i).id
            for n, i in enumerate(["c-third", "a-first", "b-second"])]
    with project.transaction():
        project.execute("UPDATE articles SET created = '2026-01-01T00:00:00.000000Z'")
    assert articles.list_ids(project) == made
    assert [row["id"] for row in articles.list_articles(project)] == made


def test_a_newer_projects_refusal_says_up_to_which_schema_this_version_reads(tmp_path):
    """«… (schema 14; this version reads up to 13). Please update Tahqiq»: the second
    figure is this version's schema, not the file's."""
    from store.errors import SchemaTooNew

    path = tmp_path / "future.tahqiq"
    Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as newer:
        newer.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        newer.commit()
    with pytest.raises(SchemaTooNew) as caught:
        Project.open(path, "tester")
    assert (f"(schema {schema.SCHEMA_VERSION + 1}; this version reads up to "
            f"{len(schema.MIGRATIONS)})") in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_an_article_in_utf16_with_either_mark_is_said_to_be_text(tmp_path, encoding):
    """An article saved as UTF-16 with its byte-order mark, little- or big-endian (its
    NULs make it look like data), opened as a project: said to be text, to import."""
    from store.errors import NotAProject

    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffقال المتحدث إن الاتفاق سيوقع".encode(encoding))
    with pytest.raises(NotAProject, match="is text, not a Tahqiq project"):
        Project.open(path, "tester")


def test_a_stored_computed_column_another_program_made_is_refused(tmp_path):
    """A computed column SQLite keeps STORED (worked out as each row is written, not only
    as it is read) is as much another program's computation as a VIRTUAL one: refused,
    the file left as it was."""
    from store.errors import NotAProject

    path = tmp_path / "p.tahqiq"
    Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE their_notes (id TEXT PRIMARY KEY, long TEXT GENERATED "
                    "ALWAYS AS (printf('%.*c', 1000, 'x')) STORED)")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="column long another program made computed"):
        Project.open(path, "tester")
    assert path.read_bytes() == before
