"""What rv196 found: the words of a hashtag joined with «_» («#خان_يونس») were found by no
search, nor by Find as a phrase; an article whose first line or sidecar title holds only
invisible characters was titled with them."""

from __future__ import annotations

import json

import pytest

from store.core import articles, search
from store.core.articles import derive_title
from store.core.project import Project
from store.exchange import importing
from store.text.clean import clean_field
from store.text.fold import fold, fold_for_index, fold_query
from store.text.unfolded_find import UnfoldedTerm
from store.text.word_starts import END_MARKS, find_spans

TWEET = "عاجل 🔴 قصف جديد على #خان_يونس و#غزة_الآن حسب مصادر محلية"

# --- «_» parts the words of a hashtag -----------------------------------------------------


def test_search_finds_the_words_and_the_place_a_hashtag_joins_with_underscores(project):
    """A claim traced through social posts: «خان يونس», «يونس», «الآن» in «#خان_يونس
    و#غزة_الآن» (0 hits each; the index found the post, the word-start check refused it).
    The index needs no re-indexing: it holds the «_» as the text does. A pasted term keeps
    its «_», which ends no sentence."""
    assert "خان_يونس" in fold_for_index(TWEET) and "_" not in END_MARKS
    article_id = importing.import_text(project, TWEET).article_id
    text = articles.get_article(project, article_id).text
    for query, found in [("خان يونس", "خان_يونس"), ("يونس", "يونس"), ("الآن", "الآن"),
                         ("غزة الآن", "غزة_الآن")]:
        hits = [hit for hit in search.search(project, query) if not hit.apart]
        assert [text[hit.start:hit.end] for hit in hits] == [found], query


def test_a_word_after_an_underscore_starts_a_word_in_latin_text_too():
    """A handle «@john_smith» or a file's «report_2024»: the fact-checker searching
    «smith» or «2024» wants it; «_» inside what is typed is looked for as it is."""
    for term, text, span in [("smith", "@john_smith", (6, 11)), ("2024", "report_2024", (7, 11)),
                             ("john smith", "@john_smith", (1, 11)),
                             ("john_smith", "@john_smith", (1, 11)),
                             ("الحكومه", "#وزاره_للحكومه", (8, 14))]:
        assert list(find_spans(fold_query(term), fold(text).text)) == [span], term
        assert UnfoldedTerm(fold_query(term)).spans(text) == [span], term


def test_find_reads_a_typed_space_as_a_hashtags_underscore():
    """Find and tag --quote: «خان يونس» typed finds «#خان_يونس» (it found «يونس» alone)."""
    assert fold(TWEET).find_all("خان يونس") == [(TWEET.index("خان_"), TWEET.index(" و#"))]
    assert fold("a_b").find_all("a_b") == [(0, 3)]



# --- a title of nothing to see ------------------------------------------------------------


def test_a_first_line_of_direction_marks_or_zero_width_characters_titles_nothing():
    """A browser's or a chat's copy begins with a line of an RLM, or a ZWSP and an LRM:
    the article was titled with it, its row in the list and `tahqiq articles` blank."""
    project = Project.in_memory("me")
    for first in ("\u200f", "\u200b\u200e", "\ufeff\u061c \u2060"):
        result = importing.import_text(project, f"{first}\nقال الوزير إن الحرب انتهت")
        assert result.title == "قال الوزير إن الحرب انتهت", repr(first)
    assert derive_title("\u200f \u200fقال الوزير\u200f\nنص") == "قال الوزير"
    assert derive_title("—\n\n* * *\nعنوان الخبر\nنص") == "عنوان الخبر"
    assert derive_title("\u200f\n★★★") == "★★★"  # (nothing better: the symbols)


def test_a_sidecars_title_of_direction_marks_gives_way_to_the_first_line(tmp_path):
    """NAME.json's «title» of two RLMs was the article's title, invisible; it is
    cleaned to nothing and the text's first line titles the article."""
    project = Project.in_memory("me")
    (tmp_path / "a.txt").write_text("أكد المصدر أن المفاوضات ستستمر", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "\u200f\u200f"}), encoding="utf-8")
    assert importing.import_file(project, tmp_path / "a.txt").title == \
        "أكد المصدر أن المفاوضات ستستمر"


def test_a_field_loses_what_nothing_shows_at_its_ends_and_keeps_it_inside():
    """An address copied from right-to-left text, a title pasted with a ZWSP: their ends
    are cleaned; a ZWNJ inside a Persian word is its spelling and stays, as an RLM
    between words (it sets how they read)."""
    assert clean_field("\u200f\u200b https://example.com/a \u200e\ufeff") == \
        "https://example.com/a"
    assert clean_field("\u200cمی\u200cخواهم\u200d") == "می\u200cخواهم"
    assert clean_field("BBC \u200fعربي") == "BBC \u200fعربي"


# --- rv248: a title's leading direction mark sets which way it reads ----------------------

TITLE_RTL = "\u200fBBC: ما الذي حدث في غزة؟"


@pytest.mark.parametrize(("typed", "kept"), [
    (TITLE_RTL, TITLE_RTL),
    (f" \u200b{TITLE_RTL} \u200f", TITLE_RTL),
    ("\u200f\u200eBBC عربي", "\u200fBBC عربي"),  # (the first mark sets it)
    ("\u061cBBC عربي", "\u061cBBC عربي"),  # (an ALM)
    ("\u200eالعنوان: BBC", "\u200eالعنوان: BBC"),
    ("\u200f2024", "\u200f2024"),  # (nothing else sets it)
    ("\u200fعنوان BBC", "عنوان BBC"),  # (it reads so without it)
    ("\u200eBBC عربي", "BBC عربي"),
    ("\u200f\u200f", ""),  # (rv196: a title of marks alone is none)
])
def test_a_titles_leading_direction_mark_stays_where_it_sets_which_way_it_reads(
        project, typed, kept):
    """A title typed «‏BBC: …» with a leading RLM so it reads right to left lost it: the
    window's header, the article list and the packet laid it out left to right (rv248).
    Kept given, derived from the text's first line and changed; an address or a language
    still loses it, and search reads the title as without it."""
    assert clean_field(typed, True) == kept and clean_field(kept, True) == kept
    made = articles.add_article(project, "نص المقال", typed)
    assert made.title == (kept or "نص المقال")
    assert articles.update_metadata(project, made.id, title="x", url=f"{typed[:1]}https://x.org/a",
                                    language=f"{typed[:1]}ar").title == "x"
    changed = articles.update_metadata(project, made.id, title=typed)
    assert (changed.title, changed.url, changed.language) == (kept or "نص المقال",
                                                              "https://x.org/a", "ar")
    assert derive_title(f"{typed}\nنص") == (kept or "نص")
    assert fold_for_index(kept) == fold_for_index(typed.strip(" \u200b\u200f\u200e\u061c"))


def test_a_sidecars_title_keeps_the_direction_mark_it_is_read_by(tmp_path):
    """NAME.json's «title» «‏BBC: …» is stored as given, its RLM too (rv248)."""
    project = Project.in_memory("me")
    (tmp_path / "a.txt").write_text("أكد المصدر أن المفاوضات ستستمر", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": f" {TITLE_RTL}\u200b"}),
                                     encoding="utf-8")
    assert importing.import_file(project, tmp_path / "a.txt").title == TITLE_RTL
