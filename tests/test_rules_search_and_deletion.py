"""What a fact-checker relies on in project search and in deleting and restoring an
article, each guarded against a small change to store/core/search.py or
store/core/article_deletion.py (an off-by-one, a dropped check, a swapped order) that the
rest of the suite let pass (rv155's mutation review; rv152's is test_house_text_rules.py,
rv154's test_rules_fold_labels_figures.py)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from test_article_deletion import (
    OTHER,
    TEXT,
    _claim_at,
    _two_copies,
    two_articles,  # noqa: F401 - a fixture
)
from test_merge import running_fast

from store.core import appearances, article_deletion, articles, claims, history, search
from store.core.project import Project
from store.core.schema import SEARCH_PART_CHARS as PART
from store.errors import ChangedSince
from store.exchange import merge

HIT = "معاهدة"


def _only_hit(project, text, query=HIT):
    article = articles.add_article(project, text, "t")
    [hit] = [h for h in search.search(project, query) if h.article_id == article.id]
    assert hit.context[hit.context_start:hit.context_end] == text[hit.start:hit.end]
    return hit


# -- store/core/search.py: a hit's context ------------------------------------------------
def test_a_context_holds_forty_characters_either_side_when_they_end_on_spaces(project):
    """Forty characters either side, when a space stands just outside them: the whole
    words of both sides, nothing dropped (the list shows what surrounds a hit)."""
    left, right = "ب" * 39, "ج" * 39
    text = "أأأأأأأأأأ " + left + " " + HIT + " " + right + " دددددددددد"
    hit = _only_hit(project, text)
    assert hit.context == f"{left} {HIT} {right}"


def test_a_context_begins_at_the_word_after_the_one_cut(project):
    """A count that ends inside a word starts the context at the next word, without the
    space before it; one that ends just after a space keeps the word after it whole."""
    cut = "ققق " + "ب" * 45 + " " + "ج" * 25 + " "  # the count ends inside «ببب…»
    hit = _only_hit(project, "كلمة " + cut + HIT + " بعد")
    assert hit.context == "ج" * 25 + f" {HIT} بعد"
    whole = "أأأأأأأأأأ " + "ب" * 5 + " " + "ج" * 33 + " "  # it ends after a space
    hit = _only_hit(project, whole + HIT + " بعد")
    assert hit.context.startswith("ب" * 5 + " " + "ج" * 33)


def test_a_context_whose_whole_words_leave_less_than_half_is_cut_where_the_count_ends(
        project):
    """A side whose last word break leaves less than twenty characters (a link, a long
    word) is cut at forty: a break fifteen characters away does not shorten it to that."""
    before = "ب" * 45 + " " + "ج" * 14 + " "
    hit = _only_hit(project, before + HIT)
    assert hit.context_start == 40 and hit.context.startswith("ب" * 24)


def test_a_context_ends_at_a_line_break_as_at_a_space(project):
    """The right side ends at the last word break within its forty characters, a line
    break as well as a space: the next line's word is not cut in two."""
    text = HIT + " " + "ج" * 25 + "\n" + "د" * 30
    hit = _only_hit(project, text)
    assert hit.context == HIT + " " + "ج" * 25


def test_a_context_cut_inside_a_word_keeps_each_mark_with_its_letter(project):
    """A side cut where the count ends (no word break near) is never cut between a letter
    and the haraka on it, on either side."""
    voweled = "بَ" * 30
    hit = _only_hit(project, voweled + " " + HIT + " " + voweled)
    assert hit.context[0] == "ب" and hit.context[-1] == "َ"
    assert hit.context[hit.context_start:hit.context_end] == HIT
    hit = _only_hit(project, "جُ" * 30 + " " + HIT + " " + "دِ" * 30, "جُ" * 30)
    assert hit.context[-1] == "ِ" and hit.context[-2] == "د"


# -- store/core/article_deletion.py -----------------------------------------------------
def test_words_untagged_before_the_article_went_stay_untagged_when_it_comes_back(
        two_articles):  # noqa: F811
    """«الوزير» tagged twice as one claim, one of them untagged, then the article deleted
    and restored: only the words still tagged when it went come back (the deletion does
    not untag words again, restamping them as its own)."""
    project, first, _ = two_articles
    kept = _claim_at(project, first, "الوزير")
    at = TEXT.index("الوزير", kept.end)
    dropped = appearances.add(project, kept.claim_id, first.id, at, at + len("الوزير"))
    untagged = appearances.delete(project, dropped.id).deleted
    assert article_deletion.delete_article(project, first.id) == [kept.id]
    assert appearances.get_appearance(project, dropped.id).deleted == untagged
    assert article_deletion.deleted_articles(project)[0].places == 1
    restored, refused = article_deletion.restore_article(project, first.id)
    assert refused is None and [p.id for p in restored] == [kept.id]
    assert appearances.get_appearance(project, dropped.id).is_deleted


def test_a_claim_deleted_by_a_fast_clock_stays_deleted_when_its_article_comes_back(
        two_articles, monkeypatch):  # noqa: F811
    """A claim deleted on its own, stamped an hour ahead (a fast clock), then its
    article deleted: the article's deletion is stamped after the claim's, so the claim
    is still told as deleted on its own and the restore leaves it deleted."""
    project, first, _ = two_articles
    place = _claim_at(project, first, "قال الوزير")
    with monkeypatch.context() as fast:
        running_fast(fast, 3600)
        claims.delete_claim(project, place.claim_id)
    gone = claims.get_claim(project, place.claim_id).deleted
    article_deletion.delete_article(project, first.id)
    assert articles.get_article(project, first.id).deleted > gone
    assert article_deletion.restore_article(project, first.id) == ([], None)
    assert claims.get_claim(project, place.claim_id).is_deleted
    assert appearances.list_appearances(project) == []


def test_an_article_deleted_after_a_fast_clocks_restore_is_stamped_after_it(
        two_articles, monkeypatch):  # noqa: F811
    """Restored by a clock an hour fast, then deleted again: the deletion is stamped after
    the restore (the later of the two wins a merge), and then after every earlier one."""
    project, first, _ = two_articles
    article_deletion.delete_article(project, first.id)
    with monkeypatch.context() as fast:
        running_fast(fast, 3600)
        article_deletion.restore_article(project, first.id)
    restored_at = articles.get_article(project, first.id).updated
    article_deletion.delete_article(project, first.id)
    deleted = articles.get_article(project, first.id)
    assert deleted.deleted > restored_at and deleted.updated == deleted.deleted
    assert [e.action for e in history.for_entity(project, first.id)] == \
        ["create", "delete", "restore", "delete"]


# -- store/core/search.py: long articles, read in windows -------------------------------
def test_a_context_running_past_a_parts_window_is_read_from_the_whole_text(project):
    """A hit near the end of a long article's first part, followed by a run of marks
    longer than the part's overlap: its context keeps every mark with its letter, read
    from the whole text, not cut where the part's window ends."""
    word, marks = "Zanzibarite", "\u0301" * 1500
    head = ("كلمة " * (PART // 5 + 1))[:PART - 30]
    text = head + word + " " + "a" + marks + " " + "كلمة " * 100
    assert len(text) > PART
    article = articles.add_article(project, text, "long")
    [hit] = search.search(project, word)
    assert (hit.article_id, hit.start) == (article.id, PART - 30)
    assert marks in hit.context and hit.context.endswith(marks)


def test_an_article_brings_its_words_back_in_reading_order(two_articles):  # noqa: F811
    """What a restore brings back is listed (and restored) in the order the words stand
    in the article, whatever their ids."""
    project, first, _ = two_articles
    words = ["قال", "الوزير", "إن", "المعاهدة", "أقوى", "معاهدة", "على", "الإطلاق"]
    at, made = 0, []
    for word in words:
        at = TEXT.index(word, at)
        made.append(appearances.create_claim(project, first.id, at, at + len(word),
                                             "disputed"))
        at += len(word)
    article_deletion.delete_article(project, first.id)
    restored, refused = article_deletion.restore_article(project, first.id)
    assert refused is None
    assert [p.quote for p in restored] == words
    assert [p.id for p in restored] == [p.id for p in made]


def test_a_restore_names_first_the_claim_a_colleague_deleted_since(tmp_path):
    """Huda deleted an article; Omar, in his copy, deleted two claims of its words that
    stood in another article too, and tagged in it later (which brings it back in a
    merge); Huda tagged «قال الوزير» again. Her restore of the article's words says
    first why the words of Omar's claims stay untagged - the first of them in the text -
    rather than that «قال الوزير» is tagged already."""
    mine, theirs = tmp_path / "mine.tahqiq", tmp_path / "theirs.tahqiq"
    with Project.open(mine, "huda") as project:
        first = articles.add_article(project, TEXT, "الأول")
        second = articles.add_article(project, OTHER, "الثاني")
        shared = []
        for words in ("المعاهدة أقوى", "على الإطلاق"):
            made = _claim_at(project, first, words)
            start = second.text.index(words)
            appearances.add(project, made.claim_id, second.id, start, start + len(words))
            shared.append(made.claim_id)
        _claim_at(project, first, "قال الوزير")
    shutil.copy(mine, theirs)
    with Project.open(mine, "huda") as project:
        article_deletion.delete_article(project, first.id)
    with Project.open(theirs, "omar") as project:
        for claim_id in reversed(shared):
            claims.delete_claim(project, claim_id)
        _claim_at(project, first, "كذا")
    with Project.open(mine, "huda") as project:
        merge.merge_project(project, theirs)
        assert articles.get_article(project, first.id).deleted is None
        _claim_at(project, first, "قال الوزير", "verified")
        restored, refused = article_deletion.restore_article(project, first.id)
        assert restored == []
        assert isinstance(refused, ChangedSince)
        assert "omar deleted the claim of “المعاهدة أقوى” since" in str(refused)


def test_an_article_deleted_ahead_of_the_clock_without_history_is_restored_after_it(
        two_articles):  # noqa: F811
    """An article marked deleted in 2999 (a clock far ahead) by a record its history does
    not hold (a file a damaged or foreign tool left): its restore is stamped after that
    deletion, so a merge keeps it restored."""
    project, first, _ = two_articles
    with project.transaction():
        project.conn.execute("UPDATE articles SET deleted = '2999-01-01T00:00:00.000000Z' "
                             "WHERE id = ?", [first.id])
    article_deletion.restore_article(project, first.id)
    back = articles.get_article(project, first.id)
    assert back.deleted is None and back.updated > "2999-01-01T00:00:00.000000Z"


def _deleted_with_its_article_and_then_alone(project, first, second):
    """The claim on «أقوى معاهدة على الإطلاق», in both articles, deleted with the first
    and then on its own."""
    shared = _claim_at(project, first, "أقوى معاهدة على الإطلاق")
    start = second.text.index("أقوى معاهدة")
    appearances.add(project, shared.claim_id, second.id, start,
                    start + len("أقوى معاهدة على الإطلاق"))
    article_deletion.delete_article(project, first.id)
    claims.delete_claim(project, shared.claim_id)
    return shared


@pytest.mark.parametrize(("deleted_by", "told"), [
    ("me", "You deleted the claim of “أقوى معاهدة على الإطلاق” since"),
    (None, "? deleted the claim of “أقوى معاهدة على الإطلاق” since"),  # another program
])
def test_a_restore_says_who_deleted_a_claim_since(two_articles, deleted_by, told):  # noqa: F811
    project, first, second = two_articles
    shared = _deleted_with_its_article_and_then_alone(project, first, second)
    with project.transaction():
        project.conn.execute("UPDATE claims SET deleted_by = ? WHERE id = ?",
                             [deleted_by, shared.claim_id])
    restored, refused = article_deletion.restore_article(project, first.id)
    assert restored == [] and told in str(refused)
    assert "None" not in str(refused)


# -- store/core/search.py: queries ------------------------------------------------------
def test_two_words_finding_the_same_letters_give_one_hit(project):
    """«الحكومة» finds «للحكومة» as «لحكومة» does (the article after the preposition
    ل): a query of both shows those words once, not twice."""
    text = "قالت للحكومة شيئا"
    articles.add_article(project, text, "t")
    for query in ('"الحكومة" لحكومة', "الحكومة لحكومة"):
        hits = search.search(project, query)
        assert [(text[h.start:h.end], h.apart) for h in hits] == [("لحكومة", True)], query


def test_a_word_typed_twice_is_looked_for_once(project):
    """«معاهدة معاهدة» (a word typed or pasted twice) asks for that word: its hits are
    the word's own, not those of two words found apart."""
    article = articles.add_article(project, "أقوى معاهدة على الإطلاق", "t")
    for query in ("معاهدة معاهدة", '"معاهدة" معاهده'):
        hits = search.search(project, query)
        assert [(h.start, h.apart) for h in hits] == [(article.text.index(HIT), False)]
    assert search.query_terms("معاهدة معاهده.") == ["معاهده"]



def test_the_deleted_list_names_who_made_the_deletion_it_shows(tmp_path):
    """Each tagged words, then both deleted the article, Huda first: merged into her
    copy, the article keeps her deletion, and the list of deleted articles names her
    beside its time, not Omar, whose later deletion the history holds too; it counts
    the words either deletion untagged, which restoring it brings back."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(mine, "huda") as project:
        _claim_at(project, article, "قال الوزير كذا")
        article_deletion.delete_article(project, article.id)
        deleted = articles.get_article(project, article.id).deleted
    with Project.open(theirs, "omar") as project:
        _claim_at(project, article, "أقوى معاهدة", "verified")
        article_deletion.delete_article(project, article.id)
    with Project.open(mine, "huda") as project:
        merge.merge_project(project, theirs)
        assert sorted(e.who for e in history.for_entity(project, article.id)
                      if e.action == "delete") == ["huda", "omar"]
        [listed] = article_deletion.deleted_articles(project)
        assert (listed.deleted, listed.deleted_by, listed.places) == (deleted, "huda", 3)
        restored, refused = article_deletion.restore_article(project, article.id)
        assert refused is None and len(restored) == 3


def test_quotes_ask_for_each_phrase_and_word_with_no_phrase_tier(project):
    """«"أقوى معاهدة" الإطلاق» asks for the quoted phrase and the other word, each found on
    its own, even where they stand together: no tier of the whole query as one phrase."""
    text = "أقوى معاهدة الإطلاق"
    articles.add_article(project, text, "t")
    hits = search.search(project, '"أقوى معاهدة" الإطلاق')
    assert [(text[h.start:h.end], h.apart) for h in hits] == [
        ("أقوى معاهدة", True), ("الإطلاق", True)]


# -- store/core/search.py: notes --------------------------------------------------------
@pytest.mark.parametrize("indexed", [True, False])
def test_a_notes_hit_shows_the_article_its_claim_was_first_tagged_in(project, indexed):
    """A claim tagged in one article, then linked in a second: its note's hit opens the
    first, where it was found, whether the note was indexed or is still waiting."""
    first = articles.add_article(project, TEXT, "الأول")
    second = articles.add_article(project, OTHER, "الثاني")
    place = appearances.create_claim(project, first.id, 0, 3, "disputed", note="زنجبار")
    start = OTHER.index("أقوى")
    appearances.add(project, place.claim_id, second.id, start, start + 4)
    if indexed:
        search.catch_up(project)
        hits = search.search(project, "زنجبار")
    else:  # read only: the waiting note is read from its claim
        project.close()
        conn = sqlite3.connect(f"{project.path.resolve().as_uri()}?mode=ro", uri=True)
        reader = Project(conn, project.path, "reader", read_only=True)
        try:
            assert search.pending(reader) == 1
            hits = search.search(reader, "زنجبار")
        finally:
            reader.close()
    assert [(h.kind, h.article_id, h.claim_id) for h in hits] == [
        ("note", first.id, place.claim_id)]


def test_words_brought_back_to_a_live_article_record_no_restore_of_it(tmp_path):
    """Huda tagged words and deleted the article; Omar deleted and restored it in his
    copy. Merged, the article is live without Huda's words; bringing them back restores
    the words, not the article: its history gains no restore and its time of change
    stays (a merge compares it)."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(mine, "huda") as project:
        _claim_at(project, article, "أقوى معاهدة")
        article_deletion.delete_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        article_deletion.delete_article(project, article.id)
        article_deletion.restore_article(project, article.id)
    with Project.open(mine, "huda") as project:
        merge.merge_project(project, theirs)
        before = articles.get_article(project, article.id)
        actions = [e.action for e in history.for_entity(project, article.id)]
        assert before.deleted is None
        restored, refused = article_deletion.restore_article(project, article.id)
        assert refused is None and [p.quote for p in restored] == ["قال الوزير", "أقوى معاهدة"]
        assert [e.action for e in history.for_entity(project, article.id)] == actions
        assert articles.get_article(project, article.id).updated == before.updated


def test_a_second_restore_looks_only_at_the_deletion_since_the_first(two_articles):  # noqa: F811
    """Deleted, the shared claim then deleted on its own (the first restore says so and
    leaves its words), deleted again and restored again: the second restore brings back
    what the second deletion took and says nothing more of the claim told before."""
    project, first, second = two_articles
    _deleted_with_its_article_and_then_alone(project, first, second)
    assert article_deletion.restore_article(project, first.id)[1] is not None
    alone = _claim_at(project, first, "قال الوزير")
    article_deletion.delete_article(project, first.id)
    restored, refused = article_deletion.restore_article(project, first.id)
    assert refused is None and [p.id for p in restored] == [alone.id]


def test_a_word_starting_a_long_articles_second_part_is_found_once(project):
    """A hit starting on the first character of a part belongs to that part alone: the
    window of the part before, which runs past it, does not give it a second time."""
    word = "Zanzibarite"
    head = ("كلمة " * (PART // 5 + 1))[:PART - 1] + " "
    text = head + word + " " + "كلمة " * 100 + word
    article = articles.add_article(project, text, "long")
    hits = search.search(project, word)
    assert [(h.article_id, h.start) for h in hits] == [
        (article.id, PART), (article.id, len(text) - len(word))]


def test_a_short_term_starting_too_many_trigrams_is_found_by_a_scan(project, monkeypatch):
    """«ما» starts more of the index's trigrams than are listed (here more than one):
    the texts are scanned for it instead, and every word it starts is found."""
    monkeypatch.setattr(search, "_MAX_SHORT_GRAMS", 1)
    text = "ما ماذا مازال مات"
    articles.add_article(project, text, "t")
    assert [text[h.start:h.end] for h in search.search(project, "ما")] == ["ما"] * 4


def test_an_unclosed_quote_runs_to_the_end_of_the_query(project):
    """«"أقوى معاهدة» (the closing quote not typed yet, as the panel searches while one
    types) asks for the phrase, not for its two words anywhere; spaces inside a quoted
    phrase are one space."""
    assert search.query_terms('"أقوى معاهدة') == ["اقوي معاهده"]
    assert search.query_terms('"أقوى   معاهدة"') == ["اقوي معاهده"]
    articles.add_article(project, "أقوى من أي معاهدة", "apart")
    together = articles.add_article(project, "أقوى معاهدة", "together")
    assert [h.article_id for h in search.search(project, '"أقوى معاهدة')] == [together.id]
