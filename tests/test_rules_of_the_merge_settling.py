"""What a fact-checker relies on when merging, each guarded against a small change to
store/exchange/merge.py the rest of the suite let pass (rv161's mutation review of the
merge's deletions and restores, what a claims CSV lets a side have seen, and the
Setters; rv156's first round is test_rules_of_the_merge.py)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import test_csv_import
from conftest import SAMPLE_QUOTE
from test_csv_import import Q_EARLIER
from test_merge import article_id as article_id_of
from test_merge import in_turn, three_copies

from store.core import appearances, articles, claims, history
from store.core.project import Project
from store.exchange import exporting
from store.exchange.merge import merge_file, merge_project
from store.exchange.seeding import open_or_create


def claim_in(path: Path, claim_id: str):
    with Project.open(path, "reader") as project:
        return claims.get_claim(project, claim_id)


def delete(claim_id: str):
    return lambda project: claims.delete_claim(project, claim_id)


def restore(claim_id: str):
    return lambda project: claims.restore_claim(project, claim_id)


def deleted_by(who: str, claim_id: str):
    def check(project: Project) -> None:
        assert claims.get_claim(project, claim_id).deleted_by == who
    return check


def as_an_earlier_tahqiq_wrote_it(project: Project) -> None:
    """Restores as Tahqiq wrote them before they listed the deletions their author saw."""
    project.execute("UPDATE history SET before = json_remove(before, ?) "
                    "WHERE action = 'restore'", [f"$.{history.LIFTED_KEY}"])


# -- deletions and restores --------------------------------------------------------------------
@pytest.mark.parametrize("order", ["BC", "CB"])
def test_a_restore_lifts_every_deletion_it_lists_against_an_edit_carrying_another(
        tmp_path, order):
    """Amal and Badr each delete the claim; Chadi writes a note and merges Badr's file
    (Badr's deletion sticks on his note). Badr merges Amal's file, so he has seen both
    deletions, and restores the claim: his restore lists both. Merged with Chadi's file
    in either direction, the deletion Chadi carries is one Badr brought the claim back
    from: it stays live, with Chadi's note (read only from the restore's list, Badr's
    deletion - not the one the record kept, Amal's earlier - stood)."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", delete(claim_id)), ("B", delete(claim_id)),
                    ("C", {"note": "أرقام الوزارة"}), ("C", "B"),
                    ("C", deleted_by("badr", claim_id)),  # (Chadi carries Badr's deletion)
                    ("B", "A"), ("B", restore(claim_id)), (order[0], order[1])], claim_id)
    claim = claim_in(paths[order[0]], claim_id)
    assert (claim.is_deleted, claim.note) == (False, "أرقام الوزارة")


def test_a_claim_a_conflict_brings_back_is_told_as_brought_back(tmp_path):
    """Amal deletes the claim; Chadi writes a note and merges her file (the deletion sticks
    on his note); Badr merges it too and restores the claim. Chadi merging Badr's file
    gets the claim back, with his note: the summary said only «conflicts: 1», where a
    claim a conflict deletes is told as «deleted there» (rv161)."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", delete(claim_id)), ("C", {"note": "أرقام الوزارة"}), ("C", "A"),
                    ("B", "A"), ("B", restore(claim_id))], claim_id)
    assert claim_in(paths["C"], claim_id).is_deleted
    with Project.open(paths["C"], "chadi") as chadi:
        summary = merge_project(chadi, paths["B"])
        assert not claims.get_claim(chadi, claim_id).is_deleted
    assert (summary.restored_claims, summary.deleted_claims) == (1, 0)


def test_an_earlier_tahqiqs_latest_restore_lifts_the_deletions_made_before_it(tmp_path):
    """Restores an earlier Tahqiq wrote name only the deletion they brought the claim back
    from, and were honoured as lifting every deletion made before them. Amal restored the
    claim twice; between the two, Badr and Chadi each deleted it, and Amal merged both
    (her record kept Badr's earlier deletion) before her second restore. Dana, who wrote a
    note and merged Chadi's file, carries his deletion: merged into Amal's file, it is one
    Amal's latest restore came after - the claim stays live with Dana's note (read by her
    first restore, Chadi's deletion stood)."""
    paths, claim_id = three_copies(tmp_path, "ABCD")
    in_turn(paths, [
        ("A", delete(claim_id)), ("A", restore(claim_id)), ("A", as_an_earlier_tahqiq_wrote_it),
        ("B", delete(claim_id)), ("C", delete(claim_id)),
        ("D", {"note": "مصدر رسمي"}), ("D", "C"), ("D", deleted_by("chadi", claim_id)),
        ("A", "B"), ("A", "C"), ("A", deleted_by("badr", claim_id)),
        ("A", restore(claim_id)), ("A", as_an_earlier_tahqiq_wrote_it), ("A", "D")],
        claim_id)
    claim = claim_in(paths["A"], claim_id)
    assert (claim.is_deleted, claim.note) == (False, "مصدر رسمي")


def test_an_earlier_tahqiqs_restore_of_a_claim_lifts_no_untagging_of_its_first_words(
        tmp_path):
    """A claim's first place shares the claim's id. Badr untagged those words; Amal, not
    knowing, deleted the claim, brought it back (a restore as an earlier Tahqiq wrote it,
    naming no deletion it saw) and moved the words. Her restore of the claim is no restore
    of the words: Badr's untagging, which she never saw, stands (taken for one, it was
    lifted as made before her restore, and the words stayed tagged)."""
    paths, claim_id = three_copies(tmp_path, "AB")
    with Project.open(paths["A"], "amal") as amal:
        appearances.add(amal, claim_id, article_id_of(amal), 40, 50)  # (words of its own)
    shutil.copy(paths["A"], paths["B"])
    in_turn(paths, [
        ("B", lambda p: appearances.delete(p, claim_id)),
        ("A", delete(claim_id)), ("A", restore(claim_id)), ("A", as_an_earlier_tahqiq_wrote_it),
        ("A", lambda p: appearances.move(p, claim_id, 0, 8)), ("A", "B")])
    with Project.open(paths["A"], "amal") as amal:
        place = amal.execute("SELECT deleted_by FROM appearances WHERE id = ?",
                             [claim_id]).fetchone()
    assert place[0] == "badr"



# -- what a merge folded into a version, unseen by the other side ---------------------------------
def test_a_note_taken_back_stays_back_for_whoever_merges_the_file_that_folded_it(tmp_path):
    """Badr writes a note and takes it back; Chadi had merged the note before that, and
    later relabels. Amal merges Badr's file (his note taken back, folded into her
    version) and Chadi then merges Amal's: Amal's version is one Chadi saw, but not all a
    merge folded into it - his old note must not come back over Badr's taking it back
    (test_merge's rv82 case, merged the other way round)."""
    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("A", {"sources": ["https://a.example/1"]}), ("B", {"note": "n2"}),
                    ("C", "B"), ("B", {"note": ""}), ("A", {"sources": []}), ("C", "A"),
                    ("C", {"label": "verified"}), ("A", "B"), ("C", "A")], claim_id)
    claim = claim_in(paths["C"], claim_id)
    assert (claim.label, claim.note, claim.sources) == ("verified", "", ())


# -- what a claims CSV lets a side have seen -----------------------------------------------------
team = test_csv_import.team  # (Amal's, Badr's and Sara's projects: the fixture)


def csv_without(path: Path, place_id: str) -> Path:
    """A copy of a CSV export without the record of one place (a claim's first words
    untagged, or in an article not exported)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    column = rows[0].index("appearance_id")
    kept = [rows[0], *(row for row in rows[1:] if row[column] != place_id)]
    out = path.with_name("without.csv")
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(kept)
    return out


@pytest.mark.parametrize("order", ["importer merges first", "maker merges first"])
def test_a_claims_maker_a_csv_guessed_wrong_is_no_conflict_with_its_project(team, tmp_path,
                                                                           order):
    """Badr makes a claim; Amal finds it earlier in the text and sends a CSV without its
    first words: Sara's import can only take the claim for Amal's, who tagged its earliest
    words. Merged with Badr's project file, either way round, that guess is no change of
    Sara's: no conflict, and the claim is Badr's in both files (a conflict, and Sara's
    newer-looking guess could make the claim Amal's everywhere)."""
    amal, badr, sara = team["amal"], team["badr"], team["sara"]
    made = appearances.tag_quote(badr, articles.list_articles(badr)[0]["id"], SAMPLE_QUOTE,
                                 "disputed", note="بدر")
    merge_project(amal, badr.path)
    appearances.tag_quote(amal, article_id_of(amal), Q_EARLIER, None, same_as=made.id)
    merge_file(sara, csv_without(exporting.export_file(amal, "csv", tmp_path / "amal.csv"),
                                 made.id))
    assert claims.get_claim(sara, made.id).annotator == "amal"  # (the guess)
    first, second = (sara, badr) if order.startswith("importer") else (badr, sara)
    summaries = [merge_project(first, second.path), merge_project(second, first.path)]
    assert [s.conflicts for s in summaries] == [0, 0]
    assert claims.get_claim(sara, made.id).annotator == "badr"
    assert claims.get_claim(sara, made.id) == claims.get_claim(badr, made.id)


def badrs_claim_and_words_amal_linked_to_it(team) -> tuple[str, str]:
    """Badr's claim K and his words W of another claim; Amal, having merged his file,
    links W to K (a change of the words, hers, after K's last change, his): (K, W)."""
    amal, badr = team["amal"], team["badr"]
    made = appearances.tag_quote(badr, article_id_of(badr), SAMPLE_QUOTE, "disputed")
    words = appearances.tag_quote(badr, article_id_of(badr), "بوتين", "unchecked",
                                  occurrence=4)
    merge_project(amal, badr.path)
    appearances.link(amal, words.id, made.claim_id)
    assert claims.get_claim(amal, made.claim_id).updated_by == "badr"
    return made.claim_id, words.id


def test_a_claims_last_changer_a_csv_guessed_wrong_is_no_conflict_with_its_project(team,
                                                                                  tmp_path):
    """Amal's CSV without the claim's first words holds only the words she linked to it
    after Badr's last change of the claim: Sara's import takes her link for the claim's
    last change, and her for its author. Merging Amal's project file takes the claim's
    who and when from it, without a conflict."""
    amal, sara = team["amal"], team["sara"]
    claim_id, _ = badrs_claim_and_words_amal_linked_to_it(team)
    merge_file(sara, csv_without(exporting.export_file(amal, "csv", tmp_path / "amal.csv"),
                                 claim_id))
    assert claims.get_claim(sara, claim_id).updated_by == "amal"  # (the guess)
    summary = merge_project(sara, amal.path)
    assert (summary.conflicts, summary.place_conflicts) == (0, 0)
    assert claims.get_claim(sara, claim_id) == claims.get_claim(amal, claim_id)


def test_words_linked_before_a_claims_last_change_are_no_conflict_with_their_project(
        team, tmp_path):
    """Amal linked Badr's words to his claim, then wrote its note: her CSV's record of the
    words is stamped with the note, and Sara's import takes them as never changed since
    Badr tagged them (his time, his name). Merging Amal's project file takes the words'
    own who and when from it, without a conflict (merge._csv_seen;
    csv_format._place_times)."""
    amal, sara = team["amal"], team["sara"]
    claim_id, words = badrs_claim_and_words_amal_linked_to_it(team)
    linked = appearances.get_appearance(amal, words)
    claims.update_claim(amal, claim_id, note="ملاحظة أمل")
    merge_file(sara, exporting.export_file(amal, "csv", tmp_path / "amal.csv"))
    guessed = appearances.get_appearance(sara, words)
    assert (guessed.updated_by, guessed.updated) == ("badr", guessed.created)  # (the guess)
    summary = merge_project(sara, amal.path)
    assert (summary.conflicts, summary.place_conflicts) == (0, 0)
    place = appearances.get_appearance(sara, words)
    assert (place.updated, place.updated_by) == (linked.updated, "amal")



# -- conflicts told in a claim's history ------------------------------------------------
def test_a_value_set_twice_is_told_as_the_later_setters_when_a_later_one_replaced_it(tmp_path):
    """Badr and then Chadi each set the verdict «disputed»; Badr later sets «verified», and
    Chadi, not knowing, writes a note. Merged into Badr's file, Chadi's newer record keeps
    his note and Badr's later verdict; the history tells the verdict not kept as Chadi's -
    the last to set it - not Badr's own, which he had changed himself."""
    from store.review import story

    paths, claim_id = three_copies(tmp_path)
    in_turn(paths, [("B", {"label": "disputed"}), ("C", {"label": "disputed"}),
                    ("B", {"label": "verified"}), ("C", {"note": "ملاحظة شادي"}), ("B", "C")],
            claim_id)
    with Project.open(paths["B"], "badr") as badr:
        claim = claims.get_claim(badr, claim_id)
        told = [str(story.summarize(e)) for e in history.for_claim(badr, claim_id)
                if e.action == "merge_conflict"]
    assert (claim.label, claim.note) == ("verified", "ملاحظة شادي")
    assert any("over chadi's; not kept: chadi's verdict disputed" in line for line in told), told


# -- who set a value, when a side has it only from a claims CSV (Setters._borrowed) ---------------
def test_a_note_taken_back_stays_back_when_the_newer_record_has_it_from_a_csv(tmp_path):
    """As rv82, the other way round: Badr had Amal's note from her CSV, merged Chadi's
    verdict into it and then added a link, so his record is the newer one; Amal took her
    note back before that. Merging Amal's file keeps her taking it back (her file says
    when the note was set; Badr's, from a CSV, does not), and his link."""
    url = "https://example.org/source"
    amal = open_or_create(tmp_path / "amal.tahqiq", "amal")
    made = appearances.create_claim(amal, article_id_of(amal), 0, 10, "unchecked")
    amal.close()
    for name in ("badr", "chadi"):
        shutil.copy(tmp_path / "amal.tahqiq", tmp_path / f"{name}.tahqiq")
    amal, badr, chadi = (Project.open(tmp_path / f"{name}.tahqiq", name)
                         for name in ("amal", "badr", "chadi"))
    claims.update_claim(amal, made.id, note="n1")
    merge_file(badr, exporting.export_file(amal, "csv", tmp_path / "amal.csv"))
    claims.update_claim(chadi, made.id, label="disputed")
    claims.update_claim(amal, made.id, note="")
    merge_project(badr, chadi.path)  # Chadi's verdict, Amal's n1 from her CSV
    merge_project(chadi, amal.path)
    merge_project(amal, chadi.path)
    claims.update_claim(badr, made.id, sources=[url])  # (his record the newer)
    merge_project(badr, amal.path)
    got = claims.get_claim(badr, made.id)
    assert (got.label, got.note, got.sources) == ("disputed", "", (url,))
    for project in (amal, badr, chadi):
        project.close()

