"""The review packet as PDF, written with fpdf2: no Qt, and a text layer that viewers copy
and search as the article's own text (see store.exchange.pdf_layout for how, and for its limits).

A4, 15 mm margins: the title and metadata, the article's paragraphs with each claim's words
on its verdict colour and a bold [n] after its end, then the claims table, its columns
right to left on an Arabic packet; "page n / N" at the foot of every page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from fpdf import FPDF

from store.core.links import as_uri, is_web_link, readable_link
from store.core.project import Project
from store.exchange.packet import COLUMNS, LINE_BREAK, ClaimRow, Packet, build_packet, ink_on
from store.exchange.pdf_layout import Line, Style, Typesetter
from store.exchange.safe_write import write_bytes
from store.text.display import base_direction

MARGIN = 15.0  # mm
BODY = Style(size=10.5)
MARKER = Style(size=8, bold=True, color="#B00020", isolated=True)  # with its claim
TITLE = Style(size=16, bold=True)


def meta_spans(key: str, value: str) -> list[tuple[str, Style]]:
    """A line of the packet's details: its name in bold, its value isolated, as the HTML
    packet's <bdi> (after an Arabic name «2026-12-05 07:20 UTC» was drawn «UTC 07:20
    05-12-2026»)."""
    return [(f"{key}: ", Style(size=BODY.size, bold=True)),
            (value, Style(size=BODY.size, isolated=True))]
HEADING = Style(size=13, bold=True)
CELL = Style(size=9)
CELL_HEAD = Style(size=9, bold=True)
FOOT = Style(size=8, color="#666666")
HEADER_FILL = "#EEEEEE"
RULE = "#999999"
PADDING = 1.5  # mm inside table cells
# Width of each claims-table column, in COLUMNS order; they add up to A4's 180 mm. The
# number's is widened to the packet's widest number, from the quote's (_Writer.column_widths).
WIDTHS = {"number": 7, "quote": 42, "verdict": 20, "note": 34, "sources": 34,
          "annotator": 20, "review": 23}


def write_packet_pdf(project: Project, article_id: str, path: str | Path,
                     language: str = "en") -> Path:
    """Write the packet of one article to *path*, whole or not at all."""
    return write_bytes(path, packet_pdf_bytes(build_packet(project, article_id, language)))


def packet_pdf_bytes(packet: Packet) -> bytes:
    return _Writer(packet).write()


@dataclass
class _Block:
    """Lines of one paragraph in a box: aligned right for right-to-left text."""

    lines: list[Line]
    align: str
    link: str = ""


@dataclass
class _Blank(Line):
    """An empty line of a cell (a note's paragraphs apart), as the HTML packet's <br/>: a
    line's height, nothing drawn. A line of spaces is none, as in the HTML."""

    blank: float = 0.0  # its font size

    @property
    def size(self) -> float:
        return self.blank


class _Writer:
    def __init__(self, packet: Packet):
        self.packet = packet
        self.rtl = packet.direction == "rtl"
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(False)
        pdf.set_title(f"{packet.words['packet']}: {packet.title}")
        pdf.set_creator("Tahqiq")
        # The document's language is its text's, where the article's is known (the
        # headings are the packet's): screen readers read it in that voice.
        pdf.set_lang(packet.text_language or packet.language)
        self.pdf = pdf
        self.setter = Typesetter(pdf)
        self.width = pdf.w - 2 * MARGIN
        self.bottom = pdf.h - MARGIN - 5  # room for the page number
        self.y = MARGIN
        self.widths = self.column_widths()

    def write(self) -> bytes:
        self.new_page()
        self.header()
        self.rule()
        for paragraph in self.packet.paragraphs:
            self.flow(self.block(_spans(paragraph.segments), paragraph.direction))
            self.y += 1.5
        self.rule()
        words = self.packet.words
        self.table(self.block([(f"{words['claims']} ({len(self.packet.claims)})", HEADING)],
                              self.packet.direction))
        self.page_numbers()
        self.setter.finish()
        return bytes(self.pdf.output())

    # -- pieces ------------------------------------------------------------------------------
    def header(self) -> None:
        self.flow(self.block([(self.packet.title, TITLE)], base_direction(self.packet.title)))
        self.y += 1
        for key, value in self.packet.meta:
            self.flow(self.block(meta_spans(key, value), self.packet.direction))

    def rule(self) -> None:
        self.y += 2
        self.pdf.set_draw_color(RULE)
        self.pdf.line(MARGIN, self.y, MARGIN + self.width, self.y)
        self.y += 3

    def block(self, spans: list[tuple[str, Style]], direction: str, width: float = 0.0,
              link: str = "") -> _Block:
        rtl = direction == "rtl"
        return _Block(self.setter.layout(spans, width or self.width, rtl), "R" if rtl else "L",
                      link)

    def flow(self, block: _Block) -> None:
        """Lines across the page, onto a new page when the page is full."""
        for line in block.lines:
            if self.y + line.height(0) > self.bottom:
                self.new_page()
            self.y += self.setter.draw(line, MARGIN, self.y, self.width, block.align)

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = MARGIN

    # -- the claims table --------------------------------------------------------------------
    def column_widths(self) -> dict[str, float]:
        """WIDTHS, the number's column as wide as the packet's widest number, the room taken
        from the quote's: «470» wrapped in 7 mm as «47» over «0», so it was copied and
        searched as neither (rv214)."""
        widest = max((self.setter.layout([(str(claim.number), CELL)], self.width, False)[0].width
                      for claim in self.packet.claims), default=0.0)
        extra = max(0.0, widest + 2 * PADDING + 0.5 - WIDTHS["number"])
        return WIDTHS | {"number": WIDTHS["number"] + extra, "quote": WIDTHS["quote"] - extra}

    def columns(self) -> list[tuple[str, float, float]]:
        """(column, left edge, width), left to right: reversed on a right-to-left page."""
        names = list(reversed(COLUMNS)) if self.rtl else list(COLUMNS)
        out, x = [], MARGIN
        for name in names:
            out.append((name, x, self.widths[name]))
            x += self.widths[name]
        return out

    def table(self, heading: _Block) -> None:
        """The *heading*, the header and the rows. The heading and header go to the next
        page with the first row when it does not fit the room left but fits a page's: they
        were left alone at a page's foot, the row on the next (rv227)."""
        words, page = self.packet.words, self.packet.direction
        header = {name: ([self.block([(words[name], CELL_HEAD)], page, w - 2 * PADDING)],
                         HEADER_FILL) for name, _x, w in self.columns()}
        self.header_row = header
        # the top of a page's rows, under the header repeated
        self.page_top = MARGIN + 2 * PADDING + max(_height(_lines(blocks))
                                                   for blocks, _fill in header.values())
        width = {name: w - 2 * PADDING for name, _x, w in self.columns()}

        def cell(name: str, text: str, direction: str = "", style: Style = CELL
                 ) -> list[_Block]:
            """A cell of *text*, a block per line: a line break inside a block was drawn
            as a missing glyph's box, the lines run together (a note of several lines);
            each line takes its own direction, as a paragraph of the article does; an
            empty one keeps its height (the note's «para1», «», «para2» ran together)."""
            return [self.block(isolate_spans(line, style), direction or (
                base_direction(line) if line.strip() else page), width[name])
                if line else _Block([_Blank([], blank=style.size)], "L")
                for line in LINE_BREAK.split(text)]

        def cells(claim: ClaimRow) -> dict[str, tuple[list[_Block], str | None]]:
            return {
                "number": (cell("number", str(claim.number), page), None),
                "quote": (cell("quote", claim.quote), None),
                "verdict": (cell("verdict", claim.verdict, page,
                                  replace(CELL, color=ink_on(claim.color))), claim.color),
                "note": (cell("note", claim.note), None),
                "sources": ([self.block([(readable_link(url), CELL)], "ltr", width["sources"],
                                        link=as_uri(url) if is_web_link(url) else "")
                             for url in claim.sources], None),
                "annotator": (cell("annotator", claim.annotator), None),
                "review": (cell("review", claim.review, page), None),
            }

        rows = map(cells, self.packet.claims)
        first = next(rows, None)
        heading_height = _height(_lines([heading])) + 2
        table = self.page_top - MARGIN + (0.0 if first is None else 2 * PADDING + max(
            _height(_lines(blocks)) for blocks, _fill in first.values()))
        if MARGIN + heading_height + table > self.bottom:
            table = 0  # a first row taller than a page is cut: 20 mm of it under the header
        if self.y + heading_height + max(20, table) > self.bottom:
            self.new_page()
        self.flow(heading)
        self.y += 2
        for row in (header, *([first] if first else [])):
            self.row(row)
        for row in rows:
            self.row(row)

    def row(self, cells: dict[str, tuple[list[_Block], str | None]]) -> None:
        """One table row, on the next page (under the header again) when it does not fit
        the room left but fits a page's; only a row taller than that is cut, and each part
        has the claim's number and verdict. A row of two lines at a page's foot was cut as
        soon as a line fitted: its second line began the next page alone, no number beside
        it and its verdict's colour empty (rv214)."""
        left = {name: _lines(blocks) for name, (blocks, _fill) in cells.items()}
        while True:
            room = self.bottom - self.y - 2 * PADDING
            taken = {name: _fitting(lines, room) for name, lines in left.items()}
            need = max(_height(lines) for lines in left.values())
            if self.y > self.page_top and need > room and (
                    need <= self.bottom - self.page_top - 2 * PADDING or not any(taken.values())):
                self.continue_table()
                continue
            taken = {name: n or min(1, len(left[name])) for name, n in taken.items()}
            height = 2 * PADDING + max(_height(left[name][:n]) for name, n in taken.items())
            self.draw_cells(cells, left, taken, height)
            self.y += height
            left = {name: lines[taken[name]:] for name, lines in left.items()}
            if not any(left.values()):
                return
            for name in _CARRIED:
                if name in left and not left[name]:
                    left[name] = _lines(cells[name][0])
            self.continue_table()

    def continue_table(self) -> None:
        self.new_page()
        self.row(self.header_row)

    def draw_cells(self, cells, left, taken, height: float) -> None:
        pdf = self.pdf
        pdf.set_draw_color(RULE)
        for name, x, w in self.columns():
            fill = cells[name][1]
            if fill:
                pdf.set_fill_color(fill)
                pdf.rect(x, self.y, w, height, style="F")
            pdf.rect(x, self.y, w, height, style="D")
            y = self.y + PADDING
            for line, block in left[name][:taken[name]]:
                if line.runs:  # (not a _Blank: no glyphs, no edges for the text layers)
                    self.setter.draw(line, x + PADDING, y, w - 2 * PADDING, block.align)
                    if block.link:
                        pdf.link(x + PADDING, y, line.width, line.height(0), block.link)
                y += line.height(0)

    def page_numbers(self) -> None:
        pdf, total = self.pdf, self.pdf.page
        for number in range(1, total + 1):
            pdf.page = number
            label = f"{self.packet.words['page']} {number} / {total}"
            for line in self.setter.layout([(label, FOOT)], self.width, self.rtl):
                self.setter.draw(line, MARGIN + (self.width - line.width) / 2,
                                 pdf.h - MARGIN, self.width)
        pdf.page = total


def _spans(segments) -> list[tuple[str, Style]]:
    """A paragraph's segments as styled spans: claims on their colour, numbers after."""
    spans: list[tuple[str, Style]] = []
    for segment in segments:
        spans.append((segment.text, Style(size=BODY.size, background=segment.color,
                                          color=ink_on(segment.color), isolated=True)
                       if segment.color else BODY))
        if segment.numbers:
            spans.append((segment.markers, MARKER))
    return spans


def isolate_spans(line: str, style: Style) -> list[tuple[str, Style]]:
    """A cell's line with its isolates (LRI, RLI or FSI … PDI: a review's name and
    comment, an isolate a note was typed with) as isolated spans, their controls not
    drawn: pdfium read a line whose controls were drawn a letter short, the Arabic line
    of a review after a break and a wrapped one (rv176). Each keeps its own direction
    (``_isolate_direction``), as the HTML packet does: laid out in the claims' rule, an
    Arabic comment holding «BBC» read left to right on an English page, and a note's
    LRI «+966 50 123» «123 50 966+» on any (rv257). Each is a span of its own, with the
    isolates it is in (``Style.isolates``): two side by side were one run, and one inside
    another part of it, «⁦+966 ⁧عربي⁩ 50⁩» drawn «+966 50 يبرع» (rv263). An isolate no
    PDI closes ends with the line, as UAX #9 has it; and there a PDI closing none, and an
    isolate holding nothing, are neutrals, not nothing: dropped, «12⁩kg» on an Arabic page
    was drawn «12kg» and «1⁦⁩2» «12», where UAX #9 and the HTML packet give «kg12» and
    «21» (rv266). The text after them is a span of its own (``Style.after_controls``)."""
    spans: list[tuple[str, Style]] = []
    inside: list[tuple[int, str, int]] = []  # the isolates open: number, direction, drawn
    opened, pieces, drawn, kept, after = 0, [], 0, 0, 0  # drawn: characters before

    def flush() -> None:
        nonlocal after
        if pieces:
            isolates = tuple((number, way) for number, way, _ in inside)
            kind = replace(style, isolated=True, isolates=isolates) if isolates else style
            spans.append(("".join(pieces), replace(kind, after_controls=after)
                          if after else kind))
            pieces.clear()
            after = 0

    for i, char in enumerate(line):
        if char in _OPENERS or char == _PDI:
            flush()
            if char in _OPENERS:
                inside.append((opened, _isolate_direction(line, i), drawn))
                opened += 1
            elif not inside or inside.pop()[2] == drawn:  # closing none, or an empty one
                kept += 1
                after = kept
        else:
            pieces.append(char)
            drawn += 1
    flush()
    return spans


def _isolate_direction(line: str, at: int) -> str:
    """The direction of the isolate *line* opens at *at* (UAX #9 P2-P3): LRI's, RLI's, or
    FSI's first strong letter before its PDI, past the isolates inside it; none: ltr."""
    if line[at] != "\u2068":
        return "ltr" if line[at] == "\u2066" else "rtl"
    depth = 0
    for char in line[at + 1:]:
        if char in _OPENERS or char == _PDI:
            depth += -1 if char == _PDI else 1
            if depth < 0:
                break
        elif depth == 0 and (kind := unicodedata.bidirectional(char)) in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return "ltr"


_OPENERS, _PDI = "\u2066\u2067\u2068", "\u2069"


_CARRIED = ("number", "verdict")  # on each part of a row cut across pages


def _lines(blocks: list[_Block]) -> list[tuple[Line, _Block]]:
    return [(line, block) for block in blocks for line in block.lines]


def _height(lines: list[tuple[Line, _Block]]) -> float:
    return sum(line.height(0) for line, _block in lines)


def _fitting(lines: list[tuple[Line, _Block]], room: float) -> int:
    used = 0.0
    for n, (line, _block) in enumerate(lines):
        used += line.height(0)
        if used > room:
            return n
    return len(lines)
