"""A long article stored in parts reads, tags, searches, exports and merges as one stored whole.

A big file's import stores a text longer than one search part as its parts
(store.core.long_texts, schema v7), its row's text empty: every reader of an article's
text must see the same article as if it were stored in one row. Each test holds the two
to each other: the same text stored whole in one project and in parts in another.
"""

from __future__ import annotations

import json

import pytest

from store.core import appearances, articles, long_texts, retext, search
from store.core.project import Project
from store.core.schema import SEARCH_PART_CHARS as PART
from store.errors import InvalidSpan
from store.exchange import exporting, merge
from store.text import anchoring

WORD = "Zanzibarite"
PLACES = [3, PART - 5, 2 * PART + 10]  # the first part, across the first seam, the last


def _text() -> str:
    """Two parts and a bit of Arabic, a character outside the first plane in each
    sentence, WORD at each of PLACES."""
    sentence = "قال المتحدث إن المعاهدة الجديدة 😀 أقوى معاهدة على الإطلاق. "
    text = list((sentence * (2 * PART // len(sentence) + 400))[:2 * PART + 5000])
    for at in PLACES:
        text[at - 1:at + len(WORD) + 1] = " " + WORD + " "
    return "".join(text)


TEXT = _text()


def _in_parts(project: Project, text: str) -> str:
    cuts = [0, 5, PART - 1, PART + 7, len(text)]  # pieces the import's reader might give
    return articles.add_article_pieces(
        project, [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)],
        len(text.encode()), articles.fingerprint(text), "long", outlet="Wire")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """(project with TEXT stored whole, its article id, project with TEXT in parts, id)."""
    folder = tmp_path_factory.mktemp("long")
    whole = Project.open(folder / "whole.tahqiq", "tester")
    parted = Project.open(folder / "parts.tahqiq", "tester")
    yield whole, articles.add_article(whole, TEXT, "long").id, parted, _in_parts(parted, TEXT)
    whole.close()
    parted.close()


def _pieces(project: Project) -> list[int]:
    return [n for (n,) in project.conn.execute(
        "SELECT length(text) FROM article_pieces ORDER BY article_id, part")]


def test_it_is_stored_in_parts_and_read_whole(pair):
    whole, whole_id, parted, parted_id = pair
    assert _pieces(parted) == [PART, PART, len(TEXT) - 2 * PART] and not _pieces(whole)
    assert parted.execute("SELECT text FROM articles").fetchone()[0] == ""
    one, two = articles.get_article(whole, whole_id), articles.get_article(parted, parted_id)
    assert two.text == TEXT and (two.fingerprint, two.outlet) == (one.fingerprint, "Wire")
    assert articles.find_by_fingerprint(parted, one.fingerprint).text == TEXT
    assert long_texts.length(parted.conn, parted_id) == len(TEXT)
    assert long_texts.length(whole.conn, whole_id) is None


@pytest.mark.parametrize(("start", "end"), [
    (0, 4), (PART - 20, PART + 20), (PART - 1, PART + 1), (PART, PART + 3),
    (2 * PART - 60, 2 * PART + 60), (len(TEXT) - 30, len(TEXT)), (len(TEXT) - 1, len(TEXT))])
def test_a_quote_is_read_from_the_parts_it_spans(pair, start, end):
    whole, whole_id, parted, parted_id = pair
    expected = anchoring.quote_selector(TEXT, start, end)
    assert articles.quote_at(parted, parted_id, start, end) == expected
    assert articles.quote_at(whole, whole_id, start, end) == expected
    assert long_texts.read_range(parted.conn, parted_id, start, end) == TEXT[start:end]


@pytest.mark.parametrize(("start", "end"), [(len(TEXT) - 2, len(TEXT) + 1), (-1, 3), (5, 5)])
def test_a_span_outside_is_refused_as_for_a_text_stored_whole(pair, start, end):
    _, _, parted, parted_id = pair
    with pytest.raises(InvalidSpan, match=f"0–{len(TEXT)}"):
        articles.quote_at(parted, parted_id, start, end)


def test_search_finds_what_it_finds_in_the_text_stored_whole(pair):
    whole, _, parted, parted_id = pair
    hits = search.search(parted, WORD, limit=50)
    assert [(h.start, h.end) for h in hits] == [(p, p + len(WORD)) for p in PLACES]
    assert [(h.context, h.context_start) for h in hits] == [
        (h.context, h.context_start) for h in search.search(whole, WORD, limit=50)]
    assert {h.article_id for h in hits} == {parted_id}


def test_a_claim_across_a_seam_is_tagged_found_and_exported(tmp_path):
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    article_id = _in_parts(project, TEXT)
    start = PLACES[1]
    place = appearances.create_claim(project, article_id, start, start + len(WORD), "disputed")
    assert place.quote == WORD == TEXT[place.start:place.end]
    assert place.prefix == TEXT[start - len(place.prefix):start]
    hit = search.search(project, WORD, limit=50)[1]
    assert (hit.kind, hit.claim_id) == ("quote", place.claim_id)
    dump = json.loads(exporting.export_text(project, "json"))
    assert [a["text"] for a in dump["articles"]] == [TEXT]
    tagged = appearances.tag_quote(project, article_id, WORD, "verified")
    assert TEXT[tagged.start:tagged.end] == WORD


def test_deleted_and_restored_it_is_searched_again(tmp_path):
    """A colleague's merge may delete an article and restore it: the index's triggers
    index it again from its parts."""
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    article_id = _in_parts(project, TEXT)
    for deleted, found in (("2026-01-01T00:00:00Z", 0), (None, len(PLACES))):
        with project.transaction():
            project.execute("UPDATE articles SET deleted = ? WHERE id = ?", [deleted, article_id])
        assert len(search.search(project, WORD, limit=50)) == found


def test_a_new_text_is_stored_whole_and_its_claims_move(tmp_path):
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    article_id = _in_parts(project, TEXT)
    place = appearances.create_claim(project, article_id, PLACES[2], PLACES[2] + len(WORD),
                                     "disputed")
    new_text = "Breaking: " + TEXT
    article = retext.set_article_text(project, article_id, new_text)
    assert article.text == new_text and not _pieces(project)
    moved = appearances.get_appearance(project, place.id)
    assert (moved.start, moved.quote) == (PLACES[2] + 10, WORD)
    assert [h.start for h in search.search(project, WORD, limit=50)] == [
        p + 10 for p in PLACES]
    assert search.search(project, "Breaking")


def test_merged_into_a_colleagues_project_it_arrives_in_parts_once(tmp_path):
    mine = Project.open(tmp_path / "mine.tahqiq", "me")
    theirs_path = tmp_path / "theirs.tahqiq"
    theirs = Project.open(theirs_path, "them")
    article_id = _in_parts(theirs, TEXT)
    appearances.create_claim(theirs, article_id, PLACES[1], PLACES[1] + len(WORD), "disputed")
    theirs.close()
    for times in (1, 2):  # the same file twice: nothing more the second time
        summary = merge.merge_project(mine, theirs_path)
        assert summary.new_articles == (1 if times == 1 else 0)
        assert _pieces(mine) == [PART, PART, len(TEXT) - 2 * PART]
    (merged,) = articles.list_articles(mine)
    assert articles.get_article(mine, merged["id"]).text == TEXT
    hits = search.search(mine, WORD, limit=50)
    assert [(h.start, h.kind) for h in hits] == [
        (PLACES[0], "article"), (PLACES[1], "quote"), (PLACES[2], "article")]
    # And back: their project already holds it, and gets nothing twice.
    mine.close()
    theirs = Project.open(theirs_path, "them")
    assert merge.merge_project(theirs, tmp_path / "mine.tahqiq").new_articles == 0
    assert _pieces(theirs) == [PART, PART, len(TEXT) - 2 * PART]


def test_a_colleagues_text_in_parts_whose_fingerprint_is_not_its_own_is_refused(tmp_path):
    """Another program wrote the fingerprint of a colleague's text stored in parts: it
    came in as a second copy of the text this project holds whole (rv254). Its parts are
    the text the fingerprint is checked against: refused as damaged, nothing merged."""
    from store.errors import ProjectError

    mine = Project.open(tmp_path / "mine.tahqiq", "me")
    articles.add_article(mine, TEXT, "long")
    theirs_path = tmp_path / "theirs.tahqiq"
    theirs = Project.open(theirs_path, "them")
    _in_parts(theirs, TEXT)
    with theirs.transaction():
        theirs.execute("UPDATE articles SET fingerprint = 'x'")
    theirs.close()
    with pytest.raises(ProjectError, match="articles.fingerprint holds x, which is not its "):
        merge.merge_project(mine, theirs_path)
    assert len(articles.list_articles(mine)) == 1 and not _pieces(mine)


# -- parts a file changed outside Tahqiq may hold -------------------------------------------
DAMAGE = {
    "a part short": "UPDATE article_pieces SET text = substr(text, 2) WHERE part = 1",
    "a part missing": "DELETE FROM article_pieces WHERE part = 1",
    "a part in bytes": "UPDATE article_pieces SET text = CAST(text AS BLOB) WHERE part = 1",
    "a part numbered in text": "UPDATE article_pieces SET part = 'zz' WHERE part = 2",
}


def _damaged(tmp_path, name: str, damage: str) -> tuple:
    path = tmp_path / f"{name}.tahqiq"
    project = Project.open(path, name)
    article_id = _in_parts(project, TEXT)
    with project.transaction():
        project.execute(damage)
    return project, path, article_id


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_parts_are_reported_as_damage_not_read_wrong(tmp_path, damage):
    """Read as they are, parts of the wrong size would put every later offset in the wrong
    place (a quote of other words, a hit past the text's end): the whole text, and a
    quote from the parts it spans, report the damage as SQLite does, which the doors turn
    into one line. (A quote reads only those parts: damage elsewhere shows when the text
    is read whole, as opening the article does before anyone can tag it.)"""
    import sqlite3

    project, _, article_id = _damaged(tmp_path, "mine", damage)
    with pytest.raises(sqlite3.DatabaseError):
        articles.get_article(project, article_id)
    with pytest.raises(sqlite3.DatabaseError):
        articles.quote_at(project, article_id, 2 * PART - 5, 2 * PART + 5)


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_colleagues_file_with_damaged_parts_is_refused_untouched(tmp_path, damage):
    from store.errors import ProjectError

    mine = Project.open(tmp_path / "mine.tahqiq", "me")
    theirs, theirs_path, _ = _damaged(tmp_path, "theirs", damage)
    theirs.close()
    before = theirs_path.read_bytes()
    with pytest.raises(ProjectError, match="damaged"):
        merge.merge_project(mine, theirs_path)
    assert theirs_path.read_bytes() == before
    assert articles.list_articles(mine) == [] and not _pieces(mine)
