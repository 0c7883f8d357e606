"""File ▸ Export Review Packet: the store writes the packet, as PDF or HTML."""

from __future__ import annotations

from pathlib import Path

from store import packet
from store.packet_pdf import write_packet_pdf
from store.project import Project


def export_packet(project: Project, article_id: str, fmt: str, path: str | Path,
                  language: str = "en") -> Path:
    """Write the packet of one article as ``pdf`` or ``html``, whole or not at all."""
    if fmt == "pdf":
        return write_packet_pdf(project, article_id, path, language)
    return packet.write_packet_html(project, article_id, path, language)
