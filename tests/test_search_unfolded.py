"""Search finds its hits in the original texts, not in the folded bodies the index keeps
(store.text.unfolded_find): what it finds must be what folding the whole text and looking
there finds, at the edges too: of the windows a long article is read in, around characters
outside the first plane, after a NUL another program wrote, in a text that is not UTF-8."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import store_bytes_as_text
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import articles, schema, search
from store.core.project import Project
from store.text.fold import REMOVED, fold, fold_for_index
from store.text.unfolded_find import UnfoldedTerm, _fold_few, _folded_from
from store.text.word_starts import find_spans, occurs

# Characters folding changes or removes, clitics, digits of three scripts and what goes
# on a number, marks folding keeps (U+0654, U+0301), case that changes a character's
# UTF-8 length (K Kelvin, Ⱥ), a character outside the first plane, a NUL.
ALPHABET = (list("ابتةأإآىيوفلكمعهدن رa") + list(REMOVED)
            + ["A", "K", "\u212a", "\u023a", "\u2c65", "1", "2", "٢", "۲", ".", ",", "٫", "_",
               "\n", "\u0654", "\u0301", "😀", "\0", "ال", "وال", "بال", "لل", "ولل",
               # what may stand between a phrase's words, and a mark that may not
               "،", "«", "-", "\u00a0", "%"])


def _reference(term: str, text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    return [folded.to_original(*span) for span in find_spans(term, folded.text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40),
       st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=5))
def test_a_term_is_found_in_the_original_as_in_the_folded_text(text, typed):
    text = "".join(text)
    term = " ".join(fold_for_index("".join(typed)).split())
    if not term:
        return
    unfolded = UnfoldedTerm(term)
    assert unfolded.spans(text) == _reference(term, text)
    assert unfolded.occurs(text) == occurs(term, fold(text).text)


@pytest.mark.parametrize(("term", "text"), [
    ("ال", "والال ال"),  # a clitic that is the term itself
    ("اا", "ااا اا"),  # hits do not overlap
    ("24", "2024 24.5 24, 24"),  # a number ends where the term does
    ("معاهده", "بالمُعَاهَدَةٌ ومعاهدة\u0640"),  # harakat inside, tatweel after
    ("kg", "5 \u212aG KG"),  # the Kelvin sign folds to k
    ("ب", "😀ب \u200fب"),
    # A phrase found from a letter deep in it, with and without harakat before that.
    ("اقوي معاهده علي الاطلاق", "أقوى معاهدة على الإطلاق وأَقْوى مُعاهدة عَلى الاطلاق"),
    # What comes before a word, folded by the five characters before it or further back.
    ("معاهده", "والمعاهدة وَالمُعاهدة بِمعاهدة xمعاهدة ك\u0640المعاهدة"),
    # A term with the article, after the preposition ل (which drops the alef), with
    # harakat on both lams, after و, and where that ل starts no word.
    ("المعاهده", "للمعاهدة لِلْمُعاهدة وللمعاهدة فلِلمعاهدة بللمعاهدة xللمعاهدة لمعاهدة"),
    ("الاتفاق الجديد", "للاتفاق الجديد والاتفاق الجديد"),
    # A phrase's words with spaces, line breaks or punctuation between them, harakat
    # among those; a mark inside a word or not between words counts as it is.
    ("النقض في مارس", "النقض، في مارس النقضَ،في\nمارس «النقض» - في مارس النقضفي مارس"),
    ("3.5 مليار", "3 5 مليار 3.5, مليار 3,5 مليار"),
    ("20% من", "20، من 20%، من"),
    # A number after a dotted one whose last group is itself after a separator: not its
    # decimals, which number_came_before reads further back than five characters to tell
    # (rv178: search missed them).
    ("12", "صدر في 07.10.2023.12"),
    ("5", "الإصدار 1.2345.5 و1.2ـ345‏.5"),
    # Runs of what folding removes between a word's letters, before and among a gap's
    # characters and after the last letter: taken whole, never given back (_GAP).
    ("الدفاع المشترك", "الدَّفَاعِ\u0640\u200f \u064e\u200b،ـ المُشْتَرَكِــ الدفاعـ ـالمشترك\u0651\u0640"),
    ("ذخيره", "الذَّخِيرَةُ\u200f ذ\u0640\u0640خ\u200bيرة"),
])
def test_chosen_cases_agree_with_folding(term, text):
    assert UnfoldedTerm(term).spans(text) == _reference(term, text)


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=8))
def test_what_folding_does_is_read_from_fold_itself(text):
    assert _fold_few(text) == fold(text).text
    for ch in fold(text).text:
        assert ch in _folded_from(ch) or fold(ch).text != ch
    for ch in text:
        if (folded := fold(ch).text):
            assert ch in _folded_from(folded)


def test_what_folding_does_is_kept_small_for_the_session():
    """Every character of the first plane had its own entry («a»: «a»), 62,000 of them:
    11 MB the window kept from its first search on. Only the characters more than one
    other becomes are kept; the rest are read as they are."""
    from store.text.unfolded_find import _folding

    _, sources = _folding()
    assert len(sources) < 5000
    assert _folded_from("ه").startswith("ةه") and _folded_from("q") == "Qq"
    assert _folded_from("ب") == "ب"
    assert _folded_from("Q") == "" and _folded_from("\u064e") == ""  # (becomes q; removed)


# -- long articles: read in windows ------------------------------------------------------
PART, OVERLAP = schema.SEARCH_PART_CHARS, schema.SEARCH_PART_OVERLAP
WORD = "Zanzibarite"


@pytest.fixture(scope="module", params=["whole", "pieces"])
def long_article(tmp_path_factory, request):
    """An article of about two and a half parts with WORD where windows have edges: just
    before a part ends, just after one begins, after a run of marks longer than the
    overlap (its context goes back past the window), after harakat and a character
    outside the first plane, and at the very end."""
    filler = "وقال المتحدث إن المعاهدة الجديدة أقوى معاهدة على الإطلاق 😀 . "
    text = list((filler * (int(PART * 2.5) // len(filler) + 1))[:int(PART * 2.5)])

    def put(at: int, before: str = " ") -> None:
        text[at - len(before):at + len(WORD) + 1] = list(before + WORD + " ")

    put(PART - 10)
    put(PART + 3)
    put(PART + 5000, " 😀\u064e ")
    put(2 * PART + 400, "\u0301" * 1500)  # marks folding keeps: a context takes them along
    text[-len(WORD) - 1:] = list(" " + WORD)
    text = "".join(text)
    project = Project.open(tmp_path_factory.mktemp("long") / "long.tahqiq", "tester")
    if request.param == "whole":
        article_id = articles.add_article(project, text, "long").id
    else:  # stored in parts, as a big file's import stores it (store.core.long_texts)
        article_id = articles.add_article_pieces(project, [text[:7], text[7:]],
                                                 len(text.encode()),
                                                 articles.fingerprint(text), "long")
        assert project.conn.execute("SELECT count(*) FROM article_pieces").fetchone()[0] == 3
    yield project, article_id, text
    project.close()


def test_hits_of_a_long_article_are_what_folding_it_whole_finds(long_article):
    project, article_id, text = long_article
    expected = []
    for start, end in _reference(fold_for_index(WORD), text):
        expected.append((start, end, *search._context(text, start, end)))
    hits = search.search(project, WORD, limit=50)
    assert [(h.start, h.end, h.context, h.context_start, h.context_end) for h in hits] == \
        expected
    assert len(hits) == 5 and {h.article_id for h in hits} == {article_id}
    assert all(text[h.start:h.end] == WORD for h in hits)
    # The run of marks reaches back past the window of part 2: the context holds them all.
    assert "\u0301" * 1500 in hits[3].context


def test_a_long_article_whose_rows_do_not_follow_one_another_is_still_read_in_windows(
        long_article, tmp_path):
    """The query tells a long article's first part by the row after it; were its other
    parts' rows written elsewhere, the search still reads it in windows (once each)."""
    project, article_id, text = long_article
    expected = search.search(project, WORD, limit=50)
    copy = tmp_path / "moved.tahqiq"
    project.conn.execute("VACUUM INTO ?", [str(copy)])
    moved = Project.open(copy, "tester")
    try:
        with moved.transaction():
            ids = [row[0] for row in moved.conn.execute(
                "SELECT id FROM search_entries WHERE ref_id = ? AND part > 0", [article_id])]
            assert ids and not moved.conn.execute(
                "SELECT count(*) FROM search_entries WHERE id > ?", [max(ids)]).fetchone()[0]
            for old in ids:  # each of them to the end: a row before them is free now
                moved.conn.execute("UPDATE search_entries SET id = id + 1000 WHERE id = ?",
                                   [old])
                moved.conn.execute("UPDATE search_index SET rowid = rowid + 1000 "
                                   "WHERE rowid = ?", [old])
        assert search.search(moved, WORD, limit=50) == expected
    finally:
        moved.close()


# -- what another program may leave in a text --------------------------------------------
def test_a_nul_another_program_wrote_ends_what_is_searched_not_the_context(project):
    """SQLite's substr() stops at a NUL, so the index holds an article's text up to one:
    hits are found up to it, and their context is the text's."""
    article = articles.add_article(project, "نص أول", "t")
    text = "معاهدة أولى\0 ثم معاهدة ثانية"
    with project.transaction():
        project.conn.execute("UPDATE articles SET text = ? WHERE id = ?", [text, article.id])
    hits = search.search(project, "معاهده")
    assert [(h.start, h.end) for h in hits] == [(0, 6)]
    assert (hits[0].context, hits[0].context_start) == (text, 0)


def test_a_text_that_is_not_utf8_fails_as_reading_it_does(project):
    """As before texts were read as bytes: sqlite3's error, which the doors report."""
    article = articles.add_article(project, "hello there", "t")
    store_bytes_as_text(project, article.id, "68656C6C6FFF")
    with pytest.raises(sqlite3.OperationalError, match="UTF-8"):
        search.search(project, "hello")


def test_a_search_holding_few_texts_at_a_time_gives_the_same_hits(project, monkeypatch):
    for i in range(6):
        articles.add_article(project, f"معاهدة {i} " + "ومعاهدة " * (i % 3), f"a{i}")
    everything = list(search.iter_hits(project, "معاهده"))
    monkeypatch.setattr(search, "_BATCH", 2)
    for limit in range(len(everything) + 2):
        assert search.search(project, "معاهده", limit=limit) == everything[:limit]
