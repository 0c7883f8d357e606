"""Bringing article files into a project.

Decoding is strict: a file is either decoded exactly or refused, never mangled.
Reading a file (:func:`load_file`) touches no project, so the GUI can do it off
its thread and ask about a PDF repair before anything is stored; storing
(:func:`import_loaded`) is one transaction, so a refused file leaves the project
as it was.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from store.core import articles
from store.core.progress import Progress
from store.core.project import Project
from store.core.records import Article
from store.errors import ImportRejected, Message, TahqiqError
from store.exchange import web_page
from store.text import pdf_text, plausibility
from store.text.clean import clean_text
from store.text.language import detect_language

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # 50 MiB of text; 10 MB articles import comfortably
LEGACY_ARABIC = ("cp1256", "iso8859_6")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
                  "utf-32": "UTF-32", "cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6",
                  "iso8859-6": "ISO-8859-6", "cp1252": "Windows-1252"}
# A reading this many nats (log-likelihood, store.text.plausibility) less likely than
# the chosen one is still possible: the user is told and may switch. Measured on
# snippets of real news, it flags every wrong choice of two words or more.
AMBIGUITY_NATS = 8.0
# Windows-1256 is by far the more common of the two: a near tie goes its way.
CP1256_PRIOR_NATS = 1.0
PDF_REPAIRED = Message("repaired visual-order PDF text")
HTML_EXTRACTED = Message("kept only the article text of the web page")
_SHARE_SAMPLE = 1_000_000  # characters enough to tell Arabic from not
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Three Arabic letters in a row written as UTF-8 (each a lead byte D8-DB and a
# continuation byte). Read as a one-byte code page they turn into «ط§ظ„ط¬»: real
# Windows-1256 or ISO-8859-6 text never alternates ط/ظ/ع/غ with a symbol like that,
# so in a file that is not valid UTF-8 they mean UTF-8 mixed with another encoding
# (or UTF-8 with a damaged byte), which no single encoding decodes correctly.
_UTF8_ARABIC_RUN = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3}")
_ONE_BYTE_CODECS = ("cp125", "iso8859")


@dataclass
class ImportOutcome:
    article: Article
    created: bool  # False when the same text was already in the project
    encoding: str
    changes: list[str] = field(default_factory=list)  # what cleaning did, for the user
    pdf_repair_suggested: bool = False  # looks like PDF text; offer preview_pdf_repair
    alternative_encoding: str = ""  # another plausible reading of the file, e.g. "ISO-8859-6"
    dropped_note: str = ""  # among *changes*: that lines of site boilerplate were left out

    @property
    def encoding_ambiguous(self) -> bool:
        return bool(self.alternative_encoding)


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


@dataclass
class FileImport:
    """One file of import_files: its outcome, or why it was refused."""

    path: Path
    outcome: ImportOutcome | None = None
    error: TahqiqError | None = None


# -- decoding ----------------------------------------------------------------------------
def _arabic_share(text: str) -> float:
    letters = [c for c in text[:_SHARE_SAMPLE] if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def decode_bytes(data: bytes, name: str = "the file", *,
                 markup: bool = False) -> Decoded:
    """The text in *data*, or ImportRejected if it is not text we can read.

    *markup*: the data is HTML, so only the text between tags counts when judging
    whether a legacy code page reads as Arabic.
    """
    if not data.strip():
        raise ImportRejected("{name} is empty.", name=name)
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data, "utf-8-sig", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Checked before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one, and
        # read as UTF-16 every character outside the BMP would turn into two wrong ones.
        return Decoded(_strict(data, "utf-32", name), "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", name), "utf-16")
    if b"\x00" in data:
        raise ImportRejected("{name} looks like a binary file, not text.", name=name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad_byte = exc.start
    # Legacy Arabic code pages. General detectors (charset-normalizer) misread short
    # Windows-1256 snippets and happily "decode" anything as some code page, so we
    # only accept a candidate that decodes strictly and reads as Arabic (most of its
    # letters are Arabic). When both do, the one whose letter sequences are likelier
    # in real Arabic wins (store.text.plausibility), and the other is kept as the
    # alternative unless it is far less likely.
    readings = []
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = web_page.visible_text(text[:_SHARE_SAMPLE]) if markup else text
        if _arabic_share(sample) >= 0.5:
            prior = CP1256_PRIOR_NATS if encoding == "cp1256" else 0.0
            readings.append((plausibility.log_likelihood(sample) + prior, encoding, text))
    if not readings:
        raise ImportRejected(
            "{name} is not in an encoding Tahqiq can read reliably (UTF-8, UTF-16, "
            "Windows-1256, ISO-8859-6). Save it as UTF-8 and try again.", name=name)
    _refuse_mixed(data, name, bad_byte)
    readings.sort(reverse=True)
    (score, encoding, text), others = readings[0], readings[1:]
    close = [other for other_score, other, _ in others if score - other_score < AMBIGUITY_NATS]
    return Decoded(text, encoding, close[0] if close else "")


def decode_as(data: bytes, encoding: str, name: str = "the file") -> Decoded:
    """*data* read in the *encoding* the user chose (a codec or a shown name), strictly."""
    codec = codec_name(encoding)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    if not data.strip():
        raise ImportRejected("{name} is empty.", name=name)
    return Decoded(_strict(data, codec, name), codec)


def ambiguity_note(encoding: str, alternative: str) -> Message:
    """What to tell the user when the file reads as plausible Arabic in two encodings."""
    return Message("read as {encoding}; {alternative} was possible too",
                   encoding=encoding, alternative=alternative)


def codec_name(encoding: str) -> str:
    """Python's codec for an encoding as the user names it ("Windows-1256", "cp1256",
    "iso-8859-6"…); ImportRejected for a name no codec answers to."""
    shown = {value.lower(): key for key, value in ENCODING_NAMES.items()}
    try:
        return codecs.lookup(shown.get(encoding.strip().lower(), encoding.strip())).name
    except LookupError:
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
        # utf-8-sig counts from after the mark it strips; the user counts from the start.
        at = exc.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        raise ImportRejected(
            "{name} claims to be {encoding} but byte {byte} is not valid; nothing was imported.",
            name=name, encoding=shown_encoding(encoding), byte=at) from exc


def read_sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``NAME.json`` beside ``NAME.txt`` (title, outlet, url, ...)."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file() or sidecar == path:
        return {}
    try:
        data = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: str(v) for k, v in data.items() if k in articles.METADATA_FIELDS and v}


# -- reading files -----------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ImportRejected("{name} is a folder, not a file.", name=path.name)
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportRejected(
                "{name} is {size} MB; the limit is {limit} MiB of text.",
                name=path.name, size=f"{size / 1e6:.0f}", limit=MAX_IMPORT_BYTES // (1024 * 1024))
        with path.open("rb") as fh:  # the file may have grown since stat()
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ImportRejected("Cannot read {name}: {reason}.",
                             name=path.name, reason=str(exc.strerror or exc)) from exc
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRejected("{name} is larger than the limit of {limit} MiB of text.",
                             name=path.name, limit=MAX_IMPORT_BYTES // (1024 * 1024))
    return data


def load_file(path: str | Path, encoding: str | None = None) -> LoadedFile:
    """Read and decode one article file (text or saved web page); nothing is stored.

    *encoding* (a codec or a shown name, e.g. a LoadedFile's ``alternative_encoding``)
    reads the file that way, strictly, instead of detecting it. A ``NAME.json`` beside
    the file overrides the metadata a web page gives.
    """
    path = Path(path)
    data = _read_bytes(path)
    changes: list[str] = []
    metadata: dict[str, str] = {}
    html = web_page.looks_like_html(path.name, data)
    if encoding is not None:
        decoded = decode_as(data, encoding, path.name)
    else:
        decoded = decode_html(data, path.name) if html else decode_bytes(data, path.name)
    if decoded.alternative:
        changes.append(ambiguity_note(shown_encoding(decoded.encoding),
                                      shown_encoding(decoded.alternative)))
    text = decoded.text
    if html:
        page = web_page.extract_page(text)
        if not page.text.strip():
            raise ImportRejected(
                "No article text was found in the web page {name}; nothing was "
                "imported. Copy the article's text into a .txt file instead.", name=path.name)
        text, metadata = page.text, dict(page.metadata)
        changes.append(HTML_EXTRACTED)
    metadata.update(read_sidecar(path))
    title = metadata.pop("title", "")
    return LoadedFile(path.name, text, shown_encoding(decoded.encoding), title, metadata,
                      changes, shown_encoding(decoded.alternative) if decoded.alternative else "")


# -- storing -----------------------------------------------------------------------------
def already_there(name: str, article: Article) -> Message:
    """What to tell the user when *name* held a text the project already has."""
    return Message("{name} is already in the project as “{title}”; nothing was added.",
                   name=name, title=article.title)


def preview_pdf_repair(text: str) -> tuple[str, str]:
    """(without repair, with repair): the text as each choice would store it."""
    return clean_text(text).text, clean_text(pdf_text.repair_pdf_text(text)).text


def import_text(project: Project, raw: str, *, title: str = "", encoding: str = "",
                source_name: str = "", repair_pdf: bool | None = None,
                changes: Sequence[str] = (), **metadata: str) -> ImportOutcome:
    """Clean *raw* and add it as an article, unless the same text is already there.

    Its language is detected (``store.text.language``) unless *metadata* gives one.

    *repair_pdf*: None leaves the text as it is but sets ``pdf_repair_suggested``
    when it looks like visual-order PDF text; True repairs such lines first; False
    never repairs. *changes* lists what was already done to the text (say, taking it
    out of a web page); the cleaning's own changes follow.
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
    if not cleaned.text.strip():
        raise ImportRejected("There is no text to import.")
    existing = articles.find_by_fingerprint(project, articles.fingerprint(cleaned.text))
    if existing is None and cleaned.dropped:  # imported before edge boilerplate was dropped
        existing = articles.find_by_fingerprint(
            project, articles.fingerprint(clean_text(raw, edges=False).text))
    if existing is not None:
        return ImportOutcome(existing, False, encoding, done, suggested)
    if not metadata.get("language"):  # a web page's or a sidecar's own language is kept
        metadata["language"] = detect_language(cleaned.text)
    article = articles.add_article(project, cleaned.text, title, encoding=encoding,
                                   source_name=source_name, **metadata)
    return ImportOutcome(article, True, encoding, done, suggested,
                         dropped_note=cleaned.dropped_note)


def import_loaded(project: Project, loaded: LoadedFile, *,
                  repair_pdf: bool | None = None) -> ImportOutcome:
    """Store a file read by load_file."""
    outcome = import_text(project, loaded.text, title=loaded.title, encoding=loaded.encoding,
                          source_name=loaded.name, repair_pdf=repair_pdf,
                          changes=loaded.changes, **loaded.metadata)
    return replace(outcome, alternative_encoding=loaded.alternative_encoding)


def import_file(project: Project, path: str | Path, *,
                repair_pdf: bool | None = None) -> ImportOutcome:
    """Import one article file; ImportRejected leaves the project untouched."""
    return import_loaded(project, load_file(path), repair_pdf=repair_pdf)


def import_files(project: Project, paths: Iterable[str | Path], *,
                 repair_pdf: bool | None = None,
                 progress: Progress | None = None) -> list[FileImport]:
    """Import each file on its own: a refused file is reported and the rest go on.

    Each file is atomic. *progress* is called with (files done, total) after each;
    returning False stops before the next file (those done stay imported).
    """
    paths = [Path(p) for p in paths]
    results: list[FileImport] = []
    for done, path in enumerate(paths, start=1):
        try:
            results.append(FileImport(path, import_file(project, path,
                                                        repair_pdf=repair_pdf)))
        except TahqiqError as exc:
            results.append(FileImport(path, error=exc))
        if progress is not None and progress(done, len(paths)) is False:
            break
    return results
