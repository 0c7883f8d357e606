"""The numbers and bullets a word processor draws before a list's paragraphs.

Neither Word nor OpenDocument keeps them in the text: a paragraph says which list it is
in and at which level, the list's style says how each level is numbered («%1.», «%1.%2»,
a), iv, أ), from where, or which bullet, and the reader counts as it goes. Left out, a
statement's «3. The treaty is the strongest ever» came in as «The treaty…», and its
«point 3» could not be found (rv115). So the readers of store.exchange.word_document
count as a word processor does, and write the number before the paragraph's text,
followed by a space (Word's default is a tab to the next stop).
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# Word's formats (ST_NumberFormat) and OpenDocument's (style:num-format) Tahqiq writes;
# any other counts in digits, as LibreOffice's text export does.
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"  # (Word's arabicAbjad: أبجد هوز حطي…)
ALPHABET = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"  # (arabicAlpha: أ ب ت ث…)
# A list's start (``w:start``, ``text:start-value``) is kept within Word's own, 0-32767:
# a lettered list a 1 KB .docx began at 2,000,000,000 drew labels of 77 million «A»s
# (gigabytes), one begun at 10^15 ran out of memory (rv261).
MAX_START = 32767
# A number lettered «zzz…» at most this many letters long; a label (of every level, its
# «%1» written any number of times) at most MAX_LABEL characters
LETTERS_UP_TO = 30
MAX_LABEL = 200
# A symbol font's bullets (private use) as the characters they draw
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
            "\uf0a8": "◆", "\uf06f": "◦"}


def _letters(n: int, alphabet: str) -> str:
    """a…z, then aa…zz (as Word and LibreOffice both count past the last letter); past
    LETTERS_UP_TO of a letter, digits (as roman numerals past 3999)."""
    if not 0 < n <= LETTERS_UP_TO * len(alphabet):
        return str(n)
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def clamped_start(start: int) -> int:
    """*start*, a list's start read from a file, as a start a word processor takes."""
    return max(0, min(start, MAX_START))


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str, "1": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"), "a": lambda n:
    _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "A": lambda n:
    _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": _roman, "i": _roman,
    "upperRoman": lambda n: _roman(n).upper(), "I": lambda n: _roman(n).upper(),
    "arabicAbjad": lambda n: _letters(n, ABJAD), "أ, ب, ج, ...": lambda n: _letters(n, ABJAD),
    "arabicAlpha": lambda n: _letters(n, ALPHABET),
    "أ, ب, ت, ...": lambda n: _letters(n, ALPHABET),
    "hindiNumbers": lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    "١, ٢, ٣, ...": lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    "none": lambda n: "", "": lambda n: "",
}


def number(n: int, fmt: str) -> str:
    return FORMATS.get(fmt, str)(n)


def bullet(text: str) -> str:
    """A bullet as it is drawn: a symbol font's private-use glyph as its look-alike."""
    return "".join(_BULLETS.get(c, "•" if "\ue000" <= c <= "\uf8ff" else c) for c in text)


@dataclass(frozen=True)
class Level:
    """How one level of a list is numbered."""

    fmt: str = "decimal"  # a key of FORMATS, or "bullet"
    text: str = "%1."  # Word's lvlText: «%2» is the second level's number
    start: int = 1


# The deepest level a list has: Word's are 0-8, OpenDocument's 1-10. A level read from
# a file is kept within it (a level of 999999999 counted each level above it: minutes
# and gigabytes, and «-5» drew its «%1.» as it stood).
DEEPEST = 9


def clamped_level(level: int) -> int:
    """*level* (0 the outermost), as a level a list can have."""
    return max(0, min(level, DEEPEST))


class ListCounter:
    """The numbers of one list as it is read: a level counted on, the levels below it
    started again."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def next(self, level: int, levels: dict[int, Level], restart: int | None = None) -> str:
        """The label of the next paragraph at *level* (0 the outermost) of the list whose
        levels are *levels*; *restart*: its number, said by the document."""
        shape = levels.get(level, Level())
        for above in range(level):  # (an item below a level not yet counted counts it once:
            # «a) …» first, then «2.», as LibreOffice counts)
            self.counts.setdefault(above, levels.get(above, Level()).start)
        if restart is not None:
            self.counts[level] = clamped_start(restart) - 1
        self.counts[level] = self.counts.get(level, shape.start - 1) + 1
        for deeper in [k for k in self.counts if k > level]:
            del self.counts[deeper]
        if shape.fmt == "bullet":
            return bullet(shape.text[:MAX_LABEL])
        label = shape.text[:MAX_LABEL]
        for above in range(level, -1, -1):  # («%10» is no level: at most nine)
            above_shape = levels.get(above, Level())
            value = self.counts.get(above, above_shape.start)
            label = label.replace(f"%{above + 1}", number(value, above_shape.fmt))
        return label[:MAX_LABEL]


RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def labelled(label: str, text: str) -> str:
    """*text* after its list *label* and a space. A right-to-left item lettered in Latin
    («a) نمو…»: Word's second level, even in an Arabic list) took its paragraph's
    direction from the «a», and the reader and the packet laid it out left to right, its
    letter at the left and its «7%» torn apart (rv117): a right-to-left mark before the
    label gives the paragraph the direction its words give it."""
    if not label:
        return text
    if first_strong(label) == "L" and first_strong(text) in ("R", "AL"):
        label = RLM + label
    return f"{label} {text}"


def first_strong(text: str) -> str:
    return next((kind for kind in map(unicodedata.bidirectional, text)
                 if kind in ("L", "R", "AL")), "")


# -- Word --------------------------------------------------------------------------------
class WordLists:
    """The lists of a Word document (word/numbering.xml), counted as its paragraphs
    are read. *local* names an element's local name, *attr* its attribute's full name."""

    def __init__(self, numbering: Any | None, styles: Any | None,
                 local: Callable[[Any], str], attr: Callable[[Any, str], str]) -> None:
        self._local, self._attr = local, attr
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._style_lists: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, ListCounter] = {}
        self._restarted: set[tuple[str, int]] = set()
        self._links: dict[str, str] = {}  # abstract list: the list style it names
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)
        self._follow_links()

    def _val(self, element: Any, name: str = "val") -> str:
        return element.get(self._attr(element, name)) or ""

    def _children(self, element: Any, name: str) -> Iterator[Any]:
        return (child for child in element if self._local(child) == name)

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in self._children(numbering, "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in self._children(abstract, "lvl"):
                fields = {self._local(c): self._val(c) for c in lvl}
                try:
                    start = clamped_start(int(fields.get("start") or 0))  # (none: 0, ECMA-376)
                    level = int(self._val(lvl, "ilvl") or 0)
                except ValueError:
                    continue
                if level != clamped_level(level):  # (a level no list has)
                    continue
                levels[level] = Level(fields.get("numFmt") or "decimal",
                                      fields.get("lvlText", ""), start)
            self._abstract[self._val(abstract, "abstractNumId")] = levels
            for link in self._children(abstract, "numStyleLink"):
                self._links[self._val(abstract, "abstractNumId")] = self._val(link)
        for num in self._children(numbering, "num"):
            abstract_id = next((self._val(c) for c in self._children(num, "abstractNumId")), "")
            starts: dict[int, int] = {}
            for override in self._children(num, "lvlOverride"):
                for start in self._children(override, "startOverride"):
                    with contextlib.suppress(ValueError):
                        starts[clamped_level(int(self._val(override, "ilvl") or 0))] = int(
                            self._val(start))
            self._nums[self._val(num, "numId")] = (abstract_id, starts)

    def _read_styles(self, styles: Any) -> None:
        """Paragraph styles that number their paragraphs (a heading style «1.», «1.1»)."""
        based: dict[str, str] = {}
        own: dict[str, tuple[str, int]] = {}
        for style in self._children(styles, "style"):
            sid = self._val(style, "styleId")
            for child in style:
                if self._local(child) == "basedOn":
                    based[sid] = self._val(child)
                elif self._local(child) == "pPr" and (found := self._num_pr(child)):
                    own[sid] = found
        for sid in {*own, *based}:
            seen, at = 0, sid
            while at not in own and at in based and seen < 20:
                at, seen = based[at], seen + 1
            if at in own:
                self._style_lists[sid] = own[at]

    def _follow_links(self) -> None:
        """An abstract list of a list style (``w:numStyleLink``, as Word writes a list
        of a numbering style) has no levels of its own: the style's list has them
        («أ)» read «1.», rv123)."""
        for abstract_id, style in self._links.items():
            num_id = self._style_lists.get(style, ("", 0))[0]
            target = self._nums.get(num_id, ("", {}))[0]
            if target and target != abstract_id and target in self._abstract:
                self._abstract[abstract_id] = self._abstract[target]

    def _num_pr(self, ppr: Any) -> tuple[str, int] | None:
        for num_pr in self._children(ppr, "numPr"):
            fields = {self._local(c): self._val(c) for c in num_pr}
            try:
                return fields.get("numId", ""), clamped_level(int(fields.get("ilvl") or 0))
            except ValueError:
                return fields.get("numId", ""), 0
        return None

    def label(self, paragraph: Any) -> str:
        """The number or bullet Word draws before *paragraph*, counted on; "" for none."""
        ppr = next(self._children(paragraph, "pPr"), None)
        if ppr is None:
            return ""
        found = self._num_pr(ppr)
        style = next((self._val(s) for s in self._children(ppr, "pStyle")), "")
        if found is None or (found[0] == "" and style in self._style_lists):
            found = self._style_lists.get(style) if found is None else \
                (self._style_lists[style][0], found[1])
        if found is None or found[0] in ("", "0") or found[0] not in self._nums:
            return ""
        num_id, level = found
        abstract_id, starts = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        restart = None
        if level in starts and (num_id, level) not in self._restarted:
            self._restarted.add((num_id, level))
            restart = starts[level]
        return self._counters.setdefault(abstract_id, ListCounter()).next(level, levels, restart)


# -- OpenDocument ------------------------------------------------------------------------
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def odt_list_styles(roots: list[Any | None]) -> dict[str, dict[int, Level]]:
    """{list style name: its levels} of content.xml's and styles.xml's list styles, and
    the outline style (headings' numbers) as OUTLINE."""
    found: dict[str, dict[int, Level]] = {}
    for root in roots:
        if root is None:
            continue
        for style in [*root.iter(f"{{{_TEXT}}}list-style"),
                      *root.iter(f"{{{_TEXT}}}outline-style")]:
            raw: dict[int, Any] = {}
            for level in style:
                try:
                    at = int(level.get(f"{{{_TEXT}}}level") or 1) - 1
                except ValueError:
                    continue
                if at == clamped_level(at):  # (else a level no list has)
                    raw[at] = level
            levels: dict[int, Level] = {}
            for depth, level in raw.items():
                if level.tag == f"{{{_TEXT}}}list-level-style-bullet":
                    levels[depth] = Level("bullet", level.get(f"{{{_TEXT}}}bullet-char")
                                          or "•")
                elif level.tag in (f"{{{_TEXT}}}list-level-style-number",
                                   f"{{{_TEXT}}}outline-level-style"):
                    levels[depth] = _odt_level(level, depth, raw)
            name = OUTLINE if style.tag == f"{{{_TEXT}}}outline-style" else \
                style.get(f"{{{_STYLE}}}name") or ""
            found[name] = levels
    return found


OUTLINE = "\x00outline"  # (no list style's name)


def _odt_level(level: Any, depth: int, raw: dict[int, Any]) -> Level:
    """A numbered level as LibreOffice draws it (SwNumRule::MakeNumString): of the
    levels shown, one numbered «none» is left out with its dot, a bulleted one is
    an empty number followed by its dot («.I.»); the prefix and suffix stay even when the
    level's own number is none («()»)."""
    fmt = level.get(f"{{{_STYLE}}}num-format") or ""
    try:
        shown = max(1, min(int(level.get(f"{{{_TEXT}}}display-levels") or 1), depth + 1))
        start = clamped_start(int(level.get(f"{{{_TEXT}}}start-value") or 1))
    except ValueError:
        shown, start = 1, 1
    numbers = ""
    for above in range(depth + 1 - shown, depth + 1):
        shape = raw.get(above)
        if shape is None or shape.tag == f"{{{_TEXT}}}list-level-style-bullet":
            piece = "" if shape is not None else f"%{above + 1}"
        elif not (shape.get(f"{{{_STYLE}}}num-format") or ""):
            continue
        else:
            piece = f"%{above + 1}"
        numbers += piece if above == depth else piece + "."
    prefix = level.get(f"{{{_STYLE}}}num-prefix") or ""
    suffix = level.get(f"{{{_STYLE}}}num-suffix") or ""
    return Level(fmt or "none", f"{prefix}{numbers}{suffix}", start)
