"""The same words tagged elsewhere: found from a table of folded quotes, equal to folding
every quote of the project and comparing."""

from __future__ import annotations

from store.core import appearances, articles, claims
from store.core.project import Project
from store.core.search import SameWords
from store.text.fold import fold_query

FIRST = "قال الوزير إن المعاهدةَ الجديدة «أقوى معاهدة على الإطلاق» وإن الصادرات ارتفعت."
SECOND = "وفي بيان آخر: أقوى معاهده على الاطلاق، بحسب الوزير. المعاهدة الجديدة وُقّعت."


def naive(project: Project, place) -> list[str]:
    wanted = fold_query(place.quote)
    return [a.id for a in appearances.list_appearances(project)
            if a.article_id != place.article_id and a.claim_id != place.claim_id
            and fold_query(a.quote) == wanted]


def test_same_words_elsewhere_are_found_and_kept_up_to_date(tmp_path):
    project = Project.open(tmp_path / "p.tahqiq", "alice")
    one = articles.add_article(project, FIRST, "one")
    two = articles.add_article(project, SECOND, "two")
    here = appearances.tag_quote(project, one.id, "أقوى معاهدة على الإطلاق", "disputed")
    same = SameWords(project)
    assert same.find(here.quote, article_id=one.id, claim_id=here.claim_id) == []

    there = appearances.tag_quote(project, two.id, "أقوى معاهده على الاطلاق", "verified")
    same.note([there])  # written through this connection: the session tells it
    found = same.find(here.quote, article_id=one.id, claim_id=here.claim_id)
    assert [p.id for p in found] == naive(project, here) == [there.id]
    assert found[0].label == "verified"

    other = appearances.tag_quote(project, two.id, "المعاهدة الجديدة", "unchecked")
    same.note([other])
    assert same.find(other.quote, article_id=two.id, claim_id=other.claim_id) == []
    mirror = appearances.tag_quote(project, one.id, "المعاهدةَ الجديدة", "disputed")
    same.note([mirror])
    assert [p.id for p in same.find(other.quote, article_id=two.id,
                                    claim_id=other.claim_id)] == [mirror.id]

    claims.delete_claim(project, there.claim_id)  # gone: not found, with no note needed
    assert same.find(here.quote, article_id=one.id, claim_id=here.claim_id) == []
    appearances.link(project, mirror.id, other.claim_id)  # the same claim: not "elsewhere"
    assert same.find(other.quote, article_id=two.id, claim_id=other.claim_id) == []
    project.close()


def test_outside_writes_are_seen_after_forget(tmp_path):
    path = tmp_path / "p.tahqiq"
    mine = Project.open(path, "alice")
    one = articles.add_article(mine, FIRST, "one")
    two = articles.add_article(mine, SECOND, "two")
    here = appearances.tag_quote(mine, one.id, "أقوى معاهدة على الإطلاق", "disputed")
    same = SameWords(mine)
    same.prepare()
    theirs = Project.open(path, "bob")
    there = appearances.tag_quote(theirs, two.id, "أقوى معاهده على الاطلاق", "verified")
    theirs.close()
    same.forget()  # what the session does when another writer's changes arrive
    assert [p.id for p in same.find(here.quote, article_id=one.id,
                                    claim_id=here.claim_id)] == [there.id]
    mine.close()


def test_made_a_step_at_a_time_it_finds_the_same(tmp_path):
    project = Project.open(tmp_path / "p.tahqiq", "alice")
    one = articles.add_article(project, FIRST, "one")
    two = articles.add_article(project, SECOND, "two")
    here = appearances.tag_quote(project, one.id, "أقوى معاهدة على الإطلاق", "disputed")
    for quote in ("المعاهدة الجديدة", "بحسب الوزير", "أقوى معاهده على الاطلاق"):
        appearances.tag_quote(project, two.id, quote, "verified")
    same = SameWords(project)
    steps = 1
    while not same.prepare(limit=1):
        steps += 1
    assert steps == 5 and same.ready
    assert [p.id for p in same.find(here.quote, article_id=one.id, claim_id=here.claim_id)] \
        == naive(project, here)
    project.close()


def test_the_same_words_over_a_line_break_are_the_same_words(tmp_path):
    """A sentence one article breaks over two lines (a hard wrap) is the same words as
    another's on one line: Link as One Claim was not offered between them."""
    project = Project.open(tmp_path / "p.tahqiq", "alice")
    one = articles.add_article(project, "قال الوزير إن المستشفيات\nاستقبلت أكثر من ألف مصاب.",
                               "one")
    two = articles.add_article(project, "وأكد أن المستشفيات استقبلت  أكثر من ألف مصاب أمس.",
                               "two")
    here = appearances.tag_quote(project, one.id, "المستشفيات\nاستقبلت أكثر من ألف مصاب",
                                 "disputed")
    there = appearances.tag_quote(project, two.id, "المستشفيات استقبلت  أكثر من ألف مصاب",
                                  "verified")
    same = SameWords(project)
    assert [p.id for p in same.find(here.quote, article_id=one.id,
                                    claim_id=here.claim_id)] == [there.id]
    assert [p.id for p in same.find(there.quote, article_id=two.id,
                                    claim_id=there.claim_id)] == [here.id]
    project.close()
