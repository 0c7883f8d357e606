"""English articles as they arrive at a desk: copied out of a PDF, with its ligatures."""

from __future__ import annotations

import pytest


def test_latin_ligatures_from_a_pdf_are_written_as_letters_and_found(project):
    """A PDF's copy writes «fi», «fl», «ff»… as one ligature character (ﬁ U+FB01): no
    search, Find, quote or known claim typed «official» found «ofﬁcial», and the quote
    exported carried the ligature into ClaimReview's claimReviewed (rv113). Written as
    its letters on the way in, as a stray Arabic presentation form is, and said."""
    from store.core import appearances, search
    from store.exchange.importing import import_text
    from store.text.clean import clean_text

    outcome = import_text(project, "Headline\nThe ofﬁcial called the ﬁgure ﬂawed; "
                                   "eﬀective, baﬄing, ﬆ.\n", title="t")
    text = outcome.article.text
    assert "The official called the figure flawed; effective, baffling, st." in text
    assert any("ligature" in change for change in outcome.changes)
    assert [h.kind for h in search.search(project, "official")] == ["article"]
    claim = appearances.tag_quote(project, outcome.article.id, "the figure flawed",
                                  label="disputed")
    assert claim.quote == "the figure flawed"
    assert clean_text("no ligature here").changes == []


def test_soft_hyphens_are_taken_out_on_the_way_in_and_said(project):
    """A soft hyphen (U+00AD) is a hint where a word may break: a .txt's or a paste's
    went with the quote into the CSV and ClaimReview and into the CMS it was pasted into,
    invisibly, while a saved page's were dropped (rv113)."""
    from store.core import appearances
    from store.exchange.importing import import_text

    outcome = import_text(project, "The of\u00adfi\u00adcial said the plan is ready.",
                          title="t")
    assert outcome.article.text == "The official said the plan is ready."
    assert "removed 2 soft hyphens (invisible hyphenation points)" in outcome.changes
    claim = appearances.tag_quote(project, outcome.article.id, "official said",
                                  label="disputed")
    assert claim.quote == "official said"


def test_a_quote_typed_with_a_space_finds_words_a_pdfs_line_break_parts(project):
    """A PDF's copy breaks its lines mid-sentence: «40 percent since⏎March». Project
    search found «since March»; Find, Tag All and `tag --quote` said it was not in the
    article (rv113). One break only: a blank line parts paragraphs, not a sentence."""
    from store.core import appearances
    from store.exchange.importing import import_text
    from store.text.fold import find_all

    text = ("Prices have fallen by 40 percent since\nMarch, the ministry said.\n\n"
            "March figures come next.")
    outcome = import_text(project, text, title="t")
    article = outcome.article.text
    assert [article[a:b] for a, b in find_all(article, "40 percent since March")] == [
        "40 percent since\nMarch"]
    assert find_all(article, "said. March") == []
    claim = appearances.tag_quote(project, outcome.article.id, "since March",
                                  label="disputed")
    assert claim.quote == "since\nMarch"


@pytest.mark.parametrize("streamed", [False, True])
def test_a_file_imported_before_ligatures_were_rewritten_is_found_again(
        project, tmp_path, monkeypatch, streamed):
    """A file imported while ligatures and soft hyphens were kept holds them in its
    stored text: imported again, its cleaned text was another fingerprint, and it came in
    as a second, untagged article (rv116). It is found by the text cleaned as then."""
    from store.core import articles
    from store.exchange import importing
    from store.text.clean import clean_text

    raw = "The ofﬁcial ﬁgures were released.\nInfla\u00adtion rose since March.\n"
    path = tmp_path / "copied.txt"
    path.write_text(raw, encoding="utf-8")
    before = articles.add_article(project, clean_text(raw, letters=False).text, "then")
    if streamed:  # (a big file's path: cleaned and fingerprinted a piece at a time)
        monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 16)
    outcome = importing.import_file(project, path)
    assert (outcome.created, outcome.article_id) == (False, before.id)
    assert [a["id"] for a in articles.list_articles(project)] == [before.id]


def test_a_deleted_article_imported_before_ligatures_were_rewritten_comes_back(
        project, tmp_path):
    """Deleted, and its file imported again: a second, untagged article, the deleted one
    left deleted with its words (rv120); brought back, as any deleted article is."""
    from store.core import article_deletion, articles
    from store.exchange import importing
    from store.text.clean import clean_text

    raw = "The ofﬁcial ﬁgures were released.\n"
    path = tmp_path / "copied.txt"
    path.write_text(raw, encoding="utf-8")
    before = articles.add_article(project, clean_text(raw, letters=False).text, "then")
    article_deletion.delete_article(project, before.id)
    outcome = importing.import_file(project, path)
    assert (outcome.created, outcome.article_id) == (True, before.id)
    assert importing.BROUGHT_BACK in outcome.changes


def test_a_long_quote_missing_from_a_double_spaced_text_is_told_at_once():
    """A typed space finds a run of spaces (rv121), each run one way only: a space run
    split two ways between «[ \\t]+» and «[ \\t]*» made a 28-word quote not in a text
    spaced by two (a typo, a «!» copied with it) take 45 s, doubling with each word."""
    import time

    from store.text.fold import find_all

    text = "  ".join(f"w{n}" for n in range(40)) + "\n"
    quote = " ".join(f"w{n}" for n in range(30)) + " typo"
    started = time.perf_counter()
    assert find_all(text, quote) == []
    # (a bound on termination, not a speed target: a milliseconds' search, against
    # 2^30 tries - hours - when it splits runs of spaces)
    assert time.perf_counter() - started < 5
    assert [text[a:b] for a, b in find_all(text, "w1 w2 w3")] == ["w1  w2  w3"]
