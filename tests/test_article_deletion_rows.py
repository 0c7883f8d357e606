"""An article's deletion writes its places' and claims' rows all at once, the same rows a
deletion place by place wrote, in statements that do not grow with its claims (rv213)."""

from __future__ import annotations

import json

import pytest

from store.core import appearances, article_deletion, articles, claims
from store.core.project import Project
from store.review import reviews

TEXT = "قال الوزير إن المعاهدة أقوى معاهدة على الإطلاق. وقال الوزير كذا في المؤتمر."
OTHER = "نشرت الصحيفة أن المعاهدة أقوى معاهدة على الإطلاق في تاريخ البلدين."


def _tag(project, article, words, label="disputed", occurrence=0, claim_id=None):
    start = article.text.index(words)
    for _ in range(occurrence):
        start = article.text.index(words, start + 1)
    if claim_id is not None:
        return appearances.add(project, claim_id, article.id, start, start + len(words))
    return appearances.create_claim(project, article.id, start, start + len(words), label)


def _rows(project, table):
    return {row["id"]: row for row in project.query(f"SELECT * FROM {table}")}


@pytest.fixture
def tagged(tmp_path):
    """An article of claims alone, one also elsewhere, one with a place untagged
    already, one deleted on its own, reviewed and noted, and a place whose prefix
    another program left NULL."""
    project = Project.open(tmp_path / "p.tahqiq", "me")
    first = articles.add_article(project, TEXT, "الأول")
    second = articles.add_article(project, OTHER, "الثاني")
    alone = _tag(project, first, "قال الوزير")
    claims.update_claim(project, alone.claim_id, note="ملاحظة",
                        sources=["https://example.org/a"])
    project.annotator = "rana"
    reviews.review_claim(project, alone.claim_id, "accept", "صحيح")
    project.annotator = "me"
    shared = _tag(project, first, "أقوى معاهدة على الإطلاق", label="verified")
    _tag(project, second, "أقوى معاهدة على الإطلاق", claim_id=shared.claim_id)
    twice = _tag(project, first, "الوزير", occurrence=1, label="unchecked")
    gone = _tag(project, first, "المؤتمر", claim_id=twice.claim_id)
    appearances.delete(project, gone.id)
    own = _tag(project, first, "المعاهدة", label="verified")
    claims.delete_claim(project, own.claim_id)
    project.execute("UPDATE appearances SET prefix = NULL WHERE id = ?", [twice.id])
    yield project, first, [alone, shared, twice, own], gone
    project.close()


def test_an_article_deleted_writes_the_rows_its_places_and_claims_did_one_by_one(tagged):
    project, first, (alone, shared, twice, own), gone = tagged
    places_before, claims_before = _rows(project, "appearances"), _rows(project, "claims")
    mark = project.execute("SELECT max(rowid) FROM history").fetchone()[0]
    article_deletion.delete_article(project, first.id)
    at = articles.get_article(project, first.id).deleted
    places, kept = _rows(project, "appearances"), _rows(project, "claims")
    tagged_here = [alone.id, own.id, shared.id, twice.id]  # in reading order
    untagged = {"deleted": at, "deleted_by": "me", "updated": at, "updated_by": "me"}
    for place_id, row in places_before.items():
        expected = {**row, **untagged} if place_id in tagged_here else row
        if place_id == twice.id:
            expected["prefix"] = ""  # (written whole, as read: Appearance.from_values)
        assert places[place_id] == expected
    # The claims left with no place, in the order of their places: each its own time,
    # told after its words went; the rest as they were.
    deleted = {alone.claim_id: kept[alone.claim_id]["deleted"],
               twice.claim_id: kept[twice.claim_id]["deleted"]}
    for claim_id, row in claims_before.items():
        when = deleted.get(claim_id)
        assert kept[claim_id] == ({**row, "deleted": when, "deleted_by": "me",
                                   "updated": when, "updated_by": "me"} if when else row)
    assert all(when > at for when in deleted.values())
    entries = list(project.query("SELECT * FROM history WHERE rowid > ? ORDER BY rowid",
                                [mark]))
    assert [(e["entity"], e["entity_id"], e["action"], e["who"]) for e in entries] == [
        *(("appearance", place_id, "delete", "me") for place_id in tagged_here),
        ("claim", alone.claim_id, "delete", "me"), ("claim", twice.claim_id, "delete", "me"),
        ("article", first.id, "delete", "me")]
    for entry in entries[:-1]:
        table = places_before if entry["entity"] == "appearance" else claims_before
        before = table[entry["entity_id"]]
        after = places if entry["entity"] == "appearance" else kept
        assert entry["at"] == after[entry["entity_id"]]["updated"]
        assert json.loads(entry["after"]) == after[entry["entity_id"]]
        assert json.loads(entry["before"]) == (
            {**before, "prefix": ""} if before is places_before.get(twice.id) else before)
    assert len({e["id"] for e in entries}) == len(entries)
    # Brought back, every place and claim the deletion took comes back live.
    restored, refused = article_deletion.restore_article(project, first.id)
    assert sorted(p.id for p in restored) == sorted([alone.id, shared.id, twice.id])
    assert project.execute("SELECT comment FROM reviews WHERE claim_id = ?",
                           [alone.claim_id]).fetchall() == [("صحيح",)]
    back = _rows(project, "claims")
    assert back[alone.claim_id]["note"] == "ملاحظة" and back[alone.claim_id]["deleted"] is None
    assert back[own.claim_id]["deleted"] is not None  # (deleted on its own: stays so)


class _Counted:
    """The project's connection, counting the statements it is sent (an executemany one:
    SQLite's trace is told each of its rows)."""

    def __init__(self, conn):
        self._conn, self.sent = conn, 0

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, *args):
        self.sent += 1
        return self._conn.execute(*args)

    def executemany(self, *args):
        self.sent += 1
        return self._conn.executemany(*args)


def _tagged_word_by_word(tmp_path, count):
    """A project whose article has *count* claims, a word each, every third also in
    another article; and that article."""
    project = Project.open(tmp_path / f"{count}.tahqiq", "me")
    text = " ".join(f"كلمة{i}" for i in range(count))
    article = articles.add_article(project, text, "مقال")
    other = articles.add_article(project, text, "آخر")
    for i in range(count):
        words = f"كلمة{i}"
        start = text.index(words + " " if i < count - 1 else words)
        place = appearances.create_claim(project, article.id, start, start + len(words),
                                         "disputed")
        if i % 3 == 0:  # (a claim also elsewhere stays)
            appearances.add(project, place.claim_id, other.id, start, start + len(words))
    return project, article


def _statements_deleting(tmp_path, count):
    project, article = _tagged_word_by_word(tmp_path, count)
    counted = project.conn = _Counted(project.conn)
    article_deletion.delete_article(project, article.id)
    project.conn = counted._conn
    assert appearances.count_live(project, article.id) == 0
    project.close()
    return counted.sent


def test_deleting_an_article_takes_as_many_statements_for_200_claims_as_for_10(tmp_path):
    assert _statements_deleting(tmp_path, 200) == _statements_deleting(tmp_path, 10)


def test_deleting_restoring_and_their_undo_and_redo_show_a_waiting_cursor(window,
                                                                          monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from gui import dialogs

    session = window.session
    first = window.current_article
    session.import_text(OTHER, repair_pdf=False, source_name="t")
    window.show_article(first)
    seen: list[tuple[str, object]] = []

    def watched(name):
        done = getattr(session, name)

        def run(*args, **kwargs):
            cursor = QGuiApplication.overrideCursor()
            seen.append((name, cursor.shape() if cursor is not None else None))
            return done(*args, **kwargs)
        return run

    for name in ("delete_article", "restore_article"):
        monkeypatch.setattr(session, name, watched(name))
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    window.action_set.delete_article.trigger()
    window.undo_stack.undo()
    window.undo_stack.redo()
    wait = Qt.CursorShape.WaitCursor
    assert seen == [("delete_article", wait), ("restore_article", wait),
                    ("delete_article", wait)]
    assert QGuiApplication.overrideCursor() is None


def _one_by_one(project, appearance_ids, refused=None):
    """appearances.restore_all as it was: each place restored in its own write."""
    from store.core.stamps import later_than
    from store.errors import TahqiqError

    seen = [stamp for row in project.execute(
        "SELECT a.updated, a.deleted, c.updated, c.deleted FROM appearances a JOIN claims c "
        "ON c.id = a.claim_id WHERE a.id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(appearance_ids))]) for stamp in row]
    at, done, first = later_than(*seen), [], None
    texts = {} if len(appearance_ids) > 1 else None
    for appearance_id in appearance_ids:
        try:
            done.append(appearances.restore(project, appearance_id, at=at, texts=texts))
        except TahqiqError as exc:
            first = first or exc
            if refused is not None:
                refused(exc)
    return done, first


def _restoring(project, first, own, solo):
    """The article brought back, then two claims deleted on their own: what each
    returned and told, and every row after."""
    told = []
    restored, refused = article_deletion.restore_article(project, first.id)
    back = [appearances.restore_claim(project, claim_id, refused=told.append)
            for claim_id in (solo.claim_id, own.claim_id)]
    return ([restored, type(refused), str(refused), back, [str(exc) for exc in told]],
            _rows(project, "appearances"), _rows(project, "claims"),
            [{k: v for k, v in row.items() if k != "id"} for row in project.query(
                "SELECT * FROM history ORDER BY rowid")])


def test_an_article_restored_writes_the_rows_its_places_restored_one_by_one_did(
        tagged, tmp_path, monkeypatch):
    """Checked in memory, each place sees the places and claims the ones before it
    brought back, as a restore one after another saw them in the file."""
    import shutil

    from store.core import stamps

    project, first, (alone, shared, twice, own), gone = tagged
    second = articles.get_article(project, project.execute(
        "SELECT id FROM articles WHERE title = 'الثاني'").fetchone()[0])
    # Two claims of mine on the same words (the second's twin, once the first is back);
    # a colleague's place; a claim deleted on its own with a place in the other article.
    _tag(project, first, "الإطلاق", label="disputed")
    _tag(project, first, "الإطلاق", label="verified")
    project.annotator = "rana"
    _tag(project, first, "كذا", label="disputed")
    project.annotator = "me"
    solo = _tag(project, first, "الوزير", label="verified")
    _tag(project, second, "الصحيفة", claim_id=solo.claim_id)
    claims.delete_claim(project, solo.claim_id)
    article_deletion.delete_article(project, first.id)
    # Tagged since on the same words (merged in from other copies): by me, by rana on her
    # words, and by rana on mine.
    project.execute("UPDATE articles SET deleted = NULL WHERE id = ?", [first.id])
    _tag(project, first, "قال الوزير", label="verified")
    project.annotator = "rana"
    _tag(project, first, "كذا", label="verified")
    _tag(project, first, "أقوى معاهدة على الإطلاق", label="disputed")
    project.annotator = "me"
    project.execute("UPDATE articles SET deleted = ? WHERE id = ?",
                    [articles.get_article(project, first.id).updated, first.id])
    project.close()
    shutil.copy(tmp_path / "p.tahqiq", tmp_path / "q.tahqiq")
    monkeypatch.setattr(stamps, "utcnow", lambda: "2030-01-01T00:00:00.000000Z")
    results = []
    for name, restore_all in (("p", appearances.restore_all), ("q", _one_by_one)):
        monkeypatch.setattr(appearances, "restore_all", restore_all)
        again = Project.open(tmp_path / f"{name}.tahqiq", "me")
        results.append(_restoring(again, first, own, solo))
        again.close()
    (said, *rows), (said_before, *rows_before) = results
    assert rows == rows_before
    assert said == said_before
    # Back: the words in the other article too, and the first of my two claims on the
    # same words; not the second (its twin, back before it), nor the words tagged again
    # since by me or by rana on hers. The claims deleted on their own come back whole.
    restored, refusal, message, _back, _told = said
    assert [place.quote for place in restored] == ["أقوى معاهدة على الإطلاق", "الإطلاق",
                                                   "الوزير"]
    assert refusal.__name__ == "DuplicateClaim" and "tagged again since, as Verified" in message
    places = rows[0]
    assert places[solo.id]["deleted"] is None and places[own.id]["deleted"] is None
    assert places[alone.id]["deleted"] is not None


def _statements_restoring(tmp_path, count):
    project, article = _tagged_word_by_word(tmp_path, count)
    article_deletion.delete_article(project, article.id)
    counted = project.conn = _Counted(project.conn)
    restored, refused = article_deletion.restore_article(project, article.id)
    project.conn = counted._conn
    assert len(restored) == count and refused is None
    assert appearances.count_live(project, article.id) == count
    project.close()
    return counted.sent


def test_restoring_an_article_takes_as_many_statements_for_200_claims_as_for_10(tmp_path):
    assert _statements_restoring(tmp_path, 200) == _statements_restoring(tmp_path, 10)
