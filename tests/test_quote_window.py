"""A tag reads its quote, prefix and suffix as a window of the article's text
(articles.quote_at): the same three strings as slicing the whole text, for any span,
any characters (non-BMP ones, NUL in a damaged file) and any place in the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from store.core import appearances, articles
from store.errors import ArticleNotFound, InvalidSpan
from store.text import anchoring

ALPHABET = st.sampled_from(list("ab قوى\u064e\n") + ["😀", "𝔸", "\x00", "\u200f"])


def _article_with_text(project, text: str) -> str:
    """An article holding exactly *text* (a NUL included, as a damaged file may)."""
    article = articles.add_article(project, "placeholder text", "t")
    project.execute("UPDATE articles SET text = ? WHERE id = ?", [text, article.id])
    return article.id


@hsettings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(ALPHABET, min_size=1, max_size=120), data=st.data())
def test_the_window_reads_what_the_whole_text_gives(project, text, data):
    article_id = _article_with_text(project, text)
    start = data.draw(st.integers(-3, len(text) + 3), label="start")
    end = data.draw(st.integers(-3, len(text) + 3), label="end")
    if 0 <= start < end <= len(text):
        assert articles.quote_at(project, article_id, start, end) == \
            anchoring.quote_selector(text, start, end)
    else:
        with pytest.raises(InvalidSpan):
            articles.quote_at(project, article_id, start, end)


def test_a_tag_deep_in_a_long_text_keeps_its_context(project):
    text = "😀 " * 300_000 + "the strongest treaty ever" + " 𝔸" * 1000
    article_id = _article_with_text(project, text)
    start = text.index("the strongest")
    claim = appearances.create_claim(project, article_id, start, start + 25, "verified")
    assert (claim.quote, claim.prefix, claim.suffix) == (
        "the strongest treaty ever", text[start - 32:start], text[start + 25:start + 57])


def test_an_unknown_article_is_named(project):
    with pytest.raises(ArticleNotFound):
        articles.quote_at(project, "no-such-article", 0, 1)
