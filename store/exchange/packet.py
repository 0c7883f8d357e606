"""The review packet: an article with every claim highlighted and numbered, and a table of
the claims with verdict, note, sources, annotator and review decision.

One description of the packet (:class:`Packet`, built by :func:`build_packet`) is written
two ways: as HTML a browser shows as it is (``store.exchange.packet_html``), and as PDF
(``store.exchange.packet_pdf``). Both walk the same segments, so they highlight and number
the same words; ``store.exchange.exporting.export_packet`` writes either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.core import appearances, articles, colours, labels
from store.core.claims import stored_note
from store.core.project import Project
from store.core.records import Appearance, Label, Review
from store.core.stamps import utcnow
from store.review import reviews
from store.text.display import base_direction, isolated, isolated_whole

HEADINGS = {
    "en": {"claims": "Claims", "verdict": "Verdict", "note": "Note", "sources": "Sources",
           "annotator": "Annotator", "review": "Review", "quote": "Quote", "outlet": "Outlet",
           "published": "Published", "url": "URL", "exported": "Exported",
           "accept": "accepted", "reject": "rejected", "none": "not reviewed",
           "earlier": "of the earlier verdict", "packet": "Review packet", "number": "#",
           "page": "Page"},
    "ar": {"claims": "الادعاءات", "verdict": "الحكم", "note": "ملاحظة", "sources": "المصادر",
           "annotator": "المدقق", "review": "المراجعة", "quote": "النص", "outlet": "الناشر",
           "published": "تاريخ النشر", "url": "الرابط", "exported": "تاريخ التصدير",
           "accept": "مقبول", "reject": "مرفوض", "none": "لم يُراجع",
           "earlier": "للحكم السابق", "packet": "ملف المراجعة", "number": "#", "page": "صفحة"},
}
# The claims table's columns, in reading order of a left-to-right page.
COLUMNS = ("number", "quote", "verdict", "note", "sources", "annotator", "review")
# Where a cell's lines end: Shift+Enter in the note field writes U+2028, which a note keeps
# (store.text.clean); split only at «\n», it was drawn a missing glyph's box (rv248).
LINE_BREAK = re.compile("[\n\u2028\u2029]")
NO_COLOR = "#DDDDDD"  # a claim whose label is gone
INKS = ("#111111", "#FFFFFF")  # the packet's near-black, and white on a dark verdict


def ink_on(background: str) -> str:
    """The colour of a claim's words and of its verdict's name on the verdict's colour:
    #111111 on a navy label was 1.1:1, both gone from the page the editor prints; the
    window draws them white (store.core.colours)."""
    return colours.ink_on(background, INKS)


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph: its text, the colour of the innermost claim covering it
    (None outside claims), and the numbers of the claims that end right after it."""

    text: str
    color: str | None = None
    numbers: tuple[int, ...] = ()

    @property
    def markers(self) -> str:
        """The numbers as the packet prints them after the claims' words: «[3][4]», with
        no comma between (a Latin one stood out in an Arabic line, and brackets need
        none)."""
        return "".join(f"[{n}]" for n in self.numbers)


@dataclass(frozen=True)
class Paragraph:
    direction: str  # "rtl" or "ltr", from the paragraph's own text
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True)
class ClaimRow:
    number: int
    quote: str
    verdict: str
    color: str
    note: str
    sources: tuple[str, ...]
    annotator: str
    # "accepted (reviewer): comment", or "not reviewed" - followed, when the newest review
    # was of a verdict the claim no longer has, by that review and the verdict it was of
    review: str


@dataclass(frozen=True)
class Packet:
    language: str
    direction: str  # of the page: "rtl" for Arabic headings
    words: dict[str, str]  # headings in the packet's language
    title: str
    meta: tuple[tuple[str, str], ...]  # (heading, value) rows under the title
    paragraphs: tuple[Paragraph, ...]
    claims: tuple[ClaimRow, ...]
    # The article's language, when it is a language code (a screen reader reads the text
    # in its voice; the headings are in the packet's language): "" when unknown.
    text_language: str = ""


def paragraph_segments(text: str, offset: int, spans: list[tuple[int, int, str, int]]
                       ) -> tuple[Segment, ...]:
    """One paragraph (starting at *offset* in the article) cut where claims start or end.

    *spans* are ``(start, end, colour, number)`` over the whole article; where claims
    overlap, the segment takes the colour of the innermost (shortest) one.
    """
    end_of_para = offset + len(text)
    local = [(max(s, offset), min(e, end_of_para), color, n, e) for s, e, color, n in spans
             if s < end_of_para and e > offset]
    cuts = sorted({offset, end_of_para} | {p for s, e, *_ in local for p in (s, e)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [(s, e, color) for s, e, color, _n, _e in local if s <= a and b <= e]
        color = min(covering, key=lambda x: x[1] - x[0])[2] if covering else None
        numbers = tuple(n for _s, e, _c, n, real_end in local if e == b and real_end == b)
        segments.append(Segment(text[a - offset:b - offset], color, numbers))
    return tuple(segments)


def _colour(label: Label | None) -> str:
    """A label's colour, written into the HTML as a style: a colour or none (a merge
    refuses a colleague's malformed one; a file changed by hand may hold one still)."""
    return label.color if label is not None and labels.COLOR_RE.fullmatch(label.color) \
        else NO_COLOR


def build_packet(project: Project, article_id: str, language: str = "en") -> Packet:
    """Everything the packet shows, in the packet's language, ready to be written."""
    words = HEADINGS.get(language, HEADINGS["en"])
    article = articles.get_article(project, article_id)
    live = appearances.list_appearances(project, article_id)
    label_set: dict[str, Label] = {lab.key: lab for lab in labels.list_labels(project)}
    colors = {key: _colour(lab) for key, lab in label_set.items()}
    spans = [(c.start, c.end, colors.get(c.label, NO_COLOR), n) for n, c in enumerate(live, 1)]

    # Each paragraph is given the spans that reach into it, not every span of the article
    # (paragraphs x claims: 6 s of a 50,000-claim packet, rv89): the places come in reading
    # order, so those begun are kept until a paragraph starts past their end.
    paragraphs = []
    offset, begun, reaching = 0, 0, []
    for line in article.text.split("\n"):
        end = offset + len(line)
        while begun < len(spans) and spans[begun][0] < end:
            reaching.append(spans[begun])
            begun += 1
        reaching = [span for span in reaching if span[1] > offset]
        if line.strip():
            paragraphs.append(Paragraph(base_direction(line),
                                        paragraph_segments(line, offset, reaching)))
        offset = end + 1

    meta = tuple((words[k], value) for k, value in (
        ("outlet", article.outlet), ("published", article.published), ("url", article.url),
        ("exported", utcnow()[:16].replace("T", " ") + " UTC")) if value)
    status = reviews.current_reviews(project, article_id)
    latest = reviews.latest_reviews(project, article_id)
    rows = tuple(_claim_row(number, claim, label_set, status.get(claim.claim_id),
                            latest.get(claim.claim_id), words, language)
                 for number, claim in enumerate(live, 1))
    text_language = article.language.strip()
    return Packet(language, "rtl" if language == "ar" else "ltr", words, article.title, meta,
                  tuple(paragraphs), rows,
                  text_language if articles.is_language_tag(text_language) else "")


def _claim_row(number: int, claim: Appearance, label_set: dict[str, Label],
               status: Review | None, latest: Review | None, words: dict[str, str],
               language: str) -> ClaimRow:
    """One row of the claims table. A claim whose newest review was of another verdict is
    not reviewed, and says so first; that review stays in the row as the record of what
    was reviewed (the editor reading the packet sees why the claim is back)."""
    label = label_set.get(claim.label)

    def told(review: Review, earlier: str = "") -> str:
        # Names and comments isolated: a name holding a right-to-left override («\u202e»)
        # drew the comment after it backwards. Each line of a comment on its own: an
        # isolate ends with its line, and the PDF's cell, set a line at a time, ended its
        # Arabic last line with a lone PDI, which pdfium read one letter short (rv176).
        # An empty line stays empty, for the cell to keep its height (rv186). The comment's
        # own isolates are kept: a phone number in LRI…PDI read backwards (rv263).
        comment = "\n".join(isolated_whole(line) if line else ""
                             for line in LINE_BREAK.split(review.comment))
        return (f"{words[review.decision]} ({isolated(review.reviewer)}){earlier}"
                + (f": {comment}" if review.comment else ""))

    if status is not None:
        decision = told(status)
    elif latest is not None and latest.label is not None:
        was = label_set.get(latest.label)
        decision = (f"{words['none']} — " + told(
            latest, f" {words['earlier']} {was.name(language) if was else latest.label}"))
    else:
        decision = words["none"]
    # (the note as it is kept: one a merge or another program wrote with an override
    # showed «5.3» as «3.5», its escapes went to the terminal - rv239)
    return ClaimRow(number, claim.quote, label.name(language) if label else claim.label,
                    _colour(label), stored_note(claim.note), tuple(claim.sources),
                    claim.annotator, decision)


# -- HTML ------------------------------------------------------------------------------------
