"""Text import: bytes → decode → clean → article (store.exchange.importing.import_file).

The input is a file's bytes. Each is imported three ways - PDF repair undecided, chosen
and refused - into a project that is rolled back afterwards. An imported article must be
the cleaned text (NFC, no stray controls) and a second import of the same file must find
it again rather than add it twice. Undecided and refused, it is also imported as a big
file is, a piece at a time (importing.STREAM_FROM_BYTES lowered, pieces of a few bytes):
the same article, the same messages, or the same refusal.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from harness import Finding, door, folder
from seed_inputs import ARTICLE, SAMPLE, hostile, rolled_back, sample_project

from store.core.project import Project
from store.exchange import importing
from store.text.clean import BIDI_CONTROLS, CleanStream

_project: Project | None = None


def seeds() -> Iterator[bytes]:
    yield from hostile()
    for text in (ARTICLE, SAMPLE):
        yield text.encode()
        yield text.encode("utf-8-sig")
        yield text.encode("utf-16")
    for codec in ("cp1256", "iso8859_6"):
        yield "قالت الحكومة إن المعاهدة الجديدة أقوى معاهدة".encode(codec)


def test_one_input(data: bytes) -> None:
    import_as(data, "article.txt")


def import_as(data: bytes, name: str) -> None:
    """Import *data* as the file *name*, three ways, checking what is stored."""
    global _project
    if _project is None:
        _project = sample_project()
    with folder() as where:
        path = where / name
        path.write_bytes(data)
        for repair in (None, True, False):
            with rolled_back(_project) as project:
                outcome = door(lambda p=project, r=repair: importing.import_file(
                    p, path, repair_pdf=r), inputs=[path])
                if isinstance(outcome, importing.ImportOutcome):
                    _check(project, path, repair, outcome)
                whole = _shown(outcome)  # (the article is read while the project holds it)
            if repair is not True:
                with rolled_back(_project) as project, _in_pieces():
                    streamed = _shown(door(lambda p=project, r=repair: importing.import_file(
                        p, path, repair_pdf=r), inputs=[path]))
                if streamed != whole:
                    raise Finding(f"stored in pieces: {streamed!r}, whole: {whole!r}")


def _check(project: Project, path: Path, repair: bool | None,
           outcome: importing.ImportOutcome) -> None:
    text = outcome.article.text
    if not text.strip():
        raise Finding("an empty article was stored")
    if unicodedata.normalize("NFC", text) != text:
        raise Finding("a stored article is not NFC")
    if set(text) & set(BIDI_CONTROLS) or any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise Finding("a stored article kept control characters")
    again = door(lambda: importing.import_file(project, path, repair_pdf=repair), inputs=[path])
    if not isinstance(again, importing.ImportOutcome) or again.created \
            or again.article.id != outcome.article.id:
        raise Finding(f"importing the same file twice gave {again!r}")


@contextlib.contextmanager
def _in_pieces() -> Iterator[None]:
    """Every file stored as a big one is: read 7 bytes and cleaned 16 characters at a time."""
    saved = importing.STREAM_FROM_BYTES, importing._CHECK_BYTES, CleanStream.PIECE
    importing.STREAM_FROM_BYTES, importing._CHECK_BYTES, CleanStream.PIECE = 0, 7, 16
    try:
        yield
    finally:
        importing.STREAM_FROM_BYTES, importing._CHECK_BYTES, CleanStream.PIECE = saved


def _shown(outcome: object) -> object:
    """What an import tells and stores, without the ids and times that differ anyway."""
    if not isinstance(outcome, importing.ImportOutcome):
        return str(outcome)
    article = outcome.article
    return (article.text, article.title, article.fingerprint, article.language,
            article.encoding, outcome.changes, outcome.dropped_note,
            outcome.pdf_repair_suggested, outcome.created)
