"""Mixed Arabic and Latin text set into an fpdf2 document so that PDF viewers give back
the writer's text, in logical order, when it is copied, searched or extracted.

fpdf2 writes the file, embeds and subsets the fonts and their ToUnicode maps; HarfBuzz
shapes; fpdf2's UAX #9 implementation gives the bidi levels. Line breaking, the visual
order of runs and the text layers are ours.

Neither PDF reader follows UAX #9, so each gets a text layer of its own, written by
:meth:`Typesetter.finish` once every page is drawn, in the order that
:mod:`store.exchange.pdf_readers` models for it.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.basePen import BasePen
from fpdf import FPDF
from fpdf.bidi import BidiParagraph
from fpdf.enums import PDFResourceType, TextDirection
from fpdf.fonts import Glyph as FontGlyph
from fpdf.fonts import TTFFont

from store.errors import TahqiqError
from store.exchange.pdf_readers import PlacedLine, pdfium_visual, poppler_layout, poppler_reads_ltr
from store.text.display import isolate_direction

# (package, file name or its start): the print face, then faces for what it lacks.
PRINT_FACES = {"": ("fontpkg_ibm_plex_sans_arabic", "IBMPlexSansArabic-Regular.ttf"),
               "B": ("fontpkg_ibm_plex_sans_arabic", "IBMPlexSansArabic-Bold.ttf")}
FALLBACK_FACES = (("fontpkg_noto_sans_arabic", "NotoSansArabic"),
                  ("manimgx_fonts", "NotoSans["),
                  ("manimgx_fonts", "NotoSansHebrew["),  # (a Hebrew article: boxes)
                  ("manimgx_fonts", "NotoSansSymbols["),
                  ("manimgx_fonts", "NotoEmoji["))
LINE_SPACING = 1.55  # line height as a multiple of the font size
BASELINE = 1.12  # baseline below the line's top, as a multiple of the font size
# Characters that belong to the glyph before them, whatever font has them.
_ATTACHED = {"Mn", "Me", "Cf"}
# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties): HarfBuzz draws them as
# nothing where a face lacks them (an emoji's VS16, a ZWJ), so a face need not have them.
_IGNORABLE = ((0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160),
              (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
              (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
              (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
              (0xE0000, 0xE0FFF))


def font_file(package: str, name: str) -> Path | None:
    """A TTF shipped by a Python package (the ``fontpkg-*`` ones keep theirs in
    ``files/``), found without Qt; None when the package is not installed."""
    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    root = Path(module.__file__).resolve().parent
    for folder in (root / "files", root):
        found = sorted(p for p in folder.glob("*.ttf") if p.name.startswith(name))
        if found:
            return found[0]
    return None


@dataclass(frozen=True)
class Style:
    size: float = 10.5  # points
    bold: bool = False
    color: str = "#111111"
    background: str | None = None
    # Ordered as a unit of its own (a bidi isolate, with the isolated text beside it):
    # a highlighted claim and its number, which the text around must not reorder.
    isolated: bool = False
    # The cell's isolates (LRI, RLI or FSI … PDI) the text is in, outermost first: each its
    # number in the line and its own direction (rv257). Each is a run of its own, nested
    # as written (rv263); none for a claim's, laid out by ``isolate_direction``.
    isolates: tuple[tuple[int, str], ...] = ()
    # Drawn after controls of the cell's line that isolate nothing drawn (a PDI closing
    # none, an empty isolate), numbered in the line (0: none): not drawn either, but a
    # neutral there, as UAX #9 and the HTML packet have it, «12⁩kg» «kg12» on an Arabic
    # page, not «12kg» (rv266).
    after_controls: int = 0


@dataclass
class Glyph:
    gid: int
    advance: int  # font units
    x_offset: int
    y_offset: int
    cluster: int  # paragraph index of the first character of the glyph's cluster
    length: int  # characters of the cluster if the glyph carries them, else 0 (an outline)
    chars: str = ""  # what pdfium reads for it, set when the page is finished


@dataclass
class Run:
    """Glyphs of one direction, font and style, in visual order."""

    font: TTFFont
    style: Style
    rtl: bool
    glyphs: list[Glyph]

    @property
    def width(self) -> float:  # millimetres
        return sum(g.advance for g in self.glyphs) * self.scale / _PT_PER_MM

    @property
    def scale(self) -> float:  # points per font unit
        return self.style.size / self.font.ttfont["head"].unitsPerEm


@dataclass
class Line:
    runs: list[Run]  # visual order, left to right
    text: str = ""  # logical order
    start: int = 0  # paragraph index of text[0]

    @property
    def width(self) -> float:
        return sum(run.width for run in self.runs)

    @property
    def size(self) -> float:
        return max((run.style.size for run in self.runs), default=0.0)

    def height(self, size: float) -> float:
        return max(self.size, size) * LINE_SPACING / _PT_PER_MM


_PT_PER_MM = 72 / 25.4


@dataclass
class _Text:
    """One run's carriers, drawn as one text object once their characters are known."""

    font: TTFFont
    style: Style
    x: float  # points, from the page's left
    y: float  # points, from the page's bottom
    glyphs: list[list]  # [glyph, its width in font units: to the next one]


@dataclass
class _Written(PlacedLine):
    """A drawn line and its text objects, for the text layers."""

    texts: list[_Text]


class Typesetter:
    """Lays out and draws paragraphs of styled spans on an fpdf2 document (units: mm);
    :meth:`finish` completes the text layer once every page is drawn."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf
        self.faces: dict[bool, TTFFont] = {}
        for style, (package, name) in PRINT_FACES.items():
            path = font_file(package, name)
            if path is None:
                raise TahqiqError("The print font is missing: install {package}.",
                                  package=package.replace("_", "-"))
            pdf.add_font("print", style, str(path))
            self.faces[style == "B"] = pdf.fonts["print" + style]
        self.fallbacks: list[TTFFont] = []
        self._fallback_files: list[Path] = []
        self._bold_fallbacks: dict[int, TTFFont] = {}
        self._cluster_faces: dict[tuple[str, bool], TTFFont] = {}
        for n, (package, name) in enumerate(FALLBACK_FACES):
            path = font_file(package, name)
            if path is not None:
                pdf.add_font(f"fallback{n}", "", str(path))
                self.fallbacks.append(pdf.fonts[f"fallback{n}"])
                self._fallback_files.append(path)
        self._outlines: dict[tuple[str, int], str] = {}
        self._written: dict[int, list[_Written]] = {}

    # -- layout ----------------------------------------------------------------------------
    def layout(self, spans: list[tuple[str, Style]], width: float, rtl: bool) -> list[Line]:
        """Break one paragraph into lines at most *width* wide (a word longer than that
        is broken between characters)."""
        text = "".join(t for t, _ in spans).replace("\t", " ")
        if not text:
            return []
        styles = [style for t, style in spans for _ in t]
        para = _Paragraph(self, text, styles, rtl)
        lines: list[Line] = []
        start, used = 0, 0.0
        for a, b in _words(text):
            word = para.measure(a, a + len(text[a:b].rstrip(" ")))
            if used and used + word > width:
                lines.append(para.line(start, a))
                start, used = a, 0.0
            if not used and word > width:
                for cut in para.split(a, b, width):  # one word wider than the line
                    lines.append(para.line(start, cut))
                    start = cut
                used = para.measure(start, b)
            else:
                used += para.measure(a, b)
        lines.append(para.line(start, len(text)))
        return [line for line in lines if line.runs]

    def font_for_cluster(self, cluster: str, bold: bool) -> TTFFont:
        """The face of a letter and the marks after it: its letter's, when that face has
        them all (nearly always); else the first of the print face and the fallbacks that
        has them all, so that a keycap «1\ufe0f\u20e3» is not drawn as the print face's
        digit and a missing glyph's box (rv176); the letter's, when none has them all."""
        face = self.font_for(cluster[0], bold)
        if len(cluster) == 1 or _covers(face, cluster):
            return face
        if (cluster, bold) not in self._cluster_faces:
            found = next((n for strict in (True, False) for n, f in enumerate(self.fallbacks)
                          if _covers(f, cluster, strict)), None)
            self._cluster_faces[cluster, bold] = (
                self.faces[bold] if _covers(self.faces[bold], cluster) else face
                if found is None else self._bold_fallback(found) if bold
                else self.fallbacks[found])
        return self._cluster_faces[cluster, bold]

    def font_for(self, char: str, bold: bool) -> TTFFont:
        face = self.faces[bold]
        if ord(char) in face.cmap or char.isspace():
            return face
        found = next((n for n, f in enumerate(self.fallbacks) if ord(char) in f.cmap), None)
        if found is None:
            return face
        return self._bold_fallback(found) if bold else self.fallbacks[found]

    def _bold_fallback(self, n: int) -> TTFFont:
        """Fallback face *n* at the bold weight, where it is a variable font: a Hebrew
        title was drawn regular between bold Arabic words. Made when first needed
        (instancing Noto Sans at 700 takes 1.5 s)."""
        if n not in self._bold_fallbacks:
            path = self._fallback_files[n]
            if "wght" not in path.name:
                self._bold_fallbacks[n] = self.fallbacks[n]
            else:
                self.pdf.add_font(f"fallback{n}", "B", str(path), variations={"wght": 700})
                self._bold_fallbacks[n] = self.pdf.fonts[f"fallback{n}B"]
        return self._bold_fallbacks[n]

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, line: Line, x: float, top: float, width: float, align: str = "L",
             size: float = 0.0) -> float:
        """Draw *line* in the box from *x*, *width* wide, whose top is *top*; returns the
        line's height. Highlights fill the whole line height, so lines of one claim
        touch. The glyphs that carry text are written by :meth:`finish`."""
        height = line.height(size)
        left = x + width - line.width if align == "R" else x
        pdf, k = self.pdf, _PT_PER_MM
        at = left
        for run in line.runs:
            if run.style.background:
                pdf.set_fill_color(run.style.background)
                pdf.rect(at, top, run.width, height, style="F")
            at += run.width
        baseline = (pdf.h - top - (height - max(line.size, size) * LINE_SPACING / k) / 2
                    - line.size * BASELINE / k) * k
        outlines: list[str] = []
        edges: dict[int, tuple[float, float]] = {}
        texts = [self._place(run, (left + sum(r.width for r in line.runs[:n])) * k, baseline,
                             edges, outlines) for n, run in enumerate(line.runs)]
        if outlines:
            pdf._out("q " + " ".join(outlines) + " Q")  # noqa: SLF001 (fpdf2 has no public way)
        owner = {g.cluster + n: (g.cluster, number) for number, run in enumerate(line.runs)
                 for g in run.glyphs for n in range(g.length)}
        self._written.setdefault(pdf.page, []).append(_Written(
            line.text, [(*edges[owner[line.start + n][0]], owner[line.start + n][1])
                        for n in range(len(line.text))], baseline, line.size, texts))
        return height

    def finish(self) -> None:
        """Write the text of every page drawn on: the glyphs pdfium reads, each row of
        lines (one baseline) at once, as pdfium reads it as one line; then the layer
        poppler reads (see the module docstring)."""
        pdf, current = self.pdf, self.pdf.page
        font = self.faces[False]
        name = font.cmap[32]  # the space the runs write, so that no other glyph maps to " "
        width = font.ttfont["hmtx"].metrics[name][0] * 1000 / font.ttfont["head"].unitsPerEm
        space = self._cid(font, Glyph(font.ttfont.getGlyphID(name), 0, 0, 0, 0, 1, " "), width)
        for page, written in self._written.items():
            pdf.page = page
            rows: dict[float, list[_Written]] = {}
            for line in written:
                rows.setdefault(round(line.baseline, 1), []).append(line)
            ops = []
            for row in rows.values():
                row.sort(key=lambda line: min(edge[0] for edge in line.edges))
                for line, visual in zip(row, pdfium_visual([line.text for line in row]),
                                        strict=True):
                    ops.extend(self._text_ops(line.texts, iter(visual)))
            ltr = poppler_reads_ltr([line.text for line in written])
            ops.append("BT 3 Tr 0 Tz")
            size = 0.0
            for word, x0, x1, y, word_size in poppler_layout(written, ltr):
                if word_size != size:
                    size = word_size
                    ops.append(f"/F{font.i} {size:.2f} Tf")
                text = "FEFF" + word.encode("utf-16-be").hex().upper()
                ops.append(f"/Span <</ActualText <{text}>>> BDC 1 0 0 1 {x0:.2f} {y:.2f} Tm "
                           f"<{space:04X}> Tj {x1 - x0:.2f} 0 Td <{space:04X}> Tj EMC")
            ops.append("ET")
            pdf._resource_catalog.add(PDFResourceType.FONT, font.i, page)  # noqa: SLF001
            pdf._out("q " + " ".join(ops) + " Q")  # noqa: SLF001
        pdf.page = current
        self._written.clear()

    def _place(self, run: Run, x: float, y: float, edges: dict[int, tuple[float, float]],
               outlines: list[str]) -> _Text:
        """Lay out one run from *x* on baseline *y* (points): *outlines* gets the glyphs
        that carry no text, drawn as paths, *edges* each cluster's left and right edge;
        returns the glyphs that carry text, each as wide in the font as the distance to
        the next one, so that the text is one string with no positioning in it, where
        pdfium would see spaces."""
        font, scale = run.font, run.scale
        text = _Text(font, run.style, x, y, [])
        glyphs, paths, pen_x = text.glyphs, [], x
        for glyph in run.glyphs:
            if glyph.advance or glyph.cluster not in edges:
                left, right = edges.get(glyph.cluster, (pen_x, pen_x))
                edges[glyph.cluster] = (min(left, pen_x),
                                        max(right, pen_x + glyph.advance * scale))
            if glyph.length:  # moved right by x_offset: the glyph before widens
                if glyphs:
                    glyphs[-1][1] += glyph.x_offset
                else:
                    text.x += glyph.x_offset * scale
                glyphs.append([glyph, glyph.advance - glyph.x_offset])
            else:
                outline = self._outline(font, glyph.gid)
                if outline:
                    paths.append(f"q 1 0 0 1 {pen_x + glyph.x_offset * scale:.2f} "
                                    f"{y + glyph.y_offset * scale:.2f} cm {scale:.5f} 0 0 "
                                    f"{scale:.5f} 0 0 cm {outline} f Q")
                if glyphs:
                    glyphs[-1][1] += glyph.advance
                else:
                    text.x += glyph.advance * scale
            pen_x += glyph.advance * scale
        if paths:
            outlines.extend([f"{_rgb(run.style.color)} rg", *paths])
        return text

    def _text_ops(self, texts: list[_Text], visual) -> list[str]:
        """Text objects for a line's runs, their carriers taking the characters of
        *visual* in turn; each a Span that poppler does not read."""
        ops = []
        for text in texts:
            font = text.font
            units = 1000 / font.ttfont["head"].unitsPerEm
            codes = []
            for glyph, advance in text.glyphs:
                glyph.chars = "".join(next(visual) for _ in range(glyph.length))
                codes.append(f"{self._cid(font, glyph, advance * units):04X}")
            self.pdf._resource_catalog.add(PDFResourceType.FONT, font.i, self.pdf.page)  # noqa: SLF001
            ops.append(f"/Span <</ActualText ()>> BDC BT /F{font.i} {text.style.size:.2f} Tf "
                       f"{_rgb(text.style.color)} rg 1 0 0 1 {text.x:.2f} {text.y:.2f} Tm "
                       f"<{''.join(codes)}> Tj ET EMC")
        return ops

    def _cid(self, font: TTFFont, glyph: Glyph, width: float) -> int:
        """The glyph's code in the font's subset, keyed by the characters it maps to and
        its width there (thousandths of the size)."""
        return font.subset.pick_glyph(FontGlyph(glyph.gid, tuple(map(ord, glyph.chars)),
                                                font.ttfont.getGlyphName(glyph.gid),
                                                round(width, 1)))

    def _outline(self, font: TTFFont, gid: int) -> str:
        key = (font.fontkey, gid)
        if key not in self._outlines:
            glyphs = font.ttfont.getGlyphSet()
            pen = _PathPen(glyphs)
            glyphs[font.ttfont.getGlyphName(gid)].draw(pen)
            self._outlines[key] = " ".join(pen.ops)
        return self._outlines[key]


_CONTEXT = 8  # characters either side of a piece given to HarfBuzz (it looks at 5)


class _Paragraph:
    """One paragraph's text, styles, fonts and bidi levels, measured and cut into lines."""

    def __init__(self, setter: Typesetter, text: str, styles: list[Style], rtl: bool):
        self.setter, self.text, self.styles, self.rtl = setter, text, styles, rtl
        self.levels, self.parted = bidi_layout(text, rtl, _isolated_runs(text, styles, rtl))
        self.fonts: list[TTFFont] = []  # one face for a letter and the marks after it
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or unicodedata.category(text[i]) not in _ATTACHED:
                face = setter.font_for_cluster(text[start:i], styles[start].bold)
                self.fonts.extend([face] * (i - start))
                start = i
        self.codepoints = [ord(c) for c in text]
        self._widths: dict[tuple[int, int], float] = {}

    def pieces(self, a: int, b: int) -> list[tuple[int, int]]:
        """[a, b) cut where level, style or font changes, in logical order."""
        out, start = [], a
        for i in range(a + 1, b + 1):
            if i == b or (self.levels[i], self.styles[i], self.fonts[i]) != (
                    self.levels[start], self.styles[start], self.fonts[start]):
                out.append((start, i))
                start = i
        return out

    def shape(self, a: int, b: int) -> Run:
        """HarfBuzz on [a, b) with the characters around it as context, so a letter
        joins its neighbour across a change of colour. Only a few of them: HarfBuzz looks
        at no more (HB_BUFFER_CONTEXT_LENGTH), and handing it the whole paragraph for
        every piece made a long note's packet quadratic (a 10,000-word note: 10 s)."""
        font, rtl = self.fonts[a], self.levels[a] % 2 == 1
        low, high = max(0, a - _CONTEXT), min(len(self.codepoints), b + _CONTEXT)
        buf = hb.Buffer()
        buf.add_codepoints(self.codepoints[low:high], a - low, b - a)
        buf.direction = "rtl" if rtl else "ltr"
        buf.guess_segment_properties()
        hb.shape(font.hbfont, buf, {})
        positions = buf.glyph_positions
        # clusters count from the context's start: from the paragraph's, here
        clusters = [info.cluster + low for info in buf.glyph_infos]
        starts = sorted(set(clusters))
        ends = dict(zip(starts, starts[1:] + [b], strict=True))
        carriers: dict[int, int] = {}
        for n, (cluster, pos) in enumerate(zip(clusters, positions, strict=True)):
            if cluster not in carriers or (
                    pos.x_advance and not positions[carriers[cluster]].x_advance):
                carriers[cluster] = n
        glyphs = [Glyph(info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset, cluster,
                        ends[cluster] - cluster if carriers[cluster] == n else 0)
                  for n, (info, pos, cluster) in enumerate(
                      zip(buf.glyph_infos, positions, clusters, strict=True))]
        return Run(font, self.styles[a], rtl, glyphs)

    def measure(self, a: int, b: int) -> float:
        if (a, b) not in self._widths:
            self._widths[a, b] = sum(self.shape(p, q).width for p, q in self.pieces(a, b))
        return self._widths[a, b]

    def split(self, a: int, b: int, width: float) -> list[int]:
        """Cuts inside [a, b) between characters (never before a mark) so that each
        part but the last fits *width*."""
        cuts, start = [], a
        for i in range(a + 1, b):
            if unicodedata.category(self.text[i]) in _ATTACHED:
                continue
            if self.measure(start, i + 1) > width and i > start:
                cuts.append(i)
                start = i
        return cuts

    def line(self, a: int, b: int) -> Line:
        b = a + len(self.text[a:b].rstrip(" "))
        pieces = self.pieces(a, b)
        order = visual_order([self.levels[p] for p, _ in pieces], {
            k: self.parted[p] for k, (p, _) in enumerate(pieces) if k and p in self.parted})
        runs = [self.shape(*pieces[i]) for i in order]
        return Line(runs, self.text[a:b], a)


def bidi_levels(text: str, rtl: bool, isolates: Sequence[tuple[int, int, bool]] = ()
                ) -> list[int]:
    """UAX #9 embedding levels of each character of one paragraph; each of *isolates*
    (start, end, right to left) ordered as if between RLI or LRI and PDI, which are not
    drawn: an Arabic claim in quotation marks in an English paragraph was drawn
    «[3]«البطالة ارتفعت, its closing mark and its number taken into the Arabic run."""
    return bidi_layout(text, rtl, isolates)[0]


def bidi_layout(text: str, rtl: bool, isolates: Sequence[tuple[int, int, bool]] = ()
                ) -> tuple[list[int], dict[int, int]]:
    """:func:`bidi_levels`, *isolates* nested as they are (an outer one before an inner
    one that starts with it), and where one starts or ends the lowest level of the
    controls there, which :func:`visual_order` needs: not drawn, they part two isolates
    side by side, «⁦abc⁩⁦def⁩» on an Arabic page, which one run of level 2 drew «abcdef»
    (UAX #9 and the HTML packet: «defabc», rv263). An empty one (a == b) is an empty
    isolate there, a neutral, as a cell's lone PDI or empty isolate is (rv266)."""
    marked, where = [], []  # the text with RLI/LRI and PDI, and where each character went
    starts: dict[int, list[str]] = {}
    ends: dict[int, int] = {}
    empty: set[int] = set()
    for a, b, right in isolates:
        if a == b:
            empty.add(a)
            continue
        starts.setdefault(a, []).append("\u2067" if right else "\u2066")
        ends[b] = ends.get(b, 0) + 1
    controls: dict[int, range] = {}  # where in *marked* the controls before text[i] are
    for i, char in enumerate([*text, ""]):
        before = len(marked)
        marked.extend(["\u2069"] * ends.get(i, 0) + ["\u2066", "\u2069"] * (i in empty)
                      + starts.get(i, []))
        if len(marked) > before:
            controls[i] = range(before, len(marked))
        if char:
            where.append(len(marked))
            marked.append(char)
    paragraph = BidiParagraph("".join(marked), TextDirection.RTL if rtl else
                              TextDirection.LTR, preserve_bn_chars=True)
    levels = [1 if rtl else 0] * len(marked)
    for char in paragraph.get_characters_with_embedding_level():
        levels[char.character_index] = char.embedding_level
    return ([levels[i] for i in where],
            {i: min(levels[k] for k in at) for i, at in controls.items()})


def _isolated_runs(text: str, styles: list[Style], rtl: bool) -> list[tuple[int, int, bool]]:
    """(start, end, right to left) of each run of characters whose style is isolated, in
    order, an outer one before the one inside it: each of a cell's isolates in its own
    direction, from its first character to its last (two side by side are two, rv263);
    and a run of a claim's (one for claims side by side, as they read together) in the
    paragraph's unless it holds no letter of it (``isolate_direction``); and an empty one
    where controls that isolate nothing drawn were (``Style.after_controls``)."""
    runs: list[tuple[int, int, bool]] = []
    start = None
    for i, style in enumerate([*styles, Style()]):
        claims = style.isolated and not style.isolates
        if start is not None and not claims:
            direction = isolate_direction(text[start:i], "rtl" if rtl else "ltr")
            runs.append((start, i, direction == "rtl"))
            start = None
        if claims and start is None:
            start = i
    cells: dict[int, list] = {}  # each cell isolate's [start, end, right to left]
    for i, style in enumerate(styles):
        for number, direction in style.isolates:
            cells.setdefault(number, [i, i, direction == "rtl"])[1] = i + 1
    runs.extend(tuple(cells[number]) for number in sorted(cells))  # (outer ones first)
    runs.extend((i, i, False) for i, style in enumerate(styles) if style.after_controls
                and (not i or styles[i - 1].after_controls != style.after_controls))
    return sorted(runs, key=lambda run: run[0])


def visual_order(levels: list[int], parted: dict[int, int] | None = None) -> list[int]:
    """UAX #9 rule L2: indices of runs with these levels, left to right; *parted*: before
    run k, the controls of an isolate (not drawn) at this level (``bidi_layout``)."""
    if parted:
        marked = [item for k, level in enumerate(levels) for item in (
            [(parted[k], -1)] if k in parted else []) + [(level, k)]]
        return [k for k in (marked[i][1] for i in visual_order([lv for lv, _ in marked]))
                if k >= 0]
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min((lv for lv in levels if lv % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        out, i = [], 0
        while i < len(order):
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            if j > i:
                out.extend(reversed(order[i:j]))
                i = j
            else:
                out.append(order[i])
                i += 1
        order = out
    return order


def _covers(face: TTFFont, cluster: str, strict: bool = False) -> bool:
    """Whether *face* draws every character of *cluster* that is not ignorable (with
    *strict*, every one: a face that has a keycap's VS16 draws it as an emoji, the one
    that lacks it as a text keycap over the space before it)."""
    return all(ord(c) in face.cmap or c.isspace()
               or not strict and any(a <= ord(c) <= b for a, b in _IGNORABLE)
               for c in cluster)


def _words(text: str) -> list[tuple[int, int]]:
    """[start, end) of each word with the spaces after it: where a line may break."""
    out, start = [], 0
    for i in range(1, len(text)):
        if text[i - 1] == " " and text[i] != " ":
            out.append((start, i))
            start = i
    out.append((start, len(text)))
    return out


class _PathPen(BasePen):
    """A glyph's outline as PDF path operators, in font units."""

    def __init__(self, glyph_set):
        super().__init__(glyph_set)
        self.ops: list[str] = []

    def _moveTo(self, pt):
        self.ops.append(f"{pt[0]:g} {pt[1]:g} m")

    def _lineTo(self, pt):
        self.ops.append(f"{pt[0]:g} {pt[1]:g} l")

    def _curveToOne(self, pt1, pt2, pt3):
        self.ops.append(f"{pt1[0]:g} {pt1[1]:g} {pt2[0]:g} {pt2[1]:g} {pt3[0]:g} {pt3[1]:g} c")

    def _closePath(self):
        self.ops.append("h")


def _rgb(color: str) -> str:
    color = color.lstrip("#")
    return " ".join(f"{int(color[i:i + 2], 16) / 255:.3f}" for i in (0, 2, 4))
