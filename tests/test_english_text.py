"""English articles as they arrive at a desk: copied out of a PDF, with its ligatures."""

from __future__ import annotations


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
