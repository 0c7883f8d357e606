"""Tahqiq's own icon, and icons drawn by the app itself (colour swatches)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPixmap


def color_icon(color: str | QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """The application icon, from the PNGs that scripts/make-icons renders (no SVG
    renderer needed at run time, so the bundle leaves QtSvg out)."""
    icon = QIcon()
    for png in resources.files("resources").joinpath("icons").iterdir():
        stem = png.name.removesuffix(".png")
        if png.name.endswith(".png") and stem.startswith("tahqiq-"):
            side = int(stem.removeprefix("tahqiq-"))
            icon.addFile(str(png), QSize(side, side))
    return icon
