"""Icons drawn by the app itself (colour swatches for verdicts and annotators)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def color_icon(color: str | QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
