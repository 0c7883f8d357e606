"""The review packet: an article with every claim highlighted and numbered, and a table of
the claims with verdict, note, sources, annotator and review decision.

One description of the packet (:class:`Packet`, built by :func:`build_packet`) is written
two ways: as HTML a browser shows as it is (:func:`packet_html`), and as PDF by
``store.packet_pdf``. Both walk the same segments, so they highlight and number the same
words.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from store import articles, claims, labels, reviews
from store.arabic import base_direction
from store.models import Claim, Label
from store.project import Project, utcnow
from store.safe_write import atomic_write

HEADINGS = {
    "en": {"claims": "Claims", "verdict": "Verdict", "note": "Note", "sources": "Sources",
           "annotator": "Annotator", "review": "Review", "quote": "Quote", "outlet": "Outlet",
           "published": "Published", "url": "URL", "exported": "Exported",
           "accept": "accepted", "reject": "rejected", "none": "not reviewed",
           "packet": "Review packet", "number": "#", "page": "Page"},
    "ar": {"claims": "الادعاءات", "verdict": "الحكم", "note": "ملاحظة", "sources": "المصادر",
           "annotator": "المدقق", "review": "المراجعة", "quote": "النص", "outlet": "الناشر",
           "published": "تاريخ النشر", "url": "الرابط", "exported": "تاريخ التصدير",
           "accept": "مقبول", "reject": "مرفوض", "none": "لم يُراجع",
           "packet": "ملف المراجعة", "number": "#", "page": "صفحة"},
}
# The claims table's columns, in reading order of a left-to-right page.
COLUMNS = ("number", "quote", "verdict", "note", "sources", "annotator", "review")
FONTS = "'IBM Plex Sans Arabic', 'Noto Sans Arabic', sans-serif"
NO_COLOR = "#DDDDDD"  # a claim whose label is gone


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph: its text, the colour of the innermost claim covering it
    (None outside claims), and the numbers of the claims that end right after it."""

    text: str
    color: str | None = None
    numbers: tuple[int, ...] = ()


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
    review: str  # "accepted (reviewer): comment", or "not reviewed"


@dataclass(frozen=True)
class Packet:
    language: str
    direction: str  # of the page: "rtl" for Arabic headings
    words: dict[str, str]  # headings in the packet's language
    title: str
    meta: tuple[tuple[str, str], ...]  # (heading, value) rows under the title
    paragraphs: tuple[Paragraph, ...]
    claims: tuple[ClaimRow, ...]


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


def build_packet(project: Project, article_id: str, language: str = "en") -> Packet:
    """Everything the packet shows, in the packet's language, ready to be written."""
    words = HEADINGS.get(language, HEADINGS["en"])
    article = articles.get_article(project, article_id)
    live = claims.list_claims(project, article_id)
    label_set: dict[str, Label] = {lab.key: lab for lab in labels.list_labels(project)}
    colors = {key: lab.color for key, lab in label_set.items()}
    spans = [(c.start, c.end, colors.get(c.label, NO_COLOR), n) for n, c in enumerate(live, 1)]

    paragraphs = []
    offset = 0
    for line in article.text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(base_direction(line),
                                        paragraph_segments(line, offset, spans)))
        offset += len(line) + 1

    meta = tuple((words[k], value) for k, value in (
        ("outlet", article.outlet), ("published", article.published), ("url", article.url),
        ("exported", utcnow()[:16].replace("T", " ") + " UTC")) if value)
    latest = reviews.latest_reviews(project, article_id)
    rows = tuple(_claim_row(number, claim, label_set.get(claim.label),
                            latest.get(claim.id), words, language)
                 for number, claim in enumerate(live, 1))
    return Packet(language, "rtl" if language == "ar" else "ltr", words, article.title, meta,
                  tuple(paragraphs), rows)


def _claim_row(number: int, claim: Claim, label: Label | None, review, words: dict[str, str],
               language: str) -> ClaimRow:
    decision = (f"{words[review.decision]} ({review.reviewer})"
                + (f": {review.comment}" if review.comment else "")
                if review else words["none"])
    return ClaimRow(number, claim.quote, label.name(language) if label else claim.label,
                    label.color if label else NO_COLOR, claim.note, tuple(claim.sources),
                    claim.annotator, decision)


# -- HTML ------------------------------------------------------------------------------------
def _paragraph_html(paragraph: Paragraph) -> str:
    """One paragraph with claim segments highlighted and numbers after each claim's end."""
    out: list[str] = []
    for segment in paragraph.segments:
        piece = escape(segment.text)
        if segment.color:
            piece = (f'<span style="background-color:{segment.color}; color:#111111">'
                     f"{piece}</span>")
        out.append(piece)
        if segment.numbers:
            out.append("<sup><b>" + ",".join(f"[{n}]" for n in segment.numbers) + "</b></sup>")
    return "".join(out)


def _cell(content: str, direction: str = "", style: str = "") -> str:
    attributes = ""
    if direction:
        attributes += f' dir="{direction}" align="{"right" if direction == "rtl" else "left"}"'
    if style:
        attributes += f' style="{style}"'
    return f"<td{attributes}>{content}</td>"


def _row(cells: list[str], page_dir: str) -> str:
    return "<tr>" + "".join(reversed(cells) if page_dir == "rtl" else cells) + "</tr>"


def render_html(packet: Packet) -> str:
    """The packet as one HTML document."""
    words, page_dir = packet.words, packet.direction
    paragraphs = "".join(
        f'<p dir="{p.direction}" align="{"right" if p.direction == "rtl" else "left"}">'
        f"{_paragraph_html(p)}</p>" for p in packet.paragraphs)
    meta = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                   for k, v in packet.meta)
    rows = []
    for row in packet.claims:
        links = "<br/>".join(f'<a href="{escape(u)}">{escape(u)}</a>' for u in row.sources)
        rows.append(_row([
            _cell(str(row.number)),
            _cell(escape(row.quote), base_direction(row.quote)),
            _cell(escape(row.verdict), page_dir, style=f"background-color:{row.color}"),
            _cell(escape(row.note), base_direction(row.note) if row.note else page_dir),
            _cell(links, "ltr"),
            _cell(escape(row.annotator)),
            _cell(escape(row.review), page_dir),
        ], page_dir))
    header = _row([f"<th>{escape(words[k])}</th>" for k in COLUMNS], page_dir)
    # A right-to-left page lists the columns in reverse inside a table marked
    # left-to-right, so the order is the same wherever the HTML is shown.
    table = (f'<table dir="ltr" border="1" cellspacing="0" cellpadding="4" width="100%">'
             f"{header}{''.join(rows)}</table>")
    return (
        f'<!DOCTYPE html><html lang="{packet.language}" dir="{page_dir}"><head>'
        f'<meta charset="utf-8">'
        f"<title>{escape(words['packet'])}: {escape(packet.title)}</title>"
        f"<style>body {{ font-family: {FONTS}; font-size: 12pt; }} "
        f"th {{ background-color: #EEEEEE; }} sup {{ color: #B00020; }}</style></head>"
        f'<body dir="{page_dir}">'
        f'<h1 dir="{base_direction(packet.title)}">{escape(packet.title)}</h1>'
        f'<table cellpadding="2">{meta}</table><hr/>{paragraphs}<hr/>'
        f"<h2>{escape(words['claims'])} ({len(packet.claims)})</h2>{table}</body></html>")


def packet_html(project: Project, article_id: str, language: str = "en") -> str:
    """The whole packet as one HTML document."""
    return render_html(build_packet(project, article_id, language))


def write_packet_html(project: Project, article_id: str, path: str | Path,
                      language: str = "en") -> Path:
    """Write the HTML packet to *path* whole or not at all (see store.safe_write)."""
    html = packet_html(project, article_id, language)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
