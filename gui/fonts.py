"""Arabic faces shipped as Python packages, registered with Qt at start-up."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

READER_FAMILY = "Amiri"
UI_FAMILY = "Noto Sans Arabic"
READER_POINT_SIZE = 17
FONT_FILES = (
    ("fontpkg_amiri", "Amiri-*.ttf"),
    ("fontpkg_noto_sans_arabic", "*.ttf"),
    ("fontpkg_ibm_plex_sans_arabic", "IBMPlexSansArabic-[RB]*.ttf"),  # Regular and Bold
)
_registered: list[str] = []


def _font_files() -> list[Path]:
    files: list[Path] = []
    for module, pattern in FONT_FILES:
        try:
            package = __import__(module)
        except ImportError:
            warnings.warn(f"font package {module} is missing; using system fonts", stacklevel=2)
            continue
        files.extend(sorted(Path(package.ROOT, "files").glob(pattern)))
    return files


def register_fonts() -> list[str]:
    """Add the packaged faces to QFontDatabase once; returns the families now available."""
    if not _registered:
        for path in _font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(_registered))


def reader_font(point_size: float = READER_POINT_SIZE) -> QFont:
    """The reading face; system Arabic faces stand in when the package is absent."""
    families = [READER_FAMILY, UI_FAMILY, "Noto Naskh Arabic", "DejaVu Sans"]
    font = QFont()
    font.setFamilies([f for f in families if f in register_fonts()] + families)
    font.setPointSizeF(point_size)
    return font
