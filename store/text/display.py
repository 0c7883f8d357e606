"""Arabic for outputs that cannot shape: the terminal.

A terminal (or a plain-text report) draws code points left to right, one cell
each: Arabic must arrive already joined (presentation forms) and already in
visual order. ``store.text.pdf_text`` runs the same reordering backwards for text
copied out of PDFs, which arrives exactly like that.

python-bidi 0.6 wraps the Rust ``unicode-bidi`` crate, which resolves levels
correctly (bracket pairs, isolates) but does not apply rule L4, so «(EPA)»
comes out «)EPA(». Its pure-Python engine mirrors but predates bracket pairs
and rejects isolates. So levels come from the Rust engine (its documented
``debug`` output) and reordering (L1-L3) and mirroring (L4) are done here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

# Paragraph separators (bidi class B): the algorithm restarts after each.
_PARAGRAPH_SPLIT = re.compile("([\n\r\x1c\x1d\x1e\x85\u2029])")
_LEVELS_BLOCK = re.compile(r"\blevels: \[(.*?)\]", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Classes rule L1 puts back at paragraph level before a tab or at line end
# (whitespace, isolates, and what X9 ignores).
_L1_TRAILING = frozenset(
    {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"}
)
_SEGMENT_SEPARATOR = "S"
# Weak and neutral classes P2 passes over (not B, the isolates and embeddings, nor the
# empty class of a code point this Python's Unicode does not know)
_PLAIN_CLASSES = frozenset({"EN", "ES", "ET", "AN", "CS", "NSM", "BN", "S", "WS", "ON"})
_bidi_class = unicodedata.bidirectional
# Beyond the first plane, go to the engine: this Python's Unicode and the engine's
# class a few letters there apart (mathematical ∇ and ∂, an Ahom sign)
_ASTRAL = "\U00010000"


def base_direction(text: str) -> str:
    """``"rtl"`` or ``"ltr"`` from the first strong character (rules P2-P3).

    Text with no strong character at all reads left to right. The first characters are
    read here, up to the first strong one, as long as each is of a plain class (strong,
    weak or neutral): the Rust engine resolved the whole text's classes for it, 18 µs
    for a quote of 140 letters, asked for every cell of the claims table at every
    repaint (twice for a quote). A text with a paragraph separator, an isolate or
    embedding, or a character beyond the first plane before its first strong one goes
    to the engine.
    """
    if not text:
        return "ltr"
    for char in text:
        kind = _bidi_class(char) if char < _ASTRAL else ""
        if kind == "L":
            return "ltr"
        if kind == "R" or kind == "AL":
            return "rtl"
        if kind not in _PLAIN_CLASSES:
            return "rtl" if get_base_level(text) == 1 else "ltr"
    return "ltr"


def has_letters(text: str) -> bool:
    """Whether *text* holds a letter that has a direction of its own (not only digits,
    signs and spaces, which take their surroundings')."""
    return any(unicodedata.bidirectional(char) in ("L", "R", "AL") for char in text)


def dominant_direction(text: str, default: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction most of *text*'s strong characters have
    (*default* for a tie or none).

    Each distinct character is classed once, its count taken from a Counter (counted in
    C): the reader asks this of an article's first 20,000 characters every time one is
    shown, at start-up too, and classing every character in a Python loop took 6 to
    12 ms of it, the same answer in a quarter of that."""
    balance = 0  # right-to-left letters less left-to-right ones
    for char, count in Counter(text).items():
        kind = _bidi_class(char)
        if kind == "L":
            balance -= count
        elif kind == "R" or kind == "AL":
            balance += count
    return default if balance == 0 else "rtl" if balance > 0 else "ltr"


def isolate_direction(text: str, paragraph: str) -> str:
    """The direction of *text* isolated in a *paragraph* (``"rtl"`` or ``"ltr"``): the
    paragraph's when *text* holds any letter of it, as the window lays it out; the other
    only when it holds none («البطالة ارتفعت» in an English line, its number and closing
    mark kept at its end). From the first letter «BBC نشرت تقريرا كاذبا» was laid out left
    to right in an Arabic line, from most letters «قال Microsoft Corporation إن» (rv248):
    its Arabic words swapped ends."""
    own = ("R", "AL") if paragraph == "rtl" else ("L",)
    kinds = {unicodedata.bidirectional(char) for char in text}
    if kinds.intersection(own) or not kinds.intersection(("L", "R", "AL")):
        return paragraph
    return "ltr" if paragraph == "rtl" else "rtl"


# The explicit direction controls: embeddings, overrides (LRE RLE PDF LRO RLO) and
# isolates (LRI RLI FSI PDI).
_DIRECTION_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def isolated(text: str, opening: str = "\u2068") -> str:
    """*text* set apart from the words around it (FSI … PDI; *opening* LRI for what reads
    left to right, as a path), so that its direction does not reorder them: a name
    holding a right-to-left override turned the comment after it backwards. Its own
    direction controls are dropped first: a name «omar\u2069\u202e» closed the isolate
    around it, and the override ran on to the end of the line."""
    return f"{opening}{text.translate(_DIRECTION_CONTROLS)}\u2069"


# What closes every isolate a paragraph holds (UAX #9's class B), and the embeddings and
# overrides a cleaned text no longer holds (one kept from before the cleaning).
_PARAGRAPH_ENDS = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")
_EMBEDDINGS = dict.fromkeys(range(0x202A, 0x202F))
_PDI = "\u2069"


def isolated_whole(text: str, opening: str = "\u2068") -> str:
    """:func:`isolated` for a text cleaned as a note is (``clean.clean_note``), its own
    isolates kept: a review comment's phone number WhatsApp set left to right, kept in
    LRI…PDI (rv248), read «123 50 966+» in the packet and the Reviews list once they were
    dropped, where the same note read right. Paired as UAX #9 pairs them, within a
    paragraph: one left open is closed before the outer PDI (or the line's end), a PDI
    closing none is dropped, as it would close the outer isolate."""
    out, depth = [], 0
    for char in text.translate(_EMBEDDINGS):
        if char == _PDI:
            if not depth:
                continue
            depth -= 1
        elif char in "\u2066\u2067\u2068":
            depth += 1
        elif char in _PARAGRAPH_ENDS:
            out.append(_PDI * depth)
            depth = 0
        out.append(char)
    return f"{opening}{''.join(out)}{_PDI * (depth + 1)}"


def isolated_name(name: str) -> str:
    """A person's name among other words: :func:`isolated`, and on one line (a name
    holding a line break split a history entry, a table's cell, the editor's line)."""
    return isolated(" ".join(name.split()))


def among_words(name: str) -> str:
    """A file's *name* in a line of the interface's words (a window's title, a menu, a
    question): set apart when it could be reordered or reorder them — an Arabic name
    made the English title read «tahqiq — Tahqiq.2026 الانتخابات» from the right, a name
    holding an override turned it backwards (rv93); in an Arabic line a name led by
    digits read «tahqiq.06-2026» for «2026-06.tahqiq», «june.tahqiq 12» for «12
    june.tahqiq» (rv276), as one ending in a sign has it on its other end. It is left as
    it is (no invisible characters for a screen reader or a copy) only when no line
    reorders it: printable ASCII from a letter to a letter or digit, which reads as one
    left-to-right run in a line of either direction."""
    if name.isascii() and name.isprintable() and name[:1].isalpha() and name[-1:].isalnum():
        return name
    return isolated(name)


def is_rtl_text(text: str) -> bool:
    """True when the text's first strong character is right-to-left."""
    return base_direction(text) == "rtl"


def display_for_terminal(text: str, base_dir: str | None = None) -> str:
    """Shaped, visually ordered text for outputs that do neither themselves.

    Each line gets its own base direction from its content, as a paragraph
    would in the GUI, unless *base_dir* ("L" or "R") gives it: a record whose
    columns read left to right (a history line) keeps them so when a name in it
    is Arabic.
    """
    reshape = _reshaper().reshape
    return per_paragraph(text, lambda line: _emoji_kept(
        line, lambda held: visual_order(reshape(held), base_dir)))


# An emoji of several characters: a flag (two regional indicators), or a pictograph with
# a skin tone, tags or more pictographs joined by ZWJ. The reshaper drops a ZWJ it cannot
# join Arabic with, and reordering a right-to-left run put «👍🏽» as «🏽👍» and the three
# people of a family apart.
_PICTOGRAPH = "[\u2190-\u2bff\U0001f000-\U0001faff]"
_ATTACHED_TO_IT = "[\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"


@functools.cache
def _emoji_sequence() -> re.Pattern[str]:
    """The pattern, made at its first use: only text reshaped for the command line or a
    PDF is looked through, never the window's, which loads this module to start (about 1
    ms of compiling before its first paint, fx99)."""
    return re.compile(
        "[\U0001f1e6-\U0001f1ff]{2}"
        f"|{_PICTOGRAPH}{_ATTACHED_TO_IT}*(?:\u200d{_PICTOGRAPH}{_ATTACHED_TO_IT}*)+"
        f"|{_PICTOGRAPH}{_ATTACHED_TO_IT}+")


# Stand-ins while the line is reshaped and reordered, one each, never joined by the
# reshaper: box-drawing characters, neutral in bidi as pictographs are; and for a flag,
# whose regional indicators read left to right (class L), private-use characters, which
# do too (a box drawing put «قال 🇸🇾 Syria» as «Syria 🇸🇾 ﻝﺎﻗ», rv178).
_STAND_INS = [chr(code) for code in range(0x2500, 0x2580)]
_FLAG_STAND_INS = [chr(code) for code in range(0xE000, 0xE080)]


def _is_flag(emoji: str) -> bool:
    return "\U0001f1e6" <= emoji[0] <= "\U0001f1ff"


def _emoji_kept(line: str, convert: Callable[[str], str]) -> str:
    """*convert* (reshape, reorder) *line* with each emoji of several characters kept
    whole, as one character stands in for it (a line holding box drawing or private-use
    characters, or more such emoji than stand-ins, is converted as it is)."""
    emoji = _emoji_sequence()
    found = emoji.findall(line)
    flags = sum(map(_is_flag, found))
    if not found or len(found) - flags > len(_STAND_INS) or flags > len(_FLAG_STAND_INS) \
            or any("\u2500" <= ch < "\u2580" or "\ue000" <= ch < "\ue080" for ch in line):
        return convert(line)
    held, held_flags = iter(_STAND_INS), iter(_FLAG_STAND_INS)
    by_stand_in: dict[str, str] = {}

    def stand_in(match: re.Match[str]) -> str:
        ch = next(held_flags if _is_flag(match.group()) else held)
        by_stand_in[ch] = match.group()
        return ch

    converted = convert(emoji.sub(stand_in, line))
    return "".join(by_stand_in.get(ch, ch) for ch in converted)


@functools.cache
def _reshaper() -> Any:
    """arabic-reshaper, loaded when a terminal first needs it: the window asks this module
    which way a text runs and never shapes (Qt does), and the reshaper brings fontTools
    along, 8 MB and 50 ms of its start-up. Harakat are kept: a quote must read as
    written; reordering keeps each mark after its letter (rule L3), where a terminal
    expects it."""
    import arabic_reshaper

    # (no word ligature: «حزب الله» came out «ﷲ ﺏﺰﺣ», U+FDF2, a glyph terminal fonts
    # such as DejaVu Sans Mono lack: a box in the middle of the quote)
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False,
                                                         "ARABIC LIGATURE ALLAH": False})


def per_paragraph(text: str, convert: Callable[[str], str]) -> str:
    parts = _PARAGRAPH_SPLIT.split(text)
    # split() with a group puts the separators at the odd indexes.
    return "".join(part if i % 2 else convert(part) for i, part in enumerate(parts))


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def clusters(text: str) -> Iterator[str]:
    """A character with the combining marks that follow it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not is_mark(text[i]):
            yield text[start:i]
            start = i


def _levels(line: str, base_dir: str | None) -> list[int] | None:
    """Resolved embedding level of each character, or None if unreadable.

    The Rust engine reports levels per UTF-8 byte in its debug dump; a format
    change in a future python-bidi returns None (tests catch it) rather than
    wrong levels.
    """
    dump = get_display(line, base_dir=base_dir, debug=True)
    block = _LEVELS_BLOCK.search(dump)
    if block is None:
        return None
    per_byte = [int(level) for level in _LEVEL.findall(block.group(1))]
    if len(per_byte) != len(line.encode("utf-8")):
        return None
    levels: list[int] = []
    at = 0
    for ch in line:
        levels.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return levels


def visual_order(line: str, base_dir: str | None) -> str:
    """Rules L1-L4 on one paragraph: reorder by level and mirror RTL brackets."""
    if not line:
        return line
    levels = _levels(line, base_dir)
    if levels is None:
        return get_display(line, base_dir=base_dir)  # unmirrored, but ordered
    paragraph = {"L": 0, "R": 1}[base_dir] if base_dir else get_base_level(line)
    _reset_trailing_levels(line, levels, paragraph)
    runs: list[tuple[int, int]] = []  # (start, level of its first character)
    start = 0
    for piece in clusters(line):
        runs.append((start, levels[start]))
        start += len(piece)
    bounds = [start for start, _ in runs] + [len(line)]
    order = list(range(len(runs)))
    highest = max(level for _, level in runs)
    lowest_odd = min(level for _, level in runs) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if runs[order[i]][1] < level:
                i += 1
                continue
            j = i
            while j < len(order) and runs[order[j]][1] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    out: list[str] = []
    for k in order:
        piece = line[bounds[k] : bounds[k + 1]]
        if runs[k][1] % 2:
            piece = "".join(MIRRORED.get(ch, ch) for ch in piece)
        out.append(piece)
    return "".join(out)


def _reset_trailing_levels(line: str, levels: list[int], paragraph: int) -> None:
    """Rule L1: tabs, and the blanks before them or at line end, take the
    paragraph level, so a trailing space never lands inside an RTL run."""
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[i])
        if kind == _SEGMENT_SEPARATOR:
            levels[i] = paragraph
            trailing = True
        elif trailing and kind in _L1_TRAILING:
            levels[i] = paragraph
        else:
            trailing = False


def by_name(name: str) -> tuple[str, str, str]:
    """A person's place in a list of names: letters in any case and without their
    accents first, as a reader looks a name up (by code point «Zaid» came before
    «amal», rv102, and «Émilie», «Çelik» and «Şule» after «Zoé», rv107)."""
    folded = name.casefold()
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(ch))
    return bare, folded, name
