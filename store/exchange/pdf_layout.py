"""Mixed Arabic and Latin text set into an fpdf2 document so that PDF viewers give back
the writer's text, in logical order, when it is copied, searched or extracted.

fpdf2 writes the file, embeds and subsets the fonts and their ToUnicode maps; HarfBuzz
shapes; fpdf2's UAX #9 implementation gives the bidi levels. Line breaking, the visual
order of runs and the text layer are ours, because fpdf2's own text layer reads back
wrongly in poppler (pdftotext, Evince, Okular) and pdfium (Chrome) alike: ligatures such
as lam-alef come out reversed, harakat are split from their letters onto lines of their
own, and brackets come out mirrored. The text layer is made so:

- glyphs are written on the baseline in visual order, each run of one direction, font
  and colour as one TJ; extractors reverse right-to-left text character by character,
  so the characters of each HarfBuzz cluster go onto one glyph -- its first spacing
  glyph -- reversed in right-to-left runs (lam-alef maps to alef, lam);
- the cluster's other glyphs (harakat, the parts of a decomposed letter) are drawn as
  outlines: they add no characters and, being raised, cannot start a "line" of their own;
- a mirrored character (brackets, guillemets) maps to what pdfium, which mirrors the
  neutral characters it reads right to left, turns back into the character in the text
  (:func:`pdfium_mirrors`). poppler does not mirror, and keeps a neutral character next
  to Latin letters or digits on their side: it cannot read some of these back either way.
"""

from __future__ import annotations

import importlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.basePen import BasePen
from fpdf import FPDF
from fpdf.bidi import BIDI_BRACKETS, BidiParagraph
from fpdf.enums import PDFResourceType, TextDirection
from fpdf.fonts import TTFFont

from store.errors import TahqiqError

# (package, file name or its start): the print face, then faces for what it lacks.
PRINT_FACES = {"": ("fontpkg_ibm_plex_sans_arabic", "IBMPlexSansArabic-Regular.ttf"),
               "B": ("fontpkg_ibm_plex_sans_arabic", "IBMPlexSansArabic-Bold.ttf")}
FALLBACK_FACES = (("fontpkg_noto_sans_arabic", "NotoSansArabic"),
                  ("manimgx_fonts", "NotoSans["),
                  ("manimgx_fonts", "NotoSansSymbols["),
                  ("manimgx_fonts", "NotoEmoji["))
MIRRORS = {c: v["pair"] for c, v in BIDI_BRACKETS.items()} | {
    "<": ">", ">": "<", "«": "»", "»": "«", "‹": "›", "›": "‹"}
LINE_SPACING = 1.55  # line height as a multiple of the font size
BASELINE = 1.12  # baseline below the line's top, as a multiple of the font size
# Characters that belong to the glyph before them, whatever font has them.
_ATTACHED = {"Mn", "Me", "Cf"}


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


@dataclass
class Glyph:
    gid: int
    advance: int  # font units
    x_offset: int
    y_offset: int
    chars: str | None  # what the glyph stands for in the text layer; None: drawn as outline


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

    @property
    def width(self) -> float:
        return sum(run.width for run in self.runs)

    @property
    def size(self) -> float:
        return max((run.style.size for run in self.runs), default=0.0)

    def height(self, size: float) -> float:
        return max(self.size, size) * LINE_SPACING / _PT_PER_MM


_PT_PER_MM = 72 / 25.4


class Typesetter:
    """Lays out and draws paragraphs of styled spans on an fpdf2 document (units: mm)."""

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
        for n, (package, name) in enumerate(FALLBACK_FACES):
            path = font_file(package, name)
            if path is not None:
                pdf.add_font(f"fallback{n}", "", str(path))
                self.fallbacks.append(pdf.fonts[f"fallback{n}"])
        self._outlines: dict[tuple[str, int], str] = {}

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

    def font_for(self, char: str, bold: bool) -> TTFFont:
        face = self.faces[bold]
        if ord(char) in face.cmap or char.isspace():
            return face
        return next((f for f in self.fallbacks if ord(char) in f.cmap), face)

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, line: Line, x: float, top: float, width: float, align: str = "L",
             size: float = 0.0) -> float:
        """Draw *line* in the box from *x*, *width* wide, whose top is *top*; returns the
        line's height. Highlights fill the whole line height, so lines of one claim
        touch."""
        height = line.height(size)
        left = x + width - line.width if align == "R" else x
        pdf, k = self.pdf, _PT_PER_MM
        at = left
        for run in line.runs:
            if run.style.background:
                pdf.set_fill_color(run.style.background)
                pdf.rect(at, top, run.width, height, style="F")
            at += run.width
        baseline = (top + (height - max(line.size, size) * LINE_SPACING / k) / 2
                    + line.size * BASELINE / k)
        ops: list[str] = []
        at = left
        for run in line.runs:
            pdf._resource_catalog.add(PDFResourceType.FONT, run.font.i, pdf.page)  # noqa: SLF001
            ops.append(self._run_ops(run, at * k, (pdf.h - baseline) * k))
            at += run.width
        pdf._out("q " + " ".join(ops) + " Q")  # noqa: SLF001 (fpdf2 has no public way)
        return height

    def _run_ops(self, run: Run, x: float, y: float) -> str:
        """PDF operators for one run: the mapped glyphs as text, the others as outlines."""
        font, scale, units = run.font, run.scale, 1000 / run.font.ttfont["head"].unitsPerEm
        color = _rgb(run.style.color)
        parts: list[str] = []
        outlines: list[str] = []
        pen_x = x
        for glyph in run.glyphs:
            if glyph.chars is None or glyph.gid == 0:
                outline = self._outline(font, glyph.gid)
                if outline:
                    outlines.append(f"q 1 0 0 1 {pen_x + glyph.x_offset * scale:.2f} "
                                    f"{y + glyph.y_offset * scale:.2f} cm {scale:.5f} 0 0 "
                                    f"{scale:.5f} 0 0 cm {outline} f Q")
                parts.append(f"{-glyph.advance * units:.1f}")
            else:
                cid, natural = self._cid(font, glyph)
                if glyph.x_offset:
                    parts.append(f"{-glyph.x_offset * units:.1f}")
                parts.append(f"<{cid:04X}>")
                adjust = natural - (glyph.advance - glyph.x_offset) * units
                if abs(adjust) > 0.05:
                    parts.append(f"{adjust:.1f}")
            pen_x += glyph.advance * scale
        text = (f"BT /F{font.i} {run.style.size:.2f} Tf {color} rg 1 0 0 1 {x:.2f} {y:.2f} Tm "
                f"[{' '.join(parts)}] TJ ET")
        return " ".join([text, f"{color} rg", *outlines])

    def _cid(self, font: TTFFont, glyph: Glyph) -> tuple[int, float]:
        """The glyph's code in the font's subset, keyed by the characters it maps to, and
        its width there (thousandths of the size)."""
        name = font.ttfont.getGlyphName(glyph.gid)
        width = round(font.scale * font.ttfont["hmtx"].metrics[name][0])
        entry = font.subset.get_glyph(glyph=glyph.gid, unicode=tuple(map(ord, glyph.chars)),
                                      glyph_name=name, glyph_width=width)
        return font.subset.pick_glyph(entry), width

    def _outline(self, font: TTFFont, gid: int) -> str:
        key = (font.fontkey, gid)
        if key not in self._outlines:
            glyphs = font.ttfont.getGlyphSet()
            pen = _PathPen(glyphs)
            glyphs[font.ttfont.getGlyphName(gid)].draw(pen)
            self._outlines[key] = " ".join(pen.ops)
        return self._outlines[key]


class _Paragraph:
    """One paragraph's text, styles, fonts and bidi levels, measured and cut into lines."""

    def __init__(self, setter: Typesetter, text: str, styles: list[Style], rtl: bool):
        self.setter, self.text, self.styles, self.rtl = setter, text, styles, rtl
        self.levels = bidi_levels(text, rtl)
        self.fonts: list[TTFFont] = []
        for i, char in enumerate(text):
            attached = i and unicodedata.category(char) in _ATTACHED
            self.fonts.append(self.fonts[-1] if attached else
                              setter.font_for(char, styles[i].bold))
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
        """HarfBuzz on [a, b) with the paragraph around it as context, so a letter
        joins its neighbour across a change of colour."""
        font, rtl = self.fonts[a], self.levels[a] % 2 == 1
        buf = hb.Buffer()
        buf.add_codepoints(self.codepoints, a, b - a)
        buf.direction = "rtl" if rtl else "ltr"
        buf.guess_segment_properties()
        hb.shape(font.hbfont, buf, {})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        starts = sorted({info.cluster for info in infos})
        ends = dict(zip(starts, starts[1:] + [b], strict=True))
        carriers: dict[int, int] = {}
        for n, (info, pos) in enumerate(zip(infos, positions, strict=True)):
            if info.cluster not in carriers or (
                    pos.x_advance and not positions[carriers[info.cluster]].x_advance):
                carriers[info.cluster] = n
        glyphs = []
        for n, (info, pos) in enumerate(zip(infos, positions, strict=True)):
            chars = None
            if carriers[info.cluster] == n:
                chars = self.text[info.cluster:ends[info.cluster]]
                chars = chars[::-1] if rtl else chars
            glyphs.append(Glyph(info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset,
                                chars))
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
        order = visual_order([self.levels[p] for p, _ in pieces])
        runs = [self.shape(*pieces[i]) for i in order]
        _map_mirrored(runs)
        return Line(runs)


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """UAX #9 embedding levels of each character of one paragraph."""
    paragraph = BidiParagraph(text, TextDirection.RTL if rtl else TextDirection.LTR,
                              preserve_bn_chars=True)
    levels = [1 if rtl else 0] * len(text)
    for char in paragraph.get_characters_with_embedding_level():
        levels[char.character_index] = char.embedding_level
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """UAX #9 rule L2: indices of runs with these levels, left to right."""
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


def _words(text: str) -> list[tuple[int, int]]:
    """[start, end) of each word with the spaces after it: where a line may break."""
    out, start = [], 0
    for i in range(1, len(text)):
        if text[i - 1] == " " and text[i] != " ":
            out.append((start, i))
            start = i
    out.append((start, len(text)))
    return out


def _map_mirrored(runs: list[Run]) -> None:
    """Map each mirrored character of a line so that pdfium gives it back as written."""
    carriers = [g for run in runs for g in run.glyphs if g.chars]
    chars = "".join(g.chars for g in carriers)
    mirrored = pdfium_mirrors(chars)
    at = 0
    for glyph in carriers:
        if len(glyph.chars) == 1 and glyph.chars in MIRRORS and mirrored[at]:
            glyph.chars = MIRRORS[glyph.chars]
        at += len(glyph.chars)


def pdfium_mirrors(visual: str) -> list[bool]:
    """Which characters of a line, read left to right as laid out, pdfium mirrors.

    pdfium (CPDF_TextPage::CloseTempLine) cuts a line into runs of left-to-right letters,
    digits, right-to-left letters and everything else; takes the line as right-to-left
    when it has at least as many right-to-left runs as left-to-right ones, and then reads
    the runs from the right; a run of neutral characters read while the last strong run
    was right-to-left is reversed and mirrored (AddCharInfoByRLDirection).
    """
    kinds = [_pdfium_kind(c) for c in visual]
    runs: list[tuple[str, int, int]] = []
    for i, kind in enumerate(kinds):
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], i + 1)
        else:
            runs.append((kind, i, i + 1))
    right = sum(kind == "R" for kind, _a, _b in runs)
    rtl = right > 0 and right >= sum(kind == "L" for kind, _a, _b in runs)
    current = "R" if rtl else "L"
    out = [False] * len(visual)
    for kind, a, b in reversed(runs) if rtl else runs:
        if kind == "R" or (kind == "N" and current == "R"):
            current = "R"
            out[a:b] = [True] * (b - a)
        elif kind != "W":
            current = "L"
    return out


def _pdfium_kind(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return {"L": "L", "R": "R", "AL": "R", "EN": "W", "AN": "W"}.get(kind, "N")


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
