"""Word and OpenDocument import: a document's XML → its reader's text → article.

A mutated ZIP is mostly a damaged one (its checksums fail), which finds the refusal and
little else; so an input is the XML of the document's text, wrapped into a file here:
``D`` + bytes is a .docx's word/document.xml, ``O`` + bytes an .odt's content.xml, and
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


def seeds() -> Iterator[bytes]:
    for name, kind in (("sample.docx", b"D"), ("sample.odt", b"O"), ("lists.docx", b"D"),
                       ("lists.odt", b"O")):
        data = (DOCUMENTS / name).read_bytes()
        yield data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            yield kind + archive.read(_PARTS[kind][1])


def test_one_input(data: bytes) -> None:
    kind = data[:1]
    if kind in _PARTS:
        import_as(wrapped(kind, data[1:]), _PARTS[kind][0])
    else:
        import_as(data, "story.docx")
