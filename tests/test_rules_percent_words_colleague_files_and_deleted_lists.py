"""Rules found by mutating stop 80's late commits (rv253): the matcher's percent and
proclitic rules (2ef1ada, afbdec1, 3fe1201, a9f3d11), a colleague's file checked by the
merge (8a7594a, c9f99a0, 0967b09), whose edit a kept deletion names and stories kept up
(a4b1dea, 8bf4ebe), what Deleted Claims lists (f14587d, 22d5a9c). Each test guards a
behaviour the suite let a one-line change break."""

from __future__ import annotations

import json
import sqlite3

import pytest
import test_merge
from conftest import SAMPLE_QUOTE
from test_merge import article_id, dump

from store.core import appearances, articles, claims
from store.core.project import Project
from store.core.records import HistoryEntry
from store.errors import NotAProject
from store.exchange.merge import merge_project
from store.review import story
from store.text.claim_words import numbers_in
from store.text.fold import fold
from store.text.matching import ClaimIndex, KnownClaim

TREATY = KnownClaim("treaty", "أقوى معاهدة على الإطلاق", "disputed", "sample")
FRIEND = KnownClaim("friend", "أعز صديق للشعب الكوري", "", "sample")


def _found(claim: str, said: str) -> list[str]:
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    return [s.claim_id for s in index.find(said)]


@pytest.mark.parametrize(("claim", "said", "same"), [
    # A figure's sign after it, a space or none between, is that figure's, not the next
    # one's («10 %5», «10%5»: the 5 is no percentage).
    ("prices rose by 10% 5 times this year in Egypt",
     "Officials said prices rose by 10 %5 times this year in Egypt.", True),
    ("prices rose by 10% 5 times this year in Egypt",
     "Officials said prices rose by 10%5 times this year in Egypt.", True),
    # Every connector of a range: «حتى», "or"; an em dash as a hyphen.
    ("يتوقع صندوق النقد أن يتراوح التضخم في مصر من 25% حتى 30% العام المقبل",
     "وقال محللون إن صندوق النقد يتوقع أن يتراوح التضخم في مصر من 25 حتى 30 في المئة العام "
     "المقبل.", True),
    ("the IMF expects inflation in Egypt to reach 25% or 30% next year",
     "Analysts said the IMF expects inflation in Egypt to reach 25 or 30 percent next year.",
     True),
    ("the IMF expects inflation in Egypt to reach between 25% and 30% next year",
     "Analysts said the IMF expects inflation in Egypt to reach between 25—30% next year.", True),
    # A year of the last century starts no range either.
    ("Inflation in Egypt rose in 1999 to 30 percent, the IMF said",
     "The IMF said inflation in Egypt rose to 30 percent in 1999.", True),
    # A range the claim starts with (its first word), either side's percent words.
    ("25 to 30 percent of Egyptians live below the poverty line, the report said",
     "The report said 25% to 30% of Egyptians live below the poverty line.", True),
    # A range of three figures, the last one's percent words making all percentages.
    ("the IMF expects inflation in Egypt to be 10 to 20 to 30 percent in coming years",
     "Analysts said the IMF expects inflation in Egypt to be 10% to 20% to 30% in coming "
     "years.", True),
    # Something between the connector and the next figure breaks the range («and,»).
    ("the IMF expects inflation in Egypt to reach 25 points and 30% next year",
     "Analysts said the IMF expects inflation in Egypt to reach 25 and, 30% next year.", True),
    # Word for word, the text's range read as the claim's («25 and 30%»: both percentages).
    ("the IMF expects inflation in Egypt to reach between 25 and 30% next year",
     "The IMF expects inflation in Egypt to reach between 25 and 30% next year.", True),
    ("يتوقع صندوق النقد أن يتراوح التضخم في مصر بين 25 و30% العام المقبل",
     "يتوقع صندوق النقد أن يتراوح التضخم في مصر بين 25 و30% العام المقبل.", True),
    # A claim ending on a figure, a space and its sign («5 %»): a percentage.
    ("ارتفعت نسبة البطالة في مصر في مارس الماضي إلى 5 %",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت في مارس الماضي إلى 5%.", True),
    ("ارتفعت نسبة البطالة في مصر في مارس الماضي إلى 5 %",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت في مارس الماضي إلى 5 نقاط.", False),
    # Every proclitic glued before a figure, «لـ» and «فـ» as «بـ».
    ("ارتفعت أسعار الوقود في لبنان 150 بالمئة منذ بداية العام",
     "وارتفعت أسعار الوقود في لبنان لـ150 بالمئة منذ بداية العام الحالي.", True),
    ("ارتفعت أسعار الوقود في لبنان 150 بالمئة منذ بداية العام",
     "وارتفعت أسعار الوقود في لبنان فـ150 بالمئة منذ بداية العام الحالي.", True),
])
def test_percent_rules_of_the_last_stop_hold_at_their_edges(claim, said, same):
    assert _found(claim, said) == (["c"] if same else []), said


@pytest.mark.parametrize("word, figures", [("لست", set()), ("بست", set()),
                                            ("وبعشرة", {"10"}), ("بسبع", {"7"})])
def test_a_word_that_starts_with_a_proclitic_letter_is_a_figure_only_if_one_follows(word,
                                                                                  figures):
    """«لست» ("I am not") is no 6, nor «بست»: «ب» and «ل» come off a word of three letters
    or more only. A number word behind them is its figure since Arabic numbers said in words
    are read («وبعشرة», "and with ten"; «بسبع», "with seven"), where only digits were."""
    assert numbers_in([fold(word).text]) == figures


# -- merge: a colleague's file checked (8a7594a, c9f99a0, 0967b09) ------------------------

pair = test_merge.pair  # (Alice's and Bob's projects: the fixture)


def _refused_leaving_mine(alice: Project, bob: Project, match: str) -> None:
    """The merge of Bob's file refused as damaged (*match*), nothing changed here."""
    before = dump(alice)
    with pytest.raises(NotAProject, match=match):
        merge_project(alice, bob.path)
    assert dump(alice) == before


def test_a_merged_claim_whose_text_another_program_broke_since_is_refused(pair):
    """Bob's claim came in once; another program then wrote bytes that are not UTF-8 into
    its note. The row is here by its id, but no longer as it is there: merged again, the
    note would fail every later read of my project. Refused, nothing changed."""
    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed", note="hi")
    merge_project(alice, bob.path)
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET note = CAST(x'5b2248ff225d' AS TEXT), updated = "
                    "'2999-01-01T00:00:00.000000Z' WHERE id = ?", [made.claim_id])
    raw.close()
    _refused_leaving_mine(alice, bob, "claims.note holds text that is not UTF-8")


def test_a_colleagues_dismissal_id_no_tahqiq_could_make_is_refused(pair):
    """A dismissed Known Claims offer's claim id holding a tab (another program's) is
    copied as it is like any id: refused as damaged, as the other tables' are."""
    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed")
    with sqlite3.connect(bob.path) as raw:
        raw.execute("INSERT INTO dismissals (id, claim_id, article_id, start, \"end\", who, "
                    "at) VALUES (?, ?, ?, 0, 5, 'bob', '2024-01-01T00:00:00.000000Z')",
                    ["00000000-0000-0000-0000-000000000001", "claim\tone", article_id(bob)])
    raw.close()
    _refused_leaving_mine(alice, bob, "dismissals.claim_id holds")
    del made


def test_a_colleagues_place_history_naming_no_id_is_refused(pair):
    """A history entry of a place whose entity id is no UUID («x y», another program's)
    is refused as damaged, as a claim's entry is."""
    alice, bob = pair
    appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed")
    merge_project(alice, bob.path)
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE history SET entity_id = 'x y' WHERE entity = 'appearance'")
    raw.close()
    _refused_leaving_mine(alice, bob, "history.entity_id holds x y, which is no id")


def test_a_deleted_claims_links_are_not_counted_as_left_out(pair):
    """The summary counts the links left out of the colleague's live claims, as they are
    now («Counted in their live claims»): a claim Bob deleted is told as nothing left out."""
    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed",
                                 sources=["https://un.org/report"])
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET sources = ?, deleted = '2024-01-01T00:00:00.000000Z', "
                    "deleted_by = 'bob' WHERE id = ?",
                    [json.dumps(["javascript:alert(1)", "https://un.org/report"]),
                     made.claim_id])
    raw.close()
    merged = merge_project(alice, bob.path)
    assert merged.links_left_out == 0
    assert not any("links left out" in str(line) for line in merged.lines())


def test_a_colleagues_link_with_a_direction_mark_at_its_end_is_kept(pair):
    """A direction mark at either end of a link is no matter (as validate_sources reads
    it): Bob's «https://un.org/report» pasted from Arabic text with an RLM after it is a
    web link, kept, and the summary says nothing was left out."""
    alice, bob = pair
    link = "https://un.org/report\u200f"
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed",
                                 sources=["https://un.org/a"])
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET sources = ? WHERE id = ?",
                    [json.dumps([link, "https://un.org/a"]), made.claim_id])
    raw.close()
    merged = merge_project(alice, bob.path)
    assert merged.links_left_out == 0
    assert len(claims.get_claim(alice, made.claim_id).sources) == 2


# -- a claim's story: whose edit a kept deletion was over, stories kept up (a4b1dea, 8bf4ebe)

AT = "2024-05-01T10:20:30.123456Z"
BASE = {"label": "unchecked", "note": "", "sources": "[]", "updated_by": "amal",
        "deleted": None, "deleted_by": None}


def _entry(action: str, before: dict | None, after: dict | None, *, who: str = "alice",
           at: str = AT, id: str = "h") -> HistoryEntry:
    return HistoryEntry(id, "claim", "c", action, who, at, before, after)


def _said(line) -> str:
    return str(line).split("  ", 2)[2]


EDITED = {**BASE, "label": "disputed", "note": "رقم قديم", "updated_by": "chadi"}
GONE = {**EDITED, "deleted": AT, "deleted_by": "badr", "updated_by": "badr"}
KEPT = {**GONE, "_base": BASE}


def test_a_restore_that_changed_nothing_of_the_claim_is_no_edit_a_deletion_was_kept_over():
    """Chadi relabels; Badr deletes, Dana restores (the same label and note), Badr deletes
    again; a merge keeps the deletion over the deleted version. The edit is Chadi's:
    Dana's restore wrote no content of its own."""
    entries = [_entry("edit", BASE, EDITED, who="chadi", id="h1"),
               _entry("delete", EDITED, GONE, who="badr", id="h2"),
               _entry("restore", GONE, {**EDITED, "updated_by": "dana"}, who="dana", id="h3"),
               _entry("delete", EDITED, GONE, who="badr", id="h4"),
               _entry("merge_conflict", GONE, KEPT, who="amal", id="h5")]
    assert story.conflict_editors(entries) == {"h5": "chadi"}
    assert "over chadi's" in _said(story.tell_all(entries)[-1])


def test_a_merge_that_brought_the_edit_already_deleted_did_not_write_it():
    """Chadi's edit came in with his history; the merge's own entry that brought the
    claim deleted (Badr's deletion over it) is no one's edit: the kept deletion names
    Chadi, not whoever merged."""
    entries = [_entry("edit", BASE, EDITED, who="chadi", id="h1"),
               _entry("merge", BASE, GONE, who="amal", id="h2"),
               _entry("merge_conflict", GONE, KEPT, who="amal", id="h3")]
    assert story.conflict_editors(entries) == {"h3": "chadi"}


def test_an_entry_dated_among_the_told_has_the_story_told_whole_again():
    """A colleague's note merged in, dated between two told lines, falls among them: a
    story kept up is told whole again (tell_more None), not the note put last."""
    later, between = "2024-05-01T10:22:00.000000Z", "2024-05-01T10:21:00.000000Z"
    told = [_entry("edit", BASE, EDITED, who="chadi", id="h1"),
            _entry("edit", EDITED, {**EDITED, "note": "جديد"}, who="badr", id="h2", at=later)]
    merged = [_entry("edit", EDITED, {**EDITED, "note": "آخر"}, who="dana", id="h3",
                     at=between)]
    assert story.tell_more(told, merged) is None


# -- Deleted Claims: what is listed (f14587d, 22d5a9c) ----------------------------------

SAID = "النمو بلغ خمسة بالمئة"


@pytest.fixture
def project(tmp_path):
    proj = Project.open(tmp_path / "test.tahqiq", "tester")
    yield proj
    proj.close()


def _listed(project, article) -> list[list[str]]:
    return [[p.id for p in group] for group in appearances.deleted_in(project, article.id)]


def test_my_deleted_claim_stays_listed_when_a_colleague_tags_its_words_alike(project):
    """I tag words «disputed» and delete the claim; Bob tags the same words «disputed»
    (his own claim). Nothing of mine is on the words: my claim is listed, and its
    Restore brings it back beside his."""
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    mine = appearances.tag_quote(project, article.id, SAID, "disputed")
    claims.delete_claim(project, mine.claim_id)
    project.annotator = "bob"
    appearances.tag_quote(project, article.id, SAID, "disputed")
    project.annotator = "tester"
    assert _listed(project, article) == [[mine.id]]
    appearances.restore_claim(project, mine.claim_id)
    assert claims.get_claim(project, mine.claim_id).deleted is None


def test_words_i_tagged_again_before_their_claim_went_are_not_listed_with_it(project):
    """Claim C on two places; I untag the first, tag those words again as a new claim of
    C's verdict, then delete C. The first place is held by my new claim since it was
    untagged (Restore refuses it): only C's other place is listed."""
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    first = appearances.tag_quote(project, article.id, SAID, "disputed")
    second = appearances.tag_quote(project, article.id, SAID, None, occurrence=2,
                                   same_as=first.claim_id)
    appearances.delete(project, first.id)
    appearances.tag_quote(project, article.id, SAID, "disputed")
    claims.delete_claim(project, first.claim_id)
    assert _listed(project, article) == [[second.id]]


def test_tagging_my_words_again_alike_is_refused_naming_the_label_not_its_key(project):
    """The refusal of a second tag of my words with the same verdict names the label as
    the interface does («Disputed», «موضع خلاف» in Arabic), not its key «disputed»."""
    from store.errors import DuplicateClaim

    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    mine = appearances.tag_quote(project, article.id, SAID, "disputed")
    with pytest.raises(DuplicateClaim) as refused:
        appearances.create_claim(project, article.id, mine.start, mine.end, "disputed")
    assert str(refused.value) == "You already tagged these words as Disputed."
    assert refused.value.params["label"].names == {"ar": "موضع خلاف"}


def test_a_label_no_longer_in_the_project_is_named_by_its_key(project):
    """A damaged file's claim of no label («ghost», its row gone): a refusal naming it
    says its key rather than failing with a KeyError."""
    from store.core.labels import label_named

    assert str(label_named(project, "ghost")) == "ghost"


def test_a_colleagues_source_that_is_no_text_is_left_out_and_counted(pair):
    """Another program wrote a number among Bob's sources: it is no web link, left out
    and counted like one, the merge going on with his other link."""
    alice, bob = pair
    made = appearances.tag_quote(bob, article_id(bob), SAMPLE_QUOTE, "disputed",
                                 sources=["https://un.org/a"])
    with sqlite3.connect(bob.path) as raw:
        raw.execute("UPDATE claims SET sources = ? WHERE id = ?",
                    [json.dumps([5, "https://un.org/a"]), made.claim_id])
    raw.close()
    merged = merge_project(alice, bob.path)
    assert merged.links_left_out == 1
    assert claims.get_claim(alice, made.claim_id).sources == ("https://un.org/a",)
