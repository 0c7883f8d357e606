"""Bringing article files into a project.

Decoding is strict: a file is either decoded exactly or refused, never
mangled. The whole import is one transaction, so a refused file leaves the
project as it was.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

from store import articles
from store.errors import ImportRejected
from store.models import Article
from store.project import Project
from store.textclean import clean_text

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # 50 MiB of text; 10 MB articles import comfortably
LEGACY_ARABIC = ("cp1256", "iso8859_6")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
                  "cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6"}


@dataclass
class ImportOutcome:
    article: Article
    created: bool  # False when the same text was already in the project
    encoding: str
    changes: list[str] = field(default_factory=list)


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def decode_bytes(data: bytes, name: str = "the file") -> tuple[str, str]:
    """(text, encoding) for *data*, or ImportRejected if it is not text we can read."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise ImportRejected(f"{name} looks like a binary file, not text.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy Arabic code pages. General detectors (charset-normalizer) misread short
    # Windows-1256 snippets and happily "decode" anything as some code page, so we
    # only accept a candidate that decodes strictly and reads as Arabic.
    decoded = []
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((_arabic_share(text), encoding == "cp1256", text, encoding))
    if decoded:
        share, _, text, encoding = max(decoded)
        if share >= 0.5:
            return text, encoding
    raise ImportRejected(
        f"{name} is not in an encoding Tahqiq can read reliably (UTF-8, UTF-16, Windows-1256, "
        "ISO-8859-6). Save it as UTF-8 and try again.")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{name} claims to be {ENCODING_NAMES.get(encoding, encoding)} but byte "
            f"{exc.start} is not valid; nothing was imported.") from exc


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


def import_text(project: Project, raw: str, *, title: str = "", encoding: str = "",
                source_name: str = "", **metadata: str) -> ImportOutcome:
    """Clean *raw* and add it as an article, unless the same text is already there."""
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        raise ImportRejected("There is no text to import.")
    existing = articles.find_by_fingerprint(project, articles.fingerprint(cleaned.text))
    if existing is not None:
        return ImportOutcome(existing, False, encoding, cleaned.changes)
    article = articles.add_article(project, cleaned.text, title, encoding=encoding,
                                   source_name=source_name, **metadata)
    return ImportOutcome(article, True, encoding, cleaned.changes)


def import_file(project: Project, path: str | Path) -> ImportOutcome:
    """Import one article file; ImportRejected leaves the project untouched."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ImportRejected(f"{path.name} is a folder, not a file.")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportRejected(
                f"{path.name} is {size / 1e6:.0f} MB; the limit is "
                f"{MAX_IMPORT_BYTES // (1024 * 1024)} MiB of text.")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    text, encoding = decode_bytes(data, path.name)
    metadata = read_sidecar(path)
    title = metadata.pop("title", "")
    return import_text(project, text, title=title, encoding=ENCODING_NAMES.get(encoding, encoding),
                       source_name=path.name, **metadata)
