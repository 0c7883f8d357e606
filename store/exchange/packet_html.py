"""The review packet as HTML: a page a browser shows as it is, Arabic right to left."""

from __future__ import annotations

from html import escape

from store.core.links import is_web_link, readable_link
from store.core.project import Project
from store.exchange.packet import COLUMNS, LINE_BREAK, Packet, Paragraph, build_packet, ink_on
from store.text.display import base_direction, has_letters, isolate_direction

FONTS = "'IBM Plex Sans Arabic', 'Noto Sans Arabic', sans-serif"


def _on_verdict(color: str) -> str:
    """The style of words on a verdict's colour: in black or white, whichever reads."""
    return f"background-color:{color}; color:{ink_on(color)}"


def _paragraph_html(paragraph: Paragraph) -> str:
    """One paragraph with claim segments highlighted and numbers after each claim's end.

    Highlights side by side and their numbers are isolated together (``<bdi>``), in the
    paragraph's direction unless they hold no letter of it (``isolate_direction``): an
    Arabic claim in quotation marks in an English paragraph was shown «[3]«البطالة ارتفعت,
    its closing mark and number on the wrong side; an isolate from its first letter laid
    «BBC نشرت…» out left to right in an Arabic paragraph, and one per overlapping claim
    put the pieces of one in the wrong order."""
    out: list[str] = []
    group: list[str] = []  # highlights (and numbers) side by side, as HTML
    words: list[str] = []  # and their text

    def close_group() -> None:
        if group:
            direction = isolate_direction("".join(words), paragraph.direction)
            out.append(f'<bdi dir="{direction}">{"".join(group)}</bdi>')
            group.clear()
            words.clear()

    for segment in paragraph.segments:
        piece = escape(segment.text)
        if not (segment.color or segment.numbers):
            close_group()
            out.append(piece)
            continue
        if segment.color:
            piece = f'<span style="{_on_verdict(segment.color)}">{piece}</span>'
        if segment.numbers:
            piece += "<sup><b>" + segment.markers + "</b></sup>"
        group.append(piece)
        words.append(segment.text)
    close_group()
    return "".join(out)


def _cell(content: str, direction: str = "", style: str = "", lang: str = "") -> str:
    attributes = f' lang="{lang}"' if lang else ""
    if direction:
        attributes += f' dir="{direction}" align="{"right" if direction == "rtl" else "left"}"'
    if style:
        attributes += f' style="{style}"'
    return f"<td{attributes}>{content}</td>"


def _row(cells: list[str], page_dir: str) -> str:
    return "<tr>" + "".join(reversed(cells) if page_dir == "rtl" else cells) + "</tr>"


def render_html(packet: Packet) -> str:
    """The packet as one HTML document."""
    words, page_dir, lang = packet.words, packet.direction, packet.text_language
    text_lang = f' lang="{lang}"' if lang else ""  # the article's, where it is known
    paragraphs = "".join(
        f'<p dir="{p.direction}" align="{"right" if p.direction == "rtl" else "left"}"'
        f"{text_lang}>{_paragraph_html(p)}</p>" for p in packet.paragraphs)
    # (A value isolated: an address with an Arabic path in an Arabic packet was drawn
    # «id=1&x=2?تقرير/https://example.org/ar».)
    meta = "".join(f"<tr><td><b>{escape(k)}</b></td><td><bdi>{escape(v)}</bdi></td></tr>"
                   for k, v in packet.meta)
    rows = []
    for row in packet.claims:
        links = "<br/>".join(f'<a href="{escape(u)}">{escape(readable_link(u))}</a>'
                             if is_web_link(u) else escape(readable_link(u))
                             for u in row.sources)  # (not linked: see jsonld)
        rows.append(_row([
            _cell(str(row.number)),
            _cell(_lines(row.quote), base_direction(row.quote), lang=lang),
            _cell(escape(row.verdict), page_dir, style=_on_verdict(row.color)),
            _cell(_paragraphs(row.note, page_dir), page_dir),
            _cell(links, "ltr"),
            _cell(escape(row.annotator)),
            _cell(_lines(row.review), page_dir),
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
        f'<h1 dir="{base_direction(packet.title)}"{text_lang}>{escape(packet.title)}</h1>'
        f'<table cellpadding="2">{meta}</table><hr/>{paragraphs}<hr/>'
        f"<h2>{escape(words['claims'])} ({len(packet.claims)})</h2>{table}</body></html>")


def _paragraphs(text: str, default: str) -> str:
    """*text*'s lines each in the direction of its first letter (*default* for one with
    none), as the window and the PDF lay a note out: given the whole note's, an Arabic
    paragraph after an English one was laid out left to right in a browser (rv97). Its
    spaces kept, as there: a list's indented points were shown all at one level (rv248);
    an empty line keeps its height, a line of spaces none (as in the PDF)."""
    return "".join(f'<div dir="{base_direction(line) if has_letters(line) else default}"'
                   f' style="white-space:pre-wrap">'
                   f'{escape(line) if line.strip() else "" if line else "<br/>"}</div>'
                   for line in LINE_BREAK.split(text))


def _lines(text: str) -> str:
    """*text* escaped, its line breaks kept (a browser joins the lines of a cell)."""
    return "<br/>".join(map(escape, LINE_BREAK.split(text)))


def packet_html(project: Project, article_id: str, language: str = "en") -> str:
    """The whole packet as one HTML document."""
    return render_html(build_packet(project, article_id, language))
