"""Saved web pages: their article text and metadata, and nothing else.

A page saved from a browser holds far more than the article: navigation, adverts,
related-story boxes, scripts, styles. Telling the article from the rest is a job for
a maintained extractor, so we use trafilatura rather than rules of our own.

Nothing in the page runs and nothing is fetched. We parse the page ourselves with
lxml's HTML parser (``no_network``; scripts are just elements to it) and hand
trafilatura the parsed tree, never a string: its date helper downloads any string
that looks like a URL. Trafilatura's metadata comes from the page itself - the URL
from ``<link rel=canonical>`` or ``og:url``, the date from meta tags and markup.

Decoding stays in ``store.exchange.importing`` with the rest of the encoding rules; this
module only says whether bytes are HTML and which charset they declare.
"""

from __future__ import annotations

import codecs
import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from store.core.links import is_web_link
from store.errors import ImportRejected
from store.text.clean import CONTROL_RE, without_controls

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SNIFF_CHARS = 1024
_MENU_CHARS = 5000
_PRESCAN_BYTES = 4096  # browsers look at 1024; saved pages put comments first
# A page of more elements than this is refused before trafilatura reads it: a news
# article's page has a few thousand, a whole book on one page (the Rust book's print.html)
# 25,000. Trafilatura takes 80 µs an element and more as the paragraphs grow (100,000 of
# them: 28 s); a page of a million tiny elements ran for minutes at 1.6 GB (rv261).
MAX_ELEMENTS = 100_000
# The start of an HTML document: optional XML declaration, comments (browsers write
# "<!-- saved from url=... -->") and then a doctype or the html element.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)",
                           re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)",
                           re.IGNORECASE)
# WHATWG encoding labels that do not mean what Python's codec of that name means.
_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # a meta tag cannot
    "unicode-1-1-utf-8": "utf-8", "utf8": "utf-8", "x-cp1256": "cp1256",
    "arabic": "iso8859_6", "asmo-708": "iso8859_6", "ecma-114": "iso8859_6",
    "iso-8859-6-e": "iso8859_6", "iso-8859-6-i": "iso8859_6",
    "csisolatinarabic": "iso8859_6", "iso-ir-127": "iso8859_6",
}


@dataclass(frozen=True)
class WebPage:
    """What a page gives: its main text and what it says about itself."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)  # title, outlet, url, ...


def looks_like_html(name: str, data: bytes) -> bool:
    """HTML by its file extension, or by how it starts (a doctype or ``<html``)."""
    if any(name.lower().endswith(suffix) for suffix in HTML_SUFFIXES):
        return True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = data[:_SNIFF_CHARS * 2].decode("utf-16", "ignore")
    else:
        head = data[:_SNIFF_CHARS].decode("latin-1").removeprefix("\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta charset>`` (or XML declaration).

    None when the page declares nothing, or names an encoding Python does not know.
    """
    head = data[:_PRESCAN_BYTES]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii").strip().lower()
    label = _LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def extract_page(html: str, name: str = "") -> WebPage:
    """The article text and metadata of *html* (called *name* in messages); empty text
    when none was found.

    On a page with no article, trafilatura falls back to whatever text there is,
    which is then the menu: text made only of link labels counts as none.

    trafilatura is imported here, not at module level: it takes a tenth of a second
    and only HTML imports need it.
    """
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    # (ten times as many «<» as elements allowed: more elements, unless scripts hold
    # hundreds of thousands of «<»; refused before a parse of a quarter of a KB each)
    if html.count("<") > 10 * MAX_ELEMENTS:
        raise _too_many_elements(name)
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  collect_ids=False, default_doctype=False)
    try:
        # lxml refuses a str that still declares its (byte) encoding.
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1),
                                             parser=parser)
    except (etree.ParserError, ValueError):
        return WebPage("")
    if tree.xpath("count(//*)") > MAX_ELEMENTS:
        raise _too_many_elements(name)
    _drop_controls(tree)
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    language = _language_tag(tree.get("lang") or tree.get("xml:lang")
                             or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    page_title, site, named = _page_title(tree)
    # (text a reader never sees: not the article; «until-found» is a collapsed section
    # the browser's find opens, and a <body hidden> is shown by the page's script)
    for unseen in [*tree.xpath("//body//*[@hidden and @hidden != 'until-found']"),
                   *tree.iter("template")]:
        if unseen.getparent() is not None:
            unseen.drop_tree()
    headline = _page_headline(tree)  # (after: a hidden <h1> is no headline)
    _unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        # Metadata only, no guessing from dates mentioned in the text; the page's
        # own publication time wins over a date in its URL.
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "deferred_url_extractor": True,
                                # (two days past this computer's day: a page dated
                                # in its outlet's zone can be a day ahead, and a date
                                # past the limit was cut to the 1st of its month)
                                "max_date": (date.today() + timedelta(days=2)).isoformat()})
    if document is None or _only_links(document.text or "", links):
        return WebPage("")
    url = (document.url or "").strip()
    title, outlet = _headline((document.title or "").strip(),
                              (document.sitename or "").strip(), page_title, site, named)
    metadata = {
        "title": title,
        "outlet": outlet,
        "url": url if is_web_link(url) else "",
        "published": (document.date or "").strip(),
        "language": language,
    }
    # «800&nbsp;ألف» as a browser copies it, «800 ألف»: a quote typed or copied with a space
    # was «not in the article», and the find bar and Tag All passed it by.
    text = (document.text or "").replace("\xa0", " ").strip()
    if headline and headline not in " ".join(text[:len(headline) + 2000].split()):
        text = f"{headline}\n{text}"
    return WebPage(text, {k: v for k, v in metadata.items() if v})


def _too_many_elements(name: str) -> ImportRejected:
    return ImportRejected("{name} is a web page of more than {limit} elements, far more than "
                          "an article's page: copy the article's text into a .txt file "
                          "instead.", name=name, limit=f"{MAX_ELEMENTS:,}")


def _drop_controls(tree: Any) -> None:
    """Take the control characters out of *tree*'s text and attribute values, in place,
    a line break written as one made a line break, as in plain text. One in a page's text
    (Word's manual line break VT, a form feed, an ESC), raw or as a reference («&#11;»),
    lxml keeps, and trafilatura, whose tree must be XML, then found no text in the whole
    page («No article text was found»; rv101)."""
    for element in tree.iter():
        if isinstance(element.text, str) and CONTROL_RE.search(element.text):
            element.text = without_controls(element.text)
        if element.tail and CONTROL_RE.search(element.tail):
            element.tail = without_controls(element.tail)
        for name, value in element.attrib.items():
            if CONTROL_RE.search(value):
                element.set(name, without_controls(value))


# Where a page's <title> joins its headline and the site's name: «Headline | Reuters».
_TITLE_PARTS = re.compile(r"\s+[|–—•·«»‹›\-]\s+")
_ENDS_IN_A_PART = re.compile(_TITLE_PARTS.pattern + "$")
# Where a page names its headline, which trafilatura then takes as the title.
_NAMED_HEADLINE = re.compile(r'og:title|twitter:title|"headline"')


def _page_title(tree: Any) -> tuple[str, str, bool]:
    """The page's <title>, the site's name it gives (og:site_name), and whether it names
    a headline of its own (og:title, a JSON-LD headline, a single <h1>), which trafilatura
    then takes as the title. Read before trafilatura, which prunes the tree it is given."""
    site, named = "", len(tree.findall(".//h1")) == 1
    for meta in tree.iter("meta"):
        kind = f"{meta.get('property', '')} {meta.get('name', '')}"
        named = named or _NAMED_HEADLINE.search(kind) is not None
        if "site_name" in kind and not site:
            site = " ".join((meta.get("content") or "").split())
    named = named or any("ld+json" in (script.get("type") or "")
                         and _NAMED_HEADLINE.search(script.text_content())
                         for script in tree.iter("script"))
    element = tree.find(".//title")
    return " ".join(element.text_content().split()) if element is not None else "", site, named


def _page_headline(tree: Any) -> str:
    """The headline the page shows, its first <h1> that is not a link (a site's logo is
    one), nor in the page's navigation, footer or own header, nor classed as a logo or
    for screen readers alone. trafilatura leaves it out of the text when it stands
    outside the body's container, as it does on most news pages: the claim a headline
    makes could not be tagged."""
    for h1 in tree.iter("h1"):
        shown = copy.deepcopy(h1)  # («Line one<br>line two»: two words, not one)
        for br in shown.iter("br"):
            br.tail = " " + (br.tail or "")
        words = " ".join(shown.text_content().split())
        linked = " ".join(" ".join(a.text_content().split()) for a in h1.iter("a"))
        if words and words != linked and not any(
                ancestor.tag in ("nav", "footer", "a") or _site_header(ancestor)
                for ancestor in h1.iterancestors()) and not _SITE_NAME_CLASS.search(
                f"{h1.get('class', '')} {h1.get('id', '')}"):
            return words
    return ""


# An <h1> that names the site, or is there for screen readers alone.
_SITE_NAME_CLASS = re.compile(r"logo|brand|site-?(?:title|name)|sr-only|visually-hidden",
                              re.IGNORECASE)


def _site_header(element: Any) -> bool:
    """Whether *element* is the page's own <header> (the site's name and menus), not an
    article's (which holds its headline)."""
    return element.tag == "header" and not any(
        ancestor.tag in ("article", "main") for ancestor in element.iterancestors())


def _headline(found: str, outlet: str, page_title: str, site: str = "",
              named: bool = False) -> tuple[str, str]:
    """The article's headline and outlet where trafilatura cut the page's <title> into
    them: it takes the piece before the last separator for the title unless that holds a
    dot, then the piece after, and for the site's name, unless the page gives one, a
    piece with a dot. That made «Inflation hits 3.5% in March | Reuters» an article titled
    «Reuters» from the outlet «Inflation hits 3.5% in March», «الأمم المتحدة : 3 ملايين
    نازح» one titled «الأمم المتحدة», and a headline the page names also its outlet.

    A headline the page names is the title, the other end of <title> the outlet if
    trafilatura took the headline for it. A site's name the page gives is cut off
    whichever end of <title> holds it. Otherwise the longest piece is the headline, and
    the piece trafilatura took for the title the site's name, unless it found another; a
    piece cut at a colon was the headline's own."""
    if named:
        return found, (_far_end(page_title, found) or outlet) if outlet == found else outlet
    if site and (headline := _without_site(page_title, site)):
        return headline, outlet or site
    if not found or not page_title or found == page_title or found not in page_title or site:
        return found, outlet
    pieces = _TITLE_PARTS.split(page_title)
    if found not in pieces:
        # A headline holding « - » or « « »: trafilatura cut <title> at its last separator
        # alone, and *found* is every piece before it - the headline, unless what is left
        # is longer: the site's name was then first («الموقع | مصر - السودان: …»).
        if page_title.startswith(found) and _TITLE_PARTS.match(page_title[len(found):]):
            return (found if len(pieces[-1]) < len(found)
                    else _TITLE_PARTS.split(page_title, maxsplit=1)[1]), outlet
        if page_title.endswith(found) and _ENDS_IN_A_PART.search(page_title[:-len(found)]):
            return found, outlet
        return page_title, outlet  # (cut at «:», which headlines hold)
    headline = max(pieces, key=len)
    if found != headline and outlet in ("", headline):  # the piece it took: the site's
        outlet = found
    return headline, outlet


def _far_end(page_title: str, headline: str) -> str:
    """The piece of *page_title* at its other end from *headline*; "" when *headline* is
    at neither end."""
    if page_title.startswith(headline) and _TITLE_PARTS.match(page_title[len(headline):]):
        return _TITLE_PARTS.split(page_title)[-1]
    if page_title.endswith(headline) and _ENDS_IN_A_PART.search(page_title[:-len(headline)]):
        return _TITLE_PARTS.split(page_title)[0]
    return ""


def _without_site(page_title: str, site: str) -> str:
    """*page_title* without the site's name at either end and its separator; "" when
    neither end holds it."""
    if page_title.endswith(site) and (end := _ENDS_IN_A_PART.search(page_title[:-len(site)])):
        return page_title[:end.start()]
    if page_title.startswith(site) and (start := _TITLE_PARTS.match(page_title, len(site))):
        return page_title[start.end():]
    return ""


def _language_tag(value: str) -> str:
    """A page's ``lang`` as a language tag: «ar_SA» (a PHP locale) as «ar-SA», «AR» as
    «ar». The project's language and ClaimReview's words go by «ar»: a project of pages
    saying «ar-EG», «AR» or «ar_SA» was told in English."""
    language, _, rest = value.strip().replace("_", "-").partition("-")
    return (language.lower() + (f"-{rest}" if rest else ""))[:35]


def _unwrap_layout_tables(tree: object) -> None:
    """Tables that lay the page out, not data, become plain blocks: an old Arabic site's
    article in a cell came out as one line between «|» marks, with the menu's row. A
    table is for layout when it has no header cells or caption and holds another table,
    or has one row or one column (readability's rule, simplified); role=presentation
    says so itself."""
    for table in reversed(list(tree.iter("table"))):  # type: ignore[attr-defined]
        own = [element for element in table.iter("tr", "td", "th", "caption", "thead",
                                                   "tbody", "tfoot")
               if next(element.iterancestors("table")) is table]  # (not a nested table's)
        rows = [element for element in own if element.tag == "tr"]
        columns = max((sum(cell.tag == "td" for cell in row) for row in rows), default=0)
        data = any(element.tag in ("th", "caption") for element in own)
        if table.get("role") == "presentation" or not data and (
                table.find(".//table") is not None or len(rows) <= 1 or columns <= 1):
            for element in [table, *own]:
                element.tag = "div"


def _only_links(text: str, links: set[str]) -> bool:
    """Whether nothing but link labels (and punctuation) is left of *text*.

    Only short texts are checked: a menu is short, and a long text checked against
    thousands of links would take seconds.
    """
    if len(text) > _MENU_CHARS:
        return False
    rest = " ".join(text.split())
    for label in sorted(links, key=len, reverse=True):
        if label:
            rest = rest.replace(label, " ")
    return not any(ch.isalpha() or ch.isdigit() for ch in rest)


def visible_text(html: str) -> str:
    """Roughly what a page shows: no tags, scripts or styles. For judging which
    legacy code page reads as Arabic, where the markup's ASCII would outvote the text."""
    return _TAGS.sub(" ", _HIDDEN.sub(" ", html))
