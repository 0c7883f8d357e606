"""Arabic copied out of a PDF: recognising it, and turning it back into logical text.

Many PDF writers put presentation forms (U+FExx) in visual order into their text
layer, so text copied out of them is unsearchable and untaggable. Reordering is rule
L1-L4 of the bidi algorithm run on the visual line (``store.text.display``), then
each presentation form is unshaped to its base letters.
"""

from __future__ import annotations

import re
import unicodedata

from store.text.display import clusters, is_mark, per_paragraph, visual_order

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Copy-paste from a PDF is shaped throughout: judging the start keeps a 10 MB file fast.
SAMPLE_CHARS = 200_000


def needs_repair(text: str) -> bool:
    """Whether *text* looks like visual-order PDF text: the one decision every door uses.
    Also when one paragraph alone does (a PDF's paragraph pasted between typed ones was
    stored as presentation forms, unsearchable, and no repair offered)."""
    sample = text[:SAMPLE_CHARS]
    if not _PRESENTATION_FORMS.search(sample):  # (one scan: letter by letter took 35 ms)
        return False
    return looks_like_visual_pdf_text(sample) or any(
        _letters(line) >= LINE_LETTERS and looks_like_visual_pdf_text(line)
        for line in sample.splitlines() if _PRESENTATION_FORMS.search(line))


LINE_LETTERS = 12  # a paragraph's least letters for it alone to ask for a repair


def lam_alef_swapped(text: str) -> tuple[str, int]:
    """The first word of *text* in which a PDF wrote «لا» as «ال», and how many such words
    it holds ("", 0 for none). LibreOffice's PDFs do, read by pdfium and poppler alike:
    search, Find and known claims missed «االقتصاد» and «خالل», and «لا» read «ال» (rv192).
    Only a word beginning with two alefs, as no Arabic word does, tells it for certain
    («خالل» and a genuine «ال» look like any other word), so the text is told of, not
    mended."""
    words = (word for found in _TWO_ALEFS.finditer(text)
             if (word := _word_from(text, found.start())))
    first = next(words, "")
    return first, bool(first) + sum(1 for _ in words)


# (looked for alone, then each one's word: 7 MB of text in 40 ms, not 335)
_TWO_ALEFS = re.compile("ا[اأإآ]ل")
_IN_WORD = re.compile(r"[\w\u064b-\u065f\u0670]")  # a letter or a mark on one
_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
_CLITICS_BEFORE = re.compile("[وف]?[بك]?$")  # (those ending where the word begins)


def _word_from(text: str, at: int) -> str:
    """The word whose letters begin at *at*, after «و» or «ف», «ب» or «ك», both
    («وباالتفاق») or none; "" if *at* is within a word."""
    start = at - len(_CLITICS_BEFORE.search(text, max(0, at - 2), at).group())
    return "" if start and _IN_WORD.match(text, start - 1) else _WORD.match(text, start).group()


# A letter's or lam-alef's presentation form a keyboard or a CMS typed among letters
# («ﻻ» for «لا»): one form, not the spacing harakat (U+FE70-FE7F, a space and a mark)
# nor the words of U+FDxx (ﷺ is a phrase).
_STRAY_FORM = re.compile("[\ufb50-\ufbff\ufe80-\ufefc]")


def unshape_strays(text: str) -> tuple[str, int]:
    """*text* with the presentation forms typed among logical letters written as those
    letters, and how many: a «ﻻ» in an article was found by no search, Find, quote or
    known claim written «لا» (rv101). A line that reads as a PDF's visual order keeps
    its forms: unshaped where they stand, its letters would be backwards (the repair
    reorders them, and the person may have declined it)."""
    if not _STRAY_FORM.search(text):
        return text, 0
    count = 0

    def letters(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return unicodedata.normalize("NFKC", match.group())

    lines = text.split("\n")
    for n, line in enumerate(lines):
        if _STRAY_FORM.search(line) and not looks_like_visual_pdf_text(line):
            lines[n] = _STRAY_FORM.sub(letters, line)
    return "\n".join(lines), count


def _letters(line: str) -> int:
    return sum(1 for ch in line if unicodedata.category(ch).startswith("L"))


def looks_like_visual_pdf_text(text: str, threshold: float = 0.5) -> bool:
    """Whether most Arabic letters are presentation forms, as PDFs emit them.

    Typed or scraped Arabic almost never uses presentation forms (a stray ﻻ or
    ﷺ at most), while text shaped for display uses them for nearly every letter.
    """
    arabic = shaped = 0
    for ch in text:
        if not unicodedata.category(ch).startswith("L"):
            continue
        code = ord(ch)
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
            shaped += 1
            arabic += 1
        elif 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
            arabic += 1
    return shaped > 0 and shaped >= threshold * arabic


def repair_pdf_text(text: str) -> str:
    """Turn visual-order, presentation-form Arabic back into logical text.

    A line is taken as visual if most of its Arabic letters are presentation forms,
    or if it holds right-to-left characters none of which is a letter (a line of ؟
    and numbers); a line with plain Arabic letters is already logical and one with no
    right-to-left character needs nothing, so both are left alone. Visual lines are
    read with a right-to-left base, as Arabic pages are set. A line whose shaped words
    read in logical order already (what pdftotext gives back) is only unshaped.
    Where visual order is ambiguous (a number beside a Latin word, a % sign) the
    result is a faithful reading of the line rather than the exact text that was
    typed.
    """
    readings: dict[str, tuple[str, bool] | None] = {}

    def reading(line: str) -> tuple[str, bool] | None:  # (each line judged once)
        if line not in readings:
            readings[line] = _reading(line)
        return readings[line]

    marks_first = _marks_first([found[0] for line in _PARAGRAPH.findall(text)
                                if (found := reading(line)) and not found[1]])
    return per_paragraph(text, lambda line: _repair_line(line, reading(line), marks_first))


_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")


def _reading(line: str) -> tuple[str, bool] | None:
    """How *line* is to be read: None if it needs no repair, else the line made ready
    (embeddings dropped) and whether its shaped words are in logical order already."""
    if not _is_visual_line(line):
        return None
    embedded = _EMBEDDED_WORD.findall(line)
    if embedded and _mostly_embedded(line, embedded):  # pdftotext -raw: words
        # in visual order, each one's letters in logical order, in its own RLE ... PDF:
        # the words made visual too, the line is read as a visual one (its words came
        # back reversed; one word and a figure, «عام 2024», came back «2024 عام», rv174)
        line = _EMBEDDED_WORD.sub(lambda m: "".join(reversed(list(clusters(m.group(1))))),
                                  line)
    line = line.translate(_EMBEDDINGS)
    return line, _in_logical_order(line)


def _mostly_embedded(line: str, embedded: list[str]) -> bool:
    """Whether the words pdftotext -raw wrapped one by one are most of *line*'s letters:
    a left-to-right line quoting a few Arabic words («The words سلام and حرب appear»)
    has its words in their order already, and read as a visual line came back reversed,
    its full stop first."""
    inside = sum(map(_letters, embedded))
    return inside > _letters(_EMBEDDED_WORD.sub("", line))


def _repair_line(line: str, reading: tuple[str, bool] | None, marks_first: bool) -> str:
    if reading is None:
        return line
    line, logical = reading
    if logical:  # poppler (pdftotext, Evince, Okular) reorders it itself
        line = _MARKED_LAM_ALEF.sub(lambda m: "".join(_lam_alef_letters(m)), line)
        return _PRESENTATION_FORMS.sub(
            lambda m: unicodedata.normalize("NFKC", m.group()).lstrip(" "), line)
    if marks_first:  # each letter's marks after it, in the order they were typed
        line = _MARKS_BEFORE.sub(lambda m: m.group(2) + m.group(1)[::-1], line)
    line = _MARKED_LAM_ALEF.sub(lambda m: "".join(reversed(_lam_alef_letters(m))), line)
    return visual_order(_PRESENTATION_FORMS.sub(_unshape, line), "R")


# The embeddings poppler wraps a line or a word of right-to-left text in (RLE ... PDF):
# nothing a reader sees, left in the article they were words of its quotes.
_EMBEDDINGS = dict.fromkeys(range(0x202A, 0x202F))
_EMBEDDED_WORD = re.compile("\u202b([^\u202a-\u202e\\s]+)\u202c")
_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_MARKS_BEFORE = re.compile(f"([{_MARK}]+)([^{_MARK}\\s])")
_WORD_STARTS_MARKED = re.compile(f"(?:^|\\s)[{_MARK}]")
_WORD_ENDS_MARKED = re.compile(f"[{_MARK}](?:\\s|$)")
# Lam-alef ligatures, and the marks after them
_MARKED_LAM_ALEF = re.compile(f"([\ufef5-\ufefc])([{_MARK}]+)")


def _marks_first(lines: list[str]) -> bool:
    """Whether the harakat of visual *lines* come before their letters, as a PDF's
    glyphs of a right-to-left run do (what python-bidi's display, pdftotext -raw and
    pypdf give back): a word that starts with a mark says so, one that ends with one
    the other way (a mark after its letter, as the terminal's display writes them).
    Read the other way, «كِتَابٌ» came back «كتِاَبٌ», each mark on the letter before
    its own (rv75). Without a sign either way, after."""
    starts = sum(len(_WORD_STARTS_MARKED.findall(line)) for line in lines)
    ends = sum(len(_WORD_ENDS_MARKED.findall(line)) for line in lines)
    return starts > ends


def _lam_alef_letters(found: re.Match[str]) -> tuple[str, str]:
    """A lam-alef ligature and the marks after it as its two letters, each with its
    marks: a hamza's or a madda's alef takes a lone mark («الأَسعار»: the fatha went to
    the lam), the lam the first of two («لِأَنَّ», «الْأَرض»); a plain alef takes none
    («لَا»)."""
    lam, alef = unicodedata.normalize("NFKC", found.group(1))
    marks = found.group(2)
    if found.group(1) in "\ufefb\ufefc":  # (a tanween fath is typed on the alef: «أولاً»)
        on_lam, on_alef = marks.replace("\u064b", ""), "\u064b" * ("\u064b" in marks)
    else:
        on_lam, on_alef = (marks[:1], marks[1:]) if len(marks) > 1 else ("", marks)
    return lam + on_lam, alef + on_alef


def _joining_form(ch: str) -> str:
    return unicodedata.decomposition(ch).partition(" ")[0]


def _in_logical_order(line: str) -> bool:
    """Whether the presentation forms of *line* read in logical order: a word's first
    letter in its initial form or its last in its final form, where a visual line has
    them the other way round."""
    logical = visual = 0
    for word in re.findall("[\ufb50-\ufdff\ufe70-\ufefe\u064b-\u065f\u0670]+", line):
        letters = [ch for ch in word if not is_mark(ch)]
        if len(letters) < 2:
            continue
        first, last = _joining_form(letters[0]), _joining_form(letters[-1])
        logical += (first == "<initial>") + (last == "<final>")
        visual += (first == "<final>") + (last == "<initial>")
    return logical > visual


def _is_visual_line(line: str) -> bool:
    if _PRESENTATION_FORMS.search(line):
        # a logical line with a stray ﷺ or ﻻ typed in it is not one
        return looks_like_visual_pdf_text(line)
    rtl = [ch for ch in line if unicodedata.bidirectional(ch) in ("R", "AL")]
    return bool(rtl) and not any(unicodedata.category(ch).startswith("L") for ch in rtl)


def _unshape(match: re.Match[str]) -> str:
    """Base letters for one presentation form, in visual order like its neighbours.

    NFKC is applied per character because on the whole text it would also
    rewrite full-width letters, superscripts and the like. A ligature (ﻻ, ﷲ)
    expands in logical order while it sits in a visual line, so its clusters are
    reversed here and restored by the reordering. The spacing harakat forms
    (ﹶ) decompose to space + mark; the space is dropped so the mark stays on
    its letter.
    """
    expanded = unicodedata.normalize("NFKC", match.group())
    if expanded[:1] == " " and len(expanded) > 1 and is_mark(expanded[1]):
        return expanded[1:]
    return "".join(reversed(list(clusters(expanded))))
