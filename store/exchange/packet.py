"""The review packet: an article with every claim highlighted and numbered, and a table of
the claims with verdict, note, sources, annotator and review decision.

Written as HTML that Qt's QTextDocument renders (the PDF is drawn by Qt from the same
HTML, so Arabic is shaped and right-to-left there too); a browser shows the file as is.
"""

from __future__ import annotations

from html import escape

from store.core import articles, claims, labels
from store.core.project import Project
from store.core.records import Claim, Label
from store.core.stamps import utcnow
from store.review import reviews
from store.text.display import base_direction

HEADINGS = {
    "en": {"claims": "Claims", "verdict": "Verdict", "note": "Note", "sources": "Sources",
           "annotator": "Annotator", "review": "Review", "quote": "Quote", "outlet": "Outlet",
           "published": "Published", "url": "URL", "exported": "Exported",
           "accept": "accepted", "reject": "rejected", "none": "not reviewed",
           "packet": "Review packet", "number": "#"},
    "ar": {"claims": "الادعاءات", "verdict": "الحكم", "note": "ملاحظة", "sources": "المصادر",
           "annotator": "المدقق", "review": "المراجعة", "quote": "النص", "outlet": "الناشر",
           "published": "تاريخ النشر", "url": "الرابط", "exported": "تاريخ التصدير",
           "accept": "مقبول", "reject": "مرفوض", "none": "لم يُراجع",
           "packet": "ملف المراجعة", "number": "#"},
}
FONTS = "'IBM Plex Sans Arabic', 'Noto Sans Arabic', sans-serif"


def _paragraph_html(text: str, offset: int, spans: list[tuple[int, int, Claim, int]],
                    colors: dict[str, str]) -> str:
    """One paragraph with claim segments highlighted and numbers after each claim's end."""
    end_of_para = offset + len(text)
    local = [(max(s, offset), min(e, end_of_para), c, n) for s, e, c, n in spans
             if s < end_of_para and e > offset]
    cuts = sorted({offset, end_of_para} | {p for s, e, _c, _n in local for p in (s, e)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a - offset:b - offset])
        covering = [(s, e, c, n) for s, e, c, n in local if s <= a and b <= e]
        if covering:
            inner = min(covering, key=lambda x: x[1] - x[0])
            color = colors.get(inner[2].label, "#DDDDDD")
            piece = f'<span style="background-color:{color}; color:#111111">{piece}</span>'
        out.append(piece)
        numbers = [n for s, e, c, n in local if e == b and c.end == b]
        if numbers:
            out.append("<sup><b>" + ",".join(f"[{n}]" for n in numbers) + "</b></sup>")
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


def packet_html(project: Project, article_id: str, language: str = "en") -> str:
    """The whole packet as one HTML document."""
    words = HEADINGS.get(language, HEADINGS["en"])
    article = articles.get_article(project, article_id)
    live = claims.list_claims(project, article_id)
    numbered = [(c.start, c.end, c, i) for i, c in enumerate(live, 1)]
    label_set: dict[str, Label] = {lab.key: lab for lab in labels.list_labels(project)}
    colors = {key: lab.color for key, lab in label_set.items()}
    latest = reviews.latest_reviews(project, article_id)
    page_dir = "rtl" if language == "ar" else "ltr"

    paragraphs = []
    offset = 0
    for line in article.text.split("\n"):
        if line.strip():
            direction = base_direction(line)
            align = "right" if direction == "rtl" else "left"
            paragraphs.append(f'<p dir="{direction}" align="{align}">'
                              f"{_paragraph_html(line, offset, numbered, colors)}</p>")
        offset += len(line) + 1

    meta_rows = [(words[k], value) for k, value in (
        ("outlet", article.outlet), ("published", article.published), ("url", article.url),
        ("exported", utcnow()[:16].replace("T", " ") + " UTC")) if value]
    meta = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                   for k, v in meta_rows)

    rows = []
    for _s, _e, claim, number in numbered:
        label = label_set.get(claim.label)
        name = label.name(language) if label else claim.label
        review = latest.get(claim.id)
        decision = (f"{words[review.decision]} ({escape(review.reviewer)})"
                    + (f": {escape(review.comment)}" if review.comment else "")
                    if review else words["none"])
        links = "<br/>".join(f'<a href="{escape(u)}">{escape(u)}</a>' for u in claim.sources)
        rows.append(_row([
            _cell(str(number)),
            _cell(escape(claim.quote), base_direction(claim.quote)),
            _cell(escape(name), page_dir,
                  style=f"background-color:{colors.get(claim.label, '#DDDDDD')}"),
            _cell(escape(claim.note), base_direction(claim.note) if claim.note else page_dir),
            _cell(links, "ltr"),
            _cell(escape(claim.annotator)),
            _cell(decision, page_dir),
        ], page_dir))
    header = _row([f"<th>{escape(words[k])}</th>" for k in
                   ("number", "quote", "verdict", "note", "sources", "annotator", "review")],
                  page_dir)
    # Qt's rich text does not mirror tables, so a right-to-left page lists the columns
    # in reverse inside a table marked left-to-right: the same in Qt and in browsers.
    table = (f'<table dir="ltr" border="1" cellspacing="0" cellpadding="4" width="100%">'
             f"{header}{''.join(rows)}</table>")
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{page_dir}"><head><meta charset="utf-8">'
        f"<title>{escape(words['packet'])}: {escape(article.title)}</title>"
        f"<style>body {{ font-family: {FONTS}; font-size: 12pt; }} "
        f"th {{ background-color: #EEEEEE; }} sup {{ color: #B00020; }}</style></head>"
        f'<body dir="{page_dir}">'
        f'<h1 dir="{base_direction(article.title)}">{escape(article.title)}</h1>'
        f'<table cellpadding="2">{meta}</table><hr/>{"".join(paragraphs)}<hr/>'
        f"<h2>{escape(words['claims'])} ({len(live)})</h2>{table}</body></html>")


def write_packet_html(project: Project, article_id: str, path: str, language: str = "en"
                      ) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(packet_html(project, article_id, language))
