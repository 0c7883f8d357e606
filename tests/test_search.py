"""Project search: folded matching, exact offsets, an index that stays in step, the CLI."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_QUOTE
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, claims, retext, schema, search, sqlfunctions
from store.core.project import Project
from store.errors import IndexMissing, ProjectReadOnly
from store.exchange import importing
from store.text.display import display_for_terminal
from store.text.fold import _table as _fold_table
from store.text.fold import fold, fold_for_index

TREATY = ("وقع الرئيسان اليوم ما وصفاه بأنه أقوى مُعَاهَدَةٌ على الإطلاق، ونص الإتفاق على "
          "الدفاع المشترك اعتبارا من ١٩ يونيو ٢٠٢٤.")
OTHER = "قال المتحدث إن المعاهدة لا تستهدف أحدا، وإن التعاون سيستمر."


def spans(hits, text=None):
    return [(h.kind, h.start, h.end) if text is None else text[h.start:h.end] for h in hits]


def index_rows(project) -> set[tuple[str, str, str, str]]:
    """(kind, ref id, article id, folded body) of every index row."""
    return set(project.db.execute(
        "SELECT e.kind, e.ref_id, e.article_id, s.body FROM search_entries e "
        "JOIN search_index s ON s.rowid = e.id").fetchall())


def expected_rows(project) -> set[tuple[str, str, str, str]]:
    """What the index must hold once caught up, computed from the tables themselves:
    articles and notes (quotes are found through their article's text)."""
    def body(text: str) -> str:
        return fold(text).text + schema.SEARCH_BODY_END

    rows = {("article", a["id"], a["id"], body(a["text"])) for a in
            project.db.query("SELECT id, text FROM articles WHERE deleted IS NULL")}
    for c in appearances.list_appearances(project):
        if c.note.strip():
            rows.add(("note", c.id, c.article_id, body(c.note)))
    return rows


def assert_index_in_step(project) -> None:
    """Nothing stale is ever indexed; with the queued notes indexed, all is there."""
    assert index_rows(project) <= expected_rows(project)
    search.catch_up(project)
    assert search.pending(project) == 0
    assert index_rows(project) == expected_rows(project)
    project.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    assert project.db.execute("SELECT count(*) FROM search_index").fetchone()[0] == \
        project.db.execute("SELECT count(*) FROM search_entries").fetchone()[0]


@pytest.fixture
def treaty(project):
    return articles.add_article(project, TREATY, "treaty")


# -- folding -----------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "found"), [
    ("معاهده", "مُعَاهَدَةٌ"),  # ta marbuta, harakat and the tanween on the last letter
    ("الاتفاق", "الإتفاق"),
    ("2024", "٢٠٢٤"),
    ("١٩", "١٩"),
    ("اعتبارًا", "اعتبارا"),  # harakat in the query are ignored too
    ("الاطلاق", "الإطلاق"),
])
def test_folded_spellings_meet(project, treaty, query, found):
    hits = search.search(project, query)
    assert spans(hits, treaty.text) == [found]
    assert all(h.kind == "article" and h.article_id == treaty.id for h in hits)
    assert hits[0].article_title == "treaty" and hits[0].claim_id is None


def test_offsets_are_exact_str_indices_around_emoji_and_harakat(project):
    text = "🇸🇦👍🏽 «مُعَاهَدَةٌ» 😀 عن المعاهدة😀"
    article = articles.add_article(project, text, "emoji")
    hits = search.search(project, "معاهدة")
    assert [(h.start, h.end) for h in hits] == [
        (text.index("مُعَاهَدَةٌ"), text.index("مُعَاهَدَةٌ") + len("مُعَاهَدَةٌ")),
        (text.index("معاهدة😀"), text.index("معاهدة😀") + len("معاهدة"))]
    assert spans(hits, article.text) == ["مُعَاهَدَةٌ", "معاهدة"]
    assert hits[0].context[hits[0].context_start:hits[0].context_end] == "مُعَاهَدَةٌ"


def test_a_hits_context_is_whole_words(project):
    """Forty characters either side cut «2023» into «3» or «20», another number to a
    fact-checker: the context starts and ends with whole words."""
    text = ("وقالت الوزارة في بيانها الصادر في عام 2023 إن الاتفاق الجديد هو أقوى معاهدة "
            "على الإطلاق بين البلدين منذ عام 2023 وهو رقم قياسي")
    articles.add_article(project, text, "numbers")
    [hit] = search.search(project, "أقوى معاهدة")
    words = text.split()
    context_words = hit.context.split()
    assert " ".join(context_words) in " ".join(words)
    assert all(word in words for word in context_words), hit.context
    assert hit.context[hit.context_start:hit.context_end] == "أقوى معاهدة"
    assert len(hit.context) >= 50  # still about forty characters either side
    # a side without a space to stop at is cut where the count ends
    link = "https://example.org/" + "a" * 80
    articles.add_article(project, f"{link} معاهدة {link}", "link")
    [linked] = search.search(project, "معاهدة", limit=10)[-1:]
    assert linked.context.startswith("a") and linked.context.endswith("a")


def test_a_hit_exactly_the_context_size_into_an_article_keeps_its_first_word(project):
    """A hit CONTEXT_CHARS characters into an article has the whole text before it in
    its context, first word and all: the count ends at the text's start, which is no
    cut word (rv286: reading it as one dropped «قال» and passed every test)."""
    before = "قال الوزير في مؤتمر صحفي عقده اليوم، إن "
    assert len(before) == search.CONTEXT_CHARS
    articles.add_article(project, before + "المعاهدة ستوقع غدا في العاصمة.", "edge")
    [hit] = search.search(project, "المعاهدة")
    assert hit.context.startswith(before + "المعاهدة")
    assert hit.context[hit.context_start:hit.context_end] == "المعاهدة"


def test_a_word_is_found_inside_longer_words_as_in_an_editor(project, treaty):
    articles.add_article(project, OTHER, "other")
    hits = search.search(project, "معاهدة")
    assert [(h.article_id == treaty.id, h.start) for h in hits] == [
        (True, TREATY.index("مُعَاهَدَةٌ")), (False, OTHER.index("المعاهدة") + 2)]


def test_case_is_folded_for_latin_text(project):
    article = articles.add_article(project, "Reuters reported; REUTERS confirmed.", "en")
    assert spans(search.search(project, "reuters"), article.text) == ["Reuters", "REUTERS"]


# -- queries -----------------------------------------------------------------------------
def test_all_words_must_appear(project, treaty):
    articles.add_article(project, OTHER, "other")  # has «المعاهدة» but no «يونيو»
    hits = search.search(project, "معاهدة يونيو")
    assert {h.article_id for h in hits} == {treaty.id}
    assert spans(hits, TREATY) == ["مُعَاهَدَةٌ", "يونيو"]


def test_a_quoted_phrase_is_one_term(project, treaty):
    hits = search.search(project, '"أقوى معاهدة"')
    assert spans(hits, TREATY) == ["أقوى مُعَاهَدَةٌ"]
    assert search.search(project, '"معاهدة أقوى"') == []
    assert spans(search.search(project, '"أقوى   معاهدة'), TREATY) == ["أقوى مُعَاهَدَةٌ"]


# -- words, numbers and phrases -----------------------------------------------------------
VISIT = "خلال زيارته الأولى لبيونج يانج منذ 24 عامًا. ووقع كيم وبوتين معاهدة."
YEARS = ("في 2024 قال إن التحالف قائم منذ 71 عامًا، وإن 245 جنديا و24.5 طنا و24,000 "
         "قذيفة أرسلت منذ عامين، لا منذ 24 شهرا أو 24 عاما كاملة.")


def test_a_number_is_found_whole_not_inside_another(project):
    article = articles.add_article(project, YEARS, "years")
    assert spans(search.search(project, "24"), article.text) == ["24", "24"]
    assert [h.start for h in search.search(project, "24")] == [
        YEARS.index("24 شهرا"), YEARS.index("24 عاما")]
    assert spans(search.search(project, "2024"), article.text) == ["2024"]
    assert spans(search.search(project, "24.5"), article.text) == ["24.5"]
    for part in ("2", "20", "202", "24,0", "02"):  # short and long terms alike
        assert search.search(project, part) == [], part


def test_a_number_is_found_whole_not_at_the_end_of_another(project):
    """«5%» found the «5%» of «3.5%» (and of «٣٫٥٪»), «35» that of «0.35%», «000» that
    of «24,000»: a term starting with a digit starts a number, as one ending with a
    digit ends it."""
    text = "النمو 3.5% لا 5% ولا ٣٫٥٪ ولا 0.35% بل 35 من 24,000 و(5%)"
    article = articles.add_article(project, text, "decimals")
    assert [text[h.start:h.end] for h in search.search(project, "5%")] == ["5%", "5%"]
    assert [h.start for h in search.search(project, "5%")] == [
        text.index(" 5%") + 1, text.index("(5%") + 1]
    assert spans(search.search(project, "35"), article.text) == ["35"]
    assert search.search(project, "000") == []
    assert spans(search.search(project, "3.5%"), article.text) == ["3.5%", "٣٫٥٪"]
    # A review of the rule: a year after a dotted day and month, or after another year,
    # is a number of its own (four digits or more), and is found.
    dates = articles.add_article(project, "في 07.10.2023 وفي موسم 2019.2020 وعام 2023م", "d")
    assert spans(search.search(project, "2023"), dates.text) == ["2023", "2023"]
    assert spans(search.search(project, "2020"), dates.text) == ["2020"]


def test_a_quote_or_query_written_decomposed_is_found(project):
    """Texts are stored composed (NFC); a quote or a query copied decomposed (NFD: from
    the very file imported, or «ا» with a combining hamza) found nothing."""
    import unicodedata

    from store.core import appearances

    text = "Elle a dit que la crème brûlée et أكد الوزير ذلك."
    article = articles.add_article(project, text, "nfd")
    for words in ("crème brûlée", "أكد"):
        decomposed = unicodedata.normalize("NFD", words)
        assert decomposed != words
        assert spans(search.search(project, decomposed), article.text) == [words]
        assert appearances.quote_spans(text, decomposed) == [
            (text.index(words), text.index(words) + len(words))]
    tagged = appearances.tag_quote(project, article.id, "ا\u0654كد", "verified")
    assert tagged.quote == "أكد"


def test_words_match_at_word_starts_after_arabic_clitics(project):
    text = ("المعاهدة وبالمعاهدة وللمعاهدة فالمعاهدة كمعاهدة معاهدات "
            "لامعاهدة سمعاهدة Reuters reported")
    article = articles.add_article(project, text, "clitics")
    hits = search.search(project, "معاهدة")
    words = ("المعاهدة", "وبالمعاهدة", "وللمعاهدة", "فالمعاهدة", "كمعاهدة")
    assert [h.end for h in hits] == [text.index(w + " ") + len(w) for w in words]
    assert spans(hits, text) == ["معاهدة"] * 5  # the word as typed, without its clitics
    assert spans(search.search(project, "معاهد"), article.text) == ["معاهد"] * 6
    assert spans(search.search(project, "عاهدة"), article.text) == []
    assert spans(search.search(project, "report"), article.text) == ["report"]
    assert search.search(project, "eport") == []


def test_a_word_with_the_article_is_found_after_the_preposition_lam(project):
    """«الحكومة» did not find «للحكومة»: the preposition ل before the article drops its
    alef. The hit is the word without the preposition, as for any clitic; «لحكومة»
    («a government») and a ل that starts no word are not hits."""
    text = ("قالت الحكومة إن للحكومة حقا، وللحكومة لِلْحُكومة فللحكومة أيضا. "
            "لحكومة أخرى؟ بللحكومة مللحكومة")
    article = articles.add_article(project, text, "lam")
    hits = search.search(project, "الحكومة")
    assert spans(hits, text) == ["الحكومة", "لحكومة", "لحكومة", "لْحُكومة", "لحكومة"]
    assert [h.start for h in hits][1] == text.index("للحكومة") + 1
    assert {h.article_id for h in hits} == {article.id}
    phrase = articles.add_article(project, "وقّع البلدان معاهدة للدفاع المشترك.", "phrase")
    together = search.search(project, '"الدفاع المشترك"')
    assert [(h.article_id, phrase.text[h.start:h.end]) for h in together] == [
        (phrase.id, "لدفاع المشترك")]
    assert search.search(project, "الحكومة", limit=1)[0].start == text.index("الحكومة")


def test_the_issue_query_finds_the_phrase_first_and_never_2024(project):
    """`tahqiq search "منذ 24 عاما"` gave 22 word hits, «2024» and «71 عامًا» among them."""
    years = articles.add_article(project, YEARS, "years")  # indexed first
    visit = articles.add_article(project, VISIT, "visit")
    hits = search.search(project, "منذ 24 عاما")
    assert (hits[0].article_id, hits[0].apart) == (visit.id, False)
    assert VISIT[hits[0].start:hits[0].end] == "منذ 24 عامًا"
    rest = [(h.article_id, h.apart, YEARS[h.start:h.end]) for h in hits[1:]]
    assert rest == [(years.id, True, word) for word in (
        "منذ", "عامًا", "منذ", "منذ", "24", "24", "عاما")]  # ranked below; no «2024»


def test_a_query_searched_again_is_not_compiled_again(project, treaty, monkeypatch):
    """A query searched again (Enter pressed again, a word typed and erased) finds the
    same hits without building its expressions again (a third of a search that finds
    nothing); another query builds its own."""
    from store.text import unfolded_find

    built: list[str] = []
    real_init = unfolded_find.UnfoldedTerm.__init__

    def counted(self, term, **kwargs):
        built.append(term)
        real_init(self, term, **kwargs)

    monkeypatch.setattr(unfolded_find.UnfoldedTerm, "__init__", counted)
    search._tiers.cache_clear()  # as in a new session
    first = search.search(project, "معاهدة الدفاع")
    assert first and built
    built.clear()
    assert search.search(project, "معاهدة الدفاع") == first
    assert built == []
    assert search.search(project, "معاهدة الاطلاق")
    assert built


def test_words_together_rank_above_words_apart(project):
    apart = articles.add_article(project, "عاما بعد عام، ومنذ ذلك الحين مرّ 24 يوما.", "apart")
    together = articles.add_article(project, VISIT, "together")
    texts = {apart.id: apart.text, together.id: together.text}
    hits = search.search(project, "منذ 24 عاما")
    assert [(h.article_id, h.apart, texts[h.article_id][h.start:h.end]) for h in hits] == [
        (together.id, False, "منذ 24 عامًا"),
        (apart.id, True, "عاما"), (apart.id, True, "منذ"), (apart.id, True, "24")]
    hits = search.search(project, "عاما منذ 24")  # no text holds that order
    assert [(h.article_id, texts[h.article_id][h.start:h.end]) for h in hits] == [
        (apart.id, "عاما"), (apart.id, "منذ"), (apart.id, "24"),
        (together.id, "منذ"), (together.id, "24"), (together.id, "عامًا")]


def test_quotes_force_a_phrase(project):
    articles.add_article(project, "عاما بعد عام، ومنذ ذلك الحين مرّ 24 يوما.", "apart")
    together = articles.add_article(project, VISIT, "together")
    hits = search.search(project, '"منذ 24 عاما"')
    assert [(h.article_id, h.apart) for h in hits] == [(together.id, False)]
    assert search.search(project, '"عاما منذ 24"') == []
    mixed = search.search(project, '"منذ 24" كيم')  # a phrase and a word: both, anywhere
    assert spans(mixed, VISIT) == ["منذ 24", "كيم"] and all(h.apart for h in mixed)


def test_a_phrase_is_found_whatever_punctuation_stands_between_its_words(project):
    """A claim copied from another outlet rarely keeps the article's commas: «"النقض في
    مارس"» found nothing in «النقض، في مارس». Spaces, line breaks and punctuation between
    a phrase's words do not count, in the index's narrowing (long words, and short ones
    alone) as in the hits; a mark inside a word or outside the gaps counts as typed."""
    text = ("استخدمت روسيا النقض، في مارس الماضي. Russia vetoed the resolution - in\n"
            "March: «the strongest treaty» ever, they said. نمو 3.5 مليار؛ لا 3 5 مليار، "
            "و20% من الأصوات لا 20، من. It rose to, 24")
    article = articles.add_article(project, text, "punctuation")
    for query, found in [
            ('"النقض في مارس"', ["النقض، في مارس"]),
            ("النقض في مارس", ["النقض، في مارس"]),  # the phrase tier, above words apart
            ('"vetoed the resolution in March"', ["vetoed the resolution - in\nMarch"]),
            ('"the strongest treaty ever"', ["the strongest treaty» ever"]),
            ('"in march"', ["in\nMarch"]),
            ('"to 24"', ["to, 24"]),  # short words alone: narrowed by the trigrams they start
            ('"3.5 مليار"', ["3.5 مليار"]),  # not «3 5 مليار»
            ('"20% من"', ["20% من"])]:  # «%» is no gap: not «20، من»
        hits = search.search(project, query)
        assert spans(hits, text) == found, query
        assert not any(h.apart for h in hits), query
    assert search.search(project, '"روسيا في مارس"') == []  # words between: no phrase
    assert search.search(project, '"النقضفي مارس"') == []
    assert spans(search.search(project, "مارس النقض"), article.text) == [
        "النقض", "مارس"]  # in another order: the words apart


def test_a_phrase_gap_runs_to_five_characters(project):
    """Between two words of a phrase, up to five spaces and marks (the index narrows the
    texts to those holding the words that close: both must agree, to the character),
    also around a short word; a sixth character, or another word, breaks the phrase."""
    gap, longer = "). – ", ").  – "
    texts = {"long words": f"الدفاع{gap}المشترك", "short word": f"النقض{gap}في{gap}مارس",
             "too long": f"الدفاع{longer}المشترك / النقض{gap}في{longer}مارس",
             "a word between": "الدفاع عن المشترك"}
    ids = {articles.add_article(project, text, title).id: title
           for title, text in texts.items()}
    assert [ids[h.article_id] for h in search.search(project, '"الدفاع المشترك"')] == [
        "long words"]
    assert [ids[h.article_id] for h in search.search(project, '"النقض في مارس"')] == [
        "short word"]


@pytest.mark.parametrize("query", ['"', '""', "AND", "OR NOT", "-", "*", "(", "NEAR(a b)",
                                   "'", "^", "body:x", "a\"b", '"الإتفاق" OR', "{x}", "+"])
def test_fts_syntax_in_the_query_is_just_text(project, treaty, query):
    search.search(project, query)  # no FTS5 syntax error, whatever the user types


def test_special_characters_are_searched_literally(project):
    article = articles.add_article(project, 'He said "AND-OR" (NEAR) x*y.', "syntax")
    assert spans(search.search(project, '-OR"'), article.text) == ["-OR"]
    assert spans(search.search(project, "x*y"), article.text) == ["x*y"]
    # Brackets around a word are punctuation a pasted text brings: the word is found
    assert spans(search.search(project, "(NEAR)"), article.text) == ["NEAR"]
    assert spans(search.search(project, "-OR)"), article.text) == ["-OR"]


def test_a_pasted_sentence_is_found_without_its_punctuation(project, treaty):
    """«أقوى معاهدة على الإطلاق.», pasted with its full stop, found nothing: the article
    closes a quotation before it («الإطلاق”.»), and the word «الإطلاق.» was looked for
    as typed. Punctuation that ends or opens a sentence or quotation goes from a term's
    ends (a dash stays: «-3»); a word of punctuation alone goes, unless nothing else is
    typed."""
    for query in ("أقوى معاهدة على الإطلاق.", '"أقوى معاهدة على الإطلاق."',
                  "«أقوى معاهدة على الإطلاق»،", "“أقوى معاهدة” ، على الإطلاق!"):
        hits = search.search(project, query)
        assert spans(hits, TREATY) == ["أقوى مُعَاهَدَةٌ على الإطلاق"], query
        assert not hits[0].apart
    assert search.query_terms("الإطلاق، , ونص") == ["الاطلاق", "ونص"]
    assert search.query_terms("-3 ...") == ["-3"]
    assert search.query_terms("...") == ["..."]  # nothing else typed: looked for as typed
    articles.add_article(project, "قال (هنا) ، ) ثم", "marks")
    for query in (", )", "( )", "(\x1e["):  # found by fuzzing: a phrase of nothing
        search.search(project, query)
    assert [h.context[h.context_start:h.context_end]
            for h in search.search(project, "، )")] == ["، )"]
    # A quoted phrase of punctuation and spaces is no phrase of spaces (every space a hit)
    assert [h.context[h.context_start:h.context_end]
            for h in search.search(project, '"، )"')] == ["، )"]
    assert search.query_terms('"( هنا )"') == ["هنا"]


def test_terms_shorter_than_a_trigram_still_work(project, treaty):
    assert spans(search.search(project, "19"), TREATY) == ["١٩"]
    assert spans(search.search(project, "ما"), TREATY) == ["ما"]


def test_short_terms_are_found_at_the_very_end_of_a_text(project):
    """One- and two-letter terms go through the trigrams they start; the last
    letters of a text start one too."""
    article = articles.add_article(project, "سطر أول\nآخر كلمتين: qz y", "end")
    appearances.create_claim(project, article.id, 0, 3, "disputed", note="x")
    end = len(article.text)
    assert spans(search.search(project, "qz")) == [("article", end - 4, end - 2)]
    assert spans(search.search(project, "y")) == [("article", end - 1, end)]
    assert [h.kind for h in search.search(project, "x")] == ["note"]
    assert search.search(project, "z") == []  # not at the start of a word
    assert search.search(project, "zq") == search.search(project, "qq z") == []


def test_common_short_terms_fall_back_to_a_scan(project, treaty, monkeypatch):
    monkeypatch.setattr(search, "_MAX_SHORT_GRAMS", 1)
    assert spans(search.search(project, "ما"), TREATY) == ["ما"]
    assert spans(search.search(project, "19"), TREATY) == ["١٩"]


def test_a_read_only_connection_can_search_short_terms(project, treaty):
    project.close()
    conn = sqlite3.connect(f"{project.path.resolve().as_uri()}?mode=ro", uri=True)
    reader = Project(conn, project.path, "reader", read_only=True)
    try:
        assert spans(search.search(reader, "19"), TREATY) == ["١٩"]
        assert spans(search.search(reader, "الاتفاق"), TREATY) == ["الإتفاق"]
    finally:
        reader.close()


def test_blank_queries_find_nothing(project, treaty):
    assert search.search(project, "") == search.search(project, "  \u064e ") == []
    assert search.query_terms(" \t") == []


def test_limit_caps_hits_and_iteration_is_lazy(project):
    for i in range(5):
        articles.add_article(project, f"معاهدة رقم {i} ثم معاهدة أخرى", f"a{i}")
    assert len(search.search(project, "معاهدة")) == 10
    assert len(search.search(project, "معاهدة", limit=3)) == 3
    # `tahqiq search --limit 99999999999999999999`: every hit, not islice's ValueError
    assert len(search.search(project, "معاهدة", limit=10**20)) == 10
    hits = search.iter_hits(project, "معاهدة")
    first = next(hits)
    articles.add_article(project, "معاهدة جديدة", "late")  # writing while paging is fine
    assert first.article_title == "a0" and len(list(hits)) == 9


def test_paging_crosses_many_candidates(project, monkeypatch):
    monkeypatch.setattr(search, "_PAGE", 2)
    ids = [articles.add_article(project, f"نص {i} عن الاتفاق", f"a{i}").id for i in range(7)]
    assert [h.article_id for h in search.search(project, "الإتفاق")] == ids


# -- claims ------------------------------------------------------------------------------
def test_a_hit_can_be_tagged_directly(project, treaty):
    hit = search.search(project, "الاتفاق")[0]
    claim = appearances.create_claim(project, hit.article_id, hit.start, hit.end, "disputed")
    assert claim.quote == "الإتفاق" == TREATY[hit.start:hit.end]


def test_quotes_and_notes_are_found_and_kept_in_step(project, treaty):
    start = TREATY.index("الإتفاق")
    claim = appearances.create_claim(project, treaty.id, start, start + 7, "disputed",
                                note="راجع نص المعاهدة الأصلي")
    hits = search.search(project, "الاتفاق")
    assert spans(hits) == [("quote", start, start + 7)]
    assert hits[0].claim_id == claim.id
    note_hits = search.search(project, "الاصلي")
    at = claim.note.index("الأصلي")
    assert [(h.kind, h.claim_id, h.start, h.end) for h in note_hits] == [
        ("note", claim.id, at, at + 6)]
    assert note_hits[0].context == "راجع نص المعاهدة الأصلي"

    claims.update_claim(project, claim.id, note="ملاحظة جديدة")
    assert search.search(project, "الاصلي") == []
    assert [h.kind for h in search.search(project, "جديده")] == ["note"]
    claims.update_claim(project, claim.id, label="verified")
    assert_index_in_step(project)

    claims.delete_claim(project, claim.id)  # a tombstone is not searchable
    assert [(h.kind, h.claim_id) for h in search.search(project, "الاتفاق")] == [
        ("article", None)]
    assert search.search(project, "جديده") == []
    claims.restore_claim(project, claim.id)
    assert [(h.kind, h.claim_id) for h in search.search(project, "الاتفاق")] == [
        ("quote", claim.id)]
    assert_index_in_step(project)


def test_new_article_text_replaces_the_old_in_the_index(project, treaty):
    start = TREATY.index("الإتفاق")
    appearances.create_claim(project, treaty.id, start, start + 7, "disputed")
    new_text = "مقدمة جديدة. " + TREATY.replace("ونص", "وجاء")
    retext.set_article_text(project, treaty.id, new_text)
    assert search.search(project, "ونص") == []
    hit = search.search(project, "مقدمه")[0]
    assert (hit.start, hit.end) == (0, 5)
    quote = [h for h in search.search(project, "الاتفاق") if h.kind == "quote"][0]
    moved = new_text.index("الإتفاق")  # the claim was re-anchored there
    assert moved != start and (quote.start, quote.end) == (moved, moved + 7)
    assert_index_in_step(project)


def test_a_rolled_back_write_leaves_no_index_entry(project, treaty):
    before = index_rows(project)
    with pytest.raises(RuntimeError), project.transaction():
        articles.add_article(project, "نص لن يبقى أبدا", "gone")
        raise RuntimeError
    assert index_rows(project) == before
    assert search.search(project, "يبقى") == []


def test_merge_and_csv_writers_keep_the_index_in_step(project, tmp_path, treaty):
    from store.exchange import exporting, merge

    other = Project.open(tmp_path / "colleague.tahqiq", "Huda")
    article = importing.import_file(other, ROOT / "seeds" / "putin-kim-treaty.txt").article
    appearances.tag_quote(other, article.id, SAMPLE_QUOTE, "disputed", note="ملاحظة هدى")
    csv_path = tmp_path / "claims.csv"
    exporting.export_file(other, "csv", csv_path)
    other.close()
    merge.merge_file(project, tmp_path / "colleague.tahqiq")
    assert {h.kind for h in search.search(project, SAMPLE_QUOTE)} == {"article", "quote"}
    assert [h.kind for h in search.search(project, "هدى")] == ["note"]
    merge.merge_file(project, csv_path)
    assert_index_in_step(project)


def test_insert_or_replace_does_not_leave_stale_entries(project, treaty):
    articles.add_article(project, OTHER, "other")  # the replaced row is not the last
    row = next(project.db.query("SELECT * FROM articles WHERE id = ?", [treaty.id]))
    row["text"] = "نص بديل تماما"
    with project.transaction():
        project.db.execute(f"INSERT OR REPLACE INTO articles ({', '.join(row)}) "
                           f"VALUES ({', '.join('?' * len(row))})", list(row.values()))
    assert search.search(project, "الاتفاق") == []
    assert [h.article_id for h in search.search(project, "بديل")] == [treaty.id]
    assert_index_in_step(project)


# -- quotes, found through their article ------------------------------------------------
def test_a_hit_inside_claims_carries_the_shortest_claims_id(project, treaty):
    at = TREATY.index("الإتفاق")
    short = appearances.create_claim(project, treaty.id, at, at + 7, "disputed")
    until = TREATY.index("المشترك") + len("المشترك")
    long = appearances.create_claim(project, treaty.id, at, until, "verified")
    hits = search.search(project, "الاتفاق المشترك")  # in the text, but not together
    assert [(h.kind, h.claim_id, h.apart) for h in hits] == [
        ("quote", short.id, True), ("quote", long.id, True)]
    assert spans(hits, TREATY) == ["الإتفاق", "المشترك"]
    hit = search.search(project, "معاهدة")[0]
    assert (hit.kind, hit.claim_id) == ("article", None)


def test_among_equal_claims_the_first_made_holds_the_hit_on_every_copy(project, treaty):
    """Two claims on the same words: the hit is the first made's, whatever order the rows
    were written in - a colleague's copy, whose rows a merge wrote in another order, showed
    the other claim for the same hit (chosen by rowid; .ci/run's merge convergence)."""
    at = TREATY.index("الإتفاق")
    first = appearances.create_claim(project, treaty.id, at, at + 7, "disputed")
    project.annotator = "sara"
    later = appearances.create_claim(project, treaty.id, at, at + 7, "verified")
    assert first.id != later.id
    with project.transaction():  # the first made now written last, as a merge may write it
        project.conn.execute("UPDATE appearances SET rowid = (SELECT max(rowid) + 1 FROM "
                             "appearances) WHERE claim_id = ?", [first.id])
    [hit] = search.search(project, "الاتفاق")
    assert (hit.kind, hit.claim_id) == ("quote", first.id)


def test_a_claim_leaving_out_the_last_harakat_still_holds_the_hit(project, treaty):
    """A hit ending on a letter takes the harakat after it along; a claim that stops
    before them still holds the hit."""
    word = "مُعَاهَدَةٌ"
    at = TREATY.index(word)
    claim = appearances.create_claim(project, treaty.id, at, at + len(word) - 1, "disputed")
    hits = search.search(project, "معاهده")
    assert [(h.kind, h.claim_id, h.start, h.end) for h in hits] == [
        ("quote", claim.id, at, at + len(word))]
    assert hits[0].context[hits[0].context_start:hits[0].context_end] == word


def test_every_limit_gives_the_first_hits_each_with_its_own_claim(project, monkeypatch):
    """Texts are read a page at a time, pages sized by the hits seen so far, and the
    claims around the hits of a whole page are read at once: hits in different
    articles of one page keep their own claims, a claim around the second hit of an
    article but not the first still holds it, a deleted claim holds none, and every
    limit gives the first hits of the whole list."""
    monkeypatch.setattr(search, "_FIRST_PAGE", 2)
    monkeypatch.setattr(search, "_PAGE", 3)
    word = "مُعَاهَدَة"  # harakat: the hits are mapped back to the original
    texts = [f"{i}: " + " و".join([word] * (i % 3 + 1)) for i in range(8)]
    ids = [articles.add_article(project, text, f"a{i}").id for i, text in enumerate(texts)]
    held = {}
    for i in (1, 2, 5):
        at = texts[i].rindex(word)
        held[(ids[i], at)] = appearances.create_claim(project, ids[i], at, at + len(word),
                                                      "disputed").id
    around_both = appearances.create_claim(project, ids[4], 3, len(texts[4]), "verified")
    gone = appearances.create_claim(project, ids[6], 3, 3 + len(word), "disputed")
    claims.delete_claim(project, gone.id)
    everything = list(search.iter_hits(project, "معاهده"))
    assert [(h.article_id, h.start) for h in everything] == [
        (article_id, at) for article_id, text in zip(ids, texts, strict=True)
        for at in range(len(text)) if text.startswith(word, at)]
    assert [h.claim_id for h in everything] == [
        around_both.id if h.article_id == ids[4] else held.get((h.article_id, h.start))
        for h in everything]
    assert all(h.kind == ("quote" if h.claim_id else "article") for h in everything)
    for limit in range(len(everything) + 2):
        assert search.search(project, "معاهده", limit=limit) == everything[:limit]


def test_a_number_of_hits_steps_rows_a_few_at_a_time_and_few_beyond(project, monkeypatch):
    """For a number of hits, the candidate rows are stepped a few at a time (SQLite's
    work kept together, not stepped between the reading of texts), as many as the hits
    still wanted need judged by the texts read so far: every limit gives the first hits
    of the whole list, and few rows are stepped that give none of them."""
    monkeypatch.setattr(search, "_FIRST_PAGE", 2)
    monkeypatch.setattr(search, "_ROWS_AT_ONCE", 3)
    counts = [1, 4, 1, 1, 2, 5, 1, 3, 1, 1, 2]  # hits in each article
    for i, count in enumerate(counts):
        articles.add_article(project, f"{i}: " + " و".join(["معاهدة"] * count), f"a{i}")
    everything = list(search.iter_hits(project, "معاهده"))
    assert len(everything) == sum(counts)
    stepped: list[int] = []
    candidates = search._candidates

    class Rows:
        def __init__(self, cursor):
            self._cursor = cursor

        def fetchmany(self, size):
            rows = self._cursor.fetchmany(size)
            stepped.append(len(rows))
            return rows

    class Conn:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, params=()):
            cursor = self._conn.execute(sql, params)
            return Rows(cursor) if "search_index MATCH" in sql else cursor

    monkeypatch.setattr(search, "_candidates",
                        lambda conn, *args: candidates(Conn(conn), *args))
    for limit in range(1, len(everything) + 2):
        stepped.clear()
        assert search.search(project, "معاهده", limit=limit) == everything[:limit]
        needed = next((n for n in range(len(counts) + 1) if sum(counts[:n]) >= limit),
                      len(counts))
        assert len(stepped) > 1 or needed <= 2  # a few at a time
        assert needed <= sum(stepped) <= needed + 3  # at most a batch beyond


def test_claims_are_asked_for_the_hits_taken_a_few_at_a_time(project, monkeypatch):
    """A text may hold thousands of hits of a common word: the claims around them are
    read for _CLAIMS_AT_ONCE hits at a time, as hits are taken, each hit keeping its own
    claim across those pieces."""
    monkeypatch.setattr(search, "_CLAIMS_AT_ONCE", 4)
    text = " ".join(["معاهدة"] * 30)
    article = articles.add_article(project, text, "many")
    held = {at: appearances.create_claim(project, article.id, at, at + 6, "disputed").id
            for at in (0, 7 * 5, 7 * 29)}
    asked = []
    project.conn.set_trace_callback(
        lambda sql: asked.append(sql) if sql.startswith("WITH hit") else None)
    try:
        hits = search.search(project, "معاهده", limit=6)
        assert len(asked) == 2  # hits 1-4, then 5-6: none asked for the 24 not taken
        everything = list(search.iter_hits(project, "معاهده"))
    finally:
        project.conn.set_trace_callback(None)
    assert hits == everything[:6] and len(everything) == 30
    assert [h.claim_id for h in everything] == [held.get(h.start) for h in everything]


def test_a_hit_looks_only_at_the_places_long_enough_to_hold_it(project):
    """Each hit reads the places starting within the article's longest place before it,
    not every place before it (an article of 50,000 places took 0.4 s to search): the
    plan bounds the index range on both sides, and a long place far back still holds."""
    text = " ".join(["كلمة"] * 400 + ["معاهدة"] + ["كلمة"] * 10)
    article = articles.add_article(project, text, "long")
    hit = text.index("معاهدة")
    around = appearances.create_claim(project, article.id, 0, hit + 6, "disputed")
    for at in range(0, hit - 10, 25):  # short places before the hit, none holding it
        appearances.create_claim(project, article.id, at, at + 4, "verified")
    asked: list[str] = []
    project.conn.set_trace_callback(
        lambda sql: asked.append(sql) if sql.startswith("WITH hit") else None)
    try:
        hits = search.search(project, "معاهده")
    finally:
        project.conn.set_trace_callback(None)
    assert [(h.start, h.claim_id) for h in hits] == [(hit, around.id)]
    plan = " ".join(row[3] for row in project.conn.execute("EXPLAIN QUERY PLAN " + asked[0]))
    assert "appearances_live (article_id=? AND start>? AND start<?)" in plan


def test_the_longest_place_is_read_as_one_entry_not_an_aggregate(project, treaty):
    """The article's longest place, which bounds the places a hit's claim is looked for
    in, is the first entry of its in the index by length, read as such: as max() it
    read the same entry, with an aggregate set up and finished for every hit (a fifth
    of the look-up's time)."""
    at = TREATY.index("الإتفاق")
    claim = appearances.create_claim(project, treaty.id, at, at + 7, "disputed")
    asked: list[str] = []
    project.conn.set_trace_callback(
        lambda sql: asked.append(sql) if sql.startswith("WITH hit") else None)
    try:
        [hit] = search.search(project, "الاتفاق")
    finally:
        project.conn.set_trace_callback(None)
    assert hit.claim_id == claim.id
    program = [row[1] for row in project.conn.execute("EXPLAIN " + asked[0])]
    assert "SeekLE" in program and "AggStep" not in program
    plan = " ".join(row[3] for row in project.conn.execute("EXPLAIN QUERY PLAN " + asked[0]))
    assert "appearances_live_length (article_id=?)" in plan and "TEMP B-TREE" not in plan


def test_a_hit_in_places_of_the_same_length_belongs_to_the_first_written(project):
    """Claims as long as each other around a hit: it carries the one written first (by
    rowid), not the one the index of places gives first (by start: here the first
    written starts last)."""
    text = "قال إن المعاهدة أقوى معاهدة على الإطلاق."
    article = articles.add_article(project, text, "same")
    hit = text.index("معاهدة على")
    written = [appearances.create_claim(project, article.id, at, at + 12, "verified").id
               for at in (hit, hit - 2, hit - 3, hit - 4)]
    found = [h for h in search.search(project, "معاهده") if h.start == hit]
    assert [h.claim_id for h in found] == [written[0]]


def test_a_searched_project_keeps_more_pages_in_memory(project, treaty, tmp_path):
    """A search reads more pages than SQLite's default 2 MiB cache holds (a search of
    the benchmark's corpus read them all from the file again, each time): a project
    that was searched keeps SEARCH_CACHE_KIB of them, and never less than it had."""
    def cache_kib(of: Project) -> int:
        size = of.conn.execute("PRAGMA cache_size").fetchone()[0]
        return -size if size < 0 else size * 4

    before = cache_kib(project)
    search.search(project, "معاهده")
    assert cache_kib(project) == max(before, search.SEARCH_CACHE_KIB)
    project.keep_pages(search.SEARCH_CACHE_KIB * 2)
    search.search(project, "معاهده")
    assert cache_kib(project) == search.SEARCH_CACHE_KIB * 2
    # a cache made bigger before any search (or by a build of SQLite), in KiB or pages
    for size, kib in (("-20000", 20000), ("5000", 20000)):
        with Project.open(tmp_path / f"big-cache{size}.tahqiq", "tester") as other:
            other.conn.execute(f"PRAGMA cache_size = {size}")
            search.search(other, "معاهده")
            assert cache_kib(other) == kib


# -- notes waiting to be indexed ---------------------------------------------------------
def pending_ids(project) -> set[str]:
    return {row[0] for row in project.db.execute("SELECT claim_id FROM search_pending")}


def test_notes_are_queued_and_indexed_by_the_next_search(project, treaty):
    made = [appearances.create_claim(project, treaty.id, i, i + 3, "disputed", note=f"ملاحظة {i}")
            for i in range(0, 12, 4)]
    bare = appearances.create_claim(project, treaty.id, 20, 23, "verified")
    assert pending_ids(project) == {c.id for c in made}  # nothing to index for `bare`
    assert {h.claim_id for h in search.search(project, "ملاحظه")} == {c.id for c in made}
    assert search.pending(project) == 0 and bare.id not in {r[1] for r in index_rows(project)}
    assert_index_in_step(project)


def test_catch_up_takes_a_limit_and_reports_what_it_did(project, treaty, monkeypatch):
    monkeypatch.setattr(search, "CATCH_UP_BATCH", 2)
    for i in range(5):
        appearances.create_claim(project, treaty.id, i, i + 3, "disputed", note=f"ملاحظة {i}")
    assert search.catch_up(project, limit=3) == 3
    assert search.pending(project) == 2
    assert search.catch_up(project) == 2
    assert search.catch_up(project) == 0
    assert_index_in_step(project)


def test_a_note_changed_or_deleted_before_catching_up_is_indexed_as_it_is_now(project, treaty):
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="قديمة")
    search.catch_up(project)
    claims.update_claim(project, claim.id, note="جديدة")
    assert [r[0] for r in index_rows(project)] == ["article"]  # the old note is gone at once
    gone = appearances.create_claim(project, treaty.id, 4, 7, "disputed", note="عابرة")
    claims.delete_claim(project, gone.id)
    assert pending_ids(project) == {claim.id, gone.id}
    assert search.search(project, "قديمه") == []
    assert [h.claim_id for h in search.search(project, "جديده")] == [claim.id]
    assert search.search(project, "عابره") == []
    claims.restore_claim(project, gone.id)
    assert [h.claim_id for h in search.search(project, "عابره")] == [gone.id]
    with project.transaction():  # purged for good, its appearance first
        project.db.execute("DELETE FROM appearances WHERE claim_id = ?", [gone.id])
        project.db.execute("DELETE FROM claims WHERE id = ?", [gone.id])
    assert search.search(project, "عابره") == [] and gone.id not in pending_ids(project)
    assert_index_in_step(project)


@pytest.mark.parametrize("indexed", ["before", "after"])
def test_a_notes_hit_shows_an_article_its_claim_is_still_in(project, treaty, indexed):
    """A claim in two articles, its words untagged in the first (indexed before or
    after that): its note's hit opens the second; and still does once the first
    article is deleted (a colleague's merged deletion)."""
    other = articles.add_article(project, "وفي بيان آخر قال الوزير كلامًا", "other")
    first = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="زنجبار")
    appearances.add(project, first.claim_id, other.id, 0, 3)
    if indexed == "before":
        search.catch_up(project)
    appearances.delete(project, first.id)
    assert [(h.kind, h.article_id) for h in search.search(project, "زنجبار")] == [
        ("note", other.id)]
    appearances.restore(project, first.id)
    with project.transaction():
        project.db.execute("UPDATE articles SET deleted = 'now' WHERE id = ?", [treaty.id])
    assert [(h.kind, h.article_id) for h in search.search(project, "زنجبار")] == [
        ("note", other.id)]


def test_a_note_indexed_by_another_connection_during_a_search_is_still_found(
        project, treaty, monkeypatch):
    """The window indexes waiting notes on a connection of its own: a search that could
    not (it held the lock) reads them itself, and finds them even when the other
    connection indexes them meanwhile, between pages or between two of its queries."""
    place = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="زنجبار")
    other = Project.open(project.path, "bob")
    other.conn.execute("BEGIN IMMEDIATE")
    waiting = search._waiting

    def then_indexed_by_the_other(conn):
        found = waiting(conn)
        other.conn.rollback()
        search.catch_up(other)
        return found

    monkeypatch.setattr(search, "_waiting", then_indexed_by_the_other)
    try:
        assert [h.claim_id for h in search.search(project, "زنجبار")] == [place.claim_id]
    finally:
        other.close()


def test_paging_gives_a_text_rewritten_meanwhile_once(project):
    ids = [articles.add_article(project, f"مقال رقم {n} عن زنجبار والبحر", f"t{n}").id
           for n in range(40)]
    hits = search.iter_hits(project, "زنجبار")
    first = next(hits)
    with Project.open(project.path, "bob") as other:
        retext.set_article_text(other, first.article_id, "سطر جديد. مقال عن زنجبار والبحر")
    given = [first.article_id, *(hit.article_id for hit in hits)]
    assert sorted(given) == sorted(ids)


def test_a_read_only_project_finds_notes_still_waiting(project, treaty):
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="ملاحظة معلقة")
    project.close()  # nobody searched: the note still waits
    conn = sqlite3.connect(f"{project.path.resolve().as_uri()}?mode=ro", uri=True)
    reader = Project(conn, project.path, "reader", read_only=True)
    try:
        assert pending_ids(reader) == {claim.id}
        hits = search.search(reader, "معلقه")
        assert [(h.kind, h.claim_id) for h in hits] == [("note", claim.id)]
        assert search.catch_up(reader) == 0 and pending_ids(reader) == {claim.id}
    finally:
        reader.close()


@pytest.mark.parametrize("index", ["appearances_live_length", "claims_live"])
def test_an_index_another_program_dropped_is_made_again_when_the_project_opens(
        project, treaty, index):
    """Search and the article's places name these indexes (INDEXED BY): without them
    they failed with SQLite's "no such index"."""
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed")
    project.close()
    other = sqlite3.connect(project.path)
    other.execute(f"DROP INDEX {index}")
    other.commit()
    other.close()
    with Project.open(project.path, "tester") as reopened:
        assert [(h.kind, h.claim_id) for h in search.search(reopened, "وقع")] == [
            ("quote", claim.id)]
        assert appearances.count_live(reopened, treaty.id) == 1
        assert schema.missing_indexes(reopened.conn, schema.SCHEMA_VERSION) == []


def drop_index_elsewhere(path: Path, index: str) -> None:
    other = sqlite3.connect(path)
    other.execute(f"DROP INDEX {index}")
    other.commit()
    other.close()


@pytest.mark.parametrize("index", list(schema.INDEXES))
def test_an_index_another_program_drops_while_the_project_is_open_is_made_again(
        project, treaty, index):
    """Dropped while the window had the project open, an index named by INDEXED BY made
    the window's reads and search fail with SQLite's "no such index" until the project
    was opened again: the statement naming it makes it again and runs."""
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="ملاحظة")
    assert appearances.list_places(project, treaty.id)  # the window shows the article
    drop_index_elsewhere(project.path, index)

    assert [p.id for p in appearances.list_places(project, treaty.id)] == [claim.id]
    assert appearances.count_live(project, treaty.id) == 1
    assert [(h.kind, h.claim_id) for h in search.search(project, "وقع")] == [
        ("quote", claim.claim_id)]
    tagged = appearances.create_claim(project, treaty.id, 4, 12, "verified")
    claims.update_claim(project, claim.claim_id, label="verified")
    assert {p.id for p in appearances.list_places(project, treaty.id)} == {claim.id, tagged.id}
    assert [h.claim_id for h in search.search(project, "ملاحظه")] == [claim.claim_id]
    # Made again by the first statement naming it; one no statement names only makes
    # reading slower until the project is opened again.
    named = index in ("claims_live", "appearances_live_length")
    assert (index in schema.missing_indexes(project.conn, schema.SCHEMA_VERSION)) != named


def test_a_dropped_index_is_made_again_in_the_middle_of_a_search(project, treaty):
    """The hits are read a page at a time; the index goes between two pages."""
    for i in range(40):
        appearances.create_claim(project, articles.add_article(
            project, f"{TREATY} {i}", f"t{i}").id, 0, 3, "disputed")
    everything = list(search.iter_hits(project, "وقع"))
    assert len({h.claim_id for h in everything}) == 41  # (the treaty's words are no claim's)
    hits = search.iter_hits(project, "وقع")
    first = next(hits)
    drop_index_elsewhere(project.path, "claims_live")
    assert [first, *hits] == everything
    assert schema.missing_indexes(project.conn, schema.SCHEMA_VERSION) == []


def test_an_index_dropped_from_a_read_only_project_while_open_is_told_in_one_line(
        project, treaty, monkeypatch):
    appearances.create_claim(project, treaty.id, 0, 3, "disputed")
    project.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda target, mode, *a, **k: False if (
        Path(target) == project.path and mode & os.W_OK) else real_access(target, mode, *a, **k))
    with Project.open(project.path, "reader") as reader:
        assert reader.read_only
        drop_index_elsewhere(project.path, "claims_live")
        for read in (lambda: appearances.list_places(reader, treaty.id),
                     lambda: search.search(reader, "وقع")):
            with pytest.raises(IndexMissing) as told:
                read()
            assert str(told.value) == (
                "test.tahqiq lacks its index claims_live (removed by another program?) and "
                "is read-only, so it cannot be repaired; copy it somewhere writable.")


def test_an_index_dropped_while_another_program_holds_the_file_is_told_in_one_line(
        project, treaty):
    appearances.create_claim(project, treaty.id, 0, 3, "disputed")
    drop_index_elsewhere(project.path, "claims_live")
    other = sqlite3.connect(project.path)
    other.execute("BEGIN IMMEDIATE")  # and then holds the write lock
    project.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(IndexMissing) as told:
            appearances.list_places(project, treaty.id)
        assert str(told.value) == (
            "test.tahqiq lacks its index claims_live (removed by another program?), and "
            "another program kept the file busy, so it could not be made again; try again "
            "once it is done.")
    finally:
        other.rollback()
        other.close()
    assert appearances.count_live(project, treaty.id) == 1  # free again: made again


def test_a_read_only_project_missing_an_index_is_refused_with_its_name(
        project, treaty, monkeypatch):
    project.close()
    other = sqlite3.connect(project.path)
    other.execute("DROP INDEX claims_live")
    other.commit()
    other.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda target, mode, *a, **k: False if (
        Path(target) == project.path and mode & os.W_OK) else real_access(target, mode, *a, **k))
    with pytest.raises(ProjectReadOnly) as refused:
        Project.open(project.path, "tester")
    assert str(refused.value) == ("test.tahqiq lacks its index claims_live (removed by "
                                  "another program?) and is read-only, so it cannot be "
                                  "repaired; copy it somewhere writable.")


def test_a_search_never_waits_for_another_writer(project, treaty):
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="ملاحظة معلقة")
    other = sqlite3.connect(project.path)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        hits = search.search(project, "معلقه")
        assert [(h.kind, h.claim_id) for h in hits] == [("note", claim.id)]
        assert search.pending(project) == 1
        assert project.db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    finally:
        other.rollback()
        other.close()
    assert search.search(project, "معلقه")[0].claim_id == claim.id
    assert search.pending(project) == 0


def test_other_programs_can_write_claims_and_their_notes_are_indexed(project, treaty):
    """Claims triggers call no Python function: a write from sqlite3 is queued, an
    INSERT OR REPLACE without recursive triggers included."""
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="ملاحظة اولى")
    search.catch_up(project)
    project.close()
    conn = sqlite3.connect(project.path)
    try:
        conn.execute("PRAGMA recursive_triggers = OFF")
        row = conn.execute("SELECT * FROM claims WHERE id = ?", [claim.id]).fetchone()
        names = [d[0] for d in conn.execute("SELECT * FROM claims").description]
        changed = dict(zip(names, row, strict=True), note="ملاحظة ثانية")
        conn.execute(f"INSERT OR REPLACE INTO claims ({', '.join(map(repr, changed))}) "
                     f"VALUES ({', '.join('?' * len(changed))})", list(changed.values()))
        conn.commit()
    finally:
        conn.close()
    with Project.open(project.path, "tester") as again:
        assert search.search(again, "اولي") == []
        assert [h.claim_id for h in search.search(again, "ثانيه")] == [claim.id]
        assert_index_in_step(again)


# A word past the NUL; a term holding it, of pieces too short for trigrams (read by a scan).
@pytest.mark.parametrize("query", ["زنجبار", "ثم\0ز"])
def test_a_note_another_program_wrote_with_a_nul_is_searched_past_it(project, treaty, query):
    """FTS5 reads what it indexes only up to a NUL: a note holding one was found past it
    while it waited to be indexed, and no longer once it was."""
    claim = appearances.create_claim(project, treaty.id, 0, 3, "disputed", note="ملاحظة")
    project.close()
    note = "ملاحظة ثم\0زنجبار ثانية"
    conn = sqlite3.connect(project.path)
    conn.execute("UPDATE claims SET note = ? WHERE id = ?", [note, claim.claim_id])
    conn.commit()
    conn.close()
    with Project.open(project.path, "tester") as again:
        search.catch_up(again)
        hits = search.search(again, query)
        assert [(h.kind, h.claim_id) for h in hits] == [("note", claim.claim_id)]
        found = note.index(query)
        assert (hits[0].start, hits[0].end) == (found, found + len(query))
        assert hits[0].context == note


# -- the schema ------------------------------------------------------------------------------
def old_claim(project: Project, article_id: str, start: int, end: int, label: str, note: str,
              *, deleted: bool = False) -> str:
    """A claim as schemas 1 to 3 stored it, span and verdict in one row (today's store
    writes schema 4's claims and appearances)."""
    claim_id = str(uuid.uuid4())
    when = "2024-06-19T10:00:00.000000Z"
    text = articles.get_article(project, article_id).text
    with project.transaction():
        project.execute(
            'INSERT INTO claims (id, article_id, start, "end", quote, label, note, annotator, '
            "created, updated, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 'tester', ?, ?, ?)",
            [claim_id, article_id, start, end, text[start:end], label, note, when, when,
             when if deleted else None])
    return claim_id



def test_a_v1_project_is_backed_up_migrated_and_searchable(tmp_path, monkeypatch):
    path = tmp_path / "old.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        m.setattr(schema, "SCHEMA_VERSION", 1)
        old = Project.open(path, "tester")
        assert old.schema_version == 1
        article = articles.add_article(old, TREATY, "treaty")
        start = TREATY.index("الإتفاق")
        kept = old_claim(old, article.id, start, start + 7, "disputed", "ملاحظة قديمة")
        old_claim(old, article.id, 0, 3, "verified", "محذوفة", deleted=True)
        old.close()
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        backup = tmp_path / "old.tahqiq.schema1.bak"
        assert backup.exists()
        with sqlite3.connect(backup) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert spans(search.search(project, "الاتفاق")) == [("quote", start, start + 7)]
        assert [h.claim_id for h in search.search(project, "قديمه")] == [kept]
        assert search.search(project, "محذوفه") == []
        assert_index_in_step(project)


def test_an_older_project_named_near_the_limit_is_upgraded(tmp_path, monkeypatch):
    """Its copy kept before the upgrade, «NAME.tahqiq.schema1.bak», was longer than the
    file system takes: the upgrade was refused as «File name too long» (rv93). The copy's
    name is shortened; the project is upgraded."""
    path = tmp_path / ("ت" * 120 + ".tahqiq")  # 247 bytes
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        m.setattr(schema, "SCHEMA_VERSION", 1)
        Project.open(path, "tester").close()
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        _, backup = project.upgraded
    assert backup.exists() and backup.name.endswith(".tahqiq.schema1.bak")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_v2_project_keeps_its_notes_and_drops_its_quotes(tmp_path, monkeypatch):
    path = tmp_path / "v2.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        m.setattr(schema, "SCHEMA_VERSION", 2)
        old = Project.open(path, "tester")
        article = articles.add_article(old, TREATY, "treaty")
        start = TREATY.index("الإتفاق")
        kept = old_claim(old, article.id, start, start + 7, "disputed", "ملاحظة قديمة")
        old_claim(old, article.id, 0, 3, "verified", "محذوفة", deleted=True)
        assert {row[0] for row in old.db.execute("SELECT kind FROM search_entries")} == {
            "article", "quote", "note"}
        old.close()
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        assert {row[0] for row in project.db.execute("SELECT kind FROM search_entries")} == {
            "article", "note"}
        assert search.pending(project) == 0  # its notes were indexed already
        assert index_rows(project) == expected_rows(project)
        assert spans(search.search(project, "الاتفاق")) == [("quote", start, start + 7)]
        assert [h.claim_id for h in search.search(project, "قديمه")] == [kept]
        assert search.search(project, "محذوفه") == []
        claims.update_claim(project, kept, note="ملاحظة بعد الترقية")
        assert [h.claim_id for h in search.search(project, "الترقيه")] == [kept]
        assert_index_in_step(project)


def test_a_note_indexed_up_to_its_nul_before_schema_10_is_searched_past_it(tmp_path,
                                                                          monkeypatch):
    """Before tahqiq_fold gave a NUL as a line break, FTS5 indexed a note holding one only
    up to it, and the fix left those rows cut off until the note changed: upgrading to
    schema 10 queues them again (and no other note). (Upgraded to schema 10 alone: schema
    14 keeps the note as notes are kept, without its NUL, rv256.)"""
    path = tmp_path / "v9.tahqiq"
    note = "ملاحظة ثم\0زنجبار ثانية"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:9])
        m.setattr(schema, "SCHEMA_VERSION", 9)
        m.setattr(sqlfunctions, "_tahqiq_fold", fold_for_index)  # as it was before the fix
        old = Project.open(path, "tester")
        article = articles.add_article(old, TREATY, "treaty")
        cut = appearances.create_claim(old, article.id, 0, 3, "disputed", note="ملاحظة")
        plain = appearances.create_claim(old, article.id, 4, 12, "verified", note="سليمة")
        with old.transaction():  # as another program writes it
            old.execute("UPDATE claims SET note = ? WHERE id = ?", [note, cut.claim_id])
        search.catch_up(old)
        assert search.search(old, "زنجبار") == []  # the row ends at the NUL
        old.close()
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:10])
        m.setattr(schema, "SCHEMA_VERSION", 10)
        with Project.open(path, "tester") as project:
            assert project.schema_version == 10
            assert {row[0] for row in project.execute("SELECT claim_id FROM search_pending")
                    } == {cut.claim_id}
            hits = search.search(project, "زنجبار")
            assert [(h.kind, h.claim_id) for h in hits] == [("note", cut.claim_id)]
            found = note.index("زنجبار")
            assert (hits[0].start, hits[0].end) == (found, found + len("زنجبار"))
            assert [h.claim_id for h in search.search(project, "سليمه")] == [plain.claim_id]
            assert search.pending(project) == 0


def indexed_by_an_older_schema(path, monkeypatch, version: int, newly: str, text: str,
                               note: str):
    """A project of schema *version* whose texts were indexed by its fold, which kept the
    characters of *newly* as written: an article of *text*, another without them, and a
    claim whose *note* holds some. Returns (the claim, what the other's index row holds)."""
    import re

    def older_fold(value):
        return None if value is None else "".join(
            piece if piece and piece in newly else fold_for_index(piece)
            for piece in re.split(f"([{newly}])", value))

    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
        m.setattr(schema, "SCHEMA_VERSION", version)
        m.setattr(sqlfunctions, "_tahqiq_fold", older_fold)
        old = Project.open(path, "tester")
        article = articles.add_article(old, text, "figures")
        untouched = articles.add_article(old, "نص آخر عن الاتفاق والحدود", "other")
        claim = appearances.create_claim(old, article.id, 0, 3, "disputed", note=note)
        search.catch_up(old)
        old.close()
    return claim, untouched.id, _index_row(path, untouched.id)


def _index_row(path, article_id: str):
    """What the index holds for an article, read without opening (which upgrades)."""
    with contextlib.closing(sqlite3.connect(path)) as raw:
        return raw.execute("SELECT body FROM search_index i JOIN search_entries e "
                           "ON e.id = i.rowid WHERE e.ref_id = ?", [article_id]).fetchone()


def test_schema_11_folds_a_hamzas_seat_and_the_arabic_signs_where_they_were_indexed(
        tmp_path, monkeypatch):
    """مسؤول and مسئول are one word, «٢٠٪» is «20%»: folded since schema 11. A body
    indexed before held them as written, and a search for one spelling found only it:
    upgrading folds those bodies again (articles at once, notes queued), no others."""
    path = tmp_path / "v10.tahqiq"
    text = "قال مسؤول في الوزارة إن الصادرات ارتفعت ٢٠٪ هذا العام، و١٢٫٥ مليون طن"
    claim, untouched, before = indexed_by_an_older_schema(
        path, monkeypatch, 10, "ؤئ٪٫٬", text, "سأل المسئولين عن المصدر")
    with Project.open(path, "tester") as project:
        assert {row[0] for row in project.execute("SELECT claim_id FROM search_pending")
                } == {claim.claim_id}
        for spelling in ("مسؤول", "مسئول"):
            assert {(h.kind, h.claim_id) for h in search.search(project, spelling)} == {
                ("article", None), ("note", claim.claim_id)}, spelling
        for figure in ("20%", "٢٠٪", "12.5", "١٢٫٥"):
            [hit] = search.search(project, figure)
            assert text[hit.start:hit.end] in ("٢٠٪", "١٢٫٥"), figure
        assert_index_in_step(project)
    assert _index_row(path, untouched) == before  # a body without them: as it was


def test_schema_12_folds_typeset_apostrophes_dashes_and_soft_hyphens(tmp_path, monkeypatch):
    """«don't» did not find «don’t», «well-being» not «well‑being», «-3» not «−3», nor
    «الرئيس» a «الرئ­يس» broken by a soft hyphen: folded since schema 12, in the bodies
    indexed before too (folded again on upgrade, no others), and by Ctrl+F's fold."""
    from store.text.fold import find_all

    path = tmp_path / "v11.tahqiq"
    text = ("The minister said it’s a well‑being plan for 2019–2020; rates fell to −3%. "
            "وقال الرئ\u00adيس إن الخطة جاهزة.")
    claim, untouched, before = indexed_by_an_older_schema(
        path, monkeypatch, 11, "\u2018\u2019\u02bc\u2010\u2011\u2012\u2013\u2212\u00ad",
        text, "Don’t cite the minister’s figure")
    with Project.open(path, "tester") as project:
        for typed, found in (("it's", "it’s"), ("well-being", "well‑being"),
                             ("2019-2020", "2019–2020"), ("-3%", "−3%"),
                             ("الرئيس", "الرئ\u00adيس")):
            assert [text[h.start:h.end] for h in search.search(project, typed)] == [found], typed
            assert [text[a:b] for a, b in find_all(text, typed)] == [found], typed
        assert [h.claim_id for h in search.search(project, "don't")] == [claim.claim_id]
        assert_index_in_step(project)
    assert _index_row(path, untouched) == before  # a body without them: as it was


def test_without_the_trigram_tokenizer_search_still_works(tmp_path, monkeypatch):
    """SQLite before 3.34 has no trigram tokenizer: search falls back to a scan."""
    monkeypatch.setattr(schema, "SEARCH_TOKENIZE", "no_such_tokenizer")
    with Project.open(tmp_path / "old-sqlite.tahqiq", "tester") as project:
        assert not search._index_state(project)[1]  # (pending, trigrams)
        article = articles.add_article(project, TREATY, "treaty")
        assert spans(search.search(project, "الاتفاق معاهده"), article.text) == [
            "مُعَاهَدَةٌ", "الإتفاق"]
        lam = articles.add_article(project, "وللاتفاق شروط", "lam")  # the scan asks for both
        assert [lam.text[h.start:h.end] for h in search.search(project, "الاتفاق")
                if h.article_id == lam.id] == ["لاتفاق"]


def test_other_programs_can_read_but_not_write_articles(project, treaty):
    """Documented: without tahqiq_fold a write would leave the index behind, so it fails."""
    project.close()
    conn = sqlite3.connect(project.path)
    try:
        assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="no such function: tahqiq_fold"):
            conn.execute("UPDATE articles SET text = 'x' WHERE id = ?", [treaty.id])
    finally:
        conn.close()


def test_a_note_pasted_decomposed_is_kept_composed_and_found(project, treaty):
    """A note pasted decomposed («communiqué» as e and a combining accent, as macOS copies
    out of a PDF; «الرئاسة» with its hamza apart) was kept so, and project search, which
    composes what is typed, never found it (rv95). Notes are kept composed, as article text
    is; an undo naming the note as it was typed still finds it in place."""
    import unicodedata

    typed = unicodedata.normalize("NFD", "Selon le communiqué. المصدر: بيان الرئاسة")
    place = appearances.create_claim(project, treaty.id, 0, 3, "verified", note=typed)
    assert claims.get_claim(project, place.claim_id).note == unicodedata.normalize("NFC", typed)
    for word in ("communiqué", "الرئاسة", unicodedata.normalize("NFD", "communiqué")):
        assert [h.kind for h in search.search(project, word)] == ["note"], word
    again = unicodedata.normalize("NFD", "Un autre communiqué")
    claims.update_claim(project, place.claim_id, note=again)
    claims.update_claim(project, place.claim_id, note=typed, expect={"note": again})
    assert [h.kind for h in search.search(project, "الرئاسة")] == ["note"]


def test_the_index_folds_exactly_as_search_does():
    every_mapped = "".join(map(chr, _fold_table()))
    for text in (TREATY, every_mapped, "a]b\\c^-d" + every_mapped[::-1], "🇸🇦 Σ ﷺ", ""):
        assert fold_for_index(text) == fold(text).text


@settings(max_examples=300)
@given(st.text())
def test_folding_for_the_index_matches_fold_on_any_text(text):
    assert fold_for_index(text) == fold(text).text


# -- command line ----------------------------------------------------------------------------
def tahqiq(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    assert exe, "the tahqiq console script is not installed"
    return subprocess.run([exe, *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, env=dict(os.environ))


@pytest.fixture
def cli_project(tmp_path):
    path = tmp_path / "cli.tahqiq"
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, TREATY + "\nسطر ثان عن الاتفاق.", "treaty")
    return path, article


def test_cli_prints_one_line_per_hit_with_its_claim(cli_project):
    path, article = cli_project
    second = article.text.index("الاتفاق")
    with Project.open(path, "tester") as project:
        claim = appearances.create_claim(project, article.id, second - 4, second + 7, "disputed")
    result = tahqiq("search", "الاتفاق", "--project", str(path))
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    first = TREATY.index("الإتفاق")
    assert [line[:4] + line[5:] for line in lines] == [
        [article.id, str(first), str(first + 7), "article", ""],
        [article.id, str(second), str(second + 7), "quote", claim.id]]
    assert "\n" not in lines[1][4] and "الدفاع المشترك" in lines[0][4]


def test_cli_limit_shape_and_no_hits(cli_project):
    path, _ = cli_project
    limited = tahqiq("search", "الاتفاق", "--limit", "1", "--project", str(path))
    assert len(limited.stdout.splitlines()) == 1  # and stderr says there are more
    assert limited.stderr == ("tahqiq: note: more hits than --limit 1: a larger --limit "
                              "shows them\n")
    every = tahqiq("search", "الاتفاق", "--limit", "2", "--project", str(path))
    assert (len(every.stdout.splitlines()), every.stderr) == (2, "")
    shaped = tahqiq("search", "2024", "--shape", "always", "--project", str(path))
    plain = tahqiq("search", "2024", "--shape", "never", "--project", str(path))
    context = plain.stdout.rstrip("\n").split("\t")[4]
    assert shaped.stdout.rstrip("\n").split("\t")[4] == display_for_terminal(context)
    none = tahqiq("search", "كلمةغيرموجودة", "--project", str(path))
    assert (none.returncode, none.stdout, none.stderr) == (0, "", "")


@pytest.mark.parametrize("query", ["", "   ", '""'])
def test_cli_blank_query_is_a_usage_error(cli_project, query):
    path, _ = cli_project
    result = tahqiq("search", query, "--project", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("tahqiq: error:")


def test_schema_13_folds_urdu_and_persian_hehs_and_the_hamza_marks(tmp_path, monkeypatch):
    """Web Urdu writes «پہنچ» and «پهنچ», «بھی» and «بهی»; Persian the ezafe «خانهٔ» and
    «خانۀ»: each found only itself. Folded since schema 13, in the bodies indexed before
    too (folded again on upgrade, no others), and by Ctrl+F's fold."""
    from store.text.fold import find_all

    path = tmp_path / "v12.tahqiq"
    text = "وزیر اعظم پہنچ گۓ اور بھی کہا۔ خانۀ ملت و خانهٔ ملت، مدرسۂ عالیہ"
    claim, untouched, before = indexed_by_an_older_schema(
        path, monkeypatch, 12, "\u06c1\u06be\u06c3\u06c0\u06c2\u06d3\u0654\u0655", text,
        "یہ بیان بھی دیکھیں")
    with Project.open(path, "tester") as project:
        for typed, found in (("پهنچ", ["پہنچ"]), ("بهی", ["بھی"]), ("گے", ["گۓ"]),
                             ("خانه ملت", ["خانۀ ملت", "خانهٔ ملت"]),
                             ("مدرسه", ["مدرسۂ"])):
            assert [text[h.start:h.end] for h in search.search(project, typed)
                    if h.kind == "article"] == found, typed
            assert [text[a:b] for a, b in find_all(text, typed)] == found, typed
        assert [h.claim_id for h in search.search(project, "يه بيان")] == [claim.claim_id]
        assert [h.kind for h in search.search(project, "بهي")] == ["article", "note"]
        assert_index_in_step(project)
    assert _index_row(path, untouched) == before  # a body without them: as it was
