"""The incremental disagreement index gives what a full recompute gives, after any edits."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from store.collector import with_room
from store.core.records import Appearance, Claim
from store.review.disagreements import DisagreementIndex, find_disagreements

ARTICLE = "article"
LABELS = ("unchecked", "verified", "disputed")
ANNOTATORS = ("alice", "bob", "chen")


def place(n: int, start: int, length: int, label: str, annotator: str,
          article_id: str = ARTICLE, claim_id: str | None = None) -> Appearance:
    stamp = f"2026-01-01T00:00:{n % 60:02d}.000000Z"  # repeated stamps: ties happen
    claim = Claim(id=claim_id or f"c{n}", label=label, annotator=annotator, created=stamp,
                  updated=stamp)
    return Appearance(id=f"p{n}", claim_id=claim.id, article_id=article_id, start=start,
                      end=start + length, quote="x" * length, annotator=annotator,
                      created=stamp, updated=stamp, claim=claim)


def live(places: dict[str, Appearance]) -> list[Appearance]:
    return [p for p in places.values() if p.article_id == ARTICLE and not p.is_deleted]


def as_ids(found) -> list[tuple[str, str]]:
    return [(d.first.id, d.second.id) for d in found]


spans = st.tuples(st.integers(0, 300), st.integers(1, 60), st.sampled_from(LABELS),
                  st.sampled_from(ANNOTATORS))
edits = st.lists(st.tuples(st.sampled_from(("tag", "relabel", "delete", "restore", "move",
                                            "elsewhere")),
                           st.integers(0, 10_000), spans), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=40), edits)
def test_every_edit_leaves_what_a_full_recompute_finds(initial, steps):
    places = {f"p{n}": place(n, *span) for n, span in enumerate(initial)}
    index = DisagreementIndex(ARTICLE, places.values())
    lazy = DisagreementIndex(ARTICLE, places.values())  # asked only at the end
    assert as_ids(index.disagreements()) == as_ids(find_disagreements(live(places)))
    count = len(places)
    for kind, pick, (start, length, label, annotator) in steps:
        existing = sorted(places)
        target = places[existing[pick % len(existing)]] if existing else None
        if kind == "tag" or target is None:
            changed = place(count, start, length, label, annotator)
            count += 1
        elif kind == "relabel":
            changed = target._replace(claim=target.claim._replace(label=label))
        elif kind == "delete":
            changed = target._replace(deleted="2026-01-02T00:00:00.000000Z")
        elif kind == "restore":
            changed = target._replace(deleted=None)
        elif kind == "move":
            changed = target._replace(start=start, end=start + length)
        else:
            changed = target._replace(article_id="another article")
        before = {(d.first.id, d.second.id) for d in index.disagreements()}
        added, removed = index.update(changed)
        assert lazy.update(changed) == ([], [])
        places[changed.id] = changed
        want = find_disagreements(live(places))
        assert as_ids(index.disagreements()) == as_ids(want)
        assert [d.first for d in index.disagreements()] == [d.first for d in want]
        assert index.annotators() == sorted({p.annotator for p in live(places)})
        after = {(d.first.id, d.second.id) for d in want}
        assert {(d.first.id, d.second.id) for d in added} == {
            (d.first.id, d.second.id) for d in want
            if changed.id in (d.first.id, d.second.id)}
        assert before - after <= {(d.first.id, d.second.id) for d in removed}
    assert as_ids(lazy.disagreements()) == as_ids(index.disagreements())
    assert lazy.annotators() == index.annotators() and len(lazy) == len(index)


def test_a_relabel_shows_at_once_and_touches_only_its_neighbours():
    a = place(1, 0, 20, "verified", "alice")
    b = place(2, 10, 20, "verified", "bob")
    far = place(3, 500, 10, "disputed", "chen")
    index = DisagreementIndex(ARTICLE, [a, b, far])
    assert index.disagreements() == []
    assert index.overlapping(15, 16) == [a, b]
    added, removed = index.update(b._replace(claim=b.claim._replace(label="disputed")))
    assert as_ids(added) == [("p1", "p2")] and removed == []
    assert as_ids(index.disagreements()) == [("p1", "p2")]
    added, removed = index.update(b._replace(deleted="2026-01-02T00:00:00.000000Z"))
    assert added == [] and as_ids(removed) == [("p1", "p2")]
    assert index.annotators() == ["alice", "chen"] and len(index) == 2


def test_the_lists_an_edit_inserts_into_have_room_for_it():
    """Made whole, a list has no spare room: the session's first tag copied the panel's
    113,000 pairs to a larger block (1.5 ms of it). Here the first insertions find room:
    the list's block (its size in memory) stays the same."""
    places = [place(n, 3 * n, 5, LABELS[n % 2], ANNOTATORS[n % 2]) for n in range(3000)]
    index = DisagreementIndex(ARTICLE, places)
    rows = index.disagreements()
    assert len(rows) > 2000
    internal = (index._rows, index._starts)
    sizes = [sys.getsizeof(items) for items in (rows, *internal)]
    rows[0:0] = rows[-4:]  # as the panel inserts a tag's pairs (past a block's rounding)
    for n in range(9000, 9004):  # pairs and starts inserted
        index.update(place(n, 3 * n - 26000, 7, "disputed", "chen"))
    assert [sys.getsizeof(items) for items in (rows, *internal)] == sizes


def test_with_room_gives_room_and_keeps_the_items():
    whole = sorted(range(10_000), reverse=True)
    size = sys.getsizeof(whole)
    same = with_room(whole)
    assert same is whole and same == sorted(range(10_000), reverse=True)
    assert sys.getsizeof(same) > size
    grown = sys.getsizeof(same)
    same.insert(5000, -1)
    assert sys.getsizeof(same) == grown
