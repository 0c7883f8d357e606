"""What a fact-checker relies on when merging a colleague's project file, each guarded
against a small change to store/exchange/merge.py (an off-by-one, a dropped check, a
swapped order) that the rest of the suite let pass (rv156's mutation review; rv154's is
test_rules_fold_labels_figures.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import test_merge
from test_merge import article_id as article_id_of
from test_merge import count_calls

from store.core import schema
from store.core.project import Project
from store.exchange import merge
from store.exchange.merge import MergeSummary, merge_project
from store.exchange.seeding import open_or_create

FIXTURES = Path(__file__).resolve().parent / "fixtures"
pair = test_merge.pair  # (Alice's and Bob's projects: the fixture)


# -- the summary a merge returns ------------------------------------------------------------
def test_a_summary_names_ten_conflicted_claims_and_counts_the_rest():
    """The summary names the first ten claims in conflict and says how many more there
    are; with exactly ten, all ten are named and no «and 0 more» follows."""
    ten = MergeSummary(conflicts=10, conflicted_claims=[f"c{i}" for i in range(10)])
    said = [str(line) for line in ten.lines()]
    assert [line for line in said if line.startswith("    ")] == [
        f"    claim c{i}" for i in range(10)]
    eleven = MergeSummary(conflicts=11, conflicted_claims=[f"c{i}" for i in range(11)])
    said = [str(line) for line in eleven.lines()]
    assert [line for line in said if line.startswith("    ")] == [
        *(f"    claim c{i}" for i in range(10)), "    and 1 more"]


def test_a_files_lines_are_named_ten_at_most_then_an_ellipsis():
    """A CSV's lines a message names: the first ten, then «…» when there are more."""
    def said(count: int):
        summary = MergeSummary(kept_here=count, kept_lines=list(range(1, count + 1)))
        return next(line for line in summary.lines() if line.startswith("Claims unchanged"))

    assert said(10).params["lines"] == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
    assert said(11).params["lines"] == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …"
    assert said(11).params["lines"].names["ar"] == "1، 2، 3، 4، 5، 6، 7، 8، 9، 10، …"


def test_labels_named_otherwise_read_in_arabic_by_their_english_name_when_they_have_no_other():
    """A label with no Arabic name is named in the Arabic summary by its English name,
    not by its key (a key is no name for anyone)."""
    summary = MergeSummary(labels_otherwise=[("false_ctx", "Missing context", ""),
                                             ("disputed", "Disputed", "متنازع عليه")])
    said = next(line for line in summary.lines() if "otherwise there" in line)
    assert said.params["labels"] == "Missing context, Disputed"
    assert said.params["labels"].names["ar"] == "Missing context، متنازع عليه"


# -- reading the colleague's file --------------------------------------------------------------
def test_a_file_of_the_first_schema_merges_read_as_it_is_is_not_copied(tmp_path, monkeypatch):
    """A closed file of schema MERGED_TABLES_SINCE needs no upgrade: it is read in place
    (no copy of a colleague's big file in a temporary folder), checked once."""
    old = tmp_path / "old.tahqiq"
    shutil.copyfile(FIXTURES / f"schema{schema.MERGED_TABLES_SINCE}.tahqiq", old)
    checks = count_calls(monkeypatch, "check_file")
    copies = count_calls(monkeypatch, "_private_copy")
    with Project.open(tmp_path / "new.tahqiq", "tester") as project:
        summary = merge_project(project, old)
    assert summary.new_claims > 0
    assert (len(checks), len(copies)) == (1, 0)


def _older_colleague_file(tmp_path: Path) -> Path:
    """old.tahqiq in *tmp_path*: a colleague's file of the Tahqiq before merged tables,
    which a merge upgrades in a copy in the temporary folder."""
    old = tmp_path / "old.tahqiq"
    shutil.copyfile(FIXTURES / f"schema{schema.MERGED_TABLES_SINCE - 1}.tahqiq", old)
    return old


def _copies_refused(monkeypatch, tmp_path: Path, failure: Exception) -> None:
    """Opening any project outside *tmp_path* (the upgraded copy, in the temporary folder)
    meets *failure*, as a write its disk refused."""
    opened = Project.open.__func__

    def refused_write(cls, path, *args, **kwargs):
        if Path(path).parent != tmp_path:
            raise failure
        return opened(cls, path, *args, **kwargs)

    monkeypatch.setattr(Project, "open", classmethod(refused_write))


def test_an_older_file_whose_upgrade_fills_the_temporary_folder_says_that_folder(
        tmp_path, monkeypatch):
    """The copy of an older colleague's file upgraded where the temporary folder has no
    room for it: said as the project's own disk full («the change was not saved», its
    disk with 47 GB free, rv260); now that folder, named, and nothing merged."""
    import tempfile

    from store.core.project import DISK_FULL
    from store.errors import StorageError

    old = _older_colleague_file(tmp_path)
    with Project.open(tmp_path / "new.tahqiq", "tester") as project:
        _copies_refused(monkeypatch, tmp_path, StorageError(DISK_FULL))
        with pytest.raises(StorageError) as refused:
            merge_project(project, old)
        assert str(refused.value) == (
            f"There is no room in the temporary folder {tempfile.gettempdir()} to upgrade "
            "old.tahqiq, a file of an older Tahqiq, for merging; nothing was merged.")
        assert project.execute("SELECT count(*) FROM claims").fetchone() == (0,)


@pytest.mark.parametrize("sqlite_says, room", [
    ("database or disk is full", True),
    ("disk I/O error", True),  # (SQLITE_IOERR: «is the disk full, or the file too large?»)
    ("database is locked", False),
])
def test_an_upgrade_the_copys_disk_refused_is_the_temporary_folders_room(
        tmp_path, monkeypatch, sqlite_says, room):
    """What SQLite says when the upgraded copy cannot be written, as the project says it:
    a full disk and an I/O error (the copy's room or size limit, where it is the only file
    written) are the temporary folder's room; another failure is said as it is. The
    merge matched copies of the project's words, which could drift from them (rv278)."""
    import sqlite3
    import tempfile

    from store.core import project as core_project
    from store.errors import StorageError

    old = _older_colleague_file(tmp_path)
    failure = core_project._storage_error(sqlite3.OperationalError(sqlite_says))
    with Project.open(tmp_path / "new.tahqiq", "tester") as project:
        _copies_refused(monkeypatch, tmp_path, failure)
        with pytest.raises(StorageError) as refused:
            merge_project(project, old)
    assert str(refused.value) == (
        f"There is no room in the temporary folder {tempfile.gettempdir()} to upgrade "
        "old.tahqiq, a file of an older Tahqiq, for merging; nothing was merged." if room
        else str(failure))


def test_a_claims_table_saved_as_tab_is_merged_as_claims(project, tmp_path):
    """A sheet's tab-separated save named .tab is a claims table, merged as one (not
    refused as a damaged project file)."""
    import csv
    import io

    from store.core import appearances, articles, claims
    from store.exchange import exporting

    article = articles.add_article(project, "قال الوزير إن خط المساعدة يعمل.", "t")
    place = appearances.tag_quote(project, article.id, "خط المساعدة", "unchecked")
    text = exporting.export_text(project, "csv")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    rows[0][header.index("label")] = "verified"
    rows[0][header.index("updated")] = "2099-01-01T00:00:00Z"
    path = tmp_path / "claims.tab"
    path.write_text("".join("\t".join(row) + "\r\n" for row in [header, *rows]),
                    encoding="utf-8")
    summary = merge.merge_file(project, path)
    assert summary.updated_claims == 1
    assert claims.get_claim(project, place.claim_id).label == "verified"


# -- labels ---------------------------------------------------------------------------------
def test_labels_brought_in_follow_this_projects_in_the_order_the_other_file_has_them(pair):
    """Bob's new labels come after Alice's, in Bob's order (his «zeta» before his
    «alpha»), each at a place of its own: none ahead of or tied with one of Alice's."""
    from store.core import labels

    a, b = pair
    before = [label.key for label in labels.list_labels(a)]
    labels.add_label(b, "zeta", "Zeta", "#112233")
    labels.add_label(b, "alpha", "Alpha", "#445566")
    assert merge_project(a, b.path).new_labels == 2
    listed = labels.list_labels(a)
    assert [label.key for label in listed] == [*before, "zeta", "alpha"]
    assert len({label.position for label in listed}) == len(listed)


# -- articles -------------------------------------------------------------------------------
def test_claims_on_a_text_this_project_deleted_and_imported_again_land_on_the_live_copy(pair):
    """Alice deleted the sample article and imported the same text again: Bob's new claim
    on that text lands on her live copy, not on the deleted one (where it showed nowhere,
    or brought the deleted copy back beside the live one)."""
    from conftest import SAMPLE_QUOTE

    from store.core import appearances, articles
    from store.core.article_deletion import delete_article

    a, b = pair
    (old,) = articles.list_articles(a)
    text = articles.get_article(a, old["id"]).text
    delete_article(a, old["id"])
    again = articles.add_article(a, text, "again")
    claim = appearances.tag_quote(b, articles.list_articles(b)[0]["id"], SAMPLE_QUOTE,
                                  "disputed")
    summary = merge_project(a, b.path)
    assert (summary.new_claims, summary.new_articles, summary.restored_articles) == (1, 0, 0)
    (place,) = appearances.appearances_of(a, claim.claim_id)
    assert place.article_id == again.id
    assert [article["id"] for article in articles.list_articles(a)] == [again.id]


def test_a_text_the_other_file_holds_twice_comes_in_once(pair):
    """Bob deleted a text and imported it again: this project gets one copy of the text,
    and his claims on either of his copies land on it."""
    from store.core import appearances, articles
    from store.core.article_deletion import delete_article

    a, b = pair
    text = "قال الوزير إن البطالة انخفضت، وإن خط المساعدة يعمل منذ سنة."
    first = articles.add_article(b, text, "first")
    appearances.tag_quote(b, first.id, "خط المساعدة", "unchecked")
    delete_article(b, first.id)
    second = articles.add_article(b, text, "second")
    claim = appearances.tag_quote(b, second.id, "البطالة", "disputed")
    assert merge_project(a, b.path).new_articles == 1
    held = a.execute("SELECT id FROM articles WHERE fingerprint = ?",
                     [articles.fingerprint(text)]).fetchall()
    assert len(held) == 1
    (place,) = appearances.appearances_of(a, claim.claim_id)
    assert place.article_id == held[0][0]



def test_an_article_edited_here_after_a_colleagues_deletion_keeps_its_last_change(pair):
    """Bob deleted the article; Alice, not knowing, edited its title later. The merge
    deletes it here as of Bob's deletion, and its `updated` stays her later edit's (it
    never goes back in time)."""
    from store.core import articles
    from store.core.article_deletion import delete_article

    a, b = pair
    merge_project(b, a.path)
    aid = article_id_of(a)
    for article in articles.list_articles(b):
        delete_article(b, article["id"])
    articles.update_metadata(a, aid, title="عنوان جديد")
    edited = a.execute("SELECT updated FROM articles WHERE id = ?", [aid]).fetchone()[0]
    summary = merge_project(a, b.path)
    assert summary.deleted_articles == 1
    deleted, updated = a.execute("SELECT deleted, updated FROM articles WHERE id = ?",
                                 [aid]).fetchone()
    assert deleted is not None and deleted < edited
    assert updated == edited



# -- settings --------------------------------------------------------------------------------
def test_a_setting_changed_later_there_is_taken_and_told_when_one_was_set_here(pair):
    """Alice had named her organisation; Bob renamed it later: the merge takes his name
    and says so (it said so only of a setting this project had never had)."""
    from store.core import settings

    a, b = pair
    settings.update_settings(a, organization="Fact Desk")
    settings.update_settings(b, organization="Misbar")
    summary = merge_project(a, b.path)
    assert summary.settings_taken == ["organization"]
    assert "  the organisation publishing the fact-checks, set later there: taken" in [
        str(line) for line in summary.lines()]
    assert settings.get_settings(a).organization == "Misbar"


# -- labels named otherwise --------------------------------------------------------------------
def test_a_label_rated_otherwise_there_is_named_in_the_legends_order(pair):
    """Labels both files have that the other rates otherwise (their names the same) are
    told, in the order the legend lists them (not by key)."""
    from store.core import labels

    a, b = pair
    keys = [label.key for label in labels.list_labels(a)]
    # two labels the legend lists against the order of their keys («verified» before
    # «disputed»)
    earlier, later = next((x, y) for i, x in enumerate(keys) for y in keys[i + 1:] if x > y)
    rated = {label.key: label.rating for label in labels.list_labels(b)}
    for key in (later, earlier):
        labels.update_label(b, key, rating=(rated[key] or 0) % 2 + 1)
    summary = merge_project(a, b.path)
    assert [key for key, _, _ in summary.labels_otherwise] == [earlier, later]


# -- dismissed suggestions -------------------------------------------------------------------
def test_a_suggestion_dismissed_on_both_sides_keeps_the_earlier_dismissal(pair):
    """Bob and then Alice dismissed the same suggestion: each file ends with Bob's
    dismissal, the earlier (its who and when), whichever way the merge goes."""
    from store.core import appearances, known_claims

    a, b = pair
    made = appearances.create_claim(a, article_id_of(a), 0, 10, "unchecked")
    merge_project(b, a.path)
    first = known_claims.dismiss(b, article_id_of(b), made.claim_id, 20, 30)
    again = known_claims.dismiss(a, article_id_of(a), made.claim_id, 20, 30)
    assert first == again
    merge_project(a, b.path)
    merge_project(b, a.path)
    kept = [p.execute("SELECT who, at FROM dismissals WHERE id = ?", [first]).fetchone()
            for p in (a, b)]
    assert kept[0] == kept[1]
    assert kept[0][0] == "bob"


# -- deletions and restores --------------------------------------------------------------------
def _three_with_amals_claim(tmp_path):
    """Amal's, Badr's and Chadi's projects, a claim Amal made merged into the other two."""
    from conftest import SAMPLE_QUOTE

    from store.core import appearances

    amal, badr, chadi = (open_or_create(tmp_path / f"{name}.tahqiq", name)
                         for name in ("amal", "badr", "chadi"))
    made = appearances.tag_quote(amal, article_id_of(amal), SAMPLE_QUOTE, "unchecked")
    merge_project(badr, amal.path)
    merge_project(chadi, amal.path)
    return amal, badr, chadi, made


def test_a_restore_that_saw_the_deletion_stands_against_a_later_edit_carrying_it(tmp_path):
    """Amal deleted a claim; Badr, having merged her file, brought it back. Chadi, who saw
    neither, edited its note later and then merged Amal's deletion into it (kept: a
    deletion sticks). When Badr merges Chadi's file, the deletion Chadi carries is the
    one Badr brought the claim back from: the claim stays live, with Chadi's later note."""
    from store.core import claims

    amal, badr, chadi, made = _three_with_amals_claim(tmp_path)
    claims.delete_claim(amal, made.claim_id)
    merge_project(badr, amal.path)
    claims.restore_claim(badr, made.claim_id)
    claims.update_claim(chadi, made.claim_id, note="رقم قديم")
    merge_project(chadi, amal.path)
    assert claims.get_claim(chadi, made.claim_id).deleted is not None  # (the deletion kept)
    merge_project(badr, chadi.path)
    kept = claims.get_claim(badr, made.claim_id)
    assert kept.deleted is None and kept.deleted_by is None
    assert kept.note == "رقم قديم"
    for project in (amal, badr, chadi):
        project.close()


def test_a_claim_left_with_no_words_keeps_its_last_change_time(pair):
    """Bob untagged words; later Alice, not knowing, unlinked them into a claim of their
    own and gave it a note. The merge deletes her claim, left with no words, as of Bob's
    untagging, and its `updated` stays her later note's: a claim's last change never goes
    back in time (the newer version of a claim wins the next conflict)."""
    from store.core import appearances, claims

    a, b = pair
    aid = article_id_of(a)
    first = appearances.create_claim(a, aid, 0, 10, "unchecked")
    appearances.link(a, appearances.create_claim(a, aid, 20, 30, "unchecked").id,
                     first.claim_id)
    merge_project(b, a.path)
    appearances.delete(b, first.id)
    untagged = appearances.get_appearance(b, first.id).deleted
    own = appearances.unlink(a, first.id)
    noted = claims.update_claim(a, own.claim_id, note="Alice's reading").updated
    assert noted > untagged
    assert merge_project(a, b.path).emptied_claims == 1
    gone = claims.get_claim(a, own.claim_id)
    assert gone.deleted == untagged and gone.deleted_by == "bob"
    assert gone.updated == noted


def test_a_claim_left_with_no_words_is_deleted_as_of_the_last_of_its_words_going(pair):
    """Alice split two places off into a claim of her own; Bob, not knowing, untagged the
    one and later the other. Her claim, left with no words, is deleted as of the later
    untagging (when it came to have none), by its author."""
    from store.core import appearances, claims

    a, b = pair
    aid = article_id_of(a)
    kept = appearances.create_claim(a, aid, 0, 10, "unchecked")
    one = appearances.add(a, kept.claim_id, aid, 20, 30)
    two = appearances.add(a, kept.claim_id, aid, 40, 50)
    merge_project(b, a.path)
    appearances.delete(b, one.id)
    appearances.delete(b, two.id)
    last = appearances.get_appearance(b, two.id).deleted
    assert last > appearances.get_appearance(b, one.id).deleted
    own = appearances.unlink(a, one.id)
    appearances.link(a, two.id, own.claim_id)
    assert merge_project(a, b.path).emptied_claims == 1
    gone = claims.get_claim(a, own.claim_id)
    assert (gone.deleted, gone.deleted_by) == (last, "bob")
    assert claims.get_claim(a, kept.claim_id).deleted is None


def test_a_claim_left_with_no_words_in_two_copies_holds_both_copies_entries_everywhere(
        tmp_path):
    """Amal untags one place of a claim, Badr the other, Chadi relabels it; Chadi merges
    Amal's file, Amal Badr's, Chadi Badr's. Amal's copy and Chadi's each delete the
    claim, left with no words, as of Badr's untagging: hers as verified, his as disputed.
    Their entries shared one id, and each copy kept its own under it: a claim's history
    differed between copies however often they merged (rv233). Each version's deletion
    is an entry of its own, and every copy holds both."""
    from store.core import appearances, claims

    paths, claim_id = test_merge.three_copies(tmp_path)
    with Project.open(paths["A"], "amal") as amal:
        first = appearances.appearances_of(amal, claim_id)[0].id
        second = appearances.add(amal, claim_id, article_id_of(amal), 40, 50).id
    test_merge.in_turn(paths, [
        ("B", "A"), ("C", "A"),
        ("A", lambda p: appearances.delete(p, second)),
        ("B", lambda p: appearances.delete(p, first)),
        ("C", {"label": "disputed", "note": "رقم قديم"}),
        ("C", "A"), ("A", "B"), ("C", "B")], claim_id)
    test_merge.in_turn(paths, [(here, there) for _ in range(2) for here in "ABC"
                               for there in "ABC" if here != there])
    held = []
    for name in "ABC":
        with Project.open(paths[name], test_merge.OWNERS[name]) as project:
            held.append(sorted(project.execute(
                "SELECT id, who, at, before, after FROM history WHERE entity = 'claim' "
                "AND entity_id = ? AND action = 'delete'", [claim_id]).fetchall()))
            assert claims.get_claim(project, claim_id).deleted_by == "badr"
    assert held[0] == held[1] == held[2]
    assert sorted(json.loads(before)["label"] for *_, before, _ in held[0]) == [
        "disputed", "unchecked"]


# -- places ---------------------------------------------------------------------------------------
def test_words_moved_onto_words_the_other_file_newly_gave_that_claim_stand_there_once(pair):
    """Bob tagged new words of claim K and linked Alice's words W to K; Alice, not knowing,
    moved W onto those same new words. Both kept, K stood twice on the same words in
    the file merged into (where K's new place is not yet, only in Bob's file): the place
    is settled whole, the newer change winning, in both orders of merges alike."""
    from store.core import appearances

    a, b = pair
    aid = article_id_of(a)
    k = appearances.create_claim(a, aid, 0, 10, "unchecked")
    w = appearances.create_claim(a, aid, 40, 50, "unchecked")
    appearances.add(a, w.claim_id, aid, 60, 70)  # (W's claim keeps words of its own)
    merge_project(b, a.path)
    bid = article_id_of(b)
    appearances.add(b, k.claim_id, bid, 20, 30)
    appearances.link(b, w.id, k.claim_id)
    appearances.move(a, w.id, 20, 30)
    merge_project(a, b.path)
    merge_project(b, a.path)
    for project in (a, b):
        spans = [(p.claim_id, p.start, p.end) for p in appearances.list_appearances(project)]
        assert len(spans) == len(set(spans)), spans
    here, there = ({p.id: (p.claim_id, p.start, p.end)
                    for p in appearances.list_appearances(project)} for project in (a, b))
    assert here == there


# -- conflicts told in a claim's history ----------------------------------------------------------
def test_each_colleagues_losing_version_is_kept_in_the_claims_history(tmp_path):
    """Badr's and then Chadi's notes each lost to Amal's later one, merge after merge: the
    claim's history keeps both losing versions (the second was taken for the first one
    met again, the same version kept, and dropped)."""
    from store.core import claims

    amal, badr, chadi, made = _three_with_amals_claim(tmp_path)
    claims.update_claim(badr, made.claim_id, note="Badr's")
    claims.update_claim(chadi, made.claim_id, note="Chadi's")
    claims.update_claim(amal, made.claim_id, note="Amal's")
    assert merge_project(amal, badr.path).conflicts == 1
    assert merge_project(amal, chadi.path).conflicts == 1
    lost = sorted(json.loads(before)["note"] for (before,) in amal.execute(
        "SELECT before FROM history WHERE entity = 'claim' AND entity_id = ? "
        "AND action = 'merge_conflict'", [made.claim_id]))
    assert lost == ["Badr's", "Chadi's"]
    assert claims.get_claim(amal, made.claim_id).note == "Amal's"
    for project in (amal, badr, chadi):
        project.close()


TWIN = "قال الوزير إن البطالة انخفضت، وإن خط المساعدة يعمل منذ سنة."


def _bob_with_a_deleted_and_a_live_copy(bob: Project, *, tag: bool):
    """Bob's file holds one text twice: a copy he deleted, and a live one made after (as
    an article's text changed to one the file holds deleted does)."""
    from store.core import appearances, articles
    from store.core.article_deletion import delete_article

    delete_article(bob, articles.add_article(bob, TWIN, "pasted draft").id)
    live = articles.add_article(bob, TWIN, "Minister on unemployment",
                                url="https://news.example/minister")
    if tag:
        appearances.tag_quote(bob, live.id, "البطالة", "disputed")
    return live


@pytest.mark.parametrize("tag", [False, True])
def test_a_text_the_other_file_deleted_once_and_holds_live_comes_in_live(tmp_path, tag):
    """The other file's copies were taken oldest first: its deleted copy came in (brought
    back, untitled as his live one is, when he had tagged it; not at all, though the
    summary said «new articles: 1», when he had not), and its deletion with it (rv156)."""
    from store.core import articles

    mine = Project.open(tmp_path / "mine.tahqiq", "alice")
    bob = Project.open(tmp_path / "bob.tahqiq", "bob")
    live = _bob_with_a_deleted_and_a_live_copy(bob, tag=tag)
    summary = merge_project(mine, bob.path)
    assert [(a["title"], a["url"]) for a in articles.list_articles(mine)] == [
        (live.title, live.url)]
    assert (summary.new_articles, summary.restored_articles) == (1, 0)
    mine.close()
    bob.close()


def test_a_colleagues_deleted_copy_of_a_text_does_not_delete_mine_when_theirs_lives(tmp_path):
    """Bob's deletion of one of his two copies of a text was applied to mine, which he
    still has live: my article and the claim I tagged in it vanished (rv156)."""
    from store.core import appearances, articles

    mine = Project.open(tmp_path / "mine.tahqiq", "alice")
    bob = Project.open(tmp_path / "bob.tahqiq", "bob")
    my_copy = articles.add_article(mine, TWIN, "My copy")
    appearances.tag_quote(mine, my_copy.id, "البطالة", "disputed")
    _bob_with_a_deleted_and_a_live_copy(bob, tag=False)
    summary = merge_project(mine, bob.path)
    assert [a["id"] for a in articles.list_articles(mine)] == [my_copy.id]
    assert [p.quote for p in appearances.list_appearances(mine)] == ["البطالة"]
    assert summary.deleted_articles == 0
    mine.close()
    bob.close()
