"""Mutants of the schema, its opening checks, the open/upgrade path and the article list
that the suite let through (rv184, after rv180): each test here fails on one of them."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from store.core import appearances, articles, claims, schema, search, sqlfunctions
from store.core.project import Project
from store.errors import NotAProject
from store.exchange.merge import merge_project
from store.text.fold import fold_for_index

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_a_colleagues_file_of_schema_8_is_merged_from_an_upgraded_copy(tmp_path):
    """Schema 9 gave reviews the verdict they were of, which the merge copies: a colleague's
    file of schema 8 is upgraded in a private copy first, its reviews' verdict unknown
    (NULL). Read in place, SQLite took the name of the column the file lacks, "label",
    for a string: every merged review was «of the verdict label» and stood for no claim.
    The colleague's file is left as it was."""
    old = tmp_path / "colleague.tahqiq"
    shutil.copyfile(FIXTURES / "schema8.tahqiq", old)
    before = old.read_bytes()
    with Project.open(tmp_path / "mine.tahqiq", "tester") as project:
        summary = merge_project(project, old)
        assert summary.new_claims > 0 and summary.new_reviews == 2
        assert project.execute("SELECT DISTINCT label FROM reviews").fetchall() == [(None,)]
    assert old.read_bytes() == before


def test_a_project_made_where_sqlite_lacks_the_trigram_tokenizer_opens(tmp_path):
    """An SQLite without the trigram tokenizer makes the search index with FTS5's default
    one (schema._v2_search_index): such a project, made on a colleague's machine, opens
    here, not refused as «its table search_index was not made by Tahqiq»."""
    path = tmp_path / "plain.tahqiq"
    with Project.open(path, "tester") as project:
        articles.add_article(project, "قال الوزير إن خط المساعدة يعمل.", "t")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("DROP TABLE search_index")
        raw.execute("CREATE VIRTUAL TABLE search_index USING fts5(body)")
    with Project.open(path, "tester", create=False) as project:
        assert len(articles.list_articles(project)) == 1


def test_a_partial_index_written_out_with_other_spacing_is_tahqiqs(tmp_path):
    """A partial index as Tahqiq makes it, its statement spaced otherwise (another
    program's dump loaded back, an editor that wrapped it), is Tahqiq's index: the
    project opens, not refused as «its index claims_live was not made by Tahqiq»."""
    path = tmp_path / "respaced.tahqiq"
    with Project.open(path, "tester") as project:
        articles.add_article(project, "قال الوزير إن خط المساعدة يعمل.", "t")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("DROP INDEX claims_live")
        raw.execute("CREATE INDEX claims_live ON claims (id,  label,\n    deleted)\n"
                    "    WHERE deleted IS NULL")
    with Project.open(path, "tester", create=False) as project:
        assert len(articles.list_articles(project)) == 1


def test_a_damaged_file_with_nothing_beside_it_is_not_said_to_have_a_wal(tmp_path):
    """A file whose schema SQLite cannot read, with no -wal beside it, is said to be
    damaged or not a project; the message does not send the user looking for the changes
    «in NAME-wal beside it» that a stopped program left (there are none)."""
    path = tmp_path / "broken.tahqiq"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 32)
    assert not (tmp_path / "broken.tahqiq-wal").exists()
    with pytest.raises(NotAProject) as caught:
        Project.open(path, "tester", create=False)
    assert "damaged or not a Tahqiq project" in str(caught.value)
    assert "-wal" not in str(caught.value)


def test_check_finds_places_moved_off_their_words_in_a_copy_for_an_older_tahqiq(tmp_path):
    """A copy for an older Tahqiq is of schema READABLE_SINCE (9), the first whose tables
    are as read now: `tahqiq check` of it still names places another program moved off
    their words (it said «no damage found» of a schema-9 file)."""
    from store.core.project import integrity_problems

    text = "قال الوزير إن خط المساعدة يعمل منذ أمس."
    with Project.open(tmp_path / "mine.tahqiq", "tester") as project:
        article = articles.add_article(project, text, "t")
        appearances.tag_quote(project, article.id, "خط المساعدة", "verified")
        older = project.copy_for_older(tmp_path / "older.tahqiq")
    with contextlib.closing(sqlite3.connect(older)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 9
        with raw:
            raw.execute('UPDATE appearances SET start = start + 2, "end" = "end" + 2')
    (problem,) = integrity_problems(older)
    assert problem.startswith("claim places not holding their words") and problem.endswith(": 1")


def test_check_finds_places_whose_context_is_not_the_text_beside_their_words(tmp_path):
    """A live place holding its words with a prefix another program wrote: a colleague's
    merge of the project refuses it whole, and `tahqiq check` said «no damage found»
    (rv266)."""
    from store.core.project import integrity_problems

    path = tmp_path / "mine.tahqiq"
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, "قال الوزير إن خط المساعدة يعمل منذ أمس.", "t")
        appearances.tag_quote(project, article.id, "خط المساعدة", "verified")
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE appearances SET prefix = 'nothing like the words before'")
    (problem,) = integrity_problems(path)
    assert problem.startswith("claim places whose prefix or suffix is not the text beside "
                              "their words") and problem.endswith("refuses it whole): 1")


def test_a_partial_index_another_program_added_on_plain_columns_is_refused(tmp_path):
    """An index of some rows only, on plain columns, whose WHERE SQLite works out at every
    write (and as it checks the file): refused as another program's, as an index on an
    expression is, the file left as it was."""
    path = tmp_path / "partial.tahqiq"
    with Project.open(path, "tester") as project:
        articles.add_article(project, "قال الوزير إن خط المساعدة يعمل.", "t")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("CREATE INDEX spread ON claims (id) "
                    "WHERE length(printf('%.*c', 100000, note)) > 0")
    before = path.read_bytes()
    with pytest.raises(NotAProject) as caught:
        Project.open(path, "tester", create=False)
    assert "its index spread was not made by Tahqiq" in str(caught.value)
    assert path.read_bytes() == before


def test_a_note_beginning_with_a_nul_before_schema_10_is_searched_past_it(tmp_path,
                                                                          monkeypatch):
    """A note another program wrote beginning with a NUL was indexed as nothing before
    schema 10 (FTS5 reads up to the NUL): the upgrade queues it again like any note
    holding one, and its words are found."""
    path = tmp_path / "v9.tahqiq"
    note = "\0زنجبار ثانية"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:9])
        m.setattr(schema, "SCHEMA_VERSION", 9)
        m.setattr(sqlfunctions, "_tahqiq_fold", fold_for_index)  # as it was before the fix
        with Project.open(path, "tester") as old:
            article = articles.add_article(old, "قال الوزير إن خط المساعدة يعمل.", "t")
            cut = appearances.create_claim(old, article.id, 0, 3, "disputed", note="ملاحظة")
            with old.transaction():  # as another program writes it
                old.execute("UPDATE claims SET note = ? WHERE id = ?", [note, cut.claim_id])
            search.catch_up(old)
            assert search.search(old, "زنجبار") == []  # the row ends at the NUL
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        hits = search.search(project, "زنجبار")
        assert [(h.kind, h.claim_id) for h in hits] == [("note", cut.claim_id)]


def test_a_note_written_while_its_trigger_was_dropped_is_found_after_opening(tmp_path):
    """Another program dropped the claims' search trigger and wrote a note meanwhile:
    opening makes the trigger again and queues the notes again, so the note written then
    is found (and one's old words, replaced then, are not)."""
    path = tmp_path / "dropped.tahqiq"
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, "قال الوزير إن خط المساعدة يعمل.", "t")
        place = appearances.tag_quote(project, article.id, "خط المساعدة", "verified")
        claims.update_claim(project, place.claim_id, note="hippopotamus")
        assert search.search(project, "hippopotamus")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("DROP TRIGGER search_claims_update")
        raw.execute("UPDATE claims SET note = 'zebracrossing'")
    with Project.open(path, "tester") as project:
        assert schema.missing_triggers(project.conn, project.schema_version) == []
        assert [hit.claim_id for hit in search.search(project, "zebracrossing")] == [
            place.claim_id]
        assert search.search(project, "hippopotamus") == []


# -- the article list and its counts -----------------------------------------------------
TEXT = "قال الوزير إن خط المساعدة يعمل منذ أمس، وإن الخط الثاني يعمل غدا."


def test_a_deleted_claim_is_not_counted_in_the_article_list(tmp_path):
    """Deleting a claim leaves its places as they were (a restore brings them back): the
    article list's counts leave it out all the same (it still said «1 claim»)."""
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        article = articles.add_article(project, TEXT, "t")
        kept = appearances.tag_quote(project, article.id, "خط المساعدة", "verified")
        gone = appearances.tag_quote(project, article.id, "الخط الثاني", "disputed")
        claims.delete_claim(project, gone.claim_id)
        assert articles.claim_counts(project) == {article.id: {"verified": 1}}
        assert kept.claim_id != gone.claim_id


def test_an_article_whose_place_of_a_claim_was_untagged_no_longer_counts_it(tmp_path):
    """A claim at two articles, its words untagged in one: that article's count leaves it
    out (the claim lives on in the other, where it is still counted)."""
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        first = articles.add_article(project, TEXT, "first")
        second = articles.add_article(project, TEXT + " ثانيا", "second")
        place = appearances.tag_quote(project, first.id, "خط المساعدة", "verified")
        start = TEXT.index("خط المساعدة")
        there = appearances.add(project, place.claim_id, second.id, start,
                                start + len("خط المساعدة"))
        assert articles.claim_counts(project) == {first.id: {"verified": 1},
                                                  second.id: {"verified": 1}}
        appearances.delete(project, there.id)
        assert articles.claim_counts(project) == {first.id: {"verified": 1}}


def test_the_first_of_two_live_copies_of_a_text_is_its_holder(tmp_path):
    """Two live articles of one text (a colleague's copy merged in): importing that text
    again, or a claims sheet naming it, finds the first made, not the later copy; a
    deleted copy is never the holder (the sheet's claims went into a deleted article)."""
    from store.core import article_deletion

    digest = articles.fingerprint(TEXT)
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        first = articles.add_article(project, TEXT, "first")
        second = articles.add_article(project, TEXT, "second")
        with project.transaction():  # (made older: the two may share a clock tick)
            project.execute("UPDATE articles SET created = '2020-01-01T00:00:00Z' "
                            "WHERE id = ?", [first.id])
        assert articles.holder_of(project, digest) == (first.id, "first")
        assert articles.find_by_fingerprint(project, digest).id == first.id
        article_deletion.delete_article(project, first.id)
        assert articles.holder_of(project, digest) == (second.id, "second")
        article_deletion.delete_article(project, second.id)
        assert articles.holder_of(project, digest) is None
        assert articles.find_by_fingerprint(project, digest) is None

