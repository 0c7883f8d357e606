"""Cleaning imported text before it is stored.

Everything removed is reported, so the user sees what changed. The result is
NFC-normalised: offsets are only stable if the text is in one canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.errors import Message
from store.text.fold import INVISIBLE, ZERO_WIDTH

# Markers that scrapers leave in place of adverts: [ad_1], [ad_2], ... (This one, a
# marker alone on its line, is what the cleaning before 7 December 2026 took away:
# cleaning_before_marks_moved reads a text as it did.)
SCRAPE_MARKER_RE = re.compile(r"^[ \t]*\[(?:ad|ads|advert|advertisement)_?\d*\][ \t]*$",
                              re.IGNORECASE | re.MULTILINE)
_MARKER = r"\[(?:ad|ads|advert|advertisement)_?\d*\]"
# A run of markers anywhere in a line, with the spaces and tabs on either side: «…مع
# كيم. [ad_1]», «[ad_2] وقال…», «تاريخية.[ad_3]» were stored, and a title ended in one
# (rv288). (What is put back in their place: _marker_gap.)
MARKER_RUN_RE = re.compile(rf"(?:{_MARKER}[ \t]*)+", re.IGNORECASE)
ONE_MARKER_RE = re.compile(_MARKER, re.IGNORECASE)
# What a line goes on with that no space stands before: its end, closing punctuation
_NO_SPACE_BEFORE = ".,;:!?…،؛؟۔)]}»”’"
# Explicit embeddings, overrides and isolates: stray ones scramble display.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_CONTROL_RE = re.compile(f"[{BIDI_CONTROLS}]")
# Other control characters that have no business in article text.
# (C1 too: «\x9b» alone starts a terminal's escape sequence.)
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"  # (as a character class's ranges)
CONTROL_RE = re.compile(f"[{CONTROLS}]")
# A terminal's escape sequence, as a log or a program's output copied from a terminal
# holds: a colour or cursor code (CSI, «ESC [1;31m») or a window title (OSC, «ESC ]0;…BEL»,
# on one line). Its ESC alone taken away as a control, «[1;31m» stayed in the words (rv268).
# And ECMA-48's others: a charset's designation («ESC ( B», which `tput sgr0` writes
# before «ESC [m»), a short one («ESC 7», «ESC =»; not «ESC [» or «ESC ]» of a CSI or OSC
# left open) and the 8-bit CSI («\x9b1;31m»): «مئة قتيل(B» was stored (rv269). (No space
# as a designation's first: a stray ESC before a space then a figure stays a control.)
ESCAPE_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"
                                r"|\x1b[!-/][ -/]*[0-~]|\x1b[0-Z\\^-~]|\x9b[0-?]*[ -/]*[@-~]")
# Line breaks written as controls: made line breaks before the controls are taken away.
_BREAKS_AS_CONTROLS = ("\x0b", "\x0c", "\x85")
# The line and paragraph separators a Mac's TextEdit, Pages and Notes write for
# Shift+Return: kept in an article, Find and `tag --quote` found no words across them
# (rv196). (A note keeps them: Qt's note field writes a line break so.)
_SEPARATORS = ("\u2028", "\u2029")
LINE_BREAKS_RE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
# A scrape's newsletter sign-up paragraph: an invitation to the reader to subscribe
# ("اشترك", "قم بالاشتراك", "sign up for", "subscribe to") and where the news would go.
# Whole words (the Arabic ones may carry «و» or «ف»: «فاشترك في نشرتنا»), and only whole
# lines at the start or the end of an article: a story about subscription fees or e-mail
# alerts keeps its words. «اشترك» is also «took part»: a story's credit line «واشترك في
# إعداد النشرة مراسلو الوكالة» is no invitation (rv173).
INVITATION_RE = re.compile(r"(?<!\w)[وف]?(?:اشترك|اشتركوا|اشتركي|قم بالاشتراك|للاشتراك|سجل للحصول)"
                           r"(?!\w)(?!\s+في\s+(?:إعداد|اعداد|كتابة|تحرير|تغطية|تصوير))"
                           r"|\b(?:sign ?up|subscribe)(?: (?:now|today|free))? (?:to|for)\b",
                           re.IGNORECASE)
CHANNEL_RE = re.compile(r"(?<!\w)(?:البريد الإلكتروني|البريد الالكتروني|بريدك الإلكتروني|"
                        r"بريدك الالكتروني|النشرة|نشرتنا|نشراتنا|تنبيهات|صندوق الوارد|"
                        r"للمشتركين|وصول غير محدود)"  # (a paywall's teaser: «… للمشتركين فقط»)
                        r"|\b(?:newsletters?|inbox|e-?mails?|alerts|subscribers|"
                        r"unlimited access)\b", re.IGNORECASE)
SIGNUP_MAX = 400  # characters: a longer line is a paragraph of the story
# A credit label left alone on a line ("المصدر", "Source:"), with nothing it credits.
BARE_LABEL_RE = re.compile(r"^(?:المصدر|مصدر|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|source|"
                           r"read more)\s*[:：]?$", re.IGNORECASE)
# The Latin ligatures a PDF's copy writes for «ff», «fi», «fl», «ffi», «ffl», «ſt», «st»
# (U+FB00–U+FB06): «ofﬁcial» was found by no search, Find, quote or known claim typed
# «official», and ClaimReview carried the ligature (rv113). Written as their letters, as a
# stray Arabic presentation form is (NFKC of each).
LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
SOFT_HYPHEN = "\u00ad"
# Any character the steps of cleaning between them take away or rewrite (the Arabic
# presentation forms all: pdf_text.unshape_strays writes some as letters): most texts
# hold none, and are looked through once for them, not once for each step.
_ANY_TO_CLEAN = re.compile(f"[{BIDI_CONTROLS}{CONTROLS}{SOFT_HYPHEN}"
                           f"{LIGATURE_RE.pattern[1:-1]}\ufb50-\ufdff\ufe70-\ufefe]")
BLANK_LINES_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
TRAILING_SPACE_RE = re.compile(r"[ \t]+\n")
_LEADING_SPACE_RE = re.compile(r"\s*")
_LINE_START_BOMS_RE = re.compile("^[^\\S\n]*\ufeff[\\s\ufeff]*", re.MULTILINE)


def clean_field(value: str, direction: bool = False) -> str:
    """An article's title, outlet, address, date or language as stored: one line, NFC,
    without control characters or direction overrides — a sidecar's or a page's title
    holding «ESC ]0;…BEL» retitled the terminal that listed it, and an RLO turned the
    rest of the article list's row backwards (taken away whole: a colour code's «[1;31m»
    stayed where its ESC went, rv268). Nor with what nothing shows at its ends
    (direction marks, zero-width characters: a sidecar's title of RLMs looked untitled,
    rv196); inside, they stay: a ZWNJ in a Persian word is its spelling. With
    *direction* (a title), a leading RLM, LRM or ALM stays where the field would read
    the other way without it: «\u200fBBC: ما الذي حدث» was laid out left to right in
    the window's header, the article list and the packet (rv248). A title holds no
    scrape marker either (without_markers): one taken from a text's first line or a
    page's <title> ended in «[ad_1]» (rv288)."""
    value = without_escapes(value)[0]
    value = CONTROL_RE.sub("", BIDI_CONTROL_RE.sub("", LINE_BREAKS_RE.sub(" ", value)))
    value = unicodedata.normalize("NFC", value)
    if direction and "[" in value:
        value = without_markers(value)[0]
    kept = _INVISIBLE_ENDS.sub("", value)
    if direction and kept and (mark := _LEADING_MARK_RE.match(value)) \
            and _first_strong(kept) != _first_strong(mark[1]):
        return mark[1] + kept
    return kept


_INVISIBLE_ENDS = re.compile(f"\\A[\\s{INVISIBLE}]+|[\\s{INVISIBLE}]+\\Z")
# The first direction mark before what a field shows: what sets its direction (the
# other invisible characters are neutral, the embeddings and isolates gone by then)
_DIRECTION_MARKS = "\u200e\u200f\u061c"
_LEADING_MARK_RE = re.compile(f"[\\s{ZERO_WIDTH}]*([{_DIRECTION_MARKS}])")


def _first_strong(text: str) -> str:
    """The direction of *text*'s first strongly directional character, "L" or "R"
    (Arabic letters too); "" when it holds none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return ""


# Embeddings and overrides: what a note pasted from a web page or a phone (a number
# inside LRE…PDF) holds, which may never be closed. The isolates (LRI, RLI, FSI, PDI)
# are kept in a note: Qt's own «Insert Unicode control character» offers them to set an
# English phrase in an Arabic sentence, and one left open ends with its paragraph.
EMBEDDINGS_RE = re.compile("[\u202a-\u202e]")
# What a note's embedding or override closed by its PDF is kept as: the isolate of its
# direction (an override's reversing gone, rv101)
_AS_ISOLATE = {"\u202a": "\u2066", "\u202d": "\u2066", "\u202b": "\u2067", "\u202e": "\u2067"}
_ISOLATES = "\u2066\u2067\u2068"
_PDF, _PDI = "\u202c", "\u2069"
# What a note's embeddings and isolates are matched over: a paragraph ends them all
_NOTE_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069\n\u2029]")


# A note clean_note leaves as it is, if it is NFC: no carriage return, no line break
# written as a control, no control character, no embedding or override.
_NOTHING_TO_CLEAN = re.compile(
    f"[^\r{''.join(_BREAKS_AS_CONTROLS)}{CONTROLS}\u202a-\u202e]*")


# A note holding only these characters (and no NUL, where GLOB stops reading) is kept as
# it is, told in SQL (GLOB) so an upgrade calls clean_note on no such note (rv262): tab,
# line break, printable ASCII, Latin-1 to IPA, Cyrillic, Hebrew and Arabic letters and
# digits, general punctuation - none changed by clean_note, none changed or moved by NFC
# in any company (canonical combining class 0, NFC quick check Yes).
NOTE_KEPT = ("\t\n -~\u00a0-\u02ff\u0400-\u0482\u05d0-\u05ea\u0600-\u060f\u061b-\u064a"
             "\u0660-\u066f\u0671-\u06d5\u2002-\u2029\u202f-\u20cf")
NOTE_NOT_KEPT_GLOB = f"*[^{NOTE_KEPT}]*"
# Of them, the white space a comment is stripped of (clean_comment) at either end
COMMENT_EDGES = "\t\n \u00a0\u2002-\u200a\u2028\u2029\u202f\u205f"


def clean_note(value: str, escapes: bool = True) -> str:
    """A claim's note as stored: NFC, its lines and tabs kept, without control characters
    or overrides: a note pasted with an RLO read «123» as «321» in the review packet, one
    holding «ESC ]0;…BEL» wrote the escape into the HTML packet and `tahqiq claims`'
    terminal (rv101). An embedding or override its PDF closes is made the isolate of its
    direction (_isolated_embeddings); one left open is dropped. Line ends are «\n», as an
    article's. A terminal's escape sequence goes whole (unless not *escapes*: a person's
    name is kept as it was, rv245, the records it signs found by it)."""
    if _NOTHING_TO_CLEAN.fullmatch(value) and unicodedata.is_normalized("NFC", value):
        return value  # (most notes: a merge cleans every note a colleague's file brings)
    value = without_controls(value.replace("\r\n", "\n").replace("\r", "\n"), escapes)
    if EMBEDDINGS_RE.search(value):
        value = _isolated_embeddings(value)
    return unicodedata.normalize("NFC", value)


def clean_comment(value: str) -> str:
    """A review's comment as stored: as a note is (clean_note), nothing blank at either
    end. One rule for the review written here, a colleague's merged in and an older
    Tahqiq's on upgrade (rv256, rv263)."""
    return clean_note(value).strip()


def _isolated_embeddings(text: str) -> str:
    """*text* with each embedding or override its PDF closes written as an isolate, the
    PDF as a PDI, and the embeddings, overrides and PDFs nothing pairs taken away: a phone
    number WhatsApp sets left to right in LRE…PDF («+966 50 123 4567») read «4567 123 50
    +966» in an Arabic note once both were taken away (rv248). Paired as the Unicode
    bidirectional algorithm pairs them: in one paragraph, a PDF closing the last embedding
    opened inside the same isolate, a PDI closing the embeddings still open in its
    isolate. A PDI no isolate opened before it, inside an embedding, is taken away too:
    it did nothing, and would close the isolate the embedding becomes. Cleaned again, the
    text is the same."""
    out = list(text)
    opened: list[int] = []  # the embeddings and isolates open, as indices into *text*
    isolates = 0  # of them
    for found in _NOTE_BIDI_RE.finditer(f"{text}\n"):
        char, at = found[0], found.start()
        if char in _AS_ISOLATE or char in _ISOLATES:
            opened.append(at)
            isolates += char in _ISOLATES
        elif char == _PDF:
            if opened and text[opened[-1]] in _AS_ISOLATE:
                start = opened.pop()
                out[start], out[at] = _AS_ISOLATE[text[start]], _PDI
            else:
                out[at] = ""
        elif char == _PDI and isolates:
            while text[start := opened.pop()] not in _ISOLATES:
                out[start] = ""
            isolates -= 1
        elif char == _PDI:
            if opened:
                out[at] = ""
        else:  # (a paragraph's end)
            for start in opened:
                if text[start] in _AS_ISOLATE:
                    out[start] = ""
            opened, isolates = [], 0
    return "".join(out)


def without_controls(value: str, escapes: bool = True) -> str:
    """*value* without control characters, a line break written as one (VT, FF, NEL)
    made a line break first, a terminal's escape sequence taken away whole (unless not
    *escapes*)."""
    if escapes:
        value = without_escapes(value)[0]
    return CONTROL_RE.sub("", _breaks_made_newlines(value))


def without_escapes(value: str) -> tuple[str, int]:
    """*value* without its terminals' escape sequences (ESCAPE_SEQUENCE_RE), and how many
    there were; looked for only in a text holding an ESC or an 8-bit CSI."""
    return ESCAPE_SEQUENCE_RE.subn("", value) if "\x1b" in value or "\x9b" in value \
        else (value, 0)


def _breaks_made_newlines(text: str, breaks: tuple[str, ...] = _BREAKS_AS_CONTROLS) -> str:
    """*text* with its line breaks written as *breaks* made «\n». (Not str.translate:
    it looks every character of an Arabic text up in a dict, 70 ms a megabyte, most of
    a big import's cleaning; a replace that finds nothing costs next to none.)"""
    for control in breaks:
        text = text.replace(control, "\n")
    return text


@dataclass
class CleanResult:
    text: str
    changes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate lines taken off the edges
    dropped_note: str = ""  # the one of *changes* that says so: words the user did not keep
    # Ligatures or soft hyphens were written otherwise: a cleaning before 6 December 2026
    # kept them (clean_text's *letters*), and a file imported then is found by that text.
    rewrote_letters: bool = False
    # It held what the cleaning of 6 December 2026's evening treats otherwise (direction
    # marks, controls, soft hyphens, separators, byte order marks, edge lines of tabs):
    # a file imported before may be stored as cleaning_before_marks_moved gives it.
    older_differs: bool = False


def clean_text(raw: str, edges: bool = True, letters: bool = True) -> CleanResult:
    """Normalise newlines, drop scrape markers, edge boilerplate (unless not *edges*) and
    stray controls, write ligatures as letters and drop soft hyphens (unless not
    *letters*: the cleaning before them), NFC-normalise."""
    text, tally = _clean(raw, edges, letters)
    return tally.result(text)


@dataclass
class _Tally:
    """What cleaning did, counted: a text cleaned in pieces (CleanStream) adds up the
    pieces' tallies and tells the user once, as for the text whole."""

    markers: set[str] = field(default_factory=set)
    marker_count: int = 0
    dropped: list[str] = field(default_factory=list)
    bidi: int = 0
    escapes: int = 0
    controls: int = 0
    unshaped: int = 0
    ligatures: int = 0
    soft_hyphens: int = 0
    collapsed: bool = False
    normalised: bool = False
    older_differs: bool = False  # (CleanResult's)

    def add(self, other: _Tally) -> None:
        self.markers |= other.markers
        self.marker_count += other.marker_count
        self.dropped += other.dropped
        self.bidi += other.bidi
        self.escapes += other.escapes
        self.controls += other.controls
        self.unshaped += other.unshaped
        self.ligatures += other.ligatures
        self.soft_hyphens += other.soft_hyphens
        self.collapsed |= other.collapsed
        self.normalised |= other.normalised
        self.older_differs |= other.older_differs

    def result(self, text: str) -> CleanResult:
        changes: list[str] = []
        if self.marker_count:
            changes.append(Message("removed {count} scrape marker(s): {markers}",
                                   count=self.marker_count,
                                   markers=", ".join(sorted(self.markers))))
        note = ""
        if self.dropped:
            note = Message("removed {count} line(s) of site boilerplate at the start or end: "
                           "{lines}", count=len(self.dropped),
                           lines=" | ".join(_short(line) for line in self.dropped))
            changes.append(note)
        if self.bidi:
            changes.append(Message("removed {count} stray bidi control character(s)",
                                   count=self.bidi))
        if self.escapes:
            changes.append(Message("removed {count} terminal escape sequence(s) (colour codes, "
                                   "window titles)", count=self.escapes))
        if self.controls:
            changes.append(Message("removed {count} control character(s)", count=self.controls))
        if self.unshaped:
            changes.append(Message("wrote {count} presentation form(s) as plain letters (ﻻ "
                                   "as لا)", count=self.unshaped))
        if self.ligatures:
            changes.append(Message("wrote {count} ligature(s) as plain letters (ﬁ as fi)",
                                   count=self.ligatures))
        if self.soft_hyphens:
            changes.append(Message("removed {count} soft hyphen(s) (invisible hyphenation "
                                   "points)", count=self.soft_hyphens))
        if self.collapsed:
            changes.append(Message("collapsed repeated blank lines"))
        if self.normalised:
            changes.append(Message("normalised to Unicode NFC"))
        return CleanResult(text, changes, list(self.dropped), note,
                           bool(self.ligatures or self.soft_hyphens), self.older_differs)


def rewrote_letters(change: str) -> bool:
    """Whether *change* (one of CleanResult.changes) says letters of the file were
    written as other letters (presentation forms, ligatures): the file's own spelling is
    then not the article's, which the command line says too (the window's status bar
    says every change)."""
    return getattr(change, "template", "").startswith("wrote {count} ")


def _clean(raw: str, edges: bool, letters: bool = True) -> tuple[str, _Tally]:
    tally = _Tally()
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # A line break another program wrote as a control: PowerPoint's and Word's manual
    # line break (VT), a page break (FF). Taken away as controls, they glued the words on
    # either side («الحرب\vبدأت» became «الحرببدأت»; rv95). And the next-line character
    # (NEL) of old mainframe and EBCDIC text, which Qt draws as a box, not a break.
    tally.older_differs = any(separator in text for separator in _SEPARATORS)
    text = _breaks_made_newlines(text, _BREAKS_AS_CONTROLS + _SEPARATORS)
    # (before the lines are judged: a label or marker in RLE…PDF, as a chat's export writes
    # every line, was kept where the bare one went, and cleaning it again dropped it; rv202)
    if _ANY_TO_CLEAN.search(text):
        text = _rare_characters_cleaned(text, tally, letters)
        tally.older_differs |= bool(tally.bidi or tally.escapes or tally.controls
                                    or tally.soft_hyphens)
    # (NFC too: «\ufb2aSubscribe to…» was no sign-up line until U+FB2A was two characters)
    normalised = unicodedata.normalize("NFC", text)
    tally.normalised, text = normalised != text, normalised
    if "[" in text:
        text, markers, inline = without_markers(text)
        tally.marker_count, tally.markers = len(markers), set(markers)
        # (the cleaning before kept a marker within a line: a file imported then is found
        # again by the text it stored)
        tally.older_differs |= inline
    # A byte order mark, at the start of any line (where two files were joined), as the
    # lines are judged: one a control, marker or label stood before was stored, and
    # cleaning again took it away (rv202). After the markers: one a marker stood before
    # within its line («␠[ad_2]\ufeff») was stored too.
    if "\ufeff" in text:
        tally.older_differs = True
        text = _LINE_START_BOMS_RE.sub(lambda found: found.group().replace("\ufeff", ""), text)
    if edges:
        text, tally.dropped = _drop_edge_boilerplate(text)
    if " \n" in text or "\t\n" in text:  # (the pattern tries every space: 35 ms a MB)
        text = TRAILING_SPACE_RE.sub("\n", text)
    collapsed = BLANK_LINES_RE.sub("\n\n", text)
    tally.collapsed = collapsed != text
    text, spaces_cut = _blank_edge_lines_cut(collapsed)
    tally.older_differs |= spaces_cut
    return text, tally


def without_markers(text: str) -> tuple[str, list[str], bool]:
    """*text* without its scrape markers (MARKER_RUN_RE), the markers taken away, and
    whether one stood within a line (with words beside it). A marker alone on its line
    leaves the line empty, as it always did; within a line, it leaves what a line would
    hold had it never been there: no space at the line's ends or before closing
    punctuation, one space between words (the one before it, else the one after)."""
    markers: list[str] = []
    inline = False
    while ONE_MARKER_RE.search(text):  # (once more: «[ad_[ad_1]1]» held a second)
        out: list[str] = []
        at = 0  # (the text before it is in *out*)
        for found in MARKER_RUN_RE.finditer(text):
            markers += ONE_MARKER_RE.findall(found.group())
            start, end = found.span()
            lead = start
            while lead > at and text[lead - 1] in " \t":  # (the spaces before it: a
                lead -= 1  # pattern opening with them is tried at every space, 35 ms a MB)
            line_start = lead == 0 or text[lead - 1] == "\n"
            line_end = end == len(text) or text[end] == "\n"
            if line_start and line_end:
                gap = ""
            elif line_start:
                gap = text[lead:start]  # (the line's indentation)
            elif line_end or text[end] in _NO_SPACE_BEFORE:
                gap = ""
            else:
                spaces = found.group()
                gap = text[lead:start] or spaces[len(spaces.rstrip(" \t")):]
            inline |= not (line_start and line_end)
            out += [text[at:lead], gap]
            at = end
        text = "".join(out) + text[at:]
    return text, markers, inline


def cleaning_before_marks_moved(raw: str) -> str:
    """*raw* as Tahqiq cleaned a text until 6 December 2026's evening, its direction
    marks taken away where they stood and a line judged as it came: a file imported then
    is found again by that text (re-imported, it was a second article of the same story,
    its claims on the first; rv204). Asked only when the text held what cleaning now
    treats otherwise (CleanResult.older_differs)."""
    from store.text.pdf_text import unshape_strays

    text = _breaks_made_newlines(raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text[1:] if text.startswith("\ufeff") else text
    text, _ = _drop_edge_boilerplate(SCRAPE_MARKER_RE.sub("", text))
    text = CONTROL_RE.sub("", BIDI_CONTROL_RE.sub("", text)).replace(SOFT_HYPHEN, "")
    text = LIGATURE_RE.sub(lambda found: unicodedata.normalize("NFKC", found.group()),
                           unshape_strays(text)[0])
    text = BLANK_LINES_RE.sub("\n\n", TRAILING_SPACE_RE.sub("\n", text))
    return unicodedata.normalize("NFC", text).strip("\n ")


def _blank_edge_lines_cut(text: str) -> tuple[str, bool]:
    """*text* without the lines of white space alone at its ends (tabs, no-break spaces
    as blank lines: a last line of «\\t» was stored) and the spaces around it, and
    whether it cut white space other than line breaks and spaces (which the cleaning
    before kept)."""
    lead = _LEADING_SPACE_RE.match(text).end()
    if lead == len(text):
        return "", bool(text.strip("\n "))
    tail = len(text)
    while text[tail - 1].isspace():  # (not rstrip: a 50 MB text is not copied to look)
        tail -= 1
    start, end = text.rfind("\n", 0, lead) + 1, text.find("\n", tail)
    end = end if end >= 0 else len(text)
    return text[start:end].strip("\n "), bool((text[:start] + text[end:]).strip("\n "))


def _rare_characters_cleaned(text: str, tally: _Tally, letters: bool) -> str:
    """*text* without its stray direction and control characters (and soft hyphens,
    ligatures, presentation forms typed among letters, when *letters*), counted."""
    if _SPACE_INSIDE_EMBEDDING.search(text):
        text = "\n".join(_spaces_put_outside(line) if _SPACE_INSIDE_EMBEDDING.search(line)
                         else line for line in text.split("\n"))
    text, tally.bidi = BIDI_CONTROL_RE.subn("", text)
    text, tally.escapes = without_escapes(text)
    text, tally.controls = CONTROL_RE.subn("", text)
    # A soft hyphen (U+00AD) marks where a word may break, invisibly: kept, it went
    # with the quote into every export and a CMS it was pasted into (a saved page's
    # were dropped by its reader; a .txt's and a paste's were not, rv113).
    tally.soft_hyphens = text.count(SOFT_HYPHEN) if letters else 0
    if tally.soft_hyphens:
        text = text.replace(SOFT_HYPHEN, "")
    from store.text.pdf_text import unshape_strays  # (its 8 patterns: not at start-up)

    text, tally.unshaped = unshape_strays(text)
    if letters:
        text, tally.ligatures = LIGATURE_RE.subn(
            lambda found: unicodedata.normalize("NFKC", found.group()), text)
    return text


# The direction an embedding, override or isolate sets (an FSI's is its text's, worked
# out where it opens), and where each ends.
_OPENERS = {"\u202a": "ltr", "\u202d": "ltr", "\u2066": "ltr",
            "\u202b": "rtl", "\u202e": "rtl", "\u2067": "rtl", "\u2068": ""}
_CLOSERS = "\u202c\u2069"
_SPACE_INSIDE_EMBEDDING = re.compile("[\u202a\u202b\u202d\u202e\u2066-\u2068] | [\u202c\u2069]")


def _spaces_put_outside(line: str) -> str:
    """*line* with the spaces at the inner edges of each embedding whose direction is
    not the one around it moved outside it, to the side they are seen on: poppler
    (pdftotext, Evince, Okular) writes a number in Arabic text as «بلغ ‪ 12000‬مدرسة»,
    the word space inside the left-to-right embedding, shown after the number. With the
    marks taken away as they stood, it read «بلغ  12000مدرسة», found by no search (rv192).
    """
    from store.text.display import base_direction  # (python-bidi: not at start-up)

    out: list[str] = []
    opened: list[tuple[str, int, int]] = []  # (direction, where in *out* and *line* it is)
    at = 0
    for control in BIDI_CONTROL_RE.finditer(line):
        out.append(line[at:control.start()])
        at = control.end()
        mark = control.group()
        if mark in _OPENERS:
            # (an FSI's: its text's first strong character's up to its PDI, left to
            # right if none, as a number's: UAX #9 X5c)
            end = line.find("\u2069", at)
            opened.append((_OPENERS[mark] or base_direction(line[at:end if end >= 0 else None]),
                           len(out), control.start()))
        elif mark in _CLOSERS and opened:
            direction, start, begun = opened.pop()
            around = opened[-1][0] if opened else _direction_outside(line)
            inside = "".join(out[start + 1:])
            if direction != around and inside.strip(" "):
                # A side's space moves only where the letters beside it read the other
                # way: «iPhone‪ 15‬» shows «iPhone 15», its letters and the number one
                # run; moved, it read «iPhone15» (rv202).
                lead = inside[:len(inside) - len(inside.lstrip(" "))] \
                    if (_strong_beside(line, begun - 1, -1) or around) != direction else ""
                trail = inside[len(inside.rstrip(" ")):] \
                    if (_strong_beside(line, at, 1) or around) != direction else ""
                out[start:] = [trail, out[start], inside[len(lead):len(inside) - len(trail)],
                               mark, lead]
                continue
        out.append(mark)
    out.append(line[at:])
    return "".join(out)


def _direction_outside(line: str) -> str:
    """The direction of *line* around its embeddings and isolates: its first strong
    letter outside them (a line opening with poppler's «‪ COVID-19‬انتشر» is Arabic, its
    first letter the embedding's; rv199), else the line's own (P2-P3)."""
    from store.text.display import base_direction

    depth = 0
    for ch in line:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif not depth and (kind := unicodedata.bidirectional(ch)) in _STRONG:
            return _STRONG[kind]
    return base_direction(line)


_STRONG = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def _strong_beside(line: str, at: int, step: int) -> str:
    """The direction of the first strong letter of *line* from *at* on, back (*step* -1)
    or forth (1); "" if there is none."""
    while 0 <= at < len(line):
        if (kind := unicodedata.bidirectional(line[at])) in _STRONG:
            return _STRONG[kind]
        at += step
    return ""


class CleanStream:
    """clean_text for a text that arrives in pieces (a big file read a megabyte at a
    time): the same text comes out, in pieces, and :meth:`result` tells what was done,
    without the text ever being held whole.

    The text is cut where nothing cleaning does can reach across: after a newline, before
    a line that begins with a letter or digit (no marker, blank line or control begins
    there, and a normalisation never joins it to the newline) and is no boilerplate (so
    the search for edge boilerplate stops at or before it from either end). Each piece is
    cleaned as clean_text would in its place: the first with a stand-in for the line
    after it, a middle one between stand-ins, the last after one, and the stand-ins are
    cut off again. A text with no such place is cleaned whole at the end.
    """

    PIECE = 1 << 20  # characters held before a cut is looked for

    def __init__(self, edges: bool = True, letters: bool = True):
        self._edges, self._letters = edges, letters
        self._held = ""  # read, newlines made LF, not yet cleaned
        self._cr = False  # the last piece read ended in CR: its LF may come next
        self._first = True  # nothing was cleaned yet
        self._sought = 0  # where _cut's search goes on: no place to cut before it
        self._tally = _Tally()

    def feed(self, piece: str) -> list[str]:
        """The cleaned text that *piece* completes (possibly none)."""
        if not piece:
            return []
        if self._cr and piece.startswith("\n"):
            piece = piece[1:]
        self._cr = piece.endswith("\r")
        # (every line break made «\n» before a cut is sought: one written VT or U+2028
        # within a line of boilerplate hid it from the cut, not from cleaning, rv199)
        self._tally.older_differs |= any(separator in piece for separator in _SEPARATORS)
        self._held += _breaks_made_newlines(piece.replace("\r\n", "\n").replace("\r", "\n"),
                                            _BREAKS_AS_CONTROLS + _SEPARATORS)
        out: list[str] = []
        while len(self._held) > self.PIECE:
            cut = self._cut(self.PIECE // 2)
            if cut is None:
                break
            out += self._clean_piece(self._held[:cut], last=False)
            self._held = self._held[cut:]
        return out

    def close(self) -> list[str]:
        """The rest of the cleaned text, once the whole text was fed."""
        out = self._clean_piece(self._held, last=True)
        self._held = ""
        return out

    def result(self, text: str = "") -> CleanResult:
        """What cleaning did, as clean_text tells it (with *text* as its text)."""
        return self._tally.result(text)

    def _cut(self, start: int) -> int | None:
        """A place at or after *start* in the held text where it can be cut (see above).

        The search goes on where the last one stopped (``_sought``): the held text only
        grows at its end until a cut, and a line found complete and no place to cut stays
        so. Searching from *start* again at each piece fed made a long line read in small
        pieces (a file with few line breaks) quadratic."""
        held = self._held
        at = max(start, self._sought)
        while (at := held.find("\n", at)) >= 0:
            end = held.find("\n", at + 1)
            if end < 0:
                self._sought = at
                return None  # the line after it is not complete yet
            if held[at + 1:at + 2].isalnum() and not is_boilerplate(self._as_cleaned(
                    held[at + 1:end])):
                self._sought = 0  # (the held text is cut here: its places move)
                return at + 1
            at = end
        self._sought = len(held)
        return None

    def _as_cleaned(self, line: str) -> str:
        """*line* as cleaning judges it: «المصدر» with a soft hyphen is a bare label (rv202)."""
        if _ANY_TO_CLEAN.search(line):
            line = _rare_characters_cleaned(line, _Tally(), self._letters)
        line = unicodedata.normalize("NFC", line)
        # («Source: [ad_1]» is a bare label once its marker is taken away)
        return without_markers(line)[0] if "[" in line else line

    def _clean_piece(self, piece: str, last: bool) -> list[str]:
        if self._first and last:  # never cut: the text whole
            text, tally = _clean(piece, self._edges, self._letters)
        else:
            # Stand-ins for the text before and after: a line of one letter, which no
            # rule reads as boilerplate and normalisation leaves as it is (the real first
            # letter after the cut may not be: NFC makes U+FB2A two characters).
            before = "" if self._first else "x\n"
            after = "" if last else "x"
            text, tally = _clean(before + piece + after, self._edges, self._letters)
            text = text[len(before):len(text) - len(after)]
        self._first = False
        self._tally.add(tally)
        return [text] if text else []


def is_boilerplate(line: str) -> bool:
    """A newsletter sign-up line or a bare credit label, as scrapes leave around a story."""
    line = line.strip()
    if BARE_LABEL_RE.match(line):
        return True
    return (len(line) <= SIGNUP_MAX and INVITATION_RE.search(line) is not None
            and CHANNEL_RE.search(line) is not None)


def _drop_edge_boilerplate(text: str) -> tuple[str, list[str]]:
    """Drop boilerplate lines from both ends (blank lines between them too), never from
    the middle, where a line about subscriptions may be the story. Only the edge lines are
    looked at and the text is sliced once at most: a 50 MB article is not split into lines."""
    dropped: list[str] = []
    start, end = 0, len(text)
    while start < end:  # from the top
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        line = text[start:stop]
        if line.strip() and not is_boilerplate(line):
            break
        if line.strip():
            dropped.append(line.strip())
        start = stop + 1
    bottom: list[str] = []
    while start < end:  # from the bottom
        begin = text.rfind("\n", start, end) + 1
        begin = max(begin, start)
        line = text[begin:end]
        if line.strip() and not is_boilerplate(line):
            break
        if line.strip():
            bottom.append(line.strip())
        end = begin - 1
    if start >= end:
        return text, []  # all of it: then it is what the user meant to import
    if start == 0 and end == len(text):
        return text, []
    return text[start:end], dropped + bottom


def _short(line: str, limit: int = 40) -> str:
    return line if len(line) <= limit else line[:limit].rstrip() + "…"
