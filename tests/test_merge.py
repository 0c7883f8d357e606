"""Merging a colleague's project file: matching, conflicts, tombstones, safety."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE, copy_of_new_project
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import (
    appearances,
    article_deletion,
    articles,
    claims,
    history,
    known_claims,
    labels,
    schema,
    stamps,
)
from store.core import settings as project_settings
from store.core.project import Project
from store.errors import (
    ImportRejected,
    MergeCancelled,
    NotAProject,
    SchemaTooNew,
    StorageError,
)
from store.exchange import exporting, importing, merge
from store.exchange.merge import MergeSummary, merge_file, merge_project
from store.exchange.seeding import open_or_create
from store.review import reviews, story

TABLES = ("articles", "labels", "claims", "reviews", "history")


@pytest.fixture
def pair(tmp_path, tmp_path_factory):
    """Alice's and Bob's projects, each seeded with the same sample article (different ids):
    copies of ones made so, Alice's first (copy_of_new_project)."""
    a = open_or_create(copy_of_new_project(tmp_path_factory, tmp_path / "alice.tahqiq",
                                           "alice", seeded=True), "alice")
    b = open_or_create(copy_of_new_project(tmp_path_factory, tmp_path / "bob.tahqiq", "bob",
                                           seeded=True), "bob")
    yield a, b
    a.close()
    b.close()


def article_id(project: Project) -> str:
    return articles.list_articles(project)[0]["id"]


def dump(project: Project) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: the project's whole content."""
    return {t: sorted(tuple(r) for r in project.db.conn.execute(f"SELECT * FROM {t}"))
            for t in TABLES}


def claims_by_id(project: Project) -> dict[str, dict]:
    """Claims with their appearances' every field but article_id (ids of the same text
    differ between files)."""
    places = {a.id: {k: v for k, v in a.to_row().items() if k != "article_id"}
              for a in appearances.list_appearances(project, include_deleted=True)}
    return {c.id: {**c.to_row(), "places": places.get(c.id)}
            for c in claims.list_claims(project, include_deleted=True)}


def copy_of(project: Project, path: Path, annotator: str) -> Project:
    project.backup(path)
    return Project.open(path, annotator)


def files_state(path: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime of a project file and of any -wal/-shm beside it."""
    found = {}
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            found[suffix] = (p.read_bytes(), p.stat().st_mtime_ns)
    return found


def diverge(a: Project, b: Project) -> dict[str, str]:
    """Shared claims edited on both sides; returns their ids by role.

    c1: both edit, other fields    -> combined: Alice's verdict and Bob's note
    c2: Bob deletes, Alice edits later -> conflict, stays deleted
    c3: only Bob edits              -> plain update
    c4: only Alice has it, c5: only Bob has it
    """
    aid, bid = article_id(a), article_id(b)
    c1 = appearances.tag_quote(a, aid, SAMPLE_QUOTE, "unchecked")
    c2 = appearances.create_claim(a, aid, 0, 10, "unchecked")
    c3 = appearances.create_claim(a, aid, 20, 30, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(a, c1.id, label="verified")
    claims.update_claim(b, c1.id, note="bob's note")
    claims.delete_claim(b, c2.id)
    claims.update_claim(a, c2.id, label="disputed")
    claims.update_claim(b, c3.id, sources=["https://example.org/x"])
    c4 = appearances.create_claim(a, aid, 40, 50, "verified")
    c5 = appearances.create_claim(b, bid, 60, 70, "disputed")
    b.annotator = "carol"  # a review is someone else's
    reviews.review_claim(b, c1.id, "reject", "needs a source")
    b.annotator = "bob"
    return {"c1": c1.id, "c2": c2.id, "c3": c3.id, "c4": c4.id, "c5": c5.id}


# -- bringing things in ------------------------------------------------------------------
def test_a_colleagues_file_being_written_out_of_wal_is_merged_as_committed(pair, tmp_path):
    """A colleague's file another program switched to a rollback journal, a write of its
    under way: the writer's uncommitted pages are in the file, their originals in the
    -journal. Read as immutable (no -wal beside it), the merge took what the writer then
    rolled back; now it reads through SQLite's locks, once the writer is done."""
    import threading

    alice, bob = pair
    bob.close()
    path = tmp_path / "bob.tahqiq"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA journal_mode=delete")
    writer.execute("PRAGMA cache_size=2")  # its changed pages spill into the file
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("INSERT OR REPLACE INTO settings (key, value, updated) VALUES "
                   "('organization', 'UNCOMMITTED', '9999')")
    writer.execute("INSERT OR REPLACE INTO settings (key, value, updated) VALUES "
                   "('padding', '', '9999')")
    writer.execute("INSERT INTO history (id, entity, entity_id, action, who, at, after) "
                   "VALUES ('h', 'x', 'x', 'x', 'x', 'x', ?)", ["y" * 400_000])
    assert path.with_name("bob.tahqiq-journal").exists()
    undone = threading.Timer(0.5, lambda: (writer.execute("ROLLBACK"), writer.close()))
    undone.start()
    try:
        merge_project(alice, path)
    finally:
        undone.join()
    values = dict(alice.execute("SELECT key, value FROM settings").fetchall())
    assert "UNCOMMITTED" not in values.values() and "padding" not in values


def test_a_colleagues_file_whose_writer_died_at_work_is_merged_as_committed(pair, tmp_path):
    """The same, the writer killed before it ended its write (a "hot" journal left
    beside the file): reading the file cannot roll that write back, and the merge was
    refused as "Cannot read …: attempt to write a readonly database". Its copy is rolled
    back instead; the colleague's file is left as it is."""
    import subprocess
    import sys

    alice, bob = pair
    bob.close()
    path = tmp_path / "bob.tahqiq"
    died = (
        "import os, sqlite3, sys\n"
        "w = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "w.execute('PRAGMA journal_mode=delete'); w.execute('PRAGMA cache_size=2')\n"
        "w.execute('BEGIN EXCLUSIVE')\n"
        "w.execute(\"INSERT OR REPLACE INTO settings (key, value, updated) VALUES "
        "('organization', 'UNCOMMITTED', '9999')\")\n"
        "w.execute(\"INSERT INTO history (id, entity, entity_id, action, who, at, after) "
        "VALUES ('h', 'x', 'x', 'x', 'x', 'x', ?)\", ['y' * 400000])\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", died, str(path)], check=True)
    assert path.with_name("bob.tahqiq-journal").stat().st_size > 0
    before = path.read_bytes()
    merged = merge_project(alice, path)
    assert merged.new_articles == 0  # the same sample article, committed by both
    values = dict(alice.execute("SELECT key, value FROM settings").fetchall())
    assert "UNCOMMITTED" not in values.values()
    assert path.read_bytes() == before and path.with_name("bob.tahqiq-journal").exists()


def test_new_claims_land_on_the_local_copy_of_the_same_text(pair):
    a, b = pair
    made = appearances.tag_quote(b, article_id(b), SAMPLE_QUOTE, "disputed", note="ملاحظة")
    b.annotator = "carol"  # a review is someone else's
    review = reviews.review_claim(b, made.id, "accept")
    b.annotator = "bob"
    summary = merge_project(a, b.path)
    assert (summary.new_claims, summary.new_reviews, summary.new_articles) == (1, 1, 0)
    # the claim's create, its appearance's and the review, by bob; not bob's story of his
    # own seed article and labels
    assert summary.new_history == 3
    got = appearances.get_appearance(a, made.id)
    assert got.article_id == article_id(a) != article_id(b)
    assert {k: v for k, v in got.to_row().items() if k != "article_id"} == \
        {k: v for k, v in made.to_row().items() if k != "article_id"}
    assert reviews.reviews_for(a, made.id) == [review]
    assert [(e.entity, e.action, e.who) for e in history.for_entity(a, made.id)] == [
        ("claim", "create", "bob"), ("appearance", "create", "bob"),
        ("claim", "review_accept", "carol")]
    assert any("new claims:       1" in line for line in summary.lines())


def test_missing_article_and_label_are_added(pair):
    a, b = pair
    text = "مقال جديد عن الاقتصاد والانتخابات في المنطقة."
    new = importing.import_text(b, text, title="جديد").article
    labels.add_label(b, "misleading", "Misleading", "#AA00AA")
    labels.update_label(b, "verified", color="#000000")  # presentation: ours is kept
    made = appearances.create_claim(b, new.id, 0, 4, "misleading")
    summary = merge_project(a, b.path)
    assert (summary.new_articles, summary.new_labels, summary.new_claims) == (1, 1, 1)
    assert articles.get_article(a, new.id).text == text  # the id is kept
    assert appearances.get_appearance(a, made.id).article_id == new.id
    keys = [label.key for label in labels.list_labels(a)]
    assert keys[-1] == "misleading" and len(keys) == 4
    assert labels.get_label(a, "verified").color != "#000000"
    # the added records come with their history (the article under its id here)
    assert [e.action for e in history.for_entity(a, "misleading")] == ["create"]
    assert [e.action for e in history.for_entity(a, new.id)] == ["create"]
    assert [e.action for e in history.for_entity(a, "verified")] == ["create"]  # alice's only


def test_labels_merged_onto_one_shortcut_leave_it_to_the_older_label(tmp_path):
    """Amal adds "satire" on the free key 4, then Badr "misleading" on his free key 4;
    Sara merges both. Two labels on one key make Qt find it ambiguous and it tags
    nothing: the older label keeps it (whoever's file came first), the other's is
    cleared and the summary says so, a second merge changes nothing."""
    amal = Project.open(tmp_path / "amal.tahqiq", "amal")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.add_label(amal, "satire", "Satire", "#0077AA", shortcut="4")
    labels.add_label(badr, "misleading", "Misleading", "#AA7700", shortcut="4")  # younger
    labels.add_label(badr, "rumour", "Rumour", "#777777", shortcut="5")
    amal.close()
    badr.close()
    ends = []
    for n, order in enumerate(((amal, badr), (badr, amal))):
        sara = Project.open(tmp_path / f"sara{n}.tahqiq", "sara")
        labels.add_label(sara, "hoax", "Hoax", "#112233", shortcut="5")  # younger than rumour
        summaries = [merge_project(sara, other.path) for other in order]
        shortcuts = {label.key: label.shortcut for label in labels.list_labels(sara)}
        assert (shortcuts["satire"], shortcuts["misleading"]) == ("4", "")
        assert (shortcuts["rumour"], shortcuts["hoax"]) == ("5", "")  # ours too, when younger
        taken = [s for s in shortcuts.values() if s]
        assert len(taken) == len(set(taken))
        freed = sorted(f[:3] for s in summaries for f in s.freed_shortcuts)
        assert freed == [("hoax", "5", "rumour"), ("misleading", "4", "satire")]
        said = "\n".join(line for s in summaries for line in s.lines())
        assert "Misleading" in said and "Satire" in said and "Hoax" in said  # (names, not keys)
        # the change is in each label's story, by the one who merged
        entry = history.for_entity(sara, "misleading")[-1]
        assert (entry.who, entry.before["shortcut"], entry.after["shortcut"]) == (
            "sara", "4", "")
        again = [merge_project(sara, other.path) for other in order]
        assert not any(s.changed or s.freed_shortcuts for s in again)
        ends.append(sorted((label.key, label.shortcut) for label in labels.list_labels(sara)))
        sara.close()
    assert ends[0] == ends[1]


def test_a_shortcut_freed_from_one_of_two_labels_of_a_name_names_it_with_its_key(tmp_path):
    """Amal renamed «disputed» False and put Satire on 4; Badr added his own «False»,
    «misleading», on 4. After the merge «give False a new one» named both labels called
    False: the one that lost its key is named with its key, in either language (rv216)."""
    amal = Project.open(tmp_path / "amal.tahqiq", "amal")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.update_label(amal, "disputed", name_en="False", name_ar="كاذب")
    labels.add_label(amal, "satire", "Satire", "#0077AA", shortcut="4", name_ar="ساخر")
    labels.add_label(badr, "misleading", "False", "#AA7700", shortcut="4", name_ar="كاذب")
    badr.close()
    summary = merge_project(amal, badr.path)
    [freed] = summary.freed_shortcuts
    assert str(freed.message()) == (
        "Labels False (misleading) and Satire had the same shortcut 4, and a key on two "
        "labels tags nothing: Satire, the older label, keeps it; give False (misleading) a "
        "new one in Project ▸ Labels…")
    assert [name.names["ar"] for name in freed.names] == ["\u2067كاذب (misleading)\u2069",
                                                         "ساخر"]
    amal.close()


def test_article_id_taken_by_another_text_gets_a_new_id(pair):
    a, b = pair
    taken = article_id(a)
    other = articles.add_article(b, "نص مختلف تماما عن المقال الأول.", "t", article_id=taken)
    made = appearances.create_claim(b, other.id, 0, 3, "unchecked")
    summary = merge_project(a, b.path)
    assert summary.new_articles == 1
    moved = appearances.get_appearance(a, made.id).article_id
    assert moved != taken
    assert articles.get_article(a, moved).fingerprint == other.fingerprint
    assert articles.get_article(a, taken).fingerprint != other.fingerprint
    assert [e.who for e in history.for_entity(a, moved)] == ["bob"]
    assert [e.who for e in history.for_entity(a, taken)] == ["alice"]


# -- both ways, again, and conflicts ------------------------------------------------------
def test_merging_both_ways_gives_the_same_claims(pair, tmp_path):
    a, b = pair
    ids = diverge(a, b)
    a2 = copy_of(a, tmp_path / "a2.tahqiq", "alice")
    b2 = copy_of(b, tmp_path / "b2.tahqiq", "bob")
    into_a = merge_project(a2, b.path)
    into_b = merge_project(b2, a.path)
    assert claims_by_id(a2) == claims_by_id(b2)
    assert set(claims_by_id(a2)) == set(ids.values())
    # every claim of the other file is counted once
    assert (into_a.new_claims, into_a.updated_claims, into_a.conflicts,
            into_a.combined_claims, into_a.unchanged_claims) == (1, 1, 1, 1, 0)
    assert (into_b.new_claims, into_b.updated_claims, into_b.conflicts,
            into_b.combined_claims, into_b.unchanged_claims) == (1, 0, 1, 1, 1)
    assert into_a.conflicted_claims == [ids["c2"]]  # named, for their histories
    assert "    claim " + ids["c2"] in [str(line) for line in into_a.lines()]
    merged = claims_by_id(a2)
    assert (merged[ids["c1"]]["label"], merged[ids["c1"]]["note"]) == ("verified", "bob's note")
    assert merged[ids["c2"]]["label"] == "disputed" and merged[ids["c2"]]["deleted_by"] == "bob"
    assert merged[ids["c3"]]["sources"] == '["https://example.org/x"]'
    # once each has merged the other, they have nothing left to tell each other
    again = merge_project(a2, b2.path)
    assert not again.changed and again.unchanged_claims == 5
    a2.close()
    b2.close()


def test_a_review_of_a_verdict_relabelled_elsewhere_stands_in_no_copy(pair, tmp_path):
    """Bob accepts Alice's "disputed"; Alice, having merged the review, relabels the claim
    "verified". Whichever way and order the files are merged, the claim is not reviewed,
    the review stays (of "disputed") in every copy, and merging again changes nothing."""
    a, b = pair
    made = appearances.tag_quote(a, article_id(a), SAMPLE_QUOTE, "disputed")
    merge_project(b, a.path)
    review = reviews.review_claim(b, made.id, "accept", "agreed: disputed")
    merge_project(a, b.path)
    assert reviews.current_review(a, made.id) == review
    claims.update_claim(a, made.id, label="verified")
    a2 = copy_of(a, tmp_path / "a2.tahqiq", "alice")
    b2 = copy_of(b, tmp_path / "b2.tahqiq", "bob")
    merge_project(b, a.path)  # bob takes alice's verdict
    merge_project(a2, b2.path)  # alice takes bob's file from before that: nothing new
    merge_project(b2, a2.path)
    for project in (a, b, a2, b2):
        assert claims.get_claim(project, made.id).label == "verified"
        assert reviews.reviews_for(project, made.id) == [review]
        assert review.label == "disputed"
        assert reviews.current_reviews(project) == {}
        text = exporting.export_text(project, "csv").removeprefix("\ufeff")
        (row,) = csv.DictReader(io.StringIO(text, newline=""))
        assert (row["label"], row["review_status"]) == ("verified", "")
    assert claims_by_id(a2) == claims_by_id(b2)
    assert dump(a2)["reviews"] == dump(b2)["reviews"] == dump(a)["reviews"]
    before = dump(b)
    assert not merge_project(b, a.path).changed and dump(b) == before
    a2.close()
    b2.close()


def test_second_merge_changes_nothing(pair):
    a, b = pair
    diverge(a, b)
    first = merge_project(a, b.path)
    assert first.changed
    before = dump(a)
    second = merge_project(a, b.path)
    assert second == MergeSummary(unchanged_claims=4, unchanged_appearances=4,
                                  source=b.path.name)
    assert dump(a) == before


def test_conflict_newer_wins_and_older_is_in_history(pair):
    a, b = pair
    ids = diverge(a, b)
    merge_project(a, b.path)
    c1 = appearances.get_appearance(a, ids["c1"])  # each kept the other's field
    assert (c1.label, c1.note, c1.claim.updated_by) == ("verified", "bob's note", "bob")
    conflict = [e for e in history.for_entity(a, ids["c1"]) if e.action == "merge_conflict"]
    assert len(conflict) == 1
    assert (conflict[0].who, conflict[0].before["label"], conflict[0].before["updated_by"]) == (
        "alice", "verified", "alice")
    assert conflict[0].after["note"] == "bob's note"
    # the local loser's edit history is still there, too
    assert "relabel" in [e.action for e in history.for_entity(a, ids["c1"])]


def test_local_newer_version_wins_and_colleagues_is_recorded(pair):
    a, b = pair
    aid = article_id(a)
    made = appearances.create_claim(a, aid, 0, 10, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(b, made.id, label="disputed")
    claims.update_claim(a, made.id, label="verified")  # later: Alice's version is newer
    summary = merge_project(a, b.path)
    assert (summary.conflicts, summary.updated_claims) == (1, 0)
    assert appearances.get_appearance(a, made.id).label == "verified"
    entry = [e for e in history.for_entity(a, made.id) if e.action == "merge_conflict"][0]
    assert (entry.before["label"], entry.after["label"]) == ("disputed", "verified")


def test_edit_made_on_top_of_a_merged_version_is_not_a_conflict(pair):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(b, made.id, label="verified")
    summary = merge_project(a, b.path)
    assert (summary.updated_claims, summary.conflicts) == (1, 0)
    assert appearances.get_appearance(a, made.id).label == "verified"
    assert not a.execute("SELECT 1 FROM history WHERE action = 'merge_conflict'").fetchone()


def test_deletion_survives_a_later_edit_either_way(pair, tmp_path):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    deleted = claims.delete_claim(a, made.id)
    claims.update_claim(b, made.id, note="edited after the deletion")
    a2 = copy_of(a, tmp_path / "a2.tahqiq", "alice")
    merge_project(a2, b.path)
    merge_project(b, a.path)
    for project in (a2, b):
        got = appearances.get_appearance(project, made.id)
        assert got.is_deleted
        assert (got.claim.deleted, got.claim.deleted_by) == (deleted.deleted, "alice")
        assert got.note == "edited after the deletion"
    assert appearances.list_appearances(b) == []
    a2.close()


def conflict_story(project: Project, claim_id: str) -> str:
    """The claim's one merge_conflict entry, as its history tells it (without the time
    and who noted it)."""
    (entry,) = [e for e in history.for_claim(project, claim_id) if e.action == "merge_conflict"]
    return str(story.summarize(entry))


@pytest.mark.parametrize("deleted_first", [True, False])
@pytest.mark.parametrize("deleter_merges", [True, False])
def test_a_deletion_against_an_edit_is_told_as_the_deletion_it_kept(pair, tmp_path,
                                                                    deleted_first,
                                                                    deleter_merges):
    """Alice deletes a claim, Bob (not having seen that) edits its note, before or after
    her; whoever merges the other's file, the claim stays deleted - and its story said
    "kept bob's version over alice's: note edited" when Bob's edit was the newer, as
    though the edit had won."""
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked", note="v1")
    merge_project(b, a.path)
    if deleted_first:
        claims.delete_claim(a, made.id)
        claims.update_claim(b, made.id, note="v2, with a source")
    else:
        claims.update_claim(b, made.id, note="v2, with a source")
        claims.delete_claim(a, made.id)
    here, there = (a, b) if deleter_merges else (b, a)
    assert merge_project(here, there.path).conflicts == 1
    assert claims.get_claim(here, made.claim_id).deleted_by == "alice"
    # Bob's note is kept under the deletion either way (a restore brings it back)
    assert claims.get_claim(here, made.claim_id).note == "v2, with a source"
    told = "kept alice's deletion over bob's edit: note edited" if deleted_first else \
        "kept alice's deletion over bob's edit, which it holds (restoring the claim " \
        "brings it back)"
    assert conflict_story(here, made.claim_id) == told
    # the other one, merging back, tells it the same
    merge_project(there, here.path)
    assert conflict_story(there, made.claim_id) == told


def test_a_deletion_on_both_sides_is_told_as_the_earlier_one_kept(pair):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    claims.delete_claim(a, made.id)
    claims.delete_claim(b, made.id)
    merge_project(a, b.path)
    assert conflict_story(a, made.claim_id) == "kept alice's deletion over bob's version"


def test_an_edit_against_an_edit_is_still_told_as_a_kept_version(pair):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked", note="v1")
    merge_project(b, a.path)
    claims.update_claim(a, made.id, note="alice's")
    claims.update_claim(b, made.id, note="bob's")
    merge_project(a, b.path)
    assert conflict_story(a, made.claim_id) == \
        "kept bob's version over alice's; not kept: alice's note “alice's”"


def test_restore_after_seeing_the_deletion_brings_the_claim_back(pair):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    claims.delete_claim(a, made.id)
    merge_project(b, a.path)
    claims.restore_claim(b, made.id)
    summary = merge_project(a, b.path)
    assert (summary.updated_claims, summary.restored_claims, summary.conflicts) == (0, 1, 0)
    assert "  brought back there: 1" in [str(line) for line in summary.lines()]
    assert not appearances.get_appearance(a, made.id).is_deleted


def test_equal_times_are_settled_the_same_way_both_ways(pair, tmp_path, monkeypatch):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    monkeypatch.setattr(stamps, "utcnow", lambda: "2031-01-01T00:00:00.000000Z")
    claims.update_claim(a, made.id, label="verified")
    claims.update_claim(b, made.id, label="disputed")
    a2 = copy_of(a, tmp_path / "a2.tahqiq", "alice")
    assert merge_project(a2, b.path).conflicts == 1
    assert merge_project(b, a.path).conflicts == 1
    assert claims_by_id(a2) == claims_by_id(b)
    a2.close()


def test_resolve_conflict_is_symmetric():
    x = {"id": "c", "article_id": "1", "label": "verified", "updated": "2", "deleted": None,
         "deleted_by": None}
    y = {"id": "c", "article_id": "2", "label": "disputed", "updated": "2", "deleted": "1",
         "deleted_by": "bob"}
    loser_xy, result_xy = merge.resolve_conflict(x, y)
    loser_yx, result_yx = merge.resolve_conflict(y, x)
    assert loser_xy == loser_yx
    assert {k: v for k, v in result_xy.items() if k != "article_id"} == \
        {k: v for k, v in result_yx.items() if k != "article_id"}
    assert (result_xy["deleted"], result_xy["deleted_by"]) == ("1", "bob")


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_resolve_conflict_is_symmetric_given_the_version_both_changed(data):
    """With a base too (each side's own fields kept), either order gives one record."""
    def version(stamp: str) -> dict:
        return {"id": "c", "label": data.draw(st.sampled_from(["verified", "disputed"])),
                "note": data.draw(st.sampled_from(["", "n", "m"])),
                "sources": json.dumps(data.draw(st.lists(
                    st.sampled_from(["https://x.example", "https://y.example",
                                     "https://z.example", "HTTPS://X.example/"]),
                    unique=True))),
                "updated": data.draw(st.sampled_from([stamp, "5"])), "updated_by": stamp,
                "deleted": data.draw(st.sampled_from([None, "3"])), "deleted_by": None}

    base, x, y = version("0"), version("1"), version("2")
    base["deleted"] = None
    # when the histories say each value was set (or nothing: the record's time counts)
    # what each file's history says of when each value was set
    set_by = merge.Setters()
    for home, name, value, when in data.draw(st.lists(st.tuples(
            st.sampled_from(["x", "y"]), st.sampled_from(["label", "note", "sources"]),
            st.sampled_from(["verified", "", "n", '["https://x.example"]', "[]"]),
            st.sampled_from(["1", "4", "6"])))):
        set_by.note(home, {name: "?"}, {name: value}, when)
    assert merge.resolve_conflict(x, y, base, set_by=set_by, homes=("x", "y")) == \
        merge.resolve_conflict(y, x, base, set_by=set_by, homes=("y", "x"))


# -- the colleague's file, and refusals ----------------------------------------------------
def test_closed_colleague_file_is_untouched(pair, tmp_path):
    a, b = pair
    appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    b.close()
    before = files_state(b.path)
    assert list(before) == [""]  # closed cleanly: no -wal, no -shm
    assert merge_project(a, b.path).new_claims == 1
    assert files_state(b.path) == before


def test_open_colleague_file_is_read_with_its_wal_and_untouched(pair):
    """The file and its -wal are left byte for byte. (Bob's file is open in this very
    process, so it is read through SQLite, which may move the read marks in the -shm,
    SQLite's shared-memory index that any reader updates: tests/reliability/
    test_locks_kept.py says why it is not read through a plain descriptor.)"""
    a, b = pair
    made = appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    before = files_state(b.path)
    assert "-wal" in before and len(before["-wal"][0]) > 0  # the claim is still in the WAL
    assert merge_project(a, b.path).new_claims == 1
    assert appearances.get_appearance(a, made.id).label == "unchecked"
    after = files_state(b.path)
    assert after[""] == before[""] and after["-wal"] == before["-wal"]


def test_a_colleagues_file_opened_through_a_link_is_read_with_its_wal(pair, tmp_path):
    """SQLite keeps the -wal beside the file a symbolic link names: looked for beside the
    link, none was found, and the file was read alone, as immutable, without the claim
    the -wal held (rv159's finding, for the merge)."""
    a, b = pair
    made = appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    assert files_state(b.path)["-wal"][0]  # (the claim is in the -wal)
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "current.tahqiq"
    link.symlink_to(b.path)
    assert merge_project(a, link).new_claims == 1
    assert appearances.get_appearance(a, made.id).label == "unchecked"


def count_calls(monkeypatch, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(merge, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, name, counted)
    return calls


def test_closed_colleague_file_is_read_in_place_and_checked_once(pair, monkeypatch):
    """No -wal beside it: nobody is writing it, so it is attached as immutable, not copied."""
    a, b = pair
    appearances.create_claim(b, article_id(b), 0, 10, "unchecked", note="ملاحظة")
    b.close()
    before = files_state(b.path)
    checks = count_calls(monkeypatch, "check_file")
    copies = count_calls(monkeypatch, "_private_copy")
    assert merge_project(a, b.path).new_claims == 1
    assert (len(checks), len(copies)) == (1, 0)
    assert files_state(b.path) == before


def test_an_empty_wal_means_someone_may_be_writing_the_file(pair, monkeypatch):
    """A -wal, even empty, comes with an open connection: the file is read from a copy
    (checking it in place, through its locks, would touch its -shm)."""
    a, b = pair
    appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    b.close()
    b.path.with_name(b.path.name + "-wal").write_bytes(b"")
    before = files_state(b.path)
    copies = count_calls(monkeypatch, "_private_copy")
    assert merge_project(a, b.path).new_claims == 1
    assert len(copies) == 1 and files_state(b.path) == before


def test_colleague_file_with_a_wal_is_copied_and_checked_once(pair, monkeypatch):
    a, b = pair
    appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    checks = count_calls(monkeypatch, "check_file")
    copies = count_calls(monkeypatch, "_private_copy")
    assert merge_project(a, b.path).new_claims == 1
    assert (len(checks), len(copies)) == (1, 1)


def test_the_copy_of_an_open_colleague_file_waits_on_no_disk(pair, monkeypatch):
    """The merge's copy of a file open here is its scratch file, read once and deleted: it
    is written without a journal and not synced. With SQLite's defaults every such merge
    wrote a journal beside the copy and waited for three syncs in the temporary folder
    (the convergence state machine's idle seconds, fx130)."""
    a, b = pair
    appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    written: list[tuple[str, int]] = []  # (journal mode, synchronous) of each copy

    class Recording(sqlite3.Connection):
        def backup(self, target, *args, **kwargs):
            written.append((target.execute("PRAGMA journal_mode").fetchone()[0],
                            target.execute("PRAGMA synchronous").fetchone()[0]))
            return super().backup(target, *args, **kwargs)

    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect",
                        lambda *args, **kwargs: real(*args, factory=Recording, **kwargs))
    assert merge_project(a, b.path).new_claims == 1
    assert written == [("off", 0)]


def test_read_in_place_or_from_a_copy_the_merge_is_the_same(pair, tmp_path):
    a, b = pair
    diverge(a, b)
    a2 = copy_of(a, tmp_path / "a2.tahqiq", "alice")
    from_copy = merge_project(a, b.path)  # Bob's file is open: it has a -wal
    b.close()
    in_place = merge_project(a2, b.path)
    assert (from_copy.new_claims, from_copy.conflicts, from_copy.combined_claims) == (1, 1, 1)
    assert vars(in_place) == vars(from_copy)
    assert claims_by_id(a2) == claims_by_id(a)
    a2.close()


def test_a_file_written_while_it_is_read_in_place_is_merged_from_a_copy(pair, monkeypatch):
    """Should the colleague's Tahqiq write its file during the merge, everything read so
    far is rolled back and the merge is done again from a copy of the file as it is now."""
    a, b = pair
    first = appearances.create_claim(b, article_id(b), 0, 10, "unchecked")
    b.close()
    late: list[str] = []
    real = merge._merge_history

    def colleague_writes_meanwhile(conn):
        if not late:
            with Project.open(b.path, "bob") as bob:
                late.append(appearances.create_claim(bob, article_id(bob), 20, 30, "verified").id)
        return real(conn)

    monkeypatch.setattr(merge, "_merge_history", colleague_writes_meanwhile)
    copies = count_calls(monkeypatch, "_private_copy")
    summary = merge_project(a, b.path)
    assert len(copies) == 1
    assert (summary.new_claims, summary.unchanged_claims) == (2, 0)
    assert {first.id, *late} <= set(claims_by_id(a))
    # brought once, not twice: the claim's create and its appearance's
    assert len(history.for_entity(a, first.id)) == 2


def test_a_file_before_appearances_is_merged_from_an_upgraded_copy(pair, monkeypatch):
    """Schema 4 moved claims' spans to appearances: a v3 file is read from a private copy
    migrated first, and left as it was."""
    a, b = pair
    b.close()
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        m.setattr(schema, "SCHEMA_VERSION", 3)
        older = open_or_create(b.path.with_name("v3.tahqiq"), "bob")
        aid = article_id(older)
        old = "01d0c1a1-0000-4000-8000-000000000003"  # (an id as Tahqiq makes them)
        with older.transaction():
            older.execute(
                'INSERT INTO claims (id, article_id, start, "end", quote, label, note, '
                "annotator, created, updated) VALUES (?, ?, 0, 10, ?, 'unchecked', "
                "'قديم', 'bob', '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')",
                [old, aid, articles.get_article(older, aid).text[:10]])
        older.close()
    before = files_state(older.path)
    copies = count_calls(monkeypatch, "_private_copy")
    summary = merge_project(a, older.path)
    assert (summary.new_claims, summary.new_appearances) == (1, 1)
    assert len(copies) == 1 and files_state(older.path) == before
    got = appearances.get_appearance(a, old)
    assert (got.note, got.claim_id, got.article_id) == ("قديم", old, article_id(a))


@pytest.mark.parametrize("kind", ["text", "empty", "foreign", "missing", "newer", "itself"])
def test_refusals_leave_the_project_alone(pair, tmp_path, kind):
    a, b = pair
    target = tmp_path / f"{kind}.tahqiq"
    expected: type[Exception] = NotAProject
    if kind == "text":
        target.write_text("not a database", encoding="utf-8")
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "foreign":
        sqlite3.connect(target).execute("CREATE TABLE t (x)").connection.close()
    elif kind == "newer":
        b.backup(target)
        conn = sqlite3.connect(target)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
        expected = SchemaTooNew
    elif kind == "itself":
        target, expected = a.path, ImportRejected
    before = dump(a)
    with pytest.raises(expected):
        merge_project(a, target)
    assert dump(a) == before


# -- all or nothing ----------------------------------------------------------------------
def test_failure_half_way_rolls_everything_back(pair, monkeypatch):
    a, b = pair
    diverge(a, b)
    before = dump(a)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    # the last write step: claims, reviews and history were already written by then
    monkeypatch.setattr(merge, "_record_conflicts", boom)
    with pytest.raises(RuntimeError):
        merge_project(a, b.path)
    assert dump(a) == before


@pytest.mark.parametrize("stop_at", ["first", "last"])
def test_cancel_writes_nothing(pair, stop_at):
    a, b = pair
    diverge(a, b)
    before = dump(a)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return stop_at == "last" and done < total

    with pytest.raises(MergeCancelled):
        merge_project(a, b.path, progress)
    assert dump(a) == before
    if stop_at == "first":
        assert len(calls) == 1
    else:  # refused at the very end, after every write: all rolled back
        assert calls[-1][0] == calls[-1][1] and len(calls) > 2


def test_progress_counts_up_to_total(pair):
    a, b = pair
    diverge(a, b)
    calls: list[tuple[int, int]] = []
    merge_project(a, b.path, lambda done, total: calls.append((done, total)) or True)
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and dones[0] == 0
    assert calls[-1][0] == calls[-1][1] > 0


# -- CSV dispatch -------------------------------------------------------------------------
def test_merge_file_sends_csv_to_the_csv_importer(pair, tmp_path):
    a, b = pair
    appearances.tag_quote(b, article_id(b), SAMPLE_QUOTE, "disputed")
    path = exporting.export_file(b, "csv", tmp_path / "bob.csv")
    a_before = dump(a)
    summary = merge_file(a, path)
    assert (summary.new_claims, summary.updated_claims, summary.unchanged_claims) == (1, 0, 0)
    assert dump(a) != a_before
    assert merge_file(a, path).unchanged_claims == 1
    # anything else is a project file
    assert merge_file(a, b.path).unchanged_claims == 1


def test_changes_of_fields_of_their_own_are_combined_and_told_so(pair):
    """Alice writes the note, Bob (later) the verdict; both add a link: all of it is kept,
    counted as combined, and the history says so (it told «not kept: alice's verdict»,
    the verdict both started from, and counted two new links as a conflict)."""
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(a, made.id, note="alice's", sources=["https://x.example/1"])
    claims.update_claim(b, made.id, label="disputed", sources=["https://y.example/2"])
    summary = merge_project(a, b.path)
    assert (summary.conflicts, summary.combined_claims) == (0, 1)
    merged = claims.get_claim(a, made.id)
    assert (merged.label, merged.note) == ("disputed", "alice's")
    assert sorted(merged.sources) == ["https://x.example/1", "https://y.example/2"]
    assert conflict_story(a, made.claim_id) == "combined alice's changes with bob's"
    assert merge_project(b, a.path).updated_claims == 1
    assert claims.get_claim(b, made.id) == merged


def test_a_claim_deleted_in_the_other_file_is_said_to_be(pair):
    """Bob rejected a claim Alice deleted meanwhile; merging her file, he read «updated
    claims: 1» and the claim was gone from his table. The summary says how many claims
    the other file deleted — updated there, or a deletion kept over an edit here — and
    where to bring one back; a claim merely edited there is not counted."""
    a, b = pair
    gone = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    kept = appearances.create_claim(a, article_id(a), 20, 30, "unchecked")
    edited_here = appearances.create_claim(a, article_id(a), 40, 50, "unchecked")
    merge_project(b, a.path)
    claims.delete_claim(a, gone.claim_id)
    claims.update_claim(a, kept.claim_id, note="checked")
    claims.delete_claim(a, edited_here.claim_id)
    claims.update_claim(b, edited_here.claim_id, note="mine")  # a conflict: deletion sticks
    summary = merge_project(b, a.path)
    assert (summary.updated_claims, summary.conflicts, summary.deleted_claims) == (1, 1, 2)
    assert claims.get_claim(b, edited_here.claim_id).is_deleted
    lines = [str(line) for line in summary.lines()]
    assert ("  deleted there:    2 (Edit ▸ Deleted Claims…, or tahqiq claim ID --restore, "
            "brings one back)") in lines
    assert not any("deleted there" in line for line in merge_project(a, b.path).lines())


def test_a_link_removed_after_a_combined_merge_stays_removed(pair):
    """After a combined merge both histories hold the merged record and its winner, with
    the same `updated`: taking the winner for the next merge's base brought back a link
    one side had removed since (by JSON order, every time)."""
    a, b = pair
    link = "https://x.example/1"
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(a, made.id, sources=[link])
    claims.update_claim(b, made.id, note="n")
    merge_project(a, b.path)
    merge_project(b, a.path)
    assert claims.get_claim(b, made.id).sources == (link,)
    claims.update_claim(b, made.id, sources=[])  # Bob takes the link out
    claims.update_claim(a, made.id, note="m")  # Alice, later, rewrites the note
    summary = merge_project(a, b.path)
    assert (summary.conflicts, summary.combined_claims) == (0, 1)
    merged = claims.get_claim(a, made.id)
    assert (merged.note, merged.sources) == ("m", ())
    merge_project(b, a.path)
    assert claims.get_claim(b, made.id) == merged


def test_a_note_lost_to_a_newer_one_is_told_whole(pair):
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked", note="v1")
    merge_project(b, a.path)
    claims.update_claim(a, made.id, label="verified", note="alice: the ministry's figures")
    claims.update_claim(b, made.id, note="bob's")
    assert merge_project(a, b.path).conflicted_claims == [made.claim_id]
    merged = claims.get_claim(a, made.id)
    assert (merged.label, merged.note) == ("verified", "bob's")  # her verdict kept
    assert conflict_story(a, made.claim_id) == (
        "kept bob's version over alice's; not kept: alice's note “alice: the ministry's "
        "figures”")


def test_an_export_or_an_article_given_to_merge_says_what_to_do(tmp_path):
    """«not an SQLite database» said what the file is not: a JSON export or an article
    given to merge says what a merge takes, and how an article comes in."""
    with Project.open(tmp_path / "mine.tahqiq", "huda") as project:
        for name, said in (("claims.json", "is an export, not a project"),
                           ("claims.jsonld", "is an export, not a project"),
                           ("story.txt", "is an article, not a project: import it")):
            path = tmp_path / name
            path.write_text("{}" if "json" in name else "نص", encoding="utf-8")
            with pytest.raises(NotAProject, match=said):
                merge_file(project, path)
        renamed = tmp_path / "colleague.json"  # a project, whatever its name
        Project.open(renamed, "badr").close()
        assert merge_file(project, renamed).new_claims == 0


@pytest.mark.parametrize("edit", [
    'UPDATE appearances SET start = start + 500, "end" = "end" + 500',  # past the text's end
    'UPDATE appearances SET start = -3',
    'UPDATE appearances SET start = "end", "end" = start',
    "UPDATE appearances SET quote = 'كلمات أخرى'",
])
def test_places_whose_words_are_not_at_their_offsets_are_refused(pair, tmp_path, edit):
    """A colleague's file edited by another program merged with status 0, and its claims
    then highlighted and exported other words than their quotes."""
    alice, _ = pair
    appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    bob.close()
    with sqlite3.connect(tmp_path / "bob-copy.tahqiq") as raw:
        raw.execute(edit)
    raw.close()
    appearances.tag_quote(alice, article_id(alice), "معاهدة", "disputed")
    before = dump(alice)
    with pytest.raises(ImportRejected, match="not where it puts them"):
        merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert dump(alice) == before


def test_places_moved_on_another_version_of_the_text_are_refused(pair, tmp_path):
    """Bob's copy of the article took a new text (its claims re-anchored there): his
    places' new offsets were written onto Alice's old text, on the wrong words."""
    from store.core import retext

    alice, _ = pair
    aid = article_id(alice)
    appearances.tag_quote(alice, aid, SAMPLE_QUOTE, "verified")
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    text = bob.db["articles"].get(aid)["text"]
    retext.set_article_text(bob, aid, "سطر جديد في أول المقال.\n" + text)
    bob.close()
    before = dump(alice)
    with pytest.raises(ImportRejected, match="not where it puts them"):
        merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert dump(alice) == before


def restored_off_its_words(bob: Project, gone: bool, *, after: str = "", twin: bool = False,
                           context: bool = False):
    """Bob's claim on the sample quote as a Tahqiq of 1-4 December restored it after its
    article took a new text that lost its words (*gone*: the claim was deleted first) or
    moved them (a line put before them, and *after* right after them): its place live at
    the old text's offsets, and with *context* its old context too; *twin*: a second live
    place of that claim already holds the words where they are now. Bob's project is
    closed; the place as it was made is returned."""
    import uuid

    from store.core import retext

    aid = article_id(bob)
    made = appearances.tag_quote(bob, aid, SAMPLE_QUOTE, "verified")
    text = bob.db["articles"].get(aid)["text"]
    if gone:
        claims.delete_claim(bob, made.claim_id)
        retext.set_article_text(bob, aid, text.replace(SAMPLE_QUOTE, "كلمات أخرى"))
    else:
        retext.set_article_text(bob, aid, "سطر جديد في أول المقال.\n"
                                + text.replace(SAMPLE_QUOTE, SAMPLE_QUOTE + after))
    bob.close()
    with sqlite3.connect(bob.path) as raw:  # as that Tahqiq's restore left it
        raw.execute("UPDATE claims SET deleted = NULL, deleted_by = NULL")
        if twin:
            columns = [row[1] for row in raw.execute("PRAGMA table_info(appearances)")]
            names = ", ".join(f'"{c}"' for c in columns)
            raw.execute(f"INSERT INTO appearances ({names}) SELECT "
                        + ", ".join("?" if c == "id" else f'"{c}"' for c in columns)
                        + " FROM appearances WHERE id = ?", [str(uuid.uuid4()), made.id])
        raw.execute('UPDATE appearances SET start = ?, "end" = ?' + (
            ", prefix = ?, suffix = ?" if context else "") + " WHERE id = ?",
            [made.start, made.end, *([made.prefix, made.suffix] if context else []), made.id])
    raw.close()
    return made


@pytest.mark.parametrize("gone", [False, True])
def test_places_an_older_tahqiq_left_off_their_words_are_found_again_or_left_out(
        pair, tmp_path, gone):
    """A Tahqiq of 1-4 December restored a claim whose words its article's new text had
    lost (or moved), its place live at the old text's offsets: every merge of that file
    was refused whole (rv267). In the text the colleague's file holds (its fingerprint),
    changed there, the words are found again by their context, or the place is merged
    untagged and its claim as one left with no words; merged again, either way, nothing
    changes."""
    from store.core.article_texts import check_places
    from store.core.project import integrity_problems

    alice, bob = pair
    text = bob.db["articles"].get(article_id(bob))["text"]
    made = restored_off_its_words(bob, gone)
    (problem,) = integrity_problems(bob.path)  # (`tahqiq check` blames no program only)
    assert "or a Tahqiq of 1-4 December restoring a claim" in problem
    summary = merge_project(alice, bob.path)
    assert (summary.places_found_again, summary.places_left_out) == (not gone, gone)
    assert summary.emptied_claims == gone
    place = appearances.get_appearance(alice, made.id)
    assert place.is_deleted == gone
    if not gone:
        new_text = articles.get_article(alice, place.article_id).text
        assert new_text[place.start:place.end] == SAMPLE_QUOTE != text[place.start:place.end]
    assert check_places(alice.conn) == (0, None, [])
    assert claims.get_claim(alice, made.claim_id).is_deleted == gone
    bob = Project.open(bob.path, "bob")
    try:
        _settled(alice, bob, claims.get_claim(alice, made.claim_id))
        assert appearances.get_appearance(bob, made.id) == place
    finally:
        bob.close()


def test_check_finds_places_another_program_moved_off_their_words(pair, tmp_path):
    """`tahqiq check` said «no damage found» of a file whose offsets no longer held their
    quotes."""
    from store.core.project import integrity_problems

    alice, _ = pair
    appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    alice.backup(tmp_path / "moved.tahqiq")
    assert integrity_problems(tmp_path / "moved.tahqiq") == []
    with sqlite3.connect(tmp_path / "moved.tahqiq") as raw:
        raw.execute('UPDATE appearances SET start = start + 2, "end" = "end" + 2')
    raw.close()
    (problem,) = integrity_problems(tmp_path / "moved.tahqiq")
    assert problem.startswith("claim places not holding their words") and problem.endswith(": 1")


def test_a_place_ending_past_its_text_is_found_by_check_and_refused_by_a_merge(pair,
                                                                              tmp_path):
    """Another program wrote the end of a place holding the text's last words far past the
    text: SQLite's substr() stops quietly at the text's end, so the place held its quote,
    `check` found nothing and the merge took it; this project's own CSV export was then
    refused by any merge («end ... is past the end of the article», rv254)."""
    from store.core.project import integrity_problems

    alice, bob = pair
    text = bob.db["articles"].get(article_id(bob))["text"]
    last = text.rstrip()[-6:]
    appearances.create_claim(bob, article_id(bob), len(text.rstrip()) - 6,
                             len(text.rstrip()), "verified")
    bob.close()
    with sqlite3.connect(bob.path) as raw:
        raw.execute('UPDATE appearances SET "end" = "end" + 1000 WHERE quote = ?', [last])
    raw.close()
    (problem,) = integrity_problems(bob.path)
    assert problem.startswith("claim places not holding their words") and problem.endswith(": 1")
    before = dump(alice)
    with pytest.raises(ImportRejected, match="not where it puts them"):
        merge_project(alice, bob.path)
    assert dump(alice) == before


def test_one_checkers_two_copies_with_two_verdicts_on_the_same_words_disagree(pair, tmp_path):
    """Amal tagged «بوتين» verified on her laptop and disputed on her desktop, then
    merged: ClaimReview published both ratings, as the disagreement rule counted only
    two annotators. A claim of hers inside another of hers keeps its own verdict."""
    from store.core import settings
    from store.review.disagreements import disagreements

    laptop, _ = pair
    aid = article_id(laptop)
    desktop = copy_of(laptop, tmp_path / "desktop.tahqiq", "alice")
    mine = appearances.tag_quote(laptop, aid, "بوتين", "verified")
    appearances.tag_quote(laptop, aid, "فلاديمير بوتين اتفاقا", "disputed")  # around it: none
    theirs = appearances.tag_quote(desktop, aid, "بوتين", "disputed")
    desktop.close()
    merge_project(laptop, tmp_path / "desktop.tahqiq")
    (found,) = disagreements(laptop, aid)
    assert {found.first.id, found.second.id} == {mine.id, theirs.id}
    settings.update_settings(laptop, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    skipped: list = []
    published = json.loads(exporting.export_text(laptop, "claimreview", skipped=skipped))
    assert {mine.claim_id, theirs.claim_id} <= {claim for claim, _ in skipped}
    assert not {f"urn:uuid:{mine.claim_id}", f"urn:uuid:{theirs.claim_id}"} & {
        r["@id"] for r in published}


OWNERS = {"A": "amal", "B": "badr", "C": "chadi", "D": "dana"}


def three_copies(tmp_path: Path, names: str = "ABC") -> tuple[dict[str, Path], str]:
    """Amal's, Badr's and Chadi's copies of one project with one unchecked claim (or
    those of *names*, the first one's claim)."""
    paths = {name: tmp_path / f"{name}.tahqiq" for name in names}
    with open_or_create(paths[names[0]], OWNERS[names[0]]) as first:
        claim_id = appearances.tag_quote(first, article_id(first), SAMPLE_QUOTE,
                                         "unchecked").claim_id
    for name in names[1:]:
        shutil.copy(paths[names[0]], paths[name])
    return paths, claim_id


def in_turn(paths: dict[str, Path], steps, claim_id: str = "") -> None:
    """Each step (copy, action) done by the copy's owner, in turn. An action is a
    function of the project, the name of the copy to merge, or the change to make to the
    claim *claim_id* (a dict)."""
    for name, action in steps:
        with Project.open(paths[name], OWNERS[name]) as project:
            if isinstance(action, str):
                merge_project(project, paths[action])
            elif isinstance(action, dict):
                claims.update_claim(project, claim_id, **action)
            else:
                action(project)


def test_one_page_linked_in_three_spellings_ends_alike_in_every_order(tmp_path):
    """Three colleagues each added the same pages in their own spelling (the Arabic path
    raw and percent-encoded, the host in capitals). A merge keeps each spelling a
    colleague gave: judged one link (rv73), the spelling kept, and whether a page removed
    in one spelling and added in another stood, came to depend on the order of merges
    (rv79). Every file ends alike, in every order."""
    raw = "https://ar.wikipedia.org/wiki/معاهدة"
    ends = set()
    for order in ("ABC", "CBA", "BAC"):
        paths, claim_id = three_copies(tmp_path / order)
        in_turn(paths, [
            ("A", {"sources": [raw, "https://bbc.com/a"]}),
            ("B", {"sources": ["https://ar.wikipedia.org/wiki/%D9%85%D8%B9%D8%A7%D9%87"
                               "%D8%AF%D8%A9", "https://BBC.com/a"]}),
            ("C", {"sources": ["HTTPS://AR.WIKIPEDIA.ORG/wiki/معاهدة"]})], claim_id)
        for _ in range(2):
            in_turn(paths, [(here, there) for here in order for there in "ABC"
                            if there != here])
        for name in "ABC":
            with Project.open(paths[name], "x") as project:
                ends.add(claims.get_claim(project, claim_id).sources)
    assert len(ends) == 1


@pytest.mark.parametrize("order", ["AB", "BA"])
def test_a_restore_made_after_seeing_the_deletion_stands_in_either_order(tmp_path, order):
    """A deletes, B merges A and restores, C (who saw neither) edits the note and merges
    A and B: merging A first gave C the deletion with C's note, which then beat B's
    restore, and every file ended deleted; the other order ended live."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", lambda p: claims.delete_claim(p, claim_id)),
                    ("C", {"note": "سبب شادي"}), ("B", "A"),
                    ("B", lambda p: claims.restore_claim(p, claim_id)),
                    *(("C", source) for source in order)], claim_id)
    for _ in range(2):
        in_turn(paths, [(here, there) for here, there in ("AB", "BA", "AC", "CA", "BC", "CB")])
    for name in "ABC":
        with Project.open(paths[name], "x") as project:
            claim = claims.get_claim(project, claim_id)
        assert (claim.is_deleted, claim.note) == (False, "سبب شادي"), name


@pytest.mark.parametrize("order", ["BC", "CB"])
def test_a_note_taken_back_stays_taken_back_in_either_order(tmp_path, order):
    """Badr writes a note and takes it back; Chadi, who merged the note before that, later
    relabels. Amal merging Chadi's file before Badr's kept Badr's note out; merging
    Badr's first brought it back, as though Chadi had written it: the version both
    built on was Amal's, where the note was not yet written."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", {"sources": ["https://a.example/1"]}), ("B", {"note": "n2"}),
                    ("C", "B"), ("B", {"note": ""}), ("A", {"sources": []}), ("C", "A"),
                    ("C", {"label": "verified"}), *(("A", name) for name in order)],
            claim_id)
    with Project.open(paths["A"], "amal") as amal:
        claim = claims.get_claim(amal, claim_id)
    assert (claim.label, claim.note, claim.sources) == ("verified", "", ())


@pytest.mark.parametrize("order", ["AC", "CA"])
def test_a_link_removed_by_someone_who_saw_it_stays_removed_in_either_order(tmp_path,
                                                                             order):
    """Amal adds a link; Chadi merges it and removes it; Amal's file, merged with Badr's
    relabelling, still has it. Badr merging Amal's file after Chadi's brought it back
    (the version both built on was his, without it: Amal's side was taken to add it)."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", {"sources": ["https://a.example/1"]}), ("C", "A"),
                    ("B", {"label": "disputed"}), ("C", {"sources": []}), ("A", "B"),
                    ("B", {"note": "b"}), *(("B", name) for name in order)], claim_id)
    with Project.open(paths["B"], "badr") as badr:
        claim = claims.get_claim(badr, claim_id)
    assert (claim.label, claim.note, claim.sources) == ("disputed", "b", ())


def test_a_change_a_later_one_replaced_in_the_newer_record_is_told_as_such(pair):
    """Alice removes a link, Bob removes it and puts it back later, Alice then writes a
    note: her record is the newer, but the link stands (added after it was removed). The
    history told «kept alice's version over alice's»."""
    a, b = pair
    url = "https://example.org/report"
    made = appearances.create_claim(a, article_id(a), 0, 8, "unchecked")
    claims.update_claim(a, made.claim_id, sources=[url])
    merge_project(b, a.path)
    claims.update_claim(a, made.claim_id, sources=[])
    claims.update_claim(b, made.claim_id, sources=[])
    claims.update_claim(b, made.claim_id, sources=[url])
    claims.update_claim(a, made.claim_id, note="checked")
    summary = merge_project(a, b.path)
    claim = claims.get_claim(a, made.claim_id)
    assert (claim.sources, claim.note, summary.conflicts) == ((url,), "checked", 1)
    told = [str(story.summarize(e)) for e in history.for_claim(a, made.claim_id)
            if e.action == "merge_conflict"]
    assert f"kept a later change over alice's; not kept: alice removing {url}" in told


def test_links_given_in_one_edit_keep_their_order_through_a_merge(pair):
    """Alice gives two links at once, Bob writes a note: the merged claim listed them by
    address, an order neither chose, as links added together share one time."""
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 8, "unchecked")
    merge_project(b, a.path)
    mine = ("https://z.example/first", "https://a.example/second")
    claims.update_claim(a, made.claim_id, sources=list(mine))
    claims.update_claim(b, made.claim_id, note="bob's")
    merge_project(a, b.path)
    merge_project(b, a.path)
    for project in (a, b):
        claim = claims.get_claim(project, made.claim_id)
        assert (claim.sources, claim.note) == (mine, "bob's")


def running_fast(monkeypatch, seconds: float) -> None:
    """Every clock of the store running *seconds* ahead (a colleague's laptop)."""
    real = stamps.utcnow

    def fast() -> str:
        now = datetime.strptime(real(), "%Y-%m-%dT%H:%M:%S.%fZ") + timedelta(seconds=seconds)
        return now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for name, module in list(sys.modules.items()):
        if name.startswith("store.") and getattr(module, "utcnow", None) is real:
            monkeypatch.setattr(module, "utcnow", fast)


@pytest.mark.parametrize("order", ["ABC", "CAB", "BCA", "ACB"])
def test_a_change_made_after_seeing_a_fast_clocks_verdict_wins_in_every_order(
        tmp_path, monkeypatch, order):
    """Amal's clock runs a minute fast; Chadi merges her verdict and deliberately sets
    another, stamped earlier than hers; Badr adds a link. Comparing the stamps of the two
    verdicts let Amal's win in one order: only Chadi changed the verdict since the version
    both built on, and he had seen hers."""
    paths, claim_id = three_copies(tmp_path)
    with monkeypatch.context() as fast:
        running_fast(fast, 60)
        in_turn(paths, [("A", {"label": "disputed"})], claim_id)
    in_turn(paths, [("B", {"sources": ["https://b.example/1"]}), ("C", "A"),
                    ("C", {"label": "verified"}), *((order[0], name) for name in order[1:]),
                    *((name, order[0]) for name in order[1:])], claim_id)
    for name in "ABC":
        with Project.open(paths[name], "x") as project:
            claim = claims.get_claim(project, claim_id)
            assert (claim.label, claim.sources) == ("verified", ("https://b.example/1",)), name


def test_a_restore_written_before_restores_listed_deletions_still_stands(tmp_path):
    """Restores written by Tahqiq before this one name only the deletion in their before;
    one that had seen two deletions must not bring the other back when merged now."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [
        ("B", lambda p: claims.delete_claim(p, claim_id)),
        ("A", lambda p: claims.delete_claim(p, claim_id)), ("A", "B"),
        ("C", {"note": "مصدر"}), ("B", "C"),
        ("A", lambda p: claims.restore_claim(p, claim_id)),
        ("A", lambda p: p.execute(  # as an earlier Tahqiq wrote it
            "UPDATE history SET before = json_remove(before, ?) WHERE action = 'restore'",
            [f"$.{history.LIFTED_KEY}"])),
        ("A", "B"),
    ], claim_id)
    with Project.open(paths["A"], "amal") as amal:
        claim = claims.get_claim(amal, claim_id)
    assert (claim.is_deleted, claim.note) == (False, "مصدر")


def test_a_claims_deletion_is_not_taken_for_its_first_places(tmp_path):
    """A claim's first place shares the claim's id. Chadi moves the place to another
    claim, Amal deletes the claim, Badr untags the place and, after Chadi merged that, tags
    it again: the place stayed untagged, «deleted by amal», who never untagged those words.
    (Badr's newer record of the place then puts it back on its first claim, Amal's
    deleted one: a move against a concurrent change of the place is a known limit.)"""
    paths = {name: tmp_path / f"{name}.tahqiq" for name in "ABC"}
    with open_or_create(paths["A"], "amal") as amal:
        x = appearances.create_claim(amal, article_id(amal), 0, 8, "unchecked").claim_id
        y = appearances.create_claim(amal, article_id(amal), 50, 58, "verified").claim_id
    for name in "BC":
        shutil.copy(paths["A"], paths[name])
    in_turn(paths, [
        ("C", lambda p: appearances.link(p, x, y)),
        ("A", lambda p: claims.delete_claim(p, x)),
        ("B", lambda p: appearances.delete(p, x)), ("C", "B"),
        ("B", lambda p: appearances.restore(p, x)), *(("C", name) for name in "ABAB")])
    with Project.open(paths["C"], "chadi") as chadi:
        (deleted, deleted_by), = chadi.execute(
            "SELECT deleted, deleted_by FROM appearances WHERE id = ?", [x]).fetchall()
    assert (deleted, deleted_by) == (None, None)


@pytest.mark.parametrize("order", ["ABC", "CAB"])
def test_a_deletion_no_restore_saw_stands_in_either_order(tmp_path, order):
    """Badr and Chadi each delete the claim; Amal merges Badr's file; Badr then restores
    it, having seen only his own deletion. Merged A ← B ← C the claim stayed deleted
    (Chadi's deletion); merged C ← A ← B, Chadi's deletion had given way to Badr's earlier
    one in the record, which Badr's restore lifted: the claim came back live. Now
    Chadi's deletion stands either way."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("B", lambda p: claims.delete_claim(p, claim_id)),
                    ("C", lambda p: claims.delete_claim(p, claim_id)), ("A", "B"),
                    ("B", lambda p: claims.restore_claim(p, claim_id))])
    editor = tmp_path / "editor.tahqiq"
    shutil.copy(paths[order[0]], editor)
    with Project.open(editor, "editor") as project:
        for name in order[1:]:
            merge_project(project, paths[name])
        claim = claims.get_claim(project, claim_id)
        assert (claim.is_deleted, claim.deleted_by) == (True, "chadi")


def test_a_restore_made_after_seeing_two_deletions_lifts_both(pair, tmp_path):
    """Both delete the claim; Bob merges Alice's file, so he has seen both deletions, and
    restores it: it is live in every copy, whichever merges first."""
    a, b = pair
    made = appearances.tag_quote(a, article_id(a), SAMPLE_QUOTE, "verified")
    merge_project(b, a.path)
    keep = tmp_path / "alice-deleted.tahqiq"
    claims.delete_claim(a, made.claim_id)
    claims.delete_claim(b, made.claim_id)
    a.backup(keep)
    merge_project(b, a.path)
    claims.restore_claim(b, made.claim_id)
    (restore,) = [e for e in history.for_entity(b, made.claim_id) if e.action == "restore"]
    assert len(restore.before[history.LIFTED_KEY]) == 2  # it names both deletions
    merge_project(a, b.path)
    assert not claims.get_claim(a, made.claim_id).is_deleted
    with Project.open(keep, "carol") as carol:  # from Alice's deleted copy, the other way
        merge_project(carol, b.path)
        assert not claims.get_claim(carol, made.claim_id).is_deleted


@pytest.mark.parametrize("order", ["BC", "CB"])
def test_a_verdict_set_later_wins_whatever_newer_change_carried_the_older_one(tmp_path,
                                                                              order):
    """Amal sets a verdict, Badr later another, Chadi later still only writes a note. An
    editor merging Chadi's file before Badr's kept Amal's older verdict, carried by
    Chadi's newer record, over Badr's; in the other order Badr's stood. Now Badr's stands
    either way, and the history tells whose verdict was not kept."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", {"label": "disputed"}), ("B", {"label": "verified"}),
                    ("C", {"note": "أرقام الوزارة"})], claim_id)
    with Project.open(paths["A"], "editor") as editor:
        summaries = [merge_project(editor, paths[name]) for name in order]
        merged = claims.get_claim(editor, claim_id)
        assert (merged.label, merged.note) == ("verified", "أرقام الوزارة")
        assert sum(s.conflicts for s in summaries) == 1  # amal's verdict, not kept
        told = [str(story.summarize(e)) for e in history.for_claim(editor, claim_id)
                if e.action == "merge_conflict"]
        kept = {"BC": "badr's version", "CB": "a later change"}[order]  # not chadi's
        assert f"kept {kept} over amal's; not kept: amal's verdict disputed" in told, told


@pytest.mark.parametrize("sources", ["5", "true", '{"a": 1}', "[" * 1000, "[" * 990])
def test_a_colleagues_links_that_are_no_list_are_kept_as_written(pair, tmp_path, sources):
    """A claim's links another program wrote as «5» stopped the merge on a TypeError, and
    a thousand «[» on a RecursionError. As any unreadable links (the hostile corpus's
    damaged-sources), they are merged as one link, written as they were, and every
    export reads them."""
    from store.exchange import exporting

    alice, _ = pair
    made = appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob").close()
    claims.update_claim(alice, made.claim_id, note="alice's")  # both change it
    with sqlite3.connect(tmp_path / "bob-copy.tahqiq") as raw:
        raw.execute("UPDATE claims SET sources = ?, note = 'bob''s', updated = "
                    "'2030-01-01T00:00:00.000000Z'", [sources])
    raw.close()
    merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert claims.get_claim(alice, made.claim_id).note == "bob's"
    assert alice.execute("SELECT sources FROM claims WHERE id = ?", [made.claim_id]
                         ).fetchone()[0] == sources  # as written
    for kind in ("csv", "json", "w3c"):
        assert exporting.export_text(alice, kind)
    assert merge_project(alice, tmp_path / "bob-copy.tahqiq").changed is False


def test_a_colleagues_article_that_is_not_utf8_is_a_damaged_file_said_in_one_line(
        pair, tmp_path):
    """Another program's bytes in a new article's text were refused as «The change was not
    saved: Could not decode to UTF-8 … '<the text, newlines and all>'», blaming this
    project's saving, over several lines. The colleague's file is damaged: one line."""
    alice, _ = pair
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    new = articles.add_article(bob, "سطر أول من مقال ثان.\nسطر ثان.\nسطر ثالث.", "Second")
    bob.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    bob.close()
    with contextlib.closing(sqlite3.connect(tmp_path / "bob-copy.tahqiq")) as raw:
        trigger = raw.execute("SELECT sql FROM sqlite_master "
                              "WHERE name = 'search_articles_update'").fetchone()[0]
        raw.execute("DROP TRIGGER search_articles_update")
        raw.execute("UPDATE articles SET text = CAST(CAST(text AS BLOB) || X'FF' AS TEXT) "
                    "WHERE id = ?", [new.id])
        raw.execute(trigger)
        raw.commit()
    before = dump(alice)
    with pytest.raises(NotAProject, match="damaged") as caught:
        merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert "\n" not in str(caught.value) and "not saved" not in str(caught.value)
    assert dump(alice) == before


@pytest.mark.parametrize("table, column", [
    ("reviews", "label"), ("articles", "source_name"), ("articles", "created_by"),
    ("articles", "updated"), ("appearances", "quote"), ("history", "who")])
def test_a_colleagues_file_another_program_dropped_a_column_from_is_refused(
        pair, tmp_path, monkeypatch, table, column):
    """A column another program dropped (ALTER TABLE … DROP COLUMN) passed every check,
    and merging read its quoted name, found nowhere, as a string: every review brought in
    had the verdict 'label', every article the source «source_name»; one read through an
    alias (s.quote, h.who) was «The change was not saved: no such column» (rv184). The
    file is damaged; and should that check miss one, the merge fails, bringing nothing."""
    alice, _ = pair
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    new = articles.add_article(bob, "قال الوزير إن خط المساعدة يعمل منذ أمس.", "Second",
                               source_name="Reuters")
    made = appearances.tag_quote(bob, new.id, "خط المساعدة", "verified")
    bob.annotator = "editor"
    reviews.review_claim(bob, made.claim_id, "accept", "ok")
    bob.close()
    path = tmp_path / "bob-copy.tahqiq"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    before, theirs = dump(alice), files_state(path)
    with pytest.raises(NotAProject, match=f"its table {table} lacks its column {column}"):
        merge_project(alice, path)
    monkeypatch.setattr(schema, "missing_columns", lambda columns, version: [])
    with pytest.raises(StorageError, match=f"no such column: .*{column}"):
        merge_project(alice, path)
    assert dump(alice) == before and files_state(path) == theirs


def test_a_history_entry_nested_too_deeply_for_python_breaks_nothing(pair, tmp_path):
    """A colleague's history entry of a thousand «[» (JSON to SQLite, a RecursionError to
    Python) was merged, and from then on this project's JSON export and the claim's
    history raised: such an entry reads as none, as any other unreadable one."""
    from store.exchange import exporting

    alice, _ = pair
    made = appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    claims.update_claim(bob, made.claim_id, note="bob's")
    deep = "dee90000-0000-4000-8000-000000000000"
    bob.execute("INSERT INTO history (id, entity, entity_id, action, who, at, before, after) "
                "VALUES (?, 'claim', ?, 'edit', 'bob', '2030-01-01T00:00:00.000000Z', "
                "?, NULL)", [deep, made.claim_id, "[" * 990])
    bob.close()
    summary = merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert summary.updated_claims == 1 and claims.get_claim(alice, made.claim_id).note == "bob's"
    assert [e.before for e in history.for_claim(alice, made.claim_id) if e.id == deep] == [None]
    assert json.loads(exporting.export_text(alice, "json"))
    assert merge_project(alice, tmp_path / "bob-copy.tahqiq").changed is False


@pytest.mark.parametrize("edit", [
    "UPDATE claims SET updated = 'yesterday'",
    "UPDATE appearances SET deleted = '4 Dec', deleted_by = 'x'",
    "UPDATE settings SET updated = 'yesterday'",
    "UPDATE history SET at = 'now' WHERE action = 'create'",
    "UPDATE dismissals SET at = 'last week'",
    # (a time, but not as Tahqiq writes one: this project's CSV export carried it into
    # every later merge, which refused the CSV whole - rv254)
    "UPDATE appearances SET created = '2026-12-07T05:52:03'",
    "UPDATE claims SET updated = '2026-12-07T05:52:03+05:00'",
    "UPDATE history SET at = '2026-12-07T05:52:03.000000Z ' WHERE action = 'create'",
    "UPDATE claims SET updated = '2026-02-30T05:52:03.000000Z'",
    "UPDATE claims SET updated = '2026-13-01T05:52:03.000000Z'",
    "UPDATE settings SET updated = '2026-12-07T24:52:03.000000Z'",
])
def test_a_colleagues_time_that_is_no_time_is_refused(pair, tmp_path, edit):
    """«yesterday» written by another program was merged as it was, and then sorted after
    every real time: that version would win every later conflict (a setting so stamped
    came back over every later change)."""
    alice, _ = pair
    made = appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    project_settings.update_settings(alice, organization="Alice's Desk")
    known_claims.dismiss(alice, article_id(alice), made.claim_id, 0, 5)
    copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob").close()
    with sqlite3.connect(tmp_path / "bob-copy.tahqiq") as raw:
        raw.execute(edit)
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match="which is no time"):
        merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert dump(alice) == before


@pytest.mark.parametrize(("edit", "told"), [
    ("UPDATE appearances SET prefix = 'nothing like the words before'", "not the text before"),
    ("UPDATE appearances SET suffix = 'nor the words after'", "not the text after"),
    ("UPDATE appearances SET prefix = 'x' || prefix", "not the text before"),
    ("UPDATE appearances SET annotator = ''", "annotator is empty"),
    ("UPDATE appearances SET annotator = ' \u00a0'", "annotator is empty"),
])
def test_a_colleagues_place_no_tahqiq_wrote_is_refused(pair, tmp_path, edit, told):
    """A place's prefix or suffix that is not the text beside its words, or an empty
    annotator (another program's): merged as they were, the W3C export gave the wrong
    context, and this project's own CSV export was refused whole by every later merge,
    as the CSV import refuses such a record (rv254)."""
    alice, _ = pair
    appearances.tag_quote(alice, article_id(alice), SAMPLE_QUOTE, "verified")
    copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob").close()
    with sqlite3.connect(tmp_path / "bob-copy.tahqiq") as raw:
        raw.execute(edit)
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match=told):
        merge_project(alice, tmp_path / "bob-copy.tahqiq")
    assert dump(alice) == before


@pytest.mark.parametrize("gone", ["claim deleted", "words untagged", "words restored alone"])
def test_a_colleagues_deleted_claim_comes_back_with_the_context_its_text_gives(
        pair, tmp_path, gone):
    """A colleague's deleted claim whose place another program gave a false prefix and
    suffix merges (a merge checks live places of live claims only: a text's change
    leaves a deleted place's context as it was); restored, it came back live with them,
    and this project's own CSV export, and the project, were refused by any merge
    (rv266). A restore writes them as the text gives them, its history saying so."""
    alice, _ = pair
    carol = copy_of(alice, tmp_path / "carol.tahqiq", "carol")
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "verified")
    if gone == "claim deleted":  # (its words stay tagged)
        claims.delete_claim(bob, made.claim_id)
    else:
        appearances.delete(bob, made.id)
    bob.close()
    with sqlite3.connect(tmp_path / "bob-copy.tahqiq") as raw:
        raw.execute("UPDATE appearances SET prefix = 'nothing like the words before', "
                    "suffix = 'nor after'")
    raw.close()
    merge_project(alice, tmp_path / "bob-copy.tahqiq")
    if gone == "words restored alone":
        appearances.restore(alice, made.id)
    else:
        appearances.restore_claim(alice, made.claim_id)
    place = appearances.get_appearance(alice, made.id)
    text = articles.get_article(alice, article_id(alice)).text
    assert not place.is_deleted
    assert place.prefix and text[:place.start].endswith(place.prefix)
    assert place.suffix and text.startswith(place.suffix, place.end)
    told = history.for_claim(alice, made.claim_id)[-1]
    assert told.after["prefix"] == place.prefix and told.after["suffix"] == place.suffix
    assert told.action == ("reanchor" if gone == "claim deleted" else "restore")
    exporting.export_file(alice, "csv", tmp_path / "alice.csv")
    merge_file(carol, tmp_path / "alice.csv")
    merge_project(carol, alice.path)
    assert appearances.get_appearance(carol, made.id).prefix == place.prefix
    carol.close()


def test_a_colleagues_edit_of_her_own_note_is_not_told_as_over_mine(pair):
    """Bob writes a note, Alice merges it; each then edits it in their own copy, Alice
    first. Merged, Bob's later edit (over his own note) read «note edited; alice's note
    read “…his own text…”»: the last writer in time, from the other copy, was taken for
    the author of the text it replaced."""
    a, b = pair
    made = appearances.create_claim(b, article_id(b), 0, 10, "unchecked", note="bob's first")
    merge_project(a, b.path)
    claims.update_claim(a, made.claim_id, note="alice's")
    claims.update_claim(b, made.claim_id, note="bob's second")
    merge_project(a, b.path)
    entries = history.for_claim(a, made.claim_id)
    told = {e.who: line.split("  ", 2)[2] for e, line in zip(
        entries, (story.describe(e, story.note_writers(entries).get(e.id)) for e in entries),
        strict=True) if e.action == "edit"}
    assert told == {"alice": "edit  note edited; bob's note read “bob's first”",
                    "bob": "edit  note edited"}


def test_places_in_conflict_are_counted_apart_from_the_claims(pair):
    """A place both sides changed was counted among the claims' conflicts: «conflicts: 2»
    over one claim named, beside «combined claims: 1», for a file of two claims. Each
    claim is counted once now, and the places in conflict on a line of their own."""
    a, b = pair
    both_noted = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    both_moved = appearances.create_claim(a, article_id(a), 20, 30, "unchecked")
    merge_project(b, a.path)
    claims.update_claim(a, both_noted.claim_id, note="amal's note")
    claims.update_claim(b, both_noted.claim_id, label="verified")
    appearances.unlink(a, both_moved.id)
    appearances.delete(b, both_moved.id)
    summary = merge_project(a, b.path)
    assert (summary.conflicts, summary.combined_claims, summary.place_conflicts) == (1, 1, 1)
    assert summary.conflicted_claims == [both_moved.claim_id]
    lines = [str(line) for line in summary.lines()]
    assert "  places in conflict: 1 (changed on both sides: the later change kept)" in lines
    assert not any("places in conflict" in str(line)
                   for line in merge_project(b, a.path).lines())


def test_the_summary_says_words_untagged_and_claims_made_and_deleted_there(pair):
    """Words Bob untagged read «moved or relinked: 1» in Alice's summary, words he
    tagged again too, and a claim he made and deleted «new claims: 1, new appearances:
    1», where nothing new shows (rv149)."""
    a, b = pair
    both = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    appearances.link(a, appearances.create_claim(a, article_id(a), 20, 30, "unchecked").id,
                     both.claim_id)
    merge_project(b, a.path)
    appearances.delete(b, both.id)  # (its claim keeps its other words)
    gone = appearances.create_claim(b, article_id(b), 40, 50, "disputed")
    claims.delete_claim(b, gone.claim_id)
    summary = merge_project(a, b.path)
    lines = [str(line) for line in summary.lines()]
    assert (summary.new_claims, summary.new_appearances, summary.updated_appearances,
            summary.untagged_appearances) == (0, 0, 0, 1)
    assert summary.changed and "  words untagged there: 1" in lines
    assert "  new claims:       0" in lines and "  moved or relinked: 0" in lines
    appearances.restore(b, both.id)
    again = merge_project(a, b.path)
    assert (again.updated_appearances, again.restored_appearances) == (0, 1)
    assert "  words tagged again there: 1" in [str(line) for line in again.lines()]


def _live_nowhere(project: Project) -> list[str]:
    """The live claims with no live place: listed, exported and reviewable, shown nowhere."""
    return [row[0] for row in project.execute(
        "SELECT id FROM claims c WHERE deleted IS NULL AND NOT EXISTS (SELECT 1 FROM "
        "appearances p WHERE p.claim_id = c.id AND p.deleted IS NULL)")]


def _merged_both_ways(a: Project, b: Project) -> list[MergeSummary]:
    """A <- B, then B <- A: the two end alike, and merging again changes nothing."""
    summaries = [merge_project(a, b.path), merge_project(b, a.path)]
    assert claims_by_id(a) == claims_by_id(b)
    assert not merge_project(a, b.path).changed and not merge_project(b, a.path).changed
    return summaries


@pytest.mark.parametrize("other_side", ["untag", "unlink", "delete article"])
def test_a_claim_a_merge_leaves_with_no_words_is_deleted(pair, other_side):
    """Alice unlinks words into a claim of their own; Bob, not knowing, untags the same
    words, unlinks them too, or deletes their article. Merged, Alice's new claim was
    live with no words anywhere: listed, exported, reviewable, shown nowhere to be
    deleted (rv149, rv151). It is deleted as untagging its last words deletes a claim,
    by Bob, the same in both files, and comes back with its words from a restore."""
    a, b = pair
    first = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    appearances.link(a, appearances.create_claim(a, article_id(a), 20, 30, "unchecked").id,
                     first.claim_id)
    merge_project(b, a.path)
    own = appearances.unlink(a, first.id)
    claims.update_claim(a, own.claim_id, label="verified", note="Alice's reading")
    if other_side == "untag":
        appearances.delete(b, first.id)
    elif other_side == "unlink":
        appearances.unlink(b, first.id)
    else:
        article_deletion.delete_article(b, article_id(b))
    summaries = _merged_both_ways(a, b)
    assert _live_nowhere(a) == _live_nowhere(b) == []
    gone = claims.get_claim(a, own.claim_id)
    assert gone.is_deleted and gone.deleted_by == "bob"
    assert summaries[0].emptied_claims == 1
    assert ("  left with no words: 1 (deleted: their words were untagged there, or went to "
            "another claim)") in [str(line) for line in summaries[0].lines()]
    if other_side == "untag":  # (her words are restorable: Edit ▸ Deleted Claims)
        back = appearances.restore_claim(a, own.claim_id)
        assert (back.label, back.note) == ("verified", "Alice's reading")
        assert [p.id for p in appearances.appearances_of(a, own.claim_id)] == [first.id]


@pytest.mark.parametrize("later", ["the move", "the link"])
@pytest.mark.parametrize("which", ["first", "second"])
def test_words_linked_on_one_side_and_moved_on_the_other_keep_both(pair, later, which):
    """Bob links words to another claim (the claim they leave, with no words left, is
    deleted); Alice, not knowing, moves them by a letter. The place was settled whole,
    the newer change winning: the other was lost, and when the move won the words stayed
    on the deleted claim, shown nowhere (rv149). The claim and the words are settled each
    as a field of their own: the words end moved, on Bob's claim, whichever came later,
    on a claim's first words too, whose id is the claim's (rv153: the claim's own history
    was read as theirs, and one change was lost)."""
    a, b = pair
    words = appearances.create_claim(a, article_id(a), 0, 10, "unchecked")
    if which == "second":
        words = appearances.add(a, words.claim_id, article_id(a), 60, 70)
        appearances.delete(a, words.claim_id)  # (its first words untagged: these are its last)
    other = appearances.create_claim(a, article_id(a), 20, 30, "verified")
    merge_project(b, a.path)
    steps = [lambda: appearances.move(a, words.id, 0 if which == "first" else 60,
                                      12 if which == "first" else 72),
             lambda: appearances.link(b, words.id, other.claim_id)]
    for step in steps if later == "the link" else reversed(steps):
        step()
    summaries = _merged_both_ways(a, b)
    for project in (a, b):
        place = appearances.get_appearance(project, words.id)
        assert (place.claim_id, place.end - place.start, place.is_deleted) == (
            other.claim_id, 12, False)
        assert claims.get_claim(project, words.claim_id).is_deleted
    assert summaries[0].updated_appearances == 1  # (both kept: «moved or relinked»)


def test_words_moved_onto_a_claims_words_and_linked_to_it_are_not_twice_its(pair):
    """Alice moves her words onto the words of Bob's claim; Bob links them to his claim.
    Each kept, the claim stood twice on the same words, which no one's own work can make
    (rv153): one change wins, the later, as a place was settled before."""
    a, b = pair
    first = appearances.create_claim(a, article_id(a), 60, 70, "unchecked")
    words = appearances.add(a, first.claim_id, article_id(a), 0, 10)
    merge_project(b, a.path)
    bobs = appearances.create_claim(b, article_id(b), 20, 30, "verified")
    merge_project(a, b.path)
    appearances.move(a, words.id, 20, 30)
    appearances.link(b, words.id, bobs.claim_id)
    _merged_both_ways(a, b)
    for project in (a, b):
        spans = [(p.start, p.end) for p in appearances.appearances_of(project, bobs.claim_id)]
        assert len(spans) == len(set(spans))
        place = appearances.get_appearance(project, words.id)
        assert (place.claim_id, place.start) == (bobs.claim_id, 0)  # (Bob's link, later)


# -- a colleague's file written by another program: nothing in it reaches a reader's browser
SCRIPT = '#FF0000"><script>alert(document.title)</script><i x="'


@pytest.mark.parametrize("column, value, said", [
    ("color", SCRIPT, "which is no colour"), ("color", "#FF0000\n", "which is no colour"),
    ("key", "=2+3", "which is no label key")])
def test_a_colleagues_label_no_tahqiq_could_make_is_refused(pair, column, value, said):
    """A label's colour goes into the review packet's HTML as a style: a colleague's
    file whose colour was written by another program put a script into the packet of
    whoever merged it. Such a file is refused as damaged; nothing is merged."""
    alice, bob = pair
    labels.add_label(bob, "rumour", "Rumour", "#123456")
    with sqlite3.connect(bob.path) as raw:
        raw.execute(f"UPDATE labels SET {column} = ? WHERE key = 'rumour'", [value])
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match=said):
        merge_project(alice, bob.path)
    assert dump(alice) == before


@pytest.mark.parametrize("table, column", [
    ("appearances", "annotator"), ("claims", "annotator"), ("claims", "sources"),
    ("claims", "note"), ("reviews", "reviewer"), ("reviews", "comment"), ("history", "who")])
def test_a_colleagues_text_that_is_not_utf8_is_refused(pair, table, column):
    """Another program wrote bytes that are not UTF-8 into Bob's file: merged with exit
    0, they failed nearly every later read of my project («Could not decode to UTF-8»),
    the window's too, while `tahqiq check` found no damage (rv245). Refused as damaged;
    nothing is merged, and `check` names such text in a file that holds it."""
    from store.core.project import integrity_problems

    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed", note="hi",
                                 sources=["https://un.org/a"])
    bob.annotator = "carol"  # a review is someone else's
    reviews.review_claim(bob, made.claim_id, "reject", "no")
    with sqlite3.connect(bob.path) as raw:
        raw.execute(f"UPDATE {table} SET {column} = CAST(x'5b2248ff225d' AS TEXT)")
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match=f"{table}.{column} holds text that is not UTF-8"):
        merge_project(alice, bob.path)
    assert dump(alice) == before
    bob.close()
    assert integrity_problems(bob.path) == [
        f"{table}.{column} holds text that is not UTF-8, as another program left it"]


@pytest.mark.parametrize("update, said", [
    ("UPDATE claims SET id = 'claim\tone'", r"claims.id holds claim\\tone, which is no id"),
    ("UPDATE appearances SET id = 'place\ntwo'", r"appearances.id holds place\\ntwo"),
    # (GLOB reads a text up to its NUL: a UUID and then «\0\tone» matched, rv255)
    ("UPDATE claims SET id = id || char(0, 9) || 'one'", r"claims.id holds [0-9a-f-]{36}"),
    ("UPDATE reviews SET claim_id = 'c1'", "reviews.claim_id holds c1, which is no id"),
    # (an id left NULL, which a key of text may hold: a review or place was merged with
    # it, a history entry left out, a claim refused as «FOREIGN KEY constraint failed»)
    ("UPDATE reviews SET id = NULL", "reviews.id is empty"),
    ("UPDATE history SET id = NULL WHERE rowid = 1", "history.id is empty"),
    ("UPDATE appearances SET id = NULL", "appearances.id is empty"),
    ("UPDATE claims SET id = NULL", "claims.id is empty"),
    ("UPDATE history SET entity_id = 'x y' WHERE entity = 'claim'",
     "history.entity_id holds x y, which is no id"),
    ("UPDATE reviews SET decision = 'maybe'",
     "reviews.decision holds maybe, which is neither accept nor reject")])
def test_a_colleagues_id_or_decision_no_tahqiq_could_make_is_refused(pair, update, said):
    """Another program wrote Bob's file: an id holding a tab or a line break, copied as it
    was, split the lines `tahqiq claims` prints; a review decided «maybe» was counted in
    no review line, yet kept its claim out of `claims --unreviewed` (rv245). Refused as
    damaged; nothing is merged. Every older Tahqiq file's ids are UUIDs (its fixtures)."""
    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed")
    bob.annotator = "carol"  # a review is someone else's
    reviews.review_claim(bob, made.claim_id, "reject", "no")
    merge_project(alice, bob.path)  # (as Tahqiq made them: merged)
    with sqlite3.connect(bob.path) as raw:
        raw.execute(update)
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match=said):
        merge_project(alice, bob.path)
    assert dump(alice) == before


@pytest.mark.parametrize("fingerprint", [
    "'x'", "upper(fingerprint)",  # (garbage; another program's spelling of it)
    "substr(fingerprint, 2) || '0'"])  # (another text's, as far as anyone can tell)
def test_a_colleagues_article_whose_fingerprint_is_not_its_texts_is_refused(
        pair, fingerprint):
    """Another program wrote the fingerprint of Bob's copy of our article: matched by it,
    the same text came in as a second live article with Bob's places on it, `check`
    found nothing, and my project's own CSV export was then refused by a merge into the
    project it came from (rv254). Refused as damaged; nothing is merged."""
    alice, bob = pair
    appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed")
    with sqlite3.connect(bob.path) as raw:
        raw.execute(f"UPDATE articles SET fingerprint = {fingerprint}")
    raw.close()
    before = dump(alice)
    with pytest.raises(NotAProject, match="articles.fingerprint holds .+, which is not its "
                                          "text's"):
        merge_project(alice, bob.path)
    assert dump(alice) == before


def test_a_colleagues_sources_and_address_that_are_no_web_links_are_not_published(
        pair, tmp_path):
    """Tahqiq refuses a source or a fact-check address that is no web link, but a
    colleague's file, merged, can hold any: «javascript:…» and «file:///…» were linked
    in the HTML packet and published in ClaimReview and W3C. Such sources are left out
    (rv245: kept, they made this project's CSV export unmergeable), never linked or
    published."""
    from store.exchange.packet_html import packet_html

    alice, bob = pair
    good = "https://un.org/report"
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed",
                                 sources=[good])
    project_settings.update_settings(bob, organization="Tahqiq Desk",
                                     url_template="https://desk.example/c/{id}")
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET sources = ? WHERE id = ?", [json.dumps(
            ["javascript:alert(document.domain)", "file:///etc/passwd", good]), made.claim_id])
    raw.close()
    assert merge_project(alice, bob.path).links_left_out == 2
    here = next(a["id"] for a in articles.list_articles(alice))
    html = packet_html(alice, here)
    assert "javascript" not in html and "file:" not in html and f'href="{good}"' in html
    published = exporting.export_text(alice, "claimreview") + exporting.export_text(alice,
                                                                                  "w3c")
    assert "javascript" not in published and "file:" not in published and good in published
    project_settings.update_settings(alice, url_template="https://alice.example/{id}")
    with sqlite3.connect(bob.path) as raw:  # a template no Tahqiq could have set, newer
        raw.execute("UPDATE settings SET value = 'javascript:alert(1)//{id}', "
                    "updated = '2999-01-01T00:00:00.000000Z' WHERE key = 'url_template'")
    raw.close()
    merge_project(alice, bob.path)  # took the place of mine, and nothing was published
    assert project_settings.get_settings(alice).url_template == "https://alice.example/{id}"
    with sqlite3.connect(alice.path) as raw:  # in my own file, by another program
        raw.execute("UPDATE settings SET value = 'javascript:alert(1)//{id}' "
                    "WHERE key = 'url_template'")
    raw.close()
    assert not project_settings.get_settings(alice).publishes_claimreview



def test_a_colleagues_sources_no_command_takes_are_left_out_and_said(pair, tmp_path):
    """Another program (or an older Tahqiq) wrote Bob's sources: a backslash before the
    path, a space inside. Merged as they were, this project's own CSV export was refused
    whole by any merge («line 2: … is not a web link»; rv245). They are left out, the
    summary says how many, and merging again changes nothing."""
    alice, bob = pair
    good = "https://un.org/report"
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed",
                                 sources=[good])
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET sources = ? WHERE id = ?", [json.dumps(
            ["https://example.org\\evil.com/x", good, "https://ex.org/a b"]), made.claim_id])
    raw.close()
    merged = merge_project(alice, bob.path)
    assert (merged.new_claims, merged.links_left_out) == (1, 2)
    assert any("links left out:   2" in str(line) for line in merged.lines())
    assert claims.get_claim(alice, made.claim_id).sources == (good,)
    before = dump(alice)
    again = merge_project(alice, bob.path)
    assert (again.unchanged_claims, again.updated_claims, again.conflicts) == (1, 0, 0)
    assert dump(alice) == before
    (tmp_path / "mine.csv").write_text(exporting.export_text(alice, "csv"), encoding="utf-8")
    with Project.open(tmp_path / "fresh.tahqiq", "fresh") as fresh:
        articles.add_article(fresh, articles.get_article(alice, article_id(alice)).text, "t")
        assert merge_file(fresh, tmp_path / "mine.csv").new_claims == 1


def test_a_colleagues_setting_with_spaces_around_it_is_not_taken(pair):
    """Tahqiq trims a setting as it stores it; another program wrote Bob's newer ones
    with spaces around them, and the merge took them as they were: my working address
    gave way to « https://…», which publishes nothing, and the project's language «ar »
    to one that is neither Arabic nor English (rv171)."""
    alice, bob = pair
    project_settings.update_settings(alice, organization="Tahqiq Desk", language="ar",
                                     url_template="https://alice.example/{id}")
    with sqlite3.connect(bob.path) as raw:
        raw.executemany(
            "INSERT OR REPLACE INTO settings (key, value, updated, updated_by) VALUES "
            "(?, ?, '2999-01-01T00:00:00.000000Z', 'bob')",
            [("url_template", " https://bob.example/{id}"), ("language", "ar "),
             ("organization", "Bob's Desk")])
    raw.close()
    merge_project(alice, bob.path)
    taken = project_settings.get_settings(alice)
    assert taken == ("Bob's Desk", "https://alice.example/{id}", "ar")
    assert taken.publishes_claimreview


def test_a_colleagues_organisation_and_labels_come_in_without_controls(pair):
    """An older Tahqiq kept Bob's organisation and label names as typed, an override and
    a terminal's escapes in them; merged as they were, ClaimReview published them here
    (rv279). They come in as Tahqiq keeps them now, and the organisation is still taken."""
    alice, bob = pair
    project_settings.update_settings(alice, organization="Alice's Desk")
    labels.add_label(bob, "fake", "Fake", "#AA00FF", name_ar="مفبرك")
    with sqlite3.connect(bob.path) as raw:
        raw.execute("INSERT OR REPLACE INTO settings (key, value, updated, updated_by) "
                    "VALUES ('organization', ?, '2999-01-01T00:00:00.000000Z', 'bob')",
                    ["Bob\x1b]0;owned\x07's\u202e Desk\x9b2J"])
        raw.execute("UPDATE labels SET name_en = ?, name_ar = ? WHERE key = 'fake'",
                    ["Fa\u202eke\x1b[31m", "مف\u202eبرك"])
    raw.close()
    merged = merge_project(alice, bob.path)
    assert merged.settings_taken == ["organization"]
    with sqlite3.connect(alice.path) as raw:
        assert raw.execute("SELECT value FROM settings WHERE key = 'organization'"
                           ).fetchone()[0] == "Bob's Desk"
        assert raw.execute("SELECT name_en, name_ar FROM labels WHERE key = 'fake'"
                           ).fetchone() == ("Fake", "مفبرك")
    raw.close()


def set_back(monkeypatch, to: str) -> None:
    """Every clock of the store showing *to* (a laptop's clock reset by a flat battery)."""
    real = stamps.utcnow
    for name, module in list(sys.modules.items()):
        if name.startswith("store.") and getattr(module, "utcnow", None) is real:
            monkeypatch.setattr(module, "utcnow", lambda: to)


@pytest.mark.parametrize("order", ["BC", "CB"])
def test_a_rejection_filed_after_seeing_a_fast_clocks_acceptance_stands(
        tmp_path, monkeypatch, order):
    """Rana's clock runs ten minutes fast; she accepts Amal's verdict. Omar merges her
    file and rejects it («a parody site»): the newer review by its time was hers, so the
    claim stayed accepted — in Omar's own file at once, and published as checked."""
    paths, claim_id = three_copies(tmp_path)
    with monkeypatch.context() as fast:
        running_fast(fast, 600)
        with Project.open(paths["B"], "rana") as rana:
            reviews.review_claim(rana, claim_id, "accept")
    in_turn(paths, [("C", "B")])
    with Project.open(paths["C"], "omar") as omar:
        reviews.review_claim(omar, claim_id, "reject", "a parody site")
        assert reviews.review_status(reviews.current_review(omar, claim_id)) == "rejected"
    in_turn(paths, [*(("A", name) for name in order), ("B", "C")])
    for name in "ABC":
        with Project.open(paths[name], "x") as project:
            current = reviews.current_review(project, claim_id)
            assert (current.reviewer, current.decision) == ("omar", "reject"), name


def test_a_review_made_after_the_clock_went_back_is_the_current_one(tmp_path, monkeypatch):
    """An editor accepts, her clock is reset to 2001, she rejects: «review again to
    change your mind» kept the acceptance, by its later time."""
    paths, claim_id = three_copies(tmp_path)
    with Project.open(paths["A"], "rana") as rana:
        reviews.review_claim(rana, claim_id, "accept")
        with monkeypatch.context() as reset:
            set_back(reset, "2001-01-01T00:00:00.000000Z")
            reviews.review_claim(rana, claim_id, "reject", "changed my mind")
        assert reviews.current_review(rana, claim_id).decision == "reject"


def test_an_article_restored_after_a_fast_clocks_deletion_stays_restored(
        tmp_path, monkeypatch):
    """Amal's clock ran an hour fast when she deleted an article by mistake; corrected,
    she restored it. A merge of Badr's file (who never touched it) deleted it again by
    the deletion's later time, its claims left live in an article no one could open."""
    paths, claim_id = three_copies(tmp_path)
    with Project.open(paths["A"], "amal") as amal:
        article = article_id(amal)
        with monkeypatch.context() as fast:
            running_fast(fast, 3600)
            article_deletion.delete_article(amal, article)
        article_deletion.restore_article(amal, article)
    in_turn(paths, [("A", "B"), ("B", "A"), ("C", "A")])
    for name in "ABC":
        with Project.open(paths[name], "x") as project:
            assert articles.get_article(project, article).deleted is None, name
            assert not claims.get_claim(project, claim_id).is_deleted, name


def test_a_setting_corrected_after_seeing_a_fast_clocks_value_stands(tmp_path, monkeypatch):
    paths, _ = three_copies(tmp_path)
    with monkeypatch.context() as fast:
        running_fast(fast, 600)
        with Project.open(paths["A"], "amal") as amal:
            project_settings.update_settings(amal, url_template="https://old.example/{id}")
    in_turn(paths, [("B", "A"), ("B", lambda p: project_settings.update_settings(
        p, url_template="https://factdesk.example/checks/{id}")), ("A", "B"), ("B", "A")])
    for name in "AB":
        with Project.open(paths[name], "x") as project:
            assert project_settings.get_settings(project).url_template == \
                "https://factdesk.example/checks/{id}", name


def test_an_edit_made_with_the_clock_set_back_is_told_last_and_dated_after_the_claim(
        tmp_path, monkeypatch):
    """Badr's clock, reset to 2001, stamped his note before the claim was made: the
    history told it first, and ClaimReview's dateModified preceded its datePublished."""
    paths, claim_id = three_copies(tmp_path)
    with Project.open(paths["B"], "badr") as badr:
        with monkeypatch.context() as reset:
            set_back(reset, "2001-01-01T00:00:00.000000Z")
            claims.update_claim(badr, claim_id, note="ملاحظة بدر")
        claim = claims.get_claim(badr, claim_id)
        assert claim.updated > claim.created
        assert history.for_claim(badr, claim_id)[-1].action == "edit"


def test_a_deletion_made_after_seeing_a_fast_clocks_restore_stands(tmp_path, monkeypatch):
    """rv56: Badr's clock runs an hour fast; he deletes the article and restores it. Amal
    merges (it was live on both sides: the merge changes nothing of its row) and deletes
    it: her deletion was stamped by her clock, before his restore, and the article came
    back in her own file at the next merge."""
    paths, _ = three_copies(tmp_path)
    with Project.open(paths["A"], "amal") as amal:
        aid = article_id(amal)
    with monkeypatch.context() as fast:
        running_fast(fast, 3600)
        in_turn(paths, [("B", lambda p: article_deletion.delete_article(p, aid)),
                        ("B", lambda p: article_deletion.restore_article(p, aid))])
    in_turn(paths, [("A", "B"), ("A", lambda p: article_deletion.delete_article(p, aid)),
                    ("A", "B"), ("B", "A")])
    for name in "AB":
        with Project.open(paths[name], "x") as project:
            assert articles.get_article(project, aid).deleted is not None



def test_one_value_set_by_two_people_at_one_stamp_ends_alike_both_ways(tmp_path):
    """Two people who set a setting after seeing the same value are stamped alike
    (a microsecond after it, when their clocks are behind); with the same value too, each
    file kept its own setter: the merges never agreed."""
    paths, _ = three_copies(tmp_path)
    for name, who in (("A", "amal"), ("B", "badr")):
        with Project.open(paths[name], who) as project:
            project.execute("INSERT INTO settings (key, value, updated, updated_by) VALUES "
                            "('organization', 'Fact Desk', '2026-03-01T00:00:05.000016Z', ?)",
                            [who])
    in_turn(paths, [("A", "B"), ("B", "A")])
    found = set()
    for name in "AB":
        with Project.open(paths[name], "x") as project:
            found.add(project.execute("SELECT value, updated, updated_by FROM settings "
                                      "WHERE key = 'organization'").fetchone())
    assert len(found) == 1


def test_a_merge_says_which_labels_are_named_otherwise_there_and_which_settings_it_took(
        pair):
    """Two archives holding the same claims published them under other verdict names and
    ratings (each keeps its own label's), and a merge that put an older claims' address
    back said nothing: the summary names both (rv68)."""
    from store.core import labels, settings

    a, b = pair
    labels.update_label(b, "disputed", name_ar="مضلل", rating=2)
    settings.update_settings(b, organization="Misbar",
                             url_template="https://misbar.example/c/{id}")
    summary = merge_project(a, b.path)
    lines = [str(line) for line in summary.lines()]
    assert "  labels named or rated otherwise there: Disputed (this project's names and " \
           "ratings are kept; Project ▸ Labels… changes them)" in lines
    assert lines[-2:] == [
        "  the organisation publishing the fact-checks, set later there: taken",
        "  the address of a fact-check, set later there: taken"]
    # In Arabic, the labels' own names (their keys were shown: rv69)
    said = next(line for line in summary.lines() if "otherwise there" in line)
    assert said.params["labels"].names["ar"] == labels.get_label(a, "disputed").name_ar
    assert summary.changed and labels.get_label(a, "disputed").name_ar != "مضلل"
    again = [str(line) for line in merge_project(a, b.path).lines()]
    assert not any("set later there" in line for line in again)  # (taken already)


@pytest.mark.parametrize("order", [("CB", "AC", "AB", "BA", "CA", "BC"),
                                   ("CA", "AB", "BC", "AC", "BA", "CB")])
def test_a_page_removed_in_one_spelling_and_added_in_another_settles_alike(tmp_path, order):
    """rv79: Amal and Badr add one page in two spellings; Amal merges Badr's file and
    removes the page; Chadi, who saw neither, adds it later, in Badr's spelling. With a
    merge taking two spellings for one link, every file ended with Chadi's link in one
    order of merges and without it in another. Chadi's later link stands, in every
    order."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", {"sources": ["https://BÜCHER.de/x"]}),
                    ("B", {"sources": ["https://xn--bcher-kva.de/x"]}), ("A", "B"),
                    ("A", {"sources": []}),
                    ("C", {"sources": ["https://bbc.com/A", "https://xn--bcher-kva.de/x"]})],
            claim_id)
    for _ in range(3):
        in_turn(paths, [tuple(pair) for pair in order])
    for name in "ABC":
        with Project.open(paths[name], "x") as project:
            assert claims.get_claim(project, claim_id).sources == (
                "https://bbc.com/A", "https://xn--bcher-kva.de/x"), name


def test_a_note_taken_back_stays_back_when_it_came_by_csv_and_a_merge_folded_it(tmp_path):
    """Amal writes a note and takes it back; Badr had her note from her CSV, and merged
    Chadi's verdict into it. Badr's file does not say when the note was set (a CSV import
    is not a setter), Amal's does: her taking it back came after. Merging Amal's file
    brought her old note back over her own change when Chadi's was merged first (rv82)."""
    amal = open_or_create(tmp_path / "amal.tahqiq", "amal")
    made = appearances.create_claim(amal, article_id(amal), 0, 10, "unchecked")
    badr = copy_of(amal, tmp_path / "badr.tahqiq", "badr")
    chadi = copy_of(amal, tmp_path / "chadi.tahqiq", "chadi")
    claims.update_claim(amal, made.id, note="n1")
    merge_file(badr, exporting.export_file(amal, "csv", tmp_path / "amal.csv"))
    claims.update_claim(chadi, made.id, label="disputed")
    claims.update_claim(amal, made.id, note="")
    merge_project(badr, chadi.path)  # Chadi's verdict, Amal's n1 from her CSV
    merge_project(chadi, amal.path)  # Chadi's verdict, Amal's note taken back
    merge_project(amal, chadi.path)  # the same: Chadi's version is both Badr's and Amal's base
    merge_project(badr, amal.path)
    for project in (badr, chadi):
        got = claims.get_claim(project, made.id)
        assert (got.label, got.note) == ("disputed", ""), project.annotator
    for project in (amal, badr, chadi):
        project.close()


def test_a_later_note_by_csv_is_not_taken_for_an_older_setting_of_the_same_words(tmp_path):
    """Amal wrote «n1», Chadi merged her file, Amal changed it and wrote «n1» again (with
    a verdict) after Chadi wrote «n2», neither seeing the other's. Badr had Amal's CSV and
    merged Chadi's file: her «n1» was taken as the one Chadi's file holds (the first, which
    Chadi saw and replaced), so Chadi's older «n2» won; once all three merged each other's
    project files, Amal's own later note was gone from every file, hers too (rv83)."""
    amal = open_or_create(tmp_path / "amal.tahqiq", "amal")
    made = appearances.create_claim(amal, article_id(amal), 0, 10, "unchecked")
    badr = copy_of(amal, tmp_path / "badr.tahqiq", "badr")
    chadi = copy_of(amal, tmp_path / "chadi.tahqiq", "chadi")
    claims.update_claim(amal, made.id, note="n1")
    merge_project(chadi, amal.path)
    claims.update_claim(amal, made.id, note="x")
    claims.update_claim(chadi, made.id, note="n2")
    claims.update_claim(amal, made.id, note="n1", label="disputed")
    merge_file(badr, exporting.export_file(amal, "csv", tmp_path / "amal.csv"))
    merge_project(badr, chadi.path)
    got = claims.get_claim(badr, made.id)
    assert (got.label, got.note) == ("disputed", "n1")
    everyone = (amal, badr, chadi)
    for _ in range(2):
        for project in everyone:
            for other in everyone:
                if other is not project:
                    merge_project(project, other.path)
    for project in everyone:
        got = claims.get_claim(project, made.id)
        assert (got.label, got.note) == ("disputed", "n1"), project.annotator
    for project in everyone:
        project.close()


# A note as an older Tahqiq, or another program, kept it: a right-to-left override its
# PDF closes, an embedding left open and an escape (what clean.clean_note keeps out of a
# note), and as this project keeps it: the override an isolate, its PDF a PDI (rv248),
# the escape sequence gone whole (rv268).
_OVERRIDDEN = "Rate was \u202e5.3\u202c percent\u202a\x1b[8m"
_AS_KEPT = "Rate was \u20675.3\u2069 percent"


def _kept_by_another_program(path: Path, claim_id: str, note: str) -> None:
    """The claim's note in the file at *path*, in its record and its history, as *note*."""
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        was = raw.execute("SELECT note FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
        raw.execute("UPDATE claims SET note = ? WHERE id = ?", [note, claim_id])
        written = [json.dumps({"note": value}, ensure_ascii=False)[1:-1]
                   for value in (was, note)]
        for side in ("before", "after"):
            raw.execute(f"UPDATE history SET {side} = replace({side}, ?, ?) "
                        "WHERE entity_id = ?", [*written, claim_id])


def _settled(a: Project, b: Project, merged) -> None:
    """Merged again, either way, nothing changes: *b* takes *merged* as *a* holds it."""
    before = dump(a)
    assert not merge_project(a, b.path).changed
    merge_project(b, a.path)
    assert claims.get_claim(b, merged.id) == merged
    assert not merge_project(a, b.path).changed
    assert dump(a) == before


def test_a_colleagues_new_note_comes_in_as_notes_are_kept(pair, tmp_path):
    """A new claim's note, copied as the colleague's file held it, kept its override and
    its escape: the review packet showed «5.3» as «3.5» (rv239). Merged again, nothing
    changes."""
    alice, _ = pair
    bob = copy_of(alice, tmp_path / "bob-copy.tahqiq", "bob")
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed", note="x")
    bob.close()
    _kept_by_another_program(tmp_path / "bob-copy.tahqiq", made.id, _OVERRIDDEN)
    assert merge_project(alice, tmp_path / "bob-copy.tahqiq").new_claims == 1
    assert claims.get_claim(alice, made.id).note == _AS_KEPT
    before = dump(alice)
    assert not merge_project(alice, tmp_path / "bob-copy.tahqiq").changed
    assert dump(alice) == before


def test_a_colleagues_note_that_wins_is_kept_as_notes_are(pair):
    """The note of a claim both changed, taken from the colleague's version as it was
    (rv239); merged again, either way, nothing changes."""
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked", note="v1")
    merge_project(b, a.path)
    claims.update_claim(b, made.id, note="x")
    claims.update_claim(a, made.id, label="verified")
    _kept_by_another_program(b.path, made.id, _OVERRIDDEN)
    assert merge_project(a, b.path).combined_claims == 1
    merged = claims.get_claim(a, made.id)
    assert (merged.label, merged.note) == ("verified", _AS_KEPT)
    _settled(a, b, merged)


def test_a_colleagues_review_comment_comes_in_as_comments_are_kept(pair):
    """A review comment a Tahqiq from before rv239 kept as typed came in raw, in the review
    and its history entry: a lone «\r» ran its lines together in the packet, and
    «ESC]0;…BEL» showed in the Reviews list and the HTML packet (rv256). Both come in as
    a comment is kept; merged again, either way, nothing changes."""
    a, b = pair
    made = appearances.tag_quote(a, article_id(a), SAMPLE_QUOTE, "disputed")
    merge_project(b, a.path)
    review = reviews.review_claim(b, made.id, "reject", "see")
    raw = "\r\n see ILO table\r\nline two\rline three " + _OVERRIDDEN + "\x07\r\n"
    with contextlib.closing(sqlite3.connect(b.path)) as other, other:
        other.execute("UPDATE reviews SET comment = ?", [raw])
        other.execute("UPDATE history SET after = json_set(after, '$.comment', ?) "
                      "WHERE action = 'review_reject'", [raw])
    kept = "see ILO table\nline two\nline three " + _AS_KEPT
    assert merge_project(a, b.path).new_reviews == 1
    assert reviews.reviews_for(a, made.id) == [review._replace(comment=kept)]
    (entry,) = [e for e in history.for_claim(a, made.id) if e.action == "review_reject"]
    assert entry.after["comment"] == kept
    before = dump(a)
    assert not merge_project(a, b.path).changed
    merge_project(b, a.path)
    assert not merge_project(a, b.path).changed
    assert dump(a) == before


def test_a_link_added_on_both_sides_spelled_otherwise_is_kept_once(pair):
    """The same page added on each side, percent-encoded on one and with its host in
    capitals on the other, was kept twice: the links were compared as strings (rv239).
    One, spelled as it was added last; merged again, either way, nothing changes."""
    a, b = pair
    made = appearances.create_claim(a, article_id(a), 0, 10, "unchecked", note="base")
    merge_project(b, a.path)
    claims.update_claim(a, made.id, sources=["https://ar.wikipedia.org/wiki/%D9%85%D8%B9"])
    claims.update_claim(b, made.id, sources=["https://AR.wikipedia.org/wiki/مع"])
    summary = merge_project(a, b.path)
    assert (summary.conflicts, summary.combined_claims) == (0, 1)
    merged = claims.get_claim(a, made.id)
    assert merged.sources == ("https://AR.wikipedia.org/wiki/مع",)  # Bob's, the later
    _settled(a, b, merged)
