"""Word and OpenDocument import: a document's XML → its reader's text → article.

A mutated ZIP is mostly a damaged one (its checksums fail), which finds the refusal and
little else; so an input is the XML of the document's text, wrapped into a file here:
``D`` + bytes is a .docx's word/document.xml, ``O`` + bytes an .odt's content.xml, ``M`` +
parts apart by ``SEPARATOR`` a .docx's document, footnotes, numbering and styles (a note
citing itself, a list level of 999999999 were found in those, by hand: rv125), and
anything else the file's own bytes. The checks are the text import's
(targets/text_import.py): a clean article, found again on a second import, or a one-line
refusal.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from targets.text_import import import_as

DOCUMENTS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "documents"
SEPARATOR = b"\0PART\0"
# The parts of a .docx an ``M`` input carries, in order
WORD_PARTS = ("word/document.xml", "word/footnotes.xml", "word/numbering.xml",
              "word/styles.xml")
_PARTS = {b"D": ("story.docx", "word/document.xml", None),
          b"O": ("story.odt", "content.xml", "application/vnd.oasis.opendocument.text")}


def wrapped(kind: bytes, xml: bytes) -> bytes:
    """The document of kind *kind* (``D`` or ``O``) whose text part is *xml*."""
    _, part, mimetype = _PARTS[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        archive.writestr(part, xml)
    return out.getvalue()


def wrapped_parts(data: bytes) -> bytes:
    """A .docx of the parts in *data* (WORD_PARTS, apart by SEPARATOR; fewer is fine)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in zip(WORD_PARTS, data.split(SEPARATOR), strict=False):
            if part:  # (an empty one is none: a part of no XML is a damaged file)
                archive.writestr(name, part)
    return out.getvalue()


def seeds() -> Iterator[bytes]:
    for name, kind in (("sample.docx", b"D"), ("sample.odt", b"O"), ("lists.docx", b"D"),
                       ("lists.odt", b"O"), ("rtl.docx", b"D")):
        data = (DOCUMENTS / name).read_bytes()
        yield data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            yield kind + archive.read(_PARTS[kind][1])
            if kind == b"D":
                names = set(archive.namelist())
                yield b"M" + SEPARATOR.join(archive.read(name) if name in names else b""
                                            for name in WORD_PARTS)


def test_one_input(data: bytes) -> None:
    kind = data[:1]
    if kind == b"M":
        import_as(wrapped_parts(data[1:]), "story.docx")
    elif kind in _PARTS:
        import_as(wrapped(kind, data[1:]), _PARTS[kind][0])
    else:
        import_as(data, "story.docx")
