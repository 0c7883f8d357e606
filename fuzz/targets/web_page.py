"""Saved-web-page import: an HTML file's bytes → charset → article text (trafilatura).

The same checks as the text import (targets/text_import.py), on a file named ``.html``;
the seeds are the corpus's pages (scripts, entities, deep nesting, NUL bytes) and pages
in each encoding a saved page declares.
"""

from __future__ import annotations

from collections.abc import Iterator

from seed_inputs import ARABIC_PAGE, ARTICLE, hostile

from targets.text_import import import_as

TOKENS = ("<html>", "<body>", "<article>", "<p>", "</p>", "<div>", "</div>", "<script>",
          "<meta charset=", '<meta http-equiv="Content-Type" content="text/html; charset=',
          "windows-1256", "iso-8859-6", "utf-16", "<title>", "<h1>", "<br>", "<table><tr><td>",
          "<!--", "-->", "<![CDATA[", "&#1605;", "&amp;", "<?xml version='1.0' encoding=",
          'lang="ar"', 'dir="rtl"', "<meta property=\"og:title\" content=")
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">
<title>{title}</title><meta property="og:site_name" content="Outlet">
<meta property="article:published_time" content="2024-06-19"></head><body>
<nav><a href="/">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article></body></html>"""


def page(text: str, charset: str = "utf-8", lang: str = "ar") -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return PAGE.format(lang=lang, charset=charset, title=text.split()[0],
                       paragraphs=paragraphs).encode(charset)


def seeds() -> Iterator[bytes]:
    yield from hostile(".html")
    yield page(ARTICLE)
    yield page(ARABIC_PAGE, "windows-1256")
    yield page(ARABIC_PAGE, "iso-8859-6")
    yield page("The minister said exports rose by forty percent.", lang="en")
    yield b"<?xml version='1.0' encoding='windows-1256'?>" + page(ARABIC_PAGE, "windows-1256")


def test_one_input(data: bytes) -> None:
    import_as(data, "page.html")
