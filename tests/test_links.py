"""Links pasted into a claim's sources: several at once, out of a sentence, written
another way (store.core.links)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core.links import links_in, readable_link, same_link


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
    assert same_link("https://x.org/%d9%85?q=a", "https://x.org/م?q=a")  # (hex in small)
    # An escaped delimiter is not the delimiter (rv67): other searches, other pages
    for escaped, plain in (("https://s.org/?q=AT%26T", "https://s.org/?q=AT&T"),
                           ("https://s.org/?q=1%2B1", "https://s.org/?q=1+1"),
                           ("https://s.org/a%2Fb", "https://s.org/a/b"),
                           ("https://s.org/?u=https%3A%2F%2Fy.org%2F%3Fa%3D1%26b%3D2",
                            "https://s.org/?u=https://y.org/?a=1&b=2")):
        assert not same_link(escaped, plain), escaped
        assert same_link(escaped, escaped.replace("%2F", "%2f"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["https://x.org/a", "(", ")", ".", "،", "«", "»", ",", " ",
                                 "\n", "\u200f", "https://ar.wikipedia.org/wiki/Foo_(bar)",
                                 "see", "?q=1", "&b=2", "%2F"]), max_size=12).map("".join))
def test_links_found_are_found_again_as_they_are(text):
    """Whatever is pasted, each link found holds no space, and the links found, pasted
    again, are found as they are (trimming twice trims nothing more)."""
    found = links_in(text)
    assert all(link and not any(ch.isspace() for ch in link) for link in found)
    assert links_in("\n".join(found)) == found
    assert all(same_link(link, link) for link in found)


def test_links_joined_by_an_arabic_comma_are_two_links():
    """«…/x،https://…» (an Arabic comma typed between two pasted links, no space) was
    one «link», stored as one source that leads nowhere; «,» was already two."""
    assert links_in("https://a.example/x،https://b.example/y") == [
        "https://a.example/x", "https://b.example/y"]
    assert links_in("«https://a.example/x»،«https://b.example/y»") == [
        "https://a.example/x", "https://b.example/y"]
    assert links_in("https://a.example/مقال،_تحليل") == ["https://a.example/مقال،_تحليل"]


def test_a_link_a_browser_reads_as_the_same_is_the_same_link():
    """rv73: a host in punycode or in Unicode, full-width, with a zero-width space or its
    default port, is the host a browser goes to: the same link; other cases stay two."""
    from store.core.links import same_link
    for one, other in (("https://bücher.de", "https://xn--bcher-kva.de/"),
                       ("https://موقع.مصر/خبر", "https://xn--4gbrim.xn--wgbh1c/%D8%AE%D8%A8%D8%B1"),
                       ("https://ｅｘａｍｐｌｅ.com/a", "https://example.com/a"),
                       ("https://ex\u200bample.com/a", "https://example.com/a"),
                       ("https://example.com:443/a", "https://example.com/a")):
        assert same_link(one, other), one
    for one, other in (("https://faß.de/", "https://fass.de/"),
                       ("http://example.com:443/a", "http://example.com/a"),
                       ("https://archive.ph/AbCd", "https://archive.ph/abcd"),
                       ("https://a.org/?a=1&b=2", "https://a.org/?b=2&a=1"),
                       ("http://a.org/", "https://a.org/")):
        assert not same_link(one, other), one


def test_a_link_with_a_backslash_before_its_path_is_refused_saying_so():
    """rv77: refused as «not a web link (http:// or https://)», which it starts as."""
    import pytest

    from store.core.claims import validate_sources
    from store.errors import InvalidSource

    with pytest.raises(InvalidSource, match="backslash"):
        validate_sources(["https://www.who.int\\@evil.example/report"])
    with pytest.raises(InvalidSource, match="backslash"):
        validate_sources(["http:\\\\who.int/x"])


def test_a_host_with_ideographic_full_stops_is_the_same_link():
    """rv77: a browser reads «。» in a host as a dot (UTS 46), as a Chinese or Japanese
    keyboard types it."""
    from store.core.links import same_link

    assert same_link("https://bbc\u3002com/news", "https://bbc.com/news")
    assert same_link("https://bbc\uff61com/news", "https://bbc.com/news")


def test_a_link_with_a_backslash_is_no_web_link():
    """rv73: a browser reads «\\» as «/» (the link pasted opened who.int), Python and Qt
    as a letter of the user name (the sources list, the exports and the packet went to
    evil.example)."""
    from store.core.links import is_web_link
    assert not is_web_link("https://www.who.int\\@evil.example/report")
    assert is_web_link("https://x.org/a\\b")  # (the same host either way)


def test_the_store_keeps_a_link_once_however_it_is_written():
    """rv73: the command line and a CSV's cell stored one page's two spellings as two
    sources (the editor refuses the second)."""
    from store.core.claims import validate_sources
    raw = "https://ar.wikipedia.org/wiki/معاهدة"
    assert validate_sources([raw, "https://ar.wikipedia.org/wiki/%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D8%A9",
                             "HTTPS://AR.WIKIPEDIA.ORG/wiki/معاهدة"]) == (raw,)


def test_what_does_not_show_in_a_link_is_shown_escaped_where_it_is_shown(tmp_path):
    """A link is refused typed with a direction override, but a merge can bring one:
    «https://evil.example/\u202emoc.cbb.www//:sptth» read as «https://evil.example/
    https://www.bbc.com» in the sources list and the review packet (rv84). Shown, it is
    escaped as a browser sends it; opened and written out, it is as stored."""
    from store.core import appearances, articles
    from store.core.project import Project
    from store.exchange import packet_html

    spoof = "https://evil.example/\u202emoc.cbb.www//:sptth"
    assert readable_link(spoof) == "https://evil.example/%E2%80%AEmoc.cbb.www//:sptth"
    assert readable_link("https://a.example/x\u2066y\u200f z") == \
        "https://a.example/x%E2%81%A6y%E2%80%8F%20z"
    arabic = "https://example.org/%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D8%A9"
    assert readable_link(arabic) == "https://example.org/معاهدة"  # (as before)
    with Project.open(tmp_path / "p.tahqiq", "me") as project:
        article = articles.add_article(project, "one two three", "t")
        claim = appearances.create_claim(project, article.id, 4, 7, "verified")
        project.execute("UPDATE claims SET sources = ? WHERE id = ?",  # (as a merge may)
                        [f'["{spoof}"]', claim.claim_id])
        page = packet_html.packet_html(project, article.id)
    assert "\u202e" not in page and "%E2%80%AEmoc.cbb.www" in page
