"""Links pasted into a claim's sources: several at once, out of a sentence, written
another way (store.core.links)."""

from __future__ import annotations

import pytest

from store.core.links import links_in, same_link


@pytest.mark.parametrize(("pasted", "links"), [
    ("https://a.org/x\nhttps://b.org/y", ["https://a.org/x", "https://b.org/y"]),
    ("https://a.org/x https://b.org/y", ["https://a.org/x", "https://b.org/y"]),
    ("https://a.org/x, https://b.org/y", ["https://a.org/x", "https://b.org/y"]),
    ("https://a.org/x,https://b.org/y", ["https://a.org/x", "https://b.org/y"]),
    ("(see https://x.org/a).", ["see", "https://x.org/a"]),
    ("«https://ar.wikipedia.org/wiki/معاهدة»،", ["https://ar.wikipedia.org/wiki/معاهدة"]),
    ("https://en.wikipedia.org/wiki/Foo_(bar).", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
    ("\u200fhttps://x.org/a?q=1&b=[2]\u200f", ["https://x.org/a?q=1&b=[2]"]),
    ("https://x.org/a,b", ["https://x.org/a,b"]),
    ("  \n ", []),
])
def test_the_links_of_a_pasted_text(pasted, links):
    assert links_in(pasted) == links


def test_a_link_written_another_way_is_the_same_link():
    encoded = "https://ar.wikipedia.org/wiki/%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D8%A9"
    assert same_link("https://ar.wikipedia.org/wiki/معاهدة", encoded)
    assert same_link("HTTPS://BBC.com/arabic", "https://bbc.com/arabic")
    assert same_link("https://bbc.com", "https://bbc.com/")
    assert not same_link("https://bbc.com/arabic", "https://bbc.com/Arabic")
    assert not same_link("https://bbc.com/a?x=1", "https://bbc.com/a?x=2")
