"""Word-processor documents (.docx, .odt): the text a reader of the document sees.

Press releases, transcripts and a colleague's copy of an article come as Word or
OpenDocument files. Both are ZIP archives of XML, and we read the XML with lxml (a
dependency already, for web pages), never running or fetching anything in them.
python-docx, the usual library, was tried: its paragraph text is the paragraph's own
runs and links only, so the words of a tracked insertion, a content control, a field
or a smart tag went missing from the article, and it reads no notes. The OpenDocument
libraries are unmaintained. The two formats are read by one walker each, below.

What a reader sees is kept: every paragraph as a line (a table's cells, a text box's
paragraphs after the paragraph holding it), footnotes and endnotes at the end, each
marked «[1]» where it is cited, a list's numbers and bullets counted as the reader's
word processor counts them (store.exchange.list_numbers). What a reader does not see of
the text as it stands is left out: tracked deletions, comments, hidden text, a field's
code (its shown result stays), page headers and footers.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from store.errors import ImportRejected
from store.exchange import list_numbers

SUFFIXES = frozenset({".docx", ".docm", ".odt"})
# A part of the archive larger than this, unpacked, is refused before it is parsed: a
# parsed part takes about sixteen times its size, and a «zip bomb» of half a megabyte
# unpacked to 155 MiB took 2.5 GB (rv115). A real article's markup is a few megabytes.
MAX_PART_BYTES = 48 * 1024 * 1024
# A document's file may be this big: its photographs are never read, only its text parts
# (a press pack's 55 MB .docx was refused as «too much text», rv115).
MAX_FILE_BYTES = 512 * 1024 * 1024
# A document's text may be this long (characters, each a byte or more: as much as a text
# file may hold, importing.MAX_IMPORT_BYTES). It is counted as it is read, and the
# document refused as soon as it passes it: a 1 KB .odt's 20,000 «text:s c=10000» were
# 200 million spaces (1.2 GB, rv261); what any other element expands to is bounded too.
MAX_TEXT_CHARS = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
# An OLE compound file: Word 97-2003 (.doc), Excel's .xls, Outlook's .msg, and any
# Office file saved with a password (encrypted, it is no longer a ZIP)
OLE = bytes.fromhex("d0cf11e0a1b11ae1")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# WordprocessingML, as Word writes it (transitional) and in its strict form
_W = frozenset({"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main"})
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = frozenset({"http://schemas.openxmlformats.org/officeDocument/2006/math",
                   "http://purl.oclc.org/ooxml/officeDocument/math"})
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

# Word elements holding paragraphs (a table's rows and cells, content controls, …)
_W_BLOCKS = frozenset({"body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins",
                       "moveTo", "txbxContent", "footnote", "endnote"})
# Word elements whose paragraphs no paragraph outside them runs on into
_W_APART = frozenset({"tbl", "tc", "txbxContent"})
# Word elements holding runs of a paragraph, read through
_W_INLINE = frozenset({"r", "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt",
                       "sdtContent", "fldSimple", "dir", "bdo", "ruby", "rubyBase"})
# Word elements a reader does not see: deleted text, and the note of a comment
_W_UNSEEN = frozenset({"del", "moveFrom", "commentReference"})
_OFF = frozenset({"0", "false", "off"})

# OpenDocument elements holding paragraphs
_ODT_BLOCKS = frozenset({(_TEXT, n) for n in (
    "list", "list-item", "list-header", "section", "index-body", "index-title",
    "table-of-content", "alphabetical-index", "illustration-index", "table-index",
    "user-index", "object-index", "bibliography", "numbered-paragraph", "note-body")}
    | {(_TABLE, n) for n in ("table", "table-row", "table-rows", "table-header-rows",
                             "table-row-group", "table-cell")}
    | {(_DRAW, n) for n in ("frame", "text-box", "g", "custom-shape", "rect", "ellipse",
                            "a")}
    | {(_OFFICE, "text")})
# OpenDocument elements of a paragraph a reader does not see
_ODT_UNSEEN = frozenset({(_OFFICE, "annotation"), (_TEXT, "hidden-text"),
                         (_TEXT, "hidden-paragraph"), (_TEXT, "tracked-changes")})
_ODT_SKIPPED = frozenset({(_OFFICE, "annotation-end"), (_TEXT, "ruby-text"),
                          (_TEXT, "soft-page-break"), (_TEXT, "note-citation")})
_SPACES = re.compile(r"[ \t\r\n]+")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass
class Document:
    """A document's text, and whether something in it a reader of the document would
    not see (tracked deletions, comments, hidden text) was left out."""

    text: str
    left_out: bool = False


def read(data: bytes, name: str, kind: str | None = None) -> Document:
    """The text of the document *data* (called *name* in messages); *kind*: what
    :func:`kind_of` said of it, when the caller asked already."""
    kind = kind or kind_of(data)
    if kind is None:
        raise older_or_locked(name, data) if data.startswith(OLE) else _damaged(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if kind == "docx":
                return _DocxReader(archive, name).read()
            if _encrypted(archive):
                raise _password(name)
            return _OdtReader(archive, name).read()
    except _UNREADABLE as exc:
        raise _damaged(name) from exc


# The stream an Office file saved with a password holds (MS-OFFCRYPTO), as its name is
# written in the compound file's directory
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def older_or_locked(name: str, data: bytes) -> ImportRejected:
    """The refusal of an OLE file *data*: one saved with a password (its encryption
    stream named in its directory), or an older Office format."""
    if _ENCRYPTED in data:
        return _password(name)
    return ImportRejected(
        "{name} is an older Office file (such as a Word 97–2003 .doc), which Tahqiq cannot "
        "read: save it as a Word document (.docx), or copy its text.", name=name)


def kind_of(data: bytes) -> str | None:
    """"docx" or "odt" when *data* is a Word or OpenDocument text file, by what it holds,
    whatever its name says (a .docx saved without its suffix is still one); else None."""
    if not data.startswith(_ZIP):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if _main_part(archive) is not None:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return "odt"
    except _UNREADABLE:
        return None
    return None


# What a damaged archive raises as it is read (RuntimeError: an encrypted member)
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError,
               NotImplementedError, RuntimeError, ValueError, zlib.error)


_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = ("/officeDocument/2006/relationships/officeDocument",
                    "/officeDocument/relationships/officeDocument")  # (transitional, strict)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The targets of the relationships of *part* (type's last segment: target path)."""
    folder, _, base = part.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    try:
        data = archive.read(rels)
    except KeyError:
        return {}
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, str] = {}
    for rel in root.iter(f"{{{_RELS}}}Relationship"):
        kind, target = rel.get("Type") or "", (rel.get("Target") or "").lstrip("/")
        if rel.get("TargetMode") == "External" or not target:
            continue
        if folder and not (rel.get("Target") or "").startswith("/"):
            target = f"{folder}/{target}"
        found.setdefault(kind.rpartition("/")[2] if not kind.endswith(_OFFICE_DOCUMENT)
                         else "officeDocument", target)
    return found


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The name of a Word file's main part: word/document.xml as Word writes it, or
    what the package's relationships name (Word for the web writes document2.xml)."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    main = _relationships(archive, "").get("officeDocument") if "_rels/.rels" in names \
        else None
    if main not in names:
        return None
    try:  # (a spreadsheet's or a presentation's main part is no Word document)
        types = archive.read("[Content_Types].xml")
    except KeyError:
        return None
    part = b'partname="/' + main.encode().lower() + b'"'
    return main if any(part in tag and (b"wordprocessingml" in tag or b"ms-word" in tag)
                       for tag in re.findall(rb"<(?:\w+:)?override\b[^>]*>",
                                             types.lower())) else None


def _damaged(name: str) -> ImportRejected:
    return ImportRejected("{name} is damaged: its text cannot be read as a Word or "
                          "OpenDocument file. Open it in a word processor and save it "
                          "again, or copy its text.", name=name)


def _xml(archive: zipfile.ZipFile, part: str, name: str) -> Any | None:
    """The parsed part *part* of *archive*, None when it has none. No entity, DTD or
    network is read; a part too large unpacked is refused."""
    from lxml import etree

    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    with archive.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)  # (the header's size may lie)
    if len(data) > MAX_PART_BYTES:
        raise _too_much_text(name, MAX_PART_BYTES)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise _damaged(name) from exc


def _too_much_text(name: str, limit: int) -> ImportRejected:
    return ImportRejected("{name} holds more text than Tahqiq imports (the limit is "
                          "{limit} MiB).", name=name, limit=limit >> 20)


def _named(element: Any) -> tuple[str, str]:
    """(namespace, local name) of *element*; ("", "") for a comment or the like."""
    tag = element.tag
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


@dataclass
class _Notes:
    """Footnotes and endnotes in the order they are cited, numbered from 1."""

    cited: list[Any] = field(default_factory=list)
    # The notes cited by a mark of their own (Word's ``w:customMarkFollows``: «*»)
    marked: set[int] = field(default_factory=set)
    # Each cited note's place in *cited*, and its number (0: cited by its own mark):
    # looked up, not sought along the notes cited before it (a court ruling's 32,000
    # notes took 15 s, each citation scanning all the earlier ones, rv128)
    places: dict[Any, int] = field(default_factory=dict)
    numbers: list[int] = field(default_factory=list)

    def cite(self, note: Any | None, own_mark: bool = False) -> str:
        """The note's «[n]», counting only the notes numbered; "" for a note whose mark
        is the text that follows it (its body opens with that mark too). A note cited
        again keeps its number and is read once: a note citing itself, or two citing
        each other, were read for ever."""
        if note is None:
            return ""
        at = self.places.get(note)
        if at is not None:
            return f"[{self.numbers[at]}]" if self.numbers[at] else ""
        self.places[note] = len(self.cited)
        self.cited.append(note)
        if own_mark:
            self.marked.add(len(self.cited) - 1)
            self.numbers.append(0)
            return ""
        self.numbers.append(len(self.cited) - len(self.marked))
        return f"[{self.numbers[-1]}]"


class _Reader:
    """One document read into lines: what both formats' readers keep."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive, self.name = archive, name
        self.lines: list[str] = []
        self.left_out = False
        self.notes = _Notes()
        self.taken = 0  # the characters of text read so far

    def took(self, text: str) -> str:
        """*text*, read into the document's text: counted, past MAX_TEXT_CHARS refused."""
        self.taken += len(text)
        if self.taken > MAX_TEXT_CHARS:
            raise _too_much_text(self.name, MAX_TEXT_CHARS)
        return text


class _DocxReader(_Reader):
    """One .docx read into lines."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        super().__init__(archive, name)
        self.note_parts: dict[str, dict[str, Any]] = {}
        self.lists = list_numbers.WordLists(None, None, lambda element: "", _attr)
        # The last paragraph's mark is a tracked deletion: Word shows the next paragraph
        # on its line, one paragraph (a line apart, the two read as two, rv115)
        self.joined = False
        # The line being read (the pieces of paragraphs run on into each other, joined
        # once: a line added to as each came copied it whole, a document whose marks were
        # all deleted read in minutes, rv128) and the text boxes of its paragraphs, read
        # after it (they were read before the paragraph run on into it, which went on
        # the box's last line, rv128)
        self.line: list[str] | None = None
        self.line_boxes: list[Any] = []
        self.hidden_styles: frozenset[str] = frozenset()
        self.paragraph_hidden = False
        # Paragraph styles' directions (True: right to left, ``w:bidi``), the default
        # paragraph style's id and the document's default direction
        self.bidi_styles: dict[str, bool] = {}
        self.default_style = ""
        self.default_bidi = False

    def read(self) -> Document:
        main = _main_part(self.archive)
        document = None if main is None else _xml(self.archive, main, self.name)
        if document is None:
            raise _damaged(self.name)
        related = _relationships(self.archive, main) if main != "word/document.xml" else {}
        styles = _xml(self.archive, related.get("styles", "word/styles.xml"), self.name)
        self.hidden_styles = _hidden_word_styles(styles)
        self.bidi_styles, self.default_style, self.default_bidi = _bidi_styles(styles)
        self.lists = list_numbers.WordLists(
            _xml(self.archive, related.get("numbering", "word/numbering.xml"), self.name),
            styles, lambda element: _named(element)[1], _attr)
        for kind in ("footnote", "endnote"):
            part = _xml(self.archive, related.get(f"{kind}s", f"word/{kind}s.xml"), self.name)
            self.note_parts[kind] = {} if part is None else {
                note.get(_attr(note, "id")): note for note in part
                if _named(note)[1] == kind and note.get(_attr(note, "type")) in
                (None, "normal")}
        body = next((child for child in document if _named(child)[1] == "body"), None)
        if body is not None:
            self._blocks(body)
        self._end_line()
        _add_notes(self.lines, self.notes, self._apart)
        return Document("\n".join(self.lines), self.left_out)

    def _blocks(self, parent: Any) -> None:
        for child in parent:
            namespace, local = _named(child)
            if namespace == _MC and local == "AlternateContent":
                self._blocks(_chosen(child))
            elif namespace not in _W:
                continue
            elif local == "p":
                self._paragraph(child)
            elif local in _W_APART:  # (a table's cell or a text box: its own paragraphs)
                self._apart(child)
            elif local in _W_BLOCKS:
                self._blocks(child)
            elif local in _W_UNSEEN:
                self.left_out = True

    def _apart(self, element: Any) -> None:
        """The paragraphs of *element* (a text box, a note), none run on into from
        outside it, nor running on out of it."""
        self._end_line()
        self.joined = False
        self._blocks(element)
        self._end_line()
        self.joined = False

    def _end_line(self) -> None:
        """The line being read added, then its paragraphs' text boxes read."""
        if self.line is None:
            return
        self.lines.append("".join(self.line))
        boxes, self.line, self.line_boxes = self.line_boxes, None, []
        for box in boxes:
            self._apart(box)

    def _paragraph(self, paragraph: Any) -> None:
        pieces: list[str] = []
        boxes: list[Any] = []
        self.paragraph_hidden = any(
            _named(child)[1] == "pPr" and any(
                _named(p)[1] == "pStyle" and p.get(_attr(p, "val")) in self.hidden_styles
                for p in child) for child in paragraph)
        self._inline(paragraph, pieces, boxes)
        if self.paragraph_hidden and not "".join(pieces).strip():
            self.left_out = True
            for box in boxes:
                self._apart(box)
            return
        joined = _mark_deleted(paragraph)
        # (a paragraph deleted whole, its mark too, is not there: nor is its number)
        label = "" if joined and not "".join(pieces).strip() else \
            self.lists.label(paragraph)
        text = self.took(list_numbers.labelled(label, "".join(pieces)))
        if self._right_to_left(paragraph):
            text = _right_to_left(text, from_start=not self.joined)
        if self.joined and self.line is not None:  # (the paragraph before lost its end:
            self.line.append(text)  # this one goes on it)
        else:
            self._end_line()
            self.line = [text]
        self.line_boxes.extend(boxes)
        self.left_out = self.left_out or joined
        self.joined = joined
        if not joined:
            self._end_line()

    def _right_to_left(self, paragraph: Any) -> bool:
        """Whether Word lays *paragraph* out right to left: ``w:bidi`` on it, else on
        its style (or a style it is based on), else the document's default."""
        ppr = next((child for child in paragraph if _named(child)[1] == "pPr"), None)
        style = self.default_style
        for child in [] if ppr is None else ppr:
            if _named(child)[1] == "bidi":
                return _on(child)
            if _named(child)[1] == "pStyle":
                style = child.get(_attr(child, "val")) or ""
        return self.bidi_styles.get(style, self.default_bidi)

    def _inline(self, parent: Any, pieces: list[str], boxes: list[Any]) -> None:
        for child in parent:
            namespace, local = _named(child)
            if namespace == _MC and local == "AlternateContent":
                self._inline(_chosen(child), pieces, boxes)
            elif namespace in _MATH:
                pieces.extend(t.text or "" for t in child.iter()
                              if _named(t) in {(m, "t") for m in _MATH})
            elif namespace not in _W:
                boxes.extend(_outermost(child, lambda e: _named(e)[0] in _W
                                        and _named(e)[1] == "txbxContent"))
            elif local == "t":
                pieces.append("".join(child.itertext()))  # (an entity's tail too)
            elif local in ("tab", "ptab"):
                pieces.append("\t")
            elif local in ("br", "cr"):
                pieces.append("\n")
            elif local == "noBreakHyphen":  # (as OpenDocument writes it: one text)
                pieces.append("\u2011")
            elif local == "sym":
                pieces.append(_symbol(child.get(_attr(child, "char")) or "",
                                      child.get(_attr(child, "font")) or ""))
            elif local in ("footnoteReference", "endnoteReference"):
                kind = local.removesuffix("Reference")
                pieces.append(self.notes.cite(
                    self.note_parts.get(kind, {}).get(child.get(_attr(child, "id"))),
                    _on_attr(child, "customMarkFollows")))
            elif local in _W_UNSEEN or (local == "r" and _hidden(
                    child, self.hidden_styles, self.paragraph_hidden)):
                self.left_out = True
            elif local in _W_INLINE:
                self._inline(child, pieces, boxes)
            elif local in ("drawing", "pict", "object", "txbxContent"):
                boxes.extend(_outermost(child, lambda e: _named(e)[0] in _W
                                        and _named(e)[1] == "txbxContent"))


def _on(element: Any) -> bool:
    """A Word on/off property's value (``<w:bidi/>`` is on)."""
    return (element.get(_attr(element, "val")) or "true") not in _OFF


def _bidi_styles(styles: Any | None) -> tuple[dict[str, bool], str, bool]:
    """The direction of each paragraph style of *styles* (True: right to left, its own
    ``w:bidi`` or a style's it is based on, else the document's default), the default
    paragraph style's id, and the document's default (``w:docDefaults``)."""
    if styles is None:
        return {}, "", False
    default = any(_on(found) for element in styles if _named(element)[1] == "docDefaults"
                  for found in element.iter() if _named(found)[1] == "bidi"
                  and _named(found.getparent())[1] == "pPr")
    paragraphs = [style for style in styles if _named(style)[1] == "style"
                  and style.get(_attr(style, "type")) in (None, "paragraph")]
    default_style = next((style.get(_attr(style, "styleId")) or "" for style in paragraphs
                          if _on_attr(style, "default")), "")
    return _word_styles(paragraphs, "pPr", ("bidi",), default), default_style, default


def _word_styles(styles: Any, properties: str, names: tuple[str, ...],
                 default: bool = False) -> dict[str, bool]:
    """{style id: whether the on/off property *names* of its *properties* (``w:rPr``,
    ``w:pPr``) is on: its own, else a style's it is based on, else *default*}."""
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in styles:
        if _named(style)[1] != "style":
            continue
        sid = style.get(_attr(style, "styleId")) or ""
        own[sid] = None
        for child in style:
            if _named(child)[1] == "basedOn":
                based[sid] = child.get(_attr(child, "val")) or ""
            elif _named(child)[1] == properties:
                for prop in child:
                    if _named(prop)[1] in names:
                        own[sid] = _on(prop)

    return _inherited(own, based, default)


def _inherited(own: dict[str, bool | None], based: dict[str, str],
               default: bool) -> dict[str, bool]:
    """{style: its own value (*own*), else the one of the style it is based on
    (*based*), and so on, else *default*}: a style's property as a word processor reads
    it. Twenty steps at most: a loop of styles ends."""

    def holds(name: str, depth: int = 0) -> bool:
        if own.get(name) is not None:
            return bool(own[name])
        if depth > 20 or name not in based:
            return default
        return holds(based[name], depth + 1)

    return {name: holds(name) for name in own}


def _on_attr(element: Any, local: str) -> bool:
    value = element.get(_attr(element, local))
    return value is not None and value not in _OFF


def _right_to_left(text: str, from_start: bool = True) -> str:
    """*text*, of a paragraph Word lays out right to left, each of its lines that opens
    with a Latin letter («BBC نشرت…», «“Fake news” هكذا…») after a right-to-left mark:
    laid out by its first letter, it read left to right, «BBC» last (rv123)."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if (at or from_start) and list_numbers.first_strong(line) == "L":
            lines[at] = list_numbers.RLM + line
    return "\n".join(lines)


def _mark_deleted(paragraph: Any) -> bool:
    """Whether *paragraph*'s own mark (its end) is a tracked deletion (``w:pPr/w:rPr/
    w:del``): the paragraph runs on into the next."""
    return any(_named(ppr)[1] == "pPr" and any(
        _named(rpr)[1] == "rPr" and any(_named(mark)[1] == "del" for mark in rpr)
        for rpr in ppr) for ppr in paragraph)


def _attr(element: Any, local: str) -> str:
    """The name of *element*'s attribute *local* in its own (Word) namespace."""
    namespace = _named(element)[0]
    return f"{{{namespace}}}{local}" if namespace else local


def _hidden(run: Any, hidden_styles: frozenset[str] = frozenset(),
            paragraph_hidden: bool = False) -> bool:
    """Whether the run *run* is formatted as hidden: ``w:vanish`` on the run, else on
    its character style or its paragraph's style (*hidden_styles*, *paragraph_hidden*)."""
    for child in run:
        if _named(child)[1] == "rPr":
            for p in child:
                if _named(p)[1] in ("vanish", "specVanish"):
                    return (p.get(_attr(p, "val")) or "true") not in _OFF
            if any(_named(p)[1] == "rStyle" and p.get(_attr(p, "val")) in hidden_styles
                   for p in child):
                return True
    return paragraph_hidden


def _hidden_word_styles(styles: Any | None) -> frozenset[str]:
    """The ids of the styles of *styles* (word/styles.xml) whose text is hidden
    (``w:vanish``, their own or a style's they are based on)."""
    if styles is None:
        return frozenset()
    return frozenset(sid for sid, hidden in _word_styles(styles, "rPr", ("vanish",)).items()
                     if hidden)


# A symbol font's marks a table of claims holds (Insert ▸ Symbol: ✓ and ✖ in a «true?»
# column), as the characters they draw; a symbol font's other glyphs are none. Each is
# one a face of the PDF packet has (store/exchange/pdf_layout.py): its cross ✗ (U+2717),
# crossed box ☒ and black circle ● were drawn there as empty boxes, no shipped face having
# them, so they are read as Noto Emoji's ✖ (U+2716) and as a bullet • (Noto Emoji's ⚫ is
# a hatched circle, rv280). A crossed box is a cross too: the one crossed box a face has,
# ❎, is an emoji by default, a green square in a browser's or a desktop's colour emoji,
# where a «false» read as approval (rv281).
_SYMBOLS = {"wingdings": {"\uf0fb": "✖", "\uf0fc": "✓", "\uf0fd": "✖", "\uf0fe": "☑",
                          "\uf0a8": "◻", "\uf0a7": "▪", "\uf09f": "•", "\uf06c": "•"},
            "wingdings 2": {"\uf04f": "✖", "\uf050": "✓", "\uf051": "✖", "\uf052": "☑",
                            "\uf053": "✖", "\uf054": "✖", "\uf0a3": "◻"},
            "symbol": {"\uf0b7": "•", "\uf0d6": "√", "\uf0b4": "×"}}


def _symbol(code: str, font: str = "") -> str:
    """A ``w:sym``'s character: a symbol font's own glyphs (private use) as the mark
    they draw when it is a tick, a cross or a box (they were left out, and a table's
    «✓» and «✗» with them, rv123), else none."""
    try:
        character = chr(int(code, 16))
    except (ValueError, OverflowError):  # (not hex, or past any character)
        return ""
    if "\ud800" <= character <= "\udfff":  # (half of a pair: no character to store)
        return ""
    font = font.strip().lower()
    if "\u0020" <= character <= "\u00ff" and font in _SYMBOLS:
        character = chr(0xF000 + ord(character))  # (the font's code, as Word writes it too)
    if "\ue000" <= character <= "\uf8ff":
        return _SYMBOLS.get(font, {}).get(character, "")
    return character


def _chosen(alternatives: Any) -> Any:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (its fallback repeats it
    for older readers: a text box's words came twice)."""
    for child in alternatives:
        if _named(child) == (_MC, "Choice"):
            return child
    for child in alternatives:
        if _named(child) == (_MC, "Fallback"):
            return child
    return []


def _outermost(element: Any, wanted: Callable[[Any], bool]) -> list[Any]:
    """The elements in *element* (itself included) that *wanted* picks and that are in
    no other picked one, outside any ``mc:Fallback``."""
    if wanted(element):
        return [element]
    if _named(element) == (_MC, "Fallback"):
        return []
    if _named(element) == (_MC, "AlternateContent"):
        return _outermost(_chosen(element), wanted) if len(_chosen(element)) else []
    return [found for child in element for found in _outermost(child, wanted)]


def _add_notes(lines: list[str], notes: _Notes, read_blocks: Callable[[Any], None]) -> None:
    """The cited notes after the text, each «[n] …», an empty line before them."""
    if not notes.cited:
        return
    lines.append("")
    done = 0
    while done < len(notes.cited):  # (a note may cite another)
        note = notes.cited[done]
        done += 1
        start = len(lines)
        read_blocks(note)
        body = "\n".join(line for line in lines[start:] if line.strip()).strip()
        del lines[start:]
        if done - 1 in notes.marked:  # (its own mark opens its body: «* …»)
            lines.append(body)
            continue
        number = notes.numbers[done - 1]
        lines.append(f"[{number}] {body}" if body else f"[{number}]")


class _OdtReader(_Reader):
    """One .odt read into lines."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        super().__init__(archive, name)
        self.hidden_styles: frozenset[str] = frozenset()
        self.list_styles: dict[str, dict[int, list_numbers.Level]] = {}
        self.rtl_styles: dict[str, bool] = {}  # paragraph styles laid out right to left
        self.default_rtl = False
        self.open_lists: list[tuple[str, list_numbers.ListCounter]] = []  # (style, counter)
        self.last_lists: dict[str, list_numbers.ListCounter] = {}  # by style: to continue
        self.outline = list_numbers.ListCounter()  # the headings' numbers
        self.named_lists: dict[str, list_numbers.ListCounter] = {}  # by xml:id: to continue
        # The number the list item being read shows before its first paragraph, counted
        # when that paragraph comes (an item holding only a list below shows none)
        self.pending: Callable[[], str] | None = None

    def read(self) -> Document:
        content = _xml(self.archive, "content.xml", self.name)
        if content is None:
            raise _damaged(self.name)
        styles = _xml(self.archive, "styles.xml", self.name)
        self.hidden_styles = _hidden_odt_styles([content, styles])
        # (a paragraph laid out right to left: its style's writing mode, rv123's for .odt)
        self.rtl_styles, self.default_rtl = _odt_styles(
            [content, styles], "paragraph-properties", f"{{{_STYLE}}}writing-mode",
            lambda mode: mode.startswith("rl"))
        self.list_styles = list_numbers.odt_list_styles([content, styles])
        text = next(content.iter(f"{{{_OFFICE}}}text"), None)
        if text is not None:
            self._blocks(text)
        _add_notes(self.lines, self.notes, self._blocks)
        return Document("\n".join(self.lines), self.left_out)

    def _hides(self, element: Any) -> bool:
        """Whether *element* is hidden: a style that hides its text, a hidden section."""
        if element.get(f"{{{_TEXT}}}style-name") in self.hidden_styles:
            return True
        return _named(element) == (_TEXT, "section") and \
            element.get(f"{{{_TEXT}}}display") == "none"

    def _blocks(self, parent: Any) -> None:
        for child in parent:
            named = _named(child)
            if self._hides(child):
                self.left_out = self.left_out or _holds_text(child)
            elif named in ((_TEXT, "p"), (_TEXT, "h")):
                self._paragraph(child)
            elif named == (_TEXT, "list"):
                self._list(child)
            elif named in ((_TEXT, "list-item"), (_TEXT, "list-header")):
                self._list_item(child, named[1] == "list-item")
            elif named in _ODT_BLOCKS:
                self._blocks(child)
            elif named in _ODT_UNSEEN:
                self.left_out = self.left_out or _holds_text(child)

    def _list(self, element: Any) -> None:
        """A list: counted on from its parent, or from the last list of its style when
        it continues that one, else from its start."""
        style = element.get(f"{{{_TEXT}}}style-name") or (
            self.open_lists[-1][0] if self.open_lists else "")
        continued = element.get(f"{{{_TEXT}}}continue-list") or ""
        if self.open_lists:
            counter = self.open_lists[-1][1]
        elif continued in self.named_lists:  # (the list named, not the last of its
            # style: two lists of one style interleaved, each counted on)
            counter = self.last_lists[style] = self.named_lists[continued]
        elif element.get(f"{{{_TEXT}}}continue-numbering") == "true" or continued:
            counter = self.last_lists.setdefault(style, list_numbers.ListCounter())
        else:
            counter = self.last_lists[style] = list_numbers.ListCounter()
        if element.get(_XML_ID):
            self.named_lists[element.get(_XML_ID)] = counter
        self.pending = None
        self.open_lists.append((style, counter))
        try:
            self._blocks(element)
        finally:
            self.open_lists.pop()
            self.pending = None

    def _list_item(self, item: Any, numbered: bool) -> None:
        if not self.open_lists or not numbered:
            self.pending = None
        else:
            style, counter = self.open_lists[-1]
            level, levels = len(self.open_lists) - 1, self.list_styles.get(style, {})
            try:
                restart = int(item.get(f"{{{_TEXT}}}start-value") or 0) or None
            except ValueError:
                restart = None
            self.pending = lambda: counter.next(level, levels, restart)
        self._blocks(item)

    def _paragraph(self, paragraph: Any) -> None:
        pieces: list[tuple[str, bool]] = []  # (text, as written: not white space to fold)
        boxes: list[Any] = []
        label, self.pending = (self.pending() if self.pending else ""), None
        if not label and not self.open_lists and _named(paragraph) == (_TEXT, "h"):
            label = self._heading_number(paragraph)
        self.took(label)
        self._inline(paragraph, pieces, boxes)
        text = list_numbers.labelled(label, _folded(pieces))
        style = paragraph.get(f"{{{_TEXT}}}style-name") or ""
        if self.rtl_styles.get(style, self.default_rtl):
            text = _right_to_left(text)
        self.lines.append(text)
        for box in boxes:
            self._blocks(box)

    def _heading_number(self, heading: Any) -> str:
        """A heading's number by the document's outline numbering («1.», «2.1»)."""
        levels = self.list_styles.get(list_numbers.OUTLINE)
        if not levels or heading.get(f"{{{_TEXT}}}is-list-header") == "true":
            return ""
        try:
            level = max(1, min(int(heading.get(f"{{{_TEXT}}}outline-level") or 1), 10)) - 1
            restart = int(heading.get(f"{{{_TEXT}}}start-value") or 0) or None
        except ValueError:
            return ""
        if heading.get(f"{{{_TEXT}}}restart-numbering") == "true" and restart is None:
            restart = levels.get(level, list_numbers.Level()).start
        # (a level the outline style does not write is numbered «none», as LibreOffice
        # draws it: not «%1.» with the first level's empty number, «. Sub», rv120)
        levels = {depth: levels.get(depth, list_numbers.Level("none", "")) for depth in
                  range(max(10, level + 1))}
        return self.outline.next(level, levels, restart)

    def _inline(self, parent: Any, pieces: list[tuple[str, bool]], boxes: list[Any]) -> None:
        pieces.append((self.took(parent.text or ""), False))  # (each piece counted as read)
        for child in parent:
            named = _named(child)
            if named == (_TEXT, "s"):
                pieces.append((self.took(" " * _count(child.get(f"{{{_TEXT}}}c"))), True))
            elif named == (_TEXT, "tab"):
                pieces.append((self.took("\t"), True))
            elif named == (_TEXT, "line-break"):
                pieces.append((self.took("\n"), True))
            elif named == (_TEXT, "note"):
                body = next(child.iter(f"{{{_TEXT}}}note-body"), None)
                pieces.append((self.took(self.notes.cite(body)), True))
            elif named in _ODT_UNSEEN or self._hides(child):
                self.left_out = self.left_out or _holds_text(child)
            elif named[0] == _DRAW:
                boxes.append(child)
            elif named[0] == _TEXT and named not in _ODT_SKIPPED:
                self._inline(child, pieces, boxes)
            pieces.append((self.took(child.tail or ""), False))


_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def _hidden_odt_styles(roots: list[Any | None]) -> frozenset[str]:
    """The names of the styles in *roots* (content.xml, styles.xml) whose text is
    hidden (``text:display="none"``, LibreOffice's Hidden character attribute), their
    own or a parent style's."""
    hidden, _ = _odt_styles(roots, "text-properties", f"{{{_TEXT}}}display",
                            lambda value: value == "none")
    return frozenset(name for name, on in hidden.items() if on)


def _odt_styles(roots: list[Any | None], properties: str, attribute: str,
                test: Callable[[str], bool]) -> tuple[dict[str, bool], bool]:
    """{style name: whether *test* holds of its *properties*' *attribute*, its own or a
    parent style's, else the default style's}, and that default (a paragraph's)."""
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    default = False
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{{{_STYLE}}}default-style"):
            if style.get(f"{{{_STYLE}}}family") == "paragraph":
                for props in style.iter(f"{{{_STYLE}}}{properties}"):
                    if props.get(attribute) is not None:
                        default = test(props.get(attribute))
        for style in root.iter(f"{{{_STYLE}}}style"):
            name = style.get(f"{{{_STYLE}}}name") or ""
            own[name] = None
            if style.get(f"{{{_STYLE}}}parent-style-name"):
                parent[name] = style.get(f"{{{_STYLE}}}parent-style-name") or ""
            for props in style.iter(f"{{{_STYLE}}}{properties}"):
                if props.get(attribute) is not None:
                    own[name] = test(props.get(attribute))

    return _inherited(own, parent, default), default


def _folded(pieces: list[tuple[str, bool]]) -> str:
    """A paragraph's text as OpenDocument lays it out: each run of white space in the
    markup one space, none at the paragraph's start (spaces meant are ``text:s``)."""
    out: list[str] = []
    after_space = True
    for text, as_written in pieces:
        if as_written:
            out.append(text)
            after_space = text.endswith("\n")
            continue
        text = _SPACES.sub(" ", text)
        if after_space:
            text = text.removeprefix(" ")
        if text:
            out.append(text)
            after_space = text.endswith(" ")
    return "".join(out)


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


def _holds_text(element: Any) -> bool:
    return any((node.text or "").strip() for node in element.iter())


def _encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return False
    return b"encryption-data" in manifest


def _password(name: str) -> ImportRejected:
    return ImportRejected("{name} is protected by a password, which Tahqiq cannot open: "
                          "save it without the password, or copy its text.", name=name)
