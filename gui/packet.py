"""The review packet as PDF, drawn by Qt so Arabic is shaped and right-to-left."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from gui.fonts import PRINT_FAMILY, register_fonts
from store.core.project import Project
from store.exchange import packet


def ensure_gui_app() -> QGuiApplication:
    """Qt needs an application for fonts; printing never needs a screen, so use none."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
    register_fonts()
    return app  # type: ignore[return-value]


def render_pdf(html: str, path: str | Path) -> Path:
    ensure_gui_app()
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle("Tahqiq review packet")
    writer.setCreator("Tahqiq")
    document = QTextDocument()
    font = QFont(PRINT_FAMILY)
    font.setPointSize(11)
    document.setDefaultFont(font)
    document.setHtml(html)
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    return path


def export_packet(project: Project, article_id: str, fmt: str, path: str | Path,
                  language: str = "en") -> Path:
    """Write the packet of one article as ``pdf`` or ``html``."""
    html = packet.packet_html(project, article_id, language)
    if fmt == "pdf":
        return render_pdf(html, path)
    Path(path).write_text(html, encoding="utf-8")
    return Path(path)
