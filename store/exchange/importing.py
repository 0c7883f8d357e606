"""Bringing article files into a project.

Decoding is strict: a file is either decoded exactly or refused, never mangled.
Reading a file (:func:`load_file`) touches no project, so the GUI can do it off
its thread and ask about a PDF repair before anything is stored; storing
(:func:`import_loaded`) is one transaction, so a refused file leaves the project
as it was.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import io
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar
from unicodedata import category

from store.core import articles
from store.core.links import is_web_link
from store.core.project import DISK_FULL, NOT_WRITTEN, PROJECT_BUSY, SQLITE_HEADER, Project
from store.core.records import Article, read_json
from store.errors import (
    ImportRejected,
    Message,
    ProjectError,
    StorageError,
    TahqiqError,
    quoted,
)
from store.exchange import web_page, word_document
from store.text import pdf_text, plausibility
from store.text.clean import (
    CleanResult,
    CleanStream,
    clean_field,
    clean_text,
    cleaning_before_marks_moved,
)
from store.text.language import detect_language

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # 50 MiB of text; 10 MB articles import comfortably
# The files of a folder imported as articles (the Import dialog's own filter): a folder of
# anything else is not read file by file.
ARTICLE_SUFFIXES = frozenset({".txt", *web_page.HTML_SUFFIXES, *word_document.SUFFIXES})
LEGACY_ARABIC = ("cp1256", "iso8859_6")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
                  "utf-32": "UTF-32", "cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6",
                  "iso8859-6": "ISO-8859-6", "cp1252": "Windows-1252",
                  "mac_arabic": "MacArabic", "mac-arabic": "MacArabic"}
# A reading this many nats (log-likelihood, store.text.plausibility) less likely than
# the chosen one is still possible: the user is told and may switch. Measured on
# snippets of real news, it flags every wrong choice of two words or more.
AMBIGUITY_NATS = 8.0
# Windows-1256 is by far the more common of the two: a near tie goes its way.
CP1256_PRIOR_NATS = 1.0
# A one-byte reading whose letter pairs average below this (nats a symbol) is another
# code page's bytes, not Arabic: on the news tests and the sample article real text
# keeps above -5.5 (fully vowelled verse -5.4), a wrong code page's reading of 20
# characters or more mostly below -8. Shorter readings are not judged (too few pairs).
IMPLAUSIBLE_NATS = -7.0
_JUDGED_CHARS = 20
# MacArabic is rare in newsrooms, and DOS Arabic (CP720) bytes read in it as Arabic
# letters among punctuation: a MacArabic reading is taken only when it reads as real
# text does (a Mac's snippets of the tests' news: -2.1 to -3.4), not when it is merely
# the least garbled (CP720's «وقع فلاديمير بوتين ا» as «ٍهك مىü'ُيُ)  ٍ"ًُ ü», -6.9,
# was stored, rv244).
MAC_ARABIC_NATS = -5.5
PDF_REPAIRED = Message("repaired visual-order PDF text")
HTML_EXTRACTED = Message("kept only the article text of the web page")
DOCUMENT_LEFT_OUT = Message("left out the document's deleted tracked changes, comments and "
                            "hidden text")
BROUGHT_BACK = Message("it had been deleted: brought back, with the words it had tagged")
_SHARE_SAMPLE = 1_000_000  # characters enough to tell Arabic from not
# A plain-text file this big is stored a piece at a time (import_loaded), never held whole.
STREAM_FROM_BYTES = 4 * 1024 * 1024
_OFFICE_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx", ".xls", ".ods", ".numbers")
# Word-processor files Tahqiq does not read (it reads word_document.SUFFIXES)
_OTHER_DOCUMENTS = (".doc", ".rtf", ".pages", ".wpd", ".fodt")
# Files never imported as an article, whose NAME.json is no article's details
_NOT_ARTICLES = frozenset({".json", ".tahqiq", ".pdf", *_OFFICE_SUFFIXES, *_OTHER_DOCUMENTS})
_LINKS_AT_MOST = 20_000  # characters of a text that may be links alone (an article is more)
# A file's or a page's address of any kind: a file manager's «file:/…», and a network
# share's «smb://…», «sftp://…» (not a file on this computer: isLocalFile() is false),
# and the links with no «//» a browser lets one drag («mailto:», «tel:», «data:»…)
_ADDRESS = re.compile(r"(?:file:/|[a-z][a-z0-9+.-]*://|(?:mailto|tel|data|javascript|about|"
                      r"blob|magnet|urn):)\S", re.IGNORECASE)
HEAD_CHARS = 1_000_000  # of a streamed file, held for previews, title, language, PDF check
_CHECK_BYTES = 1 << 20  # a legacy reading is checked this much at a time
# Code pages in which CR and LF are the bytes 13 and 10 wherever they occur, and never
# part of another character: their line ends can be made LF before decoding.
_ASCII_COMPATIBLE = ("utf-8", "utf-8-sig", *LEGACY_ARABIC)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Three Arabic letters in a row written as UTF-8 (each a lead byte D8-DB and a
# continuation byte). Read as a one-byte code page they turn into «ط§ظ„ط¬»: real
# Windows-1256 or ISO-8859-6 text never alternates ط/ظ/ع/غ with a symbol like that,
# so in a file that is not valid UTF-8 they mean UTF-8 mixed with another encoding
# (or UTF-8 with a damaged byte), which no single encoding decodes correctly.
# (Its first pair written out: the regex engine then skips to a lead byte in C instead of
# trying the group at every byte, four times faster on a 48 MB Windows-1256 file, 2.5 s.)
_UTF8_ARABIC_RUN = re.compile(rb"[\xd8-\xdb][\x80-\xbf](?:[\xd8-\xdb][\x80-\xbf]){2}")
_ONE_BYTE_CODECS = ("cp125", "iso8859")
_WESTERN = ("cp1252", "iso8859-1", "iso8859-15")  # a page's label, often wrong
_ARABIC_LABELS = ("cp1256", "iso8859-6")  # (as codecs.lookup names them)


@dataclass
class ImportOutcome:
    """What importing a text did. The article itself (:attr:`article`) is read from the
    project when first asked for, while that project is open: a big file's text is stored
    a part at a time, and what the command line and the window show of it is its id and
    title - reading it back whole was most of a big import's memory."""

    project: Project = field(repr=False, compare=False)
    article_id: str
    title: str
    created: bool  # False when the same text was already in the project
    encoding: str
    changes: list[str] = field(default_factory=list)  # what cleaning did, for the user
    pdf_repair_suggested: bool = False  # looks like PDF text; offer preview_pdf_repair
    alternative_encoding: str = ""  # another plausible reading of the file, e.g. "ISO-8859-6"
    dropped_note: str = ""  # among *changes*: that lines of site boilerplate were left out
    lam_alef_note: str = ""  # that the PDF it came from wrote «لا» as «ال» (lam_alef_note)

    @property
    def encoding_ambiguous(self) -> bool:
        return bool(self.alternative_encoding)

    @functools.cached_property
    def article(self) -> Article:
        return articles.get_article(self.project, self.article_id)


@dataclass
class LoadedFile:
    """A file read and decoded, not yet stored: what import_loaded needs."""

    name: str
    text: str  # decoded (and for a web page, extracted) but not yet cleaned
    encoding: str  # shown to the user, e.g. "Windows-1256"
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # outlet, url, published, ...
    changes: list[str] = field(default_factory=list)
    # Another encoding that reads the file as plausible Arabic too: load_file(path,
    # encoding=alternative_encoding) reads it that way instead.
    alternative_encoding: str = ""
    # A big plain-text file (STREAM_FROM_BYTES or more) is not held decoded: *text* is
    # then its first HEAD_CHARS characters (enough for previews, the PDF check, the title
    # and the language), and storing it reads the file again a piece at a time with
    # *codec*, already checked to read it strictly.
    source: Path | None = None
    codec: str = ""
    # The file as it was checked (size, modification time, inode): read again, it must
    # be the same file, or it is refused as changed.
    checked: tuple[int, int, int] = (0, 0, 0)
    sidecar_problem: str = ""  # among *changes*: why NAME.json beside it was not used

    def whole_text(self) -> str:
        """The file's whole decoded text (for a big file, read again)."""
        if self.source is None:
            return self.text
        return "".join(_pieces(self.source, self.codec, self.checked))

    @property
    def encoding_ambiguous(self) -> bool:
        return bool(self.alternative_encoding)

    @property
    def pdf_repair_suggested(self) -> bool:
        return pdf_text.needs_repair(self.text)

    def confirmed(self) -> LoadedFile:
        """This reading, chosen by the user over the other: no longer ambiguous, and no
        note saying so."""
        note = ambiguity_note(self.encoding, self.alternative_encoding)
        return replace(self, alternative_encoding="",
                       changes=[c for c in self.changes if c != note])


@dataclass(frozen=True)
class Decoded:
    """Bytes decoded: the text, the codec that read it, and ``alternative``, another
    codec that reads them as plausible Arabic too ("" when the choice was clear)."""

    text: str
    encoding: str
    alternative: str = ""


# -- decoding ----------------------------------------------------------------------------
def _arabic_share(text: str) -> float:
    """The share of Arabic letters among the letters of the start of *text* (counted, not
    listed: a list of a million one-letter strings would take 60 MB). Each kind of
    character is counted in C and judged once: a Python test of each character took 0.2
    s a call, two or three calls an import of a Windows-1256 file."""
    letters = arabic = 0
    for c, count in Counter(text[:_SHARE_SAMPLE]).items():
        if c.isalpha():
            letters += count
            if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufdff" or \
                    "\ufe70" <= c <= "\ufeff":  # (presentation forms, as PDFs give them)
                arabic += count
    return arabic / letters if letters else 0.0


def decode_bytes(data: bytes, name: str = "the file", *,
                 markup: bool = False) -> Decoded:
    """The text in *data*, or ImportRejected if it is not text we can read.

    *markup*: the data is HTML, so only the text between tags counts when judging
    whether a legacy code page reads as Arabic.
    """
    encoding, alternative, text = _choose_encoding(data, name, markup)
    return Decoded(data.decode(encoding) if text is None else text, encoding, alternative)


def _choose_encoding(data: bytes, name: str, markup: bool) -> tuple[str, str, str | None]:
    """(codec, alternative codec or "", the text if it was decoded on the way) for
    *data*, or ImportRejected. Legacy code pages are checked without decoding the file
    whole, so the caller can decode it once, in the shape it wants."""
    if _blank(data):
        raise ImportRejected("{name} is empty.", name=name)
    if data.startswith(codecs.BOM_UTF8):
        bad = _first_bad_byte(data, "utf-8-sig")
        if bad is not None:
            raise _not_valid(name, "utf-8-sig", bad)
        return "utf-8-sig", "", None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Checked before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one, and
        # read as UTF-16 every character outside the BMP would turn into two wrong ones.
        return "utf-32", "", _strict(data, "utf-32", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "", _strict(data, "utf-16", name)
    nul = b"\x00" in data
    if nul and (unmarked := _utf16_without_mark(data)) is not None:
        return unmarked
    # A NUL or two in a plain text (a tool's slip) is cleaned away with the other control
    # characters: a 13 KB article with one was refused as binary, and one of 183 bytes
    # still was (rv101). A binary file has NULs all through it; a page's parser would
    # stop at one.
    if nul and (markup or data.count(b"\x00") > max(2, len(data) // 1000)):
        raise ImportRejected("{name} looks like a binary file, not text.", name=name)
    bad_byte = _first_bad_byte(data, "utf-8")
    # UTF-16 without its mark has NULs where a space, a line end or a Latin letter stands;
    # a word or two of Arabic alone has none: its letters' block byte 0x06 is a control
    # character no text holds, valid UTF-8 (stored as «9',D», rv209), or, in presentation
    # forms, 0xFE, no UTF-8 at all (read as Windows-1256, rv217). Only a reading in
    # Arabic is taken («abc\x07de» reads as CJK too).
    if not nul and (bad_byte is not None or _C0_BYTES.search(data, 0, 16384)):
        unmarked = _utf16_without_mark(data)
        if unmarked is not None and _arabic_without_nul(unmarked[2]):
            return unmarked
    if bad_byte is None:
        return "utf-8", "", None
    # Legacy Arabic code pages. General detectors (charset-normalizer) misread short
    # Windows-1256 snippets and happily "decode" anything as some code page, so we
    # only accept a candidate that decodes strictly and reads as Arabic (most of its
    # letters are Arabic). When both do, the one whose letter sequences are likelier
    # in real Arabic wins (store.text.plausibility), and the other is kept as the
    # alternative unless it is far less likely.
    #
    # Each candidate is judged on the start of the file (a byte is a character in these
    # code pages) and checked strictly piece by piece: the file is never held as two
    # readings at once, each twice its size.
    readings = _legacy_readings(data, markup)
    if not readings:
        raise ImportRejected(
            "{name} is not in an encoding Tahqiq can read reliably (UTF-8, UTF-16, "
            "Windows-1256, ISO-8859-6). Save it as UTF-8 and try again.", name=name)
    _refuse_mixed(data, name, bad_byte)
    (score, encoding, sample), others = readings[0], readings[1:]
    _refuse_implausible(sample, encoding, name)
    close = [other for other_score, other, _ in others if score - other_score < AMBIGUITY_NATS]
    return encoding, close[0] if close else "", None


def _legacy_readings(data: bytes, markup: bool,
                     declared: str = "") -> list[tuple[float, str, str]]:
    """(score, codec, sample) for each legacy Arabic code page that reads *data* strictly
    as Arabic, likeliest first. The *declared* one (a page's label) and Windows-1256 get
    a head start; MacArabic, which reads most ISO-8859-6 the same, is one only if it is
    clearly likelier than the rest, in a text long enough to tell (a Mac's text read as
    Windows-1256 was stored as «èâظ لنادêهêر», rv235)."""
    readings = []
    for encoding in (*LEGACY_ARABIC, "mac_arabic"):
        if _first_bad_byte(data, encoding) is not None:
            continue
        start = data[:_SHARE_SAMPLE].decode(encoding)
        sample = web_page.visible_text(start) if markup else start
        if _arabic_share(sample) >= 0.5:
            prior = AMBIGUITY_NATS if codecs.lookup(encoding).name == declared else \
                CP1256_PRIOR_NATS if encoding == "cp1256" and not declared else 0.0
            readings.append((plausibility.log_likelihood(sample) + prior, encoding, sample))
    readings.sort(key=lambda reading: reading[0], reverse=True)
    mac = [reading for reading in readings if reading[1] == "mac_arabic"]
    others = [reading for reading in readings if reading[1] != "mac_arabic"]
    if mac and len(mac[0][2]) >= _JUDGED_CHARS and (
            not others or mac[0][0] - others[0][0] >= AMBIGUITY_NATS):
        return mac
    return others


def _refuse_implausible(sample: str, encoding: str, name: str) -> None:
    """ImportRejected if *sample*, the start of *encoding*'s reading, is no Arabic anyone
    writes: another code page's bytes, which would be stored garbled."""
    bound = MAC_ARABIC_NATS if encoding == "mac_arabic" else IMPLAUSIBLE_NATS
    if len(sample) >= _JUDGED_CHARS and plausibility.mean_log_likelihood(sample) < bound:
        raise ImportRejected(
            "{name} does not read as Arabic in any encoding Tahqiq knows (Windows-1256, "
            "ISO-8859-6, MacArabic), so it would be stored garbled; nothing was imported. "
            "Save it as UTF-8 and try again.", name=name)


def _utf16_without_mark(data: bytes) -> tuple[str, str, str] | None:
    """(codec, "", text) for UTF-16 saved without its byte-order mark (Windows tools do
    that; it was «a binary file»): the byte of each pair that holds the block of the
    character takes a few values (0 for spaces and Latin, 6 for Arabic, and one more: a
    PDF's presentation forms, a name's transliteration - rv160) — typeset quotes and
    dashes (0x20) and emoji (0xD8-0xDF) aside, which a text may hold many of (rv157:
    «قال “نعم” — ثم» was «a binary file») — and the text decodes strictly, with no
    control character. None for anything else."""
    if len(data) % 2 or len(data) < 4:
        return None
    readings = []
    for codec, high in (("utf-16-le", data[1:16384:2]), ("utf-16-be", data[0:16384:2])):
        counts = {value: high.count(value) for value in set(high)}
        aside = sum(counts.pop(value, 0) for value in _PUNCTUATION_AND_EMOJI)
        if sum(sorted(counts.values(), reverse=True)[:3]) < 0.9 * (len(high) - aside):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROLS.search(text):
            readings.append((codec, "", text))
    # A word of two letters passes in both byte orders (the other reads as CJK): the
    # reading that is Arabic wins, the little-endian one (Windows') when neither is.
    return max(readings, key=lambda reading: (_arabic_share(reading[2]),
                                              _arabic_figures(reading[2])), default=None)


def _arabic_without_nul(text: str) -> bool:
    """Whether *text*, bytes with no NUL read as UTF-16, is Arabic: every letter is, and
    no character is private-use, unassigned or East Asian. Half the letters was not
    enough: a Windows-1256 snippet with an RLM (0xFE) or LRM (0xFD) read as presentation
    forms beside private-use, Hangul or circled Katakana («على» + RLM, rv235). A figure in
    Arabic-Indic digits has no letter at all («٪٥٠» was stored as «je`», rv235)."""
    sample = text[:_SHARE_SAMPLE]
    if _arabic_figures(sample):
        return True
    return _arabic_share(sample) == 1.0 and not _east_asian_or_private().search(sample) \
        and all(category(c) != "Cn" for c in sample)


def _arabic_figures(text: str) -> bool:
    """Whether *text* is Arabic-Indic figures and their signs alone («١٥٠٠», «٣٫٥٪»)."""
    return _FIGURES.fullmatch(text, 0, _SHARE_SAMPLE) is not None


# Arabic-Indic and Persian digits, ٪ ٫ ٬ ٭, ، ؛ ؟ and spaces, with one that is no space
_FIGURES = re.compile("\\s*[\u0660-\u066d\u06f0-\u06f9\u060c\u061b\u061f]"
                      "[\\s\u0660-\u066d\u06f0-\u06f9\u060c\u061b\u061f]*")


@functools.cache
def _east_asian_or_private() -> re.Pattern[str]:
    """CJK, Hangul (U+2E80-U+D7FF, U+F900-U+FAFF) and private use: a UTF-16 reading of
    Arabic holds none. Compiled when first needed: its 50,000 code points took 7 ms of
    every start that imports this module (the window's, `tahqiq import`'s), for a check
    only a file read as UTF-16 without NULs reaches."""
    return re.compile("[\u2e80-\ud7ff\ue000-\ufaff]")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C0_BYTES = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f]")
_PUNCTUATION_AND_EMOJI = (0x20, *range(0xD8, 0xE0))  # UTF-16's high bytes of these


def _blank(data: bytes) -> bool:
    """Nothing but whitespace (asked without making a stripped copy of a big file)."""
    return not data or data.isspace()


def _decode_file(taken: list[bytes], name: str) -> Decoded:
    """decode_bytes for the bytes of a whole text file, which it takes out of *taken* so
    that they are freed as soon as they are read. Line ends become ``\\n`` on the way, as
    cleaning would make them, so that a big file is never held as two texts: UTF-8 is
    decoded a megabyte at a time (decoding it whole reserves two bytes a byte for a
    moment), a one-byte code page whole after its line ends were mended as bytes."""
    data = taken.pop()
    encoding, alternative, text = _choose_encoding(data, name, False)
    if text is not None or encoding not in _ASCII_COMPATIBLE:
        return Decoded(data.decode(encoding) if text is None else text, encoding, alternative)
    if encoding in LEGACY_ARABIC:
        if b"\r" in data:  # bytes.replace writes the result at once; a regex would make
            data = data.replace(b"\r\n", b"\n")  # a list of every line first
            data = data.replace(b"\r", b"\n") if b"\r" in data else data
        if data.endswith(b"\n") and data[-2:-1] not in (b"", b"\n", b" ", b"\t"):
            # The last line's end, which cleaning strips anyway (with nothing before it
            # that cleaning would read differently without it): cut while it is bytes.
            data = data[:-1]
        return Decoded(data.decode(encoding), encoding, alternative)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    view, pieces, carried = memoryview(data), [], ""
    for at in range(0, len(data), _CHECK_BYTES):
        piece = carried + decoder.decode(view[at:at + _CHECK_BYTES],
                                         final=at + _CHECK_BYTES >= len(data))
        carried = "\r" if piece.endswith("\r") else ""  # its \n may begin the next piece
        pieces.append(piece[:len(piece) - len(carried)].replace("\r\n", "\n")
                      .replace("\r", "\n"))
    pieces.append(carried.replace("\r", "\n"))
    del view, data
    return Decoded("".join(pieces), encoding, alternative)


def _first_bad_byte(data: bytes, encoding: str) -> int | None:
    """Where *data* stops decoding strictly in *encoding* (None if it never does), found
    a megabyte at a time without decoding it whole."""
    view = memoryview(data)
    if encoding == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        # Counted from after the mark, as the codec counts when it decodes at once (and
        # _not_valid expects): its incremental decoder counts so in its first piece only.
        view, encoding = view[len(codecs.BOM_UTF8):], "utf-8"
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    at = 0
    try:
        for at in range(0, len(view), _CHECK_BYTES):
            decoder.decode(view[at:at + _CHECK_BYTES])
        at = len(view)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        # A multi-byte decoder keeps an unfinished character back, then reports offsets
        # from its start.
        return at - len(getattr(decoder, "buffer", b"")) + exc.start
    return None


def decode_as(data: bytes, encoding: str, name: str = "the file") -> Decoded:
    """*data* read in the *encoding* the user chose (a codec or a shown name), strictly."""
    codec = codec_name(encoding)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    if _blank(data):
        raise ImportRejected("{name} is empty.", name=name)
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:  # the user's choice, not the file's claim
        at = exc.start + (len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0)
        raise ImportRejected(
            "{name} is not in {encoding}: byte {byte} is not valid in it; nothing was "
            "imported. Leave out --encoding to have Tahqiq find the encoding.",
            name=name, encoding=shown_encoding(codec), byte=at) from exc


def ambiguity_note(encoding: str, alternative: str) -> Message:
    """What to tell the user when the file reads as plausible Arabic in two encodings."""
    return Message("read as {encoding}; {alternative} was possible too",
                   encoding=encoding, alternative=alternative)


def codec_name(encoding: str) -> str:
    """Python's codec for an encoding as the user names it ("Windows-1256", "cp1256",
    "iso-8859-6"…); ImportRejected for a name no codec answers to."""
    shown = {value.lower(): key for key, value in ENCODING_NAMES.items()}
    try:
        codec = codecs.lookup(shown.get(encoding.strip().lower(), encoding.strip())).name
        "".encode(codec)  # not a text encoding (rot13, base64, zlib) or none (undefined)
        return codec
    except (LookupError, UnicodeError):
        raise ImportRejected("Tahqiq does not know the encoding {encoding}.",
                             encoding=encoding) from None


def shown_encoding(codec: str) -> str:
    """The name the user sees for *codec*: "Windows-1256" for cp1256."""
    return ENCODING_NAMES.get(codec, codec)


def decode_html(data: bytes, name: str = "the page") -> Decoded:
    """The text of a web page: a byte-order mark first, then the page's own
    ``<meta charset>``, then the rules for plain text (UTF-8, then legacy Arabic)."""
    declared = None if data.startswith(_BOMS) else web_page.declared_charset(data)
    if declared is None or declared == "utf-8":
        return decode_bytes(data, name, markup=True)
    try:
        # Pages saved by a browser are often re-encoded as UTF-8 while keeping their
        # old declaration. Arabic in a legacy code page is never valid UTF-8, so
        # valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page says.
        text = data.decode("utf-8")
        if not text.isascii():
            return Decoded(text, "utf-8")
    except UnicodeDecodeError as exc:
        if declared in _WESTERN:
            # Labelled Western (a server's or a CMS's default), whose bytes read any text
            # as Latin letters: the rules for plain text say whether it is Arabic.
            with contextlib.suppress(ImportRejected):  # not Arabic: as the page says
                guessed = decode_bytes(data, name, markup=True)
                if guessed.encoding in LEGACY_ARABIC:
                    return guessed
        elif declared in _ARABIC_LABELS and _first_bad_byte(data, declared) is None:
            # The label may be the server's, not the page's (ISO-8859-6 bytes labelled
            # Windows-1256 were stored as «بèتêو»): another code page is taken when it
            # reads the text clearly likelier, and a reading no Arabic is refused.
            readings = _legacy_readings(data, True, declared)
            if readings:
                _refuse_mixed(data, name, exc.start)
                _refuse_implausible(readings[0][2], readings[0][1], name)
                return Decoded(_strict(data, readings[0][1], name), readings[0][1])
        text = _strict(data, declared, name)
        if declared.startswith(_ONE_BYTE_CODECS):
            _refuse_mixed(data, name, exc.start)
        return Decoded(text, declared)
    return Decoded(_strict(data, declared, name), declared)


def _refuse_mixed(data: bytes, name: str, bad_byte: int) -> None:
    """ImportRejected if *data*, not valid UTF-8, still holds Arabic written as UTF-8."""
    if _UTF8_ARABIC_RUN.search(data):
        raise ImportRejected(
            "{name} mixes UTF-8 with another encoding (byte {byte} is not UTF-8), so it "
            "cannot be read without garbling part of it; nothing was imported. Save it as "
            "UTF-8 and try again.", name=name, byte=bad_byte)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _not_valid(name, encoding, exc.start) from exc


def _not_valid(name: str, encoding: str, at: int) -> ImportRejected:
    # utf-8-sig counts from after the mark it strips; the user counts from the start.
    at += len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    return ImportRejected(
        "{name} claims to be {encoding} but byte {byte} is not valid; nothing was imported.",
        name=name, encoding=shown_encoding(encoding), byte=at)


def read_sidecar(path: Path) -> tuple[dict[str, str], Message | None]:
    """Metadata from ``NAME.json`` beside ``NAME.txt`` (title, outlet, url, ...), and why
    a sidecar that is there was not used (it was dropped without a word: a Windows-1256
    sidecar's Arabic title, lost). A value that is not a text or a number is left out:
    a title ``{"nested": 1}`` became the text «{'nested': 1}»."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file() or sidecar == path:
        return {}, None
    try:
        data = read_json(sidecar.read_text("utf-8-sig"))  # (Notepad writes a BOM)
    except UnicodeDecodeError:
        return {}, Message("{name} was not used: it is not UTF-8", name=sidecar.name)
    except (OSError, ValueError):
        return {}, Message("{name} was not used: it is not JSON", name=sidecar.name)
    if not isinstance(data, dict):
        return {}, Message("{name} was not used: it holds no details (an object with title, "
                           "outlet, url…)", name=sidecar.name)
    return {k: str(v) for k, v in data.items() if k in articles.METADATA_FIELDS and v
            and isinstance(v, str | int | float)}, None


# -- reading files -----------------------------------------------------------------------
def shown_name(path: Path) -> str:
    """The file's name as it is shown and kept (the article's source): bytes of a name
    that are not UTF-8 (an Arabic name unzipped from a Windows archive) become U+FFFD,
    which can be stored; the file is still read by its real name."""
    return os.fsencode(path.name or str(path)).decode("utf-8", "replace")  # («/»: no name)


def _read_bytes(path: Path) -> bytes:
    document = path.suffix.lower() in word_document.SUFFIXES  # (its pictures are not read)
    limit = word_document.MAX_FILE_BYTES if document else MAX_IMPORT_BYTES
    try:
        if path.is_dir():
            raise ImportRejected("{name} is a folder with no article in it (no .txt, .html, "
                                 ".docx or .odt file).", name=shown_name(path))
        told = path.stat()  # (a symlink's file)
        if stat.S_ISFIFO(told.st_mode):  # (`cmd | tahqiq import /dev/stdin`, `<(cmd)`)
            return _read_pipe(path, limit, document)
        if not stat.S_ISREG(told.st_mode):
            raise _not_saved(path)
        size = told.st_size
        data = b""
        if size <= limit:
            with path.open("rb") as fh:  # the file may have grown since stat()
                data = fh.read(limit + 1)
    except OSError as exc:
        raise ImportRejected("Cannot read {name}: {reason}.",
                             name=shown_name(path), reason=str(exc.strerror or exc)) from exc
    return _within(path, data, limit, document, size)


def _not_saved(path: Path) -> ImportRejected:
    return ImportRejected("{name} is not a saved file (it is a pipe nothing writes to, a "
                          "socket or a device); it was not imported.", name=shown_name(path))


def _read_pipe(path: Path, limit: int, document: bool) -> bytes:
    """A pipe's bytes, read while something writes to it: a named pipe nothing writes to
    is refused at once, where `tahqiq import fifo.txt` waited for ever (rv261); one a
    command writes to (`cmd | tahqiq import /dev/stdin`, `<(cmd)`) is read, as before
    that was mended (rv273). A command's pipe found with no writer had one that finished
    having written nothing (`grep nomatch f | tahqiq import /dev/stdin`): it is empty,
    as a file is, where it was «not a saved file» (rv278)."""
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb", 0) as fh:
        try:
            data = fh.read(limit + 1)  # (None: a writer, nothing written yet)
        except BlockingIOError:
            data = None
        if data == b"" and not _unnamed_pipe(os.fstat(fh.fileno())):
            raise _not_saved(path)  # (a named pipe no writer has opened)
        os.set_blocking(fh.fileno(), True)
        data = data or b""
        while len(data) <= limit and (more := fh.read(limit + 1 - len(data))):
            data += more
    if len(data) > limit:  # (its size is not known: only that it holds more)
        if document:
            raise ImportRejected("{name} holds more than {limit} MiB, the limit for a "
                                 "document.", name=shown_name(path), limit=limit >> 20)
        raise ImportRejected("{name} holds more than {limit} MiB, the limit for text.",
                             name=shown_name(path), limit=limit >> 20)
    return data


def _unnamed_pipe(told: os.stat_result) -> bool:
    """Whether *told* is a pipe a command made (`cmd | …`, `<(cmd)`), not a named one
    (mkfifo): such a pipe has had a writer from its making, so finding none means it
    finished. Those pipes live on no disk: on the device a pipe made here is on."""
    read, written = os.pipe()
    try:
        return os.fstat(read).st_dev == told.st_dev
    finally:
        os.close(read)
        os.close(written)


def _within(path: Path, data: bytes, limit: int, document: bool, size: int) -> bytes:
    if size > limit or len(data) > limit:
        if document:
            raise ImportRejected("{name} is {size} MB; the limit for a document is {limit} "
                                 "MiB.", name=shown_name(path),
                                 size=f"{max(size, len(data)) / 1e6:.0f}", limit=limit >> 20)
        raise ImportRejected("{name} is {size} MB; the limit is {limit} MiB of text.",
                             name=shown_name(path), size=f"{max(size, len(data)) / 1e6:.0f}",
                             limit=limit >> 20)
    return data


def articles_among(paths: Iterable[str | Path]) -> list[Path]:
    """*paths* as articles to import: a folder stands for the articles in it (its
    ARTICLE_SUFFIXES files, by name; a fact-checker keeps a story's articles in one), and
    the ``NAME.json`` of a ``NAME.txt`` (or .html) is left out: its metadata is read with
    that article (:func:`read_sidecar`), not imported as one («import seeds/*» made an
    article titled «{»). A folder holding none stays, to be refused by name."""
    paths = [article for path in map(Path, paths) for article in _articles_in(path) or [path]]
    # (only an article's: «claims.json» beside «claims.csv» is a file of its own, refused
    # by name, not left out unsaid, rv71)
    # («story.md», a file with no suffix: any file read as text has its sidecar read)
    stems = {(p.parent, p.stem) for p in paths if p.suffix.lower() not in _NOT_ARTICLES}
    return [p for p in paths if p.suffix.lower() != ".json"
            or ((p.parent, p.stem) not in stems and described_article(p) is None)]


def described_article(path: Path) -> Path | None:
    """The article beside *path* whose details it holds (``NAME.txt`` or ``.html`` beside
    a ``NAME.json``), if there is one: a script importing a folder a file at a time made
    the sidecar an article titled «{»."""
    if path.suffix.lower() != ".json":
        return None
    return next((article for suffix in sorted(ARTICLE_SUFFIXES)
                 if (article := path.with_suffix(suffix)).is_file()), None)


def _articles_in(path: Path) -> list[Path]:
    """The article files directly in the folder *path*, by name as a file manager orders
    them; [] for a file, or a folder that cannot be listed (reading it says why)."""
    try:
        return sorted((p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES
                       and not p.name.startswith(".") and p.is_file()),
                      key=lambda p: _natural(p.name)) if path.is_dir() else []
    except OSError:
        return []


_NUMBERS = re.compile(r"(\d+)")


def _natural(name: str) -> tuple[list[str | int], str]:
    """A file name's place among its neighbours': its numbers as numbers (any digits:
    «الحلقة ٢» before «الحلقة ١٠»), its letters in any case. By code point, a series
    came in as 1, 10, 11, 2 and capitals before small letters, and the article list
    keeps the order articles came in (rv102)."""
    parts = _NUMBERS.split(name)  # (text, number, text, …: a number at every odd place)
    return [int(part) if odd else part.casefold() for odd, part in
            ((i % 2 == 1, part) for i, part in enumerate(parts))], name


def _refuse_other_kinds(data: bytes, name: str) -> None:
    """Files that are something else than an article, each told where it goes (they were
    refused as «a binary file», or imported as an article of MIME headers or CSV rows)."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        raise ImportRejected(
            "{name} is a PDF, which Tahqiq does not read: copy the article's text out of "
            "it, then paste it as a new article or save it as a .txt file.", name=name)
    if head.startswith(SQLITE_HEADER):
        raise ImportRejected(
            "{name} is a project (a database), not an article: merge it instead (File ▸ "
            "Merge Colleague's Project, or tahqiq merge).", name=name)
    if head.startswith(word_document.OLE):
        raise word_document.older_or_locked(name, data)
    if name.lower().endswith((".mhtml", ".mht")) or (
            head.lstrip().startswith((b"From:", b"MIME-Version:")) and b"multipart/related"
            in head.lower()):
        raise ImportRejected(
            "{name} is a single-file web page (MHTML), which Tahqiq does not read: save "
            "the page as HTML, or copy its text.", name=name)
    start = head.removeprefix(codecs.BOM_UTF8)
    if _is_mail(start):  # (its headers and base64 were an article)
        raise ImportRejected(
            "{name} is a saved e-mail, which Tahqiq does not read: copy the article's text "
            "out of it, then paste it as a new article or save it as a .txt file.", name=name)
    from store.exchange.csv_format import names_claims  # (a sibling: loaded when used)

    if names_claims(head):
        raise ImportRejected(
            "{name} is a CSV of claims, not an article: bring it in with File ▸ Import "
            "Claims (CSV), or tahqiq merge.", name=name)
    if name.lower().endswith(_OFFICE_SUFFIXES):  # (a CSV's rows, or a «binary file»
        # said of a spreadsheet)
        raise ImportRejected(
            "{name} is a spreadsheet, which Tahqiq does not read as an article: open it, "
            "copy the article's text and paste it as a new article, or save it as a .txt "
            "file.", name=name)
    if name.lower().endswith(_OTHER_DOCUMENTS) or start.lstrip().startswith(b"{\\rtf"):
        # (an RTF's markup as an article: also one renamed .txt, or with no suffix)
        raise ImportRejected(
            "{name} is a word-processor file Tahqiq does not read: save it as a Word "
            "document (.docx) or OpenDocument text (.odt) and import that, or copy the "
            "article's text and paste it as a new article.", name=name)
    if start.lstrip().startswith(b"{") and re.search(rb'"format"\s*:\s*"tahqiq-project"',
                                                      start):
        raise ImportRejected(
            "{name} is a whole-project JSON export, which Tahqiq does not import: the backup "
            "to restore from is the project file (.tahqiq).", name=name)
    if re.fullmatch(rb"\s*(?:\[\s*\]|\{\s*\})\s*", start):  # (a JSON export of no
        # claims, a W3C one of an article untagged: it was an article reading «[]», rv222)
        raise ImportRejected("{name} holds no text to import.", name=name)
    if start.lstrip().startswith((b"[", b"{")) and re.search(
            rb'"@context"\s*:\s*"(?:http://www\.w3\.org/ns/anno\.jsonld|https?://schema\.org)',
            start):
        raise ImportRejected(
            "{name} is a JSON-LD export of claims (W3C annotations or ClaimReview), not an "
            "article: to bring a colleague's claims in, merge their project file "
            "(File ▸ Merge Colleague's Project, or tahqiq merge).", name=name)


# A mail's header block (after an mbox «From » line); fields only a mail has: MIME's, or a
# server's «Received: from …» (before MIME's, they may fill the first 4 KB); and fields a
# mail has, of which it takes two to tell one (a study's «Received: 12 March 2024», a lone
# «Message-ID:» line, were a saved e-mail refused, rv240)
_MAIL_HEADERS = re.compile(rb"(?:From [^\r\n]*\r?\n)?(?:[!-9;-~]+:[^\r\n]*\r?\n"
                           rb"(?:[ \t][^\r\n]*\r?\n)*)+")
_MAIL_PROOF = re.compile(rb"^(?:(?:MIME-Version|Content-Type)[ \t]*:|Received[ \t]*:[ \t]*"
                         rb"(?:\r?\n[ \t]+)?from\b)", re.IGNORECASE | re.MULTILINE)
_MAIL_FIELD = re.compile(rb"^(Content-Transfer-Encoding|Received|Return-Path|Delivered-To|"
                         rb"DKIM-Signature|Message-ID)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# fields a memo or a letter has too: with one of a mail's own, three of them say a mail
_LETTER_FIELD = re.compile(rb"^(From|To|Cc|Date|Subject)[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _is_mail(start: bytes) -> bool:
    """Whether a file's first bytes are a mail's (.eml: multipart/alternative, a body in
    base64): header lines only, up to a blank line or past *start*'s end (a mail's
    Received and DKIM lines run long), one of them a mail's own, or two fields only a mail
    has, or one with a letter's From, To, Date… (an old plain mail's Message-ID). An
    article opening «From: the ministry» and «Subject: …», or a study's «Received: …»,
    is still an article."""
    start = start.lstrip()
    block = _MAIL_HEADERS.match(start)
    if block is None:
        return False
    own = {field.lower() for field in _MAIL_FIELD.findall(block.group())}
    letter = {field.lower() for field in _LETTER_FIELD.findall(block.group())}
    if not (_MAIL_PROOF.search(block.group()) or len(own) > 1
            or (own and len(letter) > 2)):
        return False
    rest = start[block.end():]
    return rest.startswith((b"\n", b"\r\n")) or b"\n" not in rest


def load_file(path: str | Path, encoding: str | None = None) -> LoadedFile:
    """Read and decode one article file (text or saved web page); nothing is stored.

    *encoding* (a codec or a shown name, e.g. a LoadedFile's ``alternative_encoding``)
    reads the file that way, strictly, instead of detecting it. A ``NAME.json`` beside
    the file overrides the metadata a web page gives.
    """
    path = Path(path)
    name = shown_name(path)
    data = _read_bytes(path)
    kind = word_document.kind_of(data)
    if kind is not None or path.suffix.lower() in word_document.SUFFIXES:
        return _load_document(path, name, data, kind)
    _refuse_other_kinds(data, name)
    changes: list[str] = []
    metadata: dict[str, str] = {}
    html = web_page.looks_like_html(name, data)
    # (a pipe's bytes are not there to be read again: decoded whole)
    if not html and len(data) >= STREAM_FROM_BYTES and stat.S_ISREG(path.stat().st_mode):
        taken, data = [data], b""
        return _load_big(path, taken, encoding)
    if encoding is not None:
        decoded = decode_as(data, encoding, name)
    elif html:
        decoded = decode_html(data, name)
    else:
        taken, data = [data], b""  # _decode_file frees the bytes once decoded
        decoded = _decode_file(taken, name)
    if decoded.alternative:
        changes.append(ambiguity_note(shown_encoding(decoded.encoding),
                                      shown_encoding(decoded.alternative)))
    text = decoded.text
    if html:
        page = web_page.extract_page(text, name)
        if not page.text.strip():
            raise ImportRejected(
                "No article text was found in the web page {name}; nothing was "
                "imported. Copy the article's text into a .txt file instead.",
                name=name)
        text, metadata = page.text, dict(page.metadata)
        changes.append(HTML_EXTRACTED)
    details, problem = read_sidecar(path)
    metadata.update(details)
    title = metadata.pop("title", "")
    return LoadedFile(name, text, shown_encoding(decoded.encoding), title, metadata,
                      changes + ([problem] if problem else []) + _date_note(metadata),
                      shown_encoding(decoded.alternative) if decoded.alternative else "",
                      sidecar_problem=problem or "")


def _load_document(path: Path, name: str, data: bytes, kind: str | None) -> LoadedFile:
    """A Word or OpenDocument file read (its text is Unicode already: no encoding to
    guess, and a NAME.json beside it gives its details as beside any article)."""
    document = word_document.read(data, name, kind)
    if not _has_letters(document.text):
        raise ImportRejected("{name} holds no text to import.", name=name)
    metadata, problem = read_sidecar(path)
    title = metadata.pop("title", "")
    changes = ([DOCUMENT_LEFT_OUT] if document.left_out else []) + (
        [problem] if problem else [])
    return LoadedFile(name, document.text, "UTF-8", title, metadata,
                      changes + _date_note(metadata), sidecar_problem=problem or "")


def _date_note(metadata: dict[str, str]) -> list[Message]:
    """What is said of a publication date a sidecar gave that is not YYYY-MM-DD: kept as
    it is, and left out of ClaimReview, unsaid until then (rv98: «5 ديسمبر 2026»)."""
    published = metadata.get("published", "")
    if not published or articles.is_iso_date(published):
        return []
    return [Message("the publication date «{date}» is not YYYY-MM-DD: ClaimReview exports "
                    "leave it out (Article Properties changes it)", date=quoted(published))]


def _load_big(path: Path, taken: list[bytes], encoding: str | None) -> LoadedFile:
    """load_file for a big plain-text file: its encoding chosen and checked on the bytes
    (which *taken* holds, and which are freed once checked), its start decoded."""
    name = shown_name(path)
    data = taken.pop()
    checked = _identity(path.stat())
    if encoding is not None:
        codec = codec_name(encoding)
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        if _blank(data):
            raise ImportRejected("{name} is empty.", name=name)
        bad = _first_bad_byte(data, codec)
        if bad is not None:
            raise _not_valid(name, codec, bad)
        alternative = ""
    else:
        codec, alternative, _ = _choose_encoding(data, name, False)
    del data
    head = ""
    for piece in _pieces(path, codec, checked):
        head += piece
        if len(head) >= HEAD_CHARS:
            break
    changes = [ambiguity_note(shown_encoding(codec), shown_encoding(alternative))] \
        if alternative else []
    metadata, problem = read_sidecar(path)
    title = metadata.pop("title", "")
    return LoadedFile(name, head[:HEAD_CHARS], shown_encoding(codec), title, metadata,
                      changes + ([problem] if problem else []) + _date_note(metadata),
                      shown_encoding(alternative) if alternative else "",
                      source=path, codec=codec, checked=checked, sidecar_problem=problem or "")


def _identity(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def _pieces(path: Path, codec: str, checked: tuple[int, int, int]) -> Iterator[str]:
    """The text of *path* in *codec*, a piece at a time, line ends made LF; ImportRejected
    if it cannot be read, or is no longer the file *checked* (size, time, inode) was
    taken of: the encoding, the size limit and the user's choices were about that one."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    carried = ""  # a CR at the end of a piece: its LF may begin the next
    changed = ImportRejected("{name} changed while it was imported; nothing was imported.",
                             name=shown_name(path))
    try:
        with path.open("rb") as fh:
            if _identity(os.fstat(fh.fileno())) != checked:
                raise changed
            read = 0
            while True:
                data = fh.read(_CHECK_BYTES)
                read += len(data)
                if read > checked[0] or not data and (
                        read != checked[0] or _identity(os.fstat(fh.fileno())) != checked):
                    raise changed
                piece = carried + decoder.decode(data, final=not data)
                carried = "\r" if piece.endswith("\r") and data else ""
                piece = piece[:len(piece) - len(carried)]
                if piece:
                    yield piece.replace("\r\n", "\n").replace("\r", "\n")
                if not data:
                    return
    except OSError as exc:
        raise ImportRejected("Cannot read {name}: {reason}.",
                             name=shown_name(path), reason=str(exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise changed from exc


# -- storing -----------------------------------------------------------------------------
def already_there(name: str, title: str) -> Message:
    """What to tell the user when *name* held a text the project already has, as *title*."""
    return Message("{name} is already in the project as “{title}”; nothing was added.",
                   name=name, title=title)


def lam_alef_note(word: str, count: int) -> Message:
    """What to tell of a text whose «لا» a PDF wrote «ال» (pdf_text.lam_alef_swapped): it
    is stored as it came, and was found by no search, unsaid (rv192). «At least»: the
    words that begin «اال» are counted, not the others («خالل»)."""
    return Message("the PDF it was copied from wrote «لا» as «ال», so search will miss "
                   "words such as «{word}» (at least {count})", word=quoted(word), count=count)


def _lam_alef_note(swapped: tuple[str, int]) -> str:
    return lam_alef_note(*swapped) if swapped[1] else ""


def preview_pdf_repair(text: str) -> tuple[str, str]:
    """(without repair, with repair): the text as each choice would store it."""
    return clean_text(text).text, clean_text(pdf_text.repair_pdf_text(text)).text


def _has_letters(text: str) -> bool:
    """Whether *text* holds anything to read: not only spaces, line breaks, control and
    format characters (zero-width spaces, direction marks), and marks on no letter (an
    article of twenty fathas imported, its row in the list looking empty: rv101)."""
    return any(category(ch)[0] not in "ZCM" for ch in text)


def _only_links(text: str) -> bool:
    """Whether *text* is nothing but links (a browser's address copied, a file manager's
    files, a link dragged from a tab): what such an article would hold is its address."""
    return len(text) <= _LINKS_AT_MOST and all(
        is_web_link(word) or _ADDRESS.match(word) for word in text.split())


def _a_link(name: str) -> ImportRejected:
    return ImportRejected(
        "{name} holds a link, not an article's text: Tahqiq does not download web pages. "
        "Save the page from the browser and import the saved file.", name=name)


def import_text(project: Project, raw: str, *, title: str = "", encoding: str = "",
                source_name: str = "", repair_pdf: bool | None = None,
                changes: Sequence[str] = (), from_file: bool = False,
                **metadata: str) -> ImportOutcome:
    """Clean *raw* and add it as an article, unless the same text is already there.

    Its language is detected (``store.text.language``) unless *metadata* gives one.

    *repair_pdf*: None leaves the text as it is but sets ``pdf_repair_suggested``
    when it looks like visual-order PDF text; True repairs such lines first; False
    never repairs. *changes* lists what was already done to the text (say, taking it
    out of a web page); the cleaning's own changes follow. *from_file*: *source_name*
    is a file's, which a refusal then names.
    """
    done = list(changes)
    suggested = False
    if repair_pdf is None:
        suggested = pdf_text.needs_repair(raw)
    elif repair_pdf:
        repaired = pdf_text.repair_pdf_text(raw)
        if repaired != raw:
            raw = repaired
            done.append(PDF_REPAIRED)
    cleaned = clean_text(raw)
    done.extend(cleaned.changes)
    if not _has_letters(cleaned.text):  # (zero-width spaces alone made an invisible one)
        if from_file:  # named, so each refusal of a multi-file import says which file
            raise ImportRejected("{name} holds no text to import.", name=source_name)
        raise ImportRejected("There is no text to import.")
    if _only_links(cleaned.text):
        if from_file:
            raise _a_link(source_name)
        raise ImportRejected(
            "That is a link, not an article's text: Tahqiq does not download web pages. "
            "Copy the article's own text from the page, or save the page from the browser "
            "and import the saved file.")
    digest = articles.fingerprint(cleaned.text)
    if not metadata.get("language"):  # a web page's or a sidecar's own language is kept
        metadata["language"] = detect_language(cleaned.text)
    with _writing(project):  # (looked for and added under one write lock)
        fingerprints = _fingerprints(
            digest, cleaned, lambda edges, letters: articles.fingerprint(
                clean_text(raw, edges, letters).text),
            lambda: articles.fingerprint(cleaning_before_marks_moved(raw)))
        existing = _found_again(project, fingerprints())
        if existing is not None:
            return ImportOutcome(project, *existing, False, encoding, done, suggested)
        if (back := _brought_back(project, fingerprints())) is not None:
            return ImportOutcome(project, *back, True, encoding, [*done, BROUGHT_BACK], suggested)
        article = articles.add_article(project, cleaned.text, title, encoding=encoding,
                                       source_name=source_name, **metadata)
    outcome = ImportOutcome(project, article.id, article.title, True, encoding, done,
                            suggested, dropped_note=cleaned.dropped_note,
                            lam_alef_note=_lam_alef_note(pdf_text.lam_alef_swapped(cleaned.text)))
    outcome.article = article  # in hand already
    return outcome


def import_loaded(project: Project, loaded: LoadedFile, *,
                  repair_pdf: bool | None = None) -> ImportOutcome:
    """Store a file read by load_file."""
    if loaded.source is not None and not repair_pdf:
        outcome = _import_pieces(project, loaded, repair_pdf)
    else:
        outcome = import_text(project, loaded.whole_text(), title=loaded.title,
                              encoding=loaded.encoding, source_name=loaded.name,
                              repair_pdf=repair_pdf, changes=loaded.changes, from_file=True,
                              **loaded.metadata)
    return replace(outcome, alternative_encoding=loaded.alternative_encoding)


def _import_pieces(project: Project, loaded: LoadedFile,
                   repair_pdf: bool | None) -> ImportOutcome:
    """import_text for a big file, read, cleaned and stored a piece at a time: the
    cleaned text goes to a spool file while its fingerprint and size are taken, then
    from there into the project (articles.add_article_pieces)."""
    assert loaded.source is not None
    suggested = repair_pdf is None and loaded.pdf_repair_suggested
    metadata = dict(loaded.metadata)
    try:
        return _import_spooled(project, loaded, suggested, metadata)
    except OSError as exc:  # the temporary folder full or not writable
        raise ImportRejected("Cannot write a temporary copy of {name}: {reason}.",
                             name=loaded.name, reason=str(exc.strerror or exc)) from exc


def _writing(project: Project) -> contextlib.AbstractContextManager[object]:
    """The write lock an import looks and adds under; none in a project open read-only,
    where a text already there is still found and named (adding one is refused there)."""
    return contextlib.nullcontext() if project.read_only else project.transaction()


def _import_spooled(project: Project, loaded: LoadedFile, suggested: bool,
                    metadata: dict[str, str]) -> ImportOutcome:
    assert loaded.source is not None
    with tempfile.TemporaryFile() as spool:
        cleaner = CleanStream()
        digest, size, head, blank = hashlib.sha256(), 0, "", True
        swapped = ("", 0)  # (pieces are cut between lines, never within a word)
        for piece in _cleaned(loaded, cleaner):
            data = piece.encode("utf-8")
            spool.write(data)
            digest.update(data)
            size += len(data)
            head += piece[:HEAD_CHARS - len(head)]
            blank = blank and not _has_letters(piece)
            word, count = pdf_text.lam_alef_swapped(piece)
            swapped = (swapped[0] or word, swapped[1] + count)
        cleaned = cleaner.result()
        done = [*loaded.changes, *cleaned.changes]
        if blank:
            raise ImportRejected("{name} holds no text to import.", name=loaded.name)
        if _only_links(head):  # (the whole text, when short enough to be links alone)
            raise _a_link(loaded.name)
        if not metadata.get("language"):
            metadata["language"] = detect_language(head)
        # (cleaned as it will be stored: a title of direction marks alone was stored empty)
        title = clean_field(loaded.title, True) or articles.derive_title(head)
        with _writing(project):  # (looked for and added under one write lock)
            fingerprints = _fingerprints(
                digest.hexdigest(), cleaned, lambda edges, letters: articles.fingerprint_pieces(
                    _cleaned(loaded, CleanStream(edges, letters))),
                lambda: articles.fingerprint(cleaning_before_marks_moved(loaded.whole_text())))
            existing = _found_again(project, fingerprints())
            if existing is not None:
                return ImportOutcome(project, *existing, False, loaded.encoding, done,
                                     suggested)
            if (back := _brought_back(project, fingerprints())) is not None:
                return ImportOutcome(project, *back, True, loaded.encoding,
                                     [*done, BROUGHT_BACK], suggested)
            spool.seek(0)
            reader = io.TextIOWrapper(spool, encoding="utf-8")
            article_id = articles.add_article_pieces(
                project, iter(lambda: reader.read(_CHECK_BYTES), ""), size, digest.hexdigest(),
                title, encoding=loaded.encoding, source_name=loaded.name, **metadata)
    return ImportOutcome(project, article_id, title, True, loaded.encoding, done, suggested,
                         dropped_note=cleaned.dropped_note, lam_alef_note=_lam_alef_note(swapped))


def _cleaned(loaded: LoadedFile, cleaner: CleanStream) -> Iterator[str]:
    """The cleaned text of a big file, a piece at a time."""
    assert loaded.source is not None
    for piece in _pieces(loaded.source, loaded.codec, loaded.checked):
        yield from cleaner.feed(piece)
    yield from cleaner.close()


def _brought_back(project: Project, fingerprints: Iterable[str]) -> tuple[str, str] | None:
    """The id and title of a deleted article of this text (by any of its *fingerprints*),
    brought back with the words its deletion untagged: imported again, it became a second
    article of the same text beside the deleted one, which merges could not tell apart
    from it."""
    from store.core import article_deletion

    for digest in fingerprints:
        row = project.execute("SELECT id, title FROM articles WHERE fingerprint = ? AND "
                              "deleted IS NOT NULL ORDER BY deleted DESC LIMIT 1",
                              [digest]).fetchone()
        if row is not None:
            article_deletion.restore_article(project, row[0])
            return row[0], row[1]
    return None


def _found_again(project: Project, fingerprints: Iterable[str]) -> tuple[str, str] | None:
    """The id and title of the live article already holding this text, by any of its
    *fingerprints*."""
    return next((found for digest in fingerprints
                 if (found := articles.holder_of(project, digest)) is not None), None)


def _fingerprints(digest: str, cleaned: CleanResult,
                  cleaned_before: Callable[[bool, bool], str],
                  marks_kept: Callable[[], str]) -> Callable[[], Iterator[str]]:
    """The fingerprints of a text as cleaned now (*digest*), then as an import from
    before a cleaning step kept it, when that step changed it: before edge boilerplate
    was dropped, or before ligatures and soft hyphens were rewritten (the file imported
    again was a second article, rv116; deleted, it was not brought back, rv120), or
    before direction marks' spaces were moved and a line judged as stored (rv204).
    *cleaned_before*(edges, letters) gives the text's fingerprint cleaned with or without
    those steps, *marks_kept*() as cleaned before the last: each is asked once, and only
    when wanted."""
    before, older = functools.cache(cleaned_before), functools.cache(marks_kept)

    def each() -> Iterator[str]:
        yield digest
        if cleaned.older_differs:
            yield older()
        for edges, letters in ((False, True), (True, False), (False, False)):
            if (edges or cleaned.dropped) and (letters or cleaned.rewrote_letters):
                yield before(edges, letters)

    return each


def import_file(project: Project, path: str | Path, *,
                repair_pdf: bool | None = None) -> ImportOutcome:
    """Import one article file; ImportRejected leaves the project untouched."""
    return import_loaded(project, load_file(path), repair_pdf=repair_pdf)


def not_imported(exc: StorageError, names: Sequence[str]) -> StorageError:
    """*exc*, met storing the first of *names*, said once for them all: the project could
    not take that file, so it takes none of the next (each waited its own 15 s for a lock
    another program held, and said the same line unnamed, rv260). Told by the templates
    store.core.project says them with, not copies of its words; a write the disk refused
    (SQLite's I/O error: full, or the file too large) is a disk's, said with its doubt,
    as a merge says it as its temporary folder's room (it was «… the change was not
    saved. Not imported: …», rv278)."""
    shown = ", ".join(quoted(name) for name in names)
    one = len(names) == 1
    if exc.template == DISK_FULL:
        return (StorageError("The disk is full: {name} was not imported.", name=shown) if one
                else StorageError("The disk is full: {names} were not imported.", names=shown))
    if exc.template == NOT_WRITTEN:
        return (StorageError("The project could not be written to the disk (is the disk "
                             "full, or the file too large?): {name} was not imported.",
                             name=shown) if one
                else StorageError("The project could not be written to the disk (is the "
                                  "disk full, or the file too large?): {names} were not "
                                  "imported.", names=shown))
    if exc.template == PROJECT_BUSY:
        return (StorageError("Another program kept the project busy: {name} was not "
                             "imported.", name=shown) if one
                else StorageError("Another program kept the project busy: {names} were not "
                                  "imported.", names=shown))
    return StorageError("{reason} Not imported: {names}.", reason=exc, names=shown)


_Item = TypeVar("_Item")
_Stored = TypeVar("_Stored")


def import_each(items: Sequence[_Item], name: Callable[[_Item], str],
                store: Callable[[_Item], _Stored]
                ) -> Iterator[tuple[_Item, _Stored | TahqiqError]]:
    """Store *items* (files, or files read) one by one, in order: each with what
    ``store(item)`` gave, or the error that refused it, and the next go on. The one loop
    of several files the command line and the window both run (each ran its own, and
    import_files, a third that only tests ran, went on past a full disk, rv260).

    A file's refusal (ImportRejected, or any error not the project's) is that file's.
    The project's (ProjectError: full, busy, damaged, read-only) takes none of the next
    either, so it stops there: a StorageError raised said once for that file and every
    one not tried, by *name* (:func:`not_imported`), another as it is. What was stored
    before stays; the caller stops between two files by leaving the loop."""
    for at, item in enumerate(items):
        try:
            done: _Stored | TahqiqError = store(item)
        except StorageError as exc:
            raise not_imported(exc, [name(one) for one in items[at:]]) from exc
        except ProjectError:
            raise
        except TahqiqError as exc:
            done = exc
        yield item, done
