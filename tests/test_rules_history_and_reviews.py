"""A claim's history and its reviews - each guarded against a small change to
store/review/story.py, store/core/history.py, store/review/reviews.py or
store/core/claim_versions.py (a bound moved, a condition dropped, the other branch taken)
that the rest of the suite let pass (rv166's mutation review)."""

from __future__ import annotations

import pytest

from store.core import appearances, articles, claims, history
from store.core.project import Project
from store.core.records import HistoryEntry, Review
from store.exchange.merge import merge_project
from store.review import reviews, story

AT = "2024-05-01T10:20:30.123456Z"
TEXT = "قال الوزير إن النمو بلغ خمسة بالمئة ثم غادر القاعة."


@pytest.fixture
def article(project):
    return articles.add_article(project, TEXT, "مقال")


def entry(action: str, before: dict | None, after: dict | None, *, entity: str = "claim",
          entity_id: str = "c", who: str = "alice", at: str = AT, id: str = "h"
          ) -> HistoryEntry:
    return HistoryEntry(id, entity, entity_id, action, who, at, before, after)


def said(line) -> str:
    """A window's history line without its time and name."""
    return str(line).split("  ", 2)[2]


# -- store/review/story.py: what one entry says ------------------------------------------------
def test_a_claim_brought_by_a_csv_is_told_as_created_not_field_by_field():
    """A claim a CSV import made (action «import», no record before) reads «created as
    disputed», as a tag does - not a list of every field it was given."""
    made = entry("import", None, {"label": "disputed", "note": "مصدر", "sources": "[]",
                                  "annotator": "huda"})
    assert story.summarize(made) == "created as disputed"


def test_a_reviews_comment_on_several_lines_reads_as_one():
    """A review's reasons written on two lines (another program's, or a merged file's) are
    told on one line: `tahqiq history` keeps a line an entry."""
    reviewed = entry("review_accept", None, {"label": "disputed",
                                             "comment": "the ministry\nconfirmed  it"})
    assert story.summarize(reviewed) == "accepted (disputed): the ministry confirmed it"


def test_a_place_whose_end_alone_moved_is_told_as_moved():
    """A place that grew at its end only (its start kept) reads «moved: 1–4 → 1–6»."""
    grown = entry("edit", {"start": 1, "end": 4}, {"start": 1, "end": 6})
    assert story.summarize(grown) == "moved: 1–4 → 1–6"


def test_a_value_is_quoted_only_when_both_sides_are_short():
    """A field changed from a short value to a long one reads «title edited»: the long
    one is not quoted whole in a line; a value of exactly forty characters still is."""
    long = "ع" * 41
    assert story.summarize(entry("edit", {"title": "قصير"}, {"title": long})) == \
        "title edited"
    assert story.summarize(entry("edit", {"title": long}, {"title": "قصير"})) == \
        "title edited"
    forty = "ب" * story.SHORT
    assert story.summarize(entry("edit", {"title": "قصير"}, {"title": forty})) == \
        f"title: قصير → {forty}"


def test_a_quote_is_clipped_after_forty_characters_and_not_before():
    """Quotes in a line keep forty characters whole; a longer one keeps thirty-nine and
    «…»: the line's width is the same in every language."""
    forty, longer = "ا" * story.SHORT, "ا" * (story.SHORT + 1)
    assert story.summarize(entry("create", None, {"quote": forty}, entity="appearance")) \
        == f"tagged “{forty}”"
    assert story.summarize(entry("create", None, {"quote": longer}, entity="appearance")) \
        == f"tagged “{'ا' * (story.SHORT - 1)}…”"


def test_my_own_note_written_over_by_myself_keeps_the_short_line():
    """Whose note an edit wrote over is told only when it was someone else's: Huda
    editing her own note reads «note edited», not «note edited; huda's note read “…”»."""
    edited = entry("edit", {"note": "مسودة"}, {"note": "نص نهائي"}, who="huda")
    assert story.summarize(edited, note_by="huda") == "note edited"
    assert story.summarize(edited, note_by="amal") == \
        "note edited; amal's note read “مسودة”"


def test_the_note_a_merge_kept_is_its_versions_author_not_whoever_merged(project, article):
    """A merge's conflict entry is signed by whoever merged (Badr); the note it kept was
    written by the version's author (Chadi). Huda later writing over it reads «chadi's
    note read “…”», not Badr's."""
    claim_id = appearances.tag_quote(project, article.id, "قال الوزير", "disputed").claim_id
    created = history.for_claim(project, claim_id)[0]
    kept = entry("merge_conflict", {"note": "", "updated_by": "huda"},
                 {"note": "أرقام الوزارة", "updated_by": "chadi"}, entity_id=claim_id,
                 who="badr", id="m")
    over = entry("edit", {"note": "أرقام الوزارة"}, {"note": "أرقام أخرى"}, entity_id=claim_id,
                 who="huda", id="e")
    note_by = story.note_writers([created, kept, over])
    assert note_by == {"e": "chadi"}
    assert story.summarize(over, note_by=note_by["e"]) == \
        "note edited; chadi's note read “أرقام الوزارة”"


# -- store/review/story.py: the lines of a whole story ----------------------------------------
def test_a_claim_a_csv_made_and_its_first_words_are_one_line():
    """A claim a CSV brought and its first place read as one line, as a tag's do: «created
    as disputed: “…”», not «created as disputed» and then «tagged “…”»."""
    made = entry("import", None, {"label": "disputed"}, who="huda", id="1")
    place = entry("import", None, {"claim_id": "c", "quote": "قال الوزير", "article_id": "a"},
                  entity="appearance", who="huda", id="2")
    assert [said(line) for line in story.tell_all([made, place])] == [
        "created as disputed: “قال الوزير”"]


def test_a_colleagues_link_after_an_unlink_is_a_line_of_its_own():
    """An Unlink's new claim and the words moved to it are one line only when the same
    person moved them: a colleague's words linked right after (merged in) keep their own
    «“…” joined this claim»."""
    split = entry("unlink", None, {"label": "disputed"}, who="editor", id="1")
    linked = entry("link", {"claim_id": "x", "quote": "غادر القاعة"},
                   {"claim_id": "c", "quote": "غادر القاعة"}, entity="appearance",
                   entity_id="p", who="huda", id="2")
    assert [said(line) for line in story.tell_all([split, linked], claim_id="c")] == [
        "split off as a claim of its own (disputed)", "“غادر القاعة” joined this claim"]


def test_words_linked_to_another_claim_after_an_unlink_are_not_told_as_split_off():
    """The words linked right after an Unlink, to a claim other than the one it made, are
    not the Unlink's words."""
    split = entry("unlink", None, {"label": "disputed"}, who="editor", id="1")
    elsewhere = entry("link", {"claim_id": "c", "quote": "غادر القاعة"},
                      {"claim_id": "other", "quote": "غادر القاعة"}, entity="appearance",
                      entity_id="p", who="editor", id="2")
    assert [said(line) for line in story.tell_all([split, elsewhere], claim_id="c")] == [
        "split off as a claim of its own (disputed)", "“غادر القاعة” moved to another claim"]


def test_words_untagged_alone_are_one_line_without_a_count(project, article):
    """A place untagged alone, and tagged again, reads «untagged “…”» and «tagged “…”
    again»: the «(n places)» count is for a Tag All's places, written at one time."""
    claim = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    words = appearances.tag_quote(project, article.id, "غادر القاعة", None,
                                  same_as=claim.claim_id)
    appearances.delete(project, words.id)
    appearances.restore(project, words.id)
    told = [said(line) for line in story.tell_all(history.for_claim(project, claim.claim_id),
                                                  claim_id=claim.claim_id)]
    assert told == ["created as disputed: “قال الوزير”", "tagged “غادر القاعة”",
                    "untagged “غادر القاعة”", "tagged “غادر القاعة” again"]


def test_one_deletion_two_copies_wrote_is_told_once():
    """Amal's copy and Chadi's each found the claim left with no words by a merge, his
    relabelled: an entry each, one deletion (Badr's untagging), told «deleted» twice
    (rv233); a later deletion after a restore is told again."""
    gone = {**BASE, "deleted": AT, "deleted_by": "badr", "updated_by": "badr"}
    later = "2024-05-01T10:21:00.000000Z"
    told = story.tell_all([
        entry("delete", BASE, gone, who="badr", id="h1"),
        entry("delete", {**BASE, "label": "disputed"}, {**gone, "label": "disputed"},
              who="badr", id="h2"),
        entry("restore", gone, BASE, id="h3", at=later),
        entry("delete", BASE, {**gone, "deleted": later}, who="badr", id="h4", at=later)])
    assert [said(line) for line in told] == ["deleted", "restored", "deleted"]


@pytest.mark.parametrize("split", [1, 2, 0])
def test_one_deletion_two_copies_wrote_is_told_once_when_the_story_is_kept(split):
    """A window keeps a claim's story told and adds the lines of entries merged in since
    (``tell_more``): the second copy's entry of a deletion told already, or both at once,
    read «deleted» twice, "History" one line more than told whole (rv250). A later
    deletion after a restore still adds its line."""
    gone = {**BASE, "deleted": AT, "deleted_by": "badr", "updated_by": "badr"}
    later, last = "2024-05-01T10:21:00.000000Z", "2024-05-01T10:22:00.000000Z"
    entries = [
        entry("delete", BASE, gone, who="badr", id="h1"),
        entry("edit", BASE, {**BASE, "label": "disputed", "updated_by": "chadi"},
              who="chadi", id="h2", at=later),
        entry("delete", {**BASE, "label": "disputed"}, {**gone, "label": "disputed"},
              who="badr", id="h3", at=later)]
    whole = [said(line) for line in story.tell_all(entries)]
    more = story.tell_more(entries[:split], entries[split:])
    assert more is None or [*whole[:split], *map(said, more)] == whole
    again = [entry("restore", gone, BASE, id="h4", at=last),
             entry("delete", BASE, {**gone, "deleted": last}, who="badr", id="h5", at=last)]
    assert [said(line) for line in story.tell_more(entries, again)] == ["restored", "deleted"]


# -- store/review/story.py: a merge's conflict, told -----------------------------------------
BASE = {"label": "unchecked", "note": "", "sources": "[]", "updated_by": "amal",
        "deleted": None, "deleted_by": None}


def conflict(loser: dict, result: dict, base: dict | None = None, **after) -> str:
    record = {**BASE, **result, **after}
    if base is not None:
        record["_base"] = {**BASE, **base}
    return str(story.summarize(entry("merge_conflict", {**BASE, **loser}, record,
                                     who="merger")))


def test_a_restore_that_lifted_a_colleagues_deletion_is_no_deletion_kept(tmp_path):
    """Amal deletes the claim; Chadi writes a note and merges her file; Badr merges it too
    and restores the claim. Chadi merging Badr's file keeps the claim, live, with his note:
    the line says his changes were combined with Badr's, not «kept badr's deletion»."""
    from test_merge import in_turn, three_copies

    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", lambda p: claims.delete_claim(p, claim_id)),
                    ("C", {"note": "أرقام الوزارة"}), ("C", "A"), ("B", "A"),
                    ("B", lambda p: claims.restore_claim(p, claim_id))], claim_id)
    with Project.open(paths["C"], "chadi") as chadi:
        merge_project(chadi, paths["B"])
        told = [story.describe(e) for e in history.for_claim(chadi, claim_id)]
    assert told[-1].endswith("  chadi  merge_conflict  combined chadi's changes with badr's")
    assert "  chadi  merge_conflict  kept amal's deletion over chadi's edit: note added" in \
        "\n".join(told)


def test_a_deletion_kept_over_an_edit_names_who_deleted():
    """A deletion kept over a colleague's edit names its deleter (the record's deleted_by),
    not whoever last wrote the record."""
    line = conflict({"note": "مصدر", "updated_by": "huda"},
                    {"updated_by": "badr", "deleted": AT, "deleted_by": "amal"}, {})
    assert line.startswith("kept amal's deletion over huda's edit")


def test_both_deleted_names_the_deleter_and_the_other_version():
    """Two deleted versions: the line names who deleted the one kept and whose version
    lost - not the same name twice."""
    line = conflict({"updated_by": "huda", "deleted": AT, "deleted_by": "huda"},
                    {"updated_by": "badr", "deleted": AT, "deleted_by": "amal"})
    assert line == "kept amal's deletion over badr's version"


def test_a_deletion_kept_over_a_deleted_edit_names_who_made_the_edit():
    """Badr untags the claim's last words; Chadi relabels it, and merging Badr's file
    deletes his version too, stamped Badr's (updated_by); Amal, holding Badr's deletion,
    merges Chadi's file. The edit kept under the deletion is Chadi's, by the history:
    «kept badr's deletion over badr's edit» (rv250). No such entry, the line is as before."""
    gone = {**BASE, "deleted": AT, "deleted_by": "badr", "updated_by": "badr"}
    edited = {**BASE, "label": "disputed", "note": "رقم قديم", "updated_by": "chadi"}
    later, last = "2024-05-01T10:21:00.000000Z", "2024-05-01T10:22:00.000000Z"
    entries = [entry("delete", BASE, gone, who="badr", id="h1"),
               entry("edit", BASE, edited, who="chadi", id="h2", at=later),
               entry("merge_conflict", gone, {**gone, **edited, "updated_by": "badr",
                                              "deleted": AT, "_base": BASE},
                     who="amal", id="h3", at=last)]
    line = "kept badr's deletion over chadi's edit: label: unchecked → disputed, note added"
    assert said(story.tell_all(entries)[-1]) == line
    assert [said(more) for more in story.tell_more(entries[:2], entries[2:])] == [line]
    by = story.conflict_editors(entries)
    assert story.describe(entries[2], edited_by=by.get("h3")).endswith(f"merge_conflict  {line}")
    assert said(story.tell_all([entries[0], entries[2]])[-1]).startswith(
        "kept badr's deletion over badr's edit")


def test_a_later_change_of_the_losers_own_author_is_told_as_a_later_change():
    """The record's author is the losing version's own (a later change of hers replaced
    her value): «kept a later change over huda's», not «kept huda's version over huda's»;
    a plain loss to Badr names Badr."""
    own = conflict({"label": "disputed", "updated_by": "huda"},
                   {"label": "verified", "updated_by": "huda"}, {})
    assert own == "kept a later change over huda's; not kept: huda's verdict disputed"
    other = conflict({"label": "disputed", "updated_by": "huda"},
                     {"label": "verified", "updated_by": "badr"}, {})
    assert other == "kept badr's version over huda's; not kept: huda's verdict disputed"


def test_a_version_marked_later_is_told_as_a_later_change():
    """A conflict entry marked «_later» (a later change of someone else replaced the
    newer version's value) reads «kept a later change», though the record is another's."""
    line = conflict({"label": "disputed", "updated_by": "huda"},
                    {"label": "verified", "updated_by": "badr"}, {}, _later=True)
    assert line == "kept a later change over huda's; not kept: huda's verdict disputed"


def test_an_old_conflict_entry_tells_the_losers_links_not_kept():
    """A conflict entry from before merges kept a base (no «_base») tells the losing
    version's links the record lacks."""
    line = conflict({"sources": '["https://a.example/1"]', "updated_by": "huda"},
                    {"sources": "[]", "updated_by": "badr"})
    assert line == "kept badr's version over huda's; not kept: huda's links https://a.example/1"


def test_an_empty_note_lost_is_not_told_as_a_note():
    """The loser emptied the note and the record kept its text: nothing of a note is told
    as lost - «huda's note “”» said nothing."""
    line = conflict({"note": "", "label": "disputed", "updated_by": "huda"},
                    {"note": "نص", "label": "verified", "updated_by": "badr"},
                    {"note": "نص"})
    assert line == "kept badr's version over huda's; not kept: huda's verdict disputed"


def test_a_link_the_loser_removed_and_the_record_has_again_is_told():
    """A link the losing version removed, and the record still has, reads «huda removing
    …»; one it removed that is gone is not told."""
    line = conflict({"sources": '["https://b.example/2"]', "updated_by": "huda"},
                    {"sources": '["https://a.example/1", "https://b.example/2"]',
                     "label": "verified", "updated_by": "badr"},
                    {"sources": '["https://a.example/1", "https://b.example/2"]'})
    assert line == "kept badr's version over huda's; not kept: huda removing https://a.example/1"
    gone = conflict({"sources": '["https://b.example/2"]', "label": "disputed",
                     "updated_by": "huda"},
                    {"sources": '["https://b.example/2"]', "label": "verified",
                     "updated_by": "badr"},
                    {"sources": '["https://a.example/1", "https://b.example/2"]'})
    assert gone == "kept badr's version over huda's; not kept: huda's verdict disputed"


def test_a_link_the_loser_added_and_the_record_lacks_is_told():
    """A link the losing version added that the record does not hold is told by name."""
    line = conflict({"sources": '["https://a.example/1", "https://c.example/3"]',
                     "updated_by": "huda"},
                    {"sources": '["https://a.example/1"]', "updated_by": "badr"},
                    {"sources": '["https://a.example/1"]'})
    assert line == "kept badr's version over huda's; not kept: huda's links https://c.example/3"


def test_a_deleter_is_not_told_as_a_change_of_the_version():
    """Who deleted a version is not one of its changes: two deletions by different people,
    the content alike, read as the deletion kept, not «…: deleted_by: huda → amal»."""
    line = conflict({"updated_by": "huda", "deleted": AT, "deleted_by": "huda"},
                    {"updated_by": "huda", "deleted": AT, "deleted_by": "amal"})
    assert line == "kept amal's deletion over huda's version"


def test_a_version_is_named_by_whoever_last_changed_it_not_its_maker():
    """A version is its last changer's (updated_by), not the claim's maker's (annotator)."""
    line = conflict({"label": "disputed", "annotator": "amal", "updated_by": "huda"},
                    {"label": "verified", "annotator": "amal", "updated_by": "badr"}, {})
    assert line == "kept badr's version over huda's; not kept: huda's verdict disputed"


# -- store/core/claim_versions.py: links however they were written ----------------------------
@pytest.mark.parametrize(("old", "counts"), [
    ("5", "+2 −1"),            # JSON, but no list: kept as one link
    ("{not json", "+2 −1"),   # no JSON at all
    (5, "+2 −1"),             # a number another program wrote
    ('["https://a.example/1"]', "+1"),
])
def test_links_written_otherwise_are_counted_as_links(old, counts):
    """A claim's sources another program wrote as no JSON list («5», a number, broken
    JSON) are one link, not none: replacing them by two reads «sources: +2 −1»."""
    changed = entry("edit", {"sources": old},
                    {"sources": '["https://a.example/1", "https://b.example/2"]'})
    assert story.summarize(changed) == f"sources: {counts}"


# -- store/core/history.py ----------------------------------------------------------------------
def test_an_entry_keeps_the_id_author_and_time_it_is_given(project):
    """An entry made from a change itself (one CSV imported by two colleagues) keeps the id
    it is given, so that merged the two are one; a colleague's change keeps its author and
    time."""
    made = history.record(project, "claim", "c", "import", None, {"label": "disputed"},
                          who="huda", at=AT, entry_id="from-the-change")
    assert (made.id, made.who, made.at) == ("from-the-change", "huda", AT)
    stored = history.for_entity(project, "c")
    assert [(e.id, e.who, e.at) for e in stored] == [("from-the-change", "huda", AT)]


def test_a_claims_story_is_in_the_order_of_time_not_of_arrival(project, article):
    """Entries merged in from a colleague's copy arrive after mine but happened before:
    the story is told in the order of their times."""
    claim_id = appearances.tag_quote(project, article.id, "قال الوزير", "disputed").claim_id
    history.record(project, "claim", claim_id, "edit", {"note": ""}, {"note": "قديم"},
                   who="huda", at="2000-01-01T00:00:00.000000Z")
    assert history.for_claim(project, claim_id)[0].who == "huda"


def test_a_restore_lists_the_deletion_it_lifted_and_every_one_before(project, article):
    """A claim's restore lists every deletion of it this file knows - the one it lifted
    and those before - so that a merge lets none of them stand against it."""
    claim_id = appearances.tag_quote(project, article.id, "قال الوزير", "disputed").claim_id
    claims.delete_claim(project, claim_id)
    first = claims.get_claim(project, claim_id).deleted
    claims.restore_claim(project, claim_id)
    project.annotator = "amal"
    claims.delete_claim(project, claim_id)
    second = claims.get_claim(project, claim_id).deleted
    claims.restore_claim(project, claim_id)
    restore = history.for_entity(project, claim_id)[-1]
    assert restore.action == "restore"
    assert restore.before[history.LIFTED_KEY] == [[first, "tester"], [second, "amal"]]


def test_words_linked_here_bring_their_link_not_the_other_claims_story(project, article):
    """Words tagged under another claim, then linked to this one, bring «joined this
    claim», not their tagging under the other claim."""
    kept = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    other = appearances.tag_quote(project, article.id, "غادر القاعة", "unchecked")
    appearances.link(project, other.id, kept.claim_id)
    told = [said(line) for line in story.tell_all(history.for_claim(project, kept.claim_id))]
    assert told == ["created as disputed: “قال الوزير”", "“غادر القاعة” joined this claim"]


def test_a_claims_first_words_linked_away_are_told_as_leaving_it(project, article):
    """The words that made a claim, linked to another claim, read «“…” moved to another
    claim» in the first claim's story (rv149) - the entry whose record after the link
    names the other claim is still this claim's story."""
    first = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    appearances.tag_quote(project, article.id, "غادر القاعة", None, same_as=first.claim_id)
    other = appearances.tag_quote(project, article.id, "خمسة بالمئة", "verified")
    appearances.link(project, first.id, other.claim_id)
    told = [said(line) for line in story.tell_all(history.for_claim(project, first.claim_id),
                                                  claim_id=first.claim_id)]
    assert told == ["created as disputed: “قال الوزير”", "tagged “غادر القاعة”",
                    "“قال الوزير” moved to another claim"]
    # `tahqiq history` says so too
    left = history.for_claim(project, first.claim_id)[-1]
    assert story.describe(left, None, first.claim_id).endswith(
        "  tester  link  “قال الوزير” moved to another claim")


# -- store/review/reviews.py --------------------------------------------------------------------
@pytest.fixture
def claim(project, article):
    return appearances.tag_quote(project, article.id, "قال الوزير", "unchecked")


def giver_of(project, claim_id: str) -> str:
    return reviews.verdict_giver(project, claims.get_claim(project, claim_id))


def relabel(project, claim_id: str, who: str, label: str) -> None:
    project.annotator = who
    claims.update_claim(project, claim_id, label=label)


def test_a_claim_someone_else_imported_is_its_makers(project, claim):
    """The entry that brought a claim into this file (a CSV's import) may be signed by
    whoever imported it: its verdict is its maker's (the record's annotator)."""
    project.execute("UPDATE history SET who = 'importer' WHERE entity = 'claim' "
                    "AND entity_id = ? AND before IS NULL", [claim.claim_id])
    assert giver_of(project, claim.claim_id) == "tester"


def test_a_colleagues_change_taken_back_gives_the_verdict_back(project, claim):
    """Bilal changes Huda's «unchecked» to «disputed» and takes it back: the verdict is
    Huda's again, and Bilal may review it."""
    relabel(project, claim.claim_id, "bilal", "disputed")
    relabel(project, claim.claim_id, "bilal", "unchecked")
    assert giver_of(project, claim.claim_id) == "tester"
    assert reviews.may_review(project, claims.get_claim(project, claim.claim_id), "bilal")


def test_a_second_change_is_no_undo_of_the_first(project, claim):
    """Bilal changes «unchecked» to «disputed», then to «verified»: «verified» is his, not
    the maker's (the second change takes nothing back)."""
    relabel(project, claim.claim_id, "bilal", "disputed")
    relabel(project, claim.claim_id, "bilal", "verified")
    assert giver_of(project, claim.claim_id) == "bilal"
    assert not reviews.may_review(project, claims.get_claim(project, claim.claim_id), "bilal")


def test_a_change_taken_back_by_someone_else_is_theirs(project, claim):
    """Bilal changes «unchecked» to «disputed»; Chadi changes it back: «unchecked» is
    Chadi's now, not the maker's - Chadi cannot accept it."""
    relabel(project, claim.claim_id, "bilal", "disputed")
    relabel(project, claim.claim_id, "chadi", "unchecked")
    assert giver_of(project, claim.claim_id) == "chadi"


def test_a_verdict_the_history_does_not_tell_is_its_makers(project, claim):
    """The claim's verdict is not the last one its history tells (the entry that gave it
    cannot be read): the maker is taken, not whoever gave the verdict before."""
    relabel(project, claim.claim_id, "omar", "disputed")
    relabel(project, claim.claim_id, "editor", "verified")
    project.execute("UPDATE history SET after = '{not json' WHERE entity_id = ? "
                    "AND who = 'editor'", [claim.claim_id])
    assert giver_of(project, claim.claim_id) == "tester"


def test_a_deleted_claim_is_offered_for_no_review(project, claim):
    """Accept and Reject are offered (may_review) only on a live claim."""
    claims.delete_claim(project, claim.claim_id)
    deleted = claims.get_claim(project, claim.claim_id)
    assert not reviews.may_review(project, deleted, "editor")
    assert not reviews.may_review(project, deleted, "editor", giver="tester")


def test_a_colleague_who_changed_the_verdict_is_told_so(project, claim):
    """Refused, the maker of a claim reads «made this claim»; the colleague who gave its
    verdict reads «gave this claim its verdict»."""
    project.annotator = "omar"
    claims.update_claim(project, claim.claim_id, label="disputed")
    with pytest.raises(reviews.InvalidReview, match="omar gave this claim its verdict"):
        reviews.review_claim(project, claim.claim_id, "accept")
    project.annotator = "editor"
    claims.update_claim(project, claim.claim_id, label="unchecked")
    claims.update_claim(project, claim.claim_id, label="verified")
    project.annotator = "tester"
    claims.update_claim(project, claim.claim_id, label="disputed")
    with pytest.raises(reviews.InvalidReview, match="tester made this claim"):
        reviews.review_claim(project, claim.claim_id, "accept")


def test_a_verdict_a_merge_kept_is_its_givers_not_the_mergers(project, claim):
    """A merge's conflict entry is signed by whoever merged: the verdict it kept is still
    its giver's, and whoever merged may review it."""
    project.annotator = "omar"
    claims.update_claim(project, claim.claim_id, label="disputed")
    with project.transaction():
        history.record(project, "claim", claim.claim_id, "merge_conflict",
                       {"label": "verified"}, {"label": "disputed", "updated_by": "omar"},
                       who="editor")
    record = claims.get_claim(project, claim.claim_id)
    assert reviews.verdict_giver(project, record) == "omar"


def test_an_edit_that_kept_the_verdict_does_not_make_it_the_editors(project, claim):
    """A colleague who edited only the note of a claim did not give its verdict: the
    entry changes no verdict and is passed over."""
    project.annotator = "omar"
    claims.update_claim(project, claim.claim_id, label="disputed")
    project.annotator = "editor"
    claims.update_claim(project, claim.claim_id, note="مصدر")
    record = claims.get_claim(project, claim.claim_id)
    assert reviews.verdict_giver(project, record) == "omar"
    assert reviews.may_review(project, record, "editor")


def test_a_verdict_changed_in_the_very_moment_of_a_split_is_followed_back(project, article):
    """An Unlink's claim keeps the verdict's giver of the claim its words came from as it
    was at the split - a change stamped at the split's very time included."""
    claim = appearances.tag_quote(project, article.id, "قال الوزير", "unchecked")
    words = appearances.tag_quote(project, article.id, "غادر القاعة", None,
                                  same_as=claim.claim_id)
    project.annotator = "huda"
    claims.update_claim(project, claim.claim_id, label="disputed")
    project.annotator = "editor"
    split = appearances.unlink(project, words.id)
    at = history.for_entity(project, split.claim_id)[0].at
    project.execute("UPDATE history SET at = ? WHERE entity_id = ? AND action = 'relabel'",
                    [at, claim.claim_id])
    assert reviews.verdict_giver(project, claims.get_claim(project, split.claim_id)) == "huda"


def test_a_verdict_with_no_name_recorded_is_its_makers(project, claim):
    """An entry whose author is blank (another program's) names no giver: the claim's
    maker is taken, as when the history does not say."""
    project.annotator = "omar"
    claims.update_claim(project, claim.claim_id, label="disputed")
    project.execute("UPDATE history SET who = '  ' WHERE entity_id = ? AND action = 'relabel'",
                    [claim.claim_id])
    assert reviews.verdict_giver(project, claims.get_claim(project, claim.claim_id)) == \
        "tester"


def test_a_review_of_the_verdict_undone_stands_again(project, claim):
    """A reviewer's acceptance of «disputed» stands again when the verdict comes back to
    «disputed», and a review from before schema 9 (no verdict recorded) stands for any."""
    project.annotator = "huda"
    claims.update_claim(project, claim.claim_id, label="disputed")
    project.annotator = "editor"
    review = reviews.review_claim(project, claim.claim_id, "accept")
    assert reviews.stands(review, "disputed") and not reviews.stands(review, "verified")
    assert reviews.stands(review._replace(label=None), "verified")


def test_a_review_from_before_schema_9_is_the_claims_status_in_every_reader(project, claim):
    """A review that recorded no verdict is the claim's status for the one-claim reader,
    the article's and the project's, as for the CSV's query."""
    project.annotator = "editor"
    reviews.review_claim(project, claim.claim_id, "reject")
    project.execute("UPDATE reviews SET label = NULL")
    assert reviews.current_review(project, claim.claim_id).decision == "reject"
    assert reviews.current_reviews(project)[claim.claim_id].decision == "reject"
    assert reviews.current_reviews(project, claim.article_id)[claim.claim_id].decision == \
        "reject"
    assert dict(project.execute(reviews.CURRENT_DECISIONS_SQL).fetchall()) == {
        claim.claim_id: "reject"}


def test_a_review_of_an_earlier_verdict_is_no_status_but_is_the_latest_record(project,
                                                                             claim):
    """Relabelled after a rejection: the claim has no status (the CSV's review_status is
    empty) and its latest review is still the rejection, for the packet to say."""
    project.annotator = "editor"
    reviews.review_claim(project, claim.claim_id, "reject")
    project.annotator = "tester"
    claims.update_claim(project, claim.claim_id, label="disputed")
    assert dict(project.execute(reviews.CURRENT_DECISIONS_SQL).fetchall()) == {}
    assert reviews.latest_reviews(project)[claim.claim_id].decision == "reject"
    assert reviews.latest_reviews(project, claim.article_id)[claim.claim_id].decision == \
        "reject"


def test_an_articles_reviews_are_of_its_claims_only(project, article, claim):
    """current_reviews of one article holds its claims' statuses, not another article's."""
    other = articles.add_article(project, "نص آخر عن الاقتصاد والنمو.", "آخر")
    elsewhere = appearances.tag_quote(project, other.id, "الاقتصاد", "unchecked")
    project.annotator = "editor"
    reviews.review_claim(project, claim.claim_id, "accept")
    reviews.review_claim(project, elsewhere.claim_id, "reject")
    assert set(reviews.current_reviews(project, article.id)) == {claim.claim_id}
    assert set(reviews.latest_reviews(project, other.id)) == {elsewhere.claim_id}


def test_reviews_filed_in_one_moment_are_listed_by_id(project, claim):
    """Two reviews stamped alike (merged from two files) are listed oldest first, ties by
    id, the same in every copy."""
    project.annotator = "editor"
    first = reviews.review_claim(project, claim.claim_id, "accept")
    project.annotator = "amal"
    second = reviews.review_claim(project, claim.claim_id, "reject")
    project.execute("UPDATE reviews SET created = ?", [first.created])
    ids = sorted([first.id, second.id])
    assert [r.id for r in reviews.reviews_for(project, claim.claim_id)] == ids


def test_names_written_in_compatibility_forms_are_one_person():
    """«ﻫﺪى» in Arabic presentation forms (a PDF's copy) is «هدى»: one person."""
    assert reviews.same_person("ﻫﺪﻯ", "هدى")
    assert reviews.same_people(["هدى", "ﻫﺪﻯ", "amal"]) == [["هدى", "ﻫﺪﻯ"]]


def test_a_name_with_two_spaces_inside_is_the_same_person():
    """«Huda  Ali» (two spaces) is «huda ali»."""
    assert reviews.same_person("Huda  Ali", "huda ali")


def test_a_review_comment_is_kept_without_its_surrounding_spaces(project, claim):
    """A comment typed with a line break around it is kept as its words."""
    project.annotator = "editor"
    review = reviews.review_claim(project, claim.claim_id, "accept", "\n موثق \n")
    assert review.comment == "موثق"
    assert reviews.reviews_for(project, claim.claim_id)[0].comment == "موثق"


def test_a_review_records_the_verdict_it_was_of(project, claim):
    """A review keeps the verdict it accepted: a later change of verdict unseats it."""
    project.annotator = "editor"
    review = reviews.review_claim(project, claim.claim_id, "accept")
    assert review.label == "unchecked"
    assert isinstance(review, Review)


def test_a_deleted_claim_cannot_be_reviewed_even_by_someone_else(project, claim):
    """A deleted claim is reviewed by no one, a colleague of its maker included."""
    claims.delete_claim(project, claim.claim_id)
    project.annotator = "editor"
    with pytest.raises(reviews.ClaimNotFound):
        reviews.review_claim(project, claim.claim_id, "accept")
    assert reviews.reviews_for(project, claim.claim_id) == []

